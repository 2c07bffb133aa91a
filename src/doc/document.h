/*
 * document.h — a document as data, built once and handed to every
 * renderer: the PDF of a verantwoordingspakket, its XLSX, an HTML view.
 * Rapportages, verslagen and veranderingen are all built through this one
 * API, so the three formats of one document cannot drift apart.
 *
 * A document is a title and a list of blocks, kept in the order they were
 * added: headings (niveau 1..3), paragraphs, tables (a title, column
 * headings, rows of cells) and figures (an SVG from src/chart/ with a text
 * alternative). Nothing here knows how a block looks; a renderer walks the
 * blocks with the accessors below and draws what it can.
 *
 * Memory: everything lives in the caller's arena. Every string passed in
 * is copied, so the caller may reuse its buffers at once; the document and
 * every pointer an accessor returns live until the arena is reset.
 *
 * Errors: a call that is refused (a bad argument, or the arena is full)
 * returns -1 or NULL and marks the document failed, like struct buf:
 * every later call is refused too and renderers refuse to write it, so a
 * document with a part missing is never delivered, even when one return
 * value went unchecked. Nothing here aborts.
 */
#ifndef WZ_DOCUMENT_H
#define WZ_DOCUMENT_H

#include <stddef.h>

struct arena;
struct doc;
struct doc_blok;
struct doc_tabel;
struct doc_rij;

/* Most columns in one table: more fit no printed page (Excel's own limit
 * is 16,384). */
#define DOC_MAX_KOL	256

enum doc_bloksoort {
	DOC_KOP = 1,    /* a heading: niveau and tekst */
	DOC_ALINEA,     /* a paragraph: tekst */
	DOC_TABEL,      /* a table: doc_als_tabel() */
	DOC_FIGUUR,     /* a figure: titel, svg, bijschrift */
};

/*
 * A cell, with the meaning of enum xlsx_soort (doc/xlsx.h), so that the
 * XLSX renderer is a plain mapping. DOC_DATUM holds "YYYY-MM-DD"; a
 * renderer that knows dates writes it as a date, any other text as text.
 * A value that is missing is DOC_LEEG, never a NaN: doc_rij() refuses a
 * getal that is not finite.
 */
enum doc_celsoort {
	DOC_LEEG = 0,   /* empty (also DOC_TEKST or DOC_DATUM with NULL) */
	DOC_TEKST,      /* tekst, UTF-8 */
	DOC_GETAL,      /* getal */
	DOC_DATUM,      /* tekst "YYYY-MM-DD" */
};

struct doc_cel {
	enum doc_celsoort  soort;
	const char        *tekst;
	double             getal;
};

/* ------------------------------------------------------------ building */

/* A new, empty document called titel (not empty) in arena a. NULL when a
 * or titel is missing, or when out of memory. */
struct doc	*doc_nieuw(struct arena *a, const char *titel);

/* Appends a heading of niveau 1..3 (1 is a chapter; the document title
 * is above all of them). tekst must not be empty. Returns 0 or -1. */
int	doc_kop(struct doc *, int niveau, const char *tekst);

/* Appends a paragraph of plain text (no markup; a renderer escapes it).
 * Returns 0 or -1. */
int	doc_alinea(struct doc *, const char *tekst);

/*
 * Appends a table called titel (not empty) with nkol columns
 * (1..DOC_MAX_KOL), headed by kop[0..nkol-1] (none NULL). Returns the
 * table, to which doc_rij() adds rows (also after later blocks were
 * added), or NULL.
 */
struct doc_tabel *doc_tabel(struct doc *, const char *titel, size_t nkol,
	    const char *const *kop);

/* Appends a row of n cells; n must equal the table's nkol, and each cell
 * be of a known soort with a finite getal. The cells and their text are
 * copied. Returns 0, or -1 (no row was added). */
int	doc_rij(struct doc_tabel *, const struct doc_cel *cellen, size_t n);

/*
 * Appends a figure: titel (not empty), the SVG text of the drawing and
 * bijschrift, its text alternative (not empty: WCAG 1.1.1), which
 * renderers also print as the caption. The SVG must come from src/chart/,
 * never from input: the HTML renderer writes it unescaped (the one raw
 * output DESIGN.md allows); it must start with "<svg". A figure's numbers
 * belong in a table as well — put a doc_tabel() beside it, as the pages
 * put a data table beside every chart. Returns 0 or -1.
 */
int	doc_figuur(struct doc *, const char *titel, const char *svg,
	    const char *bijschrift);

/* ------------------------------------------------------------ reading */

/* Whether a call on the document was refused: renderers then refuse it. */
int	doc_mislukt(const struct doc *);

const char	*doc_titel(const struct doc *);
size_t	doc_blokken(const struct doc *);     /* blocks, of any kind */
size_t	doc_tabellen(const struct doc *);    /* blocks that are tables */

/* The first block, and the one after b; NULL at the end. */
const struct doc_blok	*doc_eerste(const struct doc *);
const struct doc_blok	*doc_volgende(const struct doc_blok *b);

enum doc_bloksoort	doc_soort(const struct doc_blok *);
/* DOC_KOP: 1..3; 0 for any other block. */
int	doc_niveau(const struct doc_blok *);
/* DOC_KOP and DOC_ALINEA: the text; DOC_TABEL and DOC_FIGUUR: the title. */
const char	*doc_tekst(const struct doc_blok *);
/* DOC_FIGUUR: the SVG and the text alternative; NULL for other blocks. */
const char	*doc_svg(const struct doc_blok *);
const char	*doc_bijschrift(const struct doc_blok *);

/* DOC_TABEL: the table; NULL for other blocks. */
const struct doc_tabel	*doc_als_tabel(const struct doc_blok *);
const char	*doc_tabel_titel(const struct doc_tabel *);
size_t	doc_kolommen(const struct doc_tabel *);
/* The heading of column k (< doc_kolommen), or NULL. */
const char	*doc_kolomkop(const struct doc_tabel *, size_t k);
size_t	doc_rijen(const struct doc_tabel *);

/* The first row, and the one after r; NULL at the end. */
const struct doc_rij	*doc_eerste_rij(const struct doc_tabel *);
const struct doc_rij	*doc_volgende_rij(const struct doc_rij *r);
/* The row's cells: always doc_kolommen() of them. */
const struct doc_cel	*doc_cellen(const struct doc_rij *);

/* ------------------------------------------------------------ renderers */

/*
 * Writes the document's tables to path as a spreadsheet, one sheet per
 * table in document order, through doc/xlsx.h (tmpdir: its temporary row
 * files; NULL for the system's). Headings, paragraphs and figures are
 * left out: a spreadsheet holds the numbers, and a figure's numbers are in
 * the table beside it.
 *
 * A sheet is named after its table's title as Excel allows: the
 * characters []:*?/\ and control characters are dropped, as are
 * apostrophes and spaces at either end; the name is cut to 31 characters
 * (characters, not bytes: a UTF-8 character is never split); an empty
 * name becomes "Tabel n"; a name already used (Excel compares without
 * case) gets " (2)", " (3)", ... within the 31.
 *
 * Returns 0 when the file is complete; -1 for a failed document, one
 * without tables (the caller offers no XLSX for it: see doc_tabellen()),
 * or a write error, after which the file at path is not to be used.
 */
int	doc_naar_xlsx(const struct doc *, const char *path, const char *tmpdir);

/* The sheet name doc_naar_xlsx() gives a table called titel before it is
 * made unique (out: up to 31 characters of up to 4 bytes, and a NUL);
 * empty when nothing of titel is left. Exposed for the tests. */
#define DOC_BLADNAAM	(31 * 4 + 1)
void	doc_bladnaam(const char *titel, char out[DOC_BLADNAAM]);

#endif
