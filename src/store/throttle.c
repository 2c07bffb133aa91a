/*
 * throttle.c — log-in attempt rows; see throttle.h.
 */
#include "config.h"

#include "store/throttle.h"

static const struct stmt_def defs[] = {
	{ STMT_THROTTLE_COUNT, "throttle_count",
	  "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, NOW(6),"
	  " MIN(tijdstip) + INTERVAL ? SECOND), 0) FROM inlogpoging"
	  " WHERE soort = ? AND sleutel = ? AND tijdstip > NOW(6) - INTERVAL ? SECOND",
	  4, 2, "ii" },
	{ STMT_THROTTLE_RECORD, "throttle_record",
	  "INSERT INTO inlogpoging (soort, sleutel) VALUES (?, ?)", 2, 0, NULL },
	{ STMT_THROTTLE_CLEAR, "throttle_clear",
	  "DELETE FROM inlogpoging WHERE soort = ? AND sleutel = ?", 2, 0, NULL },
	{ STMT_THROTTLE_PRUNE, "throttle_prune",
	  "DELETE FROM inlogpoging WHERE tijdstip < NOW(6) - INTERVAL ? SECOND"
	  " LIMIT 1000", 1, 0, NULL },
	{ STMT_THROTTLE_FORGET, "throttle_forget",
	  "DELETE FROM inlogpoging WHERE id = ?", 1, 0, NULL },
};
const struct stmt_table throttle_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_throttle_count(struct db *db, struct arena *a, const char *soort,
    const char *sleutel, int window_s, int *count, int *retry_after)
{
	struct db_val v[] = { DB_INT(window_s), DB_STR(soort), DB_STR(sleutel),
	    DB_INT(window_s) };
	struct db_rows rows;
	enum db_err rc;

	*count = 0;
	*retry_after = 0;
	rc = db_query(db, a, STMT_THROTTLE_COUNT, v, 4, 1, &rows);
	if (rc == DB_OK && rows.nrows == 1) {
		*count = (int)db_cell_int(DB_CELL(&rows, 0, 0), 0);
		*retry_after = (int)db_cell_int(DB_CELL(&rows, 0, 1), 0);
		if (*retry_after < 1)
			*retry_after = 1;
	}
	return rc;
}

enum db_err
store_throttle_record(struct db *db, const char *soort, const char *sleutel,
    int64_t *id)
{
	struct db_val v[] = { DB_STR(soort), DB_STR(sleutel) };
	uint64_t insert_id = 0;
	enum db_err rc;

	rc = db_exec(db, STMT_THROTTLE_RECORD, v, 2, NULL, &insert_id);
	if (id != NULL)
		*id = (int64_t)insert_id;
	return rc;
}

enum db_err
store_throttle_forget(struct db *db, int64_t id)
{
	struct db_val v[] = { DB_INT(id) };

	return db_exec(db, STMT_THROTTLE_FORGET, v, 1, NULL, NULL);
}

enum db_err
store_throttle_clear(struct db *db, const char *soort, const char *sleutel)
{
	struct db_val v[] = { DB_STR(soort), DB_STR(sleutel) };

	return db_exec(db, STMT_THROTTLE_CLEAR, v, 2, NULL, NULL);
}

enum db_err
store_throttle_prune(struct db *db, int window_s)
{
	struct db_val v[] = { DB_INT(window_s) };

	return db_exec(db, STMT_THROTTLE_PRUNE, v, 1, NULL, NULL);
}
