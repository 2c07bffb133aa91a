/*
 * beheer_budget.c — the budget of an opdracht: an amount per organisatie
 * per year. The budget is part of the opdracht: changing it needs the
 * opdracht's versie and bumps it, so two people editing the same opdracht
 * cannot overwrite each other's budget unseen.
 *
 * Routes (statuses each may answer; all may also answer 500/503):
 *   GET  /api/v1/opdrachten/{id}/budgetten   200 + ETag; 401; 404
 *   PUT  /api/v1/opdrachten/{id}/budgetten   200 + ETag; 400; 401; 403; 404;
 *                                            412; 422; 428
 *   POST /beheer/opdrachten/{id}/budgetten   303 back to the opdracht;
 *                                            400 no versie; 403; 404;
 *                                            409 changed meanwhile; 422
 * A PUT replaces the whole list. Rows are never deleted: a line left out
 * is set to 0 euro, and 0 euro counts as no budget (it is not listed).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "handlers/beheer.h"
#include "handlers/common.h"
#include "http/request.h"
#include "http/response.h"

/* Most budget lines one PUT or one form may hold: what a request may make
 * this file allocate (the arrays of lines below) is bounded by it. */
#define MAX_REGELS	1000

/* The fields of one line as veld_lees judges them. Their names are the
 * API's members and the ends of the form's field names (budget_<i>_jaar),
 * so both faces report an error under the name the client sent. */
static const struct veld budget_velden[B__N] = {
	{ "organisatie_id", "Organisatie", VELD_REF, 0, VELD_VERPLICHT, NULL,
	  REF_ORGANISATIE, NULL },
	{ "jaar", "Jaar", VELD_JAAR, 0, VELD_VERPLICHT, NULL, 0, NULL },
	{ "bedrag", "Bedrag", VELD_BEDRAG, 0, VELD_VERPLICHT, NULL, 0,
	  "In euro, bijvoorbeeld 1250000,00." },
};

/* The page's answer to a stale versie (409, not the API's 412): the form
 * comes back with everything as it is now, to be done again. */
static const char conflict_tekst[] = "Iemand anders heeft deze opdracht of "
    "haar budget gewijzigd terwijl u ermee bezig was. Hieronder staat alles "
    "zoals het nu is; breng uw wijziging opnieuw aan.";

/* One budget line as sent, with the names its errors are reported under. */
struct regel {
	const char *ruw[B__N];
	const char *naam[B__N];
};

/*
 * Checks the lines into items (*n of them). Errors go to fouten. Returns
 * 0, or -1 after answering a database error. What needs no database is
 * judged first; that the organisatie exists is asked only for a line that
 * is otherwise right (one query per line). There is one line per
 * organisatie and year: a second one is an error at its jaar.
 */
static int
regels_lees(struct req *r, const struct regel *rg, size_t nrg,
    struct budget *items, size_t *n, struct json_object *fouten)
{
	struct veld_waarde w[B__N];
	enum veld_fout vf;
	enum db_err rc;
	size_t i, k, j;
	int goed, ja;

	*n = 0;
	for (i = 0; i < nrg; i++) {
		for (k = 0, goed = 1; k < B__N; k++)
			if ((vf = veld_lees(&budget_velden[k], rg[i].ruw[k], &w[k]))
			    != VELD_OK) {
				fout_toevoegen(fouten, rg[i].naam[k], &budget_velden[k], vf);
				goed = 0;
			}
		if (!goed)
			continue;
		if ((rc = store_structuur_bestaat(r->db, r->arena, REF_ORGANISATIE,
		    w[B_ORG].getal, &ja)) != DB_OK) {
			fail_db(r, rc, "budget");
			return -1;
		}
		if (!ja) {
			fout_toevoegen(fouten, rg[i].naam[B_ORG], &budget_velden[B_ORG],
			    VELD_ONBEKEND);
			continue;
		}
		for (j = 0; j < *n; j++)
			if (items[j].organisatie_id == w[B_ORG].getal &&
			    items[j].jaar == w[B_JAAR].getal)
				break;
		if (j < *n) {
			fout_melding(fouten, rg[i].naam[B_JAAR], "Voor deze organisatie "
			    "staat dit jaar al in de lijst.");
			continue;
		}
		items[*n].organisatie_id = w[B_ORG].getal;
		items[*n].jaar = w[B_JAAR].getal;
		items[*n].cent = w[B_BEDRAG].getal;
		(*n)++;
	}
	return 0;
}

/* budget_schrijf (ops/structuur.h) for this request; the caller answers
 * the outcome with c (antwoord_uitkomst frees its field list). */
static enum ops_uitkomst
budget_bewaar(struct req *r, int64_t id, int64_t versie,
    const struct budget *items, size_t n, struct ops_ctx *c)
{
	ops_ctx_van(r, NULL, c);
	return budget_schrijf(c, id, versie, items, n);
}

/* ------------------------------------------------------------ JSON API */

/* {"opdracht_id", "versie", "items": [...]} of opdracht id; NULL after a
 * 404 or a database error (answered). */
static struct json_object *
budget_json(struct req *r, int64_t id)
{
	struct json_object *opdracht, *o, *v;
	enum db_err rc;

	if ((rc = bron_lees_json(r, &bronnen[SOORT_OPDRACHT], id, 1, &opdracht))
	    != DB_OK) {
		fail_db(r, rc, "budget");
		return NULL;
	}
	if (opdracht == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return NULL;
	}
	o = json_object_new_object();
	json_object_object_add(o, "opdracht_id", json_object_new_int64(id));
	json_object_object_add(o, "versie",
	    json_object_new_int64(bron_versie(opdracht)));
	json_object_object_get_ex(opdracht, "budgetten", &v);
	json_object_object_add(o, "items", v != NULL ? json_object_get(v) :
	    json_object_new_array());
	json_object_put(opdracht);
	return o;
}

/* The ETag is the opdracht's versie: the budget has none of its own. */
void
api_budget_lees(struct req *r)
{
	struct json_object *o;

	if ((o = budget_json(r, route_param_int(&r->match, "id"))) == NULL)
		return;
	zet_etag(r, bron_versie(o));
	resp_json(r, 200, o);
}

/*
 * The If-Match is held against the stored versie before the body is
 * judged, so a stale client gets its 412 without a list of field errors;
 * budget_schrijf checks it again in its transaction, for a change that
 * comes in between (OPS_VEROUDERD, 412 as well). A member of the wrong
 * JSON type becomes "?", which veld_lees refuses with the field's own
 * message. An arena that cannot hold the lines is a body too large (413).
 * The answer is read back inside the transaction and committed after it
 * is made (a failed commit replaces it with a 500).
 */
void
api_budget_zet(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie = if_match_vereist(r);
	struct json_object *huidig, *arr = NULL, *it, *v, *fouten;
	struct budget *items;
	struct regel *rg;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, k, n, nrg, nitems;
	int bad;

	if (versie == 0)
		return;
	if ((huidig = budget_json(r, id)) == NULL)
		return;
	if (bron_versie(huidig) != versie) {
		json_object_put(huidig);
		resp_problem(r, 412, NULL, NULL);
		return;
	}
	json_object_put(huidig);
	if (!json_object_is_type(r->json, json_type_object) ||
	    !json_object_object_get_ex(r->json, "items", &arr) ||
	    !json_object_is_type(arr, json_type_array) ||
	    (n = json_object_array_length(arr)) > MAX_REGELS) {
		resp_problem(r, 400, "Stuur {\"items\": [{\"organisatie_id\": ..., "
		    "\"jaar\": ..., \"bedrag\": ...}]}, hoogstens 1000 regels.", NULL);
		return;
	}
	rg = arena_calloc(r->arena, n + 1, sizeof(*rg));
	items = arena_calloc(r->arena, n + 1, sizeof(*items));
	if (rg == NULL || items == NULL) {
		resp_problem(r, 413, NULL, NULL);
		return;
	}
	fouten = json_object_new_array();
	for (i = 0, nrg = 0; i < n; i++) {
		it = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(it, json_type_object)) {
			fout_melding(fouten, arena_printf(r->arena, "items[%zu]", i),
			    "Elke regel is een object met organisatie_id, jaar en bedrag.");
			continue;
		}
		for (k = 0; k < B__N; k++) {
			rg[nrg].naam[k] = arena_printf(r->arena, "items[%zu].%s", i,
			    budget_velden[k].naam);
			v = NULL;
			json_object_object_get_ex(it, budget_velden[k].naam, &v);
			rg[nrg].ruw[k] = json_tekst(v, &bad);
			if (bad)
				rg[nrg].ruw[k] = "?";   /* refused by veld_lees */
		}
		nrg++;
	}
	if (regels_lees(r, rg, nrg, items, &nitems, fouten) != 0) {
		json_object_put(fouten);
		return;
	}
	if (json_object_array_length(fouten) > 0) {
		resp_problem(r, 422, "Niet alle budgetregels zijn goed; zie errors.",
		    fouten);
		return;
	}
	json_object_put(fouten);
	u = budget_bewaar(r, id, versie, items, nitems, &c);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	if ((huidig = budget_json(r, id)) == NULL) {
		tx_rollback(r);
		return;
	}
	zet_etag(r, bron_versie(huidig));
	resp_json(r, 200, huidig);
	(void)tx_commit(r);
}

/* ------------------------------------------------------------ the page */

/* The text without leading spaces and tabs, or NULL when nothing is left:
 * a field holding only blanks counts as emptied. */
static const char *
veld_tekst(const char *s)
{
	while (s != NULL && (*s == ' ' || *s == '\t'))
		s++;
	return s != NULL && *s != '\0' ? s : NULL;
}

/*
 * The form's lines are numbered from 0 without a gap (budget_<i>_...);
 * the first number missing ends them. A line whose bedrag was emptied is
 * left out, and a line left out becomes 0 euro (no budget) in the write;
 * the "nieuw_" row adds a line when any of its fields was filled in.
 * Ownership: budget_ctx only reads fouten (each line's own errors), and
 * pagina_bewerk_toon then takes fouten, item and the budget context.
 */
void
pagina_budget_bewaar(struct req *r)
{
	const struct bron *b = &bronnen[SOORT_OPDRACHT];
	int64_t id = route_param_int(&r->match, "id"), versie;
	const char **org, **jaar, **bedrag, *nieuw[B__N];
	struct json_object *item, *fouten, *ctx;
	struct regel *rg;
	struct budget *items;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t n = 0, i, nrg = 0, nitems;
	enum db_err rc;

	if ((rc = bron_lees_json(r, b, id, 1, &item)) != DB_OK) {
		fail_db(r, rc, "budget");
		return;
	}
	if (item == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	if (getal_lees_str(kv_get(&r->form, "versie"), 1, WZ_MAX_ID,
	    &versie) != 0) {
		json_object_put(item);
		resp_problem(r, 400, "Het formulier mist de versie van de gegevens. "
		    "Laad de pagina opnieuw.", NULL);
		return;
	}
	if (versie != bron_versie(item)) {
		pagina_bewerk_toon(r, b, 409, item, NULL, NULL, conflict_tekst, NULL);
		return;
	}
	/* The lines as typed: budget_<i>_{organisatie_id,jaar,bedrag}. */
	while (n < MAX_REGELS && kv_get(&r->form, arena_printf(r->arena,
	    "budget_%zu_organisatie_id", n)) != NULL)
		n++;
	org = arena_calloc(r->arena, n + 1, sizeof(char *));
	jaar = arena_calloc(r->arena, n + 1, sizeof(char *));
	bedrag = arena_calloc(r->arena, n + 1, sizeof(char *));
	rg = arena_calloc(r->arena, n + 2, sizeof(*rg));
	items = arena_calloc(r->arena, n + 2, sizeof(*items));
	if (org == NULL || jaar == NULL || bedrag == NULL || rg == NULL ||
	    items == NULL) {
		json_object_put(item);
		resp_problem(r, 413, NULL, NULL);
		return;
	}
	for (i = 0; i < n; i++) {
		org[i] = kv_get(&r->form, arena_printf(r->arena,
		    "budget_%zu_organisatie_id", i));
		jaar[i] = kv_get(&r->form, arena_printf(r->arena, "budget_%zu_jaar", i));
		bedrag[i] = kv_get(&r->form, arena_printf(r->arena,
		    "budget_%zu_bedrag", i));
		if (veld_tekst(bedrag[i]) == NULL)
			continue;       /* emptied: the line goes */
		rg[nrg].ruw[B_ORG] = org[i];
		rg[nrg].ruw[B_JAAR] = jaar[i];
		rg[nrg].ruw[B_BEDRAG] = bedrag[i];
		rg[nrg].naam[B_ORG] = arena_printf(r->arena, "budget_%zu_organisatie_id", i);
		rg[nrg].naam[B_JAAR] = arena_printf(r->arena, "budget_%zu_jaar", i);
		rg[nrg].naam[B_BEDRAG] = arena_printf(r->arena, "budget_%zu_bedrag", i);
		nrg++;
	}
	nieuw[B_ORG] = kv_get(&r->form, "nieuw_organisatie_id");
	nieuw[B_JAAR] = kv_get(&r->form, "nieuw_jaar");
	nieuw[B_BEDRAG] = kv_get(&r->form, "nieuw_bedrag");
	if (veld_tekst(nieuw[B_ORG]) || veld_tekst(nieuw[B_JAAR]) ||
	    veld_tekst(nieuw[B_BEDRAG])) {
		for (i = 0; i < B__N; i++) {
			rg[nrg].ruw[i] = nieuw[i];
			rg[nrg].naam[i] = arena_printf(r->arena, "nieuw_%s",
			    budget_velden[i].naam);
		}
		nrg++;
	}
	fouten = json_object_new_array();
	if (regels_lees(r, rg, nrg, items, &nitems, fouten) != 0) {
		json_object_put(fouten);
		json_object_put(item);
		return;
	}
	if (json_object_array_length(fouten) > 0) {
		if ((ctx = budget_ctx(r, id, n, org, jaar, bedrag, nieuw, fouten))
		    == NULL) {
			json_object_put(fouten);
			json_object_put(item);
			return;
		}
		pagina_bewerk_toon(r, b, 422, item, NULL, fouten, NULL, ctx);
		return;
	}
	json_object_put(fouten);
	switch ((u = budget_bewaar(r, id, versie, items, nitems, &c))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		json_object_put(item);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/beheer/opdrachten/%lld?budget=1#budgetten", (long long)id));
		return;
	case OPS_VEROUDERD:
		json_object_put(c.fouten);
		json_object_put(item);
		if ((rc = bron_lees_json(r, b, id, 1, &item)) != DB_OK || item == NULL) {
			fail_db(r, rc == DB_OK ? DB_ERR : rc, "budget");
			return;
		}
		pagina_bewerk_toon(r, b, 409, item, NULL, NULL, conflict_tekst, NULL);
		return;
	default:
		antwoord_uitkomst(r, &c, u);
		json_object_put(item);
		return;
	}
}
