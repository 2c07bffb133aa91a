/*
 * format_dekking.c — the coverage and burden of a version; see
 * format_dekking.h.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/format_dekking.h"
#include "domain/indicator.h"

int64_t
format_dekking_cellen(const struct indicator_regel *r)
{
	int64_t cellen = 1;
	size_t i, n;

	if (r == NULL)
		return 1;
	for (i = 0; i < r->nuitsplitsing && i < REGEL_UITSPLITSINGEN; i++) {
		n = 0;
		(void)indicator_categorieen(&r->uitsplitsing[i], &n);
		if (n > 0)
			cellen *= (int64_t)n;
	}
	return cellen;
}

/* Whether the text holds anything but white space. */
static int
heeft_tekst(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/* Whether an earlier indicator item of in has the same id as item k. */
static int
eerder_gezien(const struct fd_invoer *in, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (in->ind[i].id == in->ind[k].id)
			return 1;
	return 0;
}

/* Whether eis id is served by an indicator of in or is an eis item. */
static int
gedekt(const struct fd_invoer *in, int64_t id)
{
	size_t i, j;

	for (i = 0; i < in->neis_items; i++)
		if (in->eis_items[i] == id)
			return 1;
	for (i = 0; i < in->nind; i++)
		for (j = 0; j < in->ind[i].neisen; j++)
			if (in->ind[i].eisen[j] == id)
				return 1;
	return 0;
}

int
format_dekking(const struct fd_invoer *in, struct arena *ar,
    struct format_dekking *out)
{
	const struct fd_indicator *d;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	out->eisen_zonder_indicator = arena_calloc(ar, in->neisen + 1,
	    sizeof(*out->eisen_zonder_indicator));
	out->zonder_doel = arena_calloc(ar, in->nind + 1,
	    sizeof(*out->zonder_doel));
	out->zonder_eis = arena_calloc(ar, in->nind + 1,
	    sizeof(*out->zonder_eis));
	out->zonder_streefwaarde = arena_calloc(ar, in->nind + 1,
	    sizeof(*out->zonder_streefwaarde));
	if (out->eisen_zonder_indicator == NULL || out->zonder_doel == NULL ||
	    out->zonder_eis == NULL || out->zonder_streefwaarde == NULL) {
		memset(out, 0, sizeof(*out));
		return -1;
	}

	for (i = 0; i < in->neisen; i++)
		if (!gedekt(in, in->eisen[i].id))
			out->eisen_zonder_indicator[
			    out->neisen_zonder_indicator++] = &in->eisen[i];

	for (i = 0; i < in->nind; i++) {
		if (eerder_gezien(in, i))
			continue;
		d = &in->ind[i];
		if (!heeft_tekst(d->doel))
			out->zonder_doel[out->nzonder_doel++] = d;
		if (d->neisen == 0)
			out->zonder_eis[out->nzonder_eis++] = d;
		if (!d->streefwaarde)
			out->zonder_streefwaarde[out->nzonder_streefwaarde++] = d;
		if (d->bron != NULL && strcmp(d->bron, "handmatig") == 0) {
			out->last.handmatig++;
			out->last.handmatig_per_wijk += d->cellen > 0 ?
			    d->cellen : 1;
		} else if (d->bron != NULL && strcmp(d->bron, "ketenpartner") == 0)
			out->last.ketenpartner++;
		else if (d->bron != NULL && strcmp(d->bron, "berekend") == 0)
			out->last.berekend++;
	}

	for (i = 0; i < in->neis_items; i++) {
		for (j = 0; j < i; j++)
			if (in->eis_items[j] == in->eis_items[i])
				break;
		if (j == i)
			out->last.eisen++;
	}
	out->last.vragen = in->nvragen;
	return 0;
}
