/*
 * response.c — the front gate's output half; see response.h.
 *
 * JSON is only ever produced by json-c (which escapes '/' so "</script>"
 * cannot break out of anything); HTML only by the template engine, which
 * escapes by default. Headers pass one CR/LF check here. The security
 * headers (CSP, nosniff, frame-ancestors) are set once, by nginx.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/policy.h"
#include "http/request.h"
#include "http/response.h"
#include "tmpl/tmpl.h"

struct status_text {
	int         status;
	const char *title;    /* Dutch reason phrase for pages and problems */
	const char *detail;   /* default explanation */
	const char *reason;   /* English reason phrase for the status line */
};

static const struct status_text statuses[] = {
	{ 200, "OK", "", "OK" },
	{ 201, "Aangemaakt", "", "Created" },
	{ 204, "Geen inhoud", "", "No Content" },
	{ 303, "Zie elders", "", "See Other" },
	{ 400, "Ongeldige aanvraag", "De aanvraag kon niet worden gelezen.", "Bad Request" },
	{ 401, "Niet aangemeld", "Meld u aan om verder te gaan.", "Unauthorized" },
	{ 403, "Geen toegang", "U hebt geen toegang tot deze pagina of gegevens.", "Forbidden" },
	{ 404, "Niet gevonden", "De pagina of het gegeven dat u zoekt bestaat niet (meer).", "Not Found" },
	{ 405, "Methode niet toegestaan", "Dit adres bestaat, maar niet voor deze HTTP-methode.", "Method Not Allowed" },
	{ 409, "Conflict", "De aanvraag botst met de huidige stand van de gegevens.", "Conflict" },
	{ 412, "Gegevens gewijzigd", "Iemand anders heeft deze gegevens intussen gewijzigd. Laad ze opnieuw.", "Precondition Failed" },
	{ 413, "Aanvraag te groot", "De aanvraag is groter dan toegestaan (1 MiB).", "Payload Too Large" },
	{ 414, "Adres te lang", "Het adres van de aanvraag is te lang.", "URI Too Long" },
	{ 415, "Formaat niet ondersteund", "Het formaat van de meegestuurde gegevens wordt hier niet ondersteund.", "Unsupported Media Type" },
	{ 422, "Gegevens niet in orde", "Niet alle gegevens zijn goed ingevuld.", "Unprocessable Content" },
	{ 428, "Versie ontbreekt", "Stuur de versie van de gegevens mee (If-Match), zodat niemands wijziging verloren gaat.", "Precondition Required" },
	{ 429, "Te veel pogingen", "Er zijn te veel aanvragen gedaan. Probeer het later opnieuw.", "Too Many Requests" },
	{ 500, "Interne fout", "Er ging iets mis aan onze kant. Probeer het later opnieuw.", "Internal Server Error" },
	{ 501, "Niet ondersteund", "Deze aanvraag wordt niet ondersteund.", "Not Implemented" },
	{ 503, "Tijdelijk niet beschikbaar", "wijkzicht is tijdelijk niet beschikbaar. Probeer het over een paar minuten opnieuw.", "Service Unavailable" },
};

static const struct status_text *
status_find(int status)
{
	size_t i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].status == status)
			return &statuses[i];
	/* A status without words of its own is reported as what it means to
	 * the user: something went wrong on our side. */
	return status == 500 ? &statuses[0] : status_find(500);
}

const char *
status_title(int status)
{
	return status_find(status)->title;
}

int
resp_header(struct req *r, const char *name, const char *value)
{
	const char *p;

	for (p = value; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -1;
	if (r->res.nheaders == RESP_MAX_HEADERS)
		return -1;
	r->res.headers[r->res.nheaders].name = name;
	r->res.headers[r->res.nheaders].value = arena_strdup(r->arena, value);
	if (r->res.headers[r->res.nheaders].value == NULL)
		return -1;
	r->res.nheaders++;
	return 0;
}

/* A body that is a file (resp_file): the descriptor and its length. */
struct resp_file {
	int     fd;
	size_t  len;
};

/* Closes the file of a resp_file answer, if any. */
static void
resp_file_close(struct req *r)
{
	if (r->res.file != NULL) {
		(void)close(r->res.file->fd);
		r->res.file = NULL;
	}
}

/* Starts a fresh body: a handler that answers twice keeps only the last. */
static void
resp_reset(struct req *r, int status, const char *content_type)
{
	resp_file_close(r);
	buf_init(&r->res.body, r->arena);
	r->res.status = status;
	r->res.content_type = content_type;
}

void
resp_redirect(struct req *r, const char *location)
{
	r->res.status = 303;
	r->res.content_type = "text/plain; charset=utf-8";
	buf_init(&r->res.body, r->arena);
	resp_header(r, "Location", location);
}

void
resp_json_text(struct req *r, int status, const char *text, size_t len)
{
	resp_reset(r, status, "application/json");
	buf_append(&r->res.body, text, len);
}

void
resp_json(struct req *r, int status, struct json_object *obj)
{
	size_t len;
	const char *s;

	s = json_object_to_json_string_length(obj, JSON_C_TO_STRING_PLAIN, &len);
	resp_json_text(r, status, s, len);
	json_object_put(obj);
}

/* The last resort when even an error page cannot be rendered. */
static void
resp_plain_500(struct req *r)
{
	resp_reset(r, 500, "text/plain; charset=utf-8");
	buf_puts(&r->res.body, "Interne fout.\n");
}

/* The menu: each item shows only to whom its page's rule allows. */
static const struct {
	const char       *label;
	const char       *href;
	enum access_rule  rule;
} menu[] = {
	{ "Start", "/", ACCESS_PUBLIC },
	{ "Inwoners", "/registratie/inwoners", ACCESS_KETEN },
	{ "Wachtlijst", "/registratie/wachtlijst", ACCESS_TEAMLEIDER },
	{ "Overdrachten", "/registratie/overdrachten", ACCESS_AFSTEMMING },
	{ "Importeren", "/registratie/import", ACCESS_TEAMLEIDER },
	{ "Exporteren", "/registratie/export", ACCESS_TEAMLEIDER },
	{ "Indicatoren", "/indicatoren", ACCESS_INGELOGD },
	{ "Streefwaarden", "/streefwaarden", ACCESS_STURING },
	{ "Formats", "/formats", ACCESS_STURING },
	{ "Rapportages", "/rapportages", ACCESS_STURING },
	{ "Cijfers", "/cijfers", ACCESS_CIJFERS },
	{ "Aan te leveren cijfers", "/ketenpartnerwaarden", ACCESS_KETENPARTNER },
	{ "Compleetheid", "/compleetheid", ACCESS_TOEZICHT },
	{ "Beheer", "/beheer", ACCESS_BEHEER },
	{ "Gebruikers", "/beheer/gebruikers", ACCESS_BEHEER },
	{ "Auditlog", "/audit", ACCESS_AUDIT },
	{ "Toegangshistorie", "/inzage", ACCESS_AUDIT },
	{ "Mijn account", "/account", ACCESS_INGELOGD },
};

/*
 * What the layout shows of the visitor: "ik" (name), "menu" (the items
 * their roles allow, the current one marked) and "csrf_token" for the
 * log-out form and every other form of the page; and "static_versie" for
 * the stylesheet URLs.
 */
static void
add_layout_context(struct req *r, struct json_object *ctx)
{
	struct json_object *items = json_object_new_array(), *item, *ik;
	size_t i, len;

	for (i = 0; i < sizeof(menu) / sizeof(menu[0]); i++) {
		if (policy_allows(menu[i].rule, &r->who) != POLICY_ALLOW)
			continue;
		item = json_object_new_object();
		json_object_object_add(item, "label", json_object_new_string(menu[i].label));
		json_object_object_add(item, "href", json_object_new_string(menu[i].href));
		len = strlen(menu[i].href);
		if (r->path != NULL && (strcmp(r->path, menu[i].href) == 0 ||
		    (len > 1 && strncmp(r->path, menu[i].href, len) == 0 &&
		    r->path[len] == '/' && strcmp(menu[i].href, "/beheer") != 0)))
			json_object_object_add(item, "actief", json_object_new_boolean(1));
		json_object_array_add(items, item);
	}
	json_object_object_add(ctx, "menu", items);
	if (r->static_versie != NULL)
		json_object_object_add(ctx, "static_versie",
		    json_object_new_string(r->static_versie));
	if (r->who.authenticated) {
		ik = json_object_new_object();
		json_object_object_add(ik, "naam", json_object_new_string(
		    r->who.naam ? r->who.naam : ""));
		json_object_object_add(ctx, "ik", ik);
		if (r->who.csrf_token != NULL)
			json_object_object_add(ctx, "csrf_token",
			    json_object_new_string(r->who.csrf_token));
	}
}

void
resp_page(struct req *r, int status, const char *page, struct json_object *ctx)
{
	resp_reset(r, status, "text/html; charset=utf-8");
	if (ctx != NULL)
		add_layout_context(r, ctx);
	if (r->tmpl == NULL ||
	    tmpl_render_page(r->tmpl, "layout", page, ctx, &r->res.body) != 0) {
		log_error("resp_page", "req=%s cannot render %s",
		    r->request_id ? r->request_id : "-", page);
		resp_plain_500(r);
	}
	json_object_put(ctx);
}

void
resp_problem(struct req *r, int status, const char *detail,
    struct json_object *errors)
{
	const struct status_text *st = status_find(status);
	struct json_object *o = json_object_new_object();

	if (detail == NULL)
		detail = st->detail;
	if (o == NULL) {
		json_object_put(errors);
		resp_plain_500(r);
		return;
	}
	if (r->wants_json) {
		json_object_object_add(o, "type", json_object_new_string("about:blank"));
		json_object_object_add(o, "title", json_object_new_string(st->title));
		json_object_object_add(o, "status", json_object_new_int(status));
		json_object_object_add(o, "detail", json_object_new_string(detail));
		if (errors != NULL)
			json_object_object_add(o, "errors", errors);
		resp_json(r, status, o);
		r->res.content_type = "application/problem+json";
		return;
	}
	json_object_put(errors);
	json_object_object_add(o, "titel", json_object_new_string(st->title));
	json_object_object_add(o, "status", json_object_new_int(status));
	json_object_object_add(o, "uitleg", json_object_new_string(detail));
	resp_page(r, status, "error", o);
}

void
resp_file(struct req *r, int status, const char *content_type, int fd,
    size_t len)
{
	struct resp_file *f;

	resp_reset(r, status, content_type);
	if ((f = arena_alloc(r->arena, sizeof(*f))) == NULL) {
		(void)close(fd);
		resp_plain_500(r);
		return;
	}
	f->fd = fd;
	f->len = len;
	r->res.file = f;
}

/* Sends the first f->len bytes of f->fd (from offset 0). Returns 0 or -1. */
static int
write_file(const struct resp_file *f, int (*write)(void *, const char *, size_t),
    void *ctx)
{
	char chunk[RESP_FILE_CHUNK];
	size_t left = f->len;
	off_t off = 0;
	ssize_t n;

	while (left > 0) {
		n = pread(f->fd, chunk, left < sizeof(chunk) ? left : sizeof(chunk), off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* The promised Content-Length can no longer be met:
			 * failing the write makes the server drop the
			 * connection rather than send a short file as whole. */
			log_error("resp_write", "cannot read the body file: %s",
			    n < 0 ? strerror(errno) : "shorter than announced");
			return -1;
		}
		if (write(ctx, chunk, (size_t)n) != 0)
			return -1;
		left -= (size_t)n;
		off += n;
	}
	return 0;
}

static int resp_write_all(struct req *, int (*)(void *, const char *, size_t),
    void *);

int
resp_write(struct req *r, int (*write)(void *, const char *, size_t), void *ctx)
{
	int rc = resp_write_all(r, write, ctx);

	resp_file_close(r);
	return rc;
}

static int
resp_write_all(struct req *r, int (*write)(void *, const char *, size_t),
    void *ctx)
{
	const struct status_text *st = status_find(r->res.status);
	char head[4096];
	size_t i, n;
	int len;

	len = snprintf(head, sizeof(head),
	    "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n",
	    r->res.status, st->reason,
	    r->res.content_type ? r->res.content_type : "text/plain; charset=utf-8",
	    r->res.file != NULL ? r->res.file->len : r->res.body.len);
	if (len < 0 || (size_t)len >= sizeof(head))
		return -1;
	n = (size_t)len;
	if (r->path != NULL && strncmp(r->path, "/api/", 5) == 0) {
		len = snprintf(head + n, sizeof(head) - n, "API-Version: %s\r\n",
		    API_VERSION);
		if (len < 0 || (size_t)len >= sizeof(head) - n)
			return -1;
		n += (size_t)len;
	}
	for (i = 0; i < r->res.nheaders; i++) {
		len = snprintf(head + n, sizeof(head) - n, "%s: %s\r\n",
		    r->res.headers[i].name, r->res.headers[i].value);
		if (len < 0 || (size_t)len >= sizeof(head) - n)
			return -1;
		n += (size_t)len;
	}
	if (n + 2 >= sizeof(head))
		return -1;
	head[n++] = '\r';
	head[n++] = '\n';
	if (write(ctx, head, n) != 0)
		return -1;
	if (r->head)
		return 0;
	if (r->res.file != NULL)
		return write_file(r->res.file, write, ctx);
	if (r->res.body.len == 0)
		return 0;
	return write(ctx, r->res.body.data, r->res.body.len);
}
