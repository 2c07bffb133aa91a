/*
 * import.h — imports of a team's CSV registration (sql/004_registratie.sql:
 * import, import_blok, import_mapping).
 *
 * The uploaded file is kept in the database in blocks (import_blok), so
 * any worker can run the dry run and the import, and no worker ever holds
 * the whole file: blocks are written as the upload streams in and read
 * back one at a time. Every statement on an import takes the organisatie:
 * another organisation's import is simply not found (404).
 *
 * The rows an import creates go through store/registratie.h; what is here
 * besides the import's own rows: the lookups a dry run needs per row
 * (existing kenmerk or BSN in the organisatie), the structure tables the
 * row check reads (domain/importmapping.h), and the per-inwoner audit row
 * of an import, written without the request arena (200,000 of them must
 * not grow it).
 */
#ifndef WZ_STORE_IMPORT_H
#define WZ_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/importmapping.h"   /* struct im_ref */
#include "store/statements.h"

struct arena;
struct db;

/* Bytes of the file per import_blok row. Each block is stored sealed
 * (core/seal.h, which seals at most SEAL_PLAIN_MAX = 64 KiB): the file
 * holds names and BSNs. */
#define IMPORT_BLOK	(60 * 1024)

/* Columns of store_import_lees and store_import_lijst. */
enum import_col {
	IMP_ID, IMP_VERSIE, IMP_BESTANDSNAAM, IMP_SHA256, IMP_GROOTTE,
	IMP_RIJEN, IMP_KOLOMMEN, IMP_MAPPING, IMP_STATUS, IMP_RESULTAAT,
	IMP_AANGEMAAKT, IMP_INGELEZEN_OP, IMP_GEBRUIKER_ID, IMP__NCOLS
};

/* A new import (status geupload, no file yet). */
enum db_err	store_import_nieuw(struct db *, int64_t org, int64_t gebruiker_id,
		    const char *bestandsnaam, int64_t *id);
/* Block nr (0, 1, ...) of the file. */
enum db_err	store_import_blok(struct db *, int64_t id, int64_t nr,
		    const char *data, size_t len);
/* The file is complete: its hash, size, data rows, header (JSON array). */
enum db_err	store_import_klaar(struct db *, int64_t id, const char *sha256,
		    int64_t grootte, int64_t rijen, const char *kolommen);
/* An import as read back. Texts in the arena; kolommen, mapping and
 * resultaat are JSON (mapping NULL before the first dry run; all three
 * NULL in a list). */
struct import_rij {
	int64_t      id, versie, grootte, rijen, gebruiker_id;
	const char  *bestandsnaam, *sha256;
	const char  *status;     /* geupload, gecontroleerd, ingelezen, mislukt */
	const char  *kolommen, *mapping, *resultaat;
	const char  *aangemaakt, *ingelezen_op;   /* ingelezen_op NULL: not yet */
};

/* Import id of organisatie org: out->id 0 when there is none. */
enum db_err	store_import_lees(struct db *, struct arena *, int64_t org,
		    int64_t id, struct import_rij *out);
/* The imports of org, newest first, ids below voor_id (0: from the top),
 * as an array in the arena. */
enum db_err	store_import_lijst(struct db *, struct arena *, int64_t org,
		    int64_t voor_id, int limit, struct import_rij **out, size_t *n);
/* Block nr of import id (sealed text): *blok NULL past the last. */
enum db_err	store_import_blok_lees(struct db *, struct arena *, int64_t id,
		    int64_t nr, const char **blok);
/* After a dry run: the mapping and result (JSON) and status. */
enum db_err	store_import_controle(struct db *, int64_t org, int64_t id,
		    const char *mapping, const char *resultaat, const char *status);
/* Committed: status ingelezen, the file's hash claimed for org
 * (DB_DUPLICATE: another import of org holds it). *affected 0: it was
 * ingelezen already. */
enum db_err	store_import_ingelezen(struct db *, int64_t id,
		    const char *resultaat, uint64_t *affected);
/* Drops the file's blocks (after the import: the rows hold the data). */
enum db_err	store_import_blokken_weg(struct db *, int64_t id);
/* The import of org that already committed a file with this hash: *id,
 * or 0. */
enum db_err	store_import_al_ingelezen(struct db *, struct arena *, int64_t org,
		    const char *sha256, int64_t *id);

/* The saved mapping of org (JSON text) and its versie: NULL and 0 when
 * there is none. */
enum db_err	store_import_mapping_lees(struct db *, struct arena *,
		    int64_t org, const char **mapping, int64_t *versie);
/* Saves org's mapping. versie 0: create or overwrite whatever is there;
 * otherwise only at that version (*affected 0: stale or absent). */
enum db_err	store_import_mapping_zet(struct db *, int64_t org,
		    const char *mapping, int64_t versie, uint64_t *affected);

/* Whether org already holds an inwoner with this kenmerk / BSN hash:
 * *id the inwoner, or 0. ar: scratch memory. */
enum db_err	store_import_kenmerk(struct db *, struct arena *, int64_t org,
		    const char *kenmerk, int64_t *id);
enum db_err	store_import_bsn(struct db *, struct arena *, int64_t org,
		    const char *bsn_hash, int64_t *id);

/* The structure an import row may name: code, naam, id, org (wijkteams:
 * the organisatie running it today, else 0). */
enum import_ref { IREF_WIJK, IREF_WIJKTEAM, IREF_THEMA, IREF_OPDRACHT };
enum db_err	store_import_refs(struct db *, struct arena *, enum import_ref,
		    const struct im_ref **out, size_t *n);

/* The audit row of one inwoner an import created (actie aanmaken, doel
 * import), in the caller's transaction. */
struct import_audit {
	int64_t      gebruiker_id;
	int64_t      token_id;
	const char  *route;
	const char  *adres;
	const char  *toelichting;
};
enum db_err	store_import_audit_inwoner(struct db *,
		    const struct import_audit *, int64_t inwoner_id);

/*
 * The import's writes in batches. A batch is one JSON array parameter
 * (JSON_TABLE), so one statement writes hundreds of rows. In the caller's
 * transaction. What they keep up to date is what store/registratie.h
 * keeps for a single registration: the organisatie's and the parties'
 * access (inwoner_toegang), the ketenstatus projection, the audit.
 */
/* [[inwoner_id, soort, thema_id, opdracht_id, wijkteam_id, start, eind],
 * ...]: a traject per element whose wijkteam org ran on the start date.
 * *affected: how many were written. */
enum db_err	store_import_trajecten(struct db *, int64_t org, const char *json,
		    uint64_t *affected);
/* (inwoner_id, id) of the trajecten (or, gebeurtenissen != 0, the events)
 * of the inwoners in ids ("[1,2,3]"), as an array in the arena. */
struct import_paar {
	int64_t      inw, id;
};
enum db_err	store_import_ids(struct db *, struct arena *, int gebeurtenissen,
		    const char *ids, struct import_paar **out, size_t *n);
/* [[inwoner_id, traject_id, type, datum, gegevens-as-text], ...], registered
 * by the wijkteam of org. */
enum db_err	store_import_gebeurtenissen(struct db *, int64_t org,
		    int64_t gebruiker_id, const char *json);
/* Access for org to the inwoners in ids ("[1,2]"), and, when partijen is
 * not NULL ([[inwoner_id, "werkom,uitkeringen"], ...]), for the
 * organisaties of those parties. */
enum db_err	store_import_toegang(struct db *, int64_t org, const char *ids,
		    const char *partijen);
/* The audit rows (aanmaken, doel import) of the inwoners in ids. */
enum db_err	store_import_audit_inwoners(struct db *,
		    const struct import_audit *, const char *ids);

#endif
