/*
 * gebeurtenis_pagina.c — the page form for registering a gebeurtenis of an
 * inwoner: first a choice of the types this party registers, then the
 * fields of the chosen type (its payload as radio groups, selects and
 * inputs; for a correctie, the event it voids), and the POST that turns
 * the form into the input of gebeurtenis_maak (ops/registratie.h). Apart
 * from registratie_pagina.c because an event's form is built from the
 * gebeurtenistype table (domain/gebeurtenis.h), a job of its own; the
 * form page, the inwoner of the path and the answer after the operation
 * are that file's (registratie_pagina.h).
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "handlers/registratie_pagina.h"
#include "http/request.h"
#include "store/structuur.h"

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

		if (tekst_is(v->naam, "vervalt_id") && events != NULL) {
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
				    lid_tekst(g, "type"));

				if (gt == NULL || (gt->vlag & GT_VOLGT_VERVALLEN) ||
				    json_object_object_get(g, "vervallen_door") != NULL)
					continue;
				keuze[n].id = json_object_get_int64(
				    json_object_object_get(g, "id"));
				keuze[n].naam = arena_printf(r->arena, "%s van %s",
				    gt->label, lid_tekst(g, "datum"));
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

	if (registratie_scope(r, &s) != 0 ||
	    (inw = inwoner_van_pad(r, &s, "inzien")) == NULL) {
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
		registratie_formulier(r, 200, "Gebeurtenis registreren",
		    lid_tekst(inw, "naam"), route_param_int(&r->match, "id"),
		    r->path, json_object_new_array(), fouten, 0, "Verder", NULL,
		    extra);
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
			    lid_tekst(x, "soort_label"), lid_tekst(x, "wijkteam"),
			    lid_tekst(x, "startdatum"));
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
	registratie_formulier(r, status, t->label, lid_tekst(inw, "naam"),
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

	if (onderdeel_scope(r, &s) != 0)
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
	{ "GET", INW "/gebeurtenissen/nieuw", pagina_gebeurtenis_nieuw,
	  ACCESS_KETEN, H, NULL },
	{ "POST", INW "/gebeurtenissen/nieuw", pagina_gebeurtenis_maak,
	  ACCESS_KETEN, HF, NULL },
};
ROUTE_TABLE(routes_gebeurtenis_pagina, routes);
