/*
 * demo.c — the demo inwoners of `wijkzicht seed-demo`; see demo.h.
 *
 * Each demo inwoner i (1 .. DEMO_INWONERS) has its own PRNG stream
 * (splitmix64 seeded from a constant and i), so their name, wijk, BSN and
 * story never depend on which other inwoners exist already or on database
 * ids. An inwoner's story is planned first (a list of dated events on one
 * or two trajecten), then written in one transaction: the inwoner, their
 * trajecten and their events through store/registratie.h, with one audit
 * row per write.
 *
 * The stories follow the transitions of domain/ketenstatus.c and the
 * audit letter's situations: for new bijstand recipients (the brede
 * opdracht) a startgesprek with the inkomensconsulent; overbrugbaar →
 * overdracht to Werkom, accepted or (some) still unanswered;
 * onoverbrugbaar → the wijkteam's wachtlijst or its own begeleiding, a
 * plan van aanpak; the uitkeringsbesluit registered by Uitkeringen,
 * sometimes afgewezen while the inwoner still waits; returns from Werkom
 * with and without a warme overdracht, and a few without any handover;
 * referrals to Meedoen Werkt (Naleving); corrections that void a mistaken
 * event. For people long on an uitkering (the aanvullende opdracht) the
 * wachtlijst Zittend Bestand, a plan van aanpak, a profiel (from the end
 * of 2024) and where possible Werkom. Every event lies in 2023–2025; a
 * story that would run past 2025 simply stops there, which leaves
 * realistic open ends.
 *
 * The structure lookups are constant SQL run directly on the connection
 * (like the demo SQL files themselves): this module reads only the demo
 * structure and has no statements of its own in the registry.
 */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <mysql.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/conf.h"
#include "core/passhash.h"
#include "core/seal.h"
#include "db/db.h"
#include "db/exec.h"
#include "db/migrate.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/traject.h"
#include "store/audit.h"
#include "store/demo.h"
#include "store/demo_verhaal.h"
#include "store/projectie.h"
#include "store/registratie.h"
#include "store/statements.h"


#define DEMO_SEED	0x77696a6b7a696368ULL	/* "wijkzich" */
#define DEMO_ROUTE	"cli seed-demo"
#define DEMO_DOEL	"registratie"


/* ------------------------------------------------------------ fictional people */

static const char *const voornamen[] = {
	"Anouk", "Bram", "Chaima", "Daan", "Esra", "Fenna", "Gijs", "Hatice",
	"Ilse", "Jesse", "Kees", "Latifa", "Mees", "Noor", "Olaf", "Priya",
	"Quinten", "Roos", "Sem", "Tirza", "Umut", "Vera", "Wessel", "Xandra",
	"Yara", "Zeynep", "Bilal", "Carmen", "Dirk", "Elif", "Floor", "Gerrit",
	"Hanneke", "Ivo", "Joyce", "Karim", "Lotte", "Milan", "Nadia", "Otto",
	"Petra", "Rachid", "Sanne", "Teun", "Ilona", "Vincent", "Wendy",
	"Youssef", "Zoë", "Aziz", "Bo", "Céline", "Dewi", "Emre", "Fatma",
	"Govert", "Hamza", "Iris", "Jelle", "Kiki",
};

/* Obviously invented surnames: nobody is called this. */
static const char *const achternamen[] = {
	"Voorbeeld", "Testmans", "Proefhuis", "Verzinsma", "Fictiefveld",
	"Demozijl", "Bedachtsen", "Denkbeeld", "Oefenaar", "Nepkens",
	"Schijnsma", "Probeersen", "Zomaarwijk", "Droomstra", "Verzonnenhof",
	"Nergensveld", "Niemandsma", "Modelmans", "Steekproef", "Papierhuis",
	"Puntkomma", "Klikkerstra", "Spelregel", "Invulhof", "Sjabloonsma",
	"Fantasiebeek", "de Proefpersoon", "van Verzinning", "van der Testrijk",
	"ter Oefening", "van Nimmerdal", "de Bedenker", "van Doenalsof",
	"Vulsel", "Lorumipsma",
};


/* Wijkteam codes of sql/demo/010_zaanstad_structuur.sql, in a fixed
 * order: demo inwoner i belongs to teams[i % 11]. */
static const char *const team_codes[] = {
	"WT-ASD", "WT-KRM", "WT-WRV", "WT-ZDK", "WT-KAZ", "WT-ZDN",
	"WT-ZDO", "WT-PLB", "WT-ZDW", "WT-ZDZ", "WT-ZDC",
};
_Static_assert(DEMO_AANTAL(team_codes) == NTEAMS, "NTEAMS is the number of team codes");

/* ------------------------------------------------------------ lookups */

/* Runs constant SQL and returns its result (caller frees), or NULL. */
static MYSQL_RES *
vraag(struct ctx *c, const char *sql)
{
	MYSQL_RES *res;

	if (db_connect(c->db) != 0)
		return NULL;
	if (mysql_query(c->db->conn, sql) != 0 ||
	    (res = mysql_store_result(c->db->conn)) == NULL) {
		fprintf(c->out, "seed-demo: inwoners: %s\n", mysql_error(c->db->conn));
		return NULL;
	}
	return res;
}

static int64_t
cel(MYSQL_ROW row, unsigned i)
{
	return row[i] != NULL ? db_cell_int(row[i], 0) : 0;
}

static int
lees_structuur(struct ctx *c)
{
	static const char *const themas[8][2] = {
		{ "participatie", "PART" }, { "ib_eigen", "MO" },
		{ "plan_van_aanpak", "PART" }, { "schulden", "SCH" },
		{ "mantelzorg", "MZ" }, { "maatschappelijke_ondersteuning", "MO" },
		{ "jongeren", "JONG" }, { "huiselijk_geweld", "HG" },
	};
	MYSQL_RES *res;
	MYSQL_ROW row;
	size_t i;

	/* Wijkteams with the organisatie that runs them through 2023–2025
	 * and that organisatie's demo medewerker. */
	if ((res = vraag(c,
	    "SELECT t.code, t.id, wo.organisatie_id, g.id"
	    "  FROM wijkteam t"
	    "  JOIN wijkteam_organisatie wo ON wo.wijkteam_id = t.id"
	    "   AND wo.geldig_van <= '2023-01-01'"
	    "   AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= '2025-12-31')"
	    "  JOIN organisatie o ON o.id = wo.organisatie_id"
	    "  JOIN gebruiker g ON g.gebruikersnaam = CONCAT('medewerker.', LOWER(o.code))"
	    " WHERE t.code LIKE 'WT-%'")) == NULL)
		return -1;
	while ((row = mysql_fetch_row(res)) != NULL)
		for (i = 0; i < NTEAMS; i++)
			if (strcmp(row[0], team_codes[i]) == 0) {
				c->team[i].id = cel(row, 1);
				c->team[i].org = cel(row, 2);
				c->team[i].medewerker = cel(row, 3);
			}
	mysql_free_result(res);

	if ((res = vraag(c,
	    "SELECT ww.wijkteam_id, ww.wijk_id FROM wijkteam_wijk ww"
	    " WHERE ww.geldig_tot IS NULL ORDER BY ww.wijkteam_id, ww.wijk_id")) == NULL)
		return -1;
	while ((row = mysql_fetch_row(res)) != NULL)
		for (i = 0; i < NTEAMS; i++)
			if (c->team[i].id == cel(row, 0) &&
			    c->team[i].nwijk < TEAM_WIJK_MAX)
				c->team[i].wijk[c->team[i].nwijk++] = cel(row, 1);
	mysql_free_result(res);
	for (i = 0; i < NTEAMS; i++)
		if (c->team[i].id == 0 || c->team[i].nwijk == 0 ||
		    c->team[i].medewerker == 0) {
			fprintf(c->out, "seed-demo: inwoners: wijkteam %s, its wijken or "
			    "its organisatie's demo medewerker is missing\n", team_codes[i]);
			return -1;
		}

	if ((res = vraag(c,
	    "SELECT o.keten_partij, o.id, g.id FROM organisatie o"
	    "  JOIN gebruiker g ON g.gebruikersnaam = CONCAT('ketenpartner.', o.keten_partij)"
	    " WHERE o.code IN ('WERKOM', 'UITKERING', 'NALEVING')")) == NULL)
		return -1;
	while ((row = mysql_fetch_row(res)) != NULL) {
		if (row[0] == NULL)
			continue;
		if (strcmp(row[0], "werkom") == 0) {
			c->org_werkom = cel(row, 1);
			c->user_werkom = cel(row, 2);
		} else if (strcmp(row[0], "uitkeringen") == 0) {
			c->org_uitkeringen = cel(row, 1);
			c->user_uitkeringen = cel(row, 2);
		} else if (strcmp(row[0], "naleving") == 0) {
			c->org_naleving = cel(row, 1);
			c->user_naleving = cel(row, 2);
		}
	}
	mysql_free_result(res);
	if (c->user_werkom == 0 || c->user_uitkeringen == 0 || c->user_naleving == 0) {
		fprintf(c->out, "seed-demo: inwoners: the ketenpartners (Werkom, "
		    "Uitkeringen, Naleving) or their demo users are missing\n");
		return -1;
	}

	if ((res = vraag(c, "SELECT code, id FROM opdracht"
	    " WHERE code IN ('BREED', 'AANV-PART', 'PILOT-IB')")) == NULL)
		return -1;
	while ((row = mysql_fetch_row(res)) != NULL) {
		if (strcmp(row[0], "BREED") == 0)
			c->opdr_breed = cel(row, 1);
		else if (strcmp(row[0], "AANV-PART") == 0)
			c->opdr_aanv = cel(row, 1);
		else
			c->opdr_pilot = cel(row, 1);
	}
	mysql_free_result(res);

	for (i = 0; i < DEMO_AANTAL(themas); i++) {
		c->thema[i].code = themas[i][0];
		c->thema[i].id = 0;
	}
	if ((res = vraag(c, "SELECT code, id FROM thema")) == NULL)
		return -1;
	while ((row = mysql_fetch_row(res)) != NULL)
		for (i = 0; i < DEMO_AANTAL(themas); i++)
			if (strcmp(row[0], themas[i][1]) == 0)
				c->thema[i].id = cel(row, 1);
	mysql_free_result(res);
	for (i = 0; i < DEMO_AANTAL(themas); i++)
		if (c->thema[i].id == 0 || traject_soort_label(themas[i][0]) == NULL) {
			fprintf(c->out, "seed-demo: inwoners: thema %s (traject %s) is "
			    "missing\n", themas[i][1], themas[i][0]);
			return -1;
		}
	if (c->opdr_breed == 0 || c->opdr_aanv == 0 || c->opdr_pilot == 0) {
		fprintf(c->out, "seed-demo: inwoners: the demo opdrachten are missing\n");
		return -1;
	}

	/* The demo inwoners that exist already. */
	if ((res = vraag(c, "SELECT organisatie_id, extern_kenmerk FROM inwoner"
	    " WHERE extern_kenmerk LIKE 'DEMO-%'")) == NULL)
		return -1;
	c->nbestaand = 0;
	c->bestaand = calloc(mysql_num_rows(res) + 1, sizeof(*c->bestaand));
	if (c->bestaand == NULL) {
		mysql_free_result(res);
		return -1;
	}
	while ((row = mysql_fetch_row(res)) != NULL) {
		c->bestaand[c->nbestaand].org = cel(row, 0);
		c->bestaand[c->nbestaand].nr = (int)db_cell_int(row[1] + 5, 0);
		c->nbestaand++;
	}
	mysql_free_result(res);
	return 0;
}

static int
bestaat(const struct ctx *c, int64_t org, int nr)
{
	size_t i;

	for (i = 0; i < c->nbestaand; i++)
		if (c->bestaand[i].org == org && c->bestaand[i].nr == nr)
			return 1;
	return 0;
}


/* ------------------------------------------------------------ writing */

static int
audit_rij(struct ctx *c, int64_t gebruiker, const char *soort, int64_t id,
    int64_t inwoner)
{
	struct audit_rec a;

	memset(&a, 0, sizeof(a));
	a.gebruiker_id = gebruiker;
	a.actie = "aanmaken";
	a.object_soort = soort;
	a.object_id = id;
	a.inwoner_id = inwoner;
	a.doel = DEMO_DOEL;
	a.route = DEMO_ROUTE;
	a.resultaat = "gelukt";
	a.adres = "";
	a.toelichting = "demodata";
	return store_audit_insert(c->db, &a) == DB_OK ? 0 : -1;
}

/* The party codes of a visibility mask, "wijkteam,uitkeringen". */
static const char *
zichtbaar_codes(struct ctx *c, unsigned mask)
{
	static const enum gebeurtenis_partij alle[] = {
		GP_WIJKTEAM, GP_WERKOM, GP_UITKERINGEN, GP_NALEVING,
	};
	char buf[64];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < DEMO_AANTAL(alle); i++)
		if (mask & (unsigned)alle[i])
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
			    n ? "," : "", gebeurtenis_partij_code(alle[i]));
	return arena_strdup(c->a, buf);
}

static int
schrijf_ev(struct ctx *c, const struct team *t, int64_t inwoner, struct plan *p, int i)
{
	struct plan_ev *e = &p->ev[i];
	const struct gebeurtenis_type *gt = gebeurtenis_type_find(e->type), *wie;
	struct gebeurtenis_rec rec;
	struct json_object *fouten;
	enum gebeurtenis_partij partij;
	char datum[DATUM_LEN];
	const char *zicht;
	int64_t user;
	enum db_err err;

	if (gt == NULL) {
		fprintf(c->out, "seed-demo: inwoners: unknown event type %s\n", e->type);
		return -1;
	}
	wie = gt;
	if (e->vervalt >= 0) {
		wie = gebeurtenis_type_find(p->ev[e->vervalt].type);
		json_object_object_add(e->g, "vervalt_id",
		    json_object_new_int64(p->ev[e->vervalt].id));
	}
	fouten = json_object_new_array();
	if (gebeurtenis_valideer(gt, e->g, fouten) != 0) {
		fprintf(c->out, "seed-demo: inwoners: invalid %s: %s\n", e->type,
		    json_object_to_json_string(fouten));
		json_object_put(fouten);
		return -1;
	}
	json_object_put(fouten);
	partij = wie->registreert;
	memset(&rec, 0, sizeof(rec));
	switch (partij) {
	case GP_WERKOM:
		rec.organisatie_id = c->org_werkom;
		user = c->user_werkom;
		break;
	case GP_UITKERINGEN:
		rec.organisatie_id = c->org_uitkeringen;
		user = c->user_uitkeringen;
		break;
	case GP_NALEVING:
		rec.organisatie_id = c->org_naleving;
		user = c->user_naleving;
		break;
	default:
		partij = GP_WIJKTEAM;
		rec.organisatie_id = t->org;
		user = t->medewerker;
		break;
	}
	datum_tekst(e->dag, datum);
	zicht = zichtbaar_codes(c, wie->zichtbaar);
	rec.inwoner_id = inwoner;
	rec.traject_id = p->trj[e->trj].id;
	rec.type = e->type;
	rec.datum = datum;
	rec.gegevens = json_object_to_json_string_ext(e->g, JSON_C_TO_STRING_PLAIN);
	rec.vervalt_id = e->vervalt >= 0 ? p->ev[e->vervalt].id : 0;
	rec.partij = gebeurtenis_partij_code(partij);
	rec.gebruiker_id = user;
	if (zicht == NULL)
		return -1;
	if ((err = store_gebeurtenis_nieuw(c->db, &rec, zicht, &e->id)) != DB_OK ||
	    e->id <= 0 || (err = store_ketenstatus_bijwerken(c->db, c->a,
	    rec.inwoner_id, rec.vervalt_id > 0)) != DB_OK ||
	    (err = store_projectie_cijfers(c->db, c->a, &rec.inwoner_id, 1)) !=
	    DB_OK) {
		fprintf(c->out, "seed-demo: inwoners: %s: %s\n", e->type,
		    c->db->error[0] ? c->db->error : "not written");
		return -1;
	}
	return audit_rij(c, user, "gebeurtenis", e->id, inwoner);
}

/* The order to write p's events in: by day, planning order within a day
 * (a stable insertion sort; indices in p stay, so a correctie still names
 * the event it voids, which always comes first). */
static void
volgorde(const struct plan *p, int ord[PLAN_EV_MAX])
{
	int i, j, k;

	for (i = 0; i < p->nev; i++) {
		k = i;
		for (j = i; j > 0 && p->ev[ord[j - 1]].dag > p->ev[k].dag; j--)
			ord[j] = ord[j - 1];
		ord[j] = k;
	}
}

/*
 * The nr-th number (1 ..) of the test range 999 99 xxxx that passes the
 * 11-proef, in a scrambled but fixed order: distinct for distinct nr (so
 * no two demo inwoners share a BSN), about 900 of them. Returns -1 past
 * the end of the range.
 */
static int
test_bsn(int nr, char out[BSN_LEN + 1])
{
	static const int w[8] = { 9, 8, 7, 6, 5, 4, 3, 2 };
	int d[9], s, i, j, x, n = 0;

	for (j = 0; j < 1000; j++) {
		x = (j * 367 + 211) % 1000;    /* 367 is prime to 1000 */
		d[0] = d[1] = d[2] = d[3] = d[4] = 9;
		d[5] = x / 100;
		d[6] = x / 10 % 10;
		d[7] = x % 10;
		for (s = 0, i = 0; i < 8; i++)
			s += w[i] * d[i];
		d[8] = s % 11;          /* 9*d1 + ... + 2*d8 - d9 ≡ 0 (mod 11) */
		if (d[8] > 9 || ++n < nr)
			continue;
		for (i = 0; i < 9; i++)
			out[i] = (char)('0' + d[i]);
		out[9] = '\0';
		return 0;
	}
	return -1;
}

static int
schrijf_inwoner(struct ctx *c, int nr, const struct team *t, struct rng *r,
    struct plan *p)
{
	char naam[128], kenmerk[16], bsn[BSN_LEN + 1], canon[BSN_LEN + 1];
	char sealed[SEAL_B64_LEN(BSN_LEN)], hash[SEAL_HASH_HEX_LEN];
	char start[DATUM_LEN], eind[DATUM_LEN];
	int ord[PLAN_EV_MAX];
	struct inwoner_rec in;
	struct traject_rec tr;
	struct scope scope;
	int64_t id = 0;
	int i, heeft_bsn;
	enum db_err err;

	snprintf(naam, sizeof(naam), "%s %s", KIES(r, voornamen), KIES(r, achternamen));
	snprintf(kenmerk, sizeof(kenmerk), "DEMO-%04d", nr);
	heeft_bsn = rng_kans(r, 50) && test_bsn(nr, bsn) == 0;
	memset(&in, 0, sizeof(in));
	in.naam = naam;
	in.geboortejaar = rng_tussen(r, 1960, 2006);
	in.wijk_id = t->wijk[rng_next(r) % t->nwijk];
	in.organisatie_id = t->org;
	in.extern_kenmerk = kenmerk;
	if (heeft_bsn && c->met_bsn) {
		if (bsn_parse(bsn, canon) != 0 ||
		    seal_encrypt(&c->keys, canon, BSN_LEN, sealed, sizeof(sealed)) != 0) {
			fprintf(c->out, "seed-demo: inwoners: cannot seal a demo BSN\n");
			return -1;
		}
		seal_lookup_hash(&c->keys, canon, BSN_LEN, hash);
		in.bsn_sealed = sealed;
		in.bsn_hash = hash;
	}
	plan_maken(c, r, p);
	volgorde(p, ord);

	if (db_begin(c->db) != 0)
		goto fail;
	err = store_inwoner_nieuw(c->db, c->a, &in, &id);
	if (err == DB_DUPLICATE) {
		(void)db_rollback(c->db);
		return 1;
	}
	if (err != DB_OK || id <= 0 || audit_rij(c, t->medewerker, "inwoner", id, id) != 0)
		goto fail;

	memset(&scope, 0, sizeof(scope));
	scope.org[0] = t->org;
	scope.norg = 1;
	scope.partijen = GP_WIJKTEAM;
	scope.wijkteam_org = t->org;
	for (i = 0; i < p->ntrj; i++) {
		if (p->trj[i].start == 0)
			continue;     /* nothing happened before 2026 */
		datum_tekst(p->trj[i].start, start);
		if (p->trj[i].eind != 0)
			datum_tekst(p->trj[i].eind, eind);
		memset(&tr, 0, sizeof(tr));
		tr.inwoner_id = id;
		tr.soort = p->trj[i].soort;
		tr.thema_id = thema_van(c, p->trj[i].soort);
		/* The opdracht as the audit letter has it (Bijlage 2,
		 * "Opdrachten van de wijkteams met betrekking tot
		 * participatie"): the startgesprek, plan van aanpak and
		 * overdracht of new bijstand recipients are the brede
		 * opdracht's; the aanvullende opdracht participatie is the
		 * long-term contact with people on an uitkering (the
		 * zittend bestand of demo_verhaal.c). IB the team gave
		 * itself before 2024 was the pilot (DESIGN.md). */
		tr.opdracht_id = p->trj[i].aanvullend ? c->opdr_aanv :
		    strcmp(tr.soort, "ib_eigen") == 0 &&
		    p->trj[i].start < dag_van(2024, 1, 1) ? c->opdr_pilot : c->opdr_breed;
		tr.wijkteam_id = t->id;
		tr.startdatum = start;
		tr.einddatum = p->trj[i].eind != 0 ? eind : NULL;
		if (store_traject_nieuw(c->db, &scope, &tr, &p->trj[i].id) != DB_OK ||
		    p->trj[i].id <= 0 ||
		    audit_rij(c, t->medewerker, "traject", p->trj[i].id, id) != 0)
			goto fail;
	}
	for (i = 0; i < p->nev; i++)
		if (schrijf_ev(c, t, id, p, ord[i]) != 0)
			goto fail;
	if (db_commit(c->db) != 0)
		goto fail;
	return 0;
fail:
	fprintf(c->out, "seed-demo: inwoners: %s not written: %s\n", kenmerk,
	    c->db->error[0] ? c->db->error : "error");
	(void)db_rollback(c->db);
	return -1;
}

int
demo_inwoners(struct db *db, const struct config *cfg, FILE *out)
{
	static struct ctx c;
	struct arena arena;
	struct plan p;
	struct rng r;
	char err[256];
	int nr, nieuw = 0, al = 0, rc = -1, x;
	size_t ti;

	memset(&c, 0, sizeof(c));
	if (arena_init(&arena, 256 * 1024, 16 * 1024 * 1024) != 0)
		return -1;
	c.db = db;
	c.a = &arena;
	c.out = out;
	c.einde = dag_van(2025, 12, 31);
	if (cfg->seal_key[0] != '\0' && cfg->seal_lookup_key[0] != '\0') {
		if (seal_keys_from_hex(&c.keys, cfg->seal_key, cfg->seal_lookup_key,
		    err, sizeof(err)) != 0) {
			fprintf(out, "seed-demo: inwoners: %s\n", err);
			goto out;
		}
		c.met_bsn = 1;
	} else {
		fprintf(out, "seed-demo: no seal_key configured: demo inwoners get no BSN\n");
	}
	if (lees_structuur(&c) != 0)
		goto out;
	for (nr = 1; nr <= DEMO_INWONERS; nr++) {
		ti = (size_t)(nr - 1) % NTEAMS;
		if (bestaat(&c, c.team[ti].org, nr)) {
			al++;
			continue;
		}
		r.s = DEMO_SEED ^ ((uint64_t)nr * 0x2545f4914f6cdd1dULL);
		arena_reset(&arena);
		x = schrijf_inwoner(&c, nr, &c.team[ti], &r, &p);
		plan_vrij(&p);
		if (x < 0)
			goto out;
		if (x == 0)
			nieuw++;
		else
			al++;
	}
	fprintf(out, "seed-demo: demo inwoners: %d created, %d already there\n",
	    nieuw, al);
	rc = 0;
out:
	seal_keys_wipe(&c.keys);
	free(c.bestaand);
	arena_free(&arena);
	return rc;
}

/* The demo accounts of sql/demo/020_gebruikers.sql: only these get the
 * demo password, and only while they have none. */
static const char *const demo_users[] = {
	"beheerder", "contractmanager", "auditor", "regisseur.participatie",
	"regisseur.wmo", "medewerker.dock", "medewerker.incluzio",
	"medewerker.smd", "teamleider.dock", "teamleider.incluzio",
	"teamleider.smd", "ketenpartner.werkom", "ketenpartner.uitkeringen",
	"ketenpartner.naleving",
};

static int
set_demo_passwords(struct db *db, FILE *out)
{
	static const char q[] = "UPDATE gebruiker SET wachtwoord_hash = ?,"
	    " wachtwoord_op = NOW(6) WHERE gebruikersnaam = ? AND wachtwoord_hash IS NULL";
	const char *pw = getenv("WIJKZICHT_DEMO_PASSWORD");
	char hash[PASSHASH_MAX];
	MYSQL_STMT *st;
	MYSQL_BIND b[2];
	unsigned long hl, nl;
	size_t i;
	int rc = -1;

	if (pw == NULL || *pw == '\0')
		pw = "wijkzicht-demo-2025";
	if (passhash_make(pw, hash) != 0 || (st = mysql_stmt_init(db->conn)) == NULL)
		return -1;
	if (mysql_stmt_prepare(st, q, sizeof(q) - 1) != 0)
		goto out;
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		memset(b, 0, sizeof(b));
		hl = strlen(hash);
		nl = strlen(demo_users[i]);
		b[0].buffer_type = MYSQL_TYPE_STRING;
		b[0].buffer = hash;
		b[0].length = &hl;
		b[1].buffer_type = MYSQL_TYPE_STRING;
		b[1].buffer = (void *)demo_users[i];
		b[1].length = &nl;
		if (mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0)
			goto out;
	}
	fprintf(out, "seed-demo: demo accounts have the demo password\n");
	rc = 0;
out:
	if (rc != 0)
		fprintf(out, "seed-demo: demo passwords: %s\n", mysql_stmt_error(st));
	mysql_stmt_close(st);
	return rc;
}

int
demo_seed(const struct config *cfg, FILE *out)
{
	char dir[1100];
	struct db db;
	int rc = -1;

	snprintf(dir, sizeof(dir), "%s/demo", cfg->sql_dir);
	/* The migration user: the demo files insert structure rows that the
	 * application may only read. */
	db_init(&db, cfg, 1, &store_statements);
	if (migrate_exec_dir(&db, dir, "seed-demo", out) != 0 ||
	    set_demo_passwords(&db, out) != 0 ||
	    demo_inwoners(&db, cfg, out) != 0)
		goto out;
	rc = 0;
out:
	db_close(&db);
	return rc;
}
