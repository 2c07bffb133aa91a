/*
 * test_stmt.c — the statement catalogue (src/db/stmt.h): the letters a
 * statement's column types are declared in, and every statement of the
 * store declaring as many types as it has result columns.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <mysql.h>

#include "db/stmt.h"
#include "store/statements.h"

static void
letters(void **state)
{
	(void)state;
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_LONGLONG), 'i');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_LONG), 'i');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_TINY), 'i');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_NEWDECIMAL), 'g');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_DATE), 'd');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_DATETIME), 'm');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_TIMESTAMP), 'm');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_VAR_STRING), 't');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_STRING), 't');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_BLOB), 't');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_NULL), 'n');
	assert_int_equal(stmt_type_letter(MYSQL_TYPE_GEOMETRY), '?');
}

struct telling {
	int n, fout;
};

static void
kijk(const struct stmt_def *def, void *ctx)
{
	struct telling *t = ctx;
	size_t n = def->typen != NULL ? strlen(def->typen) : 0;

	t->n++;
	if (n != def->ncols || strspn(def->typen ? def->typen : "", "igdmtn") !=
	    n) {
		print_error("%s: %u columns, types \"%s\"\n", def->name,
		    def->ncols, def->typen ? def->typen : "(none)");
		t->fout++;
	}
}

static void
elke_statement_verklaart_zijn_kolommen(void **state)
{
	struct telling t = { 0, 0 };

	(void)state;
	stmt_catalog_each(&store_statements, kijk, &t);
	assert_true(t.n > 100);
	assert_int_equal(t.fout, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(letters),
		cmocka_unit_test(elke_statement_verklaart_zijn_kolommen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
