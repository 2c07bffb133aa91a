/*
 * chart.c — line and bar charts as SVG; see chart.h.
 *
 * The chart is checked whole before the first byte is appended, so a
 * refused chart leaves b as it was. Layout is fixed arithmetic on the
 * struct's size: a plot area inside margins for the tick labels (left),
 * the period labels (below) and the legend (above, only for more than one
 * series). No libm: the few roundings are done on integers.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "chart/chart.h"

#define LINKS		64      /* room for tick labels */
#define RECHTS		16
#define BOVEN		16
#define ONDER		32      /* room for period labels */
#define LEGENDA_RIJ	18      /* height of a legend line */
#define TEKEN_PX	7       /* width of a character at font-size 12 */
#define PLOT_MIN	40      /* least height of the plot area */

/* Distinct, and at least 3:1 against white (WCAG 1.4.11). */
static const char *const kleur[CHART_MAX_REEKSEN] = {
	"#0072b2", "#c25100", "#007a55", "#a4367f", "#5a5a5a", "#8a6a00",
};

static int
aanwezig(double v)
{
	return isfinite(v);
}

/* |x|, here rather than fabs() from libm, which is not linked. */
static double
abs_d(double x)
{
	return x < 0 ? -x : x;
}

/* The largest integer <= x, for |x| far below 2^63 (x is a count of
 * steps here, always small). */
static double
omlaag(double x)
{
	long long i = (long long)x;

	return (double)((double)i > x ? i - 1 : i);
}

void
chart_as(double min, double max, struct chart_as *o)
{
	double laag = min < 0 ? min : 0, hoog = max > 0 ? max : 0;
	double ruw, m = 1, f, stap;

	/* An empty (or vanishing) range is drawn as 0..1. */
	if (hoog - laag < 1e-9)
		hoog = laag + 1;
	ruw = (hoog - laag) / 5;
	while (m * 10 <= ruw)
		m *= 10;
	while (m > ruw)
		m /= 10;
	f = ruw / m;
	stap = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * m;
	/* The slack keeps 0.3 / 0.1 = 2.9999... from adding a tick. */
	o->laag = omlaag(laag / stap + 1e-9) * stap;
	o->hoog = -omlaag(-hoog / stap + 1e-9) * stap;
	o->stap = stap;
	o->n = (int)((o->hoog - o->laag) / stap + 0.5) + 1;
}

static void
tekst(struct buf *b, const char *s)
{
	buf_html_escape(b, s, strlen(s));
}

/* Appends v the Dutch way (1.234.567,5) with dec decimals; kaal drops
 * trailing zeros of the decimals. */
static void
getal(struct buf *b, double v, int dec, int kaal)
{
	char t[64];
	size_t i, begin, komma, eind;

	snprintf(t, sizeof(t), "%.*f", dec, v);
	begin = t[0] == '-';
	if (begin && strspn(t + 1, "0.") != strlen(t + 1))
		buf_putc(b, '-');            /* but "-0" is written "0" */
	komma = strcspn(t, ".");
	eind = strlen(t);
	if (kaal && t[komma] == '.') {
		while (eind > komma + 1 && t[eind - 1] == '0')
			eind--;
		if (eind == komma + 1)
			eind = komma;
	}
	for (i = begin; i < komma; i++) {
		if (i > begin && (komma - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, t[i]);
	}
	if (eind > komma) {
		buf_putc(b, ',');
		buf_append(b, t + komma + 1, eind - komma - 1);
	}
}

/* Whether c can be drawn; see chart_svg() in chart.h. */
static int
geldig(const struct chart *c)
{
	size_t i, r;
	double v;

	if (c == NULL || c->titel == NULL || c->titel[0] == '\0' ||
	    (c->soort != CHART_LIJN && c->soort != CHART_STAAF) ||
	    c->breedte < 200 || c->breedte > 4000 ||
	    c->hoogte < 120 || c->hoogte > 4000 ||
	    c->nperiode > CHART_MAX_PERIODEN || c->nreeks > CHART_MAX_REEKSEN ||
	    (c->nperiode > 0 && c->periode == NULL) ||
	    (c->nreeks > 0 && c->reeks == NULL))
		return 0;
	if (c->met_streef && !(abs_d(c->streefwaarde) <= CHART_MAX_WAARDE))
		return 0;
	for (i = 0; i < c->nperiode; i++)
		if (c->periode[i] == NULL)
			return 0;
	for (r = 0; r < c->nreeks; r++) {
		if (c->nperiode > 0 && c->reeks[r].waarde == NULL)
			return 0;
		for (i = 0; i < c->nperiode; i++) {
			v = c->reeks[r].waarde[i];
			if (aanwezig(v) && abs_d(v) > CHART_MAX_WAARDE)
				return 0;
		}
	}
	return 1;
}

/*
 * The legend, one swatch and name per series, wrapping at the right
 * margin. Returns the lines it takes; draws only when teken is set.
 */
static int
legenda(struct buf *b, const struct chart *c, int teken)
{
	int x = LINKS, rij = 0, w;
	size_t r;
	const char *naam;

	if (c->nreeks < 2)
		return 0;
	if (teken)
		buf_puts(b, "<g class=\"legenda\">");
	for (r = 0; r < c->nreeks; r++) {
		naam = c->reeks[r].naam != NULL ? c->reeks[r].naam : "";
		w = 18 + (int)strlen(naam) * TEKEN_PX + 16;
		if (x > LINKS && x + w > c->breedte - RECHTS) {
			x = LINKS;
			rij++;
		}
		if (teken) {
			buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" "
			    "height=\"12\" fill=\"%s\"/>"
			    "<text x=\"%d\" y=\"%d\">",
			    x, 4 + rij * LEGENDA_RIJ, kleur[r], x + 18,
			    14 + rij * LEGENDA_RIJ);
			tekst(b, naam);
			buf_puts(b, "</text>");
		}
		x += w;
	}
	if (teken)
		buf_puts(b, "</g>");
	return rij + 1;
}

/* A point's or bar's tooltip: "naam, periode: waarde". */
static void
punt_titel(struct buf *b, const struct chart *c, size_t r, size_t i)
{
	buf_puts(b, "<title>");
	if (c->reeks[r].naam != NULL) {
		tekst(b, c->reeks[r].naam);
		buf_puts(b, ", ");
	}
	tekst(b, c->periode[i]);
	buf_puts(b, ": ");
	getal(b, c->reeks[r].waarde[i], 2, 1);
	buf_puts(b, "</title>");
}

/* The plot area in px and the axis that maps values onto it. */
struct vlak {
	double          x0, x1, y0, y1;
	double          band;       /* width of one period */
	struct chart_as as;
};

static double
vlak_x(const struct vlak *v, size_t i)
{
	return v->x0 + v->band * ((double)i + 0.5);
}

static double
vlak_y(const struct vlak *v, double w)
{
	return v->y1 - (w - v->as.laag) / (v->as.hoog - v->as.laag) *
	    (v->y1 - v->y0);
}

/* The y-axis: a grid line and a label per tick, the zero line darker. */
static void
as_teken(struct buf *b, const struct vlak *v)
{
	double s, w, y;
	int dec = 0, t;

	for (s = v->as.stap; s < 1 - 1e-9 && dec < 6; s *= 10)
		dec++;
	buf_puts(b, "<g class=\"as\">");
	for (t = 0; t < v->as.n; t++) {
		w = v->as.laag + t * v->as.stap;
		y = vlak_y(v, w);
		buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">", v->x0, v->x1, y, y,
		    abs_d(w) < v->as.stap / 2 ? "#767676" : "#d9d9d9",
		    v->x0 - 6, y + 4);
		getal(b, w, dec, 0);
		buf_puts(b, "</text>");
	}
	buf_puts(b, "</g>");
}

/* The period labels; every elke-th one when they would overlap. */
static void
perioden(struct buf *b, const struct chart *c, const struct vlak *v)
{
	size_t i, langst = 0, elke = 1;

	for (i = 0; i < c->nperiode; i++)
		if (strlen(c->periode[i]) > langst)
			langst = strlen(c->periode[i]);
	while (elke * v->band < (double)(langst * TEKEN_PX + 8))
		elke++;
	buf_puts(b, "<g class=\"perioden\" text-anchor=\"middle\">");
	for (i = 0; i < c->nperiode; i += elke) {
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">", vlak_x(v, i),
		    v->y1 + 18);
		tekst(b, c->periode[i]);
		buf_puts(b, "</text>");
	}
	buf_puts(b, "</g>");
}

/* Series r as bars: those of a period side by side in 80% of its band.
 * A 0 gets a 1px bar, so that it differs from a gap. */
static void
staven(struct buf *b, const struct chart *c, const struct vlak *v, size_t r)
{
	const double *w = c->reeks[r].waarde;
	double sw = v->band * 0.8 / (double)c->nreeks, nul = vlak_y(v, 0), y, h;
	size_t i;

	for (i = 0; i < c->nperiode; i++) {
		if (!aanwezig(w[i]))
			continue;
		y = vlak_y(v, w[i]);
		h = abs_d(nul - y) < 1 ? 1 : abs_d(nul - y);
		buf_printf(b, "<rect class=\"staaf\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\" stroke=\"none\">",
		    v->x0 + v->band * ((double)i + 0.1) + sw * (double)r,
		    y < nul ? y : nul, sw, h);
		punt_titel(b, c, r, i);
		buf_puts(b, "</rect>");
	}
}

/*
 * Series r as a line: a polyline per run of two or more values (a
 * missing value ends the run, so the line has a gap there) and a marker
 * per value, which also shows a value that stands alone.
 */
static void
lijn(struct buf *b, const struct chart *c, const struct vlak *v, size_t r)
{
	const double *w = c->reeks[r].waarde;
	size_t i;
	int open = 0, verder;

	for (i = 0; i < c->nperiode; i++) {
		if (!aanwezig(w[i]))
			continue;
		verder = i + 1 < c->nperiode && aanwezig(w[i + 1]);
		if (!open && verder) {
			buf_puts(b, "<polyline fill=\"none\" "
			    "stroke-width=\"2\" points=\"");
			open = 1;
		}
		if (!open)
			continue;
		buf_printf(b, "%.1f,%.1f%s", vlak_x(v, i), vlak_y(v, w[i]),
		    verder ? " " : "\"/>");
		open = verder;
	}
	for (i = 0; i < c->nperiode; i++) {
		if (!aanwezig(w[i]))
			continue;
		buf_printf(b, "<circle class=\"punt\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"3.5\">", vlak_x(v, i), vlak_y(v, w[i]));
		punt_titel(b, c, r, i);
		buf_puts(b, "</circle>");
	}
}

int
chart_svg(struct buf *b, const struct chart *c)
{
	struct vlak v;
	double min = 0, max = 0, w, y;
	size_t i, r, nwaarde = 0;

	if (!geldig(c))
		return -1;
	for (r = 0; r < c->nreeks; r++)
		for (i = 0; i < c->nperiode; i++)
			if (aanwezig(w = c->reeks[r].waarde[i])) {
				min = w < min ? w : min;
				max = w > max ? w : max;
				nwaarde++;
			}
	if (c->met_streef) {
		min = c->streefwaarde < min ? c->streefwaarde : min;
		max = c->streefwaarde > max ? c->streefwaarde : max;
	}
	chart_as(min, max, &v.as);
	v.x0 = LINKS;
	v.x1 = c->breedte - RECHTS;
	v.y0 = BOVEN + legenda(b, c, 0) * LEGENDA_RIJ;
	v.y1 = c->hoogte - ONDER;
	if (v.y1 - v.y0 < PLOT_MIN)
		return -1;               /* too small for its legend */
	v.band = (v.x1 - v.x0) / (double)(c->nperiode > 0 ? c->nperiode : 1);

	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	    c->breedte, c->hoogte, c->breedte, c->hoogte);
	tekst(b, c->titel);
	buf_puts(b, "\" font-family=\"sans-serif\" font-size=\"12\" "
	    "fill=\"#1a1a1a\"><title>");
	tekst(b, c->titel);
	buf_puts(b, "</title>");
	as_teken(b, &v);
	perioden(b, c, &v);
	legenda(b, c, 1);
	for (r = 0; r < c->nreeks; r++) {
		buf_printf(b, "<g class=\"reeks\" fill=\"%s\" stroke=\"%s\">",
		    kleur[r], kleur[r]);
		if (c->soort == CHART_STAAF)
			staven(b, c, &v, r);
		else
			lijn(b, c, &v, r);
		buf_puts(b, "</g>");
	}

	/* The target last, over the bars; its label has a white halo so it
	 * stays legible where it crosses one. */
	if (c->met_streef) {
		y = vlak_y(&v, c->streefwaarde);
		buf_printf(b, "<g class=\"streef\"><line x1=\"%.1f\" "
		    "x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1a1a1a\" "
		    "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text "
		    "x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
		    "stroke=\"#ffffff\" stroke-width=\"3\" "
		    "paint-order=\"stroke\">Streefwaarde ",
		    v.x0, v.x1, y, y, v.x1, y - 4);
		getal(b, c->streefwaarde, 2, 1);
		buf_puts(b, "</text></g>");
	}
	if (nwaarde == 0)
		buf_printf(b, "<text class=\"leeg\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">Geen gegevens</text>",
		    (v.x0 + v.x1) / 2, (v.y0 + v.y1) / 2);
	buf_puts(b, "</svg>");
	return b->failed ? -1 : 0;
}
