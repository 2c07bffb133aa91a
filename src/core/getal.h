/*
 * getal.h — reading whole numbers from text that came from outside (a
 * query string, a form, a path, a CSV cell, a header): one strict rule.
 *
 * Digits only: no sign, no spaces, no '+', no thousands separator, at
 * most 18 digits (so the value always fits int64_t before the range is
 * checked). Pure: no allocation, no locale (strtoll reads "  +1e3" and
 * the locale's digits; this does not).
 */
#ifndef WZ_GETAL_H
#define WZ_GETAL_H

#include <stddef.h>
#include <stdint.h>

/* Most digits getal_lees reads. */
#define GETAL_MAX_CIJFERS	18

/* Reads n bytes of s as a number min..max into *out. Returns 0, or -1
 * (out untouched) for anything else, also for n == 0. */
int	getal_lees(const char *s, size_t n, int64_t min, int64_t max,
	    int64_t *out);

/* As getal_lees, for a C string (NULL: -1). */
int	getal_lees_str(const char *s, int64_t min, int64_t max, int64_t *out);

/*
 * An amount in euro as people type it: "1250000", "1250000.5",
 * "1250000,50" — whole euros, then optionally a decimal point or comma
 * (Dutch forms) and one or two digits. No sign, no thousands separators,
 * no exponent. Below max_euro; *cent in cents. Returns 0 or -1.
 */
int	getal_bedrag(const char *s, size_t n, int64_t max_euro, int64_t *cent);

/* An id as clients write it: 1..WZ_MAX_ID (core/limits.h), no leading
 * zero ("007" names nothing). The id, or 0. */
int64_t	getal_id(const char *s, size_t n);

/* Room for any text getal_schrijf writes, NUL included. */
#define GETAL_TEKST_MAX		40

/*
 * A fixed-point value as text: v in units of 1/schaal (1 for whole
 * numbers, 10 for tenths, 100, ...; anything else counts as 1), with
 * komma before the decimals and, when duizend is not 0, duizend between
 * the groups of three digits of the whole part: (12345, 10, ',', '.')
 * gives "1.234,5", (-5, 10, '.', 0) "-0.5". No floating point, so a
 * figure reads exactly as it was computed. Returns out.
 */
char	*getal_schrijf(int64_t v, int schaal, char komma, char duizend,
	    char out[GETAL_TEKST_MAX]);

#endif
