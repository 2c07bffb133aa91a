/*
 * test_csv.c — the CSV writer (src/doc/csvrecord.h): RFC 4180 quoting with ';'
 * as separator, and the guard against formula injection.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "doc/csvrecord.h"

/* Encodes s as one field and checks the result and the predicted length. */
static void
assert_field(const char *s, const char *want)
{
	struct arena a;
	struct buf b;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	buf_init(&b, &a);
	csv_field(&b, s, s != NULL ? strlen(s) : 0);
	assert_false(b.failed);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.len ? b.data : "", want, strlen(want));
	assert_int_equal(csv_field_len(s, s != NULL ? strlen(s) : 0), strlen(want));
	arena_free(&a);
}

static void
test_plain_field_is_written_as_is(void **state)
{
	assert_field("inloggen", "inloggen");
	assert_field("POST /api/v1/sessies", "POST /api/v1/sessies");
	assert_field("2025-03-01T09:30:00Z", "2025-03-01T09:30:00Z");
	assert_field("beëindigd", "beëindigd");
}

static void
test_empty_and_null_fields_are_empty(void **state)
{
	assert_field("", "");
	assert_field(NULL, "");
}

static void
test_separator_comma_quote_and_newlines_are_quoted(void **state)
{
	assert_field("a;b", "\"a;b\"");
	assert_field("a,b", "\"a,b\"");
	assert_field("regel 1\nregel 2", "\"regel 1\nregel 2\"");
	assert_field("a\r\nb", "\"a\r\nb\"");
}

static void
test_quotes_inside_are_doubled(void **state)
{
	assert_field("zei \"ja\"", "\"zei \"\"ja\"\"\"");
	assert_field("\"", "\"\"\"\"");
	assert_field("\"\"", "\"\"\"\"\"\"");
}

static void
test_formula_start_gets_a_single_quote(void **state)
{
	assert_field("=1+1", "'=1+1");
	assert_field("+31 6", "'+31 6");
	assert_field("-2", "'-2");
	assert_field("@SUM(A1)", "'@SUM(A1)");
	assert_field("\tx", "'\tx");
	assert_field("\r=1", "\"'\r=1\"");
}

static void
test_formula_that_needs_quotes_is_guarded_inside_the_quotes(void **state)
{
	assert_field("=HYPERLINK(\"http://x\";\"klik\")",
	    "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
	assert_field("=1,2", "\"'=1,2\"");
}

static void
test_formula_characters_later_in_a_field_are_left_alone(void **state)
{
	assert_field("a=1", "a=1");
	assert_field(" =1", " =1");
	assert_field("x-y@z", "x-y@z");
}

static void
test_record_joins_with_semicolons_and_ends_in_crlf(void **state)
{
	const char *f[] = { "1", NULL, "a;b", "=x", "" };
	const char *want = "1;;\"a;b\";'=x;\r\n";
	struct arena a;
	struct buf b;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	buf_init(&b, &a);
	csv_record(&b, f, NULL, 5);
	assert_string_equal(b.data, want);
	assert_int_equal(csv_record_len(f, NULL, 5), strlen(want));
	arena_free(&a);
}

static void
test_record_uses_given_lengths(void **state)
{
	const char *f[] = { "abcdef", "x;yz" };
	const size_t lens[] = { 3, 2 };
	struct arena a;
	struct buf b;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	buf_init(&b, &a);
	csv_record(&b, f, lens, 2);
	assert_string_equal(b.data, "abc;\"x;\"\r\n");
	assert_int_equal(csv_record_len(f, lens, 2), strlen("abc;\"x;\"\r\n"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_field_is_written_as_is),
		cmocka_unit_test(test_empty_and_null_fields_are_empty),
		cmocka_unit_test(test_separator_comma_quote_and_newlines_are_quoted),
		cmocka_unit_test(test_quotes_inside_are_doubled),
		cmocka_unit_test(test_formula_start_gets_a_single_quote),
		cmocka_unit_test(test_formula_that_needs_quotes_is_guarded_inside_the_quotes),
		cmocka_unit_test(test_formula_characters_later_in_a_field_are_left_alone),
		cmocka_unit_test(test_record_joins_with_semicolons_and_ends_in_crlf),
		cmocka_unit_test(test_record_uses_given_lengths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
