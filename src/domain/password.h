/*
 * password.h — the rules a new password must meet (issue 3).
 *
 * A password is 12 to 256 Unicode code points of valid UTF-8 without
 * control characters, differs from the username, and is not one of the
 * 10,000 most common passwords (www/data/veelgebruikte-wachtwoorden.txt).
 * Pure: the only I/O is password_list_load(), called once per process at
 * start-up; checking never touches a file, the database or HTTP.
 */
#ifndef WZ_PASSWORD_H
#define WZ_PASSWORD_H

#include <stddef.h>

/* Lengths in Unicode code points, not bytes. */
#define PASSWORD_MIN_CHARS	12
#define PASSWORD_MAX_CHARS	256

/* The loader refuses a list file larger than this. */
#define PASSWORD_LIST_MAX_BYTES	(1024 * 1024)

/*
 * The list of common passwords. Opaque; read-only once loaded, so one
 * instance may be shared by every request a worker serves.
 */
struct password_list;

/*
 * Read the list at path: one password per line, a trailing CR is dropped,
 * empty lines are ignored, entries are stored case-folded.
 * Returns a list owned by the caller (free with password_list_free()), or
 * NULL with a one-line reason in err (OUT, may be NULL if errlen is 0).
 */
struct password_list	*password_list_load(const char *path, char *err,
			    size_t errlen);

/* Free a list from password_list_load(); NULL is allowed. */
void			 password_list_free(struct password_list *);

/* Number of distinct entries; 0 for NULL. */
size_t			 password_list_size(const struct password_list *);

/* The one vocabulary for "why this password is refused". */
enum password_problem {
	PW_OK = 0,
	PW_TOO_SHORT,		/* fewer than PASSWORD_MIN_CHARS code points */
	PW_TOO_LONG,		/* more than PASSWORD_MAX_CHARS code points */
	PW_COMMON,		/* in the list of common passwords */
	PW_NOT_UTF8,		/* not valid UTF-8 */
	PW_CONTROL_CHARS,	/* U+0000..U+001F, U+007F or U+0080..U+009F */
	PW_SAME_AS_USERNAME,	/* equal to the username, ignoring case */
};

/*
 * Check a proposed password. list may be NULL (then only the other rules
 * apply); username may be NULL or empty (then it is not compared).
 * A NULL password counts as empty. Rules are checked most basic first —
 * encoding, control characters, length, username, list — and the first
 * rule broken is returned.
 * Ignoring case means ASCII letters and the Latin-1 letters À..Þ.
 */
enum password_problem	 password_check(const struct password_list *list,
			    const char *password, const char *username);

/*
 * A Dutch sentence for the user explaining the problem. Static storage;
 * never NULL. The text never repeats the password.
 */
const char		*password_problem_text(enum password_problem);

#endif
