/*
 * test_streefwaarde_uitleg.c — a target in Dutch words: every richting,
 * with and without a tolerance of each kind, divided pro rata, and the
 * short form beside a figure.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "domain/streefwaarde_uitleg.h"

#define E	STREEFWAARDE_SCHAAL

static struct streefwaarde
sw(enum sw_richting r, int64_t a, int64_t b, int64_t tol,
    enum sw_tolerantie soort)
{
	struct streefwaarde s;

	memset(&s, 0, sizeof(s));
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

static void
zin_is(const struct streefwaarde *s, int deler, const char *verwacht)
{
	struct sw_cel c = { s, deler };
	char out[STREEFWAARDE_UITLEG_MAX];

	assert_string_equal(streefwaarde_uitleg(&c, out, sizeof(out)),
	    verwacht);
}

static void
kort_is(const struct streefwaarde *s, int deler, const char *verwacht)
{
	struct sw_cel c = { s, deler };
	char out[128];

	assert_string_equal(streefwaarde_kort(&c, out, sizeof(out)), verwacht);
}

static void
test_hoger_en_lager(void **state)
{
	struct streefwaarde h = sw(SW_HOGER_BETER, 120 * E, 0, 5 * E,
	    SW_ABSOLUUT), l = sw(SW_LAGER_BETER, 6 * E, 0, 25 * E, SW_PROCENT),
	    z = sw(SW_HOGER_BETER, 7 * E, 0, -1, SW_ABSOLUUT);

	(void)state;
	zin_is(&h, 1, "Hoger is beter: op koers bij 120 of meer; met een "
	    "tolerantie van 5 nog op koers vanaf 115.");
	zin_is(&l, 1, "Lager is beter: op koers bij 6 of minder; met een "
	    "tolerantie van 25% van de streefwaarde.");
	zin_is(&z, 1, "Hoger is beter: op koers bij 7 of meer, zonder "
	    "tolerantie.");
	kort_is(&h, 1, "minstens 120 (± 5)");
	kort_is(&l, 1, "hoogstens 6 (± 25%)");
	kort_is(&z, 1, "minstens 7");
}

static void
test_bandbreedte_met_decimalen(void **state)
{
	struct streefwaarde b = sw(SW_BANDBREEDTE, 4 * E, 65 * E / 10,
	    5 * E / 10, SW_ABSOLUUT), p = sw(SW_BANDBREEDTE, 3 * E, 5 * E,
	    50 * E, SW_PROCENT);

	(void)state;
	zin_is(&b, 1, "Binnen een bandbreedte: op koers van 4 tot en met 6,5; "
	    "met een tolerantie van 0,5 nog op koers van 3,5 tot en met 7.");
	zin_is(&p, 1, "Binnen een bandbreedte: op koers van 3 tot en met 5; "
	    "met een tolerantie van 50% van elke grens daarbuiten nog op "
	    "koers.");
	kort_is(&b, 1, "4 tot en met 6,5 (± 0,5)");
}

/* A year target of 20 ± 4 for a quarter: 5 ± 1, and it says so; a
 * percentage is not divided. */
static void
test_naar_rato(void **state)
{
	struct streefwaarde j = sw(SW_HOGER_BETER, 20 * E, 0, 4 * E,
	    SW_ABSOLUUT), p = sw(SW_HOGER_BETER, 7 * E, 0, 10 * E, SW_PROCENT);

	(void)state;
	zin_is(&j, 4, "Hoger is beter: op koers bij 5 of meer; met een "
	    "tolerantie van 1 nog op koers vanaf 4. Naar rato: een kwart van "
	    "de streefwaarde voor het jaar.");
	kort_is(&j, 2, "minstens 10 (± 2)");
	kort_is(&p, 2, "minstens 3,5 (± 10%)");
}

static void
test_geen_streefwaarde(void **state)
{
	struct sw_cel c = { NULL, 1 };
	char out[64] = "x";

	(void)state;
	assert_string_equal(streefwaarde_uitleg(&c, out, sizeof(out)), "");
	assert_string_equal(streefwaarde_kort(&c, out, sizeof(out)), "");
	assert_string_equal(streefwaarde_status_label(SW_GEEN_STREEFWAARDE),
	    "Geen streefwaarde");
	assert_string_equal(streefwaarde_status_label(SW_OP_KOERS), "Op koers");
	assert_string_equal(streefwaarde_status_label(SW_AFWIJKING),
	    "Afwijking");
	assert_string_equal(streefwaarde_status_label(SW_ONDERDRUKT),
	    "Niet getoond");
}

/* A buffer too small is cut, never overrun. */
static void
test_kleine_buffer(void **state)
{
	struct streefwaarde h = sw(SW_HOGER_BETER, 120 * E, 0, 5 * E,
	    SW_ABSOLUUT);
	struct sw_cel c = { &h, 1 };
	char out[12];

	(void)state;
	assert_int_equal(strlen(streefwaarde_uitleg(&c, out, sizeof(out))), 11);
	assert_int_equal(strlen(streefwaarde_kort(&c, out, sizeof(out))), 11);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hoger_en_lager),
		cmocka_unit_test(test_bandbreedte_met_decimalen),
		cmocka_unit_test(test_naar_rato),
		cmocka_unit_test(test_geen_streefwaarde),
		cmocka_unit_test(test_kleine_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
