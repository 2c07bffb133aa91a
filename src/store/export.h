/* export.h — placeholder; the export slice fills it. */
#ifndef WZ_STORE_EXPORT_H
#define WZ_STORE_EXPORT_H
#endif
