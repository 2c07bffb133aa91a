/*
 * ketenpartnerwaarde.c — the ketenpartners' values; see
 * ketenpartnerwaarde.h.
 *
 * Why one screen per periode: the audit found the wijkteams asking
 * Uitkeringen, Naleving and Werkom for these figures for every
 * rapportage anew. The party enters them once, for every organisatie and
 * wijk, and every rapportage of the periode shows them (or that they are
 * still missing). Never: a value of another party written, or a number
 * through a double.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "domain/streefwaarde.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "ops/ketenpartnerwaarde.h"

/* Who reads which cells (ketenpartnerwaarde.h): the party's code for a
 * ketenpartner, the keten ids for a regisseur, neither for all.
 * OPS_GEWEIGERD for a caller who may read none. */
static enum ops_uitkomst
kpw_zicht(struct ops_ctx *c, struct kpw_vraag *q, const char **partij)
{
	const struct principal *who = c->who;
	char *ids;

	*partij = NULL;
	if (principal_has(who, ROL_KETENPARTNER)) {
		if (c->scope == NULL || c->scope->keten_partij == 0 ||
		    (q->partij = gebeurtenis_partij_code(
		    c->scope->keten_partij)) == NULL)
			return ops_weiger(c, OPS_GEWEIGERD, "U levert voor geen "
			    "ketenpartij cijfers aan.");
		*partij = q->partij;
		return OPS_OK;
	}
	if (principal_has(who, ROL_BEHEERDER | ROL_CONTRACTMANAGER |
	    ROL_AUDITOR))
		return OPS_OK;
	if (principal_has(who, ROL_REGISSEUR)) {
		if ((ids = arena_alloc(c->arena, 512)) == NULL)
			return ops_storing(c, DB_NOMEM, "ketenpartnerwaarde");
		principal_scope_ids(who, SCOPE_KETEN, ids, 512);
		/* No keten: "" matches no FIND_IN_SET, so nothing. */
		q->keten_ids = ids;
		return OPS_OK;
	}
	return ops_weiger(c, OPS_GEWEIGERD, NULL);
}

/* The periode's days and kind into q (codes in the arena). */
static int
kpw_periode(struct ops_ctx *c, const struct periode *p, struct kpw_vraag *q)
{
	char code[PERIODE_CODE_MAX], d[11];

	q->periode = arena_strdup(c->arena, periode_code(p, code));
	q->eerste_dag = arena_strdup(c->arena, datum_tekst(
	    periode_eerste_dag(p), d));
	q->laatste_dag = arena_strdup(c->arena, datum_tekst(
	    periode_laatste_dag(p), d));
	q->soort = p->soort == PERIODE_HALFJAAR ? "H" :
	    p->soort == PERIODE_KWARTAAL ? "Q" : "";
	return q->periode != NULL && q->eerste_dag != NULL &&
	    q->laatste_dag != NULL ? 0 : -1;
}

enum ops_uitkomst
ketenpartnerwaarde_lijst(struct ops_ctx *c, const struct periode *p,
    int64_t indicator_id, struct kpw_cel **out, size_t *n,
    const char **partij)
{
	struct kpw_vraag q;
	enum ops_uitkomst u;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	memset(&q, 0, sizeof(q));
	q.wijk_id = -1;
	q.indicator_id = indicator_id;
	if ((u = kpw_zicht(c, &q, partij)) != OPS_OK)
		return u;
	if (kpw_periode(c, p, &q) != 0)
		return ops_storing(c, DB_NOMEM, "ketenpartnerwaarde");
	if ((rc = store_kpw_cellen(c->db, c->arena, &q, out, n)) != DB_OK)
		return ops_storing(c, rc, "ketenpartnerwaarde");
	if (indicator_id > 0 && *n == 0)
		return OPS_NIET_GEVONDEN;
	return OPS_OK;
}

int
kpw_ja_nee(struct ops_tekst t)
{
	static const char *ja[] = { "1", "true", "ja", "on" };
	static const char *nee[] = { "0", "false", "nee" };
	size_t i;

	if (t.ongeldig)
		return -1;
	if (t.tekst == NULL || t.tekst[0] == '\0')
		return 0;
	for (i = 0; i < sizeof(ja) / sizeof(ja[0]); i++)
		if (strcmp(t.tekst, ja[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(nee) / sizeof(nee[0]); i++)
		if (strcmp(t.tekst, nee[i]) == 0)
			return 0;
	return -1;
}

/* Whether a field came with something. */
static int
gestuurd(struct ops_tekst t)
{
	return t.ongeldig || (t.tekst != NULL && t.tekst[0] != '\0');
}

/* The name of field naam of cell in (its prefix), in the arena. */
static const char *
veldnaam(struct ops_ctx *c, const struct kpw_invoer *in, const char *naam)
{
	return in->veld == NULL || in->veld[0] == '\0' ? naam :
	    arena_printf(c->arena, "%s%s", in->veld, naam);
}

static void
fout(struct ops_ctx *c, const struct kpw_invoer *in, const char *naam,
    const char *melding)
{
	fout_melding(c->fouten, veldnaam(c, in, naam), melding);
}

/* An id of a cell's key: *out, or -1 with a field error. wijk_id may be
 * absent, null or 0 (the organisatie as a whole). */
static int
kpw_sleutel(struct ops_ctx *c, const struct kpw_invoer *in, const char *naam,
    struct ops_tekst t, int nul_mag, int64_t *out)
{
	*out = 0;
	if (!t.ongeldig && (t.tekst == NULL || t.tekst[0] == '\0' ||
	    (nul_mag && strcmp(t.tekst, "0") == 0))) {
		if (nul_mag)
			return 0;
		fout(c, in, naam, "Dit veld is verplicht.");
		return -1;
	}
	if (t.ongeldig || getal_lees_str(t.tekst, 1, WZ_MAX_ID, out) != 0) {
		fout(c, in, naam, "Geef een id: een heel getal groter dan 0.");
		return -1;
	}
	return 0;
}

/* A number of eenheid e as sent: its stored text (the domain's spelling)
 * in *tekst, or a field error. */
static void
kpw_getal(struct ops_ctx *c, const struct kpw_invoer *in, const char *e,
    struct ops_tekst t, const char **tekst)
{
	/* DECIMAL(18,4): fourteen digits before the point. */
	static const int64_t grens = 100000000000000LL * STREEFWAARDE_SCHAAL;
	int64_t v;
	char b[40];

	*tekst = NULL;
	if (t.ongeldig || streefwaarde_getal_lees(t.tekst, &v) != 0 ||
	    v >= grens || v <= -grens) {
		fout(c, in, "waarde", "Geef een getal, bijvoorbeeld 12 of 12,5 "
		    "(hoogstens vier decimalen).");
		return;
	}
	if (strcmp(e, "aantal") == 0 && (v < 0 || v % STREEFWAARDE_SCHAAL)) {
		fout(c, in, "waarde", "Een aantal is een heel getal van 0 of "
		    "meer.");
		return;
	}
	if (strcmp(e, "percentage") == 0 && (v < 0 ||
	    v > 100 * STREEFWAARDE_SCHAAL)) {
		fout(c, in, "waarde", "Een percentage ligt tussen 0 en 100.");
		return;
	}
	if ((strcmp(e, "dagen") == 0 || strcmp(e, "fte") == 0) && v < 0) {
		fout(c, in, "waarde", "Geef een getal van 0 of meer.");
		return;
	}
	*tekst = arena_strdup(c->arena, streefwaarde_getal_tekst(v,
	    STREEFWAARDE_SCHAAL, b));
}

/* Whether two decimals as text are the same number (NULL: none). */
static int
zelfde_getal(const char *a, const char *b)
{
	int64_t x, y;

	if (a == NULL || b == NULL)
		return a == b;
	return streefwaarde_getal_lees(a, &x) == 0 &&
	    streefwaarde_getal_lees(b, &y) == 0 && x == y;
}

static int
zelfde_tekst(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* How many field errors there are so far. */
static size_t
aantal_fouten(const struct ops_ctx *c)
{
	return c->fouten != NULL ? json_object_array_length(c->fouten) : 0;
}

/* Whether nothing at all was sent for a cell. */
static int
kpw_leeg(const struct kpw_invoer *in, const struct kpw_cel *cel)
{
	int tekst = strcmp(cel->eenheid, "tekst") == 0;

	return !gestuurd(tekst ? in->tekst : in->waarde) &&
	    !gestuurd(tekst ? in->waarde : in->tekst) &&
	    !gestuurd(in->niet_te_leveren) && !gestuurd(in->reden);
}

/*
 * The value of one cell (cel: as stored, in the grid) into rec; every
 * problem as a field error of in.
 */
static void
kpw_waarde_van(struct ops_ctx *c, const struct kpw_invoer *in,
    const struct kpw_cel *cel, struct kpw_rec *rec)
{
	struct veld f;
	struct veld_waarde w;
	int ntl = kpw_ja_nee(in->niet_te_leveren);
	int tekst = strcmp(cel->eenheid, "tekst") == 0;
	int heeft = tekst ? gestuurd(in->tekst) : gestuurd(in->waarde);

	if (ntl < 0) {
		fout(c, in, "niet_te_leveren", "Kies ja of nee.");
		return;
	}
	rec->niet_te_leveren = ntl;
	if (ntl) {
		memset(&f, 0, sizeof(f));
		f.naam = veldnaam(c, in, "reden");
		f.label = "Reden";
		f.type = VELD_LANGE_TEKST;
		f.max = KPW_REDEN_MAX;
		f.vlag = VELD_VERPLICHT;
		if (!gestuurd(in->reden))
			fout(c, in, "reden", "Geef de reden waarom deze waarde niet "
			    "te leveren is.");
		else if (ops_lees(c, &f, in->reden, &w) == 0)
			rec->reden = ops_kopie(c, &w);
		if (heeft)
			fout(c, in, tekst ? "tekst" : "waarde", "Een waarde die niet "
			    "te leveren is, heeft geen waarde; laat dit leeg.");
		return;
	}
	if (gestuurd(tekst ? in->waarde : in->tekst))
		fout(c, in, tekst ? "waarde" : "tekst", tekst ? "Deze indicator "
		    "vraagt een tekst, geen getal." : "Deze indicator vraagt een "
		    "getal, geen tekst.");
	if (!heeft) {
		fout(c, in, tekst ? "tekst" : "waarde", tekst ? "Vul de tekst in, "
		    "of kies ‘niet te leveren’ met een reden." : "Vul een getal "
		    "in, of kies ‘niet te leveren’ met een reden.");
		return;
	}
	if (tekst) {
		memset(&f, 0, sizeof(f));
		f.naam = veldnaam(c, in, "tekst");
		f.label = "Tekst";
		f.type = VELD_LANGE_TEKST;
		f.max = KPW_TEKST_MAX;
		f.vlag = VELD_VERPLICHT;
		if (ops_lees(c, &f, in->tekst, &w) == 0)
			rec->tekst = ops_kopie(c, &w);
	} else
		kpw_getal(c, in, cel->eenheid, in->waarde, &rec->waarde);
}

/* Whether rec says what cel holds already. */
static int
kpw_zelfde(const struct kpw_cel *cel, const struct kpw_rec *rec)
{
	return cel->id > 0 && cel->niet_te_leveren == rec->niet_te_leveren &&
	    zelfde_getal(cel->waarde, rec->waarde) &&
	    zelfde_tekst(cel->tekst, rec->tekst) &&
	    zelfde_tekst(cel->niet_te_leveren ? cel->reden : NULL,
	    rec->niet_te_leveren ? rec->reden : NULL);
}

/* The cell of the grid with this key, or NULL. *indicator: whether the
 * indicator is in the grid at all. */
static struct kpw_cel *
kpw_zoek(struct kpw_cel *cel, size_t n, int64_t ind, int64_t org,
    int64_t wijk, int *indicator, int *organisatie)
{
	size_t i;

	*indicator = *organisatie = 0;
	for (i = 0; i < n; i++) {
		if (cel[i].indicator_id != ind)
			continue;
		*indicator = 1;
		if (cel[i].organisatie_id != org)
			continue;
		*organisatie = 1;
		if (cel[i].wijk_id == wijk)
			return &cel[i];
	}
	return NULL;
}

enum ops_uitkomst
ketenpartnerwaarde_zet(struct ops_ctx *c, struct ops_tekst periode,
    struct kpw_invoer *in, size_t n, int alleen_gewijzigd)
{
	struct kpw_vraag q;
	struct kpw_cel *grid = NULL, **cel;
	struct kpw_rec *rec;
	struct periode p;
	enum ops_uitkomst u;
	enum db_err rc;
	const char *partij;
	int64_t ind, org, wijk;
	uint64_t geraakt;
	size_t i, ngrid = 0;
	int leeg, heeft_ind, heeft_org, fout_sleutel, verouderd = 0;
	size_t nfout;
	int niet_gevonden = 0;

	memset(&q, 0, sizeof(q));
	q.wijk_id = -1;
	if ((u = kpw_zicht(c, &q, &partij)) != OPS_OK)
		return u;
	if (partij == NULL)
		return ops_weiger(c, OPS_GEWEIGERD, "Alleen de ketenpartner die "
		    "een waarde aanlevert, vult haar in.");
	if (periode.ongeldig || periode.tekst == NULL ||
	    periode_lees_str(periode.tekst, &p) != 0)
		return ops_veldfout(c, "periode", "Kies een periode, bijvoorbeeld "
		    "2024-H2.");
	if (kpw_periode(c, &p, &q) != 0)
		return ops_storing(c, DB_NOMEM, "ketenpartnerwaarde");
	/* The whole grid of the party: every cell is judged against it. */
	if ((rc = store_kpw_cellen(c->db, c->arena, &q, &grid, &ngrid)) != DB_OK)
		return ops_storing(c, rc, "ketenpartnerwaarde");
	if ((cel = arena_calloc(c->arena, n + 1, sizeof(*cel))) == NULL ||
	    (rec = arena_calloc(c->arena, n + 1, sizeof(*rec))) == NULL)
		return ops_storing(c, DB_NOMEM, "ketenpartnerwaarde");

	for (i = 0; i < n; i++) {
		in[i].id = 0;
		in[i].nieuw = in[i].geschreven = in[i].verouderd = 0;
		in[i].vereist = 0;
		fout_sleutel = kpw_sleutel(c, &in[i], "indicator_id",
		    in[i].indicator_id, 0, &ind) != 0;
		fout_sleutel |= kpw_sleutel(c, &in[i], "organisatie_id",
		    in[i].organisatie_id, 0, &org) != 0;
		fout_sleutel |= kpw_sleutel(c, &in[i], "wijk_id", in[i].wijk_id,
		    1, &wijk) != 0;
		if (fout_sleutel)
			continue;
		if ((cel[i] = kpw_zoek(grid, ngrid, ind, org, wijk, &heeft_ind,
		    &heeft_org)) == NULL) {
			/* Another party's indicator, or none asked for in
			 * this periode: it does not exist for the caller. */
			if (!heeft_ind)
				niet_gevonden = 1;
			else if (!heeft_org)
				fout(c, &in[i], "organisatie_id", "Deze organisatie "
				    "had in deze periode geen wijkteam; er is niets "
				    "voor haar aan te leveren.");
			else
				fout(c, &in[i], "wijk_id", "Deze wijk hoorde in deze "
				    "periode niet bij een wijkteam van deze "
				    "organisatie.");
			continue;
		}
		rec[i].indicator_id = ind;
		rec[i].organisatie_id = org;
		rec[i].wijk_id = wijk;
		rec[i].periode = q.periode;
		rec[i].door = c->who->gebruiker_id;
		in[i].id = cel[i]->id;
		/* An empty cell without a row is not judged at all: a page
		 * posts every cell of the screen. */
		leeg = kpw_leeg(&in[i], cel[i]);
		if (alleen_gewijzigd && leeg && cel[i]->id == 0) {
			cel[i] = NULL;
			continue;
		}
		nfout = aantal_fouten(c);
		kpw_waarde_van(c, &in[i], cel[i], &rec[i]);
		if (alleen_gewijzigd && aantal_fouten(c) == nfout &&
		    kpw_zelfde(cel[i], &rec[i])) {
			cel[i] = NULL;        /* as stored: nothing to write */
			continue;
		}
		/* An empty cell that has a row: kpw_waarde_van said what is
		 * missing (a delivered value is changed, never emptied). */
	}
	if (niet_gevonden)
		return ops_terug(c, OPS_NIET_GEVONDEN);
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	/* Stale versions, before anything is written. */
	for (i = 0; i < n; i++) {
		if (cel[i] == NULL)
			continue;
		if (cel[i]->id > 0 && in[i].versie < 0)
			in[i].vereist = verouderd = 1;
		else if (cel[i]->id > 0 ? in[i].versie != cel[i]->versie :
		    in[i].versie > 0)
			in[i].verouderd = verouderd = 1;
	}
	if (verouderd)
		return ops_weiger(c, OPS_VEROUDERD, "Deze waarde is intussen "
		    "gewijzigd door iemand anders. Laad haar opnieuw.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	for (i = 0; i < n; i++) {
		if (cel[i] == NULL)
			continue;
		if (cel[i]->id == 0) {
			rc = store_kpw_nieuw(c->db, &rec[i], &in[i].id);
			if (rc == DB_DUPLICATE) {
				/* Entered by someone else in between. */
				in[i].verouderd = 1;
				return ops_weiger(c, OPS_VEROUDERD, "Deze waarde is "
				    "intussen ingevuld door iemand anders. Laad haar "
				    "opnieuw.");
			}
			in[i].nieuw = 1;
		} else {
			geraakt = 0;
			rc = store_kpw_wijzig(c->db, cel[i]->id, cel[i]->versie,
			    &rec[i], &geraakt);
			if (rc == DB_OK && geraakt == 0) {
				in[i].verouderd = 1;
				return ops_weiger(c, OPS_VEROUDERD, "Deze waarde is "
				    "intussen gewijzigd door iemand anders. Laad haar "
				    "opnieuw.");
			}
		}
		if (rc != DB_OK)
			return ops_storing(c, rc, "ketenpartnerwaarde");
		in[i].geschreven = 1;
		if (ops_audit(c, in[i].nieuw ? "aanmaken" : "wijzigen",
		    "ketenpartner_waarde", in[i].id, GELUKT, arena_printf(
		    c->arena, "%s indicator %lld organisatie %lld wijk %lld%s",
		    q.periode, (long long)rec[i].indicator_id,
		    (long long)rec[i].organisatie_id, (long long)rec[i].wijk_id,
		    /* The reden is in the row; the audit row stays short. */
		    rec[i].niet_te_leveren ? ", niet te leveren" : "")) != 0)
			return ops_storing(c, DB_ERR, "audit");
	}
	return OPS_OK;
}
