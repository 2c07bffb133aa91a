/*
 * format.c — formats, versions, content, consultation and comments; see
 * format.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/format.h"
#include "store/format.h"
#include "store/statements.h"

enum {
	F_LIJST, F_LEES, F_SLOT, F_NIEUW, F_WIJZIG,
	V_LIJST, V_LEES, V_NIEUW, V_WIJZIG, V_STATUS, V_PUBLICEER,
	I_WEG, S_WEG, S_NIEUW, I_NIEUW, I_LIJST,
	C_ZET, C_LIJST, C_WIJKTEAMORG, C_GERAADPLEEGD, REFS,
	R_LIJST, R_LEES, R_NIEUW, R_ANTWOORD,
};
#define ST(n)	STMT_ID(MOD_FORMAT, n)

#define TIJD(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Columns of a format, in the order format_van_rij reads them. */
#define F_COLS \
	"SELECT f.id, f.versie, f.code, f.naam, f.omschrijving, f.keten_id," \
	" k.naam, " TIJD("f.aangemaakt") \
	" FROM format f JOIN keten k ON k.id = f.keten_id"
#define F_NCOLS	8
#define F_TYPEN	"iitttitt"

/* Columns of a version (formatversie_van_rij). */
#define V_COLS \
	"SELECT v.id, v.format_id, v.nummer, v.versie, v.eerste_periode," \
	" DATE_FORMAT(v.eerste_dag, '%Y-%m-%d'), v.indientermijn_dagen," \
	" v.toelichting, v.status, " TIJD("v.consultatie_van") ", " \
	TIJD("v.gepubliceerd_op") ", v.gepubliceerd_door, g.naam," \
	" v.midden_in_periode, v.publicatie_reden, " TIJD("v.aangemaakt") "," \
	" (SELECT COUNT(*) FROM formatversie_reactie r" \
	" WHERE r.formatversie_id = v.id), v.consultatie_van IS NOT NULL," \
	" fv_f.keten_id" \
	" FROM formatversie v JOIN format fv_f ON fv_f.id = v.format_id" \
	" LEFT JOIN gebruiker g ON g.id = v.gepubliceerd_door"
#define V_NCOLS	19
/* id format_id nummer versie | periode dag | termijn | toelichting status
 * consultatie_van gepubliceerd_op | door | naam | midden | reden
 * aangemaakt | reacties geconsulteerd keten_id */
#define V_TYPEN	"iiii" "tt" "i" "tttt" "i" "t" "i" "tt" "iii"
/* Concepts only when the caller may see them (the second parameter). */
#define V_ZICHTBAAR	" AND (? = 1 OR v.status <> 'concept')"

/* Columns of an item with what it names (item_van_rij). A section
 * without items gives one row of NULLs after its own three columns. */
#define I_COLS \
	"SELECT s.id, s.volgorde, s.titel, it.id, it.volgorde, it.soort," \
	" it.indicator_id, i.code, i.naam, i.eenheid, i.bron," \
	" JSON_EXTRACT(i.regel, '$.uitsplitsing'), i.keten_id, it.eis_id," \
	" e.code, e.omschrijving, it.vraag, it.lijn, it.vorige_indicator_id," \
	" vi.code, (SELECT COUNT(*) FROM formatversie_reactie r" \
	" WHERE r.item_id = it.id)" \
	" FROM formatversie_sectie s" \
	" LEFT JOIN formatversie_item it ON it.sectie_id = s.id" \
	" LEFT JOIN indicator i ON i.id = it.indicator_id" \
	" LEFT JOIN eis e ON e.id = it.eis_id" \
	" LEFT JOIN indicator vi ON vi.id = it.vorige_indicator_id"
#define I_NCOLS	21
/* sectie id volgorde titel | item id volgorde soort | indicator_id |
 * code naam eenheid bron uitsplitsing | keten_id eis_id | eis code
 * omschrijving vraag lijn | vorige id | vorige code | reacties */
#define I_TYPEN	"iit" "iit" "i" "ttttt" "ii" "tttt" "i" "t" "i"

/* Columns of a comment (reactie_van_rij). */
#define R_COLS \
	"SELECT r.id, r.formatversie_id, r.item_id, r.onderwerp," \
	" r.organisatie_id, o.naam, r.gebruiker_id, g.naam, r.oordeel," \
	" r.opmerking, " TIJD("r.aangemaakt") ", r.antwoord, r.beantwoord_door," \
	" b.naam, " TIJD("r.beantwoord_op") ", r.versie" \
	" FROM formatversie_reactie r JOIN organisatie o ON o.id = r.organisatie_id" \
	" JOIN gebruiker g ON g.id = r.gebruiker_id" \
	" LEFT JOIN gebruiker b ON b.id = r.beantwoord_door"
#define R_NCOLS	16
/* id versie_id item_id | onderwerp | org id | org | gebruiker id |
 * gebruiker oordeel opmerking aangemaakt antwoord | door | naam op |
 * versie */
#define R_TYPEN	"iii" "t" "i" "t" "i" "ttttt" "i" "tt" "i"

/* The organisaties of a teamleider's grants: their own, and those of
 * their wijkteams today. Two parameters: orgs, wijkteams. */
#define VAN_TEAMLEIDER(col) \
	" (FIND_IN_SET(" col ", ?) OR " col " IN (SELECT wo.organisatie_id" \
	" FROM wijkteam_organisatie wo WHERE FIND_IN_SET(wo.wijkteam_id, ?)" \
	" AND wo.geldig_van <= CURDATE()" \
	" AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= CURDATE())))"

static const struct stmt_def defs[] = {
	{ ST(F_LIJST), "format_lijst",
	  F_COLS " WHERE (? IS NULL OR f.keten_id = ?) AND f.id > ?"
	  " ORDER BY f.id LIMIT ?", 4, F_NCOLS, F_TYPEN },
	{ ST(F_LEES), "format_lees", F_COLS " WHERE f.id = ?", 1, F_NCOLS,
	  F_TYPEN },
	{ ST(F_SLOT), "format_slot", F_COLS " WHERE f.id = ? FOR UPDATE", 1,
	  F_NCOLS, F_TYPEN },
	{ ST(F_NIEUW), "format_nieuw",
	  "INSERT INTO format (code, naam, omschrijving, keten_id)"
	  " VALUES (?, ?, ?, ?)", 4, 0, NULL },
	{ ST(F_WIJZIG), "format_wijzig",
	  "UPDATE format SET naam = ?, omschrijving = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 4, 0, NULL },
	{ ST(V_LIJST), "formatversie_lijst",
	  V_COLS " WHERE v.format_id = ?" V_ZICHTBAAR " ORDER BY v.nummer", 2,
	  V_NCOLS, V_TYPEN },
	{ ST(V_LEES), "formatversie_lees",
	  V_COLS " WHERE v.format_id = ? AND v.nummer = ?" V_ZICHTBAAR, 3,
	  V_NCOLS, V_TYPEN },
	{ ST(V_NIEUW), "formatversie_nieuw",
	  "INSERT INTO formatversie (format_id, nummer, eerste_periode,"
	  " eerste_dag, indientermijn_dagen, toelichting)"
	  " VALUES (?, ?, ?, ?, ?, ?)", 6, 0, NULL },
	{ ST(V_WIJZIG), "formatversie_wijzig",
	  "UPDATE formatversie SET eerste_periode = ?, eerste_dag = ?,"
	  " indientermijn_dagen = ?, toelichting = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ? AND status = 'concept'", 6, 0, NULL },
	{ ST(V_STATUS), "formatversie_status",
	  "UPDATE formatversie SET status = ?, consultatie_van ="
	  " IF(? = 'consultatie', NOW(), consultatie_van), versie = versie + 1"
	  " WHERE id = ? AND status = ?", 4, 0, NULL },
	{ ST(V_PUBLICEER), "formatversie_publiceer",
	  "UPDATE formatversie SET status = 'gepubliceerd', gepubliceerd_op ="
	  " NOW(), gepubliceerd_door = ?, midden_in_periode = ?,"
	  " publicatie_reden = ?, versie = versie + 1"
	  " WHERE id = ? AND status = ?", 5, 0, NULL },
	{ ST(I_WEG), "formatversie_items_weg",
	  "DELETE FROM formatversie_item WHERE formatversie_id = ?", 1, 0, NULL },
	{ ST(S_WEG), "formatversie_secties_weg",
	  "DELETE FROM formatversie_sectie WHERE formatversie_id = ?", 1, 0,
	  NULL },
	{ ST(S_NIEUW), "formatversie_sectie_nieuw",
	  "INSERT INTO formatversie_sectie (formatversie_id, volgorde, titel)"
	  " VALUES (?, ?, ?)", 3, 0, NULL },
	{ ST(I_NIEUW), "formatversie_item_nieuw",
	  "INSERT INTO formatversie_item (formatversie_id, sectie_id, volgorde,"
	  " soort, indicator_id, eis_id, vraag, lijn, vorige_indicator_id)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, 0, NULL },
	{ ST(I_LIJST), "formatversie_items",
	  I_COLS " WHERE s.formatversie_id = ? ORDER BY s.volgorde, it.volgorde",
	  1, I_NCOLS, I_TYPEN },
	{ ST(C_ZET), "formatversie_consultatie_zet",
	  "INSERT IGNORE INTO formatversie_consultatie (formatversie_id,"
	  " organisatie_id) SELECT ?, o.id FROM organisatie o"
	  " WHERE o.soort = 'wijkteamorganisatie'"
	  " AND (? IS NULL OR JSON_CONTAINS(?, CAST(o.id AS CHAR)))", 3, 0,
	  NULL },
	{ ST(C_LIJST), "formatversie_consultatie_lijst",
	  "SELECT o.id, o.code, o.naam FROM formatversie_consultatie c"
	  " JOIN organisatie o ON o.id = c.organisatie_id"
	  " WHERE c.formatversie_id = ? ORDER BY o.naam, o.id", 1, 3, "itt" },
	{ ST(C_WIJKTEAMORG), "format_wijkteamorganisaties_tel",
	  "SELECT COUNT(*) FROM organisatie WHERE soort = 'wijkteamorganisatie'"
	  " AND JSON_CONTAINS(?, CAST(id AS CHAR))", 1, 1, "i" },
	{ ST(C_GERAADPLEEGD), "formatversie_geraadpleegd",
	  "SELECT c.organisatie_id FROM formatversie_consultatie c"
	  " WHERE c.formatversie_id = ? AND" VAN_TEAMLEIDER("c.organisatie_id")
	  " ORDER BY c.organisatie_id LIMIT 1", 3, 1, "i" },
	{ ST(REFS), "format_refs",
	  "SELECT (SELECT COUNT(*) FROM indicator"
	  " WHERE JSON_CONTAINS(?, CAST(id AS CHAR))),"
	  " (SELECT COUNT(*) FROM eis WHERE JSON_CONTAINS(?, CAST(id AS CHAR)))",
	  2, 2, "ii" },
	{ ST(R_LIJST), "format_reactie_lijst",
	  R_COLS " WHERE r.formatversie_id = ? AND (? IS NULL OR"
	  VAN_TEAMLEIDER("r.organisatie_id") ") ORDER BY r.id", 4, R_NCOLS,
	  R_TYPEN },
	{ ST(R_LEES), "format_reactie_lees",
	  R_COLS " WHERE r.formatversie_id = ? AND r.id = ?", 2, R_NCOLS,
	  R_TYPEN },
	{ ST(R_NIEUW), "format_reactie_nieuw",
	  "INSERT INTO formatversie_reactie (formatversie_id, item_id,"
	  " onderwerp, organisatie_id, gebruiker_id, oordeel, opmerking)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?)", 7, 0, NULL },
	{ ST(R_ANTWOORD), "format_reactie_antwoord",
	  "UPDATE formatversie_reactie SET antwoord = ?, beantwoord_door = ?,"
	  " beantwoord_op = NOW(), versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 4, 0, NULL },
};
const struct stmt_table format_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Most rows one list reads: formats of a page, versions of a format,
 * items of a version (FORMAT_MAX_ITEMS plus empty sections), comments. */
#define FORMAT_MAX_ROWS	2000

static int64_t
cel_id(const struct db_rows *rows, size_t i, size_t k)
{
	return db_cell_int(DB_CELL(rows, i, k), 0);
}

static void
format_van_rij(const struct db_rows *rows, size_t i, void *uit)
{
	struct format_rij *o = uit;

	o->id = cel_id(rows, i, 0);
	o->versie = cel_id(rows, i, 1);
	o->code = DB_CELL(rows, i, 2);
	o->naam = DB_CELL(rows, i, 3);
	o->omschrijving = DB_CELL(rows, i, 4);
	o->keten_id = cel_id(rows, i, 5);
	o->keten = DB_CELL(rows, i, 6);
	o->aangemaakt = DB_CELL(rows, i, 7);
}

static void
formatversie_van_rij(const struct db_rows *rows, size_t i, void *uit)
{
	struct formatversie_rij *o = uit;

	o->id = cel_id(rows, i, 0);
	o->format_id = cel_id(rows, i, 1);
	o->nummer = cel_id(rows, i, 2);
	o->versie = cel_id(rows, i, 3);
	o->eerste_periode = DB_CELL(rows, i, 4);
	o->eerste_dag = DB_CELL(rows, i, 5);
	o->indientermijn_dagen = (int)cel_id(rows, i, 6);
	o->toelichting = DB_CELL(rows, i, 7);
	o->status = DB_CELL(rows, i, 8);
	o->consultatie_van = DB_CELL(rows, i, 9);
	o->gepubliceerd_op = DB_CELL(rows, i, 10);
	o->gepubliceerd_door = cel_id(rows, i, 11);
	o->gepubliceerd_door_naam = DB_CELL(rows, i, 12);
	o->midden_in_periode = cel_id(rows, i, 13) != 0;
	o->publicatie_reden = DB_CELL(rows, i, 14);
	o->aangemaakt = DB_CELL(rows, i, 15);
	o->reacties = cel_id(rows, i, 16);
	o->geconsulteerd = cel_id(rows, i, 17) != 0;
	o->keten_id = cel_id(rows, i, 18);
}

static void
item_van_rij(const struct db_rows *rows, size_t i, void *uit)
{
	struct format_item_rij *o = uit;

	o->sectie_id = cel_id(rows, i, 0);
	o->sectie_volgorde = (int)cel_id(rows, i, 1);
	o->sectie_titel = DB_CELL(rows, i, 2);
	o->id = cel_id(rows, i, 3);
	o->volgorde = (int)cel_id(rows, i, 4);
	o->soort = DB_CELL(rows, i, 5);
	o->indicator_id = cel_id(rows, i, 6);
	o->indicator_code = DB_CELL(rows, i, 7);
	o->indicator_naam = DB_CELL(rows, i, 8);
	o->eenheid = DB_CELL(rows, i, 9);
	o->bron = DB_CELL(rows, i, 10);
	o->uitsplitsing = DB_CELL(rows, i, 11);
	o->indicator_keten_id = cel_id(rows, i, 12);
	o->eis_id = cel_id(rows, i, 13);
	o->eis_code = DB_CELL(rows, i, 14);
	o->eis_omschrijving = DB_CELL(rows, i, 15);
	o->vraag = DB_CELL(rows, i, 16);
	o->lijn = DB_CELL(rows, i, 17);
	o->vorige_indicator_id = cel_id(rows, i, 18);
	o->vorige_indicator_code = DB_CELL(rows, i, 19);
	o->reacties = cel_id(rows, i, 20);
}

static void
reactie_van_rij(const struct db_rows *rows, size_t i, void *uit)
{
	struct format_reactie_rij *o = uit;

	o->id = cel_id(rows, i, 0);
	o->formatversie_id = cel_id(rows, i, 1);
	o->item_id = cel_id(rows, i, 2);
	o->onderwerp = DB_CELL(rows, i, 3);
	o->organisatie_id = cel_id(rows, i, 4);
	o->organisatie = DB_CELL(rows, i, 5);
	o->gebruiker_id = cel_id(rows, i, 6);
	o->gebruiker = DB_CELL(rows, i, 7);
	o->oordeel = DB_CELL(rows, i, 8);
	o->opmerking = DB_CELL(rows, i, 9);
	o->aangemaakt = DB_CELL(rows, i, 10);
	o->antwoord = DB_CELL(rows, i, 11);
	o->beantwoord_door = cel_id(rows, i, 12);
	o->beantwoord_door_naam = DB_CELL(rows, i, 13);
	o->beantwoord_op = DB_CELL(rows, i, 14);
	o->versie = cel_id(rows, i, 15);
}

/*
 * Every row of st for v as typed rows of size grootte in the arena (one
 * more, zeroed, so an empty list is never NULL), each filled by van.
 */
static enum db_err
rijen(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, size_t grootte, void (*van)(const struct db_rows *, size_t,
    void *), void **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	unsigned char *p;
	size_t i;

	*n = 0;
	*out = NULL;
	if ((rc = db_query(db, ar, st, v, nv, FORMAT_MAX_ROWS, &rows)) != DB_OK)
		return rc;
	if ((p = arena_calloc(ar, rows.nrows + 1, grootte)) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		van(&rows, i, p + i * grootte);
	*out = p;
	*n = rows.nrows;
	return DB_OK;
}

/* The first row of st for v, if any, copied to out. */
static enum db_err
een(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, size_t grootte, void (*van)(const struct db_rows *, size_t,
    void *), void *out, int *gevonden)
{
	enum db_err rc;
	void *r;
	size_t n;

	*gevonden = 0;
	if ((rc = rijen(db, ar, st, v, nv, grootte, van, &r, &n)) != DB_OK)
		return rc;
	if (n > 0) {
		memcpy(out, r, grootte);
		*gevonden = 1;
	}
	return DB_OK;
}

enum db_err
store_format_lijst(struct db *db, struct arena *ar, int64_t keten_id,
    int64_t na, int limit, struct format_rij **out, size_t *n)
{
	struct db_val k = db_id(keten_id);
	struct db_val v[] = { k, k, DB_INT(na), DB_INT(limit) };

	return rijen(db, ar, ST(F_LIJST), v, 4, sizeof(**out), format_van_rij,
	    (void **)out, n);
}

enum db_err
store_format_lees(struct db *db, struct arena *ar, int64_t id, int slot,
    struct format_rij *out, int *gevonden)
{
	struct db_val v = DB_INT(id);

	return een(db, ar, slot ? ST(F_SLOT) : ST(F_LEES), &v, 1, sizeof(*out),
	    format_van_rij, out, gevonden);
}

enum db_err
store_format_nieuw(struct db *db, const struct format_rec *rec, int64_t *id)
{
	struct db_val v[] = { DB_STR(rec->code), DB_STR(rec->naam),
	    DB_STR(rec->omschrijving), DB_INT(rec->keten_id) };
	uint64_t nid = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(F_NIEUW), v, 4, NULL, &nid)) == DB_OK)
		*id = (int64_t)nid;
	return rc;
}

enum db_err
store_format_wijzig(struct db *db, int64_t id, int64_t versie,
    const char *naam, const char *omschrijving, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(naam), DB_STR(omschrijving), DB_INT(id),
	    DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(F_WIJZIG), v, 4, affected, NULL);
}

enum db_err
store_formatversie_lijst(struct db *db, struct arena *ar, int64_t format_id,
    int concepten, struct formatversie_rij **out, size_t *n)
{
	struct db_val v[] = { DB_INT(format_id), DB_INT(concepten != 0) };

	return rijen(db, ar, ST(V_LIJST), v, 2, sizeof(**out),
	    formatversie_van_rij, (void **)out, n);
}

enum db_err
store_formatversie_lees(struct db *db, struct arena *ar, int64_t format_id,
    int64_t nummer, int concepten, struct formatversie_rij *out, int *gevonden)
{
	struct db_val v[] = { DB_INT(format_id), DB_INT(nummer),
	    DB_INT(concepten != 0) };

	return een(db, ar, ST(V_LEES), v, 3, sizeof(*out), formatversie_van_rij,
	    out, gevonden);
}

enum db_err
store_formatversie_nieuw(struct db *db, int64_t format_id, int64_t nummer,
    const struct formatversie_rec *rec, int64_t *id)
{
	struct db_val v[] = { DB_INT(format_id), DB_INT(nummer),
	    DB_STR(rec->eerste_periode), DB_STR(rec->eerste_dag),
	    DB_INT(rec->indientermijn_dagen), DB_STR(rec->toelichting) };
	uint64_t nid = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(V_NIEUW), v, 6, NULL, &nid)) == DB_OK)
		*id = (int64_t)nid;
	return rc;
}

enum db_err
store_formatversie_wijzig(struct db *db, int64_t id, int64_t versie,
    const struct formatversie_rec *rec, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(rec->eerste_periode),
	    DB_STR(rec->eerste_dag), DB_INT(rec->indientermijn_dagen),
	    DB_STR(rec->toelichting), DB_INT(id), DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(V_WIJZIG), v, 6, affected, NULL);
}

/* Item it of version id under section sectie_id, at volgorde. */
static enum db_err
item_nieuw(struct db *db, int64_t id, int64_t sectie_id, size_t volgorde,
    const struct format_item *it)
{
	const char *lijn = format_lijn_code(it->lijn);
	struct db_val v[] = {
		DB_INT(id), DB_INT(sectie_id), DB_INT(volgorde),
		DB_STR(format_item_soort_code(it->soort)),
		db_id(it->indicator_id), db_id(it->eis_id),
		it->vraag != NULL ? DB_STRN(it->vraag, it->vraag_len) : DB_NULL,
		DB_STR(lijn), db_id(it->vorige_indicator_id),
	};

	return db_exec(db, ST(I_NIEUW), v, 9, NULL, NULL);
}

enum db_err
store_formatversie_inhoud_zet(struct db *db, int64_t id,
    const struct format_inhoud *in)
{
	const struct format_sectie *s;
	struct db_val w = DB_INT(id);
	enum db_err rc;
	uint64_t sid;
	size_t i, j;

	/* Items first: they refer to their sections. */
	if ((rc = db_exec(db, ST(I_WEG), &w, 1, NULL, NULL)) != DB_OK ||
	    (rc = db_exec(db, ST(S_WEG), &w, 1, NULL, NULL)) != DB_OK)
		return rc;
	for (i = 0; i < in->nsecties; i++) {
		s = &in->secties[i];
		{
			struct db_val v[] = { DB_INT(id), DB_INT(i + 1),
			    DB_STRN(s->titel, s->titel_len) };

			sid = 0;
			if ((rc = db_exec(db, ST(S_NIEUW), v, 3, NULL, &sid)) !=
			    DB_OK)
				return rc;
		}
		for (j = 0; j < s->nitems; j++)
			if ((rc = item_nieuw(db, id, (int64_t)sid, j + 1,
			    &in->items[s->eerste + j])) != DB_OK)
				return rc;
	}
	return DB_OK;
}

enum db_err
store_formatversie_items(struct db *db, struct arena *ar, int64_t id,
    struct format_item_rij **out, size_t *n)
{
	struct db_val v = DB_INT(id);

	return rijen(db, ar, ST(I_LIJST), &v, 1, sizeof(**out), item_van_rij,
	    (void **)out, n);
}

enum db_err
store_formatversie_status(struct db *db, int64_t id, const char *van,
    const char *naar, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(naar), DB_STR(naar), DB_INT(id),
	    DB_STR(van) };

	*affected = 0;
	return db_exec(db, ST(V_STATUS), v, 4, affected, NULL);
}

enum db_err
store_formatversie_publiceer(struct db *db, int64_t id, const char *van,
    int64_t door, int midden, const char *reden, uint64_t *affected)
{
	struct db_val v[] = { DB_INT(door), DB_INT(midden != 0), DB_STR(reden),
	    DB_INT(id), DB_STR(van) };

	*affected = 0;
	return db_exec(db, ST(V_PUBLICEER), v, 5, affected, NULL);
}

enum db_err
store_formatversie_consultatie_zet(struct db *db, int64_t id, const char *ids)
{
	struct db_val v[] = { DB_INT(id), DB_STR(ids), DB_STR(ids) };

	return db_exec(db, ST(C_ZET), v, 3, NULL, NULL);
}

static void
org_van_rij(const struct db_rows *rows, size_t i, void *uit)
{
	struct format_org_rij *o = uit;

	o->id = cel_id(rows, i, 0);
	o->code = DB_CELL(rows, i, 1);
	o->naam = DB_CELL(rows, i, 2);
}

enum db_err
store_formatversie_consultatie_lijst(struct db *db, struct arena *ar,
    int64_t id, struct format_org_rij **out, size_t *n)
{
	struct db_val v = DB_INT(id);

	return rijen(db, ar, ST(C_LIJST), &v, 1, sizeof(**out), org_van_rij,
	    (void **)out, n);
}

/* The integer cells of the one row of st for v into out[0..k). */
static enum db_err
getallen(struct db *db, struct arena *ar, stmt_id st, const struct db_val *v,
    size_t nv, int64_t *out, size_t k)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	for (i = 0; i < k; i++)
		out[i] = 0;
	if ((rc = db_query(db, ar, st, v, nv, 1, &rows)) != DB_OK)
		return rc;
	for (i = 0; i < k && rows.nrows == 1; i++)
		out[i] = db_cell_int(DB_CELL(&rows, 0, i), 0);
	return DB_OK;
}

enum db_err
store_format_wijkteamorganisaties_tel(struct db *db, struct arena *ar,
    const char *ids, int64_t *n)
{
	struct db_val v = DB_STR(ids);

	return getallen(db, ar, ST(C_WIJKTEAMORG), &v, 1, n, 1);
}

enum db_err
store_formatversie_geraadpleegd(struct db *db, struct arena *ar, int64_t id,
    const char *orgs, const char *wijkteams, int64_t *organisatie_id)
{
	struct db_val v[] = { DB_INT(id), DB_STR(orgs), DB_STR(wijkteams) };

	return getallen(db, ar, ST(C_GERAADPLEEGD), v, 3, organisatie_id, 1);
}

enum db_err
store_format_refs(struct db *db, struct arena *ar, const char *indicator_ids,
    const char *eis_ids, int64_t *nindicatoren, int64_t *neisen)
{
	struct db_val v[] = { DB_STR(indicator_ids), DB_STR(eis_ids) };
	int64_t n[2];
	enum db_err rc;

	rc = getallen(db, ar, ST(REFS), v, 2, n, 2);
	*nindicatoren = n[0];
	*neisen = n[1];
	return rc;
}

enum db_err
store_format_reactie_lijst(struct db *db, struct arena *ar,
    int64_t formatversie_id, const char *orgs, const char *wijkteams,
    struct format_reactie_rij **out, size_t *n)
{
	struct db_val v[] = { DB_INT(formatversie_id), DB_STR(orgs),
	    DB_STR(orgs != NULL ? orgs : ""),
	    DB_STR(wijkteams != NULL ? wijkteams : "") };

	return rijen(db, ar, ST(R_LIJST), v, 4, sizeof(**out), reactie_van_rij,
	    (void **)out, n);
}

enum db_err
store_format_reactie_lees(struct db *db, struct arena *ar,
    int64_t formatversie_id, int64_t id, struct format_reactie_rij *out,
    int *gevonden)
{
	struct db_val v[] = { DB_INT(formatversie_id), DB_INT(id) };

	return een(db, ar, ST(R_LEES), v, 2, sizeof(*out), reactie_van_rij, out,
	    gevonden);
}

enum db_err
store_format_reactie_nieuw(struct db *db, const struct format_reactie_rec *rec,
    int64_t *id)
{
	struct db_val v[] = { DB_INT(rec->formatversie_id), db_id(rec->item_id),
	    DB_STR(rec->onderwerp), DB_INT(rec->organisatie_id),
	    DB_INT(rec->gebruiker_id), DB_STR(rec->oordeel),
	    DB_STR(rec->opmerking) };
	uint64_t nid = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(R_NIEUW), v, 7, NULL, &nid)) == DB_OK)
		*id = (int64_t)nid;
	return rc;
}

enum db_err
store_format_reactie_antwoord(struct db *db, int64_t id, int64_t versie,
    const char *antwoord, int64_t door, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(antwoord), DB_INT(door), DB_INT(id),
	    DB_INT(versie) };

	*affected = 0;
	return db_exec(db, ST(R_ANTWOORD), v, 4, affected, NULL);
}
