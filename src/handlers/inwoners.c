/*
 * inwoners.c — inwoners, their trajecten and gebeurtenissen, and their
 * ketenstatus: reading and checking input, writing with audit rows, the
 * JSON of each for each party, and the JSON API (routes_inwoners). The
 * pages (registratie_pagina.c, gebeurtenis_pagina.c) use the same
 * operations through registratie.h.
 *
 * JSON routes (all may also answer 401 without a session, 500/503):
 *   GET  /api/v1/inwoners                 200 {items, volgende}; 400; 403
 *   POST /api/v1/inwoners                 201; 400; 403; 409; 422
 *   POST /api/v1/inwoners/zoeken          200 {items, volgende[, meer_gevonden]};
 *                                         400; 403; 422
 *   GET  /api/v1/inwoners/{id}            200 + ETag; 403; 404
 *   PUT  /api/v1/inwoners/{id}            200; 400; 403; 404; 412; 422; 428
 *   GET  /api/v1/inwoners/{id}/trajecten  200; 403; 404
 *   POST /api/v1/inwoners/{id}/trajecten  201; 400; 403; 404; 409; 422
 *   PUT  /api/v1/inwoners/{id}/trajecten/{traject_id}
 *                                         200; 400; 403; 404; 412; 422; 428
 *   GET  /api/v1/inwoners/{id}/gebeurtenissen  200; 403; 404
 *   POST /api/v1/inwoners/{id}/gebeurtenissen  201; 400; 403; 404; 409; 422
 *   GET  /api/v1/inwoners/{id}/ketenstatus     200; 403; 404
 *   GET  /api/v1/gebeurtenistypes              200
 *
 * Scope: an inwoner outside the caller's organisaties is 404, exactly as
 * an id that does not exist. Every answer that shows an inwoner's data
 * writes an audit row first; when it cannot, nothing is shown.
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
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/ketenstatus.h"
#include "domain/naamwoord.h"
#include "domain/traject.h"
#include "domain/veld.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "store/structuur.h"


/* ------------------------------------------------------------ JSON */

/* {"soort", "id", "naam"} of who holds the inwoner, and "sinds". A
 * wijkteam, Werkom and Naleving hold an inwoner as a record of their own
 * (id, naam); the UWV is named but has no record here; "geen" while no
 * event has placed the inwoner anywhere. */
static struct json_object *
ketenstatus_json(const struct inwoner_rij *w)
{
	struct json_object *ks = json_object_new_object(),
	    *p = json_object_new_object();
	const char *partij = w->ks_partij, *naam = NULL;
	int64_t id = 0;

	if (partij == NULL)
		partij = "geen";
	if (strcmp(partij, "wijkteam") == 0) {
		id = w->ks_wijkteam_id;
		naam = w->ks_wijkteam;
	} else if (strcmp(partij, "werkom") == 0 ||
	    strcmp(partij, "naleving") == 0) {
		id = w->ks_org_id;
		naam = w->ks_org_naam;
	} else if (strcmp(partij, "uwv") == 0) {
		naam = "UWV";
	} else {
		naam = "Geen";
	}
	json_object_object_add(p, "soort", json_object_new_string(partij));
	json_object_object_add(p, "id", id > 0 ? json_object_new_int64(id) : NULL);
	json_object_object_add(p, "naam", naam ? json_object_new_string(naam) : NULL);
	json_object_object_add(ks, "partij", p);
	json_object_object_add(ks, "sinds", tekst_of_null(w->ks_sinds));
	return ks;
}

/* An inwoner as the API shows it: the BSN only masked, and left out
 * (null) when it cannot be opened; met_status adds the ketenstatus. A
 * new object, the caller's. */
static struct json_object *
inwoner_rij_json(struct req *r, const struct inwoner_rij *w, int met_status)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(w->id));
	json_object_object_add(o, "versie", json_object_new_int64(w->versie));
	json_object_object_add(o, "naam", tekst_of_null(w->naam));
	json_object_object_add(o, "geboortejaar",
	    json_object_new_int64(w->geboortejaar));
	json_object_object_add(o, "wijk_id", json_object_new_int64(w->wijk_id));
	json_object_object_add(o, "wijk", tekst_of_null(w->wijk));
	json_object_object_add(o, "bsn_gemaskeerd", tekst_of_null(w->bsn_sealed ?
	    registratie_bsn_masker(r, w->bsn_sealed) : NULL));
	if (met_status)
		json_object_object_add(o, "ketenstatus", ketenstatus_json(w));
	return o;
}

/* The audit row comes before anything is shown, and when it cannot be
 * written nothing is (fail closed). */
int
inwoner_lees_json(struct req *r, const struct scope *s, int64_t id,
    const char *actie, struct json_object **obj)
{
	struct inwoner_rij w;
	enum db_err rc;

	*obj = NULL;
	if ((rc = store_inwoner_lees(r->db, r->arena, s, id, &w)) != DB_OK) {
		fail_db(r, rc, "inwoner");
		return -1;
	}
	if (w.id == 0)
		return 0;
	if (actie != NULL && audit_persoon(r, actie, "inwoner", id, id,
	    ops_doel(s), GELUKT, NULL) != 0) {
		fail_db(r, DB_ERR, "audit");
		return -1;
	}
	*obj = inwoner_rij_json(r, &w, 1);
	return 0;
}

/* A traject as the API shows it: the names of its thema, opdracht and
 * wijkteam beside their ids, and the kind's label beside its code (the
 * code itself when it has none). A new object, the caller's. */
static struct json_object *
traject_rij_json(const struct traject_rij *t)
{
	struct json_object *o = json_object_new_object();
	const char *lab = traject_soort_label(t->soort);

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	json_object_object_add(o, "versie", json_object_new_int64(t->versie));
	json_object_object_add(o, "inwoner_id",
	    json_object_new_int64(t->inwoner_id));
	json_object_object_add(o, "soort", tekst_of_null(t->soort));
	json_object_object_add(o, "soort_label", tekst_of_null(lab ? lab :
	    t->soort));
	json_object_object_add(o, "thema_id", json_object_new_int64(t->thema_id));
	json_object_object_add(o, "thema", tekst_of_null(t->thema));
	json_object_object_add(o, "opdracht_id",
	    json_object_new_int64(t->opdracht_id));
	json_object_object_add(o, "opdracht", tekst_of_null(t->opdracht));
	json_object_object_add(o, "wijkteam_id",
	    json_object_new_int64(t->wijkteam_id));
	json_object_object_add(o, "wijkteam", tekst_of_null(t->wijkteam));
	json_object_object_add(o, "startdatum", tekst_of_null(t->startdatum));
	json_object_object_add(o, "einddatum", tekst_of_null(t->einddatum));
	return o;
}

int
trajecten_json(struct req *r, const struct scope *s, int64_t inwoner_id,
    int64_t traject_id, struct json_object **arr)
{
	struct traject_rij *t;
	enum db_err rc;
	size_t i, n;

	*arr = NULL;
	if ((rc = store_trajecten(r->db, r->arena, s, inwoner_id, traject_id,
	    &t, &n)) != DB_OK) {
		fail_db(r, rc, "trajecten");
		return -1;
	}
	*arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(*arr, traject_rij_json(&t[i]));
	return 0;
}

/*
 * An event as party p may see it; NULL when p may not. An event of a
 * type the code no longer knows is not shown: without its declaration
 * there is no rule for who may see it (deny by default). Its payload is
 * cut to the fields p may see; an undeclared key is never copied.
 */
static struct json_object *
gebeurtenis_rij_json(const struct gebeurtenis_rij *e, enum gebeurtenis_partij p)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(e->type);
	const struct gebeurtenis_type *v = gebeurtenis_type_find(e->vervalt_type);
	struct json_object *o, *g, *zicht;

	if (t == NULL || !gebeurtenis_zichtbaar(t, v, p))
		return NULL;
	o = json_object_new_object();
	g = json_tokener_parse(e->gegevens ? e->gegevens : "{}");
	zicht = gebeurtenis_gegevens_voor(t, p, g);
	json_object_put(g);
	json_object_object_add(o, "id", json_object_new_int64(e->id));
	json_object_object_add(o, "traject_id",
	    json_object_new_int64(e->traject_id));
	json_object_object_add(o, "type", json_object_new_string(t->code));
	json_object_object_add(o, "type_label", json_object_new_string(t->label));
	json_object_object_add(o, "datum", tekst_of_null(e->datum));
	json_object_object_add(o, "gegevens", zicht);
	json_object_object_add(o, "partij", tekst_of_null(e->partij));
	json_object_object_add(o, "geregistreerd_door", tekst_of_null(e->door));
	json_object_object_add(o, "geregistreerd", tekst_of_null(e->geregistreerd));
	json_object_object_add(o, "vervallen_door", e->vervallen_door > 0 ?
	    json_object_new_int64(e->vervallen_door) : NULL);
	return o;
}

/* The store is asked only for the types p may see, and every row is
 * judged again with the type of the event it voids: a correctie is seen
 * exactly by those who see what it corrects. */
int
gebeurtenissen_json(struct req *r, const struct scope *s,
    int64_t inwoner_id, int64_t gebeurtenis_id, struct json_object **arr)
{
	enum gebeurtenis_partij p = ops_partij(s);
	struct gebeurtenis_rij *e = NULL;
	const char *zien;
	enum db_err rc;
	size_t i, n = 0;

	*arr = NULL;
	if ((zien = gebeurtenis_types_voor(r->arena, p)) == NULL)
		rc = DB_NOMEM;
	else
		rc = store_gebeurtenissen(r->db, r->arena, inwoner_id, zien,
		    gebeurtenis_id, &e, &n);
	if (rc != DB_OK) {
		fail_db(r, rc, "gebeurtenissen");
		return -1;
	}
	*arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		struct json_object *o = gebeurtenis_rij_json(&e[i], p);

		if (o != NULL)
			json_object_array_add(*arr, o);
	}
	return 0;
}

/* ------------------------------------------------------------ API */

/* The scope, or -1 after answering. */
static int
scope(struct req *r, struct scope *s)
{
	return registratie_scope(r, s);
}

/* The inwoner of the path in scope (audit row "inzien" when actie is set);
 * answers 404 and returns -1 when there is none. */
static int
pad_inwoner(struct req *r, const struct scope *s, const char *actie,
    struct json_object **obj)
{
	if (inwoner_lees_json(r, s, route_param_int(&r->match, "id"), actie,
	    obj) != 0)
		return -1;
	if (*obj == NULL) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	return 0;
}

/* 422 with the field errors (taken), as every registration write answers
 * them. */
static void
antwoord_veldfouten(struct req *r, struct json_object *fouten)
{
	resp_problem(r, 422, "Niet alle velden zijn goed ingevuld.", fouten);
}

/* Reads limit and cursor; -1 after answering 400. */
static int
lijst_param(struct req *r, const char *ls, const char *cs, int64_t *limit,
    int64_t *voor)
{
	*limit = WZ_LIST_DEFAULT;
	*voor = 0;
	if (ls != NULL && getal_lees_str(ls, 1, WZ_LIST_MAX, limit) != 0) {
		resp_problem(r, 400, "limit moet een geheel getal van 1 tot en met "
		    "500 zijn.", NULL);
		return -1;
	}
	if (cs != NULL && getal_lees_str(cs, 1, WZ_MAX_ID, voor) != 0) {
		resp_problem(r, 400, "Deze cursor is ongeldig; gebruik de waarde van "
		    "volgende uit een eerder antwoord.", NULL);
		return -1;
	}
	return 0;
}

/*
 * The words typed as a name (domain/naamwoord.h) as up to three LIKE
 * patterns in z->woord, the longest first: it is the most selective, and
 * the search walks its range. A word of three characters or more matches
 * as a prefix ("vries" finds Vriesema), a shorter one only as itself (a
 * prefix of one or two letters is a tenth of all names). Returns the
 * number of words used: 0 when nothing was typed that can be looked for.
 */
int
naam_zoekwoorden(struct req *r, const char *naam, const char *woord[3])
{
	const char *p = naam, *w, *gevonden[3] = { NULL, NULL, NULL };
	size_t n, lens[3] = { 0, 0, 0 }, k, m = 0;

	while ((w = naamwoord_volgende(&p, &n)) != NULL) {
		/* Keep the three longest, longest first. */
		for (k = 0; k < 3 && lens[k] >= n; k++)
			;
		if (k == 3)
			continue;
		memmove(gevonden + k + 1, gevonden + k, (2 - k) * sizeof(*gevonden));
		memmove(lens + k + 1, lens + k, (2 - k) * sizeof(*lens));
		gevonden[k] = w;
		lens[k] = n;
	}
	for (k = 0; k < 3; k++) {
		woord[k] = NULL;
		if (gevonden[k] == NULL)
			continue;
		woord[m++] = arena_printf(r->arena, "%.*s%s", (int)lens[k],
		    gevonden[k], lens[k] >= 3 ? "%" : "");
	}
	return (int)m;
}

/* Answers a list of inwoner rows (limit + 1 were asked), auditing each.
 * Without a cursor (a search by name) "meer_gevonden" says whether more
 * people match than were shown. */
static void
lijst_antwoord(struct req *r, const struct scope *s,
    const struct inwoner_rij *w, size_t n, int64_t limit, int met_cursor)
{
	struct json_object *o = json_object_new_object(),
	    *items = json_object_new_array();
	struct buf ids;
	size_t i;

	buf_init(&ids, r->arena);
	for (i = 0; i < n && i < (size_t)limit; i++) {
		json_object_array_add(items, inwoner_rij_json(r, &w[i], 1));
		buf_printf(&ids, "%s%lld", ids.len ? "," : "", (long long)w[i].id);
	}
	if (ids.failed || audit_inzage(r, ids.len ? ids.data : "",
	    ops_doel(s)) != 0) {
		json_object_put(items);
		json_object_put(o);
		fail_db(r, DB_ERR, "audit");
		return;
	}
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, met_cursor &&
	    n > (size_t)limit ? &w[limit - 1].id : NULL));
	if (!met_cursor)
		json_object_object_add(o, "meer_gevonden", json_object_new_boolean(
		    n > (size_t)limit));
	resp_json(r, 200, o);
}

/* The inwoners in scope, newest first, optionally of one wijk; the cursor
 * is the id of the last one shown. */
static void
api_lijst(struct req *r)
{
	struct inwoner_zoek z;
	struct inwoner_rij *w;
	struct scope s;
	size_t n;
	int64_t limit, voor, wijk = 0;
	const char *ws = kv_get(&r->query, "wijk_id");
	enum db_err rc;

	if (lijst_param(r, kv_get(&r->query, "limit"), kv_get(&r->query,
	    "cursor"), &limit, &voor) != 0 || scope(r, &s) != 0)
		return;
	if (ws != NULL && getal_lees_str(ws, 1, WZ_MAX_ID, &wijk) != 0) {
		resp_problem(r, 400, "wijk_id moet een id zijn.", NULL);
		return;
	}
	memset(&z, 0, sizeof(z));
	z.wijk_id = wijk;
	z.voor_id = voor;
	z.limit = (int)limit + 1;
	if ((rc = store_inwoner_zoek(r->db, r->arena, &s, &z, &w, &n)) != DB_OK) {
		fail_db(r, rc, "inwoners");
		return;
	}
	lijst_antwoord(r, &s, w, n, limit, 1);
}

/*
 * A BSN, when given, wins over a name: it names one person. Only its
 * keyed hash goes to the database; the canonical clear text is wiped as
 * soon as it is sealed. Without a BSN or a name, the wijk (or nothing)
 * is the whole filter.
 */
int
inwoner_zoek(struct req *r, const struct scope *s, const char *naam,
    const char *bsn, int64_t wijk_id, int64_t voor, int64_t limit,
    struct json_object *fouten, struct inwoner_rij **rijen, size_t *n)
{
	struct inwoner_zoek z;
	char canon[BSN_LEN + 1];
	const char *sealed;
	enum db_err rc;
	int e;

	*rijen = NULL;
	*n = 0;
	memset(&z, 0, sizeof(z));
	z.wijk_id = wijk_id;
	z.voor_id = voor;
	z.limit = (int)limit + 1;
	if (bsn != NULL && *bsn != '\0') {
		if ((e = bsn_parse(bsn, canon)) != BSN_OK) {
			fout_melding(fouten, "bsn", bsn_err_text(e));
			return 0;
		}
		if (registratie_bsn_seal(r, canon, &sealed, &z.bsn_hash) != 0) {
			memset(canon, 0, sizeof(canon));
			resp_problem(r, 500, NULL, NULL);
			return -1;
		}
		memset(canon, 0, sizeof(canon));
	} else if (naam != NULL && *naam != '\0') {
		if (naam_zoekwoorden(r, naam, z.woord) == 0) {
			fout_melding(fouten, "naam", "Typ een naam of een deel "
			    "ervan: letters of cijfers.");
			return 0;
		}
	}
	if ((rc = store_inwoner_zoek(r->db, r->arena, s, &z, rijen, n)) != DB_OK) {
		fail_db(r, rc, "zoeken");
		return -1;
	}
	return 0;
}

/*
 * A POST, so that neither a name nor a BSN ever appears in a URL or an
 * access log. The members may be text or numbers (json_tekst), anything
 * else is a 400. A search by BSN or by wijk alone pages by cursor; a
 * search by name does not: it says meer_gevonden instead, and the
 * client asks for another word (a name shared by more than a page of
 * people).
 */
static void
api_zoek(struct req *r)
{
	struct json_object *fouten = json_object_new_array(), *v;
	const char *naam = NULL, *bsn = NULL, *ls = NULL, *cs = NULL, *ws = NULL;
	int64_t limit, voor, wijk = 0;
	struct inwoner_rij *w;
	struct scope s;
	size_t n;
	int bad = 0, b;

	if (!json_object_is_type(r->json, json_type_object)) {
		json_object_put(fouten);
		resp_problem(r, 400, "De body moet een JSON-object zijn.", NULL);
		return;
	}
	/* Each member as text: a number is as good (a wijk_id or BSN sent
	 * as one); an object, array or boolean makes the body a 400. */
#define TEKST(k, var) do { v = NULL; json_object_object_get_ex(r->json, k, &v); \
	var = json_tekst(v, &b); bad |= b; } while (0)
	TEKST("naam", naam);
	TEKST("bsn", bsn);
	TEKST("wijk_id", ws);
	TEKST("limit", ls);
	TEKST("cursor", cs);
#undef TEKST
	if (bad || lijst_param(r, ls, cs, &limit, &voor) != 0) {
		json_object_put(fouten);
		if (bad)
			resp_problem(r, 400, "Zoekvelden zijn tekst of getallen.", NULL);
		return;
	}
	if (ws != NULL && getal_lees_str(ws, 1, WZ_MAX_ID, &wijk) != 0)
		fout_melding(fouten, "wijk_id", "Wijk moet een id zijn.");
	if ((naam == NULL || *naam == '\0') && (bsn == NULL || *bsn == '\0') &&
	    wijk == 0)
		fout_melding(fouten, "naam", "Zoek op naam, BSN of wijk.");
	if (json_object_array_length(fouten) > 0) {
		antwoord_veldfouten(r, fouten);
		return;
	}
	if (scope(r, &s) != 0 || inwoner_zoek(r, &s, naam, bsn, wijk, voor, limit,
	    fouten, &w, &n) != 0) {
		json_object_put(fouten);
		return;
	}
	if (json_object_array_length(fouten) > 0) {
		antwoord_veldfouten(r, fouten);
		return;
	}
	json_object_put(fouten);
	lijst_antwoord(r, &s, w, n, limit, (bsn != NULL && *bsn != '\0') ||
	    naam == NULL || *naam == '\0');
}

/* After a write (transaction open): answers the inwoner as it is now. */
static void
inwoner_antwoord(struct req *r, const struct scope *s, int64_t id,
    int status)
{
	struct json_object *obj;
	const char *loc;

	if (inwoner_lees_json(r, s, id, NULL, &obj) != 0) {
		tx_rollback(r);
		return;
	}
	/* The inwoner just written does not read back in the caller's
	 * scope: nothing of the write is kept (500). */
	if (obj == NULL) {
		tx_rollback(r);
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	loc = arena_printf(r->arena, "/api/v1/inwoners/%lld", (long long)id);
	answer_written(r, obj, status, loc);
}

/* The body of a write must be a JSON object: 0, or -1 after answering
 * 400. */
static int
moet_object(struct req *r)
{
	if (json_object_is_type(r->json, json_type_object))
		return 0;
	resp_problem(r, 400, "De body moet een JSON-object zijn.", NULL);
	return -1;
}

/* The inwoner of the JSON body; a BSN that is named (also as null, which
 * removes it) is "gegeven". */
static void
inwoner_uit_json(struct req *r, struct inwoner_invoer *in)
{
	in->naam = invoer_json(r, "naam");
	in->geboortejaar = invoer_json(r, "geboortejaar");
	in->wijk_id = invoer_json(r, "wijk_id");
	in->bsn = invoer_json(r, "bsn");
	in->bsn_gegeven = json_object_object_get_ex(r->json, "bsn", NULL);
}

/* The Idempotency-Key is looked at first: a retry gets the first answer
 * before anything is judged again. */
static void
api_maak(struct req *r)
{
	struct inwoner_invoer in;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t id = 0;

	if (idem_replay(r) != 0 || moet_object(r) != 0 || scope(r, &s) != 0)
		return;
	inwoner_uit_json(r, &in);
	ops_ctx_van(r, &s, &c);
	u = inwoner_maak(&c, &in, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		inwoner_antwoord(r, &s, id, 201);
}

/* With the ETag of its version, for the If-Match of a PUT; audited as a
 * read (inzien). */
static void
api_lees(struct req *r)
{
	struct json_object *obj;
	struct scope s;

	if (scope(r, &s) != 0 || pad_inwoner(r, &s, "inzien", &obj) != 0)
		return;
	zet_etag(r, json_object_get_int64(json_object_object_get(obj, "versie")));
	resp_json(r, 200, obj);
}

/* The version is compared for the 412 before the input is judged; the
 * current record is read without an audit row of its own (the write's
 * row covers it), and inwoner_wijzig compares again in its transaction,
 * for a change that comes in between. */
static void
api_wijzig(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), versie;
	struct json_object *huidig;
	struct inwoner_invoer in;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;

	if ((versie = if_match_vereist(r)) == 0 || moet_object(r) != 0 ||
	    scope(r, &s) != 0 || pad_inwoner(r, &s, NULL, &huidig) != 0)
		return;
	if (json_object_get_int64(json_object_object_get(huidig, "versie")) !=
	    versie) {
		json_object_put(huidig);
		resp_problem(r, 412, NULL, NULL);
		return;
	}
	json_object_put(huidig);
	inwoner_uit_json(r, &in);
	ops_ctx_van(r, &s, &c);
	u = inwoner_wijzig(&c, &in, id, versie);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		inwoner_antwoord(r, &s, id, 200);
}

/* Reads an inwoner's trajecten or gebeurtenissen (traject_id or
 * gebeurtenis_id > 0: that one) as an array; 0 or -1 after answering. */
typedef int (*onderdelen_fn)(struct req *, const struct scope *, int64_t,
    int64_t, struct json_object **);

/* GET of an inwoner's trajecten or gebeurtenissen: the whole list (they
 * are few per inwoner), audited as one read. */
static void
onderdelen_lijst(struct req *r, const char *soort, onderdelen_fn lees)
{
	struct json_object *inw, *arr, *o;
	struct scope s;
	int64_t id = route_param_int(&r->match, "id");

	if (scope(r, &s) != 0 || pad_inwoner(r, &s, NULL, &inw) != 0)
		return;
	json_object_put(inw);
	if (lees(r, &s, id, 0, &arr) != 0)
		return;
	if (audit_persoon(r, "inzien", soort, id, id, ops_doel(&s),
	    GELUKT, NULL) != 0) {
		json_object_put(arr);
		fail_db(r, DB_ERR, "audit");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", arr);
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

static void
api_trajecten(struct req *r)
{
	onderdelen_lijst(r, "trajecten", trajecten_json);
}

/*
 * After writing a traject or gebeurtenis (transaction open): answers it as
 * it is now — 201 with Location (pad: "trajecten", "gebeurtenissen") and
 * the Idempotency-Key stored, or 200 — with its ETag when it has a
 * version, and commits.
 */
static void
onderdeel_antwoord(struct req *r, const struct scope *s, int64_t inwoner_id,
    int64_t id, int status, const char *pad, onderdelen_fn lees)
{
	struct json_object *arr, *obj;
	const char *loc;

	if (lees(r, s, inwoner_id, id, &arr) != 0) {
		tx_rollback(r);
		return;
	}
	/* As in inwoner_antwoord: what was just written must read back as
	 * one item, or nothing of the write is kept. */
	if (json_object_array_length(arr) != 1) {
		json_object_put(arr);
		tx_rollback(r);
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	obj = json_object_get(json_object_array_get_idx(arr, 0));
	json_object_put(arr);
	loc = arena_printf(r->arena, "/api/v1/inwoners/%lld/%s/%lld",
	    (long long)inwoner_id, pad, (long long)id);
	answer_written(r, obj, status, loc);
}

/* The inwoner of the path for a POST of a traject or gebeurtenis, in
 * scope; -1 after answering. */
static int
onderdeel_inwoner(struct req *r, struct scope *s, int64_t *inwoner_id)
{
	struct json_object *inw;

	*inwoner_id = route_param_int(&r->match, "id");
	if (idem_replay(r) != 0 || moet_object(r) != 0 || scope(r, s) != 0 ||
	    pad_inwoner(r, s, NULL, &inw) != 0)
		return -1;
	json_object_put(inw);
	return 0;
}

/* The inwoner of the path is read first, so that one out of scope is a
 * 404 before anything of the body is judged. */
static void
api_traject_maak(struct req *r)
{
	struct traject_invoer in;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t inwoner_id, id = 0;

	if (onderdeel_inwoner(r, &s, &inwoner_id) != 0)
		return;
	traject_invoer_lees(r, invoer_json, &in);
	ops_ctx_van(r, &s, &c);
	u = traject_maak(&c, &in, inwoner_id, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		onderdeel_antwoord(r, &s, inwoner_id, id, 201, "trajecten",
		    trajecten_json);
}

/* The traject is read in scope (404 when it is not this inwoner's or not
 * the caller's to see) for the 412 before the input is judged, as
 * api_wijzig does. */
static void
api_traject_wijzig(struct req *r)
{
	int64_t inwoner_id = route_param_int(&r->match, "id"),
	    id = route_param_int(&r->match, "traject_id"), versie;
	struct traject_invoer in;
	struct json_object *arr;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t huidig;

	if ((versie = if_match_vereist(r)) == 0 || moet_object(r) != 0 ||
	    scope(r, &s) != 0 || trajecten_json(r, &s, inwoner_id, id, &arr) != 0)
		return;
	if (json_object_array_length(arr) != 1) {
		json_object_put(arr);
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	huidig = json_object_get_int64(json_object_object_get(
	    json_object_array_get_idx(arr, 0), "versie"));
	json_object_put(arr);
	if (huidig != versie) {
		resp_problem(r, 412, NULL, NULL);
		return;
	}
	traject_invoer_lees(r, invoer_json, &in);
	ops_ctx_van(r, &s, &c);
	u = traject_wijzig(&c, &in, inwoner_id, id, versie);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		onderdeel_antwoord(r, &s, inwoner_id, id, 200, "trajecten",
		    trajecten_json);
}

static void
api_gebeurtenissen(struct req *r)
{
	onderdelen_lijst(r, "gebeurtenissen", gebeurtenissen_json);
}

/* gegevens, when sent, must be an object: anything else is ongeldig
 * (a field error of the operation), null is the same as absent. */
static void
api_gebeurtenis_maak(struct req *r)
{
	struct gebeurtenis_invoer in;
	struct json_object *g = NULL;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;
	int64_t inwoner_id, id = 0;

	if (onderdeel_inwoner(r, &s, &inwoner_id) != 0)
		return;
	memset(&in, 0, sizeof(in));
	in.type = invoer_json(r, "type");
	in.traject_id = invoer_json(r, "traject_id");
	in.datum = invoer_json(r, "datum");
	if (json_object_object_get_ex(r->json, "gegevens", &g) && g != NULL) {
		if (json_object_is_type(g, json_type_object))
			in.gegevens = g;
		else
			in.gegevens_ongeldig = 1;
	}
	ops_ctx_van(r, &s, &c);
	u = gebeurtenis_maak(&c, &in, inwoner_id, &id);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		onderdeel_antwoord(r, &s, inwoner_id, id, 201, "gebeurtenissen",
		    gebeurtenissen_json);
}

/* The ketenstatus is part of the inwoner's read, with an audit row of its
 * own that says it was the status that was looked at. */
static void
api_ketenstatus(struct req *r)
{
	struct json_object *inw, *ks;
	struct scope s;

	if (scope(r, &s) != 0 || pad_inwoner(r, &s, NULL, &inw) != 0)
		return;
	if (audit_persoon(r, "inzien", "ketenstatus", route_param_int(&r->match,
	    "id"), route_param_int(&r->match, "id"), ops_doel(&s), GELUKT,
	    NULL) != 0) {
		json_object_put(inw);
		fail_db(r, DB_ERR, "audit");
		return;
	}
	ks = json_object_get(json_object_object_get(inw, "ketenstatus"));
	json_object_put(inw);
	resp_json(r, 200, ks);
}

/* The event types and their fields (domain/gebeurtenis.c), from which a
 * client builds its forms: no personal data, so no audit row. */
static void
api_types(struct req *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "items", gebeurtenis_types_json());
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/* ------------------------------------------------------------ routes */

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
static const struct route routes[] = {
	{ "GET", "/api/v1/gebeurtenistypes", api_types, ACCESS_INGELOGD, J, NULL },
	{ "GET", "/api/v1/inwoners", api_lijst, ACCESS_KETEN, J, NULL },
	{ "POST", "/api/v1/inwoners", api_maak, ACCESS_REGISTRATIE, JB, NULL },
	{ "POST", "/api/v1/inwoners/zoeken", api_zoek, ACCESS_KETEN, JB, NULL },
	{ "GET", "/api/v1/inwoners/{id:int}", api_lees, ACCESS_KETEN, J, NULL },
	{ "PUT", "/api/v1/inwoners/{id:int}", api_wijzig, ACCESS_REGISTRATIE, JB,
	  NULL },
	{ "GET", "/api/v1/inwoners/{id:int}/trajecten", api_trajecten,
	  ACCESS_REGISTRATIE, J, NULL },
	{ "POST", "/api/v1/inwoners/{id:int}/trajecten", api_traject_maak,
	  ACCESS_REGISTRATIE, JB, NULL },
	{ "PUT", "/api/v1/inwoners/{id:int}/trajecten/{traject_id:int}",
	  api_traject_wijzig, ACCESS_REGISTRATIE, JB, NULL },
	{ "GET", "/api/v1/inwoners/{id:int}/gebeurtenissen", api_gebeurtenissen,
	  ACCESS_KETEN, J, NULL },
	{ "POST", "/api/v1/inwoners/{id:int}/gebeurtenissen", api_gebeurtenis_maak,
	  ACCESS_KETEN, JB, NULL },
	{ "GET", "/api/v1/inwoners/{id:int}/ketenstatus", api_ketenstatus,
	  ACCESS_KETEN, J, NULL },
};
ROUTE_TABLE(routes_inwoners, routes);
