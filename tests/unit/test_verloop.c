/*
 * test_verloop.c — the ketenstatus over time (domain/verloop.h): the
 * intervals of each state, whom they count for, the split at a move, and
 * that voided events never open one. Every expected interval is written
 * out by hand from the transitions table in domain/ketenstatus.c.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/datum.h"
#include "domain/verloop.h"

#define WT	7	/* a wijkteam, run by organisatie ORG */
#define ORG	3
#define WT2	9	/* another wijkteam, of organisatie ORG2 */
#define ORG2	4

static struct arena ar;

static long
d(const char *s)
{
	long dag = 0;

	assert_int_equal(datum_lees_str(s, 1900, 2999, &dag), 0);
	return dag;
}

static struct keten_gebeurtenis
ev(int64_t id, const char *type, const char *datum)
{
	struct keten_gebeurtenis e;

	memset(&e, 0, sizeof(e));
	e.id = id;
	e.type = type;
	e.datum = datum;
	e.wijkteam_id = WT;
	e.organisatie_id = ORG;
	return e;
}

static const struct verloop_wijk altijd_1[] = {
	{ -25567, VERLOOP_OPEN, 1 },   /* 1900-01-01 .. */
};

static void
verwacht(const struct verloop_rij *r, enum regel_toestand t, const char *van,
    const char *tot, int64_t org, int64_t wijk)
{
	assert_int_equal(r->toestand, t);
	assert_int_equal(r->van, d(van));
	if (tot == NULL)
		assert_int_equal(r->tot, VERLOOP_OPEN);
	else
		assert_int_equal(r->tot, d(tot));
	assert_int_equal(r->organisatie_id, org);
	assert_int_equal(r->wijk_id, wijk);
}

static int
opzet(void **state)
{
	(void)state;
	return arena_init(&ar, 4096, 1 << 20);
}

static int
afbraak(void **state)
{
	(void)state;
	arena_free(&ar);
	return 0;
}

/* On and off the wachtlijst: the wachtlijst interval is closed on the day
 * of wachtlijst_uit (exclusive), the wijkteam keeps the inwoner. */
static void
wachtlijst_in_en_uit(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "wachtlijst_in", "2025-01-10"),
		ev(2, "wachtlijst_uit", "2025-03-01"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	assert_int_equal(verloop_bereken(&ar, e, 2, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 2);
	verwacht(&r[0], TOESTAND_OP_WACHTLIJST, "2025-01-10", "2025-03-01", ORG, 1);
	verwacht(&r[1], TOESTAND_BIJ_WIJKTEAM, "2025-01-10", NULL, ORG, 1);
}

/* A move on 2025-02-01 from wijk 1 to wijk 2 splits every interval that
 * spans it; the pieces keep their organisatie. */
static void
verhuizing_splitst(void **state)
{
	struct verloop_wijk w[] = {
		{ d("2025-02-01"), VERLOOP_OPEN, 2 },
		{ -25567, d("2025-02-01"), 1 },
	};
	struct keten_gebeurtenis e[] = {
		ev(2, "wachtlijst_uit", "2025-03-01"),
		ev(1, "wachtlijst_in", "2025-01-10"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	assert_int_equal(verloop_bereken(&ar, e, 2, w, 2, &r, &n), 0);
	assert_int_equal(n, 4);
	verwacht(&r[0], TOESTAND_OP_WACHTLIJST, "2025-01-10", "2025-02-01", ORG, 1);
	verwacht(&r[1], TOESTAND_OP_WACHTLIJST, "2025-02-01", "2025-03-01", ORG, 2);
	verwacht(&r[2], TOESTAND_BIJ_WIJKTEAM, "2025-01-10", "2025-02-01", ORG, 1);
	verwacht(&r[3], TOESTAND_BIJ_WIJKTEAM, "2025-02-01", NULL, ORG, 2);
	assert_int_equal(verloop_wijk_op(w, 2, d("2025-01-31")), 1);
	assert_int_equal(verloop_wijk_op(w, 2, d("2025-02-01")), 2);
}

/* A voided wachtlijst_uit never happened: the wachtlijst stays open. The
 * correctie itself moves nothing. */
static void
vervallen_telt_niet(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "wachtlijst_in", "2025-01-10"),
		ev(2, "wachtlijst_uit", "2025-03-01"),
		ev(3, "correctie", "2025-03-05"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	e[2].vervalt_id = 2;
	assert_int_equal(verloop_bereken(&ar, e, 3, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 2);
	verwacht(&r[0], TOESTAND_OP_WACHTLIJST, "2025-01-10", NULL, ORG, 1);
	verwacht(&r[1], TOESTAND_BIJ_WIJKTEAM, "2025-01-10", NULL, ORG, 1);
}

/* Startgesprek, overdracht, acceptance by Werkom, and back: the open
 * overdracht lasts from the handover to the acceptance; Werkom's interval
 * counts for the organisatie of the traject the events are on, even when
 * Werkom registered them. */
static void
overdracht_naar_werkom_en_terug(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2025-01-05"),
		ev(2, "overdracht_werkom", "2025-01-20"),
		ev(3, "overdracht_geaccepteerd", "2025-02-10"),
		ev(4, "terug_van_werkom", "2025-05-01"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	assert_int_equal(verloop_bereken(&ar, e, 4, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 4);
	verwacht(&r[0], TOESTAND_BIJ_WIJKTEAM, "2025-01-05", "2025-02-10", ORG, 1);
	verwacht(&r[1], TOESTAND_BIJ_WIJKTEAM, "2025-05-01", NULL, ORG, 1);
	verwacht(&r[2], TOESTAND_BIJ_WERKOM, "2025-02-10", "2025-05-01", ORG, 1);
	verwacht(&r[3], TOESTAND_OVERDRACHT_OPEN, "2025-01-20", "2025-02-10", ORG, 1);
}

/* Two events on one day count as one step: in and out on the same day
 * leaves no wachtlijst interval at all. A wijkteam of another
 * organisatie taking over: the wijkteam interval changes hands. */
static void
zelfde_dag_en_andere_organisatie(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "wachtlijst_in", "2025-01-10"),
		ev(2, "wachtlijst_uit", "2025-01-10"),
		ev(3, "startgesprek", "2025-04-01"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	e[2].wijkteam_id = WT2;
	e[2].organisatie_id = ORG2;
	assert_int_equal(verloop_bereken(&ar, e, 3, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 2);
	verwacht(&r[0], TOESTAND_BIJ_WIJKTEAM, "2025-01-10", "2025-04-01", ORG, 1);
	verwacht(&r[1], TOESTAND_BIJ_WIJKTEAM, "2025-04-01", NULL, ORG2, 1);
}

/* Closing the traject ends everything; naar_uwv hands over to the UWV. */
static void
afgesloten_naar_uwv(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "wachtlijst_in", "2025-01-10"),
		ev(2, "afgesloten", "2025-06-30"),
	};
	struct verloop_rij *r;
	size_t n;

	(void)state;
	e[1].reden = "naar_uwv";
	assert_int_equal(verloop_bereken(&ar, e, 2, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 3);
	verwacht(&r[0], TOESTAND_OP_WACHTLIJST, "2025-01-10", "2025-06-30", ORG, 1);
	verwacht(&r[1], TOESTAND_BIJ_WIJKTEAM, "2025-01-10", "2025-06-30", ORG, 1);
	verwacht(&r[2], TOESTAND_BIJ_UWV, "2025-06-30", NULL, ORG, 1);
}

static void
geen_gebeurtenissen_en_fouten(void **state)
{
	struct keten_gebeurtenis e[] = { ev(1, "wachtlijst_in", "2025-13-01") };
	struct verloop_rij *r;
	size_t n = 9;

	(void)state;
	assert_int_equal(verloop_bereken(&ar, NULL, 0, altijd_1, 1, &r, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(verloop_bereken(&ar, e, 1, altijd_1, 1, &r, &n), -1);
	assert_int_equal(n, 0);
	assert_string_equal(verloop_toestand_code(TOESTAND_OP_WACHTLIJST),
	    "op_wachtlijst");
	assert_null(verloop_toestand_code(0));
	assert_int_equal(verloop_wijk_op(NULL, 0, 100), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wachtlijst_in_en_uit),
		cmocka_unit_test(verhuizing_splitst),
		cmocka_unit_test(vervallen_telt_niet),
		cmocka_unit_test(overdracht_naar_werkom_en_terug),
		cmocka_unit_test(zelfde_dag_en_andere_organisatie),
		cmocka_unit_test(afgesloten_naar_uwv),
		cmocka_unit_test(geen_gebeurtenissen_en_fouten),
	};

	return cmocka_run_group_tests(tests, opzet, afbraak);
}
