/*
 * test_router.c — route matching, typed parameters, 404 versus 405.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/router.h"

static void h(struct req *r) { (void)r; }

static const struct route table[] = {
	{ "GET",    "/",                               h, ACCESS_PUBLIC, ROUTE_HTML, NULL },
	{ "GET",    "/api/v1/organisaties",            h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "POST",   "/api/v1/organisaties",            h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "GET",    "/api/v1/organisaties/nieuw",      h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "GET",    "/api/v1/organisaties/{id:int}",   h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "PUT",    "/api/v1/organisaties/{id:int}",   h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "GET",    "/api/v1/inwoners/{id:int}/trajecten/{tid:int}", h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "GET",    "/periodes/{p:slug}",              h, ACCESS_PUBLIC, ROUTE_HTML, NULL },
	{ "GET",    "/wachtwoord-instellen/{token:token}", h, ACCESS_PUBLIC, ROUTE_HTML, NULL },
	{ "POST",   "/wachtwoord-instellen/{token:token}", h, ACCESS_PUBLIC, ROUTE_HTML, NULL },
	{ "GET",    "/api/v1/periodes/{code:periode}", h, ACCESS_PUBLIC, ROUTE_JSON, NULL },
};
#define N (sizeof(table) / sizeof(table[0]))

static void
test_root_matches_only_root(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/", &m), ROUTER_OK);
	assert_ptr_equal(m.route, &table[0]);
	assert_int_equal(router_match(table, N, "GET", "//", &m), ROUTER_NOT_FOUND);
}

static void
test_literal_route_before_parameter(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/api/v1/organisaties/nieuw", &m),
	    ROUTER_OK);
	assert_ptr_equal(m.route, &table[3]);
	assert_int_equal(m.nparams, 0);
}

static void
test_int_parameter_is_parsed(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/api/v1/organisaties/42", &m),
	    ROUTER_OK);
	assert_ptr_equal(m.route, &table[4]);
	assert_int_equal(route_param_int(&m, "id"), 42);
	assert_int_equal(route_param_int(&m, "other"), -1);
}

static void
test_two_parameters(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET",
	    "/api/v1/inwoners/7/trajecten/9007199254740991", &m), ROUTER_OK);
	assert_int_equal(route_param_int(&m, "id"), 7);
	assert_int_equal(route_param_int(&m, "tid"), 9007199254740991LL);
}

static void
test_int_parameter_rejects_bad_values(void **state)
{
	static const char *const bad[] = {
		"/api/v1/organisaties/0", "/api/v1/organisaties/012",
		"/api/v1/organisaties/-1", "/api/v1/organisaties/1a",
		"/api/v1/organisaties/9007199254740992",
		"/api/v1/organisaties/99999999999999999999",
		"/api/v1/organisaties/", "/api/v1/organisaties/1/",
	};
	struct route_match m;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(router_match(table, N, "GET", bad[i], &m),
		    ROUTER_NOT_FOUND);
}

static void
test_slug_parameter(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/periodes/2024-h1", &m),
	    ROUTER_OK);
	assert_int_equal(m.params[0].slen, 7);
	assert_memory_equal(m.params[0].sval, "2024-h1", 7);
	assert_int_equal(router_match(table, N, "GET", "/periodes/2024 H1", &m),
	    ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET", "/periodes/<x>", &m),
	    ROUTER_NOT_FOUND);
}

/* A periode parameter is exactly a code domain/periode.h reads: an
 * impossible half-year or a lower-case spelling is no such path. */
static void
test_periode_parameter(void **state)
{
	static const char *goed[] = { "2024", "2024-H1", "2024-H2", "2024-Q4" };
	static const char *fout[] = { "2024-H3", "2024-h1", "2024-Q0", "24-H1",
	    "2024-H1x", "2024-" };
	struct route_match m;
	size_t i, len;
	const char *v;
	char pad[64];

	(void)state;
	for (i = 0; i < sizeof(goed) / sizeof(goed[0]); i++) {
		snprintf(pad, sizeof(pad), "/api/v1/periodes/%s", goed[i]);
		assert_int_equal(router_match(table, N, "GET", pad, &m), ROUTER_OK);
		v = route_param_str(&m, "code", &len);
		assert_non_null(v);
		assert_int_equal(len, strlen(goed[i]));
		assert_memory_equal(v, goed[i], len);
	}
	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++) {
		snprintf(pad, sizeof(pad), "/api/v1/periodes/%s", fout[i]);
		assert_int_equal(router_match(table, N, "GET", pad, &m),
		    ROUTER_NOT_FOUND);
	}
}

static void
test_trailing_slash_is_not_found(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/api/v1/organisaties/", &m),
	    ROUTER_NOT_FOUND);
}

static void
test_wrong_method_lists_allowed(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "DELETE", "/api/v1/organisaties/5", &m),
	    ROUTER_BAD_METHOD);
	assert_string_equal(m.allow, "GET, HEAD, PUT");
	assert_int_equal(router_match(table, N, "DELETE", "/api/v1/organisaties", &m),
	    ROUTER_BAD_METHOD);
	assert_string_equal(m.allow, "GET, HEAD, POST");
}

static void
test_head_falls_back_to_get(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "HEAD", "/api/v1/organisaties/5", &m),
	    ROUTER_OK);
	assert_ptr_equal(m.route, &table[4]);
}

static void
test_unknown_path_is_not_found(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "GET", "/bestaat-niet", &m),
	    ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET", "", &m), ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET", "/api//v1", &m),
	    ROUTER_NOT_FOUND);
}

static void
test_check_accepts_valid_table(void **state)
{
	char err[128];

	assert_int_equal(router_check(table, N, err, sizeof(err)), 0);
}

static void
test_check_rejects_bad_patterns(void **state)
{
	static const struct route bad[][1] = {
		{ { "GET", "/x/", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "x", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "/x/{id}", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "/x/{id:float}", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "/x//y", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "/x/a{id:int}", h, ACCESS_PUBLIC, 0, NULL } },
		{ { "GET", "/x", NULL, ACCESS_PUBLIC, 0, NULL } },
	};
	char err[128];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(router_check(bad[i], 1, err, sizeof(err)), -1);
}

static void
test_check_rejects_duplicate_route(void **state)
{
	static const struct route dup[] = {
		{ "GET", "/x", h, ACCESS_PUBLIC, 0, NULL },
		{ "GET", "/x", h, ACCESS_PUBLIC, 0, NULL },
	};
	char err[128];

	assert_int_equal(router_check(dup, 2, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/x"));
}

/* 43 base64url characters, every kind of character among them. */
#define TOK	"Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm12345678"

static void
test_token_parameter_matches_43_base64url_chars(void **state)
{
	struct route_match m;
	const char *v;
	size_t len;

	assert_int_equal(strlen(TOK), 43);
	assert_int_equal(router_match(table, N, "GET", "/wachtwoord-instellen/" TOK,
	    &m), ROUTER_OK);
	assert_ptr_equal(m.route, &table[8]);
	assert_int_equal(m.params[0].type, PARAM_TOKEN);
	v = route_param_str(&m, "token", &len);
	assert_non_null(v);
	assert_int_equal(len, 43);
	assert_memory_equal(v, TOK, 43);
	assert_int_equal(route_param_int(&m, "token"), -1);
	assert_int_equal(router_match(table, N, "POST", "/wachtwoord-instellen/" TOK,
	    &m), ROUTER_OK);
	assert_ptr_equal(m.route, &table[9]);
}

static void
test_token_parameter_rejects_wrong_length(void **state)
{
	struct route_match m;

	/* 42 and 44 characters, and none. */
	assert_int_equal(router_match(table, N, "GET",
	    "/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm1234567", &m),
	    ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET",
	    "/wachtwoord-instellen/" TOK "9", &m), ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET", "/wachtwoord-instellen/", &m),
	    ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET", "/wachtwoord-instellen", &m),
	    ROUTER_NOT_FOUND);
	assert_int_equal(router_match(table, N, "GET",
	    "/wachtwoord-instellen/" TOK "/x", &m), ROUTER_NOT_FOUND);
}

static void
test_token_parameter_rejects_non_base64url_chars(void **state)
{
	static const char *const bad[] = {
		/* '+' and '/' are base64 but not base64url; '=' is padding. */
		"/wachtwoord-instellen/Ab9+_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm12345678",
		"/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm1234567=",
		"/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm1234567.",
		"/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm 2345678",
		"/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm123456\xc3\xa9",
		"/wachtwoord-instellen/Ab9-_zZ0aQwErTyUiOpAsDfGhJkLzXcVbNm12345%41",
	};
	struct route_match m;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(router_match(table, N, "GET", bad[i], &m),
		    ROUTER_NOT_FOUND);
}

static void
test_token_route_wrong_method_lists_allowed(void **state)
{
	struct route_match m;

	assert_int_equal(router_match(table, N, "PUT", "/wachtwoord-instellen/" TOK,
	    &m), ROUTER_BAD_METHOD);
	assert_string_equal(m.allow, "GET, HEAD, POST");
}

static void
test_log_path_hides_token(void **state)
{
	struct route_match m;
	const char *p = "/wachtwoord-instellen/" TOK;

	assert_int_equal(router_match(table, N, "GET", p, &m), ROUTER_OK);
	assert_string_equal(router_log_path(&m, p),
	    "/wachtwoord-instellen/{token:token}");
	assert_null(strstr(router_log_path(&m, p), TOK));
}

static void
test_log_path_keeps_other_paths(void **state)
{
	struct route_match m;
	const char *p = "/api/v1/organisaties/42", *q = "/bestaat-niet";

	assert_int_equal(router_match(table, N, "GET", p, &m), ROUTER_OK);
	assert_string_equal(router_log_path(&m, p), p);
	assert_int_equal(router_match(table, N, "GET", q, &m), ROUTER_NOT_FOUND);
	assert_string_equal(router_log_path(&m, q), q);
}

static void
test_param_str_reads_slug_not_int(void **state)
{
	struct route_match m;
	const char *v;
	size_t len;

	assert_int_equal(router_match(table, N, "GET", "/periodes/2024-h1", &m),
	    ROUTER_OK);
	v = route_param_str(&m, "p", &len);
	assert_non_null(v);
	assert_int_equal(len, 7);
	assert_memory_equal(v, "2024-h1", 7);
	assert_null(route_param_str(&m, "q", &len));
	assert_int_equal(len, 0);
	assert_int_equal(router_match(table, N, "GET", "/api/v1/organisaties/42", &m),
	    ROUTER_OK);
	assert_null(route_param_str(&m, "id", &len));
}

static void
test_check_accepts_token_and_rejects_unknown_type(void **state)
{
	static const struct route ok[] = {
		{ "GET", "/x/{t:token}", h, ACCESS_PUBLIC, 0, NULL },
	};
	static const struct route bad[] = {
		{ "GET", "/x/{t:tokens}", h, ACCESS_PUBLIC, 0, NULL },
	};
	char err[128];

	assert_int_equal(router_check(ok, 1, err, sizeof(err)), 0);
	assert_int_equal(router_check(bad, 1, err, sizeof(err)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_matches_only_root),
		cmocka_unit_test(test_literal_route_before_parameter),
		cmocka_unit_test(test_int_parameter_is_parsed),
		cmocka_unit_test(test_two_parameters),
		cmocka_unit_test(test_int_parameter_rejects_bad_values),
		cmocka_unit_test(test_slug_parameter),
		cmocka_unit_test(test_periode_parameter),
		cmocka_unit_test(test_trailing_slash_is_not_found),
		cmocka_unit_test(test_wrong_method_lists_allowed),
		cmocka_unit_test(test_head_falls_back_to_get),
		cmocka_unit_test(test_unknown_path_is_not_found),
		cmocka_unit_test(test_check_accepts_valid_table),
		cmocka_unit_test(test_check_rejects_bad_patterns),
		cmocka_unit_test(test_check_rejects_duplicate_route),
		cmocka_unit_test(test_token_parameter_matches_43_base64url_chars),
		cmocka_unit_test(test_token_parameter_rejects_wrong_length),
		cmocka_unit_test(test_token_parameter_rejects_non_base64url_chars),
		cmocka_unit_test(test_token_route_wrong_method_lists_allowed),
		cmocka_unit_test(test_log_path_hides_token),
		cmocka_unit_test(test_log_path_keeps_other_paths),
		cmocka_unit_test(test_param_str_reads_slug_not_int),
		cmocka_unit_test(test_check_accepts_token_and_rejects_unknown_type),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
