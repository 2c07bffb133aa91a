/*
 * cijfer.c — the figure service's reads; see cijfer.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/scope.h"
#include "store/cijfer.h"
#include "store/statements.h"

enum { C_FEITEN, C_STAND, C_WIJKEN, C_WIJKNAMEN, C_NAMEN, C_WT_WIJKEN,
    C_FEITEN_KAAL, C_FEITEN_TRAJECT, C_FEITEN_HOUDER, C_DUUR };
#define ST(n)	STMT_ID(MOD_CIJFER, n)

/* The columns every read of facts returns, then those of the traject
 * (when the rule filters on it) and the ketenstatus holder at the end of
 * the period (when it splits by it): a rule that needs neither reads the
 * facts alone, in the order of the primary key, without a join or a
 * subquery per row. */
#define FEIT_KOLOMMEN \
	" f.gebeurtenis_id, f.inwoner_id, f.traject_id, f.wijk_id," \
	" f.datum, f.kenmerken"
#define TRAJECT_KOLOMMEN	", t.soort, t.thema_id, t.opdracht_id"
/* The holder on a day: the holder states exclude each other, and the
 * history is split at wijk changes without overlap, so at most one row. */
#define HOUDER_KOLOM \
	", (SELECT v.toestand FROM ketenstatus_verloop v" \
	" WHERE v.inwoner_id = f.inwoner_id AND v.van <= ? AND v.tot > ?" \
	" AND v.toestand IN ('bij_wijkteam', 'bij_werkom', 'bij_naleving'," \
	" 'bij_uwv') LIMIT 1)"
#define TRAJECT_JOIN	" JOIN traject t ON t.id = f.traject_id"
#define FEIT_BEREIK \
	" WHERE f.organisatie_id = ? AND f.type = ? AND f.datum BETWEEN ? AND ?"
#define FEIT_VOLGORDE	" ORDER BY f.datum, f.gebeurtenis_id"

static const struct stmt_def defs[] = {
	{ ST(C_FEITEN), "cijfer_feiten",
	  "SELECT" FEIT_KOLOMMEN TRAJECT_KOLOMMEN HOUDER_KOLOM
	  " FROM cijfer_feit f" TRAJECT_JOIN FEIT_BEREIK FEIT_VOLGORDE,
	  6, 10, "iiiidttiit" },
	{ ST(C_STAND), "cijfer_stand",
	  "SELECT v.inwoner_id, v.wijk_id FROM ketenstatus_verloop v"
	  " WHERE v.organisatie_id = ? AND v.toestand = ? AND v.tot > ?"
	  " AND v.van <= ?", 4, 2, "ii" },
	{ ST(C_WIJKEN), "cijfer_wijken",
	  "SELECT DISTINCT ww.wijk_id FROM wijkteam_organisatie wo"
	  " JOIN wijkteam_wijk ww ON ww.wijkteam_id = wo.wijkteam_id"
	  " WHERE wo.organisatie_id = ? AND wo.geldig_van <= ?"
	  " AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= ?)"
	  " AND ww.geldig_van <= ? AND (ww.geldig_tot IS NULL OR ww.geldig_tot >= ?)"
	  " ORDER BY ww.wijk_id", 5, 1, "i" },
	{ ST(C_WIJKNAMEN), "cijfer_wijknamen",
	  "SELECT id, naam FROM wijk ORDER BY id", 0, 2, "it" },
	{ ST(C_NAMEN), "cijfer_namen",
	  "SELECT i.id, i.naam FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$')) j JOIN inwoner i ON i.id = j.inw"
	  " WHERE EXISTS (SELECT 1 FROM inwoner_toegang t"
	  " WHERE t.inwoner_id = i.id AND t.organisatie_id IN (?, ?, ?, ?))",
	  5, 2, "it" },
	{ ST(C_WT_WIJKEN), "cijfer_wijkteam_wijken",
	  "SELECT DISTINCT ww.wijk_id FROM wijkteam_wijk ww"
	  " WHERE FIND_IN_SET(ww.wijkteam_id, ?) AND ww.geldig_van <= CURDATE()"
	  " AND (ww.geldig_tot IS NULL OR ww.geldig_tot >= CURDATE())"
	  " ORDER BY ww.wijk_id", 1, 1, "i" },
	{ ST(C_FEITEN_KAAL), "cijfer_feiten_kaal",
	  "SELECT" FEIT_KOLOMMEN " FROM cijfer_feit f" FEIT_BEREIK FEIT_VOLGORDE,
	  4, 6, "iiiidt" },
	{ ST(C_FEITEN_TRAJECT), "cijfer_feiten_traject",
	  "SELECT" FEIT_KOLOMMEN TRAJECT_KOLOMMEN " FROM cijfer_feit f"
	  TRAJECT_JOIN FEIT_BEREIK FEIT_VOLGORDE, 4, 9, "iiiidttii" },
	{ ST(C_FEITEN_HOUDER), "cijfer_feiten_houder",
	  "SELECT" FEIT_KOLOMMEN HOUDER_KOLOM " FROM cijfer_feit f" FEIT_BEREIK
	  FEIT_VOLGORDE, 6, 7, "iiiidtt" },
	/* A duur's facts of one type up to the end of the period, of the
	 * inwoners whose wait can end in it: those with a B in the period.
	 * Those inwoners first (a range of the primary key), then their
	 * facts by cijfer_feit_inwoner: written as IN (subquery), MariaDB
	 * 10.11 chose a LooseScan over the whole inwoner index (11 M rows
	 * at the bench's 10 M events: 2.7 s warm, a 12 s timeout under
	 * load; this order: 0.6 s, bench/README "Figures (issue 10)"). */
	{ ST(C_DUUR), "cijfer_duurfeiten",
	  "SELECT" FEIT_KOLOMMEN " FROM (SELECT DISTINCT b.inwoner_id"
	  " FROM cijfer_feit b WHERE b.organisatie_id = ? AND b.type = ?"
	  " AND b.datum BETWEEN ? AND ?) x"
	  " STRAIGHT_JOIN cijfer_feit f ON f.inwoner_id = x.inwoner_id"
	  FEIT_BEREIK FEIT_VOLGORDE, 8, 6, "iiiidt" },
};
const struct stmt_table cijfer_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* A day number as the DATE text a parameter takes, in the arena. */
static struct db_val
cijfer_datum(struct arena *ar, long dag)
{
	char s[11];

	return DB_STR(arena_strdup(ar, datum_tekst(dag, s)));
}

static long
cijfer_dag(const char *s)
{
	long dag = 0;

	(void)datum_lees_str(s, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag);
	return dag;
}

static enum partij
cijfer_houder(const char *toestand)
{
	if (toestand == NULL)
		return PARTIJ_GEEN;
	if (strcmp(toestand, "bij_wijkteam") == 0)
		return PARTIJ_WIJKTEAM;
	if (strcmp(toestand, "bij_werkom") == 0)
		return PARTIJ_WERKOM;
	if (strcmp(toestand, "bij_naleving") == 0)
		return PARTIJ_NALEVING;
	if (strcmp(toestand, "bij_uwv") == 0)
		return PARTIJ_UWV;
	return PARTIJ_GEEN;
}

/* The ids of a one-column result as an array in the arena. */
static enum db_err
cijfer_ids(const struct db_rows *rows, struct arena *ar, int64_t **out,
    size_t *n)
{
	size_t i;

	if ((*out = arena_calloc(ar, rows->nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows->nrows; i++)
		(*out)[i] = db_cell_int(DB_CELL(rows, i, 0), 0);
	*n = rows->nrows;
	return DB_OK;
}

/* The facts of rows into *out: the columns of FEIT_KOLOMMEN, then (met)
 * those of the traject and the holder. */
static enum db_err
cijfer_feiten_lees(struct arena *ar, const struct db_rows *rows,
    const char *type, unsigned met, struct cijfer_feit **out, size_t *n)
{
	struct cijfer_feit *f;
	size_t i, k;

	if (rows->nrows > CIJFER_MAX_FEITEN)
		return DB_ERR;
	if ((f = arena_calloc(ar, rows->nrows + 1, sizeof(*f))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows->nrows; i++) {
		f[i].gebeurtenis_id = db_cell_int(DB_CELL(rows, i, 0), 0);
		f[i].inwoner_id = db_cell_int(DB_CELL(rows, i, 1), 0);
		f[i].traject_id = db_cell_int(DB_CELL(rows, i, 2), 0);
		f[i].wijk_id = db_cell_int(DB_CELL(rows, i, 3), 0);
		f[i].dag = cijfer_dag(DB_CELL(rows, i, 4));
		f[i].type = type;
		f[i].kenmerken = DB_CELL(rows, i, 5);
		f[i].partij_einde = PARTIJ_GEEN;
		k = 6;
		if (met & CIJFER_MET_TRAJECT) {
			f[i].traject_soort = DB_CELL(rows, i, 6);
			f[i].thema_id = db_cell_int(DB_CELL(rows, i, 7), 0);
			f[i].opdracht_id = db_cell_int(DB_CELL(rows, i, 8), 0);
			k = 9;
		}
		if (met & CIJFER_MET_HOUDER)
			f[i].partij_einde = cijfer_houder(DB_CELL(rows, i, k));
	}
	*out = f;
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_cijfer_feiten(struct db *db, struct arena *ar, int64_t org,
    const char *type, long van, long tot, long einde, unsigned met,
    struct cijfer_feit **out, size_t *n)
{
	struct db_val e = cijfer_datum(ar, einde);
	struct db_val v[] = { e, e, DB_INT(org), DB_STR(type),
	    cijfer_datum(ar, van), cijfer_datum(ar, tot) };
	struct db_rows rows;
	enum db_err rc;
	stmt_id id;
	unsigned np = 6;

	*out = NULL;
	*n = 0;
	met &= CIJFER_MET_TRAJECT | CIJFER_MET_HOUDER;
	switch (met) {
	case CIJFER_MET_TRAJECT | CIJFER_MET_HOUDER:
		id = ST(C_FEITEN);
		break;
	case CIJFER_MET_HOUDER:
		id = ST(C_FEITEN_HOUDER);
		break;
	case CIJFER_MET_TRAJECT:
		id = ST(C_FEITEN_TRAJECT);
		np = 4;
		break;
	default:
		id = ST(C_FEITEN_KAAL);
		np = 4;
		break;
	}
	if ((rc = db_query(db, ar, id, v + 6 - np, np, CIJFER_MAX_FEITEN + 1,
	    &rows)) != DB_OK)
		return rc;
	return cijfer_feiten_lees(ar, &rows, type, met, out, n);
}

enum db_err
store_cijfer_duurfeiten(struct db *db, struct arena *ar, int64_t org,
    const char *type, const char *tot_type, long van, long tot,
    struct cijfer_feit **out, size_t *n)
{
	struct db_val e = cijfer_datum(ar, tot);
	struct db_val v[] = { DB_INT(org), DB_STR(tot_type),
	    cijfer_datum(ar, van), e, DB_INT(org), DB_STR(type),
	    cijfer_datum(ar, CIJFER_DAG_1900), e };
	struct db_rows rows;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_DUUR), v, 8, CIJFER_MAX_FEITEN + 1,
	    &rows)) != DB_OK)
		return rc;
	return cijfer_feiten_lees(ar, &rows, type, 0, out, n);
}

enum db_err
store_cijfer_stand(struct db *db, struct arena *ar, int64_t org,
    const char *toestand, long dag, struct cijfer_stand **out, size_t *n)
{
	struct db_val d = cijfer_datum(ar, dag);
	struct db_val v[] = { DB_INT(org), DB_STR(toestand), d, d };
	struct db_rows rows;
	struct cijfer_stand *s;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_STAND), v, 4, CIJFER_MAX_FEITEN + 1,
	    &rows)) != DB_OK)
		return rc;
	if (rows.nrows > CIJFER_MAX_FEITEN)
		return DB_ERR;
	if ((s = arena_calloc(ar, rows.nrows + 1, sizeof(*s))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		s[i].inwoner_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		s[i].wijk_id = db_cell_int(DB_CELL(&rows, i, 1), 0);
	}
	*out = s;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_cijfer_wijken(struct db *db, struct arena *ar, int64_t org, long van,
    long tot, int64_t **out, size_t *n)
{
	struct db_val a = cijfer_datum(ar, van), b = cijfer_datum(ar, tot);
	struct db_val v[] = { DB_INT(org), b, a, b, a };
	struct db_rows rows;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_WIJKEN), v, 5, 0, &rows)) != DB_OK)
		return rc;
	return cijfer_ids(&rows, ar, out, n);
}

enum db_err
store_cijfer_wijkteam_wijken(struct db *db, struct arena *ar, const char *ids,
    int64_t **out, size_t *n)
{
	struct db_val v = DB_STR(ids);
	struct db_rows rows;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_WT_WIJKEN), &v, 1, 0, &rows)) != DB_OK)
		return rc;
	return cijfer_ids(&rows, ar, out, n);
}

enum db_err
store_cijfer_wijknamen(struct db *db, struct arena *ar,
    struct cijfer_wijk **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_WIJKNAMEN), NULL, 0, 0, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		(*out)[i].naam = DB_CELL(&rows, i, 1);
	}
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_cijfer_namen(struct db *db, struct arena *ar, const struct scope *s,
    const char *ids, struct cijfer_naam **out, size_t *n)
{
	struct db_val v[] = { DB_STR(ids), DB_INT(s->org[0]), DB_INT(s->org[1]),
	    DB_INT(s->org[2]), DB_INT(s->org[3]) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(C_NAMEN), v, 5, 0, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].inwoner_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		(*out)[i].naam = DB_CELL(&rows, i, 1);
	}
	*n = rows.nrows;
	return DB_OK;
}
