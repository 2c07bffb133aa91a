/*
 * streefwaarden_pagina.c — targets (issue 11) as pages: the list with its
 * filters, one target with its richting, grenzen and tolerantie read back
 * in Dutch and every state it had, and the forms of a regisseur (of the
 * indicator's keten) or beheerder.
 *
 * Pages (all may also answer 303 to the log-in page, 500/503):
 *   GET  /streefwaarden                    the list (?keten_id=,
 *                                          indicator_id=, periode=,
 *                                          organisatie_id=, cursor=); 400
 *                                          for a bad cursor; 403
 *   GET  /streefwaarden/{id}               one target; 403; 404
 *   GET  /streefwaarden/nieuw              the form (ACCESS_CATALOGUS;
 *                                          ?indicator_id= chooses one)
 *   POST /streefwaarden/nieuw              303 to the target; 403; 409;
 *                                          422 the form again
 *   GET  /streefwaarden/{id}/wijzigen      the form with its values; 403;
 *                                          404
 *   POST /streefwaarden/{id}/wijzigen      303 to the target; 403; 404;
 *                                          409 the form again with what
 *                                          was typed when the target
 *                                          changed in between; 422
 *
 * Who reads: every role but a ketenpartner (ACCESS_STURING, as the API's
 * streefwaarde_mag_lezen). Who writes: the operations decide
 * (ops/streefwaarde.h), the same as for the API; the pages never judge a
 * value themselves. Never: SQL here, or a value of the form shown
 * unescaped.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/streefwaarde.h"
#include "domain/streefwaarde_uitleg.h"
#include "domain/veld.h"
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

/* Rows of one page of the list. */
#define SW_PAGINA	50

static const struct veld_optie richtingen[] = {
	{ "hoger_beter", "Hoger is beter" },
	{ "lager_beter", "Lager is beter" },
	{ "bandbreedte", "Binnen een bandbreedte" },
	{ NULL, NULL },
};

static const struct veld_optie tolerantie_soorten[] = {
	{ "absoluut", "Absoluut (in de eenheid van de indicator)" },
	{ "procent", "Procent van de streefwaarde" },
	{ NULL, NULL },
};

/* What the page shows of the indicators, organisaties, wijken and ketens
 * a target refers to: names by id, read once per request. */
struct sw_namen {
	struct indicator_rij   *ind;
	size_t                  nind;
	struct structuur_optie *org, *wijk, *keten;
	size_t                  norg, nwijk, nketen;
};

/* Reads the names; -1 after answering a database failure. */
static int
sw_namen_lees(struct req *r, struct sw_namen *nm)
{
	struct indicator_filter f = { 0, NULL, 1 };
	enum db_err rc;

	memset(nm, 0, sizeof(*nm));
	if ((rc = store_indicator_lijst(r->db, r->arena, &f, 0, WZ_LIST_MAX,
	    &nm->ind, &nm->nind)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena,
	    REF_WIJKTEAMORGANISATIE, &nm->org, &nm->norg)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena, REF_WIJK, &nm->wijk,
	    &nm->nwijk)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &nm->keten,
	    &nm->nketen)) != DB_OK) {
		fail_db(r, rc, "streefwaarden");
		return -1;
	}
	return 0;
}

static const char *
optie_naam(const struct structuur_optie *o, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return o[i].naam;
	return NULL;
}

/* The indicator id, from the actief versions read, else (an older
 * version) from the store; NULL when it is not there. The row is in the
 * arena or nm. */
static const struct indicator_rij *
sw_indicator(struct req *r, const struct sw_namen *nm, int64_t id)
{
	struct indicator_rij *rij;
	size_t i;
	int gevonden = 0;

	for (i = 0; i < nm->nind; i++)
		if (nm->ind[i].id == id)
			return &nm->ind[i];
	if ((rij = arena_alloc(r->arena, sizeof(*rij))) == NULL ||
	    store_indicator_lees(r->db, r->arena, id, rij, &gevonden) != DB_OK ||
	    !gevonden)
		return NULL;
	return rij;
}

/* A stored decimal as people here write it: shortest form, a decimal
 * comma ("12,5"); NULL for none. In the arena. */
static const char *
sw_getal(struct req *r, const char *s)
{
	int64_t v;
	char b[40], *p;

	if (s == NULL || streefwaarde_getal_lees(s, &v) != 0)
		return NULL;
	streefwaarde_getal_tekst(v, STREEFWAARDE_SCHAAL, b);
	if ((p = strchr(b, '.')) != NULL)
		*p = ',';
	return arena_strdup(r->arena, b);
}

/* The target as one Dutch sentence (domain/streefwaarde_uitleg.h); ""
 * for a row that does not read as a target. In the arena. */
static const char *
sw_omschrijving(struct req *r, const struct streefwaarde_rij *s)
{
	struct streefwaarde sw;
	struct sw_cel c = { &sw, 1 };
	char zin[STREEFWAARDE_UITLEG_MAX];

	if (streefwaarde_van_rij(s, &sw) != 0)
		return "";
	return arena_strdup(r->arena, streefwaarde_uitleg(&c, zin, sizeof(zin)));
}

/* "DOCK Zaanstad, wijk Poelenburg", "Hele gemeente", ... */
static const char *
sw_bereik(struct req *r, const struct sw_namen *nm,
    const struct streefwaarde_rij *s)
{
	const char *o = s->organisatie_id > 0 ? optie_naam(nm->org, nm->norg,
	    s->organisatie_id) : NULL;
	const char *w = s->wijk_id > 0 ? optie_naam(nm->wijk, nm->nwijk,
	    s->wijk_id) : NULL;

	if (s->organisatie_id > 0 && o == NULL)
		o = arena_printf(r->arena, "organisatie %lld",
		    (long long)s->organisatie_id);
	if (s->wijk_id > 0 && w == NULL)
		w = arena_printf(r->arena, "%lld", (long long)s->wijk_id);
	if (o != NULL && w != NULL)
		return arena_printf(r->arena, "%s, wijk %s", o, w);
	if (o != NULL)
		return o;
	if (w != NULL)
		return arena_printf(r->arena, "Wijk %s (alle organisaties)", w);
	return "Hele gemeente";
}

/* One target as the templates show it. */
static struct json_object *
sw_item(struct req *r, const struct sw_namen *nm,
    const struct streefwaarde_rij *s)
{
	struct json_object *o = json_object_new_object();
	const struct indicator_rij *i = sw_indicator(r, nm, s->indicator_id);

	json_object_object_add(o, "id", json_object_new_int64(s->id));
	json_object_object_add(o, "versie", json_object_new_int64(s->versie));
	json_object_object_add(o, "indicator_id", json_object_new_int64(
	    s->indicator_id));
	json_object_object_add(o, "indicator", tekst_of_leeg(i != NULL ? i->naam :
	    arena_printf(r->arena, "Indicator %lld", (long long)s->indicator_id)));
	json_object_object_add(o, "indicator_code", tekst_of_null(i != NULL ?
	    i->code : NULL));
	json_object_object_add(o, "eenheid", tekst_of_null(i != NULL ?
	    indicator_label(indicator_eenheden, i->eenheid) : NULL));
	json_object_object_add(o, "keten", tekst_of_leeg(optie_naam(nm->keten,
	    nm->nketen, s->keten_id)));
	json_object_object_add(o, "periode", tekst_of_leeg(s->periode));
	json_object_object_add(o, "periode_label", tekst_of_leeg(pagina_periode(r,
	    s->periode)));
	json_object_object_add(o, "bereik", tekst_of_leeg(sw_bereik(r, nm, s)));
	json_object_object_add(o, "richting", tekst_of_leeg(formveld_optie_label(
	    richtingen, s->richting)));
	json_object_object_add(o, "waarde", tekst_of_null(sw_getal(r,
	    s->waarde)));
	json_object_object_add(o, "ondergrens", tekst_of_null(sw_getal(r,
	    s->ondergrens)));
	json_object_object_add(o, "bovengrens", tekst_of_null(sw_getal(r,
	    s->bovengrens)));
	json_object_object_add(o, "tolerantie", tekst_of_null(sw_getal(r,
	    s->tolerantie)));
	json_object_object_add(o, "tolerantie_soort", tekst_of_leeg(
	    s->tolerantie_soort != NULL && strcmp(s->tolerantie_soort,
	    "procent") == 0 ? "procent van de streefwaarde" :
	    "absoluut"));
	json_object_object_add(o, "omschrijving", tekst_of_leeg(
	    sw_omschrijving(r, s)));
	json_object_object_add(o, "reden", tekst_of_leeg(s->reden));
	json_object_object_add(o, "door", tekst_of_leeg(s->door));
	json_object_object_add(o, "op", tekst_of_leeg(s->gewijzigd_op));
	json_object_object_add(o, "op_tekst", tekst_of_leeg(pagina_tijd(r,
	    s->gewijzigd_op)));
	return o;
}

/* The filters of the list from the query: a value that is no id or no
 * periode is left out (a filter, not input) and said so in *fout. */
static void
sw_filters(struct req *r, struct streefwaarde_filter *f, const char **fout)
{
	const char *namen[] = { "indicator_id", "organisatie_id", "keten_id" };
	int64_t *doel[] = { &f->indicator_id, &f->organisatie_id, &f->keten_id };
	const char *p = kv_get(&r->query, "periode");
	struct periode per;
	char code[PERIODE_CODE_MAX];
	size_t i;

	memset(f, 0, sizeof(*f));
	*fout = NULL;
	for (i = 0; i < 3; i++)
		if ((*doel[i] = query_id(r, namen[i])) < 0)
			*doel[i] = 0;
	if (p != NULL && *p != '\0') {
		if (periode_lees_str(p, &per) != 0)
			*fout = "Dit is geen periode; kies bijvoorbeeld 2025-H1 of "
			    "2025. Alle periodes worden getoond.";
		else
			f->periode = arena_strdup(r->arena, periode_code(&per,
			    code));
	}
}

/* A field that the richting makes needed or not (the uitleg says when):
 * veld.html then writes no "(niet verplicht)" after its label. Returns f. */
static struct json_object *
voorwaardelijk(struct json_object *f)
{
	json_object_object_add(f, "voorwaardelijk", json_object_new_boolean(1));
	return f;
}

/* Options {waarde, label, gekozen} of structure choices, id chosen. */
static struct json_object *
sw_opties(const struct structuur_optie *o, size_t n, int64_t gekozen)
{
	struct json_object *arr = json_object_new_array();
	char id[24];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%lld", (long long)o[i].id);
		formveld_optie(arr, id, o[i].naam, o[i].id == gekozen);
	}
	return arr;
}

/* The indicators with a number (not tekst) as options, id chosen; only
 * those of ketens who may manage when beheren is set. */
static struct json_object *
sw_indicator_opties(struct req *r, const struct sw_namen *nm, int64_t gekozen,
    int beheren, struct structuur_optie **lijst, size_t *nlijst)
{
	struct json_object *arr = json_object_new_array();
	struct structuur_optie *l;
	size_t i, n = 0;
	char id[24];

	l = arena_alloc(r->arena, (nm->nind + 1) * sizeof(*l));
	for (i = 0; i < nm->nind; i++) {
		const struct indicator_rij *x = &nm->ind[i];

		if (strcmp(x->eenheid, "tekst") == 0 || (beheren &&
		    !indicator_mag_beheren(&r->who, x->keten_id)))
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)x->id);
		formveld_optie(arr, id, arena_printf(r->arena, "%s (%s)", x->naam,
		    x->keten), x->id == gekozen);
		if (l != NULL) {
			l[n].id = x->id;
			l[n].code = x->code;
			l[n].naam = arena_printf(r->arena, "%s (%s)", x->naam,
			    x->keten);
			l[n].beeindigd = 0;
			n++;
		}
	}
	if (lijst != NULL) {
		*lijst = l;
		*nlijst = l != NULL ? n : 0;
	}
	return arr;
}

/* GET /streefwaarden: a page of targets, by id; filters as a GET form. */
static void
pagina_lijst(struct req *r)
{
	struct streefwaarde_filter f;
	struct streefwaarde_rij *rij;
	struct sw_namen nm;
	struct json_object *ctx, *arr;
	const char *cs = kv_get(&r->query, "cursor"), *fout;
	enum db_err rc;
	int64_t na = 0;
	size_t i, n;

	if (cs != NULL && *cs != '\0' && getal_lees_str(cs, 1, WZ_MAX_ID,
	    &na) != 0) {
		resp_problem(r, 400, "Dit vervolgadres is ongeldig.", NULL);
		return;
	}
	sw_filters(r, &f, &fout);
	if (sw_namen_lees(r, &nm) != 0)
		return;
	if ((rc = store_streefwaarde_lijst(r->db, r->arena, &f, na,
	    SW_PAGINA + 1, &rij, &n)) != DB_OK) {
		fail_db(r, rc, "streefwaarden");
		return;
	}
	arr = json_object_new_array();
	for (i = 0; i < n && i < SW_PAGINA; i++)
		json_object_array_add(arr, sw_item(r, &nm, &rij[i]));
	ctx = json_object_new_object();
	json_object_object_add(ctx, "items", arr);
	json_object_object_add(ctx, "aantal", json_object_new_int(
	    (int)(n < SW_PAGINA ? n : SW_PAGINA)));
	json_object_object_add(ctx, "ketens", sw_opties(nm.keten, nm.nketen,
	    f.keten_id));
	json_object_object_add(ctx, "organisaties", sw_opties(nm.org, nm.norg,
	    f.organisatie_id));
	json_object_object_add(ctx, "indicatoren", sw_indicator_opties(r, &nm,
	    f.indicator_id, 0, NULL, NULL));
	json_object_object_add(ctx, "periode", tekst_of_leeg(f.periode != NULL ?
	    f.periode : kv_get(&r->query, "periode")));
	if (fout != NULL)
		json_object_object_add(ctx, "filterfout", tekst_of_leeg(fout));
	if (n > SW_PAGINA)
		json_object_object_add(ctx, "volgende_href", tekst_of_leeg(
		    arena_printf(r->arena, "/streefwaarden?keten_id=%s&indicator_id="
		    "%s&periode=%s&organisatie_id=%s&cursor=%lld",
		    f.keten_id ? arena_printf(r->arena, "%lld", (long long)
		    f.keten_id) : "", f.indicator_id ? arena_printf(r->arena,
		    "%lld", (long long)f.indicator_id) : "", f.periode ?
		    f.periode : "", f.organisatie_id ? arena_printf(r->arena,
		    "%lld", (long long)f.organisatie_id) : "",
		    (long long)rij[SW_PAGINA - 1].id)));
	if (na > 0)
		json_object_object_add(ctx, "vervolg", json_object_new_boolean(1));
	json_object_object_add(ctx, "mag_beheren", json_object_new_boolean(
	    policy_allows(ACCESS_CATALOGUS, &r->who) == POLICY_ALLOW));
	if (f.indicator_id > 0)
		json_object_object_add(ctx, "nieuw_query", tekst_of_leeg(
		    arena_printf(r->arena, "?indicator_id=%lld",
		    (long long)f.indicator_id)));
	resp_page(r, 200, "streefwaarden", ctx);
}

/* The target of the path with its historie; -1 after answering (404). */
static int
sw_huidig(struct req *r, struct streefwaarde_rij *rij,
    struct streefwaarde_rij **h, size_t *nh)
{
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_streefwaarde_lees(r->db, r->arena, route_param_int(
	    &r->match, "id"), rij, &gevonden, h, nh)) != DB_OK) {
		fail_db(r, rc, "streefwaarde");
		return -1;
	}
	if (!gevonden) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	return 0;
}

/* GET /streefwaarden/{id}: the target and every state it had, newest
 * first, each with who, when, why and what it was before. */
static void
pagina_streefwaarde(struct req *r)
{
	struct streefwaarde_rij rij, *h = NULL;
	struct sw_namen nm;
	struct json_object *ctx, *arr, *e;
	size_t i, n = 0;

	if (sw_huidig(r, &rij, &h, &n) != 0 || sw_namen_lees(r, &nm) != 0)
		return;
	ctx = json_object_new_object();
	json_object_object_add(ctx, "streefwaarde", sw_item(r, &nm, &rij));
	arr = json_object_new_array();
	for (i = n; i-- > 0;) {
		e = json_object_new_object();
		json_object_object_add(e, "versie", json_object_new_int64(
		    h[i].versie));
		json_object_object_add(e, "door", tekst_of_leeg(h[i].door));
		json_object_object_add(e, "op", tekst_of_leeg(h[i].gewijzigd_op));
		json_object_object_add(e, "op_tekst", tekst_of_leeg(pagina_tijd(r,
		    h[i].gewijzigd_op)));
		json_object_object_add(e, "reden", tekst_of_leeg(h[i].reden));
		json_object_object_add(e, "nieuw", tekst_of_leeg(
		    sw_omschrijving(r, &h[i])));
		if (i > 0)
			json_object_object_add(e, "oud", tekst_of_leeg(
			    sw_omschrijving(r, &h[i - 1])));
		json_object_array_add(arr, e);
	}
	json_object_object_add(ctx, "historie", arr);
	json_object_object_add(ctx, "mag_wijzigen", json_object_new_boolean(
	    indicator_mag_beheren(&r->who, rij.keten_id)));
	resp_page(r, 200, "streefwaarde", ctx);
}

/*
 * The form's fields. After a post the values as typed (nothing typed is
 * lost, also after a conflict), else the stored ones (huidig; NULL for a
 * new target, whose indicator may come from ?indicator_id=). A new target
 * asks for its indicator, periode and scope; a change shows them (they
 * are what the target is) and asks the rest. The reden never starts
 * filled: a change needs its own. Returns the context (fouten taken), or
 * NULL after answering a database failure.
 */
static struct json_object *
sw_formulier(struct req *r, const char *titel, const char *actie,
    const struct streefwaarde_rij *huidig, struct json_object *fouten,
    const char *conflict)
{
	struct json_object *ctx, *v;
	struct structuur_optie *ind = NULL;
	struct sw_namen nm;
	size_t nind = 0;
	int gepost = r->form.n > 0;

	if (sw_namen_lees(r, &nm) != 0) {
		json_object_put(fouten);
		return NULL;
	}
#define WAARDE(naam, opgeslagen) (gepost ? kv_get(&r->form, naam) : \
	(huidig != NULL ? (opgeslagen) : NULL))
	v = json_object_new_array();
	if (huidig == NULL) {
		const char *q = kv_get(&r->query, "indicator_id");

		json_object_put(sw_indicator_opties(r, &nm, 0, 1, &ind, &nind));
		json_object_array_add(v, formveld_keuze(r, "indicator_id",
		    "Indicator", 1, "Alleen de indicatoren van uw ketens met een "
		    "getal als eenheid.", fouten, gepost ? kv_get(&r->form,
		    "indicator_id") : q, ind, nind, NULL, 0));
		json_object_array_add(v, formveld_invoer(r, "periode", "Periode",
		    1, "Een halfjaar (2025-H1) of een jaar (2025). Een jaarwaarde "
		    "geldt naar rato ook voor de halfjaren.", fouten, "text",
		    gepost ? kv_get(&r->form, "periode") : NULL, 7));
		json_object_array_add(v, formveld_keuze(r, "organisatie_id",
		    "Organisatie", 0, "Leeg: voor alle organisaties samen.",
		    fouten, gepost ? kv_get(&r->form, "organisatie_id") : NULL,
		    nm.org, nm.norg, NULL, 0));
		json_object_array_add(v, formveld_keuze(r, "wijk_id", "Wijk", 0,
		    "Leeg: voor alle wijken samen.", fouten, gepost ?
		    kv_get(&r->form, "wijk_id") : NULL, nm.wijk, nm.nwijk, NULL,
		    0));
	}
	json_object_array_add(v, formveld_keuze(r, "richting", "Richting", 1,
	    NULL, fouten, WAARDE("richting", huidig->richting), NULL, 0,
	    richtingen, 1));
	json_object_array_add(v, voorwaardelijk(formveld_invoer(r, "waarde",
	    "Streefwaarde", 0, "Nodig bij hoger of lager is beter. Een getal, "
	    "bijvoorbeeld 120 of 12,5.", fouten, "text", WAARDE("waarde",
	    sw_getal(r, huidig->waarde)), 20)));
	json_object_array_add(v, voorwaardelijk(formveld_invoer(r, "ondergrens",
	    "Ondergrens", 0, "Nodig bij een bandbreedte, en alleen dan.", fouten,
	    "text", WAARDE("ondergrens", sw_getal(r, huidig->ondergrens)), 20)));
	json_object_array_add(v, voorwaardelijk(formveld_invoer(r, "bovengrens",
	    "Bovengrens", 0, "Nodig bij een bandbreedte, en alleen dan.", fouten,
	    "text", WAARDE("bovengrens", sw_getal(r, huidig->bovengrens)), 20)));
	json_object_array_add(v, formveld_invoer(r, "tolerantie", "Tolerantie",
	    0, "Hoeveel een waarde mag afwijken en toch op koers is. Leeg: "
	    "geen.", fouten, "text", WAARDE("tolerantie", sw_getal(r,
	    huidig->tolerantie)), 20));
	json_object_array_add(v, formveld_keuze(r, "tolerantie_soort",
	    "Soort tolerantie", 0, NULL, fouten, gepost ? kv_get(&r->form,
	    "tolerantie_soort") : (huidig != NULL ? huidig->tolerantie_soort :
	    "absoluut"), NULL, 0, tolerantie_soorten, 1));
	json_object_array_add(v, formveld_invoer(r, "reden", "Reden", 1,
	    huidig != NULL ? "Waarom de streefwaarde verandert; dit blijft in "
	    "de geschiedenis staan." : "Waar de streefwaarde vandaan komt, "
	    "bijvoorbeeld een afspraak in het contractgesprek.", fouten, "text",
	    gepost ? kv_get(&r->form, "reden") : NULL, 2000));
#undef WAARDE
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(titel));
	json_object_object_add(ctx, "actie", json_object_new_string(actie));
	json_object_object_add(ctx, "velden", v);
	if (huidig != NULL) {
		json_object_object_add(ctx, "versie", json_object_new_int64(
		    huidig->versie));
		json_object_object_add(ctx, "streefwaarde", sw_item(r, &nm,
		    huidig));
		json_object_object_add(ctx, "terug", tekst_of_leeg(arena_printf(
		    r->arena, "/streefwaarden/%lld", (long long)huidig->id)));
	} else
		json_object_object_add(ctx, "terug", tekst_of_leeg(
		    "/streefwaarden"));
	if (conflict != NULL)
		json_object_object_add(ctx, "conflict", tekst_of_leeg(conflict));
	pagina_fouten(r, ctx, fouten);
	return ctx;
}

/* The form's body as the operation's input; nothing is judged here. A
 * change form sends no indicator, periode or scope: they stay. */
static void
sw_invoer(struct req *r, struct streefwaarde_invoer *in, int nieuw)
{
	memset(in, 0, sizeof(*in));
	if (nieuw) {
		in->indicator_id = invoer_form(r, "indicator_id");
		in->periode = invoer_form(r, "periode");
		in->organisatie_id = invoer_form(r, "organisatie_id");
		in->wijk_id = invoer_form(r, "wijk_id");
	}
	in->richting = invoer_form(r, "richting");
	in->waarde = invoer_form(r, "waarde");
	in->ondergrens = invoer_form(r, "ondergrens");
	in->bovengrens = invoer_form(r, "bovengrens");
	in->tolerantie = invoer_form(r, "tolerantie");
	in->tolerantie_soort = invoer_form(r, "tolerantie_soort");
	in->reden = invoer_form(r, "reden");
}

/* GET /streefwaarden/nieuw: the empty form. */
static void
pagina_nieuw(struct req *r)
{
	struct json_object *ctx;

	if ((ctx = sw_formulier(r, "Nieuwe streefwaarde", "/streefwaarden/nieuw",
	    NULL, NULL, NULL)) != NULL)
		resp_page(r, 200, "streefwaarde_formulier", ctx);
}

/* POST /streefwaarden/nieuw: 303 to the new target once committed; 422
 * the form again with the field errors; any other outcome (403 not this
 * keten's regisseur, 409 a rapportage ingediend) as a problem page. */
static void
pagina_maak(struct req *r)
{
	struct streefwaarde_invoer in;
	struct json_object *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	sw_invoer(r, &in, 1);
	ops_ctx_van(r, NULL, &c);
	u = streefwaarde_maak(&c, &in, &id);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/streefwaarden/%lld", (long long)id));
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	ctx = sw_formulier(r, "Nieuwe streefwaarde", "/streefwaarden/nieuw",
	    NULL, c.fouten, NULL);
	c.fouten = NULL;
	if (ctx != NULL)
		resp_page(r, 422, "streefwaarde_formulier", ctx);
}

/* GET /streefwaarden/{id}/wijzigen: the form with the stored values and
 * the row version in a hidden field; 403 unless whoever may change the
 * targets of its keten. */
static void
pagina_wijzig(struct req *r)
{
	struct streefwaarde_rij rij;
	struct json_object *ctx;

	if (sw_huidig(r, &rij, NULL, NULL) != 0)
		return;
	if (!indicator_mag_beheren(&r->who, rij.keten_id)) {
		resp_problem(r, 403, "U stelt de streefwaarden van deze keten niet "
		    "vast.", NULL);
		return;
	}
	if ((ctx = sw_formulier(r, "Streefwaarde wijzigen", arena_printf(
	    r->arena, "/streefwaarden/%lld/wijzigen", (long long)rij.id), &rij,
	    NULL, NULL)) != NULL)
		resp_page(r, 200, "streefwaarde_formulier", ctx);
}

/*
 * POST /streefwaarden/{id}/wijzigen: the version from the hidden field. A
 * stale one (sent so, or overtaken while saving) is a conflict: 409 with
 * the form as typed, the target as it is now beside it and its version in
 * the hidden field, so that saving again is a choice made knowingly and
 * nothing typed is lost. 303 to the target after saving.
 */
static void
pagina_wijzig_post(struct req *r)
{
	static const char conflict[] = "Iemand anders heeft deze streefwaarde "
	    "intussen gewijzigd. Hierboven staat hoe zij nu is, hieronder wat u "
	    "invulde; controleer het en sla opnieuw op.";
	struct streefwaarde_invoer in;
	struct streefwaarde_rij rij;
	struct json_object *ctx;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t versie = 0;
	const char *vs = kv_get(&r->form, "versie");
	const char *actie;

	if (sw_huidig(r, &rij, NULL, NULL) != 0)
		return;
	actie = arena_printf(r->arena, "/streefwaarden/%lld/wijzigen",
	    (long long)rij.id);
	if (vs == NULL || getal_lees_str(vs, 1, INT32_MAX, &versie) != 0)
		versie = 0;
	sw_invoer(r, &in, 0);
	ops_ctx_van(r, NULL, &c);
	u = streefwaarde_wijzig(&c, &in, rij.id, versie);
	if (u == OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena,
			    "/streefwaarden/%lld", (long long)rij.id));
		return;
	}
	if (u == OPS_VEROUDERD) {
		/* Read it again: a change may have come in between. */
		tx_rollback(r);
		json_object_put(c.fouten);
		c.fouten = NULL;
		if (sw_huidig(r, &rij, NULL, NULL) != 0)
			return;
		if ((ctx = sw_formulier(r, "Streefwaarde wijzigen", actie, &rij,
		    NULL, conflict)) != NULL)
			resp_page(r, 409, "streefwaarde_formulier", ctx);
		return;
	}
	if (u != OPS_VELDEN) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	ctx = sw_formulier(r, "Streefwaarde wijzigen", actie, &rij, c.fouten,
	    NULL);
	c.fouten = NULL;
	if (ctx != NULL)
		resp_page(r, 422, "streefwaarde_formulier", ctx);
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
static const struct route routes[] = {
	{ "GET", "/streefwaarden", pagina_lijst, ACCESS_STURING, H, NULL },
	{ "GET", "/streefwaarden/nieuw", pagina_nieuw, ACCESS_CATALOGUS, H,
	  NULL },
	{ "POST", "/streefwaarden/nieuw", pagina_maak, ACCESS_CATALOGUS, HF,
	  NULL },
	{ "GET", "/streefwaarden/{id:int}", pagina_streefwaarde, ACCESS_STURING,
	  H, NULL },
	{ "GET", "/streefwaarden/{id:int}/wijzigen", pagina_wijzig,
	  ACCESS_CATALOGUS, H, NULL },
	{ "POST", "/streefwaarden/{id:int}/wijzigen", pagina_wijzig_post,
	  ACCESS_CATALOGUS, HF, NULL },
};
ROUTE_TABLE(routes_streefwaarden_pagina, routes);
