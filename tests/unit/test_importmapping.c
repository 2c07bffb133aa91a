/*
 * test_importmapping.c — the fields a CSV column can be mapped to, building
 * a mapping from its JSON, and reading one row under it into a typed
 * record with Dutch per-field errors.
 *
 * No real BSN appears here: the valid one is built with the 11-proef.
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

#include "domain/importmapping.h"

static const char *const kolommen[] = {
	"Dossiernr", "Naam", "Geboortejaar", "Wijk", "BSN", "Soort", "Thema",
	"Opdracht", "Wijkteam", "Start", "Eind", "Gebeurtenis", "Datum gebeurtenis",
	"Uitkomst", "Opmerking",
};
#define NKOL	(sizeof(kolommen) / sizeof(kolommen[0]))

static const struct im_ref wijken[] = {
	{ "PLB", "Poelenburg", 11, 0 }, { "KRM", "Krommenie", 12, 0 },
};
static const struct im_ref wijkteams[] = {
	{ "WT-PLB", "Sociaal Wijkteam Poelenburg", 21, 1 },
	{ "WT-KRM", "Sociaal Wijkteam Krommenie", 22, 2 },   /* other org */
};
static const struct im_ref themas[] = { { "PART", "Participatie", 31, 0 } };
static const struct im_ref opdrachten[] = { { "BREED", "Brede opdracht", 41, 0 } };

static const struct im_refs refs = {
	wijken, wijkteams, themas, opdrachten, 2, 2, 1, 1, 1, 2025,
};

static struct json_object *
full_mapping(void)
{
	return json_tokener_parse("{\"Dossiernr\":\"extern_kenmerk\","
	    "\"Naam\":\"naam\",\"Geboortejaar\":\"geboortejaar\","
	    "\"Wijk\":\"wijk\",\"BSN\":\"bsn\",\"Soort\":\"traject_soort\","
	    "\"Thema\":\"thema\",\"Opdracht\":\"opdracht\","
	    "\"Wijkteam\":\"wijkteam\",\"Start\":\"startdatum\","
	    "\"Eind\":\"einddatum\",\"Gebeurtenis\":\"gebeurtenis_type\","
	    "\"Datum gebeurtenis\":\"gebeurtenis_datum\","
	    "\"Uitkomst\":\"uitkomst\",\"Opmerking\":\"negeren\"}");
}

/* A valid BSN made from 8 digits plus the 11-proef check digit. */
static void
make_bsn(char out[BSN_LEN + 1])
{
	const char *p = "10000000";
	int i, sum = 0;

	for (i = 0; i < 8; i++)
		sum += (9 - i) * (p[i] - '0');
	memcpy(out, p, 8);
	out[8] = (char)('0' + sum % 11);
	out[9] = '\0';
}

/* Row cells; a copy, because the reader trims in place. */
struct row {
	char  buf[NKOL][64];
	char *f[NKOL];
};

static void
row_set(struct row *r, const char *const *cells)
{
	size_t i;

	for (i = 0; i < NKOL; i++) {
		snprintf(r->buf[i], sizeof(r->buf[i]), "%s", cells[i]);
		r->f[i] = r->buf[i];
	}
}

/* Whether fouten holds an error on veld. */
static int
has_error(struct json_object *fouten, const char *veld)
{
	size_t i;

	for (i = 0; i < json_object_array_length(fouten); i++) {
		struct json_object *e = json_object_array_get_idx(fouten, i);
		if (strcmp(json_object_get_string(json_object_object_get(e,
		    "veld")), veld) == 0)
			return 1;
	}
	return 0;
}

static void
test_field_codes_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = 1; i < IM__NVELDEN; i++) {
		assert_int_equal(im_veld_parse(im_veld_code((enum im_veld)i)), i);
		assert_true(strlen(im_veld_label((enum im_veld)i)) > 0);
	}
	assert_int_equal(im_veld_parse(""), IM_NEGEER);
	assert_int_equal(im_veld_parse("negeren"), IM_NEGEER);
	assert_int_equal(im_veld_parse("schoenmaat"), -1);
	assert_int_equal(im_veld_parse(NULL), -1);
	assert_true(im_veld_verplicht(IM_NAAM));
	assert_false(im_veld_verplicht(IM_BSN));
}

static void
test_guesses_fields_from_headers(void **state)
{
	(void)state;
	assert_int_equal(im_veld_raad(" Geboortejaar "), IM_GEBOORTEJAAR);
	assert_int_equal(im_veld_raad("BSN"), IM_BSN);
	assert_int_equal(im_veld_raad("dossiernr"), IM_KENMERK);
	assert_int_equal(im_veld_raad("traject_soort"), IM_SOORT);
	assert_int_equal(im_veld_raad("Opmerking"), IM_NEGEER);
	assert_int_equal(im_veld_raad(NULL), IM_NEGEER);
}

static void
test_mapping_from_json(void **state)
{
	struct im_mapping m;
	struct json_object *map = full_mapping(), *f = json_object_new_array();

	(void)state;
	assert_int_equal(im_mapping_maak(&m, kolommen, NKOL, map, f), 0);
	assert_int_equal(m.positie[IM_NAAM], 1);
	assert_int_equal(m.positie[IM_KENMERK], 0);
	assert_int_equal(m.kolom[14], IM_NEGEER);
	json_object_put(map);
	json_object_put(f);
}

static void
test_mapping_rejects_unknown_duplicate_and_missing(void **state)
{
	struct im_mapping m;
	struct json_object *f = json_object_new_array();
	struct json_object *map = json_tokener_parse("{\"Naam\":\"naam\","
	    "\"Wijk\":\"naam\",\"BSN\":\"schoenmaat\",\"Uitkomst\":\"uitkomst\"}");

	(void)state;
	assert_true(im_mapping_maak(&m, kolommen, NKOL, map, f) > 0);
	assert_true(has_error(f, "Wijk"));          /* naam twice */
	assert_true(has_error(f, "BSN"));           /* unknown field */
	assert_true(has_error(f, "geboortejaar"));  /* required, missing */
	assert_true(has_error(f, "wijkteam"));
	assert_true(has_error(f, "uitkomst"));      /* without a type */
	assert_false(has_error(f, "bsn"));          /* optional */
	json_object_put(map);
	json_object_put(f);
}

static void
test_mapping_needs_type_and_date_together(void **state)
{
	struct im_mapping m;
	struct json_object *f = json_object_new_array();
	struct json_object *map = full_mapping();

	(void)state;
	json_object_object_del(map, "Datum gebeurtenis");
	assert_true(im_mapping_maak(&m, kolommen, NKOL, map, f) > 0);
	assert_true(has_error(f, "gebeurtenis_datum"));
	json_object_put(map);
	json_object_put(f);
}

static void
test_mapping_rejects_non_object(void **state)
{
	struct im_mapping m;
	struct json_object *f = json_object_new_array();
	struct json_object *map = json_object_new_string("naam");

	(void)state;
	assert_int_equal(im_mapping_maak(&m, kolommen, NKOL, map, f), 1);
	json_object_put(map);
	json_object_put(f);
}

/* Reads one row under the full mapping; returns the error count. */
static int
lees(const char *const *cells, struct im_rij *out, struct json_object *f)
{
	static struct row r;
	struct im_mapping m;
	struct json_object *map = full_mapping(), *mf = json_object_new_array();

	assert_int_equal(im_mapping_maak(&m, kolommen, NKOL, map, mf), 0);
	json_object_put(map);
	json_object_put(mf);
	row_set(&r, cells);
	return im_rij_lees(&m, &refs, r.f, NKOL, out, f);
}

static void
test_reads_a_good_row(void **state)
{
	struct im_rij out;
	struct json_object *f = json_object_new_array();
	char bsn[BSN_LEN + 1];
	const char *cells[NKOL] = { "D-1", " Piet Jansen ", "1970", "poelenburg",
		bsn, "Participatiebegeleiding", "PART", "Brede opdracht", "WT-PLB",
		"7-3-2024", "45400", "Startgesprek", "2024-03-08", "overbrugbaar",
		"vrije tekst" };

	(void)state;
	make_bsn(bsn);
	assert_int_equal(lees(cells, &out, f), 0);
	assert_string_equal(out.naam, "Piet Jansen");
	assert_int_equal(out.geboortejaar, 1970);
	assert_int_equal(out.wijk_id, 11);
	assert_string_equal(out.bsn, bsn);
	assert_string_equal(out.kenmerk, "D-1");
	assert_string_equal(out.soort, "participatie");
	assert_int_equal(out.thema_id, 31);
	assert_int_equal(out.opdracht_id, 41);
	assert_int_equal(out.wijkteam_id, 21);
	assert_string_equal(out.startdatum, "2024-03-07");
	assert_string_equal(out.einddatum, "2024-04-18");
	assert_non_null(out.geb);
	assert_string_equal(out.geb_datum, "2024-03-08");
	assert_string_equal(out.uitkomst, "overbrugbaar");
	json_object_put(f);
}

static void
test_optional_cells_may_be_empty(void **state)
{
	struct im_rij out;
	struct json_object *f = json_object_new_array();
	const char *cells[NKOL] = { "", "Piet", "1970", "KRM", "", "participatie",
		"PART", "BREED", "WT-PLB", "2024-01-01", "", "", "", "", "" };

	(void)state;
	assert_int_equal(lees(cells, &out, f), 0);
	assert_null(out.kenmerk);
	assert_string_equal(out.bsn, "");
	assert_string_equal(out.einddatum, "");
	assert_null(out.geb);
	json_object_put(f);
}

static void
test_rejects_other_organisations_wijkteam(void **state)
{
	struct im_rij out;
	struct json_object *f = json_object_new_array();
	const char *cells[NKOL] = { "", "Piet", "1970", "KRM", "", "participatie",
		"PART", "BREED", "WT-KRM", "2024-01-01", "", "", "", "", "" };

	(void)state;
	assert_int_equal(lees(cells, &out, f), 1);
	assert_true(has_error(f, "wijkteam"));
	json_object_put(f);
}

static void
test_rejects_bad_values_per_field(void **state)
{
	struct im_rij out;
	struct json_object *f = json_object_new_array();
	const char *cells[NKOL] = { "", "", "3000", "Atlantis", "123456789",
		"hobby", "X", "Y", "WT-ONBEKEND", "2024-02-30", "31-31-2023", "", "",
		"", "" };

	(void)state;
	assert_int_equal(lees(cells, &out, f), 10);
	assert_true(has_error(f, "naam"));
	assert_true(has_error(f, "geboortejaar"));
	assert_true(has_error(f, "wijk"));
	assert_true(has_error(f, "bsn"));
	assert_true(has_error(f, "traject_soort"));
	assert_true(has_error(f, "thema"));
	assert_true(has_error(f, "opdracht"));
	assert_true(has_error(f, "wijkteam"));
	assert_true(has_error(f, "startdatum"));
	assert_true(has_error(f, "einddatum"));  /* not a date either */
	json_object_put(f);
}

static void
test_bsn_message_never_repeats_the_number(void **state)
{
	struct im_rij out;
	struct json_object *f = json_object_new_array();
	const char *cells[NKOL] = { "", "Piet", "1970", "KRM", "12345678",
		"participatie", "PART", "BREED", "WT-PLB", "2024-01-01", "", "", "",
		"", "" };

	(void)state;
	assert_int_equal(lees(cells, &out, f), 1);
	assert_null(strstr(json_object_to_json_string(f), "12345678"));
	assert_non_null(strstr(json_object_to_json_string(f), "voorloopnul"));
	json_object_put(f);
}

static void
test_event_rules(void **state)
{
	struct im_rij out;
	struct json_object *f;
	const char *startgesprek_zonder_uitkomst[NKOL] = { "", "Piet", "1970",
		"KRM", "", "participatie", "PART", "BREED", "WT-PLB", "2024-01-01",
		"", "startgesprek", "2024-01-02", "", "" };
	const char *uitkomst_bij_ander_type[NKOL] = { "", "Piet", "1970", "KRM",
		"", "participatie", "PART", "BREED", "WT-PLB", "2024-01-01", "",
		"wachtlijst_in", "2024-01-02", "overbrugbaar", "" };
	const char *type_van_ketenpartner[NKOL] = { "", "Piet", "1970", "KRM", "",
		"participatie", "PART", "BREED", "WT-PLB", "2024-01-01", "",
		"uitkeringsbesluit", "2024-01-02", "", "" };
	const char *voor_start[NKOL] = { "", "Piet", "1970", "KRM", "",
		"participatie", "PART", "BREED", "WT-PLB", "2024-01-01", "",
		"wachtlijst_in", "2023-12-31", "", "" };
	const char *datum_zonder_type[NKOL] = { "", "Piet", "1970", "KRM", "",
		"participatie", "PART", "BREED", "WT-PLB", "2024-01-01", "", "",
		"2024-01-05", "", "" };

	(void)state;
	f = json_object_new_array();
	assert_int_equal(lees(startgesprek_zonder_uitkomst, &out, f), 1);
	assert_true(has_error(f, "uitkomst"));
	json_object_put(f);
	f = json_object_new_array();
	assert_int_equal(lees(uitkomst_bij_ander_type, &out, f), 1);
	assert_true(has_error(f, "uitkomst"));
	json_object_put(f);
	f = json_object_new_array();
	assert_int_equal(lees(type_van_ketenpartner, &out, f), 1);
	assert_true(has_error(f, "gebeurtenis_type"));
	json_object_put(f);
	f = json_object_new_array();
	assert_int_equal(lees(voor_start, &out, f), 1);
	assert_true(has_error(f, "gebeurtenis_datum"));
	json_object_put(f);
	f = json_object_new_array();
	assert_int_equal(lees(datum_zonder_type, &out, f), 1);
	assert_true(has_error(f, "gebeurtenis_type"));
	json_object_put(f);
}

static void
test_short_row_counts_as_empty_cells(void **state)
{
	static struct row r;
	struct im_mapping m;
	struct im_rij out;
	struct json_object *map = full_mapping(), *f = json_object_new_array();
	const char *cells[NKOL] = { "D-9", "Piet", "1970", "", "", "", "", "", "",
		"", "", "", "", "", "" };

	(void)state;
	assert_int_equal(im_mapping_maak(&m, kolommen, NKOL, map, f), 0);
	row_set(&r, cells);
	assert_true(im_rij_lees(&m, &refs, r.f, 3, &out, f) >= 6);
	assert_true(has_error(f, "wijk"));
	json_object_put(map);
	json_object_put(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_codes_round_trip),
		cmocka_unit_test(test_guesses_fields_from_headers),
		cmocka_unit_test(test_mapping_from_json),
		cmocka_unit_test(test_mapping_rejects_unknown_duplicate_and_missing),
		cmocka_unit_test(test_mapping_needs_type_and_date_together),
		cmocka_unit_test(test_mapping_rejects_non_object),
		cmocka_unit_test(test_reads_a_good_row),
		cmocka_unit_test(test_optional_cells_may_be_empty),
		cmocka_unit_test(test_rejects_other_organisations_wijkteam),
		cmocka_unit_test(test_rejects_bad_values_per_field),
		cmocka_unit_test(test_bsn_message_never_repeats_the_number),
		cmocka_unit_test(test_event_rules),
		cmocka_unit_test(test_short_row_counts_as_empty_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
