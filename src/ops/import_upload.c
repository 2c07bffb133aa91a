/*
 * import_upload.c — what a teamleider sends before a dry run, stored as
 * sent: the file of an upload, block by block while it streams in, and
 * the organisatie's column mapping; see import.h. The dry run and the
 * import itself are import.c.
 *
 * These follow ops.h, not the self-committing run of import.c: on OPS_OK
 * the transaction stays open, because the API stores the answer under
 * the Idempotency-Key in it before committing.
 */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/seal.h"
#include "domain/policy.h"
#include "domain/scope.h"
#include "ops/import.h"
#include "store/import.h"

/* An upload being stored (opaque to the handler). The file never stays
 * in memory: at most one block of it, in blok, waits to be sealed. */
struct import_upload {
	int64_t                   id;        /* the new import */
	int64_t                   nr;        /* blocks stored so far */
	size_t                    vol;       /* bytes in blok not stored yet */
	size_t                    grootte;   /* bytes of the file so far */
	char                     *blok;      /* IMPORT_BLOK bytes, arena */
	char                     *box;       /* SEAL_B64_LEN(IMPORT_BLOK) */
	crypto_hash_sha256_state  sha;       /* of the whole file */
};

/*
 * Stores the bytes gathered in up->blok as block nr, sealed (core/seal.h):
 * the file holds names and BSNs, and it stays in the database between the
 * upload and the import (or for good, when nobody imports it). A sealing
 * failure is DB_ERR: to the caller, a store that failed.
 */
static enum db_err
upload_blok_bewaar(struct ops_ctx *c, struct import_upload *up)
{
	enum db_err rc;

	if (seal_encrypt(c->seal, up->blok, up->vol, up->box,
	    SEAL_B64_LEN(IMPORT_BLOK)) != 0)
		return DB_ERR;
	rc = store_import_blok(c->db, up->id, up->nr++, up->box, strlen(up->box));
	up->vol = 0;
	return rc;
}

/* The keys and the buffers are checked before the transaction opens: a
 * refused upload costs no round trip. */
enum ops_uitkomst
import_upload_begin(struct ops_ctx *c, const char *bestandsnaam,
    struct import_upload **out, int64_t *id)
{
	struct import_upload *up;
	enum ops_uitkomst u;
	enum db_err rc;

	*out = NULL;
	*id = 0;
	if (bestandsnaam == NULL || *bestandsnaam == '\0')
		return ops_veldfout(c, "bestand", "Kies een CSV-bestand.");
	if (c->seal == NULL || !c->seal->loaded) {
		c->db_rc = DB_ERR;
		return ops_weiger(c, OPS_STORING, "Importeren kan nu niet: de "
		    "sleutels voor persoonsgegevens ontbreken in de configuratie.");
	}
	if ((up = arena_calloc(c->arena, 1, sizeof(*up))) == NULL ||
	    (up->blok = arena_alloc(c->arena, IMPORT_BLOK)) == NULL ||
	    (up->box = arena_alloc(c->arena, SEAL_B64_LEN(IMPORT_BLOK))) ==
	    NULL) {
		c->db_rc = DB_NOMEM;
		return OPS_STORING;
	}
	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	if ((rc = store_import_nieuw(c->db, c->scope->wijkteam_org,
	    c->who->gebruiker_id, bestandsnaam, &up->id)) != DB_OK)
		return ops_storing(c, rc, "import upload");
	crypto_hash_sha256_init(&up->sha);
	*out = up;
	*id = up->id;
	return OPS_OK;
}

/* Bytes are copied into the block until it is full, so that every block
 * but the last holds exactly IMPORT_BLOK bytes whatever the sizes of the
 * pieces the body arrives in. */
enum ops_uitkomst
import_upload_deel(struct ops_ctx *c, struct import_upload *up,
    const char *data, size_t len)
{
	enum db_err rc;
	size_t take;

	up->grootte += len;
	crypto_hash_sha256_update(&up->sha, (const unsigned char *)data, len);
	while (len > 0) {
		take = IMPORT_BLOK - up->vol < len ? IMPORT_BLOK - up->vol : len;
		memcpy(up->blok + up->vol, data, take);
		up->vol += take;
		data += take;
		len -= take;
		if (up->vol == IMPORT_BLOK &&
		    (rc = upload_blok_bewaar(c, up)) != DB_OK)
			return ops_storing(c, rc, "import blok");
	}
	return OPS_OK;
}

/* The judgement keeps the order users have always seen: an empty file,
 * then what the reader found, then the number of rows. */
enum ops_uitkomst
import_upload_klaar(struct ops_ctx *c, struct import_upload *up,
    const struct import_kop *kop)
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	enum db_err rc;

	if (up->vol > 0 && (rc = upload_blok_bewaar(c, up)) != DB_OK)
		return ops_storing(c, rc, "import blok");
	if (up->grootte == 0)
		return ops_veldfout(c, "bestand", "Het bestand is leeg.");
	if (kop->fout != NULL)
		return ops_veldfout(c, "bestand", kop->fout);
	if (kop->rijen == 0)
		return ops_veldfout(c, "bestand", "Het bestand heeft geen rijen "
		    "onder de kopregel.");
	if (kop->rijen > IMPORT_MAX_RIJEN)
		return ops_veldfout(c, "bestand", "Het bestand heeft meer dan "
		    "500.000 rijen: splits het in delen.");
	crypto_hash_sha256_final(&up->sha, digest);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	if ((rc = store_import_klaar(c->db, up->id, hex, (int64_t)up->grootte,
	    (int64_t)kop->rijen, kop->kolommen)) != DB_OK)
		return ops_storing(c, rc, "import klaar");
	if (ops_audit(c, "uploaden", "import", up->id, GELUKT, NULL) != 0)
		return ops_storing(c, DB_ERR, "audit");
	return OPS_OK;
}

/* A version that matches nothing (-1) is the store's: the caller decides
 * what an If-Match means; this only writes at it. */
enum ops_uitkomst
import_mapping_zet(struct ops_ctx *c, const char *mapping, int64_t versie)
{
	int64_t org = c->scope->wijkteam_org;
	uint64_t affected = 0;
	enum ops_uitkomst u;
	enum db_err rc;

	if ((u = ops_begin(c)) != OPS_OK)
		return u;
	rc = store_import_mapping_zet(c->db, org, mapping, versie, &affected);
	if (rc == DB_OK && affected == 0)
		return ops_weiger(c, OPS_VEROUDERD, "De koppeling is intussen "
		    "gewijzigd; haal haar opnieuw op.");
	if (rc != DB_OK || ops_audit(c, "wijzigen", "import_mapping", org,
	    GELUKT, NULL) != 0)
		return ops_storing(c, rc != DB_OK ? rc : DB_ERR, "import mapping");
	return OPS_OK;
}
