/*
 * tokens.c — API tokens: the admin page to list, issue and revoke them,
 * and the JSON API. The writes are token_maak and token_intrekken of
 * ops/gebruikers.h; the routes are in the table of gebruikers.c.
 *
 * Routes (besides 401/403 from the front gate, 400/415 for a bad body and
 * 500/503 when the database fails, each may answer):
 *   GET    /beheer/tokens                            200
 *   POST   /beheer/tokens                            200 (the token, once); 422
 *   POST   /beheer/tokens/{id}/intrekken             303; 404
 *   GET    /api/v1/tokens                            200; 400
 *   POST   /api/v1/tokens                            201; 409; 422
 *   GET    /api/v1/tokens/{id}                       200
 *   DELETE /api/v1/tokens/{id}                       204; 404
 *
 * A token is shown exactly once, in the answer to the request that issued
 * it (Cache-Control: no-store), and stored only as a hash. It never goes
 * into the idempotency table: a replayed issue answers with the token as
 * null.
 */
#include "config.h"

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/limits.h"
#include "handlers/gebruikers.h"
#include "http/request.h"
#include "http/response.h"
#include "store/gebruiker.h"
#include "store/token.h"

static struct json_object *
token_json(const struct token_rec *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	json_object_object_add(o, "versie", json_object_new_int64(t->versie));
	zet_str(o, "naam", t->naam);
	json_object_object_add(o, "gebruiker_id",
	    json_object_new_int64(t->gebruiker_id));
	zet_str(o, "gebruikersnaam", t->gebruikersnaam);
	json_object_object_add(o, "aangemaakt_door_id",
	    json_object_new_int64(t->aangemaakt_door));
	zet_str(o, "aangemaakt_door", t->aangemaakt_door_naam);
	zet_str(o, "aangemaakt_op", t->aangemaakt_op);
	zet_str(o, "ingetrokken_op", t->ingetrokken_op);
	json_object_object_add(o, "ingetrokken",
	    json_object_new_boolean(t->ingetrokken_op != NULL));
	return o;
}

/* ------------------------------------------------------------ pages */

/*
 * The tokens page: every token (newest last) and the form to issue one.
 * extra (ownership taken, may be NULL) adds "uitgegeven" (just issued,
 * shown once), "fouten", "melding".
 */
static void
tokens_pagina(struct req *r, int status, struct json_object *extra)
{
	struct json_object *ctx, *rows, *row, *users, *o;
	struct token_rec *t;
	struct gebruiker_rec *g;
	size_t n, ng, i;
	enum db_err rc;
	/* After a refused issue the form keeps what was typed. */
	const char *chosen = status == 422 ? kv_get(&r->form, "gebruiker_id") : NULL;

	if ((rc = store_token_list(r->db, r->arena, 0, WZ_LIST_MAX, &t, &n)) !=
	    DB_OK ||
	    (rc = store_gebruiker_list(r->db, r->arena, 0, WZ_LIST_MAX, &g, &ng))
	    != DB_OK) {
		json_object_put(extra);
		fail_db(r, rc, "tokens_page");
		return;
	}
	ctx = json_object_new_object();
	zet_str(ctx, "titel", "API-tokens");
	rows = json_object_new_array();
	for (i = 0; i < n; i++) {
		row = token_json(&t[i]);
		zet_str(row, "intrek_label", arena_printf(r->arena, "Intrekken: %s",
		    t[i].naam));
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "tokens", rows);
	json_object_object_add(ctx, "heeft_tokens", json_object_new_boolean(n > 0));
	users = json_object_new_array();
	for (i = 0; i < ng; i++) {
		if (!g[i].actief)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(g[i].id));
		zet_str(o, "label", arena_printf(r->arena, "%s (%s)", g[i].naam,
		    g[i].gebruikersnaam));
		if (chosen != NULL && lees_id(chosen) == g[i].id)
			json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(users, o);
	}
	json_object_object_add(ctx, "gebruikers", users);
	zet_str(ctx, "naam", status == 422 ? kv_get(&r->form, "naam") : NULL);
	if (extra != NULL) {
		json_object_object_foreach(extra, key, val)
			json_object_object_add(ctx, key, json_object_get(val));
		json_object_put(extra);
	}
	resp_page(r, status, "tokens", ctx);
}

/* GET /beheer/tokens — ?ingetrokken after a revoke. */
void
pagina_tokens(struct req *r)
{
	struct json_object *extra = NULL;

	if (kv_get(&r->query, "ingetrokken") != NULL) {
		extra = json_object_new_object();
		zet_str(extra, "melding", "Het token is ingetrokken.");
	}
	tokens_pagina(r, 200, extra);
}

/* POST /beheer/tokens — naam and gebruiker_id; the token is shown once. */
void
pagina_token_maak(struct req *r)
{
	struct token_invoer in = { kv_get(&r->form, "naam"),
	    lees_id(kv_get(&r->form, "gebruiker_id")) };
	struct json_object *extra, *tk;
	char token[TOKEN_LEN + 1];
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	ops_ctx_van(r, NULL, &c);
	switch ((u = token_maak(&c, &in, &id, token))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) != 0)
			break;
		extra = json_object_new_object();
		tk = json_object_new_object();
		zet_str(tk, "waarde", token);
		json_object_object_add(tk, "id", json_object_new_int64(id));
		json_object_object_add(extra, "uitgegeven", tk);
		tokens_pagina(r, 200, extra);
		geen_opslag(r);
		break;
	case OPS_VELDEN:
		extra = json_object_new_object();
		pagina_fouten(r, extra, c.fouten);
		tokens_pagina(r, 422, extra);
		break;
	default:
		antwoord_uitkomst(r, &c, u);
		break;
	}
	sodium_memzero(token, sizeof(token));
}

/* POST /beheer/tokens/{id}/intrekken */
void
pagina_token_intrekken(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = token_intrekken(&c, route_param_int(&r->match, "id"));
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK && tx_commit(r) == 0)
		resp_redirect(r, "/beheer/tokens?ingetrokken=1");
}

/* ------------------------------------------------------------ API */

/* GET /api/v1/tokens */
void
api_tokens(struct req *r)
{
	struct json_object *o, *items;
	struct token_rec *t;
	int64_t after;
	size_t n, i;
	enum db_err rc;
	int limit;

	if (lijst_grenzen(r, &limit, &after) != 0)
		return;
	if ((rc = store_token_list(r->db, r->arena, after, limit + 1, &t, &n))
	    != DB_OK) {
		fail_db(r, rc, "tokens_list");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, token_json(&t[i]));
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, n > (size_t)limit ?
	    &t[limit - 1].id : NULL));
	resp_json(r, 200, o);
}

/* GET /api/v1/tokens/{id} */
void
api_token_lees(struct req *r)
{
	struct token_rec t;
	enum db_err rc;
	int found;

	if ((rc = store_token_get(r->db, r->arena, route_param_int(&r->match, "id"),
	    &t, &found)) != DB_OK) {
		fail_db(r, rc, "token_get");
		return;
	}
	if (!found) {
		resp_problem(r, 404, "Dit token bestaat niet.", NULL);
		return;
	}
	resp_json(r, 200, token_json(&t));
	zet_etag(r, t.versie);
}

/* POST /api/v1/tokens — {naam, gebruiker_id}; 201 with the token, once. */
void
api_token_maak(struct req *r)
{
	struct token_invoer in = { NULL, 0 };
	struct json_object *v, *o;
	struct token_rec t;
	char token[TOKEN_LEN + 1];
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *loc;
	enum db_err rc;
	int64_t id = 0;
	int found;

	if (body_object(r, "{\"naam\": ..., \"gebruiker_id\": ...}") != 0 ||
	    idem_replay(r) != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	in.naam = body_str(r, "naam", c.fouten);
	if (json_object_object_get_ex(r->json, "gebruiker_id", &v) && v != NULL &&
	    (!json_object_is_type(v, json_type_int) ||
	    (in.gebruiker_id = json_object_get_int64(v)) <= 0))
		fout_melding(c.fouten, "gebruiker_id", "Moet een id (een geheel "
		    "getal) zijn.");
	if (ops_heeft_fouten(&c)) {
		gebruikers_antwoord(r, &c, OPS_VELDEN);
		return;
	}
	if ((u = token_maak(&c, &in, &id, token)) != OPS_OK) {
		gebruikers_antwoord(r, &c, u);
		goto out;
	}
	antwoord_uitkomst(r, &c, u);
	if ((rc = store_token_get(r->db, r->arena, id, &t, &found)) != DB_OK ||
	    !found) {
		antwoord_uitkomst(r, &c, ops_storing(&c, rc != DB_OK ? rc : DB_ERR,
		    "token_issue"));
		goto out;
	}
	loc = arena_printf(r->arena, "/api/v1/tokens/%lld", (long long)id);
	o = token_json(&t);
	json_object_object_add(o, "token", NULL);   /* what a retry gets */
	resp_json(r, 201, o);
	resp_header(r, "Location", loc);
	if (idem_store(r, loc) != 0) {
		tx_rollback(r);
		goto out;
	}
	if (tx_commit(r) != 0)
		goto out;
	o = token_json(&t);
	zet_str(o, "token", token);
	resp_json(r, 201, o);
	geen_opslag(r);
out:
	sodium_memzero(token, sizeof(token));
}

/* DELETE /api/v1/tokens/{id} — revokes; revoking twice is no error. */
void
api_token_intrekken(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = token_intrekken(&c, route_param_int(&r->match, "id"));
	gebruikers_antwoord(r, &c, u);
	if (u == OPS_OK && tx_commit(r) == 0) {
		r->res.status = 204;
		r->res.content_type = "application/json";
	}
}
