/*
 * registratie.c — the caller's scope for personal data, and the BSN at the
 * edge of the handlers; see registratie.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/seal.h"
#include "db/db.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "handlers/common.h"
#include "handlers/registratie.h"
#include "http/request.h"

/* Appends id to a comma-separated list in buf (of len bytes). */
static void
lijst_bij(char *buf, size_t len, int64_t id)
{
	size_t n = strlen(buf);
	int w;

	w = snprintf(buf + n, len - n, "%s%lld", n ? "," : "", (long long)id);
	/* An id that does not fit is left out whole: a cut one ("123" as
	 * "12") would name another organisatie (deny by default). */
	if (w < 0 || (size_t)w >= len - n)
		buf[n] = '\0';
}

/* Whether id occurs in the comma-separated list. */
static int
in_lijst(const char *lijst, const char *id)
{
	size_t n = strlen(id);
	const char *p = lijst;

	while ((p = strstr(p, id)) != NULL) {
		if ((p == lijst || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

int
registratie_scope(struct req *r, struct reg_scope *s)
{
	char team[256] = "", keten[256] = "", alle[520], wijkteams[256] = "";
	int is_team[REG_SCOPE_ORGS] = { 0 };
	const struct principal *who = &r->who;
	struct db_rows rows;
	enum db_err rc;
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < who->ngrants; i++) {
		const struct grant *g = &who->grants[i];
		int teamrol = g->rol == ROL_MEDEWERKER || g->rol == ROL_TEAMLEIDER;

		if (g->scope == SCOPE_ORGANISATIE && teamrol)
			lijst_bij(team, sizeof(team), g->scope_id);
		else if (g->scope == SCOPE_ORGANISATIE && g->rol == ROL_KETENPARTNER)
			lijst_bij(keten, sizeof(keten), g->scope_id);
		else if (g->scope == SCOPE_WIJKTEAM && teamrol)
			lijst_bij(wijkteams, sizeof(wijkteams), g->scope_id);
	}
	if (team[0] == '\0' && keten[0] == '\0' && wijkteams[0] == '\0')
		return 0;
	snprintf(alle, sizeof(alle), "%s%s%s", team, team[0] && keten[0] ? "," : "",
	    keten);
	if ((rc = store_scope_organisaties(r->db, r->arena, alle, wijkteams,
	    &rows)) != DB_OK) {
		fail_db(r, rc, "scope");
		return -1;
	}
	for (i = 0; i < rows.nrows && s->norg < REG_SCOPE_ORGS; i++) {
		const char *id = DB_CELL(&rows, i, 0), *soort = DB_CELL(&rows, i, 1),
		    *partij = DB_CELL(&rows, i, 2);
		int64_t oid = db_cell_int(id, 0);
		int als_team = soort != NULL &&
		    strcmp(soort, "wijkteamorganisatie") == 0 &&
		    (in_lijst(team, id) || !in_lijst(keten, id));
		unsigned p = partij != NULL && in_lijst(keten, id) ?
		    (unsigned)gebeurtenis_partij_parse(partij) : 0;

		if (!als_team && p == 0)
			continue;       /* a grant on the wrong kind of party */
		is_team[s->norg] = als_team;
		s->org[s->norg++] = oid;
		if (als_team) {
			s->partijen |= GP_WIJKTEAM;
			if (s->wijkteam_org == 0)
				s->wijkteam_org = oid;
		}
		if (p != 0) {
			s->partijen |= p;
			if (s->keten_org == 0) {
				s->keten_org = oid;
				s->keten_partij = p;
			}
		}
	}
	/* One user, one side. The scope is one set of organisaties and the
	 * view one party: a user who is both a wijkteam's medewerker and a
	 * ketenpartner's would otherwise see the partner's inwoners with the
	 * wijkteam's eyes (every event and field) and could change them. The
	 * wijkteam side is kept; acting as the ketenpartner takes a second
	 * account. */
	if ((s->partijen & GP_WIJKTEAM) && s->keten_partij != 0) {
		size_t n = 0;

		for (i = 0; i < s->norg; i++)
			if (is_team[i])
				s->org[n++] = s->org[i];
		s->norg = n;
		s->partijen = GP_WIJKTEAM;
		s->keten_org = 0;
		s->keten_partij = 0;
	}
	/* Unused slots repeat the first organisatie (see store/registratie.c:
	 * one value keeps index order); with none, 0 matches nothing. */
	for (i = s->norg; s->norg > 0 && i < REG_SCOPE_ORGS; i++)
		s->org[i] = s->org[0];
	return 0;
}

unsigned
registratie_partij(const struct reg_scope *s)
{
	return (s->partijen & GP_WIJKTEAM) ? (unsigned)GP_WIJKTEAM :
	    s->keten_partij;
}

const char *
registratie_doel(const struct reg_scope *s)
{
	return (s->partijen & GP_WIJKTEAM) ? DOEL_REGISTRATIE : DOEL_KETEN;
}

/* Opens a sealed BSN into out (BSN_LEN + 1). Returns 0 or -1 (logged). */
static int
bsn_open(struct req *r, const char *sealed, char out[BSN_LEN + 1])
{
	size_t n = 0;

	if (sealed == NULL || *sealed == '\0')
		return -1;
	if (seal_decrypt(r->seal, sealed, out, BSN_LEN, &n) != 0 ||
	    n != BSN_LEN) {
		log_error("registratie", "req=%s a stored BSN cannot be opened"
		    " (key changed or value damaged)",
		    r->request_id ? r->request_id : "-");
		return -1;
	}
	out[BSN_LEN] = '\0';
	return 0;
}

const char *
registratie_bsn_masker(struct req *r, const char *sealed)
{
	char bsn[BSN_LEN + 1], masker[BSN_LEN + 1];

	if (bsn_open(r, sealed, bsn) != 0)
		return NULL;
	bsn_mask(bsn, masker);
	memset(bsn, 0, sizeof(bsn));
	return arena_strdup(r->arena, masker);
}

const char *
registratie_bsn_open(struct req *r, const char *sealed)
{
	char bsn[BSN_LEN + 1];
	const char *out;

	if (bsn_open(r, sealed, bsn) != 0)
		return NULL;
	out = arena_strdup(r->arena, bsn);
	memset(bsn, 0, sizeof(bsn));
	return out;
}

int
registratie_bsn_seal(struct req *r, const char *bsn, const char **sealed,
    const char **hash)
{
	char *box, *h;

	if (!r->seal->loaded) {
		log_error("registratie", "req=%s seal_key/seal_lookup_key are not"
		    " configured: a BSN cannot be stored",
		    r->request_id ? r->request_id : "-");
		return -1;
	}
	box = arena_alloc(r->arena, SEAL_B64_LEN(BSN_LEN));
	h = arena_alloc(r->arena, SEAL_HASH_HEX_LEN);
	if (box == NULL || h == NULL ||
	    seal_encrypt(r->seal, bsn, strlen(bsn), box,
	    SEAL_B64_LEN(BSN_LEN)) != 0)
		return -1;
	seal_lookup_hash(r->seal, bsn, strlen(bsn), h);
	*sealed = box;
	*hash = h;
	return 0;
}
