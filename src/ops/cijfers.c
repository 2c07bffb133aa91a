/*
 * cijfers.c — the figure service; see cijfers.h.
 *
 * The facts of one organisatie and half-year can run to tens of thousands
 * of rows, more than a request arena holds, so each figure is computed
 * in a scratch arena of its own and only the finished items (a few per
 * wijk) are copied into the request's. A figure that cannot be computed
 * completely (memory, database) is an error, never a partial number.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "domain/cijfer_som.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "domain/verloop.h"
#include "ops/cijfers.h"
#include "ops/format.h"
#include "ops/indicator.h"
#include "ops/streefwaarde.h"
#include "store/cijfer.h"
#include "store/cijfer_som.h"
#include "store/streefwaarde.h"

/* The scratch arena of one figure request: big enough for the facts of
 * the largest organisatie in a half-year at ten million events. */
#define CIJFER_BLOK	(1024 * 1024)
#define CIJFER_GRENS	((size_t)1024 * 1024 * 1024)
/* How deep verhoudingen may nest (the catalogue refuses cycles). */
#define CIJFER_DIEPTE	16
/* Most records one herkomst page returns. */
#define HERKOMST_MAX	500

enum cijfer_zicht
cijfers_zicht(const struct principal *who, const struct scope *s, int64_t org,
    int64_t keten_id, unsigned keten_partijen)
{
	size_t i;

	if (principal_has(who, ROL_MEDEWERKER | ROL_TEAMLEIDER) && s != NULL &&
	    (s->partijen & GP_WIJKTEAM) && scope_heeft(s, org))
		return ZICHT_EXACT;
	if (principal_has(who, ROL_BEHEERDER | ROL_CONTRACTMANAGER |
	    ROL_AUDITOR))
		return ZICHT_AGGREGAAT;
	for (i = 0; who != NULL && i < who->ngrants; i++)
		if (who->grants[i].rol == ROL_REGISSEUR &&
		    who->grants[i].scope == SCOPE_KETEN &&
		    who->grants[i].scope_id == keten_id)
			return ZICHT_AGGREGAAT;
	if (principal_has(who, ROL_KETENPARTNER) && s != NULL &&
	    s->keten_partij != 0 && (keten_partijen & s->keten_partij))
		return ZICHT_AGGREGAAT;
	return ZICHT_GEEN;
}

/* The work of one request. */
struct ber {
	struct ops_ctx  *c;
	struct arena     tmp;
	int64_t          org;
	int              aggregaat;   /* withhold small numbers */
	int64_t          drempel;
	enum db_err      rc;          /* the first database failure */
	/* The wijken of the organisatie in a period, read once per period
	 * (every indicator, and both parts of a verhouding, has the same
	 * rows); in the request arena, which the scratch resets leave alone. */
	struct {
		struct periode  p;
		int64_t        *wijk;
		size_t          n;
	} wijken[2];
	size_t           nwijken;
	/* The indicators whose figures are kept as sums (store/
	 * cijfer_som.h), read once per request; the others are computed
	 * from their facts. */
	int64_t         *som;
	size_t           nsom;
	int              som_gelezen;
};

static int
ber_id_volgorde(const void *x, const void *y)
{
	const int64_t *p = x, *q = y;

	return (*p > *q) - (*p < *q);
}

/* Whether ind's table can be read from its sums; -1 with b->rc set. */
static int
ber_som(struct ber *b, const struct indicator_rij *ind)
{
	if (!b->som_gelezen) {
		if ((b->rc = store_som_klaar_ids(b->c->db, b->c->arena, &b->som,
		    &b->nsom)) != DB_OK)
			return -1;
		b->som_gelezen = 1;
	}
	return b->nsom > 0 && bsearch(&ind->id, b->som, b->nsom,
	    sizeof(*b->som), ber_id_volgorde) != NULL;
}

/* The table of a telling or duur from its stored sums. */
static int
ber_uit_som(struct ber *b, const struct indicator_rij *ind,
    const struct indicator_regel *r, const struct periode *p,
    const int64_t *wijken, size_t nw, struct cijfer_tabel *t)
{
	struct cijfer_som *s;
	char code[PERIODE_CODE_MAX];
	size_t n;

	if ((b->rc = store_som_lees(b->c->db, &b->tmp, ind->id, b->org,
	    periode_code(p, code), &s, &n)) != DB_OK)
		return -1;
	if (cijfer_som_tabel(&b->tmp, r, s, n, wijken, nw, t) != 0) {
		/* sums that do not fit their rule: never a wrong figure */
		b->rc = DB_ERR;
		return -1;
	}
	return 0;
}

/* The wijken of b's organisatie in p; -1 with b->rc set on failure. */
static int
ber_wijken(struct ber *b, const struct periode *p, const int64_t **w,
    size_t *n)
{
	size_t i;

	for (i = 0; i < b->nwijken; i++)
		if (b->wijken[i].p.soort == p->soort &&
		    b->wijken[i].p.jaar == p->jaar &&
		    b->wijken[i].p.deel == p->deel) {
			*w = b->wijken[i].wijk;
			*n = b->wijken[i].n;
			return 0;
		}
	/* A request asks one period and the one before it; a third slot is
	 * never needed, and a miss only costs a read. */
	i = b->nwijken < 2 ? b->nwijken++ : 1;
	b->wijken[i].p = *p;
	if ((b->rc = store_cijfer_wijken(b->c->db, b->c->arena, b->org,
	    periode_eerste_dag(p), periode_laatste_dag(p), &b->wijken[i].wijk,
	    &b->wijken[i].n)) != DB_OK) {
		b->nwijken = i;
		return -1;
	}
	*w = b->wijken[i].wijk;
	*n = b->wijken[i].n;
	return 0;
}

/* Reads ind's rule into r (scratch: the strings point into *json, which
 * the caller puts). Returns 0, or -1 when the stored rule is unreadable. */
static int
ber_regel(const struct indicator_rij *ind, struct indicator_regel *r,
    struct json_object **json)
{
	struct json_object *fouten;
	int n;

	*json = NULL;
	if (ind->regel == NULL || (*json = json_tokener_parse(ind->regel)) ==
	    NULL)
		return -1;
	fouten = json_object_new_array();
	n = indicator_regel_lees(*json, r, fouten);
	json_object_put(fouten);
	return n == 0 ? 0 : -1;
}

/* What the rule needs of a fact beyond the fact itself. */
static unsigned
ber_met(const struct indicator_regel *r)
{
	unsigned met = 0;
	size_t i;

	if (r->traject_soort != NULL || r->thema_id != 0 || r->opdracht_id != 0)
		met |= CIJFER_MET_TRAJECT;
	for (i = 0; i < r->nuitsplitsing; i++)
		if (r->uitsplitsing[i].def == NULL)
			met |= CIJFER_MET_HOUDER;
	return met;
}

/*
 * The facts a rule of kind telling or duur reads for period p: of its
 * type in p; for a duur every A and B up to p's end (a wait that ends in
 * p may have begun years earlier, and an earlier B closes an earlier A, so
 * that it does not pair with a later B) of the inwoners with a B in p (no
 * other inwoner has a pair that counts in p). Into the scratch arena.
 */
static int
ber_feiten(struct ber *b, const struct indicator_regel *r,
    const struct periode *p, struct cijfer_feit **f, size_t *n)
{
	long van = periode_eerste_dag(p), tot = periode_laatste_dag(p);
	struct cijfer_feit *a, *z;
	size_t na, nz;

	if (r->soort == REGEL_TELLING) {
		b->rc = store_cijfer_feiten(b->c->db, &b->tmp, b->org, r->type,
		    van, tot, tot, ber_met(r), f, n);
		return b->rc == DB_OK ? 0 : -1;
	}
	if ((b->rc = store_cijfer_duurfeiten(b->c->db, &b->tmp, b->org, r->type,
	    r->tot_type, van, tot, &a, &na)) != DB_OK ||
	    (b->rc = store_cijfer_duurfeiten(b->c->db, &b->tmp, b->org,
	    r->tot_type, r->tot_type, van, tot, &z, &nz)) != DB_OK)
		return -1;
	if ((*f = arena_calloc(&b->tmp, na + nz + 1, sizeof(**f))) == NULL) {
		b->rc = DB_NOMEM;
		return -1;
	}
	memcpy(*f, a, na * sizeof(*a));
	memcpy(*f + na, z, nz * sizeof(*z));
	*n = na + nz;
	return 0;
}

/* The evaluator fails only when the scratch arena is full: that makes
 * the whole request fail (b->rc), never a figure computed from part. */
static int
ber_geheugen(struct ber *b, int ret)
{
	if (ret != 0 && b->rc == DB_OK)
		b->rc = DB_NOMEM;
	return ret;
}

/*
 * The table of ind for period p over the organisatie's wijken, and (when
 * aggregaat) its pattern of withheld cells, in the scratch arena. A
 * verhouding computes its teller and noemer first, each protected as it
 * would be shown by itself. Returns 0, or -1 (b->rc says why; DB_OK with
 * -1: the rule cannot be evaluated).
 */
static int
ber_tabel(struct ber *b, const struct indicator_rij *ind,
    const struct periode *p, int diepte, struct cijfer_tabel *t,
    struct cijfer_weg *weg)
{
	struct indicator_regel r;
	struct json_object *json;
	struct cijfer_feit *f;
	struct cijfer_stand *s;
	const int64_t *wijken;
	size_t n, nw;
	int ok = -1;

	memset(weg, 0, sizeof(*weg));
	if (diepte > CIJFER_DIEPTE || ber_regel(ind, &r, &json) != 0) {
		json_object_put(json);
		return -1;
	}
	if (ber_wijken(b, p, &wijken, &nw) != 0)
		goto uit;
	if (cijfer_som_bewaard(&r)) {
		int som = ber_som(b, ind);

		if (som != 0) {
			if (som > 0)
				ok = ber_uit_som(b, ind, &r, p, wijken, nw, t);
			goto bescherm;
		}
	}
	switch (r.soort) {
	case REGEL_TELLING:
		if (ber_feiten(b, &r, p, &f, &n) == 0)
			ok = ber_geheugen(b, cijfer_telling(&b->tmp, &r, p, f, n,
			    wijken, nw, t));
		break;
	case REGEL_DUUR:
		if (ber_feiten(b, &r, p, &f, &n) == 0)
			ok = ber_geheugen(b, cijfer_duur(&b->tmp, &r, p, f, n,
			    wijken, nw, t));
		break;
	case REGEL_STAND:
		if ((b->rc = store_cijfer_stand(b->c->db, &b->tmp, b->org,
		    verloop_toestand_code(r.toestand), periode_laatste_dag(p),
		    &s, &n)) == DB_OK)
			ok = ber_geheugen(b, cijfer_stand(&b->tmp, s, n, wijken,
			    nw, t));
		break;
	case REGEL_VERHOUDING: {
		struct indicator_rij ti, ni;
		struct cijfer_tabel tt, nt;
		struct cijfer_weg tw, nwg;
		int g1 = 0, g2 = 0;

		if ((b->rc = store_indicator_code(b->c->db, &b->tmp, r.teller,
		    &ti, &g1)) != DB_OK ||
		    (b->rc = store_indicator_code(b->c->db, &b->tmp, r.noemer,
		    &ni, &g2)) != DB_OK || !g1 || !g2)
			break;
		if (ber_tabel(b, &ti, p, diepte + 1, &tt, &tw) != 0 ||
		    ber_tabel(b, &ni, p, diepte + 1, &nt, &nwg) != 0)
			break;
		if ((ok = ber_geheugen(b, cijfer_verhouding(&b->tmp, &tt, &nt,
		    r.procent, t))) == 0 && b->aggregaat)
			ok = ber_geheugen(b, cijfer_weg_verhouding(&b->tmp, t, &tw,
			    &nwg, weg));
		goto uit;
	}
	}
bescherm:
	if (ok == 0 && b->aggregaat)
		ok = ber_geheugen(b, cijfer_onderdruk(&b->tmp, t, b->drempel, weg));
uit:
	json_object_put(json);
	return ok;
}

/* Row of wijk in t, or -1 (wijk 0: the total row). */
static long
ber_rij(const struct cijfer_tabel *t, int64_t wijk)
{
	size_t i;

	if (wijk == 0)
		return (long)t->nwijk;
	for (i = 0; i < t->nwijk; i++)
		if (t->wijk[i] == wijk)
			return (long)i;
	return -1;
}

/* Whether wijk may be shown (toon: ascending ids, ntoon; NULL: all). */
static int
ber_toon(const int64_t *toon, size_t ntoon, int64_t wijk)
{
	size_t i;

	if (toon == NULL)
		return 1;
	for (i = 0; i < ntoon; i++)
		if (toon[i] == wijk)
			return 1;
	return 0;
}

/* The item of row w of t (with pattern weg) and the previous period's
 * table vt (vweg), into the request arena. */
static int
ber_item(struct ber *b, const struct indicator_rij *ind,
    const struct cijfer_tabel *t, const struct cijfer_weg *weg, size_t w,
    const struct cijfer_tabel *vt, const struct cijfer_weg *vweg,
    struct cijfers_item *it)
{
	size_t v, k, ncat = 0, nd = 0;
	long vr;

	memset(it, 0, sizeof(*it));
	it->ind = ind;
	it->wijk_id = w < t->nwijk ? t->wijk[w] : 0;
	it->schaal = t->schaal;
	it->heeft = t->cel[w].heeft;
	it->waarde = t->cel[w].waarde;
	it->weg = b->aggregaat && weg->cel != NULL && weg->cel[w];
	for (v = 0; v < t->nverdeling; v++)
		ncat += t->verdeling[v].ncat;
	if (ncat > 0 && (it->deel = arena_calloc(b->c->arena, ncat,
	    sizeof(*it->deel))) == NULL)
		return -1;
	for (v = 0; v < t->nverdeling; v++)
		for (k = 0; k < t->verdeling[v].ncat; k++, nd++) {
			const struct cijfer_verdeling *d = &t->verdeling[v];

			it->deel[nd].code = d->cat[k];
			it->deel[nd].waarde = d->cel[w * d->ncat + k].waarde;
			it->deel[nd].weg = b->aggregaat &&
			    weg->verdeling[v] != NULL &&
			    weg->verdeling[v][w * d->ncat + k];
		}
	it->ndeel = nd;
	if (vt != NULL && (vr = ber_rij(vt, it->wijk_id)) >= 0) {
		it->vorige_heeft = vt->cel[vr].heeft;
		it->vorige = vt->cel[vr].waarde;
		it->vorige_weg = b->aggregaat && vweg->cel != NULL &&
		    vweg->cel[vr];
	}
	return 0;
}

/* The parties that deliver in keten_id's actief catalogue (a
 * ketenpartner sees the aggregates of its keten); the catalogue itself
 * into *k. */
static enum ops_uitkomst
ber_partijen(struct ops_ctx *c, int64_t keten_id, struct indicator_rij **k,
    size_t *nk, unsigned *partijen)
{
	struct indicator_filter alle = { keten_id, NULL, 1 };
	enum db_err rc;
	size_t i;

	*partijen = 0;
	if ((rc = store_indicator_lijst(c->db, c->arena, &alle, 0, 1000, k,
	    nk)) != DB_OK)
		return ops_storing(c, rc, "cijfers");
	for (i = 0; i < *nk; i++)
		if ((*k)[i].partij != NULL)
			*partijen |= gebeurtenis_partij_parse((*k)[i].partij);
	return OPS_OK;
}

/* Whether who may see formatversie fv, by the rule of ops/format.h. */
static int
ber_versie_zichtbaar(const struct principal *who,
    const struct streefwaarde_versie *fv)
{
	if (!format_mag_lezen(who))
		return 0;
	if (fv->status != NULL && strcmp(fv->status, "concept") != 0)
		return 1;
	return format_ziet_concepten(who, fv->keten_id);
}

/* The berekende indicators of v's formatversie, as pinned by its items
 * (a later version of an indicator does not change a published format). */
static enum ops_uitkomst
ber_versie(struct ops_ctx *c, const struct cijfers_vraag *v,
    struct indicator_rij **ind, size_t *n, unsigned *partijen)
{
	struct streefwaarde_versie fv;
	struct indicator_rij *k, *r;
	struct periode eerste;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t i, nk;
	int gevonden = 0;

	if ((rc = store_streefwaarde_versie_indicatoren(c->db, c->arena,
	    v->formatversie_id, &fv, &gevonden)) != DB_OK)
		return ops_storing(c, rc, "cijfers");
	if (!gevonden || !ber_versie_zichtbaar(c->who, &fv))
		return OPS_NIET_GEVONDEN;
	if (periode_lees_str(fv.eerste_periode, &eerste) != 0)
		return ops_storing(c, DB_ERR, "cijfers");
	if (periode_eerste_dag(&v->periode) < periode_eerste_dag(&eerste)) {
		char m[160];

		snprintf(m, sizeof(m), "Deze versie van het format geldt vanaf %s; "
		    "kies die periode of een latere.", fv.eerste_periode);
		return ops_veldfout(c, "periode", m);
	}
	if ((u = ber_partijen(c, fv.keten_id, &k, &nk, partijen)) != OPS_OK)
		return u;
	if ((r = arena_calloc(c->arena, fv.n + 1, sizeof(*r))) == NULL)
		return ops_storing(c, DB_NOMEM, "cijfers");
	for (i = 0, *n = 0; i < fv.n; i++) {
		if ((rc = store_indicator_lees(c->db, c->arena,
		    fv.indicator_ids[i], &r[*n], &gevonden)) != DB_OK)
			return ops_storing(c, rc, "cijfers");
		if (gevonden && strcmp(r[*n].bron, "berekend") == 0)
			(*n)++;
	}
	*ind = r;
	return OPS_OK;
}

/* The versions of v's request: those of its formatversie, one
 * indicator, or the actief berekende ones of the keten. */
static enum ops_uitkomst
ber_indicatoren(struct ops_ctx *c, const struct cijfers_vraag *v,
    struct indicator_rij **ind, size_t *n, unsigned *partijen)
{
	struct indicator_rij *r = NULL, *k;
	enum ops_uitkomst u;
	enum db_err rc;
	int64_t keten_id = v->keten_id;
	size_t i, nk;
	int gevonden = 0;

	*n = 0;
	*partijen = 0;
	if (v->formatversie_id > 0)
		return ber_versie(c, v, ind, n, partijen);
	if (v->indicator_id > 0) {
		if ((r = arena_calloc(c->arena, 1, sizeof(*r))) == NULL)
			return ops_storing(c, DB_NOMEM, "cijfers");
		if ((rc = store_indicator_lees(c->db, c->arena, v->indicator_id,
		    r, &gevonden)) != DB_OK)
			return ops_storing(c, rc, "cijfers");
		if (!gevonden || (v->keten_id > 0 && r->keten_id != v->keten_id))
			return OPS_NIET_GEVONDEN;
		keten_id = r->keten_id;
	}
	/* One read of the keten's actief catalogue: its parties, and,
	 * without an indicator_id, its berekende indicators. */
	if ((u = ber_partijen(c, keten_id, &k, &nk, partijen)) != OPS_OK)
		return u;
	if (r != NULL) {
		*ind = r;
		*n = strcmp(r->bron, "berekend") == 0 ? 1 : 0;
		return OPS_OK;
	}
	for (i = 0; i < nk; i++)
		if (strcmp(k[i].bron, "berekend") == 0)
			k[(*n)++] = k[i];
	*ind = k;
	return OPS_OK;
}

/* How ind's values add up, for the choice of its target
 * (domain/streefwaarde.h): SW_PRO_RATA for a telling, SW_OPTELBAAR for
 * any count. */
static unsigned
ber_streefsoort(const struct indicator_rij *ind)
{
	struct indicator_regel r;
	struct json_object *json;
	unsigned soort = 0;

	if (ber_regel(ind, &r, &json) == 0) {
		if (r.soort == REGEL_TELLING)
			soort = SW_PRO_RATA | SW_OPTELBAAR;
		else if (r.soort == REGEL_STAND)
			soort = SW_OPTELBAAR;
	} else if (ind->regel == NULL && ind->eenheid != NULL &&
	    (strcmp(ind->eenheid, "aantal") == 0 ||
	    strcmp(ind->eenheid, "euro") == 0 ||
	    strcmp(ind->eenheid, "fte") == 0)) {
		/* A typed count adds up like a computed one. */
		soort = SW_OPTELBAAR;
	}
	json_object_put(json);
	return soort;
}

/*
 * The target and status of every item: the targets of the n indicators
 * for v's periode and its year, one read; per indicator the one that
 * applies to each cell (domain/streefwaarde.h). A withheld value gets a
 * withheld status: "afwijking" next to a hidden number would say which
 * side of the target a small count lies.
 */
enum ops_uitkomst
cijfers_streef(struct ops_ctx *c, const struct periode *periode, int64_t org,
    const struct indicator_rij *ind, size_t n, struct cijfers_item *items,
    size_t nitems)
{
	struct streefwaarde_rij *rij;
	struct streefwaarde *sw, *eigen;
	struct periode jaar = { PERIODE_JAAR, periode->jaar, 1 };
	struct buf ids;
	enum db_err rc;
	size_t i, j, k, nrij, neigen;
	char pc[PERIODE_CODE_MAX], jc[PERIODE_CODE_MAX];
	unsigned streefsoort;

	if (n == 0 || nitems == 0)
		return OPS_OK;
	buf_init(&ids, c->arena);
	buf_putc(&ids, '[');
	for (i = 0; i < n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)ind[i].id);
	buf_putc(&ids, ']');
	if (ids.failed)
		return ops_storing(c, DB_NOMEM, "cijfers");
	if ((rc = store_streefwaarde_voor(c->db, c->arena, ids.data,
	    periode_code(periode, pc), periode_code(&jaar, jc), &rij,
	    &nrij)) != DB_OK)
		return ops_storing(c, rc, "cijfers");
	if ((sw = arena_calloc(c->arena, nrij + 1, sizeof(*sw))) == NULL)
		return ops_storing(c, DB_NOMEM, "cijfers");
	for (i = 0; i < nrij; i++)
		if (streefwaarde_van_rij(&rij[i], &sw[i]) != 0)
			return ops_storing(c, DB_ERR, "streefwaarde");
	for (i = 0; i < n; i++) {
		/* The targets of this indicator, side by side. */
		if ((eigen = arena_calloc(c->arena, nrij + 1, sizeof(*eigen))) ==
		    NULL)
			return ops_storing(c, DB_NOMEM, "cijfers");
		for (j = 0, neigen = 0; j < nrij; j++)
			if (rij[j].indicator_id == ind[i].id)
				eigen[neigen++] = sw[j];
		streefsoort = ber_streefsoort(&ind[i]);
		for (k = 0; k < nitems; k++) {
			struct cijfers_item *it = &items[k];

			if (it->ind == NULL || it->ind->id != ind[i].id)
				continue;
			streefwaarde_kies(eigen, neigen, periode,
			    org, it->wijk_id, streefsoort,
			    &it->streef);
			if (it->weg)
				it->status = SW_ONDERDRUKT;
			else if (!it->heeft)
				it->status = SW_GEEN_WAARDE;
			else
				it->status = streefwaarde_status(&it->streef,
				    it->waarde, it->schaal);
		}
	}
	return OPS_OK;
}

/*
 * For a user whose grants on the organisatie are wijkteam grants only,
 * the wijken of those wijkteams (*toon, ascending); NULL for a user who
 * holds the organisatie as a whole.
 */
static enum ops_uitkomst
ber_eigen_wijken(struct ops_ctx *c, int64_t org, int64_t **toon, size_t *n)
{
	char ids[512];
	enum db_err rc;
	size_t i;

	*toon = NULL;
	*n = 0;
	for (i = 0; i < c->who->ngrants; i++)
		if ((c->who->grants[i].rol & (ROL_MEDEWERKER | ROL_TEAMLEIDER)) &&
		    c->who->grants[i].scope == SCOPE_ORGANISATIE &&
		    c->who->grants[i].scope_id == org)
			return OPS_OK;
	principal_scope_ids(c->who, SCOPE_WIJKTEAM, ids, sizeof(ids));
	if ((rc = store_cijfer_wijkteam_wijken(c->db, c->arena, ids, toon, n)) !=
	    DB_OK)
		return ops_storing(c, rc, "cijfers");
	return OPS_OK;
}

/* The ids of the versions served, as a JSON array text, marked in use. */
static enum ops_uitkomst
ber_in_gebruik(struct ops_ctx *c, const struct indicator_rij *ind, size_t n)
{
	struct buf b;
	enum db_err rc;
	size_t i;

	if (n == 0)
		return OPS_OK;
	buf_init(&b, c->arena);
	buf_putc(&b, '[');
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)ind[i].id);
	buf_putc(&b, ']');
	if (b.failed)
		return ops_storing(c, DB_NOMEM, "cijfers");
	if ((rc = store_indicator_gebruikt(c->db, b.data)) != DB_OK)
		return ops_storing(c, rc, "cijfers");
	return OPS_OK;
}

enum ops_uitkomst
cijfers_lees(struct ops_ctx *c, const struct cijfers_vraag *v,
    struct cijfers_antwoord *out)
{
	struct indicator_rij *ind;
	struct cijfers_item *items = NULL;
	struct periode vorige = periode_vorige(&v->periode);
	enum ops_uitkomst u;
	struct ber b;
	unsigned partijen;
	int64_t *toon = NULL;
	size_t i, w, n, ntoon = 0, nitems = 0, max = 0;

	memset(out, 0, sizeof(*out));
	if (v->keten_id <= 0 && v->indicator_id <= 0 && v->formatversie_id <= 0)
		return ops_veldfout(c, "keten_id", "Kies een keten of een "
		    "indicator.");
	if ((u = ber_indicatoren(c, v, &ind, &n, &partijen)) != OPS_OK)
		return u;
	out->zicht = v->zicht != ZICHT_GEEN ? v->zicht : cijfers_zicht(c->who,
	    c->scope, v->organisatie_id, n > 0 ? ind[0].keten_id : v->keten_id,
	    partijen);
	if (out->zicht == ZICHT_GEEN || n == 0)
		return OPS_OK;
	if (out->zicht == ZICHT_EXACT && v->zicht == ZICHT_GEEN &&
	    (u = ber_eigen_wijken(c, v->organisatie_id, &toon, &ntoon)) !=
	    OPS_OK)
		return u;
	memset(&b, 0, sizeof(b));
	b.c = c;
	b.org = v->organisatie_id;
	b.aggregaat = out->zicht != ZICHT_EXACT;
	b.drempel = v->drempel > 1 ? v->drempel : 5;
	if (arena_init(&b.tmp, CIJFER_BLOK, CIJFER_GRENS) != 0)
		return ops_storing(c, DB_NOMEM, "cijfers");
	for (i = 0; i < n; i++) {
		struct cijfer_tabel t, vt;
		struct cijfer_weg weg, vweg;
		int heeft_vorige;

		if (ber_tabel(&b, &ind[i], &v->periode, 0, &t, &weg) != 0) {
			/* A rule that cannot be evaluated (a teller that is
			 * gone) is left out, not shown as zero; a failing
			 * database or a full arena fails the request. */
			if (b.rc != DB_OK)
				goto storing;
			continue;
		}
		heeft_vorige = periode_geldig(&vorige) &&
		    ber_tabel(&b, &ind[i], &vorige, 0, &vt, &vweg) == 0;
		if (!heeft_vorige && b.rc != DB_OK)
			goto storing;
		if (nitems + t.nwijk + 1 > max) {
			struct cijfers_item *nieuw;

			max = (nitems + t.nwijk + 1) * 2;
			if ((nieuw = arena_calloc(c->arena, max, sizeof(*nieuw))) ==
			    NULL) {
				b.rc = DB_NOMEM;
				goto storing;
			}
			if (nitems > 0)
				memcpy(nieuw, items, nitems * sizeof(*items));
			items = nieuw;
		}
		for (w = 0; w <= t.nwijk; w++) {
			int64_t wijk = w < t.nwijk ? t.wijk[w] : 0;

			if (v->wijk_id > 0 && wijk != v->wijk_id)
				continue;
			/* A user of some wijkteams sees their wijken only,
			 * and no total that would include the others. */
			if (toon != NULL && (wijk == 0 ||
			    !ber_toon(toon, ntoon, wijk)))
				continue;
			if (ber_item(&b, &ind[i], &t, &weg, w,
			    heeft_vorige ? &vt : NULL, &vweg,
			    &items[nitems]) != 0) {
				b.rc = DB_NOMEM;
				goto storing;
			}
			nitems++;
		}
		arena_reset(&b.tmp);
	}
	arena_free(&b.tmp);
	out->items = items;
	out->n = nitems;
	if ((u = cijfers_streef(c, &v->periode, v->organisatie_id, ind, n, items,
	    nitems)) != OPS_OK)
		return u;
	return ber_in_gebruik(c, ind, n);
storing:
	arena_free(&b.tmp);
	return ops_storing(c, b.rc, "cijfers");
}

/* Appends the records of the facts idx (nidx) of f, or of the stand rows
 * s (when f is NULL), that lie in wijk set toon, to *out. */
static int
herkomst_voeg(struct arena *ar, const struct cijfer_feit *f,
    const size_t *idx, size_t nidx, const struct cijfer_stand *s, size_t ns,
    int64_t wijk, const int64_t *toon, size_t ntoon,
    struct cijfers_herkomst **out, size_t *n)
{
	size_t i, k = 0, m = f != NULL ? nidx : ns;

	if ((*out = arena_calloc(ar, m + 1, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < m; i++) {
		struct cijfers_herkomst *h = &(*out)[k];
		int64_t w;

		if (f != NULL) {
			const struct cijfer_feit *x = &f[idx[i]];

			w = x->wijk_id;
			h->inwoner_id = x->inwoner_id;
			h->gebeurtenis_id = x->gebeurtenis_id;
			h->type = x->type;
			h->dag = x->dag;
			h->traject_id = x->traject_id;
		} else {
			w = s[i].wijk_id;
			if (wijk > 0 && w != wijk)
				continue;
			h->inwoner_id = s[i].inwoner_id;
		}
		if (!ber_toon(toon, ntoon, w))
			continue;
		k++;
	}
	*n = k;
	return 0;
}

/* One audit row "inzien" per distinct inwoner of the page, committed:
 * reading who is behind a figure is reading personal data. */
static enum ops_uitkomst
herkomst_audit(struct ops_ctx *c, const struct cijfers_herkomst *h, size_t n)
{
	struct buf b;
	enum ops_uitkomst u;
	size_t i, j;

	if (n == 0)
		return OPS_OK;
	buf_init(&b, c->arena);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && h[j].inwoner_id != h[i].inwoner_id; j++)
			;
		if (j == i)
			buf_printf(&b, "%s%lld", b.len ? "," : "",
			    (long long)h[i].inwoner_id);
	}
	if (b.failed)
		return ops_storing(c, DB_NOMEM, "herkomst");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (ops_audit_inzage(c, b.data, DOEL_VERANTWOORDING) != 0)
		return ops_storing(c, DB_ERR, "audit");
	if (ops_commit(c) != 0)
		return OPS_STORING;
	return OPS_OK;
}

enum ops_uitkomst
cijfers_herkomst(struct ops_ctx *c, const struct cijfers_vraag *v,
    size_t vanaf, size_t limit, struct cijfers_herkomst **out, size_t *n,
    int *meer)
{
	struct indicator_rij *ind, cur;
	struct indicator_regel r;
	struct json_object *json = NULL;
	struct cijfers_herkomst *alle = NULL, *page;
	struct cijfer_naam *namen;
	enum cijfer_zicht zicht;
	enum ops_uitkomst u;
	struct ber b;
	struct buf ids;
	unsigned partijen;
	int64_t *toon = NULL;
	size_t i, k, nind, nalle = 0, nnamen, ntoon = 0, diepte;
	int g = 0;

	*out = NULL;
	*n = 0;
	*meer = 0;
	if (v->indicator_id <= 0)
		return ops_veldfout(c, "indicator_id", "Kies een indicator.");
	if ((u = ber_indicatoren(c, v, &ind, &nind, &partijen)) != OPS_OK)
		return u;
	zicht = cijfers_zicht(c->who, c->scope, v->organisatie_id,
	    ind[0].keten_id, partijen);
	if (zicht == ZICHT_GEEN)
		return OPS_NIET_GEVONDEN;
	if (zicht != ZICHT_EXACT)
		return ops_weiger(c, OPS_GEWEIGERD, "U ziet van deze cijfers alleen "
		    "de totalen, niet de inwoners erachter.");
	if (nind == 0)
		return OPS_OK;
	if ((u = ber_eigen_wijken(c, v->organisatie_id, &toon, &ntoon)) !=
	    OPS_OK)
		return u;
	if (toon != NULL && v->wijk_id > 0 && !ber_toon(toon, ntoon, v->wijk_id))
		return OPS_NIET_GEVONDEN;
	memset(&b, 0, sizeof(b));
	b.c = c;
	b.org = v->organisatie_id;
	if (arena_init(&b.tmp, CIJFER_BLOK, CIJFER_GRENS) != 0)
		return ops_storing(c, DB_NOMEM, "herkomst");
	/* A verhouding's records are its teller's. */
	cur = ind[0];
	for (diepte = 0; ; diepte++) {
		json_object_put(json);
		json = NULL;
		if (diepte > CIJFER_DIEPTE || ber_regel(&cur, &r, &json) != 0)
			goto leeg;
		if (r.soort != REGEL_VERHOUDING)
			break;
		if ((b.rc = store_indicator_code(c->db, &b.tmp, r.teller, &cur,
		    &g)) != DB_OK)
			goto storing;
		if (!g)
			goto leeg;
	}
	if (r.soort == REGEL_STAND) {
		struct cijfer_stand *s;
		size_t ns;

		if ((b.rc = store_cijfer_stand(c->db, &b.tmp, b.org,
		    verloop_toestand_code(r.toestand),
		    periode_laatste_dag(&v->periode), &s, &ns)) != DB_OK ||
		    herkomst_voeg(&b.tmp, NULL, NULL, 0, s, ns, v->wijk_id, toon,
		    ntoon, &alle, &nalle) != 0)
			goto storing;
	} else {
		struct cijfer_feit *f;
		size_t nf, *idx, nidx;

		if (ber_feiten(&b, &r, &v->periode, &f, &nf) != 0)
			goto storing;
		if (cijfer_herkomst(&b.tmp, &r, &v->periode, f, nf, v->wijk_id,
		    &idx, &nidx) != 0 ||
		    herkomst_voeg(&b.tmp, f, idx, nidx, NULL, 0, v->wijk_id, toon,
		    ntoon, &alle, &nalle) != 0) {
			b.rc = DB_NOMEM;
			goto storing;
		}
	}
	/* The page, then the names of its inwoners that the caller's scope
	 * holds (an inwoner outside it is left out, never named). */
	if (limit == 0 || limit > HERKOMST_MAX)
		limit = HERKOMST_MAX;
	if (vanaf >= nalle)
		goto leeg;
	k = nalle - vanaf < limit ? nalle - vanaf : limit;
	*meer = vanaf + k < nalle;
	if ((page = arena_calloc(c->arena, k + 1, sizeof(*page))) == NULL) {
		b.rc = DB_NOMEM;
		goto storing;
	}
	memcpy(page, alle + vanaf, k * sizeof(*page));
	buf_init(&ids, c->arena);
	buf_putc(&ids, '[');
	for (i = 0; i < k; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "",
		    (long long)page[i].inwoner_id);
	buf_putc(&ids, ']');
	if (ids.failed || (b.rc = store_cijfer_namen(c->db, c->arena, c->scope,
	    ids.data, &namen, &nnamen)) != DB_OK) {
		if (b.rc == DB_OK)
			b.rc = DB_NOMEM;
		goto storing;
	}
	for (i = 0, *n = 0; i < k; i++) {
		size_t j;

		for (j = 0; j < nnamen && namen[j].inwoner_id !=
		    page[i].inwoner_id; j++)
			;
		if (j == nnamen)
			continue;
		page[*n] = page[i];
		page[*n].naam = namen[j].naam;
		/* The type text lives in the scratch arena. */
		if (page[*n].type != NULL)
			page[*n].type = arena_strdup(c->arena, page[*n].type);
		(*n)++;
	}
	*out = page;
	json_object_put(json);
	arena_free(&b.tmp);
	return herkomst_audit(c, page, *n);
leeg:
	json_object_put(json);
	arena_free(&b.tmp);
	return OPS_OK;
storing:
	json_object_put(json);
	arena_free(&b.tmp);
	return ops_storing(c, b.rc != DB_OK ? b.rc : DB_ERR, "herkomst");
}
