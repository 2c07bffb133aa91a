/*
 * db.c — connection and statement cache of one worker; see db.h.
 *
 * No SQL text lives here (the store hands it over in its catalogue). This file must
 * never log a password or a bound value: errors are logged with the
 * statement's name only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include "core/conf.h"
#include "core/log.h"
#include "db/db.h"

void
db_init(struct db *db, const struct config *cfg, int migrate,
    const struct stmt_catalog *catalog)
{
	memset(db, 0, sizeof(*db));
	db->catalog = catalog;
	snprintf(db->socket, sizeof(db->socket), "%s", cfg->db_socket);
	snprintf(db->name, sizeof(db->name), "%s", cfg->db_name);
	snprintf(db->user, sizeof(db->user), "%s",
	    migrate ? cfg->db_migrate_user : cfg->db_user);
	snprintf(db->password, sizeof(db->password), "%s",
	    migrate ? cfg->db_migrate_password : cfg->db_password);
	db->timeout = (unsigned)cfg->db_timeout;
	/* A migration may rebuild a table of millions of rows: reading its
	 * answer may take far longer than any request may wait. */
	db->io_timeout = migrate ? DB_MIGRATE_TIMEOUT : db->timeout;
	db->multi = migrate;
}

int
db_connect(struct db *db)
{
	unsigned long flags = db->multi ? CLIENT_MULTI_STATEMENTS : 0;

	if (db->conn != NULL)
		return 0;
	if ((db->conn = mysql_init(NULL)) == NULL) {
		snprintf(db->error, sizeof(db->error), "mysql_init: out of memory");
		return -1;
	}
	mysql_options(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &db->timeout);
	mysql_options(db->conn, MYSQL_OPT_READ_TIMEOUT, &db->io_timeout);
	mysql_options(db->conn, MYSQL_OPT_WRITE_TIMEOUT, &db->io_timeout);
	mysql_options(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Strict SQL mode and UTC: values are never silently truncated and
	 * dates mean the same on every host. */
	mysql_options(db->conn, MYSQL_INIT_COMMAND,
	    "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
	    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'");
	if (mysql_real_connect(db->conn, NULL, db->user, db->password, db->name,
	    0, db->socket, flags) == NULL) {
		snprintf(db->error, sizeof(db->error), "connect: %s",
		    mysql_error(db->conn));
		mysql_close(db->conn);
		db->conn = NULL;
		return -1;
	}
	return 0;
}

void
db_close(struct db *db)
{
	size_t i;

	for (i = 0; i < STMT_MAX; i++) {
		if (db->stmts[i] != NULL)
			mysql_stmt_close(db->stmts[i]);
		db->stmts[i] = NULL;
	}
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
}

int
db_check_lost(struct db *db, unsigned err)
{
	switch (err) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
		db_close(db);
		return 1;
	default:
		return 0;
	}
}

/*
 * Whether the result columns fields (n) have the types def declares; the
 * letters found go to out. A statement that declares no types has no
 * result columns to check (a write).
 */
static int
typen_kloppen(const struct stmt_def *def, const MYSQL_FIELD *fields,
    unsigned n, char *out, size_t len)
{
	unsigned k;

	for (k = 0; k < n && k + 1 < len; k++)
		out[k] = stmt_type_letter((int)fields[k].type);
	out[k] = '\0';
	return def->typen != NULL && strcmp(def->typen, out) == 0;
}

MYSQL_STMT *
db_stmt(struct db *db, stmt_id id)
{
	const struct stmt_def *def = stmt_catalog_def(db->catalog, id);
	MYSQL_STMT *st;
	MYSQL_RES *meta;
	unsigned ncols = 0, err;
	char gevonden[64];
	int typen_ok;

	if (def == NULL)
		return NULL;
	if (db->conn != NULL && db->stmts[id] != NULL)
		return db->stmts[id];
	if (db_connect(db) != 0)
		return NULL;
	if ((st = mysql_stmt_init(db->conn)) == NULL) {
		snprintf(db->error, sizeof(db->error), "stmt_init: out of memory");
		return NULL;
	}
	if (mysql_stmt_prepare(st, def->sql, strlen(def->sql)) != 0) {
		err = mysql_stmt_errno(st);
		snprintf(db->error, sizeof(db->error), "prepare %s: %s", def->name,
		    mysql_stmt_error(st));
		mysql_stmt_close(st);
		db_check_lost(db, err);
		return NULL;
	}
	if ((meta = mysql_stmt_result_metadata(st)) != NULL) {
		ncols = mysql_num_fields(meta);
		typen_ok = typen_kloppen(def, mysql_fetch_fields(meta), ncols,
		    gevonden, sizeof(gevonden));
		mysql_free_result(meta);
	} else {
		typen_ok = def->typen == NULL || def->typen[0] == '\0';
	}
	if (!typen_ok) {
		snprintf(db->error, sizeof(db->error),
		    "statement %s: result columns of type \"%s\", declared \"%s\"",
		    def->name, gevonden, def->typen ? def->typen : "");
		log_error("db_stmt", "%s", db->error);
		mysql_stmt_close(st);
		return NULL;
	}
	if (mysql_stmt_param_count(st) != def->nparams || ncols != def->ncols) {
		snprintf(db->error, sizeof(db->error),
		    "statement %s: %lu placeholders and %u columns, declared %u and %u",
		    def->name, mysql_stmt_param_count(st), ncols, def->nparams,
		    def->ncols);
		log_error("db_stmt", "%s", db->error);
		mysql_stmt_close(st);
		return NULL;
	}
	db->stmts[id] = st;
	return st;
}

static int
db_simple(struct db *db, const char *sql)
{
	if (db_connect(db) != 0)
		return -1;
	if (mysql_real_query(db->conn, sql, strlen(sql)) != 0) {
		snprintf(db->error, sizeof(db->error), "%s: %s", sql,
		    mysql_error(db->conn));
		db_check_lost(db, mysql_errno(db->conn));
		return -1;
	}
	return 0;
}

int
db_begin(struct db *db)
{
	return db_simple(db, "START TRANSACTION");
}

int
db_commit(struct db *db)
{
	return db_simple(db, "COMMIT");
}

int
db_tx_open(const struct db *db)
{
	return db->conn != NULL &&
	    (db->conn->server_status & SERVER_STATUS_IN_TRANS) != 0;
}

int
db_rollback(struct db *db)
{
	return db_simple(db, "ROLLBACK");
}
