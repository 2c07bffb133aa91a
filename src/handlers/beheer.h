/*
 * beheer.h — what the structure handlers share (beheer.c: resources and
 * the JSON API; beheer_pagina.c: the admin pages; beheer_budget.c: the
 * budgets of an opdracht). Internal to those three files.
 *
 * One description per resource (struct bron) drives generic list, read,
 * create and update code for all seven: its fields (domain/veld.h, the
 * same declarations for the API and the forms), its kind in the store and
 * its words on the pages. The SQL stays constant text per kind in
 * store/structuur.c.
 */
#ifndef WZ_HANDLERS_BEHEER_H
#define WZ_HANDLERS_BEHEER_H

#include "handlers/common.h"
#include <stddef.h>
#include <stdint.h>

#include "domain/veld.h"
#include "ops/structuur.h"
#include "store/structuur.h"

struct json_object;
struct req;

#define BRON_MAX_VELDEN	STRUCTUUR_MAX_VELDEN

struct bron {
	const char          *pad;       /* "wijken": /api/v1/wijken, /beheer/wijken */
	const char          *soort;     /* "wijk": the audit log's object_soort */
	const char          *titel;     /* "Wijken" */
	const char          *nieuw;     /* "Nieuwe wijk" */
	const char          *de;        /* "De wijk" (sentences) */
	enum structuur_soort s;
	const struct veld   *velden;    /* in the store's column order */
	size_t               nvelden;   /* all fields read from input */
	size_t               ntonen;    /* the first ntonen are columns read back */
	/* Adds read-only parts to a single record's JSON (a wijkteam's
	 * historie, a keten's regisseurs, an opdracht's budgetten). */
	enum db_err        (*aanvullen)(struct req *, int64_t id,
			       struct json_object *obj);
};

/* The seven resources, in the order of enum structuur_soort. */
extern const struct bron bronnen[SOORT__N];

/*
 * Reads the fields of b from the JSON body (which must be an object: 400
 * otherwise) or from the form. wijzigen: an update (VELD_BIJ_WIJZIGEN
 * fields are read). Checks each value, the period, and that references
 * exist (structuur_refs_toets). The write is ops/structuur.h's. Returns 0
 * with in->fouten empty or holding the field errors (owned by in), or -1
 * after answering (400, or a database error).
 */
int	invoer_uit_json(struct req *, const struct bron *, int wijzigen,
	    struct structuur_invoer *in);
int	invoer_uit_form(struct req *, const struct bron *, int wijzigen,
	    struct structuur_invoer *in);
void	invoer_vrij(struct structuur_invoer *);

/*
 * Writes record *id of b (0: a new one) at versie from in, with c set up
 * for this request (ops/structuur.h: structuur_schrijf). The caller
 * answers the outcome; antwoord_uitkomst frees c's field list.
 */
enum ops_uitkomst bron_schrijf(struct req *, const struct bron *,
		    struct structuur_invoer *in, int64_t *id, int64_t versie,
		    struct ops_ctx *c);

/*
 * Reads record id as its JSON object (with the aanvullen parts when
 * volledig). *obj is NULL when there is no such record. Returns DB_OK or
 * the error (not answered).
 */
enum db_err	bron_lees_json(struct req *, const struct bron *, int64_t id,
		    int volledig, struct json_object **obj);

/* The row version of a JSON object made by bron_lees_json. */
int64_t	bron_versie(struct json_object *obj);

/* Answers 422 with the field errors (taken from in). */
void	api_veldfouten(struct req *, struct structuur_invoer *);

/* The edit page of an opdracht/... record, in the given state. fouten
 * (may be NULL) and conflict (may be NULL) are shown at the top; budget
 * (may be NULL) replaces the budget part of an opdracht page with what was
 * typed. Ownership of fouten and budget is taken. */
void	pagina_bewerk_toon(struct req *, const struct bron *, int status,
	    struct json_object *item, const struct structuur_invoer *typed,
	    struct json_object *fouten, const char *conflict,
	    struct json_object *budget);

/* The budget part of an opdracht's edit page, from its stored lines
 * (item's "budgetten"). Returns a new object or NULL on a database error. */
struct json_object *budget_formulier(struct req *, struct json_object *item);

/* A budget line's fields: organisatie, jaar, bedrag. */
enum { B_ORG, B_JAAR, B_BEDRAG, B__N };

/*
 * The budget part of the opdracht page: n lines (org ids, years, amounts
 * as text), the add-a-line row (nieuw: org, jaar, bedrag as typed) and the
 * errors. NULL after answering a database error.
 */
struct json_object *budget_ctx(struct req *, int64_t id, size_t n,
	    const char **org, const char **jaar, const char **bedrag,
	    const char *const nieuw[B__N], struct json_object *fouten);

/* Route handlers of beheer_pagina.c and beheer_budget.c. */
void	pagina_index(struct req *);
void	pagina_lijst(struct req *);
void	pagina_nieuw(struct req *);
void	pagina_maak(struct req *);
void	pagina_bewerk(struct req *);
void	pagina_bewaar(struct req *);
void	api_budget_lees(struct req *);
void	api_budget_zet(struct req *);
void	pagina_budget_bewaar(struct req *);

#endif
