/*
 * formveld.c — form fields for the pages; see formveld.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/veld.h"
#include "handlers/common.h"
#include "handlers/formveld.h"
#include "http/request.h"
#include "store/structuur.h"

/*
 * beschreven_door is the field's aria-describedby: the ids of its
 * explanation ("<naam>-uitleg") and of its error ("<naam>-fout"), space
 * separated, which veld.html gives those elements, so that a screen
 * reader reads both with the field. fouten is only read (the caller
 * keeps it); the new object is the caller's, to add to a page context.
 */
struct json_object *
formveld(struct req *r, const char *naam, const char *label, int verplicht,
    const char *uitleg, struct json_object *fouten)
{
	struct json_object *o = json_object_new_object();
	const char *fout = fout_van(fouten, naam), *door;

	json_object_object_add(o, "naam", tekst_of_null(naam));
	json_object_object_add(o, "label", tekst_of_null(label));
	json_object_object_add(o, "verplicht", json_object_new_boolean(verplicht));
	if (uitleg != NULL)
		json_object_object_add(o, "uitleg", tekst_of_null(uitleg));
	if (fout != NULL)
		json_object_object_add(o, "fout", tekst_of_null(fout));
	door = uitleg ? arena_printf(r->arena, "%s-uitleg", naam) : NULL;
	if (fout != NULL)
		door = arena_printf(r->arena, "%s%s%s-fout", door ? door : "",
		    door ? " " : "", naam);
	if (door != NULL)
		json_object_object_add(o, "beschreven_door", tekst_of_null(door));
	return o;
}

/* Up to 200 characters (names, codes) is one line; a longer text (a
 * toelichting) gets a textarea. max is also the maxlength the browser
 * holds the user to; the operation checks the length again. */
struct json_object *
formveld_invoer(struct req *r, const char *naam, const char *label, int verplicht,
    const char *uitleg, struct json_object *fouten, const char *type,
    const char *waarde, int max)
{
	struct json_object *o = formveld(r, naam, label, verplicht, uitleg, fouten);

	json_object_object_add(o, max > 200 ? "is_lange_tekst" : "is_invoer",
	    json_object_new_boolean(1));
	json_object_object_add(o, "type", tekst_of_null(type));
	json_object_object_add(o, "waarde", tekst_of_null(waarde));
	if (max > 0)
		json_object_object_add(o, "max", json_object_new_int(max));
	return o;
}

/* Texts are never null ("" instead): every option gets a value and a
 * label, also the select's empty first choice (value ""). */
void
formveld_optie(struct json_object *arr, const char *waarde, const char *label, int aan)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "waarde", tekst_of_leeg(waarde));
	json_object_object_add(o, "label", tekst_of_leeg(label));
	json_object_object_add(o, "gekozen", json_object_new_boolean(aan));
	json_object_array_add(arr, o);
}

/*
 * A select, or a radio group, of the structure options k (id and naam)
 * followed by the fixed options vast. waarde is what the form sent, so
 * ids are compared as text. A select starts with an empty "— kies —",
 * chosen when nothing is: with required on the select the browser will
 * not send it unchosen. A radio group has no empty option.
 */
struct json_object *
formveld_keuze(struct req *r, const char *naam, const char *label, int verplicht,
    const char *uitleg, struct json_object *fouten, const char *waarde,
    const struct structuur_optie *k, size_t nk, const struct veld_optie *vast,
    int radio)
{
	struct json_object *o = formveld(r, naam, label, verplicht, uitleg, fouten),
	    *arr = json_object_new_array();
	const char *id;
	size_t i;

	if (!radio)
		formveld_optie(arr, "", "— kies —", waarde == NULL || *waarde == '\0');
	for (i = 0; k != NULL && i < nk; i++) {
		id = arena_printf(r->arena, "%lld", (long long)k[i].id);
		formveld_optie(arr, id, k[i].naam, waarde != NULL && strcmp(waarde, id) == 0);
	}
	for (i = 0; vast != NULL && vast[i].code != NULL; i++)
		formveld_optie(arr, vast[i].code, vast[i].label, waarde != NULL && strcmp(waarde, vast[i].code) == 0);
	json_object_object_add(o, radio ? "is_radio" : "is_keuze",
	    json_object_new_boolean(1));
	json_object_object_add(o, "opties", arr);
	return o;
}

const char *
formveld_optie_label(const struct veld_optie *o, const char *code)
{
	const char *l = veld_optie_label(o, code);

	return l != NULL ? l : code;
}
