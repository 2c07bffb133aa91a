/*
 * audit.c — reading the audit log: a page with filters, a CSV export and
 * the JSON list. Never writes to the log except to record an export.
 *
 * Routes (ACCESS_AUDIT: beheerder or auditor; the front gate answers 401,
 * or 303 to the log-in page for a browser, and 403 for other roles):
 *   GET /audit          200 the page: filters, the newest 50 matching rows,
 *                       "Volgende" (cursor) and "Exporteer als CSV";
 *                       422 the page with a message at each bad filter
 *   GET /audit.csv      200 text/csv, every matching row (capped, see
 *                       below); 422 the page, as GET /audit
 *   GET /api/v1/audit   200 {"items": [...], "volgende": "<cursor>"|null};
 *                       400 problem+json with errors per parameter
 *
 * The same query parameters filter all three: gebruiker_id, actie,
 * object_soort, object_id, van and tot (dates YYYY-MM-DD in UTC, both
 * inclusive), and cursor (the id below which the next page starts); the
 * API also takes limit (1..500, default 50). An empty parameter does not
 * filter. A bad value is reported at its field and nothing is searched:
 * the page answers 422 like every form re-rendered with field errors, the
 * API 400 as for any malformed query (422 is kept for request bodies).
 *
 * What is audited: reading the log is not. The log holds no personal data
 * of inwoners (DESIGN.md section 5 audits reads of those), and a row per
 * read would make the log grow by being looked at. Exporting it is: the
 * export writes an "audit_export" row in the transaction that read the
 * rows; if that row cannot be written, nothing is sent (fail closed).
 *
 * CSV (src/doc/csvrecord.h): separator ';' for Dutch Excel, CRLF, RFC 4180
 * quoting, formula injection neutralised, UTF-8 with a byte-order mark
 * (without it Excel reads the file as Windows-1252). At most CSV_MAX_ROWS
 * rows and CSV_MAX_BYTES bytes; when either cap is reached the file's last
 * line says so. The rows are read in pages of 500 through the cursor
 * (store_audit_each), so only the body grows with the export; the body is
 * built whole in the request arena (8 MiB in all, src/server/worker.c),
 * which is what bounds CSV_MAX_BYTES.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datum.h"
#include "core/getal.h"
#include "core/limits.h"
#include "db/exec.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "doc/csvrecord.h"
#include "http/request.h"
#include "http/response.h"
#include "store/audit.h"

#define PAGE_ROWS	WZ_LIST_DEFAULT /* rows on the page; the API's default */
/* A positive integer of at most WZ_MAX_ID, digits only: 0 or -1. */
#define id_lees(s, out)	getal_lees_str((s), 1, WZ_MAX_ID, (out))
#define MAX_TEXT	64             /* actie, object_soort: VARCHAR(64) */
#define MAX_CHOICES	500            /* options per choice list */

/*
 * The export's caps. 100,000 rows of a typical 130 bytes would be 13 MB:
 * more than the request arena holds, so in practice the byte cap decides
 * (about 45,000 typical rows). CSV_SPARE stays free for what follows the
 * body (the audit row, an error page if the commit fails).
 */
#define CSV_MAX_ROWS	100000
#define CSV_MAX_BYTES	((size_t)6 * 1024 * 1024)
#define CSV_SPARE	((size_t)512 * 1024)
#define CSV_TRAILER	512            /* room kept for the truncation line */

/* The filter parameters, in the order of the form. */
enum filterveld { V_GEBRUIKER, V_ACTIE, V_SOORT, V_OBJECT, V_VAN, V_TOT, V__N };

static const char *const veld_naam[V__N] = {
	"gebruiker_id", "actie", "object_soort", "object_id", "van", "tot",
};

/* A parsed query: the filter, the values as given (for links and for the
 * form) and a Dutch message per bad parameter. */
struct zoek {
	struct audit_filter  f;
	const char          *raw[V__N];      /* "" when absent */
	const char          *fout[V__N];     /* NULL when fine */
	const char          *cursor;         /* as given, or NULL */
	const char          *cursor_fout;
	const char          *limit_fout;
	int                  limit;
	int                  nfout;
};

/* Whether s is an existing date YYYY-MM-DD from year 1000 (MariaDB's
 * DATETIME range) on. */
static int
valid_date(const char *s)
{
	long dag;

	return datum_lees_str(s, 1000, 9999, &dag) == 0;
}

static void
fout(struct zoek *z, enum filterveld v, const char *melding)
{
	z->fout[v] = melding;
	z->nfout++;
}

/*
 * Reads and checks the filters (and, for the API, limit) from the query
 * string. Never touches the database. Returns the number of bad ones.
 */
static int
parse_zoek(struct req *r, struct zoek *z, int api)
{
	const char *s;
	size_t i;

	memset(z, 0, sizeof(*z));
	for (i = 0; i < V__N; i++) {
		s = kv_get(&r->query, veld_naam[i]);
		z->raw[i] = s != NULL ? s : "";
	}
	if (*z->raw[V_GEBRUIKER] != '\0' &&
	    id_lees(z->raw[V_GEBRUIKER], &z->f.gebruiker_id) != 0)
		fout(z, V_GEBRUIKER, "Gebruiker: kies een gebruiker uit de lijst "
		    "(een gebruikersnummer, een geheel getal groter dan 0).");
	if (strlen(z->raw[V_ACTIE]) > MAX_TEXT)
		fout(z, V_ACTIE, "Actie: gebruik niet meer dan 64 tekens.");
	else if (*z->raw[V_ACTIE] != '\0')
		z->f.actie = z->raw[V_ACTIE];
	if (strlen(z->raw[V_SOORT]) > MAX_TEXT)
		fout(z, V_SOORT, "Soort object: gebruik niet meer dan 64 tekens.");
	else if (*z->raw[V_SOORT] != '\0')
		z->f.object_soort = z->raw[V_SOORT];
	if (*z->raw[V_OBJECT] != '\0' &&
	    id_lees(z->raw[V_OBJECT], &z->f.object_id) != 0)
		fout(z, V_OBJECT, "Objectnummer: vul een geheel getal groter dan 0 "
		    "in, of laat het leeg.");
	if (*z->raw[V_VAN] != '\0') {
		if (valid_date(z->raw[V_VAN]))
			z->f.van = z->raw[V_VAN];
		else
			fout(z, V_VAN, "Vanaf: vul een bestaande datum in als "
			    "JJJJ-MM-DD, bijvoorbeeld 2025-03-01.");
	}
	if (*z->raw[V_TOT] != '\0') {
		if (!valid_date(z->raw[V_TOT]))
			fout(z, V_TOT, "Tot en met: vul een bestaande datum in als "
			    "JJJJ-MM-DD, bijvoorbeeld 2025-03-31.");
		else if (z->f.van != NULL && strcmp(z->raw[V_TOT], z->f.van) < 0)
			fout(z, V_TOT, "Tot en met: deze datum ligt vóór de datum "
			    "bij Vanaf.");
		else
			z->f.tot = z->raw[V_TOT];
	}
	if ((z->cursor = kv_get(&r->query, "cursor")) != NULL &&
	    id_lees(z->cursor, &z->f.voor_id) != 0) {
		z->cursor_fout = "De cursor voor de volgende pagina is ongeldig; "
		    "begin opnieuw bij de eerste pagina.";
		z->nfout++;
	}
	z->limit = PAGE_ROWS;
	if (api && (s = kv_get(&r->query, "limit")) != NULL) {
		int64_t v;

		if (id_lees(s, &v) != 0 || v > AUDIT_PAGE_MAX) {
			z->limit_fout = "limit moet een geheel getal van 1 tot en met "
			    "500 zijn.";
			z->nfout++;
		} else {
			z->limit = (int)v;
		}
	}
	return z->nfout;
}

/* Appends s percent-encoded for a query string (all but A-Z a-z 0-9 - . _ ~). */
static void
url_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/*
 * path plus the filters that are set, and cursor when > 0, as a local URL
 * ("/audit.csv?actie=inloggen&van=2025-03-01"). An arena string.
 */
static const char *
link_to(struct req *r, const char *path, const struct zoek *z, int64_t cursor)
{
	struct buf b;
	size_t i;
	char sep = '?';

	buf_init(&b, r->arena);
	buf_puts(&b, path);
	for (i = 0; i < V__N; i++) {
		if (*z->raw[i] == '\0')
			continue;
		buf_putc(&b, sep);
		buf_puts(&b, veld_naam[i]);
		buf_putc(&b, '=');
		url_escape(&b, z->raw[i]);
		sep = '&';
	}
	if (cursor > 0)
		buf_printf(&b, "%ccursor=%lld", sep, (long long)cursor);
	return b.failed ? path : b.data;
}

/* The errors as [{veld, melding}]; the page links each to its field. */
static struct json_object *
fouten_lijst(const struct zoek *z, const char *cursor_veld)
{
	struct json_object *l = json_object_new_array();
	size_t i;

	for (i = 0; i <= V__N + 1; i++) {
		const char *veld, *melding;

		if (i < V__N) {
			veld = veld_naam[i];
			melding = z->fout[i];
		} else if (i == V__N) {
			veld = cursor_veld;
			melding = z->cursor_fout;
		} else {
			veld = "limit";
			melding = z->limit_fout;
		}
		if (melding == NULL)
			continue;
		fout_melding(l, veld, melding);
	}
	return l;
}

/* --------------------------------------------------------------- the page */

/* A text of a row as a JSON string: "" for NULL. */
static const char *
leeg(const char *s)
{
	return s != NULL ? s : "";
}

/* Who did it, in words: "beheerder", "anoniem", "namens ..." and token. */
static const char *
wie_tekst(struct req *r, const struct audit_regel *a)
{
	const char *s;

	if (a->gebruikersnaam != NULL)
		s = a->gebruikersnaam;
	else if (a->gebruiker_id > 0)
		s = arena_printf(r->arena, "gebruiker %lld",
		    (long long)a->gebruiker_id);
	else
		s = "anoniem";
	if (s != NULL && a->namens_id > 0)
		s = arena_printf(r->arena, "%s, namens gebruiker %lld", s,
		    (long long)a->namens_id);
	if (s != NULL && a->token_id > 0)
		s = arena_printf(r->arena, "%s, met API-token %lld", s,
		    (long long)a->token_id);
	return s != NULL ? s : "";
}

/* An optional id as JSON: null for 0 (SQL NULL). */
static struct json_object *
id_of(int64_t id)
{
	return id > 0 ? json_object_new_int64(id) : NULL;   /* JSON null */
}

static struct json_object *
item_json(const struct audit_regel *a)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(a->id));
	json_object_object_add(o, "tijdstip",
	    json_object_new_string(leeg(a->tijdstip)));
	json_object_object_add(o, "gebruiker_id", id_of(a->gebruiker_id));
	json_object_object_add(o, "gebruikersnaam", a->gebruikersnaam != NULL ?
	    json_object_new_string(a->gebruikersnaam) : NULL);
	json_object_object_add(o, "namens_id", id_of(a->namens_id));
	json_object_object_add(o, "token_id", id_of(a->token_id));
	json_object_object_add(o, "actie",
	    json_object_new_string(leeg(a->actie)));
	json_object_object_add(o, "object_soort",
	    json_object_new_string(leeg(a->object_soort)));
	json_object_object_add(o, "object_id", id_of(a->object_id));
	json_object_object_add(o, "route",
	    json_object_new_string(leeg(a->route)));
	json_object_object_add(o, "resultaat",
	    json_object_new_string(leeg(a->resultaat)));
	json_object_object_add(o, "adres",
	    json_object_new_string(leeg(a->adres)));
	json_object_object_add(o, "toelichting",
	    json_object_new_string(leeg(a->toelichting)));
	return o;
}

/* One row for the table: the API's item plus what people read. */
static struct json_object *
regel_json(struct req *r, const struct audit_regel *a)
{
	struct json_object *o = item_json(a);
	const char *iso = leeg(a->tijdstip), *soort = leeg(a->object_soort);
	char leesbaar[20];

	/* "2025-03-01T23:30:12Z" reads as "2025-03-01 23:30:12" (UTC). */
	snprintf(leesbaar, sizeof(leesbaar), "%s", iso);
	if (strlen(leesbaar) > 10)
		leesbaar[10] = ' ';
	json_object_object_add(o, "tijdstip_iso", json_object_new_string(iso));
	json_object_object_add(o, "tijdstip", json_object_new_string(leesbaar));
	json_object_object_add(o, "gebruiker",
	    json_object_new_string(wie_tekst(r, a)));
	json_object_object_add(o, "object", json_object_new_string(
	    a->object_id > 0 ? arena_printf(r->arena, "%s %lld", soort,
	    (long long)a->object_id) : soort));
	return o;
}

/*
 * The choice lists of the form: users and the actions in the log, with the
 * current choice marked (and added when the list does not hold it, so a
 * value from a link is never silently dropped). Returns 0, or -1 after
 * answering a database error.
 */
static int
keuzelijsten(struct req *r, const struct zoek *z, struct json_object *ctx)
{
	struct json_object *gebruikers = json_object_new_array(),
	    *acties = json_object_new_array(), *o;
	struct audit_gebruiker *g;
	struct audit_actie *act;
	enum db_err rc;
	size_t i, n;
	int gevonden = 0;

	json_object_object_add(ctx, "gebruikers", gebruikers);
	json_object_object_add(ctx, "acties", acties);
	if ((rc = store_audit_gebruikers(r->db, r->arena, MAX_CHOICES, &g, &n))
	    != DB_OK) {
		fail_db(r, rc, "audit");
		return -1;
	}
	for (i = 0; i < n; i++) {
		int gekozen = z->f.gebruiker_id > 0 && g[i].id == z->f.gebruiker_id;

		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(
		    arena_printf(r->arena, "%lld", (long long)g[i].id)));
		json_object_object_add(o, "label", json_object_new_string(
		    arena_printf(r->arena, "%s (%s)", leeg(g[i].gebruikersnaam),
		    leeg(g[i].naam))));
		json_object_object_add(o, "gekozen", json_object_new_boolean(gekozen));
		json_object_array_add(gebruikers, o);
		gevonden |= gekozen;
	}
	if (z->f.gebruiker_id > 0 && !gevonden) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(z->raw[V_GEBRUIKER]));
		json_object_object_add(o, "label", json_object_new_string(
		    arena_printf(r->arena, "gebruiker %s", z->raw[V_GEBRUIKER])));
		json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(gebruikers, o);
	}
	if ((rc = store_audit_acties(r->db, r->arena, MAX_CHOICES, &act, &n))
	    != DB_OK) {
		fail_db(r, rc, "audit");
		return -1;
	}
	gevonden = 0;
	for (i = 0; i < n; i++) {
		int gekozen = strcmp(leeg(act[i].actie), z->raw[V_ACTIE]) == 0;

		o = json_object_new_object();
		json_object_object_add(o, "waarde",
		    json_object_new_string(leeg(act[i].actie)));
		json_object_object_add(o, "gekozen", json_object_new_boolean(gekozen));
		json_object_array_add(acties, o);
		gevonden |= gekozen;
	}
	if (*z->raw[V_ACTIE] != '\0' && !gevonden) {
		o = json_object_new_object();
		json_object_object_add(o, "waarde", json_object_new_string(z->raw[V_ACTIE]));
		json_object_object_add(o, "gekozen", json_object_new_boolean(1));
		json_object_array_add(acties, o);
	}
	return 0;
}

/*
 * Answers the page: with the rows when the filters are good (200), with
 * the form and a message at each bad filter otherwise (422).
 */
static void
audit_page(struct req *r, struct zoek *z)
{
	struct json_object *ctx = json_object_new_object(), *waarden, *fout,
	    *regels;
	struct audit_regel *rows;
	enum db_err rc;
	size_t i, n, nrows;

	json_object_object_add(ctx, "titel", json_object_new_string("Auditlog"));
	waarden = json_object_new_object();
	fout = json_object_new_object();
	for (i = 0; i < V__N; i++) {
		json_object_object_add(waarden, veld_naam[i],
		    json_object_new_string(z->raw[i]));
		if (z->fout[i] != NULL)
			json_object_object_add(fout, veld_naam[i],
			    json_object_new_string(z->fout[i]));
	}
	json_object_object_add(ctx, "waarden", waarden);
	json_object_object_add(ctx, "fout", fout);
	if (keuzelijsten(r, z, ctx) != 0) {
		json_object_put(ctx);
		return;
	}
	if (z->nfout > 0) {
		pagina_fouten(r, ctx, fouten_lijst(z, "filters"));
		resp_page(r, 422, "audit", ctx);
		resp_header(r, "Cache-Control", "no-store");
		return;
	}

	z->f.limit = PAGE_ROWS + 1;        /* one more: is there a next page? */
	if ((rc = store_audit_list(r->db, r->arena, &z->f, &rows, &nrows))
	    != DB_OK) {
		json_object_put(ctx);
		fail_db(r, rc, "audit");
		return;
	}
	n = nrows > PAGE_ROWS ? PAGE_ROWS : nrows;
	regels = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(regels, regel_json(r, &rows[i]));
	json_object_object_add(ctx, "regels", regels);
	json_object_object_add(ctx, "aantal", json_object_new_int((int)n));
	json_object_object_add(ctx, "gezocht", json_object_new_boolean(1));
	if (nrows > PAGE_ROWS)
		json_object_object_add(ctx, "volgende_href", json_object_new_string(
		    link_to(r, "/audit", z, rows[n - 1].id)));
	if (z->f.voor_id > 0)
		json_object_object_add(ctx, "eerste_href",
		    json_object_new_string(link_to(r, "/audit", z, 0)));
	if (nrows > PAGE_ROWS || z->f.voor_id > 0)
		json_object_object_add(ctx, "paginering", json_object_new_boolean(1));
	json_object_object_add(ctx, "csv_href",
	    json_object_new_string(link_to(r, "/audit.csv", z, 0)));
	resp_page(r, 200, "audit", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

static void
pagina_audit(struct req *r)
{
	struct zoek z;

	(void)parse_zoek(r, &z, 0);
	audit_page(r, &z);
}

/* ---------------------------------------------------------------- the CSV */

enum afgekapt { NIET_AFGEKAPT, AFGEKAPT_RIJEN, AFGEKAPT_BYTES };

struct export {
	struct buf     body;
	size_t         cap;        /* bytes the body may hold in all */
	long           rijen;
	enum afgekapt  afgekapt;
};

static const char *const csv_kop[] = {
	"id", "tijdstip", "gebruiker_id", "gebruikersnaam", "namens_id",
	"token_id", "actie", "object_soort", "object_id", "route", "resultaat",
	"adres", "toelichting",
};
#define NKOLOM	(sizeof(csv_kop) / sizeof(csv_kop[0]))

/* An id as CSV text into buf: empty (NULL) for 0, the SQL NULL. */
static const char *
id_tekst(char *buf, size_t len, int64_t id)
{
	if (id <= 0)
		return NULL;
	snprintf(buf, len, "%lld", (long long)id);
	return buf;
}

/* store_audit_each's callback: one record, or stop at a cap. */
static int
export_rij(const struct audit_regel *a, void *ctx)
{
	struct export *x = ctx;
	char id[24], gid[24], namens[24], token[24], oid[24];
	const char *f[NKOLOM] = {
		id_tekst(id, sizeof(id), a->id), a->tijdstip,
		id_tekst(gid, sizeof(gid), a->gebruiker_id), a->gebruikersnaam,
		id_tekst(namens, sizeof(namens), a->namens_id),
		id_tekst(token, sizeof(token), a->token_id), a->actie,
		a->object_soort, id_tekst(oid, sizeof(oid), a->object_id),
		a->route, a->resultaat, a->adres, a->toelichting,
	};

	if (x->rijen == CSV_MAX_ROWS) {
		x->afgekapt = AFGEKAPT_RIJEN;       /* a row beyond the cap exists */
		return 1;
	}
	if (x->body.len + csv_record_len(f, NULL, NKOLOM) + CSV_TRAILER >
	    x->cap) {
		x->afgekapt = AFGEKAPT_BYTES;
		return 1;
	}
	csv_record(&x->body, f, NULL, NKOLOM);
	x->rijen++;
	return x->body.failed;
}

/*
 * Gives the body all the room it may use in one allocation, so appending
 * never copies (a doubling buffer would hold about twice the body in the
 * arena). The arena's limit and use are public fields of struct arena;
 * CSV_SPARE of it stays free. Pages of the allocation that are never
 * written are never touched. Returns 0 or -1.
 */
static int
export_reserve(struct req *r, struct export *x)
{
	struct arena *a = r->arena;
	size_t room = a->limit > a->used ? a->limit - a->used : 0, want;

	if (room < CSV_SPARE + 64 * 1024)
		return -1;
	want = room - CSV_SPARE < CSV_MAX_BYTES ? room - CSV_SPARE : CSV_MAX_BYTES;
	buf_init(&x->body, a);
	if ((x->body.data = arena_alloc(a, want + 1)) == NULL)
		return -1;
	x->body.data[0] = '\0';
	x->body.cap = want + 1;
	x->cap = want;
	return 0;
}

/* "12 rijen; filters: actie=inloggen, van=2025-03-01" for the audit row. */
static const char *
export_toelichting(struct req *r, const struct export *x, const struct zoek *z)
{
	struct buf b;
	size_t i;
	int eerste = 1;

	buf_init(&b, r->arena);
	buf_printf(&b, "%ld %s%s; filters: ", x->rijen, x->rijen == 1 ? "rij" : "rijen",
	    x->afgekapt != NIET_AFGEKAPT ? " (afgekapt)" : "");
	for (i = 0; i < V__N; i++) {
		if (*z->raw[i] == '\0')
			continue;
		buf_printf(&b, "%s%s=%s", eerste ? "" : ", ", veld_naam[i], z->raw[i]);
		eerste = 0;
	}
	if (eerste)
		buf_puts(&b, "geen");
	return b.failed ? "" : b.data;
}

static void
pagina_audit_csv(struct req *r)
{
	struct export x;
	struct zoek z;
	struct tm tm;
	time_t now = time(NULL);
	char naam[64];
	enum db_err rc;

	if (parse_zoek(r, &z, 0) > 0) {
		audit_page(r, &z);
		return;
	}
	gmtime_r(&now, &tm);
	strftime(naam, sizeof(naam), "attachment; filename=\"audit-%Y%m%d.csv\"", &tm);
	if (r->head) {
		/* HEAD exports nothing, so it reads and records nothing. */
		r->res.status = 200;
		r->res.content_type = "text/csv; charset=utf-8";
		buf_init(&r->res.body, r->arena);
		resp_header(r, "Content-Disposition", naam);
		resp_header(r, "Cache-Control", "no-store");
		return;
	}

	memset(&x, 0, sizeof(x));
	if (export_reserve(r, &x) != 0) {
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	buf_puts(&x.body, "\xEF\xBB\xBF");                  /* UTF-8 BOM */
	csv_record(&x.body, csv_kop, NULL, NKOLOM);
	if (tx_begin(r) != 0)
		return;
	if ((rc = store_audit_each(r->db, &z.f, export_rij, &x)) != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, "audit export");
		return;
	}
	if (x.afgekapt != NIET_AFGEKAPT) {
		char regel[CSV_TRAILER];
		const char *f[1] = { regel };

		if (x.afgekapt == AFGEKAPT_RIJEN)
			snprintf(regel, sizeof(regel), "Afgekapt: de export is beperkt "
			    "tot %d rijen. Verfijn de filters (bijvoorbeeld vanaf en "
			    "tot en met) voor de rest.", CSV_MAX_ROWS);
		else
			snprintf(regel, sizeof(regel), "Afgekapt na %ld rijen: de export "
			    "is beperkt tot %zu MiB. Verfijn de filters (bijvoorbeeld "
			    "vanaf en tot en met) voor de rest.", x.rijen,
			    CSV_MAX_BYTES / (1024 * 1024));
		csv_record(&x.body, f, NULL, 1);
	}
	if (x.body.failed) {
		tx_rollback(r);
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	if (audit(r, "audit_export", "audit", 0, GELUKT,
	    export_toelichting(r, &x, &z)) != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "audit export");
		return;
	}
	if (tx_commit(r) != 0)
		return;
	r->res.status = 200;
	r->res.content_type = "text/csv; charset=utf-8";
	r->res.body = x.body;
	resp_header(r, "Content-Disposition", naam);
	resp_header(r, "Cache-Control", "no-store");
}

/* ---------------------------------------------------------------- the API */


static void
api_audit(struct req *r)
{
	struct json_object *o, *items;
	struct audit_regel *rows;
	struct zoek z;
	enum db_err rc;
	size_t i, n, nrows;

	if (parse_zoek(r, &z, 1) > 0) {
		resp_problem(r, 400, "Een of meer zoekparameters zijn ongeldig.",
		    fouten_lijst(&z, "cursor"));
		return;
	}
	z.f.limit = z.limit + 1;            /* one more: is there a next page? */
	if ((rc = store_audit_list(r->db, r->arena, &z.f, &rows, &nrows))
	    != DB_OK) {
		fail_db(r, rc, "audit");
		return;
	}
	n = nrows > (size_t)z.limit ? (size_t)z.limit : nrows;
	items = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(items, item_json(&rows[i]));
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "volgende", volgende_json(r, nrows > n ?
	    &rows[n - 1].id : NULL));
	resp_json(r, 200, o);
	resp_header(r, "Cache-Control", "no-store");
}

/* Literal paths only: no order constraints with other tables. */
static const struct route table[] = {
	{ "GET", "/audit", pagina_audit, ACCESS_AUDIT, ROUTE_HTML, NULL },
	{ "GET", "/audit.csv", pagina_audit_csv, ACCESS_AUDIT, ROUTE_HTML, NULL },
	{ "GET", "/api/v1/audit", api_audit, ACCESS_AUDIT, ROUTE_JSON, NULL },
};

ROUTE_TABLE(routes_audit, table);
