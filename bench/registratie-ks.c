/*
 * registratie-ks.c — recomputes the ketenstatus projection of inwoners
 * with the application's own code (store_ketenstatus_bijwerken, which
 * runs domain/ketenstatus.c over the inwoner's events), for
 * bench/registratie-gen. Built by that script against the build's
 * libwz.a.
 *
 * Usage: registratie-ks CONFIG < ids     (one inwoner id per line)
 * As the application user of CONFIG; 500 inwoners per transaction.
 * Prints the number of inwoners done. Exit 0, or 1 on any error.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/conf.h"
#include "db/db.h"
#include "db/exec.h"
#include "store/registratie.h"
#include "store/statements.h"

int
main(int argc, char *argv[])
{
	struct config cfg;
	struct arena arena;
	struct db db;
	char err[512];
	long long id;
	long n = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: registratie-ks CONFIG < ids\n");
		return 2;
	}
	if (config_load(&cfg, argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "registratie-ks: %s\n", err);
		return 1;
	}
	if (arena_init(&arena, 1024 * 1024, 64 * 1024 * 1024) != 0)
		return 1;
	db_init(&db, &cfg, 0, &store_statements);
	if (db_connect(&db) != 0 || db_begin(&db) != 0)
		goto fail;
	while (scanf("%lld", &id) == 1) {
		if (store_ketenstatus_bijwerken(&db, &arena, (int64_t)id, 0) != DB_OK)
			goto fail;
		arena_reset(&arena);
		if (++n % 500 == 0 && (db_commit(&db) != 0 || db_begin(&db) != 0))
			goto fail;
	}
	if (db_commit(&db) != 0)
		goto fail;
	printf("%ld\n", n);
	db_close(&db);
	arena_free(&arena);
	return 0;
fail:
	fprintf(stderr, "registratie-ks: inwoner %lld: %s\n", id, db.error);
	db_close(&db);
	return 1;
}
