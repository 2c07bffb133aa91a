/*
 * rapportages_pagina.c — rapportages (issue 12) as pages: the caller's
 * rapportages with filters, the form that opens a new one, and ONE page
 * per rapportage with everything on it — its head, per section a table of
 * its values per wijk (computed, typed, overridden, niet te leveren,
 * ketenpartner values or what is missing, streefwaarde and status, the
 * previous period, the toelichting it needs), a form per value and per
 * eis while the caller may draft, the steps of the workflow the caller may
 * take, the vragen, the revision markers and the historie.
 *
 * Pages (all may also answer 303 to the log-in page, 403 for a
 * ketenpartner, 500/503; R is /rapportages/{id}):
 *   GET  /rapportages              the list (?periode=, status=); 400 for a
 *                                  bad cursor
 *   GET  /rapportages/nieuw        the form (?periode= narrows the versions)
 *   POST /rapportages/nieuw        303 to R; 403; 409 and 422 the form again
 *                                  with what was typed
 *   GET  R                         the rapportage; 404
 *   POST R/waarden/{w}             303 to R#waarde-{w}; 422 R with the
 *                                  errors and what was typed; 409/412 R with
 *                                  a message
 *   POST R/eisen/{e}               as a value, for an answer to an eis or
 *                                  an open question
 *   POST R/indienen, R/terugsturen, R/vaststellen, R/heropenen
 *                                  303 to R; 422 R with an error summary
 *                                  linking to the fields; 409/412 R with a
 *                                  message; 403; 404
 *   POST R/vragen                  a regisseur's vraag: 303 to R#vragen
 *   POST R/vragen/{v}/antwoord     the teamleider's answer: 303 to R#vragen
 *
 * Who may do what is the operation's (ops/rapportage.h), as for the JSON
 * API (handlers/rapportages.c); buttons come from workflow_acties via
 * rapportage_json's "acties" and forms from its "bewerken". No SQL here;
 * the only store reads are the formats and their versions for the form.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/indicator.h"
#include "domain/format.h"
#include "domain/periode.h"
#include "domain/rapportage.h"
#include "domain/rol.h"
#include "domain/streefwaarde.h"
#include "domain/streefwaarde_uitleg.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/rapportage_json.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/rapportage.h"
#include "store/format.h"
#include "store/structuur.h"

/* Rows of one page of the list. */
#define RAP_PAGINA	50

static const char *const maanden[] = { "januari", "februari", "maart",
	"april", "mei", "juni", "juli", "augustus", "september", "oktober",
	"november", "december" };

static int
drempel(const struct req *r)
{
	return r->cfg != NULL ? r->cfg->kleine_aantallen : 5;
}

static int64_t
rap_id(struct req *r)
{
	return route_param_int(&r->match, "id");
}

static void
zet(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

static void
zet_s(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, tekst_of_leeg(v));
}

static const char *
json_s(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) || v == NULL)
		return NULL;
	return json_object_get_string(v);
}

static int64_t
json_i(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) || v == NULL)
		return 0;
	return json_object_get_int64(v);
}

/* "2026-12-03..." as "3 december 2026"; the text itself when it is no
 * date; NULL for NULL. In the arena. */
static const char *
nl_datum(struct req *r, const char *s)
{
	long dag;
	int y, m, d;

	if (s == NULL)
		return NULL;
	if (strlen(s) < 10 || datum_lees(s, 10, 1900, 9999, &dag) != 0)
		return s;
	datum_van_dag(dag, &y, &m, &d);
	return arena_printf(r->arena, "%d %s %d", d, maanden[m - 1], y);
}

/* A number in units of 1/schaal as people here write it: "12,5". */
static const char *
getal_nl(struct req *r, int64_t v, int64_t schaal)
{
	char b[48], *p;

	streefwaarde_getal_tekst(v, (int)schaal, b);
	if ((p = strchr(b, '.')) != NULL)
		*p = ',';
	return arena_strdup(r->arena, b);
}

/* A JSON number (as the model holds it) with a decimal comma; NULL for
 * none. */
static const char *
json_getal_nl(struct req *r, struct json_object *o, const char *k)
{
	const char *s = json_s(o, k);
	char *t, *p;

	if (s == NULL)
		return NULL;
	t = arena_strdup(r->arena, s);
	if (t != NULL && (p = strchr(t, '.')) != NULL)
		*p = ',';
	return t;
}

/* A stored decimal ("12.5") with a decimal comma; NULL for none. */
static const char *
dec_nl(struct req *r, const char *s)
{
	int64_t v;

	if (s == NULL || streefwaarde_getal_lees(s, &v) != 0)
		return s;
	return getal_nl(r, v, STREEFWAARDE_SCHAAL);
}

static const char *
partij_label(const char *p)
{
	const char *l = veld_optie_label(indicator_partijen, p);

	return l != NULL ? l : "de ketenpartner";
}

static const char *
status_label(const char *code)
{
	const char *l = rapportage_status_label(code);

	return l != NULL ? l : "Onbekend";
}

/* ---------------------------------------------------------------- list */

static struct json_object *
kop_item(struct req *r, const struct rapportage_rij *k)
{
	struct json_object *o = rapportage_kop_json(r, k);

	zet_s(o, "href", arena_printf(r->arena, "/rapportages/%lld",
	    (long long)k->id));
	zet_s(o, "status_label", status_label(k->status));
	zet_s(o, "periode_label", pagina_periode(r, k->periode));
	zet_s(o, "deadline_tekst", nl_datum(r, json_s(o,
	    "uiterste_indiendatum")));
	zet_s(o, "ingediend_tekst", nl_datum(r, k->ingediend_op));
	return o;
}

static const struct veld_optie status_opties[] = {
	{ "concept", "Concept" },
	{ "ingediend", "Ingediend" },
	{ "vastgesteld", "Vastgesteld" },
	{ NULL, NULL },
};

/* GET /rapportages */
static void
pagina_lijst(struct req *r)
{
	struct rapportage_filter f;
	struct rapportage_rij *rij;
	struct json_object *ctx, *arr, *opt;
	struct ops_ctx c;
	struct periode p;
	enum ops_uitkomst u;
	const char *cs = kv_get(&r->query, "cursor"), *ps, *ss;
	char code[PERIODE_CODE_MAX];
	int64_t na = 0;
	size_t i, n;

	if (cs != NULL && *cs != '\0' && getal_lees_str(cs, 1, WZ_MAX_ID,
	    &na) != 0) {
		resp_problem(r, 400, "Dit vervolgadres is ongeldig.", NULL);
		return;
	}
	ctx = json_object_new_object();
	memset(&f, 0, sizeof(f));
	ps = kv_get(&r->query, "periode");
	if (ps != NULL && *ps != '\0') {
		if (periode_lees_str(ps, &p) != 0)
			zet_s(ctx, "filterfout", "Dit is geen periode; kies "
			    "bijvoorbeeld 2025-H1. Alle periodes worden getoond.");
		else
			f.periode = arena_strdup(r->arena, periode_code(&p, code));
	}
	ss = kv_get(&r->query, "status");
	if (ss != NULL && rapportage_status_label(ss) != NULL)
		f.status = ss;
	ops_ctx_van(r, NULL, &c);
	if ((u = rapportage_lijst(&c, &f, na, RAP_PAGINA + 1, &rij, &n)) !=
	    OPS_OK) {
		json_object_put(ctx);
		antwoord_uitkomst(r, &c, u);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	arr = json_object_new_array();
	for (i = 0; i < n && i < RAP_PAGINA; i++)
		json_object_array_add(arr, kop_item(r, &rij[i]));
	zet(ctx, "items", arr);
	zet(ctx, "aantal", json_object_new_int((int)(n < RAP_PAGINA ? n :
	    RAP_PAGINA)));
	zet_s(ctx, "periode", f.periode != NULL ? f.periode : ps);
	opt = json_object_new_array();
	formveld_optie(opt, "", "Alle", f.status == NULL);
	for (i = 0; status_opties[i].code != NULL; i++)
		formveld_optie(opt, status_opties[i].code, status_opties[i].label,
		    f.status != NULL && strcmp(f.status,
		    status_opties[i].code) == 0);
	zet(ctx, "statussen", opt);
	if (n > RAP_PAGINA)
		zet_s(ctx, "volgende_href", arena_printf(r->arena,
		    "/rapportages?periode=%s&status=%s&cursor=%lld",
		    f.periode != NULL ? f.periode : "", f.status != NULL ?
		    f.status : "", (long long)rij[RAP_PAGINA - 1].id));
	zet(ctx, "mag_maken", json_object_new_boolean(principal_has(&r->who,
	    (enum rol)(ROL_MEDEWERKER | ROL_TEAMLEIDER))));
	resp_page(r, 200, "rapportages", ctx);
}

/* ----------------------------------------------------------------- new */

/* Whether version v of a format (all its published versions in vs) is
 * the one that applies to periode p: it starts on or before p, and no
 * newer published one does. */
static int
versie_geldt(const struct formatversie_rij *vs, size_t n, size_t k,
    const struct periode *p)
{
	struct periode e;
	size_t j;

	if (periode_lees_str(vs[k].eerste_periode, &e) != 0 ||
	    periode_eerste_dag(&e) > periode_eerste_dag(p))
		return 0;
	for (j = 0; j < n; j++) {
		struct periode e2;

		if (j == k || vs[j].nummer <= vs[k].nummer ||
		    strcmp(vs[j].status, "gepubliceerd") != 0 ||
		    periode_lees_str(vs[j].eerste_periode, &e2) != 0)
			continue;
		if (periode_eerste_dag(&e2) <= periode_eerste_dag(p))
			return 0;
	}
	return 1;
}

/*
 * The form: the published versions of every format (those that apply to
 * the periode typed or asked for, when there is one: a version replaced
 * by a newer one is left out), the periode and, for whoever drafts for
 * more than one organisatie, the organisatie. Returns the context (fouten
 * taken) or NULL after answering.
 */
static struct json_object *
nieuw_formulier(struct req *r, struct json_object *fouten, const char *melding)
{
	struct format_rij *fm = NULL;
	struct structuur_optie *org = NULL, *vk, *ok;
	struct json_object *ctx, *v;
	struct periode p;
	enum db_err rc;
	size_t nf = 0, norg = 0, i, j, k, nvk = 0, nok = 0;
	int gepost = r->form.n > 0, heeft_p;
	const char *per = gepost ? kv_get(&r->form, "periode") :
	    kv_get(&r->query, "periode");

	heeft_p = per != NULL && periode_lees_str(per, &p) == 0;
	if ((rc = store_format_lijst(r->db, r->arena, 0, 0, WZ_LIST_MAX, &fm,
	    &nf)) != DB_OK || (rc = store_structuur_opties(r->db, r->arena,
	    REF_WIJKTEAMORGANISATIE, &org, &norg)) != DB_OK) {
		json_object_put(fouten);
		fail_db(r, rc, "rapportages");
		return NULL;
	}
	vk = arena_calloc(r->arena, 256, sizeof(*vk));
	ok = arena_calloc(r->arena, norg + 1, sizeof(*ok));
	if (vk == NULL || ok == NULL) {
		json_object_put(fouten);
		fail_db(r, DB_NOMEM, "rapportages");
		return NULL;
	}
	for (i = 0; i < nf && nvk < 256; i++) {
		struct formatversie_rij *vs = NULL;
		size_t nv = 0;

		if ((rc = store_formatversie_lijst(r->db, r->arena, fm[i].id, 0,
		    &vs, &nv)) != DB_OK) {
			json_object_put(fouten);
			fail_db(r, rc, "rapportages");
			return NULL;
		}
		for (k = 0; k < nv && nvk < 256; k++) {
			if (strcmp(vs[k].status, "gepubliceerd") != 0)
				continue;
			if (heeft_p && !versie_geldt(vs, nv, k, &p))
				continue;
			vk[nvk].id = vs[k].id;
			vk[nvk].naam = arena_printf(r->arena, "%s (%s) — versie "
			    "%lld, vanaf %s", fm[i].naam, fm[i].keten,
			    (long long)vs[k].nummer, pagina_periode(r,
			    vs[k].eerste_periode));
			nvk++;
		}
	}
	/* The organisaties the caller drafts for: organisatie grants as
	 * medewerker or teamleider. */
	for (i = 0; i < norg; i++)
		for (j = 0; j < r->who.ngrants; j++) {
			const struct grant *g = &r->who.grants[j];

			if ((g->rol == ROL_MEDEWERKER || g->rol == ROL_TEAMLEIDER) &&
			    g->scope == SCOPE_ORGANISATIE && g->scope_id ==
			    org[i].id) {
				ok[nok++] = org[i];
				break;
			}
		}
	v = json_object_new_array();
	json_object_array_add(v, formveld_keuze(r, "formatversie_id",
	    "Format en versie", 1, heeft_p ? "Alleen de gepubliceerde versies "
	    "die voor deze periode gelden." : "Alleen gepubliceerde versies; "
	    "per periode geldt de nieuwste die dan al begonnen is.", fouten,
	    gepost ? kv_get(&r->form, "formatversie_id") :
	    kv_get(&r->query, "formatversie_id"), vk, nvk, NULL, 0));
	json_object_array_add(v, formveld_invoer(r, "periode", "Periode", 1,
	    "Een halfjaar, bijvoorbeeld 2025-H1.", fouten, "text", per, 7));
	ctx = json_object_new_object();
	json_object_array_add(v, formveld_keuze(r, "organisatie_id",
	    "Organisatie", 1, nok == 1 ? "De organisatie waarvoor u "
	    "rapporteert." : "Kies de organisatie waarvoor u rapporteert.",
	    fouten, gepost ? kv_get(&r->form, "organisatie_id") : (nok == 1 ?
	    arena_printf(r->arena, "%lld", (long long)ok[0].id) : NULL), ok,
	    nok, NULL, 0));
	zet(ctx, "velden", v);
	zet(ctx, "geen_versies", json_object_new_boolean(nvk == 0));
	if (melding != NULL)
		zet_s(ctx, "melding", melding);
	pagina_fouten(r, ctx, fouten);
	return ctx;
}

static void
pagina_nieuw(struct req *r)
{
	struct json_object *ctx;

	if ((ctx = nieuw_formulier(r, NULL, NULL)) != NULL)
		resp_page(r, 200, "rapportage_nieuw", ctx);
}

static void
pagina_maak(struct req *r)
{
	struct rapportage_invoer in;
	struct json_object *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	memset(&in, 0, sizeof(in));
	in.formatversie_id = invoer_form(r, "formatversie_id");
	in.periode = invoer_form(r, "periode");
	in.organisatie_id = invoer_form(r, "organisatie_id");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_maak(&c, &in, &id);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "/rapportages/%lld",
			    (long long)id));
		return;
	}
	if (u == OPS_VELDEN || u == OPS_CONFLICT) {
		const char *m = u == OPS_CONFLICT ? (c.melding != NULL ?
		    c.melding : "Deze rapportage bestaat al.") : NULL;

		tx_rollback(r);
		ctx = nieuw_formulier(r, u == OPS_VELDEN ? c.fouten : NULL, m);
		if (u != OPS_VELDEN)
			json_object_put(c.fouten);
		c.fouten = NULL;
		if (ctx != NULL)
			resp_page(r, u == OPS_VELDEN ? 422 : 409,
			    "rapportage_nieuw", ctx);
		return;
	}
	antwoord_uitkomst(r, &c, u);
}

/* ------------------------------------------------------- the rapportage */

/* What was posted, so that the page shows it again where it was typed. */
struct gepost {
	const char  *soort;   /* "waarde", "eis", an actie, "vraag",
			       * "antwoord", or NULL */
	int64_t      id;      /* the waarde, eis or vraag */
};

static const char *
herkomst_label(const char *h)
{
	if (h == NULL)
		return "";
	if (strcmp(h, "berekend") == 0)
		return "Berekend";
	if (strcmp(h, "overschreven") == 0)
		return "Overschreven";
	if (strcmp(h, "handmatig") == 0)
		return "Ingevuld";
	if (strcmp(h, "ketenpartner") == 0)
		return "Geleverd door de ketenpartner";
	if (strcmp(h, "niet_te_leveren") == 0)
		return "Niet te leveren";
	return "Ontbreekt";
}

static const char *
actie_knop(const char *a)
{
	if (strcmp(a, "indienen") == 0)
		return "Indienen";
	if (strcmp(a, "terugsturen") == 0)
		return "Terugsturen naar de organisatie";
	if (strcmp(a, "vaststellen") == 0)
		return "Vaststellen";
	if (strcmp(a, "heropenen") == 0)
		return "Heropenen";
	return "Uitvoeren";
}

/*
 * The label of each category of it's uitsplitsing, in the order the
 * figure service lists them (the rule's uitsplitsingen, each in its
 * categories' order): into lab (it->ndeel entries); where the rule
 * cannot be read or does not match, the code stands.
 */
static void
deel_labels(const struct cijfers_item *it, const char **lab)
{
	struct json_object *json, *fouten;
	struct indicator_regel regel;
	const char *const *cat;
	const char *l;
	size_t u, i, ncat, k = 0;

	for (i = 0; i < it->ndeel; i++)
		lab[i] = it->deel[i].code;
	if (it->ind == NULL || it->ind->regel == NULL ||
	    (json = json_tokener_parse(it->ind->regel)) == NULL)
		return;
	fouten = json_object_new_array();
	if (indicator_regel_lees(json, &regel, fouten) == 0)
		for (u = 0; u < regel.nuitsplitsing; u++) {
			cat = indicator_categorieen(&regel.uitsplitsing[u], &ncat);
			for (i = 0; i < ncat && k < it->ndeel; i++, k++)
				if (strcmp(cat[i], it->deel[k].code) == 0 &&
				    (l = indicator_categorie_label(
				    &regel.uitsplitsing[u], cat[i])) != NULL)
					lab[k] = l;
		}
	json_object_put(fouten);
	json_object_put(json);
}

/* The uitsplitsing of a computed value as "Overbrugbaar: 3, …". */
static const char *
uitsplitsing_tekst(struct req *r, const struct cijfers_item *it)
{
	const char *s = NULL, **lab;
	size_t k;

	if (it->ndeel == 0 ||
	    (lab = arena_calloc(r->arena, it->ndeel, sizeof(*lab))) == NULL)
		return NULL;
	deel_labels(it, lab);
	for (k = 0; k < it->ndeel; k++) {
		const char *w = it->deel[k].weg ? "afgeschermd" :
		    arena_printf(r->arena, "%lld", (long long)it->deel[k].waarde);

		s = s == NULL ? arena_printf(r->arena, "%s: %s", lab[k], w) :
		    arena_printf(r->arena, "%s, %s: %s", s, lab[k], w);
	}
	return s;
}

/* Adds the labels of one value to its model o. */
static void
cel_labels(struct req *r, struct json_object *o,
    const struct rapportage_cel *cel, const struct gepost *g)
{
	const struct rapportage_waarde_rij *w = cel->rij;
	const char *h = cel->herkomst, *bron = cel->ind != NULL ?
	    cel->ind->bron : NULL;
	int is_tekst = cel->ind != NULL && strcmp(cel->ind->eenheid,
	    "tekst") == 0;
	int kp = bron != NULL && strcmp(bron, "ketenpartner") == 0;
	int dit = g->soort != NULL && strcmp(g->soort, "waarde") == 0 &&
	    g->id == w->id;
	char zin[STREEFWAARDE_UITLEG_MAX];

	zet_s(o, "anker", arena_printf(r->arena, "waarde-%lld", (long long)w->id));
	zet_s(o, "wijk_label", w->wijk != NULL ? w->wijk : "Totaal");
	zet_s(o, "herkomst_label", kp && strcmp(h, "ketenpartner") == 0 ?
	    arena_printf(r->arena, "Geleverd door %s", partij_label(
	    cel->ind->partij)) : herkomst_label(h));
	if (strcmp(h, "ontbreekt") == 0 && kp)
		zet_s(o, "ontbreekt_tekst", arena_printf(r->arena, "ontbreekt — "
		    "aan te leveren door %s", partij_label(cel->ind->partij)));
	else if (strcmp(h, "ontbreekt") == 0)
		zet_s(o, "ontbreekt_tekst", "ontbreekt — vul deze waarde in");
	if (cel->heeft && cel->weg)
		zet_s(o, "waarde_tekst", "afgeschermd (klein aantal)");
	else if (cel->heeft && cel->tekst != NULL)
		zet_s(o, "waarde_tekst", cel->tekst);
	else if (cel->heeft)
		zet_s(o, "waarde_tekst", getal_nl(r, cel->waarde,
		    STREEFWAARDE_SCHAAL));
	if (strcmp(h, "niet_te_leveren") == 0)
		zet_s(o, "ntl_tekst", cel->kp_reden != NULL ? cel->kp_reden :
		    w->niet_te_leveren_reden);
	if (strcmp(h, "overschreven") == 0 && w->reden != NULL)
		zet_s(o, "overschreven_reden", w->reden);
	if (cel->berekend) {
		const struct cijfers_item *it = &cel->item;

		zet_s(o, "berekend_tekst", !it->heeft ? "niet te berekenen" :
		    it->weg ? "afgeschermd (klein aantal)" : getal_nl(r,
		    it->waarde, it->schaal));
		zet_s(o, "uitsplitsing_tekst", uitsplitsing_tekst(r, it));
	}
	zet_s(o, "vorige_tekst", !cel->vorige_heeft ? "—" : cel->vorige_weg ?
	    "afgeschermd" : getal_nl(r, cel->vorige, STREEFWAARDE_SCHAAL));
	zet_s(o, "streef_tekst", cel->streef.sw != NULL ?
	    arena_strdup(r->arena, streefwaarde_uitleg(&cel->streef, zin,
	    sizeof(zin))) : NULL);
	zet_s(o, "status_label", streefwaarde_status_label(cel->status));
	zet(o, "is_tekst", json_object_new_boolean(is_tekst));
	zet(o, "is_berekend", json_object_new_boolean(bron != NULL &&
	    strcmp(bron, "berekend") == 0));
	zet(o, "is_ketenpartner", json_object_new_boolean(kp));
	zet_s(o, "gewijzigd_tekst", nl_datum(r, w->gewijzigd_op));
	/* The form's fields: what was typed after a refused post. */
#define F(naam, opgeslagen) (dit ? kv_get(&r->form, naam) : (opgeslagen))
	zet_s(o, "f_waarde", F("waarde", dec_nl(r, w->waarde)));
	zet_s(o, "f_tekst", F("tekst", w->tekst));
	zet_s(o, "f_reden", F("reden", w->reden));
	zet_s(o, "f_toelichting", F("toelichting", w->toelichting));
	zet_s(o, "f_ntl_reden", F("niet_te_leveren_reden",
	    w->niet_te_leveren_reden));
	zet(o, "f_ntl", json_object_new_boolean(dit ? kv_get(&r->form,
	    "niet_te_leveren") != NULL : w->niet_te_leveren));
#undef F
}

/* The field an error of the posted form g names, as the id of its field
 * on the page: "waarden/12/toelichting" → "waarde-12-toelichting", and a
 * field of one form ("reden") prefixed with that form's. */
static const char *
fout_anker(struct req *r, const struct gepost *g, const char *veld)
{
	const char *s1 = strchr(veld, '/');

	if (s1 != NULL) {
		const char *s2 = strchr(s1 + 1, '/');
		size_t n = (size_t)(s1 - veld);
		const char *soort = n == 7 && strncmp(veld, "waarden", 7) == 0 ?
		    "waarde" : n == 5 && strncmp(veld, "eisen", 5) == 0 ? "eis" :
		    n == 13 && strncmp(veld, "beoordelingen", 13) == 0 ?
		    "beoordeling" : "veld";

		if (s2 == NULL)
			return arena_printf(r->arena, "%s-%s", soort, s1 + 1);
		return arena_printf(r->arena, "%s-%.*s-%s", soort,
		    (int)(s2 - s1 - 1), s1 + 1, s2 + 1);
	}
	if (g->soort == NULL)
		return veld;
	if (strcmp(g->soort, "waarde") == 0 && strcmp(veld, "tekst") == 0)
		return arena_printf(r->arena, "waarde-%lld-waarde",
		    (long long)g->id);
	if (strcmp(g->soort, "waarde") == 0 || strcmp(g->soort, "eis") == 0 ||
	    strcmp(g->soort, "antwoord") == 0)
		return arena_printf(r->arena, "%s-%lld-%s", g->soort,
		    (long long)g->id, veld);
	if (strcmp(g->soort, "vraag") == 0 && (strcmp(veld, "waarde_id") == 0 ||
	    strcmp(veld, "antwoord_id") == 0))
		return "vraag-onderwerp";
	return arena_printf(r->arena, "%s-%s", g->soort, veld);
}

/* Puts error melding at its field: "waarde-12-toelichting" on value 12 as
 * fout_toelichting, "beoordeling-5-beoordeling" on eis 5 as
 * fout_beoordeling, anything else on the page as fout_<anker>. */
static void
fout_plaats(struct req *r, struct json_object *ctx, const char *anker,
    const char *melding)
{
	static const struct { const char *pre, *lijst, *sleutel; } soorten[] = {
		{ "waarde-", "waarden", "fout_" },
		{ "eis-", "eisen", "fout_" },
		{ "beoordeling-", "eisen", "fout_beoordeling_" },
		{ "antwoord-", "vragen", "fout_" },
	};
	struct json_object *a, *e;
	size_t i, k;
	char *t, *p;

	for (i = 0; i < sizeof(soorten) / sizeof(soorten[0]); i++) {
		size_t n = strlen(soorten[i].pre);
		char *end;
		long long id;

		if (strncmp(anker, soorten[i].pre, n) != 0)
			continue;
		id = strtoll(anker + n, &end, 10);
		if (end == anker + n || *end != '-' ||
		    !json_object_object_get_ex(ctx, soorten[i].lijst, &a))
			break;
		for (k = 0; k < json_object_array_length(a); k++) {
			e = json_object_array_get_idx(a, k);
			if (json_i(e, "id") == id) {
				zet_s(e, arena_printf(r->arena, "%s%s",
				    soorten[i].sleutel, end + 1), melding);
				return;
			}
		}
		break;
	}
	/* A field of a step's form: "terugsturen-reden" on that step. */
	if (json_object_object_get_ex(ctx, "stappen", &a))
		for (k = 0; k < json_object_array_length(a); k++) {
			const char *ac;
			size_t n;

			e = json_object_array_get_idx(a, k);
			if ((ac = json_s(e, "actie")) == NULL)
				continue;
			n = strlen(ac);
			if (strncmp(anker, ac, n) == 0 && anker[n] == '-') {
				zet_s(e, arena_printf(r->arena, "fout_%s",
				    anker + n + 1), melding);
				return;
			}
		}
	if ((t = arena_strdup(r->arena, anker)) == NULL)
		return;
	for (p = t; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	zet_s(ctx, arena_printf(r->arena, "fout_%s", t), melding);
}

/* The field errors as a summary linking to the fields, and each at its
 * field. Takes fouten. */
static void
fouten_zet(struct req *r, struct json_object *ctx, const struct gepost *g,
    struct json_object *fouten)
{
	struct json_object *lijst, *e, *f;
	size_t i;

	if (fouten == NULL || json_object_array_length(fouten) == 0) {
		json_object_put(fouten);
		return;
	}
	lijst = json_object_new_array();
	for (i = 0; i < json_object_array_length(fouten); i++) {
		const char *veld, *m, *anker;

		e = json_object_array_get_idx(fouten, i);
		veld = json_s(e, "veld");
		m = json_s(e, "melding");
		if (veld == NULL || m == NULL)
			continue;
		anker = fout_anker(r, g, veld);
		f = json_object_new_object();
		zet_s(f, "veld", anker);
		zet_s(f, "melding", m);
		json_object_array_add(lijst, f);
		fout_plaats(r, ctx, anker, m);
	}
	json_object_put(fouten);
	f = json_object_new_object();
	zet(f, "lijst", lijst);
	zet(ctx, "fouten", f);
}

/* The subject of a vraag, for the thread: "Wachtlijst (Oost)" or "Eis
 * E3". */
static const char *
onderwerp(struct req *r, const struct rapportage_weergave *v, int64_t wid,
    int64_t aid)
{
	size_t i;

	for (i = 0; wid > 0 && i < v->ncellen; i++)
		if (v->cellen[i].rij->id == wid)
			return arena_printf(r->arena, "%s (%s)", v->cellen[i].ind !=
			    NULL ? v->cellen[i].ind->naam : "Indicator",
			    v->cellen[i].rij->wijk != NULL ?
			    v->cellen[i].rij->wijk : "totaal");
	for (i = 0; aid > 0 && i < v->nantwoorden; i++)
		if (v->antwoorden[i].id == aid)
			return strcmp(v->antwoorden[i].soort, "eis") == 0 ?
			    arena_printf(r->arena, "Eis %s", v->antwoorden[i].
			    eis_code != NULL ? v->antwoorden[i].eis_code : "") :
			    arena_printf(r->arena, "Vraag: %s",
			    v->antwoorden[i].vraag != NULL ?
			    v->antwoorden[i].vraag : "");
	return "De rapportage";
}

static struct json_object *
oordeel_opties(const char *gekozen, int leeg)
{
	static const char *const codes[] = { "voldaan", "deels", "niet" };
	struct json_object *a = json_object_new_array();
	size_t i;

	if (leeg)
		formveld_optie(a, "", "Kies…", gekozen == NULL || *gekozen == '\0');
	for (i = 0; i < 3; i++)
		formveld_optie(a, codes[i], rapportage_oordeel_label(codes[i]),
		    gekozen != NULL && strcmp(gekozen, codes[i]) == 0);
	return a;
}

/*
 * The page of rapportage id as the caller sees it now: the model of
 * rapportage_json with the labels a page needs. g says what was posted
 * (its fields show what was typed), fouten the field errors of a refused
 * post (taken), melding a message for a 409 or 412. Answers with status;
 * a rapportage that is not there (or not the caller's) is 404.
 */
static void
rap_pagina(struct req *r, int status, const struct gepost *g,
    struct json_object *fouten, const char *melding)
{
	struct rapportage_weergave v;
	struct json_object *ctx, *a, *e, *secties = NULL, *sectie = NULL, *rijen;
	struct json_object *opt, *x;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *titel_vorig = NULL;
	int64_t id = rap_id(r);
	size_t i, k;
	int regisseur, teamleider, ingediend;
	int gp_vaststellen = g->soort != NULL && strcmp(g->soort,
	    "vaststellen") == 0;

	ops_ctx_van(r, NULL, &c);
	if ((u = rapportage_lees(&c, id, drempel(r), &v)) != OPS_OK) {
		json_object_put(fouten);
		antwoord_uitkomst(r, &c, u);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	ctx = rapportage_json(r, &v);
	regisseur = (v.rollen & ROL_REGISSEUR) != 0;
	teamleider = (v.rollen & ROL_TEAMLEIDER) != 0;
	ingediend = strcmp(v.r.status, "ingediend") == 0;
	zet_s(ctx, "basis", arena_printf(r->arena, "/rapportages/%lld",
	    (long long)id));
	zet_s(ctx, "status_label", status_label(v.r.status));
	zet_s(ctx, "periode_label", pagina_periode(r, v.r.periode));
	zet_s(ctx, "deadline_tekst", nl_datum(r, json_s(ctx,
	    "uiterste_indiendatum")));
	zet_s(ctx, "ingediend_tekst", nl_datum(r, v.r.ingediend_op));
	zet_s(ctx, "vastgesteld_tekst", nl_datum(r, v.r.vastgesteld_op));
	zet(ctx, "is_aggregaat", json_object_new_boolean(v.zicht !=
	    ZICHT_EXACT));
	if (v.r.midden_in_periode)
		zet_s(ctx, "midden_tekst", arena_printf(r->arena, "Deze versie "
		    "van het format is midden in de periode gepubliceerd, op "
		    "%s%s%s", nl_datum(r, v.r.gepubliceerd_op),
		    v.r.publicatie_reden != NULL ? ": " : ".",
		    v.r.publicatie_reden != NULL ? v.r.publicatie_reden : ""));
	if (v.nhistorie > 0) {
		const struct rapportage_historie_rij *h =
		    &v.historie[v.nhistorie - 1];
		const char *l = rapportage_actie_label(h->actie);

		zet_s(ctx, "laatste_tekst", arena_printf(r->arena, "%s op %s "
		    "door %s%s%s", l != NULL ? l : "Gewijzigd", nl_datum(r, h->op),
		    h->door != NULL ? h->door : "onbekend", h->reden != NULL ?
		    ": " : "", h->reden != NULL ? h->reden : ""));
	}
	/* Values per section. */
	json_object_object_get_ex(ctx, "waarden", &a);
	secties = json_object_new_array();
	for (i = 0; i < v.ncellen && i < json_object_array_length(a); i++) {
		const char *t = v.cellen[i].rij->sectie_titel;

		e = json_object_array_get_idx(a, i);
		cel_labels(r, e, &v.cellen[i], g);
		for (k = 0; k < v.nrevisies; k++)
			if (v.revisies[k].waarde_id == v.cellen[i].rij->id)
				zet(e, "heeft_revisie", json_object_new_boolean(1));
		if (sectie == NULL || t == NULL || titel_vorig == NULL ||
		    strcmp(t, titel_vorig) != 0) {
			sectie = json_object_new_object();
			zet_s(sectie, "titel", t != NULL ? t : "Indicatoren");
			zet_s(sectie, "sectie_anker", arena_printf(r->arena,
			    "sectie-%zu", json_object_array_length(secties) + 1));
			zet(sectie, "rijen", json_object_new_array());
			json_object_array_add(secties, sectie);
			titel_vorig = t != NULL ? t : "";
		}
		json_object_object_get_ex(sectie, "rijen", &rijen);
		json_object_array_add(rijen, json_object_get(e));
	}
	zet(ctx, "secties", secties);
	/* Eisen and open questions. */
	json_object_object_get_ex(ctx, "eisen", &a);
	for (i = 0; i < v.nantwoorden && i < json_object_array_length(a); i++) {
		const struct rapportage_antwoord_rij *an = &v.antwoorden[i];
		int eis = strcmp(an->soort, "eis") == 0;
		int dit = g->soort != NULL && strcmp(g->soort, "eis") == 0 &&
		    g->id == an->id;
		const char *b;

		e = json_object_array_get_idx(a, i);
		zet(e, "is_eis", json_object_new_boolean(eis));
		zet_s(e, "titel", eis ? arena_printf(r->arena, "Eis %s",
		    an->eis_code != NULL ? an->eis_code : "") : "Open vraag");
		zet_s(e, "antwoord_label", an->antwoord != NULL ?
		    rapportage_oordeel_label(an->antwoord) : NULL);
		zet_s(e, "beoordeling_label", an->beoordeling != NULL ?
		    rapportage_oordeel_label(an->beoordeling) : NULL);
		zet(e, "opties", oordeel_opties(dit ? kv_get(&r->form,
		    "antwoord") : an->antwoord, 1));
		zet_s(e, "f_toelichting", dit ? kv_get(&r->form, "toelichting") :
		    an->toelichting);
		b = gp_vaststellen ? kv_get(&r->form, arena_printf(r->arena,
		    "beoordeling_%lld", (long long)an->id)) : NULL;
		zet(e, "beoordeling_opties", oordeel_opties(b, 1));
		zet_s(e, "f_beoordeling_toelichting", gp_vaststellen ?
		    kv_get(&r->form, arena_printf(r->arena,
		    "beoordeling_toelichting_%lld", (long long)an->id)) : NULL);
	}
	zet(ctx, "heeft_eisen", json_object_new_boolean(v.nantwoorden > 0));
	/* The steps. */
	json_object_object_get_ex(ctx, "acties", &a);
	x = json_object_new_array();
	for (i = 0; i < json_object_array_length(a); i++) {
		const char *ac = json_object_get_string(json_object_array_get_idx(
		    a, i));
		int dit = g->soort != NULL && strcmp(g->soort, ac) == 0;

		e = json_object_new_object();
		zet_s(e, "actie", ac);
		zet_s(e, "knop", actie_knop(ac));
		zet(e, "met_reden", json_object_new_boolean(strcmp(ac,
		    "terugsturen") == 0 || strcmp(ac, "heropenen") == 0));
		zet(e, "is_vaststellen", json_object_new_boolean(strcmp(ac,
		    "vaststellen") == 0));
		zet_s(e, "f_reden", dit ? kv_get(&r->form, "reden") : NULL);
		zet_s(e, "f_terugkoppeling", dit ? kv_get(&r->form,
		    "terugkoppeling") : NULL);
		json_object_array_add(x, e);
	}
	zet(ctx, "heeft_stappen", json_object_new_boolean(
	    json_object_array_length(x) > 0));
	zet(ctx, "stappen", x);
	/* Vragen. */
	json_object_object_get_ex(ctx, "vragen", &a);
	for (i = 0; i < v.nvragen && i < json_object_array_length(a); i++) {
		const struct rapportage_vraag_rij *q = &v.vragen[i];
		int dit = g->soort != NULL && strcmp(g->soort, "antwoord") == 0 &&
		    g->id == q->id;

		e = json_object_array_get_idx(a, i);
		zet_s(e, "onderwerp", onderwerp(r, &v, q->waarde_id,
		    q->antwoord_id));
		zet_s(e, "gesteld_tekst", nl_datum(r, q->gesteld_op));
		zet_s(e, "beantwoord_tekst", nl_datum(r, q->beantwoord_op));
		zet(e, "mag_antwoorden", json_object_new_boolean(teamleider &&
		    ingediend && q->antwoord == NULL));
		zet_s(e, "f_antwoord", dit ? kv_get(&r->form, "antwoord") : NULL);
	}
	zet(ctx, "mag_vragen", json_object_new_boolean(regisseur && ingediend));
	if (regisseur && ingediend) {
		const char *gk = g->soort != NULL && strcmp(g->soort, "vraag") ==
		    0 ? kv_get(&r->form, "onderwerp") : NULL;
		char w[32];

		opt = json_object_new_array();
		formveld_optie(opt, "", "Kies een waarde of eis…", gk == NULL);
		for (i = 0; i < v.ncellen; i++) {
			snprintf(w, sizeof(w), "w%lld", (long long)
			    v.cellen[i].rij->id);
			formveld_optie(opt, w, onderwerp(r, &v, v.cellen[i].rij->id,
			    0), gk != NULL && strcmp(gk, w) == 0);
		}
		for (i = 0; i < v.nantwoorden; i++) {
			snprintf(w, sizeof(w), "e%lld", (long long)
			    v.antwoorden[i].id);
			formveld_optie(opt, w, onderwerp(r, &v, 0,
			    v.antwoorden[i].id), gk != NULL && strcmp(gk, w) == 0);
		}
		zet(ctx, "vraag_opties", opt);
		zet_s(ctx, "f_vraag", gk != NULL || (g->soort != NULL &&
		    strcmp(g->soort, "vraag") == 0) ? kv_get(&r->form, "vraag") :
		    NULL);
	}
	/* Historie and revisions. */
	json_object_object_get_ex(ctx, "historie", &a);
	for (i = 0; i < v.nhistorie && i < json_object_array_length(a); i++) {
		const char *l = rapportage_actie_label(v.historie[i].actie);

		e = json_object_array_get_idx(a, i);
		zet_s(e, "actie_label", l != NULL ? l : "Gewijzigd");
		zet_s(e, "op_tekst", nl_datum(r, v.historie[i].op));
		zet_s(e, "naar_label", v.historie[i].naar != NULL ?
		    status_label(v.historie[i].naar) : NULL);
	}
	json_object_object_get_ex(ctx, "revisies", &a);
	for (i = 0; i < v.nrevisies && i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		zet_s(e, "onderwerp", onderwerp(r, &v, v.revisies[i].waarde_id, 0));
		zet_s(e, "oud_tekst", json_getal_nl(r, e, "oud"));
		zet_s(e, "nieuw_tekst", json_getal_nl(r, e, "nieuw"));
		zet_s(e, "op_tekst", nl_datum(r, v.revisies[i].gewijzigd_op));
		zet_s(e, "vastgesteld_tekst", nl_datum(r,
		    v.revisies[i].vastgesteld_op));
		if (json_s(e, "oud") == NULL)
			zet_s(e, "oud_tekst", "geen");
		if (json_s(e, "nieuw") == NULL)
			zet_s(e, "nieuw_tekst", "geen");
	}
	zet(ctx, "heeft_revisies", json_object_new_boolean(v.nrevisies > 0));
	if (melding != NULL)
		zet_s(ctx, "melding", melding);
	fouten_zet(r, ctx, g, fouten);
	resp_page(r, status, "rapportage", ctx);
}

static void
pagina_rapportage(struct req *r)
{
	struct gepost g = { NULL, 0 };

	rap_pagina(r, 200, &g, NULL, NULL);
}

/* The version of the hidden field; 0 when there is none. */
static int64_t
form_versie(struct req *r)
{
	const char *vs = kv_get(&r->form, "versie");
	int64_t v = 0;

	if (vs == NULL || getal_lees_str(vs, 1, INT64_MAX, &v) != 0)
		return 0;
	return v;
}

/*
 * After an operation on the rapportage: 303 to doel once committed; a
 * refused one shows the page again — 422 with the errors at their fields,
 * 409 or 412 with a clear message — and anything else as a problem page.
 */
static void
na_post(struct req *r, struct ops_ctx *c, enum ops_uitkomst u,
    const struct gepost *g, const char *anker)
{
	struct json_object *f;
	const char *m;

	switch (u) {
	case OPS_OK:
		antwoord_uitkomst(r, c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/rapportages/%lld%s", (long long)rap_id(r),
			    anker != NULL ? anker : ""));
		return;
	case OPS_VELDEN:
		tx_rollback(r);
		f = c->fouten;
		c->fouten = NULL;
		rap_pagina(r, 422, g, f, NULL);
		return;
	case OPS_CONFLICT:
	case OPS_VEROUDERD:
		tx_rollback(r);
		json_object_put(c->fouten);
		c->fouten = NULL;
		m = u == OPS_VEROUDERD ? "Iemand anders heeft deze rapportage "
		    "intussen gewijzigd. Hieronder staat hoe zij nu is; controleer "
		    "het en probeer het opnieuw." : (c->melding != NULL ?
		    arena_printf(r->arena, "Dit kan niet: %s", c->melding) :
		    "Dit kan niet meer in de huidige staat van de rapportage.");
		rap_pagina(r, u == OPS_VEROUDERD ? 412 : 409, g, NULL, m);
		return;
	default:
		antwoord_uitkomst(r, c, u);
	}
}

static void
post_waarde(struct req *r)
{
	struct rapportage_waarde_invoer in;
	struct ops_ctx c;
	struct gepost g = { "waarde", route_param_int(&r->match, "waarde_id") };
	enum ops_uitkomst u;

	memset(&in, 0, sizeof(in));
	in.waarde = invoer_form(r, "waarde");
	in.tekst = invoer_form(r, "tekst");
	in.reden = invoer_form(r, "reden");
	in.toelichting = invoer_form(r, "toelichting");
	in.niet_te_leveren.tekst = kv_get(&r->form, "niet_te_leveren") != NULL ?
	    "true" : "false";
	in.niet_te_leveren_reden = invoer_form(r, "niet_te_leveren_reden");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_waarde_wijzig(&c, rap_id(r), g.id, form_versie(r), &in);
	na_post(r, &c, u, &g, arena_printf(r->arena, "#waarde-%lld",
	    (long long)g.id));
}

static void
post_eis(struct req *r)
{
	struct rapportage_antwoord_invoer in;
	struct ops_ctx c;
	struct gepost g = { "eis", route_param_int(&r->match, "eis_id") };
	enum ops_uitkomst u;

	memset(&in, 0, sizeof(in));
	in.antwoord = invoer_form(r, "antwoord");
	in.toelichting = invoer_form(r, "toelichting");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_antwoord_wijzig(&c, rap_id(r), g.id, form_versie(r), &in);
	na_post(r, &c, u, &g, arena_printf(r->arena, "#eis-%lld",
	    (long long)g.id));
}

static void
post_indienen(struct req *r)
{
	struct ops_ctx c;
	struct gepost g = { "indienen", 0 };
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = rapportage_indienen(&c, rap_id(r), form_versie(r), drempel(r));
	na_post(r, &c, u, &g, NULL);
}

static void
post_terugsturen(struct req *r)
{
	struct ops_ctx c;
	struct gepost g = { "terugsturen", 0 };
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = rapportage_terugsturen(&c, rap_id(r), form_versie(r),
	    invoer_form(r, "reden"));
	na_post(r, &c, u, &g, NULL);
}

static void
post_heropenen(struct req *r)
{
	struct ops_ctx c;
	struct gepost g = { "heropenen", 0 };
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = rapportage_heropenen(&c, rap_id(r), form_versie(r),
	    invoer_form(r, "reden"));
	na_post(r, &c, u, &g, NULL);
}

/* The beoordelingen come as beoordeling_<antwoord_id> and
 * beoordeling_toelichting_<antwoord_id>. */
static void
post_vaststellen(struct req *r)
{
	static const char pre[] = "beoordeling_", pre_t[] =
	    "beoordeling_toelichting_";
	struct rapportage_vaststel_invoer *in;
	struct ops_ctx c;
	struct gepost g = { "vaststellen", 0 };
	enum ops_uitkomst u;
	size_t i;

	if ((in = arena_calloc(r->arena, 1, sizeof(*in))) == NULL) {
		fail_db(r, DB_NOMEM, "rapportage");
		return;
	}
	in->terugkoppeling = invoer_form(r, "terugkoppeling");
	for (i = 0; i < r->form.n; i++) {
		const char *k = r->form.items[i].key;

		if (strncmp(k, pre, sizeof(pre) - 1) != 0 ||
		    strncmp(k, pre_t, sizeof(pre_t) - 1) == 0)
			continue;
		if (in->n >= RAPPORTAGE_MAX_EISEN) {
			in->ongeldig = 1;
			break;
		}
		in->b[in->n].antwoord_id.tekst = k + sizeof(pre) - 1;
		in->b[in->n].beoordeling = invoer_form(r, k);
		in->b[in->n].toelichting = invoer_form(r, arena_printf(r->arena,
		    "%s%s", pre_t, k + sizeof(pre) - 1));
		in->n++;
	}
	ops_ctx_van(r, NULL, &c);
	u = rapportage_vaststellen(&c, rap_id(r), form_versie(r), in,
	    drempel(r));
	na_post(r, &c, u, &g, NULL);
}

static void
post_vraag(struct req *r)
{
	struct rapportage_vraag_invoer in;
	struct ops_ctx c;
	struct gepost g = { "vraag", 0 };
	enum ops_uitkomst u;
	const char *o = kv_get(&r->form, "onderwerp");
	int64_t vid = 0;

	memset(&in, 0, sizeof(in));
	if (o != NULL && o[0] == 'w' && o[1] != '\0')
		in.waarde_id.tekst = o + 1;
	else if (o != NULL && o[0] == 'e' && o[1] != '\0')
		in.antwoord_id.tekst = o + 1;
	in.vraag = invoer_form(r, "vraag");
	ops_ctx_van(r, NULL, &c);
	u = rapportage_vraag_maak(&c, rap_id(r), &in, &vid);
	na_post(r, &c, u, &g, "#vragen");
}

static void
post_antwoord(struct req *r)
{
	struct ops_ctx c;
	struct gepost g = { "antwoord", route_param_int(&r->match, "vraag_id") };
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	u = rapportage_vraag_beantwoord(&c, rap_id(r), g.id,
	    invoer_form(r, "antwoord"));
	na_post(r, &c, u, &g, "#vragen");
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
#define R	"/rapportages/{id:int}"
static const struct route routes[] = {
	{ "GET", "/rapportages", pagina_lijst, ACCESS_STURING, H, NULL },
	{ "GET", "/rapportages/nieuw", pagina_nieuw, ACCESS_STURING, H, NULL },
	{ "POST", "/rapportages/nieuw", pagina_maak, ACCESS_STURING, HF, NULL },
	{ "GET", R, pagina_rapportage, ACCESS_STURING, H, NULL },
	{ "POST", R "/waarden/{waarde_id:int}", post_waarde, ACCESS_STURING, HF,
	  NULL },
	{ "POST", R "/eisen/{eis_id:int}", post_eis, ACCESS_STURING, HF, NULL },
	{ "POST", R "/indienen", post_indienen, ACCESS_STURING, HF, NULL },
	{ "POST", R "/terugsturen", post_terugsturen, ACCESS_STURING, HF, NULL },
	{ "POST", R "/vaststellen", post_vaststellen, ACCESS_STURING, HF, NULL },
	{ "POST", R "/heropenen", post_heropenen, ACCESS_STURING, HF, NULL },
	{ "POST", R "/vragen", post_vraag, ACCESS_STURING, HF, NULL },
	{ "POST", R "/vragen/{vraag_id:int}/antwoord", post_antwoord,
	  ACCESS_STURING, HF, NULL },
};
ROUTE_TABLE(routes_rapportages_pagina, routes);
