/*
 * rapportage.h — rapportages that fill themselves (issue 12): open one
 * for an organisatie, a formatversie and a periode; type what cannot be
 * computed; answer the eisen and open questions; indienen, terugsturen,
 * vaststellen, heropenen; vragen on single values; the historie and the
 * revision markers.
 *
 * Who (issue 12, "Who may do what"): a medewerker or teamleider granted
 * the organisatie (an organisatie grant, not a wijkteam grant) drafts;
 * the teamleider submits and answers vragen; a regisseur of the format's
 * keten reads exactly (audited), asks, sends back, establishes and
 * reopens; the contractmanager and the auditor read, with small numbers
 * withheld as the figure service withholds them. Anyone else finds no
 * rapportage (OPS_NIET_GEVONDEN): the scope is a filter in SQL.
 *
 * Values are live while a rapportage is a concept (ops/cijfers.h). When it
 * is ingediend, every computed value, its uitsplitsing and previous
 * period, the target that applies to each value, the ketenpartner values
 * and the small-number pattern are frozen in a snapshot per value: later
 * registrations and target changes do not change a submitted report.
 * Sending back or reopening makes it live again; a value that differs
 * from the previous vaststelling at the next one gets a revision marker.
 *
 * Every write checks scope and input, writes in one transaction with an
 * audit row and a historie row for a transition, and leaves the
 * transaction open on OPS_OK (ops/ops.h).
 */
#ifndef WZ_OPS_RAPPORTAGE_H
#define WZ_OPS_RAPPORTAGE_H

#include <stddef.h>
#include <stdint.h>

#include "ops/cijfers.h"
#include "ops/ops.h"
#include "store/rapportage.h"

/* Most beoordelingen one vaststelling carries. */
#define RAPPORTAGE_MAX_EISEN	200

struct rapportage_invoer {
	struct ops_tekst  formatversie_id, periode, organisatie_id;
};

/* A value as the team writes it; a PUT replaces all of these (absent:
 * empty). niet_te_leveren is "true"/"false" (or "1"/"0", "on"). */
struct rapportage_waarde_invoer {
	struct ops_tekst  waarde, tekst, reden, toelichting;
	struct ops_tekst  niet_te_leveren, niet_te_leveren_reden;
};

struct rapportage_antwoord_invoer {
	struct ops_tekst  antwoord, toelichting;
};

struct rapportage_beoordeling_invoer {
	struct ops_tekst  antwoord_id, beoordeling, toelichting;
};

struct rapportage_vaststel_invoer {
	struct ops_tekst                      terugkoppeling;
	int                                   ongeldig;   /* beoordelingen
							   * not a list, or
							   * too long */
	struct rapportage_beoordeling_invoer  b[RAPPORTAGE_MAX_EISEN];
	size_t                                n;
};

struct rapportage_vraag_invoer {
	struct ops_tekst  waarde_id, antwoord_id, vraag;
};

/* One value as shown. */
struct rapportage_cel {
	const struct rapportage_waarde_rij  *rij;
	const struct indicator_rij          *ind;
	/* What the application computed (bron berekend; item.heeft 0 when
	 * nothing could be computed), live or as frozen. */
	int                   berekend;
	struct cijfers_item   item;
	/* The value that counts, in units of 1/STREEFWAARDE_SCHAAL (tekst for
	 * eenheid tekst), and where it comes from: "berekend",
	 * "overschreven", "handmatig", "ketenpartner", "niet_te_leveren" or
	 * "ontbreekt". */
	const char           *herkomst;
	int                   heeft, weg;
	int64_t               waarde;
	const char           *tekst;
	const char           *kp_reden;     /* a ketenpartner's reason for
					     * niet_te_leveren */
	int                   vorige_heeft, vorige_weg;
	int64_t               vorige;       /* units of 1/STREEFWAARDE_SCHAAL */
	struct sw_cel         streef;
	enum sw_status        status;
	unsigned              toelichting_nodig;   /* enum rapportage_reden */
};

struct rapportage_weergave {
	struct rapportage_rij                r;
	enum cijfer_zicht                    zicht;
	unsigned                             rollen;   /* the caller's roles
							* for this rapportage
							* (workflow_acties) */
	int                                  bewerken; /* may draft now */
	struct rapportage_cel               *cellen;
	size_t                               ncellen;
	struct rapportage_antwoord_rij      *antwoorden;
	size_t                               nantwoorden;
	struct rapportage_vraag_rij         *vragen;
	size_t                               nvragen;
	struct rapportage_historie_rij      *historie;
	size_t                               nhistorie;
	struct rapportage_revisie_rij       *revisies;
	size_t                               nrevisies;
};

/* A new concept rapportage; 422 for a formatversie that does not apply
 * to periode (unpublished, starting later, or replaced by a newer one),
 * 409 when the organisatie has one of that format for periode. */
enum ops_uitkomst rapportage_maak(struct ops_ctx *,
		    const struct rapportage_invoer *, int64_t *id);

/* The rapportages the caller sees matching f, id > na, at most limit. */
enum ops_uitkomst rapportage_lijst(struct ops_ctx *,
		    const struct rapportage_filter *f, int64_t na, int limit,
		    struct rapportage_rij **out, size_t *n);

/* One rapportage with everything on it, for c->who; drempel is the
 * configuration's kleine_aantallen. A regisseur's read is audited (the
 * audit row is committed). No transaction is left open. */
enum ops_uitkomst rapportage_lees(struct ops_ctx *, int64_t id, int drempel,
		    struct rapportage_weergave *out);

/* Only the cells of the indicator of value waarde_id (every wijk and the
 * total), computed for that one indicator: what a change of one value
 * needs to show, without evaluating the whole version. Not audited: the
 * caller is the team, or reads what it just wrote. */
enum ops_uitkomst rapportage_waarde_lees(struct ops_ctx *, int64_t id,
		    int64_t waarde_id, int drempel,
		    struct rapportage_weergave *out);

enum ops_uitkomst rapportage_waarde_wijzig(struct ops_ctx *, int64_t id,
		    int64_t waarde_id, int64_t versie,
		    const struct rapportage_waarde_invoer *);
enum ops_uitkomst rapportage_antwoord_wijzig(struct ops_ctx *, int64_t id,
		    int64_t antwoord_id, int64_t versie,
		    const struct rapportage_antwoord_invoer *);

/* A concept moves to formatversie_id, the version of its format that now
 * applies to its periode (issue 11: a rapportage keeps the version it was
 * started on unless its teamleider chooses to switch). What was typed for
 * the same indicator and wijk, and the answers to the same eisen, go
 * along. OPS_CONFLICT once it has vragen or was vastgesteld. */
enum ops_uitkomst rapportage_versie_wissel(struct ops_ctx *, int64_t id,
		    int64_t versie, struct ops_tekst formatversie_id);

/* The transitions, each at the rapportage's versie. indienen lists every
 * missing toelichting, value and answer as field errors (OPS_VELDEN). */
enum ops_uitkomst rapportage_indienen(struct ops_ctx *, int64_t id,
		    int64_t versie, int drempel);
enum ops_uitkomst rapportage_terugsturen(struct ops_ctx *, int64_t id,
		    int64_t versie, struct ops_tekst reden);
enum ops_uitkomst rapportage_vaststellen(struct ops_ctx *, int64_t id,
		    int64_t versie, const struct rapportage_vaststel_invoer *,
		    int drempel);
enum ops_uitkomst rapportage_heropenen(struct ops_ctx *, int64_t id,
		    int64_t versie, struct ops_tekst reden);

/* A regisseur's vraag on one value or answer of an ingediende rapportage,
 * and the teamleider's answer to it. */
enum ops_uitkomst rapportage_vraag_maak(struct ops_ctx *, int64_t id,
		    const struct rapportage_vraag_invoer *, int64_t *vraag_id);
enum ops_uitkomst rapportage_vraag_beantwoord(struct ops_ctx *, int64_t id,
		    int64_t vraag_id, struct ops_tekst antwoord);


#endif
