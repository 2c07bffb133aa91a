/*
 * import.h — the dry run and the import of a team's uploaded registration
 * (a CSV export of their Excel sheet), for the wijkteamorganisatie of
 * c->scope, and what comes before them: the upload, whose body streams
 * in handlers/import.c and is stored here as it comes (import_upload.c),
 * and the organisatie's saved column mapping. What an upload stored is
 * read back block by block by the dry run and the import (import.c).
 *
 * States of an import (domain/workflow.h, import_workflow): geupload
 * --proefimport--> gecontroleerd --uitvoeren--> ingelezen; a failed import
 * is mislukt (its result kept, nothing of the file), and a new dry run or
 * import may follow.
 *
 * Transactions: unlike the other operations the dry run and the import
 * commit themselves (the upload and the mapping follow ops.h). An
 * import writes every row or none in one transaction; when a row fails,
 * that transaction is rolled back and the failure is stored in a second
 * one, so a caller gets back an outcome with nothing left open.
 */
#ifndef WZ_OPS_IMPORT_H
#define WZ_OPS_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ops/ops.h"

struct arena;
struct json_object;
struct workflow;

/* The states of an import and who moves them (ROL_TEAMLEIDER). */
extern const struct workflow import_workflow;

/* Most data rows one file may have. */
#define IMPORT_MAX_RIJEN	500000
/* Row errors kept in a result (the count is always complete). */
#define IMPORT_MAX_FOUTEN	1000

/*
 * The dry run of import id with mapping (a JSON object of column name to
 * field code; NULL: the proposed one): checks every row, writes nothing
 * of the file, and stores the result and the mapping (also as the
 * organisatie's). OPS_OK with *res (the result, caller owns: counts,
 * errors, a preview of the first rows); OPS_VELDEN when the mapping is
 * incomplete (c->fouten); OPS_NIET_GEVONDEN; OPS_CONFLICT (c->melding).
 */
enum ops_uitkomst import_proef(struct ops_ctx *, int64_t id,
		    struct json_object *mapping, struct json_object **res);

/*
 * Imports import id: every row or none. OPS_OK when imported, now or
 * before (a retried request creates nothing twice); OPS_VELDEN when rows
 * failed: *res holds the result with the row errors, and the import is
 * mislukt; OPS_NIET_GEVONDEN; OPS_CONFLICT (no dry run yet, the file was
 * imported by another import, the mapping no longer fits).
 */
enum ops_uitkomst import_uitvoeren(struct ops_ctx *, int64_t id,
		    struct json_object **res);

/*
 * The mapping to propose for the columns kol: the import's own (eigen,
 * JSON text) when it has one, else per column the organisatie's saved
 * choice, else a guess. A new object; *bron says where it came from
 * ("import", "organisatie", "geraden").
 */
struct json_object *import_mapping_voorstel(struct ops_ctx *, int64_t org,
		    const char *eigen, const char **kol, size_t n,
		    const char **bron);

/*
 * Storing an upload while the handler streams it; the file is never held.
 * import_upload_begin opens the transaction and creates the import of
 * file bestandsnaam for c->scope's wijkteamorganisatie (*id; NULL or "":
 * no file chosen, field error "bestand"; OPS_STORING with c->melding when
 * the keys for personal data are not configured). import_upload_deel
 * takes the file's bytes as they arrive, in pieces of any size: hashed,
 * gathered into blocks of IMPORT_BLOK and each stored sealed.
 * import_upload_klaar stores the last block, judges the file (field errors
 * "bestand": empty, unreadable, no rows, too many) and completes the
 * import with its audit row. Each returns OPS_OK to go on, with the
 * transaction left open (as ops.h; the caller commits after the last);
 * every other outcome has rolled back. An upload given up between calls
 * (the body broke off) ends with ops_rollback. up lives in c->arena.
 */
struct import_upload;

/* What the handler's CSV reader made of the file. */
struct import_kop {
	size_t      rijen;      /* data rows under the header */
	const char *fout;       /* why the file or its header cannot be read
				 * (a Dutch sentence), or NULL */
	const char *kolommen;   /* the header's column names: JSON array text */
};

enum ops_uitkomst import_upload_begin(struct ops_ctx *,
		    const char *bestandsnaam, struct import_upload **up,
		    int64_t *id);
enum ops_uitkomst import_upload_deel(struct ops_ctx *, struct import_upload *,
		    const char *data, size_t len);
enum ops_uitkomst import_upload_klaar(struct ops_ctx *,
		    struct import_upload *, const struct import_kop *);

/*
 * Saves mapping (JSON text: column name to field code) as the mapping of
 * c->scope's wijkteamorganisatie, with its audit row. versie as
 * store_import_mapping_zet: 0 creates or overwrites, otherwise only at
 * that version (-1 matches none): OPS_VEROUDERD (c->melding) when it is
 * stale. On OPS_OK the transaction is open: the caller commits.
 */
enum ops_uitkomst import_mapping_zet(struct ops_ctx *, const char *mapping,
		    int64_t versie);

/* The column names of an import (kolommen: its JSON array text) as an
 * array in ar; NULL when out of memory. */
const char	**import_kolommen(struct arena *ar, const char *kolommen,
		    size_t *n);

#endif
