/*
 * format_analyse.h — reading what changed between two versions of a
 * format, and what one version covers and costs (issue 11): who may, the
 * versions by format id and nummer, and the pure comparisons of
 * domain/format_verschil.h and domain/format_dekking.h over what the store
 * read.
 *
 * Who may read a version: format_mag_lezen and format_ziet_concepten of
 * ops/format.h (a ketenpartner never, OPS_GEWEIGERD; a concept it may not
 * see is OPS_NIET_GEVONDEN, as an unknown format or version is).
 * Reads only: no transaction, no audit row (formats hold no personal
 * data).
 */
#ifndef WZ_OPS_FORMAT_ANALYSE_H
#define WZ_OPS_FORMAT_ANALYSE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/format_dekking.h"
#include "domain/format_verschil.h"
#include "ops/ops.h"
#include "store/format.h"
#include "store/format_analyse.h"

struct principal;

/*
 * The difference between versions nummer and met of format format_id:
 * *van is the older (lower nummer) of the two, *naar the newer, and *out
 * compares them (the lineage is the newer one's). Equal numbers compare a
 * version with itself: no difference. OPS_NIET_GEVONDEN when either
 * version is unknown or invisible; OPS_GEWEIGERD; OPS_STORING.
 */
enum ops_uitkomst format_verschil_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, int64_t met, struct formatversie_rij *van,
		    struct formatversie_rij *naar, struct fv_verschil *out);

/*
 * The coverage and burden of version nummer of format format_id (*v: the
 * version). The eisen that apply are those of the brede opdracht and of
 * the keten's aanvullende opdrachten valid on the first day of the
 * version's eerste_periode. Outcomes as format_verschil_lees.
 */
enum ops_uitkomst format_dekking_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct formatversie_rij *v,
		    struct format_dekking *out);

/*
 * What the rapportages of version nummer marked niet te leveren (the
 * audit: some data requests cannot be met and stay in the format anyway),
 * for whoever shapes the next version. Outcomes as format_verschil_lees.
 */
enum ops_uitkomst format_niet_te_leveren_lees(struct ops_ctx *,
		    int64_t format_id, int64_t nummer, struct fa_ntl **out,
		    size_t *n);

#endif
