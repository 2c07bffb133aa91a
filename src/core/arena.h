/*
 * arena.h — request-scoped memory.
 *
 * A worker owns one arena. Handlers allocate from it and free nothing; the
 * worker calls arena_reset() after every request, which keeps the first
 * block (so a steady load allocates nothing from malloc) and returns every
 * larger block to the system (so one big request cannot pin memory).
 *
 * Allocation failure is reported with NULL, never with abort(): the caller
 * answers 500 or 413 and the worker keeps serving.
 */
#ifndef WZ_ARENA_H
#define WZ_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;   /* current block; older ones follow */
	size_t              block_size;  /* size of the first (kept) block */
	size_t              limit;  /* most bytes the arena may hold in all */
	size_t              used;   /* bytes handed out since the last reset */
	size_t              held;   /* bytes of blocks currently malloc'ed */
};

/* Prepares an arena whose first block holds block_size bytes and which
 * never holds more than limit bytes. Returns 0, or -1 when out of memory. */
int	 arena_init(struct arena *, size_t block_size, size_t limit);
/* Returns every block to the system. The arena can be initialised again. */
void	 arena_free(struct arena *);
/* Forgets every allocation; keeps only the first block. */
void	 arena_reset(struct arena *);

/* n bytes aligned for any type, or NULL when the limit would be passed. */
void	*arena_alloc(struct arena *, size_t n);
/* As arena_alloc, zero-filled. */
void	*arena_calloc(struct arena *, size_t count, size_t size);
/* A NUL-terminated copy of the first n bytes of s (s need not be
 * terminated). NULL when out of room. */
char	*arena_strndup(struct arena *, const char *s, size_t n);
char	*arena_strdup(struct arena *, const char *s);
/* printf into the arena. NULL when out of room or on a format error. */
char	*arena_printf(struct arena *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
