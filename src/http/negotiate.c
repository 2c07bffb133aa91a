/*
 * negotiate.c — Accept header matching; see negotiate.h.
 *
 * Parses without allocating: each comma-separated range is examined in
 * place. Malformed ranges are ignored, not errors; q-values are read to
 * three decimals as RFC 9110 allows.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "http/negotiate.h"

/* q of "q=0.8" style text at p (len bytes); 1000 = 1.0, -1 if malformed. */
static int
parse_q(const char *p, size_t len)
{
	int q = 0, scale = 100;
	size_t i;

	if (len == 0 || (p[0] != '0' && p[0] != '1'))
		return -1;
	q = (p[0] - '0') * 1000;
	if (len == 1)
		return q;
	if (p[1] != '.')
		return -1;
	for (i = 2; i < len && i < 5; i++) {
		if (!isdigit((unsigned char)p[i]))
			return -1;
		q += (p[i] - '0') * scale;
		scale /= 10;
	}
	if (i < len)
		return -1;
	return q > 1000 ? -1 : q;
}

/* Specificity of range r (len bytes) for media type t: 3 exact, 2 type/ *,
 * 1 * / *, 0 no match. */
static int
range_matches(const char *r, size_t len, const char *t)
{
	const char *slash = memchr(r, '/', len);
	size_t tlen = strlen(t), major = (size_t)(strchr(t, '/') - t);

	if (len == 3 && strncmp(r, "*/*", 3) == 0)
		return 1;
	if (slash == NULL)
		return 0;
	if ((size_t)(slash - r) == major && strncasecmp(r, t, major) == 0 &&
	    len == major + 2 && r[len - 1] == '*')
		return 2;
	return len == tlen && strncasecmp(r, t, tlen) == 0 ? 3 : 0;
}

/* The q the client gives type t (0..1000), by the most specific range. */
static int
quality(const char *accept, const char *t)
{
	const char *p = accept, *end, *semi, *param, *pend;
	size_t rlen;
	int best_spec = 0, best_q = 0, spec, q;

	while (*p != '\0') {
		end = p + strcspn(p, ",");
		while (p < end && isspace((unsigned char)*p))
			p++;
		semi = memchr(p, ';', (size_t)(end - p));
		rlen = (size_t)((semi ? semi : end) - p);
		while (rlen > 0 && isspace((unsigned char)p[rlen - 1]))
			rlen--;
		q = 1000;
		for (param = semi; param != NULL && param < end; param = pend) {
			param++;
			pend = memchr(param, ';', (size_t)(end - param));
			if (pend == NULL)
				pend = end;
			while (param < pend && isspace((unsigned char)*param))
				param++;
			if (pend - param > 2 && (param[0] == 'q' || param[0] == 'Q') &&
			    param[1] == '=') {
				size_t ql = (size_t)(pend - param - 2);
				while (ql > 0 && isspace((unsigned char)param[2 + ql - 1]))
					ql--;
				q = parse_q(param + 2, ql);
			}
		}
		spec = range_matches(p, rlen, t);
		if (q >= 0 && spec > best_spec) {
			best_spec = spec;
			best_q = q;
		}
		p = *end == ',' ? end + 1 : end;
	}
	return best_q;
}

enum media
negotiate(const char *accept, unsigned offered, enum media first)
{
	int qj, qh;

	if (accept == NULL || *accept == '\0')
		return first;
	qj = (offered & MEDIA_JSON) ? quality(accept, "application/json") : 0;
	qh = (offered & MEDIA_HTML) ? quality(accept, "text/html") : 0;
	if (qj == 0 && qh == 0)
		return MEDIA_NONE;
	if (qj == qh)
		return first;
	return qj > qh ? MEDIA_JSON : MEDIA_HTML;
}
