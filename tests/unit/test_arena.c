/*
 * test_arena.c — the request arena and the buffer on top of it.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"

static void
test_alloc_is_aligned(void **state)
{
	struct arena a;
	void *p;
	int i;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	for (i = 1; i < 50; i++) {
		p = arena_alloc(&a, (size_t)i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	}
	arena_free(&a);
}

static void
test_large_alloc_gets_own_block(void **state)
{
	struct arena a;
	char *big;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	big = arena_alloc(&a, 100000);
	assert_non_null(big);
	memset(big, 'x', 100000);      /* ASan catches an undersized block */
	assert_true(a.held > 100000);
	arena_free(&a);
}

static void
test_alloc_refuses_past_limit(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 1024, 4096), 0);
	assert_non_null(arena_alloc(&a, 2048));
	assert_null(arena_alloc(&a, 4096));
	assert_null(arena_alloc(&a, SIZE_MAX));
	arena_free(&a);
}

static void
test_reset_keeps_only_first_block(void **state)
{
	struct arena a;
	char *first, *again;

	assert_int_equal(arena_init(&a, 1024, 1 << 20), 0);
	first = arena_alloc(&a, 16);
	assert_non_null(arena_alloc(&a, 50000));
	assert_non_null(arena_alloc(&a, 50000));
	arena_reset(&a);
	assert_int_equal(a.held, 1024);
	assert_int_equal(a.used, 0);
	again = arena_alloc(&a, 16);
	assert_ptr_equal(first, again);   /* memory is reused, not re-malloc'ed */
	arena_free(&a);
}

static void
test_reset_makes_limit_available_again(void **state)
{
	struct arena a;
	int i;

	assert_int_equal(arena_init(&a, 1024, 8192), 0);
	for (i = 0; i < 100; i++) {
		assert_non_null(arena_alloc(&a, 6000));
		arena_reset(&a);
	}
	arena_free(&a);
}

static void
test_strndup_and_printf(void **state)
{
	struct arena a;

	assert_int_equal(arena_init(&a, 64, 1 << 20), 0);
	assert_string_equal(arena_strndup(&a, "wijkzicht", 4), "wijk");
	assert_string_equal(arena_printf(&a, "%s-%d", "H", 1), "H-1");
	arena_free(&a);
}

static void
test_buf_grows_and_escapes(void **state)
{
	struct arena a;
	struct buf b;
	int i;

	assert_int_equal(arena_init(&a, 256, 1 << 20), 0);
	buf_init(&b, &a);
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "ab");
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.data), 2000);
	buf_init(&b, &a);
	buf_html_escape(&b, "<a href=\"x\">'&'</a>", 19);
	assert_string_equal(b.data,
	    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	arena_free(&a);
}

static void
test_buf_marks_failure_when_arena_full(void **state)
{
	struct arena a;
	struct buf b;
	char chunk[1000];

	memset(chunk, 'x', sizeof(chunk));
	assert_int_equal(arena_init(&a, 256, 4096), 0);
	buf_init(&b, &a);
	while (!b.failed && b.len < 100000)
		buf_append(&b, chunk, sizeof(chunk));
	assert_true(b.failed);
	assert_true(b.len < 4096);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_is_aligned),
		cmocka_unit_test(test_large_alloc_gets_own_block),
		cmocka_unit_test(test_alloc_refuses_past_limit),
		cmocka_unit_test(test_reset_keeps_only_first_block),
		cmocka_unit_test(test_reset_makes_limit_available_again),
		cmocka_unit_test(test_strndup_and_printf),
		cmocka_unit_test(test_buf_grows_and_escapes),
		cmocka_unit_test(test_buf_marks_failure_when_arena_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
