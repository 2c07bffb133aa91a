/*
 * format_verschil.h — what changed between two versions of a rapportage
 * format (issue 11, "Compare two versions"): the items added, removed and
 * changed, and the lineage the newer version states for its indicators.
 *
 * The audit letter (Bijlage 2 §3) found formats changed mid-period without
 * anyone being able to say what had changed; a regisseur who publishes a
 * new version, and a team that reports on it, must see exactly that.
 *
 * How items are matched:
 *   - an indicator by its code: two versions of one indicator share a code
 *     (store/indicator.h). It changed when the pinned indicator ids
 *     differ; then velden says which of naam, definitie, doel, eenheid,
 *     bron, aanleverende_partij and regel differ (the regel as JSON values,
 *     so key order or spacing is no change). A pinned id can differ with
 *     none of those fields differing (the keten or thema of the version
 *     changed): still a change, with no such velden.
 *   - an eis by its eis id; a vraag by its exact text.
 *   - any item that sits in a section of another title is changed with
 *     FV_SECTIE among its velden.
 * An item that occurs twice (the same code in two sections) is matched
 * occurrence by occurrence, in order.
 *
 * Order: toegevoegd and gewijzigd in the newer version's order, verwijderd
 * in the older's; the lineage in the newer version's order. The same input
 * always gives the same output.
 *
 * Pure: no I/O, no SQL, no HTTP. The result points into the caller's item
 * arrays (which must outlive it) and into arrays allocated from the arena.
 */
#ifndef WZ_DOMAIN_FORMAT_VERSCHIL_H
#define WZ_DOMAIN_FORMAT_VERSCHIL_H

#include <stddef.h>
#include <stdint.h>

struct arena;

enum fv_soort {
	FV_INDICATOR = 1,
	FV_EIS,
	FV_VRAAG,
};

/* The soort as the API names it ("indicator", "eis", "vraag"), or NULL. */
const char	*fv_soort_code(enum fv_soort);

/* One item of a version as the store read it. Strings may be NULL where
 * the field is not set (partij, regel, lijn, vorige_code). */
struct fv_item {
	enum fv_soort  soort;
	const char    *sectie;          /* the title of its section */

	/* FV_INDICATOR: the pinned version and its fields */
	int64_t        indicator_id;
	const char    *code, *naam, *definitie, *doel, *eenheid, *bron,
		      *partij;
	const char    *regel;           /* JSON text, or NULL */
	const char    *lijn;            /* "vergelijkbaar", "niet_vergelijkbaar",
					 * or NULL (not said, or a first
					 * version) */
	int64_t        vorige_id;       /* vorige_indicator_id, 0: none */
	const char    *vorige_code;     /* that indicator's code, or NULL */

	/* FV_EIS */
	int64_t        eis_id;
	const char    *eis_code, *eis_omschrijving;

	/* FV_VRAAG */
	const char    *vraag;
};

/* The fields a change can name, in the order velden lists them. */
enum fv_veld {
	FV_NAAM       = 1u << 0,
	FV_DEFINITIE  = 1u << 1,
	FV_DOEL       = 1u << 2,
	FV_EENHEID    = 1u << 3,
	FV_BRON       = 1u << 4,
	FV_PARTIJ     = 1u << 5,
	FV_REGEL      = 1u << 6,
	FV_SECTIE     = 1u << 7,
};
#define FV_VELDEN	8

/* The API name of field bit i (0 .. FV_VELDEN-1, the order above):
 * "naam", ..., "aanleverende_partij", "regel", "sectie". NULL past the
 * end. */
const char	*fv_veld_naam(size_t i);

struct fv_wijziging {
	const struct fv_item *van, *naar;
	unsigned              velden;     /* enum fv_veld bits */
};

struct fv_verschil {
	const struct fv_item  **toegevoegd;
	size_t                  ntoegevoegd;
	const struct fv_item  **verwijderd;
	size_t                  nverwijderd;
	struct fv_wijziging    *gewijzigd;
	size_t                  ngewijzigd;
	const struct fv_item  **lijn;      /* the newer version's indicators */
	size_t                  nlijn;
};

/*
 * Compares version van (nvan items, in order) with the newer version naar
 * (nnaar items). Fills *out, its arrays from ar. Returns 0, or -1 when the
 * arena is full (out is then empty).
 */
int	format_verschil(const struct fv_item *van, size_t nvan,
	    const struct fv_item *naar, size_t nnaar, struct arena *ar,
	    struct fv_verschil *out);

/* Whether two rule texts are the same JSON value (NULL equals only NULL;
 * text that is no JSON compares as text). Returns 1 or 0. */
int	fv_regel_gelijk(const char *a, const char *b);

#endif
