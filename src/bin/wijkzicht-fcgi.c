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
#include <time.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/log.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "ops/sommen.h"
#include "server/supervisor.h"
#include "server/worker.h"

/*
 * An idle worker builds the figure sums of new or changed indicators
 * (ops/sommen.h), a step at a time, giving way to the next request. A
 * failing database is reported once a minute, not every second.
 */
static void
idle_sommen(const struct config *cfg, struct db *db, struct arena *arena,
    int (*still_idle)(void *), void *arg)
{
	static time_t warned;
	struct sommen_bouw b;
	time_t now;

	if (sommen_bouwen(db, arena, 0, (size_t)cfg->cijfer_som_stap,
	    still_idle, arg, NULL, &b) != 0) {
		now = time(NULL);
		if (now - warned >= 60) {
			log_warn("sommen", "building the figure sums: %s",
			    db->error);
			warned = now;
		}
	} else if (b.klaar > 0)
		log_info("sommen", "figure sums complete for %zu indicators",
		    b.klaar);
}

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
	worker_set_idle(idle_sommen);
	return supervisor_run(conf, routes, n);
}
