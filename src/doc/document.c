/*
 * document.c — documents as a list of blocks in an arena; see document.h.
 *
 * Blocks and rows are singly linked lists with a tail pointer, so an
 * append is O(1) and nothing is ever copied to grow. This file must never
 * do I/O or know one output format: renderers live beside it
 * (doc_xlsx.c), each reading through the accessors only.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/arena.h"
#include "doc/document.h"

struct doc_rij {
	struct doc_rij  *volgende;
	struct doc_cel   cel[];       /* tabel->nkol of them */
};

struct doc_tabel {
	struct doc      *doc;         /* for the failed flag and the arena */
	const char      *titel;
	const char     **kop;         /* nkol headings */
	size_t           nkol;
	size_t           nrij;
	struct doc_rij  *eerste, *laatste;
};

struct doc_blok {
	struct doc_blok     *volgende;
	enum doc_bloksoort   soort;
	int                  niveau;      /* DOC_KOP */
	const char          *tekst;       /* text, or the title */
	const char          *svg;         /* DOC_FIGUUR */
	const char          *bijschrift;  /* DOC_FIGUUR */
	struct doc_tabel    *tabel;       /* DOC_TABEL */
};

struct doc {
	struct arena     *arena;
	const char       *titel;
	struct doc_blok  *eerste, *laatste;
	size_t            nblok;
	size_t            ntabel;
	int               mislukt;
};

/* Marks d failed and returns -1: every refusal goes through here. */
static int
weiger(struct doc *d)
{
	d->mislukt = 1;
	return -1;
}

static int
leeg(const char *s)
{
	return s == NULL || s[0] == '\0';
}

struct doc *
doc_nieuw(struct arena *a, const char *titel)
{
	struct doc *d;

	if (a == NULL || leeg(titel) ||
	    (d = arena_calloc(a, 1, sizeof(*d))) == NULL)
		return NULL;
	d->arena = a;
	if ((d->titel = arena_strdup(a, titel)) == NULL)
		return NULL;
	return d;
}

/* A new block of soort appended to d, or NULL (d failed). */
static struct doc_blok *
blok(struct doc *d, enum doc_bloksoort soort)
{
	struct doc_blok *b;

	if (d->mislukt || (b = arena_calloc(d->arena, 1, sizeof(*b))) == NULL) {
		weiger(d);
		return NULL;
	}
	b->soort = soort;
	if (d->laatste != NULL)
		d->laatste->volgende = b;
	else
		d->eerste = b;
	d->laatste = b;
	d->nblok++;
	return b;
}

/*
 * The copies of the strings a block needs are made before the block is
 * linked in, so a refused call leaves the list as it was. An arena that
 * ran out meanwhile keeps what was copied until reset; the document is
 * failed anyway.
 */
int
doc_kop(struct doc *d, int niveau, const char *tekst)
{
	struct doc_blok *b;
	char *t;

	if (d == NULL)
		return -1;
	if (d->mislukt || niveau < 1 || niveau > 3 || leeg(tekst) ||
	    (t = arena_strdup(d->arena, tekst)) == NULL ||
	    (b = blok(d, DOC_KOP)) == NULL)
		return weiger(d);
	b->niveau = niveau;
	b->tekst = t;
	return 0;
}

int
doc_alinea(struct doc *d, const char *tekst)
{
	struct doc_blok *b;
	char *t;

	if (d == NULL)
		return -1;
	if (d->mislukt || tekst == NULL ||
	    (t = arena_strdup(d->arena, tekst)) == NULL ||
	    (b = blok(d, DOC_ALINEA)) == NULL)
		return weiger(d);
	b->tekst = t;
	return 0;
}

struct doc_tabel *
doc_tabel(struct doc *d, const char *titel, size_t nkol,
    const char *const *kop)
{
	struct doc_tabel *t;
	struct doc_blok *b;
	size_t k;

	if (d == NULL)
		return NULL;
	if (d->mislukt || leeg(titel) || nkol == 0 || nkol > DOC_MAX_KOL ||
	    kop == NULL)
		goto fail;
	for (k = 0; k < nkol; k++)
		if (kop[k] == NULL)
			goto fail;
	if ((t = arena_calloc(d->arena, 1, sizeof(*t))) == NULL ||
	    (t->kop = arena_calloc(d->arena, nkol, sizeof(*t->kop))) == NULL ||
	    (t->titel = arena_strdup(d->arena, titel)) == NULL)
		goto fail;
	for (k = 0; k < nkol; k++)
		if ((t->kop[k] = arena_strdup(d->arena, kop[k])) == NULL)
			goto fail;
	t->doc = d;
	t->nkol = nkol;
	if ((b = blok(d, DOC_TABEL)) == NULL)
		return NULL;
	b->tekst = t->titel;
	b->tabel = t;
	d->ntabel++;
	return t;
fail:
	weiger(d);
	return NULL;
}

int
doc_rij(struct doc_tabel *t, const struct doc_cel *cellen, size_t n)
{
	struct doc_rij *r;
	struct doc *d;
	size_t i;

	if (t == NULL)
		return -1;
	d = t->doc;
	if (d->mislukt || cellen == NULL || n != t->nkol)
		return weiger(d);
	for (i = 0; i < n; i++) {
		switch (cellen[i].soort) {
		case DOC_LEEG:
		case DOC_TEKST:
		case DOC_DATUM:
			break;
		case DOC_GETAL:
			if (!isfinite(cellen[i].getal))
				return weiger(d);
			break;
		default:
			return weiger(d);
		}
	}
	if ((r = arena_alloc(d->arena, sizeof(*r) + n * sizeof(r->cel[0]))) ==
	    NULL)
		return weiger(d);
	r->volgende = NULL;
	for (i = 0; i < n; i++) {
		r->cel[i] = cellen[i];
		/* Only text that is read is kept: a number carries none. */
		if (cellen[i].soort == DOC_TEKST ||
		    cellen[i].soort == DOC_DATUM) {
			if (cellen[i].tekst != NULL && (r->cel[i].tekst =
			    arena_strdup(d->arena, cellen[i].tekst)) == NULL)
				return weiger(d);
		} else
			r->cel[i].tekst = NULL;
		if (cellen[i].soort != DOC_GETAL)
			r->cel[i].getal = 0;
	}
	if (t->laatste != NULL)
		t->laatste->volgende = r;
	else
		t->eerste = r;
	t->laatste = r;
	t->nrij++;
	return 0;
}

int
doc_figuur(struct doc *d, const char *titel, const char *svg,
    const char *bijschrift)
{
	struct doc_blok *b;
	char *ti, *sv, *bi;

	if (d == NULL)
		return -1;
	if (d->mislukt || leeg(titel) || leeg(bijschrift) || svg == NULL ||
	    strncmp(svg, "<svg", 4) != 0 ||
	    (ti = arena_strdup(d->arena, titel)) == NULL ||
	    (sv = arena_strdup(d->arena, svg)) == NULL ||
	    (bi = arena_strdup(d->arena, bijschrift)) == NULL ||
	    (b = blok(d, DOC_FIGUUR)) == NULL)
		return weiger(d);
	b->tekst = ti;
	b->svg = sv;
	b->bijschrift = bi;
	return 0;
}

/* ------------------------------------------------------------ reading */

int
doc_mislukt(const struct doc *d)
{
	return d == NULL || d->mislukt;
}

const char *
doc_titel(const struct doc *d)
{
	return d->titel;
}

size_t
doc_blokken(const struct doc *d)
{
	return d->nblok;
}

size_t
doc_tabellen(const struct doc *d)
{
	return d->ntabel;
}

const struct doc_blok *
doc_eerste(const struct doc *d)
{
	return d->eerste;
}

const struct doc_blok *
doc_volgende(const struct doc_blok *b)
{
	return b->volgende;
}

enum doc_bloksoort
doc_soort(const struct doc_blok *b)
{
	return b->soort;
}

int
doc_niveau(const struct doc_blok *b)
{
	return b->niveau;
}

const char *
doc_tekst(const struct doc_blok *b)
{
	return b->tekst;
}

const char *
doc_svg(const struct doc_blok *b)
{
	return b->svg;
}

const char *
doc_bijschrift(const struct doc_blok *b)
{
	return b->bijschrift;
}

const struct doc_tabel *
doc_als_tabel(const struct doc_blok *b)
{
	return b->tabel;
}

const char *
doc_tabel_titel(const struct doc_tabel *t)
{
	return t->titel;
}

size_t
doc_kolommen(const struct doc_tabel *t)
{
	return t->nkol;
}

const char *
doc_kolomkop(const struct doc_tabel *t, size_t k)
{
	return k < t->nkol ? t->kop[k] : NULL;
}

size_t
doc_rijen(const struct doc_tabel *t)
{
	return t->nrij;
}

const struct doc_rij *
doc_eerste_rij(const struct doc_tabel *t)
{
	return t->eerste;
}

const struct doc_rij *
doc_volgende_rij(const struct doc_rij *r)
{
	return r->volgende;
}

const struct doc_cel *
doc_cellen(const struct doc_rij *r)
{
	return r->cel;
}
