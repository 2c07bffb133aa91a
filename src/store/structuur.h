/*
 * structuur.h — organisaties, wijken, wijkteams, ketens, thema's,
 * opdrachten (with budgets) and eisen: the structure a beheerder maintains.
 *
 * The seven kinds of record share one shape: an id, a row version (versie,
 * for If-Match) and their own columns, among which the validity dates
 * geldig_van and geldig_tot. Nothing here deletes a row: a record is ended
 * by setting geldig_tot, a wijkteam's links to its organisatie and wijken
 * are ended and new ones added, so history stays true.
 *
 * Every row read (lijst, lees) has the columns: id, versie, then the
 * kind's own columns in this order (dates as YYYY-MM-DD, NULL when empty):
 *   organisatie  code, naam, soort, keten_partij, geldig_van, geldig_tot
 *   wijk         code, naam, geldig_van, geldig_tot
 *   wijkteam     code, naam, geldig_van, geldig_tot, organisatie_id,
 *                wijk_ids ("3,5,8": the open links; NULL for none)
 *   keten        code, naam, opgave, geldig_van, geldig_tot
 *   thema        code, naam, keten_id, geldig_van, geldig_tot
 *   opdracht     code, naam, soort, keten_id (NULL for the brede
 *                opdracht, which spans every keten), financiering,
 *                geldig_van, geldig_tot
 *   eis          opdracht_id, code, omschrijving, bron, geldig_van,
 *                geldig_tot
 * and writes (nieuw, wijzig) take the same columns in the same order, for a
 * wijkteam only its first four (its links go through store_wijkteam_koppel).
 * Values are bound as given: checking them is the caller's (domain/veld.h).
 */
#ifndef WZ_STORE_STRUCTUUR_H
#define WZ_STORE_STRUCTUUR_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "store/statements.h"

struct arena;
struct db;

enum structuur_soort {
	SOORT_ORGANISATIE = 0,
	SOORT_WIJK,
	SOORT_WIJKTEAM,
	SOORT_KETEN,
	SOORT_THEMA,
	SOORT_OPDRACHT,
	SOORT_EIS,
	SOORT__N
};

/* What a reference field may point at (lists for <select>s, existence). */
enum structuur_ref {
	REF_ORGANISATIE = 0,
	REF_WIJKTEAMORGANISATIE,      /* organisaties of soort wijkteamorganisatie */
	REF_WIJK,
	REF_KETEN,
	REF_OPDRACHT,
	REF__N
};

/* Statement ids: four per kind (lijst, lees, nieuw, wijzig), then the rest. */
#define STMT_STRUCTUUR_SOORT(s, k)	STMT_ID(MOD_STRUCTUUR, (s) * 4 + (k))
#define STMT_STRUCTUUR_TELLINGEN	STMT_ID(MOD_STRUCTUUR, 28)
#define STMT_STRUCTUUR_OPTIES(ref)	STMT_ID(MOD_STRUCTUUR, 29 + (ref))
#define STMT_STRUCTUUR_BESTAAT(ref)	STMT_ID(MOD_STRUCTUUR, 34 + (ref))
#define STMT_WIJKTEAM_ORG_OPEN		STMT_ID(MOD_STRUCTUUR, 39)
#define STMT_WIJKTEAM_ORG_EINDE		STMT_ID(MOD_STRUCTUUR, 40)
#define STMT_WIJKTEAM_ORG_ZET		STMT_ID(MOD_STRUCTUUR, 41)
#define STMT_WIJKTEAM_WIJK_OPEN		STMT_ID(MOD_STRUCTUUR, 42)
#define STMT_WIJKTEAM_WIJK_EINDE	STMT_ID(MOD_STRUCTUUR, 43)
#define STMT_WIJKTEAM_WIJK_ZET		STMT_ID(MOD_STRUCTUUR, 44)
#define STMT_WIJKTEAM_ORG_HISTORIE	STMT_ID(MOD_STRUCTUUR, 45)
#define STMT_WIJKTEAM_WIJK_HISTORIE	STMT_ID(MOD_STRUCTUUR, 46)
#define STMT_KETEN_REGISSEURS		STMT_ID(MOD_STRUCTUUR, 47)
#define STMT_BUDGET_LIJST		STMT_ID(MOD_STRUCTUUR, 48)
#define STMT_BUDGET_LEEG		STMT_ID(MOD_STRUCTUUR, 49)
#define STMT_BUDGET_ZET			STMT_ID(MOD_STRUCTUUR, 50)
#define STMT_OPDRACHT_OPHOGEN		STMT_ID(MOD_STRUCTUUR, 51)

/* Most columns of a row read (opdracht: id, versie and seven). */
#define STRUCTUUR_MAX_KOLOMMEN	9

/* Columns of a row (see above) and of a write, for kind s. */
size_t	structuur_kolommen(enum structuur_soort s);
size_t	structuur_schrijf_kolommen(enum structuur_soort s);

/* A record of any kind: its id and versie, then its columns as text in
 * the order of the kind's declared fields (the caller types them by those
 * declarations: a REF as an id, a JAAR as a number; a VELD_LIJST column
 * is the ids joined by commas). NULL: empty. */
struct structuur_rij {
	int64_t      id, versie;
	const char  *kolom[STRUCTUUR_MAX_KOLOMMEN];
};

/* Rows with id > na_id, by id, at most limit (1 .. 501). */
enum db_err	store_structuur_lijst(struct db *, struct arena *,
		    enum structuur_soort, int64_t na_id, int limit,
		    struct structuur_rij **out, size_t *n);

/* The record with this id: out->id 0 when there is none. */
enum db_err	store_structuur_lees(struct db *, struct arena *,
		    enum structuur_soort, int64_t id, struct structuur_rij *out);

/*
 * Inserts a row with versie 1. vals: the write columns of the kind, in
 * order (n must be structuur_schrijf_kolommen). DB_DUPLICATE when a unique
 * code is taken. *id is the new id.
 */
enum db_err	store_structuur_nieuw(struct db *, enum structuur_soort,
		    const struct db_val *vals, size_t n, int64_t *id);

/*
 * Replaces the columns of row id when its versie is still versie, and
 * bumps versie. *gelukt is 0 when nothing was changed: the row is gone or
 * someone else changed it first. DB_DUPLICATE as for nieuw.
 */
enum db_err	store_structuur_wijzig(struct db *, enum structuur_soort,
		    int64_t id, int64_t versie, const struct db_val *vals,
		    size_t n, int *gelukt);

/* Number of rows of every kind, and out[SOORT__N]: gebruikers. */
enum db_err	store_structuur_tellingen(struct db *, struct arena *,
		    int64_t out[SOORT__N + 1]);

/* One choice for a <select>: what a reference may point at. */
struct structuur_optie {
	int64_t      id;
	const char  *code;         /* NULL where the kind has none */
	const char  *naam;
	int          beeindigd;    /* geldig_tot lies in the past */
};

/* Everything a reference may point at, by naam, as an array in the
 * arena. */
enum db_err	store_structuur_opties(struct db *, struct arena *,
		    enum structuur_ref, struct structuur_optie **out, size_t *n);
/* rows (id first, then code, naam and beeindigd at those columns; a
 * column past the last: none) as choices. For the store's own option
 * lists. */
enum db_err	store_opties_van(struct arena *, const struct db_rows *rows,
		    size_t code, size_t naam, size_t beeindigd,
		    struct structuur_optie **out, size_t *n);

/* *ja = 1 when id is something ref may point at. */
enum db_err	store_structuur_bestaat(struct db *, struct arena *,
		    enum structuur_ref, int64_t id, int *ja);

/*
 * Sets which organisatie runs wijkteam id and which wijken it covers, from
 * date per (YYYY-MM-DD) on. A link that changes is ended the day before per
 * and a new one starts on per; a link that started on or after per is
 * corrected in place instead (same-day corrections leave no empty
 * history). Links that do not change are left alone. Call inside the
 * transaction that changes the wijkteam. *veranderd is 1 when any link
 * changed.
 */
enum db_err	store_wijkteam_koppel(struct db *, struct arena *, int64_t id,
		    int64_t organisatie_id, const int64_t *wijken, size_t nwijken,
		    const char *per, int *veranderd);

/* One link of a wijkteam: to an organisatie or a wijk (id), for a
 * period (geldig_tot NULL: open). */
struct wijkteam_koppeling {
	int64_t      id;
	const char  *code, *naam, *geldig_van, *geldig_tot;
};
struct wijkteam_historie {
	struct wijkteam_koppeling  *org, *wijk;
	size_t                      norg, nwijk;
};
/* Every link of wijkteam id, oldest first. */
enum db_err	store_wijkteam_historie(struct db *, struct arena *, int64_t id,
		    struct wijkteam_historie *out);

/* Active users holding a regisseur grant for keten id. */
struct keten_regisseur {
	int64_t      id;
	const char  *gebruikersnaam, *naam;
};
enum db_err	store_keten_regisseurs(struct db *, struct arena *, int64_t id,
		    struct keten_regisseur **out, size_t *n);

/* One budget line: euro cents for an organisatie in a year. */
struct budget {
	int64_t organisatie_id;
	int64_t jaar;
	int64_t cent;
};

/* Whose budget lines a reader may see (scope filter, applied in SQL). */
struct budget_scope {
	int          alles;          /* every organisatie */
	const char  *organisaties;   /* else: these ids, "3,5" */
	const char  *wijkteams;      /* and the organisaties running these */
};

/*
 * The budget lines of opdracht id that scope allows, by jaar and naam. A
 * line of 0 euro counts as no budget and is not listed.
 */
struct budget_regel {
	int64_t      organisatie_id, jaar;
	const char  *organisatie_naam;
	const char  *bedrag;         /* "1234.56", as DECIMAL reads */
};
enum db_err	store_budget_lijst(struct db *, struct arena *, int64_t id,
		    const struct budget_scope *scope, struct budget_regel **out,
		    size_t *n);

/*
 * Makes items the budget of opdracht id: every line not among them is set
 * to 0 (rows are never deleted). (organisatie_id, jaar) must be unique in
 * items; the caller checks that and that the organisaties exist.
 */
enum db_err	store_budget_vervang(struct db *, int64_t id,
		    const struct budget *items, size_t n);

/* Bumps the versie of opdracht id if it is still versie (the budget is
 * part of the opdracht). *gelukt as for store_structuur_wijzig. */
enum db_err	store_opdracht_ophogen(struct db *, int64_t id, int64_t versie,
		    int *gelukt);

#endif
