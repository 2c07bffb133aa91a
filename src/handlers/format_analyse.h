/*
 * format_analyse.h — what the analysis routes (format_analyse.c) share
 * with the pages of a version (formats_pagina.c).
 */
#ifndef WZ_HANDLERS_FORMAT_ANALYSE_H
#define WZ_HANDLERS_FORMAT_ANALYSE_H

#include <stddef.h>

struct fa_ntl;
struct json_object;

/* The indicators marked niet te leveren, as [{indicator_id, code, naam,
 * aantal, redenen: [..]}]. */
struct json_object	*niet_te_leveren_json(const struct fa_ntl *x, size_t n);

#endif
