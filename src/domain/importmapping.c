/*
 * importmapping.c — column fields of an import and the check of one row;
 * see importmapping.h.
 *
 * The table below is the only list of importable fields: the mapping form,
 * the API and the row check all read it. Nothing here may echo a BSN or a
 * name into a message: error lists are shown and stored (import.resultaat).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/csvread.h"
#include "domain/veldfout.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/importmapping.h"
#include "domain/traject.h"

struct im_def {
	const char *code;
	const char *label;
	int         verplicht;
	const char *raad[6];    /* lower-case headers that suggest it */
};

static const struct im_def defs[IM__NVELDEN] = {
	[IM_NEGEER]       = { "", "Niet importeren", 0, { NULL } },
	[IM_NAAM]         = { "naam", "Inwoner: naam", 1,
	    { "naam", "naam inwoner", "cliënt", "client", "clientnaam", NULL } },
	[IM_GEBOORTEJAAR] = { "geboortejaar", "Inwoner: geboortejaar", 1,
	    { "geboortejaar", "geb.jaar", "jaar van geboorte", NULL } },
	[IM_WIJK]         = { "wijk", "Inwoner: wijk (code of naam)", 1,
	    { "wijk", "woonwijk", "wijk code", "wijkcode", NULL } },
	[IM_BSN]          = { "bsn", "Inwoner: BSN", 0,
	    { "bsn", "burgerservicenummer", NULL } },
	[IM_KENMERK]      = { "extern_kenmerk", "Inwoner: dossiernummer (eigen kenmerk)", 0,
	    { "dossiernummer", "dossiernr", "dossier", "kenmerk", "registratienummer", NULL } },
	[IM_SOORT]        = { "traject_soort", "Traject: soort", 1,
	    { "soort", "soort traject", "trajectsoort", "traject", NULL } },
	[IM_THEMA]        = { "thema", "Traject: thema (code of naam)", 1,
	    { "thema", NULL } },
	[IM_OPDRACHT]     = { "opdracht", "Traject: opdracht (code of naam)", 1,
	    { "opdracht", NULL } },
	[IM_WIJKTEAM]     = { "wijkteam", "Traject: wijkteam (code of naam)", 1,
	    { "wijkteam", "team", NULL } },
	[IM_STARTDATUM]   = { "startdatum", "Traject: startdatum", 1,
	    { "startdatum", "start", "begindatum", "datum start", NULL } },
	[IM_EINDDATUM]    = { "einddatum", "Traject: einddatum", 0,
	    { "einddatum", "eind", "datum einde", "afgesloten op", NULL } },
	[IM_GEB_TYPE]     = { "gebeurtenis_type", "Gebeurtenis: type", 0,
	    { "gebeurtenis", "gebeurtenis type", "type gebeurtenis", NULL } },
	[IM_GEB_DATUM]    = { "gebeurtenis_datum", "Gebeurtenis: datum", 0,
	    { "gebeurtenis datum", "datum gebeurtenis", NULL } },
	[IM_GEB_UITKOMST] = { "uitkomst", "Gebeurtenis: uitkomst (startgesprek)", 0,
	    { "uitkomst", "uitkomst startgesprek", NULL } },
};

/* Dates a traject or event may have: the registration era. */
#define IM_DATUM_MIN	"1990-01-01"
#define IM_DATUM_MAX	"2099-12-31"

const char *
im_veld_code(enum im_veld v)
{
	return (unsigned)v < IM__NVELDEN ? defs[v].code : "";
}

const char *
im_veld_label(enum im_veld v)
{
	return (unsigned)v < IM__NVELDEN ? defs[v].label : "";
}

int
im_veld_verplicht(enum im_veld v)
{
	return (unsigned)v < IM__NVELDEN ? defs[v].verplicht : 0;
}

int
im_veld_parse(const char *code)
{
	int i;

	if (code == NULL)
		return -1;
	if (code[0] == '\0' || strcmp(code, "negeren") == 0)
		return IM_NEGEER;
	for (i = 1; i < IM__NVELDEN; i++)
		if (strcmp(code, defs[i].code) == 0)
			return i;
	return -1;
}

/* ASCII case-insensitive equality (headers and codes are typed by people;
 * bytes above 0x7f must match exactly). */
static int
eq_nocase(const char *a, const char *b)
{
	unsigned char x, y;

	for (;; a++, b++) {
		x = (unsigned char)*a;
		y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return 0;
		if (x == '\0')
			return 1;
	}
}

enum im_veld
im_veld_raad(const char *kolomnaam)
{
	char buf[IM_MAX_KOLOMNAAM + 1], *t;
	size_t i, j;

	if (kolomnaam == NULL || strlen(kolomnaam) > IM_MAX_KOLOMNAAM)
		return IM_NEGEER;
	memcpy(buf, kolomnaam, strlen(kolomnaam) + 1);
	t = csv_trim(buf);
	for (i = 1; i < IM__NVELDEN; i++)
		if (eq_nocase(t, defs[i].code))
			return (enum im_veld)i;
	for (j = 0; t[j] != '\0'; j++)
		if (t[j] == '_')
			t[j] = ' ';
	for (i = 1; i < IM__NVELDEN; i++) {
		for (j = 0; defs[i].raad[j] != NULL; j++)
			if (eq_nocase(t, defs[i].raad[j]))
				return (enum im_veld)i;
	}
	return IM_NEGEER;
}

int
im_mapping_maak(struct im_mapping *m, const char *const *kolommen, size_t n,
    struct json_object *mapping, struct json_object *fouten)
{
	struct json_object *v;
	char msg[256];
	size_t i;
	int f, nfout = 0;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < IM__NVELDEN; i++)
		m->positie[i] = -1;
	if (n > IM_MAX_KOLOMMEN) {
		fout_melding(fouten, "kolommen", "Het bestand heeft te veel kolommen.");
		return 1;
	}
	m->nkolommen = n;
	if (mapping != NULL && !json_object_is_type(mapping, json_type_object)) {
		fout_melding(fouten, "mapping", "De koppeling moet een object zijn: "
		    "kolomnaam → veld.");
		return 1;
	}
	for (i = 0; i < n; i++) {
		m->kolom[i] = IM_NEGEER;
		if (mapping == NULL || kolommen[i] == NULL ||
		    !json_object_object_get_ex(mapping, kolommen[i], &v) ||
		    json_object_is_type(v, json_type_null))
			continue;
		f = json_object_is_type(v, json_type_string) ?
		    im_veld_parse(json_object_get_string(v)) : -1;
		if (f < 0) {
			snprintf(msg, sizeof(msg), "Kolom ‘%.100s’: onbekend veld.",
			    kolommen[i]);
			fout_melding(fouten, kolommen[i], msg);
			nfout++;
			continue;
		}
		if (f == IM_NEGEER)
			continue;
		if (m->positie[f] >= 0) {
			snprintf(msg, sizeof(msg), "%s is aan meer dan één kolom "
			    "gekoppeld.", defs[f].label);
			fout_melding(fouten, kolommen[i], msg);
			nfout++;
			continue;
		}
		m->kolom[i] = (enum im_veld)f;
		m->positie[f] = (int)i;
	}
	for (i = 1; i < IM__NVELDEN; i++) {
		if (defs[i].verplicht && m->positie[i] < 0) {
			snprintf(msg, sizeof(msg), "Koppel een kolom aan %s.",
			    defs[i].label);
			fout_melding(fouten, defs[i].code, msg);
			nfout++;
		}
	}
	if ((m->positie[IM_GEB_TYPE] < 0) != (m->positie[IM_GEB_DATUM] < 0)) {
		fout_melding(fouten, m->positie[IM_GEB_TYPE] < 0 ? "gebeurtenis_type" :
		    "gebeurtenis_datum", "Een gebeurtenis heeft een kolom voor het "
		    "type én een kolom voor de datum nodig.");
		nfout++;
	}
	if (m->positie[IM_GEB_UITKOMST] >= 0 && m->positie[IM_GEB_TYPE] < 0) {
		fout_melding(fouten, "uitkomst", "Een uitkomst hoort bij een gebeurtenis: "
		    "koppel ook een kolom aan het type.");
		nfout++;
	}
	return nfout;
}

/* The field of column f of the row, trimmed; NULL when not mapped or
 * missing; "" when empty. */
static char *
veld(const struct im_mapping *m, enum im_veld f, char **fields, size_t n)
{
	int k = m->positie[f];

	if (k < 0)
		return NULL;
	if ((size_t)k >= n)
		return (char *)"";
	return csv_trim(fields[k]);
}

/* A structure row by code or by name, either ignoring ASCII case. */
static const struct im_ref *
ref_zoek(const struct im_ref *t, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (eq_nocase(s, t[i].code))
			return &t[i];
	for (i = 0; i < n; i++)
		if (t[i].naam != NULL && eq_nocase(s, t[i].naam))
			return &t[i];
	return NULL;
}

/* The number of characters (not bytes) of UTF-8 text s. */
static size_t
tekens(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
fout_ref(struct json_object *fouten, enum im_veld f, const char *wat,
    const char *waarde)
{
	char msg[200];

	/* Codes of the structure are not personal data: naming the one that
	 * was not found helps the user fix the file. */
	snprintf(msg, sizeof(msg), "%s ‘%.40s’ bestaat niet.", wat, waarde);
	fout_melding(fouten, defs[f].code, msg);
}

static int
lees_datum(struct json_object *fouten, enum im_veld f, const char *s,
    const char *wat, char out[11])
{
	char msg[160];

	out[0] = '\0';
	if (s == NULL || s[0] == '\0') {
		snprintf(msg, sizeof(msg), "%s ontbreekt.", wat);
		fout_melding(fouten, defs[f].code, msg);
		return 1;
	}
	if (csv_date_parse(s, out) != 0 || strcmp(out, IM_DATUM_MIN) < 0 ||
	    strcmp(out, IM_DATUM_MAX) > 0) {
		out[0] = '\0';
		snprintf(msg, sizeof(msg), "%s is geen geldige datum (bijvoorbeeld "
		    "2024-03-07 of 7-3-2024).", wat);
		fout_melding(fouten, defs[f].code, msg);
		return 1;
	}
	return 0;
}

/* The event type of a cell: its code or label, registered by the
 * wijkteam, and with no required field the import cannot fill. */
static int
lees_type(struct json_object *fouten, const char *s,
    const struct gebeurtenis_type **out)
{
	const struct gebeurtenis_type *t = NULL;
	size_t i, j;

	*out = NULL;
	for (i = 0; i < gebeurtenis_type_aantal() && t == NULL; i++) {
		const struct gebeurtenis_type *c = gebeurtenis_type_nr(i);
		if (eq_nocase(s, c->code) || eq_nocase(s, c->label))
			t = c;
	}
	if (t == NULL) {
		fout_melding(fouten, "gebeurtenis_type", "Onbekend type gebeurtenis.");
		return 1;
	}
	if (t->registreert != GP_WIJKTEAM || (t->vlag & GT_VOLGT_VERVALLEN)) {
		fout_melding(fouten, "gebeurtenis_type", "Dit type gebeurtenis registreert "
		    "het wijkteam niet zelf en kan niet worden geïmporteerd.");
		return 1;
	}
	for (j = 0; j < t->nvelden; j++) {
		if ((t->velden[j].vlag & GV_VERPLICHT) &&
		    strcmp(t->velden[j].naam, "uitkomst") != 0) {
			fout_melding(fouten, "gebeurtenis_type", "Dit type gebeurtenis heeft "
			    "gegevens nodig die een import niet kan vullen; "
			    "registreer het met het formulier.");
			return 1;
		}
	}
	*out = t;
	return 0;
}

int
im_rij_lees(const struct im_mapping *m, const struct im_refs *refs,
    char **fields, size_t nfields, struct im_rij *out,
    struct json_object *fouten)
{
	const struct im_ref *ref;
	const struct gebeurtenis_veld *gv;
	struct json_object *gegevens, *gf;
	char msg[200], *s, *e = NULL;
	size_t i;
	long jaar;
	int n0 = (int)json_object_array_length(fouten);
	int rc;

	memset(out, 0, sizeof(*out));

	s = veld(m, IM_NAAM, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "naam", "De naam ontbreekt.");
	else if (tekens(s) > 200)
		fout_melding(fouten, "naam", "De naam is langer dan 200 tekens.");
	else
		out->naam = s;

	s = veld(m, IM_GEBOORTEJAAR, fields, nfields);
	jaar = -1;
	if (s != NULL && strlen(s) == 4 && strspn(s, "0123456789") == 4)
		jaar = strtol(s, &e, 10);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "geboortejaar", "Het geboortejaar ontbreekt.");
	else if (jaar < 1900 || jaar > refs->jaar_nu) {
		snprintf(msg, sizeof(msg), "Het geboortejaar moet een jaar van "
		    "1900 tot en met %d zijn.", refs->jaar_nu);
		fout_melding(fouten, "geboortejaar", msg);
	} else
		out->geboortejaar = (int)jaar;

	s = veld(m, IM_WIJK, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "wijk", "De wijk ontbreekt.");
	else if ((ref = ref_zoek(refs->wijken, refs->nwijken, s)) == NULL)
		fout_ref(fouten, IM_WIJK, "Wijk", s);
	else
		out->wijk_id = ref->id;

	s = veld(m, IM_BSN, fields, nfields);
	if (s != NULL && s[0] != '\0') {
		rc = bsn_parse(s, out->bsn);
		if (rc == BSN_LENGTE && strspn(s, "0123456789") == strlen(s) &&
		    strlen(s) == BSN_LEN - 1)
			fout_melding(fouten, "bsn", "Het BSN heeft 8 cijfers: Excel laat "
			    "de voorloopnul weg. Maak de kolom tekst en exporteer "
			    "opnieuw.");
		else if (rc != BSN_OK)
			fout_melding(fouten, "bsn", bsn_err_text((enum bsn_err)rc));
	}

	s = veld(m, IM_KENMERK, fields, nfields);
	if (s != NULL && s[0] != '\0') {
		for (i = 0; s[i] != '\0'; i++)
			if ((unsigned char)s[i] < 0x20)
				break;
		if (strlen(s) > 64 || s[i] != '\0')
			fout_melding(fouten, "extern_kenmerk", "Het dossiernummer is langer "
			    "dan 64 tekens of bevat regeleinden.");
		else
			out->kenmerk = s;
	}

	s = veld(m, IM_SOORT, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "traject_soort", "De soort traject ontbreekt.");
	else {
		for (i = 0; traject_soorten[i].code != NULL; i++)
			if (eq_nocase(s, traject_soorten[i].code) ||
			    eq_nocase(s, traject_soorten[i].label))
				break;
		if (traject_soorten[i].code == NULL)
			fout_melding(fouten, "traject_soort", "Onbekende soort traject.");
		else
			out->soort = traject_soorten[i].code;
	}

	s = veld(m, IM_THEMA, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "thema", "Het thema ontbreekt.");
	else if ((ref = ref_zoek(refs->themas, refs->nthemas, s)) == NULL)
		fout_ref(fouten, IM_THEMA, "Thema", s);
	else
		out->thema_id = ref->id;

	s = veld(m, IM_OPDRACHT, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "opdracht", "De opdracht ontbreekt.");
	else if ((ref = ref_zoek(refs->opdrachten, refs->nopdrachten, s)) == NULL)
		fout_ref(fouten, IM_OPDRACHT, "Opdracht", s);
	else
		out->opdracht_id = ref->id;

	s = veld(m, IM_WIJKTEAM, fields, nfields);
	if (s == NULL || s[0] == '\0')
		fout_melding(fouten, "wijkteam", "Het wijkteam ontbreekt.");
	else if ((ref = ref_zoek(refs->wijkteams, refs->nwijkteams, s)) == NULL)
		fout_ref(fouten, IM_WIJKTEAM, "Wijkteam", s);
	else if (ref->org != refs->org) {
		snprintf(msg, sizeof(msg), "Wijkteam ‘%.40s’ hoort niet bij uw "
		    "organisatie.", s);
		fout_melding(fouten, "wijkteam", msg);
	} else
		out->wijkteam_id = ref->id;

	lees_datum(fouten, IM_STARTDATUM, veld(m, IM_STARTDATUM, fields,
	    nfields), "De startdatum", out->startdatum);
	s = veld(m, IM_EINDDATUM, fields, nfields);
	if (s != NULL && s[0] != '\0' &&
	    lees_datum(fouten, IM_EINDDATUM, s, "De einddatum",
	    out->einddatum) == 0 && out->startdatum[0] != '\0' &&
	    strcmp(out->einddatum, out->startdatum) < 0)
		fout_melding(fouten, "einddatum", "De einddatum ligt voor de startdatum.");

	s = veld(m, IM_GEB_TYPE, fields, nfields);
	if (s != NULL && s[0] != '\0') {
		if (lees_type(fouten, s, &out->geb) == 0 &&
		    lees_datum(fouten, IM_GEB_DATUM, veld(m, IM_GEB_DATUM, fields,
		    nfields), "De datum van de gebeurtenis", out->geb_datum) == 0 &&
		    out->startdatum[0] != '\0' &&
		    strcmp(out->geb_datum, out->startdatum) < 0)
			fout_melding(fouten, "gebeurtenis_datum", "De gebeurtenis ligt voor "
			    "de startdatum van het traject.");
		s = veld(m, IM_GEB_UITKOMST, fields, nfields);
		gv = out->geb != NULL ? gebeurtenis_veld_find(out->geb,
		    "uitkomst") : NULL;
		if (out->geb != NULL && s != NULL && s[0] != '\0' && gv == NULL) {
			fout_melding(fouten, "uitkomst", "Een uitkomst hoort alleen bij een "
			    "startgesprek.");
		} else if (out->geb != NULL) {
			/* Let the event table judge the payload, so an import
			 * accepts exactly what the form accepts. */
			if (gv != NULL && s != NULL && s[0] != '\0' &&
			    gv->waarden != NULL) {
				for (i = 0; gv->waarden[i].code != NULL; i++)
					if (eq_nocase(s, gv->waarden[i].code) ||
					    eq_nocase(s, gv->waarden[i].label))
						s = (char *)gv->waarden[i].code;
			}
			gegevens = json_object_new_object();
			if (gv != NULL && s != NULL && s[0] != '\0')
				json_object_object_add(gegevens, "uitkomst",
				    json_object_new_string(s));
			gf = json_object_new_array();
			if (gebeurtenis_valideer(out->geb, gegevens, gf) > 0) {
				for (i = 0; i < json_object_array_length(gf); i++) {
					struct json_object *x = json_object_array_get_idx(gf, i);
					struct json_object *mld = json_object_object_get(x,
					    "melding");
					fout_melding(fouten, "uitkomst",
					    mld != NULL ? json_object_get_string(mld) :
					    "De uitkomst is ongeldig.");
				}
			} else if (gv != NULL && s != NULL && s[0] != '\0') {
				out->uitkomst = s;
			}
			json_object_put(gf);
			json_object_put(gegevens);
		}
	} else if (veld(m, IM_GEB_DATUM, fields, nfields) != NULL &&
	    veld(m, IM_GEB_DATUM, fields, nfields)[0] != '\0') {
		fout_melding(fouten, "gebeurtenis_type", "Er is een datum van een "
		    "gebeurtenis maar geen type.");
	}
	if (out->bsn[0] == '\0')
		memset(out->bsn, 0, sizeof(out->bsn));
	return (int)json_object_array_length(fouten) - n0;
}
