/*
 * fout.h — the error text of the template engine, shared by its parser
 * (tmpl.c) and its directory loader (map.c). Internal to tmpl/.
 */
#ifndef WZ_TMPL_FOUT_H
#define WZ_TMPL_FOUT_H

#include <stddef.h>

/*
 * Writes "file:line: message" into err (which may be NULL or of size 0)
 * and returns -1, so parse errors can be `return tmpl_fout(...)`. Line 0
 * means the error has no line (a directory that cannot be read).
 */
int	tmpl_fout(char *err, size_t errlen, const char *file, int line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
