/*
 * seal.h — encryption at rest for personal data fields (such as the BSN),
 * and a keyed hash to find a record by such a field without storing it in
 * clear.
 *
 * Keys. Two independent 32-byte keys, read once from the configuration as
 * 64 hexadecimal characters each and kept in a struct seal_keys for the
 * life of the process:
 *   - enc: encrypts and authenticates (libsodium crypto_secretbox,
 *     XSalsa20-Poly1305);
 *   - mac: keys the lookup hash (crypto_generichash, BLAKE2b-256).
 * They must differ, and neither may be all zeros. Keys are never logged,
 * never put in an error message, and are wiped with seal_keys_wipe() when
 * no longer needed.
 *
 * Sealed format (what is stored in the database column):
 *
 *     base64( nonce[24] || mac[16] || ciphertext[n] )
 *
 * base64 is the standard alphabet with '=' padding and no line breaks, so
 * it fits a VARCHAR/TEXT column; a fresh random nonce is drawn for every
 * call, so sealing the same value twice gives different text (nobody can
 * see that two rows hold the same BSN). Any change to the text — nonce,
 * tag or ciphertext, a truncation, a different key — makes seal_decrypt()
 * fail; it never returns unauthenticated bytes.
 *
 * Lookup hash: hex( BLAKE2b-256 keyed with mac, over the bytes given ).
 * Deterministic under one key, so "WHERE bsn_hash = ?" finds an exact
 * match; without the key it cannot be recomputed from a guessed BSN (a
 * plain hash of a 9-digit number would be brute-forced in seconds).
 * Callers hash the canonical form (bsn_parse() output), so that
 * "123 456 782" and "123456782" give the same hash.
 *
 * Limitations (by design, for now):
 *   - Key rotation: the sealed text carries no key identifier or version.
 *     Changing enc means decrypting every sealed column with the old key
 *     and sealing it again with the new one, offline and in one go;
 *     changing mac means recomputing every lookup hash (which needs the
 *     clear values, i.e. the enc key). Losing enc loses the data. A later
 *     format can add a version byte in front of the nonce.
 *   - No associated data: a sealed value is not bound to its row, so
 *     someone with write access to the database could copy one row's
 *     sealed BSN into another row undetected. Access to the tables is
 *     what protects against that.
 *   - Only equality lookup: no prefix or range search over sealed fields.
 *
 * Thread safety: a loaded struct seal_keys is read-only and may be shared
 * between threads.
 */
#ifndef WZ_SEAL_H
#define WZ_SEAL_H

#include <stddef.h>

#define SEAL_KEY_BYTES		32     /* each of the two keys */
#define SEAL_KEY_HEX_LEN	64     /* their configuration form */
#define SEAL_NONCE_BYTES	24     /* crypto_secretbox_NONCEBYTES */
#define SEAL_TAG_BYTES		16     /* crypto_secretbox_MACBYTES */
#define SEAL_OVERHEAD		(SEAL_NONCE_BYTES + SEAL_TAG_BYTES)
/* Largest plaintext seal_encrypt() accepts: fields, not files. */
#define SEAL_PLAIN_MAX		(64 * 1024)

/* Bytes of nonce || tag || ciphertext for n plaintext bytes. */
#define SEAL_RAW_LEN(n)		((size_t)(n) + SEAL_OVERHEAD)
/* Buffer size for the base64 text of n plaintext bytes, NUL included:
 * a column for a BSN (n = 9) needs SEAL_B64_LEN(9) - 1 = 68 characters. */
#define SEAL_B64_LEN(n)		((SEAL_RAW_LEN(n) + 2) / 3 * 4 + 1)

#define SEAL_HASH_BYTES		32
/* Buffer size for the hex lookup hash, NUL included (64 characters). */
#define SEAL_HASH_HEX_LEN	(SEAL_HASH_BYTES * 2 + 1)

struct seal_keys {
	unsigned char enc[SEAL_KEY_BYTES];  /* secretbox key */
	unsigned char mac[SEAL_KEY_BYTES];  /* lookup hash key */
	int           loaded;               /* set by seal_keys_from_hex */
};

/*
 * Loads both keys from their hex form (64 hex characters each, either
 * case, nothing else). On failure returns -1, leaves k wiped (not
 * loaded), and writes a message to err (OUT) that says which key is wrong
 * and why but never contains any of its characters. Returns 0 on success.
 * Calls sodium_init() itself.
 */
int	seal_keys_from_hex(struct seal_keys *k, const char *enc_hex,
	    const char *mac_hex, char *err, size_t errlen);

/*
 * Seals n bytes of plain into out_b64 (OUT, NUL-terminated), which must
 * hold at least SEAL_B64_LEN(n) bytes. Returns 0, or -1 when the keys are
 * not loaded, n exceeds SEAL_PLAIN_MAX, outlen is too small or memory runs
 * out; out_b64 is then "" (when outlen > 0).
 */
int	seal_encrypt(const struct seal_keys *k, const void *plain, size_t n,
	    char *out_b64, size_t outlen);

/*
 * Opens what seal_encrypt() produced. Writes the plaintext to out (OUT,
 * not NUL-terminated; reserve a byte yourself if you want one) and its
 * length to *outlen (OUT). Returns 0, or -1 on anything else: malformed
 * base64, too short, tampered, sealed under another key, keys not loaded,
 * or plaintext longer than outcap. On -1 nothing is written to out or
 * *outlen.
 */
int	seal_decrypt(const struct seal_keys *k, const char *b64, void *out,
	    size_t outcap, size_t *outlen);

/*
 * The keyed lookup hash of n bytes of data, as 64 lowercase hex digits in
 * out_hex (OUT, NUL-terminated). Same data and key, same hash; another key
 * gives an unrelated hash. If the keys are not loaded, out_hex is "".
 */
void	seal_lookup_hash(const struct seal_keys *k, const void *data,
	    size_t n, char out_hex[SEAL_HASH_HEX_LEN]);

/* Overwrites both keys with zeros (sodium_memzero) and marks k unloaded. */
void	seal_keys_wipe(struct seal_keys *k);

#endif
