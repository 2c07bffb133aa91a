/*
 * gebruikers.h — the writes of user administration: accounts, their
 * grants (toekenningen), one-time links to set a password, the password
 * set through such a link, and API tokens. One operation each, shared by
 * the JSON API and the admin pages (handlers/gebruikers.c, toekenningen.c,
 * tokens.c, wachtwoordlink.c).
 *
 * Access: the route's rule (beheer) was checked before any of these runs,
 * except for the link operations a link itself authorizes
 * (wachtwoordlink_zoek, wachtwoord_instellen). No personal data of
 * inwoners: c->scope may be NULL.
 *
 * Secrets: a link and an API token are generated here and handed back in
 * the caller's buffer, to be shown exactly once and then wiped
 * (sodium_memzero); only their hash is stored. Neither ever reaches a log
 * line or an audit row. A new password is hashed here and not kept.
 *
 * Messages: OPS_NIET_GEVONDEN (but for a link, which has no words of its
 * own: its page says it) and OPS_VEROUDERD come with c->melding, the
 * sentence the JSON API answers with; a page may word it its own way.
 */
#ifndef WZ_OPS_GEBRUIKERS_H
#define WZ_OPS_GEBRUIKERS_H

#include <stddef.h>
#include <stdint.h>

#include "core/secret.h"
#include "domain/rol.h"
#include "ops/ops.h"

struct password_list;

/* An account as sent: texts are judged here (trimmed, length, charset). */
struct gebruiker_invoer {
	const char *gebruikersnaam;   /* gebruiker_maak only; NULL: absent */
	const char *naam;             /* NULL: absent */
	int         actief;           /* gebruiker_wijzig only */
};

/* A one-time link just made (OUT). */
struct wachtwoordlink {
	char        token[TOKEN_LEN + 1];  /* the secret: show once, then wipe */
	const char *verloopt_op;           /* ISO 8601 UTC, in the arena */
};

/*
 * A grant as chosen. The names of the fields in the errors differ per
 * face: the form has one select "scope", the API "scope_soort" and
 * "scope_id".
 */
struct toekenning_invoer {
	enum rol    rol;          /* 0: none chosen */
	int         scope;        /* enum scope_soort, or -1: none chosen */
	int64_t     scope_id;     /* 0 for the gemeente */
	const char *veld_rol, *veld_scope, *veld_scope_id;
};

struct token_invoer {
	const char *naam;
	int64_t     gebruiker_id;   /* on whose behalf; <= 0: none chosen */
};

/* The form behind a one-time link. */
struct wachtwoord_invoer {
	const char                 *token;      /* as in the path: borrowed, */
	size_t                      token_len;  /* not NUL-terminated */
	const char                 *nieuw, *herhaling;
	const struct password_list *veelgebruikt;  /* may be NULL */
};

/*
 * Creates an active user without a password (field errors: the name
 * taken or malformed), with a one-time link for them. *id: the new user.
 */
enum ops_uitkomst gebruiker_maak(struct ops_ctx *,
		    const struct gebruiker_invoer *, int64_t *id,
		    struct wachtwoordlink *link);
/*
 * Sets naam and actief of user id at version versie (OPS_VEROUDERD:
 * changed meanwhile). Disabling ends every session of the user in the
 * same transaction; their API tokens stop working because a token's
 * lookup requires an active user. One's own account cannot be disabled.
 */
enum ops_uitkomst gebruiker_wijzig(struct ops_ctx *,
		    const struct gebruiker_invoer *, int64_t id, int64_t versie);

/* A new one-time link for an active user; earlier unused links of the
 * user stop working. A disabled user is a field error ("actief"). */
enum ops_uitkomst wachtwoordlink_maak(struct ops_ctx *, int64_t gebruiker_id,
		    struct wachtwoordlink *link);
/*
 * The one-time link token (len bytes, as in the path): OPS_OK when it can
 * be used (*gebruiker_id, *gebruikersnaam set), OPS_NIET_GEVONDEN when it
 * is unknown, used, expired or of a disabled user. A read: no
 * transaction. The token is only hashed, never kept.
 */
enum ops_uitkomst wachtwoordlink_zoek(struct ops_ctx *, const char *token,
		    size_t len, int64_t *gebruiker_id, const char **gebruikersnaam);
/*
 * Sets the password of the link's user and uses the link up: checks the
 * link (OPS_NIET_GEVONDEN as wachtwoordlink_zoek, also when a concurrent
 * request used it first) and the password (field errors "nieuw",
 * "herhaling"), then ends every session of the user. *gebruikersnaam: the
 * link's user, for the form again after field errors (else NULL).
 */
enum ops_uitkomst wachtwoord_instellen(struct ops_ctx *,
		    const struct wachtwoord_invoer *, const char **gebruikersnaam);

/*
 * Grants a role to user gebruiker_id, when the scope fits the role
 * (rol_scope_allowed) and its record exists; holding it already is a
 * field error. *tid: the new grant.
 */
enum ops_uitkomst toekenning_maak(struct ops_ctx *,
		    const struct toekenning_invoer *, int64_t gebruiker_id,
		    int64_t *tid);
/* Removes grant tid of user gebruiker_id. One's own beheerder grant stays
 * (field error "toekenningen"): removing it could leave nobody to manage
 * users. */
enum ops_uitkomst toekenning_verwijder(struct ops_ctx *, int64_t gebruiker_id,
		    int64_t tid);

/* Issues an API token on behalf of an active user (field errors "naam",
 * "gebruiker_id"). *id: the new token; token: its secret. */
enum ops_uitkomst token_maak(struct ops_ctx *, const struct token_invoer *,
		    int64_t *id, char token[TOKEN_LEN + 1]);
/* Revokes token id. Revoking a revoked token is no error: OPS_OK, with
 * nothing written. */
enum ops_uitkomst token_intrekken(struct ops_ctx *, int64_t id);

#endif
