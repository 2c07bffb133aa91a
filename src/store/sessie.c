/*
 * sessie.c — session rows; see sessie.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/policy.h"
#include "store/sessie.h"

/* One row per grant (or one row with NULL grant columns for a user
 * without grants): a plain join on primary and unique keys. Folding the
 * grants into one column with GROUP_CONCAT made this, the query every
 * signed-in request runs, three times slower. */
static const struct stmt_def defs[] = {
	{ STMT_SESSIE_INSERT, "sessie_insert",
	  "INSERT INTO sessie (id, gebruiker_id, csrf_token, adres) VALUES (?, ?, ?, ?)",
	  4, 0, NULL },
	{ STMT_SESSIE_LOOKUP, "sessie_lookup",
	  "SELECT g.id, g.gebruikersnaam, g.naam, s.csrf_token,"
	  " s.laatst_gebruikt_op < NOW(6) - INTERVAL 60 SECOND,"
	  " t.rol, t.scope_soort, t.scope_id"
	  " FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id"
	  " LEFT JOIN toekenning t ON t.gebruiker_id = g.id"
	  " WHERE s.id = ? AND g.actief = 1"
	  " AND s.laatst_gebruikt_op > NOW(6) - INTERVAL ? SECOND"
	  " AND s.aangemaakt_op > NOW(6) - INTERVAL ? SECOND",
	  3, 8, "itttitti" },
	{ STMT_SESSIE_TOUCH, "sessie_touch",
	  "UPDATE sessie SET laatst_gebruikt_op = NOW(6) WHERE id = ?", 1, 0, NULL },
	{ STMT_SESSIE_DELETE, "sessie_delete",
	  "DELETE FROM sessie WHERE id = ?", 1, 0, NULL },
	{ STMT_SESSIE_DELETE_USER, "sessie_delete_user",
	  "DELETE FROM sessie WHERE gebruiker_id = ?", 1, 0, NULL },
	{ STMT_SESSIE_EXPIRE, "sessie_expire",
	  "DELETE FROM sessie WHERE laatst_gebruikt_op < NOW(6) - INTERVAL ? SECOND "
	  "OR aangemaakt_op < NOW(6) - INTERVAL ? SECOND LIMIT 1000", 2, 0, NULL },
};
const struct stmt_table sessie_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

void
store_principal_grants(struct principal *who, const struct db_rows *rows,
    size_t first)
{
	size_t i;

	for (i = 0; i < rows->nrows && who->ngrants < MAX_GRANTS; i++)
		if (grant_from_parts(DB_CELL(rows, i, first),
		    DB_CELL(rows, i, first + 1), DB_CELL(rows, i, first + 2),
		    &who->grants[who->ngrants]) == 0)
			who->roles |= who->grants[who->ngrants++].rol;
}

enum db_err
store_sessie_insert(struct db *db, const char *id_hash, int64_t gebruiker_id,
    const char *csrf, const char *adres)
{
	struct db_val v[] = { DB_STR(id_hash), DB_INT(gebruiker_id),
	    DB_STR(csrf), DB_STR(adres ? adres : "") };

	return db_exec(db, STMT_SESSIE_INSERT, v, 4, NULL, NULL);
}

enum db_err
store_sessie_lookup(struct db *db, struct arena *a, const char *id_hash,
    int idle_s, int abs_s, struct principal *who, int *found, int *touch)
{
	struct db_val v[] = { DB_STR(id_hash), DB_INT(idle_s), DB_INT(abs_s) };
	struct db_rows rows;
	enum db_err rc;

	*found = 0;
	*touch = 0;
	if ((rc = db_query(db, a, STMT_SESSIE_LOOKUP, v, 3, MAX_GRANTS, &rows))
	    != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	principal_init(who, db_cell_int(DB_CELL(&rows, 0, 0), 0),
	    DB_CELL(&rows, 0, 1), DB_CELL(&rows, 0, 2), NULL);
	store_principal_grants(who, &rows, 5);
	who->csrf_token = DB_CELL(&rows, 0, 3);
	who->sessie_id = arena_strdup(a, id_hash);
	*touch = db_cell_int(DB_CELL(&rows, 0, 4), 0) == 1;
	*found = who->gebruiker_id > 0 && who->sessie_id != NULL;
	return DB_OK;
}

enum db_err
store_sessie_touch(struct db *db, const char *id_hash)
{
	struct db_val v[] = { DB_STR(id_hash) };

	return db_exec(db, STMT_SESSIE_TOUCH, v, 1, NULL, NULL);
}

enum db_err
store_sessie_delete(struct db *db, const char *id_hash)
{
	struct db_val v[] = { DB_STR(id_hash) };

	return db_exec(db, STMT_SESSIE_DELETE, v, 1, NULL, NULL);
}

enum db_err
store_sessie_delete_user(struct db *db, int64_t gebruiker_id)
{
	struct db_val v[] = { DB_INT(gebruiker_id) };

	return db_exec(db, STMT_SESSIE_DELETE_USER, v, 1, NULL, NULL);
}

enum db_err
store_sessie_expire(struct db *db, int idle_s, int abs_s)
{
	struct db_val v[] = { DB_INT(idle_s), DB_INT(abs_s) };

	return db_exec(db, STMT_SESSIE_EXPIRE, v, 2, NULL, NULL);
}
