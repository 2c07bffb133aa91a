/*
 * cijfers.h — the figure service (issue 10): the values of the berekende
 * indicators for one organisatie and periode, per wijk, with their
 * uitsplitsing and the previous period, protected for whoever may not see
 * personal data; and the herkomst of a number for whoever may.
 *
 * Every later output (rapportage views, dashboards, packages, the DHIS2
 * export) reads figures through here, so small-number protection is
 * decided in one place: for every viewer other than the organisatie
 * itself, counts below the configured threshold are withheld, with
 * secondary suppression computed over the organisatie's whole table per
 * indicator and periode (domain/cijfer.h), so that no two views can be
 * differenced. Figures are live: computed from the projections of
 * store/projectie.h, which are up to date with every committed event.
 *
 * Who sees what (cijfers_zicht): medewerker and teamleider of the
 * organisatie (the wijkteam side of their scope) exact numbers with
 * herkomst — a user granted only wijkteams sees those wijkteams' wijken
 * and no total; beheerder, contractmanager and auditor every keten,
 * aggregates; a regisseur the ketens of their grants, aggregates; a
 * ketenpartner the ketens it delivers indicators for, aggregates. Anyone
 * else sees nothing (an empty list, or OPS_NIET_GEVONDEN).
 */
#ifndef WZ_OPS_CIJFERS_H
#define WZ_OPS_CIJFERS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/cijfer.h"
#include "domain/periode.h"
#include "domain/streefwaarde.h"
#include "ops/ops.h"
#include "store/indicator.h"

enum cijfer_zicht {
	ZICHT_GEEN = 0,
	ZICHT_AGGREGAAT,    /* small numbers withheld, no herkomst */
	ZICHT_EXACT,        /* the organisatie itself */
};

struct cijfers_vraag {
	struct periode  periode;
	int64_t         organisatie_id;   /* required */
	int64_t         keten_id;         /* 0: any (then indicator_id) */
	int64_t         indicator_id;     /* 0: every actief berekende
					   * indicator of the keten */
	int64_t         wijk_id;          /* 0: every wijk and the total */
	int64_t         formatversie_id;  /* > 0: the indicators of that
					   * version (its pinned ids), instead
					   * of keten_id and indicator_id */
	int             drempel;          /* configuration: kleine_aantallen */
	enum cijfer_zicht zicht;          /* ZICHT_GEEN: decided by
					   * cijfers_zicht(); otherwise set by
					   * an operation that decided itself
					   * who sees what (ops/rapportage.c:
					   * whoever judges a rapportage sees it
					   * exactly, every wijk), never from
					   * input */
};

/* One category of an item's uitsplitsing. */
struct cijfers_deel {
	const char  *code;
	int64_t      waarde;
	int          weg;          /* withheld */
};

/* One indicator × wijk (wijk_id 0: the total). Values are integers in
 * units of schaal (1 for counts, 10: tenths). */
struct cijfers_item {
	const struct indicator_rij *ind;
	int64_t               wijk_id;
	int                   schaal;
	int                   heeft, weg;          /* waarde */
	int64_t               waarde;
	struct cijfers_deel  *deel;
	size_t                ndeel;
	int                   vorige_heeft, vorige_weg;
	int64_t               vorige;
	/* The target that applies to this cell as shown here (pro rata for
	 * a telling), and the status of the value against it: SW_ONDERDRUKT
	 * where the value is withheld (the status would tell it),
	 * SW_GEEN_WAARDE where there is no value. */
	struct sw_cel         streef;
	enum sw_status        status;
};

struct cijfers_antwoord {
	enum cijfer_zicht     zicht;
	struct cijfers_item  *items;      /* in the request arena */
	size_t                n;
};

/* What who (with scope s) may see of organisatie org's figures in keten. */
enum cijfer_zicht cijfers_zicht(const struct principal *who,
		    const struct scope *s, int64_t org, int64_t keten_id,
		    unsigned keten_partijen);

/*
 * The figures for v: OPS_OK with out filled (possibly no items: nothing
 * the caller may see), OPS_VELDEN for a vraag without keten or indicator
 * or (with a formatversie) a periode before the version's eerste_periode
 * (field periode), OPS_NIET_GEVONDEN for an unknown indicator_id or a
 * formatversie that does not exist or that the caller may not see (a
 * concept is for the regisseur of its keten, beheerder, contractmanager
 * and auditor; no version is for a ketenpartner), OPS_STORING. Every
 * item carries its target and status (domain/streefwaarde.h). Marks the
 * versions served as in use. No transaction is left open.
 */
enum ops_uitkomst cijfers_lees(struct ops_ctx *, const struct cijfers_vraag *v,
		    struct cijfers_antwoord *out);

/*
 * The target that applies to each of the nitems items (of the n
 * indicators ind) for organisatie org in periode, and the status of each
 * item's value against it (a withheld value gets SW_ONDERDRUKT, none
 * SW_GEEN_WAARDE). Items may be of any schaal that divides
 * STREEFWAARDE_SCHAAL (a typed value: STREEFWAARDE_SCHAAL itself).
 */
enum ops_uitkomst cijfers_streef(struct ops_ctx *, const struct periode *,
		    int64_t org, const struct indicator_rij *ind, size_t n,
		    struct cijfers_item *items, size_t nitems);

/* One record behind a number. */
struct cijfers_herkomst {
	int64_t      inwoner_id;
	const char  *naam;
	int64_t      gebeurtenis_id;   /* 0 for a stand */
	const char  *type;             /* NULL for a stand */
	long         dag;
	int64_t      traject_id;       /* 0 for a stand */
};

/*
 * The records that v's indicator (required) counts for wijk v->wijk_id (0:
 * the total) in v's periode, for a viewer with ZICHT_EXACT; OPS_GEWEIGERD
 * for an aggregate-only viewer, OPS_NIET_GEVONDEN for anyone else. Only
 * inwoners in c->scope are returned, in the order of the evaluator, from
 * position vanaf, at most limit; *meer says whether more follow. Each
 * inwoner returned is audited (doel verantwoording); the audit rows are
 * committed.
 */
enum ops_uitkomst cijfers_herkomst(struct ops_ctx *,
		    const struct cijfers_vraag *v, size_t vanaf, size_t limit,
		    struct cijfers_herkomst **out, size_t *n, int *meer);

#endif
