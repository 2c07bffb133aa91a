/*
 * datum.c — day numbers; see datum.h. The conversions count in eras of
 * 400 years (146,097 days), in which the calendar repeats exactly, with
 * years starting on 1 March so that the leap day is the last day of the
 * year.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"

long
datum_dag(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
datum_van_dag(long n, int *y, int *m, int *d)
{
	long z = n + 719468, era, doe, yoe, doy, mp, jaar;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	jaar = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp + (mp < 10 ? 3 : -9));
	*y = (int)(jaar + (*m <= 2));
}

int
datum_bestaat(long y, long m, long d)
{
	static const int dagen[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int schrikkel;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	schrikkel = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= dagen[m - 1] + (m == 2 && schrikkel);
}

/* n digits at s as a number, or -1. */
static long
cijfers(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
datum_lees(const char *s, size_t n, long jaar_min, long jaar_max, long *dag)
{
	long y, m, d;

	if (s == NULL || n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = cijfers(s, 4);
	m = cijfers(s + 5, 2);
	d = cijfers(s + 8, 2);
	if (y < jaar_min || y > jaar_max || !datum_bestaat(y, m, d))
		return -1;
	*dag = datum_dag(y, m, d);
	return 0;
}

int
datum_lees_str(const char *s, long jaar_min, long jaar_max, long *dag)
{
	return s == NULL ? -1 : datum_lees(s, strlen(s), jaar_min, jaar_max, dag);
}

char *
datum_tekst(long dag, char out[11])
{
	char buf[48];       /* room for any int: no truncation to reason about */
	int y, m, d;

	datum_van_dag(dag, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;      /* outside ISO's four digits */
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, 10);
	out[10] = '\0';
	return out;
}

const char *
datum_vandaag(char buf[11])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(buf, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(buf, 11, "1970-01-01");
	return buf;
}
