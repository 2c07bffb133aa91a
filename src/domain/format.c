/*
 * format.c — judging a formatversie's content; see format.h.
 *
 * The reading is strict and keeps going: every item is looked at, so the
 * client gets all its mistakes in one answer, each under its own path.
 * Ids must come as JSON integers (the API's types), never as strings.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/limits.h"
#include "domain/format.h"
#include "domain/veld.h"
#include "domain/veldfout.h"

static const struct veld v_titel = { "titel", "Titel", VELD_TEKST,
	FORMAT_TITEL_MAX, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_vraag = { "vraag", "Vraag", VELD_LANGE_TEKST,
	FORMAT_VRAAG_MAX, VELD_VERPLICHT, NULL, 0, NULL };

static const char *const soort_codes[] = {
	[ITEM_INDICATOR] = "indicator", [ITEM_EIS] = "eis", [ITEM_VRAAG] = "vraag",
};
static const char *const lijn_codes[] = {
	[LIJN_VERGELIJKBAAR] = "vergelijkbaar",
	[LIJN_NIET_VERGELIJKBAAR] = "niet_vergelijkbaar",
};

const char *
format_item_soort_code(enum format_item_soort s)
{
	return s >= ITEM_INDICATOR && s <= ITEM_VRAAG ? soort_codes[s] : NULL;
}

enum format_item_soort
format_item_soort_lees(const char *s)
{
	int i;

	for (i = ITEM_INDICATOR; s != NULL && i <= ITEM_VRAAG; i++)
		if (strcmp(s, soort_codes[i]) == 0)
			return (enum format_item_soort)i;
	return 0;
}

const char *
format_lijn_code(enum format_lijn l)
{
	return l == LIJN_VERGELIJKBAAR || l == LIJN_NIET_VERGELIJKBAAR ?
	    lijn_codes[l] : NULL;
}

enum format_lijn
format_lijn_lees(const char *s)
{
	int i;

	for (i = LIJN_VERGELIJKBAAR; s != NULL && i <= LIJN_NIET_VERGELIJKBAAR;
	    i++)
		if (strcmp(s, lijn_codes[i]) == 0)
			return (enum format_lijn)i;
	return LIJN_NIET_GEZEGD;
}

char *
format_pad(char out[FORMAT_PAD_MAX], size_t s, size_t j, const char *veld)
{
	int w;

	if (j == SIZE_MAX)
		w = snprintf(out, FORMAT_PAD_MAX, "secties[%zu]%s%s", s,
		    veld ? "." : "", veld ? veld : "");
	else
		w = snprintf(out, FORMAT_PAD_MAX, "secties[%zu].items[%zu]%s%s",
		    s, j, veld ? "." : "", veld ? veld : "");
	if (w < 0)
		out[0] = '\0';
	return out;
}

/* Appends a message for item j of section s, field veld. */
static void
pad_fout(struct json_object *fouten, size_t s, size_t j, const char *veld,
    const char *melding)
{
	char pad[FORMAT_PAD_MAX];

	fout_melding(fouten, format_pad(pad, s, j, veld), melding);
}

/* Member naam of o, or NULL when absent or JSON null. */
static struct json_object *
lid(struct json_object *o, const char *naam)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, naam, &v))
		return NULL;
	return v;
}

/* An id as the API sends it: a JSON integer 1 .. WZ_MAX_ID. */
static int
json_id(struct json_object *v, int64_t *out)
{
	int64_t x;

	if (!json_object_is_type(v, json_type_int))
		return -1;
	x = json_object_get_int64(v);
	if (x < 1 || x > WZ_MAX_ID)
		return -1;
	*out = x;
	return 0;
}

/* A text member against declared field f; fout at path on error.
 * *tekst NULL on error. */
static void
lees_tekst(struct json_object *o, const struct veld *f, size_t s, size_t j,
    struct json_object *fouten, const char **tekst, size_t *len, int *fout)
{
	struct json_object *v = lid(o, f->naam);
	struct veld_waarde w;
	enum veld_fout vf;
	char pad[FORMAT_PAD_MAX];

	*tekst = NULL;
	*len = 0;
	if (v != NULL && !json_object_is_type(v, json_type_string)) {
		pad_fout(fouten, s, j, f->naam, "Dit veld moet tekst zijn.");
		*fout = 1;
		return;
	}
	vf = veld_lees(f, v != NULL ? json_object_get_string(v) : NULL, &w);
	if (vf != VELD_OK) {
		fout_toevoegen(fouten, format_pad(pad, s, j, f->naam), f, vf);
		*fout = 1;
		return;
	}
	*tekst = w.tekst;
	*len = w.len;
}

/* Members that belong to another soort than the item's. */
static void
vreemde_leden(struct json_object *o, enum format_item_soort soort, size_t s,
    size_t j, struct json_object *fouten, int *fout)
{
	static const struct {
		const char              *naam;
		enum format_item_soort   van;
	} leden[] = {
		{ "indicator_id", ITEM_INDICATOR }, { "lijn", ITEM_INDICATOR },
		{ "vorige_indicator_id", ITEM_INDICATOR }, { "eis_id", ITEM_EIS },
		{ "vraag", ITEM_VRAAG },
	};
	char m[96];
	size_t i;

	for (i = 0; i < sizeof(leden) / sizeof(leden[0]); i++) {
		if (leden[i].van == soort || lid(o, leden[i].naam) == NULL)
			continue;
		snprintf(m, sizeof(m), "Alleen een onderdeel van soort %s heeft "
		    "dit veld.", soort_codes[leden[i].van]);
		pad_fout(fouten, s, j, leden[i].naam, m);
		*fout = 1;
	}
}

/* The indicator members of item it (lijn and vorige_indicator_id
 * together: vergelijkbaar exactly when a predecessor is named). */
static void
lees_indicator(struct json_object *o, struct format_item *it, size_t s,
    size_t j, struct json_object *fouten, int *fout)
{
	struct json_object *v;

	if ((v = lid(o, "indicator_id")) == NULL || json_id(v,
	    &it->indicator_id) != 0) {
		pad_fout(fouten, s, j, "indicator_id", v == NULL ? "Kies een "
		    "indicator." : "Dit is geen id van een indicator.");
		*fout = 1;
	}
	if ((v = lid(o, "lijn")) != NULL && (!json_object_is_type(v,
	    json_type_string) || (it->lijn = format_lijn_lees(
	    json_object_get_string(v))) == LIJN_NIET_GEZEGD)) {
		pad_fout(fouten, s, j, "lijn", "De lijn is vergelijkbaar of "
		    "niet_vergelijkbaar.");
		*fout = 1;
		return;
	}
	if ((v = lid(o, "vorige_indicator_id")) != NULL && json_id(v,
	    &it->vorige_indicator_id) != 0) {
		pad_fout(fouten, s, j, "vorige_indicator_id", "Dit is geen id "
		    "van een indicator.");
		*fout = 1;
		return;
	}
	if (it->lijn == LIJN_VERGELIJKBAAR && it->vorige_indicator_id == 0) {
		pad_fout(fouten, s, j, "vorige_indicator_id", "Noem de indicator "
		    "van de vorige versie die deze voortzet.");
		*fout = 1;
	} else if (it->lijn != LIJN_VERGELIJKBAAR &&
	    it->vorige_indicator_id != 0) {
		pad_fout(fouten, s, j, "lijn", "Een vorige indicator hoort bij "
		    "lijn vergelijkbaar.");
		*fout = 1;
	}
}

/* Item j of section s from o into it. */
static void
lees_item(struct json_object *o, struct format_item *it, size_t s, size_t j,
    struct json_object *fouten, int *fout)
{
	struct json_object *v;

	memset(it, 0, sizeof(*it));
	it->sectie = s;
	it->plek = j;
	if (!json_object_is_type(o, json_type_object)) {
		pad_fout(fouten, s, j, NULL, "Een onderdeel is een object met "
		    "een soort.");
		*fout = 1;
		return;
	}
	v = lid(o, "soort");
	if (v == NULL || !json_object_is_type(v, json_type_string) ||
	    (it->soort = format_item_soort_lees(json_object_get_string(v))) ==
	    0) {
		pad_fout(fouten, s, j, "soort", "De soort is indicator, eis of "
		    "vraag.");
		*fout = 1;
		return;
	}
	vreemde_leden(o, it->soort, s, j, fouten, fout);
	switch (it->soort) {
	case ITEM_INDICATOR:
		lees_indicator(o, it, s, j, fouten, fout);
		break;
	case ITEM_EIS:
		if ((v = lid(o, "eis_id")) == NULL || json_id(v, &it->eis_id) !=
		    0) {
			pad_fout(fouten, s, j, "eis_id", v == NULL ? "Kies een "
			    "eis." : "Dit is geen id van een eis.");
			*fout = 1;
		}
		break;
	case ITEM_VRAAG:
		lees_tekst(o, &v_vraag, s, j, fouten, &it->vraag,
		    &it->vraag_len, fout);
		break;
	}
}

/* No indicator and no eis twice in one version: a team would report
 * the same thing twice. */
static void
dubbel_toets(const struct format_inhoud *in, struct json_object *fouten,
    int *fout)
{
	const struct format_item *a, *b;
	size_t i, k;

	for (i = 0; i < in->nitems; i++) {
		a = &in->items[i];
		for (k = 0; k < i; k++) {
			b = &in->items[k];
			if (a->soort != b->soort)
				continue;
			if (a->soort == ITEM_INDICATOR && a->indicator_id != 0 &&
			    a->indicator_id == b->indicator_id) {
				pad_fout(fouten, a->sectie, a->plek, "indicator_id",
				    "Deze indicator staat al eerder in deze versie.");
				*fout = 1;
				break;
			}
			if (a->soort == ITEM_EIS && a->eis_id != 0 &&
			    a->eis_id == b->eis_id) {
				pad_fout(fouten, a->sectie, a->plek, "eis_id",
				    "Deze eis staat al eerder in deze versie.");
				*fout = 1;
				break;
			}
		}
	}
}

int
format_inhoud_lees(struct json_object *secties, struct format_inhoud *out,
    struct json_object *fouten)
{
	struct json_object *so, *items;
	struct format_sectie *sec;
	size_t s, j, ns, ni;
	int fout = 0;

	memset(out, 0, sizeof(*out));
	if (secties == NULL || !json_object_is_type(secties, json_type_array) ||
	    (ns = json_object_array_length(secties)) == 0) {
		fout_melding(fouten, "secties", "Een versie heeft minstens één "
		    "sectie met minstens één onderdeel.");
		return -1;
	}
	if (ns > FORMAT_MAX_SECTIES) {
		fout_melding(fouten, "secties", "Een versie heeft hoogstens 32 "
		    "secties.");
		return -1;
	}
	for (s = 0; s < ns; s++) {
		so = json_object_array_get_idx(secties, s);
		sec = &out->secties[out->nsecties++];
		sec->eerste = out->nitems;
		if (!json_object_is_type(so, json_type_object)) {
			pad_fout(fouten, s, SIZE_MAX, NULL, "Een sectie is een "
			    "object met een titel en onderdelen.");
			fout = 1;
			continue;
		}
		lees_tekst(so, &v_titel, s, SIZE_MAX, fouten, &sec->titel,
		    &sec->titel_len, &fout);
		items = lid(so, "items");
		if (items == NULL || !json_object_is_type(items, json_type_array) ||
		    (ni = json_object_array_length(items)) == 0) {
			pad_fout(fouten, s, SIZE_MAX, "items", "Een sectie heeft "
			    "minstens één onderdeel.");
			fout = 1;
			continue;
		}
		if (out->nitems + ni > FORMAT_MAX_ITEMS) {
			fout_melding(fouten, "secties", "Een versie heeft hoogstens "
			    "256 onderdelen.");
			return -1;
		}
		for (j = 0; j < ni; j++)
			lees_item(json_object_array_get_idx(items, j),
			    &out->items[out->nitems++], s, j, fouten, &fout);
		sec->nitems = ni;
	}
	dubbel_toets(out, fouten, &fout);
	return fout ? -1 : 0;
}

size_t
format_lijn_toets(const struct format_inhoud *in, int heeft_vorige,
    int verplicht, struct json_object *fouten)
{
	const struct format_item *it;
	size_t i, n = 0;

	for (i = 0; i < in->nitems; i++) {
		it = &in->items[i];
		if (it->soort != ITEM_INDICATOR)
			continue;
		if (!heeft_vorige && it->lijn != LIJN_NIET_GEZEGD) {
			pad_fout(fouten, it->sectie, it->plek, "lijn", "Een eerste "
			    "versie heeft geen vorige versie om mee te vergelijken.");
			n++;
		} else if (heeft_vorige && verplicht &&
		    it->lijn == LIJN_NIET_GEZEGD) {
			pad_fout(fouten, it->sectie, it->plek, "lijn", "Zeg of deze "
			    "indicator een indicator van de vorige versie voortzet "
			    "(vergelijkbaar) of de reeks breekt (niet_vergelijkbaar).");
			n++;
		}
	}
	return n;
}

enum format_periode_oordeel
format_periode_na(const struct periode *nieuw, const struct periode *vorige)
{
	if (nieuw->soort != vorige->soort)
		return FP_ANDERE_SOORT;
	if (periode_eerste_dag(nieuw) <= periode_eerste_dag(vorige))
		return FP_NIET_NA;
	return FP_GOED;
}

const char *
format_periode_tekst(enum format_periode_oordeel o)
{
	switch (o) {
	case FP_GOED:
		return "De periode is in orde.";
	case FP_ANDERE_SOORT:
		return "Kies een periode van dezelfde soort als die van de vorige "
		    "versie (jaar, halfjaar of kwartaal).";
	case FP_NIET_NA:
		return "De eerste periode ligt na de eerste periode van de vorige "
		    "versie.";
	}
	return "Deze periode kan niet.";
}

int
format_midden_in_periode(const struct periode *eerste, long vandaag)
{
	return vandaag >= periode_eerste_dag(eerste);
}

/* The length of at most max bytes of s, cut back to a UTF-8 character
 * boundary (s is valid UTF-8). */
static size_t
utf8_knip(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* How much of a question the onderwerp keeps. */
#define ONDERWERP_VRAAG	80

char *
format_onderwerp(char out[FORMAT_ONDERWERP_MAX], enum format_item_soort soort,
    const char *tekst)
{
	const char *code = format_item_soort_code(soort);
	size_t n;

	if (code == NULL)
		code = "onderdeel";
	if (tekst == NULL) {
		snprintf(out, FORMAT_ONDERWERP_MAX, "%s", code);
		return out;
	}
	if (soort != ITEM_VRAAG) {
		n = utf8_knip(tekst, FORMAT_ONDERWERP_MAX - 32);
		snprintf(out, FORMAT_ONDERWERP_MAX, "%s %.*s", code, (int)n, tekst);
		return out;
	}
	n = utf8_knip(tekst, ONDERWERP_VRAAG);
	snprintf(out, FORMAT_ONDERWERP_MAX, "vraag: %.*s%s", (int)n, tekst,
	    tekst[n] != '\0' ? "…" : "");
	return out;
}

/* The label of code in the NULL-terminated pairs {code, label}. */
static const char *
label_van(const char *const (*paren)[2], const char *code)
{
	for (; code != NULL && (*paren)[0] != NULL; paren++)
		if (strcmp((*paren)[0], code) == 0)
			return (*paren)[1];
	return NULL;
}

const char *
format_status_label(const char *status)
{
	static const char *const l[][2] = { { "concept", "Concept" },
	    { "consultatie", "In consultatie" },
	    { "gepubliceerd", "Gepubliceerd" }, { NULL, NULL } };

	return label_van(l, status);
}

const char *
format_soort_label(const char *soort)
{
	static const char *const l[][2] = { { "indicator", "Indicator" },
	    { "eis", "Eis" }, { "vraag", "Open vraag" }, { NULL, NULL } };

	return label_van(l, soort);
}

const char *
format_lijn_label(const char *lijn)
{
	static const char *const l[][2] = {
	    { "vergelijkbaar", "Vergelijkbaar" },
	    { "niet_vergelijkbaar", "Niet vergelijkbaar: een nieuwe reeks" },
	    { NULL, NULL } };

	return label_van(l, lijn);
}
