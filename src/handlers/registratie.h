/*
 * registratie.h — what the registration handlers share (inwoners.c,
 * registratie_pagina.c, afstemming.c, import.c, export.c, inzage.c).
 *
 * The scope of the caller (which organisaties, which party of the keten)
 * is read once per request by registratie_scope(); every store call on
 * personal data takes it. The purposes (doel) of audit rows about
 * inwoners are the DOEL_ constants: one word per kind of use, as NEN 7513
 * asks ("why was this record opened").
 */
#ifndef WZ_HANDLERS_REGISTRATIE_H
#define WZ_HANDLERS_REGISTRATIE_H

#include <stdint.h>

#include "store/registratie.h"

struct json_object;
struct req;

/* Purposes of access (audit.doel). */
#define DOEL_REGISTRATIE	"registratie"        /* a wijkteam's own work */
#define DOEL_KETEN		"ketensamenwerking"  /* a ketenpartner's */
#define DOEL_AFSTEMMING		"afstemming"         /* wachtlijst, overdrachten */
#define DOEL_IMPORT		"import"
#define DOEL_EXPORT		"export"
#define DOEL_AVG		"avg-inzage"         /* art. 15 export */
#define DOEL_TOEZICHT		"toezicht"           /* access history */

/*
 * Fills s with the caller's organisaties and parties (one query, only
 * when the caller has organisatie- or wijkteam-scoped grants of the
 * medewerker, teamleider or ketenpartner role). Returns 0, or -1 after
 * answering a database error.
 */
int	registratie_scope(struct req *, struct scope *s);

/* The party of the keten the caller registers and sees events as
 * (enum gebeurtenis_partij): the wijkteam for a medewerker or teamleider,
 * else their ketenpartner's party; 0 for none. */
unsigned registratie_partij(const struct scope *s);

/* The purpose of this caller's reads: DOEL_REGISTRATIE for the wijkteam
 * side, DOEL_KETEN for a ketenpartner. */
const char *registratie_doel(const struct scope *s);

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

/* ------------------------------------------------------------ operations
 * (inwoners.c), shared by the JSON API and the pages. json: read the JSON
 * body (1) or the form (0). Field errors are appended to fouten. */

enum reg_uitkomst {
	REG_OK = 0,       /* written and audited; the transaction is OPEN: the
			   * caller answers, then tx_commit */
	REG_VELDEN,       /* field errors in fouten; nothing written */
	REG_VERSIE,       /* stale version (or gone); nothing written */
	REG_BEANTWOORD,   /* answered already (403, a database error) */
};

enum reg_uitkomst inwoner_maak(struct req *, const struct scope *, int json,
		    int64_t *id, struct json_object *fouten);
enum reg_uitkomst inwoner_wijzig(struct req *, const struct scope *,
		    int json, int64_t id, int64_t versie,
		    struct json_object *fouten);
enum reg_uitkomst traject_maak(struct req *, const struct scope *, int json,
		    int64_t inwoner_id, int64_t *id, struct json_object *fouten);
enum reg_uitkomst traject_wijzig(struct req *, const struct scope *,
		    int json, int64_t inwoner_id, int64_t id, int64_t versie,
		    struct json_object *fouten);
/* The shape of traject_maak and gebeurtenis_maak (the API and the forms
 * pass them around). */
typedef enum reg_uitkomst (*reg_maak_fn)(struct req *, const struct scope *,
		    int json, int64_t inwoner_id, int64_t *id,
		    struct json_object *fouten);
/* The inwoner must be in scope (checked by the caller). */
enum reg_uitkomst gebeurtenis_maak(struct req *, const struct scope *,
		    int json, int64_t inwoner_id, int64_t *id,
		    struct json_object *fouten);

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
	    struct json_object *fouten, struct db_rows *rows);
/* What was typed as a name as up to three LIKE patterns for the name
 * search, the longest first; returns how many (0: nothing to look for). */
int	naam_zoekwoorden(struct req *, const char *naam, const char *woord[3]);

#endif
