/*
 * streefwaarden.c — targets in the JSON API (issue 11).
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET  /api/v1/streefwaarden?indicator_id=&periode=&organisatie_id=
 *        &wijk_id=&keten_id=&limit=&cursor=
 *                                   200 {items, volgende}; 400; 403
 *   POST /api/v1/streefwaarden      201 + Location; 400; 403; 409; 422
 *   GET  /api/v1/streefwaarden/{id} 200 + ETag, with historie; 403; 404
 *   PUT  /api/v1/streefwaarden/{id} 200; 400; 403; 404; 412; 422; 428
 *
 * Targets hold no personal data: every role but a ketenpartner reads
 * them (403 for a ketenpartner); writes are for a beheerder or the
 * regisseur of the indicator's keten (ops/streefwaarde.h).
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/periode.h"
#include "domain/streefwaarde.h"
#include "handlers/cijfer_json.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/streefwaarde.h"
#include "store/streefwaarde.h"

/* The state of a target (a row, or one historie state) into o. */
static void
toestand_json(struct json_object *o, const struct streefwaarde_rij *s)
{
	json_object_object_add(o, "richting", tekst_of_null(s->richting));
	json_object_object_add(o, "waarde", decimaal_json(s->waarde));
	json_object_object_add(o, "ondergrens", decimaal_json(s->ondergrens));
	json_object_object_add(o, "bovengrens", decimaal_json(s->bovengrens));
	json_object_object_add(o, "tolerantie", decimaal_json(s->tolerantie));
	json_object_object_add(o, "tolerantie_soort",
	    tekst_of_null(s->tolerantie_soort));
	json_object_object_add(o, "reden", tekst_of_null(s->reden));
	json_object_object_add(o, "door", tekst_of_null(s->door));
	json_object_object_add(o, "op", tekst_of_null(s->gewijzigd_op));
}

static struct json_object *
streefwaarde_json(const struct streefwaarde_rij *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(s->id));
	json_object_object_add(o, "versie", json_object_new_int64(s->versie));
	json_object_object_add(o, "indicator_id",
	    json_object_new_int64(s->indicator_id));
	json_object_object_add(o, "keten_id", json_object_new_int64(s->keten_id));
	json_object_object_add(o, "periode", tekst_of_null(s->periode));
	json_object_object_add(o, "organisatie_id", id_of_null(s->organisatie_id));
	json_object_object_add(o, "wijk_id", id_of_null(s->wijk_id));
	toestand_json(o, s);
	return o;
}

/* 403 for who may not read targets (a ketenpartner); -1 after answering. */
static int
mag_lezen(struct req *r)
{
	if (streefwaarde_mag_lezen(&r->who))
		return 0;
	resp_problem(r, 403, "Streefwaarden zijn niet voor ketenpartners.", NULL);
	return -1;
}

/* The filters of the list; 400 for a bad one. Returns 0 or -1. */
static int
streefwaarde_filters(struct req *r, struct streefwaarde_filter *f)
{
	const char *namen[] = { "indicator_id", "organisatie_id", "wijk_id",
	    "keten_id" };
	int64_t *doel[] = { &f->indicator_id, &f->organisatie_id, &f->wijk_id,
	    &f->keten_id };
	const char *p = kv_get(&r->query, "periode");
	struct periode per;
	size_t i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < 4; i++)
		if ((*doel[i] = query_id(r, namen[i])) < 0) {
			resp_problem(r, 400, arena_printf(r->arena, "%s moet een id "
			    "zijn.", namen[i]), NULL);
			return -1;
		}
	if (p != NULL && *p != '\0') {
		if (periode_lees_str(p, &per) != 0) {
			resp_problem(r, 400, "periode moet een periode zijn, "
			    "bijvoorbeeld 2024-H1 of 2024.", NULL);
			return -1;
		}
		f->periode = p;
	}
	return 0;
}

/* GET /api/v1/streefwaarden: a page of targets in id order. */
static void
api_lijst(struct req *r)
{
	struct streefwaarde_filter f;
	struct streefwaarde_rij *rij;
	struct json_object *o, *arr;
	enum db_err rc;
	int64_t na, laatste = 0;
	size_t i, n;
	int limit;

	if (mag_lezen(r) != 0 || lijst_grenzen(r, &limit, &na) != 0 ||
	    streefwaarde_filters(r, &f) != 0)
		return;
	if ((rc = store_streefwaarde_lijst(r->db, r->arena, &f, na, limit + 1,
	    &rij, &n)) != DB_OK) {
		fail_db(r, rc, "streefwaarden");
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++) {
		json_object_array_add(arr, streefwaarde_json(&rij[i]));
		laatste = rij[i].id;
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", volgende_json(r,
	    n > (size_t)limit ? &laatste : NULL));
	resp_json(r, 200, o);
}

/* The target with its historie (the caller owns it), or NULL (*gevonden
 * says whether it exists; rc the failure). */
static struct json_object *
streefwaarde_met_historie(struct req *r, int64_t id, int *gevonden,
    enum db_err *rc, int64_t *versie)
{
	struct streefwaarde_rij rij, *h = NULL;
	struct json_object *o, *arr, *e;
	size_t i, n = 0;

	if ((*rc = store_streefwaarde_lees(r->db, r->arena, id, &rij, gevonden,
	    &h, &n)) != DB_OK || !*gevonden)
		return NULL;
	o = streefwaarde_json(&rij);
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "versie", json_object_new_int64(
		    h[i].versie));
		toestand_json(e, &h[i]);
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "historie", arr);
	*versie = rij.versie;
	return o;
}

/* Answers target id as it is now (201: with Location and the
 * Idempotency-Key); commits the open transaction. */
static void
streefwaarde_antwoord(struct req *r, int64_t id, int status)
{
	struct json_object *o;
	enum db_err rc;
	int64_t versie = 0;
	int gevonden = 0;

	if ((o = streefwaarde_met_historie(r, id, &gevonden, &rc, &versie)) ==
	    NULL) {
		tx_rollback(r);
		fail_db(r, rc == DB_OK ? DB_ERR : rc, "streefwaarde");
		return;
	}
	answer_written(r, o, status, status == 201 ? arena_printf(r->arena,
	    "/api/v1/streefwaarden/%lld", (long long)id) : NULL);
}

/* The body as the operation's input; nothing is judged here. */
static void
streefwaarde_invoer_lees(struct req *r, struct streefwaarde_invoer *in)
{
	memset(in, 0, sizeof(*in));
	in->indicator_id = invoer_json(r, "indicator_id");
	in->periode = invoer_json(r, "periode");
	in->organisatie_id = invoer_json(r, "organisatie_id");
	in->wijk_id = invoer_json(r, "wijk_id");
	in->richting = invoer_json(r, "richting");
	in->waarde = invoer_json(r, "waarde");
	in->ondergrens = invoer_json(r, "ondergrens");
	in->bovengrens = invoer_json(r, "bovengrens");
	in->tolerantie = invoer_json(r, "tolerantie");
	in->tolerantie_soort = invoer_json(r, "tolerantie_soort");
	in->reden = invoer_json(r, "reden");
}

/* POST /api/v1/streefwaarden: an Idempotency-Key replays the earlier
 * answer; the operation leaves its transaction open for the key. */
static void
api_maak(struct req *r)
{
	struct streefwaarde_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0 || body_object(r, "een streefwaarde") != 0)
		return;
	streefwaarde_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = streefwaarde_maak(&c, &in, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		streefwaarde_antwoord(r, id, 201);
}

/* GET /api/v1/streefwaarden/{id}: with every state it had, oldest first,
 * and its row version as ETag. */
static void
api_lees(struct req *r)
{
	struct json_object *o;
	enum db_err rc;
	int64_t versie = 0;
	int gevonden = 0;

	if (mag_lezen(r) != 0)
		return;
	o = streefwaarde_met_historie(r, route_param_int(&r->match, "id"),
	    &gevonden, &rc, &versie);
	if (rc != DB_OK) {
		fail_db(r, rc, "streefwaarde");
		return;
	}
	if (o == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	zet_etag(r, versie);
	resp_json(r, 200, o);
}

/* PUT /api/v1/streefwaarden/{id}: If-Match required (428), 412 when
 * stale; 200 with the target and its historie. */
static void
api_wijzig(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie;
	struct streefwaarde_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;

	if (body_object(r, "een streefwaarde") != 0)
		return;
	if ((versie = if_match_vereist(r)) == 0)
		return;
	streefwaarde_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = streefwaarde_wijzig(&c, &in, id, versie);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		streefwaarde_antwoord(r, id, 200);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
static const struct route routes[] = {
	{ "GET", "/api/v1/streefwaarden", api_lijst, ACCESS_INGELOGD, J, NULL },
	{ "POST", "/api/v1/streefwaarden", api_maak, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", "/api/v1/streefwaarden/{id:int}", api_lees, ACCESS_INGELOGD, J,
	  NULL },
	{ "PUT", "/api/v1/streefwaarden/{id:int}", api_wijzig, ACCESS_CATALOGUS,
	  JB, NULL },
};
ROUTE_TABLE(routes_streefwaarden, routes);
