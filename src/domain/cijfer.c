/*
 * cijfer.c — the evaluator: from the facts the store read to the table of
 * one indicator for one organisatie and periode; see cijfer.h.
 *
 * Every count here is a count of distinct things, and all of them are
 * done the same way: write one triple (row, category, unit) per counted
 * fact, sort, and count the distinct triples per (row, category). So an
 * inwoner with two events counts once, an inwoner who moved counts in
 * both wijk rows and once in the total (the total row has triples of its
 * own, not a sum of the wijk rows), and the order of the facts never
 * changes a number. Values other than counts are integers in tenths,
 * rounded half up; nothing passes through floating point.
 *
 * This file must never do I/O or know about SQL or HTTP; it allocates
 * only from the caller's arena and frees nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/cijfer.h"
#include "domain/cijfer_intern.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"
#include "domain/onderdrukking.h"
#include "domain/periode.h"

/* Room for one kenmerk value: a filter's waarde and a little more, so a
 * longer value never matches by being cut. */
#define CF_WAARDE_MAX	32

/* ---------------------------------------------------- counting distinct */

/* One counted fact as a key: a row, a category (or a duration), a unit. */
struct cf_sleutel {
	int64_t  a;
	int64_t  b;
	int64_t  c;
};

static int
sleutel_volgorde(const void *x, const void *y)
{
	const struct cf_sleutel *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->c > q->c) - (p->c < q->c);
}

/* Sorts k[0..n) and adds one to tel[a * breed + b] for every distinct
 * triple: the distinct units per row and category. */
static void
tel_verschillend(struct cf_sleutel *k, size_t n, int64_t *tel, size_t breed)
{
	size_t i;

	if (n == 0)
		return;
	qsort(k, n, sizeof(*k), sleutel_volgorde);
	for (i = 0; i < n; i++)
		if (i == 0 || sleutel_volgorde(&k[i - 1], &k[i]) != 0)
			tel[(size_t)k[i].a * breed + (size_t)k[i].b]++;
}

/* An array of n elements of size sz from the arena, zeroed; never NULL
 * for n == 0 when memory is there (so "no elements" is not "failed"). */
static void *
cf_rij(struct arena *ar, size_t n, size_t sz)
{
	return arena_calloc(ar, n > 0 ? n : 1, sz);
}

/* --------------------------------------------------------------- rows */

static int
id_volgorde(const void *x, const void *y)
{
	const int64_t *p = x, *q = y;

	return (*p > *q) - (*p < *q);
}

/*
 * Sets out's rows: the positive ids of wijken and of extra, ascending,
 * each once, and a zeroed value cell per row plus the total. A fact
 * without a wijk (id 0) has no row and counts in the total only.
 */
int
cijfer_rijen(struct arena *ar, const int64_t *wijken, size_t nw,
    const int64_t *extra, size_t ne, struct cijfer_tabel *out)
{
	int64_t *w;
	size_t i, n = 0;

	if (nw > SIZE_MAX / 2 - ne)
		return -1;
	if ((w = cf_rij(ar, nw + ne, sizeof(*w))) == NULL)
		return -1;
	for (i = 0; i < nw; i++)
		if (wijken[i] > 0)
			w[n++] = wijken[i];
	for (i = 0; i < ne; i++)
		if (extra[i] > 0)
			w[n++] = extra[i];
	qsort(w, n, sizeof(*w), id_volgorde);
	out->nwijk = 0;
	for (i = 0; i < n; i++)
		if (out->nwijk == 0 || w[out->nwijk - 1] != w[i])
			w[out->nwijk++] = w[i];
	out->wijk = w;
	out->cel = cf_rij(ar, out->nwijk + 1, sizeof(*out->cel));
	return out->cel != NULL ? 0 : -1;
}

/* The row of wijk in rows w[0..n), or -1 (also for the "no wijk" 0). */
long
cijfer_rij(const int64_t *w, size_t n, int64_t wijk)
{
	const int64_t *p;

	if (wijk <= 0 || n == 0)
		return -1;
	p = bsearch(&wijk, w, n, sizeof(*w), id_volgorde);
	return p != NULL ? (long)(p - w) : -1;
}

/* A count's cells: the value is the count, and so is what small-number
 * protection looks at; a count always has a value (zero is one). */
static void
cellen_telling(struct cijfer_cel *c, const int64_t *tel, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		c[i].waarde = tel[i];
		c[i].aantal = tel[i];
		c[i].heeft = 1;
	}
}

/* ------------------------------------------------------------- telling */

static int
kenmerk_is(const char *kenmerken, const char *veld, const char *waarde)
{
	char w[CF_WAARDE_MAX];

	return indicator_kenmerk(kenmerken, veld, w, sizeof(w)) &&
	    strcmp(w, waarde) == 0;
}

/* Whether fact f counts for telling r in period p: its type, its day, the
 * payload filters and the traject filters. */
static int
feit_telt(const struct indicator_regel *r, const struct periode *p,
    const struct cijfer_feit *f)
{
	size_t i;

	if (f->type == NULL || strcmp(f->type, r->type) != 0 ||
	    !periode_bevat(p, f->dag))
		return 0;
	if (r->traject_soort != NULL && (f->traject_soort == NULL ||
	    strcmp(f->traject_soort, r->traject_soort) != 0))
		return 0;
	if ((r->thema_id != 0 && f->thema_id != r->thema_id) ||
	    (r->opdracht_id != 0 && f->opdracht_id != r->opdracht_id))
		return 0;
	for (i = 0; i < r->nfilter; i++)
		if (!kenmerk_is(f->kenmerken, r->filter[i].veld,
		    r->filter[i].waarde))
			return 0;
	return 1;
}

/* What a telling counts distinct. */
static int64_t
feit_eenheid(enum regel_tel tel, const struct cijfer_feit *f)
{
	switch (tel) {
	case TEL_TRAJECTEN:
		return f->traject_id;
	case TEL_GEBEURTENISSEN:
		return f->gebeurtenis_id;
	case TEL_INWONERS:
		break;
	}
	return f->inwoner_id;
}

/* The category of fact f in verdeling d, or -1 when it has none of them
 * (a field the event lacks): it then counts in the value, in no
 * category. */
static long
feit_categorie(const struct cijfer_verdeling *d, const struct cijfer_feit *f)
{
	char w[CF_WAARDE_MAX];
	const char *code;
	size_t k;

	if (d->u->def == NULL)
		code = ketenstatus_partij_code(f->partij_einde);
	else if (indicator_kenmerk(f->kenmerken, d->u->def->naam, w,
	    sizeof(w)))
		code = w;
	else
		code = NULL;
	if (code == NULL)
		return -1;
	for (k = 0; k < d->ncat; k++)
		if (strcmp(d->cat[k], code) == 0)
			return (long)k;
	return -1;
}

static int
telling_ok(const struct indicator_regel *r)
{
	return r != NULL && r->soort == REGEL_TELLING && r->type != NULL &&
	    r->nfilter <= REGEL_FILTERS &&
	    r->nuitsplitsing <= REGEL_UITSPLITSINGEN &&
	    (r->tel == TEL_INWONERS || r->tel == TEL_TRAJECTEN ||
	    r->tel == TEL_GEBEURTENISSEN);
}

/* Counts the facts f[idx[0..m)] into the cells: per row and in the total
 * row, per category when d is set. tel is scratch of (nwijk + 1) * breed
 * counters; sl of 2 * m keys. */
static void
telling_tel(const struct cijfer_tabel *t, const struct indicator_regel *r,
    const struct cijfer_verdeling *d, const struct cijfer_feit *f,
    const size_t *idx, size_t m, struct cf_sleutel *sl, int64_t *tel)
{
	const struct cijfer_feit *e;
	size_t j, nk = 0;
	long rij, k;
	int64_t u;

	for (j = 0; j < m; j++) {
		e = &f[idx[j]];
		k = 0;
		if (d != NULL && (k = feit_categorie(d, e)) < 0)
			continue;
		u = feit_eenheid(r->tel, e);
		rij = cijfer_rij(t->wijk, t->nwijk, e->wijk_id);
		if (rij >= 0)
			sl[nk++] = (struct cf_sleutel){ rij, k, u };
		sl[nk++] = (struct cf_sleutel){ (int64_t)t->nwijk, k, u };
	}
	tel_verschillend(sl, nk, tel, d != NULL ? d->ncat : 1);
}

int
cijfer_verdeling_maak(struct arena *ar, const struct indicator_regel *r,
    size_t v, struct cijfer_tabel *out)
{
	struct cijfer_verdeling *d = &out->verdeling[v];
	size_t nrij = out->nwijk + 1;

	if (v >= r->nuitsplitsing || v >= REGEL_UITSPLITSINGEN)
		return -1;
	d->u = &r->uitsplitsing[v];
	if ((d->cat = indicator_categorieen(d->u, &d->ncat)) == NULL ||
	    d->ncat == 0 || nrij > SIZE_MAX / sizeof(int64_t) / d->ncat)
		return -1;
	d->cel = cf_rij(ar, nrij * d->ncat, sizeof(*d->cel));
	return d->cel != NULL ? 0 : -1;
}

int
cijfer_telling(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    const int64_t *wijken, size_t nw, struct cijfer_tabel *out)
{
	struct cijfer_verdeling *d;
	struct cf_sleutel *sl;
	int64_t *extra, *tel;
	size_t *idx, i, m = 0, v, nrij;

	memset(out, 0, sizeof(*out));
	if (!telling_ok(r) || p == NULL || (f == NULL && n > 0) ||
	    (wijken == NULL && nw > 0) || n > SIZE_MAX / 2 / sizeof(*sl))
		return -1;
	idx = cf_rij(ar, n, sizeof(*idx));
	extra = cf_rij(ar, n, sizeof(*extra));
	sl = cf_rij(ar, 2 * n, sizeof(*sl));
	if (idx == NULL || extra == NULL || sl == NULL)
		goto fail;
	for (i = 0; i < n; i++)
		if (feit_telt(r, p, &f[i])) {
			extra[m] = f[i].wijk_id;
			idx[m++] = i;
		}
	if (cijfer_rijen(ar, wijken, nw, extra, m, out) != 0)
		goto fail;
	out->schaal = 1;
	nrij = out->nwijk + 1;

	if ((tel = cf_rij(ar, nrij, sizeof(*tel))) == NULL)
		goto fail;
	telling_tel(out, r, NULL, f, idx, m, sl, tel);
	cellen_telling(out->cel, tel, nrij);

	for (v = 0; v < r->nuitsplitsing; v++) {
		if (cijfer_verdeling_maak(ar, r, v, out) != 0)
			goto fail;
		d = &out->verdeling[v];
		if ((tel = cf_rij(ar, nrij * d->ncat, sizeof(*tel))) == NULL)
			goto fail;
		telling_tel(out, r, d, f, idx, m, sl, tel);
		cellen_telling(d->cel, tel, nrij * d->ncat);
		out->nverdeling = v + 1;
	}
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return -1;
}

/* ---------------------------------------------------------------- stand */

int
cijfer_stand(struct arena *ar, const struct cijfer_stand *s, size_t n,
    const int64_t *wijken, size_t nw, struct cijfer_tabel *out)
{
	struct cf_sleutel *sl;
	int64_t *extra, *tel;
	size_t i, nk = 0;
	long rij;

	memset(out, 0, sizeof(*out));
	if ((s == NULL && n > 0) || (wijken == NULL && nw > 0) ||
	    n > SIZE_MAX / 2 / sizeof(*sl))
		return -1;
	extra = cf_rij(ar, n, sizeof(*extra));
	sl = cf_rij(ar, 2 * n, sizeof(*sl));
	if (extra == NULL || sl == NULL)
		goto fail;
	for (i = 0; i < n; i++)
		extra[i] = s[i].wijk_id;
	if (cijfer_rijen(ar, wijken, nw, extra, n, out) != 0)
		goto fail;
	out->schaal = 1;
	if ((tel = cf_rij(ar, out->nwijk + 1, sizeof(*tel))) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		rij = cijfer_rij(out->wijk, out->nwijk, s[i].wijk_id);
		if (rij >= 0)
			sl[nk++] = (struct cf_sleutel){ rij, 0,
			    s[i].inwoner_id };
		sl[nk++] = (struct cf_sleutel){ (int64_t)out->nwijk, 0,
		    s[i].inwoner_id };
	}
	tel_verschillend(sl, nk, tel, 1);
	cellen_telling(out->cel, tel, out->nwijk + 1);
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return -1;
}

/* ----------------------------------------------------------------- duur */

/* A fact of type A (eind 0) or B (eind 1), in the order of the walk. */
struct cf_duurfeit {
	int64_t  inwoner;
	long     dag;
	int64_t  id;
	size_t   i;          /* index into the caller's facts */
	int      eind;
};


static int
duurfeit_volgorde(const void *x, const void *y)
{
	const struct cf_duurfeit *p = x, *q = y;

	if (p->inwoner != q->inwoner)
		return p->inwoner < q->inwoner ? -1 : 1;
	if (p->dag != q->dag)
		return p->dag < q->dag ? -1 : 1;
	return (p->id > q->id) - (p->id < q->id);
}

static int
duur_ok(const struct indicator_regel *r)
{
	return r != NULL && r->soort == REGEL_DUUR && r->type != NULL &&
	    r->tot_type != NULL && strcmp(r->type, r->tot_type) != 0 &&
	    (r->statistiek == STAT_MEDIAAN || r->statistiek == STAT_GEMIDDELDE);
}

/*
 * The pairs of rule r whose B lies in p. Per inwoner, in order of (dag,
 * id): an A opens a wait when none is open — a second A before the B
 * belongs to the wait the first one began, as the ketenstatus counts the
 * wachtlijst from the first wachtlijst_in —, and a B closes the open wait
 * into a pair; a B with no open wait pairs with nothing. The walk runs
 * over every fact given, so a wait that began before p and ends in it
 * counts, and one whose B is after p does not (yet).
 */
int
cijfer_duur_paren(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    struct cf_paar **paren, size_t *np)
{
	struct cf_duurfeit *df;
	size_t i, m = 0;
	long open = -1;
	int eind;

	*paren = NULL;
	*np = 0;
	if (!duur_ok(r) || p == NULL || (f == NULL && n > 0))
		return -1;
	df = cf_rij(ar, n, sizeof(*df));
	*paren = cf_rij(ar, n, sizeof(**paren));
	if (df == NULL || *paren == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (f[i].type == NULL)
			continue;
		if (strcmp(f[i].type, r->type) == 0)
			eind = 0;
		else if (strcmp(f[i].type, r->tot_type) == 0)
			eind = 1;
		else
			continue;
		df[m++] = (struct cf_duurfeit){ f[i].inwoner_id, f[i].dag,
		    f[i].gebeurtenis_id, i, eind };
	}
	qsort(df, m, sizeof(*df), duurfeit_volgorde);
	for (i = 0; i < m; i++) {
		if (i > 0 && df[i].inwoner != df[i - 1].inwoner)
			open = -1;
		if (!df[i].eind) {
			if (open < 0)
				open = (long)i;
			continue;
		}
		if (open < 0)
			continue;
		if (periode_bevat(p, df[i].dag))
			(*paren)[(*np)++] = (struct cf_paar){ df[open].i,
			    df[i].i, (int64_t)df[i].dag - (int64_t)df[open].dag };
		open = -1;
	}
	return 0;
}

/* a / b rounded half up (half away from zero for a negative quotient),
 * into *q; -1 when b is 0. */
int
cijfer_deel_afgerond(int64_t a, int64_t b, int64_t *q)
{
	int neg;
	uint64_t ua, ub, r;

	if (b == 0)
		return -1;
	neg = (a < 0) != (b < 0);
	ua = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
	ub = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
	r = ua / ub + (ua % ub >= ub - ua % ub ? 1 : 0);
	if (r > INT64_MAX)
		return -1;
	*q = neg ? -(int64_t)r : (int64_t)r;
	return 0;
}

/* The statistic over the m > 0 durations k[0..m).b, ascending, in
 * tenths. The median of an even count is the mean of the middle two,
 * which in tenths is exact. */
static int64_t
duur_statistiek(enum regel_statistiek s, const struct cf_sleutel *k, size_t m)
{
	int64_t som = 0, q = 0;
	size_t i;

	if (s == STAT_MEDIAAN)
		return m % 2 == 1 ? k[m / 2].b * 10 :
		    (k[m / 2 - 1].b + k[m / 2].b) * 5;
	for (i = 0; i < m; i++)
		som += k[i].b;
	(void)cijfer_deel_afgerond(som * 10, (int64_t)m, &q);
	return q;
}

int
cijfer_duur(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    const int64_t *wijken, size_t nw, struct cijfer_tabel *out)
{
	struct cf_paar *pr;
	struct cf_sleutel *sl;
	int64_t *extra, *tel;
	size_t i, j, np, nk = 0;
	long rij;

	memset(out, 0, sizeof(*out));
	if ((wijken == NULL && nw > 0) || n > SIZE_MAX / 2 / sizeof(*sl))
		return -1;
	if (cijfer_duur_paren(ar, r, p, f, n, &pr, &np) != 0)
		goto fail;
	extra = cf_rij(ar, np, sizeof(*extra));
	sl = cf_rij(ar, 2 * np, sizeof(*sl));
	if (extra == NULL || sl == NULL)
		goto fail;
	for (i = 0; i < np; i++)
		extra[i] = f[pr[i].b].wijk_id;   /* counts where it ends */
	if (cijfer_rijen(ar, wijken, nw, extra, np, out) != 0)
		goto fail;
	out->schaal = 10;

	/* the statistic: keys (row, days) sorted, one run per row */
	for (i = 0; i < np; i++) {
		rij = cijfer_rij(out->wijk, out->nwijk, f[pr[i].b].wijk_id);
		if (rij >= 0)
			sl[nk++] = (struct cf_sleutel){ rij, pr[i].dagen, 0 };
		sl[nk++] = (struct cf_sleutel){ (int64_t)out->nwijk,
		    pr[i].dagen, 0 };
	}
	if (nk > 0)
		qsort(sl, nk, sizeof(*sl), sleutel_volgorde);
	for (i = 0; i < nk; i = j) {
		for (j = i; j < nk && sl[j].a == sl[i].a; j++)
			;
		out->cel[sl[i].a].waarde = duur_statistiek(r->statistiek,
		    &sl[i], j - i);
		out->cel[sl[i].a].heeft = 1;
	}

	/* the noemer that small-number protection looks at: inwoners */
	if ((tel = cf_rij(ar, out->nwijk + 1, sizeof(*tel))) == NULL)
		goto fail;
	for (i = 0, nk = 0; i < np; i++) {
		rij = cijfer_rij(out->wijk, out->nwijk, f[pr[i].b].wijk_id);
		if (rij >= 0)
			sl[nk++] = (struct cf_sleutel){ rij, 0,
			    f[pr[i].b].inwoner_id };
		sl[nk++] = (struct cf_sleutel){ (int64_t)out->nwijk, 0,
		    f[pr[i].b].inwoner_id };
	}
	tel_verschillend(sl, nk, tel, 1);
	for (i = 0; i <= out->nwijk; i++)
		out->cel[i].aantal = tel[i];
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return -1;
}

/* ----------------------------------------------------------- verhouding */

/* The cell of t for wijk (or the total), as the verhouding reads it: a
 * wijk that is not a row of t had nothing counted, which is 0 for a count
 * and no value for anything else. */
static struct cijfer_cel
cel_voor(const struct cijfer_tabel *t, int64_t wijk, int totaal)
{
	struct cijfer_cel leeg = { 0, 0, t->schaal == 1 };
	long rij;

	if (totaal)
		return t->cel[t->nwijk];
	rij = cijfer_rij(t->wijk, t->nwijk, wijk);
	return rij >= 0 ? t->cel[rij] : leeg;
}

/* teller ÷ noemer in tenths (× 100 for a percentage), each value read in
 * its own schaal: (t / ts) / (n / ns) × mult × 10. */
static int
verhouding_waarde(const struct cijfer_tabel *tt, struct cijfer_cel t,
    const struct cijfer_tabel *nt, struct cijfer_cel n, int procent,
    int64_t *uit)
{
	int64_t teller, noemer;

	if (!t.heeft || !n.heeft || n.waarde == 0)
		return -1;
	if (__builtin_mul_overflow(t.waarde, (int64_t)nt->schaal, &teller) ||
	    __builtin_mul_overflow(teller, (int64_t)(procent ? 1000 : 10),
	    &teller) ||
	    __builtin_mul_overflow(n.waarde, (int64_t)tt->schaal, &noemer))
		return -1;
	return cijfer_deel_afgerond(teller, noemer, uit);
}

int
cijfer_verhouding(struct arena *ar, const struct cijfer_tabel *teller,
    const struct cijfer_tabel *noemer, int procent, struct cijfer_tabel *out)
{
	struct cijfer_cel tc, nc;
	size_t i;
	int totaal;

	memset(out, 0, sizeof(*out));
	if (teller == NULL || noemer == NULL || teller->cel == NULL ||
	    noemer->cel == NULL || teller->schaal < 1 || noemer->schaal < 1)
		return -1;
	if (cijfer_rijen(ar, teller->wijk, teller->nwijk, noemer->wijk,
	    noemer->nwijk, out) != 0) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	out->schaal = 10;
	for (i = 0; i <= out->nwijk; i++) {
		totaal = i == out->nwijk;
		tc = cel_voor(teller, totaal ? 0 : out->wijk[i], totaal);
		nc = cel_voor(noemer, totaal ? 0 : out->wijk[i], totaal);
		out->cel[i].aantal = nc.aantal;
		out->cel[i].heeft = verhouding_waarde(teller, tc, noemer, nc,
		    procent, &out->cel[i].waarde) == 0;
		if (!out->cel[i].heeft)
			out->cel[i].waarde = 0;
	}
	return 0;
}

/* ------------------------------------------------------------- herkomst */

static int
plaats_volgorde(const void *x, const void *y)
{
	const size_t *p = x, *q = y;

	return (*p > *q) - (*p < *q);
}

int
cijfer_herkomst(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    int64_t wijk_id, size_t **idx, size_t *nidx)
{
	struct cf_paar *pr;
	size_t i, np, *uit, m = 0;

	*idx = NULL;
	*nidx = 0;
	if (r == NULL || p == NULL || (f == NULL && n > 0) ||
	    n > SIZE_MAX / 2 / sizeof(*uit))
		return -1;
	if (r->soort == REGEL_TELLING) {
		if (!telling_ok(r) ||
		    (uit = cf_rij(ar, n, sizeof(*uit))) == NULL)
			return -1;
		for (i = 0; i < n; i++)
			if (feit_telt(r, p, &f[i]) && (wijk_id == 0 ||
			    f[i].wijk_id == wijk_id))
				uit[m++] = i;
	} else if (r->soort == REGEL_DUUR) {
		if (cijfer_duur_paren(ar, r, p, f, n, &pr, &np) != 0 ||
		    (uit = cf_rij(ar, 2 * np, sizeof(*uit))) == NULL)
			return -1;
		for (i = 0; i < np; i++)
			if (wijk_id == 0 || f[pr[i].b].wijk_id == wijk_id) {
				uit[m++] = pr[i].a;
				uit[m++] = pr[i].b;
			}
		/* each event is in one pair at most: sorting is enough */
		qsort(uit, m, sizeof(*uit), plaats_volgorde);
	} else
		return -1;
	*idx = uit;
	*nidx = m;
	return 0;
}

/* ------------------------------------------------- small-number protection */

/* The rows of t and the cells of verdeling v. */
#define CF_RIJEN(t)		((t)->nwijk + 1)
#define CF_VCELLEN(t, v)	(CF_RIJEN(t) * (t)->verdeling[v].ncat)

/* Fail closed: every cell that has a value is withheld. */
static void
alles_weg(const struct cijfer_tabel *t, struct cijfer_weg *weg)
{
	size_t i, v;

	for (i = 0; i < CF_RIJEN(t); i++)
		weg->cel[i] = t->cel[i].heeft != 0;
	for (v = 0; v < t->nverdeling; v++)
		for (i = 0; i < CF_VCELLEN(t, v); i++)
			weg->verdeling[v][i] =
			    t->verdeling[v].cel[i].heeft != 0;
}

static int
weg_klaarzetten(struct arena *ar, const struct cijfer_tabel *t,
    struct cijfer_weg *weg)
{
	size_t v;

	memset(weg, 0, sizeof(*weg));
	if ((weg->cel = cf_rij(ar, CF_RIJEN(t), 1)) == NULL)
		goto fail;
	for (v = 0; v < t->nverdeling; v++)
		if ((weg->verdeling[v] = cf_rij(ar, CF_VCELLEN(t, v), 1)) ==
		    NULL)
			goto fail;
	weg->wijk = t->wijk;
	weg->nwijk = t->nwijk;
	return 0;
fail:
	memset(weg, 0, sizeof(*weg));
	return -1;
}

/* The primary rule alone: an aantal from 1 to drempel - 1. */
static int
primair_weg(const struct cijfer_cel *c, int64_t drempel)
{
	return c->heeft && c->aantal >= 1 && c->aantal < drempel;
}

int
cijfer_onderdruk(struct arena *ar, const struct cijfer_tabel *t,
    int64_t drempel, struct cijfer_weg *weg)
{
	struct ond_relatie *rel;
	int64_t *waarde;
	unsigned char *w;
	size_t *delen, *basis, nrij, ncel, nrel = 0, ndelen, nd = 0, v, r, k, i;

	memset(weg, 0, sizeof(*weg));
	if (t == NULL || t->cel == NULL || t->nverdeling > REGEL_UITSPLITSINGEN)
		return -1;
	if (weg_klaarzetten(ar, t, weg) != 0)
		return -1;
	if (drempel < 1)
		drempel = 1;
	nrij = CF_RIJEN(t);

	/* A duur's aantal is never shown: the primary rule is enough. */
	if (t->schaal != 1) {
		for (i = 0; i < nrij; i++)
			weg->cel[i] = primair_weg(&t->cel[i], drempel);
		for (v = 0; v < t->nverdeling; v++)
			for (i = 0; i < CF_VCELLEN(t, v); i++)
				weg->verdeling[v][i] = primair_weg(
				    &t->verdeling[v].cel[i], drempel);
		return 0;
	}

	/* Cells: the values per row, then each verdeling row by row. */
	if (t->nwijk >= ONDERDRUKKING_MAX_CELLEN) {
		alles_weg(t, weg);   /* too big to compute: withhold it all */
		return 0;
	}
	ncel = nrij;
	ndelen = nrij > 1 ? t->nwijk : 0;                 /* total = Σ wijken */
	nrel = nrij > 1 ? 1 : 0;
	for (v = 0; v < t->nverdeling; v++) {
		if (t->verdeling[v].ncat > ONDERDRUKKING_MAX_CELLEN) {
			alles_weg(t, weg);
			return 0;
		}
		ncel += CF_VCELLEN(t, v);
		nrel += nrij + (nrij > 1 ? t->verdeling[v].ncat : 0);
		ndelen += CF_VCELLEN(t, v) * (nrij > 1 ? 2 : 1);
	}
	if (ncel > ONDERDRUKKING_MAX_CELLEN ||
	    nrel > ONDERDRUKKING_MAX_RELATIES) {
		alles_weg(t, weg);
		return 0;
	}
	waarde = cf_rij(ar, ncel, sizeof(*waarde));
	w = cf_rij(ar, ncel, 1);
	rel = cf_rij(ar, nrel, sizeof(*rel));
	delen = cf_rij(ar, ndelen, sizeof(*delen));
	basis = cf_rij(ar, REGEL_UITSPLITSINGEN, sizeof(*basis));
	if (waarde == NULL || w == NULL || rel == NULL || delen == NULL ||
	    basis == NULL) {
		alles_weg(t, weg);
		return -1;
	}
	for (i = 0; i < nrij; i++)
		waarde[i] = t->cel[i].heeft ? t->cel[i].aantal : -1;
	for (v = 0, k = nrij; v < t->nverdeling; v++) {
		basis[v] = k;
		for (i = 0; i < CF_VCELLEN(t, v); i++, k++)
			waarde[k] = t->verdeling[v].cel[i].heeft ?
			    t->verdeling[v].cel[i].aantal : -1;
	}

	nrel = 0;
	/* the value of the total is the sum of the wijk values */
	if (nrij > 1) {
		rel[nrel++] = (struct ond_relatie){ t->nwijk, &delen[nd],
		    t->nwijk };
		for (r = 0; r < t->nwijk; r++)
			delen[nd++] = r;
	}
	for (v = 0; v < t->nverdeling; v++) {
		size_t nc = t->verdeling[v].ncat;

		/* per row, the total row too: the value is the sum of the
		 * categories (implied by the others for the total, and
		 * listed anyway: a reader may use it directly) */
		for (r = 0; r < nrij; r++) {
			rel[nrel++] = (struct ond_relatie){ r, &delen[nd], nc };
			for (k = 0; k < nc; k++)
				delen[nd++] = basis[v] + r * nc + k;
		}
		/* per category, the total's is the sum of the wijken' */
		if (nrij > 1)
			for (k = 0; k < nc; k++) {
				rel[nrel++] = (struct ond_relatie){
				    basis[v] + t->nwijk * nc + k, &delen[nd],
				    t->nwijk };
				for (r = 0; r < t->nwijk; r++)
					delen[nd++] = basis[v] + r * nc + k;
			}
	}

	/* When the module finds no pattern (or its own memory runs out) it
	 * withholds everything; that is an answer, not a failure of ours:
	 * the table is shown with every cell withheld. */
	if (onderdrukking_bereken(waarde, ncel, rel, nrel, drempel, w) != 0) {
		alles_weg(t, weg);
		return 0;
	}
	for (i = 0; i < nrij; i++)
		weg->cel[i] = w[i];
	for (v = 0; v < t->nverdeling; v++)
		for (i = 0; i < CF_VCELLEN(t, v); i++)
			weg->verdeling[v][i] = w[basis[v] + i];
	return 0;
}

/* Whether pattern p withholds wijk (or the total); a wijk that is not one
 * of its rows had nothing counted there, and a zero is shown. */
static int
weg_voor(const struct cijfer_weg *p, int64_t wijk, int totaal)
{
	long rij;

	if (totaal)
		return p->cel[p->nwijk] != 0;
	rij = cijfer_rij(p->wijk, p->nwijk, wijk);
	return rij >= 0 && p->cel[rij] != 0;
}

int
cijfer_weg_verhouding(struct arena *ar, const struct cijfer_tabel *t,
    const struct cijfer_weg *teller, const struct cijfer_weg *noemer,
    struct cijfer_weg *weg)
{
	int64_t wijk;
	size_t i;
	int totaal;

	memset(weg, 0, sizeof(*weg));
	if (t == NULL || t->cel == NULL || weg_klaarzetten(ar, t, weg) != 0)
		return -1;
	if (teller == NULL || noemer == NULL || teller->cel == NULL ||
	    noemer->cel == NULL) {
		for (i = 0; i < CF_RIJEN(t); i++)   /* fail closed */
			weg->cel[i] = 1;
		return -1;
	}
	/* Withheld where either is, also where the verhouding has no
	 * value: a noemer withheld as 0 must not show as "no value". */
	for (i = 0; i < CF_RIJEN(t); i++) {
		totaal = i == t->nwijk;
		wijk = totaal ? 0 : t->wijk[i];
		weg->cel[i] = weg_voor(teller, wijk, totaal) ||
		    weg_voor(noemer, wijk, totaal);
	}
	return 0;
}
