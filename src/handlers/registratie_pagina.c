/*
 * registratie_pagina.c — the pages of the registration: finding and
 * registering inwoners, their page (ketenstatus, trajecten, the timeline
 * of gebeurtenissen), and the forms for an inwoner, a traject and a
 * gebeurtenis. The writes are the operations of ops/registratie.h (the
 * same ones the JSON API of inwoners.c calls); this file only turns them
 * into forms and pages (POST → 303, or the form again with field errors,
 * 422).
 *
 * A search is a POST: names and BSNs must not travel in URLs (they would
 * end up in access logs and browser history).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/traject.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "store/structuur.h"


/* Whether two texts are equal; NULL equals nothing, so that a code that
 * may be absent compares without a check of its own. */
static int
is(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Renders the registration form page. Ownership of velden, fouten and
 * extra (the context to start from, may be NULL) is taken. "Back" goes to
 * the inwoner's page (inwoner_id > 0) or to the search; versie > 0 on a
 * change form, where it travels as a hidden field. */
static void
formulier(struct req *r, int status, const char *titel, const char *inwoner,
    int64_t inwoner_id, const char *actie, struct json_object *velden,
    struct json_object *fouten, int64_t versie, const char *knop,
    const char *conflict, struct json_object *extra)
{
	struct json_object *ctx = extra ? extra : json_object_new_object();

	json_object_object_add(ctx, "titel", tekst_of_null(titel));
	if (inwoner != NULL)
		json_object_object_add(ctx, "inwoner", tekst_of_null(inwoner));
	json_object_object_add(ctx, "terug", tekst_of_null(inwoner_id > 0 ?
	    arena_printf(r->arena, "/registratie/inwoners/%lld",
	    (long long)inwoner_id) : "/registratie/inwoners"));
	json_object_object_add(ctx, "actie", tekst_of_null(actie));
	json_object_object_add(ctx, "velden", velden);
	json_object_object_add(ctx, "knop", tekst_of_null(knop));
	if (versie > 0)
		json_object_object_add(ctx, "versie", json_object_new_int64(versie));
	if (conflict != NULL)
		json_object_object_add(ctx, "conflict", tekst_of_null(conflict));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "registratie_formulier", ctx);
}

/* ------------------------------------------------------------ inwoners */

/* Who holds the inwoner now, per the ketenstatus ks, as one line of the page
 * ("Werkom (sinds 2025-03-01)"); the text lives in the arena. Without a
 * partij there is no "sinds" to show. */
static const char *
partij_tekst(struct req *r, struct json_object *ks)
{
	struct json_object *p = json_object_object_get(ks, "partij");
	const char *naam = json_object_get_string(json_object_object_get(p, "naam"));
	const char *sinds = json_object_get_string(json_object_object_get(ks,
	    "sinds"));

	if (naam == NULL)
		naam = "Geen";
	return sinds != NULL && is(json_object_get_string(json_object_object_get(
	    p, "soort")), "geen") == 0 ? arena_printf(r->arena, "%s (sinds %s)",
	    naam, sinds) : naam;
}

/* The rows of a search as the list shows them; audits each. Takes rows'
 * first limit rows. Returns the items or NULL after answering. */
static struct json_object *
lijst_items(struct req *r, const struct scope *s, const struct inwoner_rij *w,
    size_t n, int64_t limit)
{
	struct json_object *items = json_object_new_array(), *o;
	const char *p;
	struct buf ids;
	size_t i;

	buf_init(&ids, r->arena);
	for (i = 0; i < n && i < (size_t)limit; i++) {
		p = w[i].ks_partij;
		o = json_object_new_object();
		json_object_object_add(o, "id", tekst_of_null(arena_printf(r->arena,
		    "%lld", (long long)w[i].id)));
		json_object_object_add(o, "naam", tekst_of_null(w[i].naam));
		json_object_object_add(o, "geboortejaar", tekst_of_null(
		    arena_printf(r->arena, "%lld", (long long)w[i].geboortejaar)));
		json_object_object_add(o, "wijk", tekst_of_null(w[i].wijk));
		json_object_object_add(o, "bsn", tekst_of_null(w[i].bsn_sealed ?
		    registratie_bsn_masker(r, w[i].bsn_sealed) : NULL));
		/* Who holds the inwoner now, in the list's words: a wijkteam by
		 * its name, a ketenpartner by its party. */
		json_object_object_add(o, "status", tekst_of_null(
		    is(p, "wijkteam") ? w[i].ks_wijkteam :
		    is(p, "werkom") ? "Werkom" :
		    is(p, "naleving") ? "Naleving" :
		    is(p, "uwv") ? "UWV" : "Geen"));
		json_object_array_add(items, o);
		buf_printf(&ids, "%s%lld", ids.len ? "," : "", (long long)w[i].id);
	}
	if (ids.failed || audit_inzage(r, ids.len ? ids.data : "",
	    ops_doel(s)) != 0) {
		json_object_put(items);
		fail_db(r, DB_ERR, "audit");
		return NULL;
	}
	return items;
}

/*
 * The search page, with the n results w of a search when w is not NULL.
 * A page shows 50 (the search asked 51, to know whether there are more).
 * volgende is the link to the next page of a wijk's list; a search by
 * name or BSN has none, and more than 50 found says "meer" (type another
 * word) instead. The rows are audited (lijst_items) before the page is
 * built; fouten is taken.
 */
static void
zoekpagina(struct req *r, const struct scope *s, int status,
    const struct inwoner_rij *w, size_t n, const char *naam, int64_t wijk,
    struct json_object *fouten, const char *volgende)
{
	struct json_object *ctx = json_object_new_object(), *items, *wv;
	struct structuur_optie *wijken;
	size_t nwijken;
	char id[24];
	enum db_err rc;

	if ((rc = store_structuur_opties(r->db, r->arena, REF_WIJK, &wijken,
	    &nwijken))
	    != DB_OK) {
		json_object_put(ctx);
		json_object_put(fouten);
		fail_db(r, rc, "wijken");
		return;
	}
	snprintf(id, sizeof(id), "%lld", (long long)wijk);
	wv = formveld_keuze(r, "wijk_id", "Wijk", 0, NULL, NULL, wijk ? id : NULL,
	    wijken, nwijken, NULL, 0);
	json_object_object_add(ctx, "wijkveld", wv);
	json_object_object_add(ctx, "naam", tekst_of_null(naam));
	/* Only a wijkteam registers inwoners: a ketenpartner's search page
	 * has no button for a new one. */
	json_object_object_add(ctx, "mag_registreren",
	    json_object_new_boolean((s->partijen & GP_WIJKTEAM) != 0));
	if (w != NULL) {
		if ((items = lijst_items(r, s, w, n, 50)) == NULL) {
			json_object_put(ctx);
			json_object_put(fouten);
			return;
		}
		json_object_object_add(ctx, "gezocht", json_object_new_boolean(1));
		json_object_object_add(ctx, "aantal", json_object_new_int64(
		    (int64_t)json_object_array_length(items)));
		json_object_object_add(ctx, "items", items);
		if (volgende != NULL)
			json_object_object_add(ctx, "volgende", tekst_of_null(volgende));
		else if (n > 50)
			json_object_object_add(ctx, "meer", json_object_new_boolean(1));
	}
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "inwoners", ctx);
}

/*
 * GET /registratie/inwoners: the search page, or with ?wijk_id= the
 * inwoners of that wijk, 50 a page and a cursor (the last id shown) for the
 * next. A wijk in the query is no personal data, unlike a name or a BSN,
 * which is why only it may be a GET. 400 for an id that does not parse.
 */
static void
pagina_inwoners(struct req *r)
{
	const char *ws = kv_get(&r->query, "wijk_id"), *cs = kv_get(&r->query,
	    "cursor");
	int64_t wijk = 0, voor = 0;
	struct inwoner_rij *w;
	struct scope s;
	size_t n;

	if (registratie_scope(r, &s) != 0)
		return;
	if ((ws != NULL && *ws != '\0' && getal_lees_str(ws, 1, WZ_MAX_ID, &wijk) != 0) ||
	    (cs != NULL && getal_lees_str(cs, 1, WZ_MAX_ID, &voor) != 0)) {
		resp_problem(r, 400, "Deze wijk of pagina bestaat niet.", NULL);
		return;
	}
	if (wijk == 0) {
		zoekpagina(r, &s, 200, NULL, 0, NULL, 0, NULL, NULL);
		return;
	}
	if (inwoner_zoek(r, &s, NULL, NULL, wijk, voor, 50, NULL, &w, &n) != 0)
		return;
	zoekpagina(r, &s, 200, w, n, NULL, wijk, NULL, n > 50 ?
	    arena_printf(r->arena, "/registratie/inwoners?wijk_id=%lld&cursor=%lld",
	    (long long)wijk, (long long)w[49].id) : NULL);
}

/*
 * POST /registratie/inwoners/zoeken: the search by name, BSN or wijk (a
 * POST so that these stay out of URLs and logs). 422 with the form again
 * when nothing was asked; the search itself may add a field error (a BSN
 * that does not parse). Every row shown is audited by lijst_items.
 */
static void
pagina_zoek(struct req *r)
{
	const char *naam = kv_get(&r->form, "naam"), *bsn = kv_get(&r->form, "bsn"),
	    *ws = kv_get(&r->form, "wijk_id");
	struct json_object *fouten = json_object_new_array();
	struct inwoner_rij *w = NULL;
	int64_t wijk = 0;
	struct scope s;
	size_t n = 0;

	if (registratie_scope(r, &s) != 0) {
		json_object_put(fouten);
		return;
	}
	if (ws != NULL && *ws != '\0' && getal_lees_str(ws, 1, WZ_MAX_ID, &wijk) != 0)
		fout_melding(fouten, "wijk_id", "Kies een wijk uit de lijst.");
	if ((naam == NULL || *naam == '\0') && (bsn == NULL || *bsn == '\0') &&
	    wijk == 0)
		fout_melding(fouten, "naam", "Vul een naam of BSN in, of kies een "
		    "wijk.");
	if (json_object_array_length(fouten) == 0 &&
	    inwoner_zoek(r, &s, naam, bsn, wijk, 0, 50, fouten, &w, &n) != 0) {
		json_object_put(fouten);
		return;
	}
	if (json_object_array_length(fouten) > 0) {
		zoekpagina(r, &s, 422, NULL, 0, naam, wijk, fouten, NULL);
		return;
	}
	json_object_put(fouten);
	zoekpagina(r, &s, 200, w, n, naam, wijk, NULL, NULL);
}

/* The inwoner form's fields, with values (typed, or stored). The BSN
 * field always starts empty: a stored BSN is never put in a form that
 * could send it back. fouten is only read; NULL after answering a
 * database error. */
static struct json_object *
inwoner_velden(struct req *r, struct json_object *fouten, const char *naam,
    const char *jaar, const char *wijk, int wijzigen)
{
	struct json_object *arr = json_object_new_array();
	struct structuur_optie *wijken;
	size_t nwijken;
	enum db_err rc;

	if ((rc = store_structuur_opties(r->db, r->arena, REF_WIJK, &wijken,
	    &nwijken))
	    != DB_OK) {
		json_object_put(arr);
		fail_db(r, rc, "wijken");
		return NULL;
	}
	json_object_array_add(arr, formveld_invoer(r, "naam", "Naam", 1, NULL, fouten,
	    "text", naam, 200));
	json_object_array_add(arr, formveld_invoer(r, "geboortejaar", "Geboortejaar", 1,
	    "Vier cijfers, bijvoorbeeld 1978.", fouten, "text", jaar, 4));
	json_object_array_add(arr, formveld_keuze(r, "wijk_id", "Wijk", 1, NULL, fouten,
	    wijk, wijken, nwijken, NULL, 0));
	json_object_array_add(arr, formveld_invoer(r, "bsn", "BSN", 0, wijzigen ?
	    "Het opgeslagen BSN wordt nooit getoond. Laat leeg om het te "
	    "houden; vul een nieuw in om het te vervangen." :
	    "Alleen als het voor de hulp nodig is. Negen cijfers; het wordt "
	    "versleuteld opgeslagen en nooit volledig getoond.", fouten, "text",
	    NULL, 11));
	return arr;
}

/* GET /registratie/inwoners/nieuw: the empty form. */
static void
pagina_inwoner_nieuw(struct req *r)
{
	struct json_object *v = inwoner_velden(r, NULL, NULL, NULL, NULL, 0);

	if (v != NULL)
		formulier(r, 200, "Nieuwe inwoner", NULL, 0,
		    "/registratie/inwoners/nieuw", v, NULL, 0, "Registreren", NULL,
		    NULL);
}

/* The inwoner of the form: a form cannot leave a field out, so there an
 * empty BSN field keeps the stored one (it is never shown, so never sent
 * back). */
static void
inwoner_uit_form(struct req *r, struct inwoner_invoer *in)
{
	in->naam = invoer_form(r, "naam");
	in->geboortejaar = invoer_form(r, "geboortejaar");
	in->wijk_id = invoer_form(r, "wijk_id");
	in->bsn = invoer_form(r, "bsn");
	in->bsn_gegeven = in->bsn.tekst != NULL && *in->bsn.tekst != '\0';
}

/*
 * POST /registratie/inwoners/nieuw: 303 to the new inwoner's page, 422 with
 * the form again (values from the form, so the user sees what they typed),
 * or the problem of antwoord_uitkomst. The redirect only follows a commit
 * that succeeded.
 */
static void
pagina_inwoner_maak(struct req *r)
{
	struct inwoner_invoer in;
	struct json_object *v;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (registratie_scope(r, &s) != 0)
		return;
	inwoner_uit_form(r, &in);
	ops_ctx_van(r, &s, &c);
	if ((u = inwoner_maak(&c, &in, &id)) == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/registratie/inwoners/%lld?nieuw=1", (long long)id));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	if ((v = inwoner_velden(r, c.fouten, kv_get(&r->form, "naam"),
	    kv_get(&r->form, "geboortejaar"), kv_get(&r->form, "wijk_id"), 0))
	    == NULL) {
		json_object_put(c.fouten);
		return;
	}
	formulier(r, 422, "Nieuwe inwoner", NULL, 0, "/registratie/inwoners/nieuw",
	    v, c.fouten, 0, "Registreren", NULL, NULL);
}

/* The inwoner of the path for a page (audited with actie, or not when
 * NULL); NULL after answering 404 or an error. */
static struct json_object *
pad_inwoner(struct req *r, const struct scope *s, const char *actie)
{
	struct json_object *inw;

	if (inwoner_lees_json(r, s, route_param_int(&r->match, "id"), actie,
	    &inw) != 0)
		return NULL;
	if (inw == NULL)
		resp_problem(r, 404, NULL, NULL);
	return inw;
}

/* Member k of o as text (json-c's, valid while o is), or NULL. */
static const char *
veld_tekst(struct json_object *o, const char *k)
{
	return json_object_get_string(json_object_object_get(o, k));
}

/* A payload value as the page shows it: option labels, ja/nee. */
static const char *
waarde_tekst(struct req *r, const struct gebeurtenis_veld *v,
    struct json_object *w)
{
	size_t i;
	const char *t = json_object_get_string(w);

	if (v->soort == GV_JA_NEE)
		return json_object_get_boolean(w) ? "ja" : "nee";
	for (i = 0; v->waarden != NULL && v->waarden[i].code != NULL; i++)
		if (is(v->waarden[i].code, t))
			return v->waarden[i].label;
	return arena_strdup(r->arena, t ? t : "");
}

/*
 * An event as the timeline shows it: label, date, payload as text. g is
 * the event as gebeurtenissen_json made it, alle every event of the
 * inwoner, among which the correctie that voids g is found for its
 * reason. An event offers a correctie when this party may register one
 * for it and it is not itself a correctie (GT_VOLGT_VERVALLEN).
 */
static struct json_object *
tijdlijn_item(struct req *r, struct json_object *g, struct json_object *alle,
    enum gebeurtenis_partij p)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(veld_tekst(g,
	    "type"));
	struct json_object *o = json_object_new_object(),
	    *regels = json_object_new_array(), *gg, *w;
	size_t i;

	json_object_object_add(o, "id", json_object_get(json_object_object_get(g,
	    "id")));
	json_object_object_add(o, "label", tekst_of_null(veld_tekst(g, "type_label")));
	json_object_object_add(o, "datum", tekst_of_null(veld_tekst(g, "datum")));
	json_object_object_add(o, "door", tekst_of_null(veld_tekst(g, "geregistreerd_door")));
	gg = json_object_object_get(g, "gegevens");
	for (i = 0; t != NULL && i < t->nvelden; i++) {
		const struct gebeurtenis_veld *v = &t->velden[i];
		struct json_object *regel;

		if (!json_object_object_get_ex(gg, v->naam, &w) || w == NULL)
			continue;
		regel = json_object_new_object();
		json_object_object_add(regel, "label", tekst_of_null(v->label));
		json_object_object_add(regel, "waarde", tekst_of_null(waarde_tekst(r, v, w)));
		json_object_array_add(regels, regel);
	}
	json_object_object_add(o, "regels", regels);
	if (json_object_object_get(g, "vervallen_door") != NULL) {
		/* The correctie that voids it, for its reason. */
		int64_t c = json_object_get_int64(json_object_object_get(g,
		    "vervallen_door"));

		json_object_object_add(o, "vervallen", json_object_new_boolean(1));
		for (i = 0; i < json_object_array_length(alle); i++) {
			struct json_object *x = json_object_array_get_idx(alle, i);

			if (json_object_get_int64(json_object_object_get(x, "id")) == c)
				json_object_object_add(o, "vervallen_reden", tekst_of_null(veld_tekst(
				    json_object_object_get(x, "gegevens"), "reden")));
		}
	} else if (t != NULL && !(t->vlag & GT_VOLGT_VERVALLEN) &&
	    gebeurtenis_mag_registreren(gebeurtenis_type_find(
	    GEBEURTENIS_CORRECTIE), t, p)) {
		json_object_object_add(o, "corrigeerbaar", json_object_new_boolean(1));
	}
	return o;
}

/*
 * GET /registratie/inwoners/{id}: the inwoner's page. A wijkteam sees the
 * timeline per traject, a ketenpartner one timeline of the events it may
 * see. The page view is audited as one row; without it the page is not
 * shown (500).
 */
static void
pagina_inwoner(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *inw, *trj = NULL, *geb, *ctx, *lijst, *ks;
	struct scope s;
	size_t i, k;
	int team;

	if (registratie_scope(r, &s) != 0 || (inw = pad_inwoner(r, &s, "inzien"))
	    == NULL)
		return;
	team = (s.partijen & GP_WIJKTEAM) != 0;
	if ((team && trajecten_json(r, &s, id, 0, &trj) != 0) ||
	    gebeurtenissen_json(r, &s, id, 0, &geb) != 0) {
		json_object_put(inw);
		return;
	}
	ctx = json_object_new_object();
	ks = json_object_object_get(inw, "ketenstatus");
	json_object_object_add(ctx, "status_tekst", tekst_of_null(partij_tekst(r, ks)));
	json_object_object_add(ctx, "inwoner", inw);
	json_object_object_add(ctx, "team", json_object_new_boolean(team));
	if (kv_get(&r->query, "nieuw") != NULL)
		json_object_object_add(ctx, "melding", tekst_of_null("De inwoner is "
		    "geregistreerd. Open nu een traject."));
	else if (kv_get(&r->query, "opgeslagen") != NULL)
		json_object_object_add(ctx, "melding", tekst_of_null("Opgeslagen."));
	if (team) {
		/* The timeline per traject. */
		for (i = 0; i < json_object_array_length(trj); i++) {
			struct json_object *t = json_object_array_get_idx(trj, i);
			int64_t tid = json_object_get_int64(json_object_object_get(t,
			    "id"));

			lijst = json_object_new_array();
			for (k = 0; k < json_object_array_length(geb); k++) {
				struct json_object *g = json_object_array_get_idx(geb, k);

				if (json_object_get_int64(json_object_object_get(g,
				    "traject_id")) == tid)
					json_object_array_add(lijst, tijdlijn_item(r, g,
					    geb, ops_partij(&s)));
			}
			json_object_object_add(t, "heeft_gebeurtenissen",
			    json_object_new_boolean(json_object_array_length(lijst) > 0));
			json_object_object_add(t, "gebeurtenissen", lijst);
		}
		json_object_object_add(ctx, "trajecten", trj);
		json_object_object_add(ctx, "heeft_trajecten", json_object_new_boolean(
		    json_object_array_length(trj) > 0));
	} else {
		lijst = json_object_new_array();
		for (k = 0; k < json_object_array_length(geb); k++)
			json_object_array_add(lijst, tijdlijn_item(r,
			    json_object_array_get_idx(geb, k), geb,
			    ops_partij(&s)));
		json_object_object_add(ctx, "heeft_gebeurtenissen",
		    json_object_new_boolean(json_object_array_length(lijst) > 0));
		json_object_object_add(ctx, "gebeurtenissen", lijst);
	}
	json_object_put(geb);
	/* The row comes after the page is built and before it is sent: when
	 * it cannot be written, nothing of the page goes out. */
	if (audit_persoon(r, "inzien", "gebeurtenissen", id, id,
	    ops_doel(&s), GELUKT, "inwonerpagina") != 0) {
		json_object_put(ctx);
		fail_db(r, DB_ERR, "audit");
		return;
	}
	resp_page(r, 200, "inwoner", ctx);
}

/* GET /registratie/inwoners/{id}/bewerken: the change form with the stored
 * values and versie; the BSN field is always empty (never shown). */
static void
pagina_inwoner_bewerk(struct req *r)
{
	struct json_object *inw, *v;
	struct scope s;
	char jaar[16], wijk[24];

	if (registratie_scope(r, &s) != 0 || (inw = pad_inwoner(r, &s, "inzien"))
	    == NULL)
		return;
	snprintf(jaar, sizeof(jaar), "%s", veld_tekst(inw, "geboortejaar"));
	snprintf(wijk, sizeof(wijk), "%s", veld_tekst(inw, "wijk_id"));
	if ((v = inwoner_velden(r, NULL, veld_tekst(inw, "naam"), jaar, wijk, 1))
	    != NULL)
		formulier(r, 200, "Inwoner wijzigen", veld_tekst(inw, "naam"),
		    route_param_int(&r->match, "id"), r->path, v, NULL,
		    json_object_get_int64(json_object_object_get(inw, "versie")),
		    "Opslaan", NULL, NULL);
	json_object_put(inw);
}

/*
 * POST /registratie/inwoners/{id}/bewerken: 303 to the page, 422 with the
 * field errors, or 409 with the form again and what the user typed. The
 * versie of the form is compared with the one just read before the
 * operation runs, so that a stale form is caught without a transaction; the
 * operation catches what overtakes us while saving, with its own message.
 */
static void
pagina_inwoner_bewaar(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie = 0;
	struct json_object *inw, *fouten, *v;
	struct inwoner_invoer in;
	const char *conflict = NULL;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int status = 422, voorcheck = 0;

	if (registratie_scope(r, &s) != 0 || (inw = pad_inwoner(r, &s, NULL))
	    == NULL)
		return;
	ops_ctx_van(r, &s, &c);
	if (getal_lees_str(kv_get(&r->form, "versie"), 1, WZ_MAX_ID, &versie) != 0 ||
	    versie != json_object_get_int64(json_object_object_get(inw, "versie"))) {
		u = OPS_VEROUDERD;
		voorcheck = 1;
	} else {
		inwoner_uit_form(r, &in);
		u = inwoner_wijzig(&c, &in, id, versie);
	}
	switch (u) {
	case OPS_OK:
		json_object_put(inw);
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/registratie/inwoners/%lld?opgeslagen=1",
			    (long long)id));
		return;
	case OPS_VELDEN:
		break;
	case OPS_VEROUDERD:
		/* Stale when the form was sent, or overtaken while saving. */
		conflict = voorcheck ? "Iemand anders heeft deze inwoner intussen "
		    "gewijzigd. Hieronder staat wat u invulde; controleer het en "
		    "sla opnieuw op." : "Iemand anders heeft deze inwoner intussen "
		    "gewijzigd. Controleer en sla opnieuw op.";
		status = 409;
		break;
	default:
		json_object_put(inw);
		antwoord_uitkomst(r, &c, u);
		return;
	}
	fouten = c.fouten;
	if ((v = inwoner_velden(r, fouten, kv_get(&r->form, "naam"),
	    kv_get(&r->form, "geboortejaar"), kv_get(&r->form, "wijk_id"), 1))
	    != NULL)
		formulier(r, status, "Inwoner wijzigen", veld_tekst(inw, "naam"), id,
		    r->path, v, fouten, json_object_get_int64(json_object_object_get(
		    inw, "versie")), "Opslaan", conflict, NULL);
	else
		json_object_put(fouten);
	json_object_put(inw);
}

/* ------------------------------------------------------------ trajecten */

/* The traject form's fields: only the themas, opdrachten and wijkteams the
 * scope may use, values from the form (re-shown after errors). NULL after
 * answering a database error; fouten is not taken. */
static struct json_object *
traject_velden(struct req *r, const struct scope *s,
    struct json_object *fouten)
{
	struct json_object *arr = json_object_new_array();
	struct structuur_optie *themas, *opdrachten, *wijkteams;
	size_t nthemas, nopdrachten, nwijkteams;
	enum db_err rc;
	char dag[11];
	const char *start = kv_get(&r->form, "startdatum");

	if ((rc = store_reg_opties(r->db, r->arena, REG_OPTIE_THEMA, s, &themas,
	    &nthemas)) != DB_OK || (rc = store_reg_opties(r->db, r->arena,
	    REG_OPTIE_WIJKTEAM, s, &wijkteams, &nwijkteams)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena, REF_OPDRACHT,
	    &opdrachten, &nopdrachten)) != DB_OK) {
		json_object_put(arr);
		fail_db(r, rc, "traject");
		return NULL;
	}
	json_object_array_add(arr, formveld_keuze(r, "soort", "Soort traject", 1, NULL,
	    fouten, kv_get(&r->form, "soort"), NULL, 0, traject_soorten, 0));
	json_object_array_add(arr, formveld_keuze(r, "thema_id", "Thema", 1, NULL,
	    fouten, kv_get(&r->form, "thema_id"), themas, nthemas, NULL, 0));
	json_object_array_add(arr, formveld_keuze(r, "opdracht_id", "Opdracht", 1,
	    "De brede opdracht of de aanvullende opdracht waaronder het traject "
	    "valt.", fouten, kv_get(&r->form, "opdracht_id"), opdrachten,
	    nopdrachten, NULL, 0));
	json_object_array_add(arr, formveld_keuze(r, "wijkteam_id", "Wijkteam", 1, NULL,
	    fouten, kv_get(&r->form, "wijkteam_id"), wijkteams, nwijkteams, NULL,
	    0));
	json_object_array_add(arr, formveld_invoer(r, "startdatum", "Startdatum", 1,
	    NULL, fouten, "date", start ? start : datum_vandaag(dag), 0));
	json_object_array_add(arr, formveld_invoer(r, "einddatum", "Einddatum", 0,
	    "Leeg zolang het traject loopt.", fouten, "date",
	    kv_get(&r->form, "einddatum"), 0));
	return arr;
}

/* The traject form for the inwoner of the path (status 200, or 422 with
 * fouten, which are taken either way). */
static void
traject_formulier(struct req *r, int status, struct json_object *fouten)
{
	struct json_object *inw, *v;
	struct scope s;

	if (registratie_scope(r, &s) != 0 || (inw = pad_inwoner(r, &s, "inzien"))
	    == NULL) {
		json_object_put(fouten);
		return;
	}
	if ((v = traject_velden(r, &s, fouten)) != NULL)
		formulier(r, status, "Nieuw traject", veld_tekst(inw, "naam"),
		    route_param_int(&r->match, "id"), r->path, v, fouten, 0,
		    "Traject openen", NULL, NULL);
	else
		json_object_put(fouten);
	json_object_put(inw);
}

/* The empty traject form; its startdatum proposes today. */
static void
pagina_traject_nieuw(struct req *r)
{
	traject_formulier(r, 200, NULL);
}

/* How a traject or gebeurtenis form shows itself again with field
 * errors. */
typedef void (*formulier_fn)(struct req *, int, struct json_object *);

/*
 * After the operation of a traject or gebeurtenis form (c, u): 303 to the
 * inwoner's page at the new item (anker: "traject", "gebeurtenis",
 * nieuw), or the form again with the field errors (422), or the problem.
 */
static void
onderdeel_klaar(struct req *r, struct ops_ctx *c, enum ops_uitkomst u,
    int64_t nieuw, formulier_fn opnieuw, const char *anker)
{
	switch (u) {
	case OPS_OK:
		antwoord_uitkomst(r, c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/registratie/inwoners/%lld#%s-%lld",
			    (long long)route_param_int(&r->match, "id"), anker,
			    (long long)nieuw));
		return;
	case OPS_VELDEN:
		opnieuw(r, 422, c->fouten);
		return;
	default:
		antwoord_uitkomst(r, c, u);
		return;
	}
}

/* The scope and the inwoner of the path, in scope; -1 after answering. */
static int
onderdeel_inwoner(struct req *r, struct scope *s)
{
	struct json_object *inw;

	if (registratie_scope(r, s) != 0 || (inw = pad_inwoner(r, s, NULL)) ==
	    NULL)
		return -1;
	json_object_put(inw);
	return 0;
}

/* POST /registratie/inwoners/{id}/trajecten/nieuw: see onderdeel_klaar for
 * the answers. The inwoner is read first so that an id out of scope answers
 * 404, not a field error. */
static void
pagina_traject_maak(struct req *r)
{
	struct traject_invoer in;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t nieuw = 0;

	if (onderdeel_inwoner(r, &s) != 0)
		return;
	traject_invoer_lees(r, invoer_form, &in);
	ops_ctx_van(r, &s, &c);
	/* The id is read after the call: argument order is unspecified. */
	u = traject_maak(&c, &in, route_param_int(&r->match, "id"), &nieuw);
	onderdeel_klaar(r, &c, u, nieuw, traject_formulier, "traject");
}

/* ------------------------------------------------------------ gebeurtenissen */

/*
 * The payload fields of type t as form fields (typed values re-shown).
 * A fixed choice is a radio group (few options, all in view); the event
 * a correctie voids is a select of events, taken from events (the
 * inwoner's, as gebeurtenissen_json made them; NULL for other types).
 */
static void
payload_velden(struct req *r, const struct gebeurtenis_type *t,
    struct json_object *arr, struct json_object *fouten,
    struct json_object *events)
{
	static const struct veld_optie ja_nee[] = {
		{ "ja", "Ja" }, { "nee", "Nee" }, { NULL, NULL },
	};
	size_t i, k;

	for (i = 0; i < t->nvelden; i++) {
		const struct gebeurtenis_veld *v = &t->velden[i];
		const char *w = kv_get(&r->form, v->naam);
		int req = (v->vlag & GV_VERPLICHT) != 0;

		if (is(v->naam, "vervalt_id") && events != NULL) {
			/* Which event: the ones this caller sees, not voided. */
			struct structuur_optie *keuze;
			size_t n = 0;

			if (w == NULL)
				w = kv_get(&r->query, "vervalt_id");
			keuze = arena_calloc(r->arena, json_object_array_length(
			    events) + 1, sizeof(*keuze));
			for (k = 0; keuze != NULL &&
			    k < json_object_array_length(events); k++) {
				struct json_object *g = json_object_array_get_idx(events, k);
				const struct gebeurtenis_type *gt = gebeurtenis_type_find(
				    veld_tekst(g, "type"));

				if (gt == NULL || (gt->vlag & GT_VOLGT_VERVALLEN) ||
				    json_object_object_get(g, "vervallen_door") != NULL)
					continue;
				keuze[n].id = json_object_get_int64(
				    json_object_object_get(g, "id"));
				keuze[n].naam = arena_printf(r->arena, "%s van %s",
				    gt->label, veld_tekst(g, "datum"));
				n++;
			}
			json_object_array_add(arr, formveld_keuze(r, v->naam, v->label, req,
			    NULL, fouten, w, keuze, n, NULL, 0));
			continue;
		}
		switch (v->soort) {
		case GV_KEUZE:
			json_object_array_add(arr, formveld_keuze(r, v->naam, v->label, req,
			    NULL, fouten, w, NULL, 0, v->waarden, 1));
			break;
		case GV_JA_NEE:
			json_object_array_add(arr, formveld_keuze(r, v->naam, v->label, req,
			    NULL, fouten, w, NULL, 0, ja_nee, 1));
			break;
		case GV_GETAL:
			if (v->waarden != NULL)
				json_object_array_add(arr, formveld_keuze(r, v->naam, v->label,
				    req, NULL, fouten, w, NULL, 0, v->waarden, 1));
			else
				json_object_array_add(arr, formveld_invoer(r, v->naam, v->label,
				    req, NULL, fouten, "text", w, 0));
			break;
		case GV_DATUM:
			json_object_array_add(arr, formveld_invoer(r, v->naam, v->label, req,
			    NULL, fouten, "date", w, 0));
			break;
		case GV_TEKST:
			json_object_array_add(arr, formveld_invoer(r, v->naam, v->label, req,
			    (v->vlag & GV_ALLEEN_WIJKTEAM) ? "Alleen zichtbaar voor het "
			    "wijkteam." : NULL, fouten, "text", w, (int)v->max));
			break;
		}
	}
}

/*
 * The event form: without a (valid) type, a choice of the types this
 * party registers; with one, the fields of that type only. The type comes
 * from the form (the form again after errors) or from the query (the
 * link of step 1, or a correctie's ?type=…&vervalt_id=…). Only a wijkteam
 * chooses a traject, preselected when there is one. fouten is taken on
 * every path.
 */
static void
gebeurtenis_formulier(struct req *r, int status, struct json_object *fouten)
{
	const char *code = kv_get(&r->form, "type");
	const struct gebeurtenis_type *t;
	struct json_object *inw, *v, *extra, *geb = NULL, *trj = NULL, *kies;
	enum gebeurtenis_partij p;
	struct structuur_optie *keuze = NULL;
	struct scope s;
	char dag[11];
	size_t i, ntrj;

	if (registratie_scope(r, &s) != 0 || (inw = pad_inwoner(r, &s, "inzien"))
	    == NULL) {
		json_object_put(fouten);
		return;
	}
	p = ops_partij(&s);
	if (code == NULL)
		code = kv_get(&r->query, "type");
	t = gebeurtenis_type_find(code);
	extra = json_object_new_object();
	if (t == NULL) {
		/* Step 1: which kind of event. */
		kies = json_object_new_array();
		for (i = 0; i < gebeurtenis_type_aantal(); i++) {
			const struct gebeurtenis_type *x = gebeurtenis_type_nr(i);

			if (!(x->vlag & GT_VOLGT_VERVALLEN) &&
			    gebeurtenis_mag_registreren(x, NULL, p))
				formveld_optie(kies, x->code, x->label, 0);
		}
		json_object_object_add(extra, "kies_type", kies);
		json_object_object_add(extra, "kiezen", json_object_new_boolean(1));
		formulier(r, 200, "Gebeurtenis registreren", veld_tekst(inw, "naam"),
		    route_param_int(&r->match, "id"), r->path, json_object_new_array(),
		    fouten, 0, "Verder", NULL, extra);
		json_object_put(inw);
		return;
	}
	v = json_object_new_array();
	if ((t->vlag & GT_VOLGT_VERVALLEN) && gebeurtenissen_json(r, &s,
	    route_param_int(&r->match, "id"), 0, &geb) != 0)
		goto fout;
	if (p == GP_WIJKTEAM && !(t->vlag & GT_VOLGT_VERVALLEN)) {
		if (trajecten_json(r, &s, route_param_int(&r->match, "id"), 0, &trj)
		    != 0)
			goto fout;
		ntrj = json_object_array_length(trj);
		if ((keuze = arena_calloc(r->arena, ntrj + 1, sizeof(*keuze))) ==
		    NULL)
			ntrj = 0;
		for (i = 0; i < ntrj; i++) {
			struct json_object *x = json_object_array_get_idx(trj, i);

			keuze[i].id = json_object_get_int64(json_object_object_get(x,
			    "id"));
			keuze[i].naam = arena_printf(r->arena, "%s (%s, vanaf %s)",
			    veld_tekst(x, "soort_label"), veld_tekst(x, "wijkteam"),
			    veld_tekst(x, "startdatum"));
		}
		json_object_array_add(v, formveld_keuze(r, "traject_id", "Traject", 1,
		    ntrj == 0 ? "Deze inwoner heeft nog geen traject: open "
		    "eerst een traject." : NULL, fouten, kv_get(&r->form, "traject_id") ?
		    kv_get(&r->form, "traject_id") : ntrj == 1 ?
		    arena_printf(r->arena, "%lld", (long long)keuze[0].id) : NULL,
		    keuze, ntrj, NULL, 0));
	}
	json_object_array_add(v, formveld_invoer(r, "datum", "Datum", 1, NULL, fouten,
	    "date", kv_get(&r->form, "datum") ? kv_get(&r->form, "datum") :
	    datum_vandaag(dag), 0));
	payload_velden(r, t, v, fouten, geb);
	json_object_object_add(extra, "type", tekst_of_null(t->code));
	formulier(r, status, t->label, veld_tekst(inw, "naam"),
	    route_param_int(&r->match, "id"), r->path, v, fouten, 0, "Registreren",
	    NULL, extra);
	json_object_put(geb);
	json_object_put(trj);
	json_object_put(inw);
	return;
fout:
	json_object_put(v);
	json_object_put(extra);
	json_object_put(geb);
	json_object_put(fouten);
	json_object_put(inw);
}

/* GET /registratie/inwoners/{id}/gebeurtenissen/nieuw: the form, first
 * without a type. */
static void
pagina_gebeurtenis_nieuw(struct req *r)
{
	gebeurtenis_formulier(r, 200, NULL);
}

/* The gegevens of a form post as JSON: only the type's declared fields,
 * ja/nee as booleans and numbers as integers (gebeurtenis.h: the form
 * handler converts, the API gets no such leniency). */
static struct json_object *
form_gegevens(struct req *r, const struct gebeurtenis_type *t)
{
	struct json_object *g = json_object_new_object();
	size_t i;

	for (i = 0; i < t->nvelden; i++) {
		const struct gebeurtenis_veld *v = &t->velden[i];
		const char *w = kv_get(&r->form, v->naam);
		int64_t n;

		if (w == NULL || *w == '\0')
			continue;
		switch (v->soort) {
		case GV_JA_NEE:
			if (strcmp(w, "ja") == 0 || strcmp(w, "nee") == 0)
				json_object_object_add(g, v->naam,
				    json_object_new_boolean(strcmp(w, "ja") == 0));
			else
				json_object_object_add(g, v->naam,
				    json_object_new_string(w));
			break;
		case GV_GETAL:
			if (getal_lees_str(w, 0, WZ_MAX_ID, &n) == 0)
				json_object_object_add(g, v->naam,
				    json_object_new_int64(n));
			else
				json_object_object_add(g, v->naam,
				    json_object_new_string(w));
			break;
		default:
			json_object_object_add(g, v->naam, json_object_new_string(w));
			break;
		}
	}
	return g;
}

/*
 * POST /registratie/inwoners/{id}/gebeurtenissen/nieuw: see
 * onderdeel_klaar. The payload is built from the form fields of the chosen
 * type only (form_gegevens); an unknown type leaves it NULL for the
 * operation to refuse. The payload is ours to put.
 */
static void
pagina_gebeurtenis_maak(struct req *r)
{
	const struct gebeurtenis_type *t;
	struct gebeurtenis_invoer in;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t nieuw = 0;

	if (onderdeel_inwoner(r, &s) != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.type = invoer_form(r, "type");
	in.traject_id = invoer_form(r, "traject_id");
	in.datum = invoer_form(r, "datum");
	if ((t = gebeurtenis_type_find(in.type.tekst)) != NULL)
		in.gegevens = form_gegevens(r, t);
	ops_ctx_van(r, &s, &c);
	u = gebeurtenis_maak(&c, &in, route_param_int(&r->match, "id"), &nieuw);
	onderdeel_klaar(r, &c, u, nieuw, gebeurtenis_formulier, "gebeurtenis");
	json_object_put(in.gegevens);
}

/* ------------------------------------------------------------ routes */

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
#define INW	"/registratie/inwoners/{id:int}"
static const struct route routes[] = {
	{ "GET", "/registratie/inwoners", pagina_inwoners, ACCESS_KETEN, H, NULL },
	{ "POST", "/registratie/inwoners/zoeken", pagina_zoek, ACCESS_KETEN, HF,
	  NULL },
	{ "GET", "/registratie/inwoners/nieuw", pagina_inwoner_nieuw,
	  ACCESS_REGISTRATIE, H, NULL },
	{ "POST", "/registratie/inwoners/nieuw", pagina_inwoner_maak,
	  ACCESS_REGISTRATIE, HF, NULL },
	{ "GET", INW, pagina_inwoner, ACCESS_KETEN, H, NULL },
	{ "GET", INW "/bewerken", pagina_inwoner_bewerk, ACCESS_REGISTRATIE, H,
	  NULL },
	{ "POST", INW "/bewerken", pagina_inwoner_bewaar, ACCESS_REGISTRATIE, HF,
	  NULL },
	{ "GET", INW "/trajecten/nieuw", pagina_traject_nieuw, ACCESS_REGISTRATIE,
	  H, NULL },
	{ "POST", INW "/trajecten/nieuw", pagina_traject_maak, ACCESS_REGISTRATIE,
	  HF, NULL },
	{ "GET", INW "/gebeurtenissen/nieuw", pagina_gebeurtenis_nieuw,
	  ACCESS_KETEN, H, NULL },
	{ "POST", INW "/gebeurtenissen/nieuw", pagina_gebeurtenis_maak,
	  ACCESS_KETEN, HF, NULL },
};
ROUTE_TABLE(routes_registratie_pagina, routes);
