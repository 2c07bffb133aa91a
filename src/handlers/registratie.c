/*
 * registratie.c — the caller's scope for personal data, and the BSN at the
 * edge of the handlers; see registratie.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/seal.h"
#include "db/db.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "handlers/common.h"
#include "handlers/registratie.h"
#include "http/request.h"

int
registratie_scope(struct req *r, struct scope *s)
{
	struct scope_org orgs[SCOPE_ORGS];
	struct scope_grants g;
	enum db_err rc;
	size_t n = 0;

	memset(s, 0, sizeof(*s));
	if (scope_grants(&r->who, &g) == 0)
		return 0;
	if ((rc = store_scope_organisaties(r->db, r->arena, &g, orgs, &n)) != DB_OK) {
		fail_db(r, rc, "scope");
		return -1;
	}
	scope_bouw(&g, orgs, n, s);
	return 0;
}

unsigned
registratie_partij(const struct scope *s)
{
	return scope_partij(s);
}

const char *
registratie_doel(const struct scope *s)
{
	return (s->partijen & GP_WIJKTEAM) ? DOEL_REGISTRATIE : DOEL_KETEN;
}

/* Opens a sealed BSN into out (BSN_LEN + 1). Returns 0 or -1 (logged). */
static int
bsn_open(struct req *r, const char *sealed, char out[BSN_LEN + 1])
{
	size_t n = 0;

	if (sealed == NULL || *sealed == '\0')
		return -1;
	if (seal_decrypt(r->seal, sealed, out, BSN_LEN, &n) != 0 ||
	    n != BSN_LEN) {
		log_error("registratie", "req=%s a stored BSN cannot be opened"
		    " (key changed or value damaged)",
		    r->request_id ? r->request_id : "-");
		return -1;
	}
	out[BSN_LEN] = '\0';
	return 0;
}

const char *
registratie_bsn_masker(struct req *r, const char *sealed)
{
	char bsn[BSN_LEN + 1], masker[BSN_LEN + 1];

	if (bsn_open(r, sealed, bsn) != 0)
		return NULL;
	bsn_mask(bsn, masker);
	memset(bsn, 0, sizeof(bsn));
	return arena_strdup(r->arena, masker);
}

const char *
registratie_bsn_open(struct req *r, const char *sealed)
{
	char bsn[BSN_LEN + 1];
	const char *out;

	if (bsn_open(r, sealed, bsn) != 0)
		return NULL;
	out = arena_strdup(r->arena, bsn);
	memset(bsn, 0, sizeof(bsn));
	return out;
}

int
registratie_bsn_seal(struct req *r, const char *bsn, const char **sealed,
    const char **hash)
{
	char *box, *h;

	if (!r->seal->loaded) {
		log_error("registratie", "req=%s seal_key/seal_lookup_key are not"
		    " configured: a BSN cannot be stored",
		    r->request_id ? r->request_id : "-");
		return -1;
	}
	box = arena_alloc(r->arena, SEAL_B64_LEN(BSN_LEN));
	h = arena_alloc(r->arena, SEAL_HASH_HEX_LEN);
	if (box == NULL || h == NULL ||
	    seal_encrypt(r->seal, bsn, strlen(bsn), box,
	    SEAL_B64_LEN(BSN_LEN)) != 0)
		return -1;
	seal_lookup_hash(r->seal, bsn, strlen(bsn), h);
	*sealed = box;
	*hash = h;
	return 0;
}
