/*
 * fuzz_tmpl.c — libFuzzer driver for the template engine.
 *
 * The input is one to four templates separated by "\n====\n", added as
 * t0, t1, ... so that partials and cycles between them can be reached. If
 * they all parse and link, t0 is rendered alone and, when t1 exists, as a
 * layout around page t1, with a small fixed context that has every kind of
 * value a section can meet. Any crash, sanitizer report or leak is a
 * finding; a parse or link error is not. This driver must never keep state
 * between inputs: everything is freed before it returns.
 *
 * Sections nested over the same array multiply their work, and a body
 * that outputs nothing never fills the arena, so 32 nested loops over a
 * 2-element array would run for hours: that is a property of templates
 * (which are trusted, written by us), not a bug. Inputs with more than
 * MAXSECT '#' bytes are therefore parsed and linked but not rendered.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "tmpl/tmpl.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define SEP	"\n====\n"
#define MAXT	4
#define MAXSECT	10

static const char ctx_json[] =
    "{\"titel\": \"<Wijk & 'team'>\", \"leeg\": \"\", \"nul\": 0,"
    " \"half\": 0.5, \"ja\": true, \"nee\": false, \"niets\": null,"
    " \"lijst\": [], \"grafiek_svg\": \"<svg/>\","
    " \"teams\": [{\"naam\": \"Oost\", \"leden\": [1, 2.5]},"
    "   {\"naam\": \"\\\"West\\\"\", \"leden\": []}],"
    " \"gebruiker\": {\"naam\": \"Els\", \"rol\": {\"code\": \"teamleider\","
    "   \"ja\": false}}}";

/* First occurrence of SEP in [s, s+n), or NULL; memmem is a GNU extension. */
static const char *
find_sep(const char *s, size_t n)
{
	size_t k = sizeof(SEP) - 1, i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, SEP, k) == 0)
			return s + i;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_set *set;
	struct json_object *ctx;
	struct arena a;
	struct buf out;
	const char *p = (const char *)data, *end = p + size, *sep;
	char name[8], err[256];
	int n = 0;

	if ((set = tmpl_set_new()) == NULL)
		return 0;
	for (n = 0; n < MAXT; n++) {
		sep = n < MAXT - 1 ? find_sep(p, (size_t)(end - p)) : NULL;
		if (sep == NULL)
			sep = end;
		snprintf(name, sizeof(name), "t%d", n);
		if (tmpl_set_add(set, name, name, p, (size_t)(sep - p), err,
		    sizeof(err)) != 0)
			goto out;
		if (sep == end)
			break;
		p = sep + sizeof(SEP) - 1;
	}
	if (tmpl_set_link(set, err, sizeof(err)) != 0)
		goto out;
	for (p = (const char *)data, n = 0; p < end; p++)
		if (*p == '#' && ++n > MAXSECT)
			goto out;

	ctx = json_tokener_parse(ctx_json);
	if (ctx == NULL || arena_init(&a, 4096, 1 << 20) != 0) {
		json_object_put(ctx);
		goto out;
	}
	buf_init(&out, &a);
	(void)tmpl_render(set, "t0", ctx, &out);
	if (tmpl_exists(set, "t1")) {
		arena_reset(&a);
		buf_init(&out, &a);
		(void)tmpl_render_page(set, "t0", "t1", ctx, &out);
	}
	arena_free(&a);
	json_object_put(ctx);
out:
	tmpl_set_free(set);
	return 0;
}
