/*
 * utf8.h — strict UTF-8 validation, for every text that comes in: request
 * paths and forms, JSON bodies, uploaded names, CSV files.
 */
#ifndef WZ_UTF8_H
#define WZ_UTF8_H

#include <stddef.h>

/*
 * Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF,
 * no truncated sequences. Returns 1 when valid.
 */
int	utf8_valid(const char *s, size_t n);

#endif
