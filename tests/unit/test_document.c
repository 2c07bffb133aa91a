/*
 * test_document.c — documents as data (src/doc/document.h): blocks keep
 * their order and their contents, every string is copied, a refused call
 * fails the document (bad arguments and a full arena alike, never an
 * abort), and doc_naar_xlsx() writes one sheet per table with names Excel
 * accepts.
 *
 * The workbook is checked by reading the zip (tests/unit/zip.h), as
 * test_xlsx.c does, so no unzip program is needed.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/arena.h"
#include "doc/document.h"
#include "zip.h"
#include "tel.h"

#define T(s)	{ DOC_TEKST, (s), 0 }
#define G(v)	{ DOC_GETAL, NULL, (v) }
#define D(s)	{ DOC_DATUM, (s), 0 }
#define LEEG	{ DOC_LEEG, NULL, 0 }

static const char *const kop3[] = { "Wijk", "Aantal", "Peildatum" };
static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";

/* ------------------------------------------------------------ fixtures */

static struct arena arena;
static char path[64];

static int
setup(void **state)
{
	int fd;

	(void)state;
	if (arena_init(&arena, 4096, 1 << 24) != 0)
		return -1;
	snprintf(path, sizeof(path), "/tmp/wz-test-doc-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	unlink(path);
	return 0;
}

/* A document with one table of nkol 3 and nothing else. */
static struct doc *
met_tabel(struct doc_tabel **t)
{
	struct doc *d = doc_nieuw(&arena, "Rapportage");

	assert_non_null(d);
	*t = doc_tabel(d, "Tabel", 3, kop3);
	assert_non_null(*t);
	return d;
}

/* ------------------------------------------------------------ building */

static void
test_blocks_are_kept_in_order_with_their_contents(void **state)
{
	const struct doc_cel rij1[] = { T("Peldersveld"), G(12), D("2024-06-30") };
	const struct doc_cel rij2[] = { T("Rosmolenwijk"), LEEG, D(NULL) };
	const struct doc_blok *b;
	const struct doc_tabel *t;
	const struct doc_rij *r;
	struct doc_tabel *tab;
	struct doc *d;

	(void)state;
	d = doc_nieuw(&arena, "Rapportage participatie 2024-H1");
	assert_non_null(d);
	assert_int_equal(doc_kop(d, 1, "Samenvatting"), 0);
	assert_int_equal(doc_alinea(d, "Het aantal startgesprekken steeg."), 0);
	assert_non_null(tab = doc_tabel(d, "Startgesprekken", 3, kop3));
	assert_int_equal(doc_rij(tab, rij1, 3), 0);
	assert_int_equal(doc_figuur(d, "Verloop", svg, "Een stijgende lijn"), 0);
	assert_int_equal(doc_kop(d, 2, "Wachtlijst"), 0);
	/* A row after later blocks still goes to its own table. */
	assert_int_equal(doc_rij(tab, rij2, 3), 0);

	assert_false(doc_mislukt(d));
	assert_string_equal(doc_titel(d), "Rapportage participatie 2024-H1");
	assert_int_equal(doc_blokken(d), 5);
	assert_int_equal(doc_tabellen(d), 1);

	b = doc_eerste(d);
	assert_int_equal(doc_soort(b), DOC_KOP);
	assert_int_equal(doc_niveau(b), 1);
	assert_string_equal(doc_tekst(b), "Samenvatting");
	assert_null(doc_als_tabel(b));
	assert_null(doc_svg(b));

	b = doc_volgende(b);
	assert_int_equal(doc_soort(b), DOC_ALINEA);
	assert_int_equal(doc_niveau(b), 0);
	assert_string_equal(doc_tekst(b), "Het aantal startgesprekken steeg.");

	b = doc_volgende(b);
	assert_int_equal(doc_soort(b), DOC_TABEL);
	assert_string_equal(doc_tekst(b), "Startgesprekken");
	t = doc_als_tabel(b);
	assert_non_null(t);
	assert_string_equal(doc_tabel_titel(t), "Startgesprekken");
	assert_int_equal(doc_kolommen(t), 3);
	assert_string_equal(doc_kolomkop(t, 0), "Wijk");
	assert_string_equal(doc_kolomkop(t, 2), "Peildatum");
	assert_null(doc_kolomkop(t, 3));
	assert_int_equal(doc_rijen(t), 2);
	r = doc_eerste_rij(t);
	assert_int_equal(doc_cellen(r)[0].soort, DOC_TEKST);
	assert_string_equal(doc_cellen(r)[0].tekst, "Peldersveld");
	assert_int_equal(doc_cellen(r)[1].soort, DOC_GETAL);
	assert_true(doc_cellen(r)[1].getal == 12);
	assert_string_equal(doc_cellen(r)[2].tekst, "2024-06-30");
	r = doc_volgende_rij(r);
	assert_string_equal(doc_cellen(r)[0].tekst, "Rosmolenwijk");
	assert_int_equal(doc_cellen(r)[1].soort, DOC_LEEG);
	assert_null(doc_cellen(r)[2].tekst);
	assert_null(doc_volgende_rij(r));

	b = doc_volgende(b);
	assert_int_equal(doc_soort(b), DOC_FIGUUR);
	assert_string_equal(doc_tekst(b), "Verloop");
	assert_string_equal(doc_svg(b), svg);
	assert_string_equal(doc_bijschrift(b), "Een stijgende lijn");

	b = doc_volgende(b);
	assert_int_equal(doc_soort(b), DOC_KOP);
	assert_int_equal(doc_niveau(b), 2);
	assert_null(doc_volgende(b));
}

static void
test_strings_are_copied_into_the_arena(void **state)
{
	char titel[] = "Kop", alinea[] = "Tekst", cel[] = "Wijk A", kop[] = "K";
	const char *koppen[] = { kop };
	struct doc_cel rij[] = { T(cel) };
	struct doc_tabel *t;
	struct doc *d;

	(void)state;
	d = doc_nieuw(&arena, "Document");
	assert_int_equal(doc_kop(d, 1, titel), 0);
	assert_int_equal(doc_alinea(d, alinea), 0);
	assert_non_null(t = doc_tabel(d, "Tabel", 1, koppen));
	assert_int_equal(doc_rij(t, rij, 1), 0);
	titel[0] = alinea[0] = cel[0] = kop[0] = 'X';
	assert_string_equal(doc_tekst(doc_eerste(d)), "Kop");
	assert_string_equal(doc_tekst(doc_volgende(doc_eerste(d))), "Tekst");
	assert_string_equal(doc_kolomkop(t, 0), "K");
	assert_string_equal(doc_cellen(doc_eerste_rij(t))[0].tekst, "Wijk A");
}

static void
test_empty_document_has_no_blocks(void **state)
{
	struct doc *d = doc_nieuw(&arena, "Leeg");

	(void)state;
	assert_non_null(d);
	assert_int_equal(doc_blokken(d), 0);
	assert_null(doc_eerste(d));
	assert_false(doc_mislukt(d));
}

/* ------------------------------------------------------------ refusals */

static void
test_nieuw_rejects_missing_arena_or_title(void **state)
{
	(void)state;
	assert_null(doc_nieuw(NULL, "Titel"));
	assert_null(doc_nieuw(&arena, NULL));
	assert_null(doc_nieuw(&arena, ""));
}

static void
test_kop_rejects_niveau_outside_1_to_3(void **state)
{
	static const int fout[] = { 0, 4, -1, 100 };
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++) {
		d = doc_nieuw(&arena, "Document");
		assert_int_equal(doc_kop(d, fout[i], "Kop"), -1);
		assert_true(doc_mislukt(d));
		assert_int_equal(doc_blokken(d), 0);
	}
	d = doc_nieuw(&arena, "Document");
	assert_int_equal(doc_kop(d, 3, ""), -1);
	d = doc_nieuw(&arena, "Document");
	assert_int_equal(doc_kop(d, 3, NULL), -1);
	assert_int_equal(doc_alinea(NULL, "x"), -1);
	assert_int_equal(doc_kop(NULL, 1, "x"), -1);
}

static void
test_refused_call_fails_every_later_call(void **state)
{
	struct doc *d = doc_nieuw(&arena, "Document");

	(void)state;
	assert_int_equal(doc_alinea(d, NULL), -1);
	assert_true(doc_mislukt(d));
	/* Good calls are refused now: the document already misses a part. */
	assert_int_equal(doc_kop(d, 1, "Kop"), -1);
	assert_int_equal(doc_alinea(d, "Tekst"), -1);
	assert_null(doc_tabel(d, "Tabel", 3, kop3));
	assert_int_equal(doc_figuur(d, "F", svg, "alt"), -1);
	assert_int_equal(doc_blokken(d), 0);
}

static void
test_rij_rejects_wrong_number_of_cells(void **state)
{
	const struct doc_cel rij[] = { T("a"), G(1), LEEG, LEEG };
	struct doc_tabel *t;
	struct doc *d;

	(void)state;
	d = met_tabel(&t);
	assert_int_equal(doc_rij(t, rij, 2), -1);
	assert_int_equal(doc_rijen(t), 0);
	assert_true(doc_mislukt(d));
	d = met_tabel(&t);
	assert_int_equal(doc_rij(t, rij, 4), -1);
	d = met_tabel(&t);
	assert_int_equal(doc_rij(t, NULL, 3), -1);
	assert_int_equal(doc_rij(NULL, rij, 3), -1);
	(void)d;
}

static void
test_rij_rejects_nan_infinity_and_unknown_soort(void **state)
{
	struct doc_cel rij[] = { T("a"), G(NAN), LEEG };
	struct doc_tabel *t;

	(void)state;
	met_tabel(&t);
	assert_int_equal(doc_rij(t, rij, 3), -1);
	rij[1].getal = INFINITY;
	met_tabel(&t);
	assert_int_equal(doc_rij(t, rij, 3), -1);
	rij[1].getal = 1;
	rij[2].soort = (enum doc_celsoort)42;
	met_tabel(&t);
	assert_int_equal(doc_rij(t, rij, 3), -1);
	assert_int_equal(doc_rijen(t), 0);
}

static void
test_tabel_rejects_bad_columns_and_titles(void **state)
{
	const char *met_null[] = { "a", NULL, "c" };
	static const char *veel[DOC_MAX_KOL + 1];
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < DOC_MAX_KOL + 1; i++)
		veel[i] = "k";
	d = doc_nieuw(&arena, "D");
	assert_null(doc_tabel(d, "T", 0, kop3));
	d = doc_nieuw(&arena, "D");
	assert_null(doc_tabel(d, "T", DOC_MAX_KOL + 1, veel));
	d = doc_nieuw(&arena, "D");
	assert_null(doc_tabel(d, "T", 3, met_null));
	d = doc_nieuw(&arena, "D");
	assert_null(doc_tabel(d, "T", 3, NULL));
	d = doc_nieuw(&arena, "D");
	assert_null(doc_tabel(d, "", 3, kop3));
	assert_true(doc_mislukt(d));
	assert_int_equal(doc_tabellen(d), 0);
	d = doc_nieuw(&arena, "D");
	assert_non_null(doc_tabel(d, "T", DOC_MAX_KOL, veel));
}

static void
test_figuur_needs_svg_and_a_text_alternative(void **state)
{
	struct doc *d;

	(void)state;
	d = doc_nieuw(&arena, "D");
	assert_int_equal(doc_figuur(d, "F", svg, ""), -1);
	d = doc_nieuw(&arena, "D");
	assert_int_equal(doc_figuur(d, "F", svg, NULL), -1);
	d = doc_nieuw(&arena, "D");
	assert_int_equal(doc_figuur(d, "F", "<script>alert(1)</script>", "alt"), -1);
	d = doc_nieuw(&arena, "D");
	assert_int_equal(doc_figuur(d, "F", NULL, "alt"), -1);
	d = doc_nieuw(&arena, "D");
	assert_int_equal(doc_figuur(d, "", svg, "alt"), -1);
	assert_int_equal(doc_blokken(d), 0);
}

static void
test_full_arena_is_an_error_not_an_abort(void **state)
{
	const struct doc_cel rij[] = { T("Peldersveld"), G(1), D("2024-01-01") };
	struct arena klein;
	struct doc_tabel *t;
	struct doc *d;
	int i, rc = 0;

	(void)state;
	assert_int_equal(arena_init(&klein, 1024, 8192), 0);
	d = doc_nieuw(&klein, "Document");
	assert_non_null(d);
	assert_non_null(t = doc_tabel(d, "Tabel", 3, kop3));
	for (i = 0; i < 10000 && rc == 0; i++)
		rc = doc_rij(t, rij, 3);
	assert_int_equal(rc, -1);
	assert_true(doc_mislukt(d));
	assert_true(doc_rijen(t) < 10000);
	assert_int_equal(doc_naar_xlsx(d, path, NULL), -1);
	arena_free(&klein);
}

/* ------------------------------------------------------------ xlsx */

static void
test_xlsx_has_a_sheet_per_table_in_order(void **state)
{
	const char *const kop2[] = { "Signaal", "Geopend" };
	const struct doc_cel r1[] = { T("Zaandam Oost"), G(87), D("2024-06-30") };
	const struct doc_cel r2[] = { T("Krommenie & Assendelft"), LEEG, LEEG };
	const struct doc_cel r3[] = { T("Wachtlijst te lang"), D("2024-03-01") };
	struct doc_tabel *a, *b;
	struct doc *d;
	char *wb, *s1, *s2, *s3;

	(void)state;
	d = doc_nieuw(&arena, "Rapportage");
	assert_int_equal(doc_kop(d, 1, "Inleiding"), 0);
	assert_int_equal(doc_alinea(d, "Wordt in XLSX overgeslagen."), 0);
	assert_non_null(a = doc_tabel(d, "Startgesprekken", 3, kop3));
	assert_int_equal(doc_figuur(d, "Verloop", svg, "Lijn"), 0);
	assert_non_null(b = doc_tabel(d, "Signalen", 2, kop2));
	assert_int_equal(doc_rij(a, r1, 3), 0);
	assert_int_equal(doc_rij(a, r2, 3), 0);
	assert_int_equal(doc_rij(b, r3, 2), 0);
	assert_int_equal(doc_naar_xlsx(d, path, "/tmp"), 0);

	wb = zip_file_entry(path, "xl/workbook.xml");
	s1 = zip_file_entry(path, "xl/worksheets/sheet1.xml");
	s2 = zip_file_entry(path, "xl/worksheets/sheet2.xml");
	s3 = zip_file_entry(path, "xl/worksheets/sheet3.xml");
	assert_non_null(wb);
	assert_non_null(s1);
	assert_non_null(s2);
	assert_null(s3);                  /* headings, text, figure: no sheet */
	assert_true(strstr(wb, "name=\"Startgesprekken\"") <
	    strstr(wb, "name=\"Signalen\""));
	assert_non_null(strstr(wb, "name=\"Signalen\""));
	assert_int_equal(count(s1, "<row "), 3);      /* header + 2 */
	assert_int_equal(count(s2, "<row "), 2);      /* header + 1 */
	assert_non_null(strstr(s1, ">Wijk</t>"));
	assert_non_null(strstr(s1, ">Krommenie &amp; Assendelft</t>"));
	assert_non_null(strstr(s1, "<c r=\"B2\"><v>87</v></c>"));
	assert_non_null(strstr(s1, "<v>45473</v>"));  /* 2024-06-30, a date */
	assert_null(strstr(s1, "r=\"B3\""));          /* empty cell */
	assert_non_null(strstr(s2, ">Signaal</t>"));
	assert_non_null(strstr(s2, "<v>45352</v>"));
	assert_non_null(strstr(s1, "<col "));         /* widths were set */
	free(wb);
	free(s1);
	free(s2);
}

static void
test_sheet_names_are_cleaned_cut_and_unique(void **state)
{
	static const char *const titels[] = {
		"Budget [2024]: lumpsum/incidenteel*?",
		"Aantal inwoners op de wachtlijst van het wijkteam per wijk",
		"Wachtlijst",
		"WACHTLIJST",
		"wachtlijst",
		"[]:*?",
		"'Citaat'",
		"History",
	};
	const char *const kop1[] = { "Kolom" };
	struct doc *d = doc_nieuw(&arena, "Namen");
	size_t i;
	char *wb;

	(void)state;
	for (i = 0; i < sizeof(titels) / sizeof(titels[0]); i++)
		assert_non_null(doc_tabel(d, titels[i], 1, kop1));
	assert_int_equal(doc_naar_xlsx(d, path, NULL), 0);
	wb = zip_file_entry(path, "xl/workbook.xml");
	assert_non_null(wb);
	assert_non_null(strstr(wb, "name=\"Budget 2024 lumpsumincidenteel\""));
	assert_non_null(strstr(wb, "name=\"Aantal inwoners op de wachtlijs\""));
	assert_non_null(strstr(wb, "name=\"Wachtlijst\""));
	assert_non_null(strstr(wb, "name=\"WACHTLIJST (2)\""));
	assert_non_null(strstr(wb, "name=\"wachtlijst (3)\""));
	assert_non_null(strstr(wb, "name=\"Tabel 6\""));
	assert_non_null(strstr(wb, "name=\"Citaat\""));
	assert_non_null(strstr(wb, "name=\"History (2)\""));
	free(wb);
	wb = zip_file_entry(path, "xl/worksheets/sheet8.xml");
	assert_non_null(wb);
	free(wb);
}

static void
test_bladnaam_counts_characters_not_bytes(void **state)
{
	char lang[200], uit[DOC_BLADNAAM];
	size_t i;

	(void)state;
	for (i = 0; i < 80; i += 2)
		memcpy(lang + i, "\xc3\xa9", 2);     /* 40 x "é" */
	lang[80] = '\0';
	doc_bladnaam(lang, uit);
	assert_int_equal(strlen(uit), 31 * 2);
	doc_bladnaam("  ruimte  ", uit);
	assert_string_equal(uit, "ruimte");
	doc_bladnaam("a\tb\001c", uit);
	assert_string_equal(uit, "abc");
	doc_bladnaam("' '", uit);
	assert_string_equal(uit, "");
	doc_bladnaam(NULL, uit);
	assert_string_equal(uit, "");
}

static void
test_long_duplicate_names_stay_within_31_characters(void **state)
{
	const char *const kop1[] = { "Kolom" };
	const char *titel = "Gemiddelde duur op de wachtlijst in dagen";
	struct doc *d = doc_nieuw(&arena, "Namen");
	char *wb;

	(void)state;
	assert_non_null(doc_tabel(d, titel, 1, kop1));
	assert_non_null(doc_tabel(d, titel, 1, kop1));
	assert_int_equal(doc_naar_xlsx(d, path, NULL), 0);
	wb = zip_file_entry(path, "xl/workbook.xml");
	assert_non_null(strstr(wb, "name=\"Gemiddelde duur op de wachtlijs\""));
	assert_non_null(strstr(wb, "name=\"Gemiddelde duur op de wacht (2)\""));
	free(wb);
}

static void
test_xlsx_refuses_a_document_without_tables_or_failed(void **state)
{
	struct doc *d = doc_nieuw(&arena, "Verslag");

	(void)state;
	assert_int_equal(doc_alinea(d, "Alleen tekst."), 0);
	assert_int_equal(doc_naar_xlsx(d, path, NULL), -1);
	assert_int_equal(doc_naar_xlsx(NULL, path, NULL), -1);
	assert_non_null(doc_tabel(d, "Tabel", 3, kop3));
	assert_int_equal(doc_kop(d, 9, "Fout"), -1);
	assert_int_equal(doc_naar_xlsx(d, path, NULL), -1);
}

static void
test_xlsx_reports_an_unwritable_path(void **state)
{
	struct doc *d = doc_nieuw(&arena, "D");

	(void)state;
	assert_non_null(doc_tabel(d, "Tabel", 3, kop3));
	assert_int_equal(doc_naar_xlsx(d, "/nonexistent-wz-dir/x.xlsx", NULL),
	    -1);
}

int
main(void)
{
#define TEST(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_blocks_are_kept_in_order_with_their_contents),
		TEST(test_strings_are_copied_into_the_arena),
		TEST(test_empty_document_has_no_blocks),
		TEST(test_nieuw_rejects_missing_arena_or_title),
		TEST(test_kop_rejects_niveau_outside_1_to_3),
		TEST(test_refused_call_fails_every_later_call),
		TEST(test_rij_rejects_wrong_number_of_cells),
		TEST(test_rij_rejects_nan_infinity_and_unknown_soort),
		TEST(test_tabel_rejects_bad_columns_and_titles),
		TEST(test_figuur_needs_svg_and_a_text_alternative),
		TEST(test_full_arena_is_an_error_not_an_abort),
		TEST(test_xlsx_has_a_sheet_per_table_in_order),
		TEST(test_sheet_names_are_cleaned_cut_and_unique),
		TEST(test_bladnaam_counts_characters_not_bytes),
		TEST(test_long_duplicate_names_stay_within_31_characters),
		TEST(test_xlsx_refuses_a_document_without_tables_or_failed),
		TEST(test_xlsx_reports_an_unwritable_path),
	};
#undef TEST

	return cmocka_run_group_tests(tests, NULL, NULL);
}
