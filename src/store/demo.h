/*
 * demo.h — demo inwoners for `wijkzicht seed-demo` (issue 4): a few
 * hundred clearly fictional residents with trajecten and gebeurtenissen
 * across the 11 demo wijkteams and the years 2023–2025.
 *
 * Generated deterministically (a fixed-seed PRNG per inwoner), so every
 * installation gets the same people and the same stories. Written through
 * the registration store (store/registratie.h), so inwoner_toegang and the
 * ketenstatus projection are computed by the same code as for real
 * registrations, one transaction per inwoner with its audit rows.
 *
 * Idempotent: each demo inwoner carries extern_kenmerk "DEMO-0001", ...
 * in its organisatie; one that is already there is skipped, so running
 * seed-demo again creates nothing.
 *
 * BSNs: about half of the demo inwoners get one, always from the range
 * 999 99 xxxx that the Rijksdienst voor Identiteitsgegevens reserves for
 * test data (never issued to a person), chosen to pass the 11-proef, and
 * sealed with the configured keys (core/seal.h). Without keys in the
 * configuration no demo inwoner gets a BSN.
 */
#ifndef WZ_STORE_DEMO_H
#define WZ_STORE_DEMO_H

#include <stdio.h>

struct config;
struct db;

/* How many demo inwoners there are (DEMO-0001 .. DEMO-0330). */
#define DEMO_INWONERS	330

/*
 * `wijkzicht seed-demo`: runs the files of sql/demo/ (structure and demo
 * users, written to be run again), gives the demo accounts that have no
 * password yet WIJKZICHT_DEMO_PASSWORD (default wijkzicht-demo-2025), and
 * creates the missing demo inwoners. Returns 0, or -1 after printing why.
 */
int	demo_seed(const struct config *, FILE *out);

/*
 * Creates the demo inwoners that are missing, on db (connected; the
 * structure and users of sql/demo/ must be loaded). Reports on out.
 * Returns 0, or -1 after printing the reason (the inwoner being written
 * is rolled back; those before it stay).
 */
int	demo_inwoners(struct db *, const struct config *, FILE *out);

#endif
