/*
 * registratie.h — what the registration handlers share (inwoners.c,
 * registratie_pagina.c, gebeurtenis_pagina.c, afstemming.c, import.c,
 * export.c, inzage.c).
 *
 * The scope of the caller (which organisaties, which party of the keten)
 * is read once per request by registratie_scope(); every operation and
 * store call on personal data takes it. The writes themselves are the
 * operations of ops/registratie.h.
 */
#ifndef WZ_HANDLERS_REGISTRATIE_H
#define WZ_HANDLERS_REGISTRATIE_H

#include <stdint.h>

#include "ops/registratie.h"
#include "store/registratie.h"

struct json_object;
struct req;

/*
 * Fills s with the caller's organisaties and parties (one query, only
 * when the caller has organisatie- or wijkteam-scoped grants of the
 * medewerker, teamleider or ketenpartner role). Returns 0, or -1 after
 * answering a database error.
 */
int	registratie_scope(struct req *, struct scope *s);

/* The masked BSN ("*****6782") of a sealed value, or NULL when there is
 * none or it cannot be opened (logged). In the arena. */
const char *registratie_bsn_masker(struct req *, const char *sealed);

/* The clear BSN of a sealed value (for the AVG export only), or NULL. */
const char *registratie_bsn_open(struct req *, const char *sealed);

/*
 * Seals a canonical BSN (domain/bsn.h) and computes its lookup hash, both
 * into the arena. Returns 0, or -1 when the keys are not configured.
 */
int	registratie_bsn_seal(struct req *, const char *bsn,
	    const char **sealed, const char **hash);

/* ------------------------------------------------------------ input
 * The body as the operations of ops/registratie.h take it: one field of
 * the JSON body (a value that is not text is ongeldig) or of the form.
 * A face passes its reader to what both faces read alike. */

typedef struct ops_tekst (*invoer_fn)(struct req *, const char *naam);
struct ops_tekst invoer_json(struct req *, const char *naam);
struct ops_tekst invoer_form(struct req *, const char *naam);

void	traject_invoer_lees(struct req *, invoer_fn, struct traject_invoer *);

/*
 * Inwoner id as this caller may see it (with "ketenstatus"), writing an
 * audit row with actie (e.g. "inzien"; NULL: none, for a read inside a
 * write that is audited itself). *obj NULL: not found or out of scope.
 * Returns 0, or -1 after answering.
 */
int	inwoner_lees_json(struct req *, const struct scope *, int64_t id,
	    const char *actie, struct json_object **obj);
/* The trajecten of an inwoner in scope (traject_id > 0: that one) as a
 * new array; the events as party sees them. 0, or -1 after answering. */
int	trajecten_json(struct req *, const struct scope *,
	    int64_t inwoner_id, int64_t traject_id, struct json_object **arr);
int	gebeurtenissen_json(struct req *, const struct scope *,
	    int64_t inwoner_id, int64_t gebeurtenis_id,
	    struct json_object **arr);
/*
 * Searches by BSN (exact), else naam (words as prefixes), with wijk_id
 * (0: any); voor: cursor; limit + 1 rows are asked. A malformed BSN or too
 * short a name is a field error (rows untouched). 0, or -1 after answering.
 */
int	inwoner_zoek(struct req *, const struct scope *, const char *naam,
	    const char *bsn, int64_t wijk_id, int64_t voor, int64_t limit,
	    struct json_object *fouten, struct inwoner_rij **rijen, size_t *n);
/* What was typed as a name as up to three LIKE patterns for the name
 * search, the longest first; returns how many (0: nothing to look for). */
int	naam_zoekwoorden(struct req *, const char *naam, const char *woord[3]);

#endif
