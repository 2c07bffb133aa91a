/*
 * gebruikers.c — user accounts: the admin pages (the list, a new user, a
 * user's page and its edit form) and the JSON API; the helpers the four
 * files of user administration share (gebruikers.h); and their one route
 * table, in match order. Grants are in toekenningen.c, API tokens in
 * tokens.c, one-time links in wachtwoordlink.c. The writes are the
 * operations of ops/gebruikers.h: this file only reads bodies and forms
 * and answers.
 *
 * Routes (besides 401/403 from the front gate, 400/415 for a bad body and
 * 500/503 when the database fails, each may answer):
 *   GET    /beheer/gebruikers                        200
 *   GET    /beheer/gebruikers/nieuw                  200
 *   POST   /beheer/gebruikers/nieuw                  200 (the new link, once); 422
 *   GET    /beheer/gebruikers/{id}                   200; 404
 *   POST   /beheer/gebruikers/{id}                   303; 404; 409 (changed
 *                                                    meanwhile); 422
 *   GET    /api/v1/gebruikers                        200; 400
 *   POST   /api/v1/gebruikers                        201; 409; 422
 *   GET    /api/v1/gebruikers/{id}                   200; 404
 *   PUT    /api/v1/gebruikers/{id}                   200; 404; 412; 422; 428
 *
 * A new user comes with a one-time link, shown once in the answer to the
 * request that made it (Cache-Control: no-store). It never goes into the
 * idempotency table: a replayed create answers with the link as null.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/rol.h"
#include "handlers/gebruikers.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "store/gebruiker.h"

#define PAGE_USERS	100    /* rows per admin page */

/* ------------------------------------------------------------ shared helpers */

/* ------------------------------------------------------------ JSON */

/* ------------------------------------------------------------ pages */

/* GET /beheer/gebruikers — every user, PAGE_USERS a page (?na=<last id>). */
static void
pagina_gebruikers(struct req *r)
{
	struct json_object *ctx, *rows, *row;
	struct gebruiker_rec *g;
	struct scope_rec *scopes;
	struct grant gr[MAX_GRANTS];
	size_t n, ns, i, k, ng;
	unsigned roles;
	int64_t after = lees_id(kv_get(&r->query, "na"));
	enum db_err rc;
	struct buf b;

	if ((rc = store_gebruiker_list(r->db, r->arena, after, PAGE_USERS + 1, &g,
	    &n)) != DB_OK ||
	    (rc = store_scope_list(r->db, r->arena, &scopes, &ns)) != DB_OK) {
		fail_db(r, rc, "gebruikers_page");
		return;
	}
	ctx = json_object_new_object();
	zet_str(ctx, "titel", "Gebruikers");
	rows = json_object_new_array();
	for (i = 0; i < n && i < PAGE_USERS; i++) {
		row = json_object_new_object();
		json_object_object_add(row, "id", json_object_new_int64(g[i].id));
		zet_str(row, "gebruikersnaam", g[i].gebruikersnaam);
		zet_str(row, "naam", g[i].naam);
		json_object_object_add(row, "actief",
		    json_object_new_boolean(g[i].actief));
		ng = grants_parse(g[i].toekenningen, gr, MAX_GRANTS, &roles);
		buf_init(&b, r->arena);
		for (k = 0; k < ng; k++)
			buf_puts(&b, arena_printf(r->arena, "%s%s (%s)", k ? "; " : "",
			    rol_label(gr[k].rol), reikwijdte_naam(r, scopes, ns,
			    gr[k].scope, gr[k].scope_id, NULL)));
		zet_str(row, "rollen", b.len > 0 ? arena_strndup(r->arena, b.data,
		    b.len) : "");
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "gebruikers", rows);
	if (n > PAGE_USERS)
		zet_str(ctx, "volgende", arena_printf(r->arena,
		    "/beheer/gebruikers?na=%lld", (long long)g[PAGE_USERS - 1].id));
	if (after > 0)
		zet_str(ctx, "eerste", "/beheer/gebruikers");
	resp_page(r, 200, "gebruikers", ctx);
}

/* The form for a new user, with what was typed; fouten (ownership taken,
 * may be NULL) shown. */
static void
nieuw_formulier(struct req *r, int status, struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object();

	zet_str(ctx, "titel", "Nieuwe gebruiker");
	zet_str(ctx, "gebruikersnaam", kv_get(&r->form, "gebruikersnaam"));
	zet_str(ctx, "naam", kv_get(&r->form, "naam"));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "gebruiker_nieuw", ctx);
}

/* GET /beheer/gebruikers/nieuw */
static void
pagina_gebruiker_nieuw(struct req *r)
{
	nieuw_formulier(r, 200, NULL);
}

/* POST /beheer/gebruikers/nieuw — gebruikersnaam, naam; the user's page
 * with the new link, once. */
static void
pagina_gebruiker_maak(struct req *r)
{
	struct gebruiker_invoer in = { kv_get(&r->form, "gebruikersnaam"),
	    kv_get(&r->form, "naam"), 1 };
	struct wachtwoordlink link;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	ops_ctx_van(r, NULL, &c);
	switch ((u = gebruiker_maak(&c, &in, &id, &link))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			wachtwoordlink_pagina(r, id, &link, 1);
		break;
	case OPS_VELDEN:
		nieuw_formulier(r, 422, c.fouten);
		break;
	default:
		antwoord_uitkomst(r, &c, u);
		break;
	}
	sodium_memzero(link.token, sizeof(link.token));
}

/* GET /beheer/gebruikers/{id} — ?melding= names what a form just did. */
static void
pagina_gebruiker(struct req *r)
{
	struct json_object *extra = NULL;
	const char *m = kv_get(&r->query, "melding");
	static const struct { const char *code, *tekst; } meldingen[] = {
		{ "opgeslagen", "De gegevens zijn opgeslagen." },
		{ "toegevoegd", "De rol is toegekend." },
		{ "verwijderd", "De rol is ingetrokken." },
	};
	size_t i;

	for (i = 0; m != NULL && i < sizeof(meldingen) / sizeof(meldingen[0]); i++)
		if (strcmp(m, meldingen[i].code) == 0) {
			extra = json_object_new_object();
			zet_str(extra, "melding", meldingen[i].tekst);
		}
	gebruiker_pagina(r, 200, route_param_int(&r->match, "id"), extra);
}

/* POST /beheer/gebruikers/{id} — naam and actief, with the hidden versie. */
static void
pagina_gebruiker_wijzig(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct gebruiker_invoer in = { NULL, kv_get(&r->form, "naam"),
	    kv_get(&r->form, "actief") != NULL };
	struct json_object *extra = json_object_new_object(),
	    *form = json_object_new_object();
	struct ops_ctx c;

	zet_str(form, "naam", in.naam);
	json_object_object_add(form, "actief", json_object_new_boolean(in.actief));
	zet_str(form, "versie", kv_get(&r->form, "versie"));
	json_object_object_add(extra, "form", form);
	ops_ctx_van(r, NULL, &c);
	gebruiker_formulier_klaar(r, &c, gebruiker_wijzig(&c, &in, id,
	    lees_id(kv_get(&r->form, "versie"))), id, extra, "opgeslagen");
}

/* ------------------------------------------------------------ API */

/* GET /api/v1/gebruikers */
static void
api_gebruikers(struct req *r)
{
	struct json_object *o, *items;
	struct gebruiker_rec *g;
	int64_t after;
	size_t n, i;
	enum db_err rc;
	int limit;

	if (lijst_grenzen(r, &limit, &after) != 0)
		return;
	if ((rc = store_gebruiker_list(r->db, r->arena, after, limit + 1, &g, &n))
	    != DB_OK) {
		fail_db(r, rc, "gebruikers_list");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, gebruiker_json(&g[i], NULL, 0, 0));
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, n > (size_t)limit ?
	    &g[limit - 1].id : NULL));
	resp_json(r, 200, o);
}

/* GET /api/v1/gebruikers/{id} */
static void
api_gebruiker_lees(struct req *r)
{
	struct json_object *o;
	enum db_err rc;
	int64_t versie = 0;

	if ((o = gebruiker_lees_json(r, route_param_int(&r->match, "id"), &rc,
	    &versie)) == NULL) {
		if (rc != DB_OK)
			fail_db(r, rc, "gebruiker_get");
		else
			resp_problem(r, 404, "Deze gebruiker bestaat niet.", NULL);
		return;
	}
	resp_json(r, 200, o);
	zet_etag(r, versie);
}

/* POST /api/v1/gebruikers — {gebruikersnaam, naam}; 201 with the link. */
static void
api_gebruiker_maak(struct req *r)
{
	struct gebruiker_invoer in = { NULL, NULL, 1 };
	struct json_object *o = NULL, *stored = NULL;
	struct wachtwoordlink link;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *loc;
	enum db_err rc;
	int64_t id = 0, versie;

	if (body_object(r, "{\"gebruikersnaam\": ..., \"naam\": ...}") != 0 ||
	    idem_replay(r) != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	in.gebruikersnaam = body_str(r, "gebruikersnaam", c.fouten);
	in.naam = body_str(r, "naam", c.fouten);
	if (ops_heeft_fouten(&c)) {
		gebruikers_antwoord(r, &c, OPS_VELDEN);
		return;
	}
	if ((u = gebruiker_maak(&c, &in, &id, &link)) != OPS_OK) {
		gebruikers_antwoord(r, &c, u);
		goto out;
	}
	antwoord_uitkomst(r, &c, u);
	/* Two copies: what a retry with the same Idempotency-Key gets
	 * (everything but the link, which exists only in this one answer),
	 * and this answer. */
	if ((stored = gebruiker_lees_json(r, id, &rc, &versie)) == NULL ||
	    (o = gebruiker_lees_json(r, id, &rc, &versie)) == NULL) {
		json_object_put(stored);
		antwoord_uitkomst(r, &c, ops_storing(&c, rc != DB_OK ? rc : DB_ERR,
		    "gebruiker_create"));
		goto out;
	}
	loc = arena_printf(r->arena, "/api/v1/gebruikers/%lld", (long long)id);
	json_object_object_add(stored, "wachtwoord_link", NULL);
	zet_str(stored, "wachtwoord_link_verloopt_op", link.verloopt_op);
	resp_json(r, 201, stored);
	resp_header(r, "Location", loc);
	zet_etag(r, versie);
	if (idem_store(r, loc) != 0) {
		json_object_put(o);
		tx_rollback(r);
		goto out;
	}
	if (tx_commit(r) != 0) {
		json_object_put(o);
		goto out;
	}
	zet_str(o, "wachtwoord_link", wachtwoordlink_pad(r, link.token));
	zet_str(o, "wachtwoord_link_verloopt_op", link.verloopt_op);
	resp_json(r, 201, o);
	geen_opslag(r);
out:
	sodium_memzero(link.token, sizeof(link.token));
}

/* Reads If-Match for a PUT: answers 428 when missing, 412 when it is not a
 * version. Returns the version or 0 (answered). */
static int64_t
versie_eis(struct req *r)
{
	int64_t v;

	if (r->if_match == NULL) {
		resp_problem(r, 428, "Stuur If-Match met de versie die u wijzigt "
		    "(het veld versie, of de ETag).", NULL);
		return 0;
	}
	if ((v = if_match_version(r)) <= 0) {
		resp_problem(r, 412, "If-Match noemt geen versie van deze gebruiker.",
		    NULL);
		return 0;
	}
	return v;
}

/* PUT /api/v1/gebruikers/{id} — {naam, actief} with If-Match. */
static void
api_gebruiker_wijzig(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie, nieuw;
	struct gebruiker_invoer in = { NULL, NULL, 0 };
	struct json_object *v, *o;
	struct ops_ctx c;
	enum ops_uitkomst u;
	enum db_err rc;

	if (body_object(r, "{\"naam\": ..., \"actief\": true|false}") != 0 ||
	    (versie = versie_eis(r)) == 0)
		return;
	ops_ctx_van(r, NULL, &c);
	if ((in.naam = body_str(r, "naam", c.fouten)) == NULL &&
	    !ops_heeft_fouten(&c))
		fout_melding(c.fouten, "naam", "Vul dit veld in.");
	if (!json_object_object_get_ex(r->json, "actief", &v) ||
	    !json_object_is_type(v, json_type_boolean))
		fout_melding(c.fouten, "actief", "Moet true of false zijn.");
	else
		in.actief = json_object_get_boolean(v);
	if (ops_heeft_fouten(&c)) {
		gebruikers_antwoord(r, &c, OPS_VELDEN);
		return;
	}
	u = gebruiker_wijzig(&c, &in, id, versie);
	gebruikers_antwoord(r, &c, u);
	if (u != OPS_OK || tx_commit(r) != 0)
		return;
	if ((o = gebruiker_lees_json(r, id, &rc, &nieuw)) == NULL) {
		fail_db(r, rc != DB_OK ? rc : DB_ERR, "gebruiker_update");
		return;
	}
	resp_json(r, 200, o);
	zet_etag(r, nieuw);
}

/* ------------------------------------------------------------ routes
 * of all four files, in match order: a literal segment ("nieuw") before
 * a parameter. */

#define B	ACCESS_BEHEER
#define HTML	ROUTE_HTML
#define FORM	(ROUTE_HTML | ROUTE_BODY_FORM)
#define JSON	ROUTE_JSON
#define JBODY	(ROUTE_JSON | ROUTE_BODY_JSON)

static const struct route table[] = {
	{ "GET",    "/beheer/gebruikers",                      pagina_gebruikers,       B, HTML, NULL },
	{ "GET",    "/beheer/gebruikers/nieuw",                pagina_gebruiker_nieuw,  B, HTML, NULL },
	{ "POST",   "/beheer/gebruikers/nieuw",                pagina_gebruiker_maak,   B, FORM, NULL },
	{ "GET",    "/beheer/gebruikers/{id:int}",             pagina_gebruiker,        B, HTML, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}",             pagina_gebruiker_wijzig, B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/toekenningen", pagina_toekenning_maak, B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/toekenningen/{tid:int}/verwijderen",
	  pagina_toekenning_verwijder, B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/link",        pagina_wachtwoordlink_maak, B, FORM, NULL },
	{ "GET",    "/beheer/tokens",                          pagina_tokens,           B, HTML, NULL },
	{ "POST",   "/beheer/tokens",                          pagina_token_maak,       B, FORM, NULL },
	{ "POST",   "/beheer/tokens/{id:int}/intrekken",       pagina_token_intrekken,  B, FORM, NULL },
	{ "GET",    "/wachtwoord-instellen/{token:token}",     pagina_wachtwoord,       ACCESS_PUBLIC, HTML, NULL },
	{ "POST",   "/wachtwoord-instellen/{token:token}",     pagina_wachtwoord_instellen, ACCESS_PUBLIC, FORM, NULL },
	{ "GET",    "/api/v1/gebruikers",                      api_gebruikers,          B, JSON, NULL },
	{ "POST",   "/api/v1/gebruikers",                      api_gebruiker_maak,      B, JBODY, NULL },
	{ "GET",    "/api/v1/gebruikers/{id:int}",             api_gebruiker_lees,      B, JSON, NULL },
	{ "PUT",    "/api/v1/gebruikers/{id:int}",             api_gebruiker_wijzig,    B, JBODY, NULL },
	{ "POST",   "/api/v1/gebruikers/{id:int}/wachtwoordlink", api_wachtwoordlink_maak, B, JSON, NULL },
	{ "POST",   "/api/v1/gebruikers/{id:int}/toekenningen", api_toekenning_maak,    B, JBODY, NULL },
	{ "DELETE", "/api/v1/gebruikers/{id:int}/toekenningen/{tid:int}",
	  api_toekenning_verwijder, B, JSON, NULL },
	{ "GET",    "/api/v1/tokens",                          api_tokens,              B, JSON, NULL },
	{ "POST",   "/api/v1/tokens",                          api_token_maak,          B, JBODY, NULL },
	{ "GET",    "/api/v1/tokens/{id:int}",                 api_token_lees,          B, JSON, NULL },
	{ "DELETE", "/api/v1/tokens/{id:int}",                 api_token_intrekken,     B, JSON, NULL },
};
ROUTE_TABLE(routes_gebruikers, table);
