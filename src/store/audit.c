/*
 * audit.c — audit rows; see audit.h.
 *
 * The list query takes every filter as a parameter that is either NULL
 * (no filter) or a value: one constant statement for any combination, so
 * no SQL is ever assembled from input.
 *
 * The choice list of actions (SELECT DISTINCT actie) reads the whole table
 * as long as audit has no index on actie; an index (actie) would make it,
 * and filtering on an action, a short index walk. Proposed for a later
 * migration; the list is bounded by its LIMIT meanwhile, not its cost.
 */
#include "config.h"

#include "core/arena.h"
#include "store/audit.h"

/* The private arena of store_audit_each: one page of rows. A row is at
 * most about 4 KiB (toelichting 500 and route 255 characters of up to 4
 * bytes), so a full page needs about 2 MiB at worst. */
#define EACH_BLOCK	(64 * 1024)
#define EACH_LIMIT	(4 * 1024 * 1024)

/* Columns of STMT_AUDIT_LIST, in order. */
enum audit_col {
	AUDIT_ID, AUDIT_TIJDSTIP, AUDIT_GEBRUIKER_ID, AUDIT_GEBRUIKERSNAAM,
	AUDIT_NAMENS_ID, AUDIT_TOKEN_ID, AUDIT_ACTIE, AUDIT_OBJECT_SOORT,
	AUDIT_OBJECT_ID, AUDIT_ROUTE, AUDIT_RESULTAAT, AUDIT_ADRES,
	AUDIT_TOELICHTING, AUDIT__NCOLS
};

static const struct stmt_def defs[] = {
	{ STMT_AUDIT_INSERT, "audit_insert",
	  "INSERT INTO audit (gebruiker_id, namens_id, token_id, actie, object_soort,"
	  " object_id, inwoner_id, doel, route, resultaat, adres, toelichting)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 12, 0, NULL },
	{ STMT_AUDIT_LIST, "audit_list",
	  "SELECT a.id, DATE_FORMAT(a.tijdstip, '%Y-%m-%dT%H:%i:%sZ'), a.gebruiker_id,"
	  " g.gebruikersnaam, a.namens_id, a.token_id, a.actie, a.object_soort,"
	  " a.object_id, a.route, a.resultaat, a.adres, a.toelichting"
	  " FROM audit a LEFT JOIN gebruiker g ON g.id = a.gebruiker_id"
	  " WHERE (? IS NULL OR a.gebruiker_id = ?)"
	  " AND (? IS NULL OR a.actie = ?)"
	  " AND (? IS NULL OR a.object_soort = ?)"
	  " AND (? IS NULL OR a.object_id = ?)"
	  " AND (? IS NULL OR a.tijdstip >= ?)"
	  " AND (? IS NULL OR a.tijdstip < ? + INTERVAL 1 DAY)"
	  " AND (? IS NULL OR a.id < ?)"
	  " ORDER BY a.id DESC LIMIT ?", 15, AUDIT__NCOLS, "ititiittitttt" },
	{ STMT_AUDIT_ACTIES, "audit_acties",
	  "SELECT DISTINCT actie FROM audit ORDER BY actie LIMIT ?", 1, 1, "t" },
	{ STMT_AUDIT_GEBRUIKERS, "audit_gebruikers",
	  "SELECT id, gebruikersnaam, naam FROM gebruiker"
	  " ORDER BY gebruikersnaam LIMIT ?", 1, 3, "itt" },
	{ STMT_AUDIT_INZAGE, "audit_inzage",
	  "INSERT INTO audit (gebruiker_id, token_id, actie, object_soort,"
	  " object_id, inwoner_id, doel, route, resultaat, adres, toelichting)"
	  " SELECT ?, ?, ?, 'inwoner', j.id, j.id, ?, ?, 'gelukt', ?, ?"
	  " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j",
	  8, 0, NULL },
};
const struct stmt_table audit_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_audit_insert(struct db *db, const struct audit_rec *a)
{
	struct db_val v[] = {
		db_id(a->gebruiker_id), db_id(a->namens_id), db_id(a->token_id),
		DB_STR(a->actie), DB_STR(a->object_soort ? a->object_soort : ""),
		db_id(a->object_id), db_id(a->inwoner_id),
		DB_STR(a->doel ? a->doel : ""), DB_STR(a->route ? a->route : ""),
		DB_STR(a->resultaat), DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""),
	};

	return db_exec(db, STMT_AUDIT_INSERT, v, 12, NULL, NULL);
}

enum db_err
store_audit_inzage(struct db *db, struct arena *ar, const struct audit_rec *a,
    const char *ids)
{
	/* The ids as a JSON array for JSON_TABLE: one row each, no scan of
	 * inwoner (FIND_IN_SET over the table read all of it). */
	const char *lijst = arena_printf(ar, "[%s]", ids);

	if (lijst == NULL)
		return DB_NOMEM;
	struct db_val v[] = {
		db_id(a->gebruiker_id), db_id(a->token_id), DB_STR(a->actie),
		DB_STR(a->doel ? a->doel : ""), DB_STR(a->route ? a->route : ""),
		DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""), DB_STR(lijst),
	};

	return db_exec(db, STMT_AUDIT_INZAGE, v, 8, NULL, NULL);
}

/* Row i of a STMT_AUDIT_LIST result as a struct (texts stay in rows). */
static void
regel_van(const struct db_rows *rows, size_t i, struct audit_regel *a)
{
	a->id = db_cell_int(DB_CELL(rows, i, AUDIT_ID), 0);
	a->tijdstip = DB_CELL(rows, i, AUDIT_TIJDSTIP);
	a->gebruiker_id = db_cell_int(DB_CELL(rows, i, AUDIT_GEBRUIKER_ID), 0);
	a->gebruikersnaam = DB_CELL(rows, i, AUDIT_GEBRUIKERSNAAM);
	a->namens_id = db_cell_int(DB_CELL(rows, i, AUDIT_NAMENS_ID), 0);
	a->token_id = db_cell_int(DB_CELL(rows, i, AUDIT_TOKEN_ID), 0);
	a->actie = DB_CELL(rows, i, AUDIT_ACTIE);
	a->object_soort = DB_CELL(rows, i, AUDIT_OBJECT_SOORT);
	a->object_id = db_cell_int(DB_CELL(rows, i, AUDIT_OBJECT_ID), 0);
	a->route = DB_CELL(rows, i, AUDIT_ROUTE);
	a->resultaat = DB_CELL(rows, i, AUDIT_RESULTAAT);
	a->adres = DB_CELL(rows, i, AUDIT_ADRES);
	a->toelichting = DB_CELL(rows, i, AUDIT_TOELICHTING);
}

/* One page of the list as rows, for store_audit_list and _each. */
static enum db_err
lijst_rijen(struct db *db, struct arena *ar, const struct audit_filter *f,
    struct db_rows *out)
{
	struct db_val gid = db_id(f->gebruiker_id), oid = db_id(f->object_id),
	    voor = db_id(f->voor_id), actie = db_str(f->actie),
	    soort = db_str(f->object_soort), van = db_str(f->van),
	    tot = db_str(f->tot);
	struct db_val v[] = { gid, gid, actie, actie, soort, soort, oid, oid,
	    van, van, tot, tot, voor, voor,
	    DB_INT(f->limit < 1 ? 50 : f->limit > AUDIT_PAGE_MAX + 1 ?
	    AUDIT_PAGE_MAX + 1 : f->limit) };

	return db_query(db, ar, STMT_AUDIT_LIST, v, 15, 0, out);
}

enum db_err
store_audit_list(struct db *db, struct arena *ar, const struct audit_filter *f,
    struct audit_regel **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = lijst_rijen(db, ar, f, &rows)) != DB_OK || rows.nrows == 0)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		regel_van(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_audit_each(struct db *db, const struct audit_filter *f, audit_row_fn fn,
    void *ctx)
{
	struct audit_filter page = *f;
	struct audit_regel a;
	struct arena scratch;
	struct db_rows rows;
	enum db_err rc = DB_OK;
	size_t i;
	int stop = 0;

	if (arena_init(&scratch, EACH_BLOCK, EACH_LIMIT) != 0)
		return DB_NOMEM;
	page.limit = AUDIT_PAGE_MAX;
	while (!stop) {
		if ((rc = lijst_rijen(db, &scratch, &page, &rows)) != DB_OK)
			break;
		for (i = 0; i < rows.nrows && !stop; i++) {
			regel_van(&rows, i, &a);
			stop = fn(&a, ctx) != 0;
		}
		if (rows.nrows < AUDIT_PAGE_MAX)
			break;
		/* Newest first: the next page starts below the last id seen. */
		page.voor_id = db_cell_int(DB_CELL(&rows, rows.nrows - 1, AUDIT_ID), 0);
		if (page.voor_id <= 1)
			break;
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	return rc;
}

enum db_err
store_audit_acties(struct db *db, struct arena *ar, size_t max,
    struct audit_actie **out, size_t *n)
{
	struct db_val v[] = { DB_INT(max) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, STMT_AUDIT_ACTIES, v, 1, 0, &rows)) != DB_OK ||
	    rows.nrows == 0)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		(*out)[i].actie = DB_CELL(&rows, i, 0);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_audit_gebruikers(struct db *db, struct arena *ar, size_t max,
    struct audit_gebruiker **out, size_t *n)
{
	struct db_val v[] = { DB_INT(max) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, STMT_AUDIT_GEBRUIKERS, v, 1, 0, &rows)) !=
	    DB_OK || rows.nrows == 0)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		(*out)[i].gebruikersnaam = DB_CELL(&rows, i, 1);
		(*out)[i].naam = DB_CELL(&rows, i, 2);
	}
	*n = rows.nrows;
	return DB_OK;
}
