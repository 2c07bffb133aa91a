/*
 * cookie.c — reads the Cookie request header into a list of name/value
 * pairs.
 *
 * Only what RFC 6265 section 4.1.1 lets a server set is accepted: a token
 * for a name and cookie-octets, optionally between double quotes, for a
 * value. Anything else in a pair makes that one pair disappear, because the
 * header also carries cookies of unrelated software on the same host. This
 * file must never percent-decode, never hand out a name or value containing
 * a control byte, space, quote, comma, semicolon or backslash, and never
 * read more than WZ_MAX_COOKIES cookies.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "core/limits.h"
#include "http/cookie.h"

/* RFC 7230 tchar, which is what RFC 6265 means by a token. */
static int
is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 6265 cookie-octet: visible US-ASCII but DQUOTE , ; and backslash. */
static int
is_cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) ||
	    (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B) ||
	    (c >= 0x5D && c <= 0x7E);
}

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Splits the pair [s, e) into a name and a value, leaving out the
 * whitespace around either and the quotes around the value.
 * OUT: *name, *namelen, *val, *vallen point into [s, e).
 * Returns 1 for a well-formed pair, 0 for one to skip.
 */
static int
pair_split(const char *s, const char *e, const char **name, size_t *namelen,
    const char **val, size_t *vallen)
{
	const char *eq, *ne, *vs;
	size_t i;

	while (s < e && is_ows(*s))
		s++;
	while (e > s && is_ows(e[-1]))
		e--;
	if ((eq = memchr(s, '=', (size_t)(e - s))) == NULL)
		return 0;
	for (ne = eq; ne > s && is_ows(ne[-1]); ne--)
		continue;
	for (vs = eq + 1; vs < e && is_ows(*vs); vs++)
		continue;
	if (ne == s)
		return 0;
	for (i = 0; i < (size_t)(ne - s); i++)
		if (!is_tchar((unsigned char)s[i]))
			return 0;
	/* A quoted value: the quotes are syntax, not part of it. */
	if (e - vs >= 2 && *vs == '"' && e[-1] == '"') {
		vs++;
		e--;
	}
	for (i = 0; i < (size_t)(e - vs); i++)
		if (!is_cookie_octet((unsigned char)vs[i]))
			return 0;
	*name = s;
	*namelen = (size_t)(ne - s);
	*val = vs;
	*vallen = (size_t)(e - vs);
	return 1;
}

enum parse_err
cookie_parse(struct arena *a, const char *header, struct kvlist *out)
{
	const char *p, *end, *semi, *stop, *name, *val;
	size_t namelen, vallen, n = 0;
	struct kv *items = NULL;
	char *k, *v;

	/* Only a complete list is ever published in *out. */
	out->items = NULL;
	out->n = 0;
	if (header == NULL || *header == '\0')
		return PARSE_OK;
	p = header;
	end = header + strlen(header);
	for (;;) {
		semi = memchr(p, ';', (size_t)(end - p));
		stop = semi != NULL ? semi : end;
		if (pair_split(p, stop, &name, &namelen, &val, &vallen)) {
			/* Skipped pairs do not count: only cookies read do. */
			if (n == WZ_MAX_COOKIES)
				return PARSE_TOO_MANY;
			/* The array is fixed and small: no second pass. */
			if (items == NULL && (items = arena_calloc(a,
			    WZ_MAX_COOKIES, sizeof(*items))) == NULL)
				return PARSE_NOMEM;
			if ((k = arena_strndup(a, name, namelen)) == NULL ||
			    (v = arena_strndup(a, val, vallen)) == NULL)
				return PARSE_NOMEM;
			items[n].key = k;
			items[n].val = v;
			items[n].vallen = vallen;
			n++;
		}
		if (semi == NULL)
			break;
		p = semi + 1;
	}
	out->items = items;
	out->n = n;
	return PARSE_OK;
}
