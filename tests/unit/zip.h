/*
 * zip.h — a small zip reader for the tests of what writes .xlsx files
 * (test_xlsx.c, test_document.c): the central directory, then each entry, inflated with zlib
 * and checked against its CRC, so a test proves the container is well
 * formed, not only that some bytes were written.
 *
 * Included by test programs only, after <cmocka.h>: a broken zip fails
 * the test that reads it. Everything returned is malloc'ed; the caller
 * frees it.
 */
#ifndef WZ_TEST_ZIP_H
#define WZ_TEST_ZIP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

struct zip {
	unsigned char *data;
	size_t         len;
};

static inline uint32_t
zip_le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t
zip_le32(const unsigned char *p)
{
	return zip_le16(p) | zip_le16(p + 2) << 16;
}

/* Reads the whole file at path into z (z->data to be freed). */
static inline void
zip_load(struct zip *z, const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 22);
	rewind(f);
	z->data = malloc((size_t)n);
	assert_non_null(z->data);
	assert_int_equal(fread(z->data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	z->len = (size_t)n;
}

/*
 * The entry called name, inflated into a NUL-terminated malloc'ed string,
 * or NULL when the central directory has no such entry.
 */
static inline char *
zip_entry(const struct zip *z, const char *name)
{
	size_t eocd, pos, i, nlen = strlen(name);
	uint32_t nentries, method, csize, usize, fnlen, extra, comment, off;
	const unsigned char *lh, *body;
	unsigned char *out;
	z_stream s;

	/* End of central directory: the last PK\5\6 within 64 KiB + 22. */
	for (eocd = z->len - 22;; eocd--) {
		if (zip_le32(z->data + eocd) == 0x06054b50)
			break;
		assert_true(eocd > 0 && z->len - eocd < 65557);
	}
	nentries = zip_le16(z->data + eocd + 10);
	pos = zip_le32(z->data + eocd + 16);
	for (i = 0; i < nentries; i++) {
		assert_true(pos + 46 <= z->len);
		assert_int_equal(zip_le32(z->data + pos), 0x02014b50);
		method = zip_le16(z->data + pos + 10);
		csize = zip_le32(z->data + pos + 20);
		usize = zip_le32(z->data + pos + 24);
		fnlen = zip_le16(z->data + pos + 28);
		extra = zip_le16(z->data + pos + 30);
		comment = zip_le16(z->data + pos + 32);
		off = zip_le32(z->data + pos + 42);
		if (fnlen != nlen || memcmp(z->data + pos + 46, name, nlen) != 0) {
			pos += 46 + fnlen + extra + comment;
			continue;
		}
		lh = z->data + off;
		assert_int_equal(zip_le32(lh), 0x04034b50);
		body = lh + 30 + zip_le16(lh + 26) + zip_le16(lh + 28);
		assert_true(body + csize <= z->data + z->len);
		out = malloc(usize + 1);
		assert_non_null(out);
		if (method == 0) {
			assert_int_equal(csize, usize);
			memcpy(out, body, usize);
		} else {
			assert_int_equal(method, 8);            /* deflate */
			memset(&s, 0, sizeof(s));
			assert_int_equal(inflateInit2(&s, -MAX_WBITS), Z_OK);
			s.next_in = (unsigned char *)(uintptr_t)body;
			s.avail_in = csize;
			s.next_out = out;
			s.avail_out = usize;
			assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
			assert_int_equal(s.total_out, usize);
			assert_int_equal(crc32(0, out, usize),
			    zip_le32(z->data + pos + 16));
			inflateEnd(&s);
		}
		out[usize] = '\0';
		return (char *)out;
	}
	return NULL;
}

/* The entry called name of the zip file at path (see zip_entry). */
static inline char *
zip_file_entry(const char *path, const char *name)
{
	struct zip z;
	char *s;

	zip_load(&z, path);
	s = zip_entry(&z, name);
	free(z.data);
	return s;
}

#endif
