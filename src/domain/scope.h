/*
 * scope.h — which organisaties a principal acts for, and as which party of
 * the keten: the access policy for personal data, as a pure function.
 *
 * Two steps, with the store in between. scope_grants() sorts the
 * principal's grants into what must be looked up (organisatie grants of
 * the wijkteam roles and of the ketenpartner role; wijkteam grants, which
 * the store resolves to the organisatie that runs the wijkteam today).
 * scope_bouw() turns what the store found into the scope: every store call
 * on personal data takes it, and filters by it in SQL.
 *
 * The rules, each tested in tests/unit/test_scope.c:
 *  - a grant on the wrong kind of organisatie counts for nothing (a
 *    teamleider grant on Werkom, a ketenpartner grant on an organisatie
 *    without a keten_partij);
 *  - one user, one side: someone with grants on a wijkteamorganisatie and
 *    on a ketenpartner acts as the wijkteam only (the partner's view takes
 *    a second account), so one view never mixes the two;
 *  - at most SCOPE_ORGS organisaties; more are ignored (deny by default).
 */
#ifndef WZ_DOMAIN_SCOPE_H
#define WZ_DOMAIN_SCOPE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/rol.h"

struct principal;

/* Most organisaties one user acts for. */
#define SCOPE_ORGS	4
#define SCOPE_ORGS_SQL	"4"     /* the same, for a LIMIT in SQL text */

struct scope {
	int64_t   org[SCOPE_ORGS];  /* organisaties; slots from norg on repeat
				     * org[0] (0 when norg is 0): a fixed
				     * number of SQL parameters */
	size_t    norg;
	unsigned  partijen;         /* GP_ mask (domain/gebeurtenis.h) */
	int64_t   wijkteam_org;     /* the wijkteamorganisatie the user
				     * registers for (the first), 0: none */
	int64_t   keten_org;        /* the ketenpartner organisatie, 0: none */
	unsigned  keten_partij;     /* its GP_ bit, 0: none */
};

/* The grants that give access to personal data, sorted by kind. */
struct scope_grants {
	int64_t  team[MAX_GRANTS];       /* organisatie: medewerker, teamleider */
	size_t   nteam;
	int64_t  keten[MAX_GRANTS];      /* organisatie: ketenpartner */
	size_t   nketen;
	int64_t  wijkteams[MAX_GRANTS];  /* wijkteam: medewerker, teamleider */
	size_t   nwijkteams;
};

/* An organisatie that a grant names, as the store found it. */
struct scope_org {
	int64_t   id;
	int       wijkteamorganisatie;   /* organisatie.soort */
	unsigned  partij;                /* organisatie.keten_partij as a GP_
					  * bit, 0: none */
};

/* Sorts who's grants into g. Returns how many ids are to be looked up (0:
 * the scope is empty, nothing to ask). */
size_t	scope_grants(const struct principal *who, struct scope_grants *g);

/* The scope from the grants and the n organisaties they name (the store's
 * answer, in id order). */
void	scope_bouw(const struct scope_grants *g, const struct scope_org *orgs,
	    size_t n, struct scope *s);

/* The party the user registers and sees events as: GP_WIJKTEAM for the
 * wijkteam side, else their ketenpartner's party; 0 for none. */
unsigned scope_partij(const struct scope *);

/* Whether organisatie id is in the scope. */
int	scope_heeft(const struct scope *, int64_t id);

#endif
