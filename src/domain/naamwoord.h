/*
 * naamwoord.h — the words of a name, for searching by name.
 *
 * A word is a run of ASCII letters and digits and of non-ASCII bytes (so
 * every letter of UTF-8 text: é, ß, ı); everything else — spaces, hyphens,
 * apostrophes, dots — separates words. "Jansen-de Vries" is three words,
 * "'t Hart" two. The same function splits a stored name into the words the
 * index holds and what someone typed into the words they look for, so the
 * two always agree. Case and accents are the database collation's
 * business: words are given as they were written.
 *
 * Pure: no I/O, no allocation.
 */
#ifndef WZ_NAAMWOORD_H
#define WZ_NAAMWOORD_H

#include <stddef.h>

/* The longest word kept, in bytes (the column is VARCHAR(64)); a longer
 * run is cut at a character boundary at or below this. */
#define NAAMWOORD_MAX	64

/*
 * The next word at or after *p: returns its start and sets *len (bytes,
 * at most NAAMWOORD_MAX, never ending inside a UTF-8 character); *p moves
 * past the whole run. NULL (and *len 0) when no word is left. *p may be
 * NULL.
 */
const char	*naamwoord_volgende(const char **p, size_t *len);

#endif
