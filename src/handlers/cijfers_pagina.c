/*
 * cijfers_pagina.c — the pages of the figures (issue 10): per indicator a
 * table of the wijken and the total, with the uitsplitsing and the
 * previous period, and the records behind a number.
 *
 *   GET /cijfers?periode=&organisatie_id=&keten_id=
 *       the form (a GET: it works without JavaScript) and the tables;
 *       422 with the form again for a periode or id that is wrong
 *   GET /cijfers/herkomst?indicator_id=&periode=&organisatie_id=&wijk_id=
 *       &cursor=
 *       the inwoners a number counts, a page at a time; 403 for who sees
 *       aggregates only, 404 for anyone else; 422 (the form again) for a
 *       link that is wrong
 *
 * What a viewer may see is the figure service's decision (ops/cijfers.h),
 * exactly as for the JSON face (cijfers.c): this file reads the question,
 * offers the choices and writes the numbers as text. A withheld number
 * shows as "< 5" (the configured threshold), a value that does not exist
 * (a duur without pairs, a verhouding over 0) as "—"; zero is shown.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "domain/streefwaarde_uitleg.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/cijfers.h"
#include "store/indicator.h"
#include "store/structuur.h"

#define PAGINA		WZ_LIST_DEFAULT  /* records on a herkomst page */
#define POSITIE_MAX	1000000000LL     /* the largest herkomst cursor */
#define HALFJAREN	6                /* half-years the form offers */
#define JAREN		2                /* and years */

/* What the form offers: the organisaties (wijkteamorganisaties the
 * viewer may choose), the ketens and, for the names of the rows, every
 * wijk. In the request arena. */
struct opties {
	struct structuur_optie  *org, *keten, *wijk;
	size_t                   norg, nketen, nwijk;
};

/* What was chosen (or is chosen for the viewer when nothing was). */
struct keuze {
	struct periode  periode;
	int64_t         organisatie_id, keten_id;
};

static struct json_object *
tekst(const char *s)
{
	return tekst_of_null(s);
}

static int
periode_gelijk(const struct periode *a, const struct periode *b)
{
	return a->soort == b->soort && a->jaar == b->jaar && a->deel == b->deel;
}

/* The half-year and the year of today. */
static void
periode_nu(struct periode *halfjaar, struct periode *jaar)
{
	char d[11];
	long dag = 0;

	if (datum_lees_str(datum_vandaag(d), DATUM_JAAR_MIN, DATUM_JAAR_MAX,
	    &dag) != 0)
		dag = 0;
	*halfjaar = periode_van_dag(PERIODE_HALFJAAR, dag);
	*jaar = periode_van_dag(PERIODE_JAAR, dag);
}

/* The default: the last half-year that is over. */
static struct periode
periode_standaard(void)
{
	struct periode h, j;

	periode_nu(&h, &j);
	return periode_vorige(&h);
}

/* The option of id in k (nk), or NULL. */
static const struct structuur_optie *
optie_van(const struct structuur_optie *k, size_t nk, int64_t id)
{
	size_t i;

	for (i = 0; i < nk; i++)
		if (k[i].id == id)
			return &k[i];
	return NULL;
}

static const char *
naam_van(const struct structuur_optie *k, size_t nk, int64_t id)
{
	const struct structuur_optie *o = optie_van(k, nk, id);

	return o != NULL ? o->naam : NULL;
}

/* Moves the options for which voor() holds to the front, keeping the
 * order within both parts. */
static void
naar_voren(struct structuur_optie *k, size_t nk,
    int (*voor)(const void *arg, int64_t id), const void *arg)
{
	struct structuur_optie t;
	size_t i, j, vooraan = 0;

	for (i = 0; i < nk; i++) {
		if (!voor(arg, k[i].id))
			continue;
		t = k[i];
		for (j = i; j > vooraan; j--)
			k[j] = k[j - 1];
		k[vooraan++] = t;
	}
}

/* Whether id is an organisatie the viewer works for as a wijkteam. */
static int
eigen_org(const void *arg, int64_t id)
{
	const struct scope *s = arg;

	return (s->partijen & GP_WIJKTEAM) && scope_heeft(s, id);
}

/* Whether id is a keten of one of the viewer's regisseur grants. */
static int
eigen_keten(const void *arg, int64_t id)
{
	const struct principal *who = arg;
	size_t i;

	for (i = 0; i < who->ngrants; i++)
		if (who->grants[i].rol == ROL_REGISSEUR &&
		    who->grants[i].scope == SCOPE_KETEN &&
		    who->grants[i].scope_id == id)
			return 1;
	return 0;
}

/* The catalogue's actief berekende indicators. */
struct indicator_lijst {
	const struct indicator_rij  *ind;
	size_t                       n;
};

/* Whether keten id has one of them. */
static int
met_indicatoren(const void *arg, int64_t id)
{
	const struct indicator_lijst *l = arg;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->ind[i].keten_id == id)
			return 1;
	return 0;
}

/*
 * The choices of the form for this viewer: a teamleider or medewerker
 * their own organisatie(s); whoever sees aggregates every
 * wijkteamorganisatie (their own first); every keten, a regisseur's own
 * first, then those with berekende indicators. Returns 0, or -1 after
 * answering a database error.
 */
static int
opties_lees(struct req *r, const struct scope *s, struct opties *o)
{
	struct indicator_filter berekend = { 0, "berekend", 1 };
	struct indicator_lijst lijst;
	struct indicator_rij *ind;
	enum db_err rc;
	size_t i, n, nind;

	memset(o, 0, sizeof(*o));
	if ((rc = store_structuur_opties(r->db, r->arena, REF_WIJKTEAMORGANISATIE,
	    &o->org, &o->norg)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &o->keten,
	    &o->nketen)) != DB_OK ||
	    (rc = store_structuur_opties(r->db, r->arena, REF_WIJK, &o->wijk,
	    &o->nwijk)) != DB_OK) {
		fail_db(r, rc, "cijfers");
		return -1;
	}
	if (principal_sees_all_figures(&r->who))
		naar_voren(o->org, o->norg, eigen_org, s);
	else {
		for (i = n = 0; i < o->norg; i++)
			if (eigen_org(s, o->org[i].id))
				o->org[n++] = o->org[i];
		o->norg = n;
	}
	/* The ketens with berekende indicators first, then of those a
	 * regisseur's own: the first keten is the one shown unasked. */
	if ((rc = store_indicator_lijst(r->db, r->arena, &berekend, 0, 1000,
	    &ind, &nind)) != DB_OK) {
		fail_db(r, rc, "cijfers");
		return -1;
	}
	lijst.ind = ind;
	lijst.n = nind;
	naar_voren(o->keten, o->nketen, met_indicatoren, &lijst);
	naar_voren(o->keten, o->nketen, eigen_keten, &r->who);
	return 0;
}

/*
 * The form's three choices from the query, each defaulting to the first
 * choice offered (the periode: the last half-year that is over). A value
 * that is wrong, or an organisatie or keten the form does not offer, is a
 * field error; the choice then stays at its default.
 */
static void
keuze_lees(struct req *r, const struct opties *o, struct keuze *k,
    struct json_object *fouten)
{
	const char *p = kv_get(&r->query, "periode");
	int64_t org = query_id(r, "organisatie_id"), ket = query_id(r,
	    "keten_id");

	k->periode = periode_standaard();
	k->organisatie_id = o->norg > 0 ? o->org[0].id : 0;
	k->keten_id = o->nketen > 0 ? o->keten[0].id : 0;
	if (p != NULL && *p != '\0' && periode_lees_str(p, &k->periode) != 0) {
		k->periode = periode_standaard();
		fout_melding(fouten, "periode", "Dit is geen periode. Kies een "
		    "halfjaar of een jaar uit de lijst, bijvoorbeeld 2025-H1.");
	}
	if (org < 0 || (org > 0 && optie_van(o->org, o->norg, org) == NULL))
		fout_melding(fouten, "organisatie_id", "Kies een organisatie uit "
		    "de lijst.");
	else if (org > 0)
		k->organisatie_id = org;
	if (ket < 0 || (ket > 0 && optie_van(o->keten, o->nketen, ket) == NULL))
		fout_melding(fouten, "keten_id", "Kies een keten uit de lijst.");
	else if (ket > 0)
		k->keten_id = ket;
}

/* One option of the periode select. */
static void
periode_optie(struct req *r, struct json_object *arr, const struct periode *p,
    const struct periode *gekozen, int loopt)
{
	char code[PERIODE_CODE_MAX], label[PERIODE_LABEL_MAX];

	periode_code(p, code);
	periode_label(p, label, sizeof(label));
	/* A year's label is its code. */
	formveld_optie(arr, code, strcmp(label, code) == 0 ? arena_printf(
	    r->arena, "%s%s", label, loopt ? " (loopt nog)" : "") :
	    arena_printf(r->arena, "%s (%s%s)", label, code, loopt ?
	    ", loopt nog" : ""), periode_gelijk(p, gekozen));
}

/* A select of the veld partial with the options arr (ownership taken). */
static struct json_object *
keuzeveld(struct req *r, const char *naam, const char *label,
    const char *uitleg, struct json_object *fouten, struct json_object *arr)
{
	struct json_object *o = formveld(r, naam, label, 1, uitleg, fouten);

	json_object_object_add(o, "is_keuze", json_object_new_boolean(1));
	json_object_object_add(o, "opties", arr);
	return o;
}

/* The select of structure options k with id gekozen chosen. */
static struct json_object *
optieveld(struct req *r, const char *naam, const char *label,
    const char *uitleg, struct json_object *fouten,
    const struct structuur_optie *k, size_t nk, int64_t gekozen)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; i < nk; i++)
		formveld_optie(arr, arena_printf(r->arena, "%lld",
		    (long long)k[i].id), k[i].naam, k[i].id == gekozen);
	return keuzeveld(r, naam, label, uitleg, fouten, arr);
}

/* The form's fields: periode (the last six half-years and two years, the
 * running ones marked; a periode from the query that is not among them is
 * added), organisatie and keten. */
static struct json_object *
formulier_velden(struct req *r, const struct opties *o, const struct keuze *k,
    struct json_object *fouten)
{
	struct json_object *velden = json_object_new_array(), *arr;
	struct periode h, j, p;
	int gevonden = 0, i;

	periode_nu(&h, &j);
	arr = json_object_new_array();
	for (i = 0, p = h; i < HALFJAREN && periode_geldig(&p); i++) {
		periode_optie(r, arr, &p, &k->periode, i == 0);
		gevonden |= periode_gelijk(&p, &k->periode);
		p = periode_vorige(&p);
	}
	for (i = 0, p = j; i < JAREN && periode_geldig(&p); i++) {
		periode_optie(r, arr, &p, &k->periode, i == 0);
		gevonden |= periode_gelijk(&p, &k->periode);
		p = periode_vorige(&p);
	}
	if (!gevonden)
		periode_optie(r, arr, &k->periode, &k->periode, 0);
	json_object_array_add(velden, keuzeveld(r, "periode", "Periode",
	    "Een halfjaar of een jaar. Cijfers van een periode die nog loopt, "
	    "tellen tot en met vandaag.", fouten, arr));
	json_object_array_add(velden, optieveld(r, "organisatie_id",
	    "Organisatie", NULL, fouten, o->org, o->norg, k->organisatie_id));
	json_object_array_add(velden, optieveld(r, "keten_id", "Keten", NULL,
	    fouten, o->keten, o->nketen, k->keten_id));
	return velden;
}

/* ------------------------------------------------------------ numbers */

/*
 * v in units of schaal (1, or 10 for tenths) as Dutch text: a decimal
 * comma, a point between thousands ("1.234,5"). In the arena.
 */
static const char *
getal_tekst(struct req *r, int64_t v, int schaal)
{
	char t[GETAL_TEKST_MAX];

	return arena_strdup(r->arena, getal_schrijf(v, schaal, ',', '.', t));
}

/* A value with its unit, as a cell shows it: "12,5%", "9,0 dagen". */
static const char *
waarde_tekst(struct req *r, int64_t v, int schaal, const char *eenheid)
{
	const char *g = getal_tekst(r, v, schaal);

	if (eenheid == NULL)
		return g;
	if (strcmp(eenheid, "percentage") == 0)
		return arena_printf(r->arena, "%s%%", g);
	if (strcmp(eenheid, "dagen") == 0)
		return arena_printf(r->arena, "%s dagen", g);
	if (strcmp(eenheid, "fte") == 0)
		return arena_printf(r->arena, "%s fte", g);
	if (strcmp(eenheid, "euro") == 0)
		return arena_printf(r->arena, "€ %s", g);
	return g;
}

/*
 * One cell: withheld ("weg", the text "< drempel"), without a value
 * ("leeg") or a number ("getal", with "href" to its herkomst when
 * given). uitleg: what a screen reader hears after the link text.
 */
static struct json_object *
cel(struct req *r, int heeft, int weg, int64_t v, int schaal,
    const char *eenheid, int drempel, const char *href, const char *uitleg)
{
	struct json_object *o = json_object_new_object();

	if (weg) {
		json_object_object_add(o, "weg", json_object_new_boolean(1));
		json_object_object_add(o, "tekst", tekst(arena_printf(r->arena,
		    "< %d", drempel)));
	} else if (!heeft)
		json_object_object_add(o, "leeg", json_object_new_boolean(1));
	else {
		json_object_object_add(o, "getal", json_object_new_boolean(1));
		json_object_object_add(o, "tekst", tekst(waarde_tekst(r, v, schaal,
		    eenheid)));
		if (href != NULL) {
			json_object_object_add(o, "href", tekst(href));
			json_object_object_add(o, "uitleg", tekst(uitleg));
		}
	}
	return o;
}

/* ------------------------------------------------------------ tables */

/* The columns of an indicator's uitsplitsing: per uitsplitsing of its
 * rule a group of categories, each with its code and label. */
#define KOLOMMEN_MAX	64

struct kolommen {
	const char  *code[KOLOMMEN_MAX];
	size_t       n;
};

/* The label of an uitsplitsing as a whole. */
static const char *
groep_label(const struct regel_uitsplitsing *u)
{
	if (u->def == NULL)
		return "Stand van zaken aan het eind van de periode";
	return u->def->label;
}

/*
 * The header groups of ind's uitsplitsing ("groepen": [{label, aantal,
 * categorieen: [{label}]}]) and the category codes in column order (k).
 * The categories come from the rule (domain/indicator.h); when the rule
 * cannot be read, the codes of the first item stand as they are.
 */
static struct json_object *
groepen_json(const struct indicator_rij *ind, const struct cijfers_item *eerste,
    struct kolommen *k)
{
	struct json_object *groepen = json_object_new_array(), *g, *cats, *c;
	struct json_object *json, *fouten;
	struct indicator_regel regel;
	const char *const *cat;
	const char *label;
	size_t u, i, ncat;

	k->n = 0;
	json = ind->regel != NULL ? json_tokener_parse(ind->regel) : NULL;
	fouten = json_object_new_array();
	if (json != NULL && indicator_regel_lees(json, &regel, fouten) == 0) {
		for (u = 0; u < regel.nuitsplitsing; u++) {
			cat = indicator_categorieen(&regel.uitsplitsing[u], &ncat);
			cats = json_object_new_array();
			for (i = 0; i < ncat && k->n < KOLOMMEN_MAX; i++) {
				label = indicator_categorie_label(
				    &regel.uitsplitsing[u], cat[i]);
				c = json_object_new_object();
				json_object_object_add(c, "label", tekst(label != NULL ?
				    label : cat[i]));
				json_object_array_add(cats, c);
				k->code[k->n++] = cat[i];
			}
			g = json_object_new_object();
			json_object_object_add(g, "label", tekst(groep_label(
			    &regel.uitsplitsing[u])));
			json_object_object_add(g, "aantal", json_object_new_int64(
			    (int64_t)json_object_array_length(cats)));
			json_object_object_add(g, "categorieen", cats);
			json_object_array_add(groepen, g);
		}
	} else if (eerste != NULL && eerste->ndeel > 0) {
		cats = json_object_new_array();
		for (i = 0; i < eerste->ndeel && k->n < KOLOMMEN_MAX; i++) {
			c = json_object_new_object();
			json_object_object_add(c, "label", tekst(eerste->deel[i].code));
			json_object_array_add(cats, c);
			k->code[k->n++] = eerste->deel[i].code;
		}
		g = json_object_new_object();
		json_object_object_add(g, "label", tekst("Uitsplitsing"));
		json_object_object_add(g, "aantal", json_object_new_int64(
		    (int64_t)k->n));
		json_object_object_add(g, "categorieen", cats);
		json_object_array_add(groepen, g);
	}
	json_object_put(fouten);
	/* The labels and codes are static (domain/indicator.c); the rule's
	 * strings are not used after this. */
	json_object_put(json);
	return groepen;
}

/* The category code of it's uitsplitsing, or NULL. */
static const struct cijfers_deel *
deel_van(const struct cijfers_item *it, const char *code)
{
	size_t i;

	for (i = 0; i < it->ndeel; i++)
		if (strcmp(it->deel[i].code, code) == 0)
			return &it->deel[i];
	return NULL;
}

/* Where wijk's row goes: the wijken in the order of their names, a wijk
 * without a name after them, the total last. */
static size_t
rij_plaats(const struct opties *o, int64_t wijk)
{
	size_t i;

	if (wijk == 0)
		return o->nwijk + 1;
	for (i = 0; i < o->nwijk; i++)
		if (o->wijk[i].id == wijk)
			return i;
	return o->nwijk;
}

/* What one table needs besides its items. */
struct tabel {
	const struct opties  *o;
	const struct keuze   *k;
	struct periode        vorige;
	int                   exact;     /* herkomst links */
	int                   drempel;
};

/* The herkomst URL of ind for wijk (0: the total) in period p. */
static const char *
herkomst_href(struct req *r, const struct tabel *t, int64_t ind, int64_t wijk,
    const struct periode *p)
{
	char code[PERIODE_CODE_MAX];

	if (!t->exact)
		return NULL;
	return arena_printf(r->arena, "/cijfers/herkomst?indicator_id=%lld"
	    "&periode=%s&organisatie_id=%lld%s", (long long)ind,
	    periode_code(p, code), (long long)t->k->organisatie_id, wijk > 0 ?
	    arena_printf(r->arena, "&wijk_id=%lld", (long long)wijk) : "");
}

/*
 * The target of item it as this cell has it (pro rata for a telling) and
 * the status of the value against it, into row o: "streef" the short
 * form, "streef_uitleg" the sentence, "streef_href" its page; "status"
 * and its code ("status_code": op_koers, afwijking, or none). Without a
 * target the row says so ("Geen streefwaarde"); a withheld value's
 * status is withheld too.
 */
static void
streef_json(struct req *r, const struct cijfers_item *it,
    struct json_object *o)
{
	char kort[128], zin[STREEFWAARDE_UITLEG_MAX];

	if (it->streef.sw != NULL) {
		json_object_object_add(o, "streef", tekst(arena_strdup(r->arena,
		    streefwaarde_kort(&it->streef, kort, sizeof(kort)))));
		json_object_object_add(o, "streef_uitleg", tekst(arena_strdup(
		    r->arena, streefwaarde_uitleg(&it->streef, zin, sizeof(zin)))));
		json_object_object_add(o, "streef_href", tekst(arena_printf(
		    r->arena, "/streefwaarden/%lld", (long long)it->streef.sw->id)));
	}
	json_object_object_add(o, "status", tekst(streefwaarde_status_label(
	    it->streef.sw == NULL ? SW_GEEN_STREEFWAARDE : it->status)));
	json_object_object_add(o, "status_code", tekst(
	    streefwaarde_status_code(it->streef.sw == NULL ?
	    SW_GEEN_STREEFWAARDE : it->status)));
}

/* The row of item it: the wijk (or "Totaal"), the value, the categories
 * in the columns k, the previous period. */
static struct json_object *
rij_json(struct req *r, const struct tabel *t, const struct cijfers_item *it,
    const struct kolommen *k)
{
	struct json_object *o = json_object_new_object(), *cellen;
	const struct cijfers_deel *d;
	const char *wijk, *eenheid = it->ind->eenheid;
	size_t i;

	if (it->wijk_id == 0)
		wijk = "Totaal";
	else if ((wijk = naam_van(t->o->wijk, t->o->nwijk, it->wijk_id)) == NULL)
		wijk = arena_printf(r->arena, "Wijk %lld", (long long)it->wijk_id);
	json_object_object_add(o, "wijk", tekst(wijk));
	cellen = json_object_new_array();
	json_object_array_add(cellen, cel(r, it->heeft, it->weg, it->waarde,
	    it->schaal, eenheid, t->drempel, herkomst_href(r, t, it->ind->id,
	    it->wijk_id, &t->k->periode), arena_printf(r->arena,
	    "wie telt mee in %s", it->wijk_id ? wijk : "het totaal")));
	for (i = 0; i < k->n; i++) {
		d = deel_van(it, k->code[i]);
		json_object_array_add(cellen, cel(r, d != NULL, d != NULL &&
		    d->weg, d != NULL ? d->waarde : 0, 1, NULL, t->drempel, NULL,
		    NULL));
	}
	json_object_array_add(cellen, cel(r, it->vorige_heeft, it->vorige_weg,
	    it->vorige, it->schaal, eenheid, t->drempel, periode_geldig(
	    &t->vorige) ? herkomst_href(r, t, it->ind->id, it->wijk_id,
	    &t->vorige) : NULL, arena_printf(r->arena, "wie telde mee in %s, "
	    "vorige periode", it->wijk_id ? wijk : "het totaal")));
	json_object_object_add(o, "cellen", cellen);
	streef_json(r, it, o);
	return o;
}

/* The table of the n items it (one indicator: its wijken and the total). */
static struct json_object *
indicator_json(struct req *r, const struct tabel *t,
    const struct cijfers_item *it, size_t n)
{
	const struct indicator_rij *ind = it[0].ind;
	struct json_object *o = json_object_new_object(), *groepen, *rijen,
	    *totaal = NULL;
	struct kolommen k;
	size_t *volg, i, j, x;
	const char *eenheid;

	json_object_object_add(o, "id", json_object_new_int64(ind->id));
	json_object_object_add(o, "code", tekst(ind->code));
	json_object_object_add(o, "naam", tekst(ind->naam));
	json_object_object_add(o, "definitie", tekst(ind->definitie));
	json_object_object_add(o, "doel", tekst(ind->doel));
	eenheid = indicator_label(indicator_eenheden, ind->eenheid);
	json_object_object_add(o, "eenheid", tekst(eenheid != NULL ? eenheid :
	    ind->eenheid));
	groepen = groepen_json(ind, &it[0], &k);
	json_object_object_add(o, "heeft_groepen", json_object_new_boolean(
	    json_object_array_length(groepen) > 0));
	json_object_object_add(o, "groepen", groepen);
	/* The rows in the order of the wijken's names. */
	if ((volg = arena_calloc(r->arena, n + 1, sizeof(*volg))) == NULL) {
		json_object_put(o);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && rij_plaats(t->o, it[volg[j - 1]].wijk_id) >
		    rij_plaats(t->o, it[i].wijk_id); j--)
			volg[j] = volg[j - 1];
		volg[j] = i;
	}
	rijen = json_object_new_array();
	for (i = 0; i < n; i++) {
		x = volg[i];
		if (it[x].wijk_id == 0)
			totaal = rij_json(r, t, &it[x], &k);
		else
			json_object_array_add(rijen, rij_json(r, t, &it[x], &k));
	}
	json_object_object_add(o, "rijen", rijen);
	if (totaal != NULL)
		json_object_object_add(o, "totaal", totaal);
	return o;
}

/*
 * The figures page (status 200 or 422). fouten: the form's field errors;
 * linkfouten: what was wrong with a herkomst link (messages, shown above
 * the form); a: the figures, or NULL when there are none to show. Takes
 * ownership of fouten and linkfouten.
 */
static void
toon(struct req *r, int status, const struct opties *o, const struct keuze *k,
    struct json_object *fouten, struct json_object *linkfouten,
    const struct cijfers_antwoord *a)
{
	struct json_object *ctx = json_object_new_object(), *inds, *t;
	struct tabel tab;
	char label[PERIODE_LABEL_MAX];
	size_t i, j;

	json_object_object_add(ctx, "titel", tekst("Cijfers"));
	json_object_object_add(ctx, "velden", formulier_velden(r, o, k, fouten));
	json_object_object_add(ctx, "drempel", json_object_new_int(
	    r->cfg != NULL && r->cfg->kleine_aantallen > 1 ?
	    r->cfg->kleine_aantallen : 5));
	if (linkfouten != NULL && json_object_array_length(linkfouten) > 0) {
		json_object_object_add(ctx, "heeft_linkfouten",
		    json_object_new_boolean(1));
		json_object_object_add(ctx, "linkfouten", linkfouten);
	} else
		json_object_put(linkfouten);
	if (o->norg == 0)
		json_object_object_add(ctx, "geen_organisaties",
		    json_object_new_boolean(1));
	if (a != NULL) {
		memset(&tab, 0, sizeof(tab));
		tab.o = o;
		tab.k = k;
		tab.vorige = periode_vorige(&k->periode);
		tab.exact = a->zicht == ZICHT_EXACT;
		tab.drempel = json_object_get_int(json_object_object_get(ctx,
		    "drempel"));
		json_object_object_add(ctx, "getoond", json_object_new_boolean(1));
		json_object_object_add(ctx, "organisatie", tekst(naam_van(o->org,
		    o->norg, k->organisatie_id)));
		json_object_object_add(ctx, "keten", tekst(naam_van(o->keten,
		    o->nketen, k->keten_id)));
		json_object_object_add(ctx, "periode", tekst(periode_label(
		    &k->periode, label, sizeof(label))));
		json_object_object_add(ctx, "vorige_periode", tekst(periode_label(
		    &tab.vorige, label, sizeof(label))));
		json_object_object_add(ctx, a->zicht == ZICHT_EXACT ? "exact" :
		    a->zicht == ZICHT_AGGREGAAT ? "aggregaat" : "geen_zicht",
		    json_object_new_boolean(1));
		inds = json_object_new_array();
		for (i = 0; i < a->n; i = j) {
			for (j = i + 1; j < a->n && a->items[j].ind ==
			    a->items[i].ind; j++)
				;
			if ((t = indicator_json(r, &tab, &a->items[i], j - i)) ==
			    NULL) {
				json_object_put(inds);
				json_object_put(ctx);
				json_object_put(fouten);
				fail_db(r, DB_NOMEM, "cijfers");
				return;
			}
			json_object_array_add(inds, t);
		}
		if (json_object_array_length(inds) == 0 &&
		    a->zicht != ZICHT_GEEN)
			json_object_object_add(ctx, "geen_indicatoren",
			    json_object_new_boolean(1));
		json_object_object_add(ctx, "indicatoren", inds);
	}
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "cijfers", ctx);
}

static void
pagina_cijfers(struct req *r)
{
	struct json_object *fouten = json_object_new_array();
	struct cijfers_antwoord a;
	struct cijfers_vraag v;
	struct opties o;
	struct keuze k;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;

	if (registratie_scope(r, &s) != 0 || opties_lees(r, &s, &o) != 0) {
		json_object_put(fouten);
		return;
	}
	keuze_lees(r, &o, &k, fouten);
	if (json_object_array_length(fouten) > 0) {
		toon(r, 422, &o, &k, fouten, NULL, NULL);
		return;
	}
	if (k.organisatie_id == 0 || k.keten_id == 0) {
		toon(r, 200, &o, &k, fouten, NULL, NULL);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.periode = k.periode;
	v.organisatie_id = k.organisatie_id;
	v.keten_id = k.keten_id;
	v.drempel = r->cfg != NULL ? r->cfg->kleine_aantallen : 5;
	ops_ctx_van(r, &s, &c);
	u = cijfers_lees(&c, &v, &a);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK) {
		json_object_put(fouten);
		return;
	}
	toon(r, 200, &o, &k, fouten, NULL, &a);
}

/* ------------------------------------------------------------ herkomst */

/*
 * The question of a herkomst link: indicator_id, periode and
 * organisatie_id required, wijk_id and cursor (the position of the page's
 * first record) optional. Each problem is a message in fouten.
 */
static void
herkomst_vraag(struct req *r, struct cijfers_vraag *v, int64_t *vanaf,
    struct json_object *fouten)
{
	const char *p = kv_get(&r->query, "periode"),
	    *cs = kv_get(&r->query, "cursor");

	memset(v, 0, sizeof(*v));
	*vanaf = 0;
	if (p == NULL || *p == '\0' || periode_lees_str(p, &v->periode) != 0)
		json_object_array_add(fouten, tekst("De periode ontbreekt of "
		    "bestaat niet."));
	if ((v->indicator_id = query_id(r, "indicator_id")) <= 0)
		json_object_array_add(fouten, tekst("De indicator ontbreekt of is "
		    "geen id."));
	if ((v->organisatie_id = query_id(r, "organisatie_id")) <= 0)
		json_object_array_add(fouten, tekst("De organisatie ontbreekt of "
		    "is geen id."));
	if ((v->wijk_id = query_id(r, "wijk_id")) < 0)
		json_object_array_add(fouten, tekst("De wijk is geen id."));
	if (cs != NULL && *cs != '\0' && getal_lees_str(cs, 1, POSITIE_MAX,
	    vanaf) != 0)
		json_object_array_add(fouten, tekst("De pagina (cursor) is geen "
		    "positie uit een eerdere link."));
	v->drempel = r->cfg != NULL ? r->cfg->kleine_aantallen : 5;
}

/* The herkomst URL of the page from position vanaf. */
static const char *
herkomst_pagina(struct req *r, const struct cijfers_vraag *v, int64_t vanaf)
{
	char code[PERIODE_CODE_MAX];

	return arena_printf(r->arena, "/cijfers/herkomst?indicator_id=%lld"
	    "&periode=%s&organisatie_id=%lld%s%s", (long long)v->indicator_id,
	    periode_code(&v->periode, code), (long long)v->organisatie_id,
	    v->wijk_id > 0 ? arena_printf(r->arena, "&wijk_id=%lld",
	    (long long)v->wijk_id) : "", vanaf > 0 ? arena_printf(r->arena,
	    "&cursor=%lld", (long long)vanaf) : "");
}

/* One record as the page shows it. */
static struct json_object *
herkomst_rij(struct req *r, const struct cijfers_herkomst *h,
    const struct periode *p)
{
	struct json_object *o = json_object_new_object();
	const struct gebeurtenis_type *t = gebeurtenis_type_find(h->type);
	char d[11];

	json_object_object_add(o, "inwoner_id", json_object_new_int64(
	    h->inwoner_id));
	json_object_object_add(o, "naam", tekst(h->naam));
	if (h->gebeurtenis_id > 0) {
		json_object_object_add(o, "type", tekst(t != NULL ? t->label :
		    h->type));
		json_object_object_add(o, "datum", tekst(arena_strdup(r->arena,
		    datum_tekst(h->dag, d))));
	} else {
		json_object_object_add(o, "type", tekst("Stand aan het eind van de "
		    "periode"));
		json_object_object_add(o, "datum", tekst(arena_strdup(r->arena,
		    datum_tekst(periode_laatste_dag(p), d))));
	}
	if (h->traject_id > 0)
		json_object_object_add(o, "traject_id", json_object_new_int64(
		    h->traject_id));
	return o;
}

static void
pagina_herkomst(struct req *r)
{
	struct json_object *fouten = json_object_new_array(), *ctx, *rijen;
	struct cijfers_herkomst *h;
	struct cijfers_vraag v;
	struct indicator_rij ind;
	struct opties o;
	struct keuze k;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	enum db_err rc;
	char label[PERIODE_LABEL_MAX];
	const char *wijk;
	int64_t vanaf;
	size_t i, n;
	int meer = 0, gevonden = 0;

	herkomst_vraag(r, &v, &vanaf, fouten);
	if (registratie_scope(r, &s) != 0 || opties_lees(r, &s, &o) != 0) {
		json_object_put(fouten);
		return;
	}
	if (json_object_array_length(fouten) > 0) {
		/* The form again, with what it can keep of the link. */
		memset(&k, 0, sizeof(k));
		k.periode = periode_geldig(&v.periode) ? v.periode :
		    periode_standaard();
		k.organisatie_id = optie_van(o.org, o.norg, v.organisatie_id) ?
		    v.organisatie_id : o.norg > 0 ? o.org[0].id : 0;
		k.keten_id = o.nketen > 0 ? o.keten[0].id : 0;
		toon(r, 422, &o, &k, NULL, fouten, NULL);
		return;
	}
	json_object_put(fouten);
	ops_ctx_van(r, &s, &c);
	u = cijfers_herkomst(&c, &v, (size_t)vanaf, PAGINA, &h, &n, &meer);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	if ((rc = store_indicator_lees(r->db, r->arena, v.indicator_id, &ind,
	    &gevonden)) != DB_OK) {
		fail_db(r, rc, "herkomst");
		return;
	}
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", tekst("Herkomst van een cijfer"));
	if (gevonden) {
		json_object_object_add(ctx, "indicator", tekst(ind.naam));
		json_object_object_add(ctx, "definitie", tekst(ind.definitie));
	}
	json_object_object_add(ctx, "organisatie", tekst(naam_van(o.org, o.norg,
	    v.organisatie_id)));
	wijk = v.wijk_id > 0 ? naam_van(o.wijk, o.nwijk, v.wijk_id) : NULL;
	if (v.wijk_id > 0)
		json_object_object_add(ctx, "wijk", tekst(wijk != NULL ? wijk :
		    arena_printf(r->arena, "wijk %lld", (long long)v.wijk_id)));
	json_object_object_add(ctx, "periode", tekst(periode_label(&v.periode,
	    label, sizeof(label))));
	json_object_object_add(ctx, "terug", tekst(arena_printf(r->arena,
	    "/cijfers?periode=%s&organisatie_id=%lld%s",
	    periode_code(&v.periode, label), (long long)v.organisatie_id,
	    gevonden && ind.keten_id > 0 ? arena_printf(r->arena,
	    "&keten_id=%lld", (long long)ind.keten_id) : "")));
	rijen = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(rijen, herkomst_rij(r, &h[i], &v.periode));
	json_object_object_add(ctx, "aantal", json_object_new_int64((int64_t)n));
	json_object_object_add(ctx, "rijen", rijen);
	if (vanaf > 0)
		json_object_object_add(ctx, "vorige", tekst(herkomst_pagina(r, &v,
		    vanaf > PAGINA ? vanaf - PAGINA : 0)));
	if (meer)
		json_object_object_add(ctx, "volgende", tekst(herkomst_pagina(r, &v,
		    vanaf + PAGINA)));
	resp_page(r, 200, "cijfers_herkomst", ctx);
}

#define H	ROUTE_HTML
static const struct route routes[] = {
	{ "GET", "/cijfers", pagina_cijfers, ACCESS_CIJFERS, H, NULL },
	{ "GET", "/cijfers/herkomst", pagina_herkomst, ACCESS_CIJFERS, H, NULL },
};
ROUTE_TABLE(routes_cijfers_pagina, routes);
