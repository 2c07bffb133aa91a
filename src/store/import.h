/* import.h — placeholder; the import slice fills it. */
#ifndef WZ_STORE_IMPORT_H
#define WZ_STORE_IMPORT_H
#endif
