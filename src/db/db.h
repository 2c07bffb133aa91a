/*
 * db.h — one worker's MariaDB connection and its prepared statements.
 *
 * A worker owns exactly one `struct db`. The connection is opened lazily and
 * re-opened after it is lost (MariaDB restarted, network gone): the next
 * call simply connects again, so a database outage costs 503s, not a
 * restart of wijkzicht. Statements are named by enum stmt_id (the SQL text
 * lives beside the store code that runs it), prepared once per connection on
 * first use,
 * and checked against the declared number of placeholders and columns.
 */
#ifndef WZ_DB_H
#define WZ_DB_H

#include <mysql.h>

#include "db/stmt.h"

struct config;

/* Read/write timeout of the migration connection (seconds). */
#define DB_MIGRATE_TIMEOUT	3600

struct db {
	MYSQL      *conn;                 /* NULL while disconnected */
	const struct stmt_catalog *catalog; /* what stmt ids name */
	MYSQL_STMT *stmts[STMT_MAX];      /* prepared on this connection */
	char        socket[512];
	char        name[64];
	char        user[64];
	char        password[128];
	unsigned    timeout;              /* seconds, connect */
	unsigned    io_timeout;           /* seconds, read/write: timeout, or
					   * DB_MIGRATE_TIMEOUT for migrations */
	int         multi;                /* allow multi-statement queries */
	char        error[256];           /* last error, for logs only */
};

/* Fills db from the configuration, as the application user or (migrate)
 * as the migration user, with the statements of catalog (kept, not
 * copied; NULL for a connection that runs none). Does not connect. */
void	db_init(struct db *, const struct config *, int migrate,
	    const struct stmt_catalog *catalog);

/* Connects when not connected. Returns 0 or -1 (db->error says why). */
int	db_connect(struct db *);

/* Closes statements and the connection. db_connect may be called again. */
void	db_close(struct db *);

/*
 * The prepared statement id, preparing it when needed. NULL on failure
 * (connection lost, or the statement does not match its declaration — a
 * programming error, logged). Owned by db: never close it.
 */
MYSQL_STMT *db_stmt(struct db *, stmt_id);

/*
 * After a failed call, decides whether the connection is gone (server lost,
 * killed, restarted); if so it is closed so the next use reconnects.
 * Returns 1 when the connection was dropped.
 */
int	db_check_lost(struct db *, unsigned err);

/* Transactions: each returns 0 or -1. */
int	db_begin(struct db *);
int	db_commit(struct db *);
int	db_rollback(struct db *);
/* Whether the connection is inside a transaction (the server says so). */
int	db_tx_open(const struct db *);

#endif
