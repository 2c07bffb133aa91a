/*
 * request.h — the request context every handler receives.
 *
 * One `struct req` lives for one request. Everything in it is allocated from
 * the worker's arena (except `json`, which json-c owns and req_cleanup puts)
 * and is gone after the worker resets the arena. Nothing per request is ever
 * kept in a global: a worker outlives thousands of requests.
 *
 * request.c turns FastCGI parameters into this struct and validates them;
 * it reads parameters through a callback so tests need no FastCGI server.
 */
#ifndef WZ_REQUEST_H
#define WZ_REQUEST_H

#include <stddef.h>

#include "core/buf.h"
#include "domain/policy.h"
#include "http/router.h"
#include "http/urlenc.h"

struct arena;
struct password_list;
struct seal_keys;
struct db;
struct config;
struct json_object;
struct tmpl_set;
struct upload;

#define RESP_MAX_HEADERS	16

struct resp_header {
	const char *name;
	const char *value;
};

struct response {
	int                 status;        /* 0 until a handler sets one */
	const char         *content_type;
	struct buf          body;
	struct resp_file   *file;          /* resp_file: the body is a file
					    * instead (response.h), or NULL */
	struct resp_header  headers[RESP_MAX_HEADERS];
	size_t              nheaders;
};

struct req {
	struct arena       *arena;
	/* What the application loaded at start-up, read-only; the gate
	 * (server/worker.c) sets these, so handlers need nothing of it. */
	const struct seal_keys *seal;    /* personal data at rest */
	const struct password_list *passwords; /* the common-password list */
	const char         *openapi;     /* the OpenAPI document, compact */
	size_t              openapi_len;
	const struct tmpl_set *tmpl;     /* the worker's parsed templates */
	const struct config *cfg;        /* read-only after start-up */
	const char *static_versie;       /* ?v= of /static/ URLs in pages */
	struct db          *db;          /* this worker's connection */

	/* What the client sent, validated. */
	const char         *method;      /* upper case, known method */
	const char         *path;        /* percent-decoded, valid UTF-8 */
	const char         *request_id;  /* from nginx; cleaned for logs */
	const char         *remote_addr;
	const char         *content_type;  /* media type, lower case, no params */
	size_t              content_length;
	const char         *accept;
	const char         *authorization;  /* Authorization header */
	const char         *origin;         /* Origin header */
	const char         *host;           /* Host header */
	const char         *scheme;         /* "http" or "https" */
	const char         *csrf_header;    /* X-CSRF-Token */
	const char         *if_match;       /* If-Match */
	const char         *idempotency_key;/* Idempotency-Key */
	struct kvlist       query;
	struct kvlist       cookies;
	const char         *body;        /* content_length bytes, arena */
	struct json_object *json;        /* parsed JSON body, or NULL */
	struct kvlist       form;        /* parsed form body */
	struct upload      *upload;      /* ROUTE_BODY_UPLOAD: the body as a
					  * stream (http/multipart.h), set by
					  * the worker; NULL otherwise */

	/* Who asks (session_identify). */
	struct principal    who;

	/* How it is answered. */
	struct route_match  match;
	int                 wants_json;  /* answer errors as problem+json */
	int                 head;        /* HEAD: send headers only */
	struct response     res;
};

/* Reads one FastCGI parameter; NULL when absent. */
typedef const char *(*param_fn)(void *ctx, const char *name);

/*
 * Fills r from the parameters. Returns 0, or an HTTP status (400, 413, 501)
 * with r->res already set to the problem, after which the caller only sends
 * the response. r->arena must be set.
 */
int	req_init(struct req *, struct arena *, param_fn get, void *ctx);

/* Parses r->body per its content type into r->json or r->form. Returns 0 or
 * the status of the problem already set (400, 415). */
int	req_parse_body(struct req *, unsigned route_flags);

/* Releases what the arena does not own (the JSON body). */
void	req_cleanup(struct req *);

#endif
