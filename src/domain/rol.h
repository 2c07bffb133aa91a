/*
 * rol.h — roles, scopes and grants (DESIGN.md section 1).
 *
 * A user holds grants: (role, scope). A scope is the whole gemeente (for
 * roles that are not tied to one party: beheerder, contractmanager,
 * auditor), an organisatie, a wijkteam or a keten. Pure: no I/O.
 */
#ifndef WZ_ROL_H
#define WZ_ROL_H

#include <stddef.h>
#include <stdint.h>

enum rol {
	ROL_MEDEWERKER      = 1 << 0,
	ROL_TEAMLEIDER      = 1 << 1,
	ROL_KETENPARTNER    = 1 << 2,
	ROL_REGISSEUR       = 1 << 3,
	ROL_CONTRACTMANAGER = 1 << 4,
	ROL_BEHEERDER       = 1 << 5,
	ROL_AUDITOR         = 1 << 6,
};
#define ROL_ALL		0x7f

enum scope_soort {
	SCOPE_GEMEENTE = 0,       /* no narrower scope */
	SCOPE_ORGANISATIE,
	SCOPE_WIJKTEAM,
	SCOPE_KETEN,
};

struct grant {
	enum rol          rol;
	enum scope_soort  scope;
	int64_t           scope_id;   /* 0 for SCOPE_GEMEENTE */
};

#define MAX_GRANTS	32

/* "medewerker" → ROL_MEDEWERKER; 0 when unknown. */
enum rol	 rol_parse(const char *s, size_t len);
/* ROL_MEDEWERKER → "medewerker" (the code, as stored). NULL when unknown. */
const char	*rol_code(enum rol);
/* ROL_MEDEWERKER → "Medewerker wijkteam" (a Dutch label for pages). */
const char	*rol_label(enum rol);

/* "organisatie" → SCOPE_ORGANISATIE; -1 when unknown. */
int		 scope_parse(const char *s, size_t len);
const char	*scope_code(enum scope_soort);

/* Which scope a role requires: beheerder, contractmanager and auditor take
 * SCOPE_GEMEENTE; medewerker and teamleider an organisatie or wijkteam;
 * ketenpartner an organisatie; regisseur a keten. */
int	rol_scope_allowed(enum rol, enum scope_soort);

/*
 * Parses the grants as the store reads them in one column:
 * "rol:scope:id,rol:scope:id" (GROUP_CONCAT). Unknown or malformed items
 * are skipped (deny by default). Returns the number stored in out (at most
 * max); *roles gets the union of the roles.
 */
size_t	grants_parse(const char *s, struct grant *out, size_t max,
	    unsigned *roles);

/*
 * One grant from its three parts as stored (rol, scope_soort, scope_id as
 * text). Returns 0, or -1 when any part is unknown or the scope does not
 * fit the role (the grant is then ignored: deny by default).
 */
int	grant_from_parts(const char *rol, const char *scope, const char *id,
	    struct grant *out);

#endif
