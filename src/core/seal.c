/*
 * seal.c — sealing personal data fields and their keyed lookup hash with
 * libsodium; the format and its limits are described in seal.h.
 *
 * This file must never log, print or copy a key or a plaintext anywhere
 * but the caller's buffers, never return bytes that failed
 * authentication, and never reuse a nonce (each seal draws a fresh random
 * one). Heap copies of plaintext are wiped before they are freed.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/seal.h"

/* The header spells out the sizes so that callers need not include
 * sodium.h; these keep it honest. */
_Static_assert(SEAL_KEY_BYTES == crypto_secretbox_KEYBYTES, "secretbox key");
_Static_assert(SEAL_KEY_BYTES >= crypto_generichash_KEYBYTES_MIN &&
    SEAL_KEY_BYTES <= crypto_generichash_KEYBYTES_MAX, "generichash key");
_Static_assert(SEAL_NONCE_BYTES == crypto_secretbox_NONCEBYTES, "nonce");
_Static_assert(SEAL_TAG_BYTES == crypto_secretbox_MACBYTES, "tag");
_Static_assert(SEAL_HASH_BYTES >= crypto_generichash_BYTES_MIN &&
    SEAL_HASH_BYTES <= crypto_generichash_BYTES_MAX, "hash length");
_Static_assert(SEAL_B64_LEN(9) ==
    sodium_base64_ENCODED_LEN(SEAL_RAW_LEN(9), sodium_base64_VARIANT_ORIGINAL),
    "base64 length");
_Static_assert(SEAL_B64_LEN(SEAL_PLAIN_MAX) == sodium_base64_ENCODED_LEN(
    SEAL_RAW_LEN(SEAL_PLAIN_MAX), sodium_base64_VARIANT_ORIGINAL),
    "base64 length");

/* Given to libsodium instead of NULL for zero-length input or output. */
static unsigned char empty[1];

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/*
 * Decodes one key. what names it in messages ("encryption key"); the
 * messages say what is wrong but never quote the key.
 */
static int
key_from_hex(unsigned char key[SEAL_KEY_BYTES], const char *hex,
    const char *what, char *err, size_t errlen)
{
	size_t i, len, binlen = 0;

	if (hex == NULL || hex[0] == '\0') {
		seterr(err, errlen, "seal: the %s is missing (expected %d "
		    "hexadecimal characters)", what, SEAL_KEY_HEX_LEN);
		return -1;
	}
	len = strlen(hex);
	if (len != SEAL_KEY_HEX_LEN) {
		seterr(err, errlen, "seal: the %s must be %d hexadecimal "
		    "characters (%d bytes), not %zu characters", what,
		    SEAL_KEY_HEX_LEN, SEAL_KEY_BYTES, len);
		return -1;
	}
	for (i = 0; i < len; i++)
		if (!is_hex(hex[i])) {
			seterr(err, errlen, "seal: the %s may contain only "
			    "hexadecimal characters (0-9, a-f)", what);
			return -1;
		}
	if (sodium_hex2bin(key, SEAL_KEY_BYTES, hex, len, NULL, &binlen,
	    NULL) != 0 || binlen != SEAL_KEY_BYTES) {
		seterr(err, errlen, "seal: the %s cannot be decoded", what);
		return -1;
	}
	if (sodium_is_zero(key, SEAL_KEY_BYTES)) {
		seterr(err, errlen, "seal: the %s is all zeros; generate a "
		    "random one", what);
		return -1;
	}
	return 0;
}

int
seal_keys_from_hex(struct seal_keys *k, const char *enc_hex,
    const char *mac_hex, char *err, size_t errlen)
{
	seal_keys_wipe(k);
	if (sodium_init() < 0) {
		seterr(err, errlen, "seal: libsodium cannot be initialised");
		return -1;
	}
	if (key_from_hex(k->enc, enc_hex, "encryption key", err, errlen) != 0 ||
	    key_from_hex(k->mac, mac_hex, "lookup key", err, errlen) != 0)
		goto fail;
	/* One key for two purposes would tie the hash to the cipher. */
	if (sodium_memcmp(k->enc, k->mac, SEAL_KEY_BYTES) == 0) {
		seterr(err, errlen, "seal: the encryption key and the lookup "
		    "key must differ");
		goto fail;
	}
	k->loaded = 1;
	return 0;
fail:
	seal_keys_wipe(k);
	return -1;
}

int
seal_encrypt(const struct seal_keys *k, const void *plain, size_t n,
    char *out_b64, size_t outlen)
{
	unsigned char *raw = NULL;
	const unsigned char *m = n > 0 ? plain : empty;
	int rc = -1;

	if (out_b64 != NULL && outlen > 0)
		out_b64[0] = '\0';
	if (k == NULL || !k->loaded || out_b64 == NULL || m == NULL ||
	    n > SEAL_PLAIN_MAX || outlen < SEAL_B64_LEN(n))
		goto out;
	if ((raw = malloc(SEAL_RAW_LEN(n))) == NULL)
		goto out;
	/* Random 192-bit nonces: collisions are negligible, no counter to
	 * keep in step across workers. */
	randombytes_buf(raw, SEAL_NONCE_BYTES);
	if (crypto_secretbox_easy(raw + SEAL_NONCE_BYTES, m, n, raw,
	    k->enc) != 0)
		goto out;
	sodium_bin2base64(out_b64, outlen, raw, SEAL_RAW_LEN(n),
	    sodium_base64_VARIANT_ORIGINAL);
	rc = 0;
out:
	free(raw);  /* nonce and ciphertext only: nothing secret */
	return rc;
}

int
seal_decrypt(const struct seal_keys *k, const char *b64, void *out,
    size_t outcap, size_t *outlen)
{
	unsigned char *raw = NULL;
	size_t len, rawcap = 0, rawlen = 0, plen;
	int rc = -1;

	if (k == NULL || !k->loaded || b64 == NULL || outlen == NULL ||
	    (out == NULL && outcap > 0))
		goto out;
	/* Bounds before allocating: the text must be whole base64 quads and
	 * hold at least a nonce and a tag. */
	len = strlen(b64);
	if (len < SEAL_B64_LEN(0) - 1 || len > SEAL_B64_LEN(SEAL_PLAIN_MAX) - 1 ||
	    len % 4 != 0)
		goto out;
	rawcap = len / 4 * 3;
	if ((raw = malloc(rawcap)) == NULL)
		goto out;
	/* No characters ignored, padding required, the whole text used. */
	if (sodium_base642bin(raw, rawcap, b64, len, NULL, &rawlen, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || rawlen < SEAL_OVERHEAD)
		goto out;
	plen = rawlen - SEAL_OVERHEAD;
	if (plen > outcap)
		goto out;
	/*
	 * Decrypt in place (libsodium allows the overlap) and copy out only
	 * after the tag has been verified: the caller's buffer never sees
	 * unauthenticated bytes.
	 */
	if (crypto_secretbox_open_easy(raw + SEAL_NONCE_BYTES,
	    raw + SEAL_NONCE_BYTES, rawlen - SEAL_NONCE_BYTES, raw,
	    k->enc) != 0)
		goto out;
	if (plen > 0)
		memcpy(out, raw + SEAL_NONCE_BYTES, plen);
	*outlen = plen;
	rc = 0;
out:
	if (raw != NULL) {
		sodium_memzero(raw, rawcap);  /* may hold the plaintext */
		free(raw);
	}
	return rc;
}

void
seal_lookup_hash(const struct seal_keys *k, const void *data, size_t n,
    char out_hex[SEAL_HASH_HEX_LEN])
{
	unsigned char h[SEAL_HASH_BYTES];
	const unsigned char *in = n > 0 ? data : empty;

	out_hex[0] = '\0';
	if (k == NULL || !k->loaded || in == NULL)
		return;
	crypto_generichash(h, sizeof(h), in, n, k->mac, SEAL_KEY_BYTES);
	sodium_bin2hex(out_hex, SEAL_HASH_HEX_LEN, h, sizeof(h));
}

void
seal_keys_wipe(struct seal_keys *k)
{
	if (k != NULL)
		sodium_memzero(k, sizeof(*k));
}
