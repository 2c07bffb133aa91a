/*
 * beheer.c — the structure a beheerder maintains: the seven resources
 * (organisaties, wijken, wijkteams, ketens, thema's, opdrachten, eisen),
 * reading and checking their input, writing them with their audit row, the
 * JSON API, and the route table of this part (pages: beheer_pagina.c;
 * budgets: beheer_budget.c).
 *
 * JSON routes (statuses each may answer; all may also answer 500/503):
 *   GET  /api/v1/<res>            200 {items, volgende}; 400 bad limit/cursor; 401
 *   POST /api/v1/<res>            201 + Location; 400 not an object or bad
 *                                 Idempotency-Key; 401; 403; 409 same key in
 *                                 flight; 422 field errors (also a taken
 *                                 code or an unknown reference)
 *   GET  /api/v1/<res>/{id}       200 + ETag; 401; 404
 *   PUT  /api/v1/<res>/{id}       200 + ETag; 400; 401; 403; 404; 412 stale
 *                                 If-Match; 422; 428 without If-Match
 * Reading is for every signed-in user (structure is not personal data);
 * writing is for the beheerder (the route table says so, not this code).
 *
 * Nothing is deleted: a record is ended by giving it a geldig_tot.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "db/db.h"
#include "handlers/beheer.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "http/request.h"
#include "http/response.h"

#define MAX_LIJST	500     /* most ids in one VELD_LIJST value */

/* ------------------------------------------------------------ resources */

static const struct veld_optie organisatie_soorten[] = {
	{ "wijkteamorganisatie", "Wijkteamorganisatie" },
	{ "ketenpartner", "Ketenpartner" },
	{ "afdeling", "Afdeling" },
	{ NULL, NULL },
};
static const struct veld_optie keten_partijen[] = {
	{ "werkom", "Werkom" },
	{ "uitkeringen", "Uitkeringen" },
	{ "naleving", "Naleving" },
	{ NULL, NULL },
};
static const struct veld_optie opdracht_soorten[] = {
	{ "breed", "Brede opdracht" },
	{ "aanvullend", "Aanvullende opdracht" },
	{ NULL, NULL },
};
static const struct veld_optie financieringen[] = {
	{ "lumpsum", "Lumpsum" },
	{ "incidenteel", "Incidenteel" },
	{ "rijksmiddelen", "Rijksmiddelen" },
	{ NULL, NULL },
};
static const struct veld_optie eis_bronnen[] = {
	{ "pve", "Programma van Eisen" },
	{ "uvo", "Uitvoeringsovereenkomst" },
	{ NULL, NULL },
};

#define CODE	{ "code", "Code", VELD_CODE, 32, VELD_VERPLICHT, NULL, 0, \
		  "Hoofdletters, cijfers en streepjes, bijvoorbeeld WT-ZDO." }
#define NAAM	{ "naam", "Naam", VELD_TEKST, 200, VELD_VERPLICHT, NULL, 0, NULL }
#define VAN	{ "geldig_van", "Geldig van", VELD_DATUM, 0, VELD_VERPLICHT, NULL, \
		  0, "Als JJJJ-MM-DD." }
#define TOT	{ "geldig_tot", "Geldig tot en met", VELD_DATUM, 0, 0, NULL, 0, \
		  "Leeg zolang het geldt. Vul een datum in om te beëindigen; " \
		  "er wordt nooit iets verwijderd." }
#define KETEN	{ "keten_id", "Keten", VELD_REF, 0, VELD_VERPLICHT, NULL, \
		  REF_KETEN, NULL }
/* An opdracht's keten is optional here: the brede opdracht spans every
 * keten and has none, an aanvullende opdracht has one. The operation
 * (ops/structuur.c) holds the rule, for every face. */
#define KETEN_OPDRACHT \
		{ "keten_id", "Keten", VELD_REF, 0, 0, NULL, REF_KETEN, \
		  "Leeg voor de brede opdracht: die omvat alle ketens. Een " \
		  "aanvullende opdracht hoort bij één keten." }

static const struct veld organisatie_velden[] = {
	CODE, NAAM,
	{ "soort", "Soort", VELD_KEUZE, 0, VELD_VERPLICHT, organisatie_soorten, 0,
	  NULL },
	{ "keten_partij", "Partij in de keten", VELD_KEUZE, 0, 0, keten_partijen, 0,
	  "Alleen voor Werkom en de afdelingen Uitkeringen en Naleving: welke "
	  "stappen hun medewerkers registreren en welke inwoners zij zien." },
	VAN, TOT,
};
static const struct veld wijk_velden[] = { CODE, NAAM, VAN, TOT };

/* In the column order of ops/structuur.h (STRUCTUUR_WT_*): the
 * wijkteam's own columns, then its links, then the date they change. */
static const struct veld wijkteam_velden[] = {
	CODE, NAAM, VAN, TOT,
	{ "organisatie_id", "Organisatie", VELD_REF, 0, VELD_VERPLICHT, NULL,
	  REF_WIJKTEAMORGANISATIE, "De wijkteamorganisatie die het wijkteam uitvoert." },
	{ "wijk_ids", "Wijken", VELD_REF, 0, VELD_VERPLICHT | VELD_LIJST, NULL,
	  REF_WIJK, NULL },
	{ "wijziging_per", "Wijziging van organisatie of wijken gaat in op",
	  VELD_DATUM, 0, VELD_BIJ_WIJZIGEN, NULL, 0,
	  "Als JJJJ-MM-DD; leeg is vandaag. De oude koppeling eindigt de dag "
	  "ervoor en blijft in de historie." },
};
static const struct veld keten_velden[] = {
	CODE, NAAM,
	{ "opgave", "Opgave", VELD_TEKST, 200, VELD_VERPLICHT, NULL, 0,
	  "Bijvoorbeeld Kansengelijkheid of Gezondheid." },
	VAN, TOT,
};
static const struct veld thema_velden[] = { CODE, NAAM, KETEN, VAN, TOT };
static const struct veld opdracht_velden[] = {
	CODE, NAAM,
	{ "soort", "Soort", VELD_KEUZE, 0, VELD_VERPLICHT, opdracht_soorten, 0, NULL },
	KETEN_OPDRACHT,
	{ "financiering", "Financiering", VELD_KEUZE, 0, VELD_VERPLICHT,
	  financieringen, 0, NULL },
	VAN, TOT,
};
static const struct veld eis_velden[] = {
	{ "opdracht_id", "Opdracht", VELD_REF, 0, VELD_VERPLICHT, NULL,
	  REF_OPDRACHT, NULL },
	{ "code", "Code", VELD_CODE, 32, VELD_VERPLICHT, NULL, 0,
	  "Uniek binnen de opdracht, bijvoorbeeld P-1." },
	{ "omschrijving", "Omschrijving", VELD_LANGE_TEKST, 2000, VELD_VERPLICHT,
	  NULL, 0, NULL },
	{ "bron", "Bron", VELD_KEUZE, 0, VELD_VERPLICHT, eis_bronnen, 0, NULL },
	VAN, TOT,
};

static enum db_err wijkteam_historie(struct req *, int64_t, struct json_object *);
static enum db_err keten_regisseurs(struct req *, int64_t, struct json_object *);
static enum db_err opdracht_budgetten(struct req *, int64_t, struct json_object *);

#define VELDEN(v)	v, sizeof(v) / sizeof(v[0])

const struct bron bronnen[SOORT__N] = {
	[SOORT_ORGANISATIE] = { "organisaties", "organisatie", "Organisaties",
	    "Nieuwe organisatie", "De organisatie", SOORT_ORGANISATIE,
	    VELDEN(organisatie_velden), 6, NULL },
	[SOORT_WIJK] = { "wijken", "wijk", "Wijken", "Nieuwe wijk", "De wijk",
	    SOORT_WIJK, VELDEN(wijk_velden), 4, NULL },
	[SOORT_WIJKTEAM] = { "wijkteams", "wijkteam", "Wijkteams", "Nieuw wijkteam",
	    "Het wijkteam", SOORT_WIJKTEAM, VELDEN(wijkteam_velden), 6,
	    wijkteam_historie },
	[SOORT_KETEN] = { "ketens", "keten", "Ketens", "Nieuwe keten", "De keten",
	    SOORT_KETEN, VELDEN(keten_velden), 5, keten_regisseurs },
	[SOORT_THEMA] = { "themas", "thema", "Thema's", "Nieuw thema", "Het thema",
	    SOORT_THEMA, VELDEN(thema_velden), 5, NULL },
	[SOORT_OPDRACHT] = { "opdrachten", "opdracht", "Opdrachten",
	    "Nieuwe opdracht", "De opdracht", SOORT_OPDRACHT,
	    VELDEN(opdracht_velden), 7, opdracht_budgetten },
	[SOORT_EIS] = { "eisen", "eis", "Eisen", "Nieuwe eis", "De eis", SOORT_EIS,
	    VELDEN(eis_velden), 6, NULL },
};

/* ------------------------------------------------------------ input */

/* A list field of the wrong shape: its error. Returns -1. */
static int
lijst_vorm(struct req *r, const struct veld *f, struct structuur_invoer *in)
{
	in->nlijst_ruw = 0;
	fout_melding(in->fouten, f->naam, arena_printf(r->arena, "%s moet een lijst "
	    "van hoogstens %d nummers (id's) zijn.", f->label, MAX_LIJST));
	return -1;
}

/* The raw elements of a VELD_LIJST field: a JSON array of ids. Returns -1
 * (with a field error added) for a value of the wrong shape. */
static int
lijst_uit_json(struct req *r, const struct veld *f, struct structuur_invoer *in)
{
	struct json_object *arr = NULL;
	size_t i, n;
	int bad;

	json_object_object_get_ex(r->json, f->naam, &arr);
	if (arr != NULL && !json_object_is_type(arr, json_type_null) &&
	    !json_object_is_type(arr, json_type_array))
		return lijst_vorm(r, f, in);
	n = arr != NULL && json_object_is_type(arr, json_type_array) ?
	    json_object_array_length(arr) : 0;
	if (n > MAX_LIJST ||
	    (in->lijst_ruw = arena_calloc(r->arena, n + 1, sizeof(char *))) == NULL)
		return lijst_vorm(r, f, in);
	for (i = 0; i < n; i++) {
		in->lijst_ruw[i] = json_tekst(json_object_array_get_idx(arr, i), &bad);
		if (bad || in->lijst_ruw[i] == NULL)
			return lijst_vorm(r, f, in);
	}
	in->nlijst_ruw = n;
	return 0;
}

/* The same of a form: the field repeated (checkboxes). */
static int
lijst_uit_form(struct req *r, const struct veld *f, struct structuur_invoer *in)
{
	size_t i, n = 0;

	for (i = 0; i < r->form.n; i++)
		if (strcmp(r->form.items[i].key, f->naam) == 0)
			n++;
	if (n > MAX_LIJST ||
	    (in->lijst_ruw = arena_calloc(r->arena, n + 1, sizeof(char *))) == NULL)
		return lijst_vorm(r, f, in);
	for (i = 0, n = 0; i < r->form.n; i++)
		if (strcmp(r->form.items[i].key, f->naam) == 0)
			in->lijst_ruw[n++] = r->form.items[i].val;
	in->nlijst_ruw = n;
	return 0;
}

/* One field as text: of the JSON body (*bad for a value that is not text
 * or a number) or of the form. */
static const char *
tekst_uit_json(struct req *r, const char *naam, int *bad)
{
	struct json_object *v = NULL;

	json_object_object_get_ex(r->json, naam, &v);
	return json_tekst(v, bad);
}

/* A form field as text: a form holds only strings, so nothing is ever of the
 * wrong type (*bad 0), unlike a JSON member. */
static const char *
tekst_uit_form(struct req *r, const char *naam, int *bad)
{
	*bad = 0;
	return kv_get(&r->form, naam);
}

/* How a face's body is read: its fields as text, its list fields. */
struct invoer_bron {
	const char *(*tekst)(struct req *, const char *naam, int *bad);
	int         (*lijst)(struct req *, const struct veld *,
			struct structuur_invoer *);
};

static const struct invoer_bron uit_json = { tekst_uit_json, lijst_uit_json };
static const struct invoer_bron uit_form = { tekst_uit_form, lijst_uit_form };

/* Checks the elements of a VELD_LIJST field into in->lijst (unique ids). */
static int
lijst_lees(struct req *r, const struct veld *f, struct structuur_invoer *in)
{
	struct veld_waarde w;
	enum veld_fout fout;
	size_t i, j;

	if ((in->lijst = arena_calloc(r->arena, in->nlijst_ruw + 1,
	    sizeof(int64_t))) == NULL) {
		fout_toevoegen(in->fouten, f->naam, f, VELD_GEEN_ID);
		return -1;
	}
	in->nlijst = 0;
	for (i = 0; i < in->nlijst_ruw; i++) {
		if ((fout = veld_lees(f, in->lijst_ruw[i], &w)) != VELD_OK || w.leeg) {
			fout_toevoegen(in->fouten, f->naam, f, fout != VELD_OK ? fout :
			    VELD_GEEN_ID);
			return -1;
		}
		for (j = 0; j < in->nlijst && in->lijst[j] != w.getal; j++)
			;
		if (j == in->nlijst)
			in->lijst[in->nlijst++] = w.getal;
	}
	if (in->nlijst == 0 && (f->vlag & VELD_VERPLICHT)) {
		fout_toevoegen(in->fouten, f->naam, f, VELD_ONTBREEKT);
		return -1;
	}
	return 0;
}

/* Whether every reference points at something; adds errors. Returns -1 on
 * a database error (answered). */
static int
refs_bestaan(struct req *r, const struct bron *b, struct structuur_invoer *in,
    const int *fout)
{
	struct ops_ctx c;
	enum ops_uitkomst u;

	ops_ctx_van(r, NULL, &c);
	if ((u = structuur_refs_toets(&c, b->velden, b->nvelden, in, fout)) ==
	    OPS_OK) {
		json_object_put(c.fouten);
		return 0;
	}
	antwoord_uitkomst(r, &c, u);
	return -1;
}

/* Reads the fields of b through bron into in; see invoer_uit_json. */
static int
invoer_lees(struct req *r, const struct bron *b, const struct invoer_bron *bron,
    int wijzigen, struct structuur_invoer *in)
{
	int fout[BRON_MAX_VELDEN] = { 0 }, bad;
	const struct veld *f;
	struct veld_waarde w;
	enum veld_fout vf;
	size_t i, van = b->nvelden, tot = b->nvelden;

	in->fouten = json_object_new_array();
	for (i = 0; i < b->nvelden; i++) {
		f = &b->velden[i];
		if ((f->vlag & VELD_BIJ_WIJZIGEN) && !wijzigen)
			continue;
		if (strcmp(f->naam, "geldig_van") == 0)
			van = i;
		else if (strcmp(f->naam, "geldig_tot") == 0)
			tot = i;
		if (f->vlag & VELD_LIJST) {
			fout[i] = bron->lijst(r, f, in) != 0 ||
			    lijst_lees(r, f, in) != 0;
			continue;
		}
		in->ruw[i] = bron->tekst(r, f->naam, &bad);
		if (bad) {
			fout_melding(in->fouten, f->naam, arena_printf(r->arena,
			    "%s heeft een verkeerd type: stuur tekst of een getal.",
			    f->label));
			fout[i] = 1;
			continue;
		}
		if ((vf = veld_lees(f, in->ruw[i], &w)) != VELD_OK) {
			fout_toevoegen(in->fouten, f->naam, f, vf);
			fout[i] = 1;
			continue;
		}
		in->tekst[i] = w.leeg ? NULL : arena_strndup(r->arena, w.tekst, w.len);
		in->getal[i] = w.getal;
	}
	if (van < b->nvelden && tot < b->nvelden && !fout[van] && !fout[tot] &&
	    !veld_periode_ok(in->tekst[van], in->tekst[tot])) {
		fout_toevoegen(in->fouten, b->velden[tot].naam, &b->velden[tot],
		    VELD_VOOR_BEGIN);
		fout[tot] = 1;
	}
	if (refs_bestaan(r, b, in, fout) != 0) {
		invoer_vrij(in);
		return -1;
	}
	return 0;
}

int
invoer_uit_json(struct req *r, const struct bron *b, int wijzigen,
    struct structuur_invoer *in)
{
	memset(in, 0, sizeof(*in));
	if (!json_object_is_type(r->json, json_type_object)) {
		resp_problem(r, 400, "Stuur de gegevens als één JSON-object.", NULL);
		return -1;
	}
	return invoer_lees(r, b, &uit_json, wijzigen, in);
}

int
invoer_uit_form(struct req *r, const struct bron *b, int wijzigen,
    struct structuur_invoer *in)
{
	memset(in, 0, sizeof(*in));
	return invoer_lees(r, b, &uit_form, wijzigen, in);
}

void
invoer_vrij(struct structuur_invoer *in)
{
	if (in->fouten != NULL)
		json_object_put(in->fouten);
	in->fouten = NULL;
}

void
api_veldfouten(struct req *r, struct structuur_invoer *in)
{
	struct json_object *fouten = in->fouten;

	in->fouten = NULL;
	resp_problem(r, 422, "Niet alle gegevens zijn goed ingevuld; zie errors.",
	    fouten);
}

/* ------------------------------------------------------------ writing */

enum ops_uitkomst
bron_schrijf(struct req *r, const struct bron *b, struct structuur_invoer *in,
    int64_t *id, int64_t versie, struct ops_ctx *c)
{
	ops_ctx_van(r, NULL, c);
	return structuur_schrijf(c, b->s, b->soort, b->velden, b->nvelden, in, id,
	    versie);
}

/* ------------------------------------------------------------ reading */

/* The cell as a JSON value: a number for ids and years, else a string. */
static struct json_object *
cel_json(const struct veld *f, const char *cel)
{
	struct json_object *arr;
	const char *p = cel;
	int64_t v;

	if (f->vlag & VELD_LIJST) {
		/* GROUP_CONCAT of ids: "3,5,8", or NULL for none. */
		arr = json_object_new_array();
		while (p != NULL && *p >= '0' && *p <= '9') {
			for (v = 0; *p >= '0' && *p <= '9'; p++)
				v = v * 10 + (*p - '0');
			json_object_array_add(arr, json_object_new_int64(v));
			p = *p == ',' ? p + 1 : NULL;
		}
		return arr;
	}
	if (cel == NULL)
		return NULL;
	if (f->type == VELD_REF || f->type == VELD_JAAR)
		return json_object_new_int64(getal_lees_str(cel, 0, WZ_MAX_ID, &v) ==
		    0 ? v : 0);
	return json_object_new_string(cel);
}

/* A record as the API object: id, versie and every field read back. */
static struct json_object *
rij_json(const struct bron *b, const struct structuur_rij *w)
{
	struct json_object *o = json_object_new_object();
	size_t k;

	json_object_object_add(o, "id", json_object_new_int64(w->id));
	json_object_object_add(o, "versie", json_object_new_int64(w->versie));
	for (k = 0; k < b->ntonen; k++)
		json_object_object_add(o, b->velden[k].naam,
		    cel_json(&b->velden[k], w->kolom[k]));
	return o;
}

enum db_err
bron_lees_json(struct req *r, const struct bron *b, int64_t id, int volledig,
    struct json_object **obj)
{
	struct structuur_rij w;
	enum db_err rc;

	*obj = NULL;
	if ((rc = store_structuur_lees(r->db, r->arena, b->s, id, &w)) != DB_OK)
		return rc;
	if (w.id == 0)
		return DB_OK;
	*obj = rij_json(b, &w);
	if (volledig && b->aanvullen != NULL &&
	    (rc = b->aanvullen(r, id, *obj)) != DB_OK) {
		json_object_put(*obj);
		*obj = NULL;
	}
	return rc;
}

int64_t
bron_versie(struct json_object *obj)
{
	struct json_object *v;

	return json_object_object_get_ex(obj, "versie", &v) ?
	    json_object_get_int64(v) : 0;
}

/* The links of a wijkteam (organisaties or wijken, id names the id member)
 * as a new array, each with its period; the caller adds it to an object,
 * which then owns it. */
static struct json_object *
koppelingen_json(const char *id, const struct wijkteam_koppeling *k, size_t n)
{
	struct json_object *arr = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, id, json_object_new_int64(k[i].id));
		json_object_object_add(o, "code", tekst_of_null(k[i].code));
		json_object_object_add(o, "naam", tekst_of_null(k[i].naam));
		json_object_object_add(o, "geldig_van", tekst_of_null(k[i].geldig_van));
		json_object_object_add(o, "geldig_tot", tekst_of_null(k[i].geldig_tot));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* Adds to obj the wijkteam's links with their history ("historie"); obj owns
 * the new object. DB_OK or the store's error, obj unchanged then. */
static enum db_err
wijkteam_historie(struct req *r, int64_t id, struct json_object *obj)
{
	struct wijkteam_historie w;
	struct json_object *h;
	enum db_err rc;

	if ((rc = store_wijkteam_historie(r->db, r->arena, id, &w)) != DB_OK)
		return rc;
	h = json_object_new_object();
	json_object_object_add(h, "organisaties", koppelingen_json(
	    "organisatie_id", w.org, w.norg));
	json_object_object_add(h, "wijken", koppelingen_json("wijk_id", w.wijk,
	    w.nwijk));
	json_object_object_add(obj, "historie", h);
	return DB_OK;
}

/* Adds to obj the regisseurs of keten id; the array is put on failure, so
 * obj never holds half a list. */
static enum db_err
keten_regisseurs(struct req *r, int64_t id, struct json_object *obj)
{
	struct json_object *arr = json_object_new_array(), *o;
	struct keten_regisseur *k;
	enum db_err rc;
	size_t i, n;

	if ((rc = store_keten_regisseurs(r->db, r->arena, id, &k, &n)) != DB_OK) {
		json_object_put(arr);
		return rc;
	}
	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(k[i].id));
		json_object_object_add(o, "gebruikersnaam",
		    tekst_of_null(k[i].gebruikersnaam));
		json_object_object_add(o, "naam", tekst_of_null(k[i].naam));
		json_object_array_add(arr, o);
	}
	json_object_object_add(obj, "regisseurs", arr);
	return DB_OK;
}

/*
 * Adds to obj the budget lines of opdracht id that the caller may see: all
 * of them for a role that sees all budgets, else only those of the caller's
 * organisaties and wijkteams. The filter is in the query, so that lines of
 * others never reach this process.
 */
static enum db_err
opdracht_budgetten(struct req *r, int64_t id, struct json_object *obj)
{
	char orgs[512], teams[512];
	struct budget_scope scope = {
		principal_sees_all_budgets(&r->who),
		principal_scope_ids(&r->who, SCOPE_ORGANISATIE, orgs, sizeof(orgs)),
		principal_scope_ids(&r->who, SCOPE_WIJKTEAM, teams, sizeof(teams)),
	};
	struct json_object *arr, *o;
	struct budget_regel *b;
	enum db_err rc;
	size_t i, n;

	if ((rc = store_budget_lijst(r->db, r->arena, id, &scope, &b, &n)) !=
	    DB_OK)
		return rc;
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "organisatie_id",
		    json_object_new_int64(b[i].organisatie_id));
		json_object_object_add(o, "organisatie_naam",
		    tekst_of_null(b[i].organisatie_naam));
		json_object_object_add(o, "jaar", json_object_new_int64(b[i].jaar));
		json_object_object_add(o, "bedrag", tekst_of_null(b[i].bedrag));
		json_object_array_add(arr, o);
	}
	json_object_object_add(obj, "budgetten", arr);
	return DB_OK;
}

/* ------------------------------------------------------------ JSON API */

/* The resource (table, fields, path) the matched route was declared with. */
static const struct bron *
route_bron(struct req *r)
{
	return r->match.route->data;
}

/* GET /api/v1/<res>: a page of records by id, limit (1..WZ_LIST_MAX) and
 * cursor (the last id of the page before); 400 for either out of range. */
static void
api_lijst(struct req *r)
{
	const struct bron *b = route_bron(r);
	const char *ls = kv_get(&r->query, "limit"), *cs = kv_get(&r->query, "cursor");
	struct json_object *o, *items;
	struct structuur_rij *w;
	int64_t limit = WZ_LIST_DEFAULT, na = 0;
	enum db_err rc;
	size_t i, n;

	if (ls != NULL && getal_lees_str(ls, 1, WZ_LIST_MAX, &limit) != 0) {
		resp_problem(r, 400, "limit moet een geheel getal van 1 tot en met "
		    "500 zijn.", NULL);
		return;
	}
	if (cs != NULL && getal_lees_str(cs, 0, WZ_MAX_ID, &na) != 0) {
		resp_problem(r, 400, "Deze cursor is ongeldig; gebruik de waarde van "
		    "volgende uit een eerder antwoord.", NULL);
		return;
	}
	if ((rc = store_structuur_lijst(r->db, r->arena, b->s, na, (int)limit + 1,
	    &w, &n)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, rij_json(b, &w[i]));
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, n > (size_t)limit ?
	    &w[limit - 1].id : NULL));
	resp_json(r, 200, o);
}

/* GET /api/v1/<res>/{id}: the full record with its versie as ETag; 404 when
 * there is none. */
static void
api_lees(struct req *r)
{
	const struct bron *b = route_bron(r);
	struct json_object *obj;
	enum db_err rc;

	if ((rc = bron_lees_json(r, b, route_param_int(&r->match, "id"), 1, &obj))
	    != DB_OK) {
		fail_db(r, rc, "beheer");
		return;
	}
	if (obj == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	zet_etag(r, bron_versie(obj));
	resp_json(r, 200, obj);
}

/* After a successful write (transaction open): the record as it is now. */
static void
api_antwoord(struct req *r, const struct bron *b, int64_t id, int status)
{
	struct json_object *obj;
	const char *loc = NULL;
	enum db_err rc;

	if ((rc = bron_lees_json(r, b, id, 1, &obj)) != DB_OK || obj == NULL) {
		fail_db(r, rc == DB_OK ? DB_ERR : rc, "beheer");
		tx_rollback(r);
		return;
	}
	if (status == 201)
		loc = arena_printf(r->arena, "/api/v1/%s/%lld", b->pad, (long long)id);
	answer_written(r, obj, status, loc);
}

/* Answers a write of the API (c, u): the record as it is now (status),
 * the field errors of in, or the problem. Frees in. */
static void
antwoord_na_schrijven(struct req *r, const struct bron *b, struct ops_ctx *c,
    enum ops_uitkomst u, struct structuur_invoer *in, int64_t id, int status)
{
	if (u == OPS_VELDEN) {
		json_object_put(c->fouten);
		c->fouten = NULL;
		api_veldfouten(r, in);
		return;
	}
	antwoord_uitkomst(r, c, u);
	invoer_vrij(in);
	if (u == OPS_OK)
		api_antwoord(r, b, id, status);
}

/*
 * POST /api/v1/<res>: 201 with the record and its Location, 422 with the
 * field errors, or the problem of the operation. A retried request with the
 * same Idempotency-Key gets the first answer again (idem_replay) and writes
 * nothing.
 */
static void
api_maak(struct req *r)
{
	const struct bron *b = route_bron(r);
	struct structuur_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0)
		return;
	if (invoer_uit_json(r, b, 0, &in) != 0)
		return;
	if (json_object_array_length(in.fouten) > 0) {
		api_veldfouten(r, &in);
		return;
	}
	u = bron_schrijf(r, b, &in, &id, 0, &c);
	antwoord_na_schrijven(r, b, &c, u, &in, id, 201);
}

/*
 * PUT /api/v1/<res>/{id}: 428 without If-Match, 400 for one that is no
 * versie, 404, 412 when the versie is not the stored one, 422, or 200 with
 * the record. The existence and the versie are checked before the body is
 * judged, so that a stale or absent record answers as such, not with field
 * errors; the operation checks the versie again in its UPDATE, for a change
 * that overtakes us.
 */
static void
api_wijzig(struct req *r)
{
	const struct bron *b = route_bron(r);
	int64_t id = route_param_int(&r->match, "id"), versie = if_match_vereist(r);
	struct json_object *huidig;
	struct structuur_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;
	enum db_err rc;

	if (versie == 0)
		return;
	if ((rc = bron_lees_json(r, b, id, 0, &huidig)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return;
	}
	if (huidig == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	rc = bron_versie(huidig) == versie ? DB_OK : DB_ERR;
	json_object_put(huidig);
	if (rc != DB_OK) {
		resp_problem(r, 412, NULL, NULL);
		return;
	}
	if (invoer_uit_json(r, b, 1, &in) != 0)
		return;
	if (json_object_array_length(in.fouten) > 0) {
		api_veldfouten(r, &in);
		return;
	}
	u = bron_schrijf(r, b, &in, &id, versie, &c);
	antwoord_na_schrijven(r, b, &c, u, &in, id, 200);
}

/* ------------------------------------------------------------ routes */

#define B(s)	(&bronnen[s])
#define API(res, s) \
	{ "GET",  "/api/v1/" res,            api_lijst,  ACCESS_INGELOGD, ROUTE_JSON, B(s) }, \
	{ "POST", "/api/v1/" res,            api_maak,   ACCESS_BEHEER,   ROUTE_JSON | ROUTE_BODY_JSON, B(s) }, \
	{ "GET",  "/api/v1/" res "/{id:int}", api_lees,   ACCESS_INGELOGD, ROUTE_JSON, B(s) }, \
	{ "PUT",  "/api/v1/" res "/{id:int}", api_wijzig, ACCESS_BEHEER,   ROUTE_JSON | ROUTE_BODY_JSON, B(s) }
#define PAGINA(res, s) \
	{ "GET",  "/beheer/" res,             pagina_lijst,  ACCESS_BEHEER, ROUTE_HTML, B(s) }, \
	{ "GET",  "/beheer/" res "/nieuw",    pagina_nieuw,  ACCESS_BEHEER, ROUTE_HTML, B(s) }, \
	{ "POST", "/beheer/" res "/nieuw",    pagina_maak,   ACCESS_BEHEER, ROUTE_HTML | ROUTE_BODY_FORM, B(s) }, \
	{ "GET",  "/beheer/" res "/{id:int}", pagina_bewerk, ACCESS_BEHEER, ROUTE_HTML, B(s) }, \
	{ "POST", "/beheer/" res "/{id:int}", pagina_bewaar, ACCESS_BEHEER, ROUTE_HTML | ROUTE_BODY_FORM, B(s) }

static const struct route table[] = {
	API("organisaties", SOORT_ORGANISATIE),
	API("wijken", SOORT_WIJK),
	API("wijkteams", SOORT_WIJKTEAM),
	API("ketens", SOORT_KETEN),
	API("themas", SOORT_THEMA),
	API("opdrachten", SOORT_OPDRACHT),
	API("eisen", SOORT_EIS),
	{ "GET", "/api/v1/opdrachten/{id:int}/budgetten", api_budget_lees,
	  ACCESS_INGELOGD, ROUTE_JSON, B(SOORT_OPDRACHT) },
	{ "PUT", "/api/v1/opdrachten/{id:int}/budgetten", api_budget_zet,
	  ACCESS_BEHEER, ROUTE_JSON | ROUTE_BODY_JSON, B(SOORT_OPDRACHT) },
	{ "GET", "/beheer", pagina_index, ACCESS_BEHEER, ROUTE_HTML, NULL },
	PAGINA("organisaties", SOORT_ORGANISATIE),
	PAGINA("wijken", SOORT_WIJK),
	PAGINA("wijkteams", SOORT_WIJKTEAM),
	PAGINA("ketens", SOORT_KETEN),
	PAGINA("themas", SOORT_THEMA),
	PAGINA("opdrachten", SOORT_OPDRACHT),
	PAGINA("eisen", SOORT_EIS),
	{ "POST", "/beheer/opdrachten/{id:int}/budgetten", pagina_budget_bewaar,
	  ACCESS_BEHEER, ROUTE_HTML | ROUTE_BODY_FORM, B(SOORT_OPDRACHT) },
};
ROUTE_TABLE(routes_beheer, table);
