/*
 * ketenstatus.c — deriving who holds an inwoner in the participatieketen
 * from their events; see ketenstatus.h.
 *
 * The rules are the table below, read against the audit letter (Bijlage
 * 2): the startgesprek is held by a wijkteam professional with the
 * inkomensconsulent; with an overbrugbare afstand the wijkteam hands the
 * inwoner over to Werkom, otherwise it guides them itself; Werkom can send
 * someone back (with or without a warme overdracht); the wijkteam can
 * refer someone to Meedoen Werkt of Naleving, which can send them back.
 * This file must never do I/O or know about SQL or HTTP, and never store a
 * status: it is always recomputed from the events.
 *
 * Transitions, applied in order of datum, then id (registration order),
 * after voided events are removed. "w" is the wijkteam of the event's
 * traject; "if geen" means only when nobody holds the inwoner, otherwise
 * the holder is unchanged. Moving to the party (and wijkteam) that already
 * holds the inwoner keeps the old "sinds".
 *
 *  event                        holder afterwards         other effects
 *  ---------------------------  ------------------------  -----------------
 *  startgesprek                 wijkteam w (either        forgets the last
 *                               uitkomst: overbrugbaar    uitkeringsbesluit
 *                               means a handover to       (a new aanvraag)
 *                               Werkom is due, not done)
 *  wachtlijst_in                wijkteam w if geen        op_wachtlijst, since
 *                                                         the first wachtlijst_in
 *  wachtlijst_uit               unchanged                 clears op_wachtlijst
 *  ib_indicatie_afgegeven       unchanged (Wmo, not       —
 *  ib_eigen_gestart             this keten)
 *  overdracht_werkom            wijkteam w if geen (the   overdracht_open since
 *                               wijkteam keeps the        the first unanswered
 *                               inwoner until Werkom      one; a handover is
 *                               accepts)                  now outstanding
 *  overdracht_geaccepteerd      Werkom                    clears overdracht_open
 *  terug_van_werkom             wijkteam w                clears overdracht_open;
 *                                                         with no outstanding
 *                                                         handover it sets
 *                                                         terug_zonder_overdracht;
 *                                                         ends the handover
 *  aanmelding_meedoen_werkt     Naleving                  —
 *  teruggestuurd_door_naleving  wijkteam w                —
 *  uitkeringsbesluit            unchanged (a decision on  remembers the besluit
 *                               income, not on guidance)
 *  profiel_toegekend            wijkteam w if geen        —
 *  plan_van_aanpak              wijkteam w if geen        —
 *  afgesloten                   UWV when reden is         clears op_wachtlijst
 *                               naar_uwv, else geen       and overdracht_open
 *                               — when it closes the last
 *                               open traject; closing one
 *                               of several (IB next to
 *                               participatie) changes
 *                               nothing
 *  correctie                    (voids vervalt_id before the walk; moves
 *                               nothing itself)
 *
 * At the end, uitkering_afgewezen_op_wachtlijst = op_wachtlijst and the
 * last remembered besluit is "afgewezen".
 *
 * Why these choices: the letter names UWV as a possible holder but no event
 * moves anyone there except the end of the wijkteam's traject, hence the
 * afsluitreden; "teruggestuurd_door_naleving" means Naleving sent the
 * inwoner back, so it returns them to the wijkteam, and the referral
 * (aanmelding_meedoen_werkt) is what hands them to Naleving, which has no
 * acceptance step of its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/ketenstatus.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* What an event does; see the table above. */
enum effect {
	E_STARTGESPREK = 1,
	E_WACHTLIJST_IN,
	E_WACHTLIJST_UIT,
	E_GEEN_EFFECT,
	E_OVERDRACHT,
	E_GEACCEPTEERD,
	E_TERUG_WERKOM,
	E_NAAR_NALEVING,
	E_TERUG_NALEVING,
	E_BESLUIT,
	E_ACTIVITEIT,      /* wijkteam w if geen */
	E_AFGESLOTEN,
	E_CORRECTIE,
};

static const struct {
	const char  *type;
	enum effect  effect;
} effecten[] = {
	{ "startgesprek", E_STARTGESPREK },
	{ "wachtlijst_in", E_WACHTLIJST_IN },
	{ "wachtlijst_uit", E_WACHTLIJST_UIT },
	{ "ib_indicatie_afgegeven", E_GEEN_EFFECT },
	{ "ib_eigen_gestart", E_GEEN_EFFECT },
	{ "overdracht_werkom", E_OVERDRACHT },
	{ "overdracht_geaccepteerd", E_GEACCEPTEERD },
	{ "terug_van_werkom", E_TERUG_WERKOM },
	{ "aanmelding_meedoen_werkt", E_NAAR_NALEVING },
	{ "teruggestuurd_door_naleving", E_TERUG_NALEVING },
	{ "uitkeringsbesluit", E_BESLUIT },
	{ "profiel_toegekend", E_ACTIVITEIT },
	{ "plan_van_aanpak", E_ACTIVITEIT },
	{ "afgesloten", E_AFGESLOTEN },
	{ "correctie", E_CORRECTIE },
};

/* The afsluitreden that hands the inwoner to the UWV (gebeurtenis.c). */
#define REDEN_UWV	"naar_uwv"

static const struct {
	enum partij  p;
	const char  *code;
	const char  *label;
} partijen[] = {
	{ PARTIJ_GEEN, "geen", "Geen" },
	{ PARTIJ_WIJKTEAM, "wijkteam", "Sociaal wijkteam" },
	{ PARTIJ_WERKOM, "werkom", "Werkom" },
	{ PARTIJ_NALEVING, "naleving", "Naleving (Meedoen Werkt)" },
	{ PARTIJ_UWV, "uwv", "UWV" },
};

/* The code and label of p: its index in partijen, or -1. */
static int
partij_nr(enum partij p)
{
	size_t i;

	for (i = 0; i < NELEM(partijen); i++)
		if (partijen[i].p == p)
			return (int)i;
	return -1;
}

const char *
ketenstatus_partij_code(enum partij p)
{
	int i = partij_nr(p);

	return i >= 0 ? partijen[i].code : NULL;
}

const char *
ketenstatus_partij_label(enum partij p)
{
	int i = partij_nr(p);

	return i >= 0 ? partijen[i].label : NULL;
}

/* The effect of a type code; 0 (nothing) when unknown. */
static enum effect
effect_van(const char *type)
{
	size_t i;

	for (i = 0; i < NELEM(effecten); i++)
		if (strcmp(effecten[i].type, type) == 0)
			return effecten[i].effect;
	return 0;
}

/* "YYYY-MM-DD" in shape (digits and dashes), so that dates order as text. */
static int
datum_vorm(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 10)
		return 0;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return 1;
}

static void
datum_kopie(char dst[KS_DATUM], const char *src)
{
	memcpy(dst, src, KS_DATUM - 1);
	dst[KS_DATUM - 1] = '\0';
}

static int
op_id(const void *a, const void *b)
{
	const struct keten_gebeurtenis *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
op_datum(const void *a, const void *b)
{
	const struct keten_gebeurtenis *x = a, *y = b;
	int c = strcmp(x->datum, y->datum);

	return c != 0 ? c : op_id(a, b);
}

/*
 * Marks the events that a correctie voids. ev must be sorted by id. A
 * correctie that names an unknown id, itself, or another correctie voids
 * nothing (registration refuses those; old data must not break this).
 */
static void
markeer_vervallen(struct keten_gebeurtenis *ev, size_t n)
{
	struct keten_gebeurtenis sleutel, *doel;
	size_t i;

	for (i = 0; i < n; i++)
		ev[i].vervallen = 0;
	for (i = 0; i < n; i++) {
		if (effect_van(ev[i].type) != E_CORRECTIE)
			continue;
		memset(&sleutel, 0, sizeof(sleutel));
		sleutel.id = ev[i].vervalt_id;
		doel = bsearch(&sleutel, ev, n, sizeof(*ev), op_id);
		if (doel == NULL || effect_van(doel->type) == E_CORRECTIE)
			continue;
		doel->vervallen = 1;
	}
}

/* Most trajecten the walk keeps apart; beyond that every further one is
 * taken to be open (the inwoner is never wrongly let go). */
#define MAX_TRAJECTEN	32

/* The walk's state beyond what ends up in struct ketenstatus. */
struct loop {
	int      besluit_afgewezen;    /* the last remembered besluit */
	char     besluit_datum[KS_DATUM];
	int      overdracht_uitstaand; /* a handover not yet answered by a
					* return */
	int64_t  traject[MAX_TRAJECTEN];  /* trajecten seen, */
	int      open[MAX_TRAJECTEN];     /* and whether still open */
	size_t   ntraject;
	int      te_veel;              /* more trajecten than kept apart */
};

/* Notes that traject t has an event (open unless closed now); returns
 * whether another traject than t is still open afterwards. */
static int
traject_zie(struct loop *l, int64_t t, int sluit)
{
	size_t i, k = l->ntraject;
	int ander = l->te_veel;

	for (i = 0; i < l->ntraject; i++)
		if (l->traject[i] == t)
			k = i;
	if (k == l->ntraject) {
		if (l->ntraject == MAX_TRAJECTEN) {
			l->te_veel = 1;
			return 1;
		}
		l->traject[l->ntraject] = t;
		l->open[l->ntraject++] = 1;
	}
	if (sluit)
		l->open[k] = 0;
	for (i = 0; i < l->ntraject; i++)
		if (i != k && l->open[i])
			ander = 1;
	return ander;
}

/* Moves the inwoner to p (wijkteam w) on datum, keeping "sinds" when they
 * are already there. */
static void
naar(struct ketenstatus *s, enum partij p, int64_t w, const char *datum)
{
	if (p != PARTIJ_WIJKTEAM)
		w = 0;
	if (s->partij == p && s->wijkteam_id == w && s->sinds[0] != '\0')
		return;
	s->partij = p;
	s->wijkteam_id = w;
	datum_kopie(s->sinds, datum);
}

static void
stap(struct ketenstatus *s, struct loop *l, const struct keten_gebeurtenis *e)
{
	enum effect eff = effect_van(e->type);

	/* Every event but the close itself opens (or keeps open) its
	 * traject; a correctie belongs to the traject it voids in. */
	if (eff != E_AFGESLOTEN && eff != E_CORRECTIE)
		(void)traject_zie(l, e->traject_id, 0);
	switch (eff) {
	case E_STARTGESPREK:
		naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		l->besluit_afgewezen = 0;
		break;
	case E_WACHTLIJST_IN:
		if (s->partij == PARTIJ_GEEN)
			naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		if (!s->op_wachtlijst) {
			s->op_wachtlijst = 1;
			datum_kopie(s->wachtlijst_sinds, e->datum);
			s->wachtlijst_wijkteam_id = e->wijkteam_id;
		}
		break;
	case E_WACHTLIJST_UIT:
		s->op_wachtlijst = 0;
		s->wachtlijst_sinds[0] = '\0';
		s->wachtlijst_wijkteam_id = 0;
		break;
	case E_OVERDRACHT:
		if (s->partij == PARTIJ_GEEN)
			naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		if (!s->overdracht_open) {
			s->overdracht_open = 1;
			datum_kopie(s->overdracht_sinds, e->datum);
		}
		l->overdracht_uitstaand = 1;
		break;
	case E_GEACCEPTEERD:
		naar(s, PARTIJ_WERKOM, 0, e->datum);
		s->overdracht_open = 0;
		s->overdracht_sinds[0] = '\0';
		break;
	case E_TERUG_WERKOM:
		naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		s->overdracht_open = 0;
		s->overdracht_sinds[0] = '\0';
		if (!l->overdracht_uitstaand) {
			s->terug_zonder_overdracht = 1;
			datum_kopie(s->terug_datum, e->datum);
			s->terug_id = e->id;
		}
		l->overdracht_uitstaand = 0;
		break;
	case E_NAAR_NALEVING:
		naar(s, PARTIJ_NALEVING, 0, e->datum);
		break;
	case E_TERUG_NALEVING:
		naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		break;
	case E_BESLUIT:
		l->besluit_afgewezen = e->besluit != NULL &&
		    strcmp(e->besluit, "afgewezen") == 0;
		datum_kopie(l->besluit_datum, e->datum);
		break;
	case E_ACTIVITEIT:
		if (s->partij == PARTIJ_GEEN)
			naar(s, PARTIJ_WIJKTEAM, e->wijkteam_id, e->datum);
		break;
	case E_AFGESLOTEN:
		if (traject_zie(l, e->traject_id, 1))
			break;          /* another traject goes on */
		if (e->reden != NULL && strcmp(e->reden, REDEN_UWV) == 0)
			naar(s, PARTIJ_UWV, 0, e->datum);
		else
			naar(s, PARTIJ_GEEN, 0, e->datum);
		s->op_wachtlijst = 0;
		s->wachtlijst_sinds[0] = '\0';
		s->wachtlijst_wijkteam_id = 0;
		s->overdracht_open = 0;
		s->overdracht_sinds[0] = '\0';
		break;
	case E_GEEN_EFFECT:
	case E_CORRECTIE:
		break;
	}
}

int
ketenstatus_bereken(struct keten_gebeurtenis *ev, size_t n,
    struct ketenstatus *out)
{
	struct loop l;
	size_t i;

	memset(out, 0, sizeof(*out));
	memset(&l, 0, sizeof(l));
	if (n == 0)
		return 0;
	if (ev == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (ev[i].type == NULL || !datum_vorm(ev[i].datum))
			return -1;

	qsort(ev, n, sizeof(*ev), op_id);
	markeer_vervallen(ev, n);
	qsort(ev, n, sizeof(*ev), op_datum);

	for (i = 0; i < n; i++)
		if (!ev[i].vervallen)
			stap(out, &l, &ev[i]);

	if (out->op_wachtlijst && l.besluit_afgewezen) {
		out->uitkering_afgewezen_op_wachtlijst = 1;
		datum_kopie(out->afgewezen_op, l.besluit_datum);
	}
	return 0;
}
