/*
 * test_format_dekking.c — the coverage and burden of a version, counted
 * by hand for a small version: which eisen no item covers (served by an
 * indicator, or asked as an eis item), which indicators lack a doel, an
 * eis or a streefwaarde, the registratielast per bron, eisen and vragen,
 * the handmatig values per wijk (indicators × their cells), an indicator
 * twice in a version counting once, and the cells of a rule.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "core/arena.h"
#include "domain/format_dekking.h"
#include "domain/indicator.h"

static struct arena ar;

static int
setup(void **state)
{
	(void)state;
	return arena_init(&ar, 4096, 1 << 20);
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&ar);
	return 0;
}

static const int64_t eisen_a[] = { 101 };
static const int64_t eisen_b[] = { 101, 102 };

/*
 * The version:
 *   a  berekend      doel, eis 101, streefwaarde
 *   b  handmatig     doel "  " (empty), eisen 101 + 102, no streefwaarde,
 *                    3 cells
 *   c  ketenpartner  doel, no eis, streefwaarde
 *   d  handmatig     doel NULL, no eis, no streefwaarde, 1 cell
 *   a  again (a second section): counts once
 *   eis items 104, 104 (twice), vragen 2
 * The eisen that apply: 101, 102, 103, 104, 105.
 */
static const struct fd_indicator versie[] = {
	{ 1, "a", "A", "Weten hoeveel.", "berekend", eisen_a, 1, 1, 1 },
	{ 2, "b", "B", "  \n", "handmatig", eisen_b, 2, 0, 3 },
	{ 3, "c", "C", "Sturen.", "ketenpartner", NULL, 0, 1, 1 },
	{ 4, "d", "D", NULL, "handmatig", NULL, 0, 0, 1 },
	{ 1, "a", "A", "Weten hoeveel.", "berekend", eisen_a, 1, 1, 1 },
};
static const int64_t eis_items[] = { 104, 104 };
static const struct fd_eis van_toepassing[] = {
	{ 101, "P-1", "Startgesprek.", "uvo", "BREED" },
	{ 102, "P-2", "Wachtlijst.", "uvo", "AANV-PART" },
	{ 103, "P-3", "Warme overdracht.", "uvo", "BREED" },
	{ 104, "B-1", "Bereikbaar.", "pve", "BREED" },
	{ 105, "B-2", "Rapporteert.", "pve", "BREED" },
};

static struct format_dekking
bereken(void)
{
	struct fd_invoer in = { versie, 5, eis_items, 2, 2, van_toepassing, 5 };
	struct format_dekking d;

	assert_int_equal(format_dekking(&in, &ar, &d), 0);
	return d;
}

static void
test_eisen_without_indicator_are_those_no_item_covers(void **state)
{
	struct format_dekking d = bereken();

	(void)state;
	/* 101, 102 served by a or b; 104 is an eis item. */
	assert_int_equal(d.neisen_zonder_indicator, 2);
	assert_int_equal(d.eisen_zonder_indicator[0]->id, 103);
	assert_int_equal(d.eisen_zonder_indicator[1]->id, 105);
}

static void
test_indicators_without_doel_eis_or_streefwaarde(void **state)
{
	struct format_dekking d = bereken();

	(void)state;
	assert_int_equal(d.nzonder_doel, 2);
	assert_string_equal(d.zonder_doel[0]->code, "b");
	assert_string_equal(d.zonder_doel[1]->code, "d");
	assert_int_equal(d.nzonder_eis, 2);
	assert_string_equal(d.zonder_eis[0]->code, "c");
	assert_string_equal(d.zonder_eis[1]->code, "d");
	assert_int_equal(d.nzonder_streefwaarde, 2);
	assert_string_equal(d.zonder_streefwaarde[0]->code, "b");
	assert_string_equal(d.zonder_streefwaarde[1]->code, "d");
}

static void
test_registratielast_counts_each_indicator_once(void **state)
{
	struct format_dekking d = bereken();

	(void)state;
	assert_int_equal(d.last.berekend, 1);      /* a, twice in the version */
	assert_int_equal(d.last.handmatig, 2);     /* b, d */
	assert_int_equal(d.last.ketenpartner, 1);  /* c */
	assert_int_equal(d.last.eisen, 1);         /* 104, twice */
	assert_int_equal(d.last.vragen, 2);
	assert_int_equal(d.last.handmatig_per_wijk, 3 + 1);
}

static void
test_a_version_without_items_covers_nothing(void **state)
{
	struct fd_invoer in = { NULL, 0, NULL, 0, 0, van_toepassing, 5 };
	struct format_dekking d;

	(void)state;
	assert_int_equal(format_dekking(&in, &ar, &d), 0);
	assert_int_equal(d.neisen_zonder_indicator, 5);
	assert_int_equal(d.eisen_zonder_indicator[4]->id, 105);
	assert_int_equal(d.nzonder_doel + d.nzonder_eis +
	    d.nzonder_streefwaarde, 0);
	assert_int_equal(d.last.berekend + d.last.handmatig +
	    d.last.ketenpartner + d.last.eisen + d.last.vragen, 0);
	assert_int_equal(d.last.handmatig_per_wijk, 0);
}

static void
test_no_eisen_apply(void **state)
{
	struct fd_invoer in = { versie, 5, eis_items, 2, 2, NULL, 0 };
	struct format_dekking d;

	(void)state;
	assert_int_equal(format_dekking(&in, &ar, &d), 0);
	assert_int_equal(d.neisen_zonder_indicator, 0);
	assert_int_equal(d.last.handmatig, 2);
}

static void
test_full_arena_fails_cleanly(void **state)
{
	struct fd_invoer in = { versie, 5, eis_items, 2, 2, van_toepassing, 5 };
	struct format_dekking d;
	struct arena klein;

	(void)state;
	assert_int_equal(arena_init(&klein, 16, 16), 0);
	assert_int_equal(format_dekking(&in, &klein, &d), -1);
	assert_null(d.zonder_doel);
	assert_int_equal(d.last.handmatig, 0);
	arena_free(&klein);
}

/* The cells of the rule in js (which must read cleanly). */
static int64_t
cellen(const char *js)
{
	struct json_object *o = json_tokener_parse(js);
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;
	int64_t n;

	assert_non_null(o);
	assert_int_equal(indicator_regel_lees(o, &r, fouten), 0);
	n = format_dekking_cellen(&r);
	json_object_put(fouten);
	json_object_put(o);
	return n;
}

static void
test_cells_of_a_rule_multiply_its_uitsplitsingen(void **state)
{
	(void)state;
	assert_int_equal(format_dekking_cellen(NULL), 1);
	assert_int_equal(cellen("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\"}"), 1);
	/* uitkomst: overbrugbaar, onoverbrugbaar */
	assert_int_equal(cellen("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"uitsplitsing\": [\"uitkomst\"]}"), 2);
	/* × the five ketenstatus partijen */
	assert_int_equal(cellen("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"uitsplitsing\": [\"uitkomst\","
	    " \"ketenstatus\"]}"), 10);
	assert_int_equal(cellen("{\"soort\": \"stand\","
	    " \"toestand\": \"op_wachtlijst\"}"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eisen_without_indicator_are_those_no_item_covers),
		cmocka_unit_test(test_indicators_without_doel_eis_or_streefwaarde),
		cmocka_unit_test(test_registratielast_counts_each_indicator_once),
		cmocka_unit_test(test_a_version_without_items_covers_nothing),
		cmocka_unit_test(test_no_eisen_apply),
		cmocka_unit_test(test_full_arena_fails_cleanly),
		cmocka_unit_test(test_cells_of_a_rule_multiply_its_uitsplitsingen),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
