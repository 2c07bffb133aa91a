/*
 * test_ketenstatus.c — deriving who holds an inwoner from their events:
 * each transition of the table in ketenstatus.c, the reconciliation flags,
 * voids, and ordering by date rather than by registration.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/ketenstatus.h"

#define WT	7	/* a wijkteam id */
#define WT2	9	/* another one */

/* A plain event: id, type, datum, the wijkteam of its traject. */
static struct keten_gebeurtenis
ev(int64_t id, const char *type, const char *datum)
{
	struct keten_gebeurtenis e;

	memset(&e, 0, sizeof(e));
	e.id = id;
	e.type = type;
	e.datum = datum;
	e.wijkteam_id = WT;
	return e;
}

static struct keten_gebeurtenis
besluit(int64_t id, const char *datum, const char *b)
{
	struct keten_gebeurtenis e = ev(id, "uitkeringsbesluit", datum);

	e.besluit = b;
	return e;
}

static struct keten_gebeurtenis
correctie(int64_t id, const char *datum, int64_t vervalt)
{
	struct keten_gebeurtenis e = ev(id, "correctie", datum);

	e.vervalt_id = vervalt;
	return e;
}

static struct ketenstatus
bereken(struct keten_gebeurtenis *e, size_t n)
{
	struct ketenstatus s;

	assert_int_equal(ketenstatus_bereken(e, n, &s), 0);
	return s;
}

#define BEREKEN(a)	bereken((a), sizeof(a) / sizeof((a)[0]))

static void
test_no_events_is_geen(void **state)
{
	struct ketenstatus s = bereken(NULL, 0);

	assert_int_equal(s.partij, PARTIJ_GEEN);
	assert_string_equal(s.sinds, "");
	assert_false(s.op_wachtlijst);
	assert_false(s.overdracht_open);
	assert_false(s.terug_zonder_overdracht);
	assert_false(s.uitkering_afgewezen_op_wachtlijst);
}

static void
test_startgesprek_puts_inwoner_at_wijkteam_since_its_date(void **state)
{
	struct keten_gebeurtenis e[] = { ev(1, "startgesprek", "2024-03-05") };
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_int_equal(s.wijkteam_id, WT);
	assert_string_equal(s.sinds, "2024-03-05");
}

static void
test_overdracht_without_acceptance_stays_at_wijkteam_open(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "overdracht_werkom", "2024-03-20"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_string_equal(s.sinds, "2024-03-05");
	assert_true(s.overdracht_open);
	assert_string_equal(s.overdracht_sinds, "2024-03-20");
}

static void
test_accepted_overdracht_moves_to_werkom(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "overdracht_werkom", "2024-03-20"),
		ev(3, "overdracht_geaccepteerd", "2024-04-02"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WERKOM);
	assert_int_equal(s.wijkteam_id, 0);
	assert_string_equal(s.sinds, "2024-04-02");
	assert_false(s.overdracht_open);
}

static void
test_terug_van_werkom_returns_to_wijkteam(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "overdracht_werkom", "2024-03-20"),
		ev(3, "overdracht_geaccepteerd", "2024-04-02"),
		ev(4, "terug_van_werkom", "2024-09-10"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_int_equal(s.wijkteam_id, WT);
	assert_string_equal(s.sinds, "2024-09-10");
	assert_false(s.terug_zonder_overdracht);
}

static void
test_terug_without_overdracht_is_flagged(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "terug_van_werkom", "2024-06-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_true(s.terug_zonder_overdracht);
	assert_string_equal(s.terug_datum, "2024-06-01");
	assert_int_equal(s.terug_id, 2);
}

static void
test_second_terug_after_one_overdracht_is_flagged(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "overdracht_werkom", "2024-01-10"),
		ev(2, "overdracht_geaccepteerd", "2024-01-15"),
		ev(3, "terug_van_werkom", "2024-05-01"),
		ev(4, "terug_van_werkom", "2024-08-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_true(s.terug_zonder_overdracht);
	assert_int_equal(s.terug_id, 4);
}

static void
test_uitkering_afgewezen_while_on_wachtlijst_is_flagged(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "wachtlijst_in", "2024-03-06"),
		besluit(3, "2024-04-01", "afgewezen"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_true(s.op_wachtlijst);
	assert_string_equal(s.wachtlijst_sinds, "2024-03-06");
	assert_int_equal(s.wachtlijst_wijkteam_id, WT);
	assert_true(s.uitkering_afgewezen_op_wachtlijst);
	assert_string_equal(s.afgewezen_op, "2024-04-01");
	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);   /* a besluit moves no one */
}

static void
test_uitkering_toegekend_on_wachtlijst_is_not_flagged(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "wachtlijst_in", "2024-03-06"),
		besluit(2, "2024-04-01", "toegekend"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_true(s.op_wachtlijst);
	assert_false(s.uitkering_afgewezen_op_wachtlijst);
}

static void
test_wachtlijst_uit_clears_the_flag(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "wachtlijst_in", "2024-03-06"),
		besluit(3, "2024-04-01", "afgewezen"),
		ev(4, "wachtlijst_uit", "2024-04-03"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_false(s.op_wachtlijst);
	assert_false(s.uitkering_afgewezen_op_wachtlijst);
	assert_string_equal(s.wachtlijst_sinds, "");
}

static void
test_new_startgesprek_forgets_old_refusal(void **state)
{
	struct keten_gebeurtenis e[] = {
		besluit(1, "2023-02-01", "afgewezen"),
		ev(2, "startgesprek", "2024-03-05"),
		ev(3, "wachtlijst_in", "2024-03-06"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_true(s.op_wachtlijst);
	assert_false(s.uitkering_afgewezen_op_wachtlijst);
}

static void
test_correctie_voiding_acceptance_returns_to_wijkteam(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "overdracht_werkom", "2024-03-20"),
		ev(3, "overdracht_geaccepteerd", "2024-04-02"),
		correctie(4, "2024-04-03", 3),
	};
	struct ketenstatus s = BEREKEN(e);
	size_t i;

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_string_equal(s.sinds, "2024-03-05");
	assert_true(s.overdracht_open);
	for (i = 0; i < 4; i++)
		assert_int_equal(e[i].vervallen, e[i].id == 3);
}

static void
test_correctie_of_a_correctie_voids_nothing(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "overdracht_geaccepteerd", "2024-04-02"),
		correctie(3, "2024-04-03", 2),
		correctie(4, "2024-04-04", 3),
	};
	struct ketenstatus s = BEREKEN(e);

	/* 4 is ignored, so 3 still voids the acceptance */
	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
}

static void
test_correctie_of_unknown_id_voids_nothing(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		correctie(2, "2024-04-03", 99),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
}

static void
test_events_are_ordered_by_date_not_registration(void **state)
{
	/* the acceptance was registered first (an import), but happened
	 * after the return: the inwoner is at Werkom */
	struct keten_gebeurtenis e[] = {
		ev(10, "overdracht_geaccepteerd", "2024-10-01"),
		ev(11, "overdracht_werkom", "2024-09-20"),
		ev(12, "terug_van_werkom", "2024-06-01"),
		ev(13, "startgesprek", "2024-03-05"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WERKOM);
	assert_string_equal(s.sinds, "2024-10-01");
	assert_true(s.terug_zonder_overdracht);   /* June, before any handover */
	assert_string_equal(e[0].datum, "2024-03-05");
}

static void
test_same_date_is_ordered_by_id(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(6, "overdracht_geaccepteerd", "2024-04-02"),
		ev(5, "terug_van_werkom", "2024-04-02"),
		ev(4, "overdracht_werkom", "2024-04-02"),
	};
	struct ketenstatus s = BEREKEN(e);

	/* 4, 5, 6: handed over, sent back (matched), accepted — not the
	 * array's order, which would leave the handover open */
	assert_int_equal(s.partij, PARTIJ_WERKOM);
	assert_false(s.terug_zonder_overdracht);
	assert_false(s.overdracht_open);
}

static void
test_afgesloten_is_geen(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "wachtlijst_in", "2024-03-06"),
		ev(3, "afgesloten", "2024-12-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_GEEN);
	assert_string_equal(s.sinds, "2024-12-01");
	assert_false(s.op_wachtlijst);
}

static void
test_afgesloten_naar_uwv_is_uwv(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "afgesloten", "2024-12-01"),
	};
	struct ketenstatus s;

	e[1].reden = "naar_uwv";
	s = BEREKEN(e);
	assert_int_equal(s.partij, PARTIJ_UWV);
	assert_string_equal(s.sinds, "2024-12-01");
}

static void
test_meedoen_werkt_moves_to_naleving_and_back(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "aanmelding_meedoen_werkt", "2024-05-01"),
	};
	struct keten_gebeurtenis f[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "aanmelding_meedoen_werkt", "2024-05-01"),
		ev(3, "teruggestuurd_door_naleving", "2024-06-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_NALEVING);
	assert_string_equal(s.sinds, "2024-05-01");
	s = BEREKEN(f);
	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_string_equal(s.sinds, "2024-06-01");
}

static void
test_activity_brings_wijkteam_only_when_nobody_holds(void **state)
{
	struct keten_gebeurtenis e[] = { ev(1, "plan_van_aanpak", "2024-02-01") };
	struct keten_gebeurtenis f[] = {
		ev(1, "overdracht_geaccepteerd", "2024-01-10"),
		ev(2, "plan_van_aanpak", "2024-02-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_string_equal(s.sinds, "2024-02-01");
	s = BEREKEN(f);
	assert_int_equal(s.partij, PARTIJ_WERKOM);
}

static void
test_same_holder_keeps_since(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "startgesprek", "2024-08-05"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_string_equal(s.sinds, "2024-03-05");
	e[0] = ev(1, "startgesprek", "2024-03-05");
	e[1] = ev(2, "startgesprek", "2024-08-05");
	e[1].wijkteam_id = WT2;           /* moved to another wijkteam */
	s = BEREKEN(e);
	assert_int_equal(s.wijkteam_id, WT2);
	assert_string_equal(s.sinds, "2024-08-05");
}

static void
test_ib_events_do_not_move_anyone(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "ib_eigen_gestart", "2024-02-01"),
		ev(2, "ib_indicatie_afgegeven", "2024-03-01"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_GEEN);
}

static void
test_malformed_date_is_refused(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "afgesloten", "5-3-2024"),
	};
	struct ketenstatus s;

	assert_int_equal(ketenstatus_bereken(e, 2, &s), -1);
	assert_int_equal(s.partij, PARTIJ_GEEN);
}

static void
test_unknown_type_moves_nothing(void **state)
{
	struct keten_gebeurtenis e[] = {
		ev(1, "startgesprek", "2024-03-05"),
		ev(2, "oud_type", "2024-04-05"),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_string_equal(s.sinds, "2024-03-05");
}

static void
test_partij_codes(void **state)
{
	assert_string_equal(ketenstatus_partij_code(PARTIJ_GEEN), "geen");
	assert_string_equal(ketenstatus_partij_code(PARTIJ_WIJKTEAM), "wijkteam");
	assert_string_equal(ketenstatus_partij_code(PARTIJ_WERKOM), "werkom");
	assert_string_equal(ketenstatus_partij_code(PARTIJ_NALEVING), "naleving");
	assert_string_equal(ketenstatus_partij_code(PARTIJ_UWV), "uwv");
	assert_null(ketenstatus_partij_code((enum partij)42));
	assert_non_null(ketenstatus_partij_label(PARTIJ_UWV));
}

/* An event on a given traject. */
static struct keten_gebeurtenis
op(int64_t id, const char *type, const char *datum, int64_t traject)
{
	struct keten_gebeurtenis e = ev(id, type, datum);

	e.traject_id = traject;
	return e;
}

static void
test_closing_one_of_two_trajecten_lets_nobody_go(void **state)
{
	/* Participatie (traject 1) goes on while IB (traject 2) ends. */
	struct keten_gebeurtenis e[] = {
		op(1, "startgesprek", "2024-01-10", 1),
		op(2, "ib_eigen_gestart", "2024-02-01", 2),
		op(3, "overdracht_werkom", "2024-03-01", 1),
		op(4, "overdracht_geaccepteerd", "2024-03-08", 1),
		op(5, "afgesloten", "2024-04-01", 2),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_WERKOM);
	assert_string_equal(s.sinds, "2024-03-08");
}

static void
test_closing_the_last_open_traject_ends_the_keten(void **state)
{
	struct keten_gebeurtenis e[] = {
		op(1, "startgesprek", "2024-01-10", 1),
		op(2, "ib_eigen_gestart", "2024-02-01", 2),
		op(3, "afgesloten", "2024-04-01", 2),
		op(4, "wachtlijst_in", "2024-04-02", 1),
		op(5, "afgesloten", "2024-05-01", 1),
	};
	struct ketenstatus s = BEREKEN(e);

	assert_int_equal(s.partij, PARTIJ_GEEN);
	assert_string_equal(s.sinds, "2024-05-01");
	assert_false(s.op_wachtlijst);
}

static void
test_a_voided_close_keeps_the_traject_open(void **state)
{
	struct keten_gebeurtenis e[] = {
		op(1, "startgesprek", "2024-01-10", 1),
		op(2, "afgesloten", "2024-02-01", 1),
		op(3, "correctie", "2024-02-02", 1),
	};
	struct ketenstatus s;

	e[2].vervalt_id = 2;
	s = BEREKEN(e);
	assert_int_equal(s.partij, PARTIJ_WIJKTEAM);
	assert_int_equal(s.wijkteam_id, WT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_events_is_geen),
		cmocka_unit_test(test_startgesprek_puts_inwoner_at_wijkteam_since_its_date),
		cmocka_unit_test(test_overdracht_without_acceptance_stays_at_wijkteam_open),
		cmocka_unit_test(test_accepted_overdracht_moves_to_werkom),
		cmocka_unit_test(test_terug_van_werkom_returns_to_wijkteam),
		cmocka_unit_test(test_terug_without_overdracht_is_flagged),
		cmocka_unit_test(test_second_terug_after_one_overdracht_is_flagged),
		cmocka_unit_test(test_uitkering_afgewezen_while_on_wachtlijst_is_flagged),
		cmocka_unit_test(test_uitkering_toegekend_on_wachtlijst_is_not_flagged),
		cmocka_unit_test(test_wachtlijst_uit_clears_the_flag),
		cmocka_unit_test(test_new_startgesprek_forgets_old_refusal),
		cmocka_unit_test(test_correctie_voiding_acceptance_returns_to_wijkteam),
		cmocka_unit_test(test_correctie_of_a_correctie_voids_nothing),
		cmocka_unit_test(test_correctie_of_unknown_id_voids_nothing),
		cmocka_unit_test(test_events_are_ordered_by_date_not_registration),
		cmocka_unit_test(test_same_date_is_ordered_by_id),
		cmocka_unit_test(test_afgesloten_is_geen),
		cmocka_unit_test(test_afgesloten_naar_uwv_is_uwv),
		cmocka_unit_test(test_meedoen_werkt_moves_to_naleving_and_back),
		cmocka_unit_test(test_activity_brings_wijkteam_only_when_nobody_holds),
		cmocka_unit_test(test_same_holder_keeps_since),
		cmocka_unit_test(test_ib_events_do_not_move_anyone),
		cmocka_unit_test(test_malformed_date_is_refused),
		cmocka_unit_test(test_unknown_type_moves_nothing),
		cmocka_unit_test(test_partij_codes),
		cmocka_unit_test(test_closing_one_of_two_trajecten_lets_nobody_go),
		cmocka_unit_test(test_closing_the_last_open_traject_ends_the_keten),
		cmocka_unit_test(test_a_voided_close_keeps_the_traject_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
