/*
 * onderdrukking.h — small-number protection of the figures: which counts
 * are withheld from a viewer who may not see personal data.
 *
 * The figure service (issue 10) shows, per indicator and periode, a table
 * for one organisatie: a count per wijk, split by the categories of each
 * uitsplitsing, with totals. For every viewer other than the organisatie
 * itself a count of inwoners from 1 to drempel - 1 is withheld (primary
 * suppression; zero is shown: it names nobody), and so is any count from
 * which a withheld one could be recomputed from what is shown (secondary
 * suppression): the total minus the other cells of a relation.
 *
 * The module is generic over cells and relations. A cell is one number;
 * a relation says "cell totaal = the sum of cells delen". The caller
 * (domain/cijfer.c) lists every relation a reader could use: per wijk the
 * categories of a cut against the wijk's value, per category the wijken
 * against the total's category, the wijken against the total. The sums
 * need not be exact in the data (an inwoner who moved wijk counts in both;
 * a category may be missing from some events): a reader who assumes they
 * are exact learns no more than one who knows they are not, so treating
 * every relation as exact protects at least as well.
 *
 * One pattern per indicator × periode: the caller computes it over the
 * whole table of the organisatie, every cut at once (the wijk values and
 * the total are shared by all cuts), and filters afterwards, so that two
 * views — one wijk and all wijken, one cut and another — never show a
 * different pattern that could be differenced. The choice of secondary
 * cells is deterministic (smallest value first, then lowest index).
 *
 * Pure: no I/O, no SQL, no HTTP. Allocates only with malloc for its own
 * scratch and frees it before returning.
 */
#ifndef WZ_DOMAIN_ONDERDRUKKING_H
#define WZ_DOMAIN_ONDERDRUKKING_H

#include <stddef.h>
#include <stdint.h>

/* The default drempel: counts 1 .. 4 are withheld ("< 5" on pages). */
#define ONDERDRUKKING_DREMPEL	5

/* The most cells and relations one table may have; a caller with more
 * must withhold everything (fail closed) rather than call. */
#define ONDERDRUKKING_MAX_CELLEN	4096
#define ONDERDRUKKING_MAX_RELATIES	4096

/*
 * "cel totaal = sum of cel delen[0..ndelen-1]". Indexes into the cells.
 * Each cell should be named once; a cell named more than once counts as
 * often as it is named, the equation as written (as totaal and as deel it
 * cancels), which may pin a cell by itself: see the failure below.
 */
struct ond_relatie {
	size_t         totaal;
	const size_t  *delen;
	size_t         ndelen;
};

/*
 * Computes the pattern for the n cells waarde (counts, >= 0; a negative
 * value means "no number here": never withheld, and known to the
 * equations if a relation names it) under the nrel relations, with
 * drempel (>= 1; 1 withholds nothing). Sets weg[i] to 1 for each withheld
 * cell and 0 for the others. On return no withheld cell is determined by
 * the shown cells and the relations (onderdrukking_herleidbaar() gives
 * -1). A zero is withheld only where no positive count can serve: a
 * withheld zero sits on the bound every reader knows (no count is
 * negative), which the exact check, being linear, does not weigh.
 *
 * Returns 0, or -1 when n or nrel exceeds the maxima, a relation names a
 * cell out of range (or has ndelen > 0 and delen NULL), drempel < 1,
 * memory runs out, the check cannot tell (see below), or no choice of
 * cells can hide a determined one (relations that pin a cell among
 * withheld cells alone): then every cell with a value is withheld (fail
 * closed). With weg NULL it returns -1 and writes nothing.
 */
int	onderdrukking_bereken(const int64_t *waarde, size_t n,
	    const struct ond_relatie *rel, size_t nrel, int64_t drempel,
	    unsigned char *weg);

/*
 * The check an attacker would run: treating each relation as an exact
 * linear equation, with the shown cells known and the withheld ones (weg
 * non-zero and a value >= 0) unknown, the index of the first withheld
 * cell whose value follows uniquely from the equations or any combination
 * of them, or -1 when none does (also -1 on bad input as above, and with
 * weg NULL). The arithmetic is exact, in whole numbers; when memory runs
 * out or an entry of the elimination outgrows its range (2^31; the figure
 * tables' coefficients stay near 1) it cannot tell, and then names the first
 * withheld cell rather than vouch for the pattern. Used by
 * onderdrukking_bereken() to verify its pattern and by the tests to
 * attack one.
 */
long	onderdrukking_herleidbaar(const int64_t *waarde, size_t n,
	    const struct ond_relatie *rel, size_t nrel,
	    const unsigned char *weg);

#endif
