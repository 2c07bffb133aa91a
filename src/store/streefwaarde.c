/*
 * streefwaarde.c — targets as stored; see streefwaarde.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "store/statements.h"
#include "store/streefwaarde.h"

enum {
	S_LIJST, S_LEES, S_HISTORIE, S_NIEUW, S_HIST_NIEUW, S_WIJZIG, S_VOOR,
	S_REFS, S_VERSIE, S_VERSIE_ITEMS,
};
#define ST(n)	STMT_ID(MOD_STREEFWAARDE, n)

/* Columns of a target, in the order sw_van_rij reads them. */
#define SW_COLS \
	"SELECT s.id, s.versie, s.indicator_id, s.periode, s.organisatie_id," \
	" s.wijk_id, s.richting, s.waarde, s.ondergrens, s.bovengrens," \
	" s.tolerantie, s.tolerantie_soort, s.reden, s.gewijzigd_door, g.naam," \
	" DATE_FORMAT(s.gewijzigd_op, '%Y-%m-%dT%H:%i:%sZ'), i.keten_id" \
	" FROM streefwaarde s JOIN indicator i ON i.id = s.indicator_id" \
	" JOIN gebruiker g ON g.id = s.gewijzigd_door"
#define SW_NCOLS	17
#define SW_TYPEN	"iiitiitggggttitti"

/* A historie state in the same columns (indicator, periode and scope are
 * the target's, which never change). */
#define SWH_COLS \
	"SELECT h.streefwaarde_id, h.versie, s.indicator_id, s.periode," \
	" s.organisatie_id, s.wijk_id, h.richting, h.waarde, h.ondergrens," \
	" h.bovengrens, h.tolerantie, h.tolerantie_soort, h.reden," \
	" h.gewijzigd_door, g.naam," \
	" DATE_FORMAT(h.gewijzigd_op, '%Y-%m-%dT%H:%i:%sZ'), i.keten_id" \
	" FROM streefwaarde_historie h" \
	" JOIN streefwaarde s ON s.id = h.streefwaarde_id" \
	" JOIN indicator i ON i.id = s.indicator_id" \
	" JOIN gebruiker g ON g.id = h.gewijzigd_door"

static const struct stmt_def defs[] = {
	{ ST(S_LIJST), "streefwaarde_lijst",
	  SW_COLS " WHERE (? IS NULL OR s.indicator_id = ?)"
	  " AND (? IS NULL OR s.periode = ?)"
	  " AND (? IS NULL OR s.organisatie_id = ?)"
	  " AND (? IS NULL OR s.wijk_id = ?) AND (? IS NULL OR i.keten_id = ?)"
	  " AND s.id > ? ORDER BY s.id LIMIT ?", 12, SW_NCOLS, SW_TYPEN },
	{ ST(S_LEES), "streefwaarde_lees",
	  SW_COLS " WHERE s.id = ?", 1, SW_NCOLS, SW_TYPEN },
	{ ST(S_HISTORIE), "streefwaarde_historie",
	  SWH_COLS " WHERE h.streefwaarde_id = ? ORDER BY h.versie", 1,
	  SW_NCOLS, SW_TYPEN },
	{ ST(S_NIEUW), "streefwaarde_nieuw",
	  "INSERT INTO streefwaarde (indicator_id, periode, organisatie_id,"
	  " wijk_id, richting, waarde, ondergrens, bovengrens, tolerantie,"
	  " tolerantie_soort, reden, gewijzigd_door)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 12, 0, NULL },
	/* The state just written, copied from the row itself. */
	{ ST(S_HIST_NIEUW), "streefwaarde_historie_nieuw",
	  "INSERT INTO streefwaarde_historie (streefwaarde_id, versie, richting,"
	  " waarde, ondergrens, bovengrens, tolerantie, tolerantie_soort, reden,"
	  " gewijzigd_door, gewijzigd_op) SELECT id, versie, richting, waarde,"
	  " ondergrens, bovengrens, tolerantie, tolerantie_soort, reden,"
	  " gewijzigd_door, gewijzigd_op FROM streefwaarde WHERE id = ?", 1, 0,
	  NULL },
	{ ST(S_WIJZIG), "streefwaarde_wijzig",
	  "UPDATE streefwaarde SET richting = ?, waarde = ?, ondergrens = ?,"
	  " bovengrens = ?, tolerantie = ?, tolerantie_soort = ?, reden = ?,"
	  " gewijzigd_door = ?, gewijzigd_op = CURRENT_TIMESTAMP,"
	  " versie = versie + 1 WHERE id = ? AND versie = ?", 10, 0, NULL },
	{ ST(S_VOOR), "streefwaarde_voor",
	  SW_COLS " JOIN JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED"
	  " PATH '$')) j ON j.id = s.indicator_id WHERE s.periode IN (?, ?)"
	  " ORDER BY s.id", 3, SW_NCOLS, SW_TYPEN },
	{ ST(S_REFS), "streefwaarde_refs",
	  "SELECT (SELECT COUNT(*) FROM organisatie WHERE id = ?"
	  " AND soort = 'wijkteamorganisatie'),"
	  " (SELECT COUNT(*) FROM wijk WHERE id = ?)", 2, 2, "ii" },
	{ ST(S_VERSIE), "streefwaarde_versie",
	  "SELECT v.id, f.keten_id, v.status, v.eerste_periode"
	  " FROM formatversie v JOIN format f ON f.id = v.format_id"
	  " WHERE v.id = ?", 1, 4, "iitt" },
	{ ST(S_VERSIE_ITEMS), "streefwaarde_versie_items",
	  "SELECT i.indicator_id FROM formatversie_item i"
	  " JOIN formatversie_sectie s ON s.id = i.sectie_id"
	  " WHERE i.formatversie_id = ? AND i.soort = 'indicator'"
	  " ORDER BY s.volgorde, i.volgorde", 1, 1, "i" },
};
const struct stmt_table streefwaarde_stmts = {
	defs, sizeof(defs) / sizeof(defs[0])
};

/* Most rows one list returns; most targets the figure service reads. */
#define SW_MAX_ROWS	1000
/* Most indicators one version holds. */
#define SW_MAX_ITEMS	500

static void
sw_van_rij(const struct db_rows *rows, size_t i, struct streefwaarde_rij *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_cell_int(DB_CELL(rows, i, 0), 0);
	o->versie = db_cell_int(DB_CELL(rows, i, 1), 0);
	o->indicator_id = db_cell_int(DB_CELL(rows, i, 2), 0);
	o->periode = DB_CELL(rows, i, 3);
	o->organisatie_id = db_cell_int(DB_CELL(rows, i, 4), 0);
	o->wijk_id = db_cell_int(DB_CELL(rows, i, 5), 0);
	o->richting = DB_CELL(rows, i, 6);
	o->waarde = DB_CELL(rows, i, 7);
	o->ondergrens = DB_CELL(rows, i, 8);
	o->bovengrens = DB_CELL(rows, i, 9);
	o->tolerantie = DB_CELL(rows, i, 10);
	o->tolerantie_soort = DB_CELL(rows, i, 11);
	o->reden = DB_CELL(rows, i, 12);
	o->gewijzigd_door = db_cell_int(DB_CELL(rows, i, 13), 0);
	o->door = DB_CELL(rows, i, 14);
	o->gewijzigd_op = DB_CELL(rows, i, 15);
	o->keten_id = db_cell_int(DB_CELL(rows, i, 16), 0);
}

static enum db_err
sw_rijen(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, struct streefwaarde_rij **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, st, v, nv, SW_MAX_ROWS, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		sw_van_rij(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_streefwaarde_lijst(struct db *db, struct arena *ar,
    const struct streefwaarde_filter *f, int64_t na, int limit,
    struct streefwaarde_rij **out, size_t *n)
{
	struct db_val i = db_id(f->indicator_id), p = DB_STR(f->periode);
	struct db_val o = db_id(f->organisatie_id), w = db_id(f->wijk_id);
	struct db_val k = db_id(f->keten_id);
	struct db_val v[] = { i, i, p, p, o, o, w, w, k, k, DB_INT(na),
	    DB_INT(limit) };

	return sw_rijen(db, ar, ST(S_LIJST), v, 12, out, n);
}

enum db_err
store_streefwaarde_lees(struct db *db, struct arena *ar, int64_t id,
    struct streefwaarde_rij *out, int *gevonden,
    struct streefwaarde_rij **historie, size_t *nhistorie)
{
	struct streefwaarde_rij *r;
	struct db_val v = DB_INT(id);
	enum db_err rc;
	size_t n;

	*gevonden = 0;
	if ((rc = sw_rijen(db, ar, ST(S_LEES), &v, 1, &r, &n)) != DB_OK)
		return rc;
	if (n == 0)
		return DB_OK;
	*out = r[0];
	*gevonden = 1;
	if (historie == NULL)
		return DB_OK;
	return sw_rijen(db, ar, ST(S_HISTORIE), &v, 1, historie, nhistorie);
}

/* The values of rec that both the insert and the update write, in the
 * order richting .. reden, door. */
static void
sw_waarden(const struct streefwaarde_rec *rec, struct db_val v[8])
{
	v[0] = DB_STR(rec->richting);
	v[1] = DB_STR(rec->waarde);
	v[2] = DB_STR(rec->ondergrens);
	v[3] = DB_STR(rec->bovengrens);
	v[4] = DB_STR(rec->tolerantie);
	v[5] = DB_STR(rec->tolerantie_soort);
	v[6] = DB_STR(rec->reden);
	v[7] = DB_INT(rec->door);
}

enum db_err
store_streefwaarde_nieuw(struct db *db, const struct streefwaarde_rec *rec,
    int64_t *id)
{
	struct db_val v[12];
	uint64_t nieuw = 0;
	enum db_err rc;

	v[0] = DB_INT(rec->indicator_id);
	v[1] = DB_STR(rec->periode);
	v[2] = db_id(rec->organisatie_id);
	v[3] = db_id(rec->wijk_id);
	sw_waarden(rec, v + 4);
	if ((rc = db_exec(db, ST(S_NIEUW), v, 12, NULL, &nieuw)) != DB_OK)
		return rc;
	*id = (int64_t)nieuw;
	v[0] = DB_INT(*id);
	return db_exec(db, ST(S_HIST_NIEUW), v, 1, NULL, NULL);
}

enum db_err
store_streefwaarde_wijzig(struct db *db, int64_t id, int64_t versie,
    const struct streefwaarde_rec *rec, uint64_t *affected)
{
	struct db_val v[10];
	enum db_err rc;

	sw_waarden(rec, v);
	v[8] = DB_INT(id);
	v[9] = DB_INT(versie);
	*affected = 0;
	if ((rc = db_exec(db, ST(S_WIJZIG), v, 10, affected, NULL)) != DB_OK ||
	    *affected == 0)
		return rc;
	v[0] = DB_INT(id);
	return db_exec(db, ST(S_HIST_NIEUW), v, 1, NULL, NULL);
}

enum db_err
store_streefwaarde_voor(struct db *db, struct arena *ar, const char *ids,
    const char *periode, const char *jaar, struct streefwaarde_rij **out,
    size_t *n)
{
	struct db_val v[] = { DB_STR(ids), DB_STR(periode), DB_STR(jaar) };

	return sw_rijen(db, ar, ST(S_VOOR), v, 3, out, n);
}

enum db_err
store_streefwaarde_refs(struct db *db, struct arena *ar, int64_t org,
    int64_t wijk, int *organisatie, int *wijk_ok)
{
	struct db_val v[] = { DB_INT(org), DB_INT(wijk) };
	struct db_rows rows;
	enum db_err rc;

	*organisatie = *wijk_ok = 0;
	if ((rc = db_query(db, ar, ST(S_REFS), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		*organisatie = org <= 0 ||
		    db_cell_int(DB_CELL(&rows, 0, 0), 0) > 0;
		*wijk_ok = wijk <= 0 || db_cell_int(DB_CELL(&rows, 0, 1), 0) > 0;
	}
	return DB_OK;
}

enum db_err
store_streefwaarde_versie_indicatoren(struct db *db, struct arena *ar,
    int64_t formatversie_id, struct streefwaarde_versie *out, int *gevonden)
{
	struct db_val v = DB_INT(formatversie_id);
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	memset(out, 0, sizeof(*out));
	*gevonden = 0;
	if ((rc = db_query(db, ar, ST(S_VERSIE), &v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	out->id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
	out->keten_id = db_cell_int(DB_CELL(&rows, 0, 1), 0);
	out->status = DB_CELL(&rows, 0, 2);
	out->eerste_periode = DB_CELL(&rows, 0, 3);
	if ((rc = db_query(db, ar, ST(S_VERSIE_ITEMS), &v, 1, SW_MAX_ITEMS,
	    &rows)) != DB_OK)
		return rc;
	if ((out->indicator_ids = arena_calloc(ar, rows.nrows + 1,
	    sizeof(*out->indicator_ids))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		out->indicator_ids[i] = db_cell_int(DB_CELL(&rows, i, 0), 0);
	out->n = rows.nrows;
	*gevonden = 1;
	return DB_OK;
}
