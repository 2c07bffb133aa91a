/*
 * statements.h — the names of every SQL statement the application runs.
 *
 * Each store module keeps its statements in its own table (next to the code
 * that runs them) and owns one range of ids: STMT_ID(module, n). A
 * statement is referred to by its id, never by text, so
 * `wijkzicht check-statements` can prepare every one of them against a
 * migrated database and prove the store and the schema agree.
 */
#ifndef WZ_STATEMENTS_H
#define WZ_STATEMENTS_H

#include <stddef.h>

#include "db/stmt.h"

/* One id range per store module. */
enum stmt_module {
	MOD_CORE = 0,        /* store/health.c */
	MOD_SESSIE,          /* store/sessie.c */
	MOD_AUDIT,           /* store/audit.c */
	MOD_THROTTLE,        /* store/throttle.c */
	MOD_GEBRUIKER,       /* store/gebruiker.c */
	MOD_TOKEN,           /* store/token.c */
	MOD_IDEMPOTENTIE,    /* store/idempotentie.c */
	MOD_STRUCTUUR,       /* store/structuur.c */
	MOD_REGISTRATIE,     /* store/registratie.c */
	MOD_IMPORT,          /* store/import.c */
	MOD_EXPORT,          /* store/export.c */
	MOD_PROJECTIE,       /* store/projectie.c */
	MOD_INDICATOR,       /* store/indicator.c */
	MOD_CIJFER,          /* store/cijfer.c */
	MOD_STREEFWAARDE,    /* store/streefwaarde.c */
	MOD_FORMAT_ANALYSE,  /* store/format_analyse.c */
	MOD_FORMAT,          /* store/format.c */
	MOD_RAPPORTAGE,      /* store/rapportage.c */
	MOD_KETENPARTNERWAARDE, /* store/ketenpartnerwaarde.c */
	MOD_COMPLEETHEID,    /* store/compleetheid.c */
	MOD_CIJFER_SOM,      /* store/cijfer_som.c */
	MOD__COUNT
};

#define STMT__COUNT	(MOD__COUNT * STMT_PER_MODULE)

/* Every module's table, for db_init (db/stmt.h). */
extern const struct stmt_catalog store_statements;

/* The definition of id, or NULL when no module defines it. */
const struct stmt_def *stmt_def(stmt_id);

/* Calls fn for every defined statement (check-statements). */
void	stmt_each(void (*fn)(const struct stmt_def *, void *), void *ctx);

/* Each module's table (defined in its store file). */
extern const struct stmt_table health_stmts, sessie_stmts, audit_stmts,
    throttle_stmts, gebruiker_stmts, token_stmts, idempotentie_stmts,
    structuur_stmts, registratie_stmts, import_stmts, export_stmts,
    projectie_stmts, indicator_stmts, cijfer_stmts, streefwaarde_stmts,
    format_analyse_stmts, format_stmts, rapportage_stmts,
    ketenpartnerwaarde_stmts,
    compleetheid_stmts, cijfer_som_stmts;

#endif
