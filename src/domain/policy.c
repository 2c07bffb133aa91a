/*
 * policy.c — authorization decisions; see policy.h.
 */
#include "config.h"

#include <stddef.h>

#include "domain/policy.h"

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
	}
	/* An unknown rule is a programming error: refuse rather than guess. */
	return POLICY_FORBIDDEN;
}
