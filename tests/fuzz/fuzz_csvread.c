/*
 * fuzz_csvread.c — libFuzzer driver for the streaming CSV reader
 * (src/core/csvread.h).
 *
 * The first input byte picks where to split the rest in two chunks, the
 * second picks the options (charset, trim, separator, tight limits); the
 * rest is the file. It is read twice, whole and in two chunks, and both
 * readings must report the same records, errors and lines. Every record
 * must keep the promises of struct csvread_row: within the limits, fields
 * NUL-terminated at their length, valid UTF-8 without control bytes other
 * than tab, CR and LF, errors with a "Regel <n>: " message and no fields,
 * line numbers rising; the date and yes/no helpers are run on every field.
 * A broken promise calls abort(). The driver must not
 * leak: every reader is freed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/utf8.h"
#include "http/urlenc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct check {
	const struct csvread_opts *o;
	size_t   max_fields;
	size_t   max_field_len;
	size_t   last_line;
	size_t   rows;
	uint64_t digest;        /* FNV-1a over everything reported */
};

static void
mix(struct check *c, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		c->digest ^= b[i];
		c->digest *= UINT64_C(0x100000001b3);
	}
}

static void
check_field(const struct check *c, const char *f, size_t len)
{
	size_t i, chars = 0;

	if (f == NULL || strlen(f) != len || !utf8_valid(f, len))
		abort();
	for (i = 0; i < len; i++) {
		if ((unsigned char)f[i] < 0x20 && f[i] != '\t' &&
		    f[i] != '\r' && f[i] != '\n')
			abort();
		if (((unsigned char)f[i] & 0xC0) != 0x80)
			chars++;
	}
	if (chars > c->max_field_len)
		abort();
}

/* The value helpers see every field too: a date they accept must come
 * out as YYYY-MM-DD. */
static void
check_helpers(const char *f)
{
	char out[11];
	int b, i;

	memset(out, 'x', sizeof(out));
	if (csv_date_parse(f, out) == 0) {
		for (i = 0; i < 10; i++)
			if ((i == 4 || i == 7) ? out[i] != '-' :
			    (out[i] < '0' || out[i] > '9'))
				abort();
		if (out[10] != '\0')
			abort();
	}
	b = csv_bool_parse(f);
	if (b < -1 || b > 1)
		abort();
}

static int
on_row(void *arg, const struct csvread_row *row)
{
	struct check *c = arg;
	char prefix[40];
	size_t i;

	if (row->line <= c->last_line)
		abort();
	c->last_line = row->line;
	c->rows++;
	mix(c, &row->line, sizeof(row->line));
	mix(c, &row->err, sizeof(row->err));
	mix(c, &row->field, sizeof(row->field));
	if (row->err != CSVREAD_OK) {
		if (row->err > CSVREAD_UNCLOSED_QUOTE || row->message == NULL ||
		    row->nfields != 0 || row->fields != NULL)
			abort();
		snprintf(prefix, sizeof(prefix), "Regel %zu: ", row->line);
		if (strncmp(row->message, prefix, strlen(prefix)) != 0)
			abort();
		mix(c, row->message, strlen(row->message));
		return 0;
	}
	if (row->message != NULL || row->nfields == 0 ||
	    row->nfields > c->max_fields || row->fields == NULL ||
	    row->lens == NULL)
		abort();
	for (i = 0; i < row->nfields; i++) {
		check_field(c, row->fields[i], row->lens[i]);
		mix(c, &row->lens[i], sizeof(row->lens[i]));
		mix(c, row->fields[i], row->lens[i]);
		check_helpers(row->fields[i]);
	}
	return 0;
}

/* Reads data[0..n) in chunks [0, split) and [split, n). */
static enum csvread_err
read_input(const struct csvread_opts *o, const uint8_t *data, size_t n,
    size_t split, struct check *c)
{
	struct csvread *r;
	enum csvread_err e, f;

	memset(c, 0, sizeof(*c));
	c->digest = UINT64_C(0xcbf29ce484222325);
	c->max_fields = o->max_fields;
	c->max_field_len = o->max_field_len;
	if ((r = csvread_new(o, on_row, c)) == NULL)
		abort();
	e = csvread_feed(r, data, split);
	if (e == CSVREAD_OK)
		e = csvread_feed(r, data + split, n - split);
	if (e == CSVREAD_OK)
		e = csvread_finish(r);
	/* An error is sticky. */
	f = csvread_feed(r, "x", 1);
	if (e != CSVREAD_OK && f != e)
		abort();
	if (e == CSVREAD_OK && f != CSVREAD_FINISHED)
		abort();
	csvread_free(r);
	if (e != CSVREAD_OK && e != CSVREAD_UTF16)
		abort();
	return e;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char seps[4] = { 0, ',', ';', '\t' };
	struct csvread_opts o;
	struct check whole, split;
	enum csvread_err e1, e2;
	size_t at;
	uint8_t pick, flags;

	if (size < 2)
		return 0;
	pick = data[0];
	flags = data[1];
	data += 2;
	size -= 2;
	at = size * pick / 255;

	memset(&o, 0, sizeof(o));
	o.charset = (flags & 1) ? CSVREAD_WINDOWS1252 : CSVREAD_UTF8;
	o.trim = (flags >> 1) & 1;
	o.sep = seps[(flags >> 2) & 3];
	if (flags & 16) {
		/* Tight limits, so that short inputs reach them. */
		o.max_fields = 8;
		o.max_field_len = 16;
		o.max_line_len = 64;
	} else {
		o.max_fields = CSVREAD_MAX_FIELDS;
		o.max_field_len = CSVREAD_MAX_FIELD_LEN;
		o.max_line_len = CSVREAD_MAX_LINE_LEN;
	}

	e1 = read_input(&o, data, size, size, &whole);
	e2 = read_input(&o, data, size, at, &split);
	if (e1 != e2 || whole.rows != split.rows ||
	    whole.digest != split.digest)
		abort();
	return 0;
}
