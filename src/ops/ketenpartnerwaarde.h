/*
 * ketenpartnerwaarde.h — the values Werkom, Uitkeringen and Naleving
 * deliver for their `ketenpartner` indicators (issue 12): once per
 * periode for every wijkteamorganisatie and wijk at once, not once per
 * rapportage (each rapportage of that periode reads them itself).
 *
 * Which cells there are: store/ketenpartnerwaarde.h (the indicators of
 * the published formatversies that apply to the periode, times the
 * organisaties that ran a wijkteam in it, their wijken and their total).
 *
 * Who (the front gate lets in ACCESS_KETENWAARDEN to read and
 * ACCESS_KETENPARTNER to write; this decides which cells):
 *  - a ketenpartner reads and writes the cells of the indicators whose
 *    aanleverende_partij is their own party (scope keten_partij, as the
 *    figure service decides it). Another party's indicator does not
 *    exist for them: 404, never 403, so ids reveal nothing. A
 *    ketenpartner whose grant names no party sees nothing (403).
 *  - a beheerder, contractmanager or auditor reads every cell; a
 *    regisseur the cells of the indicators of their ketens. They write
 *    none (only the party that delivers a figure answers for it).
 *  Someone holding the ketenpartner role and another one acts as the
 *  ketenpartner here (the view of what they deliver), as scope.h keeps
 *  one user on one side. The wijkteams read these values through their
 *  rapportage.
 *
 * What is checked when writing: the periode; the cell exists for the
 * caller (404 indicator, 422 organisatie_id / wijk_id when the
 * organisatie ran no wijkteam then or the wijk was not one of its); the
 * value fits the indicator's eenheid — a number ('.' or ',', at most
 * four decimals) for aantal (whole, >= 0), percentage (0 .. 100),
 * dagen and fte (>= 0) and euro, a text for tekst; niet_te_leveren
 * needs a reden and no value. Nothing is written unless every cell
 * holds; the rows and one audit row per cell are one transaction.
 */
#ifndef WZ_OPS_KETENPARTNERWAARDE_H
#define WZ_OPS_KETENPARTNERWAARDE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/periode.h"
#include "ops/ops.h"
#include "store/ketenpartnerwaarde.h"

/* Most characters of a tekst value and of a reden. */
#define KPW_TEKST_MAX	4000
#define KPW_REDEN_MAX	2000

/*
 * The cells of periode p (indicator_id 0: of every indicator) that the
 * caller may read, in the order of store_kpw_cellen. OPS_NIET_GEVONDEN
 * when indicator_id names none of them; OPS_GEWEIGERD (melding) for a
 * ketenpartner without a party. *partij: the caller's party code when
 * they write these cells ("werkom"), else NULL.
 */
enum ops_uitkomst ketenpartnerwaarde_lijst(struct ops_ctx *,
		    const struct periode *p, int64_t indicator_id,
		    struct kpw_cel **out, size_t *n, const char **partij);

/* One cell as sent. versie: what the caller last saw of it: -1 nothing
 * said (no If-Match), 0 no row yet, > 0 the row's versie. veld: the
 * prefix of the field names of its errors ("" in the API; a page names
 * each cell's inputs). The last block is set by the operation. */
struct kpw_invoer {
	struct ops_tekst  indicator_id, organisatie_id, wijk_id, waarde, tekst,
			  niet_te_leveren, reden;
	int64_t           versie;
	const char       *veld;

	int64_t           id;          /* the row written (or stored) */
	int               nieuw;       /* 1: created now */
	int               geschreven;  /* 0: unchanged, skipped */
	int               verouderd;   /* its versie was stale */
	int               vereist;     /* a row exists but versie was -1 */
};

/*
 * Writes the n cells of periode (one transaction: all or nothing).
 * alleen_gewijzigd: a cell whose input equals what is stored (or that is
 * empty and has no row) is skipped — a page posts every cell of the
 * screen. OPS_VEROUDERD when any cell's versie is stale (those carry
 * verouderd, or vereist when a row exists and none was named: the API
 * answers 428). Transaction open on OPS_OK.
 */
enum ops_uitkomst ketenpartnerwaarde_zet(struct ops_ctx *,
		    struct ops_tekst periode, struct kpw_invoer *in, size_t n,
		    int alleen_gewijzigd);

/* Whether niet_te_leveren as sent reads as yes: 1, no: 0, neither: -1
 * ("1", "true", "ja", "on" / "", "0", "false", "nee"). */
int	kpw_ja_nee(struct ops_tekst t);

#endif
