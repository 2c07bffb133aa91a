/*
 * formats.c — rapportage formats in versions, their consultation and the
 * comments on them, in the JSON API (issue 11).
 *
 * JSON routes (all may also answer 401 without a session, 403 for a
 * ketenpartner, 500/503). F is /api/v1/formats/{id}, V is
 * F/versies/{nummer}:
 *   GET  /api/v1/formats          200 {items, volgende}; 400
 *   POST /api/v1/formats          201 + Location; 400; 403; 422
 *   GET  F                        200 + ETag; 404
 *   PUT  F                        200; 403; 404; 412; 422; 428
 *   GET  F/versies                200 {items}; 404
 *   POST F/versies                201 + Location V; 403; 404; 409; 422
 *   GET  V                        200 + ETag (with its content); 404
 *   PUT  V                        200; 403; 404; 409 (not a concept); 412;
 *                                 422; 428
 *   POST V/consulteren            200; 403; 404; 409; 422
 *   POST V/terugnemen             200; 403; 404; 409
 *   POST V/publiceren             200; 403; 404; 409; 422 (reden, items)
 *   GET  V/reacties               200 {items}; 403; 404
 *   POST V/reacties               201 + Location; 403; 404; 409; 422
 *   GET  V/reacties/{rid}         200 + ETag; 403; 404
 *   PUT  V/reacties/{rid}         200; 403; 404; 412; 422; 428
 *
 * Who may what is the operation's (ops/format.h); a concept is 404 for
 * whoever may not see it, so its existence does not leak.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/format.h"
#include "handlers/cijfer_json.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/format.h"
#include "store/format.h"

/* ------------------------------------------------------------ the JSON */

static struct json_object *
format_json(const struct format_rij *f)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(f->id));
	json_object_object_add(o, "versie", json_object_new_int64(f->versie));
	json_object_object_add(o, "code", tekst_of_null(f->code));
	json_object_object_add(o, "naam", tekst_of_null(f->naam));
	json_object_object_add(o, "omschrijving", tekst_of_leeg(f->omschrijving));
	json_object_object_add(o, "keten_id", json_object_new_int64(f->keten_id));
	json_object_object_add(o, "keten", tekst_of_null(f->keten));
	json_object_object_add(o, "aangemaakt", tekst_of_null(f->aangemaakt));
	return o;
}

/* A version without its content; reacties only for who reads them all
 * (alle), else null. */
static struct json_object *
versie_json(const struct formatversie_rij *v, int alle)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(v->id));
	json_object_object_add(o, "format_id", json_object_new_int64(v->format_id));
	json_object_object_add(o, "nummer", json_object_new_int64(v->nummer));
	json_object_object_add(o, "versie", json_object_new_int64(v->versie));
	json_object_object_add(o, "status", tekst_of_null(v->status));
	json_object_object_add(o, "status_label",
	    tekst_of_null(format_status_label(v->status)));
	json_object_object_add(o, "eerste_periode", tekst_of_null(v->eerste_periode));
	json_object_object_add(o, "eerste_dag", tekst_of_null(v->eerste_dag));
	json_object_object_add(o, "indientermijn_dagen",
	    json_object_new_int(v->indientermijn_dagen));
	json_object_object_add(o, "toelichting", tekst_of_leeg(v->toelichting));
	json_object_object_add(o, "geconsulteerd",
	    json_object_new_boolean(v->geconsulteerd));
	json_object_object_add(o, "consultatie_van", tekst_of_null(v->consultatie_van));
	json_object_object_add(o, "midden_in_periode",
	    json_object_new_boolean(v->midden_in_periode));
	json_object_object_add(o, "publicatie_reden",
	    tekst_of_null(v->publicatie_reden));
	json_object_object_add(o, "gepubliceerd_op", tekst_of_null(v->gepubliceerd_op));
	json_object_object_add(o, "gepubliceerd_door",
	    tekst_of_null(v->gepubliceerd_door_naam));
	json_object_object_add(o, "aangemaakt", tekst_of_null(v->aangemaakt));
	json_object_object_add(o, "reacties", alle ?
	    json_object_new_int64(v->reacties) : NULL);
	return o;
}

/* The rule's uitsplitsing (JSON text of an array) as a new array. */
static struct json_object *
uitsplitsing_json(const char *s)
{
	struct json_object *a = s != NULL ? json_tokener_parse(s) : NULL;

	if (a != NULL && !json_object_is_type(a, json_type_array)) {
		json_object_put(a);
		a = NULL;
	}
	return a != NULL ? a : json_object_new_array();
}

static struct json_object *
item_json(const struct format_item_rij *r, int alle)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(r->id));
	json_object_object_add(o, "soort", tekst_of_null(r->soort));
	json_object_object_add(o, "indicator_id", id_of_null(r->indicator_id));
	json_object_object_add(o, "indicator_code", tekst_of_null(r->indicator_code));
	json_object_object_add(o, "indicator_naam", tekst_of_null(r->indicator_naam));
	json_object_object_add(o, "eenheid", tekst_of_null(r->eenheid));
	json_object_object_add(o, "bron", tekst_of_null(r->bron));
	json_object_object_add(o, "uitsplitsing", r->indicator_id > 0 ?
	    uitsplitsing_json(r->uitsplitsing) : NULL);
	json_object_object_add(o, "eis_id", id_of_null(r->eis_id));
	json_object_object_add(o, "eis_code", tekst_of_null(r->eis_code));
	json_object_object_add(o, "eis_omschrijving",
	    tekst_of_null(r->eis_omschrijving));
	json_object_object_add(o, "vraag", tekst_of_null(r->vraag));
	json_object_object_add(o, "lijn", tekst_of_null(r->lijn));
	json_object_object_add(o, "vorige_indicator_id",
	    id_of_null(r->vorige_indicator_id));
	json_object_object_add(o, "vorige_indicator_code",
	    tekst_of_null(r->vorige_indicator_code));
	json_object_object_add(o, "reacties", alle ?
	    json_object_new_int64(r->reacties) : NULL);
	return o;
}

/* A version with its organisaties and its sections, in order. */
static struct json_object *
inhoud_json(const struct formatversie_rij *v, const struct format_item_rij *r,
    size_t n, const struct format_org_rij *org, size_t norg, int alle)
{
	struct json_object *o = versie_json(v, alle), *secties, *s = NULL,
	    *items = NULL, *orgs, *x;
	int64_t sectie = 0;
	size_t i;

	orgs = json_object_new_array();
	for (i = 0; i < norg; i++) {
		x = json_object_new_object();
		json_object_object_add(x, "id", json_object_new_int64(org[i].id));
		json_object_object_add(x, "code", tekst_of_null(org[i].code));
		json_object_object_add(x, "naam", tekst_of_null(org[i].naam));
		json_object_array_add(orgs, x);
	}
	json_object_object_add(o, "organisaties", orgs);
	secties = json_object_new_array();
	for (i = 0; i < n; i++) {
		if (s == NULL || r[i].sectie_id != sectie) {
			sectie = r[i].sectie_id;
			s = json_object_new_object();
			items = json_object_new_array();
			json_object_object_add(s, "id", json_object_new_int64(sectie));
			json_object_object_add(s, "titel",
			    tekst_of_leeg(r[i].sectie_titel));
			json_object_object_add(s, "items", items);
			json_object_array_add(secties, s);
		}
		if (r[i].id > 0)
			json_object_array_add(items, item_json(&r[i], alle));
	}
	json_object_object_add(o, "secties", secties);
	return o;
}

static struct json_object *
reactie_json(const struct format_reactie_rij *x)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(x->id));
	json_object_object_add(o, "versie", json_object_new_int64(x->versie));
	json_object_object_add(o, "item_id", id_of_null(x->item_id));
	json_object_object_add(o, "onderwerp", tekst_of_null(x->onderwerp));
	json_object_object_add(o, "organisatie_id",
	    json_object_new_int64(x->organisatie_id));
	json_object_object_add(o, "organisatie", tekst_of_null(x->organisatie));
	json_object_object_add(o, "door", tekst_of_null(x->gebruiker));
	json_object_object_add(o, "oordeel", tekst_of_null(x->oordeel));
	json_object_object_add(o, "opmerking", tekst_of_null(x->opmerking));
	json_object_object_add(o, "aangemaakt", tekst_of_null(x->aangemaakt));
	json_object_object_add(o, "antwoord", tekst_of_null(x->antwoord));
	json_object_object_add(o, "beantwoord_door",
	    tekst_of_null(x->beantwoord_door_naam));
	json_object_object_add(o, "beantwoord_op", tekst_of_null(x->beantwoord_op));
	return o;
}

/* --------------------------------------------------------- the routes */

static int64_t
p_id(struct req *r)
{
	return route_param_int(&r->match, "id");
}

static int64_t
p_nummer(struct req *r)
{
	return route_param_int(&r->match, "nummer");
}

/* GET /api/v1/formats: a page of formats by id, optionally of one keten. */
static void
api_lijst(struct req *r)
{
	struct format_rij *f;
	struct json_object *o, *arr;
	enum db_err rc;
	int64_t na, keten, laatste = 0;
	size_t i, n;
	int limit;

	if (lijst_grenzen(r, &limit, &na) != 0)
		return;
	if ((keten = query_id(r, "keten_id")) < 0) {
		resp_problem(r, 400, "keten_id moet een id zijn.", NULL);
		return;
	}
	if ((rc = store_format_lijst(r->db, r->arena, keten, na, limit + 1, &f,
	    &n)) != DB_OK) {
		fail_db(r, rc, "formats");
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++) {
		json_object_array_add(arr, format_json(&f[i]));
		laatste = f[i].id;
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", volgende_json(r,
	    n > (size_t)limit ? &laatste : NULL));
	resp_json(r, 200, o);
}

/* Answers format id as it is now (status 201: with Location and the
 * Idempotency-Key); commits the open transaction. */
static void
format_antwoord(struct req *r, int64_t id, int status)
{
	struct format_rij f;
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_format_lees(r->db, r->arena, id, 0, &f, &gevonden)) !=
	    DB_OK || !gevonden) {
		tx_rollback(r);
		fail_db(r, rc == DB_OK ? DB_ERR : rc, "format");
		return;
	}
	answer_written(r, format_json(&f), status, status == 201 ?
	    arena_printf(r->arena, "/api/v1/formats/%lld", (long long)id) : NULL);
}

static void
format_invoer_lees(struct req *r, struct format_invoer *in)
{
	memset(in, 0, sizeof(*in));
	in->code = invoer_json(r, "code");
	in->naam = invoer_json(r, "naam");
	in->omschrijving = invoer_json(r, "omschrijving");
	in->keten_id = invoer_json(r, "keten_id");
}

static void
api_maak(struct req *r)
{
	struct format_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0 || body_object(r, "een format") != 0)
		return;
	format_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = format_maak(&c, &in, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		format_antwoord(r, id, 201);
}

static void
api_lees(struct req *r)
{
	struct format_rij f;
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_format_lees(r->db, r->arena, p_id(r), 0, &f,
	    &gevonden)) != DB_OK) {
		fail_db(r, rc, "format");
		return;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	zet_etag(r, f.versie);
	resp_json(r, 200, format_json(&f));
}

static void
api_wijzig(struct req *r)
{
	struct format_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;

	if (body_object(r, "een format") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	format_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = format_wijzig(&c, p_id(r), versie, &in);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		format_antwoord(r, p_id(r), 200);
}

/* GET F/versies: every version the caller may see, oldest first; a
 * format has few, so the list is never paged. */
static void
api_versies(struct req *r)
{
	struct formatversie_rij *v;
	struct json_object *o, *arr;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, n;
	int alle;

	ops_ctx_van(r, NULL, &c);
	u = formatversie_lijst(&c, p_id(r), &v, &n);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	alle = n > 0 && format_ziet_concepten(&r->who, v[0].keten_id);
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, versie_json(&v[i], alle));
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/*
 * Answers version nummer of format id with its content, as the caller
 * may see it. In a write (open: its transaction is open) the answer is
 * status (201 with Location and the Idempotency-Key) and commits; in a
 * read, 200 with its ETag.
 */
static void
versie_antwoord(struct req *r, int64_t id, int64_t nummer, int status,
    int open)
{
	struct formatversie_rij v;
	struct format_item_rij *items;
	struct format_org_rij *orgs;
	struct json_object *o;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t n, norg;

	ops_ctx_van(r, NULL, &c);
	u = formatversie_inhoud(&c, id, nummer, &v, &items, &n, &orgs, &norg);
	if (u != OPS_OK) {
		if (open)
			tx_rollback(r);
		antwoord_uitkomst(r, &c, u == OPS_NIET_GEVONDEN && open ?
		    OPS_STORING : u);
		return;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	o = inhoud_json(&v, items, n, orgs, norg,
	    format_ziet_concepten(&r->who, v.keten_id));
	if (!open) {
		zet_etag(r, v.versie);
		resp_json(r, 200, o);
		return;
	}
	answer_written(r, o, status, status == 201 ? arena_printf(r->arena,
	    "/api/v1/formats/%lld/versies/%lld", (long long)id,
	    (long long)nummer) : NULL);
}

static void
versie_invoer_lees(struct req *r, struct formatversie_invoer *in)
{
	struct json_object *s = NULL;

	memset(in, 0, sizeof(*in));
	in->eerste_periode = invoer_json(r, "eerste_periode");
	in->indientermijn_dagen = invoer_json(r, "indientermijn_dagen");
	in->toelichting = invoer_json(r, "toelichting");
	if (json_object_object_get_ex(r->json, "secties", &s))
		in->secties = s;       /* borrowed from r->json */
}

static void
api_versie_maak(struct req *r)
{
	struct formatversie_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t nummer = 0;

	if (idem_replay(r) != 0 || body_object(r, "een formatversie") != 0)
		return;
	versie_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = formatversie_maak(&c, p_id(r), &in, &nummer);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		versie_antwoord(r, p_id(r), nummer, 201, 1);
}

static void
api_versie_lees(struct req *r)
{
	versie_antwoord(r, p_id(r), p_nummer(r), 200, 0);
}

static void
api_versie_wijzig(struct req *r)
{
	struct formatversie_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie;

	if (body_object(r, "een formatversie") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	versie_invoer_lees(r, &in);
	ops_ctx_van(r, NULL, &c);
	u = formatversie_wijzig(&c, p_id(r), p_nummer(r), versie, &in);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		versie_antwoord(r, p_id(r), p_nummer(r), 200, 1);
}

/* POST V/consulteren {organisatie_ids?}: ids as the operation reads
 * them, nothing judged here. */
static void
api_consulteren(struct req *r)
{
	struct consultatie_invoer in;
	struct json_object *a = NULL;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i;

	if (body_object(r, "{organisatie_ids}") != 0)
		return;
	memset(&in, 0, sizeof(in));
	if (json_object_object_get_ex(r->json, "organisatie_ids", &a) &&
	    a != NULL) {
		in.gegeven = 1;
		if (!json_object_is_type(a, json_type_array) ||
		    (in.n = json_object_array_length(a)) > FORMAT_MAX_ORGANISATIES)
			in.ongeldig = 1;
		for (i = 0; !in.ongeldig && i < in.n; i++)
			in.ids[i].tekst = json_tekst(json_object_array_get_idx(a, i),
			    &in.ids[i].ongeldig);
	}
	ops_ctx_van(r, NULL, &c);
	u = formatversie_consulteren(&c, p_id(r), p_nummer(r), &in);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		versie_antwoord(r, p_id(r), p_nummer(r), 200, 1);
}

static void
api_terugnemen(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = formatversie_terugnemen(&c, p_id(r), p_nummer(r));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		versie_antwoord(r, p_id(r), p_nummer(r), 200, 1);
}

static void
api_publiceren(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	char d[11];
	long vandaag = 0;

	if (body_object(r, "{reden}") != 0)
		return;
	if (datum_lees_str(datum_vandaag(d), 1900, 2999, &vandaag) != 0) {
		fail_db(r, DB_ERR, "vandaag");
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = formatversie_publiceren(&c, p_id(r), p_nummer(r),
	    invoer_json(r, "reden"), vandaag);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		versie_antwoord(r, p_id(r), p_nummer(r), 200, 1);
}

static void
api_reacties(struct req *r)
{
	struct format_reactie_rij *x;
	struct json_object *o, *arr;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, n;

	ops_ctx_van(r, NULL, &c);
	u = format_reacties(&c, p_id(r), p_nummer(r), &x, &n);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, reactie_json(&x[i]));
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/* Answers comment rid as it is now; commits (status 201: Location). */
static void
reactie_antwoord(struct req *r, int64_t rid, int status)
{
	struct format_reactie_rij x;
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = format_reactie_lees(&c, p_id(r), p_nummer(r), rid, &x);
	if (u != OPS_OK) {
		tx_rollback(r);
		antwoord_uitkomst(r, &c, OPS_STORING);
		return;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	answer_written(r, reactie_json(&x), status, status == 201 ?
	    arena_printf(r->arena, "/api/v1/formats/%lld/versies/%lld/reacties/"
	    "%lld", (long long)p_id(r), (long long)p_nummer(r), (long long)rid) :
	    NULL);
}

static void
api_reactie_maak(struct req *r)
{
	struct reactie_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t rid = 0;

	if (idem_replay(r) != 0 || body_object(r, "een reactie") != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.item_id = invoer_json(r, "item_id");
	in.oordeel = invoer_json(r, "oordeel");
	in.opmerking = invoer_json(r, "opmerking");
	ops_ctx_van(r, NULL, &c);
	u = format_reactie_maak(&c, p_id(r), p_nummer(r), &in, &rid);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		reactie_antwoord(r, rid, 201);
}

static void
api_reactie_lees(struct req *r)
{
	struct format_reactie_rij x;
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = format_reactie_lees(&c, p_id(r), p_nummer(r),
	    route_param_int(&r->match, "rid"), &x);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	zet_etag(r, x.versie);
	resp_json(r, 200, reactie_json(&x));
}

static void
api_reactie_beantwoord(struct req *r)
{
	int64_t rid = route_param_int(&r->match, "rid"), versie;
	struct ops_ctx c;
	enum ops_uitkomst u;

	if (body_object(r, "{antwoord}") != 0 ||
	    (versie = if_match_vereist(r)) == 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = format_reactie_beantwoord(&c, p_id(r), p_nummer(r), rid, versie,
	    invoer_json(r, "antwoord"));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		reactie_antwoord(r, rid, 200);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
#define F	"/api/v1/formats/{id:int}"
#define V	F "/versies/{nummer:int}"
static const struct route routes[] = {
	{ "GET", "/api/v1/formats", api_lijst, ACCESS_STURING, J, NULL },
	{ "POST", "/api/v1/formats", api_maak, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", F, api_lees, ACCESS_STURING, J, NULL },
	{ "PUT", F, api_wijzig, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", F "/versies", api_versies, ACCESS_STURING, J, NULL },
	{ "POST", F "/versies", api_versie_maak, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", V, api_versie_lees, ACCESS_STURING, J, NULL },
	{ "PUT", V, api_versie_wijzig, ACCESS_CATALOGUS, JB, NULL },
	{ "POST", V "/consulteren", api_consulteren, ACCESS_CATALOGUS, JB, NULL },
	{ "POST", V "/terugnemen", api_terugnemen, ACCESS_CATALOGUS, JB, NULL },
	{ "POST", V "/publiceren", api_publiceren, ACCESS_CATALOGUS, JB, NULL },
	{ "GET", V "/reacties", api_reacties, ACCESS_STURING, J, NULL },
	{ "POST", V "/reacties", api_reactie_maak, ACCESS_TEAMLEIDER, JB, NULL },
	{ "GET", V "/reacties/{rid:int}", api_reactie_lees, ACCESS_STURING, J,
	  NULL },
	{ "PUT", V "/reacties/{rid:int}", api_reactie_beantwoord,
	  ACCESS_CATALOGUS, JB, NULL },
};
ROUTE_TABLE(routes_formats, routes);
