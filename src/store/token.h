/*
 * token.h — API tokens (bearer) for integrations.
 *
 * A token acts as its user, with that user's grants, until a beheerder
 * revokes it (ingetrokken_op is set; the row stays for the audit trail) or
 * the user is disabled. Only the token's hash is stored (core/secret.h);
 * the token itself is shown once, when it is issued.
 */
#ifndef WZ_STORE_TOKEN_H
#define WZ_STORE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;
struct principal;

#define STMT_TOKEN_LOOKUP	STMT_ID(MOD_TOKEN, 0)
#define STMT_TOKEN_LIST		STMT_ID(MOD_TOKEN, 1)
#define STMT_TOKEN_GET		STMT_ID(MOD_TOKEN, 2)
#define STMT_TOKEN_INSERT	STMT_ID(MOD_TOKEN, 3)
#define STMT_TOKEN_REVOKE	STMT_ID(MOD_TOKEN, 4)

/*
 * One indexed query: the live (not revoked) token with hash token_hash, of
 * an active user, with the user's name and grants, into who. *found = 0
 * when there is none.
 */
enum db_err	store_token_lookup(struct db *, struct arena *,
		    const char *token_hash, struct principal *who, int *found);

/* A token as the admin pages and the API show it: never its hash. Times
 * ISO 8601 UTC; strings in the arena. */
struct token_rec {
	int64_t      id;
	int64_t      versie;
	const char  *naam;
	int64_t      gebruiker_id;
	const char  *gebruikersnaam;
	int64_t      aangemaakt_door;        /* user id of the issuer */
	const char  *aangemaakt_door_naam;   /* their gebruikersnaam */
	const char  *aangemaakt_op;
	const char  *ingetrokken_op;         /* NULL: still valid */
};

/* Up to limit tokens with id > after_id, by id; *out is an arena array
 * of *n records (NULL when none). */
enum db_err	store_token_list(struct db *, struct arena *, int64_t after_id,
		    int limit, struct token_rec **out, size_t *n);

/* Token id; *found = 0 when there is none. */
enum db_err	store_token_get(struct db *, struct arena *, int64_t id,
		    struct token_rec *out, int *found);

/* Stores a new token (its hash) for gebruiker_id, issued by door. The
 * caller has checked that the user exists. *id gets the new id. */
enum db_err	store_token_insert(struct db *, const char *naam,
		    const char *token_hash, int64_t gebruiker_id, int64_t door,
		    int64_t *id);

/* Revokes token id if it is still valid; *revoked = 0 when it was not
 * (no such token, or revoked before). */
enum db_err	store_token_revoke(struct db *, int64_t id, int *revoked);

#endif
