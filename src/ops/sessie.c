/*
 * sessie.c — log-in, log-out and the password change; see sessie.h.
 *
 * Failures keep the statuses the handlers always had: a database error
 * while counting attempts or reading the account says which it was
 * (DB_LOST: 503), while a failure inside the transaction that starts a
 * session is always a plain error (500), as is a missing audit row.
 */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/passhash.h"
#include "core/secret.h"
#include "domain/password.h"
#include "domain/policy.h"
#include "domain/veldfout.h"
#include "ops/sessie.h"
#include "store/gebruiker.h"
#include "store/sessie.h"
#include "store/throttle.h"

#define WINDOW_S		(15 * 60)
#define MAX_PER_ACCOUNT		5
#define MAX_PER_ADDRESS		20
#define MAX_NAME		64
#define MAX_PASSWORD		1024

/* One sentence for a wrong name and a wrong password alike. */
static const char ONJUIST[] =
    "De combinatie van gebruikersnaam en wachtwoord is onjuist.";
static const char TE_VAAK_INLOGGEN[] = "Er is te vaak geprobeerd in te "
    "loggen. Wacht een kwartier en probeer het dan opnieuw.";
static const char TE_VAAK_WACHTWOORD[] = "Er is te vaak een verkeerd "
    "wachtwoord ingevuld. Wacht een kwartier en probeer het dan opnieuw.";

/* One attempt at a secret (log-in, or the current password on the
 * password-change form), as recorded for throttling. */
struct sessie_poging {
	const char *key;       /* the account name, lower case */
	int64_t     acc_row;   /* its inlogpoging rows */
	int64_t     addr_row;
};

/* Account names compare case-insensitively for throttling: "Beheerder"
 * and "beheerder" are one account to guess at. A copy in the arena. */
static const char *
drempel_sleutel(struct ops_ctx *c, const char *naam)
{
	char *k = arena_strdup(c->arena, naam);

	for (char *p = k; p != NULL && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

/*
 * Records this attempt, for the account and for the client address, and
 * commits that before counting: requests arriving at the same moment on
 * other workers each see the others, so no more than MAX_PER_ACCOUNT
 * guesses reach the password check in a window, however many are sent at
 * once. OPS_OK to go on; OPS_GEWEIGERD with res->te_vaak, res->retry_after
 * and te_vaak as c->melding when there were too many. A refused attempt
 * stays counted (an attacker keeps the lock closed); only the first
 * refusal in a window is audited, so a flood of refused attempts cannot
 * grow the append-only audit log. No transaction is left open.
 */
static enum ops_uitkomst
poging_begin(struct ops_ctx *c, const char *naam, const char *actie,
    const char *te_vaak, struct sessie_poging *at, struct inlog_resultaat *res)
{
	const char *addr = c->adres ? c->adres : "";
	int n_acc, n_addr, wait_acc, wait_addr;
	enum ops_uitkomst u;
	enum db_err rc;

	memset(at, 0, sizeof(*at));
	at->key = drempel_sleutel(c, naam);
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_throttle_record(c->db, "account", at->key,
	    &at->acc_row)) != DB_OK ||
	    (rc = store_throttle_record(c->db, "adres", addr, &at->addr_row))
	    != DB_OK)
		return ops_storing(c, rc, actie);
	if (ops_commit(c) != 0)
		return OPS_STORING;
	if ((rc = store_throttle_count(c->db, c->arena, "account", at->key,
	    WINDOW_S, &n_acc, &wait_acc)) != DB_OK ||
	    (rc = store_throttle_count(c->db, c->arena, "adres", addr, WINDOW_S,
	    &n_addr, &wait_addr)) != DB_OK)
		return ops_storing(c, rc, actie);
	if (n_acc <= MAX_PER_ACCOUNT && n_addr <= MAX_PER_ADDRESS)
		return OPS_OK;
	if (n_acc == MAX_PER_ACCOUNT + 1 || n_addr == MAX_PER_ADDRESS + 1) {
		if ((u = ops_begin(c)) != OPS_OK)
			return u;
		if (ops_audit(c, actie, "gebruiker", 0, GEWEIGERD,
		    "te veel pogingen") != 0)
			return ops_storing(c, DB_ERR, actie);
		if (ops_commit(c) != 0)
			return OPS_STORING;
	}
	res->te_vaak = 1;
	res->retry_after = n_acc > MAX_PER_ACCOUNT ? wait_acc : wait_addr;
	return ops_weiger(c, OPS_GEWEIGERD, te_vaak);
}

/* A wrong secret: the attempt stays counted, and is audited (committed
 * at once). OPS_OK, or OPS_STORING: fail closed, no audit row means no
 * answer but an error. */
static enum ops_uitkomst
poging_mislukt(struct ops_ctx *c, const char *actie, int64_t account_id)
{
	enum ops_uitkomst u;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (ops_audit(c, actie, "gebruiker", account_id, MISLUKT,
	    "onjuiste gegevens") != 0)
		return ops_storing(c, DB_ERR, actie);
	return ops_commit(c) == 0 ? OPS_OK : OPS_STORING;
}

/* The right secret: this attempt counts against nobody, and earlier
 * failures of the account are forgotten. In the open transaction. */
static enum db_err
poging_gelukt(struct ops_ctx *c, const struct sessie_poging *at)
{
	enum db_err rc;

	if ((rc = store_throttle_forget(c->db, at->acc_row)) != DB_OK ||
	    (rc = store_throttle_forget(c->db, at->addr_row)) != DB_OK)
		return rc;
	return store_throttle_clear(c->db, "account", at->key);
}

/*
 * Starts a session for the user in the open transaction: a new token and
 * CSRF token, stored by the token's hash, then read back as the gate
 * reads it, so that res->wie is what the next request will see. From
 * here on the context acts as that user (its audit rows name them).
 * Returns 0, or -1 (the caller rolls back).
 */
static int
sessie_openen(struct ops_ctx *c, const struct sessie_duur *d,
    int64_t gebruiker_id, struct inlog_resultaat *res)
{
	char csrf[TOKEN_LEN + 1], hash[TOKEN_HASH_LEN + 1];
	int found = 0, touch = 0;

	token_new(res->token);
	token_new(csrf);
	token_hash(res->token, hash);
	if (store_sessie_insert(c->db, hash, gebruiker_id, csrf, c->adres) !=
	    DB_OK)
		return -1;
	if (store_sessie_lookup(c->db, c->arena, hash, d->idle_s, d->max_s,
	    &res->wie, &found, &touch) != DB_OK || !found)
		return -1;
	c->who = &res->wie;
	return 0;
}

/* A session that was not made: its token is no use to anyone. */
static enum ops_uitkomst
sessie_mislukt(struct ops_ctx *c, struct inlog_resultaat *res,
    const char *where)
{
	sodium_memzero(res->token, sizeof(res->token));
	return ops_storing(c, DB_ERR, where);
}

enum ops_uitkomst
ops_inloggen(struct ops_ctx *c, const struct inlog_invoer *in,
    struct inlog_resultaat *res)
{
	const char *naam = in->gebruikersnaam, *pw = in->wachtwoord;
	struct login_account acc;
	struct sessie_poging at;
	enum ops_uitkomst u;
	enum db_err rc;
	int found, ok;

	memset(res, 0, sizeof(*res));
	if (naam == NULL || pw == NULL || *naam == '\0' || *pw == '\0' ||
	    strlen(naam) > MAX_NAME || strlen(pw) > MAX_PASSWORD)
		return ops_weiger(c, OPS_GEWEIGERD, ONJUIST);
	if ((u = poging_begin(c, naam, "inloggen", TE_VAAK_INLOGGEN, &at, res))
	    != OPS_OK)
		return u;
	if ((rc = store_gebruiker_login(c->db, c->arena, naam, &acc, &found))
	    != DB_OK)
		return ops_storing(c, rc, "login");
	/* Without an account, or one that cannot sign in, the same time is
	 * spent as on a real check: the timing tells nothing. */
	if (found && acc.actief && acc.wachtwoord_hash != NULL)
		ok = passhash_verify(acc.wachtwoord_hash, pw);
	else
		ok = passhash_verify_nothing(pw);
	if (!ok) {
		if ((u = poging_mislukt(c, "inloggen", found ? acc.id : 0)) !=
		    OPS_OK)
			return u;
		return ops_weiger(c, OPS_GEWEIGERD, ONJUIST);
	}
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (store_sessie_expire(c->db, in->duur.idle_s, in->duur.max_s) !=
	    DB_OK ||
	    store_throttle_prune(c->db, WINDOW_S) != DB_OK ||
	    poging_gelukt(c, &at) != DB_OK ||
	    sessie_openen(c, &in->duur, acc.id, res) != 0 ||
	    ops_audit(c, "inloggen", "gebruiker", acc.id, GELUKT, "") != 0)
		return sessie_mislukt(c, res, "login");
	return OPS_OK;
}

enum ops_uitkomst
ops_uitloggen(struct ops_ctx *c)
{
	enum ops_uitkomst u;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((c->who->sessie_id != NULL &&
	    store_sessie_delete(c->db, c->who->sessie_id) != DB_OK) ||
	    ops_audit(c, "uitloggen", "gebruiker", c->who->gebruiker_id, GELUKT,
	    "") != 0)
		return ops_storing(c, DB_ERR, "logout");
	return OPS_OK;
}

/*
 * The new password is hashed only when every field is right, and before
 * the transaction opens: hashing is slow on purpose, and no row should be
 * locked meanwhile. A wrong current password is counted and audited
 * first, then reported with whatever else is wrong with the form.
 */
enum ops_uitkomst
ops_wachtwoord_wijzigen(struct ops_ctx *c,
    const struct wachtwoord_wijziging *in, struct inlog_resultaat *res)
{
	const int64_t id = c->who->gebruiker_id;
	const char *naam = c->who->gebruikersnaam, *hash;
	char nieuw_hash[PASSHASH_MAX];
	enum password_problem pp;
	struct sessie_poging at;
	enum ops_uitkomst u;
	enum db_err rc;
	int oud_ok;

	memset(res, 0, sizeof(*res));
	if ((u = poging_begin(c, naam, "wachtwoord_wijzigen", TE_VAAK_WACHTWOORD,
	    &at, res)) != OPS_OK)
		return u;
	if ((rc = store_gebruiker_hash(c->db, c->arena, id, &hash)) != DB_OK)
		return ops_storing(c, rc, "password");
	oud_ok = in->huidig != NULL && passhash_verify(hash, in->huidig);
	if (!oud_ok && (u = poging_mislukt(c, "wachtwoord_wijzigen", id)) !=
	    OPS_OK)
		return u;
	if (!oud_ok)
		fout_melding(c->fouten, "huidig",
		    "Uw huidige wachtwoord is niet juist.");
	pp = password_check(in->veelgebruikt, in->nieuw ? in->nieuw : "", naam);
	if (pp != PW_OK)
		fout_melding(c->fouten, "nieuw", password_problem_text(pp));
	else if (in->herhaling == NULL || strcmp(in->nieuw, in->herhaling) != 0)
		fout_melding(c->fouten, "herhaling",
		    "De twee nieuwe wachtwoorden zijn niet gelijk.");
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (passhash_make(in->nieuw, nieuw_hash) != 0) {
		log_error("password", "req=%s cannot hash the password (out of "
		    "memory)", c->request_id ? c->request_id : "-");
		c->db_rc = DB_NOMEM;
		return OPS_STORING;
	}
	if ((u = ops_begin(c)) != OPS_OK)
		goto uit;
	/* Every session of this user ends, this one included, and a fresh
	 * one is started in its place. */
	if (store_gebruiker_set_password(c->db, id, nieuw_hash) != DB_OK ||
	    store_link_invalidate(c->db, id) != DB_OK ||
	    poging_gelukt(c, &at) != DB_OK ||
	    store_sessie_delete_user(c->db, id) != DB_OK ||
	    sessie_openen(c, &in->duur, id, res) != 0 ||
	    ops_audit(c, "wachtwoord_wijzigen", "gebruiker", id, GELUKT,
	    "alle sessies beëindigd") != 0)
		u = sessie_mislukt(c, res, "password");
uit:
	sodium_memzero(nieuw_hash, sizeof(nieuw_hash));
	return u;
}
