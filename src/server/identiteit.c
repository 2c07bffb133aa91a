/*
 * identiteit.c — who is asking, at the front gate; see identiteit.h.
 *
 * This file must never log a token or a cookie.
 */
#include "config.h"

#include <string.h>

#include "core/conf.h"
#include "core/log.h"
#include "core/secret.h"
#include "db/db.h"
#include "http/request.h"
#include "http/response.h"
#include "http/session.h"
#include "server/identiteit.h"
#include "store/sessie.h"
#include "store/token.h"

int
session_identify(struct req *r)
{
	char hash[TOKEN_HASH_LEN + 1];
	const char *tok;
	enum db_err rc;
	int found = 0, touch = 0;

	memset(&r->who, 0, sizeof(r->who));
	if ((tok = session_bearer(r)) != NULL) {
		/* A malformed token is simply not a credential: 401 later. */
		if (!token_valid(tok))
			return 0;
		token_hash(tok, hash);
		rc = store_token_lookup(r->db, r->arena, hash, &r->who, &found);
	} else {
		tok = kv_get(&r->cookies, session_cookie_name(r));
		if (tok == NULL)
			return 0;
		if (!token_valid(tok)) {
			session_cookie_set(r, NULL);
			return 0;
		}
		token_hash(tok, hash);
		rc = store_sessie_lookup(r->db, r->arena, hash, r->cfg->session_idle,
		    r->cfg->session_absolute, &r->who, &found, &touch);
		if (rc == DB_OK && !found)
			session_cookie_set(r, NULL);     /* expired or ended: forget it */
		if (rc == DB_OK && found && touch &&
		    store_sessie_touch(r->db, hash) != DB_OK)
			log_warn("session", "req=%s cannot record session use",
			    r->request_id ? r->request_id : "-");
	}
	if (rc != DB_OK) {
		memset(&r->who, 0, sizeof(r->who));
		log_error("session", "req=%s %s", r->request_id ? r->request_id : "-",
		    r->db->error);
		resp_problem(r, 503, NULL, NULL);
		return 503;
	}
	if (!found)
		memset(&r->who, 0, sizeof(r->who));
	return 0;
}
