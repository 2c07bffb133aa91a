/*
 * gebeurtenis.h — the event types of the registration (DESIGN.md section 2)
 * and their payload fields, declared once as data.
 *
 * A gebeurtenis is an immutable, dated event on a traject with a typed
 * payload ("gegevens", a JSON object). This module holds the one table of
 * event types: per type its code, Dutch label, the party that registers it,
 * the parties that may see it, and its payload fields (name, label, kind,
 * bounds, required). Handlers, forms, the API description
 * (GET /api/v1/gebeurtenistypes) and the validator all read this table;
 * nobody else lists event types or their fields.
 *
 * Pure: no I/O, no SQL, no HTTP. The only allocation is of the json-c
 * objects the functions below return or append, which the caller owns.
 */
#ifndef WZ_GEBEURTENIS_H
#define WZ_GEBEURTENIS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/veld.h"

struct arena;

struct json_object;

/*
 * The parties in the keten that register or see events. A bit each, so a
 * set of parties is a mask. The wijkteam is the wijkteam (organisatie) of
 * the traject; which wijkteam a user may act for is decided in SQL.
 */
enum gebeurtenis_partij {
	GP_WIJKTEAM    = 1 << 0,
	GP_WERKOM      = 1 << 1,
	GP_UITKERINGEN = 1 << 2,
	GP_NALEVING    = 1 << 3,
};
#define GP_ALLE		0xfu

/* GP_WERKOM → "werkom"; NULL for anything but exactly one bit. */
const char	*gebeurtenis_partij_code(enum gebeurtenis_partij);
/* GP_WERKOM → "Werkom" (for pages); NULL as above. */
const char	*gebeurtenis_partij_label(enum gebeurtenis_partij);
/* "werkom" → GP_WERKOM; 0 when unknown or NULL. */
enum gebeurtenis_partij gebeurtenis_partij_parse(const char *code);

/* What kind of value a payload field holds (in JSON). */
enum gebeurtenis_veldsoort {
	GV_KEUZE = 1,  /* a string, one of waarden[].code              "keuze"  */
	GV_JA_NEE,     /* a JSON boolean (never "ja" or "true" as text) "ja_nee" */
	GV_TEKST,      /* a string of at most max characters; line
			* breaks and tabs allowed, other control
			* characters not                               "tekst"  */
	GV_GETAL,      /* a JSON integer, min .. max; when waarden is
			* set also one of them (code = the number)     "getal"  */
	GV_DATUM,      /* a string YYYY-MM-DD, a date that exists       "datum"  */
};


/* Field flags (struct gebeurtenis_veld.vlag). */
#define GV_VERPLICHT		0x1  /* must be present and not empty */
#define GV_ALLEEN_WIJKTEAM	0x2  /* need-to-know: ketenpartners who see
				      * the event still never see this field
				      * (e.g. hulpvragen op andere
				      * leefgebieden) */

struct gebeurtenis_veld {
	const char                      *naam;    /* key in gegevens */
	const char                      *label;   /* Dutch, capitalised */
	enum gebeurtenis_veldsoort       soort;
	unsigned                         vlag;    /* GV_VERPLICHT | ... */
	const struct veld_optie *waarden; /* KEUZE (and optionally
						   * GETAL): ends { NULL, NULL } */
	int64_t                          min;     /* GETAL */
	int64_t                          max;     /* TEKST: characters;
						   * GETAL: largest value */
};

/* Type flags (struct gebeurtenis_type.vlag). */
#define GT_VOLGT_VERVALLEN	0x1  /* correctie: registered by the party
				      * that registered the voided event,
				      * seen by whoever sees that event;
				      * registreert and zichtbaar do not
				      * apply */

struct gebeurtenis_type {
	const char                     *code;        /* "startgesprek" */
	const char                     *label;       /* "Startgesprek" */
	enum gebeurtenis_partij         registreert; /* who may register it */
	unsigned                        zichtbaar;   /* mask of parties that
						      * see it (always
						      * includes the wijkteam
						      * and the registrant) */
	unsigned                        vlag;        /* GT_ */
	const struct gebeurtenis_veld  *velden;
	size_t                          nvelden;
};

/* The code of the correction event: {vervalt_id, reden}. */
#define GEBEURTENIS_CORRECTIE	"correctie"

/*
 * The type with this code, or NULL (also for NULL). The returned pointer
 * is to static, read-only data.
 */
const struct gebeurtenis_type *gebeurtenis_type_find(const char *code);

/* Iteration, in table order (the order forms offer them):
 * for (i = 0; i < gebeurtenis_type_aantal(); i++) t = gebeurtenis_type_nr(i);
 * gebeurtenis_type_nr returns NULL past the end. */
size_t		 gebeurtenis_type_aantal(void);
const struct gebeurtenis_type *gebeurtenis_type_nr(size_t i);

/* The field called naam of type t, or NULL. */
const struct gebeurtenis_veld *gebeurtenis_veld_find(
		    const struct gebeurtenis_type *t, const char *naam);

/*
 * Whether party p may register an event of type t. For a correctie, pass
 * the type of the event it voids as vervallen (NULL otherwise): the party
 * that registered that event corrects it, and a correctie of a correctie
 * is never allowed. Returns 1 or 0.
 */
int	gebeurtenis_mag_registreren(const struct gebeurtenis_type *t,
	    const struct gebeurtenis_type *vervallen, enum gebeurtenis_partij p);

/* Whether party p may see an event of type t; vervallen as above (a
 * correctie is seen by whoever sees the event it voids). Returns 1 or 0. */
int	gebeurtenis_zichtbaar(const struct gebeurtenis_type *t,
	    const struct gebeurtenis_type *vervallen, enum gebeurtenis_partij p);

/*
 * As comma-joined codes into the arena, for the store's type filters:
 * the types party p may see ("startgesprek,wachtlijst_in", never the
 * correctie itself: it is seen through the type it voids; "-" for none),
 * and the ketenpartners that see an event of type t (vervallen: for a
 * correctie, the voided type; "" for none). NULL when out of memory.
 */
const char	*gebeurtenis_types_voor(struct arena *, enum gebeurtenis_partij p);
const char	*gebeurtenis_zien_wie(struct arena *, const struct gebeurtenis_type *t,
		    const struct gebeurtenis_type *vervallen);

/*
 * Checks gegevens (a JSON object; NULL counts as {}) against the fields of
 * t. Each problem is appended to fouten (a json-c array) as an object
 * {"veld": <field name>, "melding": <Dutch sentence>}; "veld" is the plain
 * field name ("uitkomst"), as in the form, not "gegevens.uitkomst". Keys
 * that t does not declare are errors. Messages never repeat the value.
 * Returns the number of errors appended (0: valid).
 *
 * Forms post text: the form handler turns a ja/nee radio into a JSON
 * boolean and a number into a JSON integer before calling this; the API
 * gets no such leniency ("true" is not a boolean).
 *
 * What only the database knows (does vervalt_id name an event of this
 * inwoner, is it a correctie, is it already voided) is checked by
 * gebeurtenis_correctie_toets() once the store has looked it up.
 */
int	gebeurtenis_valideer(const struct gebeurtenis_type *t,
	    struct json_object *gegevens, struct json_object *fouten);

/*
 * The rules for the event a correctie voids, once the store has found it:
 * vervallen is its type (NULL when vervalt_id names no event of this
 * inwoner that the caller may see), al_vervallen whether another correctie
 * already voids it. A correctie cannot be voided itself — a mistaken
 * correctie is undone by registering the original event again — so chains
 * of corrections never need unwinding. Appends errors on field
 * "vervalt_id" to fouten; returns their number.
 */
int	gebeurtenis_correctie_toets(const struct gebeurtenis_type *vervallen,
	    int al_vervallen, struct json_object *fouten);

/*
 * A new object with the fields of gegevens that party p may see: for the
 * wijkteam every declared field, for a ketenpartner the declared fields
 * without GV_ALLEEN_WIJKTEAM. Undeclared keys are never copied. Whether p
 * may see the event at all is gebeurtenis_zichtbaar(). The caller owns the
 * result (json_object_put).
 */
struct json_object *gebeurtenis_gegevens_voor(const struct gebeurtenis_type *t,
	    enum gebeurtenis_partij p, struct json_object *gegevens);

/*
 * A new json-c array describing every type, for the API and for building
 * forms: [{code, label, registreert, zichtbaar_voor[], volgt_vervallen,
 * velden: [{naam, label, soort, verplicht, alleen_wijkteam, waarden:
 * [{code, label}], max?, min?}]}]. registreert is a party code (null for
 * the correctie, see GT_VOLGT_VERVALLEN, whose zichtbaar_voor is then
 * empty); max appears for tekst (characters) and getal, min for getal.
 * The caller owns the result.
 */
struct json_object *gebeurtenis_types_json(void);

#endif
