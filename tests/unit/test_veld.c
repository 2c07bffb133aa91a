/*
 * test_veld.c — declared input fields: each type accepts exactly what it
 * declares, refuses the rest with the right reason, and explains it in
 * Dutch without echoing the value.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/veld.h"

static const struct veld_optie soorten[] = {
	{ "wijkteamorganisatie", "Wijkteamorganisatie" },
	{ "ketenpartner", "Ketenpartner" },
	{ "afdeling", "Afdeling" },
	{ NULL, NULL },
};

static const struct veld naam = { "naam", "Naam", VELD_TEKST, 10, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld toelichting = { "omschrijving", "Omschrijving", VELD_LANGE_TEKST, 20, 0, NULL, 0, NULL };
static const struct veld code = { "code", "Code", VELD_CODE, 8, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld datum = { "geldig_van", "Geldig van", VELD_DATUM, 0, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld eind = { "geldig_tot", "Geldig tot", VELD_DATUM, 0, 0, NULL, 0, NULL };
static const struct veld soort = { "soort", "Soort", VELD_KEUZE, 0, VELD_VERPLICHT, soorten, 0, NULL };
static const struct veld ref = { "keten_id", "Keten", VELD_REF, 0, VELD_VERPLICHT, NULL, 3, NULL };
static const struct veld wijken = { "wijk_ids", "Wijken", VELD_REF, 0, VELD_VERPLICHT | VELD_LIJST, NULL, 2, NULL };
static const struct veld jaar = { "jaar", "Jaar", VELD_JAAR, 0, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld bedrag = { "bedrag", "Bedrag", VELD_BEDRAG, 0, VELD_VERPLICHT, NULL, 0, NULL };

static enum veld_fout
lees(const struct veld *f, const char *in)
{
	struct veld_waarde w;

	return veld_lees(f, in, &w);
}

static int64_t
getal(const struct veld *f, const char *in)
{
	struct veld_waarde w;

	assert_int_equal(veld_lees(f, in, &w), VELD_OK);
	return w.getal;
}

/* ---------------------------------------------------------------- text */

static void
test_text_is_trimmed(void **state)
{
	struct veld_waarde w;

	(void)state;
	assert_int_equal(veld_lees(&naam, "  Poelenburg\t", &w), VELD_OK);
	assert_int_equal(w.len, 10);
	assert_memory_equal(w.tekst, "Poelenburg", 10);
	assert_false(w.leeg);
}

static void
test_text_counts_characters_not_bytes(void **state)
{
	(void)state;
	/* ten characters, twelve bytes */
	assert_int_equal(lees(&naam, "Zaandamcré"), VELD_OK);
	assert_int_equal(lees(&naam, "ééééééééé"), VELD_OK);
}

static void
test_text_rejects_overlong_value(void **state)
{
	(void)state;
	assert_int_equal(lees(&naam, "Zaandam-Oost"), VELD_TE_LANG);
}

static void
test_text_rejects_line_break_in_one_line(void **state)
{
	(void)state;
	assert_int_equal(lees(&naam, "a\nb"), VELD_ONGELDIGE_TEKENS);
	assert_int_equal(lees(&naam, "a\x7f"), VELD_ONGELDIGE_TEKENS);
}

static void
test_long_text_allows_line_breaks(void **state)
{
	(void)state;
	assert_int_equal(lees(&toelichting, "regel een\r\nregel 2"), VELD_OK);
	assert_int_equal(lees(&toelichting, "a\x01"), VELD_ONGELDIGE_TEKENS);
}

static void
test_required_field_rejects_empty_and_blank(void **state)
{
	(void)state;
	assert_int_equal(lees(&naam, NULL), VELD_ONTBREEKT);
	assert_int_equal(lees(&naam, ""), VELD_ONTBREEKT);
	assert_int_equal(lees(&naam, "   "), VELD_ONTBREEKT);
}

static void
test_optional_field_accepts_empty(void **state)
{
	struct veld_waarde w;

	(void)state;
	assert_int_equal(veld_lees(&eind, "", &w), VELD_OK);
	assert_true(w.leeg);
	assert_int_equal(veld_lees(&eind, NULL, &w), VELD_OK);
	assert_true(w.leeg);
}

/* ---------------------------------------------------------------- code */

static void
test_code_accepts_capitals_digits_dash(void **state)
{
	(void)state;
	assert_int_equal(lees(&code, "WT-ZDO-2"), VELD_OK);
}

static void
test_code_rejects_lower_case(void **state)
{
	(void)state;
	assert_int_equal(lees(&code, "wt-zdo"), VELD_GEEN_CODE);
}

static void
test_code_rejects_space_inside(void **state)
{
	(void)state;
	assert_int_equal(lees(&code, "WT ZDO"), VELD_GEEN_CODE);
}

static void
test_code_rejects_overlong_value(void **state)
{
	(void)state;
	assert_int_equal(lees(&code, "ABCDEFGHI"), VELD_GEEN_CODE);
}

/* ---------------------------------------------------------------- date */

static void
test_date_accepts_leap_day(void **state)
{
	(void)state;
	assert_int_equal(lees(&datum, "2024-02-29"), VELD_OK);
	assert_int_equal(lees(&datum, "2000-02-29"), VELD_OK);
}

static void
test_date_rejects_leap_day_of_common_year(void **state)
{
	(void)state;
	assert_int_equal(lees(&datum, "2025-02-29"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "1900-02-29"), VELD_GEEN_DATUM);
}

static void
test_date_rejects_day_that_does_not_exist(void **state)
{
	(void)state;
	assert_int_equal(lees(&datum, "2024-04-31"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "2024-13-01"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "2024-00-10"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "2024-01-00"), VELD_GEEN_DATUM);
}

static void
test_date_rejects_other_notations(void **state)
{
	(void)state;
	assert_int_equal(lees(&datum, "01-02-2024"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "2024-1-2"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "2024-01-02T00:00"), VELD_GEEN_DATUM);
	assert_int_equal(lees(&datum, "0024-01-02"), VELD_GEEN_DATUM);
}

static void
test_period_accepts_open_end_and_same_day(void **state)
{
	(void)state;
	assert_true(veld_periode_ok("2024-01-01", NULL));
	assert_true(veld_periode_ok("2024-01-01", ""));
	assert_true(veld_periode_ok("2024-01-01", "2024-01-01"));
	assert_true(veld_periode_ok("2024-01-01", "2025-12-31"));
}

static void
test_period_rejects_end_before_start(void **state)
{
	(void)state;
	assert_false(veld_periode_ok("2024-01-02", "2024-01-01"));
	assert_false(veld_periode_ok("2024-01-02", "2023-12-31"));
}

/* ---------------------------------------------------------------- choice */

static void
test_choice_accepts_listed_code(void **state)
{
	(void)state;
	assert_int_equal(lees(&soort, "ketenpartner"), VELD_OK);
	assert_string_equal(veld_optie(&soort, "afdeling")->label, "Afdeling");
}

static void
test_choice_rejects_unlisted_and_label(void **state)
{
	(void)state;
	assert_int_equal(lees(&soort, "gemeente"), VELD_GEEN_KEUZE);
	assert_int_equal(lees(&soort, "Ketenpartner"), VELD_GEEN_KEUZE);
	assert_int_equal(lees(&soort, "ketenpartne"), VELD_GEEN_KEUZE);
	assert_null(veld_optie(&soort, "gemeente"));
}

/* ---------------------------------------------------------------- ref */

static void
test_ref_reads_positive_id(void **state)
{
	(void)state;
	assert_int_equal(getal(&ref, "42"), 42);
	assert_int_equal(getal(&ref, "9007199254740991"), 9007199254740991LL);
}

static void
test_ref_rejects_zero_sign_and_leading_zero(void **state)
{
	(void)state;
	assert_int_equal(lees(&ref, "0"), VELD_GEEN_ID);
	assert_int_equal(lees(&ref, "-3"), VELD_GEEN_ID);
	assert_int_equal(lees(&ref, "+3"), VELD_GEEN_ID);
	assert_int_equal(lees(&ref, "03"), VELD_GEEN_ID);
	assert_int_equal(lees(&ref, "3.0"), VELD_GEEN_ID);
}

static void
test_ref_rejects_id_beyond_json_precision(void **state)
{
	(void)state;
	assert_int_equal(lees(&ref, "9007199254740992"), VELD_GEEN_ID);
	assert_int_equal(lees(&ref, "99999999999999999999"), VELD_GEEN_ID);
}

/* ---------------------------------------------------------------- year */

static void
test_year_accepts_bounds(void **state)
{
	(void)state;
	assert_int_equal(getal(&jaar, "2000"), 2000);
	assert_int_equal(getal(&jaar, "2100"), 2100);
}

static void
test_year_rejects_out_of_range(void **state)
{
	(void)state;
	assert_int_equal(lees(&jaar, "1999"), VELD_GEEN_JAAR);
	assert_int_equal(lees(&jaar, "2101"), VELD_GEEN_JAAR);
	assert_int_equal(lees(&jaar, "24"), VELD_GEEN_JAAR);
	assert_int_equal(lees(&jaar, "2024.0"), VELD_GEEN_JAAR);
}

/* ---------------------------------------------------------------- amount */

static void
test_amount_reads_cents_exactly(void **state)
{
	(void)state;
	assert_int_equal(getal(&bedrag, "1250000"), 125000000);
	assert_int_equal(getal(&bedrag, "0.1"), 10);
	assert_int_equal(getal(&bedrag, "0.29"), 29);   /* 0.29 * 100 in binary is 28.999... */
	assert_int_equal(getal(&bedrag, "1250000,50"), 125000050);
	assert_int_equal(getal(&bedrag, "0"), 0);
	assert_int_equal(getal(&bedrag, "999999999999.99"), 99999999999999LL);
}

static void
test_amount_rejects_three_decimals(void **state)
{
	(void)state;
	assert_int_equal(lees(&bedrag, "10.005"), VELD_GEEN_BEDRAG);
}

static void
test_amount_rejects_negative(void **state)
{
	(void)state;
	assert_int_equal(lees(&bedrag, "-1"), VELD_GEEN_BEDRAG);
}

static void
test_amount_rejects_trillion(void **state)
{
	(void)state;
	assert_int_equal(lees(&bedrag, "1000000000000"), VELD_GEEN_BEDRAG);
	assert_int_equal(lees(&bedrag, "99999999999999999999"), VELD_GEEN_BEDRAG);
}

static void
test_amount_rejects_separators_and_exponent(void **state)
{
	(void)state;
	assert_int_equal(lees(&bedrag, "1.250.000"), VELD_GEEN_BEDRAG);
	assert_int_equal(lees(&bedrag, "1e6"), VELD_GEEN_BEDRAG);
	assert_int_equal(lees(&bedrag, ".5"), VELD_GEEN_BEDRAG);
	assert_int_equal(lees(&bedrag, "5."), VELD_GEEN_BEDRAG);
	assert_int_equal(lees(&bedrag, "€ 5"), VELD_GEEN_BEDRAG);
}

static void
test_amount_text_round_trips(void **state)
{
	char buf[VELD_BEDRAG_MAX];

	(void)state;
	assert_string_equal(veld_bedrag_tekst(125000050, buf, sizeof(buf)),
	    "1250000.50");
	assert_string_equal(veld_bedrag_tekst(7, buf, sizeof(buf)), "0.07");
	assert_string_equal(veld_bedrag_tekst(99999999999999LL, buf, sizeof(buf)),
	    "999999999999.99");
}

/* ---------------------------------------------------------------- messages */

static void
test_message_names_the_field_in_dutch(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(veld_melding(&naam, VELD_ONTBREEKT, buf, sizeof(buf)),
	    "Naam is verplicht.");
	assert_string_equal(veld_melding(&code, VELD_DUBBEL, buf, sizeof(buf)),
	    "Deze code is al in gebruik.");
	assert_string_equal(veld_melding(&wijken, VELD_ONTBREEKT, buf, sizeof(buf)),
	    "Kies bij wijken minstens één.");
	assert_string_equal(veld_melding(&soort, VELD_GEEN_KEUZE, buf, sizeof(buf)),
	    "Kies bij soort een van deze mogelijkheden: Wijkteamorganisatie, "
	    "Ketenpartner of Afdeling.");
}

static void
test_message_never_overflows_small_buffer(void **state)
{
	char buf[8];

	(void)state;
	veld_melding(&bedrag, VELD_GEEN_BEDRAG, buf, sizeof(buf));
	assert_int_equal(strlen(buf), sizeof(buf) - 1);
}

static void
test_find_field_by_name(void **state)
{
	const struct veld velden[] = { naam, code, datum };

	(void)state;
	assert_ptr_equal(veld_zoek(velden, 3, "code"), &velden[1]);
	assert_null(veld_zoek(velden, 3, "versie"));
}

/* A catalogue code: snake_case, a letter first, at most 64 bytes. */
static void
test_code_is_ascii_snake_case(void **state)
{
	char lang[66];

	(void)state;
	assert_true(veld_code_geldig("startgesprekken_gevoerd"));
	assert_true(veld_code_geldig("p2024_h1"));
	assert_false(veld_code_geldig(NULL));
	assert_false(veld_code_geldig(""));
	assert_false(veld_code_geldig("1e_code"));
	assert_false(veld_code_geldig("_code"));
	assert_false(veld_code_geldig("Hoofdletter"));
	assert_false(veld_code_geldig("met spatie"));
	assert_false(veld_code_geldig("geëvalueerd"));
	memset(lang, 'a', 64);
	lang[64] = '\0';
	assert_true(veld_code_geldig(lang));
	lang[64] = 'a';
	lang[65] = '\0';
	assert_false(veld_code_geldig(lang));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_is_trimmed),
		cmocka_unit_test(test_text_counts_characters_not_bytes),
		cmocka_unit_test(test_text_rejects_overlong_value),
		cmocka_unit_test(test_text_rejects_line_break_in_one_line),
		cmocka_unit_test(test_long_text_allows_line_breaks),
		cmocka_unit_test(test_required_field_rejects_empty_and_blank),
		cmocka_unit_test(test_optional_field_accepts_empty),
		cmocka_unit_test(test_code_accepts_capitals_digits_dash),
		cmocka_unit_test(test_code_rejects_lower_case),
		cmocka_unit_test(test_code_rejects_space_inside),
		cmocka_unit_test(test_code_rejects_overlong_value),
		cmocka_unit_test(test_date_accepts_leap_day),
		cmocka_unit_test(test_date_rejects_leap_day_of_common_year),
		cmocka_unit_test(test_date_rejects_day_that_does_not_exist),
		cmocka_unit_test(test_date_rejects_other_notations),
		cmocka_unit_test(test_period_accepts_open_end_and_same_day),
		cmocka_unit_test(test_period_rejects_end_before_start),
		cmocka_unit_test(test_choice_accepts_listed_code),
		cmocka_unit_test(test_choice_rejects_unlisted_and_label),
		cmocka_unit_test(test_ref_reads_positive_id),
		cmocka_unit_test(test_ref_rejects_zero_sign_and_leading_zero),
		cmocka_unit_test(test_ref_rejects_id_beyond_json_precision),
		cmocka_unit_test(test_year_accepts_bounds),
		cmocka_unit_test(test_year_rejects_out_of_range),
		cmocka_unit_test(test_amount_reads_cents_exactly),
		cmocka_unit_test(test_amount_rejects_three_decimals),
		cmocka_unit_test(test_amount_rejects_negative),
		cmocka_unit_test(test_amount_rejects_trillion),
		cmocka_unit_test(test_amount_rejects_separators_and_exponent),
		cmocka_unit_test(test_amount_text_round_trips),
		cmocka_unit_test(test_message_names_the_field_in_dutch),
		cmocka_unit_test(test_message_never_overflows_small_buffer),
		cmocka_unit_test(test_find_field_by_name),
		cmocka_unit_test(test_code_is_ascii_snake_case),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
