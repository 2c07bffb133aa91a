/*
 * urlenc.c — strict percent-decoding, UTF-8 validation and form parsing.
 *
 * This is the first code to look at the bytes of a query string or a form
 * body, so it trusts none of them: every defect is reported as an error,
 * nothing is repaired, truncated or dropped in silence (empty pairs aside,
 * which carry nothing). It must never read past the n bytes it is given
 * (inputs are not NUL-terminated), never put request data into an error
 * message, and never allocate anywhere but the request arena.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "http/urlenc.h"

const char *
parse_strerror(enum parse_err err)
{
	/* No default: -Wswitch then names any code added without a text. */
	switch (err) {
	case PARSE_OK:
		return "Er is geen fout opgetreden.";
	case PARSE_BAD_PERCENT:
		return "De aanvraag bevat een ongeldige procent-codering.";
	case PARSE_BAD_UTF8:
		return "De aanvraag bevat tekens die geen geldige UTF-8 zijn.";
	case PARSE_NUL:
		return "De aanvraag bevat niet-toegestane stuurtekens.";
	case PARSE_TOO_LONG:
		return "De aanvraag of een veldnaam daarin is te lang.";
	case PARSE_TOO_MANY:
		return "De aanvraag bevat te veel velden of cookies.";
	case PARSE_TOO_DEEP:
		return "De JSON-gegevens zijn te diep genest.";
	case PARSE_BAD_JSON:
		return "De JSON-gegevens zijn ongeldig.";
	case PARSE_BAD_SYNTAX:
		return "De aanvraag is niet goed opgebouwd.";
	case PARSE_NOMEM:
		return "De aanvraag is te groot om te verwerken.";
	}
	/* A value outside the enum, e.g. from a cast: still a sentence. */
	return "De aanvraag kon niet worden verwerkt.";
}

/* Value of one hex digit, or -1. Not isxdigit(): no locale may widen it. */
static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Control bytes may end up in logs, headers or SQL text and mean nothing in
 * a field, so they are refused; multi-line text fields still need tab, CR
 * and LF, which only values (allow_newlines) get.
 */
static int
byte_allowed(unsigned char c, int allow_newlines)
{
	if (c >= 0x20 && c != 0x7F)
		return 1;
	return allow_newlines && (c == '\t' || c == '\r' || c == '\n');
}

enum parse_err
percent_decode(struct arena *a, const char *in, size_t n,
    int plus_is_space, int allow_newlines, char **out, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)in;
	char *buf;
	size_t i, j;
	int hi, lo;
	unsigned char c;

	*out = NULL;
	*outlen = 0;
	if (n == SIZE_MAX)
		return PARSE_TOO_LONG;
	/* Decoding never lengthens: n bytes and a NUL always suffice. */
	if ((buf = arena_alloc(a, n + 1)) == NULL)
		return PARSE_NOMEM;
	for (i = j = 0; i < n; i++) {
		c = p[i];
		if (c == '%') {
			/* Exactly two hex digits, and both inside the input. */
			if (n - i < 3 ||
			    (hi = hexval(p[i + 1])) < 0 ||
			    (lo = hexval(p[i + 2])) < 0)
				return PARSE_BAD_PERCENT;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		/* Raw and encoded bytes are judged alike. */
		if (!byte_allowed(c, allow_newlines))
			return PARSE_NUL;
		buf[j++] = (char)c;
	}
	buf[j] = '\0';
	/* UTF-8 is judged on the decoded bytes: %C3%A9 is one character. */
	if (!utf8_valid(buf, j))
		return PARSE_BAD_UTF8;
	*out = buf;
	*outlen = j;
	return PARSE_OK;
}

/*
 * Counts the non-empty '&'-separated pairs, stopping once past the limit so
 * that a body of a million '&x' costs no more than it must.
 */
static size_t
count_pairs(const char *in, size_t n)
{
	size_t i, count = 0;
	int inpair = 0;

	for (i = 0; i < n && count <= WZ_MAX_FIELDS; i++) {
		if (in[i] == '&')
			inpair = 0;
		else if (!inpair) {
			inpair = 1;
			count++;
		}
	}
	return count;
}

/*
 * Decodes one non-empty pair of len bytes at p into *kv. The key gets no
 * newlines (it names a field, it is no text); the value may have them.
 */
static enum parse_err
pair_parse(struct arena *a, const char *p, size_t len, struct kv *kv)
{
	const char *eq;
	char *key, *val;
	size_t klen, vlen;
	enum parse_err err;

	eq = memchr(p, '=', len);
	/* "=x" or "=": a value for no field is malformed, not empty. */
	if (eq == p)
		return PARSE_BAD_SYNTAX;
	klen = eq != NULL ? (size_t)(eq - p) : len;
	err = percent_decode(a, p, klen, 1, 0, &key, &vlen);
	if (err != PARSE_OK)
		return err;
	if (vlen > WZ_MAX_FIELD_NAME)
		return PARSE_TOO_LONG;
	/* "a" alone: an empty value, still an arena string. */
	if (eq != NULL)
		err = percent_decode(a, eq + 1, len - klen - 1, 1, 1,
		    &val, &vlen);
	else
		err = percent_decode(a, p + len, 0, 1, 1, &val, &vlen);
	if (err != PARSE_OK)
		return err;
	kv->key = key;
	kv->val = val;
	kv->vallen = vlen;
	return PARSE_OK;
}

enum parse_err
form_parse(struct arena *a, const char *in, size_t n, struct kvlist *out)
{
	const char *p, *end, *amp, *stop;
	struct kv *items;
	size_t count, i;
	enum parse_err err;

	/* Only a complete, valid list is ever published in *out. */
	out->items = NULL;
	out->n = 0;
	if (n > WZ_MAX_BODY)
		return PARSE_TOO_LONG;
	if (n == 0)
		return PARSE_OK;
	if ((count = count_pairs(in, n)) > WZ_MAX_FIELDS)
		return PARSE_TOO_MANY;
	if (count == 0)
		return PARSE_OK;
	if ((items = arena_calloc(a, count, sizeof(*items))) == NULL)
		return PARSE_NOMEM;

	p = in;
	end = in + n;
	i = 0;
	for (;;) {
		amp = memchr(p, '&', (size_t)(end - p));
		stop = amp != NULL ? amp : end;
		if (stop > p) {
			err = pair_parse(a, p, (size_t)(stop - p), &items[i]);
			if (err != PARSE_OK)
				return err;
			i++;
		}
		/* Never form amp + 1 past the end: stop at the last pair. */
		if (amp == NULL)
			break;
		p = amp + 1;
	}
	out->items = items;
	out->n = i;
	return PARSE_OK;
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t i;

	if (l == NULL || key == NULL)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}
