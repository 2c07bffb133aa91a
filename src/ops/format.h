/*
 * format.h — rapportage formats in versions (issue 11): create and
 * change a format; create a version and change it while it is a concept;
 * put it out for consultation, take it back, publish it; the comments of
 * the consulted teamleiders and the regisseur's answers. And the reads
 * that depend on who asks (a concept is not for every eye).
 *
 * Who (issue 11, "Who may do what"): a regisseur writes formats,
 * versions and answers of the ketens of their grants, a beheerder of every
 * keten (OPS_GEWEIGERD otherwise); a teamleider comments while a version
 * is in consultatie and their organisatie was consulted. Concepts are
 * read by the regisseur of the keten, the beheerder, contractmanager and
 * auditor only (format_ziet_concepten): for anyone else a concept does not exist (OPS_NIET_GEVONDEN). A ketenpartner
 * is refused by the route (ACCESS_STURING) before any of this runs.
 *
 * Every state change is a step of formatversie_workflow
 * (domain/workflow.h). A published version never changes: its content,
 * and the meaning of its indicators (they are marked in_gebruik when it is
 * published, so that a change of meaning makes a new indicator version).
 *
 * Every write checks scope and input, writes in one transaction with an
 * audit row, and leaves the transaction open on OPS_OK (ops/ops.h).
 */
#ifndef WZ_OPS_FORMAT_H
#define WZ_OPS_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "ops/ops.h"
#include "store/format.h"

struct json_object;
struct principal;

/* Most organisaties one consultation names. */
#define FORMAT_MAX_ORGANISATIES	64

struct format_invoer {
	struct ops_tekst  code, naam, omschrijving, keten_id;
};

struct formatversie_invoer {
	struct ops_tekst     eerste_periode, indientermijn_dagen, toelichting;
	struct json_object  *secties;   /* borrowed; NULL: absent */
};

struct consultatie_invoer {
	int               gegeven;      /* organisatie_ids was sent */
	int               ongeldig;     /* not a list, or too long */
	struct ops_tekst  ids[FORMAT_MAX_ORGANISATIES];
	size_t            n;
};

struct reactie_invoer {
	struct ops_tekst  item_id, oordeel, opmerking;
};

/* Whether who may write the formats of keten_id (regisseur of that keten,
 * beheerder). */
int	format_mag_beheren(const struct principal *who, int64_t keten_id);
/* Whether who reads formats at all: every role but a ketenpartner
 * (ACCESS_STURING). */
int	format_mag_lezen(const struct principal *who);
/* Whether who reads the concept versions of keten_id's formats and every
 * comment on them: who shapes them (format_mag_beheren) or checks them
 * (contractmanager, auditor). The one rule of a concept's visibility: the
 * store applies it in SQL (store_formatversie_lees and _lijst), and the
 * analyses and the figures ask it here. To anyone else a concept does
 * not exist (OPS_NIET_GEVONDEN). */
int	format_ziet_concepten(const struct principal *who, int64_t keten_id);

/* A new format. *id: its id. */
enum ops_uitkomst format_maak(struct ops_ctx *, const struct format_invoer *,
		    int64_t *id);
/* naam and omschrijving of format id at versie (code and keten stay). */
enum ops_uitkomst format_wijzig(struct ops_ctx *, int64_t id, int64_t versie,
		    const struct format_invoer *);

/*
 * A new concept version of format_id: nummer is the highest + 1 and is
 * returned in *nummer. OPS_CONFLICT while an earlier version is not
 * gepubliceerd; eerste_periode must be after the previous version's and of
 * the same kind (OPS_VELDEN, eerste_periode).
 */
enum ops_uitkomst formatversie_maak(struct ops_ctx *, int64_t format_id,
		    const struct formatversie_invoer *, int64_t *nummer);
/* Replaces the whole of concept nummer at versie (OPS_CONFLICT when it is
 * no longer a concept, OPS_VEROUDERD when versie is stale). */
enum ops_uitkomst formatversie_wijzig(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, int64_t versie,
		    const struct formatversie_invoer *);
/* concept → consultatie, to the organisaties of in (default: every
 * wijkteamorganisatie). */
enum ops_uitkomst formatversie_consulteren(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, const struct consultatie_invoer *in);
/* consultatie → concept (the comments stay). */
enum ops_uitkomst formatversie_terugnemen(struct ops_ctx *, int64_t format_id,
		    int64_t nummer);
/*
 * → gepubliceerd. reden is required when vandaag (core/datum.h day) is on
 * or after the first day of eerste_periode. Checks the content again:
 * every indicator of the format's keten, the lineage said and pointing to
 * an indicator of the previous version. Marks the indicators in_gebruik.
 */
enum ops_uitkomst formatversie_publiceren(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct ops_tekst reden, long vandaag);

/* A teamleider's comment on an item of a version in consultatie. */
enum ops_uitkomst format_reactie_maak(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, const struct reactie_invoer *, int64_t *id);
/* The regisseur's (beheerder's) answer to comment rid at versie. */
enum ops_uitkomst format_reactie_beantwoord(struct ops_ctx *,
		    int64_t format_id, int64_t nummer, int64_t rid,
		    int64_t versie, struct ops_tekst antwoord);

/*
 * Reads for c->who. A format any caller of the route may read. A version:
 * OPS_NIET_GEVONDEN when the format or the version is not there or is a
 * concept the caller may not see. *format may be NULL.
 */
enum ops_uitkomst formatversie_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct format_rij *format,
		    struct formatversie_rij *out);
/* The versions of format_id the caller may see, oldest first. */
enum ops_uitkomst formatversie_lijst(struct ops_ctx *, int64_t format_id,
		    struct formatversie_rij **out, size_t *n);
/* A version with its content and the organisaties it was put out to. */
enum ops_uitkomst formatversie_inhoud(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct formatversie_rij *out,
		    struct format_item_rij **items, size_t *nitems,
		    struct format_org_rij **orgs, size_t *norgs);
/* The comments on a version the caller may read: all for regisseur,
 * beheerder, contractmanager, auditor; a teamleider their organisatie's;
 * anyone else OPS_GEWEIGERD. */
enum ops_uitkomst format_reacties(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct format_reactie_rij **out, size_t *n);
/* One comment, as format_reacties filters them. */
enum ops_uitkomst format_reactie_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, int64_t rid, struct format_reactie_rij *out);

#endif
