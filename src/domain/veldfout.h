/*
 * veldfout.h — a list of field errors: [{"veld", "melding"}], the shape of
 * the `errors` of a 422 problem and of the `fouten` of a re-rendered form.
 * One builder for the domain's validators (gebeurtenis.c,
 * importmapping.c) and the handlers alike.
 *
 * Pure: no I/O; allocates only the json-c objects it appends.
 */
#ifndef WZ_VELDFOUT_H
#define WZ_VELDFOUT_H

#include "domain/veld.h"

struct json_object;

/* Appends {"veld": veld, "melding": melding} to lijst (a json-c array;
 * NULL: nothing). */
void	fout_melding(struct json_object *lijst, const char *veld,
	    const char *melding);

/* Appends {veld, melding} for declared field f and reason fout. */
void	fout_toevoegen(struct json_object *lijst, const char *veld,
	    const struct veld *f, enum veld_fout fout);

/* The first message for field naam in a list of field errors, or NULL. */
const char *fout_van(struct json_object *fouten, const char *naam);

#endif
