/*
 * formveld.h — one form field as a page template shows it: the context of
 * the veld partial (www/templates/veld.html) — naam, label, verplicht,
 * uitleg, its own field error and the aria-describedby ids that point at
 * them — for the registration and admin pages alike.
 */
#ifndef WZ_HANDLERS_FORMVELD_H
#define WZ_HANDLERS_FORMVELD_H

#include <stddef.h>

struct json_object;
struct req;
struct structuur_optie;
struct veld_optie;

/* The common part; fout: the first error for naam in fouten. */
struct json_object *formveld(struct req *, const char *naam, const char *label,
		    int verplicht, const char *uitleg, struct json_object *fouten);
/* An <input> (type) or, max over 200, a <textarea>, with its value. */
struct json_object *formveld_invoer(struct req *, const char *naam,
		    const char *label, int verplicht, const char *uitleg,
		    struct json_object *fouten, const char *type,
		    const char *waarde, int max);
/* A <select> (radio: a radio group) of the choices k (nk of them) and the
 * fixed options vast (NULL-terminated; may be NULL); waarde is chosen. */
struct json_object *formveld_keuze(struct req *, const char *naam,
		    const char *label, int verplicht, const char *uitleg,
		    struct json_object *fouten, const char *waarde,
		    const struct structuur_optie *k, size_t nk,
		    const struct veld_optie *vast, int radio);
/* The label of code among the options o (code itself when it is none
 * of them). */
const char	*formveld_optie_label(const struct veld_optie *o,
		    const char *code);
/* Appends {waarde, label, gekozen} to arr. */
void	formveld_optie(struct json_object *arr, const char *waarde,
	    const char *label, int aan);

#endif
