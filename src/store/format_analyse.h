/*
 * format_analyse.h — the reads behind comparing two versions of a format
 * and the coverage of one (issue 11): a version by format and nummer, its
 * items with the fields of each pinned indicator and eis, and the eisen
 * that apply to it.
 *
 * Reads only; who may see a version is the operation's business
 * (ops/format_analyse.h), which gets the status and keten from here.
 * Kept apart from store/format.c (the formats' own reads and writes) on
 * purpose while both are built; the integrator may fold the version read
 * into one.
 */
#ifndef WZ_STORE_FORMAT_ANALYSE_H
#define WZ_STORE_FORMAT_ANALYSE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"
#include "domain/format_verschil.h"
#include "store/indicator.h"

struct arena;
struct db;

/* One item as read: what the diff compares, and for an indicator what the
 * coverage needs (its eisen; whether a streefwaarde exists for the
 * version's first periode or the year that holds it, any scope). */
struct fa_item {
	struct fv_item  fv;
	int64_t         eisen[INDICATOR_MAX_EISEN];
	size_t          neisen;
	int             streefwaarde;
};

/* The items of version id, by section and place. */
enum db_err	store_fa_items(struct db *, struct arena *, int64_t versie_id,
		    struct fa_item **out, size_t *n);

/* One eis that applies (strings in the arena). */
struct fa_eis {
	int64_t      id;
	const char  *code, *omschrijving, *bron, *opdracht;
};

/* The eisen of the brede opdracht and of keten_id's aanvullende
 * opdrachten, eis and opdracht both valid on dag ("YYYY-MM-DD"), by
 * opdracht code and eis code. */
enum db_err	store_fa_eisen(struct db *, struct arena *, int64_t keten_id,
		    const char *dag, struct fa_eis **out, size_t *n);

/* An indicator of a version that rapportages marked niet te leveren:
 * how many values, and the reasons given (one per line, each once). */
struct fa_ntl {
	int64_t      indicator_id, aantal;
	const char  *code, *naam, *redenen;
};

/* The indicators of version versie_id that were marked niet te leveren,
 * in a rapportage on that version or by the ketenpartner that delivers
 * them, by code. */
enum db_err	store_fa_niet_te_leveren(struct db *, struct arena *,
		    int64_t versie_id, struct fa_ntl **out, size_t *n);

#endif
