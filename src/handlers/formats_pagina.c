/*
 * formats_pagina.c — rapportage formats in versions (issue 11) as pages:
 * the formats per keten with their versions, one version with its
 * content, lineage, consultation and the steps of its workflow, what
 * changed between two versions and what one covers; and the forms: a new
 * format, consulteren, terugnemen, publiceren (with a reden), a
 * teamleider's comment and the regisseur's answer.
 *
 * Pages (all may also answer 303 to the log-in page, 500/503; V is
 * /formats/{id}/versies/{nummer}):
 *   GET  /formats                 the formats per keten (?keten_id=); 403
 *   GET  /formats/nieuw           the form (ACCESS_CATALOGUS)
 *   POST /formats/nieuw           303 to the format; 403; 422 the form again
 *   GET  /formats/{id}            one format and its versions; 403; 404
 *   GET  V                        one version; 403; 404 (also a concept the
 *                                 caller may not see)
 *   POST V/consulteren            303 to V; 403; 404; 409
 *   POST V/terugnemen             303 to V; 403; 404; 409
 *   POST V/publiceren             303 to V; 403; 404; 409; 422 V again with
 *                                 the errors and the reden as typed
 *   POST V/reacties               303 to V#reacties; 403; 404; 409; 422
 *   POST V/reacties/{rid}         the answer: 303; 403; 404; 409 (stale);
 *                                 422
 *   GET  V/verschil?met=N         what changed; 400; 403; 404
 *   GET  V/dekking                the eisen covered and the burden; 403; 404
 *
 * Who may what is decided by the operations (ops/format.h,
 * ops/format_analyse.h), as for the JSON API (handlers/formats.c); this
 * file only shows a button when the operation would allow the step
 * (workflow_acties and format_mag_beheren), and never judges input. No
 * SQL here but the reads of the format rows and the keten names.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/format.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/workflow.h"
#include "handlers/common.h"
#include "handlers/format_analyse.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/format.h"
#include "ops/format_analyse.h"
#include "store/format.h"
#include "store/structuur.h"

/* The largest nummer (formatversie.nummer is INT UNSIGNED). */
#define NUMMER_MAX	4294967295LL

static const struct veld_optie oordelen[] = {
	{ "nodig", "Nodig" },
	{ "niet_nodig", "Niet nodig" },
	{ "onduidelijk", "Onduidelijk" },
	{ NULL, NULL },
};

/* The labels of the steps, as buttons. */
static const struct veld_optie actie_labels[] = {
	{ "consulteren", "In consultatie geven" },
	{ "terugnemen", "Terugnemen uit consultatie" },
	{ "publiceren", "Publiceren" },
	{ NULL, NULL },
};

/* The rule's uitsplitsing (JSON text of an array of names or objects)
 * as "uitkomst, ketenstatus"; NULL for none. In the arena. */
static const char *
uitsplitsing_tekst(struct req *r, const char *s)
{
	struct json_object *a, *e, *n;
	const char *out = NULL, *x;
	size_t i;

	if (s == NULL || (a = json_tokener_parse(s)) == NULL)
		return NULL;
	if (json_object_is_type(a, json_type_array))
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (json_object_is_type(e, json_type_string))
				x = json_object_get_string(e);
			else if (json_object_object_get_ex(e, "naam", &n) ||
			    json_object_object_get_ex(e, "veld", &n))
				x = json_object_get_string(n);
			else
				x = json_object_to_json_string(e);
			out = out == NULL ? arena_strdup(r->arena, x) :
			    arena_printf(r->arena, "%s, %s", out, x);
		}
	json_object_put(a);
	return out;
}

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

static const char *
versie_href(struct req *r, int64_t id, int64_t nummer)
{
	return arena_printf(r->arena, "/formats/%lld/versies/%lld",
	    (long long)id, (long long)nummer);
}

/* A version as the list and the version page show it. */
static struct json_object *
versie_obj(struct req *r, const struct formatversie_rij *v)
{
	struct json_object *o = json_object_new_object();
	int gepubliceerd = v->status != NULL &&
	    strcmp(v->status, "gepubliceerd") == 0;

	json_object_object_add(o, "nummer", json_object_new_int64(v->nummer));
	json_object_object_add(o, "href", json_object_new_string(versie_href(r,
	    v->format_id, v->nummer)));
	json_object_object_add(o, "status_label", tekst_of_leeg(
	    format_status_label(v->status)));
	json_object_object_add(o, "is_concept", json_object_new_boolean(
	    v->status != NULL && strcmp(v->status, "concept") == 0));
	json_object_object_add(o, "is_consultatie", json_object_new_boolean(
	    v->status != NULL && strcmp(v->status, "consultatie") == 0));
	json_object_object_add(o, "is_gepubliceerd", json_object_new_boolean(
	    gepubliceerd));
	json_object_object_add(o, "eerste_periode", tekst_of_leeg(pagina_periode(r,
	    v->eerste_periode)));
	json_object_object_add(o, "indientermijn_dagen", json_object_new_int(
	    v->indientermijn_dagen));
	json_object_object_add(o, "toelichting", tekst_of_null(
	    v->toelichting != NULL && *v->toelichting != '\0' ? v->toelichting :
	    NULL));
	json_object_object_add(o, "geconsulteerd", json_object_new_boolean(
	    v->geconsulteerd));
	json_object_object_add(o, "zonder_consultatie", json_object_new_boolean(
	    gepubliceerd && !v->geconsulteerd));
	json_object_object_add(o, "consultatie_van", tekst_of_null(pagina_tijd(r,
	    v->consultatie_van)));
	json_object_object_add(o, "midden_in_periode", json_object_new_boolean(
	    gepubliceerd && v->midden_in_periode));
	json_object_object_add(o, "publicatie_reden", tekst_of_null(
	    v->publicatie_reden));
	json_object_object_add(o, "gepubliceerd_op", tekst_of_null(pagina_tijd(r,
	    v->gepubliceerd_op)));
	json_object_object_add(o, "gepubliceerd_door", tekst_of_null(
	    v->gepubliceerd_door_naam));
	return o;
}

/* The format of the path; -1 after answering (404). */
static int
format_huidig(struct req *r, struct format_rij *f)
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
	return 0;
}

static struct json_object *
format_obj(const struct format_rij *f)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(f->id));
	json_object_object_add(o, "code", tekst_of_leeg(f->code));
	json_object_object_add(o, "naam", tekst_of_leeg(f->naam));
	json_object_object_add(o, "omschrijving", tekst_of_null(
	    f->omschrijving != NULL && *f->omschrijving != '\0' ?
	    f->omschrijving : NULL));
	json_object_object_add(o, "keten", tekst_of_leeg(f->keten));
	return o;
}

/* The visible versions of format f as an array; NULL after answering. */
static struct json_object *
versies_obj(struct req *r, const struct format_rij *f)
{
	struct formatversie_rij *v;
	struct json_object *arr;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, n;

	ops_ctx_van(r, NULL, &c);
	u = formatversie_lijst(&c, f->id, &v, &n);
	if (u != OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		return NULL;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, versie_obj(r, &v[i]));
	return arr;
}

/* ------------------------------------------------------------ the list */

/* GET /formats: per keten (in the order of the ketens) its formats with
 * every version the caller may see. A keten_id that is no id shows all:
 * it is a filter, not input. */
static void
pagina_lijst(struct req *r)
{
	struct structuur_optie *k;
	struct format_rij *f;
	struct json_object *ctx, *ketens, *kies, *kobj, *farr, *fo, *va;
	const char *ks = kv_get(&r->query, "keten_id");
	enum db_err rc;
	int64_t keten = 0;
	size_t i, j, nk, n;
	char id[24];
	int aantal = 0;

	if (ks != NULL && *ks != '\0' &&
	    getal_lees_str(ks, 1, WZ_MAX_ID, &keten) != 0)
		keten = 0;
	if ((rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &k, &nk)) !=
	    DB_OK || (rc = store_format_lijst(r->db, r->arena, keten, 0,
	    WZ_LIST_MAX, &f, &n)) != DB_OK) {
		fail_db(r, rc, "formats");
		return;
	}
	ctx = json_object_new_object();
	kies = json_object_new_array();
	ketens = json_object_new_array();
	for (i = 0; i < nk; i++) {
		snprintf(id, sizeof(id), "%lld", (long long)k[i].id);
		formveld_optie(kies, id, k[i].naam, k[i].id == keten);
		if (keten != 0 && k[i].id != keten)
			continue;
		farr = json_object_new_array();
		for (j = 0; j < n; j++) {
			if (f[j].keten_id != k[i].id)
				continue;
			if ((va = versies_obj(r, &f[j])) == NULL) {
				json_object_put(farr);
				json_object_put(ketens);
				json_object_put(kies);
				json_object_put(ctx);
				return;
			}
			fo = format_obj(&f[j]);
			json_object_object_add(fo, "versies", va);
			json_object_object_add(fo, "heeft_versies",
			    json_object_new_boolean(json_object_array_length(va) >
			    0));
			json_object_array_add(farr, fo);
			aantal++;
		}
		if (json_object_array_length(farr) == 0) {
			json_object_put(farr);
			continue;
		}
		kobj = json_object_new_object();
		json_object_object_add(kobj, "naam", tekst_of_leeg(k[i].naam));
		json_object_object_add(kobj, "formats", farr);
		json_object_array_add(ketens, kobj);
	}
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Rapportageformats"));
	json_object_object_add(ctx, "ketens", ketens);
	json_object_object_add(ctx, "kies", kies);
	json_object_object_add(ctx, "aantal", json_object_new_int(aantal));
	json_object_object_add(ctx, "mag_beheren", json_object_new_boolean(
	    policy_allows(ACCESS_CATALOGUS, &r->who) == POLICY_ALLOW));
	resp_page(r, 200, "formats", ctx);
}

/* GET /formats/{id}: the format and its versions. */
static void
pagina_format(struct req *r)
{
	struct format_rij f;
	struct json_object *ctx, *va;

	if (format_huidig(r, &f) != 0 || (va = versies_obj(r, &f)) == NULL)
		return;
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(f.naam));
	json_object_object_add(ctx, "format", format_obj(&f));
	json_object_object_add(ctx, "heeft_versies", json_object_new_boolean(
	    json_object_array_length(va) > 0));
	json_object_object_add(ctx, "versies", va);
	json_object_object_add(ctx, "mag_beheren", json_object_new_boolean(
	    format_mag_beheren(&r->who, f.keten_id)));
	resp_page(r, 200, "format", ctx);
}

/* ------------------------------------------------- the new-format form */

/* The form: after a failed post the values as typed. Takes fouten.
 * NULL after answering a database failure. */
static struct json_object *
nieuw_formulier(struct req *r, struct json_object *fouten)
{
	struct json_object *ctx, *v;
	struct structuur_optie *k;
	enum db_err rc;
	size_t nk;

	if ((rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &k, &nk)) !=
	    DB_OK) {
		json_object_put(fouten);
		fail_db(r, rc, "ketens");
		return NULL;
	}
	v = json_object_new_array();
	json_object_array_add(v, formveld_invoer(r, "code", "Code", 1,
	    "Kleine letters, cijfers en liggende streepjes, bijvoorbeeld "
	    "rapportage_participatie; verandert niet meer.", fouten, "text",
	    kv_get(&r->form, "code"), 64));
	json_object_array_add(v, formveld_invoer(r, "naam", "Naam", 1, NULL,
	    fouten, "text", kv_get(&r->form, "naam"), 200));
	json_object_array_add(v, formveld_invoer(r, "omschrijving",
	    "Omschrijving", 0, "Waarvoor het format dient en wie het invult.",
	    fouten, "text", kv_get(&r->form, "omschrijving"), 2000));
	json_object_array_add(v, formveld_keuze(r, "keten_id", "Keten", 1,
	    "Een regisseur maakt formats voor de eigen ketens.", fouten,
	    kv_get(&r->form, "keten_id"), k, nk, NULL, 0));
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Nieuw rapportageformat"));
	json_object_object_add(ctx, "velden", v);
	pagina_fouten(r, ctx, fouten);
	return ctx;
}

/* GET /formats/nieuw. */
static void
pagina_nieuw(struct req *r)
{
	struct json_object *ctx;

	if ((ctx = nieuw_formulier(r, NULL)) != NULL)
		resp_page(r, 200, "format_formulier", ctx);
}

/* POST /formats/nieuw: 303 to the new format once committed; 422 the
 * form again as typed; any other outcome (403 not this keten's regisseur)
 * as a problem page. */
static void
pagina_maak(struct req *r)
{
	struct format_invoer in;
	struct json_object *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	memset(&in, 0, sizeof(in));
	in.code = invoer_form(r, "code");
	in.naam = invoer_form(r, "naam");
	in.omschrijving = invoer_form(r, "omschrijving");
	in.keten_id = invoer_form(r, "keten_id");
	ops_ctx_van(r, NULL, &c);
	u = format_maak(&c, &in, &id);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "/formats/%lld",
			    (long long)id));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	ctx = nieuw_formulier(r, c.fouten);
	c.fouten = NULL;
	if (ctx != NULL)
		resp_page(r, 422, "format_formulier", ctx);
}

/* ------------------------------------------------------- one version */

/* Which form of the version page was posted and failed (its input is
 * shown again, its errors beside it). */
enum versie_form {
	VF_GEEN = 0,
	VF_PUBLICEREN,
	VF_REACTIE,
	VF_ANTWOORD,
};

/* The items of a version as sections, and the items as options of the
 * comment form (*opties, *nopties). */
static struct json_object *
secties_obj(struct req *r, const struct format_item_rij *it, size_t n,
    struct structuur_optie **opties, size_t *nopties)
{
	struct json_object *secties = json_object_new_array(), *s = NULL,
	    *items = NULL, *o;
	struct structuur_optie *op;
	int64_t sectie = 0;
	size_t i, no = 0;
	const char *naam;

	op = arena_alloc(r->arena, (n + 1) * sizeof(*op));
	for (i = 0; i < n; i++) {
		if (s == NULL || it[i].sectie_id != sectie) {
			sectie = it[i].sectie_id;
			s = json_object_new_object();
			items = json_object_new_array();
			json_object_object_add(s, "nr", json_object_new_int(
			    (int)json_object_array_length(secties) + 1));
			json_object_object_add(s, "titel",
			    tekst_of_leeg(it[i].sectie_titel));
			json_object_object_add(s, "items", items);
			json_object_array_add(secties, s);
		}
		if (it[i].id <= 0 || it[i].soort == NULL)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(it[i].id));
		json_object_object_add(o, "soort", tekst_of_leeg(
		    format_soort_label(it[i].soort)));
		if (strcmp(it[i].soort, "indicator") == 0) {
			json_object_object_add(o, "is_indicator",
			    json_object_new_boolean(1));
			json_object_object_add(o, "code", tekst_of_leeg(
			    it[i].indicator_code));
			json_object_object_add(o, "naam", tekst_of_leeg(
			    it[i].indicator_naam));
			json_object_object_add(o, "indicator_id",
			    json_object_new_int64(it[i].indicator_id));
			json_object_object_add(o, "eenheid", tekst_of_leeg(
			    indicator_label(indicator_eenheden, it[i].eenheid)));
			json_object_object_add(o, "bron", tekst_of_leeg(
			    indicator_label(indicator_bronnen, it[i].bron)));
			json_object_object_add(o, "uitsplitsing", tekst_of_null(
			    uitsplitsing_tekst(r, it[i].uitsplitsing)));
			json_object_object_add(o, "lijn", tekst_of_null(
			    format_lijn_label(it[i].lijn)));
			json_object_object_add(o, "vergelijkbaar",
			    json_object_new_boolean(it[i].lijn != NULL &&
			    strcmp(it[i].lijn, "vergelijkbaar") == 0));
			json_object_object_add(o, "vorige_code", tekst_of_null(
			    it[i].vorige_indicator_code));
			json_object_object_add(o, "vorige_id", it[i].vorige_indicator_id >
			    0 ? json_object_new_int64(it[i].vorige_indicator_id) :
			    NULL);
			naam = arena_printf(r->arena, "Indicator %s: %s",
			    it[i].indicator_code ? it[i].indicator_code : "",
			    it[i].indicator_naam ? it[i].indicator_naam : "");
		} else if (strcmp(it[i].soort, "eis") == 0) {
			json_object_object_add(o, "is_eis", json_object_new_boolean(1));
			json_object_object_add(o, "code", tekst_of_leeg(it[i].eis_code));
			json_object_object_add(o, "naam", tekst_of_leeg(
			    it[i].eis_omschrijving));
			naam = arena_printf(r->arena, "Eis %s",
			    it[i].eis_code ? it[i].eis_code : "");
		} else {
			json_object_object_add(o, "is_vraag", json_object_new_boolean(1));
			json_object_object_add(o, "naam", tekst_of_leeg(it[i].vraag));
			naam = arena_printf(r->arena, "Vraag: %.60s%s",
			    it[i].vraag ? it[i].vraag : "", it[i].vraag != NULL &&
			    strlen(it[i].vraag) > 60 ? "…" : "");
		}
		json_object_array_add(items, o);
		if (op != NULL && naam != NULL) {
			op[no].id = it[i].id;
			op[no].code = NULL;
			op[no].naam = naam;
			op[no].beeindigd = 0;
			no++;
		}
	}
	*opties = op;
	*nopties = op != NULL ? no : 0;
	return secties;
}

/* The comments as the caller may read them (none: the key is absent);
 * an answer form on each for whom may answer (beantwoorden), the one that
 * failed (form VF_ANTWOORD, fout) with what was typed. -1 after
 * answering a database failure. */
static int
reacties_obj(struct req *r, struct json_object *ctx, int beantwoorden,
    enum versie_form form, const char *fout)
{
	struct format_reactie_rij *x;
	struct json_object *arr, *o;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, n;
	int64_t rid = form == VF_ANTWOORD ? route_param_int(&r->match, "rid") : 0;

	ops_ctx_van(r, NULL, &c);
	u = format_reacties(&c, p_id(r), p_nummer(r), &x, &n);
	if (u == OPS_GEWEIGERD || u == OPS_NIET_GEVONDEN) {
		antwoord_uitkomst(r, &c, OPS_OK);
		return 0;
	}
	if (u != OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		return -1;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(x[i].id));
		json_object_object_add(o, "versie", json_object_new_int64(
		    x[i].versie));
		json_object_object_add(o, "onderwerp", tekst_of_leeg(x[i].onderwerp));
		json_object_object_add(o, "organisatie", tekst_of_leeg(
		    x[i].organisatie));
		json_object_object_add(o, "door", tekst_of_leeg(x[i].gebruiker));
		json_object_object_add(o, "oordeel", tekst_of_leeg(formveld_optie_label(oordelen,
		    x[i].oordeel)));
		json_object_object_add(o, "opmerking", tekst_of_leeg(x[i].opmerking));
		json_object_object_add(o, "op", tekst_of_leeg(pagina_tijd(r,
		    x[i].aangemaakt)));
		json_object_object_add(o, "antwoord", tekst_of_null(x[i].antwoord));
		json_object_object_add(o, "beantwoord_door", tekst_of_null(
		    x[i].beantwoord_door_naam));
		json_object_object_add(o, "beantwoord_op", tekst_of_null(pagina_tijd(
		    r, x[i].beantwoord_op)));
		if (beantwoorden) {
			json_object_object_add(o, "mag_beantwoorden",
			    json_object_new_boolean(1));
			json_object_object_add(o, "antwoord_waarde", tekst_of_leeg(
			    x[i].id == rid ? kv_get(&r->form, "antwoord") :
			    x[i].antwoord));
			if (x[i].id == rid && fout != NULL)
				json_object_object_add(o, "antwoord_fout",
				    json_object_new_string(fout));
		}
		json_object_array_add(arr, o);
	}
	json_object_object_add(ctx, "toon_reacties", json_object_new_boolean(1));
	json_object_object_add(ctx, "heeft_reacties", json_object_new_boolean(n > 0));
	json_object_object_add(ctx, "reacties", arr);
	return 0;
}

/*
 * Answers the page of version nummer of format id with status: after a
 * failed form (form, fouten: taken; melding: a conflict's message) the
 * page again with the errors and what was typed. A version the caller may
 * not see is 404 (the operation says so).
 */
static void
versie_pagina(struct req *r, int status, enum versie_form form,
    struct json_object *fouten, const char *melding)
{
	const struct workflow_stap *stap[8];
	struct formatversie_rij v, *alle;
	struct format_item_rij *items;
	struct format_org_rij *orgs;
	struct structuur_optie *opties;
	struct format_rij f;
	struct json_object *ctx, *arr, *a, *vo;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i, n, norg, nst, nopties, nalle;
	int beheren, gepost;

	if (format_huidig(r, &f) != 0) {
		json_object_put(fouten);
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = formatversie_inhoud(&c, f.id, p_nummer(r), &v, &items, &n, &orgs,
	    &norg);
	if (u != OPS_OK) {
		json_object_put(fouten);
		antwoord_uitkomst(r, &c, u);
		return;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	ops_ctx_van(r, NULL, &c);
	u = formatversie_lijst(&c, f.id, &alle, &nalle);
	if (u != OPS_OK) {
		json_object_put(fouten);
		antwoord_uitkomst(r, &c, u);
		return;
	}
	antwoord_uitkomst(r, &c, OPS_OK);
	beheren = format_mag_beheren(&r->who, f.keten_id);
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(arena_printf(
	    r->arena, "%s, versie %lld", f.naam, (long long)v.nummer)));
	json_object_object_add(ctx, "format", format_obj(&f));
	vo = versie_obj(r, &v);
	json_object_object_add(ctx, "versie", vo);
	json_object_object_add(ctx, "href", json_object_new_string(versie_href(r,
	    f.id, v.nummer)));

	{
		const char *t = NULL;

		for (i = 0; i < norg; i++)
			t = t == NULL ? orgs[i].naam : arena_printf(r->arena,
			    "%s, %s", t, orgs[i].naam);
		json_object_object_add(ctx, "organisaties", tekst_of_null(t));
	}
	json_object_object_add(ctx, "secties", secties_obj(r, items, n, &opties,
	    &nopties));
	json_object_object_add(ctx, "heeft_items", json_object_new_boolean(
	    nopties > 0));

	/* The other versions to compare with. */
	arr = json_object_new_array();
	for (i = 0; i < nalle; i++) {
		if (alle[i].nummer == v.nummer)
			continue;
		a = json_object_new_object();
		json_object_object_add(a, "nummer", json_object_new_int64(
		    alle[i].nummer));
		json_object_object_add(a, "href", json_object_new_string(
		    arena_printf(r->arena, "%s/verschil?met=%lld", versie_href(r,
		    f.id, v.nummer), (long long)alle[i].nummer)));
		json_object_array_add(arr, a);
	}
	json_object_object_add(ctx, "heeft_vergelijk", json_object_new_boolean(
	    json_object_array_length(arr) > 0));
	json_object_object_add(ctx, "vergelijk", arr);

	/* A concept's content is changed on its own form. */
	if (beheren && strcmp(v.status, "concept") == 0)
		json_object_object_add(ctx, "wijzig_href", json_object_new_string(
		    arena_printf(r->arena, "%s/wijzigen", versie_href(r, f.id,
		    v.nummer))));
	/* The steps the caller may take: only those the operation allows. */
	gepost = form == VF_PUBLICEREN;
	nst = beheren ? workflow_acties(&formatversie_workflow, v.status,
	    r->who.roles, stap, sizeof(stap) / sizeof(stap[0])) : 0;
	arr = json_object_new_array();
	for (i = 0; i < nst; i++) {
		a = json_object_new_object();
		json_object_object_add(a, "actie", json_object_new_string(
		    stap[i]->actie));
		json_object_object_add(a, "label", json_object_new_string(
		    formveld_optie_label(actie_labels, stap[i]->actie)));
		json_object_object_add(a, "href", json_object_new_string(
		    arena_printf(r->arena, "%s/%s", versie_href(r, f.id, v.nummer),
		    stap[i]->actie)));
		if (strcmp(stap[i]->actie, "publiceren") == 0) {
			json_object_object_add(a, "is_publiceren",
			    json_object_new_boolean(1));
			json_object_object_add(a, "reden", formveld_invoer(r, "reden",
			    "Reden van publicatie", 0, "Verplicht zodra de eerste "
			    "periode van deze versie begonnen is: een wijziging "
			    "midden in een periode is altijd zichtbaar en gedateerd.",
			    gepost ? fouten : NULL, "text", gepost ? kv_get(&r->form,
			    "reden") : NULL, 2000));
		}
		json_object_array_add(arr, a);
	}
	json_object_object_add(ctx, "heeft_acties", json_object_new_boolean(nst > 0));
	json_object_object_add(ctx, "acties", arr);

	/* The comment form: a teamleider, while in consultatie (whether
	 * their organisatie was consulted, the operation says). */
	if (principal_has(&r->who, ROL_TEAMLEIDER) && v.status != NULL &&
	    strcmp(v.status, "consultatie") == 0 && nopties > 0) {
		struct json_object *rv = json_object_new_array();
		struct json_object *ff = form == VF_REACTIE ? fouten : NULL;
		int p = form == VF_REACTIE;

		json_object_array_add(rv, formveld_keuze(r, "item_id", "Onderdeel",
		    1, NULL, ff, p ? kv_get(&r->form, "item_id") : NULL, opties,
		    nopties, NULL, 0));
		json_object_array_add(rv, formveld_keuze(r, "oordeel", "Oordeel", 1,
		    "Is dit onderdeel nodig voor de sturing, niet nodig, of "
		    "onduidelijk?", ff, p ? kv_get(&r->form, "oordeel") : NULL,
		    NULL, 0, oordelen, 1));
		json_object_array_add(rv, formveld_invoer(r, "opmerking",
		    "Opmerking", 1, NULL, ff, "text", p ? kv_get(&r->form,
		    "opmerking") : NULL, 4000));
		json_object_object_add(ctx, "reactie_velden", rv);
		json_object_object_add(ctx, "mag_reageren", json_object_new_boolean(1));
		json_object_object_add(ctx, "reactie_actie", json_object_new_string(
		    arena_printf(r->arena, "%s/reacties", versie_href(r, f.id,
		    v.nummer))));
	}
	if (reacties_obj(r, ctx, beheren, form, form == VF_ANTWOORD ?
	    fout_van(fouten, "antwoord") : NULL) != 0) {
		json_object_put(fouten);
		json_object_put(ctx);
		return;
	}
	json_object_object_add(ctx, "dekking_href", json_object_new_string(
	    arena_printf(r->arena, "%s/dekking", versie_href(r, f.id,
	    v.nummer))));
	if (melding != NULL)
		json_object_object_add(ctx, "melding", json_object_new_string(
		    melding));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "formatversie", ctx);
}

/* GET V. */
static void
pagina_versie(struct req *r)
{
	versie_pagina(r, 200, VF_GEEN, NULL, NULL);
}

/*
 * After a write of form (u: its outcome): OPS_OK commits and answers 303
 * to the version page (anker: a fragment, or ""); field errors and a
 * stale answer show the page again with what was typed; anything else is
 * a problem page (403, 404, 409 with the operation's message).
 */
static void
na_schrijven(struct req *r, struct ops_ctx *c, enum ops_uitkomst u,
    enum versie_form form, const char *anker)
{
	struct json_object *f;

	if (u == OPS_OK) {
		antwoord_uitkomst(r, c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "%s%s",
			    versie_href(r, p_id(r), p_nummer(r)), anker));
		return;
	}
	if (u == OPS_VELDEN) {
		f = c->fouten;
		c->fouten = NULL;
		versie_pagina(r, 422, form, f, NULL);
		return;
	}
	if (u == OPS_VEROUDERD && form == VF_ANTWOORD) {
		json_object_put(c->fouten);
		c->fouten = NULL;
		f = json_object_new_array();
		fout_melding(f, "antwoord", "Iemand anders heeft deze reactie "
		    "intussen beantwoord. Hieronder staat wat u invulde; "
		    "controleer het en sla opnieuw op.");
		versie_pagina(r, 409, form, f, NULL);
		return;
	}
	antwoord_uitkomst(r, c, u);
}

/* POST V/consulteren: to every wijkteamorganisatie (the API may name
 * fewer). */
static void
pagina_consulteren(struct req *r)
{
	struct consultatie_invoer in;
	struct ops_ctx c;

	memset(&in, 0, sizeof(in));
	ops_ctx_van(r, NULL, &c);
	na_schrijven(r, &c, formatversie_consulteren(&c, p_id(r), p_nummer(r),
	    &in), VF_GEEN, "");
}

static void
pagina_terugnemen(struct req *r)
{
	struct ops_ctx c;

	ops_ctx_van(r, NULL, &c);
	na_schrijven(r, &c, formatversie_terugnemen(&c, p_id(r), p_nummer(r)),
	    VF_GEEN, "");
}

static void
pagina_publiceren(struct req *r)
{
	struct ops_ctx c;
	char d[11];
	long vandaag = 0;

	if (datum_lees_str(datum_vandaag(d), 1900, 2999, &vandaag) != 0) {
		fail_db(r, DB_ERR, "vandaag");
		return;
	}
	ops_ctx_van(r, NULL, &c);
	na_schrijven(r, &c, formatversie_publiceren(&c, p_id(r), p_nummer(r),
	    invoer_form(r, "reden"), vandaag), VF_PUBLICEREN, "");
}

/* POST V/reacties: a teamleider's comment on an item. */
static void
pagina_reactie(struct req *r)
{
	struct reactie_invoer in;
	struct ops_ctx c;
	int64_t rid = 0;

	memset(&in, 0, sizeof(in));
	in.item_id = invoer_form(r, "item_id");
	in.oordeel = invoer_form(r, "oordeel");
	in.opmerking = invoer_form(r, "opmerking");
	ops_ctx_van(r, NULL, &c);
	na_schrijven(r, &c, format_reactie_maak(&c, p_id(r), p_nummer(r), &in,
	    &rid), VF_REACTIE, "#reacties");
}

/* POST V/reacties/{rid}: the answer, at the version of the hidden field
 * (missing or stale: 409 with the answer as typed). */
static void
pagina_antwoord(struct req *r)
{
	const char *vs = kv_get(&r->form, "versie");
	struct ops_ctx c;
	int64_t versie = 0;

	if (vs == NULL || getal_lees_str(vs, 1, INT32_MAX, &versie) != 0)
		versie = 0;
	ops_ctx_van(r, NULL, &c);
	na_schrijven(r, &c, format_reactie_beantwoord(&c, p_id(r), p_nummer(r),
	    route_param_int(&r->match, "rid"), versie, invoer_form(r,
	    "antwoord")), VF_ANTWOORD, "#reacties");
}

/* ------------------------------------------------- difference, coverage */

static const char *
fv_label(const struct fv_item *i)
{
	switch (i->soort) {
	case FV_INDICATOR:
		return "Indicator";
	case FV_EIS:
		return "Eis";
	case FV_VRAAG:
		return "Open vraag";
	}
	return "";
}

/* One item of a difference as the page shows it: soort, code, tekst. */
static struct json_object *
fv_obj(struct req *r, const struct fv_item *i)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "soort", json_object_new_string(fv_label(i)));
	json_object_object_add(o, "sectie", tekst_of_leeg(i->sectie));
	switch (i->soort) {
	case FV_INDICATOR:
		json_object_object_add(o, "code", tekst_of_leeg(i->code));
		json_object_object_add(o, "tekst", tekst_of_leeg(i->naam));
		json_object_object_add(o, "href", json_object_new_string(
		    arena_printf(r->arena, "/indicatoren/%lld",
		    (long long)i->indicator_id)));
		break;
	case FV_EIS:
		json_object_object_add(o, "code", tekst_of_leeg(i->eis_code));
		json_object_object_add(o, "tekst", tekst_of_leeg(
		    i->eis_omschrijving));
		break;
	case FV_VRAAG:
		json_object_object_add(o, "code", tekst_of_leeg(""));
		json_object_object_add(o, "tekst", tekst_of_leeg(i->vraag));
		break;
	}
	return o;
}

static struct json_object *
fv_lijst(struct req *r, const struct fv_item *const *l, size_t n)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(a, fv_obj(r, l[i]));
	return a;
}

/* The Dutch names of the changed fields. */
static const char *
veld_label(const char *v)
{
	static const struct veld_optie l[] = {
		{ "naam", "naam" }, { "definitie", "definitie" },
		{ "doel", "doel" }, { "eenheid", "eenheid" }, { "bron", "bron" },
		{ "aanleverende_partij", "aanleverende partij" },
		{ "regel", "rekenregel" }, { "sectie", "sectie" },
		{ NULL, NULL },
	};

	return formveld_optie_label(l, v);
}

/* The title and the links shared by the two analysis pages. */
static struct json_object *
analyse_ctx(struct req *r, const struct format_rij *f, int64_t nummer,
    const char *titel)
{
	struct json_object *ctx = json_object_new_object();

	json_object_object_add(ctx, "titel", json_object_new_string(titel));
	json_object_object_add(ctx, "format", format_obj(f));
	json_object_object_add(ctx, "nummer", json_object_new_int64(nummer));
	json_object_object_add(ctx, "versie_href", json_object_new_string(
	    versie_href(r, f->id, nummer)));
	return ctx;
}

/* GET V/verschil?met=N: a caller who may read no versions is refused
 * first (403), then met must be a nummer (400). */
static void
pagina_verschil(struct req *r)
{
	const char *m = kv_get(&r->query, "met");
	struct formatversie_rij van, naar;
	struct fv_verschil d;
	struct format_rij f;
	struct json_object *ctx, *a, *w, *v;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *velden;
	int64_t met = 0;
	size_t i, k;

	if (!format_mag_lezen(&r->who)) {
		resp_problem(r, 403, NULL, NULL);
		return;
	}
	if (m == NULL || getal_lees_str(m, 1, NUMMER_MAX, &met) != 0) {
		resp_problem(r, 400, "Kies de versie om mee te vergelijken.", NULL);
		return;
	}
	if (format_huidig(r, &f) != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = format_verschil_lees(&c, f.id, p_nummer(r), met, &van, &naar, &d);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	ctx = analyse_ctx(r, &f, p_nummer(r), arena_printf(r->arena,
	    "%s: versie %lld vergeleken met versie %lld", f.naam,
	    (long long)van.nummer, (long long)naar.nummer));
	json_object_object_add(ctx, "van", json_object_new_int64(van.nummer));
	json_object_object_add(ctx, "naar", json_object_new_int64(naar.nummer));
	json_object_object_add(ctx, "van_href", json_object_new_string(
	    versie_href(r, f.id, van.nummer)));
	json_object_object_add(ctx, "naar_href", json_object_new_string(
	    versie_href(r, f.id, naar.nummer)));
	json_object_object_add(ctx, "toegevoegd", fv_lijst(r, d.toegevoegd,
	    d.ntoegevoegd));
	json_object_object_add(ctx, "ntoegevoegd", json_object_new_int(
	    (int)d.ntoegevoegd));
	json_object_object_add(ctx, "verwijderd", fv_lijst(r, d.verwijderd,
	    d.nverwijderd));
	json_object_object_add(ctx, "nverwijderd", json_object_new_int(
	    (int)d.nverwijderd));
	a = json_object_new_array();
	for (i = 0; i < d.ngewijzigd; i++) {
		velden = NULL;
		for (k = 0; k < FV_VELDEN; k++)
			if (d.gewijzigd[i].velden & (1u << k))
				velden = velden == NULL ? veld_label(fv_veld_naam(k)) :
				    arena_printf(r->arena, "%s, %s", velden,
				    veld_label(fv_veld_naam(k)));
		w = fv_obj(r, d.gewijzigd[i].naar);
		json_object_object_add(w, "velden", tekst_of_leeg(velden != NULL ?
		    velden : "een andere versie van de indicator"));
		v = fv_obj(r, d.gewijzigd[i].van);
		json_object_object_add(w, "van", v);
		json_object_array_add(a, w);
	}
	json_object_object_add(ctx, "gewijzigd", a);
	json_object_object_add(ctx, "ngewijzigd", json_object_new_int(
	    (int)d.ngewijzigd));
	a = json_object_new_array();
	for (i = 0; i < d.nlijn; i++) {
		w = json_object_new_object();
		json_object_object_add(w, "code", tekst_of_leeg(d.lijn[i]->code));
		json_object_object_add(w, "naam", tekst_of_leeg(d.lijn[i]->naam));
		json_object_object_add(w, "lijn", tekst_of_leeg(d.lijn[i]->lijn !=
		    NULL ? format_lijn_label(d.lijn[i]->lijn) : "Niet gezegd"));
		json_object_object_add(w, "vorige_code", tekst_of_null(
		    d.lijn[i]->vorige_code));
		json_object_array_add(a, w);
	}
	json_object_object_add(ctx, "lijn", a);
	json_object_object_add(ctx, "nlijn", json_object_new_int((int)d.nlijn));
	json_object_object_add(ctx, "gelijk", json_object_new_boolean(
	    d.ntoegevoegd + d.nverwijderd + d.ngewijzigd == 0));
	resp_page(r, 200, "format_verschil", ctx);
}

static struct json_object *
fd_lijst(struct req *r, const struct fd_indicator *const *l, size_t n)
{
	struct json_object *a = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "code", tekst_of_leeg(l[i]->code));
		json_object_object_add(o, "naam", tekst_of_leeg(l[i]->naam));
		json_object_object_add(o, "href", json_object_new_string(
		    arena_printf(r->arena, "/indicatoren/%lld",
		    (long long)l[i]->id)));
		json_object_array_add(a, o);
	}
	return a;
}

/* GET V/dekking. */
static void
pagina_dekking(struct req *r)
{
	struct fa_ntl *ntl = NULL;
	size_t nntl = 0;
	struct format_dekking d;
	struct formatversie_rij v;
	struct format_rij f;
	struct json_object *ctx, *a, *e, *l;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i;

	if (!format_mag_lezen(&r->who)) {
		resp_problem(r, 403, NULL, NULL);
		return;
	}
	if (format_huidig(r, &f) != 0)
		return;
	ops_ctx_van(r, NULL, &c);
	u = format_dekking_lees(&c, f.id, p_nummer(r), &v, &d);
	if (u == OPS_OK)
		u = format_niet_te_leveren_lees(&c, f.id, p_nummer(r), &ntl,
		    &nntl);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	ctx = analyse_ctx(r, &f, v.nummer, arena_printf(r->arena,
	    "%s, versie %lld: dekking en registratielast", f.naam,
	    (long long)v.nummer));
	json_object_object_add(ctx, "eerste_periode", tekst_of_leeg(
	    pagina_periode(r, v.eerste_periode)));
	a = json_object_new_array();
	for (i = 0; i < d.neisen_zonder_indicator; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "code", tekst_of_leeg(
		    d.eisen_zonder_indicator[i]->code));
		json_object_object_add(e, "omschrijving", tekst_of_leeg(
		    d.eisen_zonder_indicator[i]->omschrijving));
		json_object_object_add(e, "opdracht", tekst_of_leeg(
		    d.eisen_zonder_indicator[i]->opdracht));
		json_object_object_add(e, "bron", tekst_of_leeg(
		    d.eisen_zonder_indicator[i]->bron != NULL &&
		    strcmp(d.eisen_zonder_indicator[i]->bron, "pve") == 0 ?
		    "Programma van Eisen" : "Uitvoeringsovereenkomst"));
		json_object_array_add(a, e);
	}
	json_object_object_add(ctx, "eisen", a);
	json_object_object_add(ctx, "neisen", json_object_new_int(
	    (int)d.neisen_zonder_indicator));
	json_object_object_add(ctx, "zonder_doel", fd_lijst(r, d.zonder_doel,
	    d.nzonder_doel));
	json_object_object_add(ctx, "nzonder_doel", json_object_new_int(
	    (int)d.nzonder_doel));
	json_object_object_add(ctx, "zonder_eis", fd_lijst(r, d.zonder_eis,
	    d.nzonder_eis));
	json_object_object_add(ctx, "nzonder_eis", json_object_new_int(
	    (int)d.nzonder_eis));
	json_object_object_add(ctx, "zonder_streefwaarde", fd_lijst(r,
	    d.zonder_streefwaarde, d.nzonder_streefwaarde));
	json_object_object_add(ctx, "nzonder_streefwaarde", json_object_new_int(
	    (int)d.nzonder_streefwaarde));
	l = json_object_new_object();
	json_object_object_add(l, "berekend", json_object_new_int64(
	    (int64_t)d.last.berekend));
	json_object_object_add(l, "handmatig", json_object_new_int64(
	    (int64_t)d.last.handmatig));
	json_object_object_add(l, "ketenpartner", json_object_new_int64(
	    (int64_t)d.last.ketenpartner));
	json_object_object_add(l, "eisen", json_object_new_int64(
	    (int64_t)d.last.eisen));
	json_object_object_add(l, "vragen", json_object_new_int64(
	    (int64_t)d.last.vragen));
	json_object_object_add(l, "per_wijk", json_object_new_int64(
	    d.last.handmatig_per_wijk));
	json_object_object_add(ctx, "last", l);
	json_object_object_add(ctx, "niet_te_leveren", niet_te_leveren_json(ntl,
	    nntl));
	json_object_object_add(ctx, "nniet_te_leveren", json_object_new_int(
	    (int)nntl));
	resp_page(r, 200, "format_dekking", ctx);
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
#define V	"/formats/{id:int}/versies/{nummer:int}"
static const struct route routes[] = {
	{ "GET", "/formats", pagina_lijst, ACCESS_STURING, H, NULL },
	{ "GET", "/formats/nieuw", pagina_nieuw, ACCESS_CATALOGUS, H, NULL },
	{ "POST", "/formats/nieuw", pagina_maak, ACCESS_CATALOGUS, HF, NULL },
	{ "GET", "/formats/{id:int}", pagina_format, ACCESS_STURING, H, NULL },
	{ "GET", V, pagina_versie, ACCESS_STURING, H, NULL },
	{ "POST", V "/consulteren", pagina_consulteren, ACCESS_CATALOGUS, HF,
	  NULL },
	{ "POST", V "/terugnemen", pagina_terugnemen, ACCESS_CATALOGUS, HF,
	  NULL },
	{ "POST", V "/publiceren", pagina_publiceren, ACCESS_CATALOGUS, HF,
	  NULL },
	{ "POST", V "/reacties", pagina_reactie, ACCESS_TEAMLEIDER, HF, NULL },
	{ "POST", V "/reacties/{rid:int}", pagina_antwoord, ACCESS_CATALOGUS,
	  HF, NULL },
	{ "GET", V "/verschil", pagina_verschil, ACCESS_STURING, H, NULL },
	{ "GET", V "/dekking", pagina_dekking, ACCESS_STURING, H, NULL },
};
ROUTE_TABLE(routes_formats_pagina, routes);
