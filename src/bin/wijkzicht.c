/*
 * wijkzicht — the administration tool, sharing the server's library.
 *
 * Usage: wijkzicht [-c config-file] command
 *   migrate           apply pending sql/NNN_name.sql migrations
 *   seed-demo         load the demo data of sql/demo/ and make the demo
 *                     rapportages (never done implicitly; the rapportages
 *                     are left out with WIJKZICHT_DEMO_RAPPORTAGES=0, as
 *                     the benchmarks do on their 10M-event loads)
 *   check-config      read the configuration, templates and OpenAPI document
 *                     and print the effective settings (secrets masked)
 *   check-statements  prepare every SQL statement against the database
 *   cijfers-controle  recompute the figure projections and compare them
 *   cijfers-herstel   the same, and repair what differs
 *   sommen-bouwen [STAPPEN]
 *                     build the figure sums still to be built now, or
 *                     only that many steps (idle workers do it in the
 *                     background too, unless cijfer_som_slot.achtergrond
 *                     is 0)
 *   routes            print the route table, "METHOD PATTERN" per line
 *   create-beheerder NAAM
 *                     bootstrap of a real installation: makes user NAAM (or
 *                     finds it) with the role beheerder for the gemeente,
 *                     and prints a one-time link path to set its password
 * Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/secret.h"
#include "db/db.h"
#include "db/migrate.h"
#include "handlers/handlers.h"
#include "ops/demo_rapportages.h"
#include "ops/sommen.h"
#include "server/app.h"
#include "store/audit.h"
#include "store/cijfer_som.h"
#include "store/demo.h"
#include "store/gebruiker.h"
#include "store/projectie.h"
#include "store/statements.h"

static int
usage(void)
{
	fprintf(stderr, "usage: wijkzicht [-c config-file] "
	    "migrate | seed-demo | check-config | check-statements |\n"
	    "    cijfers-controle | cijfers-herstel | sommen-bouwen [STAPPEN] |\n"
	    "    routes |\n"
	    "       create-beheerder NAAM\n");
	return 2;
}

static int
cmd_routes(void)
{
	const struct route *routes;
	size_t i, n;

	if ((routes = routes_all(&n)) == NULL)
		return 1;
	for (i = 0; i < n; i++)
		printf("%s %s\n", routes[i].method, routes[i].pattern);
	return 0;
}

static int
cmd_check_config(const char *conf)
{
	const struct route *routes;
	struct app app;
	char err[512];
	size_t n;

	if ((routes = routes_all(&n)) == NULL)
		return 1;
	if (app_load(&app, conf, routes, n, err, sizeof(err)) != 0) {
		fprintf(stderr, "check-config: %s\n", err);
		return 1;
	}
	config_print(&app.cfg, stdout);
	printf("# configuration, templates, OpenAPI document and routes: in orde\n");
	app_free(&app);
	return 0;
}

struct check {
	struct db *db;
	int        n, bad;
};

static void
check_one(const struct stmt_def *def, void *ctx)
{
	struct check *c = ctx;

	c->n++;
	if (db_stmt(c->db, def->id) == NULL) {
		fprintf(stderr, "check-statements: %s: %s\n", def->name, c->db->error);
		c->bad++;
	}
}

/* Prepares every statement as the application user: proves that the SQL,
 * the schema and the application role's privileges agree. */
static int
cmd_check_statements(const struct config *cfg)
{
	struct db db;
	struct check c = { &db, 0, 0 };

	db_init(&db, cfg, 0, &store_statements);
	stmt_each(check_one, &c);
	db_close(&db);
	if (c.bad == 0)
		printf("check-statements: %d statements prepare\n", c.n);
	return c.bad != 0;
}

/*
 * Recomputes the figure projections of every inwoner from their events
 * (store/projectie.h) and compares them with what is stored, a thousand
 * inwoners per transaction. herstel: writes the recomputation where it
 * differs. Exit 0 when everything agreed (or was repaired), 1 otherwise.
 */
static int
cmd_cijfers_controle(const struct config *cfg, int herstel)
{
	struct arena ar;
	struct db db;
	size_t verschil = 0, som_verschil = 0;
	int64_t na = 0, laatste = 0, eerste = 0;
	enum db_err rc = DB_OK;

	if (arena_init(&ar, 1024 * 1024, (size_t)8 * 1024 * 1024 * 1024) != 0)
		return 1;
	db_init(&db, cfg, 0, &store_statements);
	for (;;) {
		arena_reset(&ar);
		if (db_begin(&db) != 0) {
			rc = DB_ERR;
			break;
		}
		rc = store_projectie_controle(&db, &ar, na, PROJECTIE_MAX_INWONERS,
		    herstel, &verschil, &eerste, &laatste);
		if (rc != DB_OK || db_commit(&db) != 0) {
			db_rollback(&db);
			if (rc == DB_OK)
				rc = DB_ERR;
			break;
		}
		if (laatste == 0)
			break;
		na = laatste;
	}
	if (rc != DB_OK) {
		fprintf(stderr, "cijfers-controle: database: %s\n", db.error);
		db_close(&db);
		arena_free(&ar);
		return 1;
	}
	printf("cijfers-controle: inwoners tot en met id %lld vergeleken; %zu met "
	    "afwijkende projectie%s", (long long)na, verschil,
	    verschil > 0 ? "" : "\n");
	if (verschil > 0)
		printf(" (de eerste: inwoner %lld)%s\n", (long long)eerste,
		    herstel ? "; hersteld" : "");
	/* then the sums, recomputed from the facts just checked */
	arena_reset(&ar);
	if (db_begin(&db) != 0 || (rc = store_projectie_sommen_controle(&db, &ar,
	    herstel, &som_verschil, &eerste)) != DB_OK || db_commit(&db) != 0) {
		db_rollback(&db);
		fprintf(stderr, "cijfers-controle: database: %s\n", db.error);
		db_close(&db);
		arena_free(&ar);
		return 1;
	}
	printf("cijfers-controle: %zu indicator%s met afwijkende cijfersommen%s",
	    som_verschil, som_verschil == 1 ? "" : "en",
	    som_verschil > 0 ? "" : "\n");
	if (som_verschil > 0)
		printf(" (de eerste: indicator %lld)%s\n", (long long)eerste,
		    herstel ? "; hersteld" : "");
	db_close(&db);
	arena_free(&ar);
	return (verschil > 0 || som_verschil > 0) && !herstel;
}

/* A build from the command line: who runs it, at most how many steps. */
struct sommen_cli {
	const char  *wie;
	size_t       max;        /* 0: until nothing is left */
	size_t       gedaan;
};

static int
sommen_door(void *arg)
{
	const struct sommen_cli *s = arg;

	return s->max == 0 || s->gedaan < s->max;
}

/* Progress of a long build, on the terminal only. */
static void
sommen_voortgang(const struct sommen_bouw *b, void *arg)
{
	struct sommen_cli *s = arg;

	s->gedaan = b->stappen;
	if (b->stappen % 100 == 0 && isatty(STDERR_FILENO))
		fprintf(stderr, "%s: figure sums: %zu inwoners added\n", s->wie,
		    b->inwoners);
}

/*
 * The sums of every berekende telling or duur still to be built (new or
 * changed indicators, a catalogue loaded as SQL, an upgrade to migration
 * 013, a repair), from the stored facts, step by step; the build steps
 * of idle workers and this one take turns. max: at most that many steps
 * (0: all).
 */
static int
cmd_sommen_bouwen(const struct config *cfg, const char *wie, size_t max)
{
	struct sommen_cli s = { wie, max, 0 };
	struct sommen_bouw b;
	struct arena ar;
	struct db db;
	int rc = -1;

	if (arena_init(&ar, 1024 * 1024, (size_t)8 * 1024 * 1024 * 1024) != 0)
		return -1;
	db_init(&db, cfg, 0, &store_statements);
	if (db_begin(&db) == 0 && store_som_ontbrekend(&db) == DB_OK &&
	    db_commit(&db) == 0)
		/* a whole build in full steps (only the background builds
		 * and a counted run take cijfer_som_stap: writers wait on
		 * each step) */
		rc = sommen_bouwen(&db, &ar, 1, max > 0 ?
		    (size_t)cfg->cijfer_som_stap : 0, sommen_door, &s,
		    sommen_voortgang, &b);
	else
		db_rollback(&db);
	if (rc != 0)
		fprintf(stderr, "%s: cannot build the figure sums: %s\n", wie,
		    db.error);
	else if (b.klaar > 0)
		printf("%s: figure sums built for %zu indicators\n", wie,
		    b.klaar);
	db_close(&db);
	arena_free(&ar);
	return rc;
}

/*
 * After the migrations: a database that had events before the figures
 * existed (migration 009) gets its projections built now, once, so that
 * an upgraded installation shows its figures without anyone having to
 * know about cijfers-herstel. Any later gap is cijfers-controle's to find.
 */
static int
cmd_projecties_na_migratie(const struct config *cfg)
{
	struct arena ar;
	struct db db;
	int ja = 0;
	enum db_err rc;

	if (arena_init(&ar, 64 * 1024, 1024 * 1024) != 0)
		return -1;
	db_init(&db, cfg, 0, &store_statements);
	rc = store_projectie_ontbreekt(&db, &ar, &ja);
	db_close(&db);
	arena_free(&ar);
	if (rc != DB_OK) {
		fprintf(stderr, "migrate: cannot check the figure projections\n");
		return -1;
	}
	if (!ja)
		return cmd_sommen_bouwen(cfg, "migrate", 0);
	printf("migrate: building the figure projections from the events\n");
	return cmd_cijfers_controle(cfg, 1) == 0 &&
	    cmd_sommen_bouwen(cfg, "migrate", 0) == 0 ? 0 : -1;
}

/* An audit row for the command line: no user, no address. */
static int
cli_audit(struct db *db, const char *actie, int64_t id, const char *toelichting)
{
	struct audit_rec a;

	memset(&a, 0, sizeof(a));
	a.actie = actie;
	a.object_soort = "gebruiker";
	a.object_id = id;
	a.route = "cli create-beheerder";
	a.resultaat = "gelukt";
	a.adres = "";
	a.toelichting = toelichting;
	return store_audit_insert(db, &a) == DB_OK ? 0 : -1;
}

/*
 * create-beheerder NAAM: the first beheerder of an installation without
 * demo data (or a way back in when no beheerder can sign in). Creates the
 * user when it does not exist, enables it when it was disabled, grants it
 * beheerder for the gemeente when it lacks that, and issues a one-time
 * link (7 days; older unused links stop working), all in one transaction
 * with audit rows. The link is printed on stdout only: it is a secret.
 */
static int
cmd_create_beheerder(const struct config *cfg, const char *naam)
{
	char token[TOKEN_LEN + 1], hash[TOKEN_HASH_LEN + 1];
	struct login_account acc;
	struct gebruiker_rec g;
	const char *verloopt_op = NULL;
	struct arena arena;
	struct db db;
	int64_t id = 0, tid = 0;
	int found = 0, changed = 0, created = 0, rc = 1;
	enum db_err e;
	size_t len = strlen(naam);

	if (len < 3 || len > 64 ||
	    strspn(naam, "abcdefghijklmnopqrstuvwxyz0123456789._-") != len) {
		fprintf(stderr, "create-beheerder: een gebruikersnaam heeft 3 tot 64 "
		    "tekens: kleine letters, cijfers, punt, - of _\n");
		return 2;
	}
	if (sodium_init() < 0 || arena_init(&arena, 64 * 1024, 1024 * 1024) != 0) {
		fprintf(stderr, "create-beheerder: cannot initialise\n");
		return 1;
	}
	db_init(&db, cfg, 0, &store_statements);
	if (db_begin(&db) != 0)
		goto fail;
	if ((e = store_gebruiker_login(&db, &arena, naam, &acc, &found)) != DB_OK)
		goto fail;
	if (!found) {
		if (store_gebruiker_insert(&db, naam, naam, &id) != DB_OK ||
		    cli_audit(&db, "aanmaken", id, "zonder wachtwoord") != 0)
			goto fail;
		created = 1;
	} else {
		id = acc.id;
		if (!acc.actief) {
			if (store_gebruiker_get(&db, &arena, id, 1, &g, &found) != DB_OK ||
			    !found ||
			    store_gebruiker_update(&db, id, g.versie, g.naam, 1,
			    &changed) != DB_OK || !changed ||
			    cli_audit(&db, "wijzigen", id, "ingeschakeld") != 0)
				goto fail;
			printf("create-beheerder: %s was uitgeschakeld en is weer "
			    "ingeschakeld\n", naam);
		}
	}
	e = store_toekenning_insert(&db, id, ROL_BEHEERDER, SCOPE_GEMEENTE, 0, &tid);
	if (e == DB_OK) {
		if (store_gebruiker_bump(&db, id) != DB_OK ||
		    cli_audit(&db, "toekenning_toevoegen", id,
		    arena_printf(&arena, "toekenning %lld: beheerder, gemeente 0",
		    (long long)tid)) != 0)
			goto fail;
	} else if (e != DB_DUPLICATE) {
		goto fail;
	}
	token_new(token);
	token_hash(token, hash);
	if (store_link_issue(&db, &arena, id, hash, &verloopt_op) != DB_OK ||
	    cli_audit(&db, "wachtwoordlink_uitgeven", id,
	    "eenmalige link, 7 dagen geldig; eerdere ongebruikte links vervallen")
	    != 0 || db_commit(&db) != 0)
		goto fail;
	printf("create-beheerder: gebruiker %s (id %lld) %s, met de rol beheerder\n"
	    "Eenmalige link om het wachtwoord in te stellen (geldig tot %s UTC);\n"
	    "open hem op het adres van deze installatie:\n%s%s\n", naam,
	    (long long)id, created ? "aangemaakt" : "bestond al",
	    verloopt_op ? verloopt_op : "?", "/wachtwoord-instellen/", token);
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "create-beheerder: %s\n", db.error[0] ? db.error :
	    "database error");
	(void)db_rollback(&db);
out:
	sodium_memzero(token, sizeof(token));
	db_close(&db);
	arena_free(&arena);
	return rc;
}

/*
 * The demo rapportages (issue 12), after the rest of the demo data: made
 * through the rapportage operations (ops/demo_rapportages.h) as the
 * application's user, so their snapshots, historie and revision markers
 * are what the application itself writes.
 */
static int
cmd_demo_rapportages(const struct config *cfg)
{
	struct arena ar;
	struct db db;
	int rc;

	if (arena_init(&ar, 1024 * 1024, (size_t)1024 * 1024 * 1024) != 0)
		return 1;
	db_init(&db, cfg, 0, &store_statements);
	rc = demo_rapportages(&db, &ar, cfg->kleine_aantallen, stdout);
	db_close(&db);
	arena_free(&ar);
	return rc == 0 ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	const char *conf = getenv("WIJKZICHT_CONFIG");
	struct config cfg;
	char err[512];
	int ch;

	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind + 2 == argc && strcmp(argv[optind], "create-beheerder") == 0) {
		if (config_load(&cfg, conf, err, sizeof(err)) != 0) {
			fprintf(stderr, "wijkzicht: %s\n", err);
			return 1;
		}
		return cmd_create_beheerder(&cfg, argv[optind + 1]);
	}
	if (optind + 2 == argc && strcmp(argv[optind], "sommen-bouwen") == 0) {
		char *end;
		unsigned long long max = strtoull(argv[optind + 1], &end, 10);

		if (*end != '\0' || max == 0 || max > 1000000)
			return usage();
		if (config_load(&cfg, conf, err, sizeof(err)) != 0) {
			fprintf(stderr, "wijkzicht: %s\n", err);
			return 1;
		}
		return cmd_sommen_bouwen(&cfg, "sommen-bouwen", (size_t)max) == 0 ?
		    0 : 1;
	}
	if (optind + 1 != argc)
		return usage();
	if (strcmp(argv[optind], "routes") == 0)
		return cmd_routes();
	if (strcmp(argv[optind], "check-config") == 0)
		return cmd_check_config(conf);
	if (config_load(&cfg, conf, err, sizeof(err)) != 0) {
		fprintf(stderr, "wijkzicht: %s\n", err);
		return 1;
	}
	if (strcmp(argv[optind], "migrate") == 0)
		return migrate_run(&cfg, stdout) == 0 &&
		    cmd_projecties_na_migratie(&cfg) == 0 ? 0 : 1;
	if (strcmp(argv[optind], "seed-demo") == 0) {
		/* The benchmarks seed their 10M-event loads for the demo users
		 * and catalogue; rapportages over that load would each take
		 * minutes and are not the demo's. */
		const char *rap = getenv("WIJKZICHT_DEMO_RAPPORTAGES");

		if (demo_seed(&cfg, stdout) != 0 ||
		    cmd_sommen_bouwen(&cfg, "seed-demo", 0) != 0)
			return 1;
		if (rap != NULL && strcmp(rap, "0") == 0) {
			printf("seed-demo: demo rapportages left out "
			    "(WIJKZICHT_DEMO_RAPPORTAGES=0)\n");
			return 0;
		}
		return cmd_demo_rapportages(&cfg) == 0 ? 0 : 1;
	}
	if (strcmp(argv[optind], "check-statements") == 0)
		return cmd_check_statements(&cfg);
	if (strcmp(argv[optind], "cijfers-controle") == 0)
		return cmd_cijfers_controle(&cfg, 0);
	if (strcmp(argv[optind], "sommen-bouwen") == 0)
		return cmd_sommen_bouwen(&cfg, "sommen-bouwen", 0) == 0 ? 0 : 1;
	if (strcmp(argv[optind], "cijfers-herstel") == 0)
		return cmd_cijfers_controle(&cfg, 1) == 0 &&
		    cmd_sommen_bouwen(&cfg, "cijfers-herstel", 0) == 0 ? 0 : 1;
	return usage();
}
