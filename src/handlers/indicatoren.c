/*
 * indicatoren.c — the indicator catalogue and the reporting periods in the
 * JSON API (issue 10).
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET  /api/v1/indicatoren               200 {items, volgende}; 400
 *   POST /api/v1/indicatoren               201 + Location; 400; 403; 422
 *   GET  /api/v1/indicatoren/{id}          200 + ETag; 404
 *   PUT  /api/v1/indicatoren/{id}          200 (changed in place) or 201 +
 *                                          Location (a new version of an
 *                                          indicator in use); 400; 403;
 *                                          404; 409; 412; 422; 428
 *   GET  /api/v1/indicatoren/{id}/versies  200 {items, volgende: null}; 404
 *   GET  /api/v1/periodes/{code}           200; 404
 *
 * The catalogue holds no personal data: any signed-in user reads it (a
 * team must know what is counted); writes are for a beheerder or the
 * regisseur of the keten (ops/indicator.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/indicator.h"
#include "store/indicator.h"

/* The JSON of one version (the caller owns it). */
static struct json_object *
indicator_json(const struct indicator_rij *i)
{
	struct json_object *o = json_object_new_object(), *e, *regel = NULL;
	size_t k;

	json_object_object_add(o, "id", json_object_new_int64(i->id));
	json_object_object_add(o, "versie", json_object_new_int64(i->versie));
	json_object_object_add(o, "code", tekst_of_null(i->code));
	json_object_object_add(o, "nummer", json_object_new_int64(i->nummer));
	json_object_object_add(o, "vorige_id", i->vorige_id > 0 ?
	    json_object_new_int64(i->vorige_id) : NULL);
	json_object_object_add(o, "actief", json_object_new_boolean(i->actief));
	json_object_object_add(o, "in_gebruik",
	    json_object_new_boolean(i->in_gebruik));
	json_object_object_add(o, "naam", tekst_of_null(i->naam));
	json_object_object_add(o, "definitie", tekst_of_null(i->definitie));
	json_object_object_add(o, "doel", tekst_of_null(i->doel));
	json_object_object_add(o, "eenheid", tekst_of_null(i->eenheid));
	json_object_object_add(o, "keten_id", json_object_new_int64(i->keten_id));
	json_object_object_add(o, "keten", tekst_of_null(i->keten));
	json_object_object_add(o, "thema_id", i->thema_id > 0 ?
	    json_object_new_int64(i->thema_id) : NULL);
	json_object_object_add(o, "thema", tekst_of_null(i->thema));
	e = json_object_new_array();
	for (k = 0; k < i->neisen; k++)
		json_object_array_add(e, json_object_new_int64(i->eisen[k]));
	json_object_object_add(o, "eis_ids", e);
	json_object_object_add(o, "drempel_vorige_periode",
	    json_object_new_int(i->drempel_vorige_periode));
	json_object_object_add(o, "bron", tekst_of_null(i->bron));
	json_object_object_add(o, "aanleverende_partij", tekst_of_null(i->partij));
	if (i->regel != NULL)
		regel = json_tokener_parse(i->regel);
	json_object_object_add(o, "regel", regel);
	json_object_object_add(o, "aangemaakt", tekst_of_null(i->aangemaakt));
	return o;
}

/* The filters of the list: keten_id, bron, actief; -1 after answering. */
static int
indicator_filters(struct req *r, struct indicator_filter *f)
{
	const char *k = kv_get(&r->query, "keten_id");
	const char *b = kv_get(&r->query, "bron");
	const char *a = kv_get(&r->query, "actief");

	memset(f, 0, sizeof(*f));
	f->actief = -1;
	if (k != NULL && getal_lees_str(k, 1, WZ_MAX_ID, &f->keten_id) != 0) {
		resp_problem(r, 400, "keten_id moet een id zijn.", NULL);
		return -1;
	}
	if (b != NULL) {
		if (indicator_label(indicator_bronnen, b) == NULL) {
			resp_problem(r, 400, "bron moet berekend, handmatig of "
			    "ketenpartner zijn.", NULL);
			return -1;
		}
		f->bron = b;
	}
	if (a != NULL) {
		if (strcmp(a, "true") != 0 && strcmp(a, "false") != 0) {
			resp_problem(r, 400, "actief moet true of false zijn.", NULL);
			return -1;
		}
		f->actief = strcmp(a, "true") == 0;
	}
	return 0;
}

/*
 * GET /api/v1/indicatoren: a page of versions in id order, filtered; one
 * row more than asked is read to know whether a next page exists, and the
 * cursor is the last id shown (volgende_json).
 */
static void
api_lijst(struct req *r)
{
	struct indicator_filter f;
	struct indicator_rij *rij;
	struct json_object *o, *arr;
	enum db_err rc;
	int64_t na, laatste = 0;
	size_t i, n;
	int limit;

	if (lijst_grenzen(r, &limit, &na) != 0 || indicator_filters(r, &f) != 0)
		return;
	if ((rc = store_indicator_lijst(r->db, r->arena, &f, na, limit + 1,
	    &rij, &n)) != DB_OK) {
		fail_db(r, rc, "indicatoren");
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++) {
		json_object_array_add(arr, indicator_json(&rij[i]));
		laatste = rij[i].id;
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", volgende_json(r,
	    n > (size_t)limit ? &laatste : NULL));
	resp_json(r, 200, o);
}

/*
 * The body of a create or update as the operation's input: every field as
 * text (json_tekst: a number stays as written, an object or array is
 * marked ongeldig so the operation names the field); regel must be an
 * object (borrowed from r->json, which outlives the operation); eis_ids a
 * list of at most INDICATOR_MAX_EISEN ids. Nothing is judged here.
 */
static void
indicator_invoer_lees(struct req *r, struct indicator_invoer *in)
{
	struct json_object *v = NULL, *e;
	size_t i, n;

	memset(in, 0, sizeof(*in));
	in->code = invoer_json(r, "code");
	in->naam = invoer_json(r, "naam");
	in->definitie = invoer_json(r, "definitie");
	in->doel = invoer_json(r, "doel");
	in->eenheid = invoer_json(r, "eenheid");
	in->keten_id = invoer_json(r, "keten_id");
	in->thema_id = invoer_json(r, "thema_id");
	in->drempel_vorige_periode = invoer_json(r, "drempel_vorige_periode");
	in->bron = invoer_json(r, "bron");
	in->aanleverende_partij = invoer_json(r, "aanleverende_partij");
	if (json_object_object_get_ex(r->json, "regel", &v) && v != NULL) {
		if (json_object_is_type(v, json_type_object))
			in->regel = v;
		else
			in->regel_ongeldig = 1;
	}
	v = NULL;
	if (json_object_object_get_ex(r->json, "eis_ids", &v) && v != NULL) {
		if (!json_object_is_type(v, json_type_array) ||
		    (n = json_object_array_length(v)) > INDICATOR_MAX_EISEN) {
			in->eis_ongeldig = 1;
			return;
		}
		for (i = 0; i < n; i++) {
			e = json_object_array_get_idx(v, i);
			in->eis_ids[i].tekst = json_tekst(e,
			    &in->eis_ids[i].ongeldig);
			if (in->eis_ids[i].tekst == NULL)
				in->eis_ongeldig = 1;
		}
		in->neis = n;
	}
}

/* Answers version id as it is now with status (201: with Location and
 * the Idempotency-Key); commits the open transaction. */
static void
indicator_antwoord(struct req *r, int64_t id, int status)
{
	struct indicator_rij rij;
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_indicator_lees(r->db, r->arena, id, &rij, &gevonden)) !=
	    DB_OK || !gevonden) {
		tx_rollback(r);
		fail_db(r, rc == DB_OK ? DB_ERR : rc, "indicator");
		return;
	}
	answer_written(r, indicator_json(&rij), status, status == 201 ?
	    arena_printf(r->arena, "/api/v1/indicatoren/%lld", (long long)id) :
	    NULL);
}

/*
 * POST /api/v1/indicatoren: an Idempotency-Key replays the earlier answer;
 * the operation decides who may (a beheerder, the keten's regisseur) and
 * leaves its transaction open, so indicator_antwoord stores the key and
 * commits with the answer.
 */
static void
api_maak(struct req *r)
{
	struct indicator_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0 || body_object(r, "een indicator") != 0)
		return;
	indicator_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = indicator_maak(&c, &in, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		indicator_antwoord(r, id, 201);
}

/* GET /api/v1/indicatoren/{id}: any version, old ones included (figures
 * name the version they were computed with), with its row version as
 * ETag for a later If-Match. */
static void
api_lees(struct req *r)
{
	struct indicator_rij rij;
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_indicator_lees(r->db, r->arena, route_param_int(
	    &r->match, "id"), &rij, &gevonden)) != DB_OK) {
		fail_db(r, rc, "indicator");
		return;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	zet_etag(r, rij.versie);
	resp_json(r, 200, indicator_json(&rij));
}

/*
 * PUT /api/v1/indicatoren/{id}: If-Match is required (428 without); the
 * operation compares it with the stored versie (412 when stale). When the
 * indicator is in use and its meaning changes, the answer is 201 with the
 * new version's Location; otherwise 200 with the changed row.
 */
static void
api_wijzig(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie, nieuw = 0;
	struct indicator_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int nieuwe_versie = 0;

	if (body_object(r, "een indicator") != 0)
		return;
	if ((versie = if_match_vereist(r)) == 0)
		return;
	indicator_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = indicator_wijzig(&c, &in, id, versie, &nieuw, &nieuwe_versie);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		indicator_antwoord(r, nieuw, nieuwe_versie ? 201 : 200);
}

/* GET /api/v1/indicatoren/{id}/versies: every version of the code of id,
 * by nummer; the list is short (one row per change of meaning), so it is
 * never paged and volgende is always null. */
static void
api_versies(struct req *r)
{
	struct indicator_rij rij, *v;
	struct json_object *o, *arr;
	enum db_err rc;
	size_t i, n;
	int gevonden = 0;

	if ((rc = store_indicator_met_versies(r->db, r->arena, route_param_int(
	    &r->match, "id"), &rij, &gevonden, &v, &n)) != DB_OK) {
		fail_db(r, rc, "indicator");
		return;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, indicator_json(&v[i]));
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/* The soort of a period as the API names it, by enum periode_soort. */
static const char *const periode_soorten[] = {
	[PERIODE_JAAR] = "jaar",
	[PERIODE_HALFJAAR] = "halfjaar",
	[PERIODE_KWARTAAL] = "kwartaal",
};

/*
 * GET /api/v1/periodes/{code}: the days of a reporting period and the one
 * before it, so that a client never computes half-years itself. The route
 * type already refuses "2024-H3" (404, no such path); the code is read
 * again here into the struct.
 */
static void
api_periode(struct req *r)
{
	size_t len = 0;
	const char *code = route_param_str(&r->match, "code", &len);
	struct json_object *o;
	struct periode p, vp;
	char c[PERIODE_CODE_MAX], l[PERIODE_LABEL_MAX], d[11];

	/* The router matched the shape already; read it once more for the
	 * struct (and never trust one layer alone). */
	if (code == NULL || periode_lees(code, len, &p) != 0) {
		resp_problem(r, 404, "Geen periode: gebruik bijvoorbeeld 2024, "
		    "2024-H1 of 2024-Q3.", NULL);
		return;
	}
	vp = periode_vorige(&p);
	o = json_object_new_object();
	json_object_object_add(o, "code", json_object_new_string(
	    periode_code(&p, c)));
	json_object_object_add(o, "soort", json_object_new_string(
	    periode_soorten[p.soort]));
	json_object_object_add(o, "label", json_object_new_string(
	    periode_label(&p, l, sizeof(l))));
	json_object_object_add(o, "eerste_dag", json_object_new_string(
	    datum_tekst(periode_eerste_dag(&p), d)));
	json_object_object_add(o, "laatste_dag", json_object_new_string(
	    datum_tekst(periode_laatste_dag(&p), d)));
	json_object_object_add(o, "vorige", periode_geldig(&vp) ?
	    json_object_new_string(periode_code(&vp, c)) : NULL);
	resp_json(r, 200, o);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
static const struct route routes[] = {
	{ "GET", "/api/v1/indicatoren", api_lijst, ACCESS_INGELOGD, J, NULL },
	{ "POST", "/api/v1/indicatoren", api_maak, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", "/api/v1/indicatoren/{id:int}", api_lees, ACCESS_INGELOGD, J,
	  NULL },
	{ "PUT", "/api/v1/indicatoren/{id:int}", api_wijzig, ACCESS_CATALOGUS, JB,
	  NULL },
	{ "GET", "/api/v1/indicatoren/{id:int}/versies", api_versies,
	  ACCESS_INGELOGD, J, NULL },
	{ "GET", "/api/v1/periodes/{code:periode}", api_periode, ACCESS_INGELOGD, J,
	  NULL },
};
ROUTE_TABLE(routes_indicatoren, routes);
