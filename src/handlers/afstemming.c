/*
 * afstemming.c — the lists that make partners stop asking each other
 * where a resident stands (the audit letter): a teamleider's wachtlijst
 * per wijkteam with waiting times and the inwoners still waiting whose
 * uitkering was refused, and the handover reconciliation list for both
 * sides of an overdracht to Werkom.
 *
 *   GET /registratie/wachtlijst     page   teamleider
 *   GET /api/v1/wachtlijst          JSON   teamleider   ?wijkteam_id, afgewezen=1, limit, cursor
 *   GET /registratie/overdrachten   page   teamleider, ketenpartner
 *   GET /api/v1/overdrachten        JSON   teamleider, ketenpartner
 * (the overdrachten list is empty for ketenpartners other than Werkom:
 * handovers to Werkom are not theirs to see)
 *
 * Both read the ketenstatus projection (index reads, however many events
 * there are); every inwoner listed gets an audit row (purpose afstemming).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"

#define PAGINA		WZ_LIST_DEFAULT /* rows of a page */

/* Text, or JSON null when there is none (as tekst_of_null). */
static struct json_object *
str(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* Appends an inwoner id to the list for audit_ids ("3,17,42"). */
static void
id_bij(struct buf *ids, int64_t id)
{
	buf_printf(ids, "%s%lld", ids->len ? "," : "", (long long)id);
}

/* Writes the audit rows for the inwoners in ids (id_bij). Returns 0 or -1
 * after answering. */
static int
audit_ids(struct req *r, const struct buf *ids)
{
	if (ids->failed || audit_inzage(r, ids->len ? ids->data : "",
	    DOEL_AFSTEMMING) != 0) {
		fail_db(r, DB_ERR, "audit");
		return -1;
	}
	return 0;
}

/* Whether c is a wachtlijst cursor: "YYYY-MM-DD,<id>" as volgende gives. */
static int
cursor_ok(const char *c)
{
	int64_t id;

	return strlen(c) > 11 && strspn(c, "0123456789-") == 10 &&
	    c[4] == '-' && c[7] == '-' && c[10] == ',' &&
	    getal_lees_str(c + 11, 1, WZ_MAX_ID, &id) == 0;
}

/* The wachtlijst's filters: wijkteam_id, afgewezen, cursor. -1 after 400. */
static int
wachtlijst_filters(struct req *r, int64_t *wijkteam, int *afgewezen,
    const char **na, int64_t *limit)
{
	const char *wt = kv_get(&r->query, "wijkteam_id"),
	    *af = kv_get(&r->query, "afgewezen"), *ls = kv_get(&r->query, "limit");

	*wijkteam = 0;
	*limit = PAGINA;
	*na = kv_get(&r->query, "cursor");
	/* afgewezen is "1", "0" or empty; any other text is a 400 rather
	 * than read as "no", so that a typo does not silently widen the
	 * list. */
	*afgewezen = af != NULL && strcmp(af, "1") == 0;
	if ((wt != NULL && *wt != '\0' && getal_lees_str(wt, 1, WZ_MAX_ID, wijkteam)
	    != 0) || (ls != NULL && getal_lees_str(ls, 1, WZ_LIST_MAX, limit) != 0) ||
	    (af != NULL && *af != '\0' && strcmp(af, "0") != 0 && !*afgewezen) ||
	    (*na != NULL && !cursor_ok(*na))) {
		resp_problem(r, 400, "wijkteam_id is een id, afgewezen is 0 of 1, "
		    "limit 1 tot en met 500, en cursor de waarde van volgende uit "
		    "een eerder antwoord.", NULL);
		return -1;
	}
	return 0;
}

/* The rows of a page of the wachtlijst, and the cursor after them. */
/* The cursor is the sinds and inwoner_id of the last row shown: the list
 * runs by how long one has waited, and the id orders those who have
 * waited since the same day, so no row is shown twice or skipped between
 * pages. *volgende is NULL on the last page. */
static struct json_object *
wachtlijst_items(struct req *r, const struct wachtlijst_rij *rows, size_t n,
    int64_t limit, const char **volgende)
{
	struct json_object *items = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < n && i < (size_t)limit; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "inwoner_id",
		    json_object_new_int64(rows[i].inwoner_id));
		json_object_object_add(o, "naam", str(rows[i].naam));
		json_object_object_add(o, "geboortejaar",
		    json_object_new_int64(rows[i].geboortejaar));
		json_object_object_add(o, "wijkteam_id",
		    json_object_new_int64(rows[i].wijkteam_id));
		json_object_object_add(o, "wijkteam", str(rows[i].wijkteam));
		json_object_object_add(o, "sinds", str(rows[i].sinds));
		json_object_object_add(o, "wachtdagen",
		    json_object_new_int64(rows[i].dagen));
		json_object_object_add(o, "uitkering_afgewezen_op",
		    str(rows[i].afgewezen_op));
		json_object_array_add(items, o);
	}
	*volgende = n > (size_t)limit ? arena_printf(r->arena, "%s,%lld",
	    rows[limit - 1].sinds, (long long)rows[limit - 1].inwoner_id) : NULL;
	return items;
}

/* Reads the scope and one page (at most *limit + 1 rows, so the caller
 * knows whether a next page exists); -1 after answering. */
static int
wachtlijst_lees(struct req *r, struct scope *s, int64_t *wijkteam,
    int *afgewezen, int64_t *limit, struct wachtlijst_rij **rows, size_t *n)
{
	struct buf ids;
	const char *na;
	enum db_err rc;
	size_t i;

	if (wachtlijst_filters(r, wijkteam, afgewezen, &na, limit) != 0 ||
	    registratie_scope(r, s) != 0)
		return -1;
	if ((rc = store_wachtlijst_rijen(r->db, r->arena, s, *wijkteam,
	    *afgewezen, na, (int)*limit + 1, rows, n)) != DB_OK) {
		fail_db(r, rc, "wachtlijst");
		return -1;
	}
	buf_init(&ids, r->arena);
	/* Only the rows that are shown are read: the extra row that tells
	 * whether a next page exists is not audited. */
	for (i = 0; i < *n && i < (size_t)*limit; i++)
		id_bij(&ids, (*rows)[i].inwoner_id);
	return audit_ids(r, &ids);
}

/* The cursor is text ("2025-03-01,17") rather than volgende_json's id:
 * this list is not ordered by id. */
static void
api_wachtlijst(struct req *r)
{
	struct json_object *o;
	struct scope s;
	struct wachtlijst_rij *rows;
	int64_t wijkteam, limit;
	const char *volgende;
	int afgewezen;
	size_t n;

	if (wachtlijst_lees(r, &s, &wijkteam, &afgewezen, &limit, &rows, &n) != 0)
		return;
	o = json_object_new_object();
	json_object_object_add(o, "items", wachtlijst_items(r, rows, n, limit,
	    &volgende));
	json_object_object_add(o, "volgende", str(volgende));
	resp_json(r, 200, o);
}

/* The counts per wijkteam are a query of their own over the whole scope,
 * not a sum over the page: every team's tab shows its total however far
 * one has paged or whichever team is chosen. The next link keeps the
 * filters. */
static void
pagina_wachtlijst(struct req *r)
{
	struct json_object *ctx, *teams, *t;
	struct scope s;
	struct wachtlijst_rij *rows;
	struct wachtlijst_telling *telling;
	int64_t wijkteam, limit, totaal = 0;
	const char *volgende;
	enum db_err rc;
	int afgewezen;
	size_t i, n, nteams;

	if (wachtlijst_lees(r, &s, &wijkteam, &afgewezen, &limit, &rows, &n) != 0)
		return;
	if ((rc = store_wachtlijst_tellingen(r->db, r->arena, &s, &telling,
	    &nteams)) != DB_OK) {
		fail_db(r, rc, "wachtlijst");
		return;
	}
	ctx = json_object_new_object();
	teams = json_object_new_array();
	for (i = 0; i < nteams; i++) {
		/* The template gets the numbers as text, as it always has. */
		t = json_object_new_object();
		json_object_object_add(t, "id", str(arena_printf(r->arena, "%lld",
		    (long long)telling[i].wijkteam_id)));
		json_object_object_add(t, "naam", str(telling[i].naam));
		json_object_object_add(t, "aantal", str(arena_printf(r->arena,
		    "%lld", (long long)telling[i].aantal)));
		json_object_object_add(t, "langste", str(arena_printf(r->arena,
		    "%lld", (long long)telling[i].langste)));
		json_object_object_add(t, "afgewezen", str(arena_printf(r->arena,
		    "%lld", (long long)telling[i].afgewezen)));
		json_object_object_add(t, "gekozen", json_object_new_boolean(
		    telling[i].wijkteam_id == wijkteam));
		totaal += telling[i].aantal;
		json_object_array_add(teams, t);
	}
	json_object_object_add(ctx, "teams", teams);
	json_object_object_add(ctx, "totaal", json_object_new_int64(totaal));
	json_object_object_add(ctx, "items", wachtlijst_items(r, rows, n, limit,
	    &volgende));
	json_object_object_add(ctx, "aantal", json_object_new_int64(
	    (int64_t)(n > (size_t)limit ? (size_t)limit : n)));
	json_object_object_add(ctx, "afgewezen", json_object_new_boolean(afgewezen));
	if (wijkteam > 0)
		json_object_object_add(ctx, "wijkteam_id",
		    json_object_new_int64(wijkteam));
	if (volgende != NULL)
		json_object_object_add(ctx, "volgende", str(arena_printf(r->arena,
		    "/registratie/wachtlijst?cursor=%s%s%s%s", volgende,
		    afgewezen ? "&afgewezen=1" : "", wijkteam > 0 ? "&wijkteam_id=" :
		    "", wijkteam > 0 ? arena_printf(r->arena, "%lld",
		    (long long)wijkteam) : "")));
	resp_page(r, 200, "wachtlijst", ctx);
}

/* Reads the reconciliation list; -1 after answering. */
/*
 * *betrokken 0: the caller is a ketenpartner that is no party to
 * handovers to Werkom. The route's rule lets every ketenpartner in, and
 * such a caller gets an empty list (the page explains why) rather than a
 * 403. At most 500 rows, without paging: the list is of what still needs
 * action.
 */
static int
overdrachten_lees(struct req *r, struct afstemming_rij **rows, size_t *n,
    int *betrokken)
{
	struct scope s;
	struct buf ids;
	enum db_err rc;
	size_t i;

	*rows = NULL;
	*n = 0;
	if (registratie_scope(r, &s) != 0)
		return -1;
	if (!(s.partijen & (GP_WIJKTEAM | GP_WERKOM))) {
		/* Handovers to Werkom are the wijkteam's and Werkom's
		 * business: Uitkeringen and Naleving see none of them. */
		*betrokken = 0;
		return 0;
	}
	*betrokken = 1;
	if ((rc = store_afstemming_rijen(r->db, r->arena, &s,
	    r->cfg->overdracht_termijn, 500, rows, n)) != DB_OK) {
		fail_db(r, rc, "overdrachten");
		return -1;
	}
	buf_init(&ids, r->arena);
	for (i = 0; i < *n; i++)
		id_bij(&ids, (*rows)[i].inwoner_id);
	return audit_ids(r, &ids);
}

/* soort is "overdracht_open" (sent, not accepted within the termijn) or
 * "terug_zonder_overdracht"; soort_label says it for the page. */
static struct json_object *
overdracht_items(const struct afstemming_rij *rows, size_t n)
{
	struct json_object *items = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		int open = strcmp(rows[i].soort, "overdracht_open") == 0;

		o = json_object_new_object();
		json_object_object_add(o, "inwoner_id",
		    json_object_new_int64(rows[i].inwoner_id));
		json_object_object_add(o, "naam", str(rows[i].naam));
		json_object_object_add(o, "soort", str(rows[i].soort));
		json_object_object_add(o, "soort_label", str(open ?
		    "Overdracht niet geaccepteerd" :
		    "Terug van Werkom zonder overdracht"));
		json_object_object_add(o, "datum", str(rows[i].datum));
		json_object_object_add(o, "dagen",
		    json_object_new_int64(rows[i].dagen));
		json_object_object_add(o, "wijk", str(rows[i].wijk));
		json_object_array_add(items, o);
	}
	return items;
}

/* volgende is always null (one page, see overdrachten_lees), but the
 * answer keeps the shape of every list: {items, volgende}. */
static void
api_overdrachten(struct req *r)
{
	struct json_object *o;
	struct afstemming_rij *rows;
	size_t n;
	int betrokken;

	if (overdrachten_lees(r, &rows, &n, &betrokken) != 0)
		return;
	o = json_object_new_object();
	json_object_object_add(o, "items", overdracht_items(rows, n));
	json_object_object_add(o, "volgende", NULL);
	resp_json(r, 200, o);
}

/* betrokken lets the page tell "nothing to reconcile" apart from "this
 * list is not about your organisatie". */
static void
pagina_overdrachten(struct req *r)
{
	struct json_object *ctx;
	struct afstemming_rij *rows;
	size_t n;
	int betrokken;

	if (overdrachten_lees(r, &rows, &n, &betrokken) != 0)
		return;
	ctx = json_object_new_object();
	json_object_object_add(ctx, "items", overdracht_items(rows, n));
	json_object_object_add(ctx, "aantal", json_object_new_int64((int64_t)n));
	json_object_object_add(ctx, "termijn", json_object_new_int(
	    r->cfg->overdracht_termijn));
	json_object_object_add(ctx, "betrokken", json_object_new_boolean(
	    betrokken));
	resp_page(r, 200, "overdrachten", ctx);
}

static const struct route routes[] = {
	{ "GET", "/registratie/wachtlijst", pagina_wachtlijst, ACCESS_TEAMLEIDER,
	  ROUTE_HTML, NULL },
	{ "GET", "/api/v1/wachtlijst", api_wachtlijst, ACCESS_TEAMLEIDER,
	  ROUTE_JSON, NULL },
	{ "GET", "/registratie/overdrachten", pagina_overdrachten,
	  ACCESS_AFSTEMMING, ROUTE_HTML, NULL },
	{ "GET", "/api/v1/overdrachten", api_overdrachten, ACCESS_AFSTEMMING,
	  ROUTE_JSON, NULL },
};
ROUTE_TABLE(routes_afstemming, routes);
