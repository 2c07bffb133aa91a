/*
 * streefwaarde_uitleg.c — a target in Dutch words; see
 * streefwaarde_uitleg.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domain/streefwaarde.h"
#include "domain/streefwaarde_uitleg.h"

/* A shown value (units of 1/STREEFWAARDE_TOON_SCHAAL), shortest form,
 * with a decimal comma. */
static const char *
getal(int64_t v, char b[40])
{
	char *p;

	streefwaarde_getal_tekst(v, STREEFWAARDE_TOON_SCHAAL, b);
	if ((p = strchr(b, '.')) != NULL)
		*p = ',';
	return b;
}

/* The tolerance as shown for c: absolute divided like the target, a
 * percentage as it is (both in units of 1/STREEFWAARDE_TOON_SCHAAL); 0
 * without one. */
static int64_t
tolerantie(const struct sw_cel *c)
{
	const struct streefwaarde *sw = c->sw;

	if (!sw->heeft_tolerantie)
		return 0;
	if (sw->tolerantie_soort == SW_PROCENT)
		return sw->tolerantie * (STREEFWAARDE_TOON_SCHAAL /
		    STREEFWAARDE_SCHAAL);
	return streefwaarde_toon(c, sw->tolerantie);
}

char *
streefwaarde_uitleg(const struct sw_cel *c, char *out, size_t n)
{
	const struct streefwaarde *sw = c->sw;
	char a[40], b[40], t[40], x[40], y[40], kern[200], tol[240];
	int64_t tv, w, o, g;
	int procent, hoger;

	if (n > 0)
		out[0] = '\0';
	if (sw == NULL || n == 0)
		return out;
	tv = tolerantie(c);
	procent = sw->tolerantie_soort == SW_PROCENT;
	tol[0] = '\0';
	if (sw->richting == SW_BANDBREEDTE) {
		o = streefwaarde_toon(c, sw->ondergrens);
		g = streefwaarde_toon(c, sw->bovengrens);
		snprintf(kern, sizeof(kern), "Binnen een bandbreedte: op koers van "
		    "%s tot en met %s", getal(o, a), getal(g, b));
		if (tv != 0 && procent)
			snprintf(tol, sizeof(tol), "; met een tolerantie van %s%% van "
			    "elke grens daarbuiten nog op koers", getal(tv, t));
		else if (tv != 0)
			snprintf(tol, sizeof(tol), "; met een tolerantie van %s nog op "
			    "koers van %s tot en met %s", getal(tv, t),
			    getal(o - tv, x), getal(g + tv, y));
	} else {
		hoger = sw->richting == SW_HOGER_BETER;
		w = streefwaarde_toon(c, sw->waarde);
		snprintf(kern, sizeof(kern), "%s: op koers bij %s of %s",
		    hoger ? "Hoger is beter" : "Lager is beter", getal(w, a),
		    hoger ? "meer" : "minder");
		if (tv != 0 && procent)
			snprintf(tol, sizeof(tol), "; met een tolerantie van %s%% van "
			    "de streefwaarde", getal(tv, t));
		else if (tv != 0)
			snprintf(tol, sizeof(tol), "; met een tolerantie van %s nog op "
			    "koers %s %s", getal(tv, t), hoger ? "vanaf" :
			    "tot en met", getal(hoger ? w - tv : w + tv, x));
	}
	snprintf(out, n, "%s%s%s.%s", kern, tol, tv != 0 ? "" :
	    ", zonder tolerantie", c->deler == 2 ? " Naar rato: de helft van "
	    "de streefwaarde voor het jaar." : c->deler == 4 ? " Naar rato: "
	    "een kwart van de streefwaarde voor het jaar." : "");
	return out;
}

char *
streefwaarde_kort(const struct sw_cel *c, char *out, size_t n)
{
	const struct streefwaarde *sw = c->sw;
	char a[40], b[40], t[40], tol[64];
	int64_t tv;

	if (n > 0)
		out[0] = '\0';
	if (sw == NULL || n == 0)
		return out;
	tv = tolerantie(c);
	tol[0] = '\0';
	if (tv != 0)
		snprintf(tol, sizeof(tol), " (± %s%s)", getal(tv, t),
		    sw->tolerantie_soort == SW_PROCENT ? "%" : "");
	if (sw->richting == SW_BANDBREEDTE)
		snprintf(out, n, "%s tot en met %s%s", getal(streefwaarde_toon(c,
		    sw->ondergrens), a), getal(streefwaarde_toon(c,
		    sw->bovengrens), b), tol);
	else
		snprintf(out, n, "%s %s%s", sw->richting == SW_HOGER_BETER ?
		    "minstens" : "hoogstens", getal(streefwaarde_toon(c,
		    sw->waarde), a), tol);
	return out;
}

const char *
streefwaarde_status_label(enum sw_status s)
{
	switch (s) {
	case SW_OP_KOERS:
		return "Op koers";
	case SW_AFWIJKING:
		return "Afwijking";
	case SW_ONDERDRUKT:
		return "Niet getoond";
	case SW_GEEN_WAARDE:
		return "Geen waarde";
	case SW_GEEN_STREEFWAARDE:
	default:
		return "Geen streefwaarde";
	}
}
