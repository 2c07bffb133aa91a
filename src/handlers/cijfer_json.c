/*
 * cijfer_json.c — figures and targets as the API writes them, for the
 * figure routes (cijfers.c) and the rapportages (rapportages.c) alike.
 */
#include "config.h"

#include <json-c/json.h>

#include "core/getal.h"
#include "domain/periode.h"
#include "domain/streefwaarde.h"
#include "handlers/cijfer_json.h"

/* A value of the table's schaal as a JSON number: tenths with one
 * decimal, exactly as computed (no binary rounding in the text). */
struct json_object *
cijfer_getal_json(int64_t v, int schaal)
{
	char s[GETAL_TEKST_MAX];

	if (schaal <= 1)
		return json_object_new_int64(v);
	return json_object_new_double_s((double)v / schaal,
	    getal_schrijf(v, schaal, '.', 0, s));
}

/* A shown target value (units of 1/STREEFWAARDE_TOON_SCHAAL) as an
 * exact JSON number. */
static struct json_object *
streef_getal(int64_t v)
{
	char b[40];

	streefwaarde_getal_tekst(v, STREEFWAARDE_TOON_SCHAAL, b);
	return json_object_new_double_s((double)v / STREEFWAARDE_TOON_SCHAAL, b);
}

/*
 * The target that applies to a cell as shown there: a year target of a
 * telling divided for a half-year or quarter (pro_rata true), with an
 * absolute tolerance divided alike (a percentage stays); periode is the
 * periode it was set for. null without one.
 */
struct json_object *
streefwaarde_cel_json(const struct sw_cel *c)
{
	const struct streefwaarde *sw = c->sw;
	struct json_object *o;
	char pc[PERIODE_CODE_MAX];
	int band;

	if (sw == NULL)
		return NULL;
	band = sw->richting == SW_BANDBREEDTE;
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(sw->id));
	json_object_object_add(o, "periode", json_object_new_string(
	    periode_code(&sw->periode, pc)));
	json_object_object_add(o, "richting", json_object_new_string(
	    streefwaarde_richting_code(sw->richting)));
	json_object_object_add(o, "waarde", band ? NULL :
	    streef_getal(streefwaarde_toon(c, sw->waarde)));
	json_object_object_add(o, "ondergrens", band ?
	    streef_getal(streefwaarde_toon(c, sw->ondergrens)) : NULL);
	json_object_object_add(o, "bovengrens", band ?
	    streef_getal(streefwaarde_toon(c, sw->bovengrens)) : NULL);
	json_object_object_add(o, "tolerantie", !sw->heeft_tolerantie ? NULL :
	    sw->tolerantie_soort == SW_PROCENT ? streef_getal(sw->tolerantie *
	    (STREEFWAARDE_TOON_SCHAAL / STREEFWAARDE_SCHAAL)) :
	    streef_getal(streefwaarde_toon(c, sw->tolerantie)));
	json_object_object_add(o, "tolerantie_soort", json_object_new_string(
	    streefwaarde_tolerantie_code(sw->tolerantie_soort)));
	json_object_object_add(o, "pro_rata", json_object_new_boolean(
	    c->deler > 1));
	return o;
}


struct json_object *
decimaal_json(const char *s)
{
	int64_t v;
	char b[40];

	if (s == NULL || streefwaarde_getal_lees(s, &v) != 0)
		return NULL;
	return json_object_new_double_s((double)v / STREEFWAARDE_SCHAAL,
	    streefwaarde_getal_tekst(v, STREEFWAARDE_SCHAAL, b));
}

struct json_object *
id_of_null(int64_t id)
{
	return id > 0 ? json_object_new_int64(id) : NULL;
}
