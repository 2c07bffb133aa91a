/*
 * gebruiker.h — user accounts and their grants.
 */
#ifndef WZ_STORE_GEBRUIKER_H
#define WZ_STORE_GEBRUIKER_H

#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;
struct grant;

#define STMT_GEBRUIKER_LOGIN		STMT_ID(MOD_GEBRUIKER, 0)
#define STMT_GEBRUIKER_SET_PASSWORD	STMT_ID(MOD_GEBRUIKER, 1)
#define STMT_GEBRUIKER_HASH		STMT_ID(MOD_GEBRUIKER, 2)

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

#endif
