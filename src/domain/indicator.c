/*
 * indicator.c — the vocabulary of the indicator catalogue: its lists, the
 * categories of an uitsplitsing, the kenmerken of an event and the check
 * that a verhouding does not count itself; see indicator.h. The reading
 * of an indicator's rule is indicator_regel.c, which builds on the few
 * helpers of this file that indicator_intern.h names.
 *
 * This file must never do I/O or know about SQL or HTTP.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/indicator_intern.h"
#include "domain/ketenstatus.h"

#define IND_DIEPTE_MAX	16	/* most steps of a chain of verhoudingen */

#define IND_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ the lists */

const struct veld_optie indicator_eenheden[] = {
	{ "aantal", "Aantal" },
	{ "percentage", "Percentage" },
	{ "dagen", "Aantal dagen" },
	{ "euro", "Bedrag in euro" },
	{ "fte", "Formatie in fte" },
	{ "tekst", "Tekst" },
	{ NULL, NULL },
};

const struct veld_optie indicator_bronnen[] = {
	{ "berekend", "Berekend uit de registratie" },
	{ "handmatig", "Handmatig ingevuld in de rapportage" },
	{ "ketenpartner", "Aangeleverd door een ketenpartner" },
	{ NULL, NULL },
};

const struct veld_optie indicator_partijen[] = {
	{ "werkom", "Werkom" },
	{ "uitkeringen", "Uitkeringen" },
	{ "naleving", "Naleving" },
	{ NULL, NULL },
};

const struct veld_optie indicator_regelsoorten[] = {
	{ "telling", "Telling" },
	{ "stand", "Stand op de laatste dag" },
	{ "duur", "Duur" },
	{ "verhouding", "Verhouding" },
	{ NULL, NULL },
};

const struct veld_optie indicator_tellingen[] = {
	{ "inwoners", "Inwoners" },
	{ "trajecten", "Trajecten" },
	{ "gebeurtenissen", "Gebeurtenissen" },
	{ NULL, NULL },
};

/* In the order of enum regel_toestand. */
const struct veld_optie indicator_toestanden[] = {
	{ "op_wachtlijst", "Op de wachtlijst van het wijkteam" },
	{ "bij_wijkteam", "Bij het wijkteam" },
	{ "bij_werkom", "Bij Werkom" },
	{ "bij_naleving", "Bij Naleving (Meedoen Werkt)" },
	{ "bij_uwv", "Bij het UWV" },
	{ "overdracht_open", "Overdracht aan Werkom nog niet beantwoord" },
	{ NULL, NULL },
};

const struct veld_optie indicator_statistieken[] = {
	{ "mediaan", "Mediaan" },
	{ "gemiddelde", "Gemiddelde" },
	{ NULL, NULL },
};

/* The position of code in lijst, or -1. */
int
optie_plaats(const struct veld_optie *lijst, const char *code)
{
	int i;

	if (lijst == NULL || code == NULL)
		return -1;
	for (i = 0; lijst[i].code != NULL; i++)
		if (strcmp(lijst[i].code, code) == 0)
			return i;
	return -1;
}

const char *
indicator_label(const struct veld_optie *lijst, const char *code)
{
	int i = optie_plaats(lijst, code);

	return i >= 0 ? lijst[i].label : NULL;
}

/* ------------------------------------------------------------ categories */

/* The partij codes of ketenstatus.h, in the order of enum partij. */
static const char *const ketenstatus_cat[] = {
	"geen", "wijkteam", "werkom", "naleving", "uwv",
};

static const char *const ja_nee_cat[] = { "ja", "nee" };

/*
 * The codes of a keuze or getal field's waarden as an array of pointers,
 * which is what indicator_categorieen() promises and what the table of
 * gebeurtenis.c (pairs of code and label) does not hold. Built once per
 * waarden list on first use and kept: the lists are static data and few,
 * and the worker is one thread. Keyed by the waarden pointer, never by a
 * copy of the field. A list that does not fit gets no categories, which a
 * test over the whole table would catch.
 */
#define IND_CAT_LIJSTEN	32
#define IND_CAT_CODES	16

static struct {
	const struct veld_optie  *waarden;
	const char               *code[IND_CAT_CODES];
	size_t                    n;
} cat_cache[IND_CAT_LIJSTEN];
static size_t ncat_cache;

static const char *const *
waarden_codes(const struct veld_optie *w, size_t *n)
{
	size_t i, k;

	for (i = 0; i < ncat_cache; i++)
		if (cat_cache[i].waarden == w) {
			*n = cat_cache[i].n;
			return cat_cache[i].code;
		}
	for (k = 0; w[k].code != NULL; k++)
		if (k == IND_CAT_CODES)
			return NULL;
	if (k == 0 || ncat_cache == IND_CAT_LIJSTEN)
		return NULL;
	i = ncat_cache++;
	cat_cache[i].waarden = w;
	for (k = 0; w[k].code != NULL; k++)
		cat_cache[i].code[k] = w[k].code;
	cat_cache[i].n = k;
	*n = k;
	return cat_cache[i].code;
}

/* Whether a field has a fixed set of categories at all, and may be shown
 * to whoever sees the figures. */
int
veld_splitsbaar(const struct gebeurtenis_veld *v)
{
	if (v->vlag & GV_ALLEEN_WIJKTEAM)
		return 0;
	return v->soort == GV_JA_NEE ||
	    (v->soort == GV_KEUZE && v->waarden != NULL) ||
	    (v->soort == GV_GETAL && v->waarden != NULL);
}

/* Why field v can be neither a filter nor an uitsplitsing, as the end of
 * a sentence; NULL when it can be a filter. */
const char *
veld_verboden(const struct gebeurtenis_veld *v)
{
	if (v->vlag & GV_ALLEEN_WIJKTEAM)
		return "dit veld is alleen voor het wijkteam";
	if (v->soort == GV_TEKST)
		return "het is vrije tekst";
	if (v->soort == GV_DATUM)
		return "het is een datum";
	return NULL;
}

const char *const *
indicator_categorieen(const struct regel_uitsplitsing *u, size_t *n)
{
	const char *const *c;

	*n = 0;
	if (u == NULL)
		return NULL;
	if (u->def == NULL) {
		*n = IND_NELEM(ketenstatus_cat);
		return ketenstatus_cat;
	}
	if (!veld_splitsbaar(u->def))
		return NULL;
	if (u->def->soort == GV_JA_NEE) {
		*n = IND_NELEM(ja_nee_cat);
		return ja_nee_cat;
	}
	if ((c = waarden_codes(u->def->waarden, n)) == NULL)
		*n = 0;
	return c;
}

const char *
indicator_categorie_label(const struct regel_uitsplitsing *u, const char *code)
{
	size_t i;

	if (u == NULL || code == NULL)
		return NULL;
	if (u->def == NULL) {
		for (i = 0; i < IND_NELEM(ketenstatus_cat); i++)
			if (strcmp(ketenstatus_cat[i], code) == 0)
				return ketenstatus_partij_label((enum partij)i);
		return NULL;
	}
	if (!veld_splitsbaar(u->def))
		return NULL;
	if (u->def->soort == GV_JA_NEE)
		return strcmp(code, "ja") == 0 ? "Ja" :
		    strcmp(code, "nee") == 0 ? "Nee" : NULL;
	return indicator_label(u->def->waarden, code);
}

/* ------------------------------------------------------------ kenmerken */

/* The member key of o, NULL when absent or JSON null (as gebeurtenis.c
 * treats null: the same as leaving the key out). */
struct json_object *
regel_lid(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* The kenmerken spelling of one field's value, or 0 when the event has
 * none that can be written (absent, or not of the field's kind: old data
 * never breaks the projection, the event just lacks the kenmerk). Only
 * the table's own codes are written, so no value can smuggle a ';' or
 * '=' in. */
static int
kenmerk_waarde(const struct gebeurtenis_veld *v, struct json_object *o,
    char *w, size_t n)
{
	int i;

	switch (v->soort) {
	case GV_KEUZE:
		if (!json_object_is_type(o, json_type_string))
			return 0;
		if ((i = optie_plaats(v->waarden,
		    json_object_get_string(o))) < 0)
			return 0;
		snprintf(w, n, "%s", v->waarden[i].code);
		return 1;
	case GV_JA_NEE:
		if (!json_object_is_type(o, json_type_boolean))
			return 0;
		snprintf(w, n, "%s", json_object_get_boolean(o) ? "ja" : "nee");
		return 1;
	case GV_GETAL:
		if (!json_object_is_type(o, json_type_int))
			return 0;
		snprintf(w, n, "%lld", (long long)json_object_get_int64(o));
		return 1;
	case GV_TEKST:
	case GV_DATUM:
		break;
	}
	return 0;
}

int
indicator_kenmerken(const struct gebeurtenis_type *t,
    struct json_object *gegevens, char *out, size_t n)
{
	const struct gebeurtenis_veld *v;
	struct json_object *o;
	char w[32];
	size_t i, len = 0;
	int k;

	if (n == 0)
		return -1;
	out[0] = '\0';
	if (t == NULL || gegevens == NULL ||
	    !json_object_is_type(gegevens, json_type_object))
		return 0;
	for (i = 0; i < t->nvelden; i++) {
		v = &t->velden[i];
		if (veld_verboden(v) != NULL ||
		    (o = regel_lid(gegevens, v->naam)) == NULL ||
		    !kenmerk_waarde(v, o, w, sizeof(w)))
			continue;
		k = snprintf(out + len, n - len, "%s%s=%s", len > 0 ? ";" : "",
		    v->naam, w);
		if (k < 0 || (size_t)k >= n - len) {
			out[0] = '\0';
			return -1;
		}
		len += (size_t)k;
	}
	return (int)len;
}

int
indicator_kenmerk(const char *kenmerken, const char *naam, char *out, size_t n)
{
	const char *s, *eind, *is;
	size_t lnaam, lw;

	if (n > 0)
		out[0] = '\0';
	if (kenmerken == NULL || naam == NULL || n == 0)
		return 0;
	lnaam = strlen(naam);
	for (s = kenmerken; *s != '\0'; s = *eind == ';' ? eind + 1 : eind) {
		eind = strchr(s, ';');
		if (eind == NULL)
			eind = s + strlen(s);
		is = memchr(s, '=', (size_t)(eind - s));
		if (is == NULL || (size_t)(is - s) != lnaam ||
		    memcmp(s, naam, lnaam) != 0)
			continue;
		lw = (size_t)(eind - is - 1);
		if (lw >= n)
			return 0;   /* a cut value would match wrongly */
		memcpy(out, is + 1, lw);
		out[lw] = '\0';
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------- cycles */

/*
 * A depth-first walk from the new rule's teller and noemer along the
 * current rules. It refuses when it reaches the indicator itself, a code
 * already on the path (a cycle that exists without it: the store's data
 * went wrong, and evaluating would not end), or a depth beyond
 * IND_DIEPTE_MAX. A code explored to the end is remembered with its
 * height (the longest chain below it), so a lattice of shared noemers is
 * looked up once, not once per path — each lookup may be a query.
 */
#define IND_ONTHOUDEN	64

struct kring {
	const char  *start;
	int        (*teller_van)(void *, const char *, const char **,
		       const char **);
	void        *arg;
	const char  *pad[IND_DIEPTE_MAX + 1];
	size_t       npad;
	struct {
		const char *code;
		size_t      hoogte;
	}            klaar[IND_ONTHOUDEN];
	size_t       nklaar;
};

/* Reaches code after diepte steps; sets *hoogte. 1: refuse. */
static int
kring_stap(struct kring *k, const char *code, size_t diepte, size_t *hoogte)
{
	const char *kind[2] = { NULL, NULL };
	size_t i, h = 0, hk;

	*hoogte = 0;
	if (strcmp(code, k->start) == 0 || diepte > IND_DIEPTE_MAX)
		return 1;
	for (i = 0; i < k->npad; i++)
		if (strcmp(k->pad[i], code) == 0)
			return 1;
	for (i = 0; i < k->nklaar; i++)
		if (strcmp(k->klaar[i].code, code) == 0) {
			*hoogte = k->klaar[i].hoogte;
			return diepte + *hoogte > IND_DIEPTE_MAX;
		}
	if (!k->teller_van(k->arg, code, &kind[0], &kind[1]))
		return 0;   /* unknown: the store reports that one */
	k->pad[k->npad++] = code;
	for (i = 0; i < 2; i++) {
		if (kind[i] == NULL)
			continue;
		if (kring_stap(k, kind[i], diepte + 1, &hk))
			return 1;
		if (hk + 1 > h)
			h = hk + 1;
	}
	k->npad--;
	if (k->nklaar < IND_ONTHOUDEN) {
		k->klaar[k->nklaar].code = code;
		k->klaar[k->nklaar++].hoogte = h;
	}
	*hoogte = h;
	return 0;
}

int
indicator_verhouding_cyclus(const char *code, const struct indicator_regel *r,
    int (*teller_van)(void *arg, const char *code, const char **teller,
    const char **noemer), void *arg)
{
	struct kring k;
	size_t h;

	if (r == NULL || r->soort != REGEL_VERHOUDING)
		return 0;
	if (code == NULL || teller_van == NULL)
		return 1;
	memset(&k, 0, sizeof(k));
	k.start = code;
	k.teller_van = teller_van;
	k.arg = arg;
	if (r->teller != NULL && kring_stap(&k, r->teller, 1, &h))
		return 1;
	if (r->noemer != NULL && kring_stap(&k, r->noemer, 1, &h))
		return 1;
	return 0;
}
