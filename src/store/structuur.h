/*
 * structuur.h — organisaties, wijken, wijkteams, ketens, thema's,
 * opdrachten (with budgets) and eisen: the structure a beheerder maintains.
 */
#ifndef WZ_STORE_STRUCTUUR_H
#define WZ_STORE_STRUCTUUR_H

#include "db/exec.h"
#include "store/statements.h"

#endif
