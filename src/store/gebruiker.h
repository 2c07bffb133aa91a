/*
 * gebruiker.h — user accounts, their grants (toekenningen) and the
 * one-time links to set a password.
 *
 * Every function runs one or two statements on the caller's connection; the
 * caller owns the transaction (a change and its audit row commit together).
 * Strings in results live in the arena. Times come back as ISO 8601 UTC
 * ("2025-01-31T12:00:00Z"; the connection's time zone is +00:00).
 * Nothing here ever sees a password or a link in clear: only hashes.
 */
#ifndef WZ_STORE_GEBRUIKER_H
#define WZ_STORE_GEBRUIKER_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/rol.h"
#include "store/statements.h"

struct arena;
struct db;

#define STMT_GEBRUIKER_LOGIN		STMT_ID(MOD_GEBRUIKER, 0)
#define STMT_GEBRUIKER_SET_PASSWORD	STMT_ID(MOD_GEBRUIKER, 1)
#define STMT_GEBRUIKER_HASH		STMT_ID(MOD_GEBRUIKER, 2)
#define STMT_GEBRUIKER_LIST		STMT_ID(MOD_GEBRUIKER, 3)
#define STMT_GEBRUIKER_GET		STMT_ID(MOD_GEBRUIKER, 4)
#define STMT_GEBRUIKER_GET_LOCK		STMT_ID(MOD_GEBRUIKER, 5)
#define STMT_GEBRUIKER_INSERT		STMT_ID(MOD_GEBRUIKER, 6)
#define STMT_GEBRUIKER_UPDATE		STMT_ID(MOD_GEBRUIKER, 7)
#define STMT_GEBRUIKER_BUMP		STMT_ID(MOD_GEBRUIKER, 8)
#define STMT_TOEKENNING_LIST		STMT_ID(MOD_GEBRUIKER, 9)
#define STMT_TOEKENNING_GET		STMT_ID(MOD_GEBRUIKER, 10)
#define STMT_TOEKENNING_INSERT		STMT_ID(MOD_GEBRUIKER, 11)
#define STMT_TOEKENNING_DELETE		STMT_ID(MOD_GEBRUIKER, 12)
#define STMT_SCOPE_EXISTS		STMT_ID(MOD_GEBRUIKER, 13)
#define STMT_SCOPE_LIST			STMT_ID(MOD_GEBRUIKER, 14)
#define STMT_LINK_INVALIDATE		STMT_ID(MOD_GEBRUIKER, 15)
#define STMT_LINK_INSERT		STMT_ID(MOD_GEBRUIKER, 16)
#define STMT_LINK_LOOKUP		STMT_ID(MOD_GEBRUIKER, 17)
#define STMT_LINK_USE			STMT_ID(MOD_GEBRUIKER, 18)

/* How long a one-time password link stays valid. */
#define LINK_VALID_DAYS		7

/* What log-in needs to know of an account. Strings in the arena. */
struct login_account {
	int64_t      id;
	const char  *wachtwoord_hash;   /* NULL: no password set yet */
	int          actief;
};

/* *found = 0 when no account has that name. */
enum db_err	store_gebruiker_login(struct db *, struct arena *,
		    const char *gebruikersnaam, struct login_account *out,
		    int *found);

/* The password hash of user id (for "change password": check the old). */
enum db_err	store_gebruiker_hash(struct db *, struct arena *, int64_t id,
		    const char **hash);

/* Stores a new password hash and bumps the row version. */
enum db_err	store_gebruiker_set_password(struct db *, int64_t id,
		    const char *hash);

/* A user as the admin pages and the API show it. Never the hash. */
struct gebruiker_rec {
	int64_t      id;
	const char  *gebruikersnaam;
	const char  *naam;
	int          actief;
	int64_t      versie;
	const char  *aangemaakt_op;
	int          wachtwoord_ingesteld;   /* a password has been set */
	const char  *wachtwoord_op;          /* when; NULL when never */
	/* The grants as "rol:scope:id,..." (grants_parse), list only. */
	const char  *toekenningen;
};

/*
 * Up to limit users with id > after_id, by id. *out is an arena array of
 * *n records (NULL when none).
 */
enum db_err	store_gebruiker_list(struct db *, struct arena *,
		    int64_t after_id, int limit, struct gebruiker_rec **out,
		    size_t *n);

/* One user; with lock, the row is locked FOR UPDATE (inside a
 * transaction) so a version check and the update that follows it cannot
 * race. *found = 0 when there is none (toekenningen is NULL). */
enum db_err	store_gebruiker_get(struct db *, struct arena *, int64_t id,
		    int lock, struct gebruiker_rec *out, int *found);

/* A new, active user without a password. DB_DUPLICATE when the name is
 * taken. *id gets the new id. */
enum db_err	store_gebruiker_insert(struct db *, const char *gebruikersnaam,
		    const char *naam, int64_t *id);

/* Sets naam and actief when the row still has version versie, bumping
 * it. *changed = 0 when no row of that id and version exists. */
enum db_err	store_gebruiker_update(struct db *, int64_t id, int64_t versie,
		    const char *naam, int actief, int *changed);

/* Bumps the row version: the user's grants changed, and they are part of
 * what GET /api/v1/gebruikers/{id} shows. */
enum db_err	store_gebruiker_bump(struct db *, int64_t id);

/* A grant with the name of its scope (NULL for the gemeente). */
struct toekenning_rec {
	int64_t           id;
	enum rol          rol;
	enum scope_soort  scope;
	int64_t           scope_id;         /* 0 for the gemeente */
	const char       *scope_naam;
	const char       *aangemaakt_op;
};

/* Every grant of a user, oldest first. Rows the domain does not know are
 * skipped. */
enum db_err	store_toekenning_list(struct db *, struct arena *,
		    int64_t gebruiker_id, struct toekenning_rec **out, size_t *n);

/* Grant tid of user gebruiker_id; *found = 0 when the user has no such
 * grant. */
enum db_err	store_toekenning_get(struct db *, struct arena *,
		    int64_t gebruiker_id, int64_t tid, struct toekenning_rec *out,
		    int *found);

/* Adds a grant. DB_DUPLICATE when the user holds it already. The caller
 * has checked rol_scope_allowed() and store_scope_exists(). */
enum db_err	store_toekenning_insert(struct db *, int64_t gebruiker_id,
		    enum rol, enum scope_soort, int64_t scope_id, int64_t *id);

/* Removes grant tid of user gebruiker_id; *removed = 0 when there was
 * none. */
enum db_err	store_toekenning_delete(struct db *, int64_t gebruiker_id,
		    int64_t tid, int *removed);

/* Whether the record a scope names exists (the gemeente always does, with
 * scope_id 0 only). */
enum db_err	store_scope_exists(struct db *, struct arena *, enum scope_soort,
		    int64_t scope_id, int *exists);

/* A scope a grant may name: organisaties, wijkteams and ketens that are
 * valid today. */
struct scope_rec {
	enum scope_soort  scope;
	int64_t           id;
	const char       *naam;
};

/* Every current scope record, by kind and then name. */
enum db_err	store_scope_list(struct db *, struct arena *,
		    struct scope_rec **out, size_t *n);

/*
 * Issues a one-time link for a user: every unused link of that user stops
 * working, and the new one (stored as token_hash only) is valid for
 * LINK_VALID_DAYS days. *verloopt_op gets its expiry (arena).
 */
/* Voids every unused one-time link of a user (their password changed). */
enum db_err	store_link_invalidate(struct db *, int64_t gebruiker_id);

enum db_err	store_link_issue(struct db *, struct arena *, int64_t gebruiker_id,
		    const char *token_hash, const char **verloopt_op);

/*
 * The link with token_hash: *found = 0 when there is none; otherwise
 * *gebruiker_id and *gebruikersnaam of its user and *usable = 1 when it
 * is unused, not expired, and its user is active.
 */
enum db_err	store_link_lookup(struct db *, struct arena *,
		    const char *token_hash, int64_t *gebruiker_id,
		    const char **gebruikersnaam, int *usable, int *found);

/* Marks the link used if it is still usable; *claimed = 0 when it was not
 * (used meanwhile by a concurrent request, expired, user disabled). */
enum db_err	store_link_use(struct db *, const char *token_hash, int *claimed);

#endif
