/*
 * compleetheid.c — the statements of store/compleetheid.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "store/compleetheid.h"
#include "store/statements.h"

enum { K_KETEN, K_VERSIES, K_ORGS, K_RAPS, K_ONTBREKEND };
#define ST(n)	STMT_ID(MOD_COMPLEETHEID, n)

#define TIJD(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define DAG(col)	"DATE_FORMAT(" col ", '%Y-%m-%d')"

/* An organisatie ran a wijkteam between ? (laatste) and ? (eerste). */
#define WO_IN_PERIODE \
	" wo.geldig_van <= ? AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= ?)"

static const struct stmt_def defs[] = {
	{ ST(K_KETEN), "compleetheid_keten",
	  "SELECT naam FROM keten WHERE id = ?", 1, 1, "t" },
	/* The version that applies: the latest published one starting on
	 * or before the periode's first day (the highest nummer of two
	 * starting the same day), as store_rapportage_versie judges it. */
	{ ST(K_VERSIES), "compleetheid_versies",
	  "SELECT f.id, v.id, v.nummer, v.indientermijn_dagen,"
	  " CURRENT_DATE > DATE_ADD(?, INTERVAL v.indientermijn_dagen DAY),"
	  " f.naam, v.eerste_periode,"
	  " " DAG("DATE_ADD(?, INTERVAL v.indientermijn_dagen DAY)")
	  " FROM format f JOIN formatversie v ON v.format_id = f.id"
	  " AND v.status = 'gepubliceerd' AND v.eerste_dag <= ?"
	  " WHERE f.keten_id = ? AND NOT EXISTS (SELECT 1 FROM formatversie w"
	  " WHERE w.format_id = v.format_id AND w.status = 'gepubliceerd'"
	  " AND w.eerste_dag <= ? AND (w.eerste_dag > v.eerste_dag"
	  " OR (w.eerste_dag = v.eerste_dag AND w.nummer > v.nummer)))"
	  " ORDER BY f.naam, f.id", 5, 8, "iiiii" "ttt" },
	{ ST(K_ORGS), "compleetheid_organisaties",
	  "SELECT o.id, o.naam FROM organisatie o"
	  " WHERE o.soort = 'wijkteamorganisatie' AND EXISTS (SELECT 1"
	  " FROM wijkteam_organisatie wo WHERE wo.organisatie_id = o.id AND"
	  WO_IN_PERIODE ") AND (? = 1 OR FIND_IN_SET(o.id, ?))"
	  " ORDER BY o.naam, o.id", 4, 2, "it" },
	{ ST(K_RAPS), "compleetheid_rapportages",
	  "SELECT r.id, r.format_id, r.formatversie_id, r.organisatie_id,"
	  " r.status, " TIJD("r.ingediend_op") ", " DAG("r.ingediend_op") ","
	  " " TIJD("r.vastgesteld_op")
	  " FROM rapportage r JOIN format f ON f.id = r.format_id"
	  " WHERE f.keten_id = ? AND r.periode = ? ORDER BY r.id", 2, 8,
	  "iiii" "tttt" },
	/* Every cell a ketenpartner indicator of the version has for each
	 * organisatie in the periode (its wijken, as a new rapportage gets
	 * them, and the total: wijk 0), and whether its value is there. */
	{ ST(K_ONTBREKEND), "compleetheid_ontbrekend",
	  "SELECT c.organisatie_id, CAST(COUNT(*) AS SIGNED),"
	  " CAST(SUM(kw.id IS NULL) AS SIGNED),"
	  " COALESCE(i.aanleverende_partij, 'onbekend')"
	  " FROM (SELECT DISTINCT indicator_id FROM formatversie_item"
	  " WHERE formatversie_id = ? AND soort = 'indicator') fi"
	  " JOIN indicator i ON i.id = fi.indicator_id AND i.bron = 'ketenpartner'"
	  " CROSS JOIN (SELECT DISTINCT wo.organisatie_id, ww.wijk_id"
	  " FROM wijkteam_organisatie wo"
	  " JOIN wijkteam_wijk ww ON ww.wijkteam_id = wo.wijkteam_id WHERE"
	  WO_IN_PERIODE " AND ww.geldig_van <= ?"
	  " AND (ww.geldig_tot IS NULL OR ww.geldig_tot >= ?)"
	  " UNION SELECT DISTINCT wo.organisatie_id, 0"
	  " FROM wijkteam_organisatie wo WHERE" WO_IN_PERIODE ") c"
	  " LEFT JOIN ketenpartner_waarde kw ON kw.indicator_id = i.id"
	  " AND kw.periode = ? AND kw.organisatie_id = c.organisatie_id"
	  " AND kw.wijk_id = c.wijk_id"
	  " GROUP BY c.organisatie_id, i.aanleverende_partij"
	  " ORDER BY c.organisatie_id, i.aanleverende_partij", 8, 4, "iiit" },
};

const struct stmt_table compleetheid_stmts = {
	defs, sizeof(defs) / sizeof(defs[0])
};

/* Most rows of one answer. */
#define K_MAX_ROWS	5000

static int64_t
cel_id(const struct db_rows *rows, size_t i, size_t k)
{
	return db_cell_int(DB_CELL(rows, i, k), 0);
}

enum db_err
store_compleetheid_keten(struct db *db, struct arena *ar, int64_t keten_id,
    const char **naam, int *gevonden)
{
	struct db_val v = DB_INT(keten_id);
	struct db_rows rows;
	enum db_err rc;

	*naam = NULL;
	*gevonden = 0;
	if ((rc = db_query(db, ar, ST(K_KETEN), &v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		*naam = DB_CELL(&rows, 0, 0);
		*gevonden = 1;
	}
	return DB_OK;
}

static enum db_err
query(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, size_t size, struct db_rows *rows, void **out, size_t *n)
{
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, st, v, nv, K_MAX_ROWS, rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows->nrows + 1, size)) == NULL)
		return DB_NOMEM;
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_compleetheid_versies(struct db *db, struct arena *ar, int64_t keten_id,
    const char *eerste, const char *laatste, struct compleetheid_versie **out,
    size_t *n)
{
	struct db_val v[] = { DB_STR(laatste), DB_STR(laatste), DB_STR(eerste),
	    DB_INT(keten_id), DB_STR(eerste) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	if ((rc = query(db, ar, ST(K_VERSIES), v, 5, sizeof(**out), &rows,
	    (void **)out, n)) != DB_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		struct compleetheid_versie *o = &(*out)[i];

		o->format_id = cel_id(&rows, i, 0);
		o->formatversie_id = cel_id(&rows, i, 1);
		o->nummer = cel_id(&rows, i, 2);
		o->indientermijn_dagen = (int)cel_id(&rows, i, 3);
		o->verstreken = cel_id(&rows, i, 4) != 0;
		o->format = DB_CELL(&rows, i, 5);
		o->eerste_periode = DB_CELL(&rows, i, 6);
		o->termijn = DB_CELL(&rows, i, 7);
	}
	return DB_OK;
}

enum db_err
store_compleetheid_organisaties(struct db *db, struct arena *ar,
    const char *eerste, const char *laatste, int alles, const char *orgs,
    struct compleetheid_org **out, size_t *n)
{
	struct db_val v[] = { DB_STR(laatste), DB_STR(eerste),
	    DB_INT(alles ? 1 : 0), DB_STR(orgs != NULL ? orgs : "") };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	if ((rc = query(db, ar, ST(K_ORGS), v, 4, sizeof(**out), &rows,
	    (void **)out, n)) != DB_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		(*out)[i].id = cel_id(&rows, i, 0);
		(*out)[i].naam = DB_CELL(&rows, i, 1);
	}
	return DB_OK;
}

enum db_err
store_compleetheid_rapportages(struct db *db, struct arena *ar,
    int64_t keten_id, const char *periode, struct compleetheid_rap **out,
    size_t *n)
{
	struct db_val v[] = { DB_INT(keten_id), DB_STR(periode) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	if ((rc = query(db, ar, ST(K_RAPS), v, 2, sizeof(**out), &rows,
	    (void **)out, n)) != DB_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		struct compleetheid_rap *o = &(*out)[i];

		o->id = cel_id(&rows, i, 0);
		o->format_id = cel_id(&rows, i, 1);
		o->formatversie_id = cel_id(&rows, i, 2);
		o->organisatie_id = cel_id(&rows, i, 3);
		o->status = DB_CELL(&rows, i, 4);
		o->ingediend_op = DB_CELL(&rows, i, 5);
		o->ingediend_dag = DB_CELL(&rows, i, 6);
		o->vastgesteld_op = DB_CELL(&rows, i, 7);
	}
	return DB_OK;
}

enum db_err
store_compleetheid_ontbrekend(struct db *db, struct arena *ar,
    int64_t formatversie_id, const char *periode, const char *eerste,
    const char *laatste, struct compleetheid_ontbreekt **out, size_t *n)
{
	struct db_val v[] = { DB_INT(formatversie_id), DB_STR(laatste),
	    DB_STR(eerste), DB_STR(laatste), DB_STR(eerste), DB_STR(laatste),
	    DB_STR(eerste), DB_STR(periode) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	if ((rc = query(db, ar, ST(K_ONTBREKEND), v, 8, sizeof(**out), &rows,
	    (void **)out, n)) != DB_OK)
		return rc;
	for (i = 0; i < *n; i++) {
		struct compleetheid_ontbreekt *o = &(*out)[i];

		o->organisatie_id = cel_id(&rows, i, 0);
		o->verwacht = cel_id(&rows, i, 1);
		o->ontbreekt = cel_id(&rows, i, 2);
		o->partij = DB_CELL(&rows, i, 3);
	}
	return DB_OK;
}
