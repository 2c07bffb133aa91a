/*
 * streefwaarde.h — targets as stored (sql/011, tables streefwaarde and
 * streefwaarde_historie), and the indicators a formatversie asks for.
 *
 * Numbers travel as text both ways: a DECIMAL(18,4) is bound as the
 * string the domain wrote and read back as MariaDB's own decimal text, so
 * no value ever passes through a double. The row is the current state;
 * every state it had (versie 1 is its creation) is a historie row,
 * written in the caller's transaction by copying the row itself, so the
 * two cannot disagree. Who may read or write is the operation's business.
 */
#ifndef WZ_STORE_STREEFWAARDE_H
#define WZ_STORE_STREEFWAARDE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* One target, or one historie state, as stored. Strings in the arena;
 * waarde, ondergrens, bovengrens, tolerantie NULL when not set. */
struct streefwaarde_rij {
	int64_t      id, versie, indicator_id, organisatie_id, wijk_id;
	int64_t      keten_id;            /* the indicator's */
	const char  *periode, *richting, *tolerantie_soort, *reden;
	const char  *waarde, *ondergrens, *bovengrens, *tolerantie;
	int64_t      gewijzigd_door;
	const char  *door;                /* the user's naam */
	const char  *gewijzigd_op;        /* "YYYY-MM-DDTHH:MM:SSZ" */
};

/* What the operation writes (checked by it): decimals as text. */
struct streefwaarde_rec {
	int64_t      indicator_id, organisatie_id, wijk_id;   /* 0: none */
	const char  *periode, *richting, *tolerantie_soort, *reden;
	const char  *waarde, *ondergrens, *bovengrens, *tolerantie;
	int64_t      door;
};

struct streefwaarde_filter {
	int64_t      indicator_id, organisatie_id, wijk_id, keten_id;  /* 0: any */
	const char  *periode;                                    /* NULL: any */
};

/* The targets matching f with id > na, at most limit, by id. */
enum db_err	store_streefwaarde_lijst(struct db *, struct arena *,
		    const struct streefwaarde_filter *f, int64_t na, int limit,
		    struct streefwaarde_rij **out, size_t *n);
/* One target (*gevonden 0: none) and, when historie is not NULL, every
 * state it had, oldest first. */
enum db_err	store_streefwaarde_lees(struct db *, struct arena *, int64_t id,
		    struct streefwaarde_rij *out, int *gevonden,
		    struct streefwaarde_rij **historie, size_t *nhistorie);
/* A new target and its historie versie 1. DB_DUPLICATE: this indicator,
 * periode and scope have one already. */
enum db_err	store_streefwaarde_nieuw(struct db *,
		    const struct streefwaarde_rec *, int64_t *id);
/* Changes target id when its versie matches (*affected 0 otherwise) and
 * adds the new state to its historie. Only the richting, the values, the
 * tolerance and the reden change: indicator, periode and scope are what
 * the target is. */
enum db_err	store_streefwaarde_wijzig(struct db *, int64_t id,
		    int64_t versie, const struct streefwaarde_rec *,
		    uint64_t *affected);
/* Every target of the indicators ids ("[3,7]") for periode code or
 * jaar (the year code), for the figure service. */
enum db_err	store_streefwaarde_voor(struct db *, struct arena *,
		    const char *ids, const char *periode, const char *jaar,
		    struct streefwaarde_rij **out, size_t *n);
/* Whether organisatie_id is a wijkteamorganisatie and wijk_id a wijk (0:
 * not asked, reported as 1). */
enum db_err	store_streefwaarde_refs(struct db *, struct arena *,
		    int64_t organisatie_id, int64_t wijk_id, int *organisatie,
		    int *wijk);

/* A formatversie as the figure service needs it: its format's keten,
 * status, eerste_periode and the pinned indicator ids of its items, in
 * the order of its sections and items. */
struct streefwaarde_versie {
	int64_t      id, keten_id;
	const char  *status, *eerste_periode;
	int64_t     *indicator_ids;
	size_t       n;
};
enum db_err	store_streefwaarde_versie_indicatoren(struct db *,
		    struct arena *, int64_t formatversie_id,
		    struct streefwaarde_versie *out, int *gevonden);

#endif
