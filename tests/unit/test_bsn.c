/*
 * test_bsn.c — the BSN: reading it as typed, the 11-proef, and masking.
 *
 * No real person's BSN appears here: every valid number is made by the
 * test itself from eight chosen digits and a check digit computed with
 * the 11-proef (make_bsn). The file never prints a number it tests.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/bsn.h"

/*
 * Completes eight digits (prefix) with the check digit the 11-proef asks
 * for: d9 = (9*d1 + 8*d2 + ... + 2*d8) mod 11. Returns 0 and fills
 * out[BSN_LEN + 1], or -1 when that remainder is 10 (no digit fits, so no
 * BSN starts with this prefix).
 */
static int
make_bsn(const char *prefix, char out[BSN_LEN + 1])
{
	int i, sum = 0;

	assert_int_equal(strlen(prefix), BSN_LEN - 1);
	for (i = 0; i < BSN_LEN - 1; i++)
		sum += (BSN_LEN - i) * (prefix[i] - '0');
	if (sum % 11 == 10)
		return -1;
	memcpy(out, prefix, BSN_LEN - 1);
	out[BSN_LEN - 1] = (char)('0' + sum % 11);
	out[BSN_LEN] = '\0';
	return 0;
}

/* A valid number built from prefix; fails the test if none exists. */
static void
valid_bsn(const char *prefix, char out[BSN_LEN + 1])
{
	assert_int_equal(make_bsn(prefix, out), 0);
}

/* ------------------------------------------------------------ accepting */

static void
test_parse_accepts_nine_digits(void **state)
{
	char bsn[BSN_LEN + 1], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	assert_int_equal(bsn_parse(bsn, out), BSN_OK);
	assert_string_equal(out, bsn);
}

static void
test_parse_accepts_spaces_between_groups(void **state)
{
	char bsn[BSN_LEN + 1], typed[16], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("24681359", bsn);
	/* "ddd ddd ddd" */
	memcpy(typed, bsn, 3);
	typed[3] = ' ';
	memcpy(typed + 4, bsn + 3, 3);
	typed[7] = ' ';
	memcpy(typed + 8, bsn + 6, 3);
	typed[11] = '\0';
	assert_int_equal(bsn_parse(typed, out), BSN_OK);
	assert_string_equal(out, bsn);
}

static void
test_parse_accepts_dots_between_groups(void **state)
{
	char bsn[BSN_LEN + 1], typed[16], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	/* "dddd.dd.ddd", the way the old sofinummer was often written */
	memcpy(typed, bsn, 4);
	typed[4] = '.';
	memcpy(typed + 5, bsn + 4, 2);
	typed[7] = '.';
	memcpy(typed + 8, bsn + 6, 3);
	typed[11] = '\0';
	assert_int_equal(bsn_parse(typed, out), BSN_OK);
	assert_string_equal(out, bsn);
}

static void
test_parse_accepts_leading_zero(void **state)
{
	char bsn[BSN_LEN + 1], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("01234567", bsn);
	assert_int_equal(bsn[0], '0');
	assert_int_equal(bsn_parse(bsn, out), BSN_OK);
	assert_string_equal(out, bsn);
}

/* Over many prefixes: the computed check digit passes, every other fails. */
static void
test_parse_accepts_only_the_computed_check_digit(void **state)
{
	char prefix[BSN_LEN], bsn[BSN_LEN + 1], out[BSN_LEN + 1];
	unsigned long seed = 20250101UL;
	int round, i, made = 0;
	char c, check;

	(void)state;
	for (round = 0; round < 500; round++) {
		for (i = 0; i < BSN_LEN - 1; i++) {
			seed = seed * 1103515245UL + 12345UL;
			prefix[i] = (char)('0' + (seed >> 16) % 10);
		}
		prefix[BSN_LEN - 1] = '\0';
		if (make_bsn(prefix, bsn) != 0)
			continue;
		if (strcmp(bsn, "000000000") == 0)
			continue;
		made++;
		assert_int_equal(bsn_parse(bsn, out), BSN_OK);
		check = bsn[BSN_LEN - 1];
		for (c = '0'; c <= '9'; c++) {
			if (c == check)
				continue;
			bsn[BSN_LEN - 1] = c;
			assert_int_equal(bsn_parse(bsn, out), BSN_ELFPROEF);
		}
	}
	assert_true(made > 400);
}

/* ------------------------------------------------------------ refusing */

static void
test_parse_rejects_wrong_check_digit(void **state)
{
	char bsn[BSN_LEN + 1], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	bsn[BSN_LEN - 1] = bsn[BSN_LEN - 1] == '9' ? '0' :
	    (char)(bsn[BSN_LEN - 1] + 1);
	assert_int_equal(bsn_parse(bsn, out), BSN_ELFPROEF);
}

/* The weights differ at every position, so any swap of two different
 * neighbouring digits changes the sum by a non-multiple of 11. */
static void
test_parse_rejects_swapped_adjacent_digits(void **state)
{
	char bsn[BSN_LEN + 1], swapped[BSN_LEN + 1], out[BSN_LEN + 1], t;
	int i;

	(void)state;
	valid_bsn("12345678", bsn);
	for (i = 0; i < BSN_LEN - 1; i++) {
		if (bsn[i] == bsn[i + 1])
			continue;
		memcpy(swapped, bsn, sizeof(swapped));
		t = swapped[i];
		swapped[i] = swapped[i + 1];
		swapped[i + 1] = t;
		assert_int_equal(bsn_parse(swapped, out), BSN_ELFPROEF);
	}
}

static void
test_parse_rejects_eight_digits(void **state)
{
	char bsn[BSN_LEN + 1], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("01234567", bsn);
	/* The same number without its leading zero is not accepted. */
	assert_int_equal(bsn_parse(bsn + 1, out), BSN_LENGTE);
}

static void
test_parse_rejects_ten_digits(void **state)
{
	char bsn[BSN_LEN + 1], typed[BSN_LEN + 2], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	memcpy(typed, bsn, BSN_LEN);
	typed[BSN_LEN] = '0';
	typed[BSN_LEN + 1] = '\0';
	assert_int_equal(bsn_parse(typed, out), BSN_LENGTE);
	/* A padding zero in front is not stripped either. */
	typed[0] = '0';
	memcpy(typed + 1, bsn, BSN_LEN + 1);
	assert_int_equal(bsn_parse(typed, out), BSN_LENGTE);
}

static void
test_parse_rejects_letters(void **state)
{
	char out[BSN_LEN + 1];

	(void)state;
	assert_int_equal(bsn_parse("12345678a", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("NL1234567", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123456782x", out), BSN_TEKENS);
	/* A full-width digit (U+FF11) is not an ASCII digit. */
	assert_int_equal(bsn_parse("\xef\xbc\x91" "23456782", out), BSN_TEKENS);
}

static void
test_parse_rejects_other_separators(void **state)
{
	char out[BSN_LEN + 1];

	(void)state;
	assert_int_equal(bsn_parse("123-456-782", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123\t456\t782", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123,456,782", out), BSN_TEKENS);
}

static void
test_parse_rejects_misplaced_separators(void **state)
{
	char out[BSN_LEN + 1];

	(void)state;
	assert_int_equal(bsn_parse(" 123456782", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123456782 ", out), BSN_TEKENS);
	assert_int_equal(bsn_parse(".123456782", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123456782.", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123  456 782", out), BSN_TEKENS);
	assert_int_equal(bsn_parse("123. 456 782", out), BSN_TEKENS);
}

static void
test_parse_rejects_empty(void **state)
{
	char out[BSN_LEN + 1];

	(void)state;
	assert_int_equal(bsn_parse(NULL, out), BSN_LEEG);
	assert_int_equal(bsn_parse("", out), BSN_LEEG);
	assert_int_equal(bsn_parse("   ", out), BSN_LEEG);
}

static void
test_parse_rejects_all_zeros(void **state)
{
	char out[BSN_LEN + 1];

	(void)state;
	/* 0 is divisible by 11, but no one has this number. */
	assert_int_equal(bsn_parse("000000000", out), BSN_ELFPROEF);
	assert_int_equal(bsn_parse("000 000 000", out), BSN_ELFPROEF);
}

static void
test_parse_failure_leaves_no_digits_in_output(void **state)
{
	char bsn[BSN_LEN + 1], out[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	memset(out, 'x', sizeof(out));
	bsn[BSN_LEN - 1] = bsn[BSN_LEN - 1] == '9' ? '0' :
	    (char)(bsn[BSN_LEN - 1] + 1);
	assert_int_equal(bsn_parse(bsn, out), BSN_ELFPROEF);
	assert_string_equal(out, "");
}

static void
test_parse_codes_are_zero_or_negative(void **state)
{
	(void)state;
	assert_int_equal(BSN_OK, 0);
	assert_true(BSN_LEEG < 0);
	assert_true(BSN_LENGTE < 0);
	assert_true(BSN_TEKENS < 0);
	assert_true(BSN_ELFPROEF < 0);
}

/* ------------------------------------------------------------ messages */

static void
test_err_text_is_dutch(void **state)
{
	(void)state;
	assert_string_equal(bsn_err_text(BSN_LENGTE),
	    "Een BSN bestaat uit 9 cijfers.");
	assert_string_equal(bsn_err_text(BSN_ELFPROEF),
	    "Dit BSN klopt niet (elfproef).");
	assert_true(strlen(bsn_err_text(BSN_LEEG)) > 0);
	assert_true(strlen(bsn_err_text(BSN_TEKENS)) > 0);
	assert_true(strlen(bsn_err_text((enum bsn_err)-99)) > 0);
}

/* ------------------------------------------------------------ masking */

static void
test_mask_shows_only_last_four(void **state)
{
	char bsn[BSN_LEN + 1], masked[BSN_LEN + 1];

	(void)state;
	valid_bsn("12345678", bsn);
	bsn_mask(bsn, masked);
	assert_int_equal(strlen(masked), BSN_LEN);
	assert_memory_equal(masked, "*****", 5);
	assert_memory_equal(masked + 5, bsn + 5, 4);
}

static void
test_mask_hides_everything_of_malformed_input(void **state)
{
	char masked[BSN_LEN + 1];
	char kort[BSN_LEN + 1] = "12345678";  /* eight digits, full buffer */

	(void)state;
	bsn_mask(kort, masked);
	assert_string_equal(masked, "*********");
	bsn_mask("1234567890", masked);
	assert_string_equal(masked, "*********");
	bsn_mask("12345678a", masked);
	assert_string_equal(masked, "*********");
	bsn_mask(NULL, masked);
	assert_string_equal(masked, "*********");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepts_nine_digits),
		cmocka_unit_test(test_parse_accepts_spaces_between_groups),
		cmocka_unit_test(test_parse_accepts_dots_between_groups),
		cmocka_unit_test(test_parse_accepts_leading_zero),
		cmocka_unit_test(test_parse_accepts_only_the_computed_check_digit),
		cmocka_unit_test(test_parse_rejects_wrong_check_digit),
		cmocka_unit_test(test_parse_rejects_swapped_adjacent_digits),
		cmocka_unit_test(test_parse_rejects_eight_digits),
		cmocka_unit_test(test_parse_rejects_ten_digits),
		cmocka_unit_test(test_parse_rejects_letters),
		cmocka_unit_test(test_parse_rejects_other_separators),
		cmocka_unit_test(test_parse_rejects_misplaced_separators),
		cmocka_unit_test(test_parse_rejects_empty),
		cmocka_unit_test(test_parse_rejects_all_zeros),
		cmocka_unit_test(test_parse_failure_leaves_no_digits_in_output),
		cmocka_unit_test(test_parse_codes_are_zero_or_negative),
		cmocka_unit_test(test_err_text_is_dutch),
		cmocka_unit_test(test_mask_shows_only_last_four),
		cmocka_unit_test(test_mask_hides_everything_of_malformed_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
