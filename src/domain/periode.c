/*
 * periode.c — reporting periods; see periode.h.
 *
 * A half-year is six months and a quarter three, so every period is a run
 * of whole months and its days follow from datum_dag(): no table of month
 * lengths here, and leap years are core/datum.c's business. Must never
 * write a code that periode_lees() would not read back.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/datum.h"
#include "core/getal.h"
#include "domain/periode.h"

/* Parts per year of a soort; 0 when the soort is unknown. */
static int
delen(enum periode_soort soort)
{
	switch (soort) {
	case PERIODE_JAAR:
		return 1;
	case PERIODE_HALFJAAR:
		return 2;
	case PERIODE_KWARTAAL:
		return 4;
	}
	return 0;
}

/*
 * Whether soort and deel fit together, and the year can step one either
 * way without overflow: the shape the arithmetic below relies on.
 */
static int
vorm_ok(const struct periode *p)
{
	int n = delen(p->soort);

	return n > 0 && p->deel >= 1 && p->deel <= n && p->jaar > INT_MIN &&
	    p->jaar < INT_MAX;
}

int
periode_geldig(const struct periode *p)
{
	return p != NULL && vorm_ok(p) && p->jaar >= DATUM_JAAR_MIN &&
	    p->jaar <= DATUM_JAAR_MAX;
}

int
periode_lees(const char *s, size_t n, struct periode *out)
{
	struct periode p;
	int64_t jaar;

	if (s == NULL || (n != 4 && n != 7) ||
	    getal_lees(s, 4, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &jaar) != 0)
		return -1;
	p.jaar = (int)jaar;
	p.soort = PERIODE_JAAR;
	p.deel = 1;
	if (n == 7) {
		if (s[4] != '-' || (s[5] != 'H' && s[5] != 'Q') || s[6] < '1' ||
		    s[6] > '9')
			return -1;
		p.soort = s[5] == 'H' ? PERIODE_HALFJAAR : PERIODE_KWARTAAL;
		p.deel = s[6] - '0';
		if (p.deel > delen(p.soort))
			return -1;
	}
	*out = p;
	return 0;
}

int
periode_lees_str(const char *s, struct periode *out)
{
	return s == NULL ? -1 : periode_lees(s, strlen(s), out);
}

char *
periode_code(const struct periode *p, char out[PERIODE_CODE_MAX])
{
	int jaar, i;

	out[0] = '\0';
	if (!periode_geldig(p))
		return out;
	/* Four digits: periode_geldig() keeps the year to 1900..2999. */
	for (jaar = p->jaar, i = 3; i >= 0; i--, jaar /= 10)
		out[i] = (char)('0' + jaar % 10);
	out[4] = '\0';
	if (p->soort != PERIODE_JAAR) {
		out[4] = '-';
		out[5] = p->soort == PERIODE_HALFJAAR ? 'H' : 'Q';
		out[6] = (char)('0' + p->deel);
		out[7] = '\0';
	}
	return out;
}

char *
periode_label(const struct periode *p, char *out, size_t n)
{
	static const char *const rang[] = { "eerste", "tweede", "derde",
	    "vierde" };

	if (n == 0)
		return out;
	out[0] = '\0';
	if (!periode_geldig(p))
		return out;
	if (p->soort == PERIODE_JAAR)
		snprintf(out, n, "%d", p->jaar);
	else
		snprintf(out, n, "%s %s %d", rang[p->deel - 1],
		    p->soort == PERIODE_HALFJAAR ? "halfjaar" : "kwartaal",
		    p->jaar);
	return out;
}

long
periode_eerste_dag(const struct periode *p)
{
	int n = delen(p->soort);

	if (!vorm_ok(p))
		return datum_dag(p->jaar, 1, 1);
	return datum_dag(p->jaar, (p->deel - 1) * (12 / n) + 1, 1);
}

long
periode_laatste_dag(const struct periode *p)
{
	int n = delen(p->soort);

	/* The day before the next part begins; the last part ends the year. */
	if (!vorm_ok(p) || p->deel == n)
		return datum_dag(p->jaar, 12, 31);
	return datum_dag(p->jaar, p->deel * (12 / n) + 1, 1) - 1;
}

int
periode_bevat(const struct periode *p, long dag)
{
	return dag >= periode_eerste_dag(p) && dag <= periode_laatste_dag(p);
}

struct periode
periode_vorige(const struct periode *p)
{
	struct periode r = *p;

	if (!vorm_ok(p))
		return r;
	if (--r.deel < 1) {
		r.jaar--;
		r.deel = delen(r.soort);
	}
	return r;
}

struct periode
periode_volgende(const struct periode *p)
{
	struct periode r = *p;

	if (!vorm_ok(p))
		return r;
	if (++r.deel > delen(r.soort)) {
		r.jaar++;
		r.deel = 1;
	}
	return r;
}

struct periode
periode_van_dag(enum periode_soort soort, long dag)
{
	struct periode r;
	int y, m, d, n = delen(soort);

	datum_van_dag(dag, &y, &m, &d);
	r.soort = soort;
	r.jaar = y;
	r.deel = n > 0 ? (m - 1) / (12 / n) + 1 : 0;
	return r;
}
