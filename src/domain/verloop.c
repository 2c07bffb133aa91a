/*
 * verloop.c — the ketenstatus of one inwoner over time; see verloop.h.
 *
 * The state after day d is ketenstatus_bereken() over the standing events
 * dated on or before d, so that the history can never disagree with the
 * current status (the last interval is today's ketenstatus) nor with the
 * wachtlijst page. An inwoner has a handful of events, so recomputing
 * the prefix per distinct day (quadratic in the events) costs less than
 * keeping a second walk of the transitions in step with ketenstatus.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/gebeurtenis.h"
#include "domain/verloop.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	enum regel_toestand  t;
	const char          *code;
} toestanden[] = {
	{ TOESTAND_OP_WACHTLIJST, "op_wachtlijst" },
	{ TOESTAND_BIJ_WIJKTEAM, "bij_wijkteam" },
	{ TOESTAND_BIJ_WERKOM, "bij_werkom" },
	{ TOESTAND_BIJ_NALEVING, "bij_naleving" },
	{ TOESTAND_BIJ_UWV, "bij_uwv" },
	{ TOESTAND_OVERDRACHT_OPEN, "overdracht_open" },
};
#define NTOESTAND	NELEM(toestanden)

const char *
verloop_toestand_code(enum regel_toestand t)
{
	size_t i;

	for (i = 0; i < NTOESTAND; i++)
		if (toestanden[i].t == t)
			return toestanden[i].code;
	return NULL;
}

enum regel_toestand
verloop_toestand_lees(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < NTOESTAND; i++)
		if (strcmp(toestanden[i].code, code) == 0)
			return toestanden[i].t;
	return 0;
}

int64_t
verloop_wijk_op(const struct verloop_wijk *w, size_t nw, long dag)
{
	long afstand, beste = -1;
	int64_t wijk = 0;
	size_t i;

	for (i = 0; i < nw; i++) {
		if (w[i].van <= dag && dag < w[i].tot)
			return w[i].wijk_id;
		afstand = dag < w[i].van ? w[i].van - dag : dag - w[i].tot + 1;
		if (beste < 0 || afstand < beste) {
			beste = afstand;
			wijk = w[i].wijk_id;
		}
	}
	return wijk;
}

/* The day of a "YYYY-MM-DD" that ketenstatus_bereken() accepted. */
static long
verloop_dag(const char *datum)
{
	long dag = 0;

	(void)datum_lees_str(datum, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag);
	return dag;
}

/*
 * Whom a state counts for, among the k standing events p (sorted, all on
 * or before the day): the organisatie of the latest one on wijkteam wt's
 * trajecten (wt 0, or none found: of the latest event at all).
 */
static int64_t
verloop_org(const struct keten_gebeurtenis *p, size_t k, int64_t wt)
{
	size_t i;

	if (wt != 0)
		for (i = k; i-- > 0;)
			if (p[i].wijkteam_id == wt)
				return p[i].organisatie_id;
	return k > 0 ? p[k - 1].organisatie_id : 0;
}

/* An interval in the making: per toestand the one still open. */
struct lopend {
	int      open;
	long     van;
	int64_t  org;
};

/*
 * Appends [van, tot) of toestand t for org, split at the wijk changes of
 * w, to out (room for max rows; *n counts). Returns 0 or -1 (no room).
 */
static int
verloop_voeg(struct verloop_rij *out, size_t max, size_t *n,
    enum regel_toestand t, long van, long tot, int64_t org,
    const struct verloop_wijk *w, size_t nw)
{
	long grens, stuk;
	size_t i;

	while (van < tot) {
		/* The first wijk change after van, if before tot. */
		grens = tot;
		for (i = 0; i < nw; i++) {
			if (w[i].van > van && w[i].van < grens)
				grens = w[i].van;
			if (w[i].tot > van && w[i].tot < grens)
				grens = w[i].tot;
		}
		stuk = grens;
		if (*n >= max)
			return -1;
		out[*n].toestand = t;
		out[*n].van = van;
		out[*n].tot = stuk;
		out[*n].organisatie_id = org;
		out[*n].wijk_id = verloop_wijk_op(w, nw, van);
		/* Neighbouring pieces in one wijk are one interval. */
		if (*n > 0 && out[*n - 1].toestand == t &&
		    out[*n - 1].tot == van && out[*n - 1].organisatie_id == org &&
		    out[*n - 1].wijk_id == out[*n].wijk_id)
			out[*n - 1].tot = stuk;
		else
			(*n)++;
		van = stuk;
	}
	return 0;
}

/* Which toestanden hold in ks, and for whom (p: the k events behind it). */
static void
verloop_stand(const struct ketenstatus *ks, const struct keten_gebeurtenis *p,
    size_t k, int aan[NTOESTAND], int64_t org[NTOESTAND])
{
	memset(aan, 0, NTOESTAND * sizeof(aan[0]));
	memset(org, 0, NTOESTAND * sizeof(org[0]));
	/* toestanden[] order: wachtlijst, wijkteam, werkom, naleving, uwv,
	 * overdracht_open. */
	if (ks->op_wachtlijst) {
		aan[0] = 1;
		org[0] = verloop_org(p, k, ks->wachtlijst_wijkteam_id);
	}
	switch (ks->partij) {
	case PARTIJ_WIJKTEAM:
		aan[1] = 1;
		org[1] = verloop_org(p, k, ks->wijkteam_id);
		break;
	case PARTIJ_WERKOM:
		aan[2] = 1;
		org[2] = verloop_org(p, k, 0);
		break;
	case PARTIJ_NALEVING:
		aan[3] = 1;
		org[3] = verloop_org(p, k, 0);
		break;
	case PARTIJ_UWV:
		aan[4] = 1;
		org[4] = verloop_org(p, k, 0);
		break;
	case PARTIJ_GEEN:
		break;
	}
	if (ks->overdracht_open) {
		aan[5] = 1;
		org[5] = verloop_org(p, k, 0);
	}
}

static int
verloop_op_toestand(const void *a, const void *b)
{
	const struct verloop_rij *x = a, *y = b;

	if (x->toestand != y->toestand)
		return x->toestand < y->toestand ? -1 : 1;
	return x->van < y->van ? -1 : x->van > y->van;
}

int
verloop_bereken(struct arena *ar, struct keten_gebeurtenis *ev, size_t n,
    const struct verloop_wijk *w, size_t nw, struct verloop_rij **out,
    size_t *nout)
{
	struct keten_gebeurtenis *p;
	struct ketenstatus ks;
	struct lopend lo[NTOESTAND];
	struct verloop_rij *rij;
	int aan[NTOESTAND];
	int64_t org[NTOESTAND];
	size_t i, j, k, ns = 0, max, nr = 0;
	long dag;

	*out = NULL;
	*nout = 0;
	if (ketenstatus_bereken(ev, n, &ks) != 0)
		return -1;
	/* ketenstatus_bereken checks the form of a date; a day must exist. */
	for (i = 0; i < n; i++)
		if (datum_lees_str(ev[i].datum, DATUM_JAAR_MIN, DATUM_JAAR_MAX,
		    &dag) != 0)
			return -1;
	/* The standing events, in the order the derivation walks them. */
	if ((p = arena_calloc(ar, n + 1, sizeof(*p))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (!ev[i].vervallen &&
		    strcmp(ev[i].type, GEBEURTENIS_CORRECTIE) != 0)
			p[ns++] = ev[i];
	/* Each distinct day ends and opens at most one piece per toestand,
	 * and each piece is split at the 2 * nw wijk boundaries at most. */
	max = (ns + 1) * NTOESTAND * (2 * nw + 1) + 1;
	if ((rij = arena_calloc(ar, max, sizeof(*rij))) == NULL)
		return -1;
	memset(lo, 0, sizeof(lo));
	for (i = 0; i < ns; i = k) {
		dag = verloop_dag(p[i].datum);
		for (k = i; k < ns && verloop_dag(p[k].datum) == dag; k++)
			;
		/* ketenstatus_bereken sorts its input: give it a copy. */
		{
			struct keten_gebeurtenis *pre;

			if ((pre = arena_calloc(ar, k + 1, sizeof(*pre))) ==
			    NULL)
				return -1;
			memcpy(pre, p, k * sizeof(*pre));
			if (ketenstatus_bereken(pre, k, &ks) != 0)
				return -1;
		}
		verloop_stand(&ks, p, k, aan, org);
		for (j = 0; j < NTOESTAND; j++) {
			if (lo[j].open && (!aan[j] || lo[j].org != org[j])) {
				if (verloop_voeg(rij, max, &nr, toestanden[j].t,
				    lo[j].van, dag, lo[j].org, w, nw) != 0)
					return -1;
				lo[j].open = 0;
			}
			if (aan[j] && !lo[j].open) {
				lo[j].open = 1;
				lo[j].van = dag;
				lo[j].org = org[j];
			}
		}
	}
	for (j = 0; j < NTOESTAND; j++)
		if (lo[j].open && verloop_voeg(rij, max, &nr, toestanden[j].t,
		    lo[j].van, VERLOOP_OPEN, lo[j].org, w, nw) != 0)
			return -1;
	qsort(rij, nr, sizeof(*rij), verloop_op_toestand);
	*out = rij;
	*nout = nr;
	return 0;
}
