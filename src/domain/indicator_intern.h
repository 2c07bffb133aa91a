/*
 * indicator_intern.h — the helpers of the indicator vocabulary
 * (indicator.c) that the reading of a rule (indicator_regel.c) uses too:
 * a code's place in a list, what a field allows, and a member of a JSON
 * object. Internal to those two files; the module's face is indicator.h.
 */
#ifndef WZ_DOMAIN_INDICATOR_INTERN_H
#define WZ_DOMAIN_INDICATOR_INTERN_H

struct gebeurtenis_veld;
struct json_object;
struct veld_optie;

/* The position of code in lijst, or -1. */
int	optie_plaats(const struct veld_optie *lijst, const char *code);

/* Whether a field has a fixed set of categories at all, and may be shown
 * to whoever sees the figures. */
int	veld_splitsbaar(const struct gebeurtenis_veld *v);

/* Why field v can be neither a filter nor an uitsplitsing, as the end of
 * a sentence; NULL when it can be a filter. */
const char *veld_verboden(const struct gebeurtenis_veld *v);

/* The member key of o, NULL when absent or JSON null. */
struct json_object *regel_lid(struct json_object *o, const char *key);

#endif
