/*
 * identiteit.h — who is asking: the front gate's look-up of a session
 * cookie or bearer token (one indexed query when one is present, none
 * otherwise).
 */
#ifndef WZ_IDENTITEIT_H
#define WZ_IDENTITEIT_H

struct req;

/*
 * Fills r->who from the Authorization: Bearer header or the session
 * cookie. An unknown, expired or revoked credential leaves r->who
 * anonymous (and clears a stale cookie). Returns 0, or 503 (problem set)
 * when the database cannot be asked.
 */
int	session_identify(struct req *);

#endif
