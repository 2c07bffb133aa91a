/*
 * statements.c — the SQL text of every statement, in one table.
 *
 * Only constant strings here; never build SQL from input. Each entry
 * declares its placeholders and result columns so db_stmt() can refuse a
 * statement that drifted from the schema.
 */
#include "config.h"

#include <stddef.h>

#include "store/statements.h"

static const struct stmt_def defs[STMT__COUNT] = {
	[STMT_HEALTH] = { STMT_HEALTH, "health", "SELECT 1", 0, 1 },
};

const struct stmt_def *
stmt_def(enum stmt_id id)
{
	if ((unsigned)id >= STMT__COUNT)
		return NULL;
	return &defs[id];
}
