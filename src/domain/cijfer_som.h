/*
 * cijfer_som.h — the figures as sums: what one inwoner adds to the table
 * of a telling or a duur, so that a figure reads a few hundred stored
 * sums instead of every fact of an organisatie's period (issue 10,
 * bench/README "Figures").
 *
 * Every number of a telling or duur table is a sum over inwoners: a
 * distinct inwoner, traject or event belongs to exactly one inwoner, and
 * a duur's pairs are formed within one inwoner's events. So the table of
 * a set of inwoners is the sum of the tables of each of them, cell by
 * cell, provided the cells are kept as counts: a telling as its counts
 * (per wijk, the total, and per category), a duur as the number of pairs
 * per duration (from which the median and the mean follow exactly) and
 * the number of inwoners with a pair. cijfer_som_tabel() turns summed
 * cells back into the table the evaluator of domain/cijfer.h gives for
 * the same facts; the unit tests prove the two equal.
 *
 * Pure: no I/O, no SQL. Memory from the caller's arena.
 */
#ifndef WZ_DOMAIN_CIJFER_SOM_H
#define WZ_DOMAIN_CIJFER_SOM_H

#include <stddef.h>
#include <stdint.h>

#include "domain/cijfer.h"
#include "domain/periode.h"

struct arena;
struct indicator_regel;
struct verloop_rij;

/* Longest cel text: "<v>:<category code>" or "d<days>". */
#define CIJFER_SOM_CEL_MAX	72

/*
 * One summed cell. wijk_id 0 is the total row (a fact without a wijk
 * counts there only). cel "" is the value of a telling, or the inwoners
 * with a pair of a duur; "<v>:<code>" the count of category code of the
 * rule's uitsplitsing v (0-based); "d<n>" the number of a duur's pairs
 * of n days. Cells that are 0 are left out.
 */
struct cijfer_som {
	int64_t  wijk_id;
	char     cel[CIJFER_SOM_CEL_MAX];
	int64_t  n;
};

/*
 * Whether the sums of rule r are kept: a telling or a duur, the kinds
 * whose table is a cell-by-cell sum of each inwoner's own. The one rule
 * for it; the SQL that queues indicators for a build (migration 013,
 * cijfer_som_ontbrekend) pre-selects by the same kinds, and a build drops
 * whatever this says no to.
 */
int	cijfer_som_bewaard(const struct indicator_regel *r);

/*
 * The cells the facts f[0..n) add to the table of rule r (telling or
 * duur) for period p — for any set of facts of one organisatie, not only
 * one inwoner's: the cells of the whole set are its table. For a
 * ketenstatus uitsplitsing the facts carry partij_einde for p. Sets *out
 * (arena) and *nout. Returns 0, or -1 (memory, or a rule of another kind).
 */
int	cijfer_som_bijdrage(struct arena *, const struct indicator_regel *r,
	    const struct periode *p, const struct cijfer_feit *f, size_t n,
	    struct cijfer_som **out, size_t *nout);

/*
 * The table of rule r from its summed cells s[0..n) (one per wijk and
 * cel; zeros may be absent), with rows the wijken in wijken and every
 * wijk of a cell, as cijfer_telling() and cijfer_duur() make them.
 * Returns 0, or -1 (memory, a rule of another kind, a cel the rule does
 * not know — sums that belong to another rule).
 */
int	cijfer_som_tabel(struct arena *, const struct indicator_regel *r,
	    const struct cijfer_som *s, size_t n, const int64_t *wijken,
	    size_t nw, struct cijfer_tabel *out);

/* One rule of the catalogue whose figures are kept as sums. */
struct cijfer_som_regel {
	int64_t                        indicator_id;
	const struct indicator_regel  *r;
};

/* One cell with its place: which indicator, organisatie and period. */
struct cijfer_som_plek {
	int64_t            indicator_id;
	int64_t            organisatie_id;
	char               periode[PERIODE_CODE_MAX];
	struct cijfer_som  som;
};

/* A growing list of placed cells in an arena. */
struct cijfer_som_lijst {
	struct arena            *ar;
	struct cijfer_som_plek  *rij;
	size_t                   n, cap;
	int                      fout;    /* memory ran out: the list is void */
};

/*
 * What one inwoner adds to the sums of every rule in regels: its facts
 * f[0..n) (of any organisatie; this function sorts them), its ketenstatus
 * history v[0..nv) for the holder at a period's end, for every year,
 * half-year and quarter in which a fact of the rule counts (a duur: in
 * which a B lies). Each cell is appended to l times teken (+1 or -1).
 * tmp is scratch for the evaluation, reset at the start of the call.
 * Returns 0 or -1 (memory: l->fout is set).
 */
int	cijfer_som_inwoner(struct cijfer_som_lijst *l, struct arena *tmp,
	    const struct cijfer_som_regel *regels, size_t nregels,
	    struct cijfer_feit *f, size_t n, const struct verloop_rij *v,
	    size_t nv, int teken);

/*
 * Sorts l by (indicator, organisatie, periode, wijk, cel), adds up equal
 * places and drops the ones that come to 0: what remains is the change
 * to write, in the order of the table's key (so concurrent writers lock
 * rows in one order).
 */
void	cijfer_som_lijst_saldo(struct cijfer_som_lijst *l);

/* The holder of the inwoner on day dag according to its ketenstatus
 * history (PARTIJ_GEEN when none holds it). */
enum partij	cijfer_som_houder(const struct verloop_rij *v, size_t nv,
		    long dag);

#endif
