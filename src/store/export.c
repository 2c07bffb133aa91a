/* export.c — placeholder; the export slice fills it. */
#include "config.h"

#include <stddef.h>

#include "store/export.h"
#include "store/statements.h"

const struct stmt_table export_stmts = { NULL, 0 };
