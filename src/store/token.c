/*
 * token.c — API token rows; see token.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/policy.h"
#include "store/token.h"

static const struct stmt_def defs[] = {
	{ STMT_TOKEN_LOOKUP, "token_lookup",
	  "SELECT g.id, g.gebruikersnaam, g.naam, t.id,"
	  " (SELECT GROUP_CONCAT(CONCAT(x.rol, ':', x.scope_soort, ':', x.scope_id)"
	  " ORDER BY x.id SEPARATOR ',') FROM toekenning x WHERE x.gebruiker_id = g.id)"
	  " FROM api_token t JOIN gebruiker g ON g.id = t.gebruiker_id"
	  " WHERE t.token_hash = ? AND t.ingetrokken_op IS NULL AND g.actief = 1",
	  1, 5 },
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
	if ((rc = db_query(db, a, STMT_TOKEN_LOOKUP, v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	memset(who, 0, sizeof(*who));
	who->authenticated = 1;
	who->gebruiker_id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
	who->gebruikersnaam = DB_CELL(&rows, 0, 1);
	who->naam = DB_CELL(&rows, 0, 2);
	who->token_id = db_cell_int(DB_CELL(&rows, 0, 3), 0);
	who->ngrants = grants_parse(DB_CELL(&rows, 0, 4), who->grants, MAX_GRANTS,
	    &who->roles);
	*found = who->gebruiker_id > 0;
	return DB_OK;
}
