/*
 * traject.h — the kinds of traject (one line of support for an inwoner,
 * DESIGN.md section 2), declared once as form options.
 *
 * Pure: static data only.
 */
#ifndef WZ_TRAJECT_H
#define WZ_TRAJECT_H

#include "domain/veld.h"

/* The kinds, ended by { NULL, NULL }: code as stored, Dutch label. */
extern const struct veld_optie traject_soorten[];

/* The label of a kind, or NULL when code is not one. */
const char	*traject_soort_label(const char *code);

#endif
