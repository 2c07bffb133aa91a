/*
 * streefwaarde.c — targets and their status; see streefwaarde.h.
 *
 * Comparisons multiply values of two scales (a value and a percentage),
 * which can pass 2^63; they are done in 128 bits, where every product of
 * two bounded inputs fits, so the status on the bound is exact.
 */
#include "config.h"

#include <string.h>

#include "core/getal.h"
#include "domain/streefwaarde.h"

__extension__ typedef __int128 breed;

static const char *const richtingen[] = {
	[SW_HOGER_BETER] = "hoger_beter",
	[SW_LAGER_BETER] = "lager_beter",
	[SW_BANDBREEDTE] = "bandbreedte",
};

static const char *const toleranties[] = {
	[SW_ABSOLUUT] = "absoluut",
	[SW_PROCENT] = "procent",
};

const char *
streefwaarde_richting_code(enum sw_richting r)
{
	return r >= SW_HOGER_BETER && r <= SW_BANDBREEDTE ? richtingen[r] : NULL;
}

enum sw_richting
streefwaarde_richting_lees(const char *s)
{
	int i;

	for (i = SW_HOGER_BETER; s != NULL && i <= SW_BANDBREEDTE; i++)
		if (strcmp(s, richtingen[i]) == 0)
			return (enum sw_richting)i;
	return 0;
}

const char *
streefwaarde_tolerantie_code(enum sw_tolerantie t)
{
	return t >= SW_ABSOLUUT && t <= SW_PROCENT ? toleranties[t] : NULL;
}

enum sw_tolerantie
streefwaarde_tolerantie_lees(const char *s)
{
	int i;

	for (i = SW_ABSOLUUT; s != NULL && i <= SW_PROCENT; i++)
		if (strcmp(s, toleranties[i]) == 0)
			return (enum sw_tolerantie)i;
	return 0;
}

const char *
streefwaarde_status_code(enum sw_status s)
{
	switch (s) {
	case SW_GEEN_STREEFWAARDE:
		return "geen_streefwaarde";
	case SW_OP_KOERS:
		return "op_koers";
	case SW_AFWIJKING:
		return "afwijking";
	case SW_ONDERDRUKT:
	case SW_GEEN_WAARDE:
		break;
	}
	return NULL;
}

int
streefwaarde_getal_lees(const char *s, int64_t *out)
{
	const char *p, *sep;
	int64_t heel, frac = 0;
	size_t nh, nd = 0;
	int neg = 0;

	if (s == NULL)
		return -1;
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	sep = p + strcspn(p, ".,");
	nh = (size_t)(sep - p);
	if (nh == 0 || nh > STREEFWAARDE_MAX_HEEL ||
	    getal_lees(p, nh, 0, INT64_MAX, &heel) != 0)
		return -1;
	if (*sep != '\0') {
		nd = strlen(sep + 1);
		if (nd < 1 || nd > 4 || getal_lees(sep + 1, nd, 0, 9999,
		    &frac) != 0)
			return -1;
		for (; nd < 4; nd++)
			frac *= 10;
	}
	*out = (heel * STREEFWAARDE_SCHAAL + frac) * (neg ? -1 : 1);
	return 0;
}

char *
streefwaarde_getal_tekst(int64_t v, int schaal, char out[40])
{
	size_t n;

	getal_schrijf(v, schaal, '.', 0, out);
	if (strchr(out, '.') == NULL)
		return out;
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	return out;
}

/* Whether |x| has at most STREEFWAARDE_MAX_HEEL whole digits. */
static int
binnen(int64_t x)
{
	const int64_t max = (int64_t)1000000000000 * STREEFWAARDE_SCHAAL;

	return x > -max && x < max;
}

int
streefwaarde_controleer(const struct streefwaarde *sw, const char **veld,
    const char **melding)
{
	if (!periode_geldig(&sw->periode) ||
	    sw->periode.soort == PERIODE_KWARTAAL) {
		*veld = "periode";
		*melding = "Een streefwaarde geldt voor een halfjaar (2024-H1) of "
		    "een jaar (2024), niet voor een kwartaal.";
		return -1;
	}
	switch (sw->richting) {
	case SW_HOGER_BETER:
	case SW_LAGER_BETER:
		if (!binnen(sw->waarde)) {
			*veld = "waarde";
			*melding = "De streefwaarde is te groot.";
			return -1;
		}
		break;
	case SW_BANDBREEDTE:
		if (!binnen(sw->ondergrens) || !binnen(sw->bovengrens)) {
			*veld = "ondergrens";
			*melding = "Een grens van de bandbreedte is te groot.";
			return -1;
		}
		if (sw->ondergrens > sw->bovengrens) {
			*veld = "ondergrens";
			*melding = "De ondergrens mag niet hoger zijn dan de "
			    "bovengrens.";
			return -1;
		}
		break;
	default:
		*veld = "richting";
		*melding = "Kies een richting: hoger_beter, lager_beter of "
		    "bandbreedte.";
		return -1;
	}
	if (sw->tolerantie_soort != SW_ABSOLUUT &&
	    sw->tolerantie_soort != SW_PROCENT) {
		*veld = "tolerantie_soort";
		*melding = "Kies absoluut of procent.";
		return -1;
	}
	if (sw->heeft_tolerantie && (sw->tolerantie < 0 ||
	    !binnen(sw->tolerantie))) {
		*veld = "tolerantie";
		*melding = "De tolerantie is 0 of meer.";
		return -1;
	}
	return 0;
}

/* How specific the scope of sw is for the cell (org, wijk): 4 for
 * organisatie + wijk down to 1 for the gemeente; 0: it does not apply. */
static int
bereik(const struct streefwaarde *sw, int64_t org, int64_t wijk)
{
	if (sw->organisatie_id != 0 && sw->organisatie_id != org)
		return 0;
	if (sw->wijk_id != 0 && (wijk == 0 || sw->wijk_id != wijk))
		return 0;
	if (sw->wijk_id != 0)
		return sw->organisatie_id != 0 ? 4 : 3;
	return sw->organisatie_id != 0 ? 2 : 1;
}

static int
zelfde(const struct periode *a, const struct periode *b)
{
	return a->soort == b->soort && a->jaar == b->jaar && a->deel == b->deel;
}

void
streefwaarde_kies(const struct streefwaarde *sw, size_t n,
    const struct periode *p, int64_t org, int64_t wijk, unsigned soort,
    struct sw_cel *out)
{
	size_t i;
	int best = 0, b, exact_best = 0, exact;
	/* The least specific scope that may apply to the cell: for a count
	 * only the cell's own (a wijk cell: a wijk target, with or without
	 * the organisatie; an organisatie's total: its own target). */
	int minst = !(soort & SW_OPTELBAAR) ? 1 : wijk != 0 ? 3 :
	    org != 0 ? 2 : 1;

	out->sw = NULL;
	out->deler = 1;
	for (i = 0; i < n; i++) {
		exact = zelfde(&sw[i].periode, p);
		if (!exact && !(sw[i].periode.soort == PERIODE_JAAR &&
		    sw[i].periode.jaar == p->jaar))
			continue;
		if ((b = bereik(&sw[i], org, wijk)) < minst || b == 0)
			continue;
		/* The scope first; within one scope the exact periode. */
		if (b > best || (b == best && exact && !exact_best)) {
			best = b;
			exact_best = exact;
			out->sw = &sw[i];
		}
	}
	if (out->sw != NULL && !exact_best && (soort & SW_PRO_RATA))
		out->deler = p->soort == PERIODE_HALFJAAR ? 2 :
		    p->soort == PERIODE_KWARTAAL ? 4 : 1;
}

int64_t
streefwaarde_toon(const struct sw_cel *c, int64_t x)
{
	return x * (STREEFWAARDE_TOON_SCHAAL / STREEFWAARDE_SCHAAL) /
	    (c->deler > 0 ? c->deler : 1);
}

/*
 * The tolerance around bound g, times 100 * STREEFWAARDE_SCHAAL (so a
 * percentage, itself in units of 1/10000, needs no division): both sides
 * of every comparison below carry that factor.
 */
static breed
tol(const struct streefwaarde *sw, int64_t g)
{
	breed f = (breed)100 * STREEFWAARDE_SCHAAL;

	if (!sw->heeft_tolerantie)
		return 0;
	if (sw->tolerantie_soort == SW_PROCENT)
		return (breed)(g < 0 ? -g : g) * sw->tolerantie;
	return (breed)sw->tolerantie * f;
}

enum sw_status
streefwaarde_status(const struct sw_cel *c, int64_t v, int schaal)
{
	const struct streefwaarde *sw = c->sw;
	breed f = (breed)100 * STREEFWAARDE_SCHAAL, x;

	if (sw == NULL)
		return SW_GEEN_STREEFWAARDE;
	if (schaal < 1 || STREEFWAARDE_SCHAAL % schaal != 0)
		schaal = 1;
	/* v in units of 1/10000, times deler (the target is undivided),
	 * times f. */
	x = (breed)v * (STREEFWAARDE_SCHAAL / schaal) * (c->deler > 0 ?
	    c->deler : 1) * f;
	switch (sw->richting) {
	case SW_HOGER_BETER:
		return x >= (breed)sw->waarde * f - tol(sw, sw->waarde) ?
		    SW_OP_KOERS : SW_AFWIJKING;
	case SW_LAGER_BETER:
		return x <= (breed)sw->waarde * f + tol(sw, sw->waarde) ?
		    SW_OP_KOERS : SW_AFWIJKING;
	case SW_BANDBREEDTE:
		return x >= (breed)sw->ondergrens * f - tol(sw, sw->ondergrens) &&
		    x <= (breed)sw->bovengrens * f + tol(sw, sw->bovengrens) ?
		    SW_OP_KOERS : SW_AFWIJKING;
	}
	return SW_GEEN_STREEFWAARDE;
}
