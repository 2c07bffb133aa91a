/*
 * app.c — loading the shared application state, and the dispatch of one
 * request: route → policy → body → handler. See app.h.
 *
 * Every check that applies to all routes happens here, once, before any
 * handler runs (the "front line of defence"); a handler can assume its
 * method, path parameters, access and body are valid.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "domain/policy.h"
#include "handlers/handlers.h"
#include "http/negotiate.h"
#include "http/request.h"
#include "http/response.h"
#include "server/app.h"
#include "tmpl/tmpl.h"

/* Reads and re-serializes the OpenAPI document, so a syntax error in it
 * stops start-up and the served text is compact. */
static int
load_openapi(struct app *app, char *err, size_t errlen)
{
	struct json_object *doc;
	const char *s;
	char path[CONFIG_STR_MAX + 32];
	size_t len;

	snprintf(path, sizeof(path), "%s/api/openapi.json", app->cfg.www_dir);
	if ((doc = json_object_from_file(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, json_util_get_last_err());
		return -1;
	}
	s = json_object_to_json_string_length(doc, JSON_C_TO_STRING_PLAIN, &len);
	app->openapi = strdup(s);
	app->openapi_len = len;
	json_object_put(doc);
	if (app->openapi == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

int
app_load(struct app *app, const char *config_path, char *err, size_t errlen)
{
	char path[CONFIG_STR_MAX + 32];

	memset(app, 0, sizeof(*app));
	if (config_load(&app->cfg, config_path, err, errlen) != 0)
		return -1;
	if (router_check(routes, nroutes, err, errlen) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/templates", app->cfg.www_dir);
	if ((app->tmpl = tmpl_set_load_dir(path, err, errlen)) == NULL)
		return -1;
	if (!tmpl_exists(app->tmpl, "layout") || !tmpl_exists(app->tmpl, "error")) {
		snprintf(err, errlen, "%s: layout.html and error.html are required", path);
		app_free(app);
		return -1;
	}
	if (load_openapi(app, err, errlen) != 0) {
		app_free(app);
		return -1;
	}
	return 0;
}

void
app_free(struct app *app)
{
	if (app->tmpl != NULL)
		tmpl_set_free(app->tmpl);
	free(app->openapi);
	app->tmpl = NULL;
	app->openapi = NULL;
}

void
app_dispatch(const struct app *app, struct req *r)
{
	struct principal who = { 0 };
	const struct route *rt;

	switch (router_match(routes, nroutes, r->method, r->path, &r->match)) {
	case ROUTER_OK:
		break;
	case ROUTER_BAD_METHOD:
		resp_header(r, "Allow", r->match.allow);
		resp_problem(r, 405, NULL, NULL);
		return;
	case ROUTER_NOT_FOUND:
	default:
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	rt = r->match.route;
	if ((rt->flags & (ROUTE_JSON | ROUTE_HTML)) == (ROUTE_JSON | ROUTE_HTML)) {
		/* Served both ways: the Accept header decides, JSON by default
		 * (scripts and load balancers send no Accept). */
		r->wants_json = negotiate(r->accept, MEDIA_JSON | MEDIA_HTML,
		    MEDIA_JSON) != MEDIA_HTML;
		resp_header(r, "Vary", "Accept");
	} else if (rt->flags & ROUTE_JSON) {
		r->wants_json = 1;
	}

	switch (policy_allows(rt->access, &who)) {
	case POLICY_ALLOW:
		break;
	case POLICY_UNAUTHENTICATED:
		resp_problem(r, 401, NULL, NULL);
		return;
	case POLICY_FORBIDDEN:
	default:
		resp_problem(r, 403, NULL, NULL);
		return;
	}

	if (req_parse_body(r, rt->flags) != 0)
		return;
	rt->handler(r);
	if (r->res.status == 0) {
		/* A handler that forgot to answer is a bug; never send nothing. */
		resp_problem(r, 500, NULL, NULL);
	}
}
