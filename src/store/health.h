/*
 * health.h — is the database there and answering?
 */
#ifndef WZ_STORE_HEALTH_H
#define WZ_STORE_HEALTH_H

#include "store/statements.h"

struct db;

/* The statement ids of this module. */
#define STMT_HEALTH	STMT_ID(MOD_CORE, 0)

/*
 * Runs one trivial prepared query. A connection found dead is dropped and
 * tried once more on a fresh one, so the first check after MariaDB comes
 * back already succeeds. Returns 0 when the database answered.
 */
int	store_health(struct db *);

#endif
