/*
 * registratie.c — the caller's scope for personal data, and the BSN at the
 * edge of the handlers; see registratie.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/seal.h"
#include "db/db.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "handlers/common.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "ops/registratie.h"

/*
 * The two steps of domain/scope.h with the one query between them: a
 * caller whose grants name no organisatie (a beheerder, an auditor, a
 * contractmanager) gets the empty scope without asking the database:
 * their requests cost no query here.
 */
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

/*
 * Opens a sealed BSN into out (BSN_LEN + 1), the caller's stack buffer,
 * which the caller must wipe once it has used it: a clear BSN is never
 * left behind in memory that outlives the call. Returns 0, or -1 when
 * there is none (nothing is logged: not every inwoner has one) or it
 * cannot be opened (logged: the key changed or the value is damaged).
 */
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

/* Only the masked copy reaches the arena; the clear BSN lives on the
 * stack for the length of bsn_mask and is wiped before returning. */
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

/* The clear BSN in the arena lives until the request ends (the arena is
 * reset, not wiped): used only for the AVG article 15 document, which
 * must show it. */
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

/* A context with only what ops_bsn_zegel reads (arena, keys, request id):
 * sealing writes nothing, so it needs no database, principal or audit
 * route. */
int
registratie_bsn_seal(struct req *r, const char *bsn, const char **sealed,
    const char **hash)
{
	struct ops_ctx c;

	memset(&c, 0, sizeof(c));
	c.arena = r->arena;
	c.seal = r->seal;
	c.request_id = r->request_id;
	return ops_bsn_zegel(&c, bsn, sealed, hash);
}

/* A field that is absent is a NULL text, as in a form; a field of another
 * JSON type (an object, an array, a boolean) is marked ongeldig so that
 * the operation can say so at that field rather than read it as empty. */
struct ops_tekst
invoer_json(struct req *r, const char *naam)
{
	struct ops_tekst t;
	struct json_object *v = NULL;

	memset(&t, 0, sizeof(t));
	if (json_object_object_get_ex(r->json, naam, &v))
		t.tekst = json_tekst(v, &t.ongeldig);
	return t;
}

/* A form field is always text: it is never ongeldig. */
struct ops_tekst
invoer_form(struct req *r, const char *naam)
{
	struct ops_tekst t;

	memset(&t, 0, sizeof(t));
	t.tekst = kv_get(&r->form, naam);
	return t;
}

/* The fields of a traject carry the same names in the JSON body and in
 * the form, so one reader serves both faces. */
void
traject_invoer_lees(struct req *r, invoer_fn lees, struct traject_invoer *in)
{
	in->soort = lees(r, "soort");
	in->thema_id = lees(r, "thema_id");
	in->opdracht_id = lees(r, "opdracht_id");
	in->wijkteam_id = lees(r, "wijkteam_id");
	in->startdatum = lees(r, "startdatum");
	in->einddatum = lees(r, "einddatum");
}
