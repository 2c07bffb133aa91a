/*
 * rapportage_momentopname.c — see rapportage_momentopname.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/periode.h"
#include "ops/rapportage_momentopname.h"

static void
zet_int(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void
zet_tekst(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v != NULL ? json_object_new_string(v) :
	    NULL);
}

char *
momentopname_schrijf(struct arena *ar, const struct momentopname *m)
{
	struct json_object *o = json_object_new_object(), *b, *d, *sw, *kp;
	char pc[PERIODE_CODE_MAX];
	char *uit;
	size_t k;

	if (o == NULL)
		return NULL;
	if (m->berekend) {
		const struct cijfers_item *it = &m->item;

		b = json_object_new_object();
		zet_int(b, "s", it->schaal);
		zet_int(b, "h", it->heeft);
		zet_int(b, "w", it->waarde);
		zet_int(b, "weg", it->weg);
		d = json_object_new_array();
		for (k = 0; k < it->ndeel; k++) {
			struct json_object *e = json_object_new_array();

			json_object_array_add(e, json_object_new_string(
			    it->deel[k].code));
			json_object_array_add(e, json_object_new_int64(
			    it->deel[k].waarde));
			json_object_array_add(e, json_object_new_int(
			    it->deel[k].weg));
			json_object_array_add(d, e);
		}
		json_object_object_add(b, "d", d);
		zet_int(b, "vh", it->vorige_heeft);
		zet_int(b, "v", it->vorige);
		zet_int(b, "vweg", it->vorige_weg);
		json_object_object_add(o, "b", b);
	}
	if (m->heeft_sw) {
		sw = json_object_new_object();
		zet_int(sw, "id", m->sw.id);
		zet_tekst(sw, "p", periode_code(&m->sw.periode, pc));
		zet_int(sw, "o", m->sw.organisatie_id);
		zet_int(sw, "wk", m->sw.wijk_id);
		zet_int(sw, "r", m->sw.richting);
		zet_int(sw, "w", m->sw.waarde);
		zet_int(sw, "lo", m->sw.ondergrens);
		zet_int(sw, "hi", m->sw.bovengrens);
		zet_int(sw, "ht", m->sw.heeft_tolerantie);
		zet_int(sw, "t", m->sw.tolerantie);
		zet_int(sw, "ts", m->sw.tolerantie_soort);
		zet_int(sw, "d", m->deler);
		json_object_object_add(o, "sw", sw);
	}
	if (m->tv_heeft)
		zet_int(o, "tv", m->tv);
	if (m->ketenpartner) {
		kp = json_object_new_object();
		zet_int(kp, "h", m->kp_heeft);
		zet_int(kp, "n", m->kp_niet);
		zet_tekst(kp, "w", m->kp_waarde);
		zet_tekst(kp, "t", m->kp_tekst);
		zet_tekst(kp, "r", m->kp_reden);
		json_object_object_add(o, "kp", kp);
	}
	uit = arena_strdup(ar, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	return uit;
}

/* Integer member k of o into *v; -1 when it is missing or not one. */
static int
lees_int(struct json_object *o, const char *k, int64_t *v)
{
	struct json_object *x;

	if (!json_object_object_get_ex(o, k, &x) ||
	    !json_object_is_type(x, json_type_int))
		return -1;
	*v = json_object_get_int64(x);
	return 0;
}

static int
lees_vlag(struct json_object *o, const char *k, int *v)
{
	int64_t x;

	if (lees_int(o, k, &x) != 0 || x < 0 || x > 1000000)
		return -1;
	*v = (int)x;
	return 0;
}

/* String member k (null: NULL) copied into ar; -1 when it is something
 * else or memory runs out. */
static int
lees_tekst(struct arena *ar, struct json_object *o, const char *k,
    const char **v)
{
	struct json_object *x;

	*v = NULL;
	if (!json_object_object_get_ex(o, k, &x))
		return -1;
	if (x == NULL)
		return 0;
	if (!json_object_is_type(x, json_type_string))
		return -1;
	return (*v = arena_strdup(ar, json_object_get_string(x))) != NULL ? 0 :
	    -1;
}

static int
lees_berekend(struct arena *ar, struct json_object *b, struct cijfers_item *it)
{
	struct json_object *d, *e;
	int64_t w;
	size_t k, n;
	int s;

	if (lees_vlag(b, "s", &s) != 0 || s < 1 ||
	    lees_vlag(b, "h", &it->heeft) != 0 ||
	    lees_int(b, "w", &it->waarde) != 0 ||
	    lees_vlag(b, "weg", &it->weg) != 0 ||
	    lees_vlag(b, "vh", &it->vorige_heeft) != 0 ||
	    lees_int(b, "v", &it->vorige) != 0 ||
	    lees_vlag(b, "vweg", &it->vorige_weg) != 0 ||
	    !json_object_object_get_ex(b, "d", &d) ||
	    !json_object_is_type(d, json_type_array))
		return -1;
	it->schaal = s;
	n = json_object_array_length(d);
	if (n > 0 && (it->deel = arena_calloc(ar, n, sizeof(*it->deel))) ==
	    NULL)
		return -1;
	for (k = 0; k < n; k++) {
		e = json_object_array_get_idx(d, k);
		if (!json_object_is_type(e, json_type_array) ||
		    json_object_array_length(e) != 3 ||
		    !json_object_is_type(json_object_array_get_idx(e, 0),
		    json_type_string) ||
		    !json_object_is_type(json_object_array_get_idx(e, 1),
		    json_type_int))
			return -1;
		if ((it->deel[k].code = arena_strdup(ar, json_object_get_string(
		    json_object_array_get_idx(e, 0)))) == NULL)
			return -1;
		w = json_object_get_int64(json_object_array_get_idx(e, 1));
		it->deel[k].waarde = w;
		it->deel[k].weg = json_object_get_int(json_object_array_get_idx(e,
		    2)) != 0;
	}
	it->ndeel = n;
	return 0;
}

static int
lees_sw(struct json_object *o, struct momentopname *m)
{
	struct json_object *p;
	int64_t r, ts, d;

	if (lees_int(o, "id", &m->sw.id) != 0 ||
	    !json_object_object_get_ex(o, "p", &p) ||
	    !json_object_is_type(p, json_type_string) ||
	    periode_lees_str(json_object_get_string(p), &m->sw.periode) != 0 ||
	    lees_int(o, "o", &m->sw.organisatie_id) != 0 ||
	    lees_int(o, "wk", &m->sw.wijk_id) != 0 ||
	    lees_int(o, "r", &r) != 0 || r < SW_HOGER_BETER ||
	    r > SW_BANDBREEDTE ||
	    lees_int(o, "w", &m->sw.waarde) != 0 ||
	    lees_int(o, "lo", &m->sw.ondergrens) != 0 ||
	    lees_int(o, "hi", &m->sw.bovengrens) != 0 ||
	    lees_vlag(o, "ht", &m->sw.heeft_tolerantie) != 0 ||
	    lees_int(o, "t", &m->sw.tolerantie) != 0 ||
	    lees_int(o, "ts", &ts) != 0 || ts < SW_ABSOLUUT || ts > SW_PROCENT ||
	    lees_int(o, "d", &d) != 0 || d < 1 || d > 12)
		return -1;
	m->sw.richting = (enum sw_richting)r;
	m->sw.tolerantie_soort = (enum sw_tolerantie)ts;
	m->deler = (int)d;
	m->heeft_sw = 1;
	return 0;
}

int
momentopname_lees(struct arena *ar, const char *text, struct momentopname *m)
{
	struct json_object *o, *x;
	int ret = -1;

	memset(m, 0, sizeof(*m));
	if (text == NULL || (o = json_tokener_parse(text)) == NULL)
		return -1;
	if (!json_object_is_type(o, json_type_object))
		goto uit;
	if (json_object_object_get_ex(o, "b", &x)) {
		if (!json_object_is_type(x, json_type_object) ||
		    lees_berekend(ar, x, &m->item) != 0)
			goto uit;
		m->berekend = 1;
	}
	if (json_object_object_get_ex(o, "sw", &x) &&
	    (!json_object_is_type(x, json_type_object) || lees_sw(x, m) != 0))
		goto uit;
	if (json_object_object_get_ex(o, "tv", &x)) {
		if (lees_int(o, "tv", &m->tv) != 0)
			goto uit;
		m->tv_heeft = 1;
	}
	if (json_object_object_get_ex(o, "kp", &x)) {
		if (!json_object_is_type(x, json_type_object) ||
		    lees_vlag(x, "h", &m->kp_heeft) != 0 ||
		    lees_vlag(x, "n", &m->kp_niet) != 0 ||
		    lees_tekst(ar, x, "w", &m->kp_waarde) != 0 ||
		    lees_tekst(ar, x, "t", &m->kp_tekst) != 0 ||
		    lees_tekst(ar, x, "r", &m->kp_reden) != 0)
			goto uit;
		m->ketenpartner = 1;
	}
	ret = 0;
uit:
	json_object_put(o);
	return ret;
}
