/*
 * structuur.h — the writes of the structure a beheerder maintains: the
 * seven resources of store/structuur.h (organisaties, wijken, wijkteams,
 * ketens, thema's, opdrachten, eisen) and the budget of an opdracht.
 *
 * The fields of each resource are declared once (domain/veld.h, in
 * handlers/beheer.c, shared by the API and the forms); a face reads and
 * checks them into a struct structuur_invoer, references included
 * (structuur_refs_toets), and hands it to structuur_schrijf. Structure is
 * not personal data: the audit rows name no inwoner.
 */
#ifndef WZ_OPS_STRUCTUUR_H
#define WZ_OPS_STRUCTUUR_H

#include <stddef.h>
#include <stdint.h>

#include "domain/veld.h"
#include "ops/ops.h"
#include "store/structuur.h"

struct json_object;

#define STRUCTUUR_MAX_VELDEN	8

/* A wijkteam's columns: its own, then its links (organisatie, wijken),
 * then the date a change of links takes effect. The declared fields of a
 * wijkteam are in this order. */
enum { STRUCTUUR_WT_VAN = 2, STRUCTUUR_WT_ORG = 4, STRUCTUUR_WT_WIJKEN = 5,
	STRUCTUUR_WT_PER = 6 };

/* Input read and checked against a resource's fields. */
struct structuur_invoer {
	const char          *ruw[STRUCTUUR_MAX_VELDEN];   /* as sent, for
							   * re-showing */
	const char          *tekst[STRUCTUUR_MAX_VELDEN]; /* checked, trimmed;
							   * NULL = empty */
	int64_t              getal[STRUCTUUR_MAX_VELDEN]; /* REF, JAAR */
	const char         **lijst_ruw;       /* the VELD_LIJST field, as sent */
	size_t               nlijst_ruw;
	int64_t             *lijst;           /* its ids, checked, unique */
	size_t               nlijst;
	struct json_object  *fouten;          /* [{veld, melding}], owned */
};

/*
 * Whether every reference of in (fields velden, n of them) points at
 * something; fout[i] set: field i failed already and is not looked up.
 * Errors go to in->fouten. OPS_OK or OPS_STORING.
 */
enum ops_uitkomst structuur_refs_toets(struct ops_ctx *,
		    const struct veld *velden, size_t n,
		    struct structuur_invoer *in, const int *fout);

/*
 * Writes a record of kind s (id 0: a new one, *id gets its id; otherwise
 * the update of *id at versie) from in — a wijkteam with its links — and
 * its audit row (object_soort: "wijk", ...). OPS_VELDEN: a taken code,
 * or an opdracht whose keten does not fit its soort (a brede opdracht has
 * none, an aanvullende one has one; the error in in->fouten, nothing
 * written); OPS_VEROUDERD; OPS_STORING. The transaction stays open on
 * OPS_OK.
 */
enum ops_uitkomst structuur_schrijf(struct ops_ctx *, enum structuur_soort s,
		    const char *object_soort, const struct veld *velden,
		    size_t nvelden, const struct structuur_invoer *in,
		    int64_t *id, int64_t versie);

/*
 * Replaces the budget of opdracht id (at versie) with items, bumps the
 * opdracht's versie and writes the audit row. OPS_VEROUDERD; OPS_STORING;
 * the transaction stays open on OPS_OK.
 */
enum ops_uitkomst budget_schrijf(struct ops_ctx *, int64_t id, int64_t versie,
		    const struct budget *items, size_t n);

#endif
