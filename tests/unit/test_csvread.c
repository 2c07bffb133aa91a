/*
 * test_csvread.c — the streaming CSV reader (src/core/csvread.h): Excel's
 * separators, BOM, line ends and quoting; per-row errors with line numbers;
 * limits; chunked input; the date, yes/no and trim helpers.
 *
 * Rows are collected as text, one line per record: "3:a|b|c" for a record
 * starting on line 3 with fields a, b and c, or "5!BAD_UTF8@2" for a record
 * on line 5 whose field 2 is not UTF-8.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/csvread.h"
#include "core/utf8.h"
#include "http/urlenc.h"

struct got {
	char   text[16384];
	size_t len;
	char   msg[256];        /* the first error message */
	size_t rows;
	size_t stop_after;      /* non-zero: stop after this many rows */
};

static const char *
err_name(enum csvread_err e)
{
	switch (e) {
	case CSVREAD_OK:		return "OK";
	case CSVREAD_BAD_UTF8:		return "BAD_UTF8";
	case CSVREAD_BAD_CP1252:	return "BAD_CP1252";
	case CSVREAD_CONTROL:		return "CONTROL";
	case CSVREAD_TOO_MANY_FIELDS:	return "TOO_MANY_FIELDS";
	case CSVREAD_FIELD_TOO_LONG:	return "FIELD_TOO_LONG";
	case CSVREAD_LINE_TOO_LONG:	return "LINE_TOO_LONG";
	case CSVREAD_STRAY_QUOTE:	return "STRAY_QUOTE";
	case CSVREAD_UNCLOSED_QUOTE:	return "UNCLOSED_QUOTE";
	case CSVREAD_UTF16:		return "UTF16";
	case CSVREAD_NOMEM:		return "NOMEM";
	case CSVREAD_STOPPED:		return "STOPPED";
	case CSVREAD_FINISHED:		return "FINISHED";
	}
	return "?";
}

static void
append(struct got *g, const char *s, size_t n)
{
	assert_true(g->len + n < sizeof(g->text));
	memcpy(g->text + g->len, s, n);
	g->len += n;
	g->text[g->len] = '\0';
}

static int
collect(void *arg, const struct csvread_row *row)
{
	struct got *g = arg;
	char head[64];
	size_t i;
	int k;

	assert_true(row->line >= 1);
	if (row->err != CSVREAD_OK) {
		assert_non_null(row->message);
		assert_int_equal(row->nfields, 0);
		assert_null(row->fields);
		if (g->msg[0] == '\0')
			snprintf(g->msg, sizeof(g->msg), "%s", row->message);
		k = snprintf(head, sizeof(head), "%zu!%s@%zu\n", row->line,
		    err_name(row->err), row->field);
		append(g, head, (size_t)k);
	} else {
		assert_null(row->message);
		k = snprintf(head, sizeof(head), "%zu:", row->line);
		append(g, head, (size_t)k);
		for (i = 0; i < row->nfields; i++) {
			/* The promises of struct csvread_row. */
			assert_int_equal(strlen(row->fields[i]), row->lens[i]);
			assert_true(utf8_valid(row->fields[i], row->lens[i]));
			if (i > 0)
				append(g, "|", 1);
			append(g, row->fields[i], row->lens[i]);
		}
		append(g, "\n", 1);
	}
	g->rows++;
	return g->stop_after != 0 && g->rows >= g->stop_after;
}

/*
 * Reads in[0..n) fed in up to three chunks, split at a and b (a <= b <= n),
 * and returns the result of the last call.
 */
static enum csvread_err
read_split(const char *in, size_t n, const struct csvread_opts *o,
    struct got *g, size_t a, size_t b)
{
	struct csvread *r;
	enum csvread_err e;

	r = csvread_new(o, collect, g);
	assert_non_null(r);
	e = csvread_feed(r, in, a);
	if (e == CSVREAD_OK)
		e = csvread_feed(r, in + a, b - a);
	if (e == CSVREAD_OK)
		e = csvread_feed(r, in + b, n - b);
	if (e == CSVREAD_OK)
		e = csvread_finish(r);
	csvread_free(r);
	return e;
}

static enum csvread_err
read_opts(const char *in, const struct csvread_opts *o, struct got *g)
{
	size_t n = strlen(in);

	return read_split(in, n, o, g, n, n);
}

/* Reads in with default options and checks the collected text. */
static void
assert_reads(const char *in, const char *want)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts(in, NULL, &g), CSVREAD_OK);
	assert_string_equal(g.text, want);
}

/* Separators */

static void
test_comma_separated_file_is_read(void **state)
{
	assert_reads("naam,wijk,jaar\nJan,Noord,1980\nPiet,Zuid,1975\n",
	    "1:naam|wijk|jaar\n2:Jan|Noord|1980\n3:Piet|Zuid|1975\n");
}

static void
test_semicolon_separated_file_is_read(void **state)
{
	/* Dutch Excel: ';' separates, ',' is the decimal comma. */
	assert_reads("naam;bedrag\nJan;12,50\n",
	    "1:naam|bedrag\n2:Jan|12,50\n");
}

static void
test_tab_separated_file_is_read(void **state)
{
	assert_reads("naam\twijk\nJan\tNoord\n", "1:naam|wijk\n2:Jan|Noord\n");
}

static void
test_separator_is_counted_outside_quotes_only(void **state)
{
	struct got g;
	struct csvread *r;
	const char *in = "\"a;b;c\",d,e\n1,2,3\n";

	memset(&g, 0, sizeof(g));
	r = csvread_new(NULL, collect, &g);
	assert_non_null(r);
	assert_int_equal(csvread_sep(r), 0);
	assert_int_equal(csvread_feed(r, in, strlen(in)), CSVREAD_OK);
	assert_int_equal(csvread_sep(r), ',');
	assert_int_equal(csvread_finish(r), CSVREAD_OK);
	csvread_free(r);
	assert_string_equal(g.text, "1:a;b;c|d|e\n2:1|2|3\n");
}

static void
test_separator_tie_goes_to_semicolon(void **state)
{
	assert_reads("Achternaam, voornaam;wijk\nJansen, Jan;Noord\n",
	    "1:Achternaam, voornaam|wijk\n2:Jansen, Jan|Noord\n");
}

static void
test_separator_given_by_caller_is_used(void **state)
{
	struct csvread_opts o = { .sep = ',' };
	struct got g;

	/* Detection would pick ';' here. */
	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b;c,d\n", &o, &g), CSVREAD_OK);
	assert_string_equal(g.text, "1:a;b;c|d\n");
}

static void
test_unknown_separator_is_refused(void **state)
{
	struct csvread_opts o = { .sep = '|' };

	assert_null(csvread_new(&o, collect, NULL));
}

/* Start of the file */

static void
test_bom_is_skipped(void **state)
{
	assert_reads("\xEF\xBB\xBFnaam;wijk\nJan;Noord\n",
	    "1:naam|wijk\n2:Jan|Noord\n");
}

static void
test_bom_is_read_as_utf8_even_when_windows1252_is_asked(void **state)
{
	struct csvread_opts o = { .charset = CSVREAD_WINDOWS1252 };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("\xEF\xBB\xBFnaam\nZo\xC3\xAB\n", &o, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text, "1:naam\n2:Zo\xC3\xAB\n");
}

static void
test_utf16_file_is_refused(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_split("\xFF\xFEn\0a\0", 6, NULL, &g, 1, 1),
	    CSVREAD_UTF16);
	assert_int_equal(g.rows, 0);
	assert_non_null(strstr(csvread_strerror(CSVREAD_UTF16), "CSV UTF-8"));
}

static void
test_empty_file_gives_no_rows(void **state)
{
	assert_reads("", "");
	assert_reads("\xEF\xBB\xBF", "");
	assert_reads("\r\n\n", "");
}

/* Line ends */

static void
test_crlf_line_ends_are_accepted(void **state)
{
	assert_reads("a;b\r\nc;d\r\ne;f\r\n", "1:a|b\n2:c|d\n3:e|f\n");
}

static void
test_lone_cr_line_ends_are_accepted(void **state)
{
	/* Excel for Mac's "CSV (Macintosh)". */
	assert_reads("a;b\rc;d\r", "1:a|b\n2:c|d\n");
}

static void
test_lone_cr_before_a_bad_record_still_counts_a_line(void **state)
{
	/* The LF ending line 2 is not the second half of line 1's CR. */
	assert_reads("a\r\"b\"x\nc\n", "1:a\n2!STRAY_QUOTE@1\n3:c\n");
}

static void
test_last_line_without_line_end_is_read(void **state)
{
	assert_reads("a;b\nc;d", "1:a|b\n2:c|d\n");
}

static void
test_blank_lines_are_skipped_but_counted(void **state)
{
	assert_reads("a;b\r\n\r\n  \r\nc;d\n\n", "1:a|b\n4:c|d\n");
}

/* Quoting */

static void
test_quoted_separator_stays_in_field(void **state)
{
	assert_reads("\"Jansen; J.\";Noord\n", "1:Jansen; J.|Noord\n");
}

static void
test_doubled_quote_inside_quotes_is_one_quote(void **state)
{
	assert_reads("\"zei \"\"ja\"\"\";x\n", "1:zei \"ja\"|x\n");
}

static void
test_quoted_newline_stays_in_field_and_counts_as_a_line(void **state)
{
	assert_reads("a;\"regel 1\r\nregel 2\"\r\nb;c\r\n",
	    "1:a|regel 1\r\nregel 2\n3:b|c\n");
}

static void
test_empty_fields_are_empty_strings(void **state)
{
	assert_reads(";;\"\";x;\n", "1:|||x|\n");
}

static void
test_unquoted_fields_lose_surrounding_spaces(void **state)
{
	assert_reads(" a ; \" b \" ;c\n", "1:a| b |c\n");
}

static void
test_trim_option_trims_quoted_fields_too(void **state)
{
	struct csvread_opts o = { .trim = 1 };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("\" a \";\"\xC2\xA0" "b\t\"\n", &o, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b\n");
}

static void
test_stray_quote_is_reported_and_next_line_is_read(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\"c;d\ne;\"f\"g\nh;i\n", NULL, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text,
	    "1!STRAY_QUOTE@2\n2!STRAY_QUOTE@2\n3:h|i\n");
	assert_string_equal(g.msg, "Regel 1: in veld 2 staat een "
	    "aanhalingsteken (\") op een onverwachte plek.");
}

static void
test_unclosed_quote_is_reported_at_its_line(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\nc;\"d\ne;f\n", NULL, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b\n2!UNCLOSED_QUOTE@2\n");
	assert_string_equal(g.msg, "Regel 2: het aanhalingsteken (\") aan "
	    "het begin van veld 2 wordt niet afgesloten.");
}

/* Character sets */

static void
test_utf8_text_is_kept(void **state)
{
	assert_reads("Zo\xC3\xAB;\xE2\x82\xAC 5\n", "1:Zo\xC3\xAB|\xE2\x82\xAC 5\n");
}

static void
test_invalid_utf8_is_reported_with_line_and_later_rows_arrive(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	/* Line 3 holds "Zoë" in Windows-1252 (0xEB). */
	assert_int_equal(read_opts("naam;wijk\nJan;Noord\nZo\xEB;Zuid\n"
	    "Piet;West\n", NULL, &g), CSVREAD_OK);
	assert_string_equal(g.text,
	    "1:naam|wijk\n2:Jan|Noord\n3!BAD_UTF8@1\n4:Piet|West\n");
	assert_string_equal(g.msg, "Regel 3: veld 1 is geen geldige "
	    "UTF-8-tekst. Sla het bestand in Excel op als \"CSV UTF-8\".");
}

static void
test_overlong_utf8_is_reported(void **state)
{
	/* C0 AF is an overlong '/'. */
	assert_reads("a;\xC0\xAF\n", "1!BAD_UTF8@2\n");
}

static void
test_control_character_is_reported(void **state)
{
	struct got g;
	static const char in[] = "a;b\0c\nd;e\n";

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_split(in, sizeof(in) - 1, NULL, &g,
	    sizeof(in) - 1, sizeof(in) - 1), CSVREAD_OK);
	assert_string_equal(g.text, "1!CONTROL@2\n2:d|e\n");
}

static void
test_windows1252_is_converted_to_utf8(void **state)
{
	struct csvread_opts o = { .charset = CSVREAD_WINDOWS1252 };
	struct got g;

	memset(&g, 0, sizeof(g));
	/* ë, the euro sign, a curly quote, a no-break space. */
	assert_int_equal(read_opts("Zo\xEB;\x80 5;\x93" "a\x94;x\xA0y\n", &o,
	    &g), CSVREAD_OK);
	assert_string_equal(g.text, "1:Zo\xC3\xAB|\xE2\x82\xAC 5|"
	    "\xE2\x80\x9C" "a" "\xE2\x80\x9D|x\xC2\xA0y\n");
}

static void
test_windows1252_undefined_byte_is_reported(void **state)
{
	struct csvread_opts o = { .charset = CSVREAD_WINDOWS1252 };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\nc;\x81\ne;f\n", &o, &g), CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b\n2!BAD_CP1252@2\n3:e|f\n");
}

/* Limits */

static void
test_too_many_fields_is_reported(void **state)
{
	struct csvread_opts o = { .max_fields = 3 };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b;c\nd;e;f;g\nh;i;j\n", &o, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b|c\n2!TOO_MANY_FIELDS@4\n3:h|i|j\n");
	assert_string_equal(g.msg, "Regel 2: de regel heeft meer dan 3 velden.");
}

static void
test_default_field_limit_is_200(void **state)
{
	char in[1024];
	struct got g;
	size_t i, n = 0;

	for (i = 0; i < 201; i++)
		in[n++] = ';';
	in[n++] = '\n';
	in[n] = '\0';
	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts(in, NULL, &g), CSVREAD_OK);
	assert_string_equal(g.text, "1!TOO_MANY_FIELDS@201\n");
}

static void
test_field_too_long_is_reported(void **state)
{
	struct csvread_opts o = { .max_field_len = 4 };
	struct got g;

	memset(&g, 0, sizeof(g));
	/* Four characters in eight bytes fit; five do not. */
	assert_int_equal(read_opts("\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB;abcd\n"
	    "x;abcde\n", &o, &g), CSVREAD_OK);
	assert_string_equal(g.text, "1:\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB|abcd\n"
	    "2!FIELD_TOO_LONG@2\n");
	assert_string_equal(g.msg, "Regel 2: veld 2 is langer dan 4 tekens.");
}

static void
test_line_too_long_is_reported_and_reading_resumes(void **state)
{
	struct csvread_opts o = { .max_line_len = 16 };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\n0123456789;0123456789\nc;d\n", &o,
	    &g), CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b\n2!LINE_TOO_LONG@0\n3:c|d\n");
}

static void
test_error_before_line_limit_wins_over_line_too_long(void **state)
{
	struct csvread_opts o = { .max_line_len = 16 };
	struct got g;

	/* The stray quote lies within the first 16 bytes: it is the error,
	 * whether or not the chunk holding it also holds the rest. */
	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\"cccccccccccccccccccc\nd;e\n", &o,
	    &g), CSVREAD_OK);
	assert_string_equal(g.text, "1!STRAY_QUOTE@2\n2:d|e\n");
}

static void
test_runaway_quote_is_cut_off_at_line_limit(void **state)
{
	struct csvread_opts o = { .max_line_len = 16 };
	struct got g;

	/* The quote opened on line 2 is never closed: the record is cut
	 * off where it passes 16 bytes, and reading resumes after it. */
	memset(&g, 0, sizeof(g));
	assert_int_equal(read_opts("a;b\nc;\"d\ne;f\ng;h\ni;j\nk;l\n", &o, &g),
	    CSVREAD_OK);
	assert_string_equal(g.text, "1:a|b\n2!LINE_TOO_LONG@0\n6:k|l\n");
}

/* Streaming */

static void
test_row_callback_can_stop_reading(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	g.stop_after = 1;
	assert_int_equal(read_opts("a\nb\nc\n", NULL, &g), CSVREAD_STOPPED);
	assert_string_equal(g.text, "1:a\n");
}

static void
test_feed_after_finish_is_refused(void **state)
{
	struct got g;
	struct csvread *r;

	memset(&g, 0, sizeof(g));
	r = csvread_new(NULL, collect, &g);
	assert_non_null(r);
	assert_int_equal(csvread_finish(r), CSVREAD_OK);
	assert_int_equal(csvread_feed(r, "a\n", 2), CSVREAD_FINISHED);
	assert_int_equal(csvread_finish(r), CSVREAD_FINISHED);
	csvread_free(r);
}

/* Exercises every feature whose state can straddle a chunk boundary. */
static const char chunk_file[] =
    "\xEF\xBB\xBFnaam;\"wijk; oud\";opmerking\r\n"
    "Jan;Noord;\"zei \"\"ja\"\"\"\r\n"
    "\r\n"
    "Zo\xC3\xAB;;\"twee\r\nregels\"\r\n"
    "Fout\xEB;Zuid;x\r\n"
    "a;b\"c;d\r\n"
    "Piet;West;\"\"\r"
    "laatste;regel;zonder einde";

static const char chunk_want[] =
    "1:naam|wijk; oud|opmerking\n"
    "2:Jan|Noord|zei \"ja\"\n"
    "4:Zo\xC3\xAB||twee\r\nregels\n"
    "6!BAD_UTF8@1\n"
    "7!STRAY_QUOTE@2\n"
    "8:Piet|West|\n"
    "9:laatste|regel|zonder einde\n";

static void
test_chunk_file_reads_whole(void **state)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(read_split(chunk_file, sizeof(chunk_file) - 1, NULL,
	    &g, 0, 0), CSVREAD_OK);
	assert_string_equal(g.text, chunk_want);
}

static void
test_chunked_feeding_at_every_split_point_gives_same_rows(void **state)
{
	size_t n = sizeof(chunk_file) - 1, a, b;
	struct got g;

	for (a = 0; a <= n; a++)
		for (b = a; b <= n; b++) {
			memset(&g, 0, sizeof(g));
			assert_int_equal(read_split(chunk_file, n, NULL, &g,
			    a, b), CSVREAD_OK);
			if (strcmp(g.text, chunk_want) != 0)
				fail_msg("split at %zu and %zu:\n%s", a, b,
				    g.text);
		}
}

static void
test_byte_by_byte_feeding_gives_same_rows(void **state)
{
	size_t n = sizeof(chunk_file) - 1, i;
	struct csvread *r;
	struct got g;

	memset(&g, 0, sizeof(g));
	r = csvread_new(NULL, collect, &g);
	assert_non_null(r);
	for (i = 0; i < n; i++)
		assert_int_equal(csvread_feed(r, chunk_file + i, 1),
		    CSVREAD_OK);
	assert_int_equal(csvread_finish(r), CSVREAD_OK);
	csvread_free(r);
	assert_string_equal(g.text, chunk_want);
}

static int
count_row(void *arg, const struct csvread_row *row)
{
	size_t *n = arg;

	if (row->err == CSVREAD_OK && row->nfields == 4)
		(*n)++;
	return 0;
}

static void
test_many_rows_stream_through(void **state)
{
	char line[64];
	struct csvread *r;
	size_t rows = 0, i;
	int k;

	r = csvread_new(NULL, count_row, &rows);
	assert_non_null(r);
	assert_int_equal(csvread_feed(r, "naam;wijk;jaar;actief\r\n", 23),
	    CSVREAD_OK);
	for (i = 0; i < 200000; i++) {
		k = snprintf(line, sizeof(line), "Inwoner %zu;Noord;%zu;ja\r\n",
		    i, 1940 + i % 80);
		assert_int_equal(csvread_feed(r, line, (size_t)k), CSVREAD_OK);
	}
	assert_int_equal(csvread_finish(r), CSVREAD_OK);
	csvread_free(r);
	assert_int_equal(rows, 200001);
}

/* Dates */

static void
assert_date(const char *in, const char *want)
{
	char out[11];

	if (csv_date_parse(in, out) != 0)
		fail_msg("\"%s\" was refused", in);
	assert_string_equal(out, want);
}

static void
assert_no_date(const char *in)
{
	char out[11] = "unchanged";

	if (csv_date_parse(in, out) == 0)
		fail_msg("\"%s\" was accepted as %s", in, out);
	assert_string_equal(out, "unchanged");
}

static void
test_date_iso_is_accepted(void **state)
{
	assert_date("2024-03-07", "2024-03-07");
	assert_date(" 2024-03-07 ", "2024-03-07");
}

static void
test_date_dutch_day_first_is_accepted(void **state)
{
	assert_date("7-3-2024", "2024-03-07");
	assert_date("07-03-2024", "2024-03-07");
	assert_date("7/3/2024", "2024-03-07");
	assert_date("31-12-1999", "1999-12-31");
	assert_date("7.3.2024", "2024-03-07");
}

static void
test_date_with_time_is_accepted(void **state)
{
	assert_date("7-3-2024 00:00", "2024-03-07");
	assert_date("2024-03-07T10:15:30", "2024-03-07");
	assert_no_date("7-3-2024 25:00");
	assert_no_date("7-3-2024 morgen");
}

static void
test_date_excel_serial_is_converted(void **state)
{
	assert_date("45358", "2024-03-07");
	assert_date("45358.75", "2024-03-07");
	assert_date("45358,75", "2024-03-07");
	assert_date("36526", "2000-01-01");
	assert_date("2958465", "9999-12-31");
}

static void
test_date_excel_serial_follows_1900_leap_year_bug(void **state)
{
	assert_date("1", "1900-01-01");
	assert_date("59", "1900-02-28");
	assert_no_date("60");           /* Excel's 29-02-1900 */
	assert_date("61", "1900-03-01");
	assert_no_date("0");
	assert_no_date("2958466");
}

static void
test_date_that_does_not_exist_is_refused(void **state)
{
	assert_no_date("31-02-2024");
	assert_no_date("29-02-2023");
	assert_date("29-02-2024", "2024-02-29");
	assert_no_date("29-02-1900");
	assert_date("29-02-2000", "2000-02-29");
	assert_no_date("2024-13-01");
	assert_no_date("0-1-2024");
	assert_no_date("31-04-2024");
	assert_no_date("1-1-1899");
}

static void
test_date_in_other_shapes_is_refused(void **state)
{
	assert_no_date(NULL);
	assert_no_date("");
	assert_no_date("7-3-24");       /* two-digit year */
	assert_no_date("7-3/2024");     /* mixed separators */
	assert_no_date("2024-03-07x");
	assert_no_date("7 maart 2024");
	assert_no_date("-45358");
	assert_no_date("45358.");
	assert_no_date("123-4-2024");
}

/* Yes/no */

static void
test_bool_accepts_dutch_and_english_words(void **state)
{
	assert_int_equal(csv_bool_parse("ja"), 1);
	assert_int_equal(csv_bool_parse("J"), 1);
	assert_int_equal(csv_bool_parse("WAAR"), 1);
	assert_int_equal(csv_bool_parse("True"), 1);
	assert_int_equal(csv_bool_parse(" 1 "), 1);
	assert_int_equal(csv_bool_parse("Nee"), 0);
	assert_int_equal(csv_bool_parse("n"), 0);
	assert_int_equal(csv_bool_parse("ONWAAR"), 0);
	assert_int_equal(csv_bool_parse("false"), 0);
	assert_int_equal(csv_bool_parse("0"), 0);
}

static void
test_bool_refuses_other_text(void **state)
{
	assert_int_equal(csv_bool_parse(NULL), -1);
	assert_int_equal(csv_bool_parse(""), -1);
	assert_int_equal(csv_bool_parse("misschien"), -1);
	assert_int_equal(csv_bool_parse("jaa"), -1);
	assert_int_equal(csv_bool_parse("2"), -1);
	assert_int_equal(csv_bool_parse("ja nee"), -1);
}

/* Trim */

static void
test_trim_removes_spaces_tabs_newlines_and_nbsp(void **state)
{
	char a[] = "  \t Jan \r\n";
	char b[] = "\xC2\xA0Zo\xC3\xAB\xC2\xA0";
	char c[] = "   ";
	char d[] = "a b";

	assert_string_equal(csv_trim(a), "Jan");
	assert_string_equal(csv_trim(b), "Zo\xC3\xAB");
	assert_string_equal(csv_trim(c), "");
	assert_string_equal(csv_trim(d), "a b");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_separated_file_is_read),
		cmocka_unit_test(test_semicolon_separated_file_is_read),
		cmocka_unit_test(test_tab_separated_file_is_read),
		cmocka_unit_test(test_separator_is_counted_outside_quotes_only),
		cmocka_unit_test(test_separator_tie_goes_to_semicolon),
		cmocka_unit_test(test_separator_given_by_caller_is_used),
		cmocka_unit_test(test_unknown_separator_is_refused),
		cmocka_unit_test(test_bom_is_skipped),
		cmocka_unit_test(test_bom_is_read_as_utf8_even_when_windows1252_is_asked),
		cmocka_unit_test(test_utf16_file_is_refused),
		cmocka_unit_test(test_empty_file_gives_no_rows),
		cmocka_unit_test(test_crlf_line_ends_are_accepted),
		cmocka_unit_test(test_lone_cr_line_ends_are_accepted),
		cmocka_unit_test(test_lone_cr_before_a_bad_record_still_counts_a_line),
		cmocka_unit_test(test_last_line_without_line_end_is_read),
		cmocka_unit_test(test_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_quoted_separator_stays_in_field),
		cmocka_unit_test(test_doubled_quote_inside_quotes_is_one_quote),
		cmocka_unit_test(test_quoted_newline_stays_in_field_and_counts_as_a_line),
		cmocka_unit_test(test_empty_fields_are_empty_strings),
		cmocka_unit_test(test_unquoted_fields_lose_surrounding_spaces),
		cmocka_unit_test(test_trim_option_trims_quoted_fields_too),
		cmocka_unit_test(test_stray_quote_is_reported_and_next_line_is_read),
		cmocka_unit_test(test_unclosed_quote_is_reported_at_its_line),
		cmocka_unit_test(test_utf8_text_is_kept),
		cmocka_unit_test(test_invalid_utf8_is_reported_with_line_and_later_rows_arrive),
		cmocka_unit_test(test_overlong_utf8_is_reported),
		cmocka_unit_test(test_control_character_is_reported),
		cmocka_unit_test(test_windows1252_is_converted_to_utf8),
		cmocka_unit_test(test_windows1252_undefined_byte_is_reported),
		cmocka_unit_test(test_too_many_fields_is_reported),
		cmocka_unit_test(test_default_field_limit_is_200),
		cmocka_unit_test(test_field_too_long_is_reported),
		cmocka_unit_test(test_line_too_long_is_reported_and_reading_resumes),
		cmocka_unit_test(test_error_before_line_limit_wins_over_line_too_long),
		cmocka_unit_test(test_runaway_quote_is_cut_off_at_line_limit),
		cmocka_unit_test(test_row_callback_can_stop_reading),
		cmocka_unit_test(test_feed_after_finish_is_refused),
		cmocka_unit_test(test_chunk_file_reads_whole),
		cmocka_unit_test(test_chunked_feeding_at_every_split_point_gives_same_rows),
		cmocka_unit_test(test_byte_by_byte_feeding_gives_same_rows),
		cmocka_unit_test(test_many_rows_stream_through),
		cmocka_unit_test(test_date_iso_is_accepted),
		cmocka_unit_test(test_date_dutch_day_first_is_accepted),
		cmocka_unit_test(test_date_with_time_is_accepted),
		cmocka_unit_test(test_date_excel_serial_is_converted),
		cmocka_unit_test(test_date_excel_serial_follows_1900_leap_year_bug),
		cmocka_unit_test(test_date_that_does_not_exist_is_refused),
		cmocka_unit_test(test_date_in_other_shapes_is_refused),
		cmocka_unit_test(test_bool_accepts_dutch_and_english_words),
		cmocka_unit_test(test_bool_refuses_other_text),
		cmocka_unit_test(test_trim_removes_spaces_tabs_newlines_and_nbsp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
