/*
 * conf.h — the one read-only configuration of a process.
 *
 * Read once at start-up from one file ("key = value" lines, '#' comments),
 * then each key may be overridden by the environment variable
 * WIJKZICHT_<KEY> (upper case), which is how secrets reach a container
 * without touching a command line. After start-up nothing writes to it.
 */
#ifndef WZ_CONF_H
#define WZ_CONF_H

#include <stddef.h>

#define CONFIG_STR_MAX	512

struct config {
	char listen_socket[CONFIG_STR_MAX];
	int  socket_mode;            /* permission bits of the socket */
	int  workers;                /* 0 = 2 × online cores */
	long max_requests;           /* recycle a worker after this many; 0 = never */
	char www_dir[CONFIG_STR_MAX];   /* holds templates/ and api/ */
	char sql_dir[CONFIG_STR_MAX];   /* holds NNN_name.sql and demo/ */
	char log_file[CONFIG_STR_MAX];
	char pid_file[CONFIG_STR_MAX];
	char user[64];               /* drop to this user when started as root */
	char db_socket[CONFIG_STR_MAX];
	char db_name[64];
	char db_user[64];
	char db_password[128];
	char db_migrate_user[64];
	char db_migrate_password[128];
	int  db_timeout;             /* seconds for connect, read and write */
	int  session_idle;           /* seconds without use before a session ends */
	int  session_absolute;       /* seconds after log-in a session always ends */
	int  cookie_secure;          /* 1: __Host- cookie with Secure (HTTPS);
	                              * 0 only for plain-HTTP localhost */
	char password_list[CONFIG_STR_MAX]; /* the common-password list */
	int  overdracht_termijn;     /* days Werkom has to accept an overdracht
	                              * before it is on the reconciliation list */
	int  kleine_aantallen;       /* figures: counts of inwoners from 1 to
	                              * this - 1 are withheld from viewers
	                              * outside the organisatie (issue 10) */
	int  cijfer_som_stap;        /* inwoners per step of building the
	                              * figure sums (ops/sommen.h): smaller
	                              * steps hold writers for less long */
	char seal_key[65];           /* 64 hex: encrypts personal data (BSN) */
	char seal_lookup_key[65];    /* 64 hex: keyed hash for exact lookup */
};

/* The defaults, before any file or environment. */
void	config_defaults(struct config *);

/*
 * Applies the "key = value" lines of text (NUL-terminated) to cfg. Returns 0,
 * or -1 with "line N: what is wrong" in err (unknown key, a key given twice,
 * a value out of range, a line without '=').
 */
int	config_parse_text(struct config *, const char *text, char *err,
	    size_t errlen);

/*
 * Applies WIJKZICHT_<KEY> overrides found through get (getenv in the
 * programs, a fake in tests). Returns 0 or -1 with the variable in err.
 */
int	config_apply_env(struct config *, const char *(*get)(const char *),
	    char *err, size_t errlen);

/* Defaults, then the file at path (if not NULL), then the environment. */
int	config_load(struct config *, const char *path, char *err, size_t errlen);

/* Effective number of workers (resolves 0 to 2 × cores, at least 1). */
int	config_workers(const struct config *);

/* Writes every key and value, secrets masked, one per line, to fp. */
void	config_print(const struct config *, void *fp);

#endif
