/*
 * verloop.h — the ketenstatus of one inwoner over time: the intervals in
 * which each state held, for the figures (issue 10, rule kind "stand",
 * and the uitsplitsing by ketenstatus).
 *
 * An indicator "inwoners op de wachtlijst" asks for the state on the last
 * day of a period, and must agree with the wachtlijst page, which reads
 * the ketenstatus. So the state on day D is by definition what
 * ketenstatus_bereken() gives for the inwoner's standing events dated on
 * or before D: this module calls it once per distinct event day and
 * records the result as intervals, which the store keeps in the
 * projection ketenstatus_verloop. Voided events are left out of every
 * prefix (the figures reflect what is known now, not what was known on D).
 *
 * Whom a state counts for: the organisatie of a traject of the inwoner —
 * on the wachtlijst or held by a wijkteam: of the latest event on or
 * before D on a traject of that wijkteam; otherwise (Werkom, Naleving,
 * UWV, an open overdracht): of the latest event on or before D. Intervals
 * are split where the inwoner's wijk changes, so each carries one wijk.
 *
 * Pure: no I/O, no SQL. Memory from the caller's arena.
 */
#ifndef WZ_DOMAIN_VERLOOP_H
#define WZ_DOMAIN_VERLOOP_H

#include <stddef.h>
#include <stdint.h>

#include "domain/indicator.h"
#include "domain/ketenstatus.h"

struct arena;

/* "Still holds": the tot of an open interval (9999-12-31). */
#define VERLOOP_OPEN	2932896L

/* Where the inwoner lived: from van (inclusive) to tot (exclusive). */
struct verloop_wijk {
	long     van, tot;
	int64_t  wijk_id;
};

/* One interval of one state. */
struct verloop_rij {
	enum regel_toestand  toestand;
	long                 van, tot;       /* tot exclusive */
	int64_t              organisatie_id;
	int64_t              wijk_id;
};

/* The state code as stored ("op_wachtlijst"), or NULL. */
const char	*verloop_toestand_code(enum regel_toestand);
/* The state of a code ("op_wachtlijst"), or 0 when unknown. */
enum regel_toestand	verloop_toestand_lees(const char *code);

/*
 * The intervals of the n events ev (one inwoner, any order; sorted in
 * place as ketenstatus_bereken() does, which also sets ev[i].vervallen)
 * and the wijk history w (nw rows, any order; a day outside every row
 * takes the wijk of the nearest row, and with nw 0 wijk_id is 0). Sets
 * *out (arena) and *nout: ordered by toestand, then van.
 *
 * Returns 0, or -1 on a malformed event (as ketenstatus_bereken) or when
 * memory runs out (*nout is then 0).
 */
int	verloop_bereken(struct arena *, struct keten_gebeurtenis *ev, size_t n,
	    const struct verloop_wijk *w, size_t nw, struct verloop_rij **out,
	    size_t *nout);

/* The wijk on day dag in history w (nw rows), as verloop_bereken reads
 * it: the row that holds dag, else the nearest; 0 for nw 0. */
int64_t	verloop_wijk_op(const struct verloop_wijk *w, size_t nw, long dag);

#endif
