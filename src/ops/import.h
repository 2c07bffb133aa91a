/*
 * import.h — the dry run and the import of a team's uploaded registration
 * (a CSV export of their Excel sheet), for the wijkteamorganisatie of
 * c->scope. The upload itself streams in handlers/import.c; what it
 * stored is read here block by block (store/import.h).
 *
 * States of an import (domain/workflow.h, import_workflow): geupload
 * --proefimport--> gecontroleerd --uitvoeren--> ingelezen; a failed import
 * is mislukt (its result kept, nothing of the file), and a new dry run or
 * import may follow.
 *
 * Transactions: unlike the other operations these commit themselves. An
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

/* The column names of an import (kolommen: its JSON array text) as an
 * array in ar; NULL when out of memory. */
const char	**import_kolommen(struct arena *ar, const char *kolommen,
		    size_t *n);

#endif
