/*
 * cijfer_som.h — the stored sums of the figures (sql/013, domain/
 * cijfer_som.h): the rules whose sums are kept, the lock that keeps a
 * build of sums and the writers apart, writing a change, and reading one
 * table's cells for the figure service.
 *
 * The projection writer (store/projectie.h) is the only one that changes
 * sums: in the event's transaction, and in the steps that build the sums
 * of a new or changed indicator.
 */
#ifndef WZ_STORE_CIJFER_SOM_H
#define WZ_STORE_CIJFER_SOM_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"

struct arena;
struct db;
struct json_object;

/* The rules of a set of indicators, read and kept alive together. */
struct som_regels {
	struct cijfer_som_regel  *regel;    /* [n], in indicator id order */
	struct indicator_regel   *r;        /* [n] */
	struct json_object      **json;     /* [n]: r's strings point here */
	int64_t                  *tot;      /* [n]: the sums hold the inwoners
					     * with id <= tot (INT64_MAX: all) */
	size_t                    n;
};

/*
 * The rules a writer keeps: of the indicators whose sums are complete
 * or built part of the way (tot). Takes the slot shared first, so a
 * build step cannot run until the caller's transaction ends, and reads
 * the rows with a shared lock. An unreadable stored rule is DB_ERR. Free
 * with store_som_regels_vrij().
 */
enum db_err	store_som_regels_bij(struct db *, struct arena *,
		    struct som_regels *out);

/* The rules of the indicators whose sums are complete (for the check). */
enum db_err	store_som_regels_klaar(struct db *, struct arena *,
		    struct som_regels *out);

void		store_som_regels_vrij(struct som_regels *);

/* Take the slot shared or exclusively until the caller's transaction
 * ends. */
enum db_err	store_som_slot_gedeeld(struct db *, struct arena *);
enum db_err	store_som_slot(struct db *, struct arena *);

/* The same, exclusively, for a caller that must not wait: *gekregen 0
 * when a writer or another build step holds it. */
enum db_err	store_som_slot_probeer(struct db *, struct arena *,
		    int *gekregen);

/*
 * A build step's start, holding the slot exclusively: locks the rows of
 * the sums still to be built, drops the sums of indicators no longer
 * kept, empties those to be built from nothing, and returns the rules
 * furthest behind (all with the same tot; n 0 when nothing is left).
 */
enum db_err	store_som_bouw_begin(struct db *, struct arena *,
		    struct som_regels *out);

/* Records that the sums of r now hold the inwoners up to tot, or all. */
enum db_err	store_som_bouw_verder(struct db *, const struct som_regels *r,
		    int64_t tot, int klaar);

/* The sums of an indicator are to be built from nothing for the rule
 * text regel, or (regel NULL) to be dropped: a build step does it. */
enum db_err	store_som_opnieuw(struct db *, int64_t indicator_id,
		    const char *regel);

/* The sums of an indicator are to be built again for the same rule. */
enum db_err	store_som_herbouw(struct db *, int64_t indicator_id);

/* *ja 1 when there are sums to build or drop (a cheap look, without
 * the slot: run it in a transaction of its own); for achtergrond (an
 * idle worker) only when cijfer_som_slot.achtergrond allows it. */
enum db_err	store_som_te_bouwen(struct db *, struct arena *,
		    int achtergrond, int *ja);

/* Every berekende telling or duur without a row gets one, to be built
 * (as migration 013 does): a catalogue loaded as SQL. */
enum db_err	store_som_ontbrekend(struct db *);

/* Adds the change l (balanced, cijfer_som_lijst_saldo) to the sums, in
 * the order of their key, and deletes cells that come to 0. */
enum db_err	store_som_schrijf(struct db *, struct arena *,
		    const struct cijfer_som_lijst *l);

/* The ids of the indicators whose sums are complete, ascending. */
enum db_err	store_som_klaar_ids(struct db *, struct arena *, int64_t **ids,
		    size_t *n);

/* The cells of one table: indicator, organisatie, periode code. */
enum db_err	store_som_lees(struct db *, struct arena *, int64_t indicator_id,
		    int64_t org, const char *periode, struct cijfer_som **out,
		    size_t *n);

/* All non-zero cells of indicator id, in key order, as placed cells. */
enum db_err	store_som_alle(struct db *, struct arena *, int64_t id,
		    struct cijfer_som_plek **out, size_t *n);

#endif
