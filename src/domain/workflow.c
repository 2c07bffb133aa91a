/*
 * workflow.c — judging steps against a workflow table; see workflow.h.
 *
 * Tables are small (tens of steps), so every question is a linear scan of
 * the table: nothing is indexed, cached or allocated. Must never answer
 * WF_MAG for a step the table does not name, whatever the input.
 */
#include "config.h"

#include <string.h>

#include "domain/workflow.h"

/* Both strings given and equal: NULL matches nothing, not even NULL. */
static int
gelijk(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* A reason is missing when it holds nothing but ASCII white space. */
static int
leeg(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n\v\f", *s) == NULL)
			return 0;
	return 1;
}

/* [a-z0-9_]+: safe in a URL, a form value, a CSS class and a column. */
static int
is_code(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

/* Whether someone holding rollen may take st; bits beyond ROL_ALL grant
 * nothing. */
static int
rol_mag(const struct workflow_stap *st, unsigned rollen)
{
	return (st->rollen & rollen & ROL_ALL) != 0;
}

enum workflow_oordeel
workflow_toets(const struct workflow *wf, const char *staat,
    const char *actie, unsigned rollen, const char *reden,
    const struct workflow_stap **stap)
{
	const struct workflow_stap *st = NULL;
	size_t i;
	int bekend = 0;

	if (stap != NULL)
		*stap = NULL;
	for (i = 0; wf != NULL && wf->stappen != NULL && i < wf->nstappen;
	    i++) {
		if (!gelijk(wf->stappen[i].actie, actie))
			continue;
		bekend = 1;
		if (gelijk(wf->stappen[i].van, staat)) {
			st = &wf->stappen[i];
			break;
		}
	}
	if (!bekend)
		return WF_ONBEKENDE_ACTIE;
	if (st == NULL)
		return WF_NIET_IN_DEZE_STAAT;
	if (!rol_mag(st, rollen))
		return WF_ROL_ONTBREEKT;
	if (st->reden_verplicht && leeg(reden))
		return WF_REDEN_ONTBREEKT;
	if (stap != NULL)
		*stap = st;
	return WF_MAG;
}

const char *
workflow_oordeel_tekst(enum workflow_oordeel o)
{
	switch (o) {
	case WF_MAG:
		return "Deze actie is toegestaan.";
	case WF_ONBEKENDE_ACTIE:
		return "Deze actie bestaat niet.";
	case WF_NIET_IN_DEZE_STAAT:
		return "Deze actie kan niet in deze staat.";
	case WF_ROL_ONTBREEKT:
		return "Voor deze actie hebt u een andere rol nodig.";
	case WF_REDEN_ONTBREEKT:
		return "Geef een reden op voor deze actie.";
	}
	return "Deze actie kan niet.";
}

size_t
workflow_acties(const struct workflow *wf, const char *staat,
    unsigned rollen, const struct workflow_stap **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; wf != NULL && wf->stappen != NULL && i < wf->nstappen &&
	    n < max; i++)
		if (gelijk(wf->stappen[i].van, staat) &&
		    rol_mag(&wf->stappen[i], rollen))
			out[n++] = &wf->stappen[i];
	return n;
}

/*
 * Marks the steps whose van can be reached from begin: those starting at
 * begin, then those starting where a marked step ends, until nothing
 * changes. At most nstappen rounds of nstappen^2 comparisons.
 */
static void
bereik(const struct workflow *wf, unsigned char *bereikt)
{
	const struct workflow_stap *s = wf->stappen;
	size_t i, j;
	int meer;

	memset(bereikt, 0, wf->nstappen);
	do {
		meer = 0;
		for (i = 0; i < wf->nstappen; i++) {
			if (bereikt[i])
				continue;
			for (j = 0; j < wf->nstappen && !bereikt[i]; j++)
				if (bereikt[j] && gelijk(s[j].naar, s[i].van))
					bereikt[i] = 1;
			if (gelijk(s[i].van, wf->begin))
				bereikt[i] = 1;
			meer |= bereikt[i];
		}
	} while (meer);
}

enum workflow_gebrek
workflow_gebrek(const struct workflow *wf, size_t *stap)
{
	unsigned char bereikt[WORKFLOW_MAX_STAPPEN];
	const struct workflow_stap *s;
	size_t i, j, waar;
	enum workflow_gebrek g = WFG_GEEN;

	waar = wf != NULL ? wf->nstappen : 0;
	if (wf == NULL || wf->stappen == NULL || wf->nstappen == 0 ||
	    wf->nstappen > WORKFLOW_MAX_STAPPEN) {
		g = WFG_LEEG;
		goto out;
	}
	if (!is_code(wf->naam) || !is_code(wf->begin)) {
		g = WFG_CODE;
		goto out;
	}
	s = wf->stappen;
	for (i = 0; i < wf->nstappen && g == WFG_GEEN; i++) {
		waar = i;
		if (!is_code(s[i].van) || !is_code(s[i].actie) ||
		    !is_code(s[i].naar))
			g = WFG_CODE;
		else if (s[i].rollen == 0 || (s[i].rollen & ~(unsigned)ROL_ALL))
			g = WFG_ROLLEN;
		for (j = 0; j < i && g == WFG_GEEN; j++)
			if (gelijk(s[j].van, s[i].van) &&
			    gelijk(s[j].actie, s[i].actie))
				g = WFG_DUBBEL;
	}
	if (g != WFG_GEEN)
		goto out;
	waar = wf->nstappen;
	bereik(wf, bereikt);
	for (i = 0; i < wf->nstappen; i++)
		if (!bereikt[i]) {
			g = WFG_ONBEREIKBAAR;
			waar = i;
			break;
		}
out:
	if (stap != NULL)
		*stap = waar;
	return g;
}

int
workflow_geldig(const struct workflow *wf)
{
	return workflow_gebrek(wf, NULL) == WFG_GEEN;
}

const char *
workflow_gebrek_tekst(enum workflow_gebrek g)
{
	switch (g) {
	case WFG_GEEN:
		return "the table is in order";
	case WFG_LEEG:
		return "no steps, or more than WORKFLOW_MAX_STAPPEN";
	case WFG_CODE:
		return "a name, state or action is not [a-z0-9_]+";
	case WFG_ROLLEN:
		return "a step no role may take, or an unknown role bit";
	case WFG_DUBBEL:
		return "two steps with the same state and action";
	case WFG_ONBEREIKBAAR:
		return "a state that cannot be reached from begin";
	}
	return "unknown fault";
}

static const struct workflow_stap formatversie_stappen[] = {
	{ "concept", "consulteren", "consultatie",
	    ROL_REGISSEUR | ROL_BEHEERDER, 0 },
	{ "consultatie", "terugnemen", "concept",
	    ROL_REGISSEUR | ROL_BEHEERDER, 0 },
	{ "concept", "publiceren", "gepubliceerd",
	    ROL_REGISSEUR | ROL_BEHEERDER, 0 },
	{ "consultatie", "publiceren", "gepubliceerd",
	    ROL_REGISSEUR | ROL_BEHEERDER, 0 },
};

const struct workflow formatversie_workflow = {
	"formatversie", formatversie_stappen,
	sizeof(formatversie_stappen) / sizeof(formatversie_stappen[0]),
	"concept"
};

/* Issue 12. The teamleider submits; the regisseur of the format's keten
 * sends back, establishes, and reopens (which keten: the operation's check,
 * ops/rapportage.c). A vaststelling needs a terugkoppeling rather than a
 * reason: the operation asks for it. */
static const struct workflow_stap rapportage_stappen[] = {
	{ "concept", "indienen", "ingediend", ROL_TEAMLEIDER, 0 },
	{ "ingediend", "terugsturen", "concept", ROL_REGISSEUR, 1 },
	{ "ingediend", "vaststellen", "vastgesteld", ROL_REGISSEUR, 0 },
	{ "vastgesteld", "heropenen", "concept", ROL_REGISSEUR, 1 },
};

const struct workflow rapportage_workflow = {
	"rapportage", rapportage_stappen,
	sizeof(rapportage_stappen) / sizeof(rapportage_stappen[0]),
	"concept"
};
