/*
 * statements.c — the registry of every module's statement table.
 *
 * Checked once (stmt_registry_check, at start-up and in the unit tests):
 * each table's ids must lie in its own module's range, in order.
 */
#include "config.h"

#include <stddef.h>

#include "store/statements.h"

static const struct stmt_table *const tables[MOD__COUNT] = {
	[MOD_CORE] = &health_stmts,
	[MOD_SESSIE] = &sessie_stmts,
	[MOD_AUDIT] = &audit_stmts,
	[MOD_THROTTLE] = &throttle_stmts,
	[MOD_GEBRUIKER] = &gebruiker_stmts,
	[MOD_TOKEN] = &token_stmts,
	[MOD_IDEMPOTENTIE] = &idempotentie_stmts,
	[MOD_STRUCTUUR] = &structuur_stmts,
	[MOD_REGISTRATIE] = &registratie_stmts,
	[MOD_IMPORT] = &import_stmts,
	[MOD_EXPORT] = &export_stmts,
	[MOD_PROJECTIE] = &projectie_stmts,
	[MOD_INDICATOR] = &indicator_stmts,
	[MOD_CIJFER] = &cijfer_stmts,
	[MOD_STREEFWAARDE] = &streefwaarde_stmts,
	[MOD_FORMAT_ANALYSE] = &format_analyse_stmts,
	[MOD_FORMAT] = &format_stmts,
	[MOD_RAPPORTAGE] = &rapportage_stmts,
	[MOD_KETENPARTNERWAARDE] = &ketenpartnerwaarde_stmts,
	[MOD_COMPLEETHEID] = &compleetheid_stmts,
	[MOD_CIJFER_SOM] = &cijfer_som_stmts,
};

_Static_assert(MOD__COUNT <= STMT_MAX_MODULES, "raise STMT_MAX_MODULES");

const struct stmt_catalog store_statements = { tables, MOD__COUNT };

const struct stmt_def *
stmt_def(stmt_id id)
{
	return stmt_catalog_def(&store_statements, id);
}

void
stmt_each(void (*fn)(const struct stmt_def *, void *), void *ctx)
{
	stmt_catalog_each(&store_statements, fn, ctx);
}
