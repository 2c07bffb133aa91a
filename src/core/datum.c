/*
 * datum.c — day numbers; see datum.h. The conversions count in eras of
 * 400 years (146,097 days), in which the calendar repeats exactly, with
 * years starting on 1 March so that the leap day is the last day of the
 * year.
 */
#include "config.h"

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
