/*
 * indicator_uitleg.h — an indicator's rule in one Dutch sentence, for the
 * catalogue pages and documents.
 *
 * The audit letter found that teams could not tell what the gemeente
 * wanted to measure with its indicators. The definitie is the regisseur's
 * own wording; this sentence is the rule itself, read back, so that
 * anyone can check that the two say the same thing.
 *
 * Pure: no I/O; writes into the caller's buffer.
 */
#ifndef WZ_DOMAIN_INDICATOR_UITLEG_H
#define WZ_DOMAIN_INDICATOR_UITLEG_H

#include <stddef.h>

#include "domain/indicator.h"

/*
 * Writes the sentence for r into out (n bytes, NUL-terminated, cut at a
 * character boundary when it does not fit). Labels come from the
 * gebeurtenistype table, never from stored text. Returns out.
 */
char	*indicator_regel_uitleg(const struct indicator_regel *r, char *out,
	    size_t n);

#endif
