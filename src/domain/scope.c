/*
 * scope.c — a principal's scope for personal data; see scope.h.
 */
#include "config.h"

#include <string.h>

#include "domain/gebeurtenis.h"
#include "domain/policy.h"
#include "domain/scope.h"

static int
in(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

size_t
scope_grants(const struct principal *who, struct scope_grants *g)
{
	size_t i;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < who->ngrants && i < MAX_GRANTS; i++) {
		const struct grant *gr = &who->grants[i];
		int teamrol = gr->rol == ROL_MEDEWERKER || gr->rol == ROL_TEAMLEIDER;

		if (gr->scope_id <= 0)
			continue;
		if (gr->scope == SCOPE_ORGANISATIE && teamrol)
			g->team[g->nteam++] = gr->scope_id;
		else if (gr->scope == SCOPE_ORGANISATIE && gr->rol == ROL_KETENPARTNER)
			g->keten[g->nketen++] = gr->scope_id;
		else if (gr->scope == SCOPE_WIJKTEAM && teamrol)
			g->wijkteams[g->nwijkteams++] = gr->scope_id;
	}
	return g->nteam + g->nketen + g->nwijkteams;
}

void
scope_bouw(const struct scope_grants *g, const struct scope_org *orgs,
    size_t n, struct scope *s)
{
	int is_team[SCOPE_ORGS] = { 0 };
	size_t i, k;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < n && s->norg < SCOPE_ORGS; i++) {
		const struct scope_org *o = &orgs[i];
		int als_keten = in(g->keten, g->nketen, o->id);
		/* A wijkteamorganisatie named by a team grant, or reached
		 * through a wijkteam it runs (it is then in neither list). */
		int als_team = o->wijkteamorganisatie &&
		    (in(g->team, g->nteam, o->id) || !als_keten);
		unsigned p = als_keten ? o->partij : 0;

		if (!als_team && p == 0)
			continue;       /* a grant on the wrong kind of party */
		is_team[s->norg] = als_team;
		s->org[s->norg++] = o->id;
		if (als_team) {
			s->partijen |= GP_WIJKTEAM;
			if (s->wijkteam_org == 0)
				s->wijkteam_org = o->id;
		}
		if (p != 0) {
			s->partijen |= p;
			if (s->keten_org == 0) {
				s->keten_org = o->id;
				s->keten_partij = p;
			}
		}
	}
	/* One user, one side: the wijkteam side is kept (scope.h). */
	if ((s->partijen & GP_WIJKTEAM) && s->keten_partij != 0) {
		for (i = 0, k = 0; i < s->norg; i++)
			if (is_team[i])
				s->org[k++] = s->org[i];
		s->norg = k;
		s->partijen = GP_WIJKTEAM;
		s->keten_org = 0;
		s->keten_partij = 0;
	}
	/* Unused slots repeat the first organisatie: one value keeps the
	 * index range of "organisatie_id IN (?, ?, ?, ?)"; with none, 0
	 * matches nothing. */
	for (i = s->norg; s->norg > 0 && i < SCOPE_ORGS; i++)
		s->org[i] = s->org[0];
}

unsigned
scope_partij(const struct scope *s)
{
	return (s->partijen & GP_WIJKTEAM) ? (unsigned)GP_WIJKTEAM :
	    s->keten_partij;
}

int
scope_heeft(const struct scope *s, int64_t id)
{
	return id > 0 && in(s->org, s->norg, id);
}
