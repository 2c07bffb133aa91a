/*
 * test_datum.c — day numbers (core/datum.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip_1600_to_2400),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
