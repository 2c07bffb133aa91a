/*
 * session.h — the HTTP side of a session: its cookie, bearer tokens, CSRF.
 *
 * Who a credential belongs to is the gate's question (server/identiteit.h,
 * one indexed query); this module only reads and writes what travels in
 * the headers, and checks CSRF for every unsafe method of a cookie session.
 */
#ifndef WZ_SESSION_H
#define WZ_SESSION_H

struct req;

/* The cookie name in use ("__Host-wz_sessie" or, plain-HTTP, "wz_sessie"). */
const char *session_cookie_name(const struct req *);

/*
 * Sets the session cookie to token (HttpOnly, SameSite=Lax, Secure when
 * configured; no Max-Age: the browser forgets it when closed), or clears
 * it when token is NULL.
 */
void	session_cookie_set(struct req *, const char *token);

/* The token of "Authorization: Bearer <token>", or NULL. */
const char *session_bearer(const struct req *);

/*
 * For POST/PUT/PATCH/DELETE: an Origin header, when the browser sends one,
 * must be this site (also without a session: no log-in CSRF); with cookie
 * authentication the per-session token (form field csrf_token or header
 * X-CSRF-Token) must match. Returns 0, or 403 with a Dutch problem set.
 * Bearer requests pass (no ambient credential to abuse).
 */
int	csrf_check(struct req *);

#endif
