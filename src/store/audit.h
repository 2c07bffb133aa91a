/*
 * audit.h — the audit log: append and read.
 *
 * Writes go in the same transaction as the change they record; a caller
 * whose audit row fails rolls back and answers with a generic error (fail
 * closed). The application's database role can INSERT and SELECT here,
 * nothing else (sql/002_identiteit.sql).
 */
#ifndef WZ_STORE_AUDIT_H
#define WZ_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/limits.h"
#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;

#define STMT_AUDIT_INSERT	STMT_ID(MOD_AUDIT, 0)
#define STMT_AUDIT_LIST		STMT_ID(MOD_AUDIT, 1)
#define STMT_AUDIT_ACTIES	STMT_ID(MOD_AUDIT, 2)
#define STMT_AUDIT_GEBRUIKERS	STMT_ID(MOD_AUDIT, 3)
#define STMT_AUDIT_INZAGE	STMT_ID(MOD_AUDIT, 4)

/* The most rows one page of the list shows (the API's maximum `limit`). */
#define AUDIT_PAGE_MAX		WZ_LIST_MAX

struct audit_rec {
	int64_t      gebruiker_id;   /* 0: anonymous */
	int64_t      namens_id;      /* 0: the same person */
	int64_t      token_id;       /* 0: no API token */
	const char  *actie;          /* "inloggen", "aanmaken", "wijzigen", ... */
	const char  *object_soort;   /* "organisatie", "gebruiker", ... or "" */
	int64_t      object_id;      /* 0: none */
	int64_t      inwoner_id;     /* whose personal data: 0 for none */
	const char  *doel;           /* why it was read or written (NEN 7513):
	                              * "registratie", "ketensamenwerking", ...;
	                              * NULL or "" for rows about no inwoner */
	const char  *route;          /* "POST /api/v1/organisaties" */
	const char  *resultaat;      /* "gelukt", "geweigerd", "mislukt" */
	const char  *adres;          /* client address */
	const char  *toelichting;    /* short, never personal data or secrets */
};

enum db_err	store_audit_insert(struct db *, const struct audit_rec *);
/*
 * One row per inwoner in ids ("3,17,42": ids read from the database, never
 * input: they must be digits and commas) with the who/what/route of a,
 * object inwoner and inwoner_id set: the read of a list of inwoners, in
 * one statement.
 */
enum db_err	store_audit_inzage(struct db *, struct arena *,
		    const struct audit_rec *, const char *ids);

/* Filters for reading; zero/NULL fields do not filter. */
struct audit_filter {
	int64_t      gebruiker_id;
	const char  *actie;
	const char  *object_soort;
	int64_t      object_id;
	const char  *van;            /* "YYYY-MM-DD", inclusive */
	const char  *tot;            /* "YYYY-MM-DD", inclusive */
	int64_t      voor_id;        /* cursor: only ids below this; 0 = start */
	int          limit;          /* 1..AUDIT_PAGE_MAX + 1: a caller may ask
	                              * one row more than it shows, to learn
	                              * whether a next page exists */
};

/*
 * A listed row of the log (store_audit_list, store_audit_each). The ids
 * of nullable columns are 0 for SQL NULL (ids start at 1): gebruiker_id 0
 * is an anonymous row, namens_id 0 the same person, token_id 0 no API
 * token, object_id 0 no object. Texts live in the arena the rows were read
 * into; gebruikersnaam is NULL when the row has no (existing) user, the
 * others are the NOT NULL columns as stored (NULL only if a column read
 * NULL all the same). tijdstip: "YYYY-MM-DDTHH:MM:SSZ", UTC.
 */
struct audit_regel {
	int64_t      id;
	const char  *tijdstip;
	int64_t      gebruiker_id;
	const char  *gebruikersnaam;
	int64_t      namens_id;
	int64_t      token_id;
	const char  *actie;
	const char  *object_soort;
	int64_t      object_id;
	const char  *route;
	const char  *resultaat;
	const char  *adres;
	const char  *toelichting;
};

/* Newest first, at most f->limit rows: *out an array of *n rows in ar
 * (NULL when *n is 0). */
enum db_err	store_audit_list(struct db *, struct arena *,
		    const struct audit_filter *, struct audit_regel **out,
		    size_t *n);

/*
 * Every row matching f (f->limit is ignored; f->voor_id is where it
 * starts), newest first, read in pages of AUDIT_PAGE_MAX rows through the
 * id cursor. Calls fn for each row: fn returns 0 to go on, anything else
 * to stop. The rows of a page live in a private arena that is emptied
 * before the next page, so memory stays bounded by one page however many
 * rows match; the row fn sees, and its texts, are valid only during that
 * call. For a consistent picture across pages, call it inside a
 * transaction. DB_NOMEM when the private arena cannot be made.
 */
typedef int (*audit_row_fn)(const struct audit_regel *, void *ctx);
enum db_err	store_audit_each(struct db *, const struct audit_filter *,
		    audit_row_fn fn, void *ctx);

/*
 * The distinct actions that occur in the log, sorted (for the filter's
 * choice list): at most max, as an array of *n in ar. Without an index on
 * audit.actie this reads the whole table; see the note in audit.c.
 */
struct audit_actie {
	const char  *actie;
};
enum db_err	store_audit_acties(struct db *, struct arena *, size_t max,
		    struct audit_actie **out, size_t *n);

/* Users to filter on, sorted by gebruikersnaam, at most max: an array of
 * *n in ar. */
struct audit_gebruiker {
	int64_t      id;
	const char  *gebruikersnaam;
	const char  *naam;
};
enum db_err	store_audit_gebruikers(struct db *, struct arena *, size_t max,
		    struct audit_gebruiker **out, size_t *n);

#endif
