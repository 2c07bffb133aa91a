/*
 * bare_fcgi.c — the reference for bench/run: the cheapest FastCGI responder
 * libfcgi allows on this machine.
 *
 * Usage: bare_fcgi SOCKET_PATH NPROC
 *
 * Binds a unix socket, forks NPROC processes that each run an FCGX_Accept_r
 * loop on it (no mutex around accept, like wijkzicht-fcgi) and answer every
 * request with the same 16-byte JSON body, reading nothing. The parent only
 * waits: on SIGTERM or SIGINT it stops the children, removes the socket and
 * exits; children also die with the parent (PR_SET_PDEATHSIG).
 *
 * It must never do more work per request than that: whatever the
 * application costs beyond this is what bench/run reports as a ratio.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>

#define MAXPROC 256

static const char RESPONSE[] =
	"Content-Type: application/json\r\n"
	"Content-Length: 16\r\n"
	"\r\n"
	"{\"status\":\"ok\"}\n";

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* One responder process; returns only when accepting fails. */
static void
serve(int fd)
{
	FCGX_Request r;

	if (FCGX_InitRequest(&r, fd, 0) != 0)
		_exit(1);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(RESPONSE, (int)sizeof(RESPONSE) - 1, r.out);
		FCGX_Finish_r(&r);
	}
	_exit(0);
}

int
main(int argc, char *argv[])
{
	pid_t kids[MAXPROC];
	struct sigaction sa;
	char *end;
	long n;
	int fd, i;

	if (argc != 3) {
		fprintf(stderr, "usage: %s SOCKET_PATH NPROC\n", argv[0]);
		return 2;
	}
	errno = 0;
	n = strtol(argv[2], &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > MAXPROC) {
		fprintf(stderr, "bare_fcgi: NPROC must be 1..%d\n", MAXPROC);
		return 2;
	}

	if (FCGX_Init() != 0) {
		fprintf(stderr, "bare_fcgi: FCGX_Init failed\n");
		return 1;
	}
	(void)unlink(argv[1]);
	/* nginx may run its workers as another user: the socket is for all. */
	umask(0);
	fd = FCGX_OpenSocket(argv[1], 1024);
	if (fd < 0) {
		fprintf(stderr, "bare_fcgi: cannot listen on %s\n", argv[1]);
		return 1;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	for (i = 0; i < n; i++) {
		kids[i] = fork();
		if (kids[i] == -1) {
			perror("bare_fcgi: fork");
			n = i;
			stop = 1;
			break;
		}
		if (kids[i] == 0) {
			signal(SIGTERM, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			if (getppid() == 1)
				_exit(0);
			serve(fd);
		}
	}

	/* Wait for a signal (or for every child to be gone). */
	while (!stop) {
		if (waitpid(-1, NULL, 0) == -1 && errno == ECHILD)
			break;
	}
	for (i = 0; i < n; i++)
		kill(kids[i], SIGTERM);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	(void)unlink(argv[1]);
	return 0;
}
