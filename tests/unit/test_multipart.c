/*
 * test_multipart.c — the streaming multipart/form-data parser: boundaries
 * from Content-Type, part headers, file names, limits, and the same result
 * however the body is cut into reads.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "http/multipart.h"

#define CT	"multipart/form-data; boundary=XyZ"

/* A body served in reads of at most `step` bytes. */
struct src {
	const char *p;
	size_t      n, pos, step;
};

static long
src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n - s->pos;

	if (k > n)
		k = n;
	if (k > s->step)
		k = s->step;
	memcpy(buf, s->p + s->pos, k);
	s->pos += k;
	return (long)k;
}

/*
 * Parses body in reads of step bytes and describes what came out:
 * "[name|filename|ctype]data;" per part, then "!" at the end, or
 * "E<err>" on an error. The description goes into out.
 */
static enum mp_err
parse(const char *ct, const char *body, size_t n, size_t step, char *out,
    size_t outlen)
{
	struct arena a;
	struct upload u;
	struct src s = { body, n, 0, step };
	const char *d;
	size_t len, o = 0;
	enum mp_event ev;
	enum mp_err e;

	assert_int_equal(arena_init(&a, 4096, 1 << 20), 0);
	out[0] = '\0';
	e = upload_init(&u, &a, ct, src_read, &s);
	if (e != MP_OK) {
		arena_free(&a);
		return e;
	}
	for (;;) {
		ev = upload_next(&u, &d, &len);
		assert_int_not_equal(ev, MP_NEED_MORE);
		if (ev == MP_PART)
			o += (size_t)snprintf(out + o, outlen - o, "[%s|%s%s|%s]",
			    u.mp.part.name, u.mp.part.is_file ? "F:" : "",
			    u.mp.part.filename, u.mp.part.content_type);
		else if (ev == MP_DATA) {
			assert_true(len > 0);
			assert_true(o + len < outlen);
			memcpy(out + o, d, len);
			o += len;
			out[o] = '\0';
		} else if (ev == MP_PART_END)
			o += (size_t)snprintf(out + o, outlen - o, ";");
		else if (ev == MP_DONE) {
			o += (size_t)snprintf(out + o, outlen - o, "!");
			break;
		} else {
			snprintf(out + o, outlen - o, "E%d", u.mp.err);
			break;
		}
	}
	e = u.mp.err;
	arena_free(&a);
	return e;
}

/* Parses with every read size from 1 to the whole body, and checks that
 * each gives want. */
static void
expect_all_steps(const char *ct, const char *body, const char *want)
{
	char got[8192];
	size_t n = strlen(body), step;

	for (step = 1; step <= n + 1; step++) {
		parse(ct, body, n, step, got, sizeof(got));
		if (strcmp(got, want) != 0)
			fail_msg("read size %zu: got \"%s\", want \"%s\"", step, got,
			    want);
	}
}

static void
test_boundary_plain_quoted_and_params(void **state)
{
	char b[MP_MAX_BOUNDARY + 1];

	(void)state;
	assert_int_equal(mp_boundary(CT, b), 0);
	assert_string_equal(b, "XyZ");
	assert_int_equal(mp_boundary("Multipart/Form-Data;charset=utf-8; "
	    "BOUNDARY=\"a b:c\"", b), 0);
	assert_string_equal(b, "a b:c");
	assert_int_equal(mp_boundary("multipart/form-data; boundary="
	    "----WebKitFormBoundary7MA4YWxkTrZu0gW", b), 0);
	assert_string_equal(b, "----WebKitFormBoundary7MA4YWxkTrZu0gW");
}

static void
test_boundary_rejects_bad_content_types(void **state)
{
	char b[MP_MAX_BOUNDARY + 1], longb[200];

	(void)state;
	assert_int_equal(mp_boundary(NULL, b), -1);
	assert_int_equal(mp_boundary("text/csv", b), -1);
	assert_int_equal(mp_boundary("multipart/mixed; boundary=x", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data; boundary=", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data; boundary=\"x", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data; boundary=a\"b", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data; boundary=x; "
	    "boundary=y", b), -1);
	assert_int_equal(mp_boundary("multipart/form-data; boundary=\"a \"", b), -1);
	memset(longb, 'a', sizeof(longb));
	memcpy(longb, "multipart/form-data; boundary=", 30);
	longb[30 + MP_MAX_BOUNDARY + 1] = '\0';
	assert_int_equal(mp_boundary(longb, b), -1);
	longb[30 + MP_MAX_BOUNDARY] = '\0';
	assert_int_equal(mp_boundary(longb, b), 0);
}

static void
test_fields_and_file_in_any_read_size(void **state)
{
	(void)state;
	expect_all_steps(CT,
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
	    "abc\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=bestand; filename=\"lijst.csv\"\r\n"
	    "Content-Type: Text/CSV\r\n\r\n"
	    "naam;jaar\r\n--Xy\r\nPiet;1970\r\n\r\n"
	    "--XyZ--\r\nepilogue ignored",
	    "[csrf_token||]abc;[bestand|F:lijst.csv|text/csv]"
	    "naam;jaar\r\n--Xy\r\nPiet;1970\r\n;!");
}

static void
test_empty_part_and_preamble_and_padding(void **state)
{
	(void)state;
	expect_all_steps(CT,
	    "a preamble\r\n--XyZ  \t\r\n"
	    "Content-Disposition: form-data; name=\"leeg\"\r\n\r\n"
	    "\r\n--XyZ--",
	    "[leeg||];!");
}

static void
test_filename_loses_its_directory(void **state)
{
	(void)state;
	expect_all_steps(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"C:\\Users\\piet\\export.csv\"\r\n\r\nx\r\n--XyZ--",
	    "[f|F:export.csv|]x;!");
	expect_all_steps(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"\"\r\n\r\n\r\n--XyZ--",
	    "[f|F:|];!");
}

static void
test_rejects_missing_disposition_or_name(void **state)
{
	static const char *const bodies[] = {
		"--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\n"
		    "x\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
		    "x\r\n--XyZ--",
		"--XyZ\r\n\r\nx\r\n--XyZ--",
	};
	char got[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++)
		assert_int_equal(parse(CT, bodies[i], strlen(bodies[i]), 7, got,
		    sizeof(got)), MP_ERR_HEADER);
}

static void
test_rejects_folded_or_control_headers(void **state)
{
	char got[512];
	const char *b1 = "--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\n"
	    "x\r\n--XyZ--";
	const char *b2 = "--XyZ\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n"
	    "\r\nx\r\n--XyZ--";

	(void)state;
	assert_int_equal(parse(CT, b1, strlen(b1), 100, got, sizeof(got)),
	    MP_ERR_HEADER);
	assert_int_equal(parse(CT, b2, strlen(b2), 100, got, sizeof(got)),
	    MP_ERR_HEADER);
}

static void
test_rejects_invalid_utf8_filename(void **state)
{
	char got[512];
	const char *b = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"a\xff.csv\"\r\n\r\nx\r\n--XyZ--";

	(void)state;
	assert_int_equal(parse(CT, b, strlen(b), 100, got, sizeof(got)),
	    MP_ERR_HEADER);
}

static void
test_rejects_body_without_boundary(void **state)
{
	char got[512], big[MP_MAX_PREAMBLE + 100];

	(void)state;
	assert_int_equal(parse(CT, "hello", 5, 2, got, sizeof(got)),
	    MP_ERR_NO_BOUNDARY);
	assert_int_equal(parse(CT, "", 0, 2, got, sizeof(got)),
	    MP_ERR_NO_BOUNDARY);
	memset(big, 'p', sizeof(big));
	memcpy(big + sizeof(big) - 10, "\r\n--XyZ--", 9);
	assert_int_equal(parse(CT, big, sizeof(big) - 1, 64, got, sizeof(got)),
	    MP_ERR_NO_BOUNDARY);
}

static void
test_rejects_truncated_body(void **state)
{
	char got[512];
	const char *b = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
	    "data without end\r\n--Xy";
	const char *h = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n";

	(void)state;
	assert_int_equal(parse(CT, b, strlen(b), 5, got, sizeof(got)),
	    MP_ERR_TRUNCATED);
	assert_int_equal(parse(CT, h, strlen(h), 5, got, sizeof(got)),
	    MP_ERR_TRUNCATED);
	assert_int_equal(parse(CT, "--XyZ", 5, 5, got, sizeof(got)),
	    MP_ERR_TRUNCATED);
}

static void
test_rejects_junk_after_boundary(void **state)
{
	char got[512];
	const char *b = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
	    "x\r\n--XyZjunk\r\n--XyZ--";

	(void)state;
	assert_int_equal(parse(CT, b, strlen(b), 100, got, sizeof(got)),
	    MP_ERR_SYNTAX);
}

static void
test_rejects_overlong_header_block(void **state)
{
	char got[512], *b;
	size_t n = MP_MAX_HEADER + 200;

	(void)state;
	b = malloc(n + 1);
	assert_non_null(b);
	memset(b, 'a', n);
	memcpy(b, "--XyZ\r\nX-Long: ", 15);
	b[n] = '\0';
	assert_int_equal(parse(CT, b, n, 4096, got, sizeof(got)),
	    MP_ERR_HEADER_LONG);
	free(b);
}

static void
test_rejects_too_many_parts(void **state)
{
	char got[8192], body[8192];
	size_t o = 0;
	int i;

	(void)state;
	for (i = 0; i <= MP_MAX_PARTS; i++)
		o += (size_t)snprintf(body + o, sizeof(body) - o,
		    "--XyZ\r\nContent-Disposition: form-data; name=\"p%d\"\r\n\r\n"
		    "v\r\n", i);
	o += (size_t)snprintf(body + o, sizeof(body) - o, "--XyZ--");
	assert_int_equal(parse(CT, body, o, 300, got, sizeof(got)),
	    MP_ERR_TOO_MANY);
}

static void
test_large_file_streams_in_bounded_pieces(void **state)
{
	struct arena a;
	struct upload u;
	struct src s;
	const char *d;
	char *body;
	size_t len, n, got = 0, data = 3 * 1024 * 1024;
	const char *head = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"g.csv\"\r\n\r\n";
	enum mp_event ev;

	(void)state;
	n = strlen(head) + data + 9;
	body = malloc(n + 1);
	assert_non_null(body);
	memcpy(body, head, strlen(head));
	memset(body + strlen(head), 'r', data);
	memcpy(body + strlen(head) + data, "\r\n--XyZ--", 9);
	s = (struct src){ body, n, 0, 100000 };
	/* The arena holds the reader's buffer and nothing else: the file
	 * never lands in it. */
	assert_int_equal(arena_init(&a, 4096, MP_BUFFER + 8192), 0);
	assert_int_equal(upload_init(&u, &a, CT, src_read, &s), MP_OK);
	while ((ev = upload_next(&u, &d, &len)) != MP_DONE) {
		assert_int_not_equal(ev, MP_ERROR);
		if (ev == MP_DATA) {
			assert_true(len <= MP_BUFFER);
			got += len;
		}
	}
	assert_int_equal(got, data);
	assert_int_equal(u.total, n);
	arena_free(&a);
	free(body);
}

static void
test_errors_have_dutch_text(void **state)
{
	int e;

	(void)state;
	for (e = MP_OK; e <= MP_ERR_READ; e++)
		assert_true(strlen(mp_strerror((enum mp_err)e)) > 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundary_plain_quoted_and_params),
		cmocka_unit_test(test_boundary_rejects_bad_content_types),
		cmocka_unit_test(test_fields_and_file_in_any_read_size),
		cmocka_unit_test(test_empty_part_and_preamble_and_padding),
		cmocka_unit_test(test_filename_loses_its_directory),
		cmocka_unit_test(test_rejects_missing_disposition_or_name),
		cmocka_unit_test(test_rejects_folded_or_control_headers),
		cmocka_unit_test(test_rejects_invalid_utf8_filename),
		cmocka_unit_test(test_rejects_body_without_boundary),
		cmocka_unit_test(test_rejects_truncated_body),
		cmocka_unit_test(test_rejects_junk_after_boundary),
		cmocka_unit_test(test_rejects_overlong_header_block),
		cmocka_unit_test(test_rejects_too_many_parts),
		cmocka_unit_test(test_large_file_streams_in_bounded_pieces),
		cmocka_unit_test(test_errors_have_dutch_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
