/*
 * json_body.h — parsing of a JSON request body.
 *
 * Strict JSON (json-c's strict mode), valid UTF-8, nested at most
 * WZ_MAX_JSON_DEPTH deep, one value and nothing after it but whitespace.
 */
#ifndef WZ_JSON_BODY_H
#define WZ_JSON_BODY_H

#include <stddef.h>
#include "http/urlenc.h"

struct json_object;

/*
 * Parses n bytes. On success *out is a new json-c object that the caller
 * owns (json_object_put). On error *out is NULL and the return value says
 * why (PARSE_BAD_JSON, PARSE_BAD_UTF8, PARSE_TOO_DEEP, PARSE_TOO_LONG when
 * n > WZ_MAX_BODY).
 */
enum parse_err	json_body_parse(const char *in, size_t n,
		    struct json_object **out);

#endif
