/*
 * indicatoren_pagina.c — the indicator catalogue as pages (issue 10): the
 * list per keten, one indicator with its rule read back in Dutch and its
 * versions, and the forms of a regisseur or beheerder.
 *
 * Pages:
 *   GET  /indicatoren                      the catalogue (?keten_id=)
 *   GET  /indicatoren/{id}                 one version
 *   GET  /indicatoren/nieuw                the form (ACCESS_CATALOGUS)
 *   POST /indicatoren/nieuw                303 to the new indicator; 422
 *   GET  /indicatoren/{id}/wijzigen        the form with its values
 *   POST /indicatoren/{id}/wijzigen        303 (in place, or to the new
 *                                          version); 403; 409; 422
 *
 * The audit letter: teams could not tell what the gemeente wanted to learn
 * from an indicator. So every signed-in user reads the catalogue — the
 * definitie, the doel, and the rule itself as a sentence — and the forms
 * use the same operations as the API (ops/indicator.h). The rule is
 * written as JSON in a text area: the kinds are few and listed beside it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/indicator.h"
#include "domain/indicator_uitleg.h"
#include "domain/policy.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/indicator.h"
#include "ops/streefwaarde.h"
#include "store/indicator.h"
#include "store/streefwaarde.h"
#include "store/structuur.h"

/* The rule of a version as a sentence in the arena ("" without one, or
 * when the stored rule no longer reads: the page then shows the raw rule
 * only, never a sentence that might not match it). */
static const char *
catalogus_uitleg(struct req *r, const char *regel)
{
	struct json_object *o, *fouten;
	struct indicator_regel rr;
	char zin[1024];
	const char *out = "";

	if (regel == NULL || (o = json_tokener_parse(regel)) == NULL)
		return out;
	fouten = json_object_new_array();
	if (indicator_regel_lees(o, &rr, fouten) == 0)
		out = arena_strdup(r->arena, indicator_regel_uitleg(&rr, zin,
		    sizeof(zin)));
	json_object_put(fouten);
	json_object_put(o);
	return out != NULL ? out : "";
}

/* One version as the templates show it: labels instead of codes for
 * eenheid, bron and partij, and the rule both as a sentence and as the
 * stored JSON text (escaped by the template). */
static struct json_object *
catalogus_item(struct req *r, const struct indicator_rij *i)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(i->id));
	json_object_object_add(o, "code", tekst_of_leeg(i->code));
	json_object_object_add(o, "nummer", json_object_new_int64(i->nummer));
	json_object_object_add(o, "naam", tekst_of_leeg(i->naam));
	json_object_object_add(o, "definitie", tekst_of_leeg(i->definitie));
	json_object_object_add(o, "doel", tekst_of_leeg(i->doel));
	json_object_object_add(o, "eenheid", tekst_of_leeg(indicator_label(
	    indicator_eenheden, i->eenheid)));
	json_object_object_add(o, "bron", tekst_of_leeg(indicator_label(
	    indicator_bronnen, i->bron)));
	json_object_object_add(o, "partij", tekst_of_null(i->partij != NULL ?
	    indicator_label(indicator_partijen, i->partij) : NULL));
	json_object_object_add(o, "keten", tekst_of_leeg(i->keten));
	json_object_object_add(o, "thema", tekst_of_null(i->thema));
	json_object_object_add(o, "drempel", json_object_new_int(
	    i->drempel_vorige_periode));
	json_object_object_add(o, "actief", json_object_new_boolean(i->actief));
	json_object_object_add(o, "in_gebruik", json_object_new_boolean(
	    i->in_gebruik));
	json_object_object_add(o, "uitleg", json_object_new_string(
	    catalogus_uitleg(r, i->regel)));
	json_object_object_add(o, "regel", tekst_of_null(i->regel));
	json_object_object_add(o, "aangemaakt", tekst_of_leeg(i->aangemaakt));
	return o;
}

/* The ketens as {waarde, label, gekozen} for the list's filter, keten_id
 * chosen; -1 after answering a database failure. */
static int
catalogus_ketens(struct req *r, int64_t keten_id, struct json_object **out)
{
	struct structuur_optie *k;
	enum db_err rc;
	size_t i, n;
	char id[24];

	if ((rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &k, &n)) !=
	    DB_OK) {
		fail_db(r, rc, "ketens");
		return -1;
	}
	*out = json_object_new_array();
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%lld", (long long)k[i].id);
		formveld_optie(*out, id, k[i].naam, k[i].id == keten_id);
	}
	return 0;
}

/* GET /indicatoren: the actief versions, of one keten when chosen (a
 * keten_id that is no id shows all rather than an error: it is a filter,
 * not input). */
static void
pagina_catalogus(struct req *r)
{
	struct indicator_filter f = { 0, NULL, 1 };
	struct indicator_rij *rij;
	struct json_object *ctx, *arr, *ketens;
	const char *ks = kv_get(&r->query, "keten_id");
	enum db_err rc;
	size_t i, n;

	if (ks != NULL && *ks != '\0' &&
	    getal_lees_str(ks, 1, WZ_MAX_ID, &f.keten_id) != 0)
		f.keten_id = 0;
	if (catalogus_ketens(r, f.keten_id, &ketens) != 0)
		return;
	if ((rc = store_indicator_lijst(r->db, r->arena, &f, 0, WZ_LIST_MAX,
	    &rij, &n)) != DB_OK) {
		json_object_put(ketens);
		fail_db(r, rc, "indicatoren");
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, catalogus_item(r, &rij[i]));
	ctx = json_object_new_object();
	json_object_object_add(ctx, "items", arr);
	json_object_object_add(ctx, "aantal", json_object_new_int((int)n));
	json_object_object_add(ctx, "ketens", ketens);
	json_object_object_add(ctx, "mag_beheren", json_object_new_boolean(
	    policy_allows(ACCESS_CATALOGUS, &r->who) == POLICY_ALLOW));
	resp_page(r, 200, "indicatoren", ctx);
}

/* GET /indicatoren/{id}: one version and every version of its code; the
 * change link only for the actief version and for whom may change the
 * catalogue of its keten. */
static void
pagina_indicator(struct req *r)
{
	struct indicator_rij rij, *v;
	struct json_object *ctx, *arr, *it;
	enum db_err rc;
	size_t i, n = 0;
	int gevonden = 0;

	if ((rc = store_indicator_met_versies(r->db, r->arena, route_param_int(
	    &r->match, "id"), &rij, &gevonden, &v, &n)) != DB_OK) {
		fail_db(r, rc, "indicator");
		return;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	ctx = json_object_new_object();
	json_object_object_add(ctx, "indicator", catalogus_item(r, &rij));
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		it = catalogus_item(r, &v[i]);
		json_object_object_add(it, "deze", json_object_new_boolean(
		    v[i].id == rij.id));
		json_object_array_add(arr, it);
	}
	json_object_object_add(ctx, "versies", arr);
	json_object_object_add(ctx, "mag_wijzigen", json_object_new_boolean(
	    rij.actief && indicator_mag_beheren(&r->who, rij.keten_id)));
	/* Its targets (issue 11), for whom may read them; an indicator
	 * without one says so (the audit letter's finding), a tekst
	 * indicator has none by nature. */
	if (streefwaarde_mag_lezen(&r->who)) {
		struct streefwaarde_filter sf;
		struct streefwaarde_rij *sw;
		size_t nsw = 0;

		memset(&sf, 0, sizeof(sf));
		sf.indicator_id = rij.id;
		if ((rc = store_streefwaarde_lijst(r->db, r->arena, &sf, 0, 1, &sw,
		    &nsw)) != DB_OK) {
			json_object_put(ctx);
			fail_db(r, rc, "streefwaarden");
			return;
		}
		json_object_object_add(ctx, "mag_streefwaarden",
		    json_object_new_boolean(strcmp(rij.eenheid, "tekst") != 0));
		json_object_object_add(ctx, "geen_streefwaarde",
		    json_object_new_boolean(nsw == 0 &&
		    strcmp(rij.eenheid, "tekst") != 0));
	}
	resp_page(r, 200, "indicator", ctx);
}

/*
 * The form's fields: after a failed post the values as typed (so nothing
 * typed is lost), else the stored ones (huidig; NULL for a new indicator);
 * each field's error beside it and the summary at the top (pagina_fouten
 * takes fouten). Returns the context, or NULL after answering a database
 * failure.
 */
static struct json_object *
catalogus_formulier(struct req *r, const char *titel, const char *actie,
    const struct indicator_rij *huidig, struct json_object *fouten)
{
	struct json_object *ctx, *v;
	struct structuur_optie *k;
	enum db_err rc;
	size_t nk;
	char keten[24];
	int gepost = r->form.n > 0;

	/* After a failed post the form shows what was typed; else the
	 * stored values (or nothing, for a new one). */
	if ((rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &k, &nk)) !=
	    DB_OK) {
		fail_db(r, rc, "ketens");
		return NULL;
	}
	snprintf(keten, sizeof(keten), "%lld", huidig != NULL ?
	    (long long)huidig->keten_id : 0LL);
#define WAARDE(naam, opgeslagen) (gepost ? kv_get(&r->form, naam) : \
	(huidig != NULL ? (opgeslagen) : NULL))
	v = json_object_new_array();
	json_object_array_add(v, formveld_invoer(r, "code", "Code", 1,
	    "Kleine letters, cijfers en liggende streepjes; verandert niet meer "
	    "zodra de indicator in gebruik is.", fouten, "text",
	    WAARDE("code", huidig->code), 64));
	json_object_array_add(v, formveld_invoer(r, "naam", "Naam", 1, NULL,
	    fouten, "text", WAARDE("naam", huidig->naam), 200));
	json_object_array_add(v, formveld_invoer(r, "definitie", "Definitie", 1,
	    "Precies wat er geteld wordt, in gewone taal.", fouten, "text",
	    WAARDE("definitie", huidig->definitie), 2000));
	json_object_array_add(v, formveld_invoer(r, "doel", "Doel", 1,
	    "De sturingsvraag: wat wil de gemeente met dit cijfer weten?", fouten,
	    "text", WAARDE("doel", huidig->doel), 2000));
	json_object_array_add(v, formveld_keuze(r, "keten_id", "Keten", 1, NULL,
	    fouten, WAARDE("keten_id", keten), k, nk, NULL, 0));
	json_object_array_add(v, formveld_keuze(r, "bron", "Bron", 1, NULL, fouten,
	    WAARDE("bron", huidig->bron), NULL, 0, indicator_bronnen, 1));
	json_object_array_add(v, formveld_keuze(r, "eenheid", "Eenheid", 1, NULL,
	    fouten, WAARDE("eenheid", huidig->eenheid), NULL, 0,
	    indicator_eenheden, 0));
	json_object_array_add(v, formveld_keuze(r, "aanleverende_partij",
	    "Aanleverende partij", 0, "Alleen bij de bron ketenpartner.", fouten,
	    WAARDE("aanleverende_partij", huidig->partij), NULL, 0,
	    indicator_partijen, 0));
	json_object_array_add(v, formveld_invoer(r, "regel", "Rekenregel (JSON)",
	    0, "Alleen bij de bron berekend. Bijvoorbeeld {\"soort\": \"telling\", "
	    "\"tel\": \"inwoners\", \"type\": \"startgesprek\", \"uitsplitsing\": "
	    "[\"uitkomst\"]}.", fouten, "text", WAARDE("regel", huidig->regel),
	    4000));
	{
		char d[12];

		snprintf(d, sizeof(d), "%d", huidig != NULL ?
		    huidig->drempel_vorige_periode : 25);
		json_object_array_add(v, formveld_invoer(r,
		    "drempel_vorige_periode", "Drempel voor een toelichting (%)",
		    0, "Verandert de waarde meer dan dit percentage ten opzichte "
		    "van de vorige periode, dan vraagt de rapportage om een "
		    "toelichting.", fouten, "number",
		    WAARDE("drempel_vorige_periode", arena_strdup(r->arena, d)),
		    0));
	}
#undef WAARDE
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(titel));
	json_object_object_add(ctx, "actie", json_object_new_string(actie));
	json_object_object_add(ctx, "velden", v);
	if (huidig != NULL)
		json_object_object_add(ctx, "versie", json_object_new_int64(
		    huidig->versie));
	pagina_fouten(r, ctx, fouten);
	return ctx;
}

/* The form's body as the operation's input. The rule arrives as text in
 * a text area: it is parsed here (into *regel, which the caller puts after
 * the operation), and text that is no JSON object is marked ongeldig, so
 * the operation gives the same field error as to the API. */
static void
catalogus_invoer(struct req *r, struct indicator_invoer *in,
    struct json_object **regel)
{
	const char *t = kv_get(&r->form, "regel");

	memset(in, 0, sizeof(*in));
	*regel = NULL;
	in->code = invoer_form(r, "code");
	in->naam = invoer_form(r, "naam");
	in->definitie = invoer_form(r, "definitie");
	in->doel = invoer_form(r, "doel");
	in->eenheid = invoer_form(r, "eenheid");
	in->keten_id = invoer_form(r, "keten_id");
	in->bron = invoer_form(r, "bron");
	in->aanleverende_partij = invoer_form(r, "aanleverende_partij");
	in->drempel_vorige_periode = invoer_form(r, "drempel_vorige_periode");
	if (t != NULL && *t != '\0') {
		*regel = json_tokener_parse(t);
		if (*regel == NULL || !json_object_is_type(*regel,
		    json_type_object))
			in->regel_ongeldig = 1;
		else
			in->regel = *regel;
	}
}

/* GET /indicatoren/nieuw: the empty form (ACCESS_CATALOGUS; the keten is
 * checked when saving). */
static void
pagina_nieuw(struct req *r)
{
	struct json_object *ctx;

	if ((ctx = catalogus_formulier(r, "Nieuwe indicator", "/indicatoren/nieuw",
	    NULL, NULL)) != NULL)
		resp_page(r, 200, "indicator_formulier", ctx);
}

/* POST /indicatoren/nieuw: 303 to the new indicator once committed
 * (POST/redirect/GET), the form again with 422 for field errors, any other
 * outcome as a problem page. */
static void
pagina_maak(struct req *r)
{
	struct indicator_invoer in;
	struct json_object *regel, *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	catalogus_invoer(r, &in, &regel);
	ops_ctx_van(r, NULL, &c);
	u = indicator_maak(&c, &in, &id);
	json_object_put(regel);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "/indicatoren/%lld",
			    (long long)id));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	if ((ctx = catalogus_formulier(r, "Nieuwe indicator", "/indicatoren/nieuw",
	    NULL, c.fouten)) != NULL)
		resp_page(r, 422, "indicator_formulier", ctx);
}

/* The version of the path, for the change form; -1 after answering. */
static int
catalogus_huidig(struct req *r, struct indicator_rij *rij)
{
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_indicator_lees(r->db, r->arena, route_param_int(
	    &r->match, "id"), rij, &gevonden)) != DB_OK) {
		fail_db(r, rc, "indicator");
		return -1;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	return 0;
}

/* GET /indicatoren/{id}/wijzigen: the form with the stored values and the
 * row version in a hidden field. */
static void
pagina_wijzig(struct req *r)
{
	struct indicator_rij rij;
	struct json_object *ctx;

	if (catalogus_huidig(r, &rij) != 0)
		return;
	if ((ctx = catalogus_formulier(r, "Indicator wijzigen", arena_printf(
	    r->arena, "/indicatoren/%lld/wijzigen", (long long)rij.id), &rij,
	    NULL)) != NULL)
		resp_page(r, 200, "indicator_formulier", ctx);
}

/* POST /indicatoren/{id}/wijzigen: the version from the hidden field
 * (missing or stale: 412); 303 to the indicator, or to its new version
 * with ?nieuwe_versie=1 when the change made one. */
static void
pagina_wijzig_post(struct req *r)
{
	struct indicator_invoer in;
	struct indicator_rij rij;
	struct json_object *regel, *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie = 0, nieuw = 0;
	const char *vs = kv_get(&r->form, "versie");
	int nieuwe_versie = 0;

	if (catalogus_huidig(r, &rij) != 0)
		return;
	if (vs == NULL || getal_lees_str(vs, 1, INT32_MAX, &versie) != 0)
		versie = 0;
	catalogus_invoer(r, &in, &regel);
	ops_ctx_van(r, NULL, &c);
	u = indicator_wijzig(&c, &in, rij.id, versie, &nieuw, &nieuwe_versie);
	json_object_put(regel);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "/indicatoren/%lld%s",
			    (long long)nieuw, nieuwe_versie ? "?nieuwe_versie=1" :
			    ""));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	if ((ctx = catalogus_formulier(r, "Indicator wijzigen", arena_printf(
	    r->arena, "/indicatoren/%lld/wijzigen", (long long)rij.id), &rij,
	    c.fouten)) != NULL)
		resp_page(r, 422, "indicator_formulier", ctx);
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
static const struct route routes[] = {
	{ "GET", "/indicatoren", pagina_catalogus, ACCESS_INGELOGD, H, NULL },
	{ "GET", "/indicatoren/nieuw", pagina_nieuw, ACCESS_CATALOGUS, H, NULL },
	{ "POST", "/indicatoren/nieuw", pagina_maak, ACCESS_CATALOGUS, HF, NULL },
	{ "GET", "/indicatoren/{id:int}", pagina_indicator, ACCESS_INGELOGD, H,
	  NULL },
	{ "GET", "/indicatoren/{id:int}/wijzigen", pagina_wijzig,
	  ACCESS_CATALOGUS, H, NULL },
	{ "POST", "/indicatoren/{id:int}/wijzigen", pagina_wijzig_post,
	  ACCESS_CATALOGUS, HF, NULL },
};
ROUTE_TABLE(routes_indicatoren_pagina, routes);
