/*
 * policy.c — authorization decisions; see policy.h.
 */
#include "config.h"

#include <stddef.h>

#include "domain/policy.h"

enum policy_verdict
policy_allows(enum access_rule rule, const struct principal *who)
{
	switch (rule) {
	case ACCESS_PUBLIC:
		return POLICY_ALLOW;
	}
	/* An unknown rule is a programming error; refuse rather than guess. */
	return who != NULL && who->authenticated ? POLICY_FORBIDDEN :
	    POLICY_UNAUTHENTICATED;
}
