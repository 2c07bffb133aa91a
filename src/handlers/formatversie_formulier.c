/*
 * formatversie_formulier.c — writing a format version's content by page
 * (issue 11): a new version, and changing a concept, for the regisseur of
 * the keten or a beheerder.
 *
 * Pages:
 *   GET  /formats/{id}/versies/nieuw               the form, filled with
 *                                                  the latest version's
 *                                                  content
 *   POST /formats/{id}/versies/nieuw               303 to the version; 409
 *                                                  (an earlier version is
 *                                                  not published); 422
 *   GET  /formats/{id}/versies/{nummer}/wijzigen   the concept's form
 *   POST /formats/{id}/versies/{nummer}/wijzigen   303; 409 (no longer a
 *                                                  concept, or changed
 *                                                  meanwhile: the form
 *                                                  again, nothing lost); 422
 *
 * The sections are written as JSON in a text area, as an indicator's rule
 * is (indicatoren_pagina.c): the shapes are few and listed beside it with
 * the ids of the keten's indicators and eisen, and the operation
 * (ops/format.h) checks every item exactly as the API's. An error on an
 * item ("secties[0].items[1].lijn") is shown at the text area, with the
 * section and item it concerns in words.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/veldfout.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/json_body.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/format.h"
#include "store/format.h"
#include "store/format_analyse.h"
#include "store/indicator.h"

/* At most this many of the keten's indicators are listed beside the
 * form (a catalogue holds tens). */
#define LIJST_MAX	500

static int64_t
p_id(struct req *r)
{
	return route_param_int(&r->match, "id");
}

static int64_t
p_nummer(struct req *r)
{
	return route_param_int(&r->match, "nummer");
}

/*
 * The content items (n rows, by section) as the JSON the form takes, as
 * text in the arena. voortzetting: for a new version after this one,
 * every indicator says it continues itself (the same indicator version
 * counts the same), which the regisseur may change.
 */
static const char *
inhoud_tekst(struct req *r, const struct format_item_rij *it, size_t n,
    int voortzetting)
{
	struct json_object *secties = json_object_new_array(), *s = NULL,
	    *items = NULL, *x;
	const char *t;
	int64_t sectie = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s == NULL || it[i].sectie_id != sectie) {
			sectie = it[i].sectie_id;
			s = json_object_new_object();
			items = json_object_new_array();
			json_object_object_add(s, "titel", json_object_new_string(
			    it[i].sectie_titel != NULL ? it[i].sectie_titel : ""));
			json_object_object_add(s, "items", items);
			json_object_array_add(secties, s);
		}
		if (it[i].id == 0 || it[i].soort == NULL)
			continue;
		x = json_object_new_object();
		json_object_object_add(x, "soort",
		    json_object_new_string(it[i].soort));
		if (strcmp(it[i].soort, "indicator") == 0) {
			json_object_object_add(x, "indicator_id",
			    json_object_new_int64(it[i].indicator_id));
			if (voortzetting) {
				json_object_object_add(x, "lijn",
				    json_object_new_string("vergelijkbaar"));
				json_object_object_add(x, "vorige_indicator_id",
				    json_object_new_int64(it[i].indicator_id));
			} else if (it[i].lijn != NULL) {
				json_object_object_add(x, "lijn",
				    json_object_new_string(it[i].lijn));
				if (it[i].vorige_indicator_id > 0)
					json_object_object_add(x,
					    "vorige_indicator_id", json_object_new_int64(
					    it[i].vorige_indicator_id));
			}
		} else if (strcmp(it[i].soort, "eis") == 0)
			json_object_object_add(x, "eis_id",
			    json_object_new_int64(it[i].eis_id));
		else
			json_object_object_add(x, "vraag", json_object_new_string(
			    it[i].vraag != NULL ? it[i].vraag : ""));
		json_object_array_add(items, x);
	}
	t = arena_strdup(r->arena, json_object_to_json_string_ext(secties,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(secties);
	return t;
}

/*
 * The errors of fouten on an item or a section ("secties[2].items[0].lijn")
 * as errors of the text area "secties", saying which section and item in
 * words ("Sectie 3, onderdeel 1 (lijn): ..."), so that the summary links
 * to a field that exists.
 */
static void
fouten_bij_tekstvak(struct req *r, struct json_object *fouten)
{
	struct json_object *e, *veld, *melding;
	unsigned s, j;
	char rest[64];
	const char *v, *m, *wat;
	size_t i;

	for (i = 0; fouten != NULL && i < json_object_array_length(fouten);
	    i++) {
		e = json_object_array_get_idx(fouten, i);
		if (!json_object_object_get_ex(e, "veld", &veld) ||
		    !json_object_object_get_ex(e, "melding", &melding))
			continue;
		v = json_object_get_string(veld);
		m = json_object_get_string(melding);
		if (v == NULL || strncmp(v, "secties[", 8) != 0)
			continue;
		rest[0] = '\0';
		if (sscanf(v, "secties[%u].items[%u]%63s", &s, &j, rest) >= 2)
			wat = arena_printf(r->arena, "Sectie %u, onderdeel %u%s%s%s",
			    s + 1, j + 1, rest[0] ? " (" : "", rest[0] ? rest + 1 :
			    "", rest[0] ? ")" : "");
		else if (sscanf(v, "secties[%u]%63s", &s, rest) >= 1)
			wat = arena_printf(r->arena, "Sectie %u%s%s%s", s + 1,
			    rest[0] ? " (" : "", rest[0] ? rest + 1 : "",
			    rest[0] ? ")" : "");
		else
			continue;
		json_object_object_add(e, "veld", json_object_new_string("secties"));
		json_object_object_add(e, "melding", json_object_new_string(
		    arena_printf(r->arena, "%s: %s", wat, m)));
	}
}

/* The keten's actieve indicators and the eisen that apply today, for the
 * list beside the text area; NULL after answering a failure. */
static struct json_object *
bouwstenen(struct req *r, int64_t keten_id)
{
	struct indicator_filter f = { keten_id, NULL, 1 };
	struct indicator_rij *ind;
	struct fa_eis *eis;
	struct json_object *o, *a, *x;
	enum db_err rc;
	char d[11];
	size_t i, n, ne;

	if ((rc = store_indicator_lijst(r->db, r->arena, &f, 0, LIJST_MAX, &ind,
	    &n)) != DB_OK || (rc = store_fa_eisen(r->db, r->arena, keten_id,
	    datum_vandaag(d), &eis, &ne)) != DB_OK) {
		fail_db(r, rc, "bouwstenen");
		return NULL;
	}
	o = json_object_new_object();
	a = json_object_new_array();
	for (i = 0; i < n; i++) {
		x = json_object_new_object();
		json_object_object_add(x, "id", json_object_new_int64(ind[i].id));
		json_object_object_add(x, "code", tekst_of_null(ind[i].code));
		json_object_object_add(x, "naam", tekst_of_null(ind[i].naam));
		json_object_object_add(x, "nummer", json_object_new_int64(
		    ind[i].nummer));
		json_object_array_add(a, x);
	}
	json_object_object_add(o, "indicatoren", a);
	a = json_object_new_array();
	for (i = 0; i < ne; i++) {
		x = json_object_new_object();
		json_object_object_add(x, "id", json_object_new_int64(eis[i].id));
		json_object_object_add(x, "code", tekst_of_null(eis[i].code));
		json_object_object_add(x, "omschrijving",
		    tekst_of_null(eis[i].omschrijving));
		json_object_object_add(x, "opdracht", tekst_of_null(eis[i].opdracht));
		json_object_array_add(a, x);
	}
	json_object_object_add(o, "eisen", a);
	return o;
}

/* What the form shows in its fields. */
struct waarden {
	const char  *eerste_periode, *indientermijn, *toelichting, *secties;
	int64_t      versie;          /* the concept's row version; 0: new */
};

/*
 * Answers the form of format f (version nummer when changing it) with
 * status: the fields w, fouten beside them (taken), and melding as an
 * alert (a conflict) when set.
 */
static void
formulier(struct req *r, int status, const struct format_rij *f,
    int64_t nummer, const struct waarden *w, struct json_object *fouten,
    const char *melding)
{
	struct json_object *ctx, *v, *b;

	if ((b = bouwstenen(r, f->keten_id)) == NULL) {
		json_object_put(fouten);
		return;
	}
	fouten_bij_tekstvak(r, fouten);
	v = json_object_new_array();
	json_object_array_add(v, formveld_invoer(r, "eerste_periode",
	    "Eerste periode", 1, "De eerste periode waarover met deze versie "
	    "wordt gerapporteerd, zoals 2026-H1 (een halfjaar), 2026-Q1 of 2026; "
	    "van dezelfde soort als de vorige versie.", fouten, "text",
	    w->eerste_periode, 7));
	json_object_array_add(v, formveld_invoer(r, "indientermijn_dagen",
	    "Indientermijn in dagen", 1, "Binnen hoeveel dagen na het einde van "
	    "de periode de rapportage is ingediend (1 tot en met 365).", fouten,
	    "text",
	    w->indientermijn, 4));
	json_object_array_add(v, formveld_invoer(r, "toelichting",
	    "Toelichting", 0, "Wat deze versie verandert en waarom.", fouten,
	    "text", w->toelichting, 2000));
	json_object_array_add(v, formveld_invoer(r, "secties", "Inhoud", 1,
	    "De secties met hun onderdelen, in JSON: zie de vormen en de "
	    "indicatoren en eisen hieronder.", fouten, "text", w->secties,
	    64000));
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(nummer > 0 ?
	    arena_printf(r->arena, "Versie %lld van %s wijzigen",
	    (long long)nummer, f->naam) : arena_printf(r->arena,
	    "Nieuwe versie van %s", f->naam)));
	json_object_object_add(ctx, "format_href", json_object_new_string(
	    arena_printf(r->arena, "/formats/%lld", (long long)f->id)));
	json_object_object_add(ctx, "format", tekst_of_null(f->naam));
	json_object_object_add(ctx, "actie", json_object_new_string(nummer > 0 ?
	    arena_printf(r->arena, "/formats/%lld/versies/%lld/wijzigen",
	    (long long)f->id, (long long)nummer) : arena_printf(r->arena,
	    "/formats/%lld/versies/nieuw", (long long)f->id)));
	if (w->versie > 0)
		json_object_object_add(ctx, "versie",
		    json_object_new_int64(w->versie));
	if (melding != NULL)
		json_object_object_add(ctx, "melding",
		    json_object_new_string(melding));
	json_object_object_add(ctx, "velden", v);
	json_object_object_add(ctx, "bouwstenen", b);
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "formatversie_formulier", ctx);
}

/* Format id, when who may write its versions; else answered (404, 403)
 * and -1. */
static int
format_voor_schrijven(struct req *r, struct format_rij *f)
{
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_format_lees(r->db, r->arena, p_id(r), 0, f,
	    &gevonden)) != DB_OK) {
		fail_db(r, rc, "format");
		return -1;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	if (!format_mag_beheren(&r->who, f->keten_id)) {
		resp_problem(r, 403, "Versies van dit format maakt de regisseur "
		    "van de keten of een beheerder.", NULL);
		return -1;
	}
	return 0;
}

/* The form's fields as typed. */
static void
waarden_van_form(struct req *r, struct waarden *w)
{
	memset(w, 0, sizeof(*w));
	w->eerste_periode = kv_get(&r->form, "eerste_periode");
	w->indientermijn = kv_get(&r->form, "indientermijn_dagen");
	w->toelichting = kv_get(&r->form, "toelichting");
	w->secties = kv_get(&r->form, "secties");
}

/*
 * The input of the form: *secties the parsed text area (the caller puts
 * it), NULL when empty. Returns 0, or -1 when the text is not JSON (a
 * field error appended to fouten).
 */
static int
invoer_van_form(struct req *r, struct formatversie_invoer *in,
    struct json_object **secties, struct json_object *fouten)
{
	const char *t = kv_get(&r->form, "secties");
	enum parse_err e;

	memset(in, 0, sizeof(*in));
	*secties = NULL;
	in->eerste_periode = invoer_form(r, "eerste_periode");
	in->indientermijn_dagen = invoer_form(r, "indientermijn_dagen");
	in->toelichting = invoer_form(r, "toelichting");
	if (t == NULL || t[strspn(t, " \t\r\n")] == '\0')
		return 0;
	/* The rules of a JSON body: strict, one value, nothing after it. */
	if ((e = json_body_parse(t, strlen(t), secties)) != PARSE_OK) {
		fout_melding(fouten, "secties", e == PARSE_TOO_DEEP ? "De inhoud "
		    "is te diep genest." : e == PARSE_TOO_LONG ? "De inhoud is te "
		    "lang." : "De inhoud is geen geldige JSON. Controleer haakjes, "
		    "komma's en aanhalingstekens, en dat er na de laatste ] niets "
		    "meer staat.");
		return -1;
	}
	in->secties = *secties;
	return 0;
}

/* GET /formats/{id}/versies/nieuw: the latest version's content as the
 * start (its indicators continuing themselves), or an empty form. */
static void
pagina_nieuw(struct req *r)
{
	struct formatversie_rij *v, laatste;
	struct format_item_rij *it = NULL;
	struct format_org_rij *org;
	struct format_rij f;
	struct waarden w;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t n = 0, nit = 0, norg;

	if (format_voor_schrijven(r, &f) != 0)
		return;
	memset(&w, 0, sizeof(w));
	memset(&laatste, 0, sizeof(laatste));
	ops_ctx_van(r, NULL, &c);
	u = formatversie_lijst(&c, f.id, &v, &n);
	if (u == OPS_OK && n > 0)
		u = formatversie_inhoud(&c, f.id, v[n - 1].nummer, &laatste, &it,
		    &nit, &org, &norg);
	if (u != OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	json_object_put(c.fouten);
	if (n > 0) {
		w.indientermijn = arena_printf(r->arena, "%d",
		    laatste.indientermijn_dagen);
		w.secties = inhoud_tekst(r, it, nit, 1);
	}
	formulier(r, 200, &f, 0, &w, NULL, NULL);
}

/* POST /formats/{id}/versies/nieuw. */
static void
pagina_maak(struct req *r)
{
	struct formatversie_invoer in;
	struct json_object *secties = NULL;
	struct format_rij f;
	struct waarden w;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t nummer = 0;

	if (format_voor_schrijven(r, &f) != 0)
		return;
	waarden_van_form(r, &w);
	ops_ctx_van(r, NULL, &c);
	if (invoer_van_form(r, &in, &secties, c.fouten) != 0)
		u = OPS_VELDEN;
	else
		u = formatversie_maak(&c, f.id, &in, &nummer);
	json_object_put(secties);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/formats/%lld/versies/%lld", (long long)f.id,
			    (long long)nummer));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	tx_rollback(r);
	formulier(r, 422, &f, 0, &w, c.fouten, NULL);
	c.fouten = NULL;
}

/* The concept nummer of f as the caller may see it, into *v, with its
 * items; else answered and -1 (404; 409 when it is no longer a concept). */
static int
concept_lees(struct req *r, const struct format_rij *f,
    struct formatversie_rij *v, struct format_item_rij **it, size_t *nit)
{
	struct format_org_rij *org;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t norg;

	ops_ctx_van(r, NULL, &c);
	u = formatversie_inhoud(&c, f->id, p_nummer(r), v, it, nit, &org, &norg);
	if (u != OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		return -1;
	}
	json_object_put(c.fouten);
	if (strcmp(v->status, "concept") != 0) {
		resp_problem(r, 409, strcmp(v->status, "gepubliceerd") == 0 ?
		    "Een gepubliceerde versie verandert niet; maak een nieuwe "
		    "versie." : "Deze versie is in consultatie: neem haar eerst "
		    "terug om haar te wijzigen.", NULL);
		return -1;
	}
	return 0;
}

/* GET /formats/{id}/versies/{nummer}/wijzigen. */
static void
pagina_wijzig(struct req *r)
{
	struct formatversie_rij v;
	struct format_item_rij *it;
	struct format_rij f;
	struct waarden w;
	size_t nit;

	if (format_voor_schrijven(r, &f) != 0 ||
	    concept_lees(r, &f, &v, &it, &nit) != 0)
		return;
	memset(&w, 0, sizeof(w));
	w.eerste_periode = v.eerste_periode;
	w.indientermijn = arena_printf(r->arena, "%d", v.indientermijn_dagen);
	w.toelichting = v.toelichting;
	w.secties = inhoud_tekst(r, it, nit, 0);
	w.versie = v.versie;
	formulier(r, 200, &f, v.nummer, &w, NULL, NULL);
}

/* POST /formats/{id}/versies/{nummer}/wijzigen: the concept as it was
 * read (hidden versie). Changed meanwhile: the form again as typed, 409,
 * with the version it has now, so a second save is a choice. */
static void
pagina_wijzig_post(struct req *r)
{
	struct formatversie_invoer in;
	struct json_object *secties = NULL;
	struct formatversie_rij v;
	struct format_item_rij *it;
	struct format_rij f;
	struct waarden w;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *vs = kv_get(&r->form, "versie");
	long long versie = 0;
	size_t nit;

	if (format_voor_schrijven(r, &f) != 0)
		return;
	if (vs == NULL || sscanf(vs, "%lld", &versie) != 1 || versie <= 0) {
		resp_problem(r, 400, "Het formulier mist de versie die u "
		    "wijzigde; open het opnieuw.", NULL);
		return;
	}
	waarden_van_form(r, &w);
	ops_ctx_van(r, NULL, &c);
	if (invoer_van_form(r, &in, &secties, c.fouten) != 0)
		u = OPS_VELDEN;
	else
		u = formatversie_wijzig(&c, f.id, p_nummer(r), versie, &in);
	json_object_put(secties);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/formats/%lld/versies/%lld", (long long)f.id,
			    (long long)p_nummer(r)));
		return;
	}
	if (u == OPS_VELDEN) {
		tx_rollback(r);
		w.versie = versie;
		formulier(r, 422, &f, p_nummer(r), &w, c.fouten, NULL);
		c.fouten = NULL;
		return;
	}
	if (u != OPS_VEROUDERD) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	tx_rollback(r);
	json_object_put(c.fouten);
	if (concept_lees(r, &f, &v, &it, &nit) != 0)
		return;
	w.versie = v.versie;
	formulier(r, 409, &f, v.nummer, &w, NULL, "Gegevens intussen gewijzigd: "
	    "iemand anders sloeg deze versie op nadat u haar opende. Hieronder "
	    "staat wat u typte; sla opnieuw op om het zo vast te leggen, of "
	    "open de versie opnieuw om eerst te zien wat er veranderde.");
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
#define V	"/formats/{id:int}/versies"

static const struct route routes[] = {
	{ "GET", V "/nieuw", pagina_nieuw, ACCESS_CATALOGUS, H, NULL },
	{ "POST", V "/nieuw", pagina_maak, ACCESS_CATALOGUS, HF, NULL },
	{ "GET", V "/{nummer:int}/wijzigen", pagina_wijzig, ACCESS_CATALOGUS, H,
	  NULL },
	{ "POST", V "/{nummer:int}/wijzigen", pagina_wijzig_post,
	  ACCESS_CATALOGUS, HF, NULL },
};

ROUTE_TABLE(routes_formatversie_formulier, routes);
