/*
 * common.c — shared handler steps; see common.h.
 *
 * The words every file of handlers/ uses for its contracts:
 *  - "after answering": a function that returns -1 (or NULL) has put a
 *    problem or a page into r->res already; the caller only returns.
 *  - "taken": a json-c object passed in is the callee's, which puts it
 *    or hands it on on every path, errors included (resp_page takes its
 *    context, resp_json its object, resp_problem its errors); "borrowed"
 *    or "only read": the caller keeps it.
 *  - strings made for an answer live in the request arena and are freed
 *    with it when the worker resets it; nothing is freed by hand.
 *  - "fail closed": when an audit row cannot be written, what it was to
 *    record is neither shown nor kept.
 */
#include "config.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "core/log.h"
#include "db/db.h"
#include "domain/periode.h"
#include "domain/veld.h"
#include "handlers/common.h"
#include "http/request.h"
#include "http/response.h"
#include "store/idempotentie.h"

/* "POST /api/v1/organisaties": the route, for the audit log. The pattern,
 * not the path: the record a request is about is the row's object_id,
 * and a path with a secret in it (/wachtwoord-instellen/{token}) must not
 * write that secret into the append-only log. */
static const char *
route_text(struct req *r)
{
	const char *pattern = r->match.route ? r->match.route->pattern : r->path;

	return arena_printf(r->arena, "%s %s", r->method, pattern ? pattern : "");
}

/* "POST /api/v1/gebruikers/5/toekenningen": what an Idempotency-Key is
 * bound to — the same key on another record is another request. */
static const char *
request_text(struct req *r)
{
	return arena_printf(r->arena, "%s %s", r->method, r->path ? r->path : "");
}

/*
 * Everything but the field-error list is borrowed from the request and
 * lives as long as it does (the arena's strings included). The list is
 * the one thing the context owns: antwoord_uitkomst frees it, or a face
 * hands it on to a page (pagina_fouten) or a problem, which take it.
 */
void
ops_ctx_van(struct req *r, const struct scope *s, struct ops_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->db = r->db;
	c->arena = r->arena;
	c->who = &r->who;
	c->scope = s;
	c->seal = r->seal;
	c->route = route_text(r);
	c->adres = r->remote_addr;
	c->request_id = r->request_id;
	c->fouten = json_object_new_array();
}

/* A NULL melding leaves resp_problem the status's own sentence. The 422
 * hands the list to the problem, which takes it: hence the early return
 * before the put at the end. */
void
antwoord_uitkomst(struct req *r, struct ops_ctx *c, enum ops_uitkomst u)
{
	struct json_object *fouten = c->fouten;

	c->fouten = NULL;
	/* A handler may have set headers for a success it no longer sends. */
	if (u != OPS_OK)
		r->res.nheaders = 0;
	switch (u) {
	case OPS_OK:
		break;
	case OPS_VELDEN:
		resp_problem(r, 422, "Niet alle velden zijn goed ingevuld.",
		    fouten);
		return;
	case OPS_NIET_GEVONDEN:
		resp_problem(r, 404, c->melding, NULL);
		break;
	case OPS_CONFLICT:
		resp_problem(r, 409, c->melding, NULL);
		break;
	case OPS_VEROUDERD:
		resp_problem(r, 412, c->melding, NULL);
		break;
	case OPS_GEWEIGERD:
		resp_problem(r, 403, c->melding, NULL);
		break;
	case OPS_STORING:
		resp_problem(r, c->db_rc == DB_LOST ? 503 : 500, c->melding, NULL);
		break;
	}
	json_object_put(fouten);
}

/* An ops context for one audit row of a handler (no scope, no fouten). */
static void
audit_ctx(struct req *r, struct ops_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->db = r->db;
	c->arena = r->arena;
	c->who = &r->who;
	c->route = route_text(r);
	c->adres = r->remote_addr;
	c->request_id = r->request_id;
}

/* A handler's own reads are audited through the insert the operations
 * use (ops_audit and its kin), so a row reads the same whoever wrote it:
 * the same principal, the same route pattern, the same address. */
int
audit(struct req *r, const char *actie, const char *object_soort,
    int64_t object_id, const char *resultaat, const char *toelichting)
{
	struct ops_ctx c;

	audit_ctx(r, &c);
	return ops_audit(&c, actie, object_soort, object_id, resultaat,
	    toelichting);
}

int
audit_persoon(struct req *r, const char *actie, const char *object_soort,
    int64_t object_id, int64_t inwoner_id, const char *doel,
    const char *resultaat, const char *toelichting)
{
	struct ops_ctx c;

	audit_ctx(r, &c);
	return ops_audit_persoon(&c, actie, object_soort, object_id, inwoner_id,
	    doel, resultaat, toelichting);
}

int
audit_inzage(struct req *r, const char *ids, const char *doel)
{
	struct ops_ctx c;

	audit_ctx(r, &c);
	return ops_audit_inzage(&c, ids, doel);
}

/* A BEGIN that fails means the connection is gone: 503, try again. */
int
tx_begin(struct req *r)
{
	if (db_begin(r->db) != 0) {
		fail_db(r, DB_LOST, "begin");
		return -1;
	}
	return 0;
}

/* After a failed COMMIT the rollback makes sure that nothing stays open
 * on the connection, which the worker keeps for its next request. */
int
tx_commit(struct req *r)
{
	if (db_commit(r->db) != 0) {
		fail_db(r, DB_ERR, "commit");
		tx_rollback(r);
		return -1;
	}
	return 0;
}

/* conn is NULL once the connection was lost and not yet made again:
 * there is nothing to roll back then. */
void
tx_rollback(struct req *r)
{
	if (r->db->conn != NULL)
		(void)db_rollback(r->db);
}

/* where names the caller in the log line; the client only learns 503
 * (try again) or 500. */
void
fail_db(struct req *r, enum db_err rc, const char *where)
{
	log_error(where, "req=%s database: %s", r->request_id ? r->request_id : "-",
	    r->db->error[0] ? r->db->error : "(no detail)");
	/* A handler may have set headers for a success it no longer sends. */
	r->res.nheaders = 0;
	resp_problem(r, rc == DB_LOST ? 503 : 500, NULL, NULL);
}

/* The per-field entries are copies; the list itself moves into the
 * context, for the summary at the top of the form. */
void
pagina_fouten(struct req *r, struct json_object *ctx, struct json_object *fouten)
{
	struct json_object *f, *e, *veld, *melding;
	size_t i;

	if (fouten == NULL || json_object_array_length(fouten) == 0) {
		json_object_put(fouten);
		return;
	}
	for (i = 0; i < json_object_array_length(fouten); i++) {
		e = json_object_array_get_idx(fouten, i);
		if (json_object_object_get_ex(e, "veld", &veld) &&
		    json_object_object_get_ex(e, "melding", &melding))
			json_object_object_add(ctx, arena_printf(r->arena, "fout_%s",
			    json_object_get_string(veld)),
			    json_object_new_string(json_object_get_string(melding)));
	}
	f = json_object_new_object();
	json_object_object_add(f, "lijst", fouten);
	json_object_object_add(ctx, "fouten", f);
}

/* The answer is made first and stored second: what idem_store keeps
 * under the key is this status and body, so a replay is byte for byte
 * the answer the first request got. */
int
answer_created(struct req *r, struct json_object *obj, const char *location)
{
	resp_json(r, 201, obj);
	resp_header(r, "Location", location);
	if (idem_store(r, location) != 0) {
		tx_rollback(r);
		return -1;
	}
	return 0;
}

/* Eleven digits at most: a longer number is no version this server
 * handed out, and reading it as malformed (0) keeps the sum from
 * overflowing. Anything after the closing quote makes it malformed too. */
int64_t
if_match_version(const struct req *r)
{
	const char *p = r->if_match;
	int64_t v = 0;
	int digits = 0;

	if (p == NULL)
		return 0;
	if (strncmp(p, "W/", 2) == 0)
		p += 2;
	if (*p == '"')
		p++;
	for (; *p >= '0' && *p <= '9' && digits < 12; p++, digits++)
		v = v * 10 + (*p - '0');
	if (digits == 0 || digits == 12)
		return 0;
	if (*p == '"')
		p++;
	return *p == '\0' ? v : 0;
}

/*
 * A key belongs to a user (two users may pick the same one) and is bound
 * to the request's method and path, not its body: the same key on
 * another record is refused (422) rather than answered with another
 * record's answer. A replay says so in Idempotent-Replayed.
 */
int
idem_replay(struct req *r)
{
	struct idem_answer ans;
	const char *k = r->idempotency_key;
	enum db_err rc;
	int found;

	if (k == NULL)
		return 0;
	if (*k == '\0' || strlen(k) > 128) {
		resp_problem(r, 400, "De Idempotency-Key is leeg of langer dan 128 tekens.",
		    NULL);
		return -1;
	}
	if ((rc = store_idem_get(r->db, r->arena, r->who.gebruiker_id, k, &ans,
	    &found)) != DB_OK) {
		fail_db(r, rc, "idempotency");
		return -1;
	}
	if (!found)
		return 0;
	if (strcmp(ans.route, request_text(r)) != 0) {
		resp_problem(r, 422, "Deze Idempotency-Key is al gebruikt voor een "
		    "andere aanvraag.", NULL);
		return -1;
	}
	resp_json_text(r, ans.status, ans.body, strlen(ans.body));
	if (ans.locatie != NULL)
		resp_header(r, "Location", ans.locatie);
	resp_header(r, "Idempotent-Replayed", "true");
	return 1;
}

/* No key, nothing to store. The answer in r->res is kept as it stands:
 * call this after the answer is made, in the create's transaction. */
int
idem_store(struct req *r, const char *locatie)
{
	struct idem_answer ans;
	enum db_err rc;

	if (r->idempotency_key == NULL)
		return 0;
	ans.route = request_text(r);
	ans.status = r->res.status;
	ans.locatie = locatie;
	ans.body = r->res.body.len > 0 ? r->res.body.data : "";
	if ((rc = store_idem_put(r->db, r->who.gebruiker_id, r->idempotency_key,
	    &ans)) != DB_OK) {
		/* DB_DUPLICATE: a concurrent request with the same key won; the
		 * caller rolls back and the client's retry replays its answer. */
		r->res.nheaders = 0;
		if (rc == DB_DUPLICATE)
			resp_problem(r, 409, "Een aanvraag met deze Idempotency-Key "
			    "wordt al verwerkt. Probeer het zo opnieuw.", NULL);
		else
			fail_db(r, rc, "idempotency");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ small helpers
 * of every handler: dates, ETags, numbers in query strings, field errors,
 * JSON values as text. */

/* A strong ETag, quoted; if_match_version reads it back with or without
 * the quotes, and in the weak W/ form some proxies make of it. */
void
zet_etag(struct req *r, int64_t versie)
{
	char etag[32];

	snprintf(etag, sizeof(etag), "\"%lld\"", (long long)versie);
	resp_header(r, "ETag", etag);
}

/*
 * A JSON value as text: strings as they are, numbers as they were written
 * (json-c keeps the text), so one parser (veld_lees) judges both faces.
 * NULL for absent or null; *bad for booleans, objects and arrays.
 */
const char *
json_tekst(struct json_object *v, int *bad)
{
	*bad = 0;
	if (v == NULL)
		return NULL;
	switch (json_object_get_type(v)) {
	case json_type_null:
		return NULL;
	case json_type_string:
	case json_type_int:
	case json_type_double:
		return json_object_get_string(v);
	default:
		*bad = 1;
		return NULL;
	}
}

/* A failed commit is answered by tx_commit itself (500), which replaces
 * the answer made here: the client never sees a success not stored. */
void
answer_written(struct req *r, struct json_object *obj, int status,
    const char *location)
{
	struct json_object *versie;

	if (json_object_object_get_ex(obj, "versie", &versie))
		zet_etag(r, json_object_get_int64(versie));
	if (status == 201) {
		if (answer_created(r, obj, location) != 0)
			return;
	} else {
		resp_json(r, status, obj);
	}
	(void)tx_commit(r);
}

/* json-c's NULL is JSON null: added to an object it writes "key": null,
 * so an absent value keeps its key in the answer. */
struct json_object *
tekst_of_null(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

struct json_object *
tekst_of_leeg(const char *s)
{
	return json_object_new_string(s != NULL ? s : "");
}

/* A string: the client hands the cursor back as ?cursor= without
 * reading it. */
struct json_object *
volgende_json(struct req *r, const int64_t *laatste)
{
	return laatste != NULL ? json_object_new_string(arena_printf(r->arena,
	    "%lld", (long long)*laatste)) : NULL;
}

/*
 * A cursor that is not an id is refused rather than read as "from the
 * top": a client that mangled it would otherwise get the first page again
 * and again without noticing. The limit's bounds are core/limits.h's,
 * the same for every list.
 */
int
lijst_grenzen(struct req *r, int *limit, int64_t *after)
{
	const char *l = kv_get(&r->query, "limit"), *c = kv_get(&r->query, "cursor");
	int64_t v;

	*limit = WZ_LIST_DEFAULT;
	*after = 0;
	if (l != NULL) {
		v = getal_id(l, strlen(l));
		if (v < 1 || v > WZ_LIST_MAX) {
			resp_problem(r, 400, "limit moet een geheel getal van 1 tot en "
			    "met 500 zijn.", NULL);
			return -1;
		}
		*limit = (int)v;
	}
	if (c != NULL && (*after = getal_id(c, strlen(c))) == 0) {
		resp_problem(r, 400, "Deze cursor is ongeldig; gebruik de waarde van "
		    "'volgende' uit het vorige antwoord.", NULL);
		return -1;
	}
	return 0;
}

int
body_object(struct req *r, const char *shape)
{
	if (r->json != NULL && json_object_is_type(r->json, json_type_object))
		return 0;
	resp_problem(r, 400, arena_printf(r->arena, "Stuur een JSON-object: %s.",
	    shape), NULL);
	return -1;
}

int64_t
query_id(struct req *r, const char *naam)
{
	const char *s = kv_get(&r->query, naam);
	int64_t v;

	if (s == NULL || *s == '\0')
		return 0;
	return (v = getal_id(s, strlen(s))) > 0 ? v : -1;
}

const char *
pagina_periode(struct req *r, const char *code)
{
	struct periode p;
	char b[64];

	if (code == NULL || periode_lees_str(code, &p) != 0)
		return code != NULL ? code : "";
	periode_label(&p, b, sizeof(b));
	if (strcmp(b, code) == 0)
		return code;
	return arena_printf(r->arena, "%s (%s)", code, b);
}

const char *
pagina_tijd(struct req *r, const char *op)
{
	if (op == NULL || strlen(op) < 16)
		return op;
	return arena_printf(r->arena, "%.10s %.5s UTC", op, op + 11);
}

int64_t
if_match_vereist(struct req *r)
{
	int64_t versie = if_match_version(r);

	if (versie > 0)
		return versie;
	resp_problem(r, r->if_match == NULL ? 428 : 400, r->if_match == NULL ?
	    NULL : "If-Match moet de versie bevatten, bijvoorbeeld \"3\".", NULL);
	return 0;
}
