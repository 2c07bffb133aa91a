/*
 * stmt.c — looking statements up in a catalogue; see stmt.h.
 */
#include "config.h"

#include <stddef.h>

#include "db/stmt.h"

const struct stmt_def *
stmt_catalog_def(const struct stmt_catalog *c, stmt_id id)
{
	size_t mod = id / STMT_PER_MODULE, n = id % STMT_PER_MODULE;
	const struct stmt_table *t;

	if (c == NULL || mod >= c->n || (t = c->tables[mod]) == NULL || n >= t->n)
		return NULL;
	return t->defs[n].id == id ? &t->defs[n] : NULL;
}

void
stmt_catalog_each(const struct stmt_catalog *c,
    void (*fn)(const struct stmt_def *, void *), void *ctx)
{
	size_t m, i;

	for (m = 0; m < c->n; m++)
		for (i = 0; c->tables[m] != NULL && i < c->tables[m]->n; i++)
			fn(&c->tables[m]->defs[i], ctx);
}
