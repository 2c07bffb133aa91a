/*
 * rapportage.c — rapportages (issue 12); see rapportage.h.
 *
 * One view serves every face: rapportage_lees builds the cells (value,
 * target, status, the toelichting a value needs) from the stored rows and
 * either the live figures or the snapshot; indienen checks that same view
 * and freezes it; vaststellen compares it with the previous vaststelling.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "core/getal.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/rapportage.h"
#include "domain/streefwaarde.h"
#include "domain/veldfout.h"
#include "domain/workflow.h"
#include "ops/rapportage.h"
#include "ops/rapportage_momentopname.h"
#include "store/cijfer.h"
#include "store/indicator.h"
#include "store/rapportage.h"

/* Most characters of a typed text (toelichting, reden, terugkoppeling). */
#define RAP_TEKST_MAX	8000

/* ---- who ---------------------------------------------------------- */

/* The roles who holds for organisatie org's rapportage of keten: the
 * team roles by an organisatie grant, the regisseur by a keten grant. */
static unsigned
rap_rollen(const struct principal *who, int64_t org, int64_t keten)
{
	unsigned r = 0;
	size_t i;

	for (i = 0; who != NULL && i < who->ngrants; i++) {
		const struct grant *g = &who->grants[i];

		if ((g->rol & (ROL_MEDEWERKER | ROL_TEAMLEIDER)) &&
		    g->scope == SCOPE_ORGANISATIE && g->scope_id == org)
			r |= g->rol;
		if (g->rol == ROL_REGISSEUR && g->scope == SCOPE_KETEN &&
		    g->scope_id == keten)
			r |= ROL_REGISSEUR;
	}
	return r;
}

/* "3,7": the scope ids of who's grants of the roles rollen and scope s. */
static char *
rap_ids(struct arena *ar, const struct principal *who, unsigned rollen,
    enum scope_soort s)
{
	char buf[MAX_GRANTS * 24], *p = buf;
	size_t i;

	buf[0] = '\0';
	for (i = 0; who != NULL && i < who->ngrants; i++)
		if ((who->grants[i].rol & rollen) && who->grants[i].scope == s)
			p += snprintf(p, sizeof(buf) - (size_t)(p - buf), "%s%lld",
			    p == buf ? "" : ",",
			    (long long)who->grants[i].scope_id);
	return arena_strdup(ar, buf);
}

static int
rap_bereik(struct ops_ctx *c, struct rapportage_bereik *b)
{
	memset(b, 0, sizeof(*b));
	b->alles = principal_has(c->who, ROL_CONTRACTMANAGER) ||
	    principal_has(c->who, ROL_AUDITOR);
	b->orgs = rap_ids(c->arena, c->who, ROL_MEDEWERKER | ROL_TEAMLEIDER,
	    SCOPE_ORGANISATIE);
	b->ketens = rap_ids(c->arena, c->who, ROL_REGISSEUR, SCOPE_KETEN);
	return b->orgs != NULL && b->ketens != NULL ? 0 : -1;
}

/* Rapportage id as c->who may see it. */
static enum ops_uitkomst
rap_laad(struct ops_ctx *c, int64_t id, struct rapportage_rij *r)
{
	struct rapportage_bereik b;
	enum db_err rc;
	int gevonden = 0;

	if (rap_bereik(c, &b) != 0)
		return ops_storing(c, DB_NOMEM, "rapportage");
	if ((rc = store_rapportage_lees(c->db, c->arena, &b, id, r,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	return gevonden ? OPS_OK : OPS_NIET_GEVONDEN;
}

/* Judges actie on r by c->who (rapportage_workflow); on OPS_OK *naar is
 * the state it leads to. */
static enum ops_uitkomst
rap_stap(struct ops_ctx *c, const struct rapportage_rij *r, const char *actie,
    const char *reden, const char **naar)
{
	const struct workflow_stap *st;
	enum workflow_oordeel o;

	o = workflow_toets(&rapportage_workflow, r->status, actie,
	    rap_rollen(c->who, r->organisatie_id, r->keten_id), reden, &st);
	switch (o) {
	case WF_MAG:
		*naar = st->naar;
		return OPS_OK;
	case WF_REDEN_ONTBREEKT:
		return ops_veldfout(c, "reden", "Geef een reden op.");
	case WF_ROL_ONTBREEKT:
		return ops_weiger(c, OPS_GEWEIGERD, workflow_oordeel_tekst(o));
	case WF_NIET_IN_DEZE_STAAT:
	case WF_ONBEKENDE_ACTIE:
		break;
	}
	return ops_weiger(c, OPS_CONFLICT, strcmp(r->status, "concept") == 0 ?
	    "Deze rapportage is nog een concept." :
	    strcmp(r->status, "ingediend") == 0 ?
	    "Deze rapportage is ingediend: wat erin staat verandert niet meer, "
	    "tenzij de regisseur haar terugstuurt." :
	    "Deze rapportage is vastgesteld: wat erin staat verandert niet meer, "
	    "tenzij de regisseur haar heropent.");
}

/* ---- input -------------------------------------------------------- */

static int
leeg(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n", *s) == NULL)
			return 0;
	return 1;
}

/* A typed text: NULL when empty; -1 with a field error when it is not
 * text or too long. */
static int
tekst_lees(struct ops_ctx *c, const char *veld, struct ops_tekst t,
    const char **out)
{
	*out = NULL;
	if (t.ongeldig) {
		fout_melding(c->fouten, veld, "Vul hier tekst in.");
		return -1;
	}
	if (leeg(t.tekst))
		return 0;
	if (strlen(t.tekst) > RAP_TEKST_MAX) {
		fout_melding(c->fouten, veld, "Deze tekst is te lang (ten hoogste "
		    "8000 tekens).");
		return -1;
	}
	*out = t.tekst;
	return 0;
}

static int
id_lees(struct ops_ctx *c, const char *veld, struct ops_tekst t, int64_t *id,
    const char *melding)
{
	*id = 0;
	if (t.ongeldig || t.tekst == NULL || getal_lees_str(t.tekst, 1,
	    INT64_MAX, id) != 0) {
		fout_melding(c->fouten, veld, melding);
		return -1;
	}
	return 0;
}

static int
vlag_lees(struct ops_tekst t, int *v)
{
	*v = 0;
	if (t.tekst == NULL || strcmp(t.tekst, "false") == 0 ||
	    strcmp(t.tekst, "0") == 0 || t.tekst[0] == '\0')
		return t.ongeldig ? -1 : 0;
	if (strcmp(t.tekst, "true") == 0 || strcmp(t.tekst, "1") == 0 ||
	    strcmp(t.tekst, "on") == 0) {
		*v = 1;
		return 0;
	}
	return -1;
}

static enum ops_uitkomst rap_waarde_rij(struct ops_ctx *, int64_t, int64_t,
		    struct rapportage_waarde_rij *);

/* ---- create and list ---------------------------------------------- */

enum ops_uitkomst
rapportage_maak(struct ops_ctx *c, const struct rapportage_invoer *in,
    int64_t *id)
{
	struct rapportage_versie fv;
	struct rapportage_rec rec;
	struct periode p, eerste;
	char dag[11], laatste[11], pc[PERIODE_CODE_MAX];
	int64_t *wijken = NULL, fvid = 0, org = 0;
	size_t nw = 0, i;
	struct buf ws;
	enum ops_uitkomst u;
	enum db_err rc;
	int gevonden = 0, ok = 1, wo = 0;

	ok &= id_lees(c, "formatversie_id", in->formatversie_id, &fvid,
	    "Kies een versie van een format.") == 0;
	ok &= id_lees(c, "organisatie_id", in->organisatie_id, &org,
	    "Kies een organisatie.") == 0;
	if (in->periode.ongeldig || in->periode.tekst == NULL ||
	    periode_lees_str(in->periode.tekst, &p) != 0) {
		fout_melding(c->fouten, "periode", "Vul een periode in, "
		    "bijvoorbeeld 2025-H1.");
		ok = 0;
	}
	if (!ok)
		return ops_terug(c, OPS_VELDEN);
	if (!(rap_rollen(c->who, org, 0) & (ROL_MEDEWERKER | ROL_TEAMLEIDER)))
		return ops_weiger(c, OPS_GEWEIGERD, "U maakt alleen rapportages "
		    "van uw eigen organisatie.");
	if ((rc = store_rapportage_organisatie(c->db, c->arena, org, &wo)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (!wo)
		return ops_veldfout(c, "organisatie_id", "Alleen een "
		    "wijkteamorganisatie rapporteert.");
	datum_tekst(periode_eerste_dag(&p), dag);
	datum_tekst(periode_laatste_dag(&p), laatste);
	if ((rc = store_rapportage_versie(c->db, c->arena, fvid, dag, &fv,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (!gevonden || strcmp(fv.status, "gepubliceerd") != 0)
		return ops_veldfout(c, "formatversie_id", "Deze versie van het "
		    "format is niet gepubliceerd.");
	if (periode_lees_str(fv.eerste_periode, &eerste) != 0)
		return ops_storing(c, DB_ERR, "rapportage");
	if (eerste.soort != p.soort)
		return ops_veldfout(c, "periode", "Deze versie van het format "
		    "rapporteert over een ander soort periode.");
	if (periode_eerste_dag(&p) < periode_eerste_dag(&eerste)) {
		char *m = arena_printf(c->arena, "Deze versie van het format geldt "
		    "pas vanaf %s.", fv.eerste_periode);

		return ops_veldfout(c, "periode", m);
	}
	if (fv.later > 0)
		return ops_veldfout(c, "formatversie_id", "Voor deze periode geldt "
		    "een nieuwere versie van het format; gebruik die.");
	if ((rc = store_cijfer_wijken(c->db, c->arena, org,
	    periode_eerste_dag(&p), periode_laatste_dag(&p), &wijken, &nw)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (nw == 0)
		return ops_veldfout(c, "periode", "Uw organisatie had in deze "
		    "periode geen wijkteam.");
	buf_init(&ws, c->arena);
	buf_puts(&ws, "[");
	for (i = 0; i < nw; i++)
		buf_printf(&ws, "%lld,", (long long)wijken[i]);
	buf_puts(&ws, "0]");
	if (ws.failed)
		return ops_storing(c, DB_NOMEM, "rapportage");
	memset(&rec, 0, sizeof(rec));
	rec.format_id = fv.format_id;
	rec.formatversie_id = fvid;
	rec.organisatie_id = org;
	rec.door = c->who->gebruiker_id;
	rec.periode = periode_code(&p, pc);
	rec.eerste_dag = dag;
	rec.laatste_dag = laatste;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_rapportage_nieuw(c->db, &rec, ws.data, id);
	if (rc == DB_DUPLICATE)
		return ops_weiger(c, OPS_CONFLICT, "Uw organisatie heeft voor deze "
		    "periode al een rapportage van dit format.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (store_rapportage_historie_nieuw(c->db, *id, "aangemaakt", NULL,
	    "concept", c->who->gebruiker_id, NULL) != DB_OK ||
	    ops_audit(c, "aanmaken", "rapportage", *id, GELUKT, rec.periode) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
rapportage_lijst(struct ops_ctx *c, const struct rapportage_filter *f,
    int64_t na, int limit, struct rapportage_rij **out, size_t *n)
{
	struct rapportage_bereik b;
	enum db_err rc;

	if (rap_bereik(c, &b) != 0)
		return ops_storing(c, DB_NOMEM, "rapportage");
	if ((rc = store_rapportage_lijst(c->db, c->arena, &b, f, na, limit, out,
	    n)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	return OPS_OK;
}

/* ---- the view ----------------------------------------------------- */

/* A stored DECIMAL as units of 1/STREEFWAARDE_SCHAAL. */
static int
decimaal(const char *s, int64_t *v)
{
	return s != NULL && streefwaarde_getal_lees(s, v) == 0;
}

/* x in units of 1/schaal as units of 1/STREEFWAARDE_SCHAAL. */
static int64_t
naar_schaal(int64_t x, int schaal)
{
	if (schaal < 1 || STREEFWAARDE_SCHAAL % schaal != 0)
		schaal = 1;
	return x * (STREEFWAARDE_SCHAAL / schaal);
}

static int
is_bron(const struct indicator_rij *ind, const char *bron)
{
	return ind != NULL && ind->bron != NULL && strcmp(ind->bron, bron) == 0;
}

static int
is_eenheid(const struct indicator_rij *ind, const char *e)
{
	return ind != NULL && ind->eenheid != NULL &&
	    strcmp(ind->eenheid, e) == 0;
}

/* The indicators of the values, in one read. */
static enum ops_uitkomst
rap_indicatoren(struct ops_ctx *c, const struct rapportage_waarde_rij *w,
    size_t nw, struct indicator_rij **ind, size_t *nind)
{
	struct buf ids;
	enum db_err rc;
	size_t i;

	buf_init(&ids, c->arena);
	buf_putc(&ids, '[');
	for (i = 0; i < nw; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "",
		    (long long)w[i].indicator_id);
	buf_putc(&ids, ']');
	if (ids.failed)
		return ops_storing(c, DB_NOMEM, "rapportage");
	if ((rc = store_indicator_ids(c->db, c->arena, ids.data, ind, nind)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	return OPS_OK;
}

static const struct indicator_rij *
rap_ind(const struct indicator_rij *ind, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ind[i].id == id)
			return &ind[i];
	return NULL;
}

/* The live figures of r for zicht, copied onto the cells. */
static enum ops_uitkomst
rap_live(struct ops_ctx *c, const struct rapportage_rij *r,
    enum cijfer_zicht zicht, int drempel, int64_t indicator,
    struct rapportage_cel *cel, size_t n)
{
	struct cijfers_vraag v;
	struct cijfers_antwoord a;
	enum ops_uitkomst u;
	size_t i, k;

	memset(&v, 0, sizeof(v));
	if (periode_lees_str(r->periode, &v.periode) != 0)
		return ops_storing(c, DB_ERR, "rapportage");
	v.organisatie_id = r->organisatie_id;
	/* One indicator's cells (after a value of it changed): only that
	 * indicator is computed; otherwise every one of the version. */
	if (indicator > 0)
		v.indicator_id = indicator;
	else
		v.formatversie_id = r->formatversie_id;
	v.drempel = drempel;
	v.zicht = zicht;
	for (i = 0; i < n && !is_bron(cel[i].ind, "berekend"); i++)
		;
	if (i == n)
		return OPS_OK;
	if ((u = cijfers_lees(c, &v, &a)) != OPS_OK)
		return u;
	for (i = 0; i < n; i++) {
		if (!is_bron(cel[i].ind, "berekend"))
			continue;
		cel[i].berekend = 1;
		for (k = 0; k < a.n; k++)
			if (a.items[k].ind->id == cel[i].rij->indicator_id &&
			    a.items[k].wijk_id == cel[i].rij->wijk_id) {
				cel[i].item = a.items[k];
				break;
			}
		cel[i].item.ind = cel[i].ind;
	}
	return OPS_OK;
}

/* The ketenpartner value of a live cell, or of its snapshot. */
static void
rap_kp(struct rapportage_cel *cel, int niet, const char *waarde,
    const char *tekst, const char *reden, int heeft)
{
	if (!heeft) {
		cel->herkomst = "ontbreekt";
		return;
	}
	if (niet) {
		cel->herkomst = "niet_te_leveren";
		cel->kp_reden = reden;
		return;
	}
	cel->herkomst = "ketenpartner";
	cel->tekst = tekst;
	cel->heeft = decimaal(waarde, &cel->waarde) || tekst != NULL;
}

/* The value that counts of a cell (live or frozen alike: the computed
 * part and the ketenpartner value are already on it). */
static void
rap_waarde(struct rapportage_cel *cel, int aggregaat, int drempel)
{
	const struct rapportage_waarde_rij *w = cel->rij;

	if (w->niet_te_leveren) {
		cel->herkomst = "niet_te_leveren";
		cel->heeft = 0;
		return;
	}
	if (w->waarde != NULL || w->tekst != NULL) {
		cel->herkomst = cel->berekend ? "overschreven" : "handmatig";
		cel->tekst = w->tekst;
		cel->heeft = decimaal(w->waarde, &cel->waarde) || w->tekst != NULL;
		/* A typed count is protected as a computed one would be
		 * (primary suppression: the team typed it, no table relates
		 * it to others). */
		cel->weg = aggregaat && is_eenheid(cel->ind, "aantal") &&
		    cel->waarde > 0 &&
		    cel->waarde < (int64_t)drempel * STREEFWAARDE_SCHAAL;
		return;
	}
	if (cel->berekend) {
		cel->herkomst = "berekend";
		cel->heeft = cel->item.heeft;
		cel->weg = cel->item.weg;
		cel->waarde = naar_schaal(cel->item.waarde, cel->item.schaal);
		return;
	}
	if (cel->herkomst == NULL)
		cel->herkomst = "ontbreekt";
}

static void
rap_vorige(struct rapportage_cel *cel, int aggregaat, int drempel)
{
	if (!cel->berekend) {
		/* A typed previous count is protected as the value is. */
		cel->vorige_weg = aggregaat && cel->vorige_heeft &&
		    is_eenheid(cel->ind, "aantal") && cel->vorige > 0 &&
		    cel->vorige < (int64_t)drempel * STREEFWAARDE_SCHAAL;
		return;
	}
	cel->vorige_heeft = cel->item.vorige_heeft;
	cel->vorige_weg = cel->item.vorige_weg;
	cel->vorige = naar_schaal(cel->item.vorige, cel->item.schaal);
}

/* Status and the toelichting each cell needs, from its target. */
static void
rap_status(struct rapportage_cel *cel)
{
	if (cel->weg)
		cel->status = SW_ONDERDRUKT;
	else if (!cel->heeft || cel->tekst != NULL)
		cel->status = SW_GEEN_WAARDE;
	else
		cel->status = streefwaarde_status(&cel->streef, cel->waarde,
		    STREEFWAARDE_SCHAAL);
	cel->toelichting_nodig = rapportage_toelichting_nodig(cel->status,
	    cel->heeft && !cel->weg && cel->tekst == NULL, cel->waarde,
	    cel->vorige_heeft && !cel->vorige_weg, cel->vorige,
	    cel->ind != NULL ? cel->ind->drempel_vorige_periode : 25);
}

/* Targets of the live cells: one cijfers_streef call over items shaped
 * like typed values. */
static enum ops_uitkomst
rap_streef_live(struct ops_ctx *c, const struct rapportage_rij *r,
    const struct indicator_rij *ind, size_t nind, struct rapportage_cel *cel,
    size_t n)
{
	struct cijfers_item *it;
	struct periode p;
	enum ops_uitkomst u;
	size_t i;

	if (n == 0)
		return OPS_OK;
	if (periode_lees_str(r->periode, &p) != 0)
		return ops_storing(c, DB_ERR, "rapportage");
	if ((it = arena_calloc(c->arena, n, sizeof(*it))) == NULL)
		return ops_storing(c, DB_NOMEM, "rapportage");
	for (i = 0; i < n; i++) {
		it[i].ind = cel[i].ind;
		it[i].wijk_id = cel[i].rij->wijk_id;
		it[i].schaal = STREEFWAARDE_SCHAAL;
		it[i].heeft = cel[i].heeft && cel[i].tekst == NULL;
		it[i].waarde = cel[i].waarde;
		it[i].weg = cel[i].weg;
	}
	if ((u = cijfers_streef(c, &p, r->organisatie_id, ind, nind, it, n)) !=
	    OPS_OK)
		return u;
	for (i = 0; i < n; i++)
		cel[i].streef = it[i].streef;
	return OPS_OK;
}

/* The previous period's vastgestelde value of each cell that is not
 * computed (a computed one has its previous period computed): the same
 * indicator, or the one its item continues (lineage), in the same wijk. */
static enum ops_uitkomst
rap_vorige_getypt(struct ops_ctx *c, const struct rapportage_rij *r,
    struct rapportage_cel *cel, size_t n)
{
	struct rapportage_vorige_rij *v;
	struct periode p, vp;
	char vc[PERIODE_CODE_MAX];
	enum db_err rc;
	size_t i, k, nv;

	if (periode_lees_str(r->periode, &p) != 0)
		return ops_storing(c, DB_ERR, "rapportage");
	vp = periode_vorige(&p);
	if (!periode_geldig(&vp))
		return OPS_OK;
	if ((rc = store_rapportage_vorige(c->db, c->arena, r->organisatie_id,
	    r->format_id, periode_code(&vp, vc), &v, &nv)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	for (i = 0; i < n; i++) {
		const struct rapportage_waarde_rij *w = cel[i].rij;

		if (cel[i].berekend)
			continue;
		for (k = 0; k < nv; k++)
			if (v[k].wijk_id == w->wijk_id &&
			    (v[k].indicator_id == w->indicator_id ||
			    (w->vorige_indicator_id > 0 &&
			    v[k].indicator_id == w->vorige_indicator_id)) &&
			    decimaal(v[k].waarde, &cel[i].vorige)) {
				cel[i].vorige_heeft = 1;
				break;
			}
	}
	return OPS_OK;
}

/* The frozen part of each cell from its snapshot. */
static enum ops_uitkomst
rap_bevroren(struct ops_ctx *c, struct rapportage_cel *cel, size_t n,
    int aggregaat)
{
	struct momentopname m;
	struct streefwaarde *sw;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (momentopname_lees(c->arena, cel[i].rij->momentopname, &m) != 0)
			return ops_storing(c, DB_ERR, "momentopname");
		if (m.berekend) {
			cel[i].berekend = 1;
			cel[i].item = m.item;
			cel[i].item.ind = cel[i].ind;
			cel[i].item.wijk_id = cel[i].rij->wijk_id;
			if (!aggregaat) {
				cel[i].item.weg = cel[i].item.vorige_weg = 0;
				for (k = 0; k < cel[i].item.ndeel; k++)
					cel[i].item.deel[k].weg = 0;
			}
		}
		if (m.heeft_sw) {
			if ((sw = arena_alloc(c->arena, sizeof(*sw))) == NULL)
				return ops_storing(c, DB_NOMEM, "rapportage");
			*sw = m.sw;
			cel[i].streef.sw = sw;
			cel[i].streef.deler = m.deler;
		}
		if (m.ketenpartner)
			rap_kp(&cel[i], m.kp_niet, m.kp_waarde, m.kp_tekst,
			    m.kp_reden, m.kp_heeft);
		cel[i].vorige_heeft = m.tv_heeft;
		cel[i].vorige = m.tv;
	}
	return OPS_OK;
}

/* The cells of r for zicht. */
static enum ops_uitkomst
rap_cellen(struct ops_ctx *c, const struct rapportage_rij *r,
    enum cijfer_zicht zicht, int drempel, int64_t indicator,
    struct rapportage_weergave *out)
{
	struct rapportage_waarde_rij *w;
	struct indicator_rij *ind = NULL;
	struct rapportage_cel *cel;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t nw, nind = 0, i;
	int live = strcmp(r->status, "concept") == 0;
	int aggregaat = zicht != ZICHT_EXACT;

	if ((rc = store_rapportage_waarden(c->db, c->arena, r->id, &w, &nw)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (indicator > 0) {
		size_t k = 0;

		for (i = 0; i < nw; i++)
			if (w[i].indicator_id == indicator)
				w[k++] = w[i];
		nw = k;
	}
	if ((u = rap_indicatoren(c, w, nw, &ind, &nind)) != OPS_OK)
		return u;
	if ((cel = arena_calloc(c->arena, nw + 1, sizeof(*cel))) == NULL)
		return ops_storing(c, DB_NOMEM, "rapportage");
	for (i = 0; i < nw; i++) {
		cel[i].rij = &w[i];
		cel[i].ind = rap_ind(ind, nind, w[i].indicator_id);
		if (live && is_bron(cel[i].ind, "ketenpartner"))
			rap_kp(&cel[i], w[i].kp_niet, w[i].kp_waarde, w[i].kp_tekst,
			    w[i].kp_reden, w[i].kp_id > 0);
	}
	if (live) {
		if ((u = rap_live(c, r, zicht, drempel, indicator, cel, nw)) ==
		    OPS_OK)
			u = rap_vorige_getypt(c, r, cel, nw);
	} else {
		u = rap_bevroren(c, cel, nw, aggregaat);
	}
	if (u != OPS_OK)
		return u;
	for (i = 0; i < nw; i++) {
		rap_waarde(&cel[i], aggregaat, drempel > 1 ? drempel : 5);
		rap_vorige(&cel[i], aggregaat, drempel > 1 ? drempel : 5);
	}
	if (live && (u = rap_streef_live(c, r, ind, nind, cel, nw)) != OPS_OK)
		return u;
	for (i = 0; i < nw; i++)
		rap_status(&cel[i]);
	out->cellen = cel;
	out->ncellen = nw;
	return OPS_OK;
}

/* Whether the decimal s is a count the aggregate view withholds. */
static int
klein_aantal(const char *s, int drempel)
{
	int64_t v;

	return decimaal(s, &v) && v > 0 &&
	    v < (int64_t)drempel * STREEFWAARDE_SCHAAL;
}

/* What the aggregate view withholds of the revision markers, so that they
 * do not give away what the cells withhold: a count below drempel, as a
 * typed count is withheld (rap_waarde); of any other figure both values
 * while its cell withholds its value. */
static void
rap_revisies_weg(struct rapportage_weergave *v, int drempel)
{
	const struct rapportage_cel *cel;
	struct rapportage_revisie_rij *x;
	size_t i, k;

	for (i = 0; i < v->nrevisies; i++) {
		x = &v->revisies[i];
		cel = NULL;
		for (k = 0; k < v->ncellen && cel == NULL; k++)
			if (v->cellen[k].rij->id == x->waarde_id)
				cel = &v->cellen[k];
		if (cel != NULL && is_eenheid(cel->ind, "aantal")) {
			x->oud_weg = x->oud_heeft && x->oud_tekst == NULL &&
			    klein_aantal(x->oud, drempel);
			x->nieuw_weg = x->nieuw_heeft && x->nieuw_tekst == NULL &&
			    klein_aantal(x->nieuw, drempel);
		} else if (cel == NULL || cel->weg) {
			x->oud_weg = x->oud_heeft;
			x->nieuw_weg = x->nieuw_heeft;
		}
	}
}

enum ops_uitkomst
rapportage_lees(struct ops_ctx *c, int64_t id, int drempel,
    struct rapportage_weergave *out)
{
	enum ops_uitkomst u;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((u = rap_laad(c, id, &out->r)) != OPS_OK)
		return u;
	out->rollen = rap_rollen(c->who, out->r.organisatie_id, out->r.keten_id);
	out->zicht = out->rollen != 0 ? ZICHT_EXACT : ZICHT_AGGREGAAT;
	out->bewerken = (out->rollen & (ROL_MEDEWERKER | ROL_TEAMLEIDER)) &&
	    strcmp(out->r.status, "concept") == 0;
	if ((u = rap_cellen(c, &out->r, out->zicht, drempel, 0, out)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_antwoorden(c->db, c->arena, id,
	    &out->antwoorden, &out->nantwoorden)) != DB_OK ||
	    (rc = store_rapportage_vragen(c->db, c->arena, id, &out->vragen,
	    &out->nvragen)) != DB_OK ||
	    (rc = store_rapportage_historie(c->db, c->arena, id, &out->historie,
	    &out->nhistorie)) != DB_OK ||
	    (rc = store_rapportage_revisies(c->db, c->arena, id, &out->revisies,
	    &out->nrevisies)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (out->zicht == ZICHT_AGGREGAAT)
		rap_revisies_weg(out, drempel > 1 ? drempel : 5);
	/* A regisseur reads the exact figures of the organisatie whose
	 * report they judge: that read is on record. */
	if ((out->rollen & ROL_REGISSEUR) &&
	    !(out->rollen & (ROL_MEDEWERKER | ROL_TEAMLEIDER))) {
		/* After the regisseur's own write the row joins that
		 * transaction; a plain read commits its own. */
		int eigen = !c->open;

		if (eigen && (u = ops_begin(c)) != OPS_OK)
			return u;
		if (ops_audit(c, "inzien", "rapportage", id, GELUKT,
		    out->r.periode) != 0)
			return ops_storing(c, DB_ERR, "audit");
		if (eigen && ops_commit(c) != 0)
			return ops_storing(c, c->db_rc, "audit");
	}
	return OPS_OK;
}

enum ops_uitkomst
rapportage_waarde_lees(struct ops_ctx *c, int64_t id, int64_t waarde_id,
    int drempel, struct rapportage_weergave *out)
{
	struct rapportage_waarde_rij w;
	enum ops_uitkomst u;

	memset(out, 0, sizeof(*out));
	if ((u = rap_laad(c, id, &out->r)) != OPS_OK)
		return u;
	if ((u = rap_waarde_rij(c, id, waarde_id, &w)) != OPS_OK)
		return u;
	out->rollen = rap_rollen(c->who, out->r.organisatie_id, out->r.keten_id);
	out->zicht = out->rollen != 0 ? ZICHT_EXACT : ZICHT_AGGREGAAT;
	out->bewerken = (out->rollen & (ROL_MEDEWERKER | ROL_TEAMLEIDER)) &&
	    strcmp(out->r.status, "concept") == 0;
	return rap_cellen(c, &out->r, out->zicht, drempel, w.indicator_id, out);
}

/* ---- drafting ----------------------------------------------------- */

/* r for a team member's edit of a concept. */
static enum ops_uitkomst
rap_concept(struct ops_ctx *c, int64_t id, struct rapportage_rij *r)
{
	enum ops_uitkomst u;

	if ((u = rap_laad(c, id, r)) != OPS_OK)
		return u;
	if (!(rap_rollen(c->who, r->organisatie_id, r->keten_id) &
	    (ROL_MEDEWERKER | ROL_TEAMLEIDER)))
		return ops_weiger(c, OPS_GEWEIGERD, "Alleen de organisatie zelf "
		    "vult haar rapportage in.");
	if (strcmp(r->status, "concept") != 0)
		return ops_weiger(c, OPS_CONFLICT, strcmp(r->status,
		    "ingediend") == 0 ? "Deze rapportage is ingediend: wat erin "
		    "staat verandert niet meer, tenzij de regisseur haar "
		    "terugstuurt." : "Deze rapportage is vastgesteld: wat erin "
		    "staat verandert niet meer, tenzij de regisseur haar heropent.");
	return OPS_OK;
}

/* The value row waarde_id of rapportage id. */
static enum ops_uitkomst
rap_waarde_rij(struct ops_ctx *c, int64_t id, int64_t waarde_id,
    struct rapportage_waarde_rij *out)
{
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_rapportage_waarde(c->db, c->arena, id, waarde_id, out,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	return gevonden ? OPS_OK : OPS_NIET_GEVONDEN;
}

static const char *
partij_naam(const char *p)
{
	const char *l = veld_optie_label(indicator_partijen, p);

	return l != NULL ? l : "de ketenpartner";
}

enum ops_uitkomst
rapportage_waarde_wijzig(struct ops_ctx *c, int64_t id, int64_t waarde_id,
    int64_t versie, const struct rapportage_waarde_invoer *in)
{
	struct rapportage_rij r;
	struct rapportage_waarde_rij w;
	struct rapportage_waarde_rec rec;
	struct indicator_rij ind;
	const char *waarde = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t affected = 0;
	int64_t v;
	int gevonden = 0, ok = 1;
	char getal[40];

	if ((u = rap_concept(c, id, &r)) != OPS_OK)
		return u;
	if ((u = rap_waarde_rij(c, id, waarde_id, &w)) != OPS_OK)
		return u;
	if ((rc = store_indicator_lees(c->db, c->arena, w.indicator_id, &ind,
	    &gevonden)) != DB_OK || !gevonden)
		return ops_storing(c, rc != DB_OK ? rc : DB_ERR, "rapportage");
	memset(&rec, 0, sizeof(rec));
	rec.door = c->who->gebruiker_id;
	if (vlag_lees(in->niet_te_leveren, &rec.niet_te_leveren) != 0) {
		fout_melding(c->fouten, "niet_te_leveren", "Kies ja of nee.");
		ok = 0;
	}
	ok &= tekst_lees(c, "reden", in->reden, &rec.reden) == 0;
	ok &= tekst_lees(c, "toelichting", in->toelichting, &rec.toelichting) ==
	    0;
	ok &= tekst_lees(c, "niet_te_leveren_reden", in->niet_te_leveren_reden,
	    &rec.niet_te_leveren_reden) == 0;
	ok &= tekst_lees(c, "tekst", in->tekst, &rec.tekst) == 0;
	if (in->waarde.ongeldig) {
		fout_melding(c->fouten, "waarde", "Vul een getal in, bijvoorbeeld "
		    "12 of 12,5.");
		ok = 0;
	} else if (!leeg(in->waarde.tekst)) {
		waarde = in->waarde.tekst;
	}
	if (!ok)
		return ops_terug(c, OPS_VELDEN);
	if (is_bron(&ind, "ketenpartner") && (waarde != NULL ||
	    rec.tekst != NULL))
		return ops_veldfout(c, "waarde", arena_printf(c->arena, "Deze "
		    "waarde levert %s aan; u kunt haar niet invullen.",
		    partij_naam(ind.partij)));
	if (is_eenheid(&ind, "tekst")) {
		if (waarde != NULL)
			return ops_veldfout(c, "waarde", "Deze indicator vraagt om "
			    "tekst, niet om een getal.");
	} else if (rec.tekst != NULL) {
		return ops_veldfout(c, "tekst", "Deze indicator vraagt om een "
		    "getal.");
	}
	if (waarde != NULL) {
		if (streefwaarde_getal_lees(waarde, &v) != 0 || v < 0)
			return ops_veldfout(c, "waarde", "Vul een getal van 0 of "
			    "meer in, bijvoorbeeld 12 of 12,5.");
		if (is_eenheid(&ind, "aantal") && v % STREEFWAARDE_SCHAAL != 0)
			return ops_veldfout(c, "waarde", "Een aantal is een heel "
			    "getal.");
		if (is_eenheid(&ind, "percentage") &&
		    v > 100 * (int64_t)STREEFWAARDE_SCHAAL)
			return ops_veldfout(c, "waarde", "Een percentage ligt "
			    "tussen 0 en 100.");
		rec.waarde = arena_strdup(c->arena, streefwaarde_getal_tekst(v,
		    STREEFWAARDE_SCHAAL, getal));
	}
	if ((rec.waarde != NULL || rec.tekst != NULL) &&
	    is_bron(&ind, "berekend") && rec.reden == NULL)
		return ops_veldfout(c, "reden", "Geef aan waarom u de berekende "
		    "waarde vervangt; de berekende blijft ernaast zichtbaar.");
	if (rec.niet_te_leveren) {
		if (rec.niet_te_leveren_reden == NULL)
			return ops_veldfout(c, "niet_te_leveren_reden", "Geef aan "
			    "waarom deze waarde niet te leveren is.");
		rec.waarde = rec.tekst = NULL;
	} else {
		rec.niet_te_leveren_reden = NULL;
	}
	if (rec.waarde == NULL && rec.tekst == NULL)
		rec.reden = NULL;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_waarde_wijzig(c->db, id, waarde_id, versie,
	    &rec, &affected)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (affected == 0)
		return ops_terug(c, OPS_VEROUDERD);
	if (ops_audit(c, "wijzigen", "rapportage_waarde", waarde_id, GELUKT,
	    ind.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
rapportage_antwoord_wijzig(struct ops_ctx *c, int64_t id, int64_t antwoord_id,
    int64_t versie, const struct rapportage_antwoord_invoer *in)
{
	struct rapportage_rij r;
	struct rapportage_antwoord_rij *a = NULL, *rij;
	const char *antwoord = NULL, *toelichting = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t affected = 0;
	size_t n, i;

	if ((u = rap_concept(c, id, &r)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_antwoorden(c->db, c->arena, id, &rij, &n)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	for (i = 0; i < n && a == NULL; i++)
		if (rij[i].id == antwoord_id)
			a = &rij[i];
	if (a == NULL)
		return OPS_NIET_GEVONDEN;
	if (tekst_lees(c, "toelichting", in->toelichting, &toelichting) != 0)
		return ops_terug(c, OPS_VELDEN);
	if (in->antwoord.ongeldig)
		return ops_veldfout(c, "antwoord", "Kies voldaan, deels of niet.");
	if (!leeg(in->antwoord.tekst)) {
		if (strcmp(a->soort, "eis") != 0)
			return ops_veldfout(c, "antwoord", "Een open vraag "
			    "beantwoordt u in de toelichting.");
		if (!rapportage_oordeel_geldig(in->antwoord.tekst))
			return ops_veldfout(c, "antwoord", "Kies voldaan, deels of "
			    "niet.");
		antwoord = in->antwoord.tekst;
	}
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_antwoord_wijzig(c->db, id, antwoord_id,
	    versie, antwoord, toelichting, c->who->gebruiker_id, &affected)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (affected == 0)
		return ops_terug(c, OPS_VEROUDERD);
	if (ops_audit(c, "wijzigen", "rapportage_antwoord", antwoord_id, GELUKT,
	    a->eis_code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* ---- another version ---------------------------------------------- */

enum ops_uitkomst
rapportage_versie_wissel(struct ops_ctx *c, int64_t id, int64_t versie,
    struct ops_tekst formatversie_id)
{
	struct rapportage_rij r;
	struct rapportage_versie fv;
	struct rapportage_vraag_rij *q;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t affected = 0;
	int64_t fvid = 0;
	size_t nq;
	int gevonden = 0;
	char *reden;

	if ((u = rap_laad(c, id, &r)) != OPS_OK)
		return u;
	if (!(rap_rollen(c->who, r.organisatie_id, r.keten_id) & ROL_TEAMLEIDER))
		return ops_weiger(c, OPS_GEWEIGERD, "De teamleider kiest of de "
		    "rapportage naar een nieuwere versie van het format gaat.");
	if (strcmp(r.status, "concept") != 0)
		return ops_weiger(c, OPS_CONFLICT, "Alleen een concept gaat naar "
		    "een andere versie van het format.");
	if (id_lees(c, "formatversie_id", formatversie_id, &fvid, "Kies een "
	    "versie van het format.") != 0)
		return ops_terug(c, OPS_VELDEN);
	if (r.versie != versie)
		return ops_terug(c, OPS_VEROUDERD);
	if (fvid == r.formatversie_id)
		return ops_veldfout(c, "formatversie_id", "De rapportage gebruikt "
		    "deze versie al.");
	/* Vragen and revision markers point at the values of this version:
	 * after a vaststelling or with a vraag the version stays. */
	if ((rc = store_rapportage_vragen(c->db, c->arena, id, &q, &nq)) !=
	    DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (r.ronde > 0 || nq > 0)
		return ops_weiger(c, OPS_CONFLICT, "Deze rapportage is al eens "
		    "beoordeeld; ze houdt haar versie van het format.");
	if ((rc = store_rapportage_versie(c->db, c->arena, fvid, r.eerste_dag,
	    &fv, &gevonden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (!gevonden || fv.format_id != r.format_id ||
	    strcmp(fv.status, "gepubliceerd") != 0 || fv.later > 0 ||
	    strcmp(fv.eerste_dag, r.eerste_dag) > 0)
		return ops_veldfout(c, "formatversie_id", "Kies de versie van dit "
		    "format die voor deze periode geldt.");
	reden = arena_printf(c->arena, "Van versie %lld naar versie %lld van het "
	    "format.", (long long)r.nummer, (long long)fv.nummer);
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_wissel(c->db, id, versie, r.formatversie_id,
	    fvid, &affected)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (affected == 0)
		return ops_terug(c, OPS_VEROUDERD);
	if ((rc = store_rapportage_historie_nieuw(c->db, id, "versie_wisselen",
	    "concept", "concept", c->who->gebruiker_id, reden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (ops_audit(c, "versie_wisselen", "rapportage", id, GELUKT, reden) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* ---- transitions -------------------------------------------------- */

/* Moves r along step actie to naar with a historie row and an audit row,
 * in the open transaction. */
static enum ops_uitkomst
rap_zet(struct ops_ctx *c, const struct rapportage_rij *r, int64_t versie,
    const char *actie, const char *naar, const char *reden,
    const char *terugkoppeling)
{
	uint64_t affected = 0;
	enum db_err rc;

	if ((rc = store_rapportage_status(c->db, r->id, versie, r->status, naar,
	    c->who->gebruiker_id, terugkoppeling, &affected)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (affected == 0)
		return ops_terug(c, OPS_VEROUDERD);
	if ((rc = store_rapportage_historie_nieuw(c->db, r->id, actie, r->status,
	    naar, c->who->gebruiker_id, reden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (ops_audit(c, actie, "rapportage", r->id, GELUKT, reden) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* A label for a value in a message: "Wachtlijst (Oost)". */
static const char *
cel_naam(struct ops_ctx *c, const struct rapportage_cel *cel)
{
	return arena_printf(c->arena, "%s (%s)", cel->ind != NULL ?
	    cel->ind->naam : "indicator", cel->rij->wijk != NULL ?
	    cel->rij->wijk : "totaal");
}

/* Every missing toelichting, value and answer of v, as field errors. */
static int
rap_ontbreekt(struct ops_ctx *c, const struct rapportage_weergave *v)
{
	char veld[64];
	size_t i;
	int n = 0;

	for (i = 0; i < v->ncellen; i++) {
		const struct rapportage_cel *cel = &v->cellen[i];

		if (strcmp(cel->herkomst, "ontbreekt") == 0 &&
		    !is_bron(cel->ind, "ketenpartner")) {
			snprintf(veld, sizeof(veld), "waarden/%lld/waarde",
			    (long long)cel->rij->id);
			fout_melding(c->fouten, veld, arena_printf(c->arena,
			    "%s: vul een waarde in, of geef aan dat ze niet te "
			    "leveren is.", cel_naam(c, cel)));
			n++;
		}
		if (cel->toelichting_nodig && cel->rij->toelichting == NULL) {
			snprintf(veld, sizeof(veld), "waarden/%lld/toelichting",
			    (long long)cel->rij->id);
			fout_melding(c->fouten, veld, arena_printf(c->arena,
			    "%s: %s Geef een toelichting.", cel_naam(c, cel),
			    rapportage_reden_tekst(cel->toelichting_nodig)));
			n++;
		}
	}
	for (i = 0; i < v->nantwoorden; i++) {
		const struct rapportage_antwoord_rij *a = &v->antwoorden[i];
		int eis = strcmp(a->soort, "eis") == 0;

		if (eis ? a->antwoord != NULL : a->toelichting != NULL)
			continue;
		snprintf(veld, sizeof(veld), "eisen/%lld/%s", (long long)a->id,
		    eis ? "antwoord" : "toelichting");
		fout_melding(c->fouten, veld, eis ? arena_printf(c->arena,
		    "Eis %s: kies voldaan, deels of niet.", a->eis_code) :
		    arena_printf(c->arena, "Beantwoord de vraag \"%s\".",
		    a->vraag));
		n++;
	}
	return n;
}

/* The snapshot of one cell as shown exactly (ex) with the small-number
 * pattern of the aggregate view (ag). */
static char *
rap_opname(struct ops_ctx *c, const struct rapportage_cel *ex,
    const struct rapportage_cel *ag)
{
	struct momentopname m;
	size_t k;

	memset(&m, 0, sizeof(m));
	if (ex->berekend) {
		m.berekend = 1;
		m.item = ex->item;
		m.item.weg = ag->item.weg;
		m.item.vorige_weg = ag->item.vorige_weg;
		if (ag->item.ndeel == m.item.ndeel && m.item.ndeel > 0) {
			struct cijfers_deel *d = arena_calloc(c->arena,
			    m.item.ndeel, sizeof(*d));

			if (d == NULL)
				return NULL;
			for (k = 0; k < m.item.ndeel; k++) {
				d[k] = ex->item.deel[k];
				d[k].weg = ag->item.deel[k].weg;
			}
			m.item.deel = d;
		}
	}
	if (ex->streef.sw != NULL) {
		m.heeft_sw = 1;
		m.sw = *ex->streef.sw;
		m.deler = ex->streef.deler > 0 ? ex->streef.deler : 1;
	}
	if (!ex->berekend && ex->vorige_heeft) {
		m.tv_heeft = 1;
		m.tv = ex->vorige;
	}
	if (is_bron(ex->ind, "ketenpartner")) {
		const struct rapportage_waarde_rij *w = ex->rij;

		m.ketenpartner = 1;
		m.kp_heeft = w->kp_id > 0;
		m.kp_niet = w->kp_niet;
		m.kp_waarde = w->kp_waarde;
		m.kp_tekst = w->kp_tekst;
		m.kp_reden = w->kp_reden;
	}
	return momentopname_schrijf(c->arena, &m);
}

enum ops_uitkomst
rapportage_indienen(struct ops_ctx *c, int64_t id, int64_t versie, int drempel)
{
	struct rapportage_weergave ex, ag;
	const char *naar;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t i;
	char *json;

	memset(&ex, 0, sizeof(ex));
	if ((u = rap_laad(c, id, &ex.r)) != OPS_OK)
		return u;
	if ((u = rap_stap(c, &ex.r, "indienen", NULL, &naar)) != OPS_OK)
		return u;
	if (ex.r.versie != versie)
		return ops_terug(c, OPS_VEROUDERD);
	/* The status changes first: it holds the rapportage row, so no edit
	 * of a value can land between the check and the snapshot. */
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((u = rap_zet(c, &ex.r, versie, "indienen", naar, NULL, NULL)) !=
	    OPS_OK)
		return u;
	ag = ex;
	if ((u = rap_cellen(c, &ex.r, ZICHT_EXACT, drempel, 0, &ex)) != OPS_OK ||
	    (u = rap_cellen(c, &ag.r, ZICHT_AGGREGAAT, drempel, 0, &ag)) != OPS_OK)
		return u == OPS_VELDEN ? ops_terug(c, OPS_STORING) : u;
	if ((rc = store_rapportage_antwoorden(c->db, c->arena, id,
	    &ex.antwoorden, &ex.nantwoorden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (rap_ontbreekt(c, &ex) > 0)
		return ops_terug(c, OPS_VELDEN);
	if (ex.ncellen != ag.ncellen)
		return ops_storing(c, DB_ERR, "rapportage");
	for (i = 0; i < ex.ncellen; i++) {
		if ((json = rap_opname(c, &ex.cellen[i], &ag.cellen[i])) == NULL)
			return ops_storing(c, DB_NOMEM, "rapportage");
		if ((rc = store_rapportage_momentopname(c->db,
		    ex.cellen[i].rij->id, json)) != DB_OK)
			return ops_storing(c, rc, "rapportage");
	}
	return OPS_OK;
}

/* A regisseur's step back to concept (terugsturen, heropenen): the
 * snapshots go, the figures are live again. */
static enum ops_uitkomst
rap_terug(struct ops_ctx *c, int64_t id, int64_t versie, const char *actie,
    struct ops_tekst reden)
{
	struct rapportage_rij r;
	const char *naar, *tekst = NULL;
	enum ops_uitkomst u;
	enum db_err rc;

	if ((u = rap_laad(c, id, &r)) != OPS_OK)
		return u;
	if (tekst_lees(c, "reden", reden, &tekst) != 0)
		return ops_terug(c, OPS_VELDEN);
	if ((u = rap_stap(c, &r, actie, tekst, &naar)) != OPS_OK)
		return u;
	if (r.versie != versie)
		return ops_terug(c, OPS_VEROUDERD);
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((u = rap_zet(c, &r, versie, actie, naar, tekst, NULL)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_momentopnamen_weg(c->db, id)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	return OPS_OK;
}

enum ops_uitkomst
rapportage_terugsturen(struct ops_ctx *c, int64_t id, int64_t versie,
    struct ops_tekst reden)
{
	return rap_terug(c, id, versie, "terugsturen", reden);
}

enum ops_uitkomst
rapportage_heropenen(struct ops_ctx *c, int64_t id, int64_t versie,
    struct ops_tekst reden)
{
	return rap_terug(c, id, versie, "heropenen", reden);
}

/* The value of a cell as text for the vastgesteld columns: the decimal,
 * or NULL (tekst carries a text value). */
static const char *
cel_decimaal(struct ops_ctx *c, const struct rapportage_cel *cel)
{
	char b[40];

	if (!cel->heeft || cel->tekst != NULL)
		return NULL;
	return arena_strdup(c->arena, streefwaarde_getal_tekst(cel->waarde,
	    STREEFWAARDE_SCHAAL, b));
}

static int
zelfde(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Whether the value of cel differs from what was vastgesteld before. */
static int
cel_anders(const struct rapportage_cel *cel, const char *nieuw)
{
	const struct rapportage_waarde_rij *w = cel->rij;
	int64_t a, b;
	int heeft = cel->heeft;

	if (heeft != w->vastgesteld_heeft)
		return 1;
	if (!heeft)
		return 0;
	if (cel->tekst != NULL || w->vastgesteld_tekst != NULL)
		return !zelfde(cel->tekst, w->vastgesteld_tekst);
	if (!decimaal(nieuw, &a) || !decimaal(w->vastgesteld_waarde, &b))
		return !zelfde(nieuw, w->vastgesteld_waarde);
	return a != b;
}

/* The reason of the last heropening, for the revision markers. */
static const char *
heropen_reden(struct ops_ctx *c, int64_t id)
{
	struct rapportage_historie_rij *h;
	size_t n, i;
	const char *reden = NULL;

	if (store_rapportage_historie(c->db, c->arena, id, &h, &n) != DB_OK)
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(h[i].actie, "heropenen") == 0)
			reden = h[i].reden;
	return reden;
}

enum ops_uitkomst
rapportage_vaststellen(struct ops_ctx *c, int64_t id, int64_t versie,
    const struct rapportage_vaststel_invoer *in, int drempel)
{
	struct rapportage_weergave v;
	struct rapportage_revisie_rec rev;
	const char *naar, *terug = NULL, *reden;
	const char *toel[RAPPORTAGE_MAX_EISEN] = { 0 };
	int64_t bid[RAPPORTAGE_MAX_EISEN] = { 0 };
	enum ops_uitkomst u;
	enum db_err rc;
	size_t i, k;
	int ok = 1;
	char veld[64];

	memset(&v, 0, sizeof(v));
	if ((u = rap_laad(c, id, &v.r)) != OPS_OK)
		return u;
	if ((u = rap_stap(c, &v.r, "vaststellen", NULL, &naar)) != OPS_OK)
		return u;
	if (v.r.versie != versie)
		return ops_terug(c, OPS_VEROUDERD);
	if ((rc = store_rapportage_antwoorden(c->db, c->arena, id,
	    &v.antwoorden, &v.nantwoorden)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	ok &= tekst_lees(c, "terugkoppeling", in->terugkoppeling, &terug) == 0;
	if (ok && terug == NULL) {
		fout_melding(c->fouten, "terugkoppeling", "Schrijf de organisatie "
		    "wat de gemeente uit deze cijfers concludeert en ermee gaat "
		    "doen.");
		ok = 0;
	}
	if (in->ongeldig) {
		fout_melding(c->fouten, "beoordelingen", "Geef per eis een "
		    "beoordeling: een lijst van {antwoord_id, beoordeling}.");
		return ops_terug(c, OPS_VELDEN);
	}
	/* Each beoordeling names an eis of this rapportage and says voldaan,
	 * deels or niet; every eis gets one. */
	for (k = 0; k < in->n; k++) {
		int64_t aid = 0;
		int eis = 0;

		if (getal_lees_str(in->b[k].antwoord_id.tekst, 1, INT64_MAX,
		    &aid) == 0)
			for (i = 0; i < v.nantwoorden; i++)
				eis |= v.antwoorden[i].id == aid &&
				    strcmp(v.antwoorden[i].soort, "eis") == 0;
		snprintf(veld, sizeof(veld), "beoordelingen/%zu", k);
		if (!eis || in->b[k].antwoord_id.ongeldig) {
			fout_melding(c->fouten, veld, "Deze beoordeling hoort niet "
			    "bij een eis van deze rapportage.");
			ok = 0;
		} else if (in->b[k].beoordeling.ongeldig ||
		    !rapportage_oordeel_geldig(in->b[k].beoordeling.tekst)) {
			fout_melding(c->fouten, veld, "Kies voldaan, deels of niet.");
			ok = 0;
		} else if (tekst_lees(c, veld, in->b[k].toelichting,
		    &toel[k]) != 0) {
			ok = 0;
		} else {
			bid[k] = aid;
		}
	}
	for (i = 0; i < v.nantwoorden; i++) {
		int gegeven = 0;

		if (strcmp(v.antwoorden[i].soort, "eis") != 0)
			continue;
		for (k = 0; k < in->n; k++)
			gegeven |= bid[k] == v.antwoorden[i].id;
		snprintf(veld, sizeof(veld), "beoordelingen/%lld/beoordeling",
		    (long long)v.antwoorden[i].id);
		if (!gegeven) {
			fout_melding(c->fouten, veld, arena_printf(c->arena,
			    "Eis %s: kies voldaan, deels of niet.",
			    v.antwoorden[i].eis_code));
			ok = 0;
		}
	}
	if (!ok)
		return ops_terug(c, OPS_VELDEN);
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((u = rap_zet(c, &v.r, versie, "vaststellen", naar, NULL, terug)) !=
	    OPS_OK)
		return u;
	for (k = 0; k < in->n; k++)
		if ((rc = store_rapportage_beoordeel(c->db, id, bid[k],
		    in->b[k].beoordeling.tekst, toel[k])) != DB_OK)
			return ops_storing(c, rc, "rapportage");
	/* The values as frozen at indienen (the status is vastgesteld now,
	 * the snapshots are what is read). */
	if ((u = rap_cellen(c, &v.r, ZICHT_EXACT, drempel, 0, &v)) != OPS_OK)
		return u == OPS_VELDEN ? ops_terug(c, OPS_STORING) : u;
	reden = v.r.ronde > 0 ? heropen_reden(c, id) : NULL;
	for (i = 0; i < v.ncellen; i++) {
		const struct rapportage_cel *cel = &v.cellen[i];
		const char *nieuw = cel_decimaal(c, cel);

		if (v.r.ronde > 0 && cel_anders(cel, nieuw)) {
			memset(&rev, 0, sizeof(rev));
			rev.rapportage_id = id;
			rev.waarde_id = cel->rij->id;
			rev.ronde = v.r.ronde + 1;
			rev.oud_heeft = cel->rij->vastgesteld_heeft;
			rev.oud = cel->rij->vastgesteld_waarde;
			rev.oud_tekst = cel->rij->vastgesteld_tekst;
			rev.nieuw_heeft = cel->heeft;
			rev.nieuw = nieuw;
			rev.nieuw_tekst = cel->heeft ? cel->tekst : NULL;
			rev.reden = cel->rij->reden != NULL ? arena_printf(c->arena,
			    "%s — %s", reden != NULL ? reden : "Heropend",
			    cel->rij->reden) : reden != NULL ? reden : "Heropend";
			if ((rc = store_rapportage_revisie_nieuw(c->db, &rev)) !=
			    DB_OK)
				return ops_storing(c, rc, "rapportage");
		}
		if ((rc = store_rapportage_vastleggen(c->db, cel->rij->id,
		    cel->heeft, nieuw, cel->heeft ? cel->tekst : NULL)) != DB_OK)
			return ops_storing(c, rc, "rapportage");
	}
	return OPS_OK;
}

/* ---- vragen ------------------------------------------------------- */

enum ops_uitkomst
rapportage_vraag_maak(struct ops_ctx *c, int64_t id,
    const struct rapportage_vraag_invoer *in, int64_t *vraag_id)
{
	struct rapportage_rij r;
	struct rapportage_waarde_rij w;
	struct rapportage_antwoord_rij *a;
	const char *vraag = NULL;
	int64_t wid = 0, aid = 0;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t n, i;
	int gevonden = 0;

	if ((u = rap_laad(c, id, &r)) != OPS_OK)
		return u;
	if (!(rap_rollen(c->who, r.organisatie_id, r.keten_id) & ROL_REGISSEUR))
		return ops_weiger(c, OPS_GEWEIGERD, "Alleen de regisseur van deze "
		    "keten stelt vragen over een rapportage.");
	if (strcmp(r.status, "ingediend") != 0)
		return ops_weiger(c, OPS_CONFLICT, "Een vraag stelt u over een "
		    "ingediende rapportage.");
	if (tekst_lees(c, "vraag", in->vraag, &vraag) != 0)
		return ops_terug(c, OPS_VELDEN);
	if (vraag == NULL)
		return ops_veldfout(c, "vraag", "Schrijf uw vraag.");
	if (in->waarde_id.tekst != NULL && in->antwoord_id.tekst != NULL)
		return ops_veldfout(c, "waarde_id", "Een vraag gaat over één waarde "
		    "of één eis, niet over beide.");
	if (in->waarde_id.tekst != NULL) {
		if (id_lees(c, "waarde_id", in->waarde_id, &wid, "Kies een waarde "
		    "van deze rapportage.") != 0)
			return ops_terug(c, OPS_VELDEN);
		if ((u = rap_waarde_rij(c, id, wid, &w)) == OPS_NIET_GEVONDEN)
			return ops_veldfout(c, "waarde_id", "Kies een waarde van "
			    "deze rapportage.");
		if (u != OPS_OK)
			return u;
	} else if (in->antwoord_id.tekst != NULL) {
		if (id_lees(c, "antwoord_id", in->antwoord_id, &aid, "Kies een eis "
		    "van deze rapportage.") != 0)
			return ops_terug(c, OPS_VELDEN);
		if ((rc = store_rapportage_antwoorden(c->db, c->arena, id, &a,
		    &n)) != DB_OK)
			return ops_storing(c, rc, "rapportage");
		for (i = 0; i < n; i++)
			gevonden |= a[i].id == aid;
		if (!gevonden)
			return ops_veldfout(c, "antwoord_id", "Kies een eis van "
			    "deze rapportage.");
	} else {
		return ops_veldfout(c, "waarde_id", "Kies de waarde of de eis "
		    "waarover u een vraag hebt.");
	}
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_vraag_nieuw(c->db, id, wid, aid, vraag,
	    c->who->gebruiker_id, vraag_id)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (ops_audit(c, "vragen", "rapportage", id, GELUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
rapportage_vraag_beantwoord(struct ops_ctx *c, int64_t id, int64_t vraag_id,
    struct ops_tekst antwoord)
{
	struct rapportage_rij r;
	struct rapportage_vraag_rij *q, *vraag = NULL;
	const char *tekst = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t affected = 0;
	size_t n, i;

	if ((u = rap_laad(c, id, &r)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_vragen(c->db, c->arena, id, &q, &n)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	for (i = 0; i < n && vraag == NULL; i++)
		if (q[i].id == vraag_id)
			vraag = &q[i];
	if (vraag == NULL)
		return OPS_NIET_GEVONDEN;
	if (!(rap_rollen(c->who, r.organisatie_id, r.keten_id) &
	    ROL_TEAMLEIDER))
		return ops_weiger(c, OPS_GEWEIGERD, "De teamleider van de "
		    "organisatie beantwoordt deze vraag.");
	if (vraag->antwoord != NULL)
		return ops_weiger(c, OPS_CONFLICT, "Deze vraag is al beantwoord.");
	if (tekst_lees(c, "antwoord", antwoord, &tekst) != 0)
		return ops_terug(c, OPS_VELDEN);
	if (tekst == NULL)
		return ops_veldfout(c, "antwoord", "Schrijf uw antwoord.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_rapportage_vraag_antwoord(c->db, id, vraag_id,
	    vraag->versie, tekst, c->who->gebruiker_id, &affected)) != DB_OK)
		return ops_storing(c, rc, "rapportage");
	if (affected == 0)
		return ops_terug(c, OPS_VEROUDERD);
	if (ops_audit(c, "beantwoorden", "rapportage_vraag", vraag_id, GELUKT,
	    NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}
