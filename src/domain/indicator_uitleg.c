/*
 * indicator_uitleg.c — a rule in one Dutch sentence; see indicator_uitleg.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/gebeurtenis.h"
#include "domain/indicator_uitleg.h"
#include "domain/traject.h"

/* The sentence under construction: appends never overrun. */
struct zin {
	char    *s;
	size_t   n, len;
};

static void
zin_voeg(struct zin *z, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (z->len + 1 >= z->n)
		return;
	va_start(ap, fmt);
	w = vsnprintf(z->s + z->len, z->n - z->len, fmt, ap);
	va_end(ap);
	if (w < 0)
		return;
	z->len += (size_t)w;
	if (z->len >= z->n) {
		/* Cut back to a whole UTF-8 character. */
		z->len = z->n - 1;
		while (z->len > 0 && ((unsigned char)z->s[z->len] & 0xc0) == 0x80)
			z->len--;
		z->s[z->len] = '\0';
	}
}

/* The label of an event type, or its code when the table lost it. */
static const char *
uitleg_type(const char *code)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(code);

	return t != NULL ? t->label : code;
}

/* "Uitkomst is Overbrugbare afstand …" for one filter of type. */
static void
uitleg_filter(struct zin *z, const char *type, const struct regel_filter *f)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(type);
	const struct gebeurtenis_veld *v = t ? gebeurtenis_veld_find(t, f->veld) :
	    NULL;
	const char *waarde = f->waarde;
	size_t i;

	if (v == NULL) {
		zin_voeg(z, "%s is %s", f->veld, f->waarde);
		return;
	}
	if (v->soort == GV_JA_NEE)
		waarde = strcmp(f->waarde, "ja") == 0 ? "ja" : "nee";
	for (i = 0; v->waarden != NULL && v->waarden[i].code != NULL; i++)
		if (strcmp(v->waarden[i].code, f->waarde) == 0)
			waarde = v->waarden[i].label;
	zin_voeg(z, "%s: %s", v->label, waarde);
}

static const char *
uitleg_tel(enum regel_tel t)
{
	switch (t) {
	case TEL_INWONERS:
		return "verschillende inwoners";
	case TEL_TRAJECTEN:
		return "verschillende trajecten";
	case TEL_GEBEURTENISSEN:
		return "gebeurtenissen";
	}
	return "inwoners";
}

static void
uitleg_telling(struct zin *z, const struct indicator_regel *r)
{
	size_t i;

	zin_voeg(z, "Telt de %s met een gebeurtenis \u201c%s\u201d in de "
	    "periode", uitleg_tel(r->tel), uitleg_type(r->type));
	for (i = 0; i < r->nfilter; i++) {
		zin_voeg(z, i == 0 ? " waarbij " : " en ");
		uitleg_filter(z, r->type, &r->filter[i]);
	}
	if (r->traject_soort != NULL) {
		const char *l = traject_soort_label(r->traject_soort);

		zin_voeg(z, ", op trajecten van de soort %s", l ? l :
		    r->traject_soort);
	}
	if (r->thema_id > 0)
		zin_voeg(z, ", van thema %lld", (long long)r->thema_id);
	if (r->opdracht_id > 0)
		zin_voeg(z, ", binnen opdracht %lld", (long long)r->opdracht_id);
	zin_voeg(z, "; een gebeurtenis die door een correctie is vervallen, "
	    "telt niet mee");
	for (i = 0; i < r->nuitsplitsing; i++) {
		const struct regel_uitsplitsing *u = &r->uitsplitsing[i];

		zin_voeg(z, i == 0 ? ". Uitgesplitst naar " : " en naar ");
		if (u->veld == NULL)
			zin_voeg(z, "wie de inwoner begeleidt op de laatste dag van "
			    "de periode (ketenstatus)");
		else
			zin_voeg(z, "%s", u->def != NULL ? u->def->label : u->veld);
	}
	zin_voeg(z, ".");
}

char *
indicator_regel_uitleg(const struct indicator_regel *r, char *out, size_t n)
{
	struct zin z = { out, n, 0 };

	if (n == 0)
		return out;
	out[0] = '\0';
	switch (r->soort) {
	case REGEL_TELLING:
		uitleg_telling(&z, r);
		break;
	case REGEL_STAND:
		if (r->toestand < TOESTAND_OP_WACHTLIJST ||
		    r->toestand > TOESTAND_OVERDRACHT_OPEN)
			break;
		zin_voeg(&z, "Telt de inwoners met de stand \u201c%s\u201d op de "
		    "laatste dag van de periode, zoals de ketenstatus en de "
		    "wachtlijst die tonen.",
		    indicator_toestanden[r->toestand - 1].label);
		break;
	case REGEL_DUUR:
		zin_voeg(&z, "De %s van het aantal dagen van \u201c%s\u201d tot de "
		    "eerstvolgende \u201c%s\u201d van dezelfde inwoner, geteld in "
		    "de periode waarin \u201c%s\u201d valt.",
		    r->statistiek == STAT_GEMIDDELDE ? "gemiddelde" : "mediaan",
		    uitleg_type(r->type), uitleg_type(r->tot_type),
		    uitleg_type(r->tot_type));
		break;
	case REGEL_VERHOUDING:
		zin_voeg(&z, "De waarde van indicator %s gedeeld door die van "
		    "indicator %s%s, per wijk en voor het totaal.", r->teller,
		    r->noemer, r->procent ? ", als percentage" : "");
		break;
	}
	return out;
}
