/*
 * health.c — /healthz for load balancers and the run scripts.
 *
 * Answers quickly in both cases: the database connection has short
 * timeouts, and a lost connection is retried once (store_health).
 */
#include "config.h"

#include <json-c/json.h>

#include "core/log.h"
#include "db/db.h"
#include "handlers/basis.h"
#include "http/request.h"
#include "http/response.h"
#include "store/health.h"

void
api_healthz(struct req *r)
{
	struct json_object *o = json_object_new_object();
	int ok = store_health(r->db) == 0;

	if (!ok)
		log_warn("healthz", "req=%s database: %s",
		    r->request_id ? r->request_id : "-", r->db->error);
	json_object_object_add(o, "status",
	    json_object_new_string(ok ? "ok" : "onbeschikbaar"));
	json_object_object_add(o, "database",
	    json_object_new_string(ok ? "ok" : "onbereikbaar"));
	resp_header(r, "Cache-Control", "no-store");
	if (r->wants_json) {
		resp_json(r, ok ? 200 : 503, o);
		return;
	}
	json_object_object_add(o, "titel", json_object_new_string("Status"));
	json_object_object_add(o, "ok", json_object_new_boolean(ok));
	resp_page(r, ok ? 200 : 503, "gezondheid", o);
}
