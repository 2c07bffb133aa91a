/*
 * idempotentie.h — Idempotency-Key: a retried create answers as the first.
 *
 * Within the create's transaction: look the key up first; if it is there
 * (same user), replay the stored answer; otherwise create, then store the
 * answer under the key. Two concurrent requests with one key: the second
 * insert hits the primary key, its transaction rolls back, and the client's
 * retry replays the first answer.
 */
#ifndef WZ_STORE_IDEMPOTENTIE_H
#define WZ_STORE_IDEMPOTENTIE_H

#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;

#define STMT_IDEM_GET	STMT_ID(MOD_IDEMPOTENTIE, 0)
#define STMT_IDEM_PUT	STMT_ID(MOD_IDEMPOTENTIE, 1)
#define STMT_IDEM_PRUNE	STMT_ID(MOD_IDEMPOTENTIE, 2)

struct idem_answer {
	const char *route;      /* method and path: "POST /api/v1/gebruikers/5/toekenningen" */
	int         status;
	const char *locatie;    /* Location header, or NULL */
	const char *body;
};

/* *found = 0 when the key is new for this user. */
enum db_err	store_idem_get(struct db *, struct arena *, int64_t gebruiker_id,
		    const char *sleutel, struct idem_answer *out, int *found);
enum db_err	store_idem_put(struct db *, int64_t gebruiker_id,
		    const char *sleutel, const struct idem_answer *);
/* Forgets keys older than a day (up to 1000). */
enum db_err	store_idem_prune(struct db *);

#endif
