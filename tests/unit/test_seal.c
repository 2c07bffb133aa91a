/*
 * test_seal.c — sealing personal data fields: what goes in comes out
 * with the right keys, anything altered or opened with another key is
 * refused, the lookup hash is stable and keyed, and bad key
 * configuration is refused with a message that does not quote the key.
 *
 * The keys here are made up for the test (byte patterns and fresh random
 * bytes); the values sealed are test strings, not anyone's data.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/seal.h"

/* Nine digits that fail the 11-proef, so they cannot be anyone's BSN. */
#define VALUE		"123456789"
#define VALUE_LEN	(sizeof(VALUE) - 1)

/* Hex of 32 bytes start, start+1, ... (a test pattern, not a secret). */
static void
pattern_hex(unsigned char start, char hex[SEAL_KEY_HEX_LEN + 1])
{
	unsigned char b[SEAL_KEY_BYTES];
	size_t i;

	for (i = 0; i < sizeof(b); i++)
		b[i] = (unsigned char)(start + i);
	sodium_bin2hex(hex, SEAL_KEY_HEX_LEN + 1, b, sizeof(b));
}

/* Keys from two patterns; the test fails if they do not load. */
static void
load(struct seal_keys *k, unsigned char enc_start, unsigned char mac_start)
{
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1], err[200];

	pattern_hex(enc_start, enc);
	pattern_hex(mac_start, mac);
	assert_int_equal(seal_keys_from_hex(k, enc, mac, err, sizeof(err)), 0);
}

/* Fresh random keys. */
static void
load_random(struct seal_keys *k)
{
	unsigned char b[SEAL_KEY_BYTES];
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1], err[200];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(enc, sizeof(enc), b, sizeof(b));
	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(mac, sizeof(mac), b, sizeof(b));
	sodium_memzero(b, sizeof(b));
	assert_int_equal(seal_keys_from_hex(k, enc, mac, err, sizeof(err)), 0);
}

/* Seals VALUE into sealed[SEAL_B64_LEN(VALUE_LEN)]. */
static void
seal_value(const struct seal_keys *k, char *sealed)
{
	assert_int_equal(seal_encrypt(k, VALUE, VALUE_LEN, sealed,
	    SEAL_B64_LEN(VALUE_LEN)), 0);
}

/*
 * Flips one bit of the decoded byte at index at of a sealed text and
 * encodes it again into the same buffer, so only the bytes change and
 * the base64 stays well-formed.
 */
static void
flip_byte(char *sealed, size_t at)
{
	unsigned char raw[SEAL_RAW_LEN(VALUE_LEN)];
	size_t rawlen = 0;

	assert_int_equal(sodium_base642bin(raw, sizeof(raw), sealed,
	    strlen(sealed), NULL, &rawlen, NULL,
	    sodium_base64_VARIANT_ORIGINAL), 0);
	assert_int_equal(rawlen, sizeof(raw));
	assert_true(at < rawlen);
	raw[at] ^= 0x01;
	sodium_bin2base64(sealed, SEAL_B64_LEN(VALUE_LEN), raw, rawlen,
	    sodium_base64_VARIANT_ORIGINAL);
}

/* Whether decrypting sealed under k fails. */
static int
refused(const struct seal_keys *k, const char *sealed)
{
	char out[64];
	size_t outlen = 0;

	return seal_decrypt(k, sealed, out, sizeof(out), &outlen) == -1;
}

/* ------------------------------------------------------------ round trip */

static void
test_round_trip_returns_plaintext(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)], out[VALUE_LEN];
	size_t outlen = 0;

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	assert_int_equal(seal_decrypt(&k, sealed, out, sizeof(out), &outlen), 0);
	assert_int_equal(outlen, VALUE_LEN);
	assert_memory_equal(out, VALUE, VALUE_LEN);
	seal_keys_wipe(&k);
}

static void
test_round_trip_of_empty_value(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(0)];
	size_t outlen = 99;

	(void)state;
	load(&k, 0x00, 0x40);
	assert_int_equal(seal_encrypt(&k, NULL, 0, sealed, sizeof(sealed)), 0);
	assert_int_equal(seal_decrypt(&k, sealed, NULL, 0, &outlen), 0);
	assert_int_equal(outlen, 0);
	seal_keys_wipe(&k);
}

static void
test_round_trip_of_binary_value(void **state)
{
	struct seal_keys k;
	unsigned char in[300], out[300];
	char sealed[SEAL_B64_LEN(sizeof(in))];
	size_t i, outlen = 0;

	(void)state;
	load_random(&k);
	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)i;
	assert_int_equal(seal_encrypt(&k, in, sizeof(in), sealed,
	    sizeof(sealed)), 0);
	assert_int_equal(seal_decrypt(&k, sealed, out, sizeof(out), &outlen), 0);
	assert_int_equal(outlen, sizeof(in));
	assert_memory_equal(out, in, sizeof(in));
	seal_keys_wipe(&k);
}

static void
test_sealed_text_is_one_line_of_standard_base64(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];
	size_t i, len;

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	len = strlen(sealed);
	assert_int_equal(len, SEAL_B64_LEN(VALUE_LEN) - 1);
	assert_int_equal(len % 4, 0);
	for (i = 0; i < len; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789+/=", sealed[i]));
	/* The plaintext does not show through. */
	assert_null(strstr(sealed, VALUE));
	seal_keys_wipe(&k);
}

static void
test_two_encryptions_of_same_plaintext_differ(void **state)
{
	struct seal_keys k;
	char a[SEAL_B64_LEN(VALUE_LEN)], b[SEAL_B64_LEN(VALUE_LEN)];

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, a);
	seal_value(&k, b);
	assert_string_not_equal(a, b);
	/* Not only the text: the nonce (the first 24 bytes, 32 base64
	 * characters) differs. */
	assert_false(memcmp(a, b, 32) == 0);
	seal_keys_wipe(&k);
}

/* ------------------------------------------------------------ tampering */

static void
test_decrypt_rejects_tampered_nonce(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	flip_byte(sealed, 0);
	assert_true(refused(&k, sealed));
	seal_value(&k, sealed);
	flip_byte(sealed, SEAL_NONCE_BYTES - 1);
	assert_true(refused(&k, sealed));
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_tampered_tag(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	flip_byte(sealed, SEAL_NONCE_BYTES);
	assert_true(refused(&k, sealed));
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_tampered_ciphertext(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];
	size_t at;

	(void)state;
	load(&k, 0x00, 0x40);
	for (at = SEAL_OVERHEAD; at < SEAL_RAW_LEN(VALUE_LEN); at++) {
		seal_value(&k, sealed);
		flip_byte(sealed, at);
		assert_true(refused(&k, sealed));
	}
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_truncated_input(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];
	size_t len;

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	len = strlen(sealed);
	sealed[len - 1] = '\0';                 /* one character short */
	assert_true(refused(&k, sealed));
	sealed[len - 4] = '\0';                 /* one whole quad short */
	assert_true(refused(&k, sealed));
	sealed[SEAL_B64_LEN(0) - 1 - 4] = '\0'; /* shorter than nonce+tag */
	assert_true(refused(&k, sealed));
	assert_true(refused(&k, ""));
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_malformed_base64(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)], wrapped[sizeof(sealed) + 1];

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	/* A line break in the middle (as some encoders insert). */
	memcpy(wrapped, sealed, 32);
	wrapped[32] = '\n';
	memcpy(wrapped + 33, sealed + 32, sizeof(sealed) - 32);
	assert_true(refused(&k, wrapped));
	/* A character outside the alphabet. */
	sealed[10] = '*';
	assert_true(refused(&k, sealed));
	assert_true(refused(&k, NULL));
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_wrong_key(void **state)
{
	struct seal_keys k, other;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];

	(void)state;
	load(&k, 0x00, 0x40);
	load(&other, 0x01, 0x40);  /* same lookup key, other encryption key */
	seal_value(&k, sealed);
	assert_true(refused(&other, sealed));
	seal_keys_wipe(&other);
	load_random(&other);
	assert_true(refused(&other, sealed));
	seal_keys_wipe(&other);
	seal_keys_wipe(&k);
}

static void
test_decrypt_failure_leaves_output_untouched(void **state)
{
	struct seal_keys k, other;
	char sealed[SEAL_B64_LEN(VALUE_LEN)], out[VALUE_LEN];
	size_t outlen = 77;

	(void)state;
	load(&k, 0x00, 0x40);
	load(&other, 0x01, 0x40);
	seal_value(&k, sealed);
	memset(out, 'x', sizeof(out));
	assert_int_equal(seal_decrypt(&other, sealed, out, sizeof(out),
	    &outlen), -1);
	assert_int_equal(outlen, 77);
	assert_memory_equal(out, "xxxxxxxxx", sizeof(out));
	seal_keys_wipe(&other);
	seal_keys_wipe(&k);
}

/* ------------------------------------------------------------ buffers */

static void
test_encrypt_rejects_small_output_buffer(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)];

	(void)state;
	load(&k, 0x00, 0x40);
	memset(sealed, 'x', sizeof(sealed));
	assert_int_equal(seal_encrypt(&k, VALUE, VALUE_LEN, sealed,
	    sizeof(sealed) - 1), -1);
	assert_string_equal(sealed, "");
	seal_keys_wipe(&k);
}

static void
test_encrypt_rejects_oversized_plaintext(void **state)
{
	struct seal_keys k;
	char sealed[16];

	(void)state;
	load(&k, 0x00, 0x40);
	/* Refused on the length alone, before the buffers are touched. */
	assert_int_equal(seal_encrypt(&k, VALUE, (size_t)SEAL_PLAIN_MAX + 1,
	    sealed, sizeof(sealed)), -1);
	seal_keys_wipe(&k);
}

static void
test_decrypt_rejects_small_output_buffer(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)], out[VALUE_LEN];
	size_t outlen = 0;

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	assert_int_equal(seal_decrypt(&k, sealed, out, sizeof(out) - 1,
	    &outlen), -1);
	seal_keys_wipe(&k);
}

static void
test_unloaded_keys_are_refused(void **state)
{
	struct seal_keys k;
	char sealed[SEAL_B64_LEN(VALUE_LEN)], hash[SEAL_HASH_HEX_LEN];

	(void)state;
	load(&k, 0x00, 0x40);
	seal_value(&k, sealed);
	seal_keys_wipe(&k);
	assert_int_equal(k.loaded, 0);
	assert_true(sodium_is_zero(k.enc, sizeof(k.enc)));
	assert_true(sodium_is_zero(k.mac, sizeof(k.mac)));
	assert_true(refused(&k, sealed));
	assert_int_equal(seal_encrypt(&k, VALUE, VALUE_LEN, sealed,
	    sizeof(sealed)), -1);
	seal_lookup_hash(&k, VALUE, VALUE_LEN, hash);
	assert_string_equal(hash, "");
}

/* ------------------------------------------------------------ lookup hash */

static void
test_lookup_hash_is_deterministic(void **state)
{
	struct seal_keys k, again;
	char a[SEAL_HASH_HEX_LEN], b[SEAL_HASH_HEX_LEN];
	size_t i;

	(void)state;
	load(&k, 0x00, 0x40);
	load(&again, 0x00, 0x40);  /* same keys, loaded separately */
	seal_lookup_hash(&k, VALUE, VALUE_LEN, a);
	seal_lookup_hash(&again, VALUE, VALUE_LEN, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", a[i]));
	seal_lookup_hash(&k, "123456788", VALUE_LEN, b);
	assert_string_not_equal(a, b);
	seal_keys_wipe(&again);
	seal_keys_wipe(&k);
}

static void
test_lookup_hash_depends_on_key(void **state)
{
	struct seal_keys k, other;
	char a[SEAL_HASH_HEX_LEN], b[SEAL_HASH_HEX_LEN];
	unsigned char plain[SEAL_HASH_BYTES];

	(void)state;
	load(&k, 0x00, 0x40);
	load(&other, 0x00, 0x41);  /* same encryption key, other lookup key */
	seal_lookup_hash(&k, VALUE, VALUE_LEN, a);
	seal_lookup_hash(&other, VALUE, VALUE_LEN, b);
	assert_string_not_equal(a, b);
	/* Nor is it the unkeyed hash anyone could compute from a guess. */
	crypto_generichash(plain, sizeof(plain), (const unsigned char *)VALUE,
	    VALUE_LEN, NULL, 0);
	sodium_bin2hex(b, sizeof(b), plain, sizeof(plain));
	assert_string_not_equal(a, b);
	seal_keys_wipe(&other);
	seal_keys_wipe(&k);
}

/* ------------------------------------------------------------ keys */

/* Loading must fail, leave k unloaded, and explain why (expect) without
 * quoting either key. */
static void
assert_keys_refused(const char *enc, const char *mac, const char *expect)
{
	struct seal_keys k;
	char err[256];

	memset(&k, 0xAA, sizeof(k));
	err[0] = '\0';
	assert_int_equal(seal_keys_from_hex(&k, enc, mac, err, sizeof(err)), -1);
	assert_int_equal(k.loaded, 0);
	assert_true(sodium_is_zero(k.enc, sizeof(k.enc)));
	assert_true(sodium_is_zero(k.mac, sizeof(k.mac)));
	assert_non_null(strstr(err, expect));
	if (enc != NULL && strlen(enc) >= 8)
		assert_null(strstr(err, "0001020304"));
	if (mac != NULL && strlen(mac) >= 8)
		assert_null(strstr(err, "4041424344"));
}

static void
test_keys_accept_upper_case_hex(void **state)
{
	struct seal_keys k;
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1], err[200];
	size_t i;

	(void)state;
	pattern_hex(0xA0, enc);
	pattern_hex(0x40, mac);
	for (i = 0; i < SEAL_KEY_HEX_LEN; i++)
		if (enc[i] >= 'a' && enc[i] <= 'f')
			enc[i] = (char)(enc[i] - 'a' + 'A');
	assert_int_equal(seal_keys_from_hex(&k, enc, mac, err, sizeof(err)), 0);
	assert_int_equal(k.loaded, 1);
	assert_int_equal(k.enc[0], 0xA0);
	seal_keys_wipe(&k);
}

static void
test_keys_reject_missing_key(void **state)
{
	char mac[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	pattern_hex(0x40, mac);
	assert_keys_refused(NULL, mac, "encryption key is missing");
	assert_keys_refused("", mac, "encryption key is missing");
}

static void
test_keys_reject_short_hex(void **state)
{
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	pattern_hex(0x00, enc);
	pattern_hex(0x40, mac);
	mac[SEAL_KEY_HEX_LEN - 2] = '\0';  /* 31 bytes */
	assert_keys_refused(enc, mac, "lookup key must be 64 hexadecimal "
	    "characters (32 bytes), not 62");
}

static void
test_keys_reject_long_hex(void **state)
{
	char enc[SEAL_KEY_HEX_LEN + 3], mac[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	pattern_hex(0x00, enc);
	pattern_hex(0x40, mac);
	strcat(enc, "00");                 /* 33 bytes */
	assert_keys_refused(enc, mac, "encryption key must be 64");
}

static void
test_keys_reject_non_hex_characters(void **state)
{
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	pattern_hex(0x00, enc);
	pattern_hex(0x40, mac);
	enc[10] = 'g';
	assert_keys_refused(enc, mac, "encryption key may contain only "
	    "hexadecimal");
	enc[10] = ' ';
	assert_keys_refused(enc, mac, "may contain only hexadecimal");
	pattern_hex(0x00, enc);
	enc[0] = ':';
	assert_keys_refused(enc, mac, "may contain only hexadecimal");
}

static void
test_keys_reject_all_zero_key(void **state)
{
	char enc[SEAL_KEY_HEX_LEN + 1], mac[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	memset(enc, '0', SEAL_KEY_HEX_LEN);
	enc[SEAL_KEY_HEX_LEN] = '\0';
	pattern_hex(0x40, mac);
	assert_keys_refused(enc, mac, "encryption key is all zeros");
}

static void
test_keys_reject_same_key_twice(void **state)
{
	char enc[SEAL_KEY_HEX_LEN + 1];

	(void)state;
	pattern_hex(0x00, enc);
	assert_keys_refused(enc, enc, "must differ");
}

static void
test_keys_error_fits_small_buffer(void **state)
{
	struct seal_keys k;
	char err[8];

	(void)state;
	memset(err, 'x', sizeof(err));
	assert_int_equal(seal_keys_from_hex(&k, "zz", "zz", err, sizeof(err)),
	    -1);
	assert_int_equal(strlen(err), sizeof(err) - 1);
	assert_int_equal(seal_keys_from_hex(&k, "zz", "zz", NULL, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_returns_plaintext),
		cmocka_unit_test(test_round_trip_of_empty_value),
		cmocka_unit_test(test_round_trip_of_binary_value),
		cmocka_unit_test(test_sealed_text_is_one_line_of_standard_base64),
		cmocka_unit_test(test_two_encryptions_of_same_plaintext_differ),
		cmocka_unit_test(test_decrypt_rejects_tampered_nonce),
		cmocka_unit_test(test_decrypt_rejects_tampered_tag),
		cmocka_unit_test(test_decrypt_rejects_tampered_ciphertext),
		cmocka_unit_test(test_decrypt_rejects_truncated_input),
		cmocka_unit_test(test_decrypt_rejects_malformed_base64),
		cmocka_unit_test(test_decrypt_rejects_wrong_key),
		cmocka_unit_test(test_decrypt_failure_leaves_output_untouched),
		cmocka_unit_test(test_encrypt_rejects_small_output_buffer),
		cmocka_unit_test(test_encrypt_rejects_oversized_plaintext),
		cmocka_unit_test(test_decrypt_rejects_small_output_buffer),
		cmocka_unit_test(test_unloaded_keys_are_refused),
		cmocka_unit_test(test_lookup_hash_is_deterministic),
		cmocka_unit_test(test_lookup_hash_depends_on_key),
		cmocka_unit_test(test_keys_accept_upper_case_hex),
		cmocka_unit_test(test_keys_reject_missing_key),
		cmocka_unit_test(test_keys_reject_short_hex),
		cmocka_unit_test(test_keys_reject_long_hex),
		cmocka_unit_test(test_keys_reject_non_hex_characters),
		cmocka_unit_test(test_keys_reject_all_zero_key),
		cmocka_unit_test(test_keys_reject_same_key_twice),
		cmocka_unit_test(test_keys_error_fits_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
