/*
 * doc_xlsx.c — a document's tables as a spreadsheet; see doc_naar_xlsx()
 * in document.h.
 *
 * A renderer, nothing more: it reads the document through its accessors
 * and writes through doc/xlsx.h, which owns every detail of the file
 * format (cells, dates, Excel's limits). This file only decides sheet
 * names and column widths. It must never write a sheet of its own or
 * call libxlsxwriter directly.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/document.h"
#include "doc/xlsx.h"

#define BLAD_TEKENS	31                      /* Excel's longest name */
#define BLAD_BYTES	DOC_BLADNAAM

/* Column widths in characters: what is read without widening by hand. */
#define BREEDTE_MIN	8
#define BREEDTE_MAX	60
#define BREEDTE_GETAL	12

/* Whether byte c starts a character (is not a UTF-8 continuation). */
#define LEIDEND(c)	(((unsigned char)(c) & 0xc0) != 0x80)

/* Characters of UTF-8 text s. */
static size_t
tekens(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += LEIDEND(*s);
	return n;
}

/* Cuts s (in place) after its first max characters. */
static void
knip(char *s, size_t max)
{
	size_t i, n = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (LEIDEND(s[i]) && n++ == max)
			break;
	s[i] = '\0';
}

void
doc_bladnaam(const char *titel, char out[BLAD_BYTES])
{
	size_t n = 0, k = 0;
	unsigned char c;

	/* Excel refuses []:*?/\ in a name and an apostrophe at either end;
	 * XML cannot hold control characters. Spaces at the ends are dropped
	 * too, so that a title of spaces counts as empty. */
	for (; titel != NULL && *titel != '\0'; titel++) {
		c = (unsigned char)*titel;
		if (c < 0x20 || c == 0x7f || strchr("[]:*?/\\", c) != NULL)
			continue;
		if (n == 0 && (c == '\'' || c == ' '))
			continue;
		if (LEIDEND(c) && k++ == BLAD_TEKENS)
			break;
		out[n++] = (char)c;
	}
	while (n > 0 && (out[n - 1] == '\'' || out[n - 1] == ' '))
		n--;
	out[n] = '\0';
}

/* The byte of a letter for a comparison without case: ASCII, and the
 * Latin-1 capitals (À..Þ, UTF-8 C3 80..9E but ×) as their small forms. */
static unsigned char
vouw(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && c >= 0x80 &&
	    c <= 0x9e && c != 0x97)
		return c + 0x20;
	return c;
}

/* Whether a and b name the same sheet for Excel. */
static int
zelfde_naam(const char *a, const char *b)
{
	size_t i;

	for (i = 0; vouw(a, i) == vouw(b, i); i++)
		if (a[i] == '\0')
			return 1;
	return 0;
}

/* Whether kandidaat is taken by one of the n names before it, or is
 * "History", which Excel keeps for itself. */
static int
bezet(const char (*naam)[BLAD_BYTES], size_t n, const char *kandidaat)
{
	size_t i;

	if (zelfde_naam(kandidaat, "history"))
		return 1;
	for (i = 0; i < n; i++)
		if (zelfde_naam(naam[i], kandidaat))
			return 1;
	return 0;
}

/*
 * Names table nr (0-based) called titel into naam[nr], unique among
 * naam[0..nr-1]. The O(n^2) search is fine: a document has tens of
 * tables, not thousands.
 */
static void
blad_naam(char (*naam)[BLAD_BYTES], size_t nr, const char *titel)
{
	char basis[BLAD_BYTES], achter[32];
	unsigned long volg;

	doc_bladnaam(titel, basis);
	if (basis[0] == '\0')
		snprintf(basis, sizeof(basis), "Tabel %zu", nr + 1);
	memcpy(naam[nr], basis, sizeof(basis));
	for (volg = 2; bezet((const char (*)[BLAD_BYTES])naam, nr, naam[nr]);
	    volg++) {
		snprintf(achter, sizeof(achter), " (%lu)", volg);
		memcpy(naam[nr], basis, sizeof(basis));
		knip(naam[nr], BLAD_TEKENS - strlen(achter));
		strcat(naam[nr], achter);
	}
}

/* Column widths of t from its headings and text, in characters. */
static void
breedtes(const struct doc_tabel *t, double *breedte)
{
	const struct doc_rij *r;
	const struct doc_cel *c;
	size_t k, nkol = doc_kolommen(t), w;

	for (k = 0; k < nkol; k++)
		breedte[k] = (double)tekens(doc_kolomkop(t, k));
	for (r = doc_eerste_rij(t); r != NULL; r = doc_volgende_rij(r)) {
		c = doc_cellen(r);
		for (k = 0; k < nkol; k++) {
			if (c[k].soort == DOC_GETAL || c[k].soort == DOC_DATUM)
				w = BREEDTE_GETAL;
			else if (c[k].soort == DOC_TEKST && c[k].tekst != NULL)
				w = tekens(c[k].tekst);
			else
				continue;
			if ((double)w > breedte[k])
				breedte[k] = (double)w;
		}
	}
	for (k = 0; k < nkol; k++) {
		breedte[k] += 2;             /* Excel's padding */
		if (breedte[k] < BREEDTE_MIN)
			breedte[k] = BREEDTE_MIN;
		if (breedte[k] > BREEDTE_MAX)
			breedte[k] = BREEDTE_MAX;
	}
}

/* The doc cells of a row as xlsx cells (the same meaning, by design). */
static void
cellen_xlsx(const struct doc_cel *c, size_t n, struct xlsx_cel *out)
{
	size_t k;

	for (k = 0; k < n; k++) {
		switch (c[k].soort) {
		case DOC_TEKST: out[k].soort = XLSX_TEKST; break;
		case DOC_GETAL: out[k].soort = XLSX_GETAL; break;
		case DOC_DATUM: out[k].soort = XLSX_DATUM; break;
		case DOC_LEEG:
		default:        out[k].soort = XLSX_LEEG; break;
		}
		out[k].tekst = c[k].tekst;
		out[k].getal = c[k].getal;
	}
}

int
doc_naar_xlsx(const struct doc *d, const char *path, const char *tmpdir)
{
	const struct doc_blok *b;
	const struct doc_tabel *t;
	const struct doc_rij *r;
	const char *kop[DOC_MAX_KOL];
	double breedte[DOC_MAX_KOL];
	struct xlsx_cel cel[DOC_MAX_KOL];
	char (*naam)[BLAD_BYTES];
	struct xlsx *x;
	size_t nr = 0, k, nkol;
	int rc = -1;

	if (doc_mislukt(d) || path == NULL || doc_tabellen(d) == 0)
		return -1;
	if ((naam = calloc(doc_tabellen(d), sizeof(*naam))) == NULL)
		return -1;
	if ((x = xlsx_open(path, tmpdir)) == NULL)
		goto out;
	for (b = doc_eerste(d); b != NULL; b = doc_volgende(b)) {
		if ((t = doc_als_tabel(b)) == NULL)
			continue;                /* not for a spreadsheet */
		nkol = doc_kolommen(t);
		for (k = 0; k < nkol; k++)
			kop[k] = doc_kolomkop(t, k);
		breedtes(t, breedte);
		blad_naam(naam, nr, doc_tabel_titel(t));
		if (xlsx_blad(x, naam[nr++], kop, breedte, nkol) != 0)
			goto sluit;
		for (r = doc_eerste_rij(t); r != NULL;
		    r = doc_volgende_rij(r)) {
			cellen_xlsx(doc_cellen(r), nkol, cel);
			if (xlsx_rij(x, cel, nkol) != 0)
				goto sluit;
		}
	}
	rc = 0;
sluit:
	/* After a refused sheet or row the workbook is failed: close frees
	 * it and reports -1 whatever rc says. */
	if (xlsx_close(x) != 0)
		rc = -1;
out:
	free(naam);
	return rc;
}
