/*
 * streefwaarde.h — targets of an indicator (issue 11): reading one, which
 * of several applies to a cell of the figures, and the status of a value
 * against it.
 *
 * Numbers are fixed point, never floating point, so that "op koers" on
 * the exact bound is decided the same way on every machine: a target is
 * stored as DECIMAL(18,4) and held here in units of 1/10000
 * (STREEFWAARDE_SCHAAL). A year target shown for a half-year or quarter
 * of a telling is divided by 2 or 4 (deler); the shown value is then
 * exact in units of 1/1000000 (STREEFWAARDE_TOON_SCHAAL), and the status
 * compares the value with the undivided target times deler, so nothing
 * is rounded anywhere.
 *
 * Which target applies to a cell (indicator, periode, organisatie, wijk):
 * the most specific scope that has one — organisatie + wijk, then wijk,
 * then organisatie, then the gemeente — and within that scope the target
 * of the exact periode, else that of the year holding it (the total of an
 * organisatie, wijk 0, has only organisatie and gemeente targets).
 *
 * Pure: no I/O, no allocation.
 */
#ifndef WZ_DOMAIN_STREEFWAARDE_H
#define WZ_DOMAIN_STREEFWAARDE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/periode.h"

/* Units of a stored target: DECIMAL(18,4). */
#define STREEFWAARDE_SCHAAL		10000
/* Units of a shown (possibly pro rata) target. */
#define STREEFWAARDE_TOON_SCHAAL	1000000
/* Most whole digits a target or tolerance may have: keeps every shown
 * value (x 100) inside int64_t. */
#define STREEFWAARDE_MAX_HEEL		12

enum sw_richting {
	SW_HOGER_BETER = 1,
	SW_LAGER_BETER,
	SW_BANDBREEDTE,
};

enum sw_tolerantie {
	SW_ABSOLUUT = 1,
	SW_PROCENT,
};

/* The status of one value. SW_ONDERDRUKT: the value is withheld, and so
 * is its status (it would tell a small number); SW_GEEN_WAARDE: there is
 * no value to judge (status null). */
enum sw_status {
	SW_GEEN_STREEFWAARDE = 0,
	SW_OP_KOERS,
	SW_AFWIJKING,
	SW_ONDERDRUKT,
	SW_GEEN_WAARDE,
};

/* One target as stored; values in units of 1/STREEFWAARDE_SCHAAL. */
struct streefwaarde {
	int64_t             id;
	struct periode      periode;          /* a half-year or a year */
	int64_t             organisatie_id;   /* 0: any */
	int64_t             wijk_id;          /* 0: any */
	enum sw_richting    richting;
	int64_t             waarde;           /* hoger_beter, lager_beter */
	int64_t             ondergrens, bovengrens;   /* bandbreedte */
	int                 heeft_tolerantie;
	int64_t             tolerantie;       /* >= 0 */
	enum sw_tolerantie  tolerantie_soort;
};

/* A target as shown for one cell: the target and its divisor (1, 2, 4). */
struct sw_cel {
	const struct streefwaarde  *sw;
	int                         deler;
};

/* Codes as stored and in the API, and back (0 for an unknown code). */
const char		*streefwaarde_richting_code(enum sw_richting);
enum sw_richting	 streefwaarde_richting_lees(const char *);
const char		*streefwaarde_tolerantie_code(enum sw_tolerantie);
enum sw_tolerantie	 streefwaarde_tolerantie_lees(const char *);
/* "op_koers", "afwijking", "geen_streefwaarde"; NULL for the statuses
 * the API shows as null (withheld, no value). */
const char		*streefwaarde_status_code(enum sw_status);

/*
 * Reads a decimal as people and JSON write it: an optional '-', at most
 * STREEFWAARDE_MAX_HEEL digits, optionally '.' (or a Dutch ',') and 1..4
 * decimals. No spaces, no exponent, no '+'. *out in units of
 * 1/STREEFWAARDE_SCHAAL. Returns 0, or -1 (out untouched).
 */
int	streefwaarde_getal_lees(const char *s, int64_t *out);

/* v (units of 1/schaal, schaal a power of ten up to 10^6) as the shortest
 * exact decimal with '.': 12.5, -0.25, 3. Returns out. */
char	*streefwaarde_getal_tekst(int64_t v, int schaal, char out[40]);

/*
 * Whether sw is a target that can be stored: a half-year or year, a
 * known richting with its values (a bandbreedte with ondergrens <=
 * bovengrens), a tolerance >= 0 of a known kind. Returns 0, or -1 with
 * *veld the field to blame ("periode", "ondergrens", "tolerantie", ...)
 * and *melding a Dutch sentence.
 */
int	streefwaarde_controleer(const struct streefwaarde *sw, const char **veld,
	    const char **melding);

/* How an indicator's values add up, for streefwaarde_kies(). */
#define SW_PRO_RATA	1u   /* a telling: a year target is divided for
			      * its half-years (2) and quarters (4); for
			      * every other kind it applies unchanged */
#define SW_OPTELBAAR	2u   /* a count (a telling or a stand, or a typed
			      * aantal, euro or fte): the cells add up to
			      * the wider scope, so a target of a wider
			      * scope says nothing about one cell — a
			      * gemeente target of 120 overdrachten is not
			      * DOCK's; only a target of the cell's own scope
			      * applies. A rate or a duration (verhouding,
			      * duur, percentage, dagen) does not add up: the
			      * gemeente's target applies to every cell. */

/*
 * The target of the n in sw that applies to the cell of period p,
 * organisatie org and wijk (0: the organisatie's total), as shown there:
 * *out->sw NULL when none applies. soort: SW_PRO_RATA and SW_OPTELBAAR
 * as they hold for the indicator.
 */
void	streefwaarde_kies(const struct streefwaarde *sw, size_t n,
	    const struct periode *p, int64_t org, int64_t wijk, unsigned soort,
	    struct sw_cel *out);

/* The value v of a cell shown in units of 1/STREEFWAARDE_TOON_SCHAAL:
 * x is c's waarde, ondergrens or bovengrens. */
int64_t	streefwaarde_toon(const struct sw_cel *c, int64_t x);

/*
 * The status of value v (units of 1/schaal: 1 or 10) against c:
 *   hoger_beter op_koers when v >= waarde - tol;
 *   lager_beter when v <= waarde + tol;
 *   bandbreedte when ondergrens - tol <= v <= bovengrens + tol;
 * tol the tolerance (absoluut, divided pro rata with the target), or
 * tolerantie % of |waarde| (of each bound) for procent; 0 without one.
 * SW_GEEN_STREEFWAARDE when c has no target. Exact: no rounding.
 */
enum sw_status	streefwaarde_status(const struct sw_cel *c, int64_t v,
		    int schaal);

#endif
