/*
 * import.c — importing a team's Excel registration (a CSV export): upload,
 * column mapping, dry run, import (issue 4, "Import"). Teamleiders only
 * (ACCESS_TEAMLEIDER), for their own wijkteamorganisatie.
 *
 * JSON routes (all may also answer 401 without a session, 403 for another
 * role, 500/503):
 *   GET  /api/v1/imports                     200 {items, volgende}; 400
 *   POST /api/v1/imports                     201 (multipart/form-data, the
 *                                            file in part "bestand"); 400;
 *                                            413; 415; 422
 *   GET  /api/v1/imports/{id}                200; 404
 *   POST /api/v1/imports/{id}/proefimport    200 {mapping?}: the dry run;
 *                                            400; 404; 409; 415; 422
 *   POST /api/v1/imports/{id}/uitvoeren      200: imported; 404; 409; 422
 *   GET  /api/v1/import-mapping              200 {mapping, versie}
 *   PUT  /api/v1/import-mapping              200; 400; 412; 415; 422; 428
 * Pages: /registratie/import (upload form and list; POST: the upload),
 * /registratie/import/{id} (mapping, dry run result, import button),
 * POST .../proefimport and .../uitvoeren (forms, 303 back).
 *
 * Writes: every one is an operation of ops/import.h. The upload streams
 * through http/multipart.h here, and its bytes go on to import_upload_*,
 * which stores them in import_blok rows as they come.
 *
 * Memory: the file is never held. The dry run and the import read
 * one block at a time into a private arena and feed it to the CSV reader,
 * and every row's scratch memory is another private arena, reset per row.
 * The request arena only holds what one answer needs, whatever the number
 * of rows. All rows or none: the import is one transaction; any row that
 * fails rolls everything back and its line and reason are reported.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/csvread.h"
#include "core/getal.h"
#include "core/limits.h"
#include "core/log.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/importmapping.h"
#include "domain/ketenstatus.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/import.h"
#include "store/import.h"
#include "store/registratie.h"

/* ------------------------------------------------------------ helpers */

/* The caller's wijkteamorganisatie; -1 after answering. */
static int
imp_scope(struct req *r, struct scope *s)
{
	if (registratie_scope(r, s) != 0)
		return -1;
	if (s->wijkteam_org <= 0) {
		resp_problem(r, 403, "U registreert niet voor een "
		    "wijkteamorganisatie.", NULL);
		return -1;
	}
	return 0;
}

/* Stored JSON text (a column of the import) as a new object the caller
 * puts; NULL for NULL or for text that does not parse, which then reads
 * as "none". */
static struct json_object *
parse_json(const char *s)
{
	return s != NULL ? json_tokener_parse(s) : NULL;
}

/* The fields a column may be mapped to, with their labels and whether a
 * file must have them, for a client's mapping form. IM_NEGEER (0, "Niet
 * importeren") is the absence of a field and is not listed. */
static struct json_object *
velden_json(void)
{
	struct json_object *a = json_object_new_array(), *o;
	int i;

	for (i = 1; i < IM__NVELDEN; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "code",
		    json_object_new_string(im_veld_code((enum im_veld)i)));
		json_object_object_add(o, "label",
		    json_object_new_string(im_veld_label((enum im_veld)i)));
		json_object_object_add(o, "verplicht",
		    json_object_new_boolean(im_veld_verplicht((enum im_veld)i)));
		json_object_array_add(a, o);
	}
	return a;
}

/* The JSON of an import (with or without the details). */
static struct json_object *
import_json(struct req *r, int64_t org, const struct import_rij *imp,
    int detail)
{
	struct json_object *o = json_object_new_object(), *kol, *res, *vb;
	const char **k, *bron = NULL;
	struct ops_ctx ctx;
	size_t n;

	json_object_object_add(o, "id", json_object_new_int64(imp->id));
	json_object_object_add(o, "versie", json_object_new_int64(imp->versie));
	json_object_object_add(o, "bestandsnaam",
	    json_object_new_string(imp->bestandsnaam));
	json_object_object_add(o, "sha256", json_object_new_string(imp->sha256));
	json_object_object_add(o, "grootte", json_object_new_int64(imp->grootte));
	json_object_object_add(o, "rijen", json_object_new_int64(imp->rijen));
	json_object_object_add(o, "status", json_object_new_string(imp->status));
	json_object_object_add(o, "aangemaakt",
	    json_object_new_string(imp->aangemaakt));
	json_object_object_add(o, "ingelezen_op", tekst_of_null(imp->ingelezen_op));
	if (!detail)
		return o;
	kol = parse_json(imp->kolommen);
	k = import_kolommen(r->arena, imp->kolommen, &n);
	json_object_object_add(o, "kolommen", kol ? kol : json_object_new_array());
	if (k != NULL) {
		/* The import's own mapping once a dry run stored one; before
		 * that a proposal: the organisatie's saved choice per column,
		 * else a guess from the column's name. mapping_bron says
		 * which. */
		ops_ctx_van(r, NULL, &ctx);
		json_object_object_add(o, "mapping", import_mapping_voorstel(&ctx,
		    org, imp->mapping, k, n, &bron));
		json_object_put(ctx.fouten);
		json_object_object_add(o, "mapping_bron",
		    json_object_new_string(bron));
	}
	res = parse_json(imp->resultaat);
	/* The dry run's preview shows names and birth years from the file:
	 * showing it is a read of personal data, audited; when the row
	 * cannot be written the preview is left out (fail closed). */
	if (res != NULL && json_object_object_get_ex(res, "voorbeeld", &vb) &&
	    json_object_is_type(vb, json_type_array) &&
	    json_object_array_length(vb) > 0 &&
	    audit_persoon(r, "inzien", "import", imp->id, 0, DOEL_IMPORT, GELUKT,
	    "voorbeeld van de proefimport") != 0)
		json_object_object_del(res, "voorbeeld");
	json_object_object_add(o, "resultaat", res);
	json_object_object_add(o, "velden", velden_json());
	return o;
}

/* Reads import id of org; 0, or -1 after answering (404). */
static int
import_lees(struct req *r, int64_t org, int64_t id, struct import_rij *imp)
{
	enum db_err rc;

	if ((rc = store_import_lees(r->db, r->arena, org, id, imp)) != DB_OK) {
		fail_db(r, rc, "import");
		return -1;
	}
	if (imp->id == 0) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ upload */

/* What tel_rij learns of the file while it streams by: the header's
 * column names (a JSON array, the caller's), how many rows stand under
 * it, and the first thing wrong with the header ("" while none). */
struct telling {
	size_t               rijen;
	int                  kop;          /* header seen */
	struct json_object  *kolommen;
	char                 fout[200];
};

/*
 * The header names, and a count of the rows under it. The first row is
 * the header: its names are trimmed, an empty one is called "Kolom <n>",
 * and two alike are an error, since a mapping is keyed by column name.
 * Every later row is only counted; what is wrong inside one is for the
 * dry run to report, with its line. Always 0: the reader goes on to the
 * end of the file, whatever its header.
 */
static int
tel_rij(void *arg, const struct csvread_row *row)
{
	struct telling *t = arg;
	char naam[IM_MAX_KOLOMNAAM + 16], *s;
	size_t i, j;

	if (t->kop) {
		t->rijen++;
		return 0;
	}
	t->kop = 1;
	if (row->err != CSVREAD_OK) {
		snprintf(t->fout, sizeof(t->fout), "De kopregel is onleesbaar: %s",
		    row->message);
		return 0;
	}
	if (row->nfields > IM_MAX_KOLOMMEN) {
		snprintf(t->fout, sizeof(t->fout), "Het bestand heeft meer dan %d "
		    "kolommen.", IM_MAX_KOLOMMEN);
		return 0;
	}
	for (i = 0; i < row->nfields; i++) {
		s = csv_trim(row->fields[i]);
		if (strlen(s) > IM_MAX_KOLOMNAAM) {
			snprintf(t->fout, sizeof(t->fout), "De naam van kolom %zu is "
			    "langer dan %d tekens.", i + 1, IM_MAX_KOLOMNAAM);
			return 0;
		}
		if (*s == '\0')
			snprintf(naam, sizeof(naam), "Kolom %zu", i + 1);
		else
			snprintf(naam, sizeof(naam), "%s", s);
		for (j = 0; j < i; j++) {
			if (strcmp(json_object_get_string(json_object_array_get_idx(
			    t->kolommen, j)), naam) == 0) {
				snprintf(t->fout, sizeof(t->fout), "Twee kolommen heten "
				    "hetzelfde (kolom %zu en %zu): geef elke kolom een "
				    "eigen naam.", j + 1, i + 1);
				return 0;
			}
		}
		json_object_array_add(t->kolommen, json_object_new_string(naam));
	}
	return 0;
}

/*
 * Streams the file of the upload into a new import through the
 * operations of ops/import.h (import_upload_*), reading its header and
 * counting its rows on the way. Returns 0 with *id set and the
 * transaction open, 1 when the file is refused (c->fouten filled; rolled
 * back), or -1 after answering an error (rolled back).
 */
static int
upload_lees(struct req *r, struct ops_ctx *c, int64_t *id)
{
	struct upload *u = r->upload;
	struct import_upload *up;
	struct import_kop kop;
	struct telling t;
	struct csvread *csv = NULL;
	const char *d, *bestand = NULL;
	size_t len;
	enum mp_event ev;
	enum csvread_err ce = CSVREAD_OK;
	enum ops_uitkomst uk;
	int ret = -1;

	if (u != NULL && u->fout != 0) {
		resp_problem(r, u->fout, u->fout_tekst, NULL);
		return -1;
	}
	memset(&t, 0, sizeof(t));
	/* A part other than "bestand", or a file part without a name
	 * (nothing chosen in the form), is no file: the operation says so
	 * ("Kies een CSV-bestand."). */
	if (u != NULL && u->in_file && strcmp(u->mp.part.name, "bestand") == 0)
		bestand = u->mp.part.filename;
	if ((uk = import_upload_begin(c, bestand, &up, id)) != OPS_OK)
		goto uit;
	t.kolommen = json_object_new_array();
	if ((csv = csvread_new(NULL, tel_rij, &t)) == NULL) {
		ops_rollback(c);
		resp_problem(r, 500, NULL, NULL);
		goto weg;
	}
	for (;;) {
		ev = upload_next(u, &d, &len);
		if (ev == MP_PART_END || ev == MP_DONE)
			break;
		if (ev == MP_ERROR) {
			ops_rollback(c);
			resp_problem(r, 400, mp_strerror(u->mp.err), NULL);
			goto weg;
		}
		if (ev != MP_DATA)
			continue;
		/* After the reader's first error the CSV is no longer read,
		 * but the rest of the body is still taken in and stored: the
		 * error is judged with the rest once the file is complete,
		 * in the order users have always seen (import_upload_klaar). */
		if (ce == CSVREAD_OK)
			ce = csvread_feed(csv, d, len);
		if ((uk = import_upload_deel(c, up, d, len)) != OPS_OK)
			goto uit;
	}
	if (ce == CSVREAD_OK)
		ce = csvread_finish(csv);
	kop.rijen = t.rijen;
	kop.fout = ce != CSVREAD_OK ? csvread_strerror(ce) :
	    t.fout[0] != '\0' ? t.fout : NULL;
	kop.kolommen = json_object_to_json_string_ext(t.kolommen,
	    JSON_C_TO_STRING_PLAIN);
	uk = import_upload_klaar(c, up, &kop);
uit:
	if (uk == OPS_OK)
		ret = 0;
	else if (uk == OPS_VELDEN)
		ret = 1;
	else
		antwoord_uitkomst(r, c, uk);
weg:
	csvread_free(csv);
	json_object_put(t.kolommen);
	return ret;
}

/* ------------------------------------------------------------ dry run and import */

/* ------------------------------------------------------------ JSON API */

/* The {id} of the path, which the router matched as an int. */
static int64_t
route_id(struct req *r)
{
	return route_param_int(&r->match, "id");
}

/* The import as JSON after an action, 200. */
static void
api_toon(struct req *r, const struct scope *s, int64_t id,
    struct json_object *voorbeeld)
{
	struct import_rij imp;
	struct json_object *o, *res;

	if (import_lees(r, s->wijkteam_org, id, &imp) != 0) {
		json_object_put(voorbeeld);
		return;
	}
	o = import_json(r, s->wijkteam_org, &imp, 1);
	if (voorbeeld != NULL && json_object_object_get_ex(o, "resultaat", &res) &&
	    res != NULL)
		json_object_object_add(res, "voorbeeld", voorbeeld);
	else
		json_object_put(voorbeeld);
	resp_json(r, 200, o);
}

/* The organisatie's imports, newest first, without their details (no
 * columns, mapping or result); the cursor is the last id shown. */
static void
api_lijst(struct req *r)
{
	struct scope s;
	struct import_rij *imp;
	struct json_object *o, *items;
	const char *ls = kv_get(&r->query, "limit"), *cs = kv_get(&r->query,
	    "cursor");
	int64_t limit = WZ_LIST_DEFAULT, voor = 0;
	enum db_err rc;
	size_t i, n;

	/* The cursor's bound is 2^53 - 1, the largest integer that every
	 * JSON client keeps exactly. */
	if ((ls != NULL && getal_lees_str(ls, 1, WZ_LIST_MAX, &limit) != 0) ||
	    (cs != NULL && getal_lees_str(cs, 1, INT64_C(9007199254740991),
	    &voor) != 0)) {
		resp_problem(r, 400, "limit moet 1 tot en met 500 zijn en cursor de "
		    "waarde van volgende uit een eerder antwoord.", NULL);
		return;
	}
	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = store_import_lijst(r->db, r->arena, s.wijkteam_org, voor,
	    (int)limit + 1, &imp, &n)) != DB_OK) {
		fail_db(r, rc, "imports");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_object_array_add(items, import_json(r, s.wijkteam_org, &imp[i],
		    0));
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, n > (size_t)limit ?
	    &imp[limit - 1].id : NULL));
	resp_json(r, 200, o);
}

/* The Idempotency-Key is looked at first. The new import is read back in
 * the upload's transaction, answered 201 with Location, and that answer
 * is stored under the key before the commit: a retry creates nothing. */
static void
api_upload(struct req *r)
{
	struct scope s;
	struct json_object *o;
	struct import_rij imp;
	struct ops_ctx c;
	int64_t id = 0;
	int rc;

	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = idem_replay(r)) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	rc = upload_lees(r, &c, &id);
	if (rc > 0) {
		resp_problem(r, 422, "Het bestand kan niet worden gelezen.",
		    c.fouten);
		return;
	}
	json_object_put(c.fouten);
	if (rc < 0)
		return;
	if (import_lees(r, s.wijkteam_org, id, &imp) != 0) {
		tx_rollback(r);
		return;
	}
	o = import_json(r, s.wijkteam_org, &imp, 1);
	if (answer_created(r, o, arena_printf(r->arena, "/api/v1/imports/%lld",
	    (long long)id)) != 0)
		return;
	if (tx_commit(r) != 0)
		return;
}

/* One import with its details; the preview of a dry run in it is audited
 * as a read of personal data (import_json). */
static void
api_lees(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	api_toon(r, &s, route_id(r), NULL);
}

/* The body is optional: without a mapping (or with null) the proposed
 * one is used. The answer is the import as stored after the run, with
 * this run's preview in its result. */
static void
api_proef(struct req *r)
{
	struct scope s;
	struct json_object *mapping = NULL, *res = NULL, *vb = NULL;
	struct ops_ctx c;
	enum ops_uitkomst u;

	if (r->json != NULL && !json_object_is_type(r->json, json_type_object)) {
		resp_problem(r, 400, "Stuur een object: {\"mapping\": {...}}.", NULL);
		return;
	}
	if (r->json != NULL)
		json_object_object_get_ex(r->json, "mapping", &mapping);
	if (mapping != NULL && json_object_is_type(mapping, json_type_null))
		mapping = NULL;
	if (imp_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = import_proef(&c, route_id(r), mapping, &res);
	if (u == OPS_VELDEN) {
		resp_problem(r, 422, "De koppeling van de kolommen is niet "
		    "compleet.", c.fouten);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK)
		return;
	json_object_object_get_ex(res, "voorbeeld", &vb);
	json_object_get(vb);
	json_object_put(res);
	api_toon(r, &s, route_id(r), vb);
}

/* Failed rows are a 422 whose errors are those rows ({veld, melding,
 * regel}); the import is then mislukt, with its result kept, and may be
 * run again. */
static void
api_uitvoeren(struct req *r)
{
	struct scope s;
	struct json_object *res = NULL, *fouten, *f, *e;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i;

	if (imp_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = import_uitvoeren(&c, route_id(r), &res);
	if (u == OPS_VELDEN) {
		json_object_put(c.fouten);
		/* The problem's errors: {veld, melding, regel} per failed row
		 * (the first IMPORT_MAX_FOUTEN). */
		fouten = json_object_new_array();
		f = json_object_object_get(res, "fouten");
		for (i = 0; f != NULL && i < json_object_array_length(f); i++) {
			e = json_object_array_get_idx(f, i);
			json_object_array_add(fouten, json_object_get(e));
		}
		json_object_put(res);
		resp_problem(r, 422, "Er is niets geïmporteerd: een of meer rijen "
		    "zijn fout. Verbeter het bestand en upload het opnieuw.", fouten);
		return;
	}
	json_object_put(res);
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		api_toon(r, &s, route_id(r), NULL);
}

/* The organisatie's saved mapping with the fields it may use; an ETag
 * only once there is one (versie 0: never saved, and a PUT without
 * If-Match creates it). */
static void
api_mapping(struct req *r)
{
	struct scope s;
	struct json_object *o;
	const char *tekst;
	int64_t versie;
	enum db_err rc;

	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = store_import_mapping_lees(r->db, r->arena, s.wijkteam_org,
	    &tekst, &versie)) != DB_OK) {
		fail_db(r, rc, "import mapping");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(s.wijkteam_org));
	json_object_object_add(o, "versie", json_object_new_int64(versie));
	json_object_object_add(o, "mapping", versie > 0 ?
	    parse_json(tekst) : json_object_new_object());
	json_object_object_add(o, "velden", velden_json());
	if (versie > 0)
		zet_etag(r, versie);
	resp_json(r, 200, o);
}

/* Every member is judged before the scope is read: a column name longer
 * than IM_MAX_KOLOMNAAM or an unknown field code is an error at that
 * column. Once a mapping exists a PUT needs If-Match (428). */
static void
api_mapping_zet(struct req *r)
{
	struct scope s;
	struct json_object *m = NULL, *fouten;
	const char *tekst;
	int64_t versie = if_match_version(r), huidig = 0;
	struct ops_ctx c;
	enum ops_uitkomst u;
	enum db_err rc;

	if (r->json == NULL || !json_object_is_type(r->json, json_type_object) ||
	    !json_object_object_get_ex(r->json, "mapping", &m)) {
		resp_problem(r, 400, "Stuur een object: {\"mapping\": {kolomnaam: "
		    "veld}}.", NULL);
		return;
	}
	fouten = json_object_new_array();
	if (!json_object_is_type(m, json_type_object))
		fout_melding(fouten, "mapping", "De koppeling moet een object zijn: "
		    "kolomnaam → veld.");
	else {
		json_object_object_foreach(m, key, val) {
			if (!json_object_is_type(val, json_type_string) ||
			    im_veld_parse(json_object_get_string(val)) < 0 ||
			    strlen(key) > IM_MAX_KOLOMNAAM)
				fout_melding(fouten, key, "Onbekend veld of te lange "
				    "kolomnaam.");
		}
	}
	if (json_object_array_length(fouten) > 0) {
		resp_problem(r, 422, "De koppeling is ongeldig.", fouten);
		return;
	}
	json_object_put(fouten);
	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = store_import_mapping_lees(r->db, r->arena, s.wijkteam_org,
	    &tekst, &huidig)) != DB_OK) {
		fail_db(r, rc, "import mapping");
		return;
	}
	if (huidig > 0 && r->if_match == NULL) {
		resp_problem(r, 428, "Stuur If-Match met de versie van de koppeling.",
		    NULL);
		return;
	}
	/* No mapping yet: version 0 creates it. Once there is one it is
	 * changed only at the version the client read; a malformed If-Match
	 * asks for version -1, which matches none (412). */
	ops_ctx_van(r, &s, &c);
	u = import_mapping_zet(&c, json_object_to_json_string_ext(m,
	    JSON_C_TO_STRING_PLAIN), huidig > 0 ? (versie > 0 ? versie : -1) : 0);
	antwoord_uitkomst(r, &c, u);
	if (u != OPS_OK || tx_commit(r) != 0)
		return;
	api_mapping(r);
}

/* ------------------------------------------------------------ pages */

/* The length of array member key of o; 0 when there is none. */
static size_t
arr_len(struct json_object *o, const char *key)
{
	struct json_object *a = o != NULL ? json_object_object_get(o, key) : NULL;

	return a != NULL && json_object_is_type(a, json_type_array) ?
	    json_object_array_length(a) : 0;
}

/* How a status reads on the pages; an unknown one as itself. */
static const char *
status_label(const char *st)
{
	if (strcmp(st, "geupload") == 0)
		return "Geüpload: kolommen koppelen";
	if (strcmp(st, "gecontroleerd") == 0)
		return "Proefimport gedaan";
	if (strcmp(st, "ingelezen") == 0)
		return "Geïmporteerd";
	if (strcmp(st, "mislukt") == 0)
		return "Import mislukt: niets geïmporteerd";
	return st;
}

/* The upload form above the latest 20 imports. fouten (taken) are the
 * upload's field errors, for a 422. A list that cannot be read shows
 * none rather than lose the form and its errors. */
static void
imp_pagina_lijst(struct req *r, const struct scope *s, int status,
    struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object(), *items, *o;
	struct import_rij *imp;
	size_t i, n;

	items = json_object_new_array();
	if (store_import_lijst(r->db, r->arena, s->wijkteam_org, 0, 20,
	    &imp, &n) == DB_OK) {
		for (i = 0; i < n; i++) {
			o = import_json(r, s->wijkteam_org, &imp[i], 0);
			json_object_object_add(o, "status_label", json_object_new_string(
			    status_label(imp[i].status)));
			json_object_array_add(items, o);
		}
	}
	json_object_object_add(ctx, "heeft_imports", json_object_new_boolean(
	    json_object_array_length(items) > 0));
	json_object_object_add(ctx, "imports", items);
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Registratie importeren"));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "import", ctx);
}

static void
pagina_import(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	imp_pagina_lijst(r, &s, 200, NULL);
}

/* The page face of the upload: 303 to the new import's page, or the list
 * page again with what was wrong with the file (422). */
static void
pagina_upload(struct req *r)
{
	struct scope s;
	struct ops_ctx c;
	int64_t id = 0;
	int rc;

	if (imp_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	rc = upload_lees(r, &c, &id);
	if (rc > 0) {
		imp_pagina_lijst(r, &s, 422, c.fouten);
		return;
	}
	json_object_put(c.fouten);
	if (rc < 0 || tx_commit(r) != 0)
		return;
	resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
	    (long long)id));
}

/*
 * The detail page: mapping form, dry run result, import button. Every
 * column gets a select of every field with the mapping's choice marked;
 * the import button is offered only after a dry run without errors.
 * fouten (taken, may be NULL): the mapping's errors, for a 422.
 */
static void
imp_pagina_detail(struct req *r, const struct scope *s, int64_t id,
    int status, struct json_object *fouten)
{
	struct import_rij imp;
	struct json_object *ctx, *o, *kol, *map, *rijen, *res, *opties, *opt, *v;
	const char *st, *gekozen;
	size_t i;
	int f;

	if (import_lees(r, s->wijkteam_org, id, &imp) != 0) {
		json_object_put(fouten);
		return;
	}
	ctx = json_object_new_object();
	o = import_json(r, s->wijkteam_org, &imp, 1);
	st = imp.status;
	json_object_object_add(o, "status_label",
	    json_object_new_string(status_label(st)));
	kol = json_object_object_get(o, "kolommen");
	map = json_object_object_get(o, "mapping");
	rijen = json_object_new_array();
	for (i = 0; kol != NULL && i < json_object_array_length(kol); i++) {
		const char *naam = json_object_get_string(
		    json_object_array_get_idx(kol, i));
		struct json_object *k = json_object_new_object();

		gekozen = map != NULL && json_object_object_get_ex(map, naam, &v) ?
		    json_object_get_string(v) : "";
		json_object_object_add(k, "nr", json_object_new_int64((int64_t)i));
		json_object_object_add(k, "naam", json_object_new_string(naam));
		opties = json_object_new_array();
		for (f = 0; f < IM__NVELDEN; f++) {
			opt = json_object_new_object();
			json_object_object_add(opt, "code", json_object_new_string(
			    im_veld_code((enum im_veld)f)));
			json_object_object_add(opt, "label", json_object_new_string(
			    im_veld_label((enum im_veld)f)));
			json_object_object_add(opt, "gekozen", json_object_new_boolean(
			    strcmp(gekozen, im_veld_code((enum im_veld)f)) == 0));
			json_object_array_add(opties, opt);
		}
		json_object_object_add(k, "opties", opties);
		json_object_array_add(rijen, k);
	}
	json_object_object_add(ctx, "kolommen", rijen);
	res = json_object_object_get(o, "resultaat");
	json_object_object_add(ctx, "heeft_voorbeeld", json_object_new_boolean(
	    arr_len(res, "voorbeeld") > 0));
	json_object_object_add(ctx, "heeft_fouten", json_object_new_boolean(
	    arr_len(res, "fouten") > 0));
	json_object_object_add(ctx, "import", o);
	json_object_object_add(ctx, "ingelezen", json_object_new_boolean(
	    strcmp(st, "ingelezen") == 0));
	json_object_object_add(ctx, "te_koppelen", json_object_new_boolean(
	    strcmp(st, "ingelezen") != 0));
	/* The import button is offered only after a dry run that found
	 * nothing wrong: an import of anything else would be refused or
	 * fail on its rows. */
	json_object_object_add(ctx, "kan_importeren", json_object_new_boolean(
	    strcmp(st, "gecontroleerd") == 0 && res != NULL &&
	    json_object_get_int64(json_object_object_get(res,
	    "fouten_aantal")) == 0));
	json_object_object_add(ctx, "mislukt", json_object_new_boolean(
	    strcmp(st, "mislukt") == 0));
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Import van een registratie"));
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "import_detail", ctx);
}

static void
pagina_import_detail(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	imp_pagina_detail(r, &s, route_id(r), 200, NULL);
}

/* The mapping as chosen in the form: one select per column, by position
 * (kolom_<n>, in the order of the stored header); "Niet importeren" is
 * sent as "", the code of IM_NEGEER. */
static void
pagina_proef(struct req *r)
{
	struct import_rij imp;
	struct json_object *mapping, *res = NULL;
	struct ops_ctx c;
	struct scope s;
	const char **k, *v;
	char veld[32];
	size_t n = 0, i;
	enum ops_uitkomst u;
	enum db_err rc;

	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = store_import_lees(r->db, r->arena, s.wijkteam_org, route_id(r),
	    &imp)) != DB_OK) {
		fail_db(r, rc, "import");
		return;
	}
	if (imp.id == 0) {
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	k = import_kolommen(r->arena, imp.kolommen, &n);
	mapping = json_object_new_object();
	for (i = 0; k != NULL && i < n; i++) {
		snprintf(veld, sizeof(veld), "kolom_%zu", i);
		v = kv_get(&r->form, veld);
		json_object_object_add(mapping, k[i], json_object_new_string(
		    v != NULL ? v : ""));
	}
	ops_ctx_van(r, &s, &c);
	u = import_proef(&c, route_id(r), mapping, &res);
	json_object_put(mapping);
	json_object_put(res);
	if (u == OPS_VELDEN) {
		imp_pagina_detail(r, &s, route_id(r), 422, c.fouten);
		return;
	}
	antwoord_uitkomst(r, &c, u);
	if (u == OPS_OK)
		resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
		    (long long)route_id(r)));
}

/* A finished import and one that failed on its rows both go back to the
 * detail page, which shows the stored result; only other outcomes are
 * answered as errors. */
static void
pagina_uitvoeren(struct req *r)
{
	struct json_object *res = NULL;
	struct ops_ctx c;
	struct scope s;
	enum ops_uitkomst u;

	if (imp_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = import_uitvoeren(&c, route_id(r), &res);
	json_object_put(res);
	/* Done, or failed with its result stored: the page shows which. */
	if (u == OPS_OK || u == OPS_VELDEN) {
		json_object_put(c.fouten);
		resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
		    (long long)route_id(r)));
		return;
	}
	antwoord_uitkomst(r, &c, u);
}

#define J	ROUTE_JSON
#define JB	(ROUTE_JSON | ROUTE_BODY_JSON)
#define JU	(ROUTE_JSON | ROUTE_BODY_UPLOAD)
#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
#define HU	(ROUTE_HTML | ROUTE_BODY_UPLOAD)

static const struct route routes[] = {
	{ "GET", "/api/v1/imports", api_lijst, ACCESS_TEAMLEIDER, J, NULL },
	{ "POST", "/api/v1/imports", api_upload, ACCESS_TEAMLEIDER, JU, NULL },
	{ "GET", "/api/v1/imports/{id:int}", api_lees, ACCESS_TEAMLEIDER, J, NULL },
	{ "POST", "/api/v1/imports/{id:int}/proefimport", api_proef,
	  ACCESS_TEAMLEIDER, JB, NULL },
	{ "POST", "/api/v1/imports/{id:int}/uitvoeren", api_uitvoeren,
	  ACCESS_TEAMLEIDER, J, NULL },
	{ "GET", "/api/v1/import-mapping", api_mapping, ACCESS_TEAMLEIDER, J,
	  NULL },
	{ "PUT", "/api/v1/import-mapping", api_mapping_zet, ACCESS_TEAMLEIDER, JB,
	  NULL },
	{ "GET", "/registratie/import", pagina_import, ACCESS_TEAMLEIDER, H, NULL },
	{ "POST", "/registratie/import", pagina_upload, ACCESS_TEAMLEIDER, HU, NULL },
	{ "GET", "/registratie/import/{id:int}", pagina_import_detail, ACCESS_TEAMLEIDER, H,
	  NULL },
	{ "POST", "/registratie/import/{id:int}/proefimport", pagina_proef,
	  ACCESS_TEAMLEIDER, HF, NULL },
	{ "POST", "/registratie/import/{id:int}/uitvoeren", pagina_uitvoeren,
	  ACCESS_TEAMLEIDER, HF, NULL },
};
ROUTE_TABLE(routes_import, routes);
