/*
 * format.h — rapportage formats, their versions, a version's content, its
 * consultation and the comments on it (sql/011, issue 11).
 *
 * The store knows no roles: who may see a concept, whose comments a
 * teamleider reads and who may write is the operation's decision
 * (ops/format.h), which hands the store its answer as parameters (concepten,
 * the organisaties of a teamleider) so that the filtering happens in SQL.
 * Nothing here holds personal data but the names of who commented and who
 * answered.
 *
 * Strings of every row live in the arena given; NULL where the column is.
 */
#ifndef WZ_STORE_FORMAT_H
#define WZ_STORE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;
struct format_inhoud;

struct format_rij {
	int64_t      id, versie, keten_id;
	const char  *code, *naam, *omschrijving;
	const char  *keten;            /* its name */
	const char  *aangemaakt;       /* "YYYY-MM-DDTHH:MM:SSZ" */
};

struct format_rec {
	const char  *code, *naam, *omschrijving;
	int64_t      keten_id;
};

struct formatversie_rij {
	int64_t      id, format_id, nummer, versie;
	int64_t      keten_id;         /* its format's */
	const char  *eerste_periode;   /* "2024-H1" */
	const char  *eerste_dag;       /* "2024-01-01" */
	int          indientermijn_dagen;
	const char  *toelichting;
	const char  *status;           /* concept, consultatie, gepubliceerd */
	int          geconsulteerd;    /* it was put out for consultation */
	const char  *consultatie_van, *gepubliceerd_op;   /* or NULL */
	int64_t      gepubliceerd_door;
	const char  *gepubliceerd_door_naam;
	int          midden_in_periode;
	const char  *publicatie_reden;
	const char  *aangemaakt;
	int64_t      reacties;         /* how many comments it has */
};

struct formatversie_rec {
	const char  *eerste_periode, *eerste_dag;
	int          indientermijn_dagen;
	const char  *toelichting;
};

/* One item of a version with what it refers to, in order (sectie
 * volgorde, then item volgorde). An empty section (never written so)
 * reads as one row with id 0 and soort NULL. */
struct format_item_rij {
	int64_t      sectie_id;
	int          sectie_volgorde;
	const char  *sectie_titel;
	int64_t      id;
	int          volgorde;
	const char  *soort;            /* indicator, eis, vraag */
	int64_t      indicator_id, indicator_keten_id;
	const char  *indicator_code, *indicator_naam, *eenheid, *bron;
	const char  *uitsplitsing;     /* the rule's, as JSON text, or NULL */
	int64_t      eis_id;
	const char  *eis_code, *eis_omschrijving;
	const char  *vraag;
	const char  *lijn;             /* vergelijkbaar, niet_vergelijkbaar */
	int64_t      vorige_indicator_id;
	const char  *vorige_indicator_code;
	int64_t      reacties;         /* comments on this item */
};

struct format_org_rij {
	int64_t      id;
	const char  *code, *naam;
};

struct format_reactie_rij {
	int64_t      id, formatversie_id, item_id;   /* item_id 0: gone */
	const char  *onderwerp;
	int64_t      organisatie_id;
	const char  *organisatie;
	int64_t      gebruiker_id;
	const char  *gebruiker;
	const char  *oordeel;          /* nodig, niet_nodig, onduidelijk */
	const char  *opmerking, *aangemaakt;
	const char  *antwoord;         /* NULL: not yet answered */
	int64_t      beantwoord_door;
	const char  *beantwoord_door_naam, *beantwoord_op;
	int64_t      versie;
};

struct format_reactie_rec {
	int64_t      formatversie_id, item_id, organisatie_id, gebruiker_id;
	const char  *onderwerp, *oordeel, *opmerking;
};

/* Formats (keten_id 0: every keten) with id > na, at most limit, by id. */
enum db_err	store_format_lijst(struct db *, struct arena *, int64_t keten_id,
		    int64_t na, int limit, struct format_rij **out, size_t *n);
/* One format (*gevonden 0: none). slot: FOR UPDATE, so that the writes
 * of one format's versions (the next nummer) follow one another. */
enum db_err	store_format_lees(struct db *, struct arena *, int64_t id,
		    int slot, struct format_rij *out, int *gevonden);
/* DB_DUPLICATE: the code is taken. */
enum db_err	store_format_nieuw(struct db *, const struct format_rec *,
		    int64_t *id);
/* naam and omschrijving of format id at versie (*affected 0: stale). */
enum db_err	store_format_wijzig(struct db *, int64_t id, int64_t versie,
		    const char *naam, const char *omschrijving,
		    uint64_t *affected);

/* The versions of a format, oldest (lowest nummer) first; concepten 0
 * leaves the concepts out. */
enum db_err	store_formatversie_lijst(struct db *, struct arena *,
		    int64_t format_id, int concepten,
		    struct formatversie_rij **out, size_t *n);
/* One version by format and nummer, as the list filters it. */
enum db_err	store_formatversie_lees(struct db *, struct arena *,
		    int64_t format_id, int64_t nummer, int concepten,
		    struct formatversie_rij *out, int *gevonden);
/* A new concept. DB_DUPLICATE: (format_id, nummer) exists. */
enum db_err	store_formatversie_nieuw(struct db *, int64_t format_id,
		    int64_t nummer, const struct formatversie_rec *, int64_t *id);
/* The fields of concept id at versie (*affected 0: stale or no longer a
 * concept). */
enum db_err	store_formatversie_wijzig(struct db *, int64_t id,
		    int64_t versie, const struct formatversie_rec *,
		    uint64_t *affected);
/* Replaces the sections and items of version id by in (its items
 * deleted first; a comment on a deleted item keeps its onderwerp). The
 * caller has checked that id is a concept, in this transaction. */
enum db_err	store_formatversie_inhoud_zet(struct db *, int64_t id,
		    const struct format_inhoud *in);
/* The content of version id, in order. */
enum db_err	store_formatversie_items(struct db *, struct arena *, int64_t id,
		    struct format_item_rij **out, size_t *n);

/* status van → naar (consultatie: consultatie_van now), versie + 1;
 * *affected 0 when the version is no longer van. */
enum db_err	store_formatversie_status(struct db *, int64_t id,
		    const char *van, const char *naar, uint64_t *affected);
/* van → gepubliceerd, now, by door, with midden and reden (NULL: none). */
enum db_err	store_formatversie_publiceer(struct db *, int64_t id,
		    const char *van, int64_t door, int midden, const char *reden,
		    uint64_t *affected);

/* Records the organisaties consulted on version id: those of ids (a JSON
 * array text "[3,5]"), or every wijkteamorganisatie when ids is NULL.
 * One already consulted stays so (no error). */
enum db_err	store_formatversie_consultatie_zet(struct db *, int64_t id,
		    const char *ids);
/* The organisaties consulted on version id, by naam. */
enum db_err	store_formatversie_consultatie_lijst(struct db *, struct arena *,
		    int64_t id, struct format_org_rij **out, size_t *n);
/* How many of ids (JSON array text) are wijkteamorganisaties. */
enum db_err	store_format_wijkteamorganisaties_tel(struct db *, struct arena *,
		    const char *ids, int64_t *n);
/* The first organisatie consulted on version id among the organisaties
 * orgs ("3,5") and those of the wijkteams wijkteams ("7") — a
 * teamleider's grants; *organisatie_id 0: none of them. */
enum db_err	store_formatversie_geraadpleegd(struct db *, struct arena *,
		    int64_t id, const char *orgs, const char *wijkteams,
		    int64_t *organisatie_id);

/* How many of the indicator ids and of the eis ids (JSON array texts)
 * exist. */
enum db_err	store_format_refs(struct db *, struct arena *,
		    const char *indicator_ids, const char *eis_ids,
		    int64_t *nindicatoren, int64_t *neisen);

/* The comments on version id, oldest first: all (orgs NULL), or those of
 * the organisaties orgs ("3,5") and of the wijkteams wijkteams. */
enum db_err	store_format_reactie_lijst(struct db *, struct arena *,
		    int64_t formatversie_id, const char *orgs,
		    const char *wijkteams, struct format_reactie_rij **out,
		    size_t *n);
/* One comment of version formatversie_id (*gevonden 0: none). */
enum db_err	store_format_reactie_lees(struct db *, struct arena *,
		    int64_t formatversie_id, int64_t id,
		    struct format_reactie_rij *out, int *gevonden);
enum db_err	store_format_reactie_nieuw(struct db *,
		    const struct format_reactie_rec *, int64_t *id);
/* The answer to comment id at versie, by door, now (*affected 0: stale). */
enum db_err	store_format_reactie_antwoord(struct db *, int64_t id,
		    int64_t versie, const char *antwoord, int64_t door,
		    uint64_t *affected);

#endif
