/*
 * test_format_verschil.c — comparing two versions of a format, with
 * hand-written versions: an indicator in a new version with a changed
 * definitie and rule, a rule that only changed its key order (no change),
 * a move between sections, an eis added and one removed, a vraag removed
 * and one reworded (removed + added: vragen match by text), duplicates
 * matched in order, the lineage of the newer version, and the order of
 * every list.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/format_verschil.h"

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

#define REGEL_A	"{\"soort\":\"telling\",\"tel\":\"inwoners\",\"type\":\"startgesprek\"}"
/* The same value as REGEL_A, keys in another order, other spacing. */
#define REGEL_A2 "{ \"type\": \"startgesprek\", \"soort\": \"telling\", \"tel\": \"inwoners\" }"
#define REGEL_B	"{\"soort\":\"telling\",\"tel\":\"trajecten\",\"type\":\"startgesprek\"}"

/* An indicator item of section s. */
static struct fv_item
ind(const char *s, int64_t id, const char *code, const char *definitie,
    const char *regel)
{
	struct fv_item i;

	memset(&i, 0, sizeof(i));
	i.soort = FV_INDICATOR;
	i.sectie = s;
	i.indicator_id = id;
	i.code = code;
	i.naam = "Naam";
	i.definitie = definitie;
	i.doel = "Doel";
	i.eenheid = "aantal";
	i.bron = "berekend";
	i.regel = regel;
	return i;
}

static struct fv_item
eis(const char *s, int64_t id, const char *code)
{
	struct fv_item i;

	memset(&i, 0, sizeof(i));
	i.soort = FV_EIS;
	i.sectie = s;
	i.eis_id = id;
	i.eis_code = code;
	i.eis_omschrijving = "Omschrijving";
	return i;
}

static struct fv_item
vraag(const char *s, const char *tekst)
{
	struct fv_item i;

	memset(&i, 0, sizeof(i));
	i.soort = FV_VRAAG;
	i.sectie = s;
	i.vraag = tekst;
	return i;
}

/* The velden of a change as one string "definitie,regel". */
static const char *
velden(unsigned v)
{
	static char out[128];
	size_t i;

	out[0] = '\0';
	for (i = 0; i < FV_VELDEN; i++)
		if (v & (1u << i)) {
			if (out[0] != '\0')
				strcat(out, ",");
			strcat(out, fv_veld_naam(i));
		}
	return out;
}

static void
test_identical_versions_have_no_difference(void **state)
{
	struct fv_item a[] = { ind("S", 1, "a", "d", REGEL_A), eis("S", 7, "P-1"),
	    vraag("S", "Wat ging goed?") };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(a, 3, a, 3, &ar, &d), 0);
	assert_int_equal(d.ntoegevoegd, 0);
	assert_int_equal(d.nverwijderd, 0);
	assert_int_equal(d.ngewijzigd, 0);
	assert_int_equal(d.nlijn, 1);
	assert_ptr_equal(d.lijn[0], &a[0]);
}

static void
test_new_indicator_version_lists_the_fields_that_differ(void **state)
{
	struct fv_item van[] = { ind("S", 1, "a", "oud", REGEL_A) };
	struct fv_item naar[] = { ind("S", 2, "a", "nieuw", REGEL_B) };
	struct fv_verschil d;

	(void)state;
	naar[0].partij = "werkom";
	assert_int_equal(format_verschil(van, 1, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 1);
	assert_ptr_equal(d.gewijzigd[0].van, &van[0]);
	assert_ptr_equal(d.gewijzigd[0].naar, &naar[0]);
	assert_string_equal(velden(d.gewijzigd[0].velden),
	    "definitie,aanleverende_partij,regel");
	assert_int_equal(d.ntoegevoegd, 0);
	assert_int_equal(d.nverwijderd, 0);
}

static void
test_rule_in_another_key_order_is_no_change(void **state)
{
	struct fv_item van[] = { ind("S", 1, "a", "d", REGEL_A) };
	struct fv_item naar[] = { ind("S", 2, "a", "d", REGEL_A2) };
	struct fv_verschil d;

	(void)state;
	assert_true(fv_regel_gelijk(REGEL_A, REGEL_A2));
	assert_false(fv_regel_gelijk(REGEL_A, REGEL_B));
	assert_false(fv_regel_gelijk(REGEL_A, NULL));
	assert_true(fv_regel_gelijk(NULL, NULL));
	assert_false(fv_regel_gelijk("{kapot", "{kapot "));
	assert_true(fv_regel_gelijk("{kapot", "{kapot"));
	/* The pinned id moved: a change, though no compared field differs. */
	assert_int_equal(format_verschil(van, 1, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 1);
	assert_int_equal(d.gewijzigd[0].velden, 0);
}

static void
test_same_pinned_version_with_other_fields_is_no_change(void **state)
{
	/* The fields of one pinned id cannot differ in real data; were they
	 * to, only the id decides, so the diff never invents a change. */
	struct fv_item van[] = { ind("S", 1, "a", "oud", REGEL_A) };
	struct fv_item naar[] = { ind("S", 1, "a", "nieuw", REGEL_B) };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 1, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 0);
}

static void
test_move_between_sections_is_sectie(void **state)
{
	struct fv_item van[] = { ind("Instroom", 1, "a", "d", NULL),
	    eis("Instroom", 7, "P-1"), vraag("Instroom", "Wat ging goed?") };
	struct fv_item naar[] = { ind("Uitstroom", 1, "a", "d", NULL),
	    eis("Uitstroom", 7, "P-1"), vraag("Uitstroom", "Wat ging goed?") };
	struct fv_verschil d;
	size_t i;

	(void)state;
	assert_int_equal(format_verschil(van, 3, naar, 3, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 3);
	for (i = 0; i < 3; i++) {
		assert_string_equal(velden(d.gewijzigd[i].velden), "sectie");
		assert_ptr_equal(d.gewijzigd[i].naar, &naar[i]);
	}
}

static void
test_new_version_moved_and_changed_names_both(void **state)
{
	struct fv_item van[] = { ind("A", 1, "a", "oud", NULL) };
	struct fv_item naar[] = { ind("B", 2, "a", "nieuw", NULL) };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 1, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 1);
	assert_string_equal(velden(d.gewijzigd[0].velden), "definitie,sectie");
}

static void
test_eisen_match_by_id_and_vragen_by_text(void **state)
{
	struct fv_item van[] = { eis("S", 7, "P-1"), eis("S", 8, "P-2"),
	    vraag("S", "Wat ging goed?"), vraag("S", "Wat kan beter?") };
	struct fv_item naar[] = { eis("S", 7, "P-1"), eis("S", 9, "P-3"),
	    vraag("S", "Wat ging goed?"), vraag("S", "Wat kan er beter?") };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 4, naar, 4, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 0);
	assert_int_equal(d.ntoegevoegd, 2);
	assert_ptr_equal(d.toegevoegd[0], &naar[1]);
	assert_ptr_equal(d.toegevoegd[1], &naar[3]);
	assert_int_equal(d.nverwijderd, 2);
	assert_ptr_equal(d.verwijderd[0], &van[1]);
	assert_ptr_equal(d.verwijderd[1], &van[3]);
	assert_int_equal(d.nlijn, 0);
}

static void
test_an_eis_id_is_no_indicator_id(void **state)
{
	/* Keys compare within a soort only. */
	struct fv_item van[] = { eis("S", 5, "P-1") };
	struct fv_item naar[] = { ind("S", 5, "p_1", "d", NULL) };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 1, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ntoegevoegd, 1);
	assert_int_equal(d.nverwijderd, 1);
	assert_int_equal(d.ngewijzigd, 0);
}

static void
test_lists_keep_the_order_of_their_version(void **state)
{
	struct fv_item van[] = { ind("S", 1, "x", "d", NULL),
	    ind("S", 2, "b", "d", NULL), ind("S", 3, "y", "d", NULL),
	    ind("S", 4, "a", "d", NULL) };
	struct fv_item naar[] = { ind("S", 14, "a", "e", NULL),
	    ind("S", 10, "n2", "d", NULL), ind("S", 12, "b", "e", NULL),
	    ind("S", 11, "n1", "d", NULL) };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 4, naar, 4, &ar, &d), 0);
	assert_int_equal(d.ntoegevoegd, 2);
	assert_string_equal(d.toegevoegd[0]->code, "n2");
	assert_string_equal(d.toegevoegd[1]->code, "n1");
	assert_int_equal(d.nverwijderd, 2);
	assert_string_equal(d.verwijderd[0]->code, "x");
	assert_string_equal(d.verwijderd[1]->code, "y");
	assert_int_equal(d.ngewijzigd, 2);
	assert_string_equal(d.gewijzigd[0].naar->code, "a");
	assert_string_equal(d.gewijzigd[1].naar->code, "b");
	assert_int_equal(d.nlijn, 4);
	assert_string_equal(d.lijn[0]->code, "a");
	assert_string_equal(d.lijn[3]->code, "n1");
}

static void
test_duplicates_match_occurrence_by_occurrence(void **state)
{
	struct fv_item van[] = { vraag("A", "Toelichting?"),
	    vraag("B", "Toelichting?") };
	struct fv_item naar[] = { vraag("A", "Toelichting?") };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(van, 2, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ngewijzigd, 0);
	assert_int_equal(d.ntoegevoegd, 0);
	assert_int_equal(d.nverwijderd, 1);
	assert_ptr_equal(d.verwijderd[0], &van[1]);
}

static void
test_lineage_is_the_newer_versions_indicators(void **state)
{
	struct fv_item van[] = { ind("S", 1, "a", "d", NULL) };
	struct fv_item naar[] = { vraag("S", "Vraag?"),
	    ind("S", 2, "a", "e", NULL), ind("S", 3, "nieuw", "d", NULL) };
	struct fv_verschil d;

	(void)state;
	naar[1].lijn = "vergelijkbaar";
	naar[1].vorige_id = 1;
	naar[1].vorige_code = "a";
	naar[2].lijn = "niet_vergelijkbaar";
	assert_int_equal(format_verschil(van, 1, naar, 3, &ar, &d), 0);
	assert_int_equal(d.nlijn, 2);
	assert_ptr_equal(d.lijn[0], &naar[1]);
	assert_string_equal(d.lijn[0]->lijn, "vergelijkbaar");
	assert_int_equal(d.lijn[0]->vorige_id, 1);
	assert_ptr_equal(d.lijn[1], &naar[2]);
	assert_null(d.lijn[1]->vorige_code);
}

static void
test_empty_versions(void **state)
{
	struct fv_item naar[] = { eis("S", 7, "P-1") };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(format_verschil(NULL, 0, NULL, 0, &ar, &d), 0);
	assert_int_equal(d.ntoegevoegd + d.nverwijderd + d.ngewijzigd +
	    d.nlijn, 0);
	assert_int_equal(format_verschil(NULL, 0, naar, 1, &ar, &d), 0);
	assert_int_equal(d.ntoegevoegd, 1);
	assert_int_equal(format_verschil(naar, 1, NULL, 0, &ar, &d), 0);
	assert_int_equal(d.nverwijderd, 1);
}

static void
test_full_arena_fails_cleanly(void **state)
{
	struct arena klein;
	struct fv_item a[] = { ind("S", 1, "a", "d", NULL) };
	struct fv_verschil d;

	(void)state;
	assert_int_equal(arena_init(&klein, 16, 16), 0);
	assert_int_equal(format_verschil(a, 1, a, 1, &klein, &d), -1);
	assert_null(d.toegevoegd);
	assert_int_equal(d.nlijn, 0);
	arena_free(&klein);
}

static void
test_names_of_soorten_and_velden(void **state)
{
	(void)state;
	assert_string_equal(fv_soort_code(FV_INDICATOR), "indicator");
	assert_string_equal(fv_soort_code(FV_EIS), "eis");
	assert_string_equal(fv_soort_code(FV_VRAAG), "vraag");
	assert_null(fv_soort_code((enum fv_soort)0));
	assert_string_equal(fv_veld_naam(0), "naam");
	assert_string_equal(fv_veld_naam(5), "aanleverende_partij");
	assert_string_equal(fv_veld_naam(7), "sectie");
	assert_null(fv_veld_naam(FV_VELDEN));
	assert_string_equal(velden(FV_SECTIE | FV_NAAM), "naam,sectie");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_versions_have_no_difference),
		cmocka_unit_test(test_new_indicator_version_lists_the_fields_that_differ),
		cmocka_unit_test(test_rule_in_another_key_order_is_no_change),
		cmocka_unit_test(test_same_pinned_version_with_other_fields_is_no_change),
		cmocka_unit_test(test_move_between_sections_is_sectie),
		cmocka_unit_test(test_new_version_moved_and_changed_names_both),
		cmocka_unit_test(test_eisen_match_by_id_and_vragen_by_text),
		cmocka_unit_test(test_an_eis_id_is_no_indicator_id),
		cmocka_unit_test(test_lists_keep_the_order_of_their_version),
		cmocka_unit_test(test_duplicates_match_occurrence_by_occurrence),
		cmocka_unit_test(test_lineage_is_the_newer_versions_indicators),
		cmocka_unit_test(test_empty_versions),
		cmocka_unit_test(test_full_arena_fails_cleanly),
		cmocka_unit_test(test_names_of_soorten_and_velden),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
