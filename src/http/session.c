/*
 * session.c — the HTTP side of a session: its cookie, a bearer token, CSRF;
 * see session.h.
 *
 * The session token lives only in the cookie; the database holds its hash
 * (server/identiteit.c looks it up). Every comparison with a secret is
 * constant-time. This file must never log a token, a CSRF token or a
 * cookie.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/secret.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"

const char *
session_cookie_name(const struct req *r)
{
	return r->cfg != NULL && r->cfg->cookie_secure ? "__Host-wz_sessie" :
	    "wz_sessie";
}

void
session_cookie_set(struct req *r, const char *token)
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

const char *
session_bearer(const struct req *r)
{
	const char *a = r->authorization;

	if (a == NULL || strncasecmp(a, "Bearer ", 7) != 0)
		return NULL;
	a += 7;
	while (*a == ' ')
		a++;
	return a;
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
