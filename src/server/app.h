/*
 * app.h — what every worker shares, read-only, and the front gate.
 *
 * The supervisor loads the app once (configuration, templates, OpenAPI
 * document, route table check) before it forks; workers inherit it and
 * never write to it. On SIGHUP the supervisor loads a fresh app and new
 * workers start with it.
 */
#ifndef WZ_APP_H
#define WZ_APP_H

#include <stddef.h>

#include "core/conf.h"
#include "core/seal.h"

struct tmpl_set;
struct req;
struct route;
struct password_list;

struct app {
	struct config         cfg;
	struct tmpl_set      *tmpl;
	char                 *openapi;      /* the document, compact JSON */
	size_t                openapi_len;
	const struct route   *routes;       /* the caller's table: outlives it */
	size_t                nroutes;
	struct password_list *passwords;    /* the common-password list */
	char                  static_versie[17]; /* hash of the stylesheets */
	struct seal_keys      seal;         /* personal data at rest; loaded
	                                     * only when both keys are set */
};

/*
 * Loads the configuration file (and environment), the templates and the
 * OpenAPI document, and checks the route table (the program's own, kept
 * by pointer: bin/ hands it over, so the gate names no handler). Returns
 * 0, or -1 with a message naming the file (and line) in err.
 */
int	app_load(struct app *, const char *config_path,
	    const struct route *routes, size_t nroutes, char *err,
	    size_t errlen);
void	app_free(struct app *);

/*
 * The front gate: routes r (already through req_init), asks the policy,
 * parses the body, runs the handler. Always leaves a response in r->res.
 */
void	app_dispatch(const struct app *, struct req *);

#endif
