/*
 * fuzz_percent.c — libFuzzer driver for percent_decode() and utf8_valid().
 *
 * Checks more than "does not crash": utf8_valid() must agree with a slow
 * reference decoder written differently, and whatever percent_decode()
 * accepts must be valid UTF-8, NUL-terminated at its stated length, no
 * longer than its input and free of the control bytes its mode forbids.
 * A broken promise calls abort() so that the fuzzer reports it. The driver
 * must free everything it allocates, or long runs report leaks.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "http/urlenc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Reference UTF-8 check: decode each sequence to a code point by its length
 * pattern, then judge the code point (shortest form, no surrogate, at most
 * U+10FFFF). Slow and obvious on purpose, unlike the one under test.
 */
static int
ref_utf8_valid(const uint8_t *s, size_t n)
{
	static const uint32_t min[] = { 0, 0x80, 0x800, 0x10000 };
	size_t i = 0, len, k;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		} else if ((s[i] & 0xE0) == 0xC0) {
			len = 2;
			cp = s[i] & 0x1F;
		} else if ((s[i] & 0xF0) == 0xE0) {
			len = 3;
			cp = s[i] & 0x0F;
		} else if ((s[i] & 0xF8) == 0xF0) {
			len = 4;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min[len - 1] || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void
check_decode(struct arena *a, const uint8_t *data, size_t size,
    int plus_is_space, int allow_newlines)
{
	char *out = NULL;
	size_t outlen = 0, i;
	unsigned char c;
	enum parse_err err;

	err = percent_decode(a, (const char *)data, size, plus_is_space,
	    allow_newlines, &out, &outlen);
	if (err != PARSE_OK) {
		/* An error leaves no half-decoded output behind. */
		if (out != NULL || outlen != 0)
			abort();
		if (parse_strerror(err) == NULL)
			abort();
		return;
	}
	if (out == NULL || outlen > size || out[outlen] != '\0' ||
	    strlen(out) != outlen)
		abort();
	if (!utf8_valid(out, outlen) || !ref_utf8_valid((uint8_t *)out, outlen))
		abort();
	for (i = 0; i < outlen; i++) {
		c = (unsigned char)out[i];
		if (c == 0x7F)
			abort();
		if (c < 0x20 && !(allow_newlines &&
		    (c == '\t' || c == '\r' || c == '\n')))
			abort();
	}
	/* Without '%' (or '+' when it means space) nothing may change. */
	if (memchr(data, '%', size) == NULL &&
	    (!plus_is_space || memchr(data, '+', size) == NULL) &&
	    (outlen != size || memcmp(out, data, size) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;

	if (utf8_valid((const char *)data, size) != ref_utf8_valid(data, size))
		abort();
	if (arena_init(&a, 4096, 4u << 20) != 0)
		return 0;
	check_decode(&a, data, size, 0, 0);
	check_decode(&a, data, size, 1, 0);
	check_decode(&a, data, size, 0, 1);
	check_decode(&a, data, size, 1, 1);
	arena_free(&a);
	return 0;
}
