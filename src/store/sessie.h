/*
 * sessie.h — browser sessions in MariaDB (shared by every worker and host).
 *
 * Sessions are keyed by the hash of their token (core/secret.h). Expiry is
 * decided in SQL against the database clock, so all hosts agree.
 */
#ifndef WZ_STORE_SESSIE_H
#define WZ_STORE_SESSIE_H

#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;
struct principal;

#define STMT_SESSIE_INSERT	STMT_ID(MOD_SESSIE, 0)
#define STMT_SESSIE_LOOKUP	STMT_ID(MOD_SESSIE, 1)
#define STMT_SESSIE_TOUCH	STMT_ID(MOD_SESSIE, 2)
#define STMT_SESSIE_DELETE	STMT_ID(MOD_SESSIE, 3)
#define STMT_SESSIE_DELETE_USER	STMT_ID(MOD_SESSIE, 4)
#define STMT_SESSIE_EXPIRE	STMT_ID(MOD_SESSIE, 5)

/*
 * Adds to who the grants in columns first, first+1, first+2 (rol,
 * scope_soort, scope_id) of every row: the identity queries return one row
 * per grant. Rows whose grant columns are NULL add nothing.
 */
void	store_principal_grants(struct principal *who, const struct db_rows *rows,
	    size_t first);

/* Stores a new session. */
enum db_err	store_sessie_insert(struct db *, const char *id_hash,
		    int64_t gebruiker_id, const char *csrf, const char *adres);

/*
 * One indexed query: the session id_hash if it is neither idle longer than
 * idle_s nor older than abs_s, of an active user, with that user's name and
 * grants. On success fills who (strings in the arena) and returns DB_OK;
 * *found is 0 when there is no such live session. *touch is set when the
 * session's last use is over a minute old (the caller then calls
 * store_sessie_touch: one write a minute, not one per request).
 */
enum db_err	store_sessie_lookup(struct db *, struct arena *,
		    const char *id_hash, int idle_s, int abs_s,
		    struct principal *who, int *found, int *touch);

enum db_err	store_sessie_touch(struct db *, const char *id_hash);
enum db_err	store_sessie_delete(struct db *, const char *id_hash);
/* Removes up to 1000 expired sessions (called at log-in: housekeeping that
 * needs no cron job). */
enum db_err	store_sessie_expire(struct db *, int idle_s, int abs_s);
/* Ends every session of a user (password change, account disabled). */
enum db_err	store_sessie_delete_user(struct db *, int64_t gebruiker_id);

#endif
