/*
 * test_xlsx.c — the spreadsheet writer (src/doc/xlsx.h): the file it
 * writes is a valid zip holding the workbook and one sheet XML per sheet,
 * with the header, the cells as text, numbers and real Excel dates, and
 * Excel's limits respected.
 *
 * The check reads the zip itself (central directory, then each entry,
 * inflated with zlib), so it needs no unzip program and proves the
 * container is well formed, not only that some bytes were written.
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
#include <zlib.h>

#include "doc/xlsx.h"
#include "zip.h"
#include "tel.h"

/* ------------------------------------------------------------ fixtures */

static char path[64];

static int
setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/wz-test-xlsx-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static const char *const kop[] = { "Naam", "Geboortejaar", "Start" };

#define T(s)	{ XLSX_TEKST, (s), 0 }
#define G(v)	{ XLSX_GETAL, NULL, (v) }
#define D(s)	{ XLSX_DATUM, (s), 0 }
#define LEEG	{ XLSX_LEEG, NULL, 0 }

/* Writes one sheet "Blad" with the header and rows, and closes. */
static void
schrijf(const struct xlsx_cel (*rijen)[3], size_t n)
{
	struct xlsx *x = xlsx_open(path, "/tmp");
	size_t i;

	assert_non_null(x);
	assert_int_equal(xlsx_blad(x, "Blad", kop, NULL, 3), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(xlsx_rij(x, rijen[i], 3), 0);
	assert_int_equal(xlsx_rijen(x), (long)n);
	assert_int_equal(xlsx_close(x), 0);
}

static char *
blad(int nr)
{
	struct zip z;
	char name[64], *xml;

	zip_load(&z, path);
	snprintf(name, sizeof(name), "xl/worksheets/sheet%d.xml", nr);
	xml = zip_entry(&z, name);
	free(z.data);
	return xml;
}

/* ------------------------------------------------------------ tests */

static void
test_workbook_is_a_zip_with_a_sheet_per_blad(void **state)
{
	static const double breedte[] = { 30, 12, 12 };
	struct xlsx_cel rij[3] = { T("A"), G(1), D("2024-01-01") };
	struct xlsx *x = xlsx_open(path, NULL);
	char *wb, *ct, *s1, *s2, *s3;
	struct zip z;

	(void)state;
	assert_non_null(x);
	assert_int_equal(xlsx_blad(x, "Trajecten", kop, breedte, 3), 0);
	assert_int_equal(xlsx_rij(x, rij, 3), 0);
	assert_int_equal(xlsx_blad(x, "Gebeurtenissen", kop, NULL, 3), 0);
	assert_int_equal(xlsx_rijen(x), 0);
	assert_int_equal(xlsx_rij(x, rij, 3), 0);
	assert_int_equal(xlsx_rij(x, rij, 3), 0);
	assert_int_equal(xlsx_rijen(x), 2);
	assert_int_equal(xlsx_close(x), 0);

	zip_load(&z, path);
	assert_memory_equal(z.data, "PK\3\4", 4);
	wb = zip_entry(&z, "xl/workbook.xml");
	ct = zip_entry(&z, "[Content_Types].xml");
	s1 = zip_entry(&z, "xl/worksheets/sheet1.xml");
	s2 = zip_entry(&z, "xl/worksheets/sheet2.xml");
	s3 = zip_entry(&z, "xl/worksheets/sheet3.xml");
	assert_non_null(wb);
	assert_non_null(ct);
	assert_non_null(s1);
	assert_non_null(s2);
	assert_null(s3);
	assert_non_null(strstr(wb, "name=\"Trajecten\""));
	assert_non_null(strstr(wb, "name=\"Gebeurtenissen\""));
	assert_non_null(strstr(ct, "spreadsheetml.worksheet+xml"));
	/* Header plus one row, and header plus two rows; header frozen. */
	assert_int_equal(count(s1, "<row "), 2);
	assert_int_equal(count(s2, "<row "), 3);
	assert_non_null(strstr(s1, "state=\"frozen\""));
	assert_non_null(strstr(s1, "<col "));
	free(wb);
	free(ct);
	free(s1);
	free(s2);
	free(z.data);
}

static void
test_cells_are_text_numbers_and_dates(void **state)
{
	const struct xlsx_cel rijen[][3] = {
		{ T("Jan & Piet <de Vries>"), G(1987), D("2024-03-01") },
		{ T("=1+1"), G(2.5), D("2025-12-31") },
	};
	char *xml;

	(void)state;
	schrijf(rijen, 2);
	xml = blad(1);
	assert_non_null(xml);
	/* The header, as inline strings (constant-memory mode). */
	assert_non_null(strstr(xml, "t=\"inlineStr\""));
	assert_non_null(strstr(xml, ">Naam</t>"));
	assert_non_null(strstr(xml, ">Geboortejaar</t>"));
	/* Text is escaped XML, and a formula-like text stays text. */
	assert_non_null(strstr(xml, ">Jan &amp; Piet &lt;de Vries&gt;</t>"));
	assert_non_null(strstr(xml, ">=1+1</t>"));
	assert_null(strstr(xml, "<f>"));
	/* Numbers are numbers. */
	assert_non_null(strstr(xml, "<c r=\"B2\"><v>1987</v></c>"));
	assert_non_null(strstr(xml, "<c r=\"B3\"><v>2.5</v></c>"));
	/* Dates are serial day numbers with a (date) style. */
	assert_non_null(strstr(xml, "<v>45352</v>"));
	assert_non_null(strstr(xml, "<v>46022</v>"));
	assert_non_null(strstr(xml, "<c r=\"C2\" s=\""));
	free(xml);
}

static void
test_date_format_is_a_day_month_year_number_format(void **state)
{
	const struct xlsx_cel rijen[][3] = { { T("a"), G(1), D("2024-03-01") } };
	struct zip z;
	char *styles;

	(void)state;
	schrijf(rijen, 1);
	zip_load(&z, path);
	styles = zip_entry(&z, "xl/styles.xml");
	assert_non_null(styles);
	assert_non_null(strstr(styles, "formatCode=\"dd-mm-yyyy\""));
	free(styles);
	free(z.data);
}

static void
test_impossible_date_is_written_as_text(void **state)
{
	const struct xlsx_cel rijen[][3] = {
		{ T("a"), G(1), D("2023-02-29") },
		{ T("b"), G(2), D("1899-12-31") },
		{ T("c"), G(3), D(NULL) },
	};
	char *xml;

	(void)state;
	schrijf(rijen, 3);
	xml = blad(1);
	assert_non_null(strstr(xml, ">2023-02-29</t>"));
	assert_non_null(strstr(xml, ">1899-12-31</t>"));
	assert_null(strstr(xml, "r=\"C4\""));       /* NULL date: no cell */
	free(xml);
}

static void
test_empty_and_null_cells_are_left_out(void **state)
{
	const struct xlsx_cel rijen[][3] = { { LEEG, T(NULL), T("") } };
	char *xml;

	(void)state;
	schrijf(rijen, 1);
	xml = blad(1);
	assert_null(strstr(xml, "r=\"A2\""));
	assert_null(strstr(xml, "r=\"B2\""));
	assert_null(strstr(xml, "r=\"C2\""));
	free(xml);
}

static void
test_control_characters_become_spaces(void **state)
{
	const struct xlsx_cel rijen[][3] = { { T("a\001b\033c\177d"), T("x\ty"), LEEG } };
	char *xml;

	(void)state;
	schrijf(rijen, 1);
	xml = blad(1);
	assert_non_null(strstr(xml, ">a b c d</t>"));
	assert_non_null(strstr(xml, "x\ty"));
	free(xml);
}

static void
test_overlong_text_is_cut_at_excels_limit(void **state)
{
	size_t n = 80000, i;         /* 40,000 characters */
	char *lang = malloc(n + 1), *xml;
	struct xlsx_cel rijen[1][3] = { { LEEG, LEEG, LEEG } };

	(void)state;
	assert_non_null(lang);
	/* "é" is two bytes: the cut counts characters, not bytes. */
	for (i = 0; i + 1 < n; i += 2)
		memcpy(lang + i, "\xc3\xa9", 2);
	lang[n] = '\0';
	rijen[0][0] = (struct xlsx_cel)T(lang);
	schrijf((const struct xlsx_cel (*)[3])rijen, 1);
	xml = blad(1);
	assert_int_equal(count(xml, "\xc3\xa9"), XLSX_MAX_TEXT);
	free(xml);
	free(lang);
}

static void
test_row_without_a_sheet_is_refused(void **state)
{
	struct xlsx_cel rij[1] = { T("a") };
	struct xlsx *x = xlsx_open(path, NULL);

	(void)state;
	assert_non_null(x);
	assert_int_equal(xlsx_rij(x, rij, 1), -1);
	assert_int_equal(xlsx_close(x), -1);      /* a failed workbook */
}

static void
test_close_reports_an_unwritable_path(void **state)
{
	struct xlsx *x = xlsx_open("/nonexistent-wz-dir/x.xlsx", NULL);
	struct xlsx_cel rij[1] = { T("a") };

	(void)state;
	assert_non_null(x);
	assert_int_equal(xlsx_blad(x, "Blad", kop, NULL, 1), 0);
	assert_int_equal(xlsx_rij(x, rij, 1), 0);
	assert_int_equal(xlsx_close(x), -1);
}

static void
test_datum_serieel_counts_from_excels_epoch(void **state)
{
	(void)state;
	assert_int_equal(xlsx_datum_serieel("1900-03-01"), 61);
	assert_int_equal(xlsx_datum_serieel("1970-01-01"), 25569);
	assert_int_equal(xlsx_datum_serieel("2024-03-01"), 45352);
	assert_int_equal(xlsx_datum_serieel("2024-02-29"), 45351);
	assert_int_equal(xlsx_datum_serieel("2025-12-31"), 46022);
}

static void
test_datum_serieel_rejects_what_is_not_a_date(void **state)
{
	(void)state;
	assert_int_equal(xlsx_datum_serieel(NULL), -1);
	assert_int_equal(xlsx_datum_serieel(""), -1);
	assert_int_equal(xlsx_datum_serieel("2024-1-01"), -1);
	assert_int_equal(xlsx_datum_serieel("2024-13-01"), -1);
	assert_int_equal(xlsx_datum_serieel("2023-02-29"), -1);
	assert_int_equal(xlsx_datum_serieel("2024-04-31"), -1);
	assert_int_equal(xlsx_datum_serieel("1900-02-28"), -1);
	assert_int_equal(xlsx_datum_serieel("2024-03-01T00"), -1);
	assert_int_equal(xlsx_datum_serieel("2024/03/01"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_workbook_is_a_zip_with_a_sheet_per_blad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_are_text_numbers_and_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_format_is_a_day_month_year_number_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_impossible_date_is_written_as_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_null_cells_are_left_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_control_characters_become_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overlong_text_is_cut_at_excels_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_without_a_sheet_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_reports_an_unwritable_path, setup, teardown),
		cmocka_unit_test(test_datum_serieel_counts_from_excels_epoch),
		cmocka_unit_test(test_datum_serieel_rejects_what_is_not_a_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
