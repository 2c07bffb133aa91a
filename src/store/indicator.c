/*
 * indicator.c — the indicator catalogue; see indicator.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "store/indicator.h"
#include "store/statements.h"

enum {
	I_LIJST, I_LEES, I_CODE, I_VERSIES, I_NIEUW, I_WIJZIG, I_AFGELOST,
	I_GEBRUIKT, I_EISEN_WEG, I_EISEN_ZET, I_REFS, I_IDS,
};
#define ST(n)	STMT_ID(MOD_INDICATOR, n)

/* Columns of a version, in the order indicator_van_rij reads them. */
#define IND_COLS \
	"SELECT i.id, i.versie, i.code, i.nummer, i.vorige_id, i.actief," \
	" i.naam, i.definitie, i.doel, i.eenheid, i.keten_id, k.naam," \
	" i.thema_id, th.naam, i.drempel_vorige_periode, i.bron," \
	" i.aanleverende_partij, i.regel, i.in_gebruik," \
	" DATE_FORMAT(i.aangemaakt, '%Y-%m-%dT%H:%i:%sZ')," \
	" (SELECT GROUP_CONCAT(e.eis_id ORDER BY e.eis_id) FROM indicator_eis e" \
	" WHERE e.indicator_id = i.id)" \
	" FROM indicator i JOIN keten k ON k.id = i.keten_id" \
	" LEFT JOIN thema th ON th.id = i.thema_id"
#define IND_NCOLS	21
#define IND_TYPEN	"iitiiittttitititttitt"

static const struct stmt_def defs[] = {
	{ ST(I_LIJST), "indicator_lijst",
	  IND_COLS " WHERE (? IS NULL OR i.keten_id = ?)"
	  " AND (? IS NULL OR i.bron = ?) AND (? IS NULL OR i.actief = ?)"
	  " AND i.id > ? ORDER BY i.id LIMIT ?", 8, IND_NCOLS, IND_TYPEN },
	{ ST(I_LEES), "indicator_lees",
	  IND_COLS " WHERE i.id = ?", 1, IND_NCOLS, IND_TYPEN },
	{ ST(I_CODE), "indicator_code",
	  IND_COLS " WHERE i.code = ? AND i.actief = 1", 1, IND_NCOLS, IND_TYPEN },
	{ ST(I_VERSIES), "indicator_versies",
	  IND_COLS " WHERE i.code = ? ORDER BY i.nummer", 1, IND_NCOLS, IND_TYPEN },
	{ ST(I_NIEUW), "indicator_nieuw",
	  "INSERT INTO indicator (code, nummer, vorige_id, naam, definitie, doel,"
	  " eenheid, keten_id, thema_id, drempel_vorige_periode, bron,"
	  " aanleverende_partij, regel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	  " ?, ?)", 13, 0, NULL },
	{ ST(I_WIJZIG), "indicator_wijzig",
	  "UPDATE indicator SET code = ?, naam = ?, definitie = ?, doel = ?,"
	  " eenheid = ?, keten_id = ?, thema_id = ?, drempel_vorige_periode = ?,"
	  " bron = ?, aanleverende_partij = ?, regel = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ? AND actief = 1", 13, 0, NULL },
	{ ST(I_AFGELOST), "indicator_afgelost",
	  "UPDATE indicator SET actief = 0, versie = versie + 1"
	  " WHERE id = ? AND versie = ? AND actief = 1", 2, 0, NULL },
	/* The versions served and, through every verhouding among them,
	 * the actief versions of its teller and noemer (by code, as the
	 * figure service reads them): their figures went out too. UNION
	 * ends the recursion (the catalogue has no cycles anyway). */
	{ ST(I_GEBRUIKT), "indicator_gebruikt",
	  "UPDATE indicator i JOIN (WITH RECURSIVE d (id, regel) AS ("
	  " SELECT x.id, x.regel FROM indicator x JOIN JSON_TABLE(?, '$[*]'"
	  " COLUMNS (id BIGINT UNSIGNED PATH '$')) j ON x.id = j.id"
	  " UNION SELECT k.id, k.regel FROM d JOIN indicator k ON k.actief = 1"
	  " AND JSON_VALUE(d.regel, '$.soort') = 'verhouding'"
	  " AND k.code IN (JSON_VALUE(d.regel, '$.teller'),"
	  " JSON_VALUE(d.regel, '$.noemer'))) SELECT id FROM d) u ON u.id = i.id"
	  " SET i.in_gebruik = 1 WHERE i.in_gebruik = 0", 1, 0, NULL },
	{ ST(I_EISEN_WEG), "indicator_eisen_weg",
	  "DELETE FROM indicator_eis WHERE indicator_id = ?", 1, 0, NULL },
	{ ST(I_EISEN_ZET), "indicator_eisen_zet",
	  "INSERT IGNORE INTO indicator_eis (indicator_id, eis_id)"
	  " SELECT ?, j.id FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " id BIGINT UNSIGNED PATH '$')) j", 2, 0, NULL },
	{ ST(I_REFS), "indicator_refs",
	  "SELECT (SELECT COUNT(*) FROM keten WHERE id = ?),"
	  " (SELECT COUNT(*) FROM thema WHERE id = ? AND keten_id = ?),"
	  " (SELECT COUNT(*) FROM eis WHERE JSON_CONTAINS(?, CAST(id AS CHAR))),"
	  " (SELECT COUNT(*) FROM thema WHERE id = ?),"
	  " (SELECT COUNT(*) FROM opdracht WHERE id = ?)", 6, 5, "iiiii" },
	{ ST(I_IDS), "indicator_ids",
	  IND_COLS " WHERE i.id IN (SELECT j.id FROM JSON_TABLE(?, '$[*]'"
	  " COLUMNS (id BIGINT UNSIGNED PATH '$')) j) ORDER BY i.id", 1, IND_NCOLS,
	  IND_TYPEN },
};
const struct stmt_table indicator_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Most versions one list or one code returns. */
#define IND_MAX_ROWS	1000

size_t
store_indicator_eisen_lees(const char *s, int64_t eisen[INDICATOR_MAX_EISEN])
{
	long long v;
	int used;
	size_t n = 0;

	while (s != NULL && *s != '\0' && n < INDICATOR_MAX_EISEN &&
	    sscanf(s, "%lld%n", &v, &used) == 1) {
		eisen[n++] = (int64_t)v;
		s += used;
		if (*s == ',')
			s++;
	}
	return n;
}

/* Row i of rows (IND_COLS) as a typed row. */
static void
indicator_van_rij(const struct db_rows *rows, size_t i, struct indicator_rij *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_cell_int(DB_CELL(rows, i, 0), 0);
	o->versie = db_cell_int(DB_CELL(rows, i, 1), 0);
	o->code = DB_CELL(rows, i, 2);
	o->nummer = db_cell_int(DB_CELL(rows, i, 3), 0);
	o->vorige_id = db_cell_int(DB_CELL(rows, i, 4), 0);
	o->actief = db_cell_int(DB_CELL(rows, i, 5), 0) != 0;
	o->naam = DB_CELL(rows, i, 6);
	o->definitie = DB_CELL(rows, i, 7);
	o->doel = DB_CELL(rows, i, 8);
	o->eenheid = DB_CELL(rows, i, 9);
	o->keten_id = db_cell_int(DB_CELL(rows, i, 10), 0);
	o->keten = DB_CELL(rows, i, 11);
	o->thema_id = db_cell_int(DB_CELL(rows, i, 12), 0);
	o->thema = DB_CELL(rows, i, 13);
	o->drempel_vorige_periode = (int)db_cell_int(DB_CELL(rows, i, 14), 25);
	o->bron = DB_CELL(rows, i, 15);
	o->partij = DB_CELL(rows, i, 16);
	o->regel = DB_CELL(rows, i, 17);
	o->in_gebruik = db_cell_int(DB_CELL(rows, i, 18), 0) != 0;
	o->aangemaakt = DB_CELL(rows, i, 19);
	o->neisen = store_indicator_eisen_lees(DB_CELL(rows, i, 20), o->eisen);
}

/* Every row of a query on IND_COLS as typed rows in the arena. */
static enum db_err
indicator_rijen(struct db *db, struct arena *ar, stmt_id st,
    const struct db_val *v, size_t nv, struct indicator_rij **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, st, v, nv, IND_MAX_ROWS, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		indicator_van_rij(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_indicator_lijst(struct db *db, struct arena *ar,
    const struct indicator_filter *f, int64_t na, int limit,
    struct indicator_rij **out, size_t *n)
{
	struct db_val k = db_id(f->keten_id), b = DB_STR(f->bron);
	struct db_val a = f->actief < 0 ? DB_NULL : DB_INT(f->actief != 0);
	struct db_val v[] = { k, k, b, b, a, a, DB_INT(na), DB_INT(limit) };

	return indicator_rijen(db, ar, ST(I_LIJST), v, 8, out, n);
}

/* The one row of st for v, if any. */
static enum db_err
indicator_een(struct db *db, struct arena *ar, stmt_id st, struct db_val v,
    struct indicator_rij *out, int *gevonden)
{
	struct indicator_rij *r;
	enum db_err rc;
	size_t n;

	*gevonden = 0;
	if ((rc = indicator_rijen(db, ar, st, &v, 1, &r, &n)) != DB_OK)
		return rc;
	if (n > 0) {
		*out = r[0];
		*gevonden = 1;
	}
	return DB_OK;
}

enum db_err
store_indicator_lees(struct db *db, struct arena *ar, int64_t id,
    struct indicator_rij *out, int *gevonden)
{
	return indicator_een(db, ar, ST(I_LEES), DB_INT(id), out, gevonden);
}

enum db_err
store_indicator_ids(struct db *db, struct arena *ar, const char *ids,
    struct indicator_rij **out, size_t *n)
{
	struct db_val v = DB_STR(ids);

	return indicator_rijen(db, ar, ST(I_IDS), &v, 1, out, n);
}

enum db_err
store_indicator_code(struct db *db, struct arena *ar, const char *code,
    struct indicator_rij *out, int *gevonden)
{
	return indicator_een(db, ar, ST(I_CODE), DB_STR(code), out, gevonden);
}

enum db_err
store_indicator_versies(struct db *db, struct arena *ar, const char *code,
    struct indicator_rij **out, size_t *n)
{
	struct db_val v = DB_STR(code);

	return indicator_rijen(db, ar, ST(I_VERSIES), &v, 1, out, n);
}

enum db_err
store_indicator_met_versies(struct db *db, struct arena *ar, int64_t id,
    struct indicator_rij *out, int *gevonden, struct indicator_rij **versies,
    size_t *n)
{
	enum db_err rc;

	*versies = NULL;
	*n = 0;
	if ((rc = store_indicator_lees(db, ar, id, out, gevonden)) != DB_OK ||
	    !*gevonden)
		return rc;
	return store_indicator_versies(db, ar, out->code, versies, n);
}

/* The eisen of rec as a JSON array text ("[3,7]") in buf b. */
static const char *
indicator_eisen_json(char *b, size_t len, const int64_t *e, size_t n)
{
	size_t i, o = 0;
	int w;

	w = snprintf(b, len, "[");
	o = (size_t)w;
	for (i = 0; i < n && o < len; i++) {
		w = snprintf(b + o, len - o, "%s%lld", i ? "," : "",
		    (long long)e[i]);
		if (w < 0 || (size_t)w >= len - o)
			return NULL;
		o += (size_t)w;
	}
	if (o + 2 > len)
		return NULL;
	b[o++] = ']';
	b[o] = '\0';
	return b;
}

/* Replaces the eisen of indicator id by rec's. */
static enum db_err
indicator_eisen_zet(struct db *db, int64_t id, const struct indicator_rec *rec)
{
	char b[24 * INDICATOR_MAX_EISEN + 4];
	struct db_val w = DB_INT(id);
	struct db_val v[2];
	enum db_err rc;

	if ((rc = db_exec(db, ST(I_EISEN_WEG), &w, 1, NULL, NULL)) != DB_OK)
		return rc;
	if (rec->neisen == 0)
		return DB_OK;
	if (indicator_eisen_json(b, sizeof(b), rec->eisen, rec->neisen) == NULL)
		return DB_ERR;
	v[0] = DB_INT(id);
	v[1] = DB_STR(b);
	return db_exec(db, ST(I_EISEN_ZET), v, 2, NULL, NULL);
}

enum db_err
store_indicator_nieuw(struct db *db, const struct indicator_rec *rec,
    int64_t nummer, int64_t vorige_id, int64_t *id)
{
	struct db_val v[] = {
		DB_STR(rec->code), DB_INT(nummer), db_id(vorige_id),
		DB_STR(rec->naam), DB_STR(rec->definitie), DB_STR(rec->doel),
		DB_STR(rec->eenheid), DB_INT(rec->keten_id), db_id(rec->thema_id),
		DB_INT(rec->drempel_vorige_periode), DB_STR(rec->bron),
		DB_STR(rec->partij), DB_STR(rec->regel),
	};
	uint64_t nid = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(I_NIEUW), v, 13, NULL, &nid)) != DB_OK)
		return rc;
	*id = (int64_t)nid;
	return indicator_eisen_zet(db, *id, rec);
}

enum db_err
store_indicator_wijzig(struct db *db, int64_t id, int64_t versie,
    const struct indicator_rec *rec, uint64_t *affected)
{
	struct db_val v[] = {
		DB_STR(rec->code), DB_STR(rec->naam), DB_STR(rec->definitie),
		DB_STR(rec->doel), DB_STR(rec->eenheid), DB_INT(rec->keten_id),
		db_id(rec->thema_id), DB_INT(rec->drempel_vorige_periode),
		DB_STR(rec->bron), DB_STR(rec->partij), DB_STR(rec->regel),
		DB_INT(id), DB_INT(versie),
	};
	enum db_err rc;

	*affected = 0;
	if ((rc = db_exec(db, ST(I_WIJZIG), v, 13, affected, NULL)) != DB_OK ||
	    *affected == 0)
		return rc;
	return indicator_eisen_zet(db, id, rec);
}

enum db_err
store_indicator_afgelost(struct db *db, int64_t id, int64_t versie,
    uint64_t *affected)
{
	struct db_val v[] = { DB_INT(id), DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(I_AFGELOST), v, 2, affected, NULL);
}

enum db_err
store_indicator_gebruikt(struct db *db, const char *ids)
{
	struct db_val v = DB_STR(ids);

	return db_exec(db, ST(I_GEBRUIKT), &v, 1, NULL, NULL);
}

enum db_err
store_indicator_refs(struct db *db, struct arena *ar, int64_t keten_id,
    int64_t thema_id, const int64_t *eisen, size_t n, int64_t regel_thema,
    int64_t regel_opdracht, struct indicator_refs *out)
{
	char b[24 * INDICATOR_MAX_EISEN + 4];
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if (n > INDICATOR_MAX_EISEN ||
	    indicator_eisen_json(b, sizeof(b), eisen, n) == NULL)
		return DB_ERR;
	{
		struct db_val v[] = { DB_INT(keten_id), DB_INT(thema_id),
		    DB_INT(keten_id), DB_STR(b), DB_INT(regel_thema),
		    DB_INT(regel_opdracht) };

		if ((rc = db_query(db, ar, ST(I_REFS), v, 6, 1, &rows)) != DB_OK)
			return rc;
	}
	if (rows.nrows == 1) {
		out->keten = db_cell_int(DB_CELL(&rows, 0, 0), 0) > 0;
		out->thema = thema_id == 0 ||
		    db_cell_int(DB_CELL(&rows, 0, 1), 0) > 0;
		out->eisen = (size_t)db_cell_int(DB_CELL(&rows, 0, 2), 0);
		out->regel_thema = regel_thema == 0 ||
		    db_cell_int(DB_CELL(&rows, 0, 3), 0) > 0;
		out->regel_opdracht = regel_opdracht == 0 ||
		    db_cell_int(DB_CELL(&rows, 0, 4), 0) > 0;
	}
	return DB_OK;
}
