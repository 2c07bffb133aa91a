/*
 * policy.c — authorization decisions; see policy.h.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "domain/policy.h"

void
principal_init(struct principal *who, int64_t gebruiker_id,
    const char *gebruikersnaam, const char *naam, const char *grants)
{
	memset(who, 0, sizeof(*who));
	who->authenticated = gebruiker_id > 0;
	who->gebruiker_id = gebruiker_id;
	who->gebruikersnaam = gebruikersnaam;
	who->naam = naam;
	who->ngrants = grants_parse(grants, who->grants, MAX_GRANTS, &who->roles);
}

int
principal_has(const struct principal *who, enum rol r)
{
	return who != NULL && who->authenticated && (who->roles & r) != 0;
}

enum policy_verdict
policy_allows(enum access_rule rule, const struct principal *who)
{
	int in = who != NULL && who->authenticated;

	if (rule == ACCESS_PUBLIC)
		return POLICY_ALLOW;
	if (!in)
		return POLICY_UNAUTHENTICATED;
	switch (rule) {
	case ACCESS_PUBLIC:
	case ACCESS_INGELOGD:
		return POLICY_ALLOW;
	case ACCESS_BEHEER:
		return principal_has(who, ROL_BEHEERDER) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN;
	case ACCESS_AUDIT:
		return principal_has(who, ROL_BEHEERDER | ROL_AUDITOR) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_REGISTRATIE:
		return principal_has(who, ROL_MEDEWERKER | ROL_TEAMLEIDER) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_KETEN:
		return principal_has(who, ROL_MEDEWERKER | ROL_TEAMLEIDER |
		    ROL_KETENPARTNER) ? POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_TEAMLEIDER:
		return principal_has(who, ROL_TEAMLEIDER) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN;
	case ACCESS_AFSTEMMING:
		return principal_has(who, ROL_TEAMLEIDER | ROL_KETENPARTNER) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_CATALOGUS:
		return principal_has(who, ROL_REGISSEUR | ROL_BEHEERDER) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_STURING:
		/* What a ketenpartner delivers is figures, not the format the
		 * wijkteams report in: a grant of any other role lets in. */
		return principal_has(who, ROL_ALL & ~(unsigned)ROL_KETENPARTNER) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_CIJFERS:
		return principal_has(who, ROL_ALL) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN;
	case ACCESS_KETENWAARDEN:
		/* The wijkteams read them inside their rapportage. */
		return principal_has(who, ROL_KETENPARTNER | ROL_REGISSEUR |
		    ROL_CONTRACTMANAGER | ROL_AUDITOR | ROL_BEHEERDER) ?
		    POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_KETENPARTNER:
		return principal_has(who, ROL_KETENPARTNER) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN;
	case ACCESS_TOEZICHT:
		return principal_has(who, ROL_REGISSEUR | ROL_CONTRACTMANAGER |
		    ROL_AUDITOR) ? POLICY_ALLOW : POLICY_FORBIDDEN;
	case ACCESS_COMPLEETHEID:
		return principal_has(who, ROL_REGISSEUR | ROL_CONTRACTMANAGER |
		    ROL_AUDITOR | ROL_TEAMLEIDER) ? POLICY_ALLOW :
		    POLICY_FORBIDDEN;
	}
	/* An unknown rule is a programming error: refuse rather than guess. */
	return POLICY_FORBIDDEN;
}

const char *
principal_scope_ids(const struct principal *who, enum scope_soort scope,
    char *out, size_t len)
{
	size_t i, n = 0;
	int w;

	if (len == 0)
		return out;
	out[0] = '\0';
	for (i = 0; who != NULL && i < who->ngrants; i++) {
		if (who->grants[i].scope != scope)
			continue;
		w = snprintf(out + n, len - n, "%s%lld", n ? "," : "",
		    (long long)who->grants[i].scope_id);
		if (w < 0 || (size_t)w >= len - n) {
			out[n] = '\0';      /* a cut list would widen nothing */
			break;
		}
		n += (size_t)w;
	}
	return out;
}

int
principal_sees_all_budgets(const struct principal *who)
{
	return principal_has(who, ROL_BEHEERDER | ROL_CONTRACTMANAGER |
	    ROL_AUDITOR | ROL_REGISSEUR);
}

int
principal_sees_all_figures(const struct principal *who)
{
	return principal_has(who, ROL_BEHEERDER | ROL_CONTRACTMANAGER |
	    ROL_AUDITOR | ROL_REGISSEUR | ROL_KETENPARTNER);
}
