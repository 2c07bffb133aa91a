/*
 * gebruikers.h — what the user administration handlers share
 * (gebruikers.c: accounts, and the route table of all four files;
 * toekenningen.c: grants; tokens.c: API tokens; wachtwoordlink.c:
 * one-time links and the public page behind one). Internal to those
 * files.
 *
 * The writes are the operations of ops/gebruikers.h; these files turn
 * bodies and forms into their input and their outcome into an answer.
 */
#ifndef WZ_HANDLERS_GEBRUIKERS_H
#define WZ_HANDLERS_GEBRUIKERS_H

#include <stddef.h>
#include <stdint.h>

#include "handlers/common.h"
#include "ops/gebruikers.h"

struct json_object;
struct gebruiker_rec;
struct req;
struct scope_rec;
struct toekenning_rec;

/* ------------------------------------------------------------ helpers
 * of gebruikers.c */

/* Adds key: v as a string, or null when v is NULL. */
void	zet_str(struct json_object *, const char *key, const char *v);
/* A positive id written in decimal without sign or leading zero, or 0. */
int64_t	lees_id(const char *s);
/*
 * String member key of the JSON body (json-c's, valid for the request),
 * or NULL: absent (nothing added), or not a string or one with an
 * embedded NUL (an error for key added to fouten).
 */
const char *body_str(struct req *, const char *key, struct json_object *fouten);
/* Cache-Control: no-store, for an answer that shows a secret. */
void	geen_opslag(struct req *);
/* antwoord_uitkomst() in the words of the user API: a 422 says "Niet
 * alle gegevens zijn in orde.". */
void	gebruikers_antwoord(struct req *, struct ops_ctx *, enum ops_uitkomst);

/*
 * The page of user id with status. extra (ownership taken, may be NULL)
 * is merged into the context: "link", "nieuw", "fouten"/"fout_*", "form"
 * (the edit form as typed), "toekenning_form" (the grant form as chosen),
 * "melding", "conflict".
 */
void	gebruiker_pagina(struct req *, int status, int64_t id,
	    struct json_object *extra);
/*
 * The answer of a form on the page of user id once its operation ran:
 * OPS_OK commits and goes back to the page with ?melding=melding (POST/
 * redirect/GET); OPS_VELDEN shows the page again, 422, with the errors
 * and extra (the values as typed); OPS_VEROUDERD, 409, with the record as
 * it is now; anything else as antwoord_uitkomst(). Takes ownership of
 * extra and frees the field errors.
 */
void	gebruiker_formulier_klaar(struct req *, struct ops_ctx *,
	    enum ops_uitkomst, int64_t id, struct json_object *extra,
	    const char *melding);

/* ------------------------------------------------------------ of
 * toekenningen.c: grants as JSON and on the user's page */

struct json_object *toekenning_json(const struct toekenning_rec *);
/* "Gemeente", naam, the scope's name in scopes, or "organisatie 12". */
const char *reikwijdte_naam(struct req *, const struct scope_rec *scopes,
	    size_t n, enum scope_soort, int64_t id, const char *naam);
/* The grants part of the user's page into ctx: the n grants t, and the
 * grant form with what tf (may be NULL) chose. */
void	toekenningen_op_pagina(struct req *, struct json_object *ctx,
	    const struct toekenning_rec *t, size_t n,
	    const struct scope_rec *scopes, size_t ns, struct json_object *tf);

/* ------------------------------------------------------------ of
 * wachtwoordlink.c */

/* "/wachtwoord-instellen/<token>" in the arena. */
const char *wachtwoordlink_pad(struct req *, const char *token);
/* The page of user id showing the link just made, once (no-store);
 * nieuw: the user was just created. Wipes the link's token. */
void	wachtwoordlink_pagina(struct req *, int64_t id,
	    struct wachtwoordlink *, int nieuw);

/* ------------------------------------------------------------ route
 * handlers of toekenningen.c, tokens.c and wachtwoordlink.c, for the one
 * route table in gebruikers.c */

void	pagina_toekenning_maak(struct req *);
void	pagina_toekenning_verwijder(struct req *);
void	api_toekenning_maak(struct req *);
void	api_toekenning_verwijder(struct req *);

void	pagina_tokens(struct req *);
void	pagina_token_maak(struct req *);
void	pagina_token_intrekken(struct req *);
void	api_tokens(struct req *);
void	api_token_lees(struct req *);
void	api_token_maak(struct req *);
void	api_token_intrekken(struct req *);

void	pagina_wachtwoordlink_maak(struct req *);
void	pagina_wachtwoord(struct req *);
void	pagina_wachtwoord_instellen(struct req *);
void	api_wachtwoordlink_maak(struct req *);

/* Where a one-time link points: LINK_PREFIX and its token. */
#define LINK_PREFIX	"/wachtwoord-instellen/"

/*
 * A user as the API shows it: with_grants (one user) adds the grants t
 * (n of them); a list row has its roles only. gebruiker_lees_json reads
 * user id with its grants: NULL when there is none (*rc says whether that
 * is an error); *versie is the row version.
 */
struct json_object *gebruiker_json(const struct gebruiker_rec *g,
		    const struct toekenning_rec *t, size_t n, int with_grants);
struct json_object *gebruiker_lees_json(struct req *, int64_t id,
		    enum db_err *rc, int64_t *versie);

#endif
