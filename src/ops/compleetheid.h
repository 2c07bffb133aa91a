/*
 * compleetheid.h — completeness and timeliness of the rapportages of a
 * keten for one periode (issue 12, "Completeness and timeliness").
 *
 * For each format of the keten, the formatversie that applies to the
 * periode (as rapportage_maak judges it), and per wijkteamorganisatie that
 * ran at least one wijkteam during the periode: its rapportage (or none:
 * not started), when it was ingediend and whether on time (on or before
 * the periode's last day + the version's indientermijn_dagen; not
 * submitted after that day is late too), when it was vastgesteld, and
 * per aanleverende partij how many ketenpartner values are still missing
 * (the ketenpartner indicators of the version × the organisatie's wijken
 * in the periode + the total).
 *
 * Who: a regisseur for the ketens of their grants, the contractmanager
 * and the auditor for every keten: every organisatie. A teamleider sees
 * only the rows of the organisaties of their organisatie grants (which
 * format applies and its deadline). Anyone else: OPS_GEWEIGERD.
 * Reads only: no transaction is left open.
 */
#ifndef WZ_OPS_COMPLEETHEID_H
#define WZ_OPS_COMPLEETHEID_H

#include <stddef.h>
#include <stdint.h>

#include "ops/ops.h"
#include "store/compleetheid.h"

enum compleetheid_tijdig {
	TIJDIG_OPEN = 0,    /* not submitted, deadline not yet passed */
	TIJDIG_OP_TIJD,     /* submitted on or before the deadline */
	TIJDIG_TE_LAAT,     /* submitted after it, or not submitted and the
			     * deadline has passed */
};

/* "open", "op_tijd", "te_laat". */
const char *compleetheid_tijdig_code(enum compleetheid_tijdig);

struct compleetheid_regel {
	const struct compleetheid_org      *org;
	const struct compleetheid_rap      *rap;      /* NULL: not started */
	int                                 ingediend; /* status ingediend or
							* vastgesteld */
	enum compleetheid_tijdig            tijdig;
	const struct compleetheid_ontbreekt *kp;      /* per partij */
	size_t                              nkp;
	int64_t                             kp_ontbreekt;  /* sum over kp */
};

struct compleetheid_format {
	const struct compleetheid_versie  *versie;
	struct compleetheid_regel         *regels;
	size_t                             nregels;
	size_t                             ingediend, op_tijd, te_laat,
					   vastgesteld, niet_gestart;
};

struct compleetheid {
	int64_t                      keten_id;
	const char                  *keten, *periode, *eerste_dag, *laatste_dag;
	int                          alles;     /* every organisatie (not only
						 * the caller's own) */
	struct compleetheid_format  *formats;
	size_t                       nformats;
};

/* The overview of keten_id for periode (a code such as "2024-H1"):
 * OPS_VELDEN for a periode that is not one (field "periode"),
 * OPS_NIET_GEVONDEN for no such keten, OPS_GEWEIGERD for a caller who
 * may not see it. */
enum ops_uitkomst compleetheid_lees(struct ops_ctx *, int64_t keten_id,
		    const char *periode, struct compleetheid *out);

#endif
