/*
 * utf8.c — strict UTF-8 validation; see utf8.h.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/utf8.h"

/*
 * Table-free strict UTF-8 (Unicode 15, table 3-7, "well-formed byte
 * sequences"). The range of the second byte depends on the lead byte: that
 * is where overlong forms (E0, F0), surrogates (ED) and code points above
 * U+10FFFF (F4) are excluded. Lead bytes C0, C1 and F5–FF can start nothing
 * valid, and 80–BF cannot start a sequence at all.
 */
int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p, *end;
	unsigned char c, lo, hi;
	size_t need, i;
	uint64_t w;

	/* NULL + 0 is undefined behaviour in C; an empty string is valid. */
	if (n == 0)
		return 1;
	p = (const unsigned char *)s;
	end = p + n;
	while (p < end) {
		/*
		 * Fast path: most input is ASCII, so test eight bytes at a
		 * time for a high bit. memcpy keeps the load free of
		 * alignment and aliasing trouble; compilers turn it into a
		 * single load.
		 */
		while ((size_t)(end - p) >= sizeof(w)) {
			memcpy(&w, p, sizeof(w));
			if (w & UINT64_C(0x8080808080808080))
				break;
			p += sizeof(w);
		}
		if (p == end)
			break;
		c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;      /* below: overlong */
			else if (c == 0xED)
				hi = 0x9F;      /* above: surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;      /* below: overlong */
			else if (c == 0xF4)
				hi = 0x8F;      /* above: > U+10FFFF */
		} else
			return 0;
		/* Truncated at the end of the input. */
		if ((size_t)(end - p) - 1 < need)
			return 0;
		if (p[1] < lo || p[1] > hi)
			return 0;
		for (i = 2; i <= need; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += need + 1;
	}
	return 1;
}
