/*
 * export.h — reading registrations out: an organisation's export for a
 * period (XLSX/CSV), an inwoner's access history (NEN 7513) and the AVG
 * article 15 document of one inwoner.
 *
 * Scope. The export reads only trajecten of the organisaties the caller
 * passes (struct export_filter.org, the SCOPE_ORGS fixed parameters of
 * store/registratie.h, padded with 0): the handler fills them with the
 * organisaties the caller is teamleider of. The access history and the
 * AVG document are for the beheerder and auditor, who act for the gemeente
 * as a whole: those statements read one inwoner by id without an
 * organisation filter, and the route's access rule (ACCESS_AUDIT,
 * ACCESS_BEHEER) is what guards them.
 *
 * Audit. The export records its inwoners set-based: one INSERT ... SELECT
 * with the export's own criteria writes a row per distinct inwoner
 * (store_export_audit). Run it first in the export's transaction: its
 * SELECT is a locking read in REPEATABLE READ, so the trajecten (and, for
 * the gebeurtenissen, their events in the period) it recorded cannot
 * change or gain rows until the commit, and the rows then read for the
 * file are exactly the recorded ones. The price: registering on those
 * trajecten waits for the export's commit (seconds; see the caps in
 * handlers/export.c).
 */
#ifndef WZ_STORE_EXPORT_H
#define WZ_STORE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "store/registratie.h"
#include "store/statements.h"

struct arena;
struct audit_rec;
struct db;

#define STMT_EXPORT_TEL			STMT_ID(MOD_EXPORT, 0)
#define STMT_EXPORT_TRAJECTEN		STMT_ID(MOD_EXPORT, 1)
#define STMT_EXPORT_GEBEURTENISSEN	STMT_ID(MOD_EXPORT, 2)
#define STMT_EXPORT_AUDIT_TRAJECTEN	STMT_ID(MOD_EXPORT, 3)
#define STMT_EXPORT_AUDIT_GEBEURTENISSEN STMT_ID(MOD_EXPORT, 4)
#define STMT_EXPORT_INWONER		STMT_ID(MOD_EXPORT, 5)
#define STMT_EXPORT_BSN_ZOEK		STMT_ID(MOD_EXPORT, 6)
#define STMT_EXPORT_TOEGANG		STMT_ID(MOD_EXPORT, 7)
#define STMT_EXPORT_AVG_TRAJECTEN	STMT_ID(MOD_EXPORT, 8)
#define STMT_EXPORT_AVG_GEBEURTENISSEN	STMT_ID(MOD_EXPORT, 9)
#define STMT_EXPORT_AVG_KETENSTATUS	STMT_ID(MOD_EXPORT, 10)
#define STMT_EXPORT_AVG_TOEGANG		STMT_ID(MOD_EXPORT, 11)

/* Rows per page when an export streams rows (store_export_*_each). */
#define EXPORT_PAGINA	1000

/* What an organisation's export covers. */
struct export_filter {
	int64_t      org[SCOPE_ORGS];   /* organisaties, padded with 0 */
	const char  *van;                   /* YYYY-MM-DD, inclusive */
	const char  *tot;                   /* YYYY-MM-DD, inclusive */
};

/*
 * The trajecten active in the period (started on or before tot, not ended
 * before van) and their gebeurtenissen dated in the period: two numbers
 * in *trajecten and *gebeurtenissen. For the caps, before the export.
 */
enum db_err	store_export_tel(struct db *, struct arena *,
		    const struct export_filter *, long *trajecten,
		    long *gebeurtenissen);

/* Columns of an exported traject. */
enum export_traject_col {
	ET_ID, ET_INWONER_ID, ET_NAAM, ET_GEBOORTEJAAR, ET_WIJK, ET_SOORT,
	ET_THEMA, ET_OPDRACHT, ET_WIJKTEAM, ET_STARTDATUM, ET_EINDDATUM,
	ET__NCOLS
};

/* Columns of an exported gebeurtenis. */
enum export_gebeurtenis_col {
	EG_ID, EG_TRAJECT_ID, EG_INWONER_ID, EG_NAAM, EG_TYPE, EG_DATUM,
	EG_GEGEVENS, EG_VERVALT_ID, EG_PARTIJ, EG_GEREGISTREERD, EG__NCOLS
};

/*
 * Calls fn for every exported traject (by id) or gebeurtenis (by traject,
 * then id), reading EXPORT_PAGINA rows at a time through a keyset cursor
 * into a private arena that is emptied between pages: memory stays one
 * page whatever the number of rows. The cells fn sees live only during
 * that call. fn returns 0 to go on, anything else to stop. Call inside
 * the export's transaction (one snapshot across pages). DB_NOMEM when the
 * private arena cannot be made.
 */
typedef int (*export_rij_fn)(const struct db_rows *, size_t rij, void *ctx);
enum db_err	store_export_trajecten_each(struct db *,
		    const struct export_filter *, export_rij_fn fn, void *ctx);
enum db_err	store_export_gebeurtenissen_each(struct db *,
		    const struct export_filter *, export_rij_fn fn, void *ctx);

/*
 * One audit row per distinct inwoner of the export (actie, route, who,
 * address and toelichting from a; object "inwoner"; doel a->doel): of the
 * trajecten when gebeurtenissen is 0, else of the trajecten with an event
 * in the period. *affected: the number of inwoners recorded. See the top
 * of this file for why it runs first.
 */
enum db_err	store_export_audit(struct db *, const struct audit_rec *a,
		    const struct export_filter *, int gebeurtenissen,
		    uint64_t *affected);

/* ------------------------------------------------------------ inzage */

/* Columns of store_export_inwoner. */
enum export_inwoner_col {
	EI_ID, EI_VERSIE, EI_NAAM, EI_GEBOORTEJAAR, EI_WIJK_ID, EI_WIJK,
	EI_BSN_SEALED, EI_ORGANISATIE_ID, EI_ORGANISATIE, EI_AANGEMAAKT,
	EI__NCOLS
};
/* Inwoner id, in no organisation's scope (beheerder, auditor): 0 or 1
 * row. Callers that may not show personal data use only the id, the
 * organisatie and a masked BSN. */
enum db_err	store_export_inwoner(struct db *, struct arena *, int64_t id,
		    struct db_rows *out);

/* Inwoners whose BSN has this lookup hash, in every organisatie (one
 * record per organisatie at most): id, organisatie naam, sealed BSN;
 * at most max rows, by id. */
enum db_err	store_export_bsn_zoek(struct db *, struct arena *,
		    const char *bsn_hash, size_t max, struct db_rows *out);

/* Columns of an access-history row. */
enum export_toegang_col {
	TG_ID, TG_TIJDSTIP, TG_GEBRUIKER_ID, TG_GEBRUIKERSNAAM, TG_NAMENS_ID,
	TG_TOKEN_ID, TG_ORGANISATIE, TG_ACTIE, TG_OBJECT_SOORT, TG_OBJECT_ID,
	TG_DOEL, TG_ROUTE, TG_RESULTAAT, TG__NCOLS
};
/*
 * The audit rows about inwoner_id, newest first: ids below voor_id (0:
 * from the newest), at most limit rows. The organisatie is that of the
 * user's organisation- and wijkteam-scoped grants as they are now (the
 * audit row does not record it), "Gemeente" for a user without such
 * grants, "" for an anonymous row.
 */
enum db_err	store_export_toegang(struct db *, struct arena *,
		    int64_t inwoner_id, int64_t voor_id, int limit,
		    struct db_rows *out);

/* ------------------------------------------------------------ AVG */

enum avg_traject_col {
	AT_ID, AT_SOORT, AT_THEMA, AT_OPDRACHT, AT_WIJKTEAM, AT_ORGANISATIE,
	AT_STARTDATUM, AT_EINDDATUM, AT_AANGEMAAKT, AT__NCOLS
};
enum avg_gebeurtenis_col {
	AG_ID, AG_TRAJECT_ID, AG_TYPE, AG_DATUM, AG_GEGEVENS, AG_VERVALT_ID,
	AG_PARTIJ, AG_ORGANISATIE, AG_GEREGISTREERD, AG__NCOLS
};
enum avg_ketenstatus_col {
	AK_PARTIJ, AK_WIJKTEAM, AK_SINDS, AK_WACHTLIJST_WIJKTEAM,
	AK_WACHTLIJST_SINDS, AK_AFGEWEZEN_OP, AK_OVERDRACHT_SINDS,
	AK_TERUG_ZONDER_OVERDRACHT, AK__NCOLS
};
enum avg_toegang_col {
	AA_ID, AA_TIJDSTIP, AA_ACTIE, AA_DOEL, AA_ORGANISATIE, AA_RESULTAAT,
	AA__NCOLS
};

/* Every traject (by id), gebeurtenis (by datum, id) and the ketenstatus
 * (0 or 1 row) of inwoner_id. */
enum db_err	store_avg_trajecten(struct db *, struct arena *, int64_t id,
		    struct db_rows *out);
enum db_err	store_avg_gebeurtenissen(struct db *, struct arena *,
		    int64_t id, struct db_rows *out);
enum db_err	store_avg_ketenstatus(struct db *, struct arena *, int64_t id,
		    struct db_rows *out);
/* The accesses to inwoner_id, oldest first, ids above na_id, at most
 * limit rows: what, why, which organisatie, when — never who. */
enum db_err	store_avg_toegang(struct db *, struct arena *, int64_t id,
		    int64_t na_id, int limit, struct db_rows *out);

#endif
