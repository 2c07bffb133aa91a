/*
 * test_cijfer_som.c — the figures as sums (domain/cijfer_som.h): the
 * cells a set of facts adds to a telling or a duur, counted by hand; the
 * central property that the table the evaluator (domain/cijfer.h) makes
 * over all facts equals the table made from the sum of every inwoner's
 * cells, over many pseudo-random fact sets and every kind of telling and
 * duur; what one inwoner adds to every rule per year, half-year and
 * quarter; the holder on a day of the ketenstatus history; and the cells
 * a table refuses.
 *
 * Every expected number in the hand-counted tests is counted by hand from
 * the facts written out next to it (the comments say why); none is
 * computed with the code under test. The property test compares the code
 * under test with the evaluator, never with itself.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/cijfer.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"
#include "domain/periode.h"
#include "domain/verloop.h"

#define SG	"startgesprek"
#define TW	"terug_van_werkom"
#define PT	"profiel_toegekend"
#define WI	"wachtlijst_in"
#define WU	"wachtlijst_uit"

static struct arena ar;

static long
dag(const char *s)
{
	long d;

	assert_int_equal(datum_lees_str(s, 1900, 2999, &d), 0);
	return d;
}

static struct periode
periode(const char *code)
{
	struct periode p;

	assert_int_equal(periode_lees_str(code, &p), 0);
	return p;
}

static int
opzetten(void **state)
{
	return arena_init(&ar, 4096, 64 * 1024 * 1024);
}

static int
afbreken(void **state)
{
	arena_free(&ar);
	return 0;
}

/* ------------------------------------------------------------- helpers */

/* A rule from its JSON, read by indicator_regel_lees(); the JSON is kept
 * (the rule's strings may point into it) until the test ends. The rules
 * themselves are kept too: a table borrows their uitsplitsingen. */
#define BEWAAR_MAX	32
static struct json_object *bewaard[BEWAAR_MAX];
static struct indicator_regel regels[BEWAAR_MAX];
static size_t nbewaard;

static const struct indicator_regel *
regel(const char *js)
{
	struct json_object *o = json_tokener_parse(js);
	struct json_object *fouten = json_object_new_array();
	int nfout;

	assert_non_null(o);
	assert_true(nbewaard < BEWAAR_MAX);
	bewaard[nbewaard] = o;          /* freed in the teardown */
	nfout = indicator_regel_lees(o, &regels[nbewaard], fouten);
	if (nfout != 0)
		fprintf(stderr, "rule %s: %s\n", js,
		    json_object_to_json_string(fouten));
	json_object_put(fouten);
	nbewaard++;
	assert_int_equal(nfout, 0);
	return &regels[nbewaard - 1];
}

static int
vrijgeven(void **state)
{
	while (nbewaard > 0)
		json_object_put(bewaard[--nbewaard]);
	arena_reset(&ar);
	return 0;
}

/* The test's own ordering of cells (not the module's): wijk, then cel. */
static int
cel_volgorde(const void *x, const void *y)
{
	const struct cijfer_som *p = x, *q = y;

	if (p->wijk_id != q->wijk_id)
		return p->wijk_id < q->wijk_id ? -1 : 1;
	return strcmp(p->cel, q->cel);
}

/* Sorts s[0..*n), adds up equal (wijk, cel) and drops zeros: written
 * here again so the property does not lean on the module's own merge. */
static void
normaliseer(struct cijfer_som *s, size_t *n)
{
	size_t i, m = 0;

	if (*n == 0)
		return;
	qsort(s, *n, sizeof(*s), cel_volgorde);
	for (i = 0; i < *n; i++) {
		if (m > 0 && cel_volgorde(&s[m - 1], &s[i]) == 0)
			s[m - 1].n += s[i].n;
		else
			s[m++] = s[i];
	}
	*n = 0;
	for (i = 0; i < m; i++)
		if (s[i].n != 0)
			s[(*n)++] = s[i];
}

/* An expected cell. */
struct cel {
	int64_t      wijk;
	const char  *cel;
	int64_t      n;
};

static void
print_cellen(const struct cijfer_som *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(stderr, "  (%lld, \"%s\", %lld)\n",
		    (long long)s[i].wijk_id, s[i].cel, (long long)s[i].n);
}

/* The cells s[0..n) are exactly the expected ones e[0..ne), in any
 * order, each once, none of them 0. */
static void
assert_cellen(const struct cijfer_som *s, size_t n, const struct cel *e,
    size_t ne)
{
	struct cijfer_som *kopie;
	size_t i;
	int goed = n == ne;

	kopie = arena_calloc(&ar, n + 1, sizeof(*kopie));
	assert_non_null(kopie);
	if (n > 0)
		memcpy(kopie, s, n * sizeof(*s));
	qsort(kopie, n, sizeof(*kopie), cel_volgorde);
	for (i = 0; goed && i < n; i++)
		goed = kopie[i].wijk_id == e[i].wijk &&
		    strcmp(kopie[i].cel, e[i].cel) == 0 && kopie[i].n == e[i].n;
	if (!goed) {
		fprintf(stderr, "cells:\n");
		print_cellen(kopie, n);
	}
	assert_true(goed);
}

#define CELLEN(s, n, ...) do {						\
	const struct cel e_[] = { __VA_ARGS__ };			\
	assert_cellen((s), (n), e_, sizeof(e_) / sizeof(e_[0]));	\
} while (0)

/* A fact of the hand-counted tests. */
static struct cijfer_feit
feit(int64_t id, int64_t inwoner, int64_t traject, int64_t wijk,
    const char *datum, const char *type, const char *kenmerken,
    enum partij partij)
{
	struct cijfer_feit f;

	memset(&f, 0, sizeof(f));
	f.gebeurtenis_id = id;
	f.organisatie_id = 100;
	f.inwoner_id = inwoner;
	f.traject_id = traject;
	f.wijk_id = wijk;
	f.dag = dag(datum);
	f.type = type;
	f.kenmerken = kenmerken;
	f.traject_soort = "participatie";
	f.thema_id = 3;
	f.opdracht_id = 7;
	f.partij_einde = partij;
	return f;
}

/* ------------------------------------------------- hand-counted cells */

static void
test_bijdrage_of_a_telling_by_hand(void **state)
{
	/*
	 * Period 2024-H1. Inwoner 1 moves from wijk 21 to 22; inwoner 3's
	 * wijk is not known (0: the total only).
	 */
	const struct cijfer_feit f[] = {
		feit(1, 1, 11, 21, "2024-02-01", SG,
		    "uitkomst=overbrugbaar;met_inkomensconsulent=ja",
		    PARTIJ_WIJKTEAM),
		feit(2, 1, 11, 22, "2024-04-01", SG,   /* moved: in both */
		    "uitkomst=onoverbrugbaar", PARTIJ_WIJKTEAM),
		feit(3, 2, 21, 21, "2024-03-01", SG,
		    "uitkomst=overbrugbaar", PARTIJ_WERKOM),
		feit(4, 3, 31, 0, "2024-06-30", SG,    /* last day, no wijk */
		    "uitkomst=onoverbrugbaar", PARTIJ_GEEN),
		feit(5, 2, 21, 21, "2024-07-01", SG,   /* the day after: not */
		    "uitkomst=onoverbrugbaar", PARTIJ_WERKOM),
		feit(6, 3, 31, 22, "2024-05-01", TW,   /* another type: not */
		    "warme_overdracht=ja", PARTIJ_GEEN),
	};
	const struct indicator_regel *r = regel("{\"soort\": \"telling\","
	    " \"tel\": \"inwoners\", \"type\": \"startgesprek\","
	    " \"uitsplitsing\": [\"uitkomst\", \"ketenstatus\"]}");
	const struct periode p = periode("2024-H1");
	struct cijfer_som *s;
	size_t n;

	assert_int_equal(cijfer_som_bijdrage(&ar, r, &p, f,
	    sizeof(f) / sizeof(f[0]), &s, &n), 0);
	CELLEN(s, n,
	    /* the total: inwoners 1, 2, 3 */
	    { 0, "", 3 },
	    { 0, "0:onoverbrugbaar", 2 },   /* 1 (fact 2), 3 (fact 4) */
	    { 0, "0:overbrugbaar", 2 },     /* 1 (fact 1), 2 (fact 3) */
	    { 0, "1:geen", 1 },             /* 3 */
	    { 0, "1:werkom", 1 },           /* 2 */
	    { 0, "1:wijkteam", 1 },         /* 1, once for two facts */
	    /* 21: inwoners 1 (fact 1) and 2 (fact 3) */
	    { 21, "", 2 },
	    { 21, "0:overbrugbaar", 2 },
	    { 21, "1:werkom", 1 },
	    { 21, "1:wijkteam", 1 },
	    /* 22: inwoner 1 (fact 2) */
	    { 22, "", 1 },
	    { 22, "0:onoverbrugbaar", 1 },
	    { 22, "1:wijkteam", 1 });

	/* gebeurtenissen with a payload filter: overbrugbaar, facts 1 and 3 */
	r = regel("{\"soort\": \"telling\", \"tel\": \"gebeurtenissen\","
	    " \"type\": \"startgesprek\","
	    " \"filters\": {\"uitkomst\": \"overbrugbaar\"}}");
	assert_int_equal(cijfer_som_bijdrage(&ar, r, &p, f,
	    sizeof(f) / sizeof(f[0]), &s, &n), 0);
	CELLEN(s, n, { 0, "", 2 }, { 21, "", 2 });

	/* nothing counted: no cells at all (zeros are left out) */
	r = regel("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\"}");
	assert_int_equal(cijfer_som_bijdrage(&ar, r, &p, f,
	    sizeof(f) / sizeof(f[0]), &s, &n), 0);
	assert_int_equal(n, 0);
}

static void
test_bijdrage_of_a_duur_by_hand(void **state)
{
	/* Period 2024-H1; waits from wachtlijst_in to wachtlijst_uit. */
	const struct cijfer_feit f[] = {
		feit(11, 1, 11, 21, "2024-01-10", WI, "", PARTIJ_GEEN),
		feit(12, 1, 11, 21, "2024-01-20", WU, "", PARTIJ_GEEN),
		    /* 10 days, in 21 */
		feit(13, 1, 11, 21, "2024-03-01", WI, "", PARTIJ_GEEN),
		feit(14, 1, 11, 22, "2024-03-11", WU, "", PARTIJ_GEEN),
		    /* 10 days, in 22 (B's wijk: 1 moved) */
		feit(15, 2, 21, 21, "2024-02-01", WI, "", PARTIJ_GEEN),
		feit(16, 2, 21, 21, "2024-02-04", WU, "", PARTIJ_GEEN),
		    /* 3 days, in 21 */
		feit(17, 3, 31, 0, "2023-12-01", WI, "", PARTIJ_GEEN),
		feit(18, 3, 31, 0, "2024-01-05", WU, "", PARTIJ_GEEN),
		    /* A before p: 30 + 5 = 35 days, no wijk: total only */
		feit(19, 2, 21, 21, "2024-06-20", WI, "", PARTIJ_GEEN),
		feit(20, 2, 21, 21, "2024-07-01", WU, "", PARTIJ_GEEN),
		    /* B after p: not here */
	};
	const struct indicator_regel *r = regel("{\"soort\": \"duur\","
	    " \"van\": \"wachtlijst_in\", \"tot\": \"wachtlijst_uit\","
	    " \"statistiek\": \"mediaan\"}");
	const struct periode p = periode("2024-H1");
	const int64_t wijken[] = { 21, 22 };
	struct cijfer_som *s;
	struct cijfer_tabel t;
	size_t n;

	assert_int_equal(cijfer_som_bijdrage(&ar, r, &p, f,
	    sizeof(f) / sizeof(f[0]), &s, &n), 0);
	CELLEN(s, n,
	    { 0, "", 3 },        /* inwoners 1, 2, 3 have a pair */
	    { 0, "d10", 2 },     /* 1's two waits */
	    { 0, "d3", 1 },      /* 2 */
	    { 0, "d35", 1 },     /* 3 */
	    { 21, "", 2 },       /* 1 and 2 */
	    { 21, "d10", 1 },
	    { 21, "d3", 1 },
	    { 22, "", 1 },       /* 1 */
	    { 22, "d10", 1 });

	/* and back into a table: the median of 3 10 | 10 | 3 10 10 35 */
	assert_int_equal(cijfer_som_tabel(&ar, r, s, n, wijken, 2, &t), 0);
	assert_int_equal(t.schaal, 10);
	assert_int_equal(t.nwijk, 2);
	assert_int_equal(t.wijk[0], 21);
	assert_int_equal(t.wijk[1], 22);
	assert_int_equal(t.cel[0].waarde, 65);    /* (3 + 10) / 2 = 6.5 */
	assert_int_equal(t.cel[0].aantal, 2);
	assert_int_equal(t.cel[1].waarde, 100);
	assert_int_equal(t.cel[1].aantal, 1);
	assert_int_equal(t.cel[2].waarde, 100);   /* (10 + 10) / 2 */
	assert_int_equal(t.cel[2].aantal, 3);

	/* the mean from the same cells: 58 / 4 = 14.5 */
	r = regel("{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"gemiddelde\"}");
	assert_int_equal(cijfer_som_tabel(&ar, r, s, n, wijken, 2, &t), 0);
	assert_int_equal(t.cel[0].waarde, 65);    /* 13 / 2 */
	assert_int_equal(t.cel[2].waarde, 145);
}

/* ------------------------------------------------ the central property */

/* A fixed-seed linear congruential generator (Knuth's MMIX constants):
 * the same fact sets on every machine and every run. */
static uint64_t lcg_toestand;

static uint32_t
lcg(uint32_t n)
{
	lcg_toestand = lcg_toestand * 6364136223846793005ULL +
	    1442695040888963407ULL;
	return (uint32_t)((lcg_toestand >> 33) % n);
}

#define PROP_RONDES	400
#define PROP_FEITEN	96

static const char *const sg_kenmerken[] = {
	"uitkomst=overbrugbaar",
	"uitkomst=onoverbrugbaar",
	"uitkomst=overbrugbaar;met_inkomensconsulent=ja",
	"uitkomst=overbrugbaar;met_inkomensconsulent=nee",
	"uitkomst=onoverbrugbaar;met_inkomensconsulent=ja",
	"uitkomst=onoverbrugbaar;met_inkomensconsulent=nee",
};
static const char *const tw_kenmerken[] = {
	"warme_overdracht=ja", "warme_overdracht=nee", "",
};
static const char *const pt_kenmerken[] = {
	"profiel=1", "profiel=2", "profiel=3", "profiel=4",
};

/* Days the facts fall on: the boundaries of the periods compared (and
 * of their neighbours), half of the time; otherwise any day from
 * 2023-10-01 to 2024-09-30. */
static const char *const grensdagen[] = {
	"2023-12-31", "2024-01-01", "2024-03-31", "2024-04-01",
	"2024-06-30", "2024-07-01", "2024-09-30", "2024-12-31",
};

static const char *
kies(const char *const *lijst, size_t n)
{
	return lijst[lcg((uint32_t)n)];
}

/* One random fact set: 2 to 7 inwoners, each 0 to 13 facts, in random
 * order. Returns the number of facts. */
static size_t
maak_feiten(struct cijfer_feit *f)
{
	static const int64_t wijkpool[] = { 0, 31, 32, 33, 34 };
	size_t n = 0, i, k, nf, ninw = 2 + lcg(6);
	int64_t inwoner, wijk1, wijk2, id = 1;
	long begin = dag("2023-10-01"), verhuis;
	struct cijfer_feit t;

	for (i = 0; i < ninw; i++) {
		inwoner = 1000 + (int64_t)i * 7 + lcg(7);
		wijk1 = wijkpool[lcg(5)];
		wijk2 = lcg(3) == 0 ? wijkpool[lcg(5)] : wijk1;
		verhuis = begin + (long)lcg(366);
		nf = lcg(14);
		for (k = 0; k < nf && n < PROP_FEITEN; k++, n++) {
			memset(&f[n], 0, sizeof(f[n]));
			/* registration order is random against the days:
			 * ids are handed out in a shuffled order below */
			f[n].gebeurtenis_id = id++;
			f[n].organisatie_id = 100;
			f[n].inwoner_id = inwoner;
			/* a traject belongs to one inwoner */
			f[n].traject_id = inwoner * 10 + lcg(2);
			f[n].traject_soort = f[n].traject_id % 3 == 0 ?
			    "schulden" : "participatie";
			f[n].thema_id = f[n].traject_id % 2 == 0 ? 3 : 5;
			f[n].opdracht_id = f[n].traject_id % 5 == 0 ? 8 : 7;
			f[n].dag = lcg(2) == 0 ? dag(kies(grensdagen,
			    sizeof(grensdagen) / sizeof(grensdagen[0]))) :
			    begin + (long)lcg(366);
			f[n].wijk_id = f[n].dag < verhuis ? wijk1 : wijk2;
			f[n].partij_einde = (enum partij)lcg(5);
			switch (lcg(6)) {
			case 0:
			case 1:
				f[n].type = SG;
				f[n].kenmerken = kies(sg_kenmerken,
				    sizeof(sg_kenmerken) / sizeof(*sg_kenmerken));
				break;
			case 2:
				f[n].type = TW;
				f[n].kenmerken = kies(tw_kenmerken,
				    sizeof(tw_kenmerken) / sizeof(*tw_kenmerken));
				break;
			case 3:
				f[n].type = PT;
				f[n].kenmerken = kies(pt_kenmerken,
				    sizeof(pt_kenmerken) / sizeof(*pt_kenmerken));
				break;
			case 4:
				f[n].type = WI;
				f[n].kenmerken = "";
				break;
			default:
				f[n].type = WU;
				f[n].kenmerken = "";
				break;
			}
		}
	}
	/* shuffle (Fisher–Yates), then hand out the ids again in the new
	 * order: registration order unrelated to the day or the inwoner */
	for (i = n; i > 1; i--) {
		k = lcg((uint32_t)i);
		t = f[i - 1];
		f[i - 1] = f[k];
		f[k] = t;
	}
	for (i = 0; i < n; i++)
		f[i].gebeurtenis_id = (int64_t)(n - i) * 3;
	for (i = n; i > 1; i--) {
		k = lcg((uint32_t)i);
		t = f[i - 1];
		f[i - 1] = f[k];
		f[k] = t;
	}
	return n;
}

static int
cel_gelijk(const struct cijfer_cel *a, const struct cijfer_cel *b)
{
	return a->waarde == b->waarde && a->aantal == b->aantal &&
	    a->heeft == b->heeft;
}

/* Two tables are identical: rows, every cell, schaal, every verdeling. */
static int
tabel_gelijk(const struct cijfer_tabel *a, const struct cijfer_tabel *b)
{
	size_t i, v, k;

	if (a->schaal != b->schaal || a->nwijk != b->nwijk ||
	    a->nverdeling != b->nverdeling)
		return 0;
	for (i = 0; i < a->nwijk; i++)
		if (a->wijk[i] != b->wijk[i])
			return 0;
	for (i = 0; i <= a->nwijk; i++)
		if (!cel_gelijk(&a->cel[i], &b->cel[i]))
			return 0;
	for (v = 0; v < a->nverdeling; v++) {
		const struct cijfer_verdeling *x = &a->verdeling[v];
		const struct cijfer_verdeling *y = &b->verdeling[v];

		if (x->u != y->u || x->ncat != y->ncat)
			return 0;
		for (k = 0; k < x->ncat; k++)
			if (strcmp(x->cat[k], y->cat[k]) != 0)
				return 0;
		for (i = 0; i < (a->nwijk + 1) * x->ncat; i++)
			if (!cel_gelijk(&x->cel[i], &y->cel[i]))
				return 0;
	}
	return 1;
}

static void
print_tabel(const char *naam, const struct cijfer_tabel *t)
{
	size_t i, v, k;

	fprintf(stderr, "%s: schaal %d, %zu wijken, %zu verdelingen\n", naam,
	    t->schaal, t->nwijk, t->nverdeling);
	for (i = 0; i <= t->nwijk; i++) {
		fprintf(stderr, "  %lld: %lld/%lld/%d",
		    i < t->nwijk ? (long long)t->wijk[i] : 0LL,
		    (long long)t->cel[i].waarde, (long long)t->cel[i].aantal,
		    t->cel[i].heeft);
		for (v = 0; v < t->nverdeling; v++)
			for (k = 0; k < t->verdeling[v].ncat; k++)
				fprintf(stderr, " %s=%lld", t->verdeling[v].cat[k],
				    (long long)t->verdeling[v].cel[i *
				    t->verdeling[v].ncat + k].waarde);
		fprintf(stderr, "\n");
	}
}

static void
print_feiten(const struct cijfer_feit *f, size_t n)
{
	size_t i;
	char d[11];

	for (i = 0; i < n; i++) {
		(void)datum_tekst(f[i].dag, d);
		fprintf(stderr, "  id %lld inw %lld traj %lld wijk %lld %s %s "
		    "[%s] partij %d\n", (long long)f[i].gebeurtenis_id,
		    (long long)f[i].inwoner_id, (long long)f[i].traject_id,
		    (long long)f[i].wijk_id, d, f[i].type, f[i].kenmerken,
		    (int)f[i].partij_einde);
	}
}

static const char *const prop_regels[] = {
	/* tellingen of inwoners, trajecten, gebeurtenissen */
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\"}",
	"{\"soort\": \"telling\", \"tel\": \"trajecten\","
	    " \"type\": \"startgesprek\"}",
	"{\"soort\": \"telling\", \"tel\": \"gebeurtenissen\","
	    " \"type\": \"startgesprek\"}",
	/* payload filters: a keuze and a ja_nee */
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\":"
	    " {\"uitkomst\": \"overbrugbaar\", \"met_inkomensconsulent\": true}}",
	/* traject filters */
	"{\"soort\": \"telling\", \"tel\": \"trajecten\","
	    " \"type\": \"startgesprek\", \"traject\":"
	    " {\"soort\": \"participatie\", \"thema_id\": 3}}",
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"traject\": {\"opdracht_id\": 8}}",
	/* uitsplitsingen: a keuze field and the ketenstatus */
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\","
	    " \"uitsplitsing\": [\"uitkomst\", \"ketenstatus\"]}",
	/* a ja_nee field (absent in some facts) and the ketenstatus */
	"{\"soort\": \"telling\", \"tel\": \"trajecten\","
	    " \"type\": \"startgesprek\","
	    " \"uitsplitsing\": [\"met_inkomensconsulent\", \"ketenstatus\"]}",
	/* a ja_nee field of another type, counting events */
	"{\"soort\": \"telling\", \"tel\": \"gebeurtenissen\","
	    " \"type\": \"terug_van_werkom\","
	    " \"uitsplitsing\": [\"warme_overdracht\"]}",
	/* the ketenstatus alone, with a filter */
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"terug_van_werkom\","
	    " \"filters\": {\"warme_overdracht\": false},"
	    " \"uitsplitsing\": [\"ketenstatus\"]}",
	/* a getal field */
	"{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"uitsplitsing\": [\"profiel\"]}",
	/* duur */
	"{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"mediaan\"}",
	"{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"gemiddelde\"}",
	"{\"soort\": \"duur\", \"van\": \"startgesprek\","
	    " \"tot\": \"profiel_toegekend\", \"statistiek\": \"mediaan\"}",
	"{\"soort\": \"duur\", \"van\": \"startgesprek\","
	    " \"tot\": \"profiel_toegekend\", \"statistiek\": \"gemiddelde\"}",
};
#define NPROP_REGELS	(sizeof(prop_regels) / sizeof(prop_regels[0]))

static const char *const prop_perioden[] = {
	"2024-H1", "2024-Q1", "2024-Q2", "2024", "2023-Q4", "2024-Q3",
};
#define NPROP_PERIODEN	(sizeof(prop_perioden) / sizeof(prop_perioden[0]))

/* One comparison: rule r, period p, facts f[0..n). Returns 1 when the
 * evaluator and the sums agree (printing what differs otherwise). */
static int
vergelijk(const struct indicator_regel *r, const struct periode *p,
    const struct cijfer_feit *f, size_t n, const char *waar)
{
	static const int64_t wijken[] = { 33, 31, 35, 32, 31 };
	struct cijfer_feit een[PROP_FEITEN];
	struct cijfer_som *som, *s, *alles;
	struct cijfer_tabel ref, uit;
	size_t i, j, k, ns = 0, nsi, nalles, ne;
	int64_t inwoner;
	int goed = 1, gedaan;

	if (r->soort == REGEL_TELLING)
		assert_int_equal(cijfer_telling(&ar, r, p, f, n, wijken, 5,
		    &ref), 0);
	else
		assert_int_equal(cijfer_duur(&ar, r, p, f, n, wijken, 5, &ref),
		    0);

	/* every inwoner by itself, its cells appended to som */
	som = arena_calloc(&ar, 1, sizeof(*som));
	assert_non_null(som);
	for (i = 0; i < n; i++) {
		inwoner = f[i].inwoner_id;
		for (j = 0, gedaan = 0; j < i; j++)
			if (f[j].inwoner_id == inwoner)
				gedaan = 1;
		if (gedaan)
			continue;
		for (j = i, ne = 0; j < n; j++)
			if (f[j].inwoner_id == inwoner)
				een[ne++] = f[j];
		assert_int_equal(cijfer_som_bijdrage(&ar, r, p, een, ne, &s,
		    &nsi), 0);
		for (k = 0; k < nsi; k++) {
			/* only this inwoner's facts make cells, none 0 */
			assert_true(s[k].n > 0);
		}
		{
			struct cijfer_som *groter = arena_calloc(&ar,
			    ns + nsi + 1, sizeof(*groter));

			assert_non_null(groter);
			if (ns > 0)
				memcpy(groter, som, ns * sizeof(*som));
			if (nsi > 0)
				memcpy(groter + ns, s, nsi * sizeof(*s));
			som = groter;
			ns += nsi;
		}
	}
	normaliseer(som, &ns);

	/* the sum back into a table: the evaluator's, to the cell */
	assert_int_equal(cijfer_som_tabel(&ar, r, som, ns, wijken, 5, &uit), 0);
	if (!tabel_gelijk(&ref, &uit)) {
		fprintf(stderr, "%s: the table of the sums differs\n", waar);
		print_tabel("evaluator", &ref);
		print_tabel("sums", &uit);
		goed = 0;
	}

	/* all facts at once give the same cells as the per-inwoner sum */
	assert_int_equal(cijfer_som_bijdrage(&ar, r, p, f, n, &alles, &nalles),
	    0);
	{
		struct cijfer_som *kopie = arena_calloc(&ar, nalles + 1,
		    sizeof(*kopie));

		assert_non_null(kopie);
		if (nalles > 0)
			memcpy(kopie, alles, nalles * sizeof(*alles));
		for (k = 0; k < nalles; k++)
			if (kopie[k].n == 0)
				goed = 0;   /* zeros are left out */
		normaliseer(kopie, &nalles);
		if (nalles != ns)
			goed = 0;
		for (k = 0; goed && k < ns; k++)
			if (cel_volgorde(&kopie[k], &som[k]) != 0 ||
			    kopie[k].n != som[k].n)
				goed = 0;
		if (!goed) {
			fprintf(stderr, "%s: cells of all facts at once:\n", waar);
			print_cellen(kopie, nalles);
			fprintf(stderr, "per inwoner, summed:\n");
			print_cellen(som, ns);
		}
	}
	if (!goed)
		print_feiten(f, n);
	return goed;
}

static void
test_table_of_summed_inwoners_equals_the_evaluator(void **state)
{
	const struct indicator_regel *r[NPROP_REGELS];
	struct periode p[NPROP_PERIODEN];
	struct cijfer_feit f[PROP_FEITEN];
	size_t i, j, k, n, niet_leeg = 0, vergeleken = 0;
	char waar[96];

	for (i = 0; i < NPROP_REGELS; i++)
		r[i] = regel(prop_regels[i]);
	for (i = 0; i < NPROP_PERIODEN; i++)
		p[i] = periode(prop_perioden[i]);
	lcg_toestand = 20240510;
	for (k = 0; k < PROP_RONDES; k++) {
		n = maak_feiten(f);
		for (i = 0; i < NPROP_REGELS; i++)
			for (j = 0; j < NPROP_PERIODEN; j++) {
				(void)snprintf(waar, sizeof(waar),
				    "round %zu rule %zu period %s", k, i,
				    prop_perioden[j]);
				assert_true(vergelijk(r[i], &p[j], f, n, waar));
				vergeleken++;
			}
		/* the facts made something to compare: count the rounds
		 * in which the first duur had pairs in 2024-H1 */
		{
			struct cijfer_som *s;
			size_t ns;

			assert_int_equal(cijfer_som_bijdrage(&ar,
			    r[NPROP_REGELS - 4], &p[0], f, n, &s, &ns), 0);
			if (ns > 0)
				niet_leeg++;
		}
		arena_reset(&ar);
	}
	assert_int_equal(vergeleken, PROP_RONDES * NPROP_REGELS *
	    NPROP_PERIODEN);
	/* not a property of empty sets */
	assert_true(niet_leeg > PROP_RONDES / 4);
}

/*
 * The same property end to end, through cijfer_som_inwoner(): every
 * inwoner of a random set (facts of two organisaties, a random
 * ketenstatus history) adds its cells for every rule; after the saldo,
 * the cells of each (rule, organisatie, period) make the evaluator's
 * table over that organisatie's facts, with partij_einde the holder at
 * the period's last day — also for the periods the list has no cells
 * for (a table of zeros).
 */
#define PROP_VERLOOP	12

static void	lijst_begin(struct cijfer_som_lijst *, struct arena *);

static enum partij
houder_op(const struct verloop_rij *v, size_t nv, long d)
{
	size_t i;

	/* the holder states, by the test's own reading of verloop.h */
	for (i = 0; i < nv; i++)
		if (v[i].van <= d && d < v[i].tot)
			switch (v[i].toestand) {
			case TOESTAND_BIJ_WIJKTEAM:
				return PARTIJ_WIJKTEAM;
			case TOESTAND_BIJ_WERKOM:
				return PARTIJ_WERKOM;
			case TOESTAND_BIJ_NALEVING:
				return PARTIJ_NALEVING;
			case TOESTAND_BIJ_UWV:
				return PARTIJ_UWV;
			default:
				return PARTIJ_GEEN;
			}
	return PARTIJ_GEEN;
}

static size_t
maak_verloop(struct verloop_rij *v)
{
	long d = dag("2023-09-01") + (long)lcg(60);
	size_t n = 0, max = 1 + lcg(PROP_VERLOOP);

	while (n < max) {
		v[n].toestand = (enum regel_toestand)(1 + lcg(6));
		v[n].van = d;
		/* intervals that end on and around period ends */
		d += lcg(3) == 0 ? 1 : 10 + (long)lcg(110);
		v[n].tot = n + 1 == max ? VERLOOP_OPEN : d;
		v[n].organisatie_id = 100;
		v[n].wijk_id = 31;
		n++;
	}
	return n;
}

static void
test_inwoner_sums_equal_the_evaluator_per_period(void **state)
{
	static const char *const codes[] = {
		"2023", "2023-H2", "2023-Q4", "2024", "2024-H1", "2024-H2",
		"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
	};
	static const int64_t wijken[] = { 31, 32, 35 };
	const size_t nper = sizeof(codes) / sizeof(codes[0]);
	struct cijfer_som_regel sr[NPROP_REGELS];
	struct cijfer_feit f[PROP_FEITEN], een[PROP_FEITEN], org[PROP_FEITEN];
	struct verloop_rij v[8][PROP_VERLOOP];
	size_t nv[8];
	int64_t inwoners[8];
	struct cijfer_som_lijst l;
	struct cijfer_som *s;
	struct cijfer_tabel ref, uit;
	struct periode p;
	struct arena tmp, lar;
	size_t ronde, i, j, k, w, n, ne, no, ns, ninw, met_cellen = 0;
	int64_t o;
	char code[PERIODE_CODE_MAX];

	for (i = 0; i < NPROP_REGELS; i++)
		sr[i] = (struct cijfer_som_regel){ (int64_t)i + 1,
		    regel(prop_regels[i]) };
	assert_int_equal(arena_init(&tmp, 4096, 4 * 1024 * 1024), 0);
	assert_int_equal(arena_init(&lar, 4096, 16 * 1024 * 1024), 0);
	lcg_toestand = 77;
	for (ronde = 0; ronde < PROP_RONDES / 4; ronde++) {
		n = maak_feiten(f);
		/* a third of the facts of another organisatie */
		for (i = 0; i < n; i++)
			if (lcg(3) == 0)
				f[i].organisatie_id = 200;
		/* the inwoners and their histories */
		for (i = 0, ninw = 0; i < n; i++) {
			for (j = 0; j < ninw && inwoners[j] != f[i].inwoner_id;
			    j++)
				;
			if (j == ninw) {
				assert_true(ninw < 8);
				inwoners[ninw] = f[i].inwoner_id;
				nv[ninw] = maak_verloop(v[ninw]);
				ninw++;
			}
		}
		lijst_begin(&l, &lar);
		for (j = 0; j < ninw; j++) {
			for (i = 0, ne = 0; i < n; i++)
				if (f[i].inwoner_id == inwoners[j])
					een[ne++] = f[i];
			assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr,
			    NPROP_REGELS, een, ne, v[j], nv[j], 1), 0);
		}
		cijfer_som_lijst_saldo(&l);
		assert_false(l.fout);

		for (k = 0; k < NPROP_REGELS; k++)
			for (o = 100; o <= 200; o += 100)
				for (w = 0; w < nper; w++) {
					p = periode(codes[w]);
					(void)periode_code(&p, code);
					/* this organisatie's facts, with the
					 * holder at the period's end */
					for (i = 0, no = 0; i < n; i++) {
						if (f[i].organisatie_id != o)
							continue;
						org[no] = f[i];
						for (j = 0; inwoners[j] !=
						    f[i].inwoner_id; j++)
							;
						org[no++].partij_einde =
						    houder_op(v[j], nv[j],
						    periode_laatste_dag(&p));
					}
					if (sr[k].r->soort == REGEL_TELLING)
						assert_int_equal(cijfer_telling(
						    &ar, sr[k].r, &p, org, no,
						    wijken, 3, &ref), 0);
					else
						assert_int_equal(cijfer_duur(
						    &ar, sr[k].r, &p, org, no,
						    wijken, 3, &ref), 0);
					/* the list's cells of this place */
					s = arena_calloc(&ar, l.n + 1,
					    sizeof(*s));
					assert_non_null(s);
					for (i = 0, ns = 0; i < l.n; i++)
						if (l.rij[i].indicator_id ==
						    sr[k].indicator_id &&
						    l.rij[i].organisatie_id == o &&
						    strcmp(l.rij[i].periode,
						    code) == 0)
							s[ns++] = l.rij[i].som;
					if (ns > 0)
						met_cellen++;
					assert_int_equal(cijfer_som_tabel(&ar,
					    sr[k].r, s, ns, wijken, 3, &uit),
					    0);
					if (!tabel_gelijk(&ref, &uit)) {
						fprintf(stderr, "round %zu rule "
						    "%zu org %lld %s\n", ronde, k,
						    (long long)o, code);
						print_tabel("evaluator", &ref);
						print_tabel("sums", &uit);
						print_feiten(org, no);
					}
					assert_true(tabel_gelijk(&ref, &uit));
				}
		arena_reset(&lar);
		arena_reset(&ar);
	}
	assert_true(met_cellen > PROP_RONDES);
	arena_free(&lar);
	arena_free(&tmp);
}

/* ---------------------------------------------------------- one inwoner */

/* An expected placed cell. */
struct plek {
	int64_t      indicator, organisatie;
	const char  *periode;
	int64_t      wijk;
	const char  *cel;
	int64_t      n;
};

static void
assert_lijst(const struct cijfer_som_lijst *l, const struct plek *e,
    size_t ne)
{
	size_t i;
	int goed = !l->fout && l->n == ne;

	for (i = 0; goed && i < ne; i++)
		goed = l->rij[i].indicator_id == e[i].indicator &&
		    l->rij[i].organisatie_id == e[i].organisatie &&
		    strcmp(l->rij[i].periode, e[i].periode) == 0 &&
		    l->rij[i].som.wijk_id == e[i].wijk &&
		    strcmp(l->rij[i].som.cel, e[i].cel) == 0 &&
		    l->rij[i].som.n == e[i].n;
	if (!goed)
		for (i = 0; i < l->n; i++)
			fprintf(stderr, "  { %lld, %lld, \"%s\", %lld, \"%s\", "
			    "%lld },\n", (long long)l->rij[i].indicator_id,
			    (long long)l->rij[i].organisatie_id,
			    l->rij[i].periode,
			    (long long)l->rij[i].som.wijk_id, l->rij[i].som.cel,
			    (long long)l->rij[i].som.n);
	assert_true(goed);
}

/*
 * Inwoner 1. Organisatie 100: wachtlijst_in 2023-12-20 and
 * wachtlijst_uit 2024-01-09 (20 days: 11 to 2023-12-31, then 9), a
 * startgesprek 2024-05-10, all in wijk 21. Organisatie 200: a
 * startgesprek 2024-11-15 in wijk 22. Ketenstatus: bij_wijkteam from
 * 2024-01-01 until 2024-08-01, then bij_werkom: at the end of 2024-Q2
 * (and of 2024-H1, both 2024-06-30) the wijkteam holds 1, at the end of
 * 2024 (and of 2024-H2, 2024-Q4) Werkom does.
 */
static size_t
inwoner_feiten(struct cijfer_feit *f)
{
	f[0] = feit(1, 1, 11, 21, "2024-05-10", SG, "uitkomst=overbrugbaar",
	    PARTIJ_UWV);    /* partij_einde is the module's to set */
	f[1] = feit(2, 1, 11, 21, "2023-12-20", WI, "", PARTIJ_UWV);
	f[2] = feit(3, 1, 11, 21, "2024-01-09", WU, "", PARTIJ_UWV);
	f[3] = feit(4, 1, 12, 22, "2024-11-15", SG, "uitkomst=overbrugbaar",
	    PARTIJ_UWV);
	f[3].organisatie_id = 200;
	return 4;
}

static const struct plek inwoner_verwacht[] = {
	/* indicator 7, the startgesprekken by ketenstatus, organisatie
	 * 100: the startgesprek of 2024-05-10 lies in 2024, 2024-H1 and
	 * 2024-Q2 — not in Q1, though the wachtlijst_uit does */
	{ 7, 100, "2024", 0, "", 1 },
	{ 7, 100, "2024", 0, "0:werkom", 1 },      /* 2024-12-31: Werkom */
	{ 7, 100, "2024", 21, "", 1 },
	{ 7, 100, "2024", 21, "0:werkom", 1 },
	{ 7, 100, "2024-H1", 0, "", 1 },
	{ 7, 100, "2024-H1", 0, "0:wijkteam", 1 }, /* 2024-06-30 */
	{ 7, 100, "2024-H1", 21, "", 1 },
	{ 7, 100, "2024-H1", 21, "0:wijkteam", 1 },
	{ 7, 100, "2024-Q2", 0, "", 1 },
	{ 7, 100, "2024-Q2", 0, "0:wijkteam", 1 },
	{ 7, 100, "2024-Q2", 21, "", 1 },
	{ 7, 100, "2024-Q2", 21, "0:wijkteam", 1 },
	/* organisatie 200: its own startgesprek only, in 2024, H2, Q4 */
	{ 7, 200, "2024", 0, "", 1 },
	{ 7, 200, "2024", 0, "0:werkom", 1 },
	{ 7, 200, "2024", 22, "", 1 },
	{ 7, 200, "2024", 22, "0:werkom", 1 },
	{ 7, 200, "2024-H2", 0, "", 1 },
	{ 7, 200, "2024-H2", 0, "0:werkom", 1 },
	{ 7, 200, "2024-H2", 22, "", 1 },
	{ 7, 200, "2024-H2", 22, "0:werkom", 1 },
	{ 7, 200, "2024-Q4", 0, "", 1 },
	{ 7, 200, "2024-Q4", 0, "0:werkom", 1 },
	{ 7, 200, "2024-Q4", 22, "", 1 },
	{ 7, 200, "2024-Q4", 22, "0:werkom", 1 },
	/* indicator 8, the wachtlijst's duur: the B of 2024-01-09 lies in
	 * 2024, 2024-H1 and 2024-Q1 (the A's 2023 periods get nothing: a
	 * wait counts when it ends); organisatie 200 has no wait */
	{ 8, 100, "2024", 0, "", 1 },
	{ 8, 100, "2024", 0, "d20", 1 },
	{ 8, 100, "2024", 21, "", 1 },
	{ 8, 100, "2024", 21, "d20", 1 },
	{ 8, 100, "2024-H1", 0, "", 1 },
	{ 8, 100, "2024-H1", 0, "d20", 1 },
	{ 8, 100, "2024-H1", 21, "", 1 },
	{ 8, 100, "2024-H1", 21, "d20", 1 },
	{ 8, 100, "2024-Q1", 0, "", 1 },
	{ 8, 100, "2024-Q1", 0, "d20", 1 },
	{ 8, 100, "2024-Q1", 21, "", 1 },
	{ 8, 100, "2024-Q1", 21, "d20", 1 },
};
#define NINWONER_VERWACHT \
	(sizeof(inwoner_verwacht) / sizeof(inwoner_verwacht[0]))

static void
inwoner_regels(struct cijfer_som_regel *sr)
{
	sr[0] = (struct cijfer_som_regel){ 8, regel("{\"soort\": \"duur\","
	    " \"van\": \"wachtlijst_in\", \"tot\": \"wachtlijst_uit\","
	    " \"statistiek\": \"mediaan\"}") };
	sr[1] = (struct cijfer_som_regel){ 7, regel("{\"soort\": \"telling\","
	    " \"tel\": \"inwoners\", \"type\": \"startgesprek\","
	    " \"uitsplitsing\": [\"ketenstatus\"]}") };
}

static void
inwoner_verloop(struct verloop_rij *v)
{
	v[0] = (struct verloop_rij){ TOESTAND_BIJ_WIJKTEAM, dag("2024-01-01"),
	    dag("2024-08-01"), 100, 21 };
	v[1] = (struct verloop_rij){ TOESTAND_BIJ_WERKOM, dag("2024-08-01"),
	    VERLOOP_OPEN, 100, 22 };
}

static void
lijst_begin(struct cijfer_som_lijst *l, struct arena *a)
{
	memset(l, 0, sizeof(*l));
	l->ar = a;
}

static void
test_inwoner_adds_cells_per_period_and_organisatie(void **state)
{
	struct cijfer_som_regel sr[2];
	struct verloop_rij v[2];
	struct cijfer_feit f[4];
	struct cijfer_som_lijst l;
	struct arena tmp;
	size_t n, i, k, nper = 0;
	const char *perioden[8];
	int nieuw;

	inwoner_regels(sr);
	inwoner_verloop(v);
	n = inwoner_feiten(f);
	assert_int_equal(arena_init(&tmp, 4096, 1024 * 1024), 0);
	lijst_begin(&l, &ar);
	assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, n, v, 2, 1), 0);
	assert_false(l.fout);
	assert_int_equal(l.n, NINWONER_VERWACHT);

	/* before the saldo: organisatie 100's startgesprek has cells in
	 * exactly the periods 2024, 2024-H1 and 2024-Q2 */
	for (i = 0; i < l.n; i++) {
		if (l.rij[i].indicator_id != 7 ||
		    l.rij[i].organisatie_id != 100)
			continue;
		for (k = 0, nieuw = 1; k < nper; k++)
			if (strcmp(perioden[k], l.rij[i].periode) == 0)
				nieuw = 0;
		if (nieuw) {
			assert_true(nper < 8);
			perioden[nper++] = l.rij[i].periode;
		}
	}
	assert_int_equal(nper, 3);
	for (k = 0; k < nper; k++)
		assert_true(strcmp(perioden[k], "2024") == 0 ||
		    strcmp(perioden[k], "2024-H1") == 0 ||
		    strcmp(perioden[k], "2024-Q2") == 0);

	/* the saldo sorts by (indicator, organisatie, periode, wijk, cel) */
	cijfer_som_lijst_saldo(&l);
	assert_lijst(&l, inwoner_verwacht, NINWONER_VERWACHT);
	arena_free(&tmp);
}

static void
test_saldo_of_plus_and_minus_is_empty_and_merges_equal_places(void **state)
{
	struct cijfer_som_regel sr[2];
	struct verloop_rij v[2];
	struct cijfer_feit f[4];
	struct cijfer_som_lijst l;
	struct plek dubbel[NINWONER_VERWACHT];
	struct arena tmp;
	size_t n, i;

	inwoner_regels(sr);
	inwoner_verloop(v);
	assert_int_equal(arena_init(&tmp, 4096, 1024 * 1024), 0);

	/* the inwoner added, then taken away: nothing to write */
	lijst_begin(&l, &ar);
	n = inwoner_feiten(f);
	assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, n, v, 2, 1), 0);
	n = inwoner_feiten(f);
	assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, n, v, 2, -1),
	    0);
	assert_int_equal(l.n, 2 * NINWONER_VERWACHT);
	cijfer_som_lijst_saldo(&l);
	assert_false(l.fout);
	assert_int_equal(l.n, 0);

	/* added twice: every place once, with 2 */
	lijst_begin(&l, &ar);
	for (i = 0; i < 2; i++) {
		n = inwoner_feiten(f);
		assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, n, v, 2,
		    1), 0);
	}
	cijfer_som_lijst_saldo(&l);
	for (i = 0; i < NINWONER_VERWACHT; i++) {
		dubbel[i] = inwoner_verwacht[i];
		dubbel[i].n = 2;
	}
	assert_lijst(&l, dubbel, NINWONER_VERWACHT);

	/* a correction: the old facts taken away (-1), the new ones added,
	 * without organisatie 200's startgesprek (voided): what remains is
	 * exactly that startgesprek's twelve places, at -1 */
	lijst_begin(&l, &ar);
	n = inwoner_feiten(f);
	assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, n, v, 2, -1),
	    0);
	(void)inwoner_feiten(f);       /* f[3] is organisatie 200's */
	assert_int_equal(cijfer_som_inwoner(&l, &tmp, sr, 2, f, 3, v, 2, 1), 0);
	cijfer_som_lijst_saldo(&l);
	for (i = 0; i < 12; i++) {
		dubbel[i] = inwoner_verwacht[12 + i];
		assert_int_equal(dubbel[i].organisatie, 200);
		dubbel[i].n = -1;
	}
	assert_lijst(&l, dubbel, 12);

	/* the saldo of an empty list is empty */
	lijst_begin(&l, &ar);
	cijfer_som_lijst_saldo(&l);
	assert_int_equal(l.n, 0);
	arena_free(&tmp);
}

/* ---------------------------------------------------------------- holder */

static void
test_houder_on_interval_boundaries(void **state)
{
	/* ordered by toestand, then van, as verloop_bereken() gives it;
	 * a gap from 2024-02-15 to 2024-03-01 */
	const struct verloop_rij v[] = {
		{ TOESTAND_OP_WACHTLIJST, dag("2024-03-01"), dag("2024-04-01"),
		    100, 21 },
		{ TOESTAND_BIJ_WIJKTEAM, dag("2024-01-01"), dag("2024-02-15"),
		    100, 21 },
		{ TOESTAND_BIJ_WERKOM, dag("2024-04-01"), dag("2024-05-01"),
		    100, 21 },
		{ TOESTAND_BIJ_NALEVING, dag("2024-05-10"), dag("2024-06-01"),
		    100, 21 },
		{ TOESTAND_BIJ_UWV, dag("2024-06-01"), VERLOOP_OPEN, 100, 21 },
		{ TOESTAND_OVERDRACHT_OPEN, dag("2024-05-01"),
		    dag("2024-05-10"), 100, 21 },
	};
	const size_t nv = sizeof(v) / sizeof(v[0]);

#define HOUDER(d, p)	assert_int_equal(cijfer_som_houder(v, nv, dag(d)), (p))
	HOUDER("2023-12-31", PARTIJ_GEEN);      /* before every interval */
	HOUDER("2024-01-01", PARTIJ_WIJKTEAM);  /* van is inclusive */
	HOUDER("2024-02-14", PARTIJ_WIJKTEAM);
	HOUDER("2024-02-15", PARTIJ_GEEN);      /* tot is exclusive: gap */
	HOUDER("2024-02-29", PARTIJ_GEEN);
	HOUDER("2024-03-01", PARTIJ_GEEN);      /* op de wachtlijst */
	HOUDER("2024-03-31", PARTIJ_GEEN);
	HOUDER("2024-04-01", PARTIJ_WERKOM);
	HOUDER("2024-04-30", PARTIJ_WERKOM);
	HOUDER("2024-05-01", PARTIJ_GEEN);      /* overdracht open */
	HOUDER("2024-05-09", PARTIJ_GEEN);
	HOUDER("2024-05-10", PARTIJ_NALEVING);
	HOUDER("2024-05-31", PARTIJ_NALEVING);
	HOUDER("2024-06-01", PARTIJ_UWV);
	HOUDER("2999-12-31", PARTIJ_UWV);       /* still holds */
#undef HOUDER
	assert_int_equal(cijfer_som_houder(v, nv, VERLOOP_OPEN), PARTIJ_GEEN);
	assert_int_equal(cijfer_som_houder(NULL, 0, dag("2024-01-01")),
	    PARTIJ_GEEN);
}

/* --------------------------------------------------------------- refusals */

static void
assert_geweigerd(const struct indicator_regel *r, const char *cel)
{
	/* a valid cell first: the refusal is the bad one's */
	struct cijfer_som s[2];
	struct cijfer_tabel t;

	memset(s, 0, sizeof(s));
	s[0].wijk_id = 21;
	s[0].n = 1;
	if (r->soort == REGEL_DUUR)
		(void)snprintf(s[0].cel, sizeof(s[0].cel), "d5");
	s[1].wijk_id = 21;
	s[1].n = 1;
	(void)snprintf(s[1].cel, sizeof(s[1].cel), "%s", cel);
	memset(&t, 0x5a, sizeof(t));
	if (cijfer_som_tabel(&ar, r, s, 2, NULL, 0, &t) != -1)
		fprintf(stderr, "cel \"%s\" accepted\n", cel);
	assert_int_equal(cijfer_som_tabel(&ar, r, s, 2, NULL, 0, &t), -1);
	assert_int_equal(t.nwijk, 0);
	assert_null(t.cel);
	assert_int_equal(t.nverdeling, 0);
}

static void
test_tabel_refuses_cells_the_rule_does_not_know(void **state)
{
	const struct indicator_regel *telling = regel("{\"soort\": \"telling\","
	    " \"tel\": \"inwoners\", \"type\": \"startgesprek\","
	    " \"uitsplitsing\": [\"uitkomst\"]}");
	const struct indicator_regel *duur = regel("{\"soort\": \"duur\","
	    " \"van\": \"wachtlijst_in\", \"tot\": \"wachtlijst_uit\","
	    " \"statistiek\": \"mediaan\"}");
	const struct indicator_regel *stand = regel("{\"soort\": \"stand\","
	    " \"toestand\": \"op_wachtlijst\"}");
	const struct indicator_regel *verhouding = regel("{\"soort\":"
	    " \"verhouding\", \"teller\": \"a\", \"noemer\": \"b\","
	    " \"procent\": true}");
	struct cijfer_som s[2];
	struct cijfer_tabel t;

	/* the controls: known cells are taken */
	memset(s, 0, sizeof(s));
	s[0] = (struct cijfer_som){ 21, "", 2 };
	s[1] = (struct cijfer_som){ 21, "0:overbrugbaar", 1 };
	assert_int_equal(cijfer_som_tabel(&ar, telling, s, 2, NULL, 0, &t), 0);
	assert_int_equal(t.nwijk, 1);
	assert_int_equal(t.cel[0].waarde, 2);
	assert_int_equal(t.verdeling[0].cel[0].waarde, 1);
	s[0] = (struct cijfer_som){ 21, "", 1 };
	s[1] = (struct cijfer_som){ 21, "d5", 1 };
	assert_int_equal(cijfer_som_tabel(&ar, duur, s, 2, NULL, 0, &t), 0);
	assert_int_equal(t.cel[0].waarde, 50);

	/* a telling */
	assert_geweigerd(telling, "9:x");          /* no uitsplitsing 9 */
	assert_geweigerd(telling, "1:overbrugbaar"); /* only one: 0 */
	assert_geweigerd(telling, "0:onbekend");   /* unknown category */
	assert_geweigerd(telling, "0:ja");         /* another field's */
	assert_geweigerd(telling, "0:");
	assert_geweigerd(telling, "d5");           /* a duur's cell */
	assert_geweigerd(telling, "x");

	/* a duur */
	assert_geweigerd(duur, "d");               /* no number */
	assert_geweigerd(duur, "dx");
	assert_geweigerd(duur, "d5x");
	assert_geweigerd(duur, "x5");               /* not a "d" */
	assert_geweigerd(duur, "0:overbrugbaar");  /* a telling's cell */

	/* a stand and a verhouding are no sums, even without cells */
	assert_int_equal(cijfer_som_tabel(&ar, stand, NULL, 0, NULL, 0, &t),
	    -1);
	assert_null(t.cel);
	assert_int_equal(cijfer_som_tabel(&ar, verhouding, NULL, 0, NULL, 0,
	    &t), -1);
	assert_int_equal(cijfer_som_tabel(&ar, stand, s, 2, NULL, 0, &t), -1);
	assert_int_equal(cijfer_som_tabel(&ar, NULL, NULL, 0, NULL, 0, &t),
	    -1);
	{
		struct cijfer_som *uit;
		size_t nuit;
		struct periode p = periode("2024");

		assert_int_equal(cijfer_som_bijdrage(&ar, stand, &p, NULL, 0,
		    &uit, &nuit), -1);
		assert_null(uit);
		assert_int_equal(nuit, 0);
	}
}

/* Only the kinds whose table is a sum of each inwoner's keep sums: a
 * stand is a state on a day, a verhouding a quotient of two tables. */
static void
test_only_telling_and_duur_keep_sums(void **state)
{
	struct indicator_regel r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.soort = REGEL_TELLING;
	assert_true(cijfer_som_bewaard(&r));
	r.soort = REGEL_DUUR;
	assert_true(cijfer_som_bewaard(&r));
	r.soort = REGEL_STAND;
	assert_false(cijfer_som_bewaard(&r));
	r.soort = REGEL_VERHOUDING;
	assert_false(cijfer_som_bewaard(&r));
	assert_false(cijfer_som_bewaard(NULL));
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, vrijgeven)
	const struct CMUnitTest tests[] = {
		T(test_bijdrage_of_a_telling_by_hand),
		T(test_bijdrage_of_a_duur_by_hand),
		T(test_table_of_summed_inwoners_equals_the_evaluator),
		T(test_inwoner_sums_equal_the_evaluator_per_period),
		T(test_inwoner_adds_cells_per_period_and_organisatie),
		T(test_saldo_of_plus_and_minus_is_empty_and_merges_equal_places),
		T(test_houder_on_interval_boundaries),
		T(test_tabel_refuses_cells_the_rule_does_not_know),
		T(test_only_telling_and_duur_keep_sums),
	};
#undef T

	return cmocka_run_group_tests(tests, opzetten, afbreken);
}
