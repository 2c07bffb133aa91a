/*
 * urlenc.h — strict decoding of what arrives in a URL or a form body.
 *
 * Everything here distrusts its input: bad percent-encoding, bytes that are
 * not UTF-8, an encoded NUL, too many or too long fields are errors, never
 * silently repaired. Decoded strings are allocated from the arena and
 * NUL-terminated; since an encoded NUL is refused, strlen() is their length.
 */
#ifndef WZ_URLENC_H
#define WZ_URLENC_H

#include <stddef.h>

struct arena;

enum parse_err {
	PARSE_OK = 0,
	PARSE_BAD_PERCENT,   /* % not followed by two hex digits */
	PARSE_BAD_UTF8,      /* decoded bytes are not valid UTF-8 */
	PARSE_NUL,           /* a decoded NUL or other control byte */
	PARSE_TOO_LONG,      /* input or a field name over its limit */
	PARSE_TOO_MANY,      /* more fields or cookies than allowed */
	PARSE_TOO_DEEP,      /* JSON nested deeper than allowed */
	PARSE_BAD_JSON,      /* JSON syntax error */
	PARSE_BAD_SYNTAX,    /* any other malformed input (e.g. a cookie) */
	PARSE_NOMEM          /* the request arena is full */
};

/* A Dutch sentence for users, e.g. "Ongeldige procent-codering in de
 * aanvraag." Never contains request data. Static storage. */
const char	*parse_strerror(enum parse_err);

/*
 * Decodes n bytes of percent-encoding; with plus_is_space a '+' becomes a
 * space (form and query syntax), otherwise it stays (paths). The result must
 * be valid UTF-8 and contain no control bytes below 0x20 except tab, CR and
 * LF in values (paths allow none: pass allow_newlines = 0).
 * On success *out is an arena string and *outlen its length.
 */
enum parse_err	percent_decode(struct arena *, const char *in, size_t n,
		    int plus_is_space, int allow_newlines,
		    char **out, size_t *outlen);

/* One decoded field. key and val are arena strings. */
struct kv {
	const char *key;
	const char *val;
	size_t      vallen;
};

struct kvlist {
	struct kv *items;
	size_t     n;
};

/*
 * Parses "a=1&b=2" (a query string or an application/x-www-form-urlencoded
 * body) of n bytes. Empty pairs ("a=1&&b=2") are skipped; a pair without '='
 * has an empty value. At most WZ_MAX_FIELDS fields and names of at most
 * WZ_MAX_FIELD_NAME bytes. On error *out is left empty.
 */
enum parse_err	form_parse(struct arena *, const char *in, size_t n,
		    struct kvlist *out);

/* The first value of key, or NULL. */
const char	*kv_get(const struct kvlist *, const char *key);

#endif
