/*
 * gebruikers.c — the writes of user administration; see gebruikers.h.
 *
 * Every operation runs in one transaction with its audit row; when the
 * row cannot be written nothing is changed (fail closed). The existence
 * of the user comes before the field errors (404 before 422), so most
 * operations open their transaction before they report what was wrong
 * with the input.
 *
 * A secret (link, token, password) never reaches a log line or an audit
 * row: the audit texts below are fixed or name ids only.
 */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/passhash.h"
#include "core/secret.h"
#include "domain/password.h"
#include "domain/policy.h"
#include "domain/rol.h"
#include "domain/veldfout.h"
#include "ops/gebruikers.h"
#include "store/gebruiker.h"
#include "store/sessie.h"
#include "store/token.h"

#define USERNAME_MIN	3      /* gebruikersnaam, bytes of [a-z0-9._-] */
#define USERNAME_MAX	64
#define TEXT_MAX_CHARS	200    /* naam of a user or a token */

static const char GEEN_GEBRUIKER[] = "Deze gebruiker bestaat niet.";

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
 * they get here): trimmed of surrounding spaces, in the arena; NULL with
 * *why when it is empty, longer than max code points, or holds a control
 * character.
 */
static const char *
clean_text(struct ops_ctx *c, const char *s, size_t max, const char **why)
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
		*why = arena_printf(c->arena, "Gebruik hoogstens %zu tekens.", max);
		return NULL;
	}
	return arena_strndup(c->arena, s, len);
}

/* ------------------------------------------------------------ accounts */

/*
 * Makes a one-time link for user id in the open transaction, with its
 * audit row. Returns 0, or -1 with *rc (the caller rolls back).
 */
static int
link_uitgeven(struct ops_ctx *c, int64_t id, struct wachtwoordlink *link,
    enum db_err *rc)
{
	char hash[TOKEN_HASH_LEN + 1];

	token_new(link->token);
	token_hash(link->token, hash);
	if ((*rc = store_link_issue(c->db, c->arena, id, hash,
	    &link->verloopt_op)) != DB_OK)
		return -1;
	if (ops_audit(c, "wachtwoordlink_uitgeven", "gebruiker", id, GELUKT,
	    "eenmalige link, 7 dagen geldig; eerdere ongebruikte links vervallen")
	    != 0) {
		*rc = DB_ERR;
		return -1;
	}
	return 0;
}

/*
 * Unlike the other operations the field errors come first, before any
 * transaction: there is no existing user that could answer 404. A taken
 * gebruikersnaam is left to the unique key (no look-up first that a
 * concurrent insert could overtake).
 */
enum ops_uitkomst
gebruiker_maak(struct ops_ctx *c, const struct gebruiker_invoer *in,
    int64_t *id, struct wachtwoordlink *link)
{
	const char *naam, *why = NULL;
	enum ops_uitkomst u;
	enum db_err rc;

	link->verloopt_op = NULL;
	if (!valid_username(in->gebruikersnaam))
		fout_melding(c->fouten, "gebruikersnaam", "Gebruik 3 tot 64 tekens: "
		    "kleine letters, cijfers, punt, liggend streepje of laag "
		    "streepje.");
	if ((naam = clean_text(c, in->naam, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(c->fouten, "naam", why);
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_gebruiker_insert(c->db, in->gebruikersnaam, naam, id);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "gebruikersnaam", "Deze gebruikersnaam "
		    "bestaat al.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "gebruiker_create");
	/* Any failure from here on is a 500: the user was just written. */
	if (ops_audit(c, "aanmaken", "gebruiker", *id, GELUKT,
	    "zonder wachtwoord") != 0 || link_uitgeven(c, *id, link, &rc) != 0) {
		sodium_memzero(link->token, sizeof(link->token));
		return ops_storing(c, DB_ERR, "gebruiker_create");
	}
	return OPS_OK;
}

/*
 * The order of the answers is the contract of the file: 404 for an unknown
 * id, then 422 for the fields, then 409 for a stale versie. Switching a
 * user off ends their sessions in the same transaction, so that no session
 * outlives the audit row that says it ended.
 */
enum ops_uitkomst
gebruiker_wijzig(struct ops_ctx *c, const struct gebruiker_invoer *in,
    int64_t id, int64_t versie)
{
	struct gebruiker_rec g;
	const char *naam, *why = NULL, *toelichting;
	enum ops_uitkomst u;
	enum db_err rc;
	int found, changed;

	if ((naam = clean_text(c, in->naam, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(c->fouten, "naam", why);
	if (!in->actief && id == c->who->gebruiker_id)
		fout_melding(c->fouten, "actief", "U kunt uw eigen account niet "
		    "uitschakelen.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_gebruiker_get(c->db, c->arena, id, 1, &g, &found)) !=
	    DB_OK)
		return ops_storing(c, rc, "gebruiker_update");
	if (!found)
		return ops_weiger(c, OPS_NIET_GEVONDEN, GEEN_GEBRUIKER);
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	if (g.versie != versie)
		return ops_weiger(c, OPS_VEROUDERD, "Deze gebruiker is intussen "
		    "gewijzigd. Haal de huidige versie op en probeer het opnieuw.");
	if ((rc = store_gebruiker_update(c->db, id, versie, naam, in->actief,
	    &changed)) != DB_OK)
		return ops_storing(c, rc, "gebruiker_update");
	if (!changed)
		return ops_weiger(c, OPS_VEROUDERD, "Deze gebruiker is intussen "
		    "gewijzigd. Haal de huidige versie op en probeer het opnieuw.");
	if (g.actief && !in->actief) {
		if ((rc = store_sessie_delete_user(c->db, id)) != DB_OK)
			return ops_storing(c, rc, "gebruiker_update");
		toelichting = "uitgeschakeld: alle sessies beëindigd, tokens "
		    "werken niet meer";
	} else if (!g.actief && in->actief) {
		toelichting = "ingeschakeld";
	} else {
		toelichting = strcmp(g.naam ? g.naam : "", naam) != 0 ? "naam" :
		    "ongewijzigd";
	}
	if (ops_audit(c, "wijzigen", "gebruiker", id, GELUKT, toelichting) != 0)
		return ops_storing(c, DB_ERR, "gebruiker_update");
	return OPS_OK;
}

/* ------------------------------------------------------------ links */

enum ops_uitkomst
wachtwoordlink_maak(struct ops_ctx *c, int64_t gebruiker_id,
    struct wachtwoordlink *link)
{
	struct gebruiker_rec g;
	enum ops_uitkomst u;
	enum db_err rc;
	int found;

	link->verloopt_op = NULL;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_gebruiker_get(c->db, c->arena, gebruiker_id, 1, &g,
	    &found)) != DB_OK)
		return ops_storing(c, rc, "gebruiker_link");
	if (!found)
		return ops_weiger(c, OPS_NIET_GEVONDEN, GEEN_GEBRUIKER);
	if (!g.actief)
		return ops_veldfout(c, "actief", "Dit account is uitgeschakeld: "
		    "schakel het eerst in, anders werkt de link niet.");
	if (link_uitgeven(c, gebruiker_id, link, &rc) != 0) {
		sodium_memzero(link->token, sizeof(link->token));
		return ops_storing(c, rc, "gebruiker_link");
	}
	return OPS_OK;
}

/* The link named by token, by its hash (hash: OUT). */
static enum ops_uitkomst
link_opzoeken(struct ops_ctx *c, const char *token, size_t len,
    char hash[TOKEN_HASH_LEN + 1], int64_t *id, const char **naam)
{
	char t[TOKEN_LEN + 1];
	enum db_err rc;
	int usable, found;

	if (token == NULL || len != TOKEN_LEN)
		return OPS_NIET_GEVONDEN;
	memcpy(t, token, TOKEN_LEN);
	t[TOKEN_LEN] = '\0';
	token_hash(t, hash);
	sodium_memzero(t, sizeof(t));
	if ((rc = store_link_lookup(c->db, c->arena, hash, id, naam, &usable,
	    &found)) != DB_OK)
		return ops_storing(c, rc, "wachtwoord_link");
	return found && usable ? OPS_OK : OPS_NIET_GEVONDEN;
}

enum ops_uitkomst
wachtwoordlink_zoek(struct ops_ctx *c, const char *token, size_t len,
    int64_t *gebruiker_id, const char **gebruikersnaam)
{
	char hash[TOKEN_HASH_LEN + 1];

	return link_opzoeken(c, token, len, hash, gebruiker_id, gebruikersnaam);
}

/*
 * The password is hashed before the transaction opens: hashing is slow on
 * purpose, and no row should be locked meanwhile. On OPS_VELDEN
 * *gebruikersnaam is set, so that the page can show whose password is being
 * set.
 */
enum ops_uitkomst
wachtwoord_instellen(struct ops_ctx *c, const struct wachtwoord_invoer *in,
    const char **gebruikersnaam)
{
	char hash[TOKEN_HASH_LEN + 1], pwhash[PASSHASH_MAX];
	const char *naam = NULL;
	enum password_problem pp;
	enum ops_uitkomst u;
	enum db_err rc;
	int64_t id;
	int claimed;

	*gebruikersnaam = NULL;
	if ((u = link_opzoeken(c, in->token, in->token_len, hash, &id, &naam)) !=
	    OPS_OK)
		return u;
	pp = password_check(in->veelgebruikt, in->nieuw ? in->nieuw : "", naam);
	if (pp != PW_OK)
		fout_melding(c->fouten, "nieuw", password_problem_text(pp));
	else if (in->herhaling == NULL || strcmp(in->nieuw, in->herhaling) != 0)
		fout_melding(c->fouten, "herhaling", "De twee wachtwoorden zijn "
		    "niet gelijk.");
	if (ops_heeft_fouten(c)) {
		*gebruikersnaam = naam;
		return OPS_VELDEN;
	}
	if (passhash_make(in->nieuw, pwhash) != 0) {
		log_error("wachtwoord_instellen", "req=%s cannot hash the password "
		    "(out of memory)", c->request_id ? c->request_id : "-");
		c->db_rc = DB_NOMEM;
		return OPS_STORING;
	}
	if ((u = ops_begin(c)) != OPS_OK)
		goto uit;
	/* Claiming the link is the first write: of two requests with one
	 * link, only one sets a password. */
	if ((rc = store_link_use(c->db, hash, &claimed)) != DB_OK) {
		u = ops_storing(c, rc, "wachtwoord_instellen");
		goto uit;
	}
	if (!claimed) {
		u = ops_terug(c, OPS_NIET_GEVONDEN);
		goto uit;
	}
	if ((rc = store_gebruiker_set_password(c->db, id, pwhash)) != DB_OK ||
	    (rc = store_sessie_delete_user(c->db, id)) != DB_OK) {
		u = ops_storing(c, rc, "wachtwoord_instellen");
		goto uit;
	}
	if (ops_audit(c, "wachtwoord_instellen", "gebruiker", id, GELUKT,
	    "met eenmalige link; alle sessies beëindigd") != 0)
		u = ops_storing(c, DB_ERR, "wachtwoord_instellen");
uit:
	sodium_memzero(pwhash, sizeof(pwhash));
	return u;
}

/* ------------------------------------------------------------ grants */

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

/* The user's existence is checked inside the transaction and before the
 * field errors are reported (404 before 422); the scope_id is only looked up
 * when rol and scope are sound, since an error there would be noise. */
enum ops_uitkomst
toekenning_maak(struct ops_ctx *c, const struct toekenning_invoer *in,
    int64_t gebruiker_id, int64_t *tid)
{
	enum scope_soort scope = (enum scope_soort)in->scope;
	struct gebruiker_rec g;
	enum ops_uitkomst u;
	enum db_err rc;
	int found, exists;

	if (in->rol == 0)
		fout_melding(c->fouten, in->veld_rol, "Kies een rol.");
	if (in->scope < 0)
		fout_melding(c->fouten, in->veld_scope, "Kies een reikwijdte.");
	else if (in->rol != 0 && !rol_scope_allowed(in->rol, scope))
		fout_melding(c->fouten, in->veld_scope, scope_rule(in->rol));
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_gebruiker_get(c->db, c->arena, gebruiker_id, 1, &g,
	    &found)) != DB_OK)
		return ops_storing(c, rc, "toekenning_add");
	if (!found)
		return ops_weiger(c, OPS_NIET_GEVONDEN, GEEN_GEBRUIKER);
	if (!ops_heeft_fouten(c)) {
		if ((rc = store_scope_exists(c->db, c->arena, scope, in->scope_id,
		    &exists)) != DB_OK)
			return ops_storing(c, rc, "toekenning_add");
		if (!exists)
			fout_melding(c->fouten, in->veld_scope_id,
			    scope == SCOPE_GEMEENTE ?
			    "Bij de gemeente hoort geen scope_id (of 0)." :
			    arena_printf(c->arena, "Deze %s bestaat niet.",
			    scope_code(scope)));
	}
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	rc = store_toekenning_insert(c->db, gebruiker_id, in->rol, scope,
	    in->scope_id, tid);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, in->veld_rol, "Deze gebruiker heeft deze rol "
		    "al, met deze reikwijdte.");
	/* The grants are part of the user's record: its version moves. */
	if (rc != DB_OK || (rc = store_gebruiker_bump(c->db, gebruiker_id)) !=
	    DB_OK)
		return ops_storing(c, rc, "toekenning_add");
	if (ops_audit(c, "toekenning_toevoegen", "gebruiker", gebruiker_id, GELUKT,
	    arena_printf(c->arena, "toekenning %lld: %s, %s %lld", (long long)*tid,
	    rol_code(in->rol), scope_code(scope), (long long)in->scope_id)) != 0)
		return ops_storing(c, DB_ERR, "toekenning_add");
	return OPS_OK;
}

/* A beheerder cannot take away their own role beheerder: another one
 * must, so that a slip cannot leave the gemeente without a beheerder. */
enum ops_uitkomst
toekenning_verwijder(struct ops_ctx *c, int64_t gebruiker_id, int64_t tid)
{
	static const char geen[] = "Deze gebruiker heeft deze toekenning niet.";
	struct toekenning_rec t;
	enum ops_uitkomst u;
	enum db_err rc;
	int found, removed;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_toekenning_get(c->db, c->arena, gebruiker_id, tid, &t,
	    &found)) != DB_OK)
		return ops_storing(c, rc, "toekenning_remove");
	if (!found)
		return ops_weiger(c, OPS_NIET_GEVONDEN, geen);
	if (gebruiker_id == c->who->gebruiker_id && t.rol == ROL_BEHEERDER)
		return ops_veldfout(c, "toekenningen", "U kunt uw eigen rol "
		    "beheerder niet intrekken; laat een andere beheerder dat doen.");
	if ((rc = store_toekenning_delete(c->db, gebruiker_id, tid, &removed)) !=
	    DB_OK)
		return ops_storing(c, rc, "toekenning_remove");
	if (!removed)
		return ops_weiger(c, OPS_NIET_GEVONDEN, geen);
	if ((rc = store_gebruiker_bump(c->db, gebruiker_id)) != DB_OK)
		return ops_storing(c, rc, "toekenning_remove");
	if (ops_audit(c, "toekenning_verwijderen", "gebruiker", gebruiker_id,
	    GELUKT, arena_printf(c->arena, "toekenning %lld: %s, %s %lld",
	    (long long)tid, rol_code(t.rol), scope_code(t.scope),
	    (long long)t.scope_id)) != 0)
		return ops_storing(c, DB_ERR, "toekenning_remove");
	return OPS_OK;
}

/* ------------------------------------------------------------ API tokens */

/* The clear token goes out through token only (the caller shows it once);
 * only its hash is stored, and the clear value is wiped on every failure
 * after it was made. */
enum ops_uitkomst
token_maak(struct ops_ctx *c, const struct token_invoer *in, int64_t *id,
    char token[TOKEN_LEN + 1])
{
	char hash[TOKEN_HASH_LEN + 1];
	struct gebruiker_rec g;
	const char *naam, *why = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	int found = 0;

	if ((naam = clean_text(c, in->naam, TEXT_MAX_CHARS, &why)) == NULL)
		fout_melding(c->fouten, "naam", why);
	if (in->gebruiker_id <= 0)
		fout_melding(c->fouten, "gebruiker_id", "Kies de gebruiker namens "
		    "wie het token werkt.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (in->gebruiker_id > 0) {
		if ((rc = store_gebruiker_get(c->db, c->arena, in->gebruiker_id, 1,
		    &g, &found)) != DB_OK)
			return ops_storing(c, rc, "token_issue");
		if (!found)
			fout_melding(c->fouten, "gebruiker_id", "Deze gebruiker "
			    "bestaat niet.");
		else if (!g.actief)
			fout_melding(c->fouten, "gebruiker_id", "Deze gebruiker is "
			    "uitgeschakeld; een token zou niet werken.");
	}
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	token_new(token);
	token_hash(token, hash);
	if ((rc = store_token_insert(c->db, naam, hash, in->gebruiker_id,
	    c->who->gebruiker_id, id)) != DB_OK) {
		sodium_memzero(token, TOKEN_LEN + 1);
		return ops_storing(c, rc, "token_issue");
	}
	if (ops_audit(c, "token_uitgeven", "api_token", *id, GELUKT,
	    arena_printf(c->arena, "voor gebruiker %lld",
	    (long long)in->gebruiker_id)) != 0) {
		sodium_memzero(token, TOKEN_LEN + 1);
		return ops_storing(c, DB_ERR, "token_issue");
	}
	return OPS_OK;
}

/* Revoking is idempotent: a token revoked before answers OPS_OK with nothing
 * written. */
enum ops_uitkomst
token_intrekken(struct ops_ctx *c, int64_t id)
{
	struct token_rec t;
	enum ops_uitkomst u;
	enum db_err rc;
	int found, revoked;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_token_get(c->db, c->arena, id, &t, &found)) != DB_OK)
		return ops_storing(c, rc, "token_revoke");
	if (!found)
		return ops_weiger(c, OPS_NIET_GEVONDEN, "Dit token bestaat niet.");
	if ((rc = store_token_revoke(c->db, id, &revoked)) != DB_OK)
		return ops_storing(c, rc, "token_revoke");
	/* Revoked before: nothing to write, and no audit row for it. */
	if (!revoked)
		return OPS_OK;
	if (ops_audit(c, "token_intrekken", "api_token", id, GELUKT,
	    arena_printf(c->arena, "van gebruiker %lld",
	    (long long)t.gebruiker_id)) != 0)
		return ops_storing(c, DB_ERR, "token_revoke");
	return OPS_OK;
}
