/*
 * multipart.c — streaming multipart/form-data; see multipart.h.
 *
 * The parser is a small state machine over the caller's window of bytes.
 * It never copies part data and never looks further back than the window:
 * whatever it does not consume (a header block still incomplete, bytes that
 * could begin a boundary) the caller shows it again with more behind it.
 * It must never trust the client: every length is bounded, every header
 * checked, and an error is sticky.
 */
#include "config.h"

#include <string.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "http/multipart.h"
#include "http/urlenc.h"

enum { ST_START, ST_AFTER, ST_HEADERS, ST_DATA, ST_DONE, ST_ERROR };

/* Most spaces or tabs allowed after a boundary ("transport padding"). */
#define MP_MAX_PADDING	64

static int
mp_klein(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether s[0, n) equals the lower-case word w, ignoring case. */
static int
word_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	if (strlen(w) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (mp_klein((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t';
}

/* RFC 2046 bchars, space excluded (allowed only inside, and only quoted). */
static int
is_bchar(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("'()+_,-./:=?", c));
}

int
mp_boundary(const char *ct, char out[MP_MAX_BOUNDARY + 1])
{
	const char *p, *name, *val;
	size_t nlen, vlen, i;
	int quoted, found = 0;

	out[0] = '\0';
	if (ct == NULL)
		return -1;
	p = ct;
	while (is_space(*p))
		p++;
	nlen = strcspn(p, ";");
	while (nlen > 0 && is_space(p[nlen - 1]))
		nlen--;
	if (!word_eq(p, nlen, "multipart/form-data"))
		return -1;
	p += strcspn(p, ";");
	while (*p == ';') {
		p++;
		while (is_space(*p))
			p++;
		name = p;
		while (*p != '\0' && *p != '=' && *p != ';' && !is_space(*p))
			p++;
		nlen = (size_t)(p - name);
		while (is_space(*p))
			p++;
		if (*p != '=')
			return -1;
		p++;
		while (is_space(*p))
			p++;
		quoted = *p == '"';
		if (quoted) {
			val = ++p;
			while (*p != '\0' && *p != '"')
				p++;
			if (*p != '"')
				return -1;
			vlen = (size_t)(p - val);
			p++;
		} else {
			val = p;
			while (*p != '\0' && *p != ';' && !is_space(*p))
				p++;
			vlen = (size_t)(p - val);
		}
		while (is_space(*p))
			p++;
		if (*p != '\0' && *p != ';')
			return -1;
		if (!word_eq(name, nlen, "boundary"))
			continue;
		if (found || vlen == 0 || vlen > MP_MAX_BOUNDARY ||
		    val[vlen - 1] == ' ')
			return -1;
		for (i = 0; i < vlen; i++)
			if (!is_bchar((unsigned char)val[i]) &&
			    !(quoted && val[i] == ' '))
				return -1;
		memcpy(out, val, vlen);
		out[vlen] = '\0';
		found = 1;
	}
	if (*p != '\0' || !found) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

enum mp_err
mp_init(struct multipart *m, const char *content_type)
{
	char b[MP_MAX_BOUNDARY + 1];

	memset(m, 0, sizeof(*m));
	m->state = ST_ERROR;
	m->err = MP_ERR_CONTENT_TYPE;
	if (mp_boundary(content_type, b) != 0)
		return MP_ERR_CONTENT_TYPE;
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, b, strlen(b) + 1);
	m->dlen = 4 + strlen(b);
	m->state = ST_START;
	m->err = MP_OK;
	return MP_OK;
}

const char *
mp_strerror(enum mp_err e)
{
	switch (e) {
	case MP_OK:
		return "Geen fout.";
	case MP_ERR_CONTENT_TYPE:
		return "Stuur het bestand als multipart/form-data met een geldige boundary.";
	case MP_ERR_NO_BOUNDARY:
		return "De inhoud begint niet met de boundary uit Content-Type.";
	case MP_ERR_SYNTAX:
		return "Na een boundary staat iets anders dan een regeleinde.";
	case MP_ERR_HEADER_LONG:
		return "De kopregels van een deel van het formulier zijn te lang.";
	case MP_ERR_HEADER:
		return "Een deel van het formulier heeft ongeldige kopregels "
		    "(Content-Disposition: form-data met een naam is verplicht).";
	case MP_ERR_TOO_MANY:
		return "Het formulier heeft te veel delen.";
	case MP_ERR_TRUNCATED:
		return "De inhoud houdt op voor de afsluitende boundary.";
	case MP_ERR_READ:
		return "De inhoud van de aanvraag kon niet worden gelezen.";
	}
	return "Onbekende fout.";
}

static enum mp_event
mp_fout(struct multipart *m, enum mp_err e)
{
	m->state = ST_ERROR;
	m->err = e;
	return MP_ERROR;
}

/* First occurrence of pat[0, plen) in s[0, n), or n. */
static size_t
mp_zoek(const char *s, size_t n, const char *pat, size_t plen)
{
	const char *p = s, *end = s + n;

	while ((size_t)(end - p) >= plen) {
		p = memchr(p, pat[0], (size_t)(end - p) - plen + 1);
		if (p == NULL)
			break;
		if (memcmp(p, pat, plen) == 0)
			return (size_t)(p - s);
		p++;
	}
	return n;
}

/* The first position q in [from, n) where s[q, n) is a proper prefix of
 * pat (so what follows decides whether pat is there), or n. */
static size_t
hold_back(const char *s, size_t from, size_t n, const char *pat, size_t plen)
{
	size_t q = n >= plen ? n - plen + 1 : 0;

	if (q < from)
		q = from;
	for (; q < n; q++)
		if (s[q] == pat[0] && memcmp(s + q, pat, n - q) == 0)
			return q;
	return n;
}

/* Copies a parameter value; -1 when too long. */
static int
copy_value(char *dst, size_t cap, const char *v, size_t n)
{
	if (n >= cap)
		return -1;
	memcpy(dst, v, n);
	dst[n] = '\0';
	return 0;
}

/* `form-data; name="x"; filename="y"` into m->part. 0 or -1. */
static int
parse_disposition(struct multipart *m, const char *p, const char *e)
{
	const char *name, *val, *base;
	size_t nlen, vlen, i;
	int got_name = 0;

	nlen = 0;
	while (p + nlen < e && p[nlen] != ';')
		nlen++;
	val = p;
	vlen = nlen;
	while (vlen > 0 && is_space(val[vlen - 1]))
		vlen--;
	if (!word_eq(val, vlen, "form-data"))
		return -1;
	p += nlen;
	while (p < e && *p == ';') {
		p++;
		while (p < e && is_space(*p))
			p++;
		name = p;
		while (p < e && *p != '=' && *p != ';' && !is_space(*p))
			p++;
		nlen = (size_t)(p - name);
		while (p < e && is_space(*p))
			p++;
		if (p >= e || *p != '=')
			return -1;
		p++;
		while (p < e && is_space(*p))
			p++;
		if (p < e && *p == '"') {
			/* Browsers escape a quote in a name as %22 and send a
			 * backslash as it is: no backslash escapes here. */
			val = ++p;
			while (p < e && *p != '"')
				p++;
			if (p >= e)
				return -1;
			vlen = (size_t)(p - val);
			p++;
		} else {
			val = p;
			while (p < e && *p != ';' && !is_space(*p))
				p++;
			vlen = (size_t)(p - val);
		}
		while (p < e && is_space(*p))
			p++;
		if (p < e && *p != ';')
			return -1;
		if (word_eq(name, nlen, "name")) {
			if (vlen == 0 || copy_value(m->part.name,
			    sizeof(m->part.name), val, vlen) != 0)
				return -1;
			got_name = 1;
		} else if (word_eq(name, nlen, "filename")) {
			/* Old browsers send a whole path: keep the last step. */
			base = val;
			for (i = 0; i < vlen; i++)
				if (val[i] == '/' || val[i] == '\\')
					base = val + i + 1;
			vlen -= (size_t)(base - val);
			if (copy_value(m->part.filename,
			    sizeof(m->part.filename), base, vlen) != 0)
				return -1;
			m->part.is_file = 1;
		}
	}
	if (!got_name)
		return -1;
	if (!utf8_valid(m->part.name, strlen(m->part.name)) ||
	    !utf8_valid(m->part.filename, strlen(m->part.filename)))
		return -1;
	return 0;
}

/* The header block s[0, n) (lines ending in CRLF) into m->part. */
static int
parse_headers(struct multipart *m, const char *s, size_t n)
{
	const char *line = s, *end = s + n, *eol, *colon, *v, *ve;
	size_t i, len;
	int seen_disp = 0;

	memset(&m->part, 0, sizeof(m->part));
	while (line < end) {
		eol = line + mp_zoek(line, (size_t)(end - line), "\r\n", 2);
		if (eol >= end)
			return -1;
		for (v = line; v < eol; v++)
			if (((unsigned char)*v < 0x20 && *v != '\t') || *v == 0x7f)
				return -1;
		if (eol == line || is_space(*line))   /* no folding */
			return -1;
		colon = memchr(line, ':', (size_t)(eol - line));
		if (colon == NULL || colon == line)
			return -1;
		v = colon + 1;
		while (v < eol && is_space(*v))
			v++;
		ve = eol;
		while (ve > v && is_space(ve[-1]))
			ve--;
		len = (size_t)(colon - line);
		if (word_eq(line, len, "content-disposition")) {
			if (seen_disp || parse_disposition(m, v, ve) != 0)
				return -1;
			seen_disp = 1;
		} else if (word_eq(line, len, "content-type")) {
			if (copy_value(m->part.content_type,
			    sizeof(m->part.content_type), v, (size_t)(ve - v)) != 0)
				return -1;
			for (i = 0; m->part.content_type[i] != '\0'; i++)
				m->part.content_type[i] =
				    (char)mp_klein((unsigned char)m->part.content_type[i]);
		}
		line = eol + 2;
	}
	return seen_disp ? 0 : -1;
}

enum mp_event
mp_next(struct multipart *m, const char *in, size_t n, int eof, size_t *used,
    const char **data, size_t *len)
{
	size_t pos = 0, p, blen, avail, lim;
	enum mp_event ev;

	*data = NULL;
	*len = 0;
	for (;;) {
		avail = n - pos;
		switch (m->state) {
		case ST_START:
			blen = m->dlen - 2;               /* "--boundary" */
			if (m->skipped == 0 && pos == 0 &&
			    memcmp(in, m->delim + 2, avail < blen ? avail : blen) == 0) {
				if (avail < blen) {
					ev = eof ? mp_fout(m, MP_ERR_NO_BOUNDARY) :
					    MP_NEED_MORE;
					goto out;
				}
				pos += blen;
				m->state = ST_AFTER;
				continue;
			}
			p = pos + mp_zoek(in + pos, avail, m->delim, m->dlen);
			if (p < n) {
				m->skipped += p - pos;
				if (m->skipped > MP_MAX_PREAMBLE) {
					ev = mp_fout(m, MP_ERR_NO_BOUNDARY);
					goto out;
				}
				pos = p + m->dlen;
				m->state = ST_AFTER;
				continue;
			}
			p = hold_back(in, pos, n, m->delim, m->dlen);
			m->skipped += p - pos;
			pos = p;
			if (m->skipped > MP_MAX_PREAMBLE || eof) {
				ev = mp_fout(m, MP_ERR_NO_BOUNDARY);
				goto out;
			}
			ev = MP_NEED_MORE;
			goto out;

		case ST_AFTER:
			if (avail < 2) {
				ev = eof ? mp_fout(m, MP_ERR_TRUNCATED) : MP_NEED_MORE;
				goto out;
			}
			if (in[pos] == '-' && in[pos + 1] == '-') {
				m->state = ST_DONE;
				pos = n;                  /* the epilogue */
				ev = MP_DONE;
				goto out;
			}
			for (p = pos; p < n && is_space(in[p]) &&
			    p - pos <= MP_MAX_PADDING; p++)
				;
			if (p - pos > MP_MAX_PADDING) {
				ev = mp_fout(m, MP_ERR_SYNTAX);
				goto out;
			}
			if (n - p < 2) {
				ev = eof ? mp_fout(m, MP_ERR_TRUNCATED) : MP_NEED_MORE;
				goto out;
			}
			if (in[p] != '\r' || in[p + 1] != '\n') {
				ev = mp_fout(m, MP_ERR_SYNTAX);
				goto out;
			}
			if (++m->nparts > MP_MAX_PARTS) {
				ev = mp_fout(m, MP_ERR_TOO_MANY);
				goto out;
			}
			pos = p + 2;
			m->state = ST_HEADERS;
			continue;

		case ST_HEADERS:
			if (avail >= 2 && in[pos] == '\r' && in[pos + 1] == '\n') {
				ev = mp_fout(m, MP_ERR_HEADER);  /* no headers */
				goto out;
			}
			lim = avail < MP_MAX_HEADER + 4 ? avail : MP_MAX_HEADER + 4;
			p = mp_zoek(in + pos, lim, "\r\n\r\n", 4);
			if (p >= lim) {
				if (avail >= MP_MAX_HEADER + 4)
					ev = mp_fout(m, MP_ERR_HEADER_LONG);
				else
					ev = eof ? mp_fout(m, MP_ERR_TRUNCATED) :
					    MP_NEED_MORE;
				goto out;
			}
			if (parse_headers(m, in + pos, p + 2) != 0) {
				ev = mp_fout(m, MP_ERR_HEADER);
				goto out;
			}
			pos += p + 4;
			m->state = ST_DATA;
			ev = MP_PART;
			goto out;

		case ST_DATA:
			p = pos + mp_zoek(in + pos, avail, m->delim, m->dlen);
			if (p == pos && p < n) {
				pos += m->dlen;
				m->state = ST_AFTER;
				ev = MP_PART_END;
				goto out;
			}
			if (p == n)
				p = hold_back(in, pos, n, m->delim, m->dlen);
			if (p > pos) {
				*data = in + pos;
				*len = p - pos;
				pos = p;
				ev = MP_DATA;
				goto out;
			}
			ev = eof ? mp_fout(m, MP_ERR_TRUNCATED) : MP_NEED_MORE;
			goto out;

		case ST_DONE:
			pos = n;
			ev = MP_DONE;
			goto out;

		case ST_ERROR:
		default:
			ev = MP_ERROR;
			goto out;
		}
	}
out:
	*used = pos;
	return ev;
}

/* ------------------------------------------------------------------ */

enum mp_err
upload_init(struct upload *u, struct arena *a, const char *content_type,
    mp_read_fn fn, void *ctx)
{
	enum mp_err e;

	memset(u, 0, sizeof(*u));
	u->read = fn;
	u->ctx = ctx;
	if ((e = mp_init(&u->mp, content_type)) != MP_OK)
		return e;
	if ((u->buf = arena_alloc(a, MP_BUFFER)) == NULL) {
		mp_fout(&u->mp, MP_ERR_READ);
		return MP_ERR_READ;
	}
	return MP_OK;
}

enum mp_event
upload_next(struct upload *u, const char **data, size_t *len)
{
	enum mp_event ev;
	size_t used;
	long got;

	for (;;) {
		ev = mp_next(&u->mp, u->buf + u->start, u->end - u->start,
		    u->eof, &used, data, len);
		u->start += used;
		if (ev != MP_NEED_MORE)
			return ev;
		if (u->start > 0) {
			memmove(u->buf, u->buf + u->start, u->end - u->start);
			u->end -= u->start;
			u->start = 0;
		}
		if (u->end >= MP_BUFFER || u->read == NULL)
			return mp_fout(&u->mp, MP_ERR_READ);
		got = u->read(u->ctx, u->buf + u->end, MP_BUFFER - u->end);
		if (got < 0)
			return mp_fout(&u->mp, MP_ERR_READ);
		if (got == 0)
			u->eof = 1;
		u->end += (size_t)got;
		u->total += (size_t)got;
	}
}

/*
 * The request being served and its upload. A worker serves one request at
 * a time; the pointer is compared with the request so that a stale
 * attachment can never be handed to another request.
 */
