/*
 * statements.h — the names of every SQL statement the application runs.
 *
 * SQL is constant text with '?' placeholders (statements.c); values are
 * only ever bound. A statement is referred to by its id, never by text, so
 * `wijkzicht check-statements` can prepare every one of them against a
 * migrated database and prove the store and the schema agree.
 */
#ifndef WZ_STATEMENTS_H
#define WZ_STATEMENTS_H

enum stmt_id {
	STMT_HEALTH,                /* SELECT 1 */
	STMT__COUNT
};

struct stmt_def {
	enum stmt_id  id;
	const char   *name;
	const char   *sql;
	unsigned      nparams;      /* '?' placeholders */
	unsigned      ncols;        /* result columns; 0 for writes */
};

/* The definition of id. Never NULL for a valid id. */
const struct stmt_def *stmt_def(enum stmt_id);

#endif
