/*
 * test_migrate.c — migration ordering and refusal of rewritten history.
 * Files are written into a fresh temporary directory per test.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db/migrate.h"

static char dir[64];

static int
setup(void **state)
{
	snprintf(dir, sizeof(dir), "/tmp/wz-migrate-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_scan_orders_by_number_not_name(void **state)
{
	struct migration *m;
	char err[256];
	size_t n;

	put("010_later.sql", "SELECT 10;");
	put("002_tweede.sql", "SELECT 2;");
	put("001_eerste.sql", "SELECT 1;");
	put("README.txt", "not a migration");
	assert_int_equal(migrate_scan(dir, &m, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].version, 1);
	assert_int_equal(m[1].version, 2);
	assert_int_equal(m[2].version, 10);
	assert_string_equal(m[2].name, "010_later.sql");
	free(m);
}

static void
test_scan_rejects_duplicate_number(void **state)
{
	struct migration *m;
	char err[256];
	size_t n;

	put("001_a.sql", "SELECT 1;");
	put("001_b.sql", "SELECT 2;");
	assert_int_equal(migrate_scan(dir, &m, &n, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "same number"));
	assert_null(m);
}

static void
test_scan_rejects_badly_named_file(void **state)
{
	struct migration *m;
	char err[256];
	size_t n;

	put("1_kort.sql", "SELECT 1;");
	assert_int_equal(migrate_scan(dir, &m, &n, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "1_kort.sql"));
}

static void
test_checksum_is_sha256_hex(void **state)
{
	char sum[65];

	migrate_checksum("abc", 3, sum);
	assert_string_equal(sum,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static struct migration
mig(int v, const char *text)
{
	struct migration m;

	memset(&m, 0, sizeof(m));
	m.version = v;
	snprintf(m.name, sizeof(m.name), "%03d_x.sql", v);
	migrate_checksum(text, strlen(text), m.checksum);
	return m;
}

static void
test_plan_applies_only_pending(void **state)
{
	struct migration files[3] = { mig(1, "a"), mig(2, "b"), mig(3, "c") };
	struct applied_migration applied[2];
	size_t first;
	char err[256];

	applied[0].version = 1;
	strcpy(applied[0].checksum, files[0].checksum);
	applied[1].version = 2;
	strcpy(applied[1].checksum, files[1].checksum);
	assert_int_equal(migrate_plan(files, 3, applied, 2, &first, err, sizeof(err)), 0);
	assert_int_equal(first, 2);
	assert_int_equal(migrate_plan(files, 3, NULL, 0, &first, err, sizeof(err)), 0);
	assert_int_equal(first, 0);
	assert_int_equal(migrate_plan(files, 2, applied, 2, &first, err, sizeof(err)), 0);
	assert_int_equal(first, 2);   /* nothing to do */
}

static void
test_plan_refuses_changed_applied_file(void **state)
{
	struct migration files[2] = { mig(1, "a"), mig(2, "b gewijzigd") };
	struct applied_migration applied[2];
	struct migration orig = mig(2, "b");
	size_t first;
	char err[256];

	applied[0].version = 1;
	strcpy(applied[0].checksum, files[0].checksum);
	applied[1].version = 2;
	strcpy(applied[1].checksum, orig.checksum);
	assert_int_equal(migrate_plan(files, 2, applied, 2, &first, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "002_x.sql was changed"));
}

static void
test_plan_refuses_missing_applied_file(void **state)
{
	struct migration files[1] = { mig(1, "a") };
	struct applied_migration applied[2];
	size_t first;
	char err[256];

	applied[0].version = 1;
	strcpy(applied[0].checksum, files[0].checksum);
	applied[1].version = 2;
	strcpy(applied[1].checksum, files[0].checksum);
	assert_int_equal(migrate_plan(files, 1, applied, 2, &first, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "missing"));
}

static void
test_plan_refuses_new_file_below_applied(void **state)
{
	struct migration files[3] = { mig(1, "a"), mig(2, "b"), mig(3, "c") };
	struct applied_migration applied[2];
	size_t first;
	char err[256];

	applied[0].version = 1;
	strcpy(applied[0].checksum, files[0].checksum);
	applied[1].version = 3;
	strcpy(applied[1].checksum, files[2].checksum);
	assert_int_equal(migrate_plan(files, 3, applied, 2, &first, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "002_x.sql"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scan_orders_by_number_not_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan_rejects_duplicate_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan_rejects_badly_named_file, setup, teardown),
		cmocka_unit_test(test_checksum_is_sha256_hex),
		cmocka_unit_test(test_plan_applies_only_pending),
		cmocka_unit_test(test_plan_refuses_changed_applied_file),
		cmocka_unit_test(test_plan_refuses_missing_applied_file),
		cmocka_unit_test(test_plan_refuses_new_file_below_applied),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
