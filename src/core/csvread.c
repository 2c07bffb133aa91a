/*
 * csvread.c — streaming CSV reader over libcsv; see csvread.h for the
 * contract.
 *
 * libcsv does the CSV syntax (quotes, doubled quotes, separators, line
 * ends inside quotes). This file adds what an import needs around it: the
 * BOM and separator at the start, line numbers, limits, strict UTF-8 (or
 * Windows-1252 conversion) per field, and recovery after a bad record.
 *
 * To know line numbers and to bound memory, input reaches libcsv one
 * "segment" at a time: the bytes up to and including the next CR or LF
 * (or the end of the chunk). Every unquoted line end makes libcsv report a
 * row end (CSV_REPALL_NL), so a row always ends at the end of a segment,
 * and the line the next record starts on is known. Only as much of a
 * segment is fed as the record's byte limit still allows, so neither
 * libcsv nor this reader ever buffers more than max_line_len bytes of a
 * record, and which error a record gets does not depend on how the input
 * was cut into chunks.
 *
 * This file must never abort or exit on bad input, never put bytes of the
 * input into a message, and never hold more than one record.
 */
#include "config.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/utf8.h"

/* Strict: a quote inside an unquoted field or text after a closing quote
 * is an error, not guessed at. REPALL_NL: every unquoted CR and LF ends a
 * row (an empty one for blank lines and the LF of CRLF), which is what the
 * line counting relies on. STRICT_FINI: an unclosed quote at the end of
 * the input is an error, not a field. */
#define PARSER_OPTS	(CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI)

static const unsigned char utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

struct csvread {
	struct csv_parser    p;
	int                  p_open;      /* p is initialised */
	csvread_row_fn       fn;
	void                *arg;

	/* Options, resolved. */
	char                 sep;         /* 0 until known */
	enum csvread_charset charset;
	int                  trim;
	size_t               max_fields;
	size_t               max_field_len;
	size_t               max_line_len;

	/* The start of the input, held until the BOM and the separator are
	 * known: at most max_line_len + 3 bytes. Freed once started. */
	int                  started;
	unsigned char       *head;
	size_t               headlen;
	size_t               headcap;

	/* Position. */
	size_t               line;        /* line of the next byte */
	int                  last_cr;     /* the last byte seen was a CR */
	size_t               rec_line;    /* line the record began on; 0:
	                                     no record in progress */
	size_t               rec_bytes;   /* bytes fed for this record */
	int                  skipping;    /* after a bad record: discarding
	                                     input up to the next line end */

	/* The record being read. Fields are stored NUL-terminated in data;
	 * offs/lens index it (data may move when it grows, so pointers are
	 * only made when the record is handed out). */
	char                *data;
	size_t               datalen;
	size_t               datacap;
	size_t              *offs;
	size_t              *lens;
	char               **ptrs;
	size_t               nfields;
	enum csvread_err     rec_err;     /* first error of this record */
	size_t               rec_field;

	enum csvread_err     fatal;       /* sticky whole-input error */
	int                  finished;
	char                 msg[256];
};

/*
 * Windows-1252 bytes 0x80-0x9F as Unicode; 0 where the code page defines
 * nothing. Every other byte maps to the code point of the same value.
 */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

const char *
csvread_strerror(enum csvread_err err)
{
	/* No default: -Wswitch then names any code added without a text. */
	switch (err) {
	case CSVREAD_OK:
		return "Er is geen fout opgetreden.";
	case CSVREAD_BAD_UTF8:
		return "Het veld is geen geldige UTF-8-tekst. Sla het bestand "
		    "in Excel op als \"CSV UTF-8\".";
	case CSVREAD_BAD_CP1252:
		return "Het veld bevat een teken dat in Windows-1252 niet "
		    "bestaat.";
	case CSVREAD_CONTROL:
		return "Het veld bevat een ongeldig stuurteken.";
	case CSVREAD_TOO_MANY_FIELDS:
		return "De regel heeft te veel velden.";
	case CSVREAD_FIELD_TOO_LONG:
		return "Het veld is te lang.";
	case CSVREAD_LINE_TOO_LONG:
		return "De regel is te lang.";
	case CSVREAD_STRAY_QUOTE:
		return "Er staat een aanhalingsteken op een onverwachte plek.";
	case CSVREAD_UNCLOSED_QUOTE:
		return "Een aanhalingsteken wordt niet afgesloten.";
	case CSVREAD_UTF16:
		return "Het bestand is opgeslagen als Unicode-tekst (UTF-16). "
		    "Sla het in Excel op als \"CSV UTF-8\".";
	case CSVREAD_NOMEM:
		return "Er is niet genoeg geheugen om het bestand te lezen.";
	case CSVREAD_STOPPED:
		return "Het lezen van het bestand is afgebroken.";
	case CSVREAD_FINISHED:
		return "Het bestand was al helemaal gelezen.";
	}
	return "Onbekende fout bij het lezen van het bestand.";
}

/* The record's error as a sentence with its line, into r->msg. */
static const char *
row_message(struct csvread *r, size_t line)
{
	size_t f = r->rec_field;

	switch (r->rec_err) {
	case CSVREAD_BAD_UTF8:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: veld %zu is geen "
		    "geldige UTF-8-tekst. Sla het bestand in Excel op als "
		    "\"CSV UTF-8\".", line, f);
		break;
	case CSVREAD_BAD_CP1252:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: veld %zu bevat "
		    "een teken dat in Windows-1252 niet bestaat.", line, f);
		break;
	case CSVREAD_CONTROL:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: veld %zu bevat "
		    "een ongeldig stuurteken.", line, f);
		break;
	case CSVREAD_TOO_MANY_FIELDS:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: de regel heeft "
		    "meer dan %zu velden.", line, r->max_fields);
		break;
	case CSVREAD_FIELD_TOO_LONG:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: veld %zu is "
		    "langer dan %zu tekens.", line, f, r->max_field_len);
		break;
	case CSVREAD_LINE_TOO_LONG:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: de regel is "
		    "langer dan %zu bytes; misschien ontbreekt een "
		    "afsluitend aanhalingsteken.", line, r->max_line_len);
		break;
	case CSVREAD_STRAY_QUOTE:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: in veld %zu staat "
		    "een aanhalingsteken (\") op een onverwachte plek.",
		    line, f);
		break;
	case CSVREAD_UNCLOSED_QUOTE:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: het "
		    "aanhalingsteken (\") aan het begin van veld %zu wordt "
		    "niet afgesloten.", line, f);
		break;
	case CSVREAD_OK:
	case CSVREAD_UTF16:
	case CSVREAD_NOMEM:
	case CSVREAD_STOPPED:
	case CSVREAD_FINISHED:
		snprintf(r->msg, sizeof(r->msg), "Regel %zu: %s", line,
		    csvread_strerror(r->rec_err));
		break;
	}
	return r->msg;
}

static int
parser_open(struct csvread *r)
{
	if (csv_init(&r->p, PARSER_OPTS) != 0)
		return -1;
	csv_set_delim(&r->p, (unsigned char)r->sep);
	r->p_open = 1;
	return 0;
}

/* Forgets libcsv's state, e.g. after a parse error left it stuck. */
static void
parser_reset(struct csvread *r)
{
	if (r->p_open) {
		csv_free(&r->p);
		r->p_open = 0;
	}
	if (parser_open(r) != 0)
		r->fatal = CSVREAD_NOMEM;
}

static void
rec_clear(struct csvread *r)
{
	r->nfields = 0;
	r->datalen = 0;
	r->rec_err = CSVREAD_OK;
	r->rec_field = 0;
	r->rec_line = 0;
	r->rec_bytes = 0;
}

/* Records the first error of the record; later ones are not reported. */
static void
rec_fail(struct csvread *r, enum csvread_err err, size_t field)
{
	if (r->rec_err == CSVREAD_OK) {
		r->rec_err = err;
		r->rec_field = field;
	}
}

/* Hands the record (or its error) to the callback and starts afresh. */
static void
emit(struct csvread *r)
{
	struct csvread_row row;
	size_t i;

	memset(&row, 0, sizeof(row));
	row.line = r->rec_line != 0 ? r->rec_line : r->line;
	row.err = r->rec_err;
	row.field = r->rec_field;
	if (r->rec_err != CSVREAD_OK)
		row.message = row_message(r, row.line);
	else {
		for (i = 0; i < r->nfields; i++)
			r->ptrs[i] = r->data + r->offs[i];
		row.nfields = r->nfields;
		row.fields = r->ptrs;
		row.lens = r->lens;
	}
	if (r->fn(r->arg, &row) != 0)
		r->fatal = CSVREAD_STOPPED;
	rec_clear(r);
}

/* Makes room for need more bytes in data. -1 when out of memory. */
static int
data_reserve(struct csvread *r, size_t need)
{
	size_t cap;
	char *d;

	if (r->datacap - r->datalen >= need)
		return 0;
	cap = r->datacap != 0 ? r->datacap : 1024;
	while (cap - r->datalen < need) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	if ((d = realloc(r->data, cap)) == NULL)
		return -1;
	r->data = d;
	r->datacap = cap;
	return 0;
}

/* Appends the UTF-8 form of a code point below U+10000. */
static size_t
put_utf8(char *out, unsigned int cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/*
 * libcsv's field callback: checks the field and copies it into the record
 * as UTF-8. s is NULL for some empty fields.
 */
static void
on_field(void *s, size_t len, void *arg)
{
	struct csvread *r = arg;
	const unsigned char *in = s;
	size_t i, field, chars, off;
	unsigned int cp;
	char *dst, *t;

	if (r->fatal != CSVREAD_OK || r->rec_err != CSVREAD_OK)
		return;
	field = r->nfields + 1;
	if (r->nfields >= r->max_fields) {
		rec_fail(r, CSVREAD_TOO_MANY_FIELDS, field);
		return;
	}
	/* Tab, CR and LF may stand in a cell; other C0 controls (NUL
	 * first of all: it would cut the C string short) may not. */
	for (i = 0; i < len; i++)
		if (in[i] < 0x20 && in[i] != '\t' && in[i] != '\r' &&
		    in[i] != '\n') {
			rec_fail(r, CSVREAD_CONTROL, field);
			return;
		}

	if (r->charset == CSVREAD_UTF8) {
		if (!utf8_valid((const char *)in, len)) {
			rec_fail(r, CSVREAD_BAD_UTF8, field);
			return;
		}
		/* Characters: every byte that does not continue one. */
		for (i = 0, chars = 0; i < len; i++)
			if ((in[i] & 0xC0) != 0x80)
				chars++;
		if (chars > r->max_field_len) {
			rec_fail(r, CSVREAD_FIELD_TOO_LONG, field);
			return;
		}
		if (data_reserve(r, len + 1) != 0) {
			r->fatal = CSVREAD_NOMEM;
			return;
		}
		off = r->datalen;
		dst = r->data + off;
		if (len > 0)
			memcpy(dst, in, len);
		dst[len] = '\0';
	} else {
		if (len > r->max_field_len) {
			rec_fail(r, CSVREAD_FIELD_TOO_LONG, field);
			return;
		}
		/* One byte becomes at most three (U+20AC is E2 82 AC). */
		if (data_reserve(r, 3 * len + 1) != 0) {
			r->fatal = CSVREAD_NOMEM;
			return;
		}
		off = r->datalen;
		dst = r->data + off;
		for (i = 0, chars = 0; i < len; i++) {
			cp = in[i];
			if (cp >= 0x80 && cp < 0xA0 &&
			    (cp = cp1252_high[cp - 0x80]) == 0) {
				rec_fail(r, CSVREAD_BAD_CP1252, field);
				return;
			}
			chars += put_utf8(dst + chars, cp);
		}
		dst[chars] = '\0';
		len = chars;
	}

	if (r->trim) {
		t = csv_trim(dst);
		len = strlen(t);
		off = (size_t)(t - r->data);
	}
	r->offs[r->nfields] = off;
	r->lens[r->nfields] = len;
	r->nfields++;
	r->datalen = (size_t)(dst - r->data) + strlen(dst) + 1;
}

/* libcsv's row callback; c is the CR or LF that ended it, or -1. */
static void
on_row_end(int c, void *arg)
{
	struct csvread *r = arg;

	if (r->fatal != CSVREAD_OK)
		return;
	/* A blank line, or the LF after a CR: nothing to report. */
	if (r->nfields == 0 && r->rec_err == CSVREAD_OK) {
		rec_clear(r);
		return;
	}
	emit(r);
}

/* Offset of the first CR or LF in buf, or n. */
static size_t
find_eol(const unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] == '\r' || buf[i] == '\n')
			break;
	return i;
}

/* Counts the line end c: CR, LF and CRLF each end one line. */
static void
end_line(struct csvread *r, unsigned char c)
{
	if (c == '\n' && r->last_cr) {
		r->last_cr = 0;
		return;
	}
	r->line++;
	r->last_cr = (c == '\r');
}

/* Feeds input to libcsv a segment at a time (see the top of the file). */
static void
consume(struct csvread *r, const unsigned char *buf, size_t n)
{
	size_t e, seg, feed, done;
	int cut;

	while (n > 0 && r->fatal == CSVREAD_OK) {
		e = find_eol(buf, n);
		/* Bytes before the line end: a CR seen earlier was a line
		 * end of its own, not the start of a CRLF. */
		if (e > 0)
			r->last_cr = 0;
		if (r->skipping) {
			if (e == n)
				return;
			end_line(r, buf[e]);
			r->skipping = 0;
			buf += e + 1;
			n -= e + 1;
			continue;
		}
		seg = e < n ? e + 1 : n;
		if (r->rec_line == 0)
			r->rec_line = r->line;
		/*
		 * Feed no more than the record may still have (rec_bytes
		 * never exceeds max_line_len). Bytes up to the limit are
		 * still parsed, so that an earlier error in them is the one
		 * reported, however the input was cut into chunks.
		 */
		feed = r->max_line_len - r->rec_bytes;
		if (feed > seg)
			feed = seg;
		r->rec_bytes += feed;
		done = csv_parse(&r->p, buf, feed, on_field, on_row_end, r);
		cut = 0;
		if (done < feed) {
			if (csv_error(&r->p) != CSV_EPARSE) {
				r->fatal = CSVREAD_NOMEM;
				return;
			}
			/* libcsv stops at the offending byte; the rest of
			 * the line cannot be trusted. */
			rec_fail(r, CSVREAD_STRAY_QUOTE, r->nfields + 1);
			feed = done;
			cut = 1;
		} else if (feed < seg) {
			rec_fail(r, CSVREAD_LINE_TOO_LONG, 0);
			cut = 1;
		}
		/* The record ends here (reported with its first error);
		 * reading resumes after the next line end. */
		if (cut) {
			if (r->fatal == CSVREAD_OK)
				emit(r);
			parser_reset(r);
			r->skipping = 1;
			buf += feed;
			n -= feed;
			continue;
		}
		if (e < n)
			end_line(r, buf[e]);
		buf += seg;
		n -= seg;
	}
}

/*
 * Picks the separator from the first line: of ';', ',' and tab, the one
 * that occurs most often outside quotes (';' wins a tie, then ','; ';' when
 * there is none, as Dutch Excel writes). Returns 0 while the first line end
 * has not been seen and more input may come.
 */
static int
detect_sep(const unsigned char *h, size_t n, int final, char *sep)
{
	size_t i, semi = 0, comma = 0, tab = 0;
	int inq = 0, eol = 0;

	for (i = 0; i < n && !eol; i++) {
		if (h[i] == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (h[i] == ';')
			semi++;
		else if (h[i] == ',')
			comma++;
		else if (h[i] == '\t')
			tab++;
		else if (h[i] == '\r' || h[i] == '\n')
			eol = 1;
	}
	if (!eol && !final)
		return 0;
	if (tab > semi && tab > comma)
		*sep = '\t';
	else if (comma > semi)
		*sep = ',';
	else
		*sep = ';';
	return 1;
}

/*
 * Decides on the BOM and the separator once enough of the start is held,
 * then reads the held bytes. final: no more bytes will come for the
 * decision (the end of the input, or the head is full).
 */
static void
try_start(struct csvread *r, int final)
{
	const unsigned char *h = r->head;
	size_t n = r->headlen, bom = 0;

	/* FF FE or FE FF: Excel's "Unicode-tekst" (UTF-16), not CSV. */
	if (n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) ||
	    (h[0] == 0xFE && h[1] == 0xFF))) {
		r->fatal = CSVREAD_UTF16;
		return;
	}
	if (!final && n < 2 && (h[0] == 0xFF || h[0] == 0xFE))
		return;
	if (n >= 3 && memcmp(h, utf8_bom, 3) == 0)
		bom = 3;
	else if (!final && n < 3 && memcmp(h, utf8_bom, n) == 0)
		return;
	if (bom != 0)
		r->charset = CSVREAD_UTF8;
	if (r->sep == 0 && !detect_sep(h + bom, n - bom, final, &r->sep))
		return;

	r->started = 1;
	if (parser_open(r) != 0) {
		r->fatal = CSVREAD_NOMEM;
		return;
	}
	consume(r, h + bom, n - bom);
	free(r->head);
	r->head = NULL;
	r->headlen = r->headcap = 0;
}

struct csvread *
csvread_new(const struct csvread_opts *opts, csvread_row_fn fn, void *arg)
{
	struct csvread *r;

	if (fn == NULL)
		return NULL;
	if (opts != NULL && opts->sep != 0 && opts->sep != ',' &&
	    opts->sep != ';' && opts->sep != '\t')
		return NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->fn = fn;
	r->arg = arg;
	r->line = 1;
	r->max_fields = CSVREAD_MAX_FIELDS;
	r->max_field_len = CSVREAD_MAX_FIELD_LEN;
	r->max_line_len = CSVREAD_MAX_LINE_LEN;
	if (opts != NULL) {
		r->sep = opts->sep;
		r->charset = opts->charset;
		r->trim = opts->trim != 0;
		if (opts->max_fields != 0)
			r->max_fields = opts->max_fields;
		if (opts->max_field_len != 0)
			r->max_field_len = opts->max_field_len;
		if (opts->max_line_len != 0)
			r->max_line_len = opts->max_line_len;
	}
	if (r->max_fields > CSVREAD_CAP_FIELDS)
		r->max_fields = CSVREAD_CAP_FIELDS;
	if (r->max_line_len > CSVREAD_CAP_LINE_LEN)
		r->max_line_len = CSVREAD_CAP_LINE_LEN;
	/* A field cannot be longer than its record anyway. */
	if (r->max_field_len > r->max_line_len)
		r->max_field_len = r->max_line_len;

	r->headcap = r->max_line_len + sizeof(utf8_bom);
	r->head = malloc(r->headcap);
	r->offs = calloc(r->max_fields, sizeof(*r->offs));
	r->lens = calloc(r->max_fields, sizeof(*r->lens));
	r->ptrs = calloc(r->max_fields + 1, sizeof(*r->ptrs));
	if (r->head == NULL || r->offs == NULL || r->lens == NULL ||
	    r->ptrs == NULL) {
		csvread_free(r);
		return NULL;
	}
	return r;
}

enum csvread_err
csvread_feed(struct csvread *r, const void *buf, size_t n)
{
	const unsigned char *in = buf;
	size_t take;

	if (r->fatal != CSVREAD_OK)
		return r->fatal;
	if (r->finished)
		return CSVREAD_FINISHED;
	while (!r->started && n > 0) {
		take = r->headcap - r->headlen;
		if (take > n)
			take = n;
		memcpy(r->head + r->headlen, in, take);
		r->headlen += take;
		in += take;
		n -= take;
		try_start(r, r->headlen == r->headcap);
		if (r->fatal != CSVREAD_OK)
			return r->fatal;
	}
	if (n > 0)
		consume(r, in, n);
	return r->fatal;
}

enum csvread_err
csvread_finish(struct csvread *r)
{
	if (r->fatal != CSVREAD_OK)
		return r->fatal;
	if (r->finished)
		return CSVREAD_FINISHED;
	r->finished = 1;
	if (!r->started) {
		if (r->headlen == 0)
			return CSVREAD_OK;      /* an empty file */
		try_start(r, 1);
		if (r->fatal != CSVREAD_OK)
			return r->fatal;
	}
	if (r->skipping)
		return CSVREAD_OK;      /* the bad record was reported */
	if (csv_fini(&r->p, on_field, on_row_end, r) != 0 &&
	    r->fatal == CSVREAD_OK) {
		/* Only an unclosed quote makes csv_fini fail. */
		rec_fail(r, CSVREAD_UNCLOSED_QUOTE, r->nfields + 1);
		emit(r);
	}
	return r->fatal;
}

void
csvread_free(struct csvread *r)
{
	if (r == NULL)
		return;
	if (r->p_open)
		csv_free(&r->p);
	free(r->head);
	free(r->data);
	free(r->offs);
	free(r->lens);
	free(r->ptrs);
	free(r);
}

char
csvread_sep(const struct csvread *r)
{
	return r->sep;
}

/*
 * Value helpers.
 */

/* Whether s[i..n) starts with white space; its length, or 0. */
static size_t
space_at(const char *s, size_t i, size_t n)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
		return 1;
	if (n - i >= 2 && (unsigned char)s[i] == 0xC2 &&
	    (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

/* The part of s[0..n) without surrounding white space: [*start, *end). */
static void
trim_span(const char *s, size_t n, size_t *start, size_t *end)
{
	size_t a = 0, b = n, k;

	while (a < b && (k = space_at(s, a, b)) != 0)
		a += k;
	for (;;) {
		if (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
		    s[b - 1] == '\r' || s[b - 1] == '\n'))
			b--;
		else if (b - a >= 2 && (unsigned char)s[b - 2] == 0xC2 &&
		    (unsigned char)s[b - 1] == 0xA0)
			b -= 2;
		else
			break;
	}
	*start = a;
	*end = b;
}

char *
csv_trim(char *s)
{
	size_t a, b;

	trim_span(s, strlen(s), &a, &b);
	s[b] = '\0';
	return s + a;
}

/* A trimmed copy of s into buf (NUL-terminated); -1 if it does not fit. */
static int
trimmed_copy(const char *s, char *buf, size_t size)
{
	size_t a, b;

	if (s == NULL)
		return -1;
	trim_span(s, strlen(s), &a, &b);
	if (b - a >= size)
		return -1;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads min..max digits at *p into *v and advances *p; -1 if fewer. */
static int
read_digits(const char **p, int min, int max, long *v)
{
	int k = 0;

	*v = 0;
	while (k < max && is_digit((*p)[k])) {
		*v = *v * 10 + ((*p)[k] - '0');
		k++;
	}
	if (k < min || is_digit((*p)[k]))
		return -1;
	*p += k;
	return 0;
}

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static long
month_days(long y, long m)
{
	static const long days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int
date_valid(long y, long m, long d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= month_days(y, m);
}

/* What may follow a date: nothing, or a valid time that is ignored. */
static int
time_rest_ok(const char *p)
{
	long h, mi, s;

	if (*p == '\0')
		return 1;
	if (*p != ' ' && *p != 'T')
		return 0;
	p++;
	if (read_digits(&p, 1, 2, &h) != 0 || *p++ != ':' ||
	    read_digits(&p, 2, 2, &mi) != 0)
		return 0;
	s = 0;
	if (*p == ':') {
		p++;
		if (read_digits(&p, 2, 2, &s) != 0)
			return 0;
	}
	return *p == '\0' && h < 24 && mi < 60 && s < 60;
}

/* "2024-03-07" (also with '/' or '.', one kind, month and day 1-2 digits). */
static int
parse_ymd(const char *p, long *y, long *m, long *d)
{
	char sep;

	if (read_digits(&p, 4, 4, y) != 0)
		return -1;
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.')
		return -1;
	p++;
	if (read_digits(&p, 1, 2, m) != 0 || *p++ != sep ||
	    read_digits(&p, 1, 2, d) != 0)
		return -1;
	return time_rest_ok(p) ? 0 : -1;
}

/* "7-3-2024", "07/03/2024", "7.3.2024": day first, four-digit year. */
static int
parse_dmy(const char *p, long *y, long *m, long *d)
{
	char sep;

	if (read_digits(&p, 1, 2, d) != 0)
		return -1;
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.')
		return -1;
	p++;
	if (read_digits(&p, 1, 2, m) != 0 || *p++ != sep ||
	    read_digits(&p, 4, 4, y) != 0)
		return -1;
	return time_rest_ok(p) ? 0 : -1;
}

/*
 * An Excel serial day number of the 1900 date system, optionally with a
 * fraction (the time of day, ignored). Excel counts 1900-01-01 as day 1
 * and, to match Lotus 1-2-3, a 29 February 1900 as day 60; from day 61 on
 * its numbers are therefore one ahead of a true count.
 */
static int
parse_serial(const char *p, long *y, long *m, long *d)
{
	long n, days, len;

	if (read_digits(&p, 1, 7, &n) != 0)
		return -1;
	if (*p == '.' || *p == ',') {
		p++;
		if (!is_digit(*p))
			return -1;
		while (is_digit(*p))
			p++;
	}
	if (*p != '\0' || n < 1 || n == 60 || n > 2958465)
		return -1;
	days = n < 60 ? n - 1 : n - 2;          /* days after 1900-01-01 */
	*y = 1900;
	while (days >= (len = is_leap(*y) ? 366 : 365)) {
		days -= len;
		(*y)++;
	}
	*m = 1;
	while (days >= (len = month_days(*y, *m))) {
		days -= len;
		(*m)++;
	}
	*d = days + 1;
	return 0;
}

/* Writes n as exactly width digits. */
static void
put_digits(char *out, long n, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

int
csv_date_parse(const char *s, char out[11])
{
	char buf[40];
	long y, m, d;

	if (trimmed_copy(s, buf, sizeof(buf)) != 0)
		return -1;
	if (parse_ymd(buf, &y, &m, &d) != 0 &&
	    parse_dmy(buf, &y, &m, &d) != 0 &&
	    parse_serial(buf, &y, &m, &d) != 0)
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
	return 0;
}

int
csv_bool_parse(const char *s)
{
	static const char *const yes[] = { "ja", "j", "waar", "true", "1" };
	static const char *const no[] = { "nee", "n", "onwaar", "false", "0" };
	char buf[16];
	size_t i;

	if (trimmed_copy(s, buf, sizeof(buf)) != 0)
		return -1;
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] = (char)(buf[i] - 'A' + 'a');
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(buf, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(buf, no[i]) == 0)
			return 0;
	return -1;
}
