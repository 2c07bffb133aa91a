/*
 * policy.h — the one place that decides who may call a route.
 *
 * The route table names a rule per route; the front gate asks
 * policy_allows() before any handler runs. Handlers never check roles
 * themselves. Deny by default: a rule this function does not know denies.
 * Pure: no I/O, no SQL, no HTTP.
 */
#ifndef WZ_POLICY_H
#define WZ_POLICY_H

#include "http/router.h"

/* The caller as far as authorization cares (sessions arrive later). */
struct principal {
	int authenticated;
};

enum policy_verdict {
	POLICY_ALLOW = 0,
	POLICY_UNAUTHENTICATED,   /* 401, or a redirect to the login page */
	POLICY_FORBIDDEN,         /* 403 */
};

enum policy_verdict	policy_allows(enum access_rule, const struct principal *);

#endif
