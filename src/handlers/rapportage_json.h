/*
 * rapportage_json.h — a rapportage as the API shows it, and as the pages
 * take it for their templates (one model, two faces).
 */
#ifndef WZ_HANDLERS_RAPPORTAGE_JSON_H
#define WZ_HANDLERS_RAPPORTAGE_JSON_H

struct json_object;
struct rapportage_cel;
struct rapportage_rij;
struct rapportage_weergave;
struct req;

/* The head of a rapportage (list items). */
struct json_object	*rapportage_kop_json(struct req *,
			    const struct rapportage_rij *);
/* Everything on it: values, eisen, vragen, historie, revisions, and the
 * steps the caller may take (acties). */
struct json_object	*rapportage_json(struct req *,
			    const struct rapportage_weergave *);

/* One value as the list waarden of rapportage_json holds it. */
struct json_object	*rapportage_waarde_json(struct req *,
			    const struct rapportage_cel *);

#endif
