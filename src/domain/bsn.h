/*
 * bsn.h — the burgerservicenummer (BSN): reading it as people type it,
 * checking it with the 11-proef, and masking it for display.
 *
 * A BSN is personal data that identifies one resident across every
 * government system, so wijkzicht treats it as a secret: it is validated
 * here, then stored only encrypted plus a keyed hash (core/seal.h), never
 * put in a URL, a log line or an error message, and never shown in full in
 * a list — bsn_mask() is the only form in which it is displayed.
 *
 * The 11-proef: with the nine digits d1 .. d9 (d1 leftmost),
 *
 *     9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9
 *
 * must be divisible by 11. 000000000 passes that sum but is not a number
 * anyone has, so it is refused as well.
 *
 * Pure: no I/O, no allocation, no HTTP, no SQL.
 */
#ifndef WZ_BSN_H
#define WZ_BSN_H

/* Digits of a BSN; buffers hold BSN_LEN + 1 bytes (NUL-terminated). */
#define BSN_LEN		9

/*
 * Why an input is refused. The values are 0 and negative so that
 * bsn_parse() can return them directly ("0 or a negative code").
 */
enum bsn_err {
	BSN_OK = 0,
	BSN_LEEG = -1,      /* nothing given (NULL, "" or only spaces) */
	BSN_LENGTE = -2,    /* not exactly 9 digits */
	BSN_TEKENS = -3,    /* a character other than a digit, or a space or
			     * dot that is not between two digits */
	BSN_ELFPROEF = -4,  /* fails the 11-proef, or is 000000000 */
};

/*
 * Reads a BSN as typed: exactly nine digits, optionally grouped with a
 * single space or dot between two digits ("123456782", "123 456 782",
 * "1234.56.782"). Nothing else is accepted: no leading or trailing
 * separators, no two separators in a row, no other characters, no
 * 8-digit numbers padded with a zero. Callers that read form fields trim
 * surrounding white space first (veld does).
 *
 * On success writes the canonical nine digits to out (OUT, NUL-terminated)
 * and returns BSN_OK; otherwise returns one of the negative enum bsn_err
 * values and sets out to "" so no partial number lingers.
 */
int		 bsn_parse(const char *in, char out[BSN_LEN + 1]);

/*
 * A Dutch sentence explaining e for the user, e.g. "Dit BSN klopt niet
 * (elfproef).". Static text; never contains the number itself.
 */
const char	*bsn_err_text(enum bsn_err e);

/*
 * Masks a canonical BSN for display: only the last 4 digits are shown,
 * the first 5 become '*' ("*****6782"). Lists, search results, the JSON
 * field bsn_gemaskeerd and audit views use this form and never the full
 * number: four digits help a medewerker confirm they have the right
 * person without disclosing the identifier. If bsn is not nine digits,
 * out is all stars. out (OUT) is NUL-terminated.
 */
void		 bsn_mask(const char bsn[BSN_LEN + 1], char out[BSN_LEN + 1]);

#endif
