/*
 * test_config.c — configuration file parsing and environment overrides.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/conf.h"

static void
test_parses_keys_comments_and_spaces(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c,
	    "# wijkzicht\n"
	    "\n"
	    "  listen_socket =  /tmp/wz.sock  \n"
	    "workers=3\n"
	    "socket_mode = 0666\n"
	    "max_requests = 100000\n"
	    "db_password = geheim met spaties\n", err, sizeof(err)), 0);
	assert_string_equal(c.listen_socket, "/tmp/wz.sock");
	assert_int_equal(c.workers, 3);
	assert_int_equal(c.socket_mode, 0666);
	assert_int_equal(c.max_requests, 100000);
	assert_string_equal(c.db_password, "geheim met spaties");
	assert_string_equal(c.db_user, "wijkzicht_app");   /* default kept */
}

static void
test_rejects_unknown_key_with_line(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "workers = 2\nwerkers = 3\n",
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "line 2"));
}

static void
test_rejects_out_of_range_number(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "workers = 1000\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "workers"));
	assert_int_equal(config_parse_text(&c, "workers = 2x\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse_text(&c, "workers = -1\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse_text(&c, "socket_mode = 0999\n", err, sizeof(err)), -1);
}

static void
test_rejects_duplicate_key(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "workers = 2\nworkers = 3\n",
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "twice"));
}

static void
test_rejects_line_without_equals(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "workers 2\n", err, sizeof(err)), -1);
}

static void
test_rejects_overlong_value(void **state)
{
	struct config c;
	char err[128], text[1200];

	config_defaults(&c);
	memset(text, 'a', sizeof(text));
	memcpy(text, "db_name = ", 10);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(config_parse_text(&c, text, err, sizeof(err)), -1);
}

static const char *
fake_env(const char *name)
{
	if (strcmp(name, "WIJKZICHT_DB_PASSWORD") == 0)
		return "uit-de-omgeving";
	if (strcmp(name, "WIJKZICHT_WORKERS") == 0)
		return "7";
	return NULL;
}

static void
test_environment_overrides_file(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "db_password = uit-bestand\nworkers = 2\n",
	    err, sizeof(err)), 0);
	assert_int_equal(config_apply_env(&c, fake_env, err, sizeof(err)), 0);
	assert_string_equal(c.db_password, "uit-de-omgeving");
	assert_int_equal(c.workers, 7);
}

static const char *
bad_env(const char *name)
{
	return strcmp(name, "WIJKZICHT_DB_TIMEOUT") == 0 ? "0" : NULL;
}

static void
test_environment_values_are_validated(void **state)
{
	struct config c;
	char err[128];

	config_defaults(&c);
	assert_int_equal(config_apply_env(&c, bad_env, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "WIJKZICHT_DB_TIMEOUT"));
}

static void
test_print_masks_secrets(void **state)
{
	struct config c;
	char err[128], out[4096];
	FILE *fp;
	size_t n;

	config_defaults(&c);
	assert_int_equal(config_parse_text(&c, "db_password = zeer-geheim\n",
	    err, sizeof(err)), 0);
	fp = fmemopen(out, sizeof(out) - 1, "w");
	assert_non_null(fp);
	config_print(&c, fp);
	n = (size_t)ftell(fp);
	fclose(fp);
	out[n] = '\0';
	assert_null(strstr(out, "zeer-geheim"));
	assert_non_null(strstr(out, "db_password = (ingesteld)"));
}

static void
test_workers_default_to_twice_cores(void **state)
{
	struct config c;

	config_defaults(&c);
	assert_true(config_workers(&c) >= 2);
	assert_int_equal(config_workers(&c) % 2, 0);
	c.workers = 5;
	assert_int_equal(config_workers(&c), 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parses_keys_comments_and_spaces),
		cmocka_unit_test(test_rejects_unknown_key_with_line),
		cmocka_unit_test(test_rejects_out_of_range_number),
		cmocka_unit_test(test_rejects_duplicate_key),
		cmocka_unit_test(test_rejects_line_without_equals),
		cmocka_unit_test(test_rejects_overlong_value),
		cmocka_unit_test(test_environment_overrides_file),
		cmocka_unit_test(test_environment_values_are_validated),
		cmocka_unit_test(test_print_masks_secrets),
		cmocka_unit_test(test_workers_default_to_twice_cores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
