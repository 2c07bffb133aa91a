/*
 * migrate.c — applies schema migrations; see migrate.h.
 *
 * MariaDB commits DDL implicitly, so a migration cannot be rolled back as a
 * whole: each file is applied and then recorded, and a failure stops the
 * run with the file named, leaving later files untouched.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <mysql.h>
#include <sodium.h>

#include "core/conf.h"
#include "db/db.h"
#include "db/migrate.h"

#define MAX_MIGRATION_SIZE	(4 * 1024 * 1024)

void
migrate_checksum(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* Reads a whole file (at most MAX_MIGRATION_SIZE) into a malloc'ed,
 * NUL-terminated buffer. */
static char *
read_file(const char *path, size_t *len)
{
	struct stat sb;
	FILE *fp;
	char *text = NULL;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size > MAX_MIGRATION_SIZE)
		goto out;
	if ((text = malloc((size_t)sb.st_size + 1)) == NULL)
		goto out;
	if (fread(text, 1, (size_t)sb.st_size, fp) != (size_t)sb.st_size) {
		free(text);
		text = NULL;
		goto out;
	}
	text[sb.st_size] = '\0';
	*len = (size_t)sb.st_size;
out:
	fclose(fp);
	return text;
}

/* Parses "NNN_name.sql"; returns the version or -1. */
static int
parse_name(const char *name)
{
	const char *p = name;
	long v = 0;
	size_t digits = 0, len = strlen(name);

	if (len < 5 || strcmp(name + len - 4, ".sql") != 0)
		return -1;
	while (isdigit((unsigned char)*p) && digits < 9) {
		v = v * 10 + (*p - '0');
		p++, digits++;
	}
	if (digits < 3 || *p != '_' || p + 1 == name + len - 4)
		return -1;
	for (p++; p < name + len - 4; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '_'))
			return -1;
	return (int)v;
}

static int
cmp_migration(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

int
migrate_scan(const char *dir, struct migration **out, size_t *n, char *err,
    size_t errlen)
{
	struct migration *list = NULL, *grown;
	size_t count = 0, cap = 0, len, i;
	struct dirent *de;
	DIR *d;
	char *text;
	int v;

	*out = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".sql") != 0)
			continue;
		if ((v = parse_name(de->d_name)) < 0) {
			snprintf(err, errlen, "%s: name is not NNN_name.sql", de->d_name);
			goto fail;
		}
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(list, cap * sizeof(*list))) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto fail;
			}
			list = grown;
		}
		memset(&list[count], 0, sizeof(list[count]));
		list[count].version = v;
		snprintf(list[count].name, sizeof(list[count].name), "%s", de->d_name);
		if ((size_t)snprintf(list[count].path, sizeof(list[count].path),
		    "%s/%s", dir, de->d_name) >= sizeof(list[count].path)) {
			snprintf(err, errlen, "%s: path too long", de->d_name);
			goto fail;
		}
		if ((text = read_file(list[count].path, &len)) == NULL) {
			snprintf(err, errlen, "%s: cannot read", de->d_name);
			goto fail;
		}
		migrate_checksum(text, len, list[count].checksum);
		free(text);
		count++;
	}
	closedir(d);
	d = NULL;
	qsort(list, count, sizeof(*list), cmp_migration);
	for (i = 1; i < count; i++)
		if (list[i].version == list[i - 1].version) {
			snprintf(err, errlen, "%s and %s have the same number",
			    list[i - 1].name, list[i].name);
			goto fail;
		}
	*out = list;
	*n = count;
	return 0;
fail:
	if (d != NULL)
		closedir(d);
	free(list);
	return -1;
}

int
migrate_plan(const struct migration *files, size_t nfiles,
    const struct applied_migration *applied, size_t napplied,
    size_t *first_pending, char *err, size_t errlen)
{
	size_t i, j;
	int newest = -1;

	for (j = 0; j < napplied; j++) {
		for (i = 0; i < nfiles && files[i].version != applied[j].version; i++)
			;
		if (i == nfiles) {
			snprintf(err, errlen, "migration %03d was applied but its file "
			    "is missing", applied[j].version);
			return -1;
		}
		if (strcmp(files[i].checksum, applied[j].checksum) != 0) {
			snprintf(err, errlen, "%s was changed after it was applied; "
			    "write a new migration instead", files[i].name);
			return -1;
		}
		if (applied[j].version > newest)
			newest = applied[j].version;
	}
	*first_pending = nfiles;
	for (i = 0; i < nfiles; i++) {
		for (j = 0; j < napplied && applied[j].version != files[i].version; j++)
			;
		if (j < napplied)
			continue;
		if (files[i].version < newest) {
			snprintf(err, errlen, "%s is numbered below migration %03d, "
			    "which is already applied", files[i].name, newest);
			return -1;
		}
		if (*first_pending == nfiles)
			*first_pending = i;
	}
	return 0;
}

/* Runs text (possibly many statements) and drains every result. */
static int
exec_multi(struct db *db, const char *text, size_t len)
{
	MYSQL_RES *res;
	int status;

	if (mysql_real_query(db->conn, text, len) != 0)
		return -1;
	do {
		if ((res = mysql_store_result(db->conn)) != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(db->conn) != 0)
			return -1;
		if ((status = mysql_next_result(db->conn)) > 0)
			return -1;
	} while (status == 0);
	return 0;
}

static const char create_table[] =
	"CREATE TABLE IF NOT EXISTS schema_migratie ("
	" versie INT NOT NULL PRIMARY KEY,"
	" naam VARCHAR(128) NOT NULL,"
	" checksum CHAR(64) NOT NULL,"
	" toegepast_op DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

/* Reads schema_migratie into a malloc'ed array. */
static int
load_applied(struct db *db, struct applied_migration **out, size_t *n)
{
	static const char q[] = "SELECT versie, checksum FROM schema_migratie";
	MYSQL_RES *res;
	MYSQL_ROW row;
	size_t i = 0, rows;

	*out = NULL;
	*n = 0;
	if (mysql_real_query(db->conn, q, sizeof(q) - 1) != 0 ||
	    (res = mysql_store_result(db->conn)) == NULL)
		return -1;
	rows = (size_t)mysql_num_rows(res);
	if (rows > 0 && (*out = calloc(rows, sizeof(**out))) == NULL) {
		mysql_free_result(res);
		return -1;
	}
	while ((row = mysql_fetch_row(res)) != NULL && i < rows) {
		(*out)[i].version = (int)strtol(row[0], NULL, 10);
		snprintf((*out)[i].checksum, sizeof((*out)[i].checksum), "%s",
		    row[1] ? row[1] : "");
		i++;
	}
	*n = i;
	mysql_free_result(res);
	return 0;
}

static int
record(struct db *db, const struct migration *m)
{
	static const char q[] =
	    "INSERT INTO schema_migratie (versie, naam, checksum) VALUES (?, ?, ?)";
	MYSQL_STMT *st;
	MYSQL_BIND b[3];
	unsigned long namelen = strlen(m->name), sumlen = strlen(m->checksum);
	int version = m->version, rc = -1;

	if ((st = mysql_stmt_init(db->conn)) == NULL)
		return -1;
	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_LONG;
	b[0].buffer = &version;
	b[1].buffer_type = MYSQL_TYPE_STRING;
	b[1].buffer = (void *)m->name;
	b[1].length = &namelen;
	b[2].buffer_type = MYSQL_TYPE_STRING;
	b[2].buffer = (void *)m->checksum;
	b[2].length = &sumlen;
	if (mysql_stmt_prepare(st, q, sizeof(q) - 1) == 0 &&
	    mysql_stmt_bind_param(st, b) == 0 && mysql_stmt_execute(st) == 0)
		rc = 0;
	mysql_stmt_close(st);
	return rc;
}

int
migrate_run(const struct config *cfg, FILE *out)
{
	struct migration *files = NULL;
	struct applied_migration *applied = NULL;
	size_t nfiles, napplied, first, i, len;
	struct db db;
	char err[512], *text;
	int rc = -1;

	db_init(&db, cfg, 1, NULL);
	if (migrate_scan(cfg->sql_dir, &files, &nfiles, err, sizeof(err)) != 0) {
		fprintf(out, "migrate: %s\n", err);
		return -1;
	}
	if (db_connect(&db) != 0) {
		fprintf(out, "migrate: %s\n", db.error);
		goto out;
	}
	if (exec_multi(&db, create_table, sizeof(create_table) - 1) != 0 ||
	    load_applied(&db, &applied, &napplied) != 0) {
		fprintf(out, "migrate: schema_migratie: %s\n", mysql_error(db.conn));
		goto out;
	}
	if (migrate_plan(files, nfiles, applied, napplied, &first, err,
	    sizeof(err)) != 0) {
		fprintf(out, "migrate: refused: %s\n", err);
		goto out;
	}
	for (i = first; i < nfiles; i++) {
		if ((text = read_file(files[i].path, &len)) == NULL) {
			fprintf(out, "migrate: %s: cannot read\n", files[i].name);
			goto out;
		}
		/* The file may have changed between scan and now. */
		migrate_checksum(text, len, err);
		if (strcmp(err, files[i].checksum) != 0) {
			free(text);
			fprintf(out, "migrate: %s changed while migrating\n", files[i].name);
			goto out;
		}
		if (exec_multi(&db, text, len) != 0) {
			free(text);
			fprintf(out, "migrate: %s: %s\n", files[i].name, mysql_error(db.conn));
			goto out;
		}
		free(text);
		if (record(&db, &files[i]) != 0) {
			fprintf(out, "migrate: %s: cannot record: %s\n", files[i].name,
			    mysql_error(db.conn));
			goto out;
		}
		fprintf(out, "migrate: applied %s\n", files[i].name);
	}
	if (first == nfiles)
		fprintf(out, "migrate: up to date (%zu migrations)\n", nfiles);
	rc = 0;
out:
	db_close(&db);
	free(files);
	free(applied);
	return rc;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
migrate_exec_dir(struct db *db, const char *dir, const char *tag, FILE *out)
{
	char path[1400], *names[256], *text;
	struct dirent *de;
	size_t n = 0, i, len;
	DIR *d;
	int rc = -1;

	if ((d = opendir(dir)) == NULL) {
		fprintf(out, "%s: %s: %s\n", tag, dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL && n < 256) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".sql") == 0 &&
		    (names[n] = strdup(de->d_name)) != NULL)
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_name);
	if (db_connect(db) != 0) {
		fprintf(out, "%s: %s\n", tag, db->error);
		goto out;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((text = read_file(path, &len)) == NULL) {
			fprintf(out, "%s: %s: cannot read\n", tag, names[i]);
			goto out;
		}
		if (exec_multi(db, text, len) != 0) {
			free(text);
			fprintf(out, "%s: %s: %s\n", tag, names[i], mysql_error(db->conn));
			goto out;
		}
		free(text);
		fprintf(out, "%s: loaded %s\n", tag, names[i]);
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	return rc;
}
