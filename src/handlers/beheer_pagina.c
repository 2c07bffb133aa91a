/*
 * beheer_pagina.c — the admin pages of the structure: an index with
 * counts, and per resource a table, a form to create and a form to change
 * a record. No JavaScript is needed: forms post, the server answers with a
 * redirect (POST/redirect/GET) or the form again with what was typed and
 * the errors at each field.
 *
 * Routes (statuses each may answer; all may also answer 500/503; access
 * is ACCESS_BEHEER, so anonymous GETs are sent to the log-in page (303)
 * and other roles get 403):
 *   GET  /beheer                   200
 *   GET  /beheer/<res>             200; 400 bad cursor
 *   GET  /beheer/<res>/nieuw       200
 *   POST /beheer/<res>/nieuw       303 to the list; 403 (CSRF); 422 field errors
 *   GET  /beheer/<res>/{id}        200; 404
 *   POST /beheer/<res>/{id}        303 to the list; 400 no versie; 403; 404;
 *                                  409 someone else changed it first (the
 *                                  form shows the record as it is now);
 *                                  422 field errors
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "handlers/beheer.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "http/request.h"
#include "http/response.h"

/* Rows of one list page; one more is read to know whether a next page
 * exists. */
#define PAGINA_RIJEN	200

/* The page's answer to a stale versie (409, where the API answers 412):
 * the form comes back with the record as it is now. */
static const char conflict_tekst[] = "Iemand anders heeft deze gegevens "
    "gewijzigd terwijl u ermee bezig was. Hieronder staan ze zoals ze nu "
    "zijn; breng uw wijziging opnieuw aan en sla op.";

/* The resource of this route: every route of beheer.c's table carries
 * its struct bron in data, so that one handler serves all seven. */
static const struct bron *
route_bron(struct req *r)
{
	return r->match.route->data;
}

/* "De wijk" → "Wijk", "Het thema" → "Thema". */
static const char *
enkelvoud(struct req *r, const struct bron *b)
{
	const char *sp = strchr(b->de, ' ');
	char *s = arena_strdup(r->arena, sp != NULL ? sp + 1 : b->de);

	if (s != NULL && s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* ------------------------------------------------------------ index */

/* The counts of the seven resources and, in n[SOORT__N], of the users:
 * one query for the whole index. */
void
pagina_index(struct req *r)
{
	struct json_object *ctx, *secties, *s;
	int64_t n[SOORT__N + 1];
	enum db_err rc;
	size_t i;

	if ((rc = store_structuur_tellingen(r->db, r->arena, n)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return;
	}
	ctx = json_object_new_object();
	secties = json_object_new_array();
	for (i = 0; i < SOORT__N; i++) {
		s = json_object_new_object();
		json_object_object_add(s, "titel", tekst_of_leeg(bronnen[i].titel));
		json_object_object_add(s, "href", json_object_new_string(
		    arena_printf(r->arena, "/beheer/%s", bronnen[i].pad)));
		json_object_object_add(s, "aantal", json_object_new_int64(n[i]));
		json_object_array_add(secties, s);
	}
	json_object_object_add(ctx, "titel", tekst_of_leeg("Beheer"));
	json_object_object_add(ctx, "secties", secties);
	json_object_object_add(ctx, "gebruikers", json_object_new_int64(n[SOORT__N]));
	resp_page(r, 200, "beheer", ctx);
}

/* ------------------------------------------------------------ options */

/* The options of reference ref. */
struct opties {
	struct structuur_optie  *o;
	size_t                   n;
};

/* Every option of ref, those that ended included (a record may still
 * name one). 0, or -1 after answering a database error. */
static int
opties_laden(struct req *r, enum structuur_ref ref, struct opties *out)
{
	enum db_err rc;

	if ((rc = store_structuur_opties(r->db, r->arena, ref, &out->o,
	    &out->n)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return -1;
	}
	return 0;
}

/* The id of option o as the form's value. */
static const char *
optie_id(struct req *r, const struct structuur_optie *o)
{
	return arena_printf(r->arena, "%lld", (long long)o->id);
}

/* How an option reads in a select: "naam (code)", with ", beëindigd"
 * for one that has ended. */
static const char *
optie_label(struct req *r, const struct structuur_optie *o)
{
	return arena_printf(r->arena, "%s (%s)%s", o->naam ? o->naam : "",
	    o->code ? o->code : "", o->beeindigd ? ", beëindigd" : "");
}

/* The naam of id among the options, or the id itself. */
static const char *
optie_naam(struct req *r, const struct opties *o, const char *id)
{
	int64_t v;
	size_t i;

	/* Compared as numbers: no text per option for every cell of a list. */
	if (id != NULL && getal_lees_str(id, 1, WZ_MAX_ID, &v) == 0)
		for (i = 0; i < o->n; i++)
			if (o->o[i].id == v)
				return o->o[i].naam;
	return id != NULL ? arena_printf(r->arena, "#%s", id) : "";
}

/* ------------------------------------------------------------ list */

/*
 * The text of a list cell for field f, whose stored text is cel. A keuze
 * shows its label, a reference the name of what it points at (among o,
 * the options of that column), and a VELD_LIJST reference, which the
 * store sends as comma-separated ids ("3,5,8"), the names of them all.
 */
static const char *
cel_tekst(struct req *r, const struct veld *f, const char *cel,
    const struct opties *o)
{
	const struct veld_optie *opt;
	const char *p, *uit = "";
	char id[24];
	size_t k;

	if (cel == NULL)
		return "";
	if (f->type == VELD_KEUZE)
		return (opt = veld_optie(f, cel)) != NULL ? opt->label : cel;
	if (f->type != VELD_REF)
		return cel;
	if (!(f->vlag & VELD_LIJST))
		return optie_naam(r, o, cel);
	for (p = cel; *p != '\0'; p += *p == ',') {
		for (k = 0; *p >= '0' && *p <= '9' && k + 1 < sizeof(id); p++)
			id[k++] = *p;
		id[k] = '\0';
		if (k == 0)
			break;
		uit = arena_printf(r->arena, "%s%s%s", uit, *uit ? ", " : "",
		    optie_naam(r, o, id));
	}
	return uit;
}

/*
 * The options of a reference column are read once for the page, not per
 * row: a page costs one query per reference column, whatever its length.
 * The naam (else the code) is the first column and links to the form;
 * the other columns keep their declared order. The cursor is the id of
 * the last row shown.
 */
void
pagina_lijst(struct req *r)
{
	const struct bron *b = route_bron(r);
	const char *cs = kv_get(&r->query, "cursor"), *m;
	struct opties opties[BRON_MAX_VELDEN];
	struct structuur_rij *rows;
	size_t nrows;
	struct json_object *ctx, *kol, *rijen, *rij, *cellen, *c;
	size_t i, k, link = 0, volg;
	const struct veld *f;
	int64_t na = 0;
	enum db_err rc;

	if (cs != NULL && getal_lees_str(cs, 0, WZ_MAX_ID, &na) != 0) {
		resp_problem(r, 400, "Dit vervolgadres is ongeldig.", NULL);
		return;
	}
	if ((rc = store_structuur_lijst(r->db, r->arena, b->s, na, PAGINA_RIJEN + 1,
	    &rows, &nrows)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return;
	}
	memset(opties, 0, sizeof(opties));
	for (k = 0; k < b->ntonen; k++)
		if (b->velden[k].type == VELD_REF &&
		    opties_laden(r, (enum structuur_ref)b->velden[k].ref, &opties[k]) != 0)
			return;
	/* The naam (else the code) is the row's header and links to the form. */
	if ((f = veld_zoek(b->velden, b->ntonen, "naam")) == NULL)
		f = veld_zoek(b->velden, b->ntonen, "code");
	link = f != NULL ? (size_t)(f - b->velden) : 0;

	ctx = json_object_new_object();
	kol = json_object_new_array();
	json_object_array_add(kol, tekst_of_leeg(b->velden[link].label));
	for (k = 0; k < b->ntonen; k++)
		if (k != link)
			json_object_array_add(kol, tekst_of_leeg(b->velden[k].label));
	rijen = json_object_new_array();
	for (i = 0; i < nrows && i < PAGINA_RIJEN; i++) {
		rij = json_object_new_object();
		cellen = json_object_new_array();
		for (k = 0; k < b->ntonen; k++) {
			c = json_object_new_object();
			json_object_object_add(c, "tekst", tekst_of_leeg(cel_tekst(r, &b->velden[k],
			    rows[i].kolom[k], &opties[k])));
			json_object_object_add(c, "kop", json_object_new_boolean(k == link));
			if (k == link) {
				json_object_object_add(c, "href", json_object_new_string(
				    arena_printf(r->arena, "/beheer/%s/%lld", b->pad,
				    (long long)rows[i].id)));
				json_object_array_put_idx(cellen, 0, c);
			} else {
				/* The link column went to the front: those
				 * before it move one to the right. */
				json_object_array_put_idx(cellen, k + (k < link), c);
			}
		}
		json_object_object_add(rij, "cellen", cellen);
		json_object_array_add(rijen, rij);
	}
	json_object_object_add(ctx, "titel", tekst_of_leeg(b->titel));
	json_object_object_add(ctx, "pad", tekst_of_leeg(b->pad));
	json_object_object_add(ctx, "nieuw", tekst_of_leeg(b->nieuw));
	json_object_object_add(ctx, "kolommen", kol);
	json_object_object_add(ctx, "rijen", rijen);
	json_object_object_add(ctx, "aantal", json_object_new_int64(
	    (int64_t)json_object_array_length(rijen)));
	if (na > 0)
		json_object_object_add(ctx, "vervolg", json_object_new_boolean(1));
	if (nrows > PAGINA_RIJEN) {
		volg = PAGINA_RIJEN - 1;
		json_object_object_add(ctx, "volgende", tekst_of_leeg(arena_printf(
		    r->arena, "%lld", (long long)rows[volg].id)));
	}
	if (kv_get(&r->query, "aangemaakt") != NULL)
		m = arena_printf(r->arena, "%s is aangemaakt.", b->de);
	else if (kv_get(&r->query, "gewijzigd") != NULL)
		m = arena_printf(r->arena, "%s is gewijzigd.", b->de);
	else
		m = NULL;
	if (m != NULL)
		json_object_object_add(ctx, "melding", tekst_of_leeg(m));
	resp_page(r, 200, "beheer_lijst", ctx);
}

/* ------------------------------------------------------------ forms */

/* What a form shows in its fields: text per field, the checked ids. */
struct waarden {
	const char  *v[BRON_MAX_VELDEN];
	const char **lijst;
	size_t       nlijst;
};

/* The stored record (its JSON object) as form values. */
static void
waarden_uit_item(struct req *r, const struct bron *b, struct json_object *item,
    struct waarden *w)
{
	struct json_object *v;
	size_t i, k;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < b->nvelden; i++) {
		if (!json_object_object_get_ex(item, b->velden[i].naam, &v) || v == NULL)
			continue;
		/* The VELD_LIJST member (an array of ids) becomes the checked
		 * ids; every other member its text. */
		if (json_object_is_type(v, json_type_array)) {
			w->nlijst = json_object_array_length(v);
			w->lijst = arena_calloc(r->arena, w->nlijst + 1, sizeof(char *));
			for (k = 0; w->lijst != NULL && k < w->nlijst; k++)
				w->lijst[k] = arena_strdup(r->arena, json_object_get_string(
				    json_object_array_get_idx(v, k)));
			if (w->lijst == NULL)
				w->nlijst = 0;
		} else {
			w->v[i] = arena_strdup(r->arena, json_object_get_string(v));
		}
	}
}

/* The values as typed (in->ruw), borrowed: in must outlive the form. */
static void
waarden_uit_invoer(const struct structuur_invoer *in, struct waarden *w)
{
	memset(w, 0, sizeof(*w));
	memcpy(w->v, in->ruw, sizeof(w->v));
	w->lijst = in->lijst_ruw;
	w->nlijst = in->nlijst_ruw;
}

/* Whether code is chosen in field i of w: its value, or, for the
 * VELD_LIJST field (a resource has at most one), one of its checked
 * ids. */
static int
gekozen(const struct waarden *w, size_t i, const struct veld *f, const char *code)
{
	size_t k;

	if (!(f->vlag & VELD_LIJST))
		return w->v[i] != NULL && strcmp(w->v[i], code) == 0;
	for (k = 0; k < w->nlijst; k++)
		if (w->lijst[k] != NULL && strcmp(w->lijst[k], code) == 0)
			return 1;
	return 0;
}

/* The options of field i: fixed choices, or what the store has. A select
 * starts with an empty "— kies —"; a VELD_LIJST field is a group of check
 * boxes and has none. NULL after answering a database error. */
static struct json_object *
veld_opties(struct req *r, const struct veld *f, const struct waarden *w,
    size_t i)
{
	struct json_object *arr = json_object_new_array();
	struct opties o;
	size_t k;

	if (!(f->vlag & VELD_LIJST))
		formveld_optie(arr, "", "— kies —", w->v[i] == NULL || *w->v[i] == '\0');
	if (f->type == VELD_KEUZE) {
		for (k = 0; f->opties[k].code != NULL; k++)
			formveld_optie(arr, f->opties[k].code, f->opties[k].label,
			    gekozen(w, i, f, f->opties[k].code));
		return arr;
	}
	if (opties_laden(r, (enum structuur_ref)f->ref, &o) != 0) {
		json_object_put(arr);
		return NULL;
	}
	for (k = 0; k < o.n; k++)
		formveld_optie(arr, optie_id(r, &o.o[k]), optie_label(r, &o.o[k]),
		    gekozen(w, i, f, optie_id(r, &o.o[k])));
	return arr;
}

/* The fields of the form, read from their declarations (domain/veld.h)
 * into the context of the veld partial, as formveld.h does for the
 * registration pages; fouten is only read. NULL after answering a
 * database error. */
static struct json_object *
velden_ctx(struct req *r, const struct bron *b, int wijzigen,
    const struct waarden *w, struct json_object *fouten)
{
	struct json_object *arr = json_object_new_array(), *o, *opties;
	const char *fout, *door;
	const struct veld *f;
	size_t i;

	for (i = 0; i < b->nvelden; i++) {
		f = &b->velden[i];
		/* A VELD_BIJ_WIJZIGEN field (a wijkteam's wijziging_per: from
		 * when a change takes effect) means nothing for a new record. */
		if ((f->vlag & VELD_BIJ_WIJZIGEN) && !wijzigen)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "naam", tekst_of_leeg(f->naam));
		json_object_object_add(o, "label", tekst_of_leeg(f->label));
		json_object_object_add(o, "verplicht",
		    json_object_new_boolean(f->vlag & VELD_VERPLICHT));
		if (f->uitleg != NULL)
			json_object_object_add(o, "uitleg", tekst_of_leeg(f->uitleg));
		fout = fout_van(fouten, f->naam);
		if (fout != NULL)
			json_object_object_add(o, "fout", tekst_of_leeg(fout));
		/* aria-describedby: the hint and the error, when there are. */
		door = f->uitleg != NULL ? arena_printf(r->arena, "%s-uitleg",
		    f->naam) : NULL;
		if (fout != NULL)
			door = arena_printf(r->arena, "%s%s%s-fout", door ? door : "",
			    door ? " " : "", f->naam);
		if (door != NULL)
			json_object_object_add(o, "beschreven_door", tekst_of_leeg(door));
		if (f->type == VELD_KEUZE || f->type == VELD_REF) {
			if ((opties = veld_opties(r, f, w, i)) == NULL) {
				json_object_put(o);
				json_object_put(arr);
				return NULL;
			}
			json_object_object_add(o, (f->vlag & VELD_LIJST) ? "is_vinkjes" :
			    "is_keuze", json_object_new_boolean(1));
			json_object_object_add(o, "opties", opties);
		} else if (f->type == VELD_LANGE_TEKST) {
			json_object_object_add(o, "is_lange_tekst",
			    json_object_new_boolean(1));
			json_object_object_add(o, "waarde", tekst_of_leeg(w->v[i]));
			json_object_object_add(o, "max", json_object_new_int((int)f->max));
		} else {
			json_object_object_add(o, "is_invoer", json_object_new_boolean(1));
			json_object_object_add(o, "type", tekst_of_leeg(f->type == VELD_DATUM ?
			    "date" : "text"));
			json_object_object_add(o, "waarde", tekst_of_leeg(w->v[i]));
			if (f->max > 0)
				json_object_object_add(o, "max",
				    json_object_new_int((int)f->max));
		}
		json_object_array_add(arr, o);
	}
	return arr;
}

/*
 * Renders the form page. id 0: the create form. item: the stored record
 * (edit form; NULL for create). Ownership of fouten, item and extra is
 * taken.
 */
static void
formulier(struct req *r, const struct bron *b, int status, int64_t id,
    struct json_object *item, const struct waarden *w, struct json_object *fouten,
    const char *conflict, const char *melding, struct json_object *budget)
{
	struct json_object *ctx, *velden, *f, *v;

	if ((velden = velden_ctx(r, b, id > 0, w, fouten)) == NULL) {
		json_object_put(item);
		json_object_put(fouten);
		json_object_put(budget);
		return;
	}
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", tekst_of_leeg(id > 0 ? arena_printf(r->arena,
	    "%s wijzigen", enkelvoud(r, b)) : b->nieuw));
	json_object_object_add(ctx, "pad", tekst_of_leeg(b->pad));
	json_object_object_add(ctx, "lijst_titel", tekst_of_leeg(b->titel));
	json_object_object_add(ctx, "actie", tekst_of_leeg(id > 0 ? arena_printf(r->arena,
	    "/beheer/%s/%lld", b->pad, (long long)id) : arena_printf(r->arena,
	    "/beheer/%s/nieuw", b->pad)));
	json_object_object_add(ctx, "velden", velden);
	pagina_fouten(r, ctx, fouten);
	if (conflict != NULL)
		json_object_object_add(ctx, "conflict", tekst_of_leeg(conflict));
	if (melding != NULL)
		json_object_object_add(ctx, "melding", tekst_of_leeg(melding));
	if (item != NULL) {
		/* A hidden field: pagina_bewaar holds it against the record
		 * as it is when the form comes back. */
		json_object_object_add(ctx, "versie",
		    json_object_new_int64(bron_versie(item)));
		/* The read-only parts a resource adds to its record
		 * (bron.aanvullen): shown beside the form, never sent back. */
		if (json_object_object_get_ex(item, "historie", &v))
			json_object_object_add(ctx, "historie", json_object_get(v));
		if (json_object_object_get_ex(item, "regisseurs", &v)) {
			f = json_object_new_object();
			json_object_object_add(f, "lijst", json_object_get(v));
			json_object_object_add(f, "aantal", json_object_new_int64(
			    (int64_t)json_object_array_length(v)));
			json_object_object_add(ctx, "regisseurs_blok", f);
		}
		json_object_put(item);
	}
	if (budget != NULL)
		json_object_object_add(ctx, "budget", budget);
	resp_page(r, status, "beheer_formulier", ctx);
}

/* The budget part of an opdracht's page (beheer.h): rendered here, with
 * the page it is part of; beheer_budget.c stores it. */

/* Adds a field's value, error and aria-describedby to o: naam is the
 * form's field name ("budget_3_jaar"), sleutel the template's key
 * ("jaar"); the first error for naam in fouten (only read) is shown. */
static void
budget_veld(struct req *r, struct json_object *o, const char *sleutel,
    const char *naam, const char *waarde, struct json_object *fouten)
{
	struct json_object *e, *v;
	size_t i;

	json_object_object_add(o, arena_printf(r->arena, "%s_naam", sleutel),
	    tekst_of_leeg(naam));
	json_object_object_add(o, sleutel, tekst_of_leeg(waarde));
	for (i = 0; fouten != NULL && i < json_object_array_length(fouten); i++) {
		e = json_object_array_get_idx(fouten, i);
		if (json_object_object_get_ex(e, "veld", &v) &&
		    strcmp(json_object_get_string(v), naam) == 0 &&
		    json_object_object_get_ex(e, "melding", &v)) {
			json_object_object_add(o, arena_printf(r->arena, "%s_fout",
			    sleutel), tekst_of_leeg(json_object_get_string(v)));
			return;
		}
	}
}

/* The stored or typed lines are text alike, so that one context serves
 * the form as stored and the form again after errors. A line's
 * organisatie is named in the page as well as chosen in its select. */
struct json_object *
budget_ctx(struct req *r, int64_t id, size_t n, const char **org,
    const char **jaar, const char **bedrag, const char *const nieuw[B__N],
    struct json_object *fouten)
{
	struct json_object *o, *rijen, *rij, *opties, *opt;
	struct opties orgs;
	const char *naam;
	enum db_err rc;
	size_t i, k;

	if ((rc = store_structuur_opties(r->db, r->arena, REF_ORGANISATIE,
	    &orgs.o, &orgs.n)) != DB_OK) {
		fail_db(r, rc, "budget");
		return NULL;
	}
	o = json_object_new_object();
	json_object_object_add(o, "actie", tekst_of_leeg(arena_printf(r->arena,
	    "/beheer/opdrachten/%lld/budgetten", (long long)id)));
	rijen = json_object_new_array();
	for (i = 0; i < n; i++) {
		rij = json_object_new_object();
		for (k = 0, naam = org[i]; k < orgs.n; k++)
			if (org[i] != NULL && strcmp(optie_id(r, &orgs.o[k]),
			    org[i]) == 0)
				naam = orgs.o[k].naam;
		json_object_object_add(rij, "organisatie_naam", tekst_of_leeg(naam));
		budget_veld(r, rij, "organisatie_id", arena_printf(r->arena,
		    "budget_%zu_organisatie_id", i), org[i], fouten);
		budget_veld(r, rij, "jaar", arena_printf(r->arena, "budget_%zu_jaar", i),
		    jaar[i], fouten);
		budget_veld(r, rij, "bedrag", arena_printf(r->arena,
		    "budget_%zu_bedrag", i), bedrag[i], fouten);
		json_object_array_add(rijen, rij);
	}
	json_object_object_add(o, "rijen", rijen);
	json_object_object_add(o, "aantal", json_object_new_int64((int64_t)n));
	rij = json_object_new_object();
	budget_veld(r, rij, "organisatie_id", "nieuw_organisatie_id", nieuw[B_ORG],
	    fouten);
	budget_veld(r, rij, "jaar", "nieuw_jaar", nieuw[B_JAAR], fouten);
	budget_veld(r, rij, "bedrag", "nieuw_bedrag", nieuw[B_BEDRAG], fouten);
	opties = json_object_new_array();
	for (k = 0; k < orgs.n; k++) {
		opt = json_object_new_object();
		json_object_object_add(opt, "waarde", tekst_of_leeg(optie_id(r,
		    &orgs.o[k])));
		json_object_object_add(opt, "label", tekst_of_leeg(orgs.o[k].naam));
		json_object_object_add(opt, "gekozen", json_object_new_boolean(
		    nieuw[B_ORG] != NULL && strcmp(nieuw[B_ORG], optie_id(r,
		    &orgs.o[k])) == 0));
		json_object_array_add(opties, opt);
	}
	json_object_object_add(rij, "opties", opties);
	json_object_object_add(o, "nieuw", rij);
	return o;
}

/* The stored lines as text, as if they had been typed (budget_ctx). */
struct json_object *
budget_formulier(struct req *r, struct json_object *item)
{
	static const char *const leeg[B__N] = { NULL, NULL, NULL };
	struct json_object *arr = NULL, *e;
	const char **org, **jaar, **bedrag;
	size_t i, n;

	json_object_object_get_ex(item, "budgetten", &arr);
	n = arr != NULL ? json_object_array_length(arr) : 0;
	org = arena_calloc(r->arena, n + 1, sizeof(char *));
	jaar = arena_calloc(r->arena, n + 1, sizeof(char *));
	bedrag = arena_calloc(r->arena, n + 1, sizeof(char *));
	if (org == NULL || jaar == NULL || bedrag == NULL) {
		resp_problem(r, 500, NULL, NULL);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(arr, i);
		org[i] = arena_strdup(r->arena, json_object_get_string(
		    json_object_object_get(e, "organisatie_id")));
		jaar[i] = arena_strdup(r->arena, json_object_get_string(
		    json_object_object_get(e, "jaar")));
		bedrag[i] = arena_strdup(r->arena, json_object_get_string(
		    json_object_object_get(e, "bedrag")));
	}
	return budget_ctx(r, json_object_get_int64(json_object_object_get(item,
	    "id")), n, org, jaar, bedrag, leeg, NULL);
}

/* typed, when given, wins over the stored record: the form again after
 * errors. An opdracht's page always has its budget part, the stored
 * lines unless budget brings typed ones. ?budget=1 is the redirect after
 * the budget was saved. */
void
pagina_bewerk_toon(struct req *r, const struct bron *b, int status,
    struct json_object *item, const struct structuur_invoer *typed,
    struct json_object *fouten, const char *conflict, struct json_object *budget)
{
	struct waarden w;
	const char *melding = NULL;

	if (typed != NULL)
		waarden_uit_invoer(typed, &w);
	else
		waarden_uit_item(r, b, item, &w);
	if (b->s == SOORT_OPDRACHT && budget == NULL &&
	    (budget = budget_formulier(r, item)) == NULL) {
		json_object_put(item);
		json_object_put(fouten);
		return;
	}
	if (status == 200 && kv_get(&r->query, "budget") != NULL)
		melding = "De budgetten zijn opgeslagen.";
	formulier(r, b, status, json_object_get_int64(json_object_object_get(item,
	    "id")), item, &w, fouten, conflict, melding, budget);
}

/* A new record's geldig_van proposes today. */
void
pagina_nieuw(struct req *r)
{
	const struct bron *b = route_bron(r);
	const struct veld *van = veld_zoek(b->velden, b->nvelden, "geldig_van");
	struct waarden w;
	char dag[11];

	memset(&w, 0, sizeof(w));
	if (van != NULL)
		w.v[van - b->velden] = datum_vandaag(dag);
	formulier(r, b, 200, 0, NULL, &w, NULL, NULL, NULL, NULL);
}

/* Field errors come from two places, the reading of the form (values,
 * references) and the write (a taken code, also in in.fouten); either
 * way the form comes back with what was typed and in.fouten is handed to
 * it. */
void
pagina_maak(struct req *r)
{
	const struct bron *b = route_bron(r);
	struct structuur_invoer in;
	struct waarden w;
	struct ops_ctx c;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (invoer_uit_form(r, b, 0, &in) != 0)
		return;
	if (json_object_array_length(in.fouten) == 0) {
		u = bron_schrijf(r, b, &in, &id, 0, &c);
		if (u != OPS_VELDEN) {
			antwoord_uitkomst(r, &c, u);
			invoer_vrij(&in);
			if (u == OPS_OK && tx_commit(r) == 0)
				resp_redirect(r, arena_printf(r->arena,
				    "/beheer/%s?aangemaakt=%lld", b->pad, (long long)id));
			return;
		}
		json_object_put(c.fouten);
	}
	waarden_uit_invoer(&in, &w);
	formulier(r, b, 422, 0, NULL, &w, in.fouten, NULL, NULL, NULL);
}

/* The record for an edit page; NULL after answering 404 or an error. */
static struct json_object *
item_lees(struct req *r, const struct bron *b, int64_t id)
{
	struct json_object *item;
	enum db_err rc;

	if ((rc = bron_lees_json(r, b, id, 1, &item)) != DB_OK) {
		fail_db(r, rc, "beheer");
		return NULL;
	}
	if (item == NULL)
		resp_problem(r, 404, NULL, NULL);
	return item;
}

void
pagina_bewerk(struct req *r)
{
	const struct bron *b = route_bron(r);
	struct json_object *item;

	if ((item = item_lees(r, b, route_param_int(&r->match, "id"))) != NULL)
		pagina_bewerk_toon(r, b, 200, item, NULL, NULL, NULL, NULL);
}

/*
 * The versie travels in the form. A stale one is a conflict before the
 * input is judged, and the write checks it again (OPS_VEROUDERD) for a
 * change that comes in between; either way the record comes back as it
 * is now, to be changed again. After field errors the form keeps what was
 * typed, and in.fouten moves to the page.
 */
void
pagina_bewaar(struct req *r)
{
	const struct bron *b = route_bron(r);
	int64_t id = route_param_int(&r->match, "id"), versie;
	struct json_object *item;
	struct structuur_invoer in;
	struct ops_ctx c;
	enum ops_uitkomst u;

	if ((item = item_lees(r, b, id)) == NULL)
		return;
	if (getal_lees_str(kv_get(&r->form, "versie"), 1, WZ_MAX_ID,
	    &versie) != 0) {
		json_object_put(item);
		resp_problem(r, 400, "Het formulier mist de versie van de gegevens. "
		    "Laad de pagina opnieuw.", NULL);
		return;
	}
	if (versie != bron_versie(item)) {
		pagina_bewerk_toon(r, b, 409, item, NULL, NULL, conflict_tekst, NULL);
		return;
	}
	if (invoer_uit_form(r, b, 1, &in) != 0) {
		json_object_put(item);
		return;
	}
	if (json_object_array_length(in.fouten) == 0) {
		u = bron_schrijf(r, b, &in, &id, versie, &c);
		if (u == OPS_VEROUDERD) {
			json_object_put(c.fouten);
			invoer_vrij(&in);
			json_object_put(item);
			if ((item = item_lees(r, b, id)) != NULL)
				pagina_bewerk_toon(r, b, 409, item, NULL, NULL,
				    conflict_tekst, NULL);
			return;
		}
		if (u != OPS_VELDEN) {
			antwoord_uitkomst(r, &c, u);
			invoer_vrij(&in);
			json_object_put(item);
			if (u == OPS_OK && tx_commit(r) == 0)
				resp_redirect(r, arena_printf(r->arena,
				    "/beheer/%s?gewijzigd=%lld", b->pad, (long long)id));
			return;
		}
		json_object_put(c.fouten);
	}
	pagina_bewerk_toon(r, b, 422, item, &in, in.fouten, NULL, NULL);
	in.fouten = NULL;
}
