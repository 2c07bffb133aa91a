/*
 * tmpl.h — the template engine: mustache-style templates over json-c values.
 *
 * Templates are parsed once per process (by the supervisor, before it forks
 * its workers), so a broken template stops the server at start-up with
 * "file:line: what is wrong" and never fails at request time.
 *
 * Syntax:
 *   {{name}}            value of name, HTML-escaped (& < > " ' replaced)
 *   {{a.b.c}}           dotted lookup; {{.}} is the current value
 *   {{#name}}..{{/name}} section: false, null, "", 0 and [] skip it; an array
 *                       repeats it per element; any other value renders it
 *                       once with that value pushed on the context stack
 *   {{^name}}..{{/name}} inverted section: rendered when the section is not
 *   {{> partial}}       another template of the same set, current context
 *   {{$content}}        in a layout: where the page template goes
 *   {{! comment }}      nothing
 *   {{& name_svg}}      raw output, allowed only for names ending in "_svg"
 *                       (server-built SVG); anything else is a parse error
 * Names are [A-Za-z0-9_.-]; whitespace inside the braces is allowed.
 * Triple mustaches are a parse error: raw output must be visible as {{&.
 *
 * A variable that is an object or array renders as nothing. Numbers print
 * as json-c prints them; booleans as "true"/"false"; null as nothing.
 */
#ifndef WZ_TMPL_H
#define WZ_TMPL_H

#include <stddef.h>

struct json_object;
struct buf;
struct tmpl_set;

/* An empty set. NULL when out of memory. Owned by the caller: tmpl_set_free. */
struct tmpl_set	*tmpl_set_new(void);
void		 tmpl_set_free(struct tmpl_set *);

/*
 * Parses text as template `name` (e.g. "home" for home.html) and adds it.
 * `file` is used in error messages only. On error returns -1 and writes
 * "file:line: message" (Dutch or English, for developers) into err.
 */
int	tmpl_set_add(struct tmpl_set *, const char *name, const char *file,
	    const char *text, size_t len, char *err, size_t errlen);

/*
 * Reads every *.html file in dir (name = file name without .html) and then
 * links the set. Returns NULL and fills err on the first error.
 */
struct tmpl_set	*tmpl_set_load_dir(const char *dir, char *err, size_t errlen);

/*
 * Resolves every {{> partial}} after all templates are added; an unknown
 * partial, or partials that include each other in a cycle, is an error with
 * the file and line of the tag. Must be called before rendering.
 */
int	tmpl_set_link(struct tmpl_set *, char *err, size_t errlen);

/* Whether the set has a template of that name. */
int	tmpl_exists(const struct tmpl_set *, const char *name);

/*
 * Renders template `name` with ctx (borrowed, may be NULL) appended to out.
 * Returns 0, or -1 when the template does not exist or out ran out of
 * memory (out->failed).
 */
int	tmpl_render(const struct tmpl_set *, const char *name,
	    struct json_object *ctx, struct buf *out);

/*
 * Renders layout `layout` with ctx; where the layout says {{$content}}, page
 * template `page` is rendered with the same context stack. Returns as
 * tmpl_render.
 */
int	tmpl_render_page(const struct tmpl_set *, const char *layout,
	    const char *page, struct json_object *ctx, struct buf *out);

#endif
