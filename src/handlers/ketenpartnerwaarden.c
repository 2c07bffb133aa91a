/*
 * ketenpartnerwaarden.c — the values the ketenpartners deliver (issue
 * 12) in the JSON API.
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET /api/v1/ketenpartnerwaarden?periode=&indicator_id=
 *        200 {items, volgende: null}: every cell of the periode the caller may read, with
 *        its row or empty (still to deliver); 400 for a bad or missing
 *        periode or indicator_id; 403; 404 for an indicator_id that is
 *        not one of the caller's cells in that periode
 *   PUT /api/v1/ketenpartnerwaarden
 *        one cell, named in the body by {indicator_id, periode,
 *        organisatie_id, wijk_id (null or 0: the organisatie as a
 *        whole)}: 201 when it is created (no If-Match, or none needed),
 *        200 when changed (If-Match with its versie: 428 without, 412
 *        when stale); 400; 403; 404 (another party's indicator); 422
 *
 * Why a PUT on the collection: a cell is named by its key, not by an id
 * the client could only learn by listing first; PUT with the key sets
 * that cell whether or not it has a row yet, and the row's versie guards
 * the change as everywhere else. Who reads and writes which cells:
 * ops/ketenpartnerwaarde.h.
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
#include "handlers/ketenpartnerwaarden.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/ketenpartnerwaarde.h"

struct json_object *
kpw_cel_json(const struct kpw_cel *c, const char *periode)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", id_of_null(c->id));
	json_object_object_add(o, "versie", id_of_null(c->versie));
	json_object_object_add(o, "periode", tekst_of_null(periode));
	json_object_object_add(o, "indicator_id",
	    json_object_new_int64(c->indicator_id));
	json_object_object_add(o, "indicator_code",
	    tekst_of_null(c->indicator_code));
	json_object_object_add(o, "naam", tekst_of_null(c->indicator_naam));
	json_object_object_add(o, "eenheid", tekst_of_null(c->eenheid));
	json_object_object_add(o, "aanleverende_partij",
	    tekst_of_null(c->partij));
	json_object_object_add(o, "keten_id", json_object_new_int64(c->keten_id));
	json_object_object_add(o, "organisatie_id",
	    json_object_new_int64(c->organisatie_id));
	json_object_object_add(o, "organisatie",
	    tekst_of_null(c->organisatie_naam));
	json_object_object_add(o, "wijk_id", id_of_null(c->wijk_id));
	json_object_object_add(o, "wijk", tekst_of_null(c->wijk_naam));
	json_object_object_add(o, "waarde", decimaal_json(c->waarde));
	json_object_object_add(o, "tekst", tekst_of_null(c->tekst));
	json_object_object_add(o, "niet_te_leveren",
	    json_object_new_boolean(c->niet_te_leveren));
	json_object_object_add(o, "reden", tekst_of_null(c->reden));
	json_object_object_add(o, "door", tekst_of_null(c->door));
	json_object_object_add(o, "gewijzigd_op", tekst_of_null(c->gewijzigd_op));
	return o;
}

/* GET /api/v1/ketenpartnerwaarden: the cells of one periode. */
static void
api_lijst(struct req *r)
{
	const char *pc = kv_get(&r->query, "periode");
	struct json_object *o, *arr;
	struct kpw_cel *cel;
	struct periode p;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	const char *partij;
	char code[PERIODE_CODE_MAX];
	int64_t ind;
	size_t i, n;

	if (pc == NULL || periode_lees_str(pc, &p) != 0) {
		resp_problem(r, 400, "periode is verplicht: een periode, "
		    "bijvoorbeeld 2024-H2.", NULL);
		return;
	}
	if ((ind = query_id(r, "indicator_id")) < 0) {
		resp_problem(r, 400, "indicator_id moet een id zijn.", NULL);
		return;
	}
	if (registratie_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = ketenpartnerwaarde_lijst(&c, &p, ind, &cel, &n, &partij);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	periode_code(&p, code);
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, kpw_cel_json(&cel[i], code));
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	/* The cells of a periode are one bounded grid (indicators × wijken),
	 * never paged: volgende is always null, as in every list's shape. */
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/* niet_te_leveren of the body: a JSON boolean (or its text) as the
 * operation's "1"/"0"; anything else stays ongeldig. */
static struct ops_tekst
ja_nee_json(struct req *r, const char *naam)
{
	struct json_object *v = NULL;
	struct ops_tekst t;

	memset(&t, 0, sizeof(t));
	if (!json_object_object_get_ex(r->json, naam, &v) || v == NULL)
		return t;
	if (json_object_is_type(v, json_type_boolean))
		t.tekst = json_object_get_boolean(v) ? "1" : "0";
	else
		t.ongeldig = 1;
	return t;
}

/* PUT /api/v1/ketenpartnerwaarden: one cell by its key. */
static void
api_zet(struct req *r)
{
	struct kpw_invoer in;
	struct kpw_cel *cel;
	struct periode p;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	const char *partij;
	char code[PERIODE_CODE_MAX];
	size_t i, n;

	if (body_object(r, "een ketenpartnerwaarde") != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.versie = -1;
	if (r->if_match != NULL && (in.versie = if_match_version(r)) == 0) {
		resp_problem(r, 400, "If-Match moet de versie bevatten, "
		    "bijvoorbeeld \"3\".", NULL);
		return;
	}
	in.indicator_id = invoer_json(r, "indicator_id");
	in.organisatie_id = invoer_json(r, "organisatie_id");
	in.wijk_id = invoer_json(r, "wijk_id");
	in.waarde = invoer_json(r, "waarde");
	in.tekst = invoer_json(r, "tekst");
	in.niet_te_leveren = ja_nee_json(r, "niet_te_leveren");
	in.reden = invoer_json(r, "reden");
	in.veld = "";
	if (registratie_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = ketenpartnerwaarde_zet(&c, invoer_json(r, "periode"), &in, 1, 0);
	if (u == OPS_VEROUDERD && in.vereist) {
		json_object_put(c.fouten);
		resp_problem(r, 428, "Deze waarde is al ingevuld: stuur If-Match "
		    "met haar versie.", NULL);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	/* The cell as it is now, read in the open transaction. */
	if (periode_lees_str(json_object_get_string(json_object_object_get(
	    r->json, "periode")), &p) != 0 || ketenpartnerwaarde_lijst(&c, &p,
	    json_object_get_int64(json_object_object_get(r->json,
	    "indicator_id")), &cel, &n, &partij) != OPS_OK) {
		tx_rollback(r);
		fail_db(r, c.db_rc != DB_OK ? c.db_rc : DB_ERR,
		    "ketenpartnerwaarde");
		return;
	}
	periode_code(&p, code);
	for (i = 0; i < n; i++)
		if (cel[i].id == in.id)
			break;
	if (i == n) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "ketenpartnerwaarde");
		return;
	}
	answer_written(r, kpw_cel_json(&cel[i], code), in.nieuw ? 201 : 200,
	    in.nieuw ? arena_printf(r->arena, "/api/v1/ketenpartnerwaarden?"
	    "periode=%s&indicator_id=%lld", code,
	    (long long)cel[i].indicator_id) : NULL);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
static const struct route routes[] = {
	{ "GET", "/api/v1/ketenpartnerwaarden", api_lijst, ACCESS_KETENWAARDEN,
	  J, NULL },
	{ "PUT", "/api/v1/ketenpartnerwaarden", api_zet, ACCESS_KETENPARTNER,
	  JB, NULL },
};
ROUTE_TABLE(routes_ketenpartnerwaarden, routes);
