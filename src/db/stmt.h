/*
 * stmt.h — what a named SQL statement is, and the catalogue of them.
 *
 * SQL is constant text with '?' placeholders; values are only ever bound.
 * The store owns the statements (each module a table, next to the code that
 * runs them, in one range of ids: STMT_ID(module, n)) and hands db_init
 * the catalogue of all tables, so this layer names no store module: it
 * only prepares what it is given and checks it against its declaration.
 */
#ifndef WZ_STMT_H
#define WZ_STMT_H

#include <stddef.h>

typedef unsigned stmt_id;

#define STMT_PER_MODULE		64
#define STMT_MAX_MODULES	32
#define STMT_ID(mod, n)		((stmt_id)((mod) * STMT_PER_MODULE + (n)))
/* Size of a connection's statement cache: every id a catalogue can have. */
#define STMT_MAX		(STMT_MAX_MODULES * STMT_PER_MODULE)

struct stmt_def {
	stmt_id       id;
	const char   *name;
	const char   *sql;
	unsigned      nparams;      /* '?' placeholders */
	unsigned      ncols;        /* result columns; 0 for writes */
	const char   *typen;        /* the type of each result column, one
				     * letter each (stmt_type_letter): "iitd"
				     * for id, versie, naam, datum; NULL for
				     * writes */
};

/*
 * The letter of a result column's MariaDB type (enum enum_field_types):
 * 'i' integer, 'g' decimal or floating point, 'd' date, 'm' date and time,
 * 't' text (also ENUM, JSON and blobs), 'n' the NULL of a constant; '?'
 * for anything else. db/ checks each statement's typen against the
 * prepared statement, so a store reading a column as an id or a date reads
 * what the database hands it.
 */
char	stmt_type_letter(int field_type);

/* A module's table: defs[i].id must be STMT_ID(module, i). */
struct stmt_table {
	const struct stmt_def *defs;
	size_t                 n;
};

/* Every module's table, indexed by module (NULL for an unused slot). */
struct stmt_catalog {
	const struct stmt_table *const *tables;
	size_t                          n;        /* <= STMT_MAX_MODULES */
};

/* The definition of id in c, or NULL when no table defines it. */
const struct stmt_def *stmt_catalog_def(const struct stmt_catalog *c,
	    stmt_id id);

/* Calls fn for every defined statement of c, in id order. */
void	stmt_catalog_each(const struct stmt_catalog *c,
	    void (*fn)(const struct stmt_def *, void *), void *ctx);

#endif
