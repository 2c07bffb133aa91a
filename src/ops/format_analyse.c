/*
 * format_analyse.c — the diff and the coverage of format versions; see
 * format_analyse.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/indicator.h"
#include "domain/policy.h"
#include "ops/format.h"
#include "ops/format_analyse.h"

/* Version nummer of format_id as who may see it, into *v: forbidden to
 * who reads no formats, not found when it is a concept they may not see
 * (ops/format.h). */
static enum ops_uitkomst
versie_lees(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct formatversie_rij *v)
{
	if (!format_mag_lezen(c->who))
		return ops_weiger(c, OPS_GEWEIGERD, NULL);
	return formatversie_lees(c, format_id, nummer, NULL, v);
}

/* The fv_item of each of the n items, in an arena array (NULL: full). */
static struct fv_item *
als_fv(struct arena *ar, const struct fa_item *items, size_t n)
{
	struct fv_item *fv = arena_calloc(ar, n + 1, sizeof(*fv));
	size_t i;

	for (i = 0; fv != NULL && i < n; i++)
		fv[i] = items[i].fv;
	return fv;
}

enum ops_uitkomst
format_verschil_lees(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    int64_t met, struct formatversie_rij *van, struct formatversie_rij *naar,
    struct fv_verschil *out)
{
	struct fa_item *ivan, *inaar;
	struct fv_item *fvan, *fnaar;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t nvan, nnaar;

	memset(out, 0, sizeof(*out));
	/* The older first, whichever the caller named in the path. */
	if ((u = versie_lees(c, format_id, nummer < met ? nummer : met,
	    van)) != OPS_OK || (u = versie_lees(c, format_id, nummer < met ?
	    met : nummer, naar)) != OPS_OK)
		return u;
	if ((rc = store_fa_items(c->db, c->arena, van->id, &ivan, &nvan)) !=
	    DB_OK || (rc = store_fa_items(c->db, c->arena, naar->id, &inaar,
	    &nnaar)) != DB_OK)
		return ops_storing(c, rc, "formatversie_item");
	if ((fvan = als_fv(c->arena, ivan, nvan)) == NULL ||
	    (fnaar = als_fv(c->arena, inaar, nnaar)) == NULL ||
	    format_verschil(fvan, nvan, fnaar, nnaar, c->arena, out) != 0)
		return ops_storing(c, DB_NOMEM, "verschil");
	return OPS_OK;
}

/* The cells per wijk of an indicator with rule text regel (NULL: none):
 * a rule that does not read (it was valid when saved; the catalogue
 * changed since) counts as one cell, never as none. */
static int64_t
cellen_van(const char *regel)
{
	struct json_object *o, *fouten;
	struct indicator_regel r;
	int64_t n = 1;

	if (regel == NULL || (o = json_tokener_parse(regel)) == NULL)
		return 1;
	fouten = json_object_new_array();
	if (indicator_regel_lees(o, &r, fouten) == 0)
		n = format_dekking_cellen(&r);
	json_object_put(fouten);
	json_object_put(o);
	return n;
}

enum ops_uitkomst
format_dekking_lees(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct formatversie_rij *v, struct format_dekking *out)
{
	struct fd_indicator *ind;
	struct fd_eis *fe;
	struct fa_item *items;
	struct fa_eis *eisen;
	struct fd_invoer in;
	enum ops_uitkomst u;
	enum db_err rc;
	int64_t *eis_items;
	size_t n, neisen, i;

	memset(out, 0, sizeof(*out));
	if ((u = versie_lees(c, format_id, nummer, v)) != OPS_OK)
		return u;
	if ((rc = store_fa_items(c->db, c->arena, v->id, &items, &n)) != DB_OK ||
	    (rc = store_fa_eisen(c->db, c->arena, v->keten_id, v->eerste_dag,
	    &eisen, &neisen)) != DB_OK)
		return ops_storing(c, rc, "dekking");
	ind = arena_calloc(c->arena, n + 1, sizeof(*ind));
	eis_items = arena_calloc(c->arena, n + 1, sizeof(*eis_items));
	fe = arena_calloc(c->arena, neisen + 1, sizeof(*fe));
	if (ind == NULL || eis_items == NULL || fe == NULL)
		return ops_storing(c, DB_NOMEM, "dekking");
	memset(&in, 0, sizeof(in));
	for (i = 0; i < n; i++) {
		const struct fa_item *it = &items[i];
		struct fd_indicator *d;

		switch (it->fv.soort) {
		case FV_INDICATOR:
			d = &ind[in.nind++];
			d->id = it->fv.indicator_id;
			d->code = it->fv.code;
			d->naam = it->fv.naam;
			d->doel = it->fv.doel;
			d->bron = it->fv.bron;
			d->eisen = it->eisen;
			d->neisen = it->neisen;
			d->streefwaarde = it->streefwaarde;
			d->cellen = cellen_van(it->fv.regel);
			break;
		case FV_EIS:
			eis_items[in.neis_items++] = it->fv.eis_id;
			break;
		case FV_VRAAG:
			in.nvragen++;
			break;
		}
	}
	for (i = 0; i < neisen; i++) {
		fe[i].id = eisen[i].id;
		fe[i].code = eisen[i].code;
		fe[i].omschrijving = eisen[i].omschrijving;
		fe[i].bron = eisen[i].bron;
		fe[i].opdracht = eisen[i].opdracht;
	}
	in.ind = ind;
	in.eis_items = eis_items;
	in.eisen = fe;
	in.neisen = neisen;
	if (format_dekking(&in, c->arena, out) != 0)
		return ops_storing(c, DB_NOMEM, "dekking");
	return OPS_OK;
}

enum ops_uitkomst
format_niet_te_leveren_lees(struct ops_ctx *c, int64_t format_id,
    int64_t nummer, struct fa_ntl **out, size_t *n)
{
	struct formatversie_rij v;
	enum ops_uitkomst u;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((u = versie_lees(c, format_id, nummer, &v)) != OPS_OK)
		return u;
	if ((rc = store_fa_niet_te_leveren(c->db, c->arena, v.id, out, n)) !=
	    DB_OK)
		return ops_storing(c, rc, "dekking");
	return OPS_OK;
}
