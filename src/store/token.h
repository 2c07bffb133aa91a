/*
 * token.h — API tokens (bearer) for integrations.
 */
#ifndef WZ_STORE_TOKEN_H
#define WZ_STORE_TOKEN_H

#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;
struct principal;

#define STMT_TOKEN_LOOKUP	STMT_ID(MOD_TOKEN, 0)

/*
 * One indexed query: the live (not revoked) token with hash token_hash, of
 * an active user, with the user's name and grants, into who. *found = 0
 * when there is none.
 */
enum db_err	store_token_lookup(struct db *, struct arena *,
		    const char *token_hash, struct principal *who, int *found);

#endif
