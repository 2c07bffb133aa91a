/*
 * json_body.c — turns a JSON request body into a json-c object.
 *
 * json-c does the parsing; this file narrows what it accepts to what the
 * rest of the application may assume: one value of RFC 8259 JSON, strict
 * UTF-8, bounded nesting, no NUL anywhere (neither raw nor as \u0000) and
 * no number that is not finite. It must never return an object together
 * with an error, never leak the tokener or a partial object, and never
 * hand json-c more than WZ_MAX_BODY bytes.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <json-c/json.h>

#include "core/limits.h"
#include "core/utf8.h"
#include "http/json_body.h"

/* json_tokener_parse_ex() takes an int length. */
_Static_assert(WZ_MAX_BODY < INT_MAX, "WZ_MAX_BODY must fit an int");

/*
 * Finds a \u0000 escape. json-c accepts it, keeps it in string values
 * (which then no longer end at their first NUL) and silently cuts object
 * keys short at it ("a\u0000b" becomes "a"), so it must be refused before
 * parsing. An escape is a backslash preceded by an even number of
 * backslashes; outside strings a backslash is a syntax error anyway.
 */
static int
has_nul_escape(const char *in, size_t n)
{
	size_t i = 0, run;

	while (i < n) {
		if (in[i] != '\\') {
			i++;
			continue;
		}
		for (run = 0; i < n && in[i] == '\\'; i++)
			run++;
		/* An odd run: the last backslash escapes in[i]. */
		if (run % 2 == 1 && n - i >= 5 && memcmp(in + i, "u0000", 5) == 0)
			return 1;
	}
	return 0;
}

/*
 * json-c's strict mode still reads NaN, Infinity and numbers that overflow
 * a double (1e999). Those are not JSON, and a NaN passes every range check
 * written as "v < min || v > max", so the parsed tree is searched for them.
 * Recursion is bounded by WZ_MAX_JSON_DEPTH, enforced by the tokener.
 */
static int
numbers_finite(struct json_object *o)
{
	struct json_object_iterator it, end;
	size_t i, len;

	switch (json_object_get_type(o)) {
	case json_type_double:
		return isfinite(json_object_get_double(o));
	case json_type_array:
		len = json_object_array_length(o);
		for (i = 0; i < len; i++)
			if (!numbers_finite(json_object_array_get_idx(o, i)))
				return 0;
		return 1;
	case json_type_object:
		it = json_object_iter_begin(o);
		end = json_object_iter_end(o);
		for (; !json_object_iter_equal(&it, &end);
		    json_object_iter_next(&it))
			if (!numbers_finite(json_object_iter_peek_value(&it)))
				return 0;
		return 1;
	default:
		return 1;
	}
}

static int
only_json_ws(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r')
			return 0;
	return 1;
}

static enum parse_err
map_tokener_error(enum json_tokener_error jerr)
{
	switch (jerr) {
	case json_tokener_error_depth:
		return PARSE_TOO_DEEP;
	case json_tokener_error_parse_utf8_string:
		return PARSE_BAD_UTF8;
	default:
		return PARSE_BAD_JSON;
	}
}

enum parse_err
json_body_parse(const char *in, size_t n, struct json_object **out)
{
	struct json_tokener *tok = NULL;
	struct json_object *obj = NULL;
	enum json_tokener_error jerr;
	enum parse_err err;
	size_t end;

	*out = NULL;
	if (n > WZ_MAX_BODY)
		return PARSE_TOO_LONG;
	/* An empty body holds no value. */
	if (in == NULL || n == 0)
		return PARSE_BAD_JSON;
	/* json-c would take a NUL for the end of input. */
	if (memchr(in, '\0', n) != NULL)
		return PARSE_BAD_JSON;
	/* json-c's own check lets overlongs and surrogates through. */
	if (!utf8_valid(in, n))
		return PARSE_BAD_UTF8;
	if (has_nul_escape(in, n))
		return PARSE_BAD_JSON;

	if ((tok = json_tokener_new_ex(WZ_MAX_JSON_DEPTH)) == NULL)
		return PARSE_NOMEM;
	json_tokener_set_flags(tok,
	    JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);

	obj = json_tokener_parse_ex(tok, in, (int)n);
	jerr = json_tokener_get_error(tok);
	if (jerr == json_tokener_success) {
		/* Strict mode refuses trailing text already; make sure. */
		end = json_tokener_get_parse_end(tok);
		if (end > n || !only_json_ws(in + end, n - end)) {
			err = PARSE_BAD_JSON;
			goto fail;
		}
	} else if (jerr == json_tokener_continue) {
		/*
		 * A number or literal at the very end has no closing
		 * character: json-c finishes it only on the NUL that ends
		 * the input, which in[] does not have. Anything else still
		 * open ("[1", "\"abc") is reported as truncated here.
		 */
		obj = json_tokener_parse_ex(tok, "", 1);
		jerr = json_tokener_get_error(tok);
	}
	if (jerr != json_tokener_success) {
		err = map_tokener_error(jerr);
		goto fail;
	}
	/*
	 * json-c represents a top-level null as a NULL pointer, which a
	 * caller could not tell from failure; no request body is a bare null.
	 */
	if (obj == NULL || !numbers_finite(obj)) {
		err = PARSE_BAD_JSON;
		goto fail;
	}
	json_tokener_free(tok);
	*out = obj;
	return PARSE_OK;

fail:
	json_object_put(obj);
	json_tokener_free(tok);
	return err;
}
