/*
 * policy.h — the one place that decides who may call a route.
 *
 * The route table names a rule per route; the front gate asks
 * policy_allows() before any handler runs, and pages ask it to decide which
 * menu items to show. Handlers never check roles themselves. Deny by
 * default: a rule this module does not know denies. Which rows a user may
 * see inside an allowed route (scope) is decided in SQL by the store, with
 * the grants below as parameters.
 * Pure: no I/O, no SQL, no HTTP.
 */
#ifndef WZ_POLICY_H
#define WZ_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "domain/rol.h"

/* Who may call a route. */
enum access_rule {
	ACCESS_PUBLIC = 1,     /* anyone, also without a session */
	ACCESS_INGELOGD,       /* any signed-in user */
	ACCESS_BEHEER,         /* beheerder: structure, users, tokens */
	ACCESS_AUDIT,          /* beheerder or auditor: the audit log */
	ACCESS_REGISTRATIE,    /* medewerker or teamleider: a wijkteam's
				* registration (inwoners, trajecten) */
	ACCESS_KETEN,          /* medewerker, teamleider or ketenpartner:
				* inwoners in their scope, ketenstatus,
				* the events each party may see */
	ACCESS_TEAMLEIDER,     /* teamleider: wachtlijst, import, export */
	ACCESS_AFSTEMMING,     /* teamleider or ketenpartner: the handover
				* reconciliation list */
	ACCESS_CATALOGUS,      /* regisseur or beheerder: the indicator
				* catalogue (which ketens: the operation) */
	ACCESS_STURING,        /* any role but ketenpartner: formats and
				* their versions (issue 11; what each sees:
				* ops/format.h) */
	ACCESS_CIJFERS,        /* any role: the figure pages (what each
				* sees: the figure service, ops/cijfers.h) */
	ACCESS_KETENWAARDEN,   /* ketenpartner, regisseur, contractmanager,
				* auditor or beheerder: read the values the
				* ketenpartners deliver (issue 12; which
				* ones: ops/ketenpartnerwaarde.h) */
	ACCESS_KETENPARTNER,   /* ketenpartner: deliver those values */
	ACCESS_TOEZICHT,       /* regisseur, contractmanager or auditor:
				* the completeness overview in the menu */
	ACCESS_COMPLEETHEID,   /* ACCESS_TOEZICHT or teamleider: the
				* completeness of rapportages (a teamleider
				* sees their own row; ops/compleetheid.h) */
};

/* The caller, as the front gate found it. */
struct principal {
	int            authenticated;
	int64_t        gebruiker_id;
	const char    *gebruikersnaam;
	const char    *naam;
	unsigned       roles;                 /* union of enum rol */
	struct grant   grants[MAX_GRANTS];
	size_t         ngrants;
	int64_t        token_id;              /* > 0: signed in by API token */
	const char    *sessie_id;             /* hash of the session token */
	const char    *csrf_token;            /* the session's; NULL for tokens */
};

enum policy_verdict {
	POLICY_ALLOW = 0,
	POLICY_UNAUTHENTICATED,   /* 401, or a redirect to the login page */
	POLICY_FORBIDDEN,         /* 403 */
};

enum policy_verdict	policy_allows(enum access_rule, const struct principal *);

/*
 * Fills who as a signed-in user from what the store read: id, names and
 * the grants column ("rol:scope:id,..."). The strings are borrowed.
 */
void	principal_init(struct principal *who, int64_t gebruiker_id,
	    const char *gebruikersnaam, const char *naam, const char *grants);

/* Whether the principal holds role in any scope. */
int	principal_has(const struct principal *, enum rol);

/*
 * The ids of the principal's grants with scope kind `scope`, as "3,5" (for
 * FIND_IN_SET in SQL: scope filters travel as parameters, never as SQL).
 * "" when there are none; out is always terminated. Returns out.
 */
const char *principal_scope_ids(const struct principal *, enum scope_soort,
	    char *out, size_t len);

/*
 * Budgets per organisatie: the gemeente-wide roles and regisseurs see all;
 * a wijkteamorganisatie's teamleider or medewerker, and a ketenpartner,
 * only their own organisatie's lines.
 */
int	principal_sees_all_budgets(const struct principal *);

/*
 * Which organisaties the figure pages offer: the gemeente-wide roles,
 * regisseurs and ketenpartners (aggregates) every wijkteamorganisatie; a
 * teamleider or medewerker only their own. What anyone sees of a chosen
 * organisatie is the figure service's decision (ops/cijfers.h).
 */
int	principal_sees_all_figures(const struct principal *);

#endif
