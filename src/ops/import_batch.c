/*
 * import_batch.c — the writing half of an import run: each checked row's
 * inwoner as it comes (schrijf), and the rest of the rows — trajecten,
 * events, the ketenstatus and the figures' projections, access and audit
 * rows — IMPORT_BATCH rows at a time, one statement per table (flush);
 * and the run's list of row errors, which the checks of import.c and
 * these writes both fill. Apart from import.c because turning checked
 * rows into set-based writes is a job of its own, with helpers of its own
 * (the id pairs the batch statements hand back); see import_batch.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/gebeurtenis.h"
#include "domain/importmapping.h"
#include "domain/ketenstatus.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "ops/import_batch.h"
#include "ops/ops.h"
#include "store/import.h"
#include "store/projectie.h"
#include "store/registratie.h"

/* Counts an error of line regel and keeps its {regel, veld, melding} while
 * fewer than IMPORT_MAX_FOUTEN are kept: the count stays exact
 * (fouten_aantal), the list is bounded whatever the size of the file. */
void
rij_fout(struct run *x, size_t regel, const char *veld, const char *melding)
{
	struct json_object *e;

	x->nfouten++;
	if (json_object_array_length(x->fouten) >= IMPORT_MAX_FOUTEN)
		return;
	e = json_object_new_object();
	json_object_object_add(e, "regel", json_object_new_int64((int64_t)regel));
	json_object_object_add(e, "veld", json_object_new_string(veld ? veld : ""));
	json_object_object_add(e, "melding", json_object_new_string(melding));
	json_object_array_add(x->fouten, e);
}

/* (inwoner_id, id) pairs sorted by inwoner_id, to find a row's id. */
static int
paar_cmp(const void *a, const void *b)
{
	const struct import_paar *x = a, *y = b;

	return x->inw < y->inw ? -1 : x->inw > y->inw;
}

/* The id paired with inwoner inw in p (sorted by paar_cmp), or 0 when it has
 * none: for a traject, the row whose wijkteam the organisatie did not run. */
static int64_t
paar_zoek(const struct import_paar *p, size_t n, int64_t inw)
{
	struct import_paar k = { inw, 0 }, *f;

	f = bsearch(&k, p, n, sizeof(*p), paar_cmp);
	return f != NULL ? f->id : 0;
}

/* Reads the (inwoner_id, id) pairs of the batch into the row arena. */
static struct import_paar *
paren(struct run *x, int geb, const char *ids, size_t *n)
{
	struct import_paar *p;
	enum db_err rc;

	if ((rc = store_import_ids(x->c->db, &x->tmp, geb, ids, &p, n)) !=
	    DB_OK) {
		x->dberr = rc;
		return NULL;
	}
	qsort(p, *n, sizeof(*p), paar_cmp);
	return p;
}

/* An empty list of name words for the next batch. */
void
woorden_begin(struct run *x)
{
	arena_reset(&x->woordenar);
	buf_init(&x->woorden, &x->woordenar);
	buf_putc(&x->woorden, '[');
}

/* The figure projections of the batch's inwoners with an event, by the
 * one projection writer (store/projectie.h): unlike the ketenstatus above
 * they need the payload and the wijk history, so they are derived there. */
static enum db_err
import_cijfers(struct run *x, const struct batch_rij *b, size_t n)
{
	int64_t *ids;
	size_t i, k = 0;

	if ((ids = arena_calloc(&x->tmp, n + 1, sizeof(*ids))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		if (b[i].geb != NULL)
			ids[k++] = b[i].inw;
	return store_projectie_cijfers(x->c->db, &x->tmp, ids, k);
}

/*
 * Writes the batch: trajecten (only where the organisatie ran the wijkteam
 * on the start date: a row that is not written fails), their events, the
 * ketenstatus of each inwoner with an event, access rows and audit rows.
 * The ketenstatus is what store_ketenstatus_bijwerken() would derive: a
 * new inwoner's only event is this one, so the derivation runs here over
 * exactly that event (domain/ketenstatus.h) and is written in one
 * statement. Returns 0, 1 when a row failed (reported), -1 on a database
 * error (x->dberr).
 */
int
flush(struct run *x, struct batch_rij *b, size_t n)
{
	struct json_object *ids, *trj, *geb, *pt, *e, *geg;
	struct buf ks;
	struct keten_gebeurtenis ev;
	struct ketenstatus st;
	struct import_paar *tp, *gp;
	const char *zb;
	const char *ids_s;
	uint64_t aff = 0;
	size_t i, ntp, ngp, ngeb = 0, npt = 0;
	enum db_err rc;
	int ret = -1;

	if (n == 0)
		return 0;
	/* The name words of the batch's inwoners (store/registratie.h). */
	buf_putc(&x->woorden, ']');
	if (x->woorden.failed) {
		x->dberr = DB_NOMEM;
		return -1;
	}
	if (x->woorden.len > 2 && (rc = store_naamwoorden_zet(x->c->db,
	    x->woorden.data)) != DB_OK) {
		x->dberr = rc;
		return -1;
	}
	woorden_begin(x);
	ids = json_object_new_array();
	trj = json_object_new_array();
	geb = json_object_new_array();
	buf_init(&ks, &x->tmp);
	buf_putc(&ks, '[');
	pt = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object_array_add(ids, json_object_new_int64(b[i].inw));
		e = json_object_new_array();
		json_object_array_add(e, json_object_new_int64(b[i].inw));
		json_object_array_add(e, json_object_new_string(b[i].soort));
		json_object_array_add(e, json_object_new_int64(b[i].thema));
		json_object_array_add(e, json_object_new_int64(b[i].opdracht));
		json_object_array_add(e, json_object_new_int64(b[i].wt));
		json_object_array_add(e, json_object_new_string(b[i].start));
		json_object_array_add(e, b[i].eind[0] ?
		    json_object_new_string(b[i].eind) : NULL);
		json_object_array_add(trj, e);
	}
	ids_s = arena_strdup(&x->tmp, json_object_to_json_string_ext(ids,
	    JSON_C_TO_STRING_PLAIN));
	if (ids_s == NULL) {
		x->dberr = DB_NOMEM;
		goto out;
	}
	/* The wijk history of the batch's new inwoners in one statement
	 * (sql/009): the figures count an event for the wijk of its day. */
	if ((rc = store_inwoner_wijk_begin(x->c->db, ids_s)) != DB_OK) {
		x->dberr = rc;
		goto out;
	}
	if ((rc = store_import_trajecten(x->c->db, x->s->wijkteam_org,
	    json_object_to_json_string_ext(trj, JSON_C_TO_STRING_PLAIN),
	    &aff)) != DB_OK) {
		x->dberr = rc;
		goto out;
	}
	if ((tp = paren(x, 0, ids_s, &ntp)) == NULL)
		goto out;
	/* Until the rows' trajecten are checked a failure is one of the
	 * rows (1), not of the database; the writes after it are -1 again. */
	ret = 1;
	/* More trajecten than rows: a wijkteam had overlapping periods for
	 * the organisatie, and a row's traject can no longer be told apart.
	 */
	if (aff > n) {
		rij_fout(x, b[0].regel, "wijkteam", "Voor een wijkteam in deze "
		    "regels zijn de perioden van de organisatie niet eenduidig.");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((b[i].trj = paar_zoek(tp, ntp, b[i].inw)) == 0)
			rij_fout(x, b[i].regel, "wijkteam", "Uw organisatie voerde dit "
			    "wijkteam niet op de startdatum.");
	}
	if (x->nfouten > 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (b[i].geb == NULL)
			continue;
		geg = json_object_new_object();
		if (b[i].uitkomst != NULL)
			json_object_object_add(geg, "uitkomst",
			    json_object_new_string(b[i].uitkomst));
		e = json_object_new_array();
		json_object_array_add(e, json_object_new_int64(b[i].inw));
		json_object_array_add(e, json_object_new_int64(b[i].trj));
		json_object_array_add(e, json_object_new_string(b[i].geb->code));
		json_object_array_add(e, json_object_new_string(b[i].geb_datum));
		json_object_array_add(e, json_object_new_string(
		    json_object_to_json_string_ext(geg, JSON_C_TO_STRING_PLAIN)));
		json_object_put(geg);
		json_object_array_add(geb, e);
		ngeb++;
		if ((zb = gebeurtenis_zien_wie(&x->tmp, b[i].geb, NULL)) == NULL) {
			x->dberr = DB_NOMEM;
			ret = -1;
			goto out;
		}
		if (zb[0] != '\0') {
			e = json_object_new_array();
			json_object_array_add(e, json_object_new_int64(b[i].inw));
			json_object_array_add(e, json_object_new_string(zb));
			json_object_array_add(pt, e);
			npt++;
		}
	}
	ret = -1;
	if (ngeb > 0) {
		if ((rc = store_import_gebeurtenissen(x->c->db, x->s->wijkteam_org,
		    x->c->who->gebruiker_id, json_object_to_json_string_ext(geb,
		    JSON_C_TO_STRING_PLAIN))) != DB_OK) {
			x->dberr = rc;
			goto out;
		}
		if ((gp = paren(x, 1, ids_s, &ngp)) == NULL)
			goto out;
		for (i = 0; i < n; i++) {
			if (b[i].geb == NULL)
				continue;
			memset(&ev, 0, sizeof(ev));
			ev.id = paar_zoek(gp, ngp, b[i].inw);
			ev.type = b[i].geb->code;
			ev.datum = b[i].geb_datum;
			ev.wijkteam_id = b[i].wt;
			ev.traject_id = b[i].trj;
			if (ketenstatus_bereken(&ev, 1, &st) != 0) {
				x->dberr = DB_ERR;
				goto out;
			}
			store_ketenstatus_rij(&ks, b[i].inw, &st);
		}
		buf_putc(&ks, ']');
		if (ks.failed) {
			x->dberr = DB_NOMEM;
			goto out;
		}
		if ((rc = store_ketenstatus_zet(x->c->db, ks.data)) != DB_OK) {
			x->dberr = rc;
			goto out;
		}
		if ((rc = import_cijfers(x, b, n)) != DB_OK) {
			x->dberr = rc;
			goto out;
		}
	}
	if ((rc = store_import_toegang(x->c->db, x->s->wijkteam_org, ids_s,
	    npt > 0 ? json_object_to_json_string_ext(pt,
	    JSON_C_TO_STRING_PLAIN) : NULL)) != DB_OK ||
	    (rc = store_import_audit_inwoners(x->c->db, &x->au, ids_s)) != DB_OK) {
		x->dberr = rc;
		goto out;
	}
	ret = 0;
out:
	json_object_put(ids);
	json_object_put(trj);
	json_object_put(geb);
	json_object_put(pt);
	return ret;
}

/*
 * Writes one checked row's inwoner and queues the rest for the batch.
 * Returns 0; 2 when the inwoner exists already (same kenmerk: skipped);
 * 1 when the row fails (reported); -1 on a database error (x->dberr).
 */
int
schrijf(struct run *x, const struct im_rij *rec, const char *sealed,
    const char *hash, size_t regel)
{
	struct inwoner_rec in = { rec->naam, rec->geboortejaar, rec->wijk_id,
	    sealed, hash, x->s->wijkteam_org, rec->kenmerk };
	struct batch_rij *b;
	int64_t inw = 0, bestaat = 0;
	enum db_err rc;
	int ret;

	rc = store_inwoner_invoegen(x->c->db, &in, &inw);
	if (rc == DB_DUPLICATE) {
		/* Imported since the dry run, or twice in this file. */
		if (rec->kenmerk != NULL && (rc = store_import_kenmerk(x->c->db,
		    &x->tmp, x->s->wijkteam_org, rec->kenmerk, &bestaat)) != DB_OK)
			goto db;
		if (bestaat > 0)
			return 2;
		rij_fout(x, regel, "bsn", "Uw organisatie heeft al een inwoner met "
		    "dit BSN.");
		return 1;
	}
	if (rc != DB_OK)
		goto db;
	store_naamwoorden(&x->woorden, inw, rec->naam);
	b = &x->batch[x->nbatch++];
	memset(b, 0, sizeof(*b));
	b->inw = inw;
	b->regel = regel;
	b->soort = rec->soort;
	b->thema = rec->thema_id;
	b->opdracht = rec->opdracht_id;
	b->wt = rec->wijkteam_id;
	memcpy(b->start, rec->startdatum, sizeof(b->start));
	memcpy(b->eind, rec->einddatum, sizeof(b->eind));
	b->geb = rec->geb;
	memcpy(b->geb_datum, rec->geb_datum, sizeof(b->geb_datum));
	b->uitkomst = rec->uitkomst;
	if (x->nbatch < IMPORT_BATCH)
		return 0;
	ret = flush(x, x->batch, x->nbatch);
	x->nbatch = 0;
	return ret;
db:
	x->dberr = rc;
	return -1;
}
