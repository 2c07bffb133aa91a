/*
 * bsn.c — reading, checking (11-proef) and masking a BSN; see bsn.h.
 *
 * The BSN is the most sensitive identifier wijkzicht holds. This file
 * must never print, log or copy it anywhere but the caller's out buffer,
 * and its error texts must never repeat the input. Pure: no I/O.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "domain/bsn.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A separator people type between groups of digits. */
static int
is_separator(char c)
{
	return c == ' ' || c == '.';
}

/*
 * The 11-proef over nine canonical digits: weights 9 down to 2 for the
 * first eight digits and -1 for the last. Returns 1 when the sum is
 * divisible by 11 and the number is not all zeros.
 */
static int
elfproef(const char d[BSN_LEN])
{
	long sum = 0;
	int i, nonzero = 0;

	for (i = 0; i < BSN_LEN - 1; i++) {
		sum += (long)(BSN_LEN - i) * (d[i] - '0');
		nonzero |= d[i] != '0';
	}
	sum -= d[BSN_LEN - 1] - '0';
	nonzero |= d[BSN_LEN - 1] != '0';
	/* sum lies in -9 .. 396; C's % keeps the sign, so test for zero. */
	return nonzero && sum % 11 == 0;
}

int
bsn_parse(const char *in, char out[BSN_LEN + 1])
{
	char d[BSN_LEN];
	size_t i, n = 0;
	int leeg = 1;

	out[0] = '\0';
	if (in == NULL)
		return BSN_LEEG;
	for (i = 0; in[i] != '\0'; i++)
		if (in[i] != ' ')
			leeg = 0;
	if (leeg)
		return BSN_LEEG;

	/*
	 * First the characters, then the length: "12345678a" is wrong because
	 * of the letter, not because it has eight digits. Digits beyond the
	 * ninth are counted but not stored.
	 */
	for (i = 0; in[i] != '\0'; i++) {
		if (is_digit(in[i])) {
			if (n < BSN_LEN)
				d[n] = in[i];
			n++;
		} else if (is_separator(in[i])) {
			/* Only between two digits: not first, not last, not
			 * doubled. */
			if (i == 0 || !is_digit(in[i - 1]) || !is_digit(in[i + 1]))
				return BSN_TEKENS;
		} else
			return BSN_TEKENS;
	}
	if (n != BSN_LEN)
		return BSN_LENGTE;
	if (!elfproef(d))
		return BSN_ELFPROEF;
	memcpy(out, d, BSN_LEN);
	out[BSN_LEN] = '\0';
	return BSN_OK;
}

const char *
bsn_err_text(enum bsn_err e)
{
	switch (e) {
	case BSN_OK:
		return "Het BSN is geldig.";
	case BSN_LEEG:
		return "Vul een BSN in.";
	case BSN_LENGTE:
		return "Een BSN bestaat uit 9 cijfers.";
	case BSN_TEKENS:
		return "Een BSN bestaat alleen uit cijfers, eventueel met een "
		    "spatie of punt tussen de groepen.";
	case BSN_ELFPROEF:
		return "Dit BSN klopt niet (elfproef).";
	}
	return "Dit BSN is niet geldig.";
}

void
bsn_mask(const char bsn[BSN_LEN + 1], char out[BSN_LEN + 1])
{
	/* Shown: the last 4 digits only. Never widen this without a privacy
	 * review: a full BSN in a list is a data leak. */
	enum { SHOWN = 4 };
	int i, ok = bsn != NULL;

	for (i = 0; ok && i < BSN_LEN; i++)
		ok = is_digit(bsn[i]);
	ok = ok && bsn[BSN_LEN] == '\0';

	for (i = 0; i < BSN_LEN; i++)
		out[i] = ok && i >= BSN_LEN - SHOWN ? bsn[i] : '*';
	out[BSN_LEN] = '\0';
}
