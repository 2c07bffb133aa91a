/*
 * audit.c — audit rows; see audit.h.
 *
 * The list query takes every filter as a parameter that is either NULL
 * (no filter) or a value: one constant statement for any combination, so
 * no SQL is ever assembled from input.
 */
#include "config.h"

#include "store/audit.h"

static const struct stmt_def defs[] = {
	{ STMT_AUDIT_INSERT, "audit_insert",
	  "INSERT INTO audit (gebruiker_id, namens_id, token_id, actie, object_soort,"
	  " object_id, route, resultaat, adres, toelichting)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 10, 0 },
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
	  " ORDER BY a.id DESC LIMIT ?", 15, AUDIT__NCOLS },
};
const struct stmt_table audit_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_audit_insert(struct db *db, const struct audit_rec *a)
{
	struct db_val v[] = {
		db_id(a->gebruiker_id), db_id(a->namens_id), db_id(a->token_id),
		DB_STR(a->actie), DB_STR(a->object_soort ? a->object_soort : ""),
		db_id(a->object_id), DB_STR(a->route ? a->route : ""),
		DB_STR(a->resultaat), DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""),
	};

	return db_exec(db, STMT_AUDIT_INSERT, v, 10, NULL, NULL);
}

enum db_err
store_audit_list(struct db *db, struct arena *ar, const struct audit_filter *f,
    struct db_rows *out)
{
	struct db_val gid = db_id(f->gebruiker_id), oid = db_id(f->object_id),
	    voor = db_id(f->voor_id), actie = db_str(f->actie),
	    soort = db_str(f->object_soort), van = db_str(f->van),
	    tot = db_str(f->tot);
	struct db_val v[] = { gid, gid, actie, actie, soort, soort, oid, oid,
	    van, van, tot, tot, voor, voor,
	    DB_INT(f->limit < 1 ? 50 : f->limit > 500 ? 500 : f->limit) };

	return db_query(db, ar, STMT_AUDIT_LIST, v, 15, 0, out);
}
