/*
 * test_password.c — the password rules of issue 3 and the shipped list
 * of common passwords. Never prints a password it tests.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "domain/password.h"

#ifndef WZ_SRCDIR
#define WZ_SRCDIR "."
#endif

#define LIST_PATH	WZ_SRCDIR "/www/data/veelgebruikte-wachtwoorden.txt"

/* "é" (U+00E9) is two bytes in UTF-8; "€" (U+20AC) is three. */
#define E_ACUTE		"\xc3\xa9"
#define EURO		"\xe2\x82\xac"

/* Write text to a new temporary file; its path goes to path (OUT). */
static void
write_temp(char *path, size_t pathlen, const char *text)
{
	int fd;
	size_t len = strlen(text);

	snprintf(path, pathlen, "/tmp/test_password.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd != -1);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/* Count code points, trusting the input to be valid UTF-8. */
static size_t
code_points(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
test_eleven_chars_refused_as_too_short(void **state)
{
	assert_int_equal(password_check(NULL, "abcdefghijk", NULL),
	    PW_TOO_SHORT);
	assert_int_equal(password_check(NULL, "", NULL), PW_TOO_SHORT);
}

static void
test_twelve_chars_accepted(void **state)
{
	assert_int_equal(password_check(NULL, "abcdefghijkl", NULL), PW_OK);
}

static void
test_twelve_multibyte_chars_accepted(void **state)
{
	/* 12 code points, 30 bytes. */
	const char *pw = E_ACUTE EURO E_ACUTE EURO E_ACUTE EURO
	    E_ACUTE EURO E_ACUTE EURO E_ACUTE EURO;

	assert_int_equal(password_check(NULL, pw, NULL), PW_OK);
}

static void
test_eleven_multibyte_chars_refused_though_over_twelve_bytes(void **state)
{
	/* 11 code points, 27 bytes: bytes must not count as characters. */
	const char *pw = E_ACUTE EURO E_ACUTE EURO E_ACUTE EURO
	    E_ACUTE EURO E_ACUTE EURO E_ACUTE;

	assert_true(strlen(pw) > 12);
	assert_int_equal(password_check(NULL, pw, NULL), PW_TOO_SHORT);
}

static void
test_over_256_chars_refused_as_too_long(void **state)
{
	char pw[258 * 3 + 1];
	size_t i;

	/* Exactly 256 code points (768 bytes) is still fine ... */
	for (i = 0; i < 256; i++)
		memcpy(pw + i * 3, EURO, 3);
	pw[256 * 3] = '\0';
	assert_int_equal(password_check(NULL, pw, NULL), PW_OK);

	/* ... 257 is not. */
	memcpy(pw + 256 * 3, EURO, 3);
	pw[257 * 3] = '\0';
	assert_int_equal(password_check(NULL, pw, NULL), PW_TOO_LONG);
}

static void
test_shipped_list_has_exactly_10000_entries(void **state)
{
	char err[256] = "";
	struct password_list *list;

	list = password_list_load(LIST_PATH, err, sizeof(err));
	assert_non_null(list);
	assert_string_equal(err, "");
	assert_int_equal(password_list_size(list), 10000);
	password_list_free(list);
}

/*
 * The first 100 entries are all shorter than 12 characters, so the
 * length rule alone refuses them; walk the whole shipped file so that
 * the entries the list rule must catch are really exercised.
 */
static void
test_every_long_enough_shipped_entry_refused_as_common(void **state)
{
	char err[256], line[1024];
	struct password_list *list;
	FILE *f;
	size_t lines = 0, checked = 0, n;

	list = password_list_load(LIST_PATH, err, sizeof(err));
	assert_non_null(list);
	f = fopen(LIST_PATH, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		lines++;
		n = code_points(line);
		if (n < PASSWORD_MIN_CHARS || n > PASSWORD_MAX_CHARS) {
			/* Shorter ones fail on length first, list or not. */
			assert_int_not_equal(password_check(list, line, NULL),
			    PW_OK);
			continue;
		}
		assert_int_equal(password_check(list, line, NULL), PW_COMMON);
		/* Without the list the same password passes. */
		assert_int_equal(password_check(NULL, line, NULL), PW_OK);
		checked++;
	}
	fclose(f);
	assert_int_equal(lines, 10000);
	assert_true(checked > 0);
	password_list_free(list);
}

static void
test_common_password_refused_in_any_case(void **state)
{
	char path[64], err[256];
	struct password_list *list;

	write_temp(path, sizeof(path), "correcthorsebattery\n");
	list = password_list_load(path, err, sizeof(err));
	unlink(path);
	assert_non_null(list);
	assert_int_equal(password_check(list, "CorrectHorseBattery", NULL),
	    PW_COMMON);
	assert_int_equal(password_check(list, "CORRECTHORSEBATTERY", NULL),
	    PW_COMMON);
	assert_int_equal(password_check(list, "correcthorsebatteryx", NULL),
	    PW_OK);
	password_list_free(list);
}

static void
test_upper_case_list_entry_matches_lower_case_password(void **state)
{
	char path[64], err[256];
	struct password_list *list;

	write_temp(path, sizeof(path), "ZomerVakantie2024\n");
	list = password_list_load(path, err, sizeof(err));
	unlink(path);
	assert_non_null(list);
	assert_int_equal(password_check(list, "zomervakantie2024", NULL),
	    PW_COMMON);
	password_list_free(list);
}

static void
test_password_equal_to_username_refused(void **state)
{
	assert_int_equal(password_check(NULL, "jan.de.vries@example.nl",
	    "jan.de.vries@example.nl"), PW_SAME_AS_USERNAME);
}

static void
test_password_equal_to_username_ignoring_case_refused(void **state)
{
	assert_int_equal(password_check(NULL, "Jan.De.Vries@Example.NL",
	    "jan.de.vries@example.nl"), PW_SAME_AS_USERNAME);
	/* Latin-1 capitals fold too: "ÉLODIE" is "élodie". */
	assert_int_equal(password_check(NULL,
	    "\xc3\x89" "lodie-van-dam", E_ACUTE "LODIE-VAN-DAM"),
	    PW_SAME_AS_USERNAME);
}

static void
test_password_containing_username_accepted(void **state)
{
	assert_int_equal(password_check(NULL, "jan.de.vries@example.nl!",
	    "jan.de.vries@example.nl"), PW_OK);
	/* No username, or an empty one, compares with nothing. */
	assert_int_equal(password_check(NULL, "jan.de.vries@example.nl", ""),
	    PW_OK);
}

static void
test_control_characters_refused(void **state)
{
	assert_int_equal(password_check(NULL, "abcdef\tghijkl", NULL),
	    PW_CONTROL_CHARS);
	assert_int_equal(password_check(NULL, "abcdef\nghijkl", NULL),
	    PW_CONTROL_CHARS);
	assert_int_equal(password_check(NULL, "abcdef\x1fghijkl", NULL),
	    PW_CONTROL_CHARS);
	assert_int_equal(password_check(NULL, "abcdef\x7fghijkl", NULL),
	    PW_CONTROL_CHARS);
	/* A C1 control, U+0085, is just as invisible. */
	assert_int_equal(password_check(NULL, "abcdef\xc2\x85ghijkl", NULL),
	    PW_CONTROL_CHARS);
}

static void
test_invalid_utf8_refused(void **state)
{
	/* Lone continuation byte. */
	assert_int_equal(password_check(NULL, "abcdefghijkl\x80", NULL),
	    PW_NOT_UTF8);
	/* Latin-1 "é", as a misconfigured form would send it. */
	assert_int_equal(password_check(NULL, "caf\xe9-caf\xe9-caf\xe9", NULL),
	    PW_NOT_UTF8);
	/* Truncated sequence at the end. */
	assert_int_equal(password_check(NULL, "abcdefghijkl\xe2\x82", NULL),
	    PW_NOT_UTF8);
	/* Overlong "/" and an encoded surrogate. */
	assert_int_equal(password_check(NULL, "abcdefghijkl\xc0\xaf", NULL),
	    PW_NOT_UTF8);
	assert_int_equal(password_check(NULL, "abcdefghijkl\xed\xa0\x80",
	    NULL), PW_NOT_UTF8);
	/* Above U+10FFFF. */
	assert_int_equal(password_check(NULL, "abcdefghijkl\xf4\x90\x80\x80",
	    NULL), PW_NOT_UTF8);
}

static void
test_null_list_checks_only_other_rules(void **state)
{
	/* "password" repeated is in no list here, so only length applies. */
	assert_int_equal(password_check(NULL, "passwordpassword", NULL),
	    PW_OK);
	assert_int_equal(password_check(NULL, "password", NULL),
	    PW_TOO_SHORT);
	assert_int_equal(password_check(NULL, "willem-alexander",
	    "WILLEM-ALEXANDER"), PW_SAME_AS_USERNAME);
	assert_int_equal(password_list_size(NULL), 0);
}

static void
test_loader_rejects_missing_file(void **state)
{
	char err[256] = "";

	assert_null(password_list_load("/nonexistent/wijkzicht/lijst.txt",
	    err, sizeof(err)));
	assert_non_null(strstr(err, "/nonexistent/wijkzicht/lijst.txt"));
	/* A caller without an error buffer is fine too. */
	assert_null(password_list_load("/nonexistent/wijkzicht/lijst.txt",
	    NULL, 0));
}

static void
test_loader_ignores_cr_and_empty_lines(void **state)
{
	char path[64], err[256];
	struct password_list *list;

	write_temp(path, sizeof(path),
	    "\r\nwelkomwelkom1\r\n\n\ngeheimgeheim2\r\n\r\nlaatsteregel3");
	list = password_list_load(path, err, sizeof(err));
	unlink(path);
	assert_non_null(list);
	assert_int_equal(password_list_size(list), 3);
	assert_int_equal(password_check(list, "welkomwelkom1", NULL),
	    PW_COMMON);
	assert_int_equal(password_check(list, "geheimgeheim2", NULL),
	    PW_COMMON);
	/* The last line has no newline and still counts. */
	assert_int_equal(password_check(list, "laatsteregel3", NULL),
	    PW_COMMON);
	password_list_free(list);
}

static void
test_loader_counts_duplicates_once(void **state)
{
	char path[64], err[256];
	struct password_list *list;

	write_temp(path, sizeof(path), "herhaling123\nHERHALING123\nanders\n");
	list = password_list_load(path, err, sizeof(err));
	unlink(path);
	assert_non_null(list);
	assert_int_equal(password_list_size(list), 2);
	password_list_free(list);
}

static void
test_every_problem_has_dutch_text(void **state)
{
	assert_string_equal(password_problem_text(PW_TOO_SHORT),
	    "Kies een wachtwoord van minstens 12 tekens.");
	assert_string_equal(password_problem_text(PW_COMMON),
	    "Dit wachtwoord komt voor in de lijst van veelgebruikte "
	    "wachtwoorden. Kies een ander.");
	assert_non_null(password_problem_text(PW_OK));
	assert_non_null(password_problem_text(PW_TOO_LONG));
	assert_non_null(password_problem_text(PW_NOT_UTF8));
	assert_non_null(password_problem_text(PW_CONTROL_CHARS));
	assert_non_null(password_problem_text(PW_SAME_AS_USERNAME));
	assert_non_null(password_problem_text((enum password_problem)99));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eleven_chars_refused_as_too_short),
		cmocka_unit_test(test_twelve_chars_accepted),
		cmocka_unit_test(test_twelve_multibyte_chars_accepted),
		cmocka_unit_test(
		    test_eleven_multibyte_chars_refused_though_over_twelve_bytes),
		cmocka_unit_test(test_over_256_chars_refused_as_too_long),
		cmocka_unit_test(test_shipped_list_has_exactly_10000_entries),
		cmocka_unit_test(
		    test_every_long_enough_shipped_entry_refused_as_common),
		cmocka_unit_test(test_common_password_refused_in_any_case),
		cmocka_unit_test(
		    test_upper_case_list_entry_matches_lower_case_password),
		cmocka_unit_test(test_password_equal_to_username_refused),
		cmocka_unit_test(
		    test_password_equal_to_username_ignoring_case_refused),
		cmocka_unit_test(test_password_containing_username_accepted),
		cmocka_unit_test(test_control_characters_refused),
		cmocka_unit_test(test_invalid_utf8_refused),
		cmocka_unit_test(test_null_list_checks_only_other_rules),
		cmocka_unit_test(test_loader_rejects_missing_file),
		cmocka_unit_test(test_loader_ignores_cr_and_empty_lines),
		cmocka_unit_test(test_loader_counts_duplicates_once),
		cmocka_unit_test(test_every_problem_has_dutch_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
