/*
 * cijfer_intern.h — what the evaluator (cijfer.c) shares with the sums
 * (cijfer_som.c), so that both pair a duur's events, make a table's rows
 * and compute a statistic in exactly one way. Internal to those files;
 * the module's faces are cijfer.h and cijfer_som.h.
 */
#ifndef WZ_DOMAIN_CIJFER_INTERN_H
#define WZ_DOMAIN_CIJFER_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "domain/cijfer.h"

struct arena;
struct indicator_regel;
struct periode;

/* A wait that ended: A and B as indexes into the facts. */
struct cf_paar {
	size_t   a;
	size_t   b;
	int64_t  dagen;
};

/* The pairs of duur rule r whose B lies in p (cijfer.h): *paren in the
 * arena. Returns 0 or -1 (memory, or not a duur). */
int	cijfer_duur_paren(struct arena *, const struct indicator_regel *r,
	    const struct periode *p, const struct cijfer_feit *f, size_t n,
	    struct cf_paar **paren, size_t *np);

/* Sets out's rows: the positive ids of wijken and extra, ascending, once
 * each, and a zeroed value cell per row plus the total. Returns 0 or -1. */
int	cijfer_rijen(struct arena *, const int64_t *wijken, size_t nw,
	    const int64_t *extra, size_t ne, struct cijfer_tabel *out);

/* The row of wijk in rows w[0..n), or -1 (also for the "no wijk" 0). */
long	cijfer_rij(const int64_t *w, size_t n, int64_t wijk);

/* The verdeling cells of uitsplitsing v of telling r for out's rows
 * (categories from the rule, zeroed cells). Returns 0 or -1. */
int	cijfer_verdeling_maak(struct arena *, const struct indicator_regel *r,
	    size_t v, struct cijfer_tabel *out);

/* a / b rounded half up, into *q; -1 when b is 0. */
int	cijfer_deel_afgerond(int64_t a, int64_t b, int64_t *q);

#endif
