/*
 * format_verschil.c — comparing two versions of a format; see
 * format_verschil.h.
 *
 * Versions are small (the audit counted 15 to 18 indicators per format),
 * so matching is a plain quadratic scan: clearer than an index, and fast
 * enough for any format a person could fill in.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/format_verschil.h"

static const char *const veld_namen[FV_VELDEN] = {
	"naam", "definitie", "doel", "eenheid", "bron", "aanleverende_partij",
	"regel", "sectie",
};

const char *
fv_veld_naam(size_t i)
{
	return i < FV_VELDEN ? veld_namen[i] : NULL;
}

const char *
fv_soort_code(enum fv_soort s)
{
	switch (s) {
	case FV_INDICATOR:
		return "indicator";
	case FV_EIS:
		return "eis";
	case FV_VRAAG:
		return "vraag";
	}
	return NULL;
}

/* Two optional strings are equal: both NULL, or the same text. */
static int
zelfde(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
fv_regel_gelijk(const char *a, const char *b)
{
	struct json_object *ja, *jb;
	int gelijk;

	if (a == NULL || b == NULL)
		return a == b;
	if (strcmp(a, b) == 0)
		return 1;
	ja = json_tokener_parse(a);
	jb = json_tokener_parse(b);
	/* Text that is no JSON can only be equal as text (handled above). */
	gelijk = ja != NULL && jb != NULL && json_object_equal(ja, jb);
	json_object_put(ja);
	json_object_put(jb);
	return gelijk;
}

/* Whether a and b are the same item of the format: the key of their
 * soort (indicator code, eis id, vraag text) is equal. */
static int
zelfde_item(const struct fv_item *a, const struct fv_item *b)
{
	if (a->soort != b->soort)
		return 0;
	switch (a->soort) {
	case FV_INDICATOR:
		return a->code != NULL && zelfde(a->code, b->code);
	case FV_EIS:
		return a->eis_id == b->eis_id;
	case FV_VRAAG:
		return a->vraag != NULL && zelfde(a->vraag, b->vraag);
	}
	return 0;
}

/* The velden in which the matched items a (older) and b differ. */
static unsigned
velden_van(const struct fv_item *a, const struct fv_item *b)
{
	unsigned v = 0;

	if (a->soort == FV_INDICATOR && a->indicator_id != b->indicator_id) {
		if (!zelfde(a->naam, b->naam))
			v |= FV_NAAM;
		if (!zelfde(a->definitie, b->definitie))
			v |= FV_DEFINITIE;
		if (!zelfde(a->doel, b->doel))
			v |= FV_DOEL;
		if (!zelfde(a->eenheid, b->eenheid))
			v |= FV_EENHEID;
		if (!zelfde(a->bron, b->bron))
			v |= FV_BRON;
		if (!zelfde(a->partij, b->partij))
			v |= FV_PARTIJ;
		if (!fv_regel_gelijk(a->regel, b->regel))
			v |= FV_REGEL;
	}
	if (!zelfde(a->sectie, b->sectie))
		v |= FV_SECTIE;
	return v;
}

/* An indicator whose pinned version changed is a change even when no
 * compared field differs: the caller must see that the version moved. */
static int
is_gewijzigd(const struct fv_item *a, const struct fv_item *b, unsigned v)
{
	return v != 0 || (a->soort == FV_INDICATOR &&
	    a->indicator_id != b->indicator_id);
}

int
format_verschil(const struct fv_item *van, size_t nvan,
    const struct fv_item *naar, size_t nnaar, struct arena *ar,
    struct fv_verschil *out)
{
	unsigned char *gebruikt = NULL;   /* van[i] matched already */
	size_t i, j;
	unsigned v;

	memset(out, 0, sizeof(*out));
	/* +1: arena_calloc of 0 elements may answer NULL. */
	out->toegevoegd = arena_calloc(ar, nnaar + 1, sizeof(*out->toegevoegd));
	out->verwijderd = arena_calloc(ar, nvan + 1, sizeof(*out->verwijderd));
	out->gewijzigd = arena_calloc(ar, nnaar + 1, sizeof(*out->gewijzigd));
	out->lijn = arena_calloc(ar, nnaar + 1, sizeof(*out->lijn));
	gebruikt = arena_calloc(ar, nvan + 1, 1);
	if (out->toegevoegd == NULL || out->verwijderd == NULL ||
	    out->gewijzigd == NULL || out->lijn == NULL || gebruikt == NULL) {
		memset(out, 0, sizeof(*out));
		return -1;
	}

	for (j = 0; j < nnaar; j++) {
		const struct fv_item *b = &naar[j];

		if (b->soort == FV_INDICATOR)
			out->lijn[out->nlijn++] = b;
		/* The first not yet matched occurrence in the older version. */
		for (i = 0; i < nvan; i++)
			if (!gebruikt[i] && zelfde_item(&van[i], b))
				break;
		if (i == nvan) {
			out->toegevoegd[out->ntoegevoegd++] = b;
			continue;
		}
		gebruikt[i] = 1;
		v = velden_van(&van[i], b);
		if (is_gewijzigd(&van[i], b, v)) {
			out->gewijzigd[out->ngewijzigd].van = &van[i];
			out->gewijzigd[out->ngewijzigd].naar = b;
			out->gewijzigd[out->ngewijzigd].velden = v;
			out->ngewijzigd++;
		}
	}
	for (i = 0; i < nvan; i++)
		if (!gebruikt[i])
			out->verwijderd[out->nverwijderd++] = &van[i];
	return 0;
}
