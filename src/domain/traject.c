/*
 * traject.c — the kinds of traject; see traject.h.
 */
#include "config.h"

#include <string.h>

#include "domain/traject.h"

/* From the audit letter (Bijlage 1 and 2): the participatieaanbod of the
 * aanvullende opdracht, individuele begeleiding the team gives itself
 * (since the pilot ended in 2024), and the brede opdracht's own work. */
const struct veld_optie traject_soorten[] = {
	{ "participatie", "Participatiebegeleiding" },
	{ "ib_eigen", "Individuele begeleiding (eigen)" },
	{ "plan_van_aanpak", "Plan van aanpak" },
	{ "schulden", "Schulden en inkomen" },
	{ "mantelzorg", "Mantelzorgondersteuning" },
	{ "maatschappelijke_ondersteuning", "Maatschappelijke ondersteuning" },
	{ "jongeren", "Jongeren" },
	{ "huiselijk_geweld", "Huiselijk geweld" },
	{ NULL, NULL },
};

const char *
traject_soort_label(const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; traject_soorten[i].code != NULL; i++)
		if (strcmp(traject_soorten[i].code, code) == 0)
			return traject_soorten[i].label;
	return NULL;
}
