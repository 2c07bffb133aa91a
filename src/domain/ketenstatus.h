/*
 * ketenstatus.h — where an inwoner stands in the participatieketen,
 * derived from their gebeurtenissen (DESIGN.md section 2).
 *
 * The audit letter: the gemeente, the wijkteams and Werkom work in
 * different systems, so nobody knows whether Werkom, a wijkteam or the UWV
 * is guiding an inwoner; someone can still be on a wijkteam's wachtlijst
 * after their uitkering was refused. The status is computed from the
 * events by the one function below, never edited: the store keeps a
 * projection of it (table ketenstatus) that it rewrites with this function
 * from all of an inwoner's events in the transaction of every new event,
 * so lists such as the wachtlijst are index reads and still never
 * disagree with the events. The transitions are listed in ketenstatus.c.
 *
 * Pure: no I/O, no SQL, no HTTP; allocates nothing itself (it sorts the
 * caller's array in place with qsort).
 */
#ifndef WZ_KETENSTATUS_H
#define WZ_KETENSTATUS_H

#include <stddef.h>
#include <stdint.h>

/* Who holds the inwoner now. */
enum partij {
	PARTIJ_GEEN = 0,   /* nobody: never in the keten, or afgesloten */
	PARTIJ_WIJKTEAM,   /* a wijkteam: see ketenstatus.wijkteam_id */
	PARTIJ_WERKOM,
	PARTIJ_NALEVING,   /* Meedoen Werkt of the afdeling Naleving */
	PARTIJ_UWV,
};

/* PARTIJ_WERKOM → "werkom" (ketenstatus.partij.soort in the API); NULL
 * when unknown. */
const char	*ketenstatus_partij_code(enum partij);
/* PARTIJ_WERKOM → "Werkom"; PARTIJ_GEEN → "Geen" (for pages). */
const char	*ketenstatus_partij_label(enum partij);

#define KS_DATUM	11	/* "YYYY-MM-DD" and its NUL */

/*
 * One event as the store reads it for the derivation: only the facts the
 * transitions need. Strings are borrowed (not copied) and may be NULL when
 * the payload lacks them.
 */
struct keten_gebeurtenis {
	int64_t      id;           /* registration order: ascending */
	const char  *type;         /* gebeurtenis type code */
	const char  *datum;        /* "YYYY-MM-DD": the day it happened */
	int64_t      wijkteam_id;  /* the wijkteam of the event's traject */
	int64_t      traject_id;   /* the event's traject (0: unknown, all
				    * such events count as one traject) */
	const char  *besluit;      /* uitkeringsbesluit: gegevens.besluit */
	const char  *reden;        /* afgesloten: gegevens.reden (a code) */
	int64_t      vervalt_id;   /* correctie: gegevens.vervalt_id */
	int64_t      organisatie_id; /* the organisatie of the event's traject:
				    * not used here; domain/verloop.h says
				    * whom a state counts for (0: unknown) */
	int          vervallen;    /* OUT: set to 1 when a correctie voids
				    * this event, else 0 */
};

struct ketenstatus {
	enum partij  partij;
	int64_t      wijkteam_id;             /* PARTIJ_WIJKTEAM, else 0 */
	char         sinds[KS_DATUM];         /* "" for PARTIJ_GEEN at start */

	/* On a wijkteam's wachtlijst (the teamleider's wachtlijst page). */
	int          op_wachtlijst;
	char         wachtlijst_sinds[KS_DATUM];
	int64_t      wachtlijst_wijkteam_id;

	/* On the wachtlijst while the last uitkeringsbesluit (since the last
	 * startgesprek) is afgewezen: the audit's example. */
	int          uitkering_afgewezen_op_wachtlijst;
	char         afgewezen_op[KS_DATUM];  /* the besluit's date */

	/* An overdracht_werkom that Werkom has not accepted (or sent back)
	 * yet; the caller compares overdracht_sinds with its configured
	 * number of days. */
	int          overdracht_open;
	char         overdracht_sinds[KS_DATUM];

	/* A terug_van_werkom with no overdracht_werkom before it that was
	 * not already answered by an earlier return; the last such one. */
	int          terug_zonder_overdracht;
	char         terug_datum[KS_DATUM];
	int64_t      terug_id;
};

/*
 * Derives the status from the n events of one inwoner (the events of their
 * trajecten in the participatieketen; any order). Sorts ev in place (by
 * datum, then id) and sets ev[i].vervallen. Voided events and the
 * correcties themselves move nothing; a correctie naming an unknown id or
 * another correctie voids nothing. Unknown type codes move nothing (a type
 * retired from the table must not break old records).
 *
 * Returns 0, or -1 when an event has no type or a malformed datum (then
 * *out is the empty status: PARTIJ_GEEN and no flags).
 */
int	ketenstatus_bereken(struct keten_gebeurtenis *ev, size_t n,
	    struct ketenstatus *out);

#endif
