/*
 * exec.c — bound execution of named statements; see exec.h.
 *
 * All columns are fetched as strings: MariaDB formats them, the caller
 * (store code) knows what each column means. Buffers are sized from the
 * result's max_length (STMT_ATTR_UPDATE_MAX_LENGTH), so nothing is cut.
 * This file must never log a bound value.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <mysqld_error.h>

#include "core/arena.h"
#include "db/db.h"
#include "db/exec.h"

#define MAX_VALS	64

struct db_val
db_str(const char *v)
{
	struct db_val x = { .type = DBV_NULL };

	if (v != NULL) {
		x.type = DBV_STR;
		x.s = v;
		x.len = strlen(v);
	}
	return x;
}

struct db_val
db_id(int64_t v)
{
	return v > 0 ? DB_INT(v) : DB_NULL;
}

/* The statement's name for a log line (db_stmt has checked that id is
 * defined before any of these runs). */
static const char *
stmt_name(const struct db *db, stmt_id id)
{
	const struct stmt_def *def = stmt_catalog_def(db->catalog, id);

	return def != NULL ? def->name : "?";
}

/* Binds vals to st. Returns 0 or -1. binds and lens are caller storage. */
static int
bind_vals(MYSQL_STMT *st, const struct db_val *vals, size_t n,
    MYSQL_BIND *b, unsigned long *lens, long long *ints)
{
	size_t i;

	if (n > MAX_VALS)
		return -1;
	memset(b, 0, n * sizeof(*b));
	for (i = 0; i < n; i++) {
		switch (vals[i].type) {
		case DBV_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DBV_INT:
			ints[i] = vals[i].i;
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &ints[i];
			break;
		case DBV_STR:
			lens[i] = vals[i].len;
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)vals[i].s;
			b[i].buffer_length = vals[i].len;
			b[i].length = &lens[i];
			break;
		}
	}
	return n == 0 ? 0 : (mysql_stmt_bind_param(st, b) == 0 ? 0 : -1);
}

/* Maps the statement's error, dropping a lost connection. */
static enum db_err
stmt_fail(struct db *db, MYSQL_STMT *st, const char *what)
{
	unsigned err = mysql_stmt_errno(st);

	snprintf(db->error, sizeof(db->error), "%s %s: %s", what,
	    "statement", mysql_stmt_error(st));
	mysql_stmt_free_result(st);
	mysql_stmt_reset(st);
	if (err == ER_DUP_ENTRY || err == ER_DUP_ENTRY_WITH_KEY_NAME)
		return DB_DUPLICATE;
	if (db_check_lost(db, err))
		return DB_LOST;
	return DB_ERR;
}

static MYSQL_STMT *
prepare(struct db *db, stmt_id id, size_t nvals, enum db_err *rc)
{
	MYSQL_STMT *st = db_stmt(db, id);

	*rc = DB_OK;
	if (st == NULL) {
		*rc = db->conn == NULL ? DB_LOST : DB_ERR;
		return NULL;
	}
	if (mysql_stmt_param_count(st) != nvals) {
		snprintf(db->error, sizeof(db->error), "%s: %zu values for %lu "
		    "placeholders", stmt_name(db, id), nvals,
		    mysql_stmt_param_count(st));
		*rc = DB_ERR;
		return NULL;
	}
	return st;
}

enum db_err
db_exec(struct db *db, stmt_id id, const struct db_val *vals, size_t n,
    uint64_t *affected, uint64_t *insert_id)
{
	MYSQL_BIND b[MAX_VALS];
	unsigned long lens[MAX_VALS];
	long long ints[MAX_VALS];
	MYSQL_STMT *st;
	enum db_err rc;

	if ((st = prepare(db, id, n, &rc)) == NULL)
		return rc;
	if (bind_vals(st, vals, n, b, lens, ints) != 0 ||
	    mysql_stmt_execute(st) != 0)
		return stmt_fail(db, st, stmt_name(db, id));
	if (affected != NULL)
		*affected = (uint64_t)mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = (uint64_t)mysql_stmt_insert_id(st);
	mysql_stmt_free_result(st);
	return DB_OK;
}

enum db_err
db_query(struct db *db, struct arena *a, stmt_id id,
    const struct db_val *vals, size_t n, size_t max_rows, struct db_rows *out)
{
	MYSQL_BIND b[MAX_VALS], *rb = NULL;
	unsigned long lens[MAX_VALS], *rlens = NULL;
	long long ints[MAX_VALS];
	my_bool *nulls = NULL, one = 1;
	MYSQL_FIELD *fields;
	MYSQL_RES *meta = NULL;
	MYSQL_STMT *st;
	enum db_err rc;
	size_t ncols, nrows, r, c, keep;
	int f;

	memset(out, 0, sizeof(*out));
	if ((st = prepare(db, id, n, &rc)) == NULL)
		return rc;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &one);
	if (bind_vals(st, vals, n, b, lens, ints) != 0 ||
	    mysql_stmt_execute(st) != 0 || mysql_stmt_store_result(st) != 0)
		return stmt_fail(db, st, stmt_name(db, id));
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return stmt_fail(db, st, stmt_name(db, id));
	ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	nrows = (size_t)mysql_stmt_num_rows(st);
	keep = (max_rows > 0 && nrows > max_rows) ? max_rows : nrows;
	rc = DB_NOMEM;
	rb = arena_calloc(a, ncols ? ncols : 1, sizeof(*rb));
	rlens = arena_calloc(a, ncols ? ncols : 1, sizeof(*rlens));
	nulls = arena_calloc(a, ncols ? ncols : 1, sizeof(*nulls));
	out->cells = arena_calloc(a, keep * ncols + 1, sizeof(*out->cells));
	out->lens = arena_calloc(a, keep * ncols + 1, sizeof(*out->lens));
	if (rb == NULL || rlens == NULL || nulls == NULL || out->cells == NULL ||
	    out->lens == NULL)
		goto fail;
	for (c = 0; c < ncols; c++) {
		rb[c].buffer_type = MYSQL_TYPE_STRING;
		rb[c].buffer_length = fields[c].max_length + 1;
		if ((rb[c].buffer = arena_alloc(a, rb[c].buffer_length)) == NULL)
			goto fail;
		rb[c].length = &rlens[c];
		rb[c].is_null = &nulls[c];
	}
	if (ncols > 0 && mysql_stmt_bind_result(st, rb) != 0) {
		rc = stmt_fail(db, st, stmt_name(db, id));
		goto out;
	}
	for (r = 0; r < nrows; r++) {
		f = mysql_stmt_fetch(st);
		if (f == MYSQL_NO_DATA)
			break;
		if (f != 0 && f != MYSQL_DATA_TRUNCATED) {
			rc = stmt_fail(db, st, stmt_name(db, id));
			goto out;
		}
		if (r >= keep)
			continue;
		for (c = 0; c < ncols; c++) {
			if (nulls[c])
				continue;
			out->cells[r * ncols + c] = arena_strndup(a, rb[c].buffer,
			    rlens[c]);
			out->lens[r * ncols + c] = rlens[c];
			if (out->cells[r * ncols + c] == NULL)
				goto fail;
		}
	}
	out->nrows = keep < r ? keep : r;
	out->ncols = ncols;
	rc = DB_OK;
	goto out;
fail:
	memset(out, 0, sizeof(*out));
out:
	if (meta != NULL)
		mysql_free_result(meta);
	mysql_stmt_free_result(st);
	return rc;
}

int64_t
db_cell_int(const char *cell, int64_t def)
{
	char *end;
	long long v;

	if (cell == NULL || *cell == '\0')
		return def;
	errno = 0;
	v = strtoll(cell, &end, 10);
	if (errno != 0 || *end != '\0')
		return def;
	return v;
}
