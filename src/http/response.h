/*
 * response.h — building and writing responses.
 *
 * Handlers call exactly one of resp_json, resp_page or resp_problem (the
 * last one also on errors of the front gate). resp_write serializes the
 * FastCGI response: status line, headers, body. Header values are checked
 * for CR/LF here, once, so no handler can split a response.
 *
 * Error pages never echo request data: title and detail are fixed Dutch
 * sentences chosen by the code.
 */
#ifndef WZ_RESPONSE_H
#define WZ_RESPONSE_H

#include <stddef.h>

struct req;
struct json_object;

#define API_VERSION	"1.0.0"

/* Adds a header (name and value are copied into the arena). Returns 0, or
 * -1 for a value with control bytes or when the table is full. */
int	resp_header(struct req *, const char *name, const char *value);

/* Answers status with obj serialized by json-c. Takes ownership of obj. */
void	resp_json(struct req *, int status, struct json_object *obj);

/* Answers a pre-serialized JSON document (e.g. the OpenAPI document). */
void	resp_json_text(struct req *, int status, const char *text, size_t len);

/* 303 See Other to location (a local path): POST/redirect/GET. */
void	resp_redirect(struct req *, const char *location);

/* Renders template `page` inside the layout, with ctx (ownership taken). */
void	resp_page(struct req *, int status, const char *page,
	    struct json_object *ctx);

/*
 * A problem: application/problem+json (RFC 9457) when r->wants_json, a
 * Dutch HTML error page otherwise. detail may be NULL (a default sentence
 * per status). errors (ownership taken, may be NULL) is the per-field list.
 */
void	resp_problem(struct req *, int status, const char *detail,
	    struct json_object *errors);

/*
 * Answers status with the contents of an open file as the body: for
 * downloads too large for the request arena (exports). The body is the
 * first len bytes of fd, read from offset 0 when the response is written;
 * the caller should have unlinked the file already, so nothing remains on
 * disk once fd is closed. Ownership of fd is taken in every case: it is
 * closed by resp_write after sending, or at once when another resp_*
 * answer replaces this one (resp_problem after a late error). Call it as
 * the last answer of a handler; add headers after it with resp_header.
 */
void	resp_file(struct req *, int status, const char *content_type, int fd,
	    size_t len);

/* Dutch reason for a status ("Niet gevonden"); never NULL. */
const char *status_title(int status);

/* Writes the whole response through write(ctx, bytes, len). Returns 0 or
 * -1 when a write failed (the client went away). A resp_file body is read
 * in chunks of RESP_FILE_CHUNK bytes (no arena memory), and its file is
 * closed on return whatever happened. */
#define RESP_FILE_CHUNK	(64 * 1024)
int	resp_write(struct req *, int (*write)(void *ctx, const char *, size_t),
	    void *ctx);

#endif
