/*
 * registratie_pagina.h — what the pages of the registration share:
 * registratie_pagina.c (the inwoner pages and forms, the traject form)
 * defines these, and gebeurtenis_pagina.c (the gebeurtenis form) builds
 * on them. Internal to those two files.
 */
#ifndef WZ_HANDLERS_REGISTRATIE_PAGINA_H
#define WZ_HANDLERS_REGISTRATIE_PAGINA_H

#include <stdint.h>

#include "ops/ops.h"

struct json_object;
struct req;
struct scope;

/* Whether two texts are equal; NULL equals nothing. */
int	tekst_is(const char *a, const char *b);

/*
 * Renders the registration form page (registratie_formulier.html),
 * taking velden, fouten and extra (the context to start from, may be
 * NULL). "Back" goes to inwoner_id's page (> 0) or to the search; versie
 * > 0 on a change form.
 */
void	registratie_formulier(struct req *, int status, const char *titel,
	    const char *inwoner, int64_t inwoner_id, const char *actie,
	    struct json_object *velden, struct json_object *fouten,
	    int64_t versie, const char *knop, const char *conflict,
	    struct json_object *extra);

/* The inwoner of the path for a page (audited with actie, or not when
 * NULL); NULL after answering 404 or an error. */
struct json_object *inwoner_van_pad(struct req *, const struct scope *s,
		    const char *actie);

/* Member k of o as text (json-c's, valid while o is), or NULL. */
const char	*lid_tekst(struct json_object *o, const char *k);

/* ------------------------------------------------------------ the
 * traject and gebeurtenis forms: a part of an inwoner's file */

/* How a traject or gebeurtenis form shows itself again with field
 * errors. */
typedef void (*formulier_fn)(struct req *, int, struct json_object *);

/* After the form's operation (c, u): 303 to the inwoner's page at the
 * new item (#anker-nieuw), the form again (opnieuw, 422), or the problem. */
void	onderdeel_klaar(struct req *, struct ops_ctx *c, enum ops_uitkomst u,
	    int64_t nieuw, formulier_fn opnieuw, const char *anker);

/* The scope and the inwoner of the path, in scope; -1 after answering. */
int	onderdeel_scope(struct req *, struct scope *s);

#endif
