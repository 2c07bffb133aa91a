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

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;

#define STMT_AUDIT_INSERT	STMT_ID(MOD_AUDIT, 0)
#define STMT_AUDIT_LIST		STMT_ID(MOD_AUDIT, 1)

struct audit_rec {
	int64_t      gebruiker_id;   /* 0: anonymous */
	int64_t      namens_id;      /* 0: the same person */
	int64_t      token_id;       /* 0: no API token */
	const char  *actie;          /* "inloggen", "aanmaken", "wijzigen", ... */
	const char  *object_soort;   /* "organisatie", "gebruiker", ... or "" */
	int64_t      object_id;      /* 0: none */
	const char  *route;          /* "POST /api/v1/organisaties" */
	const char  *resultaat;      /* "gelukt", "geweigerd", "mislukt" */
	const char  *adres;          /* client address */
	const char  *toelichting;    /* short, never personal data or secrets */
};

enum db_err	store_audit_insert(struct db *, const struct audit_rec *);

/* Filters for reading; zero/NULL fields do not filter. */
struct audit_filter {
	int64_t      gebruiker_id;
	const char  *actie;
	const char  *object_soort;
	int64_t      object_id;
	const char  *van;            /* "YYYY-MM-DD", inclusive */
	const char  *tot;            /* "YYYY-MM-DD", inclusive */
	int64_t      voor_id;        /* cursor: only ids below this; 0 = start */
	int          limit;          /* 1..500 */
};

/* Columns of a listed row, in order. */
enum audit_col {
	AUDIT_ID, AUDIT_TIJDSTIP, AUDIT_GEBRUIKER_ID, AUDIT_GEBRUIKERSNAAM,
	AUDIT_NAMENS_ID, AUDIT_TOKEN_ID, AUDIT_ACTIE, AUDIT_OBJECT_SOORT,
	AUDIT_OBJECT_ID, AUDIT_ROUTE, AUDIT_RESULTAAT, AUDIT_ADRES,
	AUDIT_TOELICHTING, AUDIT__NCOLS
};

/* Newest first. */
enum db_err	store_audit_list(struct db *, struct arena *,
		    const struct audit_filter *, struct db_rows *out);

#endif
