/*
 * test_getal.c — strict whole numbers and amounts (core/getal.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/getal.h"
#include "core/limits.h"

static int
lees(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return getal_lees(s, strlen(s), min, max, out);
}

static void
test_digits_in_range(void **state)
{
	int64_t v = -1;

	(void)state;
	assert_int_equal(lees("0", 0, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(lees("10", 0, 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(lees("007", 0, 10, &v), 0);   /* zeros in front: a number */
	assert_int_equal(v, 7);
	assert_int_equal(lees("999999999999999999", 0, INT64_MAX, &v), 0);
	assert_int_equal(v, 999999999999999999LL);
	assert_int_equal(getal_lees_str("42", 1, 500, &v), 0);
	assert_int_equal(v, 42);
}

static void
test_everything_else_refused_out_untouched(void **state)
{
	static const char *const bad[] = {
		"", " 1", "1 ", "+1", "-1", "1e3", "0x10", "1.0", "1,0", "1_000",
		"1000000000000000000",       /* 19 digits */
		"\xd9\xa1",                  /* ARABIC-INDIC DIGIT ONE */
	};
	int64_t v = 77;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(lees(bad[i], 0, INT64_MAX, &v), -1);
		assert_int_equal(v, 77);
	}
	assert_int_equal(lees("11", 0, 10, &v), -1);
	assert_int_equal(lees("0", 1, 10, &v), -1);
	assert_int_equal(getal_lees_str(NULL, 0, 10, &v), -1);
	/* n bytes, not the C string: "12" of "123". */
	assert_int_equal(getal_lees("123", 2, 0, 100, &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(getal_lees("1\0" "2", 3, 0, 100, &v), -1);
}

static void
test_ids(void **state)
{
	(void)state;
	assert_int_equal(getal_id("1", 1), 1);
	assert_int_equal(getal_id("9007199254740991", 16), WZ_MAX_ID);
	assert_int_equal(getal_id("9007199254740992", 16), 0);
	assert_int_equal(getal_id("0", 1), 0);
	assert_int_equal(getal_id("07", 2), 0);
	assert_int_equal(getal_id("", 0), 0);
	assert_int_equal(getal_id(NULL, 0), 0);
	assert_int_equal(getal_id("12a", 3), 0);
}

static void
test_amounts_in_cents(void **state)
{
	int64_t c = -1;

	(void)state;
	assert_int_equal(getal_bedrag("1250000", 7, 1000000000000LL, &c), 0);
	assert_int_equal(c, 125000000);
	assert_int_equal(getal_bedrag("1250000,50", 10, 1000000000000LL, &c), 0);
	assert_int_equal(c, 125000050);
	assert_int_equal(getal_bedrag("1250000.5", 9, 1000000000000LL, &c), 0);
	assert_int_equal(c, 125000050);
	assert_int_equal(getal_bedrag("0,07", 4, 100, &c), 0);
	assert_int_equal(c, 7);
	c = 5;
	assert_int_equal(getal_bedrag("100", 3, 100, &c), -1);     /* not below max */
	assert_int_equal(getal_bedrag("1.000,00", 8, 1000000, &c), -1);
	assert_int_equal(getal_bedrag("12,", 3, 1000, &c), -1);
	assert_int_equal(getal_bedrag("12,345", 6, 1000, &c), -1);
	assert_int_equal(getal_bedrag(",50", 3, 1000, &c), -1);
	assert_int_equal(getal_bedrag("-5", 2, 1000, &c), -1);
	assert_int_equal(getal_bedrag("1e3", 3, 10000, &c), -1);
	assert_int_equal(getal_bedrag("", 0, 1000, &c), -1);
	assert_int_equal(c, 5);
}

/* The fixed-point writer both faces of the figures use: the API's "12.5"
 * and the page's "1.234,5" from the same integer, never via a double. */
static void
schrijven(void **state)
{
	char b[GETAL_TEKST_MAX];

	(void)state;
	assert_string_equal(getal_schrijf(0, 1, ',', '.', b), "0");
	assert_string_equal(getal_schrijf(7, 1, ',', '.', b), "7");
	assert_string_equal(getal_schrijf(1234567, 1, ',', '.', b), "1.234.567");
	assert_string_equal(getal_schrijf(1234567, 1, '.', 0, b), "1234567");
	assert_string_equal(getal_schrijf(125, 10, '.', 0, b), "12.5");
	assert_string_equal(getal_schrijf(125, 10, ',', '.', b), "12,5");
	assert_string_equal(getal_schrijf(12345, 10, ',', '.', b), "1.234,5");
	assert_string_equal(getal_schrijf(5, 10, '.', 0, b), "0.5");
	assert_string_equal(getal_schrijf(-5, 10, '.', 0, b), "-0.5");
	assert_string_equal(getal_schrijf(90, 10, ',', '.', b), "9,0");
	assert_string_equal(getal_schrijf(7, 100, ',', '.', b), "0,07");
	assert_string_equal(getal_schrijf(-1000, 1, ',', '.', b), "-1.000");
	assert_string_equal(getal_schrijf(INT64_MIN, 1, '.', 0, b),
	    "-9223372036854775808");
	assert_string_equal(getal_schrijf(INT64_MAX, 10, ',', '.', b),
	    "922.337.203.685.477.580,7");
	/* A schaal that is no power of ten counts as 1. */
	assert_string_equal(getal_schrijf(42, 7, ',', '.', b), "42");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schrijven),
		cmocka_unit_test(test_digits_in_range),
		cmocka_unit_test(test_everything_else_refused_out_untouched),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_amounts_in_cents),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
