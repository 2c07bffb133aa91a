/*
 * health.c — the health query; see health.h.
 */
#include "config.h"

#include <string.h>

#include <mysql.h>

#include "db/db.h"
#include "store/health.h"

static const struct stmt_def defs[] = {
	{ STMT_HEALTH, "health", "SELECT 1", 0, 1, "i" },
};
const struct stmt_table health_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

static int
health_once(struct db *db)
{
	MYSQL_STMT *st;
	MYSQL_BIND out;
	int one = 0;
	unsigned err;

	if ((st = db_stmt(db, STMT_HEALTH)) == NULL)
		return -1;
	memset(&out, 0, sizeof(out));
	out.buffer_type = MYSQL_TYPE_LONG;
	out.buffer = &one;
	if (mysql_stmt_execute(st) != 0 || mysql_stmt_bind_result(st, &out) != 0 ||
	    mysql_stmt_fetch(st) != 0) {
		err = mysql_stmt_errno(st);
		mysql_stmt_free_result(st);
		db_check_lost(db, err);
		return -1;
	}
	mysql_stmt_free_result(st);
	return one == 1 ? 0 : -1;
}

int
store_health(struct db *db)
{
	int had_conn = db->conn != NULL;

	if (health_once(db) == 0)
		return 0;
	/* A connection that died since the last request: one fresh try. */
	if (had_conn && db->conn == NULL)
		return health_once(db);
	return -1;
}
