/*
 * gebruiker_weergave.c — what the four files of user administration
 * (gebruikers.c, toekenningen.c, tokens.c, wachtwoordlink.c) share: the
 * reading of bodies and list parameters, the answer to an operation's
 * outcome, and the views of a user — the JSON of a user with its grants,
 * the user's admin page with its grants and the one-time link. Below the
 * route handlers and calling none of them, so that the handlers of one
 * kind of write can show the page of another without tying those files
 * to each other (gebruikers.h declares it all).
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/rol.h"
#include "handlers/gebruikers.h"
#include "http/request.h"
#include "http/response.h"
#include "store/gebruiker.h"

void
zet_str(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, tekst_of_null(v));
}

/* One way to write an id (getal_id: no sign, no leading zero, at most
 * WZ_MAX_ID), so that "7" and "007" are never two names for one row. */
int64_t
lees_id(const char *s)
{
	return s != NULL ? getal_id(s, strlen(s)) : 0;
}

/* A string with an embedded NUL is refused: every C string function after
 * this would see it cut short, so what is checked and what is stored
 * would no longer be the same text. */
const char *
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

void
geen_opslag(struct req *r)
{
	resp_header(r, "Cache-Control", "no-store");
}

/* The field errors move into the problem (resp_problem takes them); the
 * headers set for a success that is not sent go, as in
 * antwoord_uitkomst. */
void
gebruikers_antwoord(struct req *r, struct ops_ctx *c, enum ops_uitkomst u)
{
	struct json_object *fouten;

	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, c, u);
		return;
	}
	fouten = c->fouten;
	c->fouten = NULL;
	r->res.nheaders = 0;
	resp_problem(r, 422, "Niet alle gegevens zijn in orde.", fouten);
}

/* The roles in the bit set roles as codes, in the order of enum rol. */
static struct json_object *
rollen_json(unsigned roles)
{
	struct json_object *a = json_object_new_array();

	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1)
		if (roles & bit)
			json_object_array_add(a,
			    json_object_new_string(rol_code((enum rol)bit)));
	return a;
}

/* A user as the API shows it; the grants (n of them) only for one user
 * (with_grants), a list row has its roles only. */
struct json_object *
gebruiker_json(const struct gebruiker_rec *g, const struct toekenning_rec *t,
    size_t n, int with_grants)
{
	struct json_object *o = json_object_new_object(), *a;
	struct grant gr[MAX_GRANTS];
	unsigned roles = 0;
	size_t i;

	json_object_object_add(o, "id", json_object_new_int64(g->id));
	json_object_object_add(o, "versie", json_object_new_int64(g->versie));
	zet_str(o, "gebruikersnaam", g->gebruikersnaam);
	zet_str(o, "naam", g->naam);
	json_object_object_add(o, "actief", json_object_new_boolean(g->actief));
	json_object_object_add(o, "wachtwoord_ingesteld",
	    json_object_new_boolean(g->wachtwoord_ingesteld));
	zet_str(o, "aangemaakt_op", g->aangemaakt_op);
	zet_str(o, "wachtwoord_op", g->wachtwoord_op);
	/* A list row has only its grants column ("rol:scope:id,...") of the
	 * list query, read here for its roles: the names of the scopes would
	 * cost a query per row. */
	if (!with_grants) {
		(void)grants_parse(g->toekenningen, gr, MAX_GRANTS, &roles);
		json_object_object_add(o, "rollen", rollen_json(roles));
		return o;
	}
	a = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object_array_add(a, toekenning_json(&t[i]));
		roles |= t[i].rol;
	}
	json_object_object_add(o, "rollen", rollen_json(roles));
	json_object_object_add(o, "toekenningen", a);
	return o;
}

/* The user with their grants, as JSON; NULL when there is none (*rc says
 * whether that is an error). *versie: the row version. */
struct json_object *
gebruiker_lees_json(struct req *r, int64_t id, enum db_err *rc,
    int64_t *versie)
{
	struct gebruiker_rec g;
	struct toekenning_rec *t;
	size_t n;
	int found;

	if ((*rc = store_gebruiker_get(r->db, r->arena, id, 0, &g, &found)) !=
	    DB_OK || !found)
		return NULL;
	if ((*rc = store_toekenning_list(r->db, r->arena, id, &t, &n)) != DB_OK)
		return NULL;
	*versie = g.versie;
	return gebruiker_json(&g, t, n, 1);
}

/*
 * The three reads (the user, their grants, the scope options) come first,
 * so that a failure answers before any of the context is built. extra is
 * merged in last and so wins over what was built here: that is how a
 * form comes back as it was typed.
 */
void
gebruiker_pagina(struct req *r, int status, int64_t id,
    struct json_object *extra)
{
	struct json_object *ctx, *u, *form, *tf = NULL;
	struct gebruiker_rec g;
	struct toekenning_rec *t = NULL;
	struct scope_rec *scopes = NULL;
	size_t n = 0, ns = 0;
	enum db_err rc;
	int found;

	if ((rc = store_gebruiker_get(r->db, r->arena, id, 0, &g, &found)) !=
	    DB_OK ||
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
	zet_str(ctx, "titel", arena_printf(r->arena, "Gebruiker %s",
	    g.gebruikersnaam));
	u = json_object_new_object();
	json_object_object_add(u, "id", json_object_new_int64(g.id));
	zet_str(u, "gebruikersnaam", g.gebruikersnaam);
	zet_str(u, "naam", g.naam);
	json_object_object_add(u, "actief", json_object_new_boolean(g.actief));
	json_object_object_add(u, "wachtwoord_ingesteld",
	    json_object_new_boolean(g.wachtwoord_ingesteld));
	zet_str(u, "wachtwoord_op", g.wachtwoord_op);
	zet_str(u, "aangemaakt_op", g.aangemaakt_op);
	json_object_object_add(ctx, "gebruiker", u);

	/* The edit form shows the stored values unless extra brings typed
	 * ones; the grant form keeps what was chosen. */
	if (extra == NULL || !json_object_object_get_ex(extra, "form", &form)) {
		form = json_object_new_object();
		zet_str(form, "naam", g.naam);
		json_object_object_add(form, "actief",
		    json_object_new_boolean(g.actief));
		json_object_object_add(form, "versie",
		    json_object_new_int64(g.versie));
		json_object_object_add(ctx, "form", form);
	}
	if (extra != NULL)
		json_object_object_get_ex(extra, "toekenning_form", &tf);
	toekenningen_op_pagina(r, ctx, t, n, scopes, ns, tf);
	if (extra != NULL) {
		json_object_object_foreach(extra, key, val)
			json_object_object_add(ctx, key, json_object_get(val));
		json_object_put(extra);
	}
	resp_page(r, status, "gebruiker", ctx);
}

/* Who owns what: on OPS_VELDEN the errors go into extra (pagina_fouten
 * takes them) and extra into the page (gebruiker_pagina takes it); every
 * other branch puts extra itself. */
void
gebruiker_formulier_klaar(struct req *r, struct ops_ctx *c,
    enum ops_uitkomst u, int64_t id, struct json_object *extra,
    const char *melding)
{
	struct json_object *fouten;

	switch (u) {
	case OPS_OK:
		json_object_put(extra);
		antwoord_uitkomst(r, c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/beheer/gebruikers/%lld?melding=%s", (long long)id,
			    melding));
		return;
	case OPS_VELDEN:
		fouten = c->fouten;
		c->fouten = NULL;
		pagina_fouten(r, extra, fouten);
		gebruiker_pagina(r, 422, id, extra);
		return;
	case OPS_VEROUDERD:
		/* Not 412 as the API: a page shows the record as it is now. */
		json_object_put(extra);
		json_object_put(c->fouten);
		c->fouten = NULL;
		extra = json_object_new_object();
		json_object_object_add(extra, "conflict", json_object_new_boolean(1));
		gebruiker_pagina(r, 409, id, extra);
		return;
	default:
		json_object_put(extra);
		antwoord_uitkomst(r, c, u);
		return;
	}
}

/* A grant for the API. A gemeente grant has no scope record whose name
 * the query could give: it is named "Gemeente" here. */
struct json_object *
toekenning_json(const struct toekenning_rec *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	zet_str(o, "rol", rol_code(t->rol));
	zet_str(o, "rol_naam", rol_label(t->rol));
	zet_str(o, "scope_soort", scope_code(t->scope));
	json_object_object_add(o, "scope_id", json_object_new_int64(t->scope_id));
	zet_str(o, "scope_naam", t->scope == SCOPE_GEMEENTE ? "Gemeente" :
	    t->scope_naam);
	zet_str(o, "aangemaakt_op", t->aangemaakt_op);
	return o;
}

/* The name the grant's own query gave comes first, then the scope options
 * read for the form; the code and id are the last resort, so that every
 * grant row has a label, also when its record's name could not be
 * found. */
const char *
reikwijdte_naam(struct req *r, const struct scope_rec *scopes, size_t n,
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

/* The role options of the grant form, with the chosen one marked. */
static struct json_object *
rol_opties(enum rol chosen)
{
	struct json_object *a = json_object_new_array(), *o;

	for (unsigned bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		o = json_object_new_object();
		zet_str(o, "waarde", rol_code((enum rol)bit));
		zet_str(o, "label", rol_label((enum rol)bit));
		if (bit == (unsigned)chosen)
			json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(a, o);
	}
	return a;
}

/* The scope options, grouped per kind ("organisatie:12"), chosen marked.
 * A value names the kind and the id together, because the grant form
 * has one select ("scope") for both; the gemeente is not among them
 * (toekenningen_op_pagina). */
static struct json_object *
scope_groepen(struct req *r, const struct scope_rec *s, size_t n,
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
		zet_str(g, "label", kinds[k].label);
		for (i = 0; i < n; i++) {
			if (s[i].scope != kinds[k].scope)
				continue;
			v = arena_printf(r->arena, "%s:%lld", scope_code(s[i].scope),
			    (long long)s[i].id);
			o = json_object_new_object();
			zet_str(o, "waarde", v);
			zet_str(o, "label", s[i].naam);
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
 * tf is the grant form as it was sent (its "rol" and "scope" texts), so
 * that a form with errors keeps what was chosen; it is only read. The
 * gemeente is the one scope without an id and is chosen through a flag
 * of its own rather than among the groups.
 */
void
toekenningen_op_pagina(struct req *r, struct json_object *ctx,
    const struct toekenning_rec *t, size_t n, const struct scope_rec *scopes,
    size_t ns, struct json_object *tf)
{
	struct json_object *rows, *row, *rv = NULL, *sv = NULL;
	const char *label, *rs, *ss;
	size_t i;

	rows = json_object_new_array();
	for (i = 0; i < n; i++) {
		row = json_object_new_object();
		label = reikwijdte_naam(r, scopes, ns, t[i].scope, t[i].scope_id,
		    t[i].scope_naam);
		json_object_object_add(row, "id", json_object_new_int64(t[i].id));
		zet_str(row, "rol_naam", rol_label(t[i].rol));
		zet_str(row, "scope_soort", scope_code(t[i].scope));
		zet_str(row, "scope_naam", label);
		zet_str(row, "aangemaakt_op", t[i].aangemaakt_op);
		zet_str(row, "verwijder_label", arena_printf(r->arena,
		    "Verwijderen: %s, %s", rol_label(t[i].rol), label));
		json_object_array_add(rows, row);
	}
	json_object_object_add(ctx, "toekenningen", rows);
	json_object_object_add(ctx, "heeft_toekenningen",
	    json_object_new_boolean(n > 0));

	if (tf != NULL) {
		json_object_object_get_ex(tf, "rol", &rv);
		json_object_object_get_ex(tf, "scope", &sv);
	}
	rs = rv ? json_object_get_string(rv) : NULL;
	ss = sv ? json_object_get_string(sv) : NULL;
	json_object_object_add(ctx, "rol_opties",
	    rol_opties(rs ? rol_parse(rs, strlen(rs)) : 0));
	json_object_object_add(ctx, "scope_groepen",
	    scope_groepen(r, scopes, ns, ss));
	if (ss != NULL && strcmp(ss, "gemeente") == 0)
		json_object_object_add(ctx, "gemeente_gekozen",
		    json_object_new_boolean(1));
}

/* The path only, as the API answers it (wachtwoord_link); a page puts
 * the host the beheerder is on in front of it (link_json). */
const char *
wachtwoordlink_pad(struct req *r, const char *token)
{
	return arena_printf(r->arena, LINK_PREFIX "%s", token);
}

/* {pad, url, verloopt_op}: what a page shows of a link just made. The URL
 * uses the host the beheerder is on, for them to pass on. */
static struct json_object *
link_json(struct req *r, const char *token, const char *verloopt_op)
{
	struct json_object *o = json_object_new_object();
	const char *pad = wachtwoordlink_pad(r, token);

	zet_str(o, "pad", pad);
	if (r->host != NULL && r->scheme != NULL)
		zet_str(o, "url", arena_printf(r->arena, "%s://%s%s", r->scheme,
		    r->host, pad));
	else
		zet_str(o, "url", pad);
	zet_str(o, "verloopt_op", verloopt_op);
	return o;
}

/* The token is wiped from the caller's buffer as soon as the context
 * holds its text; the page itself is sent no-store, so neither a proxy
 * nor the browser's history keeps it. */
void
wachtwoordlink_pagina(struct req *r, int64_t id, struct wachtwoordlink *link,
    int nieuw)
{
	struct json_object *extra = json_object_new_object();

	json_object_object_add(extra, "link", link_json(r, link->token,
	    link->verloopt_op));
	if (nieuw)
		json_object_object_add(extra, "nieuw", json_object_new_boolean(1));
	sodium_memzero(link->token, sizeof(link->token));
	gebruiker_pagina(r, 200, id, extra);
	geen_opslag(r);
}
