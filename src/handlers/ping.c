/*
 * ping.c — the cheapest worker path, for benchmarks and smoke tests.
 *
 * GET touches neither the database nor a template; POST shows that a JSON
 * body made it through the front gate's parser.
 */
#include "config.h"

#include <json-c/json.h>

#include "handlers/basis.h"
#include "http/request.h"
#include "http/response.h"

void
api_ping(struct req *r)
{
	static const char pong[] = "{\"status\":\"ok\"}";

	resp_json_text(r, 200, pong, sizeof(pong) - 1);
}

void
api_ping_post(struct req *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "ontvangen", json_object_new_boolean(1));
	resp_json(r, 200, o);
}
