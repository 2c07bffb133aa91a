/*
 * toekenningen.c — the grants (toekenningen) of a user: the grant form
 * and the list on the user's page, and the JSON API. The writes are
 * toekenning_maak and toekenning_verwijder of ops/gebruikers.h; the
 * routes are in the table of gebruikers.c.
 *
 * Routes (besides 401/403 from the front gate, 400/415 for a bad body and
 * 500/503 when the database fails, each may answer):
 *   POST   /beheer/gebruikers/{id}/toekenningen      303; 404; 422
 *   POST   /beheer/gebruikers/{id}/toekenningen/{tid}/verwijderen
 *                                                    303; 404; 422
 *   POST   /api/v1/gebruikers/{id}/toekenningen      201; 404; 409; 422
 *   DELETE /api/v1/gebruikers/{id}/toekenningen/{tid} 204; 404; 422
 *
 * A grant is part of its user's record: the user's version moves with
 * it, so an edit form that was open meanwhile gets 409 (pages) or 412.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/rol.h"
#include "handlers/gebruikers.h"
#include "http/request.h"
#include "http/response.h"
#include "store/gebruiker.h"

/* ------------------------------------------------------------ views */

/* ------------------------------------------------------------ pages */

/* Splits "organisatie:12" (or "gemeente") from the grant form. Returns the
 * scope kind or -1; *id gets the id (0 for the gemeente). */
static int
scope_keuze(const char *s, int64_t *id)
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
	if (scope <= SCOPE_GEMEENTE || (*id = lees_id(colon + 1)) == 0)
		return -1;
	return scope;
}

/* POST /beheer/gebruikers/{id}/toekenningen — rol and scope selects. */
void
pagina_toekenning_maak(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), tid;
	struct toekenning_invoer in = { 0, -1, 0, "rol", "scope", "scope" };
	struct json_object *extra = json_object_new_object(), *tf;
	const char *rs = kv_get(&r->form, "rol"), *ss = kv_get(&r->form, "scope");
	struct ops_ctx c;

	in.rol = rs ? rol_parse(rs, strlen(rs)) : 0;
	in.scope = scope_keuze(ss, &in.scope_id);
	tf = json_object_new_object();
	zet_str(tf, "rol", rs);
	zet_str(tf, "scope", ss);
	json_object_object_add(extra, "toekenning_form", tf);
	ops_ctx_van(r, NULL, &c);
	gebruiker_formulier_klaar(r, &c, toekenning_maak(&c, &in, id, &tid), id,
	    extra, "toegevoegd");
}

/* POST /beheer/gebruikers/{id}/toekenningen/{tid}/verwijderen */
void
pagina_toekenning_verwijder(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = toekenning_verwijder(&c, id, route_param_int(&r->match, "tid"));
	if (u == OPS_NIET_GEVONDEN)
		c.melding = "Deze gebruiker heeft deze rol niet.";
	gebruiker_formulier_klaar(r, &c, u, id, json_object_new_object(),
	    "verwijderd");
}

/* ------------------------------------------------------------ API */

/* POST /api/v1/gebruikers/{id}/toekenningen — {rol, scope_soort, scope_id}. */
void
api_toekenning_maak(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), tid = 0;
	struct toekenning_invoer in = { 0, -1, 0, "rol", "scope_soort",
	    "scope_id" };
	struct json_object *v, *o;
	struct toekenning_rec t;
	struct ops_ctx c;
	const char *rs, *ss, *loc;
	enum ops_uitkomst u;
	enum db_err rc;
	int found;

	if (body_object(r, "{\"rol\": ..., \"scope_soort\": ..., \"scope_id\": ...}")
	    != 0 || idem_replay(r) != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	if ((rs = body_str(r, "rol", c.fouten)) != NULL &&
	    (in.rol = rol_parse(rs, strlen(rs))) == 0)
		fout_melding(c.fouten, "rol", "Onbekende rol.");
	if ((ss = body_str(r, "scope_soort", c.fouten)) != NULL &&
	    (in.scope = scope_parse(ss, strlen(ss))) < 0)
		fout_melding(c.fouten, "scope_soort", "Kies gemeente, organisatie, "
		    "wijkteam of keten.");
	if (json_object_object_get_ex(r->json, "scope_id", &v) && v != NULL) {
		if (!json_object_is_type(v, json_type_int) ||
		    (in.scope_id = json_object_get_int64(v)) < 0)
			fout_melding(c.fouten, "scope_id", "Moet een id (een geheel "
			    "getal) zijn.");
	}
	if (ops_heeft_fouten(&c)) {
		gebruikers_antwoord(r, &c, OPS_VELDEN);
		return;
	}
	if ((u = toekenning_maak(&c, &in, id, &tid)) != OPS_OK) {
		gebruikers_antwoord(r, &c, u);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	if ((rc = store_toekenning_get(r->db, r->arena, id, tid, &t, &found))
	    != DB_OK || !found) {
		antwoord_uitkomst(r, &c, ops_storing(&c, rc != DB_OK ? rc : DB_ERR,
		    "toekenning_add"));
		return;
	}
	o = toekenning_json(&t);
	json_object_object_add(o, "gebruiker_id", json_object_new_int64(id));
	loc = arena_printf(r->arena, "/api/v1/gebruikers/%lld", (long long)id);
	if (answer_created(r, o, loc) == 0)
		(void)tx_commit(r);
}

/* DELETE /api/v1/gebruikers/{id}/toekenningen/{tid} */
void
api_toekenning_verwijder(struct req *r)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = toekenning_verwijder(&c, route_param_int(&r->match, "id"),
	    route_param_int(&r->match, "tid"));
	gebruikers_antwoord(r, &c, u);
	if (u == OPS_OK && tx_commit(r) == 0) {
		r->res.status = 204;
		r->res.content_type = "application/json";
	}
}
