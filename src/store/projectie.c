/*
 * projectie.c — the figure projections; see projectie.h.
 *
 * The rows of a set of inwoners are computed in C (the derivations are
 * the domain's) and written as one JSON array per table through
 * JSON_TABLE, so an import batch of a thousand inwoners costs the same
 * six statements as one event.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/verloop.h"
#include "store/projectie.h"
#include "store/statements.h"

#define IDS_TABEL \
	" JSON_TABLE(?, '$[*]' COLUMNS (inw BIGINT UNSIGNED PATH '$')) j"
#define OPEN_TOT	"'9999-12-31'"

enum {
	P_EVENTS, P_WIJKEN, P_FEIT_WEG, P_FEIT_ZET, P_VL_WEG, P_VL_ZET,
	P_WIJK_BEGIN, P_WIJK_EIND, P_WIJK_NIEUW, P_INWONERS, P_FEIT_LEES,
	P_VL_LEES, P_ONTBREEKT,
};
#define ST(n)	STMT_ID(MOD_PROJECTIE, n)

/* Result columns of P_EVENTS. */
enum { EV_ID, EV_INW, EV_TYPE, EV_DATUM, EV_WT, EV_BESLUIT, EV_REDEN,
    EV_VERVALT, EV_TRJ, EV_ORG, EV_GEGEVENS, EV__N };

static const struct stmt_def defs[] = {
	{ ST(P_EVENTS), "projectie_gebeurtenissen",
	  "SELECT g.id, g.inwoner_id, g.type, g.datum, t.wijkteam_id,"
	  " JSON_VALUE(g.gegevens, '$.besluit'), JSON_VALUE(g.gegevens, '$.reden'),"
	  " g.vervalt_id, g.traject_id, t.organisatie_id, g.gegevens"
	  " FROM" IDS_TABEL " JOIN gebeurtenis g ON g.inwoner_id = j.inw"
	  " JOIN traject t ON t.id = g.traject_id"
	  " ORDER BY g.inwoner_id, g.datum, g.id", 1, EV__N, "iitdittiiit" },
	{ ST(P_WIJKEN), "projectie_wijken",
	  "SELECT iw.inwoner_id, iw.van, iw.tot, iw.wijk_id FROM" IDS_TABEL
	  " JOIN inwoner_wijk iw ON iw.inwoner_id = j.inw"
	  " ORDER BY iw.inwoner_id, iw.van", 1, 4, "iddi" },
	{ ST(P_FEIT_WEG), "projectie_feiten_weg",
	  "DELETE f FROM cijfer_feit f JOIN" IDS_TABEL
	  " ON f.inwoner_id = j.inw", 1, 0, NULL },
	{ ST(P_FEIT_ZET), "projectie_feiten_zet",
	  "INSERT INTO cijfer_feit (organisatie_id, type, datum, gebeurtenis_id,"
	  " inwoner_id, traject_id, wijk_id, kenmerken)"
	  " SELECT j.org, j.type, j.datum, j.geb, j.inw, j.trj, j.wijk, j.km"
	  " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " org BIGINT UNSIGNED PATH '$[0]', type VARCHAR(40) PATH '$[1]',"
	  " datum DATE PATH '$[2]', geb BIGINT UNSIGNED PATH '$[3]',"
	  " inw BIGINT UNSIGNED PATH '$[4]', trj BIGINT UNSIGNED PATH '$[5]',"
	  " wijk BIGINT UNSIGNED PATH '$[6]', km VARCHAR(255) PATH '$[7]')) j",
	  1, 0, NULL },
	{ ST(P_VL_WEG), "projectie_verloop_weg",
	  "DELETE v FROM ketenstatus_verloop v JOIN" IDS_TABEL
	  " ON v.inwoner_id = j.inw", 1, 0, NULL },
	{ ST(P_VL_ZET), "projectie_verloop_zet",
	  "INSERT INTO ketenstatus_verloop (organisatie_id, toestand, tot, van,"
	  " inwoner_id, wijk_id)"
	  " SELECT j.org, j.toestand, j.tot, j.van, j.inw, j.wijk"
	  " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " org BIGINT UNSIGNED PATH '$[0]', toestand VARCHAR(20) PATH '$[1]',"
	  " tot DATE PATH '$[2]', van DATE PATH '$[3]',"
	  " inw BIGINT UNSIGNED PATH '$[4]', wijk BIGINT UNSIGNED PATH '$[5]')) j",
	  1, 0, NULL },
	{ ST(P_WIJK_BEGIN), "inwoner_wijk_begin",
	  "INSERT IGNORE INTO inwoner_wijk (inwoner_id, van, wijk_id)"
	  " SELECT i.id, '1900-01-01', i.wijk_id FROM" IDS_TABEL
	  " JOIN inwoner i ON i.id = j.inw WHERE NOT EXISTS (SELECT 1"
	  " FROM inwoner_wijk w WHERE w.inwoner_id = i.id)", 1, 0, NULL },
	/* The open row of another wijk ends today, unless it began today
	 * (then P_WIJK_NIEUW replaces its wijk). */
	{ ST(P_WIJK_EIND), "inwoner_wijk_eind",
	  "UPDATE inwoner_wijk SET tot = CURDATE() WHERE inwoner_id = ?"
	  " AND tot = " OPEN_TOT " AND van < CURDATE() AND wijk_id <> ?",
	  2, 0, NULL },
	{ ST(P_WIJK_NIEUW), "inwoner_wijk_nieuw",
	  "INSERT INTO inwoner_wijk (inwoner_id, van, wijk_id)"
	  " SELECT ?, CURDATE(), ? FROM DUAL WHERE NOT EXISTS (SELECT 1"
	  " FROM inwoner_wijk w WHERE w.inwoner_id = ? AND w.tot = " OPEN_TOT
	  " AND w.wijk_id = ?) ON DUPLICATE KEY UPDATE wijk_id = VALUES(wijk_id),"
	  " tot = " OPEN_TOT, 4, 0, NULL },
	{ ST(P_INWONERS), "projectie_inwoners",
	  "SELECT id FROM inwoner WHERE id > ? ORDER BY id LIMIT ?", 2, 1, "i" },
	{ ST(P_FEIT_LEES), "projectie_feiten_lees",
	  "SELECT f.inwoner_id, f.gebeurtenis_id, f.organisatie_id, f.type,"
	  " f.datum, f.traject_id, f.wijk_id, f.kenmerken FROM" IDS_TABEL
	  " JOIN cijfer_feit f ON f.inwoner_id = j.inw"
	  " ORDER BY f.inwoner_id, f.gebeurtenis_id", 1, 8, "iiitdiit" },
	{ ST(P_VL_LEES), "projectie_verloop_lees",
	  "SELECT v.inwoner_id, v.toestand, v.van, v.tot, v.organisatie_id,"
	  " v.wijk_id FROM" IDS_TABEL
	  " JOIN ketenstatus_verloop v ON v.inwoner_id = j.inw"
	  " ORDER BY v.inwoner_id, v.toestand, v.van", 1, 6, "itddii" },
	{ ST(P_ONTBREEKT), "projectie_ontbreekt",
	  "SELECT EXISTS (SELECT 1 FROM gebeurtenis)"
	  " AND NOT EXISTS (SELECT 1 FROM cijfer_feit)", 0, 1, "i" },
};
const struct stmt_table projectie_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Most events read for one batch: an inwoner has a handful; an import
 * batch has one each. Beyond this the batch is refused (DB_ERR). */
#define PJ_MAX_EVENTS	200000

/* The computed rows of a batch, as canonical text per table (one line
 * per row, in the order P_FEIT_LEES and P_VL_LEES read them), and as the
 * JSON arrays the writes take. */
struct pj_rijen {
	struct json_object *feiten;     /* [[org,type,datum,geb,inw,trj,wijk,km]] */
	struct json_object *verloop;    /* [[org,toestand,tot,van,inw,wijk]] */
};

/* An event's payload, looked up by id after the derivation sorted the
 * events of an inwoner. */
struct pj_gegevens {
	int64_t      id;
	const char  *gegevens;
};

static int
pj_op_id(const void *a, const void *b)
{
	const struct pj_gegevens *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The ids as a JSON array text in the arena, or NULL. */
static const char *
pj_ids(struct arena *ar, const int64_t *ids, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b, ar);
	buf_putc(&b, '[');
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_putc(&b, ']');
	return b.failed ? NULL : b.data;
}

static long
pj_dag(const char *s)
{
	long dag = 0;

	(void)datum_lees_str(s, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag);
	return dag;
}

/* A DATE column that may be 9999-12-31 (an open interval). */
static long
pj_tot(const char *s)
{
	long dag = 0;

	if (s != NULL && strcmp(s, "9999-12-31") == 0)
		return VERLOOP_OPEN;
	(void)datum_lees_str(s, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag);
	return dag;
}

/* The kenmerken of one event's payload text ("" when none apply). */
static const char *
pj_kenmerken(struct arena *ar, const char *type, const char *gegevens)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(type);
	struct json_object *g;
	char km[256];
	const char *out;

	if (t == NULL || gegevens == NULL)
		return "";
	if ((g = json_tokener_parse(gegevens)) == NULL)
		return "";
	if (indicator_kenmerken(t, g, km, sizeof(km)) < 0)
		km[0] = '\0';
	json_object_put(g);
	out = arena_strdup(ar, km);
	return out != NULL ? out : "";
}

static struct json_object *
pj_datum(long dag)
{
	char s[11];

	return json_object_new_string(datum_tekst(dag, s));
}

/*
 * The rows of one inwoner: its ne events ev (rows of P_EVENTS, sorted by
 * the derivation), their payloads g (sorted by id) and its wijk history
 * w. Appends to out. Returns 0 or -1 (malformed event, memory).
 */
static int
pj_inwoner(struct arena *ar, int64_t inw, struct keten_gebeurtenis *ev,
    size_t ne, const struct pj_gegevens *g, const struct verloop_wijk *w,
    size_t nw, struct pj_rijen *out)
{
	struct verloop_rij *v;
	struct pj_gegevens sleutel, *hit;
	struct json_object *r;
	const char *km;
	size_t i, nv;
	long dag;

	if (verloop_bereken(ar, ev, ne, w, nw, &v, &nv) != 0)
		return -1;
	for (i = 0; i < ne; i++) {
		if (ev[i].vervallen ||
		    strcmp(ev[i].type, GEBEURTENIS_CORRECTIE) == 0)
			continue;
		dag = pj_dag(ev[i].datum);
		sleutel.id = ev[i].id;
		hit = bsearch(&sleutel, g, ne, sizeof(*g), pj_op_id);
		km = pj_kenmerken(ar, ev[i].type, hit ? hit->gegevens : NULL);
		r = json_object_new_array();
		json_object_array_add(r, json_object_new_int64(ev[i].organisatie_id));
		json_object_array_add(r, json_object_new_string(ev[i].type));
		json_object_array_add(r, pj_datum(dag));
		json_object_array_add(r, json_object_new_int64(ev[i].id));
		json_object_array_add(r, json_object_new_int64(inw));
		json_object_array_add(r, json_object_new_int64(ev[i].traject_id));
		json_object_array_add(r, json_object_new_int64(
		    verloop_wijk_op(w, nw, dag)));
		json_object_array_add(r, json_object_new_string(km));
		json_object_array_add(out->feiten, r);
	}
	for (i = 0; i < nv; i++) {
		r = json_object_new_array();
		json_object_array_add(r, json_object_new_int64(v[i].organisatie_id));
		json_object_array_add(r, json_object_new_string(
		    verloop_toestand_code(v[i].toestand)));
		json_object_array_add(r, pj_datum(v[i].tot));
		json_object_array_add(r, pj_datum(v[i].van));
		json_object_array_add(r, json_object_new_int64(inw));
		json_object_array_add(r, json_object_new_int64(v[i].wijk_id));
		json_object_array_add(out->verloop, r);
	}
	return 0;
}

/*
 * Computes the rows of the inwoners in ids_json (n of them) into out (two
 * new arrays the caller puts). DB_ERR when an event is malformed.
 */
static enum db_err
pj_bereken(struct db *db, struct arena *ar, const char *ids_json,
    struct pj_rijen *out)
{
	struct db_val v = DB_STR(ids_json);
	struct db_rows er, wr;
	struct keten_gebeurtenis *ev;
	struct pj_gegevens *g;
	struct verloop_wijk *w;
	enum db_err rc;
	size_t i, j, k, a, b;
	int64_t inw;

	out->feiten = json_object_new_array();
	out->verloop = json_object_new_array();
	if (out->feiten == NULL || out->verloop == NULL)
		return DB_NOMEM;
	if ((rc = db_query(db, ar, ST(P_EVENTS), &v, 1, PJ_MAX_EVENTS + 1,
	    &er)) != DB_OK ||
	    (rc = db_query(db, ar, ST(P_WIJKEN), &v, 1, 0, &wr)) != DB_OK)
		return rc;
	if (er.nrows > PJ_MAX_EVENTS)
		return DB_ERR;
	ev = arena_calloc(ar, er.nrows + 1, sizeof(*ev));
	g = arena_calloc(ar, er.nrows + 1, sizeof(*g));
	w = arena_calloc(ar, wr.nrows + 1, sizeof(*w));
	if (ev == NULL || g == NULL || w == NULL)
		return DB_NOMEM;
	for (i = 0; i < er.nrows; i++) {
		ev[i].id = db_cell_int(DB_CELL(&er, i, EV_ID), 0);
		ev[i].type = DB_CELL(&er, i, EV_TYPE);
		ev[i].datum = DB_CELL(&er, i, EV_DATUM);
		ev[i].wijkteam_id = db_cell_int(DB_CELL(&er, i, EV_WT), 0);
		ev[i].besluit = DB_CELL(&er, i, EV_BESLUIT);
		ev[i].reden = DB_CELL(&er, i, EV_REDEN);
		ev[i].vervalt_id = db_cell_int(DB_CELL(&er, i, EV_VERVALT), 0);
		ev[i].traject_id = db_cell_int(DB_CELL(&er, i, EV_TRJ), 0);
		ev[i].organisatie_id = db_cell_int(DB_CELL(&er, i, EV_ORG), 0);
		g[i].id = ev[i].id;
		g[i].gegevens = DB_CELL(&er, i, EV_GEGEVENS);
	}
	for (i = 0; i < wr.nrows; i++) {
		w[i].van = pj_dag(DB_CELL(&wr, i, 1));
		w[i].tot = pj_tot(DB_CELL(&wr, i, 2));
		w[i].wijk_id = db_cell_int(DB_CELL(&wr, i, 3), 0);
	}
	/* Both result sets are ordered by inwoner: walk them together. */
	for (i = 0, k = 0; i < er.nrows; i = j) {
		inw = db_cell_int(DB_CELL(&er, i, EV_INW), 0);
		for (j = i; j < er.nrows &&
		    db_cell_int(DB_CELL(&er, j, EV_INW), 0) == inw; j++)
			;
		while (k < wr.nrows && db_cell_int(DB_CELL(&wr, k, 0), 0) < inw)
			k++;
		for (a = k; k < wr.nrows &&
		    db_cell_int(DB_CELL(&wr, k, 0), 0) == inw; k++)
			;
		b = k;
		qsort(g + i, j - i, sizeof(*g), pj_op_id);
		if (pj_inwoner(ar, inw, ev + i, j - i, g + i, w + a, b - a,
		    out) != 0)
			return DB_ERR;
	}
	return DB_OK;
}

static void
pj_vrij(struct pj_rijen *r)
{
	json_object_put(r->feiten);
	json_object_put(r->verloop);
	r->feiten = r->verloop = NULL;
}

/* Replaces the stored rows of the inwoners in ids_json by r. */
static enum db_err
pj_schrijf(struct db *db, const char *ids_json, const struct pj_rijen *r)
{
	struct db_val v = DB_STR(ids_json), f, vl;
	enum db_err rc;

	f = DB_STR(json_object_to_json_string_ext(r->feiten,
	    JSON_C_TO_STRING_PLAIN));
	vl = DB_STR(json_object_to_json_string_ext(r->verloop,
	    JSON_C_TO_STRING_PLAIN));
	if ((rc = db_exec(db, ST(P_FEIT_WEG), &v, 1, NULL, NULL)) != DB_OK ||
	    (rc = db_exec(db, ST(P_VL_WEG), &v, 1, NULL, NULL)) != DB_OK)
		return rc;
	if (json_object_array_length(r->feiten) > 0 &&
	    (rc = db_exec(db, ST(P_FEIT_ZET), &f, 1, NULL, NULL)) != DB_OK)
		return rc;
	if (json_object_array_length(r->verloop) > 0 &&
	    (rc = db_exec(db, ST(P_VL_ZET), &vl, 1, NULL, NULL)) != DB_OK)
		return rc;
	return DB_OK;
}

enum db_err
store_inwoner_wijk_begin(struct db *db, const char *ids)
{
	struct db_val v = DB_STR(ids);

	return db_exec(db, ST(P_WIJK_BEGIN), &v, 1, NULL, NULL);
}

enum db_err
store_inwoner_verhuisd(struct db *db, int64_t id, int64_t wijk_id)
{
	struct db_val eind[] = { DB_INT(id), DB_INT(wijk_id) };
	struct db_val nieuw[] = { DB_INT(id), DB_INT(wijk_id), DB_INT(id),
	    DB_INT(wijk_id) };
	enum db_err rc;

	if ((rc = db_exec(db, ST(P_WIJK_EIND), eind, 2, NULL, NULL)) != DB_OK)
		return rc;
	return db_exec(db, ST(P_WIJK_NIEUW), nieuw, 4, NULL, NULL);
}

enum db_err
store_projectie_cijfers(struct db *db, struct arena *ar, const int64_t *ids,
    size_t n)
{
	struct pj_rijen r = { NULL, NULL };
	const char *ids_json;
	enum db_err rc;

	if (n == 0)
		return DB_OK;
	if (n > PROJECTIE_MAX_INWONERS)
		return DB_ERR;
	if ((ids_json = pj_ids(ar, ids, n)) == NULL)
		return DB_NOMEM;
	if ((rc = pj_bereken(db, ar, ids_json, &r)) == DB_OK)
		rc = pj_schrijf(db, ids_json, &r);
	pj_vrij(&r);
	return rc;
}

/*
 * The stored rows of the batch as the same JSON arrays pj_bereken makes,
 * so that the two compare as text.
 */
static enum db_err
pj_lees(struct db *db, struct arena *ar, const char *ids_json,
    struct pj_rijen *out)
{
	struct db_val v = DB_STR(ids_json);
	struct db_rows fr, vr;
	struct json_object *r;
	enum db_err rc;
	size_t i;

	out->feiten = json_object_new_array();
	out->verloop = json_object_new_array();
	if (out->feiten == NULL || out->verloop == NULL)
		return DB_NOMEM;
	if ((rc = db_query(db, ar, ST(P_FEIT_LEES), &v, 1, 0, &fr)) != DB_OK ||
	    (rc = db_query(db, ar, ST(P_VL_LEES), &v, 1, 0, &vr)) != DB_OK)
		return rc;
	for (i = 0; i < fr.nrows; i++) {
		r = json_object_new_array();
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 2), 0)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&fr, i, 3)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&fr, i, 4)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 1), 0)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 0), 0)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 5), 0)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 6), 0)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&fr, i, 7)));
		json_object_array_add(out->feiten, r);
	}
	for (i = 0; i < vr.nrows; i++) {
		r = json_object_new_array();
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&vr, i, 4), 0)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&vr, i, 1)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&vr, i, 3)));
		json_object_array_add(r, json_object_new_string(DB_CELL(&vr, i, 2)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&vr, i, 0), 0)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&vr, i, 5), 0)));
		json_object_array_add(out->verloop, r);
	}
	return DB_OK;
}

/* Sort order of computed fact rows as P_FEIT_LEES reads them: inwoner,
 * then event id. */
static int
pj_feit_cmp(const void *a, const void *b)
{
	struct json_object *x = *(struct json_object *const *)a;
	struct json_object *y = *(struct json_object *const *)b;
	int64_t xi = json_object_get_int64(json_object_array_get_idx(x, 4));
	int64_t yi = json_object_get_int64(json_object_array_get_idx(y, 4));

	if (xi != yi)
		return xi < yi ? -1 : 1;
	xi = json_object_get_int64(json_object_array_get_idx(x, 3));
	yi = json_object_get_int64(json_object_array_get_idx(y, 3));
	return xi < yi ? -1 : xi > yi;
}

/* As P_VL_LEES: inwoner, toestand (the ENUM's order, which is that of
 * enum regel_toestand), van. */
static int
pj_vl_cmp(const void *a, const void *b)
{
	struct json_object *x = *(struct json_object *const *)a;
	struct json_object *y = *(struct json_object *const *)b;
	int64_t xi = json_object_get_int64(json_object_array_get_idx(x, 4));
	int64_t yi = json_object_get_int64(json_object_array_get_idx(y, 4));
	const char *xs, *ys;
	int t, xt = 0, yt = 0;

	if (xi != yi)
		return xi < yi ? -1 : 1;
	xs = json_object_get_string(json_object_array_get_idx(x, 1));
	ys = json_object_get_string(json_object_array_get_idx(y, 1));
	for (t = TOESTAND_OP_WACHTLIJST; t <= TOESTAND_OVERDRACHT_OPEN; t++) {
		if (strcmp(xs, verloop_toestand_code(t)) == 0)
			xt = t;
		if (strcmp(ys, verloop_toestand_code(t)) == 0)
			yt = t;
	}
	if (xt != yt)
		return xt < yt ? -1 : 1;
	return strcmp(json_object_get_string(json_object_array_get_idx(x, 3)),
	    json_object_get_string(json_object_array_get_idx(y, 3)));
}

/*
 * Whether the rows of inwoner inw differ between a and b (both sorted by
 * inwoner, index 4 of every row): advances *i and *j past that inwoner's
 * rows; rows of the inwoner in a are appended to uit (a new reference)
 * when uit is not NULL.
 */
static int
pj_anders(struct json_object *a, size_t *i, struct json_object *b, size_t *j,
    int64_t inw, struct json_object *uit)
{
	size_t na = json_object_array_length(a), nb = json_object_array_length(b);
	struct json_object *x, *y;
	int anders = 0;

#define PJ_INW(arr, k) json_object_get_int64(json_object_array_get_idx( \
	json_object_array_get_idx(arr, k), 4))
	while (*i < na && PJ_INW(a, *i) < inw)
		(*i)++;
	while (*j < nb && PJ_INW(b, *j) < inw)
		(*j)++;
	for (;;) {
		x = *i < na && PJ_INW(a, *i) == inw ? json_object_array_get_idx(a,
		    *i) : NULL;
		y = *j < nb && PJ_INW(b, *j) == inw ? json_object_array_get_idx(b,
		    *j) : NULL;
		if (x == NULL && y == NULL)
			break;
		if (x == NULL || y == NULL || !json_object_equal(x, y))
			anders = 1;
		if (x != NULL) {
			if (uit != NULL)
				json_object_array_add(uit, json_object_get(x));
			(*i)++;
		}
		if (y != NULL)
			(*j)++;
	}
#undef PJ_INW
	return anders;
}

enum db_err
store_projectie_controle(struct db *db, struct arena *ar, int64_t na,
    size_t limit, int herstel, size_t *verschil, int64_t *eerste_verschil,
    int64_t *laatste)
{
	struct db_val v[] = { DB_INT(na), DB_INT(limit) };
	struct pj_rijen nu = { NULL, NULL }, moet = { NULL, NULL };
	struct pj_rijen fix = { NULL, NULL };
	struct db_rows ir;
	const char *ids_json;
	int64_t *ids, *fout;
	enum db_err rc;
	size_t i, nfout = 0, fi = 0, fj = 0, vi = 0, vj = 0;
	int f, g;

	*laatste = 0;
	if (limit == 0 || limit > PROJECTIE_MAX_INWONERS)
		limit = PROJECTIE_MAX_INWONERS;
	v[1] = DB_INT(limit);
	if ((rc = db_query(db, ar, ST(P_INWONERS), v, 2, 0, &ir)) != DB_OK)
		return rc;
	if (ir.nrows == 0)
		return DB_OK;
	ids = arena_calloc(ar, ir.nrows, sizeof(*ids));
	fout = arena_calloc(ar, ir.nrows, sizeof(*fout));
	if (ids == NULL || fout == NULL)
		return DB_NOMEM;
	for (i = 0; i < ir.nrows; i++)
		ids[i] = db_cell_int(DB_CELL(&ir, i, 0), 0);
	*laatste = ids[ir.nrows - 1];
	if ((ids_json = pj_ids(ar, ids, ir.nrows)) == NULL)
		return DB_NOMEM;
	/* One recomputation and one read for the whole batch, compared
	 * inwoner by inwoner; the repairs are written as one batch too. */
	if ((rc = pj_bereken(db, ar, ids_json, &moet)) != DB_OK ||
	    (rc = pj_lees(db, ar, ids_json, &nu)) != DB_OK)
		goto uit;
	json_object_array_sort(moet.feiten, pj_feit_cmp);
	json_object_array_sort(moet.verloop, pj_vl_cmp);
	for (i = 0; i < ir.nrows; i++) {
		f = pj_anders(moet.feiten, &fi, nu.feiten, &fj, ids[i], NULL);
		g = pj_anders(moet.verloop, &vi, nu.verloop, &vj, ids[i], NULL);
		if (!f && !g)
			continue;
		if ((*verschil)++ == 0)
			*eerste_verschil = ids[i];
		fout[nfout++] = ids[i];
	}
	if (herstel && nfout > 0) {
		const char *fout_json = pj_ids(ar, fout, nfout);

		/* The recomputed rows of the differing inwoners only. */
		fix.feiten = json_object_new_array();
		fix.verloop = json_object_new_array();
		fi = fj = vi = vj = 0;
		for (i = 0; i < nfout; i++) {
			(void)pj_anders(moet.feiten, &fi, nu.feiten, &fj, fout[i],
			    fix.feiten);
			(void)pj_anders(moet.verloop, &vi, nu.verloop, &vj, fout[i],
			    fix.verloop);
		}
		rc = fout_json == NULL ? DB_NOMEM : pj_schrijf(db, fout_json, &fix);
	}
uit:
	pj_vrij(&fix);
	pj_vrij(&nu);
	pj_vrij(&moet);
	return rc;
}

enum db_err
store_projectie_ontbreekt(struct db *db, struct arena *ar, int *ja)
{
	struct db_rows rows;
	enum db_err rc;

	*ja = 0;
	if ((rc = db_query(db, ar, ST(P_ONTBREEKT), NULL, 0, 1, &rows)) != DB_OK)
		return rc;
	*ja = rows.nrows == 1 && db_cell_int(DB_CELL(&rows, 0, 0), 0) == 1;
	return DB_OK;
}
