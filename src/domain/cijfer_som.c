/*
 * cijfer_som.c — the figures as sums; see cijfer_som.h.
 *
 * The contribution of a set of facts is taken from the evaluator itself
 * (cijfer_telling, the pairs of a duur), so the sums count exactly what
 * the evaluator counts; this file only turns a table into cells and
 * cells back into a table.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/cijfer.h"
#include "domain/cijfer_intern.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"
#include "domain/periode.h"
#include "domain/verloop.h"

/* ------------------------------------------------------------ cells */

int
cijfer_som_bewaard(const struct indicator_regel *r)
{
	return r != NULL && (r->soort == REGEL_TELLING || r->soort == REGEL_DUUR);
}

static int
som_volgorde(const void *x, const void *y)
{
	const struct cijfer_som *p = x, *q = y;

	if (p->wijk_id != q->wijk_id)
		return p->wijk_id < q->wijk_id ? -1 : 1;
	return strcmp(p->cel, q->cel);
}

/* Sorts s[0..*n), adds up equal cells and drops zeros. */
static void
som_samenvoegen(struct cijfer_som *s, size_t *n)
{
	size_t i, m = 0;

	if (*n == 0)
		return;
	qsort(s, *n, sizeof(*s), som_volgorde);
	for (i = 0; i < *n; i++) {
		if (m > 0 && som_volgorde(&s[m - 1], &s[i]) == 0)
			s[m - 1].n += s[i].n;
		else
			s[m++] = s[i];
	}
	for (i = 0, *n = 0; i < m; i++)
		if (s[i].n != 0)
			s[(*n)++] = s[i];
}

static void
som_zet(struct cijfer_som *s, int64_t wijk, const char *cel, int64_t n)
{
	s->wijk_id = wijk;
	(void)snprintf(s->cel, sizeof(s->cel), "%s", cel);
	s->n = n;
}

static int
bijdrage_telling(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    struct cijfer_som **out, size_t *nout)
{
	struct cijfer_tabel t;
	struct cijfer_som *s;
	size_t w, v, k, m = 0, breed = 1;
	int64_t wijk, x;
	char cel[CIJFER_SOM_CEL_MAX];

	if (cijfer_telling(ar, r, p, f, n, NULL, 0, &t) != 0)
		return -1;
	for (v = 0; v < t.nverdeling; v++)
		breed += t.verdeling[v].ncat;
	if ((s = arena_calloc(ar, (t.nwijk + 1) * breed, sizeof(*s))) == NULL)
		return -1;
	for (w = 0; w <= t.nwijk; w++) {
		wijk = w < t.nwijk ? t.wijk[w] : 0;
		if (t.cel[w].waarde != 0)
			som_zet(&s[m++], wijk, "", t.cel[w].waarde);
		for (v = 0; v < t.nverdeling; v++)
			for (k = 0; k < t.verdeling[v].ncat; k++) {
				x = t.verdeling[v].cel[w * t.verdeling[v].ncat +
				    k].waarde;
				if (x == 0)
					continue;
				(void)snprintf(cel, sizeof(cel), "%zu:%s", v,
				    t.verdeling[v].cat[k]);
				som_zet(&s[m++], wijk, cel, x);
			}
	}
	*out = s;
	*nout = m;
	return 0;
}

/* A duur's key, sorted by (a, b): an inwoner in a wijk (a wijk, b
 * inwoner: counted once per row however many pairs), or a duration of a
 * table row and how many pairs took it (a row, b days, n pairs). */
struct som_sleutel {
	int64_t  a, b, n;
};

static int
sleutel_volgorde(const void *x, const void *y)
{
	const struct som_sleutel *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

static int
bijdrage_duur(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    struct cijfer_som **out, size_t *nout)
{
	struct cf_paar *pr;
	struct cijfer_som *s;
	struct som_sleutel *iw;
	size_t i, np, m = 0, ni = 0;
	char cel[CIJFER_SOM_CEL_MAX];
	int64_t wijk;

	if (cijfer_duur_paren(ar, r, p, f, n, &pr, &np) != 0)
		return -1;
	s = arena_calloc(ar, 4 * np + 1, sizeof(*s));
	iw = arena_calloc(ar, 2 * np + 1, sizeof(*iw));
	if (s == NULL || iw == NULL)
		return -1;
	for (i = 0; i < np; i++) {
		wijk = f[pr[i].b].wijk_id;   /* a pair counts where it ends */
		(void)snprintf(cel, sizeof(cel), "d%lld",
		    (long long)pr[i].dagen);
		if (wijk > 0) {
			som_zet(&s[m++], wijk, cel, 1);
			iw[ni++] = (struct som_sleutel){ wijk,
			    f[pr[i].b].inwoner_id, 1 };
		}
		som_zet(&s[m++], 0, cel, 1);
		iw[ni++] = (struct som_sleutel){ 0, f[pr[i].b].inwoner_id, 1 };
	}
	if (ni > 0)
		qsort(iw, ni, sizeof(*iw), sleutel_volgorde);
	for (i = 0; i < ni; i++)
		if (i == 0 || sleutel_volgorde(&iw[i - 1], &iw[i]) != 0)
			som_zet(&s[m++], iw[i].a, "", 1);
	som_samenvoegen(s, &m);
	*out = s;
	*nout = m;
	return 0;
}

int
cijfer_som_bijdrage(struct arena *ar, const struct indicator_regel *r,
    const struct periode *p, const struct cijfer_feit *f, size_t n,
    struct cijfer_som **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (r == NULL)
		return -1;
	if (r->soort == REGEL_TELLING)
		return bijdrage_telling(ar, r, p, f, n, out, nout);
	if (r->soort == REGEL_DUUR)
		return bijdrage_duur(ar, r, p, f, n, out, nout);
	return -1;
}

/* ------------------------------------------------------ cells to table */

/* The rows of the table: wijken and the wijk of every non-zero cell. */
static int
tabel_rijen(struct arena *ar, const struct cijfer_som *s, size_t n,
    const int64_t *wijken, size_t nw, struct cijfer_tabel *out)
{
	int64_t *extra;
	size_t i, m = 0;

	if ((extra = arena_calloc(ar, n + 1, sizeof(*extra))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (s[i].n != 0)
			extra[m++] = s[i].wijk_id;
	return cijfer_rijen(ar, wijken, nw, extra, m, out);
}

/* The row of a cell's wijk (the total for 0), or -1. */
static long
tabel_rij(const struct cijfer_tabel *t, int64_t wijk)
{
	return wijk == 0 ? (long)t->nwijk : cijfer_rij(t->wijk, t->nwijk, wijk);
}

static int
tabel_telling(struct arena *ar, const struct indicator_regel *r,
    const struct cijfer_som *s, size_t n, struct cijfer_tabel *out)
{
	struct cijfer_verdeling *d;
	size_t i, v, k, nrij = out->nwijk + 1;
	const char *code;
	char *eind;
	unsigned long uv;
	long rij;

	out->schaal = 1;
	for (v = 0; v < r->nuitsplitsing; v++) {
		if (cijfer_verdeling_maak(ar, r, v, out) != 0)
			return -1;
		out->nverdeling = v + 1;
	}
	for (i = 0; i < n; i++) {
		if (s[i].n == 0)
			continue;
		if ((rij = tabel_rij(out, s[i].wijk_id)) < 0)
			return -1;
		if (s[i].cel[0] == '\0') {
			out->cel[rij].waarde += s[i].n;
			continue;
		}
		uv = strtoul(s[i].cel, &eind, 10);
		if (eind == s[i].cel || *eind != ':' || uv >= out->nverdeling)
			return -1;
		d = &out->verdeling[uv];
		code = eind + 1;
		for (k = 0; k < d->ncat && strcmp(d->cat[k], code) != 0; k++)
			;
		if (k == d->ncat)
			return -1;
		d->cel[(size_t)rij * d->ncat + k].waarde += s[i].n;
	}
	/* a count's cells, as the evaluator makes them */
	for (i = 0; i < nrij; i++) {
		out->cel[i].aantal = out->cel[i].waarde;
		out->cel[i].heeft = 1;
	}
	for (v = 0; v < out->nverdeling; v++)
		for (i = 0; i < nrij * out->verdeling[v].ncat; i++) {
			out->verdeling[v].cel[i].aantal =
			    out->verdeling[v].cel[i].waarde;
			out->verdeling[v].cel[i].heeft = 1;
		}
	return 0;
}


/* The days of the pair at 0-based position k of the run h[0..m). */
static int64_t
duur_op(const struct som_sleutel *h, size_t m, int64_t k)
{
	size_t i;

	for (i = 0; i < m; i++) {
		if (k < h[i].n)
			return h[i].b;
		k -= h[i].n;
	}
	return 0;
}

/* The statistic of one row's durations h[0..m) (ascending), in tenths,
 * as domain/cijfer.c computes it over the pairs one by one. */
static int
duur_waarde(enum regel_statistiek st, const struct som_sleutel *h, size_t m,
    struct cijfer_cel *c)
{
	int64_t paren = 0, som = 0, q = 0;
	size_t i;

	for (i = 0; i < m; i++) {
		if (h[i].n < 0)
			return -1;
		paren += h[i].n;
		som += h[i].b * h[i].n;
	}
	if (paren == 0)
		return 0;
	c->heeft = 1;
	if (st == STAT_MEDIAAN)
		c->waarde = paren % 2 == 1 ? duur_op(h, m, paren / 2) * 10 :
		    (duur_op(h, m, paren / 2 - 1) + duur_op(h, m, paren / 2)) * 5;
	else {
		(void)cijfer_deel_afgerond(som * 10, paren, &q);
		c->waarde = q;
	}
	return 0;
}

static int
tabel_duur(struct arena *ar, const struct indicator_regel *r,
    const struct cijfer_som *s, size_t n, struct cijfer_tabel *out)
{
	struct som_sleutel *h;
	size_t i, j, m = 0;
	char *eind;
	long rij;

	out->schaal = 10;
	if ((h = arena_calloc(ar, n + 1, sizeof(*h))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i].n == 0)
			continue;
		if ((rij = tabel_rij(out, s[i].wijk_id)) < 0)
			return -1;
		if (s[i].cel[0] == '\0') {
			out->cel[rij].aantal += s[i].n;
			continue;
		}
		if (s[i].cel[0] != 'd')
			return -1;
		h[m].b = strtoll(s[i].cel + 1, &eind, 10);
		if (eind == s[i].cel + 1 || *eind != '\0')
			return -1;
		h[m].a = rij;
		h[m++].n = s[i].n;
	}
	if (m > 0)
		qsort(h, m, sizeof(*h), sleutel_volgorde);
	for (i = 0; i < m; i = j) {
		for (j = i; j < m && h[j].a == h[i].a; j++)
			;
		if (duur_waarde(r->statistiek, &h[i], j - i,
		    &out->cel[h[i].a]) != 0)
			return -1;
	}
	return 0;
}

int
cijfer_som_tabel(struct arena *ar, const struct indicator_regel *r,
    const struct cijfer_som *s, size_t n, const int64_t *wijken, size_t nw,
    struct cijfer_tabel *out)
{
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (r == NULL || (s == NULL && n > 0) || (wijken == NULL && nw > 0) ||
	    (r->soort != REGEL_TELLING && r->soort != REGEL_DUUR))
		return -1;
	if (tabel_rijen(ar, s, n, wijken, nw, out) == 0)
		rc = r->soort == REGEL_TELLING ? tabel_telling(ar, r, s, n, out) :
		    tabel_duur(ar, r, s, n, out);
	if (rc != 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

/* ----------------------------------------------------- one inwoner */

enum partij
cijfer_som_houder(const struct verloop_rij *v, size_t nv, long dag)
{
	size_t i;

	for (i = 0; i < nv; i++) {
		if (v[i].van > dag || v[i].tot <= dag)
			continue;
		switch (v[i].toestand) {
		case TOESTAND_BIJ_WIJKTEAM:
			return PARTIJ_WIJKTEAM;
		case TOESTAND_BIJ_WERKOM:
			return PARTIJ_WERKOM;
		case TOESTAND_BIJ_NALEVING:
			return PARTIJ_NALEVING;
		case TOESTAND_BIJ_UWV:
			return PARTIJ_UWV;
		case TOESTAND_OP_WACHTLIJST:
		case TOESTAND_OVERDRACHT_OPEN:
			break;
		}
	}
	return PARTIJ_GEEN;
}

static int
lijst_voeg(struct cijfer_som_lijst *l, int64_t ind, int64_t org,
    const struct periode *p, const struct cijfer_som *s, int teken)
{
	struct cijfer_som_plek *nieuw;
	size_t cap;

	if (l->fout)
		return -1;
	if (l->n == l->cap) {
		cap = l->cap > 0 ? 2 * l->cap : 64;
		if (cap > SIZE_MAX / sizeof(*nieuw) ||
		    (nieuw = arena_alloc(l->ar, cap * sizeof(*nieuw))) == NULL) {
			l->fout = 1;
			return -1;
		}
		if (l->n > 0)
			memcpy(nieuw, l->rij, l->n * sizeof(*nieuw));
		l->rij = nieuw;
		l->cap = cap;
	}
	l->rij[l->n].indicator_id = ind;
	l->rij[l->n].organisatie_id = org;
	(void)periode_code(p, l->rij[l->n].periode);
	l->rij[l->n].som = *s;
	l->rij[l->n].som.n *= teken;
	l->n++;
	return 0;
}

static int
feit_org_volgorde(const void *x, const void *y)
{
	const struct cijfer_feit *p = x, *q = y;

	if (p->organisatie_id != q->organisatie_id)
		return p->organisatie_id < q->organisatie_id ? -1 : 1;
	if (p->dag != q->dag)
		return p->dag < q->dag ? -1 : 1;
	return (p->gebeurtenis_id > q->gebeurtenis_id) -
	    (p->gebeurtenis_id < q->gebeurtenis_id);
}

/* The periods in which a fact of the rule counts: every year, half-year
 * and quarter of a fact of its type (a duur: of its B). */
#define SOM_SOORTEN	3

static int
periode_heeft(const struct periode *p, size_t n, const struct periode *q)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i].soort == q->soort && p[i].jaar == q->jaar &&
		    p[i].deel == q->deel)
			return 1;
	return 0;
}

static int
regel_houder(const struct indicator_regel *r)
{
	size_t i;

	for (i = 0; i < r->nuitsplitsing; i++)
		if (r->uitsplitsing[i].def == NULL)
			return 1;
	return 0;
}

/* The cells of rule ri over the facts f[0..n) of one organisatie. */
static int
som_regel(struct cijfer_som_lijst *l, struct arena *tmp,
    const struct cijfer_som_regel *ri, struct cijfer_feit *f, size_t n,
    const struct verloop_rij *v, size_t nv, int teken)
{
	static const enum periode_soort soorten[SOM_SOORTEN] = {
		PERIODE_JAAR, PERIODE_HALFJAAR, PERIODE_KWARTAAL };
	const struct indicator_regel *r = ri->r;
	const char *type = r->soort == REGEL_DUUR ? r->tot_type : r->type;
	struct periode *per, q;
	struct cijfer_som *s;
	size_t i, j, k, np = 0, ns;
	long einde;

	if (type == NULL)
		return 0;
	if ((per = arena_calloc(tmp, SOM_SOORTEN * n + 1, sizeof(*per))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (f[i].type == NULL || strcmp(f[i].type, type) != 0)
			continue;
		for (k = 0; k < SOM_SOORTEN; k++) {
			q = periode_van_dag(soorten[k], f[i].dag);
			if (!periode_heeft(per, np, &q))
				per[np++] = q;
		}
	}
	for (j = 0; j < np; j++) {
		if (r->soort == REGEL_TELLING && regel_houder(r)) {
			einde = periode_laatste_dag(&per[j]);
			for (i = 0; i < n; i++)
				f[i].partij_einde = cijfer_som_houder(v, nv,
				    einde);
		}
		if (cijfer_som_bijdrage(tmp, r, &per[j], f, n, &s, &ns) != 0)
			return -1;
		for (i = 0; i < ns; i++)
			if (lijst_voeg(l, ri->indicator_id, f[0].organisatie_id,
			    &per[j], &s[i], teken) != 0)
				return -1;
	}
	return 0;
}

int
cijfer_som_inwoner(struct cijfer_som_lijst *l, struct arena *tmp,
    const struct cijfer_som_regel *regels, size_t nregels,
    struct cijfer_feit *f, size_t n, const struct verloop_rij *v,
    size_t nv, int teken)
{
	size_t i, j, k;

	if (l->fout || (f == NULL && n > 0) || (regels == NULL && nregels > 0))
		goto fout;
	arena_reset(tmp);
	if (n > 0)
		qsort(f, n, sizeof(*f), feit_org_volgorde);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && f[j].organisatie_id == f[i].organisatie_id;
		    j++)
			;
		for (k = 0; k < nregels; k++)
			if (som_regel(l, tmp, &regels[k], f + i, j - i, v, nv,
			    teken) != 0)
				goto fout;
	}
	return 0;
fout:
	l->fout = 1;
	return -1;
}

/* ----------------------------------------------------------- balance */

static int
plek_volgorde(const void *x, const void *y)
{
	const struct cijfer_som_plek *p = x, *q = y;
	int c;

	if (p->indicator_id != q->indicator_id)
		return p->indicator_id < q->indicator_id ? -1 : 1;
	if (p->organisatie_id != q->organisatie_id)
		return p->organisatie_id < q->organisatie_id ? -1 : 1;
	if ((c = strcmp(p->periode, q->periode)) != 0)
		return c;
	return som_volgorde(&p->som, &q->som);
}

void
cijfer_som_lijst_saldo(struct cijfer_som_lijst *l)
{
	size_t i, m = 0;

	if (l->fout || l->n == 0)
		return;
	qsort(l->rij, l->n, sizeof(*l->rij), plek_volgorde);
	for (i = 0; i < l->n; i++) {
		if (m > 0 && plek_volgorde(&l->rij[m - 1], &l->rij[i]) == 0)
			l->rij[m - 1].som.n += l->rij[i].som.n;
		else
			l->rij[m++] = l->rij[i];
	}
	for (i = 0, l->n = 0; i < m; i++)
		if (l->rij[i].som.n != 0)
			l->rij[l->n++] = l->rij[i];
}
