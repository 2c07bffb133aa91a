/*
 * xlsx.h — writing spreadsheets (Office Open XML, .xlsx) for downloads: a
 * thin wrapper over libxlsxwriter that knows only "a sheet is a header
 * row and then rows of cells".
 *
 * Memory: the workbook is written in libxlsxwriter's constant-memory mode,
 * so each row goes to a temporary file (in tmpdir) as soon as the next one
 * starts, and the process holds one row at a time whatever the number of
 * rows. The consequence is that rows are written strictly in order, one
 * sheet after the other: a sheet, once left, cannot be written again.
 * Strings are stored inline in the sheet (no shared-string table).
 *
 * Cells: text, numbers and dates. A date is a real Excel date (a serial
 * day number with the format dd-mm-jjjj), so a spreadsheet sorts and
 * filters it as a date. Text is written as text, never as a formula, so
 * the CSV formula guard (csv.h) is not needed here. Control characters
 * other than TAB, LF and CR (which XML 1.0 cannot hold) become spaces;
 * text longer than Excel's 32,767 characters is cut at a character
 * boundary.
 *
 * Nothing here allocates from a request arena: the struct and its buffers
 * are malloc'ed by xlsx_open and freed by xlsx_close. Errors are reported
 * as -1; the file is complete and valid only when xlsx_close returned 0.
 */
#ifndef WZ_XLSX_H
#define WZ_XLSX_H

#include <stddef.h>

/* Excel's limits: rows per sheet (header included), characters per cell. */
#define XLSX_MAX_ROWS	1048576L
#define XLSX_MAX_TEXT	32767

enum xlsx_soort {
	XLSX_LEEG = 0,   /* an empty cell (also for NULL text) */
	XLSX_TEKST,      /* tekst, UTF-8 */
	XLSX_GETAL,      /* getal */
	XLSX_DATUM,      /* tekst "YYYY-MM-DD"; written as text when it is
			  * not a date Excel can hold (1900-03-01 on) */
};

struct xlsx_cel {
	enum xlsx_soort  soort;
	const char      *tekst;
	double           getal;
};

struct xlsx;

/*
 * Starts a workbook that xlsx_close will write to path; tmpdir holds the
 * temporary row files meanwhile (NULL: the system's). Returns NULL when
 * out of memory.
 */
struct xlsx	*xlsx_open(const char *path, const char *tmpdir);

/*
 * Starts a new sheet called naam (at most 31 characters, none of []:*?/\)
 * with its header row (bold, frozen) of nkol columns; breedte (may be
 * NULL) gives each column's width in characters. Returns 0 or -1.
 */
int	xlsx_blad(struct xlsx *, const char *naam, const char *const *kop,
	    const double *breedte, size_t nkol);

/* Appends a row of n cells to the current sheet. Returns 0, or -1 on a
 * write error or when the sheet is full (XLSX_MAX_ROWS). */
int	xlsx_rij(struct xlsx *, const struct xlsx_cel *cellen, size_t n);

/* The data rows written to the current sheet so far (header excluded). */
long	xlsx_rijen(const struct xlsx *);

/*
 * Writes the file and frees everything, also after an error (the file is
 * then not to be used). Returns 0 when the file is complete, else -1.
 */
int	xlsx_close(struct xlsx *);

/* The Excel serial day number of "YYYY-MM-DD" (1900 date system), or -1
 * when s is not such a date from 1900-03-01 to 9999-12-31. */
long	xlsx_datum_serieel(const char *s);

#endif
