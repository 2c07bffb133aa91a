/*
 * request.c — the front gate's input half: FastCGI parameters in, a
 * validated struct req out; see request.h.
 *
 * Everything a client controls is checked here before any handler runs:
 * method, path (percent-encoding, UTF-8, length), query string, cookies,
 * body size and media type. A failure answers with a problem and the
 * request goes no further. This file must never log or echo request data.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/limits.h"
#include "http/cookie.h"
#include "http/json_body.h"
#include "http/negotiate.h"
#include "http/request.h"
#include "http/response.h"

static const char *const methods[] = {
	"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
};

static const char *
known_method(const char *m)
{
	size_t i;

	for (i = 0; m != NULL && i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(m, methods[i]) == 0)
			return methods[i];
	return NULL;
}

/* Parses a decimal Content-Length; -1 when malformed. */
static long long
parse_length(const char *s)
{
	long long v = 0;

	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 1000000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* "Application/JSON; charset=utf-8" → "application/json" (arena). */
static const char *
media_type(struct arena *a, const char *ct)
{
	size_t i, len;
	char *out;

	if (ct == NULL)
		return NULL;
	len = strcspn(ct, ";");
	while (len > 0 && isspace((unsigned char)ct[len - 1]))
		len--;
	if ((out = arena_strndup(a, ct, len)) == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}

/*
 * Whether errors should be problem+json: every path under /api/, and any
 * client that prefers JSON to HTML. Routes refine this in app_dispatch.
 */
static int
wants_json(const char *path, const char *accept)
{
	if (path != NULL && strncmp(path, "/api/", 5) == 0)
		return 1;
	return negotiate(accept, MEDIA_JSON | MEDIA_HTML, MEDIA_HTML) == MEDIA_JSON;
}

int
req_init(struct req *r, struct arena *a, param_fn get, void *ctx)
{
	const char *uri, *qs, *cl;
	size_t pathlen, outlen;
	enum parse_err pe;
	long long len;
	char *path;

	r->arena = a;
	buf_init(&r->res.body, a);
	r->request_id = get(ctx, "REQUEST_ID");
	r->remote_addr = get(ctx, "REMOTE_ADDR");
	r->accept = get(ctx, "HTTP_ACCEPT");
	r->authorization = get(ctx, "HTTP_AUTHORIZATION");
	r->origin = get(ctx, "HTTP_ORIGIN");
	r->host = get(ctx, "HTTP_HOST");
	r->scheme = get(ctx, "REQUEST_SCHEME");
	r->csrf_header = get(ctx, "HTTP_X_CSRF_TOKEN");
	r->if_match = get(ctx, "HTTP_IF_MATCH");
	r->idempotency_key = get(ctx, "HTTP_IDEMPOTENCY_KEY");
	uri = get(ctx, "REQUEST_URI");
	if (uri == NULL)
		uri = "/";
	pathlen = strcspn(uri, "?");
	/* Until the path is known to be valid, decide the error format on the
	 * raw prefix, which is all that /api/ needs. */
	r->wants_json = wants_json(uri, r->accept);

	r->method = known_method(get(ctx, "REQUEST_METHOD"));
	if (r->method == NULL) {
		r->method = "GET";
		resp_problem(r, 501, "Deze HTTP-methode wordt niet ondersteund.", NULL);
		return 501;
	}
	r->head = strcmp(r->method, "HEAD") == 0;

	if (pathlen == 0 || uri[0] != '/' || pathlen > WZ_MAX_PATH) {
		resp_problem(r, pathlen > WZ_MAX_PATH ? 414 : 400,
		    "Het adres van de aanvraag is ongeldig of te lang.", NULL);
		return r->res.status;
	}
	/* The raw path stands in (for the log and the API-Version header)
	 * until the decoded one is known to be valid. */
	r->path = arena_strndup(a, uri, pathlen);
	pe = percent_decode(a, uri, pathlen, 0, 0, &path, &outlen);
	if (pe != PARSE_OK) {
		resp_problem(r, pe == PARSE_NOMEM ? 500 : 400, parse_strerror(pe), NULL);
		return r->res.status;
	}
	r->path = path;
	r->wants_json = wants_json(r->path, r->accept);

	qs = get(ctx, "QUERY_STRING");
	if (qs != NULL && *qs != '\0') {
		if (strlen(qs) > WZ_MAX_QUERY)
			pe = PARSE_TOO_LONG;
		else
			pe = form_parse(a, qs, strlen(qs), &r->query);
		if (pe != PARSE_OK) {
			resp_problem(r, pe == PARSE_NOMEM ? 500 : 400,
			    parse_strerror(pe), NULL);
			return r->res.status;
		}
	}

	pe = cookie_parse(a, get(ctx, "HTTP_COOKIE"), &r->cookies);
	if (pe != PARSE_OK) {
		resp_problem(r, 400, parse_strerror(pe), NULL);
		return 400;
	}

	cl = get(ctx, "CONTENT_LENGTH");
	len = parse_length(cl);
	if (len < 0) {
		resp_problem(r, 400, "De lengte van de aanvraag is ongeldig.", NULL);
		return 400;
	}
	if (len > WZ_MAX_BODY) {
		resp_problem(r, 413, NULL, NULL);
		return 413;
	}
	r->content_length = (size_t)len;
	r->content_type = media_type(a, get(ctx, "CONTENT_TYPE"));
	return 0;
}

int
req_parse_body(struct req *r, unsigned flags)
{
	enum parse_err pe;
	int json_ok = (flags & ROUTE_BODY_JSON) != 0;
	int form_ok = (flags & ROUTE_BODY_FORM) != 0;

	if (r->content_length == 0 && !json_ok && !form_ok)
		return 0;
	if (r->content_length > 0 && !json_ok && !form_ok) {
		resp_problem(r, 415, "Deze aanvraag neemt geen inhoud aan.", NULL);
		return 415;
	}
	if (json_ok && r->content_type != NULL &&
	    (strcmp(r->content_type, "application/json") == 0 ||
	    strcmp(r->content_type, "application/merge-patch+json") == 0)) {
		pe = json_body_parse(r->body ? r->body : "", r->content_length, &r->json);
	} else if (form_ok && r->content_type != NULL &&
	    strcmp(r->content_type, "application/x-www-form-urlencoded") == 0) {
		pe = form_parse(r->arena, r->body ? r->body : "", r->content_length,
		    &r->form);
	} else {
		resp_problem(r, 415, json_ok ?
		    "Stuur de gegevens als application/json." :
		    "Stuur het formulier als application/x-www-form-urlencoded.",
		    NULL);
		return 415;
	}
	if (pe != PARSE_OK) {
		resp_problem(r, pe == PARSE_NOMEM ? 500 :
		    pe == PARSE_TOO_LONG ? 413 : 400, parse_strerror(pe), NULL);
		return r->res.status;
	}
	return 0;
}

void
req_cleanup(struct req *r)
{
	if (r->json != NULL)
		json_object_put(r->json);
	r->json = NULL;
}
