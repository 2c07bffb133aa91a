/*
 * import.c — the dry run and the import; see import.h.
 *
 * Memory: the file is never held. The dry run and the import read one
 * stored block at a time into a private arena and feed it to the CSV
 * reader, and every row's scratch memory is another private arena, reset
 * per row; the request arena only holds what one answer needs, whatever
 * the number of rows. The import writes in batches (IMPORT_BATCH rows,
 * one statement per table), and brings the projections of the batch up
 * to date in the same statements (flush). That writing is import_batch.c;
 * what this file and it share of a run is import_batch.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/csvread.h"
#include "core/log.h"
#include "core/seal.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/importmapping.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "domain/workflow.h"
#include "ops/import.h"
#include "ops/import_batch.h"
#include "store/import.h"

/* Rows of a dry run shown as a preview. */
#define IMPORT_VOORBEELD	20

static const struct workflow_stap import_stappen[] = {
	{ "geupload", "proefimport", "gecontroleerd", ROL_TEAMLEIDER, 0 },
	{ "gecontroleerd", "proefimport", "gecontroleerd", ROL_TEAMLEIDER, 0 },
	{ "mislukt", "proefimport", "gecontroleerd", ROL_TEAMLEIDER, 0 },
	{ "gecontroleerd", "uitvoeren", "ingelezen", ROL_TEAMLEIDER, 0 },
	{ "mislukt", "uitvoeren", "ingelezen", ROL_TEAMLEIDER, 0 },
	/* What an import that failed on its rows leaves behind. */
	{ "gecontroleerd", "mislukken", "mislukt", ROL_TEAMLEIDER, 0 },
	{ "mislukt", "mislukken", "mislukt", ROL_TEAMLEIDER, 0 },
};

const struct workflow import_workflow = {
	"import", import_stappen, sizeof(import_stappen) / sizeof(import_stappen[0]),
	"geupload"
};

/* JSON text as a new object the caller puts; NULL for NULL or for text that
 * does not parse, so that a stored column that is empty or damaged reads as
 * "none". */
static struct json_object *
parse_json(const char *s)
{
	return s != NULL ? json_tokener_parse(s) : NULL;
}

const char **
import_kolommen(struct arena *ar, const char *kolommen, size_t *n)
{
	struct json_object *kol = parse_json(kolommen);
	const char **k;
	size_t i;

	*n = kol != NULL && json_object_is_type(kol, json_type_array) ?
	    json_object_array_length(kol) : 0;
	if ((k = arena_calloc(ar, *n + 1, sizeof(*k))) == NULL) {
		json_object_put(kol);
		return NULL;
	}
	for (i = 0; i < *n; i++)
		k[i] = arena_strdup(ar, json_object_get_string(
		    json_object_array_get_idx(kol, i)));
	json_object_put(kol);
	return k;
}

struct json_object *
import_mapping_voorstel(struct ops_ctx *c, int64_t org, const char *eigen,
    const char **kol, size_t n, const char **bron)
{
	struct json_object *m, *saved = NULL, *v;
	const char *tekst;
	int64_t versie;
	size_t i;

	if ((m = parse_json(eigen)) != NULL &&
	    json_object_is_type(m, json_type_object)) {
		*bron = "import";
		return m;
	}
	json_object_put(m);
	m = json_object_new_object();
	*bron = "geraden";
	if (store_import_mapping_lees(c->db, c->arena, org, &tekst, &versie) ==
	    DB_OK)
		saved = parse_json(tekst);
	for (i = 0; i < n; i++) {
		if (saved != NULL && json_object_object_get_ex(saved, kol[i], &v) &&
		    json_object_is_type(v, json_type_string)) {
			json_object_object_add(m, kol[i], json_object_get(v));
			*bron = "organisatie";
		} else {
			json_object_object_add(m, kol[i], json_object_new_string(
			    im_veld_code(im_veld_raad(kol[i]))));
		}
	}
	json_object_put(saved);
	return m;
}

/* ------------------------------------------------------------ the run */

/*
 * An empty set for about n keys, at most half full so that probing stays
 * short. Memory from malloc, not an arena: a file of many rows would
 * otherwise grow the request arena; run_file frees it. Returns 0, or -1
 * when out of memory.
 */
static int
set_init(struct sleutelset *s, size_t n)
{
	s->cap = 1024;
	while (s->cap < 2 * n)
		s->cap *= 2;
	return (s->k = calloc(s->cap, sizeof(*s->k))) != NULL ? 0 : -1;
}

/* Adds the key of str; returns 1 when it was there already. */
static int
set_add(struct sleutelset *s, const char *str, uint64_t seed)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ seed;
	size_t i;

	for (; *str != '\0'; str++) {
		h ^= (unsigned char)*str;
		h *= UINT64_C(0x100000001b3);
	}
	if (h == 0)
		h = 1;
	for (i = (size_t)h & (s->cap - 1); s->k[i] != 0; i = (i + 1) & (s->cap - 1))
		if (s->k[i] == h)
			return 1;
	s->k[i] = h;
	return 0;
}

/*
 * The CSV reader's callback for one row: checks it and, with commit, writes
 * it (schrijf). Row errors are reported and return 0 so that reading goes
 * on and every error of the file is found; 1 stops the reader, only on a
 * database error (x->dberr). The clear BSN is wiped on every way out.
 */
static int
run_rij(void *arg, const struct csvread_row *row)
{
	struct run *x = arg;
	struct json_object *f, *e, *v;
	struct im_rij rec;
	char sealed[SEAL_B64_LEN(BSN_LEN)], hash[SEAL_HASH_HEX_LEN];
	const char *sp = NULL, *hp = NULL;
	int64_t bestaat = 0;
	enum db_err rc;
	size_t i, voor;
	int n;

	if (!x->kop) {            /* the header: mapped already */
		x->kop = 1;
		return 0;
	}
	x->rijen++;
	arena_reset(&x->tmp);
	if (row->err != CSVREAD_OK) {
		x->rijen_fout++;
		rij_fout(x, row->line, NULL, row->message);
		return 0;
	}
	voor = x->nfouten;
	f = json_object_new_array();
	n = im_rij_lees(&x->map, &x->refs, row->fields, row->nfields, &rec, f);
	for (i = 0; i < (size_t)n; i++) {
		e = json_object_array_get_idx(f, i);
		rij_fout(x, row->line,
		    json_object_get_string(json_object_object_get(e, "veld")),
		    json_object_get_string(json_object_object_get(e, "melding")));
	}
	json_object_put(f);
	if (n > 0)
		goto fout;

	/* Twice in this file: the second is a mistake, not a re-import. */
	if (rec.kenmerk != NULL && set_add(&x->kenmerken, rec.kenmerk, 1)) {
		rij_fout(x, row->line, "extern_kenmerk", "Dit dossiernummer staat al "
		    "op een eerdere regel van het bestand.");
		goto fout;
	}
	if (rec.bsn[0] != '\0' && set_add(&x->bsns, rec.bsn, 2)) {
		rij_fout(x, row->line, "bsn", "Dit BSN staat al op een eerdere "
		    "regel van het bestand.");
		goto fout;
	}
	/* Imported before (same dossiernummer): nothing to do for this row. */
	if (rec.kenmerk != NULL && !x->commit) {
		if ((rc = store_import_kenmerk(x->c->db, &x->tmp, x->s->wijkteam_org,
		    rec.kenmerk, &bestaat)) != DB_OK) {
			x->dberr = rc;
			return 1;
		}
		if (bestaat > 0) {
			x->bestaand++;
			return 0;
		}
	}
	if (rec.bsn[0] != '\0') {
		if (!x->c->seal->loaded ||
		    seal_encrypt(x->c->seal, rec.bsn, BSN_LEN, sealed,
		    sizeof(sealed)) != 0) {
			rij_fout(x, row->line, "bsn", "Een BSN kan nu niet worden "
			    "opgeslagen (de sleutels ontbreken in de configuratie).");
			goto fout;
		}
		seal_lookup_hash(x->c->seal, rec.bsn, BSN_LEN, hash);
		sp = sealed;
		hp = hash;
		if (x->commit) {
			/* The unique key decides (schrijf): no query per row. */
		} else if ((rc = store_import_bsn(x->c->db, &x->tmp, x->s->wijkteam_org,
		    hash, &bestaat)) != DB_OK) {
			x->dberr = rc;
			return 1;
		}
		if (bestaat > 0) {
			rij_fout(x, row->line, "bsn", "Uw organisatie heeft al een "
			    "inwoner met dit BSN (met een ander of geen dossiernummer).");
			goto fout;
		}
	}
	x->nieuw++;
	if (rec.geb != NULL)
		x->gebeurtenissen++;
	if (x->commit) {
		/* After the first failed row nothing is written any more: the
		 * transaction is rolled back anyway; reading on only finds
		 * every other error. */
		if (x->nfouten == 0) {
			n = schrijf(x, &rec, sp, hp, row->line);
			if (n < 0)
				return 1;
			if (n == 2) {
				x->nieuw--;
				if (rec.geb != NULL)
					x->gebeurtenissen--;
				x->bestaand++;
			}
		}
		sodium_memzero(&rec.bsn, sizeof(rec.bsn));
		return 0;
	}
	if (json_object_array_length(x->voorbeeld) < IMPORT_VOORBEELD) {
		v = json_object_new_object();
		json_object_object_add(v, "regel",
		    json_object_new_int64((int64_t)row->line));
		json_object_object_add(v, "naam", json_object_new_string(rec.naam));
		json_object_object_add(v, "geboortejaar",
		    json_object_new_int(rec.geboortejaar));
		json_object_object_add(v, "bsn", json_object_new_boolean(
		    rec.bsn[0] != '\0'));
		json_object_object_add(v, "soort", json_object_new_string(rec.soort));
		json_object_object_add(v, "startdatum",
		    json_object_new_string(rec.startdatum));
		json_object_object_add(v, "gebeurtenis", rec.geb ?
		    json_object_new_string(rec.geb->code) : NULL);
		json_object_array_add(x->voorbeeld, v);
	}
	sodium_memzero(&rec.bsn, sizeof(rec.bsn));
	return 0;
fout:
	if (x->nfouten > voor)
		x->rijen_fout++;
	sodium_memzero(&rec.bsn, sizeof(rec.bsn));
	return 0;
}

/* Loads the structure an import row may name into x->refs. */
static enum db_err
laad_refs(struct ops_ctx *c, struct run *x)
{
	time_t now = time(NULL);
	struct tm tm;
	enum db_err rc;

	/* The current year bounds a geboortejaar; UTC is enough for a year,
	 * and the same for every worker. */
	gmtime_r(&now, &tm);
	x->refs.org = c->scope->wijkteam_org;
	x->refs.jaar_nu = tm.tm_year + 1900;
	if ((rc = store_import_refs(c->db, c->arena, IREF_WIJK, &x->refs.wijken,
	    &x->refs.nwijken)) != DB_OK ||
	    (rc = store_import_refs(c->db, c->arena, IREF_WIJKTEAM,
	    &x->refs.wijkteams, &x->refs.nwijkteams)) != DB_OK ||
	    (rc = store_import_refs(c->db, c->arena, IREF_THEMA,
	    &x->refs.themas, &x->refs.nthemas)) != DB_OK ||
	    (rc = store_import_refs(c->db, c->arena, IREF_OPDRACHT,
	    &x->refs.opdrachten, &x->refs.nopdrachten)) != DB_OK)
		return rc;
	return DB_OK;
}

/*
 * Reads the import's file block by block through the CSV reader and
 * checks (and, with commit, writes) every row. Fills x->fouten and the
 * counts. Returns 0, or -1 on a database or memory error (logged; the
 * open transaction, if any, rolled back; c->db_rc set).
 */
static int
run_file(struct ops_ctx *c, struct run *x, int64_t rijen)
{
	struct arena blokken;
	struct csvread *csv = NULL;
	enum csvread_err ce = CSVREAD_OK;
	enum db_err rc;
	int64_t nr;
	const char *blok;
	char *plain = NULL;             /* one block, opened */
	size_t nplain = 0;
	int ret = -1;

	memset(&blokken, 0, sizeof(blokken));
	if ((rc = laad_refs(c, x)) != DB_OK) {
		(void)ops_storing(c, rc, "import refs");
		return -1;
	}
	x->au.gebruiker_id = c->who->gebruiker_id;
	x->au.token_id = c->who->token_id;
	x->au.route = c->route;
	x->au.adres = c->adres;
	x->au.toelichting = arena_printf(c->arena, "import %lld",
	    (long long)x->import_id);
	/* tmp holds one row's work, and a batch's at its flush: the
	 * figure projection of IMPORT_BATCH inwoners alone takes some 3 KiB
	 * each (their event rows and verloop_bereken's scratch), more than
	 * the 1 MiB this once had. Reset per row: memory stays bounded. */
	if (arena_init(&x->tmp, 16 * 1024, 8 * 1024 * 1024) != 0 ||
	    arena_init(&x->woordenar, 64 * 1024, 4 * 1024 * 1024) != 0 ||
	    /* db_query holds a block twice: its fetch buffer and the copy. */
	    arena_init(&blokken, 64 * 1024, 2 * SEAL_B64_LEN(IMPORT_BLOK) +
	    256 * 1024) != 0 ||
	    (plain = malloc(IMPORT_BLOK)) == NULL ||
	    set_init(&x->kenmerken, (size_t)rijen) != 0 ||
	    set_init(&x->bsns, (size_t)rijen) != 0 ||
	    (csv = csvread_new(NULL, run_rij, x)) == NULL ||
	    (x->commit && (x->batch = calloc(IMPORT_BATCH,
	    sizeof(*x->batch))) == NULL)) {
		(void)ops_storing(c, DB_NOMEM, "import geheugen");
		goto out;
	}
	woorden_begin(x);
	for (nr = 0; ce == CSVREAD_OK; nr++) {
		arena_reset(&blokken);
		if ((rc = store_import_blok_lees(c->db, &blokken, x->import_id, nr,
		    &blok)) != DB_OK) {
			(void)ops_storing(c, rc, "import blok");
			goto out;
		}
		if (blok == NULL)
			break;
		if (seal_decrypt(c->seal, blok, plain, IMPORT_BLOK, &nplain) != 0) {
			log_error("import", "req=%s block %lld of import %lld cannot "
			    "be opened", c->request_id ? c->request_id : "-",
			    (long long)nr, (long long)x->import_id);
			ops_rollback(c);
			c->db_rc = DB_ERR;
			goto out;
		}
		ce = csvread_feed(csv, plain, nplain);
	}
	if (ce == CSVREAD_OK)
		ce = csvread_finish(csv);
	if (x->commit && x->dberr == DB_OK && x->nfouten == 0)
		(void)flush(x, x->batch, x->nbatch);   /* the last, short batch */
	x->nbatch = 0;
	if (x->dberr != DB_OK) {
		(void)ops_storing(c, x->dberr, "import rij");
		goto out;
	}
	if (ce != CSVREAD_OK) {
		rij_fout(x, 0, "bestand", csvread_strerror(ce));
	}
	ret = 0;
out:
	csvread_free(csv);
	free(x->batch);
	x->batch = NULL;
	free(x->kenmerken.k);
	free(x->bsns.k);
	x->kenmerken.k = x->bsns.k = NULL;
	arena_free(&blokken);
	if (plain != NULL)
		sodium_memzero(plain, IMPORT_BLOK);
	free(plain);
	arena_free(&x->tmp);
	arena_free(&x->woordenar);
	return ret;
}

/*
 * The result of a run as a new object (caller puts): the counts, the kept
 * errors (with whether more were found than kept) and, for a dry run, the
 * preview. The arrays are shared with x by reference, so run_vrij may
 * follow.
 */
static struct json_object *
resultaat_json(const struct run *x, int met_voorbeeld)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "rijen", json_object_new_int64((int64_t)x->rijen));
	json_object_object_add(o, "nieuw", json_object_new_int64((int64_t)x->nieuw));
	json_object_object_add(o, "bestaand",
	    json_object_new_int64((int64_t)x->bestaand));
	json_object_object_add(o, "gebeurtenissen",
	    json_object_new_int64((int64_t)x->gebeurtenissen));
	json_object_object_add(o, "rijen_met_fouten",
	    json_object_new_int64((int64_t)x->rijen_fout));
	json_object_object_add(o, "fouten_aantal",
	    json_object_new_int64((int64_t)x->nfouten));
	json_object_object_add(o, "fouten", json_object_get(x->fouten));
	json_object_object_add(o, "fouten_afgekapt", json_object_new_boolean(
	    x->nfouten > json_object_array_length(x->fouten)));
	if (met_voorbeeld)
		json_object_object_add(o, "voorbeeld", json_object_get(x->voorbeeld));
	return o;
}

/* Prepares a run over import imp with mapping (a JSON object); the
 * mapping's problems go to fouten. Returns the number of those problems,
 * or -1 when out of memory (c->db_rc set). */
static int
run_maak(struct ops_ctx *c, struct run *x, const struct import_rij *imp,
    struct json_object *mapping, struct json_object *fouten)
{
	const char **k;
	size_t n;
	int nf;

	memset(x, 0, sizeof(*x));
	x->c = c;
	x->s = c->scope;
	x->import_id = imp->id;
	if ((k = import_kolommen(c->arena, imp->kolommen, &n)) == NULL) {
		c->db_rc = DB_NOMEM;
		return -1;
	}
	nf = im_mapping_maak(&x->map, k, n, mapping, fouten);
	x->fouten = json_object_new_array();
	x->voorbeeld = json_object_new_array();
	return nf;
}

/* Drops the run's references to its error and preview arrays; a result made
 * by resultaat_json keeps its own. */
static void
run_vrij(struct run *x)
{
	json_object_put(x->fouten);
	json_object_put(x->voorbeeld);
	x->fouten = x->voorbeeld = NULL;
}

/* Merges this file's mapping into the organisatie's saved one. */
static enum db_err
mapping_bewaar(struct ops_ctx *c, int64_t org, struct json_object *mapping)
{
	struct json_object *saved = NULL;
	const char *tekst;
	int64_t versie;
	enum db_err rc;

	if (store_import_mapping_lees(c->db, c->arena, org, &tekst, &versie) ==
	    DB_OK)
		saved = parse_json(tekst);
	if (saved == NULL || !json_object_is_type(saved, json_type_object)) {
		json_object_put(saved);
		saved = json_object_new_object();
	}
	json_object_object_foreach(mapping, key, val)
		json_object_object_add(saved, key, json_object_get(val));
	rc = store_import_mapping_zet(c->db, org, json_object_to_json_string_ext(
	    saved, JSON_C_TO_STRING_PLAIN), 0, NULL);
	json_object_put(saved);
	return rc;
}

/* ------------------------------------------------------------ operations */

/* Import id of the caller's organisatie into imp: OPS_OK, or
 * OPS_NIET_GEVONDEN (also for another organisatie's). */
static enum ops_uitkomst
import_laad(struct ops_ctx *c, int64_t id, struct import_rij *imp)
{
	enum db_err rc;

	if ((rc = store_import_lees(c->db, c->arena, c->scope->wijkteam_org, id,
	    imp)) != DB_OK)
		return ops_storing(c, rc, "import");
	return imp->id != 0 ? OPS_OK : OPS_NIET_GEVONDEN;
}

/* Whether action actie may be done on imp now (import_workflow): OPS_OK,
 * or OPS_CONFLICT / OPS_GEWEIGERD with the message for this action. */
static enum ops_uitkomst
import_mag(struct ops_ctx *c, const struct import_rij *imp, const char *actie)
{
	enum workflow_oordeel o;

	o = workflow_toets(&import_workflow, imp->status, actie, c->who->roles,
	    NULL, NULL);
	if (o == WF_MAG)
		return OPS_OK;
	if (o == WF_ROL_ONTBREEKT)
		return ops_weiger(c, OPS_GEWEIGERD, workflow_oordeel_tekst(o));
	if (strcmp(imp->status, "ingelezen") == 0)
		return ops_weiger(c, OPS_CONFLICT, "Deze import is al ingelezen.");
	if (strcmp(actie, "uitvoeren") == 0)
		return ops_weiger(c, OPS_CONFLICT, "Doe eerst een proefimport.");
	return ops_weiger(c, OPS_CONFLICT, workflow_oordeel_tekst(o));
}

enum ops_uitkomst
import_proef(struct ops_ctx *c, int64_t id, struct json_object *mapping,
    struct json_object **res)
{
	const int64_t org = c->scope->wijkteam_org;
	struct import_rij imp;
	struct json_object *eigen = NULL;
	enum ops_uitkomst u;
	const char **k, *bron, *mtext;
	struct run x;
	enum db_err rc;
	size_t n;
	int nf;

	*res = NULL;
	if ((u = import_laad(c, id, &imp)) != OPS_OK ||
	    (u = import_mag(c, &imp, "proefimport")) != OPS_OK)
		return u;
	if (mapping == NULL) {
		k = import_kolommen(c->arena, imp.kolommen, &n);
		if (k == NULL)
			return ops_storing(c, DB_NOMEM, "proefimport");
		eigen = import_mapping_voorstel(c, org, imp.mapping, k, n, &bron);
		mapping = eigen;
	}
	if ((nf = run_maak(c, &x, &imp, mapping, c->fouten)) != 0) {
		run_vrij(&x);
		json_object_put(eigen);
		return nf < 0 ? OPS_STORING : OPS_VELDEN;
	}
	if (run_file(c, &x, imp.rijen) != 0) {
		run_vrij(&x);
		json_object_put(eigen);
		return OPS_STORING;
	}
	*res = resultaat_json(&x, 1);
	run_vrij(&x);
	mtext = arena_strdup(c->arena, json_object_to_json_string_ext(mapping,
	    JSON_C_TO_STRING_PLAIN));
	if ((u = ops_begin(c)) != OPS_OK)
		goto fout;
	if (mtext == NULL)
		rc = DB_NOMEM;
	else if ((rc = store_import_controle(c->db, org, id, mtext,
	    json_object_to_json_string_ext(*res, JSON_C_TO_STRING_PLAIN),
	    "gecontroleerd")) == DB_OK)
		rc = mapping_bewaar(c, org, mapping);
	if (rc == DB_OK && ops_audit(c, "proefimport", "import", id, GELUKT,
	    NULL) != 0)
		rc = DB_ERR;
	if (rc != DB_OK) {
		u = ops_storing(c, rc, "proefimport");
		goto fout;
	}
	if (ops_commit(c) != 0) {
		u = OPS_STORING;
		goto fout;
	}
	json_object_put(eigen);
	return OPS_OK;
fout:
	json_object_put(eigen);
	json_object_put(*res);
	*res = NULL;
	return u;
}

/* After rows failed (x->nfouten, transaction rolled back): stores the
 * failure with its result res, in a transaction of its own. */
static enum ops_uitkomst
import_mislukt(struct ops_ctx *c, const struct import_rij *imp,
    struct json_object *res)
{
	enum ops_uitkomst u;

	if (workflow_toets(&import_workflow, imp->status, "mislukken",
	    c->who->roles, NULL, NULL) != WF_MAG)
		return ops_storing(c, DB_ERR, "import staat");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (store_import_controle(c->db, c->scope->wijkteam_org, imp->id,
	    imp->mapping, json_object_to_json_string_ext(res,
	    JSON_C_TO_STRING_PLAIN), "mislukt") != DB_OK ||
	    ops_audit(c, "importeren", "import", imp->id, MISLUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "import");
	return ops_commit(c) == 0 ? OPS_VELDEN : OPS_STORING;
}

enum ops_uitkomst
import_uitvoeren(struct ops_ctx *c, int64_t id, struct json_object **res)
{
	const int64_t org = c->scope->wijkteam_org;
	struct import_rij imp;
	struct json_object *mapping, *fouten;
	enum ops_uitkomst u;
	struct run x;
	uint64_t affected = 0;
	int64_t al = 0;
	enum db_err rc;
	int nf;

	*res = NULL;
	if ((u = import_laad(c, id, &imp)) != OPS_OK)
		return u;
	if (strcmp(imp.status, "ingelezen") == 0)
		return OPS_OK;          /* a retried request: nothing to do */
	if ((u = import_mag(c, &imp, "uitvoeren")) != OPS_OK)
		return u;
	if (imp.mapping == NULL)
		return ops_weiger(c, OPS_CONFLICT, "Doe eerst een proefimport.");
	if ((rc = store_import_al_ingelezen(c->db, c->arena, org, imp.sha256,
	    &al)) != DB_OK)
		return ops_storing(c, rc, "import");
	if (al > 0)
		return ops_weiger(c, OPS_CONFLICT, arena_printf(c->arena, "Dit "
		    "bestand is al ingelezen (import %lld): er is niets opnieuw "
		    "aangemaakt.", (long long)al));
	mapping = parse_json(imp.mapping);
	fouten = json_object_new_array();
	nf = run_maak(c, &x, &imp, mapping, fouten);
	json_object_put(mapping);
	json_object_put(fouten);
	if (nf != 0) {
		run_vrij(&x);
		if (nf < 0)
			return OPS_STORING;
		return ops_weiger(c, OPS_CONFLICT, "De koppeling van de kolommen "
		    "is niet meer geldig: doe opnieuw een proefimport.");
	}
	x.commit = 1;
	if ((u = ops_begin(c)) != OPS_OK) {
		run_vrij(&x);
		return u;
	}
	if (run_file(c, &x, imp.rijen) != 0) {
		run_vrij(&x);
		return ops_terug(c, OPS_STORING);
	}
	*res = resultaat_json(&x, 0);
	if (x.nfouten > 0) {
		/* Nothing of this file is kept; the failure is. */
		ops_rollback(c);
		run_vrij(&x);
		return import_mislukt(c, &imp, *res);
	}
	run_vrij(&x);
	rc = store_import_ingelezen(c->db, id, json_object_to_json_string_ext(*res,
	    JSON_C_TO_STRING_PLAIN), &affected);
	/* Another request imported the same file between our check and this
	 * update (the unique sha256, or the status moved on): all of this
	 * run is rolled back. */
	if (rc == DB_DUPLICATE || (rc == DB_OK && affected == 0))
		return ops_weiger(c, OPS_CONFLICT, "Dit bestand is al ingelezen: er "
		    "is niets opnieuw aangemaakt.");
	if (rc != DB_OK || (rc = store_import_blokken_weg(c->db, id)) != DB_OK)
		return ops_storing(c, rc, "import");
	if (ops_audit(c, "importeren", "import", id, GELUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "import");
	return ops_commit(c) == 0 ? OPS_OK : OPS_STORING;
}
