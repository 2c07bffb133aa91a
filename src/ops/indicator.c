/*
 * indicator.c — the writes of the indicator catalogue; see indicator.h.
 *
 * Why versions: figures that went to a gemeenteraad must stay
 * explainable, so the meaning of a version that produced them never
 * changes. Wording (naam, doel) and the toelichting threshold may still be
 * improved in place: they change how a figure is presented, not what was
 * counted.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "domain/cijfer_som.h"
#include "domain/indicator.h"
#include "domain/policy.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "ops/indicator.h"
#include "store/cijfer_som.h"

static const struct veld v_code = { "code", "Code", VELD_TEKST, 64,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_naam = { "naam", "Naam", VELD_TEKST, 200,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_definitie = { "definitie", "Definitie",
	VELD_LANGE_TEKST, 2000, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_doel = { "doel", "Doel (sturingsvraag)",
	VELD_LANGE_TEKST, 2000, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_eenheid = { "eenheid", "Eenheid", VELD_KEUZE, 0,
	VELD_VERPLICHT, indicator_eenheden, 0, NULL };
static const struct veld v_keten = { "keten_id", "Keten", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_thema = { "thema_id", "Thema", VELD_REF, 0, 0,
	NULL, 0, NULL };
static const struct veld v_bron = { "bron", "Bron", VELD_KEUZE, 0,
	VELD_VERPLICHT, indicator_bronnen, 0, NULL };
static const struct veld v_partij = { "aanleverende_partij",
	"Aanleverende partij", VELD_KEUZE, 0, 0, indicator_partijen, 0, NULL };
static const struct veld v_eis = { "eis_ids", "Eisen", VELD_REF, 0, 0, NULL,
	0, NULL };

#define DREMPEL_STANDAARD	25
#define DREMPEL_MAX		1000

int
indicator_mag_beheren(const struct principal *who, int64_t keten_id)
{
	size_t i;

	if (principal_has(who, ROL_BEHEERDER))
		return 1;
	for (i = 0; who != NULL && i < who->ngrants; i++)
		if (who->grants[i].rol == ROL_REGISSEUR &&
		    who->grants[i].scope == SCOPE_KETEN &&
		    who->grants[i].scope_id == keten_id)
			return 1;
	return 0;
}

/* The lookup of indicator_verhouding_cyclus(): the actief version of
 * code, its rule read into scratch. */
struct cyclus_ctx {
	struct ops_ctx          *c;
	struct indicator_regel   r;
	int                      storing;
};

static int
cyclus_teller_van(void *arg, const char *code, const char **teller,
    const char **noemer)
{
	struct cyclus_ctx *x = arg;
	struct indicator_rij rij;
	struct json_object *regel, *fouten;
	int gevonden = 0;

	*teller = *noemer = NULL;
	if (store_indicator_code(x->c->db, x->c->arena, code, &rij,
	    &gevonden) != DB_OK) {
		x->storing = 1;
		return 0;
	}
	if (!gevonden)
		return 0;
	if (rij.regel == NULL || (regel = json_tokener_parse(rij.regel)) == NULL)
		return 1;
	fouten = json_object_new_array();
	if (indicator_regel_lees(regel, &x->r, fouten) == 0 &&
	    x->r.soort == REGEL_VERHOUDING) {
		/* The strings point into regel: copy them before it goes. */
		*teller = arena_strdup(x->c->arena, x->r.teller);
		*noemer = arena_strdup(x->c->arena, x->r.noemer);
	}
	json_object_put(fouten);
	json_object_put(regel);
	return 1;
}

/* The unit a computed rule gives; NULL when the rule does not fix one. */
static const char *
regel_eenheid(const struct indicator_regel *r)
{
	switch (r->soort) {
	case REGEL_TELLING:
	case REGEL_STAND:
		return "aantal";
	case REGEL_DUUR:
		return "dagen";
	case REGEL_VERHOUDING:
		return r->procent ? "percentage" : "aantal";
	}
	return NULL;
}

/* Teller or noemer of a verhouding: an actief, berekende indicator. */
static enum ops_uitkomst
verhouding_deel(struct ops_ctx *c, const char *veld, const char *code,
    const char *eigen_code)
{
	struct indicator_rij rij;
	enum db_err rc;
	int gevonden = 0;

	if (eigen_code != NULL && strcmp(code, eigen_code) == 0) {
		fout_melding(c->fouten, veld, "Een verhouding kan niet naar de "
		    "indicator zelf verwijzen.");
		return OPS_OK;
	}
	if ((rc = store_indicator_code(c->db, c->arena, code, &rij, &gevonden))
	    != DB_OK)
		return ops_storing(c, rc, "indicator");
	if (!gevonden)
		fout_melding(c->fouten, veld, "Er is geen indicator met deze code.");
	else if (strcmp(rij.bron, "berekend") != 0 ||
	    strcmp(rij.eenheid, "tekst") == 0)
		fout_melding(c->fouten, veld, "Een verhouding rekent alleen met "
		    "berekende indicatoren.");
	return OPS_OK;
}

/*
 * The sums of a new or changed indicator's figures (sql/013): a build in
 * the background (an idle worker, `wijkzicht sommen-bouwen`) makes them
 * from the stored facts, step by step; until they are complete the
 * figure service computes the indicator from its facts. Only a
 * berekende telling or duur keeps sums; a rule that became something
 * else loses them.
 */
static enum ops_uitkomst
indicator_sommen(struct ops_ctx *c, int64_t id, const struct indicator_rec *rec,
    const struct indicator_regel *r, int heeft_regel)
{
	int som = heeft_regel && cijfer_som_bewaard(r);
	enum db_err rc;

	if ((rc = store_som_opnieuw(c->db, id, som ? rec->regel : NULL)) !=
	    DB_OK)
		return ops_storing(c, rc, "cijfersommen");
	return OPS_OK;
}

/* The input's fields into rec, its rule into r (when berekend); every
 * problem as a field error. OPS_OK (check c->fouten) or OPS_STORING. */
static enum ops_uitkomst
indicator_rec_van(struct ops_ctx *c, const struct indicator_invoer *in,
    struct indicator_rec *rec, struct indicator_regel *r, int *heeft_regel)
{
	struct veld_waarde w;
	struct indicator_refs refs;
	struct cyclus_ctx cx;
	const char *eenheid;
	enum ops_uitkomst u;
	enum db_err rc;
	int64_t d;
	size_t i, j;

	memset(rec, 0, sizeof(*rec));
	*heeft_regel = 0;
	if (ops_lees(c, &v_code, in->code, &w) == 0) {
		rec->code = ops_kopie(c, &w);
		if (rec->code != NULL && !veld_code_geldig(rec->code))
			fout_melding(c->fouten, "code", "Een code bestaat uit kleine "
			    "letters, cijfers en liggende streepjes en begint met "
			    "een letter, bijvoorbeeld startgesprekken_gevoerd.");
	}
	if (ops_lees(c, &v_naam, in->naam, &w) == 0)
		rec->naam = ops_kopie(c, &w);
	if (ops_lees(c, &v_definitie, in->definitie, &w) == 0)
		rec->definitie = ops_kopie(c, &w);
	if (ops_lees(c, &v_doel, in->doel, &w) == 0)
		rec->doel = ops_kopie(c, &w);
	if (ops_lees(c, &v_eenheid, in->eenheid, &w) == 0)
		rec->eenheid = ops_kopie(c, &w);
	if (ops_lees(c, &v_keten, in->keten_id, &w) == 0)
		rec->keten_id = w.getal;
	if (ops_lees(c, &v_thema, in->thema_id, &w) == 0 && w.len > 0)
		rec->thema_id = w.getal;
	if (ops_lees(c, &v_bron, in->bron, &w) == 0)
		rec->bron = ops_kopie(c, &w);
	if (ops_lees(c, &v_partij, in->aanleverende_partij, &w) == 0 &&
	    w.len > 0)
		rec->partij = ops_kopie(c, &w);
	rec->drempel_vorige_periode = DREMPEL_STANDAARD;
	if (in->drempel_vorige_periode.ongeldig ||
	    (in->drempel_vorige_periode.tekst != NULL &&
	    in->drempel_vorige_periode.tekst[0] != '\0' &&
	    getal_lees_str(in->drempel_vorige_periode.tekst, 0, DREMPEL_MAX,
	    &d) != 0))
		fout_melding(c->fouten, "drempel_vorige_periode", "De drempel is "
		    "een heel percentage van 0 tot en met 1000.");
	else if (in->drempel_vorige_periode.tekst != NULL &&
	    in->drempel_vorige_periode.tekst[0] != '\0')
		rec->drempel_vorige_periode = (int)d;
	if (in->eis_ongeldig)
		fout_melding(c->fouten, "eis_ids", "Geef de eisen als een lijst van "
		    "ids (hoogstens 16).");
	for (i = 0; i < in->neis && !in->eis_ongeldig; i++) {
		if (ops_lees(c, &v_eis, in->eis_ids[i], &w) != 0)
			break;
		for (j = 0; j < rec->neisen && rec->eisen[j] != w.getal; j++)
			;
		if (j == rec->neisen)
			rec->eisen[rec->neisen++] = w.getal;
	}

	/* The partij belongs to a ketenpartner indicator, and only to one. */
	if (rec->bron != NULL && strcmp(rec->bron, "ketenpartner") == 0 &&
	    rec->partij == NULL)
		fout_melding(c->fouten, "aanleverende_partij", "Kies de partij die "
		    "deze indicator aanlevert.");
	if (rec->bron != NULL && strcmp(rec->bron, "ketenpartner") != 0 &&
	    rec->partij != NULL)
		fout_melding(c->fouten, "aanleverende_partij", "Alleen een "
		    "indicator van een ketenpartner heeft een aanleverende "
		    "partij.");

	/* The rule: exactly for a berekende indicator. */
	if (in->regel_ongeldig)
		fout_melding(c->fouten, "regel", "De rekenregel moet een "
		    "JSON-object zijn.");
	else if (rec->bron != NULL && strcmp(rec->bron, "berekend") == 0) {
		if (in->regel == NULL)
			fout_melding(c->fouten, "regel", "Een berekende indicator "
			    "heeft een rekenregel.");
		else if (indicator_regel_lees(in->regel, r, c->fouten) == 0) {
			*heeft_regel = 1;
			rec->regel = arena_strdup(c->arena,
			    json_object_to_json_string_ext(in->regel,
			    JSON_C_TO_STRING_PLAIN));
			eenheid = regel_eenheid(r);
			if (rec->eenheid != NULL && eenheid != NULL &&
			    strcmp(rec->eenheid, eenheid) != 0) {
				char m[160];

				snprintf(m, sizeof(m), "Deze rekenregel geeft een "
				    "%s; kies die eenheid.",
				    indicator_label(indicator_eenheden, eenheid));
				fout_melding(c->fouten, "eenheid", m);
			}
		}
	} else if (in->regel != NULL)
		fout_melding(c->fouten, "regel", "Alleen een berekende indicator "
		    "heeft een rekenregel.");

	/* What only the database knows. */
	if (rec->keten_id > 0) {
		rc = store_indicator_refs(c->db, c->arena, rec->keten_id,
		    rec->thema_id, rec->eisen, rec->neisen,
		    *heeft_regel ? r->thema_id : 0,
		    *heeft_regel ? r->opdracht_id : 0, &refs);
		if (rc != DB_OK)
			return ops_storing(c, rc, "indicator");
		if (!refs.keten)
			fout_melding(c->fouten, "keten_id", "Deze keten bestaat niet.");
		else if (!refs.thema)
			fout_melding(c->fouten, "thema_id", "Dit thema hoort niet bij "
			    "de gekozen keten.");
		if (refs.eisen != rec->neisen)
			fout_melding(c->fouten, "eis_ids", "Een van de eisen bestaat "
			    "niet.");
		if (!refs.regel_thema)
			fout_melding(c->fouten, "regel.traject.thema_id", "Dit thema "
			    "bestaat niet.");
		if (!refs.regel_opdracht)
			fout_melding(c->fouten, "regel.traject.opdracht_id", "Deze "
			    "opdracht bestaat niet.");
	}
	if (*heeft_regel && r->soort == REGEL_VERHOUDING) {
		if ((u = verhouding_deel(c, "regel.teller", r->teller,
		    rec->code)) != OPS_OK ||
		    (u = verhouding_deel(c, "regel.noemer", r->noemer,
		    rec->code)) != OPS_OK)
			return u;
		memset(&cx, 0, sizeof(cx));
		cx.c = c;
		if (rec->code != NULL && !ops_heeft_fouten(c) &&
		    indicator_verhouding_cyclus(rec->code, r, cyclus_teller_van,
		    &cx))
			fout_melding(c->fouten, "regel", "Deze verhouding verwijst via "
			    "andere verhoudingen naar zichzelf terug.");
		if (cx.storing)
			return ops_storing(c, DB_ERR, "indicator");
	}
	return OPS_OK;
}

enum ops_uitkomst
indicator_maak(struct ops_ctx *c, const struct indicator_invoer *in,
    int64_t *id)
{
	struct indicator_rec rec;
	struct indicator_regel r;
	enum ops_uitkomst u;
	enum db_err rc;
	int heeft;

	if ((u = indicator_rec_van(c, in, &rec, &r, &heeft)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (!indicator_mag_beheren(c->who, rec.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, "U beheert de indicatoren van "
		    "deze keten niet.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_indicator_nieuw(c->db, &rec, 1, 0, id);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "code", "Er is al een indicator met deze "
		    "code.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "indicator");
	if ((u = indicator_sommen(c, *id, &rec, &r, heeft)) != OPS_OK)
		return u;
	if (ops_audit(c, "aanmaken", "indicator", *id, GELUKT, rec.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* Whether two texts differ (NULL equals NULL only). */
static int
anders(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Whether the rule texts mean something else: compared as JSON values,
 * so that the order of keys or spacing is no change. */
static int
regel_anders(const char *a, const char *b)
{
	struct json_object *x, *y;
	int r;

	if (a == NULL || b == NULL)
		return a != b;
	x = json_tokener_parse(a);
	y = json_tokener_parse(b);
	r = x == NULL || y == NULL || !json_object_equal(x, y);
	json_object_put(x);
	json_object_put(y);
	return r;
}

/* Whether rec changes what version old counts or means. */
static int
betekenis_anders(const struct indicator_rij *old, const struct indicator_rec *rec)
{
	return anders(old->definitie, rec->definitie) ||
	    anders(old->eenheid, rec->eenheid) || anders(old->bron, rec->bron) ||
	    anders(old->partij, rec->partij) || old->keten_id != rec->keten_id ||
	    regel_anders(old->regel, rec->regel);
}

enum ops_uitkomst
indicator_wijzig(struct ops_ctx *c, const struct indicator_invoer *in,
    int64_t id, int64_t versie, int64_t *nieuw_id, int *nieuwe_versie)
{
	struct indicator_rec rec;
	struct indicator_regel r;
	struct indicator_rij old;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t n = 0;
	int heeft, gevonden = 0;

	*nieuw_id = id;
	*nieuwe_versie = 0;
	if ((rc = store_indicator_lees(c->db, c->arena, id, &old, &gevonden)) !=
	    DB_OK)
		return ops_storing(c, rc, "indicator");
	if (!gevonden)
		return OPS_NIET_GEVONDEN;
	if (!indicator_mag_beheren(c->who, old.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, "U beheert de indicatoren van "
		    "deze keten niet.");
	if (!old.actief)
		return ops_weiger(c, OPS_CONFLICT, "Dit is een oude versie; wijzig "
		    "de actuele versie van deze indicator.");
	if ((u = indicator_rec_van(c, in, &rec, &r, &heeft)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (!indicator_mag_beheren(c->who, rec.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, "U beheert de indicatoren van "
		    "deze keten niet.");
	if (old.versie != versie)
		return ops_weiger(c, OPS_VEROUDERD, "De indicator is intussen "
		    "gewijzigd. Laad hem opnieuw.");
	if (old.in_gebruik && strcmp(old.code, rec.code) != 0)
		return ops_weiger(c, OPS_CONFLICT, "De code van een indicator die "
		    "in gebruik is, verandert niet: cijfers en rapportages "
		    "verwijzen ernaar.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if (old.in_gebruik && betekenis_anders(&old, &rec)) {
		/* The old version keeps its figures; a new one takes over. */
		if ((rc = store_indicator_afgelost(c->db, id, versie, &n)) != DB_OK)
			return ops_storing(c, rc, "indicator");
		if (n == 0)
			return ops_weiger(c, OPS_VEROUDERD, "De indicator is "
			    "intussen gewijzigd. Laad hem opnieuw.");
		rc = store_indicator_nieuw(c->db, &rec, old.nummer + 1, id,
		    nieuw_id);
		if (rc != DB_OK)
			return ops_storing(c, rc, "indicator");
		*nieuwe_versie = 1;
		if ((u = indicator_sommen(c, *nieuw_id, &rec, &r, heeft)) !=
		    OPS_OK)
			return u;
		if (ops_audit(c, "aanmaken", "indicator", *nieuw_id, GELUKT,
		    "nieuwe versie") != 0)
			return ops_storing(c, DB_ERR, "audit");
		return OPS_OK;
	}
	rc = store_indicator_wijzig(c->db, id, versie, &rec, &n);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "code", "Er is al een indicator met deze "
		    "code.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "indicator");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, "De indicator is intussen "
		    "gewijzigd. Laad hem opnieuw.");
	/* a new rule: its sums are built again */
	if ((anders(old.bron, rec.bron) || regel_anders(old.regel, rec.regel)) &&
	    (u = indicator_sommen(c, id, &rec, &r, heeft)) != OPS_OK)
		return u;
	if (ops_audit(c, "wijzigen", "indicator", id, GELUKT, rec.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}
