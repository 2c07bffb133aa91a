/*
 * cijfers.c — the figures in the JSON API (issue 10).
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET /api/v1/waarden?periode=&organisatie_id=&keten_id=&indicator_id=
 *       &wijk_id=&formatversie_id=&formaat=
 *                                       200 {items}, or with formaat=dhis2
 *                                       a DHIS2 dataValueSet; 404
 *                                       (unknown indicator, a formatversie
 *                                       the caller may not see); 422 (a
 *                                       wrong periode or id, no keten or
 *                                       indicator, a periode before the
 *                                       version's first, a wrong formaat)
 *   GET /api/v1/waarden/herkomst?indicator_id=&periode=&organisatie_id=
 *       &wijk_id=&limit=&cursor=        200 {items, volgende}; 403 (who
 *                                       sees aggregates only); 404; 422
 *
 * What a viewer may see is the figure service's decision (ops/cijfers.h):
 * this file only reads the question and writes the answer. A withheld
 * number is null and named in the item's "onderdrukt"; zero is shown.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/periode.h"
#include "domain/streefwaarde.h"
#include "domain/veldfout.h"
#include "handlers/cijfer_json.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/cijfers.h"
#include "store/structuur.h"

/*
 * One item as the API shows it: a withheld number is null and its key is
 * listed in onderdrukt ("waarde", "uitsplitsing.<code>", "vorige_periode"),
 * so a client never has to guess whether null means "nothing" or
 * "withheld"; a value without a number (a duur without pairs) is null
 * with no key listed.
 */
static struct json_object *
cijfer_item_json(const struct cijfers_item *it)
{
	struct json_object *o = json_object_new_object(), *u, *weg;
	size_t k;
	char sleutel[96];

	weg = json_object_new_array();
	json_object_object_add(o, "indicator_id", json_object_new_int64(
	    it->ind->id));
	json_object_object_add(o, "indicator_code", json_object_new_string(
	    it->ind->code));
	json_object_object_add(o, "indicator_nummer", json_object_new_int64(
	    it->ind->nummer));
	json_object_object_add(o, "eenheid", json_object_new_string(
	    it->ind->eenheid));
	json_object_object_add(o, "wijk_id", it->wijk_id > 0 ?
	    json_object_new_int64(it->wijk_id) : NULL);
	if (it->weg)
		json_object_array_add(weg, json_object_new_string("waarde"));
	json_object_object_add(o, "waarde", it->heeft && !it->weg ?
	    cijfer_getal_json(it->waarde, it->schaal) : NULL);
	u = json_object_new_object();
	for (k = 0; k < it->ndeel; k++) {
		json_object_object_add(u, it->deel[k].code, it->deel[k].weg ? NULL :
		    json_object_new_int64(it->deel[k].waarde));
		if (it->deel[k].weg) {
			snprintf(sleutel, sizeof(sleutel), "uitsplitsing.%s",
			    it->deel[k].code);
			json_object_array_add(weg, json_object_new_string(sleutel));
		}
	}
	json_object_object_add(o, "uitsplitsing", u);
	if (it->vorige_weg)
		json_object_array_add(weg, json_object_new_string("vorige_periode"));
	json_object_object_add(o, "vorige_periode", it->vorige_heeft &&
	    !it->vorige_weg ? cijfer_getal_json(it->vorige, it->schaal) : NULL);
	json_object_object_add(o, "streefwaarde", streefwaarde_cel_json(&it->streef));
	if (it->status == SW_ONDERDRUKT)
		json_object_array_add(weg, json_object_new_string("status"));
	json_object_object_add(o, "status", tekst_of_null(
	    streefwaarde_status_code(it->status)));
	json_object_object_add(o, "onderdrukt", weg);
	return o;
}

/* An optional id parameter of the query: 0 when absent or empty; -1 with
 * a Dutch field error appended to fouten when it is not an id (never the
 * submitted text in the message). */
static int64_t
cijfer_id(struct req *r, const char *naam, struct json_object *fouten)
{
	int64_t v = query_id(r, naam);

	if (v < 0)
		fout_melding(fouten, naam, "Geef een id: een geheel getal groter "
		    "dan 0.");
	return v;
}

/*
 * The question of the query string, every problem at once as field errors
 * (422): a periode that periode.h reads, an organisatie, and optional
 * keten, indicator and wijk ids. The threshold comes from the
 * configuration, never from the query. Returns 0, or -1 after answering.
 */
static int
cijfer_vraag(struct req *r, struct cijfers_vraag *v)
{
	struct json_object *fouten = json_object_new_array();
	const char *p = kv_get(&r->query, "periode"), *f;

	memset(v, 0, sizeof(*v));
	if (p == NULL || *p == '\0')
		fout_melding(fouten, "periode", "Kies een periode, bijvoorbeeld "
		    "2024-H1.");
	else if (periode_lees_str(p, &v->periode) != 0)
		fout_melding(fouten, "periode", "Dit is geen periode: gebruik een "
		    "jaar (2024), een halfjaar (2024-H1 of 2024-H2) of een kwartaal "
		    "(2024-Q1 tot en met 2024-Q4).");
	v->organisatie_id = cijfer_id(r, "organisatie_id", fouten);
	if (v->organisatie_id == 0)
		fout_melding(fouten, "organisatie_id", "Kies een organisatie.");
	f = kv_get(&r->query, "formaat");
	if (f != NULL && *f != '\0' && strcmp(f, "json") != 0 &&
	    strcmp(f, "dhis2") != 0)
		fout_melding(fouten, "formaat", "Kies json of dhis2.");
	v->keten_id = cijfer_id(r, "keten_id", fouten);
	v->indicator_id = cijfer_id(r, "indicator_id", fouten);
	v->wijk_id = cijfer_id(r, "wijk_id", fouten);
	v->formatversie_id = cijfer_id(r, "formatversie_id", fouten);
	if (v->formatversie_id < 0)
		v->formatversie_id = 0;
	v->drempel = r->cfg != NULL ? r->cfg->kleine_aantallen : 5;
	if (json_object_array_length(fouten) > 0) {
		resp_problem(r, 422, NULL, fouten);
		return -1;
	}
	json_object_put(fouten);
	return 0;
}

/* The code of the option id in o (n), or NULL. */
static const char *
optie_code(const struct structuur_optie *o, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return o[i].code;
	return NULL;
}

/* p in DHIS2's period form: 2024, 2024S1, 2024Q3. */
static char *
dhis2_periode(const struct periode *p, char out[PERIODE_CODE_MAX])
{
	snprintf(out, PERIODE_CODE_MAX, p->soort == PERIODE_HALFJAAR ?
	    "%04dS%d" : p->soort == PERIODE_KWARTAAL ? "%04dQ%d" : "%04d",
	    p->jaar, p->deel);
	return out;
}

/* One dataValue. */
static void
dhis2_waarde(struct json_object *arr, const char *element, const char *per,
    const char *wijk, const char *org, const char *cat, int64_t v, int schaal)
{
	struct json_object *o = json_object_new_object();
	char b[GETAL_TEKST_MAX];

	json_object_object_add(o, "dataElement", json_object_new_string(element));
	json_object_object_add(o, "period", json_object_new_string(per));
	json_object_object_add(o, "orgUnit", json_object_new_string(wijk));
	json_object_object_add(o, "categoryOptionCombo",
	    json_object_new_string(cat));
	json_object_object_add(o, "attributeOptionCombo",
	    json_object_new_string(org));
	json_object_object_add(o, "value", json_object_new_string(
	    getal_schrijf(v, schaal, '.', 0, b)));
	json_object_array_add(arr, o);
}

/*
 * The figures as a DHIS2 dataValueSet: per wijk (orgUnit: the wijk code)
 * and indicator (dataElement: its code) the value (categoryOptionCombo
 * "default") and each category of its uitsplitsingen (the category
 * code), attributeOptionCombo the organisatie's code. The totals are
 * left out: DHIS2 adds up its own orgUnit tree. A withheld number is left
 * out too, and counted in "onderdrukt", so the receiver knows something
 * is missing without learning what.
 */
static void
dhis2_antwoord(struct req *r, const struct cijfers_vraag *v,
    const struct cijfers_antwoord *a)
{
	struct structuur_optie *wijken, *orgs;
	struct json_object *o, *arr;
	enum db_err rc;
	const char *org, *wijk;
	size_t i, k, nw, no;
	int64_t weg = 0;
	char per[PERIODE_CODE_MAX];

	if ((rc = store_structuur_opties(r->db, r->arena, REF_WIJK, &wijken,
	    &nw)) != DB_OK || (rc = store_structuur_opties(r->db, r->arena,
	    REF_WIJKTEAMORGANISATIE, &orgs, &no)) != DB_OK) {
		fail_db(r, rc, "dhis2");
		return;
	}
	org = optie_code(orgs, no, v->organisatie_id);
	dhis2_periode(&v->periode, per);
	arr = json_object_new_array();
	for (i = 0; i < a->n && org != NULL; i++) {
		const struct cijfers_item *it = &a->items[i];

		if (it->wijk_id <= 0 ||
		    (wijk = optie_code(wijken, nw, it->wijk_id)) == NULL)
			continue;
		if (it->weg)
			weg++;
		else if (it->heeft)
			dhis2_waarde(arr, it->ind->code, per, wijk, org, "default",
			    it->waarde, it->schaal);
		for (k = 0; k < it->ndeel; k++) {
			if (it->deel[k].weg)
				weg++;
			else
				dhis2_waarde(arr, it->ind->code, per, wijk, org,
				    it->deel[k].code, it->deel[k].waarde, 1);
		}
	}
	o = json_object_new_object();
	json_object_object_add(o, "dataValues", arr);
	json_object_object_add(o, "onderdrukt", json_object_new_int64(weg));
	resp_json(r, 200, o);
}

/* GET /api/v1/waarden: the figure service's answer as JSON; a viewer who
 * may see nothing gets an empty list, never another organisation's
 * numbers. */
static void
api_waarden(struct req *r)
{
	struct cijfers_vraag v;
	struct cijfers_antwoord a;
	struct json_object *o, *arr;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	const char *f;
	size_t i;

	if (cijfer_vraag(r, &v) != 0 || registratie_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = cijfers_lees(&c, &v, &a);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	f = kv_get(&r->query, "formaat");
	if (f != NULL && strcmp(f, "dhis2") == 0) {
		dhis2_antwoord(r, &v, &a);
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < a.n; i++)
		json_object_array_add(arr, cijfer_item_json(&a.items[i]));
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	resp_json(r, 200, o);
}

/*
 * GET /api/v1/waarden/herkomst: the records behind one number, a page at a
 * time. The operation audits every inwoner it returns before this answers
 * (doel verantwoording) and decides 403 (aggregates only) or 404 (nothing
 * of this organisatie).
 */
static void
api_herkomst(struct req *r)
{
	struct cijfers_vraag v;
	struct cijfers_herkomst *h;
	struct json_object *o, *arr, *e;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	size_t i, n;
	int64_t na, volgende;
	int limit, meer = 0;
	char d[11];

	if (cijfer_vraag(r, &v) != 0 || lijst_grenzen(r, &limit, &na) != 0 ||
	    registratie_scope(r, &s) != 0)
		return;
	/* The records behind one indicator's number: no version asked. */
	v.formatversie_id = 0;
	if (v.indicator_id == 0) {
		struct json_object *f = json_object_new_array();

		fout_melding(f, "indicator_id", "Kies de indicator waarvan u de "
		    "herkomst wilt zien.");
		resp_problem(r, 422, NULL, f);
		return;
	}
	ops_ctx_van(r, &s, &c);
	u = cijfers_herkomst(&c, &v, (size_t)na, (size_t)limit, &h, &n, &meer);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "inwoner_id", json_object_new_int64(
		    h[i].inwoner_id));
		json_object_object_add(e, "naam", tekst_of_null(h[i].naam));
		json_object_object_add(e, "gebeurtenis_id", h[i].gebeurtenis_id > 0 ?
		    json_object_new_int64(h[i].gebeurtenis_id) : NULL);
		json_object_object_add(e, "type", tekst_of_null(h[i].type));
		json_object_object_add(e, "datum", h[i].gebeurtenis_id > 0 ?
		    json_object_new_string(datum_tekst(h[i].dag, d)) : NULL);
		json_object_object_add(e, "traject_id", h[i].traject_id > 0 ?
		    json_object_new_int64(h[i].traject_id) : NULL);
		json_object_array_add(arr, e);
	}
	/* The cursor is the position after this page in the evaluator's
	 * order of the records. */
	volgende = na + (int64_t)limit;
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", volgende_json(r,
	    meer ? &volgende : NULL));
	resp_json(r, 200, o);
}

#define J	ROUTE_JSON
static const struct route routes[] = {
	{ "GET", "/api/v1/waarden", api_waarden, ACCESS_INGELOGD, J, NULL },
	{ "GET", "/api/v1/waarden/herkomst", api_herkomst, ACCESS_REGISTRATIE, J,
	  NULL },
};
ROUTE_TABLE(routes_cijfers, routes);
