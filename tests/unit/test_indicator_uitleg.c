/*
 * test_indicator_uitleg.c — a rule read back as one Dutch sentence: each
 * kind, with filters and uitsplitsingen, labels from the event table, and
 * a buffer too small cut at a character boundary.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "domain/indicator_uitleg.h"

/* The rule last read: its strings point into it. */
static struct json_object *bewaar;

/* The sentence of a rule given as JSON text. */
static const char *
zin(const char *json, char *buf, size_t n)
{
	struct json_object *o = json_tokener_parse(json), *fouten;
	struct indicator_regel r;

	assert_non_null(o);
	fouten = json_object_new_array();
	assert_int_equal(indicator_regel_lees(o, &r, fouten), 0);
	json_object_put(fouten);
	indicator_regel_uitleg(&r, buf, n);
	/* The rule's strings point into o: keep it until the next call. */
	json_object_put(bewaar);
	bewaar = o;
	return buf;
}

static void
telling_met_filter_en_uitsplitsing(void **state)
{
	char b[1024];

	(void)state;
	assert_string_equal(zin("{\"soort\":\"telling\",\"tel\":\"inwoners\","
	    "\"type\":\"startgesprek\",\"filters\":{\"met_inkomensconsulent\":true},"
	    "\"uitsplitsing\":[\"uitkomst\",\"ketenstatus\"]}", b, sizeof(b)),
	    "Telt de verschillende inwoners met een gebeurtenis \u201cStartgesprek\u201d "
	    "in de periode waarbij Gevoerd met de inkomensconsulent: ja; een "
	    "gebeurtenis die door een correctie is vervallen, telt niet mee. "
	    "Uitgesplitst naar Uitkomst en naar wie de inwoner begeleidt op de "
	    "laatste dag van de periode (ketenstatus).");
	assert_string_equal(zin("{\"soort\":\"telling\",\"tel\":\"gebeurtenissen\","
	    "\"type\":\"startgesprek\",\"filters\":{\"uitkomst\":\"overbrugbaar\"}}",
	    b, sizeof(b)),
	    "Telt de gebeurtenissen met een gebeurtenis \u201cStartgesprek\u201d in "
	    "de periode waarbij Uitkomst: Overbrugbare afstand tot de "
	    "arbeidsmarkt; een gebeurtenis die door een correctie is vervallen, "
	    "telt niet mee.");
}

static void
stand_duur_verhouding(void **state)
{
	char b[1024];

	(void)state;
	assert_string_equal(zin("{\"soort\":\"stand\",\"toestand\":\"op_wachtlijst\"}",
	    b, sizeof(b)), "Telt de inwoners met de stand \u201cOp de wachtlijst "
	    "van het wijkteam\u201d op de laatste dag van de periode, zoals de "
	    "ketenstatus en de wachtlijst die tonen.");
	assert_string_equal(zin("{\"soort\":\"duur\",\"van\":\"wachtlijst_in\","
	    "\"tot\":\"wachtlijst_uit\",\"statistiek\":\"mediaan\"}", b, sizeof(b)),
	    "De mediaan van het aantal dagen van \u201cOp de wachtlijst "
	    "geplaatst\u201d tot de eerstvolgende \u201cVan de wachtlijst af\u201d "
	    "van dezelfde inwoner, geteld in de periode waarin \u201cVan de "
	    "wachtlijst af\u201d valt.");
	assert_string_equal(zin("{\"soort\":\"verhouding\",\"teller\":\"a\","
	    "\"noemer\":\"b\",\"procent\":true}", b, sizeof(b)),
	    "De waarde van indicator a gedeeld door die van indicator b, als "
	    "percentage, per wijk en voor het totaal.");
}

/* A small buffer holds a prefix that is still valid UTF-8: the curly
 * quote (3 bytes) is never cut in half. */
static void
te_klein(void **state)
{
	char b[40];
	size_t n;

	(void)state;
	zin("{\"soort\":\"stand\",\"toestand\":\"op_wachtlijst\"}", b, sizeof(b));
	n = strlen(b);
	assert_true(n < sizeof(b));
	assert_memory_equal(b, "Telt de inwoners met de stand ", 30);
	/* Ends on a whole character: the quote is all there or not at all. */
	assert_true(n == 30 || n >= 33);
	zin("{\"soort\":\"stand\",\"toestand\":\"op_wachtlijst\"}", b, 1);
	assert_string_equal(b, "");
}

static int
opruimen(void **state)
{
	(void)state;
	json_object_put(bewaar);
	bewaar = NULL;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(telling_met_filter_en_uitsplitsing),
		cmocka_unit_test(stand_duur_verhouding),
		cmocka_unit_test(te_klein),
	};

	return cmocka_run_group_tests(tests, NULL, opruimen);
}
