/*
 * test_streefwaarde.c — targets (domain/streefwaarde.h): reading
 * decimals, what is refused, which target applies to a cell, pro rata for
 * a telling only, and the status of every richting with every tolerance,
 * on and just beyond each bound — every expectation computed by hand in
 * the comment beside it.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "domain/streefwaarde.h"

#define E	STREEFWAARDE_SCHAAL

static struct periode
p(const char *code)
{
	struct periode r;

	assert_int_equal(periode_lees_str(code, &r), 0);
	return r;
}

/* A target of one richting for 2025-H1 for the gemeente. */
static struct streefwaarde
sw(enum sw_richting r, int64_t a, int64_t b, int64_t tol,
    enum sw_tolerantie soort)
{
	struct streefwaarde s;

	memset(&s, 0, sizeof(s));
	s.periode = p("2025-H1");
	s.richting = r;
	if (r == SW_BANDBREEDTE) {
		s.ondergrens = a;
		s.bovengrens = b;
	} else
		s.waarde = a;
	s.heeft_tolerantie = tol >= 0;
	s.tolerantie = tol >= 0 ? tol : 0;
	s.tolerantie_soort = soort;
	return s;
}

static enum sw_status
st(const struct streefwaarde *s, int deler, int64_t v, int schaal)
{
	struct sw_cel c = { s, deler };

	return streefwaarde_status(&c, v, schaal);
}

static void
test_reads_decimals_exactly(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(streefwaarde_getal_lees("12", &v), 0);
	assert_int_equal(v, 12 * E);
	assert_int_equal(streefwaarde_getal_lees("12.5", &v), 0);
	assert_int_equal(v, 125000);
	assert_int_equal(streefwaarde_getal_lees("0,0001", &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(streefwaarde_getal_lees("-3.25", &v), 0);
	assert_int_equal(v, -32500);
	assert_int_equal(streefwaarde_getal_lees("999999999999.9999", &v), 0);
}

static void
test_rejects_malformed_decimals(void **state)
{
	const char *bad[] = { "", "-", "1.", ".5", "1.23456", "+1", " 1", "1e3",
	    "1.2.3", "1000000000000", "abc", "1,5,0", "--1" };
	size_t i;
	int64_t v = 7;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(streefwaarde_getal_lees(bad[i], &v), -1);
		assert_int_equal(v, 7);
	}
	assert_int_equal(streefwaarde_getal_lees(NULL, &v), -1);
}

static void
test_writes_shortest_exact_decimal(void **state)
{
	char b[40];

	(void)state;
	assert_string_equal(streefwaarde_getal_tekst(125000, E, b), "12.5");
	assert_string_equal(streefwaarde_getal_tekst(30000, E, b), "3");
	assert_string_equal(streefwaarde_getal_tekst(-2500, E, b), "-0.25");
	assert_string_equal(streefwaarde_getal_tekst(25, 1000000, b), "0.000025");
	assert_string_equal(streefwaarde_getal_tekst(7, 1, b), "7");
}

static void
test_codes_round_trip(void **state)
{
	(void)state;
	assert_int_equal(streefwaarde_richting_lees("bandbreedte"), SW_BANDBREEDTE);
	assert_string_equal(streefwaarde_richting_code(SW_LAGER_BETER),
	    "lager_beter");
	assert_int_equal(streefwaarde_richting_lees("hoger"), 0);
	assert_int_equal(streefwaarde_tolerantie_lees("procent"), SW_PROCENT);
	assert_int_equal(streefwaarde_tolerantie_lees("Procent"), 0);
	assert_string_equal(streefwaarde_status_code(SW_OP_KOERS), "op_koers");
	assert_string_equal(streefwaarde_status_code(SW_GEEN_STREEFWAARDE),
	    "geen_streefwaarde");
	assert_null(streefwaarde_status_code(SW_ONDERDRUKT));
	assert_null(streefwaarde_status_code(SW_GEEN_WAARDE));
}

static void
test_refuses_quarter_and_reversed_band(void **state)
{
	struct streefwaarde s = sw(SW_BANDBREEDTE, 10 * E, 5 * E, -1, SW_ABSOLUUT);
	const char *veld = NULL, *m = NULL;

	(void)state;
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), -1);
	assert_string_equal(veld, "ondergrens");
	s.bovengrens = 10 * E;     /* equal bounds are a band of one value */
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), 0);
	s.periode = p("2025-Q2");
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), -1);
	assert_string_equal(veld, "periode");
	s = sw(SW_HOGER_BETER, 10 * E, 0, -1, SW_ABSOLUUT);
	s.heeft_tolerantie = 1;
	s.tolerantie = -1;
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), -1);
	assert_string_equal(veld, "tolerantie");
	s.tolerantie = 0;
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), 0);
	s.periode = p("2025");
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), 0);
	s.richting = 0;
	assert_int_equal(streefwaarde_controleer(&s, &veld, &m), -1);
	assert_string_equal(veld, "richting");
}

static void
test_no_target_is_geen_streefwaarde(void **state)
{
	struct sw_cel c;
	struct periode q = p("2025-H1");

	(void)state;
	streefwaarde_kies(NULL, 0, &q, 1, 2, SW_PRO_RATA, &c);
	assert_null(c.sw);
	assert_int_equal(streefwaarde_status(&c, 5, 1), SW_GEEN_STREEFWAARDE);
}

/* hoger_beter 10: without tolerance 10 is op koers, 9 is not. */
static void
test_hoger_beter_without_tolerance(void **state)
{
	struct streefwaarde s = sw(SW_HOGER_BETER, 10 * E, 0, -1, SW_ABSOLUUT);

	(void)state;
	assert_int_equal(st(&s, 1, 10, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 11, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 9, 1), SW_AFWIJKING);
	/* tenths: 9.9 < 10 */
	assert_int_equal(st(&s, 1, 99, 10), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 100, 10), SW_OP_KOERS);
}

/* hoger_beter 10, absoluut 2: op koers from 10 - 2 = 8. */
static void
test_hoger_beter_absolute(void **state)
{
	struct streefwaarde s = sw(SW_HOGER_BETER, 10 * E, 0, 2 * E, SW_ABSOLUUT);

	(void)state;
	assert_int_equal(st(&s, 1, 8, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 7, 1), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 79, 10), SW_AFWIJKING);
}

/* hoger_beter 80, procent 12.5: 12.5 % of 80 = 10, op koers from 70. */
static void
test_hoger_beter_percent(void **state)
{
	struct streefwaarde s = sw(SW_HOGER_BETER, 80 * E, 0, 125000, SW_PROCENT);

	(void)state;
	assert_int_equal(st(&s, 1, 70, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 699, 10), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 69, 1), SW_AFWIJKING);
}

/* lager_beter 20: 20 op koers, 21 not; absoluut 1.5: up to 21.5;
 * procent 10: 10 % of 20 = 2, up to 22. */
static void
test_lager_beter_each_tolerance(void **state)
{
	struct streefwaarde s = sw(SW_LAGER_BETER, 20 * E, 0, -1, SW_ABSOLUUT);

	(void)state;
	assert_int_equal(st(&s, 1, 20, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 0, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 21, 1), SW_AFWIJKING);
	s = sw(SW_LAGER_BETER, 20 * E, 0, 15000, SW_ABSOLUUT);
	assert_int_equal(st(&s, 1, 215, 10), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 216, 10), SW_AFWIJKING);
	s = sw(SW_LAGER_BETER, 20 * E, 0, 10 * E, SW_PROCENT);
	assert_int_equal(st(&s, 1, 22, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 221, 10), SW_AFWIJKING);
}

/* bandbreedte 10..20: both bounds included; absoluut 1: 9..21;
 * procent 10: 10 % of 10 = 1 below, 10 % of 20 = 2 above: 9..22. */
static void
test_bandbreedte_each_tolerance(void **state)
{
	struct streefwaarde s = sw(SW_BANDBREEDTE, 10 * E, 20 * E, -1,
	    SW_ABSOLUUT);

	(void)state;
	assert_int_equal(st(&s, 1, 10, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 20, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 9, 1), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 21, 1), SW_AFWIJKING);
	s = sw(SW_BANDBREEDTE, 10 * E, 20 * E, 1 * E, SW_ABSOLUUT);
	assert_int_equal(st(&s, 1, 9, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 21, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 8, 1), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 22, 1), SW_AFWIJKING);
	s = sw(SW_BANDBREEDTE, 10 * E, 20 * E, 10 * E, SW_PROCENT);
	assert_int_equal(st(&s, 1, 9, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 89, 10), SW_AFWIJKING);
	assert_int_equal(st(&s, 1, 22, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, 221, 10), SW_AFWIJKING);
}

/* A negative target (a change, say): procent takes |waarde|. hoger_beter
 * -10, procent 10: op koers from -11. */
static void
test_percent_of_a_negative_target(void **state)
{
	struct streefwaarde s = sw(SW_HOGER_BETER, -10 * E, 0, 10 * E,
	    SW_PROCENT);

	(void)state;
	assert_int_equal(st(&s, 1, -11, 1), SW_OP_KOERS);
	assert_int_equal(st(&s, 1, -12, 1), SW_AFWIJKING);
}

/*
 * A count adds up: the gemeente's target of 120 is not one organisatie's,
 * nor an organisatie's target one wijk's. Only a target of the cell's own
 * scope applies; a rate takes the wider one.
 */
static void
test_count_takes_only_its_own_scope(void **state)
{
	struct streefwaarde s[3];
	struct periode h1 = p("2025-H1");
	struct sw_cel c;

	(void)state;
	s[0] = sw(SW_HOGER_BETER, 120 * E, 0, -1, SW_ABSOLUUT);  /* gemeente */
	s[1] = s[0]; s[1].organisatie_id = 7; s[1].waarde = 40 * E;
	s[2] = s[0]; s[2].wijk_id = 3; s[2].waarde = 9 * E;
	/* The total of organisatie 8, which has no target of its own. */
	streefwaarde_kies(s, 3, &h1, 8, 0, SW_OPTELBAAR, &c);
	assert_null(c.sw);
	assert_int_equal(streefwaarde_status(&c, 200, 1), SW_GEEN_STREEFWAARDE);
	streefwaarde_kies(s, 3, &h1, 8, 0, 0, &c);
	assert_ptr_equal(c.sw, &s[0]);
	/* Organisatie 7's total: its own; a wijk of it without a wijk
	 * target: none (40 is the whole organisatie's). */
	streefwaarde_kies(s, 3, &h1, 7, 0, SW_OPTELBAAR | SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[1]);
	streefwaarde_kies(s, 3, &h1, 7, 4, SW_OPTELBAAR, &c);
	assert_null(c.sw);
	streefwaarde_kies(s, 3, &h1, 7, 4, 0, &c);
	assert_ptr_equal(c.sw, &s[1]);
	/* Wijk 3 has one: it applies to that wijk's cell. */
	streefwaarde_kies(s, 3, &h1, 7, 3, SW_OPTELBAAR, &c);
	assert_ptr_equal(c.sw, &s[2]);
	/* The gemeente's own total (organisatie 0, wijk 0): the gemeente's. */
	streefwaarde_kies(s, 3, &h1, 0, 0, SW_OPTELBAAR, &c);
	assert_ptr_equal(c.sw, &s[0]);
}

/* The most specific scope wins, the exact periode within it. */
static void
test_most_specific_scope_applies(void **state)
{
	struct streefwaarde s[5];
	struct periode h1 = p("2025-H1");
	struct sw_cel c;

	(void)state;
	s[0] = sw(SW_HOGER_BETER, 1 * E, 0, -1, SW_ABSOLUUT);    /* gemeente */
	s[1] = s[0]; s[1].organisatie_id = 7; s[1].waarde = 2 * E;
	s[2] = s[0]; s[2].wijk_id = 3; s[2].waarde = 3 * E;
	s[3] = s[0]; s[3].organisatie_id = 7; s[3].wijk_id = 3;
	s[3].waarde = 4 * E;
	/* A year target of the gemeente: less apt than its half-year one. */
	s[4] = s[0]; s[4].periode = p("2025"); s[4].waarde = 100 * E;
	streefwaarde_kies(s, 5, &h1, 7, 3, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[3]);
	streefwaarde_kies(s, 5, &h1, 8, 3, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[2]);
	streefwaarde_kies(s, 5, &h1, 7, 4, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[1]);
	streefwaarde_kies(s, 5, &h1, 8, 4, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[0]);
	assert_int_equal(c.deler, 1);
	/* The total of organisatie 7 (wijk 0): no wijk target applies. */
	streefwaarde_kies(s, 5, &h1, 7, 0, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[1]);
	/* Only the year target left for the gemeente: it applies, ÷ 2. */
	streefwaarde_kies(&s[4], 1, &h1, 8, 4, SW_PRO_RATA, &c);
	assert_ptr_equal(c.sw, &s[4]);
	assert_int_equal(c.deler, 2);
	/* Another year's target never applies. */
	s[4].periode = p("2024");
	streefwaarde_kies(&s[4], 1, &h1, 8, 4, SW_PRO_RATA, &c);
	assert_null(c.sw);
	/* A half-year target does not apply to the year. */
	s[4] = s[0];
	h1 = p("2025");
	streefwaarde_kies(&s[4], 1, &h1, 8, 4, SW_PRO_RATA, &c);
	assert_null(c.sw);
}

/* A year target of 100 (absoluut 10) for a telling: a half-year shows
 * 50 (tolerance 5, op koers from 45), a quarter 25 (from 22.5); for any
 * other kind the year's 100 applies unchanged. */
static void
test_pro_rata_for_telling_only(void **state)
{
	struct streefwaarde s = sw(SW_HOGER_BETER, 100 * E, 0, 10 * E,
	    SW_ABSOLUUT);
	struct periode h = p("2025-H2"), q = p("2025-Q3"), j = p("2025");
	struct sw_cel c;

	(void)state;
	s.periode = p("2025");
	streefwaarde_kies(&s, 1, &h, 1, 1, SW_PRO_RATA, &c);
	assert_int_equal(c.deler, 2);
	assert_int_equal(streefwaarde_toon(&c, s.waarde), 50 * 1000000LL);
	assert_int_equal(streefwaarde_status(&c, 45, 1), SW_OP_KOERS);
	assert_int_equal(streefwaarde_status(&c, 44, 1), SW_AFWIJKING);
	streefwaarde_kies(&s, 1, &q, 1, 1, SW_PRO_RATA, &c);
	assert_int_equal(c.deler, 4);
	assert_int_equal(streefwaarde_toon(&c, s.waarde), 25 * 1000000LL);
	assert_int_equal(streefwaarde_status(&c, 225, 10), SW_OP_KOERS);
	assert_int_equal(streefwaarde_status(&c, 224, 10), SW_AFWIJKING);
	streefwaarde_kies(&s, 1, &j, 1, 1, SW_PRO_RATA, &c);
	assert_int_equal(c.deler, 1);
	assert_int_equal(streefwaarde_status(&c, 90, 1), SW_OP_KOERS);
	/* Not a telling (a percentage, a duur): unchanged. */
	streefwaarde_kies(&s, 1, &h, 1, 1, 0, &c);
	assert_int_equal(c.deler, 1);
	assert_int_equal(streefwaarde_toon(&c, s.waarde), 100 * 1000000LL);
	assert_int_equal(streefwaarde_status(&c, 89, 1), SW_AFWIJKING);
	assert_int_equal(streefwaarde_status(&c, 90, 1), SW_OP_KOERS);
	/* Pro rata is exact: 0.0001 a year is 0.000025 a quarter. */
	s.waarde = 1;
	streefwaarde_kies(&s, 1, &q, 1, 1, SW_PRO_RATA, &c);
	assert_int_equal(streefwaarde_toon(&c, s.waarde), 25);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_decimals_exactly),
		cmocka_unit_test(test_rejects_malformed_decimals),
		cmocka_unit_test(test_writes_shortest_exact_decimal),
		cmocka_unit_test(test_codes_round_trip),
		cmocka_unit_test(test_refuses_quarter_and_reversed_band),
		cmocka_unit_test(test_no_target_is_geen_streefwaarde),
		cmocka_unit_test(test_hoger_beter_without_tolerance),
		cmocka_unit_test(test_hoger_beter_absolute),
		cmocka_unit_test(test_hoger_beter_percent),
		cmocka_unit_test(test_lager_beter_each_tolerance),
		cmocka_unit_test(test_bandbreedte_each_tolerance),
		cmocka_unit_test(test_percent_of_a_negative_target),
		cmocka_unit_test(test_most_specific_scope_applies),
		cmocka_unit_test(test_count_takes_only_its_own_scope),
		cmocka_unit_test(test_pro_rata_for_telling_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
