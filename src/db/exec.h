/*
 * exec.h — running a named statement with bound values, reading its rows.
 *
 * The one place that fills MYSQL_BIND arrays: store functions describe
 * their values as a small array of struct db_val and get rows back as
 * arena strings. Every value is bound, never spliced into SQL.
 *
 * Rows come back as text (MariaDB's own formatting of each column: numbers
 * in decimal, DATE as YYYY-MM-DD, DATETIME as YYYY-MM-DD HH:MM:SS[.ffffff]);
 * a SQL NULL is a NULL pointer. They live in the request arena.
 */
#ifndef WZ_EXEC_H
#define WZ_EXEC_H

#include <stddef.h>
#include <stdint.h>

#include "db/stmt.h"

struct arena;
struct db;

enum db_val_type { DBV_NULL, DBV_INT, DBV_STR };

struct db_val {
	enum db_val_type  type;
	int64_t           i;
	const char       *s;
	size_t            len;
};

/* Value constructors, for compound literals in calls. */
#define DB_NULL		((struct db_val){ .type = DBV_NULL })
#define DB_INT(v)	((struct db_val){ .type = DBV_INT, .i = (int64_t)(v) })
#define DB_STR(v)	db_str(v)
#define DB_STRN(v, n)	((struct db_val){ .type = DBV_STR, .s = (v), .len = (n) })
/* A string value, or NULL when v is NULL. */
struct db_val	db_str(const char *v);
/* An id value: NULL when v <= 0 (an optional reference). */
struct db_val	db_id(int64_t v);

struct db_rows {
	size_t        nrows;
	size_t        ncols;
	const char  **cells;     /* nrows * ncols, row-major; NULL = SQL NULL */
	size_t       *lens;
};

/* The cell at (row, col); NULL for SQL NULL. */
#define DB_CELL(rows, r, c)	((rows)->cells[(r) * (rows)->ncols + (c)])

/* Result codes: 0 is success. */
enum db_err {
	DB_OK = 0,
	DB_ERR,          /* anything else; db->error has text for the log */
	DB_LOST,         /* connection lost (dropped; the next call reconnects) */
	DB_DUPLICATE,    /* a unique key refused the row */
	DB_NOMEM,        /* the arena is full */
};

/*
 * Executes a statement that returns no rows. nvals must equal the
 * statement's declared placeholders. *affected and *insert_id may be NULL.
 */
enum db_err	db_exec(struct db *, stmt_id, const struct db_val *vals,
		    size_t nvals, uint64_t *affected, uint64_t *insert_id);

/*
 * Executes a SELECT and copies every row into the arena. At most max_rows
 * rows are kept (the rest are read and dropped); pass 0 for no limit.
 */
enum db_err	db_query(struct db *, struct arena *, stmt_id,
		    const struct db_val *vals, size_t nvals, size_t max_rows,
		    struct db_rows *out);

/* Parses a cell as a decimal integer; def when NULL or malformed. */
int64_t		db_cell_int(const char *cell, int64_t def);

#endif
