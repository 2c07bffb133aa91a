/*
 * idempotentie.c — stored answers to creates; see idempotentie.h.
 */
#include "config.h"

#include <string.h>

#include "store/idempotentie.h"

static const struct stmt_def defs[] = {
	{ STMT_IDEM_GET, "idem_get",
	  "SELECT route, status, locatie, body FROM idempotentie"
	  " WHERE gebruiker_id = ? AND sleutel = ?", 2, 4, "titt" },
	{ STMT_IDEM_PUT, "idem_put",
	  "INSERT INTO idempotentie (gebruiker_id, sleutel, route, status, locatie, body)"
	  " VALUES (?, ?, ?, ?, ?, ?)", 6, 0, NULL },
	{ STMT_IDEM_PRUNE, "idem_prune",
	  "DELETE FROM idempotentie WHERE aangemaakt_op < NOW(6) - INTERVAL 1 DAY"
	  " LIMIT 1000", 0, 0, NULL },
};
const struct stmt_table idempotentie_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_idem_get(struct db *db, struct arena *a, int64_t gebruiker_id,
    const char *sleutel, struct idem_answer *out, int *found)
{
	struct db_val v[] = { DB_INT(gebruiker_id), DB_STR(sleutel) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((rc = db_query(db, a, STMT_IDEM_GET, v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		out->route = DB_CELL(&rows, 0, 0);
		out->status = (int)db_cell_int(DB_CELL(&rows, 0, 1), 500);
		out->locatie = DB_CELL(&rows, 0, 2);
		out->body = DB_CELL(&rows, 0, 3);
		*found = 1;
	}
	return DB_OK;
}

enum db_err
store_idem_put(struct db *db, int64_t gebruiker_id, const char *sleutel,
    const struct idem_answer *ans)
{
	struct db_val v[] = { DB_INT(gebruiker_id), DB_STR(sleutel),
	    DB_STR(ans->route), DB_INT(ans->status), db_str(ans->locatie),
	    DB_STR(ans->body ? ans->body : "") };

	return db_exec(db, STMT_IDEM_PUT, v, 6, NULL, NULL);
}

enum db_err
store_idem_prune(struct db *db)
{
	return db_exec(db, STMT_IDEM_PRUNE, NULL, 0, NULL, NULL);
}
