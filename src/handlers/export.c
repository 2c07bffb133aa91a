/*
 * export.c — a teamleider downloads their organisation's registrations
 * for a period, as a spreadsheet (XLSX, two sheets) or as CSV (one of the
 * two lists).
 *
 * Routes (ACCESS_TEAMLEIDER; the front gate answers 401 or a redirect to
 * the log-in page, and 403 for other roles):
 *   GET  /registratie/export   200 the form (van, tot, formaat, soort)
 *   POST /registratie/export   200 the file (Content-Disposition:
 *                              attachment); 422 the form with a message
 *                              at each bad field, or when the period holds
 *                              more than the caps below; 403 when the
 *                              caller is teamleider of no organisation
 *                              (e.g. only of a wijkteam); 500/503 when
 *                              the database or the file fails (nothing is
 *                              sent, nothing is recorded)
 *
 * Why POST and not a GET link: an export writes an audit row for every
 * inwoner in it. A GET could be started by another site (a link or an
 * image in a mail), recording in a teamleider's name an export they never
 * made; a POST carries the form's CSRF token. An API client with a bearer
 * token posts the same form fields without one.
 *
 * What is in it. Trajecten: every traject of the organisation
 * (traject.organisatie_id) active in the period — started on or before
 * tot and not ended before van — with the inwoner's name, birth year and
 * wijk (never the BSN), the kind, thema, opdracht, wijkteam and dates.
 * Gebeurtenissen: the events of those trajecten dated in the period, with
 * their type, date and payload as readable text ("Uitkomst: overbrugbaar;
 * ..."), also those registered by ketenpartners on these trajecten.
 *
 * Audit (fail closed): in one transaction, first one row per exported
 * inwoner (actie "exporteren", doel "export"), written set-based by the
 * store with the export's own criteria, then the file, then one row for
 * the export itself with what it held. If any of it fails, the
 * transaction is rolled back and nothing is sent.
 *
 * Memory. Rows stream from MariaDB in pages of EXPORT_PAGINA into a
 * temporary file (libxlsxwriter in constant-memory mode, or stdio for
 * CSV); the file, unlinked at once, is sent with resp_file in chunks. The
 * request arena holds neither the rows nor the file.
 *
 * Caps. fastcgi_read_timeout (30 s, nginx/local.conf.in) bounds how long
 * the file may take to build, and the export's locks (store/export.h)
 * make other registrations on these trajecten wait meanwhile. So one
 * export holds at most MAX_RIJEN rows (trajecten and gebeurtenissen
 * together in a workbook); a larger period is refused with a request to
 * choose a shorter one, never cut short silently. The page states the
 * limit. Larger exports would need a background job that mails a link.
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
#include "core/buf.h"
#include "core/log.h"
#include "db/exec.h"
#include "domain/gebeurtenis.h"
#include "domain/traject.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "doc/csvrecord.h"
#include "http/request.h"
#include "http/response.h"
#include "doc/xlsx.h"
#include "store/audit.h"
#include "store/export.h"

/* Rows one export may hold (xlsx: both sheets together). Measured on
 * the development stack (64 MiB buffer pool): 100,000 trajecten plus
 * 100,000 gebeurtenissen as xlsx take 17 s — 3 s of it the 50,000 audit
 * rows, 9 s building and compressing the workbook — and CSV about twice
 * as fast; the worker's peak memory stays at its idle 26 MB. */
#define MAX_RIJEN		200000
#define MAX_RIJEN_TEKST		"200.000"

#define XLSX_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* What the form chose: the file's format and, for a CSV (one list per
 * file), which of the two lists. */
enum formaat { F_XLSX, F_CSV };
enum soort { S_TRAJECTEN, S_GEBEURTENISSEN };

/* The form as posted, and what was wrong with it. */
struct vraag {
	const char    *van, *tot, *formaat_raw, *soort_raw;
	enum formaat   formaat;
	enum soort     soort;
	struct json_object *fouten;     /* [{veld, melding}] */
};

/* Whether s is an existing date YYYY-MM-DD from 1900-03-01 on (what a
 * spreadsheet can hold as a date). */
static int
geldige_datum(const char *s)
{
	return s != NULL && xlsx_datum_serieel(s) > 0 && strcmp(s, "9999-12-31") <= 0;
}

/*
 * Reads and checks the form. Returns the number of errors. Every field is
 * judged, so that the form shows all of its errors at once; a missing
 * field reads as "" (an error there), except soort, which only a CSV
 * uses and which is trajecten unless chosen. v->fouten is v's: formulier
 * takes it, or the caller puts it.
 */
static int
lees_vraag(struct req *r, struct vraag *v)
{
	const char *s;

	memset(v, 0, sizeof(*v));
	v->fouten = json_object_new_array();
	v->van = (s = kv_get(&r->form, "van")) != NULL ? s : "";
	v->tot = (s = kv_get(&r->form, "tot")) != NULL ? s : "";
	v->formaat_raw = (s = kv_get(&r->form, "formaat")) != NULL ? s : "";
	v->soort_raw = (s = kv_get(&r->form, "soort")) != NULL ? s : "trajecten";
	if (!geldige_datum(v->van))
		fout_melding(v->fouten, "van", "Vanaf: vul een bestaande datum in "
		    "als JJJJ-MM-DD, bijvoorbeeld 2025-01-01.");
	if (!geldige_datum(v->tot))
		fout_melding(v->fouten, "tot", "Tot en met: vul een bestaande datum "
		    "in als JJJJ-MM-DD, bijvoorbeeld 2025-06-30.");
	else if (geldige_datum(v->van) && strcmp(v->tot, v->van) < 0)
		fout_melding(v->fouten, "tot", "Tot en met: deze datum ligt vóór de "
		    "datum bij Vanaf.");
	if (strcmp(v->formaat_raw, "xlsx") == 0)
		v->formaat = F_XLSX;
	else if (strcmp(v->formaat_raw, "csv") == 0)
		v->formaat = F_CSV;
	else
		fout_melding(v->fouten, "formaat", "Formaat: kies Excel (xlsx) of "
		    "CSV.");
	if (strcmp(v->soort_raw, "trajecten") == 0)
		v->soort = S_TRAJECTEN;
	else if (strcmp(v->soort_raw, "gebeurtenissen") == 0)
		v->soort = S_GEBEURTENISSEN;
	else
		fout_melding(v->fouten, "soort", "Inhoud van de CSV: kies trajecten "
		    "of gebeurtenissen.");
	return (int)json_object_array_length(v->fouten);
}

/* ------------------------------------------------------------ the page */

/*
 * Answers the form: status 200 (fresh) or 422 (with v's errors). A fresh
 * form proposes this year up to today (UTC). With v the values come back
 * as typed; a format that was not understood falls back to xlsx, the
 * default. v's field errors are taken (v->fouten is cleared).
 */
static void
formulier(struct req *r, int status, struct vraag *v)
{
	struct json_object *ctx = json_object_new_object(), *w;
	char van[11], tot[11];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(van, sizeof(van), "%Y-01-01", &tm);
	strftime(tot, sizeof(tot), "%Y-%m-%d", &tm);
	w = json_object_new_object();
	json_object_object_add(w, "van", json_object_new_string(
	    v != NULL ? v->van : van));
	json_object_object_add(w, "tot", json_object_new_string(
	    v != NULL ? v->tot : tot));
	json_object_object_add(w, v == NULL || v->formaat == F_XLSX ||
	    v->formaat_raw[0] == '\0' ? "xlsx" : "csv", json_object_new_boolean(1));
	json_object_object_add(w, v != NULL && v->soort == S_GEBEURTENISSEN ?
	    "gebeurtenissen" : "trajecten", json_object_new_boolean(1));
	json_object_object_add(ctx, "titel",
	    json_object_new_string("Registraties exporteren"));
	json_object_object_add(ctx, "waarden", w);
	json_object_object_add(ctx, "max_rijen",
	    json_object_new_string(MAX_RIJEN_TEKST));
	if (v != NULL) {
		pagina_fouten(r, ctx, v->fouten);
		v->fouten = NULL;
	}
	resp_page(r, status, "export", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

static void
pagina_export(struct req *r)
{
	formulier(r, 200, NULL);
}

/* ------------------------------------------------------------ the rows */

/* Appends the payload of an event as "Label: waarde; Label: waarde",
 * in the order its type declares its fields. */
/* A payload that does not parse, or of a type no longer known, adds
 * nothing: the export goes on with an empty cell rather than fail on one
 * old row. A field absent from the payload is left out. */
static void
gegevens_tekst(struct buf *b, const char *type, const char *gegevens)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(type);
	struct json_object *o, *val;
	size_t i, n = 0;

	if (t == NULL || gegevens == NULL ||
	    (o = json_tokener_parse(gegevens)) == NULL)
		return;
	for (i = 0; i < t->nvelden; i++) {
		const struct gebeurtenis_veld *f = &t->velden[i];
		const char *s = NULL;
		const struct veld_optie *opt;

		if (!json_object_object_get_ex(o, f->naam, &val) || val == NULL)
			continue;
		s = json_object_get_string(val);
		switch (f->soort) {
		case GV_JA_NEE:
			s = json_object_get_boolean(val) ? "ja" : "nee";
			break;
		/* A getal with declared values is a scale whose steps have
		 * words: the file shows the word, as the page does. */
		case GV_KEUZE:
		case GV_GETAL:
			for (opt = f->waarden; opt != NULL && opt->code != NULL; opt++)
				if (s != NULL && strcmp(opt->code, s) == 0) {
					s = opt->label;
					break;
				}
			break;
		default:
			break;
		}
		if (s == NULL || *s == '\0')
			continue;
		buf_printf(b, "%s%s: %s", n++ ? "; " : "", f->label, s);
	}
	json_object_put(o);
}

/* The Dutch label of a code for the file, or the code itself when it has
 * none (a kind or type since retired): the file shows what is stored
 * rather than leave it out. type_label and partij_label alike. */
static const char *
soort_label(const char *code)
{
	const char *l = traject_soort_label(code);

	return l != NULL ? l : code;
}

static const char *
type_label(const char *code)
{
	const struct gebeurtenis_type *t = gebeurtenis_type_find(code);

	return t != NULL ? t->label : code;
}

static const char *
partij_label(const char *code)
{
	const char *l = gebeurtenis_partij_label(gebeurtenis_partij_parse(code));

	return l != NULL ? l : code;
}

/* The columns of each list, in the order the row functions below fill
 * them: the header row of the sheet and of the CSV alike, and the widths
 * of the sheet's columns in characters. */
static const char *const traject_kop[] = {
	"Trajectnummer", "Inwonernummer", "Naam", "Geboortejaar", "Wijk",
	"Soort traject", "Thema", "Opdracht", "Wijkteam", "Startdatum",
	"Einddatum",
};
static const double traject_breedte[] = {
	14, 14, 28, 13, 20, 30, 30, 34, 22, 12, 12,
};
#define NTRAJECT	(sizeof(traject_kop) / sizeof(traject_kop[0]))

static const char *const gebeurtenis_kop[] = {
	"Gebeurtenisnummer", "Trajectnummer", "Inwonernummer", "Naam", "Type",
	"Datum", "Gegevens", "Vervalt gebeurtenis", "Geregistreerd door",
	"Geregistreerd op (UTC)",
};
static const double gebeurtenis_breedte[] = {
	18, 14, 14, 28, 30, 12, 60, 18, 18, 20,
};
#define NGEBEURTENIS	(sizeof(gebeurtenis_kop) / sizeof(gebeurtenis_kop[0]))

/* Where the rows go: the workbook or the CSV stream. */
struct uitvoer {
	struct xlsx   *x;
	FILE          *fp;
	struct arena   scratch;       /* one row's text; reset per row */
	long           trajecten, gebeurtenissen;
	int            fout;
};

/* A row of n text fields to the CSV file. */
static int
csv_uit(struct uitvoer *u, const char *const *f, size_t n)
{
	struct buf b;

	buf_init(&b, &u->scratch);
	csv_record(&b, f, NULL, n);
	if (b.failed || fwrite(b.data, 1, b.len, u->fp) != b.len)
		return -1;
	return 0;
}

/* The cells of a sheet's row (doc/xlsx.h); a text is borrowed until
 * xlsx_rij has written the row. */
static struct xlsx_cel
tekst(const char *s)
{
	return (struct xlsx_cel){ XLSX_TEKST, s, 0 };
}

/* A number cell. A double holds every integer up to 2^53 exactly, far
 * above WZ_MAX_ID: ids and years arrive in the sheet as they are. */
static struct xlsx_cel
getal(int64_t v)
{
	return (struct xlsx_cel){ XLSX_GETAL, NULL, (double)v };
}

/* An optional id: an empty cell for 0 (none). */
static struct xlsx_cel
id_cel(int64_t id)
{
	if (id <= 0)
		return (struct xlsx_cel){ XLSX_LEEG, NULL, 0 };
	return getal(id);
}

/* A number as CSV text into buf (at least 21 bytes). */
static const char *
getal_tekst(char *buf, size_t len, int64_t v)
{
	snprintf(buf, len, "%lld", (long long)v);
	return buf;
}

/* An optional id as CSV text: an empty field (NULL) for 0 (none). */
static const char *
id_tekst(char *buf, size_t len, int64_t id)
{
	return id > 0 ? getal_tekst(buf, len, id) : NULL;
}

/* A DATE as MariaDB writes it, which the sheet stores as a date (Excel
 * sorts and filters it as one), or as text when Excel cannot hold it. */
static struct xlsx_cel
datum(const char *s)
{
	return (struct xlsx_cel){ XLSX_DATUM, s, 0 };
}

/*
 * One traject to the sheet or the CSV: store_export_trajecten_each calls
 * it per row, in order, with ctx the struct uitvoer. A failed write sets
 * u->fout and returns 1, which stops the store's loop; the caller tells
 * that apart from a database error by u->fout. A CSV line is built in
 * the scratch arena, which is reset after the row.
 */
static int
traject_rij(const struct export_traject *t, void *ctx)
{
	struct uitvoer *u = ctx;
	const char *soort = soort_label(t->soort);
	int rc;

	if (u->x != NULL) {
		struct xlsx_cel c[NTRAJECT] = {
			getal(t->id), getal(t->inwoner_id), tekst(t->naam),
			getal(t->geboortejaar), tekst(t->wijk), tekst(soort),
			tekst(t->thema), tekst(t->opdracht), tekst(t->wijkteam),
			datum(t->startdatum), datum(t->einddatum),
		};

		rc = xlsx_rij(u->x, c, NTRAJECT);
	} else {
		char id[24], inw[24], jaar[24];
		const char *f[NTRAJECT] = {
			getal_tekst(id, sizeof(id), t->id),
			getal_tekst(inw, sizeof(inw), t->inwoner_id), t->naam,
			getal_tekst(jaar, sizeof(jaar), t->geboortejaar), t->wijk,
			soort, t->thema, t->opdracht, t->wijkteam, t->startdatum,
			t->einddatum,
		};

		rc = csv_uit(u, f, NTRAJECT);
		arena_reset(&u->scratch);
	}
	if (rc != 0) {
		u->fout = 1;
		return 1;
	}
	u->trajecten++;
	return 0;
}

/* One gebeurtenis, as traject_rij; its payload is made readable text in
 * the scratch arena, which is reset after every row however it went. */
static int
gebeurtenis_rij(const struct export_gebeurtenis *e, void *ctx)
{
	struct uitvoer *u = ctx;
	const char *g;
	struct buf b;
	int rc;

	buf_init(&b, &u->scratch);
	gegevens_tekst(&b, e->type, e->gegevens);
	g = b.failed || b.len == 0 ? "" : b.data;
	if (u->x != NULL) {
		struct xlsx_cel c[NGEBEURTENIS] = {
			getal(e->id), getal(e->traject_id), getal(e->inwoner_id),
			tekst(e->naam), tekst(type_label(e->type)), datum(e->datum),
			tekst(g), id_cel(e->vervalt_id),
			tekst(partij_label(e->partij)), tekst(e->geregistreerd),
		};

		rc = xlsx_rij(u->x, c, NGEBEURTENIS);
	} else {
		char id[24], trj[24], inw[24], vervalt[24];
		const char *f[NGEBEURTENIS] = {
			getal_tekst(id, sizeof(id), e->id),
			getal_tekst(trj, sizeof(trj), e->traject_id),
			getal_tekst(inw, sizeof(inw), e->inwoner_id), e->naam,
			type_label(e->type), e->datum, g,
			id_tekst(vervalt, sizeof(vervalt), e->vervalt_id),
			partij_label(e->partij), e->geregistreerd,
		};

		rc = csv_uit(u, f, NGEBEURTENIS);
	}
	arena_reset(&u->scratch);
	if (rc != 0) {
		u->fout = 1;
		return 1;
	}
	u->gebeurtenissen++;
	return 0;
}

/* ------------------------------------------------------------ the export */

/*
 * The organisaties the caller is teamleider of (organisation-scoped
 * grants), among those registratie_scope found: into f->org. Returns
 * their number, or -1 after answering a database error.
 */
static int
teamleider_organisaties(struct req *r, struct export_filter *f)
{
	struct scope s;
	size_t i, g;
	int n = 0;

	if (registratie_scope(r, &s) != 0)
		return -1;
	for (i = 0; i < s.norg; i++)
		for (g = 0; g < r->who.ngrants; g++)
			if (r->who.grants[g].rol == ROL_TEAMLEIDER &&
			    r->who.grants[g].scope == SCOPE_ORGANISATIE &&
			    r->who.grants[g].scope_id == s.org[i]) {
				f->org[n++] = s.org[i];
				break;
			}
	/* Unused slots repeat the first (one value keeps index order). */
	for (i = (size_t)n; n > 0 && i < SCOPE_ORGS; i++)
		f->org[i] = f->org[0];
	return n;
}

/* The directory for the temporary files: $TMPDIR, else /tmp. */
static const char *
tijdelijke_map(void)
{
	const char *d = getenv("TMPDIR");

	return d != NULL && d[0] == '/' ? d : "/tmp";
}

/* After a failure: closes what is open (the file is thrown away). */
static void
opruimen(struct uitvoer *u)
{
	if (u->x != NULL)
		(void)xlsx_close(u->x);
	if (u->fp != NULL)
		(void)fclose(u->fp);
	u->x = NULL;
	u->fp = NULL;
	arena_free(&u->scratch);
}

/*
 * Writes the rows into the file at path (fd open on it). Returns 0, or -1
 * after answering the error. A workbook has both sheets, trajecten first;
 * a CSV has the one list chosen, after a byte-order mark. The CSV stream
 * writes through a dup of fd, so that fclose leaves fd open for sending
 * the file. A failure inside a row (u->fout) is a failure of the file
 * (500, logged with errno), not of the database.
 */
static int
schrijf_bestand(struct req *r, const struct vraag *v,
    const struct export_filter *f, const char *path, int fd,
    struct uitvoer *u)
{
	enum db_err rc = DB_OK;
	int dfd;

	if (arena_init(&u->scratch, 64 * 1024, 1024 * 1024) != 0) {
		resp_problem(r, 500, NULL, NULL);
		return -1;
	}
	if (v->formaat == F_XLSX) {
		if ((u->x = xlsx_open(path, tijdelijke_map())) == NULL)
			goto fail_file;
		if (xlsx_blad(u->x, "Trajecten", traject_kop, traject_breedte,
		    NTRAJECT) != 0)
			goto fail_file;
		rc = store_export_trajecten_each(r->db, f, traject_rij, u);
		if (rc == DB_OK && !u->fout && xlsx_blad(u->x, "Gebeurtenissen",
		    gebeurtenis_kop, gebeurtenis_breedte, NGEBEURTENIS) != 0)
			goto fail_file;
		if (rc == DB_OK && !u->fout)
			rc = store_export_gebeurtenissen_each(r->db, f,
			    gebeurtenis_rij, u);
		if (rc != DB_OK)
			goto fail_db;
		if (u->fout)
			goto fail_file;
		/* The zip is assembled here, from the temporary row files. */
		if (xlsx_close(u->x) != 0) {
			u->x = NULL;
			goto fail_file;
		}
		u->x = NULL;
	} else {
		if ((dfd = dup(fd)) < 0 || (u->fp = fdopen(dfd, "w")) == NULL) {
			if (dfd >= 0)
				close(dfd);
			goto fail_file;
		}
		/* UTF-8 byte-order mark: without it Excel reads Windows-1252. */
		fputs("\xEF\xBB\xBF", u->fp);
		if (v->soort == S_TRAJECTEN) {
			if (csv_uit(u, traject_kop, NTRAJECT) != 0)
				goto fail_file;
			rc = store_export_trajecten_each(r->db, f, traject_rij, u);
		} else {
			if (csv_uit(u, gebeurtenis_kop, NGEBEURTENIS) != 0)
				goto fail_file;
			rc = store_export_gebeurtenissen_each(r->db, f,
			    gebeurtenis_rij, u);
		}
		if (rc != DB_OK)
			goto fail_db;
		if (u->fout || fclose(u->fp) != 0) {
			u->fp = NULL;
			goto fail_file;
		}
		u->fp = NULL;
	}
	arena_free(&u->scratch);
	return 0;

fail_db:
	opruimen(u);
	fail_db(r, rc, "export");
	return -1;
fail_file:
	opruimen(u);
	log_error("export", "req=%s cannot write the export file: %s",
	    r->request_id ? r->request_id : "-", strerror(errno));
	resp_problem(r, 500, NULL, NULL);
	return -1;
}

/* The audit record of this request: who, from where, by which route. It
 * is the template of the export's per-inwoner rows, which
 * store_export_audit writes set-based and audit() cannot: so it is filled
 * here as ops_audit would fill it. */
static void
audit_van(struct req *r, struct audit_rec *a, const char *toelichting)
{
	memset(a, 0, sizeof(*a));
	a->gebruiker_id = r->who.gebruiker_id;
	a->token_id = r->who.token_id;
	a->actie = "exporteren";
	a->doel = DOEL_EXPORT;
	a->route = arena_printf(r->arena, "%s %s", r->method,
	    r->match.route != NULL ? r->match.route->pattern : r->path);
	a->resultaat = GELUKT;
	a->adres = r->remote_addr;
	a->toelichting = toelichting;
}

/*
 * The order is the contract of the top of this file: the form, the
 * caller's organisaties, the count against MAX_RIJEN (before anything is
 * written or built), a temporary file, then one transaction of the
 * inwoners' audit rows (which also lock their trajecten while the file is
 * built), the file and the export's own row. Only after the commit is the
 * file sent; until then any failure removes it (out). resp_file takes fd.
 */
static void
pagina_export_maak(struct req *r)
{
	struct export_filter f;
	struct uitvoer u;
	struct audit_rec a;
	struct vraag v;
	struct stat st;
	uint64_t inwoners = 0;
	long ntraj = 0, ngeb = 0, nrijen;
	char path[4096];
	const char *wat;
	enum db_err rc;
	int n, fd;

	if (lees_vraag(r, &v) > 0) {
		formulier(r, 422, &v);
		return;
	}
	json_object_put(v.fouten);
	v.fouten = NULL;
	memset(&f, 0, sizeof(f));
	f.van = v.van;
	f.tot = v.tot;
	if ((n = teamleider_organisaties(r, &f)) < 0)
		return;
	/* A teamleider of a wijkteam only has no organisatie to export. */
	if (n == 0) {
		resp_problem(r, 403, "Exporteren kan alleen een teamleider van een "
		    "wijkteamorganisatie.", NULL);
		return;
	}
	if ((rc = store_export_tel(r->db, r->arena, &f, &ntraj, &ngeb)) != DB_OK) {
		fail_db(r, rc, "export");
		return;
	}
	/* The cap counts what goes into the file: both lists for a
	 * workbook, the one chosen for a CSV. It is checked before anything
	 * is locked, written or built. */
	nrijen = v.formaat == F_XLSX ? ntraj + ngeb :
	    v.soort == S_TRAJECTEN ? ntraj : ngeb;
	if (nrijen > MAX_RIJEN) {
		v.fouten = json_object_new_array();
		fout_melding(v.fouten, "van", arena_printf(r->arena,
		    "Deze periode is te groot voor één export: %ld trajecten en "
		    "%ld gebeurtenissen, en een export kan ten hoogste "
		    MAX_RIJEN_TEKST " regels bevatten. Kies een kortere periode.",
		    ntraj, ngeb));
		formulier(r, 422, &v);
		return;
	}

	snprintf(path, sizeof(path), "%s/wijkzicht-export-XXXXXX", tijdelijke_map());
	if ((fd = mkstemp(path)) < 0) {
		log_error("export", "req=%s cannot create a temporary file in %s: %s",
		    r->request_id ? r->request_id : "-", tijdelijke_map(),
		    strerror(errno));
		resp_problem(r, 500, NULL, NULL);
		return;
	}
	memset(&u, 0, sizeof(u));
	if (tx_begin(r) != 0)
		goto out;
	/* First the audit rows of every inwoner in it (and their locks). */
	audit_van(r, &a, arena_printf(r->arena, "export %s t/m %s", v.van, v.tot));
	if ((rc = store_export_audit(r->db, &a, &f,
	    v.formaat == F_CSV && v.soort == S_GEBEURTENISSEN, &inwoners))
	    != DB_OK) {
		tx_rollback(r);
		fail_db(r, rc, "export audit");
		goto out;
	}
	if (schrijf_bestand(r, &v, &f, path, fd, &u) != 0) {
		tx_rollback(r);
		goto out;
	}
	wat = v.formaat == F_XLSX ? arena_printf(r->arena,
	    "%ld trajecten en %ld gebeurtenissen", u.trajecten, u.gebeurtenissen) :
	    v.soort == S_TRAJECTEN ? arena_printf(r->arena, "%ld trajecten",
	    u.trajecten) : arena_printf(r->arena, "%ld gebeurtenissen",
	    u.gebeurtenissen);
	if (audit_persoon(r, "exporteren", "registratie", 0, 0, DOEL_EXPORT,
	    GELUKT, arena_printf(r->arena, "%s, %s t/m %s: %s van %llu inwoners",
	    v.formaat == F_XLSX ? "xlsx" : "csv", v.van, v.tot, wat ? wat : "",
	    (unsigned long long)inwoners)) != 0) {
		tx_rollback(r);
		fail_db(r, DB_ERR, "export audit");
		goto out;
	}
	if (tx_commit(r) != 0)
		goto out;
	if (fstat(fd, &st) != 0) {
		resp_problem(r, 500, NULL, NULL);
		goto out;
	}
	/* Unlinked before it is sent: the open fd keeps it readable, and
	 * nothing stays on disk once resp_file has closed it, whatever
	 * becomes of the worker meanwhile. */
	unlink(path);
	resp_file(r, 200, v.formaat == F_XLSX ? XLSX_TYPE :
	    "text/csv; charset=utf-8", fd, (size_t)st.st_size);
	resp_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"registratie-%s%s-%s.%s\"",
	    v.formaat == F_CSV && v.soort == S_GEBEURTENISSEN ?
	    "gebeurtenissen-" : "", v.van, v.tot,
	    v.formaat == F_XLSX ? "xlsx" : "csv"));
	resp_header(r, "Cache-Control", "no-store");
	return;
out:
	unlink(path);
	close(fd);
}

static const struct route table[] = {
	{ "GET", "/registratie/export", pagina_export, ACCESS_TEAMLEIDER,
	  ROUTE_HTML, NULL },
	{ "POST", "/registratie/export", pagina_export_maak, ACCESS_TEAMLEIDER,
	  ROUTE_HTML | ROUTE_BODY_FORM, NULL },
};

ROUTE_TABLE(routes_export, table);
