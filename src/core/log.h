/*
 * log.h — one-line, attributable, clean log records.
 *
 * Every line names its origin (a function or route) and, inside a request,
 * the request id. Text that came from a client passes through log_clean()
 * first: control bytes become '?', so a client cannot forge log lines.
 * Personal data and secrets are never logged; query strings are never
 * logged because they may carry search terms.
 */
#ifndef WZ_LOG_H
#define WZ_LOG_H

#include <stddef.h>

/* Sends log lines to the file at path (appending), or to stderr when path
 * is NULL or "" or the file cannot be opened. Returns 0 or -1. */
int	log_open(const char *path);
/* A tag ("supervisor", "worker", "wijkzicht") for every line; also reads
 * the process id once. Call it again after fork(). */
void	log_set_role(const char *role);

void	log_info(const char *origin, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	log_warn(const char *origin, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	log_error(const char *origin, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Whether info lines are batched (see log.c); warnings and errors never
 * are. log_flush writes what is batched; call it before going idle and
 * before exit. */
void	log_set_buffered(int on);
void	log_flush(void);

/* Copies at most outlen-1 bytes of s into out, replacing control bytes and
 * bytes >= 0x7f with '?'. Returns out. */
char	*log_clean(char *out, size_t outlen, const char *s);

#endif
