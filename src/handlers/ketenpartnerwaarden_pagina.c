/*
 * ketenpartnerwaarden_pagina.c — the one screen on which Werkom,
 * Uitkeringen or Naleving fill in the values of a periode for every
 * organisatie and wijk at once (issue 12), and on which the gemeente's
 * roles read them.
 *
 * Pages (all may also answer 303 to the log-in page, 500/503):
 *   GET  /ketenpartnerwaarden?periode=   one table per indicator, a row
 *                                        per organisatie × wijk and the
 *                                        organisatie's total; inputs for
 *                                        the delivering party, read-only
 *                                        for the others; 403
 *   POST /ketenpartnerwaarden            every changed cell of the screen
 *                                        in one transaction: 303 back to
 *                                        the screen; 422 the screen again
 *                                        as typed with each cell's error;
 *                                        409 as typed when a cell was
 *                                        changed by someone else in
 *                                        between (that cell says so and
 *                                        shows what it holds now); 403
 *
 * Each cell's inputs are named after its key ("c<indicator>_<organisatie>_
 * <wijk>_waarde", _tekst, _niet_te_leveren, _reden), so the operation's
 * field errors name the input they belong to; the versie each cell had on
 * the screen travels in one hidden field ("versies": "c14_1_0_:3 ..."),
 * which keeps a whole screen within the form's field limit
 * (WZ_MAX_FIELDS). A screen larger than that is offered one indicator at
 * a time (?indicator_id=, which the form carries along). The page never
 * judges a value itself (ops/ketenpartnerwaarde.h), and shows every value
 * of the form escaped.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/datum.h"
#include "core/buf.h"
#include "core/getal.h"
#include "core/limits.h"
#include "domain/gebeurtenis.h"
#include "domain/indicator.h"
#include "domain/periode.h"
#include "domain/streefwaarde.h"
#include "handlers/common.h"
#include "handlers/handlers.h"
#include "handlers/registratie.h"
#include "http/request.h"
#include "http/response.h"
#include "ops/ketenpartnerwaarde.h"

/* The periode of the screen: ?periode= (or the form's), else the last
 * half-year that has ended. *fout: a message when one was sent that is
 * no periode. */
static void
kpw_pagina_periode(struct req *r, const char *s, struct periode *p,
    const char **fout)
{
	char d[11];
	long dag;

	*fout = NULL;
	if (s != NULL && *s != '\0') {
		if (periode_lees_str(s, p) == 0)
			return;
		*fout = "Dit is geen periode; kies bijvoorbeeld 2024-H2. De vorige "
		    "halfjaarperiode wordt getoond.";
	}
	(void)r;
	if (datum_lees_str(datum_vandaag(d), DATUM_JAAR_MIN, DATUM_JAAR_MAX,
	    &dag) != 0)
		dag = 0;
	*p = periode_van_dag(PERIODE_HALFJAAR, dag);
	*p = periode_vorige(p);
}

/* The prefix of a cell's input names. In the arena. */
static const char *
cel_sleutel(struct req *r, const struct kpw_cel *c)
{
	return arena_printf(r->arena, "c%lld_%lld_%lld_", (long long)
	    c->indicator_id, (long long)c->organisatie_id, (long long)c->wijk_id);
}

/* A form field of a cell (prefix + naam), or NULL. */
static const char *
cel_veld(struct req *r, const char *sleutel, const char *naam)
{
	return kv_get(&r->form, arena_printf(r->arena, "%s%s", sleutel, naam));
}

/* A stored decimal as people here write it ("12,5"); NULL for none. */
static const char *
kpw_getal(struct req *r, const char *s)
{
	int64_t v;
	char b[40], *p;

	if (s == NULL || streefwaarde_getal_lees(s, &v) != 0)
		return NULL;
	streefwaarde_getal_tekst(v, STREEFWAARDE_SCHAAL, b);
	if ((p = strchr(b, '.')) != NULL)
		*p = ',';
	return arena_strdup(r->arena, b);
}

/* The message of field veld in fouten (a list of {veld, melding}), or
 * NULL. */
static const char *
kpw_melding(struct json_object *fouten, const char *veld)
{
	struct json_object *e, *v, *m;
	size_t i;

	for (i = 0; fouten != NULL && i < json_object_array_length(fouten); i++) {
		e = json_object_array_get_idx(fouten, i);
		if (json_object_object_get_ex(e, "veld", &v) &&
		    strcmp(json_object_get_string(v), veld) == 0 &&
		    json_object_object_get_ex(e, "melding", &m))
			return json_object_get_string(m);
	}
	return NULL;
}

static void
zet(struct json_object *o, const char *k, const char *v)
{
	if (v != NULL)
		json_object_object_add(o, k, json_object_new_string(v));
}

/* What a stored cell says, in words ("12,5", "niet te leveren: …"). */
static const char *
cel_stand(struct req *r, const struct kpw_cel *c)
{
	if (c->id == 0)
		return "ontbreekt";
	if (c->niet_te_leveren)
		return arena_printf(r->arena, "niet te leveren: %s", c->reden != NULL ?
		    c->reden : "");
	if (c->tekst != NULL)
		return c->tekst;
	return kpw_getal(r, c->waarde);
}

/*
 * One row of the screen. gepost: the form's values as typed (nothing
 * typed is lost), else the stored ones. fouten: the field errors; stale:
 * the keys of the cells that changed in between (their versie is the
 * current one now, so saving again is a choice made knowingly).
 */
static struct json_object *
kpw_rij(struct req *r, const struct kpw_cel *c, int gepost,
    struct json_object *fouten, const struct kpw_invoer *in)
{
	struct json_object *o = json_object_new_object();
	const char *k = cel_sleutel(r, c), *naam;
	int tekst = strcmp(c->eenheid, "tekst") == 0;
	const char *waarde, *reden, *ntl;

	if (gepost) {
		waarde = cel_veld(r, k, tekst ? "tekst" : "waarde");
		reden = cel_veld(r, k, "reden");
		ntl = cel_veld(r, k, "niet_te_leveren");
	} else {
		waarde = tekst ? c->tekst : kpw_getal(r, c->waarde);
		reden = c->niet_te_leveren ? c->reden : NULL;
		ntl = c->niet_te_leveren ? "1" : NULL;
	}
	naam = c->wijk_id > 0 ? arena_printf(r->arena, "%s, %s",
	    c->organisatie_naam, c->wijk_naam) : arena_printf(r->arena,
	    "%s, hele organisatie", c->organisatie_naam);
	zet(o, "sleutel", k);
	zet(o, "organisatie", c->organisatie_naam);
	zet(o, "wijk", c->wijk_id > 0 ? c->wijk_naam : "Hele organisatie");
	zet(o, "omschrijving", naam);
	json_object_object_add(o, "totaal", json_object_new_boolean(
	    c->wijk_id == 0));
	json_object_object_add(o, "is_tekst", json_object_new_boolean(tekst));
	json_object_object_add(o, "waarde", tekst_of_leeg(waarde));
	json_object_object_add(o, "reden", tekst_of_leeg(reden));
	json_object_object_add(o, "niet_te_leveren", json_object_new_boolean(
	    ntl != NULL && strcmp(ntl, "1") == 0));
	json_object_object_add(o, "versie", json_object_new_int64(c->versie));
	zet(o, "stand", cel_stand(r, c));
	json_object_object_add(o, "ontbreekt", json_object_new_boolean(
	    c->id == 0));
	zet(o, "door", c->door);
	zet(o, "op", c->gewijzigd_op);
	zet(o, "op_tekst", pagina_tijd(r, c->gewijzigd_op));
	zet(o, "fout_waarde", kpw_melding(fouten, arena_printf(r->arena, "%s%s", k,
	    tekst ? "tekst" : "waarde")));
	zet(o, "fout_reden", kpw_melding(fouten, arena_printf(r->arena, "%sreden",
	    k)));
	zet(o, "fout_niet_te_leveren", kpw_melding(fouten, arena_printf(r->arena,
	    "%sniet_te_leveren", k)));
	if (in != NULL && in->verouderd)
		zet(o, "verouderd", arena_printf(r->arena, "Intussen gewijzigd door "
		    "%s: nu %s. Controleer uw invoer en sla opnieuw op.",
		    c->door != NULL ? c->door : "iemand anders", cel_stand(r, c)));
	if (kpw_melding(fouten, arena_printf(r->arena, "%s%s", k, tekst ? "tekst" :
	    "waarde")) != NULL || kpw_melding(fouten, arena_printf(r->arena,
	    "%sreden", k)) != NULL || (in != NULL && in->verouderd))
		json_object_object_add(o, "heeft_fout", json_object_new_boolean(1));
	return o;
}

/* Whether a screen of n cells would post more fields than a form may
 * hold (core/limits.h): each cell sends its value and its reden (and
 * its box when ticked); the versies travel in one field. Such a screen
 * is offered one indicator at a time. */
static int
kpw_te_groot(size_t n)
{
	return 3 * n + 8 > WZ_MAX_FIELDS;
}

/* The versie the screen showed of cell k ("c14_1_0_:3 c14_1_12_:0"):
 * 0 when it had no row or k is not there. */
static int64_t
kpw_versie(const char *versies, const char *k)
{
	size_t len = strlen(k);
	const char *p = versies;
	int64_t v;
	char b[12];
	size_t n;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, k, len) == 0 && p[len] == ':') {
			n = strcspn(p + len + 1, " ");
			if (n == 0 || n >= sizeof(b))
				return 0;
			memcpy(b, p + len + 1, n);
			b[n] = '\0';
			return getal_lees_str(b, 0, INT32_MAX, &v) == 0 ? v : 0;
		}
		if ((p = strchr(p, ' ')) != NULL)
			p++;
	}
	return 0;
}

/* The posted cell with prefix k, or NULL. */
static const struct kpw_invoer *
kpw_gepost(const struct kpw_invoer *in, size_t n, const char *k)
{
	size_t i;

	for (i = 0; in != NULL && i < n; i++)
		if (strcmp(in[i].veld, k) == 0)
			return &in[i];
	return NULL;
}

/*
 * The screen of periode p as a page context: one table per indicator.
 * fouten (taken) and in/nin (the cells as posted, with their outcome)
 * after a post, else NULL. NULL after answering.
 */
static struct json_object *
kpw_scherm(struct req *r, const struct periode *p, int64_t indicator_id,
    const char *filterfout, struct json_object *fouten,
    const struct kpw_invoer *in, size_t nin)
{
	struct json_object *ctx, *tabellen, *t = NULL, *rijen = NULL;
	struct kpw_cel *cel;
	struct ops_ctx c;
	struct scope s;
	struct buf versies;
	enum ops_uitkomst u;
	const char *partij, *label;
	char code[PERIODE_CODE_MAX];
	int64_t vorige = 0;
	size_t i, n = 0, ontbreekt = 0;
	int te_groot;

	if (registratie_scope(r, &s) != 0) {
		json_object_put(fouten);
		return NULL;
	}
	ops_ctx_van(r, &s, &c);
	u = ketenpartnerwaarde_lijst(&c, p, indicator_id, &cel, &n, &partij);
	if (u != OPS_OK) {
		json_object_put(fouten);
		antwoord_uitkomst(r, &c, u);
		return NULL;
	}
	antwoord_uitkomst(r, &c, u);
	periode_code(p, code);
	te_groot = partij != NULL && kpw_te_groot(n);
	buf_init(&versies, r->arena);
	ctx = json_object_new_object();
	tabellen = json_object_new_array();
	for (i = 0; i < n; i++) {
		if (t == NULL || cel[i].indicator_id != vorige) {
			t = json_object_new_object();
			rijen = json_object_new_array();
			vorige = cel[i].indicator_id;
			json_object_object_add(t, "id", json_object_new_int64(vorige));
			zet(t, "naam", cel[i].indicator_naam);
			zet(t, "code", cel[i].indicator_code);
			label = indicator_label(indicator_eenheden, cel[i].eenheid);
			zet(t, "eenheid", label != NULL ? label : cel[i].eenheid);
			json_object_object_add(t, "is_tekst", json_object_new_boolean(
			    strcmp(cel[i].eenheid, "tekst") == 0));
			label = gebeurtenis_partij_label(gebeurtenis_partij_parse(
			    cel[i].partij));
			zet(t, "partij", label != NULL ? label : cel[i].partij);
			json_object_object_add(t, "rijen", rijen);
			json_object_array_add(tabellen, t);
		}
		if (cel[i].id == 0)
			ontbreekt++;
		buf_printf(&versies, "%s%s:%lld", i > 0 ? " " : "",
		    cel_sleutel(r, &cel[i]), (long long)cel[i].versie);
		json_object_array_add(rijen, kpw_rij(r, &cel[i], in != NULL, fouten,
		    kpw_gepost(in, nin, cel_sleutel(r, &cel[i]))));
	}
	if (!te_groot)
		json_object_object_add(ctx, "versies", json_object_new_string_len(
		    versies.data != NULL ? versies.data : "", (int)versies.len));
	json_object_object_add(ctx, "titel", json_object_new_string(
	    partij != NULL ? "Aan te leveren cijfers" : "Cijfers van ketenpartners"));
	json_object_object_add(ctx, "tabellen", tabellen);
	json_object_object_add(ctx, "aantal", json_object_new_int((int)n));
	json_object_object_add(ctx, "ontbreekt", json_object_new_int(
	    (int)ontbreekt));
	json_object_object_add(ctx, "periode", json_object_new_string(code));
	zet(ctx, "periode_label", pagina_periode(r, code));
	json_object_object_add(ctx, "mag_invullen", json_object_new_boolean(
	    partij != NULL && !te_groot));
	json_object_object_add(ctx, "te_groot", json_object_new_boolean(
	    te_groot));
	if (indicator_id > 0)
		json_object_object_add(ctx, "indicator_id", json_object_new_int64(
		    indicator_id));
	if (partij != NULL)
		zet(ctx, "partij", gebeurtenis_partij_label(
		    gebeurtenis_partij_parse(partij)));
	zet(ctx, "filterfout", filterfout);
	pagina_fouten(r, ctx, fouten);
	return ctx;
}

/* GET /ketenpartnerwaarden: the screen of ?periode=. */
static void
pagina_scherm(struct req *r)
{
	struct json_object *ctx;
	struct periode p;
	const char *fout;
	const char *opgeslagen = kv_get(&r->query, "opgeslagen");
	int64_t aantal = 0, ind;

	kpw_pagina_periode(r, kv_get(&r->query, "periode"), &p, &fout);
	if ((ind = query_id(r, "indicator_id")) < 0)
		ind = 0;
	if ((ctx = kpw_scherm(r, &p, ind, fout, NULL, NULL, 0)) == NULL)
		return;
	if (opgeslagen != NULL && getal_lees_str(opgeslagen, 0, 100000,
	    &aantal) == 0)
		json_object_object_add(ctx, "melding", json_object_new_string(
		    aantal == 0 ? "Er was niets gewijzigd; er is niets opgeslagen." :
		    aantal == 1 ? "1 waarde opgeslagen." : arena_printf(r->arena,
		    "%lld waarden opgeslagen.", (long long)aantal)));
	resp_page(r, 200, "ketenpartnerwaarden", ctx);
}

/*
 * POST /ketenpartnerwaarden: every cell of the screen as the operation's
 * input, changed ones written in one transaction. The grid is read again
 * here (the same the operation judges against), so a cell is named by
 * its key and its versie from the hidden field.
 */
static void
pagina_opslaan(struct req *r)
{
	struct json_object *ctx;
	struct kpw_invoer *in;
	struct kpw_cel *cel;
	struct periode p;
	struct ops_ctx c;
	struct scope s;
	struct ops_tekst periode;
	enum ops_uitkomst u;
	const char *partij, *k, *fout, *versies = kv_get(&r->form, "versies");
	const char *is = kv_get(&r->form, "indicator_id");
	char code[PERIODE_CODE_MAX];
	size_t i, n = 0, geschreven = 0;
	int64_t ind = 0;

	periode = invoer_form(r, "periode");
	if (periode.tekst == NULL || periode_lees_str(periode.tekst, &p) != 0) {
		resp_problem(r, 400, "Dit formulier noemt geen periode.", NULL);
		return;
	}
	if (is != NULL && *is != '\0' && getal_lees_str(is, 1, WZ_MAX_ID,
	    &ind) != 0) {
		resp_problem(r, 400, "Dit formulier noemt geen geldige indicator.",
		    NULL);
		return;
	}
	if (registratie_scope(r, &s) != 0)
		return;
	ops_ctx_van(r, &s, &c);
	u = ketenpartnerwaarde_lijst(&c, &p, ind, &cel, &n, &partij);
	if (u == OPS_OK && partij == NULL)
		u = ops_weiger(&c, OPS_GEWEIGERD, "Alleen de ketenpartner die een "
		    "waarde aanlevert, vult haar in.");
	if (u != OPS_OK) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	if ((in = arena_calloc(r->arena, n + 1, sizeof(*in))) == NULL) {
		antwoord_uitkomst(r, &c, ops_storing(&c, DB_NOMEM, "pagina"));
		return;
	}
	for (i = 0; i < n; i++) {
		k = cel_sleutel(r, &cel[i]);
		in[i].veld = k;
		in[i].indicator_id.tekst = arena_printf(r->arena, "%lld",
		    (long long)cel[i].indicator_id);
		in[i].organisatie_id.tekst = arena_printf(r->arena, "%lld",
		    (long long)cel[i].organisatie_id);
		in[i].wijk_id.tekst = arena_printf(r->arena, "%lld",
		    (long long)cel[i].wijk_id);
		if (strcmp(cel[i].eenheid, "tekst") == 0)
			in[i].tekst.tekst = cel_veld(r, k, "tekst");
		else
			in[i].waarde.tekst = cel_veld(r, k, "waarde");
		in[i].niet_te_leveren.tekst = cel_veld(r, k, "niet_te_leveren");
		in[i].reden.tekst = cel_veld(r, k, "reden");
		in[i].versie = kpw_versie(versies, k);
	}
	u = ketenpartnerwaarde_zet(&c, periode, in, n, 1);
	if (u == OPS_OK) {
		for (i = 0; i < n; i++)
			geschreven += in[i].geschreven != 0;
		antwoord_uitkomst(r, &c, u);
		if (tx_commit(r) == 0)
			resp_redirect(r, arena_printf(r->arena, "/ketenpartnerwaarden?"
			    "periode=%s%s&opgeslagen=%zu", periode_code(&p, code),
			    ind > 0 ? arena_printf(r->arena, "&indicator_id=%lld",
			    (long long)ind) : "", geschreven));
		return;
	}
	if (u != OPS_VELDEN && u != OPS_VEROUDERD) {
		antwoord_uitkomst(r, &c, u);
		return;
	}
	tx_rollback(r);
	fout = u == OPS_VEROUDERD ? "Iemand anders heeft intussen een of meer "
	    "van deze waarden gewijzigd; bij die waarden staat hoe ze nu zijn. Er "
	    "is niets opgeslagen. Controleer uw invoer en sla opnieuw op." : NULL;
	ctx = kpw_scherm(r, &p, ind, NULL, c.fouten, in, n);
	c.fouten = NULL;
	if (ctx == NULL)
		return;
	if (fout != NULL)
		json_object_object_add(ctx, "conflict", json_object_new_string(fout));
	resp_page(r, u == OPS_VEROUDERD ? 409 : 422, "ketenpartnerwaarden", ctx);
}

#define H	ROUTE_HTML
#define HF	(ROUTE_HTML | ROUTE_BODY_FORM)
static const struct route routes[] = {
	{ "GET", "/ketenpartnerwaarden", pagina_scherm, ACCESS_KETENWAARDEN, H,
	  NULL },
	{ "POST", "/ketenpartnerwaarden", pagina_opslaan, ACCESS_KETENPARTNER,
	  HF, NULL },
};
ROUTE_TABLE(routes_ketenpartnerwaarden_pagina, routes);
