/*
 * basis.h — the home page, health check, ping and the OpenAPI document.
 */
#ifndef WZ_HANDLERS_BASIS_H
#define WZ_HANDLERS_BASIS_H

struct req;

/* GET / — the home page. 200. */
void	pagina_home(struct req *);
/* GET /healthz — 200 when the database answers, 503 otherwise. JSON, or
 * HTML for a client that prefers it. */
void	api_healthz(struct req *);
/* GET /api/v1/ping — 200, no database. */
void	api_ping(struct req *);
/* POST /api/v1/ping — echoes that a JSON body was received. 200; the
 * front gate answers 400/413/415 for a bad body. */
void	api_ping_post(struct req *);
/* GET /api/v1/openapi.json — the OpenAPI document. 200. */
void	api_openapi(struct req *);

#endif
