/*
 * sommen.c — building the sums of the figures in steps; see sommen.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "ops/sommen.h"
#include "store/cijfer_som.h"
#include "store/projectie.h"

int
sommen_bouwen(struct db *db, struct arena *ar, int wachten, size_t stap,
    int (*door)(void *), void *arg,
    void (*voortgang)(const struct sommen_bouw *, void *),
    struct sommen_bouw *uit)
{
	struct som_stap s;
	enum db_err rc;
	int ja = 0;

	memset(uit, 0, sizeof(*uit));
	for (;;) {
		if (door != NULL && !door(arg)) {
			uit->over = 1;
			return 0;
		}
		arena_reset(ar);
		/* a look first, in a transaction of its own: the step's
		 * reads must begin after it holds the slot */
		if (db_begin(db) != 0)
			return -1;
		rc = store_som_te_bouwen(db, ar, !wachten, &ja);
		if (rc != DB_OK || db_commit(db) != 0) {
			db_rollback(db);
			return -1;
		}
		if (!ja)
			return 0;
		if (db_begin(db) != 0)
			return -1;
		rc = store_projectie_sommen_stap(db, ar, wachten, stap, &s);
		if (rc != DB_OK || db_commit(db) != 0) {
			db_rollback(db);
			return -1;
		}
		if (!s.slot) {
			uit->over = 1;
			return 0;
		}
		if (s.indicatoren == 0)
			return 0;
		uit->stappen++;
		uit->inwoners += s.inwoners;
		if (s.klaar)
			uit->klaar += s.indicatoren;
		if (voortgang != NULL)
			voortgang(uit, arg);
	}
}
