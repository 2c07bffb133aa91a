/*
 * rapportage.c — see rapportage.h.
 */
#include "config.h"

#include <string.h>

#include "domain/rapportage.h"

/* |x| without overflow for the values a DECIMAL(18,4) holds. */
static uint64_t
absoluut(int64_t x)
{
	return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

unsigned
rapportage_toelichting_nodig(enum sw_status status, int heeft, int64_t v,
    int vorige_heeft, int64_t vorige, int drempel)
{
	unsigned bits = RAP_GEEN;
	unsigned __int128 verschil, grens;

	if (!heeft)
		return RAP_GEEN;
	if (status == SW_AFWIJKING)
		bits |= RAP_STREEF;
	if (vorige_heeft) {
		if (drempel < 0)
			drempel = 0;
		verschil = (unsigned __int128)absoluut(v - vorige) * 100;
		grens = (unsigned __int128)absoluut(vorige) * (unsigned)drempel;
		if (verschil > grens)
			bits |= RAP_VORIGE;
	}
	return bits;
}

const char *
rapportage_reden_tekst(unsigned bits)
{
	if ((bits & RAP_STREEF) && (bits & RAP_VORIGE))
		return "Wijkt af van de streefwaarde en veranderde sterk ten "
		    "opzichte van de vorige periode.";
	if (bits & RAP_STREEF)
		return "Wijkt af van de streefwaarde.";
	if (bits & RAP_VORIGE)
		return "Veranderde sterk ten opzichte van de vorige periode.";
	return NULL;
}

struct label {
	const char *code, *label;
};

static const char *
zoek(const struct label *t, size_t n, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return t[i].label;
	return NULL;
}

#define NUM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct label statussen[] = {
	{ "concept", "Concept" },
	{ "ingediend", "Ingediend" },
	{ "vastgesteld", "Vastgesteld" },
};

static const struct label oordelen[] = {
	{ "voldaan", "Voldaan" },
	{ "deels", "Deels voldaan" },
	{ "niet", "Niet voldaan" },
};

static const struct label acties[] = {
	{ "aangemaakt", "Aangemaakt" },
	{ "indienen", "Ingediend" },
	{ "terugsturen", "Teruggestuurd" },
	{ "vaststellen", "Vastgesteld" },
	{ "heropenen", "Heropend" },
	{ "versie_wisselen", "Naar een nieuwere formatversie" },
};

const char *
rapportage_status_label(const char *code)
{
	return zoek(statussen, NUM(statussen), code);
}

int
rapportage_oordeel_geldig(const char *code)
{
	return zoek(oordelen, NUM(oordelen), code) != NULL;
}

const char *
rapportage_oordeel_label(const char *code)
{
	return zoek(oordelen, NUM(oordelen), code);
}

const char *
rapportage_actie_label(const char *actie)
{
	return zoek(acties, NUM(acties), actie);
}
