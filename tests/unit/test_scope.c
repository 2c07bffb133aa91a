/*
 * test_scope.c — a principal's scope for personal data (domain/scope.h).
 *
 * Each case writes out the grants and what the store would answer for
 * them (organisatie kind and party), and the scope that must follow.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/gebeurtenis.h"
#include "domain/policy.h"
#include "domain/scope.h"

static void
grant(struct principal *who, enum rol rol, enum scope_soort soort, int64_t id)
{
	who->grants[who->ngrants].rol = rol;
	who->grants[who->ngrants].scope = soort;
	who->grants[who->ngrants].scope_id = id;
	who->ngrants++;
	who->roles |= rol;
}

/* Organisaties as the store finds them. */
static const struct scope_org DOCK = { 3, 1, 0 };
static const struct scope_org INCLUZIO = { 4, 1, 0 };
static const struct scope_org SMD = { 6, 1, 0 };
static const struct scope_org WERKOM = { 7, 0, GP_WERKOM };
static const struct scope_org UITKERINGEN = { 8, 0, GP_UITKERINGEN };
static const struct scope_org ZORGAANBIEDER = { 9, 0, 0 };   /* no party */

static void
test_no_grants_nothing_to_ask(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;

	(void)state;
	assert_int_equal(scope_grants(&who, &g), 0);
	scope_bouw(&g, NULL, 0, &s);
	assert_int_equal(s.norg, 0);
	assert_int_equal(s.org[0], 0);        /* matches nothing in SQL */
	assert_int_equal(scope_partij(&s), 0);
	assert_false(scope_heeft(&s, 3));
}

static void
test_gemeente_roles_give_no_personal_data(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;

	(void)state;
	grant(&who, ROL_CONTRACTMANAGER, SCOPE_GEMEENTE, 0);
	grant(&who, ROL_AUDITOR, SCOPE_GEMEENTE, 0);
	grant(&who, ROL_REGISSEUR, SCOPE_KETEN, 2);
	grant(&who, ROL_BEHEERDER, SCOPE_ORGANISATIE, 3);
	assert_int_equal(scope_grants(&who, &g), 0);
}

static void
test_medewerker_acts_for_own_organisatie(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;

	(void)state;
	grant(&who, ROL_MEDEWERKER, SCOPE_ORGANISATIE, 3);
	assert_int_equal(scope_grants(&who, &g), 1);
	assert_int_equal(g.nteam, 1);
	assert_int_equal(g.team[0], 3);
	scope_bouw(&g, &DOCK, 1, &s);
	assert_int_equal(s.norg, 1);
	assert_int_equal(s.org[0], 3);
	/* Unused slots repeat the first: a fixed number of parameters. */
	assert_int_equal(s.org[1], 3);
	assert_int_equal(s.org[SCOPE_ORGS - 1], 3);
	assert_int_equal(s.partijen, GP_WIJKTEAM);
	assert_int_equal(s.wijkteam_org, 3);
	assert_int_equal(s.keten_org, 0);
	assert_int_equal(scope_partij(&s), GP_WIJKTEAM);
	assert_true(scope_heeft(&s, 3));
	assert_false(scope_heeft(&s, 4));
	assert_false(scope_heeft(&s, 0));
}

static void
test_wijkteam_grant_reaches_the_organisatie_running_it(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;

	(void)state;
	grant(&who, ROL_TEAMLEIDER, SCOPE_WIJKTEAM, 11);
	assert_int_equal(scope_grants(&who, &g), 1);
	assert_int_equal(g.nwijkteams, 1);
	assert_int_equal(g.wijkteams[0], 11);
	/* The store resolved wijkteam 11 to Incluzio. */
	scope_bouw(&g, &INCLUZIO, 1, &s);
	assert_int_equal(s.norg, 1);
	assert_int_equal(s.org[0], 4);
	assert_int_equal(s.wijkteam_org, 4);
	assert_int_equal(scope_partij(&s), GP_WIJKTEAM);
}

static void
test_ketenpartner_acts_as_its_party(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;

	(void)state;
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 7);
	assert_int_equal(scope_grants(&who, &g), 1);
	assert_int_equal(g.nketen, 1);
	scope_bouw(&g, &WERKOM, 1, &s);
	assert_int_equal(s.norg, 1);
	assert_int_equal(s.org[0], 7);
	assert_int_equal(s.partijen, GP_WERKOM);
	assert_int_equal(s.keten_org, 7);
	assert_int_equal(s.keten_partij, GP_WERKOM);
	assert_int_equal(s.wijkteam_org, 0);
	assert_int_equal(scope_partij(&s), GP_WERKOM);
}

static void
test_grant_on_wrong_kind_of_party_counts_for_nothing(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;
	struct scope_org found[2];

	(void)state;
	/* A teamleider grant on Werkom, a ketenpartner grant on an
	 * organisatie that is no party of the keten. */
	grant(&who, ROL_TEAMLEIDER, SCOPE_ORGANISATIE, 7);
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 9);
	assert_int_equal(scope_grants(&who, &g), 2);
	found[0] = WERKOM;
	found[1] = ZORGAANBIEDER;
	scope_bouw(&g, found, 2, &s);
	assert_int_equal(s.norg, 0);
	assert_int_equal(s.partijen, 0);
	assert_int_equal(scope_partij(&s), 0);

	/* A ketenpartner grant on a wijkteamorganisatie: no party either. */
	memset(&who, 0, sizeof(who));
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 3);
	scope_grants(&who, &g);
	scope_bouw(&g, &DOCK, 1, &s);
	assert_int_equal(s.norg, 0);
}

static void
test_one_user_one_side_the_wijkteam_wins(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;
	struct scope_org found[3];

	(void)state;
	grant(&who, ROL_MEDEWERKER, SCOPE_ORGANISATIE, 3);
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 7);
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 8);
	assert_int_equal(scope_grants(&who, &g), 3);
	found[0] = DOCK;
	found[1] = WERKOM;
	found[2] = UITKERINGEN;
	scope_bouw(&g, found, 3, &s);
	assert_int_equal(s.norg, 1);
	assert_int_equal(s.org[0], 3);
	assert_int_equal(s.org[1], 3);
	assert_int_equal(s.partijen, GP_WIJKTEAM);
	assert_int_equal(s.keten_org, 0);
	assert_int_equal(s.keten_partij, 0);
	assert_false(scope_heeft(&s, 7));
}

static void
test_two_ketenpartners_first_is_the_party_registered_as(void **state)
{
	struct principal who = { 0 };
	struct scope_grants g;
	struct scope s;
	struct scope_org found[2];

	(void)state;
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 7);
	grant(&who, ROL_KETENPARTNER, SCOPE_ORGANISATIE, 8);
	scope_grants(&who, &g);
	found[0] = WERKOM;
	found[1] = UITKERINGEN;
	scope_bouw(&g, found, 2, &s);
	assert_int_equal(s.norg, 2);
	assert_int_equal(s.partijen, GP_WERKOM | GP_UITKERINGEN);
	assert_int_equal(s.keten_org, 7);
	assert_int_equal(scope_partij(&s), GP_WERKOM);
}

static void
test_at_most_scope_orgs_organisaties(void **state)
{
	struct principal who = { 0 };
	struct scope_org found[SCOPE_ORGS + 2];
	struct scope_grants g;
	struct scope s;
	size_t i;

	(void)state;
	for (i = 0; i < SCOPE_ORGS + 2; i++) {
		grant(&who, ROL_MEDEWERKER, SCOPE_ORGANISATIE, (int64_t)(20 + i));
		found[i] = SMD;
		found[i].id = (int64_t)(20 + i);
	}
	scope_grants(&who, &g);
	scope_bouw(&g, found, SCOPE_ORGS + 2, &s);
	assert_int_equal(s.norg, SCOPE_ORGS);
	assert_int_equal(s.org[SCOPE_ORGS - 1], 20 + SCOPE_ORGS - 1);
	assert_false(scope_heeft(&s, 20 + SCOPE_ORGS));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_grants_nothing_to_ask),
		cmocka_unit_test(test_gemeente_roles_give_no_personal_data),
		cmocka_unit_test(test_medewerker_acts_for_own_organisatie),
		cmocka_unit_test(test_wijkteam_grant_reaches_the_organisatie_running_it),
		cmocka_unit_test(test_ketenpartner_acts_as_its_party),
		cmocka_unit_test(test_grant_on_wrong_kind_of_party_counts_for_nothing),
		cmocka_unit_test(test_one_user_one_side_the_wijkteam_wins),
		cmocka_unit_test(test_two_ketenpartners_first_is_the_party_registered_as),
		cmocka_unit_test(test_at_most_scope_orgs_organisaties),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
