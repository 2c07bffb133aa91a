/*
 * test_format.c — a formatversie's content as the domain judges it
 * (domain/format.h): what is read, every field error under its path, the
 * lineage rules, the periode of a next version, and the onderwerp a
 * comment keeps.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "domain/format.h"
#include "domain/veldfout.h"

/* Reads body's "secties" (JSON text); *fouten is the error list (the
 * caller puts it and *doc). */
static int
lees(const char *body, struct format_inhoud *in, struct json_object **doc,
    struct json_object **fouten)
{
	struct json_object *s = NULL;

	*doc = json_tokener_parse(body);
	assert_non_null(*doc);
	*fouten = json_object_new_array();
	json_object_object_get_ex(*doc, "secties", &s);
	return format_inhoud_lees(s, in, *fouten);
}

static void
klaar(struct json_object *doc, struct json_object *fouten)
{
	json_object_put(doc);
	json_object_put(fouten);
}

static struct format_inhoud in;   /* large: not on the stack */

static void
test_reads_sections_and_items_in_order(void **state)
{
	struct json_object *d, *f;

	(void)state;
	assert_int_equal(lees("{\"secties\": [{\"titel\": \" Bereik \", \"items\": ["
	    "{\"soort\": \"indicator\", \"indicator_id\": 7},"
	    "{\"soort\": \"eis\", \"eis_id\": 3}]},"
	    "{\"titel\": \"Open\", \"items\": [{\"soort\": \"vraag\","
	    " \"vraag\": \"Wat ging goed?\"}]}]}", &in, &d, &f), 0);
	assert_int_equal(json_object_array_length(f), 0);
	assert_int_equal(in.nsecties, 2);
	assert_int_equal(in.nitems, 3);
	assert_int_equal(in.secties[0].titel_len, 6);
	assert_memory_equal(in.secties[0].titel, "Bereik", 6);
	assert_int_equal(in.secties[1].eerste, 2);
	assert_int_equal(in.items[0].soort, ITEM_INDICATOR);
	assert_int_equal(in.items[0].indicator_id, 7);
	assert_int_equal(in.items[0].lijn, LIJN_NIET_GEZEGD);
	assert_int_equal(in.items[1].eis_id, 3);
	assert_int_equal(in.items[1].plek, 1);
	assert_int_equal(in.items[2].sectie, 1);
	assert_int_equal(in.items[2].vraag_len, strlen("Wat ging goed?"));
	klaar(d, f);
}

static void
test_empty_version_and_empty_section_refused(void **state)
{
	struct json_object *d, *f;

	(void)state;
	assert_int_equal(lees("{}", &in, &d, &f), -1);
	assert_non_null(fout_van(f, "secties"));
	klaar(d, f);
	assert_int_equal(lees("{\"secties\": []}", &in, &d, &f), -1);
	assert_non_null(fout_van(f, "secties"));
	klaar(d, f);
	assert_int_equal(lees("{\"secties\": [{\"titel\": \"A\", \"items\": []},"
	    " {\"items\": [{\"soort\": \"vraag\", \"vraag\": \"x\"}]}]}", &in, &d,
	    &f), -1);
	assert_non_null(fout_van(f, "secties[0].items"));
	assert_non_null(fout_van(f, "secties[1].titel"));
	klaar(d, f);
}

static void
test_item_fields_each_under_their_path(void **state)
{
	struct json_object *d, *f;

	(void)state;
	assert_int_equal(lees("{\"secties\": [{\"titel\": \"A\", \"items\": ["
	    "{\"soort\": \"kaart\"},"
	    "{\"soort\": \"indicator\", \"indicator_id\": \"7\"},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 0},"
	    "{\"soort\": \"eis\"},"
	    "{\"soort\": \"vraag\", \"vraag\": \"  \"},"
	    "{\"soort\": \"vraag\", \"vraag\": \"ok\", \"eis_id\": 4},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 9, \"lijn\": \"soms\"},"
	    "[]]}]}", &in, &d, &f), -1);
	assert_non_null(fout_van(f, "secties[0].items[0].soort"));
	assert_non_null(fout_van(f, "secties[0].items[1].indicator_id"));
	assert_non_null(fout_van(f, "secties[0].items[2].indicator_id"));
	assert_non_null(fout_van(f, "secties[0].items[3].eis_id"));
	assert_non_null(fout_van(f, "secties[0].items[4].vraag"));
	assert_non_null(fout_van(f, "secties[0].items[5].eis_id"));
	assert_non_null(fout_van(f, "secties[0].items[6].lijn"));
	assert_non_null(fout_van(f, "secties[0].items[7]"));
	klaar(d, f);
}

static void
test_bounds_of_titel_and_vraag(void **state)
{
	struct json_object *d, *f, *doc, *s, *it;
	char *lang = malloc(2002);

	(void)state;
	memset(lang, 'a', 2001);
	lang[2001] = '\0';
	doc = json_object_new_object();
	s = json_object_new_array();
	it = json_object_new_object();
	json_object_object_add(it, "soort", json_object_new_string("vraag"));
	json_object_object_add(it, "vraag", json_object_new_string(lang));
	lang[201] = '\0';
	{
		struct json_object *sec = json_object_new_object(), *items;

		json_object_object_add(sec, "titel", json_object_new_string(lang));
		items = json_object_new_array();
		json_object_array_add(items, it);
		json_object_object_add(sec, "items", items);
		json_object_array_add(s, sec);
	}
	json_object_object_add(doc, "secties", s);
	assert_int_equal(lees(json_object_to_json_string(doc), &in, &d, &f), -1);
	assert_non_null(fout_van(f, "secties[0].titel"));
	assert_non_null(fout_van(f, "secties[0].items[0].vraag"));
	klaar(d, f);
	json_object_put(doc);
	free(lang);
}

static void
test_duplicate_indicator_or_eis_refused(void **state)
{
	struct json_object *d, *f;

	(void)state;
	assert_int_equal(lees("{\"secties\": [{\"titel\": \"A\", \"items\": ["
	    "{\"soort\": \"indicator\", \"indicator_id\": 7},"
	    "{\"soort\": \"eis\", \"eis_id\": 3}]}, {\"titel\": \"B\", \"items\": ["
	    "{\"soort\": \"eis\", \"eis_id\": 3},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 7}]}]}", &in, &d, &f), -1);
	assert_int_equal(json_object_array_length(f), 2);
	assert_non_null(fout_van(f, "secties[1].items[0].eis_id"));
	assert_non_null(fout_van(f, "secties[1].items[1].indicator_id"));
	klaar(d, f);
}

static void
test_vergelijkbaar_exactly_with_a_predecessor(void **state)
{
	struct json_object *d, *f;

	(void)state;
	assert_int_equal(lees("{\"secties\": [{\"titel\": \"A\", \"items\": ["
	    "{\"soort\": \"indicator\", \"indicator_id\": 7, \"lijn\": \"vergelijkbaar\"},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 8, \"lijn\":"
	    " \"niet_vergelijkbaar\", \"vorige_indicator_id\": 2},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 9, \"vorige_indicator_id\": 2},"
	    "{\"soort\": \"indicator\", \"indicator_id\": 10, \"lijn\":"
	    " \"vergelijkbaar\", \"vorige_indicator_id\": 3}]}]}", &in, &d, &f), -1);
	assert_non_null(fout_van(f, "secties[0].items[0].vorige_indicator_id"));
	assert_non_null(fout_van(f, "secties[0].items[1].lijn"));
	assert_non_null(fout_van(f, "secties[0].items[2].lijn"));
	assert_null(fout_van(f, "secties[0].items[3].lijn"));
	assert_null(fout_van(f, "secties[0].items[3].vorige_indicator_id"));
	klaar(d, f);
}

static void
test_lineage_only_with_a_previous_version(void **state)
{
	struct json_object *d, *f, *g;

	(void)state;
	assert_int_equal(lees("{\"secties\": [{\"titel\": \"A\", \"items\": ["
	    "{\"soort\": \"indicator\", \"indicator_id\": 7, \"lijn\":"
	    " \"niet_vergelijkbaar\"}, {\"soort\": \"indicator\", \"indicator_id\": 8},"
	    "{\"soort\": \"vraag\", \"vraag\": \"x\"}]}]}", &in, &d, &f), 0);
	/* A first version says no lineage at all. */
	assert_int_equal(format_lijn_toets(&in, 0, 0, f), 1);
	assert_non_null(fout_van(f, "secties[0].items[0].lijn"));
	g = json_object_new_array();
	/* With a predecessor a concept may still be silent ... */
	assert_int_equal(format_lijn_toets(&in, 1, 0, g), 0);
	/* ... a publication not. */
	assert_int_equal(format_lijn_toets(&in, 1, 1, g), 1);
	assert_non_null(fout_van(g, "secties[0].items[1].lijn"));
	json_object_put(g);
	klaar(d, f);
}

static void
test_periode_after_and_of_the_same_kind(void **state)
{
	struct periode a, b, c, q;

	(void)state;
	assert_int_equal(periode_lees_str("2024-H1", &a), 0);
	assert_int_equal(periode_lees_str("2024-H2", &b), 0);
	assert_int_equal(periode_lees_str("2023-H2", &c), 0);
	assert_int_equal(periode_lees_str("2024-Q3", &q), 0);
	assert_int_equal(format_periode_na(&b, &a), FP_GOED);
	assert_int_equal(format_periode_na(&a, &a), FP_NIET_NA);
	assert_int_equal(format_periode_na(&c, &a), FP_NIET_NA);
	assert_int_equal(format_periode_na(&q, &a), FP_ANDERE_SOORT);
	assert_string_not_equal(format_periode_tekst(FP_NIET_NA),
	    format_periode_tekst(FP_ANDERE_SOORT));
}

static void
test_midden_in_periode_from_its_first_day(void **state)
{
	struct periode p;
	long eerste;

	(void)state;
	assert_int_equal(periode_lees_str("2024-H2", &p), 0);
	eerste = periode_eerste_dag(&p);
	assert_false(format_midden_in_periode(&p, eerste - 1));
	assert_true(format_midden_in_periode(&p, eerste));
	assert_true(format_midden_in_periode(&p, eerste + 400));
}

static void
test_paths_and_codes(void **state)
{
	char pad[FORMAT_PAD_MAX];

	(void)state;
	assert_string_equal(format_pad(pad, 0, 2, "indicator_id"),
	    "secties[0].items[2].indicator_id");
	assert_string_equal(format_pad(pad, 3, SIZE_MAX, "titel"),
	    "secties[3].titel");
	assert_string_equal(format_pad(pad, 1, 4, NULL), "secties[1].items[4]");
	assert_string_equal(format_pad(pad, FORMAT_MAX_SECTIES - 1,
	    FORMAT_MAX_ITEMS - 1, "vorige_indicator_id"),
	    "secties[31].items[255].vorige_indicator_id");
	assert_int_equal(format_item_soort_lees("eis"), ITEM_EIS);
	assert_int_equal(format_item_soort_lees("Eis"), 0);
	assert_int_equal(format_item_soort_lees(NULL), 0);
	assert_null(format_lijn_code(LIJN_NIET_GEZEGD));
	assert_string_equal(format_lijn_code(LIJN_NIET_VERGELIJKBAAR),
	    "niet_vergelijkbaar");
	assert_int_equal(format_lijn_lees("vergelijkbaar"), LIJN_VERGELIJKBAAR);
}

static void
test_onderwerp_keeps_what_the_item_was(void **state)
{
	char o[FORMAT_ONDERWERP_MAX];
	char lang[200];

	(void)state;
	assert_string_equal(format_onderwerp(o, ITEM_INDICATOR,
	    "startgesprekken_gevoerd"), "indicator startgesprekken_gevoerd");
	assert_string_equal(format_onderwerp(o, ITEM_EIS, "P-3"), "eis P-3");
	assert_string_equal(format_onderwerp(o, ITEM_VRAAG, "Wat ging goed?"),
	    "vraag: Wat ging goed?");
	assert_string_equal(format_onderwerp(o, ITEM_EIS, NULL), "eis");
	/* A long question is cut on a character boundary, and says so. */
	memset(lang, 'a', 79);
	strcpy(lang + 79, "é en nog veel meer tekst daarachter");
	format_onderwerp(o, ITEM_VRAAG, lang);
	assert_int_equal(strlen(o), strlen("vraag: ") + 79 + strlen("…"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_sections_and_items_in_order),
		cmocka_unit_test(test_empty_version_and_empty_section_refused),
		cmocka_unit_test(test_item_fields_each_under_their_path),
		cmocka_unit_test(test_bounds_of_titel_and_vraag),
		cmocka_unit_test(test_duplicate_indicator_or_eis_refused),
		cmocka_unit_test(test_vergelijkbaar_exactly_with_a_predecessor),
		cmocka_unit_test(test_lineage_only_with_a_previous_version),
		cmocka_unit_test(test_periode_after_and_of_the_same_kind),
		cmocka_unit_test(test_midden_in_periode_from_its_first_day),
		cmocka_unit_test(test_paths_and_codes),
		cmocka_unit_test(test_onderwerp_keeps_what_the_item_was),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
