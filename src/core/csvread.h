/*
 * csvread.h — streaming reader for a CSV export of a team's Excel
 * registration, built on libcsv (Debian libcsv-dev).
 *
 * The caller feeds the file in chunks of any size (an upload as it arrives)
 * and gets one callback per record. Nothing but the current record is held,
 * so a file of 200,000 rows costs no more memory than a file of two.
 *
 * What the reader copes with, because Excel writes it: a UTF-8 byte-order
 * mark ("CSV UTF-8"), ';' as the separator on Dutch Windows and ',' elsewhere
 * (detected from the first line, or given), CRLF, LF or lone CR line ends,
 * quoted fields holding separators, doubled quotes and line breaks, and —
 * on request — Windows-1252 text, converted to UTF-8.
 *
 * Errors come in two kinds. A defect in one record (bad UTF-8, a stray
 * quote, too many or too long fields, a record too long) is reported to the
 * row callback as that record's error, with a Dutch sentence naming the
 * line, and reading goes on with the next line: the import decides what a
 * bad row means. A defect of the whole input (a UTF-16 file, no memory, the
 * callback asked to stop) is returned by csvread_feed()/csvread_finish(),
 * and the reader then refuses further input.
 *
 * Limits (all per record): at most max_fields fields, at most max_field_len
 * characters per field, at most max_line_len bytes per record (line breaks
 * inside quoted fields included). They bound the memory of the reader and
 * of libcsv both; a record over max_line_len is cut off at the limit and
 * reading resumes at the next line end.
 */
#ifndef WZ_CSVREAD_H
#define WZ_CSVREAD_H

#include <stddef.h>

/* Defaults, used where struct csvread_opts says 0. */
#define CSVREAD_MAX_FIELDS      200
#define CSVREAD_MAX_FIELD_LEN   4096            /* characters */
#define CSVREAD_MAX_LINE_LEN    (64 * 1024)     /* bytes */
/* Larger values in csvread_opts are lowered to these. */
#define CSVREAD_CAP_FIELDS      10000
#define CSVREAD_CAP_LINE_LEN    (16 * 1024 * 1024)

enum csvread_err {
	CSVREAD_OK = 0,
	/* Errors of one record, reported in struct csvread_row. */
	CSVREAD_BAD_UTF8,        /* a field is not valid UTF-8 */
	CSVREAD_BAD_CP1252,      /* a byte Windows-1252 leaves undefined */
	CSVREAD_CONTROL,         /* NUL or another control character */
	CSVREAD_TOO_MANY_FIELDS, /* more than max_fields fields */
	CSVREAD_FIELD_TOO_LONG,  /* a field over max_field_len characters */
	CSVREAD_LINE_TOO_LONG,   /* the record over max_line_len bytes */
	CSVREAD_STRAY_QUOTE,     /* a quote inside an unquoted field, or text
	                            right after a closing quote */
	CSVREAD_UNCLOSED_QUOTE,  /* the input ends inside a quoted field */
	/* Errors of the whole input, returned by feed and finish. */
	CSVREAD_UTF16,           /* the file starts with a UTF-16 BOM */
	CSVREAD_NOMEM,           /* out of memory */
	CSVREAD_STOPPED,         /* the row callback returned non-zero */
	CSVREAD_FINISHED         /* feed or finish after csvread_finish */
};

enum csvread_charset {
	CSVREAD_UTF8 = 0,        /* input must be UTF-8 (the default) */
	CSVREAD_WINDOWS1252      /* input is Windows-1252; fields are
	                            converted to UTF-8. A file that starts
	                            with the UTF-8 BOM is read as UTF-8
	                            whatever this says. */
};

struct csvread_opts {
	char                 sep;       /* ',', ';' or '\t'; 0: detect from
	                                   the first line */
	enum csvread_charset charset;
	int                  trim;      /* 1: strip surrounding white space
	                                   (csv_trim) from quoted fields too;
	                                   libcsv already strips spaces and
	                                   tabs around unquoted fields */
	size_t               max_fields;     /* 0: CSVREAD_MAX_FIELDS */
	size_t               max_field_len;  /* 0: CSVREAD_MAX_FIELD_LEN */
	size_t               max_line_len;   /* 0: CSVREAD_MAX_LINE_LEN */
};

/*
 * One record, as handed to the row callback. Everything it points to is
 * owned by the reader and valid only during the callback: copy what you
 * keep. The callback may modify field bytes in place (e.g. csv_trim).
 *
 * Blank lines (nothing but spaces or tabs) are skipped and produce no
 * record, but they are counted in the line numbers.
 */
struct csvread_row {
	size_t            line;     /* 1-based line where the record starts
	                               (a quoted line break starts a new
	                               line, as in a text editor) */
	enum csvread_err  err;      /* CSVREAD_OK, or the record's error */
	size_t            field;    /* 1-based field the error is about, or 0 */
	const char       *message;  /* NULL when OK; otherwise a Dutch
	                               sentence starting "Regel <line>: ".
	                               Holds no bytes of the input. */
	size_t            nfields;  /* 0 when err is set */
	char            **fields;   /* NUL-terminated, valid UTF-8 without
	                               control characters other than tab, CR
	                               and LF; NULL when err is set */
	const size_t     *lens;     /* byte length of each field */
};

/* Return 0 to go on, anything else to stop (feed then returns
 * CSVREAD_STOPPED). */
typedef int	(*csvread_row_fn)(void *arg, const struct csvread_row *row);

struct csvread;

/*
 * A new reader. opts may be NULL (all defaults). The reader is malloc'ed
 * and owned by the caller, who must pass it to csvread_free(). NULL when
 * out of memory or when opts->sep is not ',', ';', '\t' or 0.
 */
struct csvread	*csvread_new(const struct csvread_opts *opts,
		    csvread_row_fn fn, void *arg);

/*
 * Reads the next n bytes of the file. Calls fn for every record completed
 * by them. Returns CSVREAD_OK, or a whole-input error (UTF16, NOMEM,
 * STOPPED, FINISHED); after such an error every later call returns it
 * again.
 */
enum csvread_err	csvread_feed(struct csvread *, const void *buf,
			    size_t n);

/*
 * Marks the end of the file: reports the last record if it had no line
 * end, and an unclosed quote. Returns as csvread_feed().
 */
enum csvread_err	csvread_finish(struct csvread *);

/* Frees the reader. NULL is allowed. */
void	csvread_free(struct csvread *);

/* The separator in use: the one given, the one detected, or 0 while the
 * first line has not been seen yet. */
char	csvread_sep(const struct csvread *);

/* A Dutch sentence for an error, without a line number. Static storage. */
const char	*csvread_strerror(enum csvread_err);

/*
 * Helpers for the values Excel writes. They accept surrounding white space.
 */

/*
 * Parses a date and writes it as "YYYY-MM-DD" and a NUL into out. Accepts
 * ISO "2024-03-07"; day first "7-3-2024", "07-03-2024", "7/3/2024",
 * "7.3.2024" (one separator kind, four-digit year); and an Excel serial day
 * number in the 1900 date system ("45358" is 2024-03-07; serial 60 is
 * Excel's non-existent 29 February 1900 and is refused). A time after the
 * date ("7-3-2024 00:00", "2024-03-07T10:15:00", "45358.5") is checked and
 * ignored. The date must exist, between 1900-01-01 and 9999-12-31.
 * Returns 0, or -1 (out untouched) when s is NULL or not such a date.
 *
 * Beware: a bare number is a serial, so a year "2024" in a date column
 * reads as 1905-07-16. Check the range that makes sense for the field.
 */
int	csv_date_parse(const char *s, char out[11]);

/*
 * Parses a yes/no value, case-insensitively: ja, j, waar, true, 1 give 1;
 * nee, n, onwaar, false, 0 give 0; anything else (also NULL and "") -1.
 */
int	csv_bool_parse(const char *s);

/*
 * Strips surrounding white space in place: space, tab, CR, LF and the
 * no-break space U+00A0 (Excel keeps it from pasted web text). Writes a NUL
 * after the last kept byte and returns a pointer to the first one (inside
 * s). s must be a NUL-terminated string and not NULL.
 */
char	*csv_trim(char *s);

#endif
