/*
 * worker.h — one pre-forked worker: the FastCGI accept loop.
 */
#ifndef WZ_WORKER_H
#define WZ_WORKER_H

struct app;

/*
 * Serves requests on listen_fd (a non-blocking listening socket shared by
 * all workers; no lock around accept) until SIGTERM, or until it has served
 * cfg.max_requests. Writes one byte to ready_fd (unless it is -1) once it
 * can serve, then closes it. Returns the process exit status: 0 after a clean stop or a
 * recycle, 1 when it could not start.
 */
int	worker_run(const struct app *, int listen_fd, int ready_fd);

#endif
