/*
 * limits.h — every size limit of the request path, in one place.
 *
 * The numbers here must agree with nginx/wijkzicht.conf.in and
 * nginx/local.conf.in (client_max_body_size, header buffers): nginx refuses
 * first, the application refuses again if a request somehow gets through.
 */
#ifndef WZ_LIMITS_H
#define WZ_LIMITS_H

/* Largest request body accepted (nginx: client_max_body_size 1m). */
#define WZ_MAX_BODY            (1024 * 1024)
/* Largest upload, for routes flagged ROUTE_BODY_UPLOAD only (nginx:
 * client_max_body_size 64m in their locations). Streamed, never held. */
#define WZ_MAX_UPLOAD          (64 * 1024 * 1024)
/* Form fields sent before the file of an upload: at most this many bytes
 * each (the CSRF token and a few small choices). */
#define WZ_MAX_UPLOAD_FIELD    1024
/* Longest request path, raw (before percent-decoding). */
#define WZ_MAX_PATH            2048
/* Longest query string. */
#define WZ_MAX_QUERY           4096
/* Most fields in one query string or form body. */
#define WZ_MAX_FIELDS          256
/* Longest field name in a form or query string (decoded bytes). */
#define WZ_MAX_FIELD_NAME      128
/* Most cookies read from a Cookie header. */
#define WZ_MAX_COOKIES         32
/* Deepest nesting of a JSON request body. */
#define WZ_MAX_JSON_DEPTH      32
/* Most path parameters a route can declare. */
#define WZ_MAX_ROUTE_PARAMS    8
/* Most segments in a route pattern or request path. */
#define WZ_MAX_PATH_SEGMENTS   16

/* Lists (?limit=): the default page and the most rows one page may ask. */
#define WZ_LIST_DEFAULT        50
#define WZ_LIST_MAX            500
/* Largest id a client may name: 2^53 - 1, exact in every JSON parser. */
#define WZ_MAX_ID              9007199254740991LL

/* Templates: largest template file and deepest section/partial nesting. */
#define WZ_MAX_TEMPLATE_SIZE   (256 * 1024)
#define WZ_MAX_TEMPLATE_DEPTH  32

#endif
