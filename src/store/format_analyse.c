/*
 * format_analyse.c — the reads of the format diff and coverage; see
 * format_analyse.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "store/format_analyse.h"
#include "store/indicator.h"
#include "store/statements.h"

enum { FA_ITEMS, FA_EISEN, FA_NTL };
#define ST(n)	STMT_ID(MOD_FORMAT_ANALYSE, n)

static const struct stmt_def defs[] = {
	/* A target for the first periode, or for the year that holds it
	 * (the one that applies when the periode has none of its own). */
	{ ST(FA_ITEMS), "format_analyse_items",
	  "SELECT i.soort, s.titel, i.indicator_id, ind.code, ind.naam,"
	  " ind.definitie, ind.doel, ind.eenheid, ind.bron,"
	  " ind.aanleverende_partij, ind.regel, i.lijn, i.vorige_indicator_id,"
	  " vi.code, i.eis_id, e.code, e.omschrijving, i.vraag,"
	  " (SELECT GROUP_CONCAT(ie.eis_id ORDER BY ie.eis_id)"
	  " FROM indicator_eis ie WHERE ie.indicator_id = i.indicator_id),"
	  " (SELECT COUNT(*) FROM streefwaarde sw"
	  " WHERE sw.indicator_id = i.indicator_id AND sw.periode IN"
	  " (fv.eerste_periode, LEFT(fv.eerste_periode, 4)))"
	  " FROM formatversie_item i"
	  " JOIN formatversie fv ON fv.id = i.formatversie_id"
	  " JOIN formatversie_sectie s ON s.id = i.sectie_id"
	  " LEFT JOIN indicator ind ON ind.id = i.indicator_id"
	  " LEFT JOIN indicator vi ON vi.id = i.vorige_indicator_id"
	  " LEFT JOIN eis e ON e.id = i.eis_id"
	  " WHERE i.formatversie_id = ? ORDER BY s.volgorde, i.volgorde", 1, 20,
	  "ttitttttttttititttti" },
	{ ST(FA_EISEN), "format_analyse_eisen",
	  "SELECT e.id, e.code, e.omschrijving, e.bron, o.code FROM eis e"
	  " JOIN opdracht o ON o.id = e.opdracht_id"
	  " WHERE (o.soort = 'breed' OR o.keten_id = ?)"
	  " AND o.geldig_van <= ? AND (o.geldig_tot IS NULL OR o.geldig_tot >= ?)"
	  " AND e.geldig_van <= ? AND (e.geldig_tot IS NULL OR e.geldig_tot >= ?)"
	  " ORDER BY o.code, e.code, e.id", 5, 5, "itttt" },
	/* What the rapportages of a version marked niet te leveren (the
	 * team's, and the ketenpartners' for the indicators of the version),
	 * per indicator: how often, and why. */
	{ ST(FA_NTL), "format_analyse_niet_te_leveren",
	  "SELECT x.indicator_id, i.code, i.naam, SUM(x.n),"
	  " GROUP_CONCAT(DISTINCT x.redenen ORDER BY x.redenen SEPARATOR '\\n')"
	  " FROM (SELECT w.indicator_id, COUNT(*) n,"
	  " GROUP_CONCAT(DISTINCT w.niet_te_leveren_reden SEPARATOR '\\n') redenen"
	  " FROM rapportage_waarde w JOIN rapportage r ON r.id = w.rapportage_id"
	  " WHERE r.formatversie_id = ? AND w.niet_te_leveren = 1"
	  " GROUP BY w.indicator_id"
	  " UNION ALL SELECT k.indicator_id, COUNT(*),"
	  " GROUP_CONCAT(DISTINCT k.reden SEPARATOR '\\n')"
	  " FROM ketenpartner_waarde k WHERE k.niet_te_leveren = 1"
	  " AND k.indicator_id IN (SELECT indicator_id FROM formatversie_item"
	  " WHERE formatversie_id = ?) GROUP BY k.indicator_id) x"
	  " JOIN indicator i ON i.id = x.indicator_id"
	  " GROUP BY x.indicator_id, i.code, i.naam ORDER BY i.code", 2, 5,
	  "itt" "gt" },
};
const struct stmt_table format_analyse_stmts = { defs,
	sizeof(defs) / sizeof(defs[0]) };

/* Most items of one version, most eisen that apply. */
#define FA_MAX_ITEMS	1000
#define FA_MAX_EISEN	1000

/* The soort column as enum fv_soort (0 for anything else: the ENUM of
 * sql/011 allows nothing else). */
static enum fv_soort
soort_van(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcmp(s, "indicator") == 0)
		return FV_INDICATOR;
	if (strcmp(s, "eis") == 0)
		return FV_EIS;
	if (strcmp(s, "vraag") == 0)
		return FV_VRAAG;
	return 0;
}

enum db_err
store_fa_items(struct db *db, struct arena *ar, int64_t versie_id,
    struct fa_item **out, size_t *n)
{
	struct db_val v = DB_INT(versie_id);
	struct db_rows rows;
	struct fa_item *o;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(FA_ITEMS), &v, 1, FA_MAX_ITEMS,
	    &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		o = &(*out)[i];
		o->fv.soort = soort_van(DB_CELL(&rows, i, 0));
		o->fv.sectie = DB_CELL(&rows, i, 1);
		o->fv.indicator_id = db_cell_int(DB_CELL(&rows, i, 2), 0);
		o->fv.code = DB_CELL(&rows, i, 3);
		o->fv.naam = DB_CELL(&rows, i, 4);
		o->fv.definitie = DB_CELL(&rows, i, 5);
		o->fv.doel = DB_CELL(&rows, i, 6);
		o->fv.eenheid = DB_CELL(&rows, i, 7);
		o->fv.bron = DB_CELL(&rows, i, 8);
		o->fv.partij = DB_CELL(&rows, i, 9);
		o->fv.regel = DB_CELL(&rows, i, 10);
		o->fv.lijn = DB_CELL(&rows, i, 11);
		o->fv.vorige_id = db_cell_int(DB_CELL(&rows, i, 12), 0);
		o->fv.vorige_code = DB_CELL(&rows, i, 13);
		o->fv.eis_id = db_cell_int(DB_CELL(&rows, i, 14), 0);
		o->fv.eis_code = DB_CELL(&rows, i, 15);
		o->fv.eis_omschrijving = DB_CELL(&rows, i, 16);
		o->fv.vraag = DB_CELL(&rows, i, 17);
		o->neisen = store_indicator_eisen_lees(DB_CELL(&rows, i, 18),
		    o->eisen);
		o->streefwaarde = db_cell_int(DB_CELL(&rows, i, 19), 0) > 0;
	}
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_fa_eisen(struct db *db, struct arena *ar, int64_t keten_id,
    const char *dag, struct fa_eis **out, size_t *n)
{
	struct db_val d = DB_STR(dag);
	struct db_val v[] = { DB_INT(keten_id), d, d, d, d };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(FA_EISEN), v, 5, FA_MAX_EISEN,
	    &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		(*out)[i].code = DB_CELL(&rows, i, 1);
		(*out)[i].omschrijving = DB_CELL(&rows, i, 2);
		(*out)[i].bron = DB_CELL(&rows, i, 3);
		(*out)[i].opdracht = DB_CELL(&rows, i, 4);
	}
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_fa_niet_te_leveren(struct db *db, struct arena *ar, int64_t versie_id,
    struct fa_ntl **out, size_t *n)
{
	struct db_val v[] = { DB_INT(versie_id), DB_INT(versie_id) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, ST(FA_NTL), v, 2, 1000, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].indicator_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		(*out)[i].code = DB_CELL(&rows, i, 1);
		(*out)[i].naam = DB_CELL(&rows, i, 2);
		(*out)[i].aantal = db_cell_int(DB_CELL(&rows, i, 3), 0);
		(*out)[i].redenen = DB_CELL(&rows, i, 4);
	}
	*n = rows.nrows;
	return DB_OK;
}
