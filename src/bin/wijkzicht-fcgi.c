/*
 * wijkzicht-fcgi — the FastCGI server: a supervisor and its worker pool.
 *
 * Usage: wijkzicht-fcgi [-c config-file]
 * The configuration file may also be named by WIJKZICHT_CONFIG. Runs in
 * the foreground; the run scripts detach it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "handlers/handlers.h"
#include "server/supervisor.h"

int
main(int argc, char *argv[])
{
	const char *conf = getenv("WIJKZICHT_CONFIG");
	const struct route *routes;
	size_t n;
	int ch;

	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		default:
			fprintf(stderr, "usage: wijkzicht-fcgi [-c config-file]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: wijkzicht-fcgi [-c config-file]\n");
		return 2;
	}
	if ((routes = routes_all(&n)) == NULL) {
		fprintf(stderr, "wijkzicht-fcgi: out of memory\n");
		return 1;
	}
	return supervisor_run(conf, routes, n);
}
