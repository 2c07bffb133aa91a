/*
 * rapportage_json.c — see rapportage_json.h.
 *
 * A withheld number is null and its key is listed in the value's
 * onderdrukt, as the figure routes do it (cijfers.c).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/periode.h"
#include "domain/rapportage.h"
#include "domain/streefwaarde.h"
#include "domain/workflow.h"
#include "handlers/cijfer_json.h"
#include "handlers/common.h"
#include "handlers/rapportage_json.h"
#include "http/request.h"
#include "ops/rapportage.h"

static void
zet(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

static void
zet_tekst(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, tekst_of_null(v));
}

/* The last day to submit: indientermijn_dagen after the periode. */
static const char *
uiterste(struct req *r, const struct rapportage_rij *k)
{
	struct periode p;
	char d[11];

	if (periode_lees_str(k->periode, &p) != 0)
		return NULL;
	return arena_strdup(r->arena, datum_tekst(periode_laatste_dag(&p) +
	    k->indientermijn_dagen, d));
}

struct json_object *
rapportage_kop_json(struct req *r, const struct rapportage_rij *k)
{
	struct json_object *o = json_object_new_object(), *m;
	const char *dl = uiterste(r, k);

	zet(o, "id", json_object_new_int64(k->id));
	zet(o, "versie", json_object_new_int64(k->versie));
	zet(o, "format_id", json_object_new_int64(k->format_id));
	zet_tekst(o, "format", k->format);
	zet(o, "formatversie_id", json_object_new_int64(k->formatversie_id));
	zet(o, "formatversie_nummer", json_object_new_int64(k->nummer));
	zet(o, "keten_id", json_object_new_int64(k->keten_id));
	zet_tekst(o, "keten", k->keten);
	zet(o, "organisatie_id", json_object_new_int64(k->organisatie_id));
	zet_tekst(o, "organisatie", k->organisatie);
	zet_tekst(o, "periode", k->periode);
	zet_tekst(o, "status", k->status);
	zet(o, "ronde", json_object_new_int(k->ronde));
	zet_tekst(o, "uiterste_indiendatum", dl);
	/* Late: submitted (or still not) after the deadline. */
	{
		char vandaag[11];
		const char *ref = k->ingediend_op != NULL ? k->ingediend_op :
		    datum_vandaag(vandaag);

		zet(o, "te_laat", json_object_new_boolean(dl != NULL &&
		    strncmp(ref, dl, 10) > 0));
	}
	zet_tekst(o, "aangemaakt", k->aangemaakt);
	zet_tekst(o, "ingediend_op", k->ingediend_op);
	zet_tekst(o, "ingediend_door", k->ingediend_door);
	zet_tekst(o, "vastgesteld_op", k->vastgesteld_op);
	zet_tekst(o, "vastgesteld_door", k->vastgesteld_door);
	zet_tekst(o, "terugkoppeling", k->terugkoppeling);
	zet(o, "open_vragen", json_object_new_int64(k->open_vragen));
	m = NULL;
	if (k->midden_in_periode) {
		m = json_object_new_object();
		zet_tekst(m, "reden", k->publicatie_reden);
		zet_tekst(m, "gepubliceerd_op", k->gepubliceerd_op);
	}
	zet(o, "midden_in_periode", m);
	/* A newer version of the format applies to this periode than the one
	 * the rapportage was started on: its number and its reason. */
	m = NULL;
	if (k->geldend_id > 0 && k->geldend_id != k->formatversie_id) {
		m = json_object_new_object();
		zet(m, "formatversie_id", json_object_new_int64(k->geldend_id));
		zet(m, "nummer", json_object_new_int64(k->geldend_nummer));
		zet_tekst(m, "reden", k->geldend_reden);
	}
	zet(o, "nieuwere_versie", m);
	return o;
}

static const char *
zicht_code(enum cijfer_zicht z)
{
	return z == ZICHT_EXACT ? "exact" : "aggregaat";
}

struct json_object *
rapportage_waarde_json(struct req *r, const struct rapportage_cel *cel)
{
	const struct rapportage_waarde_rij *w = cel->rij;
	struct json_object *o = json_object_new_object(), *weg, *b, *u;
	char sleutel[96];
	size_t k;

	weg = json_object_new_array();
	zet(o, "id", json_object_new_int64(w->id));
	zet(o, "versie", json_object_new_int64(w->versie));
	zet(o, "item_id", json_object_new_int64(w->item_id));
	zet_tekst(o, "sectie", w->sectie_titel);
	zet(o, "indicator_id", json_object_new_int64(w->indicator_id));
	zet_tekst(o, "indicator_code", cel->ind != NULL ? cel->ind->code : NULL);
	zet_tekst(o, "indicator_naam", cel->ind != NULL ? cel->ind->naam : NULL);
	zet_tekst(o, "eenheid", cel->ind != NULL ? cel->ind->eenheid : NULL);
	zet_tekst(o, "bron", cel->ind != NULL ? cel->ind->bron : NULL);
	zet_tekst(o, "aanleverende_partij", cel->ind != NULL ? cel->ind->partij :
	    NULL);
	zet(o, "wijk_id", id_of_null(w->wijk_id));
	zet_tekst(o, "wijk", w->wijk);
	zet_tekst(o, "herkomst", cel->herkomst);
	if (cel->weg)
		json_object_array_add(weg, json_object_new_string("waarde"));
	zet(o, "waarde", cel->heeft && !cel->weg && cel->tekst == NULL ?
	    cijfer_getal_json(cel->waarde, STREEFWAARDE_SCHAAL) : NULL);
	zet_tekst(o, "tekst", cel->heeft ? cel->tekst : NULL);
	b = NULL;
	if (cel->berekend) {
		const struct cijfers_item *it = &cel->item;

		b = json_object_new_object();
		if (it->weg)
			json_object_array_add(weg, json_object_new_string(
			    "berekend.waarde"));
		zet(b, "waarde", it->heeft && !it->weg ?
		    cijfer_getal_json(it->waarde, it->schaal) : NULL);
		u = json_object_new_object();
		for (k = 0; k < it->ndeel; k++) {
			zet(u, it->deel[k].code, it->deel[k].weg ? NULL :
			    json_object_new_int64(it->deel[k].waarde));
			if (it->deel[k].weg) {
				snprintf(sleutel, sizeof(sleutel),
				    "berekend.uitsplitsing.%s", it->deel[k].code);
				json_object_array_add(weg, json_object_new_string(
				    sleutel));
			}
		}
		zet(b, "uitsplitsing", u);
	}
	zet(o, "berekend", b);
	if (cel->vorige_weg)
		json_object_array_add(weg, json_object_new_string(
		    "vorige_periode"));
	zet(o, "vorige_periode", cel->vorige_heeft && !cel->vorige_weg ?
	    cijfer_getal_json(cel->vorige, STREEFWAARDE_SCHAAL) : NULL);
	zet(o, "streefwaarde", streefwaarde_cel_json(&cel->streef));
	if (cel->status == SW_ONDERDRUKT)
		json_object_array_add(weg, json_object_new_string("status"));
	zet(o, "status", tekst_of_null(streefwaarde_status_code(cel->status)));
	zet(o, "toelichting_nodig", json_object_new_boolean(
	    cel->toelichting_nodig != RAP_GEEN));
	zet_tekst(o, "toelichting_reden", rapportage_reden_tekst(
	    cel->toelichting_nodig));
	zet_tekst(o, "toelichting", w->toelichting);
	zet_tekst(o, "reden", w->reden);
	zet(o, "niet_te_leveren", json_object_new_boolean(w->niet_te_leveren));
	zet_tekst(o, "niet_te_leveren_reden", w->niet_te_leveren_reden);
	zet_tekst(o, "ketenpartner_reden", cel->kp_reden);
	zet_tekst(o, "gewijzigd_door", w->gewijzigd_door);
	zet_tekst(o, "gewijzigd_op", w->gewijzigd_op);
	zet(o, "onderdrukt", weg);
	(void)r;
	return o;
}

static struct json_object *
antwoord_json(const struct rapportage_antwoord_rij *a)
{
	struct json_object *o = json_object_new_object();

	zet(o, "id", json_object_new_int64(a->id));
	zet(o, "versie", json_object_new_int64(a->versie));
	zet(o, "item_id", json_object_new_int64(a->item_id));
	zet_tekst(o, "sectie", a->sectie_titel);
	zet_tekst(o, "soort", a->soort);
	zet(o, "eis_id", id_of_null(a->eis_id));
	zet_tekst(o, "eis_code", a->eis_code);
	zet_tekst(o, "omschrijving", strcmp(a->soort, "eis") == 0 ?
	    a->eis_omschrijving : a->vraag);
	zet_tekst(o, "antwoord", a->antwoord);
	zet_tekst(o, "toelichting", a->toelichting);
	zet_tekst(o, "beoordeling", a->beoordeling);
	zet_tekst(o, "beoordeling_toelichting", a->beoordeling_toelichting);
	zet_tekst(o, "gewijzigd_door", a->gewijzigd_door);
	zet_tekst(o, "gewijzigd_op", a->gewijzigd_op);
	return o;
}

static struct json_object *
vraag_json(const struct rapportage_vraag_rij *q)
{
	struct json_object *o = json_object_new_object();

	zet(o, "id", json_object_new_int64(q->id));
	zet(o, "versie", json_object_new_int64(q->versie));
	zet(o, "waarde_id", id_of_null(q->waarde_id));
	zet(o, "antwoord_id", id_of_null(q->antwoord_id));
	zet_tekst(o, "vraag", q->vraag);
	zet_tekst(o, "gesteld_door", q->gesteld_door);
	zet_tekst(o, "gesteld_op", q->gesteld_op);
	zet_tekst(o, "antwoord", q->antwoord);
	zet_tekst(o, "beantwoord_door", q->beantwoord_door);
	zet_tekst(o, "beantwoord_op", q->beantwoord_op);
	return o;
}

static struct json_object *
historie_json(const struct rapportage_historie_rij *h)
{
	struct json_object *o = json_object_new_object();

	zet_tekst(o, "actie", h->actie);
	zet_tekst(o, "van", h->van);
	zet_tekst(o, "naar", h->naar);
	zet_tekst(o, "door", h->door);
	zet_tekst(o, "op", h->op);
	zet_tekst(o, "reden", h->reden);
	return o;
}

static struct json_object *
revisie_json(const struct rapportage_revisie_rij *v)
{
	struct json_object *o = json_object_new_object(), *weg;

	weg = json_object_new_array();
	if (v->oud_weg)
		json_object_array_add(weg, json_object_new_string("oud"));
	if (v->nieuw_weg)
		json_object_array_add(weg, json_object_new_string("nieuw"));
	zet(o, "waarde_id", json_object_new_int64(v->waarde_id));
	zet(o, "ronde", json_object_new_int(v->ronde));
	zet(o, "oud", v->oud_heeft && !v->oud_weg ? (v->oud_tekst != NULL ?
	    json_object_new_string(v->oud_tekst) : decimaal_json(v->oud)) :
	    NULL);
	zet(o, "nieuw", v->nieuw_heeft && !v->nieuw_weg ? (v->nieuw_tekst != NULL ?
	    json_object_new_string(v->nieuw_tekst) : decimaal_json(v->nieuw)) :
	    NULL);
	zet_tekst(o, "gewijzigd_door", v->gewijzigd_door);
	zet_tekst(o, "gewijzigd_op", v->gewijzigd_op);
	zet_tekst(o, "reden", v->reden);
	zet_tekst(o, "vastgesteld_op", v->vastgesteld_op);
	zet(o, "onderdrukt", weg);
	return o;
}

/* Revision markers are shown on the rapportage as a whole and, when they
 * concern a value, with that value; values carry them for a reader who
 * looks at one value. */
struct json_object *
rapportage_json(struct req *r, const struct rapportage_weergave *v)
{
	const struct workflow_stap *st[8];
	struct json_object *o = rapportage_kop_json(r, &v->r), *a;
	size_t i, n;

	zet_tekst(o, "zicht", zicht_code(v->zicht));
	a = json_object_new_array();
	n = workflow_acties(&rapportage_workflow, v->r.status, v->rollen, st, 8);
	for (i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(st[i]->actie));
	zet(o, "acties", a);
	zet(o, "bewerken", json_object_new_boolean(v->bewerken));
	a = json_object_new_array();
	for (i = 0; i < v->ncellen; i++)
		json_object_array_add(a, rapportage_waarde_json(r, &v->cellen[i]));
	zet(o, "waarden", a);
	a = json_object_new_array();
	for (i = 0; i < v->nantwoorden; i++)
		json_object_array_add(a, antwoord_json(&v->antwoorden[i]));
	zet(o, "eisen", a);
	a = json_object_new_array();
	for (i = 0; i < v->nvragen; i++)
		json_object_array_add(a, vraag_json(&v->vragen[i]));
	zet(o, "vragen", a);
	a = json_object_new_array();
	for (i = 0; i < v->nhistorie; i++)
		json_object_array_add(a, historie_json(&v->historie[i]));
	zet(o, "historie", a);
	zet(o, "laatste_stap", v->nhistorie > 0 ?
	    historie_json(&v->historie[v->nhistorie - 1]) : NULL);
	a = json_object_new_array();
	for (i = 0; i < v->nrevisies; i++)
		json_object_array_add(a, revisie_json(&v->revisies[i]));
	zet(o, "revisies", a);
	return o;
}
