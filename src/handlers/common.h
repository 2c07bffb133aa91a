/*
 * common.h — what many handlers do the same way: transactions that answer
 * for themselves on failure, audit rows, redirects, If-Match and
 * Idempotency-Key.
 */
#ifndef WZ_HANDLERS_COMMON_H
#define WZ_HANDLERS_COMMON_H

#include <stdint.h>

#include "db/exec.h"
#include "domain/veld.h"
#include "domain/veldfout.h"   /* fout_melding */
#include "ops/ops.h"

struct req;
struct json_object;
struct scope;

/*
 * The context of an operation (ops/ops.h) for this request and scope s
 * (NULL: none): the database, arena, principal, keys, route and address,
 * and a new, empty list of field errors that antwoord_uitkomst() frees.
 */
void	ops_ctx_van(struct req *, const struct scope *s, struct ops_ctx *c);
/*
 * Answers an outcome other than OPS_OK as problem+json or a problem page
 * (resp_problem picks): 422 with the field errors, 404, 409, 412, 403,
 * 503/500 — with c->melding where the operation gave one. Frees the field
 * errors in every case (also OPS_OK).
 */
void	antwoord_uitkomst(struct req *, struct ops_ctx *c, enum ops_uitkomst u);

/*
 * Writes an audit row for this request: the principal, the route
 * ("METHOD pattern"), the client address, and what is given. Returns 0, or
 * -1 when the row could not be written: the caller must then roll back and
 * answer with fail_db (fail closed).
 */
int	audit(struct req *, const char *actie, const char *object_soort,
	    int64_t object_id, const char *resultaat, const char *toelichting);

/*
 * An audit row about an inwoner's personal data (NEN 7513): as audit(),
 * with whose data (inwoner_id) and why (doel: "registratie",
 * "ketensamenwerking", "verantwoording", "avg-inzage", ...). Every read
 * and every write of an inwoner's data writes one, fail closed: when it
 * returns -1 nothing of that data may be shown (or kept).
 */
int	audit_persoon(struct req *, const char *actie, const char *object_soort,
	    int64_t object_id, int64_t inwoner_id, const char *doel,
	    const char *resultaat, const char *toelichting);
/*
 * The read of a list of inwoners: one row (actie "inzien", object
 * inwoner) per id in ids ("3,17,42", ids read from the database), in one
 * statement. "" writes nothing. Returns 0 or -1 as audit().
 */
int	audit_inzage(struct req *, const char *ids, const char *doel);
/* START TRANSACTION; on failure answers 503 and returns -1. */
int	tx_begin(struct req *);
/* COMMIT; on failure answers 500 and returns -1. */
int	tx_commit(struct req *);
/* ROLLBACK, ignoring errors (the connection may be gone). */
void	tx_rollback(struct req *);

/*
 * Logs the database error with the request id and answers with a generic
 * error: 503 when the connection was lost, 500 otherwise. Never shows SQL
 * or database text to the client.
 */
void	fail_db(struct req *, enum db_err, const char *where);


/*
 * Puts a form's field errors into a page context: "fouten" {"lijst": [...]}
 * for the summary (the formulierfouten partial) and "fout_<veld>" per
 * field, so each field can show its own message. Takes ownership of
 * fouten; an empty or NULL list adds nothing.
 */
void	pagina_fouten(struct req *, struct json_object *ctx,
	    struct json_object *fouten);

/* A periode code as a page shows it: "2024-H1 (eerste halfjaar 2024)";
 * the code itself when it says no more, "" for NULL. In the arena. */
const char	*pagina_periode(struct req *, const char *code);
/* "2025-06-01T10:00:00Z" as "2025-06-01 10:00 UTC"; NULL for NULL. */
const char	*pagina_tijd(struct req *, const char *op);

/*
 * A create that succeeded inside its transaction: answers 201 with obj
 * (ownership taken) and Location, and stores the answer under the
 * request's Idempotency-Key. Returns 0 (the caller commits), or -1 after
 * rolling back and answering an error.
 */
int	answer_created(struct req *, struct json_object *obj, const char *location);

/*
 * After a create or an update (transaction open): answers obj (ownership
 * taken) with its ETag when it has a "versie" — as answer_created() when
 * status is 201 (location, Idempotency-Key stored), else as status — and
 * commits.
 */
void	answer_written(struct req *, struct json_object *obj, int status,
	    const char *location);

/*
 * The version the client's If-Match names ("3" or "\"3\"", or a weak W/
 * form), or 0 when there is none or it is malformed.
 */
int64_t	if_match_version(const struct req *);
/*
 * The version a PUT's If-Match must name: > 0, or 0 after answering —
 * 428 when the header is missing, 400 when it names no version.
 */
int64_t	if_match_vereist(struct req *);

/*
 * Idempotency-Key handling for creates. idem_replay: when the request has a
 * key already answered for this user, replays that answer and returns 1;
 * returns 0 to go on, -1 after answering an error (e.g. the key was used
 * for another route: 422). idem_store: after a successful create, stores
 * the answer just made (r->res) under the key, in the same transaction;
 * returns 0 or -1 (answered).
 */
int	idem_replay(struct req *);
int	idem_store(struct req *, const char *locatie);

/* Sets ETag: "versie". */
void	zet_etag(struct req *, int64_t versie);
/*
 * A JSON value as text for veld_lees: strings as they are, numbers as they
 * were written. NULL for absent or null; *bad for other types.
 */
const char *json_tekst(struct json_object *, int *bad);

/* Text as a JSON string, or null / "" (for a template) when there is
 * none. */
struct json_object *tekst_of_null(const char *);
struct json_object *tekst_of_leeg(const char *);

/*
 * The "volgende" of a list answer ({items, volgende}): the cursor after
 * the last row shown (its id, as text) when more rows follow — laatste
 * points at that id — or null when the list is complete (laatste NULL).
 */
struct json_object *volgende_json(struct req *, const int64_t *laatste);

/* The limit and cursor (the last id of the previous page) of a list;
 * answers 400 for a bad one. Returns 0, or -1 (answered). */
int	lijst_grenzen(struct req *, int *limit, int64_t *after);
/* The body must be a JSON object (shape names its members for the
 * message); answers 400 otherwise. Returns 0 or -1 (answered). */
int	body_object(struct req *, const char *shape);
/* An optional id of the query string: 0 when absent or empty, -1 when it
 * is no id (getal_id's one spelling), else the id. */
int64_t	query_id(struct req *, const char *naam);

#endif
