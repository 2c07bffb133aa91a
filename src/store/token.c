/*
 * token.c — API token rows; see token.h.
 * Must never log a token or its hash.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/policy.h"
#include "store/sessie.h"
#include "store/token.h"

#define ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Columns of a listed token, in struct token_rec order. */
#define TOKEN_COLS \
	"t.id, t.versie, t.naam, t.gebruiker_id, g.gebruikersnaam," \
	" t.aangemaakt_door, d.gebruikersnaam, " ISO("t.aangemaakt_op") ", " \
	ISO("t.ingetrokken_op") \
	" FROM api_token t JOIN gebruiker g ON g.id = t.gebruiker_id" \
	" LEFT JOIN gebruiker d ON d.id = t.aangemaakt_door"
#define NTOKEN_COLS	9

static const struct stmt_def defs[] = {
	{ STMT_TOKEN_LOOKUP, "token_lookup",
	  "SELECT g.id, g.gebruikersnaam, g.naam, t.id, x.rol, x.scope_soort, x.scope_id"
	  " FROM api_token t JOIN gebruiker g ON g.id = t.gebruiker_id"
	  " LEFT JOIN toekenning x ON x.gebruiker_id = g.id"
	  " WHERE t.token_hash = ? AND t.ingetrokken_op IS NULL AND g.actief = 1",
	  1, 7, "ittitti" },
	{ STMT_TOKEN_LIST, "token_list",
	  "SELECT " TOKEN_COLS " WHERE t.id > ? ORDER BY t.id LIMIT ?", 2,
	  NTOKEN_COLS, "iititittt" },
	{ STMT_TOKEN_GET, "token_get",
	  "SELECT " TOKEN_COLS " WHERE t.id = ?", 1, NTOKEN_COLS, "iititittt" },
	{ STMT_TOKEN_INSERT, "token_insert",
	  "INSERT INTO api_token (naam, token_hash, gebruiker_id, aangemaakt_door)"
	  " VALUES (?, ?, ?, ?)", 4, 0, NULL },
	{ STMT_TOKEN_REVOKE, "token_revoke",
	  "UPDATE api_token SET ingetrokken_op = NOW(6), versie = versie + 1"
	  " WHERE id = ? AND ingetrokken_op IS NULL", 1, 0, NULL },
};
const struct stmt_table token_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_token_lookup(struct db *db, struct arena *a, const char *token_hash,
    struct principal *who, int *found)
{
	struct db_val v[] = { DB_STR(token_hash) };
	struct db_rows rows;
	enum db_err rc;

	*found = 0;
	if ((rc = db_query(db, a, STMT_TOKEN_LOOKUP, v, 1, MAX_GRANTS, &rows))
	    != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	principal_init(who, db_cell_int(DB_CELL(&rows, 0, 0), 0),
	    DB_CELL(&rows, 0, 1), DB_CELL(&rows, 0, 2), NULL);
	store_principal_grants(who, &rows, 4);
	who->token_id = db_cell_int(DB_CELL(&rows, 0, 3), 0);
	*found = who->gebruiker_id > 0;
	return DB_OK;
}

static void
token_from_row(const struct db_rows *rows, size_t i, struct token_rec *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_cell_int(DB_CELL(rows, i, 0), 0);
	t->versie = db_cell_int(DB_CELL(rows, i, 1), 0);
	t->naam = DB_CELL(rows, i, 2);
	t->gebruiker_id = db_cell_int(DB_CELL(rows, i, 3), 0);
	t->gebruikersnaam = DB_CELL(rows, i, 4);
	t->aangemaakt_door = db_cell_int(DB_CELL(rows, i, 5), 0);
	t->aangemaakt_door_naam = DB_CELL(rows, i, 6);
	t->aangemaakt_op = DB_CELL(rows, i, 7);
	t->ingetrokken_op = DB_CELL(rows, i, 8);
}

enum db_err
store_token_list(struct db *db, struct arena *a, int64_t after_id, int limit,
    struct token_rec **out, size_t *n)
{
	struct db_val v[] = { DB_INT(after_id), DB_INT(limit) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_TOKEN_LIST, v, 2, (size_t)limit, &rows))
	    != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	if ((*out = arena_calloc(a, rows.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		token_from_row(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_token_get(struct db *db, struct arena *a, int64_t id,
    struct token_rec *out, int *found)
{
	struct db_val v[] = { DB_INT(id) };
	struct db_rows rows;
	enum db_err rc;

	*found = 0;
	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, a, STMT_TOKEN_GET, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		token_from_row(&rows, 0, out);
		*found = 1;
	}
	return DB_OK;
}

enum db_err
store_token_insert(struct db *db, const char *naam, const char *token_hash,
    int64_t gebruiker_id, int64_t door, int64_t *id)
{
	struct db_val v[] = { DB_STR(naam), DB_STR(token_hash),
	    DB_INT(gebruiker_id), DB_INT(door) };
	uint64_t insert_id = 0;
	enum db_err rc;

	*id = 0;
	if ((rc = db_exec(db, STMT_TOKEN_INSERT, v, 4, NULL, &insert_id)) == DB_OK)
		*id = (int64_t)insert_id;
	return rc;
}

enum db_err
store_token_revoke(struct db *db, int64_t id, int *revoked)
{
	struct db_val v[] = { DB_INT(id) };
	uint64_t affected = 0;
	enum db_err rc;

	*revoked = 0;
	if ((rc = db_exec(db, STMT_TOKEN_REVOKE, v, 1, &affected, NULL)) == DB_OK)
		*revoked = affected == 1;
	return rc;
}
