/*
 * throttle.h — failed log-in attempts, counted in MariaDB so every worker
 * and every host sees the same numbers.
 */
#ifndef WZ_STORE_THROTTLE_H
#define WZ_STORE_THROTTLE_H

#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;

#define STMT_THROTTLE_COUNT	STMT_ID(MOD_THROTTLE, 0)
#define STMT_THROTTLE_RECORD	STMT_ID(MOD_THROTTLE, 1)
#define STMT_THROTTLE_CLEAR	STMT_ID(MOD_THROTTLE, 2)
#define STMT_THROTTLE_PRUNE	STMT_ID(MOD_THROTTLE, 3)
#define STMT_THROTTLE_FORGET	STMT_ID(MOD_THROTTLE, 4)

/* soort is "account" or "adres". */

/*
 * Failures for (soort, sleutel) within the last window_s seconds, and the
 * seconds until the oldest of them leaves the window (for Retry-After).
 */
enum db_err	store_throttle_count(struct db *, struct arena *, const char *soort,
		    const char *sleutel, int window_s, int *count,
		    int *retry_after);
/* Records one attempt; *id (may be NULL) gets its row id. */
enum db_err	store_throttle_record(struct db *, const char *soort,
		    const char *sleutel, int64_t *id);
/* Forgets one recorded attempt (a log-in that succeeded). */
enum db_err	store_throttle_forget(struct db *, int64_t id);
/* Forgets the failures of an account after a successful log-in. */
enum db_err	store_throttle_clear(struct db *, const char *soort,
		    const char *sleutel);
/* Deletes attempts older than window_s (up to 1000 at a time). */
enum db_err	store_throttle_prune(struct db *, int window_s);

#endif
