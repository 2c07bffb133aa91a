/*
 * worker.c — the accept loop of one worker process; see worker.h.
 *
 * Life of a request: poll → FCGX_Accept_r → req_init (front gate) → read
 * body → app_dispatch → resp_write → FCGX_Finish_r → one log line → arena
 * reset.
 *
 * Uploads are the exception to "read the body": a route flagged
 * ROUTE_BODY_UPLOAD takes up to WZ_MAX_UPLOAD bytes of multipart/form-data,
 * far more than the arena may hold. For those the worker reads only the
 * small fields before the file (into r->form, for the CSRF check), attaches
 * a streaming reader to the request (http/multipart.h) and lets the
 * handler pull the file through it; whatever the handler leaves unread is
 * drained afterwards, so nginx always sees its request consumed.
 *
 * The worker owns one arena, one database connection and nothing else; no
 * state survives a request except those two.
 *
 * One FastCGI connection per request: the worker closes the connection
 * after every response, even when nginx asks to keep it (FCGI_KEEP_CONN).
 * A libfcgi worker holding a kept connection blocks on it until nginx sends
 * the next request there, while requests on other connections wait in the
 * accept queue: with 4 workers and 32 clients p99 went from 2 ms to about
 * 1 s. Giving an idle kept connection up when others wait does not fix it:
 * nginx may be writing a request into it at that moment, which it retries
 * only for idempotent methods, so a POST could be lost. A new unix-socket
 * connection costs a few microseconds; nginx is configured to match
 * (fastcgi_keep_conn off).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core/arena.h"
#include "core/limits.h"
#include "core/log.h"
#include "core/passhash.h"
#include "core/utf8.h"
#include "db/db.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/response.h"
#include "server/app.h"
#include "server/worker.h"
#include "store/statements.h"

/* The arena: 64 KiB kept between requests; a request may use up to 8 MiB
 * (a 1 MiB body, its decoded form, and the rendered response). */
#define ARENA_BLOCK	(64 * 1024)
#define ARENA_LIMIT	(8 * 1024 * 1024)

static volatile sig_atomic_t stopping;
static pid_t my_pid;            /* read once: logged with every request */

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* The parameters req_init reads. For an upload the length is not its
 * business (it would hold it to WZ_MAX_BODY): serve_upload checks it. */
struct params {
	FCGX_ParamArray  envp;
	int              upload;
};

static const char *
fcgi_param(void *ctx, const char *name)
{
	const struct params *p = ctx;

	if (p->upload && strcmp(name, "CONTENT_LENGTH") == 0)
		return NULL;
	return FCGX_GetParam(name, p->envp);
}

/*
 * Whether the request is for a route that takes an upload. Decided on the
 * raw path before req_init: upload routes are plain ASCII literals, so a
 * path with percent-escapes is never one of them (and then gets the
 * ordinary WZ_MAX_BODY treatment).
 */
static int
is_upload(const struct app *app, FCGX_ParamArray envp)
{
	const char *m = FCGX_GetParam("REQUEST_METHOD", envp);
	const char *uri = FCGX_GetParam("REQUEST_URI", envp);
	char path[WZ_MAX_PATH + 1];
	struct route_match match;
	size_t n;

	if (m == NULL || uri == NULL)
		return 0;
	n = strcspn(uri, "?");
	if (n == 0 || n > WZ_MAX_PATH || memchr(uri, '%', n) != NULL)
		return 0;
	memcpy(path, uri, n);
	path[n] = '\0';
	return router_match(app->routes, app->nroutes, m, path, &match) ==
	    ROUTER_OK && (match.route->flags & ROUTE_BODY_UPLOAD) != 0;
}

/* The raw body of an upload, at most `left` more bytes of the stream. */
struct body_in {
	FCGX_Stream *in;
	size_t       left;
};

static long
body_read(void *ctx, char *buf, size_t n)
{
	struct body_in *b = ctx;
	int got;

	if (b->left == 0)
		return 0;
	if (n > b->left)
		n = b->left;
	if (n > INT_MAX)
		n = INT_MAX;
	got = FCGX_GetStr(buf, (int)n, b->in);
	if (got <= 0)
		return -1;          /* shorter than its Content-Length */
	b->left -= (size_t)got;
	return got;
}

/*
 * Reads the fields before the first file part into r->form and leaves u
 * at the start of that file's data (u->in_file), or at the end of a body
 * without a file. Returns 0, or the status of the problem it answered.
 */
static int
upload_fout(struct upload *u, int status, const char *tekst)
{
	u->fout = status;
	u->fout_tekst = tekst;
	return status;
}

static int
upload_begin(struct req *r, struct upload *u)
{
	struct kv *items;
	const char *d, *name = NULL;
	char *val = NULL;
	size_t len, vlen = 0, n = 0;
	enum mp_event ev;

	if ((items = arena_calloc(r->arena, MP_MAX_PARTS, sizeof(*items))) == NULL ||
	    (val = arena_alloc(r->arena, WZ_MAX_UPLOAD_FIELD + 1)) == NULL) {
		resp_problem(r, 500, NULL, NULL);
		return 500;
	}
	for (;;) {
		switch ((ev = upload_next(u, &d, &len))) {
		case MP_PART:
			if (u->mp.part.is_file) {
				u->in_file = 1;
				goto done;
			}
			if ((name = arena_strdup(r->arena, u->mp.part.name)) == NULL ||
			    (val = arena_alloc(r->arena, WZ_MAX_UPLOAD_FIELD + 1)) == NULL) {
				resp_problem(r, 500, NULL, NULL);
				return 500;
			}
			vlen = 0;
			break;
		case MP_DATA:
			if (vlen + len > WZ_MAX_UPLOAD_FIELD)
				return upload_fout(u, 413, "Een veld van het "
				    "formulier is te lang.");
			memcpy(val + vlen, d, len);
			vlen += len;
			break;
		case MP_PART_END:
			val[vlen] = '\0';
			if (!utf8_valid(val, vlen))
				return upload_fout(u, 400, "Een veld van het "
				    "formulier is geen geldige UTF-8-tekst.");
			items[n++] = (struct kv){ name, val, vlen };
			break;
		case MP_DONE:
			goto done;
		case MP_NEED_MORE:
		case MP_ERROR:
		default:
			return upload_fout(u, 400, mp_strerror(u->mp.err));
		}
	}
done:
	r->form.items = items;
	r->form.n = n;
	return 0;
}

/* An upload route: check the length and type, read the leading fields,
 * dispatch with the reader attached, drain what is left. */
static void
serve_upload(const struct app *app, struct req *r, FCGX_Request *rq)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", rq->envp);
	struct body_in in = { rq->in, 0 };
	struct upload *u;
	unsigned long long len = 0;
	char scratch[16384];
	enum mp_err e;

	for (; cl != NULL && *cl != '\0'; cl++) {
		if (*cl < '0' || *cl > '9' || len > WZ_MAX_UPLOAD) {
			resp_problem(r, *cl < '0' || *cl > '9' ? 400 : 413,
			    "Het bestand is groter dan toegestaan (64 MiB) of de "
			    "lengte van de aanvraag is ongeldig.", NULL);
			return;        /* not drained: the connection is dropped */
		}
		len = len * 10 + (unsigned long long)(*cl - '0');
	}
	if (len > WZ_MAX_UPLOAD) {
		resp_problem(r, 413, "Het bestand is groter dan toegestaan (64 MiB).",
		    NULL);
		return;
	}
	in.left = (size_t)len;
	/* A body that cannot be read is answered by the handler, after the
	 * front gate: who may not upload learns 401/403, not 415. */
	if ((u = arena_alloc(r->arena, sizeof(*u))) == NULL) {
		resp_problem(r, 500, NULL, NULL);
	} else {
		if ((e = upload_init(u, r->arena, FCGX_GetParam("CONTENT_TYPE",
		    rq->envp), body_read, &in)) != MP_OK)
			upload_fout(u, e == MP_ERR_CONTENT_TYPE ? 415 : 500,
			    mp_strerror(e));
		else if (upload_begin(r, u) == 500) {
			resp_problem(r, 500, NULL, NULL);
			goto drain;
		}
		r->upload = u;
		app_dispatch(app, r);
		r->upload = NULL;
	}
drain:
	while (in.left > 0 && body_read(&in, scratch, sizeof(scratch)) > 0)
		;
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
	struct params pa;
	struct timespec t0;
	struct req r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.seal = &app->seal;
	r.passwords = app->passwords;
	r.openapi = app->openapi;
	r.openapi_len = app->openapi_len;
	r.tmpl = app->tmpl;
	r.cfg = &app->cfg;
	r.static_versie = app->static_versie;
	r.db = db;
	pa.envp = rq->envp;
	pa.upload = is_upload(app, rq->envp);
	if (req_init(&r, arena, fcgi_param, &pa) == 0) {
		if (pa.upload)
			serve_upload(app, &r, rq);
		else if (read_body(&r, rq->in) != 0)
			resp_problem(&r, 400, "De inhoud van de aanvraag is onvolledig.", NULL);
		else
			app_dispatch(app, &r);
	}
	/* A handler must end every transaction it begins. One left open
	 * would carry this worker's next requests (their autocommitted audit
	 * rows too) until some later commit, or lose them: roll it back and
	 * answer 500 instead of what the handler built (fail closed). */
	if (db_tx_open(db)) {
		log_error("worker", "req=%s a transaction was left open: rolled back",
		    log_clean(rid, sizeof(rid), r.request_id));
		(void)db_rollback(db);
		resp_problem(&r, 500, NULL, NULL);
	}
	if (resp_write(&r, fcgi_write, rq->out) != 0)
		log_warn("worker", "req=%s client went away",
		    log_clean(rid, sizeof(rid), r.request_id));
	req_cleanup(&r);
	log_info("request", "req=%s pid=%ld %s %s %d us=%ld",
	    log_clean(rid, sizeof(rid), r.request_id ? r.request_id : "-"),
	    (long)my_pid, r.method ? r.method : "-",
	    log_clean(path, sizeof(path), r.path ?
	    router_log_path(&r.match, r.path) : "-"),
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

/* Waits (at most a second, or until a signal) for a connection; 1 when
 * the second passed without one. */
static int
wait_for_connection(int listen_fd)
{
	struct pollfd pfd = { .fd = listen_fd, .events = POLLIN };

	log_flush();               /* idle: nothing waits for the disk now */
	return poll(&pfd, 1, 1000) == 0;
}

/* Whether an idle worker may take another step of background work: not
 * once it is stopping or a connection waits. */
static int
still_idle(void *arg)
{
	struct pollfd pfd = { .fd = *(const int *)arg, .events = POLLIN };

	return !stopping && poll(&pfd, 1, 0) == 0;
}

/* The program's idle work (bin/ hands it over, so the gate names no
 * operation). */
static worker_idle_fn idle_fn;

void
worker_set_idle(worker_idle_fn fn)
{
	idle_fn = fn;
}

static void
idle_work(const struct app *app, struct db *db, struct arena *arena,
    int listen_fd)
{
	if (idle_fn == NULL)
		return;
	idle_fn(&app->cfg, db, arena, still_idle, &listen_fd);
	arena_reset(arena);
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
	log_set_buffered(1);
	my_pid = getpid();
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
	if (passhash_init() != 0)
		log_warn("worker", "cannot prepare the password timing guard");
	db_init(&db, &app->cfg, 0, &store_statements);
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
		/* The listening socket is non-blocking: under load accept()
		 * succeeds at once; when idle, or when another worker won the
		 * race, poll until there is a connection. */
		rc = FCGX_Accept_r(&rq);
		if (rc < 0) {
			if (rc != -EAGAIN && rc != -EWOULDBLOCK && rc != -EINTR &&
			    rc != -9999)
				log_warn("worker", "accept: %s", strerror(-rc));
			if (wait_for_connection(listen_fd))
				idle_work(app, &db, &arena, listen_fd);
			continue;
		}
		serve_one(app, &db, &arena, &rq);
		served++;
		rq.keepConnection = 0;        /* see the top of this file */
		FCGX_Finish_r(&rq);
		arena_reset(&arena);
	}
	db_close(&db);
	arena_free(&arena);
	log_info("worker", "stopped after %ld requests", served);
	log_flush();
	return 0;
}
