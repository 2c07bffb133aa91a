/*
 * test_cijfer.c — the evaluator against a fixed, hand-counted set of
 * registrations: every rule kind and uitsplitsing, the period's
 * boundaries, an inwoner who moves wijk, a wijk without facts, duur's
 * pairing, verhoudingen and their rounding, herkomst, and small-number
 * protection of the resulting tables.
 *
 * Every expected number below is counted by hand from the table of facts
 * (the comment on each row says why it counts or not); none is computed
 * with the code under test.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/cijfer.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"
#include "domain/onderdrukking.h"
#include "domain/periode.h"

/* ------------------------------------------------------------ the facts */

/*
 * Period 2024-H1: 2024-01-01 .. 2024-06-30. Wijken 11, 12 and 13 are the
 * organisatie's (the caller lists them as 13, 11, 12, 11: any order, a
 * duplicate); 13 has no facts at all; 14 is not listed, but inwoner 6
 * lives there, so it gets a row whenever one of 6's facts counts.
 *
 * Trajecten: soort, thema, opdracht.
 */
static const struct {
	int64_t      id;
	const char  *soort;
	int64_t      thema;
	int64_t      opdracht;
} trajecten[] = {
	{ 101, "participatie", 3, 7 },   /* inwoner 1 */
	{ 102, "participatie", 3, 7 },   /* inwoner 2 */
	{ 103, "participatie", 3, 7 },   /* inwoner 3 */
	{ 104, "participatie", 3, 7 },   /* inwoner 4 */
	{ 105, "schulden", 5, 7 },       /* inwoner 5, first traject */
	{ 106, "participatie", 5, 8 },   /* inwoner 5, second traject */
	{ 107, "participatie", 3, 7 },   /* inwoner 6 */
	{ 108, "participatie", 3, 7 },   /* inwoner 7 */
	{ 109, "participatie", 3, 7 },   /* inwoner 8 */
	{ 110, "participatie", 3, 7 },   /* inwoner 9 */
	{ 111, "participatie", 3, 7 },   /* inwoner 10 */
};

#define SG	"startgesprek"
#define TW	"terug_van_werkom"
#define PT	"profiel_toegekend"
#define WI	"wachtlijst_in"
#define WU	"wachtlijst_uit"

#define P_GEEN	PARTIJ_GEEN
#define P_WT	PARTIJ_WIJKTEAM
#define P_WO	PARTIJ_WERKOM
#define P_NL	PARTIJ_NALEVING

/* id (= registration order), inwoner, traject, wijk on that day, date,
 * type, kenmerken, who holds the inwoner at the end of 2024-H1. */
static const struct {
	int64_t      id;
	int64_t      inwoner;
	int64_t      traject;
	int64_t      wijk;
	const char  *datum;
	const char  *type;
	const char  *kenmerken;
	enum partij  partij;
} feiten[] = {
	/* startgesprekken */
	{ 1, 1, 101, 11, "2024-01-01", SG,   /* first day: counts */
	    "uitkomst=overbrugbaar;met_inkomensconsulent=ja", P_WO },
	{ 2, 1, 101, 11, "2024-03-10", SG,   /* inwoner 1 again: one
					       * inwoner, two events; the
					       * other uitkomst */
	    "uitkomst=onoverbrugbaar;met_inkomensconsulent=nee", P_WO },
	{ 3, 2, 102, 11, "2024-06-30", SG,   /* last day: counts */
	    "uitkomst=overbrugbaar;met_inkomensconsulent=ja", P_WT },
	{ 4, 3, 103, 11, "2023-12-31", SG,   /* the day before: not */
	    "uitkomst=overbrugbaar", P_WT },
	{ 5, 3, 103, 12, "2024-07-01", SG,   /* the day after: not */
	    "uitkomst=overbrugbaar", P_WT },
	{ 6, 4, 104, 11, "2024-02-01", SG,   /* inwoner 4 in wijk 11, */
	    "uitkomst=overbrugbaar;met_inkomensconsulent=ja", P_WT },
	{ 7, 4, 104, 12, "2024-05-01", SG,   /* moved to 12: in both
					       * rows, once in the total */
	    "uitkomst=overbrugbaar;met_inkomensconsulent=nee", P_WT },
	{ 8, 5, 105, 12, "2024-04-15", SG,   /* traject schulden, thema 5 */
	    "uitkomst=onoverbrugbaar;met_inkomensconsulent=nee", P_GEEN },
	{ 9, 5, 106, 12, "2024-04-20", SG,   /* inwoner 5's second traject
					       * (opdracht 8); no
					       * met_inkomensconsulent */
	    "uitkomst=onoverbrugbaar", P_GEEN },
	{ 10, 6, 107, 14, "2024-03-03", SG,  /* wijk 14, not listed */
	    "uitkomst=overbrugbaar;met_inkomensconsulent=ja", P_NL },

	/* returns from Werkom (registered by Werkom; the store attributes
	 * them to the traject's organisatie, here they are facts like any) */
	{ 11, 7, 108, 12, "2024-02-10", TW, "warme_overdracht=ja", P_WT },
	{ 12, 8, 109, 12, "2024-03-15", TW, "warme_overdracht=nee", P_WT },
	{ 13, 7, 108, 12, "2024-05-20", TW,  /* 7 again, not warm: in both */
	    "warme_overdracht=nee", P_WT },
	{ 14, 9, 110, 11, "2024-06-01", TW, "warme_overdracht=ja", P_WT },

	/* profielen */
	{ 15, 1, 101, 11, "2024-01-15", PT, "profiel=1", P_WO },
	{ 16, 2, 102, 11, "2024-02-15", PT, "profiel=2", P_WT },
	{ 17, 5, 106, 12, "2024-03-15", PT, "profiel=2", P_GEEN },
	{ 18, 5, 106, 12, "2024-05-15", PT,  /* re-profiled: in 2 and 4 */
	    "profiel=4", P_GEEN },
	{ 19, 6, 107, 14, "2023-11-01", PT,  /* before the period: no row
					       * 14 for this rule */
	    "profiel=3", P_NL },

	/* the wachtlijst: waits from wachtlijst_in to wachtlijst_uit */
	{ 20, 1, 101, 11, "2024-01-10", WI, "", P_WO },
	{ 21, 1, 101, 11, "2024-01-20", WU, "", P_WO },  /* 10 days */
	{ 22, 1, 101, 11, "2024-03-01", WI, "", P_WO },  /* 1's second wait */
	{ 23, 1, 101, 11, "2024-03-04", WU, "", P_WO },  /* 3 days */
	{ 24, 2, 102, 11, "2024-02-01", WI, "", P_WT },
	{ 25, 2, 102, 11, "2024-02-01", WU, "", P_WT },  /* same day, later
							  * id: 0 days */
	{ 26, 3, 103, 11, "2023-11-30", WI, "", P_WT },  /* A before p */
	{ 27, 3, 103, 11, "2024-01-05", WU, "", P_WT },  /* 36 days: the
							  * wait ends in p */
	{ 28, 4, 104, 11, "2024-03-01", WI, "", P_WT },  /* the wait begins */
	{ 29, 4, 104, 12, "2024-03-11", WI, "", P_WT },  /* a second A before
							  * the B: pairs
							  * with nothing */
	{ 30, 4, 104, 12, "2024-04-10", WU, "", P_WT },  /* 40 days from 28,
							  * in wijk 12 (B's) */
	{ 31, 5, 105, 12, "2024-05-01", WI, "", P_GEEN },
	{ 32, 5, 105, 12, "2024-07-02", WU, "", P_GEEN }, /* B after p: the
							   * wait counts in
							   * H2, not here */
	{ 33, 6, 107, 14, "2024-02-20", WU, "", P_NL },  /* B without A */
	{ 34, 6, 107, 14, "2024-03-01", WI, "", P_NL },  /* A without B */
	{ 35, 7, 108, 12, "2024-06-01", WI, "", P_WT },
	{ 36, 7, 108, 12, "2024-06-30", WU, "", P_WT },  /* 29 days, last day */
	{ 37, 8, 109, 11, "2024-04-01", WU, "", P_WT },  /* B registered before
							  * the A of the same
							  * day: not after it */
	{ 38, 8, 109, 11, "2024-04-01", WI, "", P_WT },  /* and this A has no
							  * B after it */
	{ 39, 10, 111, 12, "2024-01-02", WI, "", P_WT },
	{ 40, 10, 111, 12, "2024-01-09", WU, "", P_WT }, /* 7 days */
};

#define NFEIT	(sizeof(feiten) / sizeof(feiten[0]))

static const int64_t wijken[] = { 13, 11, 12, 11 };
#define NWIJK_LIJST	(sizeof(wijken) / sizeof(wijken[0]))

static struct cijfer_feit f[NFEIT];
static struct periode p;
static struct arena ar;

static long
dag(const char *s)
{
	long d;

	assert_int_equal(datum_lees_str(s, 1900, 2999, &d), 0);
	return d;
}

/* The facts as the store would hand them over. */
static int
opzetten(void **state)
{
	size_t i, k;

	memset(f, 0, sizeof(f));
	for (i = 0; i < NFEIT; i++) {
		f[i].gebeurtenis_id = feiten[i].id;
		f[i].inwoner_id = feiten[i].inwoner;
		f[i].traject_id = feiten[i].traject;
		f[i].wijk_id = feiten[i].wijk;
		f[i].dag = dag(feiten[i].datum);
		f[i].type = feiten[i].type;
		f[i].kenmerken = feiten[i].kenmerken;
		f[i].partij_einde = feiten[i].partij;
		for (k = 0; k < sizeof(trajecten) / sizeof(trajecten[0]); k++)
			if (trajecten[k].id == feiten[i].traject) {
				f[i].traject_soort = trajecten[k].soort;
				f[i].thema_id = trajecten[k].thema;
				f[i].opdracht_id = trajecten[k].opdracht;
			}
		assert_non_null(f[i].traject_soort);
	}
	assert_int_equal(periode_lees_str("2024-H1", &p), 0);
	return arena_init(&ar, 4096, 16 * 1024 * 1024);
}

static int
afbreken(void **state)
{
	arena_free(&ar);
	return 0;
}

/* ------------------------------------------------------------- helpers */

/* A rule from its JSON, read by indicator_regel_lees(); the JSON is kept
 * (the rule's strings may point into it) until the test ends. */
static struct json_object *bewaard[16];
static size_t nbewaard;

static struct indicator_regel
regel(const char *js)
{
	struct json_object *o = json_tokener_parse(js);
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;

	assert_non_null(o);
	assert_int_equal(indicator_regel_lees(o, &r, fouten), 0);
	json_object_put(fouten);
	assert_true(nbewaard < 16);
	bewaard[nbewaard++] = o;
	return r;
}

static int
tabellen_vrij(void **state)
{
	while (nbewaard > 0)
		json_object_put(bewaard[--nbewaard]);
	arena_reset(&ar);
	return 0;
}

static void
telling(const char *js, struct cijfer_tabel *t)
{
	struct indicator_regel r = regel(js);
	static struct indicator_regel bewaarde[16];
	static size_t n;

	/* the table borrows the rule's uitsplitsingen: keep the rule */
	bewaarde[n % 16] = r;
	assert_int_equal(cijfer_telling(&ar, &bewaarde[n % 16], &p, f, NFEIT,
	    wijken, NWIJK_LIJST, t), 0);
	n++;
}

/* The rows of t are exactly the wijken given. */
static void
assert_rijen(const struct cijfer_tabel *t, size_t n, const int64_t *w)
{
	size_t i;

	assert_int_equal(t->nwijk, n);
	for (i = 0; i < n; i++)
		assert_int_equal(t->wijk[i], w[i]);
}

#define RIJEN(t, ...) do {						\
	const int64_t w_[] = { __VA_ARGS__ };				\
	assert_rijen((t), sizeof(w_) / sizeof(w_[0]), w_);		\
} while (0)

/* The values per row, the total last; a count always has a value, and
 * its aantal is the value itself. */
static void
assert_tellingen(const struct cijfer_tabel *t, size_t n, const int64_t *v)
{
	size_t i;

	assert_int_equal(t->schaal, 1);
	assert_int_equal(t->nwijk + 1, n);
	for (i = 0; i < n; i++) {
		if (t->cel[i].waarde != v[i])
			fprintf(stderr, "row %zu: %lld, not %lld\n", i,
			    (long long)t->cel[i].waarde, (long long)v[i]);
		assert_int_equal(t->cel[i].waarde, v[i]);
		assert_int_equal(t->cel[i].aantal, v[i]);
		assert_int_equal(t->cel[i].heeft, 1);
	}
}

#define WAARDEN(t, ...) do {						\
	const int64_t v_[] = { __VA_ARGS__ };				\
	assert_tellingen((t), sizeof(v_) / sizeof(v_[0]), v_);		\
} while (0)

/* One row (rij; nwijk is the total) of verdeling v, category by category. */
static void
assert_verdeling(const struct cijfer_tabel *t, size_t v, size_t rij, size_t n,
    const int64_t *c)
{
	const struct cijfer_verdeling *d = &t->verdeling[v];
	size_t k;

	assert_true(v < t->nverdeling);
	assert_int_equal(d->ncat, n);
	for (k = 0; k < n; k++) {
		const struct cijfer_cel *e = &d->cel[rij * d->ncat + k];

		if (e->waarde != c[k])
			fprintf(stderr, "verdeling %zu row %zu %s: %lld, not "
			    "%lld\n", v, rij, d->cat[k], (long long)e->waarde,
			    (long long)c[k]);
		assert_int_equal(e->waarde, c[k]);
		assert_int_equal(e->aantal, c[k]);
		assert_int_equal(e->heeft, 1);
	}
}

#define VERDELING(t, v, rij, ...) do {					\
	const int64_t c_[] = { __VA_ARGS__ };				\
	assert_verdeling((t), (v), (rij), sizeof(c_) / sizeof(c_[0]), c_); \
} while (0)

/* A cell of a table in tenths (duur, verhouding). */
static void
assert_tiendes(const struct cijfer_tabel *t, size_t rij, int heeft,
    int64_t waarde, int64_t aantal)
{
	assert_int_equal(t->schaal, 10);
	if (t->cel[rij].heeft != heeft || t->cel[rij].waarde != waarde ||
	    t->cel[rij].aantal != aantal)
		fprintf(stderr, "row %zu: heeft %d waarde %lld aantal %lld\n",
		    rij, t->cel[rij].heeft, (long long)t->cel[rij].waarde,
		    (long long)t->cel[rij].aantal);
	assert_int_equal(t->cel[rij].heeft, heeft);
	assert_int_equal(t->cel[rij].waarde, waarde);
	assert_int_equal(t->cel[rij].aantal, aantal);
}

/* The gebeurtenis ids of herkomst indexes, against the expected ids. */
static void
assert_herkomst(const char *js, int64_t wijk, size_t n, const int64_t *ids)
{
	struct indicator_regel r = regel(js);
	size_t *idx, nidx, i;

	assert_int_equal(cijfer_herkomst(&ar, &r, &p, f, NFEIT, wijk, &idx,
	    &nidx), 0);
	if (nidx != n)
		for (i = 0; i < nidx; i++)
			fprintf(stderr, "herkomst %lld: %lld\n", (long long)wijk,
			    (long long)f[idx[i]].gebeurtenis_id);
	assert_int_equal(nidx, n);
	for (i = 0; i < n; i++)
		assert_int_equal(f[idx[i]].gebeurtenis_id, ids[i]);
}

#define HERKOMST(js, wijk, ...) do {					\
	const int64_t h_[] = { __VA_ARGS__ };				\
	assert_herkomst((js), (wijk), sizeof(h_) / sizeof(h_[0]), h_);	\
} while (0)

#define WACHTLIJST(stat) "{\"soort\": \"duur\", \"van\": \"wachtlijst_in\"," \
	" \"tot\": \"wachtlijst_uit\", \"statistiek\": \"" stat "\"}"

#define STARTGESPREKKEN(tel, rest) "{\"soort\": \"telling\", \"tel\": \"" \
	tel "\", \"type\": \"startgesprek\"" rest "}"

/* -------------------------------------------------------------- telling */

static void
test_telling_counts_distinct_inwoners_per_wijk_and_once_in_total(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("inwoners", ""), &t);
	/* 13 listed without facts, 14 not listed but counted */
	RIJEN(&t, 11, 12, 13, 14);
	/* 11: inwoners 1 (facts 1, 2), 2 (3), 4 (6); 12: 4 (7), 5 (8, 9);
	 * 13: nobody; 14: 6 (10); total: 1, 2, 4, 5, 6 — 4 once although
	 * in two wijken; 3's facts 4 and 5 fall outside the period */
	WAARDEN(&t, 3, 2, 0, 1, 5);
	assert_int_equal(t.nverdeling, 0);
}

static void
test_telling_of_gebeurtenissen_counts_every_event(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("gebeurtenissen", ""), &t);
	RIJEN(&t, 11, 12, 13, 14);
	/* 11: 1, 2, 3, 6; 12: 7, 8, 9; 14: 10; total: the eight */
	WAARDEN(&t, 4, 3, 0, 1, 8);
}

static void
test_telling_of_trajecten_counts_each_traject(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("trajecten", ""), &t);
	/* 11: 101, 102, 104; 12: 104, 105, 106 (inwoner 5's two); 14: 107;
	 * total: 101, 102, 104, 105, 106, 107 */
	WAARDEN(&t, 3, 3, 0, 1, 6);
}

static void
test_telling_filters_on_payload(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"uitkomst\": \"overbrugbaar\"}"), &t);
	/* facts 1, 3, 6, 7, 10: 11: 1, 2, 4; 12: 4; 14: 6 */
	RIJEN(&t, 11, 12, 13, 14);
	WAARDEN(&t, 3, 1, 0, 1, 4);

	telling(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"uitkomst\": \"overbrugbaar\", \"met_inkomensconsulent\": true}"),
	    &t);
	/* 7 drops out (nee): 12 keeps its row (listed), with 0; 4 still
	 * counts in the total through fact 6 */
	RIJEN(&t, 11, 12, 13, 14);
	WAARDEN(&t, 3, 0, 0, 1, 4);

	telling(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"met_inkomensconsulent\": false}"), &t);
	/* 2 (inwoner 1), 7 (4), 8 (5); 9 lacks the field: not counted; no
	 * fact in 14 counts, so 14 has no row */
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 1, 2, 0, 3);
}

static void
test_telling_filters_on_traject(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("inwoners", ", \"traject\": "
	    "{\"soort\": \"schulden\"}"), &t);
	/* only fact 8 (traject 105) */
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 0, 1, 0, 1);

	telling(STARTGESPREKKEN("inwoners", ", \"traject\": "
	    "{\"thema_id\": 3}"), &t);
	/* 8 and 9 are thema 5: inwoner 5 drops out */
	RIJEN(&t, 11, 12, 13, 14);
	WAARDEN(&t, 3, 1, 0, 1, 4);

	telling(STARTGESPREKKEN("inwoners", ", \"traject\": "
	    "{\"opdracht_id\": 8}"), &t);
	/* only fact 9 (traject 106) */
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 0, 1, 0, 1);

	telling(STARTGESPREKKEN("trajecten", ", \"traject\": "
	    "{\"soort\": \"participatie\", \"opdracht_id\": 7}"), &t);
	/* 105 is schulden, 106 opdracht 8: 11: 101, 102, 104; 12: 104 */
	WAARDEN(&t, 3, 1, 0, 1, 4);
}

static void
test_uitsplitsing_by_uitkomst_and_ketenstatus(void **state)
{
	struct cijfer_tabel t;

	telling(STARTGESPREKKEN("inwoners", ", \"uitsplitsing\": "
	    "[\"uitkomst\", \"ketenstatus\"]"), &t);
	RIJEN(&t, 11, 12, 13, 14);
	WAARDEN(&t, 3, 2, 0, 1, 5);
	assert_int_equal(t.nverdeling, 2);

	/* uitkomst: overbrugbaar, onoverbrugbaar. Inwoner 1 had both
	 * (facts 1 and 2): counted in both. */
	assert_string_equal(t.verdeling[0].cat[0], "overbrugbaar");
	assert_string_equal(t.verdeling[0].cat[1], "onoverbrugbaar");
	VERDELING(&t, 0, 0, 3, 1);   /* 11: 1, 2, 4 | 1 */
	VERDELING(&t, 0, 1, 1, 1);   /* 12: 4 | 5 */
	VERDELING(&t, 0, 2, 0, 0);   /* 13 */
	VERDELING(&t, 0, 3, 1, 0);   /* 14: 6 */
	VERDELING(&t, 0, 4, 4, 2);   /* total: 1, 2, 4, 6 | 1, 5 */

	/* ketenstatus at the end of the period: geen, wijkteam, werkom,
	 * naleving, uwv. 1 at Werkom; 2 and 4 at the wijkteam; 5 nowhere;
	 * 6 at Naleving. */
	assert_string_equal(t.verdeling[1].cat[0], "geen");
	VERDELING(&t, 1, 0, 0, 2, 1, 0, 0);   /* 11: 2, 4 | 1 */
	VERDELING(&t, 1, 1, 1, 1, 0, 0, 0);   /* 12: 5 | 4 */
	VERDELING(&t, 1, 2, 0, 0, 0, 0, 0);   /* 13 */
	VERDELING(&t, 1, 3, 0, 0, 0, 1, 0);   /* 14: 6 */
	VERDELING(&t, 1, 4, 1, 2, 1, 1, 0);   /* total */
}

static void
test_uitsplitsing_by_ja_nee_field(void **state)
{
	struct cijfer_tabel t;

	telling("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"terug_van_werkom\","
	    " \"uitsplitsing\": [\"warme_overdracht\"]}", &t);
	/* no return in 14: rows 11, 12 and the listed 13 */
	RIJEN(&t, 11, 12, 13);
	/* 11: 9 (14); 12: 7 (11, 13), 8 (12) */
	WAARDEN(&t, 1, 2, 0, 3);
	assert_string_equal(t.verdeling[0].cat[0], "ja");
	assert_string_equal(t.verdeling[0].cat[1], "nee");
	VERDELING(&t, 0, 0, 1, 0);   /* 11: 9 | — */
	VERDELING(&t, 0, 1, 1, 2);   /* 12: 7 | 7, 8 */
	VERDELING(&t, 0, 2, 0, 0);
	VERDELING(&t, 0, 3, 2, 2);   /* total: 7, 9 | 7, 8 */
}

static void
test_uitsplitsing_by_getal_with_waarden(void **state)
{
	struct cijfer_tabel t;

	telling("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"uitsplitsing\": [\"profiel\"]}",
	    &t);
	/* fact 19 (wijk 14) lies before the period: no row 14 */
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 2, 1, 0, 3);      /* 11: 1, 2; 12: 5 */
	assert_string_equal(t.verdeling[0].cat[3], "4");
	VERDELING(&t, 0, 0, 1, 1, 0, 0);   /* 11: 1 | 2 */
	VERDELING(&t, 0, 1, 0, 1, 0, 1);   /* 12: 5 in 2 and in 4 */
	VERDELING(&t, 0, 2, 0, 0, 0, 0);
	VERDELING(&t, 0, 3, 1, 2, 0, 1);   /* total */
}

static void
test_telling_of_a_type_without_facts_has_listed_rows_of_zeros(void **state)
{
	struct cijfer_tabel t;

	telling("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"aanmelding_meedoen_werkt\","
	    " \"uitsplitsing\": [\"ketenstatus\"]}", &t);
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 0, 0, 0, 0);
	VERDELING(&t, 0, 3, 0, 0, 0, 0, 0);
}

static void
test_order_of_facts_changes_nothing(void **state)
{
	struct cijfer_feit omgekeerd[NFEIT];
	struct indicator_regel r = regel(STARTGESPREKKEN("trajecten",
	    ", \"uitsplitsing\": [\"uitkomst\"]"));
	struct cijfer_tabel t;
	size_t i;

	for (i = 0; i < NFEIT; i++)
		omgekeerd[i] = f[NFEIT - 1 - i];
	assert_int_equal(cijfer_telling(&ar, &r, &p, omgekeerd, NFEIT, wijken,
	    NWIJK_LIJST, &t), 0);
	WAARDEN(&t, 3, 3, 0, 1, 6);
	/* trajecten: 11: 101, 102, 104 | 101; 12: 104 | 105, 106 */
	VERDELING(&t, 0, 0, 3, 1);
	VERDELING(&t, 0, 1, 1, 2);
	VERDELING(&t, 0, 4, 4, 3);   /* 101, 102, 104, 107 | 101, 105, 106 */
}

static void
test_fact_without_wijk_counts_in_total_only(void **state)
{
	struct cijfer_feit g[2];
	struct indicator_regel r = regel(STARTGESPREKKEN("inwoners", ""));
	struct cijfer_tabel t;

	g[0] = f[0];            /* inwoner 1 in 11 */
	g[1] = f[2];            /* inwoner 2, wijk unknown */
	g[1].wijk_id = 0;
	assert_int_equal(cijfer_telling(&ar, &r, &p, g, 2, NULL, 0, &t), 0);
	RIJEN(&t, 11);
	WAARDEN(&t, 1, 2);
}

static void
test_telling_refuses_other_kinds_and_leaves_out_empty(void **state)
{
	struct indicator_regel r = regel("{\"soort\": \"stand\","
	    " \"toestand\": \"op_wachtlijst\"}");
	struct cijfer_tabel t;

	memset(&t, 0x5a, sizeof(t));
	assert_int_equal(cijfer_telling(&ar, &r, &p, f, NFEIT, wijken,
	    NWIJK_LIJST, &t), -1);
	assert_int_equal(t.nwijk, 0);
	assert_null(t.cel);
	assert_int_equal(t.nverdeling, 0);
}

static void
test_telling_fails_cleanly_when_memory_runs_out(void **state)
{
	struct indicator_regel r = regel(STARTGESPREKKEN("inwoners",
	    ", \"uitsplitsing\": [\"uitkomst\", \"ketenstatus\"]"));
	struct cijfer_tabel t;
	struct arena klein;
	size_t limiet;
	int gelukt = 0, mislukt = 0;

	/* every limit from nothing up to enough: -1 and an empty table,
	 * until it succeeds with the right numbers */
	for (limiet = 64; limiet < 65536 && !gelukt; limiet += 64) {
		assert_int_equal(arena_init(&klein, 64, limiet), 0);
		if (cijfer_telling(&klein, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
		    &t) == 0) {
			WAARDEN(&t, 3, 2, 0, 1, 5);
			VERDELING(&t, 1, 4, 1, 2, 1, 1, 0);
			gelukt = 1;
		} else {
			assert_null(t.cel);
			assert_null(t.wijk);
			assert_int_equal(t.nverdeling, 0);
			mislukt++;
		}
		arena_free(&klein);
	}
	assert_true(gelukt);
	assert_true(mislukt > 10);
}

static void
test_duur_fails_cleanly_when_memory_runs_out(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("gemiddelde"));
	struct cijfer_tabel t;
	struct arena klein;
	size_t limiet;
	int gelukt = 0, mislukt = 0;

	for (limiet = 64; limiet < 65536 && !gelukt; limiet += 64) {
		assert_int_equal(arena_init(&klein, 64, limiet), 0);
		if (cijfer_duur(&klein, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
		    &t) == 0) {
			assert_tiendes(&t, 3, 1, 179, 6);
			gelukt = 1;
		} else {
			assert_null(t.cel);
			mislukt++;
		}
		arena_free(&klein);
	}
	assert_true(gelukt);
	assert_true(mislukt > 10);
}

/* ---------------------------------------------------------------- stand */

static void
test_stand_counts_distinct_inwoners(void **state)
{
	static const struct cijfer_stand s[] = {
		{ 1, 11 },
		{ 2, 11 },
		{ 2, 11 },      /* read twice: counts once */
		{ 5, 12 },
		{ 6, 14 },      /* a wijk that is not listed gets a row */
	};
	struct cijfer_tabel t;

	assert_int_equal(cijfer_stand(&ar, s, sizeof(s) / sizeof(s[0]), wijken,
	    NWIJK_LIJST, &t), 0);
	RIJEN(&t, 11, 12, 13, 14);
	WAARDEN(&t, 2, 1, 0, 1, 4);

	assert_int_equal(cijfer_stand(&ar, NULL, 0, wijken, NWIJK_LIJST, &t), 0);
	RIJEN(&t, 11, 12, 13);
	WAARDEN(&t, 0, 0, 0, 0);
}

/* ----------------------------------------------------------------- duur */

/*
 * The pairs in 2024-H1 (facts): 11: 20–21 10 days, 22–23 3, 24–25 0,
 * 26–27 36 (inwoners 1, 1, 2, 3); 12: 28–30 40, 35–36 29, 39–40 7
 * (inwoners 4, 7, 10). Not: 29 (a second A: the wait began at 28), 31–32
 * (B after the period), 33 (B without A), 34 (A without B), 37 (B before
 * the A of its day), 38 (A without B after it).
 */
static void
test_duur_median_odd_and_even(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("mediaan"));
	struct cijfer_tabel t;

	assert_int_equal(cijfer_duur(&ar, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
	    &t), 0);
	/* wijk 14 has no pair (33, 34 do not pair) */
	RIJEN(&t, 11, 12, 13);
	assert_int_equal(t.nverdeling, 0);
	/* 11: 0 3 10 36 → (3 + 10) / 2 = 6.5 days; 3 inwoners */
	assert_tiendes(&t, 0, 1, 65, 3);
	/* 12: 7 29 40 → 29 days; 3 inwoners */
	assert_tiendes(&t, 1, 1, 290, 3);
	/* 13: no pairs, no value */
	assert_tiendes(&t, 2, 0, 0, 0);
	/* total: 0 3 7 10 29 36 40 → 10 days; inwoners 1, 2, 3, 4, 7, 10 */
	assert_tiendes(&t, 3, 1, 100, 6);
}

static void
test_duur_mean_rounds_half_up(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("gemiddelde"));
	struct cijfer_tabel t;

	assert_int_equal(cijfer_duur(&ar, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
	    &t), 0);
	/* 11: 49 / 4 = 12.25 → 12.3 (half up, not to even) */
	assert_tiendes(&t, 0, 1, 123, 3);
	/* 12: 76 / 3 = 25.33… → 25.3 */
	assert_tiendes(&t, 1, 1, 253, 3);
	assert_tiendes(&t, 2, 0, 0, 0);
	/* total: 125 / 7 = 17.857… → 17.9 */
	assert_tiendes(&t, 3, 1, 179, 6);
}

static void
test_duur_counts_in_the_period_of_b(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("mediaan"));
	struct cijfer_tabel t;
	struct periode h2;

	/* 2024-H2: only 31–32 (inwoner 5, 2024-05-01 → 2024-07-02: 62
	 * days, in wijk 12) */
	assert_int_equal(periode_lees_str("2024-H2", &h2), 0);
	assert_int_equal(cijfer_duur(&ar, &r, &h2, f, NFEIT, wijken,
	    NWIJK_LIJST, &t), 0);
	RIJEN(&t, 11, 12, 13);
	assert_tiendes(&t, 0, 0, 0, 0);
	assert_tiendes(&t, 1, 1, 620, 1);
	assert_tiendes(&t, 3, 1, 620, 1);
}

static void
test_duur_same_day_pair_needs_a_later_id(void **state)
{
	/* B and A on one day: A registered first pairs (0 days), B
	 * registered first does not (facts 24–25 and 37–38) */
	struct indicator_regel r = regel(WACHTLIJST("gemiddelde"));
	struct cijfer_feit g[4];
	struct cijfer_tabel t;

	g[0] = f[23];   /* 24: A */
	g[1] = f[24];   /* 25: B */
	g[2] = f[36];   /* 37: B */
	g[3] = f[37];   /* 38: A */
	assert_int_equal(cijfer_duur(&ar, &r, &p, g, 4, NULL, 0, &t), 0);
	RIJEN(&t, 11);
	assert_tiendes(&t, 0, 1, 0, 1);
	assert_tiendes(&t, 1, 1, 0, 1);
}

static void
test_duur_refuses_other_kinds(void **state)
{
	struct indicator_regel r = regel(STARTGESPREKKEN("inwoners", ""));
	struct cijfer_tabel t;

	assert_int_equal(cijfer_duur(&ar, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
	    &t), -1);
	assert_null(t.cel);
}

/* ------------------------------------------------------------ herkomst */

static void
test_herkomst_of_a_telling(void **state)
{
	HERKOMST(STARTGESPREKKEN("inwoners", ""), 11, 1, 2, 3, 6);
	HERKOMST(STARTGESPREKKEN("inwoners", ""), 12, 7, 8, 9);
	HERKOMST(STARTGESPREKKEN("inwoners", ""), 14, 10);
	/* the total: every counted fact, in the facts' order */
	HERKOMST(STARTGESPREKKEN("inwoners", ""), 0, 1, 2, 3, 6, 7, 8, 9, 10);
	HERKOMST(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"met_inkomensconsulent\": false}"), 0, 2, 7, 8);
}

static void
test_herkomst_of_a_wijk_without_facts_is_empty(void **state)
{
	struct indicator_regel r = regel(STARTGESPREKKEN("inwoners", ""));
	size_t *idx, nidx = 9;

	assert_int_equal(cijfer_herkomst(&ar, &r, &p, f, NFEIT, 13, &idx,
	    &nidx), 0);
	assert_int_equal(nidx, 0);
}

static void
test_herkomst_of_a_duur_lists_both_events_of_each_pair(void **state)
{
	HERKOMST(WACHTLIJST("mediaan"), 11, 20, 21, 22, 23, 24, 25, 26, 27);
	/* 28 lies in wijk 11, but its wait ended in 12 */
	HERKOMST(WACHTLIJST("mediaan"), 12, 28, 30, 35, 36, 39, 40);
	HERKOMST(WACHTLIJST("mediaan"), 0, 20, 21, 22, 23, 24, 25, 26, 27, 28,
	    30, 35, 36, 39, 40);
}

static void
test_herkomst_refuses_stand_and_verhouding(void **state)
{
	struct indicator_regel r = regel("{\"soort\": \"verhouding\","
	    " \"teller\": \"a\", \"noemer\": \"b\", \"procent\": true}");
	size_t *idx, nidx;

	assert_int_equal(cijfer_herkomst(&ar, &r, &p, f, NFEIT, 0, &idx,
	    &nidx), -1);
	assert_null(idx);
	assert_int_equal(nidx, 0);
}

/* ---------------------------------------------------------- verhouding */

static void
test_verhouding_in_percent_with_a_zero_noemer(void **state)
{
	struct cijfer_tabel teller, noemer, t;

	telling(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"uitkomst\": \"overbrugbaar\"}"), &teller);   /* 3 1 0 1 | 4 */
	telling(STARTGESPREKKEN("inwoners", ""), &noemer);   /* 3 2 0 1 | 5 */
	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 1, &t), 0);
	RIJEN(&t, 11, 12, 13, 14);
	assert_tiendes(&t, 0, 1, 1000, 3);   /* 3 / 3 = 100.0 % */
	assert_tiendes(&t, 1, 1, 500, 2);    /* 1 / 2 = 50.0 % */
	assert_tiendes(&t, 2, 0, 0, 0);      /* 0 / 0: no value */
	assert_tiendes(&t, 3, 1, 1000, 1);
	assert_tiendes(&t, 4, 1, 800, 5);    /* 4 / 5 = 80.0 % */

	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 0, &t), 0);
	assert_tiendes(&t, 1, 1, 5, 2);      /* 0.5 */
	assert_tiendes(&t, 4, 1, 8, 5);      /* 0.8 */
}

static void
test_verhouding_over_tables_with_different_rows(void **state)
{
	struct cijfer_tabel teller, noemer, t;

	/* teller: rows 11 12 13 with 1 2 0, total 3 */
	telling(STARTGESPREKKEN("inwoners", ", \"filters\": "
	    "{\"met_inkomensconsulent\": false}"), &teller);
	/* noemer: rows 11 12 13 14 with 3 2 0 1, total 5 */
	telling(STARTGESPREKKEN("inwoners", ""), &noemer);
	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 1, &t), 0);
	RIJEN(&t, 11, 12, 13, 14);
	assert_tiendes(&t, 0, 1, 333, 3);    /* 1 / 3 = 33.33… % */
	assert_tiendes(&t, 1, 1, 1000, 2);
	assert_tiendes(&t, 2, 0, 0, 0);
	/* 14 is no row of the teller: it counted 0 there */
	assert_tiendes(&t, 3, 1, 0, 1);
	assert_tiendes(&t, 4, 1, 600, 5);    /* 3 / 5 */
}

static void
test_verhouding_of_a_duur_reads_each_schaal(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("gemiddelde"));
	struct cijfer_tabel duur, noemer, t;

	assert_int_equal(cijfer_duur(&ar, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
	    &duur), 0);                       /* 12.3 25.3 — | 17.9 */
	telling(STARTGESPREKKEN("inwoners", ""), &noemer);   /* 3 2 0 1 | 5 */
	assert_int_equal(cijfer_verhouding(&ar, &duur, &noemer, 0, &t), 0);
	RIJEN(&t, 11, 12, 13, 14);
	assert_tiendes(&t, 0, 1, 41, 3);     /* 12.3 / 3 = 4.1 */
	assert_tiendes(&t, 1, 1, 127, 2);    /* 25.3 / 2 = 12.65 → 12.7 */
	assert_tiendes(&t, 2, 0, 0, 0);      /* no duur in 13 */
	assert_tiendes(&t, 3, 0, 0, 1);      /* nor in 14 (no row there) */
	assert_tiendes(&t, 4, 1, 36, 5);     /* 17.9 / 5 = 3.58 → 3.6 */
}

/* A table of counts built by hand: rows w, values v (total last). */
static struct cijfer_tabel
handtabel(const int64_t *w, size_t nw, const int64_t *v)
{
	struct cijfer_tabel t;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.schaal = 1;
	t.nwijk = nw;
	t.wijk = arena_calloc(&ar, nw + 1, sizeof(*t.wijk));
	t.cel = arena_calloc(&ar, nw + 1, sizeof(*t.cel));
	assert_non_null(t.wijk);
	assert_non_null(t.cel);
	for (i = 0; i < nw; i++)
		t.wijk[i] = w[i];
	for (i = 0; i <= nw; i++) {
		t.cel[i].waarde = v[i];
		t.cel[i].aantal = v[i];
		t.cel[i].heeft = 1;
	}
	return t;
}

static void
test_verhouding_rounds_half_up(void **state)
{
	static const int64_t w[] = { 11, 12 };
	static const int64_t tv[] = { 1, 1, 2 }, nv[] = { 16, 8, 24 };
	struct cijfer_tabel teller = handtabel(w, 2, tv);
	struct cijfer_tabel noemer = handtabel(w, 2, nv);
	struct cijfer_tabel t;

	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 1, &t), 0);
	assert_tiendes(&t, 0, 1, 63, 16);    /* 6.25 % → 6.3 */
	assert_tiendes(&t, 1, 1, 125, 8);    /* 12.5 % exactly */
	assert_tiendes(&t, 2, 1, 83, 24);    /* 8.33… % → 8.3 */
	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 0, &t), 0);
	assert_tiendes(&t, 0, 1, 1, 16);     /* 0.0625 → 0.1 */
	assert_tiendes(&t, 1, 1, 1, 8);      /* 0.125 → 0.1 */
}

/* ------------------------------------------------ small-number protection */

/*
 * The attacker's equations for a table with one verdeling, written out by
 * hand in the cell order of cijfer_onderdruk(): the values per row (the
 * total last), then the verdeling row by row. Three wijken, two
 * categories: cells 0..3 the values, 4..11 the categories (row r,
 * category k at 4 + 2r + k).
 */
static const size_t d_total[] = { 0, 1, 2 };
static const size_t d_r0[] = { 4, 5 }, d_r1[] = { 6, 7 }, d_r2[] = { 8, 9 };
static const size_t d_r3[] = { 10, 11 };
static const size_t d_k0[] = { 4, 6, 8 }, d_k1[] = { 5, 7, 9 };
static const struct ond_relatie aanvaller[] = {
	{ 3, d_total, 3 },      /* total = Σ wijk values */
	{ 0, d_r0, 2 },         /* each wijk's value = Σ its categories */
	{ 1, d_r1, 2 },
	{ 2, d_r2, 2 },
	{ 3, d_r3, 2 },
	{ 10, d_k0, 3 },        /* each total category = Σ the wijken' */
	{ 11, d_k1, 3 },
};

/* The verdeling of a hand-made table: cijfer_onderdruk() looks at its
 * cells, not at what they split by. */
static const struct regel_uitsplitsing hand_u = { NULL, NULL };
static const char *const hand_cats[] = { "ja", "nee" };

/* Three wijken with values and one verdeling of two categories. */
static struct cijfer_tabel
handtabel_verdeeld(const int64_t *v, const int64_t *c)
{
	static const int64_t w[] = { 11, 12, 13 };
	struct cijfer_tabel t = handtabel(w, 3, v);
	size_t i;

	t.nverdeling = 1;
	t.verdeling[0].u = &hand_u;
	t.verdeling[0].cat = hand_cats;
	t.verdeling[0].ncat = 2;
	t.verdeling[0].cel = arena_calloc(&ar, 8, sizeof(struct cijfer_cel));
	assert_non_null(t.verdeling[0].cel);
	for (i = 0; i < 8; i++) {
		t.verdeling[0].cel[i].waarde = c[i];
		t.verdeling[0].cel[i].aantal = c[i];
		t.verdeling[0].cel[i].heeft = 1;
	}
	return t;
}

/* The pattern as one array in the attacker's cell order. */
static void
patroon(const struct cijfer_tabel *t, const struct cijfer_weg *weg,
    int64_t *waarde, unsigned char *w)
{
	size_t i;

	for (i = 0; i < 4; i++) {
		waarde[i] = t->cel[i].aantal;
		w[i] = weg->cel[i];
	}
	for (i = 0; i < 8; i++) {
		waarde[4 + i] = t->verdeling[0].cel[i].aantal;
		w[4 + i] = weg->verdeling[0][i];
	}
}

static void
test_onderdruk_withholds_small_counts_and_what_reveals_them(void **state)
{
	/*
	 * 11: 20 = ja 17 + nee 3    (3 is withheld: primary)
	 * 12: 30 = 15 + 15
	 * 13: 40 = 22 + 18
	 * total 90 = 54 + 36
	 * Shown alone, 3 follows from 20 - 17 and from 36 - 15 - 18: both
	 * need a second cell withheld.
	 */
	static const int64_t v[] = { 20, 30, 40, 90 };
	static const int64_t c[] = { 17, 3, 15, 15, 22, 18, 54, 36 };
	struct cijfer_tabel t = handtabel_verdeeld(v, c);
	struct cijfer_weg weg;
	int64_t waarde[12];
	unsigned char w[12];
	size_t i, k, n;

	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	assert_ptr_equal(weg.wijk, t.wijk);
	assert_int_equal(weg.nwijk, 3);
	assert_true(weg.verdeling[0][1]);                 /* the 3 */
	patroon(&t, &weg, waarde, w);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 12, aanvaller,
	    sizeof(aanvaller) / sizeof(aanvaller[0]), w), -1);
	{
		/* the attacker is real: with the primary alone it wins */
		unsigned char alleen[12] = { 0 };

		alleen[5] = 1;
		assert_int_equal(onderdrukking_herleidbaar(waarde, 12,
		    aanvaller, sizeof(aanvaller) / sizeof(aanvaller[0]),
		    alleen), 5);
	}
	/* no relation with exactly one withheld cell */
	for (i = 0; i < sizeof(aanvaller) / sizeof(aanvaller[0]); i++) {
		n = w[aanvaller[i].totaal];
		for (k = 0; k < aanvaller[i].ndelen; k++)
			n += w[aanvaller[i].delen[k]];
		assert_int_not_equal(n, 1);
	}
}

/*
 * The attacker's equations for any table in the layout of cijfer.h: cells
 * are the values per row (total last), then each verdeling row by row.
 * Built from that layout by the test itself, so a relation the module
 * forgot to pass on still shows up as a cell the attacker recovers.
 */
#define AANVAL_MAX	64
static struct ond_relatie aanval[AANVAL_MAX];
static size_t aanval_delen[AANVAL_MAX][16];

static size_t
aanvaller_bouw(size_t nwijk, size_t nv, const size_t *ncat)
{
	size_t nrel = 0, basis = nwijk + 1, v, r, k;

	/* the total's value = Σ the wijken' values */
	for (r = 0; r < nwijk; r++)
		aanval_delen[nrel][r] = r;
	aanval[nrel] = (struct ond_relatie){ nwijk, aanval_delen[nrel], nwijk };
	nrel++;
	for (v = 0; v < nv; v++) {
		/* per wijk (and the total) its value = Σ its categories */
		for (r = 0; r <= nwijk; r++) {
			for (k = 0; k < ncat[v]; k++)
				aanval_delen[nrel][k] = basis + r * ncat[v] + k;
			aanval[nrel] = (struct ond_relatie){ r,
			    aanval_delen[nrel], ncat[v] };
			nrel++;
		}
		/* per category the total's = Σ the wijken' */
		for (k = 0; k < ncat[v]; k++) {
			for (r = 0; r < nwijk; r++)
				aanval_delen[nrel][r] = basis + r * ncat[v] + k;
			aanval[nrel] = (struct ond_relatie){
			    basis + nwijk * ncat[v] + k, aanval_delen[nrel],
			    nwijk };
			nrel++;
		}
		basis += (nwijk + 1) * ncat[v];
	}
	assert_true(nrel <= AANVAL_MAX);
	return nrel;
}

static void
test_onderdruk_of_two_cuts_cannot_be_recovered(void **state)
{
	/*
	 *         value  cut A (2)   cut B (3)
	 * 11        20   17   3*     10   6   4*
	 * 12        30   15  15      10  10  10
	 * 13        40   22  18      20  12   8
	 * total     90   54  36      40  28  22
	 * (* primary.) The wijk values and the total are shared by both
	 * cuts: one pattern over the whole table.
	 */
	static const int64_t w[] = { 11, 12, 13 };
	static const int64_t v[] = { 20, 30, 40, 90 };
	static const int64_t a[] = { 17, 3, 15, 15, 22, 18, 54, 36 };
	static const int64_t b[] = { 10, 6, 4, 10, 10, 10, 20, 12, 8, 40, 28,
	    22 };
	static const char *const cat_b[] = { "x", "y", "z" };
	static const size_t ncat[] = { 2, 3 };
	struct cijfer_tabel t = handtabel(w, 3, v);
	struct cijfer_weg weg;
	int64_t waarde[24];
	unsigned char pat[24];
	size_t i, k, n, nrel;

	t.nverdeling = 2;
	t.verdeling[0] = (struct cijfer_verdeling){ &hand_u, hand_cats, 2,
	    arena_calloc(&ar, 8, sizeof(struct cijfer_cel)) };
	t.verdeling[1] = (struct cijfer_verdeling){ &hand_u, cat_b, 3,
	    arena_calloc(&ar, 12, sizeof(struct cijfer_cel)) };
	assert_non_null(t.verdeling[0].cel);
	assert_non_null(t.verdeling[1].cel);
	for (i = 0; i < 8; i++)
		t.verdeling[0].cel[i] = (struct cijfer_cel){ a[i], a[i], 1 };
	for (i = 0; i < 12; i++)
		t.verdeling[1].cel[i] = (struct cijfer_cel){ b[i], b[i], 1 };

	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	assert_true(weg.verdeling[0][1]);       /* A: 11's 3 */
	assert_true(weg.verdeling[1][2]);       /* B: 11's 4 */
	for (i = 0; i < 4; i++) {
		waarde[i] = v[i];
		pat[i] = weg.cel[i];
	}
	for (i = 0; i < 8; i++) {
		waarde[4 + i] = a[i];
		pat[4 + i] = weg.verdeling[0][i];
	}
	for (i = 0; i < 12; i++) {
		waarde[12 + i] = b[i];
		pat[12 + i] = weg.verdeling[1][i];
	}
	nrel = aanvaller_bouw(3, 2, ncat);
	assert_int_equal(onderdrukking_herleidbaar(waarde, 24, aanval, nrel,
	    pat), -1);
	{
		/* the attacker is real: with the primaries alone it wins */
		unsigned char alleen[24] = { 0 };

		alleen[4 + 1] = alleen[12 + 2] = 1;
		assert_int_not_equal(onderdrukking_herleidbaar(waarde, 24,
		    aanval, nrel, alleen), -1);
	}
	for (i = 0; i < nrel; i++) {
		n = pat[aanval[i].totaal];
		for (k = 0; k < aanval[i].ndelen; k++)
			n += pat[aanval[i].delen[k]];
		assert_int_not_equal(n, 1);
	}
}

static void
test_onderdruk_of_large_counts_withholds_nothing(void **state)
{
	static const int64_t v[] = { 20, 30, 40, 90 };
	static const int64_t c[] = { 12, 8, 15, 15, 22, 18, 49, 41 };
	struct cijfer_tabel t = handtabel_verdeeld(v, c);
	struct cijfer_weg weg;
	size_t i;

	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	for (i = 0; i < 4; i++)
		assert_false(weg.cel[i]);
	for (i = 0; i < 8; i++)
		assert_false(weg.verdeling[0][i]);
}

static void
test_onderdruk_of_the_fixture_withholds_every_count_below_five(void **state)
{
	struct cijfer_tabel t;
	struct cijfer_weg weg;
	size_t i, v;

	telling(STARTGESPREKKEN("inwoners", ", \"uitsplitsing\": "
	    "[\"uitkomst\", \"ketenstatus\"]"), &t);
	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	/* primary: every cell of 1 .. 4 */
	for (i = 0; i <= t.nwijk; i++)
		if (t.cel[i].aantal >= 1 && t.cel[i].aantal <= 4)
			assert_true(weg.cel[i]);
	for (v = 0; v < t.nverdeling; v++)
		for (i = 0; i < (t.nwijk + 1) * t.verdeling[v].ncat; i++)
			if (t.verdeling[v].cel[i].aantal >= 1 &&
			    t.verdeling[v].cel[i].aantal <= 4)
				assert_true(weg.verdeling[v][i]);
	/* wijk 13's value, 0, names nobody; the total of 5 cannot be
	 * recomputed from wijken that are all withheld or zero */
	assert_true(weg.cel[0] && weg.cel[1] && weg.cel[3]);
}

static void
test_onderdruk_with_drempel_one_withholds_nothing(void **state)
{
	static const int64_t v[] = { 20, 30, 40, 90 };
	static const int64_t c[] = { 17, 3, 15, 15, 22, 18, 54, 36 };
	struct cijfer_tabel t = handtabel_verdeeld(v, c);
	struct cijfer_weg weg;
	size_t i;

	assert_int_equal(cijfer_onderdruk(&ar, &t, 1, &weg), 0);
	for (i = 0; i < 8; i++)
		assert_false(weg.verdeling[0][i]);
}

static void
test_onderdruk_of_a_duur_is_primary_only(void **state)
{
	struct indicator_regel r = regel(WACHTLIJST("mediaan"));
	struct cijfer_tabel t;
	struct cijfer_weg weg;

	assert_int_equal(cijfer_duur(&ar, &r, &p, f, NFEIT, wijken, NWIJK_LIJST,
	    &t), 0);
	/* aantal 3, 3, 0 (no value), 6 */
	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	assert_true(weg.cel[0]);
	assert_true(weg.cel[1]);
	assert_false(weg.cel[2]);
	/* 6 inwoners: the median of the total is shown, though the wijken
	 * are not: a median cannot be recomputed from other medians */
	assert_false(weg.cel[3]);
}

static void
test_onderdruk_of_a_verhouding_follows_teller_and_noemer(void **state)
{
	/*
	 * teller 11 12 13 | total: 12  3  0 | 15   (3 withheld, and one
	 *                                           more to protect it)
	 * noemer 11 12    | total: 20 25    | 45   (nothing withheld)
	 */
	static const int64_t wt[] = { 11, 12, 13 }, vt[] = { 12, 3, 0, 15 };
	static const int64_t wn[] = { 11, 12 }, vn[] = { 20, 25, 45 };
	struct cijfer_tabel teller = handtabel(wt, 3, vt);
	struct cijfer_tabel noemer = handtabel(wn, 2, vn);
	struct cijfer_tabel t;
	struct cijfer_weg wt_weg, wn_weg, weg;
	size_t i;

	assert_int_equal(cijfer_onderdruk(&ar, &teller, 5, &wt_weg), 0);
	assert_int_equal(cijfer_onderdruk(&ar, &noemer, 5, &wn_weg), 0);
	assert_true(wt_weg.cel[1]);
	for (i = 0; i < 3; i++)
		assert_false(wn_weg.cel[i]);
	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 1, &t), 0);
	RIJEN(&t, 11, 12, 13);
	assert_int_equal(cijfer_weg_verhouding(&ar, &t, &wt_weg, &wn_weg, &weg),
	    0);
	/* row by row the teller's pattern: the noemer withholds nothing */
	for (i = 0; i < 4; i++)
		assert_int_equal(weg.cel[i], wt_weg.cel[i]);
	/* and the other way round: where the noemer is withheld */
	assert_int_equal(cijfer_weg_verhouding(&ar, &t, &wn_weg, &wt_weg, &weg),
	    0);
	for (i = 0; i < 4; i++)
		assert_int_equal(weg.cel[i], wt_weg.cel[i]);
}

static void
test_weg_verhouding_matches_rows_by_wijk(void **state)
{
	/* hand-made patterns: the teller withholds 12, the noemer (rows
	 * 11, 13) withholds 13 and its total */
	static const int64_t wt[] = { 11, 12 }, vt[] = { 5, 6, 11 };
	static const int64_t wn[] = { 11, 13 }, vn[] = { 7, 8, 15 };
	static unsigned char pt[] = { 0, 1, 0 }, pn[] = { 0, 1, 1 };
	struct cijfer_tabel teller = handtabel(wt, 2, vt);
	struct cijfer_tabel noemer = handtabel(wn, 2, vn);
	struct cijfer_tabel t;
	struct cijfer_weg a, b, weg;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.cel = pt;
	a.wijk = teller.wijk;
	a.nwijk = 2;
	b.cel = pn;
	b.wijk = noemer.wijk;
	b.nwijk = 2;
	assert_int_equal(cijfer_verhouding(&ar, &teller, &noemer, 1, &t), 0);
	RIJEN(&t, 11, 12, 13);
	assert_int_equal(cijfer_weg_verhouding(&ar, &t, &a, &b, &weg), 0);
	assert_false(weg.cel[0]);    /* 11: neither */
	assert_true(weg.cel[1]);     /* 12: the teller's */
	assert_true(weg.cel[2]);     /* 13: the noemer's */
	assert_true(weg.cel[3]);     /* total: the noemer's */

	/* a pattern that failed (no arrays) withholds everything */
	b.cel = NULL;
	assert_int_equal(cijfer_weg_verhouding(&ar, &t, &a, &b, &weg), -1);
	assert_true(weg.cel[0] && weg.cel[1] && weg.cel[2] && weg.cel[3]);
}

static void
test_onderdruk_fails_closed_when_memory_runs_out(void **state)
{
	static const int64_t v[] = { 20, 30, 40, 90 };
	static const int64_t c[] = { 12, 8, 15, 15, 22, 18, 49, 41 };
	struct cijfer_tabel t = handtabel_verdeeld(v, c);
	struct cijfer_weg weg;
	struct arena klein;
	size_t limiet, i;
	int gelukt = 0, mislukt = 0;

	/* nothing here is small: whatever is withheld is the failure's */
	for (limiet = 16; limiet < 65536 && !gelukt; limiet += 16) {
		assert_int_equal(arena_init(&klein, 16, limiet), 0);
		if (cijfer_onderdruk(&klein, &t, 5, &weg) == 0) {
			for (i = 0; i < 4; i++)
				assert_false(weg.cel[i]);
			gelukt = 1;
		} else if (weg.cel == NULL) {
			assert_null(weg.verdeling[0]);   /* caller: all */
			mislukt++;
		} else {
			for (i = 0; i < 4; i++)
				assert_true(weg.cel[i]);
			for (i = 0; i < 8; i++)
				assert_true(weg.verdeling[0][i]);
			mislukt++;
		}
		arena_free(&klein);
	}
	assert_true(gelukt);
	assert_true(mislukt > 2);
}

static void
test_onderdruk_of_a_table_too_big_withholds_all(void **state)
{
	struct cijfer_tabel t;
	struct cijfer_weg weg;
	int64_t *w, *v;
	size_t i, n = ONDERDRUKKING_MAX_CELLEN;

	w = arena_calloc(&ar, n, sizeof(*w));
	v = arena_calloc(&ar, n + 1, sizeof(*v));
	assert_non_null(w);
	assert_non_null(v);
	for (i = 0; i < n; i++) {
		w[i] = (int64_t)i + 1;
		v[i] = 100;
	}
	v[n] = 100 * (int64_t)n;
	t = handtabel(w, n, v);
	assert_int_equal(cijfer_onderdruk(&ar, &t, 5, &weg), 0);
	for (i = 0; i <= n; i++)
		assert_true(weg.cel[i]);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, tabellen_vrij)
	const struct CMUnitTest tests[] = {
		T(test_telling_counts_distinct_inwoners_per_wijk_and_once_in_total),
		T(test_telling_of_gebeurtenissen_counts_every_event),
		T(test_telling_of_trajecten_counts_each_traject),
		T(test_telling_filters_on_payload),
		T(test_telling_filters_on_traject),
		T(test_uitsplitsing_by_uitkomst_and_ketenstatus),
		T(test_uitsplitsing_by_ja_nee_field),
		T(test_uitsplitsing_by_getal_with_waarden),
		T(test_telling_of_a_type_without_facts_has_listed_rows_of_zeros),
		T(test_order_of_facts_changes_nothing),
		T(test_fact_without_wijk_counts_in_total_only),
		T(test_telling_refuses_other_kinds_and_leaves_out_empty),
		T(test_telling_fails_cleanly_when_memory_runs_out),
		T(test_duur_fails_cleanly_when_memory_runs_out),
		T(test_stand_counts_distinct_inwoners),
		T(test_duur_median_odd_and_even),
		T(test_duur_mean_rounds_half_up),
		T(test_duur_counts_in_the_period_of_b),
		T(test_duur_same_day_pair_needs_a_later_id),
		T(test_duur_refuses_other_kinds),
		T(test_herkomst_of_a_telling),
		T(test_herkomst_of_a_wijk_without_facts_is_empty),
		T(test_herkomst_of_a_duur_lists_both_events_of_each_pair),
		T(test_herkomst_refuses_stand_and_verhouding),
		T(test_verhouding_in_percent_with_a_zero_noemer),
		T(test_verhouding_over_tables_with_different_rows),
		T(test_verhouding_of_a_duur_reads_each_schaal),
		T(test_verhouding_rounds_half_up),
		T(test_onderdruk_withholds_small_counts_and_what_reveals_them),
		T(test_onderdruk_of_two_cuts_cannot_be_recovered),
		T(test_onderdruk_of_large_counts_withholds_nothing),
		T(test_onderdruk_of_the_fixture_withholds_every_count_below_five),
		T(test_onderdruk_with_drempel_one_withholds_nothing),
		T(test_onderdruk_of_a_duur_is_primary_only),
		T(test_onderdruk_of_a_verhouding_follows_teller_and_noemer),
		T(test_weg_verhouding_matches_rows_by_wijk),
		T(test_onderdruk_fails_closed_when_memory_runs_out),
		T(test_onderdruk_of_a_table_too_big_withholds_all),
	};
#undef T

	return cmocka_run_group_tests(tests, opzetten, afbreken);
}
