/*
 * registratie.h — inwoners, trajecten, gebeurtenissen and the ketenstatus
 * projection (sql/004_registratie.sql; DESIGN.md section 2).
 *
 * Scope is decided here, in SQL: every statement that reads or changes an
 * inwoner's data takes the caller's organisaties (struct scope) as
 * parameters and joins inwoner_toegang, so a row outside the caller's
 * scope is simply not found (the handler answers 404: id guessing learns
 * nothing). The organisaties travel as SCOPE_ORGS fixed parameters
 * "organisatie_id IN (?, ?, ?, ?)" (unused slots repeat the first), so
 * the filter is an index range, not a scan.
 *
 * Who may see an inwoner (inwoner_toegang): the wijkteamorganisatie that
 * registered them or opened a traject for them, and every ketenpartner
 * organisatie whose party (organisatie.keten_partij) may see one of their
 * events (domain/gebeurtenis.h). store_gebeurtenis_nieuw() keeps both that
 * table and the ketenstatus projection up to date, in the caller's
 * transaction.
 *
 * The BSN: callers pass and get it sealed (core/seal.h). Nothing here sees
 * a BSN in clear.
 */
#ifndef WZ_STORE_REGISTRATIE_H
#define WZ_STORE_REGISTRATIE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/scope.h"
#include "store/statements.h"

struct arena;
struct db;

/*
 * The organisaties that grants g name (domain/scope.h), in id order, at
 * most SCOPE_ORGS: organisatie grants as they are, wijkteam grants
 * resolved to the organisatie that runs the wijkteam today.
 */
enum db_err	store_scope_organisaties(struct db *, struct arena *,
		    const struct scope_grants *g,
		    struct scope_org out[SCOPE_ORGS], size_t *n);

/* ------------------------------------------------------------ inwoners */

/* Columns of an inwoner row (lees, lijst, zoek). */
enum inwoner_col {
	INW_ID, INW_VERSIE, INW_NAAM, INW_GEBOORTEJAAR, INW_WIJK_ID, INW_WIJK,
	INW_BSN_SEALED, INW_ORGANISATIE_ID, INW_PARTIJ, INW_KS_WIJKTEAM_ID,
	INW_KS_WIJKTEAM, INW_KS_SINDS, INW_KS_ORG_ID, INW_KS_ORG_NAAM,
	INW__NCOLS
};

struct inwoner_rec {
	const char  *naam;
	int64_t      geboortejaar;
	int64_t      wijk_id;
	const char  *bsn_sealed;     /* NULL: no BSN */
	const char  *bsn_hash;       /* NULL with bsn_sealed */
	int64_t      organisatie_id; /* registering wijkteamorganisatie */
	const char  *extern_kenmerk; /* NULL unless imported */
};

/* Inserts the inwoner with the words of its name (for the search) and
 * gives its organisatie access. DB_DUPLICATE when the organisatie already
 * holds this BSN (or kenmerk). */
enum db_err	store_inwoner_nieuw(struct db *, struct arena *,
		    const struct inwoner_rec *, int64_t *id);
/* Only the inwoner's row, for an importer that writes access, name words
 * and the wijk history for a whole batch at once (store_inwoner_toegang,
 * store_naamwoorden_zet, store_inwoner_wijk_begin). DB_DUPLICATE as
 * above. */
enum db_err	store_inwoner_invoegen(struct db *, const struct inwoner_rec *,
		    int64_t *id);
/*
 * Updates naam, geboortejaar, wijk and — when bsn_wijzig — the BSN (NULL
 * removes it) of inwoner id at versie, if in scope. *affected 0: not
 * found, out of scope or stale (the caller reads again to tell which).
 */
enum db_err	store_inwoner_wijzig(struct db *, struct arena *,
		    const struct scope *, int64_t id, int64_t versie,
		    const struct inwoner_rec *, int bsn_wijzig,
		    uint64_t *affected);
/*
 * The words of a name (domain/naamwoord.h) as rows "[id,\"woord\"]" of a
 * JSON array, appended to b after "[" or an earlier row (the comma is
 * added here); store_naamwoorden_zet writes such an array "[...]". For an
 * importer that writes inwoners itself: store_inwoner_nieuw does both.
 */
struct buf;
void		store_naamwoorden(struct buf *b, int64_t inwoner_id,
		    const char *naam);
enum db_err	store_naamwoorden_zet(struct db *, const char *rijen);
/* An inwoner as read back, with who holds them in the keten (the
 * ketenstatus projection; ks_partij NULL: nobody yet). Texts in the
 * arena; NULL where the column is empty. */
struct inwoner_rij {
	int64_t      id, versie, geboortejaar, wijk_id, organisatie_id;
	const char  *naam, *wijk;
	const char  *bsn_sealed;       /* NULL: no BSN */
	const char  *ks_partij;        /* "wijkteam", "werkom", ... */
	int64_t      ks_wijkteam_id, ks_org_id;
	const char  *ks_wijkteam, *ks_org_naam;
	const char  *ks_sinds;         /* YYYY-MM-DD */
};

/* One inwoner if in scope: out->id 0 when there is none. */
enum db_err	store_inwoner_lees(struct db *, struct arena *,
		    const struct scope *, int64_t id, struct inwoner_rij *out);

/*
 * Search; by bsn_hash, else by the words of a name (woord[0] set), else
 * all in scope; wijk_id 0 = any. voor_id: cursor
 * (ids below it; 0 = start). Newest first, limit rows — except a search
 * by name: it has no order and no cursor, and stops at limit rows. Sorting
 * every match of a common name costs what the matches cost, taking the
 * first page only what one page costs (sql/008_naamwoord.sql); a name
 * that matches more than a page of people is refined (another word, a
 * wijk), not paged through.
 */
struct inwoner_zoek {
	const char  *woord[3];       /* name: LIKE patterns of up to three
				      * words, the most selective first;
				      * NULL: unused */
	const char  *bsn_hash;
	int64_t      wijk_id;
	int64_t      voor_id;
	int          limit;
};
enum db_err	store_inwoner_zoek(struct db *, struct arena *,
		    const struct scope *, const struct inwoner_zoek *,
		    struct inwoner_rij **out, size_t *n);

/* Gives organisatie org access to inwoner id (no-op when it has it). */
enum db_err	store_inwoner_toegang(struct db *, int64_t org, int64_t id);

/* ------------------------------------------------------------ trajecten */

enum traject_col {
	TRJ_ID, TRJ_VERSIE, TRJ_INWONER_ID, TRJ_SOORT, TRJ_THEMA_ID, TRJ_THEMA,
	TRJ_OPDRACHT_ID, TRJ_OPDRACHT, TRJ_WIJKTEAM_ID, TRJ_WIJKTEAM,
	TRJ_ORGANISATIE_ID, TRJ_STARTDATUM, TRJ_EINDDATUM, TRJ__NCOLS
};

struct traject_rec {
	int64_t      inwoner_id;
	const char  *soort;          /* domain/traject.h code */
	int64_t      thema_id;
	int64_t      opdracht_id;
	int64_t      wijkteam_id;
	const char  *startdatum;     /* YYYY-MM-DD */
	const char  *einddatum;      /* NULL: open */
};

/*
 * Inserts the traject for the organisatie that runs wijkteam_id on the
 * start date, only if that organisatie is in scope; *id is 0 (and nothing
 * is written) when it is not. Gives that organisatie access to the
 * inwoner.
 */
enum db_err	store_traject_nieuw(struct db *, const struct scope *,
		    const struct traject_rec *, int64_t *id);
/* Update at versie, if the traject's organisatie is in scope, ran the
 * wijkteam on the new start date, and no event of the traject falls
 * before the start or after the end. soort, thema, opdracht, startdatum,
 * einddatum (wijkteam and inwoner stay). *affected 0: any of these, or a
 * stale versie. */
enum db_err	store_traject_wijzig(struct db *, const struct scope *,
		    int64_t id, int64_t versie, const struct traject_rec *,
		    uint64_t *affected);
/* A traject as read back (dates YYYY-MM-DD; einddatum NULL: open). */
struct traject_rij {
	int64_t      id, versie, inwoner_id, thema_id, opdracht_id,
		     wijkteam_id, organisatie_id;
	const char  *soort, *thema, *opdracht, *wijkteam;
	const char  *startdatum, *einddatum;
};

/* The trajecten of inwoner_id of the scope's organisaties, oldest first,
 * as an array in the arena; traject_id > 0: only that one. */
enum db_err	store_trajecten(struct db *, struct arena *,
		    const struct scope *, int64_t inwoner_id,
		    int64_t traject_id, struct traject_rij **out, size_t *n);
/* Whether the thema, opdracht and wijkteam ids exist. */
struct traject_refs {
	int          thema, opdracht, wijkteam;
};
enum db_err	store_traject_refs(struct db *, struct arena *,
		    int64_t thema_id, int64_t opdracht_id, int64_t wijkteam_id,
		    struct traject_refs *out);

/* What an operation needs of one traject: id 0 when there is none in
 * scope (of this inwoner). startdag: a day number (core/datum.h). */
struct traject_kern {
	int64_t      id;
	int64_t      versie;
	int64_t      organisatie_id;
	long         startdag;
};
enum db_err	store_traject_kern(struct db *, struct arena *,
		    const struct scope *, int64_t inwoner_id, int64_t traject_id,
		    struct traject_kern *out);

/* ------------------------------------------------------------ gebeurtenissen */

enum gebeurtenis_col {
	GEB_ID, GEB_TRAJECT_ID, GEB_TYPE, GEB_DATUM, GEB_GEGEVENS,
	GEB_VERVALT_ID, GEB_PARTIJ, GEB_GEREGISTREERD, GEB_DOOR,
	GEB_VERVALLEN_DOOR, GEB_VERVALT_TYPE, GEB_WIJKTEAM_ID, GEB__NCOLS
};

struct gebeurtenis_rec {
	int64_t      inwoner_id;
	int64_t      traject_id;
	const char  *type;
	const char  *datum;          /* YYYY-MM-DD */
	const char  *gegevens;       /* JSON object text, validated */
	int64_t      vervalt_id;     /* correctie: the voided event, else 0 */
	const char  *partij;         /* registering party code */
	int64_t      organisatie_id;
	int64_t      gebruiker_id;
};

/*
 * Inserts the event (DB_DUPLICATE: its vervalt_id is already voided),
 * gives the organisaties of every party that may see it access to the
 * inwoner (zichtbaar: party codes, "werkom,uitkeringen"). The projections
 * are not touched: the caller brings them up to date afterwards
 * (store_ketenstatus_bijwerken, through ops_projecties_bijwerken). In the
 * caller's transaction.
 */
enum db_err	store_gebeurtenis_nieuw(struct db *,
		    const struct gebeurtenis_rec *, const char *zichtbaar,
		    int64_t *id);
/*
 * The events of inwoner_id whose type is in types ("startgesprek,..."),
 * or that void such an event, oldest first (datum, id). The caller must
 * have checked the inwoner is in scope. gebeurtenis_id > 0: only that one.
 */
struct gebeurtenis_rij {
	int64_t      id, traject_id, wijkteam_id;
	int64_t      vervalt_id;       /* a correctie: what it voids, else 0 */
	int64_t      vervallen_door;   /* voided by this correctie, else 0 */
	const char  *type, *vervalt_type, *datum, *partij, *geregistreerd,
		    *door;
	const char  *gegevens;         /* JSON object text */
};
enum db_err	store_gebeurtenissen(struct db *, struct arena *,
		    int64_t inwoner_id, const char *types,
		    int64_t gebeurtenis_id, struct gebeurtenis_rij **out,
		    size_t *n);
/*
 * Rewrites the ketenstatus projection of inwoner_id from all its events
 * (domain/ketenstatus.h). herzien (after a correctie): also takes access
 * away from the ketenpartners that no longer see any standing (not voided)
 * event. In the caller's transaction.
 */
enum db_err	store_ketenstatus_bijwerken(struct db *, struct arena *,
		    int64_t inwoner_id, int herzien);

/*
 * The ketenstatus projection written as rows of a JSON array (one
 * statement for one inwoner or a batch of an import): store_ketenstatus_rij
 * appends the row of ks for inwoner_id to b — "[" then rows, the comma
 * between them is added here — and store_ketenstatus_zet writes the array
 * "[row,row,...]" (insert or replace per inwoner).
 */
struct ketenstatus;
void		store_ketenstatus_rij(struct buf *b, int64_t inwoner_id,
		    const struct ketenstatus *ks);
enum db_err	store_ketenstatus_zet(struct db *, const char *rijen);

/* ------------------------------------------------------------ lists */

/* Columns of the wachtlijst and afstemming statements; the lists
 * themselves are at the end of this file (store_wachtlijst_rijen,
 * store_afstemming_rijen). */
enum wachtlijst_col {
	WL_INWONER_ID, WL_NAAM, WL_GEBOORTEJAAR, WL_WIJKTEAM_ID, WL_WIJKTEAM,
	WL_SINDS, WL_DAGEN, WL_AFGEWEZEN_OP, WL__NCOLS
};
enum afstemming_col {
	AF_INWONER_ID, AF_NAAM, AF_SOORT, AF_DATUM, AF_DAGEN, AF_WIJK,
	AF__NCOLS
};

/* Choices for the traject form: id, naam. */
enum reg_optie {
	REG_OPTIE_THEMA,      /* current thema's */
	REG_OPTIE_WIJKTEAM,   /* wijkteams the scope's organisaties run today */
};
struct structuur_optie;
enum db_err	store_reg_opties(struct db *, struct arena *, enum reg_optie,
		    const struct scope *, struct structuur_optie **out, size_t *n);

/* ============================================================ typed lists
 * Issue 9: the wachtlijst and afstemming lists as arrays of structs, in
 * place of struct db_rows. Each array is in the arena passed in, *n long
 * (NULL when *n is 0); its texts live there too. */

/*
 * The wachtlijst: who waits for a wijkteam that one of the scope's
 * organisaties runs today (wijkteam_id > 0: that wijkteam only), the
 * longest waiting first, at most limit rows. afgewezen != 0: only the
 * inwoners whose uitkering was refused while they wait. na is the cursor,
 * "YYYY-MM-DD,id": the sinds and inwoner_id of the last row shown (NULL:
 * from the start). sinds and afgewezen_op are DATE columns as MariaDB
 * writes them ("YYYY-MM-DD"; afgewezen_op NULL when not refused), dagen
 * the days on the wachtlijst today; a number is 0 where a column is NULL.
 */
struct wachtlijst_rij {
	int64_t      inwoner_id;
	const char  *naam;
	int64_t      geboortejaar;
	int64_t      wijkteam_id;
	const char  *wijkteam;       /* naam */
	const char  *sinds;
	int64_t      dagen;
	const char  *afgewezen_op;
};
enum db_err	store_wachtlijst_rijen(struct db *, struct arena *,
		    const struct scope *, int64_t wijkteam_id,
		    int afgewezen, const char *na, int limit,
		    struct wachtlijst_rij **out, size_t *n);

/* Per wijkteam the scope's organisaties run today, by naam: how many
 * wait, the longest wait in days and how many of them were refused an
 * uitkering (all 0 for a wijkteam without a wachtlijst). */
struct wachtlijst_telling {
	int64_t      wijkteam_id;
	const char  *naam;
	int64_t      aantal;
	int64_t      langste;
	int64_t      afgewezen;
};
enum db_err	store_wachtlijst_tellingen(struct db *, struct arena *,
		    const struct scope *, struct wachtlijst_telling **out,
		    size_t *n);

/*
 * The scope's handover reconciliation list, oldest first, at most limit
 * rows: overdrachten to Werkom that have been open termijn days or more
 * (soort "overdracht_open") and returns from Werkom without a handover
 * (soort "terug_zonder_overdracht"). datum: the DATE of the overdracht or
 * of the return ("YYYY-MM-DD"), dagen the days since; wijk: the
 * inwoner's wijk (naam).
 */
struct afstemming_rij {
	int64_t      inwoner_id;
	const char  *naam;
	const char  *soort;
	const char  *datum;
	int64_t      dagen;
	const char  *wijk;
};
enum db_err	store_afstemming_rijen(struct db *, struct arena *,
		    const struct scope *, int termijn,
		    int limit, struct afstemming_rij **out, size_t *n);

#endif
