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

char
stmt_type_letter(int t)
{
	switch (t) {
	case 1: case 2: case 3: case 8: case 9: case 13: case 16:
		return 'i';     /* TINY, SHORT, LONG, LONGLONG, INT24, YEAR, BIT */
	case 0: case 4: case 5: case 246:
		return 'g';     /* DECIMAL, FLOAT, DOUBLE, NEWDECIMAL */
	case 10: case 14:
		return 'd';     /* DATE, NEWDATE */
	case 7: case 12:
		return 'm';     /* TIMESTAMP, DATETIME */
	case 15: case 245: case 247: case 248: case 249: case 250: case 251:
	case 252: case 253: case 254:
		return 't';     /* VARCHAR, JSON, ENUM, SET, blobs, strings */
	case 6:
		return 'n';     /* NULL */
	default:
		return '?';
	}
}
