/*
 * handlers.h — the route tables and the handlers of the basic pages.
 *
 * A handler gets a validated request (struct req), builds a json-c model
 * through the store and answers with exactly one resp_* call. Handlers are
 * thin: no SQL (store/), no rules (domain/), no role checks (the policy
 * module does that before the handler runs, by the route's access rule).
 *
 * Each handler file exports one route table; routes.c joins them, in
 * order, into the one table the router matches against.
 */
#ifndef WZ_HANDLERS_H
#define WZ_HANDLERS_H

#include <stddef.h>

#include "http/router.h"

struct req;

struct route_table {
	const struct route *routes;
	size_t              n;
};

#define ROUTE_TABLE(name, array) \
	const struct route_table name = { array, sizeof(array) / sizeof(array[0]) }

/* Per file: basis.c, auth.c, beheer.c (structure), gebruikers.c (users;
 * with the routes of toekenningen.c, tokens.c, wachtwoordlink.c), audit.c. */
extern const struct route_table routes_basis, routes_auth, routes_beheer,
    routes_gebruikers, routes_audit;
/* Registration (issue 4): inwoners.c (API), registratie_pagina.c (pages),
 * gebeurtenis_pagina.c (the gebeurtenis form), afstemming.c (wachtlijst,
 * reconciliation), import.c, export.c (exports of an organisation's
 * registrations), inzage.c (access history, AVG). */
extern const struct route_table routes_inwoners, routes_registratie_pagina,
    routes_gebeurtenis_pagina, routes_afstemming, routes_import,
    routes_export, routes_inzage;
/* Accountability (issue 10): indicatoren.c (the catalogue, periods) and
 * indicatoren_pagina.c (its pages), cijfers.c (figures and their
 * herkomst) and cijfers_pagina.c (their pages). */
extern const struct route_table routes_indicatoren, routes_indicatoren_pagina,
    routes_cijfers, routes_cijfers_pagina, routes_streefwaarden,
    routes_format_analyse;
/* Formats in versions (issue 11): formats.c (the JSON API). */
extern const struct route_table routes_formats;
/* Rapportages (issue 12): rapportages.c (the JSON API). */
extern const struct route_table routes_rapportages;
/* Completeness of rapportages (issue 12): compleetheid.c. */
extern const struct route_table routes_compleetheid;
/* Rapportages (issue 12): rapportages_pagina.c (the pages). */
extern const struct route_table routes_rapportages_pagina;
/* Targets (issue 11): streefwaarden_pagina.c (the pages of the targets of
 * streefwaarden.c). */
extern const struct route_table routes_streefwaarden_pagina;
/* Formats (issue 11): formats_pagina.c (the pages of formats.c and
 * format_analyse.c). */
extern const struct route_table routes_formats_pagina;
extern const struct route_table routes_formatversie_formulier;
/* Ketenpartner values (issue 12): ketenpartnerwaarden.c (the JSON API)
 * and ketenpartnerwaarden_pagina.c (the one screen per periode). */
extern const struct route_table routes_ketenpartnerwaarden,
    routes_ketenpartnerwaarden_pagina;

/*
 * Every route of the application, in match order: built once (malloc) on
 * first use and kept for the life of the process. NULL when out of memory.
 */
const struct route *routes_all(size_t *n);

#endif
