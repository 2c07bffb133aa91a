/* placeholder */
#include "config.h"

#include <stddef.h>

#include "handlers/handlers.h"

const struct route_table routes_registratie_pagina = { NULL, 0 };
