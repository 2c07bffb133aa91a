/*
 * streefwaarde_uitleg.h — a target in Dutch words, as the pages show it:
 * the whole sentence on the target's own page, and a short form beside a
 * figure. Both read the target as it applies to one cell (struct sw_cel:
 * a year target of a telling divided for its half-years), so what a page
 * says is what the status was computed against.
 */
#ifndef WZ_DOMAIN_STREEFWAARDE_UITLEG_H
#define WZ_DOMAIN_STREEFWAARDE_UITLEG_H

#include <stddef.h>

#include "domain/streefwaarde.h"

/* The longest sentence streefwaarde_uitleg writes, with its NUL. */
#define STREEFWAARDE_UITLEG_MAX	512

/*
 * c as one sentence, with decimal commas: "Hoger is beter: op koers bij
 * 120 of meer; met een tolerantie van 5 nog op koers vanaf 115." A target
 * divided pro rata says so. "" when c has no target. Returns out.
 */
char	*streefwaarde_uitleg(const struct sw_cel *c, char *out, size_t n);

/* c in a few words: "minstens 120 (± 5)", "hoogstens 6 (± 25%)",
 * "4 tot en met 6,5"; "" without a target. Returns out. */
char	*streefwaarde_kort(const struct sw_cel *c, char *out, size_t n);

/* The label of a status: "Op koers", "Afwijking", "Geen streefwaarde",
 * "Niet getoond" (withheld), "Geen waarde". */
const char	*streefwaarde_status_label(enum sw_status);

#endif
