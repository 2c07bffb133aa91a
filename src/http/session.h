/*
 * session.h — who is asking: session cookies, bearer tokens, CSRF.
 *
 * Part of the front gate. session_identify runs for every request that
 * reaches a route (one indexed query when a cookie or token is present,
 * none otherwise); csrf_check for every unsafe method of a cookie session.
 */
#ifndef WZ_SESSION_H
#define WZ_SESSION_H

#include <stdint.h>

struct req;

/*
 * Fills r->who from the Authorization: Bearer header or the session
 * cookie. An unknown, expired or revoked credential leaves r->who
 * anonymous (and clears a stale cookie). Returns 0, or 503 (problem set)
 * when the database cannot be asked.
 */
int	session_identify(struct req *);

/*
 * For POST/PUT/PATCH/DELETE: an Origin header, when the browser sends one,
 * must be this site (also without a session: no log-in CSRF); with cookie
 * authentication the per-session token (form field csrf_token or header
 * X-CSRF-Token) must match. Returns 0, or 403 with a Dutch problem set.
 * Bearer requests pass (no ambient credential to abuse).
 */
int	csrf_check(struct req *);

/*
 * Starts a session for the user (a new token: no fixation), in the
 * caller's transaction, and sets the cookie. Fills r->who. Returns 0 or -1.
 */
int	session_start(struct req *, int64_t gebruiker_id);

/* Ends the current session (row and cookie). Returns 0 or -1. */
int	session_end(struct req *);

/* The cookie name in use ("__Host-wz_sessie" or, plain-HTTP, "wz_sessie"). */
const char *session_cookie_name(const struct req *);

#endif
