/*
 * format_analyse.c — comparing two versions of a format and the coverage
 * and burden of one, in the JSON API (issue 11).
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET /api/v1/formats/{id}/versies/{nummer}/verschil?met={nummer}
 *       200 {van, naar, toegevoegd, verwijderd, gewijzigd, lijn};
 *       400 (met missing or no nummer); 403 (ketenpartner); 404
 *   GET /api/v1/formats/{id}/versies/{nummer}/dekking
 *       200 {versie, eerste_periode, eisen_zonder_indicator,
 *       indicatoren_zonder_doel, indicatoren_zonder_eis,
 *       indicatoren_zonder_streefwaarde, registratielast}; 403; 404
 *
 * Who may read which version is the operation's (ops/format_analyse.h);
 * this file only reads the request and shapes the answer. Never echoes a
 * query value back.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/getal.h"
#include "handlers/common.h"
#include "handlers/format_analyse.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/format.h"
#include "ops/format_analyse.h"

/* The largest nummer (formatversie.nummer is INT UNSIGNED). */
#define NUMMER_MAX	4294967295LL

/* An item of a version as JSON (the caller owns it): every field of its
 * soort, so that a client can show what changed. */
static struct json_object *
item_json(const struct fv_item *i)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "soort", json_object_new_string(
	    fv_soort_code(i->soort)));
	json_object_object_add(o, "sectie", tekst_of_null(i->sectie));
	switch (i->soort) {
	case FV_INDICATOR:
		json_object_object_add(o, "indicator_id",
		    json_object_new_int64(i->indicator_id));
		json_object_object_add(o, "code", tekst_of_null(i->code));
		json_object_object_add(o, "naam", tekst_of_null(i->naam));
		json_object_object_add(o, "definitie", tekst_of_null(i->definitie));
		json_object_object_add(o, "doel", tekst_of_null(i->doel));
		json_object_object_add(o, "eenheid", tekst_of_null(i->eenheid));
		json_object_object_add(o, "bron", tekst_of_null(i->bron));
		json_object_object_add(o, "aanleverende_partij",
		    tekst_of_null(i->partij));
		json_object_object_add(o, "regel", i->regel != NULL ?
		    json_tokener_parse(i->regel) : NULL);
		break;
	case FV_EIS:
		json_object_object_add(o, "eis_id", json_object_new_int64(i->eis_id));
		json_object_object_add(o, "code", tekst_of_null(i->eis_code));
		json_object_object_add(o, "omschrijving",
		    tekst_of_null(i->eis_omschrijving));
		break;
	case FV_VRAAG:
		json_object_object_add(o, "vraag", tekst_of_null(i->vraag));
		break;
	}
	return o;
}

static struct json_object *
items_json(const struct fv_item *const *items, size_t n)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(a, item_json(items[i]));
	return a;
}

/* The code a change is known by: the indicator's or the eis's; null for
 * a vraag (its text is in van and naar). */
static struct json_object *
wijziging_code(const struct fv_item *i)
{
	if (i->soort == FV_INDICATOR)
		return tekst_of_null(i->code);
	if (i->soort == FV_EIS)
		return tekst_of_null(i->eis_code);
	return NULL;
}

static struct json_object *
verschil_json(const struct formatversie_rij *van, const struct formatversie_rij *naar,
    const struct fv_verschil *d)
{
	struct json_object *o = json_object_new_object(), *a, *w, *v;
	const struct fv_item *l;
	size_t i, k;

	json_object_object_add(o, "van", json_object_new_int64(van->nummer));
	json_object_object_add(o, "naar", json_object_new_int64(naar->nummer));
	json_object_object_add(o, "toegevoegd",
	    items_json(d->toegevoegd, d->ntoegevoegd));
	json_object_object_add(o, "verwijderd",
	    items_json(d->verwijderd, d->nverwijderd));
	a = json_object_new_array();
	for (i = 0; i < d->ngewijzigd; i++) {
		w = json_object_new_object();
		json_object_object_add(w, "soort", json_object_new_string(
		    fv_soort_code(d->gewijzigd[i].naar->soort)));
		json_object_object_add(w, "code",
		    wijziging_code(d->gewijzigd[i].naar));
		v = json_object_new_array();
		for (k = 0; k < FV_VELDEN; k++)
			if (d->gewijzigd[i].velden & (1u << k))
				json_object_array_add(v, json_object_new_string(
				    fv_veld_naam(k)));
		json_object_object_add(w, "velden", v);
		json_object_object_add(w, "van", item_json(d->gewijzigd[i].van));
		json_object_object_add(w, "naar", item_json(d->gewijzigd[i].naar));
		json_object_array_add(a, w);
	}
	json_object_object_add(o, "gewijzigd", a);
	a = json_object_new_array();
	for (i = 0; i < d->nlijn; i++) {
		l = d->lijn[i];
		w = json_object_new_object();
		json_object_object_add(w, "indicator_id",
		    json_object_new_int64(l->indicator_id));
		json_object_object_add(w, "code", tekst_of_null(l->code));
		json_object_object_add(w, "lijn", tekst_of_null(l->lijn));
		json_object_object_add(w, "vorige_indicator_id", l->vorige_id > 0 ?
		    json_object_new_int64(l->vorige_id) : NULL);
		json_object_object_add(w, "vorige_code", tekst_of_null(
		    l->vorige_code));
		json_object_array_add(a, w);
	}
	json_object_object_add(o, "lijn", a);
	return o;
}

/* GET …/versies/{nummer}/verschil?met={nummer}: a caller who may read
 * no versions is refused first (403); then met is required, a nummer
 * (400 otherwise, before anything is read). */
static void
api_verschil(struct req *r)
{
	const char *m = kv_get(&r->query, "met");
	struct formatversie_rij van, naar;
	struct fv_verschil d;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t met = 0;

	if (!format_mag_lezen(&r->who)) {
		resp_problem(r, 403, NULL, NULL);
		return;
	}
	if (m == NULL || getal_lees_str(m, 1, NUMMER_MAX, &met) != 0) {
		resp_problem(r, 400, "Geef met de versie om mee te vergelijken: "
		    "met=1 bijvoorbeeld.", NULL);
		return;
	}
	ops_ctx_van(r, NULL, &c);
	u = format_verschil_lees(&c, route_param_int(&r->match, "id"),
	    route_param_int(&r->match, "nummer"), met, &van, &naar, &d);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		resp_json(r, 200, verschil_json(&van, &naar, &d));
}

static struct json_object *
indicatoren_json(const struct fd_indicator *const *l, size_t n)
{
	struct json_object *a = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "indicator_id",
		    json_object_new_int64(l[i]->id));
		json_object_object_add(o, "code", tekst_of_null(l[i]->code));
		json_object_object_add(o, "naam", tekst_of_null(l[i]->naam));
		json_object_object_add(o, "bron", tekst_of_null(l[i]->bron));
		json_object_array_add(a, o);
	}
	return a;
}

/* The reasons of a niet-te-leveren row, one per line, as a list. */
static struct json_object *
redenen_json(const char *s)
{
	struct json_object *a = json_object_new_array();
	const char *e;

	while (s != NULL && *s != '\0') {
		e = strchr(s, '\n');
		json_object_array_add(a, json_object_new_string_len(s,
		    e != NULL ? (int)(e - s) : (int)strlen(s)));
		s = e != NULL ? e + 1 : NULL;
	}
	return a;
}

struct json_object *
niet_te_leveren_json(const struct fa_ntl *x, size_t n)
{
	struct json_object *a = json_object_new_array(), *e;
	size_t i;

	for (i = 0; i < n; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "indicator_id", json_object_new_int64(
		    x[i].indicator_id));
		json_object_object_add(e, "code", tekst_of_null(x[i].code));
		json_object_object_add(e, "naam", tekst_of_null(x[i].naam));
		json_object_object_add(e, "aantal", json_object_new_int64(
		    x[i].aantal));
		json_object_object_add(e, "redenen", redenen_json(x[i].redenen));
		json_object_array_add(a, e);
	}
	return a;
}

static struct json_object *
dekking_json(const struct formatversie_rij *v, const struct format_dekking *d)
{
	struct json_object *o = json_object_new_object(), *a, *e, *l;
	size_t i;

	json_object_object_add(o, "versie", json_object_new_int64(v->nummer));
	json_object_object_add(o, "eerste_periode",
	    tekst_of_null(v->eerste_periode));
	a = json_object_new_array();
	for (i = 0; i < d->neisen_zonder_indicator; i++) {
		const struct fd_eis *x = d->eisen_zonder_indicator[i];

		e = json_object_new_object();
		json_object_object_add(e, "eis_id", json_object_new_int64(x->id));
		json_object_object_add(e, "code", tekst_of_null(x->code));
		json_object_object_add(e, "omschrijving",
		    tekst_of_null(x->omschrijving));
		json_object_object_add(e, "bron", tekst_of_null(x->bron));
		json_object_object_add(e, "opdracht", tekst_of_null(x->opdracht));
		json_object_array_add(a, e);
	}
	json_object_object_add(o, "eisen_zonder_indicator", a);
	json_object_object_add(o, "indicatoren_zonder_doel",
	    indicatoren_json(d->zonder_doel, d->nzonder_doel));
	json_object_object_add(o, "indicatoren_zonder_eis",
	    indicatoren_json(d->zonder_eis, d->nzonder_eis));
	json_object_object_add(o, "indicatoren_zonder_streefwaarde",
	    indicatoren_json(d->zonder_streefwaarde, d->nzonder_streefwaarde));
	l = json_object_new_object();
	json_object_object_add(l, "berekend",
	    json_object_new_int64((int64_t)d->last.berekend));
	json_object_object_add(l, "handmatig",
	    json_object_new_int64((int64_t)d->last.handmatig));
	json_object_object_add(l, "ketenpartner",
	    json_object_new_int64((int64_t)d->last.ketenpartner));
	json_object_object_add(l, "eisen",
	    json_object_new_int64((int64_t)d->last.eisen));
	json_object_object_add(l, "vragen",
	    json_object_new_int64((int64_t)d->last.vragen));
	json_object_object_add(l, "handmatig_per_wijk",
	    json_object_new_int64(d->last.handmatig_per_wijk));
	json_object_object_add(o, "registratielast", l);
	return o;
}

/* GET …/versies/{nummer}/dekking. */
static void
api_dekking(struct req *r)
{
	struct format_dekking d;
	struct formatversie_rij v;
	struct fa_ntl *ntl = NULL;
	struct json_object *o;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t nntl = 0;

	ops_ctx_van(r, NULL, &c);
	u = format_dekking_lees(&c, route_param_int(&r->match, "id"),
	    route_param_int(&r->match, "nummer"), &v, &d);
	if (u == OPS_OK)
		u = format_niet_te_leveren_lees(&c, route_param_int(&r->match,
		    "id"), route_param_int(&r->match, "nummer"), &ntl, &nntl);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	o = dekking_json(&v, &d);
	json_object_object_add(o, "niet_te_leveren", niet_te_leveren_json(ntl,
	    nntl));
	resp_json(r, 200, o);
}

#define J	ROUTE_JSON
static const struct route routes[] = {
	{ "GET", "/api/v1/formats/{id:int}/versies/{nummer:int}/verschil",
	  api_verschil, ACCESS_INGELOGD, J, NULL },
	{ "GET", "/api/v1/formats/{id:int}/versies/{nummer:int}/dekking",
	  api_dekking, ACCESS_INGELOGD, J, NULL },
};
ROUTE_TABLE(routes_format_analyse, routes);
