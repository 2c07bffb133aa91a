/*
 * format.h — the content of a formatversie as the domain judges it
 * (issue 11): sections, their items (an indicator, an eis, an open
 * question), the lineage of an indicator, the first periode of a version,
 * the reason a mid-period publication needs, and the words a comment
 * keeps about its item.
 *
 * What needs no database is decided here, once, for the JSON face and a
 * later form alike: at least one section with at least one item, every
 * titel and vraag within bounds, no indicator or eis twice in one version,
 * lijn vergelijkbaar exactly when a vorige_indicator_id is given, lineage
 * only in a version with a predecessor. Whether an id exists, belongs to
 * the format's keten or is an item of the previous version only the store
 * knows (ops/format.c asks it).
 *
 * Every error names its field as a path into the body the client sent:
 * "secties[0].items[2].indicator_id", so a form or a client can put the
 * message beside the field it is about.
 *
 * Pure: no I/O, no allocation but the json-c objects of the error list;
 * the strings of a read content are borrowed from the JSON it was read
 * from (which must outlive it).
 */
#ifndef WZ_FORMAT_H
#define WZ_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/periode.h"

struct json_object;

/* Bounds of one version: a format the teams can fill in, and fixed room
 * for format_inhoud_lees. */
#define FORMAT_MAX_SECTIES	32
#define FORMAT_MAX_ITEMS	256     /* in the whole version */
#define FORMAT_TITEL_MAX	200     /* characters, as the column */
#define FORMAT_VRAAG_MAX	2000
/* Room for any path format_pad writes: "secties[31].items[255].vorige_indicator_id". */
#define FORMAT_PAD_MAX		64
/* Room for any onderwerp format_onderwerp writes (the column: 300). */
#define FORMAT_ONDERWERP_MAX	300

enum format_item_soort {
	ITEM_INDICATOR = 1,
	ITEM_EIS,
	ITEM_VRAAG,
};

enum format_lijn {
	LIJN_NIET_GEZEGD = 0,       /* NULL in the table */
	LIJN_VERGELIJKBAAR,
	LIJN_NIET_VERGELIJKBAAR,
};

struct format_item {
	size_t                  sectie;     /* index into secties */
	size_t                  plek;       /* index within its sectie */
	enum format_item_soort  soort;
	int64_t                 indicator_id;        /* ITEM_INDICATOR */
	int64_t                 eis_id;              /* ITEM_EIS */
	const char             *vraag;               /* ITEM_VRAAG, borrowed,
						      * vraag_len bytes, not
						      * terminated */
	size_t                  vraag_len;
	enum format_lijn        lijn;                /* ITEM_INDICATOR */
	int64_t                 vorige_indicator_id; /* LIJN_VERGELIJKBAAR */
};

struct format_sectie {
	const char  *titel;        /* borrowed, without surrounding spaces
				    * (titel_len bytes; not terminated) */
	size_t       titel_len;
	size_t       eerste;       /* its first item in items */
	size_t       nitems;
};

/* A version's content: sections in order, their items in order. */
struct format_inhoud {
	struct format_sectie  secties[FORMAT_MAX_SECTIES];
	size_t                nsecties;
	struct format_item    items[FORMAT_MAX_ITEMS];
	size_t                nitems;
};

/* The codes as stored and in the API; NULL / 0 for an unknown one. */
const char		*format_item_soort_code(enum format_item_soort);
enum format_item_soort	 format_item_soort_lees(const char *);
const char		*format_lijn_code(enum format_lijn);   /* NULL: niet gezegd */
/* The labels of the codes as pages and the API show them ("In
 * consultatie", "Open vraag", "Niet vergelijkbaar: een nieuwe reeks");
 * NULL for NULL or an unknown code. */
const char		*format_status_label(const char *status);
const char		*format_soort_label(const char *soort);
const char		*format_lijn_label(const char *lijn);
enum format_lijn	 format_lijn_lees(const char *);       /* 0: unknown */

/*
 * "secties[s].items[j].veld" (j SIZE_MAX: "secties[s].veld"; veld NULL:
 * without the last part) in out. Returns out.
 */
char	*format_pad(char out[FORMAT_PAD_MAX], size_t s, size_t j,
	    const char *veld);

/*
 * Reads secties (the body's member, borrowed; NULL when absent) into out
 * and judges everything that needs no database. Appends each problem to
 * fouten ([{veld, melding}], Dutch); returns 0 when none was found, -1
 * otherwise (out then holds what could be read, for nothing).
 */
int	format_inhoud_lees(struct json_object *secties,
	    struct format_inhoud *out, struct json_object *fouten);

/*
 * The lineage of in judged against whether the version has a predecessor:
 * a first version says no lijn at all; with a predecessor every indicator
 * must say it when verplicht (at publication; a concept may still be
 * silent). Appends to fouten; returns the number of problems.
 */
size_t	format_lijn_toets(const struct format_inhoud *in, int heeft_vorige,
	    int verplicht, struct json_object *fouten);

/* How a version's first periode relates to the previous version's. */
enum format_periode_oordeel {
	FP_GOED = 0,
	FP_ANDERE_SOORT,      /* a quarter after half-years, ... */
	FP_NIET_NA,           /* not after the previous first periode */
};
enum format_periode_oordeel format_periode_na(const struct periode *nieuw,
		    const struct periode *vorige);
/* The Dutch sentence for an oordeel other than FP_GOED. */
const char	*format_periode_tekst(enum format_periode_oordeel);

/*
 * Whether publishing on day vandaag (core/datum.h day number) a version
 * whose first periode is eerste needs a reason: the periode has begun.
 */
int	format_midden_in_periode(const struct periode *eerste, long vandaag);

/*
 * What a comment keeps about its item when the item goes
 * (formatversie_reactie.onderwerp): "indicator <code>", "eis <code>", or
 * "vraag: " and the first words of the question (cut at a character
 * boundary, "…" when cut). code or vraag NULL: the soort alone. Returns
 * out.
 */
char	*format_onderwerp(char out[FORMAT_ONDERWERP_MAX],
	    enum format_item_soort soort, const char *code_of_vraag);

#endif
