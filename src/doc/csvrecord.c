/*
 * csvrecord.c — CSV records for spreadsheets; see csvrecord.h.
 */
#include "config.h"

#include <string.h>

#include "doc/csvrecord.h"

/* Whether the field must get a single quote in front (formula guard). */
int
csv_needs_guard(const char *s, size_t n)
{
	if (s == NULL || n == 0)
		return 0;
	switch (s[0]) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return 1;
	default:
		return 0;
	}
}

/* Whether the field must be quoted. */
int
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (s[i] == CSV_SEP || s[i] == ',' || s[i] == '"' ||
		    s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

/* The number of bytes csv_field() appends for this field. */
size_t
csv_field_len(const char *s, size_t n)
{
	size_t i, len = n + (size_t)csv_needs_guard(s, n);

	if (!csv_needs_quotes(s, n))
		return s == NULL ? 0 : len;
	len += 2;
	for (i = 0; i < n; i++)
		if (s[i] == '"')
			len++;
	return len;
}

/* Appends one field of n bytes, guarded and quoted as needed. */
void
csv_field(struct buf *b, const char *s, size_t n)
{
	size_t i, start = 0;
	int quote;

	if (s == NULL)
		return;
	quote = csv_needs_quotes(s, n);
	if (quote)
		buf_putc(b, '"');
	if (csv_needs_guard(s, n))
		buf_putc(b, '\'');
	if (quote) {
		for (i = 0; i < n; i++) {
			if (s[i] != '"')
				continue;
			buf_append(b, s + start, i + 1 - start);
			buf_putc(b, '"');
			start = i + 1;
		}
	}
	buf_append(b, s + start, n - start);
	if (quote)
		buf_putc(b, '"');
}

/*
 * The bytes csv_record() appends for n fields (lens[i] bytes each; a NULL
 * lens means each field is a C string): separators and CRLF included.
 */
size_t
csv_record_len(const char *const *fields, const size_t *lens, size_t n)
{
	size_t i, len = n > 0 ? n - 1 : 0;

	for (i = 0; i < n; i++)
		len += csv_field_len(fields[i], lens != NULL ? lens[i] :
		    fields[i] != NULL ? strlen(fields[i]) : 0);
	return len + sizeof(CSV_EOL) - 1;
}

/* Appends one record: n fields separated by ';', ended by CRLF. */
void
csv_record(struct buf *b, const char *const *fields, const size_t *lens,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, CSV_SEP);
		csv_field(b, fields[i], lens != NULL ? lens[i] :
		    fields[i] != NULL ? strlen(fields[i]) : 0);
	}
	buf_puts(b, CSV_EOL);
}
