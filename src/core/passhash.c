/*
 * passhash.c — argon2id hashing; see passhash.h.
 * Must never log a password or a hash.
 */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "core/passhash.h"

#define OPSLIMIT	2
#define MEMLIMIT	(19u * 1024 * 1024)

int
passhash_make(const char *pw, char out[PASSHASH_MAX])
{
	return crypto_pwhash_str(out, pw, strlen(pw), OPSLIMIT, MEMLIMIT) == 0 ?
	    0 : -1;
}

int
passhash_verify(const char *hash, const char *pw)
{
	if (hash == NULL || *hash == '\0')
		return passhash_verify_nothing(pw);
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

/* A hash of a random password, made once per process. */
static char dummy[PASSHASH_MAX];

int
passhash_init(void)
{
	char rnd[33];

	if (dummy[0] != '\0')
		return 0;
	randombytes_buf(rnd, 32);
	rnd[32] = '\0';
	for (size_t i = 0; i < 32; i++)
		rnd[i] = (char)('a' + (unsigned char)rnd[i] % 26);
	return passhash_make(rnd, dummy);
}

int
passhash_verify_nothing(const char *pw)
{
	if (dummy[0] == '\0' && passhash_init() != 0)
		return 0;
	/* The result is meaningless (a random password); only its cost
	 * matters. */
	if (crypto_pwhash_str_verify(dummy, pw, strlen(pw)) == 0)
		return 0;
	return 0;
}
