/*
 * secret.h — random tokens and their hashes.
 *
 * A token (session cookie, API token, one-time link) is 32 random bytes,
 * base64url without padding: 43 characters. Only its hash is ever stored:
 * BLAKE2b-256 in lowercase hex (64 characters), so a copy of the database
 * gives no one a way in.
 */
#ifndef WZ_SECRET_H
#define WZ_SECRET_H

#include <stddef.h>

#define TOKEN_LEN	43
#define TOKEN_HASH_LEN	64

/* Fills out[TOKEN_LEN + 1] with a fresh random token. */
void	token_new(char out[TOKEN_LEN + 1]);

/* Whether s looks like a token (43 base64url characters): checked before
 * hashing, so garbage never reaches the database. */
int	token_valid(const char *s);

/* out[TOKEN_HASH_LEN + 1] = hex BLAKE2b-256 of the token text. */
void	token_hash(const char *token, char out[TOKEN_HASH_LEN + 1]);

/* Constant-time comparison of two NUL-terminated strings. */
int	secret_equal(const char *a, const char *b);

#endif
