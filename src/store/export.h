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

/*
 * An exported traject and an exported gebeurtenis, as
 * store_export_*_each hands them to fn. Ids and geboortejaar are NOT NULL
 * columns; vervalt_id is 0 when the event voids none. Dates are kept as
 * MariaDB writes a DATE ("YYYY-MM-DD"; einddatum NULL while open), since
 * the file shows them as given; geregistreerd is "YYYY-MM-DD HH:MM:SS"
 * (UTC); gegevens is the JSON object as stored. Texts are those of the
 * NOT NULL columns, in the private arena of the page.
 */
struct export_traject {
	int64_t      id;
	int64_t      inwoner_id;
	const char  *naam;
	int64_t      geboortejaar;
	const char  *wijk;
	const char  *soort;          /* domain/traject.h code */
	const char  *thema;
	const char  *opdracht;
	const char  *wijkteam;
	const char  *startdatum;
	const char  *einddatum;
};
struct export_gebeurtenis {
	int64_t      id;
	int64_t      traject_id;
	int64_t      inwoner_id;
	const char  *naam;
	const char  *type;           /* domain/gebeurtenis.h code */
	const char  *datum;
	const char  *gegevens;
	int64_t      vervalt_id;
	const char  *partij;         /* party code */
	const char  *geregistreerd;
};

/*
 * Calls fn for every exported traject (by id) or gebeurtenis (by traject,
 * then id), reading EXPORT_PAGINA rows at a time through a keyset cursor
 * into a private arena that is emptied between pages: memory stays one
 * page whatever the number of rows. The row fn sees, and its texts, live
 * only during that call. fn returns 0 to go on, anything else to stop.
 * Call inside the export's transaction (one snapshot across pages).
 * DB_NOMEM when the private arena cannot be made.
 */
typedef int (*export_traject_fn)(const struct export_traject *, void *ctx);
typedef int (*export_gebeurtenis_fn)(const struct export_gebeurtenis *,
		    void *ctx);
enum db_err	store_export_trajecten_each(struct db *,
		    const struct export_filter *, export_traject_fn fn,
		    void *ctx);
enum db_err	store_export_gebeurtenissen_each(struct db *,
		    const struct export_filter *, export_gebeurtenis_fn fn,
		    void *ctx);

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

/*
 * One inwoner, in no organisation's scope (beheerder, auditor): id 0 when
 * there is none (nothing else set). Callers that may not show personal
 * data use only the id, the organisatie and a masked BSN. Texts in the
 * arena; bsn_sealed NULL when no BSN is known; aangemaakt
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 */
struct export_inwoner {
	int64_t      id;
	int64_t      versie;
	const char  *naam;
	int64_t      geboortejaar;
	int64_t      wijk_id;
	const char  *wijk;
	const char  *bsn_sealed;
	int64_t      organisatie_id;
	const char  *organisatie;    /* naam of the registering organisatie */
	const char  *aangemaakt;
};
enum db_err	store_export_inwoner(struct db *, struct arena *, int64_t id,
		    struct export_inwoner *out);

/* Inwoners whose BSN has this lookup hash, in every organisatie (one
 * record per organisatie at most), by id, at most max: an array of *n in
 * the arena. */
struct export_bsn_treffer {
	int64_t      id;
	const char  *organisatie;    /* naam */
	const char  *bsn_sealed;
};
enum db_err	store_export_bsn_zoek(struct db *, struct arena *,
		    const char *bsn_hash, size_t max,
		    struct export_bsn_treffer **out, size_t *n);

/*
 * The audit rows about inwoner_id, newest first: ids below voor_id (0:
 * from the newest), at most limit rows, as an array of *n in the arena.
 * The organisatie is that of the user's organisation- and wijkteam-scoped
 * grants as they are now (the audit row does not record it), "Gemeente"
 * for a user without such grants, "" for an anonymous row. Ids of
 * nullable columns are 0 for SQL NULL (gebruiker_id 0: anonymous);
 * gebruikersnaam NULL without an (existing) user; tijdstip
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 */
struct export_toegang {
	int64_t      id;
	const char  *tijdstip;
	int64_t      gebruiker_id;
	const char  *gebruikersnaam;
	int64_t      namens_id;
	int64_t      token_id;
	const char  *organisatie;
	const char  *actie;
	const char  *object_soort;
	int64_t      object_id;
	const char  *doel;
	const char  *route;
	const char  *resultaat;
};
enum db_err	store_export_toegang(struct db *, struct arena *,
		    int64_t inwoner_id, int64_t voor_id, int limit,
		    struct export_toegang **out, size_t *n);

/* ------------------------------------------------------------ AVG */

/*
 * What the AVG document holds of one inwoner: every traject (by id),
 * gebeurtenis (by datum, id), the ketenstatus and the accesses. Texts in
 * the arena as stored: dates "YYYY-MM-DD" as MariaDB writes a DATE (NULL
 * where the column is NULL), registration times "YYYY-MM-DDTHH:MM:SSZ"
 * (UTC), codes as stored (domain/traject.h, domain/gebeurtenis.h).
 */
struct avg_traject {
	int64_t      id;
	const char  *soort;
	const char  *thema;
	const char  *opdracht;
	const char  *wijkteam;
	const char  *organisatie;
	const char  *startdatum;
	const char  *einddatum;      /* NULL: open */
	const char  *aangemaakt;
};
struct avg_gebeurtenis {
	int64_t      id;
	int64_t      traject_id;
	const char  *type;
	const char  *datum;
	const char  *gegevens;       /* the JSON object as stored */
	int64_t      vervalt_id;     /* 0: voids no event */
	const char  *partij;
	const char  *organisatie;
	const char  *geregistreerd;
};
/* bestaat 0: the inwoner has no ketenstatus (nothing else is set). The
 * wijkteams are names, NULL when there is none. */
struct avg_ketenstatus {
	int          bestaat;
	const char  *partij;
	const char  *wijkteam;
	const char  *sinds;
	const char  *wachtlijst_wijkteam;
	const char  *wachtlijst_sinds;
	const char  *afgewezen_op;
	const char  *overdracht_sinds;
	const char  *terug_zonder_overdracht;
};
/* An access: what, why, which organisatie, when — never who. */
struct avg_toegang {
	int64_t      id;
	const char  *tijdstip;
	const char  *actie;
	const char  *doel;
	const char  *organisatie;
	const char  *resultaat;
};

/* Arrays of *n in the arena (NULL when *n is 0). */
enum db_err	store_avg_trajecten(struct db *, struct arena *, int64_t id,
		    struct avg_traject **out, size_t *n);
enum db_err	store_avg_gebeurtenissen(struct db *, struct arena *,
		    int64_t id, struct avg_gebeurtenis **out, size_t *n);
enum db_err	store_avg_ketenstatus(struct db *, struct arena *, int64_t id,
		    struct avg_ketenstatus *out);
/* The accesses to inwoner_id, oldest first, ids above na_id, at most
 * limit: an array of *n in the arena (a caller pages through a long
 * history with na_id, the id of the last one it got). */
enum db_err	store_avg_toegang(struct db *, struct arena *, int64_t id,
		    int64_t na_id, int limit, struct avg_toegang **out,
		    size_t *n);

#endif
