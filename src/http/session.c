/*
 * session.c — identity and CSRF at the front gate; see session.h.
 *
 * The session token lives only in the cookie; the database holds its hash.
 * Every comparison with a secret is constant-time. This file must never
 * log a token, a CSRF token or a cookie.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/log.h"
#include "core/secret.h"
#include "db/db.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"
#include "store/sessie.h"
#include "store/token.h"

const char *
session_cookie_name(const struct req *r)
{
	return r->cfg != NULL && r->cfg->cookie_secure ? "__Host-wz_sessie" :
	    "wz_sessie";
}

static void
set_cookie(struct req *r, const char *token)
{
	int secure = r->cfg != NULL && r->cfg->cookie_secure;
	const char *v;

	/* No Max-Age: the browser forgets it when closed; the server ends it
	 * after idle and absolute time in any case. */
	if (token != NULL)
		v = arena_printf(r->arena, "%s=%s; Path=/; HttpOnly;%s SameSite=Lax",
		    session_cookie_name(r), token, secure ? " Secure;" : "");
	else
		v = arena_printf(r->arena, "%s=; Path=/; Max-Age=0; HttpOnly;%s "
		    "SameSite=Lax", session_cookie_name(r), secure ? " Secure;" : "");
	if (v != NULL)
		resp_header(r, "Set-Cookie", v);
}

/* A bearer token from "Authorization: Bearer <token>", or NULL. */
static const char *
bearer(const struct req *r)
{
	const char *a = r->authorization;

	if (a == NULL || strncasecmp(a, "Bearer ", 7) != 0)
		return NULL;
	a += 7;
	while (*a == ' ')
		a++;
	return a;
}

int
session_identify(struct req *r)
{
	char hash[TOKEN_HASH_LEN + 1];
	const char *tok;
	enum db_err rc;
	int found = 0, touch = 0;

	memset(&r->who, 0, sizeof(r->who));
	if ((tok = bearer(r)) != NULL) {
		/* A malformed token is simply not a credential: 401 later. */
		if (!token_valid(tok))
			return 0;
		token_hash(tok, hash);
		rc = store_token_lookup(r->db, r->arena, hash, &r->who, &found);
	} else {
		tok = kv_get(&r->cookies, session_cookie_name(r));
		if (tok == NULL)
			return 0;
		if (!token_valid(tok)) {
			set_cookie(r, NULL);
			return 0;
		}
		token_hash(tok, hash);
		rc = store_sessie_lookup(r->db, r->arena, hash, r->cfg->session_idle,
		    r->cfg->session_absolute, &r->who, &found, &touch);
		if (rc == DB_OK && !found)
			set_cookie(r, NULL);     /* expired or ended: forget it */
		if (rc == DB_OK && found && touch &&
		    store_sessie_touch(r->db, hash) != DB_OK)
			log_warn("session", "req=%s cannot record session use",
			    r->request_id ? r->request_id : "-");
	}
	if (rc != DB_OK) {
		memset(&r->who, 0, sizeof(r->who));
		log_error("session", "req=%s %s", r->request_id ? r->request_id : "-",
		    r->db->error);
		resp_problem(r, 503, NULL, NULL);
		return 503;
	}
	if (!found)
		memset(&r->who, 0, sizeof(r->who));
	return 0;
}

/* Whether Origin is this site: scheme://Host exactly. */
static int
origin_ok(const struct req *r)
{
	size_t slen;

	if (r->origin == NULL)
		return 1;       /* not a browser, or an old one: the token decides */
	if (r->host == NULL || r->scheme == NULL)
		return 0;
	slen = strlen(r->scheme);
	return strncmp(r->origin, r->scheme, slen) == 0 &&
	    strncmp(r->origin + slen, "://", 3) == 0 &&
	    strcmp(r->origin + slen + 3, r->host) == 0;
}

int
csrf_check(struct req *r)
{
	const char *sent;

	if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0 ||
	    strcmp(r->method, "OPTIONS") == 0 || r->who.token_id > 0)
		return 0;
	/* A browser posting from another site is refused even without a
	 * session: that also stops log-in CSRF. */
	if (!origin_ok(r))
		goto refuse;
	if (!r->who.authenticated)
		return 0;
	sent = r->csrf_header != NULL ? r->csrf_header :
	    kv_get(&r->form, "csrf_token");
	if (!secret_equal(sent, r->who.csrf_token)) {
refuse:
		resp_problem(r, 403, "Dit formulier is verlopen of komt niet van "
		    "wijkzicht zelf. Laad de pagina opnieuw en probeer het nog eens.",
		    NULL);
		return 403;
	}
	return 0;
}

int
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
	set_cookie(r, token);
	return 0;
}

int
session_end(struct req *r)
{
	set_cookie(r, NULL);
	if (r->who.sessie_id == NULL)
		return 0;
	return store_sessie_delete(r->db, r->who.sessie_id) == DB_OK ? 0 : -1;
}
