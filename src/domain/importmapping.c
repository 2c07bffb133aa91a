/* placeholder. */
#include "config.h"

#include "domain/importmapping.h"

extern int wz_importmapping_placeholder;
int wz_importmapping_placeholder;
