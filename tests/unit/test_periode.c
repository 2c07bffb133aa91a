/*
 * test_periode.c — reporting periods (domain/periode.h): strict codes,
 * hand-checked first and last days, steps across years, the period of a
 * day on its boundaries.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/datum.h"
#include "domain/periode.h"

/* The period of a code the test knows to be good. */
static struct periode
p(const char *code)
{
	struct periode r;

	assert_int_equal(periode_lees_str(code, &r), 0);
	return r;
}

static void
assert_days(const char *code, int y1, int m1, int d1, int y2, int m2, int d2)
{
	struct periode q = p(code);

	assert_int_equal(periode_eerste_dag(&q), datum_dag(y1, m1, d1));
	assert_int_equal(periode_laatste_dag(&q), datum_dag(y2, m2, d2));
}

static void
test_reads_each_kind(void **state)
{
	struct periode q;

	(void)state;
	q = p("2024");
	assert_int_equal(q.soort, PERIODE_JAAR);
	assert_int_equal(q.jaar, 2024);
	assert_int_equal(q.deel, 1);
	q = p("2024-H2");
	assert_int_equal(q.soort, PERIODE_HALFJAAR);
	assert_int_equal(q.deel, 2);
	q = p("1900-Q4");
	assert_int_equal(q.soort, PERIODE_KWARTAAL);
	assert_int_equal(q.jaar, 1900);
	assert_int_equal(q.deel, 4);
	/* n bytes of a longer text. */
	assert_int_equal(periode_lees("2999-Q1/rest", 7, &q), 0);
	assert_int_equal(q.jaar, 2999);
}

static void
test_rejects_malformed_codes(void **state)
{
	static const char *const fout[] = { "2024-H3", "2024-H0", "2024-Q0",
	    "2024-Q5", "2024-h1", "2024-q1", "24-H1", " 2024", "2024 ",
	    "2024-H1x", "2024-H", "2024-", "2024H1", "2024_H1", "2024-J1",
	    "2024-H01", "+024", "", "1899", "1899-Q4", "3000", "3000-H1",
	    "２０２４" };
	struct periode q = { PERIODE_JAAR, 1234, 1 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++)
		if (periode_lees_str(fout[i], &q) != -1)
			fail_msg("accepted \"%s\"", fout[i]);
	assert_int_equal(periode_lees_str(NULL, &q), -1);
	assert_int_equal(periode_lees(NULL, 4, &q), -1);
	/* A refusal leaves out alone. */
	assert_int_equal(q.jaar, 1234);
}

static void
test_code_round_trips(void **state)
{
	static const char *const codes[] = { "2024", "2024-H1", "2024-H2",
	    "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "1900", "2999-Q4" };
	char out[PERIODE_CODE_MAX];
	size_t i;
	struct periode q;

	(void)state;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		q = p(codes[i]);
		assert_string_equal(periode_code(&q, out), codes[i]);
	}
}

static void
test_code_of_invalid_period_is_empty(void **state)
{
	char out[PERIODE_CODE_MAX];
	struct periode q = { PERIODE_HALFJAAR, 2024, 3 };

	(void)state;
	assert_false(periode_geldig(&q));
	assert_string_equal(periode_code(&q, out), "");
	q = (struct periode){ PERIODE_KWARTAAL, 1899, 4 };
	assert_false(periode_geldig(&q));
	assert_string_equal(periode_code(&q, out), "");
	q = (struct periode){ (enum periode_soort)0, 2024, 1 };
	assert_false(periode_geldig(&q));
	assert_false(periode_geldig(NULL));
}

static void
test_labels_in_dutch(void **state)
{
	char out[PERIODE_LABEL_MAX], kort[8];
	struct periode q;

	(void)state;
	q = p("2024-H1");
	assert_string_equal(periode_label(&q, out, sizeof(out)),
	    "eerste halfjaar 2024");
	q = p("2024-H2");
	assert_string_equal(periode_label(&q, out, sizeof(out)),
	    "tweede halfjaar 2024");
	q = p("2024-Q3");
	assert_string_equal(periode_label(&q, out, sizeof(out)),
	    "derde kwartaal 2024");
	q = p("2024-Q4");
	assert_string_equal(periode_label(&q, out, sizeof(out)),
	    "vierde kwartaal 2024");
	q = p("2024");
	assert_string_equal(periode_label(&q, out, sizeof(out)), "2024");
	/* Truncated, still terminated. */
	q = p("2024-Q1");
	assert_string_equal(periode_label(&q, kort, sizeof(kort)), "eerste ");
}

static void
test_halfyear_days(void **state)
{
	(void)state;
	assert_days("2024-H1", 2024, 1, 1, 2024, 6, 30);
	assert_days("2024-H2", 2024, 7, 1, 2024, 12, 31);
}

static void
test_quarter_days(void **state)
{
	(void)state;
	assert_days("2024-Q1", 2024, 1, 1, 2024, 3, 31);   /* leap year */
	assert_days("2023-Q1", 2023, 1, 1, 2023, 3, 31);
	assert_days("2024-Q2", 2024, 4, 1, 2024, 6, 30);
	assert_days("2024-Q3", 2024, 7, 1, 2024, 9, 30);
	assert_days("2024-Q4", 2024, 10, 1, 2024, 12, 31);
}

static void
test_year_days(void **state)
{
	struct periode q;

	(void)state;
	assert_days("2024", 2024, 1, 1, 2024, 12, 31);
	q = p("2024");
	assert_int_equal(periode_laatste_dag(&q) - periode_eerste_dag(&q), 365);
	q = p("2023");
	assert_int_equal(periode_laatste_dag(&q) - periode_eerste_dag(&q), 364);
}

static void
test_steps_cross_years(void **state)
{
	char out[PERIODE_CODE_MAX];
	struct periode q, r;

	(void)state;
	q = p("2024-H1");
	r = periode_vorige(&q);
	assert_string_equal(periode_code(&r, out), "2023-H2");
	r = periode_volgende(&r);
	assert_string_equal(periode_code(&r, out), "2024-H1");
	q = p("2024-Q1");
	r = periode_vorige(&q);
	assert_string_equal(periode_code(&r, out), "2023-Q4");
	q = p("2024-Q4");
	r = periode_volgende(&q);
	assert_string_equal(periode_code(&r, out), "2025-Q1");
	q = p("2024-Q2");
	r = periode_volgende(&q);
	assert_string_equal(periode_code(&r, out), "2024-Q3");
	q = p("2024");
	r = periode_vorige(&q);
	assert_string_equal(periode_code(&r, out), "2023");
	r = periode_volgende(&q);
	assert_string_equal(periode_code(&r, out), "2025");
}

static void
test_steps_may_leave_the_range(void **state)
{
	struct periode q, r;

	(void)state;
	q = p("1900-Q1");
	r = periode_vorige(&q);
	assert_int_equal(r.jaar, 1899);
	assert_int_equal(r.deel, 4);
	assert_false(periode_geldig(&r));
	/* A period of no known shape does not move. */
	q = (struct periode){ PERIODE_KWARTAAL, 2024, 7 };
	r = periode_volgende(&q);
	assert_int_equal(r.jaar, 2024);
	assert_int_equal(r.deel, 7);
}

static void
test_period_of_a_day_on_boundaries(void **state)
{
	char out[PERIODE_CODE_MAX];
	struct periode r;

	(void)state;
	r = periode_van_dag(PERIODE_HALFJAAR, datum_dag(2024, 6, 30));
	assert_string_equal(periode_code(&r, out), "2024-H1");
	r = periode_van_dag(PERIODE_HALFJAAR, datum_dag(2024, 7, 1));
	assert_string_equal(periode_code(&r, out), "2024-H2");
	r = periode_van_dag(PERIODE_KWARTAAL, datum_dag(2024, 1, 1));
	assert_string_equal(periode_code(&r, out), "2024-Q1");
	r = periode_van_dag(PERIODE_KWARTAAL, datum_dag(2024, 3, 31));
	assert_string_equal(periode_code(&r, out), "2024-Q1");
	r = periode_van_dag(PERIODE_KWARTAAL, datum_dag(2024, 4, 1));
	assert_string_equal(periode_code(&r, out), "2024-Q2");
	r = periode_van_dag(PERIODE_KWARTAAL, datum_dag(2024, 9, 30));
	assert_string_equal(periode_code(&r, out), "2024-Q3");
	r = periode_van_dag(PERIODE_KWARTAAL, datum_dag(2024, 12, 31));
	assert_string_equal(periode_code(&r, out), "2024-Q4");
	r = periode_van_dag(PERIODE_JAAR, datum_dag(2023, 12, 31));
	assert_string_equal(periode_code(&r, out), "2023");
	r = periode_van_dag((enum periode_soort)9, datum_dag(2023, 12, 31));
	assert_false(periode_geldig(&r));
}

static void
test_every_day_in_exactly_its_period(void **state)
{
	enum periode_soort soort;
	struct periode r, v;
	long dag;

	(void)state;
	for (soort = PERIODE_JAAR; soort <= PERIODE_KWARTAAL; soort++)
		for (dag = datum_dag(2023, 1, 1); dag <= datum_dag(2025, 12, 31);
		    dag++) {
			r = periode_van_dag(soort, dag);
			assert_true(periode_bevat(&r, dag));
			v = periode_vorige(&r);
			assert_false(periode_bevat(&v, dag));
			/* Periods of a kind tile the calendar without gaps. */
			assert_int_equal(periode_laatste_dag(&v) + 1,
			    periode_eerste_dag(&r));
		}
}

static void
test_contains_its_first_and_last_day_only(void **state)
{
	struct periode q = p("2024-Q1");

	(void)state;
	assert_true(periode_bevat(&q, datum_dag(2024, 1, 1)));
	assert_true(periode_bevat(&q, datum_dag(2024, 2, 29)));
	assert_true(periode_bevat(&q, datum_dag(2024, 3, 31)));
	assert_false(periode_bevat(&q, datum_dag(2023, 12, 31)));
	assert_false(periode_bevat(&q, datum_dag(2024, 4, 1)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_each_kind),
		cmocka_unit_test(test_rejects_malformed_codes),
		cmocka_unit_test(test_code_round_trips),
		cmocka_unit_test(test_code_of_invalid_period_is_empty),
		cmocka_unit_test(test_labels_in_dutch),
		cmocka_unit_test(test_halfyear_days),
		cmocka_unit_test(test_quarter_days),
		cmocka_unit_test(test_year_days),
		cmocka_unit_test(test_steps_cross_years),
		cmocka_unit_test(test_steps_may_leave_the_range),
		cmocka_unit_test(test_period_of_a_day_on_boundaries),
		cmocka_unit_test(test_every_day_in_exactly_its_period),
		cmocka_unit_test(test_contains_its_first_and_last_day_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
