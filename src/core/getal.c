/*
 * getal.c — strict whole numbers; see getal.h.
 */
#include "config.h"

#include <string.h>

#include "core/getal.h"
#include "core/limits.h"

int
getal_lees(const char *s, size_t n, int64_t min, int64_t max, int64_t *out)
{
	int64_t v = 0;
	size_t i;

	if (s == NULL || n == 0 || n > GETAL_MAX_CIJFERS)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
getal_lees_str(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return s == NULL ? -1 : getal_lees(s, strlen(s), min, max, out);
}

int64_t
getal_id(const char *s, size_t n)
{
	int64_t v;

	if (s == NULL || n == 0 || s[0] == '0' ||
	    getal_lees(s, n, 1, WZ_MAX_ID, &v) != 0)
		return 0;
	return v;
}

int
getal_bedrag(const char *s, size_t n, int64_t max_euro, int64_t *cent)
{
	int64_t euro, frac = 0;
	size_t i = 0, nd;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (getal_lees(s, i, 0, max_euro - 1, &euro) != 0)
		return -1;
	if (i < n) {
		nd = n - i - 1;
		if ((s[i] != '.' && s[i] != ',') || nd < 1 || nd > 2 ||
		    getal_lees(s + i + 1, nd, 0, 99, &frac) != 0)
			return -1;
		if (nd == 1)
			frac *= 10;
	}
	*cent = euro * 100 + frac;
	return 0;
}

char *
getal_schrijf(int64_t v, int schaal, char komma, char duizend,
    char out[GETAL_TEKST_MAX])
{
	char cijfers[24];
	uint64_t a = v < 0 ? 0ULL - (uint64_t)v : (uint64_t)v;
	size_t n = 0, heel, i, k = 0;
	int dec = 0, s;

	for (s = schaal; s >= 10 && s % 10 == 0 && dec < 6; s /= 10)
		dec++;
	if (s != 1)
		dec = 0;
	/* The digits backwards, at least one before the decimals. */
	do {
		cijfers[n++] = (char)('0' + a % 10);
		a /= 10;
	} while (a > 0 || n < (size_t)dec + 1);
	heel = n - (size_t)dec;
	if (v < 0)
		out[k++] = '-';
	for (i = 0; i < heel; i++) {
		if (duizend != 0 && i > 0 && (heel - i) % 3 == 0)
			out[k++] = duizend;
		out[k++] = cijfers[n - 1 - i];
	}
	if (dec > 0) {
		out[k++] = komma;
		for (i = heel; i < n; i++)
			out[k++] = cijfers[n - 1 - i];
	}
	out[k] = '\0';
	return out;
}
