/*
 * cijfer_som.c — the stored sums of the figures; see cijfer_som.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"
#include "store/cijfer_som.h"
#include "store/statements.h"

enum { S_SLOT_GEDEELD, S_SLOT_ALLEEN, S_BIJ_REGELS, S_BOUW_RIJEN,
    S_KLAAR_REGELS, S_ZET, S_NUL, S_WEG, S_RIJ_WEG, S_OPNIEUW, S_VAN_NUL,
    S_VERDER, S_KLAAR_IDS, S_LEES, S_ALLE, S_SLOT_PROBEER, S_ONTBREKEND,
    S_UIT, S_TE_BOUWEN };
#define ST(n)	STMT_ID(MOD_CIJFER_SOM, n)

#define SOM_TABEL \
	" JSON_TABLE(?, '$[*]' COLUMNS (ind BIGINT UNSIGNED PATH '$[0]'," \
	" org BIGINT UNSIGNED PATH '$[1]', per VARCHAR(8) PATH '$[2]'," \
	" wijk BIGINT UNSIGNED PATH '$[3]', cel VARCHAR(72) PATH '$[4]'," \
	" n BIGINT PATH '$[5]')) j"

static const struct stmt_def defs[] = {
	{ ST(S_SLOT_GEDEELD), "cijfer_som_slot_gedeeld",
	  "SELECT id FROM cijfer_som_slot WHERE id = 1 LOCK IN SHARE MODE",
	  0, 1, "i" },
	{ ST(S_SLOT_ALLEEN), "cijfer_som_slot_alleen",
	  "SELECT id FROM cijfer_som_slot WHERE id = 1 FOR UPDATE", 0, 1, "i" },
	/* a locking read: the rows as last committed, whatever snapshot the
	 * writer's transaction has */
	{ ST(S_BIJ_REGELS), "cijfer_som_regels_bij",
	  "SELECT indicator_id, regel, klaar, tot_inwoner"
	  " FROM cijfer_som_indicator WHERE regel IS NOT NULL"
	  " AND (klaar = 1 OR tot_inwoner > 0) ORDER BY indicator_id"
	  " LOCK IN SHARE MODE", 0, 4, "itii" },
	{ ST(S_BOUW_RIJEN), "cijfer_som_bouw_rijen",
	  "SELECT indicator_id, regel, klaar, tot_inwoner"
	  " FROM cijfer_som_indicator WHERE klaar = 0"
	  " ORDER BY indicator_id FOR UPDATE", 0, 4, "itii" },
	{ ST(S_KLAAR_REGELS), "cijfer_som_regels_klaar",
	  "SELECT indicator_id, regel, klaar, tot_inwoner"
	  " FROM cijfer_som_indicator WHERE klaar = 1 AND regel IS NOT NULL"
	  " ORDER BY indicator_id", 0, 4, "itii" },
	{ ST(S_ZET), "cijfer_som_zet",
	  "INSERT INTO cijfer_som (indicator_id, organisatie_id, periode,"
	  " wijk_id, cel, n) SELECT j.ind, j.org, j.per, j.wijk, j.cel, j.n"
	  " FROM" SOM_TABEL " ON DUPLICATE KEY UPDATE n = cijfer_som.n + VALUES(n)",
	  1, 0, NULL },
	{ ST(S_NUL), "cijfer_som_nul",
	  "DELETE s FROM" SOM_TABEL " JOIN cijfer_som s ON s.indicator_id = j.ind"
	  " AND s.organisatie_id = j.org AND s.periode = j.per"
	  " AND s.wijk_id = j.wijk AND s.cel = j.cel WHERE s.n = 0", 1, 0, NULL },
	{ ST(S_WEG), "cijfer_som_weg",
	  "DELETE FROM cijfer_som WHERE indicator_id = ?", 1, 0, NULL },
	{ ST(S_RIJ_WEG), "cijfer_som_rij_weg",
	  "DELETE FROM cijfer_som_indicator WHERE indicator_id = ?", 1, 0, NULL },
	{ ST(S_OPNIEUW), "cijfer_som_opnieuw",
	  "INSERT INTO cijfer_som_indicator (indicator_id, regel, tot_inwoner,"
	  " klaar) VALUES (?, ?, -1, 0) ON DUPLICATE KEY UPDATE"
	  " regel = VALUES(regel), tot_inwoner = -1, klaar = 0", 2, 0, NULL },
	{ ST(S_VAN_NUL), "cijfer_som_van_nul",
	  "UPDATE cijfer_som_indicator SET tot_inwoner = 0 WHERE indicator_id = ?",
	  1, 0, NULL },
	{ ST(S_VERDER), "cijfer_som_verder",
	  "UPDATE cijfer_som_indicator SET tot_inwoner = ?, klaar = ?"
	  " WHERE indicator_id = ?", 3, 0, NULL },
	{ ST(S_KLAAR_IDS), "cijfer_som_klaar_ids",
	  "SELECT indicator_id FROM cijfer_som_indicator WHERE klaar = 1"
	  " ORDER BY indicator_id", 0, 1, "i" },
	{ ST(S_LEES), "cijfer_som_lees",
	  "SELECT wijk_id, cel, n FROM cijfer_som WHERE indicator_id = ?"
	  " AND organisatie_id = ? AND periode = ? AND n <> 0", 3, 3, "iti" },
	{ ST(S_ALLE), "cijfer_som_alle",
	  "SELECT organisatie_id, periode, wijk_id, cel, n FROM cijfer_som"
	  " WHERE indicator_id = ? AND n <> 0"
	  " ORDER BY organisatie_id, periode, wijk_id, cel", 1, 5, "ititi" },
	{ ST(S_SLOT_PROBEER), "cijfer_som_slot_probeer",
	  "SELECT id FROM cijfer_som_slot WHERE id = 1 FOR UPDATE SKIP LOCKED",
	  0, 1, "i" },
	/* as migration 013: every berekende telling or duur (the kinds of
	 * cijfer_som_bewaard; a build drops any other) */
	{ ST(S_ONTBREKEND), "cijfer_som_ontbrekend",
	  "INSERT IGNORE INTO cijfer_som_indicator (indicator_id, regel)"
	  " SELECT id, regel FROM indicator WHERE bron = 'berekend'"
	  " AND regel IS NOT NULL"
	  " AND JSON_VALUE(regel, '$.soort') IN ('telling', 'duur')", 0, 0, NULL },
	{ ST(S_UIT), "cijfer_som_uit",
	  "UPDATE cijfer_som_indicator SET regel = NULL, tot_inwoner = -1,"
	  " klaar = 0 WHERE indicator_id = ?", 1, 0, NULL },
	{ ST(S_TE_BOUWEN), "cijfer_som_te_bouwen",
	  "SELECT indicator_id FROM cijfer_som_indicator WHERE klaar = 0"
	  " AND (? = 0 OR (SELECT achtergrond FROM cijfer_som_slot WHERE id = 1)"
	  " = 1) LIMIT 1", 1, 1, "i" },
};
const struct stmt_table cijfer_som_stmts = { defs, sizeof(defs) / sizeof(defs[0]) };

/* Most cells one statement writes: the JSON stays well under any packet
 * limit. */
#define SOM_PER_KEER	2000

void
store_som_regels_vrij(struct som_regels *r)
{
	size_t i;

	if (r->json != NULL)
		for (i = 0; i < r->n; i++)
			json_object_put(r->json[i]);
	memset(r, 0, sizeof(*r));
}

/*
 * The rules of rows (id, regel, klaar, tot_inwoner) that are a telling
 * or a duur; with weg set, the ids of the other rows (no rule, or one
 * whose sums are not kept) into weg[0..*nweg).
 */
static enum db_err
regels_uit(struct arena *ar, const struct db_rows *rows, struct som_regels *out,
    int64_t *weg, size_t *nweg)
{
	struct json_object *json, *fouten;
	size_t i, n = rows->nrows;
	int64_t id;

	memset(out, 0, sizeof(*out));
	out->regel = arena_calloc(ar, n + 1, sizeof(*out->regel));
	out->r = arena_calloc(ar, n + 1, sizeof(*out->r));
	out->json = arena_calloc(ar, n + 1, sizeof(*out->json));
	out->tot = arena_calloc(ar, n + 1, sizeof(*out->tot));
	if (out->regel == NULL || out->r == NULL || out->json == NULL ||
	    out->tot == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++) {
		id = db_cell_int(DB_CELL(rows, i, 0), 0);
		json = DB_CELL(rows, i, 1) == NULL ? NULL :
		    json_tokener_parse(DB_CELL(rows, i, 1));
		fouten = json_object_new_array();
		if (json == NULL || fouten == NULL || indicator_regel_lees(json,
		    &out->r[out->n], fouten) != 0 ||
		    !cijfer_som_bewaard(&out->r[out->n])) {
			json_object_put(fouten);
			json_object_put(json);
			if (weg == NULL)
				return DB_ERR;   /* a kept rule must be readable */
			weg[(*nweg)++] = id;
			continue;
		}
		json_object_put(fouten);
		out->json[out->n] = json;
		out->regel[out->n].indicator_id = id;
		out->regel[out->n].r = &out->r[out->n];
		out->tot[out->n] = db_cell_int(DB_CELL(rows, i, 2), 0) == 1 ?
		    INT64_MAX : db_cell_int(DB_CELL(rows, i, 3), -1);
		out->n++;
	}
	return DB_OK;
}

static enum db_err
regels_lees(struct db *db, struct arena *ar, stmt_id st, struct som_regels *out)
{
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, st, NULL, 0, 0, &rows)) != DB_OK)
		return rc;
	if ((rc = regels_uit(ar, &rows, out, NULL, NULL)) != DB_OK)
		store_som_regels_vrij(out);
	return rc;
}

enum db_err
store_som_regels_bij(struct db *db, struct arena *ar, struct som_regels *out)
{
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_som_slot_gedeeld(db, ar)) != DB_OK)
		return rc;
	return regels_lees(db, ar, ST(S_BIJ_REGELS), out);
}

enum db_err
store_som_regels_klaar(struct db *db, struct arena *ar, struct som_regels *out)
{
	return regels_lees(db, ar, ST(S_KLAAR_REGELS), out);
}

enum db_err
store_som_slot_gedeeld(struct db *db, struct arena *ar)
{
	struct db_rows rows;

	return db_query(db, ar, ST(S_SLOT_GEDEELD), NULL, 0, 1, &rows);
}

enum db_err
store_som_slot(struct db *db, struct arena *ar)
{
	struct db_rows rows;

	return db_query(db, ar, ST(S_SLOT_ALLEEN), NULL, 0, 1, &rows);
}

enum db_err
store_som_slot_probeer(struct db *db, struct arena *ar, int *gekregen)
{
	struct db_rows rows;
	enum db_err rc;

	*gekregen = 0;
	if ((rc = db_query(db, ar, ST(S_SLOT_PROBEER), NULL, 0, 1, &rows)) ==
	    DB_OK)
		*gekregen = rows.nrows == 1;
	return rc;
}

static enum db_err
som_verder(struct db *db, int64_t id, int64_t tot, int klaar)
{
	struct db_val v[] = { DB_INT(tot), DB_INT(klaar), DB_INT(id) };

	return db_exec(db, ST(S_VERDER), v, 3, NULL, NULL);
}

enum db_err
store_som_bouw_begin(struct db *db, struct arena *ar, struct som_regels *out)
{
	struct som_regels alle;
	struct db_rows rows;
	struct db_val v;
	int64_t *weg, laagst = INT64_MAX;
	size_t i, nweg = 0;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, ST(S_BOUW_RIJEN), NULL, 0, 0, &rows)) !=
	    DB_OK)
		return rc;
	if ((weg = arena_calloc(ar, rows.nrows + 1, sizeof(*weg))) == NULL)
		return DB_NOMEM;
	if ((rc = regels_uit(ar, &rows, &alle, weg, &nweg)) != DB_OK) {
		store_som_regels_vrij(&alle);
		return rc;
	}
	/* no longer kept: the sums go, then the row */
	for (i = 0; i < nweg && rc == DB_OK; i++) {
		v = DB_INT(weg[i]);
		if ((rc = db_exec(db, ST(S_WEG), &v, 1, NULL, NULL)) == DB_OK)
			rc = db_exec(db, ST(S_RIJ_WEG), &v, 1, NULL, NULL);
	}
	/* to be built from nothing: whatever sums they had go */
	for (i = 0; i < alle.n && rc == DB_OK; i++) {
		if (alle.tot[i] >= 0)
			continue;
		v = DB_INT(alle.regel[i].indicator_id);
		if ((rc = db_exec(db, ST(S_WEG), &v, 1, NULL, NULL)) == DB_OK)
			rc = db_exec(db, ST(S_VAN_NUL), &v, 1, NULL, NULL);
		alle.tot[i] = 0;
	}
	if (rc != DB_OK) {
		store_som_regels_vrij(&alle);
		return rc;
	}
	/* the rules that are furthest behind, all at the same inwoner: they
	 * take the next inwoners together */
	for (i = 0; i < alle.n; i++)
		if (alle.tot[i] < laagst)
			laagst = alle.tot[i];
	*out = alle;
	out->n = 0;
	for (i = 0; i < alle.n; i++) {
		if (alle.tot[i] != laagst) {
			json_object_put(alle.json[i]);
			continue;
		}
		out->regel[out->n] = alle.regel[i];
		out->r[out->n] = alle.r[i];
		out->regel[out->n].r = &out->r[out->n];
		out->json[out->n] = alle.json[i];
		out->tot[out->n] = alle.tot[i];
		out->n++;
	}
	return DB_OK;
}

enum db_err
store_som_bouw_verder(struct db *db, const struct som_regels *r, int64_t tot,
    int klaar)
{
	enum db_err rc = DB_OK;
	size_t i;

	for (i = 0; i < r->n && rc == DB_OK; i++)
		rc = som_verder(db, r->regel[i].indicator_id, tot, klaar);
	return rc;
}

enum db_err
store_som_opnieuw(struct db *db, int64_t indicator_id, const char *regel)
{
	struct db_val v[] = { DB_INT(indicator_id), DB_STR(regel) };

	if (regel == NULL)
		return db_exec(db, ST(S_UIT), v, 1, NULL, NULL);
	return db_exec(db, ST(S_OPNIEUW), v, 2, NULL, NULL);
}

enum db_err
store_som_herbouw(struct db *db, int64_t indicator_id)
{
	return som_verder(db, indicator_id, -1, 0);
}

enum db_err
store_som_te_bouwen(struct db *db, struct arena *ar, int achtergrond,
    int *ja)
{
	struct db_val v = DB_INT(achtergrond);
	struct db_rows rows;
	enum db_err rc;

	*ja = 0;
	if ((rc = db_query(db, ar, ST(S_TE_BOUWEN), &v, 1, 1, &rows)) == DB_OK)
		*ja = rows.nrows > 0;
	return rc;
}

enum db_err
store_som_ontbrekend(struct db *db)
{
	return db_exec(db, ST(S_ONTBREKEND), NULL, 0, NULL, NULL);
}

/* Runs st over the cells l[van..tot) as one JSON array. */
static enum db_err
som_stuk(struct db *db, stmt_id st, const struct cijfer_som_lijst *l,
    size_t van, size_t tot)
{
	const struct cijfer_som_plek *p;
	struct json_object *a, *r;
	struct db_val v;
	enum db_err rc;
	size_t i;

	if ((a = json_object_new_array()) == NULL)
		return DB_NOMEM;
	for (i = van; i < tot; i++) {
		p = &l->rij[i];
		r = json_object_new_array();
		json_object_array_add(r, json_object_new_int64(p->indicator_id));
		json_object_array_add(r, json_object_new_int64(p->organisatie_id));
		json_object_array_add(r, json_object_new_string(p->periode));
		json_object_array_add(r, json_object_new_int64(p->som.wijk_id));
		json_object_array_add(r, json_object_new_string(p->som.cel));
		json_object_array_add(r, json_object_new_int64(p->som.n));
		json_object_array_add(a, r);
	}
	v = DB_STR(json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN));
	rc = db_exec(db, st, &v, 1, NULL, NULL);
	json_object_put(a);
	return rc;
}

enum db_err
store_som_schrijf(struct db *db, struct arena *ar,
    const struct cijfer_som_lijst *l)
{
	enum db_err rc;
	size_t i, tot;
	int negatief = 0;

	(void)ar;
	if (l->fout)
		return DB_NOMEM;
	for (i = 0; i < l->n; i += SOM_PER_KEER) {
		tot = l->n - i > SOM_PER_KEER ? i + SOM_PER_KEER : l->n;
		if ((rc = som_stuk(db, ST(S_ZET), l, i, tot)) != DB_OK)
			return rc;
	}
	for (i = 0; i < l->n && !negatief; i++)
		negatief = l->rij[i].som.n < 0;
	if (!negatief)
		return DB_OK;   /* only additions: nothing can have come to 0 */
	for (i = 0; i < l->n; i += SOM_PER_KEER) {
		tot = l->n - i > SOM_PER_KEER ? i + SOM_PER_KEER : l->n;
		if ((rc = som_stuk(db, ST(S_NUL), l, i, tot)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_err
store_som_klaar_ids(struct db *db, struct arena *ar, int64_t **ids, size_t *n)
{
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*ids = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_KLAAR_IDS), NULL, 0, 0, &rows)) != DB_OK)
		return rc;
	if ((*ids = arena_calloc(ar, rows.nrows + 1, sizeof(**ids))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++)
		(*ids)[i] = db_cell_int(DB_CELL(&rows, i, 0), 0);
	*n = rows.nrows;
	return DB_OK;
}

/* A cel as read: refused when longer than the domain's cells. */
static int
som_cel(char *uit, const char *cel)
{
	size_t n = strlen(cel);

	if (n >= CIJFER_SOM_CEL_MAX)
		return -1;
	memcpy(uit, cel, n + 1);
	return 0;
}

enum db_err
store_som_lees(struct db *db, struct arena *ar, int64_t indicator_id,
    int64_t org, const char *periode, struct cijfer_som **out, size_t *n)
{
	struct db_val v[] = { DB_INT(indicator_id), DB_INT(org),
	    DB_STR(periode) };
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_LEES), v, 3, 0, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		(*out)[i].wijk_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		if (som_cel((*out)[i].cel, DB_CELL(&rows, i, 1)) != 0)
			return DB_ERR;
		(*out)[i].n = db_cell_int(DB_CELL(&rows, i, 2), 0);
	}
	*n = rows.nrows;
	return DB_OK;
}

enum db_err
store_som_alle(struct db *db, struct arena *ar, int64_t id,
    struct cijfer_som_plek **out, size_t *n)
{
	struct db_val v = DB_INT(id);
	struct cijfer_som_plek *p;
	struct db_rows rows;
	enum db_err rc;
	size_t i, len;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, ar, ST(S_ALLE), &v, 1, 0, &rows)) != DB_OK)
		return rc;
	if ((*out = arena_calloc(ar, rows.nrows + 1, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rows.nrows; i++) {
		p = &(*out)[i];
		p->indicator_id = id;
		p->organisatie_id = db_cell_int(DB_CELL(&rows, i, 0), 0);
		len = strlen(DB_CELL(&rows, i, 1));
		if (len >= sizeof(p->periode) ||
		    som_cel(p->som.cel, DB_CELL(&rows, i, 3)) != 0)
			return DB_ERR;
		memcpy(p->periode, DB_CELL(&rows, i, 1), len + 1);
		p->som.wijk_id = db_cell_int(DB_CELL(&rows, i, 2), 0);
		p->som.n = db_cell_int(DB_CELL(&rows, i, 4), 0);
	}
	*n = rows.nrows;
	return DB_OK;
}
