/*
 * projectie.h — the figure projections (sql/009): the wijk history of an
 * inwoner, the standing events as the figures count them (cijfer_feit)
 * and the ketenstatus over time (ketenstatus_verloop).
 *
 * One writer: store_projectie_cijfers() rewrites both projections of a
 * set of inwoners from all their events and their wijk history, with the
 * domain's own derivations (domain/verloop.h, indicator_kenmerken), so a
 * figure never disagrees with the events. ops_projecties_bijwerken() calls
 * it for one inwoner in the transaction of every event, correctie and
 * move; the importer for each batch; seed-demo per event.
 * store_projectie_controle() recomputes them and reports any difference
 * (`wijkzicht cijfers-controle`).
 */
#ifndef WZ_STORE_PROJECTIE_H
#define WZ_STORE_PROJECTIE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* Most inwoners in one call (an import batch). */
#define PROJECTIE_MAX_INWONERS	1000

/*
 * The first row of the wijk history of the inwoners in ids (a JSON array
 * text, "[3,17]"), from their inwoner.wijk_id, valid from 1900-01-01: for
 * a new inwoner, in its transaction. An inwoner that has a history keeps
 * it.
 */
enum db_err	store_inwoner_wijk_begin(struct db *, const char *ids);

/*
 * Inwoner id lives in wijk_id from today: ends the open row of another
 * wijk and starts one (a second move on one day replaces the first). No
 * change when the inwoner already lives there. The caller rewrites the
 * projections afterwards. In the caller's transaction.
 */
enum db_err	store_inwoner_verhuisd(struct db *, int64_t id, int64_t wijk_id);

/*
 * Rewrites cijfer_feit and ketenstatus_verloop of the n inwoners in ids
 * (n <= PROJECTIE_MAX_INWONERS) from their events and wijk history. In
 * the caller's transaction. DB_ERR also when an event in the database is
 * malformed (logged by the caller).
 */
enum db_err	store_projectie_cijfers(struct db *, struct arena *,
		    const int64_t *ids, size_t n);

/*
 * Recomputes the projections of the inwoners with id > na, at most limit
 * (<= PROJECTIE_MAX_INWONERS) of them in id order, and compares them with
 * what is stored: adds the number of inwoners whose rows differ to
 * *verschil, sets *eerste_verschil to the first of them (when *verschil
 * was 0), and *laatste to the last id checked (0: none left). herstel:
 * writes the recomputation where it differs, in the caller's transaction.
 */
enum db_err	store_projectie_controle(struct db *, struct arena *,
		    int64_t na, size_t limit, int herstel, size_t *verschil,
		    int64_t *eerste_verschil, int64_t *laatste);

/* What one build step did. */
struct som_stap {
	int      slot;          /* 0: writers kept the slot; nothing done */
	size_t   indicatoren;   /* 0: nothing left to build */
	size_t   inwoners;      /* the inwoners added */
	int64_t  tot;           /* the sums now hold the inwoners up to this */
	int      klaar;         /* and the indicatoren's sums are complete */
};

/*
 * One step of building the sums (sql/013) of new or changed indicators,
 * in the caller's transaction, holding the slot exclusively (writers
 * wait a moment): drops the sums of indicators no longer kept, and adds
 * the stored facts of the next stap (<= PROJECTIE_MAX_INWONERS; 0: that)
 * inwoners to the
 * sums furthest behind, marking them complete at the end. wachten 0: a
 * background caller that does nothing when a writer or another step
 * holds the slot (uit->slot 0).
 */
enum db_err	store_projectie_sommen_stap(struct db *, struct arena *,
		    int wachten, size_t stap, struct som_stap *uit);

/*
 * Recomputes the sums of every indicator whose sums are complete from
 * the stored facts and compares them with what is stored: *verschil the
 * indicators that differ, *eerste the first of them. herstel: marks them
 * to be built again (by the next build steps). Holds the slot
 * exclusively, in the caller's transaction.
 */
enum db_err	store_projectie_sommen_controle(struct db *, struct arena *,
		    int herstel, size_t *verschil, int64_t *eerste);

/*
 * *ja = 1 when there are events but no figure facts at all: a database
 * that had events before migration 009, whose projections must be built
 * once (`wijkzicht migrate` does it then).
 */
enum db_err	store_projectie_ontbreekt(struct db *, struct arena *, int *ja);

#endif
