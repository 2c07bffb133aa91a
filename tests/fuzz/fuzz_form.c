/*
 * fuzz_form.c — libFuzzer driver for form_parse() and cookie_parse().
 *
 * The same bytes are read as a form body and as a Cookie header. Whatever
 * a parser returns must keep its promises: within the limits, every key
 * and value valid UTF-8 and NUL-terminated at its stated length, keys not
 * empty, cookie names and values free of the bytes RFC 6265 excludes, and
 * an empty list on error. A broken promise calls abort(). The driver must
 * free everything it allocates.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "http/cookie.h"
#include "http/urlenc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_list(const struct kvlist *l, enum parse_err err, size_t max)
{
	size_t i;
	const struct kv *kv;

	if (err != PARSE_OK) {
		if (l->items != NULL || l->n != 0)
			abort();
		return;
	}
	if (l->n > max || (l->n > 0 && l->items == NULL))
		abort();
	for (i = 0; i < l->n; i++) {
		kv = &l->items[i];
		if (kv->key == NULL || kv->val == NULL || kv->key[0] == '\0')
			abort();
		if (strlen(kv->val) != kv->vallen)
			abort();
		if (!utf8_valid(kv->key, strlen(kv->key)) ||
		    !utf8_valid(kv->val, kv->vallen))
			abort();
		/* The first of equal keys is what kv_get() finds. */
		if (kv_get(l, kv->key) == NULL)
			abort();
	}
}

static void
check_cookie_bytes(const struct kvlist *l)
{
	size_t i, j;
	const char *p;

	for (i = 0; i < l->n; i++) {
		for (p = l->items[i].key; *p != '\0'; p++)
			if ((unsigned char)*p <= 0x20 ||
			    (unsigned char)*p >= 0x7F ||
			    strchr("()<>@,;:\\\"/[]?={}", *p) != NULL)
				abort();
		p = l->items[i].val;
		for (j = 0; j < l->items[i].vallen; j++)
			if ((unsigned char)p[j] <= 0x20 ||
			    (unsigned char)p[j] >= 0x7F ||
			    strchr("\",;\\", p[j]) != NULL)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kvlist l;
	enum parse_err err;
	char *header;
	size_t i;

	if (arena_init(&a, 4096, 4u << 20) != 0)
		return 0;

	err = form_parse(&a, (const char *)data, size, &l);
	check_list(&l, err, WZ_MAX_FIELDS);
	for (i = 0; err == PARSE_OK && i < l.n; i++)
		if (strlen(l.items[i].key) > WZ_MAX_FIELD_NAME ||
		    strpbrk(l.items[i].key, "\t\r\n") != NULL)
			abort();

	/* A header is a C string: it ends at the first NUL. */
	if ((header = malloc(size + 1)) != NULL) {
		memcpy(header, data, size);
		header[size] = '\0';
		err = cookie_parse(&a, header, &l);
		check_list(&l, err, WZ_MAX_COOKIES);
		if (err == PARSE_OK)
			check_cookie_bytes(&l);
		free(header);
	}

	arena_free(&a);
	return 0;
}
