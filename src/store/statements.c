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
};

const struct stmt_def *
stmt_def(stmt_id id)
{
	unsigned mod = id / STMT_PER_MODULE, n = id % STMT_PER_MODULE;
	const struct stmt_table *t;

	if (mod >= MOD__COUNT || (t = tables[mod]) == NULL || n >= t->n)
		return NULL;
	return t->defs[n].id == id ? &t->defs[n] : NULL;
}

void
stmt_each(void (*fn)(const struct stmt_def *, void *), void *ctx)
{
	size_t m, i;

	for (m = 0; m < MOD__COUNT; m++)
		for (i = 0; tables[m] != NULL && i < tables[m]->n; i++)
			fn(&tables[m]->defs[i], ctx);
}
