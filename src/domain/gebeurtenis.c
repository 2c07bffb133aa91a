/*
 * gebeurtenis.c — the table of event types and the checks of their
 * payloads; see gebeurtenis.h.
 *
 * The table below is the single definition of which events exist, who
 * registers them, who sees them and what they carry. Adding an event type
 * is adding a row here (and, if it moves an inwoner through the keten, a
 * row in ketenstatus.c). This file must never do I/O, know about HTTP or
 * SQL, or put a submitted value into an error message: messages are built
 * from the table's labels only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/buf.h"
#include "core/datum.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/veldfout.h"

#define MELDING_MAX	256			/* longest message we write */
#define NAAM_MAX	64			/* unknown keys echoed as veld */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ the table */

static const struct veld_optie uitkomsten[] = {
	{ "overbrugbaar", "Overbrugbare afstand tot de arbeidsmarkt" },
	{ "onoverbrugbaar", "(Tijdelijk) te grote afstand tot de arbeidsmarkt" },
	{ NULL, NULL },
};

static const struct veld_optie besluiten[] = {
	{ "toegekend", "Toegekend" },
	{ "afgewezen", "Afgewezen" },
	{ NULL, NULL },
};

/*
 * The audit letter mentions four profielen introduced in the aanvullende
 * opdracht at the end of 2024 (some inwoners guided intensively, others
 * left alone) but does not name them; until the opdracht does, they are
 * numbered.
 */
static const struct veld_optie profielen[] = {
	{ "1", "Profiel 1" },
	{ "2", "Profiel 2" },
	{ "3", "Profiel 3" },
	{ "4", "Profiel 4" },
	{ NULL, NULL },
};

/* Why a traject ends. "naar_uwv" also moves the ketenstatus to UWV (see
 * ketenstatus.c); every other reason ends it. */
static const struct veld_optie afsluitredenen[] = {
	{ "werk", "Uitgestroomd naar werk" },
	{ "doelen_bereikt", "Doelen bereikt" },
	{ "uitkering_beeindigd", "Uitkering beëindigd" },
	{ "naar_uwv", "Overgedragen aan het UWV" },
	{ "verhuisd", "Verhuisd naar een andere gemeente" },
	{ "geen_contact", "Geen contact meer" },
	{ "anders", "Anders" },
	{ NULL, NULL },
};

static const struct gebeurtenis_veld v_startgesprek[] = {
	{ "uitkomst", "Uitkomst", GV_KEUZE, GV_VERPLICHT, uitkomsten, 0, 0 },
	{ "met_inkomensconsulent", "Gevoerd met de inkomensconsulent",
	    GV_JA_NEE, 0, NULL, 0, 0 },
	{ "hulpvragen", "Hulpvragen op andere leefgebieden", GV_TEKST,
	    GV_ALLEEN_WIJKTEAM, NULL, 0, 1000 },
};

static const struct gebeurtenis_veld v_wachtlijst_in[] = {
	{ "reden", "Reden", GV_TEKST, GV_ALLEEN_WIJKTEAM, NULL, 0, 500 },
};

static const struct gebeurtenis_veld v_wachtlijst_uit[] = {
	{ "reden", "Reden", GV_TEKST, GV_ALLEEN_WIJKTEAM, NULL, 0, 500 },
};

static const struct gebeurtenis_veld v_overdracht_werkom[] = {
	{ "warm", "Warme overdracht", GV_JA_NEE, GV_VERPLICHT, NULL, 0, 0 },
};

static const struct gebeurtenis_veld v_terug_van_werkom[] = {
	{ "warme_overdracht", "Warme overdracht door Werkom", GV_JA_NEE,
	    GV_VERPLICHT, NULL, 0, 0 },
	{ "reden", "Reden", GV_TEKST, 0, NULL, 0, 500 },
};

static const struct gebeurtenis_veld v_teruggestuurd_door_naleving[] = {
	{ "reden", "Reden", GV_TEKST, 0, NULL, 0, 500 },
};

static const struct gebeurtenis_veld v_uitkeringsbesluit[] = {
	{ "besluit", "Besluit", GV_KEUZE, GV_VERPLICHT, besluiten, 0, 0 },
};

static const struct gebeurtenis_veld v_profiel_toegekend[] = {
	{ "profiel", "Profiel", GV_GETAL, GV_VERPLICHT, profielen, 1, 4 },
};

static const struct gebeurtenis_veld v_plan_van_aanpak[] = {
	{ "evaluatiedatum", "Datum van de evaluatie", GV_DATUM, 0, NULL, 0, 0 },
};

static const struct gebeurtenis_veld v_afgesloten[] = {
	{ "reden", "Reden", GV_KEUZE, GV_VERPLICHT, afsluitredenen, 0, 0 },
	{ "toelichting", "Toelichting", GV_TEKST, GV_ALLEEN_WIJKTEAM, NULL,
	    0, 500 },
};

static const struct gebeurtenis_veld v_correctie[] = {
	{ "vervalt_id", "Vervallen gebeurtenis", GV_GETAL, GV_VERPLICHT, NULL,
	    1, WZ_MAX_ID },
	{ "reden", "Reden van de correctie", GV_TEKST, GV_VERPLICHT, NULL,
	    0, 500 },
};

#define VELDEN(a)	(a), NELEM(a)
#define GEEN_VELDEN	NULL, 0

/*
 * Visibility follows need-to-know: the wijkteam sees every event on its
 * trajecten; Uitkeringen sees what bears on the uitkering and the
 * arbeidsverplichtingen (startgesprek, wachtlijst — the audit's "still on
 * the wachtlijst after a refusal" —, besluit, plan van aanpak); Werkom the
 * handovers; Naleving the Meedoen Werkt referrals and the profielen (the
 * audit: Naleving heard of the profielen late, though they changed its
 * work). The IB events belong to the Wmo, not to this keten: wijkteam only.
 * Everybody learns that a traject ended.
 */
static const struct gebeurtenis_type types[] = {
	{ "startgesprek", "Startgesprek", GP_WIJKTEAM,
	    GP_WIJKTEAM | GP_UITKERINGEN, 0, VELDEN(v_startgesprek) },
	{ "wachtlijst_in", "Op de wachtlijst geplaatst", GP_WIJKTEAM,
	    GP_WIJKTEAM | GP_UITKERINGEN, 0, VELDEN(v_wachtlijst_in) },
	{ "wachtlijst_uit", "Van de wachtlijst af", GP_WIJKTEAM,
	    GP_WIJKTEAM | GP_UITKERINGEN, 0, VELDEN(v_wachtlijst_uit) },
	{ "ib_indicatie_afgegeven",
	    "Indicatie individuele begeleiding afgegeven (tweede lijn)",
	    GP_WIJKTEAM, GP_WIJKTEAM, 0, GEEN_VELDEN },
	{ "ib_eigen_gestart",
	    "Individuele begeleiding door het wijkteam zelf gestart",
	    GP_WIJKTEAM, GP_WIJKTEAM, 0, GEEN_VELDEN },
	{ "overdracht_werkom", "Overgedragen aan Werkom", GP_WIJKTEAM,
	    GP_WIJKTEAM | GP_WERKOM, 0, VELDEN(v_overdracht_werkom) },
	{ "overdracht_geaccepteerd", "Overdracht geaccepteerd door Werkom",
	    GP_WERKOM, GP_WIJKTEAM | GP_WERKOM, 0, GEEN_VELDEN },
	{ "terug_van_werkom", "Teruggestuurd door Werkom", GP_WERKOM,
	    GP_WIJKTEAM | GP_WERKOM, 0, VELDEN(v_terug_van_werkom) },
	{ "aanmelding_meedoen_werkt", "Aangemeld bij Meedoen Werkt",
	    GP_WIJKTEAM, GP_WIJKTEAM | GP_NALEVING, 0, GEEN_VELDEN },
	{ "teruggestuurd_door_naleving", "Teruggestuurd door Naleving",
	    GP_NALEVING, GP_WIJKTEAM | GP_NALEVING, 0,
	    VELDEN(v_teruggestuurd_door_naleving) },
	{ "uitkeringsbesluit", "Besluit op de uitkeringsaanvraag",
	    GP_UITKERINGEN, GP_WIJKTEAM | GP_UITKERINGEN, 0,
	    VELDEN(v_uitkeringsbesluit) },
	{ "profiel_toegekend", "Profiel toegekend (aanvullende opdracht)",
	    GP_WIJKTEAM, GP_WIJKTEAM | GP_NALEVING, 0,
	    VELDEN(v_profiel_toegekend) },
	{ "plan_van_aanpak", "Plan van aanpak opgesteld", GP_WIJKTEAM,
	    GP_WIJKTEAM | GP_UITKERINGEN, 0, VELDEN(v_plan_van_aanpak) },
	{ "afgesloten", "Afgesloten", GP_WIJKTEAM, GP_ALLE, 0,
	    VELDEN(v_afgesloten) },
	{ GEBEURTENIS_CORRECTIE,
	    "Correctie (laat een eerdere gebeurtenis vervallen)", 0, 0,
	    GT_VOLGT_VERVALLEN, VELDEN(v_correctie) },
};

/* ------------------------------------------------------------- parties */

static const struct {
	enum gebeurtenis_partij  p;
	const char              *code;
	const char              *label;
} partijen[] = {
	{ GP_WIJKTEAM, "wijkteam", "Sociaal wijkteam" },
	{ GP_WERKOM, "werkom", "Werkom" },
	{ GP_UITKERINGEN, "uitkeringen", "Uitkeringen" },
	{ GP_NALEVING, "naleving", "Naleving" },
};

/* The code and label of p: its index in partijen, or -1. */
static int
partij_nr(enum gebeurtenis_partij p)
{
	size_t i;

	for (i = 0; i < NELEM(partijen); i++)
		if (partijen[i].p == p)
			return (int)i;
	return -1;
}

const char *
gebeurtenis_partij_code(enum gebeurtenis_partij p)
{
	int i = partij_nr(p);

	return i >= 0 ? partijen[i].code : NULL;
}

const char *
gebeurtenis_partij_label(enum gebeurtenis_partij p)
{
	int i = partij_nr(p);

	return i >= 0 ? partijen[i].label : NULL;
}

enum gebeurtenis_partij
gebeurtenis_partij_parse(const char *code)
{
	size_t i;

	if (code == NULL)
		return 0;
	for (i = 0; i < NELEM(partijen); i++)
		if (strcmp(partijen[i].code, code) == 0)
			return partijen[i].p;
	return 0;
}

/* --------------------------------------------------------------- lookup */

const struct gebeurtenis_type *
gebeurtenis_type_find(const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < NELEM(types); i++)
		if (strcmp(types[i].code, code) == 0)
			return &types[i];
	return NULL;
}

size_t
gebeurtenis_type_aantal(void)
{
	return NELEM(types);
}

const struct gebeurtenis_type *
gebeurtenis_type_nr(size_t i)
{
	return i < NELEM(types) ? &types[i] : NULL;
}

const struct gebeurtenis_veld *
gebeurtenis_veld_find(const struct gebeurtenis_type *t, const char *naam)
{
	size_t i;

	if (t == NULL || naam == NULL)
		return NULL;
	for (i = 0; i < t->nvelden; i++)
		if (strcmp(t->velden[i].naam, naam) == 0)
			return &t->velden[i];
	return NULL;
}

/* Exactly one bit of GP_ALLE. */
static int
een_partij(enum gebeurtenis_partij p)
{
	unsigned u = (unsigned)p;

	return u != 0 && (u & ~GP_ALLE) == 0 && (u & (u - 1)) == 0;
}

/*
 * The type whose rules apply: t itself, or for a correctie the voided
 * type. NULL when a correctie names nothing, or names another correctie.
 */
static const struct gebeurtenis_type *
regels_van(const struct gebeurtenis_type *t,
    const struct gebeurtenis_type *vervallen)
{
	if (t == NULL || !(t->vlag & GT_VOLGT_VERVALLEN))
		return t;
	if (vervallen == NULL || (vervallen->vlag & GT_VOLGT_VERVALLEN))
		return NULL;
	return vervallen;
}

int
gebeurtenis_mag_registreren(const struct gebeurtenis_type *t,
    const struct gebeurtenis_type *vervallen, enum gebeurtenis_partij p)
{
	const struct gebeurtenis_type *r = regels_van(t, vervallen);

	return r != NULL && een_partij(p) && r->registreert == p;
}

int
gebeurtenis_zichtbaar(const struct gebeurtenis_type *t,
    const struct gebeurtenis_type *vervallen, enum gebeurtenis_partij p)
{
	const struct gebeurtenis_type *r = regels_van(t, vervallen);

	return r != NULL && een_partij(p) && (r->zichtbaar & (unsigned)p) != 0;
}

/* ----------------------------------------------------------- validation */

static void
fout_keuze(struct json_object *fouten, const struct gebeurtenis_veld *v)
{
	char klein[96], lijst[MELDING_MAX], m[2 * MELDING_MAX];

	veld_label_klein(v->label, klein, sizeof(klein));
	veld_opties_tekst(v->waarden, lijst, sizeof(lijst));
	snprintf(m, sizeof(m), "Kies bij %s een van deze mogelijkheden: %s.",
	    klein, lijst);
	fout_melding(fouten, v->naam, m);
}

/*
 * Valid UTF-8 (no overlong forms, no surrogates, at most U+10FFFF) and no
 * control characters other than tab, line feed and carriage return.
 * Counts characters into *chars.
 */
static int
tekst_schoon(const unsigned char *s, size_t len, size_t *chars)
{
	size_t i = 0, k, extra;
	unsigned long cp;
	unsigned char c;

	*chars = 0;
	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
			    c == 0x7f)
				return 0;
			i++;
			(*chars)++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			extra = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			extra = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			extra = 3;
			cp = c & 0x07;
		} else
			return 0;
		if (len - i <= extra)
			return 0;
		for (k = 1; k <= extra; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 &&
		    cp <= 0xdfff))) || (extra == 3 && (cp < 0x10000 ||
		    cp > 0x10ffff)))
			return 0;
		/* C1 control characters (U+0080 .. U+009F) */
		if (cp >= 0x80 && cp <= 0x9f)
			return 0;
		i += extra + 1;
		(*chars)++;
	}
	return 1;
}

/* Only spaces, tabs and line breaks (or nothing). */
static int
tekst_leeg(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* YYYY-MM-DD, a day that exists, 1900 .. 2999 (as veld.c accepts). */
static int
datum_ok(const char *s, size_t len)
{
	long dag;

	return datum_lees(s, len, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag) == 0;
}

static int
waarde_bekend(const struct veld_optie *w, const char *code)
{
	for (; w != NULL && w->code != NULL; w++)
		if (strcmp(w->code, code) == 0)
			return 1;
	return 0;
}

/* A key safe to name in an error: [a-z0-9_], 1 .. NAAM_MAX. */
static int
naam_veilig(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (i >= NAAM_MAX || !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return i > 0;
}

/* Checks one present, non-null value; appends at most one error. */
static int
veld_toets(const struct gebeurtenis_veld *v, struct json_object *o,
    struct json_object *fouten)
{
	char m[MELDING_MAX];
	const char *s;
	size_t len, chars;
	int64_t n;

	switch (v->soort) {
	case GV_KEUZE:
		if (!json_object_is_type(o, json_type_string) ||
		    !waarde_bekend(v->waarden, json_object_get_string(o))) {
			fout_keuze(fouten, v);
			return 1;
		}
		return 0;
	case GV_JA_NEE:
		if (!json_object_is_type(o, json_type_boolean)) {
			snprintf(m, sizeof(m), "%s moet ja of nee zijn "
			    "(true of false).", v->label);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		return 0;
	case GV_TEKST:
		if (!json_object_is_type(o, json_type_string)) {
			snprintf(m, sizeof(m), "%s moet tekst zijn.", v->label);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		s = json_object_get_string(o);
		len = (size_t)json_object_get_string_len(o);
		/* an embedded NUL (\u0000) is a control character too */
		if (strlen(s) != len ||
		    !tekst_schoon((const unsigned char *)s, len, &chars)) {
			snprintf(m, sizeof(m), "%s bevat tekens die hier niet "
			    "zijn toegestaan.", v->label);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		if ((v->vlag & GV_VERPLICHT) && tekst_leeg(s, len)) {
			snprintf(m, sizeof(m), "%s is verplicht.", v->label);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		if ((int64_t)chars > v->max) {
			snprintf(m, sizeof(m), "%s mag hoogstens %lld tekens "
			    "lang zijn.", v->label, (long long)v->max);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		return 0;
	case GV_GETAL:
		/* json-c keeps 1.0 a double and "1" a string: both refused */
		if (json_object_is_type(o, json_type_int)) {
			n = json_object_get_int64(o);
			if (n >= v->min && n <= v->max) {
				char code[24];

				if (v->waarden == NULL)
					return 0;
				snprintf(code, sizeof(code), "%lld",
				    (long long)n);
				if (waarde_bekend(v->waarden, code))
					return 0;
			}
		}
		if (v->waarden != NULL)
			fout_keuze(fouten, v);
		else {
			snprintf(m, sizeof(m), "%s moet een geheel getal van "
			    "%lld tot en met %lld zijn.", v->label,
			    (long long)v->min, (long long)v->max);
			fout_melding(fouten, v->naam, m);
		}
		return 1;
	case GV_DATUM:
		if (!json_object_is_type(o, json_type_string) ||
		    !datum_ok(json_object_get_string(o),
		    (size_t)json_object_get_string_len(o))) {
			snprintf(m, sizeof(m), "%s moet een bestaande datum "
			    "zijn, geschreven als JJJJ-MM-DD.", v->label);
			fout_melding(fouten, v->naam, m);
			return 1;
		}
		return 0;
	}
	/* a kind this file does not know accepts nothing */
	snprintf(m, sizeof(m), "%s kan niet worden opgeslagen.", v->label);
	fout_melding(fouten, v->naam, m);
	return 1;
}

int
gebeurtenis_valideer(const struct gebeurtenis_type *t,
    struct json_object *gegevens, struct json_object *fouten)
{
	struct json_object *o;
	char m[MELDING_MAX];
	size_t i;
	int n = 0;

	if (t == NULL) {
		fout_melding(fouten, "type", "Kies een bestaand type gebeurtenis.");
		return 1;
	}
	if (gegevens != NULL && !json_object_is_type(gegevens,
	    json_type_object)) {
		fout_melding(fouten, "gegevens", "Gegevens moeten een object zijn.");
		return 1;
	}

	/* every declared field, in table order */
	for (i = 0; i < t->nvelden; i++) {
		const struct gebeurtenis_veld *v = &t->velden[i];

		o = NULL;
		if (gegevens != NULL)
			json_object_object_get_ex(gegevens, v->naam, &o);
		if (o == NULL) {          /* absent or JSON null */
			if (v->vlag & GV_VERPLICHT) {
				snprintf(m, sizeof(m), "%s is verplicht.",
				    v->label);
				fout_melding(fouten, v->naam, m);
				n++;
			}
			continue;
		}
		n += veld_toets(v, o, fouten);
	}

	/* then every key the type does not declare */
	if (gegevens != NULL) {
		json_object_object_foreach(gegevens, key, val) {
			(void)val;
			if (gebeurtenis_veld_find(t, key) != NULL)
				continue;
			fout_melding(fouten, naam_veilig(key) ? key : "gegevens",
			    "Dit veld hoort niet bij dit type gebeurtenis.");
			n++;
		}
	}
	return n;
}

int
gebeurtenis_correctie_toets(const struct gebeurtenis_type *vervallen,
    int al_vervallen, struct json_object *fouten)
{
	if (vervallen == NULL) {
		fout_melding(fouten, "vervalt_id", "Kies een gebeurtenis van deze "
		    "inwoner die u mag zien.");
		return 1;
	}
	if (vervallen->vlag & GT_VOLGT_VERVALLEN) {
		fout_melding(fouten, "vervalt_id", "Een correctie kan niet zelf worden "
		    "gecorrigeerd. Registreer de oorspronkelijke gebeurtenis "
		    "opnieuw.");
		return 1;
	}
	if (al_vervallen) {
		fout_melding(fouten, "vervalt_id", "Deze gebeurtenis is al vervallen "
		    "door een eerdere correctie.");
		return 1;
	}
	return 0;
}

struct json_object *
gebeurtenis_gegevens_voor(const struct gebeurtenis_type *t,
    enum gebeurtenis_partij p, struct json_object *gegevens)
{
	struct json_object *uit = json_object_new_object(), *o;
	size_t i;

	if (t == NULL || gegevens == NULL ||
	    !json_object_is_type(gegevens, json_type_object))
		return uit;
	for (i = 0; i < t->nvelden; i++) {
		const struct gebeurtenis_veld *v = &t->velden[i];

		if ((v->vlag & GV_ALLEEN_WIJKTEAM) && p != GP_WIJKTEAM)
			continue;
		if (json_object_object_get_ex(gegevens, v->naam, &o))
			json_object_object_add(uit, v->naam,
			    json_object_get(o));
	}
	return uit;
}

/* ------------------------------------------------------------ describe */

static const char *
soort_code(enum gebeurtenis_veldsoort s)
{
	switch (s) {
	case GV_KEUZE:
		return "keuze";
	case GV_JA_NEE:
		return "ja_nee";
	case GV_TEKST:
		return "tekst";
	case GV_GETAL:
		return "getal";
	case GV_DATUM:
		return "datum";
	}
	return "onbekend";
}

static struct json_object *
veld_json(const struct gebeurtenis_veld *v)
{
	struct json_object *o = json_object_new_object();
	struct json_object *w = json_object_new_array();
	const struct veld_optie *x;

	json_object_object_add(o, "naam", json_object_new_string(v->naam));
	json_object_object_add(o, "label", json_object_new_string(v->label));
	json_object_object_add(o, "soort",
	    json_object_new_string(soort_code(v->soort)));
	json_object_object_add(o, "verplicht",
	    json_object_new_boolean((v->vlag & GV_VERPLICHT) != 0));
	json_object_object_add(o, "alleen_wijkteam",
	    json_object_new_boolean((v->vlag & GV_ALLEEN_WIJKTEAM) != 0));
	for (x = v->waarden; x != NULL && x->code != NULL; x++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "code",
		    json_object_new_string(x->code));
		json_object_object_add(e, "label",
		    json_object_new_string(x->label));
		json_object_array_add(w, e);
	}
	json_object_object_add(o, "waarden", w);
	if (v->soort == GV_GETAL)
		json_object_object_add(o, "min", json_object_new_int64(v->min));
	if (v->soort == GV_TEKST || v->soort == GV_GETAL)
		json_object_object_add(o, "max", json_object_new_int64(v->max));
	return o;
}

static struct json_object *
type_json(const struct gebeurtenis_type *t)
{
	struct json_object *o = json_object_new_object();
	struct json_object *zicht = json_object_new_array();
	struct json_object *velden = json_object_new_array();
	const char *reg = gebeurtenis_partij_code(t->registreert);
	size_t i;

	json_object_object_add(o, "code", json_object_new_string(t->code));
	json_object_object_add(o, "label", json_object_new_string(t->label));
	json_object_object_add(o, "registreert",
	    reg != NULL ? json_object_new_string(reg) : NULL);
	for (i = 0; i < NELEM(partijen); i++)
		if (t->zichtbaar & (unsigned)partijen[i].p)
			json_object_array_add(zicht,
			    json_object_new_string(partijen[i].code));
	json_object_object_add(o, "zichtbaar_voor", zicht);
	json_object_object_add(o, "volgt_vervallen",
	    json_object_new_boolean((t->vlag & GT_VOLGT_VERVALLEN) != 0));
	for (i = 0; i < t->nvelden; i++)
		json_object_array_add(velden, veld_json(&t->velden[i]));
	json_object_object_add(o, "velden", velden);
	return o;
}

struct json_object *
gebeurtenis_types_json(void)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < NELEM(types); i++)
		json_object_array_add(a, type_json(&types[i]));
	return a;
}

const char *
gebeurtenis_types_voor(struct arena *ar, enum gebeurtenis_partij p)
{
	struct buf b;
	size_t i;

	buf_init(&b, ar);
	for (i = 0; i < gebeurtenis_type_aantal(); i++) {
		const struct gebeurtenis_type *t = gebeurtenis_type_nr(i);

		if ((t->vlag & GT_VOLGT_VERVALLEN) || !gebeurtenis_zichtbaar(t, NULL, p))
			continue;
		buf_printf(&b, "%s%s", b.len ? "," : "", t->code);
	}
	if (b.failed)
		return NULL;
	return b.len ? b.data : "-";
}

const char *
gebeurtenis_zien_wie(struct arena *ar, const struct gebeurtenis_type *t,
    const struct gebeurtenis_type *vervallen)
{
	static const enum gebeurtenis_partij keten[] = { GP_WERKOM,
	    GP_UITKERINGEN, GP_NALEVING };
	struct buf b;
	size_t i;

	buf_init(&b, ar);
	for (i = 0; i < sizeof(keten) / sizeof(keten[0]); i++)
		if (gebeurtenis_zichtbaar(t, vervallen, keten[i]))
			buf_printf(&b, "%s%s", b.len ? "," : "",
			    gebeurtenis_partij_code(keten[i]));
	if (b.failed)
		return NULL;
	return b.len ? b.data : "";
}
