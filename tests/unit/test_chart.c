/*
 * test_chart.c — SVG charts (src/chart/chart.h): the SVG is one
 * well-formed element with its accessible name, every present value is
 * drawn once and a missing one leaves a gap, every text is escaped, the
 * axis has round ticks, the streefwaarde line is there only when set, and
 * empty or invalid charts neither crash nor append half an SVG.
 *
 * The assertions read the SVG text; a small checker proves the tags nest
 * and every '&' starts an entity, so the SVG can be written raw into a
 * page.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "chart/chart.h"
#include "tel.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct arena arena;
static struct buf b;

static int
setup(void **state)
{
	(void)state;
	if (arena_init(&arena, 1 << 16, 1 << 24) != 0)
		return -1;
	buf_init(&b, &arena);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

/*
 * Fails unless s is one element whose tags nest (start, end and empty
 * tags; names compared) and whose every '&' starts one of the entities
 * buf_html_escape writes.
 */
static void
assert_well_formed(const char *s)
{
	static const char *const ent[] = { "&amp;", "&lt;", "&gt;", "&quot;",
	    "&#39;" };
	const char *stack[64], *p, *e;
	size_t diep = 0, n, i;
	int ok;

	assert_true(strncmp(s, "<svg ", 5) == 0);
	n = strlen(s);
	assert_true(n > 6 && strcmp(s + n - 6, "</svg>") == 0);
	for (p = s; *p != '\0'; p++) {
		if (*p == '&') {
			for (ok = 0, i = 0; i < NELEM(ent); i++)
				ok |= strncmp(p, ent[i], strlen(ent[i])) == 0;
			assert_true(ok);
		}
		if (*p != '<')
			continue;
		assert_non_null(e = strchr(p, '>'));
		assert_null(memchr(p + 1, '<', (size_t)(e - p - 1)));
		if (p[1] == '/') {
			assert_true(diep > 0);
			diep--;
			n = strcspn(stack[diep], " />");
			assert_memory_equal(p + 2, stack[diep], n);
			assert_int_equal(p[2 + n], '>');
		} else if (e[-1] != '/') {
			assert_true(diep < NELEM(stack));
			stack[diep++] = p + 1;
		}
		/* Only the root closes last: nothing may follow it. */
		if (diep == 0)
			assert_string_equal(e + 1, "");
		p = e;
	}
	assert_int_equal(diep, 0);
}

/* The points of every <polyline> in s together. */
static size_t
polyline_points(const char *s)
{
	const char *p = s, *q;
	size_t n = 0;

	while ((p = strstr(p, "<polyline ")) != NULL) {
		p = strstr(p, "points=\"") + 8;
		q = strchr(p, '"');
		for (; p < q; p++)
			n += *p == ',';
	}
	return n;
}

static const char *const halfjaren[] = {
	"2023-H1", "2023-H2", "2024-H1", "2024-H2", "2025-H1", "2025-H2",
};

/* A chart of soort over the six half-years with the given series. */
static struct chart
grafiek(enum chart_soort soort, const struct chart_reeks *r, size_t n)
{
	struct chart c = {
		.soort = soort,
		.titel = "Startgesprekken per halfjaar",
		.breedte = 640,
		.hoogte = 320,
		.periode = halfjaren,
		.nperiode = NELEM(halfjaren),
		.reeks = r,
		.nreeks = n,
	};

	return c;
}

/* ------------------------------------------------------------ tests */

static void
test_svg_is_one_element_with_an_accessible_name(void **state)
{
	const double w[] = { 10, 20, 30, 40, 50, 60 };
	const struct chart_reeks r[] = { { "Zaandam", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "<svg"), 1);
	assert_non_null(strstr(b.data, " role=\"img\""));
	assert_non_null(strstr(b.data,
	    " aria-label=\"Startgesprekken per halfjaar\""));
	assert_non_null(strstr(b.data,
	    "<title>Startgesprekken per halfjaar</title>"));
	assert_non_null(strstr(b.data, "width=\"640\" height=\"320\" "
	    "viewBox=\"0 0 640 320\""));
	/* Every period is labelled. */
	assert_non_null(strstr(b.data, ">2023-H1</text>"));
	assert_non_null(strstr(b.data, ">2025-H2</text>"));
}

static void
test_line_has_a_point_per_present_value(void **state)
{
	const double w[] = { 10, 20, 30, 40, 50, 60 };
	const double v[] = { 5, 6, 7, 8, 9, 10 };
	const struct chart_reeks r[] = { { "A", w }, { "B", v } };
	struct chart c = grafiek(CHART_LIJN, r, 2);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "class=\"punt\""), 12);
	assert_int_equal(count(b.data, "<polyline "), 2);
	assert_int_equal(polyline_points(b.data), 12);
}

static void
test_missing_value_leaves_a_gap_not_a_zero(void **state)
{
	const double w[] = { 10, 20, NAN, 40, 50, INFINITY };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	/* Two runs, 10-20 and 40-50: two lines, four points, no point for
	 * 2024-H1 or 2025-H2. */
	assert_int_equal(count(b.data, "class=\"punt\""), 4);
	assert_int_equal(count(b.data, "<polyline "), 2);
	assert_int_equal(polyline_points(b.data), 4);
	assert_null(strstr(b.data, "2024-H1: "));
	assert_non_null(strstr(b.data, "<title>A, 2024-H2: 40</title>"));
	assert_null(strstr(b.data, ": 0</title>"));
}

static void
test_isolated_value_is_a_point_without_a_line(void **state)
{
	const double w[] = { 10, NAN, 30, NAN, NAN, 60 };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "class=\"punt\""), 3);
	assert_int_equal(count(b.data, "<polyline "), 0);
}

static void
test_bars_are_one_rect_per_present_value(void **state)
{
	const double w[] = { 10, 0, NAN, 40, 50, 60 };
	const double v[] = { NAN, NAN, 3, 4, 5, 6 };
	const struct chart_reeks r[] = { { "A", w }, { "B", v } };
	struct chart c = grafiek(CHART_STAAF, r, 2);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "class=\"staaf\""), 9);
	/* A zero is a bar (of 1px), a missing value is none. */
	assert_non_null(strstr(b.data, "<title>A, 2023-H2: 0</title>"));
	assert_null(strstr(b.data, "<title>A, 2024-H1"));
	assert_int_equal(count(b.data, "<polyline "), 0);
}

static void
test_every_text_is_escaped(void **state)
{
	const char *const per[] = { "<&>", "\"'" };
	const double w[] = { 1, 2 };
	const struct chart_reeks r[] = { { "Jan & <b>Piet</b>", w },
	    { "B", w } };
	struct chart c = grafiek(CHART_LIJN, r, 2);

	(void)state;
	c.titel = "Wachtlijst <script>";
	c.periode = per;
	c.nperiode = 2;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_null(strstr(b.data, "<&>"));
	assert_null(strstr(b.data, "<script>"));
	assert_null(strstr(b.data, "<b>"));
	assert_non_null(strstr(b.data, ">&lt;&amp;&gt;</text>"));
	assert_non_null(strstr(b.data, ">&quot;&#39;</text>"));
	assert_non_null(strstr(b.data, "aria-label=\"Wachtlijst &lt;script&gt;\""));
	assert_non_null(strstr(b.data, ">Jan &amp; &lt;b&gt;Piet&lt;/b&gt;</text>"));
	assert_non_null(strstr(b.data,
	    "<title>Jan &amp; &lt;b&gt;Piet&lt;/b&gt;, &lt;&amp;&gt;: 1</title>"));
}

static void
test_axis_ticks_are_round_steps(void **state)
{
	struct chart_as as;

	(void)state;
	chart_as(0, 87, &as);
	assert_true(as.laag == 0 && as.hoog == 100 && as.stap == 20);
	assert_int_equal(as.n, 6);
	chart_as(0, 100, &as);
	assert_true(as.hoog == 100 && as.stap == 20);
	chart_as(0, 5, &as);
	assert_true(as.hoog == 5 && as.stap == 1);
	assert_int_equal(as.n, 6);
	chart_as(0, 0.3, &as);                 /* no extra tick from 2.999 */
	assert_int_equal(as.n, 4);
	chart_as(0, 0, &as);                   /* empty: 0..1 */
	assert_true(as.laag == 0 && as.hoog == 1);
	assert_int_equal(as.n, 6);
	chart_as(-12, 30, &as);                /* below zero */
	assert_true(as.laag == -20 && as.hoog == 30 && as.stap == 10);
	chart_as(5, 7, &as);                   /* the axis starts at 0 */
	assert_true(as.laag == 0 && as.hoog == 8 && as.stap == 2);
	chart_as(0, 14e6, &as);
	assert_true(as.hoog == 15e6 && as.stap == 5e6);
}

static void
test_tick_labels_for_max_87_are_0_to_100_by_20(void **state)
{
	const double w[] = { 12, 87, NAN, 40, 50, 60 };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_STAAF, r, 1);
	const char *as, *eind;
	char want[32];
	int t;

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	as = strstr(b.data, "<g class=\"as\">");
	assert_non_null(as);
	eind = strstr(as, "</g>");
	for (t = 0; t <= 100; t += 20) {
		snprintf(want, sizeof(want), "text-anchor=\"end\">%d</text>", t);
		assert_non_null(strstr(as, want));
		assert_true(strstr(as, want) < eind);
	}
	assert_int_equal(count(as, "<line ") - count(eind, "<line "), 6);
	assert_null(strstr(as, ">120</text>"));
}

static void
test_labels_are_dutch_numbers(void **state)
{
	const double w[] = { 1234.5, 14000000, 2.25, -3, -0.001, NAN };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_non_null(strstr(b.data, "2023-H1: 1.234,5</title>"));
	assert_non_null(strstr(b.data, "2023-H2: 14.000.000</title>"));
	assert_non_null(strstr(b.data, "2024-H1: 2,25</title>"));
	assert_non_null(strstr(b.data, "2024-H2: -3</title>"));
	assert_non_null(strstr(b.data, "2025-H1: 0</title>"));   /* not -0 */
	assert_non_null(strstr(b.data, ">15.000.000</text>"));   /* a tick */
}

static void
test_streefwaarde_line_only_when_set(void **state)
{
	const double w[] = { 10, 20, 30, 40, 50, 45 };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_null(strstr(b.data, "class=\"streef\""));
	assert_null(strstr(b.data, "Streefwaarde"));

	buf_init(&b, &arena);
	c.met_streef = 1;
	c.streefwaarde = 87.5;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "class=\"streef\""), 1);
	assert_non_null(strstr(b.data, "\">Streefwaarde 87,5</text>"));
	assert_non_null(strstr(b.data, "stroke-dasharray="));
	/* A target above the data raises the axis to reach it. */
	assert_non_null(strstr(b.data, "text-anchor=\"end\">100</text>"));
}

static void
test_empty_chart_draws_an_axis_and_says_so(void **state)
{
	const double leeg[] = { NAN, NAN, NAN, NAN, NAN, NAN };
	const struct chart_reeks r[] = { { "A", leeg } };
	struct chart c = grafiek(CHART_LIJN, NULL, 0);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);            /* no series */
	assert_well_formed(b.data);
	assert_non_null(strstr(b.data, ">Geen gegevens</text>"));

	buf_init(&b, &arena);
	c.periode = NULL;
	c.nperiode = 0;                                     /* no periods */
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);

	buf_init(&b, &arena);
	c = grafiek(CHART_STAAF, r, 1);                     /* all missing */
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_well_formed(b.data);
	assert_int_equal(count(b.data, "class=\"staaf\""), 0);
	assert_non_null(strstr(b.data, ">Geen gegevens</text>"));
}

static void
test_legend_only_for_more_than_one_series(void **state)
{
	const double w[] = { 1, 2, 3, 4, 5, 6 };
	const struct chart_reeks een[] = { { "Alleen", w } };
	const struct chart_reeks twee[] = { { "Eerste", w }, { "Tweede", w } };
	struct chart c = grafiek(CHART_STAAF, een, 1);

	(void)state;
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_null(strstr(b.data, "class=\"legenda\""));
	buf_init(&b, &arena);
	c = grafiek(CHART_STAAF, twee, 2);
	assert_int_equal(chart_svg(&b, &c), 0);
	assert_non_null(strstr(b.data, "class=\"legenda\""));
	assert_non_null(strstr(b.data, ">Eerste</text>"));
	assert_non_null(strstr(b.data, ">Tweede</text>"));
}

static void
test_invalid_chart_is_refused_and_appends_nothing(void **state)
{
	const double w[] = { 1, 2, 3, 4, 5, 6 };
	const double groot[] = { 1, 2e15, 3, 4, 5, 6 };
	const char *const met_null[] = { "a", NULL, "c", "d", "e", "f" };
	const struct chart_reeks r[] = { { "A", w } };
	const struct chart_reeks rg[] = { { "A", groot } };
	const struct chart_reeks rn[] = { { "A", NULL } };
	const struct chart_reeks zeven[7] = { { "1", w }, { "2", w }, { "3", w },
	    { "4", w }, { "5", w }, { "6", w }, { "7", w } };
	struct chart goed = grafiek(CHART_LIJN, r, 1), c;

	(void)state;
	assert_int_equal(chart_svg(&b, NULL), -1);
#define FOUT(stmt) do {							\
	c = goed;							\
	stmt;								\
	assert_int_equal(chart_svg(&b, &c), -1);			\
	assert_int_equal(b.len, 0);					\
} while (0)
	FOUT(c.titel = NULL);
	FOUT(c.titel = "");
	FOUT(c.breedte = 10);
	FOUT(c.hoogte = 5000);
	FOUT(c.soort = (enum chart_soort)9);
	FOUT(c.periode = NULL);
	FOUT(c.periode = met_null);
	FOUT(c.nperiode = CHART_MAX_PERIODEN + 1);
	FOUT(c.reeks = NULL);
	FOUT(c.reeks = rn);
	FOUT(c.reeks = rg);
	FOUT((c.reeks = zeven, c.nreeks = 7));
	FOUT((c.met_streef = 1, c.streefwaarde = NAN));
	FOUT((c.met_streef = 1, c.streefwaarde = -1e16));
	/* Six series leave less than 40px to plot in 200 x 120. */
	FOUT((c.reeks = zeven, c.nreeks = 6, c.breedte = 200, c.hoogte = 120));
#undef FOUT
	c = goed;
	assert_int_equal(chart_svg(&b, &c), 0);
}

static void
test_full_buffer_is_reported(void **state)
{
	const double w[] = { 1, 2, 3, 4, 5, 6 };
	const struct chart_reeks r[] = { { "A", w } };
	struct chart c = grafiek(CHART_LIJN, r, 1);
	struct arena klein;
	struct buf kb;

	(void)state;
	assert_int_equal(arena_init(&klein, 512, 1024), 0);
	buf_init(&kb, &klein);
	assert_int_equal(chart_svg(&kb, &c), -1);
	assert_true(kb.failed);
	arena_free(&klein);
}

int
main(void)
{
#define TEST(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_svg_is_one_element_with_an_accessible_name),
		TEST(test_line_has_a_point_per_present_value),
		TEST(test_missing_value_leaves_a_gap_not_a_zero),
		TEST(test_isolated_value_is_a_point_without_a_line),
		TEST(test_bars_are_one_rect_per_present_value),
		TEST(test_every_text_is_escaped),
		TEST(test_axis_ticks_are_round_steps),
		TEST(test_tick_labels_for_max_87_are_0_to_100_by_20),
		TEST(test_labels_are_dutch_numbers),
		TEST(test_streefwaarde_line_only_when_set),
		TEST(test_empty_chart_draws_an_axis_and_says_so),
		TEST(test_legend_only_for_more_than_one_series),
		TEST(test_invalid_chart_is_refused_and_appends_nothing),
		TEST(test_full_buffer_is_reported),
	};
#undef TEST

	return cmocka_run_group_tests(tests, NULL, NULL);
}
