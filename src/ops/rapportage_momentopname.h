/*
 * rapportage_momentopname.h — the snapshot of one value of a rapportage
 * (rapportage_waarde.momentopname), written when it is ingediend and read
 * while it stays ingediend or vastgesteld: what was computed (the value,
 * its uitsplitsing, the previous period), the small-number pattern of
 * that moment, the target that applied to the value, and the
 * ketenpartner value. Private to ops/rapportage.c.
 *
 * The text is JSON with short keys, written and read only here; a
 * snapshot that cannot be read is a storage failure, never a zero.
 */
#ifndef WZ_OPS_RAPPORTAGE_MOMENTOPNAME_H
#define WZ_OPS_RAPPORTAGE_MOMENTOPNAME_H

#include "ops/cijfers.h"

struct arena;

/* What a snapshot holds. item is meaningful when berekend; sw is the
 * target (heeft_sw 0: none); kp_* when ketenpartner. */
struct momentopname {
	int                  berekend;
	struct cijfers_item  item;          /* ind not stored: the caller's */
	int                  heeft_sw;
	struct streefwaarde  sw;
	int                  deler;
	int                  tv_heeft;      /* the previous period's
					     * vastgestelde value of a typed
					     * value, in 1/STREEFWAARDE_SCHAAL */
	int64_t              tv;
	int                  ketenpartner;
	int                  kp_heeft, kp_niet;
	const char          *kp_waarde, *kp_tekst, *kp_reden;
};

/* The JSON text of m in ar (NULL: out of memory). */
char	*momentopname_schrijf(struct arena *ar, const struct momentopname *m);
/* Reads text into *m (strings in ar). Returns 0, or -1 when it is not a
 * snapshot this code wrote. */
int	momentopname_lees(struct arena *ar, const char *text,
	    struct momentopname *m);

#endif
