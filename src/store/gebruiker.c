/*
 * gebruiker.c — user rows, grants and one-time password links; see
 * gebruiker.h.
 * Must never log a password, a hash or a link token.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "store/gebruiker.h"

/* The grants of user g.id in one column, as grants_parse() reads them. */
#define GRANTS_OF_G \
	"(SELECT GROUP_CONCAT(CONCAT(x.rol, ':', x.scope_soort, ':', x.scope_id)" \
	" ORDER BY x.id SEPARATOR ',') FROM toekenning x WHERE x.gebruiker_id = g.id)"

#define ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Columns of a user row, in struct gebruiker_rec order. */
#define USER_COLS \
	"g.id, g.gebruikersnaam, g.naam, g.actief, g.versie, " \
	ISO("g.aangemaakt_op") ", g.wachtwoord_hash IS NOT NULL, " \
	ISO("g.wachtwoord_op")
#define NUSER_COLS	8

/* Columns of a grant row, in struct toekenning_rec order; the scope's name
 * is looked up by kind (the gemeente has none). */
#define GRANT_COLS \
	"t.id, t.rol, t.scope_soort, t.scope_id," \
	" CASE t.scope_soort" \
	" WHEN 'organisatie' THEN (SELECT o.naam FROM organisatie o WHERE o.id = t.scope_id)" \
	" WHEN 'wijkteam' THEN (SELECT w.naam FROM wijkteam w WHERE w.id = t.scope_id)" \
	" WHEN 'keten' THEN (SELECT k.naam FROM keten k WHERE k.id = t.scope_id)" \
	" ELSE NULL END, " ISO("t.aangemaakt_op")
#define NGRANT_COLS	6

#define CURRENT(tbl)	"(" tbl ".geldig_tot IS NULL OR " tbl ".geldig_tot >= CURDATE())"

static const struct stmt_def defs[] = {
	{ STMT_GEBRUIKER_LOGIN, "gebruiker_login",
	  "SELECT id, wachtwoord_hash, actief FROM gebruiker WHERE gebruikersnaam = ?",
	  1, 3, "iti" },
	{ STMT_GEBRUIKER_SET_PASSWORD, "gebruiker_set_password",
	  "UPDATE gebruiker SET wachtwoord_hash = ?, wachtwoord_op = NOW(6),"
	  " versie = versie + 1 WHERE id = ?", 2, 0, NULL },
	{ STMT_GEBRUIKER_HASH, "gebruiker_hash",
	  "SELECT wachtwoord_hash FROM gebruiker WHERE id = ? AND actief = 1", 1, 1, "t" },
	{ STMT_GEBRUIKER_LIST, "gebruiker_list",
	  "SELECT " USER_COLS ", " GRANTS_OF_G " FROM gebruiker g"
	  " WHERE g.id > ? ORDER BY g.id LIMIT ?", 2, NUSER_COLS + 1, "ittiititt" },
	{ STMT_GEBRUIKER_GET, "gebruiker_get",
	  "SELECT " USER_COLS " FROM gebruiker g WHERE g.id = ?", 1, NUSER_COLS, "ittiitit" },
	{ STMT_GEBRUIKER_GET_LOCK, "gebruiker_get_lock",
	  "SELECT " USER_COLS " FROM gebruiker g WHERE g.id = ? FOR UPDATE", 1,
	  NUSER_COLS, "ittiitit" },
	{ STMT_GEBRUIKER_INSERT, "gebruiker_insert",
	  "INSERT INTO gebruiker (gebruikersnaam, naam) VALUES (?, ?)", 2, 0, NULL },
	{ STMT_GEBRUIKER_UPDATE, "gebruiker_update",
	  "UPDATE gebruiker SET naam = ?, actief = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 4, 0, NULL },
	{ STMT_GEBRUIKER_BUMP, "gebruiker_bump",
	  "UPDATE gebruiker SET versie = versie + 1 WHERE id = ?", 1, 0, NULL },
	{ STMT_TOEKENNING_LIST, "toekenning_list",
	  "SELECT " GRANT_COLS " FROM toekenning t WHERE t.gebruiker_id = ?"
	  " ORDER BY t.id", 1, NGRANT_COLS, "ittitt" },
	{ STMT_TOEKENNING_GET, "toekenning_get",
	  "SELECT " GRANT_COLS " FROM toekenning t WHERE t.gebruiker_id = ?"
	  " AND t.id = ?", 2, NGRANT_COLS, "ittitt" },
	{ STMT_TOEKENNING_INSERT, "toekenning_insert",
	  "INSERT INTO toekenning (gebruiker_id, rol, scope_soort, scope_id)"
	  " VALUES (?, ?, ?, ?)", 4, 0, NULL },
	{ STMT_TOEKENNING_DELETE, "toekenning_delete",
	  "DELETE FROM toekenning WHERE gebruiker_id = ? AND id = ?", 2, 0, NULL },
	{ STMT_SCOPE_EXISTS, "scope_exists",
	  "SELECT CASE ?"
	  " WHEN 'organisatie' THEN EXISTS (SELECT 1 FROM organisatie WHERE id = ?)"
	  " WHEN 'wijkteam' THEN EXISTS (SELECT 1 FROM wijkteam WHERE id = ?)"
	  " WHEN 'keten' THEN EXISTS (SELECT 1 FROM keten WHERE id = ?)"
	  " ELSE 0 END", 4, 1, "i" },
	{ STMT_SCOPE_LIST, "scope_list",
	  "SELECT 1, o.id, o.naam FROM organisatie o WHERE " CURRENT("o")
	  " UNION ALL SELECT 2, w.id, w.naam FROM wijkteam w WHERE " CURRENT("w")
	  " UNION ALL SELECT 3, k.id, k.naam FROM keten k WHERE " CURRENT("k")
	  " ORDER BY 1, 3, 2", 0, 3, "iit" },
	{ STMT_LINK_INVALIDATE, "link_invalidate",
	  "UPDATE wachtwoord_link SET verloopt_op = NOW(6) WHERE gebruiker_id = ?"
	  " AND gebruikt_op IS NULL AND verloopt_op > NOW(6)", 1, 0, NULL },
	{ STMT_LINK_INSERT, "link_insert",
	  "INSERT INTO wachtwoord_link (token_hash, gebruiker_id, verloopt_op)"
	  " VALUES (?, ?, NOW(6) + INTERVAL ? DAY)", 3, 0, NULL },
	{ STMT_LINK_LOOKUP, "link_lookup",
	  "SELECT l.gebruiker_id, g.gebruikersnaam, l.gebruikt_op IS NULL AND"
	  " l.verloopt_op > NOW(6) AND g.actief = 1, " ISO("l.verloopt_op")
	  " FROM wachtwoord_link l JOIN gebruiker g ON g.id = l.gebruiker_id"
	  " WHERE l.token_hash = ?", 1, 4, "itit" },
	{ STMT_LINK_USE, "link_use",
	  "UPDATE wachtwoord_link l JOIN gebruiker g ON g.id = l.gebruiker_id"
	  " SET l.gebruikt_op = NOW(6) WHERE l.token_hash = ?"
	  " AND l.gebruikt_op IS NULL AND l.verloopt_op > NOW(6) AND g.actief = 1",
	  1, 0, NULL },
};
const struct stmt_table gebruiker_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* scope_list's first column: 1, 2, 3 for organisatie, wijkteam, keten. */
static const enum scope_soort scope_of_kind[] = {
	SCOPE_GEMEENTE, SCOPE_ORGANISATIE, SCOPE_WIJKTEAM, SCOPE_KETEN,
};

enum db_err
store_gebruiker_login(struct db *db, struct arena *a, const char *naam,
    struct login_account *out, int *found)
{
	struct db_val v[] = { DB_STR(naam) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((rc = db_query(db, a, STMT_GEBRUIKER_LOGIN, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		out->id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
		out->wachtwoord_hash = DB_CELL(&rows, 0, 1);
		out->actief = db_cell_int(DB_CELL(&rows, 0, 2), 0) == 1;
		*found = 1;
	}
	return DB_OK;
}

enum db_err
store_gebruiker_hash(struct db *db, struct arena *a, int64_t id,
    const char **hash)
{
	struct db_val v[] = { DB_INT(id) };
	struct db_rows rows;
	enum db_err rc;

	*hash = NULL;
	if ((rc = db_query(db, a, STMT_GEBRUIKER_HASH, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1)
		*hash = DB_CELL(&rows, 0, 0);
	return DB_OK;
}

enum db_err
store_gebruiker_set_password(struct db *db, int64_t id, const char *hash)
{
	struct db_val v[] = { DB_STR(hash), DB_INT(id) };

	return db_exec(db, STMT_GEBRUIKER_SET_PASSWORD, v, 2, NULL, NULL);
}

/* Fills g from row i of rows (USER_COLS, then maybe the grants). */
static void
user_from_row(const struct db_rows *rows, size_t i, struct gebruiker_rec *g)
{
	memset(g, 0, sizeof(*g));
	g->id = db_cell_int(DB_CELL(rows, i, 0), 0);
	g->gebruikersnaam = DB_CELL(rows, i, 1);
	g->naam = DB_CELL(rows, i, 2);
	g->actief = db_cell_int(DB_CELL(rows, i, 3), 0) == 1;
	g->versie = db_cell_int(DB_CELL(rows, i, 4), 0);
	g->aangemaakt_op = DB_CELL(rows, i, 5);
	g->wachtwoord_ingesteld = db_cell_int(DB_CELL(rows, i, 6), 0) == 1;
	g->wachtwoord_op = DB_CELL(rows, i, 7);
	if (rows->ncols > NUSER_COLS)
		g->toekenningen = DB_CELL(rows, i, NUSER_COLS);
}

enum db_err
store_gebruiker_list(struct db *db, struct arena *a, int64_t after_id,
    int limit, struct gebruiker_rec **out, size_t *n)
{
	struct db_val v[] = { DB_INT(after_id), DB_INT(limit) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_GEBRUIKER_LIST, v, 2, (size_t)limit,
	    &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	if ((*out = arena_calloc(a, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		user_from_row(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_gebruiker_get(struct db *db, struct arena *a, int64_t id, int lock,
    struct gebruiker_rec *out, int *found)
{
	struct db_val v[] = { DB_INT(id) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((rc = db_query(db, a, lock ? STMT_GEBRUIKER_GET_LOCK :
	    STMT_GEBRUIKER_GET, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		user_from_row(&rows, 0, out);
		*found = 1;
	}
	return DB_OK;
}

enum db_err
store_gebruiker_insert(struct db *db, const char *gebruikersnaam,
    const char *naam, int64_t *id)
{
	struct db_val v[] = { DB_STR(gebruikersnaam), DB_STR(naam) };
	uint64_t insert_id = 0;
	enum db_err rc;

	*id = 0;
	if ((rc = db_exec(db, STMT_GEBRUIKER_INSERT, v, 2, NULL, &insert_id))
	    == DB_OK)
		*id = (int64_t)insert_id;
	return rc;
}

enum db_err
store_gebruiker_update(struct db *db, int64_t id, int64_t versie,
    const char *naam, int actief, int *changed)
{
	struct db_val v[] = { DB_STR(naam), DB_INT(actief ? 1 : 0), DB_INT(id),
	    DB_INT(versie) };
	uint64_t affected = 0;
	enum db_err rc;

	*changed = 0;
	if ((rc = db_exec(db, STMT_GEBRUIKER_UPDATE, v, 4, &affected, NULL))
	    == DB_OK)
		*changed = affected == 1;
	return rc;
}

enum db_err
store_gebruiker_bump(struct db *db, int64_t id)
{
	struct db_val v[] = { DB_INT(id) };

	return db_exec(db, STMT_GEBRUIKER_BUMP, v, 1, NULL, NULL);
}

/* Fills t from row i; returns 0, or -1 for a row the domain does not know
 * (skipped: deny by default). */
static int
grant_from_row(const struct db_rows *rows, size_t i, struct toekenning_rec *t)
{
	const char *rol = DB_CELL(rows, i, 1), *sc = DB_CELL(rows, i, 2);
	int scope;

	memset(t, 0, sizeof(*t));
	if (rol == NULL || sc == NULL)
		return -1;
	t->id = db_cell_int(DB_CELL(rows, i, 0), 0);
	t->rol = rol_parse(rol, strlen(rol));
	scope = scope_parse(sc, strlen(sc));
	if (t->rol == 0 || scope < 0)
		return -1;
	t->scope = (enum scope_soort)scope;
	t->scope_id = db_cell_int(DB_CELL(rows, i, 3), 0);
	t->scope_naam = DB_CELL(rows, i, 4);
	t->aangemaakt_op = DB_CELL(rows, i, 5);
	return 0;
}

enum db_err
store_toekenning_list(struct db *db, struct arena *a, int64_t gebruiker_id,
    struct toekenning_rec **out, size_t *n)
{
	struct db_val v[] = { DB_INT(gebruiker_id) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_TOEKENNING_LIST, v, 1, 0, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	if ((*out = arena_calloc(a, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		if (grant_from_row(&rows, i, &(*out)[*n]) == 0)
			(*n)++;
	return DB_OK;
}

enum db_err
store_toekenning_get(struct db *db, struct arena *a, int64_t gebruiker_id,
    int64_t tid, struct toekenning_rec *out, int *found)
{
	struct db_val v[] = { DB_INT(gebruiker_id), DB_INT(tid) };
	struct db_rows rows;
	enum db_err rc;

	*found = 0;
	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, a, STMT_TOEKENNING_GET, v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1 && grant_from_row(&rows, 0, out) == 0)
		*found = 1;
	return DB_OK;
}

enum db_err
store_toekenning_insert(struct db *db, int64_t gebruiker_id, enum rol rol,
    enum scope_soort scope, int64_t scope_id, int64_t *id)
{
	struct db_val v[] = { DB_INT(gebruiker_id), DB_STR(rol_code(rol)),
	    DB_STR(scope_code(scope)), DB_INT(scope_id) };
	uint64_t insert_id = 0;
	enum db_err rc;

	*id = 0;
	if (rol_code(rol) == NULL || scope_code(scope) == NULL)
		return DB_ERR;
	if ((rc = db_exec(db, STMT_TOEKENNING_INSERT, v, 4, NULL, &insert_id))
	    == DB_OK)
		*id = (int64_t)insert_id;
	return rc;
}

enum db_err
store_toekenning_delete(struct db *db, int64_t gebruiker_id, int64_t tid,
    int *removed)
{
	struct db_val v[] = { DB_INT(gebruiker_id), DB_INT(tid) };
	uint64_t affected = 0;
	enum db_err rc;

	*removed = 0;
	if ((rc = db_exec(db, STMT_TOEKENNING_DELETE, v, 2, &affected, NULL))
	    == DB_OK)
		*removed = affected == 1;
	return rc;
}

enum db_err
store_scope_exists(struct db *db, struct arena *a, enum scope_soort scope,
    int64_t scope_id, int *exists)
{
	struct db_val v[] = { DB_STR(scope_code(scope)), DB_INT(scope_id),
	    DB_INT(scope_id), DB_INT(scope_id) };
	struct db_rows rows;
	enum db_err rc;

	*exists = 0;
	if (scope == SCOPE_GEMEENTE) {
		*exists = scope_id == 0;
		return DB_OK;
	}
	if (scope_code(scope) == NULL || scope_id <= 0)
		return DB_OK;
	if ((rc = db_query(db, a, STMT_SCOPE_EXISTS, v, 4, 1, &rows)) != DB_OK)
		return rc;
	*exists = rows.nrows == 1 && db_cell_int(DB_CELL(&rows, 0, 0), 0) == 1;
	return DB_OK;
}

enum db_err
store_scope_list(struct db *db, struct arena *a, struct scope_rec **out,
    size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	int64_t kind;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_SCOPE_LIST, NULL, 0, 0, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	if ((*out = arena_calloc(a, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		kind = db_cell_int(DB_CELL(&rows, i, 0), 0);
		if (kind < 1 || kind > 3)
			continue;
		(*out)[*n].scope = scope_of_kind[kind];
		(*out)[*n].id = db_cell_int(DB_CELL(&rows, i, 1), 0);
		(*out)[*n].naam = DB_CELL(&rows, i, 2);
		(*n)++;
	}
	return DB_OK;
}

enum db_err
store_link_issue(struct db *db, struct arena *a, int64_t gebruiker_id,
    const char *token_hash, const char **verloopt_op)
{
	struct db_val inv[] = { DB_INT(gebruiker_id) };
	struct db_val ins[] = { DB_STR(token_hash), DB_INT(gebruiker_id),
	    DB_INT(LINK_VALID_DAYS) };
	struct db_val look[] = { DB_STR(token_hash) };
	struct db_rows rows;
	enum db_err rc;

	*verloopt_op = NULL;
	if ((rc = db_exec(db, STMT_LINK_INVALIDATE, inv, 1, NULL, NULL)) != DB_OK ||
	    (rc = db_exec(db, STMT_LINK_INSERT, ins, 3, NULL, NULL)) != DB_OK ||
	    (rc = db_query(db, a, STMT_LINK_LOOKUP, look, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows != 1)
		return DB_ERR;
	*verloopt_op = DB_CELL(&rows, 0, 3);
	return DB_OK;
}

enum db_err
store_link_lookup(struct db *db, struct arena *a, const char *token_hash,
    int64_t *gebruiker_id, const char **gebruikersnaam, int *usable,
    int *found)
{
	struct db_val v[] = { DB_STR(token_hash) };
	struct db_rows rows;
	enum db_err rc;

	*gebruiker_id = 0;
	*gebruikersnaam = NULL;
	*usable = *found = 0;
	if ((rc = db_query(db, a, STMT_LINK_LOOKUP, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		*found = 1;
		*gebruiker_id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
		*gebruikersnaam = DB_CELL(&rows, 0, 1);
		*usable = db_cell_int(DB_CELL(&rows, 0, 2), 0) == 1;
	}
	return DB_OK;
}

enum db_err
store_link_use(struct db *db, const char *token_hash, int *claimed)
{
	struct db_val v[] = { DB_STR(token_hash) };
	uint64_t affected = 0;
	enum db_err rc;

	*claimed = 0;
	if ((rc = db_exec(db, STMT_LINK_USE, v, 1, &affected, NULL)) == DB_OK)
		*claimed = affected == 1;
	return rc;
}

enum db_err
store_link_invalidate(struct db *db, int64_t gebruiker_id)
{
	struct db_val v[] = { DB_INT(gebruiker_id) };

	return db_exec(db, STMT_LINK_INVALIDATE, v, 1, NULL, NULL);
}
