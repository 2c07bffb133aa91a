/*
 * import.c — the SQL of imports; see import.h.
 *
 * Every statement on import takes the organisatie (scope in SQL). The file
 * travels in IMPORT_BLOK blocks; nothing here reads more than one block.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"

#include "store/import.h"
#include "store/registratie.h"
#include "store/statements.h"

enum {
	S_NIEUW, S_BLOK, S_KLAAR, S_LEES, S_LIJST, S_BLOK_LEES, S_CONTROLE,
	S_INGELEZEN, S_BLOK_WEG, S_AL_INGELEZEN, S_MAP_LEES, S_MAP_ZET,
	S_MAP_WIJZIG, S_KENMERK, S_BSN, S_WIJKEN, S_WIJKTEAMS, S_THEMAS,
	S_OPDRACHTEN, S_AUDIT_INW, S_TRJ_BATCH, S_TRJ_IDS, S_GEB_BATCH,
	S_GEB_IDS, S_TOEGANG_ORG, S_TOEGANG_PARTIJ, S_AUDIT_BATCH,
};
/* A batch travels as one JSON array parameter, read with JSON_TABLE: one
 * statement for hundreds of rows, and the SQL stays constant text. */
#define JT_IDS \
	" JSON_TABLE(?, '$[*]' COLUMNS (inw BIGINT UNSIGNED PATH '$')) j"
#define ST(n)	STMT_ID(MOD_IMPORT, n)

#define IMPORT_COLS \
	"SELECT id, versie, bestandsnaam, sha256, grootte, rijen"

static const struct stmt_def defs[] = {
	{ ST(S_NIEUW), "import_nieuw",
	  "INSERT INTO import (organisatie_id, gebruiker_id, bestandsnaam,"
	  " sha256, grootte, rijen, kolommen, status)"
	  " VALUES (?, ?, ?, '', 0, 0, '[]', 'geupload')", 3, 0, NULL },
	{ ST(S_BLOK), "import_blok",
	  "INSERT INTO import_blok (import_id, nr, data) VALUES (?, ?, ?)", 3, 0, NULL },
	{ ST(S_KLAAR), "import_klaar",
	  "UPDATE import SET sha256 = ?, grootte = ?, rijen = ?, kolommen = ?"
	  " WHERE id = ?", 5, 0, NULL },
	{ ST(S_LEES), "import_lees",
	  IMPORT_COLS ", kolommen, mapping, status, resultaat, aangemaakt,"
	  " ingelezen_op, gebruiker_id FROM import"
	  " WHERE id = ? AND organisatie_id = ?", 2, IMP__NCOLS, "iittiittttmmi" },
	{ ST(S_LIJST), "import_lijst",
	  IMPORT_COLS ", NULL, NULL, status, NULL, aangemaakt, ingelezen_op,"
	  " gebruiker_id FROM import WHERE organisatie_id = ?"
	  " AND (? IS NULL OR id < ?) ORDER BY id DESC LIMIT ?", 4, IMP__NCOLS, "iittiinntnmmi" },
	{ ST(S_BLOK_LEES), "import_blok_lees",
	  "SELECT data FROM import_blok WHERE import_id = ? AND nr = ?", 2, 1, "t" },
	{ ST(S_CONTROLE), "import_controle",
	  "UPDATE import SET mapping = ?, resultaat = ?, status = ?,"
	  " versie = versie + 1 WHERE id = ? AND organisatie_id = ?"
	  " AND status <> 'ingelezen'", 5, 0, NULL },
	{ ST(S_INGELEZEN), "import_ingelezen",
	  "UPDATE import SET status = 'ingelezen', resultaat = ?,"
	  " ingelezen_sha256 = sha256, ingelezen_op = NOW(), versie = versie + 1"
	  " WHERE id = ? AND status <> 'ingelezen'", 2, 0, NULL },
	{ ST(S_BLOK_WEG), "import_blokken_weg",
	  "DELETE FROM import_blok WHERE import_id = ?", 1, 0, NULL },
	{ ST(S_AL_INGELEZEN), "import_al_ingelezen",
	  "SELECT id FROM import WHERE organisatie_id = ?"
	  " AND ingelezen_sha256 = ?", 2, 1, "i" },
	{ ST(S_MAP_LEES), "import_mapping_lees",
	  "SELECT mapping, versie FROM import_mapping WHERE organisatie_id = ?",
	  1, 2, "ti" },
	{ ST(S_MAP_ZET), "import_mapping_zet",
	  "INSERT INTO import_mapping (organisatie_id, mapping) VALUES (?, ?)"
	  " ON DUPLICATE KEY UPDATE mapping = VALUES(mapping),"
	  " versie = versie + 1, gewijzigd = NOW()", 2, 0, NULL },
	{ ST(S_MAP_WIJZIG), "import_mapping_wijzig",
	  "UPDATE import_mapping SET mapping = ?, versie = versie + 1,"
	  " gewijzigd = NOW() WHERE organisatie_id = ? AND versie = ?", 3, 0, NULL },
	{ ST(S_KENMERK), "import_kenmerk",
	  "SELECT id FROM inwoner WHERE organisatie_id = ?"
	  " AND extern_kenmerk = ?", 2, 1, "i" },
	{ ST(S_BSN), "import_bsn",
	  "SELECT id FROM inwoner WHERE organisatie_id = ? AND bsn_hash = ?",
	  2, 1, "i" },
	{ ST(S_WIJKEN), "import_wijken",
	  "SELECT code, naam, id, 0 FROM wijk ORDER BY id", 0, 4, "ttii" },
	{ ST(S_WIJKTEAMS), "import_wijkteams",
	  "SELECT w.code, w.naam, w.id, COALESCE((SELECT wo.organisatie_id"
	  " FROM wijkteam_organisatie wo WHERE wo.wijkteam_id = w.id"
	  " AND wo.geldig_van <= CURDATE() AND (wo.geldig_tot IS NULL"
	  " OR wo.geldig_tot >= CURDATE()) ORDER BY wo.geldig_van DESC LIMIT 1),"
	  " 0) FROM wijkteam w ORDER BY w.id", 0, 4, "ttig" },
	{ ST(S_THEMAS), "import_themas",
	  "SELECT code, naam, id, 0 FROM thema ORDER BY id", 0, 4, "ttii" },
	{ ST(S_OPDRACHTEN), "import_opdrachten",
	  "SELECT code, naam, id, 0 FROM opdracht ORDER BY id", 0, 4, "ttii" },
	{ ST(S_AUDIT_INW), "import_audit_inwoner",
	  "INSERT INTO audit (gebruiker_id, token_id, actie, object_soort,"
	  " object_id, inwoner_id, doel, route, resultaat, adres, toelichting)"
	  " VALUES (?, ?, 'aanmaken', 'inwoner', ?, ?, 'import', ?, 'gelukt',"
	  " ?, ?)", 7, 0, NULL },
	/* Only where the organisatie ran the wijkteam on the start date, as
	 * store_traject_nieuw: a row that is not written is a row error. */
	{ ST(S_TRJ_BATCH), "import_trajecten",
	  "INSERT INTO traject (inwoner_id, soort, thema_id, opdracht_id,"
	  " wijkteam_id, organisatie_id, startdatum, einddatum)"
	  " SELECT j.inw, j.soort, j.thema, j.opdracht, wo.wijkteam_id,"
	  " wo.organisatie_id, j.start, j.eind FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$[0]', soort VARCHAR(40) PATH '$[1]',"
	  " thema BIGINT UNSIGNED PATH '$[2]', opdracht BIGINT UNSIGNED PATH '$[3]',"
	  " wt BIGINT UNSIGNED PATH '$[4]', start DATE PATH '$[5]',"
	  " eind DATE PATH '$[6]')) j"
	  " JOIN wijkteam_organisatie wo ON wo.wijkteam_id = j.wt"
	  " AND wo.geldig_van <= j.start AND (wo.geldig_tot IS NULL"
	  " OR wo.geldig_tot >= j.start) AND wo.organisatie_id = ?", 2, 0, NULL },
	{ ST(S_TRJ_IDS), "import_traject_ids",
	  "SELECT t.inwoner_id, t.id FROM" JT_IDS
	  " JOIN traject t ON t.inwoner_id = j.inw", 1, 2, "ii" },
	{ ST(S_GEB_BATCH), "import_gebeurtenissen",
	  "INSERT INTO gebeurtenis (inwoner_id, traject_id, type, datum, gegevens,"
	  " vervalt_id, partij, organisatie_id, gebruiker_id)"
	  " SELECT j.inw, j.trj, j.type, j.datum, j.gegevens, NULL, 'wijkteam',"
	  " ?, ? FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$[0]', trj BIGINT UNSIGNED PATH '$[1]',"
	  " type VARCHAR(40) PATH '$[2]', datum DATE PATH '$[3]',"
	  " gegevens LONGTEXT PATH '$[4]')) j", 3, 0, NULL },
	{ ST(S_GEB_IDS), "import_gebeurtenis_ids",
	  "SELECT g.inwoner_id, g.id FROM" JT_IDS
	  " JOIN gebeurtenis g ON g.inwoner_id = j.inw", 1, 2, "ii" },
	{ ST(S_TOEGANG_ORG), "import_toegang_org",
	  "INSERT IGNORE INTO inwoner_toegang (organisatie_id, inwoner_id)"
	  " SELECT ?, j.inw FROM" JT_IDS, 2, 0, NULL },
	{ ST(S_TOEGANG_PARTIJ), "import_toegang_partij",
	  "INSERT IGNORE INTO inwoner_toegang (organisatie_id, inwoner_id)"
	  " SELECT o.id, j.inw FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$[0]', zb VARCHAR(64) PATH '$[1]')) j"
	  " JOIN organisatie o ON o.keten_partij IS NOT NULL"
	  " AND FIND_IN_SET(o.keten_partij, j.zb)", 1, 0, NULL },
	{ ST(S_AUDIT_BATCH), "import_audit_inwoners",
	  "INSERT INTO audit (gebruiker_id, token_id, actie, object_soort,"
	  " object_id, inwoner_id, doel, route, resultaat, adres, toelichting)"
	  " SELECT ?, ?, 'aanmaken', 'inwoner', j.inw, j.inw, 'import', ?,"
	  " 'gelukt', ?, ? FROM" JT_IDS, 6, 0, NULL },
};
const struct stmt_table import_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

enum db_err
store_import_nieuw(struct db *db, int64_t org, int64_t gebruiker_id,
    const char *bestandsnaam, int64_t *id)
{
	struct db_val v[] = { DB_INT(org), DB_INT(gebruiker_id),
	    DB_STR(bestandsnaam) };
	uint64_t nid = 0;
	enum db_err rc;

	rc = db_exec(db, ST(S_NIEUW), v, 3, NULL, &nid);
	*id = (int64_t)nid;
	return rc;
}

enum db_err
store_import_blok(struct db *db, int64_t id, int64_t nr, const char *data,
    size_t len)
{
	struct db_val v[] = { DB_INT(id), DB_INT(nr), DB_STRN(data, len) };

	return db_exec(db, ST(S_BLOK), v, 3, NULL, NULL);
}

enum db_err
store_import_klaar(struct db *db, int64_t id, const char *sha256,
    int64_t grootte, int64_t rijen, const char *kolommen)
{
	struct db_val v[] = { DB_STR(sha256), DB_INT(grootte), DB_INT(rijen),
	    DB_STR(kolommen), DB_INT(id) };

	return db_exec(db, ST(S_KLAAR), v, 5, NULL, NULL);
}

/* Row i of rows (enum import_col) as a typed row. */
static void
import_rij(const struct db_rows *rows, size_t i, struct import_rij *o)
{
	o->id = db_cell_int(DB_CELL(rows, i, IMP_ID), 0);
	o->versie = db_cell_int(DB_CELL(rows, i, IMP_VERSIE), 1);
	o->bestandsnaam = DB_CELL(rows, i, IMP_BESTANDSNAAM);
	o->sha256 = DB_CELL(rows, i, IMP_SHA256);
	o->grootte = db_cell_int(DB_CELL(rows, i, IMP_GROOTTE), 0);
	o->rijen = db_cell_int(DB_CELL(rows, i, IMP_RIJEN), 0);
	o->kolommen = DB_CELL(rows, i, IMP_KOLOMMEN);
	o->mapping = DB_CELL(rows, i, IMP_MAPPING);
	o->status = DB_CELL(rows, i, IMP_STATUS);
	o->resultaat = DB_CELL(rows, i, IMP_RESULTAAT);
	o->aangemaakt = DB_CELL(rows, i, IMP_AANGEMAAKT);
	o->ingelezen_op = DB_CELL(rows, i, IMP_INGELEZEN_OP);
	o->gebruiker_id = db_cell_int(DB_CELL(rows, i, IMP_GEBRUIKER_ID), 0);
}

enum db_err
store_import_lees(struct db *db, struct arena *ar, int64_t org, int64_t id,
    struct import_rij *out)
{
	struct db_val v[] = { DB_INT(id), DB_INT(org) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, ST(S_LEES), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0)
		import_rij(&rows, 0, out);
	return DB_OK;
}

enum db_err
store_import_lijst(struct db *db, struct arena *ar, int64_t org,
    int64_t voor_id, int limit, struct import_rij **out, size_t *n)
{
	struct db_val voor = db_id(voor_id);
	struct db_val v[] = { DB_INT(org), voor, voor, DB_INT(limit) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_LIJST), v, 4, 0, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		import_rij(&rows, i, &(*out)[i]);
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_import_blok_lees(struct db *db, struct arena *ar, int64_t id,
    int64_t nr, const char **blok)
{
	struct db_val v[] = { DB_INT(id), DB_INT(nr) };
	struct db_rows rows;
	enum db_err rc;

	*blok = NULL;
	if ((rc = db_query(db, ar, ST(S_BLOK_LEES), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0)
		*blok = DB_CELL(&rows, 0, 0) ? DB_CELL(&rows, 0, 0) : "";
	return DB_OK;
}

enum db_err
store_import_controle(struct db *db, int64_t org, int64_t id,
    const char *mapping, const char *resultaat, const char *status)
{
	struct db_val v[] = { DB_STR(mapping), DB_STR(resultaat), DB_STR(status),
	    DB_INT(id), DB_INT(org) };

	return db_exec(db, ST(S_CONTROLE), v, 5, NULL, NULL);
}

enum db_err
store_import_ingelezen(struct db *db, int64_t id, const char *resultaat,
    uint64_t *affected)
{
	struct db_val v[] = { DB_STR(resultaat), DB_INT(id) };

	return db_exec(db, ST(S_INGELEZEN), v, 2, affected, NULL);
}

enum db_err
store_import_blokken_weg(struct db *db, int64_t id)
{
	struct db_val v = DB_INT(id);

	return db_exec(db, ST(S_BLOK_WEG), &v, 1, NULL, NULL);
}

enum db_err
store_import_al_ingelezen(struct db *db, struct arena *ar, int64_t org,
    const char *sha256, int64_t *id)
{
	struct db_val v[] = { DB_INT(org), DB_STR(sha256) };
	struct db_rows rows;
	enum db_err rc;

	*id = 0;
	if ((rc = db_query(db, ar, ST(S_AL_INGELEZEN), v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0)
		*id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
	return DB_OK;
}

enum db_err
store_import_mapping_lees(struct db *db, struct arena *ar, int64_t org,
    const char **mapping, int64_t *versie)
{
	struct db_val v = DB_INT(org);
	struct db_rows rows;
	enum db_err rc;

	*mapping = NULL;
	*versie = 0;
	if ((rc = db_query(db, ar, ST(S_MAP_LEES), &v, 1, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0) {
		*mapping = DB_CELL(&rows, 0, 0);
		*versie = db_cell_int(DB_CELL(&rows, 0, 1), 1);
	}
	return DB_OK;
}

enum db_err
store_import_mapping_zet(struct db *db, int64_t org, const char *mapping,
    int64_t versie, uint64_t *affected)
{
	struct db_val v[] = { DB_STR(mapping), DB_INT(org), DB_INT(versie) };
	struct db_val z[] = { DB_INT(org), DB_STR(mapping) };

	if (versie > 0)
		return db_exec(db, ST(S_MAP_WIJZIG), v, 3, affected, NULL);
	return db_exec(db, ST(S_MAP_ZET), z, 2, affected, NULL);
}

static enum db_err
find_id(struct db *db, struct arena *ar, stmt_id st, int64_t org,
    const char *key, int64_t *id)
{
	struct db_val v[] = { DB_INT(org), DB_STR(key) };
	struct db_rows rows;
	enum db_err rc;

	*id = 0;
	if ((rc = db_query(db, ar, st, v, 2, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0)
		*id = db_cell_int(DB_CELL(&rows, 0, 0), 0);
	return DB_OK;
}

enum db_err
store_import_kenmerk(struct db *db, struct arena *ar, int64_t org,
    const char *kenmerk, int64_t *id)
{
	return find_id(db, ar, ST(S_KENMERK), org, kenmerk, id);
}

enum db_err
store_import_bsn(struct db *db, struct arena *ar, int64_t org,
    const char *bsn_hash, int64_t *id)
{
	return find_id(db, ar, ST(S_BSN), org, bsn_hash, id);
}

enum db_err
store_import_refs(struct db *db, struct arena *ar, enum import_ref soort,
    const struct im_ref **out, size_t *n)
{
	static const stmt_id st[] = { ST(S_WIJKEN), ST(S_WIJKTEAMS),
	    ST(S_THEMAS), ST(S_OPDRACHTEN) };
	struct db_rows rows;
	struct im_ref *t;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, st[soort], NULL, 0, 0, &rows)) != DB_OK)
		return rc;
	if ((t = arena_calloc(ar, rows.nrows + 1, sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		t[i].code = DB_CELL(&rows, i, 0);
		t[i].naam = DB_CELL(&rows, i, 1);
		t[i].id = db_cell_int(DB_CELL(&rows, i, 2), 0);
		t[i].org = db_cell_int(DB_CELL(&rows, i, 3), 0);
	}
	*out = t;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_import_audit_inwoner(struct db *db, const struct import_audit *a,
    int64_t inwoner_id)
{
	struct db_val v[] = {
		db_id(a->gebruiker_id), db_id(a->token_id), DB_INT(inwoner_id),
		DB_INT(inwoner_id), DB_STR(a->route ? a->route : ""),
		DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""),
	};

	return db_exec(db, ST(S_AUDIT_INW), v, 7, NULL, NULL);
}

enum db_err
store_import_trajecten(struct db *db, int64_t org, const char *json,
    uint64_t *affected)
{
	struct db_val v[] = { DB_STR(json), DB_INT(org) };

	return db_exec(db, ST(S_TRJ_BATCH), v, 2, affected, NULL);
}

enum db_err
store_import_ids(struct db *db, struct arena *ar, int gebeurtenissen,
    const char *ids, struct import_paar **out, size_t *n)
{
	struct db_val v = DB_STR(ids);
	struct db_rows rows;
	struct import_paar *p;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, gebeurtenissen ? ST(S_GEB_IDS) :
	    ST(S_TRJ_IDS), &v, 1, 0, &rows)) != DB_OK)
		return rc;
	if ((p = arena_calloc(ar, rows.nrows + 1, sizeof(*p))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		p[i].inw = db_cell_int(DB_CELL(&rows, i, 0), 0);
		p[i].id = db_cell_int(DB_CELL(&rows, i, 1), 0);
	}
	*out = p;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_import_gebeurtenissen(struct db *db, int64_t org, int64_t gebruiker_id,
    const char *json)
{
	struct db_val v[] = { DB_INT(org), DB_INT(gebruiker_id), DB_STR(json) };

	return db_exec(db, ST(S_GEB_BATCH), v, 3, NULL, NULL);
}

enum db_err
store_import_toegang(struct db *db, int64_t org, const char *ids,
    const char *partijen)
{
	struct db_val v[] = { DB_INT(org), DB_STR(ids) };
	struct db_val p = DB_STR(partijen);
	enum db_err rc;

	if ((rc = db_exec(db, ST(S_TOEGANG_ORG), v, 2, NULL, NULL)) != DB_OK)
		return rc;
	if (partijen == NULL)
		return DB_OK;
	return db_exec(db, ST(S_TOEGANG_PARTIJ), &p, 1, NULL, NULL);
}

enum db_err
store_import_audit_inwoners(struct db *db, const struct import_audit *a,
    const char *ids)
{
	struct db_val v[] = {
		db_id(a->gebruiker_id), db_id(a->token_id),
		DB_STR(a->route ? a->route : ""), DB_STR(a->adres ? a->adres : ""),
		DB_STR(a->toelichting ? a->toelichting : ""), DB_STR(ids),
	};

	return db_exec(db, ST(S_AUDIT_BATCH), v, 6, NULL, NULL);
}
