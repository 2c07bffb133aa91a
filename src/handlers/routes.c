/*
 * routes.c — the route table: every path the application answers, with
 * its handler, its access rule and what it consumes and produces.
 *
 * The OpenAPI document (www/api/openapi.json) must describe exactly the
 * routes listed here, pages included; the integration tests compare the
 * two through `wijkzicht routes`.
 */
#include "config.h"

#include "handlers/handlers.h"

const struct route routes[] = {
	{ "GET",  "/",                     handle_home,      ACCESS_PUBLIC, ROUTE_HTML },
	{ "GET",  "/healthz",              handle_healthz,   ACCESS_PUBLIC, ROUTE_JSON | ROUTE_HTML },
	{ "GET",  "/api/v1/ping",          handle_ping,      ACCESS_PUBLIC, ROUTE_JSON },
	{ "POST", "/api/v1/ping",          handle_ping_post, ACCESS_PUBLIC, ROUTE_JSON | ROUTE_BODY_JSON },
	{ "GET",  "/api/v1/openapi.json",  handle_openapi,   ACCESS_PUBLIC, ROUTE_JSON },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
