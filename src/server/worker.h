/*
 * worker.h — one pre-forked worker: the FastCGI accept loop.
 */
#ifndef WZ_WORKER_H
#define WZ_WORKER_H

struct app;
struct arena;
struct config;
struct db;

/*
 * Work an idle worker does between requests, after a second without one:
 * in steps, asking still_idle(arg) before each (0 once a connection
 * waits or the worker stops). db is the worker's connection, arena its
 * request arena (reset afterwards).
 */
typedef void (*worker_idle_fn)(const struct config *, struct db *,
    struct arena *, int (*still_idle)(void *), void *arg);

/* Sets the idle work of every worker started afterwards. */
void	worker_set_idle(worker_idle_fn);

/*
 * Serves requests on listen_fd (a non-blocking listening socket shared by
 * all workers; no lock around accept) until SIGTERM, or until it has served
 * cfg.max_requests. Writes one byte to ready_fd (unless it is -1) once it
 * can serve, then closes it. Returns the process exit status: 0 after a clean stop or a
 * recycle, 1 when it could not start.
 */
int	worker_run(const struct app *, int listen_fd, int ready_fd);

#endif
