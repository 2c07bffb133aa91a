/*
 * veldfout.c — field errors as JSON; see veldfout.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "domain/veld.h"
#include "domain/veldfout.h"

void
fout_melding(struct json_object *lijst, const char *veld, const char *melding)
{
	struct json_object *e;

	/* No list (a context whose errors were handed on already): nothing
	 * to add to, and nothing made that nobody would free. */
	if (lijst == NULL)
		return;
	e = json_object_new_object();

	json_object_object_add(e, "veld", json_object_new_string(veld));
	json_object_object_add(e, "melding", json_object_new_string(melding));
	json_object_array_add(lijst, e);
}

void
fout_toevoegen(struct json_object *lijst, const char *veld, const struct veld *f,
    enum veld_fout fout)
{
	char buf[512];

	fout_melding(lijst, veld, veld_melding(f, fout, buf, sizeof(buf)));
}

const char *
fout_van(struct json_object *fouten, const char *naam)
{
	struct json_object *e, *v;
	size_t i;

	for (i = 0; fouten != NULL && i < json_object_array_length(fouten); i++) {
		e = json_object_array_get_idx(fouten, i);
		if (json_object_object_get_ex(e, "veld", &v) &&
		    strcmp(json_object_get_string(v), naam) == 0 &&
		    json_object_object_get_ex(e, "melding", &v))
			return json_object_get_string(v);
	}
	return NULL;
}
