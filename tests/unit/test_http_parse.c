/*
 * test_http_parse.c — unit tests of the input parsers: UTF-8 validation,
 * percent-decoding, form bodies and query strings, the Cookie header and
 * JSON bodies.
 *
 * One behaviour per test, named after what it proves; the "rejects" tests
 * name what must fail. Every limit is tested on both sides of the line.
 * Tests must never depend on one another: each makes its own arena.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "http/cookie.h"
#include "http/json_body.h"
#include "http/urlenc.h"

#define ARENA_BLOCK	4096
#define ARENA_LIMIT	(4u << 20)

/* percent_decode() of a C string literal. */
static enum parse_err
decode(struct arena *a, const char *s, int plus_is_space, int allow_newlines,
    char **out, size_t *outlen)
{
	return percent_decode(a, s, strlen(s), plus_is_space, allow_newlines,
	    out, outlen);
}

/* percent_decode() in path mode, for tests that expect only an error. */
static enum parse_err
decode_err(const char *s, size_t n)
{
	struct arena a;
	char *out;
	size_t len;
	enum parse_err err;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	err = percent_decode(&a, s, n, 0, 0, &out, &len);
	if (err != PARSE_OK)
		assert_null(out);
	arena_free(&a);
	return err;
}

static enum parse_err
form(struct arena *a, const char *s, struct kvlist *out)
{
	return form_parse(a, s, strlen(s), out);
}

/* json_body_parse() of a C string literal, freeing any result. */
static enum parse_err
json_err(const char *s, size_t n)
{
	struct json_object *o = (struct json_object *)&o;  /* not NULL */
	enum parse_err err;

	err = json_body_parse(s, n, &o);
	if (err == PARSE_OK)
		assert_non_null(o);
	else
		assert_null(o);
	json_object_put(o);
	return err;
}

#define JSON_ERR(lit)	json_err((lit), sizeof(lit) - 1)

/* A malloc'ed string of depth '[' then depth ']', with inner between. */
static char *
nested_arrays(size_t depth, const char *inner, size_t *len)
{
	size_t ilen = strlen(inner);
	char *s;

	s = malloc(2 * depth + ilen + 1);
	assert_non_null(s);
	memset(s, '[', depth);
	memcpy(s + depth, inner, ilen);
	memset(s + depth + ilen, ']', depth);
	*len = 2 * depth + ilen;
	s[*len] = '\0';
	return s;
}

/*
 * parse_strerror
 */

static void
test_parse_strerror_has_message_for_every_code(void **state)
{
	int e;
	const char *m;

	for (e = PARSE_OK; e <= PARSE_NOMEM; e++) {
		m = parse_strerror((enum parse_err)e);
		assert_non_null(m);
		assert_true(strlen(m) > 10);
		assert_true(utf8_valid(m, strlen(m)));
	}
}

static void
test_parse_strerror_messages_are_distinct(void **state)
{
	int e, f;

	for (e = PARSE_OK; e <= PARSE_NOMEM; e++)
		for (f = e + 1; f <= PARSE_NOMEM; f++)
			assert_string_not_equal(
			    parse_strerror((enum parse_err)e),
			    parse_strerror((enum parse_err)f));
}

static void
test_parse_strerror_has_message_for_unknown_code(void **state)
{
	const char *m = parse_strerror((enum parse_err)9999);

	assert_non_null(m);
	assert_true(strlen(m) > 10);
}

static void
test_parse_strerror_names_the_problem(void **state)
{
	assert_string_equal(parse_strerror(PARSE_BAD_PERCENT),
	    "De aanvraag bevat een ongeldige procent-codering.");
	assert_string_equal(parse_strerror(PARSE_BAD_UTF8),
	    "De aanvraag bevat tekens die geen geldige UTF-8 zijn.");
	assert_string_equal(parse_strerror(PARSE_TOO_DEEP),
	    "De JSON-gegevens zijn te diep genest.");
}

/*
 * utf8_valid
 */

static void
test_utf8_accepts_empty(void **state)
{
	assert_true(utf8_valid(NULL, 0));
	assert_true(utf8_valid("", 0));
}

static void
test_utf8_accepts_ascii(void **state)
{
	/* Longer than the 8-byte fast path, with a tail. */
	const char *s = "Wijkteam Noord, dossier 2024-17: alles in orde.";

	assert_true(utf8_valid(s, strlen(s)));
}

static void
test_utf8_accepts_2_byte(void **state)
{
	assert_true(utf8_valid("caf\xc3\xa9", 5));          /* é */
	assert_true(utf8_valid("\xc2\x80", 2));             /* U+0080 */
	assert_true(utf8_valid("\xdf\xbf", 2));             /* U+07FF */
}

static void
test_utf8_accepts_3_byte(void **state)
{
	assert_true(utf8_valid("\xe2\x82\xac", 3));         /* € */
	assert_true(utf8_valid("\xe0\xa0\x80", 3));         /* U+0800 */
	assert_true(utf8_valid("\xed\x9f\xbf", 3));         /* U+D7FF */
	assert_true(utf8_valid("\xee\x80\x80", 3));         /* U+E000 */
	assert_true(utf8_valid("\xef\xbf\xbf", 3));         /* U+FFFF */
}

static void
test_utf8_accepts_4_byte(void **state)
{
	assert_true(utf8_valid("\xf0\x9f\x98\x80", 4));     /* U+1F600 */
	assert_true(utf8_valid("\xf0\x90\x80\x80", 4));     /* U+10000 */
	assert_true(utf8_valid("\xf4\x8f\xbf\xbf", 4));     /* U+10FFFF */
}

static void
test_utf8_accepts_nul_byte(void **state)
{
	/* NUL is valid UTF-8; refusing it is percent_decode's job. */
	assert_true(utf8_valid("a\0b", 3));
}

static void
test_utf8_rejects_overlong(void **state)
{
	assert_false(utf8_valid("\xc0\x80", 2));            /* NUL */
	assert_false(utf8_valid("\xc0\xaf", 2));            /* '/' */
	assert_false(utf8_valid("\xc1\xbf", 2));
	assert_false(utf8_valid("\xe0\x80\x80", 3));
	assert_false(utf8_valid("\xe0\x9f\xbf", 3));
	assert_false(utf8_valid("\xf0\x80\x80\x80", 4));
	assert_false(utf8_valid("\xf0\x8f\xbf\xbf", 4));
}

static void
test_utf8_rejects_surrogate(void **state)
{
	assert_false(utf8_valid("\xed\xa0\x80", 3));        /* U+D800 */
	assert_false(utf8_valid("\xed\xbf\xbf", 3));        /* U+DFFF */
	/* A CESU-8 pair is two surrogates, not one character. */
	assert_false(utf8_valid("\xed\xa0\xbd\xed\xb8\x80", 6));
}

static void
test_utf8_rejects_above_max(void **state)
{
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));    /* U+110000 */
	assert_false(utf8_valid("\xf5\x80\x80\x80", 4));
	assert_false(utf8_valid("\xf8\x88\x80\x80\x80", 5));
	assert_false(utf8_valid("\xfe", 1));
	assert_false(utf8_valid("\xff", 1));
}

static void
test_utf8_rejects_truncated(void **state)
{
	assert_false(utf8_valid("\xc3", 1));
	assert_false(utf8_valid("\xe2\x82", 2));
	assert_false(utf8_valid("\xf0\x9f\x98", 3));
	/* Cut short by the length, though the buffer goes on. */
	assert_false(utf8_valid("\xe2\x82\xac", 2));
	/* Cut short by a byte that is no continuation. */
	assert_false(utf8_valid("\xe2\x82" "a", 3));
	assert_false(utf8_valid("\xf0\x9f\x98" "a", 4));
}

static void
test_utf8_rejects_stray_continuation(void **state)
{
	assert_false(utf8_valid("\x80", 1));
	assert_false(utf8_valid("\xbf", 1));
	assert_false(utf8_valid("a\x80" "b", 3));
	assert_false(utf8_valid("\xc3\xa9\xa9", 3));
}

static void
test_utf8_rejects_bad_byte_after_long_ascii_run(void **state)
{
	char buf[40];
	size_t pos;

	/* Every position relative to the 8-byte fast path. */
	for (pos = 0; pos < 32; pos++) {
		memset(buf, 'a', sizeof(buf));
		buf[pos] = (char)0x80;
		assert_false(utf8_valid(buf, sizeof(buf)));
	}
}

/*
 * percent_decode
 */

static void
test_percent_decodes_mixed_case_hex(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "%4a%4A%c3%A9", 0, 0, &out, &len),
	    PARSE_OK);
	assert_string_equal(out, "JJ\xc3\xa9");
	assert_int_equal(len, 4);
	arena_free(&a);
}

static void
test_percent_leaves_plain_text_unchanged(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "wijk-7_noord.txt", 0, 0, &out, &len),
	    PARSE_OK);
	assert_string_equal(out, "wijk-7_noord.txt");
	assert_int_equal(len, strlen(out));
	arena_free(&a);
}

static void
test_percent_decodes_empty_input(void **state)
{
	struct arena a;
	char *out;
	size_t len = 99;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(percent_decode(&a, NULL, 0, 1, 1, &out, &len),
	    PARSE_OK);
	assert_non_null(out);
	assert_string_equal(out, "");
	assert_int_equal(len, 0);
	arena_free(&a);
}

static void
test_percent_plus_becomes_space_in_forms(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "a+b", 1, 0, &out, &len), PARSE_OK);
	assert_string_equal(out, "a b");
	arena_free(&a);
}

static void
test_percent_plus_stays_in_paths(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "a+b", 0, 0, &out, &len), PARSE_OK);
	assert_string_equal(out, "a+b");
	arena_free(&a);
}

static void
test_percent_encoded_plus_stays_plus(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "1%2B1", 1, 0, &out, &len), PARSE_OK);
	assert_string_equal(out, "1+1");
	arena_free(&a);
}

static void
test_percent_decodes_only_once(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	/* %2541 is "%41", not "A": no double decoding. */
	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "%2541", 0, 0, &out, &len), PARSE_OK);
	assert_string_equal(out, "%41");
	arena_free(&a);
}

static void
test_percent_rejects_truncated_escape(void **state)
{
	assert_int_equal(decode_err("%4", 2), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%", 1), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("abc%", 4), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("abc%4", 5), PARSE_BAD_PERCENT);
	/* The digits lie beyond n: they must not be read. */
	assert_int_equal(decode_err("%41", 2), PARSE_BAD_PERCENT);
}

static void
test_percent_rejects_non_hex_digits(void **state)
{
	assert_int_equal(decode_err("%zz", 3), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%4g", 3), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%g4", 3), PARSE_BAD_PERCENT);
	/* Nothing strtol() would skip or accept: sign, space, 0x. */
	assert_int_equal(decode_err("%+1", 3), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%-1", 3), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("% 1", 3), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%x41", 4), PARSE_BAD_PERCENT);
	assert_int_equal(decode_err("%%41", 4), PARSE_BAD_PERCENT);
}

static void
test_percent_rejects_encoded_nul(void **state)
{
	assert_int_equal(decode_err("%00", 3), PARSE_NUL);
	assert_int_equal(decode_err("admin%00.txt", 12), PARSE_NUL);
}

static void
test_percent_rejects_raw_nul(void **state)
{
	assert_int_equal(decode_err("a\0b", 3), PARSE_NUL);
}

static void
test_percent_rejects_encoded_control_bytes(void **state)
{
	assert_int_equal(decode_err("%01", 3), PARSE_NUL);
	assert_int_equal(decode_err("%1b", 3), PARSE_NUL);
	assert_int_equal(decode_err("%1F", 3), PARSE_NUL);
	assert_int_equal(decode_err("%7f", 3), PARSE_NUL);
}

static void
test_percent_rejects_raw_control_bytes(void **state)
{
	assert_int_equal(decode_err("a\x01" "b", 3), PARSE_NUL);
	assert_int_equal(decode_err("a\x1b[0m", 5), PARSE_NUL);
	assert_int_equal(decode_err("\x7f", 1), PARSE_NUL);
}

static void
test_percent_rejects_newlines_when_not_allowed(void **state)
{
	assert_int_equal(decode_err("%0A", 3), PARSE_NUL);
	assert_int_equal(decode_err("%0d", 3), PARSE_NUL);
	assert_int_equal(decode_err("%09", 3), PARSE_NUL);
	assert_int_equal(decode_err("a\nb", 3), PARSE_NUL);
}

static void
test_percent_allows_newlines_in_values(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "a%0D%0Ab%09c\nd", 1, 1, &out, &len),
	    PARSE_OK);
	assert_string_equal(out, "a\r\nb\tc\nd");
	arena_free(&a);
}

static void
test_percent_rejects_other_controls_in_values(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "a%00b", 1, 1, &out, &len), PARSE_NUL);
	assert_int_equal(decode(&a, "a%0Bb", 1, 1, &out, &len), PARSE_NUL);
	assert_int_equal(decode(&a, "a%7Fb", 1, 1, &out, &len), PARSE_NUL);
	arena_free(&a);
}

static void
test_percent_rejects_invalid_utf8(void **state)
{
	assert_int_equal(decode_err("%FF", 3), PARSE_BAD_UTF8);
	assert_int_equal(decode_err("caf%C3", 6), PARSE_BAD_UTF8);
	assert_int_equal(decode_err("%C0%AF", 6), PARSE_BAD_UTF8);
	assert_int_equal(decode_err("%ED%A0%80", 9), PARSE_BAD_UTF8);
}

static void
test_percent_rejects_raw_invalid_utf8(void **state)
{
	assert_int_equal(decode_err("caf\xe9", 4), PARSE_BAD_UTF8);
}

static void
test_percent_accepts_raw_utf8(void **state)
{
	struct arena a;
	char *out;
	size_t len;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "caf\xc3\xa9+%E2%82%AC", 1, 0, &out, &len),
	    PARSE_OK);
	assert_string_equal(out, "caf\xc3\xa9 \xe2\x82\xac");
	arena_free(&a);
}

static void
test_percent_clears_output_on_error(void **state)
{
	struct arena a;
	char *out = (char *)"stale";
	size_t len = 5;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(decode(&a, "ok%zz", 0, 0, &out, &len),
	    PARSE_BAD_PERCENT);
	assert_null(out);
	assert_int_equal(len, 0);
	arena_free(&a);
}

static void
test_percent_reports_nomem_when_arena_full(void **state)
{
	struct arena a;
	char in[1000], *out;
	size_t len;

	/* Deliberately tiny: the decoded copy cannot fit. */
	assert_int_equal(arena_init(&a, 64, 256), 0);
	memset(in, 'a', sizeof(in));
	assert_int_equal(percent_decode(&a, in, sizeof(in), 0, 0, &out, &len),
	    PARSE_NOMEM);
	assert_null(out);
	arena_free(&a);
}

/*
 * form_parse and kv_get
 */

static void
test_form_parses_pairs_in_order(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "naam=Jansen&wijk=Noord", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "naam");
	assert_string_equal(l.items[0].val, "Jansen");
	assert_int_equal(l.items[0].vallen, 6);
	assert_string_equal(l.items[1].key, "wijk");
	assert_string_equal(l.items[1].val, "Noord");
	assert_int_equal(l.items[1].vallen, 5);
	arena_free(&a);
}

static void
test_form_plus_is_space(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "zoek+term=hallo+wereld", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "zoek term");
	assert_string_equal(l.items[0].val, "hallo wereld");
	arena_free(&a);
}

static void
test_form_decodes_key_and_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a%5Bb%5D=x%26y%3Dz", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "a[b]");
	assert_string_equal(l.items[0].val, "x&y=z");
	arena_free(&a);
}

static void
test_form_skips_empty_pairs(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "&a=1&&b=2&", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "a");
	assert_string_equal(l.items[1].key, "b");
	assert_int_equal(form(&a, "&&&", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

static void
test_form_empty_input_is_empty_list(void **state)
{
	struct arena a;
	struct kvlist l = { (struct kv *)&l, 7 };

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form_parse(&a, NULL, 0, &l), PARSE_OK);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

static void
test_form_pair_without_equals_has_empty_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "bevestigd&b=2", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "bevestigd");
	assert_non_null(l.items[0].val);
	assert_string_equal(l.items[0].val, "");
	assert_int_equal(l.items[0].vallen, 0);
	arena_free(&a);
}

static void
test_form_keeps_empty_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].val, "");
	assert_int_equal(l.items[0].vallen, 0);
	arena_free(&a);
}

static void
test_form_splits_on_first_equals(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=b=c", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "a");
	assert_string_equal(l.items[0].val, "b=c");
	arena_free(&a);
}

static void
test_form_rejects_empty_key(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "=x", &l), PARSE_BAD_SYNTAX);
	assert_int_equal(form(&a, "a=1&=x", &l), PARSE_BAD_SYNTAX);
	arena_free(&a);
}

static void
test_form_rejects_bare_equals(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=1&=&b=2", &l), PARSE_BAD_SYNTAX);
	arena_free(&a);
}

/* "f0=1&f1=1&..." with count fields, padded with empty pairs. */
static char *
many_fields(size_t count, size_t *len)
{
	size_t i, off = 0, size = count * 16 + 16;
	char *s = malloc(size);

	assert_non_null(s);
	off += (size_t)snprintf(s + off, size - off, "&&");
	for (i = 0; i < count; i++)
		off += (size_t)snprintf(s + off, size - off, "f%zu=1&&", i);
	*len = off;
	return s;
}

static void
test_form_accepts_max_fields(void **state)
{
	struct arena a;
	struct kvlist l;
	size_t len;
	char *s = many_fields(WZ_MAX_FIELDS, &len);

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form_parse(&a, s, len, &l), PARSE_OK);
	assert_int_equal(l.n, WZ_MAX_FIELDS);
	assert_string_equal(l.items[WZ_MAX_FIELDS - 1].key, "f255");
	arena_free(&a);
	free(s);
}

static void
test_form_rejects_too_many_fields(void **state)
{
	struct arena a;
	struct kvlist l;
	size_t len;
	char *s = many_fields(WZ_MAX_FIELDS + 1, &len);

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form_parse(&a, s, len, &l), PARSE_TOO_MANY);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	arena_free(&a);
	free(s);
}

static void
test_form_accepts_max_field_name(void **state)
{
	struct arena a;
	struct kvlist l;
	char s[WZ_MAX_FIELD_NAME + 3];

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	memset(s, 'k', WZ_MAX_FIELD_NAME);
	memcpy(s + WZ_MAX_FIELD_NAME, "=1", 3);
	assert_int_equal(form(&a, s, &l), PARSE_OK);
	assert_int_equal(strlen(l.items[0].key), WZ_MAX_FIELD_NAME);
	arena_free(&a);
}

static void
test_form_rejects_overlong_field_name(void **state)
{
	struct arena a;
	struct kvlist l;
	char s[WZ_MAX_FIELD_NAME + 4];

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	memset(s, 'k', WZ_MAX_FIELD_NAME + 1);
	memcpy(s + WZ_MAX_FIELD_NAME + 1, "=1", 3);
	assert_int_equal(form(&a, s, &l), PARSE_TOO_LONG);
	assert_null(l.items);
	arena_free(&a);
}

static void
test_form_measures_field_name_after_decoding(void **state)
{
	struct arena a;
	struct kvlist l;
	char s[3 * WZ_MAX_FIELD_NAME + 3];
	size_t i;

	/* 384 bytes on the wire, 128 decoded: within the limit. */
	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	for (i = 0; i < WZ_MAX_FIELD_NAME; i++)
		memcpy(s + 3 * i, "%6B", 3);
	memcpy(s + 3 * WZ_MAX_FIELD_NAME, "=1", 3);
	assert_int_equal(form(&a, s, &l), PARSE_OK);
	assert_int_equal(strlen(l.items[0].key), WZ_MAX_FIELD_NAME);
	arena_free(&a);
}

static void
test_form_rejects_body_over_limit(void **state)
{
	struct arena a;
	struct kvlist l;
	char *s = malloc(WZ_MAX_BODY + 1);

	assert_non_null(s);
	memset(s, 'a', WZ_MAX_BODY + 1);
	s[0] = 'k';
	s[1] = '=';
	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form_parse(&a, s, WZ_MAX_BODY + 1, &l),
	    PARSE_TOO_LONG);
	assert_null(l.items);
	/* One byte less is fine. */
	assert_int_equal(form_parse(&a, s, WZ_MAX_BODY, &l), PARSE_OK);
	assert_int_equal(l.items[0].vallen, WZ_MAX_BODY - 2);
	arena_free(&a);
	free(s);
}

static void
test_form_rejects_invalid_utf8_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=1&naam=%FF", &l), PARSE_BAD_UTF8);
	assert_null(l.items);
	arena_free(&a);
}

static void
test_form_rejects_invalid_utf8_key(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "na%C0%80am=1", &l), PARSE_BAD_UTF8);
	arena_free(&a);
}

static void
test_form_rejects_bad_percent_in_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=100%", &l), PARSE_BAD_PERCENT);
	arena_free(&a);
}

static void
test_form_rejects_encoded_nul_in_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "rol=admin%00gast", &l), PARSE_NUL);
	arena_free(&a);
}

static void
test_form_rejects_newline_in_key(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a%0Ab=1", &l), PARSE_NUL);
	arena_free(&a);
}

static void
test_form_allows_newlines_in_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "notitie=regel+1%0D%0Aregel+2", &l),
	    PARSE_OK);
	assert_string_equal(l.items[0].val, "regel 1\r\nregel 2");
	arena_free(&a);
}

static void
test_form_clears_output_on_error(void **state)
{
	struct arena a;
	struct kvlist l = { (struct kv *)&l, 7 };

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=1&b=%zz", &l), PARSE_BAD_PERCENT);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

static void
test_form_reports_nomem_when_arena_full(void **state)
{
	struct arena a;
	struct kvlist l;
	char s[2000];

	/* Deliberately tiny: the fields cannot fit. */
	assert_int_equal(arena_init(&a, 64, 256), 0);
	memset(s, 'v', sizeof(s));
	memcpy(s, "k=", 2);
	assert_int_equal(form_parse(&a, s, sizeof(s), &l), PARSE_NOMEM);
	assert_null(l.items);
	arena_free(&a);
}

static void
test_kv_get_returns_first_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "a=1&b=2&a=3", &l), PARSE_OK);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "b"), "2");
	arena_free(&a);
}

static void
test_kv_get_returns_null_for_missing_key(void **state)
{
	struct arena a;
	struct kvlist l;
	struct kvlist empty = { NULL, 0 };

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(form(&a, "ab=1", &l), PARSE_OK);
	assert_null(kv_get(&l, "a"));
	assert_null(kv_get(&l, "abc"));
	assert_null(kv_get(&empty, "a"));
	arena_free(&a);
}

/*
 * cookie_parse
 */

static void
test_cookie_parses_pairs(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "sid=abc123; taal=nl", &l),
	    PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "sid");
	assert_string_equal(l.items[0].val, "abc123");
	assert_int_equal(l.items[0].vallen, 6);
	assert_string_equal(kv_get(&l, "taal"), "nl");
	arena_free(&a);
}

static void
test_cookie_reads_quoted_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "sid=\"abc123\"", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].val, "abc123");
	assert_int_equal(l.items[0].vallen, 6);
	arena_free(&a);
}

static void
test_cookie_keeps_empty_value(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "a=; b=\"\"", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].val, "");
	assert_string_equal(l.items[1].val, "");
	arena_free(&a);
}

static void
test_cookie_skips_malformed_pair(void **state)
{
	struct arena a;
	struct kvlist l;
	const char *h = "eerste=1; zonder-is; =leeg; sp ace=2; x=a b; "
	    "y=\"open; q=a\"b; c=a,b; bs=a\\b; n\xc3\xa9=3; "
	    "v=\xc3\xa9; laatste=4";

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, h, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "eerste");
	assert_string_equal(l.items[1].key, "laatste");
	arena_free(&a);
}

static void
test_cookie_skips_control_bytes(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "a=x\x01y; b\x7f=1; c=2", &l),
	    PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "c");
	arena_free(&a);
}

static void
test_cookie_tolerates_irregular_whitespace(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "  a=1;b=2 ;\tc = 3 ;;", &l),
	    PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "b"), "2");
	assert_string_equal(kv_get(&l, "c"), "3");
	arena_free(&a);
}

static void
test_cookie_does_not_percent_decode(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "a=%41+b", &l), PARSE_OK);
	assert_string_equal(kv_get(&l, "a"), "%41+b");
	arena_free(&a);
}

static void
test_cookie_keeps_duplicates_in_order(void **state)
{
	struct arena a;
	struct kvlist l;

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, "sid=pad; sid=root", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(kv_get(&l, "sid"), "pad");
	assert_string_equal(l.items[1].val, "root");
	arena_free(&a);
}

static void
test_cookie_empty_header_is_empty_list(void **state)
{
	struct arena a;
	struct kvlist l = { (struct kv *)&l, 7 };

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, NULL, &l), PARSE_OK);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	assert_int_equal(cookie_parse(&a, "", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(cookie_parse(&a, " ; ;", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

/* "c0=v; c1=v; ..." with count cookies, each followed by a bad pair. */
static char *
many_cookies(size_t count)
{
	size_t i, off = 0, size = count * 24 + 1;
	char *s = malloc(size);

	assert_non_null(s);
	s[0] = '\0';
	for (i = 0; i < count; i++)
		off += (size_t)snprintf(s + off, size - off,
		    "c%zu=v; kapot; ", i);
	return s;
}

static void
test_cookie_accepts_max_cookies(void **state)
{
	struct arena a;
	struct kvlist l;
	char *s = many_cookies(WZ_MAX_COOKIES);

	/* The skipped pairs do not count towards the limit. */
	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, s, &l), PARSE_OK);
	assert_int_equal(l.n, WZ_MAX_COOKIES);
	arena_free(&a);
	free(s);
}

static void
test_cookie_rejects_too_many(void **state)
{
	struct arena a;
	struct kvlist l;
	char *s = many_cookies(WZ_MAX_COOKIES + 1);

	assert_int_equal(arena_init(&a, ARENA_BLOCK, ARENA_LIMIT), 0);
	assert_int_equal(cookie_parse(&a, s, &l), PARSE_TOO_MANY);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	arena_free(&a);
	free(s);
}

/*
 * json_body_parse
 */

static void
test_json_parses_object(void **state)
{
	struct json_object *o, *v;
	const char *s = "{\"naam\":\"Jansen\",\"leeftijd\":42,\"tags\":[]}";

	assert_int_equal(json_body_parse(s, strlen(s), &o), PARSE_OK);
	assert_true(json_object_is_type(o, json_type_object));
	assert_true(json_object_object_get_ex(o, "leeftijd", &v));
	assert_int_equal(json_object_get_int(v), 42);
	json_object_put(o);
}

static void
test_json_accepts_number_at_end_of_input(void **state)
{
	struct json_object *o;

	/* No closing character: the parser must be told the input ends. */
	assert_int_equal(json_body_parse("42", 2, &o), PARSE_OK);
	assert_int_equal(json_object_get_int(o), 42);
	json_object_put(o);
	assert_int_equal(JSON_ERR("true"), PARSE_OK);
	assert_int_equal(JSON_ERR("-1.5e3"), PARSE_OK);
}

static void
test_json_accepts_surrounding_whitespace(void **state)
{
	assert_int_equal(JSON_ERR(" \r\n\t{\"a\":1} \r\n\t"), PARSE_OK);
	assert_int_equal(JSON_ERR("7 \n"), PARSE_OK);
}

static void
test_json_accepts_utf8_in_string(void **state)
{
	assert_int_equal(JSON_ERR("[\"caf\xc3\xa9 \xf0\x9f\x98\x80\"]"),
	    PARSE_OK);
}

static void
test_json_accepts_null_inside_value(void **state)
{
	assert_int_equal(JSON_ERR("{\"a\":null}"), PARSE_OK);
}

static void
test_json_accepts_max_depth(void **state)
{
	size_t len;
	char *s = nested_arrays(WZ_MAX_JSON_DEPTH, "", &len);

	assert_int_equal(json_err(s, len), PARSE_OK);
	free(s);
}

static void
test_json_rejects_deep_nesting(void **state)
{
	size_t len;
	char *s;

	s = nested_arrays(WZ_MAX_JSON_DEPTH + 1, "", &len);
	assert_int_equal(json_err(s, len), PARSE_TOO_DEEP);
	free(s);
	s = nested_arrays(10000, "", &len);
	assert_int_equal(json_err(s, len), PARSE_TOO_DEEP);
	free(s);
	/* Unclosed: the depth is found before the end is missed. */
	s = nested_arrays(10000, "", &len);
	assert_int_equal(json_err(s, 10000), PARSE_TOO_DEEP);
	free(s);
}

static void
test_json_rejects_deep_objects(void **state)
{
	char s[16 * (WZ_MAX_JSON_DEPTH + 2)];
	size_t i, off = 0;

	for (i = 0; i <= WZ_MAX_JSON_DEPTH; i++)
		off += (size_t)snprintf(s + off, sizeof(s) - off, "{\"a\":");
	off += (size_t)snprintf(s + off, sizeof(s) - off, "{}");
	for (i = 0; i <= WZ_MAX_JSON_DEPTH; i++)
		s[off++] = '}';
	assert_int_equal(json_err(s, off), PARSE_TOO_DEEP);
}

static void
test_json_counts_innermost_value_as_a_level(void **state)
{
	size_t len;
	char *s;

	/*
	 * json-c counts levels of values, so a scalar inside the deepest
	 * array is one level too many; one array fewer leaves room.
	 */
	s = nested_arrays(WZ_MAX_JSON_DEPTH, "1", &len);
	assert_int_equal(json_err(s, len), PARSE_TOO_DEEP);
	free(s);
	s = nested_arrays(WZ_MAX_JSON_DEPTH - 1, "1", &len);
	assert_int_equal(json_err(s, len), PARSE_OK);
	free(s);
}

static void
test_json_rejects_trailing_garbage(void **state)
{
	assert_int_equal(JSON_ERR("{} x"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{}{}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[1]]"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("1 2"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{}\f"), PARSE_BAD_JSON);
}

static void
test_json_rejects_invalid_utf8_in_string(void **state)
{
	assert_int_equal(JSON_ERR("[\"caf\xe9\"]"), PARSE_BAD_UTF8);
	assert_int_equal(JSON_ERR("[\"\xff\"]"), PARSE_BAD_UTF8);
}

static void
test_json_rejects_overlong_utf8_in_string(void **state)
{
	/* json-c's own check lets these through. */
	assert_int_equal(JSON_ERR("[\"\xc0\x80\"]"), PARSE_BAD_UTF8);
	assert_int_equal(JSON_ERR("[\"\xe0\x80\xaf\"]"), PARSE_BAD_UTF8);
}

static void
test_json_rejects_surrogate_utf8_in_string(void **state)
{
	assert_int_equal(JSON_ERR("[\"\xed\xa0\x80\"]"), PARSE_BAD_UTF8);
}

static void
test_json_rejects_truncated(void **state)
{
	assert_int_equal(JSON_ERR("{\"a\":"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[1"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("\"abc"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("tru"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("1e"), PARSE_BAD_JSON);
	/* Cut inside a UTF-8 sequence. */
	assert_int_equal(JSON_ERR("[\"\xc3"), PARSE_BAD_UTF8);
}

static void
test_json_rejects_empty_body(void **state)
{
	assert_int_equal(json_err(NULL, 0), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR(""), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR(" \n"), PARSE_BAD_JSON);
}

static void
test_json_rejects_over_limit(void **state)
{
	char *s = malloc(WZ_MAX_BODY + 1);

	assert_non_null(s);
	memset(s, ' ', WZ_MAX_BODY + 1);
	s[0] = '1';
	assert_int_equal(json_err(s, WZ_MAX_BODY + 1), PARSE_TOO_LONG);
	free(s);
}

static void
test_json_accepts_body_at_limit(void **state)
{
	char *s = malloc(WZ_MAX_BODY);

	assert_non_null(s);
	memset(s, 'a', WZ_MAX_BODY);
	s[0] = '"';
	s[WZ_MAX_BODY - 1] = '"';
	assert_int_equal(json_err(s, WZ_MAX_BODY), PARSE_OK);
	free(s);
}

static void
test_json_rejects_nul_byte(void **state)
{
	assert_int_equal(JSON_ERR("[1]\0"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[\"a\0b\"]"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("1\0 2"), PARSE_BAD_JSON);
}

static void
test_json_rejects_escaped_nul(void **state)
{
	assert_int_equal(JSON_ERR("[\"admin\\u0000gast\"]"), PARSE_BAD_JSON);
	/* json-c would cut this key short to "rol". */
	assert_int_equal(JSON_ERR("{\"rol\\u0000x\":1}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[\"\\\\\\u0000\"]"), PARSE_BAD_JSON);
}

static void
test_json_accepts_escaped_backslash_before_u0000(void **state)
{
	struct json_object *o;
	const char *s = "\"\\\\u0000\"";

	/* \\u0000 is a backslash and the text "u0000", not a NUL. */
	assert_int_equal(json_body_parse(s, strlen(s), &o), PARSE_OK);
	assert_string_equal(json_object_get_string(o), "\\u0000");
	json_object_put(o);
}

static void
test_json_rejects_non_finite_numbers(void **state)
{
	assert_int_equal(JSON_ERR("NaN"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[Infinity]"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{\"a\":-Infinity}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{\"a\":[1e999]}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("-1e400"), PARSE_BAD_JSON);
}

static void
test_json_rejects_non_strict_syntax(void **state)
{
	assert_int_equal(JSON_ERR("[1,]"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{\"a\":1,}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("{a:1}"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("/* c */ 1"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("01"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR("[\"\\x41\"]"), PARSE_BAD_JSON);
}

static void
test_json_rejects_top_level_null(void **state)
{
	assert_int_equal(JSON_ERR("null"), PARSE_BAD_JSON);
	assert_int_equal(JSON_ERR(" null "), PARSE_BAD_JSON);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_strerror_has_message_for_every_code),
		cmocka_unit_test(test_parse_strerror_messages_are_distinct),
		cmocka_unit_test(test_parse_strerror_has_message_for_unknown_code),
		cmocka_unit_test(test_parse_strerror_names_the_problem),

		cmocka_unit_test(test_utf8_accepts_empty),
		cmocka_unit_test(test_utf8_accepts_ascii),
		cmocka_unit_test(test_utf8_accepts_2_byte),
		cmocka_unit_test(test_utf8_accepts_3_byte),
		cmocka_unit_test(test_utf8_accepts_4_byte),
		cmocka_unit_test(test_utf8_accepts_nul_byte),
		cmocka_unit_test(test_utf8_rejects_overlong),
		cmocka_unit_test(test_utf8_rejects_surrogate),
		cmocka_unit_test(test_utf8_rejects_above_max),
		cmocka_unit_test(test_utf8_rejects_truncated),
		cmocka_unit_test(test_utf8_rejects_stray_continuation),
		cmocka_unit_test(test_utf8_rejects_bad_byte_after_long_ascii_run),

		cmocka_unit_test(test_percent_decodes_mixed_case_hex),
		cmocka_unit_test(test_percent_leaves_plain_text_unchanged),
		cmocka_unit_test(test_percent_decodes_empty_input),
		cmocka_unit_test(test_percent_plus_becomes_space_in_forms),
		cmocka_unit_test(test_percent_plus_stays_in_paths),
		cmocka_unit_test(test_percent_encoded_plus_stays_plus),
		cmocka_unit_test(test_percent_decodes_only_once),
		cmocka_unit_test(test_percent_rejects_truncated_escape),
		cmocka_unit_test(test_percent_rejects_non_hex_digits),
		cmocka_unit_test(test_percent_rejects_encoded_nul),
		cmocka_unit_test(test_percent_rejects_raw_nul),
		cmocka_unit_test(test_percent_rejects_encoded_control_bytes),
		cmocka_unit_test(test_percent_rejects_raw_control_bytes),
		cmocka_unit_test(test_percent_rejects_newlines_when_not_allowed),
		cmocka_unit_test(test_percent_allows_newlines_in_values),
		cmocka_unit_test(test_percent_rejects_other_controls_in_values),
		cmocka_unit_test(test_percent_rejects_invalid_utf8),
		cmocka_unit_test(test_percent_rejects_raw_invalid_utf8),
		cmocka_unit_test(test_percent_accepts_raw_utf8),
		cmocka_unit_test(test_percent_clears_output_on_error),
		cmocka_unit_test(test_percent_reports_nomem_when_arena_full),

		cmocka_unit_test(test_form_parses_pairs_in_order),
		cmocka_unit_test(test_form_plus_is_space),
		cmocka_unit_test(test_form_decodes_key_and_value),
		cmocka_unit_test(test_form_skips_empty_pairs),
		cmocka_unit_test(test_form_empty_input_is_empty_list),
		cmocka_unit_test(test_form_pair_without_equals_has_empty_value),
		cmocka_unit_test(test_form_keeps_empty_value),
		cmocka_unit_test(test_form_splits_on_first_equals),
		cmocka_unit_test(test_form_rejects_empty_key),
		cmocka_unit_test(test_form_rejects_bare_equals),
		cmocka_unit_test(test_form_accepts_max_fields),
		cmocka_unit_test(test_form_rejects_too_many_fields),
		cmocka_unit_test(test_form_accepts_max_field_name),
		cmocka_unit_test(test_form_rejects_overlong_field_name),
		cmocka_unit_test(test_form_measures_field_name_after_decoding),
		cmocka_unit_test(test_form_rejects_body_over_limit),
		cmocka_unit_test(test_form_rejects_invalid_utf8_value),
		cmocka_unit_test(test_form_rejects_invalid_utf8_key),
		cmocka_unit_test(test_form_rejects_bad_percent_in_value),
		cmocka_unit_test(test_form_rejects_encoded_nul_in_value),
		cmocka_unit_test(test_form_rejects_newline_in_key),
		cmocka_unit_test(test_form_allows_newlines_in_value),
		cmocka_unit_test(test_form_clears_output_on_error),
		cmocka_unit_test(test_form_reports_nomem_when_arena_full),
		cmocka_unit_test(test_kv_get_returns_first_value),
		cmocka_unit_test(test_kv_get_returns_null_for_missing_key),

		cmocka_unit_test(test_cookie_parses_pairs),
		cmocka_unit_test(test_cookie_reads_quoted_value),
		cmocka_unit_test(test_cookie_keeps_empty_value),
		cmocka_unit_test(test_cookie_skips_malformed_pair),
		cmocka_unit_test(test_cookie_skips_control_bytes),
		cmocka_unit_test(test_cookie_tolerates_irregular_whitespace),
		cmocka_unit_test(test_cookie_does_not_percent_decode),
		cmocka_unit_test(test_cookie_keeps_duplicates_in_order),
		cmocka_unit_test(test_cookie_empty_header_is_empty_list),
		cmocka_unit_test(test_cookie_accepts_max_cookies),
		cmocka_unit_test(test_cookie_rejects_too_many),

		cmocka_unit_test(test_json_parses_object),
		cmocka_unit_test(test_json_accepts_number_at_end_of_input),
		cmocka_unit_test(test_json_accepts_surrounding_whitespace),
		cmocka_unit_test(test_json_accepts_utf8_in_string),
		cmocka_unit_test(test_json_accepts_null_inside_value),
		cmocka_unit_test(test_json_accepts_max_depth),
		cmocka_unit_test(test_json_rejects_deep_nesting),
		cmocka_unit_test(test_json_rejects_deep_objects),
		cmocka_unit_test(test_json_counts_innermost_value_as_a_level),
		cmocka_unit_test(test_json_rejects_trailing_garbage),
		cmocka_unit_test(test_json_rejects_invalid_utf8_in_string),
		cmocka_unit_test(test_json_rejects_overlong_utf8_in_string),
		cmocka_unit_test(test_json_rejects_surrogate_utf8_in_string),
		cmocka_unit_test(test_json_rejects_truncated),
		cmocka_unit_test(test_json_rejects_empty_body),
		cmocka_unit_test(test_json_rejects_over_limit),
		cmocka_unit_test(test_json_accepts_body_at_limit),
		cmocka_unit_test(test_json_rejects_nul_byte),
		cmocka_unit_test(test_json_rejects_escaped_nul),
		cmocka_unit_test(test_json_accepts_escaped_backslash_before_u0000),
		cmocka_unit_test(test_json_rejects_non_finite_numbers),
		cmocka_unit_test(test_json_rejects_non_strict_syntax),
		cmocka_unit_test(test_json_rejects_top_level_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
