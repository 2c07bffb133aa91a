/*
 * passhash.h — password hashing: argon2id through libsodium.
 *
 * Parameters: 2 passes over 19 MiB (OWASP's minimum for argon2id), about
 * 50 ms on the reference machine: slow for an attacker with a stolen
 * table, fast enough that a log-in does not keep a worker long.
 */
#ifndef WZ_PASSHASH_H
#define WZ_PASSHASH_H

#include <stddef.h>

#define PASSHASH_MAX	128   /* crypto_pwhash_STRBYTES */

/* Hashes pw into out (NUL-terminated). Returns 0, or -1 out of memory. */
int	passhash_make(const char *pw, char out[PASSHASH_MAX]);

/* 1 when pw matches hash (a crypto_pwhash_str string), else 0. */
int	passhash_verify(const char *hash, const char *pw);

/* Prepares passhash_verify_nothing (one hash): call at start-up, so no
 * request pays for it and timing stays the same from the first log-in. */
int	passhash_init(void);

/* Spends the time of one verification and returns 0: used when there is
 * no account or no hash, so timing does not tell whether a name exists. */
int	passhash_verify_nothing(const char *pw);

#endif
