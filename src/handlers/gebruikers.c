/*
 * gebruikers.c — user accounts, their grants (toekenningen), one-time links
 * to set a password, and API tokens: the admin pages, the JSON API, and the
 * public page behind a one-time link.
 *
 * Routes (besides 401/403 from the front gate, 400/415 for a bad body and
 * 500/503 when the database fails, each may answer):
 *   GET    /beheer/gebruikers                        200
 *   GET    /beheer/gebruikers/nieuw                  200
 *   POST   /beheer/gebruikers/nieuw                  200 (the new link, once); 422
 *   GET    /beheer/gebruikers/{id}                   200; 404
 *   POST   /beheer/gebruikers/{id}                   303; 404; 409 (changed
 *                                                    meanwhile); 422
 *   POST   /beheer/gebruikers/{id}/toekenningen      303; 404; 422
 *   POST   /beheer/gebruikers/{id}/toekenningen/{tid}/verwijderen
 *                                                    303; 404; 422
 *   POST   /beheer/gebruikers/{id}/link              200 (the link, once); 404; 422
 *   GET    /beheer/tokens                            200
 *   POST   /beheer/tokens                            200 (the token, once); 422
 *   POST   /beheer/tokens/{id}/intrekken             303; 404
 *   GET    /wachtwoord-instellen/{token}             200; 404 (unknown, used or
 *                                                    expired link, or disabled user)
 *   POST   /wachtwoord-instellen/{token}             303 to /inloggen; 404; 422
 *   GET    /api/v1/gebruikers                        200; 400
 *   POST   /api/v1/gebruikers                        201; 409; 422
 *   GET    /api/v1/gebruikers/{id}                   200; 404
 *   PUT    /api/v1/gebruikers/{id}                   200; 404; 412; 422; 428
 *   POST   /api/v1/gebruikers/{id}/wachtwoordlink    201; 404; 422
 *   POST   /api/v1/gebruikers/{id}/toekenningen      201; 404; 409; 422
 *   DELETE /api/v1/gebruikers/{id}/toekenningen/{tid} 204; 404; 422
 *   GET    /api/v1/tokens                            200; 400
 *   POST   /api/v1/tokens                            201; 409; 422
 *   GET    /api/v1/tokens/{id}                       200
 *   DELETE /api/v1/tokens/{id}                       204; 404
 *
 * Secrets: a one-time link and an API token are made here, shown exactly
 * once in the answer to the request that made them, and stored only as a
 * hash. They never go into a log line, an audit row or the idempotency
 * table (a replayed create answers with the secret as null). Pages that
 * show one are sent with Cache-Control: no-store.
 *
 * Every change runs in one transaction with its audit row; when the audit
 * row cannot be written, nothing is changed (fail closed). The op_*
 * functions below do the change and its audit row and leave the
 * transaction open on OP_OK, so the API can store its Idempotency-Key
 * answer in it; the caller commits. On any other outcome they have rolled
 * back (and on OP_ANSWERED already answered with an error).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "core/passhash.h"
#include "core/secret.h"
#include "db/db.h"
#include "domain/password.h"
#include "domain/policy.h"
#include "domain/rol.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "store/gebruiker.h"
#include "store/sessie.h"
#include "store/token.h"

#define USERNAME_MIN		3      /* gebruikersnaam, bytes of [a-z0-9._-] */
#define USERNAME_MAX		64
#define TEXT_MAX_CHARS		200    /* naam of a user or a token */
#define LIST_DEFAULT		WZ_LIST_DEFAULT
#define LIST_MAX		WZ_LIST_MAX
#define PAGE_USERS		100    /* rows per admin page */
#define LINK_PREFIX		"/wachtwoord-instellen/"

enum op_result {
	OP_OK = 0,       /* done; the transaction is still open */
	OP_INVALID,      /* field errors in *fouten; nothing written */
	OP_NOT_FOUND,    /* no such user, grant or token; nothing written */
	OP_STALE,        /* the version does not match; nothing written */
	OP_GONE,         /* a link that is used, expired or of a disabled user */
	OP_ANSWERED,     /* an error response is set; rolled back */
};

/* ------------------------------------------------------------ helpers */

static void
add_str(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ? json_object_new_string(v) : NULL);
}

/* A positive id written in decimal without sign or leading zero, or 0. */
static int64_t
parse_id(const char *s)
{
	return s != NULL ? getal_id(s, strlen(s)) : 0;
}

/* Whether s is a gebruikersnaam: USERNAME_MIN..USERNAME_MAX of [a-z0-9._-]. */
static int
valid_username(const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0;

	if (len < USERNAME_MIN || len > USERNAME_MAX)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == len;
}

/*
 * A name as entered (forms and JSON bodies are valid UTF-8 by the time
 * they get here): trimmed of surrounding spaces; NULL with *why when it is
 * empty, longer than max code points, or holds a control character.
 */
static const char *
clean_text(struct req *r, const char *s, size_t max, const char **why)
{
	const unsigned char *p;
	size_t len, chars = 0;

	if (s == NULL)
		s = "";
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0) {
		*why = "Vul dit veld in.";
		return NULL;
	}
	for (p = (const unsigned char *)s; p < (const unsigned char *)s + len; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*why = "Gebruik geen regeleinden of andere stuurtekens.";
			return NULL;
		}
		if ((*p & 0xc0) != 0x80)
			chars++;
	}
	if (chars > max) {
		*why = arena_printf(r->arena, "Gebruik hoogstens %zu tekens.", max);
		return NULL;
	}
	return arena_strndup(r->arena, s, len);
}

/* "/wachtwoord-instellen/<token>" in the arena. */
static const char *
link_path(struct req *r, const char *token)
{
	return arena_printf(r->arena, LINK_PREFIX "%s", token);
}

/* {pad, url, verloopt_op}: what a page shows of a link just made. The URL
 * uses the host the beheerder is on, for them to pass on. */
static struct json_object *
link_json(struct req *r, const char *token, const char *verloopt_op)
{
	struct json_object *o = json_object_new_object();
	const char *pad = link_path(r, token);

	add_str(o, "pad", pad);
	if (r->host != NULL && r->scheme != NULL)
		add_str(o, "url", arena_printf(r->arena, "%s://%s%s", r->scheme,
		    r->host, pad));
	else
		add_str(o, "url", pad);
	add_str(o, "verloopt_op", verloopt_op);
	return o;
}

/* Answers 400 for a bad limit or cursor; else fills them (the cursor is
 * the last id of the previous page). Returns 0 or -1 (answered). */
static int
list_params(struct req *r, int *limit, int64_t *after)
{
	const char *l = kv_get(&r->query, "limit"), *c = kv_get(&r->query, "cursor");
	int64_t v;

	*limit = LIST_DEFAULT;
	*after = 0;
	if (l != NULL) {
		v = parse_id(l);
		if (v < 1 || v > LIST_MAX) {
			resp_problem(r, 400, "limit moet een geheel getal van 1 tot en "
			    "met 500 zijn.", NULL);
			return -1;
		}
		*limit = (int)v;
	}
	if (c != NULL && (*after = parse_id(c)) == 0) {
		resp_problem(r, 400, "Deze cursor is ongeldig; gebruik de waarde van "
		    "'volgende' uit het vorige antwoord.", NULL);
		return -1;
	}
	return 0;
}

/* Sends the problem for an op outcome other than OP_OK/OP_ANSWERED. */
static void
op_problem(struct req *r, enum op_result res, struct json_object *fouten,
    const char *what)
{
	switch (res) {
	case OP_INVALID:
		resp_problem(r, 422, "Niet alle gegevens zijn in orde.", fouten);
		return;
	case OP_NOT_FOUND:
		json_object_put(fouten);
		resp_problem(r, 404, what, NULL);
		return;
	case OP_STALE:
		json_object_put(fouten);
		resp_problem(r, 412, "Deze gebruiker is intussen gewijzigd. Haal de "
		    "huidige versie op en probeer het opnieuw.", NULL);
		return;
	case OP_GONE:
	case OP_OK:
	case OP_ANSWERED:
		json_object_put(fouten);
		return;
	}
}

/* Rolls back and answers with a generic error; for the op_* functions. */
static enum op_result
op_fail(struct req *r, enum db_err rc, const char *where)
{
	tx_rollback(r);
	fail_db(r, rc, where);
	return OP_ANSWERED;
}

/* ------------------------------------------------------------ JSON */

/* The grants of a list row as role codes, deduplicated. */
static struct json_object *
roles_json(const char *grants)
{
	struct json_object *a = json_object_new_array();
	struct grant g[MAX_GRANTS];
	unsigned roles;

	(void)grants_parse(grants, g, MAX_GRANTS, &roles);
	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1)
		if (roles & bit)
			json_object_array_add(a,
			    json_object_new_string(rol_code((enum rol)bit)));
	return a;
}

static struct json_object *
grant_json(const struct toekenning_rec *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	add_str(o, "rol", rol_code(t->rol));
	add_str(o, "rol_naam", rol_label(t->rol));
	add_str(o, "scope_soort", scope_code(t->scope));
	json_object_object_add(o, "scope_id", json_object_new_int64(t->scope_id));
	add_str(o, "scope_naam", t->scope == SCOPE_GEMEENTE ? "Gemeente" :
	    t->scope_naam);
	add_str(o, "aangemaakt_op", t->aangemaakt_op);
	return o;
}

/* A user as the API shows it; grants (n of them) only for one user. */
static struct json_object *
user_json(const struct gebruiker_rec *g, const struct toekenning_rec *grants,
    size_t n, int with_grants)
{
	struct json_object *o = json_object_new_object(), *a, *rollen;
	unsigned roles = 0;
	size_t i;

	json_object_object_add(o, "id", json_object_new_int64(g->id));
	json_object_object_add(o, "versie", json_object_new_int64(g->versie));
	add_str(o, "gebruikersnaam", g->gebruikersnaam);
	add_str(o, "naam", g->naam);
	json_object_object_add(o, "actief", json_object_new_boolean(g->actief));
	json_object_object_add(o, "wachtwoord_ingesteld",
	    json_object_new_boolean(g->wachtwoord_ingesteld));
	add_str(o, "aangemaakt_op", g->aangemaakt_op);
	add_str(o, "wachtwoord_op", g->wachtwoord_op);
	if (!with_grants) {
		json_object_object_add(o, "rollen", roles_json(g->toekenningen));
		return o;
	}
	a = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object_array_add(a, grant_json(&grants[i]));
		roles |= grants[i].rol;
	}
	rollen = json_object_new_array();
	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1)
		if (roles & bit)
			json_object_array_add(rollen,
			    json_object_new_string(rol_code((enum rol)bit)));
	json_object_object_add(o, "rollen", rollen);
	json_object_object_add(o, "toekenningen", a);
	return o;
}

static struct json_object *
token_json(const struct token_rec *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	json_object_object_add(o, "versie", json_object_new_int64(t->versie));
	add_str(o, "naam", t->naam);
	json_object_object_add(o, "gebruiker_id",
	    json_object_new_int64(t->gebruiker_id));
	add_str(o, "gebruikersnaam", t->gebruikersnaam);
	json_object_object_add(o, "aangemaakt_door_id",
	    json_object_new_int64(t->aangemaakt_door));
	add_str(o, "aangemaakt_door", t->aangemaakt_door_naam);
	add_str(o, "aangemaakt_op", t->aangemaakt_op);
	add_str(o, "ingetrokken_op", t->ingetrokken_op);
	json_object_object_add(o, "ingetrokken",
	    json_object_new_boolean(t->ingetrokken_op != NULL));
	return o;
}

/*
 * Reads string member key of the JSON body. Returns the string (json-c's,
 * valid for the request), or NULL: absent (nothing added) or not a string
 * (an error for veld added to fouten). A string with an embedded NUL is
 * refused as well.
 */
static const char *
body_str(struct req *r, const char *key, struct json_object *fouten)
{
	struct json_object *v;
	const char *s;

	if (!json_object_object_get_ex(r->json, key, &v) || v == NULL)
		return NULL;
	if (!json_object_is_type(v, json_type_string) ||
	    strlen(s = json_object_get_string(v)) !=
	    (size_t)json_object_get_string_len(v)) {
		fout_melding(fouten, key, "Moet tekst zijn.");
		return NULL;
	}
	return s;
}

/* The body must be an object; answers 400 otherwise. Returns 0 or -1. */
static int
body_object(struct req *r, const char *shape)
{
	if (r->json != NULL && json_object_is_type(r->json, json_type_object))
		return 0;
	resp_problem(r, 400, arena_printf(r->arena, "Stuur een JSON-object: %s.",
	    shape), NULL);
	return -1;
}

/* ------------------------------------------------------------ operations */

/*
 * Makes a one-time link for user id in the open transaction, with its
 * audit row. token gets the link's secret. Returns 0, or -1 (the caller
 * rolls back and answers).
 */
static int
issue_link(struct req *r, int64_t id, char token[TOKEN_LEN + 1],
    const char **verloopt_op, enum db_err *rc)
{
	char hash[TOKEN_HASH_LEN + 1];

	token_new(token);
	token_hash(token, hash);
	if ((*rc = store_link_issue(r->db, r->arena, id, hash, verloopt_op))
	    != DB_OK)
		return -1;
	if (audit(r, "wachtwoordlink_uitgeven", "gebruiker", id, GELUKT,
	    "eenmalige link, 7 dagen geldig; eerdere ongebruikte links vervallen")
	    != 0) {
		*rc = DB_ERR;
		return -1;
	}
	return 0;
}

/* Creates a user without a password and a one-time link for them. */
static enum op_result
op_create(struct req *r, const char *gebruikersnaam, const char *naam_in,
    struct json_object *fouten, int64_t *id, char token[TOKEN_LEN + 1],
    const char **verloopt_op)
{
	const char *naam, *why = NULL;
	enum db_err rc;

	if (!valid_username(gebruikersnaam))
		fout_melding(fouten, "gebruikersnaam", "Gebruik 3 tot 64 tekens: kleine "
		    "letters, cijfers, punt, liggend streepje of laag streepje.");
	if ((naam = clean_text(r, naam_in, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(fouten, "naam", why);
	if (json_object_array_length(fouten) > 0)
		return OP_INVALID;
	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	rc = store_gebruiker_insert(r->db, gebruikersnaam, naam, id);
	if (rc == DB_DUPLICATE) {
		tx_rollback(r);
		fout_melding(fouten, "gebruikersnaam", "Deze gebruikersnaam bestaat al.");
		return OP_INVALID;
	}
	if (rc != DB_OK)
		return op_fail(r, rc, "gebruiker_create");
	if (audit(r, "aanmaken", "gebruiker", *id, GELUKT, "zonder wachtwoord") != 0 ||
	    issue_link(r, *id, token, verloopt_op, &rc) != 0)
		return op_fail(r, DB_ERR, "gebruiker_create");
	return OP_OK;
}

/* A new link for an existing, active user. */
static enum op_result
op_link(struct req *r, int64_t id, struct json_object *fouten,
    char token[TOKEN_LEN + 1], const char **verloopt_op)
{
	struct gebruiker_rec g;
	enum db_err rc;
	int found;

	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if ((rc = store_gebruiker_get(r->db, r->arena, id, 1, &g, &found)) != DB_OK)
		return op_fail(r, rc, "gebruiker_link");
	if (!found) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if (!g.actief) {
		tx_rollback(r);
		fout_melding(fouten, "actief", "Dit account is uitgeschakeld: schakel het "
		    "eerst in, anders werkt de link niet.");
		return OP_INVALID;
	}
	if (issue_link(r, id, token, verloopt_op, &rc) != 0)
		return op_fail(r, rc, "gebruiker_link");
	return OP_OK;
}

/*
 * Sets naam and actief when the version matches. Disabling ends every
 * session of the user in the same transaction; their API tokens stop
 * working because token lookup requires an active user.
 */
static enum op_result
op_update(struct req *r, int64_t id, int64_t versie, const char *naam_in,
    int actief, struct json_object *fouten)
{
	struct gebruiker_rec g;
	const char *naam, *why = NULL, *toelichting;
	enum db_err rc;
	int found, changed;

	if ((naam = clean_text(r, naam_in, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(fouten, "naam", why);
	if (!actief && id == r->who.gebruiker_id)
		fout_melding(fouten, "actief", "U kunt uw eigen account niet "
		    "uitschakelen.");
	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if ((rc = store_gebruiker_get(r->db, r->arena, id, 1, &g, &found)) != DB_OK)
		return op_fail(r, rc, "gebruiker_update");
	if (!found) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if (json_object_array_length(fouten) > 0) {
		tx_rollback(r);
		return OP_INVALID;
	}
	if (g.versie != versie) {
		tx_rollback(r);
		return OP_STALE;
	}
	if ((rc = store_gebruiker_update(r->db, id, versie, naam, actief, &changed))
	    != DB_OK)
		return op_fail(r, rc, "gebruiker_update");
	if (!changed) {
		tx_rollback(r);
		return OP_STALE;
	}
	if (g.actief && !actief) {
		if ((rc = store_sessie_delete_user(r->db, id)) != DB_OK)
			return op_fail(r, rc, "gebruiker_update");
		toelichting = "uitgeschakeld: alle sessies beëindigd, tokens werken niet meer";
	} else if (!g.actief && actief) {
		toelichting = "ingeschakeld";
	} else {
		toelichting = strcmp(g.naam ? g.naam : "", naam) != 0 ? "naam" :
		    "ongewijzigd";
	}
	if (audit(r, "wijzigen", "gebruiker", id, GELUKT, toelichting) != 0)
		return op_fail(r, DB_ERR, "gebruiker_update");
	return OP_OK;
}

/* What a role's scope must be, for an error message. */
static const char *
scope_rule(enum rol rol)
{
	switch (rol) {
	case ROL_BEHEERDER:
	case ROL_CONTRACTMANAGER:
	case ROL_AUDITOR:
		return "Deze rol geldt voor de hele gemeente: kies Gemeente.";
	case ROL_MEDEWERKER:
	case ROL_TEAMLEIDER:
		return "Deze rol geldt voor een organisatie of een wijkteam.";
	case ROL_KETENPARTNER:
		return "Deze rol geldt voor een organisatie.";
	case ROL_REGISSEUR:
		return "Deze rol geldt voor een keten.";
	}
	return "Deze reikwijdte past niet bij de rol.";
}

/*
 * Adds a grant after checking that the scope fits the role
 * (rol_scope_allowed) and that the scope's record exists. veld_rol and
 * veld_scope name the fields in error messages (form and API differ).
 */
static enum op_result
op_grant_add(struct req *r, int64_t id, enum rol rol, int scope,
    int64_t scope_id, const char *veld_rol, const char *veld_scope,
    const char *veld_scope_id, struct json_object *fouten, int64_t *tid)
{
	struct gebruiker_rec g;
	enum db_err rc;
	int found, exists;

	if (rol == 0)
		fout_melding(fouten, veld_rol, "Kies een rol.");
	if (scope < 0)
		fout_melding(fouten, veld_scope, "Kies een reikwijdte.");
	else if (rol != 0 && !rol_scope_allowed(rol, (enum scope_soort)scope))
		fout_melding(fouten, veld_scope, scope_rule(rol));
	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if ((rc = store_gebruiker_get(r->db, r->arena, id, 1, &g, &found)) != DB_OK)
		return op_fail(r, rc, "toekenning_add");
	if (!found) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if (json_object_array_length(fouten) == 0) {
		if ((rc = store_scope_exists(r->db, r->arena, (enum scope_soort)scope,
		    scope_id, &exists)) != DB_OK)
			return op_fail(r, rc, "toekenning_add");
		if (!exists)
			fout_melding(fouten, veld_scope_id, scope == SCOPE_GEMEENTE ?
			    "Bij de gemeente hoort geen scope_id (of 0)." :
			    arena_printf(r->arena, "Deze %s bestaat niet.",
			    scope_code((enum scope_soort)scope)));
	}
	if (json_object_array_length(fouten) > 0) {
		tx_rollback(r);
		return OP_INVALID;
	}
	rc = store_toekenning_insert(r->db, id, rol, (enum scope_soort)scope,
	    scope_id, tid);
	if (rc == DB_DUPLICATE) {
		tx_rollback(r);
		fout_melding(fouten, veld_rol, "Deze gebruiker heeft deze rol al, met "
		    "deze reikwijdte.");
		return OP_INVALID;
	}
	if (rc != DB_OK || (rc = store_gebruiker_bump(r->db, id)) != DB_OK)
		return op_fail(r, rc, "toekenning_add");
	if (audit(r, "toekenning_toevoegen", "gebruiker", id, GELUKT,
	    arena_printf(r->arena, "toekenning %lld: %s, %s %lld", (long long)*tid,
	    rol_code(rol), scope_code((enum scope_soort)scope),
	    (long long)scope_id)) != 0)
		return op_fail(r, DB_ERR, "toekenning_add");
	return OP_OK;
}

/* Removes grant tid of user id. One's own beheerder grant stays: removing
 * it could leave nobody to manage users. */
static enum op_result
op_grant_remove(struct req *r, int64_t id, int64_t tid,
    struct json_object *fouten)
{
	struct toekenning_rec t;
	enum db_err rc;
	int found, removed;

	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if ((rc = store_toekenning_get(r->db, r->arena, id, tid, &t, &found))
	    != DB_OK)
		return op_fail(r, rc, "toekenning_remove");
	if (!found) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if (id == r->who.gebruiker_id && t.rol == ROL_BEHEERDER) {
		tx_rollback(r);
		fout_melding(fouten, "toekenningen", "U kunt uw eigen rol beheerder niet "
		    "intrekken; laat een andere beheerder dat doen.");
		return OP_INVALID;
	}
	if ((rc = store_toekenning_delete(r->db, id, tid, &removed)) != DB_OK)
		return op_fail(r, rc, "toekenning_remove");
	if (!removed) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if ((rc = store_gebruiker_bump(r->db, id)) != DB_OK)
		return op_fail(r, rc, "toekenning_remove");
	if (audit(r, "toekenning_verwijderen", "gebruiker", id, GELUKT,
	    arena_printf(r->arena, "toekenning %lld: %s, %s %lld", (long long)tid,
	    rol_code(t.rol), scope_code(t.scope), (long long)t.scope_id)) != 0)
		return op_fail(r, DB_ERR, "toekenning_remove");
	return OP_OK;
}

/* Issues an API token for an active user. */
static enum op_result
op_token_issue(struct req *r, const char *naam_in, int64_t gebruiker_id,
    const char *veld_gebruiker, struct json_object *fouten, int64_t *id,
    char token[TOKEN_LEN + 1])
{
	char hash[TOKEN_HASH_LEN + 1];
	struct gebruiker_rec g;
	const char *naam, *why = NULL;
	enum db_err rc;
	int found = 0;

	if ((naam = clean_text(r, naam_in, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(fouten, "naam", why);
	if (gebruiker_id <= 0)
		fout_melding(fouten, veld_gebruiker, "Kies de gebruiker namens wie het "
		    "token werkt.");
	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if (gebruiker_id > 0) {
		if ((rc = store_gebruiker_get(r->db, r->arena, gebruiker_id, 1, &g,
		    &found)) != DB_OK)
			return op_fail(r, rc, "token_issue");
		if (!found)
			fout_melding(fouten, veld_gebruiker, "Deze gebruiker bestaat niet.");
		else if (!g.actief)
			fout_melding(fouten, veld_gebruiker, "Deze gebruiker is "
			    "uitgeschakeld; een token zou niet werken.");
	}
	if (json_object_array_length(fouten) > 0) {
		tx_rollback(r);
		return OP_INVALID;
	}
	token_new(token);
	token_hash(token, hash);
	if ((rc = store_token_insert(r->db, naam, hash, gebruiker_id,
	    r->who.gebruiker_id, id)) != DB_OK)
		return op_fail(r, rc, "token_issue");
	if (audit(r, "token_uitgeven", "api_token", *id, GELUKT,
	    arena_printf(r->arena, "voor gebruiker %lld", (long long)gebruiker_id))
	    != 0)
		return op_fail(r, DB_ERR, "token_issue");
	return OP_OK;
}

/* Revokes a token. *noop = 1 when it was revoked before (nothing written,
 * the transaction is closed; still OP_OK). */
static enum op_result
op_token_revoke(struct req *r, int64_t id, int *noop)
{
	struct token_rec t;
	enum db_err rc;
	int found, revoked;

	*noop = 0;
	if (tx_begin(r) != 0)
		return OP_ANSWERED;
	if ((rc = store_token_get(r->db, r->arena, id, &t, &found)) != DB_OK)
		return op_fail(r, rc, "token_revoke");
	if (!found) {
		tx_rollback(r);
		return OP_NOT_FOUND;
	}
	if ((rc = store_token_revoke(r->db, id, &revoked)) != DB_OK)
		return op_fail(r, rc, "token_revoke");
	if (!revoked) {
		tx_rollback(r);
		*noop = 1;
		return OP_OK;
	}
	if (audit(r, "token_intrekken", "api_token", id, GELUKT,
	    arena_printf(r->arena, "van gebruiker %lld", (long long)t.gebruiker_id))
	    != 0)
		return op_fail(r, DB_ERR, "token_revoke");
	return OP_OK;
}

/* ------------------------------------------------------------ pages */

static void
no_store(struct req *r)
{
	resp_header(r, "Cache-Control", "no-store");
}

/* "Gemeente", the scope's name, or "organisatie 12" when it has none. */
static const char *
scope_label(struct req *r, const struct scope_rec *scopes, size_t n,
    enum scope_soort scope, int64_t id, const char *naam)
{
	size_t i;

	if (scope == SCOPE_GEMEENTE)
		return "Gemeente";
	if (naam != NULL)
		return naam;
	for (i = 0; i < n; i++)
		if (scopes[i].scope == scope && scopes[i].id == id)
			return scopes[i].naam;
	return arena_printf(r->arena, "%s %lld", scope_code(scope), (long long)id);
}

/* GET /beheer/gebruikers — every user, PAGE_USERS a page (?na=<last id>). */
static void
handle_list_page(struct req *r)
{
	struct json_object *ctx, *rows, *row;
	struct gebruiker_rec *g;
	struct scope_rec *scopes;
	struct grant gr[MAX_GRANTS];
	size_t n, ns, i, k, ng;
	unsigned roles;
	int64_t after = parse_id(kv_get(&r->query, "na"));
	enum db_err rc;
	struct buf b;

	if ((rc = store_gebruiker_list(r->db, r->arena, after, PAGE_USERS + 1, &g,
	    &n)) != DB_OK ||
	    (rc = store_scope_list(r->db, r->arena, &scopes, &ns)) != DB_OK) {
		fail_db(r, rc, "gebruikers_page");
		return;
	}
	ctx = json_object_new_object();
	add_str(ctx, "titel", "Gebruikers");
	rows = json_object_new_array();
	for (i = 0; i < n && i < PAGE_USERS; i++) {
		row = json_object_new_object();
		json_object_object_add(row, "id", json_object_new_int64(g[i].id));
		add_str(row, "gebruikersnaam", g[i].gebruikersnaam);
		add_str(row, "naam", g[i].naam);
		json_object_object_add(row, "actief", json_object_new_boolean(g[i].actief));
		ng = grants_parse(g[i].toekenningen, gr, MAX_GRANTS, &roles);
		buf_init(&b, r->arena);
		for (k = 0; k < ng; k++)
			buf_puts(&b, arena_printf(r->arena, "%s%s (%s)", k ? "; " : "",
			    rol_label(gr[k].rol), scope_label(r, scopes, ns, gr[k].scope,
			    gr[k].scope_id, NULL)));
		add_str(row, "rollen", b.len > 0 ? arena_strndup(r->arena, b.data,
		    b.len) : "");
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "gebruikers", rows);
	if (n > PAGE_USERS)
		add_str(ctx, "volgende", arena_printf(r->arena, "/beheer/gebruikers?na=%lld",
		    (long long)g[PAGE_USERS - 1].id));
	if (after > 0)
		add_str(ctx, "eerste", "/beheer/gebruikers");
	resp_page(r, 200, "gebruikers", ctx);
}

static void
new_page(struct req *r, int status, struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object();

	add_str(ctx, "titel", "Nieuwe gebruiker");
	add_str(ctx, "gebruikersnaam", kv_get(&r->form, "gebruikersnaam"));
	add_str(ctx, "naam", kv_get(&r->form, "naam"));
	page_errors(r, ctx, fouten);
	resp_page(r, status, "gebruiker_nieuw", ctx);
}

/* GET /beheer/gebruikers/nieuw */
static void
handle_new_page(struct req *r)
{
	new_page(r, 200, NULL);
}

/* The role options of the grant form, with the chosen one marked. */
static struct json_object *
role_options(enum rol chosen)
{
	struct json_object *a = json_object_new_array(), *o;

	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		o = json_object_new_object();
		add_str(o, "waarde", rol_code((enum rol)bit));
		add_str(o, "label", rol_label((enum rol)bit));
		if (bit == (unsigned)chosen)
			json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(a, o);
	}
	return a;
}

/* The scope options, grouped per kind ("organisatie:12"), chosen marked. */
static struct json_object *
scope_groups(struct req *r, const struct scope_rec *s, size_t n,
    const char *chosen)
{
	static const struct { enum scope_soort scope; const char *label; } kinds[] = {
		{ SCOPE_ORGANISATIE, "Organisaties" },
		{ SCOPE_WIJKTEAM, "Wijkteams" },
		{ SCOPE_KETEN, "Ketens" },
	};
	struct json_object *groups = json_object_new_array(), *g, *opts, *o;
	const char *v;
	size_t i, k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		g = json_object_new_object();
		opts = json_object_new_array();
		add_str(g, "label", kinds[k].label);
		for (i = 0; i < n; i++) {
			if (s[i].scope != kinds[k].scope)
				continue;
			v = arena_printf(r->arena, "%s:%lld", scope_code(s[i].scope),
			    (long long)s[i].id);
			o = json_object_new_object();
			add_str(o, "waarde", v);
			add_str(o, "label", s[i].naam);
			if (chosen != NULL && v != NULL && strcmp(chosen, v) == 0)
				json_object_object_add(o, "gekozen",
				    json_object_new_boolean(1));
			json_object_array_add(opts, o);
		}
		json_object_object_add(g, "opties", opts);
		json_object_array_add(groups, g);
	}
	return groups;
}

/*
 * Renders the page of user id with status. extra (ownership taken, may be
 * NULL) is merged into the context: "link", "fouten"/"fout_*", "form"
 * (the edit form's values as typed), "melding", "conflict".
 */
static void
detail_page(struct req *r, int status, int64_t id, struct json_object *extra)
{
	struct json_object *ctx, *u, *rows, *row, *form, *tf;
	struct gebruiker_rec g;
	struct toekenning_rec *t;
	struct scope_rec *scopes;
	size_t n, ns, i;
	enum db_err rc;
	int found;
	const char *label;

	if ((rc = store_gebruiker_get(r->db, r->arena, id, 0, &g, &found)) != DB_OK ||
	    (found && (rc = store_toekenning_list(r->db, r->arena, id, &t, &n))
	    != DB_OK) ||
	    (found && (rc = store_scope_list(r->db, r->arena, &scopes, &ns))
	    != DB_OK)) {
		json_object_put(extra);
		fail_db(r, rc, "gebruiker_page");
		return;
	}
	if (!found) {
		json_object_put(extra);
		resp_problem(r, 404, "Deze gebruiker bestaat niet.", NULL);
		return;
	}
	ctx = json_object_new_object();
	add_str(ctx, "titel", arena_printf(r->arena, "Gebruiker %s",
	    g.gebruikersnaam));
	u = json_object_new_object();
	json_object_object_add(u, "id", json_object_new_int64(g.id));
	add_str(u, "gebruikersnaam", g.gebruikersnaam);
	add_str(u, "naam", g.naam);
	json_object_object_add(u, "actief", json_object_new_boolean(g.actief));
	json_object_object_add(u, "wachtwoord_ingesteld",
	    json_object_new_boolean(g.wachtwoord_ingesteld));
	add_str(u, "wachtwoord_op", g.wachtwoord_op);
	add_str(u, "aangemaakt_op", g.aangemaakt_op);
	json_object_object_add(ctx, "gebruiker", u);

	rows = json_object_new_array();
	for (i = 0; i < n; i++) {
		row = json_object_new_object();
		label = scope_label(r, scopes, ns, t[i].scope, t[i].scope_id,
		    t[i].scope_naam);
		json_object_object_add(row, "id", json_object_new_int64(t[i].id));
		add_str(row, "rol_naam", rol_label(t[i].rol));
		add_str(row, "scope_soort", scope_code(t[i].scope));
		add_str(row, "scope_naam", label);
		add_str(row, "aangemaakt_op", t[i].aangemaakt_op);
		add_str(row, "verwijder_label", arena_printf(r->arena,
		    "Verwijderen: %s, %s", rol_label(t[i].rol), label));
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "toekenningen", rows);
	json_object_object_add(ctx, "heeft_toekenningen",
	    json_object_new_boolean(n > 0));

	/* The edit form shows the stored values unless extra brings typed
	 * ones; the grant form keeps what was chosen. */
	if (extra == NULL || !json_object_object_get_ex(extra, "form", &form)) {
		form = json_object_new_object();
		add_str(form, "naam", g.naam);
		json_object_object_add(form, "actief", json_object_new_boolean(g.actief));
		json_object_object_add(form, "versie", json_object_new_int64(g.versie));
		json_object_object_add(ctx, "form", form);
	}
	tf = NULL;
	if (extra != NULL)
		json_object_object_get_ex(extra, "toekenning_form", &tf);
	{
		struct json_object *rv = NULL, *sv = NULL;
		const char *rs, *ss;

		if (tf != NULL) {
			json_object_object_get_ex(tf, "rol", &rv);
			json_object_object_get_ex(tf, "scope", &sv);
		}
		rs = rv ? json_object_get_string(rv) : NULL;
		ss = sv ? json_object_get_string(sv) : NULL;
		json_object_object_add(ctx, "rol_opties",
		    role_options(rs ? rol_parse(rs, strlen(rs)) : 0));
		json_object_object_add(ctx, "scope_groepen",
		    scope_groups(r, scopes, ns, ss));
		if (ss != NULL && strcmp(ss, "gemeente") == 0)
			json_object_object_add(ctx, "gemeente_gekozen",
			    json_object_new_boolean(1));
	}
	if (extra != NULL) {
		json_object_object_foreach(extra, key, val)
			json_object_object_add(ctx, key, json_object_get(val));
		json_object_put(extra);
	}
	resp_page(r, status, "gebruiker", ctx);
}

/* GET /beheer/gebruikers/{id} */
static void
handle_detail_page(struct req *r)
{
	struct json_object *extra = NULL;
	const char *m = kv_get(&r->query, "melding");
	static const struct { const char *code, *tekst; } meldingen[] = {
		{ "opgeslagen", "De gegevens zijn opgeslagen." },
		{ "toegevoegd", "De rol is toegekend." },
		{ "verwijderd", "De rol is ingetrokken." },
	};
	size_t i;

	for (i = 0; m != NULL && i < sizeof(meldingen) / sizeof(meldingen[0]); i++)
		if (strcmp(m, meldingen[i].code) == 0) {
			extra = json_object_new_object();
			add_str(extra, "melding", meldingen[i].tekst);
		}
	detail_page(r, 200, route_param_int(&r->match, "id"), extra);
}

/* Shows the link just made, once, on the user's page. */
static void
link_page(struct req *r, int64_t id, char token[TOKEN_LEN + 1],
    const char *verloopt_op, int nieuw)
{
	struct json_object *extra = json_object_new_object();

	json_object_object_add(extra, "link", link_json(r, token, verloopt_op));
	if (nieuw)
		json_object_object_add(extra, "nieuw", json_object_new_boolean(1));
	sodium_memzero(token, TOKEN_LEN + 1);
	detail_page(r, 200, id, extra);
	no_store(r);
}

/* POST /beheer/gebruikers/nieuw */
static void
handle_create_form(struct req *r)
{
	struct json_object *fouten = json_object_new_array();
	char token[TOKEN_LEN + 1];
	const char *verloopt_op = NULL;
	int64_t id = 0;

	switch (op_create(r, kv_get(&r->form, "gebruikersnaam"),
	    kv_get(&r->form, "naam"), fouten, &id, token, &verloopt_op)) {
	case OP_OK:
		json_object_put(fouten);
		if (tx_commit(r) != 0)
			break;
		link_page(r, id, token, verloopt_op, 1);
		break;
	case OP_INVALID:
		new_page(r, 422, fouten);
		break;
	default:
		json_object_put(fouten);
		break;
	}
	sodium_memzero(token, sizeof(token));
}

/*
 * The answer of a form on a user's detail page once its operation ran:
 * OP_OK commits and goes back to the page with a message (POST/redirect/
 * GET); OP_INVALID shows the page again, 422, with the errors and extra
 * (the values as typed); OP_STALE, 409, with the record as it is now.
 * Takes ownership of fouten and extra.
 */
static void
detail_form_answer(struct req *r, enum op_result op, int64_t id,
    struct json_object *fouten, struct json_object *extra,
    const char *melding, const char *niet_gevonden)
{
	switch (op) {
	case OP_OK:
		json_object_put(fouten);
		json_object_put(extra);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/beheer/gebruikers/%lld?melding=%s", (long long)id, melding));
		return;
	case OP_INVALID:
		page_errors(r, extra, fouten);
		detail_page(r, 422, id, extra);
		return;
	case OP_STALE:
		json_object_put(fouten);
		json_object_put(extra);
		extra = json_object_new_object();
		json_object_object_add(extra, "conflict", json_object_new_boolean(1));
		detail_page(r, 409, id, extra);
		return;
	case OP_NOT_FOUND:
		json_object_put(fouten);
		json_object_put(extra);
		resp_problem(r, 404, niet_gevonden, NULL);
		return;
	default:
		json_object_put(fouten);
		json_object_put(extra);
		return;
	}
}

/* POST /beheer/gebruikers/{id} — naam and actief, with the hidden versie. */
static void
handle_update_form(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *fouten = json_object_new_array(),
	    *extra = json_object_new_object(), *form = json_object_new_object();
	const char *naam = kv_get(&r->form, "naam");
	int actief = kv_get(&r->form, "actief") != NULL;

	add_str(form, "naam", naam);
	json_object_object_add(form, "actief", json_object_new_boolean(actief));
	add_str(form, "versie", kv_get(&r->form, "versie"));
	json_object_object_add(extra, "form", form);
	detail_form_answer(r, op_update(r, id, parse_id(kv_get(&r->form, "versie")),
	    naam, actief, fouten), id, fouten, extra, "opgeslagen",
	    "Deze gebruiker bestaat niet.");
}

/* Splits "organisatie:12" (or "gemeente") from the grant form. Returns the
 * scope kind or -1; *id gets the id (0 for the gemeente). */
static int
parse_scope_choice(const char *s, int64_t *id)
{
	const char *colon;
	int scope;

	*id = 0;
	if (s == NULL)
		return -1;
	if (strcmp(s, "gemeente") == 0)
		return SCOPE_GEMEENTE;
	if ((colon = strchr(s, ':')) == NULL)
		return -1;
	scope = scope_parse(s, (size_t)(colon - s));
	if (scope <= SCOPE_GEMEENTE || (*id = parse_id(colon + 1)) == 0)
		return -1;
	return scope;
}

/* POST /beheer/gebruikers/{id}/toekenningen — rol and scope selects. */
static void
handle_grant_add_form(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), scope_id, tid;
	struct json_object *fouten = json_object_new_array(),
	    *extra = json_object_new_object(), *tf;
	const char *rs = kv_get(&r->form, "rol"), *ss = kv_get(&r->form, "scope");
	enum rol rol = rs ? rol_parse(rs, strlen(rs)) : 0;
	int scope = parse_scope_choice(ss, &scope_id);

	tf = json_object_new_object();
	add_str(tf, "rol", rs);
	add_str(tf, "scope", ss);
	json_object_object_add(extra, "toekenning_form", tf);
	detail_form_answer(r, op_grant_add(r, id, rol, scope, scope_id, "rol",
	    "scope", "scope", fouten, &tid), id, fouten, extra, "toegevoegd",
	    "Deze gebruiker bestaat niet.");
}

/* POST /beheer/gebruikers/{id}/toekenningen/{tid}/verwijderen */
static void
handle_grant_remove_form(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *fouten = json_object_new_array();

	detail_form_answer(r, op_grant_remove(r, id, route_param_int(&r->match,
	    "tid"), fouten), id, fouten, json_object_new_object(), "verwijderd",
	    "Deze gebruiker heeft deze rol niet.");
}

/* POST /beheer/gebruikers/{id}/link — a fresh link, shown once. */
static void
handle_link_form(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *fouten = json_object_new_array(), *extra;
	char token[TOKEN_LEN + 1];
	const char *verloopt_op = NULL;

	switch (op_link(r, id, fouten, token, &verloopt_op)) {
	case OP_OK:
		json_object_put(fouten);
		if (tx_commit(r) == 0)
			link_page(r, id, token, verloopt_op, 0);
		break;
	case OP_INVALID:
		extra = json_object_new_object();
		page_errors(r, extra, fouten);
		detail_page(r, 422, id, extra);
		break;
	case OP_NOT_FOUND:
		json_object_put(fouten);
		resp_problem(r, 404, "Deze gebruiker bestaat niet.", NULL);
		break;
	default:
		json_object_put(fouten);
		break;
	}
	sodium_memzero(token, sizeof(token));
}

/*
 * The tokens page: every token (newest last) and the form to issue one.
 * extra (ownership taken, may be NULL) adds "token" (just issued, shown
 * once), "fouten", "melding".
 */
static void
tokens_page(struct req *r, int status, struct json_object *extra)
{
	struct json_object *ctx, *rows, *row, *users, *o;
	struct token_rec *t;
	struct gebruiker_rec *g;
	size_t n, ng, i;
	enum db_err rc;
	/* After a refused issue the form keeps what was typed. */
	const char *chosen = status == 422 ? kv_get(&r->form, "gebruiker_id") : NULL;

	if ((rc = store_token_list(r->db, r->arena, 0, LIST_MAX, &t, &n)) != DB_OK ||
	    (rc = store_gebruiker_list(r->db, r->arena, 0, LIST_MAX, &g, &ng))
	    != DB_OK) {
		json_object_put(extra);
		fail_db(r, rc, "tokens_page");
		return;
	}
	ctx = json_object_new_object();
	add_str(ctx, "titel", "API-tokens");
	rows = json_object_new_array();
	for (i = 0; i < n; i++) {
		row = token_json(&t[i]);
		add_str(row, "intrek_label", arena_printf(r->arena, "Intrekken: %s",
		    t[i].naam));
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "tokens", rows);
	json_object_object_add(ctx, "heeft_tokens", json_object_new_boolean(n > 0));
	users = json_object_new_array();
	for (i = 0; i < ng; i++) {
		if (!g[i].actief)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(g[i].id));
		add_str(o, "label", arena_printf(r->arena, "%s (%s)", g[i].naam,
		    g[i].gebruikersnaam));
		if (chosen != NULL && parse_id(chosen) == g[i].id)
			json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(users, o);
	}
	json_object_object_add(ctx, "gebruikers", users);
	add_str(ctx, "naam", status == 422 ? kv_get(&r->form, "naam") : NULL);
	if (extra != NULL) {
		json_object_object_foreach(extra, key, val)
			json_object_object_add(ctx, key, json_object_get(val));
		json_object_put(extra);
	}
	resp_page(r, status, "tokens", ctx);
}

/* GET /beheer/tokens */
static void
handle_tokens_page(struct req *r)
{
	struct json_object *extra = NULL;

	if (kv_get(&r->query, "ingetrokken") != NULL) {
		extra = json_object_new_object();
		add_str(extra, "melding", "Het token is ingetrokken.");
	}
	tokens_page(r, 200, extra);
}

/* POST /beheer/tokens — naam and gebruiker_id; the token is shown once. */
static void
handle_token_issue_form(struct req *r)
{
	struct json_object *fouten = json_object_new_array(), *extra, *tk;
	char token[TOKEN_LEN + 1];
	int64_t id = 0;

	switch (op_token_issue(r, kv_get(&r->form, "naam"),
	    parse_id(kv_get(&r->form, "gebruiker_id")), "gebruiker_id", fouten, &id,
	    token)) {
	case OP_OK:
		json_object_put(fouten);
		if (tx_commit(r) != 0)
			break;
		extra = json_object_new_object();
		tk = json_object_new_object();
		add_str(tk, "waarde", token);
		json_object_object_add(tk, "id", json_object_new_int64(id));
		json_object_object_add(extra, "uitgegeven", tk);
		tokens_page(r, 200, extra);
		no_store(r);
		break;
	case OP_INVALID:
		extra = json_object_new_object();
		page_errors(r, extra, fouten);
		tokens_page(r, 422, extra);
		break;
	default:
		json_object_put(fouten);
		break;
	}
	sodium_memzero(token, sizeof(token));
}

/* POST /beheer/tokens/{id}/intrekken */
static void
handle_token_revoke_form(struct req *r)
{
	int noop;

	switch (op_token_revoke(r, route_param_int(&r->match, "id"), &noop)) {
	case OP_OK:
		if (noop || tx_commit(r) == 0)
			resp_redirect(r, "/beheer/tokens?ingetrokken=1");
		return;
	case OP_NOT_FOUND:
		resp_problem(r, 404, "Dit token bestaat niet.", NULL);
		return;
	default:
		return;
	}
}

/* ------------------------------------------------------------ set password */

/*
 * The link of this request: hashes the path's token and looks it up.
 * Returns OP_OK (usable; *id and *naam set), OP_NOT_FOUND, OP_GONE or
 * OP_ANSWERED. The token text is only hashed, never kept or logged.
 */
static enum op_result
link_state(struct req *r, char hash[TOKEN_HASH_LEN + 1], int64_t *id,
    const char **naam)
{
	char token[TOKEN_LEN + 1];
	const char *t;
	size_t len;
	enum db_err rc;
	int usable, found;

	t = route_param_str(&r->match, "token", &len);
	if (t == NULL || len != TOKEN_LEN)
		return OP_NOT_FOUND;
	memcpy(token, t, TOKEN_LEN);
	token[TOKEN_LEN] = '\0';
	token_hash(token, hash);
	sodium_memzero(token, sizeof(token));
	if ((rc = store_link_lookup(r->db, r->arena, hash, id, naam, &usable,
	    &found)) != DB_OK) {
		fail_db(r, rc, "wachtwoord_link");
		return OP_ANSWERED;
	}
	if (!found)
		return OP_NOT_FOUND;
	return usable ? OP_OK : OP_GONE;
}

/* The page for a link that cannot be used: unknown, used, expired, or its
 * account disabled. One status (404) and one text for all: it says nothing
 * about whether an account exists or a link ever did. */
static void
link_invalid_page(struct req *r)
{
	struct json_object *ctx = json_object_new_object();

	add_str(ctx, "titel", "Link werkt niet");
	resp_page(r, 404, "wachtwoord_instellen_ongeldig", ctx);
	no_store(r);
}

static void
set_password_page(struct req *r, int status, const char *gebruikersnaam,
    struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object();
	size_t len;
	const char *t = route_param_str(&r->match, "token", &len);

	add_str(ctx, "titel", "Wachtwoord instellen");
	add_str(ctx, "gebruikersnaam", gebruikersnaam);
	add_str(ctx, "actie", arena_printf(r->arena, LINK_PREFIX "%.*s", (int)len,
	    t != NULL ? t : ""));
	page_errors(r, ctx, fouten);
	resp_page(r, status, "wachtwoord_instellen", ctx);
	no_store(r);
}

/* GET /wachtwoord-instellen/{token} */
static void
handle_set_password_page(struct req *r)
{
	char hash[TOKEN_HASH_LEN + 1];
	const char *naam = NULL;
	int64_t id;
	enum op_result res;

	if ((res = link_state(r, hash, &id, &naam)) == OP_ANSWERED)
		return;
	if (res != OP_OK) {
		link_invalid_page(r);
		return;
	}
	set_password_page(r, 200, naam, NULL);
}

/* POST /wachtwoord-instellen/{token} — nieuw, herhaling. */
static void
handle_set_password(struct req *r)
{
	const char *nieuw = kv_get(&r->form, "nieuw"),
	    *herhaal = kv_get(&r->form, "herhaling"), *naam = NULL;
	char hash[TOKEN_HASH_LEN + 1], pwhash[PASSHASH_MAX];
	struct json_object *fouten;
	enum password_problem pp;
	enum op_result res;
	enum db_err rc;
	int64_t id;
	int claimed;

	if ((res = link_state(r, hash, &id, &naam)) == OP_ANSWERED)
		return;
	if (res != OP_OK) {
		link_invalid_page(r);
		return;
	}
	fouten = json_object_new_array();
	pp = password_check(r->passwords, nieuw ? nieuw : "", naam);
	if (pp != PW_OK)
		fout_melding(fouten, "nieuw", password_problem_text(pp));
	else if (herhaal == NULL || strcmp(nieuw, herhaal) != 0)
		fout_melding(fouten, "herhaling", "De twee wachtwoorden zijn niet gelijk.");
	if (json_object_array_length(fouten) > 0) {
		set_password_page(r, 422, naam, fouten);
		return;
	}
	json_object_put(fouten);
	if (passhash_make(nieuw, pwhash) != 0) {
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	if (tx_begin(r) != 0)
		goto out;
	/* Claiming the link is the first write: of two requests with one
	 * link, only one sets a password. */
	if ((rc = store_link_use(r->db, hash, &claimed)) != DB_OK) {
		op_fail(r, rc, "wachtwoord_instellen");
		goto out;
	}
	if (!claimed) {
		tx_rollback(r);
		link_invalid_page(r);
		goto out;
	}
	if ((rc = store_gebruiker_set_password(r->db, id, pwhash)) != DB_OK ||
	    (rc = store_sessie_delete_user(r->db, id)) != DB_OK) {
		op_fail(r, rc, "wachtwoord_instellen");
		goto out;
	}
	if (audit(r, "wachtwoord_instellen", "gebruiker", id, GELUKT,
	    "met eenmalige link; alle sessies beëindigd") != 0) {
		op_fail(r, DB_ERR, "wachtwoord_instellen");
		goto out;
	}
	if (tx_commit(r) == 0)
		resp_redirect(r, "/inloggen?wachtwoord=ingesteld");
out:
	sodium_memzero(pwhash, sizeof(pwhash));
}

/* ------------------------------------------------------------ API */

/* GET /api/v1/gebruikers */
static void
handle_api_list(struct req *r)
{
	struct json_object *o, *items;
	struct gebruiker_rec *g;
	int64_t after;
	size_t n, i;
	enum db_err rc;
	int limit;

	if (list_params(r, &limit, &after) != 0)
		return;
	if ((rc = store_gebruiker_list(r->db, r->arena, after, limit + 1, &g, &n))
	    != DB_OK) {
		fail_db(r, rc, "gebruikers_list");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, user_json(&g[i], NULL, 0, 0));
	json_object_object_add(o, "items", items);
	add_str(o, "volgende", n > (size_t)limit ? arena_printf(r->arena, "%lld",
	    (long long)g[limit - 1].id) : NULL);
	resp_json(r, 200, o);
}

/* The user with their grants, as JSON; NULL when there is none (*rc says
 * whether that is an error). */
static struct json_object *
load_user_json(struct req *r, int64_t id, enum db_err *rc, int64_t *versie)
{
	struct gebruiker_rec g;
	struct toekenning_rec *t;
	size_t n;
	int found;

	if ((*rc = store_gebruiker_get(r->db, r->arena, id, 0, &g, &found)) != DB_OK ||
	    !found)
		return NULL;
	if ((*rc = store_toekenning_list(r->db, r->arena, id, &t, &n)) != DB_OK)
		return NULL;
	*versie = g.versie;
	return user_json(&g, t, n, 1);
}

static void
etag(struct req *r, int64_t versie)
{
	resp_header(r, "ETag", arena_printf(r->arena, "\"%lld\"", (long long)versie));
}

/* GET /api/v1/gebruikers/{id} */
static void
handle_api_get(struct req *r)
{
	struct json_object *o;
	enum db_err rc;
	int64_t versie = 0;

	if ((o = load_user_json(r, route_param_int(&r->match, "id"), &rc, &versie))
	    == NULL) {
		if (rc != DB_OK)
			fail_db(r, rc, "gebruiker_get");
		else
			resp_problem(r, 404, "Deze gebruiker bestaat niet.", NULL);
		return;
	}
	resp_json(r, 200, o);
	etag(r, versie);
}

/* POST /api/v1/gebruikers — {gebruikersnaam, naam}; 201 with the link. */
static void
handle_api_create(struct req *r)
{
	struct json_object *fouten, *o = NULL, *stored = NULL;
	char token[TOKEN_LEN + 1];
	const char *gebruikersnaam, *naam, *verloopt_op = NULL, *loc;
	enum op_result res;
	enum db_err rc;
	int64_t id = 0, versie;

	if (body_object(r, "{\"gebruikersnaam\": ..., \"naam\": ...}") != 0 ||
	    idem_replay(r) != 0)
		return;
	fouten = json_object_new_array();
	gebruikersnaam = body_str(r, "gebruikersnaam", fouten);
	naam = body_str(r, "naam", fouten);
	if (json_object_array_length(fouten) > 0) {
		op_problem(r, OP_INVALID, fouten, NULL);
		return;
	}
	res = op_create(r, gebruikersnaam, naam, fouten, &id, token, &verloopt_op);
	if (res != OP_OK) {
		op_problem(r, res, fouten, NULL);
		return;
	}
	json_object_put(fouten);
	/* Two copies: what a retry with the same Idempotency-Key gets
	 * (everything but the link, which exists only in this one answer),
	 * and this answer. */
	if ((stored = load_user_json(r, id, &rc, &versie)) == NULL ||
	    (o = load_user_json(r, id, &rc, &versie)) == NULL) {
		json_object_put(stored);
		op_fail(r, rc != DB_OK ? rc : DB_ERR, "gebruiker_create");
		goto out;
	}
	loc = arena_printf(r->arena, "/api/v1/gebruikers/%lld", (long long)id);
	json_object_object_add(stored, "wachtwoord_link", NULL);
	add_str(stored, "wachtwoord_link_verloopt_op", verloopt_op);
	resp_json(r, 201, stored);
	resp_header(r, "Location", loc);
	etag(r, versie);
	if (idem_store(r, loc) != 0) {
		json_object_put(o);
		tx_rollback(r);
		goto out;
	}
	if (tx_commit(r) != 0) {
		json_object_put(o);
		goto out;
	}
	add_str(o, "wachtwoord_link", link_path(r, token));
	add_str(o, "wachtwoord_link_verloopt_op", verloopt_op);
	resp_json(r, 201, o);
	no_store(r);
out:
	sodium_memzero(token, sizeof(token));
}

/* Reads If-Match for a PUT: answers 428 when missing, 412 when it is not a
 * version. Returns the version or 0 (answered). */
static int64_t
required_version(struct req *r)
{
	int64_t v;

	if (r->if_match == NULL) {
		resp_problem(r, 428, "Stuur If-Match met de versie die u wijzigt "
		    "(het veld versie, of de ETag).", NULL);
		return 0;
	}
	if ((v = if_match_version(r)) <= 0) {
		resp_problem(r, 412, "If-Match noemt geen versie van deze gebruiker.",
		    NULL);
		return 0;
	}
	return v;
}

/* PUT /api/v1/gebruikers/{id} — {naam, actief} with If-Match. */
static void
handle_api_update(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie, nieuw;
	struct json_object *fouten, *v, *o;
	const char *naam;
	enum op_result res;
	enum db_err rc;
	int actief = 0;

	if (body_object(r, "{\"naam\": ..., \"actief\": true|false}") != 0 ||
	    (versie = required_version(r)) == 0)
		return;
	fouten = json_object_new_array();
	if ((naam = body_str(r, "naam", fouten)) == NULL &&
	    json_object_array_length(fouten) == 0)
		fout_melding(fouten, "naam", "Vul dit veld in.");
	if (!json_object_object_get_ex(r->json, "actief", &v) ||
	    !json_object_is_type(v, json_type_boolean))
		fout_melding(fouten, "actief", "Moet true of false zijn.");
	else
		actief = json_object_get_boolean(v);
	if (json_object_array_length(fouten) > 0) {
		op_problem(r, OP_INVALID, fouten, NULL);
		return;
	}
	res = op_update(r, id, versie, naam, actief, fouten);
	if (res != OP_OK) {
		op_problem(r, res, fouten, "Deze gebruiker bestaat niet.");
		return;
	}
	json_object_put(fouten);
	if (tx_commit(r) != 0)
		return;
	if ((o = load_user_json(r, id, &rc, &nieuw)) == NULL) {
		fail_db(r, rc != DB_OK ? rc : DB_ERR, "gebruiker_update");
		return;
	}
	resp_json(r, 200, o);
	etag(r, nieuw);
}

/* POST /api/v1/gebruikers/{id}/wachtwoordlink — a new link, once. */
static void
handle_api_link(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *fouten = json_object_new_array(), *o;
	char token[TOKEN_LEN + 1];
	const char *verloopt_op = NULL;
	enum op_result res;

	res = op_link(r, id, fouten, token, &verloopt_op);
	if (res != OP_OK) {
		op_problem(r, res, fouten, "Deze gebruiker bestaat niet.");
		return;
	}
	json_object_put(fouten);
	if (tx_commit(r) == 0) {
		o = json_object_new_object();
		json_object_object_add(o, "gebruiker_id", json_object_new_int64(id));
		add_str(o, "wachtwoord_link", link_path(r, token));
		add_str(o, "verloopt_op", verloopt_op);
		resp_json(r, 201, o);
		resp_header(r, "Location", arena_printf(r->arena,
		    "/api/v1/gebruikers/%lld", (long long)id));
		no_store(r);
	}
	sodium_memzero(token, sizeof(token));
}

/* POST /api/v1/gebruikers/{id}/toekenningen — {rol, scope_soort, scope_id}. */
static void
handle_api_grant_add(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), scope_id = 0, tid = 0;
	struct json_object *fouten, *v, *o;
	struct toekenning_rec t;
	const char *rs, *ss, *loc;
	enum op_result res;
	enum db_err rc;
	enum rol rol = 0;
	int scope = -1, found;

	if (body_object(r, "{\"rol\": ..., \"scope_soort\": ..., \"scope_id\": ...}")
	    != 0 || idem_replay(r) != 0)
		return;
	fouten = json_object_new_array();
	if ((rs = body_str(r, "rol", fouten)) != NULL &&
	    (rol = rol_parse(rs, strlen(rs))) == 0)
		fout_melding(fouten, "rol", "Onbekende rol.");
	if ((ss = body_str(r, "scope_soort", fouten)) != NULL &&
	    (scope = scope_parse(ss, strlen(ss))) < 0)
		fout_melding(fouten, "scope_soort", "Kies gemeente, organisatie, wijkteam "
		    "of keten.");
	if (json_object_object_get_ex(r->json, "scope_id", &v) && v != NULL) {
		if (!json_object_is_type(v, json_type_int) ||
		    (scope_id = json_object_get_int64(v)) < 0)
			fout_melding(fouten, "scope_id", "Moet een id (een geheel getal) "
			    "zijn.");
	}
	if (json_object_array_length(fouten) > 0) {
		op_problem(r, OP_INVALID, fouten, NULL);
		return;
	}
	res = op_grant_add(r, id, rol, scope, scope_id, "rol", "scope_soort",
	    "scope_id", fouten, &tid);
	if (res != OP_OK) {
		op_problem(r, res, fouten, "Deze gebruiker bestaat niet.");
		return;
	}
	json_object_put(fouten);
	if ((rc = store_toekenning_get(r->db, r->arena, id, tid, &t, &found))
	    != DB_OK || !found) {
		op_fail(r, rc != DB_OK ? rc : DB_ERR, "toekenning_add");
		return;
	}
	o = grant_json(&t);
	json_object_object_add(o, "gebruiker_id", json_object_new_int64(id));
	loc = arena_printf(r->arena, "/api/v1/gebruikers/%lld", (long long)id);
	if (answer_created(r, o, loc) == 0)
		(void)tx_commit(r);
}

/* DELETE /api/v1/gebruikers/{id}/toekenningen/{tid} */
static void
handle_api_grant_remove(struct req *r)
{
	struct json_object *fouten = json_object_new_array();
	enum op_result res;

	res = op_grant_remove(r, route_param_int(&r->match, "id"),
	    route_param_int(&r->match, "tid"), fouten);
	if (res != OP_OK) {
		op_problem(r, res, fouten, "Deze gebruiker heeft deze toekenning niet.");
		return;
	}
	json_object_put(fouten);
	if (tx_commit(r) == 0) {
		r->res.status = 204;
		r->res.content_type = "application/json";
	}
}

/* GET /api/v1/tokens */
static void
handle_api_tokens(struct req *r)
{
	struct json_object *o, *items;
	struct token_rec *t;
	int64_t after;
	size_t n, i;
	enum db_err rc;
	int limit;

	if (list_params(r, &limit, &after) != 0)
		return;
	if ((rc = store_token_list(r->db, r->arena, after, limit + 1, &t, &n))
	    != DB_OK) {
		fail_db(r, rc, "tokens_list");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, token_json(&t[i]));
	json_object_object_add(o, "items", items);
	add_str(o, "volgende", n > (size_t)limit ? arena_printf(r->arena, "%lld",
	    (long long)t[limit - 1].id) : NULL);
	resp_json(r, 200, o);
}

/* GET /api/v1/tokens/{id} */
static void
handle_api_token_get(struct req *r)
{
	struct token_rec t;
	enum db_err rc;
	int found;

	if ((rc = store_token_get(r->db, r->arena, route_param_int(&r->match, "id"),
	    &t, &found)) != DB_OK) {
		fail_db(r, rc, "token_get");
		return;
	}
	if (!found) {
		resp_problem(r, 404, "Dit token bestaat niet.", NULL);
		return;
	}
	resp_json(r, 200, token_json(&t));
	etag(r, t.versie);
}

/* POST /api/v1/tokens — {naam, gebruiker_id}; 201 with the token, once. */
static void
handle_api_token_issue(struct req *r)
{
	struct json_object *fouten, *v, *o;
	struct token_rec t;
	char token[TOKEN_LEN + 1];
	const char *naam, *loc;
	enum op_result res;
	enum db_err rc;
	int64_t gid = 0, id = 0;
	int found;

	if (body_object(r, "{\"naam\": ..., \"gebruiker_id\": ...}") != 0 ||
	    idem_replay(r) != 0)
		return;
	fouten = json_object_new_array();
	naam = body_str(r, "naam", fouten);
	if (json_object_object_get_ex(r->json, "gebruiker_id", &v) && v != NULL &&
	    (!json_object_is_type(v, json_type_int) ||
	    (gid = json_object_get_int64(v)) <= 0))
		fout_melding(fouten, "gebruiker_id", "Moet een id (een geheel getal) zijn.");
	if (json_object_array_length(fouten) > 0) {
		op_problem(r, OP_INVALID, fouten, NULL);
		return;
	}
	res = op_token_issue(r, naam, gid, "gebruiker_id", fouten, &id, token);
	if (res != OP_OK) {
		op_problem(r, res, fouten, NULL);
		return;
	}
	json_object_put(fouten);
	if ((rc = store_token_get(r->db, r->arena, id, &t, &found)) != DB_OK ||
	    !found) {
		op_fail(r, rc != DB_OK ? rc : DB_ERR, "token_issue");
		goto out;
	}
	loc = arena_printf(r->arena, "/api/v1/tokens/%lld", (long long)id);
	o = token_json(&t);
	json_object_object_add(o, "token", NULL);   /* what a retry gets */
	resp_json(r, 201, o);
	resp_header(r, "Location", loc);
	if (idem_store(r, loc) != 0) {
		tx_rollback(r);
		goto out;
	}
	if (tx_commit(r) != 0)
		goto out;
	o = token_json(&t);
	add_str(o, "token", token);
	resp_json(r, 201, o);
	no_store(r);
out:
	sodium_memzero(token, sizeof(token));
}

/* DELETE /api/v1/tokens/{id} — revokes; revoking twice is no error. */
static void
handle_api_token_revoke(struct req *r)
{
	int noop;

	switch (op_token_revoke(r, route_param_int(&r->match, "id"), &noop)) {
	case OP_OK:
		if (noop || tx_commit(r) == 0) {
			r->res.status = 204;
			r->res.content_type = "application/json";
		}
		return;
	case OP_NOT_FOUND:
		resp_problem(r, 404, "Dit token bestaat niet.", NULL);
		return;
	default:
		return;
	}
}

#define B	ACCESS_BEHEER
#define HTML	ROUTE_HTML
#define FORM	(ROUTE_HTML | ROUTE_BODY_FORM)
#define JSON	ROUTE_JSON
#define JBODY	(ROUTE_JSON | ROUTE_BODY_JSON)

static const struct route table[] = {
	{ "GET",    "/beheer/gebruikers",                      handle_list_page,        B, HTML, NULL },
	{ "GET",    "/beheer/gebruikers/nieuw",                handle_new_page,         B, HTML, NULL },
	{ "POST",   "/beheer/gebruikers/nieuw",                handle_create_form,      B, FORM, NULL },
	{ "GET",    "/beheer/gebruikers/{id:int}",             handle_detail_page,      B, HTML, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}",             handle_update_form,      B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/toekenningen", handle_grant_add_form,  B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/toekenningen/{tid:int}/verwijderen",
	  handle_grant_remove_form, B, FORM, NULL },
	{ "POST",   "/beheer/gebruikers/{id:int}/link",        handle_link_form,        B, FORM, NULL },
	{ "GET",    "/beheer/tokens",                          handle_tokens_page,      B, HTML, NULL },
	{ "POST",   "/beheer/tokens",                          handle_token_issue_form, B, FORM, NULL },
	{ "POST",   "/beheer/tokens/{id:int}/intrekken",       handle_token_revoke_form, B, FORM, NULL },
	{ "GET",    "/wachtwoord-instellen/{token:token}",     handle_set_password_page, ACCESS_PUBLIC, HTML, NULL },
	{ "POST",   "/wachtwoord-instellen/{token:token}",     handle_set_password,     ACCESS_PUBLIC, FORM, NULL },
	{ "GET",    "/api/v1/gebruikers",                      handle_api_list,         B, JSON, NULL },
	{ "POST",   "/api/v1/gebruikers",                      handle_api_create,       B, JBODY, NULL },
	{ "GET",    "/api/v1/gebruikers/{id:int}",             handle_api_get,          B, JSON, NULL },
	{ "PUT",    "/api/v1/gebruikers/{id:int}",             handle_api_update,       B, JBODY, NULL },
	{ "POST",   "/api/v1/gebruikers/{id:int}/wachtwoordlink", handle_api_link,      B, JSON, NULL },
	{ "POST",   "/api/v1/gebruikers/{id:int}/toekenningen", handle_api_grant_add,   B, JBODY, NULL },
	{ "DELETE", "/api/v1/gebruikers/{id:int}/toekenningen/{tid:int}",
	  handle_api_grant_remove, B, JSON, NULL },
	{ "GET",    "/api/v1/tokens",                          handle_api_tokens,       B, JSON, NULL },
	{ "POST",   "/api/v1/tokens",                          handle_api_token_issue,  B, JBODY, NULL },
	{ "GET",    "/api/v1/tokens/{id:int}",                 handle_api_token_get,    B, JSON, NULL },
	{ "DELETE", "/api/v1/tokens/{id:int}",                 handle_api_token_revoke, B, JSON, NULL },
};
ROUTE_TABLE(routes_gebruikers, table);
