/*
 * sessie.h — signing in, signing out and changing one's own password: the
 * writes behind handlers/auth.c. No HTTP: the handler reads the body (a
 * form or JSON), calls one of these, and sets the cookie from what comes
 * back; these never see a cookie or a status code.
 *
 * Sessions: a session token is made here (core/secret.h: a new one at
 * every log-in, so a session cannot be fixed in advance) and only its
 * hash is stored. The token comes back in the caller's buffer, for the
 * cookie, and is to be wiped then.
 *
 * Throttling: attempts at a secret (the log-in, and the current password
 * on the password form) are counted per account and per address in
 * MariaDB (5 failures per account, 20 per address, in 15 minutes), so
 * every worker and host throttles alike. Each attempt is recorded and
 * committed before the password is checked, also when it will be refused
 * and whatever the outcome: guesses sent all at once each see the others.
 * A wrong name and a wrong password cost the same work and get the same
 * answer, so the answer never says whether an account exists.
 *
 * Transactions: on OPS_OK the transaction that starts the session (or
 * ends it) is left open, as in ops.h: the caller commits, and only then
 * sets the cookie. What a refusal writes (the counted attempt, its audit
 * row) is committed here, since it must stay whatever the caller does.
 */
#ifndef WZ_OPS_SESSIE_H
#define WZ_OPS_SESSIE_H

#include "core/secret.h"
#include "domain/policy.h"
#include "ops/ops.h"

struct password_list;

/* How long a session lives (configuration: session_idle and
 * session_absolute), for the new session and the housekeeping of old
 * ones. */
struct sessie_duur {
	int idle_s;   /* unused this long, a session ends */
	int max_s;    /* after this long, it always ends */
};

/* A log-in as sent; the texts are borrowed and not kept. */
struct inlog_invoer {
	const char         *gebruikersnaam;   /* NULL: absent */
	const char         *wachtwoord;       /* NULL: absent */
	struct sessie_duur  duur;
};

/* A password change of the signed-in user (c->who), as sent. */
struct wachtwoord_wijziging {
	const char                 *huidig, *nieuw, *herhaling;  /* NULL: absent */
	const struct password_list *veelgebruikt;  /* may be NULL */
	struct sessie_duur          duur;
};

/*
 * What a log-in or a password change hands back (OUT). On OPS_OK: the new
 * session as the gate will read it on the next request (wie, strings in
 * the arena) and its token. On OPS_GEWEIGERD with te_vaak: the attempt was
 * throttled, and retry_after says in how many seconds one may try again
 * (for Retry-After).
 */
struct inlog_resultaat {
	struct principal wie;
	char             token[TOKEN_LEN + 1];  /* the cookie: set, then wipe */
	int              te_vaak;
	int              retry_after;
};

/*
 * Signs in: checks name and password and, when they are right, starts a
 * session (res->wie, res->token) and forgets the account's earlier
 * failures, with its audit row; the context acts as the new user from
 * then on (c->who points at res->wie). OPS_GEWEIGERD with c->melding for
 * a wrong or missing name or password, and also, with res->te_vaak, for
 * too many attempts; OPS_STORING. Expired sessions and attempts are
 * cleared on the way (housekeeping that needs no cron job).
 */
enum ops_uitkomst ops_inloggen(struct ops_ctx *, const struct inlog_invoer *,
		    struct inlog_resultaat *res);

/* Ends the session of c->who (when it is one: an API token is no session
 * and is not touched here), with its audit row. OPS_OK or OPS_STORING. */
enum ops_uitkomst ops_uitloggen(struct ops_ctx *);

/*
 * Changes the password of c->who. The current password is a secret like
 * the log-in's: guesses at it are throttled and audited the same way, on
 * the same account key (OPS_GEWEIGERD with res->te_vaak and c->melding).
 * Field errors "huidig", "nieuw", "herhaling" (OPS_VELDEN). On OPS_OK
 * every session of the user has ended and so has every unused one-time
 * link: the old way in is closed; a new session (res) keeps this browser
 * signed in.
 */
enum ops_uitkomst ops_wachtwoord_wijzigen(struct ops_ctx *,
		    const struct wachtwoord_wijziging *, struct inlog_resultaat *res);

#endif
