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

struct json_object;

/* Appends {"veld": veld, "melding": melding} to lijst (a json-c array). */
void	fout_melding(struct json_object *lijst, const char *veld,
	    const char *melding);

#endif
