/*
 * log.c — writes log lines; see log.h.
 *
 * Each line is formatted completely and written with write(2) on an
 * O_APPEND descriptor, whole lines only, so lines of concurrent workers
 * never interleave. A worker buffers its info lines (one per request) and
 * writes them in batches: a write per request to one shared file costs a
 * tenth of the throughput of the cheapest route. Buffered lines reach the
 * file when the buffer is full, when the worker goes idle (log_flush), when
 * a warning or error is logged, or at most LOG_FLUSH_MS after the oldest;
 * a worker killed outright loses at most that much of its request log.
 * This file must never log request bodies or query strings.
 */
#include "config.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

static int         log_fd = STDERR_FILENO;
static const char *log_role = "wijkzicht";
static long        log_pid;      /* cached: a worker logs every request */
static int         log_buffered; /* batch info lines (workers) */

#define LOG_BUF		8192
#define LOG_FLUSH_MS	200
static char        log_buf[LOG_BUF];
static size_t      log_len;
static struct timespec log_oldest; /* when the oldest buffered line came */

void
log_set_buffered(int on)
{
	log_flush();
	log_buffered = on;
}

void
log_flush(void)
{
	/* A short write on a log file is not worth a retry loop that could
	 * stall a worker: the batch is dropped. */
	if (log_len > 0 && write(log_fd, log_buf, log_len) < 0)
		log_len = 0;
	log_len = 0;
}

int
log_open(const char *path)
{
	int fd;

	if (path == NULL || *path == '\0')
		return 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return -1;
	if (log_fd != STDERR_FILENO)
		close(log_fd);
	log_fd = fd;
	return 0;
}

void
log_set_role(const char *role)
{
	log_role = role;
	log_pid = (long)getpid();
}

static void
log_line(const char *level, const char *origin, const char *fmt, va_list ap)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;
	size_t n;
	int r;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%S", &tm);
	r = snprintf(line + n, sizeof(line) - n, ".%03ldZ %s %s[%ld] %s: ",
	    ts.tv_nsec / 1000000, level, log_role,
	    log_pid ? log_pid : (long)getpid(), origin);
	if (r < 0)
		return;
	n += (size_t)r < sizeof(line) - n ? (size_t)r : sizeof(line) - n - 1;
	r = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	if (r < 0)
		return;
	n += (size_t)r < sizeof(line) - n ? (size_t)r : sizeof(line) - n - 1;
	line[n++] = '\n';
	if (log_buffered && level[0] == 'i') {
		struct timespec mono;

		clock_gettime(CLOCK_MONOTONIC, &mono);
		if (log_len + n > sizeof(log_buf))
			log_flush();
		if (log_len == 0)
			log_oldest = mono;
		memcpy(log_buf + log_len, line, n);
		log_len += n;
		if ((mono.tv_sec - log_oldest.tv_sec) * 1000 +
		    (mono.tv_nsec - log_oldest.tv_nsec) / 1000000 >= LOG_FLUSH_MS)
			log_flush();
		return;
	}
	log_flush();
	if (write(log_fd, line, n) < 0)
		return;
}

#define LOG_FN(name, level)						\
void									\
name(const char *origin, const char *fmt, ...)				\
{									\
	va_list ap;							\
	va_start(ap, fmt);						\
	log_line(level, origin, fmt, ap);				\
	va_end(ap);							\
}
LOG_FN(log_info, "info")
LOG_FN(log_warn, "warn")
LOG_FN(log_error, "error")

char *
log_clean(char *out, size_t outlen, const char *s)
{
	size_t i;

	if (outlen == 0)
		return out;
	for (i = 0; s != NULL && s[i] != '\0' && i + 1 < outlen; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = (c < 0x20 || c >= 0x7f) ? '?' : (char)c;
	}
	out[i] = '\0';
	return out;
}
