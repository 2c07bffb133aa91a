/*
 * negotiate.h — content negotiation between JSON and HTML.
 *
 * Reads an Accept header with its q-values ("text/html;q=0.9, *\/\*;q=0.1")
 * and picks, among what a route offers, the type the client prefers. Ties
 * go to the route's first choice; no Accept header means "anything".
 */
#ifndef WZ_NEGOTIATE_H
#define WZ_NEGOTIATE_H

enum media {
	MEDIA_NONE = 0,
	MEDIA_JSON = 1 << 0,
	MEDIA_HTML = 1 << 1,
};

/*
 * offered is a set of MEDIA_* bits; first is the route's preference when
 * the client does not care. Returns one offered type, or MEDIA_NONE when
 * the client accepts none of them (the caller answers in `first` anyway:
 * a 406 helps nobody here).
 */
enum media	negotiate(const char *accept, unsigned offered, enum media first);

#endif
