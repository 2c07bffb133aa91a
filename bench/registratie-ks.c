/*
 * registratie-ks.c — runs the application's own projection code on
 * inwoners, for bench/registratie-gen. Built by that script against the
 * build's libwz.a.
 *
 * Usage: registratie-ks CONFIG [MODE] < ids     (one inwoner id per line)
 *
 *   ketenstatus (default)  recompute the ketenstatus projection
 *                          (store_ketenstatus_bijwerken, which runs
 *                          domain/ketenstatus.c over the inwoner's events);
 *   cijfers                rewrite the figure projections cijfer_feit and
 *                          ketenstatus_verloop (store_projectie_cijfers,
 *                          the one projection writer of sql/009), 500
 *                          inwoners per call;
 *   controle               recompute the figure projections of each
 *                          inwoner and compare them with what is stored
 *                          (store_projectie_controle, the code behind
 *                          `wijkzicht cijfers-controle`, one inwoner at a
 *                          time); writes nothing.
 *
 * As the application user of CONFIG; 500 inwoners per transaction.
 * Prints the number of inwoners done and, for controle, on a second line
 * the number whose stored rows differ and the first of them. Exit 0, or 1
 * on any error (for controle also when any inwoner differs).
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/conf.h"
#include "db/db.h"
#include "db/exec.h"
#include "store/projectie.h"
#include "store/registratie.h"
#include "store/statements.h"

#define PARTIJ	500

enum modus { KETENSTATUS, CIJFERS, CONTROLE };

int
main(int argc, char *argv[])
{
	struct config cfg;
	struct arena arena;
	struct db db;
	char err[512];
	enum modus m = KETENSTATUS;
	int64_t ids[PARTIJ], eerste = 0, laatste = 0;
	long long id = 0;
	size_t nids = 0, verschil = 0;
	long n = 0;
	int eof = 0;

	if (argc == 3 && strcmp(argv[2], "cijfers") == 0)
		m = CIJFERS;
	else if (argc == 3 && strcmp(argv[2], "controle") == 0)
		m = CONTROLE;
	else if (argc != 2 && !(argc == 3 && strcmp(argv[2], "ketenstatus") == 0)) {
		fprintf(stderr, "usage: registratie-ks CONFIG "
		    "[ketenstatus|cijfers|controle] < ids\n");
		return 2;
	}
	if (config_load(&cfg, argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "registratie-ks: %s\n", err);
		return 1;
	}
	if (arena_init(&arena, 1024 * 1024, 256 * 1024 * 1024) != 0)
		return 1;
	db_init(&db, &cfg, 0, &store_statements);
	if (db_connect(&db) != 0 || db_begin(&db) != 0)
		goto fail;
	while (!eof) {
		if (scanf("%lld", &id) != 1) {
			eof = 1;
			if (m != CIJFERS || nids == 0)
				break;
		} else if (m == CIJFERS) {
			ids[nids++] = (int64_t)id;
			if (nids < PARTIJ)
				continue;
		}
		switch (m) {
		case KETENSTATUS:
			if (store_ketenstatus_bijwerken(&db, &arena, (int64_t)id,
			    0) != DB_OK)
				goto fail;
			n++;
			break;
		case CIJFERS:
			if (store_projectie_cijfers(&db, &arena, ids, nids) !=
			    DB_OK)
				goto fail;
			n += (long)nids;
			nids = 0;
			break;
		case CONTROLE:
			/* The one inwoner with an id above id - 1: id. */
			if (store_projectie_controle(&db, &arena, (int64_t)id - 1,
			    1, 0, &verschil, &eerste, &laatste) != DB_OK)
				goto fail;
			if (laatste != (int64_t)id) {
				fprintf(stderr, "registratie-ks: no inwoner %lld\n",
				    id);
				goto fail_stil;
			}
			n++;
			break;
		}
		arena_reset(&arena);
		if (n % PARTIJ == 0 && (db_commit(&db) != 0 || db_begin(&db) != 0))
			goto fail;
	}
	if (db_commit(&db) != 0)
		goto fail;
	printf("%ld\n", n);
	if (m == CONTROLE)
		printf("%zu %lld\n", verschil, (long long)eerste);
	db_close(&db);
	arena_free(&arena);
	return m == CONTROLE && verschil > 0;
fail:
	fprintf(stderr, "registratie-ks: inwoner %lld: %s\n", id, db.error);
fail_stil:
	db_close(&db);
	return 1;
}
