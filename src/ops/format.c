/*
 * format.c — formats, their versions, consultation and comments; see
 * format.h.
 *
 * Why so strict about a published version: the audit letter found
 * formats changed mid-period and indicators nobody could explain. A
 * version, once published, is what every rapportage of its periods was
 * asked; changing it means a new version, shown as such, and — when its
 * first periode has begun — a reason every rapportage shows.
 *
 * Every write to a format's versions first locks the format row (FOR
 * UPDATE in the write's transaction), so that two writes of one format
 * (two new versions, a publication and a change) follow one another and
 * every check below sees the state it changes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "domain/format.h"
#include "domain/periode.h"
#include "domain/policy.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "domain/workflow.h"
#include "ops/format.h"
#include "ops/indicator.h"
#include "store/indicator.h"

static const struct veld v_code = { "code", "Code", VELD_TEKST, 64,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_naam = { "naam", "Naam", VELD_TEKST, 200,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_omschrijving = { "omschrijving", "Omschrijving",
	VELD_LANGE_TEKST, 4000, 0, NULL, 0, NULL };
static const struct veld v_keten = { "keten_id", "Keten", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_toelichting = { "toelichting", "Toelichting",
	VELD_LANGE_TEKST, 4000, 0, NULL, 0, NULL };
static const struct veld v_reden = { "reden", "Reden", VELD_LANGE_TEKST,
	2000, 0, NULL, 0, NULL };
static const struct veld v_organisatie = { "organisatie_ids", "Organisaties",
	VELD_REF, 0, VELD_VERPLICHT | VELD_LIJST, NULL, 0, NULL };
static const struct veld v_item = { "item_id", "Onderdeel", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld_optie oordelen[] = {
	{ "nodig", "Nodig" }, { "niet_nodig", "Niet nodig" },
	{ "onduidelijk", "Onduidelijk" }, { NULL, NULL },
};
static const struct veld v_oordeel = { "oordeel", "Oordeel", VELD_KEUZE, 0,
	VELD_VERPLICHT, oordelen, 0, NULL };
static const struct veld v_opmerking = { "opmerking", "Opmerking",
	VELD_LANGE_TEKST, 4000, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_antwoord = { "antwoord", "Antwoord",
	VELD_LANGE_TEKST, 4000, VELD_VERPLICHT, NULL, 0, NULL };

#define INDIENTERMIJN_STANDAARD	42
#define INDIENTERMIJN_MAX	365

static const char gepubliceerd_blijft[] = "Een gepubliceerde versie "
    "verandert niet; maak een nieuwe versie.";
static const char niet_uw_keten[] = "U beheert de formats van deze keten "
    "niet.";

int
format_mag_beheren(const struct principal *who, int64_t keten_id)
{
	/* The same rule as the keten's indicator catalogue: a format is
	 * made of that catalogue. */
	return indicator_mag_beheren(who, keten_id);
}

int
format_mag_lezen(const struct principal *who)
{
	return who != NULL && policy_allows(ACCESS_STURING, who) == POLICY_ALLOW;
}

int
format_ziet_concepten(const struct principal *who, int64_t keten_id)
{
	/* A concept is still being written: only who writes it or checks
	 * it. */
	return format_mag_beheren(who, keten_id) || principal_has(who,
	    ROL_CONTRACTMANAGER | ROL_AUDITOR);
}

/* ids as a JSON array text ("[3,7]") in the arena; NULL: out of memory. */
static char *
ids_json(struct arena *ar, const int64_t *ids, size_t n)
{
	char *b, *p;
	size_t i;

	if ((b = arena_alloc(ar, n * 21 + 3)) == NULL)
		return NULL;
	p = b;
	*p++ = '[';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%lld", i ? "," : "", (long long)ids[i]);
	*p++ = ']';
	*p = '\0';
	return b;
}

/* The organisaties and wijkteams of who's teamleider grants as "3,5"
 * (for FIND_IN_SET), in the arena. */
static void
teamleider_scope(struct ops_ctx *c, const char **orgs, const char **teams)
{
	char o[512] = "", t[512] = "";
	size_t i, no = 0, nt = 0;
	const struct grant *g;
	int w;

	for (i = 0; c->who != NULL && i < c->who->ngrants; i++) {
		g = &c->who->grants[i];
		if (g->rol != ROL_TEAMLEIDER)
			continue;
		if (g->scope == SCOPE_ORGANISATIE && no < sizeof(o) - 24) {
			w = snprintf(o + no, sizeof(o) - no, "%s%lld", no ? "," : "",
			    (long long)g->scope_id);
			no += w > 0 ? (size_t)w : 0;
		} else if (g->scope == SCOPE_WIJKTEAM && nt < sizeof(t) - 24) {
			w = snprintf(t + nt, sizeof(t) - nt, "%s%lld", nt ? "," : "",
			    (long long)g->scope_id);
			nt += w > 0 ? (size_t)w : 0;
		}
	}
	*orgs = arena_strdup(c->arena, o);
	*teams = arena_strdup(c->arena, t);
}

/* ------------------------------------------------------------ formats */

enum ops_uitkomst
format_maak(struct ops_ctx *c, const struct format_invoer *in, int64_t *id)
{
	struct format_rec rec;
	struct indicator_refs refs;
	struct veld_waarde w;
	enum ops_uitkomst u;
	enum db_err rc;

	memset(&rec, 0, sizeof(rec));
	if (ops_lees(c, &v_code, in->code, &w) == 0) {
		rec.code = ops_kopie(c, &w);
		if (rec.code != NULL && !veld_code_geldig(rec.code))
			fout_melding(c->fouten, "code", "Een code bestaat uit kleine "
			    "letters, cijfers en liggende streepjes en begint met "
			    "een letter, bijvoorbeeld rapportage_participatie.");
	}
	if (ops_lees(c, &v_naam, in->naam, &w) == 0)
		rec.naam = ops_kopie(c, &w);
	if (ops_lees(c, &v_omschrijving, in->omschrijving, &w) == 0)
		rec.omschrijving = w.leeg ? "" : ops_kopie(c, &w);
	if (ops_lees(c, &v_keten, in->keten_id, &w) == 0)
		rec.keten_id = w.getal;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if (!format_mag_beheren(c->who, rec.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, niet_uw_keten);
	/* A regisseur's grant names an existing keten; a beheerder may name
	 * any id. */
	if ((rc = store_indicator_refs(c->db, c->arena, rec.keten_id, 0, NULL, 0,
	    0, 0, &refs)) != DB_OK)
		return ops_storing(c, rc, "format");
	if (!refs.keten)
		return ops_veldfout(c, "keten_id", "Deze keten bestaat niet.");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_format_nieuw(c->db, &rec, id);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "code", "Er is al een format met deze "
		    "code.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "format");
	if (ops_audit(c, "aanmaken", "format", *id, GELUKT, rec.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
format_wijzig(struct ops_ctx *c, int64_t id, int64_t versie,
    const struct format_invoer *in)
{
	struct format_rij f;
	struct veld_waarde w;
	const char *naam = NULL, *oms = "";
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t n = 0;
	int gevonden = 0;

	if ((rc = store_format_lees(c->db, c->arena, id, 0, &f, &gevonden)) !=
	    DB_OK)
		return ops_storing(c, rc, "format");
	if (!gevonden)
		return OPS_NIET_GEVONDEN;
	if (!format_mag_beheren(c->who, f.keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, niet_uw_keten);
	if (ops_lees(c, &v_naam, in->naam, &w) == 0)
		naam = ops_kopie(c, &w);
	if (ops_lees(c, &v_omschrijving, in->omschrijving, &w) == 0 && !w.leeg)
		oms = ops_kopie(c, &w);
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_format_wijzig(c->db, id, versie, naam, oms, &n)) != DB_OK)
		return ops_storing(c, rc, "format");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, "Het format is intussen "
		    "gewijzigd. Laad het opnieuw.");
	if (ops_audit(c, "wijzigen", "format", id, GELUKT, f.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* ----------------------------------------------------- version: reads */

enum ops_uitkomst
formatversie_lees(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct format_rij *format, struct formatversie_rij *out)
{
	struct format_rij f;
	enum db_err rc;
	int gevonden = 0;

	if ((rc = store_format_lees(c->db, c->arena, format_id, 0, &f,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "format");
	if (!gevonden)
		return OPS_NIET_GEVONDEN;
	if (format != NULL)
		*format = f;
	if ((rc = store_formatversie_lees(c->db, c->arena, format_id, nummer,
	    format_ziet_concepten(c->who, f.keten_id), out, &gevonden)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	return gevonden ? OPS_OK : OPS_NIET_GEVONDEN;
}

enum ops_uitkomst
formatversie_lijst(struct ops_ctx *c, int64_t format_id,
    struct formatversie_rij **out, size_t *n)
{
	struct format_rij f;
	enum db_err rc;
	int gevonden = 0;

	*out = NULL;
	*n = 0;
	if ((rc = store_format_lees(c->db, c->arena, format_id, 0, &f,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "format");
	if (!gevonden)
		return OPS_NIET_GEVONDEN;
	if ((rc = store_formatversie_lijst(c->db, c->arena, format_id,
	    format_ziet_concepten(c->who, f.keten_id), out, n)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	return OPS_OK;
}

enum ops_uitkomst
formatversie_inhoud(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct formatversie_rij *out, struct format_item_rij **items,
    size_t *nitems, struct format_org_rij **orgs, size_t *norgs)
{
	enum ops_uitkomst u;
	enum db_err rc;

	if ((u = formatversie_lees(c, format_id, nummer, NULL, out)) != OPS_OK)
		return u;
	if ((rc = store_formatversie_items(c->db, c->arena, out->id, items,
	    nitems)) != DB_OK ||
	    (rc = store_formatversie_consultatie_lijst(c->db, c->arena, out->id,
	    orgs, norgs)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	return OPS_OK;
}

/* ---------------------------------------------- version: the content */

/*
 * The content of stored rows as the domain reads a body, so that
 * publication judges the stored version with the same rules (and the
 * same paths) as the PUT that wrote it. NULL: out of memory.
 */
static struct format_inhoud *
inhoud_van_rijen(struct arena *ar, const struct format_item_rij *r, size_t n)
{
	struct format_inhoud *in;
	struct format_sectie *s = NULL;
	struct format_item *it;
	int64_t sectie = 0;
	size_t i;

	if ((in = arena_calloc(ar, 1, sizeof(*in))) == NULL)
		return NULL;
	for (i = 0; i < n && in->nitems < FORMAT_MAX_ITEMS; i++) {
		if (r[i].sectie_id != sectie && in->nsecties < FORMAT_MAX_SECTIES) {
			sectie = r[i].sectie_id;
			s = &in->secties[in->nsecties++];
			s->titel = r[i].sectie_titel;
			s->titel_len = r[i].sectie_titel ? strlen(r[i].sectie_titel) :
			    0;
			s->eerste = in->nitems;
		}
		if (s == NULL || r[i].id == 0)
			continue;
		it = &in->items[in->nitems++];
		it->sectie = in->nsecties - 1;
		it->plek = s->nitems++;
		it->soort = format_item_soort_lees(r[i].soort);
		it->indicator_id = r[i].indicator_id;
		it->eis_id = r[i].eis_id;
		it->vraag = r[i].vraag;
		it->vraag_len = r[i].vraag ? strlen(r[i].vraag) : 0;
		it->lijn = format_lijn_lees(r[i].lijn);
		it->vorige_indicator_id = r[i].vorige_indicator_id;
	}
	return in;
}

/* Appends a field error for item it. */
static void
item_fout(struct ops_ctx *c, const struct format_item *it, const char *veld,
    const char *melding)
{
	char pad[FORMAT_PAD_MAX];

	fout_melding(c->fouten, format_pad(pad, it->sectie, it->plek, veld),
	    melding);
}

/* Whether id is among the n ids. */
static int
id_onder(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The distinct indicator (eis 0) or eis (eis 1) ids of in, in the arena. */
static int64_t *
inhoud_ids(struct arena *ar, const struct format_inhoud *in, int eis,
    size_t *n)
{
	int64_t *ids, id;
	size_t i;

	*n = 0;
	if ((ids = arena_calloc(ar, in->nitems + 1, sizeof(*ids))) == NULL)
		return NULL;
	for (i = 0; i < in->nitems; i++) {
		id = eis ? in->items[i].eis_id : in->items[i].indicator_id;
		if (id > 0 && !id_onder(ids, *n, id))
			ids[(*n)++] = id;
	}
	return ids;
}

/*
 * What only the database knows about a content: its indicators and eisen
 * exist (counted per kind; the message then names every item of the kind
 * not found), and every lineage points to an indicator item of the
 * previous version (vorige: its rows, n of them). Field errors appended.
 */
static enum ops_uitkomst
inhoud_refs(struct ops_ctx *c, const struct format_inhoud *in,
    const struct format_item_rij *vorige, size_t nvorige)
{
	const struct format_item *it;
	int64_t *ind, *eis, *voor, nind = 0, neis = 0;
	size_t ni, ne, nv = 0, i;
	const char *ji, *je;
	enum db_err rc;

	if ((ind = inhoud_ids(c->arena, in, 0, &ni)) == NULL ||
	    (eis = inhoud_ids(c->arena, in, 1, &ne)) == NULL ||
	    (ji = ids_json(c->arena, ind, ni)) == NULL ||
	    (je = ids_json(c->arena, eis, ne)) == NULL ||
	    (voor = arena_calloc(c->arena, nvorige + 1, sizeof(*voor))) == NULL)
		return ops_storing(c, DB_NOMEM, "formatversie");
	if ((rc = store_format_refs(c->db, c->arena, ji, je, &nind, &neis)) !=
	    DB_OK)
		return ops_storing(c, rc, "formatversie");
	for (i = 0; i < nvorige; i++)
		if (vorige[i].indicator_id > 0)
			voor[nv++] = vorige[i].indicator_id;
	for (i = 0; i < in->nitems; i++) {
		it = &in->items[i];
		if (it->soort == ITEM_INDICATOR && nind != (int64_t)ni)
			item_fout(c, it, "indicator_id", "Een van de indicatoren "
			    "van deze versie bestaat niet; controleer deze.");
		if (it->soort == ITEM_EIS && neis != (int64_t)ne)
			item_fout(c, it, "eis_id", "Een van de eisen van deze versie "
			    "bestaat niet; controleer deze.");
		if (it->vorige_indicator_id > 0 && !id_onder(voor, nv,
		    it->vorige_indicator_id))
			item_fout(c, it, "vorige_indicator_id", "Deze indicator staat "
			    "niet in de vorige versie; een lijn loopt naar een "
			    "indicator van de vorige versie.");
	}
	return OPS_OK;
}

/*
 * The version of f before nummer (0: the newest of all, for a new
 * version): *vorige 0 when there is none. Its rows in *rijen.
 */
static enum ops_uitkomst
vorige_versie(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct formatversie_rij **alle, size_t *nalle,
    const struct formatversie_rij **vorige, struct format_item_rij **rijen,
    size_t *nrijen)
{
	enum db_err rc;
	size_t i;

	*vorige = NULL;
	*rijen = NULL;
	*nrijen = 0;
	if ((rc = store_formatversie_lijst(c->db, c->arena, format_id, 1, alle,
	    nalle)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	for (i = 0; i < *nalle; i++)
		if (nummer == 0 || (*alle)[i].nummer < nummer)
			*vorige = &(*alle)[i];     /* oldest first: the last wins */
	if (*vorige != NULL && (rc = store_formatversie_items(c->db, c->arena,
	    (*vorige)->id, rijen, nrijen)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	return OPS_OK;
}

/*
 * The fields and content of a body for version nummer (0: a new one) of
 * format_id, judged against the previous version: rec and *inhoud filled,
 * every problem a field error (the caller tests ops_heeft_fouten).
 * OPS_OK or OPS_STORING. Runs inside the caller's transaction, after the
 * format row is locked.
 */
static enum ops_uitkomst
versie_invoer(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    const struct formatversie_invoer *in, struct formatversie_rec *rec,
    struct format_inhoud **inhoud, struct formatversie_rij **alle,
    size_t *nalle)
{
	const struct formatversie_rij *vorige;
	struct format_item_rij *vrijen;
	struct periode p, vp;
	struct veld_waarde w;
	enum format_periode_oordeel po;
	enum ops_uitkomst u;
	char dag[11];
	int64_t d;
	size_t nv;
	int periode_ok = 0;

	memset(rec, 0, sizeof(*rec));
	rec->toelichting = "";
	rec->indientermijn_dagen = INDIENTERMIJN_STANDAARD;
	if (in->eerste_periode.ongeldig ||
	    periode_lees_str(in->eerste_periode.tekst, &p) != 0)
		fout_melding(c->fouten, "eerste_periode", "Geef de eerste periode "
		    "als jaar, halfjaar of kwartaal: 2024, 2024-H1 of 2024-Q3.");
	else {
		periode_ok = 1;
		rec->eerste_periode = arena_strdup(c->arena,
		    in->eerste_periode.tekst);
		rec->eerste_dag = arena_strdup(c->arena,
		    datum_tekst(periode_eerste_dag(&p), dag));
	}
	if (in->indientermijn_dagen.ongeldig ||
	    (in->indientermijn_dagen.tekst != NULL &&
	    getal_lees_str(in->indientermijn_dagen.tekst, 1, INDIENTERMIJN_MAX,
	    &d) != 0))
		fout_melding(c->fouten, "indientermijn_dagen", "De indientermijn "
		    "is een heel aantal dagen van 1 tot en met 365.");
	else if (in->indientermijn_dagen.tekst != NULL)
		rec->indientermijn_dagen = (int)d;
	if (ops_lees(c, &v_toelichting, in->toelichting, &w) == 0 && !w.leeg)
		rec->toelichting = ops_kopie(c, &w);
	if ((*inhoud = arena_calloc(c->arena, 1, sizeof(**inhoud))) == NULL)
		return ops_storing(c, DB_NOMEM, "formatversie");
	if (format_inhoud_lees(in->secties, *inhoud, c->fouten) != 0)
		return OPS_OK;         /* the references need a readable content */

	if ((u = vorige_versie(c, format_id, nummer, alle, nalle, &vorige,
	    &vrijen, &nv)) != OPS_OK)
		return u;
	if (vorige != NULL && periode_ok &&
	    periode_lees_str(vorige->eerste_periode, &vp) == 0 &&
	    (po = format_periode_na(&p, &vp)) != FP_GOED)
		fout_melding(c->fouten, "eerste_periode", format_periode_tekst(po));
	format_lijn_toets(*inhoud, vorige != NULL, 0, c->fouten);
	return inhoud_refs(c, *inhoud, vrijen, nv);
}

/*
 * Opens the transaction of a write to version nummer of format_id and
 * locks the format: *f and *v filled. OPS_NIET_GEVONDEN for a format or
 * version that is not there (or a concept the caller may not see),
 * OPS_GEWEIGERD for a keten the caller does not manage.
 */
static enum ops_uitkomst
versie_open(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct format_rij *f, struct formatversie_rij *v)
{
	enum ops_uitkomst u;
	enum db_err rc;
	int gevonden = 0;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_format_lees(c->db, c->arena, format_id, 1, f,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "format");
	if (!gevonden)
		return ops_terug(c, OPS_NIET_GEVONDEN);
	if (nummer > 0) {
		if ((rc = store_formatversie_lees(c->db, c->arena, format_id,
		    nummer, format_ziet_concepten(c->who, f->keten_id), v,
		    &gevonden)) != DB_OK)
			return ops_storing(c, rc, "formatversie");
		if (!gevonden)
			return ops_terug(c, OPS_NIET_GEVONDEN);
	}
	if (!format_mag_beheren(c->who, f->keten_id))
		return ops_weiger(c, OPS_GEWEIGERD, niet_uw_keten);
	return OPS_OK;
}

enum ops_uitkomst
formatversie_maak(struct ops_ctx *c, int64_t format_id,
    const struct formatversie_invoer *in, int64_t *nummer)
{
	struct format_rij f;
	struct formatversie_rij *alle = NULL;
	struct formatversie_rec rec;
	struct format_inhoud *inhoud;
	enum ops_uitkomst u;
	enum db_err rc;
	int64_t id = 0;
	size_t i, n = 0;

	*nummer = 0;
	if ((u = versie_open(c, format_id, 0, &f, NULL)) != OPS_OK)
		return u;
	if ((u = versie_invoer(c, format_id, 0, in, &rec, &inhoud, &alle, &n)) !=
	    OPS_OK)
		return u;
	if (alle == NULL && (rc = store_formatversie_lijst(c->db, c->arena,
	    format_id, 1, &alle, &n)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	/* One version at a time: the teams are asked about one proposal. */
	for (i = 0; i < n; i++)
		if (strcmp(alle[i].status, "gepubliceerd") != 0)
			return ops_weiger(c, OPS_CONFLICT, arena_printf(c->arena,
			    "Versie %lld is nog niet gepubliceerd; wijzig of "
			    "publiceer die eerst.", (long long)alle[i].nummer));
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	*nummer = n > 0 ? alle[n - 1].nummer + 1 : 1;
	if ((rc = store_formatversie_nieuw(c->db, format_id, *nummer, &rec,
	    &id)) == DB_DUPLICATE)
		return ops_weiger(c, OPS_CONFLICT, "Er kwam intussen een andere "
		    "versie bij. Laad het format opnieuw.");
	if (rc != DB_OK ||
	    (rc = store_formatversie_inhoud_zet(c->db, id, inhoud)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	if (ops_audit(c, "aanmaken", "formatversie", id, GELUKT, f.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
formatversie_wijzig(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    int64_t versie, const struct formatversie_invoer *in)
{
	struct format_rij f;
	struct formatversie_rij v, *alle = NULL;
	struct formatversie_rec rec;
	struct format_inhoud *inhoud;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t n = 0;
	size_t nalle = 0;

	if ((u = versie_open(c, format_id, nummer, &f, &v)) != OPS_OK)
		return u;
	if (strcmp(v.status, "concept") != 0)
		return ops_weiger(c, OPS_CONFLICT, strcmp(v.status,
		    "gepubliceerd") == 0 ? gepubliceerd_blijft : "Deze versie is "
		    "in consultatie; neem haar eerst terug om haar te wijzigen.");
	if (v.versie != versie)
		return ops_weiger(c, OPS_VEROUDERD, "De versie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if ((u = versie_invoer(c, format_id, nummer, in, &rec, &inhoud, &alle,
	    &nalle)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	if ((rc = store_formatversie_wijzig(c->db, v.id, versie, &rec, &n)) !=
	    DB_OK)
		return ops_storing(c, rc, "formatversie");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, "De versie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if ((rc = store_formatversie_inhoud_zet(c->db, v.id, inhoud)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	if (ops_audit(c, "wijzigen", "formatversie", v.id, GELUKT, f.code) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* ------------------------------------------------- version: workflow */

/* Whether actie may be taken on v (formatversie_workflow): OPS_OK, or the
 * refusal, rolled back. */
static enum ops_uitkomst
stap_mag(struct ops_ctx *c, const struct formatversie_rij *v,
    const char *actie, const struct workflow_stap **stap)
{
	enum workflow_oordeel o;

	o = workflow_toets(&formatversie_workflow, v->status, actie,
	    c->who != NULL ? c->who->roles : 0, NULL, stap);
	if (o == WF_MAG)
		return OPS_OK;
	if (o == WF_ROL_ONTBREEKT)
		return ops_weiger(c, OPS_GEWEIGERD, workflow_oordeel_tekst(o));
	if (strcmp(v->status, "gepubliceerd") == 0)
		return ops_weiger(c, OPS_CONFLICT, gepubliceerd_blijft);
	return ops_weiger(c, OPS_CONFLICT, workflow_oordeel_tekst(o));
}

/* The step's status change of v; OPS_OK (audited) or the failure. */
static enum ops_uitkomst
stap_zet(struct ops_ctx *c, const struct formatversie_rij *v,
    const struct workflow_stap *st, const char *toelichting)
{
	enum db_err rc;
	uint64_t n = 0;

	if ((rc = store_formatversie_status(c->db, v->id, st->van, st->naar,
	    &n)) != DB_OK)
		return ops_storing(c, rc, "formatversie");
	if (n == 0)
		return ops_weiger(c, OPS_CONFLICT, "De versie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if (ops_audit(c, st->actie, "formatversie", v->id, GELUKT,
	    toelichting) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
formatversie_consulteren(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    const struct consultatie_invoer *in)
{
	const struct workflow_stap *st;
	struct format_rij f;
	struct formatversie_rij v;
	struct veld_waarde w;
	int64_t ids[FORMAT_MAX_ORGANISATIES], geteld = 0;
	const char *json = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t i, n = 0;

	if ((u = versie_open(c, format_id, nummer, &f, &v)) != OPS_OK)
		return u;
	if ((u = stap_mag(c, &v, "consulteren", &st)) != OPS_OK)
		return u;
	if (in->gegeven) {
		if (in->ongeldig || in->n == 0)
			return ops_veldfout(c, "organisatie_ids", "Kies minstens één "
			    "organisatie (hoogstens 64), als een lijst van ids.");
		for (i = 0; i < in->n; i++) {
			if (ops_lees(c, &v_organisatie, in->ids[i], &w) != 0)
				return ops_terug(c, OPS_VELDEN);
			if (!id_onder(ids, n, w.getal))
				ids[n++] = w.getal;
		}
		if ((json = ids_json(c->arena, ids, n)) == NULL)
			return ops_storing(c, DB_NOMEM, "formatversie");
		if ((rc = store_format_wijkteamorganisaties_tel(c->db, c->arena,
		    json, &geteld)) != DB_OK)
			return ops_storing(c, rc, "formatversie");
		if (geteld != (int64_t)n)
			return ops_veldfout(c, "organisatie_ids", "Een van deze "
			    "organisaties is geen wijkteamorganisatie.");
	}
	if ((rc = store_formatversie_consultatie_zet(c->db, v.id, json)) !=
	    DB_OK)
		return ops_storing(c, rc, "formatversie");
	return stap_zet(c, &v, st, json != NULL ? json : "alle "
	    "wijkteamorganisaties");
}

enum ops_uitkomst
formatversie_terugnemen(struct ops_ctx *c, int64_t format_id, int64_t nummer)
{
	const struct workflow_stap *st;
	struct format_rij f;
	struct formatversie_rij v;
	enum ops_uitkomst u;

	if ((u = versie_open(c, format_id, nummer, &f, &v)) != OPS_OK ||
	    (u = stap_mag(c, &v, "terugnemen", &st)) != OPS_OK)
		return u;
	return stap_zet(c, &v, st, NULL);
}

/*
 * What publication adds to the checks of a concept: the content is not
 * empty, every indicator belongs to the format's keten, every lineage is
 * said. Field errors appended.
 */
static void
publicatie_toets(struct ops_ctx *c, const struct format_rij *f,
    const struct format_inhoud *in, const struct format_item_rij *r,
    size_t n, int heeft_vorige)
{
	const struct format_item *it;
	size_t i, k;

	if (in->nitems == 0) {
		fout_melding(c->fouten, "secties", "Een versie zonder onderdelen "
		    "wordt niet gepubliceerd.");
		return;
	}
	/* in was read from r in order, skipping empty sections' rows. */
	for (i = 0, k = 0; i < n && k < in->nitems; i++) {
		if (r[i].id == 0)
			continue;
		it = &in->items[k++];
		if (it->soort == ITEM_INDICATOR &&
		    r[i].indicator_keten_id != f->keten_id)
			item_fout(c, it, "indicator_id", "Deze indicator hoort niet "
			    "bij de keten van dit format.");
	}
	format_lijn_toets(in, heeft_vorige, 1, c->fouten);
}

enum ops_uitkomst
formatversie_publiceren(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct ops_tekst reden, long vandaag)
{
	const struct workflow_stap *st;
	const struct formatversie_rij *vorige;
	struct format_rij f;
	struct formatversie_rij v, *alle;
	struct format_item_rij *r, *vr;
	struct format_inhoud *in;
	struct veld_waarde w;
	struct periode p;
	const char *tekst = NULL, *ids;
	int64_t *ind;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t geraakt = 0;
	size_t n, nv, nalle, ni;
	int midden;

	if ((u = versie_open(c, format_id, nummer, &f, &v)) != OPS_OK ||
	    (u = stap_mag(c, &v, "publiceren", &st)) != OPS_OK)
		return u;
	if (periode_lees_str(v.eerste_periode, &p) != 0)
		return ops_storing(c, DB_ERR, "formatversie periode");
	midden = format_midden_in_periode(&p, vandaag);
	if (ops_lees(c, &v_reden, reden, &w) == 0 && !w.leeg)
		tekst = ops_kopie(c, &w);
	if (midden && tekst == NULL)
		fout_melding(c->fouten, "reden", "De eerste periode van deze versie "
		    "is al begonnen: geef een reden. Elke rapportage over die "
		    "periode toont haar, met de datum.");
	if ((rc = store_formatversie_items(c->db, c->arena, v.id, &r, &n)) !=
	    DB_OK)
		return ops_storing(c, rc, "formatversie");
	if ((in = inhoud_van_rijen(c->arena, r, n)) == NULL)
		return ops_storing(c, DB_NOMEM, "formatversie");
	if ((u = vorige_versie(c, format_id, nummer, &alle, &nalle, &vorige, &vr,
	    &nv)) != OPS_OK)
		return u;
	publicatie_toets(c, &f, in, r, n, vorige != NULL);
	if ((u = inhoud_refs(c, in, vr, nv)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return ops_terug(c, OPS_VELDEN);
	if ((rc = store_formatversie_publiceer(c->db, v.id, st->van,
	    c->who->gebruiker_id, midden, midden ? tekst : NULL, &geraakt)) !=
	    DB_OK)
		return ops_storing(c, rc, "formatversie");
	if (geraakt == 0)
		return ops_weiger(c, OPS_CONFLICT, "De versie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	/* What a published version asks must keep its meaning: a change of
	 * one of its indicators makes a new indicator version from now on. */
	if ((ind = inhoud_ids(c->arena, in, 0, &ni)) == NULL ||
	    (ids = ids_json(c->arena, ind, ni)) == NULL)
		return ops_storing(c, DB_NOMEM, "formatversie");
	if (ni > 0 && (rc = store_indicator_gebruikt(c->db, ids)) != DB_OK)
		return ops_storing(c, rc, "indicator");
	if (ops_audit(c, "publiceren", "formatversie", v.id, GELUKT, midden ?
	    "midden in de periode" : NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* ----------------------------------------------------------- comments */

/* What a comment keeps of item r when the item goes. */
static const char *
onderwerp_van(struct ops_ctx *c, const struct format_item_rij *r)
{
	char b[FORMAT_ONDERWERP_MAX];
	enum format_item_soort s = format_item_soort_lees(r->soort);
	const char *t = s == ITEM_INDICATOR ? r->indicator_code :
	    s == ITEM_EIS ? r->eis_code : r->vraag;

	return arena_strdup(c->arena, format_onderwerp(b, s, t));
}

enum ops_uitkomst
format_reactie_maak(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    const struct reactie_invoer *in, int64_t *id)
{
	struct format_reactie_rec rec;
	struct formatversie_rij v;
	struct format_item_rij *r;
	struct veld_waarde w;
	const char *orgs, *teams;
	enum ops_uitkomst u;
	enum db_err rc;
	size_t i, n;

	memset(&rec, 0, sizeof(rec));
	if ((u = formatversie_lees(c, format_id, nummer, NULL, &v)) != OPS_OK)
		return u;
	if (!principal_has(c->who, ROL_TEAMLEIDER))
		return ops_weiger(c, OPS_GEWEIGERD, "Reageren doet een teamleider "
		    "van een geraadpleegde organisatie.");
	if (strcmp(v.status, "consultatie") != 0)
		return ops_weiger(c, OPS_CONFLICT, "Reageren kan alleen zolang de "
		    "versie in consultatie is.");
	teamleider_scope(c, &orgs, &teams);
	if (orgs == NULL || teams == NULL)
		return ops_storing(c, DB_NOMEM, "reactie");
	if ((rc = store_formatversie_geraadpleegd(c->db, c->arena, v.id, orgs,
	    teams, &rec.organisatie_id)) != DB_OK)
		return ops_storing(c, rc, "reactie");
	if (rec.organisatie_id == 0)
		return ops_weiger(c, OPS_GEWEIGERD, "Uw organisatie is over deze "
		    "versie niet geraadpleegd.");
	if (ops_lees(c, &v_item, in->item_id, &w) == 0)
		rec.item_id = w.getal;
	if (ops_lees(c, &v_oordeel, in->oordeel, &w) == 0)
		rec.oordeel = ops_kopie(c, &w);
	if (ops_lees(c, &v_opmerking, in->opmerking, &w) == 0)
		rec.opmerking = ops_kopie(c, &w);
	if ((rc = store_formatversie_items(c->db, c->arena, v.id, &r, &n)) !=
	    DB_OK)
		return ops_storing(c, rc, "reactie");
	for (i = 0; i < n && (r[i].id == 0 || r[i].id != rec.item_id); i++)
		;
	if (rec.item_id > 0 && i == n)
		fout_melding(c->fouten, "item_id", "Dit onderdeel hoort niet bij "
		    "deze versie.");
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	rec.formatversie_id = v.id;
	rec.gebruiker_id = c->who->gebruiker_id;
	if ((rec.onderwerp = onderwerp_van(c, &r[i])) == NULL)
		return ops_storing(c, DB_NOMEM, "reactie");
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_format_reactie_nieuw(c->db, &rec, id)) != DB_OK)
		return ops_storing(c, rc, "reactie");
	if (ops_audit(c, "aanmaken", "formatversie_reactie", *id, GELUKT,
	    rec.onderwerp) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
format_reactie_beantwoord(struct ops_ctx *c, int64_t format_id,
    int64_t nummer, int64_t rid, int64_t versie, struct ops_tekst antwoord)
{
	struct format_reactie_rij rr;
	struct format_rij f;
	struct formatversie_rij v;
	struct veld_waarde w;
	const char *tekst = NULL;
	enum ops_uitkomst u;
	enum db_err rc;
	uint64_t n = 0;
	int gevonden = 0;

	if ((u = versie_open(c, format_id, nummer, &f, &v)) != OPS_OK)
		return u;
	if ((rc = store_format_reactie_lees(c->db, c->arena, v.id, rid, &rr,
	    &gevonden)) != DB_OK)
		return ops_storing(c, rc, "reactie");
	if (!gevonden)
		return ops_terug(c, OPS_NIET_GEVONDEN);
	if (ops_lees(c, &v_antwoord, antwoord, &w) != 0)
		return ops_terug(c, OPS_VELDEN);
	if ((tekst = ops_kopie(c, &w)) == NULL)
		return ops_storing(c, DB_NOMEM, "reactie");
	if (rr.versie != versie)
		return ops_weiger(c, OPS_VEROUDERD, "De reactie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if ((rc = store_format_reactie_antwoord(c->db, rid, versie, tekst,
	    c->who->gebruiker_id, &n)) != DB_OK)
		return ops_storing(c, rc, "reactie");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, "De reactie is intussen "
		    "gewijzigd. Laad haar opnieuw.");
	if (ops_audit(c, "beantwoorden", "formatversie_reactie", rid, GELUKT,
	    NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

enum ops_uitkomst
format_reacties(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    struct format_reactie_rij **out, size_t *n)
{
	struct formatversie_rij v;
	const char *orgs = NULL, *teams = NULL;
	enum ops_uitkomst u;
	enum db_err rc;

	*out = NULL;
	*n = 0;
	if ((u = formatversie_lees(c, format_id, nummer, NULL, &v)) != OPS_OK)
		return u;
	if (!format_ziet_concepten(c->who, v.keten_id)) {
		if (!principal_has(c->who, ROL_TEAMLEIDER))
			return ops_weiger(c, OPS_GEWEIGERD, "De reacties zijn voor "
			    "de regisseur en de teamleiders die ze gaven.");
		teamleider_scope(c, &orgs, &teams);
		if (orgs == NULL || teams == NULL)
			return ops_storing(c, DB_NOMEM, "reactie");
	}
	if ((rc = store_format_reactie_lijst(c->db, c->arena, v.id, orgs, teams,
	    out, n)) != DB_OK)
		return ops_storing(c, rc, "reactie");
	return OPS_OK;
}

enum ops_uitkomst
format_reactie_lees(struct ops_ctx *c, int64_t format_id, int64_t nummer,
    int64_t rid, struct format_reactie_rij *out)
{
	struct format_reactie_rij *r;
	enum ops_uitkomst u;
	size_t i, n;

	if ((u = format_reacties(c, format_id, nummer, &r, &n)) != OPS_OK)
		return u;
	for (i = 0; i < n; i++)
		if (r[i].id == rid) {
			*out = r[i];
			return OPS_OK;
		}
	return OPS_NIET_GEVONDEN;
}
