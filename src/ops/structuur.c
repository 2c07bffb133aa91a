/*
 * structuur.c — the writes of the structure; see structuur.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "db/exec.h"
#include "domain/veldfout.h"
#include "ops/structuur.h"
#include "store/structuur.h"

enum ops_uitkomst
structuur_refs_toets(struct ops_ctx *c, const struct veld *velden, size_t n,
    struct structuur_invoer *in, const int *fout)
{
	const struct veld *f;
	enum db_err rc;
	size_t i, k;
	int ja;

	for (i = 0; i < n; i++) {
		f = &velden[i];
		if (f->type != VELD_REF || fout[i])
			continue;
		if (f->vlag & VELD_LIJST) {
			for (k = 0; k < in->nlijst; k++) {
				if ((rc = store_structuur_bestaat(c->db, c->arena,
				    (enum structuur_ref)f->ref, in->lijst[k], &ja)) !=
				    DB_OK)
					return ops_storing(c, rc, "beheer");
				if (!ja) {
					fout_toevoegen(in->fouten, f->naam, f,
					    VELD_ONBEKEND);
					/* One unknown id rejects the list:
					 * one error per field, and the rest
					 * are not looked up. */
					break;
				}
			}
			continue;
		}
		if (in->tekst[i] == NULL)
			continue;
		if ((rc = store_structuur_bestaat(c->db, c->arena,
		    (enum structuur_ref)f->ref, in->getal[i], &ja)) != DB_OK)
			return ops_storing(c, rc, "beheer");
		if (!ja)
			fout_toevoegen(in->fouten, f->naam, f, VELD_ONBEKEND);
	}
	return OPS_OK;
}

/* A wijkteam's organisatie and wijken: links with their own history,
 * changed per the given date (a new wijkteam: from its start). */
static enum db_err
wijkteam_koppelen(struct ops_ctx *c, int64_t id,
    const struct structuur_invoer *in, int nieuw, const char **toelichting)
{
	char dag[11];
	const char *per;
	enum db_err rc;
	int veranderd = 0;

	if (nieuw)
		per = in->tekst[STRUCTUUR_WT_VAN];
	else
		per = in->tekst[STRUCTUUR_WT_PER] != NULL ?
		    in->tekst[STRUCTUUR_WT_PER] : datum_vandaag(dag);
	rc = store_wijkteam_koppel(c->db, c->arena, id,
	    in->getal[STRUCTUUR_WT_ORG], in->lijst, in->nlijst, per, &veranderd);
	if (rc == DB_OK && veranderd && !nieuw)
		*toelichting = arena_printf(c->arena, "organisatie of wijken "
		    "gewijzigd per %s", per);
	return rc;
}

/*
 * The keten of an opdracht follows its soort: the brede opdracht spans
 * every keten, so it has none; an aanvullende opdracht is given for one
 * keten (the audit letter, Bijlage 2: the startgesprekken, plan van aanpak
 * and overdracht of new bijstand recipients are the brede opdracht's, the
 * aanvullende participatie opdracht has its own budget). Migration 010
 * holds the same in a CHECK; this says it in Dutch first. Adds the field
 * error to in->fouten and returns 1, or returns 0.
 */
static int
opdracht_keten_fout(const struct veld *velden, size_t n,
    const struct structuur_invoer *in)
{
	const struct veld *s = veld_zoek(velden, n, "soort");
	const struct veld *k = veld_zoek(velden, n, "keten_id");
	const char *soort;
	int heeft;

	if (s == NULL || k == NULL || (soort = in->tekst[s - velden]) == NULL)
		return 0;
	heeft = in->tekst[k - velden] != NULL;
	if (strcmp(soort, "breed") == 0 && heeft) {
		fout_melding(in->fouten, k->naam, "Een brede opdracht hoort bij "
		    "geen enkele keten: zij omvat alle ketens. Laat de keten "
		    "leeg.");
		return 1;
	}
	if (strcmp(soort, "aanvullend") == 0 && !heeft) {
		fout_melding(in->fouten, k->naam, "Kies de keten van deze "
		    "aanvullende opdracht: een aanvullende opdracht hoort bij "
		    "één keten.");
		return 1;
	}
	return 0;
}

enum ops_uitkomst
structuur_schrijf(struct ops_ctx *c, enum structuur_soort s,
    const char *object_soort, const struct veld *velden, size_t nvelden,
    const struct structuur_invoer *in, int64_t *id, int64_t versie)
{
	struct db_val vals[STRUCTUUR_MAX_KOLOMMEN];
	size_t i, n = structuur_schrijf_kolommen(s);
	const char *toelichting = "";
	int nieuw = *id == 0, gelukt = 1;
	const struct veld *f;
	enum ops_uitkomst u;
	enum db_err rc;

	if (s == SOORT_OPDRACHT && opdracht_keten_fout(velden, nvelden, in))
		return OPS_VELDEN;
	for (i = 0; i < n; i++) {
		f = &velden[i];
		vals[i] = f->type == VELD_REF || f->type == VELD_JAAR ?
		    db_id(in->getal[i]) : DB_STR(in->tekst[i]);
	}
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = nieuw ? store_structuur_nieuw(c->db, s, vals, n, id) :
	    store_structuur_wijzig(c->db, s, *id, versie, vals, n, &gelukt);
	/* The only unique key a user can hit is the code; a duplicate on a
	 * kind without one falls through to OPS_STORING. */
	if (rc == DB_DUPLICATE && (f = veld_zoek(velden, nvelden, "code")) !=
	    NULL) {
		fout_toevoegen(in->fouten, f->naam, f, VELD_DUBBEL);
		return ops_terug(c, OPS_VELDEN);
	}
	if (rc == DB_OK && !gelukt)
		return ops_terug(c, OPS_VEROUDERD);
	if (rc == DB_OK && s == SOORT_WIJKTEAM)
		rc = wijkteam_koppelen(c, *id, in, nieuw, &toelichting);
	if (rc == DB_OK && ops_audit(c, nieuw ? "aanmaken" : "wijzigen",
	    object_soort, *id, GELUKT, toelichting) != 0)
		rc = DB_ERR;
	if (rc != DB_OK)
		return ops_storing(c, rc, "beheer");
	return OPS_OK;
}

enum ops_uitkomst
budget_schrijf(struct ops_ctx *c, int64_t id, int64_t versie,
    const struct budget *items, size_t n)
{
	enum ops_uitkomst u;
	enum db_err rc;
	int gelukt = 0;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	/* The opdracht's versie is bumped first: the budget rows have no
	 * version of their own, so this row is the lock that makes a stale
	 * form lose before anything is replaced. */
	if ((rc = store_opdracht_ophogen(c->db, id, versie, &gelukt)) == DB_OK &&
	    !gelukt)
		return ops_terug(c, OPS_VEROUDERD);
	if (rc == DB_OK)
		rc = store_budget_vervang(c->db, id, items, n);
	if (rc == DB_OK && ops_audit(c, "wijzigen", "opdracht_budget", id, GELUKT,
	    arena_printf(c->arena, "%zu budgetregel%s", n, n == 1 ? "" : "s")) !=
	    0)
		rc = DB_ERR;
	if (rc != DB_OK)
		return ops_storing(c, rc, "budget");
	return OPS_OK;
}
