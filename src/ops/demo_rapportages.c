/*
 * demo_rapportages.c — the demo rapportages (issue 12); see
 * demo_rapportages.h.
 *
 * Each rapportage is filled as a team would: a value for every handmatig
 * indicator (a number, or a text for eenheid tekst), "niet te leveren"
 * with a reason where nothing could be computed, a toelichting wherever
 * the rapportage asks for one (a deviation from the streefwaarde or from
 * the previous period), an answer to every eis and open question. Then it
 * goes through the workflow as the demo data needs it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/policy.h"
#include "ops/compleetheid.h"
#include "ops/demo_rapportages.h"
#include "ops/rapportage.h"
#include "store/format.h"
#include "store/gebruiker.h"

#define DEMO_N(a)	(sizeof(a) / sizeof((a)[0]))

/* What happens to a rapportage after it is filled and ingediend. */
enum doel {
	VASTGESTELD,       /* vaststellen */
	HERZIEN,           /* vaststellen, heropenen, revise, vaststellen */
	OPEN_VRAAG,        /* ingediend, with an unanswered vraag */
	TERUGGESTUURD,     /* terugsturen */
};

struct demo_org {
	const char  *teamleider;     /* the demo account */
	const char  *kort;           /* for the texts */
	int          nr;             /* varies the numbers */
};

static const struct demo_org orgs[] = {
	{ "teamleider.dock", "DOCK", 0 },
	{ "teamleider.incluzio", "Incluzio", 1 },
	{ "teamleider.smd", "SMD", 2 },
};

struct demo_stap {
	const char  *periode;
	int          org;            /* index in orgs */
	enum doel    doel;
};

/* In order of time: each rapportage sees the previous period's beside it. */
static const struct demo_stap stappen[] = {
	{ "2023-H2", 0, VASTGESTELD }, { "2023-H2", 1, VASTGESTELD },
	{ "2023-H2", 2, VASTGESTELD },
	{ "2024-H1", 0, HERZIEN }, { "2024-H1", 1, VASTGESTELD },
	{ "2024-H1", 2, VASTGESTELD },
	{ "2024-H2", 0, VASTGESTELD }, { "2024-H2", 1, VASTGESTELD },
	{ "2024-H2", 2, VASTGESTELD },
	{ "2025-H1", 1, OPEN_VRAAG }, { "2025-H1", 2, TERUGGESTUURD },
};

#define REGISSEUR	"regisseur.participatie"

static const char *const toelichtingen[] = {
	"De afwijking komt vooral doordat twee consulenten een groot deel van "
	"het halfjaar uitvielen; de wachtlijst liep daardoor op. Sinds de "
	"vervanging is ingewerkt, neemt ze weer af.",
	"In deze periode zijn meer inwoners doorverwezen vanuit de "
	"schuldhulpverlening dan verwacht, na de energietoeslag en de "
	"huurverhoging; we hebben tijdelijk extra spreekuren gehouden.",
	"Het verschil met het vorige halfjaar komt door de overgang naar de "
	"nieuwe werkwijze met Werkom: warme overdrachten worden nu later "
	"geregistreerd, pas na het kennismakingsgesprek.",
};

static const char *const eis_toelichtingen[] = {
	"Zo uitgevoerd als afgesproken; de werkwijze is in het teamoverleg "
	"besproken en vastgelegd.",
	"Grotendeels uitgevoerd; in één wijk lukte dit door personele "
	"krapte pas in de tweede helft van het halfjaar.",
	"Uitgevoerd, samen met Werkom en de inkomensconsulenten; de "
	"afspraken staan in het ketenoverleg van maart.",
};

static const char *const vraag_antwoorden[] = {
	"De samenwerking met Naleving is verbeterd sinds er een vast "
	"aanspreekpunt is; wel duurt het terugsturen van aanmeldingen soms "
	"nog te lang, waardoor inwoners tussen wal en schip raken.",
	"In Poelenburg en Peldersveld zien we meer inwoners met "
	"schulden en meervoudige problematiek; daar willen we de "
	"spreekuren met de inkomensconsulent uitbreiden.",
};

static const char *const knelpunten[] = {
	"Inwoners die na een afwijzing van de uitkering nog op de wachtlijst "
	"staan, horen dat pas laat; we vragen Uitkeringen om een signaal bij "
	"elk besluit.",
	"De overdracht naar Werkom loopt goed, maar terugkoppeling na "
	"uitstroom ontbreekt vaak; daardoor weten we niet of een traject is "
	"afgerond.",
	"Wachttijden bij de inkomensconsulent lopen op tot zes weken; "
	"startgesprekken worden daardoor vaker zonder consulent gevoerd.",
};

/* ---- users -------------------------------------------------------- */

struct demo_wie {
	struct principal  p;
	int               gevonden;
};

/* The demo account naam as a principal with its grants. */
static int
wie_lees(struct db *db, struct arena *ar, const char *naam,
    struct demo_wie *w)
{
	struct gebruiker_rec *g;
	int64_t na = 0;
	size_t n, i;

	memset(w, 0, sizeof(*w));
	for (;;) {
		if (store_gebruiker_list(db, ar, na, 500, &g, &n) != DB_OK)
			return -1;
		for (i = 0; i < n; i++)
			if (strcmp(g[i].gebruikersnaam, naam) == 0) {
				principal_init(&w->p, g[i].id, g[i].gebruikersnaam,
				    g[i].naam, g[i].toekenningen);
				w->gevonden = 1;
				return 0;
			}
		if (n < 500)
			return 0;
		na = g[n - 1].id;
	}
}

/* ---- the context -------------------------------------------------- */

static void
ctx_maak(struct ops_ctx *c, struct db *db, struct arena *ar,
    const struct principal *who)
{
	memset(c, 0, sizeof(*c));
	c->db = db;
	c->arena = ar;
	c->who = who;
	c->route = "cli seed-demo";
	c->adres = "";
	c->request_id = "seed-demo";
	c->fouten = json_object_new_array();
}

/* After an operation: commits an OPS_OK; anything else is reported. */
static int
ctx_klaar(struct ops_ctx *c, enum ops_uitkomst u, const char *wat,
    FILE *out)
{
	int rc = 0;

	if (u == OPS_OK && c->open && ops_commit(c) != 0)
		u = OPS_STORING;
	if (u != OPS_OK) {
		fprintf(out, "seed-demo: rapportage: %s mislukt (%d)%s%s %s\n", wat,
		    (int)u, c->melding ? ": " : "", c->melding ? c->melding : "",
		    c->fouten ? json_object_to_json_string(c->fouten) : "");
		rc = -1;
	}
	json_object_put(c->fouten);
	c->fouten = json_object_new_array();
	return rc;
}

static struct ops_tekst
tekst(const char *s)
{
	struct ops_tekst t = { s, 0 };

	return t;
}

/* ---- filling ------------------------------------------------------ */

static int
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* A number for a handmatig indicator of eenheid e. */
static const char *
getal_voor(struct arena *ar, const char *e, int org, int pi, int wijk)
{
	if (is(e, "fte") || is(e, "euro"))
		return arena_printf(ar, "%d,%d", 2 + (org + wijk) % 3,
		    (5 * (pi + org)) % 10);
	if (is(e, "percentage"))
		return arena_printf(ar, "%d", 60 + 5 * ((org + pi + wijk) % 6));
	return arena_printf(ar, "%d", 4 + 2 * org + pi + (wijk % 4));
}

/* Fills every value and answer that indienen would ask for. */
static int
vul(struct db *db, struct arena *ar, const struct principal *tl,
    int64_t id, int org, int pi, int drempel, FILE *out)
{
	struct rapportage_weergave v;
	struct ops_ctx c;
	enum ops_uitkomst u;
	size_t i;

	ctx_maak(&c, db, ar, tl);
	u = rapportage_lees(&c, id, drempel, &v);
	if (ctx_klaar(&c, u, "lezen", out) != 0)
		goto fout;
	for (i = 0; i < v.ncellen; i++) {
		const struct rapportage_cel *cel = &v.cellen[i];
		const struct rapportage_waarde_rij *w = cel->rij;
		struct rapportage_waarde_invoer in;
		int hand = is(cel->ind->bron, "handmatig");
		int leeg = is(cel->herkomst, "ontbreekt") &&
		    !is(cel->ind->bron, "ketenpartner");
		int toel = cel->toelichting_nodig && w->toelichting == NULL;

		if (!leeg && !toel)
			continue;
		memset(&in, 0, sizeof(in));
		in.niet_te_leveren = tekst("false");
		in.waarde = tekst(w->waarde);
		in.tekst = tekst(w->tekst);
		in.reden = tekst(w->reden);
		in.toelichting = tekst(w->toelichting);
		if (leeg && hand && is(cel->ind->eenheid, "tekst"))
			in.tekst = tekst(knelpunten[(org + pi) %
			    DEMO_N(knelpunten)]);
		else if (leeg && hand)
			in.waarde = tekst(getal_voor(ar, cel->ind->eenheid, org,
			    pi, (int)(w->wijk_id % 7)));
		else if (leeg) {
			in.niet_te_leveren = tekst("true");
			in.niet_te_leveren_reden = tekst("In deze wijk was in "
			    "deze periode niets te tellen: er liep geen traject "
			    "waarop deze indicator betrekking heeft.");
		}
		if (toel)
			in.toelichting = tekst(toelichtingen[(i + (size_t)org) %
			    DEMO_N(toelichtingen)]);
		u = rapportage_waarde_wijzig(&c, id, w->id, w->versie, &in);
		if (ctx_klaar(&c, u, "waarde invullen", out) != 0)
			goto fout;
	}
	for (i = 0; i < v.nantwoorden; i++) {
		const struct rapportage_antwoord_rij *a = &v.antwoorden[i];
		struct rapportage_antwoord_invoer in;
		int eis = is(a->soort, "eis");

		if (eis ? a->antwoord != NULL : a->toelichting != NULL)
			continue;
		memset(&in, 0, sizeof(in));
		if (eis) {
			int k = (int)((i + (size_t)org + (size_t)pi) % 5 == 0);

			in.antwoord = tekst(k ? "deels" : "voldaan");
			in.toelichting = tekst(eis_toelichtingen[k ? 1 :
			    (i % 2 == 0 ? 0 : 2)]);
		} else {
			in.toelichting = tekst(vraag_antwoorden[(i + (size_t)org) %
			    DEMO_N(vraag_antwoorden)]);
		}
		u = rapportage_antwoord_wijzig(&c, id, a->id, a->versie, &in);
		if (ctx_klaar(&c, u, "eis beantwoorden", out) != 0)
			goto fout;
	}
	json_object_put(c.fouten);
	return 0;
fout:
	json_object_put(c.fouten);
	return -1;
}

static int64_t
versie_van(struct db *db, struct arena *ar, const struct principal *who,
    int64_t id, int drempel, FILE *out, struct rapportage_weergave *v)
{
	struct ops_ctx c;
	enum ops_uitkomst u;
	int rc;

	ctx_maak(&c, db, ar, who);
	u = rapportage_lees(&c, id, drempel, v);
	rc = ctx_klaar(&c, u, "lezen", out);
	json_object_put(c.fouten);
	return rc == 0 ? v->r.versie : -1;
}

static int
indienen(struct db *db, struct arena *ar, const struct principal *tl,
    int64_t id, int drempel, FILE *out)
{
	struct rapportage_weergave v;
	struct ops_ctx c;
	int64_t versie;
	int rc;

	if ((versie = versie_van(db, ar, tl, id, drempel, out, &v)) < 0)
		return -1;
	ctx_maak(&c, db, ar, tl);
	rc = ctx_klaar(&c, rapportage_indienen(&c, id, versie, drempel),
	    "indienen", out);
	json_object_put(c.fouten);
	return rc;
}

static struct rapportage_vaststel_invoer vi;

static int
vaststellen(struct db *db, struct arena *ar, const struct principal *rg,
    int64_t id, const char *kort, int drempel, FILE *out)
{
	struct rapportage_weergave v;
	struct ops_ctx c;
	int64_t versie;
	size_t i;
	int rc;

	if ((versie = versie_van(db, ar, rg, id, drempel, out, &v)) < 0)
		return -1;
	memset(&vi, 0, sizeof(vi));
	vi.terugkoppeling = tekst(arena_printf(ar, "Dank voor de rapportage. "
	    "De gemeente ziet dat %s de startgesprekken met de "
	    "inkomensconsulent goed heeft opgepakt; de wachtlijst blijft een "
	    "punt van zorg. We bespreken in het resultaatgesprek hoe de "
	    "capaciteit bij de consulenten kan worden vergroot, en nemen de "
	    "signalen over Naleving mee naar het ketenoverleg.", kort));
	for (i = 0; i < v.nantwoorden && vi.n < RAPPORTAGE_MAX_EISEN; i++) {
		const struct rapportage_antwoord_rij *a = &v.antwoorden[i];

		if (!is(a->soort, "eis"))
			continue;
		vi.b[vi.n].antwoord_id = tekst(arena_printf(ar, "%lld",
		    (long long)a->id));
		vi.b[vi.n].beoordeling = tekst(a->antwoord != NULL ? a->antwoord :
		    "voldaan");
		if (is(a->antwoord, "deels"))
			vi.b[vi.n].toelichting = tekst("Herkenbaar; we verwachten "
			    "dat dit in het volgende halfjaar volledig lukt.");
		vi.n++;
	}
	ctx_maak(&c, db, ar, rg);
	rc = ctx_klaar(&c, rapportage_vaststellen(&c, id, versie, &vi, drempel),
	    "vaststellen", out);
	json_object_put(c.fouten);
	return rc;
}

/* Heropenen, one handmatig total revised (+2), indienen, vaststellen. */
static int
herzien(struct db *db, struct arena *ar, const struct principal *tl,
    const struct principal *rg, int64_t id, const char *kort, int drempel,
    FILE *out)
{
	struct rapportage_weergave v;
	struct rapportage_waarde_invoer in;
	const struct rapportage_cel *doel = NULL;
	struct ops_ctx c;
	int64_t versie;
	size_t i;
	long oud;

	if ((versie = versie_van(db, ar, rg, id, drempel, out, &v)) < 0)
		return -1;
	ctx_maak(&c, db, ar, rg);
	if (ctx_klaar(&c, rapportage_heropenen(&c, id, versie, tekst("In het "
	    "resultaatgesprek bleek dat twee casuïstiekbesprekingen in de keten "
	    "niet waren meegeteld; de organisatie corrigeert het totaal.")),
	    "heropenen", out) != 0)
		goto fout;
	json_object_put(c.fouten);
	if (versie_van(db, ar, tl, id, drempel, out, &v) < 0)
		return -1;
	for (i = 0; i < v.ncellen && doel == NULL; i++)
		if (is(v.cellen[i].ind->bron, "handmatig") &&
		    is(v.cellen[i].ind->eenheid, "aantal") &&
		    v.cellen[i].rij->wijk_id == 0 &&
		    v.cellen[i].rij->waarde != NULL)
			doel = &v.cellen[i];
	if (doel == NULL) {
		fprintf(out, "seed-demo: rapportage %lld: geen handmatig aantal "
		    "om te herzien\n", (long long)id);
		return -1;
	}
	oud = strtol(doel->rij->waarde, NULL, 10);
	memset(&in, 0, sizeof(in));
	in.niet_te_leveren = tekst("false");
	in.waarde = tekst(arena_printf(ar, "%ld", oud + 2));
	in.toelichting = tekst("Gecorrigeerd na het resultaatgesprek: twee "
	    "besprekingen in mei met Werkom en Naleving ontbraken in de "
	    "telling.");
	ctx_maak(&c, db, ar, tl);
	if (ctx_klaar(&c, rapportage_waarde_wijzig(&c, id, doel->rij->id,
	    doel->rij->versie, &in), "waarde herzien", out) != 0)
		goto fout;
	json_object_put(c.fouten);
	if (vul(db, ar, tl, id, 0, 1, drempel, out) != 0 ||
	    indienen(db, ar, tl, id, drempel, out) != 0)
		return -1;
	return vaststellen(db, ar, rg, id, kort, drempel, out);
fout:
	json_object_put(c.fouten);
	return -1;
}

static int
vraag_stellen(struct db *db, struct arena *ar, const struct principal *rg,
    int64_t id, int drempel, FILE *out)
{
	struct rapportage_weergave v;
	struct rapportage_vraag_invoer in;
	const struct rapportage_cel *doel = NULL;
	struct ops_ctx c;
	int64_t vid = 0;
	size_t i;
	int rc;

	if (versie_van(db, ar, rg, id, drempel, out, &v) < 0)
		return -1;
	for (i = 0; i < v.ncellen && doel == NULL; i++)
		if (is(v.cellen[i].ind->bron, "berekend") &&
		    v.cellen[i].rij->wijk_id == 0)
			doel = &v.cellen[i];
	if (doel == NULL && v.ncellen > 0)
		doel = &v.cellen[0];
	if (doel == NULL)
		return -1;
	memset(&in, 0, sizeof(in));
	in.waarde_id = tekst(arena_printf(ar, "%lld", (long long)doel->rij->id));
	in.vraag = tekst("Dit totaal ligt duidelijk anders dan vorig halfjaar. "
	    "Kunt u toelichten of dat komt door de wachtlijst bij de "
	    "inkomensconsulent, of door een andere manier van registreren?");
	ctx_maak(&c, db, ar, rg);
	rc = ctx_klaar(&c, rapportage_vraag_maak(&c, id, &in, &vid),
	    "vraag stellen", out);
	json_object_put(c.fouten);
	return rc;
}

static int
terugsturen(struct db *db, struct arena *ar, const struct principal *rg,
    int64_t id, int drempel, FILE *out)
{
	struct rapportage_weergave v;
	struct ops_ctx c;
	int64_t versie;
	int rc;

	if ((versie = versie_van(db, ar, rg, id, drempel, out, &v)) < 0)
		return -1;
	ctx_maak(&c, db, ar, rg);
	rc = ctx_klaar(&c, rapportage_terugsturen(&c, id, versie, tekst("De "
	    "toelichting bij de wachtlijst is per wijk te algemeen. Geef per "
	    "wijk aan wat de oorzaak is en wat u eraan doet, dan kunnen we de "
	    "rapportage vaststellen.")), "terugsturen", out);
	json_object_put(c.fouten);
	return rc;
}

/* ---- the run ------------------------------------------------------ */

static int64_t
keten_van(const struct principal *rg)
{
	size_t i;

	for (i = 0; i < rg->ngrants; i++)
		if (rg->grants[i].rol == ROL_REGISSEUR &&
		    rg->grants[i].scope == SCOPE_KETEN)
			return rg->grants[i].scope_id;
	return 0;
}

static int64_t
org_van(const struct principal *tl)
{
	size_t i;

	for (i = 0; i < tl->ngrants; i++)
		if (tl->grants[i].rol == ROL_TEAMLEIDER &&
		    tl->grants[i].scope == SCOPE_ORGANISATIE)
			return tl->grants[i].scope_id;
	return 0;
}

/* The demo's own format of keten (code "participatie", sql/demo/060):
 * the formats that tests and users add to the keten get no demo
 * rapportages. 0 when it is not there. */
static int64_t
demo_format(struct db *db, struct arena *ar, int64_t keten)
{
	struct format_rij *f;
	size_t n, i;

	if (store_format_lijst(db, ar, keten, 0, 1000, &f, &n) != DB_OK)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(f[i].code, "participatie") == 0)
			return f[i].id;
	return 0;
}

/* One step for the demo format of the keten: 1 made, 0 there already,
 * -1. */
static int
stap_doe(struct db *db, struct arena *ar, const struct demo_stap *s,
    const struct principal *tl, const struct principal *rg, int drempel,
    FILE *out, int *gemaakt, int *bestond)
{
	struct compleetheid k;
	struct rapportage_invoer in;
	struct ops_ctx c;
	const struct demo_org *o = &orgs[s->org];
	int64_t org = org_van(tl), id = 0, fid;
	int pi = (int)(s - stappen) / 3;
	size_t i, j;

	ctx_maak(&c, db, ar, rg);
	if (ctx_klaar(&c, compleetheid_lees(&c, keten_van(rg), s->periode, &k),
	    "compleetheid", out) != 0) {
		json_object_put(c.fouten);
		return -1;
	}
	json_object_put(c.fouten);
	fid = demo_format(db, ar, keten_van(rg));
	for (i = 0; i < k.nformats; i++) {
		const struct compleetheid_format *f = &k.formats[i];
		const struct compleetheid_regel *g = NULL;

		if (f->versie->format_id != fid)
			continue;

		for (j = 0; j < f->nregels; j++)
			if (f->regels[j].org->id == org)
				g = &f->regels[j];
		if (g == NULL)
			continue;          /* no wijkteam in this periode */
		if (g->rap != NULL) {
			(*bestond)++;
			continue;
		}
		memset(&in, 0, sizeof(in));
		in.formatversie_id = tekst(arena_printf(ar, "%lld",
		    (long long)f->versie->formatversie_id));
		in.periode = tekst(s->periode);
		in.organisatie_id = tekst(arena_printf(ar, "%lld",
		    (long long)org));
		ctx_maak(&c, db, ar, tl);
		if (ctx_klaar(&c, rapportage_maak(&c, &in, &id), "aanmaken",
		    out) != 0) {
			json_object_put(c.fouten);
			return -1;
		}
		json_object_put(c.fouten);
		/* Twice: a value typed in the first round may deviate from
		 * its target, and then asks for a toelichting. */
		if (vul(db, ar, tl, id, o->nr, pi, drempel, out) != 0 ||
		    vul(db, ar, tl, id, o->nr, pi, drempel, out) != 0 ||
		    indienen(db, ar, tl, id, drempel, out) != 0)
			return -1;
		switch (s->doel) {
		case VASTGESTELD:
			if (vaststellen(db, ar, rg, id, o->kort, drempel, out) != 0)
				return -1;
			break;
		case HERZIEN:
			if (vaststellen(db, ar, rg, id, o->kort, drempel, out) != 0 ||
			    herzien(db, ar, tl, rg, id, o->kort, drempel, out) != 0)
				return -1;
			break;
		case OPEN_VRAAG:
			if (vraag_stellen(db, ar, rg, id, drempel, out) != 0)
				return -1;
			break;
		case TERUGGESTUURD:
			if (terugsturen(db, ar, rg, id, drempel, out) != 0)
				return -1;
			break;
		}
		(*gemaakt)++;
	}
	return 0;
}

int
demo_rapportages(struct db *db, struct arena *ar, int drempel, FILE *out)
{
	struct demo_wie rg, tl[DEMO_N(orgs)];
	int gemaakt = 0, bestond = 0;
	size_t i;

	if (wie_lees(db, ar, REGISSEUR, &rg) != 0)
		goto storing;
	for (i = 0; i < DEMO_N(orgs); i++)
		if (wie_lees(db, ar, orgs[i].teamleider, &tl[i]) != 0)
			goto storing;
	if (!rg.gevonden || keten_van(&rg.p) == 0) {
		fprintf(out, "seed-demo: demo rapportages: %s ontbreekt\n",
		    REGISSEUR);
		return -1;
	}
	for (i = 0; i < DEMO_N(stappen); i++) {
		const struct demo_wie *t = &tl[stappen[i].org];

		if (!t->gevonden || org_van(&t->p) == 0) {
			fprintf(out, "seed-demo: demo rapportages: %s ontbreekt\n",
			    orgs[stappen[i].org].teamleider);
			return -1;
		}
		if (stap_doe(db, ar, &stappen[i], &t->p, &rg.p, drempel, out,
		    &gemaakt, &bestond) != 0) {
			fprintf(out, "seed-demo: demo rapportage %s %s mislukt\n",
			    orgs[stappen[i].org].kort, stappen[i].periode);
			return -1;
		}
	}
	fprintf(out, "seed-demo: demo rapportages: %d created, %d already there\n",
	    gemaakt, bestond);
	return 0;
storing:
	fprintf(out, "seed-demo: demo rapportages: de gebruikers zijn niet te "
	    "lezen\n");
	return -1;
}
