/*
 * chart.h — charts as SVG, drawn on the server: one module for the
 * dashboards' pages and the figures of the documents (doc_figuur()).
 *
 * A chart is one or more reeksen (series) of values over labelled
 * perioden ("2024-H1"), drawn as lines or as grouped bars, against a
 * y-axis from 0 with round ticks (steps of 1, 2 or 5 times a power of
 * ten), optionally with a horizontal streefwaarde line. A missing value
 * (NAN, or anything not finite) is left out — a gap in the line, no bar —
 * and never drawn as 0: "not delivered" must not read as "none".
 *
 * Accessibility: the <svg> has role="img", an aria-label and a <title>
 * with the chart's title; every point and bar carries a <title> with its
 * series, period and value. That does not make a chart readable without
 * sight: the page template (or the document) puts a data table with the
 * same numbers beside every chart. That table is not drawn here.
 *
 * Pure: no I/O, no database, no HTTP; it only appends to a struct buf.
 * Every text is escaped with buf_html_escape, so the SVG may be written
 * raw into a page (the one raw output DESIGN.md allows). Colours and
 * fonts are SVG attributes, not CSS, so the PDF renderer draws the same.
 * Numbers in labels are Dutch (1.234,5); coordinates need the "C"
 * LC_NUMERIC, which the worker never changes.
 */
#ifndef WZ_CHART_H
#define WZ_CHART_H

#include <stddef.h>

struct buf;

#define CHART_MAX_REEKSEN	6      /* distinct colours we have */
#define CHART_MAX_PERIODEN	120    /* ten years of months */
#define CHART_MAX_WAARDE	1e15   /* |value| and |streefwaarde| */

enum chart_soort {
	CHART_LIJN = 0,   /* a line per series, a marker per value */
	CHART_STAAF,      /* per period a group of bars, one per series */
};

struct chart_reeks {
	const char    *naam;     /* legend and point titles; NULL: none */
	const double  *waarde;   /* nperiode values; not finite: missing */
};

struct chart {
	enum chart_soort           soort;
	const char                *titel;      /* required, not empty */
	int                        breedte;    /* px, 200..4000 */
	int                        hoogte;     /* px, 120..4000 */
	const char *const         *periode;    /* nperiode x labels */
	size_t                     nperiode;   /* 0..CHART_MAX_PERIODEN */
	const struct chart_reeks  *reeks;
	size_t                     nreeks;     /* 0..CHART_MAX_REEKSEN */
	int                        met_streef; /* draw streefwaarde */
	double                     streefwaarde;
};

/* The y-axis: ticks laag, laag + stap, ..., hoog (n of them). */
struct chart_as {
	double  laag;
	double  hoog;
	double  stap;
	int     n;
};

/*
 * The axis for values from min to max (min <= max, both finite): laag is
 * 0 unless min is negative, and at most about five steps of 1, 2 or 5
 * times a power of ten reach max. An empty range becomes 0..1. Example:
 * 0..87 gives ticks 0, 20, 40, 60, 80, 100.
 */
void	chart_as(double min, double max, struct chart_as *out);

/*
 * Appends the chart as one <svg> element of c->breedte by c->hoogte to b.
 * No periods or no series (or only missing values) draw an empty axis
 * with the words "Geen gegevens". Returns 0, or -1 when c is not valid
 * (see struct chart: limits, a NULL label or value array, a streefwaarde
 * or value beyond CHART_MAX_WAARDE) — then nothing is appended — or when
 * b ran out of memory.
 */
int	chart_svg(struct buf *b, const struct chart *c);

#endif
