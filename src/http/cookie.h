/*
 * cookie.h — parsing of the Cookie request header.
 *
 * "a=b; c=d". Names are RFC 6265 tokens; values may be double-quoted; no
 * percent-decoding (cookies we set never need it). A malformed pair is
 * skipped, not an error, because browsers send cookies of other sites'
 * software on localhost too; more than WZ_MAX_COOKIES is PARSE_TOO_MANY.
 */
#ifndef WZ_COOKIE_H
#define WZ_COOKIE_H

#include "http/urlenc.h"

enum parse_err	cookie_parse(struct arena *, const char *header,
		    struct kvlist *out);

#endif
