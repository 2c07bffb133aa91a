/*
 * cijfer.h — what the figure service reads: the facts of the projection
 * (store/projectie.h) for one organisatie, type and period; the inwoners
 * in a state on a day; the wijken an organisatie works in; and, for
 * herkomst, the names of inwoners in the caller's scope.
 *
 * The selection is what the keys of sql/009 make cheap; what counts is
 * decided by domain/cijfer.c. Rows go into the caller's arena, which for
 * a figure over a large organisatie should be a scratch arena of its own
 * (ops/cijfers.c): a half-year of one type can be tens of thousands of
 * facts.
 */
#ifndef WZ_STORE_CIJFER_H
#define WZ_STORE_CIJFER_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/cijfer.h"

struct arena;
struct db;
struct scope;

/* Most facts one read returns; more is refused (DB_ERR): a figure that
 * could not be computed completely is not shown. */
#define CIJFER_MAX_FEITEN	2000000

/* What a read of facts adds to the facts themselves (a rule needs them
 * only when it filters on the traject or splits by ketenstatus). */
#define CIJFER_MET_TRAJECT	1u   /* traject_soort, thema_id, opdracht_id */
#define CIJFER_MET_HOUDER	2u   /* partij_einde */

/* 1900-01-01, the first day a duur's events are read from. */
#define CIJFER_DAG_1900		(-25567L)

/*
 * The facts of type for organisatie org dated van .. tot (day numbers,
 * inclusive), ordered by day and event; with CIJFER_MET_TRAJECT in met
 * the traject's soort, thema and opdracht, with CIJFER_MET_HOUDER the
 * ketenstatus holder of its inwoner on day einde (partij_einde). Without
 * them those fields are NULL, 0 and PARTIJ_GEEN.
 */
enum db_err	store_cijfer_feiten(struct db *, struct arena *, int64_t org,
		    const char *type, long van, long tot, long einde,
		    unsigned met, struct cijfer_feit **out, size_t *n);

/*
 * For a duur ending in van .. tot: the facts of type for org dated
 * 1900-01-01 .. tot, of the inwoners that have a fact of tot_type for org
 * dated van .. tot, ordered by day and event (no traject, no holder).
 * The pairs whose B lies in the period are those of these inwoners only.
 */
enum db_err	store_cijfer_duurfeiten(struct db *, struct arena *, int64_t org,
		    const char *type, const char *tot_type, long van, long tot,
		    struct cijfer_feit **out, size_t *n);

/* The inwoners in toestand ("op_wachtlijst") on day dag counted for org,
 * with their wijk on that day. */
enum db_err	store_cijfer_stand(struct db *, struct arena *, int64_t org,
		    const char *toestand, long dag, struct cijfer_stand **out,
		    size_t *n);

/* The wijken covered by a wijkteam of org at some time in van .. tot,
 * ascending. */
enum db_err	store_cijfer_wijken(struct db *, struct arena *, int64_t org,
		    long van, long tot, int64_t **out, size_t *n);

/* The wijken the wijkteams in ids ("3,7") cover today, ascending. */
enum db_err	store_cijfer_wijkteam_wijken(struct db *, struct arena *,
		    const char *ids, int64_t **out, size_t *n);

/* A wijk's name by id, for every wijk (a small table). */
struct cijfer_wijk {
	int64_t      id;
	const char  *naam;
};
enum db_err	store_cijfer_wijknamen(struct db *, struct arena *,
		    struct cijfer_wijk **out, size_t *n);

/*
 * The names of the inwoners in ids (a JSON array text) that scope s may
 * see; an inwoner outside the scope is not returned.
 */
struct cijfer_naam {
	int64_t      inwoner_id;
	const char  *naam;
};
enum db_err	store_cijfer_namen(struct db *, struct arena *,
		    const struct scope *s, const char *ids,
		    struct cijfer_naam **out, size_t *n);

#endif
