/*
 * veldfout.c — field errors as JSON; see veldfout.h.
 */
#include "config.h"

#include <json-c/json.h>

#include "domain/veldfout.h"

void
fout_melding(struct json_object *lijst, const char *veld, const char *melding)
{
	struct json_object *e = json_object_new_object();

	json_object_object_add(e, "veld", json_object_new_string(veld));
	json_object_object_add(e, "melding", json_object_new_string(melding));
	json_object_array_add(lijst, e);
}
