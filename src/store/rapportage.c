/*
 * rapportage.c — the statements of store/rapportage.h.
 *
 * The rows of a new rapportage are made by the database from the items of
 * its version (INSERT … SELECT), so the values and answers always match
 * the version they were made for.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "store/rapportage.h"
#include "store/statements.h"

enum {
	R_VERSIE, R_ORG, R_NIEUW, R_WAARDEN_MAAK, R_ANTWOORDEN_MAAK, R_LIJST,
	R_LEES, W_LIJST, A_LIJST, Q_LIJST, H_LIJST, V_LIJST, W_WIJZIG,
	A_WIJZIG, A_BEOORDEEL, R_STATUS, H_NIEUW, W_MOMENT, W_MOMENT_WEG,
	W_VASTLEG, V_NIEUW, Q_NIEUW, Q_ANTWOORD, R_INGEDIEND_MET, W_VORIGE,
	R_WISSEL, W_WISSEL, W_OUD_WEG, A_WISSEL, A_OUD_WEG, W_EEN,
};
#define ST(n)	STMT_ID(MOD_RAPPORTAGE, n)

#define TIJD(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define DAG(col)	"DATE_FORMAT(" col ", '%Y-%m-%d')"

#define R_COLS \
	"SELECT r.id, r.versie, r.format_id, r.formatversie_id, v.nummer," \
	" f.keten_id, r.organisatie_id, r.ronde, v.indientermijn_dagen," \
	" v.midden_in_periode, f.naam, k.naam, o.naam, r.periode," \
	" " DAG("r.eerste_dag") ", " DAG("r.laatste_dag") ", r.status," \
	" r.terugkoppeling, " TIJD("r.aangemaakt") ", " TIJD("r.ingediend_op") \
	", gi.naam, " TIJD("r.vastgesteld_op") ", gv.naam, v.eerste_periode," \
	" v.publicatie_reden, " TIJD("v.gepubliceerd_op") "," \
	" (SELECT COUNT(*) FROM rapportage_vraag q WHERE q.rapportage_id = r.id" \
	" AND q.antwoord IS NULL), g.id, g.nummer, g.publicatie_reden" \
	" FROM rapportage r JOIN formatversie v ON v.id = r.formatversie_id" \
	" JOIN format f ON f.id = r.format_id JOIN keten k ON k.id = f.keten_id" \
	" JOIN organisatie o ON o.id = r.organisatie_id" \
	" LEFT JOIN gebruiker gi ON gi.id = r.ingediend_door" \
	" LEFT JOIN gebruiker gv ON gv.id = r.vastgesteld_door" \
	" LEFT JOIN formatversie g ON g.id = (SELECT w.id FROM formatversie w" \
	" WHERE w.format_id = r.format_id AND w.status = 'gepubliceerd'" \
	" AND w.eerste_dag <= r.eerste_dag ORDER BY w.eerste_dag DESC, w.id DESC" \
	" LIMIT 1)"
#define R_NCOLS	30
#define R_TYPEN	"iiiiiiiiii" "tttttttttttttttt" "iiit"

/* The caller's bereik: three parameters (alles, orgs, ketens). */
#define BEREIK \
	" AND (? = 1 OR FIND_IN_SET(r.organisatie_id, ?)" \
	" OR FIND_IN_SET(f.keten_id, ?))"

#define W_COLS \
	"SELECT w.id, w.versie, w.item_id, w.indicator_id, w.wijk_id," \
	" s.volgorde, i.volgorde, s.titel, wk.naam, w.waarde, w.tekst, w.reden," \
	" w.toelichting, w.niet_te_leveren, w.niet_te_leveren_reden, g.naam," \
	" " TIJD("w.gewijzigd_op") ", w.momentopname, w.vastgesteld_heeft," \
	" w.vastgesteld_waarde, w.vastgesteld_tekst, kw.id, kw.waarde, kw.tekst," \
	" kw.reden, kw.niet_te_leveren, i.vorige_indicator_id" \
	" FROM rapportage_waarde w JOIN rapportage r ON r.id = w.rapportage_id" \
	" JOIN formatversie_item i ON i.id = w.item_id" \
	" JOIN formatversie_sectie s ON s.id = i.sectie_id" \
	" LEFT JOIN wijk wk ON wk.id = w.wijk_id" \
	" LEFT JOIN gebruiker g ON g.id = w.gewijzigd_door" \
	" LEFT JOIN ketenpartner_waarde kw ON kw.indicator_id = w.indicator_id" \
	" AND kw.periode = r.periode AND kw.organisatie_id = r.organisatie_id" \
	" AND kw.wijk_id = w.wijk_id"
#define W_NCOLS	27
#define W_TYPEN	"iiiiiii" "tt" "g" "ttt" "i" "ttt" "t" "i" "g" "t" "i" "g" "tt" "ii"

static const struct stmt_def defs[] = {
	{ ST(R_VERSIE), "rapportage_versie",
	  "SELECT v.id, v.format_id, f.keten_id, v.nummer, v.status,"
	  " v.eerste_periode, " DAG("v.eerste_dag") ","
	  " (SELECT COUNT(*) FROM formatversie w WHERE w.format_id = v.format_id"
	  " AND w.status = 'gepubliceerd' AND w.eerste_dag > v.eerste_dag"
	  " AND w.eerste_dag <= ?)"
	  " FROM formatversie v JOIN format f ON f.id = v.format_id"
	  " WHERE v.id = ?", 2, 8, "iiiittti" },
	{ ST(R_ORG), "rapportage_organisatie",
	  "SELECT COUNT(*) FROM organisatie WHERE id = ?"
	  " AND soort = 'wijkteamorganisatie'", 1, 1, "i" },
	{ ST(R_NIEUW), "rapportage_nieuw",
	  "INSERT INTO rapportage (format_id, formatversie_id, organisatie_id,"
	  " periode, eerste_dag, laatste_dag, aangemaakt_door)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?)", 7, 0, NULL },
	{ ST(R_WAARDEN_MAAK), "rapportage_waarden_maak",
	  "INSERT INTO rapportage_waarde (rapportage_id, item_id, indicator_id,"
	  " wijk_id) SELECT ?, i.id, i.indicator_id, w.id"
	  " FROM formatversie_item i CROSS JOIN JSON_TABLE(?, '$[*]' COLUMNS"
	  " (id BIGINT UNSIGNED PATH '$')) w"
	  " WHERE i.formatversie_id = ? AND i.soort = 'indicator'", 3, 0, NULL },
	{ ST(R_ANTWOORDEN_MAAK), "rapportage_antwoorden_maak",
	  "INSERT INTO rapportage_antwoord (rapportage_id, item_id, soort, eis_id)"
	  " SELECT ?, i.id, i.soort, i.eis_id FROM formatversie_item i"
	  " WHERE i.formatversie_id = ? AND i.soort IN ('eis', 'vraag')", 2, 0,
	  NULL },
	{ ST(R_LIJST), "rapportage_lijst",
	  R_COLS " WHERE r.id > ? AND (? IS NULL OR f.keten_id = ?)"
	  " AND (? IS NULL OR r.organisatie_id = ?)"
	  " AND (? IS NULL OR r.periode = ?) AND (? IS NULL OR r.status = ?)"
	  BEREIK " ORDER BY r.id LIMIT ?", 13, R_NCOLS, R_TYPEN },
	{ ST(R_LEES), "rapportage_lees", R_COLS " WHERE r.id = ?" BEREIK, 4,
	  R_NCOLS, R_TYPEN },
	{ ST(W_LIJST), "rapportage_waarden",
	  W_COLS " WHERE w.rapportage_id = ?"
	  " ORDER BY s.volgorde, i.volgorde, w.wijk_id = 0, w.wijk_id", 1,
	  W_NCOLS, W_TYPEN },
	{ ST(A_LIJST), "rapportage_antwoorden",
	  "SELECT a.id, a.versie, a.item_id, a.eis_id, s.volgorde, i.volgorde,"
	  " s.titel, a.soort, e.code, e.omschrijving, i.vraag, a.antwoord,"
	  " a.toelichting, a.beoordeling, a.beoordeling_toelichting, g.naam,"
	  " " TIJD("a.gewijzigd_op")
	  " FROM rapportage_antwoord a JOIN formatversie_item i ON i.id = a.item_id"
	  " JOIN formatversie_sectie s ON s.id = i.sectie_id"
	  " LEFT JOIN eis e ON e.id = a.eis_id"
	  " LEFT JOIN gebruiker g ON g.id = a.gewijzigd_door"
	  " WHERE a.rapportage_id = ? ORDER BY s.volgorde, i.volgorde", 1, 17,
	  "iiiiii" "ttttttttttt" },
	{ ST(Q_LIJST), "rapportage_vragen",
	  "SELECT q.id, q.versie, q.waarde_id, q.antwoord_id, q.vraag, g.naam,"
	  " " TIJD("q.gesteld_op") ", q.antwoord, b.naam, "
	  TIJD("q.beantwoord_op")
	  " FROM rapportage_vraag q JOIN gebruiker g ON g.id = q.gesteld_door"
	  " LEFT JOIN gebruiker b ON b.id = q.beantwoord_door"
	  " WHERE q.rapportage_id = ? ORDER BY q.id", 1, 10, "iiii" "tttttt" },
	{ ST(H_LIJST), "rapportage_historie",
	  "SELECT h.id, h.actie, h.van, h.naar, g.naam, " TIJD("h.op") ", h.reden"
	  " FROM rapportage_historie h JOIN gebruiker g ON g.id = h.door"
	  " WHERE h.rapportage_id = ? ORDER BY h.id", 1, 7, "itttttt" },
	{ ST(V_LIJST), "rapportage_revisies",
	  "SELECT v.id, v.waarde_id, v.ronde, v.oud_heeft, v.nieuw_heeft, v.oud,"
	  " v.oud_tekst, v.nieuw, v.nieuw_tekst, g.naam, "
	  TIJD("v.gewijzigd_op") ", v.reden, " TIJD("v.vastgesteld_op")
	  " FROM rapportage_revisie v LEFT JOIN gebruiker g"
	  " ON g.id = v.gewijzigd_door"
	  " WHERE v.rapportage_id = ? ORDER BY v.ronde, v.waarde_id", 1, 13,
	  "iiiii" "gtgt" "tttt" },
	/* Only a concept changes: the join to its rapportage makes the
	 * check part of the write (and waits for a submission in flight,
	 * which holds the rapportage row). */
	{ ST(W_WIJZIG), "rapportage_waarde_wijzig",
	  "UPDATE rapportage_waarde w JOIN rapportage r ON r.id = w.rapportage_id"
	  " SET w.waarde = ?, w.tekst = ?, w.reden = ?, w.toelichting = ?,"
	  " w.niet_te_leveren = ?, w.niet_te_leveren_reden = ?,"
	  " w.gewijzigd_door = ?, w.gewijzigd_op = CURRENT_TIMESTAMP,"
	  " w.versie = w.versie + 1 WHERE w.id = ? AND w.rapportage_id = ?"
	  " AND w.versie = ? AND r.status = 'concept'", 10, 0, NULL },
	{ ST(A_WIJZIG), "rapportage_antwoord_wijzig",
	  "UPDATE rapportage_antwoord a JOIN rapportage r"
	  " ON r.id = a.rapportage_id SET a.antwoord = ?, a.toelichting = ?,"
	  " a.gewijzigd_door = ?, a.gewijzigd_op = CURRENT_TIMESTAMP,"
	  " a.versie = a.versie + 1 WHERE a.id = ? AND a.rapportage_id = ?"
	  " AND a.versie = ? AND r.status = 'concept'", 6, 0, NULL },
	{ ST(A_BEOORDEEL), "rapportage_beoordeel",
	  "UPDATE rapportage_antwoord SET beoordeling = ?,"
	  " beoordeling_toelichting = ?, versie = versie + 1"
	  " WHERE id = ? AND rapportage_id = ? AND soort = 'eis'", 4, 0, NULL },
	{ ST(R_STATUS), "rapportage_status",
	  "UPDATE rapportage SET status = ?,"
	  " ingediend_op = IF(? = 'ingediend', CURRENT_TIMESTAMP, ingediend_op),"
	  " ingediend_door = IF(? = 'ingediend', ?, ingediend_door),"
	  " vastgesteld_op = IF(? = 'vastgesteld', CURRENT_TIMESTAMP,"
	  " vastgesteld_op),"
	  " vastgesteld_door = IF(? = 'vastgesteld', ?, vastgesteld_door),"
	  " terugkoppeling = IF(? = 'vastgesteld', ?, terugkoppeling),"
	  " ronde = ronde + IF(? = 'vastgesteld', 1, 0), versie = versie + 1"
	  " WHERE id = ? AND versie = ? AND status = ?", 13, 0, NULL },
	{ ST(H_NIEUW), "rapportage_historie_nieuw",
	  "INSERT INTO rapportage_historie (rapportage_id, actie, van, naar, door,"
	  " reden) VALUES (?, ?, ?, ?, ?, ?)", 6, 0, NULL },
	{ ST(W_MOMENT), "rapportage_momentopname",
	  "UPDATE rapportage_waarde SET momentopname = ? WHERE id = ?", 2, 0,
	  NULL },
	{ ST(W_MOMENT_WEG), "rapportage_momentopnamen_weg",
	  "UPDATE rapportage_waarde SET momentopname = NULL"
	  " WHERE rapportage_id = ?", 1, 0, NULL },
	{ ST(W_VASTLEG), "rapportage_vastleggen",
	  "UPDATE rapportage_waarde SET vastgesteld_heeft = ?,"
	  " vastgesteld_waarde = ?, vastgesteld_tekst = ? WHERE id = ?", 4, 0,
	  NULL },
	{ ST(V_NIEUW), "rapportage_revisie_nieuw",
	  "INSERT INTO rapportage_revisie (rapportage_id, waarde_id, ronde,"
	  " oud_heeft, oud, oud_tekst, nieuw_heeft, nieuw, nieuw_tekst,"
	  " gewijzigd_door, gewijzigd_op, reden, vastgesteld_op)"
	  " SELECT ?, w.id, ?, ?, ?, ?, ?, ?, ?, w.gewijzigd_door, w.gewijzigd_op,"
	  " ?, CURRENT_TIMESTAMP FROM rapportage_waarde w WHERE w.id = ?", 10, 0,
	  NULL },
	{ ST(Q_NIEUW), "rapportage_vraag_nieuw",
	  "INSERT INTO rapportage_vraag (rapportage_id, waarde_id, antwoord_id,"
	  " vraag, gesteld_door) VALUES (?, ?, ?, ?, ?)", 5, 0, NULL },
	{ ST(Q_ANTWOORD), "rapportage_vraag_antwoord",
	  "UPDATE rapportage_vraag SET antwoord = ?, beantwoord_door = ?,"
	  " beantwoord_op = CURRENT_TIMESTAMP, versie = versie + 1"
	  " WHERE id = ? AND rapportage_id = ? AND versie = ?", 5, 0, NULL },
	{ ST(R_INGEDIEND_MET), "rapportage_ingediend_met",
	  "SELECT COUNT(DISTINCT r.id) FROM rapportage r"
	  " JOIN rapportage_waarde w ON w.rapportage_id = r.id"
	  " WHERE r.status = 'ingediend' AND w.indicator_id = ?"
	  " AND (r.periode = ? OR r.periode LIKE CONCAT(?, '-%'))", 3, 1, "i" },
	{ ST(W_VORIGE), "rapportage_vorige",
	  "SELECT w.indicator_id, w.wijk_id, w.vastgesteld_waarde"
	  " FROM rapportage r JOIN rapportage_waarde w ON w.rapportage_id = r.id"
	  " WHERE r.organisatie_id = ? AND r.format_id = ? AND r.periode = ?"
	  " AND w.vastgesteld_heeft = 1 AND w.vastgesteld_waarde IS NOT NULL",
	  3, 3, "iig" },
	/* Switching a concept to another version of its format: the rows of
	 * the new version, with what was typed for the same indicator and
	 * wijk (the same eis), then the old rows go. */
	{ ST(R_WISSEL), "rapportage_wissel",
	  "UPDATE rapportage SET formatversie_id = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ? AND status = 'concept'", 3, 0, NULL },
	{ ST(W_WISSEL), "rapportage_waarden_wissel",
	  "INSERT INTO rapportage_waarde (rapportage_id, item_id, indicator_id,"
	  " wijk_id, waarde, tekst, reden, niet_te_leveren, niet_te_leveren_reden,"
	  " toelichting, gewijzigd_door, gewijzigd_op)"
	  " SELECT ?, i.id, i.indicator_id, w.wijk_id, o.waarde, o.tekst, o.reden,"
	  " IFNULL(o.niet_te_leveren, 0), o.niet_te_leveren_reden, o.toelichting,"
	  " o.gewijzigd_door, o.gewijzigd_op FROM formatversie_item i"
	  " CROSS JOIN (SELECT DISTINCT wijk_id FROM rapportage_waarde"
	  " WHERE rapportage_id = ?) w"
	  " LEFT JOIN rapportage_waarde o ON o.rapportage_id = ?"
	  " AND o.indicator_id = i.indicator_id AND o.wijk_id = w.wijk_id"
	  " AND o.item_id IN (SELECT id FROM formatversie_item"
	  " WHERE formatversie_id = ?)"
	  " WHERE i.formatversie_id = ? AND i.soort = 'indicator'", 5, 0, NULL },
	{ ST(W_OUD_WEG), "rapportage_waarden_oud_weg",
	  "DELETE FROM rapportage_waarde WHERE rapportage_id = ? AND item_id IN"
	  " (SELECT id FROM formatversie_item WHERE formatversie_id = ?)", 2, 0,
	  NULL },
	{ ST(A_WISSEL), "rapportage_antwoorden_wissel",
	  "INSERT INTO rapportage_antwoord (rapportage_id, item_id, soort, eis_id,"
	  " antwoord, toelichting, gewijzigd_door, gewijzigd_op)"
	  " SELECT ?, i.id, i.soort, i.eis_id, o.antwoord, o.toelichting,"
	  " o.gewijzigd_door, o.gewijzigd_op FROM formatversie_item i"
	  " LEFT JOIN rapportage_antwoord o ON o.rapportage_id = ?"
	  " AND o.eis_id = i.eis_id AND o.item_id IN (SELECT id"
	  " FROM formatversie_item WHERE formatversie_id = ?)"
	  " WHERE i.formatversie_id = ? AND i.soort IN ('eis', 'vraag')", 4, 0,
	  NULL },
	{ ST(A_OUD_WEG), "rapportage_antwoorden_oud_weg",
	  "DELETE FROM rapportage_antwoord WHERE rapportage_id = ? AND item_id IN"
	  " (SELECT id FROM formatversie_item WHERE formatversie_id = ?)", 2, 0,
	  NULL },
	{ ST(W_EEN), "rapportage_waarde_een",
	  W_COLS " WHERE w.rapportage_id = ? AND w.id = ?", 2, W_NCOLS, W_TYPEN },
};
const struct stmt_table rapportage_stmts = {
	defs, sizeof(defs) / sizeof(defs[0])
};

/* Most rapportages one list returns; most rows of one rapportage. */
#define RAP_MAX_ROWS	1000
#define RAP_MAX_WAARDEN	20000

static int
cel_int(const struct db_rows *rows, size_t i, size_t k)
{
	return (int)db_cell_int(DB_CELL(rows, i, k), 0);
}

static int64_t
cel_id(const struct db_rows *rows, size_t i, size_t k)
{
	return db_cell_int(DB_CELL(rows, i, k), 0);
}

enum db_err
store_rapportage_versie(struct db *db, struct arena *ar,
    int64_t formatversie_id, const char *dag, struct rapportage_versie *out,
    int *gevonden)
{
	struct db_val v[] = { DB_STR(dag), DB_INT(formatversie_id) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	*gevonden = 0;
	if ((rc = db_query(db, ar, ST(R_VERSIE), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 0)
		return DB_OK;
	out->id = cel_id(&rows, 0, 0);
	out->format_id = cel_id(&rows, 0, 1);
	out->keten_id = cel_id(&rows, 0, 2);
	out->nummer = cel_id(&rows, 0, 3);
	out->status = DB_CELL(&rows, 0, 4);
	out->eerste_periode = DB_CELL(&rows, 0, 5);
	out->eerste_dag = DB_CELL(&rows, 0, 6);
	out->later = cel_id(&rows, 0, 7);
	*gevonden = 1;
	return DB_OK;
}

enum db_err
store_rapportage_organisatie(struct db *db, struct arena *ar, int64_t org,
    int *ja)
{
	struct db_val v = DB_INT(org);
	struct db_rows rows;
	enum db_err rc;

	*ja = 0;
	if ((rc = db_query(db, ar, ST(R_ORG), &v, 1, 1, &rows)) != DB_OK)
		return rc;
	*ja = rows.nrows == 1 && cel_id(&rows, 0, 0) > 0;
	return DB_OK;
}

enum db_err
store_rapportage_nieuw(struct db *db, const struct rapportage_rec *rec,
    const char *wijken, int64_t *id)
{
	struct db_val v[7];
	uint64_t nieuw = 0;
	enum db_err rc;

	v[0] = DB_INT(rec->format_id);
	v[1] = DB_INT(rec->formatversie_id);
	v[2] = DB_INT(rec->organisatie_id);
	v[3] = DB_STR(rec->periode);
	v[4] = DB_STR(rec->eerste_dag);
	v[5] = DB_STR(rec->laatste_dag);
	v[6] = DB_INT(rec->door);
	if ((rc = db_exec(db, ST(R_NIEUW), v, 7, NULL, &nieuw)) != DB_OK)
		return rc;
	*id = (int64_t)nieuw;
	v[0] = DB_INT(*id);
	v[1] = DB_STR(wijken);
	v[2] = DB_INT(rec->formatversie_id);
	if ((rc = db_exec(db, ST(R_WAARDEN_MAAK), v, 3, NULL, NULL)) != DB_OK)
		return rc;
	v[1] = DB_INT(rec->formatversie_id);
	return db_exec(db, ST(R_ANTWOORDEN_MAAK), v, 2, NULL, NULL);
}

static void
r_van_rij(const struct db_rows *rows, size_t i, struct rapportage_rij *o)
{
	memset(o, 0, sizeof(*o));
	o->id = cel_id(rows, i, 0);
	o->versie = cel_id(rows, i, 1);
	o->format_id = cel_id(rows, i, 2);
	o->formatversie_id = cel_id(rows, i, 3);
	o->nummer = cel_id(rows, i, 4);
	o->keten_id = cel_id(rows, i, 5);
	o->organisatie_id = cel_id(rows, i, 6);
	o->ronde = cel_int(rows, i, 7);
	o->indientermijn_dagen = cel_int(rows, i, 8);
	o->midden_in_periode = cel_int(rows, i, 9);
	o->format = DB_CELL(rows, i, 10);
	o->keten = DB_CELL(rows, i, 11);
	o->organisatie = DB_CELL(rows, i, 12);
	o->periode = DB_CELL(rows, i, 13);
	o->eerste_dag = DB_CELL(rows, i, 14);
	o->laatste_dag = DB_CELL(rows, i, 15);
	o->status = DB_CELL(rows, i, 16);
	o->terugkoppeling = DB_CELL(rows, i, 17);
	o->aangemaakt = DB_CELL(rows, i, 18);
	o->ingediend_op = DB_CELL(rows, i, 19);
	o->ingediend_door = DB_CELL(rows, i, 20);
	o->vastgesteld_op = DB_CELL(rows, i, 21);
	o->vastgesteld_door = DB_CELL(rows, i, 22);
	o->versie_eerste_periode = DB_CELL(rows, i, 23);
	o->publicatie_reden = DB_CELL(rows, i, 24);
	o->gepubliceerd_op = DB_CELL(rows, i, 25);
	o->open_vragen = cel_id(rows, i, 26);
	o->geldend_id = cel_id(rows, i, 27);
	o->geldend_nummer = cel_id(rows, i, 28);
	o->geldend_reden = DB_CELL(rows, i, 29);
}

static enum db_err
r_rijen(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, struct rapportage_rij **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, st, v, nv, RAP_MAX_ROWS, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		r_van_rij(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_rapportage_lijst(struct db *db, struct arena *ar,
    const struct rapportage_bereik *b, const struct rapportage_filter *f,
    int64_t na, int limit, struct rapportage_rij **out, size_t *n)
{
	struct db_val k = db_id(f->keten_id), o = db_id(f->organisatie_id);
	struct db_val p = DB_STR(f->periode), s = DB_STR(f->status);
	struct db_val v[] = { DB_INT(na), k, k, o, o, p, p, s, s,
	    DB_INT(b->alles ? 1 : 0), DB_STR(b->orgs), DB_STR(b->ketens),
	    DB_INT(limit) };

	return r_rijen(db, ar, ST(R_LIJST), v, 13, out, n);
}

enum db_err
store_rapportage_lees(struct db *db, struct arena *ar,
    const struct rapportage_bereik *b, int64_t id, struct rapportage_rij *out,
    int *gevonden)
{
	struct db_val v[] = { DB_INT(id), DB_INT(b->alles ? 1 : 0),
	    DB_STR(b->orgs), DB_STR(b->ketens) };
	struct rapportage_rij *r;
	enum db_err rc;
	size_t n;

	*gevonden = 0;
	if ((rc = r_rijen(db, ar, ST(R_LEES), v, 4, &r, &n)) != DB_OK)
		return rc;
	if (n == 1) {
		*out = r[0];
		*gevonden = 1;
	}
	return DB_OK;
}

/* Rows of a query on one rapportage id, into an array of size elements
 * filled by fill. */
static enum db_err
lijst_van(struct db *db, struct arena *ar, stmt_id st, int64_t id,
    size_t size, void (*fill)(const struct db_rows *, size_t, void *),
    void **out, size_t *n)
{
	struct db_val v = DB_INT(id);
	struct db_rows rows;
	enum db_err rc;
	unsigned char *a;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, st, &v, 1, RAP_MAX_WAARDEN, &rows)) != DB_OK)
		return rc;
	if ((a = arena_calloc(ar, rows.nrows + 1, size)) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		fill(&rows, i, a + i * size);
	*out = a;
	*n = rows.nrows;
	return DB_OK;
}

static void
w_fill(const struct db_rows *rows, size_t i, void *p)
{
	struct rapportage_waarde_rij *o = p;

	o->id = cel_id(rows, i, 0);
	o->versie = cel_id(rows, i, 1);
	o->item_id = cel_id(rows, i, 2);
	o->indicator_id = cel_id(rows, i, 3);
	o->wijk_id = cel_id(rows, i, 4);
	o->sectie_volgorde = cel_int(rows, i, 5);
	o->volgorde = cel_int(rows, i, 6);
	o->sectie_titel = DB_CELL(rows, i, 7);
	o->wijk = DB_CELL(rows, i, 8);
	o->waarde = DB_CELL(rows, i, 9);
	o->tekst = DB_CELL(rows, i, 10);
	o->reden = DB_CELL(rows, i, 11);
	o->toelichting = DB_CELL(rows, i, 12);
	o->niet_te_leveren = cel_int(rows, i, 13);
	o->niet_te_leveren_reden = DB_CELL(rows, i, 14);
	o->gewijzigd_door = DB_CELL(rows, i, 15);
	o->gewijzigd_op = DB_CELL(rows, i, 16);
	o->momentopname = DB_CELL(rows, i, 17);
	o->vastgesteld_heeft = cel_int(rows, i, 18);
	o->vastgesteld_waarde = DB_CELL(rows, i, 19);
	o->vastgesteld_tekst = DB_CELL(rows, i, 20);
	o->kp_id = cel_id(rows, i, 21);
	o->kp_waarde = DB_CELL(rows, i, 22);
	o->kp_tekst = DB_CELL(rows, i, 23);
	o->kp_reden = DB_CELL(rows, i, 24);
	o->kp_niet = cel_int(rows, i, 25);
	o->vorige_indicator_id = cel_id(rows, i, 26);
}

enum db_err
store_rapportage_waarden(struct db *db, struct arena *ar, int64_t id,
    struct rapportage_waarde_rij **out, size_t *n)
{
	return lijst_van(db, ar, ST(W_LIJST), id, sizeof(**out), w_fill,
	    (void **)out, n);
}

static void
a_fill(const struct db_rows *rows, size_t i, void *p)
{
	struct rapportage_antwoord_rij *o = p;

	o->id = cel_id(rows, i, 0);
	o->versie = cel_id(rows, i, 1);
	o->item_id = cel_id(rows, i, 2);
	o->eis_id = cel_id(rows, i, 3);
	o->sectie_volgorde = cel_int(rows, i, 4);
	o->volgorde = cel_int(rows, i, 5);
	o->sectie_titel = DB_CELL(rows, i, 6);
	o->soort = DB_CELL(rows, i, 7);
	o->eis_code = DB_CELL(rows, i, 8);
	o->eis_omschrijving = DB_CELL(rows, i, 9);
	o->vraag = DB_CELL(rows, i, 10);
	o->antwoord = DB_CELL(rows, i, 11);
	o->toelichting = DB_CELL(rows, i, 12);
	o->beoordeling = DB_CELL(rows, i, 13);
	o->beoordeling_toelichting = DB_CELL(rows, i, 14);
	o->gewijzigd_door = DB_CELL(rows, i, 15);
	o->gewijzigd_op = DB_CELL(rows, i, 16);
}

enum db_err
store_rapportage_waarde(struct db *db, struct arena *ar, int64_t id,
    int64_t waarde_id, struct rapportage_waarde_rij *out, int *gevonden)
{
	struct db_val v[] = { DB_INT(id), DB_INT(waarde_id) };
	struct db_rows rows;
	enum db_err rc;

	*gevonden = 0;
	if ((rc = db_query(db, ar, ST(W_EEN), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows == 1) {
		memset(out, 0, sizeof(*out));
		w_fill(&rows, 0, out);
		*gevonden = 1;
	}
	return DB_OK;
}

enum db_err
store_rapportage_antwoorden(struct db *db, struct arena *ar, int64_t id,
    struct rapportage_antwoord_rij **out, size_t *n)
{
	return lijst_van(db, ar, ST(A_LIJST), id, sizeof(**out), a_fill,
	    (void **)out, n);
}

static void
q_fill(const struct db_rows *rows, size_t i, void *p)
{
	struct rapportage_vraag_rij *o = p;

	o->id = cel_id(rows, i, 0);
	o->versie = cel_id(rows, i, 1);
	o->waarde_id = cel_id(rows, i, 2);
	o->antwoord_id = cel_id(rows, i, 3);
	o->vraag = DB_CELL(rows, i, 4);
	o->gesteld_door = DB_CELL(rows, i, 5);
	o->gesteld_op = DB_CELL(rows, i, 6);
	o->antwoord = DB_CELL(rows, i, 7);
	o->beantwoord_door = DB_CELL(rows, i, 8);
	o->beantwoord_op = DB_CELL(rows, i, 9);
}

enum db_err
store_rapportage_vragen(struct db *db, struct arena *ar, int64_t id,
    struct rapportage_vraag_rij **out, size_t *n)
{
	return lijst_van(db, ar, ST(Q_LIJST), id, sizeof(**out), q_fill,
	    (void **)out, n);
}

static void
h_fill(const struct db_rows *rows, size_t i, void *p)
{
	struct rapportage_historie_rij *o = p;

	o->id = cel_id(rows, i, 0);
	o->actie = DB_CELL(rows, i, 1);
	o->van = DB_CELL(rows, i, 2);
	o->naar = DB_CELL(rows, i, 3);
	o->door = DB_CELL(rows, i, 4);
	o->op = DB_CELL(rows, i, 5);
	o->reden = DB_CELL(rows, i, 6);
}

enum db_err
store_rapportage_historie(struct db *db, struct arena *ar, int64_t id,
    struct rapportage_historie_rij **out, size_t *n)
{
	return lijst_van(db, ar, ST(H_LIJST), id, sizeof(**out), h_fill,
	    (void **)out, n);
}

static void
v_fill(const struct db_rows *rows, size_t i, void *p)
{
	struct rapportage_revisie_rij *o = p;

	o->id = cel_id(rows, i, 0);
	o->waarde_id = cel_id(rows, i, 1);
	o->ronde = cel_int(rows, i, 2);
	o->oud_heeft = cel_int(rows, i, 3);
	o->nieuw_heeft = cel_int(rows, i, 4);
	o->oud = DB_CELL(rows, i, 5);
	o->oud_tekst = DB_CELL(rows, i, 6);
	o->nieuw = DB_CELL(rows, i, 7);
	o->nieuw_tekst = DB_CELL(rows, i, 8);
	o->gewijzigd_door = DB_CELL(rows, i, 9);
	o->gewijzigd_op = DB_CELL(rows, i, 10);
	o->reden = DB_CELL(rows, i, 11);
	o->vastgesteld_op = DB_CELL(rows, i, 12);
}

enum db_err
store_rapportage_revisies(struct db *db, struct arena *ar, int64_t id,
    struct rapportage_revisie_rij **out, size_t *n)
{
	return lijst_van(db, ar, ST(V_LIJST), id, sizeof(**out), v_fill,
	    (void **)out, n);
}

enum db_err
store_rapportage_waarde_wijzig(struct db *db, int64_t id, int64_t waarde_id,
    int64_t versie, const struct rapportage_waarde_rec *rec,
    uint64_t *affected)
{
	struct db_val v[] = { DB_STR(rec->waarde), DB_STR(rec->tekst),
	    DB_STR(rec->reden), DB_STR(rec->toelichting),
	    DB_INT(rec->niet_te_leveren ? 1 : 0),
	    DB_STR(rec->niet_te_leveren_reden), DB_INT(rec->door),
	    DB_INT(waarde_id), DB_INT(id), DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(W_WIJZIG), v, 10, affected, NULL);
}

enum db_err
store_rapportage_antwoord_wijzig(struct db *db, int64_t id,
    int64_t antwoord_id, int64_t versie, const char *antwoord,
    const char *toelichting, int64_t door, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(antwoord), DB_STR(toelichting),
	    DB_INT(door), DB_INT(antwoord_id), DB_INT(id), DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(A_WIJZIG), v, 6, affected, NULL);
}

enum db_err
store_rapportage_beoordeel(struct db *db, int64_t id, int64_t antwoord_id,
    const char *beoordeling, const char *toelichting)
{
	struct db_val v[] = { DB_STR(beoordeling), DB_STR(toelichting),
	    DB_INT(antwoord_id), DB_INT(id) };

	return db_exec(db, ST(A_BEOORDEEL), v, 4, NULL, NULL);
}

enum db_err
store_rapportage_status(struct db *db, int64_t id, int64_t versie,
    const char *van, const char *naar, int64_t door,
    const char *terugkoppeling, uint64_t *affected)
{
	struct db_val n = DB_STR(naar);
	struct db_val v[] = { n, n, n, DB_INT(door), n, n, DB_INT(door), n,
	    DB_STR(terugkoppeling), n, DB_INT(id), DB_INT(versie),
	    DB_STR(van) };

	*affected = 0;
	return db_exec(db, ST(R_STATUS), v, 13, affected, NULL);
}

enum db_err
store_rapportage_historie_nieuw(struct db *db, int64_t id, const char *actie,
    const char *van, const char *naar, int64_t door, const char *reden)
{
	struct db_val v[] = { DB_INT(id), DB_STR(actie), DB_STR(van),
	    DB_STR(naar), DB_INT(door), DB_STR(reden) };

	return db_exec(db, ST(H_NIEUW), v, 6, NULL, NULL);
}

enum db_err
store_rapportage_momentopname(struct db *db, int64_t waarde_id,
    const char *json)
{
	struct db_val v[] = { DB_STR(json), DB_INT(waarde_id) };

	return db_exec(db, ST(W_MOMENT), v, 2, NULL, NULL);
}

enum db_err
store_rapportage_momentopnamen_weg(struct db *db, int64_t id)
{
	struct db_val v = DB_INT(id);

	return db_exec(db, ST(W_MOMENT_WEG), &v, 1, NULL, NULL);
}

enum db_err
store_rapportage_vastleggen(struct db *db, int64_t waarde_id, int heeft,
    const char *waarde, const char *tekst)
{
	struct db_val v[] = { DB_INT(heeft ? 1 : 0), DB_STR(waarde),
	    DB_STR(tekst), DB_INT(waarde_id) };

	return db_exec(db, ST(W_VASTLEG), v, 4, NULL, NULL);
}

enum db_err
store_rapportage_revisie_nieuw(struct db *db,
    const struct rapportage_revisie_rec *r)
{
	struct db_val v[] = { DB_INT(r->rapportage_id), DB_INT(r->ronde),
	    DB_INT(r->oud_heeft ? 1 : 0), DB_STR(r->oud), DB_STR(r->oud_tekst),
	    DB_INT(r->nieuw_heeft ? 1 : 0), DB_STR(r->nieuw),
	    DB_STR(r->nieuw_tekst), DB_STR(r->reden), DB_INT(r->waarde_id) };

	return db_exec(db, ST(V_NIEUW), v, 10, NULL, NULL);
}

enum db_err
store_rapportage_vraag_nieuw(struct db *db, int64_t id, int64_t waarde_id,
    int64_t antwoord_id, const char *vraag, int64_t door, int64_t *vraag_id)
{
	struct db_val v[] = { DB_INT(id), db_id(waarde_id), db_id(antwoord_id),
	    DB_STR(vraag), DB_INT(door) };
	uint64_t nieuw = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(Q_NIEUW), v, 5, NULL, &nieuw)) == DB_OK)
		*vraag_id = (int64_t)nieuw;
	return rc;
}

enum db_err
store_rapportage_vraag_antwoord(struct db *db, int64_t id, int64_t vraag_id,
    int64_t versie, const char *antwoord, int64_t door, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(antwoord), DB_INT(door), DB_INT(vraag_id),
	    DB_INT(id), DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(Q_ANTWOORD), v, 5, affected, NULL);
}

enum db_err
store_rapportage_ingediend_met(struct db *db, struct arena *ar,
    int64_t indicator_id, const char *periode, int64_t *n)
{
	struct db_val v[] = { DB_INT(indicator_id), DB_STR(periode),
	    DB_STR(periode) };
	struct db_rows rows;
	enum db_err rc;

	*n = 0;
	if ((rc = db_query(db, ar, ST(R_INGEDIEND_MET), v, 3, 1, &rows)) !=
	    DB_OK)
		return rc;
	if (rows.nrows == 1)
		*n = cel_id(&rows, 0, 0);
	return DB_OK;
}

enum db_err
store_rapportage_vorige(struct db *db, struct arena *ar, int64_t org,
    int64_t format_id, const char *periode, struct rapportage_vorige_rij **out,
    size_t *n)
{
	struct db_val v[] = { DB_INT(org), DB_INT(format_id), DB_STR(periode) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, ST(W_VORIGE), v, 3, RAP_MAX_WAARDEN, &rows)) !=
	    DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].indicator_id = cel_id(&rows, i, 0);
		(*out)[i].wijk_id = cel_id(&rows, i, 1);
		(*out)[i].waarde = DB_CELL(&rows, i, 2);
	}
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_rapportage_wissel(struct db *db, int64_t id, int64_t versie,
    int64_t oud, int64_t nieuw, uint64_t *affected)
{
	struct db_val v[5];
	enum db_err rc;

	v[0] = DB_INT(nieuw);
	v[1] = DB_INT(id);
	v[2] = DB_INT(versie);
	*affected = 0;
	if ((rc = db_exec(db, ST(R_WISSEL), v, 3, affected, NULL)) != DB_OK ||
	    *affected == 0)
		return rc;
	v[0] = DB_INT(id);
	v[1] = DB_INT(id);
	v[2] = DB_INT(id);
	v[3] = DB_INT(oud);
	v[4] = DB_INT(nieuw);
	if ((rc = db_exec(db, ST(W_WISSEL), v, 5, NULL, NULL)) != DB_OK)
		return rc;
	v[1] = DB_INT(oud);
	if ((rc = db_exec(db, ST(W_OUD_WEG), v, 2, NULL, NULL)) != DB_OK)
		return rc;
	v[1] = DB_INT(id);
	v[2] = DB_INT(oud);
	v[3] = DB_INT(nieuw);
	if ((rc = db_exec(db, ST(A_WISSEL), v, 4, NULL, NULL)) != DB_OK)
		return rc;
	v[1] = DB_INT(oud);
	return db_exec(db, ST(A_OUD_WEG), v, 2, NULL, NULL);
}
