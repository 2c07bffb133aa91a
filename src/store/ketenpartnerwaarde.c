/*
 * ketenpartnerwaarde.c — the ketenpartners' values as stored; see
 * ketenpartnerwaarde.h. Never decides who may see or write a cell.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "store/ketenpartnerwaarde.h"
#include "store/statements.h"

enum { K_CELLEN, K_NIEUW, K_WIJZIG };
#define ST(n)	STMT_ID(MOD_KETENPARTNERWAARDE, n)

/* Most cells one request reads: indicators × (wijken + totals). */
#define KPW_MAX_CELLEN	5000

/*
 * The grid. ind: the ketenpartner indicators of every published version
 * that applies to the periode — the last one of its format, of the same
 * kind of periode, whose eerste_dag is not after the periode's first day
 * (a version applies until the next published one begins). ow: every
 * wijkteamorganisatie that ran a wijkteam on some day of the periode,
 * with wijk 0 (its total) and the wijken of those wijkteams then.
 */
static const struct stmt_def defs[] = {
	{ ST(K_CELLEN), "kpw_cellen",
	  "WITH ind AS (SELECT DISTINCT i.id, i.code, i.naam, i.eenheid,"
	  " i.aanleverende_partij, i.keten_id FROM formatversie v"
	  " JOIN formatversie_item it ON it.formatversie_id = v.id"
	  " AND it.soort = 'indicator'"
	  " JOIN indicator i ON i.id = it.indicator_id"
	  " WHERE v.status = 'gepubliceerd' AND v.eerste_dag <= ?"
	  " AND SUBSTRING(v.eerste_periode, 6, 1) = ?"
	  " AND NOT EXISTS (SELECT 1 FROM formatversie v2"
	  " WHERE v2.format_id = v.format_id AND v2.status = 'gepubliceerd'"
	  " AND SUBSTRING(v2.eerste_periode, 6, 1) = ? AND v2.eerste_dag <= ?"
	  " AND (v2.eerste_dag > v.eerste_dag OR (v2.eerste_dag = v.eerste_dag"
	  " AND v2.nummer > v.nummer)))"
	  " AND i.bron = 'ketenpartner'"
	  " AND (? IS NULL OR i.aanleverende_partij = ?)"
	  " AND (? IS NULL OR FIND_IN_SET(i.keten_id, ?))"
	  " AND (? IS NULL OR i.id = ?)),"
	  " ow AS (SELECT wo.organisatie_id AS org, CAST(0 AS UNSIGNED) AS wijk_id"
	  " FROM wijkteam_organisatie wo WHERE wo.geldig_van <= ?"
	  " AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= ?)"
	  " UNION SELECT wo.organisatie_id, ww.wijk_id"
	  " FROM wijkteam_organisatie wo"
	  " JOIN wijkteam_wijk ww ON ww.wijkteam_id = wo.wijkteam_id"
	  " WHERE wo.geldig_van <= ? AND (wo.geldig_tot IS NULL"
	  " OR wo.geldig_tot >= ?) AND ww.geldig_van <= ?"
	  " AND (ww.geldig_tot IS NULL OR ww.geldig_tot >= ?))"
	  " SELECT ind.id, ind.code, ind.naam, ind.eenheid,"
	  " ind.aanleverende_partij, ind.keten_id, o.id, o.naam, ow.wijk_id,"
	  " w.naam, k.id, k.versie, k.waarde, k.tekst, k.niet_te_leveren,"
	  " k.reden, g.naam, DATE_FORMAT(k.gewijzigd_op, '%Y-%m-%dT%H:%i:%sZ')"
	  " FROM ind JOIN ow"
	  " JOIN organisatie o ON o.id = ow.org"
	  " AND o.soort = 'wijkteamorganisatie'"
	  " LEFT JOIN wijk w ON w.id = ow.wijk_id"
	  " LEFT JOIN ketenpartner_waarde k ON k.indicator_id = ind.id"
	  " AND k.periode = ? AND k.organisatie_id = o.id"
	  " AND k.wijk_id = ow.wijk_id"
	  " LEFT JOIN gebruiker g ON g.id = k.gewijzigd_door"
	  " WHERE (? IS NULL OR o.id = ?) AND (? IS NULL OR ow.wijk_id = ?)"
	  " ORDER BY ind.naam, ind.id, o.naam, o.id, ow.wijk_id = 0, w.naam,"
	  " ow.wijk_id", 21, 18, "itttti" "itit" "iigtittt" },
	{ ST(K_NIEUW), "kpw_nieuw",
	  "INSERT INTO ketenpartner_waarde (indicator_id, periode,"
	  " organisatie_id, wijk_id, waarde, tekst, niet_te_leveren, reden,"
	  " gewijzigd_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, 0, NULL },
	{ ST(K_WIJZIG), "kpw_wijzig",
	  "UPDATE ketenpartner_waarde SET waarde = ?, tekst = ?,"
	  " niet_te_leveren = ?, reden = ?, gewijzigd_door = ?,"
	  " gewijzigd_op = CURRENT_TIMESTAMP, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 7, 0, NULL },
};
const struct stmt_table ketenpartnerwaarde_stmts = {
	defs, sizeof(defs) / sizeof(defs[0])
};

enum db_err
store_kpw_cellen(struct db *db, struct arena *ar, const struct kpw_vraag *q,
    struct kpw_cel **out, size_t *n)
{
	struct db_val d1 = DB_STR(q->eerste_dag), d2 = DB_STR(q->laatste_dag);
	struct db_val s = DB_STR(q->soort), p = DB_STR(q->partij);
	struct db_val k = DB_STR(q->keten_ids), i = db_id(q->indicator_id);
	struct db_val o = db_id(q->organisatie_id);
	struct db_val w = q->wijk_id < 0 ? DB_NULL : DB_INT(q->wijk_id);
	struct db_val v[] = { d1, s, s, d1, p, p, k, k, i, i,
	    d2, d1, d2, d1, d2, d1, DB_STR(q->periode), o, o, w, w };
	struct db_rows rows;
	struct kpw_cel *c;
	enum db_err rc;
	size_t r;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, ST(K_CELLEN), v, sizeof(v) / sizeof(v[0]),
	    KPW_MAX_CELLEN, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (r = 0; r < rows.nrows; r++) {
		c = &(*out)[r];
		c->indicator_id = db_cell_int(DB_CELL(&rows, r, 0), 0);
		c->indicator_code = DB_CELL(&rows, r, 1);
		c->indicator_naam = DB_CELL(&rows, r, 2);
		c->eenheid = DB_CELL(&rows, r, 3);
		c->partij = DB_CELL(&rows, r, 4);
		c->keten_id = db_cell_int(DB_CELL(&rows, r, 5), 0);
		c->organisatie_id = db_cell_int(DB_CELL(&rows, r, 6), 0);
		c->organisatie_naam = DB_CELL(&rows, r, 7);
		c->wijk_id = db_cell_int(DB_CELL(&rows, r, 8), 0);
		c->wijk_naam = c->wijk_id > 0 ? DB_CELL(&rows, r, 9) : NULL;
		c->id = db_cell_int(DB_CELL(&rows, r, 10), 0);
		c->versie = db_cell_int(DB_CELL(&rows, r, 11), 0);
		c->waarde = DB_CELL(&rows, r, 12);
		c->tekst = DB_CELL(&rows, r, 13);
		c->niet_te_leveren = db_cell_int(DB_CELL(&rows, r, 14), 0) != 0;
		c->reden = DB_CELL(&rows, r, 15);
		c->door = DB_CELL(&rows, r, 16);
		c->gewijzigd_op = DB_CELL(&rows, r, 17);
	}
	*n = rows.nrows;
	return DB_OK;
}

/* The values both the insert and the update write, waarde .. reden. */
static void
kpw_waarden(const struct kpw_rec *rec, struct db_val v[4])
{
	v[0] = DB_STR(rec->waarde);
	v[1] = DB_STR(rec->tekst);
	v[2] = DB_INT(rec->niet_te_leveren ? 1 : 0);
	v[3] = DB_STR(rec->reden);
}

enum db_err
store_kpw_nieuw(struct db *db, const struct kpw_rec *rec, int64_t *id)
{
	struct db_val v[9];
	uint64_t nieuw = 0;
	enum db_err rc;

	v[0] = DB_INT(rec->indicator_id);
	v[1] = DB_STR(rec->periode);
	v[2] = DB_INT(rec->organisatie_id);
	v[3] = DB_INT(rec->wijk_id);
	kpw_waarden(rec, v + 4);
	v[8] = DB_INT(rec->door);
	if ((rc = db_exec(db, ST(K_NIEUW), v, 9, NULL, &nieuw)) != DB_OK)
		return rc;
	*id = (int64_t)nieuw;
	return DB_OK;
}

enum db_err
store_kpw_wijzig(struct db *db, int64_t id, int64_t versie,
    const struct kpw_rec *rec, uint64_t *affected)
{
	struct db_val v[7];

	kpw_waarden(rec, v);
	v[4] = DB_INT(rec->door);
	v[5] = DB_INT(id);
	v[6] = DB_INT(versie);
	*affected = 0;
	return db_exec(db, ST(K_WIJZIG), v, 7, affected, NULL);
}
