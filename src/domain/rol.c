/*
 * rol.c — role and scope names, grant parsing; see rol.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/rol.h"

static const struct {
	enum rol    rol;
	const char *code;
	const char *label;
} roles[] = {
	{ ROL_MEDEWERKER, "medewerker", "Medewerker wijkteam" },
	{ ROL_TEAMLEIDER, "teamleider", "Teamleider wijkteamorganisatie" },
	{ ROL_KETENPARTNER, "ketenpartner", "Ketenpartner" },
	{ ROL_REGISSEUR, "regisseur", "Opgaveregisseur" },
	{ ROL_CONTRACTMANAGER, "contractmanager", "Contractmanager" },
	{ ROL_BEHEERDER, "beheerder", "Beheerder" },
	{ ROL_AUDITOR, "auditor", "Auditor" },
};
#define NROLES	(sizeof(roles) / sizeof(roles[0]))

static const char *const scopes[] = {
	[SCOPE_GEMEENTE] = "gemeente",
	[SCOPE_ORGANISATIE] = "organisatie",
	[SCOPE_WIJKTEAM] = "wijkteam",
	[SCOPE_KETEN] = "keten",
};

enum rol
rol_parse(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NROLES; i++)
		if (strlen(roles[i].code) == len && memcmp(roles[i].code, s, len) == 0)
			return roles[i].rol;
	return 0;
}

const char *
rol_code(enum rol r)
{
	size_t i;

	for (i = 0; i < NROLES; i++)
		if (roles[i].rol == r)
			return roles[i].code;
	return NULL;
}

const char *
rol_label(enum rol r)
{
	size_t i;

	for (i = 0; i < NROLES; i++)
		if (roles[i].rol == r)
			return roles[i].label;
	return "Onbekende rol";
}

int
scope_parse(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (strlen(scopes[i]) == len && memcmp(scopes[i], s, len) == 0)
			return (int)i;
	return -1;
}

const char *
scope_code(enum scope_soort s)
{
	if ((unsigned)s >= sizeof(scopes) / sizeof(scopes[0]))
		return NULL;
	return scopes[s];
}

int
rol_scope_allowed(enum rol r, enum scope_soort s)
{
	switch (r) {
	case ROL_BEHEERDER:
	case ROL_CONTRACTMANAGER:
	case ROL_AUDITOR:
		return s == SCOPE_GEMEENTE;
	case ROL_MEDEWERKER:
	case ROL_TEAMLEIDER:
		return s == SCOPE_ORGANISATIE || s == SCOPE_WIJKTEAM;
	case ROL_KETENPARTNER:
		return s == SCOPE_ORGANISATIE;
	case ROL_REGISSEUR:
		return s == SCOPE_KETEN;
	}
	return 0;
}

/* Parses one "rol:scope:id" item of len bytes. Returns 0 or -1. */
static int
grant_parse(const char *s, size_t len, struct grant *g)
{
	const char *c1, *c2, *end = s + len;
	long long id = 0;
	int sc;

	if ((c1 = memchr(s, ':', len)) == NULL ||
	    (c2 = memchr(c1 + 1, ':', (size_t)(end - c1 - 1))) == NULL)
		return -1;
	if ((g->rol = rol_parse(s, (size_t)(c1 - s))) == 0)
		return -1;
	if ((sc = scope_parse(c1 + 1, (size_t)(c2 - c1 - 1))) < 0)
		return -1;
	g->scope = (enum scope_soort)sc;
	if (c2 + 1 == end || end - c2 - 1 > 16)
		return -1;
	for (s = c2 + 1; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		id = id * 10 + (*s - '0');
	}
	g->scope_id = id;
	if (!rol_scope_allowed(g->rol, g->scope) ||
	    (g->scope == SCOPE_GEMEENTE) != (id == 0))
		return -1;
	return 0;
}

size_t
grants_parse(const char *s, struct grant *out, size_t max, unsigned *roles_out)
{
	size_t n = 0, len;

	*roles_out = 0;
	while (s != NULL && *s != '\0' && n < max) {
		len = strcspn(s, ",");
		if (grant_parse(s, len, &out[n]) == 0)
			*roles_out |= out[n++].rol;
		s += len;
		if (*s == ',')
			s++;
	}
	return n;
}

int
grant_from_parts(const char *rol, const char *scope, const char *id,
    struct grant *out)
{
	char item[96];
	unsigned rollen;
	int n;

	if (rol == NULL || scope == NULL || id == NULL)
		return -1;
	n = snprintf(item, sizeof(item), "%s:%s:%s", rol, scope, id);
	if (n < 0 || (size_t)n >= sizeof(item) || strchr(item, ',') != NULL)
		return -1;
	return grants_parse(item, out, 1, &rollen) == 1 ? 0 : -1;
}
