/*
 * indicator.h — the indicator catalogue (sql/009, table indicator): rows
 * per version, their eisen, and the marks that make a version immutable.
 *
 * The catalogue holds no personal data: any signed-in user may read it;
 * who may change which keten's indicators is the operation's business
 * (ops/indicator.c). A version is never deleted; a new version of an
 * indicator in use is a new row (nummer + 1, vorige_id) while the old one
 * stops being actief, both in one transaction of the caller.
 */
#ifndef WZ_STORE_INDICATOR_H
#define WZ_STORE_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* Most eisen one indicator serves. */
#define INDICATOR_MAX_EISEN	16

/* One version as stored. Strings live in the arena; partij, regel and
 * thema NULL/0 when not set. */
struct indicator_rij {
	int64_t      id, versie, nummer, vorige_id, keten_id, thema_id;
	int          actief, in_gebruik, drempel_vorige_periode;
	const char  *code, *naam, *definitie, *doel, *eenheid, *bron, *partij;
	const char  *regel;            /* JSON text, or NULL */
	const char  *keten, *thema;    /* names */
	const char  *aangemaakt;       /* "YYYY-MM-DDTHH:MM:SS" */
	int64_t      eisen[INDICATOR_MAX_EISEN];
	size_t       neisen;
};

/* What the operation writes (ids and codes checked by it). */
struct indicator_rec {
	const char  *code, *naam, *definitie, *doel, *eenheid, *bron, *partij;
	const char  *regel;            /* canonical JSON text, or NULL */
	int64_t      keten_id, thema_id;
	int          drempel_vorige_periode;
	int64_t      eisen[INDICATOR_MAX_EISEN];
	size_t       neisen;
};

struct indicator_filter {
	int64_t      keten_id;         /* 0: any */
	const char  *bron;             /* NULL: any */
	int          actief;           /* -1 any, 0, 1 */
};

/* The eisen of a GROUP_CONCAT ("3,7,12") into eisen, at most
 * INDICATOR_MAX_EISEN; returns how many. */
size_t	store_indicator_eisen_lees(const char *s,
	    int64_t eisen[INDICATOR_MAX_EISEN]);

/* The versions matching f with id > na, at most limit, by id. */
enum db_err	store_indicator_lijst(struct db *, struct arena *,
		    const struct indicator_filter *f, int64_t na, int limit,
		    struct indicator_rij **out, size_t *n);
/* One version by id (*gevonden 0 when there is none). */
enum db_err	store_indicator_lees(struct db *, struct arena *, int64_t id,
		    struct indicator_rij *out, int *gevonden);
/* The actief version of code (*gevonden 0: none). */
/* The versions whose ids are in ids (a JSON array text, "[3,7]"), by id;
 * an id named twice gives one row, unknown ids none. One statement for
 * a whole format. */
enum db_err	store_indicator_ids(struct db *, struct arena *, const char *ids,
		    struct indicator_rij **out, size_t *n);
enum db_err	store_indicator_code(struct db *, struct arena *,
		    const char *code, struct indicator_rij *out, int *gevonden);
/* Every version of code, by nummer. */
enum db_err	store_indicator_versies(struct db *, struct arena *,
		    const char *code, struct indicator_rij **out, size_t *n);
/* Version id (*gevonden 0: none, *n 0) and every version of its code. */
enum db_err	store_indicator_met_versies(struct db *, struct arena *,
		    int64_t id, struct indicator_rij *out, int *gevonden,
		    struct indicator_rij **versies, size_t *n);

/*
 * A new row for rec with the given nummer and vorige_id (0: none), actief,
 * with its eisen. DB_DUPLICATE: (code, nummer) exists.
 */
enum db_err	store_indicator_nieuw(struct db *, const struct indicator_rec *,
		    int64_t nummer, int64_t vorige_id, int64_t *id);
/* Changes version id in place when its versie matches and it is actief
 * (*affected 0 otherwise); replaces its eisen. */
enum db_err	store_indicator_wijzig(struct db *, int64_t id, int64_t versie,
		    const struct indicator_rec *, uint64_t *affected);
/* Version id stops being actief (a successor takes over) when its versie
 * matches (*affected 0 otherwise). */
enum db_err	store_indicator_afgelost(struct db *, int64_t id, int64_t versie,
		    uint64_t *affected);
/* Marks the versions in ids ("[1,5]") in use: their figures went out;
 * so did those of the teller and noemer of a verhouding among them (the
 * actief versions of their codes, recursively), which are marked too. */
enum db_err	store_indicator_gebruikt(struct db *, const char *ids);

/* Which references exist: the keten; the thema, within that keten; how
 * many of the n eisen; the thema and opdracht a rule's traject filter
 * names (0: none asked, and reported as existing). */
struct indicator_refs {
	int     keten, thema, regel_thema, regel_opdracht;
	size_t  eisen;
};
enum db_err	store_indicator_refs(struct db *, struct arena *,
		    int64_t keten_id, int64_t thema_id, const int64_t *eisen,
		    size_t n, int64_t regel_thema, int64_t regel_opdracht,
		    struct indicator_refs *out);

#endif
