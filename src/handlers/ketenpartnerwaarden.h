/*
 * ketenpartnerwaarden.h — what the API and the page of the ketenpartner
 * values share.
 */
#ifndef WZ_HANDLERS_KETENPARTNERWAARDEN_H
#define WZ_HANDLERS_KETENPARTNERWAARDEN_H

struct json_object;
struct kpw_cel;

/* One cell as the API shows it (the caller owns the object). */
struct json_object *kpw_cel_json(const struct kpw_cel *, const char *periode);

#endif
