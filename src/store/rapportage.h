/*
 * rapportage.h — rapportages as stored (sql/012): the rapportage, its
 * values (one row per indicator item × wijk, each with its own versie),
 * its answers to eisen and open questions, the regisseur's vragen, the
 * historie of its transitions and the revision markers.
 *
 * Numbers travel as text (DECIMAL(18,4) both ways, as store/streefwaarde.h
 * does). Which rapportages a caller may see is a filter in SQL
 * (struct rapportage_bereik); whether a caller may write is the
 * operation's business (ops/rapportage.c).
 */
#ifndef WZ_STORE_RAPPORTAGE_H
#define WZ_STORE_RAPPORTAGE_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* Which rapportages a caller sees: every one (alles), or those of the
 * organisaties in orgs and those of the formats of the ketens in ketens
 * ("3,7"; "" for none). */
struct rapportage_bereik {
	int          alles;
	const char  *orgs, *ketens;
};

struct rapportage_rij {
	int64_t      id, versie, format_id, formatversie_id, nummer, keten_id;
	int64_t      organisatie_id;
	int          ronde, indientermijn_dagen, midden_in_periode;
	const char  *format, *keten, *organisatie;          /* names */
	const char  *periode, *eerste_dag, *laatste_dag;    /* "2024-H1" */
	const char  *status, *terugkoppeling;
	const char  *aangemaakt, *ingediend_op, *ingediend_door;
	const char  *vastgesteld_op, *vastgesteld_door;     /* names, or NULL */
	const char  *versie_eerste_periode, *publicatie_reden, *gepubliceerd_op;
	int64_t      open_vragen;
	/* The version of its format that applies to its periode now (a
	 * newer one may have been published since it was started). */
	int64_t      geldend_id, geldend_nummer;
	const char  *geldend_reden;        /* that version's publicatie_reden */
};

struct rapportage_rec {
	int64_t      format_id, formatversie_id, organisatie_id, door;
	const char  *periode, *eerste_dag, *laatste_dag;
};

struct rapportage_filter {
	int64_t      keten_id, organisatie_id;     /* 0: any */
	const char  *periode, *status;             /* NULL: any */
};

/* One value, with its item, wijk and the ketenpartner value of its cell
 * (kp_*: the row of ketenpartner_waarde, kp_id 0 when there is none). */
struct rapportage_waarde_rij {
	int64_t      id, versie, item_id, indicator_id, wijk_id;
	int          sectie_volgorde, volgorde;
	const char  *sectie_titel, *wijk;              /* wijk NULL: total */
	const char  *waarde, *tekst, *reden, *toelichting;
	int          niet_te_leveren;
	const char  *niet_te_leveren_reden;
	const char  *gewijzigd_door, *gewijzigd_op;    /* name, time or NULL */
	const char  *momentopname;                     /* JSON, or NULL */
	int          vastgesteld_heeft;
	const char  *vastgesteld_waarde, *vastgesteld_tekst;
	int64_t      kp_id;
	const char  *kp_waarde, *kp_tekst, *kp_reden;
	int          kp_niet;
	int64_t      vorige_indicator_id;    /* the item's lineage, or 0 */
};

/* What a team writes to a value (the operation checked it). */
struct rapportage_waarde_rec {
	const char  *waarde, *tekst, *reden, *toelichting, *niet_te_leveren_reden;
	int          niet_te_leveren;
	int64_t      door;
};

struct rapportage_antwoord_rij {
	int64_t      id, versie, item_id, eis_id;
	int          sectie_volgorde, volgorde;
	const char  *sectie_titel, *soort, *eis_code, *eis_omschrijving, *vraag;
	const char  *antwoord, *toelichting, *beoordeling, *beoordeling_toelichting;
	const char  *gewijzigd_door, *gewijzigd_op;
};

struct rapportage_vraag_rij {
	int64_t      id, versie, waarde_id, antwoord_id;
	const char  *vraag, *gesteld_door, *gesteld_op;
	const char  *antwoord, *beantwoord_door, *beantwoord_op;   /* or NULL */
};

struct rapportage_historie_rij {
	int64_t      id;
	const char  *actie, *van, *naar, *door, *op, *reden;
};

struct rapportage_revisie_rij {
	int64_t      id, waarde_id;
	int          ronde, oud_heeft, nieuw_heeft;
	const char  *oud, *oud_tekst, *nieuw, *nieuw_tekst;
	const char  *gewijzigd_door, *gewijzigd_op, *reden, *vastgesteld_op;
	int          oud_weg, nieuw_weg;   /* withheld in the aggregate view
					    * (set by ops/rapportage.c) */
};

/* A revision marker as written at a vaststelling. */
struct rapportage_revisie_rec {
	int64_t      rapportage_id, waarde_id;
	int          ronde, oud_heeft, nieuw_heeft;
	const char  *oud, *oud_tekst, *nieuw, *nieuw_tekst, *reden;
};

/* The formatversie a rapportage of periode would use: its format and
 * keten, status and eerste_periode, and how many published versions of
 * the same format start after it but on or before dag ("YYYY-MM-DD"):
 * when any does, the version no longer applies to that periode. */
struct rapportage_versie {
	int64_t      id, format_id, keten_id, nummer;
	const char  *status, *eerste_periode, *eerste_dag;
	int64_t      later;
};
enum db_err	store_rapportage_versie(struct db *, struct arena *,
		    int64_t formatversie_id, const char *dag,
		    struct rapportage_versie *out, int *gevonden);
/* Whether organisatie_id is a wijkteamorganisatie. */
enum db_err	store_rapportage_organisatie(struct db *, struct arena *,
		    int64_t organisatie_id, int *wijkteamorganisatie);

/* A new rapportage with a row per indicator item of its version × wijk
 * in wijken ("[0,3,5]", 0 the total) and an answer row per eis and open
 * question. DB_DUPLICATE: this organisatie has one of the format for
 * that periode already. */
enum db_err	store_rapportage_nieuw(struct db *, const struct rapportage_rec *,
		    const char *wijken, int64_t *id);

/* The rapportages in bereik b matching f with id > na, at most limit. */
enum db_err	store_rapportage_lijst(struct db *, struct arena *,
		    const struct rapportage_bereik *b,
		    const struct rapportage_filter *f, int64_t na, int limit,
		    struct rapportage_rij **out, size_t *n);
/* One rapportage in bereik b (*gevonden 0: none, or outside b). */
enum db_err	store_rapportage_lees(struct db *, struct arena *,
		    const struct rapportage_bereik *b, int64_t id,
		    struct rapportage_rij *out, int *gevonden);

/* The values of rapportage id (of org in periode), in the order of the
 * format, each item's wijken by id with the total last. */
enum db_err	store_rapportage_waarden(struct db *, struct arena *, int64_t id,
		    struct rapportage_waarde_rij **out, size_t *n);
/* Value waarde_id of rapportage id (*gevonden 0: not of it). */
enum db_err	store_rapportage_waarde(struct db *, struct arena *, int64_t id,
		    int64_t waarde_id, struct rapportage_waarde_rij *out,
		    int *gevonden);
enum db_err	store_rapportage_antwoorden(struct db *, struct arena *,
		    int64_t id, struct rapportage_antwoord_rij **out, size_t *n);
enum db_err	store_rapportage_vragen(struct db *, struct arena *, int64_t id,
		    struct rapportage_vraag_rij **out, size_t *n);
enum db_err	store_rapportage_historie(struct db *, struct arena *,
		    int64_t id, struct rapportage_historie_rij **out, size_t *n);
enum db_err	store_rapportage_revisies(struct db *, struct arena *,
		    int64_t id, struct rapportage_revisie_rij **out, size_t *n);

/* Writes value waarde_id of rapportage id at versie (*affected 0 when it
 * is stale or not of that rapportage). */
enum db_err	store_rapportage_waarde_wijzig(struct db *, int64_t id,
		    int64_t waarde_id, int64_t versie,
		    const struct rapportage_waarde_rec *, uint64_t *affected);
/* Writes the answer antwoord_id of rapportage id at versie. */
enum db_err	store_rapportage_antwoord_wijzig(struct db *, int64_t id,
		    int64_t antwoord_id, int64_t versie, const char *antwoord,
		    const char *toelichting, int64_t door, uint64_t *affected);
/* The gemeente's beoordeling of answer antwoord_id. */
enum db_err	store_rapportage_beoordeel(struct db *, int64_t id,
		    int64_t antwoord_id, const char *beoordeling,
		    const char *toelichting);

/* Moves rapportage id from van to naar at versie, recording who did it
 * as the submitter (naar ingediend) or the one who established it (naar
 * vastgesteld, with terugkoppeling and the next ronde). */
enum db_err	store_rapportage_status(struct db *, int64_t id, int64_t versie,
		    const char *van, const char *naar, int64_t door,
		    const char *terugkoppeling, uint64_t *affected);
enum db_err	store_rapportage_historie_nieuw(struct db *, int64_t id,
		    const char *actie, const char *van, const char *naar,
		    int64_t door, const char *reden);

/* The snapshot of value waarde_id (NULL clears it). */
enum db_err	store_rapportage_momentopname(struct db *, int64_t waarde_id,
		    const char *json);
/* Clears every snapshot of rapportage id (back to concept: live again). */
enum db_err	store_rapportage_momentopnamen_weg(struct db *, int64_t id);
/* Records the value of waarde_id as vastgesteld. */
enum db_err	store_rapportage_vastleggen(struct db *, int64_t waarde_id,
		    int heeft, const char *waarde, const char *tekst);
enum db_err	store_rapportage_revisie_nieuw(struct db *,
		    const struct rapportage_revisie_rec *);

/* A vraag on one value (waarde_id) or one answer (antwoord_id). */
enum db_err	store_rapportage_vraag_nieuw(struct db *, int64_t id,
		    int64_t waarde_id, int64_t antwoord_id, const char *vraag,
		    int64_t door, int64_t *vraag_id);
enum db_err	store_rapportage_vraag_antwoord(struct db *, int64_t id,
		    int64_t vraag_id, int64_t versie, const char *antwoord,
		    int64_t door, uint64_t *affected);

/* Moves concept id at versie from formatversie oud to nieuw: the values
 * and answers of nieuw, keeping what was typed for the same indicator and
 * wijk or the same eis (*affected 0 when versie is stale). */
enum db_err	store_rapportage_wissel(struct db *, int64_t id, int64_t versie,
		    int64_t oud, int64_t nieuw, uint64_t *affected);

/* A value as vastgesteld in the rapportage of the previous periode. */
struct rapportage_vorige_rij {
	int64_t      indicator_id, wijk_id;
	const char  *waarde;
};
/* The vastgestelde values of organisatie org's rapportage of format_id
 * for periode (none: *n 0). */
enum db_err	store_rapportage_vorige(struct db *, struct arena *, int64_t org,
		    int64_t format_id, const char *periode,
		    struct rapportage_vorige_rij **out, size_t *n);

/* How many ingediende rapportages of periode (a half-year or quarter) or
 * of the periods of year periode ("2024": 2024-H1, 2024-H2, ...) hold
 * indicator_id. */
enum db_err	store_rapportage_ingediend_met(struct db *, struct arena *,
		    int64_t indicator_id, const char *periode, int64_t *n);

#endif
