/*
 * inzage.c — who looked at an inwoner's data (NEN 7513 access history),
 * and the AVG article 15 document of one inwoner.
 *
 * Routes:
 *   GET  /inzage                          ACCESS_AUDIT  200 the form (an
 *        inwonernummer, or a BSN in a POST form); with ?inwoner=N: 303 to
 *        that inwoner's history, 422 the form when N is not a number
 *   POST /inzage                          ACCESS_AUDIT  find by BSN: 303 to
 *        the history when one record matches, 200 a list when several
 *        organisaties hold one (or none does), 422 a bad BSN
 *   GET  /inzage/inwoners/{id}            ACCESS_AUDIT  200 the history page
 *        (?cursor= for older rows), 404 no such inwoner, 422 bad cursor
 *   POST /inzage/inwoners/{id}/avg-export ACCESS_BEHEER 200 the JSON
 *        document as a download, 404 no such inwoner
 *   GET  /api/v1/inwoners/{id}/toegangshistorie  ACCESS_AUDIT  200
 *        {"items", "volgende"}, 400 bad limit/cursor, 404
 *   POST /api/v1/inwoners/{id}/avg-export        ACCESS_BEHEER 200 the
 *        document (also as attachment), 404
 *
 * What the beheerder and auditor see here: the inwoner's number, the
 * organisatie that registered them and a masked BSN — never the name or
 * anything else the registration holds. Only the AVG document (for the
 * inwoner who asked for it, handed over by the beheerder) holds their
 * data in full, including the BSN; it lists every access by date,
 * purpose and organisatie, never by the name of an employee, and nothing
 * of any other inwoner.
 *
 * A BSN never travels in a URL: it is posted, turned into its keyed
 * lookup hash and searched across all organisaties.
 *
 * Audit (fail closed): viewing a history writes a row with doel
 * "toezicht", finding by BSN one per record found, producing the AVG
 * document one with doel "avg-inzage" — each in the transaction that
 * reads, before anything is shown.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/getal.h"
#include "core/limits.h"
#include "core/log.h"
#include "db/exec.h"
#include "domain/bsn.h"
#include "domain/gebeurtenis.h"
#include "domain/traject.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "store/export.h"

#define PAGINA		WZ_LIST_DEFAULT /* rows on the page; the API's default */
#define API_MAX		WZ_LIST_MAX
/* A positive integer of at most WZ_MAX_ID, digits only: 0 or -1. */
#define id_lees(s, out)	getal_lees_str((s), 1, WZ_MAX_ID, (out))
#define BSN_TREFFERS	20            /* one per organisatie at most */
#define AVG_PAGINA	1000          /* access rows read at a time */

/* The purposes (audit.doel) in words, for the page and the document. */
static const struct {
	const char *code;
	const char *label;
} doelen[] = {
	{ DOEL_REGISTRATIE, "Registratie door het wijkteam" },
	{ DOEL_KETEN, "Samenwerking in de keten (Werkom, Uitkeringen, Naleving)" },
	{ DOEL_AFSTEMMING, "Afstemming: wachtlijst en overdrachten" },
	{ DOEL_IMPORT, "Inlezen van een registratie (import)" },
	{ DOEL_EXPORT, "Export van de registratie van een organisatie" },
	{ DOEL_AVG, "Inzageverzoek (AVG artikel 15)" },
	{ DOEL_TOEZICHT, "Toezicht: inzien van de toegangshistorie" },
};

/* The words of a purpose; an unknown code as itself, and none (NULL or
 * "") as "Onbekend". */
static const char *
doel_label(const char *code)
{
	size_t i;

	if (code == NULL || *code == '\0')
		return "Onbekend";
	for (i = 0; i < sizeof(doelen) / sizeof(doelen[0]); i++)
		if (strcmp(doelen[i].code, code) == 0)
			return doelen[i].label;
	return code;
}

/* A text as a JSON string: "" for NULL. */
static const char *
leeg(const char *s)
{
	return s != NULL ? s : "";
}

/* Text, or JSON null when there is none (as tekst_of_null). */
static struct json_object *
str_of(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;   /* JSON null */
}

/* An optional id as JSON: null for 0 (SQL NULL). */
static struct json_object *
id_of(int64_t id)
{
	return id > 0 ? json_object_new_int64(id) : NULL;
}

/* ------------------------------------------------------------ finding */

/* The search page: status, an optional error per field, matches.
 * fouten and treffers are taken. no-store: it names inwoners (numbers,
 * masked BSNs), which a shared computer's cache must not keep. */
static void
zoekpagina(struct req *r, int status, struct json_object *fouten,
    const char *inwoner, struct json_object *treffers)
{
	struct json_object *ctx = json_object_new_object();

	json_object_object_add(ctx, "titel",
	    json_object_new_string("Toegangshistorie van een inwoner"));
	json_object_object_add(ctx, "inwoner",
	    json_object_new_string(inwoner != NULL ? inwoner : ""));
	if (treffers != NULL) {
		json_object_object_add(ctx, "gezocht", json_object_new_boolean(1));
		json_object_object_add(ctx, "aantal", json_object_new_int(
		    (int)json_object_array_length(treffers)));
		json_object_object_add(ctx, "treffers", treffers);
	}
	pagina_fouten(r, ctx, fouten);
	resp_page(r, status, "inzage", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

/* With ?inwoner=N: a redirect to that history, so that the form works
 * without JavaScript. An inwonernummer may travel in a URL, a BSN never
 * does (pagina_inzage_zoek). */
static void
pagina_inzage(struct req *r)
{
	const char *s = kv_get(&r->query, "inwoner");
	struct json_object *fouten;
	int64_t id;

	if (s == NULL || *s == '\0') {
		zoekpagina(r, 200, NULL, NULL, NULL);
		return;
	}
	if (id_lees(s, &id) != 0) {
		fouten = json_object_new_array();
		fout_melding(fouten, "inwoner", "Inwonernummer: vul een geheel getal "
		    "groter dan 0 in.");
		zoekpagina(r, 422, fouten, s, NULL);
		return;
	}
	resp_redirect(r, arena_printf(r->arena, "/inzage/inwoners/%lld",
	    (long long)id));
}

/*
 * The BSN is checked and turned into its keyed lookup hash, and the
 * clear text is wiped at once. Every record found is audited (zoeken,
 * doel toezicht) in one transaction before anything is shown. One match
 * goes straight to its history; none or several (one per organisatie
 * that registered the BSN) are listed with the BSN masked.
 */
static void
pagina_inzage_zoek(struct req *r)
{
	const char *sealed, *hash, *in = kv_get(&r->form, "bsn"), *masker;
	struct json_object *fouten, *treffers, *t;
	char bsn[BSN_LEN + 1];
	struct export_bsn_treffer *rows;
	enum db_err rc;
	int e;
	size_t i, n;

	if ((e = bsn_parse(in != NULL ? in : "", bsn)) != BSN_OK) {
		fouten = json_object_new_array();
		fout_melding(fouten, "bsn", arena_printf(r->arena, "BSN: %s",
		    bsn_err_text((enum bsn_err)e)));
		zoekpagina(r, 422, fouten, NULL, NULL);
		return;
	}
	if (registratie_bsn_seal(r, bsn, &sealed, &hash) != 0) {
		memset(bsn, 0, sizeof(bsn));
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	memset(bsn, 0, sizeof(bsn));
	if (tx_begin(r) != 0)
		return;
	if ((rc = store_export_bsn_zoek(r->db, r->arena, hash, BSN_TREFFERS,
	    &rows, &n)) != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, "inzage");
		return;
	}
	for (i = 0; i < n; i++) {
		int64_t id = rows[i].id;

		if (audit_persoon(r, "zoeken", "inwoner", id, id, DOEL_TOEZICHT,
		    GELUKT, "gevonden op BSN") != 0) {
			tx_rollback(r);
			fail_db(r, DB_ERR, "inzage");
			return;
		}
	}
	if (tx_commit(r) != 0)
		return;
	/* One record: straight to its history, as a search by number. */
	if (n == 1) {
		resp_redirect(r, arena_printf(r->arena, "/inzage/inwoners/%lld",
		    (long long)rows[0].id));
		return;
	}
	treffers = json_object_new_array();
	for (i = 0; i < n; i++) {
		t = json_object_new_object();
		json_object_object_add(t, "id", json_object_new_string(
		    arena_printf(r->arena, "%lld", (long long)rows[i].id)));
		json_object_object_add(t, "organisatie",
		    json_object_new_string(leeg(rows[i].organisatie)));
		masker = registratie_bsn_masker(r, rows[i].bsn_sealed);
		json_object_object_add(t, "bsn_gemaskeerd",
		    json_object_new_string(masker != NULL ? masker : ""));
		json_object_array_add(treffers, t);
	}
	zoekpagina(r, 200, NULL, NULL, treffers);
}

/* ------------------------------------------------------------ the history */

/* One access row, for the API (and, with words added, for the page).
 * The organisatie is the one the user works for now, not then: the audit
 * row does not record it (store/export.h), so a page that shows it shows
 * today's. */
static struct json_object *
toegang_json(const struct export_toegang *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(t->id));
	json_object_object_add(o, "tijdstip", str_of(t->tijdstip));
	json_object_object_add(o, "gebruiker_id", id_of(t->gebruiker_id));
	json_object_object_add(o, "gebruikersnaam", str_of(t->gebruikersnaam));
	json_object_object_add(o, "namens_id", id_of(t->namens_id));
	json_object_object_add(o, "token_id", id_of(t->token_id));
	json_object_object_add(o, "organisatie",
	    json_object_new_string(leeg(t->organisatie)));
	json_object_object_add(o, "actie", json_object_new_string(leeg(t->actie)));
	json_object_object_add(o, "object_soort",
	    json_object_new_string(leeg(t->object_soort)));
	json_object_object_add(o, "object_id", id_of(t->object_id));
	json_object_object_add(o, "doel", json_object_new_string(leeg(t->doel)));
	json_object_object_add(o, "route", json_object_new_string(leeg(t->route)));
	json_object_object_add(o, "resultaat",
	    json_object_new_string(leeg(t->resultaat)));
	return o;
}

/*
 * Reads the inwoner and a page of their history inside one transaction
 * that first records this look (fail closed). Returns 1 with *inw, *rows
 * and *n filled, 0 after answering 404, -1 after answering an error.
 */
static int
lees_historie(struct req *r, int64_t id, int64_t voor, int limit,
    struct export_inwoner *inw, struct export_toegang **rows, size_t *n)
{
	enum db_err rc;

	if (tx_begin(r) != 0)
		return -1;
	if ((rc = store_export_inwoner(r->db, r->arena, id, inw)) != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, "inzage");
		return -1;
	}
	if (inw->id == 0) {
		tx_rollback(r);
		resp_problem(r, 404, NULL, NULL);
		return 0;
	}
	if (audit_persoon(r, "inzien", "toegangshistorie", id, id, DOEL_TOEZICHT,
	    GELUKT, NULL) != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "inzage");
		return -1;
	}
	if ((rc = store_export_toegang(r->db, r->arena, id, voor, limit + 1,
	    rows, n)) != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, "inzage");
		return -1;
	}
	if (tx_commit(r) != 0)
		return -1;
	return 1;
}

/*
 * Newest first, PAGINA rows a page, the cursor the id of the last row
 * shown. A time is shown as "YYYY-MM-DD HH:MM:SS" (the ISO text with a
 * space for its T), with the ISO text kept beside it for the page's
 * <time>. Who is the user's name, else their id, else "anoniem". The AVG
 * button is offered only to whom the export's route lets in.
 */
static void
pagina_toegangshistorie(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), voor = 0;
	const char *c = kv_get(&r->query, "cursor"), *masker;
	struct json_object *ctx, *regels, *o;
	struct export_inwoner inw;
	struct export_toegang *rows, *t;
	char leesbaar[20];
	size_t i, n, nrows;

	if (c != NULL && id_lees(c, &voor) != 0) {
		resp_problem(r, 422, "De cursor voor de volgende pagina is ongeldig; "
		    "begin opnieuw bij de eerste pagina.", NULL);
		return;
	}
	if (lees_historie(r, id, voor, PAGINA, &inw, &rows, &nrows) != 1)
		return;
	ctx = json_object_new_object();
	json_object_object_add(ctx, "titel", json_object_new_string(arena_printf(
	    r->arena, "Toegangshistorie van inwoner %lld", (long long)id)));
	json_object_object_add(ctx, "id", json_object_new_int64(id));
	json_object_object_add(ctx, "organisatie",
	    json_object_new_string(leeg(inw.organisatie)));
	if ((masker = registratie_bsn_masker(r, inw.bsn_sealed)) != NULL)
		json_object_object_add(ctx, "bsn_gemaskeerd",
		    json_object_new_string(masker));
	n = nrows > PAGINA ? PAGINA : nrows;
	regels = json_object_new_array();
	for (i = 0; i < n; i++) {
		t = &rows[i];
		o = toegang_json(t);
		snprintf(leesbaar, sizeof(leesbaar), "%s", leeg(t->tijdstip));
		if (strlen(leesbaar) > 10)
			leesbaar[10] = ' ';
		json_object_object_add(o, "tijdstip_iso",
		    json_object_new_string(leeg(t->tijdstip)));
		json_object_object_add(o, "tijdstip", json_object_new_string(leesbaar));
		json_object_object_add(o, "wie", json_object_new_string(
		    t->gebruikersnaam != NULL ? t->gebruikersnaam :
		    t->gebruiker_id > 0 ? arena_printf(r->arena, "gebruiker %lld",
		    (long long)t->gebruiker_id) : "anoniem"));
		json_object_object_add(o, "doel_label",
		    json_object_new_string(doel_label(leeg(t->doel))));
		json_object_array_add(regels, o);
	}
	json_object_object_add(ctx, "regels", regels);
	json_object_object_add(ctx, "aantal", json_object_new_int((int)n));
	if (nrows > PAGINA)
		json_object_object_add(ctx, "volgende_href", json_object_new_string(
		    arena_printf(r->arena, "/inzage/inwoners/%lld?cursor=%lld",
		    (long long)id, (long long)rows[n - 1].id)));
	if (voor > 0)
		json_object_object_add(ctx, "eerste_href", json_object_new_string(
		    arena_printf(r->arena, "/inzage/inwoners/%lld", (long long)id)));
	/* Links only when there is another page: the first page without
	 * them is the whole history. */
	if (nrows > PAGINA || voor > 0)
		json_object_object_add(ctx, "paginering", json_object_new_boolean(1));
	if (policy_allows(ACCESS_BEHEER, &r->who) == POLICY_ALLOW)
		json_object_object_add(ctx, "avg_href", json_object_new_string(
		    arena_printf(r->arena, "/inzage/inwoners/%lld/avg-export",
		    (long long)id)));
	resp_page(r, 200, "inzage_inwoner", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

/* Bad parameters are one 400 that names each of them. The limit is
 * WZ_LIST_MAX at most, as for every list. */
static void
api_toegangshistorie(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id"), voor = 0, lim = PAGINA;
	const char *c = kv_get(&r->query, "cursor"), *l = kv_get(&r->query, "limit");
	struct json_object *fouten = NULL, *o, *items;
	struct export_inwoner inw;
	struct export_toegang *rows;
	size_t i, n, nrows;

	if (c != NULL && id_lees(c, &voor) != 0) {
		fouten = json_object_new_array();
		fout_melding(fouten, "cursor", "De cursor is ongeldig; begin opnieuw "
		    "zonder cursor.");
	}
	if (l != NULL && (id_lees(l, &lim) != 0 || lim > API_MAX)) {
		if (fouten == NULL)
			fouten = json_object_new_array();
		fout_melding(fouten, "limit", "limit moet een geheel getal van 1 tot "
		    "en met 500 zijn.");
	}
	if (fouten != NULL) {
		resp_problem(r, 400, "Een of meer parameters zijn ongeldig.", fouten);
		return;
	}
	if (lees_historie(r, id, voor, (int)lim, &inw, &rows, &nrows) != 1)
		return;
	n = nrows > (size_t)lim ? (size_t)lim : nrows;
	items = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(items, toegang_json(&rows[i]));
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, nrows > n ?
	    &rows[n - 1].id : NULL));
	resp_json(r, 200, o);
	resp_header(r, "Cache-Control", "no-store");
}

/* ------------------------------------------------------------ AVG art. 15 */

/* The inwoner in full, the clear BSN included: the document is for the
 * inwoner themselves. A BSN that cannot be opened says so rather than be
 * left out, so that the document never claims that none is held. */
static struct json_object *
avg_inwoner(struct req *r, const struct export_inwoner *inw)
{
	struct json_object *o = json_object_new_object();
	const char *bsn = NULL;

	if (inw->bsn_sealed != NULL &&
	    (bsn = registratie_bsn_open(r, inw->bsn_sealed)) == NULL)
		bsn = "(kan niet worden gelezen)";
	json_object_object_add(o, "id", json_object_new_int64(inw->id));
	json_object_object_add(o, "naam", str_of(inw->naam));
	json_object_object_add(o, "geboortejaar",
	    json_object_new_int64(inw->geboortejaar));
	json_object_object_add(o, "wijk_id", json_object_new_int64(inw->wijk_id));
	json_object_object_add(o, "wijk", str_of(inw->wijk));
	json_object_object_add(o, "bsn", str_of(bsn));
	json_object_object_add(o, "geregistreerd_door", str_of(inw->organisatie));
	json_object_object_add(o, "geregistreerd_op", str_of(inw->aangemaakt));
	return o;
}

/* Every traject of the inwoner, of whichever organisatie, with the words
 * of its kind. A new array, the caller's. */
static struct json_object *
avg_trajecten(const struct avg_traject *t, size_t n)
{
	struct json_object *l = json_object_new_array(), *o;
	const char *label;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		label = traject_soort_label(t[i].soort);
		json_object_object_add(o, "id", json_object_new_int64(t[i].id));
		json_object_object_add(o, "soort", str_of(t[i].soort));
		json_object_object_add(o, "soort_omschrijving",
		    str_of(label != NULL ? label : t[i].soort));
		json_object_object_add(o, "thema", str_of(t[i].thema));
		json_object_object_add(o, "opdracht", str_of(t[i].opdracht));
		json_object_object_add(o, "wijkteam", str_of(t[i].wijkteam));
		json_object_object_add(o, "organisatie", str_of(t[i].organisatie));
		json_object_object_add(o, "startdatum", str_of(t[i].startdatum));
		json_object_object_add(o, "einddatum", str_of(t[i].einddatum));
		json_object_object_add(o, "geregistreerd_op",
		    str_of(t[i].aangemaakt));
		json_object_array_add(l, o);
	}
	return l;
}

/* Every event, those ketenpartners registered included, with who
 * registered it (the party and the organisatie). A new array, the
 * caller's. */
static struct json_object *
avg_gebeurtenissen(const struct avg_gebeurtenis *e, size_t n)
{
	struct json_object *l = json_object_new_array(), *o, *g;
	const struct gebeurtenis_type *t;
	const char *partij;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		t = gebeurtenis_type_find(e[i].type);
		partij = gebeurtenis_partij_label(gebeurtenis_partij_parse(
		    e[i].partij));
		json_object_object_add(o, "id", json_object_new_int64(e[i].id));
		json_object_object_add(o, "traject_id",
		    json_object_new_int64(e[i].traject_id));
		json_object_object_add(o, "type", str_of(e[i].type));
		json_object_object_add(o, "type_omschrijving",
		    str_of(t != NULL ? t->label : e[i].type));
		json_object_object_add(o, "datum", str_of(e[i].datum));
		/* The payload as stored: every field, for the inwoner it is
		 * about (the need-to-know filter is for ketenpartners). */
		g = e[i].gegevens != NULL ? json_tokener_parse(e[i].gegevens) :
		    NULL;
		json_object_object_add(o, "gegevens", g != NULL ? g :
		    json_object_new_object());
		json_object_object_add(o, "vervalt_id", id_of(e[i].vervalt_id));
		json_object_object_add(o, "geregistreerd_door", str_of(partij != NULL ?
		    partij : e[i].partij));
		json_object_object_add(o, "organisatie", str_of(e[i].organisatie));
		json_object_object_add(o, "geregistreerd_op",
		    str_of(e[i].geregistreerd));
		json_object_array_add(l, o);
	}
	return l;
}

/* Where the inwoner stands in the keten now (the projection), or null
 * when there is none yet. */
static struct json_object *
avg_ketenstatus(const struct avg_ketenstatus *k)
{
	struct json_object *o;

	if (!k->bestaat)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "partij", str_of(k->partij));
	json_object_object_add(o, "wijkteam", str_of(k->wijkteam));
	json_object_object_add(o, "sinds", str_of(k->sinds));
	json_object_object_add(o, "wachtlijst_wijkteam",
	    str_of(k->wachtlijst_wijkteam));
	json_object_object_add(o, "wachtlijst_sinds", str_of(k->wachtlijst_sinds));
	json_object_object_add(o, "uitkering_afgewezen_op",
	    str_of(k->afgewezen_op));
	json_object_object_add(o, "overdracht_werkom_sinds",
	    str_of(k->overdracht_sinds));
	json_object_object_add(o, "terug_van_werkom_zonder_overdracht",
	    str_of(k->terug_zonder_overdracht));
	return o;
}

/*
 * Every access, oldest first, read a page at a time into a private arena
 * (a much-viewed inwoner may have many thousands): date, action, purpose,
 * organisatie, result. Returns the list, or NULL on a database error (rc).
 */
static struct json_object *
avg_toegang(struct req *r, int64_t id, enum db_err *rc)
{
	struct json_object *l = json_object_new_array(), *o;
	struct avg_toegang *rows;
	struct arena scratch;
	int64_t na = 0;
	size_t i, n;

	if (arena_init(&scratch, 64 * 1024, 8 * 1024 * 1024) != 0) {
		*rc = DB_NOMEM;
		json_object_put(l);
		return NULL;
	}
	for (;;) {
		if ((*rc = store_avg_toegang(r->db, &scratch, id, na, AVG_PAGINA,
		    &rows, &n)) != DB_OK) {
			json_object_put(l);
			l = NULL;
			break;
		}
		for (i = 0; i < n; i++) {
			o = json_object_new_object();
			json_object_object_add(o, "tijdstip",
			    str_of(rows[i].tijdstip));
			json_object_object_add(o, "actie", str_of(rows[i].actie));
			json_object_object_add(o, "doel", str_of(rows[i].doel));
			json_object_object_add(o, "doel_omschrijving", str_of(
			    doel_label(rows[i].doel)));
			json_object_object_add(o, "organisatie",
			    str_of(rows[i].organisatie));
			json_object_object_add(o, "resultaat",
			    str_of(rows[i].resultaat));
			json_object_array_add(l, o);
		}
		if (n < AVG_PAGINA)
			break;
		na = rows[n - 1].id;
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	return l;
}

/* The document's explanation of the purposes it names. */
static struct json_object *
avg_doelen(void)
{
	struct json_object *o = json_object_new_object();
	size_t i;

	for (i = 0; i < sizeof(doelen) / sizeof(doelen[0]); i++)
		json_object_object_add(o, doelen[i].code,
		    json_object_new_string(doelen[i].label));
	return o;
}

/* Writes obj to an unlinked temporary file; returns its fd and size, or
 * -1. The document can exceed the request arena (a long access list). */
static int
naar_bestand(struct json_object *obj, size_t *len)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/wijkzicht-avg-XXXXXX",
	    dir != NULL && dir[0] == '/' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	unlink(path);
	if (json_object_to_fd(fd, obj, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED) != 0 || fstat(fd, &st) != 0) {
		close(fd);
		return -1;
	}
	*len = (size_t)st.st_size;
	return fd;
}

/*
 * One transaction, as the top of this file says: the inwoner, this
 * access's own audit row (so that the document lists it too), every part
 * of the document, then the file. It is committed before it is sent, and
 * on any failure rolled back with nothing sent. Both routes (the page's
 * form and the API) get the same download.
 */
static void
avg_export(struct req *r)
{
	int64_t id = route_param_int(&r->match, "id");
	struct json_object *doc = NULL, *toegang;
	struct export_inwoner inw;
	struct avg_traject *trj;
	struct avg_gebeurtenis *geb;
	struct avg_ketenstatus ks;
	size_t ntrj, ngeb;
	char nu[32], datum[16];
	time_t now = time(NULL);
	struct tm tm;
	enum db_err rc;
	size_t len;
	int fd;

	if (tx_begin(r) != 0)
		return;
	if ((rc = store_export_inwoner(r->db, r->arena, id, &inw)) != DB_OK)
		goto fail_db;
	if (inw.id == 0) {
		tx_rollback(r);
		resp_problem(r, 404, NULL, NULL);
		return;
	}
	/* This access is part of the history the document lists. */
	if (audit_persoon(r, "avg_export", "inwoner", id, id, DOEL_AVG, GELUKT,
	    NULL) != 0) {
		rc = DB_ERR;
		goto fail_db;
	}
	if ((rc = store_avg_trajecten(r->db, r->arena, id, &trj, &ntrj)) !=
	    DB_OK || (rc = store_avg_gebeurtenissen(r->db, r->arena, id, &geb,
	    &ngeb)) != DB_OK ||
	    (rc = store_avg_ketenstatus(r->db, r->arena, id, &ks)) != DB_OK)
		goto fail_db;
	if ((toegang = avg_toegang(r, id, &rc)) == NULL)
		goto fail_db;

	gmtime_r(&now, &tm);
	strftime(nu, sizeof(nu), "%Y-%m-%dT%H:%M:%SZ", &tm);
	strftime(datum, sizeof(datum), "%Y%m%d", &tm);
	doc = json_object_new_object();
	json_object_object_add(doc, "document", json_object_new_string(
	    "Inzage in persoonsgegevens (AVG artikel 15)"));
	json_object_object_add(doc, "aangemaakt_op", json_object_new_string(nu));
	json_object_object_add(doc, "toelichting", json_object_new_string(
	    "Alle gegevens die wijkzicht over deze inwoner bewaart, en wanneer, "
	    "waarvoor en door welke organisatie ze zijn ingezien of gewijzigd. "
	    "Tijden zijn in UTC."));
	json_object_object_add(doc, "inwoner", avg_inwoner(r, &inw));
	json_object_object_add(doc, "trajecten", avg_trajecten(trj, ntrj));
	json_object_object_add(doc, "gebeurtenissen", avg_gebeurtenissen(geb, ngeb));
	json_object_object_add(doc, "ketenstatus", avg_ketenstatus(&ks));
	json_object_object_add(doc, "toegang", toegang);
	json_object_object_add(doc, "doelen", avg_doelen());
	if ((fd = naar_bestand(doc, &len)) < 0) {
		json_object_put(doc);
		tx_rollback(r);
		log_error("inzage", "req=%s cannot write the AVG document: %s",
		    r->request_id ? r->request_id : "-", strerror(errno));
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	json_object_put(doc);
	if (tx_commit(r) != 0) {
		close(fd);
		return;
	}
	resp_file(r, 200, "application/json", fd, len);
	resp_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"avg-inzage-inwoner-%lld-%s.json\"",
	    (long long)id, datum));
	resp_header(r, "Cache-Control", "no-store");
	return;
fail_db:
	tx_rollback(r);
	fail_db(r, rc, "avg-export");
}

/* Literal paths before parameter paths; the /api/v1/inwoners/{id}/...
 * routes have a last segment no route of inwoners.c uses. */
static const struct route table[] = {
	{ "GET", "/inzage", pagina_inzage, ACCESS_AUDIT, ROUTE_HTML, NULL },
	{ "POST", "/inzage", pagina_inzage_zoek, ACCESS_AUDIT,
	  ROUTE_HTML | ROUTE_BODY_FORM, NULL },
	{ "GET", "/inzage/inwoners/{id:int}", pagina_toegangshistorie, ACCESS_AUDIT,
	  ROUTE_HTML, NULL },
	{ "POST", "/inzage/inwoners/{id:int}/avg-export", avg_export,
	  ACCESS_BEHEER, ROUTE_HTML | ROUTE_BODY_FORM, NULL },
	{ "GET", "/api/v1/inwoners/{id:int}/toegangshistorie", api_toegangshistorie,
	  ACCESS_AUDIT, ROUTE_JSON, NULL },
	/* A POST, like the form: producing the document is audited, so a
	 * link from elsewhere must not be able to make a beheerder's browser
	 * do it (a cookie session's POST needs the CSRF token). */
	{ "POST", "/api/v1/inwoners/{id:int}/avg-export", avg_export,
	  ACCESS_BEHEER, ROUTE_JSON, NULL },
};

ROUTE_TABLE(routes_inzage, table);
