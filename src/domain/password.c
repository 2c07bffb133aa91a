/*
 * password.c — the password rules of issue 3; see password.h.
 *
 * Decides whether a proposed password is acceptable and says why not.
 * It must never log, store or echo a password, never touch the database
 * or HTTP, and never read a file except in password_list_load(), which
 * the worker calls once at start-up. Passwords are only ever copied to
 * the stack, never to the heap, so no freed block keeps one around.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/password.h"

/* At most four bytes per code point, so this holds any accepted password. */
#define PASSWORD_MAX_BYTES	(PASSWORD_MAX_CHARS * 4)

struct password_list {
	char	 *text;		/* file contents, NUL-separated; owned */
	char	**entries;	/* sorted, distinct, case-folded; point into text */
	size_t	  n;		/* number of entries */
};

#if defined(__GNUC__)
static void	set_err(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
#endif

/* Write a reason to the caller's buffer, if it gave one. */
static void
set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * Case-fold one byte, given the byte before it. ASCII A..Z, and the
 * Latin-1 capitals U+00C0..U+00DE except × (U+00D7), whose UTF-8 form is
 * C3 80..C3 9E and whose lower case is C3 A0..C3 BE. Full Unicode case
 * folding needs tables this module should not carry; these two ranges
 * cover the list (plain ASCII) and Dutch names (É, Ë, Ï ...). Folding
 * never changes the length, so folded strings compare byte for byte.
 */
static unsigned char
fold_byte(unsigned char prev, unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c + ('a' - 'A'));
	if (prev == 0xc3 && c >= 0x80 && c <= 0x9e && c != 0x97)
		return (unsigned char)(c + 0x20);
	return c;
}

/* Case-fold a NUL-terminated string in place. */
static void
fold(char *s)
{
	unsigned char prev = 0, c;

	/* prev is the byte before folding; 0xc3 is never produced by it. */
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		*s = (char)fold_byte(prev, c);
		prev = c;
	}
}

/*
 * Whether username equals the already folded password of len bytes,
 * ignoring case. Compares in place so no copy of the username is made.
 */
static int
same_as_username(const char *folded, size_t len, const char *username)
{
	unsigned char prev = 0, c;
	size_t i;

	if (strlen(username) != len)
		return 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)username[i];
		if (fold_byte(prev, c) != (unsigned char)folded[i])
			return 0;
		prev = c;
	}
	return 1;
}

/*
 * Decode one code point of strict UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF) at s[*i], advancing *i (IN/OUT).
 * Returns 0 and the code point in *cp (OUT), or -1 if the bytes are not
 * valid UTF-8. s is NUL-terminated, and NUL is not a continuation byte,
 * so a truncated sequence fails before reading past the end.
 */
static int
utf8_next(const unsigned char *s, size_t *i, uint32_t *cp)
{
	uint32_t c = s[*i], min;
	size_t k, more;

	if (c < 0x80) {
		*cp = c;
		*i += 1;
		return 0;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		more = 1;
		min = 0x80;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		more = 2;
		min = 0x800;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		more = 3;
		min = 0x10000;
		c &= 0x07;
	} else
		return -1;	/* continuation byte, C0/C1 or F5..FF lead */
	for (k = 1; k <= more; k++) {
		if ((s[*i + k] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[*i + k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	*i += more + 1;
	return 0;
}

/*
 * Walk the whole password once: validate the encoding, refuse control
 * characters and count code points into *chars (OUT). C1 controls
 * (U+0080..U+009F) are refused too: they are invisible, cannot be typed
 * and only arrive through a mangled paste.
 */
static enum password_problem
scan(const char *password, size_t *chars)
{
	const unsigned char *s = (const unsigned char *)password;
	size_t i = 0, n = 0;
	uint32_t cp;

	while (s[i] != '\0') {
		if (utf8_next(s, &i, &cp) == -1)
			return PW_NOT_UTF8;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return PW_CONTROL_CHARS;
		n++;
	}
	*chars = n;
	return PW_OK;
}

/* qsort/bsearch comparator over an array of char *. */
static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the folded password is in the list. */
static int
list_contains(const struct password_list *list, const char *folded)
{
	/* bsearch wants a non-null base even for zero elements. */
	if (list->n == 0)
		return 0;
	return bsearch(&folded, list->entries, list->n, sizeof(*list->entries),
	    entry_cmp) != NULL;
}

/*
 * Read at most PASSWORD_LIST_MAX_BYTES of path into a new NUL-terminated
 * buffer owned by the caller; *len (OUT) is its length. NULL on failure,
 * with the reason in err.
 */
static char *
read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f;
	char *buf = NULL;
	size_t got;

	if ((f = fopen(path, "rb")) == NULL) {
		set_err(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	/* One byte more than allowed, to tell "exactly the limit" from "over". */
	if ((buf = malloc(PASSWORD_LIST_MAX_BYTES + 2)) == NULL) {
		set_err(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	got = fread(buf, 1, PASSWORD_LIST_MAX_BYTES + 1, f);
	if (ferror(f)) {
		set_err(err, errlen, "%s: read error", path);
		goto fail;
	}
	if (got > PASSWORD_LIST_MAX_BYTES) {
		set_err(err, errlen, "%s: larger than %d bytes", path,
		    PASSWORD_LIST_MAX_BYTES);
		goto fail;
	}
	/* A NUL would silently cut an entry short; refuse the file instead. */
	if (memchr(buf, '\0', got) != NULL) {
		set_err(err, errlen, "%s: contains a NUL byte", path);
		goto fail;
	}
	buf[got] = '\0';
	fclose(f);
	*len = got;
	return buf;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

struct password_list *
password_list_load(const char *path, char *err, size_t errlen)
{
	struct password_list *list = NULL;
	char *text, *p, *end, *nl;
	size_t len, count = 0, i, j, n;

	if ((text = read_file(path, &len, err, errlen)) == NULL)
		return NULL;

	/*
	 * First pass: cut the text into NUL-terminated lines in place, drop
	 * a trailing CR, fold case and count the non-empty lines, so the
	 * entry array is sized exactly.
	 */
	end = text + len;
	for (p = text; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;	/* last line without a newline */
		*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (*p != '\0') {
			fold(p);
			count++;
		}
	}

	if ((list = calloc(1, sizeof(*list))) == NULL)
		goto oom;
	list->text = text;
	text = NULL;		/* now owned by list */
	if (count > 0 &&
	    (list->entries = calloc(count, sizeof(*list->entries))) == NULL)
		goto oom;

	/* Second pass: collect the lines; each ends at the NUL set above. */
	n = 0;
	for (p = list->text; p < list->text + len; p += strlen(p) + 1)
		if (*p != '\0')
			list->entries[n++] = p;

	/* Sort for bsearch and drop duplicates so size() counts distinct ones. */
	if (n > 1) {
		qsort(list->entries, n, sizeof(*list->entries), entry_cmp);
		for (i = 1, j = 1; i < n; i++)
			if (strcmp(list->entries[i], list->entries[j - 1]) != 0)
				list->entries[j++] = list->entries[i];
		n = j;
	}
	list->n = n;
	return list;
oom:
	set_err(err, errlen, "%s: out of memory", path);
	free(text);
	password_list_free(list);
	return NULL;
}

void
password_list_free(struct password_list *list)
{
	if (list == NULL)
		return;
	free(list->entries);
	free(list->text);
	free(list);
}

size_t
password_list_size(const struct password_list *list)
{
	return list == NULL ? 0 : list->n;
}

enum password_problem
password_check(const struct password_list *list, const char *password,
    const char *username)
{
	char folded[PASSWORD_MAX_BYTES + 1];	/* the only copy; on the stack */
	enum password_problem p;
	size_t chars, len;

	if (password == NULL)
		password = "";
	if ((p = scan(password, &chars)) != PW_OK)
		return p;
	if (chars < PASSWORD_MIN_CHARS)
		return PW_TOO_SHORT;
	if (chars > PASSWORD_MAX_CHARS)
		return PW_TOO_LONG;

	/* At most PASSWORD_MAX_CHARS code points of at most 4 bytes each. */
	len = strlen(password);
	memcpy(folded, password, len + 1);
	fold(folded);

	p = PW_OK;
	if (username != NULL && *username != '\0' &&
	    same_as_username(folded, len, username))
		p = PW_SAME_AS_USERNAME;
	else if (list != NULL && list_contains(list, folded))
		p = PW_COMMON;
	/* Do not leave the password in a dead stack frame. */
	explicit_bzero(folded, sizeof(folded));
	return p;
}

const char *
password_problem_text(enum password_problem p)
{
	switch (p) {
	case PW_OK:
		return "Dit wachtwoord voldoet aan de eisen.";
	case PW_TOO_SHORT:
		return "Kies een wachtwoord van minstens 12 tekens.";
	case PW_TOO_LONG:
		return "Kies een wachtwoord van hoogstens 256 tekens.";
	case PW_COMMON:
		return "Dit wachtwoord komt voor in de lijst van "
		    "veelgebruikte wachtwoorden. Kies een ander.";
	case PW_NOT_UTF8:
		return "Het wachtwoord bevat tekens die niet goed zijn "
		    "doorgekomen. Typ het opnieuw.";
	case PW_CONTROL_CHARS:
		return "Het wachtwoord bevat een tab, regeleinde of ander "
		    "onzichtbaar teken. Laat dat weg.";
	case PW_SAME_AS_USERNAME:
		return "Kies een wachtwoord dat verschilt van uw "
		    "gebruikersnaam.";
	}
	/* An unknown value is a programming error; still say something. */
	return "Dit wachtwoord kan niet worden gebruikt. Kies een ander.";
}
