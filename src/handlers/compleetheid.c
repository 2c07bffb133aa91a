/*
 * compleetheid.c — completeness and timeliness of rapportages (issue 12):
 * the JSON API and its page.
 *
 *   GET /api/v1/compleetheid?keten_id=&periode=   200; 400 without a keten
 *        or a periode; 403 (ops/compleetheid.h: a regisseur of another
 *        keten, a medewerker, ...); 404 no such keten
 *   GET /compleetheid?keten_id=&periode=          the same as a table, with
 *        a GET form to choose the keten and periode (no JavaScript needed)
 *
 * Who sees what is the operation's (ops/compleetheid.h); the gate lets in
 * regisseur, contractmanager, auditor and teamleider (ACCESS_COMPLEETHEID).
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/limits.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "handlers/cijfer_json.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/compleetheid.h"
#include "store/structuur.h"

static const char *
partij_naam(const char *p)
{
	const char *l = veld_optie_label(indicator_partijen, p);

	return l != NULL ? l : p != NULL ? p : "onbekend";
}

static struct json_object *
regel_json(const struct compleetheid_regel *g)
{
	struct json_object *o = json_object_new_object(), *kp, *x;
	const struct compleetheid_rap *rp = g->rap;
	size_t i;

	json_object_object_add(o, "organisatie_id",
	    json_object_new_int64(g->org->id));
	json_object_object_add(o, "organisatie", tekst_of_leeg(g->org->naam));
	json_object_object_add(o, "rapportage_id", id_of_null(rp ? rp->id : 0));
	json_object_object_add(o, "rapportage_formatversie_id",
	    id_of_null(rp ? rp->formatversie_id : 0));
	json_object_object_add(o, "status", rp ? tekst_of_null(rp->status) :
	    NULL);
	json_object_object_add(o, "ingediend",
	    json_object_new_boolean(g->ingediend));
	json_object_object_add(o, "ingediend_op", rp ?
	    tekst_of_null(rp->ingediend_op) : NULL);
	json_object_object_add(o, "tijdigheid", json_object_new_string(
	    compleetheid_tijdig_code(g->tijdig)));
	json_object_object_add(o, "vastgesteld_op", rp && rp->status != NULL &&
	    strcmp(rp->status, "vastgesteld") == 0 ?
	    tekst_of_null(rp->vastgesteld_op) : NULL);
	json_object_object_add(o, "ketenpartnerwaarden_ontbreken",
	    json_object_new_int64(g->kp_ontbreekt));
	kp = json_object_new_array();
	for (i = 0; i < g->nkp; i++) {
		x = json_object_new_object();
		json_object_object_add(x, "aanleverende_partij",
		    tekst_of_leeg(g->kp[i].partij));
		json_object_object_add(x, "verwacht",
		    json_object_new_int64(g->kp[i].verwacht));
		json_object_object_add(x, "ontbreekt",
		    json_object_new_int64(g->kp[i].ontbreekt));
		json_object_array_add(kp, x);
	}
	json_object_object_add(o, "ketenpartnerwaarden", kp);
	return o;
}

static struct json_object *
totalen_json(const struct compleetheid_format *f)
{
	struct json_object *t = json_object_new_object();

	json_object_object_add(t, "organisaties",
	    json_object_new_int64((int64_t)f->nregels));
	json_object_object_add(t, "niet_gestart",
	    json_object_new_int64((int64_t)f->niet_gestart));
	json_object_object_add(t, "ingediend",
	    json_object_new_int64((int64_t)f->ingediend));
	json_object_object_add(t, "op_tijd",
	    json_object_new_int64((int64_t)f->op_tijd));
	json_object_object_add(t, "te_laat",
	    json_object_new_int64((int64_t)f->te_laat));
	json_object_object_add(t, "vastgesteld",
	    json_object_new_int64((int64_t)f->vastgesteld));
	return t;
}

static struct json_object *
compleetheid_json(const struct compleetheid *k)
{
	struct json_object *o = json_object_new_object(), *fs, *f, *rs;
	size_t i, j;

	json_object_object_add(o, "keten_id", json_object_new_int64(k->keten_id));
	json_object_object_add(o, "keten", tekst_of_leeg(k->keten));
	json_object_object_add(o, "periode", tekst_of_leeg(k->periode));
	json_object_object_add(o, "eerste_dag", tekst_of_leeg(k->eerste_dag));
	json_object_object_add(o, "laatste_dag", tekst_of_leeg(k->laatste_dag));
	json_object_object_add(o, "alle_organisaties",
	    json_object_new_boolean(k->alles));
	fs = json_object_new_array();
	for (i = 0; i < k->nformats; i++) {
		const struct compleetheid_format *x = &k->formats[i];
		const struct compleetheid_versie *v = x->versie;

		f = json_object_new_object();
		json_object_object_add(f, "format_id",
		    json_object_new_int64(v->format_id));
		json_object_object_add(f, "format", tekst_of_leeg(v->format));
		json_object_object_add(f, "formatversie_id",
		    json_object_new_int64(v->formatversie_id));
		json_object_object_add(f, "versie_nummer",
		    json_object_new_int64(v->nummer));
		json_object_object_add(f, "eerste_periode",
		    tekst_of_leeg(v->eerste_periode));
		json_object_object_add(f, "indientermijn_dagen",
		    json_object_new_int(v->indientermijn_dagen));
		json_object_object_add(f, "termijn", tekst_of_leeg(v->termijn));
		json_object_object_add(f, "termijn_verstreken",
		    json_object_new_boolean(v->verstreken));
		json_object_object_add(f, "totalen", totalen_json(x));
		rs = json_object_new_array();
		for (j = 0; j < x->nregels; j++)
			json_object_array_add(rs, regel_json(&x->regels[j]));
		json_object_object_add(f, "organisaties", rs);
		json_object_array_add(fs, f);
	}
	json_object_object_add(o, "formats", fs);
	return o;
}

/* keten_id and periode of the query: 0 and the periode's code, or -1
 * (with a message) when one is absent or invalid. */
static int
vraag_lees(struct req *r, int64_t *keten, const char **periode,
    const char **fout)
{
	const char *p = kv_get(&r->query, "periode");
	struct periode x;

	*fout = NULL;
	*periode = NULL;
	if ((*keten = query_id(r, "keten_id")) <= 0) {
		*fout = "Kies een keten (keten_id).";
		return -1;
	}
	if (p == NULL || *p == '\0' || periode_lees_str(p, &x) != 0) {
		*fout = "Vul een periode in, bijvoorbeeld 2024-H1.";
		return -1;
	}
	*periode = p;
	return 0;
}

static void
api_compleetheid(struct req *r)
{
	struct compleetheid k;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *periode, *fout;
	int64_t keten;

	if (vraag_lees(r, &keten, &periode, &fout) != 0) {
		resp_problem(r, 400, fout, NULL);
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = compleetheid_lees(&c, keten, periode, &k);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		resp_json(r, 200, compleetheid_json(&k));
}

/* ---- the page ----------------------------------------------------- */

static const char *
status_label(const struct compleetheid_regel *g)
{
	if (g->rap == NULL || g->rap->status == NULL)
		return "Niet gestart";
	if (strcmp(g->rap->status, "concept") == 0)
		return "Concept";
	if (strcmp(g->rap->status, "ingediend") == 0)
		return "Ingediend";
	return "Vastgesteld";
}

static const char *
tijdig_label(enum compleetheid_tijdig t)
{
	switch (t) {
	case TIJDIG_OP_TIJD:
		return "Op tijd";
	case TIJDIG_TE_LAAT:
		return "Te laat";
	case TIJDIG_OPEN:
		break;
	}
	return "Termijn loopt nog";
}

static struct json_object *
regel_pagina(struct req *r, const struct compleetheid_regel *g)
{
	struct json_object *o = json_object_new_object(), *kp, *x;
	const struct compleetheid_rap *rp = g->rap;
	size_t i;

	json_object_object_add(o, "organisatie", tekst_of_leeg(g->org->naam));
	if (rp != NULL)
		json_object_object_add(o, "href", tekst_of_leeg(arena_printf(
		    r->arena, "/rapportages/%lld", (long long)rp->id)));
	json_object_object_add(o, "status", tekst_of_leeg(status_label(g)));
	json_object_object_add(o, "tijdigheid",
	    tekst_of_leeg(tijdig_label(g->tijdig)));
	if (g->tijdig == TIJDIG_TE_LAAT)
		json_object_object_add(o, "te_laat", json_object_new_boolean(1));
	if (g->ingediend && rp->ingediend_op != NULL) {
		json_object_object_add(o, "ingediend_op",
		    tekst_of_leeg(rp->ingediend_op));
		json_object_object_add(o, "ingediend_tekst",
		    tekst_of_leeg(pagina_tijd(r, rp->ingediend_op)));
	}
	if (rp != NULL && strcmp(rp->status, "vastgesteld") == 0 &&
	    rp->vastgesteld_op != NULL) {
		json_object_object_add(o, "vastgesteld_op",
		    tekst_of_leeg(rp->vastgesteld_op));
		json_object_object_add(o, "vastgesteld_tekst",
		    tekst_of_leeg(pagina_tijd(r, rp->vastgesteld_op)));
	}
	kp = json_object_new_array();
	for (i = 0; i < g->nkp; i++) {
		if (g->kp[i].ontbreekt == 0)
			continue;
		x = json_object_new_object();
		json_object_object_add(x, "tekst", tekst_of_leeg(arena_printf(
		    r->arena, "%lld van %lld ontbreken — aan te leveren door %s",
		    (long long)g->kp[i].ontbreekt, (long long)g->kp[i].verwacht,
		    partij_naam(g->kp[i].partij))));
		json_object_array_add(kp, x);
	}
	if (json_object_array_length(kp) > 0)
		json_object_object_add(o, "ontbreekt", kp);
	else
		json_object_put(kp);
	json_object_object_add(o, "kp_compleet", json_object_new_boolean(
	    g->nkp > 0 && g->kp_ontbreekt == 0));
	return o;
}

static void
pagina_compleetheid(struct req *r)
{
	struct structuur_optie *ketens;
	struct json_object *ctx, *opties, *fs, *f, *rs, *o;
	struct compleetheid k;
	struct ops_ctx c;
	enum ops_uitkomst u;
	const char *periode, *fout, *pq = kv_get(&r->query, "periode");
	int64_t keten;
	enum db_err rc;
	size_t nk, i, j;
	int gevraagd = kv_get(&r->query, "keten_id") != NULL || pq != NULL;

	if ((rc = store_structuur_opties(r->db, r->arena, REF_KETEN, &ketens,
	    &nk)) != DB_OK) {
		fail_db(r, rc, "compleetheid");
		return;
	}
	if (vraag_lees(r, &keten, &periode, &fout) != 0)
		keten = query_id(r, "keten_id");
	ctx = json_object_new_object();
	opties = json_object_new_array();
	for (i = 0; i < nk; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "waarde", json_object_new_int64(
		    ketens[i].id));
		json_object_object_add(o, "label", tekst_of_leeg(ketens[i].naam));
		if (ketens[i].id == keten)
			json_object_object_add(o, "gekozen",
			    json_object_new_boolean(1));
		json_object_array_add(opties, o);
	}
	json_object_object_add(ctx, "ketens", opties);
	json_object_object_add(ctx, "periode", tekst_of_leeg(pq));
	if (fout != NULL) {
		if (gevraagd)
			json_object_object_add(ctx, "filterfout",
			    tekst_of_leeg(fout));
		resp_page(r, gevraagd ? 400 : 200, "compleetheid", ctx);
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = compleetheid_lees(&c, keten, periode, &k);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK) {
		json_object_put(ctx);
		return;
	}
	json_object_object_add(ctx, "getoond", json_object_new_boolean(1));
	json_object_object_add(ctx, "keten", tekst_of_leeg(k.keten));
	json_object_object_add(ctx, "periode_label",
	    tekst_of_leeg(pagina_periode(r, k.periode)));
	if (!k.alles)
		json_object_object_add(ctx, "alleen_eigen",
		    json_object_new_boolean(1));
	fs = json_object_new_array();
	for (i = 0; i < k.nformats; i++) {
		const struct compleetheid_format *x = &k.formats[i];

		f = json_object_new_object();
		json_object_object_add(f, "nr", json_object_new_int64(
		    (int64_t)i + 1));
		json_object_object_add(f, "format", tekst_of_leeg(x->versie->format));
		json_object_object_add(f, "versie", json_object_new_int64(
		    x->versie->nummer));
		json_object_object_add(f, "termijn", tekst_of_leeg(
		    x->versie->termijn));
		json_object_object_add(f, "dagen", json_object_new_int(
		    x->versie->indientermijn_dagen));
		json_object_object_add(f, "samenvatting", tekst_of_leeg(
		    arena_printf(r->arena, "%zu organisaties: %zu ingediend "
		    "(%zu op tijd), %zu vastgesteld, %zu niet gestart, %zu te laat.",
		    x->nregels, x->ingediend, x->op_tijd, x->vastgesteld,
		    x->niet_gestart, x->te_laat)));
		rs = json_object_new_array();
		for (j = 0; j < x->nregels; j++)
			json_object_array_add(rs, regel_pagina(r, &x->regels[j]));
		json_object_object_add(f, "regels", rs);
		if (x->nregels > 0)
			json_object_object_add(f, "heeft_regels",
			    json_object_new_boolean(1));
		json_object_array_add(fs, f);
	}
	json_object_object_add(ctx, "formats", fs);
	if (k.nformats == 0)
		json_object_object_add(ctx, "geen_formats",
		    json_object_new_boolean(1));
	resp_page(r, 200, "compleetheid", ctx);
}

#define J	ROUTE_JSON
static const struct route routes[] = {
	{ "GET", "/api/v1/compleetheid", api_compleetheid, ACCESS_COMPLEETHEID, J,
	  NULL },
	{ "GET", "/compleetheid", pagina_compleetheid, ACCESS_COMPLEETHEID,
	  ROUTE_HTML,
	  NULL },
};
ROUTE_TABLE(routes_compleetheid, routes);
