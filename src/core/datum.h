/*
 * datum.h — calendar dates as day numbers, for arithmetic on dates (a
 * spreadsheet's serial date, "so many days after").
 *
 * The proleptic Gregorian calendar, any year: day 0 is 1970-01-01. Dates
 * as text are ISO 8601, "YYYY-MM-DD", read strictly. Pure: no I/O, no
 * allocation, no time zone.
 */
#ifndef WZ_DATUM_H
#define WZ_DATUM_H

#include <stddef.h>

/* The day number of y-m-d (m 1..12, d 1..31; not checked). */
long	datum_dag(long y, long m, long d);

/* The date of day number n. */
void	datum_van_dag(long n, int *y, int *m, int *d);

/* Whether y-m-d is a day of the calendar (year 1..9999). */
int	datum_bestaat(long y, long m, long d);

/* The years a registration may name (forms, API, import). */
#define DATUM_JAAR_MIN	1900
#define DATUM_JAAR_MAX	2999

/*
 * Reads exactly "YYYY-MM-DD" (n == 10, digits and two '-', a day that
 * exists: no 2023-02-29) of a year jaar_min..jaar_max into the day number
 * *dag. Returns 0, or -1 (dag untouched).
 */
int	datum_lees(const char *s, size_t n, long jaar_min, long jaar_max,
	    long *dag);

/* As datum_lees, for a C string (NULL: -1). */
int	datum_lees_str(const char *s, long jaar_min, long jaar_max, long *dag);

/* Writes day number dag as "YYYY-MM-DD" into out (11 bytes). Returns out. */
char	*datum_tekst(long dag, char out[11]);

/* Today's date (local time), YYYY-MM-DD, in buf. Returns buf. */
const char *datum_vandaag(char buf[11]);

#endif
