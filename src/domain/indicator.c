/*
 * indicator.c — the vocabulary of the indicator catalogue and the reading
 * of an indicator's rule; see indicator.h.
 *
 * A rule is read strictly against the gebeurtenistype table of
 * gebeurtenis.c: every key of every kind is declared below, every event
 * type, field and value must exist there, and whatever a rule could not
 * count (a correctie, a free-text field, a field that is the wijkteam's
 * alone) is refused when the rule is saved rather than counted as nothing
 * later. This file must never do I/O, know about SQL or HTTP, or put a
 * submitted value into an error message: messages are built from the
 * tables' labels only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/ketenstatus.h"
#include "domain/traject.h"
#include "domain/veldfout.h"

#define IND_MELDING_MAX	512	/* longest message we write */
#define IND_VELD_MAX	128	/* longest "regel.<key>.<key>" we name */
#define IND_NAAM_MAX	64	/* a key safe to name; an indicator code */
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
static int
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
static int
veld_splitsbaar(const struct gebeurtenis_veld *v)
{
	if (v->vlag & GV_ALLEEN_WIJKTEAM)
		return 0;
	return v->soort == GV_JA_NEE ||
	    (v->soort == GV_KEUZE && v->waarden != NULL) ||
	    (v->soort == GV_GETAL && v->waarden != NULL);
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

/* ------------------------------------------------------------- reading */

/* A key safe to name in an error: [a-z0-9_], 1 .. IND_NAAM_MAX. Also the
 * shape of an indicator code. */
static int
sleutel_veilig(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (i >= IND_NAAM_MAX || !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return i > 0;
}

/* Appends an error on "regel", "regel.<a>" or "regel.<a>.<b>"; a key that
 * is not safe to name is left out (the error falls on its parent). */
static void
regel_fout(struct json_object *fouten, const char *a, const char *b,
    const char *melding)
{
	char veld[IND_VELD_MAX];

	if (a == NULL || !sleutel_veilig(a))
		snprintf(veld, sizeof(veld), "regel");
	else if (b == NULL || !sleutel_veilig(b))
		snprintf(veld, sizeof(veld), "regel.%s", a);
	else
		snprintf(veld, sizeof(veld), "regel.%s.%s", a, b);
	fout_melding(fouten, veld, melding);
}

/* "Kies <wat>: A, B of C." from a list's labels. */
static void
regel_fout_keuze(struct json_object *fouten, const char *a, const char *b,
    const char *wat, const struct veld_optie *lijst)
{
	char l[IND_MELDING_MAX / 2], m[IND_MELDING_MAX];

	veld_opties_tekst(lijst, l, sizeof(l));
	snprintf(m, sizeof(m), "Kies %s: %s.", wat, l);
	regel_fout(fouten, a, b, m);
}

/* The member key of o, NULL when absent or JSON null (as gebeurtenis.c
 * treats null: the same as leaving the key out). */
static struct json_object *
regel_lid(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* Reads a required choice among lijst into *keuze (1-based, the enums'
 * numbering); returns -1 when it is absent, not a string or not one. */
static int
regel_keuze(struct json_object *rule, const char *key,
    const struct veld_optie *lijst, int *keuze)
{
	struct json_object *v = regel_lid(rule, key);
	int i = -1;

	if (v != NULL && json_object_is_type(v, json_type_string))
		i = optie_plaats(lijst, json_object_get_string(v));
	if (i < 0)
		return -1;
	*keuze = i + 1;
	return 0;
}

/*
 * Reads a countable event type under key into *type (the table's own
 * code, so that the rule outlives the JSON for this field). Appends an
 * error and returns 1 when there is none, or it is the correctie: voided
 * events never reach a figure, and the correction itself is bookkeeping.
 */
static int
regel_type(struct json_object *rule, const char *key,
    const struct gebeurtenis_type **type, struct json_object *fouten)
{
	struct json_object *v = regel_lid(rule, key);
	const struct gebeurtenis_type *t;

	if (v == NULL || !json_object_is_type(v, json_type_string)) {
		regel_fout(fouten, key, NULL, "Kies een soort gebeurtenis.");
		return 1;
	}
	t = gebeurtenis_type_find(json_object_get_string(v));
	if (t == NULL) {
		regel_fout(fouten, key, NULL, "Onbekend soort gebeurtenis.");
		return 1;
	}
	if (t->vlag & GT_VOLGT_VERVALLEN) {
		regel_fout(fouten, key, NULL, "Een correctie wordt niet "
		    "geteld: zij laat een andere gebeurtenis vervallen.");
		return 1;
	}
	*type = t;
	return 0;
}

/* Why field v can be neither a filter nor an uitsplitsing, as the end of
 * a sentence; NULL when it can be a filter. */
static const char *
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

/* Reads one filter value of field v into w (the kenmerken spelling);
 * appends an error on regel.filters.<naam> and returns 1 when it is not
 * one of the field's values. */
static int
filter_waarde(const struct gebeurtenis_veld *v, struct json_object *o,
    struct regel_filter *w, struct json_object *fouten)
{
	char klein[96], l[IND_MELDING_MAX / 2], m[IND_MELDING_MAX];
	int64_t g;

	switch (v->soort) {
	case GV_KEUZE:
		if (json_object_is_type(o, json_type_string) &&
		    optie_plaats(v->waarden, json_object_get_string(o)) >= 0) {
			snprintf(w->waarde, sizeof(w->waarde), "%s",
			    json_object_get_string(o));
			return 0;
		}
		break;
	case GV_JA_NEE:
		if (json_object_is_type(o, json_type_boolean)) {
			snprintf(w->waarde, sizeof(w->waarde), "%s",
			    json_object_get_boolean(o) ? "ja" : "nee");
			return 0;
		}
		snprintf(m, sizeof(m), "%s moet ja of nee zijn (true of "
		    "false).", v->label);
		regel_fout(fouten, "filters", v->naam, m);
		return 1;
	case GV_GETAL:
		/* json-c keeps 1.0 a double and "1" a string: both refused */
		if (json_object_is_type(o, json_type_int)) {
			g = json_object_get_int64(o);
			snprintf(w->waarde, sizeof(w->waarde), "%lld",
			    (long long)g);
			if (g >= v->min && g <= v->max && (v->waarden == NULL ||
			    optie_plaats(v->waarden, w->waarde) >= 0))
				return 0;
			w->waarde[0] = '\0';
		}
		if (v->waarden == NULL) {
			snprintf(m, sizeof(m), "%s moet een geheel getal van "
			    "%lld tot en met %lld zijn.", v->label,
			    (long long)v->min, (long long)v->max);
			regel_fout(fouten, "filters", v->naam, m);
			return 1;
		}
		break;
	case GV_TEKST:
	case GV_DATUM:
		break;   /* refused before: veld_verboden() */
	}
	veld_label_klein(v->label, klein, sizeof(klein));
	veld_opties_tekst(v->waarden, l, sizeof(l));
	snprintf(m, sizeof(m), "Kies bij %s een van deze mogelijkheden: %s.",
	    klein, l);
	regel_fout(fouten, "filters", v->naam, m);
	return 1;
}

/* The payload filters of a telling over type t (NULL: the type was
 * refused, so only the shape is checked). Returns the errors appended. */
static int
lees_filters(struct json_object *o, const struct gebeurtenis_type *t,
    struct indicator_regel *r, struct json_object *fouten)
{
	const struct gebeurtenis_veld *v;
	const char *waarom;
	char m[IND_MELDING_MAX];
	int nf = 0;

	if (!json_object_is_type(o, json_type_object)) {
		regel_fout(fouten, "filters", NULL, "Filters moeten een object "
		    "zijn: per veld de waarde die de gebeurtenis moet hebben.");
		return 1;
	}
	json_object_object_foreach(o, k0, v0) {
		(void)k0;
		if (v0 != NULL)
			nf++;
	}
	if (nf > REGEL_FILTERS) {
		snprintf(m, sizeof(m), "Een regel heeft hoogstens %d filters.",
		    REGEL_FILTERS);
		regel_fout(fouten, "filters", NULL, m);
		return 1;
	}
	nf = 0;
	if (t == NULL)
		return 0;
	json_object_object_foreach(o, key, val) {
		v = gebeurtenis_veld_find(t, key);
		if (v == NULL) {
			regel_fout(fouten, "filters", key, "Dit veld hoort "
			    "niet bij dit soort gebeurtenis.");
			nf++;
			continue;
		}
		if (val == NULL)     /* null: no filter, as gebeurtenis.c */
			continue;
		if ((waarom = veld_verboden(v)) != NULL) {
			snprintf(m, sizeof(m), "Op %s kan niet worden "
			    "gefilterd: %s.", v->label, waarom);
			regel_fout(fouten, "filters", v->naam, m);
			nf++;
			continue;
		}
		if (filter_waarde(v, val, &r->filter[r->nfilter],
		    fouten) != 0) {
			nf++;
			continue;
		}
		r->filter[r->nfilter++].veld = v->naam;
	}
	return nf;
}

/* A positive id under regel.traject.<key> into *id. */
static int
traject_ref(struct json_object *o, const char *key, const char *label,
    int64_t *id, struct json_object *fouten)
{
	char m[IND_MELDING_MAX];
	int64_t g;

	if (json_object_is_type(o, json_type_int)) {
		g = json_object_get_int64(o);
		if (g >= 1 && g <= WZ_MAX_ID) {
			*id = g;
			return 0;
		}
	}
	snprintf(m, sizeof(m), "%s moet een nummer (id) van 1 of hoger zijn.",
	    label);
	regel_fout(fouten, "traject", key, m);
	return 1;
}

/* The traject filters of a telling: {"soort", "thema_id", "opdracht_id"},
 * each optional. Whether the thema or opdracht exists the store checks. */
static int
lees_traject(struct json_object *o, struct indicator_regel *r,
    struct json_object *fouten)
{
	int i, nf = 0;

	if (!json_object_is_type(o, json_type_object)) {
		regel_fout(fouten, "traject", NULL, "Het traject moet een "
		    "object zijn met soort, thema_id of opdracht_id.");
		return 1;
	}
	json_object_object_foreach(o, key, val) {
		if (val == NULL)
			continue;
		if (strcmp(key, "soort") == 0) {
			i = json_object_is_type(val, json_type_string) ?
			    optie_plaats(traject_soorten,
			    json_object_get_string(val)) : -1;
			if (i < 0) {
				regel_fout_keuze(fouten, "traject", "soort",
				    "een van deze soorten traject",
				    traject_soorten);
				nf++;
			} else
				r->traject_soort = traject_soorten[i].code;
		} else if (strcmp(key, "thema_id") == 0)
			nf += traject_ref(val, key, "Het thema", &r->thema_id,
			    fouten);
		else if (strcmp(key, "opdracht_id") == 0)
			nf += traject_ref(val, key, "De opdracht",
			    &r->opdracht_id, fouten);
		else {
			regel_fout(fouten, "traject", key, "Op dit gegeven van "
			    "het traject kan niet worden gefilterd.");
			nf++;
		}
	}
	return nf;
}

/* The figures name a category by its code alone ({"<code>": n}), so two
 * ja_nee fields would both say "ja". */
int
indicator_uitsplitsingen_botsen(const struct regel_uitsplitsing *a,
    const struct regel_uitsplitsing *b)
{
	const char *const *ca, *const *cb;
	size_t na, nb, i, k;

	ca = indicator_categorieen(a, &na);
	cb = indicator_categorieen(b, &nb);
	for (i = 0; i < na; i++)
		for (k = 0; k < nb; k++)
			if (strcmp(ca[i], cb[k]) == 0)
				return 1;
	return 0;
}

/* The uitsplitsingen of a telling over type t (NULL: refused, so fields
 * are not checked). Every error names regel.uitsplitsing. */
static int
lees_uitsplitsing(struct json_object *o, const struct gebeurtenis_type *t,
    struct indicator_regel *r, struct json_object *fouten)
{
	const struct gebeurtenis_veld *v;
	struct json_object *e;
	const char *s, *waarom;
	char m[IND_MELDING_MAX];
	size_t i, k, n;

	if (!json_object_is_type(o, json_type_array)) {
		regel_fout(fouten, "uitsplitsing", NULL, "De uitsplitsing moet "
		    "een lijst zijn van velden of \"ketenstatus\".");
		return 1;
	}
	n = json_object_array_length(o);
	if (n > REGEL_UITSPLITSINGEN) {
		snprintf(m, sizeof(m), "Een regel wordt naar hoogstens %d "
		    "velden uitgesplitst.", REGEL_UITSPLITSINGEN);
		regel_fout(fouten, "uitsplitsing", NULL, m);
		return 1;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(o, i);
		if (e == NULL || !json_object_is_type(e, json_type_string)) {
			regel_fout(fouten, "uitsplitsing", NULL, "Noem in de "
			    "uitsplitsing elk veld bij zijn naam.");
			return 1;
		}
		s = json_object_get_string(e);
		if (strcmp(s, "ketenstatus") == 0) {
			r->uitsplitsing[i].veld = NULL;
			r->uitsplitsing[i].def = NULL;
			continue;
		}
		if (t == NULL)
			return 0;
		if ((v = gebeurtenis_veld_find(t, s)) == NULL) {
			regel_fout(fouten, "uitsplitsing", NULL, "Uitsplitsen "
			    "kan alleen naar een veld van dit soort "
			    "gebeurtenis of naar de ketenstatus.");
			return 1;
		}
		waarom = veld_verboden(v);
		if (waarom == NULL && !veld_splitsbaar(v))
			waarom = "het heeft geen vaste waarden";
		if (waarom != NULL) {
			snprintf(m, sizeof(m), "Naar %s kan niet worden "
			    "uitgesplitst: %s.", v->label, waarom);
			regel_fout(fouten, "uitsplitsing", NULL, m);
			return 1;
		}
		r->uitsplitsing[i].veld = v->naam;
		r->uitsplitsing[i].def = v;
	}
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++) {
			if (r->uitsplitsing[i].def == r->uitsplitsing[k].def) {
				regel_fout(fouten, "uitsplitsing", NULL, "Elk "
				    "veld komt hoogstens één keer in de "
				    "uitsplitsing voor.");
				return 1;
			}
			if (indicator_uitsplitsingen_botsen(&r->uitsplitsing[i],
			    &r->uitsplitsing[k])) {
				regel_fout(fouten, "uitsplitsing", NULL, "Deze "
				    "velden hebben categorieën met dezelfde "
				    "naam; splits naar één van beide uit.");
				return 1;
			}
		}
	r->nuitsplitsing = n;
	return 0;
}

/* An indicator code under key: [a-z0-9_], 1 .. 64. */
static int
regel_indicatorcode(struct json_object *rule, const char *key,
    const char *wat, const char **code, struct json_object *fouten)
{
	struct json_object *v = regel_lid(rule, key);
	char m[IND_MELDING_MAX];
	const char *s;

	s = v != NULL && json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : NULL;
	/* an embedded NUL would hide the rest of the code */
	if (s == NULL || strlen(s) != (size_t)json_object_get_string_len(v) ||
	    !sleutel_veilig(s)) {
		snprintf(m, sizeof(m), "%s moet de code van een indicator "
		    "zijn: kleine letters, cijfers en _, hoogstens %d tekens.",
		    wat, IND_NAAM_MAX);
		regel_fout(fouten, key, NULL, m);
		return 1;
	}
	*code = s;
	return 0;
}

/* The keys each kind knows; "soort" is everyone's. */
static const char *const sleutels_telling[] = { "soort", "tel", "type",
    "filters", "traject", "uitsplitsing", NULL };
static const char *const sleutels_stand[] = { "soort", "toestand", NULL };
static const char *const sleutels_duur[] = { "soort", "van", "tot",
    "statistiek", NULL };
static const char *const sleutels_verhouding[] = { "soort", "teller",
    "noemer", "procent", NULL };

static int
sleutel_bekend(const char *const *lijst, const char *key)
{
	for (; *lijst != NULL; lijst++)
		if (strcmp(*lijst, key) == 0)
			return 1;
	return 0;
}

/* Keys the kind does not know. Only a telling filters or splits, so those
 * three get a sentence that says so. */
static int
regel_onbekend(struct json_object *rule, const char *const *lijst,
    struct json_object *fouten)
{
	int nf = 0;

	json_object_object_foreach(rule, key, val) {
		(void)val;
		if (sleutel_bekend(lijst, key))
			continue;
		if (strcmp(key, "filters") == 0)
			regel_fout(fouten, key, NULL, "Alleen een telling kan "
			    "filters hebben.");
		else if (strcmp(key, "traject") == 0)
			regel_fout(fouten, key, NULL, "Alleen een telling kan "
			    "naar het traject filteren.");
		else if (strcmp(key, "uitsplitsing") == 0)
			regel_fout(fouten, key, NULL, "Alleen een telling kan "
			    "worden uitgesplitst.");
		else
			regel_fout(fouten, key, NULL, "Dit veld hoort niet bij "
			    "deze soort regel.");
		nf++;
	}
	return nf;
}

static int
lees_telling(struct json_object *rule, struct indicator_regel *r,
    struct json_object *fouten)
{
	const struct gebeurtenis_type *t = NULL;
	struct json_object *o;
	int k, nf = 0;

	if (regel_keuze(rule, "tel", indicator_tellingen, &k) != 0) {
		regel_fout_keuze(fouten, "tel", NULL, "wat er geteld wordt",
		    indicator_tellingen);
		nf++;
	} else
		r->tel = (enum regel_tel)k;
	if (regel_type(rule, "type", &t, fouten) != 0)
		nf++;
	else
		r->type = t->code;
	if ((o = regel_lid(rule, "filters")) != NULL)
		nf += lees_filters(o, t, r, fouten);
	if ((o = regel_lid(rule, "traject")) != NULL)
		nf += lees_traject(o, r, fouten);
	if ((o = regel_lid(rule, "uitsplitsing")) != NULL)
		nf += lees_uitsplitsing(o, t, r, fouten);
	return nf;
}

static int
lees_stand(struct json_object *rule, struct indicator_regel *r,
    struct json_object *fouten)
{
	int k;

	if (regel_keuze(rule, "toestand", indicator_toestanden, &k) != 0) {
		regel_fout_keuze(fouten, "toestand", NULL, "een van deze "
		    "toestanden", indicator_toestanden);
		return 1;
	}
	r->toestand = (enum regel_toestand)k;
	return 0;
}

static int
lees_duur(struct json_object *rule, struct indicator_regel *r,
    struct json_object *fouten)
{
	const struct gebeurtenis_type *a = NULL, *b = NULL;
	int k, nf = 0;

	if (regel_type(rule, "van", &a, fouten) != 0)
		nf++;
	if (regel_type(rule, "tot", &b, fouten) != 0)
		nf++;
	else if (a == b) {
		/* a wait from one event to the next of the same type is no
		 * wait that ends: the pairing would be ambiguous */
		regel_fout(fouten, "tot", NULL, "Kies voor het einde een ander "
		    "soort gebeurtenis dan voor het begin.");
		nf++;
	}
	if (regel_keuze(rule, "statistiek", indicator_statistieken, &k) != 0) {
		regel_fout_keuze(fouten, "statistiek", NULL, "een van deze "
		    "statistieken", indicator_statistieken);
		nf++;
	} else
		r->statistiek = (enum regel_statistiek)k;
	if (nf == 0) {
		r->type = a->code;
		r->tot_type = b->code;
	}
	return nf;
}

static int
lees_verhouding(struct json_object *rule, struct indicator_regel *r,
    struct json_object *fouten)
{
	struct json_object *v;
	const char *t = NULL, *n = NULL;
	int nf = 0;

	nf += regel_indicatorcode(rule, "teller", "De teller", &t, fouten);
	nf += regel_indicatorcode(rule, "noemer", "De noemer", &n, fouten);
	if (t != NULL && n != NULL && strcmp(t, n) == 0) {
		regel_fout(fouten, "noemer", NULL, "De noemer moet een andere "
		    "indicator zijn dan de teller.");
		nf++;
	}
	v = regel_lid(rule, "procent");
	if (v == NULL || !json_object_is_type(v, json_type_boolean)) {
		regel_fout(fouten, "procent", NULL, "Procent moet ja of nee "
		    "zijn (true of false).");
		nf++;
	} else
		r->procent = json_object_get_boolean(v) ? 1 : 0;
	r->teller = t;
	r->noemer = n;
	return nf;
}

int
indicator_regel_lees(struct json_object *rule, struct indicator_regel *out,
    struct json_object *fouten)
{
	struct indicator_regel r;
	const char *const *sleutels;
	int k, nf;

	if (rule == NULL || !json_object_is_type(rule, json_type_object)) {
		regel_fout(fouten, NULL, NULL, "De regel moet een object "
		    "zijn.");
		return 1;
	}
	if (regel_keuze(rule, "soort", indicator_regelsoorten, &k) != 0) {
		regel_fout_keuze(fouten, "soort", NULL, "een van deze soorten "
		    "regel", indicator_regelsoorten);
		return 1;   /* the other keys depend on the kind */
	}
	memset(&r, 0, sizeof(r));
	r.soort = (enum regel_soort)k;
	switch (r.soort) {
	case REGEL_TELLING:
		nf = lees_telling(rule, &r, fouten);
		sleutels = sleutels_telling;
		break;
	case REGEL_STAND:
		nf = lees_stand(rule, &r, fouten);
		sleutels = sleutels_stand;
		break;
	case REGEL_DUUR:
		nf = lees_duur(rule, &r, fouten);
		sleutels = sleutels_duur;
		break;
	case REGEL_VERHOUDING:
	default:
		nf = lees_verhouding(rule, &r, fouten);
		sleutels = sleutels_verhouding;
		break;
	}
	nf += regel_onbekend(rule, sleutels, fouten);
	if (nf == 0)
		*out = r;
	return nf;
}

/* ------------------------------------------------------------ kenmerken */

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
