/*
 * sommen.h — building the sums of the figures (sql/013) in steps, each
 * in a transaction of its own, so that writers wait a moment per step
 * and never for a whole build. Run by an idle worker of the FastCGI
 * server (in the background: a new indicator's figures are computed from
 * the facts until its sums are complete) and by the administration tool
 * (`wijkzicht sommen-bouwen`, migrate, cijfers-herstel).
 */
#ifndef WZ_OPS_SOMMEN_H
#define WZ_OPS_SOMMEN_H

#include <stddef.h>

struct arena;
struct db;

struct sommen_bouw {
	size_t  stappen;       /* steps that added inwoners or dropped sums */
	size_t  klaar;         /* indicators whose sums became complete */
	size_t  inwoners;      /* inwoners added, over all steps */
	int     over;          /* 1: there is more to build */
};

/*
 * Runs build steps of stap inwoners (cijfer_som_stap) until nothing is
 * left, or until door(arg) returns 0
 * before a step (door NULL: never). wachten: wait for the slot (the
 * administration tool); otherwise a step whose slot is taken, by a
 * writer or another worker's step, ends the run with over set, and
 * nothing is built while cijfer_som_slot.achtergrond is 0. voortgang, when
 * not NULL, is called after every step. Returns 0, or -1 when a step
 * failed (rolled back; db->error says why).
 */
int	sommen_bouwen(struct db *, struct arena *, int wachten, size_t stap,
	    int (*door)(void *), void *arg,
	    void (*voortgang)(const struct sommen_bouw *, void *),
	    struct sommen_bouw *uit);

#endif
