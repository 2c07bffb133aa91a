/*
 * compleetheid.h — completeness and timeliness of rapportages as stored
 * (issue 12): per keten and periode, the formatversie that applies to the
 * periode of each format, the wijkteamorganisaties that should report
 * (every one that ran a wijkteam during the periode, after
 * wijkteam_organisatie's validity dates), their rapportages, and the
 * ketenpartner values still missing for them.
 *
 * Dates travel as "YYYY-MM-DD", times as "YYYY-MM-DDTHH:MM:SSZ". Which
 * organisaties a caller may see is a filter in SQL (alles, orgs).
 */
#ifndef WZ_STORE_COMPLEETHEID_H
#define WZ_STORE_COMPLEETHEID_H

#include <stddef.h>
#include <stdint.h>

#include "db/exec.h"

struct arena;
struct db;

/* The formatversie of a format of the keten that applies to a periode
 * (published, eerste_dag on or before the periode's first day, no later
 * published version starting on or before it), with its deadline: the
 * periode's last day + indientermijn_dagen, and whether today is after it. */
struct compleetheid_versie {
	int64_t      format_id, formatversie_id, nummer;
	int          indientermijn_dagen, verstreken;
	const char  *format, *eerste_periode, *termijn;
};

struct compleetheid_org {
	int64_t      id;
	const char  *naam;
};

/* A rapportage of a format of the keten for the periode. */
struct compleetheid_rap {
	int64_t      id, format_id, formatversie_id, organisatie_id;
	const char  *status, *ingediend_op, *ingediend_dag, *vastgesteld_op;
};

/* For organisatie_id: how many cells (ketenpartner indicator of the
 * version × its wijken in the periode + the total) partij delivers, and
 * how many of them have no ketenpartner_waarde yet. */
struct compleetheid_ontbreekt {
	int64_t      organisatie_id, verwacht, ontbreekt;
	const char  *partij;
};

/* The keten's name (*gevonden 0: no such keten). */
enum db_err	store_compleetheid_keten(struct db *, struct arena *,
		    int64_t keten_id, const char **naam, int *gevonden);
/* eerste, laatste: the periode's days ("YYYY-MM-DD"). */
enum db_err	store_compleetheid_versies(struct db *, struct arena *,
		    int64_t keten_id, const char *eerste, const char *laatste,
		    struct compleetheid_versie **out, size_t *n);
/* The wijkteamorganisaties that ran a wijkteam between eerste and
 * laatste, all of them (alles) or those in orgs ("3,7"), by name. */
enum db_err	store_compleetheid_organisaties(struct db *, struct arena *,
		    const char *eerste, const char *laatste, int alles,
		    const char *orgs, struct compleetheid_org **out, size_t *n);
enum db_err	store_compleetheid_rapportages(struct db *, struct arena *,
		    int64_t keten_id, const char *periode,
		    struct compleetheid_rap **out, size_t *n);
enum db_err	store_compleetheid_ontbrekend(struct db *, struct arena *,
		    int64_t formatversie_id, const char *periode,
		    const char *eerste, const char *laatste,
		    struct compleetheid_ontbreekt **out, size_t *n);

#endif
