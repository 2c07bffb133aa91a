/* import.c — placeholder; the import slice fills it. */
#include "config.h"

#include <stddef.h>

#include "store/import.h"
#include "store/statements.h"

const struct stmt_table import_stmts = { NULL, 0 };
