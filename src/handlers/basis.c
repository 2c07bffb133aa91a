/*
 * basis.c — the route table of the basic pages (the handlers live in
 * home.c, health.c, ping.c and openapi.c).
 */
#include "config.h"

#include "handlers/basis.h"
#include "handlers/handlers.h"

static const struct route table[] = {
	{ "GET",  "/",                     pagina_home,      ACCESS_PUBLIC, ROUTE_HTML, NULL },
	{ "GET",  "/healthz",              api_healthz,   ACCESS_PUBLIC, ROUTE_JSON | ROUTE_HTML, NULL },
	{ "GET",  "/api/v1/ping",          api_ping,      ACCESS_PUBLIC, ROUTE_JSON, NULL },
	{ "POST", "/api/v1/ping",          api_ping_post, ACCESS_PUBLIC, ROUTE_JSON | ROUTE_BODY_JSON, NULL },
	{ "GET",  "/api/v1/openapi.json",  api_openapi,   ACCESS_PUBLIC, ROUTE_JSON, NULL },
};
ROUTE_TABLE(routes_basis, table);
