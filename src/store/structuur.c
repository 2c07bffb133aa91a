/*
 * structuur.c — SQL of the structural records; see structuur.h.
 */
#include "config.h"

#include <stddef.h>

#include "store/structuur.h"

static const struct stmt_def defs[] = {
	{ STMT_ID(MOD_STRUCTUUR, 0), "organisatie_count",
	  "SELECT COUNT(*) FROM organisatie", 0, 1 },
};
const struct stmt_table structuur_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };
