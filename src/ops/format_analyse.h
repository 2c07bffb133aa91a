/*
 * format_analyse.h — reading what changed between two versions of a
 * format, and what one version covers and costs (issue 11): who may, the
 * versions by format id and nummer, and the pure comparisons of
 * domain/format_verschil.h and domain/format_dekking.h over what the store
 * read.
 *
 * Who may read a version: a ketenpartner never (OPS_GEWEIGERD: formats
 * are the gemeente's and the wijkteams' business). A concept only the
 * beheerder, contractmanager, auditor and the regisseur of the format's
 * keten; to everyone else it does not exist (OPS_NIET_GEVONDEN), as an
 * unknown format or version does not. A version in consultatie or
 * gepubliceerd every other role (medewerker, teamleider, any regisseur).
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
#include "store/format_analyse.h"

struct principal;

/* Whether who may read version v: 1 yes, 0 it is invisible (answer as
 * not found), -1 not this role at all (forbidden). */
/* Whether who may read format versions at all (every role but a
 * ketenpartner): asked first, so a refused caller learns nothing of
 * the request's other faults. */
int	format_analyse_mag_lezen(const struct principal *who);
int	format_analyse_zicht(const struct principal *who,
	    const struct fa_versie *v);

/*
 * The difference between versions nummer and met of format format_id:
 * *van is the older (lower nummer) of the two, *naar the newer, and *out
 * compares them (the lineage is the newer one's). Equal numbers compare a
 * version with itself: no difference. OPS_NIET_GEVONDEN when either
 * version is unknown or invisible; OPS_GEWEIGERD; OPS_STORING.
 */
enum ops_uitkomst format_verschil_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, int64_t met, struct fa_versie *van,
		    struct fa_versie *naar, struct fv_verschil *out);

/*
 * The coverage and burden of version nummer of format format_id (*v: the
 * version). The eisen that apply are those of the brede opdracht and of
 * the keten's aanvullende opdrachten valid on the first day of the
 * version's eerste_periode. Outcomes as format_verschil_lees.
 */
enum ops_uitkomst format_dekking_lees(struct ops_ctx *, int64_t format_id,
		    int64_t nummer, struct fa_versie *v,
		    struct format_dekking *out);

#endif
