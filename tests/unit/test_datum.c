/*
 * test_datum.c — day numbers (core/datum.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/datum.h"

static void
test_known_days(void **state)
{
	(void)state;
	assert_int_equal(datum_dag(1970, 1, 1), 0);
	assert_int_equal(datum_dag(1970, 1, 2), 1);
	assert_int_equal(datum_dag(1969, 12, 31), -1);
	/* Excel's day 0 (1899-12-30) is 25,569 days before 1970. */
	assert_int_equal(datum_dag(1899, 12, 30), -25569);
	assert_int_equal(datum_dag(2000, 3, 1) - datum_dag(2000, 2, 28), 2);
	assert_int_equal(datum_dag(2100, 3, 1) - datum_dag(2100, 2, 28), 1);
	assert_int_equal(datum_dag(2024, 12, 31) - datum_dag(2024, 1, 1), 365);
}

static void
test_round_trip_1600_to_2400(void **state)
{
	long n;
	int y, m, d, py = 0, pm = 0, pd = 0;

	(void)state;
	for (n = datum_dag(1600, 1, 1); n <= datum_dag(2400, 12, 31); n++) {
		datum_van_dag(n, &y, &m, &d);
		assert_int_equal(datum_dag(y, m, d), n);
		/* Consecutive days: the next day of the month, or day 1. */
		if (py != 0)
			assert_true((y == py && m == pm && d == pd + 1) || d == 1);
		py = y;
		pm = m;
		pd = d;
	}
}

static void
test_reads_iso_dates_strictly(void **state)
{
	long dag = 123;
	char out[11];

	(void)state;
	assert_int_equal(datum_lees_str("1970-01-01", 1900, 2999, &dag), 0);
	assert_int_equal(dag, 0);
	assert_int_equal(datum_lees_str("2024-02-29", 1900, 2999, &dag), 0);
	assert_int_equal(dag, datum_dag(2024, 2, 29));
	assert_string_equal(datum_tekst(dag, out), "2024-02-29");
	assert_string_equal(datum_tekst(datum_dag(1900, 3, 1), out), "1900-03-01");
	dag = 123;
	assert_int_equal(datum_lees_str("2023-02-29", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("1900-02-29", 1000, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-04-31", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-13-01", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-00-10", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-01-00", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-1-01", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024/01/01", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("2024-01-01 ", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("+024-01-01", 1, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("01-01-2024", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str(NULL, 1900, 2999, &dag), -1);
	/* The year range is the caller's. */
	assert_int_equal(datum_lees_str("1899-12-31", 1900, 2999, &dag), -1);
	assert_int_equal(datum_lees_str("3000-01-01", 1900, 2999, &dag), -1);
	assert_int_equal(dag, 123);
	assert_int_equal(datum_lees_str("1899-12-31", 1000, 9999, &dag), 0);
	/* n bytes of a longer text. */
	assert_int_equal(datum_lees("2024-05-06T10:00", 10, 1900, 2999, &dag), 0);
	assert_int_equal(dag, datum_dag(2024, 5, 6));
}

static void
test_calendar_days_exist(void **state)
{
	(void)state;
	assert_true(datum_bestaat(2000, 2, 29));
	assert_false(datum_bestaat(2100, 2, 29));
	assert_true(datum_bestaat(2024, 12, 31));
	assert_false(datum_bestaat(2024, 11, 31));
	assert_false(datum_bestaat(0, 1, 1));
	assert_false(datum_bestaat(10000, 1, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip_1600_to_2400),
		cmocka_unit_test(test_reads_iso_dates_strictly),
		cmocka_unit_test(test_calendar_days_exist),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
