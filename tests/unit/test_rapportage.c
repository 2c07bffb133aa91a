/*
 * test_rapportage.c — the rules of domain/rapportage.c: when a value needs
 * a toelichting, worked out by hand for each case.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/rapportage.h"

/* A deviation from the target always needs one; on course it does not. */
static void
test_streefwaarde_afwijking(void **state)
{
	(void)state;
	assert_int_equal(rapportage_toelichting_nodig(SW_AFWIJKING, 1, 40, 0, 0,
	    25), RAP_STREEF);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 40, 0, 0,
	    25), RAP_GEEN);
	assert_int_equal(rapportage_toelichting_nodig(SW_GEEN_STREEFWAARDE, 1,
	    40, 0, 0, 25), RAP_GEEN);
	/* No value: nothing to explain (a missing value is its own error). */
	assert_int_equal(rapportage_toelichting_nodig(SW_AFWIJKING, 0, 0, 1, 10,
	    25), RAP_GEEN);
}

/* 25 %: from 40, 50 is exactly 25 % (no), 51 is 27.5 % (yes), 30 is
 * -25 % (no), 29 is -27.5 % (yes). */
static void
test_drempel_vorige_periode(void **state)
{
	(void)state;
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 50, 1, 40,
	    25), RAP_GEEN);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 51, 1, 40,
	    25), RAP_VORIGE);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 30, 1, 40,
	    25), RAP_GEEN);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 29, 1, 40,
	    25), RAP_VORIGE);
	/* Both reasons at once. */
	assert_int_equal(rapportage_toelichting_nodig(SW_AFWIJKING, 1, 29, 1, 40,
	    25), RAP_STREEF | RAP_VORIGE);
	/* From zero any change counts; zero to zero does not. */
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 1, 1, 0,
	    25), RAP_VORIGE);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 0, 1, 0,
	    25), RAP_GEEN);
	/* drempel 0: every change; the same value never. */
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 41, 1, 40,
	    0), RAP_VORIGE);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 40, 1, 40,
	    0), RAP_GEEN);
	/* Units of 1/10000 as the operation uses them: 12.5 from 10 is 25 %. */
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 125000, 1,
	    100000, 25), RAP_GEEN);
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1, 125001, 1,
	    100000, 25), RAP_VORIGE);
	/* Large values do not overflow. */
	assert_int_equal(rapportage_toelichting_nodig(SW_OP_KOERS, 1,
	    INT64_MAX / 2, 1, -(INT64_MAX / 2), 25), RAP_VORIGE);
}

static void
test_labels(void **state)
{
	(void)state;
	assert_string_equal(rapportage_status_label("vastgesteld"),
	    "Vastgesteld");
	assert_null(rapportage_status_label("heropend"));
	assert_true(rapportage_oordeel_geldig("deels"));
	assert_false(rapportage_oordeel_geldig("Deels"));
	assert_false(rapportage_oordeel_geldig(NULL));
	assert_string_equal(rapportage_oordeel_label("niet"), "Niet voldaan");
	assert_string_equal(rapportage_actie_label("terugsturen"),
	    "Teruggestuurd");
	assert_null(rapportage_reden_tekst(RAP_GEEN));
	assert_non_null(rapportage_reden_tekst(RAP_STREEF | RAP_VORIGE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_streefwaarde_afwijking),
		cmocka_unit_test(test_drempel_vorige_periode),
		cmocka_unit_test(test_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
