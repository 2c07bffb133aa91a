/*
 * structuur.c — SQL of the structural records; see structuur.h.
 *
 * Every statement is constant text; the kind of record picks a statement
 * by id, never a table name by string. Nothing here deletes: ending is an
 * UPDATE of geldig_tot.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "store/structuur.h"

#define S(s, k)	STMT_STRUCTUUR_SOORT(s, k)
enum { LIJST, LEES, NIEUW, WIJZIG };

/* The current organisatie of a wijkteam and its current wijken: the open
 * links (a new wijkteam row has none yet). */
#define WIJKTEAM_KOLOMMEN \
	"w.id, w.versie, w.code, w.naam, w.geldig_van, w.geldig_tot," \
	" (SELECT wo.organisatie_id FROM wijkteam_organisatie wo" \
	"  WHERE wo.wijkteam_id = w.id AND wo.geldig_tot IS NULL" \
	"  ORDER BY wo.geldig_van DESC, wo.id DESC LIMIT 1)," \
	" (SELECT GROUP_CONCAT(ww.wijk_id ORDER BY ww.wijk_id)" \
	"  FROM wijkteam_wijk ww WHERE ww.wijkteam_id = w.id" \
	"  AND ww.geldig_tot IS NULL)" \
	" FROM wijkteam w"

static const struct stmt_def defs[] = {
	/* organisatie */
	{ S(SOORT_ORGANISATIE, LIJST), "organisatie_lijst",
	  "SELECT id, versie, code, naam, soort, keten_partij, geldig_van,"
	  " geldig_tot FROM organisatie WHERE id > ? ORDER BY id LIMIT ?", 2, 8, "iittttdd" },
	{ S(SOORT_ORGANISATIE, LEES), "organisatie_lees",
	  "SELECT id, versie, code, naam, soort, keten_partij, geldig_van,"
	  " geldig_tot FROM organisatie WHERE id = ?", 1, 8, "iittttdd" },
	{ S(SOORT_ORGANISATIE, NIEUW), "organisatie_nieuw",
	  "INSERT INTO organisatie (code, naam, soort, keten_partij, geldig_van,"
	  " geldig_tot) VALUES (?, ?, ?, ?, ?, ?)", 6, 0, NULL },
	{ S(SOORT_ORGANISATIE, WIJZIG), "organisatie_wijzig",
	  "UPDATE organisatie SET code = ?, naam = ?, soort = ?, keten_partij = ?,"
	  " geldig_van = ?, geldig_tot = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 8, 0, NULL },
	/* wijk */
	{ S(SOORT_WIJK, LIJST), "wijk_lijst",
	  "SELECT id, versie, code, naam, geldig_van, geldig_tot"
	  " FROM wijk WHERE id > ? ORDER BY id LIMIT ?", 2, 6, "iittdd" },
	{ S(SOORT_WIJK, LEES), "wijk_lees",
	  "SELECT id, versie, code, naam, geldig_van, geldig_tot"
	  " FROM wijk WHERE id = ?", 1, 6, "iittdd" },
	{ S(SOORT_WIJK, NIEUW), "wijk_nieuw",
	  "INSERT INTO wijk (code, naam, geldig_van, geldig_tot)"
	  " VALUES (?, ?, ?, ?)", 4, 0, NULL },
	{ S(SOORT_WIJK, WIJZIG), "wijk_wijzig",
	  "UPDATE wijk SET code = ?, naam = ?, geldig_van = ?, geldig_tot = ?,"
	  " versie = versie + 1 WHERE id = ? AND versie = ?", 6, 0, NULL },
	/* wijkteam */
	{ S(SOORT_WIJKTEAM, LIJST), "wijkteam_lijst",
	  "SELECT " WIJKTEAM_KOLOMMEN " WHERE w.id > ? ORDER BY w.id LIMIT ?", 2, 8, "iittddit" },
	{ S(SOORT_WIJKTEAM, LEES), "wijkteam_lees",
	  "SELECT " WIJKTEAM_KOLOMMEN " WHERE w.id = ?", 1, 8, "iittddit" },
	{ S(SOORT_WIJKTEAM, NIEUW), "wijkteam_nieuw",
	  "INSERT INTO wijkteam (code, naam, geldig_van, geldig_tot)"
	  " VALUES (?, ?, ?, ?)", 4, 0, NULL },
	{ S(SOORT_WIJKTEAM, WIJZIG), "wijkteam_wijzig",
	  "UPDATE wijkteam SET code = ?, naam = ?, geldig_van = ?, geldig_tot = ?,"
	  " versie = versie + 1 WHERE id = ? AND versie = ?", 6, 0, NULL },
	/* keten */
	{ S(SOORT_KETEN, LIJST), "keten_lijst",
	  "SELECT id, versie, code, naam, opgave, geldig_van, geldig_tot"
	  " FROM keten WHERE id > ? ORDER BY id LIMIT ?", 2, 7, "iitttdd" },
	{ S(SOORT_KETEN, LEES), "keten_lees",
	  "SELECT id, versie, code, naam, opgave, geldig_van, geldig_tot"
	  " FROM keten WHERE id = ?", 1, 7, "iitttdd" },
	{ S(SOORT_KETEN, NIEUW), "keten_nieuw",
	  "INSERT INTO keten (code, naam, opgave, geldig_van, geldig_tot)"
	  " VALUES (?, ?, ?, ?, ?)", 5, 0, NULL },
	{ S(SOORT_KETEN, WIJZIG), "keten_wijzig",
	  "UPDATE keten SET code = ?, naam = ?, opgave = ?, geldig_van = ?,"
	  " geldig_tot = ?, versie = versie + 1 WHERE id = ? AND versie = ?", 7, 0, NULL },
	/* thema */
	{ S(SOORT_THEMA, LIJST), "thema_lijst",
	  "SELECT id, versie, code, naam, keten_id, geldig_van, geldig_tot"
	  " FROM thema WHERE id > ? ORDER BY id LIMIT ?", 2, 7, "iittidd" },
	{ S(SOORT_THEMA, LEES), "thema_lees",
	  "SELECT id, versie, code, naam, keten_id, geldig_van, geldig_tot"
	  " FROM thema WHERE id = ?", 1, 7, "iittidd" },
	{ S(SOORT_THEMA, NIEUW), "thema_nieuw",
	  "INSERT INTO thema (code, naam, keten_id, geldig_van, geldig_tot)"
	  " VALUES (?, ?, ?, ?, ?)", 5, 0, NULL },
	{ S(SOORT_THEMA, WIJZIG), "thema_wijzig",
	  "UPDATE thema SET code = ?, naam = ?, keten_id = ?, geldig_van = ?,"
	  " geldig_tot = ?, versie = versie + 1 WHERE id = ? AND versie = ?", 7, 0, NULL },
	/* opdracht */
	{ S(SOORT_OPDRACHT, LIJST), "opdracht_lijst",
	  "SELECT id, versie, code, naam, soort, keten_id, financiering, geldig_van,"
	  " geldig_tot FROM opdracht WHERE id > ? ORDER BY id LIMIT ?", 2, 9, "iitttitdd" },
	{ S(SOORT_OPDRACHT, LEES), "opdracht_lees",
	  "SELECT id, versie, code, naam, soort, keten_id, financiering, geldig_van,"
	  " geldig_tot FROM opdracht WHERE id = ?", 1, 9, "iitttitdd" },
	{ S(SOORT_OPDRACHT, NIEUW), "opdracht_nieuw",
	  "INSERT INTO opdracht (code, naam, soort, keten_id, financiering,"
	  " geldig_van, geldig_tot) VALUES (?, ?, ?, ?, ?, ?, ?)", 7, 0, NULL },
	{ S(SOORT_OPDRACHT, WIJZIG), "opdracht_wijzig",
	  "UPDATE opdracht SET code = ?, naam = ?, soort = ?, keten_id = ?,"
	  " financiering = ?, geldig_van = ?, geldig_tot = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 9, 0, NULL },
	/* eis */
	{ S(SOORT_EIS, LIJST), "eis_lijst",
	  "SELECT id, versie, opdracht_id, code, omschrijving, bron, geldig_van,"
	  " geldig_tot FROM eis WHERE id > ? ORDER BY id LIMIT ?", 2, 8, "iiitttdd" },
	{ S(SOORT_EIS, LEES), "eis_lees",
	  "SELECT id, versie, opdracht_id, code, omschrijving, bron, geldig_van,"
	  " geldig_tot FROM eis WHERE id = ?", 1, 8, "iiitttdd" },
	{ S(SOORT_EIS, NIEUW), "eis_nieuw",
	  "INSERT INTO eis (opdracht_id, code, omschrijving, bron, geldig_van,"
	  " geldig_tot) VALUES (?, ?, ?, ?, ?, ?)", 6, 0, NULL },
	{ S(SOORT_EIS, WIJZIG), "eis_wijzig",
	  "UPDATE eis SET opdracht_id = ?, code = ?, omschrijving = ?, bron = ?,"
	  " geldig_van = ?, geldig_tot = ?, versie = versie + 1"
	  " WHERE id = ? AND versie = ?", 8, 0, NULL },

	{ STMT_STRUCTUUR_TELLINGEN, "structuur_tellingen",
	  "SELECT (SELECT COUNT(*) FROM organisatie), (SELECT COUNT(*) FROM wijk),"
	  " (SELECT COUNT(*) FROM wijkteam), (SELECT COUNT(*) FROM keten),"
	  " (SELECT COUNT(*) FROM thema), (SELECT COUNT(*) FROM opdracht),"
	  " (SELECT COUNT(*) FROM eis), (SELECT COUNT(*) FROM gebruiker)", 0, 8, "iiiiiiii" },

	/* Options for <select>s, in the order of enum structuur_ref. */
	{ STMT_STRUCTUUR_OPTIES(REF_ORGANISATIE), "organisatie_opties",
	  "SELECT id, code, naam, geldig_tot < CURDATE() FROM organisatie"
	  " ORDER BY naam, id", 0, 4, "itti" },
	{ STMT_STRUCTUUR_OPTIES(REF_WIJKTEAMORGANISATIE), "wijkteamorganisatie_opties",
	  "SELECT id, code, naam, geldig_tot < CURDATE() FROM organisatie"
	  " WHERE soort = 'wijkteamorganisatie' ORDER BY naam, id", 0, 4, "itti" },
	{ STMT_STRUCTUUR_OPTIES(REF_WIJK), "wijk_opties",
	  "SELECT id, code, naam, geldig_tot < CURDATE() FROM wijk"
	  " ORDER BY naam, id", 0, 4, "itti" },
	{ STMT_STRUCTUUR_OPTIES(REF_KETEN), "keten_opties",
	  "SELECT id, code, naam, geldig_tot < CURDATE() FROM keten"
	  " ORDER BY naam, id", 0, 4, "itti" },
	{ STMT_STRUCTUUR_OPTIES(REF_OPDRACHT), "opdracht_opties",
	  "SELECT id, code, naam, geldig_tot < CURDATE() FROM opdracht"
	  " ORDER BY naam, id", 0, 4, "itti" },

	/* Existence of a reference, in the same order. */
	{ STMT_STRUCTUUR_BESTAAT(REF_ORGANISATIE), "organisatie_bestaat",
	  "SELECT COUNT(*) FROM organisatie WHERE id = ?", 1, 1, "i" },
	{ STMT_STRUCTUUR_BESTAAT(REF_WIJKTEAMORGANISATIE), "wijkteamorganisatie_bestaat",
	  "SELECT COUNT(*) FROM organisatie WHERE id = ?"
	  " AND soort = 'wijkteamorganisatie'", 1, 1, "i" },
	{ STMT_STRUCTUUR_BESTAAT(REF_WIJK), "wijk_bestaat",
	  "SELECT COUNT(*) FROM wijk WHERE id = ?", 1, 1, "i" },
	{ STMT_STRUCTUUR_BESTAAT(REF_KETEN), "keten_bestaat",
	  "SELECT COUNT(*) FROM keten WHERE id = ?", 1, 1, "i" },
	{ STMT_STRUCTUUR_BESTAAT(REF_OPDRACHT), "opdracht_bestaat",
	  "SELECT COUNT(*) FROM opdracht WHERE id = ?", 1, 1, "i" },

	/* A wijkteam's links. "Open" links have no end date yet. */
	{ STMT_WIJKTEAM_ORG_OPEN, "wijkteam_org_open",
	  "SELECT organisatie_id, geldig_van FROM wijkteam_organisatie"
	  " WHERE wijkteam_id = ? AND geldig_tot IS NULL"
	  " ORDER BY geldig_van DESC, id DESC FOR UPDATE", 1, 2, "id" },
	{ STMT_WIJKTEAM_ORG_EINDE, "wijkteam_org_einde",
	  "UPDATE wijkteam_organisatie SET geldig_tot = DATE_SUB(?, INTERVAL 1 DAY)"
	  " WHERE wijkteam_id = ? AND geldig_tot IS NULL AND geldig_van < ?", 3, 0, NULL },
	{ STMT_WIJKTEAM_ORG_ZET, "wijkteam_org_zet",
	  "INSERT INTO wijkteam_organisatie (wijkteam_id, organisatie_id, geldig_van)"
	  " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
	  " organisatie_id = VALUES(organisatie_id), geldig_tot = NULL", 3, 0, NULL },
	{ STMT_WIJKTEAM_WIJK_OPEN, "wijkteam_wijk_open",
	  "SELECT wijk_id FROM wijkteam_wijk WHERE wijkteam_id = ?"
	  " AND geldig_tot IS NULL FOR UPDATE", 1, 1, "i" },
	/* A link that started on or after the date ends before it started:
	 * it was never in force (a same-day correction). */
	{ STMT_WIJKTEAM_WIJK_EINDE, "wijkteam_wijk_einde",
	  "UPDATE wijkteam_wijk SET geldig_tot = DATE_SUB(?, INTERVAL 1 DAY)"
	  " WHERE wijkteam_id = ? AND wijk_id = ? AND geldig_tot IS NULL", 3, 0, NULL },
	{ STMT_WIJKTEAM_WIJK_ZET, "wijkteam_wijk_zet",
	  "INSERT INTO wijkteam_wijk (wijkteam_id, wijk_id, geldig_van)"
	  " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE geldig_tot = NULL", 3, 0, NULL },
	{ STMT_WIJKTEAM_ORG_HISTORIE, "wijkteam_org_historie",
	  "SELECT wo.organisatie_id, o.code, o.naam, wo.geldig_van, wo.geldig_tot"
	  " FROM wijkteam_organisatie wo JOIN organisatie o ON o.id = wo.organisatie_id"
	  " WHERE wo.wijkteam_id = ?"
	  " AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= wo.geldig_van)"
	  " ORDER BY wo.geldig_van, wo.id", 1, 5, "ittdd" },
	{ STMT_WIJKTEAM_WIJK_HISTORIE, "wijkteam_wijk_historie",
	  "SELECT ww.wijk_id, k.code, k.naam, ww.geldig_van, ww.geldig_tot"
	  " FROM wijkteam_wijk ww JOIN wijk k ON k.id = ww.wijk_id"
	  " WHERE ww.wijkteam_id = ?"
	  " AND (ww.geldig_tot IS NULL OR ww.geldig_tot >= ww.geldig_van)"
	  " ORDER BY ww.geldig_van, k.naam, ww.id", 1, 5, "ittdd" },

	{ STMT_KETEN_REGISSEURS, "keten_regisseurs",
	  "SELECT g.id, g.gebruikersnaam, g.naam FROM toekenning t"
	  " JOIN gebruiker g ON g.id = t.gebruiker_id"
	  " WHERE t.rol = 'regisseur' AND t.scope_soort = 'keten' AND t.scope_id = ?"
	  " AND g.actief = 1 ORDER BY g.naam, g.id", 1, 3, "itt" },

	{ STMT_BUDGET_LIJST, "budget_lijst",
	  "SELECT b.organisatie_id, o.naam, b.jaar, b.bedrag FROM opdracht_budget b"
	  " JOIN organisatie o ON o.id = b.organisatie_id"
	  " WHERE b.opdracht_id = ? AND b.bedrag <> 0"
	  " AND (? = 1 OR FIND_IN_SET(b.organisatie_id, ?) > 0"
	  "  OR b.organisatie_id IN (SELECT wo.organisatie_id FROM wijkteam_organisatie wo"
	  "   WHERE FIND_IN_SET(wo.wijkteam_id, ?) > 0 AND wo.geldig_tot IS NULL))"
	  " ORDER BY b.jaar, o.naam, b.organisatie_id", 4, 4, "itig" },
	{ STMT_BUDGET_LEEG, "budget_leeg",
	  "UPDATE opdracht_budget SET bedrag = 0, versie = versie + 1"
	  " WHERE opdracht_id = ? AND bedrag <> 0", 1, 0, NULL },
	{ STMT_BUDGET_ZET, "budget_zet",
	  "INSERT INTO opdracht_budget (opdracht_id, organisatie_id, jaar, bedrag)"
	  " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE bedrag = VALUES(bedrag),"
	  " versie = versie + 1", 4, 0, NULL },
	{ STMT_OPDRACHT_OPHOGEN, "opdracht_ophogen",
	  "UPDATE opdracht SET versie = versie + 1 WHERE id = ? AND versie = ?", 2, 0, NULL },
};
const struct stmt_table structuur_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Own columns per kind (rows add id and versie in front). */
static const unsigned kolommen[SOORT__N] = { 6, 4, 6, 5, 5, 7, 6 };

size_t
structuur_kolommen(enum structuur_soort s)
{
	return s < SOORT__N ? 2 + kolommen[s] : 0;
}

size_t
structuur_schrijf_kolommen(enum structuur_soort s)
{
	if (s >= SOORT__N)
		return 0;
	return s == SOORT_WIJKTEAM ? 4 : kolommen[s];
}

/* rows (id, versie, then the kind's columns) as typed rows. */
static enum db_err
structuur_rijen(struct arena *a, const struct db_rows *rows,
    struct structuur_rij **out, size_t *n)
{
	struct structuur_rij *o;
	size_t i, k;

	*out = NULL;
	*n = 0;
	if ((o = arena_calloc(a, rows->nrows + 1, sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows->nrows; i++) {
		o[i].id = db_cell_int(DB_CELL(rows, i, 0), 0);
		o[i].versie = db_cell_int(DB_CELL(rows, i, 1), 0);
		for (k = 0; k + 2 < rows->ncols && k < STRUCTUUR_MAX_KOLOMMEN; k++)
			o[i].kolom[k] = DB_CELL(rows, i, 2 + k);
	}
	*out = o;
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_structuur_lijst(struct db *db, struct arena *a, enum structuur_soort s,
    int64_t na_id, int limit, struct structuur_rij **out, size_t *n)
{
	struct db_val v[] = { DB_INT(na_id), DB_INT(limit) };
	struct db_rows rows;
	enum db_err rc;

	if ((rc = db_query(db, a, S(s, LIJST), v, 2, (size_t)limit, &rows)) !=
	    DB_OK)
		return rc;
	return structuur_rijen(a, &rows, out, n);
}

enum db_err
store_structuur_lees(struct db *db, struct arena *a, enum structuur_soort s,
    int64_t id, struct structuur_rij *out)
{
	struct db_val v[] = { DB_INT(id) };
	struct structuur_rij *o;
	struct db_rows rows;
	enum db_err rc;
	size_t n;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, a, S(s, LEES), v, 1, 1, &rows)) != DB_OK ||
	    (rc = structuur_rijen(a, &rows, &o, &n)) != DB_OK)
		return rc;
	if (n == 1)
		*out = o[0];
	return DB_OK;
}

enum db_err
store_structuur_nieuw(struct db *db, enum structuur_soort s,
    const struct db_val *vals, size_t n, int64_t *id)
{
	uint64_t nieuw = 0;
	enum db_err rc;

	*id = 0;
	if ((rc = db_exec(db, S(s, NIEUW), vals, n, NULL, &nieuw)) == DB_OK)
		*id = (int64_t)nieuw;
	return rc;
}

enum db_err
store_structuur_wijzig(struct db *db, enum structuur_soort s, int64_t id,
    int64_t versie, const struct db_val *vals, size_t n, int *gelukt)
{
	struct db_val v[STRUCTUUR_MAX_KOLOMMEN + 2];
	uint64_t affected = 0;
	enum db_err rc;

	*gelukt = 0;
	if (n > STRUCTUUR_MAX_KOLOMMEN)
		return DB_ERR;
	memcpy(v, vals, n * sizeof(*v));
	v[n] = DB_INT(id);
	v[n + 1] = DB_INT(versie);
	if ((rc = db_exec(db, S(s, WIJZIG), v, n + 2, &affected, NULL)) == DB_OK)
		*gelukt = affected == 1;
	return rc;
}

enum db_err
store_structuur_tellingen(struct db *db, struct arena *a,
    int64_t out[SOORT__N + 1])
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	if ((rc = db_query(db, a, STMT_STRUCTUUR_TELLINGEN, NULL, 0, 1, &rows))
	    != DB_OK)
		return rc;
	for (i = 0; i <= SOORT__N; i++)
		out[i] = rows.nrows == 1 ? db_cell_int(DB_CELL(&rows, 0, i), 0) : 0;
	return DB_OK;
}

enum db_err
store_structuur_opties(struct db *db, struct arena *a, enum structuur_ref ref,
    struct structuur_optie **out, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;

	if ((rc = db_query(db, a, STMT_STRUCTUUR_OPTIES(ref), NULL, 0, 0,
	    &rows)) != DB_OK)
		return rc;
	return store_opties_van(a, &rows, 1, 2, 3, out, n);
}

enum db_err
store_opties_van(struct arena *a, const struct db_rows *rows, size_t code,
    size_t naam, size_t beeindigd, struct structuur_optie **out, size_t *n)
{
	struct structuur_optie *o;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((o = arena_calloc(a, rows->nrows + 1, sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows->nrows; i++) {
		o[i].id = db_cell_int(DB_CELL(rows, i, 0), 0);
		o[i].code = code < rows->ncols ? DB_CELL(rows, i, code) : NULL;
		o[i].naam = DB_CELL(rows, i, naam);
		o[i].beeindigd = beeindigd < rows->ncols &&
		    db_cell_int(DB_CELL(rows, i, beeindigd), 0) != 0;
	}
	*out = o;
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_structuur_bestaat(struct db *db, struct arena *a, enum structuur_ref ref,
    int64_t id, int *ja)
{
	struct db_val v[] = { DB_INT(id) };
	struct db_rows rows;
	enum db_err rc;

	*ja = 0;
	if ((rc = db_query(db, a, STMT_STRUCTUUR_BESTAAT(ref), v, 1, 1, &rows))
	    != DB_OK)
		return rc;
	*ja = rows.nrows == 1 && db_cell_int(DB_CELL(&rows, 0, 0), 0) > 0;
	return DB_OK;
}

static int
bevat(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The organisatie link: see store_wijkteam_koppel. */
static enum db_err
koppel_organisatie(struct db *db, struct arena *a, int64_t id,
    int64_t organisatie_id, const char *per, int *veranderd)
{
	struct db_val v[3];
	struct db_rows open;
	const char *van;
	enum db_err rc;

	v[0] = DB_INT(id);
	if ((rc = db_query(db, a, STMT_WIJKTEAM_ORG_OPEN, v, 1, 1, &open)) != DB_OK)
		return rc;
	if (open.nrows == 1 &&
	    db_cell_int(DB_CELL(&open, 0, 0), 0) == organisatie_id)
		return DB_OK;
	/* Never start the new link before the open one started: that would
	 * leave two open links. */
	if (open.nrows == 1 && (van = DB_CELL(&open, 0, 1)) != NULL &&
	    strcmp(van, per) > 0)
		per = van;
	v[0] = DB_STR(per);
	v[1] = DB_INT(id);
	v[2] = DB_STR(per);
	if ((rc = db_exec(db, STMT_WIJKTEAM_ORG_EINDE, v, 3, NULL, NULL)) != DB_OK)
		return rc;
	v[0] = DB_INT(id);
	v[1] = DB_INT(organisatie_id);
	v[2] = DB_STR(per);
	if ((rc = db_exec(db, STMT_WIJKTEAM_ORG_ZET, v, 3, NULL, NULL)) != DB_OK)
		return rc;
	*veranderd = 1;
	return DB_OK;
}

enum db_err
store_wijkteam_koppel(struct db *db, struct arena *a, int64_t id,
    int64_t organisatie_id, const int64_t *wijken, size_t nwijken,
    const char *per, int *veranderd)
{
	struct db_val v[3];
	struct db_rows open;
	int64_t *huidig;
	enum db_err rc;
	size_t i;

	*veranderd = 0;
	if ((rc = koppel_organisatie(db, a, id, organisatie_id, per, veranderd))
	    != DB_OK)
		return rc;
	v[0] = DB_INT(id);
	if ((rc = db_query(db, a, STMT_WIJKTEAM_WIJK_OPEN, v, 1, 0, &open)) != DB_OK)
		return rc;
	if ((huidig = arena_calloc(a, open.nrows + 1, sizeof(*huidig))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < open.nrows; i++) {
		huidig[i] = db_cell_int(DB_CELL(&open, i, 0), 0);
		if (bevat(wijken, nwijken, huidig[i]))
			continue;
		v[0] = DB_STR(per);
		v[1] = DB_INT(id);
		v[2] = DB_INT(huidig[i]);
		if ((rc = db_exec(db, STMT_WIJKTEAM_WIJK_EINDE, v, 3, NULL, NULL))
		    != DB_OK)
			return rc;
		*veranderd = 1;
	}
	for (i = 0; i < nwijken; i++) {
		if (bevat(huidig, open.nrows, wijken[i]))
			continue;
		v[0] = DB_INT(id);
		v[1] = DB_INT(wijken[i]);
		v[2] = DB_STR(per);
		if ((rc = db_exec(db, STMT_WIJKTEAM_WIJK_ZET, v, 3, NULL, NULL))
		    != DB_OK)
			return rc;
		*veranderd = 1;
	}
	return DB_OK;
}

/* Link rows (id, code, naam, geldig_van, geldig_tot) as typed rows. */
static enum db_err
koppelingen(struct db *db, struct arena *a, stmt_id st, int64_t id,
    struct wijkteam_koppeling **out, size_t *n)
{
	struct db_val v[] = { DB_INT(id) };
	struct wijkteam_koppeling *o;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, st, v, 1, 0, &rows)) != DB_OK)
		return rc;
	if ((o = arena_calloc(a, rows.nrows + 1, sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		o[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		o[i].code = DB_CELL(&rows, i, 1);
		o[i].naam = DB_CELL(&rows, i, 2);
		o[i].geldig_van = DB_CELL(&rows, i, 3);
		o[i].geldig_tot = DB_CELL(&rows, i, 4);
	}
	*out = o;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_wijkteam_historie(struct db *db, struct arena *a, int64_t id,
    struct wijkteam_historie *out)
{
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = koppelingen(db, a, STMT_WIJKTEAM_ORG_HISTORIE, id, &out->org,
	    &out->norg)) != DB_OK)
		return rc;
	return koppelingen(db, a, STMT_WIJKTEAM_WIJK_HISTORIE, id, &out->wijk,
	    &out->nwijk);
}

enum db_err
store_keten_regisseurs(struct db *db, struct arena *a, int64_t id,
    struct keten_regisseur **out, size_t *n)
{
	struct db_val v[] = { DB_INT(id) };
	struct keten_regisseur *o;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_KETEN_REGISSEURS, v, 1, 0, &rows)) != DB_OK)
		return rc;
	if ((o = arena_calloc(a, rows.nrows + 1, sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		o[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		o[i].gebruikersnaam = DB_CELL(&rows, i, 1);
		o[i].naam = DB_CELL(&rows, i, 2);
	}
	*out = o;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_budget_lijst(struct db *db, struct arena *a, int64_t id,
    const struct budget_scope *scope, struct budget_regel **out, size_t *n)
{
	struct db_val v[] = { DB_INT(id), DB_INT(scope->alles ? 1 : 0),
	    DB_STR(scope->organisaties ? scope->organisaties : ""),
	    DB_STR(scope->wijkteams ? scope->wijkteams : "") };
	struct budget_regel *o;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, STMT_BUDGET_LIJST, v, 4, 0, &rows)) != DB_OK)
		return rc;
	if ((o = arena_calloc(a, rows.nrows + 1, sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		o[i].organisatie_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		o[i].organisatie_naam = DB_CELL(&rows, i, 1);
		o[i].jaar = db_cell_int(DB_CELL(&rows, i, 2), 0);
		o[i].bedrag = DB_CELL(&rows, i, 3);
	}
	*out = o;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_budget_vervang(struct db *db, int64_t id, const struct budget *items,
    size_t n)
{
	char bedrag[32];
	struct db_val v[4];
	enum db_err rc;
	size_t i;

	v[0] = DB_INT(id);
	if ((rc = db_exec(db, STMT_BUDGET_LEEG, v, 1, NULL, NULL)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		v[1] = DB_INT(items[i].organisatie_id);
		v[2] = DB_INT(items[i].jaar);
		/* DECIMAL(14,2) from text: exact, no floating point. */
		snprintf(bedrag, sizeof(bedrag), "%lld.%02lld",
		    (long long)(items[i].cent / 100), (long long)(items[i].cent % 100));
		v[3] = DB_STR(bedrag);
		if ((rc = db_exec(db, STMT_BUDGET_ZET, v, 4, NULL, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_err
store_opdracht_ophogen(struct db *db, int64_t id, int64_t versie, int *gelukt)
{
	struct db_val v[] = { DB_INT(id), DB_INT(versie) };
	uint64_t affected = 0;
	enum db_err rc;

	*gelukt = 0;
	if ((rc = db_exec(db, STMT_OPDRACHT_OPHOGEN, v, 2, &affected, NULL)) == DB_OK)
		*gelukt = affected == 1;
	return rc;
}
