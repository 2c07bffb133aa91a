/*
 * router.h — the route table's matcher.
 *
 * A route is (method, pattern, handler, access rule, flags). Patterns are
 * literal segments and typed parameters: "/api/v1/organisaties/{id:int}".
 * Types: int (1 .. 2^53-1, digits only, no leading zero — ids that JSON
 * numbers can carry exactly), slug ([a-z0-9_-], 1 to 64 bytes) and token
 * (exactly 43 base64url characters [A-Za-z0-9_-]: a secret such as a
 * one-time link, core/secret.h; a path holding one must not be logged, see
 * router_log_path) and periode (a code domain/periode.h reads: "2024",
 * "2024-H1", "2024-Q3"; "2024-H3" is no such path).
 * Paths have no trailing slash (the Dutch API design rules), except "/".
 *
 * This file knows nothing of HTTP I/O, sessions or SQL: it only answers
 * "which route, with which parameters", or "no such path", or "path exists
 * but not for this method" (with the methods that do exist, for Allow).
 */
#ifndef WZ_ROUTER_H
#define WZ_ROUTER_H

#include <stddef.h>
#include <stdint.h>

#include "core/limits.h"
#include "domain/policy.h"

struct req;
typedef void (*handler_fn)(struct req *);

/* What a route consumes and produces. */
enum route_flags {
	ROUTE_JSON      = 1 << 0,   /* answers JSON (problem+json on errors) */
	ROUTE_HTML      = 1 << 1,   /* answers HTML pages */
	ROUTE_BODY_JSON = 1 << 2,   /* takes an application/json body */
	ROUTE_BODY_FORM = 1 << 3,   /* takes an x-www-form-urlencoded body */
	/* Takes a multipart/form-data upload of up to WZ_MAX_UPLOAD bytes.
	 * The worker does not read it into the arena: it reads the small
	 * fields before the file into r->form (so the CSRF check works as for
	 * a form) and attaches the rest for the handler to stream
	 * (http/multipart.h, upload_of). */
	ROUTE_BODY_UPLOAD = 1 << 4,
};

struct route {
	const char       *method;   /* "GET", "POST", ... upper case */
	const char       *pattern;
	handler_fn        handler;
	enum access_rule  access;   /* decided by domain/policy.c */
	unsigned          flags;
	const void       *data;     /* handler's own (e.g. which resource) */
};

enum param_type { PARAM_INT, PARAM_SLUG, PARAM_TOKEN, PARAM_PERIODE };

struct route_param {
	const char      *name;      /* points into the pattern; namelen bytes */
	size_t           namelen;
	enum param_type  type;
	int64_t          ival;      /* PARAM_INT */
	const char      *sval;      /* PARAM_SLUG, _TOKEN, _PERIODE: points into
				       the path, slen bytes, not terminated */
	size_t           slen;
};

struct route_match {
	const struct route *route;
	struct route_param  params[WZ_MAX_ROUTE_PARAMS];
	size_t              nparams;
	char                allow[64];   /* on ROUTER_BAD_METHOD: "GET, HEAD" */
};

enum router_result {
	ROUTER_OK = 0,
	ROUTER_NOT_FOUND,
	ROUTER_BAD_METHOD,
};

/*
 * Finds the route for method and (decoded) path among n routes. A HEAD
 * request matches a GET route when no HEAD route exists. Literal segments
 * win over parameters: routes are tried in table order, so the table lists
 * "/x/nieuw" before "/x/{id:int}".
 */
enum router_result router_match(const struct route *table, size_t n,
		    const char *method, const char *path,
		    struct route_match *out);

/*
 * Checks every pattern of the table (starts with '/', no trailing slash,
 * known parameter types, at most WZ_MAX_ROUTE_PARAMS parameters, no
 * duplicate method+pattern). Returns 0, or -1 naming the first bad route
 * in err. Run at start-up and in the tests.
 */
int	router_check(const struct route *table, size_t n, char *err,
	    size_t errlen);

/* The integer parameter called name, or -1 when there is none. */
int64_t	route_param_int(const struct route_match *, const char *name);

/*
 * The slug or token parameter called name: a pointer into the matched path
 * (borrowed; not NUL-terminated) with its length in *len, or NULL (and *len
 * 0) when there is none.
 */
const char *route_param_str(const struct route_match *, const char *name,
	    size_t *len);

/*
 * What a log line may show of a request path: the route's pattern when the
 * match holds a token parameter (a secret must never reach a log), else
 * path itself. Never NULL when path is not NULL.
 */
const char *router_log_path(const struct route_match *, const char *path);

#endif
