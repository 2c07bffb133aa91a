/*
 * test_gebeurtenis.c — the event type table and payload validation: every
 * type is complete, each payload is checked against its declaration, and
 * every refusal names the field in Dutch without repeating the value.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "domain/gebeurtenis.h"

/* Validates the JSON text js against type code; returns the error count
 * and leaves the errors in *fouten (caller puts it). */
static int
valideer(const char *code, const char *js, struct json_object **fouten)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(code);
	struct json_object *g = js != NULL ? json_tokener_parse(js) : NULL;
	int n;

	assert_non_null(t);
	if (js != NULL)
		assert_non_null(g);
	*fouten = json_object_new_array();
	n = gebeurtenis_valideer(t, g, *fouten);
	assert_int_equal((size_t)n, json_object_array_length(*fouten));
	json_object_put(g);
	return n;
}

static const char *
veld(struct json_object *fouten, size_t i)
{
	struct json_object *e = json_object_array_get_idx(fouten, i), *v;

	assert_non_null(e);
	assert_true(json_object_object_get_ex(e, "veld", &v));
	return json_object_get_string(v);
}

static const char *
melding(struct json_object *fouten, size_t i)
{
	struct json_object *e = json_object_array_get_idx(fouten, i), *v;

	assert_non_null(e);
	assert_true(json_object_object_get_ex(e, "melding", &v));
	return json_object_get_string(v);
}

/* ---------------------------------------------------------------- table */

static void
test_every_type_has_label_and_registering_party(void **state)
{
	size_t i;

	assert_true(gebeurtenis_type_aantal() >= 15);
	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		assert_non_null(t);
		assert_non_null(t->code);
		assert_non_null(t->label);
		assert_true(strlen(t->label) > 0);
		if (t->vlag & GT_VOLGT_VERVALLEN)
			continue;       /* the correctie: see its own test */
		assert_non_null(gebeurtenis_partij_code(t->registreert));
	}
	assert_null(gebeurtenis_type_nr(gebeurtenis_type_aantal()));
}

static void
test_every_type_of_design_exists(void **state)
{
	static const char *codes[] = { "startgesprek", "wachtlijst_in",
	    "wachtlijst_uit", "ib_indicatie_afgegeven", "ib_eigen_gestart",
	    "overdracht_werkom", "overdracht_geaccepteerd", "terug_van_werkom",
	    "aanmelding_meedoen_werkt", "teruggestuurd_door_naleving",
	    "uitkeringsbesluit", "profiel_toegekend", "plan_van_aanpak",
	    "afgesloten", "correctie" };
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		assert_non_null(gebeurtenis_type_find(codes[i]));
	assert_null(gebeurtenis_type_find("Startgesprek"));
	assert_null(gebeurtenis_type_find(""));
	assert_null(gebeurtenis_type_find(NULL));
}

static void
test_every_field_has_label_and_bounds(void **state)
{
	size_t i, k;

	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		for (k = 0; k < t->nvelden; k++) {
			const struct gebeurtenis_veld *v = &t->velden[k];

			assert_non_null(v->naam);
			assert_non_null(v->label);
			if (v->soort == GV_KEUZE)
				assert_non_null(v->waarden);
			if (v->soort == GV_TEKST)
				assert_true(v->max > 0);
			if (v->soort == GV_GETAL)
				assert_true(v->min <= v->max);
		}
	}
}

static void
test_wijkteam_and_registrant_see_every_type(void **state)
{
	size_t i;

	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		if (t->vlag & GT_VOLGT_VERVALLEN)
			continue;
		assert_true(gebeurtenis_zichtbaar(t, NULL, GP_WIJKTEAM));
		assert_true(gebeurtenis_zichtbaar(t, NULL, t->registreert));
	}
}

static void
test_registering_parties_follow_the_keten(void **state)
{
	const struct gebeurtenis_type *besluit =
	    gebeurtenis_type_find("uitkeringsbesluit");
	const struct gebeurtenis_type *acc =
	    gebeurtenis_type_find("overdracht_geaccepteerd");

	assert_true(gebeurtenis_mag_registreren(besluit, NULL, GP_UITKERINGEN));
	assert_false(gebeurtenis_mag_registreren(besluit, NULL, GP_WIJKTEAM));
	assert_true(gebeurtenis_mag_registreren(acc, NULL, GP_WERKOM));
	assert_false(gebeurtenis_mag_registreren(acc, NULL, GP_WIJKTEAM));
	assert_int_equal(gebeurtenis_type_find("terug_van_werkom")->registreert,
	    GP_WERKOM);
	assert_int_equal(gebeurtenis_type_find(
	    "teruggestuurd_door_naleving")->registreert, GP_NALEVING);
	assert_int_equal(gebeurtenis_type_find("startgesprek")->registreert,
	    GP_WIJKTEAM);
}

static void
test_werkom_sees_only_handover_events(void **state)
{
	size_t i;

	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);
		int verwacht = strcmp(t->code, "overdracht_werkom") == 0 ||
		    strcmp(t->code, "overdracht_geaccepteerd") == 0 ||
		    strcmp(t->code, "terug_van_werkom") == 0 ||
		    strcmp(t->code, "afgesloten") == 0;

		assert_int_equal(gebeurtenis_zichtbaar(t, NULL, GP_WERKOM),
		    verwacht);
	}
}

static void
test_partij_codes_round_trip(void **state)
{
	static const enum gebeurtenis_partij p[] = { GP_WIJKTEAM, GP_WERKOM,
	    GP_UITKERINGEN, GP_NALEVING };
	size_t i;

	for (i = 0; i < 4; i++)
		assert_int_equal(gebeurtenis_partij_parse(
		    gebeurtenis_partij_code(p[i])), p[i]);
	assert_int_equal(gebeurtenis_partij_parse("uwv"), 0);
	assert_null(gebeurtenis_partij_code(GP_WIJKTEAM | GP_WERKOM));
}

/* ----------------------------------------------------------- validation */

static void
test_valid_startgesprek_has_no_errors(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("startgesprek", "{\"uitkomst\": "
	    "\"overbrugbaar\", \"met_inkomensconsulent\": true, "
	    "\"hulpvragen\": \"Schulden,\\nhuisvesting\"}", &f), 0);
	json_object_put(f);
}

static void
test_type_without_fields_accepts_null_and_empty(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("overdracht_geaccepteerd", NULL, &f), 0);
	json_object_put(f);
	assert_int_equal(valideer("overdracht_geaccepteerd", "{}", &f), 0);
	json_object_put(f);
}

static void
test_missing_required_field_names_the_field(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("startgesprek",
	    "{\"met_inkomensconsulent\": false}", &f), 1);
	assert_string_equal(veld(f, 0), "uitkomst");
	assert_string_equal(melding(f, 0), "Uitkomst is verplicht.");
	json_object_put(f);
}

static void
test_null_counts_as_missing(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("overdracht_werkom", "{\"warm\": null}", &f),
	    1);
	assert_string_equal(veld(f, 0), "warm");
	json_object_put(f);
}

static void
test_wrong_enum_value_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("uitkeringsbesluit",
	    "{\"besluit\": \"misschien\"}", &f), 1);
	assert_string_equal(veld(f, 0), "besluit");
	assert_non_null(strstr(melding(f, 0), "Toegekend of Afgewezen"));
	assert_null(strstr(melding(f, 0), "misschien"));
	json_object_put(f);
}

static void
test_enum_value_must_be_a_string(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("uitkeringsbesluit", "{\"besluit\": 1}", &f),
	    1);
	assert_string_equal(veld(f, 0), "besluit");
	json_object_put(f);
}

static void
test_unknown_field_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("overdracht_werkom",
	    "{\"warm\": true, \"notitie\": \"x\"}", &f), 1);
	assert_string_equal(veld(f, 0), "notitie");
	assert_string_equal(melding(f, 0),
	    "Dit veld hoort niet bij dit type gebeurtenis.");
	json_object_put(f);
}

static void
test_unknown_field_with_odd_name_is_not_echoed(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("overdracht_werkom",
	    "{\"warm\": true, \"<script>\": 1}", &f), 1);
	assert_string_equal(veld(f, 0), "gegevens");
	json_object_put(f);
}

static void
test_text_too_long_rejected(void **state)
{
	struct json_object *f, *g = json_object_new_object();
	char lang[1002];

	memset(lang, 'a', 1001);
	lang[1001] = '\0';
	json_object_object_add(g, "uitkomst",
	    json_object_new_string("onoverbrugbaar"));
	json_object_object_add(g, "hulpvragen", json_object_new_string(lang));
	f = json_object_new_array();
	assert_int_equal(gebeurtenis_valideer(gebeurtenis_type_find(
	    "startgesprek"), g, f), 1);
	assert_string_equal(veld(f, 0), "hulpvragen");
	assert_non_null(strstr(melding(f, 0), "1000 tekens"));
	json_object_put(f);
	json_object_put(g);
}

static void
test_text_length_counts_characters_not_bytes(void **state)
{
	struct json_object *f, *g = json_object_new_object();
	char tekst[1000 * 2 + 1];
	size_t i;

	for (i = 0; i < 1000; i++)
		memcpy(tekst + 2 * i, "\xc3\xa9", 2);        /* é */
	tekst[2000] = '\0';
	json_object_object_add(g, "uitkomst",
	    json_object_new_string("onoverbrugbaar"));
	json_object_object_add(g, "hulpvragen", json_object_new_string(tekst));
	f = json_object_new_array();
	assert_int_equal(gebeurtenis_valideer(gebeurtenis_type_find(
	    "startgesprek"), g, f), 0);
	json_object_put(f);
	json_object_put(g);
}

static void
test_text_with_control_character_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("wachtlijst_in",
	    "{\"reden\": \"capaciteit\\u0007\"}", &f), 1);
	assert_string_equal(veld(f, 0), "reden");
	json_object_put(f);
	assert_int_equal(valideer("wachtlijst_in",
	    "{\"reden\": \"voor\\u0000na\"}", &f), 1);
	json_object_put(f);
}

static void
test_text_with_invalid_utf8_rejected(void **state)
{
	struct json_object *f, *g = json_object_new_object();

	json_object_object_add(g, "reden",
	    json_object_new_string("caf\xc3(")); /* broken sequence */
	f = json_object_new_array();
	assert_int_equal(gebeurtenis_valideer(gebeurtenis_type_find(
	    "wachtlijst_in"), g, f), 1);
	json_object_put(f);
	json_object_put(g);
}

static void
test_required_text_of_only_spaces_is_missing(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("correctie",
	    "{\"vervalt_id\": 7, \"reden\": \"  \\n \"}", &f), 1);
	assert_string_equal(veld(f, 0), "reden");
	assert_non_null(strstr(melding(f, 0), "is verplicht"));
	json_object_put(f);
}

static void
test_boolean_given_as_string_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("overdracht_werkom", "{\"warm\": \"true\"}",
	    &f), 1);
	assert_string_equal(veld(f, 0), "warm");
	json_object_put(f);
	assert_int_equal(valideer("terug_van_werkom",
	    "{\"warme_overdracht\": 1}", &f), 1);
	assert_string_equal(veld(f, 0), "warme_overdracht");
	json_object_put(f);
}

static void
test_profiel_outside_one_to_four_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("profiel_toegekend", "{\"profiel\": 4}", &f),
	    0);
	json_object_put(f);
	assert_int_equal(valideer("profiel_toegekend", "{\"profiel\": 5}", &f),
	    1);
	assert_string_equal(veld(f, 0), "profiel");
	json_object_put(f);
	assert_int_equal(valideer("profiel_toegekend", "{\"profiel\": 0}", &f),
	    1);
	json_object_put(f);
}

static void
test_integer_given_as_string_or_fraction_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("profiel_toegekend", "{\"profiel\": \"2\"}",
	    &f), 1);
	json_object_put(f);
	assert_int_equal(valideer("profiel_toegekend", "{\"profiel\": 2.0}",
	    &f), 1);
	json_object_put(f);
}

static void
test_date_that_does_not_exist_rejected(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("plan_van_aanpak",
	    "{\"evaluatiedatum\": \"2024-02-29\"}", &f), 0);
	json_object_put(f);
	assert_int_equal(valideer("plan_van_aanpak",
	    "{\"evaluatiedatum\": \"2025-02-29\"}", &f), 1);
	assert_string_equal(veld(f, 0), "evaluatiedatum");
	json_object_put(f);
	assert_int_equal(valideer("plan_van_aanpak",
	    "{\"evaluatiedatum\": \"1-3-2025\"}", &f), 1);
	json_object_put(f);
}

static void
test_gegevens_must_be_an_object(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("startgesprek", "[\"overbrugbaar\"]", &f), 1);
	assert_string_equal(veld(f, 0), "gegevens");
	json_object_put(f);
}

static void
test_every_problem_is_reported(void **state)
{
	struct json_object *f;

	/* missing uitkomst, boolean as text, unknown key: three errors */
	assert_int_equal(valideer("startgesprek",
	    "{\"met_inkomensconsulent\": \"ja\", \"bsn\": \"123\"}", &f), 3);
	json_object_put(f);
}

/* ------------------------------------------------------------ correctie */

static void
test_correctie_requires_vervalt_id_and_reden(void **state)
{
	struct json_object *f;

	assert_int_equal(valideer("correctie", "{}", &f), 2);
	assert_string_equal(veld(f, 0), "vervalt_id");
	assert_string_equal(veld(f, 1), "reden");
	json_object_put(f);
	assert_int_equal(valideer("correctie",
	    "{\"vervalt_id\": 12, \"reden\": \"Verkeerde inwoner\"}", &f), 0);
	json_object_put(f);
	assert_int_equal(valideer("correctie",
	    "{\"vervalt_id\": 0, \"reden\": \"Verkeerde inwoner\"}", &f), 1);
	assert_string_equal(veld(f, 0), "vervalt_id");
	json_object_put(f);
}

static void
test_correctie_of_a_correctie_refused(void **state)
{
	struct json_object *f = json_object_new_array();

	assert_int_equal(gebeurtenis_correctie_toets(
	    gebeurtenis_type_find("correctie"), 0, f), 1);
	assert_string_equal(veld(f, 0), "vervalt_id");
	assert_int_equal(gebeurtenis_correctie_toets(NULL, 0, f), 1);
	assert_int_equal(gebeurtenis_correctie_toets(
	    gebeurtenis_type_find("startgesprek"), 1, f), 1);
	assert_int_equal(gebeurtenis_correctie_toets(
	    gebeurtenis_type_find("startgesprek"), 0, f), 0);
	assert_int_equal(json_object_array_length(f), 3);
	json_object_put(f);
}

static void
test_correctie_follows_party_of_voided_event(void **state)
{
	const struct gebeurtenis_type *c = gebeurtenis_type_find("correctie");
	const struct gebeurtenis_type *b =
	    gebeurtenis_type_find("uitkeringsbesluit");

	assert_true(gebeurtenis_mag_registreren(c, b, GP_UITKERINGEN));
	assert_false(gebeurtenis_mag_registreren(c, b, GP_WIJKTEAM));
	assert_false(gebeurtenis_mag_registreren(c, NULL, GP_WIJKTEAM));
	assert_false(gebeurtenis_mag_registreren(c, c, GP_WIJKTEAM));
	assert_true(gebeurtenis_zichtbaar(c, b, GP_WIJKTEAM));
	assert_false(gebeurtenis_zichtbaar(c, b, GP_WERKOM));
}

/* --------------------------------------------------------- need to know */

static void
test_ketenpartner_gets_only_need_to_know_fields(void **state)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find("startgesprek");
	struct json_object *g = json_tokener_parse("{\"uitkomst\": "
	    "\"overbrugbaar\", \"hulpvragen\": \"schulden\", \"extra\": 1}");
	struct json_object *u, *o;

	u = gebeurtenis_gegevens_voor(t, GP_UITKERINGEN, g);
	assert_true(json_object_object_get_ex(u, "uitkomst", &o));
	assert_false(json_object_object_get_ex(u, "hulpvragen", &o));
	assert_false(json_object_object_get_ex(u, "extra", &o));
	json_object_put(u);
	u = gebeurtenis_gegevens_voor(t, GP_WIJKTEAM, g);
	assert_true(json_object_object_get_ex(u, "hulpvragen", &o));
	assert_false(json_object_object_get_ex(u, "extra", &o));
	json_object_put(u);
	json_object_put(g);
}

/* ----------------------------------------------------------------- JSON */

static void
test_types_json_lists_every_type(void **state)
{
	struct json_object *a = gebeurtenis_types_json(), *t, *o, *velden;
	size_t i;

	assert_int_equal(json_object_array_length(a),
	    gebeurtenis_type_aantal());
	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		t = json_object_array_get_idx(a, i);
		assert_true(json_object_object_get_ex(t, "code", &o));
		assert_string_equal(json_object_get_string(o),
		    gebeurtenis_type_nr(i)->code);
		assert_true(json_object_object_get_ex(t, "label", &o));
		assert_true(json_object_object_get_ex(t, "registreert", &o));
		assert_true(json_object_object_get_ex(t, "zichtbaar_voor", &o));
		assert_true(json_object_is_type(o, json_type_array));
		assert_true(json_object_object_get_ex(t, "velden", &velden));
		assert_int_equal(json_object_array_length(velden),
		    gebeurtenis_type_nr(i)->nvelden);
	}
	json_object_put(a);
}

static void
test_types_json_describes_fields(void **state)
{
	struct json_object *a = gebeurtenis_types_json(), *t = NULL, *o, *v;
	size_t i;

	for (i = 0; i < json_object_array_length(a); i++) {
		t = json_object_array_get_idx(a, i);
		json_object_object_get_ex(t, "code", &o);
		if (strcmp(json_object_get_string(o), "startgesprek") == 0)
			break;
	}
	assert_true(i < json_object_array_length(a));
	json_object_object_get_ex(t, "registreert", &o);
	assert_string_equal(json_object_get_string(o), "wijkteam");
	json_object_object_get_ex(t, "velden", &o);
	v = json_object_array_get_idx(o, 0);
	json_object_object_get_ex(v, "naam", &o);
	assert_string_equal(json_object_get_string(o), "uitkomst");
	json_object_object_get_ex(v, "soort", &o);
	assert_string_equal(json_object_get_string(o), "keuze");
	json_object_object_get_ex(v, "verplicht", &o);
	assert_true(json_object_get_boolean(o));
	json_object_object_get_ex(v, "waarden", &o);
	assert_int_equal(json_object_array_length(o), 2);
	json_object_put(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_type_has_label_and_registering_party),
		cmocka_unit_test(test_every_type_of_design_exists),
		cmocka_unit_test(test_every_field_has_label_and_bounds),
		cmocka_unit_test(test_wijkteam_and_registrant_see_every_type),
		cmocka_unit_test(test_registering_parties_follow_the_keten),
		cmocka_unit_test(test_werkom_sees_only_handover_events),
		cmocka_unit_test(test_partij_codes_round_trip),
		cmocka_unit_test(test_valid_startgesprek_has_no_errors),
		cmocka_unit_test(test_type_without_fields_accepts_null_and_empty),
		cmocka_unit_test(test_missing_required_field_names_the_field),
		cmocka_unit_test(test_null_counts_as_missing),
		cmocka_unit_test(test_wrong_enum_value_rejected),
		cmocka_unit_test(test_enum_value_must_be_a_string),
		cmocka_unit_test(test_unknown_field_rejected),
		cmocka_unit_test(test_unknown_field_with_odd_name_is_not_echoed),
		cmocka_unit_test(test_text_too_long_rejected),
		cmocka_unit_test(test_text_length_counts_characters_not_bytes),
		cmocka_unit_test(test_text_with_control_character_rejected),
		cmocka_unit_test(test_text_with_invalid_utf8_rejected),
		cmocka_unit_test(test_required_text_of_only_spaces_is_missing),
		cmocka_unit_test(test_boolean_given_as_string_rejected),
		cmocka_unit_test(test_profiel_outside_one_to_four_rejected),
		cmocka_unit_test(test_integer_given_as_string_or_fraction_rejected),
		cmocka_unit_test(test_date_that_does_not_exist_rejected),
		cmocka_unit_test(test_gegevens_must_be_an_object),
		cmocka_unit_test(test_every_problem_is_reported),
		cmocka_unit_test(test_correctie_requires_vervalt_id_and_reden),
		cmocka_unit_test(test_correctie_of_a_correctie_refused),
		cmocka_unit_test(test_correctie_follows_party_of_voided_event),
		cmocka_unit_test(test_ketenpartner_gets_only_need_to_know_fields),
		cmocka_unit_test(test_types_json_lists_every_type),
		cmocka_unit_test(test_types_json_describes_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
