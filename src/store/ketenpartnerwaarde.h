/*
 * ketenpartnerwaarde.h — the values the ketenpartners deliver, as stored
 * (sql/012, table ketenpartner_waarde), and the grid of cells they are
 * asked for in a periode.
 *
 * A cell is one ketenpartner indicator × organisatie × wijk (wijk_id 0:
 * the organisatie as a whole) of a periode. Which cells exist is derived
 * here in SQL, not stored: the ketenpartner indicators of the published
 * formatversies that apply to the periode, times every
 * wijkteamorganisatie that ran a wijkteam in it (wijkteam_organisatie's
 * validity dates) with the wijken of those wijkteams, and its total. A
 * cell without a row is still to be delivered. Decimals travel as text,
 * as in store/streefwaarde.h. Who may read or write is the operation's
 * business (ops/ketenpartnerwaarde.h).
 */
#ifndef WZ_STORE_KETENPARTNERWAARDE_H
#define WZ_STORE_KETENPARTNERWAARDE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* One cell: the indicator, the organisatie and wijk, and the row when
 * there is one (id 0 otherwise; its fields NULL). Strings in the arena. */
struct kpw_cel {
	int64_t      indicator_id, keten_id, organisatie_id, wijk_id;
	const char  *indicator_code, *indicator_naam, *eenheid, *partij;
	const char  *organisatie_naam, *wijk_naam;   /* wijk: NULL for 0 */
	int64_t      id, versie;                     /* 0: no row yet */
	const char  *waarde, *tekst, *reden;         /* NULL when not set */
	int          niet_te_leveren;
	const char  *door, *gewijzigd_op;            /* "YYYY-MM-DDTHH:MM:SSZ" */
};

/* Which cells: the periode (code, its first and last day as
 * "YYYY-MM-DD", and its kind letter: "H", "Q", or "" for a year, which
 * a formatversie's eerste_periode must share), and optional filters. */
struct kpw_vraag {
	const char  *periode, *eerste_dag, *laatste_dag, *soort;
	const char  *partij;          /* "werkom", ...; NULL: every party */
	const char  *keten_ids;       /* "3,5" (FIND_IN_SET); NULL: all */
	int64_t      indicator_id;    /* 0: all */
	int64_t      organisatie_id;  /* 0: all */
	int64_t      wijk_id;         /* -1: all; 0: the totals only */
};

/* The cells of q, by indicator naam, organisatie naam, then the wijken by
 * naam with the organisatie's total last. */
enum db_err	store_kpw_cellen(struct db *, struct arena *,
		    const struct kpw_vraag *q, struct kpw_cel **out, size_t *n);

/* What is written of a cell (judged by the operation). */
struct kpw_rec {
	int64_t      indicator_id, organisatie_id, wijk_id;
	const char  *periode;
	const char  *waarde, *tekst, *reden;   /* NULL: none */
	int          niet_te_leveren;
	int64_t      door;
};

/* A new row (versie 1). DB_DUPLICATE: the cell has one already. */
enum db_err	store_kpw_nieuw(struct db *, const struct kpw_rec *,
		    int64_t *id);
/* Changes row id when its versie matches (*affected 0 otherwise). */
enum db_err	store_kpw_wijzig(struct db *, int64_t id, int64_t versie,
		    const struct kpw_rec *, uint64_t *affected);

#endif
