/*
 * importmapping.h — what a column of a team's CSV export can mean, and the
 * check of one row under a mapping (issue 4, "Import").
 *
 * A teamleider maps each column of their file to a field once; the mapping
 * is kept per organisatie as a JSON object {"<column header>": "<field>"},
 * so the next export with the same headers needs no mapping again. A row is
 * then read into a typed record (struct im_rij) or rejected with Dutch
 * messages per field.
 *
 * Pure: no I/O, no SQL, no HTTP. What only the database knows (which wijk,
 * wijkteam, thema and opdracht codes exist, which organisatie runs a
 * wijkteam) comes in as tables (struct im_refs) the caller loaded. The
 * json-c objects appended to error lists are owned by those lists.
 */
#ifndef WZ_IMPORTMAPPING_H
#define WZ_IMPORTMAPPING_H

#include <stddef.h>
#include <stdint.h>

#include "domain/bsn.h"

struct json_object;
struct gebeurtenis_type;

/* Most columns a file may have (csvread's default field limit). */
#define IM_MAX_KOLOMMEN		200
/* Longest column header, in bytes. */
#define IM_MAX_KOLOMNAAM	100

/* The fields a column can be mapped to. IM_NEGEER: the column is ignored. */
enum im_veld {
	IM_NEGEER = 0,
	IM_NAAM,              /* inwoner: naam (verplicht) */
	IM_GEBOORTEJAAR,      /* inwoner: geboortejaar (verplicht) */
	IM_WIJK,              /* inwoner: wijk, code or name (verplicht) */
	IM_BSN,               /* inwoner: BSN (optional, 11-proef) */
	IM_KENMERK,           /* inwoner: dossiernummer of the team's own
			       * registration (makes a re-import find it) */
	IM_SOORT,             /* traject: soort (verplicht) */
	IM_THEMA,             /* traject: thema code or name (verplicht) */
	IM_OPDRACHT,          /* traject: opdracht code or name (verplicht) */
	IM_WIJKTEAM,          /* traject: wijkteam code or name (verplicht) */
	IM_STARTDATUM,        /* traject: startdatum (verplicht) */
	IM_EINDDATUM,         /* traject: einddatum (optional) */
	IM_GEB_TYPE,          /* gebeurtenis: type (optional) */
	IM_GEB_DATUM,         /* gebeurtenis: datum (with the type) */
	IM_GEB_UITKOMST,      /* gebeurtenis: uitkomst of a startgesprek */
	IM__NVELDEN
};

/* Its code in the mapping JSON ("naam", "traject_soort", ...); "" for
 * IM_NEGEER. */
const char	*im_veld_code(enum im_veld);
/* Its Dutch label for the mapping form. */
const char	*im_veld_label(enum im_veld);
/* Whether a file must have a column for it. */
int		 im_veld_verplicht(enum im_veld);
/* The field with this code; IM_NEGEER for "" and "negeren"; -1 when
 * unknown (also NULL). */
int		 im_veld_parse(const char *code);
/* A guess from a column header ("Geboortejaar", "BSN", "Dossiernr"), for
 * the first mapping of a file; IM_NEGEER when nothing fits. */
enum im_veld	 im_veld_raad(const char *kolomnaam);

/* Which field each column of a file holds. */
struct im_mapping {
	enum im_veld  kolom[IM_MAX_KOLOMMEN];
	size_t        nkolommen;
	int           positie[IM__NVELDEN];   /* column of each field, -1 */
};

/*
 * Builds the mapping of the n columns named kolommen from a JSON object
 * {"<column header>": "<field code>"} (headers it does not name are
 * ignored; NULL counts as {}). Appends {"veld": <header or field code>,
 * "melding": ...} to fouten for an unknown field code, a field mapped by
 * two columns, a required field no column is mapped to, a gebeurtenis
 * type without its datum (or the other way round), an uitkomst without a
 * type. Returns the number of errors appended (0: usable).
 */
int	im_mapping_maak(struct im_mapping *m, const char *const *kolommen,
	    size_t n, struct json_object *mapping, struct json_object *fouten);

/* A structure row the caller loaded: wijk, wijkteam, thema or opdracht. */
struct im_ref {
	const char  *code;
	const char  *naam;
	int64_t      id;
	int64_t      org;       /* wijkteam: the organisatie running it now */
};

struct im_refs {
	const struct im_ref  *wijken, *wijkteams, *themas, *opdrachten;
	size_t                nwijken, nwijkteams, nthemas, nopdrachten;
	int64_t               org;       /* the importing organisatie */
	int                   jaar_nu;   /* this year: bound of geboortejaar */
};

/* One row, checked. Strings point into the row's fields or static data. */
struct im_rij {
	const char  *naam;
	int          geboortejaar;
	int64_t      wijk_id;
	char         bsn[BSN_LEN + 1];        /* "": none */
	const char  *kenmerk;                 /* NULL: none */
	const char  *soort;                   /* domain/traject.h code */
	int64_t      thema_id, opdracht_id, wijkteam_id;
	char         startdatum[11];
	char         einddatum[11];           /* "": open */
	const struct gebeurtenis_type *geb;   /* NULL: no event */
	char         geb_datum[11];
	const char  *uitkomst;                /* code, NULL: none */
};

/*
 * Reads one record (nfields fields, as csvread gives them: valid UTF-8)
 * under m into out. Every problem is appended to fouten as {"veld":
 * <field code>, "melding": <Dutch sentence>}; messages never repeat a
 * BSN or a name. Fields may be trimmed in place. Returns the number of
 * errors appended (0: out is complete).
 */
int	im_rij_lees(const struct im_mapping *m, const struct im_refs *refs,
	    char **fields, size_t nfields, struct im_rij *out,
	    struct json_object *fouten);

#endif
