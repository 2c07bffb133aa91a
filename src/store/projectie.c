/*
 * projectie.c — the figure projections; see projectie.h.
 *
 * The rows of a set of inwoners are computed in C (the derivations are
 * the domain's) and written as one JSON array per table through
 * JSON_TABLE, so an import batch of a thousand inwoners costs the same
 * six statements as one event.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/cijfer_som.h"
#include "domain/verloop.h"
#include "store/cijfer_som.h"
#include "store/projectie.h"
#include "store/statements.h"

#define IDS_TABEL \
	" JSON_TABLE(?, '$[*]' COLUMNS (inw BIGINT UNSIGNED PATH '$')) j"
#define OPEN_TOT	"'9999-12-31'"
/* The inwoner of history row k of r->verloop in pj_sommen(). */
#define PJ_I_VL(k)	json_object_get_int64(json_object_array_get_idx( \
	json_object_array_get_idx(r->verloop, (k)), 4))

enum {
	P_EVENTS, P_WIJKEN, P_FEIT_WEG, P_FEIT_ZET, P_VL_WEG, P_VL_ZET,
	P_WIJK_BEGIN, P_WIJK_EIND, P_WIJK_NIEUW, P_INWONERS, P_FEIT_LEES,
	P_VL_LEES, P_ONTBREEKT, P_INWONERS_TYPES, P_FEIT_WEG_RIJ, P_VL_WEG_RIJ,
};
#define ST(n)	STMT_ID(MOD_PROJECTIE, n)

/* Result columns of P_EVENTS. */
enum { EV_ID, EV_INW, EV_TYPE, EV_DATUM, EV_WT, EV_BESLUIT, EV_REDEN,
    EV_VERVALT, EV_TRJ, EV_ORG, EV_GEGEVENS, EV_SOORT, EV_THEMA, EV_OPDRACHT,
    EV__N };

static const struct stmt_def defs[] = {
	{ ST(P_EVENTS), "projectie_gebeurtenissen",
	  "SELECT g.id, g.inwoner_id, g.type, g.datum, t.wijkteam_id,"
	  " JSON_VALUE(g.gegevens, '$.besluit'), JSON_VALUE(g.gegevens, '$.reden'),"
	  " g.vervalt_id, g.traject_id, t.organisatie_id, g.gegevens,"
	  " t.soort, t.thema_id, t.opdracht_id"
	  " FROM" IDS_TABEL " JOIN gebeurtenis g ON g.inwoner_id = j.inw"
	  " JOIN traject t ON t.id = g.traject_id"
	  " ORDER BY g.inwoner_id, g.datum, g.id", 1, EV__N, "iitdittiiittii" },
	{ ST(P_WIJKEN), "projectie_wijken",
	  "SELECT iw.inwoner_id, iw.van, iw.tot, iw.wijk_id FROM" IDS_TABEL
	  " JOIN inwoner_wijk iw ON iw.inwoner_id = j.inw"
	  " ORDER BY iw.inwoner_id, iw.van", 1, 4, "iddi" },
	{ ST(P_FEIT_WEG), "projectie_feiten_weg",
	  "DELETE f FROM cijfer_feit f JOIN" IDS_TABEL
	  " ON f.inwoner_id = j.inw", 1, 0, NULL },
	{ ST(P_FEIT_ZET), "projectie_feiten_zet",
	  "INSERT INTO cijfer_feit (organisatie_id, type, datum, gebeurtenis_id,"
	  " inwoner_id, traject_id, wijk_id, kenmerken, traject_soort, thema_id,"
	  " opdracht_id)"
	  " SELECT j.org, j.type, j.datum, j.geb, j.inw, j.trj, j.wijk, j.km,"
	  " j.soort, j.thema, j.opdracht"
	  " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " org BIGINT UNSIGNED PATH '$[0]', type VARCHAR(40) PATH '$[1]',"
	  " datum DATE PATH '$[2]', geb BIGINT UNSIGNED PATH '$[3]',"
	  " inw BIGINT UNSIGNED PATH '$[4]', trj BIGINT UNSIGNED PATH '$[5]',"
	  " wijk BIGINT UNSIGNED PATH '$[6]', km VARCHAR(255) PATH '$[7]',"
	  " soort VARCHAR(40) PATH '$[8]', thema BIGINT UNSIGNED PATH '$[9]',"
	  " opdracht BIGINT UNSIGNED PATH '$[10]')) j",
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
	  " f.datum, f.traject_id, f.wijk_id, f.kenmerken, f.traject_soort,"
	  " f.thema_id, f.opdracht_id FROM" IDS_TABEL
	  " JOIN cijfer_feit f ON f.inwoner_id = j.inw"
	  " ORDER BY f.inwoner_id, f.gebeurtenis_id", 1, 11, "iiitdiittii" },
	{ ST(P_VL_LEES), "projectie_verloop_lees",
	  "SELECT v.inwoner_id, v.toestand, v.van, v.tot, v.organisatie_id,"
	  " v.wijk_id FROM" IDS_TABEL
	  " JOIN ketenstatus_verloop v ON v.inwoner_id = j.inw"
	  " ORDER BY v.inwoner_id, v.toestand, v.van", 1, 6, "itddii" },
	{ ST(P_ONTBREEKT), "projectie_ontbreekt",
	  "SELECT EXISTS (SELECT 1 FROM gebeurtenis)"
	  " AND NOT EXISTS (SELECT 1 FROM cijfer_feit)", 0, 1, "i" },
	{ ST(P_INWONERS_TYPES), "projectie_inwoners_types",
	  "SELECT DISTINCT inwoner_id FROM cijfer_feit WHERE inwoner_id > ?"
	  " AND FIND_IN_SET(type, ?) ORDER BY inwoner_id LIMIT ?", 3, 1, "i" },
	/* Rows by their key, as read: a lock on each row only. Deleting by
	 * inwoner locks the gaps of the inwoner index too, and two writers
	 * of neighbouring inwoners (two new ones, say) then each wait for
	 * the other's gap to insert: a deadlock. */
	{ ST(P_FEIT_WEG_RIJ), "projectie_feit_weg_rij",
	  "DELETE f FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " geb BIGINT UNSIGNED PATH '$[3]')) j"
	  " STRAIGHT_JOIN cijfer_feit f ON f.gebeurtenis_id = j.geb", 1, 0, NULL },
	{ ST(P_VL_WEG_RIJ), "projectie_verloop_weg_rij",
	  "DELETE v FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " org BIGINT UNSIGNED PATH '$[0]', toestand VARCHAR(20) PATH '$[1]',"
	  " tot DATE PATH '$[2]', van DATE PATH '$[3]',"
	  " inw BIGINT UNSIGNED PATH '$[4]')) j"
	  " STRAIGHT_JOIN ketenstatus_verloop v ON v.organisatie_id = j.org"
	  " AND v.toestand = j.toestand AND v.tot = j.tot AND v.van = j.van"
	  " AND v.inwoner_id = j.inw", 1, 0, NULL },
};
const struct stmt_table projectie_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Most events read for one batch: an inwoner has a handful; an import
 * batch has one each. Beyond this the batch is refused (DB_ERR). */
#define PJ_MAX_EVENTS	200000

/* The computed rows of a batch, as canonical text per table (one line
 * per row, in the order P_FEIT_LEES and P_VL_LEES read them), and as the
 * JSON arrays the writes take. */
struct pj_rijen {
	struct json_object *feiten;     /* [[org,type,datum,geb,inw,trj,wijk,km,
					 *   soort,thema,opdracht]] */
	struct json_object *verloop;    /* [[org,toestand,tot,van,inw,wijk]] */
};

/* An event's payload, looked up by id after the derivation sorted the
 * events of an inwoner. */
struct pj_gegevens {
	int64_t      id;
	const char  *gegevens;
	const char  *soort;          /* of its traject */
	int64_t      thema_id, opdracht_id;
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
		json_object_array_add(r, json_object_new_string(
		    hit && hit->soort ? hit->soort : ""));
		json_object_array_add(r, json_object_new_int64(
		    hit ? hit->thema_id : 0));
		json_object_array_add(r, json_object_new_int64(
		    hit ? hit->opdracht_id : 0));
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
		g[i].soort = DB_CELL(&er, i, EV_SOORT);
		g[i].thema_id = db_cell_int(DB_CELL(&er, i, EV_THEMA), 0);
		g[i].opdracht_id = db_cell_int(DB_CELL(&er, i, EV_OPDRACHT), 0);
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

static enum db_err	pj_lees(struct db *, struct arena *, const char *,
			    struct pj_rijen *);

/*
 * What the rows r add to the sums of rules (times teken), inwoner by
 * inwoner, into l. The facts and the ketenstatus history are both in
 * inwoner order (as pj_bereken makes them and pj_lees reads them).
 */
static int
pj_sommen(struct arena *ar, const struct som_regels *rules,
    const struct pj_rijen *r, int teken, struct cijfer_som_lijst *l)
{
	struct arena tmp;
	struct cijfer_feit *f;
	struct verloop_rij *v;
	struct cijfer_som_regel *sub;
	struct json_object *x;
	size_t nf, nv, i, j, k = 0, a, m, t, ns;
	int64_t inw;
	int rc = 0;

	if (rules->n == 0 || r->feiten == NULL ||
	    (nf = json_object_array_length(r->feiten)) == 0)
		return 0;
	nv = r->verloop != NULL ? json_object_array_length(r->verloop) : 0;
	f = arena_calloc(ar, nf, sizeof(*f));
	v = arena_calloc(ar, nv + 1, sizeof(*v));
	sub = arena_calloc(ar, rules->n, sizeof(*sub));
	if (f == NULL || v == NULL || sub == NULL || arena_init(&tmp, 64 * 1024,
	    (size_t)256 * 1024 * 1024) != 0)
		return -1;
	for (i = 0; i < nf; i++) {
		x = json_object_array_get_idx(r->feiten, i);
#define PJ_I(n)	json_object_get_int64(json_object_array_get_idx(x, n))
#define PJ_S(n)	json_object_get_string(json_object_array_get_idx(x, n))
		f[i].organisatie_id = PJ_I(0);
		f[i].type = PJ_S(1);
		f[i].dag = pj_dag(PJ_S(2));
		f[i].gebeurtenis_id = PJ_I(3);
		f[i].inwoner_id = PJ_I(4);
		f[i].traject_id = PJ_I(5);
		f[i].wijk_id = PJ_I(6);
		f[i].kenmerken = PJ_S(7);
		f[i].traject_soort = PJ_S(8);
		f[i].thema_id = PJ_I(9);
		f[i].opdracht_id = PJ_I(10);
	}
	for (i = 0; i < nv; i++) {
		x = json_object_array_get_idx(r->verloop, i);
		v[i].organisatie_id = PJ_I(0);
		v[i].toestand = verloop_toestand_lees(PJ_S(1));
		v[i].tot = pj_tot(PJ_S(2));
		v[i].van = pj_dag(PJ_S(3));
		v[i].wijk_id = PJ_I(5);
	}
	for (i = 0; i < nf && rc == 0; i = j) {
		inw = f[i].inwoner_id;
		for (j = i; j < nf && f[j].inwoner_id == inw; j++)
			;
		/* the history of the same inwoner (column 4) */
		while (k < nv && PJ_I_VL(k) < inw)
			k++;
		for (a = k, m = 0; k < nv && PJ_I_VL(k) == inw; k++, m++)
			;
		/* the rules whose sums hold this inwoner (a build in
		 * progress holds the inwoners up to its tot) */
		for (t = 0, ns = 0; t < rules->n; t++)
			if (inw <= rules->tot[t])
				sub[ns++] = rules->regel[t];
		if (ns > 0)
			rc = cijfer_som_inwoner(l, &tmp, sub, ns, f + i, j - i,
			    v + a, m, teken);
	}
#undef PJ_I
#undef PJ_S
	arena_free(&tmp);
	return rc;
}

static void
pj_vrij(struct pj_rijen *r)
{
	json_object_put(r->feiten);
	json_object_put(r->verloop);
	r->feiten = r->verloop = NULL;
}

/* Runs st over the rows a (a JSON array), unless there are none. */
static enum db_err
pj_rijen_exec(struct db *db, stmt_id st, struct json_object *a)
{
	struct db_val v;

	if (a == NULL || json_object_array_length(a) == 0)
		return DB_OK;
	v = DB_STR(json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN));
	return db_exec(db, st, &v, 1, NULL, NULL);
}

/* Replaces the stored rows of the inwoners in ids_json by r: deletes
 * the rows weg (all of their stored rows, as read in this transaction)
 * by key, or with weg NULL every row of those inwoners. */
static enum db_err
pj_schrijf(struct db *db, const char *ids_json, const struct pj_rijen *r,
    const struct pj_rijen *weg)
{
	struct db_val v = DB_STR(ids_json), f, vl;
	enum db_err rc;

	f = DB_STR(json_object_to_json_string_ext(r->feiten,
	    JSON_C_TO_STRING_PLAIN));
	vl = DB_STR(json_object_to_json_string_ext(r->verloop,
	    JSON_C_TO_STRING_PLAIN));
	if (weg != NULL) {
		if ((rc = pj_rijen_exec(db, ST(P_FEIT_WEG_RIJ), weg->feiten)) !=
		    DB_OK ||
		    (rc = pj_rijen_exec(db, ST(P_VL_WEG_RIJ), weg->verloop)) !=
		    DB_OK)
			return rc;
	} else if ((rc = db_exec(db, ST(P_FEIT_WEG), &v, 1, NULL, NULL)) !=
	    DB_OK || (rc = db_exec(db, ST(P_VL_WEG), &v, 1, NULL, NULL)) != DB_OK)
		return rc;
	if (json_object_array_length(r->feiten) > 0 &&
	    (rc = db_exec(db, ST(P_FEIT_ZET), &f, 1, NULL, NULL)) != DB_OK)
		return rc;
	if (json_object_array_length(r->verloop) > 0 &&
	    (rc = db_exec(db, ST(P_VL_ZET), &vl, 1, NULL, NULL)) != DB_OK)
		return rc;
	return DB_OK;
}

/*
 * Writes the rows schrijf of the inwoners in ids_json (deleting their
 * stored rows weg by key, or with weg NULL all their rows), and changes
 * the sums of rules by what the rows nieuw add minus what oud added (the
 * rows of the same inwoners before and after; inwoners in both whose
 * rows are equal cancel out). oud may be empty only when rules is.
 */
static enum db_err
pj_vervang(struct db *db, struct arena *ar, const char *ids_json,
    const struct pj_rijen *schrijf, const struct pj_rijen *weg,
    const struct som_regels *rules, const struct pj_rijen *oud,
    const struct pj_rijen *nieuw)
{
	struct cijfer_som_lijst l;
	struct arena la;
	enum db_err rc;

	/* The change in an arena of its own: an import batch's scratch is
	 * sized for its rows, not for what a thousand inwoners add. */
	if (arena_init(&la, 64 * 1024, (size_t)1024 * 1024 * 1024) != 0)
		return DB_NOMEM;
	memset(&l, 0, sizeof(l));
	l.ar = &la;
	rc = DB_OK;
	if (rules->n > 0) {
		if (pj_sommen(&la, rules, oud, -1, &l) != 0 ||
		    pj_sommen(&la, rules, nieuw, 1, &l) != 0)
			rc = DB_NOMEM;
		cijfer_som_lijst_saldo(&l);
	}
	if (rc == DB_OK)
		rc = pj_schrijf(db, ids_json, schrijf, weg);
	if (rc == DB_OK && l.n > 0)
		rc = store_som_schrijf(db, ar, &l);
	arena_free(&la);
	return rc;
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
	struct pj_rijen r = { NULL, NULL }, oud = { NULL, NULL };
	struct som_regels rules;
	const char *ids_json;
	enum db_err rc;

	if (n == 0)
		return DB_OK;
	if (n > PROJECTIE_MAX_INWONERS)
		return DB_ERR;
	if ((ids_json = pj_ids(ar, ids, n)) == NULL)
		return DB_NOMEM;
	if ((rc = store_som_regels_bij(db, ar, &rules)) != DB_OK)
		return rc;
	/* the stored rows, read to subtract what they added and to delete
	 * them by key */
	if ((rc = pj_bereken(db, ar, ids_json, &r)) == DB_OK &&
	    (rc = pj_lees(db, ar, ids_json, &oud)) == DB_OK)
		rc = pj_vervang(db, ar, ids_json, &r, &oud, &rules, &oud, &r);
	pj_vrij(&oud);
	pj_vrij(&r);
	store_som_regels_vrij(&rules);
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
		json_object_array_add(r, json_object_new_string(DB_CELL(&fr, i, 8)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 9), 0)));
		json_object_array_add(r, json_object_new_int64(
		    db_cell_int(DB_CELL(&fr, i, 10), 0)));
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
	struct som_regels rules;
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
	if ((rc = store_som_regels_bij(db, ar, &rules)) != DB_OK)
		return rc;
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
		/* the sums change by the whole batch's difference, in which
		 * the inwoners that agreed cancel out */
		rc = fout_json == NULL ? DB_NOMEM : pj_vervang(db, ar, fout_json,
		    &fix, NULL, &rules, &nu, &moet);
	}
uit:
	store_som_regels_vrij(&rules);
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

/* Whether the comma-separated list l holds code c. */
static int
pj_in_lijst(const char *l, const char *c)
{
	size_t n = strlen(c);
	const char *p;

	for (p = l; (p = strstr(p, c)) != NULL; p += n)
		if ((p == l || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The types the rules read, once each, comma-separated for FIND_IN_SET (type codes
 * have no commas); -1 when they do not fit. */
static int
pj_som_types(const struct som_regels *rules, char *types, size_t size)
{
	size_t t, k, len = 0;

	types[0] = '\0';
	for (t = 0; t < rules->n; t++) {
		const struct indicator_regel *r = rules->regel[t].r;
		const char *tt[2] = { r->type, r->soort == REGEL_DUUR ?
		    r->tot_type : NULL };

		for (k = 0; k < 2; k++) {
			if (tt[k] == NULL || pj_in_lijst(types, tt[k]))
				continue;
			if (len + strlen(tt[k]) + 2 > size)
				return -1;
			len += (size_t)snprintf(types + len, size - len, "%s%s",
			    len > 0 ? "," : "", tt[k]);
		}
	}
	return 0;
}

/*
 * What the stored facts of the next inwoners after na add to the sums of
 * rules, into l: at most max (<= PROJECTIE_MAX_INWONERS) of those with a fact of
 * the rules' types (their other facts do not count), their rows in the
 * scratch arena batch. *laatste: the last inwoner read; *n: how many.
 */
static enum db_err
pj_sommen_na(struct db *db, struct arena *batch, const struct som_regels *rules,
    const char *types, int64_t na, size_t max, struct cijfer_som_lijst *l,
    int64_t *laatste, size_t *n)
{
	struct pj_rijen nu = { NULL, NULL };
	struct db_val v[] = { DB_INT(na), DB_STR(types), DB_INT(max) };
	struct db_rows ir;
	const char *ids_json;
	int64_t *ids;
	enum db_err rc;
	size_t i;

	*n = 0;
	*laatste = na;
	if ((rc = db_query(db, batch, ST(P_INWONERS_TYPES), v, 3, 0, &ir)) !=
	    DB_OK || ir.nrows == 0)
		return rc;
	if ((ids = arena_calloc(batch, ir.nrows, sizeof(*ids))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < ir.nrows; i++)
		ids[i] = db_cell_int(DB_CELL(&ir, i, 0), 0);
	*n = ir.nrows;
	*laatste = ids[ir.nrows - 1];
	if ((ids_json = pj_ids(batch, ids, ir.nrows)) == NULL)
		return DB_NOMEM;
	if ((rc = pj_lees(db, batch, ids_json, &nu)) == DB_OK &&
	    pj_sommen(batch, rules, &nu, 1, l) != 0)
		rc = DB_NOMEM;
	pj_vrij(&nu);
	return rc;
}

/*
 * What the stored facts of every inwoner add to the sums of rules, into
 * l (balanced), a batch of inwoners at a time. The list is balanced
 * whenever it has doubled, so it holds about the distinct cells, not
 * every contribution.
 */
static enum db_err
pj_alle_sommen(struct db *db, const struct som_regels *rules,
    struct cijfer_som_lijst *l)
{
	struct arena batch;
	char types[1024];
	int64_t na = 0;
	enum db_err rc = DB_OK;
	size_t n, vorig = 0;

	if (pj_som_types(rules, types, sizeof(types)) != 0)
		return DB_ERR;
	if (arena_init(&batch, 1024 * 1024, (size_t)1024 * 1024 * 1024) != 0)
		return DB_NOMEM;
	do {
		arena_reset(&batch);
		rc = pj_sommen_na(db, &batch, rules, types, na,
		    PROJECTIE_MAX_INWONERS, l, &na, &n);
		if (rc == DB_OK && l->n > 2 * vorig + 65536) {
			cijfer_som_lijst_saldo(l);
			vorig = l->n;
		}
	} while (rc == DB_OK && n > 0);
	arena_free(&batch);
	cijfer_som_lijst_saldo(l);
	return rc == DB_OK && l->fout ? DB_NOMEM : rc;
}

enum db_err
store_projectie_sommen_stap(struct db *db, struct arena *ar, int wachten,
    size_t stap, struct som_stap *uit)
{
	struct cijfer_som_lijst l;
	struct som_regels rules;
	struct arena la;
	char types[1024];
	int64_t na, laatste;
	enum db_err rc;
	size_t i, n;
	int slot = 1;

	memset(uit, 0, sizeof(*uit));
	if (wachten)
		rc = store_som_slot(db, ar);
	else
		rc = store_som_slot_probeer(db, ar, &slot);
	if (rc != DB_OK || !slot)
		return rc;
	uit->slot = 1;
	if ((rc = store_som_bouw_begin(db, ar, &rules)) != DB_OK)
		return rc;
	if (rules.n == 0) {
		store_som_regels_vrij(&rules);
		return DB_OK;
	}
	if (pj_som_types(&rules, types, sizeof(types)) != 0) {
		store_som_regels_vrij(&rules);
		return DB_ERR;
	}
	if (arena_init(&la, 1024 * 1024, (size_t)1024 * 1024 * 1024) != 0) {
		store_som_regels_vrij(&rules);
		return DB_NOMEM;
	}
	memset(&l, 0, sizeof(l));
	l.ar = &la;
	/* the next inwoners after the rules' tot: the sums hold them when
	 * this step commits (so the step adds all they add) */
	na = rules.tot[0];
	for (i = 0; i < rules.n; i++)
		rules.tot[i] = INT64_MAX;
	if (stap == 0 || stap > PROJECTIE_MAX_INWONERS)
		stap = PROJECTIE_MAX_INWONERS;
	rc = pj_sommen_na(db, &la, &rules, types, na, stap, &l, &laatste, &n);
	cijfer_som_lijst_saldo(&l);
	if (rc == DB_OK && l.fout)
		rc = DB_NOMEM;
	if (rc == DB_OK && l.n > 0)
		rc = store_som_schrijf(db, ar, &l);
	uit->klaar = n < stap;
	if (rc == DB_OK)
		rc = store_som_bouw_verder(db, &rules, laatste, uit->klaar);
	uit->indicatoren = rules.n;
	uit->inwoners = n;
	uit->tot = laatste;
	arena_free(&la);
	store_som_regels_vrij(&rules);
	return rc;
}

enum db_err
store_projectie_sommen_controle(struct db *db, struct arena *ar, int herstel,
    size_t *verschil, int64_t *eerste)
{
	struct cijfer_som_lijst l;
	struct som_regels rules;
	struct cijfer_som_plek *nu;
	const struct cijfer_som_plek *p;
	struct arena la;
	enum db_err rc;
	size_t i, k = 0, j, nnu, van;
	int anders;

	*verschil = 0;
	*eerste = 0;
	if (arena_init(&la, 1024 * 1024, (size_t)8 * 1024 * 1024 * 1024) != 0)
		return DB_NOMEM;
	memset(&l, 0, sizeof(l));
	l.ar = &la;
	/* the slot exclusively: no writer changes the sums meanwhile */
	if ((rc = store_som_slot(db, ar)) != DB_OK ||
	    (rc = store_som_regels_klaar(db, ar, &rules)) != DB_OK) {
		arena_free(&la);
		return rc;
	}
	if ((rc = pj_alle_sommen(db, &rules, &l)) != DB_OK)
		goto uit;
	for (i = 0; i < rules.n; i++) {
		if ((rc = store_som_alle(db, ar, rules.regel[i].indicator_id,
		    &nu, &nnu)) != DB_OK)
			goto uit;
		for (van = k; k < l.n &&
		    l.rij[k].indicator_id == rules.regel[i].indicator_id; k++)
			;
		anders = k - van != nnu;
		for (j = 0; !anders && j < nnu; j++) {
			p = &l.rij[van + j];
			anders = p->organisatie_id != nu[j].organisatie_id ||
			    strcmp(p->periode, nu[j].periode) != 0 ||
			    p->som.wijk_id != nu[j].som.wijk_id ||
			    strcmp(p->som.cel, nu[j].som.cel) != 0 ||
			    p->som.n != nu[j].som.n;
		}
		if (!anders)
			continue;
		if ((*verschil)++ == 0)
			*eerste = rules.regel[i].indicator_id;
		/* built again by the next build steps */
		if (herstel && (rc = store_som_herbouw(db,
		    rules.regel[i].indicator_id)) != DB_OK)
			goto uit;
	}
uit:
	arena_free(&la);
	store_som_regels_vrij(&rules);
	return rc;
}
