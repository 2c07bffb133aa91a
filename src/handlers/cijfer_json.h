/*
 * cijfer_json.h — figures and targets as the API writes them.
 */
#ifndef WZ_HANDLERS_CIJFER_JSON_H
#define WZ_HANDLERS_CIJFER_JSON_H

#include <stdint.h>

struct json_object;
struct sw_cel;

/* A value in units of 1/schaal as an exact JSON number (tenths with one
 * decimal; no binary rounding in the text). */
struct json_object	*cijfer_getal_json(int64_t v, int schaal);

/* The target that applies to a cell as shown there (see cijfers.c), or
 * NULL (JSON null) without one. */
struct json_object	*streefwaarde_cel_json(const struct sw_cel *c);

/* A stored DECIMAL(18,4) ("12.5000") as a JSON number written exactly, in
 * its shortest form (12.5); NULL (JSON null) for NULL or a malformed one. */
struct json_object	*decimaal_json(const char *s);

/* An id as a JSON number, 0 or less as null. */
struct json_object	*id_of_null(int64_t id);

#endif
