/*
 * gebruikers.c — (being written) the routes of this part of the application.
 */
#include "config.h"

#include <stddef.h>

#include "handlers/handlers.h"

const struct route_table routes_gebruikers = { NULL, 0 };
