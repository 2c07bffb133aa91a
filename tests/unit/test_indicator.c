/*
 * test_indicator.c — the indicator catalogue's vocabulary and the reading
 * of rules: every kind read in full, every kind of bad input refused with
 * a Dutch error on the right "regel.<key>" and nothing filled, the
 * categories of an uitsplitsing, the kenmerken the projection writes and
 * the filters read back, and the check for cycles of verhoudingen.
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

#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"

/* ------------------------------------------------------------- helpers */

/* A rule reads cleanly into *r. */
static void
lees_goed(const char *js, struct indicator_regel *r)
{
	struct json_object *o = json_tokener_parse(js);
	struct json_object *fouten = json_object_new_array();
	int n;

	assert_non_null(o);
	n = indicator_regel_lees(o, r, fouten);
	if (n != 0)
		fprintf(stderr, "%s\n", json_object_to_json_string(fouten));
	assert_int_equal(n, 0);
	assert_int_equal(json_object_array_length(fouten), 0);
	json_object_put(fouten);
	/* the strings that point into o must outlive it only as long as o:
	 * the tests that look at teller and noemer keep their own copy */
	json_object_put(o);
}

static const char *
fout_veld(struct json_object *fouten, size_t i)
{
	struct json_object *e = json_object_array_get_idx(fouten, i), *v;

	assert_non_null(e);
	assert_true(json_object_object_get_ex(e, "veld", &v));
	return json_object_get_string(v);
}

static const char *
fout_tekst(struct json_object *fouten, size_t i)
{
	struct json_object *e = json_object_array_get_idx(fouten, i), *v;

	assert_non_null(e);
	assert_true(json_object_object_get_ex(e, "melding", &v));
	return json_object_get_string(v);
}

/*
 * A rule is refused: exactly n errors, the first on veld, every message a
 * sentence, none repeating the submitted text geheim (when given), and
 * out left exactly as it was.
 */
static void
lees_fout(const char *js, int n, const char *veld, const char *geheim)
{
	struct json_object *o = json_tokener_parse(js);
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r, voor;
	size_t i;
	int k;

	assert_non_null(o);
	memset(&r, 0xa5, sizeof(r));
	memcpy(&voor, &r, sizeof(r));
	k = indicator_regel_lees(o, &r, fouten);
	if (k != n || strcmp(fout_veld(fouten, 0), veld) != 0)
		fprintf(stderr, "%s -> %s\n", js,
		    json_object_to_json_string(fouten));
	assert_int_equal(k, n);
	assert_int_equal(json_object_array_length(fouten), (size_t)n);
	assert_string_equal(fout_veld(fouten, 0), veld);
	for (i = 0; i < (size_t)n; i++) {
		const char *m = fout_tekst(fouten, i);

		assert_true(strlen(m) > 10);
		assert_true(m[strlen(m) - 1] == '.');
		if (geheim != NULL)
			assert_null(strstr(m, geheim));
	}
	assert_memory_equal(&r, &voor, sizeof(r));
	json_object_put(fouten);
	json_object_put(o);
}

#define FOUT(js, veld)	lees_fout((js), 1, (veld), NULL)

/* ----------------------------------------------------------- the lists */

static size_t
lengte(const struct veld_optie *l)
{
	size_t n = 0;

	while (l[n].code != NULL) {
		assert_non_null(l[n].label);
		n++;
	}
	assert_null(l[n].label);
	return n;
}

/* The codes of a list, joined by commas. */
static void
codes(const struct veld_optie *l, char *buf, size_t n)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; l[i].code != NULL; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    i ? "," : "", l[i].code);
}

static void
test_lists_hold_the_codes_of_the_issue(void **state)
{
	char b[256];

	codes(indicator_eenheden, b, sizeof(b));
	assert_string_equal(b, "aantal,percentage,dagen,euro,fte,tekst");
	codes(indicator_bronnen, b, sizeof(b));
	assert_string_equal(b, "berekend,handmatig,ketenpartner");
	codes(indicator_partijen, b, sizeof(b));
	assert_string_equal(b, "werkom,uitkeringen,naleving");
	codes(indicator_regelsoorten, b, sizeof(b));
	assert_string_equal(b, "telling,stand,duur,verhouding");
	codes(indicator_tellingen, b, sizeof(b));
	assert_string_equal(b, "inwoners,trajecten,gebeurtenissen");
	codes(indicator_toestanden, b, sizeof(b));
	assert_string_equal(b, "op_wachtlijst,bij_wijkteam,bij_werkom,"
	    "bij_naleving,bij_uwv,overdracht_open");
	codes(indicator_statistieken, b, sizeof(b));
	assert_string_equal(b, "mediaan,gemiddelde");
}

static void
test_codes_are_ascii_snake_case_and_labels_capitalised(void **state)
{
	const struct veld_optie *lijsten[] = { indicator_eenheden,
	    indicator_bronnen, indicator_partijen, indicator_regelsoorten,
	    indicator_tellingen, indicator_toestanden, indicator_statistieken };
	size_t i, k, j;

	for (i = 0; i < sizeof(lijsten) / sizeof(lijsten[0]); i++) {
		assert_true(lengte(lijsten[i]) >= 2);
		for (k = 0; lijsten[i][k].code != NULL; k++) {
			const char *c = lijsten[i][k].code;
			const char *l = lijsten[i][k].label;

			for (j = 0; c[j] != '\0'; j++)
				assert_true((c[j] >= 'a' && c[j] <= 'z') ||
				    c[j] == '_');
			assert_true(l[0] >= 'A' && l[0] <= 'Z');
		}
	}
}

static void
test_label_of_a_code_and_of_nothing(void **state)
{
	assert_string_equal(indicator_label(indicator_statistieken, "mediaan"),
	    "Mediaan");
	assert_string_equal(indicator_label(indicator_partijen, "werkom"),
	    "Werkom");
	assert_null(indicator_label(indicator_partijen, "uwv"));
	assert_null(indicator_label(indicator_partijen, NULL));
	assert_null(indicator_label(NULL, "werkom"));
}

/* ------------------------------------------------------- reading: good */

/* 64 characters: the longest indicator code. */
#define B64	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

static void
test_telling_is_read_in_full(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"telling\", \"tel\": \"trajecten\","
	    " \"type\": \"startgesprek\","
	    " \"filters\": {\"uitkomst\": \"overbrugbaar\","
	    "   \"met_inkomensconsulent\": true},"
	    " \"traject\": {\"soort\": \"participatie\", \"thema_id\": 3,"
	    "   \"opdracht_id\": 9007199254740991},"
	    " \"uitsplitsing\": [\"met_inkomensconsulent\", \"ketenstatus\"]}",
	    &r);
	assert_int_equal(r.soort, REGEL_TELLING);
	assert_int_equal(r.tel, TEL_TRAJECTEN);
	/* the table's own strings: they outlive the JSON */
	assert_ptr_equal(r.type, gebeurtenis_type_find("startgesprek")->code);
	assert_int_equal(r.nfilter, 2);
	assert_string_equal(r.filter[0].veld, "uitkomst");
	assert_string_equal(r.filter[0].waarde, "overbrugbaar");
	assert_string_equal(r.filter[1].veld, "met_inkomensconsulent");
	assert_string_equal(r.filter[1].waarde, "ja");
	assert_string_equal(r.traject_soort, "participatie");
	assert_int_equal(r.thema_id, 3);
	assert_int_equal(r.opdracht_id, 9007199254740991LL);
	assert_int_equal(r.nuitsplitsing, 2);
	assert_string_equal(r.uitsplitsing[0].veld, "met_inkomensconsulent");
	assert_ptr_equal(r.uitsplitsing[0].def,
	    gebeurtenis_veld_find(gebeurtenis_type_find("startgesprek"),
	    "met_inkomensconsulent"));
	assert_null(r.uitsplitsing[1].veld);
	assert_null(r.uitsplitsing[1].def);
	assert_int_equal(r.toestand, 0);
	assert_null(r.tot_type);
	assert_null(r.teller);
}

static void
test_minimal_telling_has_no_filters(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"wachtlijst_in\"}", &r);
	assert_int_equal(r.tel, TEL_INWONERS);
	assert_string_equal(r.type, "wachtlijst_in");
	assert_int_equal(r.nfilter, 0);
	assert_null(r.traject_soort);
	assert_int_equal(r.thema_id, 0);
	assert_int_equal(r.opdracht_id, 0);
	assert_int_equal(r.nuitsplitsing, 0);
}

static void
test_null_is_an_absent_key(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"telling\", \"tel\": \"gebeurtenissen\","
	    " \"type\": \"startgesprek\", \"filters\": {\"uitkomst\": null},"
	    " \"traject\": {\"thema_id\": null}, \"uitsplitsing\": null}", &r);
	assert_int_equal(r.tel, TEL_GEBEURTENISSEN);
	assert_int_equal(r.nfilter, 0);
	assert_int_equal(r.thema_id, 0);
	assert_int_equal(r.nuitsplitsing, 0);
}

static void
test_getal_and_ja_nee_filters_are_written_as_kenmerken(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": 4},"
	    " \"uitsplitsing\": [\"profiel\"]}", &r);
	assert_string_equal(r.filter[0].veld, "profiel");
	assert_string_equal(r.filter[0].waarde, "4");
	assert_string_equal(r.uitsplitsing[0].veld, "profiel");

	lees_goed("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"terug_van_werkom\","
	    " \"filters\": {\"warme_overdracht\": false}}", &r);
	assert_string_equal(r.filter[0].waarde, "nee");
}

static void
test_stand_is_read(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"stand\", \"toestand\": \"op_wachtlijst\"}", &r);
	assert_int_equal(r.soort, REGEL_STAND);
	assert_int_equal(r.toestand, TOESTAND_OP_WACHTLIJST);
	lees_goed("{\"soort\": \"stand\", \"toestand\": \"overdracht_open\"}",
	    &r);
	assert_int_equal(r.toestand, TOESTAND_OVERDRACHT_OPEN);
	lees_goed("{\"soort\": \"stand\", \"toestand\": \"bij_uwv\"}", &r);
	assert_int_equal(r.toestand, TOESTAND_BIJ_UWV);
}

static void
test_duur_is_read(void **state)
{
	struct indicator_regel r;

	lees_goed("{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"mediaan\"}", &r);
	assert_int_equal(r.soort, REGEL_DUUR);
	assert_string_equal(r.type, "wachtlijst_in");
	assert_string_equal(r.tot_type, "wachtlijst_uit");
	assert_int_equal(r.statistiek, STAT_MEDIAAN);
	lees_goed("{\"soort\": \"duur\", \"van\": \"overdracht_werkom\","
	    " \"tot\": \"overdracht_geaccepteerd\","
	    " \"statistiek\": \"gemiddelde\"}", &r);
	assert_int_equal(r.statistiek, STAT_GEMIDDELDE);
}

static void
test_verhouding_is_read(void **state)
{
	struct json_object *o = json_tokener_parse("{\"soort\": \"verhouding\","
	    " \"teller\": \"ib_eigen\", \"noemer\": \"ib_indicaties_2\","
	    " \"procent\": true}");
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;

	assert_int_equal(indicator_regel_lees(o, &r, fouten), 0);
	assert_int_equal(r.soort, REGEL_VERHOUDING);
	assert_string_equal(r.teller, "ib_eigen");
	assert_string_equal(r.noemer, "ib_indicaties_2");
	assert_int_equal(r.procent, 1);
	json_object_put(o);
	json_object_put(fouten);

	/* a code of 64 characters is the longest */
	lees_goed("{\"soort\": \"verhouding\", \"teller\": \"a\", \"noemer\":"
	    " \"" B64 "\","
	    " \"procent\": false}", &r);
	assert_int_equal(r.procent, 0);
}

/* --------------------------------------------------------- reading: bad */

static void
test_rule_must_be_an_object_with_a_known_soort(void **state)
{
	FOUT("[]", "regel");
	FOUT("\"telling\"", "regel");
	FOUT("{}", "regel.soort");
	FOUT("{\"soort\": 1}", "regel.soort");
	lees_fout("{\"soort\": \"geheim_soort\"}", 1, "regel.soort",
	    "geheim_soort");
	/* with the kind unknown, nothing else is judged */
	FOUT("{\"soort\": \"som\", \"type\": \"x\", \"kleur\": 1}", "regel.soort");
}

static void
test_null_rule_is_refused(void **state)
{
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;

	assert_int_equal(indicator_regel_lees(NULL, &r, fouten), 1);
	assert_string_equal(fout_veld(fouten, 0), "regel");
	json_object_put(fouten);
}

static void
test_unknown_keys_are_errors(void **state)
{
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"kleur\": \"rood\"}", "regel.kleur");
	/* a key not safe to name falls on the rule */
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"Kleur <b>\": 1}", "regel");
	FOUT("{\"soort\": \"stand\", \"toestand\": \"bij_werkom\","
	    " \"tel\": \"inwoners\"}", "regel.tel");
	FOUT("{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"mediaan\","
	    " \"procent\": true}", "regel.procent");
	FOUT("{\"soort\": \"verhouding\", \"teller\": \"a\", \"noemer\": \"b\","
	    " \"procent\": true, \"type\": \"startgesprek\"}", "regel.type");
}

static void
test_only_a_telling_filters_or_splits(void **state)
{
	FOUT("{\"soort\": \"stand\", \"toestand\": \"op_wachtlijst\","
	    " \"filters\": {}}", "regel.filters");
	FOUT("{\"soort\": \"stand\", \"toestand\": \"op_wachtlijst\","
	    " \"uitsplitsing\": [\"ketenstatus\"]}", "regel.uitsplitsing");
	FOUT("{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"mediaan\","
	    " \"traject\": {\"thema_id\": 1}}", "regel.traject");
	FOUT("{\"soort\": \"duur\", \"van\": \"wachtlijst_in\","
	    " \"tot\": \"wachtlijst_uit\", \"statistiek\": \"mediaan\","
	    " \"uitsplitsing\": []}", "regel.uitsplitsing");
	FOUT("{\"soort\": \"verhouding\", \"teller\": \"a\", \"noemer\": \"b\","
	    " \"procent\": true, \"filters\": {\"uitkomst\": \"overbrugbaar\"}}",
	    "regel.filters");
}

static void
test_telling_needs_what_it_counts(void **state)
{
	FOUT("{\"soort\": \"telling\", \"type\": \"startgesprek\"}", "regel.tel");
	FOUT("{\"soort\": \"telling\", \"tel\": \"wijken\","
	    " \"type\": \"startgesprek\"}", "regel.tel");
	FOUT("{\"soort\": \"telling\", \"tel\": [\"inwoners\"],"
	    " \"type\": \"startgesprek\"}", "regel.tel");
	/* both missing: two errors, in the order of the keys */
	lees_fout("{\"soort\": \"telling\"}", 2, "regel.tel", NULL);
}

static void
test_unknown_event_type_is_refused(void **state)
{
	struct json_object *o = json_tokener_parse("{\"soort\": \"telling\","
	    " \"tel\": \"inwoners\", \"type\": \"geheim_type\"}");
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;

	assert_int_equal(indicator_regel_lees(o, &r, fouten), 1);
	assert_string_equal(fout_veld(fouten, 0), "regel.type");
	assert_string_equal(fout_tekst(fouten, 0), "Onbekend soort gebeurtenis.");
	json_object_put(o);
	json_object_put(fouten);

	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\"}", "regel.type");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\", \"type\": 3}",
	    "regel.type");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"Startgesprek\"}", "regel.type");
}

static void
test_correctie_is_not_countable(void **state)
{
	FOUT("{\"soort\": \"telling\", \"tel\": \"gebeurtenissen\","
	    " \"type\": \"correctie\"}", "regel.type");
	FOUT("{\"soort\": \"duur\", \"van\": \"startgesprek\","
	    " \"tot\": \"correctie\", \"statistiek\": \"mediaan\"}", "regel.tot");
}

static void
test_fields_of_an_unknown_type_are_not_judged(void **state)
{
	/* one error for the type, none made up for its fields */
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\", \"type\": \"x\","
	    " \"filters\": {\"uitkomst\": \"overbrugbaar\"},"
	    " \"uitsplitsing\": [\"uitkomst\"]}", "regel.type");
	/* but their shape is */
	lees_fout("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"x\", \"filters\": []}", 2, "regel.type", NULL);
}

static void
test_filter_on_unknown_field_is_refused(void **state)
{
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\": {\"besluit\": \"x\"}}",
	    "regel.filters.besluit");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\": {\"Geheim!\": 1}}",
	    "regel.filters");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\": [\"uitkomst\"]}",
	    "regel.filters");
}

static void
test_filter_value_must_be_one_of_the_fields(void **state)
{
	lees_fout("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\","
	    " \"filters\": {\"uitkomst\": \"geheim_waarde\"}}", 1,
	    "regel.filters.uitkomst", "geheim_waarde");
	/* wrong JSON types: a ja_nee is a boolean, a getal an integer */
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\","
	    " \"filters\": {\"met_inkomensconsulent\": \"ja\"}}",
	    "regel.filters.met_inkomensconsulent");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\": {\"uitkomst\": true}}",
	    "regel.filters.uitkomst");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": \"2\"}}",
	    "regel.filters.profiel");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": 2.0}}",
	    "regel.filters.profiel");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": 5}}",
	    "regel.filters.profiel");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": 0}}",
	    "regel.filters.profiel");
}

static void
test_filter_on_text_date_or_wijkteam_field_is_refused(void **state)
{
	struct json_object *o = json_tokener_parse("{\"soort\": \"telling\","
	    " \"tel\": \"inwoners\", \"type\": \"startgesprek\","
	    " \"filters\": {\"hulpvragen\": \"schulden\"}}");
	struct json_object *fouten = json_object_new_array();
	struct indicator_regel r;

	/* hulpvragen is tekst and the wijkteam's alone: the latter is said */
	assert_int_equal(indicator_regel_lees(o, &r, fouten), 1);
	assert_string_equal(fout_veld(fouten, 0), "regel.filters.hulpvragen");
	assert_non_null(strstr(fout_tekst(fouten, 0), "alleen voor het "
	    "wijkteam"));
	json_object_put(o);
	json_object_put(fouten);

	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"terug_van_werkom\", \"filters\": {\"reden\": \"x\"}}",
	    "regel.filters.reden");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"plan_van_aanpak\","
	    " \"filters\": {\"evaluatiedatum\": \"2024-03-01\"}}",
	    "regel.filters.evaluatiedatum");
}

static void
test_at_most_four_filters(void **state)
{
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\", \"filters\": {\"a\": 1, \"b\": 1,"
	    " \"c\": 1, \"d\": 1, \"e\": 1}}", "regel.filters");
}

static void
test_traject_filters_are_checked(void **state)
{
#define TELLING	"{\"soort\": \"telling\", \"tel\": \"inwoners\", " \
	"\"type\": \"startgesprek\", "
	FOUT(TELLING "\"traject\": [1]}", "regel.traject");
	lees_fout(TELLING "\"traject\": {\"soort\": \"geheim_soort\"}}", 1,
	    "regel.traject.soort", "geheim_soort");
	FOUT(TELLING "\"traject\": {\"soort\": 1}}", "regel.traject.soort");
	FOUT(TELLING "\"traject\": {\"thema_id\": 0}}", "regel.traject.thema_id");
	FOUT(TELLING "\"traject\": {\"thema_id\": -3}}",
	    "regel.traject.thema_id");
	FOUT(TELLING "\"traject\": {\"thema_id\": \"3\"}}",
	    "regel.traject.thema_id");
	FOUT(TELLING "\"traject\": {\"thema_id\": 1.5}}",
	    "regel.traject.thema_id");
	FOUT(TELLING "\"traject\": {\"opdracht_id\": 9007199254740992}}",
	    "regel.traject.opdracht_id");
	FOUT(TELLING "\"traject\": {\"wijk_id\": 2}}", "regel.traject.wijk_id");
}

static void
test_uitsplitsing_must_be_a_list_of_fields(void **state)
{
	FOUT(TELLING "\"uitsplitsing\": \"uitkomst\"}", "regel.uitsplitsing");
	FOUT(TELLING "\"uitsplitsing\": [1]}", "regel.uitsplitsing");
	lees_fout(TELLING "\"uitsplitsing\": [\"geheim_veld\"]}", 1,
	    "regel.uitsplitsing", "geheim_veld");
	/* a field of another type */
	FOUT(TELLING "\"uitsplitsing\": [\"besluit\"]}", "regel.uitsplitsing");
	FOUT(TELLING "\"uitsplitsing\": [\"uitkomst\", \"ketenstatus\","
	    " \"met_inkomensconsulent\"]}", "regel.uitsplitsing");
}

static void
test_uitsplitsing_on_text_date_or_wijkteam_field_is_refused(void **state)
{
	FOUT(TELLING "\"uitsplitsing\": [\"hulpvragen\"]}", "regel.uitsplitsing");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"terug_van_werkom\", \"uitsplitsing\": [\"reden\"]}",
	    "regel.uitsplitsing");
	FOUT("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"plan_van_aanpak\","
	    " \"uitsplitsing\": [\"evaluatiedatum\"]}", "regel.uitsplitsing");
}

static void
test_duplicate_uitsplitsing_is_refused(void **state)
{
	FOUT(TELLING "\"uitsplitsing\": [\"uitkomst\", \"uitkomst\"]}",
	    "regel.uitsplitsing");
	FOUT(TELLING "\"uitsplitsing\": [\"ketenstatus\", \"ketenstatus\"]}",
	    "regel.uitsplitsing");
#undef TELLING
}

static void
test_uitsplitsingen_sharing_a_code_collide(void **state)
{
	/* no type has two ja_nee fields today, so the rule is checked on
	 * two made-up ones, and every pair the table allows is shown not
	 * to collide */
	static const struct gebeurtenis_veld a = { "a", "A", GV_JA_NEE, 0,
	    NULL, 0, 0 };
	static const struct gebeurtenis_veld b = { "b", "B", GV_JA_NEE, 0,
	    NULL, 0, 0 };
	struct regel_uitsplitsing ua = { "a", &a }, ub = { "b", &b };
	struct regel_uitsplitsing ks = { NULL, NULL };
	const struct gebeurtenis_type *t = gebeurtenis_type_find("startgesprek");
	struct regel_uitsplitsing uk = { "uitkomst",
	    gebeurtenis_veld_find(t, "uitkomst") };
	struct regel_uitsplitsing uj = { "met_inkomensconsulent",
	    gebeurtenis_veld_find(t, "met_inkomensconsulent") };

	assert_true(indicator_uitsplitsingen_botsen(&ua, &ub));
	assert_false(indicator_uitsplitsingen_botsen(&ua, &ks));
	assert_false(indicator_uitsplitsingen_botsen(&uk, &uj));
	assert_false(indicator_uitsplitsingen_botsen(&uk, &ks));
	assert_false(indicator_uitsplitsingen_botsen(&uj, &ks));
}

static void
test_no_two_splitsable_fields_of_a_type_collide(void **state)
{
	struct regel_uitsplitsing u[8], ks = { NULL, NULL };
	size_t i, k, j, n;

	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		n = 0;
		for (k = 0; k < t->nvelden && n < 8; k++) {
			u[n].veld = t->velden[k].naam;
			u[n].def = &t->velden[k];
			if (indicator_categorieen(&u[n], &j) != NULL)
				n++;
		}
		for (k = 0; k < n; k++) {
			assert_false(indicator_uitsplitsingen_botsen(&u[k], &ks));
			for (j = k + 1; j < n; j++)
				assert_false(indicator_uitsplitsingen_botsen(
				    &u[k], &u[j]));
		}
	}
}

static void
test_stand_needs_a_known_toestand(void **state)
{
	FOUT("{\"soort\": \"stand\"}", "regel.toestand");
	lees_fout("{\"soort\": \"stand\", \"toestand\": \"geheim_toestand\"}", 1,
	    "regel.toestand", "geheim_toestand");
	FOUT("{\"soort\": \"stand\", \"toestand\": 1}", "regel.toestand");
}

static void
test_duur_needs_two_types_and_a_statistiek(void **state)
{
#define DUUR(van, tot, stat) "{\"soort\": \"duur\", \"van\": " van \
	", \"tot\": " tot ", \"statistiek\": " stat "}"
	FOUT(DUUR("\"geheim\"", "\"wachtlijst_uit\"", "\"mediaan\""),
	    "regel.van");
	FOUT(DUUR("\"wachtlijst_in\"", "\"x\"", "\"mediaan\""), "regel.tot");
	FOUT(DUUR("\"wachtlijst_in\"", "\"wachtlijst_in\"", "\"mediaan\""),
	    "regel.tot");
	FOUT(DUUR("\"wachtlijst_in\"", "\"wachtlijst_uit\"", "\"modus\""),
	    "regel.statistiek");
	FOUT(DUUR("\"wachtlijst_in\"", "\"wachtlijst_uit\"", "null"),
	    "regel.statistiek");
	lees_fout("{\"soort\": \"duur\"}", 3, "regel.van", NULL);
#undef DUUR
}

static void
test_verhouding_needs_two_codes_and_procent(void **state)
{
#define VH(t, n, p) "{\"soort\": \"verhouding\", \"teller\": " t \
	", \"noemer\": " n ", \"procent\": " p "}"
	FOUT(VH("\"Hoofdletter\"", "\"b\"", "true"), "regel.teller");
	FOUT(VH("\"\"", "\"b\"", "true"), "regel.teller");
	FOUT(VH("\"a-b\"", "\"b\"", "true"), "regel.teller");
	FOUT(VH("3", "\"b\"", "true"), "regel.teller");
	FOUT(VH("\"a\\u0000b\"", "\"b\"", "true"), "regel.teller");
	/* 65 characters: one too many */
	FOUT(VH("\"a\"", "\"" B64 "b\"", "true"), "regel.noemer");
	FOUT(VH("\"a\"", "null", "true"), "regel.noemer");
	FOUT(VH("\"a\"", "\"a\"", "true"), "regel.noemer");
	FOUT(VH("\"a\"", "\"b\"", "\"true\""), "regel.procent");
	FOUT("{\"soort\": \"verhouding\", \"teller\": \"a\", \"noemer\": \"b\"}",
	    "regel.procent");
#undef VH
}

/* ------------------------------------------------------------ categories */

static void
test_categories_of_each_kind_of_field(void **state)
{
	const struct gebeurtenis_type *sg = gebeurtenis_type_find("startgesprek");
	const struct gebeurtenis_type *pt =
	    gebeurtenis_type_find("profiel_toegekend");
	struct regel_uitsplitsing uk = { "uitkomst",
	    gebeurtenis_veld_find(sg, "uitkomst") };
	struct regel_uitsplitsing uj = { "met_inkomensconsulent",
	    gebeurtenis_veld_find(sg, "met_inkomensconsulent") };
	struct regel_uitsplitsing up = { "profiel",
	    gebeurtenis_veld_find(pt, "profiel") };
	struct regel_uitsplitsing ut = { "hulpvragen",
	    gebeurtenis_veld_find(sg, "hulpvragen") };
	const char *const *c;
	size_t n;

	c = indicator_categorieen(&uk, &n);
	assert_int_equal(n, 2);
	assert_string_equal(c[0], "overbrugbaar");
	assert_string_equal(c[1], "onoverbrugbaar");
	/* the same static array every time */
	assert_ptr_equal(indicator_categorieen(&uk, &n), c);
	assert_string_equal(indicator_categorie_label(&uk, "overbrugbaar"),
	    "Overbrugbare afstand tot de arbeidsmarkt");

	c = indicator_categorieen(&uj, &n);
	assert_int_equal(n, 2);
	assert_string_equal(c[0], "ja");
	assert_string_equal(c[1], "nee");
	assert_string_equal(indicator_categorie_label(&uj, "nee"), "Nee");

	c = indicator_categorieen(&up, &n);
	assert_int_equal(n, 4);
	assert_string_equal(c[0], "1");
	assert_string_equal(c[3], "4");
	assert_string_equal(indicator_categorie_label(&up, "3"), "Profiel 3");
	assert_null(indicator_categorie_label(&up, "5"));

	assert_null(indicator_categorieen(&ut, &n));
	assert_int_equal(n, 0);
	assert_null(indicator_categorie_label(&ut, "x"));
}

static void
test_ketenstatus_categories_are_the_partij_codes(void **state)
{
	struct regel_uitsplitsing ks = { NULL, NULL };
	const char *const *c;
	size_t n, i;

	c = indicator_categorieen(&ks, &n);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++) {
		assert_string_equal(c[i], ketenstatus_partij_code((enum partij)i));
		assert_string_equal(indicator_categorie_label(&ks, c[i]),
		    ketenstatus_partij_label((enum partij)i));
	}
	assert_string_equal(c[0], "geen");
	assert_string_equal(c[4], "uwv");
	assert_null(indicator_categorie_label(&ks, "gemeente"));
}

static void
test_getal_without_waarden_has_no_categories(void **state)
{
	static const struct gebeurtenis_veld g = { "uren", "Uren", GV_GETAL, 0,
	    NULL, 0, 40 };
	struct regel_uitsplitsing u = { "uren", &g };
	size_t n = 9;

	assert_null(indicator_categorieen(&u, &n));
	assert_int_equal(n, 0);
}

static void
test_every_splitsable_field_of_the_table_has_categories(void **state)
{
	struct regel_uitsplitsing u;
	size_t i, k, n, aantal = 0;

	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		for (k = 0; k < t->nvelden; k++) {
			const struct gebeurtenis_veld *v = &t->velden[k];

			u.veld = v->naam;
			u.def = v;
			if ((v->vlag & GV_ALLEEN_WIJKTEAM) ||
			    v->soort == GV_TEKST || v->soort == GV_DATUM ||
			    (v->soort == GV_GETAL && v->waarden == NULL))
				continue;
			assert_non_null(indicator_categorieen(&u, &n));
			assert_true(n >= 2);
			aantal++;
		}
	}
	assert_true(aantal >= 6);
}

/* ------------------------------------------------------------ kenmerken */

static int
kenmerken_van(const char *type, const char *js, char *out, size_t n)
{
	struct json_object *g = json_tokener_parse(js);
	int k;

	assert_non_null(g);
	k = indicator_kenmerken(gebeurtenis_type_find(type), g, out, n);
	json_object_put(g);
	return k;
}

static void
test_kenmerken_hold_the_shareable_fields_in_table_order(void **state)
{
	char b[128];

	/* JSON order differs from the table's; hulpvragen is left out */
	assert_int_equal(kenmerken_van("startgesprek", "{\"hulpvragen\": \"schulden\","
	    " \"met_inkomensconsulent\": true, \"uitkomst\": \"overbrugbaar\"}",
	    b, sizeof(b)), 46);
	assert_string_equal(b, "uitkomst=overbrugbaar;met_inkomensconsulent=ja");
	assert_int_equal(kenmerken_van("terug_van_werkom",
	    "{\"warme_overdracht\": false, \"reden\": \"x=y;z\"}", b,
	    sizeof(b)), 20);
	assert_string_equal(b, "warme_overdracht=nee");
	kenmerken_van("profiel_toegekend", "{\"profiel\": 3}", b, sizeof(b));
	assert_string_equal(b, "profiel=3");
	assert_int_equal(kenmerken_van("plan_van_aanpak",
	    "{\"evaluatiedatum\": \"2024-05-01\"}", b, sizeof(b)), 0);
	assert_string_equal(b, "");
	assert_int_equal(kenmerken_van("ib_eigen_gestart", "{}", b, sizeof(b)), 0);
}

static void
test_kenmerken_skip_values_not_of_the_table(void **state)
{
	char b[128];

	/* old data must not put a ';' into the string */
	kenmerken_van("startgesprek", "{\"uitkomst\": \"a;b=c\","
	    " \"met_inkomensconsulent\": \"ja\"}", b, sizeof(b));
	assert_string_equal(b, "");
	assert_int_equal(indicator_kenmerken(gebeurtenis_type_find(
	    "startgesprek"), NULL, b, sizeof(b)), 0);
	assert_string_equal(b, "");
	assert_int_equal(indicator_kenmerken(NULL, NULL, b, sizeof(b)), 0);
}

static void
test_kenmerken_that_do_not_fit_give_minus_one(void **state)
{
	char b[24];

	/* "uitkomst=onoverbrugbaar" is 23 characters: 24 bytes fit */
	assert_int_equal(kenmerken_van("startgesprek",
	    "{\"uitkomst\": \"onoverbrugbaar\"}", b, sizeof(b)), 23);
	assert_string_equal(b, "uitkomst=onoverbrugbaar");
	memset(b, 'x', sizeof(b));
	assert_int_equal(kenmerken_van("startgesprek",
	    "{\"uitkomst\": \"onoverbrugbaar\"}", b, 23), -1);
	assert_string_equal(b, "");
	/* the second field is what does not fit: still nothing half */
	assert_int_equal(kenmerken_van("startgesprek",
	    "{\"uitkomst\": \"onoverbrugbaar\","
	    " \"met_inkomensconsulent\": true}", b, sizeof(b)), -1);
	assert_string_equal(b, "");
	assert_int_equal(indicator_kenmerken(gebeurtenis_type_find(
	    "startgesprek"), NULL, b, 0), -1);
}

static void
test_kenmerk_reads_one_field(void **state)
{
	const char *k = "warm=nee;warme_overdracht=ja;profiel=12";
	char b[24];

	assert_int_equal(indicator_kenmerk(k, "warme_overdracht", b,
	    sizeof(b)), 1);
	assert_string_equal(b, "ja");
	assert_int_equal(indicator_kenmerk(k, "warm", b, sizeof(b)), 1);
	assert_string_equal(b, "nee");
	assert_int_equal(indicator_kenmerk(k, "profiel", b, sizeof(b)), 1);
	assert_string_equal(b, "12");
	assert_int_equal(indicator_kenmerk(k, "war", b, sizeof(b)), 0);
	assert_string_equal(b, "");
	assert_int_equal(indicator_kenmerk(k, "uitkomst", b, sizeof(b)), 0);
	assert_int_equal(indicator_kenmerk("", "warm", b, sizeof(b)), 0);
	assert_int_equal(indicator_kenmerk(NULL, "warm", b, sizeof(b)), 0);
	/* "12" does not fit in two bytes: no cut "1" that could match */
	assert_int_equal(indicator_kenmerk(k, "profiel", b, 2), 0);
	assert_string_equal(b, "");
}

static void
test_filter_and_kenmerken_round_trip(void **state)
{
	struct indicator_regel r;
	char k[128], w[24];
	size_t i;

	lees_goed("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"startgesprek\","
	    " \"filters\": {\"uitkomst\": \"onoverbrugbaar\","
	    "   \"met_inkomensconsulent\": false}}", &r);
	assert_true(kenmerken_van("startgesprek", "{\"uitkomst\": \"onoverbrugbaar\","
	    " \"met_inkomensconsulent\": false, \"hulpvragen\": \"x\"}", k,
	    sizeof(k)) > 0);
	for (i = 0; i < r.nfilter; i++) {
		assert_int_equal(indicator_kenmerk(k, r.filter[i].veld, w,
		    sizeof(w)), 1);
		assert_string_equal(w, r.filter[i].waarde);
	}

	lees_goed("{\"soort\": \"telling\", \"tel\": \"inwoners\","
	    " \"type\": \"profiel_toegekend\", \"filters\": {\"profiel\": 2}}",
	    &r);
	kenmerken_van("profiel_toegekend", "{\"profiel\": 2}", k, sizeof(k));
	assert_int_equal(indicator_kenmerk(k, r.filter[0].veld, w, sizeof(w)), 1);
	assert_string_equal(w, r.filter[0].waarde);
}

/* --------------------------------------------------------------- cycles */

/* The catalogue as the store would hold it: code → teller, noemer (NULL
 * for an indicator that is no verhouding). */
struct catalogus {
	const char  *code;
	const char  *teller;
	const char  *noemer;
};

struct opzoek {
	const struct catalogus  *c;
	size_t                   n;
	int                      gevraagd;
};

static int
zoek_teller(void *arg, const char *code, const char **teller,
    const char **noemer)
{
	struct opzoek *o = arg;
	size_t i;

	o->gevraagd++;
	for (i = 0; i < o->n; i++)
		if (strcmp(o->c[i].code, code) == 0) {
			*teller = o->c[i].teller;
			*noemer = o->c[i].noemer;
			return 1;
		}
	return 0;
}

static int
cyclus(const struct catalogus *c, size_t n, const char *code,
    const char *teller, const char *noemer)
{
	struct indicator_regel r;
	struct opzoek o = { c, n, 0 };

	memset(&r, 0, sizeof(r));
	r.soort = REGEL_VERHOUDING;
	r.teller = teller;
	r.noemer = noemer;
	return indicator_verhouding_cyclus(code, &r, zoek_teller, &o);
}

#define CYCLUS(c, code, t, n)	cyclus((c), sizeof(c) / sizeof((c)[0]), \
	(code), (t), (n))

static void
test_cycle_a_b_a(void **state)
{
	static const struct catalogus c[] = {
		{ "b", "a", "x" },          /* b = a / x */
		{ "x", NULL, NULL },
	};

	/* a = b / x closes a → b → a */
	assert_true(CYCLUS(c, "a", "b", "x"));
	/* so does a = x / b: the noemer is followed too */
	assert_true(CYCLUS(c, "a", "x", "b"));
	/* and an indicator over itself */
	assert_true(CYCLUS(c, "a", "a", "x"));
}

static void
test_cycle_a_b_c_a(void **state)
{
	static const struct catalogus c[] = {
		{ "b", "x", "c" },          /* b = x / c */
		{ "c", "a", "x" },          /* c = a / x */
		{ "x", NULL, NULL },
	};

	assert_true(CYCLUS(c, "a", "b", "x"));
	assert_false(CYCLUS(c, "d", "b", "x"));
}

static void
test_no_cycle_over_shared_noemers(void **state)
{
	static const struct catalogus c[] = {
		{ "b", "d", "e" },
		{ "c", "d", "e" },
		{ "d", "x", "y" },
		{ "e", "x", "y" },
		{ "x", NULL, NULL },
		{ "y", NULL, NULL },
	};
	struct indicator_regel r;
	struct opzoek o = { c, sizeof(c) / sizeof(c[0]), 0 };

	memset(&r, 0, sizeof(r));
	r.soort = REGEL_VERHOUDING;
	r.teller = "b";
	r.noemer = "c";
	assert_false(indicator_verhouding_cyclus("a", &r, zoek_teller, &o));
	/* b, c, d, e, x, y: each looked up once */
	assert_int_equal(o.gevraagd, 6);
}

static void
test_an_existing_cycle_elsewhere_is_refused(void **state)
{
	static const struct catalogus c[] = {
		{ "b", "c", "x" },
		{ "c", "b", "x" },          /* b ↔ c: bad data in the store */
		{ "x", NULL, NULL },
	};

	assert_true(CYCLUS(c, "a", "b", "x"));
}

static void
test_depth_limit_is_sixteen_steps(void **state)
{
	/* k1 = k2 / x, …, k15 = k16 / x; k16 and x are tellingen. From a
	 * new a = k1 / x, k16 is reached in 16 steps: allowed. With one
	 * more link (k16 = k17 / x) it is 17: refused as a cycle. */
	struct catalogus c[20];
	char naam[20][8];
	size_t i;

	for (i = 0; i < 17; i++)
		snprintf(naam[i], sizeof(naam[i]), "k%zu", i + 1);
	for (i = 0; i < 15; i++)
		c[i] = (struct catalogus){ naam[i], naam[i + 1], "x" };
	c[15] = (struct catalogus){ naam[15], NULL, NULL };
	c[16] = (struct catalogus){ "x", NULL, NULL };
	assert_false(cyclus(c, 17, "a", "k1", "x"));

	c[15] = (struct catalogus){ naam[15], naam[16], "x" };
	c[17] = (struct catalogus){ naam[16], NULL, NULL };
	assert_true(cyclus(c, 18, "a", "k1", "x"));
}

static void
test_unknown_code_is_no_cycle(void **state)
{
	static const struct catalogus c[] = {
		{ "b", "onbekend", "x" },
		{ "x", NULL, NULL },
	};

	/* whether the codes exist the store reports, not this check */
	assert_false(CYCLUS(c, "a", "onbekend", "x"));
	assert_false(CYCLUS(c, "a", "b", "ook_onbekend"));
}

static void
test_only_a_verhouding_can_close_a_cycle(void **state)
{
	static const struct catalogus c[] = { { "b", "a", "a" } };
	struct indicator_regel r;
	struct opzoek o = { c, 1, 0 };

	memset(&r, 0, sizeof(r));
	r.soort = REGEL_TELLING;
	r.type = "startgesprek";
	r.tel = TEL_INWONERS;
	assert_false(indicator_verhouding_cyclus("a", &r, zoek_teller, &o));
	assert_int_equal(o.gevraagd, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_hold_the_codes_of_the_issue),
		cmocka_unit_test(test_codes_are_ascii_snake_case_and_labels_capitalised),
		cmocka_unit_test(test_label_of_a_code_and_of_nothing),
		cmocka_unit_test(test_telling_is_read_in_full),
		cmocka_unit_test(test_minimal_telling_has_no_filters),
		cmocka_unit_test(test_null_is_an_absent_key),
		cmocka_unit_test(test_getal_and_ja_nee_filters_are_written_as_kenmerken),
		cmocka_unit_test(test_stand_is_read),
		cmocka_unit_test(test_duur_is_read),
		cmocka_unit_test(test_verhouding_is_read),
		cmocka_unit_test(test_rule_must_be_an_object_with_a_known_soort),
		cmocka_unit_test(test_null_rule_is_refused),
		cmocka_unit_test(test_unknown_keys_are_errors),
		cmocka_unit_test(test_only_a_telling_filters_or_splits),
		cmocka_unit_test(test_telling_needs_what_it_counts),
		cmocka_unit_test(test_unknown_event_type_is_refused),
		cmocka_unit_test(test_correctie_is_not_countable),
		cmocka_unit_test(test_fields_of_an_unknown_type_are_not_judged),
		cmocka_unit_test(test_filter_on_unknown_field_is_refused),
		cmocka_unit_test(test_filter_value_must_be_one_of_the_fields),
		cmocka_unit_test(test_filter_on_text_date_or_wijkteam_field_is_refused),
		cmocka_unit_test(test_at_most_four_filters),
		cmocka_unit_test(test_traject_filters_are_checked),
		cmocka_unit_test(test_uitsplitsing_must_be_a_list_of_fields),
		cmocka_unit_test(test_uitsplitsing_on_text_date_or_wijkteam_field_is_refused),
		cmocka_unit_test(test_duplicate_uitsplitsing_is_refused),
		cmocka_unit_test(test_uitsplitsingen_sharing_a_code_collide),
		cmocka_unit_test(test_no_two_splitsable_fields_of_a_type_collide),
		cmocka_unit_test(test_stand_needs_a_known_toestand),
		cmocka_unit_test(test_duur_needs_two_types_and_a_statistiek),
		cmocka_unit_test(test_verhouding_needs_two_codes_and_procent),
		cmocka_unit_test(test_categories_of_each_kind_of_field),
		cmocka_unit_test(test_ketenstatus_categories_are_the_partij_codes),
		cmocka_unit_test(test_getal_without_waarden_has_no_categories),
		cmocka_unit_test(test_every_splitsable_field_of_the_table_has_categories),
		cmocka_unit_test(test_kenmerken_hold_the_shareable_fields_in_table_order),
		cmocka_unit_test(test_kenmerken_skip_values_not_of_the_table),
		cmocka_unit_test(test_kenmerken_that_do_not_fit_give_minus_one),
		cmocka_unit_test(test_kenmerk_reads_one_field),
		cmocka_unit_test(test_filter_and_kenmerken_round_trip),
		cmocka_unit_test(test_cycle_a_b_a),
		cmocka_unit_test(test_cycle_a_b_c_a),
		cmocka_unit_test(test_no_cycle_over_shared_noemers),
		cmocka_unit_test(test_an_existing_cycle_elsewhere_is_refused),
		cmocka_unit_test(test_depth_limit_is_sixteen_steps),
		cmocka_unit_test(test_unknown_code_is_no_cycle),
		cmocka_unit_test(test_only_a_verhouding_can_close_a_cycle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
