/*
 * rapportage.h — the rules of a rapportage that need no database (issue
 * 12): when a value needs a toelichting, the codes and labels of its
 * states and of an answer to an eis.
 *
 * Pure: no I/O, no allocation; strings are borrowed or static.
 */
#ifndef WZ_DOMAIN_RAPPORTAGE_H
#define WZ_DOMAIN_RAPPORTAGE_H

#include <stdint.h>

#include "domain/streefwaarde.h"

/* Why a value needs a toelichting (a union of these bits). */
enum rapportage_reden {
	RAP_GEEN   = 0,
	RAP_STREEF = 1,   /* it deviates from its streefwaarde beyond the
			   * tolerance (status afwijking) */
	RAP_VORIGE = 2,   /* it changed against the previous period by more
			   * than the indicator's drempel_vorige_periode */
};

/*
 * Why value v needs a toelichting. status is the value's status against
 * its target; v and vorige are in the same units, each only when its
 * heeft flag is set; drempel is a percentage (0: every change counts).
 * A change counts when |v - vorige| * 100 > drempel * |vorige|, so from a
 * previous value of 0 any change counts.
 */
unsigned	rapportage_toelichting_nodig(enum sw_status status, int heeft,
		    int64_t v, int vorige_heeft, int64_t vorige, int drempel);

/* A Dutch sentence for the reasons in bits ("Wijkt af van de streefwaarde
 * en van de vorige periode."), NULL for RAP_GEEN. */
const char	*rapportage_reden_tekst(unsigned bits);

/* "Concept", "Ingediend", "Vastgesteld"; NULL for an unknown code. */
const char	*rapportage_status_label(const char *code);
/* Whether code is an answer to an eis: voldaan, deels, niet. */
int		 rapportage_oordeel_geldig(const char *code);
/* "Voldaan", "Deels voldaan", "Niet voldaan"; NULL for an unknown code. */
const char	*rapportage_oordeel_label(const char *code);
/* Labels of a step of the rapportage workflow in the historie
 * ("aangemaakt" → "Aangemaakt", "terugsturen" → "Teruggestuurd"). */
const char	*rapportage_actie_label(const char *actie);

#endif
