/*
 * home.c — the home page.
 */
#include "config.h"

#include <json-c/json.h>

#include "handlers/basis.h"
#include "http/request.h"
#include "http/response.h"

void
pagina_home(struct req *r)
{
	struct json_object *ctx = json_object_new_object();

	json_object_object_add(ctx, "titel", json_object_new_string("Welkom"));
	resp_page(r, 200, "home", ctx);
}
