/*
 * test_tmpl.c — unit tests of the template engine (src/tmpl/tmpl.c).
 *
 * Each test proves one behaviour and asserts the exact output or the exact
 * "file:line: message" error. Contexts are written as JSON text for
 * readability. These tests must never depend on the project's templates in
 * www/templates: every template they use is written here.
 */
#include "config.h"

#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/limits.h"
#include "tmpl/tmpl.h"

/* ---- helpers -------------------------------------------------------- */

/*
 * Builds a set of one template "t" from text, links it, renders it with
 * the JSON context json (NULL for no context) and returns the output,
 * copied into arena a. Fails the test if any step fails.
 */
static const char *
render(struct arena *a, const char *text, const char *json)
{
	struct tmpl_set *set;
	struct json_object *ctx = NULL;
	struct buf out;
	char err[256] = "";

	set = tmpl_set_new();
	assert_non_null(set);
	if (tmpl_set_add(set, "t", "t.html", text, strlen(text), err,
	    sizeof(err)) != 0)
		fail_msg("add: %s", err);
	if (tmpl_set_link(set, err, sizeof(err)) != 0)
		fail_msg("link: %s", err);
	if (json != NULL) {
		ctx = json_tokener_parse(json);
		assert_non_null(ctx);
	}
	buf_init(&out, a);
	assert_int_equal(tmpl_render(set, "t", ctx, &out), 0);
	json_object_put(ctx);
	tmpl_set_free(set);
	return arena_strndup(a, out.len > 0 ? out.data : "", out.len);
}

/* Asserts that adding text as template "t" (file "t.html") fails with
 * exactly the message want. */
static void
expect_add_error(const char *text, const char *want)
{
	struct tmpl_set *set;
	char err[256] = "";

	set = tmpl_set_new();
	assert_non_null(set);
	assert_int_equal(tmpl_set_add(set, "t", "t.html", text, strlen(text),
	    err, sizeof(err)), -1);
	assert_string_equal(err, want);
	assert_false(tmpl_exists(set, "t"));
	tmpl_set_free(set);
}

/* Adds templates given as name, text pairs (NULL-terminated) to a new
 * set, file name "<name>.html"; every add must succeed. */
static struct tmpl_set *
set_of(const char *name, ...)
{
	struct tmpl_set *set;
	const char *text;
	char file[64], err[256] = "";
	va_list ap;

	set = tmpl_set_new();
	assert_non_null(set);
	va_start(ap, name);
	for (; name != NULL; name = va_arg(ap, const char *)) {
		text = va_arg(ap, const char *);
		snprintf(file, sizeof(file), "%s.html", name);
		if (tmpl_set_add(set, name, file, text, strlen(text), err,
		    sizeof(err)) != 0)
			fail_msg("add %s: %s", name, err);
	}
	va_end(ap);
	return set;
}

/* Writes a file into dir. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

/* Removes the files a test wrote into dir, then dir itself. */
static void
remove_dir(const char *dir, const char *const *names)
{
	char path[512];

	for (; *names != NULL; names++) {
		snprintf(path, sizeof(path), "%s/%s", dir, *names);
		unlink(path);
		rmdir(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* ---- variables ------------------------------------------------------ */

static void
test_text_without_tags_renders_verbatim(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "<p>Hallo { wereld }</p>\n", NULL),
	    "<p>Hallo { wereld }</p>\n");
	arena_free(&a);
}

static void
test_variable_escapes_html_specials(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "<p>{{naam}}</p>",
	    "{\"naam\": \"<b class=\\\"x\\\">Tom & 'Jerry'</b>\"}"),
	    "<p>&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;"
	    "&lt;/b&gt;</p>");
	arena_free(&a);
}

static void
test_variable_renders_numbers_and_booleans(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{i}}|{{n}}|{{d}}|{{big}}|{{t}}|{{f}}|{{z}}|",
	    "{\"i\": 42, \"n\": -7, \"d\": 1.5, "
	    "\"big\": 18446744073709551615, "
	    "\"t\": true, \"f\": false, \"z\": null}"),
	    "42|-7|1.5|18446744073709551615|true|false||");
	arena_free(&a);
}

static void
test_object_or_array_variable_renders_empty(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "[{{o}}][{{l}}]",
	    "{\"o\": {\"a\": 1}, \"l\": [1, 2]}"), "[][]");
	arena_free(&a);
}

static void
test_missing_name_renders_empty(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "a{{nergens}}b{{x.y.z}}c",
	    "{\"x\": {\"y\": 1}}"), "abc");
	arena_free(&a);
}

static void
test_null_context_renders_names_empty(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "a{{x}}b{{#x}}c{{/x}}{{^x}}d{{/x}}",
	    NULL), "abd");
	arena_free(&a);
}

static void
test_dotted_names(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "{{a.b.c}} {{a.d}}",
	    "{\"a\": {\"b\": {\"c\": \"diep\"}, \"d\": 3}}"), "diep 3");
	arena_free(&a);
}

static void
test_dotted_name_resolves_only_first_segment_outward(void **state)
{
	struct arena a;

	/* Inside a, "a.naam" finds no naam in the inner a and must not
	 * take the outer one. */
	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{#binnen}}[{{a.naam}}]{{/binnen}}",
	    "{\"a\": {\"naam\": \"buiten\"}, "
	    "\"binnen\": {\"a\": {\"ander\": 1}}}"), "[]");
	arena_free(&a);
}

static void
test_dot_renders_current_value(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "{{#l}}<{{.}}>{{/l}}",
	    "{\"l\": [\"a&b\", 2, true]}"), "<a&amp;b><2><true>");
	arena_free(&a);
}

static void
test_whitespace_inside_tags_is_allowed(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{ x }}{{# s }}S{{/ s }}{{^\tleeg\t}}L{{/leeg}}{{\n x\n}}",
	    "{\"x\": 1, \"s\": true}"), "1SL1");
	arena_free(&a);
}

static void
test_comment_renders_nothing(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "a{{! een {opmerking}\nover "
	    "regels }}b", NULL), "ab");
	arena_free(&a);
}

static void
test_text_keeps_newlines_around_tags(void **state)
{
	struct arena a;

	/* No standalone-line trimming: the text is output as written. */
	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "<ul>\n{{#l}}\n<li>{{.}}</li>\n"
	    "{{/l}}\n</ul>\n", "{\"l\": [1]}"),
	    "<ul>\n\n<li>1</li>\n\n</ul>\n");
	arena_free(&a);
}

static void
test_raw_tag_outputs_svg_unescaped(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "{{& grafiek_svg}}{{grafiek_svg}}",
	    "{\"grafiek_svg\": \"<svg a='1'/>\"}"),
	    "<svg a='1'/>&lt;svg a=&#39;1&#39;/&gt;");
	arena_free(&a);
}

/* ---- sections ------------------------------------------------------- */

static void
test_section_over_array_repeats(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "<ul>{{#wijken}}<li>{{naam}}</li>{{/wijken}}</ul>",
	    "{\"wijken\": [{\"naam\": \"Oost\"}, {\"naam\": \"West\"}, "
	    "{\"naam\": \"Zuid\"}]}"),
	    "<ul><li>Oost</li><li>West</li><li>Zuid</li></ul>");
	arena_free(&a);
}

static void
test_section_on_object_pushes_context(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "{{#team}}{{naam}}/{{wijk}}{{/team}}",
	    "{\"wijk\": \"Oost\", \"naam\": \"buiten\", "
	    "\"team\": {\"naam\": \"binnen\"}}"), "binnen/Oost");
	arena_free(&a);
}

static void
test_section_skipped_for_falsy_values(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "[{{#f}}f{{/f}}{{#n}}n{{/n}}{{#s}}s{{/s}}{{#i}}i{{/i}}"
	    "{{#d}}d{{/d}}{{#l}}l{{/l}}{{#m}}m{{/m}}]",
	    "{\"f\": false, \"n\": null, \"s\": \"\", \"i\": 0, "
	    "\"d\": 0.0, \"l\": []}"), "[]");
	arena_free(&a);
}

static void
test_section_rendered_once_for_truthy_values(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{#t}}<{{.}}>{{/t}}{{#s}}<{{.}}>{{/s}}{{#i}}<{{.}}>{{/i}}"
	    "{{#d}}<{{.}}>{{/d}}{{#o}}<o>{{/o}}",
	    "{\"t\": true, \"s\": \"0\", \"i\": -1, \"d\": 0.5, \"o\": {}}"),
	    "<true><0><-1><0.5><o>");
	arena_free(&a);
}

static void
test_inverted_section_on_empty_array(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{#l}}x{{/l}}{{^l}}Geen gegevens{{/l}}", "{\"l\": []}"),
	    "Geen gegevens");
	arena_free(&a);
}

static void
test_inverted_section_skipped_on_truthy_value(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "[{{^l}}leeg{{/l}}{{^t}}niet{{/t}}]",
	    "{\"l\": [0], \"t\": \"ja\"}"), "[]");
	arena_free(&a);
}

static void
test_nested_sections_see_outer_names(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a,
	    "{{#teams}}{{#leden}}{{team}}:{{naam}}@{{gemeente}} "
	    "{{/leden}}{{/teams}}",
	    "{\"gemeente\": \"Zaanstad\", \"teams\": [{\"team\": \"A\", "
	    "\"leden\": [{\"naam\": \"p\"}, {\"naam\": \"q\"}]}]}"),
	    "A:p@Zaanstad A:q@Zaanstad ");
	arena_free(&a);
}

static void
test_section_on_dot_iterates_nested_array(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_string_equal(render(&a, "{{#a}}({{#.}}{{.}}{{/.}}){{/a}}",
	    "{\"a\": [[1, 2], [3]]}"), "(12)(3)");
	arena_free(&a);
}

/* ---- partials and layouts ------------------------------------------- */

static void
test_partial_renders_in_current_context(void **state)
{
	struct tmpl_set *set;
	struct json_object *ctx;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("lijst", "{{#items}}{{> item}}{{/items}}",
	    "item", "<li>{{naam}} ({{wijk}})</li>", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	ctx = json_tokener_parse("{\"wijk\": \"Oost\", \"items\": "
	    "[{\"naam\": \"a\"}, {\"naam\": \"b\"}]}");
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "lijst", ctx, &out), 0);
	assert_string_equal(out.data, "<li>a (Oost)</li><li>b (Oost)</li>");
	json_object_put(ctx);
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_partial_may_be_added_after_its_user(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("a", "[{{> b}}]", "b", "B", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "a", NULL, &out), 0);
	assert_string_equal(out.data, "[B]");
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_layout_places_page_at_content(void **state)
{
	struct tmpl_set *set;
	struct json_object *ctx;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("layout",
	    "<title>{{titel}}</title>{{#gebruiker}}<main>{{$content}}</main>"
	    "{{/gebruiker}}",
	    "home", "<h1>{{titel}}</h1><p>{{naam}}</p>", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	ctx = json_tokener_parse("{\"titel\": \"Start\", "
	    "\"gebruiker\": {\"naam\": \"Els\"}}");
	buf_init(&out, &a);
	assert_int_equal(tmpl_render_page(set, "layout", "home", ctx, &out),
	    0);
	/* The page sees the layout's stack, so naam comes from gebruiker. */
	assert_string_equal(out.data, "<title>Start</title>"
	    "<main><h1>Start</h1><p>Els</p></main>");
	json_object_put(ctx);
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_content_outside_layout_renders_nothing(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("layout", "<main>{{$content}}</main>",
	    "page", "P{{$content}}", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "layout", NULL, &out), 0);
	/* A page placing {{$content}} does not place itself again. */
	assert_int_equal(tmpl_render_page(set, "layout", "page", NULL, &out),
	    0);
	assert_string_equal(out.data, "<main></main><main>P</main>");
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_render_page_with_unknown_page_fails(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("layout", "<main>{{$content}}</main>", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	buf_init(&out, &a);
	assert_int_equal(tmpl_render_page(set, "layout", "geen", NULL, &out),
	    -1);
	assert_int_equal(out.len, 0);
	tmpl_set_free(set);
	arena_free(&a);
}

/* ---- parse errors --------------------------------------------------- */

static void
test_raw_tag_rejected_unless_svg_name(void **state)
{
	expect_add_error("a\n{{& naam}}",
	    "t.html:2: {{& naam}}: raw output is allowed only for names "
	    "ending in _svg");
}

static void
test_triple_mustache_rejected(void **state)
{
	expect_add_error("x\n\n{{{naam}}}",
	    "t.html:3: triple mustache {{{...}}} is not allowed; "
	    "raw output is written {{& name_svg}}");
}

static void
test_unclosed_section_reports_opening_line(void **state)
{
	expect_add_error("<ul>\n{{#items}}\n<li>{{naam}}</li>\n</ul>\n",
	    "t.html:2: unclosed section {{#items}}");
}

static void
test_mismatched_close_reports_close_line(void **state)
{
	expect_add_error("{{#a}}\n{{^b}}\n{{/a}}\n{{/b}}",
	    "t.html:3: {{/a}} does not close {{^b}} opened at line 2");
}

static void
test_close_without_open_is_rejected(void **state)
{
	expect_add_error("a\nb {{/x}}", "t.html:2: {{/x}} closes no open "
	    "section");
}

static void
test_empty_name_is_rejected(void **state)
{
	expect_add_error("\n{{ }}", "t.html:2: empty tag {{}}");
	expect_add_error("{{# }}", "t.html:1: empty name in {{#}}");
}

static void
test_invalid_name_character_is_rejected(void **state)
{
	expect_add_error("{{ja nee}}", "t.html:1: invalid character ' ' in "
	    "name (allowed: A-Z a-z 0-9 _ . -)");
	expect_add_error("{{a<b}}", "t.html:1: invalid character '<' in "
	    "name (allowed: A-Z a-z 0-9 _ . -)");
	expect_add_error("{{=<% %>=}}", "t.html:1: invalid character '=' "
	    "in name (allowed: A-Z a-z 0-9 _ . -)");
}

static void
test_malformed_dotted_name_is_rejected(void **state)
{
	expect_add_error("{{a..b}}", "t.html:1: malformed dotted name "
	    "\"a..b\"");
	expect_add_error("{{#.a}}{{/.a}}", "t.html:1: malformed dotted name "
	    "\".a\"");
}

static void
test_unterminated_tag_reports_line(void **state)
{
	expect_add_error("a\nb {{naam\n\nc", "t.html:2: unterminated tag: "
	    "{{ without }}");
}

static void
test_unknown_block_is_rejected(void **state)
{
	expect_add_error("{{$kop}}", "t.html:1: unknown block {{$kop}}; "
	    "only {{$content}} exists");
}

static void
test_deep_section_nesting_is_rejected(void **state)
{
	char text[WZ_MAX_TEMPLATE_DEPTH * 8 + 16], want[128];
	size_t i, n = 0;

	/* WZ_MAX_TEMPLATE_DEPTH levels parse; one more does not. */
	for (i = 0; i <= WZ_MAX_TEMPLATE_DEPTH; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "\n{{#a}}");
	snprintf(want, sizeof(want), "t.html:%d: sections nested more "
	    "than %d deep", WZ_MAX_TEMPLATE_DEPTH + 2, WZ_MAX_TEMPLATE_DEPTH);
	expect_add_error(text, want);
}

static void
test_oversized_template_is_rejected(void **state)
{
	struct tmpl_set *set;
	char *text, err[256] = "", want[128];
	size_t len = WZ_MAX_TEMPLATE_SIZE + 1;

	text = malloc(len);
	assert_non_null(text);
	memset(text, 'x', len);
	set = tmpl_set_new();
	assert_non_null(set);
	/* Exactly the limit is fine. */
	assert_int_equal(tmpl_set_add(set, "ok", "ok.html", text, len - 1,
	    err, sizeof(err)), 0);
	assert_int_equal(tmpl_set_add(set, "t", "t.html", text, len, err,
	    sizeof(err)), -1);
	snprintf(want, sizeof(want), "t.html:1: template too large "
	    "(%zu bytes, at most %d)", len, WZ_MAX_TEMPLATE_SIZE);
	assert_string_equal(err, want);
	tmpl_set_free(set);
	free(text);
}

static void
test_duplicate_template_name_is_rejected(void **state)
{
	struct tmpl_set *set;
	char err[256] = "";

	set = set_of("home", "a", NULL);
	assert_int_equal(tmpl_set_add(set, "home", "home2.html", "b", 1, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "home2.html:1: template \"home\" is "
	    "defined twice");
	tmpl_set_free(set);
}

static void
test_small_error_buffer_is_truncated_safely(void **state)
{
	struct tmpl_set *set;
	char err[8];

	set = tmpl_set_new();
	assert_non_null(set);
	memset(err, 'z', sizeof(err));
	assert_int_equal(tmpl_set_add(set, "t", "lang-bestand.html", "{{",
	    2, err, sizeof(err)), -1);
	assert_string_equal(err, "lang-be");
	assert_int_equal(tmpl_set_add(set, "t", "t.html", "{{", 2, NULL, 0),
	    -1);
	tmpl_set_free(set);
}

/* ---- link errors ---------------------------------------------------- */

static void
test_unknown_partial_reports_line(void **state)
{
	struct tmpl_set *set;
	char err[256] = "";

	set = set_of("home", "<p>\n\n{{> kop}}</p>", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), -1);
	assert_string_equal(err, "home.html:3: unknown partial {{> kop}}");
	tmpl_set_free(set);
}

static void
test_partial_cycle_is_rejected(void **state)
{
	struct tmpl_set *set;
	char err[256] = "";

	set = set_of("a", "{{> b}}", "b", "x\n{{#v}}{{> c}}{{/v}}",
	    "c", "\n\n{{> a}}", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), -1);
	assert_string_equal(err, "c.html:3: {{> a}} makes a cycle of "
	    "partials");
	tmpl_set_free(set);
}

static void
test_self_including_partial_is_rejected(void **state)
{
	struct tmpl_set *set;
	char err[256] = "";

	set = set_of("a", "{{#x}}\n{{> a}}{{/x}}", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), -1);
	assert_string_equal(err, "a.html:2: {{> a}} makes a cycle of "
	    "partials");
	tmpl_set_free(set);
}

static void
test_deep_partial_chain_is_rejected(void **state)
{
	struct tmpl_set *set;
	char name[16], next[16], text[32], err[256] = "", want[128];
	int i;

	/* p0 includes p1 includes ... : each partial is one level. */
	set = tmpl_set_new();
	assert_non_null(set);
	for (i = 0; i <= WZ_MAX_TEMPLATE_DEPTH; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		snprintf(next, sizeof(next), "p%d", i + 1);
		if (i < WZ_MAX_TEMPLATE_DEPTH)
			snprintf(text, sizeof(text), "{{> %s}}", next);
		else
			snprintf(text, sizeof(text), "end");
		assert_int_equal(tmpl_set_add(set, name, name, text,
		    strlen(text), err, sizeof(err)), 0);
	}
	/* 32 partial levels: exactly the limit. */
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	assert_int_equal(tmpl_set_add(set, "top", "top.html", "{{> p0}}", 8,
	    err, sizeof(err)), 0);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "top.html:1: {{> p0}}: sections and "
	    "partials nested more than %d deep", WZ_MAX_TEMPLATE_DEPTH);
	assert_string_equal(err, want);
	tmpl_set_free(set);
}

/* ---- rendering failures and the set API ----------------------------- */

static void
test_render_unknown_template_fails(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("a", "A", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "b", NULL, &out), -1);
	assert_int_equal(out.len, 0);
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_render_before_link_fails(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("a", "A", NULL);
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "a", NULL, &out), -1);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	assert_int_equal(tmpl_render(set, "a", NULL, &out), 0);
	/* Adding a template undoes the link until linked again. */
	assert_int_equal(tmpl_set_add(set, "b", "b.html", "B", 1, err,
	    sizeof(err)), 0);
	assert_int_equal(tmpl_render(set, "a", NULL, &out), -1);
	assert_string_equal(out.data, "A");
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_render_out_of_memory_fails(void **state)
{
	struct tmpl_set *set;
	struct json_object *ctx, *l;
	struct arena a;
	struct buf out;
	char err[256] = "";
	int i;

	/* A 4 KiB arena cannot hold 1000 lines of 10 bytes. */
	assert_int_equal(arena_init(&a, 4096, 4096), 0);
	set = set_of("a", "{{#l}}regel {{.}}\n{{/l}}", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	ctx = json_object_new_object();
	l = json_object_new_array();
	json_object_object_add(ctx, "l", l);
	for (i = 0; i < 1000; i++)
		json_object_array_add(l, json_object_new_int(100 + i % 900));
	buf_init(&out, &a);
	assert_int_equal(tmpl_render(set, "a", ctx, &out), -1);
	assert_true(out.failed);
	json_object_put(ctx);
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_render_appends_to_buffer(void **state)
{
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	set = set_of("a", "A", NULL);
	assert_int_equal(tmpl_set_link(set, err, sizeof(err)), 0);
	buf_init(&out, &a);
	buf_puts(&out, "<!doctype html>");
	assert_int_equal(tmpl_render(set, "a", NULL, &out), 0);
	assert_string_equal(out.data, "<!doctype html>A");
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_exists_reports_added_templates(void **state)
{
	struct tmpl_set *set;

	set = set_of("home", "h", NULL);
	assert_true(tmpl_exists(set, "home"));
	assert_false(tmpl_exists(set, "ho"));
	assert_false(tmpl_exists(set, "homes"));
	tmpl_set_free(set);
}

/* ---- loading a directory -------------------------------------------- */

static void
test_load_dir_reads_html_files(void **state)
{
	static const char *const names[] = { "layout.html", "home.html",
	    "notes.txt", ".verborgen.html", "sub.html", NULL };
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char dir[] = "/tmp/test_tmpl.XXXXXX", path[512], err[256] = "";

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	assert_non_null(mkdtemp(dir));
	write_file(dir, "layout.html", "<main>{{$content}}</main>");
	write_file(dir, "home.html", "Hallo {{naam}}");
	write_file(dir, "notes.txt", "{{niet geladen");
	write_file(dir, ".verborgen.html", "{{{ook niet");
	/* A directory named like a template is skipped, not read. */
	snprintf(path, sizeof(path), "%s/sub.html", dir);
	assert_int_equal(mkdir(path, 0700), 0);

	set = tmpl_set_load_dir(dir, err, sizeof(err));
	if (set == NULL)
		fail_msg("load: %s", err);
	assert_true(tmpl_exists(set, "layout"));
	assert_true(tmpl_exists(set, "home"));
	assert_false(tmpl_exists(set, "notes"));
	assert_false(tmpl_exists(set, "sub"));
	buf_init(&out, &a);
	assert_int_equal(tmpl_render_page(set, "layout", "home", NULL, &out),
	    0);
	assert_string_equal(out.data, "<main>Hallo </main>");
	tmpl_set_free(set);
	remove_dir(dir, names);
	arena_free(&a);
}

static void
test_load_dir_reports_file_and_line(void **state)
{
	static const char *const names[] = { "a.html", "b.html", NULL };
	char dir[] = "/tmp/test_tmpl.XXXXXX", want[512], err[512] = "";

	assert_non_null(mkdtemp(dir));
	write_file(dir, "a.html", "goed\n");
	write_file(dir, "b.html", "<ul>\n{{#items}}\n<li></li>\n");
	assert_null(tmpl_set_load_dir(dir, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s/b.html:2: unclosed section "
	    "{{#items}}", dir);
	assert_string_equal(err, want);
	remove_dir(dir, names);
}

static void
test_load_dir_links_partials(void **state)
{
	static const char *const names[] = { "a.html", NULL };
	char dir[] = "/tmp/test_tmpl.XXXXXX", want[512], err[512] = "";

	assert_non_null(mkdtemp(dir));
	write_file(dir, "a.html", "x\n{{> ontbreekt}}");
	assert_null(tmpl_set_load_dir(dir, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s/a.html:2: unknown partial "
	    "{{> ontbreekt}}", dir);
	assert_string_equal(err, want);
	remove_dir(dir, names);
}

static void
test_load_dir_rejects_oversized_file(void **state)
{
	static const char *const names[] = { "groot.html", NULL };
	char dir[] = "/tmp/test_tmpl.XXXXXX", want[512], err[512] = "";
	char path[512];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/groot.html", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i <= WZ_MAX_TEMPLATE_SIZE; i++)
		fputc('x', f);
	assert_int_equal(fclose(f), 0);
	assert_null(tmpl_set_load_dir(dir, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s/groot.html:1: template too large "
	    "(more than %d bytes)", dir, WZ_MAX_TEMPLATE_SIZE);
	assert_string_equal(err, want);
	remove_dir(dir, names);
}

static void
test_load_dir_missing_dir_fails(void **state)
{
	char err[256] = "";

	assert_null(tmpl_set_load_dir("/nonexistent/templates", err,
	    sizeof(err)));
	assert_string_equal(err, "/nonexistent/templates: No such file or "
	    "directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_without_tags_renders_verbatim),
		cmocka_unit_test(test_variable_escapes_html_specials),
		cmocka_unit_test(test_variable_renders_numbers_and_booleans),
		cmocka_unit_test(test_object_or_array_variable_renders_empty),
		cmocka_unit_test(test_missing_name_renders_empty),
		cmocka_unit_test(test_null_context_renders_names_empty),
		cmocka_unit_test(test_dotted_names),
		cmocka_unit_test(
		    test_dotted_name_resolves_only_first_segment_outward),
		cmocka_unit_test(test_dot_renders_current_value),
		cmocka_unit_test(test_whitespace_inside_tags_is_allowed),
		cmocka_unit_test(test_comment_renders_nothing),
		cmocka_unit_test(test_text_keeps_newlines_around_tags),
		cmocka_unit_test(test_raw_tag_outputs_svg_unescaped),
		cmocka_unit_test(test_section_over_array_repeats),
		cmocka_unit_test(test_section_on_object_pushes_context),
		cmocka_unit_test(test_section_skipped_for_falsy_values),
		cmocka_unit_test(test_section_rendered_once_for_truthy_values),
		cmocka_unit_test(test_inverted_section_on_empty_array),
		cmocka_unit_test(test_inverted_section_skipped_on_truthy_value),
		cmocka_unit_test(test_nested_sections_see_outer_names),
		cmocka_unit_test(test_section_on_dot_iterates_nested_array),
		cmocka_unit_test(test_partial_renders_in_current_context),
		cmocka_unit_test(test_partial_may_be_added_after_its_user),
		cmocka_unit_test(test_layout_places_page_at_content),
		cmocka_unit_test(test_content_outside_layout_renders_nothing),
		cmocka_unit_test(test_render_page_with_unknown_page_fails),
		cmocka_unit_test(test_raw_tag_rejected_unless_svg_name),
		cmocka_unit_test(test_triple_mustache_rejected),
		cmocka_unit_test(test_unclosed_section_reports_opening_line),
		cmocka_unit_test(test_mismatched_close_reports_close_line),
		cmocka_unit_test(test_close_without_open_is_rejected),
		cmocka_unit_test(test_empty_name_is_rejected),
		cmocka_unit_test(test_invalid_name_character_is_rejected),
		cmocka_unit_test(test_malformed_dotted_name_is_rejected),
		cmocka_unit_test(test_unterminated_tag_reports_line),
		cmocka_unit_test(test_unknown_block_is_rejected),
		cmocka_unit_test(test_deep_section_nesting_is_rejected),
		cmocka_unit_test(test_oversized_template_is_rejected),
		cmocka_unit_test(test_duplicate_template_name_is_rejected),
		cmocka_unit_test(test_small_error_buffer_is_truncated_safely),
		cmocka_unit_test(test_unknown_partial_reports_line),
		cmocka_unit_test(test_partial_cycle_is_rejected),
		cmocka_unit_test(test_self_including_partial_is_rejected),
		cmocka_unit_test(test_deep_partial_chain_is_rejected),
		cmocka_unit_test(test_render_unknown_template_fails),
		cmocka_unit_test(test_render_before_link_fails),
		cmocka_unit_test(test_render_out_of_memory_fails),
		cmocka_unit_test(test_render_appends_to_buffer),
		cmocka_unit_test(test_exists_reports_added_templates),
		cmocka_unit_test(test_load_dir_reads_html_files),
		cmocka_unit_test(test_load_dir_reports_file_and_line),
		cmocka_unit_test(test_load_dir_links_partials),
		cmocka_unit_test(test_load_dir_rejects_oversized_file),
		cmocka_unit_test(test_load_dir_missing_dir_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
