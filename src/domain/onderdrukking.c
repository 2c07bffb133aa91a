/*
 * onderdrukking.c — small-number protection of the figures; see
 * onderdrukking.h.
 *
 * Two halves. The check (herleid) is exact: each relation is the equation
 * totaal - sum(delen) = 0, the shown cells move to the right-hand side,
 * and a withheld cell follows from the shown ones iff its unit vector lies
 * in the row space of the equations restricted to the withheld cells. The
 * reduced row echelon form answers that: the cell is determined iff its
 * column has a pivot whose row has no other non-zero entry. The
 * elimination is in whole numbers (fraction-free, each row divided by the
 * gcd of its entries), never floating point: a rounding error here would
 * show a count it should hide, or hide the whole table.
 *
 * The choice (onderdrukking_bereken) is a heuristic the check keeps
 * honest: a relation with exactly one withheld member gives that member
 * away, so another member is withheld, the smallest first, ties by lowest
 * index. When the check still finds a determined cell (a combination of
 * relations can pin a cell each relation alone leaves open, e.g. the
 * total against the total row, which no relation lists), one more cell
 * is withheld in a relation with that cell, or further out (erbij()), and
 * the heuristic runs again. Cells are only ever added, so this ends; every
 * step is fixed by the values and the indexes, so the same table always
 * gives the same pattern.
 *
 * Zeros last. The check is linear: it ignores that no count is negative.
 * For withheld positive counts that loses nothing here: the relations of
 * a figure table are totally unimodular (one cut is a network; two cuts
 * sharing the wijk values were checked on small shapes), so a cell the
 * check leaves open lies on a kernel vector of 0s and +-1s, and with
 * every withheld count >= 1 the table can move by one either way along
 * it. A withheld zero can only grow, though: two of them in a relation
 * whose shown cells leave nothing over are pinned at zero. So a zero is
 * chosen only where no positive count can serve. The unit test attacks
 * every pattern with a search over whole non-negative values, which found
 * exactly such pins before this rule.
 *
 * Cost: one check is an elimination over (relations naming a withheld
 * cell) x (withheld cells), and the check runs once per cell added after
 * the heuristic; a 30 x 12 table with two cuts takes well under a
 * millisecond.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/onderdrukking.h"

/* No column / no cell. */
#define GEEN	SIZE_MAX

/*
 * The largest magnitude an entry of the elimination may keep. With every
 * entry at most this, an update x * y - u * v of four entries stays below
 * 2^63, so the arithmetic needs no overflow checks of its own; a row that
 * has a larger entry after division by its gcd stops the check (it cannot
 * tell), which both callers treat as unsafe. The figure tables'
 * coefficients start in {-1, 0, 1} and stay there or near it.
 */
#define COEF_MAX	INT32_MAX

/* What herleid() returns when it cannot tell: no memory, or COEF_MAX. */
#define ONBEKEND	(-2L)

/* Whether the arguments name only cells that exist, within the maxima. */
static int
invoer_ok(const int64_t *waarde, size_t n, const struct ond_relatie *rel,
    size_t nrel)
{
	size_t r, j;

	if (n > ONDERDRUKKING_MAX_CELLEN || nrel > ONDERDRUKKING_MAX_RELATIES ||
	    (n > 0 && waarde == NULL) || (nrel > 0 && rel == NULL))
		return 0;
	for (r = 0; r < nrel; r++) {
		if (rel[r].totaal >= n ||
		    (rel[r].ndelen > 0 && rel[r].delen == NULL))
			return 0;
		for (j = 0; j < rel[r].ndelen; j++)
			if (rel[r].delen[j] >= n)
				return 0;
	}
	return 1;
}

/* Fail closed: every cell with a value withheld. */
static int
alles_weg(const int64_t *waarde, size_t n, unsigned char *weg)
{
	size_t i;

	for (i = 0; i < n; i++)
		weg[i] = waarde == NULL || waarde[i] >= 0;
	return -1;
}

static int64_t
abs64(int64_t a)
{
	return a < 0 ? -a : a;
}

/* Of two magnitudes; gcd(0, 0) is 0. */
static int64_t
ggd(int64_t a, int64_t b)
{
	int64_t t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/*
 * Divides row t (k entries, each below 2^63 in magnitude) by the gcd of
 * its entries. Returns -1 when an entry stays above COEF_MAX.
 */
static int
rij_inkorten(int64_t *t, size_t k)
{
	int64_t g = 0;
	size_t j;

	for (j = 0; j < k && g != 1; j++)
		if (t[j] != 0)
			g = ggd(abs64(t[j]), g);
	if (g > 1)
		for (j = 0; j < k; j++)
			t[j] /= g;
	for (j = 0; j < k; j++)
		if (abs64(t[j]) > COEF_MAX)
			return -1;
	return 0;
}

/*
 * The lowest index of a withheld cell (weg set, value >= 0) that follows
 * from the shown cells and the relations; -1 when none does, ONBEKEND when
 * the check could not finish. Input already checked by invoer_ok().
 *
 * Columns are the withheld cells in increasing index, rows the relations
 * that name at least one of them with a non-zero coefficient (a cell
 * named more than once in a relation gets the sum of its coefficients:
 * the equation as written). Elimination to reduced row echelon form,
 * pivot on the smallest magnitude in the column (ties: the first row) to
 * keep entries small; after column c the pivot rows have zeros in every
 * other pivot column and the rows below them are zero up to column c.
 */
static long
herleid(const int64_t *waarde, size_t n, const struct ond_relatie *rel,
    size_t nrel, const unsigned char *weg)
{
	size_t *kolom = NULL, *cel = NULL, *piv = NULL;
	size_t k = 0, m = 0, rang = 0, r, q, c, j, p;
	int64_t *blok = NULL, **rij = NULL, *t, *w, a, b, g;
	long uit = ONBEKEND;
	int leeg;

	if (n == 0)
		return -1;
	if ((kolom = malloc(n * sizeof(*kolom))) == NULL ||
	    (cel = malloc(n * sizeof(*cel))) == NULL)
		goto klaar;
	for (j = 0; j < n; j++) {
		kolom[j] = GEEN;
		if (weg[j] && waarde[j] >= 0) {
			kolom[j] = k;
			cel[k++] = j;
		}
	}
	uit = -1;
	if (k == 0 || nrel == 0)
		goto klaar;
	uit = ONBEKEND;
	/* nrel and k are at most 4096 each: the product cannot wrap. */
	if ((blok = calloc(nrel * k, sizeof(*blok))) == NULL ||
	    (rij = malloc(nrel * sizeof(*rij))) == NULL ||
	    (piv = malloc(nrel * sizeof(*piv))) == NULL)
		goto klaar;

	for (r = 0; r < nrel; r++) {
		t = blok + m * k;
		if (kolom[rel[r].totaal] != GEEN)
			t[kolom[rel[r].totaal]]++;
		for (j = 0; j < rel[r].ndelen; j++)
			if (kolom[rel[r].delen[j]] != GEEN)
				t[kolom[rel[r].delen[j]]]--;
		for (leeg = 1, j = 0; j < k && leeg; j++)
			leeg = t[j] == 0;
		if (leeg)
			continue;	/* all shown, or cancelled: reuse */
		if (rij_inkorten(t, k) != 0)
			goto klaar;
		rij[m++] = t;
	}

	for (c = 0; c < k && rang < m; c++) {
		for (p = GEEN, q = rang; q < m; q++)
			if (rij[q][c] != 0 && (p == GEEN ||
			    abs64(rij[q][c]) < abs64(rij[p][c])))
				p = q;
		if (p == GEEN)
			continue;	/* a free column */
		t = rij[p];
		rij[p] = rij[rang];
		rij[rang] = t;
		if (t[c] < 0)
			for (j = c; j < k; j++)
				t[j] = -t[j];
		for (q = 0; q < m; q++) {
			w = rij[q];
			if (q == rang || w[c] == 0)
				continue;
			/* w := a * w - b * t clears w[c]. */
			g = ggd(t[c], abs64(w[c]));
			a = t[c] / g;
			b = w[c] / g;
			if (a != 1)
				for (j = 0; j < c; j++)
					w[j] *= a;
			for (j = c; j < k; j++)
				w[j] = a * w[j] - b * t[j];
			if (rij_inkorten(w, k) != 0)
				goto klaar;
		}
		piv[rang++] = c;
	}

	/* Pivot columns come in increasing order, so the first hit is the
	 * lowest cell. */
	uit = -1;
	for (r = 0; r < rang && uit == -1; r++) {
		for (leeg = 1, j = piv[r] + 1; j < k && leeg; j++)
			leeg = rij[r][j] == 0;
		if (leeg)
			uit = (long)cel[piv[r]];
	}

klaar:
	free(piv);
	free(rij);
	free(blok);
	free(cel);
	free(kolom);
	return uit;
}

/*
 * Whether cell a is a better secondary cell than cell b (GEEN: none yet):
 * a positive count before a zero, then the smaller, then the lower index.
 */
static int
beter(const int64_t *waarde, size_t a, size_t b)
{
	if (b == GEEN)
		return 1;
	if ((waarde[a] > 0) != (waarde[b] > 0))
		return waarde[a] > 0;
	if (waarde[a] != waarde[b])
		return waarde[a] < waarde[b];
	return a < b;
}

/* A member of a relation that may still be withheld. */
static int
kandidaat(const int64_t *waarde, const unsigned char *weg, size_t i)
{
	return !weg[i] && waarde[i] >= 0;
}

/* The best cell of relation r still to withhold, GEEN when none. */
static size_t
beste_lid(const int64_t *waarde, const struct ond_relatie *r,
    const unsigned char *weg, size_t beste)
{
	size_t j;

	if (kandidaat(waarde, weg, r->totaal) &&
	    beter(waarde, r->totaal, beste))
		beste = r->totaal;
	for (j = 0; j < r->ndelen; j++)
		if (kandidaat(waarde, weg, r->delen[j]) &&
		    beter(waarde, r->delen[j], beste))
			beste = r->delen[j];
	return beste;
}

/*
 * Whether relation r has exactly one withheld member, each cell counted
 * once however often it is named. stempel[] holds, per cell, the last
 * stamp it was seen under; *teller makes each call's stamp new.
 */
static int
een_weg(const struct ond_relatie *r, const unsigned char *weg,
    size_t *stempel, size_t *teller)
{
	size_t j, i, tel = 0, s = ++*teller;

	for (j = 0; j <= r->ndelen; j++) {
		i = j == r->ndelen ? r->totaal : r->delen[j];
		if (stempel[i] == s)
			continue;
		stempel[i] = s;
		if (weg[i] && ++tel > 1)
			return 0;
	}
	return tel == 1;
}

/* The heuristic, until no relation has exactly one withheld member that
 * another member could cover. */
static void
aanvullen(const int64_t *waarde, const struct ond_relatie *rel, size_t nrel,
    unsigned char *weg, size_t *stempel, size_t *teller)
{
	size_t r, i;
	int anders;

	do {
		anders = 0;
		for (r = 0; r < nrel; r++) {
			if (!een_weg(&rel[r], weg, stempel, teller))
				continue;
			if ((i = beste_lid(waarde, &rel[r], weg, GEEN)) != GEEN) {
				weg[i] = 1;
				anders = 1;
			}
		}
	} while (anders);
}

/*
 * Withholds one more cell because cell d is determined: the best cell
 * (as beter()) of the relations that name d. d's value comes from a
 * combination of relations linked through withheld cells, and only a
 * shown cell in one of them can break it; so when those relations have
 * no positive count left, the search widens ring by ring to the relations
 * that name their withheld cells. A zero is taken only when no ring has a
 * positive count, and then the one nearest d: a withheld zero lies on the
 * bound an attacker knows (no count is negative), so where the shown
 * cells leave it no room to grow it is pinned all the same, which the
 * linear check cannot see. Returns 0 when no cell is left at all: then
 * nothing can make d unknown.
 *
 * cel_bij and rel_bij are scratch of n and nrel bytes: 1 for the cells
 * and relations of the ring being searched, 2 for those searched before.
 */
static int
erbij(const int64_t *waarde, size_t n, const struct ond_relatie *rel,
    size_t nrel, unsigned char *weg, size_t d, unsigned char *cel_bij,
    unsigned char *rel_bij)
{
	size_t r, i, j, beste, nul = GEEN;
	int verder;

	memset(cel_bij, 0, n);
	memset(rel_bij, 0, nrel);
	cel_bij[d] = 1;
	do {
		/* This ring: the unsearched relations of the new cells. */
		for (r = 0; r < nrel; r++) {
			if (rel_bij[r])
				continue;
			if (cel_bij[rel[r].totaal] == 1)
				rel_bij[r] = 1;
			for (j = 0; j < rel[r].ndelen && !rel_bij[r]; j++)
				if (cel_bij[rel[r].delen[j]] == 1)
					rel_bij[r] = 1;
		}
		for (i = 0; i < n; i++)
			if (cel_bij[i] == 1)
				cel_bij[i] = 2;
		beste = GEEN;
		for (r = 0; r < nrel; r++)
			if (rel_bij[r] == 1)
				beste = beste_lid(waarde, &rel[r], weg, beste);
		if (beste != GEEN && waarde[beste] > 0) {
			weg[beste] = 1;
			return 1;
		}
		if (nul == GEEN)
			nul = beste;
		/* The withheld cells of this ring make the next one. */
		verder = 0;
		for (r = 0; r < nrel; r++) {
			if (rel_bij[r] != 1)
				continue;
			rel_bij[r] = 2;
			for (j = 0; j <= rel[r].ndelen; j++) {
				i = j == rel[r].ndelen ? rel[r].totaal :
				    rel[r].delen[j];
				if (weg[i] && waarde[i] >= 0 && !cel_bij[i]) {
					cel_bij[i] = 1;
					verder = 1;
				}
			}
		}
	} while (verder);
	if (nul == GEEN)
		return 0;
	weg[nul] = 1;
	return 1;
}

int
onderdrukking_bereken(const int64_t *waarde, size_t n,
    const struct ond_relatie *rel, size_t nrel, int64_t drempel,
    unsigned char *weg)
{
	size_t *stempel = NULL, teller = 0, i;
	unsigned char *cel_bij = NULL, *rel_bij = NULL;
	long d;
	int rc = -1;

	if (weg == NULL)
		return -1;
	if (!invoer_ok(waarde, n, rel, nrel) || drempel < 1)
		return alles_weg(waarde, n, weg);
	for (i = 0; i < n; i++)
		weg[i] = waarde[i] >= 1 && waarde[i] < drempel;
	if (n == 0 || nrel == 0)
		return 0;
	if ((stempel = calloc(n, sizeof(*stempel))) == NULL ||
	    (cel_bij = malloc(n)) == NULL || (rel_bij = malloc(nrel)) == NULL)
		goto klaar;
	for (;;) {
		aanvullen(waarde, rel, nrel, weg, stempel, &teller);
		if ((d = herleid(waarde, n, rel, nrel, weg)) == -1) {
			rc = 0;
			break;
		}
		if (d == ONBEKEND ||
		    !erbij(waarde, n, rel, nrel, weg, (size_t)d, cel_bij,
		    rel_bij))
			break;
	}
klaar:
	free(rel_bij);
	free(cel_bij);
	free(stempel);
	return rc == 0 ? 0 : alles_weg(waarde, n, weg);
}

long
onderdrukking_herleidbaar(const int64_t *waarde, size_t n,
    const struct ond_relatie *rel, size_t nrel, const unsigned char *weg)
{
	size_t i;
	long d;

	if (weg == NULL || !invoer_ok(waarde, n, rel, nrel))
		return -1;
	if ((d = herleid(waarde, n, rel, nrel, weg)) != ONBEKEND)
		return d;
	/* Could not tell: name the first withheld cell rather than vouch
	 * for a pattern nobody checked. */
	for (i = 0; i < n; i++)
		if (weg[i] && waarde[i] >= 0)
			return (long)i;
	return -1;
}
