/*
 * tel.h — how often needle stands in hay (not overlapping): for the tests
 * that count elements in what a writer produced (XML of a sheet, SVG).
 */
#ifndef WZ_TEST_TEL_H
#define WZ_TEST_TEL_H

#include <stddef.h>
#include <string.h>

static inline size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

#endif
