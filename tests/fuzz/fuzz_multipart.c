/*
 * fuzz_multipart.c — libFuzzer driver for the streaming multipart/form-data
 * parser (src/http/multipart.h).
 *
 * The first input byte picks the read size (1 .. 256); the rest is a body
 * for the boundary "XyZ". It is parsed twice, in reads of that size and in
 * one read, and both must report the same events and data (FNV-1a digest)
 * and end in the same way. Promises checked: no MP_NEED_MORE from
 * upload_next, data never empty, names and file names NUL-terminated
 * within their limits, at most MP_MAX_PARTS parts. A broken promise calls
 * abort().
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/multipart.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct src {
	const uint8_t *p;
	size_t         n, pos, step;
};

static long
src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n - s->pos;

	if (k > n)
		k = n;
	if (k > s->step)
		k = s->step;
	memcpy(buf, s->p + s->pos, k);
	s->pos += k;
	return (long)k;
}

static void
mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= UINT64_C(0x100000001b3);
	}
}

/* Runs the parser; returns the digest of everything it reported. */
static uint64_t
run(const uint8_t *data, size_t n, size_t step, int *end)
{
	struct arena a;
	struct upload u;
	struct src s = { data, n, 0, step };
	const char *d;
	size_t len, parts = 0;
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	enum mp_event ev;
	unsigned char tag;

	if (arena_init(&a, 4096, MP_BUFFER + 8192) != 0)
		abort();
	if (upload_init(&u, &a, "multipart/form-data; boundary=XyZ", src_read,
	    &s) != MP_OK)
		abort();
	for (;;) {
		ev = upload_next(&u, &d, &len);
		if (ev == MP_NEED_MORE)
			abort();
		/* Data may come in pieces that depend on the reads: only
		 * its bytes count, not how many events carried them. */
		tag = (unsigned char)ev;
		if (ev != MP_DATA)
			mix(&h, &tag, 1);
		if (ev == MP_PART) {
			if (++parts > MP_MAX_PARTS ||
			    strlen(u.mp.part.name) > MP_MAX_NAME ||
			    u.mp.part.name[0] == '\0' ||
			    strlen(u.mp.part.filename) > MP_MAX_FILENAME)
				abort();
			mix(&h, u.mp.part.name, strlen(u.mp.part.name));
			mix(&h, u.mp.part.filename, strlen(u.mp.part.filename));
		} else if (ev == MP_DATA) {
			if (len == 0 || len > MP_BUFFER)
				abort();
			mix(&h, d, len);
		} else if (ev == MP_DONE || ev == MP_ERROR) {
			*end = ev == MP_DONE ? 0 : (int)u.mp.err;
			break;
		}
	}
	arena_free(&a);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t h1, h2;
	int e1 = -1, e2 = -1;

	if (size < 1)
		return 0;
	h1 = run(data + 1, size - 1, (size_t)data[0] + 1, &e1);
	h2 = run(data + 1, size - 1, size, &e2);
	/* Cut differently, the same body may only fail differently when the
	 * digest up to the failure is the same: an error ends the stream at
	 * a point that depends on how much was seen. Success must agree. */
	if ((e1 == 0) != (e2 == 0) || (e1 == 0 && h1 != h2))
		abort();
	return 0;
}
