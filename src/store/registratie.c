/*
 * registratie.c — inwoners, trajecten, gebeurtenissen, ketenstatus; see
 * registratie.h.
 *
 * The scope filter appears in one shape everywhere: "EXISTS (SELECT 1 FROM
 * inwoner_toegang t WHERE t.inwoner_id = i.id AND t.organisatie_id IN
 * (?, ?, ?, ?))", the four organisaties bound by SCOPE_VALS. Unused slots
 * repeat the first organisatie (registratie_scope): "IN (1, 1, 1, 1)" is
 * one value to the optimizer, so an index on (organisatie, date) still
 * gives rows in order; "IN (1, 0, 0, 0)" is four ranges and a sort
 * (wachtlijst of 18,000: 140 ms → 12 ms).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "domain/gebeurtenis.h"
#include "domain/ketenstatus.h"
#include "domain/naamwoord.h"
#include "store/projectie.h"
#include "store/registratie.h"
#include "store/structuur.h"

#define SCOPE_IN	" IN (?, ?, ?, ?)"
#define IN_SCOPE(alias) \
	" EXISTS (SELECT 1 FROM inwoner_toegang t WHERE t.inwoner_id = " \
	alias ".id AND t.organisatie_id" SCOPE_IN ")"
#define SCOPE_VALS(s) \
	DB_INT((s)->org[0]), DB_INT((s)->org[1]), DB_INT((s)->org[2]), \
	DB_INT((s)->org[3])
/* The organisaties running a wijkteam today. */
#define WO_VANDAAG \
	" wo.geldig_van <= CURDATE() AND (wo.geldig_tot IS NULL" \
	" OR wo.geldig_tot >= CURDATE())"

/* The holder's organisatie when it is a party of the keten (Werkom,
 * Naleving): looked up per row in the small organisatie table, so a list
 * needs no query per inwoner. */
#define PARTIJ_ORG(kolom) \
	"(SELECT o." kolom " FROM organisatie o WHERE o.keten_partij = ks.partij" \
	" ORDER BY o.id LIMIT 1)"
#define INWONER_SELECT \
	"SELECT i.id, i.versie, i.naam, i.geboortejaar, i.wijk_id, w.naam," \
	" i.bsn_versleuteld, i.organisatie_id, COALESCE(ks.partij, 'geen')," \
	" ks.wijkteam_id, kw.naam, ks.sinds, " PARTIJ_ORG("id") ", " \
	PARTIJ_ORG("naam")
#define INWONER_JOINS \
	" JOIN wijk w ON w.id = i.wijk_id" \
	" LEFT JOIN ketenstatus ks ON ks.inwoner_id = i.id" \
	" LEFT JOIN wijkteam kw ON kw.id = ks.wijkteam_id"
#define INWONER_COLS	INWONER_SELECT " FROM inwoner i" INWONER_JOINS
/* One more word of the name, when given (LIKE pattern): "(? IS NULL OR
 * ...)" keeps the statement constant for one, two or three words. */
#define NOG_EEN_WOORD(alias) \
	" AND (? IS NULL OR EXISTS (SELECT 1 FROM inwoner_naamwoord " alias \
	" WHERE " alias ".inwoner_id = nw.inwoner_id AND " alias ".woord LIKE ?))"

enum {
	S_SCOPE, S_INW_LEES, S_INW_NIEUW, S_TOEGANG, S_INW_WIJZIG, S_ZOEK_LIJST,
	S_ZOEK_NAAM, S_ZOEK_BSN, S_TRJ_NIEUW, S_TRJ_TOEGANG, S_TRJ_WIJZIG,
	S_TRAJECTEN, S_TRJ_REFS, S_GEB_NIEUW, S_GEB_TOEGANG, S_GEB_LIJST,
	S_KS_EVENTS, S_KS_ZET, S_WACHTLIJST, S_WL_TELLING, S_AFSTEMMING,
	S_THEMAS, S_WIJKTEAMS, S_TOEGANG_INTREKKEN, S_WOORDEN_ZET,
	S_WOORDEN_WEG,
};
#define ST(n)	STMT_ID(MOD_REGISTRATIE, n)

static const struct stmt_def defs[] = {
	{ ST(S_SCOPE), "reg_scope",
	  "SELECT o.id, o.soort, o.keten_partij FROM organisatie o"
	  " WHERE FIND_IN_SET(o.id, ?) OR o.id IN (SELECT wo.organisatie_id"
	  " FROM wijkteam_organisatie wo WHERE FIND_IN_SET(wo.wijkteam_id, ?)"
	  " AND" WO_VANDAAG ") ORDER BY o.id LIMIT " SCOPE_ORGS_SQL, 2, 3, "itt" },
	{ ST(S_INW_LEES), "inwoner_lees",
	  INWONER_COLS " WHERE i.id = ? AND" IN_SCOPE("i"), 5, INW__NCOLS, "iitiittititdit" },
	{ ST(S_INW_NIEUW), "inwoner_nieuw",
	  "INSERT INTO inwoner (naam, geboortejaar, wijk_id, bsn_versleuteld,"
	  " bsn_hash, organisatie_id, extern_kenmerk)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?)", 7, 0, NULL },
	{ ST(S_TOEGANG), "inwoner_toegang",
	  "INSERT IGNORE INTO inwoner_toegang (organisatie_id, inwoner_id)"
	  " VALUES (?, ?)", 2, 0, NULL },
	{ ST(S_INW_WIJZIG), "inwoner_wijzig",
	  "UPDATE inwoner i SET i.naam = ?, i.geboortejaar = ?, i.wijk_id = ?,"
	  " i.bsn_versleuteld = IF(?, ?, i.bsn_versleuteld),"
	  " i.bsn_hash = IF(?, ?, i.bsn_hash), i.versie = i.versie + 1"
	  " WHERE i.id = ? AND i.versie = ? AND" IN_SCOPE("i"), 13, 0, NULL },
	/* Driven by the caller's access rows, newest first: walking all
	 * inwoners and checking scope per row took seconds for a party that
	 * sees few of a million. No DISTINCT (it read every access row into a
	 * temporary table): an inwoner seen through two of the caller's
	 * organisaties comes twice and store_inwoner_zoek drops the second. */
	{ ST(S_ZOEK_LIJST), "inwoner_lijst",
	  INWONER_SELECT " FROM (SELECT t.inwoner_id AS id"
	  " FROM inwoner_toegang t JOIN inwoner i0 ON i0.id = t.inwoner_id"
	  " WHERE t.organisatie_id" SCOPE_IN " AND (? IS NULL OR i0.wijk_id = ?)"
	  " AND (? IS NULL OR t.inwoner_id < ?) ORDER BY t.inwoner_id DESC"
	  " LIMIT ?) m JOIN inwoner i ON i.id = m.id" INWONER_JOINS
	  " ORDER BY i.id DESC", 9, INW__NCOLS, "iitiittititdit" },
	/* Walks the first word's index range in order, checks scope, wijk
	 * and the other words per inwoner, and stops after one page. */
	{ ST(S_ZOEK_NAAM), "inwoner_zoek_naam",
	  INWONER_SELECT " FROM (SELECT DISTINCT nw.inwoner_id AS id"
	  " FROM inwoner_naamwoord nw JOIN inwoner i0 ON i0.id = nw.inwoner_id"
	  " WHERE nw.woord LIKE ? AND EXISTS (SELECT 1 FROM inwoner_toegang t"
	  " WHERE t.inwoner_id = nw.inwoner_id AND t.organisatie_id" SCOPE_IN ")"
	  " AND (? IS NULL OR i0.wijk_id = ?)" NOG_EEN_WOORD("n2")
	  NOG_EEN_WOORD("n3") " LIMIT ?) m JOIN inwoner i ON i.id = m.id"
	  INWONER_JOINS, 12, INW__NCOLS, "iitiittititdit" },
	{ ST(S_ZOEK_BSN), "inwoner_zoek_bsn",
	  INWONER_COLS " WHERE i.bsn_hash = ? AND" IN_SCOPE("i")
	  " AND (? IS NULL OR i.wijk_id = ?) AND (? IS NULL OR i.id < ?)"
	  " ORDER BY i.id DESC LIMIT ?", 10, INW__NCOLS, "iitiittititdit" },
	{ ST(S_TRJ_NIEUW), "traject_nieuw",
	  "INSERT INTO traject (inwoner_id, soort, thema_id, opdracht_id,"
	  " wijkteam_id, organisatie_id, startdatum, einddatum)"
	  " SELECT ?, ?, ?, ?, wo.wijkteam_id, wo.organisatie_id, ?, ?"
	  " FROM wijkteam_organisatie wo WHERE wo.wijkteam_id = ?"
	  " AND wo.geldig_van <= ? AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= ?)"
	  " AND wo.organisatie_id" SCOPE_IN " LIMIT 1", 13, 0, NULL },
	{ ST(S_TRJ_TOEGANG), "traject_toegang",
	  "INSERT IGNORE INTO inwoner_toegang (organisatie_id, inwoner_id)"
	  " SELECT organisatie_id, inwoner_id FROM traject WHERE id = ?", 1, 0, NULL },
	/* As at its start: the organisatie ran the wijkteam on the (new)
	 * start date; and no event of the traject falls outside it. */
	{ ST(S_TRJ_WIJZIG), "traject_wijzig",
	  "UPDATE traject SET soort = ?, thema_id = ?, opdracht_id = ?,"
	  " startdatum = ?, einddatum = ?, versie = versie + 1"
	  " WHERE id = ? AND inwoner_id = ? AND versie = ?"
	  " AND organisatie_id" SCOPE_IN
	  " AND EXISTS (SELECT 1 FROM wijkteam_organisatie wo"
	  " WHERE wo.wijkteam_id = traject.wijkteam_id"
	  " AND wo.organisatie_id = traject.organisatie_id AND wo.geldig_van <= ?"
	  " AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= ?))"
	  " AND NOT EXISTS (SELECT 1 FROM gebeurtenis g"
	  " WHERE g.traject_id = traject.id AND (g.datum < ? OR g.datum > ?))",
	  16, 0, NULL },
	{ ST(S_TRAJECTEN), "trajecten",
	  "SELECT t.id, t.versie, t.inwoner_id, t.soort, t.thema_id, th.naam,"
	  " t.opdracht_id, o.naam, t.wijkteam_id, wt.naam, t.organisatie_id,"
	  " t.startdatum, t.einddatum FROM traject t"
	  " JOIN thema th ON th.id = t.thema_id"
	  " JOIN opdracht o ON o.id = t.opdracht_id"
	  " JOIN wijkteam wt ON wt.id = t.wijkteam_id"
	  " WHERE t.inwoner_id = ? AND t.organisatie_id" SCOPE_IN
	  " AND (? IS NULL OR t.id = ?) ORDER BY t.startdatum, t.id", 7,
	  TRJ__NCOLS, "iiititititidd" },
	{ ST(S_TRJ_REFS), "traject_refs",
	  "SELECT (SELECT COUNT(*) FROM thema WHERE id = ?),"
	  " (SELECT COUNT(*) FROM opdracht WHERE id = ?),"
	  " (SELECT COUNT(*) FROM wijkteam WHERE id = ?)", 3, 3, "iii" },
	{ ST(S_GEB_NIEUW), "gebeurtenis_nieuw",
	  "INSERT INTO gebeurtenis (inwoner_id, traject_id, type, datum, gegevens,"
	  " vervalt_id, partij, organisatie_id, gebruiker_id)"
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, 0, NULL },
	{ ST(S_GEB_TOEGANG), "gebeurtenis_toegang",
	  "INSERT IGNORE INTO inwoner_toegang (organisatie_id, inwoner_id)"
	  " SELECT o.id, ? FROM organisatie o WHERE o.keten_partij IS NOT NULL"
	  " AND FIND_IN_SET(o.keten_partij, ?)", 2, 0, NULL },
	{ ST(S_GEB_LIJST), "gebeurtenissen",
	  "SELECT g.id, g.traject_id, g.type, g.datum, g.gegevens, g.vervalt_id,"
	  " g.partij, DATE_FORMAT(g.geregistreerd, '%Y-%m-%dT%H:%i:%s'), o.naam,"
	  " c.id, v.type, t.wijkteam_id FROM gebeurtenis g"
	  " JOIN traject t ON t.id = g.traject_id"
	  " JOIN organisatie o ON o.id = g.organisatie_id"
	  " LEFT JOIN gebeurtenis v ON v.id = g.vervalt_id"
	  " LEFT JOIN gebeurtenis c ON c.vervalt_id = g.id"
	  " WHERE g.inwoner_id = ? AND (FIND_IN_SET(g.type, ?) > 0"
	  " OR FIND_IN_SET(v.type, ?) > 0) AND (? IS NULL OR g.id = ?)"
	  " ORDER BY g.datum, g.id", 5, GEB__NCOLS, "iitdtitttiti" },
	{ ST(S_KS_EVENTS), "ketenstatus_gebeurtenissen",
	  "SELECT g.id, g.type, g.datum, t.wijkteam_id,"
	  " JSON_VALUE(g.gegevens, '$.besluit'), JSON_VALUE(g.gegevens, '$.reden'),"
	  " g.vervalt_id, g.traject_id FROM gebeurtenis g"
	  " JOIN traject t ON t.id = g.traject_id"
	  " WHERE g.inwoner_id = ? ORDER BY g.datum, g.id", 1, 8, "itdittii" },
	/* Rows from store_ketenstatus_rij(); the wachtlijst's organisatie
	 * is that of the inwoner's traject on the wachtlijst's wijkteam. */
	{ ST(S_KS_ZET), "ketenstatus_zet",
	  "INSERT INTO ketenstatus (inwoner_id, partij, wijkteam_id, sinds,"
	  " wachtlijst_wijkteam_id, wachtlijst_organisatie_id, wachtlijst_sinds,"
	  " afgewezen_op, overdracht_sinds, terug_zonder_overdracht, terug_id,"
	  " bijgewerkt) SELECT j.inw, j.partij, j.wt, j.sinds, j.wl_wt,"
	  " (SELECT t.organisatie_id FROM traject t WHERE t.inwoner_id = j.inw"
	  " AND t.wijkteam_id = j.wl_wt ORDER BY t.startdatum DESC, t.id DESC"
	  " LIMIT 1), j.wl_sinds, j.afgewezen, j.overdracht, j.terug, j.terug_id,"
	  " NOW() FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$[0]', partij VARCHAR(20) PATH '$[1]',"
	  " wt BIGINT UNSIGNED PATH '$[2]', sinds DATE PATH '$[3]',"
	  " wl_wt BIGINT UNSIGNED PATH '$[4]', wl_sinds DATE PATH '$[5]',"
	  " afgewezen DATE PATH '$[6]', overdracht DATE PATH '$[7]',"
	  " terug DATE PATH '$[8]', terug_id BIGINT UNSIGNED PATH '$[9]')) j"
	  " ON DUPLICATE KEY UPDATE"
	  " partij = VALUES(partij), wijkteam_id = VALUES(wijkteam_id),"
	  " sinds = VALUES(sinds),"
	  " wachtlijst_wijkteam_id = VALUES(wachtlijst_wijkteam_id),"
	  " wachtlijst_organisatie_id = VALUES(wachtlijst_organisatie_id),"
	  " wachtlijst_sinds = VALUES(wachtlijst_sinds),"
	  " afgewezen_op = VALUES(afgewezen_op),"
	  " overdracht_sinds = VALUES(overdracht_sinds),"
	  " terug_zonder_overdracht = VALUES(terug_zonder_overdracht),"
	  " terug_id = VALUES(terug_id), bijgewerkt = NOW()", 1, 0, NULL },
	{ ST(S_WACHTLIJST), "wachtlijst",
	  "SELECT ks.inwoner_id, i.naam, i.geboortejaar, ks.wachtlijst_wijkteam_id,"
	  " wt.naam, ks.wachtlijst_sinds, DATEDIFF(CURDATE(), ks.wachtlijst_sinds),"
	  " ks.afgewezen_op FROM ketenstatus ks"
	  " JOIN inwoner i ON i.id = ks.inwoner_id"
	  " JOIN wijkteam wt ON wt.id = ks.wachtlijst_wijkteam_id"
	  " WHERE ks.wachtlijst_organisatie_id" SCOPE_IN " AND" IN_SCOPE("i")
	  " AND (? IS NULL OR ks.wachtlijst_wijkteam_id = ?)"
	  " AND (? = 0 OR ks.afgewezen_op IS NOT NULL)"
	  " AND (? IS NULL OR ks.wachtlijst_sinds > ?"
	  " OR (ks.wachtlijst_sinds = ? AND ks.inwoner_id > ?))"
	  " ORDER BY ks.wachtlijst_sinds, ks.inwoner_id LIMIT ?", 16, WL__NCOLS, "itiitdid" },
	/* Per wijkteam of the organisatie, counted in one covering pass of
	 * ketenstatus_wachtlijst_telling (sql/007). */
	{ ST(S_WL_TELLING), "wachtlijst_telling",
	  "SELECT wt.id, wt.naam, COALESCE(k.aantal, 0),"
	  " COALESCE(DATEDIFF(CURDATE(), k.eerste), 0), COALESCE(k.afgewezen, 0)"
	  " FROM wijkteam_organisatie wo JOIN wijkteam wt ON wt.id = wo.wijkteam_id"
	  " LEFT JOIN (SELECT ks.wachtlijst_wijkteam_id AS id, COUNT(*) AS aantal,"
	  " MIN(ks.wachtlijst_sinds) AS eerste, COUNT(ks.afgewezen_op) AS afgewezen"
	  " FROM ketenstatus ks WHERE ks.wachtlijst_organisatie_id" SCOPE_IN
	  " GROUP BY ks.wachtlijst_wijkteam_id) k ON k.id = wt.id"
	  " WHERE wo.organisatie_id" SCOPE_IN " AND" WO_VANDAAG
	  " ORDER BY wt.naam", 8, 5, "itiii" },
	{ ST(S_AFSTEMMING), "afstemming",
	  "(SELECT ks.inwoner_id, i.naam, 'overdracht_open', ks.overdracht_sinds,"
	  " DATEDIFF(CURDATE(), ks.overdracht_sinds), w.naam FROM ketenstatus ks"
	  " JOIN inwoner i ON i.id = ks.inwoner_id JOIN wijk w ON w.id = i.wijk_id"
	  " WHERE ks.overdracht_sinds <= CURDATE() - INTERVAL ? DAY AND"
	  IN_SCOPE("i") " ORDER BY ks.overdracht_sinds LIMIT ?)"
	  " UNION ALL (SELECT ks.inwoner_id, i.naam, 'terug_zonder_overdracht',"
	  " ks.terug_zonder_overdracht,"
	  " DATEDIFF(CURDATE(), ks.terug_zonder_overdracht), w.naam"
	  " FROM ketenstatus ks JOIN inwoner i ON i.id = ks.inwoner_id"
	  " JOIN wijk w ON w.id = i.wijk_id"
	  " WHERE ks.terug_zonder_overdracht IS NOT NULL AND" IN_SCOPE("i")
	  " ORDER BY ks.terug_zonder_overdracht LIMIT ?)"
	  " ORDER BY 4, 1 LIMIT ?", 12, AF__NCOLS, "ittdit" },
	{ ST(S_THEMAS), "reg_themas",
	  "SELECT id, naam FROM thema WHERE geldig_tot IS NULL"
	  " OR geldig_tot >= CURDATE() ORDER BY naam", 0, 2, "it" },
	{ ST(S_WIJKTEAMS), "reg_wijkteams",
	  "SELECT wt.id, wt.naam FROM wijkteam_organisatie wo"
	  " JOIN wijkteam wt ON wt.id = wo.wijkteam_id"
	  " WHERE wo.organisatie_id" SCOPE_IN " AND" WO_VANDAAG
	  " ORDER BY wt.naam", 4, 2, "it" },
	{ ST(S_TOEGANG_INTREKKEN), "toegang_intrekken",
	  "DELETE t FROM inwoner_toegang t JOIN organisatie o"
	  " ON o.id = t.organisatie_id WHERE t.inwoner_id = ?"
	  " AND o.keten_partij IS NOT NULL AND FIND_IN_SET(o.keten_partij, ?) = 0",
	  2, 0, NULL },
	{ ST(S_WOORDEN_ZET), "naamwoorden_zet",
	  "INSERT IGNORE INTO inwoner_naamwoord (woord, inwoner_id)"
	  " SELECT j.woord, j.inw FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	  " inw BIGINT UNSIGNED PATH '$[0]', woord VARCHAR(64) PATH '$[1]')) j",
	  1, 0, NULL },
	{ ST(S_WOORDEN_WEG), "naamwoorden_weg",
	  "DELETE FROM inwoner_naamwoord WHERE inwoner_id = ?", 1, 0, NULL },
};
const struct stmt_table registratie_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };


/* Most events one inwoner's ketenstatus is derived from. */
#define KS_MAX_EVENTS	10000

enum db_err
store_scope_organisaties(struct db *db, struct arena *ar,
    const struct scope_grants *g, struct scope_org out[SCOPE_ORGS], size_t *n)
{
	struct buf orgs, teams;
	struct db_rows rows;
	struct db_val v[2];
	enum db_err rc;
	size_t i;

	/* Ids as "3,5" for FIND_IN_SET: integers formatted here, bound as
	 * one value (never SQL). */
	buf_init(&orgs, ar);
	buf_init(&teams, ar);
	buf_putc(&orgs, ',');
	buf_putc(&teams, ',');
	for (i = 0; i < g->nteam; i++)
		buf_printf(&orgs, ",%lld", (long long)g->team[i]);
	for (i = 0; i < g->nketen; i++)
		buf_printf(&orgs, ",%lld", (long long)g->keten[i]);
	for (i = 0; i < g->nwijkteams; i++)
		buf_printf(&teams, ",%lld", (long long)g->wijkteams[i]);
	if (orgs.failed || teams.failed)
		return DB_NOMEM;
	v[0] = DB_STR(orgs.data + 1);
	v[1] = DB_STR(teams.data + 1);
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_SCOPE), v, 2, SCOPE_ORGS, &rows)) != DB_OK)
		return rc;
	for (i = 0; i < rows.nrows && i < SCOPE_ORGS; i++) {
		const char *soort = DB_CELL(&rows, i, 1);

		out[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		out[i].wijkteamorganisatie = soort != NULL &&
		    strcmp(soort, "wijkteamorganisatie") == 0;
		out[i].partij = (unsigned)gebeurtenis_partij_parse(
		    DB_CELL(&rows, i, 2));
	}
	*n = i;
	return DB_OK;
}

void
store_naamwoorden(struct buf *b, int64_t inwoner_id, const char *naam)
{
	const char *p = naam, *w;
	size_t n;

	/* Words are letters and digits only: nothing in them needs JSON
	 * escaping, and they are cut on a character boundary. */
	while ((w = naamwoord_volgende(&p, &n)) != NULL)
		buf_printf(b, "%s[%lld,\"%.*s\"]", b->len > 0 && b->data != NULL &&
		    b->data[b->len - 1] != '[' ? "," : "", (long long)inwoner_id,
		    (int)n, w);
}

enum db_err
store_naamwoorden_zet(struct db *db, const char *rijen)
{
	struct db_val v = DB_STR(rijen);

	return db_exec(db, ST(S_WOORDEN_ZET), &v, 1, NULL, NULL);
}

/* (Re)writes the name words of one inwoner. */
static enum db_err
woorden_schrijf(struct db *db, struct arena *ar, int64_t id, const char *naam,
    int eerst_weg)
{
	struct db_val v = DB_INT(id);
	struct buf b;
	enum db_err rc;

	if (eerst_weg && (rc = db_exec(db, ST(S_WOORDEN_WEG), &v, 1, NULL,
	    NULL)) != DB_OK)
		return rc;
	buf_init(&b, ar);
	buf_putc(&b, '[');
	store_naamwoorden(&b, id, naam);
	buf_putc(&b, ']');
	if (b.failed)
		return DB_NOMEM;
	return b.len > 2 ? store_naamwoorden_zet(db, b.data) : DB_OK;
}

enum db_err
store_inwoner_invoegen(struct db *db, const struct inwoner_rec *in, int64_t *id)
{
	struct db_val v[] = {
		DB_STR(in->naam), DB_INT(in->geboortejaar), DB_INT(in->wijk_id),
		DB_STR(in->bsn_sealed), DB_STR(in->bsn_hash),
		DB_INT(in->organisatie_id), DB_STR(in->extern_kenmerk),
	};
	uint64_t nid = 0;
	enum db_err rc;
	char ids[24];

	if ((rc = db_exec(db, ST(S_INW_NIEUW), v, 7, NULL, &nid)) != DB_OK)
		return rc;
	*id = (int64_t)nid;
	snprintf(ids, sizeof(ids), "[%lld]", (long long)nid);
	return store_inwoner_wijk_begin(db, ids);  /* sql/009: the history */
}

enum db_err
store_inwoner_nieuw(struct db *db, struct arena *ar,
    const struct inwoner_rec *in, int64_t *id)
{
	enum db_err rc;

	if ((rc = store_inwoner_invoegen(db, in, id)) != DB_OK)
		return rc;
	if ((rc = store_inwoner_toegang(db, in->organisatie_id, *id)) != DB_OK)
		return rc;
	return woorden_schrijf(db, ar, *id, in->naam, 0);
}

enum db_err
store_inwoner_toegang(struct db *db, int64_t org, int64_t id)
{
	struct db_val v[] = { DB_INT(org), DB_INT(id) };

	return db_exec(db, ST(S_TOEGANG), v, 2, NULL, NULL);
}

enum db_err
store_inwoner_wijzig(struct db *db, struct arena *ar, const struct scope *s,
    int64_t id, int64_t versie, const struct inwoner_rec *in, int bsn_wijzig,
    uint64_t *affected)
{
	enum db_err rc;
	struct db_val v[] = {
		DB_STR(in->naam), DB_INT(in->geboortejaar), DB_INT(in->wijk_id),
		DB_INT(bsn_wijzig != 0), DB_STR(in->bsn_sealed),
		DB_INT(bsn_wijzig != 0), DB_STR(in->bsn_hash),
		DB_INT(id), DB_INT(versie), SCOPE_VALS(s),
	};

	if ((rc = db_exec(db, ST(S_INW_WIJZIG), v, 13, affected, NULL)) != DB_OK ||
	    *affected == 0)
		return rc;
	return woorden_schrijf(db, ar, id, in->naam, 1);
}

/* Row i of rows (enum inwoner_col) as a typed row. */
static void
inwoner_rij(const struct db_rows *rows, size_t i, struct inwoner_rij *o)
{
	o->id = db_cell_int(DB_CELL(rows, i, INW_ID), 0);
	o->versie = db_cell_int(DB_CELL(rows, i, INW_VERSIE), 0);
	o->naam = DB_CELL(rows, i, INW_NAAM);
	o->geboortejaar = db_cell_int(DB_CELL(rows, i, INW_GEBOORTEJAAR), 0);
	o->wijk_id = db_cell_int(DB_CELL(rows, i, INW_WIJK_ID), 0);
	o->wijk = DB_CELL(rows, i, INW_WIJK);
	o->bsn_sealed = DB_CELL(rows, i, INW_BSN_SEALED);
	o->organisatie_id = db_cell_int(DB_CELL(rows, i, INW_ORGANISATIE_ID), 0);
	o->ks_partij = DB_CELL(rows, i, INW_PARTIJ);
	o->ks_wijkteam_id = db_cell_int(DB_CELL(rows, i, INW_KS_WIJKTEAM_ID), 0);
	o->ks_wijkteam = DB_CELL(rows, i, INW_KS_WIJKTEAM);
	o->ks_sinds = DB_CELL(rows, i, INW_KS_SINDS);
	o->ks_org_id = db_cell_int(DB_CELL(rows, i, INW_KS_ORG_ID), 0);
	o->ks_org_naam = DB_CELL(rows, i, INW_KS_ORG_NAAM);
}

static enum db_err
inwoner_rijen(struct arena *ar, const struct db_rows *rows,
    struct inwoner_rij **out, size_t *n)
{
	size_t i;

	*n = 0;
	if ((*out = arena_calloc(ar, rows->nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows->nrows; i++)
		inwoner_rij(rows, i, &(*out)[i]);
	*n = rows->nrows;
	return DB_OK;
}

enum db_err
store_inwoner_lees(struct db *db, struct arena *ar, const struct scope *s,
    int64_t id, struct inwoner_rij *out)
{
	struct db_val v[] = { DB_INT(id), SCOPE_VALS(s) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, ST(S_INW_LEES), v, 5, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows > 0)
		inwoner_rij(&rows, 0, out);
	return DB_OK;
}

/* Drops a row whose id equals the one before it (rows sorted by id). */
static void
dubbele_weg(struct db_rows *rows)
{
	size_t r, w = 0;

	for (r = 0; r < rows->nrows; r++) {
		if (w > 0 && DB_CELL(rows, r, INW_ID) != NULL &&
		    DB_CELL(rows, w - 1, INW_ID) != NULL &&
		    strcmp(DB_CELL(rows, r, INW_ID), DB_CELL(rows, w - 1, INW_ID)) == 0)
			continue;
		if (w != r) {
			memmove(&rows->cells[w * rows->ncols],
			    &rows->cells[r * rows->ncols],
			    rows->ncols * sizeof(*rows->cells));
			if (rows->lens != NULL)
				memmove(&rows->lens[w * rows->ncols],
				    &rows->lens[r * rows->ncols],
				    rows->ncols * sizeof(*rows->lens));
		}
		w++;
	}
	rows->nrows = w;
}

enum db_err
store_inwoner_zoek(struct db *db, struct arena *ar, const struct scope *s,
    const struct inwoner_zoek *z, struct inwoner_rij **rij, size_t *nrij)
{
	struct db_rows rows, *out = &rows;
	enum db_err rc;

	struct db_val wijk = db_id(z->wijk_id), voor = db_id(z->voor_id);
	struct db_val v[] = { DB_NULL, SCOPE_VALS(s), wijk, wijk, voor, voor,
	    DB_INT(z->limit) };

	if (z->bsn_hash != NULL) {
		v[0] = DB_STR(z->bsn_hash);
		if ((rc = db_query(db, ar, ST(S_ZOEK_BSN), v, 10, 0, out)) != DB_OK)
			return rc;
		return inwoner_rijen(ar, out, rij, nrij);
	}
	if (z->woord[0] != NULL) {
		struct db_val w2 = db_str(z->woord[1]), w3 = db_str(z->woord[2]);
		struct db_val n[] = { DB_STR(z->woord[0]), SCOPE_VALS(s), wijk,
		    wijk, w2, w2, w3, w3, DB_INT(z->limit) };

		if ((rc = db_query(db, ar, ST(S_ZOEK_NAAM), n, 12, 0, out)) !=
		    DB_OK)
			return rc;
		return inwoner_rijen(ar, out, rij, nrij);
	}
	if ((rc = db_query(db, ar, ST(S_ZOEK_LIJST), v + 1, 9, 0, out)) != DB_OK)
		return rc;
	dubbele_weg(out);
	return inwoner_rijen(ar, out, rij, nrij);
}

enum db_err
store_traject_nieuw(struct db *db, const struct scope *s,
    const struct traject_rec *t, int64_t *id)
{
	struct db_val v[] = {
		DB_INT(t->inwoner_id), DB_STR(t->soort), DB_INT(t->thema_id),
		DB_INT(t->opdracht_id), DB_STR(t->startdatum),
		DB_STR(t->einddatum), DB_INT(t->wijkteam_id),
		DB_STR(t->startdatum), DB_STR(t->startdatum), SCOPE_VALS(s),
	};
	uint64_t nid = 0, n = 0;
	enum db_err rc;

	*id = 0;
	if ((rc = db_exec(db, ST(S_TRJ_NIEUW), v, 13, &n, &nid)) != DB_OK)
		return rc;
	if (n == 0)
		return DB_OK;
	*id = (int64_t)nid;
	v[0] = DB_INT(*id);
	return db_exec(db, ST(S_TRJ_TOEGANG), v, 1, NULL, NULL);
}

enum db_err
store_traject_wijzig(struct db *db, const struct scope *s, int64_t id,
    int64_t versie, const struct traject_rec *t, uint64_t *affected)
{
	struct db_val v[] = {
		DB_STR(t->soort), DB_INT(t->thema_id), DB_INT(t->opdracht_id),
		DB_STR(t->startdatum), DB_STR(t->einddatum), DB_INT(id),
		DB_INT(t->inwoner_id), DB_INT(versie), SCOPE_VALS(s),
		DB_STR(t->startdatum), DB_STR(t->startdatum), DB_STR(t->startdatum),
		DB_STR(t->einddatum ? t->einddatum : "9999-12-31"),
	};

	return db_exec(db, ST(S_TRJ_WIJZIG), v, 16, affected, NULL);
}

enum db_err
store_trajecten(struct db *db, struct arena *ar, const struct scope *s,
    int64_t inwoner_id, int64_t traject_id, struct traject_rij **out,
    size_t *n)
{
	struct db_val tid = db_id(traject_id);
	struct db_val v[] = { DB_INT(inwoner_id), SCOPE_VALS(s), tid, tid };
	struct db_rows rows;
	struct traject_rij *t;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_TRAJECTEN), v, 7, 0, &rows)) != DB_OK)
		return rc;
	if ((t = arena_calloc(ar, rows.nrows + 1, sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		t[i].id = db_cell_int(DB_CELL(&rows, i, TRJ_ID), 0);
		t[i].versie = db_cell_int(DB_CELL(&rows, i, TRJ_VERSIE), 0);
		t[i].inwoner_id = db_cell_int(DB_CELL(&rows, i, TRJ_INWONER_ID), 0);
		t[i].soort = DB_CELL(&rows, i, TRJ_SOORT);
		t[i].thema_id = db_cell_int(DB_CELL(&rows, i, TRJ_THEMA_ID), 0);
		t[i].thema = DB_CELL(&rows, i, TRJ_THEMA);
		t[i].opdracht_id = db_cell_int(DB_CELL(&rows, i, TRJ_OPDRACHT_ID), 0);
		t[i].opdracht = DB_CELL(&rows, i, TRJ_OPDRACHT);
		t[i].wijkteam_id = db_cell_int(DB_CELL(&rows, i, TRJ_WIJKTEAM_ID), 0);
		t[i].wijkteam = DB_CELL(&rows, i, TRJ_WIJKTEAM);
		t[i].organisatie_id = db_cell_int(DB_CELL(&rows, i,
		    TRJ_ORGANISATIE_ID), 0);
		t[i].startdatum = DB_CELL(&rows, i, TRJ_STARTDATUM);
		t[i].einddatum = DB_CELL(&rows, i, TRJ_EINDDATUM);
	}
	*out = t;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_traject_refs(struct db *db, struct arena *ar, int64_t thema_id,
    int64_t opdracht_id, int64_t wijkteam_id, struct traject_refs *out)
{
	struct db_val v[] = { DB_INT(thema_id), DB_INT(opdracht_id),
	    DB_INT(wijkteam_id) };
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, ST(S_TRJ_REFS), v, 3, 1, &rows)) != DB_OK)
		return rc;
	if (rows.nrows != 1)
		return DB_ERR;
	out->thema = db_cell_int(DB_CELL(&rows, 0, 0), 0) != 0;
	out->opdracht = db_cell_int(DB_CELL(&rows, 0, 1), 0) != 0;
	out->wijkteam = db_cell_int(DB_CELL(&rows, 0, 2), 0) != 0;
	return DB_OK;
}

enum db_err
store_traject_kern(struct db *db, struct arena *ar, const struct scope *s,
    int64_t inwoner_id, int64_t traject_id, struct traject_kern *out)
{
	struct traject_rij *t;
	enum db_err rc;
	size_t n;

	memset(out, 0, sizeof(*out));
	if ((rc = store_trajecten(db, ar, s, inwoner_id, traject_id, &t, &n)) !=
	    DB_OK || n != 1)
		return rc;
	out->id = t[0].id;
	out->versie = t[0].versie;
	out->organisatie_id = t[0].organisatie_id;
	if (t[0].startdatum == NULL || datum_lees_str(t[0].startdatum,
	    DATUM_JAAR_MIN, DATUM_JAAR_MAX, &out->startdag) != 0)
		out->startdag = 0;
	return DB_OK;
}


enum db_err
store_gebeurtenis_nieuw(struct db *db, const struct gebeurtenis_rec *g,
    const char *zichtbaar, int64_t *id)
{
	struct db_val v[] = {
		DB_INT(g->inwoner_id), DB_INT(g->traject_id), DB_STR(g->type),
		DB_STR(g->datum), DB_STR(g->gegevens), db_id(g->vervalt_id),
		DB_STR(g->partij), DB_INT(g->organisatie_id),
		DB_INT(g->gebruiker_id),
	};
	uint64_t nid = 0;
	enum db_err rc;

	if ((rc = db_exec(db, ST(S_GEB_NIEUW), v, 9, NULL, &nid)) != DB_OK)
		return rc;
	*id = (int64_t)nid;
	if (zichtbaar != NULL && *zichtbaar != '\0') {
		struct db_val t[] = { DB_INT(g->inwoner_id), DB_STR(zichtbaar) };

		if ((rc = db_exec(db, ST(S_GEB_TOEGANG), t, 2, NULL, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_err
store_gebeurtenissen(struct db *db, struct arena *ar, int64_t inwoner_id,
    const char *types, int64_t gebeurtenis_id, struct gebeurtenis_rij **out,
    size_t *n)
{
	struct db_val gid = db_id(gebeurtenis_id);
	struct db_val v[] = { DB_INT(inwoner_id), DB_STR(types), DB_STR(types),
	    gid, gid };
	struct gebeurtenis_rij *g;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_GEB_LIJST), v, 5, 0, &rows)) != DB_OK)
		return rc;
	if ((g = arena_calloc(ar, rows.nrows + 1, sizeof(*g))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		g[i].id = db_cell_int(DB_CELL(&rows, i, GEB_ID), 0);
		g[i].traject_id = db_cell_int(DB_CELL(&rows, i, GEB_TRAJECT_ID), 0);
		g[i].type = DB_CELL(&rows, i, GEB_TYPE);
		g[i].datum = DB_CELL(&rows, i, GEB_DATUM);
		g[i].gegevens = DB_CELL(&rows, i, GEB_GEGEVENS);
		g[i].vervalt_id = db_cell_int(DB_CELL(&rows, i, GEB_VERVALT_ID), 0);
		g[i].partij = DB_CELL(&rows, i, GEB_PARTIJ);
		g[i].geregistreerd = DB_CELL(&rows, i, GEB_GEREGISTREERD);
		g[i].door = DB_CELL(&rows, i, GEB_DOOR);
		g[i].vervallen_door = db_cell_int(DB_CELL(&rows, i,
		    GEB_VERVALLEN_DOOR), 0);
		g[i].vervalt_type = DB_CELL(&rows, i, GEB_VERVALT_TYPE);
		g[i].wijkteam_id = db_cell_int(DB_CELL(&rows, i, GEB_WIJKTEAM_ID), 0);
	}
	*out = g;
	*n = rows.nrows;
	return DB_OK;
}

/* A date as a JSON string, or null when the flag is off or it is empty.
 * The dates come from ketenstatus_bereken (YYYY-MM-DD): nothing to
 * escape. */
static void
datum_json(struct buf *b, int vlag, const char *d)
{
	if (vlag && d[0] != '\0')
		buf_printf(b, ",\"%s\"", d);
	else
		buf_puts(b, ",null");
}

static void
id_json(struct buf *b, int64_t id)
{
	if (id > 0)
		buf_printf(b, ",%lld", (long long)id);
	else
		buf_puts(b, ",null");
}

void
store_ketenstatus_rij(struct buf *b, int64_t inwoner_id,
    const struct ketenstatus *ks)
{
	buf_printf(b, "%s[%lld,\"%s\"", b->len > 0 && b->data != NULL &&
	    b->data[b->len - 1] != '[' ? "," : "",
	    (long long)inwoner_id, ks->partij == PARTIJ_GEEN ? "geen" :
	    ketenstatus_partij_code(ks->partij));
	id_json(b, ks->partij == PARTIJ_WIJKTEAM ? ks->wijkteam_id : 0);
	datum_json(b, 1, ks->sinds);
	id_json(b, ks->op_wachtlijst ? ks->wachtlijst_wijkteam_id : 0);
	datum_json(b, ks->op_wachtlijst, ks->wachtlijst_sinds);
	datum_json(b, ks->uitkering_afgewezen_op_wachtlijst, ks->afgewezen_op);
	datum_json(b, ks->overdracht_open, ks->overdracht_sinds);
	datum_json(b, ks->terug_zonder_overdracht, ks->terug_datum);
	id_json(b, ks->terug_zonder_overdracht ? ks->terug_id : 0);
	buf_putc(b, ']');
}

enum db_err
store_ketenstatus_zet(struct db *db, const char *rijen)
{
	struct db_val v = DB_STR(rijen);

	return db_exec(db, ST(S_KS_ZET), &v, 1, NULL, NULL);
}

/*
 * After a correctie: the ketenpartners that still see a standing (not
 * voided) event keep their access, the others lose it. Only ketenpartner
 * organisaties are touched; the wijkteam's access stays.
 */
static enum db_err
toegang_herzien(struct db *db, struct arena *ar, int64_t inwoner_id,
    const struct keten_gebeurtenis *ev, size_t n)
{
	static const enum gebeurtenis_partij keten[] = { GP_WERKOM,
	    GP_UITKERINGEN, GP_NALEVING };
	unsigned zien = 0;
	struct buf b;
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_find(ev[i].type);

		if (t == NULL || ev[i].vervallen || (t->vlag & GT_VOLGT_VERVALLEN))
			continue;
		for (k = 0; k < sizeof(keten) / sizeof(keten[0]); k++)
			if (gebeurtenis_zichtbaar(t, NULL, keten[k]))
				zien |= keten[k];
	}
	buf_init(&b, ar);
	for (k = 0; k < sizeof(keten) / sizeof(keten[0]); k++)
		if (zien & keten[k])
			buf_printf(&b, "%s%s", b.len ? "," : "",
			    gebeurtenis_partij_code(keten[k]));
	if (b.failed)
		return DB_NOMEM;
	{
		struct db_val v[] = { DB_INT(inwoner_id), DB_STR(b.len ? b.data :
		    "") };

		return db_exec(db, ST(S_TOEGANG_INTREKKEN), v, 2, NULL, NULL);
	}
}

enum db_err
store_ketenstatus_bijwerken(struct db *db, struct arena *ar, int64_t inwoner_id,
    int herzien)
{
	struct db_val id = DB_INT(inwoner_id);
	struct keten_gebeurtenis *ev;
	struct ketenstatus ks;
	struct db_rows rows;
	struct buf rij;
	enum db_err rc;
	size_t i;

	if ((rc = db_query(db, ar, ST(S_KS_EVENTS), &id, 1, KS_MAX_EVENTS,
	    &rows)) != DB_OK)
		return rc;
	if ((ev = arena_calloc(ar, rows.nrows + 1, sizeof(*ev))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		ev[i].id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		ev[i].type = DB_CELL(&rows, i, 1);
		ev[i].datum = DB_CELL(&rows, i, 2);
		ev[i].wijkteam_id = db_cell_int(DB_CELL(&rows, i, 3), 0);
		ev[i].besluit = DB_CELL(&rows, i, 4);
		ev[i].reden = DB_CELL(&rows, i, 5);
		ev[i].vervalt_id = db_cell_int(DB_CELL(&rows, i, 6), 0);
		ev[i].traject_id = db_cell_int(DB_CELL(&rows, i, 7), 0);
	}
	if (ketenstatus_bereken(ev, rows.nrows, &ks) != 0)
		return DB_ERR;
	buf_init(&rij, ar);
	buf_putc(&rij, '[');
	store_ketenstatus_rij(&rij, inwoner_id, &ks);
	buf_putc(&rij, ']');
	if (rij.failed)
		return DB_NOMEM;
	if ((rc = store_ketenstatus_zet(db, rij.data)) != DB_OK)
		return rc;
	return herzien ? toegang_herzien(db, ar, inwoner_id, ev, rows.nrows) :
	    DB_OK;
}

/* The rows of store_wachtlijst_rijen (enum wachtlijst_col). */
static enum db_err
wachtlijst_lijst(struct db *db, struct arena *ar, const struct scope *s,
    int64_t wijkteam_id, int afgewezen, const char *na, int limit,
    struct db_rows *out)
{
	struct db_val wt = db_id(wijkteam_id), sinds = DB_NULL, nid = DB_NULL;
	char datum[11];
	long long id;

	if (na != NULL && sscanf(na, "%10[0-9-],%lld", datum, &id) == 2 &&
	    strlen(datum) == 10 && id > 0) {
		sinds = DB_STR(arena_strdup(ar, datum));
		nid = DB_INT(id);
	}
	{
		struct db_val v[] = { SCOPE_VALS(s), SCOPE_VALS(s), wt, wt,
		    DB_INT(afgewezen != 0), sinds, sinds, sinds, nid,
		    DB_INT(limit) };

		return db_query(db, ar, ST(S_WACHTLIJST), v, 16, 0, out);
	}
}

/* The rows of store_wachtlijst_tellingen. */
static enum db_err
wachtlijst_telling_lijst(struct db *db, struct arena *ar,
    const struct scope *s, struct db_rows *out)
{
	struct db_val v[] = { SCOPE_VALS(s), SCOPE_VALS(s) };

	return db_query(db, ar, ST(S_WL_TELLING), v, 8, 0, out);
}

/* The rows of store_afstemming_rijen (enum afstemming_col). */
static enum db_err
afstemming_lijst(struct db *db, struct arena *ar, const struct scope *s,
    int termijn, int limit, struct db_rows *out)
{
	/* Each part walks its date index and stops at limit rows: the
	 * oldest first, so the oldest limit of both together are among them. */
	struct db_val v[] = { DB_INT(termijn), SCOPE_VALS(s), DB_INT(limit),
	    SCOPE_VALS(s), DB_INT(limit), DB_INT(limit) };

	return db_query(db, ar, ST(S_AFSTEMMING), v, 12, 0, out);
}

enum db_err
store_reg_opties(struct db *db, struct arena *ar, enum reg_optie soort,
    const struct scope *s, struct structuur_optie **out, size_t *n)
{
	struct db_val v[] = { SCOPE_VALS(s) };
	struct db_rows rows;
	enum db_err rc;

	rc = soort == REG_OPTIE_THEMA ?
	    db_query(db, ar, ST(S_THEMAS), NULL, 0, 0, &rows) :
	    db_query(db, ar, ST(S_WIJKTEAMS), v, 4, 0, &rows);
	if (rc != DB_OK)
		return rc;
	return store_opties_van(ar, &rows, (size_t)-1, 1, (size_t)-1, out, n);
}

/* ============================================================ typed lists
 * Issue 9: the wachtlijst and afstemming lists as arrays of structs (see
 * the end of registratie.h). Each reads its rows with the helper above
 * and copies them into structs in the same arena; the texts stay where
 * db_query put them. */

/* A cell as a number: 0 for SQL NULL. */
#define REG_GETAL(rows, i, c)	db_cell_int(DB_CELL(rows, i, c), 0)

enum db_err
store_wachtlijst_rijen(struct db *db, struct arena *ar, const struct scope *s,
    int64_t wijkteam_id, int afgewezen, const char *na, int limit,
    struct wachtlijst_rij **out, size_t *n)
{
	struct wachtlijst_rij *w;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = wachtlijst_lijst(db, ar, s, wijkteam_id, afgewezen, na, limit,
	    &rows)) != DB_OK || rows.nrows == 0)
		return rc;
	if ((w = arena_calloc(ar, rows.nrows, sizeof(*w))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		w[i].inwoner_id = REG_GETAL(&rows, i, WL_INWONER_ID);
		w[i].naam = DB_CELL(&rows, i, WL_NAAM);
		w[i].geboortejaar = REG_GETAL(&rows, i, WL_GEBOORTEJAAR);
		w[i].wijkteam_id = REG_GETAL(&rows, i, WL_WIJKTEAM_ID);
		w[i].wijkteam = DB_CELL(&rows, i, WL_WIJKTEAM);
		w[i].sinds = DB_CELL(&rows, i, WL_SINDS);
		w[i].dagen = REG_GETAL(&rows, i, WL_DAGEN);
		w[i].afgewezen_op = DB_CELL(&rows, i, WL_AFGEWEZEN_OP);
	}
	*out = w;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_wachtlijst_tellingen(struct db *db, struct arena *ar,
    const struct scope *s, struct wachtlijst_telling **out, size_t *n)
{
	struct wachtlijst_telling *t;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = wachtlijst_telling_lijst(db, ar, s, &rows)) != DB_OK ||
	    rows.nrows == 0)
		return rc;
	if ((t = arena_calloc(ar, rows.nrows, sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		t[i].wijkteam_id = REG_GETAL(&rows, i, 0);
		t[i].naam = DB_CELL(&rows, i, 1);
		t[i].aantal = REG_GETAL(&rows, i, 2);
		t[i].langste = REG_GETAL(&rows, i, 3);
		t[i].afgewezen = REG_GETAL(&rows, i, 4);
	}
	*out = t;
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_afstemming_rijen(struct db *db, struct arena *ar, const struct scope *s,
    int termijn, int limit, struct afstemming_rij **out, size_t *n)
{
	struct afstemming_rij *a;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = afstemming_lijst(db, ar, s, termijn, limit, &rows)) != DB_OK ||
	    rows.nrows == 0)
		return rc;
	if ((a = arena_calloc(ar, rows.nrows, sizeof(*a))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		a[i].inwoner_id = REG_GETAL(&rows, i, AF_INWONER_ID);
		a[i].naam = DB_CELL(&rows, i, AF_NAAM);
		a[i].soort = DB_CELL(&rows, i, AF_SOORT);
		a[i].datum = DB_CELL(&rows, i, AF_DATUM);
		a[i].dagen = REG_GETAL(&rows, i, AF_DAGEN);
		a[i].wijk = DB_CELL(&rows, i, AF_WIJK);
	}
	*out = a;
	*n = rows.nrows;
	return DB_OK;
}
