/*
 * beheer.c — (being written) the routes of this part of the application.
 */
#include "config.h"

#include <stddef.h>

#include "handlers/handlers.h"

const struct route_table routes_beheer = { NULL, 0 };
