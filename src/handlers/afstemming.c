/* placeholder */
#include "config.h"

#include <stddef.h>

#include "handlers/handlers.h"

const struct route_table routes_afstemming = { NULL, 0 };
