/*
 * demo_rapportages.h — the demo rapportages of `wijkzicht seed-demo`
 * (issue 12, "Demo data"), made through the operations of
 * ops/rapportage.h as the demo teamleiders and the regisseur of the
 * participatie keten would make them, so that every snapshot, historie
 * row, audit row and revision marker is real:
 *
 *   - 2023-H2, 2024-H1 and 2024-H2: vastgesteld for DOCK, Incluzio and
 *     SMD (the demo format "participatie" of regisseur.participatie's
 *     keten, never the formats tests or users add to it); DOCK
 *     2024-H1 was heropend, one value revised, and vastgesteld again;
 *   - 2025-H1: Incluzio's ingediend with an open vraag of the regisseur,
 *     SMD's teruggestuurd (a concept again); DOCK's not yet created, so a
 *     new one can be started in the demo.
 *
 * Idempotent: a rapportage the organisatie already has for that format
 * and periode is left as it is (whatever its state), so running seed-demo
 * again creates nothing.
 */
#ifndef WZ_OPS_DEMO_RAPPORTAGES_H
#define WZ_OPS_DEMO_RAPPORTAGES_H

#include <stdio.h>

struct arena;
struct db;

/* On db (connected as the application; the demo structure, users,
 * formats and inwoners loaded), with arena for the results (reset between
 * rapportages) and drempel the configuration's kleine_aantallen. Reports
 * on out. Returns 0, or -1 after printing why (the step that failed is
 * rolled back; rapportages finished before it stay). */
int	demo_rapportages(struct db *, struct arena *, int drempel, FILE *out);

#endif
