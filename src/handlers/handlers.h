/*
 * handlers.h — every route handler and the route table.
 *
 * A handler gets a validated request (struct req), builds a json-c model
 * through the store and answers with exactly one resp_* call. Handlers are
 * thin: no SQL (store/), no rules (domain/), no role checks (the policy
 * module does that before the handler runs).
 */
#ifndef WZ_HANDLERS_H
#define WZ_HANDLERS_H

#include <stddef.h>

#include "http/router.h"

struct req;

/* The route table (routes.c), in match order. */
extern const struct route routes[];
extern const size_t nroutes;

/* GET / — the home page. 200. */
void	handle_home(struct req *);
/* GET /healthz — 200 when the database answers, 503 otherwise. JSON, or
 * HTML for a client that prefers it. */
void	handle_healthz(struct req *);
/* GET /api/v1/ping — 200, no database. */
void	handle_ping(struct req *);
/* POST /api/v1/ping — echoes that a JSON body was received. 200; the
 * front gate answers 400/413/415 for a bad body. */
void	handle_ping_post(struct req *);
/* GET /api/v1/openapi.json — the OpenAPI document. 200. */
void	handle_openapi(struct req *);

#endif
