/*
 * test_rol.c — roles, scopes, grant parsing and the access policy.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/policy.h"
#include "domain/rol.h"

static void
test_role_codes_round_trip(void **state)
{
	unsigned bit;

	for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		const char *code = rol_code((enum rol)bit);

		assert_non_null(code);
		assert_int_equal(rol_parse(code, strlen(code)), bit);
	}
	assert_int_equal(rol_parse("admin", 5), 0);
	assert_int_equal(rol_parse("beheerder", 8), 0);   /* prefix only */
}

static void
test_grants_parse_reads_every_item(void **state)
{
	struct grant g[MAX_GRANTS];
	unsigned roles;
	size_t n;

	n = grants_parse("medewerker:organisatie:3,regisseur:keten:2,"
	    "beheerder:gemeente:0", g, MAX_GRANTS, &roles);
	assert_int_equal(n, 3);
	assert_int_equal(g[0].rol, ROL_MEDEWERKER);
	assert_int_equal(g[0].scope, SCOPE_ORGANISATIE);
	assert_int_equal(g[0].scope_id, 3);
	assert_int_equal(g[1].rol, ROL_REGISSEUR);
	assert_int_equal(g[1].scope, SCOPE_KETEN);
	assert_int_equal(roles, ROL_MEDEWERKER | ROL_REGISSEUR | ROL_BEHEERDER);
}

static void
test_grants_parse_skips_malformed_and_disallowed(void **state)
{
	struct grant g[MAX_GRANTS];
	unsigned roles;

	/* unknown role, unknown scope, missing id, letters in id, a
	 * beheerder tied to an organisatie, a medewerker for the whole
	 * gemeente: all skipped, deny by default */
	assert_int_equal(grants_parse("koning:gemeente:0,medewerker:wijk:1,"
	    "medewerker:organisatie:,medewerker:organisatie:1x,"
	    "beheerder:organisatie:1,medewerker:gemeente:0", g, MAX_GRANTS,
	    &roles), 0);
	assert_int_equal(roles, 0);
	assert_int_equal(grants_parse(NULL, g, MAX_GRANTS, &roles), 0);
	assert_int_equal(grants_parse("", g, MAX_GRANTS, &roles), 0);
}

static void
test_grants_parse_stops_at_max(void **state)
{
	struct grant g[2];
	unsigned roles;

	assert_int_equal(grants_parse("medewerker:organisatie:1,"
	    "medewerker:organisatie:2,medewerker:organisatie:3", g, 2, &roles), 2);
}

static struct principal
as(unsigned roles)
{
	struct principal p;

	memset(&p, 0, sizeof(p));
	p.authenticated = 1;
	p.gebruiker_id = 1;
	p.roles = roles;
	return p;
}

static void
test_policy_public_allows_anonymous(void **state)
{
	struct principal anon;

	memset(&anon, 0, sizeof(anon));
	assert_int_equal(policy_allows(ACCESS_PUBLIC, &anon), POLICY_ALLOW);
	assert_int_equal(policy_allows(ACCESS_PUBLIC, NULL), POLICY_ALLOW);
}

static void
test_policy_anonymous_is_unauthenticated(void **state)
{
	struct principal anon;

	memset(&anon, 0, sizeof(anon));
	assert_int_equal(policy_allows(ACCESS_INGELOGD, &anon), POLICY_UNAUTHENTICATED);
	assert_int_equal(policy_allows(ACCESS_BEHEER, &anon), POLICY_UNAUTHENTICATED);
	assert_int_equal(policy_allows(ACCESS_AUDIT, NULL), POLICY_UNAUTHENTICATED);
}

static void
test_policy_beheer_only_for_beheerder(void **state)
{
	struct principal p;
	unsigned bit;

	for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		p = as(bit);
		assert_int_equal(policy_allows(ACCESS_BEHEER, &p),
		    bit == ROL_BEHEERDER ? POLICY_ALLOW : POLICY_FORBIDDEN);
	}
}

static void
test_policy_audit_for_beheerder_and_auditor(void **state)
{
	struct principal p;
	unsigned bit;

	for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		p = as(bit);
		assert_int_equal(policy_allows(ACCESS_AUDIT, &p),
		    (bit == ROL_BEHEERDER || bit == ROL_AUDITOR) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN);
	}
}

/* The registration's rules: which single role passes each. */
static void
test_policy_registration_rules(void **state)
{
	static const struct {
		enum access_rule rule;
		unsigned         allowed;
	} rules[] = {
		{ ACCESS_REGISTRATIE, ROL_MEDEWERKER | ROL_TEAMLEIDER },
		{ ACCESS_KETEN, ROL_MEDEWERKER | ROL_TEAMLEIDER | ROL_KETENPARTNER },
		{ ACCESS_TEAMLEIDER, ROL_TEAMLEIDER },
		{ ACCESS_AFSTEMMING, ROL_TEAMLEIDER | ROL_KETENPARTNER },
		{ ACCESS_CATALOGUS, ROL_REGISSEUR | ROL_BEHEERDER },
		{ ACCESS_CIJFERS, ROL_ALL },
		{ ACCESS_STURING, ROL_ALL & ~(unsigned)ROL_KETENPARTNER },
		{ ACCESS_KETENWAARDEN, ROL_KETENPARTNER | ROL_REGISSEUR |
		    ROL_CONTRACTMANAGER | ROL_AUDITOR | ROL_BEHEERDER },
		{ ACCESS_KETENPARTNER, ROL_KETENPARTNER },
		{ ACCESS_TOEZICHT, ROL_REGISSEUR | ROL_CONTRACTMANAGER |
		  ROL_AUDITOR },
		{ ACCESS_COMPLEETHEID, ROL_REGISSEUR | ROL_CONTRACTMANAGER |
		  ROL_AUDITOR | ROL_TEAMLEIDER },
	};
	struct principal p, anon;
	unsigned bit;
	size_t i;

	memset(&anon, 0, sizeof(anon));
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		assert_int_equal(policy_allows(rules[i].rule, &anon),
		    POLICY_UNAUTHENTICATED);
		for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
			p = as(bit);
			assert_int_equal(policy_allows(rules[i].rule, &p),
			    (rules[i].allowed & bit) ? POLICY_ALLOW :
			    POLICY_FORBIDDEN);
		}
	}
}

static void
test_policy_unknown_rule_denies(void **state)
{
	struct principal p = as(ROL_ALL);

	assert_int_equal(policy_allows((enum access_rule)999, &p), POLICY_FORBIDDEN);
}

static void
test_scope_ids_lists_grants_of_one_kind(void **state)
{
	struct principal p = as(0);
	char out[64];

	p.ngrants = grants_parse("medewerker:organisatie:3,medewerker:wijkteam:7,"
	    "teamleider:organisatie:12", p.grants, MAX_GRANTS, &p.roles);
	assert_string_equal(principal_scope_ids(&p, SCOPE_ORGANISATIE, out,
	    sizeof(out)), "3,12");
	assert_string_equal(principal_scope_ids(&p, SCOPE_WIJKTEAM, out,
	    sizeof(out)), "7");
	assert_string_equal(principal_scope_ids(&p, SCOPE_KETEN, out,
	    sizeof(out)), "");
}

static void
test_scope_ids_never_cuts_an_id(void **state)
{
	struct principal p = as(0);
	char out[6];

	p.ngrants = grants_parse("medewerker:organisatie:123,"
	    "medewerker:organisatie:456", p.grants, MAX_GRANTS, &p.roles);
	/* "123,456" does not fit: "123" stays, never "123,4" */
	assert_string_equal(principal_scope_ids(&p, SCOPE_ORGANISATIE, out,
	    sizeof(out)), "123");
}

static void
test_budgets_all_only_for_gemeente_roles_and_regisseur(void **state)
{
	struct principal p;
	unsigned bit;

	for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		p = as(bit);
		assert_int_equal(principal_sees_all_budgets(&p),
		    (bit & (ROL_BEHEERDER | ROL_CONTRACTMANAGER | ROL_AUDITOR |
		    ROL_REGISSEUR)) != 0);
	}
}

/* The figure pages: every role may open them; a signed-in user without a
 * role may not. */
static void
test_policy_cijfers_for_every_role_not_for_none(void **state)
{
	struct principal p = as(0);

	assert_int_equal(policy_allows(ACCESS_CIJFERS, &p), POLICY_FORBIDDEN);
	p = as(ROL_ALL);
	assert_int_equal(policy_allows(ACCESS_CIJFERS, &p), POLICY_ALLOW);
}

static void
test_figures_all_organisaties_for_aggregate_viewers(void **state)
{
	struct principal p;
	unsigned bit;

	for (bit = 1; bit <= ROL_AUDITOR; bit <<= 1) {
		p = as(bit);
		assert_int_equal(principal_sees_all_figures(&p),
		    (bit & (ROL_MEDEWERKER | ROL_TEAMLEIDER)) == 0);
	}
	p = as(0);
	assert_int_equal(principal_sees_all_figures(&p), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_codes_round_trip),
		cmocka_unit_test(test_grants_parse_reads_every_item),
		cmocka_unit_test(test_grants_parse_skips_malformed_and_disallowed),
		cmocka_unit_test(test_grants_parse_stops_at_max),
		cmocka_unit_test(test_policy_public_allows_anonymous),
		cmocka_unit_test(test_policy_anonymous_is_unauthenticated),
		cmocka_unit_test(test_policy_beheer_only_for_beheerder),
		cmocka_unit_test(test_policy_audit_for_beheerder_and_auditor),
		cmocka_unit_test(test_policy_registration_rules),
		cmocka_unit_test(test_policy_unknown_rule_denies),
		cmocka_unit_test(test_scope_ids_lists_grants_of_one_kind),
		cmocka_unit_test(test_scope_ids_never_cuts_an_id),
		cmocka_unit_test(test_budgets_all_only_for_gemeente_roles_and_regisseur),
		cmocka_unit_test(test_policy_cijfers_for_every_role_not_for_none),
		cmocka_unit_test(test_figures_all_organisaties_for_aggregate_viewers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
