/*
 * cijfer_som.c — the stored sums of the figures; see cijfer_som.h.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"
#include "store/cijfer_som.h"
#include "store/statements.h"

enum { S_SLOT_GEDEELD, S_SLOT_ALLEEN, S_KLAAR_REGELS, S_ONTBREKEND,
    S_EEN, S_ZET, S_NUL, S_WEG, S_WEG_KLAAR, S_KLAAR, S_KLAAR_IDS, S_LEES,
    S_ALLE, S_SLOT_PROBEER };
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
	{ ST(S_KLAAR_REGELS), "cijfer_som_regels_klaar",
	  "SELECT i.id, i.regel FROM cijfer_som_indicator s"
	  " JOIN indicator i ON i.id = s.indicator_id ORDER BY i.id", 0, 2, "it" },
	{ ST(S_ONTBREKEND), "cijfer_som_regels_ontbrekend",
	  "SELECT i.id, i.regel FROM indicator i WHERE i.bron = 'berekend'"
	  " AND i.regel IS NOT NULL AND NOT EXISTS (SELECT 1"
	  " FROM cijfer_som_indicator s WHERE s.indicator_id = i.id)"
	  " ORDER BY i.id", 0, 2, "it" },
	{ ST(S_EEN), "cijfer_som_regel_een",
	  "SELECT i.id, i.regel FROM indicator i WHERE i.id = ?"
	  " AND i.bron = 'berekend' AND i.regel IS NOT NULL", 1, 2, "it" },
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
	{ ST(S_WEG_KLAAR), "cijfer_som_weg_klaar",
	  "DELETE FROM cijfer_som_indicator WHERE indicator_id = ?", 1, 0, NULL },
	{ ST(S_KLAAR), "cijfer_som_klaar",
	  "INSERT IGNORE INTO cijfer_som_indicator (indicator_id) VALUES (?)",
	  1, 0, NULL },
	{ ST(S_KLAAR_IDS), "cijfer_som_klaar_ids",
	  "SELECT indicator_id FROM cijfer_som_indicator ORDER BY indicator_id",
	  0, 1, "i" },
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

/* The rules of rows (id, regel) that are a telling or a duur. */
static enum db_err
regels_uit(struct arena *ar, const struct db_rows *rows, struct som_regels *out)
{
	struct json_object *json, *fouten;
	size_t i, n = rows->nrows;

	memset(out, 0, sizeof(*out));
	out->regel = arena_calloc(ar, n + 1, sizeof(*out->regel));
	out->r = arena_calloc(ar, n + 1, sizeof(*out->r));
	out->json = arena_calloc(ar, n + 1, sizeof(*out->json));
	if (out->regel == NULL || out->r == NULL || out->json == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++) {
		if ((json = json_tokener_parse(DB_CELL(rows, i, 1))) == NULL)
			return DB_ERR;
		fouten = json_object_new_array();
		if (fouten == NULL || indicator_regel_lees(json,
		    &out->r[out->n], fouten) != 0) {
			json_object_put(fouten);
			json_object_put(json);
			return DB_ERR;
		}
		json_object_put(fouten);
		if (out->r[out->n].soort != REGEL_TELLING &&
		    out->r[out->n].soort != REGEL_DUUR) {
			json_object_put(json);
			continue;
		}
		out->json[out->n] = json;
		out->regel[out->n].indicator_id =
		    db_cell_int(DB_CELL(rows, i, 0), 0);
		out->regel[out->n].r = &out->r[out->n];
		out->n++;
	}
	return DB_OK;
}

static enum db_err
regels_lees(struct db *db, struct arena *ar, stmt_id slot, stmt_id st,
    const struct db_val *v, size_t nv, struct som_regels *out)
{
	struct db_rows rows;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(db, ar, slot, NULL, 0, 1, &rows)) != DB_OK ||
	    (rc = db_query(db, ar, st, v, nv, 0, &rows)) != DB_OK)
		return rc;
	if ((rc = regels_uit(ar, &rows, out)) != DB_OK)
		store_som_regels_vrij(out);
	return rc;
}

enum db_err
store_som_regels_klaar(struct db *db, struct arena *ar, struct som_regels *out)
{
	return regels_lees(db, ar, ST(S_SLOT_GEDEELD), ST(S_KLAAR_REGELS), NULL,
	    0, out);
}

enum db_err
store_som_slot(struct db *db, struct arena *ar)
{
	struct db_rows rows;

	return db_query(db, ar, ST(S_SLOT_ALLEEN), NULL, 0, 1, &rows);
}

/* How often, and how long apart, a request tries to take the slot: a
 * writer holds it shared for its transaction, an import batch for a
 * second or so. */
#define SLOT_POGINGEN	20
#define SLOT_PAUZE_US	100000

enum db_err
store_som_slot_probeer(struct db *db, struct arena *ar, int *gekregen)
{
	struct db_rows rows;
	enum db_err rc;
	int i;

	*gekregen = 0;
	for (i = 0; i < SLOT_POGINGEN; i++) {
		if ((rc = db_query(db, ar, ST(S_SLOT_PROBEER), NULL, 0, 1,
		    &rows)) != DB_OK)
			return rc;
		if (rows.nrows == 1) {
			*gekregen = 1;
			return DB_OK;
		}
		(void)usleep(SLOT_PAUZE_US);
	}
	return DB_OK;
}

enum db_err
store_som_regels_bouw(struct db *db, struct arena *ar, int64_t id,
    struct som_regels *out)
{
	struct db_val v = DB_INT(id);

	if (id == 0)
		return regels_lees(db, ar, ST(S_SLOT_ALLEEN), ST(S_ONTBREKEND),
		    NULL, 0, out);
	return regels_lees(db, ar, ST(S_SLOT_ALLEEN), ST(S_EEN), &v, 1, out);
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
store_som_weg(struct db *db, int64_t indicator_id)
{
	struct db_val v = DB_INT(indicator_id);
	enum db_err rc;

	if ((rc = db_exec(db, ST(S_WEG), &v, 1, NULL, NULL)) != DB_OK)
		return rc;
	return db_exec(db, ST(S_WEG_KLAAR), &v, 1, NULL, NULL);
}

enum db_err
store_som_klaar(struct db *db, int64_t indicator_id)
{
	struct db_val v = DB_INT(indicator_id);

	return db_exec(db, ST(S_KLAAR), &v, 1, NULL, NULL);
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
