/*
 * registratie.c — the writes of registration; see registratie.h.
 *
 * Every operation checks all of its input first and only then opens its
 * transaction, so that field errors cost no round trip of a transaction;
 * what only the database can judge (a duplicate BSN, a wijkteam the
 * organisatie did not run on the start date) comes back as a field error
 * after the rollback.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/log.h"
#include "core/seal.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "domain/traject.h"
#include "domain/veld.h"
#include "domain/veldfout.h"
#include "ops/registratie.h"
#include "store/projectie.h"
#include "store/registratie.h"
#include "store/structuur.h"

#define VEROUDERD	"Iemand anders heeft dit intussen gewijzigd; haal het " \
			"opnieuw op."

static const struct veld v_naam = { "naam", "Naam", VELD_TEKST, 200,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_wijk = { "wijk_id", "Wijk", VELD_REF, 0,
	VELD_VERPLICHT, NULL, REF_WIJK, NULL };
static const struct veld v_datum_start = { "startdatum", "Startdatum",
	VELD_DATUM, 0, VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_datum_eind = { "einddatum", "Einddatum",
	VELD_DATUM, 0, 0, NULL, 0, NULL };
static const struct veld v_soort = { "soort", "Soort traject", VELD_KEUZE, 0,
	VELD_VERPLICHT, traject_soorten, 0, NULL };
static const struct veld v_thema = { "thema_id", "Thema", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_opdracht = { "opdracht_id", "Opdracht", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_wijkteam = { "wijkteam_id", "Wijkteam", VELD_REF, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_datum = { "datum", "Datum", VELD_DATUM, 0,
	VELD_VERPLICHT, NULL, 0, NULL };
static const struct veld v_traject = { "traject_id", "Traject", VELD_REF, 0,
	0, NULL, 0, NULL };

unsigned
ops_partij(const struct scope *s)
{
	return scope_partij(s);
}

const char *
ops_doel(const struct scope *s)
{
	return (s->partijen & GP_WIJKTEAM) ? DOEL_REGISTRATIE : DOEL_KETEN;
}

/* This year by the local clock, the upper bound of a geboortejaar; 2026 when
 * the clock cannot be read, so that a broken clock narrows the range rather
 * than rejecting every year. */
static int
huidig_jaar(void)
{
	time_t now = time(NULL);
	struct tm tm;

	return localtime_r(&now, &tm) != NULL ? tm.tm_year + 1900 : 2026;
}

/* Text without the spaces and tabs around it, in the arena (NULL: none). */
static char *
bijgesneden(struct ops_ctx *c, const char *s)
{
	char *k;
	size_t n;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	if ((k = arena_strdup(c->arena, s)) == NULL)
		return NULL;
	n = strlen(k);
	while (n > 0 && (k[n - 1] == ' ' || k[n - 1] == '\t'))
		k[--n] = '\0';
	return k;
}

int
ops_bsn_zegel(struct ops_ctx *c, const char *bsn, const char **sealed,
    const char **hash)
{
	char *box, *h;

	if (c->seal == NULL || !c->seal->loaded) {
		log_error("registratie", "req=%s seal_key/seal_lookup_key are not"
		    " configured: a BSN cannot be stored",
		    c->request_id ? c->request_id : "-");
		return -1;
	}
	box = arena_alloc(c->arena, SEAL_B64_LEN(BSN_LEN));
	h = arena_alloc(c->arena, SEAL_HASH_HEX_LEN);
	if (box == NULL || h == NULL ||
	    seal_encrypt(c->seal, bsn, strlen(bsn), box,
	    SEAL_B64_LEN(BSN_LEN)) != 0)
		return -1;
	seal_lookup_hash(c->seal, bsn, strlen(bsn), h);
	*sealed = box;
	*hash = h;
	return 0;
}

/* The BSN of in, sealed into rec; an error is a field error. The clear
 * value is wiped from every buffer it passed through. */
static enum ops_uitkomst
inwoner_bsn(struct ops_ctx *c, struct ops_tekst in, struct inwoner_rec *rec)
{
	char canon[BSN_LEN + 1], *k;
	int e, z;

	if (in.ongeldig) {
		fout_melding(c->fouten, "bsn", "Het BSN moet als tekst worden "
		    "meegegeven, bijvoorbeeld \"123456782\".");
		return OPS_OK;
	}
	if ((k = bijgesneden(c, in.tekst)) == NULL || *k == '\0')
		return OPS_OK;
	if ((e = bsn_parse(k, canon)) != BSN_OK) {
		fout_melding(c->fouten, "bsn", bsn_err_text(e));
		z = 0;
	} else {
		z = ops_bsn_zegel(c, canon, &rec->bsn_sealed, &rec->bsn_hash);
	}
	memset(canon, 0, sizeof(canon));
	memset(k, 0, strlen(k));
	if (z != 0) {
		c->db_rc = DB_ERR;
		return ops_weiger(c, OPS_STORING, "Een BSN kan nu niet worden "
		    "opgeslagen (de sleutels ontbreken in de configuratie).");
	}
	return OPS_OK;
}

/* The inwoner's fields into rec (BSN sealed); errors in the list. */
static enum ops_uitkomst
inwoner_rec(struct ops_ctx *c, const struct inwoner_invoer *in,
    struct inwoner_rec *rec)
{
	struct veld_waarde naam, wijk;
	const char *jaar = in->geboortejaar.tekst;
	int64_t j;
	int ja = 0;
	enum db_err rc;
	char buf[160];

	memset(rec, 0, sizeof(*rec));
	if (ops_lees(c, &v_naam, in->naam, &naam) == 0)
		rec->naam = ops_kopie(c, &naam);
	while (jaar != NULL && (*jaar == ' ' || *jaar == '\t'))
		jaar++;
	if (in->geboortejaar.ongeldig || jaar == NULL || *jaar == '\0' ||
	    getal_lees_str(jaar, 1900, huidig_jaar(), &j) != 0) {
		snprintf(buf, sizeof(buf), "Geboortejaar moet een jaartal van 1900 "
		    "tot en met %d zijn.", huidig_jaar());
		fout_melding(c->fouten, "geboortejaar", jaar == NULL ||
		    *jaar == '\0' ? "Geboortejaar is verplicht." : buf);
	} else {
		rec->geboortejaar = j;
	}
	if (ops_lees(c, &v_wijk, in->wijk_id, &wijk) == 0) {
		if ((rc = store_structuur_bestaat(c->db, c->arena, REF_WIJK,
		    wijk.getal, &ja)) != DB_OK)
			return ops_storing(c, rc, "inwoner");
		if (!ja)
			fout_toevoegen(c->fouten, "wijk_id", &v_wijk, VELD_ONBEKEND);
		rec->wijk_id = wijk.getal;
	}
	return inwoner_bsn(c, in->bsn, rec);
}

/*
 * The organisatie is taken from the scope, never from the input: a caller
 * creates inwoners only for the wijkteamorganisatie they register for. A
 * duplicate BSN can only be seen by the unique key, so it comes back as a
 * field error after the insert (ops_veldfout rolls back).
 */
enum ops_uitkomst
inwoner_maak(struct ops_ctx *c, const struct inwoner_invoer *in, int64_t *id)
{
	struct inwoner_rec rec;
	enum ops_uitkomst u;
	enum db_err rc;

	if (c->scope->wijkteam_org == 0)
		return ops_weiger(c, OPS_GEWEIGERD, "U registreert niet voor een "
		    "wijkteamorganisatie.");
	if ((u = inwoner_rec(c, in, &rec)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	rec.organisatie_id = c->scope->wijkteam_org;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_inwoner_nieuw(c->db, c->arena, &rec, id);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "bsn", "Uw organisatie heeft al een "
		    "inwoner met dit BSN. Zoek op het BSN om die te openen.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "inwoner");
	if (ops_audit_persoon(c, "aanmaken", "inwoner", *id, *id,
	    DOEL_REGISTRATIE, GELUKT, rec.bsn_sealed ? "met BSN" : NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/*
 * No row changed means the version moved on or the inwoner left the
 * caller's scope; both answer OPS_VEROUDERD, so that a caller learns
 * nothing about inwoners outside their scope. The BSN is only replaced when
 * the input gave one (bsn_gegeven): an empty field keeps the sealed value.
 */
enum ops_uitkomst
inwoner_wijzig(struct ops_ctx *c, const struct inwoner_invoer *in, int64_t id,
    int64_t versie)
{
	struct inwoner_rec rec;
	enum ops_uitkomst u;
	uint64_t n = 0;
	enum db_err rc;

	if ((u = inwoner_rec(c, in, &rec)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_inwoner_wijzig(c->db, c->arena, c->scope, id, versie, &rec,
	    in->bsn_gegeven, &n);
	if (rc == DB_DUPLICATE)
		return ops_veldfout(c, "bsn", "Uw organisatie heeft al een andere "
		    "inwoner met dit BSN.");
	if (rc != DB_OK)
		return ops_storing(c, rc, "inwoner");
	if (n == 0)
		return ops_weiger(c, OPS_VEROUDERD, VEROUDERD);
	/* A move is dated today in the wijk history; the figures count every
	 * event for the wijk of its day (sql/009). */
	if ((rc = store_inwoner_verhuisd(c->db, id, rec.wijk_id)) != DB_OK)
		return ops_storing(c, rc, "inwoner_wijk");
	if ((u = ops_projecties_bijwerken(c, id, 0)) != OPS_OK)
		return u;
	if (ops_audit_persoon(c, "wijzigen", "inwoner", id, id, DOEL_REGISTRATIE,
	    GELUKT, in->bsn_gegeven ? "BSN gewijzigd" : NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* The traject's fields into rec (nieuw: with the wijkteam); errors in the
 * list. */
static enum ops_uitkomst
traject_rec(struct ops_ctx *c, const struct traject_invoer *in, int nieuw,
    struct traject_rec *rec)
{
	struct veld_waarde soort, thema, opdracht, wijkteam, start, eind;
	struct traject_refs refs;
	enum db_err rc;
	int ok = 1;

	memset(rec, 0, sizeof(*rec));
	if (ops_lees(c, &v_soort, in->soort, &soort) == 0)
		rec->soort = ops_kopie(c, &soort);
	ok &= ops_lees(c, &v_thema, in->thema_id, &thema) == 0;
	ok &= ops_lees(c, &v_opdracht, in->opdracht_id, &opdracht) == 0;
	if (nieuw)
		ok &= ops_lees(c, &v_wijkteam, in->wijkteam_id, &wijkteam) == 0;
	if (ops_lees(c, &v_datum_start, in->startdatum, &start) == 0)
		rec->startdatum = ops_kopie(c, &start);
	if (ops_lees(c, &v_datum_eind, in->einddatum, &eind) == 0 && !eind.leeg)
		rec->einddatum = ops_kopie(c, &eind);
	if (rec->startdatum != NULL && rec->einddatum != NULL &&
	    !veld_periode_ok(rec->startdatum, rec->einddatum))
		fout_toevoegen(c->fouten, "einddatum", &v_datum_eind,
		    VELD_VOOR_BEGIN);
	if (!ok)
		return OPS_OK;
	rec->thema_id = thema.getal;
	rec->opdracht_id = opdracht.getal;
	rec->wijkteam_id = nieuw ? wijkteam.getal : 0;
	if ((rc = store_traject_refs(c->db, c->arena, rec->thema_id,
	    rec->opdracht_id, nieuw ? rec->wijkteam_id : 1, &refs)) != DB_OK)
		return ops_storing(c, rc, "traject");
	if (!refs.thema)
		fout_toevoegen(c->fouten, "thema_id", &v_thema, VELD_ONBEKEND);
	if (!refs.opdracht)
		fout_toevoegen(c->fouten, "opdracht_id", &v_opdracht,
		    VELD_ONBEKEND);
	if (nieuw && !refs.wijkteam)
		fout_toevoegen(c->fouten, "wijkteam_id", &v_wijkteam,
		    VELD_ONBEKEND);
	return OPS_OK;
}

/* The traject of in for inwoner_id, checked, and the transaction begun:
 * OPS_OK, or OPS_VELDEN / OPS_STORING with nothing begun. */
static enum ops_uitkomst
traject_klaar(struct ops_ctx *c, const struct traject_invoer *in, int nieuw,
    int64_t inwoner_id, struct traject_rec *rec)
{
	enum ops_uitkomst u;

	if ((u = traject_rec(c, in, nieuw, rec)) != OPS_OK)
		return u;
	if (ops_heeft_fouten(c))
		return OPS_VELDEN;
	rec->inwoner_id = inwoner_id;
	return ops_begin(c);
}

/* *id == 0 from the store means the insert found no period in which the
 * caller's organisatie ran the wijkteam on the startdatum; only the database
 * can judge that, so it is a field error after the fact. */
enum ops_uitkomst
traject_maak(struct ops_ctx *c, const struct traject_invoer *in,
    int64_t inwoner_id, int64_t *id)
{
	struct traject_rec rec;
	enum ops_uitkomst u;
	enum db_err rc;

	if ((u = traject_klaar(c, in, 1, inwoner_id, &rec)) != OPS_OK)
		return u;
	if ((rc = store_traject_nieuw(c->db, c->scope, &rec, id)) != DB_OK)
		return ops_storing(c, rc, "traject");
	if (*id == 0)
		return ops_veldfout(c, "wijkteam_id", "Dit wijkteam werd op de "
		    "startdatum niet door uw organisatie uitgevoerd.");
	if (ops_audit_persoon(c, "aanmaken", "traject", *id, inwoner_id,
	    DOEL_REGISTRATIE, GELUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/*
 * The wijkteam is not changed here (traject_rec with nieuw 0). When no row
 * changed the transaction is rolled back before the traject is read again,
 * so that the re-read sees committed state and not our own half-done
 * update; only then can a stale version be told apart from dates that do
 * not fit.
 */
enum ops_uitkomst
traject_wijzig(struct ops_ctx *c, const struct traject_invoer *in,
    int64_t inwoner_id, int64_t id, int64_t versie)
{
	struct traject_rec rec;
	struct traject_kern nu;
	enum ops_uitkomst u;
	uint64_t n = 0;
	enum db_err rc;

	if ((u = traject_klaar(c, in, 0, inwoner_id, &rec)) != OPS_OK)
		return u;
	if ((rc = store_traject_wijzig(c->db, c->scope, id, versie, &rec, &n)) !=
	    DB_OK)
		return ops_storing(c, rc, "traject");
	if (n == 0) {
		/* Someone else's change, or dates that do not fit. */
		ops_rollback(c);
		if ((rc = store_traject_kern(c->db, c->arena, c->scope,
		    inwoner_id, id, &nu)) != DB_OK)
			return ops_storing(c, rc, "traject");
		if (nu.id == 0 || nu.versie != versie)
			return ops_weiger(c, OPS_VEROUDERD, VEROUDERD);
		return ops_veldfout(c, "startdatum", "Met deze data valt het "
		    "traject buiten de periode waarin uw organisatie het wijkteam "
		    "uitvoert, of vallen gebeurtenissen van het traject erbuiten.");
	}
	/* the figures count a fact by its traject's soort, thema and
	 * opdracht as the facts hold them */
	if ((u = ops_projecties_bijwerken(c, inwoner_id, 0)) != OPS_OK)
		return u;
	if (ops_audit_persoon(c, "wijzigen", "traject", id, inwoner_id,
	    DOEL_REGISTRATIE, GELUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* What the event a correctie voids tells: its type (NULL: not one the
 * caller sees) and traject; a field error when it cannot be voided. */
static enum ops_uitkomst
correctie_van(struct ops_ctx *c, int64_t inwoner_id, const char *zien,
    int64_t vervalt_id, const struct gebeurtenis_type **vervallen,
    int64_t *traject_id)
{
	struct gebeurtenis_rij *k;
	enum db_err rc;
	size_t n;

	if ((rc = store_gebeurtenissen(c->db, c->arena, inwoner_id, zien,
	    vervalt_id, &k, &n)) != DB_OK)
		return ops_storing(c, rc, "gebeurtenis");
	*vervallen = n == 1 && k[0].id == vervalt_id ?
	    gebeurtenis_type_find(k[0].type) : NULL;
	gebeurtenis_correctie_toets(*vervallen, *vervallen != NULL &&
	    k[0].vervallen_door != 0, c->fouten);
	if (*vervallen != NULL)
		*traject_id = k[0].traject_id;
	return OPS_OK;
}

/*
 * The traject and organisatie an event of party p goes to: the wijkteam's
 * own traject (of the traject's organisatie: a user may work for more
 * than one); a ketenpartner's must carry an event it sees (the one it
 * acts on), and defaults to the latest. Errors in the list.
 */
static enum ops_uitkomst
gebeurtenis_traject(struct ops_ctx *c, enum gebeurtenis_partij p,
    int64_t inwoner_id, const char *zien, int gekozen, int64_t traject_id,
    struct gebeurtenis_rec *rec)
{
	struct gebeurtenis_rij *k;
	struct traject_kern t;
	enum db_err rc;
	size_t i, n;
	long dag;
	char start[11];

	if (p == GP_WIJKTEAM) {
		if (!gekozen) {
			fout_melding(c->fouten, "traject_id", "Kies het traject.");
			return OPS_OK;
		}
		if ((rc = store_traject_kern(c->db, c->arena, c->scope,
		    inwoner_id, traject_id, &t)) != DB_OK)
			return ops_storing(c, rc, "gebeurtenis");
		rec->traject_id = traject_id;
		if (t.id == 0) {
			fout_melding(c->fouten, "traject_id", "Dit traject hoort "
			    "niet bij deze inwoner of niet bij uw organisatie.");
			return OPS_OK;
		}
		rec->organisatie_id = t.organisatie_id;
		if (rec->datum != NULL && datum_lees_str(rec->datum,
		    DATUM_JAAR_MIN, DATUM_JAAR_MAX, &dag) == 0 && dag < t.startdag)
			fout_melding(c->fouten, "datum", arena_printf(c->arena,
			    "De datum ligt voor de start van het traject (%s).",
			    datum_tekst(t.startdag, start)));
		return OPS_OK;
	}
	if ((rc = store_gebeurtenissen(c->db, c->arena, inwoner_id, zien, 0,
	    &k, &n)) != DB_OK)
		return ops_storing(c, rc, "gebeurtenis");
	for (i = 0; i < n; i++)
		if (!gekozen || k[i].traject_id == traject_id)
			rec->traject_id = k[i].traject_id;  /* the latest wins */
	if (rec->traject_id == 0)
		fout_melding(c->fouten, "traject_id", "Bij dit traject is uw "
		    "organisatie niet betrokken.");
	rec->organisatie_id = c->scope->keten_org;
	return OPS_OK;
}

enum ops_uitkomst
gebeurtenis_maak(struct ops_ctx *c, const struct gebeurtenis_invoer *in,
    int64_t inwoner_id, int64_t *id)
{
	const struct gebeurtenis_type *t, *vervallen = NULL;
	enum gebeurtenis_partij p = ops_partij(c->scope);
	struct gebeurtenis_rec rec;
	struct veld_waarde datum, traject;
	struct json_object *vid, *leeg = NULL, *gegevens;
	const char *zien, *wie;
	enum ops_uitkomst u;
	enum db_err rc;
	int gekozen;
	char dag[11];

	memset(&rec, 0, sizeof(rec));
	t = in->type.ongeldig ? NULL : gebeurtenis_type_find(in->type.tekst);
	if (t == NULL)
		return ops_veldfout(c, "type", in->type.tekst == NULL ||
		    *in->type.tekst == '\0' ? "Kies het soort gebeurtenis." :
		    "Dit soort gebeurtenis bestaat niet; zie "
		    "/api/v1/gebeurtenistypes.");
	gekozen = ops_lees(c, &v_traject, in->traject_id, &traject) == 0 &&
	    !traject.leeg;
	if (ops_lees(c, &v_datum, in->datum, &datum) == 0)
		rec.datum = ops_kopie(c, &datum);
	if (in->gegevens_ongeldig)
		return ops_veldfout(c, "gegevens", "gegevens moet een object zijn, "
		    "bijvoorbeeld {\"uitkomst\": \"overbrugbaar\"}.");
	if ((zien = gebeurtenis_types_voor(c->arena, p)) == NULL)
		return ops_storing(c, DB_NOMEM, "gebeurtenis");
	gegevens = in->gegevens != NULL ? in->gegevens :
	    (leeg = json_object_new_object());
	gebeurtenis_valideer(t, gegevens, c->fouten);
	/* A correctie voids an event this caller sees, and belongs to its
	 * traject. */
	if ((t->vlag & GT_VOLGT_VERVALLEN) &&
	    json_object_object_get_ex(gegevens, "vervalt_id", &vid) &&
	    json_object_is_type(vid, json_type_int)) {
		rec.vervalt_id = json_object_get_int64(vid);
		if ((u = correctie_van(c, inwoner_id, zien, rec.vervalt_id,
		    &vervallen, &traject.getal)) != OPS_OK)
			goto uit;
		if (vervallen != NULL)
			gekozen = 1;
	}
	if (rec.datum != NULL && strcmp(rec.datum, datum_vandaag(dag)) > 0)
		fout_melding(c->fouten, "datum", "De datum ligt in de toekomst; "
		    "registreer wat gebeurd is.");
	if (ops_heeft_fouten(c)) {
		u = OPS_VELDEN;
		goto uit;
	}
	if (!gebeurtenis_mag_registreren(t, vervallen, p)) {
		u = ops_weiger(c, OPS_GEWEIGERD, "Uw organisatie registreert dit "
		    "soort gebeurtenis niet.");
		goto uit;
	}
	if ((u = gebeurtenis_traject(c, p, inwoner_id, zien, gekozen,
	    traject.getal, &rec)) != OPS_OK)
		goto uit;
	if (ops_heeft_fouten(c)) {
		u = OPS_VELDEN;
		goto uit;
	}
	rec.inwoner_id = inwoner_id;
	rec.type = t->code;
	rec.gegevens = arena_strdup(c->arena, json_object_to_json_string_ext(
	    gegevens, JSON_C_TO_STRING_PLAIN));
	/* gebeurtenis_mag_registreren made sure p is the type's registrant
	 * (or, for a correctie, the registrant of what it voids). */
	rec.partij = gebeurtenis_partij_code(p);
	rec.gebruiker_id = c->who->gebruiker_id;
	if (rec.organisatie_id == 0) {
		u = ops_weiger(c, OPS_GEWEIGERD, NULL);
		goto uit;
	}
	if ((wie = gebeurtenis_zien_wie(c->arena, t, vervallen)) == NULL ||
	    rec.gegevens == NULL) {
		u = ops_storing(c, DB_NOMEM, "gebeurtenis");
		goto uit;
	}
	if ((u = ops_begin(c)) != OPS_OK)
		goto uit;
	rc = store_gebeurtenis_nieuw(c->db, &rec, wie, id);
	if (rc == DB_DUPLICATE) {
		u = ops_veldfout(c, "vervalt_id", "Deze gebeurtenis is al "
		    "gecorrigeerd.");
		goto uit;
	}
	if (rc != DB_OK) {
		u = ops_storing(c, rc, "gebeurtenis");
		goto uit;
	}
	if ((u = ops_projecties_bijwerken(c, inwoner_id, rec.vervalt_id > 0)) !=
	    OPS_OK)
		goto uit;
	if (ops_audit_persoon(c, "aanmaken", "gebeurtenis", *id, inwoner_id,
	    ops_doel(c->scope), GELUKT, t->code) != 0)
		u = ops_storing(c, DB_ERR, "gebeurtenis");
uit:
	json_object_put(leeg);
	return u;
}
