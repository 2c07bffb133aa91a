/*
 * cijfer.h — the evaluator: the value of one indicator rule for one
 * organisatie and one periode, per wijk, with its uitsplitsingen, from the
 * facts the store reads (issue 10).
 *
 * The store does the selection that indexes make cheap (the organisatie
 * of the event's traject, the event types, a date range); this module
 * does everything that decides what a number means, so that it is tested
 * against hand-counted registrations without a database:
 *
 *  - attribution: a fact counts for the wijk the inwoner lived in on the
 *    event's day (cijfer_feit.wijk_id, from the wijk history) — the total
 *    counts each unit once even when it appears in two wijken;
 *  - telling: distinct inwoners, trajecten or events of the rule's type
 *    whose day lies in the period, that pass the payload filters and the
 *    traject filters; voided events and correcties never reach this
 *    module (the projection leaves them out);
 *  - uitsplitsing: per category, the distinct units with at least one
 *    counted event in that category (an inwoner with two startgesprekken
 *    of different uitkomst counts in both); by ketenstatus: the partij
 *    that holds the inwoner at the end of the period (feit.partij_einde);
 *  - stand: distinct inwoners in cijfer_stand rows (the store read the
 *    state on the last day from the ketenstatus history);
 *  - duur: for each event A that begins a wait, the first event B of the
 *    same inwoner with (dag, id) after A's (same day allowed, registered
 *    later); an A begins a wait unless an earlier A of that inwoner is
 *    still waiting for its B (a second A before the B pairs with nothing:
 *    the wait began at the first, as the ketenstatus counts the wachtlijst
 *    from the first wachtlijst_in), and a B with no waiting A pairs with
 *    nothing; the pair counts in the period of B's day, in the wijk of B;
 *    the statistic over the pairs; the number of inwoners with a pair is
 *    the noemer that small-number protection looks at;
 *  - verhouding: teller ÷ noemer per wijk and for the total; no value
 *    where the noemer is 0.
 *
 * Values are integers: counts as they are, every other value in tenths
 * (schaal 10), rounded half up, so no figure depends on floating point.
 *
 * Pure: no I/O, no SQL, no HTTP. Memory comes from the caller's arena.
 */
#ifndef WZ_DOMAIN_CIJFER_H
#define WZ_DOMAIN_CIJFER_H

#include <stddef.h>
#include <stdint.h>

#include "domain/indicator.h"
#include "domain/ketenstatus.h"

struct arena;
struct periode;

/* One non-voided event of a traject of the organisatie, as the projection
 * holds it. Strings are borrowed. */
struct cijfer_feit {
	int64_t      gebeurtenis_id;
	int64_t      organisatie_id; /* of the traject (the sums group by it;
				      * the evaluator's facts are of one) */
	int64_t      inwoner_id;
	int64_t      traject_id;
	int64_t      wijk_id;        /* the inwoner's wijk on dag */
	long         dag;            /* core/datum.h day number */
	const char  *type;
	const char  *kenmerken;      /* indicator_kenmerken() format */
	const char  *traject_soort;
	int64_t      thema_id;
	int64_t      opdracht_id;
	enum partij  partij_einde;   /* ketenstatus holder at the end of the
				      * period being computed */
};

/* One inwoner in the rule's state on the last day, as the store read it. */
struct cijfer_stand {
	int64_t      inwoner_id;
	int64_t      wijk_id;        /* their wijk on that day */
};

/* One cell of the table: a value, and what small-number protection needs
 * to know about it. */
struct cijfer_cel {
	int64_t  waarde;     /* in units of the table's schaal */
	int64_t  aantal;     /* the number of inwoners (or units) behind it:
			      * for a telling or stand the value itself, for
			      * a duur the inwoners with a pair, for a
			      * verhouding the noemer's */
	int      heeft;      /* 0: no value (a verhouding over 0, a duur
			      * without pairs) */
};

/* The categories of one uitsplitsing and their cells: cel[w * ncat + k]
 * for wijk row w (0 .. nwijk; row nwijk is the total) and category k. */
struct cijfer_verdeling {
	const struct regel_uitsplitsing  *u;
	const char *const                *cat;
	size_t                            ncat;
	struct cijfer_cel                *cel;
};

struct cijfer_tabel {
	int                      schaal;   /* 1 for counts, 10 otherwise */
	size_t                   nwijk;
	int64_t                 *wijk;     /* ascending wijk ids */
	struct cijfer_cel       *cel;      /* [nwijk + 1]: the value per wijk,
					    * the last one the total */
	struct cijfer_verdeling  verdeling[REGEL_UITSPLITSINGEN];
	size_t                   nverdeling;
};

/*
 * The rows of the table: the wijken in wijken (nw, the wijken the
 * organisatie works in, any order, duplicates ignored) together with every
 * wijk a counted fact falls in, ascending. Every function below fills out
 * with those rows; a wijk without counted units has zeros (a duur or
 * verhouding there has heeft 0). Wijk ids are positive: a fact with
 * wijk_id 0 (no wijk known) counts in the total only. The table borrows
 * r's uitsplitsingen (verdeling.u) and allocates the rest in the arena.
 *
 * cijfer_telling: rule r (REGEL_TELLING) over the n facts f for period p.
 * cijfer_stand: the n rows s (REGEL_STAND; the store selected the state).
 * cijfer_duur: r (REGEL_DUUR) over facts of types A and B (any period: the
 *   function picks the pairs whose B lies in p).
 * cijfer_verhouding: teller ÷ noemer, two tables computed over the same
 *   wijken; procent multiplies by 100. Its rows are those of both; a wijk
 *   that is not a row of one of them reads as 0 there for a count and as
 *   no value otherwise.
 *
 * Each returns 0, or -1 when memory runs out or the rule is not of the
 * function's kind (out is then empty).
 */
int	cijfer_telling(struct arena *, const struct indicator_regel *r,
	    const struct periode *p, const struct cijfer_feit *f, size_t n,
	    const int64_t *wijken, size_t nw, struct cijfer_tabel *out);
int	cijfer_stand(struct arena *, const struct cijfer_stand *s, size_t n,
	    const int64_t *wijken, size_t nw, struct cijfer_tabel *out);
int	cijfer_duur(struct arena *, const struct indicator_regel *r,
	    const struct periode *p, const struct cijfer_feit *f, size_t n,
	    const int64_t *wijken, size_t nw, struct cijfer_tabel *out);
int	cijfer_verhouding(struct arena *, const struct cijfer_tabel *teller,
	    const struct cijfer_tabel *noemer, int procent,
	    struct cijfer_tabel *out);

/*
 * The herkomst of a telling or duur: the indexes into f of the facts that
 * the value of wijk_id (0: the total) counts, in f's order — for a duur
 * both events of each pair. Sets *idx (arena) and *nidx. Returns 0 or -1
 * (memory, or a rule of another kind).
 */
int	cijfer_herkomst(struct arena *, const struct indicator_regel *r,
	    const struct periode *p, const struct cijfer_feit *f, size_t n,
	    int64_t wijk_id, size_t **idx, size_t *nidx);

/*
 * Small-number protection of a table for a viewer outside the organisatie
 * (domain/onderdrukking.h): sets weg for every cell to withhold — the
 * value cells in weg_cel[nwijk + 1], the verdeling cells in
 * weg_verdeling[v][(nwijk + 1) * ncat] — arrays from the arena. Counts
 * (aantal) from 1 to drempel - 1 are withheld, with secondary suppression
 * over the relations of the table (per wijk the categories of each
 * verdeling against its value; per category the wijken against the total;
 * the wijken against the total). For a duur (schaal 10) only the primary
 * rule applies to its aantal, which is never shown, so nothing can be
 * recomputed from it: a median over fewer than drempel inwoners is
 * withheld. Returns 0, or -1 when memory runs out — then everything is
 * withheld (and when even the arrays could not be had they are NULL: the
 * caller withholds every cell). A table too big for onderdrukking_bereken(),
 * or one for which it finds no pattern, is withheld whole (0). A verhouding is withheld where its teller or its
 * noemer is: cijfer_weg_verhouding() combines the two patterns (each
 * computed over its own table, exactly as that indicator is shown by
 * itself), matching their rows by wijk id, since the two tables need not
 * have the same rows; also where the verhouding has no value, so that a
 * withheld noemer of 0 does not show as "no value".
 */
struct cijfer_weg {
	unsigned char  *cel;
	unsigned char  *verdeling[REGEL_UITSPLITSINGEN];
	const int64_t  *wijk;     /* the rows of the table it was computed
				   * over (borrowed from it), nwijk of them */
	size_t          nwijk;
};
int	cijfer_onderdruk(struct arena *, const struct cijfer_tabel *t,
	    int64_t drempel, struct cijfer_weg *weg);
int	cijfer_weg_verhouding(struct arena *, const struct cijfer_tabel *t,
	    const struct cijfer_weg *teller, const struct cijfer_weg *noemer,
	    struct cijfer_weg *weg);

#endif
