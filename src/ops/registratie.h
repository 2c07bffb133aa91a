/*
 * registratie.h — the writes of registration: inwoners, their trajecten
 * and their gebeurtenissen. One operation each, shared by the JSON API
 * (handlers/inwoners.c), the pages (handlers/registratie_pagina.c,
 * handlers/gebeurtenis_pagina.c) and, for the BSN, the importer.
 *
 * Input is what the client sent, field by field, before it is checked
 * (struct ops_tekst): the operation judges it with the declared fields of
 * domain/veld.h, so that both faces give the same messages. Scope: the
 * caller checks that the inwoner is in c->scope before a traject or
 * gebeurtenis operation (it answers 404 for one that is not).
 */
#ifndef WZ_OPS_REGISTRATIE_H
#define WZ_OPS_REGISTRATIE_H

#include <stdint.h>

#include "ops/ops.h"

struct json_object;
struct scope;

struct inwoner_invoer {
	struct ops_tekst naam, geboortejaar, wijk_id, bsn;
	int              bsn_gegeven;  /* the input names a BSN at all: when
					* not, an update keeps the stored one
					* (it is write-only, never sent back) */
};

struct traject_invoer {
	struct ops_tekst soort, thema_id, opdracht_id, wijkteam_id,
			 startdatum, einddatum;   /* wijkteam_id: new only */
};

struct gebeurtenis_invoer {
	struct ops_tekst    type, traject_id, datum;
	struct json_object *gegevens;    /* borrowed; NULL: none ({}) */
	int                 gegevens_ongeldig;  /* sent, but not an object */
};

/* The party the caller registers and sees events as (enum
 * gebeurtenis_partij), and the purpose of their reads: DOEL_REGISTRATIE
 * for the wijkteam side, DOEL_KETEN for a ketenpartner. */
unsigned	ops_partij(const struct scope *);
const char	*ops_doel(const struct scope *);

/*
 * Creates an inwoner of the caller's wijkteamorganisatie (OPS_GEWEIGERD
 * for a caller who registers for none). *id: the new inwoner.
 */
enum ops_uitkomst inwoner_maak(struct ops_ctx *, const struct inwoner_invoer *,
		    int64_t *id);
/* Changes inwoner id at version versie (OPS_VEROUDERD: stale or gone). */
enum ops_uitkomst inwoner_wijzig(struct ops_ctx *,
		    const struct inwoner_invoer *, int64_t id, int64_t versie);
enum ops_uitkomst traject_maak(struct ops_ctx *, const struct traject_invoer *,
		    int64_t inwoner_id, int64_t *id);
enum ops_uitkomst traject_wijzig(struct ops_ctx *,
		    const struct traject_invoer *, int64_t inwoner_id, int64_t id,
		    int64_t versie);
/*
 * Registers an event of the inwoner as the caller's party; a correctie
 * must void an event the caller sees. Brings the projections up to date.
 */
enum ops_uitkomst gebeurtenis_maak(struct ops_ctx *,
		    const struct gebeurtenis_invoer *, int64_t inwoner_id,
		    int64_t *id);

/*
 * Seals a canonical BSN (domain/bsn.h) and computes its lookup hash, both
 * into the arena. Returns 0, or -1 when the keys are not configured
 * (logged).
 */
int	ops_bsn_zegel(struct ops_ctx *, const char *bsn, const char **sealed,
	    const char **hash);

#endif
