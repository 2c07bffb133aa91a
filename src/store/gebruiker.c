/*
 * gebruiker.c — user rows; see gebruiker.h.
 * Must never log a password or a hash.
 */
#include "config.h"

#include <string.h>

#include "store/gebruiker.h"

static const struct stmt_def defs[] = {
	{ STMT_GEBRUIKER_LOGIN, "gebruiker_login",
	  "SELECT id, wachtwoord_hash, actief FROM gebruiker WHERE gebruikersnaam = ?",
	  1, 3 },
	{ STMT_GEBRUIKER_SET_PASSWORD, "gebruiker_set_password",
	  "UPDATE gebruiker SET wachtwoord_hash = ?, wachtwoord_op = NOW(6),"
	  " versie = versie + 1 WHERE id = ?", 2, 0 },
	{ STMT_GEBRUIKER_HASH, "gebruiker_hash",
	  "SELECT wachtwoord_hash FROM gebruiker WHERE id = ? AND actief = 1", 1, 1 },
};
const struct stmt_table gebruiker_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

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
