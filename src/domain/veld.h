/*
 * veld.h — declared input fields: one declaration per field, used by the
 * JSON API and by the HTML forms alike.
 *
 * A resource lists its fields in a small table of struct veld (name, Dutch
 * label, type, bounds, whether required); veld_lees() checks one raw value
 * against its declaration and gives back the typed value, or the reason it
 * is refused, which veld_melding() turns into a Dutch sentence for the
 * user. Whether a referenced record exists, or a code is still free, only
 * the database knows: the store checks that, and the caller reports it with
 * VELD_ONBEKEND or VELD_DUBBEL through the same veld_melding().
 *
 * Pure: no I/O, no allocation, no HTTP, no SQL. Numbers are parsed with
 * explicit bounds; amounts are parsed as whole cents, never as floating
 * point.
 */
#ifndef WZ_VELD_H
#define WZ_VELD_H

#include <stddef.h>
#include <stdint.h>

enum veld_type {
	VELD_TEKST,        /* one line, at most max characters */
	VELD_LANGE_TEKST,  /* may hold line breaks; at most max characters */
	VELD_CODE,         /* [A-Z0-9-], 1 .. max characters (max <= 32) */
	VELD_DATUM,        /* YYYY-MM-DD, a date that exists, 1900 .. 2999 */
	VELD_KEUZE,        /* one of opties (by code) */
	VELD_REF,          /* id of another record: 1 .. 2^53-1, digits only */
	VELD_JAAR,         /* 2000 .. 2100 */
	VELD_BEDRAG,       /* euro: 0 <= x < 10^12, at most two decimals */
};

/* Flags (struct veld.vlag). */
#define VELD_VERPLICHT		0x1   /* must have a value */
#define VELD_LIJST		0x2   /* several values: a checkbox group in a
				       * form, an array in JSON (VELD_REF) */
#define VELD_BIJ_WIJZIGEN	0x4   /* only asked when changing a record */

/* One choice of a VELD_KEUZE: what is stored, what the user reads. */
struct veld_optie {
	const char *code;
	const char *label;
};

struct veld {
	const char              *naam;    /* JSON and form name: "geldig_van" */
	const char              *label;   /* Dutch, capitalised: "Geldig van" */
	enum veld_type           type;
	unsigned                 max;     /* TEKST, LANGE_TEKST, CODE: characters */
	unsigned                 vlag;    /* VELD_VERPLICHT | ... */
	const struct veld_optie *opties;  /* KEUZE: ends with { NULL, NULL } */
	int                      ref;     /* REF: the caller's code for what is
					   * referred to (e.g. a store enum) */
	const char              *uitleg;  /* optional hint shown with the field */
};

/* Why a value is refused. */
enum veld_fout {
	VELD_OK = 0,
	VELD_ONTBREEKT,          /* required, but empty */
	VELD_TE_LANG,            /* more than max characters */
	VELD_ONGELDIGE_TEKENS,   /* control characters (a line break in one line) */
	VELD_GEEN_CODE,          /* not [A-Z0-9-] or too long */
	VELD_GEEN_DATUM,         /* not YYYY-MM-DD, or no such day */
	VELD_GEEN_KEUZE,         /* not one of the opties */
	VELD_GEEN_ID,            /* not a positive whole number */
	VELD_GEEN_JAAR,          /* not 2000 .. 2100 */
	VELD_GEEN_BEDRAG,        /* not an amount in range with <= 2 decimals */
	VELD_ONBEKEND,           /* (store) the referenced record does not exist */
	VELD_DUBBEL,             /* (store) the value is already in use */
	VELD_VOOR_BEGIN,         /* an end date before the start date */
};

/* A checked value. tekst points into the input (not NUL-terminated at len). */
struct veld_waarde {
	int          leeg;       /* nothing given: NULL, "" or only spaces */
	const char  *tekst;      /* the value without surrounding spaces */
	size_t       len;
	int64_t      getal;      /* REF: id; JAAR: year; BEDRAG: cents */
};

/*
 * Checks in (valid UTF-8, as the request layer guarantees; NULL means
 * absent) against f. Surrounding spaces and tabs are ignored. An empty value
 * is VELD_OK for an optional field (out->leeg = 1) and VELD_ONTBREEKT for a
 * required one. For a VELD_LIJST field, call it once per element.
 */
enum veld_fout	veld_lees(const struct veld *f, const char *in,
		    struct veld_waarde *out);

/*
 * The Dutch sentence for fout on field f ("Naam is verplicht."), written
 * into buf (truncated to n bytes). Returns buf. Never echoes the value.
 */
const char	*veld_melding(const struct veld *f, enum veld_fout fout,
		    char *buf, size_t n);

/* Room for any amount veld_bedrag_tekst writes, NUL included. */
#define VELD_BEDRAG_MAX	24

/* cents as "1234.56" (the decimal form MariaDB's DECIMAL takes). */
char		*veld_bedrag_tekst(int64_t cent, char *buf, size_t n);

/*
 * Whether the period is in order: tot is NULL or empty, or both are dates
 * (as veld_lees accepts them) and tot is not before van.
 */
int		 veld_periode_ok(const char *van, const char *tot);

/* The option of a VELD_KEUZE field with this code, or NULL. */
const struct veld_optie *veld_optie(const struct veld *f, const char *code);

/* A label inside a sentence: "Geldig van" → "geldig van" (not "BSN"). */
void	veld_label_klein(const char *label, char *buf, size_t n);

/* "A, B of C": the labels of options (ended by { NULL, NULL }). */
/* The label of code among opties (ending with { NULL, NULL }); NULL when
 * it is none of them. */
const char *veld_optie_label(const struct veld_optie *opties,
	    const char *code);

void	veld_opties_tekst(const struct veld_optie *opties, char *buf, size_t n);

/* The field called naam among n, or NULL. */
const struct veld *veld_zoek(const struct veld *velden, size_t n,
		    const char *naam);

/* Whether s is a code as the catalogue stores them (indicators,
 * formats): ASCII snake_case, 1..64 bytes, a lower-case letter first —
 * it travels in URLs, exports and DHIS2 data element codes. */
int	veld_code_geldig(const char *s);

#endif
