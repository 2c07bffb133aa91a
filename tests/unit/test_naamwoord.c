/*
 * test_naamwoord.c — the words of a name (domain/naamwoord.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/naamwoord.h"

/* The words of s joined with '|' into out. */
static const char *
woorden(const char *s, char *out, size_t cap)
{
	const char *p = s, *w;
	size_t n, used = 0;

	out[0] = '\0';
	while ((w = naamwoord_volgende(&p, &n)) != NULL) {
		used += (size_t)snprintf(out + used, cap - used, "%s%.*s",
		    used ? "|" : "", (int)n, w);
		assert_true(used < cap);
	}
	return out;
}

static void
test_splits_on_everything_but_letters_and_digits(void **state)
{
	char out[256];

	(void)state;
	assert_string_equal(woorden("Jan de Vries", out, sizeof(out)),
	    "Jan|de|Vries");
	assert_string_equal(woorden("Jansen-de Vries", out, sizeof(out)),
	    "Jansen|de|Vries");
	assert_string_equal(woorden("'t Hart", out, sizeof(out)), "t|Hart");
	assert_string_equal(woorden("  A.B.  van\tDijk ", out, sizeof(out)),
	    "A|B|van|Dijk");
	assert_string_equal(woorden("Noor2", out, sizeof(out)), "Noor2");
}

static void
test_keeps_utf8_letters_inside_words(void **state)
{
	char out[256];

	(void)state;
	assert_string_equal(woorden("Céline Öztürk", out, sizeof(out)),
	    "Céline|Öztürk");
	assert_string_equal(woorden("Groß", out, sizeof(out)), "Groß");
}

static void
test_nothing_left(void **state)
{
	const char *p = " -- ', ", *q = NULL;
	size_t n = 7;

	(void)state;
	assert_null(naamwoord_volgende(&p, &n));
	assert_int_equal(n, 0);
	assert_null(naamwoord_volgende(&q, &n));
	assert_null(naamwoord_volgende(NULL, &n));
}

static void
test_long_word_is_cut_on_a_character_boundary(void **state)
{
	char s[200];
	const char *p = s, *w;
	size_t n, i;

	(void)state;
	/* 63 ASCII letters then "é" (2 bytes): 65 bytes; the cut at 64 would
	 * split the é, so the word ends before it. */
	for (i = 0; i < 63; i++)
		s[i] = 'a';
	memcpy(s + 63, "\xc3\xa9 b", 5);
	w = naamwoord_volgende(&p, &n);
	assert_non_null(w);
	assert_int_equal(n, 63);
	/* The rest of that run is skipped, not a word of its own. */
	w = naamwoord_volgende(&p, &n);
	assert_int_equal(n, 1);
	assert_memory_equal(w, "b", 1);
	/* Exactly 64 ASCII letters stay whole. */
	for (i = 0; i < 70; i++)
		s[i] = 'x';
	s[70] = '\0';
	p = s;
	(void)naamwoord_volgende(&p, &n);
	assert_int_equal(n, NAAMWOORD_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splits_on_everything_but_letters_and_digits),
		cmocka_unit_test(test_keeps_utf8_letters_inside_words),
		cmocka_unit_test(test_nothing_left),
		cmocka_unit_test(test_long_word_is_cut_on_a_character_boundary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
