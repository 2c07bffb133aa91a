/*
 * ops.c — audit rows, transactions and projections of the operations; see
 * ops.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "db/db.h"
#include "domain/policy.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "ops/ops.h"
#include "store/audit.h"
#include "store/projectie.h"
#include "store/registratie.h"

static const char *
req_id(const struct ops_ctx *c)
{
	return c->request_id ? c->request_id : "-";
}

/* The who, route and address of this context, for an audit row. */
static void
audit_vul(const struct ops_ctx *c, struct audit_rec *a, const char *actie,
    const char *resultaat, const char *toelichting)
{
	memset(a, 0, sizeof(*a));
	a->gebruiker_id = c->who != NULL && c->who->authenticated ?
	    c->who->gebruiker_id : 0;
	a->token_id = c->who != NULL ? c->who->token_id : 0;
	a->actie = actie;
	a->route = c->route ? c->route : "";
	a->resultaat = resultaat;
	a->adres = c->adres;
	a->toelichting = toelichting;
}

/* A failed audit row: logged with the database's text (never shown to the
 * client) and recorded as DB_ERR, so that the handler answers 500 after the
 * caller's rollback. Returns -1 for the callers' return statements. */
static int
audit_fout(struct ops_ctx *c)
{
	log_error("audit", "req=%s cannot write audit row: %s", req_id(c),
	    c->db->error);
	c->db_rc = DB_ERR;
	return -1;
}

/* An audit row about no inwoner: ops_audit_persoon with inwoner_id 0 and no
 * doel, so that both kinds share one insert. */
int
ops_audit(struct ops_ctx *c, const char *actie, const char *object_soort,
    int64_t object_id, const char *resultaat, const char *toelichting)
{
	return ops_audit_persoon(c, actie, object_soort, object_id, 0, NULL,
	    resultaat, toelichting);
}

int
ops_audit_persoon(struct ops_ctx *c, const char *actie,
    const char *object_soort, int64_t object_id, int64_t inwoner_id,
    const char *doel, const char *resultaat, const char *toelichting)
{
	struct audit_rec a;

	audit_vul(c, &a, actie, resultaat, toelichting);
	a.object_soort = object_soort;
	a.object_id = object_id;
	a.inwoner_id = inwoner_id;
	a.doel = doel;
	return store_audit_insert(c->db, &a) == DB_OK ? 0 : audit_fout(c);
}

int
ops_audit_inzage(struct ops_ctx *c, const char *ids, const char *doel)
{
	struct audit_rec a;

	if (ids == NULL || *ids == '\0')
		return 0;
	audit_vul(c, &a, "inzien", GELUKT, "in een lijst");
	a.doel = doel;
	return store_audit_inzage(c->db, c->arena, &a, ids) == DB_OK ? 0 :
	    audit_fout(c);
}

/* db_rc never stays DB_OK here: a caller that reports a failure with rc
 * DB_OK (an audit row, a missing allocation) must still get a 5xx from the
 * handler. */
enum ops_uitkomst
ops_storing(struct ops_ctx *c, enum db_err rc, const char *where)
{
	/* The text in db->error belongs to the last statement that failed,
	 * which for a full arena is not this failure: say what it was. */
	if (rc == DB_NOMEM)
		log_error(where, "req=%s out of memory (the request's arena or a "
		    "scratch arena is full)", req_id(c));
	else
		log_error(where, "req=%s database: %s", req_id(c),
		    c->db->error[0] ? c->db->error : "(no detail)");
	ops_rollback(c);
	c->db_rc = rc == DB_OK ? DB_ERR : rc;
	return OPS_STORING;
}

enum ops_uitkomst
ops_terug(struct ops_ctx *c, enum ops_uitkomst u)
{
	ops_rollback(c);
	return u;
}

enum ops_uitkomst
ops_veldfout(struct ops_ctx *c, const char *veld, const char *melding)
{
	fout_melding(c->fouten, veld, melding);
	return ops_terug(c, OPS_VELDEN);
}

enum ops_uitkomst
ops_weiger(struct ops_ctx *c, enum ops_uitkomst u, const char *melding)
{
	c->melding = melding;
	return ops_terug(c, u);
}

/* A failed BEGIN is taken as a lost connection (DB_LOST): nothing was
 * asked of the data yet, so the handler answers 503 (try again), not 500. */
enum ops_uitkomst
ops_begin(struct ops_ctx *c)
{
	if (db_begin(c->db) != 0) {
		log_error("begin", "req=%s database: %s", req_id(c),
		    c->db->error[0] ? c->db->error : "(no detail)");
		c->db_rc = DB_LOST;
		return OPS_STORING;
	}
	c->open = 1;
	return OPS_OK;
}

int
ops_commit(struct ops_ctx *c)
{
	if (db_commit(c->db) != 0) {
		(void)ops_storing(c, DB_ERR, "commit");
		return -1;
	}
	c->open = 0;
	return 0;
}

void
ops_rollback(struct ops_ctx *c)
{
	/* Nothing to end when no transaction was begun: field errors cost
	 * no round trip. */
	if (c->open && c->db->conn != NULL)
		(void)db_rollback(c->db);
	c->open = 0;
}

int
ops_heeft_fouten(const struct ops_ctx *c)
{
	return c->fouten != NULL && json_object_array_length(c->fouten) > 0;
}

/* Runs inside the caller's transaction, so that an event and the
 * projections it changes (the ketenstatus; the figures' facts and
 * ketenstatus history, store/projectie.h) are committed together or not at
 * all; on failure the transaction is rolled back by ops_storing. */
enum ops_uitkomst
ops_projecties_bijwerken(struct ops_ctx *c, int64_t inwoner_id, int herzien)
{
	enum db_err rc;

	if ((rc = store_ketenstatus_bijwerken(c->db, c->arena, inwoner_id,
	    herzien)) != DB_OK ||
	    (rc = store_projectie_cijfers(c->db, c->arena, &inwoner_id, 1)) !=
	    DB_OK)
		return ops_storing(c, rc, "projecties");
	return OPS_OK;
}

int
ops_lees(struct ops_ctx *c, const struct veld *f, struct ops_tekst in,
    struct veld_waarde *out)
{
	enum veld_fout e;

	e = in.ongeldig ? VELD_ONGELDIGE_TEKENS : veld_lees(f, in.tekst, out);
	if (in.ongeldig && f->type == VELD_REF)
		e = VELD_GEEN_ID;
	if (e != VELD_OK) {
		fout_toevoegen(c->fouten, f->naam, f, e);
		return -1;
	}
	return 0;
}

char *
ops_kopie(struct ops_ctx *c, const struct veld_waarde *w)
{
	return arena_strndup(c->arena, w->tekst, w->len);
}
