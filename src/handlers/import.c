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
 * Memory: the file is never held. The upload streams through
 * http/multipart.h into import_blok rows; the dry run and the import read
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
#include <sodium.h>

#include "core/arena.h"
#include "core/csvread.h"
#include "core/getal.h"
#include "core/limits.h"
#include "core/log.h"
#include "core/seal.h"
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
#include "store/import.h"
#include "store/registratie.h"

/* Most data rows one file may have. */
#define IMPORT_MAX_RIJEN	500000
/* Row errors kept in a result (the count is always complete). */
#define IMPORT_MAX_FOUTEN	1000
/* Rows of a dry run shown as a preview. */
#define IMPORT_VOORBEELD	20

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

static struct json_object *
parse_json(const char *s)
{
	return s != NULL ? json_tokener_parse(s) : NULL;
}

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

/* The column headers of an import row, as an arena array. */
static const char **
kolom_namen(struct req *r, struct json_object *kol, size_t *n)
{
	const char **k;
	size_t i;

	*n = kol != NULL && json_object_is_type(kol, json_type_array) ?
	    json_object_array_length(kol) : 0;
	if ((k = arena_calloc(r->arena, *n + 1, sizeof(*k))) == NULL)
		return NULL;
	for (i = 0; i < *n; i++)
		k[i] = arena_strdup(r->arena, json_object_get_string(
		    json_object_array_get_idx(kol, i)));
	return k;
}

/*
 * The mapping to propose for these columns: the import's own when it has
 * one, else per column the organisatie's saved choice, else a guess. A new
 * object; *bron (OUT) says where it came from.
 */
static struct json_object *
mapping_voorstel(struct req *r, int64_t org, const char *eigen,
    const char **kol, size_t n, const char **bron)
{
	struct json_object *m, *saved = NULL, *v;
	struct db_rows rows;
	size_t i;

	if ((m = parse_json(eigen)) != NULL &&
	    json_object_is_type(m, json_type_object)) {
		*bron = "import";
		return m;
	}
	json_object_put(m);
	m = json_object_new_object();
	*bron = "geraden";
	if (store_import_mapping_lees(r->db, r->arena, org, &rows) == DB_OK &&
	    rows.nrows > 0)
		saved = parse_json(DB_CELL(&rows, 0, 0));
	for (i = 0; i < n; i++) {
		if (saved != NULL && json_object_object_get_ex(saved, kol[i], &v) &&
		    json_object_is_type(v, json_type_string)) {
			json_object_object_add(m, kol[i], json_object_get(v));
			*bron = "organisatie";
		} else {
			json_object_object_add(m, kol[i], json_object_new_string(
			    im_veld_code(im_veld_raad(kol[i]))));
		}
	}
	json_object_put(saved);
	return m;
}

/* The JSON of import row 0 of rows (with or without the details). */
static struct json_object *
import_json(struct req *r, int64_t org, const struct db_rows *rows, size_t i,
    int detail)
{
	struct json_object *o = json_object_new_object(), *kol, *res, *vb;
	const char **k, *bron = NULL;
	const char *c;
	size_t n;

	json_object_object_add(o, "id", json_object_new_int64(
	    db_cell_int(DB_CELL(rows, i, IMP_ID), 0)));
	json_object_object_add(o, "versie", json_object_new_int64(
	    db_cell_int(DB_CELL(rows, i, IMP_VERSIE), 1)));
	json_object_object_add(o, "bestandsnaam",
	    json_object_new_string(DB_CELL(rows, i, IMP_BESTANDSNAAM)));
	json_object_object_add(o, "sha256",
	    json_object_new_string(DB_CELL(rows, i, IMP_SHA256)));
	json_object_object_add(o, "grootte", json_object_new_int64(
	    db_cell_int(DB_CELL(rows, i, IMP_GROOTTE), 0)));
	json_object_object_add(o, "rijen", json_object_new_int64(
	    db_cell_int(DB_CELL(rows, i, IMP_RIJEN), 0)));
	json_object_object_add(o, "status",
	    json_object_new_string(DB_CELL(rows, i, IMP_STATUS)));
	json_object_object_add(o, "aangemaakt",
	    json_object_new_string(DB_CELL(rows, i, IMP_AANGEMAAKT)));
	c = DB_CELL(rows, i, IMP_INGELEZEN_OP);
	json_object_object_add(o, "ingelezen_op",
	    c ? json_object_new_string(c) : NULL);
	if (!detail)
		return o;
	kol = parse_json(DB_CELL(rows, i, IMP_KOLOMMEN));
	k = kolom_namen(r, kol, &n);
	json_object_object_add(o, "kolommen", kol ? kol : json_object_new_array());
	if (k != NULL) {
		json_object_object_add(o, "mapping", mapping_voorstel(r, org,
		    DB_CELL(rows, i, IMP_MAPPING), k, n, &bron));
		json_object_object_add(o, "mapping_bron",
		    json_object_new_string(bron));
	}
	res = parse_json(DB_CELL(rows, i, IMP_RESULTAAT));
	/* The dry run's preview shows names and birth years from the file:
	 * showing it is a read of personal data, audited; when the row
	 * cannot be written the preview is left out (fail closed). */
	if (res != NULL && json_object_object_get_ex(res, "voorbeeld", &vb) &&
	    json_object_is_type(vb, json_type_array) &&
	    json_object_array_length(vb) > 0 &&
	    audit_persoon(r, "inzien", "import", db_cell_int(DB_CELL(rows, i,
	    IMP_ID), 0), 0, DOEL_IMPORT, GELUKT, "voorbeeld van de proefimport")
	    != 0)
		json_object_object_del(res, "voorbeeld");
	json_object_object_add(o, "resultaat", res);
	json_object_object_add(o, "velden", velden_json());
	return o;
}

/* Reads import id of org into rows; 0, or -1 after answering (404). */
static int
import_lees(struct req *r, int64_t org, int64_t id, struct db_rows *rows)
{
	enum db_err rc;

	if ((rc = store_import_lees(r->db, r->arena, org, id, rows)) != DB_OK) {
		fail_db(r, rc, "import");
		return -1;
	}
	if (rows->nrows == 0) {
		resp_problem(r, 404, NULL, NULL);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ upload */

struct telling {
	size_t               rijen;
	int                  kop;          /* header seen */
	struct json_object  *kolommen;
	char                 fout[200];
};

/* The header names, and a count of the rows under it. */
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
 * Stores one block of the uploaded file sealed (core/seal.h): the file
 * holds names and BSNs, and it stays in the database between the upload
 * and the import (or for good, when nobody imports it). box holds
 * SEAL_B64_LEN(IMPORT_BLOK) bytes.
 */
static enum db_err
blok_bewaar(struct req *r, int64_t id, int64_t nr, const char *blok,
    size_t len, char *box)
{
	if (seal_encrypt(r->seal, blok, len, box, SEAL_B64_LEN(IMPORT_BLOK))
	    != 0)
		return DB_ERR;
	return store_import_blok(r->db, id, nr, box, strlen(box));
}

/*
 * Streams the file of the upload into a new import, in the caller's
 * transaction. Returns 0 (*id set), 1 when the file is refused (fouten
 * filled; the caller rolls back), or -1 after answering an error (rolled
 * back).
 */
static int
upload_lees(struct req *r, const struct scope *s, int64_t *id,
    struct json_object *fouten)
{
	struct upload *u = r->upload;
	crypto_hash_sha256_state sha;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	struct telling t;
	struct csvread *csv = NULL;
	const char *d;
	char *blok, *box = NULL;
	size_t len, vol = 0, grootte = 0, take;
	int64_t nr = 0;
	enum mp_event ev;
	enum csvread_err ce = CSVREAD_OK;
	enum db_err rc;
	int ret = -1;

	if (u != NULL && u->fout != 0) {
		tx_rollback(r);
		resp_problem(r, u->fout, u->fout_tekst, NULL);
		return -1;
	}
	memset(&t, 0, sizeof(t));
	if (u == NULL || !u->in_file || strcmp(u->mp.part.name, "bestand") != 0 ||
	    u->mp.part.filename[0] == '\0') {
		fout_melding(fouten, "bestand", "Kies een CSV-bestand.");
		ret = 1;
		goto out;
	}
	t.kolommen = json_object_new_array();
	if (!r->seal->loaded) {
		resp_problem(r, 500, "Importeren kan nu niet: de sleutels voor "
		    "persoonsgegevens ontbreken in de configuratie.", NULL);
		goto out;
	}
	if ((blok = arena_alloc(r->arena, IMPORT_BLOK)) == NULL ||
	    (box = arena_alloc(r->arena, SEAL_B64_LEN(IMPORT_BLOK))) == NULL ||
	    (csv = csvread_new(NULL, tel_rij, &t)) == NULL) {
		resp_problem(r, 500, NULL, NULL);
		goto out;
	}
	if ((rc = store_import_nieuw(r->db, s->wijkteam_org, r->who.gebruiker_id,
	    u->mp.part.filename, id)) != DB_OK) {
		fail_db(r, rc, "import upload");
		goto out;
	}
	crypto_hash_sha256_init(&sha);
	for (;;) {
		ev = upload_next(u, &d, &len);
		if (ev == MP_PART_END || ev == MP_DONE)
			break;
		if (ev == MP_ERROR) {
			resp_problem(r, 400, mp_strerror(u->mp.err), NULL);
			goto out;
		}
		if (ev != MP_DATA)
			continue;
		grootte += len;
		crypto_hash_sha256_update(&sha, (const unsigned char *)d, len);
		if (ce == CSVREAD_OK)
			ce = csvread_feed(csv, d, len);
		while (len > 0) {
			take = IMPORT_BLOK - vol < len ? IMPORT_BLOK - vol : len;
			memcpy(blok + vol, d, take);
			vol += take;
			d += take;
			len -= take;
			if (vol == IMPORT_BLOK) {
				if ((rc = blok_bewaar(r, *id, nr++, blok, vol,
				    box)) != DB_OK) {
					fail_db(r, rc, "import blok");
					goto out;
				}
				vol = 0;
			}
		}
	}
	if (vol > 0 && (rc = blok_bewaar(r, *id, nr++, blok, vol, box)) !=
	    DB_OK) {
		fail_db(r, rc, "import blok");
		goto out;
	}
	if (ce == CSVREAD_OK)
		ce = csvread_finish(csv);
	ret = 1;
	if (grootte == 0)
		fout_melding(fouten, "bestand", "Het bestand is leeg.");
	else if (ce != CSVREAD_OK)
		fout_melding(fouten, "bestand", csvread_strerror(ce));
	else if (t.fout[0] != '\0')
		fout_melding(fouten, "bestand", t.fout);
	else if (t.rijen == 0)
		fout_melding(fouten, "bestand", "Het bestand heeft geen rijen onder "
		    "de kopregel.");
	else if (t.rijen > IMPORT_MAX_RIJEN)
		fout_melding(fouten, "bestand", "Het bestand heeft meer dan 500.000 "
		    "rijen: splits het in delen.");
	else
		ret = 0;
	if (ret != 0)
		goto out;
	crypto_hash_sha256_final(&sha, digest);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	if ((rc = store_import_klaar(r->db, *id, hex, (int64_t)grootte,
	    (int64_t)t.rijen, json_object_to_json_string_ext(t.kolommen,
	    JSON_C_TO_STRING_PLAIN))) != DB_OK) {
		fail_db(r, rc, "import klaar");
		ret = -1;
		goto out;
	}
	if (audit(r, "uploaden", "import", *id, GELUKT, NULL) != 0) {
		fail_db(r, DB_ERR, "audit");
		ret = -1;
	}
out:
	csvread_free(csv);
	json_object_put(t.kolommen);
	if (ret != 0)
		tx_rollback(r);
	return ret;
}

/* ------------------------------------------------------------ dry run and import */

/* A set of 64-bit keys (hashes of kenmerken or BSNs seen in this file). */
struct sleutelset {
	uint64_t *k;
	size_t    cap;    /* power of two */
};

static int
set_init(struct sleutelset *s, size_t n)
{
	s->cap = 1024;
	while (s->cap < 2 * n)
		s->cap *= 2;
	return (s->k = calloc(s->cap, sizeof(*s->k))) != NULL ? 0 : -1;
}

/* Adds the key of str; returns 1 when it was there already. */
static int
set_add(struct sleutelset *s, const char *str, uint64_t seed)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ seed;
	size_t i;

	for (; *str != '\0'; str++) {
		h ^= (unsigned char)*str;
		h *= UINT64_C(0x100000001b3);
	}
	if (h == 0)
		h = 1;
	for (i = (size_t)h & (s->cap - 1); s->k[i] != 0; i = (i + 1) & (s->cap - 1))
		if (s->k[i] == h)
			return 1;
	s->k[i] = h;
	return 0;
}

struct run {
	struct req                *r;
	const struct scope    *s;
	int                        commit;
	int64_t                    import_id;
	struct im_mapping          map;
	struct im_refs             refs;
	struct arena               tmp;       /* one row's scratch */
	int                        kop;
	size_t                     rijen, nieuw, bestaand, gebeurtenissen;
	size_t                     nfouten, rijen_fout;
	struct json_object        *fouten;    /* at most IMPORT_MAX_FOUTEN */
	struct json_object        *voorbeeld; /* dry run only */
	struct sleutelset          kenmerken, bsns;
	enum db_err                dberr;
	struct import_audit        au;
	struct batch_rij          *batch;     /* commit: IMPORT_BATCH rows */
	size_t                     nbatch;
	struct arena               woordenar; /* the batch's name words */
	struct buf                 woorden;   /* "[[id,\"woord\"],..." */
};

static void
rij_fout(struct run *x, size_t regel, const char *veld, const char *melding)
{
	struct json_object *e;

	x->nfouten++;
	if (json_object_array_length(x->fouten) >= IMPORT_MAX_FOUTEN)
		return;
	e = json_object_new_object();
	json_object_object_add(e, "regel", json_object_new_int64((int64_t)regel));
	json_object_object_add(e, "veld", json_object_new_string(veld ? veld : ""));
	json_object_object_add(e, "melding", json_object_new_string(melding));
	json_object_array_add(x->fouten, e);
}

/* "werkom,uitkeringen": who else sees an event of type t. */
static const char *
zichtbaar(const struct gebeurtenis_type *t, char *buf, size_t n)
{
	static const enum gebeurtenis_partij keten[] = { GP_WERKOM,
	    GP_UITKERINGEN, GP_NALEVING };
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(keten) / sizeof(keten[0]); i++)
		if (gebeurtenis_zichtbaar(t, NULL, keten[i]) && o < n)
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? "," : "",
			    gebeurtenis_partij_code(keten[i]));
	return buf;
}

/* Rows written per batch of the import (one statement each for
 * trajecten, events, ketenstatus, access and audit). */
#define IMPORT_BATCH	500

struct batch_rij {
	int64_t                         inw, trj, geb_id;
	size_t                          regel;
	const char                     *soort;     /* static */
	int64_t                         thema, opdracht, wt;
	char                            start[11], eind[11];
	const struct gebeurtenis_type  *geb;       /* static, or NULL */
	char                            geb_datum[11];
	const char                     *uitkomst;  /* static code, or NULL */
};

/* (inwoner_id, id) pairs, sorted by inwoner_id, to find a row's id. */
struct paar {
	int64_t inw, id;
};

static int
paar_cmp(const void *a, const void *b)
{
	const struct paar *x = a, *y = b;

	return x->inw < y->inw ? -1 : x->inw > y->inw;
}

static int64_t
paar_zoek(const struct paar *p, size_t n, int64_t inw)
{
	struct paar k = { inw, 0 }, *f;

	f = bsearch(&k, p, n, sizeof(*p), paar_cmp);
	return f != NULL ? f->id : 0;
}

/* Reads (inwoner_id, id) rows into a sorted array in the row arena. */
static struct paar *
paren(struct run *x, int geb, const char *ids, size_t *n)
{
	struct db_rows rows;
	struct paar *p;
	size_t i;
	enum db_err rc;

	*n = 0;
	if ((rc = store_import_ids(x->r->db, &x->tmp, geb, ids, &rows)) != DB_OK) {
		x->dberr = rc;
		return NULL;
	}
	if ((p = arena_calloc(&x->tmp, rows.nrows + 1, sizeof(*p))) == NULL) {
		x->dberr = DB_NOMEM;
		return NULL;
	}
	for (i = 0; i < rows.nrows; i++) {
		p[i].inw = db_cell_int(DB_CELL(&rows, i, 0), 0);
		p[i].id = db_cell_int(DB_CELL(&rows, i, 1), 0);
	}
	qsort(p, rows.nrows, sizeof(*p), paar_cmp);
	*n = rows.nrows;
	return p;
}

/* An empty list of name words for the next batch. */
static void
woorden_begin(struct run *x)
{
	arena_reset(&x->woordenar);
	buf_init(&x->woorden, &x->woordenar);
	buf_putc(&x->woorden, '[');
}

/*
 * Writes the batch: trajecten (only where the organisatie ran the wijkteam
 * on the start date: a row that is not written fails), their events, the
 * ketenstatus of each inwoner with an event, access rows and audit rows.
 * The ketenstatus is what store_ketenstatus_bijwerken() would derive: a
 * new inwoner's only event is this one, so the derivation runs here over
 * exactly that event (domain/ketenstatus.h) and is written in one
 * statement. Returns 0, 1 when a row failed (reported), -1 on a database
 * error (x->dberr).
 */
static int
flush(struct run *x, struct batch_rij *b, size_t n)
{
	struct json_object *ids, *trj, *geb, *pt, *e, *geg;
	struct buf ks;
	struct keten_gebeurtenis ev;
	struct ketenstatus st;
	struct paar *tp, *gp;
	char zb[64];
	const char *ids_s;
	uint64_t aff = 0;
	size_t i, ntp, ngp, ngeb = 0, npt = 0;
	enum db_err rc;
	int ret = -1;

	if (n == 0)
		return 0;
	/* The name words of the batch's inwoners (store/registratie.h). */
	buf_putc(&x->woorden, ']');
	if (x->woorden.failed) {
		x->dberr = DB_NOMEM;
		return -1;
	}
	if (x->woorden.len > 2 && (rc = store_naamwoorden_zet(x->r->db,
	    x->woorden.data)) != DB_OK) {
		x->dberr = rc;
		return -1;
	}
	woorden_begin(x);
	ids = json_object_new_array();
	trj = json_object_new_array();
	geb = json_object_new_array();
	buf_init(&ks, &x->tmp);
	buf_putc(&ks, '[');
	pt = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object_array_add(ids, json_object_new_int64(b[i].inw));
		e = json_object_new_array();
		json_object_array_add(e, json_object_new_int64(b[i].inw));
		json_object_array_add(e, json_object_new_string(b[i].soort));
		json_object_array_add(e, json_object_new_int64(b[i].thema));
		json_object_array_add(e, json_object_new_int64(b[i].opdracht));
		json_object_array_add(e, json_object_new_int64(b[i].wt));
		json_object_array_add(e, json_object_new_string(b[i].start));
		json_object_array_add(e, b[i].eind[0] ?
		    json_object_new_string(b[i].eind) : NULL);
		json_object_array_add(trj, e);
	}
	ids_s = arena_strdup(&x->tmp, json_object_to_json_string_ext(ids,
	    JSON_C_TO_STRING_PLAIN));
	if (ids_s == NULL) {
		x->dberr = DB_NOMEM;
		goto out;
	}
	if ((rc = store_import_trajecten(x->r->db, x->s->wijkteam_org,
	    json_object_to_json_string_ext(trj, JSON_C_TO_STRING_PLAIN),
	    &aff)) != DB_OK) {
		x->dberr = rc;
		goto out;
	}
	if ((tp = paren(x, 0, ids_s, &ntp)) == NULL)
		goto out;
	ret = 1;
	if (aff > n) {
		rij_fout(x, b[0].regel, "wijkteam", "Voor een wijkteam in deze "
		    "regels zijn de perioden van de organisatie niet eenduidig.");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((b[i].trj = paar_zoek(tp, ntp, b[i].inw)) == 0)
			rij_fout(x, b[i].regel, "wijkteam", "Uw organisatie voerde dit "
			    "wijkteam niet op de startdatum.");
	}
	if (x->nfouten > 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (b[i].geb == NULL)
			continue;
		geg = json_object_new_object();
		if (b[i].uitkomst != NULL)
			json_object_object_add(geg, "uitkomst",
			    json_object_new_string(b[i].uitkomst));
		e = json_object_new_array();
		json_object_array_add(e, json_object_new_int64(b[i].inw));
		json_object_array_add(e, json_object_new_int64(b[i].trj));
		json_object_array_add(e, json_object_new_string(b[i].geb->code));
		json_object_array_add(e, json_object_new_string(b[i].geb_datum));
		json_object_array_add(e, json_object_new_string(
		    json_object_to_json_string_ext(geg, JSON_C_TO_STRING_PLAIN)));
		json_object_put(geg);
		json_object_array_add(geb, e);
		ngeb++;
		zichtbaar(b[i].geb, zb, sizeof(zb));
		if (zb[0] != '\0') {
			e = json_object_new_array();
			json_object_array_add(e, json_object_new_int64(b[i].inw));
			json_object_array_add(e, json_object_new_string(zb));
			json_object_array_add(pt, e);
			npt++;
		}
	}
	ret = -1;
	if (ngeb > 0) {
		if ((rc = store_import_gebeurtenissen(x->r->db, x->s->wijkteam_org,
		    x->r->who.gebruiker_id, json_object_to_json_string_ext(geb,
		    JSON_C_TO_STRING_PLAIN))) != DB_OK) {
			x->dberr = rc;
			goto out;
		}
		if ((gp = paren(x, 1, ids_s, &ngp)) == NULL)
			goto out;
		for (i = 0; i < n; i++) {
			if (b[i].geb == NULL)
				continue;
			memset(&ev, 0, sizeof(ev));
			ev.id = paar_zoek(gp, ngp, b[i].inw);
			ev.type = b[i].geb->code;
			ev.datum = b[i].geb_datum;
			ev.wijkteam_id = b[i].wt;
			ev.traject_id = b[i].trj;
			if (ketenstatus_bereken(&ev, 1, &st) != 0) {
				x->dberr = DB_ERR;
				goto out;
			}
			store_ketenstatus_rij(&ks, b[i].inw, &st);
		}
		buf_putc(&ks, ']');
		if (ks.failed) {
			x->dberr = DB_NOMEM;
			goto out;
		}
		if ((rc = store_ketenstatus_zet(x->r->db, ks.data)) != DB_OK) {
			x->dberr = rc;
			goto out;
		}
	}
	if ((rc = store_import_toegang(x->r->db, x->s->wijkteam_org, ids_s,
	    npt > 0 ? json_object_to_json_string_ext(pt,
	    JSON_C_TO_STRING_PLAIN) : NULL)) != DB_OK ||
	    (rc = store_import_audit_inwoners(x->r->db, &x->au, ids_s)) != DB_OK) {
		x->dberr = rc;
		goto out;
	}
	ret = 0;
out:
	json_object_put(ids);
	json_object_put(trj);
	json_object_put(geb);
	json_object_put(pt);
	return ret;
}

/*
 * Writes one checked row's inwoner and queues the rest for the batch.
 * Returns 0; 2 when the inwoner exists already (same kenmerk: skipped);
 * 1 when the row fails (reported); -1 on a database error (x->dberr).
 */
static int
schrijf(struct run *x, const struct im_rij *rec, const char *sealed,
    const char *hash, size_t regel)
{
	struct inwoner_rec in = { rec->naam, rec->geboortejaar, rec->wijk_id,
	    sealed, hash, x->s->wijkteam_org, rec->kenmerk };
	struct batch_rij *b;
	int64_t inw = 0, bestaat = 0;
	enum db_err rc;
	int ret;

	rc = store_inwoner_invoegen(x->r->db, &in, &inw);
	if (rc == DB_DUPLICATE) {
		/* Imported since the dry run, or twice in this file. */
		if (rec->kenmerk != NULL && (rc = store_import_kenmerk(x->r->db,
		    &x->tmp, x->s->wijkteam_org, rec->kenmerk, &bestaat)) != DB_OK)
			goto db;
		if (bestaat > 0)
			return 2;
		rij_fout(x, regel, "bsn", "Uw organisatie heeft al een inwoner met "
		    "dit BSN.");
		return 1;
	}
	if (rc != DB_OK)
		goto db;
	store_naamwoorden(&x->woorden, inw, rec->naam);
	b = &x->batch[x->nbatch++];
	memset(b, 0, sizeof(*b));
	b->inw = inw;
	b->regel = regel;
	b->soort = rec->soort;
	b->thema = rec->thema_id;
	b->opdracht = rec->opdracht_id;
	b->wt = rec->wijkteam_id;
	memcpy(b->start, rec->startdatum, sizeof(b->start));
	memcpy(b->eind, rec->einddatum, sizeof(b->eind));
	b->geb = rec->geb;
	memcpy(b->geb_datum, rec->geb_datum, sizeof(b->geb_datum));
	b->uitkomst = rec->uitkomst;
	if (x->nbatch < IMPORT_BATCH)
		return 0;
	ret = flush(x, x->batch, x->nbatch);
	x->nbatch = 0;
	return ret;
db:
	x->dberr = rc;
	return -1;
}

static int
run_rij(void *arg, const struct csvread_row *row)
{
	struct run *x = arg;
	struct json_object *f, *e, *v;
	struct im_rij rec;
	char sealed[SEAL_B64_LEN(BSN_LEN)], hash[SEAL_HASH_HEX_LEN];
	const char *sp = NULL, *hp = NULL;
	int64_t bestaat = 0;
	enum db_err rc;
	size_t i, voor;
	int n;

	if (!x->kop) {            /* the header: mapped already */
		x->kop = 1;
		return 0;
	}
	x->rijen++;
	arena_reset(&x->tmp);
	if (row->err != CSVREAD_OK) {
		x->rijen_fout++;
		rij_fout(x, row->line, NULL, row->message);
		return 0;
	}
	voor = x->nfouten;
	f = json_object_new_array();
	n = im_rij_lees(&x->map, &x->refs, row->fields, row->nfields, &rec, f);
	for (i = 0; i < (size_t)n; i++) {
		e = json_object_array_get_idx(f, i);
		rij_fout(x, row->line,
		    json_object_get_string(json_object_object_get(e, "veld")),
		    json_object_get_string(json_object_object_get(e, "melding")));
	}
	json_object_put(f);
	if (n > 0)
		goto fout;

	/* Twice in this file: the second is a mistake, not a re-import. */
	if (rec.kenmerk != NULL && set_add(&x->kenmerken, rec.kenmerk, 1)) {
		rij_fout(x, row->line, "extern_kenmerk", "Dit dossiernummer staat al "
		    "op een eerdere regel van het bestand.");
		goto fout;
	}
	if (rec.bsn[0] != '\0' && set_add(&x->bsns, rec.bsn, 2)) {
		rij_fout(x, row->line, "bsn", "Dit BSN staat al op een eerdere "
		    "regel van het bestand.");
		goto fout;
	}
	/* Imported before (same dossiernummer): nothing to do for this row. */
	if (rec.kenmerk != NULL && !x->commit) {
		if ((rc = store_import_kenmerk(x->r->db, &x->tmp, x->s->wijkteam_org,
		    rec.kenmerk, &bestaat)) != DB_OK) {
			x->dberr = rc;
			return 1;
		}
		if (bestaat > 0) {
			x->bestaand++;
			return 0;
		}
	}
	if (rec.bsn[0] != '\0') {
		if (!x->r->seal->loaded ||
		    seal_encrypt(x->r->seal, rec.bsn, BSN_LEN, sealed,
		    sizeof(sealed)) != 0) {
			rij_fout(x, row->line, "bsn", "Een BSN kan nu niet worden "
			    "opgeslagen (de sleutels ontbreken in de configuratie).");
			goto fout;
		}
		seal_lookup_hash(x->r->seal, rec.bsn, BSN_LEN, hash);
		sp = sealed;
		hp = hash;
		if (x->commit) {
			/* The unique key decides (schrijf): no query per row. */
		} else if ((rc = store_import_bsn(x->r->db, &x->tmp, x->s->wijkteam_org,
		    hash, &bestaat)) != DB_OK) {
			x->dberr = rc;
			return 1;
		}
		if (bestaat > 0) {
			rij_fout(x, row->line, "bsn", "Uw organisatie heeft al een "
			    "inwoner met dit BSN (met een ander of geen dossiernummer).");
			goto fout;
		}
	}
	x->nieuw++;
	if (rec.geb != NULL)
		x->gebeurtenissen++;
	if (x->commit) {
		/* After the first failed row nothing is written any more: the
		 * transaction is rolled back anyway; reading on only finds
		 * every other error. */
		if (x->nfouten == 0) {
			n = schrijf(x, &rec, sp, hp, row->line);
			if (n < 0)
				return 1;
			if (n == 2) {
				x->nieuw--;
				if (rec.geb != NULL)
					x->gebeurtenissen--;
				x->bestaand++;
			}
		}
		sodium_memzero(&rec.bsn, sizeof(rec.bsn));
		return 0;
	}
	if (json_object_array_length(x->voorbeeld) < IMPORT_VOORBEELD) {
		v = json_object_new_object();
		json_object_object_add(v, "regel",
		    json_object_new_int64((int64_t)row->line));
		json_object_object_add(v, "naam", json_object_new_string(rec.naam));
		json_object_object_add(v, "geboortejaar",
		    json_object_new_int(rec.geboortejaar));
		json_object_object_add(v, "bsn", json_object_new_boolean(
		    rec.bsn[0] != '\0'));
		json_object_object_add(v, "soort", json_object_new_string(rec.soort));
		json_object_object_add(v, "startdatum",
		    json_object_new_string(rec.startdatum));
		json_object_object_add(v, "gebeurtenis", rec.geb ?
		    json_object_new_string(rec.geb->code) : NULL);
		json_object_array_add(x->voorbeeld, v);
	}
	sodium_memzero(&rec.bsn, sizeof(rec.bsn));
	return 0;
fout:
	if (x->nfouten > voor)
		x->rijen_fout++;
	sodium_memzero(&rec.bsn, sizeof(rec.bsn));
	return 0;
}

/* Loads one kind of structure row into refs. */
static int
laad_refs(struct req *r, enum import_ref soort, const struct im_ref **out,
    size_t *n)
{
	struct db_rows rows;
	struct im_ref *t;
	size_t i;

	if (store_import_refs(r->db, r->arena, soort, &rows) != DB_OK)
		return -1;
	if ((t = arena_calloc(r->arena, rows.nrows + 1, sizeof(*t))) == NULL)
		return -1;
	for (i = 0; i < rows.nrows; i++) {
		t[i].code = DB_CELL(&rows, i, 0);
		t[i].naam = DB_CELL(&rows, i, 1);
		t[i].id = db_cell_int(DB_CELL(&rows, i, 2), 0);
		t[i].org = db_cell_int(DB_CELL(&rows, i, 3), 0);
	}
	*out = t;
	*n = rows.nrows;
	return 0;
}

/*
 * Reads the import's file block by block through the CSV reader and
 * checks (and, with commit, writes) every row. Fills x->fouten and the
 * counts. Returns 0, or -1 after answering an error (database, memory).
 */
static int
run_file(struct req *r, struct run *x, int64_t rijen)
{
	struct arena blokken;
	struct db_rows rows;
	struct csvread *csv = NULL;
	enum csvread_err ce = CSVREAD_OK;
	enum db_err rc;
	int64_t nr;
	char *plain = NULL;             /* one block, opened */
	size_t nplain = 0;
	time_t now = time(NULL);
	struct tm tm;
	int ret = -1;

	memset(&blokken, 0, sizeof(blokken));
	gmtime_r(&now, &tm);
	x->refs.org = x->s->wijkteam_org;
	x->refs.jaar_nu = tm.tm_year + 1900;
	if (laad_refs(r, IREF_WIJK, &x->refs.wijken, &x->refs.nwijken) != 0 ||
	    laad_refs(r, IREF_WIJKTEAM, &x->refs.wijkteams,
	    &x->refs.nwijkteams) != 0 ||
	    laad_refs(r, IREF_THEMA, &x->refs.themas, &x->refs.nthemas) != 0 ||
	    laad_refs(r, IREF_OPDRACHT, &x->refs.opdrachten,
	    &x->refs.nopdrachten) != 0) {
		fail_db(r, DB_ERR, "import refs");
		return -1;
	}
	x->au.gebruiker_id = r->who.gebruiker_id;
	x->au.token_id = r->who.token_id;
	x->au.route = arena_printf(r->arena, "%s %s", r->method,
	    r->match.route ? r->match.route->pattern : r->path);
	x->au.adres = r->remote_addr;
	x->au.toelichting = arena_printf(r->arena, "import %lld",
	    (long long)x->import_id);
	if (arena_init(&x->tmp, 16 * 1024, 1024 * 1024) != 0 ||
	    arena_init(&x->woordenar, 64 * 1024, 4 * 1024 * 1024) != 0 ||
	    /* db_query holds a block twice: its fetch buffer and the copy. */
	    arena_init(&blokken, 64 * 1024, 2 * SEAL_B64_LEN(IMPORT_BLOK) +
	    256 * 1024) != 0 ||
	    (plain = malloc(IMPORT_BLOK)) == NULL ||
	    set_init(&x->kenmerken, (size_t)rijen) != 0 ||
	    set_init(&x->bsns, (size_t)rijen) != 0 ||
	    (csv = csvread_new(NULL, run_rij, x)) == NULL ||
	    (x->commit && (x->batch = calloc(IMPORT_BATCH,
	    sizeof(*x->batch))) == NULL)) {
		resp_problem(r, 500, NULL, NULL);
		goto out;
	}
	woorden_begin(x);
	for (nr = 0; ce == CSVREAD_OK; nr++) {
		arena_reset(&blokken);
		if ((rc = store_import_blok_lees(r->db, &blokken, x->import_id, nr,
		    &rows)) != DB_OK) {
			fail_db(r, rc, "import blok");
			goto out;
		}
		if (rows.nrows == 0)
			break;
		if (seal_decrypt(r->seal, DB_CELL(&rows, 0, 0), plain,
		    IMPORT_BLOK, &nplain) != 0) {
			log_error("import", "req=%s block %lld of import %lld cannot "
			    "be opened", r->request_id ? r->request_id : "-",
			    (long long)nr, (long long)x->import_id);
			resp_problem(r, 500, NULL, NULL);
			goto out;
		}
		ce = csvread_feed(csv, plain, nplain);
	}
	if (ce == CSVREAD_OK)
		ce = csvread_finish(csv);
	if (x->commit && x->dberr == DB_OK && x->nfouten == 0)
		(void)flush(x, x->batch, x->nbatch);   /* the last, short batch */
	x->nbatch = 0;
	if (x->dberr != DB_OK) {
		fail_db(r, x->dberr, "import rij");
		goto out;
	}
	if (ce != CSVREAD_OK) {
		rij_fout(x, 0, "bestand", csvread_strerror(ce));
	}
	ret = 0;
out:
	csvread_free(csv);
	free(x->batch);
	x->batch = NULL;
	free(x->kenmerken.k);
	free(x->bsns.k);
	x->kenmerken.k = x->bsns.k = NULL;
	arena_free(&blokken);
	if (plain != NULL)
		sodium_memzero(plain, IMPORT_BLOK);
	free(plain);
	arena_free(&x->tmp);
	arena_free(&x->woordenar);
	return ret;
}

static struct json_object *
resultaat_json(const struct run *x, int met_voorbeeld)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "rijen", json_object_new_int64((int64_t)x->rijen));
	json_object_object_add(o, "nieuw", json_object_new_int64((int64_t)x->nieuw));
	json_object_object_add(o, "bestaand",
	    json_object_new_int64((int64_t)x->bestaand));
	json_object_object_add(o, "gebeurtenissen",
	    json_object_new_int64((int64_t)x->gebeurtenissen));
	json_object_object_add(o, "rijen_met_fouten",
	    json_object_new_int64((int64_t)x->rijen_fout));
	json_object_object_add(o, "fouten_aantal",
	    json_object_new_int64((int64_t)x->nfouten));
	json_object_object_add(o, "fouten", json_object_get(x->fouten));
	json_object_object_add(o, "fouten_afgekapt", json_object_new_boolean(
	    x->nfouten > json_object_array_length(x->fouten)));
	if (met_voorbeeld)
		json_object_object_add(o, "voorbeeld", json_object_get(x->voorbeeld));
	return o;
}

/* Prepares a run over import row imp with mapping (a JSON object); the
 * mapping's problems go to fouten. Returns the number of those problems,
 * or -1 after answering. */
static int
run_maak(struct req *r, struct run *x, const struct scope *s,
    const struct db_rows *imp, struct json_object *mapping,
    struct json_object *fouten)
{
	struct json_object *kol;
	const char **k;
	size_t n;
	int nf;

	memset(x, 0, sizeof(*x));
	x->r = r;
	x->s = s;
	x->import_id = db_cell_int(DB_CELL(imp, 0, IMP_ID), 0);
	kol = parse_json(DB_CELL(imp, 0, IMP_KOLOMMEN));
	k = kolom_namen(r, kol, &n);
	json_object_put(kol);
	if (k == NULL) {
		resp_problem(r, 500, NULL, NULL);
		return -1;
	}
	nf = im_mapping_maak(&x->map, k, n, mapping, fouten);
	x->fouten = json_object_new_array();
	x->voorbeeld = json_object_new_array();
	return nf;
}

static void
run_vrij(struct run *x)
{
	json_object_put(x->fouten);
	json_object_put(x->voorbeeld);
	x->fouten = x->voorbeeld = NULL;
}

/* Merges this file's mapping into the organisatie's saved one. */
static int
mapping_bewaar(struct req *r, int64_t org, struct json_object *mapping)
{
	struct json_object *saved = NULL;
	struct db_rows rows;
	int rc;

	if (store_import_mapping_lees(r->db, r->arena, org, &rows) == DB_OK &&
	    rows.nrows > 0)
		saved = parse_json(DB_CELL(&rows, 0, 0));
	if (saved == NULL || !json_object_is_type(saved, json_type_object)) {
		json_object_put(saved);
		saved = json_object_new_object();
	}
	json_object_object_foreach(mapping, key, val)
		json_object_object_add(saved, key, json_object_get(val));
	rc = store_import_mapping_zet(r->db, org, json_object_to_json_string_ext(
	    saved, JSON_C_TO_STRING_PLAIN), 0, NULL) == DB_OK ? 0 : -1;
	json_object_put(saved);
	return rc;
}

enum uitkomst { U_OK = 0, U_FOUT = 1, U_ANTWOORD = -1 };

/*
 * The dry run of import id with mapping (NULL: the proposed one). Stores
 * the result and the mapping (also as the organisatie's). U_OK with
 * *res (the result, caller owns), U_FOUT with mapping problems in fouten,
 * or U_ANTWOORD after answering (404, 409, errors).
 */
static enum uitkomst
proefimport(struct req *r, const struct scope *s, int64_t id,
    struct json_object *mapping, struct json_object *fouten,
    struct json_object **res)
{
	struct db_rows imp;
	struct run x;
	struct json_object *eigen = NULL, *kol;
	const char **k, *bron;
	const char *mtext;
	size_t n;
	int nf;

	*res = NULL;
	if (import_lees(r, s->wijkteam_org, id, &imp) != 0)
		return U_ANTWOORD;
	if (strcmp(DB_CELL(&imp, 0, IMP_STATUS), "ingelezen") == 0) {
		resp_problem(r, 409, "Deze import is al ingelezen.", NULL);
		return U_ANTWOORD;
	}
	if (mapping == NULL) {
		kol = parse_json(DB_CELL(&imp, 0, IMP_KOLOMMEN));
		k = kolom_namen(r, kol, &n);
		json_object_put(kol);
		eigen = mapping_voorstel(r, s->wijkteam_org, DB_CELL(&imp, 0,
		    IMP_MAPPING), k, n, &bron);
		mapping = eigen;
	}
	if ((nf = run_maak(r, &x, s, &imp, mapping, fouten)) != 0) {
		run_vrij(&x);
		json_object_put(eigen);
		return nf < 0 ? U_ANTWOORD : U_FOUT;
	}
	if (run_file(r, &x, db_cell_int(DB_CELL(&imp, 0, IMP_RIJEN), 0)) != 0) {
		run_vrij(&x);
		json_object_put(eigen);
		return U_ANTWOORD;
	}
	*res = resultaat_json(&x, 1);
	run_vrij(&x);
	mtext = arena_strdup(r->arena, json_object_to_json_string_ext(mapping,
	    JSON_C_TO_STRING_PLAIN));
	if (tx_begin(r) != 0)
		goto fail;
	if (mtext == NULL || store_import_controle(r->db, s->wijkteam_org, id,
	    mtext, json_object_to_json_string_ext(*res, JSON_C_TO_STRING_PLAIN),
	    "gecontroleerd") != DB_OK || mapping_bewaar(r, s->wijkteam_org,
	    mapping) != 0 || audit(r, "proefimport", "import", id, GELUKT,
	    NULL) != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "proefimport");
		goto fail;
	}
	if (tx_commit(r) != 0)
		goto fail;
	json_object_put(eigen);
	return U_OK;
fail:
	json_object_put(eigen);
	json_object_put(*res);
	*res = NULL;
	return U_ANTWOORD;
}

/*
 * Imports import id: every row or none. U_OK (imported now, or already
 * before: nothing is created twice), U_FOUT with the row errors in *res
 * (nothing written), or U_ANTWOORD after answering (404, 409, errors).
 */
static enum uitkomst
uitvoeren(struct req *r, const struct scope *s, int64_t id,
    struct json_object **res)
{
	struct db_rows imp, al;
	struct json_object *mapping, *fouten;
	struct run x;
	uint64_t affected = 0;
	enum db_err rc;
	int nf;

	*res = NULL;
	if (import_lees(r, s->wijkteam_org, id, &imp) != 0)
		return U_ANTWOORD;
	if (strcmp(DB_CELL(&imp, 0, IMP_STATUS), "ingelezen") == 0)
		return U_OK;            /* a retried request: nothing to do */
	if (DB_CELL(&imp, 0, IMP_MAPPING) == NULL) {
		resp_problem(r, 409, "Doe eerst een proefimport.", NULL);
		return U_ANTWOORD;
	}
	if ((rc = store_import_al_ingelezen(r->db, r->arena, s->wijkteam_org,
	    DB_CELL(&imp, 0, IMP_SHA256), &al)) != DB_OK) {
		fail_db(r, rc, "import");
		return U_ANTWOORD;
	}
	if (al.nrows > 0) {
		resp_problem(r, 409, arena_printf(r->arena, "Dit bestand is al "
		    "ingelezen (import %s): er is niets opnieuw aangemaakt.",
		    DB_CELL(&al, 0, 0)), NULL);
		return U_ANTWOORD;
	}
	mapping = parse_json(DB_CELL(&imp, 0, IMP_MAPPING));
	fouten = json_object_new_array();
	nf = run_maak(r, &x, s, &imp, mapping, fouten);
	json_object_put(mapping);
	json_object_put(fouten);
	if (nf != 0) {
		run_vrij(&x);
		if (nf > 0)
			resp_problem(r, 409, "De koppeling van de kolommen is niet "
			    "meer geldig: doe opnieuw een proefimport.", NULL);
		return U_ANTWOORD;
	}
	x.commit = 1;
	if (tx_begin(r) != 0) {
		run_vrij(&x);
		return U_ANTWOORD;
	}
	if (run_file(r, &x, db_cell_int(DB_CELL(&imp, 0, IMP_RIJEN), 0)) != 0) {
		tx_rollback(r);
		run_vrij(&x);
		return U_ANTWOORD;
	}
	*res = resultaat_json(&x, 0);
	if (x.nfouten > 0) {
		/* Nothing of this file is kept; the failure is. */
		tx_rollback(r);
		run_vrij(&x);
		if (tx_begin(r) != 0)
			return U_ANTWOORD;
		if (store_import_controle(r->db, s->wijkteam_org, id, DB_CELL(&imp,
		    0, IMP_MAPPING), json_object_to_json_string_ext(*res,
		    JSON_C_TO_STRING_PLAIN), "mislukt") != DB_OK ||
		    audit(r, "importeren", "import", id, MISLUKT, NULL) != 0) {
			tx_rollback(r);
			fail_db(r, DB_ERR, "import");
			return U_ANTWOORD;
		}
		return tx_commit(r) == 0 ? U_FOUT : U_ANTWOORD;
	}
	run_vrij(&x);
	rc = store_import_ingelezen(r->db, id, json_object_to_json_string_ext(*res,
	    JSON_C_TO_STRING_PLAIN), &affected);
	if (rc == DB_DUPLICATE || (rc == DB_OK && affected == 0)) {
		tx_rollback(r);
		resp_problem(r, 409, "Dit bestand is al ingelezen: er is niets "
		    "opnieuw aangemaakt.", NULL);
		return U_ANTWOORD;
	}
	if (rc != DB_OK || (rc = store_import_blokken_weg(r->db, id)) != DB_OK ||
	    audit(r, "importeren", "import", id, GELUKT, NULL) != 0) {
		tx_rollback(r);
		fail_db(r, rc != DB_OK ? rc : DB_ERR, "import");
		return U_ANTWOORD;
	}
	return tx_commit(r) == 0 ? U_OK : U_ANTWOORD;
}

/* ------------------------------------------------------------ JSON API */

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
	struct db_rows imp;
	struct json_object *o, *res;

	if (import_lees(r, s->wijkteam_org, id, &imp) != 0) {
		json_object_put(voorbeeld);
		return;
	}
	o = import_json(r, s->wijkteam_org, &imp, 0, 1);
	if (voorbeeld != NULL && json_object_object_get_ex(o, "resultaat", &res) &&
	    res != NULL)
		json_object_object_add(res, "voorbeeld", voorbeeld);
	else
		json_object_put(voorbeeld);
	resp_json(r, 200, o);
}

static void
api_lijst(struct req *r)
{
	struct scope s;
	struct db_rows rows;
	struct json_object *o, *items;
	const char *ls = kv_get(&r->query, "limit"), *cs = kv_get(&r->query,
	    "cursor");
	int64_t limit = WZ_LIST_DEFAULT, voor = 0;
	enum db_err rc;
	size_t i;

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
	    (int)limit + 1, &rows)) != DB_OK) {
		fail_db(r, rc, "imports");
		return;
	}
	o = json_object_new_object();
	items = json_object_new_array();
	for (i = 0; i < rows.nrows && i < (size_t)limit; i++)
		json_object_array_add(items, import_json(r, s.wijkteam_org, &rows,
		    i, 0));
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", rows.nrows > (size_t)limit ?
	    json_object_new_string(DB_CELL(&rows, limit - 1, IMP_ID)) : NULL);
	resp_json(r, 200, o);
}

static void
api_upload(struct req *r)
{
	struct scope s;
	struct json_object *fouten, *o;
	struct db_rows imp;
	int64_t id = 0;
	int rc;

	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = idem_replay(r)) != 0)
		return;
	if (tx_begin(r) != 0)
		return;
	fouten = json_object_new_array();
	rc = upload_lees(r, &s, &id, fouten);
	if (rc != 0) {
		if (rc > 0)
			resp_problem(r, 422, "Het bestand kan niet worden gelezen.",
			    fouten);
		else
			json_object_put(fouten);
		return;
	}
	json_object_put(fouten);
	if (import_lees(r, s.wijkteam_org, id, &imp) != 0) {
		tx_rollback(r);
		return;
	}
	o = import_json(r, s.wijkteam_org, &imp, 0, 1);
	if (answer_created(r, o, arena_printf(r->arena, "/api/v1/imports/%lld",
	    (long long)id)) != 0)
		return;
	if (tx_commit(r) != 0)
		return;
}

static void
api_lees(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	api_toon(r, &s, route_id(r), NULL);
}

static void
api_proef(struct req *r)
{
	struct scope s;
	struct json_object *mapping = NULL, *fouten, *res = NULL, *vb = NULL;
	enum uitkomst u;

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
	fouten = json_object_new_array();
	u = proefimport(r, &s, route_id(r), mapping, fouten, &res);
	if (u == U_FOUT) {
		resp_problem(r, 422, "De koppeling van de kolommen is niet "
		    "compleet.", fouten);
		return;
	}
	json_object_put(fouten);
	if (u != U_OK)
		return;
	json_object_object_get_ex(res, "voorbeeld", &vb);
	json_object_get(vb);
	json_object_put(res);
	api_toon(r, &s, route_id(r), vb);
}

static void
api_uitvoeren(struct req *r)
{
	struct scope s;
	struct json_object *res = NULL, *fouten, *f, *e;
	enum uitkomst u;
	size_t i;

	if (imp_scope(r, &s) != 0)
		return;
	u = uitvoeren(r, &s, route_id(r), &res);
	if (u == U_FOUT) {
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
	if (u == U_OK)
		api_toon(r, &s, route_id(r), NULL);
}

static void
api_mapping(struct req *r)
{
	struct scope s;
	struct db_rows rows;
	struct json_object *o;
	enum db_err rc;

	if (imp_scope(r, &s) != 0)
		return;
	if ((rc = store_import_mapping_lees(r->db, r->arena, s.wijkteam_org,
	    &rows)) != DB_OK) {
		fail_db(r, rc, "import mapping");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(s.wijkteam_org));
	json_object_object_add(o, "versie", json_object_new_int64(rows.nrows ?
	    db_cell_int(DB_CELL(&rows, 0, 1), 1) : 0));
	json_object_object_add(o, "mapping", rows.nrows ?
	    parse_json(DB_CELL(&rows, 0, 0)) : json_object_new_object());
	json_object_object_add(o, "velden", velden_json());
	if (rows.nrows)
		resp_header(r, "ETag", arena_printf(r->arena, "\"%s\"",
		    DB_CELL(&rows, 0, 1)));
	resp_json(r, 200, o);
}

static void
api_mapping_zet(struct req *r)
{
	struct scope s;
	struct db_rows rows;
	struct json_object *m = NULL, *fouten;
	int64_t versie = if_match_version(r);
	uint64_t affected = 0;
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
	    &rows)) != DB_OK) {
		fail_db(r, rc, "import mapping");
		return;
	}
	if (rows.nrows > 0 && r->if_match == NULL) {
		resp_problem(r, 428, "Stuur If-Match met de versie van de koppeling.",
		    NULL);
		return;
	}
	if (tx_begin(r) != 0)
		return;
	rc = store_import_mapping_zet(r->db, s.wijkteam_org,
	    json_object_to_json_string_ext(m, JSON_C_TO_STRING_PLAIN),
	    rows.nrows > 0 ? (versie > 0 ? versie : -1) : 0, &affected);
	if (rc == DB_OK && affected == 0) {
		tx_rollback(r);
		resp_problem(r, 412, "De koppeling is intussen gewijzigd; haal "
		    "haar opnieuw op.", NULL);
		return;
	}
	if (rc != DB_OK || audit(r, "wijzigen", "import_mapping", s.wijkteam_org,
	    GELUKT, NULL) != 0) {
		tx_rollback(r);
		fail_db(r, rc != DB_OK ? rc : DB_ERR, "import mapping");
		return;
	}
	if (tx_commit(r) != 0)
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

static void
imp_pagina_lijst(struct req *r, const struct scope *s, int status,
    struct json_object *fouten)
{
	struct json_object *ctx = json_object_new_object(), *items, *o;
	struct db_rows rows;
	size_t i;

	items = json_object_new_array();
	if (store_import_lijst(r->db, r->arena, s->wijkteam_org, 0, 20,
	    &rows) == DB_OK) {
		for (i = 0; i < rows.nrows; i++) {
			o = import_json(r, s->wijkteam_org, &rows, i, 0);
			json_object_object_add(o, "status_label", json_object_new_string(
			    status_label(DB_CELL(&rows, i, IMP_STATUS))));
			json_object_array_add(items, o);
		}
	}
	json_object_object_add(ctx, "heeft_imports", json_object_new_boolean(
	    json_object_array_length(items) > 0));
	json_object_object_add(ctx, "imports", items);
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Registratie importeren"));
	page_errors(r, ctx, fouten);
	resp_page(r, status, "import", ctx);
}

static void
page_import(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	imp_pagina_lijst(r, &s, 200, NULL);
}

static void
page_upload(struct req *r)
{
	struct scope s;
	struct json_object *fouten;
	int64_t id = 0;
	int rc;

	if (imp_scope(r, &s) != 0 || tx_begin(r) != 0)
		return;
	fouten = json_object_new_array();
	rc = upload_lees(r, &s, &id, fouten);
	if (rc > 0) {
		imp_pagina_lijst(r, &s, 422, fouten);
		return;
	}
	json_object_put(fouten);
	if (rc < 0 || tx_commit(r) != 0)
		return;
	resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
	    (long long)id));
}

/* The detail page: mapping form, dry run result, import button. */
static void
imp_pagina_detail(struct req *r, const struct scope *s, int64_t id,
    int status, struct json_object *fouten)
{
	struct db_rows imp;
	struct json_object *ctx, *o, *kol, *map, *rijen, *res, *opties, *opt, *v;
	const char *st, *gekozen;
	size_t i;
	int f;

	if (import_lees(r, s->wijkteam_org, id, &imp) != 0) {
		json_object_put(fouten);
		return;
	}
	ctx = json_object_new_object();
	o = import_json(r, s->wijkteam_org, &imp, 0, 1);
	st = DB_CELL(&imp, 0, IMP_STATUS);
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
	json_object_object_add(ctx, "kan_importeren", json_object_new_boolean(
	    strcmp(st, "gecontroleerd") == 0 && res != NULL &&
	    json_object_get_int64(json_object_object_get(res,
	    "fouten_aantal")) == 0));
	json_object_object_add(ctx, "mislukt", json_object_new_boolean(
	    strcmp(st, "mislukt") == 0));
	json_object_object_add(ctx, "titel", json_object_new_string(
	    "Import van een registratie"));
	page_errors(r, ctx, fouten);
	resp_page(r, status, "import_detail", ctx);
}

static void
page_detail(struct req *r)
{
	struct scope s;

	if (imp_scope(r, &s) != 0)
		return;
	imp_pagina_detail(r, &s, route_id(r), 200, NULL);
}

static void
page_proef(struct req *r)
{
	struct scope s;
	struct db_rows imp;
	struct json_object *kol, *mapping, *fouten, *res = NULL;
	const char **k, *v;
	char veld[32];
	size_t n, i;
	enum uitkomst u;

	if (imp_scope(r, &s) != 0 || import_lees(r, s.wijkteam_org, route_id(r),
	    &imp) != 0)
		return;
	kol = parse_json(DB_CELL(&imp, 0, IMP_KOLOMMEN));
	k = kolom_namen(r, kol, &n);
	json_object_put(kol);
	mapping = json_object_new_object();
	for (i = 0; k != NULL && i < n; i++) {
		snprintf(veld, sizeof(veld), "kolom_%zu", i);
		v = kv_get(&r->form, veld);
		json_object_object_add(mapping, k[i], json_object_new_string(
		    v != NULL ? v : ""));
	}
	fouten = json_object_new_array();
	u = proefimport(r, &s, route_id(r), mapping, fouten, &res);
	json_object_put(mapping);
	json_object_put(res);
	if (u == U_FOUT) {
		imp_pagina_detail(r, &s, route_id(r), 422, fouten);
		return;
	}
	json_object_put(fouten);
	if (u == U_OK)
		resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
		    (long long)route_id(r)));
}

static void
page_uitvoeren(struct req *r)
{
	struct scope s;
	struct json_object *res = NULL;
	enum uitkomst u;

	if (imp_scope(r, &s) != 0)
		return;
	u = uitvoeren(r, &s, route_id(r), &res);
	json_object_put(res);
	if (u != U_ANTWOORD)   /* done, or failed with its result stored */
		resp_redirect(r, arena_printf(r->arena, "/registratie/import/%lld",
		    (long long)route_id(r)));
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
	{ "GET", "/registratie/import", page_import, ACCESS_TEAMLEIDER, H, NULL },
	{ "POST", "/registratie/import", page_upload, ACCESS_TEAMLEIDER, HU, NULL },
	{ "GET", "/registratie/import/{id:int}", page_detail, ACCESS_TEAMLEIDER, H,
	  NULL },
	{ "POST", "/registratie/import/{id:int}/proefimport", page_proef,
	  ACCESS_TEAMLEIDER, HF, NULL },
	{ "POST", "/registratie/import/{id:int}/uitvoeren", page_uitvoeren,
	  ACCESS_TEAMLEIDER, HF, NULL },
};
ROUTE_TABLE(routes_import, routes);
