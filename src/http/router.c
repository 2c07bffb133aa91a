/*
 * router.c — matches a request path against the route table; see router.h.
 *
 * Matching walks pattern and path segment by segment without copying; the
 * table is small (tens of routes), so a linear scan beats any index and
 * keeps the order rule ("first match wins") obvious.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/getal.h"
#include "core/secret.h"
#include "domain/periode.h"
#include "http/router.h"


/* Length of the segment starting at s (up to '/' or end). */
static size_t
seglen(const char *s)
{
	return strcspn(s, "/");
}

/* Parses "{name:type}" of len bytes. Returns 0 or -1. */
static int
parse_param(const char *p, size_t len, struct route_param *out)
{
	const char *colon;
	size_t tlen;

	if (len < 3 || p[0] != '{' || p[len - 1] != '}')
		return -1;
	colon = memchr(p, ':', len);
	if (colon == NULL || colon == p + 1)
		return -1;
	out->name = p + 1;
	out->namelen = (size_t)(colon - p - 1);
	tlen = (size_t)(p + len - 1 - colon - 1);
	if (tlen == 3 && strncmp(colon + 1, "int", 3) == 0)
		out->type = PARAM_INT;
	else if (tlen == 4 && strncmp(colon + 1, "slug", 4) == 0)
		out->type = PARAM_SLUG;
	else if (tlen == 5 && strncmp(colon + 1, "token", 5) == 0)
		out->type = PARAM_TOKEN;
	else if (tlen == 7 && strncmp(colon + 1, "periode", 7) == 0)
		out->type = PARAM_PERIODE;
	else
		return -1;
	return 0;
}

/* Whether path segment s (len bytes) is a value of type; fills out. */
static int
param_value(const char *s, size_t len, struct route_param *out)
{
	size_t i;
	int64_t v = 0;

	if (len == 0)
		return 0;
	if (out->type == PARAM_INT) {
		if ((v = getal_id(s, len)) == 0)
			return 0;
		out->ival = v;
		return 1;
	}
	if (out->type == PARAM_PERIODE) {
		struct periode p;

		if (periode_lees(s, len, &p) != 0)
			return 0;
		out->sval = s;
		out->slen = len;
		return 1;
	}
	if (out->type == PARAM_TOKEN) {
		/* Exactly the shape of core/secret.h's tokens: anything else
		 * is not found, so garbage never reaches a handler. */
		if (len != TOKEN_LEN)
			return 0;
		for (i = 0; i < len; i++)
			if (!((s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= 'A' && s[i] <= 'Z') ||
			    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
				return 0;
		out->sval = s;
		out->slen = len;
		return 1;
	}
	if (len > 64)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return 0;
	out->sval = s;
	out->slen = len;
	return 1;
}

/* Whether path matches pattern; fills the parameters of m. */
static int
path_matches(const char *pattern, const char *path, struct route_match *m)
{
	const char *p = pattern, *q = path;
	size_t plen, qlen;

	m->nparams = 0;
	if (strcmp(pattern, "/") == 0 || strcmp(path, "/") == 0)
		return strcmp(pattern, path) == 0;
	for (;;) {
		if (*p != '/' || *q != '/')
			return 0;
		p++, q++;
		plen = seglen(p);
		qlen = seglen(q);
		if (plen > 0 && p[0] == '{') {
			struct route_param *rp;

			if (m->nparams == WZ_MAX_ROUTE_PARAMS)
				return 0;
			rp = &m->params[m->nparams];
			memset(rp, 0, sizeof(*rp));
			if (parse_param(p, plen, rp) != 0 || !param_value(q, qlen, rp))
				return 0;
			m->nparams++;
		} else if (plen != qlen || strncmp(p, q, plen) != 0 || qlen == 0) {
			return 0;
		}
		p += plen;
		q += qlen;
		if (*p == '\0' || *q == '\0')
			return *p == *q;
	}
}

static void
allow_add(char *allow, size_t size, const char *method)
{
	size_t len = strlen(allow);

	/* A method already listed (two routes, same method) is not repeated. */
	if (strstr(allow, method) != NULL)
		return;
	snprintf(allow + len, size - len, "%s%s", len ? ", " : "", method);
}

enum router_result
router_match(const struct route *table, size_t n, const char *method,
    const char *path, struct route_match *out)
{
	struct route_match scratch;
	int is_head = strcmp(method, "HEAD") == 0;
	const struct route *head_fallback = NULL;
	struct route_match head_match;
	int path_found = 0;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (!path_matches(table[i].pattern, path, &scratch))
			continue;
		path_found = 1;
		allow_add(out->allow, sizeof(out->allow), table[i].method);
		if (strcmp(table[i].method, "GET") == 0)
			allow_add(out->allow, sizeof(out->allow), "HEAD");
		if (strcmp(table[i].method, method) == 0) {
			*out = scratch;
			out->route = &table[i];
			return ROUTER_OK;
		}
		if (is_head && head_fallback == NULL &&
		    strcmp(table[i].method, "GET") == 0) {
			head_fallback = &table[i];
			head_match = scratch;
		}
	}
	if (head_fallback != NULL) {
		*out = head_match;
		out->route = head_fallback;
		return ROUTER_OK;
	}
	return path_found ? ROUTER_BAD_METHOD : ROUTER_NOT_FOUND;
}

int
router_check(const struct route *table, size_t n, char *err, size_t errlen)
{
	struct route_param rp;
	const char *p;
	size_t i, j, len, nparams;

	for (i = 0; i < n; i++) {
		p = table[i].pattern;
		if (p == NULL || p[0] != '/' || table[i].handler == NULL ||
		    table[i].method == NULL)
			goto bad;
		if (strcmp(p, "/") != 0) {
			len = strlen(p);
			if (p[len - 1] == '/')
				goto bad;
			nparams = 0;
			while (*p == '/') {
				p++;
				len = seglen(p);
				if (len == 0)
					goto bad;
				if (p[0] == '{') {
					if (parse_param(p, len, &rp) != 0 ||
					    ++nparams > WZ_MAX_ROUTE_PARAMS)
						goto bad;
				} else if (memchr(p, '{', len) || memchr(p, '}', len)) {
					goto bad;
				}
				p += len;
			}
			if (*p != '\0')
				goto bad;
		}
		for (j = 0; j < i; j++)
			if (strcmp(table[j].method, table[i].method) == 0 &&
			    strcmp(table[j].pattern, table[i].pattern) == 0)
				goto bad;
	}
	return 0;
bad:
	snprintf(err, errlen, "route %zu (%s %s) is invalid", i,
	    table[i].method ? table[i].method : "?",
	    table[i].pattern ? table[i].pattern : "?");
	return -1;
}

int64_t
route_param_int(const struct route_match *m, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < m->nparams; i++)
		if (m->params[i].type == PARAM_INT && m->params[i].namelen == len &&
		    strncmp(m->params[i].name, name, len) == 0)
			return m->params[i].ival;
	return -1;
}

const char *
route_param_str(const struct route_match *m, const char *name, size_t *len)
{
	size_t i, nlen = strlen(name);

	*len = 0;
	for (i = 0; i < m->nparams; i++)
		if ((m->params[i].type == PARAM_SLUG ||
		    m->params[i].type == PARAM_TOKEN ||
		    m->params[i].type == PARAM_PERIODE) &&
		    m->params[i].namelen == nlen &&
		    strncmp(m->params[i].name, name, nlen) == 0) {
			*len = m->params[i].slen;
			return m->params[i].sval;
		}
	return NULL;
}

const char *
router_log_path(const struct route_match *m, const char *path)
{
	size_t i;

	if (m == NULL || m->route == NULL)
		return path;
	for (i = 0; i < m->nparams; i++)
		if (m->params[i].type == PARAM_TOKEN)
			return m->route->pattern;
	return path;
}
