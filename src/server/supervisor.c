/*
 * supervisor.c — keeps the worker pool full; see supervisor.h.
 *
 * All signals are blocked in the supervisor and taken synchronously with
 * sigtimedwait(), so its state (the slot table) is only ever touched from
 * one straight-line loop, never from a signal handler. Workers unblock
 * them again right after fork.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <poll.h>

#include <fcgiapp.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "core/log.h"
#include "server/app.h"
#include "server/supervisor.h"
#include "server/worker.h"

#define MAX_WORKERS	256
#define LISTEN_BACKLOG	1024
#define READY_TIMEOUT_MS 10000
#define DRAIN_TIMEOUT_S	30

struct slot {
	pid_t  pid;         /* 0 when empty (waiting for a restart) */
	double started;     /* monotonic seconds */
	double restart_at;  /* when an empty slot may start again */
	double backoff;     /* seconds; grows while the worker keeps dying */
};

/* The program's route table, for every app loaded (start and SIGHUP). */
static struct {
	const struct route *routes;
	size_t              n;
} table;

static struct slot slots[MAX_WORKERS];
static int         nslots;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Forks a worker serving with app. With wait_ready, returns only once the
 * worker said it is ready (or READY_TIMEOUT_MS passed). Returns its pid, or
 * -1.
 */
static pid_t
spawn(const struct app *app, int listen_fd, int wait_ready)
{
	sigset_t none;
	struct pollfd pfd;
	int ready[2] = { -1, -1 };
	char c;
	pid_t pid;
	int rc;

	if (wait_ready && pipe2(ready, O_CLOEXEC) != 0) {
		log_error("supervisor", "pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		log_error("supervisor", "fork: %s", strerror(errno));
		if (wait_ready) {
			close(ready[0]);
			close(ready[1]);
		}
		return -1;
	}
	if (pid == 0) {
		if (wait_ready)
			close(ready[0]);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		rc = worker_run(app, listen_fd, ready[1]);
#ifdef __SANITIZE_ADDRESS__
		/* _exit skips LeakSanitizer's atexit check; run it here so the
		 * sanitizer build checks workers too. */
		__lsan_do_leak_check();
#endif
		_exit(rc);
	}
	if (!wait_ready)
		return pid;
	close(ready[1]);
	pfd.fd = ready[0];
	pfd.events = POLLIN;
	if (poll(&pfd, 1, READY_TIMEOUT_MS) != 1 || read(ready[0], &c, 1) != 1)
		log_warn("supervisor", "worker %ld did not report ready", (long)pid);
	close(ready[0]);
	return pid;
}

static void
slot_start(int i, const struct app *app, int listen_fd, int wait_ready)
{
	pid_t pid = spawn(app, listen_fd, wait_ready);
	double t = now();

	if (pid < 0) {
		slots[i].pid = 0;
		slots[i].restart_at = t + 1.0;
		return;
	}
	slots[i].pid = pid;
	slots[i].started = t;
}

/* Reaps every exited child; empties the slots of workers that died. */
static void
reap(void)
{
	int status, i;
	pid_t pid;
	double t = now();

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < nslots && slots[i].pid != pid; i++)
			;
		if (i == nslots)
			continue;            /* a replaced worker finished draining */
		slots[i].pid = 0;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			/* Recycled after max_requests: replace at once. */
			slots[i].backoff = 0;
			slots[i].restart_at = t;
			continue;
		}
		if (WIFSIGNALED(status))
			log_warn("supervisor", "worker %ld killed by signal %d",
			    (long)pid, WTERMSIG(status));
		else
			log_warn("supervisor", "worker %ld exited with %d",
			    (long)pid, WEXITSTATUS(status));
		/* Dying right after start means something is wrong (config,
		 * database user): back off instead of forking in a tight loop. */
		if (t - slots[i].started < 1.0)
			slots[i].backoff = slots[i].backoff == 0 ? 0.1 :
			    (slots[i].backoff * 2 > 5.0 ? 5.0 : slots[i].backoff * 2);
		else
			slots[i].backoff = 0;
		slots[i].restart_at = t + slots[i].backoff;
	}
}

static void
refill(const struct app *app, int listen_fd)
{
	double t = now();
	int i;

	for (i = 0; i < nslots; i++)
		if (slots[i].pid == 0 && slots[i].restart_at <= t)
			slot_start(i, app, listen_fd, 0);
}

/* SIGHUP: a new app, then one new worker ready before each old one goes. */
static void
reload(struct app **app, const char *config_path, int listen_fd)
{
	struct app *fresh;
	char err[512];
	int i, n;
	pid_t old;

	if ((fresh = calloc(1, sizeof(*fresh))) == NULL)
		return;
	if (app_load(fresh, config_path, table.routes, table.n, err, sizeof(err)) != 0) {
		log_error("supervisor", "reload refused, old workers keep serving: %s",
		    err);
		free(fresh);
		return;
	}
	n = config_workers(&fresh->cfg);
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
	for (i = 0; i < n || i < nslots; i++) {
		old = i < nslots ? slots[i].pid : 0;
		if (i < n) {
			slot_start(i, fresh, listen_fd, 1);
			slots[i].backoff = 0;
		}
		if (old > 0)
			kill(old, SIGTERM);
		if (i >= n)
			slots[i].pid = 0;
	}
	nslots = n;
	app_free(*app);
	free(*app);
	*app = fresh;
	log_info("supervisor", "reloaded: %d workers", nslots);
}

/* SIGTERM: every worker drains; wait for all children, then KILL. */
static void
shutdown_pool(void)
{
	double deadline = now() + DRAIN_TIMEOUT_S;
	int i;

	for (i = 0; i < nslots; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	while (now() < deadline) {
		if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			return;
		usleep(20000);
	}
	log_warn("supervisor", "workers did not drain in %d s; killing",
	    DRAIN_TIMEOUT_S);
	for (i = 0; i < nslots; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGKILL);
}

static int
write_pid_file(const char *path)
{
	FILE *fp;

	if (path[0] == '\0')
		return 0;
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	fprintf(fp, "%ld\n", (long)getpid());
	return fclose(fp);
}

/* Binds the socket, replacing a stale socket file left by a crash. */
static int
open_socket(const struct config *cfg)
{
	struct stat sb;
	int fd, flags;

	if (lstat(cfg->listen_socket, &sb) == 0 && S_ISSOCK(sb.st_mode))
		unlink(cfg->listen_socket);
	if ((fd = FCGX_OpenSocket(cfg->listen_socket, LISTEN_BACKLOG)) < 0)
		return -1;
	if (chmod(cfg->listen_socket, (mode_t)cfg->socket_mode) != 0)
		log_warn("supervisor", "chmod %s: %s", cfg->listen_socket,
		    strerror(errno));
	/* Non-blocking: every idle worker polls it, one wins accept(), the
	 * others get EAGAIN and go back to poll — no lock around accept. */
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0)
		return -1;
	return fd;
}

int
supervisor_run(const char *config_path, const struct route *routes,
    size_t nroutes)
{
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	struct app *app;
	char err[512];
	sigset_t set;
	int listen_fd, i, sig, hup = 0;

	table.routes = routes;
	table.n = nroutes;
	if ((app = calloc(1, sizeof(*app))) == NULL)
		return 1;
	if (app_load(app, config_path, table.routes, table.n, err, sizeof(err)) != 0) {
		fprintf(stderr, "wijkzicht-fcgi: %s\n", err);
		free(app);
		return 1;
	}
	if (log_open(app->cfg.log_file) != 0) {
		fprintf(stderr, "wijkzicht-fcgi: cannot open log file %s\n",
		    app->cfg.log_file);
		return 1;
	}
	log_set_role("supervisor");

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if ((listen_fd = open_socket(&app->cfg)) < 0) {
		log_error("supervisor", "cannot listen on %s: %s",
		    app->cfg.listen_socket, strerror(errno));
		fprintf(stderr, "wijkzicht-fcgi: cannot listen on %s\n",
		    app->cfg.listen_socket);
		return 1;
	}
	if (write_pid_file(app->cfg.pid_file) != 0)
		log_warn("supervisor", "cannot write %s", app->cfg.pid_file);

	nslots = config_workers(&app->cfg);
	if (nslots > MAX_WORKERS)
		nslots = MAX_WORKERS;
	for (i = 0; i < nslots; i++)
		slot_start(i, app, listen_fd, 0);
	log_info("supervisor", "listening on %s with %d workers",
	    app->cfg.listen_socket, nslots);

	for (;;) {
		sig = sigtimedwait(&set, NULL, &tick);
		if (sig == SIGTERM || sig == SIGINT)
			break;
		if (sig == SIGHUP)
			hup = 1;
		reap();
		if (hup) {
			hup = 0;
			log_info("supervisor", "SIGHUP: replacing workers");
			reload(&app, config_path, listen_fd);
			reap();
		}
		refill(app, listen_fd);
	}
	log_info("supervisor", "stopping: draining workers");
	shutdown_pool();
	close(listen_fd);
	unlink(app->cfg.listen_socket);
	if (app->cfg.pid_file[0] != '\0')
		unlink(app->cfg.pid_file);
	app_free(app);
	free(app);
	log_info("supervisor", "stopped");
	return 0;
}
