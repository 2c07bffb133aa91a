/*
 * test_momentopname.c — the snapshot of a rapportage value
 * (ops/rapportage_momentopname.c) reads back exactly what was written, and
 * anything it did not write is refused rather than read as zero.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "ops/rapportage_momentopname.h"

static struct arena ar;

static int
opzet(void **state)
{
	(void)state;
	return arena_init(&ar, 64 * 1024, 1024 * 1024);
}

static int
afbraak(void **state)
{
	(void)state;
	arena_free(&ar);
	return 0;
}

/* A computed count of 17 in tenths (schaal 10: 1.7) with two categories,
 * one withheld; a previous value of 12; a year target of 40 (hoger_beter,
 * tolerance 5 %) shown per half-year; a ketenpartner value. */
static void
test_heen_en_terug(void **state)
{
	struct cijfers_deel d[2] = { { "overbrugbaar", 12, 0 },
	    { "onoverbrugbaar", 3, 1 } };
	struct momentopname m, t;
	char *json;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.berekend = 1;
	m.item.schaal = 10;
	m.item.heeft = 1;
	m.item.waarde = 17;
	m.item.weg = 0;
	m.item.deel = d;
	m.item.ndeel = 2;
	m.item.vorige_heeft = 1;
	m.item.vorige = 12;
	m.item.vorige_weg = 1;
	m.heeft_sw = 1;
	m.sw.id = 9;
	m.sw.periode.soort = PERIODE_JAAR;
	m.sw.periode.jaar = 2024;
	m.sw.periode.deel = 1;
	m.sw.organisatie_id = 3;
	m.sw.richting = SW_HOGER_BETER;
	m.sw.waarde = 400000;
	m.sw.heeft_tolerantie = 1;
	m.sw.tolerantie = 50000;
	m.sw.tolerantie_soort = SW_PROCENT;
	m.deler = 2;
	m.tv_heeft = 1;
	m.tv = 110000;
	m.ketenpartner = 1;
	m.kp_heeft = 1;
	m.kp_waarde = "12.5000";
	m.kp_reden = NULL;
	assert_non_null(json = momentopname_schrijf(&ar, &m));
	assert_int_equal(momentopname_lees(&ar, json, &t), 0);
	assert_true(t.berekend);
	assert_int_equal(t.item.schaal, 10);
	assert_int_equal(t.item.waarde, 17);
	assert_int_equal(t.item.ndeel, 2);
	assert_string_equal(t.item.deel[1].code, "onoverbrugbaar");
	assert_int_equal(t.item.deel[1].waarde, 3);
	assert_true(t.item.deel[1].weg);
	assert_false(t.item.deel[0].weg);
	assert_int_equal(t.item.vorige, 12);
	assert_true(t.item.vorige_weg);
	assert_true(t.heeft_sw);
	assert_int_equal(t.sw.id, 9);
	assert_int_equal(t.sw.periode.soort, PERIODE_JAAR);
	assert_int_equal(t.sw.periode.jaar, 2024);
	assert_int_equal(t.sw.richting, SW_HOGER_BETER);
	assert_int_equal(t.sw.waarde, 400000);
	assert_int_equal(t.sw.tolerantie, 50000);
	assert_int_equal(t.sw.tolerantie_soort, SW_PROCENT);
	assert_int_equal(t.deler, 2);
	assert_true(t.tv_heeft);
	assert_int_equal(t.tv, 110000);
	assert_true(t.ketenpartner);
	assert_string_equal(t.kp_waarde, "12.5000");
	assert_null(t.kp_reden);
}

/* A typed value without a target: only what there is. */
static void
test_leeg(void **state)
{
	struct momentopname m, t;
	char *json;

	(void)state;
	memset(&m, 0, sizeof(m));
	assert_non_null(json = momentopname_schrijf(&ar, &m));
	assert_string_equal(json, "{}");
	assert_int_equal(momentopname_lees(&ar, json, &t), 0);
	assert_false(t.berekend);
	assert_false(t.heeft_sw);
	assert_false(t.ketenpartner);
	assert_false(t.tv_heeft);
}

static void
test_vreemd_geweigerd(void **state)
{
	static const char *const slecht[] = {
		NULL, "", "[]", "{\"b\":1}", "{\"b\":{\"s\":10}}",
		"{\"sw\":{\"id\":1}}",
		"{\"sw\":{\"id\":1,\"p\":\"2024-H9\",\"o\":0,\"wk\":0,\"r\":1,\"w\":1,"
		"\"lo\":0,\"hi\":0,\"ht\":0,\"t\":0,\"ts\":1,\"d\":1}}",
		"{\"sw\":{\"id\":1,\"p\":\"2024\",\"o\":0,\"wk\":0,\"r\":7,\"w\":1,"
		"\"lo\":0,\"hi\":0,\"ht\":0,\"t\":0,\"ts\":1,\"d\":1}}",
		"{\"kp\":{\"h\":1}}", "{\"tv\":\"12\"}",
	};
	struct momentopname t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++)
		assert_int_equal(momentopname_lees(&ar, slecht[i], &t), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heen_en_terug),
		cmocka_unit_test(test_leeg),
		cmocka_unit_test(test_vreemd_geweigerd),
	};

	return cmocka_run_group_tests(tests, opzet, afbraak);
}
