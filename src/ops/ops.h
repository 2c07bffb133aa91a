/*
 * ops.h — what every operation shares: its context, its outcome, audit
 * rows, the transaction, and the one entry point that brings the
 * projections up to date.
 *
 * An operation is one write as the domain sees it ("register an event",
 * "change a traject"): it takes a context and a typed input struct, checks
 * scope and input, writes in one transaction with its audit rows, and
 * returns one enum ops_uitkomst. It knows no HTTP: the JSON face and the
 * page face of a handler each turn the body into the input struct and
 * answer the outcome in their own way (201 + Location or problem+json; 303
 * or the form again). See DESIGN.md §3, "one operation per write".
 *
 * Transactions: an operation that returns OPS_OK leaves its transaction
 * OPEN, so that the caller can add to it what belongs to the same answer
 * (the Idempotency-Key of a create) and then commits (ops_commit). Every
 * other outcome has rolled back.
 */
#ifndef WZ_OPS_OPS_H
#define WZ_OPS_OPS_H

#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;
struct json_object;
struct principal;
struct scope;
struct seal_keys;

enum ops_uitkomst {
	OPS_OK = 0,         /* written and audited; the transaction is open */
	OPS_VELDEN,         /* field errors in fouten; nothing written */
	OPS_NIET_GEVONDEN,  /* not there, or outside the caller's scope */
	OPS_CONFLICT,       /* cannot be done in the current state (melding) */
	OPS_VEROUDERD,      /* the version the caller had is stale */
	OPS_GEWEIGERD,      /* not for this caller (melding may say why) */
	OPS_STORING,        /* database or configuration failure, logged:
			     * db_rc says which (DB_LOST: try again later) */
};

/* Purposes of access to an inwoner's data (audit.doel): one word per kind
 * of use, as NEN 7513 asks ("why was this record opened"). */
#define DOEL_REGISTRATIE	"registratie"        /* a wijkteam's own work */
#define DOEL_KETEN		"ketensamenwerking"  /* a ketenpartner's */
#define DOEL_AFSTEMMING		"afstemming"         /* wachtlijst, overdrachten */
#define DOEL_IMPORT		"import"
#define DOEL_EXPORT		"export"
#define DOEL_AVG		"avg-inzage"         /* art. 15 export */
#define DOEL_TOEZICHT		"toezicht"           /* access history */
#define DOEL_VERANTWOORDING	"verantwoording"     /* the records behind a
						      * figure (herkomst) */

/* Audit results. */
#define GELUKT		"gelukt"
#define GEWEIGERD	"geweigerd"
#define MISLUKT		"mislukt"

/*
 * Who asks, where, and what the operation reports back besides its
 * outcome. The caller fills the first block (ops_ctx of the handlers does
 * it from a request) and owns fouten; the operation sets the second.
 */
struct ops_ctx {
	struct db              *db;
	struct arena           *arena;       /* the request's: results live here */
	const struct principal *who;
	const struct scope     *scope;       /* NULL for operations on no
					      * personal data */
	const struct seal_keys *seal;        /* for a BSN */
	const char             *route;       /* "POST /api/v1/inwoners", audit */
	const char             *adres;       /* the client's address, audit */
	const char             *request_id;  /* for the log */
	struct json_object     *fouten;      /* field errors are appended */

	const char             *melding;     /* OPS_CONFLICT, OPS_GEWEIGERD,
					      * OPS_STORING: a Dutch message
					      * for the user, or NULL */
	enum db_err             db_rc;       /* OPS_STORING */
	int                     open;        /* a transaction of ops_begin is
					      * open (ops_rollback ends it) */
};

/*
 * Audit rows for this context (the principal, the route, the address).
 * ops_audit_persoon is the row about an inwoner's data (whose, and why:
 * doel). Both return 0, or -1 when the row could not be written (logged):
 * the caller must roll back and show nothing (fail closed).
 */
int	ops_audit(struct ops_ctx *, const char *actie, const char *object_soort,
	    int64_t object_id, const char *resultaat, const char *toelichting);
int	ops_audit_persoon(struct ops_ctx *, const char *actie,
	    const char *object_soort, int64_t object_id, int64_t inwoner_id,
	    const char *doel, const char *resultaat, const char *toelichting);
/* The read of a list of inwoners: one row "inzien" per id in ids ("3,17",
 * ids read from the database), in one statement; "" writes nothing. */
int	ops_audit_inzage(struct ops_ctx *, const char *ids, const char *doel);

/*
 * The database failed (rc; where: for the log): logs, rolls back, records
 * rc and returns OPS_STORING. Never shows SQL or database text.
 */
enum ops_uitkomst ops_storing(struct ops_ctx *, enum db_err rc,
		    const char *where);
/* Rolls back and returns u: for the outcomes that write nothing. */
enum ops_uitkomst ops_terug(struct ops_ctx *, enum ops_uitkomst u);
/* Field error: appends {veld, melding}, rolls back, returns OPS_VELDEN. */
enum ops_uitkomst ops_veldfout(struct ops_ctx *, const char *veld,
		    const char *melding);
/* Refusal or conflict with a message (may be NULL): returns u. */
enum ops_uitkomst ops_weiger(struct ops_ctx *, enum ops_uitkomst u,
		    const char *melding);

/* One field as sent: its text (NULL: absent or null), or ongeldig when it
 * came as something that is not text (a JSON object, array or boolean).
 * Operations take their input as these and judge it themselves with the
 * declared fields of domain/veld.h, so both faces give the same messages. */
struct ops_tekst {
	const char *tekst;
	int         ongeldig;
};

struct veld;
struct veld_waarde;

/* Judges in against declared field f: 0 and *out filled, or -1 with the
 * field's error appended to c->fouten. */
int	ops_lees(struct ops_ctx *, const struct veld *f, struct ops_tekst in,
	    struct veld_waarde *out);
/* A judged value as a NUL-terminated copy in the arena (NULL: out of
 * memory): a veld_waarde points into the caller's input. */
char	*ops_kopie(struct ops_ctx *, const struct veld_waarde *);

/* START TRANSACTION: OPS_OK, or OPS_STORING (DB_LOST). */
enum ops_uitkomst ops_begin(struct ops_ctx *);
/* COMMIT: 0, or -1 after rolling back (logged; db_rc set). */
int	ops_commit(struct ops_ctx *);
/* ROLLBACK, ignoring errors (the connection may be gone). */
void	ops_rollback(struct ops_ctx *);

/* Whether the field errors hold anything. */
int	ops_heeft_fouten(const struct ops_ctx *);

/*
 * The one entry point for the projections that are derived from an
 * inwoner's events (today the ketenstatus and, when herzien, who may see
 * the inwoner; next the figure aggregates): rewrites them from the events
 * in the open transaction. Every operation that writes an event calls it;
 * the importer, which writes thousands of inwoners' first events per
 * statement, derives the same projection for a whole batch at once (its
 * flush, ops/import_batch.c).
 */
enum ops_uitkomst ops_projecties_bijwerken(struct ops_ctx *,
		    int64_t inwoner_id, int herzien);

#endif
