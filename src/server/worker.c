/*
 * worker.c — the accept loop of one worker process; see worker.h.
 *
 * Life of a request: poll → FCGX_Accept_r → req_init (front gate) → read
 * body → app_dispatch → resp_write → FCGX_Finish_r → one log line → arena
 * reset. The worker owns one arena, one database connection and nothing
 * else; no state survives a request except those two.
 *
 * FastCGI keep-alive: nginx keeps connections to workers open (fastcgi_keep_conn)
 * so the next request skips connect/accept. A worker holding an idle kept
 * connection also watches the listening socket: if nginx opened a new
 * connection (all kept ones were busy), the idle one is closed and the new
 * one accepted, otherwise that new connection could wait for ever behind
 * connections nginx is not using right now.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core/arena.h"
#include "core/log.h"
#include "db/db.h"
#include "http/request.h"
#include "http/response.h"
#include "server/app.h"
#include "server/worker.h"

/* The arena: 64 KiB kept between requests; a request may use up to 8 MiB
 * (a 1 MiB body, its decoded form, and the rendered response). */
#define ARENA_BLOCK	(64 * 1024)
#define ARENA_LIMIT	(8 * 1024 * 1024)

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static const char *
fcgi_param(void *ctx, const char *name)
{
	return FCGX_GetParam(name, (FCGX_ParamArray)ctx);
}

static int
fcgi_write(void *ctx, const char *data, size_t len)
{
	FCGX_Stream *out = ctx;

	while (len > 0) {
		int chunk = len > 1 << 30 ? 1 << 30 : (int)len;
		if (FCGX_PutStr(data, chunk, out) != chunk)
			return -1;
		data += chunk;
		len -= (size_t)chunk;
	}
	return 0;
}

/* Reads exactly r->content_length bytes of body into the arena. */
static int
read_body(struct req *r, FCGX_Stream *in)
{
	char *body;
	size_t got = 0;
	int n;

	if (r->content_length == 0)
		return 0;
	if ((body = arena_alloc(r->arena, r->content_length + 1)) == NULL)
		return -1;
	while (got < r->content_length) {
		n = FCGX_GetStr(body + got, (int)(r->content_length - got), in);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	body[got] = '\0';
	r->body = body;
	return 0;
}

static long
elapsed_us(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000000L +
	    (t1.tv_nsec - t0->tv_nsec) / 1000L;
}

static void
serve_one(const struct app *app, struct db *db, struct arena *arena,
    FCGX_Request *rq)
{
	char path[256], rid[64];
	struct timespec t0;
	struct req r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.app = app;
	r.tmpl = app->tmpl;
	r.db = db;
	if (req_init(&r, arena, fcgi_param, rq->envp) == 0) {
		if (read_body(&r, rq->in) != 0)
			resp_problem(&r, 400, "De inhoud van de aanvraag is onvolledig.", NULL);
		else
			app_dispatch(app, &r);
	}
	if (resp_write(&r, fcgi_write, rq->out) != 0)
		log_warn("worker", "req=%s client went away",
		    log_clean(rid, sizeof(rid), r.request_id));
	req_cleanup(&r);
	log_info("request", "req=%s pid=%ld %s %s %d us=%ld",
	    log_clean(rid, sizeof(rid), r.request_id ? r.request_id : "-"),
	    (long)getpid(), r.method ? r.method : "-",
	    log_clean(path, sizeof(path), r.path ? r.path : "-"),
	    r.res.status, elapsed_us(&t0));
}

/* Drops root for the configured user, if any. Returns 0 or -1. */
static int
drop_privileges(const struct app *app)
{
	struct passwd *pw;

	if (geteuid() != 0 || app->cfg.user[0] == '\0')
		return 0;
	if ((pw = getpwnam(app->cfg.user)) == NULL) {
		log_error("worker", "user %s does not exist", app->cfg.user);
		return -1;
	}
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 ||
	    setuid(pw->pw_uid) != 0) {
		log_error("worker", "cannot drop privileges: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Waits until there is work: a request on the kept connection, or a new
 * connection on the listening socket. Returns 1 when there is, 0 on a
 * timeout or a signal (the caller re-checks `stopping`).
 */
static int
wait_for_work(FCGX_Request *rq, int listen_fd)
{
	struct pollfd pfd[2];
	nfds_t n = 0;
	int kept = rq->ipcFd >= 0;

	if (kept) {
		pfd[n].fd = rq->ipcFd;
		pfd[n++].events = POLLIN;
	}
	pfd[n].fd = listen_fd;
	pfd[n++].events = POLLIN;
	if (poll(pfd, n, 1000) <= 0)
		return 0;
	if (kept && pfd[0].revents != 0)
		return 1;              /* the kept connection has a request (or EOF) */
	if (pfd[n - 1].revents & POLLIN) {
		if (kept)              /* release the idle connection: see top */
			FCGX_Free(rq, 1);
		return 1;
	}
	return 0;
}

int
worker_run(const struct app *app, int listen_fd, int ready_fd)
{
	struct sigaction sa;
	struct arena arena;
	FCGX_Request rq;
	struct db db;
	long served = 0;
	int rc;

	log_set_role("worker");
	memset(&sa, 0, sizeof(sa));
	/* SA_RESTART keeps a signal from failing a read or write in the middle
	 * of a request; poll() is never restarted, so an idle worker still
	 * wakes at once and sees `stopping`. */
	sa.sa_handler = on_term;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (FCGX_Init() != 0 || FCGX_InitRequest(&rq, listen_fd, 0) != 0 ||
	    arena_init(&arena, ARENA_BLOCK, ARENA_LIMIT) != 0) {
		log_error("worker", "cannot initialise");
		return 1;
	}
	db_init(&db, &app->cfg, 0);
	if (db_connect(&db) != 0)   /* not fatal: requests that need it get 503 */
		log_warn("worker", "database not reachable yet: %s", db.error);
	if (drop_privileges(app) != 0)
		return 1;
	if (ready_fd >= 0) {
		if (write(ready_fd, "r", 1) != 1)
			log_warn("worker", "cannot report ready");
		close(ready_fd);
	}

	while (!stopping &&
	    (app->cfg.max_requests == 0 || served < app->cfg.max_requests)) {
		if (!wait_for_work(&rq, listen_fd))
			continue;
		rc = FCGX_Accept_r(&rq);
		if (rc < 0) {
			/* Another worker took the connection (EAGAIN), or nginx
			 * closed a kept one: both normal. Anything else is logged. */
			if (rc != -EAGAIN && rc != -EWOULDBLOCK && rc != -EINTR &&
			    rc != -9999)
				log_warn("worker", "accept: %s", strerror(-rc));
			continue;
		}
		serve_one(app, &db, &arena, &rq);
		served++;
		/* Leaving: do not keep the connection nginx would reuse. */
		if (stopping || (app->cfg.max_requests > 0 &&
		    served >= app->cfg.max_requests))
			rq.keepConnection = 0;
		FCGX_Finish_r(&rq);
		arena_reset(&arena);
	}
	if (rq.ipcFd >= 0)
		FCGX_Free(&rq, 1);
	db_close(&db);
	arena_free(&arena);
	log_info("worker", "stopped after %ld requests", served);
	return 0;
}
