/*
 * auth.c — signing in and out, who am I, changing one's own password.
 *
 * Routes (statuses each may answer):
 *   GET  /inloggen               200
 *   POST /inloggen               303 on success; 422 wrong name or password;
 *                                429 too many attempts (with Retry-After)
 *   POST /uitloggen              303
 *   GET  /account                200
 *   GET  /account/wachtwoord     200
 *   POST /account/wachtwoord     303; 422 with field errors; 429 after too
 *                                many wrong current passwords
 *   POST /api/v1/sessies         201 {csrf_token, gebruiker}; 401; 429; 400
 *   DELETE /api/v1/sessies/huidig 204
 *   GET  /api/v1/mij             200
 *
 * The writes are the operations of ops/sessie.h (log-in, log-out, the
 * password change, and the throttling of guesses at a secret that the
 * log-in and the password form share); this file reads the bodies, sets
 * or clears the cookie once the operation is committed, and answers.
 * Log-in never says whether the account exists: a wrong name and a wrong
 * password get the same answer after the same amount of work.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/conf.h"
#include "domain/policy.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"
#include "ops/sessie.h"
#include "store/gebruiker.h"

/* Retry-After: the seconds until a throttled caller may try again. */
static void
zet_retry_after(struct req *r, int seconden)
{
	char secs[16];

	snprintf(secs, sizeof(secs), "%d", seconden);
	resp_header(r, "Retry-After", secs);
}

/*
 * Signs in with naam and pw (ops_inloggen) and, once that is committed,
 * makes the new session this request's: r->who and the cookie. Returns
 * OPS_OK, or OPS_GEWEIGERD for the face to answer in its own way
 * (*melding; res->te_vaak and res->retry_after when throttled). Every
 * other outcome has been answered. The token is wiped before returning.
 */
static enum ops_uitkomst
auth_inloggen(struct req *r, const char *naam, const char *pw,
    struct inlog_resultaat *res, const char **melding)
{
	struct inlog_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;

	in.gebruikersnaam = naam;
	in.wachtwoord = pw;
	in.duur.idle_s = r->cfg->session_idle;
	in.duur.max_s = r->cfg->session_absolute;
	ops_ctx_van(r, NULL, &c);
	u = ops_inloggen(&c, &in, res);
	*melding = c.melding;
	if (u == OPS_GEWEIGERD) {
		json_object_put(c.fouten);
		return u;
	}
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK && tx_commit(r) != 0)
		u = OPS_STORING;
	if (u == OPS_OK) {
		r->who = res->wie;
		session_cookie_set(r, res->token);
	}
	sodium_memzero(res->token, sizeof(res->token));
	return u;
}

/*
 * A local path to go back to after log-in, or "/": never another site.
 * It must start with one "/" ("//host" is another site to a browser), be
 * at most 512 bytes, and hold only letters, digits and "/._-": no query,
 * no fragment, no percent-escape, no backslash (which some browsers read
 * as "/"), so that nothing in it can turn it into another address.
 */
static const char *
safe_return(const char *t)
{
	const char *p;

	if (t == NULL || t[0] != '/' || t[1] == '/' || strlen(t) > 512)
		return "/";
	for (p = t; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-", *p) != NULL))
			return "/";
	return t;
}

/*
 * The log-in form with status. terug comes from the query on the GET
 * (where the gate's redirect to /inloggen put it) and from the form when
 * the form comes back (422, 429), so it survives a wrong password. naam
 * is shown again so that only the password has to be typed anew; the
 * password itself never is.
 */
static void
login_page(struct req *r, int status, const char *naam, const char *fout)
{
	struct json_object *ctx = json_object_new_object();

	json_object_object_add(ctx, "titel", json_object_new_string("Inloggen"));
	json_object_object_add(ctx, "terug", json_object_new_string(
	    safe_return(kv_get(status == 200 ? &r->query : &r->form, "terug"))));
	if (naam != NULL)
		json_object_object_add(ctx, "gebruikersnaam",
		    json_object_new_string(naam));
	if (fout != NULL)
		json_object_object_add(ctx, "fout", json_object_new_string(fout));
	if (kv_get(&r->query, "uitgelogd") != NULL)
		json_object_object_add(ctx, "uitgelogd", json_object_new_boolean(1));
	if (kv_get(&r->query, "wachtwoord") != NULL)
		json_object_object_add(ctx, "wachtwoord_ingesteld",
		    json_object_new_boolean(1));
	resp_page(r, status, "inloggen", ctx);
}

/* Signed in already: straight on to where the user was going. */
static void
pagina_inloggen(struct req *r)
{
	if (r->who.authenticated) {
		resp_redirect(r, safe_return(kv_get(&r->query, "terug")));
		return;
	}
	login_page(r, 200, NULL, NULL);
}

/* A wrong name and a wrong password get the same page and status (422);
 * only throttling is told apart (429 with Retry-After). */
static void
pagina_inloggen_post(struct req *r)
{
	const char *naam = kv_get(&r->form, "gebruikersnaam"), *melding;
	struct inlog_resultaat res;

	switch (auth_inloggen(r, naam, kv_get(&r->form, "wachtwoord"), &res,
	    &melding)) {
	case OPS_OK:
		resp_redirect(r, safe_return(kv_get(&r->form, "terug")));
		return;
	case OPS_GEWEIGERD:
		login_page(r, res.te_vaak ? 429 : 422, naam, melding);
		if (res.te_vaak)
			zet_retry_after(r, res.retry_after);
		return;
	default:
		return;
	}
}

/*
 * {"id", "gebruikersnaam", "naam", "rollen": [...], "toekenningen": [...]}
 * of the principal as the gate read it (or as the log-in just made it).
 * The grants carry ids, not the names of what they apply to: those cost
 * a query, which only the account page makes. A new object, the
 * caller's.
 */
static struct json_object *
me_json(const struct principal *who)
{
	struct json_object *o = json_object_new_object(), *rollen, *tk, *g;
	size_t i;

	json_object_object_add(o, "id", json_object_new_int64(who->gebruiker_id));
	json_object_object_add(o, "gebruikersnaam",
	    json_object_new_string(who->gebruikersnaam ? who->gebruikersnaam : ""));
	json_object_object_add(o, "naam", json_object_new_string(who->naam ?
	    who->naam : ""));
	rollen = json_object_new_array();
	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1)
		if (who->roles & bit)
			json_object_array_add(rollen,
			    json_object_new_string(rol_code((enum rol)bit)));
	json_object_object_add(o, "rollen", rollen);
	tk = json_object_new_array();
	for (i = 0; i < who->ngrants; i++) {
		g = json_object_new_object();
		json_object_object_add(g, "rol",
		    json_object_new_string(rol_code(who->grants[i].rol)));
		json_object_object_add(g, "rol_naam",
		    json_object_new_string(rol_label(who->grants[i].rol)));
		json_object_object_add(g, "scope_soort",
		    json_object_new_string(scope_code(who->grants[i].scope)));
		if (who->grants[i].scope_id > 0)
			json_object_object_add(g, "scope_id",
			    json_object_new_int64(who->grants[i].scope_id));
		json_object_array_add(tk, g);
	}
	json_object_object_add(o, "toekenningen", tk);
	return o;
}

/* Both members must be strings: a number as a password is a malformed
 * body (400), not a wrong password. The CSRF token is in the answer
 * because a client that goes on with the cookie must send it as
 * X-CSRF-Token with every unsafe request (http/session.h). */
static void
api_inloggen(struct req *r)
{
	struct json_object *naam = NULL, *pw = NULL, *o;
	struct inlog_resultaat res;
	const char *melding;

	if (!json_object_is_type(r->json, json_type_object) ||
	    !json_object_object_get_ex(r->json, "gebruikersnaam", &naam) ||
	    !json_object_object_get_ex(r->json, "wachtwoord", &pw) ||
	    !json_object_is_type(naam, json_type_string) ||
	    !json_object_is_type(pw, json_type_string)) {
		resp_problem(r, 400, "Stuur {\"gebruikersnaam\": ..., \"wachtwoord\": ...}.",
		    NULL);
		return;
	}
	switch (auth_inloggen(r, json_object_get_string(naam),
	    json_object_get_string(pw), &res, &melding)) {
	case OPS_OK:
		o = json_object_new_object();
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(r->who.csrf_token));
		json_object_object_add(o, "gebruiker", me_json(&r->who));
		resp_json(r, 201, o);
		/* The session made, which DELETE on the same path ends. */
		resp_header(r, "Location", "/api/v1/sessies/huidig");
		return;
	case OPS_GEWEIGERD:
		resp_problem(r, res.te_vaak ? 429 : 401, melding, NULL);
		if (res.te_vaak)
			zet_retry_after(r, res.retry_after);
		return;
	default:
		return;
	}
}

/* Ends the session (ops_uitloggen) and, once that is committed, clears
 * the cookie. Returns 0, or -1 after answering. */
static int
auth_uitloggen(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = ops_uitloggen(&c);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK || tx_commit(r) != 0)
		return -1;
	session_cookie_set(r, NULL);
	return 0;
}

/* A POST with the CSRF token, never a GET: another site cannot sign
 * someone out with a link or an image. */
static void
pagina_uitloggen(struct req *r)
{
	if (auth_uitloggen(r) == 0)
		resp_redirect(r, "/inloggen?uitgelogd=1");
}

/* An API token has no session to end: a 400 that says how to stop it
 * rather than a 204 that changes nothing. */
static void
api_uitloggen(struct req *r)
{
	if (r->who.token_id > 0) {
		resp_problem(r, 400, "Een API-token is geen sessie; een beheerder kan "
		    "het intrekken.", NULL);
		return;
	}
	if (auth_uitloggen(r) == 0) {
		r->res.status = 204;
		r->res.content_type = "application/json";
	}
}

/* Who the credential belongs to, as the gate read it: no query. */
static void
api_mij(struct req *r)
{
	resp_json(r, 200, me_json(&r->who));
}

/* The account page: the user, and their grants by the names of what they
 * apply to. ?gewijzigd says the password was just changed. */
static void
pagina_account(struct req *r)
{
	struct json_object *ctx = json_object_new_object(), *rollen, *g;
	struct toekenning_rec *t;
	enum db_err rc;
	size_t i, n;

	/* The grants with the names of their scopes ("DOCK Zaanstad", not
	 * "organisatie 1"): what a person recognises. */
	if ((rc = store_toekenning_list(r->db, r->arena, r->who.gebruiker_id, &t,
	    &n)) != DB_OK) {
		json_object_put(ctx);
		fail_db(r, rc, "account");
		return;
	}
	rollen = json_object_new_array();
	for (i = 0; i < n; i++) {
		g = json_object_new_object();
		json_object_object_add(g, "rol_naam",
		    json_object_new_string(rol_label(t[i].rol)));
		/* A gemeente grant has no scope record to give it a name. */
		json_object_object_add(g, "scope_naam", json_object_new_string(
		    t[i].scope_naam ? t[i].scope_naam : "gemeente"));
		json_object_array_add(rollen, g);
	}
	json_object_object_add(ctx, "titel", json_object_new_string("Mijn account"));
	json_object_object_add(ctx, "account", me_json(&r->who));
	json_object_object_add(ctx, "rollen", rollen);
	json_object_object_add(ctx, "heeft_rollen", json_object_new_boolean(n > 0));
	if (kv_get(&r->query, "gewijzigd") != NULL)
		json_object_object_add(ctx, "gewijzigd", json_object_new_boolean(1));
	resp_page(r, 200, "account", ctx);
}

/* The password form with status; fouten (NULL for the empty form) is
 * taken. */
static void
password_page(struct req *r, int status, struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object();

	json_object_object_add(ctx, "titel",
	    json_object_new_string("Wachtwoord wijzigen"));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "wachtwoord", ctx);
}

static void
pagina_account_wachtwoord(struct req *r)
{
	password_page(r, 200, NULL);
}

/*
 * The form sends the current password and the new one twice: 303 to the
 * account page, the form again with its field errors (422), or with the
 * throttling said at the current password (429 with Retry-After).
 */
static void
pagina_account_wachtwoord_post(struct req *r)
{
	struct wachtwoord_wijziging in;
	struct inlog_resultaat res;
	struct json_object *fouten;
	struct ops_ctx c;
	enum ops_uitkomst u;

	in.huidig = kv_get(&r->form, "huidig");
	in.nieuw = kv_get(&r->form, "nieuw");
	in.herhaling = kv_get(&r->form, "herhaling");
	in.veelgebruikt = r->passwords;
	in.duur.idle_s = r->cfg->session_idle;
	in.duur.max_s = r->cfg->session_absolute;
	ops_ctx_van(r, NULL, &c);
	/* The new session replaces this request's only once it is committed:
	 * after a failure the browser keeps the cookie it had, whose session
	 * the rollback left in place. */
	switch ((u = ops_wachtwoord_wijzigen(&c, &in, &res))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0) {
			r->who = res.wie;
			session_cookie_set(r, res.token);
			resp_redirect(r, "/account?gewijzigd=1");
		}
		break;
	case OPS_VELDEN:
		password_page(r, 422, c.fouten);
		break;
	case OPS_GEWEIGERD:
		/* Throttled: said at the field of the current password. */
		json_object_put(c.fouten);
		fouten = json_object_new_array();
		fout_melding(fouten, "huidig", c.melding);
		password_page(r, 429, fouten);
		zet_retry_after(r, res.retry_after);
		break;
	default:
		antwoord_uitkomst(r, &c, u);
		break;
	}
	sodium_memzero(res.token, sizeof(res.token));
}

static const struct route table[] = {
	{ "GET",    "/inloggen",              pagina_inloggen,    ACCESS_PUBLIC,   ROUTE_HTML, NULL },
	{ "POST",   "/inloggen",              pagina_inloggen_post,    ACCESS_PUBLIC,   ROUTE_HTML | ROUTE_BODY_FORM, NULL },
	{ "POST",   "/uitloggen",             pagina_uitloggen,        ACCESS_INGELOGD, ROUTE_HTML | ROUTE_BODY_FORM, NULL },
	{ "GET",    "/account",               pagina_account,       ACCESS_INGELOGD, ROUTE_HTML, NULL },
	{ "GET",    "/account/wachtwoord",    pagina_account_wachtwoord, ACCESS_INGELOGD, ROUTE_HTML, NULL },
	{ "POST",   "/account/wachtwoord",    pagina_account_wachtwoord_post, ACCESS_INGELOGD, ROUTE_HTML | ROUTE_BODY_FORM, NULL },
	{ "POST",   "/api/v1/sessies",        api_inloggen,     ACCESS_PUBLIC,   ROUTE_JSON | ROUTE_BODY_JSON, NULL },
	{ "DELETE", "/api/v1/sessies/huidig", api_uitloggen,    ACCESS_INGELOGD, ROUTE_JSON, NULL },
	{ "GET",    "/api/v1/mij",            api_mij,        ACCESS_INGELOGD, ROUTE_JSON, NULL },
};
ROUTE_TABLE(routes_auth, table);
