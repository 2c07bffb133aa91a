/*
 * wijkzicht — the administration tool, sharing the server's library.
 *
 * Usage: wijkzicht [-c config-file] command
 *   migrate           apply pending sql/NNN_name.sql migrations
 *   seed-demo         load the demo data of sql/demo/ (never done implicitly)
 *   check-config      read the configuration, templates and OpenAPI document
 *                     and print the effective settings (secrets masked)
 *   check-statements  prepare every SQL statement against the database
 *   routes            print the route table, "METHOD PATTERN" per line
 * Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/conf.h"
#include "db/db.h"
#include "db/migrate.h"
#include "handlers/handlers.h"
#include "server/app.h"

static int
usage(void)
{
	fprintf(stderr, "usage: wijkzicht [-c config-file] "
	    "migrate | seed-demo | check-config | check-statements | routes\n");
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
	struct app app;
	char err[512];

	if (app_load(&app, conf, err, sizeof(err)) != 0) {
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

	db_init(&db, cfg, 0);
	stmt_each(check_one, &c);
	db_close(&db);
	if (c.bad == 0)
		printf("check-statements: %d statements prepare\n", c.n);
	return c.bad != 0;
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
		return migrate_run(&cfg, stdout) == 0 ? 0 : 1;
	if (strcmp(argv[optind], "seed-demo") == 0)
		return migrate_seed_demo(&cfg, stdout) == 0 ? 0 : 1;
	if (strcmp(argv[optind], "check-statements") == 0)
		return cmd_check_statements(&cfg);
	return usage();
}
