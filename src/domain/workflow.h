/*
 * workflow.h — state machines as tables: a workflow is a list of steps
 * (from a state, by an action, to a state, by whom), so the life of a
 * formatversie, a rapportage, a verslag or a signaal is data that can be
 * read, tested and shown, not a switch statement in a handler.
 *
 * A handler asks workflow_toets() before it changes a record's state and
 * stores stap->naar only on WF_MAG; a page asks workflow_acties() which
 * buttons to show. Both answer from the same table, so a button is never
 * shown for an action the server would refuse. Deny by default: a state,
 * action or role the table does not name permits nothing. Whether the
 * record is in the user's scope is not decided here (domain/scope.h and
 * the store do that).
 *
 * Tables are static data, checked once with workflow_geldig() at start-up
 * and in the tests. Pure: no I/O, no allocation; strings are borrowed.
 */
#ifndef WZ_WORKFLOW_H
#define WZ_WORKFLOW_H

#include <stddef.h>

#include "domain/rol.h"

/* One allowed transition. States and actions are codes: [a-z0-9_]+. */
struct workflow_stap {
	const char  *van;               /* the state it starts from */
	const char  *actie;             /* "indienen", "heropenen" */
	const char  *naar;              /* the state it leads to */
	unsigned     rollen;            /* union of enum rol that may take it */
	int          reden_verplicht;   /* the user must give a reason */
};

struct workflow {
	const char                  *naam;      /* a code: "rapportage" */
	const struct workflow_stap  *stappen;
	size_t                       nstappen;
	const char                  *begin;     /* the state of a new record */
};

/* Most steps a workflow may have (workflow_geldig() works in fixed room). */
#define WORKFLOW_MAX_STAPPEN	64

/* Whether an action may be taken, and if not, the first reason why not. */
enum workflow_oordeel {
	WF_MAG = 0,
	WF_ONBEKENDE_ACTIE,      /* no step of the workflow has this action */
	WF_NIET_IN_DEZE_STAAT,   /* the action exists, not from this state */
	WF_ROL_ONTBREEKT,        /* none of the user's roles may take it */
	WF_REDEN_ONTBREEKT,      /* a reason is required, none was given */
};

/*
 * Judges taking actie on a record in staat by a user holding rollen (a
 * union of enum rol), with reden as typed (NULL, "" or only white space
 * count as no reason). On WF_MAG *stap (when stap is not NULL) points to
 * the step in wf's table; on any other verdict it is set to NULL.
 */
enum workflow_oordeel	workflow_toets(const struct workflow *wf,
			    const char *staat, const char *actie,
			    unsigned rollen, const char *reden,
			    const struct workflow_stap **stap);

/* A Dutch sentence for the user ("Deze actie kan niet in deze staat."). */
const char	*workflow_oordeel_tekst(enum workflow_oordeel);

/*
 * The steps a user holding rollen may take from staat, in table order (for
 * the buttons of a page; a step with reden_verplicht needs a reason field
 * beside its button). Stores at most max pointers into wf's table in out;
 * returns the number stored.
 */
size_t	workflow_acties(const struct workflow *wf, const char *staat,
	    unsigned rollen, const struct workflow_stap **out, size_t max);

/* What is wrong with a table, the first fault found. */
enum workflow_gebrek {
	WFG_GEEN = 0,         /* the table is in order */
	WFG_LEEG,             /* no table, no steps, or more than
			       * WORKFLOW_MAX_STAPPEN */
	WFG_CODE,             /* naam, begin, a van, actie or naar that is
			       * not [a-z0-9_]+ */
	WFG_ROLLEN,           /* a step nobody may take, or a bit that is no
			       * enum rol */
	WFG_DUBBEL,           /* two steps with the same van and actie */
	WFG_ONBEREIKBAAR,     /* a step's van cannot be reached from begin */
};

/*
 * Checks wf; sets *stap (when not NULL) to the index of the offending step,
 * or to nstappen when the fault is not one step's.
 */
enum workflow_gebrek	workflow_gebrek(const struct workflow *wf,
			    size_t *stap);

/* Whether wf has no gebrek: for an assert at start-up. */
int	workflow_geldig(const struct workflow *wf);

/* The gebrek for a log line (English, as the logs are). */
const char	*workflow_gebrek_tekst(enum workflow_gebrek);

/*
 * The life of a formatversie (issue 11): concept --consulteren-->
 * consultatie --terugnemen--> concept, and publiceren from either to
 * gepubliceerd, which has no step out (a published version never
 * changes). All by a regisseur or a beheerder; which keten a regisseur
 * may act on is the operation's check (ops/format.c), and so is the
 * reason of a mid-period publication (it depends on the date, not on the
 * step).
 */
extern const struct workflow formatversie_workflow;

/*
 * The life of a rapportage (issue 12): concept --indienen (teamleider)-->
 * ingediend --vaststellen (regisseur)--> vastgesteld; terugsturen
 * (ingediend) and heropenen (vastgesteld) lead back to concept, by a
 * regisseur with a reason. Only a concept changes.
 */
extern const struct workflow rapportage_workflow;

#endif
