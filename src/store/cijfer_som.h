/*
 * cijfer_som.h — the stored sums of the figures (sql/013, domain/
 * cijfer_som.h): the rules whose sums are kept, the lock that keeps a
 * build of sums and the writers apart, writing a change, and reading one
 * table's cells for the figure service.
 *
 * The projection writer (store/projectie.h) is the only one that changes
 * sums: in the event's transaction, and when it builds the sums of a new
 * or changed indicator.
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
	size_t                    n;
};

/*
 * The rules whose sums are complete (cijfer_som_indicator): what every
 * writer changes. Takes the slot shared first, so a build cannot run
 * until the caller's transaction ends. An unreadable stored rule is
 * DB_ERR. Free with store_som_regels_vrij().
 */
enum db_err	store_som_regels_klaar(struct db *, struct arena *,
		    struct som_regels *out);

/*
 * The rules of the berekende tellingen and duren whose sums are missing
 * (id 0) or of indicator id only (present or not), after taking the
 * slot exclusively: no writer changes sums until the caller commits.
 */
enum db_err	store_som_regels_bouw(struct db *, struct arena *, int64_t id,
		    struct som_regels *out);

void		store_som_regels_vrij(struct som_regels *);

/* Takes the slot exclusively until the caller's transaction ends. */
enum db_err	store_som_slot(struct db *, struct arena *);

/* The same for a request that must not wait long: tries for about two
 * seconds; *gekregen 0 when writers kept it. */
enum db_err	store_som_slot_probeer(struct db *, struct arena *,
		    int *gekregen);

/* Adds the change l (balanced, cijfer_som_lijst_saldo) to the sums, in
 * the order of their key, and deletes cells that come to 0. */
enum db_err	store_som_schrijf(struct db *, struct arena *,
		    const struct cijfer_som_lijst *l);

/* Deletes the sums of an indicator and marks them incomplete. */
enum db_err	store_som_weg(struct db *, int64_t indicator_id);

/* Marks the sums of an indicator complete. */
enum db_err	store_som_klaar(struct db *, int64_t indicator_id);

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
