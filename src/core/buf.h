/*
 * buf.h — a growable byte buffer that allocates from an arena.
 *
 * Used for response bodies and rendered templates. A buffer that could not
 * grow remembers it (failed = 1) and ignores further appends, so a caller can
 * append a whole page and check once at the end.
 */
#ifndef WZ_BUF_H
#define WZ_BUF_H

#include <stddef.h>

struct arena;

struct buf {
	struct arena *arena;
	char         *data;   /* always NUL-terminated when len > 0 */
	size_t        len;
	size_t        cap;
	int           failed; /* an append ran out of memory */
};

void	buf_init(struct buf *, struct arena *);
void	buf_append(struct buf *, const char *s, size_t n);
void	buf_puts(struct buf *, const char *s);
void	buf_putc(struct buf *, char c);
void	buf_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Appends s escaped for HTML text and attribute values: & < > " ' and
 * nothing else is replaced. */
void	buf_html_escape(struct buf *, const char *s, size_t n);

#endif
