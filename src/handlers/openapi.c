/*
 * openapi.c — serves the OpenAPI document, read once at start-up.
 */
#include "config.h"

#include "handlers/basis.h"
#include "http/request.h"
#include "http/response.h"

void
api_openapi(struct req *r)
{
	resp_json_text(r, 200, r->openapi, r->openapi_len);
}
