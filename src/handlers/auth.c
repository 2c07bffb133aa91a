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
 * Log-in never says whether the account exists: a wrong name and a wrong
 * password get the same answer after the same amount of work. Attempts
 * are counted per account and per address in MariaDB (5 failures per
 * account, 20 per address, in 15 minutes), recorded before the password
 * is checked, so every worker and host throttles alike, also for guesses
 * sent all at once.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/log.h"
#include "core/passhash.h"
#include "core/secret.h"
#include "db/db.h"
#include "domain/password.h"
#include "domain/policy.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"
#include "store/gebruiker.h"
#include "store/sessie.h"
#include "store/throttle.h"

#define WINDOW_S		(15 * 60)
#define MAX_PER_ACCOUNT		5
#define MAX_PER_ADDRESS		20
#define MAX_NAME		64
#define MAX_PASSWORD		1024

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_THROTTLED, LOGIN_ERROR };

/*
 * Starts a session for the user (a new token: no fixation), in the
 * caller's transaction, and sets the cookie. Fills r->who. Returns 0 or -1.
 */
static int
session_start(struct req *r, int64_t gebruiker_id)
{
	char token[TOKEN_LEN + 1], csrf[TOKEN_LEN + 1], hash[TOKEN_HASH_LEN + 1];
	int found = 0, touch = 0;

	token_new(token);
	token_new(csrf);
	token_hash(token, hash);
	if (store_sessie_insert(r->db, hash, gebruiker_id, csrf,
	    r->remote_addr) != DB_OK)
		return -1;
	if (store_sessie_lookup(r->db, r->arena, hash, r->cfg->session_idle,
	    r->cfg->session_absolute, &r->who, &found, &touch) != DB_OK || !found)
		return -1;
	session_cookie_set(r, token);
	return 0;
}

/* Ends the current session (row and cookie). Returns 0 or -1. */
static int
session_end(struct req *r)
{
	session_cookie_set(r, NULL);
	if (r->who.sessie_id == NULL)
		return 0;
	return store_sessie_delete(r->db, r->who.sessie_id) == DB_OK ? 0 : -1;
}


/* Account names compare case-insensitively for throttling. */
static const char *
throttle_key(struct req *r, const char *naam)
{
	char *k = arena_strdup(r->arena, naam);

	for (char *p = k; p != NULL && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

/* One attempt at a secret (log-in, or the current password on the
 * password-change form), as recorded for throttling. */
struct attempt {
	const char *key;       /* the account name, lower case */
	int64_t     acc_row;   /* its inlogpoging rows */
	int64_t     addr_row;
};

enum guard { GUARD_OK, GUARD_THROTTLED, GUARD_ERROR };

/*
 * Records this attempt, for the account and for the client address, and
 * commits that before counting: requests arriving at the same moment on
 * other workers each see the others, so no more than MAX_PER_ACCOUNT
 * guesses reach the password check in a window, however many are sent at
 * once. A refused attempt stays counted (an attacker keeps the lock
 * closed); only the first refusal in a window is audited, so a flood of
 * refused attempts cannot grow the append-only audit log. On GUARD_ERROR a
 * problem has been answered.
 */
static enum guard
attempt_begin(struct req *r, const char *naam, const char *actie,
    struct attempt *at, int *retry_after)
{
	const char *addr = r->remote_addr ? r->remote_addr : "";
	int n_acc, n_addr, wait_acc, wait_addr;
	enum db_err rc;

	memset(at, 0, sizeof(*at));
	at->key = throttle_key(r, naam);
	if (tx_begin(r) != 0)
		return GUARD_ERROR;
	if ((rc = store_throttle_record(r->db, "account", at->key,
	    &at->acc_row)) != DB_OK ||
	    (rc = store_throttle_record(r->db, "adres", addr, &at->addr_row))
	    != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, actie);
		return GUARD_ERROR;
	}
	if (tx_commit(r) != 0)
		return GUARD_ERROR;
	if ((rc = store_throttle_count(r->db, r->arena, "account", at->key,
	    WINDOW_S, &n_acc, &wait_acc)) != DB_OK ||
	    (rc = store_throttle_count(r->db, r->arena, "adres", addr, WINDOW_S,
	    &n_addr, &wait_addr)) != DB_OK) {
		fail_db(r, rc, actie);
		return GUARD_ERROR;
	}
	if (n_acc <= MAX_PER_ACCOUNT && n_addr <= MAX_PER_ADDRESS)
		return GUARD_OK;
	*retry_after = n_acc > MAX_PER_ACCOUNT ? wait_acc : wait_addr;
	if (n_acc == MAX_PER_ACCOUNT + 1 || n_addr == MAX_PER_ADDRESS + 1) {
		if (tx_begin(r) != 0)
			return GUARD_ERROR;
		if (audit(r, actie, "gebruiker", 0, GEWEIGERD, "te veel pogingen")
		    != 0) {
			tx_rollback(r);
			fail_db(r, DB_ERR, actie);
			return GUARD_ERROR;
		}
		if (tx_commit(r) != 0)
			return GUARD_ERROR;
	}
	return GUARD_THROTTLED;
}

/* A wrong secret: the attempt stays counted, and is audited. Returns 0, or
 * -1 after answering (fail closed: no audit row, no answer but an error). */
static int
attempt_failed(struct req *r, const char *actie, int64_t account_id)
{
	if (tx_begin(r) != 0)
		return -1;
	if (audit(r, actie, "gebruiker", account_id, MISLUKT,
	    "onjuiste gegevens") != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, actie);
		return -1;
	}
	return tx_commit(r);
}

/* The right secret: this attempt counts against nobody, and earlier
 * failures of the account are forgotten. In the caller's transaction. */
static enum db_err
attempt_succeeded(struct req *r, const struct attempt *at)
{
	enum db_err rc;

	if ((rc = store_throttle_forget(r->db, at->acc_row)) != DB_OK ||
	    (rc = store_throttle_forget(r->db, at->addr_row)) != DB_OK)
		return rc;
	return store_throttle_clear(r->db, "account", at->key);
}

/*
 * Checks name and password and, when they are right, starts a session.
 * On LOGIN_THROTTLED *retry_after is set. On LOGIN_ERROR a problem has
 * been answered already.
 */
static enum login_result
login(struct req *r, const char *naam, const char *pw, int *retry_after)
{
	struct login_account acc;
	struct attempt at;
	enum db_err rc;
	int found, ok;

	*retry_after = 0;
	if (naam == NULL || pw == NULL || *naam == '\0' || *pw == '\0' ||
	    strlen(naam) > MAX_NAME || strlen(pw) > MAX_PASSWORD)
		return LOGIN_BAD;
	switch (attempt_begin(r, naam, "inloggen", &at, retry_after)) {
	case GUARD_OK:
		break;
	case GUARD_THROTTLED:
		return LOGIN_THROTTLED;
	case GUARD_ERROR:
		return LOGIN_ERROR;
	}
	if ((rc = store_gebruiker_login(r->db, r->arena, naam, &acc, &found))
	    != DB_OK) {
		fail_db(r, rc, "login");
		return LOGIN_ERROR;
	}
	if (found && acc.actief && acc.wachtwoord_hash != NULL)
		ok = passhash_verify(acc.wachtwoord_hash, pw);
	else
		ok = passhash_verify_nothing(pw);
	if (!ok)
		return attempt_failed(r, "inloggen", found ? acc.id : 0) == 0 ?
		    LOGIN_BAD : LOGIN_ERROR;
	if (tx_begin(r) != 0)
		return LOGIN_ERROR;
	if (store_sessie_expire(r->db, r->cfg->session_idle,
	    r->cfg->session_absolute) != DB_OK ||
	    store_throttle_prune(r->db, WINDOW_S) != DB_OK ||
	    attempt_succeeded(r, &at) != DB_OK ||
	    session_start(r, acc.id) != 0 ||
	    audit(r, "inloggen", "gebruiker", acc.id, GELUKT, "") != 0) {
		tx_rollback(r);
		r->res.nheaders = 0;     /* no Set-Cookie for a session not made */
		fail_db(r, DB_ERR, "login");
		return LOGIN_ERROR;
	}
	if (tx_commit(r) != 0)
		return LOGIN_ERROR;
	return LOGIN_OK;
}

/* A local path to go back to after log-in, or "/": never another site. */
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

static void
pagina_inloggen(struct req *r)
{
	if (r->who.authenticated) {
		resp_redirect(r, safe_return(kv_get(&r->query, "terug")));
		return;
	}
	login_page(r, 200, NULL, NULL);
}

static const char msg_bad[] =
    "De combinatie van gebruikersnaam en wachtwoord is onjuist.";

static void
pagina_inloggen_post(struct req *r)
{
	const char *naam = kv_get(&r->form, "gebruikersnaam");
	char secs[16];
	int wait;

	switch (login(r, naam, kv_get(&r->form, "wachtwoord"), &wait)) {
	case LOGIN_OK:
		resp_redirect(r, safe_return(kv_get(&r->form, "terug")));
		return;
	case LOGIN_BAD:
		login_page(r, 422, naam, msg_bad);
		return;
	case LOGIN_THROTTLED:
		snprintf(secs, sizeof(secs), "%d", wait);
		login_page(r, 429, naam, "Er is te vaak geprobeerd in te loggen. "
		    "Wacht een kwartier en probeer het dan opnieuw.");
		resp_header(r, "Retry-After", secs);
		return;
	case LOGIN_ERROR:
		return;
	}
}

/* {"id", "gebruikersnaam", "naam", "rollen": [...], "toekenningen": [...]} */
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

static void
api_inloggen(struct req *r)
{
	struct json_object *naam = NULL, *pw = NULL, *o;
	char secs[16];
	int wait;

	if (!json_object_is_type(r->json, json_type_object) ||
	    !json_object_object_get_ex(r->json, "gebruikersnaam", &naam) ||
	    !json_object_object_get_ex(r->json, "wachtwoord", &pw) ||
	    !json_object_is_type(naam, json_type_string) ||
	    !json_object_is_type(pw, json_type_string)) {
		resp_problem(r, 400, "Stuur {\"gebruikersnaam\": ..., \"wachtwoord\": ...}.",
		    NULL);
		return;
	}
	switch (login(r, json_object_get_string(naam), json_object_get_string(pw),
	    &wait)) {
	case LOGIN_OK:
		o = json_object_new_object();
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(r->who.csrf_token));
		json_object_object_add(o, "gebruiker", me_json(&r->who));
		resp_json(r, 201, o);
		resp_header(r, "Location", "/api/v1/sessies/huidig");
		return;
	case LOGIN_BAD:
		resp_problem(r, 401, msg_bad, NULL);
		return;
	case LOGIN_THROTTLED:
		snprintf(secs, sizeof(secs), "%d", wait);
		resp_problem(r, 429, "Er is te vaak geprobeerd in te loggen. Wacht een "
		    "kwartier en probeer het dan opnieuw.", NULL);
		resp_header(r, "Retry-After", secs);
		return;
	case LOGIN_ERROR:
		return;
	}
}

/* Ends the session in a transaction with its audit row. Returns 0 or -1
 * (answered). */
static int
logout(struct req *r)
{
	if (tx_begin(r) != 0)
		return -1;
	if (session_end(r) != 0 ||
	    audit(r, "uitloggen", "gebruiker", r->who.gebruiker_id, GELUKT, "") != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "logout");
		return -1;
	}
	return tx_commit(r);
}

static void
pagina_uitloggen(struct req *r)
{
	if (logout(r) == 0)
		resp_redirect(r, "/inloggen?uitgelogd=1");
}

static void
api_uitloggen(struct req *r)
{
	if (r->who.token_id > 0) {
		resp_problem(r, 400, "Een API-token is geen sessie; een beheerder kan "
		    "het intrekken.", NULL);
		return;
	}
	if (logout(r) == 0) {
		r->res.status = 204;
		r->res.content_type = "application/json";
	}
}

static void
api_mij(struct req *r)
{
	resp_json(r, 200, me_json(&r->who));
}

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

static void
pagina_account_wachtwoord_post(struct req *r)
{
	const char *oud = kv_get(&r->form, "huidig"), *nieuw = kv_get(&r->form, "nieuw"),
	    *herhaal = kv_get(&r->form, "herhaling"), *hash;
	struct json_object *fouten;
	char newhash[PASSHASH_MAX], secs[16];
	enum password_problem pp;
	struct attempt at;
	enum db_err rc;
	int wait = 0, oud_ok;

	/* The current password is a secret like the log-in's: guesses at it
	 * are throttled and audited the same way (one account key for both). */
	switch (attempt_begin(r, r->who.gebruikersnaam, "wachtwoord_wijzigen", &at,
	    &wait)) {
	case GUARD_OK:
		break;
	case GUARD_THROTTLED:
		snprintf(secs, sizeof(secs), "%d", wait);
		fouten = json_object_new_array();
		fout_melding(fouten, "huidig", "Er is te vaak een verkeerd wachtwoord "
		    "ingevuld. Wacht een kwartier en probeer het dan opnieuw.");
		password_page(r, 429, fouten);
		resp_header(r, "Retry-After", secs);
		return;
	case GUARD_ERROR:
		return;
	}
	if ((rc = store_gebruiker_hash(r->db, r->arena, r->who.gebruiker_id, &hash))
	    != DB_OK) {
		fail_db(r, rc, "password");
		return;
	}
	oud_ok = oud != NULL && passhash_verify(hash, oud);
	if (!oud_ok && attempt_failed(r, "wachtwoord_wijzigen",
	    r->who.gebruiker_id) != 0)
		return;
	fouten = json_object_new_array();
	if (!oud_ok)
		fout_melding(fouten, "huidig",
		    "Uw huidige wachtwoord is niet juist.");
	pp = password_check(r->passwords, nieuw ? nieuw : "",
	    r->who.gebruikersnaam);
	if (pp != PW_OK)
		fout_melding(fouten, "nieuw", password_problem_text(pp));
	else if (herhaal == NULL || strcmp(nieuw, herhaal) != 0)
		fout_melding(fouten, "herhaling",
		    "De twee nieuwe wachtwoorden zijn niet gelijk.");
	if (json_object_array_length(fouten) > 0) {
		password_page(r, 422, fouten);
		return;
	}
	json_object_put(fouten);
	if (passhash_make(nieuw, newhash) != 0) {
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	/* Every session of this user ends, this one included (a fresh one
	 * keeps this browser signed in), and so does every unused one-time
	 * link: the old way in is closed. */
	if (tx_begin(r) != 0)
		return;
	if (store_gebruiker_set_password(r->db, r->who.gebruiker_id, newhash) != DB_OK ||
	    store_link_invalidate(r->db, r->who.gebruiker_id) != DB_OK ||
	    attempt_succeeded(r, &at) != DB_OK ||
	    store_sessie_delete_user(r->db, r->who.gebruiker_id) != DB_OK ||
	    session_start(r, r->who.gebruiker_id) != 0 ||
	    audit(r, "wachtwoord_wijzigen", "gebruiker", r->who.gebruiker_id,
	    GELUKT, "alle sessies beëindigd") != 0) {
		tx_rollback(r);
		r->res.nheaders = 0;
		fail_db(r, DB_ERR, "password");
		return;
	}
	sodium_memzero(newhash, sizeof(newhash));
	if (tx_commit(r) == 0)
		resp_redirect(r, "/account?gewijzigd=1");
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
