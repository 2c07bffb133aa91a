/*
 * xlsx.c — spreadsheets for downloads over libxlsxwriter; see xlsx.h.
 *
 * Never lets a libxlsxwriter error pass silently: every write is checked
 * and the first failure makes the workbook "failed", after which writes
 * are refused and xlsx_close reports -1.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/datum.h"
#include "doc/xlsx.h"

struct xlsx {
	lxw_workbook          *wb;
	lxw_worksheet         *ws;         /* current sheet, or NULL */
	lxw_format            *kop_fmt;    /* header: bold */
	lxw_format            *datum_fmt;  /* dd-mm-jjjj */
	lxw_workbook_options   opt;
	char                  *tmpdir;     /* owned copy for opt.tmpdir */
	char                  *tekst;      /* XLSX_MAX_TEXT * 4 + 1 bytes */
	long                   rij;        /* next row of the current sheet */
	int                    mislukt;
};

long
xlsx_datum_serieel(const char *s)
{
	long dag;

	/* Excel counts 1900-01-01 as day 1 and, for Lotus' sake, believes in
	 * a 29 February 1900: from 1 March 1900 on, the serial is the number
	 * of days since 1899-12-30. Earlier dates are not offered. */
	if (datum_lees_str(s, 1900, 9999, &dag) != 0 ||
	    dag < datum_dag(1900, 3, 1))
		return -1;
	return dag - datum_dag(1899, 12, 30);
}

struct xlsx *
xlsx_open(const char *path, const char *tmpdir)
{
	struct xlsx *x;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	if ((x->tekst = malloc(XLSX_MAX_TEXT * 4 + 1)) == NULL ||
	    (tmpdir != NULL && (x->tmpdir = strdup(tmpdir)) == NULL))
		goto fail;
	x->opt.constant_memory = LXW_TRUE;
	x->opt.tmpdir = x->tmpdir;
	x->opt.use_zip64 = LXW_FALSE;
	if ((x->wb = workbook_new_opt(path, &x->opt)) == NULL)
		goto fail;
	x->kop_fmt = workbook_add_format(x->wb);
	x->datum_fmt = workbook_add_format(x->wb);
	if (x->kop_fmt == NULL || x->datum_fmt == NULL)
		x->mislukt = 1;
	else {
		format_set_bold(x->kop_fmt);
		format_set_num_format(x->datum_fmt, "dd-mm-yyyy");
	}
	return x;
fail:
	free(x->tekst);
	free(x->tmpdir);
	free(x);
	return NULL;
}

/*
 * Copies s into x->tekst as Excel can hold it: control characters other
 * than TAB, LF and CR become spaces, and at most XLSX_MAX_TEXT characters
 * are kept (cut before a UTF-8 lead byte, so no character is split).
 */
static const char *
tekst_schoon(struct xlsx *x, const char *s)
{
	size_t i, n = 0;
	long tekens = 0;
	unsigned char c;

	for (i = 0; s[i] != '\0'; i++) {
		c = (unsigned char)s[i];
		if ((c & 0xc0) != 0x80 && ++tekens > XLSX_MAX_TEXT)
			break;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			c = ' ';
		else if (c == 0x7f)
			c = ' ';
		x->tekst[n++] = (char)c;
		if (n == XLSX_MAX_TEXT * 4)
			break;
	}
	x->tekst[n] = '\0';
	return x->tekst;
}

int
xlsx_blad(struct xlsx *x, const char *naam, const char *const *kop,
    const double *breedte, size_t nkol)
{
	size_t c;

	if (x->mislukt || nkol == 0 || nkol > 16384)
		return -1;
	if ((x->ws = workbook_add_worksheet(x->wb, naam)) == NULL) {
		x->mislukt = 1;
		return -1;
	}
	x->rij = 0;
	for (c = 0; c < nkol; c++) {
		if (breedte != NULL && worksheet_set_column(x->ws, (lxw_col_t)c,
		    (lxw_col_t)c, breedte[c], NULL) != LXW_NO_ERROR)
			x->mislukt = 1;
		if (worksheet_write_string(x->ws, 0, (lxw_col_t)c,
		    tekst_schoon(x, kop[c] != NULL ? kop[c] : ""), x->kop_fmt)
		    != LXW_NO_ERROR)
			x->mislukt = 1;
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->rij = 1;
	return x->mislukt ? -1 : 0;
}

int
xlsx_rij(struct xlsx *x, const struct xlsx_cel *cellen, size_t n)
{
	lxw_error e;
	lxw_row_t r;
	lxw_col_t c;
	size_t i;
	long serieel;

	/* A refused row leaves the sheet incomplete: the workbook fails. */
	if (x->mislukt || x->ws == NULL || x->rij >= XLSX_MAX_ROWS || n > 16384) {
		x->mislukt = 1;
		return -1;
	}
	r = (lxw_row_t)x->rij;
	for (i = 0; i < n; i++) {
		c = (lxw_col_t)i;
		e = LXW_NO_ERROR;
		switch (cellen[i].soort) {
		case XLSX_TEKST:
			if (cellen[i].tekst != NULL && cellen[i].tekst[0] != '\0')
				e = worksheet_write_string(x->ws, r, c,
				    tekst_schoon(x, cellen[i].tekst), NULL);
			break;
		case XLSX_GETAL:
			e = worksheet_write_number(x->ws, r, c, cellen[i].getal, NULL);
			break;
		case XLSX_DATUM:
			if (cellen[i].tekst == NULL)
				break;
			if ((serieel = xlsx_datum_serieel(cellen[i].tekst)) > 0)
				e = worksheet_write_number(x->ws, r, c,
				    (double)serieel, x->datum_fmt);
			else if (cellen[i].tekst[0] != '\0')
				e = worksheet_write_string(x->ws, r, c,
				    tekst_schoon(x, cellen[i].tekst), NULL);
			break;
		case XLSX_LEEG:
		default:
			break;
		}
		if (e != LXW_NO_ERROR) {
			x->mislukt = 1;
			return -1;
		}
	}
	x->rij++;
	return 0;
}

long
xlsx_rijen(const struct xlsx *x)
{
	return x->rij > 0 ? x->rij - 1 : 0;
}

int
xlsx_close(struct xlsx *x)
{
	int rc;

	if (x == NULL)
		return -1;
	/* workbook_close also frees the workbook when writing failed. */
	rc = workbook_close(x->wb) == LXW_NO_ERROR && !x->mislukt ? 0 : -1;
	free(x->tekst);
	free(x->tmpdir);
	free(x);
	return rc;
}
