/*
 * csvrecord.h — writing CSV records (RFC 4180) that spreadsheets open safely.
 *
 * Separator ';', not ',': Dutch Excel reads ';' as the list separator (its
 * decimal separator is ','), so a file with ';' opens in columns there.
 * Records end in CRLF. A field is quoted when it holds ';', ',', '"', CR or
 * LF (',' too, so the file also reads right in a program that expects
 * ','); a quote inside is doubled.
 *
 * Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that
 * starts with = + - or @ as a formula, and TAB or CR before one of those
 * does not stop every program. Such a field gets a single quote in front
 * ('=1+1), which spreadsheets show as text. The field is then quoted by the
 * rules above like any other.
 *
 * Pure: no I/O, no allocation of its own (it appends to a struct buf).
 * A NULL field (SQL NULL) is written empty.
 */
#ifndef WZ_CSVRECORD_H
#define WZ_CSVRECORD_H

#include <stddef.h>

#include "core/buf.h"

#define CSV_SEP		';'
#define CSV_EOL		"\r\n"

/* Whether the field must get a single quote in front (formula guard). */
int	csv_needs_guard(const char *s, size_t n);

/* Whether the field must be quoted. */
int	csv_needs_quotes(const char *s, size_t n);

/* The number of bytes csv_field() appends for this field. */
size_t	csv_field_len(const char *s, size_t n);

/* Appends one field of n bytes, guarded and quoted as needed. */
void	csv_field(struct buf *b, const char *s, size_t n);

/*
 * The bytes csv_record() appends for n fields (lens[i] bytes each; a NULL
 * lens means each field is a C string): separators and CRLF included.
 */
size_t	csv_record_len(const char *const *fields, const size_t *lens, size_t n);

/* Appends one record: n fields separated by ';', ended by CRLF. */
void	csv_record(struct buf *b, const char *const *fields, const size_t *lens, size_t n);

#endif
