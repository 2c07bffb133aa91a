/*
 * indicator.h — what an indicator is and how its rule is read: the
 * catalogue's vocabulary (eenheid, bron, aanleverende partij) and the
 * rule, a small fixed set of kinds with parameters (issue 10; DESIGN.md
 * section 2, "Accountability").
 *
 * A rule is data, not code. It is stored as a JSON object and read here,
 * strictly, against the gebeurtenistype table of domain/gebeurtenis.c: an
 * unknown type, field or value, an uitsplitsing on a free-text field or on
 * a field that is the wijkteam's alone, is a field error — never a rule
 * that silently counts nothing. The kinds:
 *
 *   {"soort": "telling", "tel": "inwoners" | "trajecten" | "gebeurtenissen",
 *    "type": "<gebeurtenistype>",
 *    "filters": {"<veld>": "<code>" | true | false | <getal>},     optional
 *    "traject": {"soort": "<trajectsoort>", "thema_id": n,
 *                "opdracht_id": n},                                 optional
 *    "uitsplitsing": ["<veld>" | "ketenstatus"]}                    optional
 *      distinct inwoners (trajecten, gebeurtenissen) with a non-voided
 *      event of type in the period that passes the filters.
 *
 *   {"soort": "stand", "toestand": "op_wachtlijst" | "bij_wijkteam" |
 *    "bij_werkom" | "bij_naleving" | "bij_uwv" | "overdracht_open"}
 *      inwoners in that state on the last day of the period, by the
 *      transitions of domain/ketenstatus.c applied to the events up to and
 *      including that day — the same derivation as the wachtlijst page.
 *
 *   {"soort": "duur", "van": "<type A>", "tot": "<type B>",
 *    "statistiek": "mediaan" | "gemiddelde"}
 *      days from an event A to the first event B of the same inwoner on or
 *      after A's day (registered after it), counted in the period in which
 *      B falls: a wait is measured when it ends. A second A before that B
 *      belongs to the same wait (see cijfer.h); A and B are different
 *      types.
 *
 *   {"soort": "verhouding", "teller": "<indicator code>",
 *    "noemer": "<indicator code>", "procent": true | false}
 *      the value of one indicator divided by another's (× 100 for a
 *      percentage), per wijk and for the total.
 *
 * Which codes exist (the catalogue) and whether verhoudingen form a cycle
 * only the store knows; indicator_verhouding_cyclus() checks the latter
 * over a lookup the caller provides.
 *
 * Pure: no I/O, no SQL, no HTTP. Strings in a read rule point into the
 * json-c object it was read from (or into static tables) and live as long
 * as that object.
 */
#ifndef WZ_DOMAIN_INDICATOR_H
#define WZ_DOMAIN_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "domain/veld.h"

struct gebeurtenis_type;
struct gebeurtenis_veld;
struct json_object;

/* The vocabulary of the catalogue, as form options (code, Dutch label);
 * each list ends with { NULL, NULL }. The API and the OpenAPI document
 * list the same codes. */
extern const struct veld_optie indicator_eenheden[];     /* aantal, percentage,
							   * dagen, euro, fte, tekst */
extern const struct veld_optie indicator_bronnen[];      /* berekend, handmatig,
							   * ketenpartner */
extern const struct veld_optie indicator_partijen[];     /* werkom, uitkeringen,
							   * naleving */
extern const struct veld_optie indicator_regelsoorten[]; /* telling, stand,
							   * duur, verhouding */
extern const struct veld_optie indicator_tellingen[];    /* inwoners, trajecten,
							   * gebeurtenissen */
extern const struct veld_optie indicator_toestanden[];   /* op_wachtlijst, … */
extern const struct veld_optie indicator_statistieken[]; /* mediaan, gemiddelde */

/* The label of code in one of the lists above, or NULL. */
const char	*indicator_label(const struct veld_optie *lijst, const char *code);

enum regel_soort {
	REGEL_TELLING = 1,
	REGEL_STAND,
	REGEL_DUUR,
	REGEL_VERHOUDING,
};

enum regel_tel {
	TEL_INWONERS = 1,
	TEL_TRAJECTEN,
	TEL_GEBEURTENISSEN,
};

enum regel_toestand {
	TOESTAND_OP_WACHTLIJST = 1,
	TOESTAND_BIJ_WIJKTEAM,
	TOESTAND_BIJ_WERKOM,
	TOESTAND_BIJ_NALEVING,
	TOESTAND_BIJ_UWV,
	TOESTAND_OVERDRACHT_OPEN,
};

enum regel_statistiek {
	STAT_MEDIAAN = 1,
	STAT_GEMIDDELDE,
};

/* Most payload filters and uitsplitsingen in one rule. */
#define REGEL_FILTERS		4
#define REGEL_UITSPLITSINGEN	2

/* A payload filter: the event's field veld must have value waarde, written
 * as the projection writes it (indicator_kenmerken): a keuze code, "ja" or
 * "nee", or a number in decimal. */
struct regel_filter {
	const char  *veld;
	char         waarde[24];
};

/* One uitsplitsing: by a payload field of the counted event (veld set), or
 * by the inwoner's ketenstatus partij at the end of the period (veld NULL). */
struct regel_uitsplitsing {
	const char                    *veld;      /* NULL: ketenstatus */
	const struct gebeurtenis_veld *def;       /* NULL: ketenstatus */
};

struct indicator_regel {
	enum regel_soort       soort;

	/* telling */
	enum regel_tel         tel;
	const char            *type;              /* also: duur's A */
	struct regel_filter    filter[REGEL_FILTERS];
	size_t                 nfilter;
	const char            *traject_soort;     /* NULL: any */
	int64_t                thema_id;          /* 0: any */
	int64_t                opdracht_id;       /* 0: any */
	struct regel_uitsplitsing uitsplitsing[REGEL_UITSPLITSINGEN];
	size_t                 nuitsplitsing;

	/* stand */
	enum regel_toestand    toestand;

	/* duur */
	const char            *tot_type;          /* B */
	enum regel_statistiek  statistiek;

	/* verhouding */
	const char            *teller;            /* indicator codes */
	const char            *noemer;
	int                    procent;
};

/*
 * Reads rule (a JSON object) into out. Each problem is appended to fouten
 * as {"veld": "regel.<key>", "melding": <Dutch sentence>}, for example
 * {"veld": "regel.type", "melding": "Onbekend soort gebeurtenis."}; keys
 * the kind does not know are errors too. Messages never repeat a submitted
 * value. Returns the number of errors appended (0: out is filled;
 * otherwise out is untouched). JSON null counts as an absent key.
 */
int	indicator_regel_lees(struct json_object *rule, struct indicator_regel *out,
	    struct json_object *fouten);

/*
 * The categories of uitsplitsing u, in a fixed order: the field's keuze
 * codes; "ja", "nee" for a ja_nee field; a getal field's waarden; for the
 * ketenstatus the partij codes of domain/ketenstatus.h ("geen",
 * "wijkteam", "werkom", "naleving", "uwv"). *n is set to their number;
 * the codes are static (a keuze or getal list's are gathered into a
 * static array on its first use: not thread-safe then, and the workers
 * are single-threaded processes). NULL and *n 0 for a field that has no
 * categories. Labels: indicator_categorie_label().
 */
const char *const *indicator_categorieen(const struct regel_uitsplitsing *u,
		    size_t *n);
const char	*indicator_categorie_label(const struct regel_uitsplitsing *u,
		    const char *code);

/* Whether two uitsplitsingen have a category code in common (two ja_nee
 * fields both have "ja"): the figures name a category by its code alone,
 * so indicator_regel_lees() refuses such a pair. Returns 1 or 0. */
int	indicator_uitsplitsingen_botsen(const struct regel_uitsplitsing *a,
	    const struct regel_uitsplitsing *b);

/*
 * The kenmerken of an event as the projection stores them, for the
 * filters and uitsplitsingen: its keuze, ja_nee and getal fields that
 * ketenpartners may also see (never GV_TEKST, GV_DATUM or GV_ALLEEN_WIJKTEAM
 * fields), "naam=waarde" joined by ";" in the table's field order, e.g.
 * "uitkomst=overbrugbaar;met_inkomensconsulent=ja". Writes at most n
 * bytes, always NUL-terminated; returns the length, or -1 when it did not
 * fit (out is then "").
 */
int	indicator_kenmerken(const struct gebeurtenis_type *t,
	    struct json_object *gegevens, char *out, size_t n);

/* The value of field naam in a kenmerken string, copied into out (n
 * bytes); returns 1, or 0 when the event has no such field or its value
 * does not fit in n (out "": a cut value must never match a filter). */
int	indicator_kenmerk(const char *kenmerken, const char *naam, char *out,
	    size_t n);

/*
 * Whether giving indicator code the rule r would close a cycle of
 * verhoudingen. teller_van(arg, code, &teller, &noemer) looks up another
 * indicator's current rule: returns 1 and sets both (NULL when that one is
 * no verhouding), or 0 when code is unknown. Returns 1 for a cycle (also
 * one deeper than 16 steps: refused as one), else 0.
 */
int	indicator_verhouding_cyclus(const char *code,
	    const struct indicator_regel *r,
	    int (*teller_van)(void *arg, const char *code, const char **teller,
	    const char **noemer), void *arg);

#endif
