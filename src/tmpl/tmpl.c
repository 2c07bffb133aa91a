/*
 * tmpl.c — the template engine; see tmpl.h for the syntax and the contract.
 *
 * Each template is parsed once into a node tree kept as a flat array in
 * preorder: a section node records the index just past its body, so the
 * body is the nodes between it and `end`. Everything a set holds (names,
 * a copy of the source, the node arrays) is malloc-owned by the set and
 * lives until tmpl_set_free; rendering only reads it, so one parsed set can
 * be shared by every forked worker.
 *
 * Text is output exactly as written: there is no mustache "standalone line"
 * trimming, so a section tag alone on a line leaves its newline in the
 * output. Keep that in mind when laying out templates; HTML rarely cares.
 *
 * This file must never fail at request time for a reason that could have
 * been found at start-up: every syntax error, unknown partial, partial
 * cycle and over-deep nesting is rejected by tmpl_set_add or tmpl_set_link
 * with "file:line: message". Rendering must never allocate except through
 * the output buffer (and json-c's own printer for doubles, see emit_value),
 * and must never output a value unescaped unless the tag was {{& x_svg}}.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/buf.h"
#include "core/limits.h"
#include "tmpl/tmpl.h"
#include "tmpl/fout.h"

enum node_type {
	NODE_TEXT,	/* literal bytes */
	NODE_VAR,	/* {{name}}: escaped value */
	NODE_RAW,	/* {{& name_svg}}: unescaped value */
	NODE_SECTION,	/* {{#name}} .. {{/name}} */
	NODE_INVERTED,	/* {{^name}} .. {{/name}} */
	NODE_PARTIAL,	/* {{> name}} */
	NODE_CONTENT	/* {{$content}} */
};

struct tmpl;

struct node {
	enum node_type	 type;
	int		 line;	/* 1-based line of the tag, for errors */
	/* TEXT: the bytes, pointing into tmpl->src (never NUL-terminated). */
	const char	*text;
	size_t		 len;
	/*
	 * Every other type: name is the name as written, NUL-terminated.
	 * For VAR, RAW and sections, keys holds the same name with each '.'
	 * turned into a NUL, nkeys segments in all; nkeys is 0 for "." (the
	 * current value). Both live in one malloc'ed block owned by the node.
	 */
	char		*name;
	const char	*keys;
	size_t		 nkeys;
	/* Sections: index of the first node after the body. */
	size_t		 end;
	/* PARTIAL: the template, filled in by tmpl_set_link. */
	const struct tmpl *partial;
};

struct tmpl {
	char		*name;	/* "home" for home.html */
	char		*file;	/* for error messages */
	char		*src;	/* copy of the text; TEXT nodes point into it */
	struct node	*nodes;
	size_t		 nnodes;
	size_t		 cap;
	/* Link-time bookkeeping, meaningless while rendering. */
	int		 mark;	/* 0 unvisited, 1 on the DFS path, 2 done */
	int		 depth;	/* levels of nesting a render of it uses */
	struct tmpl	*next;	/* in the order added */
};

struct tmpl_set {
	struct tmpl	*head;
	struct tmpl	*tail;
	int		 linked; /* linked, and nothing added since */
};

/*
 * Context stack size. A template (with its partials) nests at most
 * WZ_MAX_TEMPLATE_DEPTH levels, as link checks. A page rendered inside a
 * layout gets its own allowance on top of the layout's, so the stack holds
 * both plus the root context.
 */
#define STACK_MAX	(2 * WZ_MAX_TEMPLATE_DEPTH + 2)

struct render {
	struct buf		*out;
	const struct tmpl	*page;	/* for {{$content}}, or NULL */
	struct json_object	*stack[STACK_MAX];
	size_t			 top;	/* entries in use; stack[0] is root */
};

/*
 * Writes "file:line: message" into err (which may be NULL or of size 0)
 * and returns -1, so parse errors can be `return tmpl_fout(...)`. Line 0 means
 * the error has no line (a directory that cannot be read): "file: message".
 */
int
tmpl_fout(char *err, size_t errlen, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int n;

	if (err == NULL || errlen == 0)
		return -1;
	if (line > 0)
		n = snprintf(err, errlen, "%s:%d: ", file, line);
	else
		n = snprintf(err, errlen, "%s: ", file);
	if (n < 0 || (size_t)n >= errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- set lifetime --------------------------------------------------- */

static void
tmpl_free(struct tmpl *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nnodes; i++)
		free(t->nodes[i].name);
	free(t->nodes);
	free(t->src);
	free(t->file);
	free(t->name);
	free(t);
}

struct tmpl_set *
tmpl_set_new(void)
{
	return calloc(1, sizeof(struct tmpl_set));
}

void
tmpl_set_free(struct tmpl_set *set)
{
	struct tmpl *t, *next;

	if (set == NULL)
		return;
	for (t = set->head; t != NULL; t = next) {
		next = t->next;
		tmpl_free(t);
	}
	free(set);
}

static const struct tmpl *
find(const struct tmpl_set *set, const char *name)
{
	const struct tmpl *t;

	for (t = set->head; t != NULL; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int
tmpl_exists(const struct tmpl_set *set, const char *name)
{
	return set != NULL && name != NULL && find(set, name) != NULL;
}

/* ---- parsing -------------------------------------------------------- */

struct parser {
	struct tmpl	*t;
	char		*err;
	size_t		 errlen;
	/* Indices of the sections opened and not closed, outermost first. */
	size_t		 open[WZ_MAX_TEMPLATE_DEPTH];
	size_t		 nopen;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* The characters tmpl.h allows in a name: [A-Za-z0-9_.-]. */
static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Newlines in [s, e), to keep the line number as the cursor moves. */
static int
count_lines(const char *s, const char *e)
{
	int n = 0;

	while (s < e && (s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

/* First "cc" (two equal bytes) in [s, e), or NULL. Not memmem: that one
 * needs _GNU_SOURCE and this is all we need. */
static const char *
find_pair(const char *s, const char *e, char c)
{
	while (s + 1 < e && (s = memchr(s, c, (size_t)(e - s - 1))) != NULL) {
		if (s[1] == c)
			return s;
		s++;
	}
	return NULL;
}

/* Appends a zeroed node; returns its index, or -1 when out of memory. */
static long
add_node(struct parser *ps, enum node_type type, int line)
{
	struct tmpl *t = ps->t;
	struct node *n;
	size_t cap;

	if (t->nnodes == t->cap) {
		cap = t->cap ? t->cap * 2 : 16;
		n = realloc(t->nodes, cap * sizeof(*n));
		if (n == NULL)
			return tmpl_fout(ps->err, ps->errlen, t->file, line,
			    "out of memory");
		t->nodes = n;
		t->cap = cap;
	}
	n = &t->nodes[t->nnodes];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->line = line;
	return (long)t->nnodes++;
}

/*
 * Gives node idx its name [s, s+len) (already checked) and, for types that
 * look values up, the split keys.
 */
static int
set_name(struct parser *ps, size_t idx, const char *s, size_t len)
{
	struct node *n = &ps->t->nodes[idx];
	char *p, *k;
	size_t i;

	p = malloc(2 * (len + 1));
	if (p == NULL)
		return tmpl_fout(ps->err, ps->errlen, ps->t->file, n->line,
		    "out of memory");
	memcpy(p, s, len);
	p[len] = '\0';
	n->name = p;
	if (len == 1 && s[0] == '.') {
		n->keys = p;
		n->nkeys = 0;
		return 0;
	}
	k = p + len + 1;
	memcpy(k, s, len);
	k[len] = '\0';
	n->nkeys = 1;
	for (i = 0; i < len; i++)
		if (k[i] == '.') {
			k[i] = '\0';
			n->nkeys++;
		}
	n->keys = k;
	return 0;
}

static const char *
sigil_text(enum node_type type)
{
	switch (type) {
	case NODE_RAW:		return "&";
	case NODE_SECTION:	return "#";
	case NODE_INVERTED:	return "^";
	case NODE_PARTIAL:	return ">";
	case NODE_CONTENT:	return "$";
	default:		return "";
	}
}

/*
 * Handles one tag whose inside (between "{{" and "}}") is [s, e), opened
 * on line `line`. Comments are recognised (and dropped) here too.
 */
static int
parse_tag(struct parser *ps, const char *s, const char *e, int line)
{
	struct tmpl *t = ps->t;
	enum node_type type;
	const char *name;
	size_t len, i, o;
	long idx;
	int closing = 0, plen;
	char c;

	while (s < e && is_space(*s))
		s++;
	if (s == e)
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "empty tag {{}}");
	switch (*s) {
	case '!':
		return 0;
	case '{':
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "triple mustache {{{...}}} is not allowed; "
		    "raw output is written {{& name_svg}}");
	case '&':	type = NODE_RAW; s++; break;
	case '#':	type = NODE_SECTION; s++; break;
	case '^':	type = NODE_INVERTED; s++; break;
	case '>':	type = NODE_PARTIAL; s++; break;
	case '$':	type = NODE_CONTENT; s++; break;
	/* A close adds no node; the type is unused for it. */
	case '/':	type = NODE_TEXT; closing = 1; s++; break;
	default:	type = NODE_VAR; break;
	}
	while (s < e && is_space(*s))
		s++;
	while (e > s && is_space(e[-1]))
		e--;
	name = s;
	len = (size_t)(e - s);
	if (len == 0)
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "empty name in {{%s}}", closing ? "/" : sigil_text(type));
	for (i = 0; i < len; i++) {
		c = name[i];
		if (is_name_char(c))
			continue;
		if (c >= ' ' && c < 0x7f)
			return tmpl_fout(ps->err, ps->errlen, t->file, line,
			    "invalid character '%c' in name "
			    "(allowed: A-Z a-z 0-9 _ . -)", c);
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "invalid character 0x%02x in name "
		    "(allowed: A-Z a-z 0-9 _ . -)", (unsigned char)c);
	}
	/* Names are short in practice; cap what an error message repeats. */
	plen = len > 64 ? 64 : (int)len;

	if (closing) {
		const struct node *sec;

		if (ps->nopen == 0)
			return tmpl_fout(ps->err, ps->errlen, t->file, line,
			    "{{/%.*s}} closes no open section",
			    plen, name);
		o = ps->open[ps->nopen - 1];
		sec = &t->nodes[o];
		if (strlen(sec->name) != len ||
		    memcmp(sec->name, name, len) != 0)
			return tmpl_fout(ps->err, ps->errlen, t->file, line,
			    "{{/%.*s}} does not close {{%s%.64s}} "
			    "opened at line %d", plen, name,
			    sigil_text(sec->type), sec->name, sec->line);
		t->nodes[o].end = t->nnodes;
		ps->nopen--;
		return 0;
	}

	/* Dotted names: "." alone, or non-empty segments joined by dots. */
	if (type != NODE_PARTIAL && type != NODE_CONTENT &&
	    !(len == 1 && name[0] == '.')) {
		for (i = 0; i < len; i++)
			if (name[i] == '.' && (i == 0 || i == len - 1 ||
			    name[i + 1] == '.'))
				return tmpl_fout(ps->err, ps->errlen, t->file, line,
				    "malformed dotted name \"%.*s\"",
				    plen, name);
	}
	if (type == NODE_RAW && (len < 4 ||
	    memcmp(name + len - 4, "_svg", 4) != 0))
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "{{& %.*s}}: raw output is allowed only for names "
		    "ending in _svg", plen, name);
	if (type == NODE_CONTENT && (len != 7 ||
	    memcmp(name, "content", 7) != 0))
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "unknown block {{$%.*s}}; only {{$content}} exists",
		    plen, name);
	if ((type == NODE_SECTION || type == NODE_INVERTED) &&
	    ps->nopen == WZ_MAX_TEMPLATE_DEPTH)
		return tmpl_fout(ps->err, ps->errlen, t->file, line,
		    "sections nested more than %d deep",
		    WZ_MAX_TEMPLATE_DEPTH);

	if ((idx = add_node(ps, type, line)) < 0)
		return -1;
	if (set_name(ps, (size_t)idx, name, len) != 0)
		return -1;
	if (type == NODE_SECTION || type == NODE_INVERTED)
		ps->open[ps->nopen++] = (size_t)idx;
	return 0;
}

/* Parses t->src (len bytes) into t->nodes. */
static int
parse(struct tmpl *t, size_t len, char *err, size_t errlen)
{
	struct parser ps;
	const char *p = t->src, *end = t->src + len, *tag, *shut;
	const struct node *n;
	long idx;
	int line = 1, tagline;

	memset(&ps, 0, sizeof(ps));
	ps.t = t;
	ps.err = err;
	ps.errlen = errlen;
	while (p < end) {
		tag = find_pair(p, end, '{');
		if (tag == NULL)
			tag = end;
		if (tag > p) {
			if ((idx = add_node(&ps, NODE_TEXT, line)) < 0)
				return -1;
			t->nodes[idx].text = p;
			t->nodes[idx].len = (size_t)(tag - p);
			line += count_lines(p, tag);
		}
		if (tag == end)
			break;
		tagline = line;
		/* "{{{" is caught here, before "}}" is looked for, so that
		 * "{{{x}}}" is reported as what it is. */
		if (tag + 2 < end && tag[2] == '{')
			return tmpl_fout(err, errlen, t->file, tagline,
			    "triple mustache {{{...}}} is not allowed; "
			    "raw output is written {{& name_svg}}");
		shut = find_pair(tag + 2, end, '}');
		if (shut == NULL)
			return tmpl_fout(err, errlen, t->file, tagline,
			    "unterminated tag: {{ without }}");
		if (parse_tag(&ps, tag + 2, shut, tagline) != 0)
			return -1;
		line += count_lines(tag + 2, shut);
		p = shut + 2;
	}
	if (ps.nopen > 0) {
		n = &t->nodes[ps.open[ps.nopen - 1]];
		return tmpl_fout(err, errlen, t->file, n->line,
		    "unclosed section {{%s%.64s}}", sigil_text(n->type),
		    n->name);
	}
	return 0;
}

/* Template names are names too, so that {{> name}} can reach them. */
static int
valid_template_name(const char *name)
{
	const char *p;

	if (*name == '\0')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!is_name_char(*p))
			return 0;
	return 1;
}

int
tmpl_set_add(struct tmpl_set *set, const char *name, const char *file,
    const char *text, size_t len, char *err, size_t errlen)
{
	struct tmpl *t;

	if (file == NULL)
		file = name != NULL ? name : "(template)";
	if (set == NULL || name == NULL || (text == NULL && len > 0))
		return tmpl_fout(err, errlen, file, 1, "invalid arguments");
	if (len > WZ_MAX_TEMPLATE_SIZE)
		return tmpl_fout(err, errlen, file, 1,
		    "template too large (%zu bytes, at most %d)",
		    len, WZ_MAX_TEMPLATE_SIZE);
	if (!valid_template_name(name))
		return tmpl_fout(err, errlen, file, 1, "invalid template name "
		    "(allowed: A-Z a-z 0-9 _ . -)");
	if (find(set, name) != NULL)
		return tmpl_fout(err, errlen, file, 1,
		    "template \"%s\" is defined twice", name);

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return tmpl_fout(err, errlen, file, 1, "out of memory");
	t->name = strdup(name);
	t->file = strdup(file);
	t->src = malloc(len > 0 ? len : 1);
	if (t->name == NULL || t->file == NULL || t->src == NULL) {
		tmpl_free(t);
		return tmpl_fout(err, errlen, file, 1, "out of memory");
	}
	if (len > 0)
		memcpy(t->src, text, len);
	if (parse(t, len, err, errlen) != 0) {
		tmpl_free(t);
		return -1;
	}
	if (set->tail != NULL)
		set->tail->next = t;
	else
		set->head = t;
	set->tail = t;
	set->linked = 0;
	return 0;
}

/* ---- linking -------------------------------------------------------- */

/*
 * Computes t->depth: the deepest nesting a render of t reaches, counting
 * one level per section and per partial and adding the partial's own
 * depth. `level` is the nesting at which the caller includes t; it bounds
 * this recursion to WZ_MAX_TEMPLATE_DEPTH calls whatever the set holds.
 * A partial met again while still on the path is a cycle.
 */
static int
link_visit(struct tmpl *t, int level, char *err, size_t errlen)
{
	struct tmpl *p;
	size_t i, nest[WZ_MAX_TEMPLATE_DEPTH + 1];
	size_t nnest = 0;
	int depth = 0, d;

	t->mark = 1;
	for (i = 0; i < t->nnodes; i++) {
		struct node *n = &t->nodes[i];

		/* Leave the sections whose body ended before node i. */
		while (nnest > 0 && nest[nnest - 1] <= i)
			nnest--;
		switch (n->type) {
		case NODE_SECTION:
		case NODE_INVERTED:
			/* The parser bounded nnest to the limit. */
			nest[nnest++] = n->end;
			if ((int)nnest > depth)
				depth = (int)nnest;
			break;
		case NODE_CONTENT:
			if ((int)nnest + 1 > depth)
				depth = (int)nnest + 1;
			break;
		case NODE_PARTIAL:
			/* Cast away const: link is the one writer. */
			p = (struct tmpl *)n->partial;
			if (p->mark == 1)
				return tmpl_fout(err, errlen, t->file, n->line,
				    "{{> %.64s}} makes a cycle of partials",
				    n->name);
			d = level + (int)nnest + 1;
			if (d > WZ_MAX_TEMPLATE_DEPTH)
				goto deep;
			if (p->mark == 0 &&
			    link_visit(p, d, err, errlen) != 0)
				return -1;
			d = (int)nnest + 1 + p->depth;
			if (level + d > WZ_MAX_TEMPLATE_DEPTH)
				goto deep;
			if (d > depth)
				depth = d;
			break;
		default:
			break;
		}
		continue;
deep:
		return tmpl_fout(err, errlen, t->file, n->line,
		    "{{> %.64s}}: sections and partials nested more than "
		    "%d deep", n->name, WZ_MAX_TEMPLATE_DEPTH);
	}
	t->depth = depth;
	t->mark = 2;
	return 0;
}

int
tmpl_set_link(struct tmpl_set *set, char *err, size_t errlen)
{
	struct tmpl *t;
	struct node *n;
	size_t i;

	if (set == NULL)
		return tmpl_fout(err, errlen, "(templates)", 0, "no set");
	set->linked = 0;
	for (t = set->head; t != NULL; t = t->next) {
		t->mark = 0;
		t->depth = 0;
		for (i = 0; i < t->nnodes; i++) {
			n = &t->nodes[i];
			if (n->type != NODE_PARTIAL)
				continue;
			n->partial = find(set, n->name);
			if (n->partial == NULL)
				return tmpl_fout(err, errlen, t->file, n->line,
				    "unknown partial {{> %.64s}}", n->name);
		}
	}
	for (t = set->head; t != NULL; t = t->next)
		if (t->mark == 0 && link_visit(t, 0, err, errlen) != 0)
			return -1;
	set->linked = 1;
	return 0;
}

/* ---- rendering ------------------------------------------------------ */

/*
 * The value of node n's name: "." is the top of the stack; otherwise the
 * first segment is looked up from the top of the stack down, and the rest
 * only inside what it found (so {{a.b}} never picks up an outer b).
 * NULL when absent. Borrowed from the context.
 */
static struct json_object *
lookup(const struct render *r, const struct node *n)
{
	struct json_object *v = NULL, *o;
	const char *key = n->keys;
	size_t i, k;

	if (n->nkeys == 0)
		return r->stack[r->top - 1];
	for (i = r->top; i > 0; i--) {
		o = r->stack[i - 1];
		if (json_object_get_type(o) == json_type_object &&
		    json_object_object_get_ex(o, key, &v))
			break;
	}
	if (i == 0)
		return NULL;
	for (k = 1; k < n->nkeys; k++) {
		key += strlen(key) + 1;
		if (json_object_get_type(v) != json_type_object ||
		    !json_object_object_get_ex(v, key, &v))
			return NULL;
	}
	return v;
}

/* Whether a section over v renders: false, null, "", 0 and [] do not. */
static int
truthy(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null:
		return 0;
	case json_type_boolean:
		return json_object_get_boolean(v);
	case json_type_int:
		/* get_int64 saturates, so only a real 0 reads as 0. */
		return json_object_get_int64(v) != 0;
	case json_type_double:
		return json_object_get_double(v) != 0.0;
	case json_type_string:
		return json_object_get_string_len(v) > 0;
	case json_type_array:
		return json_object_array_length(v) > 0;
	default:
		return 1;
	}
}

/*
 * Appends a scalar value, escaped unless raw. Objects, arrays and null
 * render as nothing. Integers are formatted here as json-c formats them
 * (signed, or unsigned beyond INT64_MAX) to avoid allocating; doubles go
 * through json-c's printer so they read exactly as in JSON output. That
 * printer keeps its text in the object's own buffer (freed with the
 * object), the one allocation outside the arena.
 */
static void
emit_value(struct buf *out, struct json_object *v, int raw)
{
	const char *s;
	size_t len;
	int64_t i;

	switch (json_object_get_type(v)) {
	case json_type_string:
		s = json_object_get_string(v);
		len = (size_t)json_object_get_string_len(v);
		if (raw)
			buf_append(out, s, len);
		else
			buf_html_escape(out, s, len);
		break;
	case json_type_boolean:
		buf_puts(out, json_object_get_boolean(v) ? "true" : "false");
		break;
	case json_type_int:
		i = json_object_get_int64(v);
		if (i == INT64_MAX)
			buf_printf(out, "%" PRIu64, json_object_get_uint64(v));
		else
			buf_printf(out, "%" PRId64, i);
		break;
	case json_type_double:
		s = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
		/* Digits, '.', 'e', '-', "NaN", "Infinity": nothing to
		 * escape, but escaping keeps the rule without exceptions. */
		if (s != NULL)
			buf_html_escape(out, s, strlen(s));
		break;
	default:
		break;
	}
}

static int	render_nodes(struct render *, const struct tmpl *, size_t,
		    size_t, int);

/* Renders a section body once with v pushed on the stack. */
static int
render_with(struct render *r, const struct tmpl *t, size_t i,
    struct json_object *v, int depth)
{
	int rc;

	/* Link bounded the depth, so this is a safety net, not a path. */
	if (r->top == STACK_MAX)
		return -1;
	r->stack[r->top++] = v;
	rc = render_nodes(r, t, i + 1, t->nodes[i].end, depth + 1);
	r->top--;
	return rc;
}

/*
 * Renders nodes [begin, end) of t. depth counts the sections and partials
 * around them; link guarantees it stays within WZ_MAX_TEMPLATE_DEPTH for
 * every template, the check below only guards against a bug.
 */
static int
render_nodes(struct render *r, const struct tmpl *t, size_t begin,
    size_t end, int depth)
{
	const struct node *n;
	const struct tmpl *page;
	struct json_object *v;
	size_t i, k, len;

	if (depth > WZ_MAX_TEMPLATE_DEPTH)
		return -1;
	for (i = begin; i < end; i++) {
		/* A full buffer ignores appends; stop doing work for it. */
		if (r->out->failed)
			return -1;
		n = &t->nodes[i];
		switch (n->type) {
		case NODE_TEXT:
			buf_append(r->out, n->text, n->len);
			break;
		case NODE_VAR:
		case NODE_RAW:
			emit_value(r->out, lookup(r, n), n->type == NODE_RAW);
			break;
		case NODE_SECTION:
			v = lookup(r, n);
			if (!truthy(v)) {
				/* skip the body */
			} else if (json_object_get_type(v) ==
			    json_type_array) {
				len = json_object_array_length(v);
				for (k = 0; k < len; k++)
					if (render_with(r, t, i,
					    json_object_array_get_idx(v, k),
					    depth) != 0)
						return -1;
			} else if (render_with(r, t, i, v, depth) != 0)
				return -1;
			i = n->end - 1;
			break;
		case NODE_INVERTED:
			if (!truthy(lookup(r, n)) && render_nodes(r, t, i + 1,
			    n->end, depth + 1) != 0)
				return -1;
			i = n->end - 1;
			break;
		case NODE_PARTIAL:
			if (n->partial == NULL || render_nodes(r, n->partial,
			    0, n->partial->nnodes, depth + 1) != 0)
				return -1;
			break;
		case NODE_CONTENT:
			/* The page starts with a depth allowance of its own
			 * (the stack has room for both) and cannot place
			 * itself again. */
			if ((page = r->page) == NULL)
				break;
			r->page = NULL;
			if (render_nodes(r, page, 0, page->nnodes, 0) != 0)
				return -1;
			r->page = page;
			break;
		}
	}
	return r->out->failed ? -1 : 0;
}

static int
render_top(const struct tmpl_set *set, const char *name, const char *page,
    struct json_object *ctx, struct buf *out)
{
	struct render r;
	const struct tmpl *t;

	if (set == NULL || name == NULL || out == NULL || !set->linked)
		return -1;
	if ((t = find(set, name)) == NULL)
		return -1;
	memset(&r, 0, sizeof(r));
	r.out = out;
	if (page != NULL && (r.page = find(set, page)) == NULL)
		return -1;
	r.stack[0] = ctx;
	r.top = 1;
	if (render_nodes(&r, t, 0, t->nnodes, 0) != 0)
		return -1;
	return out->failed ? -1 : 0;
}

int
tmpl_render(const struct tmpl_set *set, const char *name,
    struct json_object *ctx, struct buf *out)
{
	return render_top(set, name, NULL, ctx, out);
}

int
tmpl_render_page(const struct tmpl_set *set, const char *layout,
    const char *page, struct json_object *ctx, struct buf *out)
{
	if (page == NULL)
		return -1;
	return render_top(set, layout, page, ctx, out);
}
