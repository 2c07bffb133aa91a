/*
 * format_dekking.h — the coverage and the burden of one version of a
 * format (issue 11, "Coverage and burden"): the audit's complaint in one
 * view.
 *
 * The audit letter (Bijlage 2 §3; Deelconclusie 1 and 4) found eisen of
 * the Programma van Eisen and the Uitvoeringsovereenkomst that no
 * indicator measured, indicators without a purpose or a target, and a
 * registratielast nobody had counted. So, for a version:
 *   - eisen_zonder_indicator: the eisen that apply (the caller decides
 *     which: those of the keten's opdrachten valid on the version's first
 *     day) that no indicator of the version serves and that are no eis
 *     item of the version either;
 *   - zonder_doel: indicators whose doel is empty or only white space;
 *   - zonder_eis: indicators that serve no eis at all;
 *   - zonder_streefwaarde: indicators without a target for the version's
 *     first periode (any scope);
 *   - last: how many indicator items are berekend, handmatig, ketenpartner;
 *     how many eisen and vragen a team answers; and how many values a team
 *     types by hand per wijk: the sum, over the handmatig indicators, of
 *     the cells of each (its uitsplitsing's categories multiplied, 1
 *     without one).
 * An indicator (or eis item) that occurs twice in a version counts once:
 * a team fills it in once. Lists keep the version's order; eisen the
 * order the caller gave.
 *
 * Pure: no I/O, no SQL, no HTTP. The result points into the input arrays
 * (which must outlive it) and into arrays allocated from the arena.
 */
#ifndef WZ_DOMAIN_FORMAT_DEKKING_H
#define WZ_DOMAIN_FORMAT_DEKKING_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct indicator_regel;

/* One indicator of the version, with what the store found about it. */
struct fd_indicator {
	int64_t         id;
	const char     *code, *naam;
	const char     *doel;           /* NULL counts as empty */
	const char     *bron;           /* "berekend", "handmatig",
					 * "ketenpartner" */
	const int64_t  *eisen;          /* the eis ids it serves */
	size_t          neisen;
	int             streefwaarde;   /* a target exists for the first
					 * periode */
	int64_t         cellen;         /* format_dekking_cellen(), >= 1 */
};

/* One eis that applies to the version. */
struct fd_eis {
	int64_t      id;
	const char  *code, *omschrijving, *bron;   /* bron: "pve", "uvo" */
	const char  *opdracht;                      /* the opdracht's code */
};

struct fd_invoer {
	const struct fd_indicator  *ind;       /* the indicator items */
	size_t                      nind;
	const int64_t              *eis_items; /* eis ids of the eis items */
	size_t                      neis_items;
	size_t                      nvragen;   /* vraag items */
	const struct fd_eis        *eisen;     /* the eisen that apply */
	size_t                      neisen;
};

struct fd_last {
	size_t   berekend, handmatig, ketenpartner;
	size_t   eisen, vragen;
	int64_t  handmatig_per_wijk;
};

struct format_dekking {
	const struct fd_eis        **eisen_zonder_indicator;
	size_t                       neisen_zonder_indicator;
	const struct fd_indicator  **zonder_doel;
	size_t                       nzonder_doel;
	const struct fd_indicator  **zonder_eis;
	size_t                       nzonder_eis;
	const struct fd_indicator  **zonder_streefwaarde;
	size_t                       nzonder_streefwaarde;
	struct fd_last               last;
};

/* Fills *out from in, its arrays from ar. Returns 0, or -1 when the
 * arena is full (out is then empty). */
int	format_dekking(const struct fd_invoer *in, struct arena *ar,
	    struct format_dekking *out);

/* The cells a team fills in per wijk for an indicator with rule r (NULL:
 * no rule): the product of the category counts of its uitsplitsingen, an
 * uitsplitsing without categories counting as 1; 1 without any. */
int64_t	format_dekking_cellen(const struct indicator_regel *r);

#endif
