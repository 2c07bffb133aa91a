/*
 * test_negotiate.c — choosing JSON or HTML from the Accept header.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "http/negotiate.h"

#define BOTH	(MEDIA_JSON | MEDIA_HTML)

static void
test_no_accept_gives_route_preference(void **state)
{
	assert_int_equal(negotiate(NULL, BOTH, MEDIA_HTML), MEDIA_HTML);
	assert_int_equal(negotiate("", BOTH, MEDIA_JSON), MEDIA_JSON);
}

static void
test_browser_accept_gets_html(void **state)
{
	assert_int_equal(negotiate("text/html,application/xhtml+xml,"
	    "application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", BOTH,
	    MEDIA_JSON), MEDIA_HTML);
}

static void
test_json_client_gets_json(void **state)
{
	assert_int_equal(negotiate("application/json", BOTH, MEDIA_HTML), MEDIA_JSON);
	assert_int_equal(negotiate("application/*", BOTH, MEDIA_HTML), MEDIA_JSON);
}

static void
test_q_values_decide(void **state)
{
	assert_int_equal(negotiate("text/html;q=0.5, application/json;q=0.9",
	    BOTH, MEDIA_HTML), MEDIA_JSON);
	assert_int_equal(negotiate("application/json ; q=0.1, text/*", BOTH,
	    MEDIA_JSON), MEDIA_HTML);
}

static void
test_most_specific_range_wins(void **state)
{
	/* text/html is refused explicitly, although the wildcard allows it. */
	assert_int_equal(negotiate("*/*, text/html;q=0", BOTH, MEDIA_HTML),
	    MEDIA_JSON);
}

static void
test_wildcard_tie_gives_preference(void **state)
{
	assert_int_equal(negotiate("*/*", BOTH, MEDIA_HTML), MEDIA_HTML);
	assert_int_equal(negotiate("*/*", BOTH, MEDIA_JSON), MEDIA_JSON);
}

static void
test_nothing_acceptable_is_none(void **state)
{
	assert_int_equal(negotiate("image/png", BOTH, MEDIA_HTML), MEDIA_NONE);
	assert_int_equal(negotiate("text/html", MEDIA_JSON, MEDIA_JSON), MEDIA_NONE);
}

static void
test_malformed_ranges_are_ignored(void **state)
{
	assert_int_equal(negotiate(",,;q=,application/json;q=2,text/html;q=abc,"
	    "application/json;q=0.7", BOTH, MEDIA_HTML), MEDIA_JSON);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_accept_gives_route_preference),
		cmocka_unit_test(test_browser_accept_gets_html),
		cmocka_unit_test(test_json_client_gets_json),
		cmocka_unit_test(test_q_values_decide),
		cmocka_unit_test(test_most_specific_range_wins),
		cmocka_unit_test(test_wildcard_tie_gives_preference),
		cmocka_unit_test(test_nothing_acceptable_is_none),
		cmocka_unit_test(test_malformed_ranges_are_ignored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
