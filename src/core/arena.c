/*
 * arena.c — request-scoped bump allocator; see arena.h for the contract.
 *
 * Blocks form a list, newest first. Only the oldest block (the first one
 * allocated, of block_size bytes) survives arena_reset().
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define ALIGN	_Alignof(max_align_t)

struct arena_block {
	struct arena_block *next;
	size_t              size;   /* usable bytes in data */
	size_t              off;    /* bytes handed out */
	_Alignas(max_align_t) unsigned char data[];
};

static struct arena_block *
block_new(size_t size)
{
	struct arena_block *b;

	if (size > SIZE_MAX - sizeof(*b))
		return NULL;
	b = malloc(sizeof(*b) + size);
	if (b == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->off = 0;
	return b;
}

int
arena_init(struct arena *a, size_t block_size, size_t limit)
{
	memset(a, 0, sizeof(*a));
	a->block_size = block_size;
	a->limit = limit;
	a->head = block_new(block_size);
	if (a->head == NULL)
		return -1;
	a->held = block_size;
	return 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	memset(a, 0, sizeof(*a));
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b, *next;

	if (a->head == NULL)
		return;
	/* Free every block but the last one in the list: the first allocated. */
	for (b = a->head; b->next != NULL; b = next) {
		next = b->next;
		a->held -= b->size;
		free(b);
	}
	b->off = 0;
	a->head = b;
	a->used = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need, size;
	void *p;

	if (b == NULL)
		return NULL;
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN)
		return NULL;
	need = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (need > a->limit || a->used > a->limit - need)
		return NULL;
	if (b->size - b->off < need) {
		/* A new block at least double the first, or just big enough. */
		size = a->block_size * 2 > need ? a->block_size * 2 : need;
		if (a->held + size > a->limit + a->block_size * 2)
			size = need;
		b = block_new(size);
		if (b == NULL)
			return NULL;
		b->next = a->head;
		a->head = b;
		a->held += size;
	}
	p = b->data + b->off;
	b->off += need;
	a->used += need;
	return p;
}

void *
arena_calloc(struct arena *a, size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		return NULL;
	p = arena_alloc(a, count * size);
	if (p != NULL)
		memset(p, 0, count * size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
