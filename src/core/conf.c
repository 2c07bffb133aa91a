/*
 * conf.c — reads the configuration; see conf.h.
 *
 * Every key is declared once in the table below with its type and bounds;
 * a value is parsed with strtol and explicit range checks, never atoi.
 * This file must never print a secret: config_print masks them.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/conf.h"

enum key_type { KEY_STR, KEY_INT, KEY_OCTAL };

struct key {
	const char    *name;
	enum key_type  type;
	size_t         off;
	size_t         size;    /* KEY_STR: buffer size; KEY_INT: sizeof field */
	long           min, max;
	int            secret;
};

#define STR(f)		KEY_STR, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0
#define INT(f, lo, hi)	KEY_INT, offsetof(struct config, f), sizeof(((struct config *)0)->f), lo, hi

static const struct key keys[] = {
	{ "listen_socket", STR(listen_socket), 0 },
	{ "socket_mode", KEY_OCTAL, offsetof(struct config, socket_mode), sizeof(int), 0, 0777, 0 },
	{ "workers", INT(workers, 0, 256), 0 },
	{ "max_requests", INT(max_requests, 0, 1000000000L), 0 },
	{ "www_dir", STR(www_dir), 0 },
	{ "sql_dir", STR(sql_dir), 0 },
	{ "log_file", STR(log_file), 0 },
	{ "pid_file", STR(pid_file), 0 },
	{ "user", STR(user), 0 },
	{ "db_socket", STR(db_socket), 0 },
	{ "db_name", STR(db_name), 0 },
	{ "db_user", STR(db_user), 0 },
	{ "db_password", STR(db_password), 1 },
	{ "db_migrate_user", STR(db_migrate_user), 0 },
	{ "db_migrate_password", STR(db_migrate_password), 1 },
	{ "db_timeout", INT(db_timeout, 1, 300), 0 },
	{ "session_idle", INT(session_idle, 60, 86400), 0 },
	{ "session_absolute", INT(session_absolute, 300, 604800), 0 },
	{ "cookie_secure", INT(cookie_secure, 0, 1), 0 },
	{ "password_list", STR(password_list), 0 },
	{ "overdracht_termijn", INT(overdracht_termijn, 1, 365), 0 },
	{ "kleine_aantallen", INT(kleine_aantallen, 2, 100), 0 },
	{ "cijfer_som_stap", INT(cijfer_som_stap, 1, 1000), 0 },
	{ "seal_key", STR(seal_key), 1 },
	{ "seal_lookup_key", STR(seal_lookup_key), 1 },
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->listen_socket, sizeof(c->listen_socket), "/run/wijkzicht/wijkzicht.sock");
	c->socket_mode = 0660;
	c->workers = 0;
	c->max_requests = 0;
	snprintf(c->www_dir, sizeof(c->www_dir), "%s", WZ_DATADIR);
	snprintf(c->sql_dir, sizeof(c->sql_dir), "%s/sql", WZ_DATADIR);
	snprintf(c->db_socket, sizeof(c->db_socket), "/run/mysqld/mysqld.sock");
	snprintf(c->db_name, sizeof(c->db_name), "wijkzicht");
	snprintf(c->db_user, sizeof(c->db_user), "wijkzicht_app");
	snprintf(c->db_migrate_user, sizeof(c->db_migrate_user), "wijkzicht_migratie");
	c->db_timeout = 5;
	c->session_idle = 30 * 60;
	c->session_absolute = 12 * 60 * 60;
	c->cookie_secure = 1;
	c->overdracht_termijn = 14;
	c->kleine_aantallen = 5;
	c->cijfer_som_stap = 1000;
	snprintf(c->password_list, sizeof(c->password_list),
	    "%s/data/veelgebruikte-wachtwoorden.txt", WZ_DATADIR);
}

static const struct key *
key_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == len &&
		    strncmp(keys[i].name, name, len) == 0)
			return &keys[i];
	return NULL;
}

/* Stores value (NUL-terminated) into the field of k. Returns 0 or -1. */
static int
key_set(struct config *c, const struct key *k, const char *value,
    char *err, size_t errlen, const char *where)
{
	char *field = (char *)c + k->off;
	char *end;
	long v;

	switch (k->type) {
	case KEY_STR:
		if (strlen(value) >= k->size) {
			snprintf(err, errlen, "%s: value of %s is too long", where, k->name);
			return -1;
		}
		memcpy(field, value, strlen(value) + 1);
		return 0;
	case KEY_INT:
	case KEY_OCTAL:
		errno = 0;
		v = strtol(value, &end, k->type == KEY_OCTAL ? 8 : 10);
		if (errno != 0 || end == value || *end != '\0' ||
		    v < k->min || v > k->max) {
			snprintf(err, errlen, "%s: %s must be a number from %ld to %ld%s",
			    where, k->name, k->min, k->max,
			    k->type == KEY_OCTAL ? " (octal)" : "");
			return -1;
		}
		if (k->size == sizeof(long))
			*(long *)(void *)field = v;
		else
			*(int *)(void *)field = (int)v;
		return 0;
	}
	return -1;
}

int
config_parse_text(struct config *c, const char *text, char *err, size_t errlen)
{
	unsigned char seen[NKEYS] = { 0 };
	const char *line = text, *eol, *eq, *ks, *ke, *vs, *ve;
	char where[32], value[CONFIG_STR_MAX];
	const struct key *k;
	int lineno = 0;

	while (*line != '\0') {
		lineno++;
		eol = strchr(line, '\n');
		if (eol == NULL)
			eol = line + strlen(line);
		snprintf(where, sizeof(where), "line %d", lineno);
		ks = line;
		while (ks < eol && isspace((unsigned char)*ks))
			ks++;
		if (ks == eol || *ks == '#')
			goto next;
		eq = memchr(ks, '=', (size_t)(eol - ks));
		if (eq == NULL) {
			snprintf(err, errlen, "%s: expected key = value", where);
			return -1;
		}
		ke = eq;
		while (ke > ks && isspace((unsigned char)ke[-1]))
			ke--;
		vs = eq + 1;
		while (vs < eol && isspace((unsigned char)*vs))
			vs++;
		ve = eol;
		while (ve > vs && isspace((unsigned char)ve[-1]))
			ve--;
		k = key_find(ks, (size_t)(ke - ks));
		if (k == NULL) {
			snprintf(err, errlen, "%s: unknown key", where);
			return -1;
		}
		if (seen[k - keys]++) {
			snprintf(err, errlen, "%s: %s given twice", where, k->name);
			return -1;
		}
		if ((size_t)(ve - vs) >= sizeof(value)) {
			snprintf(err, errlen, "%s: value of %s is too long", where, k->name);
			return -1;
		}
		memcpy(value, vs, (size_t)(ve - vs));
		value[ve - vs] = '\0';
		if (key_set(c, k, value, err, errlen, where) != 0)
			return -1;
next:
		line = *eol == '\n' ? eol + 1 : eol;
	}
	return 0;
}

int
config_apply_env(struct config *c, const char *(*get)(const char *),
    char *err, size_t errlen)
{
	char var[64];
	const char *v;
	size_t i, j;

	for (i = 0; i < NKEYS; i++) {
		j = (size_t)snprintf(var, sizeof(var), "WIJKZICHT_%s", keys[i].name);
		for (j = 10; var[j] != '\0'; j++)
			var[j] = (char)toupper((unsigned char)var[j]);
		v = get(var);
		if (v == NULL)
			continue;
		if (key_set(c, &keys[i], v, err, errlen, var) != 0)
			return -1;
	}
	return 0;
}

static const char *
env_get(const char *name)
{
	return getenv(name);
}

int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	char msg[256];
	char *text = NULL;
	FILE *fp = NULL;
	long size;
	int rc = -1;

	config_defaults(c);
	if (path != NULL) {
		if ((fp = fopen(path, "r")) == NULL) {
			snprintf(err, errlen, "%s: cannot open", path);
			goto out;
		}
		if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
		    size > 65536 || fseek(fp, 0, SEEK_SET) != 0) {
			snprintf(err, errlen, "%s: cannot read (or larger than 64 KiB)", path);
			goto out;
		}
		if ((text = malloc((size_t)size + 1)) == NULL ||
		    fread(text, 1, (size_t)size, fp) != (size_t)size) {
			snprintf(err, errlen, "%s: cannot read", path);
			goto out;
		}
		text[size] = '\0';
		if (strlen(text) != (size_t)size) {
			snprintf(err, errlen, "%s: contains a NUL byte", path);
			goto out;
		}
		if (config_parse_text(c, text, msg, sizeof(msg)) != 0) {
			snprintf(err, errlen, "%s: %s", path, msg);
			goto out;
		}
	}
	if (config_apply_env(c, env_get, err, errlen) != 0)
		goto out;
	rc = 0;
out:
	free(text);
	if (fp != NULL)
		fclose(fp);
	return rc;
}

int
config_workers(const struct config *c)
{
	long n;

	if (c->workers > 0)
		return c->workers;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > 64 ? 128 : (int)(2 * n);
}

void
config_print(const struct config *c, void *out)
{
	FILE *fp = out;
	const char *field;
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		field = (const char *)c + keys[i].off;
		fprintf(fp, "%s = ", keys[i].name);
		if (keys[i].secret)
			fprintf(fp, "%s\n", *field ? "(ingesteld)" : "(leeg)");
		else if (keys[i].type == KEY_STR)
			fprintf(fp, "%s\n", field);
		else if (keys[i].type == KEY_OCTAL)
			fprintf(fp, "%04o\n", (unsigned)*(const int *)(const void *)field);
		else if (keys[i].size == sizeof(long))
			fprintf(fp, "%ld\n", *(const long *)(const void *)field);
		else
			fprintf(fp, "%d\n", *(const int *)(const void *)field);
	}
}
