/*
 * app.c — loading the shared application state, and the dispatch of one
 * request: route → policy → body → handler. See app.h.
 *
 * Every check that applies to all routes happens here, once, before any
 * handler runs (the "front line of defence"); a handler can assume its
 * method, path parameters, access and body are valid.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/arena.h"
#include "domain/password.h"
#include "domain/policy.h"
#include "http/router.h"
#include "http/negotiate.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"
#include "server/app.h"
#include "server/identiteit.h"
#include "tmpl/tmpl.h"

/*
 * Merges one fragment (www/api/paths/NAME.json: {"paths": {...},
 * "components": {"schemas": {...}}}) into the document. A path or schema
 * defined twice is an error: fragments own disjoint parts.
 */
static int
merge_fragment(struct json_object *doc, const char *path, char *err,
    size_t errlen)
{
	struct json_object *frag, *part, *into, *comp;
	const char *section[] = { "paths", "schemas" };
	size_t i;
	int rc = -1;

	if ((frag = json_object_from_file(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, json_util_get_last_err());
		return -1;
	}
	for (i = 0; i < 2; i++) {
		if (i == 0) {
			part = json_object_object_get(frag, "paths");
			into = json_object_object_get(doc, "paths");
		} else {
			comp = json_object_object_get(frag, "components");
			part = comp ? json_object_object_get(comp, "schemas") : NULL;
			comp = json_object_object_get(doc, "components");
			into = comp ? json_object_object_get(comp, "schemas") : NULL;
		}
		if (part == NULL)
			continue;
		if (into == NULL || !json_object_is_type(part, json_type_object)) {
			snprintf(err, errlen, "%s: %s cannot be merged", path, section[i]);
			goto out;
		}
		json_object_object_foreach(part, key, val) {
			if (json_object_object_get_ex(into, key, NULL)) {
				snprintf(err, errlen, "%s: %s %s is defined twice", path,
				    section[i], key);
				goto out;
			}
			json_object_object_add(into, key, json_object_get(val));
		}
	}
	rc = 0;
out:
	json_object_put(frag);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Merges every www/api/paths/ *.json fragment, in name order. */
static int
merge_fragments(struct json_object *doc, const char *www, char *err,
    size_t errlen)
{
	char dir[CONFIG_STR_MAX + 32], path[CONFIG_STR_MAX + 320], *names[64];
	struct dirent *de;
	size_t n = 0, i, len;
	DIR *d;
	int rc = 0;

	snprintf(dir, sizeof(dir), "%s/api/paths", www);
	if ((d = opendir(dir)) == NULL)
		return 0;                  /* no fragments: the base document only */
	while ((de = readdir(d)) != NULL && n < 64) {
		len = strlen(de->d_name);
		if (len > 5 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + len - 5, ".json") == 0 &&
		    (names[n] = strdup(de->d_name)) != NULL)
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_str);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (rc == 0 && merge_fragment(doc, path, err, errlen) != 0)
			rc = -1;
		free(names[i]);
	}
	return rc;
}

/* Reads the OpenAPI document and its fragments and re-serializes it, so a
 * syntax error stops start-up and the served text is compact. */
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
	if (merge_fragments(doc, app->cfg.www_dir, err, errlen) != 0) {
		json_object_put(doc);
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

/*
 * A short hash of the stylesheets and scripts the pages link. Static
 * files are cached for a year (nginx), so their URLs carry this as ?v=: a
 * changed file gets a new URL at the next start or SIGHUP. A file that
 * cannot be read simply does not count.
 */
static void
static_version(struct app *app)
{
	static const char *const files[] = {
		"static/css/app.css",
		"static/vendor/utrecht-design-tokens.css",
		"static/vendor/utrecht-component-library.css",
		"static/js/upload.js",
		"static/js/bezig.js",
	};
	crypto_generichash_state st;
	unsigned char h[8], chunk[8192];
	char path[CONFIG_STR_MAX + 64];
	size_t i, n;
	FILE *fp;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", app->cfg.www_dir, files[i]);
		if ((fp = fopen(path, "rb")) == NULL)
			continue;
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			crypto_generichash_update(&st, chunk, n);
		fclose(fp);
	}
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(app->static_versie, sizeof(app->static_versie), h, sizeof(h));
}

int
app_load(struct app *app, const char *config_path, const struct route *routes,
    size_t nroutes, char *err, size_t errlen)
{
	char path[CONFIG_STR_MAX + 32];

	memset(app, 0, sizeof(*app));
	if (config_load(&app->cfg, config_path, err, errlen) != 0)
		return -1;
	if (routes == NULL) {
		snprintf(err, errlen, "no route table");
		return -1;
	}
	app->routes = routes;
	app->nroutes = nroutes;
	if (router_check(app->routes, app->nroutes, err, errlen) != 0)
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
	if ((app->passwords = password_list_load(app->cfg.password_list, err,
	    errlen)) == NULL) {
		app_free(app);
		return -1;
	}
	static_version(app);
	/* Keys for personal data at rest: both or neither. Without them the
	 * application runs, but nothing that needs them may be stored. */
	if (app->cfg.seal_key[0] != '\0' || app->cfg.seal_lookup_key[0] != '\0') {
		if (seal_keys_from_hex(&app->seal, app->cfg.seal_key,
		    app->cfg.seal_lookup_key, err, errlen) != 0) {
			app_free(app);
			return -1;
		}
	}
	return 0;
}

void
app_free(struct app *app)
{
	if (app->tmpl != NULL)
		tmpl_set_free(app->tmpl);
	free(app->openapi);
	if (app->passwords != NULL)
		password_list_free(app->passwords);
	seal_keys_wipe(&app->seal);
	app->tmpl = NULL;
	app->openapi = NULL;
	app->passwords = NULL;
}

/* A page that needs a signed-in user sends a browser to the log-in page,
 * which brings it back here afterwards. */
static void
redirect_to_login(struct req *r)
{
	char *enc, *p;
	const char *s;

	/* The path is valid UTF-8 without control bytes (req_init): only
	 * characters outside [A-Za-z0-9/._-] need percent-encoding. */
	if ((enc = arena_alloc(r->arena, strlen(r->path) * 3 + 1)) == NULL) {
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	for (p = enc, s = r->path; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("/._-", *s) != NULL)
			*p++ = *s;
		else
			p += sprintf(p, "%%%02X", (unsigned char)*s);
	}
	*p = '\0';
	resp_redirect(r, arena_printf(r->arena, "/inloggen?terug=%s", enc));
}

void
app_dispatch(const struct app *app, struct req *r)
{
	const struct route *rt;

	switch (router_match(app->routes, app->nroutes, r->method, r->path,
	    &r->match)) {
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

	/* Public routes need no identity: no database query for them, unless
	 * the client presents a credential (pages show who is signed in). */
	if ((rt->access != ACCESS_PUBLIC || r->authorization != NULL ||
	    r->cookies.n > 0) && session_identify(r) != 0)
		return;
	switch (policy_allows(rt->access, &r->who)) {
	case POLICY_ALLOW:
		break;
	case POLICY_UNAUTHENTICATED:
		if (!r->wants_json && strcmp(r->method, "GET") == 0)
			redirect_to_login(r);
		else
			resp_problem(r, 401, NULL, NULL);
		return;
	case POLICY_FORBIDDEN:
	default:
		resp_problem(r, 403, NULL, NULL);
		return;
	}

	if (req_parse_body(r, rt->flags) != 0 || csrf_check(r) != 0)
		return;
	rt->handler(r);
	if (r->res.status == 0) {
		/* A handler that forgot to answer is a bug; never send nothing. */
		resp_problem(r, 500, NULL, NULL);
	}
}
