/*
 * datum.h — calendar dates as day numbers, for arithmetic on dates (a
 * spreadsheet's serial date, "so many days after").
 *
 * The proleptic Gregorian calendar, any year: day 0 is 1970-01-01. Pure:
 * no I/O, no allocation, no time zone.
 */
#ifndef WZ_DATUM_H
#define WZ_DATUM_H

/* The day number of y-m-d (m 1..12, d 1..31; not checked). */
long	datum_dag(long y, long m, long d);

/* The date of day number n. */
void	datum_van_dag(long n, int *y, int *m, int *d);

#endif
