/*
 * streefwaarde.c — the writes of targets; see streefwaarde.h.
 *
 * Why a reason and a history: the audit found indicators without targets
 * and targets nobody could explain. A target that changes keeps every
 * earlier state with who changed it, when, and why.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "domain/indicator.h"
#include "domain/policy.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "ops/indicator.h"
#include "ops/streefwaarde.h"
#include "store/rapportage.h"
#include "store/indicator.h"

static const struct veld v_indicator = { "indicator_id", "Indicator",
	VELD_REF, 0, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_organisatie = { "organisatie_id", "Organisatie",
	VELD_REF, 0, 0, NULL, 0, NULL };
static const struct veld v_wijk = { "wijk_id", "Wijk", VELD_REF, 0, 0, NULL,
	0, NULL };
static const struct veld v_reden = { "reden", "Reden", VELD_LANGE_TEKST,
	2000, VELD_VERPLICHT, NULL, 0, NULL };

int
streefwaarde_mag_lezen(const struct principal *who)
{
	return who != NULL && policy_allows(ACCESS_STURING, who) == POLICY_ALLOW;
}

enum ops_uitkomst
streefwaarde_rapportage_vrij(struct ops_ctx *c, int64_t indicator_id,
    const char *periode)
{
	enum db_err rc;
	int64_t n = 0;

	/* A submitted rapportage holds the targets it was judged against:
	 * they change only after the regisseur sends it back. */
	if ((rc = store_rapportage_ingediend_met(c->db, c->arena, indicator_id,
	    periode, &n)) != DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (n > 0)
		return ops_weiger(c, OPS_CONFLICT, "Er is al een rapportage over "
		    "deze periode ingediend; de streefwaarde verandert pas als de "
		    "regisseur die terugstuurt.");
	return OPS_OK;
}

/* A decimal of a stored row (NULL: *heeft 0). */
static int
rij_getal(const char *s, int64_t *out, int *heeft)
{
	*out = 0;
	if (heeft != NULL)
		*heeft = s != NULL;
	if (s == NULL)
		return heeft != NULL ? 0 : -1;
	return streefwaarde_getal_lees(s, out);
}

int
streefwaarde_van_rij(const struct streefwaarde_rij *r, struct streefwaarde *o)
{
	memset(o, 0, sizeof(*o));
	o->id = r->id;
	o->organisatie_id = r->organisatie_id;
	o->wijk_id = r->wijk_id;
	if (periode_lees_str(r->periode, &o->periode) != 0 ||
	    (o->richting = streefwaarde_richting_lees(r->richting)) == 0 ||
	    (o->tolerantie_soort = streefwaarde_tolerantie_lees(
	    r->tolerantie_soort)) == 0 ||
	    rij_getal(r->tolerantie, &o->tolerantie, &o->heeft_tolerantie) != 0)
		return -1;
	if (o->richting == SW_BANDBREEDTE)
		return rij_getal(r->ondergrens, &o->ondergrens, NULL) != 0 ||
		    rij_getal(r->bovengrens, &o->bovengrens, NULL) != 0 ? -1 : 0;
	return rij_getal(r->waarde, &o->waarde, NULL);
}

/* One decimal of the input: *heeft 0 when absent; a field error when it
 * is not a number. The text stored is the domain's own spelling. */
static const char *
invoer_getal(struct ops_ctx *c, const char *veld, struct ops_tekst t,
    int64_t *out, int *heeft)
{
	char b[40];

	*heeft = 0;
	*out = 0;
	if (!t.ongeldig && (t.tekst == NULL || t.tekst[0] == '\0'))
		return NULL;
	if (t.ongeldig || streefwaarde_getal_lees(t.tekst, out) != 0) {
		fout_melding(c->fouten, veld, "Geef een getal, bijvoorbeeld 12 of "
		    "12.5 (hoogstens vier decimalen).");
		return NULL;
	}
	*heeft = 1;
	return arena_strdup(c->arena, streefwaarde_getal_tekst(*out,
	    STREEFWAARDE_SCHAAL, b));
}

/* Whether a field came with something (a bad value has its own error). */
static int
gestuurd(struct ops_tekst t)
{
	return t.ongeldig || (t.tekst != NULL && t.tekst[0] != '\0');
}

/*
 * The input's target fields (richting, values, tolerance, reden) into
 * rec and sw; every problem as a field error.
 */
static void
streefwaarde_waarden_van(struct ops_ctx *c, const struct streefwaarde_invoer *in,
    struct streefwaarde_rec *rec, struct streefwaarde *sw)
{
	struct veld_waarde w;
	struct streefwaarde kopie;
	int heeft_w, heeft_o, heeft_b;
	const char *veld, *melding;

	if (in->richting.ongeldig || in->richting.tekst == NULL ||
	    (sw->richting = streefwaarde_richting_lees(in->richting.tekst)) == 0)
		fout_melding(c->fouten, "richting", "Kies een richting: "
		    "hoger_beter, lager_beter of bandbreedte.");
	else
		rec->richting = streefwaarde_richting_code(sw->richting);
	rec->waarde = invoer_getal(c, "waarde", in->waarde, &sw->waarde,
	    &heeft_w);
	rec->ondergrens = invoer_getal(c, "ondergrens", in->ondergrens,
	    &sw->ondergrens, &heeft_o);
	rec->bovengrens = invoer_getal(c, "bovengrens", in->bovengrens,
	    &sw->bovengrens, &heeft_b);
	rec->tolerantie = invoer_getal(c, "tolerantie", in->tolerantie,
	    &sw->tolerantie, &sw->heeft_tolerantie);
	sw->tolerantie_soort = SW_ABSOLUUT;
	if (in->tolerantie_soort.ongeldig || (in->tolerantie_soort.tekst != NULL &&
	    in->tolerantie_soort.tekst[0] != '\0' &&
	    (sw->tolerantie_soort = streefwaarde_tolerantie_lees(
	    in->tolerantie_soort.tekst)) == 0))
		fout_melding(c->fouten, "tolerantie_soort", "Kies absoluut of "
		    "procent.");
	rec->tolerantie_soort = streefwaarde_tolerantie_code(
	    sw->tolerantie_soort != 0 ? sw->tolerantie_soort : SW_ABSOLUUT);
	if (ops_lees(c, &v_reden, in->reden, &w) == 0)
		rec->reden = ops_kopie(c, &w);

	/* Exactly the values of the richting. */
	if (sw->richting == SW_BANDBREEDTE) {
		if (!heeft_o && !gestuurd(in->ondergrens))
			fout_melding(c->fouten, "ondergrens", "Een bandbreedte heeft "
			    "een ondergrens.");
		if (!heeft_b && !gestuurd(in->bovengrens))
			fout_melding(c->fouten, "bovengrens", "Een bandbreedte heeft "
			    "een bovengrens.");
		if (heeft_w)
			fout_melding(c->fouten, "waarde", "Een bandbreedte heeft "
			    "grenzen, geen waarde.");
		rec->waarde = NULL;
	} else if (sw->richting != 0) {
		if (!heeft_w && !gestuurd(in->waarde))
			fout_melding(c->fouten, "waarde", "Geef de streefwaarde.");
		if (heeft_o || heeft_b)
			fout_melding(c->fouten, heeft_o ? "ondergrens" : "bovengrens",
			    "Alleen een bandbreedte heeft grenzen.");
	}
	/* The domain's rules over the values (the periode is judged by the
	 * caller, so a copy with a year stands in for it here). */
	kopie = *sw;
	kopie.periode.soort = PERIODE_JAAR;
	kopie.periode.jaar = 2000;
	kopie.periode.deel = 1;
	if (kopie.tolerantie_soort == 0)
		kopie.tolerantie_soort = SW_ABSOLUUT;
	if (sw->richting != 0 &&
	    streefwaarde_controleer(&kopie, &veld, &melding) != 0)
		fout_melding(c->fouten, veld, melding);
}

/* The indicator of a target must be there and have a number. */
static enum ops_uitkomst
streefwaarde_indicator(struct ops_ctx *c, int64_t id, struct indicator_rij *ind,
    int *gevonden)
{
	enum db_err rc;

	*gevonden = 0;
	if ((rc = store_indicator_lees(c->db, c->arena, id, ind, gevonden)) !=
	    DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (!*gevonden)
		fout_melding(c->fouten, "indicator_id", "Deze indicator bestaat "
		    "niet.");
	else if (strcmp(ind->eenheid, "tekst") == 0) {
		fout_melding(c->fouten, "indicator_id", "Een indicator met tekst "
		    "als eenheid heeft geen streefwaarde.");
		*gevonden = 0;
	}
	return OPS_OK;
}

enum ops_uitkomst
streefwaarde_maak(struct ops_ctx *c, const struct streefwaarde_invoer *in,
    int64_t *id)
{
	struct streefwaarde_rec rec;
	struct streefwaarde sw;
	struct indicator_rij ind;
	struct veld_waarde w;
	enum ops_uitkomst u;
	enum db_err rc;
	char code[PERIODE_CODE_MAX];
	int gevonden = 0, org_ok = 1, wijk_ok = 1;

	memset(&rec, 0, sizeof(rec));
	memset(&sw, 0, sizeof(sw));
	if (ops_lees(c, &v_indicator, in->indicator_id, &w) == 0)
		rec.indicator_id = w.getal;
	if (ops_lees(c, &v_organisatie, in->organisatie_id, &w) == 0 && w.len > 0)
		rec.organisatie_id = sw.organisatie_id = w.getal;
	if (ops_lees(c, &v_wijk, in->wijk_id, &w) == 0 && w.len > 0)
		rec.wijk_id = sw.wijk_id = w.getal;
	if (in->periode.ongeldig || in->periode.tekst == NULL ||
	    periode_lees_str(in->periode.tekst, &sw.periode) != 0)
		fout_melding(c->fouten, "periode", "Kies een periode: een halfjaar "
		    "(2024-H1) of een jaar (2024).");
	else if (sw.periode.soort == PERIODE_KWARTAAL) {
		fout_melding(c->fouten, "periode", "Een streefwaarde geldt voor een "
		    "halfjaar (2024-H1) of een jaar (2024), niet voor een "
		    "kwartaal.");
		sw.periode.soort = 0;
	} else
		rec.periode = arena_strdup(c->arena, periode_code(&sw.periode,
		    code));
	streefwaarde_waarden_van(c, in, &rec, &sw);
	if (rec.indicator_id > 0 && (u = streefwaarde_indicator(c,
	    rec.indicator_id, &ind, &gevonden)) != OPS_OK)
		return u;
	if ((rec.organisatie_id > 0 || rec.wijk_id > 0) &&
	    (rc = store_streefwaarde_refs(c->db, c->arena, rec.organisatie_id,
	    rec.wijk_id, &org_ok, &wijk_ok)) != DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (!org_ok)
		fout_melding(c->fouten, "organisatie_id", "Kies een "
		    "wijkteamorganisatie.");
	if (!wijk_ok)
		fout_melding(c->fouten, "wijk_id", "Deze wijk bestaat niet.");
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (!indicator_mag_beheren(c->who, ind.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, "U stelt de streefwaarden van "
		    "deze keten niet vast.");
	/* A new target changes the status of a periode as much as a changed
	 * one does. */
	if ((u = streefwaarde_rapportage_vrij(c, rec.indicator_id, rec.periode)) !=
	    OPS_OK)
		return u;
	rec.door = c->who->gebruiker_id;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_streefwaarde_nieuw(c->db, &rec, id);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "periode", "Deze indicator heeft voor deze "
		    "periode en dit bereik al een streefwaarde; wijzig die.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (ops_audit(c, "aanmaken", "streefwaarde", *id, GELUKT, rec.reden) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* Whether the input names another value of a fixed field than stored
 * (absent or null: the same — a client may send back what it read). */
static int
ander_id(struct ops_ctx *c, const struct veld *f, struct ops_tekst t,
    int64_t stored)
{
	struct veld_waarde w;

	if (!t.ongeldig && (t.tekst == NULL || t.tekst[0] == '\0'))
		return 0;
	if (ops_lees(c, f, t, &w) != 0)
		return 0;       /* its own error is in c->fouten */
	return w.getal != stored;
}

enum ops_uitkomst
streefwaarde_wijzig(struct ops_ctx *c, const struct streefwaarde_invoer *in,
    int64_t id, int64_t versie)
{
	static const char vast[] = "Een streefwaarde blijft bij haar indicator, "
	    "periode en bereik; stel voor een ander een nieuwe streefwaarde vast.";
	struct streefwaarde_rij old;
	struct streefwaarde_rec rec;
	struct streefwaarde sw;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t n = 0;
	int gevonden = 0;

	if ((rc = store_streefwaarde_lees(c->db, c->arena, id, &old, &gevonden,
	    NULL, NULL)) != DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (!gevonden || !streefwaarde_mag_lezen(c->who))
		return OPS_NIET_GEVONDEN;
	if (!indicator_mag_beheren(c->who, old.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, "U stelt de streefwaarden van "
		    "deze keten niet vast.");
	memset(&rec, 0, sizeof(rec));
	memset(&sw, 0, sizeof(sw));
	if (periode_lees_str(old.periode, &sw.periode) != 0)
		return ops_storing(c, DB_ERR, "streefwaarde");
	if (ander_id(c, &v_indicator, in->indicator_id, old.indicator_id))
		fout_melding(c->fouten, "indicator_id", vast);
	if (ander_id(c, &v_organisatie, in->organisatie_id, old.organisatie_id))
		fout_melding(c->fouten, "organisatie_id", vast);
	if (ander_id(c, &v_wijk, in->wijk_id, old.wijk_id))
		fout_melding(c->fouten, "wijk_id", vast);
	if (in->periode.ongeldig || (in->periode.tekst != NULL &&
	    strcmp(in->periode.tekst, old.periode) != 0))
		fout_melding(c->fouten, "periode", vast);
	streefwaarde_waarden_van(c, in, &rec, &sw);
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (old.versie != versie)
		return ops_weiger(c, OPS_VEROUDERD, "De streefwaarde is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if ((u = streefwaarde_rapportage_vrij(c, old.indicator_id, old.periode)) !=
	    OPS_OK)
		return u;
	rec.door = c->who->gebruiker_id;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_streefwaarde_wijzig(c->db, id, versie, &rec, &n)) != DB_OK)
		return ops_storing(c, rc, "streefwaarde");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, "De streefwaarde is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if (ops_audit(c, "wijzigen", "streefwaarde", id, GELUKT, rec.reden) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}
