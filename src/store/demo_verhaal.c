/*
 * demo_verhaal.c — the story of each demo inwoner, planned before it is
 * written (store/demo.c): dated events on one or two trajecten that follow
 * the transitions of domain/ketenstatus.c. Pure apart from the PRNG state
 * it is handed: the same inwoner number gives the same story.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "core/datum.h"
#include "domain/gebeurtenis.h"
#include "domain/traject.h"
#include "store/demo_verhaal.h"

static const char *const hulpvragen[] = {
	"Schulden en een achterstand in de huur",
	"Zorgt voor een ouder met dementie",
	"Wil eerst de Nederlandse taal beter leren",
	"Lichamelijke klachten, wacht op een behandeling",
	"Eenzaamheid na een verhuizing",
	"Opvoedvragen over een puberzoon",
	"Psychische klachten, in behandeling bij de huisarts",
	"Geen hulpvragen op andere leefgebieden",
};

/* ------------------------------------------------------------ PRNG */

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in lo .. hi (inclusive). */
int
rng_tussen(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* True with a chance of pct percent. */
int
rng_kans(struct rng *r, int pct)
{
	return (int)(rng_next(r) % 100) < pct;
}


/* ------------------------------------------------------------ dates */

/* Days since 1970-01-01 (core/datum.h). */
int
dag_van(int y, int m, int d)
{
	return (int)datum_dag(y, m, d);
}

int64_t
thema_van(const struct ctx *c, const char *soort)
{
	size_t i;

	for (i = 0; i < DEMO_AANTAL(c->thema); i++)
		if (strcmp(c->thema[i].code, soort) == 0)
			return c->thema[i].id;
	return 0;
}

static struct json_object *
g_nieuw(void)
{
	return json_object_new_object();
}

static struct json_object *
g_s(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
	return o;
}

static struct json_object *
g_b(struct json_object *o, const char *k, int v)
{
	json_object_object_add(o, k, json_object_new_boolean(v != 0));
	return o;
}

static struct json_object *
g_i(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
	return o;
}

/*
 * Plans an event on traject trj at day dag. Returns its index, or -1 when
 * it falls after 2025 (the traject's story stops there) or the plan is
 * full. Takes g either way.
 */
static int
plan_gebeurtenis(const struct ctx *c, struct plan *p, int trj, const char *type, int dag,
    struct json_object *g)
{
	struct plan_ev *e;

	if (g == NULL)
		g = g_nieuw();
	if (p->trj[trj].gestopt || dag > c->einde || p->nev == PLAN_EV_MAX) {
		p->trj[trj].gestopt = 1;
		json_object_put(g);
		return -1;
	}
	e = &p->ev[p->nev];
	e->type = type;
	e->dag = dag;
	e->trj = trj;
	e->vervalt = -1;
	e->g = g;
	e->id = 0;
	if (p->trj[trj].start == 0)
		p->trj[trj].start = dag;
	if (strcmp(type, "afgesloten") == 0)
		p->trj[trj].eind = dag;
	return p->nev++;
}

/* A correctie voiding event i, dagen later. */
static void
plan_correctie(const struct ctx *c, struct plan *p, int i, int dagen, const char *reden)
{
	int k;

	if (i < 0)
		return;
	k = plan_gebeurtenis(c, p, p->ev[i].trj, GEBEURTENIS_CORRECTIE, p->ev[i].dag + dagen,
	    g_s(g_nieuw(), "reden", reden));
	if (k >= 0) {
		p->ev[k].vervalt = i;
		/* A voided afgesloten no longer ends the traject. */
		if (strcmp(p->ev[i].type, "afgesloten") == 0)
			p->trj[p->ev[i].trj].eind = 0;
	}
}

static const char *const afsluitredenen[] = {
	"werk", "werk", "doelen_bereikt", "doelen_bereikt", "uitkering_beeindigd",
	"naar_uwv", "verhuisd", "geen_contact", "anders",
};

static struct json_object *
g_afgesloten(struct rng *r, const char *reden)
{
	struct json_object *g = g_s(g_nieuw(), "reden",
	    reden != NULL ? reden : KIES(r, afsluitredenen));

	if (rng_kans(r, 30))
		g_s(g, "toelichting", "Afgesloten in overleg met de inwoner.");
	return g;
}

static struct json_object *
g_startgesprek(struct rng *r, int overbrugbaar)
{
	struct json_object *g = g_s(g_nieuw(), "uitkomst",
	    overbrugbaar ? "overbrugbaar" : "onoverbrugbaar");

	g_b(g, "met_inkomensconsulent", rng_kans(r, 85));
	if (rng_kans(r, 70))
		g_s(g, "hulpvragen", KIES(r, hulpvragen));
	return g;
}

static struct json_object *
g_besluit(int toegekend)
{
	return g_s(g_nieuw(), "besluit", toegekend ? "toegekend" : "afgewezen");
}

/* A profiel exists from the end of 2024 (the aanvullende opdracht). */
static void
plan_profiel(const struct ctx *c, struct rng *r, struct plan *p, int trj, int dag)
{
	if (dag >= dag_van(2024, 10, 1))
		(void)plan_gebeurtenis(c, p, trj, "profiel_toegekend", dag,
		    g_i(g_nieuw(), "profiel", rng_tussen(r, 1, 4)));
}

static void
plan_pva(const struct ctx *c, struct rng *r, struct plan *p, int trj, int dag)
{
	char d[DATUM_LEN];

	datum_tekst(dag + rng_tussen(r, 60, 120), d);
	(void)plan_gebeurtenis(c, p, trj, "plan_van_aanpak", dag,
	    rng_kans(r, 80) ? g_s(g_nieuw(), "evaluatiedatum", d) : NULL);
}

/*
 * The participatie story of a new bijstand recipient on traject 0,
 * starting at day d with the startgesprek: the brede opdracht (the audit
 * letter, Bijlage 2: the startgesprekken, the begeleiding of "nieuw
 * ingestroomde bijstandsgerechtigden", the plan van aanpak and the
 * overdracht to Werkom fall under it). No profiel here: the profielen
 * belong to the aanvullende opdracht (plan_zittend). Which story: see the
 * cases; the shares are chosen so that every list of the registration
 * pages has something on it.
 */
static void
plan_participatie(const struct ctx *c, struct rng *r, struct plan *p, int d)
{
	int v = rng_tussen(r, 0, 99), i, besluit_dag, toegekend;

	if (v < 25) {
		/* Overbrugbaar: to Werkom, accepted; some come back. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 1));
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 7, 25), g_besluit(1));
		d += rng_tussen(r, 10, 35);
		(void)plan_gebeurtenis(c, p, 0, "overdracht_werkom", d,
		    g_b(g_nieuw(), "warm", rng_kans(r, 70)));
		d += rng_tussen(r, 2, 10);
		(void)plan_gebeurtenis(c, p, 0, "overdracht_geaccepteerd", d, NULL);
		if (rng_kans(r, 45)) {
			d += rng_tussen(r, 90, 400);
			i = rng_kans(r, 60);
			(void)plan_gebeurtenis(c, p, 0, "terug_van_werkom", d,
			    i ? g_b(g_nieuw(), "warme_overdracht", 1)
			    : g_s(g_b(g_nieuw(), "warme_overdracht", 0), "reden",
			    "Past niet in een traject van Werkom"));
			d += rng_tussen(r, 7, 30);
			plan_pva(c, r, p, 0, d);
			if (rng_kans(r, 50))
				(void)plan_gebeurtenis(c, p, 0, "afgesloten", d + rng_tussen(r, 60, 240),
				    g_afgesloten(r, NULL));
		} else if (rng_kans(r, 35)) {
			(void)plan_gebeurtenis(c, p, 0, "afgesloten", d + rng_tussen(r, 150, 500),
			    g_afgesloten(r, "werk"));
		}
	} else if (v < 35) {
		/* Overbrugbaar, handed over, Werkom has not answered (yet):
		 * the reconciliation list. Mostly recent. */
		d = dag_van(2025, 1, 1) + rng_tussen(r, 0, 300);
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 1));
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 5, 20), g_besluit(1));
		(void)plan_gebeurtenis(c, p, 0, "overdracht_werkom", d + rng_tussen(r, 14, 40),
		    g_b(g_nieuw(), "warm", rng_kans(r, 50)));
	} else if (v < 62) {
		/* Onoverbrugbaar and no room yet: the wachtlijst. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 0));
		(void)plan_gebeurtenis(c, p, 0, "wachtlijst_in", d + rng_tussen(r, 1, 14),
		    rng_kans(r, 50) ? g_s(g_nieuw(), "reden",
		    "Geen plek bij de trajectbegeleider") : NULL);
		besluit_dag = d + rng_tussen(r, 15, 45);
		toegekend = !rng_kans(r, 40);
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", besluit_dag, g_besluit(toegekend));
		if (toegekend ? rng_kans(r, 55) : rng_kans(r, 35)) {
			d = besluit_dag + rng_tussen(r, 20, 200);
			(void)plan_gebeurtenis(c, p, 0, "wachtlijst_uit", d,
			    g_s(g_nieuw(), "reden", toegekend ? "Begeleiding gestart"
			    : "Uitkering afgewezen, begeleiding niet meer nodig"));
			if (toegekend) {
				plan_pva(c, r, p, 0, d + rng_tussen(r, 1, 20));
				if (rng_kans(r, 40))
					(void)plan_gebeurtenis(c, p, 0, "afgesloten",
					    d + rng_tussen(r, 120, 400),
					    g_afgesloten(r, NULL));
			} else {
				(void)plan_gebeurtenis(c, p, 0, "afgesloten", d + rng_tussen(r, 1, 10),
				    g_afgesloten(r, "uitkering_beeindigd"));
			}
		}
		/* Otherwise still waiting, afgewezen or not (the audit). */
	} else if (v < 72) {
		/* Referred to Meedoen Werkt (Naleving); most come back. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 0));
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 10, 30), g_besluit(1));
		d += rng_tussen(r, 10, 40);
		(void)plan_gebeurtenis(c, p, 0, "aanmelding_meedoen_werkt", d, NULL);
		if (rng_kans(r, 60)) {
			d += rng_tussen(r, 30, 150);
			(void)plan_gebeurtenis(c, p, 0, "teruggestuurd_door_naleving", d,
			    rng_kans(r, 60) ? g_s(g_nieuw(), "reden",
			    "Niet in staat om deel te nemen") : NULL);
			plan_pva(c, r, p, 0, d + rng_tussen(r, 5, 30));
		}
	} else if (v < 90) {
		/* Onoverbrugbaar: the wijkteam guides the inwoner itself. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 0));
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 7, 30), g_besluit(1));
		d += rng_tussen(r, 10, 40);
		plan_pva(c, r, p, 0, d);
		if (rng_kans(r, 50))
			(void)plan_gebeurtenis(c, p, 0, "afgesloten", d + rng_tussen(r, 90, 500),
			    g_afgesloten(r, NULL));
	} else if (v < 95) {
		/* Werkom sends someone back who was never handed over. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 1));
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 7, 25), g_besluit(1));
		(void)plan_gebeurtenis(c, p, 0, "terug_van_werkom", d + rng_tussen(r, 30, 150),
		    g_s(g_b(g_nieuw(), "warme_overdracht", 0), "reden",
		    "Aangemeld via het UWV, niet via het wijkteam"));
	} else {
		/* A mistake corrected: a wachtlijst_in for the wrong inwoner,
		 * voided a few days later; then the handover goes ahead. */
		(void)plan_gebeurtenis(c, p, 0, "startgesprek", d, g_startgesprek(r, 1));
		i = plan_gebeurtenis(c, p, 0, "wachtlijst_in", d + rng_tussen(r, 1, 5), NULL);
		plan_correctie(c, p, i, rng_tussen(r, 1, 6),
		    "Bij de verkeerde inwoner geregistreerd");
		(void)plan_gebeurtenis(c, p, 0, "uitkeringsbesluit", d + rng_tussen(r, 12, 25), g_besluit(1));
		d += rng_tussen(r, 15, 30);
		(void)plan_gebeurtenis(c, p, 0, "overdracht_werkom", d, g_b(g_nieuw(), "warm", 1));
		(void)plan_gebeurtenis(c, p, 0, "overdracht_geaccepteerd", d + rng_tussen(r, 2, 8), NULL);
	}
}

/*
 * The aanvullende opdracht participatie on traject 0, from day d: the
 * letter's "contact houden met en begeleiden van mensen die (al langere
 * tijd) een uitkering ontvangen", so no startgesprek and no besluit (the
 * uitkering was granted long before). Before 2024 most were not in view:
 * on the wachtlijst Zittend Bestand until the gemeenteraad wanted all of
 * them spoken, with a plan van aanpak, in 2024 (footnote pp); from the
 * end of 2024 each gets one of the four profielen; then, where possible,
 * Werkom ("waar mogelijk doorstromen naar Werkom"), Meedoen Werkt, an end,
 * or simply more contact.
 */
static void
plan_zittend(const struct ctx *c, struct rng *r, struct plan *p, int d)
{
	int v = rng_tussen(r, 0, 99);

	p->trj[0].aanvullend = 1;
	if (d < dag_van(2024, 1, 1) && rng_kans(r, 70)) {
		(void)plan_gebeurtenis(c, p, 0, "wachtlijst_in", d,
		    g_s(g_nieuw(), "reden", "Zittend bestand, nog niet gesproken"));
		d = dag_van(2024, 1, 8) + rng_tussen(r, 0, 330);
		(void)plan_gebeurtenis(c, p, 0, "wachtlijst_uit", d,
		    g_s(g_nieuw(), "reden", "Gesproken in de aanvullende opdracht"));
	}
	plan_pva(c, r, p, 0, d + rng_tussen(r, 1, 30));
	d += rng_tussen(r, 30, 120);
	plan_profiel(c, r, p, 0, d);
	if (v < 20) {
		d += rng_tussen(r, 30, 200);
		(void)plan_gebeurtenis(c, p, 0, "overdracht_werkom", d,
		    g_b(g_nieuw(), "warm", rng_kans(r, 80)));
		(void)plan_gebeurtenis(c, p, 0, "overdracht_geaccepteerd",
		    d + rng_tussen(r, 2, 14), NULL);
	} else if (v < 35) {
		(void)plan_gebeurtenis(c, p, 0, "aanmelding_meedoen_werkt",
		    d + rng_tussen(r, 30, 200), NULL);
	} else if (v < 60) {
		(void)plan_gebeurtenis(c, p, 0, "afgesloten",
		    d + rng_tussen(r, 60, 400), g_afgesloten(r, NULL));
	}
	/* Otherwise the contact goes on past 2025. */
}

static const char *const andere_soorten[] = {
	"ib_eigen", "ib_eigen", "schulden", "schulden", "mantelzorg",
	"maatschappelijke_ondersteuning", "maatschappelijke_ondersteuning",
	"jongeren", "huiselijk_geweld",
};

/*
 * A traject outside the participatieketen (Wmo, schulden, ...). Beside a
 * participatie traject it is not closed: the ketenstatus is derived from
 * all of an inwoner's events, so an afgesloten here would end their place
 * in the participatieketen too.
 */
static void
plan_ander(const struct ctx *c, struct rng *r, struct plan *p, int trj, int d,
    int sluiten)
{
	const char *soort = p->trj[trj].soort;

	if (strcmp(soort, "ib_eigen") == 0 ||
	    strcmp(soort, "maatschappelijke_ondersteuning") == 0) {
		/* Since 2024 the team gives IB itself; before, the pilot. */
		(void)plan_gebeurtenis(c, p, trj, rng_kans(r, d >= dag_van(2024, 1, 1) ? 75 : 45)
		    ? "ib_eigen_gestart" : "ib_indicatie_afgegeven", d, NULL);
	} else {
		plan_pva(c, r, p, trj, d);
	}
	if (sluiten && rng_kans(r, 45))
		(void)plan_gebeurtenis(c, p, trj, "afgesloten", d + rng_tussen(r, 60, 420),
		    g_afgesloten(r, rng_kans(r, 70) ? "doelen_bereikt" : "geen_contact"));
}

void
plan_maken(const struct ctx *c, struct rng *r, struct plan *p)
{
	int start = dag_van(2023, 1, 2) + rng_tussen(r, 0, 1000); /* to 2025-09 */
	int v = rng_tussen(r, 0, 99);

	memset(p, 0, sizeof(*p));
	if (v < 70) {
		p->trj[0].soort = "participatie";
		p->ntrj = 1;
		plan_participatie(c, r, p, start);
		if (rng_kans(r, 30)) {
			p->trj[1].soort = KIES(r, andere_soorten);
			p->ntrj = 2;
			plan_ander(c, r, p, 1, start + rng_tussen(r, 20, 200), 0);
		}
	} else if (v < 82) {
		p->trj[0].soort = "participatie";
		p->ntrj = 1;
		plan_zittend(c, r, p, start);
	} else {
		p->trj[0].soort = KIES(r, andere_soorten);
		p->ntrj = 1;
		plan_ander(c, r, p, 0, start, 1);
	}
}

void
plan_vrij(struct plan *p)
{
	int i;

	for (i = 0; i < p->nev; i++)
		json_object_put(p->ev[i].g);
	p->nev = 0;
}

