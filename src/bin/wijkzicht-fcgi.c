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

#include "server/supervisor.h"

int
main(int argc, char *argv[])
{
	const char *conf = getenv("WIJKZICHT_CONFIG");
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
	return supervisor_run(conf);
}
