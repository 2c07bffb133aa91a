/*
 * indicator.h — the writes of the indicator catalogue (issue 10): create
 * an indicator, and change one — in place while no figure of it has gone
 * out, as a new version (nummer + 1) once it is in use.
 *
 * Who: a beheerder for every keten, a regisseur for the ketens of their
 * grants (OPS_GEWEIGERD otherwise). What is checked: every field with its
 * declaration, the rule against the gebeurtenistype table
 * (domain/indicator.h), the eenheid against the rule's kind, the
 * references (keten, thema within it, eisen), the teller and noemer of a
 * verhouding (existing berekende indicators, no cycle), a partij exactly
 * for a ketenpartner indicator. The catalogue holds no personal data; its
 * audit rows name the indicator.
 */
#ifndef WZ_OPS_INDICATOR_H
#define WZ_OPS_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "ops/ops.h"
#include "store/indicator.h"

struct json_object;

struct indicator_invoer {
	struct ops_tekst     code, naam, definitie, doel, eenheid, keten_id,
			     thema_id, drempel_vorige_periode, bron,
			     aanleverende_partij;
	struct ops_tekst     eis_ids[INDICATOR_MAX_EISEN];
	size_t               neis;
	int                  eis_ongeldig;   /* not a list of ids, or too many */
	struct json_object  *regel;          /* borrowed; NULL: none */
	int                  regel_ongeldig; /* sent, but not an object (or
					      * not JSON, from a form) */
};

/* A new indicator (nummer 1). *id: its id. Transaction open on OPS_OK. */
enum ops_uitkomst indicator_maak(struct ops_ctx *,
		    const struct indicator_invoer *, int64_t *id);

/*
 * Changes version id at versie. An indicator in use keeps its code
 * (OPS_CONFLICT) and, when its meaning changes (definitie, eenheid, bron,
 * partij, keten or regel), is succeeded by a new version: *nieuw_id is
 * then the new row's id (else id itself) and *nieuwe_versie 1. Only the
 * actief version can change (OPS_CONFLICT for an older one).
 */
enum ops_uitkomst indicator_wijzig(struct ops_ctx *,
		    const struct indicator_invoer *, int64_t id, int64_t versie,
		    int64_t *nieuw_id, int *nieuwe_versie);

/* Whether who may change the catalogue of keten_id. */
int	indicator_mag_beheren(const struct principal *who, int64_t keten_id);

#endif
