/*
 * naamwoord.c — the words of a name; see naamwoord.h.
 */
#include "config.h"

#include "domain/naamwoord.h"

static int
in_woord(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

const char *
naamwoord_volgende(const char **p, size_t *len)
{
	const unsigned char *s;
	const char *start;
	size_t n;

	*len = 0;
	if (p == NULL || *p == NULL)
		return NULL;
	s = (const unsigned char *)*p;
	while (*s != '\0' && !in_woord(*s))
		s++;
	if (*s == '\0') {
		*p = (const char *)s;
		return NULL;
	}
	start = (const char *)s;
	while (*s != '\0' && in_woord(*s))
		s++;
	*p = (const char *)s;
	n = (size_t)((const char *)s - start);
	if (n > NAAMWOORD_MAX) {
		n = NAAMWOORD_MAX;
		/* Do not cut a UTF-8 character: back off over continuation
		 * bytes and the lead byte they belong to. */
		while (n > 0 && ((unsigned char)start[n] & 0xC0) == 0x80)
			n--;
	}
	*len = n;
	return start;
}
