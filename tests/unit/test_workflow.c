/*
 * test_workflow.c — workflow tables (domain/workflow.h): every verdict on
 * a rapportage table written here, the buttons per role, the reason rule,
 * and workflow_geldig() refusing broken tables.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "domain/workflow.h"

#define NUM(a)	(sizeof(a) / sizeof((a)[0]))

/* concept → ingediend → vastgesteld; heropenen goes back and needs a
 * reason. A medewerker may reopen what is not yet vastgesteld. */
static const struct workflow_stap rapportage_stappen[] = {
	{ "concept", "indienen", "ingediend",
	    ROL_MEDEWERKER | ROL_TEAMLEIDER, 0 },
	{ "ingediend", "vaststellen", "vastgesteld", ROL_TEAMLEIDER, 0 },
	{ "ingediend", "heropenen", "concept",
	    ROL_MEDEWERKER | ROL_TEAMLEIDER, 1 },
	{ "vastgesteld", "heropenen", "concept", ROL_TEAMLEIDER, 1 },
};
static const struct workflow rapportage = {
	"rapportage", rapportage_stappen, NUM(rapportage_stappen), "concept"
};

static const struct workflow_stap signaal_stappen[] = {
	{ "open", "in_behandeling_nemen", "in_behandeling",
	    ROL_REGISSEUR | ROL_KETENPARTNER, 0 },
	{ "in_behandeling", "afhandelen", "afgehandeld",
	    ROL_REGISSEUR | ROL_KETENPARTNER, 0 },
	{ "afgehandeld", "terugkoppelen", "teruggekoppeld", ROL_REGISSEUR, 0 },
};
static const struct workflow signaal = {
	"signaal", signaal_stappen, NUM(signaal_stappen), "open"
};

/* A copy of the rapportage table to break one row of. */
struct kopie {
	struct workflow_stap  stappen[NUM(rapportage_stappen) + 2];
	struct workflow       wf;
};

static void
kopieer(struct kopie *k)
{
	memset(k, 0, sizeof(*k));
	memcpy(k->stappen, rapportage_stappen, sizeof(rapportage_stappen));
	k->wf = rapportage;
	k->wf.stappen = k->stappen;
}

static enum workflow_oordeel
toets(const char *staat, const char *actie, unsigned rollen,
    const char *reden)
{
	return workflow_toets(&rapportage, staat, actie, rollen, reden, NULL);
}

static void
test_tables_in_this_test_are_valid(void **state)
{
	size_t waar = 99;

	(void)state;
	assert_int_equal(workflow_gebrek(&rapportage, &waar), WFG_GEEN);
	assert_int_equal(waar, NUM(rapportage_stappen));
	assert_true(workflow_geldig(&rapportage));
	assert_true(workflow_geldig(&signaal));
}

static void
test_allowed_step_names_its_row(void **state)
{
	const struct workflow_stap *st = NULL;

	(void)state;
	assert_int_equal(workflow_toets(&rapportage, "concept", "indienen",
	    ROL_MEDEWERKER, NULL, &st), WF_MAG);
	assert_ptr_equal(st, &rapportage_stappen[0]);
	assert_string_equal(st->naar, "ingediend");
	assert_int_equal(workflow_toets(&rapportage, "ingediend",
	    "vaststellen", ROL_TEAMLEIDER, "", &st), WF_MAG);
	assert_string_equal(st->naar, "vastgesteld");
}

static void
test_unknown_action_refused(void **state)
{
	const struct workflow_stap *st = &rapportage_stappen[0];

	(void)state;
	assert_int_equal(workflow_toets(&rapportage, "concept", "verwijderen",
	    ROL_ALL, "reden", &st), WF_ONBEKENDE_ACTIE);
	assert_null(st);
	assert_int_equal(toets("concept", "Indienen", ROL_ALL, NULL),
	    WF_ONBEKENDE_ACTIE);
	assert_int_equal(toets("concept", NULL, ROL_ALL, NULL),
	    WF_ONBEKENDE_ACTIE);
	assert_int_equal(workflow_toets(NULL, "concept", "indienen", ROL_ALL,
	    NULL, NULL), WF_ONBEKENDE_ACTIE);
}

static void
test_action_from_wrong_state_refused(void **state)
{
	const struct workflow_stap *st = &rapportage_stappen[0];

	(void)state;
	assert_int_equal(workflow_toets(&rapportage, "concept", "vaststellen",
	    ROL_TEAMLEIDER, NULL, &st), WF_NIET_IN_DEZE_STAAT);
	assert_null(st);
	assert_int_equal(toets("vastgesteld", "indienen", ROL_MEDEWERKER, NULL),
	    WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(toets("concept", "heropenen", ROL_TEAMLEIDER, "x"),
	    WF_NIET_IN_DEZE_STAAT);
	/* A state the table does not know, or none. */
	assert_int_equal(toets("gearchiveerd", "indienen", ROL_ALL, NULL),
	    WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(toets(NULL, "indienen", ROL_ALL, NULL),
	    WF_NIET_IN_DEZE_STAAT);
}

static void
test_missing_role_refused(void **state)
{
	const struct workflow_stap *st = &rapportage_stappen[0];

	(void)state;
	assert_int_equal(workflow_toets(&rapportage, "concept", "indienen",
	    ROL_KETENPARTNER, NULL, &st), WF_ROL_ONTBREEKT);
	assert_null(st);
	assert_int_equal(toets("ingediend", "vaststellen", ROL_MEDEWERKER,
	    NULL), WF_ROL_ONTBREEKT);
	assert_int_equal(toets("vastgesteld", "heropenen",
	    ROL_MEDEWERKER | ROL_BEHEERDER, "fout"), WF_ROL_ONTBREEKT);
	assert_int_equal(toets("concept", "indienen", 0, NULL),
	    WF_ROL_ONTBREEKT);
	/* Bits beyond the known roles grant nothing. */
	assert_int_equal(toets("concept", "indienen", ~(unsigned)ROL_ALL, NULL),
	    WF_ROL_ONTBREEKT);
	/* One fitting role among several is enough. */
	assert_int_equal(toets("ingediend", "vaststellen",
	    ROL_AUDITOR | ROL_TEAMLEIDER, NULL), WF_MAG);
}

/* Even in a table workflow_geldig() would refuse, an unknown role bit held
 * by both step and user grants nothing. */
static void
test_unknown_role_bit_grants_nothing(void **state)
{
	struct kopie k;

	(void)state;
	kopieer(&k);
	k.stappen[0].rollen = 0x100;
	assert_int_equal(workflow_toets(&k.wf, "concept", "indienen", 0x100,
	    NULL, NULL), WF_ROL_ONTBREEKT);
	assert_int_equal(workflow_acties(&k.wf, "concept", 0x100, NULL, 0), 0);
}

static void
test_reopening_requires_a_reason(void **state)
{
	const struct workflow_stap *st = &rapportage_stappen[0];

	(void)state;
	assert_int_equal(workflow_toets(&rapportage, "vastgesteld", "heropenen",
	    ROL_TEAMLEIDER, NULL, &st), WF_REDEN_ONTBREEKT);
	assert_null(st);
	assert_int_equal(toets("vastgesteld", "heropenen", ROL_TEAMLEIDER, ""),
	    WF_REDEN_ONTBREEKT);
	assert_int_equal(toets("vastgesteld", "heropenen", ROL_TEAMLEIDER,
	    " \t\r\n "), WF_REDEN_ONTBREEKT);
	assert_int_equal(workflow_toets(&rapportage, "vastgesteld", "heropenen",
	    ROL_TEAMLEIDER, " Cijfers Q2 gecorrigeerd", &st), WF_MAG);
	assert_string_equal(st->naar, "concept");
	/* The role is judged before the reason. */
	assert_int_equal(toets("vastgesteld", "heropenen", ROL_MEDEWERKER, ""),
	    WF_ROL_ONTBREEKT);
	/* A step without the rule needs none. */
	assert_int_equal(toets("concept", "indienen", ROL_MEDEWERKER, NULL),
	    WF_MAG);
}

static void
test_actions_per_role_and_state(void **state)
{
	const struct workflow_stap *out[8];

	(void)state;
	assert_int_equal(workflow_acties(&rapportage, "concept", ROL_MEDEWERKER,
	    out, NUM(out)), 1);
	assert_string_equal(out[0]->actie, "indienen");
	assert_int_equal(workflow_acties(&rapportage, "ingediend",
	    ROL_MEDEWERKER, out, NUM(out)), 1);
	assert_string_equal(out[0]->actie, "heropenen");
	assert_true(out[0]->reden_verplicht);
	assert_int_equal(workflow_acties(&rapportage, "ingediend",
	    ROL_TEAMLEIDER, out, NUM(out)), 2);
	assert_string_equal(out[0]->actie, "vaststellen");
	assert_string_equal(out[1]->actie, "heropenen");
	assert_int_equal(workflow_acties(&rapportage, "vastgesteld",
	    ROL_MEDEWERKER, out, NUM(out)), 0);
	assert_int_equal(workflow_acties(&rapportage, "vastgesteld",
	    ROL_TEAMLEIDER, out, NUM(out)), 1);
	assert_ptr_equal(out[0], &rapportage_stappen[3]);
	assert_int_equal(workflow_acties(&rapportage, "concept",
	    ROL_KETENPARTNER | ROL_AUDITOR, out, NUM(out)), 0);
	assert_int_equal(workflow_acties(&rapportage, "onbekend", ROL_ALL, out,
	    NUM(out)), 0);
}

static void
test_actions_stop_at_max(void **state)
{
	const struct workflow_stap *out[1];

	(void)state;
	assert_int_equal(workflow_acties(&rapportage, "ingediend",
	    ROL_TEAMLEIDER, out, 1), 1);
	assert_string_equal(out[0]->actie, "vaststellen");
	assert_int_equal(workflow_acties(&rapportage, "ingediend",
	    ROL_TEAMLEIDER, NULL, 0), 0);
}

/* Every actie the buttons offer, workflow_toets() allows (given a reason). */
static void
test_buttons_agree_with_verdicts(void **state)
{
	static const char *const staten[] = { "concept", "ingediend",
	    "vastgesteld" };
	const struct workflow_stap *out[8];
	size_t i, j, n;
	unsigned rol;

	(void)state;
	for (rol = 0; rol <= ROL_ALL; rol++)
		for (i = 0; i < NUM(staten); i++) {
			n = workflow_acties(&rapportage, staten[i], rol, out,
			    NUM(out));
			for (j = 0; j < n; j++)
				assert_int_equal(toets(staten[i], out[j]->actie,
				    rol, "reden"), WF_MAG);
			for (j = 0; j < NUM(rapportage_stappen); j++)
				if (strcmp(rapportage_stappen[j].van,
				    staten[i]) == 0 && toets(staten[i],
				    rapportage_stappen[j].actie, rol,
				    "reden") == WF_MAG)
					n--;
			assert_int_equal(n, 0);
		}
}

static void
test_verdict_texts_are_distinct_sentences(void **state)
{
	enum workflow_oordeel o, p;
	const char *t;

	(void)state;
	assert_string_equal(workflow_oordeel_tekst(WF_NIET_IN_DEZE_STAAT),
	    "Deze actie kan niet in deze staat.");
	for (o = WF_MAG; o <= WF_REDEN_ONTBREEKT; o++) {
		t = workflow_oordeel_tekst(o);
		assert_true(t[0] >= 'A' && t[0] <= 'Z');
		assert_int_equal(t[strlen(t) - 1], '.');
		for (p = WF_MAG; p < o; p++)
			assert_string_not_equal(t, workflow_oordeel_tekst(p));
	}
	assert_non_null(workflow_oordeel_tekst((enum workflow_oordeel)99));
}

static void
test_geldig_rejects_duplicate_step(void **state)
{
	struct kopie k;
	size_t waar;

	(void)state;
	kopieer(&k);
	/* A second heropenen from ingediend, to another state. */
	k.stappen[4] = (struct workflow_stap){ "ingediend", "heropenen",
	    "vastgesteld", ROL_BEHEERDER, 0 };
	k.wf.nstappen = 5;
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_DUBBEL);
	assert_int_equal(waar, 4);
	assert_false(workflow_geldig(&k.wf));
}

static void
test_geldig_rejects_unreachable_state(void **state)
{
	struct kopie k;
	size_t waar;

	(void)state;
	kopieer(&k);
	/* gearchiveerd ↔ hersteld: a loop no step from begin enters. */
	k.stappen[4] = (struct workflow_stap){ "gearchiveerd", "herstellen",
	    "hersteld", ROL_BEHEERDER, 0 };
	k.stappen[5] = (struct workflow_stap){ "hersteld", "archiveren",
	    "gearchiveerd", ROL_BEHEERDER, 0 };
	k.wf.nstappen = 6;
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_ONBEREIKBAAR);
	assert_int_equal(waar, 4);
	/* Once a reachable state leads there, all is reachable. */
	k.stappen[5].van = "vastgesteld";
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_GEEN);
	/* A begin no step starts from leaves every step unreachable. */
	kopieer(&k);
	k.wf.begin = "nieuw";
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_ONBEREIKBAAR);
	assert_int_equal(waar, 0);
}

static void
test_geldig_rejects_bad_codes(void **state)
{
	static const char *const fout[] = { "Concept", "in behandeling",
	    "in-behandeling", "", "concépt" };
	struct kopie k;
	size_t i, waar;

	(void)state;
	for (i = 0; i < NUM(fout); i++) {
		kopieer(&k);
		k.stappen[2].actie = fout[i];
		assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_CODE);
		assert_int_equal(waar, 2);
	}
	kopieer(&k);
	k.stappen[1].naar = NULL;
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_CODE);
	assert_int_equal(waar, 1);
	kopieer(&k);
	k.wf.naam = "Rapportage";
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_CODE);
	assert_int_equal(waar, k.wf.nstappen);
	kopieer(&k);
	k.wf.begin = NULL;
	assert_false(workflow_geldig(&k.wf));
}

static void
test_geldig_rejects_bad_roles(void **state)
{
	struct kopie k;
	size_t waar;

	(void)state;
	kopieer(&k);
	k.stappen[3].rollen = 0;
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_ROLLEN);
	assert_int_equal(waar, 3);
	k.stappen[3].rollen = ROL_TEAMLEIDER | 0x100;
	assert_int_equal(workflow_gebrek(&k.wf, &waar), WFG_ROLLEN);
}

static void
test_geldig_rejects_empty_or_oversized_table(void **state)
{
	static struct workflow_stap veel[WORKFLOW_MAX_STAPPEN + 1];
	struct workflow wf = { "leeg", NULL, 0, "begin" };
	size_t i;

	(void)state;
	assert_int_equal(workflow_gebrek(NULL, NULL), WFG_LEEG);
	assert_int_equal(workflow_gebrek(&wf, NULL), WFG_LEEG);
	wf.nstappen = 1;
	assert_int_equal(workflow_gebrek(&wf, NULL), WFG_LEEG);
	for (i = 0; i < NUM(veel); i++)
		veel[i] = rapportage_stappen[0];
	wf.stappen = veel;
	wf.nstappen = NUM(veel);
	assert_int_equal(workflow_gebrek(&wf, NULL), WFG_LEEG);
	assert_non_null(workflow_gebrek_tekst(WFG_ONBEREIKBAAR));
}

/* The formatversie table of the application (domain/workflow.c), step by
 * step: concept → consultatie → gepubliceerd, back to concept by
 * terugnemen, and publication straight from a concept. */
static void
test_formatversie_workflow(void **state)
{
	const struct workflow *wf = &formatversie_workflow;
	const struct workflow_stap *st = NULL;
	const unsigned mag = ROL_REGISSEUR | ROL_BEHEERDER;
	const unsigned niet = ROL_ALL & ~mag;
	static const struct {
		const char *van, *actie, *naar;
	} stappen[] = {
		{ "concept", "consulteren", "consultatie" },
		{ "consultatie", "terugnemen", "concept" },
		{ "concept", "publiceren", "gepubliceerd" },
		{ "consultatie", "publiceren", "gepubliceerd" },
	};
	static const char *const acties[] = { "consulteren", "terugnemen",
	    "publiceren" };
	size_t i;

	(void)state;
	assert_true(workflow_geldig(wf));
	assert_string_equal(wf->begin, "concept");
	for (i = 0; i < NUM(stappen); i++) {
		assert_int_equal(workflow_toets(wf, stappen[i].van,
		    stappen[i].actie, ROL_REGISSEUR, NULL, &st), WF_MAG);
		assert_string_equal(st->naar, stappen[i].naar);
		assert_false(st->reden_verplicht);
		assert_int_equal(workflow_toets(wf, stappen[i].van,
		    stappen[i].actie, ROL_BEHEERDER, NULL, NULL), WF_MAG);
		assert_int_equal(workflow_toets(wf, stappen[i].van,
		    stappen[i].actie, niet, NULL, &st), WF_ROL_ONTBREEKT);
		assert_null(st);
	}
	/* A published version never changes: nothing leaves gepubliceerd. */
	for (i = 0; i < NUM(acties); i++)
		assert_int_equal(workflow_toets(wf, "gepubliceerd", acties[i],
		    mag, "reden", NULL), WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(workflow_toets(wf, "concept", "terugnemen", mag, NULL,
	    NULL), WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(workflow_toets(wf, "consultatie", "consulteren", mag,
	    NULL, NULL), WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(workflow_toets(wf, "concept", "wijzigen", mag, NULL,
	    NULL), WF_ONBEKENDE_ACTIE);
}

/* The rapportage table (issue 12): the teamleider submits, the regisseur
 * sends back or establishes (both from ingediend) and reopens; sending
 * back and reopening need a reason; nothing changes an ingediende or
 * vastgestelde rapportage but these steps. */
static void
test_rapportage_workflow(void **state)
{
	const struct workflow *wf = &rapportage_workflow;
	const struct workflow_stap *st = NULL;
	static const struct {
		const char *van, *actie, *naar;
		unsigned rol;
		int reden;
	} stappen[] = {
		{ "concept", "indienen", "ingediend", ROL_TEAMLEIDER, 0 },
		{ "ingediend", "terugsturen", "concept", ROL_REGISSEUR, 1 },
		{ "ingediend", "vaststellen", "vastgesteld", ROL_REGISSEUR, 0 },
		{ "vastgesteld", "heropenen", "concept", ROL_REGISSEUR, 1 },
	};
	size_t i;

	(void)state;
	assert_true(workflow_geldig(wf));
	assert_string_equal(wf->begin, "concept");
	for (i = 0; i < NUM(stappen); i++) {
		assert_int_equal(workflow_toets(wf, stappen[i].van,
		    stappen[i].actie, stappen[i].rol, "omdat", &st), WF_MAG);
		assert_string_equal(st->naar, stappen[i].naar);
		assert_int_equal(st->reden_verplicht, stappen[i].reden);
		assert_int_equal(workflow_toets(wf, stappen[i].van,
		    stappen[i].actie, ROL_ALL & ~stappen[i].rol, "omdat", &st),
		    WF_ROL_ONTBREEKT);
		if (stappen[i].reden)
			assert_int_equal(workflow_toets(wf, stappen[i].van,
			    stappen[i].actie, stappen[i].rol, "  ", NULL),
			    WF_REDEN_ONTBREEKT);
	}
	/* A medewerker drafts but does not submit. */
	assert_int_equal(workflow_toets(wf, "concept", "indienen",
	    ROL_MEDEWERKER, NULL, NULL), WF_ROL_ONTBREEKT);
	assert_int_equal(workflow_toets(wf, "concept", "vaststellen",
	    ROL_REGISSEUR, NULL, NULL), WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(workflow_toets(wf, "ingediend", "heropenen",
	    ROL_REGISSEUR, "omdat", NULL), WF_NIET_IN_DEZE_STAAT);
	assert_int_equal(workflow_toets(wf, "vastgesteld", "indienen",
	    ROL_TEAMLEIDER, NULL, NULL), WF_NIET_IN_DEZE_STAAT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_in_this_test_are_valid),
		cmocka_unit_test(test_allowed_step_names_its_row),
		cmocka_unit_test(test_unknown_action_refused),
		cmocka_unit_test(test_action_from_wrong_state_refused),
		cmocka_unit_test(test_missing_role_refused),
		cmocka_unit_test(test_unknown_role_bit_grants_nothing),
		cmocka_unit_test(test_reopening_requires_a_reason),
		cmocka_unit_test(test_actions_per_role_and_state),
		cmocka_unit_test(test_actions_stop_at_max),
		cmocka_unit_test(test_buttons_agree_with_verdicts),
		cmocka_unit_test(test_verdict_texts_are_distinct_sentences),
		cmocka_unit_test(test_geldig_rejects_duplicate_step),
		cmocka_unit_test(test_geldig_rejects_unreachable_state),
		cmocka_unit_test(test_geldig_rejects_bad_codes),
		cmocka_unit_test(test_geldig_rejects_bad_roles),
		cmocka_unit_test(test_geldig_rejects_empty_or_oversized_table),
		cmocka_unit_test(test_formatversie_workflow),
		cmocka_unit_test(test_rapportage_workflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
