/*
 * rapportages.c — rapportages in the JSON API (issue 12).
 *
 * JSON routes (all may also answer 401 without a session, 403 for a
 * ketenpartner, 500/503):
 *   GET  /api/v1/rapportages?keten_id=&organisatie_id=&periode=&status=
 *        &limit=&cursor=                       200 {items, volgende}; 400
 *   POST /api/v1/rapportages {formatversie_id, periode, organisatie_id}
 *                                              201 + Location; 403; 409; 422
 *   GET  /api/v1/rapportages/{id}              200 + ETag; 404
 *   PUT  /api/v1/rapportages/{id} {formatversie_id}   another version of
 *        its format for a concept; 200; 403; 404; 409; 412; 422; 428
 *   PUT  /api/v1/rapportages/{id}/waarden/{w}  200 (the value) + ETag;
 *        /api/v1/rapportages/{id}/eisen/{e}    403; 404; 409; 412; 422; 428
 *   POST /api/v1/rapportages/{id}/indienen     If-Match on the rapportage:
 *        …/terugsturen {reden}, …/vaststellen {terugkoppeling,
 *        beoordelingen: [{antwoord_id, beoordeling, toelichting}]},
 *        …/heropenen {reden}                   200; 403; 404; 409; 412;
 *                                              422; 428
 *   GET  /api/v1/rapportages/{id}/vragen       200 {items}
 *   POST /api/v1/rapportages/{id}/vragen {waarde_id | antwoord_id, vraag}
 *                                              201; 403; 404; 409; 422
 *   POST /api/v1/rapportages/{id}/vragen/{v}/antwoord {antwoord}
 *                                              200; 403; 404; 409; 422
 *   GET  /api/v1/rapportages/{id}/historie     200 {items}
 *
 * Who may do what is the operation's (ops/rapportage.h); a rapportage
 * outside the caller's scope is 404.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/conf.h"
#include "domain/periode.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/rapportage_json.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/rapportage.h"

static int
drempel(const struct req *r)
{
	return r->cfg != NULL ? r->cfg->kleine_aantallen : 5;
}

static int64_t
rap_id(struct req *r)
{
	return route_param_int(&r->match, "id");
}

/* The rapportage as it is now, for c's caller; NULL after answering.
 * Either way c's field errors are released (antwoord_uitkomst). */
static struct json_object *
rap_json(struct req *r, struct ops_ctx *c, int64_t id,
    struct rapportage_weergave *v)
{
	enum ops_uitkomst u = rapportage_lees(c, id, drempel(r), v);

	antwoord_uitkomst(r, c, u);
	return u == OPS_OK ? rapportage_json(r, v) : NULL;
}

static void
api_lijst(struct req *r)
{
	struct rapportage_filter f;
	struct rapportage_rij *rij;
	struct json_object *o, *arr;
	struct ops_ctx c;
	struct periode p;
	enum ops_uitkomst u;
	int64_t na, laatste = 0;
	size_t i, n;
	int limit;

	if (lijst_grenzen(r, &limit, &na) != 0)
		return;
	memset(&f, 0, sizeof(f));
	if ((f.keten_id = query_id(r, "keten_id")) < 0 ||
	    (f.organisatie_id = query_id(r, "organisatie_id")) < 0) {
		resp_problem(r, 400, "keten_id en organisatie_id zijn ids.", NULL);
		return;
	}
	f.periode = kv_get(&r->query, "periode");
	if (f.periode != NULL && *f.periode == '\0')
		f.periode = NULL;
	if (f.periode != NULL && periode_lees_str(f.periode, &p) != 0) {
		resp_problem(r, 400, "periode moet een periode zijn, bijvoorbeeld "
		    "2024-H1.", NULL);
		return;
	}
	f.status = kv_get(&r->query, "status");
	if (f.status != NULL && *f.status == '\0')
		f.status = NULL;
	if (f.status != NULL && strcmp(f.status, "concept") != 0 &&
	    strcmp(f.status, "ingediend") != 0 &&
	    strcmp(f.status, "vastgesteld") != 0) {
		resp_problem(r, 400, "status is concept, ingediend of vastgesteld.",
		    NULL);
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = rapportage_lijst(&c, &f, na, limit + 1, &rij, &n);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	arr = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++) {
		json_object_array_add(arr, rapportage_kop_json(r, &rij[i]));
		laatste = rij[i].id;
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", volgende_json(r,
	    n > (size_t)limit ? &laatste : NULL));
	resp_json(r, 200, o);
}

static void
api_maak(struct req *r)
{
	struct rapportage_invoer in;
	struct rapportage_weergave v;
	struct json_object *o;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0 || body_object(r, "{formatversie_id, periode, "
	    "organisatie_id}") != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.formatversie_id = invoer_json(r, "formatversie_id");
	in.periode = invoer_json(r, "periode");
	in.organisatie_id = invoer_json(r, "organisatie_id");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_maak(&c, &in, &id);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	if ((o = rap_json(r, &c, id, &v)) == NULL) {
		tx_rollback(r);
		return;
	}
	answer_written(r, o, 201, arena_printf(r->arena,
	    "/api/v1/rapportages/%lld", (long long)id));
}

static void
api_lees(struct req *r)
{
	struct rapportage_weergave v;
	struct json_object *o;
	struct ops_ctx c;

	ops_ctx_van(r, NULL, &c);
	if ((o = rap_json(r, &c, rap_id(r), &v)) == NULL)
		return;
	zet_etag(r, v.r.versie);
	resp_json(r, 200, o);
}

/* After a write (transaction open): the rapportage, or the one object of
 * it named by lijst and sub, answered with its ETag and committed. */
static void
rap_na_schrijven(struct req *r, struct ops_ctx *c, int64_t id,
    const char *lijst, int64_t sub)
{
	struct rapportage_weergave v;
	struct json_object *o, *a, *e, *x;
	size_t i;

	if ((o = rap_json(r, c, id, &v)) == NULL) {
		tx_rollback(r);
		return;
	}
	if (lijst != NULL && json_object_object_get_ex(o, lijst, &a)) {
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (json_object_object_get_ex(e, "id", &x) &&
			    json_object_get_int64(x) == sub) {
				e = json_object_get(e);
				json_object_put(o);
				answer_written(r, e, 200, NULL);
				return;
			}
		}
	}
	answer_written(r, o, 200, NULL);
}

/* PUT /api/v1/rapportages/{id} {formatversie_id}: a concept to the version
 * of its format that now applies. */
static void
api_wissel(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;

	if (body_object(r, "{formatversie_id}") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = rapportage_versie_wissel(&c, rap_id(r), versie,
	    invoer_json(r, "formatversie_id"));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), NULL, 0);
}

/* After a value's write (transaction open): that value as it is now, its
 * indicator alone computed (at ten million events the whole version
 * takes seconds), with its versie as ETag; committed. */
static void
waarde_na_schrijven(struct req *r, struct ops_ctx *c, int64_t w)
{
	struct rapportage_weergave v;
	enum ops_uitkomst u;
	size_t i;

	if ((u = rapportage_waarde_lees(c, rap_id(r), w, drempel(r), &v)) !=
	    OPS_OK) {
		tx_rollback(r);
		antwoord_uitkomst(r, c, u == OPS_NIET_GEVONDEN ? OPS_STORING : u);
		return;
	}
	for (i = 0; i < v.ncellen; i++)
		if (v.cellen[i].rij->id == w) {
			answer_written(r, rapportage_waarde_json(r, &v.cellen[i]),
			    200, NULL);
			return;
		}
	tx_rollback(r);
	fail_db(r, DB_ERR, "rapportage");
}

/* A JSON boolean as "true"/"false"; any other value as invoer_json. */
static struct ops_tekst
invoer_vlag(struct req *r, const char *naam)
{
	struct json_object *v;
	struct ops_tekst t;

	if (json_object_object_get_ex(r->json, naam, &v) &&
	    json_object_is_type(v, json_type_boolean)) {
		memset(&t, 0, sizeof(t));
		t.tekst = json_object_get_boolean(v) ? "true" : "false";
		return t;
	}
	return invoer_json(r, naam);
}

static void
api_waarde(struct req *r)
{
	struct rapportage_waarde_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t w = route_param_int(&r->match, "waarde_id"), versie;

	if (body_object(r, "een waarde") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	memset(&in, 0, sizeof(in));
	in.waarde = invoer_json(r, "waarde");
	in.tekst = invoer_json(r, "tekst");
	in.reden = invoer_json(r, "reden");
	in.toelichting = invoer_json(r, "toelichting");
	in.niet_te_leveren = invoer_vlag(r, "niet_te_leveren");
	in.niet_te_leveren_reden = invoer_json(r, "niet_te_leveren_reden");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_waarde_wijzig(&c, rap_id(r), w, versie, &in);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		waarde_na_schrijven(r, &c, w);
}

static void
api_eis(struct req *r)
{
	struct rapportage_antwoord_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t e = route_param_int(&r->match, "eis_id"), versie;

	if (body_object(r, "{antwoord, toelichting}") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	memset(&in, 0, sizeof(in));
	in.antwoord = invoer_json(r, "antwoord");
	in.toelichting = invoer_json(r, "toelichting");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_antwoord_wijzig(&c, rap_id(r), e, versie, &in);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), "eisen", e);
}

static void
api_indienen(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;

	/* Like every verb of the API, a JSON object (here {}), so that a
	 * cross-site form can never post it. */
	if (body_object(r, "{}") != 0 || (versie = if_match_vereist(r)) == 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = rapportage_indienen(&c, rap_id(r), versie, drempel(r));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), NULL, 0);
}

static void
api_terug(struct req *r, enum ops_uitkomst (*fn)(struct ops_ctx *, int64_t,
    int64_t, struct ops_tekst))
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;

	if (body_object(r, "{reden}") != 0 || (versie = if_match_vereist(r)) == 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = fn(&c, rap_id(r), versie, invoer_json(r, "reden"));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), NULL, 0);
}

static void
api_terugsturen(struct req *r)
{
	api_terug(r, rapportage_terugsturen);
}

static void
api_heropenen(struct req *r)
{
	api_terug(r, rapportage_heropenen);
}

static void
api_vaststellen(struct req *r)
{
	struct rapportage_vaststel_invoer *in;
	struct json_object *a, *e, *x;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;
	size_t i;

	if (body_object(r, "{terugkoppeling, beoordelingen}") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	if ((in = arena_calloc(r->arena, 1, sizeof(*in))) == NULL) {
		fail_db(r, DB_NOMEM, "rapportage");
		return;
	}
	in->terugkoppeling = invoer_json(r, "terugkoppeling");
	if (json_object_object_get_ex(r->json, "beoordelingen", &a) &&
	    a != NULL) {
		if (!json_object_is_type(a, json_type_array) ||
		    json_object_array_length(a) > RAPPORTAGE_MAX_EISEN)
			in->ongeldig = 1;
		for (i = 0; !in->ongeldig && i < json_object_array_length(a);
		    i++) {
			e = json_object_array_get_idx(a, i);
			if (!json_object_is_type(e, json_type_object)) {
				in->ongeldig = 1;
				break;
			}
			if (json_object_object_get_ex(e, "antwoord_id", &x))
				in->b[i].antwoord_id.tekst = json_tekst(x,
				    &in->b[i].antwoord_id.ongeldig);
			if (json_object_object_get_ex(e, "beoordeling", &x))
				in->b[i].beoordeling.tekst = json_tekst(x,
				    &in->b[i].beoordeling.ongeldig);
			if (json_object_object_get_ex(e, "toelichting", &x))
				in->b[i].toelichting.tekst = json_tekst(x,
				    &in->b[i].toelichting.ongeldig);
			in->n++;
		}
	}
	ops_ctx_van(r, NULL, &c);
	u = rapportage_vaststellen(&c, rap_id(r), versie, in, drempel(r));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), NULL, 0);
}

/* GET …/vragen and …/historie: one list of the rapportage. */
static void
api_deel(struct req *r, const char *lijst)
{
	struct rapportage_weergave v;
	struct json_object *o, *a, *uit;
	struct ops_ctx c;

	ops_ctx_van(r, NULL, &c);
	if ((o = rap_json(r, &c, rap_id(r), &v)) == NULL)
		return;
	uit = json_object_new_object();
	if (json_object_object_get_ex(o, lijst, &a))
		json_object_object_add(uit, "items", json_object_get(a));
	json_object_put(o);
	resp_json(r, 200, uit);
}

static void
api_vragen(struct req *r)
{
	api_deel(r, "vragen");
}

static void
api_historie(struct req *r)
{
	api_deel(r, "historie");
}

static void
api_vraag_maak(struct req *r)
{
	struct rapportage_vraag_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t vid = 0;

	if (body_object(r, "{waarde_id of antwoord_id, vraag}") != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.waarde_id = invoer_json(r, "waarde_id");
	in.antwoord_id = invoer_json(r, "antwoord_id");
	in.vraag = invoer_json(r, "vraag");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_vraag_maak(&c, rap_id(r), &in, &vid);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK) {
		struct rapportage_weergave v;
		struct json_object *o, *a, *e, *x;
		size_t i;

		if ((o = rap_json(r, &c, rap_id(r), &v)) == NULL) {
			tx_rollback(r);
			return;
		}
		if (json_object_object_get_ex(o, "vragen", &a))
			for (i = 0; i < json_object_array_length(a); i++) {
				e = json_object_array_get_idx(a, i);
				if (json_object_object_get_ex(e, "id", &x) &&
				    json_object_get_int64(x) == vid) {
					e = json_object_get(e);
					json_object_put(o);
					answer_written(r, e, 201, arena_printf(
					    r->arena, "/api/v1/rapportages/%lld/"
					    "vragen/%lld", (long long)rap_id(r),
					    (long long)vid));
					return;
				}
			}
		json_object_put(o);
		tx_rollback(r);
		fail_db(r, DB_ERR, "rapportage");
	}
}

static void
api_vraag_antwoord(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t vid = route_param_int(&r->match, "vraag_id");

	if (body_object(r, "{antwoord}") != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = rapportage_vraag_beantwoord(&c, rap_id(r), vid,
	    invoer_json(r, "antwoord"));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		rap_na_schrijven(r, &c, rap_id(r), "vragen", vid);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
#define R	"/api/v1/rapportages/{id:int}"
static const struct route routes[] = {
	{ "GET", "/api/v1/rapportages", api_lijst, ACCESS_STURING, J, NULL },
	{ "POST", "/api/v1/rapportages", api_maak, ACCESS_STURING, JB, NULL },
	{ "GET", R, api_lees, ACCESS_STURING, J, NULL },
	{ "PUT", R, api_wissel, ACCESS_STURING, JB, NULL },
	{ "PUT", R "/waarden/{waarde_id:int}", api_waarde, ACCESS_STURING, JB,
	  NULL },
	{ "PUT", R "/eisen/{eis_id:int}", api_eis, ACCESS_STURING, JB, NULL },
	{ "POST", R "/indienen", api_indienen, ACCESS_STURING, JB, NULL },
	{ "POST", R "/terugsturen", api_terugsturen, ACCESS_STURING, JB, NULL },
	{ "POST", R "/vaststellen", api_vaststellen, ACCESS_STURING, JB, NULL },
	{ "POST", R "/heropenen", api_heropenen, ACCESS_STURING, JB, NULL },
	{ "GET", R "/vragen", api_vragen, ACCESS_STURING, J, NULL },
	{ "POST", R "/vragen", api_vraag_maak, ACCESS_STURING, JB, NULL },
	{ "POST", R "/vragen/{vraag_id:int}/antwoord", api_vraag_antwoord,
	  ACCESS_STURING, JB, NULL },
	{ "GET", R "/historie", api_historie, ACCESS_STURING, J, NULL },
};
ROUTE_TABLE(routes_rapportages, routes);
