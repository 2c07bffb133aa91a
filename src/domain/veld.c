/*
 * veld.c — checking one input value against its declaration; see veld.h.
 *
 * Every parser here reads a bounded number of characters and never calls
 * atoi/strtod: a value is either exactly what its type allows or refused
 * with a reason. Must never put the refused value in a message.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/datum.h"
#include "core/getal.h"
#include "domain/veld.h"

#define MAX_EURO	1000000000000LL		/* amounts stay below 10^12 */

/* Characters (not bytes) in valid UTF-8: count the non-continuation bytes. */
static size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Control bytes: none in one line; tab, CR and LF allowed in long text. */
static int
text_clean(const char *s, size_t len, int lines)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == 0x7f || (c < 0x20 && !(lines && (c == '\n' ||
		    c == '\r' || c == '\t'))))
			return 0;
	}
	return 1;
}

static enum veld_fout
parse_datum(const char *s, size_t len)
{
	long dag;

	return datum_lees(s, len, DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag) == 0 ?
	    VELD_OK : VELD_GEEN_DATUM;
}

/* A positive integer without sign or leading zero, at most WZ_MAX_ID. */
static enum veld_fout
parse_id(const char *s, size_t len, int64_t *v)
{
	return (*v = getal_id(s, len)) > 0 ? VELD_OK : VELD_GEEN_ID;
}

enum veld_fout
veld_lees(const struct veld *f, const char *in, struct veld_waarde *out)
{
	const char *s = in ? in : "";
	size_t len = strlen(s), i;
	int64_t v;

	memset(out, 0, sizeof(*out));
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	out->tekst = s;
	out->len = len;
	if (len == 0) {
		out->leeg = 1;
		return (f->vlag & VELD_VERPLICHT) ? VELD_ONTBREEKT : VELD_OK;
	}
	switch (f->type) {
	case VELD_TEKST:
	case VELD_LANGE_TEKST:
		if (!text_clean(s, len, f->type == VELD_LANGE_TEKST))
			return VELD_ONGELDIGE_TEKENS;
		return utf8_chars(s, len) > f->max ? VELD_TE_LANG : VELD_OK;
	case VELD_CODE:
		if (len > f->max)
			return VELD_GEEN_CODE;
		for (i = 0; i < len; i++)
			if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
			    s[i] == '-'))
				return VELD_GEEN_CODE;
		return VELD_OK;
	case VELD_DATUM:
		return parse_datum(s, len);
	case VELD_KEUZE:
		for (i = 0; f->opties != NULL && f->opties[i].code != NULL; i++)
			if (strlen(f->opties[i].code) == len &&
			    memcmp(f->opties[i].code, s, len) == 0)
				return VELD_OK;
		return VELD_GEEN_KEUZE;
	case VELD_REF:
		return parse_id(s, len, &out->getal);
	case VELD_JAAR:
		if (len != 4 || getal_lees(s, 4, 2000, 2100, &v) != 0)
			return VELD_GEEN_JAAR;
		out->getal = v;
		return VELD_OK;
	case VELD_BEDRAG:
		return getal_bedrag(s, len, MAX_EURO, &out->getal) == 0 ? VELD_OK :
		    VELD_GEEN_BEDRAG;
	}
	return VELD_GEEN_KEUZE;     /* an unknown type accepts nothing */
}

void
veld_label_klein(const char *label, char *buf, size_t n)
{
	snprintf(buf, n, "%s", label);
	if (buf[0] >= 'A' && buf[0] <= 'Z' && buf[1] >= 'a' && buf[1] <= 'z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
}

void
veld_opties_tekst(const struct veld_optie *opties, char *buf, size_t n)
{
	size_t i, k = 0, used = 0;
	int w;

	buf[0] = '\0';
	while (opties != NULL && opties[k].code != NULL)
		k++;
	for (i = 0; i < k && used < n; i++) {
		w = snprintf(buf + used, n - used, "%s%s", i == 0 ? "" :
		    (i + 1 == k ? " of " : ", "), opties[i].label);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

const char *
veld_melding(const struct veld *f, enum veld_fout fout, char *buf, size_t n)
{
	char klein[128], lijst[256];

	veld_label_klein(f->label, klein, sizeof(klein));
	switch (fout) {
	case VELD_OK:
		snprintf(buf, n, "%s is in orde.", f->label);
		break;
	case VELD_ONTBREEKT:
		if (f->vlag & VELD_LIJST)
			snprintf(buf, n, "Kies bij %s minstens één.", klein);
		else if (f->type == VELD_KEUZE || f->type == VELD_REF)
			snprintf(buf, n, "Kies bij %s een waarde.", klein);
		else
			snprintf(buf, n, "%s is verplicht.", f->label);
		break;
	case VELD_TE_LANG:
		snprintf(buf, n, "%s mag hoogstens %u tekens lang zijn.", f->label,
		    f->max);
		break;
	case VELD_ONGELDIGE_TEKENS:
		snprintf(buf, n, "%s bevat tekens die hier niet zijn toegestaan, "
		    "zoals een regeleinde of tab.", f->label);
		break;
	case VELD_GEEN_CODE:
		snprintf(buf, n, "%s mag alleen hoofdletters, cijfers en streepjes "
		    "bevatten, hoogstens %u.", f->label, f->max);
		break;
	case VELD_GEEN_DATUM:
		snprintf(buf, n, "%s moet een bestaande datum zijn, geschreven als "
		    "JJJJ-MM-DD.", f->label);
		break;
	case VELD_GEEN_KEUZE:
		veld_opties_tekst(f->opties, lijst, sizeof(lijst));
		snprintf(buf, n, "Kies bij %s een van deze mogelijkheden: %s.",
		    klein, lijst);
		break;
	case VELD_GEEN_ID:
		snprintf(buf, n, "%s moet een nummer (id) van 1 of hoger zijn.",
		    f->label);
		break;
	case VELD_GEEN_JAAR:
		snprintf(buf, n, "%s moet een jaartal van 2000 tot en met 2100 zijn.",
		    f->label);
		break;
	case VELD_GEEN_BEDRAG:
		snprintf(buf, n, "%s moet een bedrag in euro zijn, niet negatief en "
		    "onder 1 biljoen, met hoogstens twee cijfers achter de komma "
		    "(bijvoorbeeld 1250000,50).", f->label);
		break;
	case VELD_ONBEKEND:
		snprintf(buf, n, "Kies bij %s een waarde die bestaat.", klein);
		break;
	case VELD_DUBBEL:
		snprintf(buf, n, "Deze %s is al in gebruik.", klein);
		break;
	case VELD_VOOR_BEGIN:
		snprintf(buf, n, "%s mag niet vóór de begindatum liggen.", f->label);
		break;
	}
	return buf;
}

char *
veld_bedrag_tekst(int64_t cent, char *buf, size_t n)
{
	if (cent < 0)
		cent = 0;
	snprintf(buf, n, "%lld.%02lld", (long long)(cent / 100),
	    (long long)(cent % 100));
	return buf;
}

int
veld_periode_ok(const char *van, const char *tot)
{
	if (tot == NULL || *tot == '\0')
		return 1;
	if (van == NULL || parse_datum(van, strlen(van)) != VELD_OK ||
	    parse_datum(tot, strlen(tot)) != VELD_OK)
		return 0;
	/* YYYY-MM-DD compares as text in date order. */
	return strcmp(tot, van) >= 0;
}

const struct veld_optie *
veld_optie(const struct veld *f, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && f->opties != NULL && f->opties[i].code != NULL;
	    i++)
		if (strcmp(f->opties[i].code, code) == 0)
			return &f->opties[i];
	return NULL;
}

const struct veld *
veld_zoek(const struct veld *velden, size_t n, const char *naam)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(velden[i].naam, naam) == 0)
			return &velden[i];
	return NULL;
}

int
veld_code_geldig(const char *s)
{
	size_t i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 64 || s[0] < 'a' ||
	    s[0] > 'z')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

const char *
veld_optie_label(const struct veld_optie *o, const char *code)
{
	for (; o != NULL && code != NULL && o->code != NULL; o++)
		if (strcmp(o->code, code) == 0)
			return o->label;
	return NULL;
}
