/*
 * fuzz_json_body.c — libFuzzer driver for json_body_parse().
 *
 * Besides crashes and leaks (the object is always put back), it checks the
 * contract: an object exactly when the result is PARSE_OK, and only input
 * that is valid UTF-8 without NUL bytes is ever accepted. A broken promise
 * calls abort(). The driver must free everything it allocates.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/utf8.h"
#include "http/json_body.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_object *o = NULL;
	enum parse_err err;

	err = json_body_parse((const char *)data, size, &o);
	if (err == PARSE_OK) {
		if (o == NULL)
			abort();
		if (memchr(data, '\0', size) != NULL ||
		    !utf8_valid((const char *)data, size))
			abort();
		/* Serialising walks the whole tree; it must not fail. */
		if (json_object_to_json_string(o) == NULL)
			abort();
		json_object_put(o);
	} else if (o != NULL || parse_strerror(err) == NULL)
		abort();
	return 0;
}
