/*
 * test_onderdrukking.c — small-number protection (domain/onderdrukking.h):
 * hand-checked patterns for figure tables of one and two uitsplitsingen,
 * an attacker of its own that tries to pin every withheld cell (over
 * whole non-negative numbers, not only the module's linear algebra) on
 * hand-made and a few hundred pseudo-random tables, thresholds, bad input
 * failing closed, and the check finding a weak pattern.
 *
 * A table here is what the figure service shows: per wijk a value (the
 * inwoners) and per cut a count per category, and a total row. The cells
 * are numbered as the caller might: the wijk values, the total value, then
 * per cut its wijk rows and its total row. The relations are the ones a
 * reader can use: per cut and wijk, value = sum of the categories; per cut
 * and category, total = sum of the wijken; total value = sum of the wijk
 * values — in that order, which the hand-checked patterns depend on.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "domain/onderdrukking.h"

#define MAXW	30	/* wijken */
#define MAXC	12	/* categories per cut */
#define MAXS	2	/* cuts */
#define MAXN	(MAXW + 1 + MAXS * (MAXW + 1) * MAXC)
#define MAXR	(MAXS * (MAXW + MAXC) + 1)
#define MAXD	(MAXS * 2 * MAXW * MAXC + MAXW)

/* The attacker enumerates; it takes the small tables only. */
#define AANVAL_MAXN	128
#define AANVAL_KNOPEN	1000000L

struct tabel {
	size_t              nw, ns, nc[MAXS];
	size_t              n, nrel, nd;
	int64_t             waarde[MAXN];
	struct ond_relatie  rel[MAXR];
	size_t              delen[MAXD];
	unsigned char       weg[MAXN];
};

/* Cell of wijk w's value (w == nw: the total). */
static size_t
cel_v(const struct tabel *t, size_t w)
{
	(void)t;
	return w;
}

/* Cell of cut s, wijk w (w == nw: the total row), category c. */
static size_t
cel_x(const struct tabel *t, size_t s, size_t w, size_t c)
{
	size_t base = t->nw + 1, z;

	for (z = 0; z < s; z++)
		base += (t->nw + 1) * t->nc[z];
	return base + w * t->nc[s] + c;
}

static void
rel_begin(struct tabel *t, size_t totaal)
{
	assert_true(t->nrel < MAXR);
	t->rel[t->nrel].totaal = totaal;
	t->rel[t->nrel].delen = t->delen + t->nd;
	t->rel[t->nrel].ndelen = 0;
}

static void
rel_deel(struct tabel *t, size_t cel)
{
	assert_true(t->nd < MAXD);
	t->delen[t->nd++] = cel;
	t->rel[t->nrel].ndelen++;
}

/*
 * Builds the table of nw wijken and ns cuts of nc[s] categories from x:
 * per cut, per wijk, its category counts. The wijk values are the sums of
 * the first cut (every other cut must add up to the same), the total row
 * the sums over the wijken.
 */
static struct tabel *
bouw(size_t nw, size_t ns, const size_t *nc, const int64_t *x)
{
	struct tabel *t;
	size_t s, w, c, k = 0;
	int64_t som;

	assert_true(nw <= MAXW && ns >= 1 && ns <= MAXS);
	t = calloc(1, sizeof(*t));
	assert_non_null(t);
	t->nw = nw;
	t->ns = ns;
	t->n = nw + 1;
	for (s = 0; s < ns; s++) {
		assert_true(nc[s] >= 1 && nc[s] <= MAXC);
		t->nc[s] = nc[s];
		t->n += (nw + 1) * nc[s];
	}
	for (s = 0; s < ns; s++)
		for (w = 0; w < nw; w++) {
			for (som = 0, c = 0; c < nc[s]; c++) {
				t->waarde[cel_x(t, s, w, c)] = x[k];
				som += x[k++];
			}
			if (s == 0)
				t->waarde[cel_v(t, w)] = som;
			else
				assert_int_equal(som, t->waarde[cel_v(t, w)]);
		}
	for (som = 0, w = 0; w < nw; w++)
		som += t->waarde[cel_v(t, w)];
	t->waarde[cel_v(t, nw)] = som;
	for (s = 0; s < ns; s++)
		for (c = 0; c < nc[s]; c++) {
			for (som = 0, w = 0; w < nw; w++)
				som += t->waarde[cel_x(t, s, w, c)];
			t->waarde[cel_x(t, s, nw, c)] = som;
		}

	for (s = 0; s < ns; s++) {
		for (w = 0; w < nw; w++) {
			rel_begin(t, cel_v(t, w));
			for (c = 0; c < nc[s]; c++)
				rel_deel(t, cel_x(t, s, w, c));
			t->nrel++;
		}
		for (c = 0; c < nc[s]; c++) {
			rel_begin(t, cel_x(t, s, nw, c));
			for (w = 0; w < nw; w++)
				rel_deel(t, cel_x(t, s, w, c));
			t->nrel++;
		}
	}
	rel_begin(t, cel_v(t, nw));
	for (w = 0; w < nw; w++)
		rel_deel(t, cel_v(t, w));
	t->nrel++;
	return t;
}

static int
bereken(struct tabel *t)
{
	return onderdrukking_bereken(t->waarde, t->n, t->rel, t->nrel,
	    ONDERDRUKKING_DREMPEL, t->weg);
}

static long
herleidbaar(const struct tabel *t)
{
	return onderdrukking_herleidbaar(t->waarde, t->n, t->rel, t->nrel,
	    t->weg);
}

/*
 * The pattern as text: a line per wijk and one for the total, the value
 * and per cut "|" and its categories; '#' withheld, '.' shown.
 */
static const char *
teken(const struct tabel *t)
{
	static char buf[(MAXW + 1) * (2 + MAXS * (MAXC + 1)) + 1];
	size_t w, s, c, k = 0;

	for (w = 0; w <= t->nw; w++) {
		buf[k++] = t->weg[cel_v(t, w)] ? '#' : '.';
		for (s = 0; s < t->ns; s++) {
			buf[k++] = '|';
			for (c = 0; c < t->nc[s]; c++)
				buf[k++] = t->weg[cel_x(t, s, w, c)] ? '#' :
				    '.';
		}
		buf[k++] = '\n';
	}
	buf[k] = '\0';
	return buf;
}

/* ------------------------------------------------------------------ */
/* The attacker: its own search, nothing of the module's elimination.  */

/*
 * Narrows the range lo[i]..hi[i] of every cell by every relation until
 * nothing changes: in "sum of c * y = 0" each cell's c * y lies between
 * minus the largest and minus the smallest sum the other cells can make.
 * Returns 0 when a range runs empty: no whole non-negative values fit.
 * The test's relations name each cell once, so every coefficient c is +1
 * (totaal) or -1 (deel).
 */
static int
vernauw(const struct tabel *t, int64_t *lo, int64_t *hi)
{
	const struct ond_relatie *r;
	size_t i, j;
	int64_t c, smin, smax, rmin, rmax, nlo, nhi;
	int anders = 1;

	while (anders) {
		anders = 0;
		for (r = t->rel; r < t->rel + t->nrel; r++) {
			smin = smax = 0;
			for (j = 0; j <= r->ndelen; j++) {
				i = j == r->ndelen ? r->totaal : r->delen[j];
				c = j == r->ndelen ? 1 : -1;
				smin += c > 0 ? lo[i] : -hi[i];
				smax += c > 0 ? hi[i] : -lo[i];
			}
			if (smin > 0 || smax < 0)
				return 0;
			for (j = 0; j <= r->ndelen; j++) {
				i = j == r->ndelen ? r->totaal : r->delen[j];
				c = j == r->ndelen ? 1 : -1;
				if (lo[i] == hi[i])
					continue;
				rmin = smin - (c > 0 ? lo[i] : -hi[i]);
				rmax = smax - (c > 0 ? hi[i] : -lo[i]);
				nlo = c > 0 ? -rmax : rmin;
				nhi = c > 0 ? -rmin : rmax;
				if (nlo > lo[i]) {
					lo[i] = nlo;
					anders = 1;
				}
				if (nhi < hi[i]) {
					hi[i] = nhi;
					anders = 1;
				}
				if (lo[i] > hi[i])
					return 0;
			}
		}
	}
	return 1;
}

/* The i-th value to try around x in lo..hi: x, x+1, x-1, x+2, ...; -1
 * when i runs past both ends. */
static int64_t
rond(int64_t x, int64_t lo, int64_t hi, int64_t i)
{
	int64_t d, v;

	for (;;) {
		d = (i + 1) / 2;
		if (x - d < lo && x + d > hi)
			return -1;
		v = i % 2 ? x + d : x - d;
		if (v >= lo && v <= hi)
			return v;
		i++;
	}
}

/*
 * Whether whole values within the ranges satisfy every relation: 1 yes,
 * 0 no, -1 when the search passed *knopen nodes. Depth first on the
 * narrowest open range, each cell tried near its true value first.
 */
static int
oplosbaar(const struct tabel *t, const int64_t *lo0, const int64_t *hi0,
    long *knopen)
{
	int64_t lo[AANVAL_MAXN], hi[AANVAL_MAXN], klo[AANVAL_MAXN],
	    khi[AANVAL_MAXN], v, i;
	size_t j, k = AANVAL_MAXN;
	int rc;

	if (--*knopen < 0)
		return -1;
	memcpy(lo, lo0, t->n * sizeof(lo[0]));
	memcpy(hi, hi0, t->n * sizeof(hi[0]));
	if (!vernauw(t, lo, hi))
		return 0;
	for (j = 0; j < t->n; j++)
		if (lo[j] < hi[j] &&
		    (k == AANVAL_MAXN || hi[j] - lo[j] < hi[k] - lo[k]))
			k = j;
	if (k == AANVAL_MAXN)
		return 1;
	/* Each value of cell k within the narrowed ranges; the others are
	 * narrowed again in the call. */
	memcpy(klo, lo, t->n * sizeof(lo[0]));
	memcpy(khi, hi, t->n * sizeof(hi[0]));
	for (i = 0; (v = rond(t->waarde[k], klo[k], khi[k], i)) >= 0; i++) {
		memcpy(lo, klo, t->n * sizeof(lo[0]));
		memcpy(hi, khi, t->n * sizeof(hi[0]));
		lo[k] = hi[k] = v;
		if ((rc = oplosbaar(t, lo, hi, knopen)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Whether the equations have a solution in whole numbers >= 0 in which
 * withheld cell u differs from its true value, each withheld cell at most
 * afstand from its own (the shown cells fixed): 1 yes, 0 no, -1 when the
 * search gave up.
 */
static int
ander(const struct tabel *t, size_t u, int64_t afstand, long knopen)
{
	int64_t lo[AANVAL_MAXN], hi[AANVAL_MAXN], vlo[AANVAL_MAXN],
	    vhi[AANVAL_MAXN], v, i;
	size_t j;
	int rc;

	for (j = 0; j < t->n; j++) {
		lo[j] = hi[j] = t->waarde[j];
		if (t->weg[j]) {
			lo[j] = t->waarde[j] > afstand ?
			    t->waarde[j] - afstand : 0;
			hi[j] = t->waarde[j] + afstand;
		}
	}
	/* The true values are one solution. */
	assert_true(vernauw(t, lo, hi));
	for (i = 1; (v = rond(t->waarde[u], lo[u], hi[u], i)) >= 0; i++) {
		if (v == t->waarde[u])
			continue;
		memcpy(vlo, lo, t->n * sizeof(lo[0]));
		memcpy(vhi, hi, t->n * sizeof(hi[0]));
		vlo[u] = vhi[u] = v;
		if ((rc = oplosbaar(t, vlo, vhi, &knopen)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Fails the test when a withheld cell has one possible value: for each,
 * looks for whole non-negative values of all withheld cells that satisfy
 * every relation and give that cell another value than its true one. A
 * solution found is proof; the search looks near the true values first
 * (within 1, then 3), then anywhere from 0 to the table's total (which no
 * cell exceeds when it is shown; when it is withheld the bound only makes
 * the attacker stricter).
 */
static void
assert_niet_te_pinnen(const struct tabel *t)
{
	static const int64_t afstand[] = { 1, 3 };
	size_t u, a;
	int rc;

	assert_true(t->n <= AANVAL_MAXN);
	for (u = 0; u < t->n; u++) {
		if (!t->weg[u])
			continue;
		for (rc = 0, a = 0; a < 2 && rc != 1; a++)
			rc = ander(t, u, afstand[a], AANVAL_KNOPEN);
		if (rc != 1)
			rc = ander(t, u, t->waarde[cel_v(t, t->nw)],
			    AANVAL_KNOPEN);
		if (rc == -1)
			fail_msg("the attacker gave up on cell %zu:\n%s", u,
			    teken(t));
		if (rc == 0)
			fail_msg("cell %zu (value %lld) is pinned:\n%s", u,
			    (long long)t->waarde[u], teken(t));
	}
}

/* What every pattern must satisfy: (a) each primary cell withheld,
 * nothing without a number withheld; (b) the module's own check finds
 * nothing; (c) the attacker above pins nothing (small tables). */
static void
assert_veilig(const struct tabel *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->waarde[i] >= 1 && t->waarde[i] < ONDERDRUKKING_DREMPEL &&
		    !t->weg[i])
			fail_msg("primary cell %zu shown:\n%s", i, teken(t));
		if (t->waarde[i] < 0 && t->weg[i])
			fail_msg("cell %zu has no number but is withheld", i);
	}
	assert_int_equal(herleidbaar(t), -1);
	if (t->n <= AANVAL_MAXN)
		assert_niet_te_pinnen(t);
}

/* ------------------------------------------------------------------ */

static void
test_no_small_counts_withholds_nothing(void **state)
{
	/* A: 10 = 5 0 5; B: 20 = 6 7 7; total 30 = 11 7 12. */
	static const int64_t x[] = { 5, 0, 5, 6, 7, 7 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(2, 1, nc, x);

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    ".|...\n"
	    ".|...\n"
	    ".|...\n");
	assert_int_equal(herleidbaar(t), -1);
	free(t);
}

static void
test_zero_is_shown(void **state)
{
	/* Zeros everywhere but no count 1..4: nothing to protect. */
	static const int64_t x[] = { 0, 0, 9, 0, 0, 0, 12, 0, 5 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(3, 1, nc, x);

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    ".|...\n"
	    ".|...\n"
	    ".|...\n"
	    ".|...\n");
	free(t);
}

static void
test_small_cell_takes_a_row_and_a_column(void **state)
{
	/*
	 * A: 20 =  3  8  9    the 3 is primary; its row gives the 8 (the
	 * B: 25 = 10  5 10    smaller of 8, 9, 20), its column the 10 of B
	 * C: 30 = 12  6 12    (10 < 12 < 25); the 8's column then has one
	 * T: 75 = 25 19 31    withheld and gives B's 5, which closes B's
	 *                     row: a 2 x 2 block, every cell with a
	 *                     partner in its row and its column.
	 */
	static const int64_t x[] = { 3, 8, 9, 10, 5, 10, 12, 6, 12 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(3, 1, nc, x);

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    ".|##.\n"
	    ".|##.\n"
	    ".|...\n"
	    ".|...\n");
	assert_veilig(t);
	free(t);
}

static void
test_small_wijk_value_takes_another_wijk(void **state)
{
	/*
	 * A:  4 =  0  4  0    A's value 4 and its 4 are primary (and
	 * B: 20 =  6  7  7    cover each other in A's row); the wijk
	 * C: 30 = 10  8 12    values then have one withheld and give B's
	 * T: 54 = 16 19 19    20 (20 < 30 < 54), the middle column gives
	 *                     B's 7 (7 < 8 < 19), and B's row then has two.
	 */
	static const int64_t x[] = { 0, 4, 0, 6, 7, 7, 10, 8, 12 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(3, 1, nc, x);

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    "#|.#.\n"
	    "#|.#.\n"
	    ".|...\n"
	    ".|...\n");
	assert_veilig(t);
	free(t);
}

/* The relations of cut s only (and the wijk values): what a pattern
 * computed per cut would have been checked against. */
static size_t
alleen_snede(const struct tabel *t, size_t s, struct ond_relatie *uit)
{
	size_t r, k = 0, per, z, van = 0;

	for (z = 0; z < s; z++)
		van += t->nw + t->nc[z];
	per = t->nw + t->nc[s];
	for (r = van; r < van + per; r++)
		uit[k++] = t->rel[r];
	uit[k++] = t->rel[t->nrel - 1];
	return k;
}

static void
test_two_cuts_one_pattern(void **state)
{
	/*
	 *        value  cut A (3)   cut B (2)
	 * w0:      3    0  3  0     1  2      value and every non-zero count
	 * w1:     20    6  7  7     9 11      of w0 primary; the wijk values
	 * w2:     30   10  8 12    14 16      give w1's 20, which the shared
	 * T:      53   16 18 19    24 29      value then needs covered in
	 *                                     both cuts' rows of w1: in A
	 * the 7 (already there from the middle column), in B the 9 and 11
	 * (from the columns of w0's 1 and 2). One pattern over both cuts.
	 */
	static const int64_t x[] = {
		0, 3, 0, 6, 7, 7, 10, 8, 12,	/* cut A */
		1, 2, 9, 11, 14, 16,		/* cut B */
	};
	static const size_t nc[] = { 3, 2 };
	struct tabel *t = bouw(3, 2, nc, x);
	struct ond_relatie deel[MAXR];
	size_t s, nr;

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    "#|.#.|##\n"
	    "#|.#.|##\n"
	    ".|...|..\n"
	    ".|...|..\n");
	assert_veilig(t);
	/* The one pattern holds against each cut's relations alone too. */
	for (s = 0; s < 2; s++) {
		nr = alleen_snede(t, s, deel);
		assert_int_equal(onderdrukking_herleidbaar(t->waarde, t->n,
		    deel, nr, t->weg), -1);
	}
	free(t);
}

static void
test_two_cuts_shared_value_covered_in_both(void **state)
{
	/*
	 *        value  cut A (2)   cut B (2)
	 * w0:      3    3  0        1  2      w0's value and counts 3, 1, 2
	 * w1:     20   12  8        9 11      primary (A's 0 is shown)
	 * w2:     30   10 20       14 16
	 * T:      53   25 28       24 29
	 *
	 * A's first column gives w2's 10 (10 < 12 < 25), not w1's; the wijk
	 * values give w1's 20 (20 < 30 < 53). That shared value must then
	 * be covered in both cuts' rows of w1: in A by its 8 (cut A has no
	 * small count in w1 at all), in B by the 9 and 11 its columns
	 * already gave. w2's 10 in A takes its 20, which closes A's second
	 * column with the 8.
	 */
	static const int64_t x[] = {
		3, 0, 12, 8, 10, 20,	/* cut A */
		1, 2, 9, 11, 14, 16,	/* cut B */
	};
	static const size_t nc[] = { 2, 2 };
	struct tabel *t = bouw(3, 2, nc, x);

	(void)state;
	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t),
	    "#|#.|##\n"
	    "#|.#|##\n"
	    ".|##|..\n"
	    ".|..|..\n");
	assert_veilig(t);
	free(t);
}

/* ------------------------------------------------------------------ */

/* Computes, compares with the pattern worked out by hand, attacks. */
static void
assert_patroon(size_t nw, size_t ns, const size_t *nc, const int64_t *x,
    const char *verwacht)
{
	struct tabel *t = bouw(nw, ns, nc, x);

	assert_int_equal(bereken(t), 0);
	assert_string_equal(teken(t), verwacht);
	assert_veilig(t);
	free(t);
}

static void
test_attack_hand_tables(void **state)
{
	(void)state;
	/*
	 * Two rows of small counts: each column has two of them, and
	 * nothing else is needed.
	 *   10 = 1 2 3 4;  10 = 4 3 2 1;  36 = 9 9 9 9;  56 = 14 14 14 14
	 */
	assert_patroon(3, 1, (const size_t[]){ 4 }, (const int64_t[]){
	    1, 2, 3, 4, 4, 3, 2, 1, 9, 9, 9, 9 },
	    ".|####\n"
	    ".|####\n"
	    ".|....\n"
	    ".|....\n");
	/*
	 * A column of small counts (its total 10 is shown): each row takes
	 * its smaller other cell, all in the middle column.
	 *   51 = 1 20 30;  62 = 2 25 35;  58 = 3 22 33;  56 = 4 21 31
	 */
	assert_patroon(4, 1, (const size_t[]){ 3 }, (const int64_t[]){
	    1, 20, 30, 2, 25, 35, 3, 22, 33, 4, 21, 31 },
	    ".|##.\n"
	    ".|##.\n"
	    ".|##.\n"
	    ".|##.\n"
	    ".|...\n");
	/*
	 * Mostly zeros: w0's value 2, its 2 and the column total 2 are
	 * primary. The wijk values give w2's 6 (6 < 7 < 15), whose row
	 * gives its 6 (the positive one, not a zero), whose column gives
	 * the total 6: a chain x0 = x4 = x13 = t, x2 = x11 = x14 = 8 - t.
	 *   2 = 2 0 0;  7 = 0 0 7;  6 = 0 6 0;  15 = 2 6 7
	 */
	assert_patroon(3, 1, (const size_t[]){ 3 }, (const int64_t[]){
	    2, 0, 0, 0, 0, 7, 0, 6, 0 },
	    "#|#..\n"
	    ".|...\n"
	    "#|.#.\n"
	    ".|##.\n");
	/*
	 * Two cuts, where the heuristic is not enough:
	 *        value  cut A (4)      cut B (2)
	 * w0:     14    1  0  9  4      2 12
	 * w1:     18    0  8  5  5      6 12
	 * T:      32    1  8 14  9      8 24
	 * The heuristic leaves A's total 1 with its 1 in A's first column
	 * only; but T = 32 is shown, and T is also the sum of A's totals,
	 * so the 1 follows (32 - 8 - 14 - 9). The check finds it; one
	 * more cell by the 1 is w0's value 14 (the wijk values then give
	 * w1's 18, and B's rows already had two), still not enough: the
	 * same sum pins it. The 1's relations have only zeros left, so the
	 * search goes one ring out and takes A's total 9 rather than a
	 * zero.
	 */
	assert_patroon(2, 2, (const size_t[]){ 4, 2 }, (const int64_t[]){
	    1, 0, 9, 4, 0, 8, 5, 5, 2, 12, 6, 12 },
	    "#|#.##|##\n"
	    "#|..##|##\n"
	    ".|#..#|..\n");
}

static uint64_t toestand;

static uint64_t
volgende(void)
{
	toestand ^= toestand << 13;
	toestand ^= toestand >> 7;
	toestand ^= toestand << 17;
	return toestand;
}

/* A count of 0 .. 40: klein times in a hundred 1 .. 4, ten times 0. */
static int64_t
telling(unsigned klein)
{
	uint64_t r = volgende() % 100;

	if (r < klein)
		return 1 + (int64_t)(volgende() % 4);
	if (r < klein + 10)
		return 0;
	return 5 + (int64_t)(volgende() % 36);
}

/* A random table; a second cut splits each wijk's value anew. */
static struct tabel *
willekeurig(size_t nw, size_t ns, const size_t *nc, unsigned klein)
{
	int64_t x[MAXS * MAXW * MAXC], v[MAXW], som, c;
	size_t w, j, k = 0;

	for (w = 0; w < nw; w++) {
		for (som = 0, j = 0; j < nc[0]; j++)
			som += x[k++] = telling(klein);
		v[w] = som;
	}
	if (ns == 2)
		for (w = 0; w < nw; w++) {
			for (som = 0, j = 0; j + 1 < nc[1]; j++) {
				c = telling(klein);
				if (c > v[w] - som)
					c = v[w] - som;
				som += x[k++] = c;
			}
			x[k++] = v[w] - som;
		}
	return bouw(nw, ns, nc, x);
}

/*
 * 400 tables of 2 .. 5 wijken, one or two cuts of 2 .. 4 and 2 .. 3
 * categories, with 5 to 50 in a hundred counts small: every pattern
 * safe against the check and the attacker, and the same twice.
 */
static void
test_attack_random_tables(void **state)
{
	unsigned char eerst[MAXN];
	struct tabel *t;
	size_t ronde, nw, ns, nc[MAXS];

	(void)state;
	toestand = 0x2545f4914f6cdd1dULL;
	for (ronde = 0; ronde < 400; ronde++) {
		nw = 2 + volgende() % 4;
		ns = 1 + volgende() % 2;
		nc[0] = 2 + volgende() % 3;
		nc[1] = 2 + volgende() % 2;
		t = willekeurig(nw, ns, nc, 5 + (unsigned)(ronde % 4) * 15);
		assert_int_equal(bereken(t), 0);
		assert_veilig(t);
		memcpy(eerst, t->weg, t->n);
		assert_int_equal(bereken(t), 0);
		assert_memory_equal(eerst, t->weg, t->n);
		free(t);
	}
}

/* ------------------------------------------------------------------ */

static void
test_drempel(void **state)
{
	static const int64_t x[] = { 3, 8, 9, 10, 5, 10, 12, 6, 12 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(3, 1, nc, x);

	(void)state;
	/* 1 withholds nothing. */
	assert_int_equal(onderdrukking_bereken(t->waarde, t->n, t->rel,
	    t->nrel, 1, t->weg), 0);
	assert_string_equal(teken(t),
	    ".|...\n"
	    ".|...\n"
	    ".|...\n"
	    ".|...\n");
	/* 7: the 3, 5 and 6 are primary, one in each wijk; each row takes
	 * its smallest other count: A's 8, B's first 10 and C's first 12
	 * (of two equal, the lower index). The first two columns. */
	assert_int_equal(onderdrukking_bereken(t->waarde, t->n, t->rel,
	    t->nrel, 7, t->weg), 0);
	assert_string_equal(teken(t),
	    ".|##.\n"
	    ".|##.\n"
	    ".|##.\n"
	    ".|...\n");
	assert_int_equal(herleidbaar(t), -1);
	free(t);
}

static void
test_bad_input_fails_closed(void **state)
{
	static int64_t groot[ONDERDRUKKING_MAX_CELLEN + 1];
	static unsigned char groot_weg[ONDERDRUKKING_MAX_CELLEN + 1];
	int64_t waarde[] = { 10, 3, 7, -1 };
	unsigned char weg[4];
	size_t delen[] = { 1, 2 }, buiten[] = { 1, 4 };
	struct ond_relatie goed = { 0, delen, 2 }, fout = { 0, buiten, 2 },
	    fout_totaal = { 4, delen, 2 }, geen_delen = { 0, NULL, 2 };
	size_t i;

	(void)state;
	/* Too many cells: every cell with a value withheld. */
	for (i = 0; i < ONDERDRUKKING_MAX_CELLEN + 1; i++)
		groot[i] = i % 3 == 0 ? 20 : (int64_t)i % 3 - 2;
	assert_int_equal(onderdrukking_bereken(groot,
	    ONDERDRUKKING_MAX_CELLEN + 1, &goed, 1, 5, groot_weg), -1);
	for (i = 0; i < ONDERDRUKKING_MAX_CELLEN + 1; i++)
		assert_int_equal(groot_weg[i], groot[i] >= 0);
	assert_int_equal(onderdrukking_herleidbaar(groot,
	    ONDERDRUKKING_MAX_CELLEN + 1, &goed, 1, groot_weg), -1);

	/* A deel out of range; a totaal out of range; delen NULL. */
	memset(weg, 7, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, &fout, 1, 5, weg),
	    -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);
	memset(weg, 0, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, &fout_totaal, 1, 5,
	    weg), -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);
	memset(weg, 0, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, &geen_delen, 1, 5,
	    weg), -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 4, &fout, 1, weg),
	    -1);

	/* Too many relations; no relations array; a drempel below 1. */
	memset(weg, 0, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, &goed,
	    ONDERDRUKKING_MAX_RELATIES + 1, 5, weg), -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);
	memset(weg, 0, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, NULL, 1, 5, weg),
	    -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);
	memset(weg, 0, sizeof(weg));
	assert_int_equal(onderdrukking_bereken(waarde, 4, &goed, 1, 0, weg),
	    -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 0 }), 4);

	/* And the good relation works: 10 = 3 + 7, the 3 takes the 7. */
	assert_int_equal(onderdrukking_bereken(waarde, 4, &goed, 1, 5, weg),
	    0);
	assert_memory_equal(weg, ((unsigned char[]){ 0, 1, 1, 0 }), 4);
	/* No cells at all is no error. */
	assert_int_equal(onderdrukking_bereken(NULL, 0, NULL, 0, 5, weg), 0);
	assert_int_equal(onderdrukking_herleidbaar(NULL, 0, NULL, 0, weg), -1);
}

static void
test_weak_pattern_is_found(void **state)
{
	static const int64_t x[] = { 3, 8, 9, 10, 5, 10, 12, 6, 12 };
	static const size_t nc[] = { 3 };
	struct tabel *t = bouw(3, 1, nc, x);
	size_t a0 = cel_x(t, 0, 0, 0), a1 = cel_x(t, 0, 0, 1);
	size_t b0 = cel_x(t, 0, 1, 0), b1 = cel_x(t, 0, 1, 1);

	(void)state;
	/* Only the primary cell: its row gives it away. */
	memset(t->weg, 0, sizeof(t->weg));
	t->weg[a0] = 1;
	assert_int_equal(herleidbaar(t), (long)a0);
	/* Two in A's row, but each alone in its column. */
	t->weg[a1] = 1;
	assert_int_equal(herleidbaar(t), (long)a0);
	/* Only the later cell alone: the answer is that cell. */
	t->weg[a0] = 0;
	t->weg[b1] = 1;
	t->weg[a1] = 0;
	assert_int_equal(herleidbaar(t), (long)b1);
	/* Three of the block: the fourth is the sum's remainder. */
	t->weg[a0] = t->weg[a1] = t->weg[b0] = 1;
	t->weg[b1] = 0;
	assert_int_equal(herleidbaar(t), (long)a0);
	/* The whole block holds. */
	t->weg[b1] = 1;
	assert_int_equal(herleidbaar(t), -1);
	free(t);
}

static void
test_sum_of_relations_is_found(void **state)
{
	/*
	 *   15 =  7  8      Withheld: the 2 x 2 block and the first total.
	 *   19 =  9 10      Every listed relation has two withheld or none,
	 *   34 = 16 18      so the heuristic sees nothing; but the total 34
	 * is also the sum of the totals' row, which no relation lists: the
	 * 16 is 34 - 18. The check works on the sums of relations too.
	 */
	static const int64_t x[] = { 7, 8, 9, 10 };
	static const size_t nc[] = { 2 };
	struct tabel *t = bouw(2, 1, nc, x);
	size_t w, c;

	(void)state;
	for (w = 0; w < 2; w++)
		for (c = 0; c < 2; c++)
			t->weg[cel_x(t, 0, w, c)] = 1;
	t->weg[cel_x(t, 0, 2, 0)] = 1;
	assert_int_equal(herleidbaar(t), (long)cel_x(t, 0, 2, 0));
	/* With the other total withheld too, nothing follows. */
	t->weg[cel_x(t, 0, 2, 1)] = 1;
	assert_int_equal(herleidbaar(t), -1);
	free(t);
}

static void
test_cell_named_twice(void **state)
{
	/*
	 * A caller mistake: cell 0 as totaal and as deel of "0 = 0 + 1".
	 * The equation as written cancels cell 0 and says cell 1 is 0, so
	 * cell 1 is determined whatever is withheld: nothing helps and the
	 * computation fails closed.
	 */
	int64_t waarde[] = { 10, 3, 7 };
	size_t delen[] = { 0, 1 }, twee[] = { 1, 1, 2 };
	struct ond_relatie r = { 0, delen, 2 }, s = { 0, twee, 3 };
	unsigned char weg[3];

	(void)state;
	assert_int_equal(onderdrukking_bereken(waarde, 3, &r, 1, 5, weg), -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1 }), 3);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 3, &r, 1,
	    (unsigned char[]){ 0, 1, 0 }), 1);
	/* "0 = 1 + 1 + 2": cell 1 counts twice. 3 is primary, the 7 joins
	 * it and 10 - 2 * x1 - x2 = 0 leaves both open. */
	assert_int_equal(onderdrukking_bereken(waarde, 3, &s, 1, 5, weg), 0);
	assert_memory_equal(weg, ((unsigned char[]){ 0, 1, 1 }), 3);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 3, &s, 1, weg),
	    -1);
}

static void
test_cell_without_number(void **state)
{
	/*
	 * "10 = 3 + (none) + 7": the cell without a number is never
	 * withheld and is known to the equation; the 3 takes the 7.
	 * "20 = (none) + 2": the 2 is primary and nothing can cover it
	 * but the 20.
	 */
	int64_t waarde[] = { 10, 3, -1, 7, 20, -1, 2 };
	size_t d1[] = { 1, 2, 3 }, d2[] = { 5, 6 };
	struct ond_relatie r[] = { { 0, d1, 3 }, { 4, d2, 2 } };
	unsigned char weg[7];

	(void)state;
	assert_int_equal(onderdrukking_bereken(waarde, 7, r, 2, 5, weg), 0);
	assert_memory_equal(weg, ((unsigned char[]){ 0, 1, 0, 1, 1, 0, 1 }),
	    7);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 7, r, 2, weg), -1);
}

static void
test_beyond_the_arithmetic_fails_closed(void **state)
{
	/*
	 * "x0 = 1000 x1", "x1 = 1000 x2", ... (a cell named 1000 times):
	 * the reduced form holds x0 = 10^12 x4, beyond the range the
	 * elimination keeps exact. It cannot tell, so the check names the
	 * first withheld cell and the computation fails closed.
	 */
	static size_t delen[4][1000];
	int64_t waarde[] = { 1, 1, 1, 1, 1 };
	struct ond_relatie r[4];
	unsigned char weg[5];
	size_t i, j;

	(void)state;
	for (i = 0; i < 4; i++) {
		for (j = 0; j < 1000; j++)
			delen[i][j] = i + 1;
		r[i] = (struct ond_relatie){ i, delen[i], 1000 };
	}
	assert_int_equal(onderdrukking_bereken(waarde, 5, r, 4, 5, weg), -1);
	assert_memory_equal(weg, ((unsigned char[]){ 1, 1, 1, 1, 1 }), 5);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 5, r, 4, weg), 0);
	/* Three links stay within range, and nothing follows. */
	assert_int_equal(onderdrukking_herleidbaar(waarde, 4, r, 3, weg), -1);
}

static double
ms_sinds(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * The size the figure service meets: 30 wijken, two cuts of 12
 * categories (775 cells, 85 relations), with few, some and many small
 * counts. Too large for the attacker; the check must hold. The budget is
 * 10 ms in an optimised build; the bound here is loose enough for a
 * sanitizer build on a busy machine and still catches a slip in the
 * order of the work.
 */
static void
test_large_table(void **state)
{
	static const size_t nc[] = { MAXC, MAXC };
	static const unsigned klein[] = { 3, 10, 40 };
	struct timespec t0;
	struct tabel *t;
	double ms;
	size_t k;

	(void)state;
	toestand = 0x9e3779b97f4a7c15ULL;
	for (k = 0; k < sizeof(klein) / sizeof(klein[0]); k++) {
		t = willekeurig(MAXW, 2, nc, klein[k]);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		assert_int_equal(bereken(t), 0);
		ms = ms_sinds(&t0);
		assert_veilig(t);
		if (ms > 250)
			fail_msg("30 x 12 x 2 took %.1f ms", ms);
		free(t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_small_counts_withholds_nothing),
		cmocka_unit_test(test_zero_is_shown),
		cmocka_unit_test(test_small_cell_takes_a_row_and_a_column),
		cmocka_unit_test(test_small_wijk_value_takes_another_wijk),
		cmocka_unit_test(test_two_cuts_one_pattern),
		cmocka_unit_test(test_two_cuts_shared_value_covered_in_both),
		cmocka_unit_test(test_attack_hand_tables),
		cmocka_unit_test(test_attack_random_tables),
		cmocka_unit_test(test_drempel),
		cmocka_unit_test(test_bad_input_fails_closed),
		cmocka_unit_test(test_weak_pattern_is_found),
		cmocka_unit_test(test_sum_of_relations_is_found),
		cmocka_unit_test(test_cell_named_twice),
		cmocka_unit_test(test_beyond_the_arithmetic_fails_closed),
		cmocka_unit_test(test_cell_without_number),
		cmocka_unit_test(test_large_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
