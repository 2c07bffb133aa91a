/*
 * wachtwoordlink.c — one-time links to set a password: a beheerder makes
 * one for a user (page and JSON API), and the user sets their password on
 * the public page behind it. The writes are wachtwoordlink_maak and
 * wachtwoord_instellen of ops/gebruikers.h; the routes are in the table
 * of gebruikers.c.
 *
 * Routes (besides 401/403 from the front gate, 400/415 for a bad body and
 * 500/503 when the database fails, each may answer):
 *   POST   /beheer/gebruikers/{id}/link              200 (the link, once); 404; 422
 *   GET    /wachtwoord-instellen/{token}             200; 404 (unknown, used or
 *                                                    expired link, or disabled user)
 *   POST   /wachtwoord-instellen/{token}             303 to /inloggen; 404; 422
 *   POST   /api/v1/gebruikers/{id}/wachtwoordlink    201; 404; 422
 *
 * A link is shown exactly once, in the answer to the request that made
 * it, and stored only as a hash; pages that show one, and the pages behind
 * one, are sent with Cache-Control: no-store. The token in the path never
 * reaches a log line (the router logs the pattern of a token route).
 */
#include "config.h"

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "handlers/gebruikers.h"
#include "http/request.h"
#include "http/response.h"


/* POST /beheer/gebruikers/{id}/link — a fresh link, shown once. */
void
pagina_wachtwoordlink_maak(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *extra;
	struct wachtwoordlink link;
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	switch ((u = wachtwoordlink_maak(&c, id, &link))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			wachtwoordlink_pagina(r, id, &link, 0);
		break;
	case OPS_VELDEN:
		extra = json_object_new_object();
		pagina_fouten(r, extra, c.fouten);
		gebruiker_pagina(r, 422, id, extra);
		break;
	default:
		antwoord_uitkomst(r, &c, u);
		break;
	}
	sodium_memzero(link.token, sizeof(link.token));
}

/* POST /api/v1/gebruikers/{id}/wachtwoordlink — a new link, once. */
void
api_wachtwoordlink_maak(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct wachtwoordlink link;
	struct json_object *o;
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = wachtwoordlink_maak(&c, id, &link);
	gebruikers_antwoord(r, &c, u);
	if (u == OPS_OK && tx_commit(r) == 0) {
		o = json_object_new_object();
		json_object_object_add(o, "gebruiker_id", json_object_new_int64(id));
		zet_str(o, "wachtwoord_link", wachtwoordlink_pad(r, link.token));
		zet_str(o, "verloopt_op", link.verloopt_op);
		resp_json(r, 201, o);
		resp_header(r, "Location", arena_printf(r->arena,
		    "/api/v1/gebruikers/%lld", (long long)id));
		geen_opslag(r);
	}
	sodium_memzero(link.token, sizeof(link.token));
}

/* ------------------------------------------------------------ set password */

/* The page for a link that cannot be used: unknown, used, expired, or its
 * account disabled. One status (404) and one text for all: it says nothing
 * about whether an account exists or a link ever did. */
static void
link_ongeldig(struct req *r)
{
	struct json_object *ctx = json_object_new_object();

	zet_str(ctx, "titel", "Link werkt niet");
	resp_page(r, 404, "wachtwoord_instellen_ongeldig", ctx);
	geen_opslag(r);
}

/* The form behind the link; fouten (ownership taken, may be NULL). */
static void
wachtwoord_formulier(struct req *r, int status, const char *gebruikersnaam,
    struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object();
	size_t len;
	const char *t = route_param_str(&r->match, "token", &len);

	zet_str(ctx, "titel", "Wachtwoord instellen");
	zet_str(ctx, "gebruikersnaam", gebruikersnaam);
	zet_str(ctx, "actie", arena_printf(r->arena, LINK_PREFIX "%.*s", (int)len,
	    t != NULL ? t : ""));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "wachtwoord_instellen", ctx);
	geen_opslag(r);
}

/* GET /wachtwoord-instellen/{token} */
void
pagina_wachtwoord(struct req *r)
{
	const char *t, *naam = NULL;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id;
	size_t len;

	t = route_param_str(&r->match, "token", &len);
	ops_ctx_van(r, NULL, &c);
	u = wachtwoordlink_zoek(&c, t, len, &id, &naam);
	if (u == OPS_NIET_GEVONDEN) {
		json_object_put(c.fouten);
		link_ongeldig(r);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		wachtwoord_formulier(r, 200, naam, NULL);
}

/* POST /wachtwoord-instellen/{token} — nieuw, herhaling; 303 to log in. */
void
pagina_wachtwoord_instellen(struct req *r)
{
	struct wachtwoord_invoer in;
	const char *naam = NULL;
	struct ops_ctx c;
	enum ops_uitkomst u;

	in.token = route_param_str(&r->match, "token", &in.token_len);
	in.nieuw = kv_get(&r->form, "nieuw");
	in.herhaling = kv_get(&r->form, "herhaling");
	in.veelgebruikt = r->passwords;
	ops_ctx_van(r, NULL, &c);
	switch ((u = wachtwoord_instellen(&c, &in, &naam))) {
	case OPS_OK:
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, "/inloggen?wachtwoord=ingesteld");
		return;
	case OPS_VELDEN:
		wachtwoord_formulier(r, 422, naam, c.fouten);
		return;
	case OPS_NIET_GEVONDEN:
		json_object_put(c.fouten);
		link_ongeldig(r);
		return;
	default:
		antwoord_uitkomst(r, &c, u);
		return;
	}
}
