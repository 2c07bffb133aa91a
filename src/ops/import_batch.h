/*
 * import_batch.h — one run over an import's file, as its two halves share
 * it: import.c reads the stored blocks through the CSV reader and checks
 * every row; import_batch.c keeps the run's row errors and, when the run
 * imports, writes the checked rows in batches. Internal to ops/import.c
 * and ops/import_batch.c; the operations themselves are ops/import.h.
 */
#ifndef WZ_OPS_IMPORT_BATCH_H
#define WZ_OPS_IMPORT_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "db/exec.h"
#include "domain/importmapping.h"
#include "store/import.h"
#include "store/projectie.h"

struct gebeurtenis_type;
struct json_object;
struct ops_ctx;
struct scope;

/* Row errors kept in a result (the count is always complete). */
#define IMPORT_MAX_FOUTEN	1000

/* A set of 64-bit keys (hashes of kenmerken or BSNs seen in this file). */
struct sleutelset {
	uint64_t *k;
	size_t    cap;    /* power of two */
};

/* Rows written per batch of the import (one statement each for
 * trajecten, events, ketenstatus, access and audit). */
#define IMPORT_BATCH	500
_Static_assert(IMPORT_BATCH <= PROJECTIE_MAX_INWONERS, "one projection call per batch");

struct batch_rij {
	int64_t                         inw, trj, geb_id;
	size_t                          regel;
	const char                     *soort;     /* static */
	int64_t                         thema, opdracht, wt;
	char                            start[11], eind[11];
	const struct gebeurtenis_type  *geb;       /* static, or NULL */
	char                            geb_datum[11];
	const char                     *uitkomst;  /* static code, or NULL */
};

/* One run: a dry run, or (commit) the import itself. */
struct run {
	struct ops_ctx            *c;
	const struct scope    *s;
	int                        commit;
	int64_t                    import_id;
	struct im_mapping          map;
	struct im_refs             refs;
	struct arena               tmp;       /* one row's scratch */
	int                        kop;
	size_t                     rijen, nieuw, bestaand, gebeurtenissen;
	size_t                     nfouten, rijen_fout;
	struct json_object        *fouten;    /* at most IMPORT_MAX_FOUTEN */
	struct json_object        *voorbeeld; /* dry run only */
	struct sleutelset          kenmerken, bsns;
	enum db_err                dberr;
	struct import_audit        au;
	struct batch_rij          *batch;     /* commit: IMPORT_BATCH rows */
	size_t                     nbatch;
	struct arena               woordenar; /* the batch's name words */
	struct buf                 woorden;   /* "[[id,\"woord\"],..." */
};

/* Counts an error of line regel and keeps it while fewer than
 * IMPORT_MAX_FOUTEN are kept. */
void	rij_fout(struct run *, size_t regel, const char *veld,
	    const char *melding);

/* An empty list of name words (x->woorden) for the next batch. */
void	woorden_begin(struct run *);

/*
 * Writes the batch b of n rows, with its projections, access and audit
 * rows. Returns 0, 1 when a row failed (reported), -1 on a database error
 * (x->dberr).
 */
int	flush(struct run *, struct batch_rij *b, size_t n);

/*
 * Writes one checked row's inwoner and queues the rest for the batch,
 * which is written (flush) when it is full. Returns 0; 2 when the inwoner
 * exists already (same kenmerk: skipped); 1 when the row fails
 * (reported); -1 on a database error (x->dberr).
 */
int	schrijf(struct run *, const struct im_rij *rec, const char *sealed,
	    const char *hash, size_t regel);

#endif
