/*
 * routes.c — joins the route tables of the handler files into the one
 * table the router matches against.
 *
 * The OpenAPI document (www/api/openapi.json plus www/api/paths/) must
 * describe exactly these routes, pages included; the integration tests
 * compare the two through `wijkzicht routes`.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "handlers/handlers.h"

static const struct route_table *const tables[] = {
	&routes_basis,
	&routes_auth,
	&routes_beheer,
	&routes_gebruikers,
	&routes_audit,
	&routes_inwoners,
	&routes_registratie_pagina,
	&routes_gebeurtenis_pagina,
	&routes_afstemming,
	&routes_import,
	&routes_export,
	&routes_inzage,
	&routes_indicatoren,
	&routes_indicatoren_pagina,
	&routes_cijfers,
	&routes_cijfers_pagina,
	&routes_streefwaarden,
	&routes_streefwaarden_pagina,
	&routes_formats_pagina,
	&routes_formatversie_formulier,
	&routes_formats,
	&routes_format_analyse,
	&routes_rapportages,
	&routes_ketenpartnerwaarden,
	&routes_ketenpartnerwaarden_pagina,
	&routes_compleetheid,
	&routes_rapportages_pagina,
};

const struct route *
routes_all(size_t *n)
{
	static struct route *all;
	static size_t nall;
	size_t i, total = 0;

	if (all == NULL) {
		for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
			total += tables[i]->n;
		if ((all = calloc(total, sizeof(*all))) == NULL)
			return NULL;
		for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
			if (tables[i]->n == 0)
				continue;
			memcpy(all + nall, tables[i]->routes,
			    tables[i]->n * sizeof(*all));
			nall += tables[i]->n;
		}
	}
	*n = nall;
	return all;
}
