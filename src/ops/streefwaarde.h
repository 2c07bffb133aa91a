/*
 * streefwaarde.h — the writes of targets (issue 11): set a target of an
 * indicator for a periode and scope, and change it with a new reason;
 * every state is kept (store/streefwaarde.h).
 *
 * Who: a beheerder for every keten, a regisseur for the ketens of their
 * grants (OPS_GEWEIGERD otherwise). Every other role except a
 * ketenpartner reads (streefwaarde_mag_lezen). What is checked: the
 * indicator exists and is not a tekst indicator (422 indicator_id); the
 * periode is a half-year or a year (422 periode); the richting and its
 * values, a bandbreedte's ondergrens <= bovengrens (422 ondergrens); a
 * tolerance >= 0 of a known kind; an organisatie that is a
 * wijkteamorganisatie and a wijk that exists; a reason. Nothing is
 * written unless everything holds; the row, its historie and the audit
 * row are one transaction.
 */
#ifndef WZ_OPS_STREEFWAARDE_H
#define WZ_OPS_STREEFWAARDE_H

#include <stdint.h>

#include "domain/streefwaarde.h"
#include "ops/ops.h"
#include "store/streefwaarde.h"

struct principal;

struct streefwaarde_invoer {
	struct ops_tekst  indicator_id, periode, organisatie_id, wijk_id,
			  richting, waarde, ondergrens, bovengrens, tolerantie,
			  tolerantie_soort, reden;
};

/* A new target. *id: its id. Transaction open on OPS_OK. */
enum ops_uitkomst streefwaarde_maak(struct ops_ctx *,
		    const struct streefwaarde_invoer *, int64_t *id);

/*
 * Changes target id at versie (OPS_VEROUDERD when stale): richting,
 * values, tolerance, with a new reden. Its indicator, periode and scope
 * are what the target is: sent differently they are a field error (set a
 * new target instead). Transaction open on OPS_OK.
 */
enum ops_uitkomst streefwaarde_wijzig(struct ops_ctx *,
		    const struct streefwaarde_invoer *, int64_t id,
		    int64_t versie);

/* Whether who reads targets: every role but a ketenpartner's. */
int	streefwaarde_mag_lezen(const struct principal *who);

/*
 * Whether the target of indicator_id for periode may still be set or
 * changed: no rapportage of that periode is ingediend (unless heropend).
 * Rapportages arrive with issue 12, which fills this in; until then no
 * rapportage exists and every target may change (returns OPS_OK;
 * OPS_CONFLICT with a melding once one is ingediend).
 */
enum ops_uitkomst streefwaarde_rapportage_vrij(struct ops_ctx *,
		    int64_t indicator_id, const char *periode);

/* A stored row as the domain reads it. Returns 0, or -1 when the stored
 * text is not a target (never expected: the schema's CHECKs hold). */
int	streefwaarde_van_rij(const struct streefwaarde_rij *r,
	    struct streefwaarde *out);

#endif
