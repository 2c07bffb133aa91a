/*
 * supervisor.h — the parent process of the worker pool.
 */
#ifndef WZ_SUPERVISOR_H
#define WZ_SUPERVISOR_H

#include <stddef.h>

struct route;

/*
 * Loads the app from config_path with the route table (the caller's,
 * for the life of the process), binds the FastCGI socket, writes the pid
 * file and keeps the pool full until SIGTERM/SIGINT:
 *  - a worker that dies is restarted at once; one that keeps dying within a
 *    second of its start is restarted with a growing back-off (to 5 s);
 *  - a worker that exits after max_requests is replaced at once;
 *  - SIGHUP loads configuration and templates anew and replaces the
 *    workers one by one, each new one ready before its old one is told to
 *    drain, so no request fails; a broken new configuration is logged and
 *    the old workers keep serving;
 *  - SIGTERM tells every worker to drain, waits for them (up to 30 s, then
 *    SIGKILL), removes the socket and pid file and returns.
 * Returns the exit status for main().
 */
int	supervisor_run(const char *config_path, const struct route *routes,
	    size_t nroutes);

#endif
