/*
 * multipart.h — a streaming multipart/form-data parser (RFC 7578, the body
 * syntax of RFC 2046 section 5.1.1), for file uploads.
 *
 * Two layers:
 *
 *  - struct multipart, the parser proper: pure, no I/O, no allocation. The
 *    caller hands it the unconsumed bytes it holds; mp_next() returns one
 *    event and how many of those bytes it consumed. Part data comes back as
 *    a pointer into the caller's bytes, so a file of any size passes
 *    through without being copied or held. Bytes that might be the start of
 *    a boundary are not consumed until the next call shows what follows.
 *
 *  - struct upload, a pull reader over it: it owns a fixed buffer (from the
 *    arena, MP_BUFFER bytes), reads the raw body through a callback and
 *    returns events until the end. The worker uses it for the routes that
 *    take an upload (ROUTE_BODY_UPLOAD): it reads the small form fields
 *    before the file itself (so the front gate can check the CSRF token as
 *    for any form), attaches the reader to the request, and the handler
 *    reads the file part in chunks.
 *
 * What is refused (MP_ERROR with a reason): a Content-Type without a valid
 * boundary, a body that does not start with a boundary (after at most
 * MP_MAX_PREAMBLE bytes), a part's header block over MP_MAX_HEADER bytes,
 * a part without `Content-Disposition: form-data; name=...`, a name or file
 * name too long or not valid UTF-8, control characters in headers, more
 * than MP_MAX_PARTS parts, and a body that ends before the closing
 * boundary.
 */
#ifndef WZ_MULTIPART_H
#define WZ_MULTIPART_H

#include <stddef.h>

struct arena;

#define MP_MAX_BOUNDARY   70           /* RFC 2046 */
#define MP_MAX_HEADER     8192         /* one part's header block */
#define MP_MAX_PREAMBLE   1024         /* bytes before the first boundary */
#define MP_MAX_PARTS      32
#define MP_MAX_NAME       128          /* field name, bytes */
#define MP_MAX_FILENAME   255          /* file name, bytes */
#define MP_MAX_CTYPE      127          /* a part's Content-Type, bytes */
/* The upload reader's buffer: a header block plus a read. */
#define MP_BUFFER         (MP_MAX_HEADER + 64 * 1024)

enum mp_event {
	MP_NEED_MORE = 0,  /* give the unconsumed bytes again, and more */
	MP_PART,           /* a part begins: see multipart.part */
	MP_DATA,           /* bytes of the current part's body */
	MP_PART_END,       /* the current part is complete */
	MP_DONE,           /* the closing boundary was read */
	MP_ERROR,          /* see multipart.err; every later call repeats it */
};

enum mp_err {
	MP_OK = 0,
	MP_ERR_CONTENT_TYPE,  /* not multipart/form-data with a good boundary */
	MP_ERR_NO_BOUNDARY,   /* the body does not start with the boundary */
	MP_ERR_SYNTAX,        /* junk after a boundary */
	MP_ERR_HEADER_LONG,   /* a header block over MP_MAX_HEADER */
	MP_ERR_HEADER,        /* a malformed header or disposition */
	MP_ERR_TOO_MANY,      /* more than MP_MAX_PARTS parts */
	MP_ERR_TRUNCATED,     /* the body ended inside a part */
	MP_ERR_READ,          /* the upload reader could not read */
};

/* The part being read. Strings are NUL-terminated copies. */
struct mp_part {
	char  name[MP_MAX_NAME + 1];
	char  filename[MP_MAX_FILENAME + 1];  /* without any directory */
	int   is_file;                        /* a filename parameter was sent
					       * (it may be "": no file chosen) */
	char  content_type[MP_MAX_CTYPE + 1]; /* "" when not sent */
};

struct multipart {
	char            delim[4 + MP_MAX_BOUNDARY + 1]; /* "\r\n--" boundary */
	size_t          dlen;
	int             state;
	size_t          skipped;    /* preamble bytes so far */
	size_t          nparts;
	struct mp_part  part;
	enum mp_err     err;
};

/*
 * Reads the boundary parameter of a Content-Type header value ("multipart/
 * form-data; boundary=xyz", quoted or not, parameters in any order). Writes
 * it NUL-terminated into out (MP_MAX_BOUNDARY + 1 bytes). Returns 0, or -1
 * when the media type is not multipart/form-data or the boundary is
 * missing, empty, too long or holds characters RFC 2046 does not allow.
 */
int	mp_boundary(const char *content_type, char out[MP_MAX_BOUNDARY + 1]);

/* Prepares m for a body with this Content-Type. Returns MP_OK or
 * MP_ERR_CONTENT_TYPE. */
enum mp_err	mp_init(struct multipart *m, const char *content_type);

/*
 * The next event in in[0, n). eof: no bytes will follow these. *used
 * (OUT) is how many bytes were consumed; the caller passes the rest again
 * (followed by new bytes) on the next call. For MP_DATA, *data and *len
 * (OUT) point into in. MP_NEED_MORE consumes nothing more when eof is set:
 * it is then MP_ERROR (truncated). The caller's window must be able to hold
 * MP_MAX_HEADER + 2 * (MP_MAX_BOUNDARY + 8) bytes.
 */
enum mp_event	mp_next(struct multipart *m, const char *in, size_t n, int eof,
		    size_t *used, const char **data, size_t *len);

/* A Dutch sentence for an error. Static text, never the input. */
const char	*mp_strerror(enum mp_err);

/* ------------------------------------------------------------------ */

/* Reads up to n raw body bytes into buf: the count, 0 at the end, -1 on
 * an error. */
typedef long	(*mp_read_fn)(void *ctx, char *buf, size_t n);

struct upload {
	struct multipart  mp;
	mp_read_fn        read;
	void             *ctx;
	char             *buf;       /* MP_BUFFER bytes, arena */
	size_t            start, end; /* unconsumed bytes: buf[start, end) */
	int               eof;
	size_t            total;     /* raw bytes read so far */
	int               in_file;   /* the worker stopped at a file part */
	/* Set by the worker when the body could not be read up to the file
	 * (not multipart, malformed, a field too long): the status and the
	 * Dutch detail the handler answers with, after the front gate has
	 * decided on access. 0: no problem. */
	int               fout;
	const char       *fout_tekst;
};

/*
 * Prepares a reader; its buffer comes from the arena. Returns MP_OK,
 * MP_ERR_CONTENT_TYPE, or MP_ERR_READ when out of memory.
 */
enum mp_err	upload_init(struct upload *u, struct arena *a,
		    const char *content_type, mp_read_fn fn, void *ctx);

/*
 * The next event, reading as needed: MP_PART (u->mp.part), MP_DATA
 * (*data, *len: valid until the next call), MP_PART_END, MP_DONE or
 * MP_ERROR (u->mp.err). Never MP_NEED_MORE.
 */
enum mp_event	upload_next(struct upload *u, const char **data, size_t *len);


#endif
