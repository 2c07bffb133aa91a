/*
 * demo_verhaal.h — what the two halves of the demo seeding share
 * (internal to store/demo.c, which writes, and store/demo_verhaal.c,
 * which plans each demo inwoner's story): the PRNG, the context of the
 * run and the plan of one inwoner.
 */
#ifndef WZ_STORE_DEMO_VERHAAL_H
#define WZ_STORE_DEMO_VERHAAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/seal.h"

struct arena;
struct db;
struct json_object;

#define DEMO_AANTAL(a)	(sizeof(a) / sizeof((a)[0]))

#define PLAN_EV_MAX	24
#define PLAN_TRJ_MAX	2
#define TEAM_WIJK_MAX	4
#define DATUM_LEN	11
#define NTEAMS		11      /* the wijkteams of the demo structure */

/* ------------------------------------------------------------ PRNG */

struct rng {
	uint64_t s;
};

uint64_t	rng_next(struct rng *);
/* A number in lo .. hi (inclusive). */
int		rng_tussen(struct rng *, int lo, int hi);
/* True with a chance of pct percent. */
int		rng_kans(struct rng *, int pct);

#define KIES(r, a)	((a)[rng_next(r) % DEMO_AANTAL(a)])

/* Days since 1970-01-01 (core/datum.h). */
int		dag_van(int y, int m, int d);

/* ------------------------------------------------------------ context */

struct team {
	int64_t  id;
	int64_t  org;
	int64_t  medewerker;     /* gebruiker id of medewerker.<org> */
	int64_t  wijk[TEAM_WIJK_MAX];
	size_t   nwijk;
};

struct bestaand {
	int64_t  org;
	int      nr;
};

struct ctx {
	struct db         *db;
	struct arena      *a;
	FILE              *out;
	struct seal_keys   keys;
	int                met_bsn;
	struct team        team[NTEAMS];
	int64_t            org_werkom, org_uitkeringen, org_naleving;
	int64_t            user_werkom, user_uitkeringen, user_naleving;
	int64_t            opdr_breed, opdr_aanv, opdr_pilot;
	struct { const char *code; int64_t id; } thema[8];
	struct bestaand   *bestaand;
	size_t             nbestaand;
	int                einde;        /* last day of 2025 */
};

/* ------------------------------------------------------------ planning */

struct plan_ev {
	const char          *type;
	int                  dag;
	int                  trj;       /* index in plan.trj */
	int                  vervalt;   /* correctie: index of the voided
					 * event in plan.ev, else -1 */
	struct json_object  *g;         /* gegevens (owned) */
	int64_t              id;        /* once written */
};

struct plan_trj {
	const char  *soort;
	int          start, eind;       /* eind 0: open */
	int          gestopt;           /* ran past 2025: nothing more */
	int          aanvullend;        /* the long-term contact of the
					 * aanvullende opdracht participatie,
					 * not the brede opdracht */
	int64_t      id;
};

struct plan {
	struct plan_trj  trj[PLAN_TRJ_MAX];
	int              ntrj;
	struct plan_ev   ev[PLAN_EV_MAX];
	int              nev;
};

/* The wijkteam's own theme for a traject of soort (0: none). */
int64_t	thema_van(const struct ctx *, const char *soort);
/* Plans one inwoner's story into p (events dated, trajecten opened). */
void	plan_maken(const struct ctx *, struct rng *, struct plan *p);
/* Frees the gegevens of p's events. */
void	plan_vrij(struct plan *p);

#endif
