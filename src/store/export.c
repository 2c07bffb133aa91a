/*
 * export.c — the SQL of exports, access history and the AVG document;
 * see export.h.
 *
 * Every statement on an organisation's registrations repeats the same
 * criteria, in the same words, so that what is exported and what is
 * audited can never drift apart: PERIODE below.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "store/audit.h"
#include "store/export.h"

/* One page of export rows: a gebeurtenis row holds its gegevens (a JSON
 * object of at most a few KiB), so 1000 rows fit easily. */
#define EACH_BLOCK	(256 * 1024)
#define EACH_LIMIT	(16 * 1024 * 1024)

/* The columns of each SELECT below, in order. */
enum export_traject_col {
	ET_ID, ET_INWONER_ID, ET_NAAM, ET_GEBOORTEJAAR, ET_WIJK, ET_SOORT,
	ET_THEMA, ET_OPDRACHT, ET_WIJKTEAM, ET_STARTDATUM, ET_EINDDATUM,
	ET__NCOLS
};
enum export_gebeurtenis_col {
	EG_ID, EG_TRAJECT_ID, EG_INWONER_ID, EG_NAAM, EG_TYPE, EG_DATUM,
	EG_GEGEVENS, EG_VERVALT_ID, EG_PARTIJ, EG_GEREGISTREERD, EG__NCOLS
};
enum export_inwoner_col {
	EI_ID, EI_VERSIE, EI_NAAM, EI_GEBOORTEJAAR, EI_WIJK_ID, EI_WIJK,
	EI_BSN_SEALED, EI_ORGANISATIE_ID, EI_ORGANISATIE, EI_AANGEMAAKT,
	EI__NCOLS
};
enum export_toegang_col {
	TG_ID, TG_TIJDSTIP, TG_GEBRUIKER_ID, TG_GEBRUIKERSNAAM, TG_NAMENS_ID,
	TG_TOKEN_ID, TG_ORGANISATIE, TG_ACTIE, TG_OBJECT_SOORT, TG_OBJECT_ID,
	TG_DOEL, TG_ROUTE, TG_RESULTAAT, TG__NCOLS
};
enum avg_traject_col {
	AT_ID, AT_SOORT, AT_THEMA, AT_OPDRACHT, AT_WIJKTEAM, AT_ORGANISATIE,
	AT_STARTDATUM, AT_EINDDATUM, AT_AANGEMAAKT, AT__NCOLS
};
enum avg_gebeurtenis_col {
	AG_ID, AG_TRAJECT_ID, AG_TYPE, AG_DATUM, AG_GEGEVENS, AG_VERVALT_ID,
	AG_PARTIJ, AG_ORGANISATIE, AG_GEREGISTREERD, AG__NCOLS
};
enum avg_ketenstatus_col {
	AK_PARTIJ, AK_WIJKTEAM, AK_SINDS, AK_WACHTLIJST_WIJKTEAM,
	AK_WACHTLIJST_SINDS, AK_AFGEWEZEN_OP, AK_OVERDRACHT_SINDS,
	AK_TERUG_ZONDER_OVERDRACHT, AK__NCOLS
};
enum avg_toegang_col {
	AA_ID, AA_TIJDSTIP, AA_ACTIE, AA_DOEL, AA_ORGANISATIE, AA_RESULTAAT,
	AA__NCOLS
};

/* A cell as an id or number: 0 for SQL NULL. */
#define GETAL(rows, i, c)	db_cell_int(DB_CELL(rows, i, c), 0)

/* The trajecten of the export: of the organisaties (4 parameters, padded
 * with 0) and active in the period (tot, van). */
#define PERIODE \
	" t.organisatie_id IN (?, ?, ?, ?) AND t.startdatum <= ?" \
	" AND (t.einddatum IS NULL OR t.einddatum >= ?)"

/* The organisatie a user acts for, from their grants as they are now:
 * organisation-scoped, or the organisation that ran a granted wijkteam
 * on the day of the access. "Gemeente" for gemeente-wide roles. */
#define ORGANISATIE_VAN_GEBRUIKER \
	"IF(a.gebruiker_id IS NULL, '', COALESCE((" \
	"SELECT GROUP_CONCAT(DISTINCT o.naam ORDER BY o.naam SEPARATOR ', ')" \
	" FROM toekenning k" \
	" LEFT JOIN wijkteam_organisatie wo ON k.scope_soort = 'wijkteam'" \
	" AND wo.wijkteam_id = k.scope_id AND wo.geldig_van <= DATE(a.tijdstip)" \
	" AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= DATE(a.tijdstip))" \
	" JOIN organisatie o ON o.id = IF(k.scope_soort = 'organisatie'," \
	" k.scope_id, wo.organisatie_id)" \
	" WHERE k.gebruiker_id = a.gebruiker_id" \
	" AND k.scope_soort IN ('organisatie', 'wijkteam')), 'Gemeente'))"

#define AUDIT_KOLOMMEN \
	"INSERT INTO audit (gebruiker_id, token_id, actie, object_soort," \
	" object_id, inwoner_id, doel, route, resultaat, adres, toelichting)"

static const struct stmt_def defs[] = {
	{ STMT_EXPORT_TEL, "export_tel",
	  "SELECT (SELECT COUNT(*) FROM traject t WHERE" PERIODE "),"
	  " (SELECT COUNT(*) FROM traject t"
	  " JOIN gebeurtenis g ON g.traject_id = t.id WHERE" PERIODE
	  " AND g.datum BETWEEN ? AND ?)", 14, 2, "ii" },
	/* By id through the primary key, the other tables looked up per row
	 * by theirs: the next page starts where the last ended, so each page
	 * reads only its own rows. The hints are needed: left free, the
	 * optimizer joins the small tables (opdracht: 3 rows) through a join
	 * buffer, which needs a temporary table and a sort of every
	 * remaining row for each page (0.19 s a page at 100,000 trajecten,
	 * 20 s for the export, instead of 0.02 s). */
	{ STMT_EXPORT_TRAJECTEN, "export_trajecten",
	  "SELECT t.id, i.id, i.naam, i.geboortejaar, w.naam, t.soort, th.naam,"
	  " op.naam, wt.naam, t.startdatum, t.einddatum"
	  " FROM traject t FORCE INDEX (PRIMARY)"
	  " STRAIGHT_JOIN inwoner i FORCE INDEX (PRIMARY) ON i.id = t.inwoner_id"
	  " STRAIGHT_JOIN wijk w FORCE INDEX (PRIMARY) ON w.id = i.wijk_id"
	  " STRAIGHT_JOIN thema th FORCE INDEX (PRIMARY) ON th.id = t.thema_id"
	  " STRAIGHT_JOIN opdracht op FORCE INDEX (PRIMARY) ON op.id = t.opdracht_id"
	  " STRAIGHT_JOIN wijkteam wt FORCE INDEX (PRIMARY) ON wt.id = t.wijkteam_id"
	  " WHERE" PERIODE " AND t.id > ?"
	  " ORDER BY t.id LIMIT ?", 8, ET__NCOLS, "iititttttdd" },
	/* By (traject_id, id), the order of the gebeurtenis_traject index
	 * (InnoDB appends the primary key to it): a range scan from the
	 * cursor, no sort (STRAIGHT_JOIN keeps gebeurtenis the driving
	 * table: driven from traject, each page sorted all remaining rows,
	 * 0.25 s a page at 100,000 events). Events of a traject stay
	 * together in the file. */
	{ STMT_EXPORT_GEBEURTENISSEN, "export_gebeurtenissen",
	  "SELECT g.id, g.traject_id, g.inwoner_id, i.naam, g.type, g.datum,"
	  " g.gegevens, g.vervalt_id, g.partij,"
	  " DATE_FORMAT(g.geregistreerd, '%Y-%m-%d %H:%i:%s')"
	  " FROM gebeurtenis g FORCE INDEX (gebeurtenis_traject)"
	  " STRAIGHT_JOIN traject t FORCE INDEX (PRIMARY) ON t.id = g.traject_id"
	  " STRAIGHT_JOIN inwoner i FORCE INDEX (PRIMARY) ON i.id = g.inwoner_id"
	  " WHERE" PERIODE " AND g.datum BETWEEN ? AND ?"
	  " AND g.traject_id >= ? AND (g.traject_id > ? OR g.id > ?)"
	  " ORDER BY g.traject_id, g.id LIMIT ?", 12, EG__NCOLS, "iiittdtitt" },
	{ STMT_EXPORT_AUDIT_TRAJECTEN, "export_audit_trajecten",
	  AUDIT_KOLOMMEN
	  " SELECT ?, ?, ?, 'inwoner', x.inwoner_id, x.inwoner_id, ?, ?,"
	  " 'gelukt', ?, ?"
	  " FROM (SELECT DISTINCT t.inwoner_id FROM traject t WHERE" PERIODE
	  ") x", 13, 0, NULL },
	{ STMT_EXPORT_AUDIT_GEBEURTENISSEN, "export_audit_gebeurtenissen",
	  AUDIT_KOLOMMEN
	  " SELECT ?, ?, ?, 'inwoner', x.inwoner_id, x.inwoner_id, ?, ?,"
	  " 'gelukt', ?, ?"
	  " FROM (SELECT DISTINCT t.inwoner_id FROM traject t WHERE" PERIODE
	  " AND EXISTS (SELECT 1 FROM gebeurtenis g WHERE g.traject_id = t.id"
	  " AND g.datum BETWEEN ? AND ?)) x", 15, 0, NULL },
	{ STMT_EXPORT_INWONER, "export_inwoner",
	  "SELECT i.id, i.versie, i.naam, i.geboortejaar, i.wijk_id, w.naam,"
	  " i.bsn_versleuteld, i.organisatie_id, o.naam,"
	  " DATE_FORMAT(i.aangemaakt, '%Y-%m-%dT%H:%i:%sZ')"
	  " FROM inwoner i JOIN wijk w ON w.id = i.wijk_id"
	  " JOIN organisatie o ON o.id = i.organisatie_id"
	  " WHERE i.id = ?", 1, EI__NCOLS, "iitiittitt" },
	{ STMT_EXPORT_BSN_ZOEK, "export_bsn_zoek",
	  "SELECT i.id, o.naam, i.bsn_versleuteld"
	  " FROM inwoner i JOIN organisatie o ON o.id = i.organisatie_id"
	  " WHERE i.bsn_hash = ? ORDER BY i.id LIMIT ?", 2, 3, "itt" },
	{ STMT_EXPORT_TOEGANG, "export_toegang",
	  "SELECT a.id, DATE_FORMAT(a.tijdstip, '%Y-%m-%dT%H:%i:%sZ'),"
	  " a.gebruiker_id, g.gebruikersnaam, a.namens_id, a.token_id, "
	  ORGANISATIE_VAN_GEBRUIKER ", a.actie, a.object_soort, a.object_id,"
	  " a.doel, a.route, a.resultaat"
	  " FROM audit a LEFT JOIN gebruiker g ON g.id = a.gebruiker_id"
	  " WHERE a.inwoner_id = ? AND (? IS NULL OR a.id < ?)"
	  " ORDER BY a.id DESC LIMIT ?", 4, TG__NCOLS, "ititiitttittt" },
	{ STMT_EXPORT_AVG_TRAJECTEN, "avg_trajecten",
	  "SELECT t.id, t.soort, th.naam, op.naam, wt.naam, o.naam,"
	  " t.startdatum, t.einddatum,"
	  " DATE_FORMAT(t.aangemaakt, '%Y-%m-%dT%H:%i:%sZ')"
	  " FROM traject t JOIN thema th ON th.id = t.thema_id"
	  " JOIN opdracht op ON op.id = t.opdracht_id"
	  " JOIN wijkteam wt ON wt.id = t.wijkteam_id"
	  " JOIN organisatie o ON o.id = t.organisatie_id"
	  " WHERE t.inwoner_id = ? ORDER BY t.id", 1, AT__NCOLS, "itttttddt" },
	{ STMT_EXPORT_AVG_GEBEURTENISSEN, "avg_gebeurtenissen",
	  "SELECT g.id, g.traject_id, g.type, g.datum, g.gegevens, g.vervalt_id,"
	  " g.partij, o.naam,"
	  " DATE_FORMAT(g.geregistreerd, '%Y-%m-%dT%H:%i:%sZ')"
	  " FROM gebeurtenis g JOIN organisatie o ON o.id = g.organisatie_id"
	  " WHERE g.inwoner_id = ? ORDER BY g.datum, g.id", 1, AG__NCOLS, "iitdtittt" },
	{ STMT_EXPORT_AVG_KETENSTATUS, "avg_ketenstatus",
	  "SELECT k.partij, wt.naam, k.sinds, wl.naam, k.wachtlijst_sinds,"
	  " k.afgewezen_op, k.overdracht_sinds, k.terug_zonder_overdracht"
	  " FROM ketenstatus k LEFT JOIN wijkteam wt ON wt.id = k.wijkteam_id"
	  " LEFT JOIN wijkteam wl ON wl.id = k.wachtlijst_wijkteam_id"
	  " WHERE k.inwoner_id = ?", 1, AK__NCOLS, "ttdtdddd" },
	{ STMT_EXPORT_AVG_TOEGANG, "avg_toegang",
	  "SELECT a.id, DATE_FORMAT(a.tijdstip, '%Y-%m-%dT%H:%i:%sZ'), a.actie,"
	  " a.doel, " ORGANISATIE_VAN_GEBRUIKER ", a.resultaat"
	  " FROM audit a WHERE a.inwoner_id = ? AND a.id > ?"
	  " ORDER BY a.id LIMIT ?", 3, AA__NCOLS, "ittttt" },
};
const struct stmt_table export_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* The organisaties and the period as the PERIODE parameters. */
static void
periode(const struct export_filter *f, struct db_val *v)
{
	size_t i;

	for (i = 0; i < SCOPE_ORGS; i++)
		v[i] = DB_INT(f->org[i]);
	v[SCOPE_ORGS] = DB_STR(f->tot);
	v[SCOPE_ORGS + 1] = DB_STR(f->van);
}

#define NPERIODE	(SCOPE_ORGS + 2)

enum db_err
store_export_tel(struct db *db, struct arena *ar, const struct export_filter *f,
    long *trajecten, long *gebeurtenissen)
{
	struct db_val v[2 * NPERIODE + 2];
	struct db_rows rows;
	enum db_err rc;

	periode(f, v);
	periode(f, v + NPERIODE);
	v[2 * NPERIODE] = DB_STR(f->van);
	v[2 * NPERIODE + 1] = DB_STR(f->tot);
	if ((rc = db_query(db, ar, STMT_EXPORT_TEL, v, 2 * NPERIODE + 2, 1,
	    &rows)) != DB_OK)
		return rc;
	*trajecten = rows.nrows ? (long)db_cell_int(DB_CELL(&rows, 0, 0), 0) : 0;
	*gebeurtenissen = rows.nrows ? (long)db_cell_int(DB_CELL(&rows, 0, 1), 0) : 0;
	return DB_OK;
}

enum db_err
store_export_trajecten_each(struct db *db, const struct export_filter *f,
    export_traject_fn fn, void *ctx)
{
	struct db_val v[NPERIODE + 2];
	struct export_traject t;
	struct arena scratch;
	struct db_rows rows;
	enum db_err rc = DB_OK;
	int64_t na = 0;
	size_t i;
	int stop = 0;

	if (arena_init(&scratch, EACH_BLOCK, EACH_LIMIT) != 0)
		return DB_NOMEM;
	periode(f, v);
	v[NPERIODE + 1] = DB_INT(EXPORT_PAGINA);
	while (!stop) {
		v[NPERIODE] = DB_INT(na);
		if ((rc = db_query(db, &scratch, STMT_EXPORT_TRAJECTEN, v,
		    NPERIODE + 2, 0, &rows)) != DB_OK)
			break;
		for (i = 0; i < rows.nrows && !stop; i++) {
			t.id = GETAL(&rows, i, ET_ID);
			t.inwoner_id = GETAL(&rows, i, ET_INWONER_ID);
			t.naam = DB_CELL(&rows, i, ET_NAAM);
			t.geboortejaar = GETAL(&rows, i, ET_GEBOORTEJAAR);
			t.wijk = DB_CELL(&rows, i, ET_WIJK);
			t.soort = DB_CELL(&rows, i, ET_SOORT);
			t.thema = DB_CELL(&rows, i, ET_THEMA);
			t.opdracht = DB_CELL(&rows, i, ET_OPDRACHT);
			t.wijkteam = DB_CELL(&rows, i, ET_WIJKTEAM);
			t.startdatum = DB_CELL(&rows, i, ET_STARTDATUM);
			t.einddatum = DB_CELL(&rows, i, ET_EINDDATUM);
			stop = fn(&t, ctx) != 0;
		}
		if (rows.nrows < EXPORT_PAGINA)
			break;
		na = db_cell_int(DB_CELL(&rows, rows.nrows - 1, ET_ID), 0);
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	return rc;
}

enum db_err
store_export_gebeurtenissen_each(struct db *db, const struct export_filter *f,
    export_gebeurtenis_fn fn, void *ctx)
{
	struct db_val v[NPERIODE + 6];
	struct export_gebeurtenis g;
	struct arena scratch;
	struct db_rows rows;
	enum db_err rc = DB_OK;
	int64_t traject = 0, na = 0;
	size_t i;
	int stop = 0;

	if (arena_init(&scratch, EACH_BLOCK, EACH_LIMIT) != 0)
		return DB_NOMEM;
	periode(f, v);
	v[NPERIODE] = DB_STR(f->van);
	v[NPERIODE + 1] = DB_STR(f->tot);
	v[NPERIODE + 5] = DB_INT(EXPORT_PAGINA);
	while (!stop) {
		/* (traject_id, id) > (traject, na) */
		v[NPERIODE + 2] = DB_INT(traject);
		v[NPERIODE + 3] = DB_INT(traject);
		v[NPERIODE + 4] = DB_INT(na);
		if ((rc = db_query(db, &scratch, STMT_EXPORT_GEBEURTENISSEN, v,
		    NPERIODE + 6, 0, &rows)) != DB_OK)
			break;
		for (i = 0; i < rows.nrows && !stop; i++) {
			g.id = GETAL(&rows, i, EG_ID);
			g.traject_id = GETAL(&rows, i, EG_TRAJECT_ID);
			g.inwoner_id = GETAL(&rows, i, EG_INWONER_ID);
			g.naam = DB_CELL(&rows, i, EG_NAAM);
			g.type = DB_CELL(&rows, i, EG_TYPE);
			g.datum = DB_CELL(&rows, i, EG_DATUM);
			g.gegevens = DB_CELL(&rows, i, EG_GEGEVENS);
			g.vervalt_id = GETAL(&rows, i, EG_VERVALT_ID);
			g.partij = DB_CELL(&rows, i, EG_PARTIJ);
			g.geregistreerd = DB_CELL(&rows, i, EG_GEREGISTREERD);
			stop = fn(&g, ctx) != 0;
		}
		if (rows.nrows < EXPORT_PAGINA)
			break;
		traject = db_cell_int(DB_CELL(&rows, rows.nrows - 1, EG_TRAJECT_ID), 0);
		na = db_cell_int(DB_CELL(&rows, rows.nrows - 1, EG_ID), 0);
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	return rc;
}

enum db_err
store_export_audit(struct db *db, const struct audit_rec *a,
    const struct export_filter *f, int gebeurtenissen, uint64_t *affected)
{
	struct db_val v[7 + NPERIODE + 2] = {
		db_id(a->gebruiker_id), db_id(a->token_id), DB_STR(a->actie),
		DB_STR(a->doel ? a->doel : ""), DB_STR(a->route ? a->route : ""),
		DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""),
	};

	periode(f, v + 7);
	if (!gebeurtenissen)
		return db_exec(db, STMT_EXPORT_AUDIT_TRAJECTEN, v, 7 + NPERIODE,
		    affected, NULL);
	v[7 + NPERIODE] = DB_STR(f->van);
	v[7 + NPERIODE + 1] = DB_STR(f->tot);
	return db_exec(db, STMT_EXPORT_AUDIT_GEBEURTENISSEN, v, 7 + NPERIODE + 2,
	    affected, NULL);
}

enum db_err
store_export_inwoner(struct db *db, struct arena *ar, int64_t id,
    struct export_inwoner *out)
{
	struct db_val v[] = { DB_INT(id) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, STMT_EXPORT_INWONER, v, 1, 1, &rows)) !=
	    DB_OK || rows.nrows == 0)
		return rc;
	out->id = GETAL(&rows, 0, EI_ID);
	out->versie = GETAL(&rows, 0, EI_VERSIE);
	out->naam = DB_CELL(&rows, 0, EI_NAAM);
	out->geboortejaar = GETAL(&rows, 0, EI_GEBOORTEJAAR);
	out->wijk_id = GETAL(&rows, 0, EI_WIJK_ID);
	out->wijk = DB_CELL(&rows, 0, EI_WIJK);
	out->bsn_sealed = DB_CELL(&rows, 0, EI_BSN_SEALED);
	out->organisatie_id = GETAL(&rows, 0, EI_ORGANISATIE_ID);
	out->organisatie = DB_CELL(&rows, 0, EI_ORGANISATIE);
	out->aangemaakt = DB_CELL(&rows, 0, EI_AANGEMAAKT);
	return DB_OK;
}

/* An array of size-byte elements for the rows of a result, in ar: NULL
 * when there are none (*n 0) or the arena is full (*n 0, DB_NOMEM). */
static enum db_err
rijen(struct arena *ar, const struct db_rows *rows, size_t size, void **p,
    size_t *n)
{
	*p = NULL;
	*n = 0;
	if (rows->nrows == 0)
		return DB_OK;
	if ((*p = arena_calloc(ar, rows->nrows, size)) == NULL)
		return DB_NOMEM;
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_export_bsn_zoek(struct db *db, struct arena *ar, const char *bsn_hash,
    size_t max, struct export_bsn_treffer **out, size_t *n)
{
	struct db_val v[] = { DB_STR(bsn_hash), DB_INT(max) };
	struct export_bsn_treffer *t;
	struct db_rows rows;
	void *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, STMT_EXPORT_BSN_ZOEK, v, 2, 0, &rows)) !=
	    DB_OK || (rc = rijen(ar, &rows, sizeof(*t), &p, n)) != DB_OK)
		return rc;
	t = p;
	for (i = 0; i < *n; i++) {
		t[i].id = GETAL(&rows, i, 0);
		t[i].organisatie = DB_CELL(&rows, i, 1);
		t[i].bsn_sealed = DB_CELL(&rows, i, 2);
	}
	*out = t;
	return DB_OK;
}

enum db_err
store_export_toegang(struct db *db, struct arena *ar, int64_t inwoner_id,
    int64_t voor_id, int limit, struct export_toegang **out, size_t *n)
{
	struct db_val voor = db_id(voor_id);
	struct db_val v[] = { DB_INT(inwoner_id), voor, voor, DB_INT(limit) };
	struct export_toegang *t;
	struct db_rows rows;
	void *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, STMT_EXPORT_TOEGANG, v, 4, 0, &rows)) !=
	    DB_OK || (rc = rijen(ar, &rows, sizeof(*t), &p, n)) != DB_OK)
		return rc;
	t = p;
	for (i = 0; i < *n; i++) {
		t[i].id = GETAL(&rows, i, TG_ID);
		t[i].tijdstip = DB_CELL(&rows, i, TG_TIJDSTIP);
		t[i].gebruiker_id = GETAL(&rows, i, TG_GEBRUIKER_ID);
		t[i].gebruikersnaam = DB_CELL(&rows, i, TG_GEBRUIKERSNAAM);
		t[i].namens_id = GETAL(&rows, i, TG_NAMENS_ID);
		t[i].token_id = GETAL(&rows, i, TG_TOKEN_ID);
		t[i].organisatie = DB_CELL(&rows, i, TG_ORGANISATIE);
		t[i].actie = DB_CELL(&rows, i, TG_ACTIE);
		t[i].object_soort = DB_CELL(&rows, i, TG_OBJECT_SOORT);
		t[i].object_id = GETAL(&rows, i, TG_OBJECT_ID);
		t[i].doel = DB_CELL(&rows, i, TG_DOEL);
		t[i].route = DB_CELL(&rows, i, TG_ROUTE);
		t[i].resultaat = DB_CELL(&rows, i, TG_RESULTAAT);
	}
	*out = t;
	return DB_OK;
}

static enum db_err
per_inwoner(struct db *db, struct arena *ar, stmt_id st, int64_t id,
    struct db_rows *out)
{
	struct db_val v[] = { DB_INT(id) };

	return db_query(db, ar, st, v, 1, 0, out);
}

enum db_err
store_avg_trajecten(struct db *db, struct arena *ar, int64_t id,
    struct avg_traject **out, size_t *n)
{
	struct avg_traject *t;
	struct db_rows rows;
	void *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = per_inwoner(db, ar, STMT_EXPORT_AVG_TRAJECTEN, id, &rows)) !=
	    DB_OK || (rc = rijen(ar, &rows, sizeof(*t), &p, n)) != DB_OK)
		return rc;
	t = p;
	for (i = 0; i < *n; i++) {
		t[i].id = GETAL(&rows, i, AT_ID);
		t[i].soort = DB_CELL(&rows, i, AT_SOORT);
		t[i].thema = DB_CELL(&rows, i, AT_THEMA);
		t[i].opdracht = DB_CELL(&rows, i, AT_OPDRACHT);
		t[i].wijkteam = DB_CELL(&rows, i, AT_WIJKTEAM);
		t[i].organisatie = DB_CELL(&rows, i, AT_ORGANISATIE);
		t[i].startdatum = DB_CELL(&rows, i, AT_STARTDATUM);
		t[i].einddatum = DB_CELL(&rows, i, AT_EINDDATUM);
		t[i].aangemaakt = DB_CELL(&rows, i, AT_AANGEMAAKT);
	}
	*out = t;
	return DB_OK;
}

enum db_err
store_avg_gebeurtenissen(struct db *db, struct arena *ar, int64_t id,
    struct avg_gebeurtenis **out, size_t *n)
{
	struct avg_gebeurtenis *g;
	struct db_rows rows;
	void *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = per_inwoner(db, ar, STMT_EXPORT_AVG_GEBEURTENISSEN, id,
	    &rows)) != DB_OK ||
	    (rc = rijen(ar, &rows, sizeof(*g), &p, n)) != DB_OK)
		return rc;
	g = p;
	for (i = 0; i < *n; i++) {
		g[i].id = GETAL(&rows, i, AG_ID);
		g[i].traject_id = GETAL(&rows, i, AG_TRAJECT_ID);
		g[i].type = DB_CELL(&rows, i, AG_TYPE);
		g[i].datum = DB_CELL(&rows, i, AG_DATUM);
		g[i].gegevens = DB_CELL(&rows, i, AG_GEGEVENS);
		g[i].vervalt_id = GETAL(&rows, i, AG_VERVALT_ID);
		g[i].partij = DB_CELL(&rows, i, AG_PARTIJ);
		g[i].organisatie = DB_CELL(&rows, i, AG_ORGANISATIE);
		g[i].geregistreerd = DB_CELL(&rows, i, AG_GEREGISTREERD);
	}
	*out = g;
	return DB_OK;
}

enum db_err
store_avg_ketenstatus(struct db *db, struct arena *ar, int64_t id,
    struct avg_ketenstatus *out)
{
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = per_inwoner(db, ar, STMT_EXPORT_AVG_KETENSTATUS, id, &rows)) !=
	    DB_OK || rows.nrows == 0)
		return rc;
	out->bestaat = 1;
	out->partij = DB_CELL(&rows, 0, AK_PARTIJ);
	out->wijkteam = DB_CELL(&rows, 0, AK_WIJKTEAM);
	out->sinds = DB_CELL(&rows, 0, AK_SINDS);
	out->wachtlijst_wijkteam = DB_CELL(&rows, 0, AK_WACHTLIJST_WIJKTEAM);
	out->wachtlijst_sinds = DB_CELL(&rows, 0, AK_WACHTLIJST_SINDS);
	out->afgewezen_op = DB_CELL(&rows, 0, AK_AFGEWEZEN_OP);
	out->overdracht_sinds = DB_CELL(&rows, 0, AK_OVERDRACHT_SINDS);
	out->terug_zonder_overdracht = DB_CELL(&rows, 0,
	    AK_TERUG_ZONDER_OVERDRACHT);
	return DB_OK;
}

enum db_err
store_avg_toegang(struct db *db, struct arena *ar, int64_t id, int64_t na_id,
    int limit, struct avg_toegang **out, size_t *n)
{
	struct db_val v[] = { DB_INT(id), DB_INT(na_id), DB_INT(limit) };
	struct avg_toegang *t;
	struct db_rows rows;
	void *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, STMT_EXPORT_AVG_TOEGANG, v, 3, 0, &rows)) !=
	    DB_OK || (rc = rijen(ar, &rows, sizeof(*t), &p, n)) != DB_OK)
		return rc;
	t = p;
	for (i = 0; i < *n; i++) {
		t[i].id = GETAL(&rows, i, AA_ID);
		t[i].tijdstip = DB_CELL(&rows, i, AA_TIJDSTIP);
		t[i].actie = DB_CELL(&rows, i, AA_ACTIE);
		t[i].doel = DB_CELL(&rows, i, AA_DOEL);
		t[i].organisatie = DB_CELL(&rows, i, AA_ORGANISATIE);
		t[i].resultaat = DB_CELL(&rows, i, AA_RESULTAAT);
	}
	*out = t;
	return DB_OK;
}
