/*
 * compleetheid.c — completeness and timeliness (issue 12); see
 * compleetheid.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/veldfout.h"
#include "ops/compleetheid.h"
#include "store/compleetheid.h"

const char *
compleetheid_tijdig_code(enum compleetheid_tijdig t)
{
	switch (t) {
	case TIJDIG_OP_TIJD:
		return "op_tijd";
	case TIJDIG_TE_LAAT:
		return "te_laat";
	case TIJDIG_OPEN:
		break;
	}
	return "open";
}

/* Whether who holds a grant of rol with scope s and id. */
static int
heeft_grant(const struct principal *who, unsigned rol, enum scope_soort s,
    int64_t id)
{
	size_t i;

	for (i = 0; who != NULL && i < who->ngrants; i++)
		if ((who->grants[i].rol & rol) && who->grants[i].scope == s &&
		    (id == 0 || who->grants[i].scope_id == id))
			return 1;
	return 0;
}

/* "3,7": the organisaties of who's teamleider grants. */
static char *
eigen_orgs(struct arena *ar, const struct principal *who)
{
	char buf[MAX_GRANTS * 24], *p = buf;
	size_t i;

	buf[0] = '\0';
	for (i = 0; who != NULL && i < who->ngrants; i++)
		if ((who->grants[i].rol & ROL_TEAMLEIDER) &&
		    who->grants[i].scope == SCOPE_ORGANISATIE)
			p += snprintf(p, sizeof(buf) - (size_t)(p - buf), "%s%lld",
			    p == buf ? "" : ",",
			    (long long)who->grants[i].scope_id);
	return arena_strdup(ar, buf);
}

static void
regel_vul(struct compleetheid_regel *g, const struct compleetheid_versie *v,
    const struct compleetheid_rap *raps, size_t nraps,
    const struct compleetheid_ontbreekt *kp, size_t nkp)
{
	size_t i;

	g->rap = NULL;
	for (i = 0; i < nraps; i++)
		if (raps[i].format_id == v->format_id &&
		    raps[i].organisatie_id == g->org->id)
			g->rap = &raps[i];
	g->ingediend = g->rap != NULL && g->rap->status != NULL &&
	    strcmp(g->rap->status, "concept") != 0;
	if (g->ingediend && g->rap->ingediend_dag != NULL && v->termijn != NULL)
		g->tijdig = strcmp(g->rap->ingediend_dag, v->termijn) <= 0 ?
		    TIJDIG_OP_TIJD : TIJDIG_TE_LAAT;
	else
		g->tijdig = v->verstreken ? TIJDIG_TE_LAAT : TIJDIG_OPEN;
	g->kp = NULL;
	g->nkp = 0;
	g->kp_ontbreekt = 0;
	for (i = 0; i < nkp; i++) {
		if (kp[i].organisatie_id != g->org->id)
			continue;
		if (g->kp == NULL)
			g->kp = &kp[i];
		g->nkp++;
		g->kp_ontbreekt += kp[i].ontbreekt;
	}
}

enum ops_uitkomst
compleetheid_lees(struct ops_ctx *c, int64_t keten_id, const char *periode,
    struct compleetheid *out)
{
	struct compleetheid_versie *vs;
	struct compleetheid_org *orgs;
	struct compleetheid_rap *raps;
	struct periode p;
	char eerste[11], laatste[11], pc[PERIODE_CODE_MAX];
	const char *eigen = "";
	size_t nv, norgs, nraps, i, j;
	enum db_err rc;
	int gevonden = 0;

	memset(out, 0, sizeof(*out));
	if (periode == NULL || periode_lees_str(periode, &p) != 0)
		return ops_veldfout(c, "periode", "Vul een periode in, "
		    "bijvoorbeeld 2024-H1.");
	if ((rc = store_compleetheid_keten(c->db, c->arena, keten_id,
	    &out->keten, &gevonden)) != DB_OK)
		return ops_storing(c, rc, "compleetheid");
	if (!gevonden)
		return OPS_NIET_GEVONDEN;
	out->alles = principal_has(c->who, ROL_CONTRACTMANAGER) ||
	    principal_has(c->who, ROL_AUDITOR) ||
	    heeft_grant(c->who, ROL_REGISSEUR, SCOPE_KETEN, keten_id);
	if (!out->alles) {
		if (!heeft_grant(c->who, ROL_TEAMLEIDER, SCOPE_ORGANISATIE, 0))
			return ops_weiger(c, OPS_GEWEIGERD, "De compleetheid van "
			    "deze keten is alleen voor de regisseur van de keten, "
			    "de contractmanager en de auditor.");
		if ((eigen = eigen_orgs(c->arena, c->who)) == NULL)
			return ops_storing(c, DB_NOMEM, "compleetheid");
	}
	out->keten_id = keten_id;
	out->periode = arena_strdup(c->arena, periode_code(&p, pc));
	out->eerste_dag = arena_strdup(c->arena,
	    datum_tekst(periode_eerste_dag(&p), eerste));
	out->laatste_dag = arena_strdup(c->arena,
	    datum_tekst(periode_laatste_dag(&p), laatste));
	if (out->periode == NULL || out->eerste_dag == NULL ||
	    out->laatste_dag == NULL)
		return ops_storing(c, DB_NOMEM, "compleetheid");
	if ((rc = store_compleetheid_versies(c->db, c->arena, keten_id, eerste,
	    laatste, &vs, &nv)) != DB_OK ||
	    (rc = store_compleetheid_organisaties(c->db, c->arena, eerste,
	    laatste, out->alles, eigen, &orgs, &norgs)) != DB_OK ||
	    (rc = store_compleetheid_rapportages(c->db, c->arena, keten_id,
	    out->periode, &raps, &nraps)) != DB_OK)
		return ops_storing(c, rc, "compleetheid");
	if ((out->formats = arena_calloc(c->arena, nv + 1,
	    sizeof(*out->formats))) == NULL)
		return ops_storing(c, DB_NOMEM, "compleetheid");
	for (i = 0; i < nv; i++) {
		struct compleetheid_format *f = &out->formats[out->nformats];
		struct compleetheid_ontbreekt *kp;
		struct periode ep;
		size_t nkp;

		/* A version of another kind of periode (a year format asked
		 * for a half-year) does not apply. */
		if (periode_lees_str(vs[i].eerste_periode, &ep) != 0 ||
		    ep.soort != p.soort)
			continue;
		if ((rc = store_compleetheid_ontbrekend(c->db, c->arena,
		    vs[i].formatversie_id, out->periode, eerste, laatste, &kp,
		    &nkp)) != DB_OK)
			return ops_storing(c, rc, "compleetheid");
		f->versie = &vs[i];
		if ((f->regels = arena_calloc(c->arena, norgs + 1,
		    sizeof(*f->regels))) == NULL)
			return ops_storing(c, DB_NOMEM, "compleetheid");
		for (j = 0; j < norgs; j++) {
			struct compleetheid_regel *g = &f->regels[j];

			g->org = &orgs[j];
			regel_vul(g, &vs[i], raps, nraps, kp, nkp);
			if (g->rap == NULL)
				f->niet_gestart++;
			if (g->ingediend)
				f->ingediend++;
			if (g->rap != NULL &&
			    strcmp(g->rap->status, "vastgesteld") == 0)
				f->vastgesteld++;
			if (g->tijdig == TIJDIG_OP_TIJD)
				f->op_tijd++;
			else if (g->tijdig == TIJDIG_TE_LAAT)
				f->te_laat++;
		}
		f->nregels = norgs;
		out->nformats++;
	}
	return OPS_OK;
}
