/*
 * migrate.h — schema migrations: numbered SQL files applied in order.
 *
 * sql/NNN_name.sql files are applied in ascending NNN, each recorded in the
 * table schema_migratie with its SHA-256. A file that was changed after it
 * was applied, an applied migration whose file is gone, a duplicate number,
 * or a new file numbered below one already applied is refused before
 * anything runs: history is never rewritten silently.
 *
 * The planning half (scan + plan) is pure and unit-tested; migrate_run does
 * the I/O, as the migration user (the application user has no DDL rights).
 */
#ifndef WZ_MIGRATE_H
#define WZ_MIGRATE_H

#include <stddef.h>
#include <stdio.h>

struct config;
struct db;

struct migration {
	int   version;
	char  name[128];       /* file name, e.g. "001_basis.sql" */
	char  path[1024];
	char  checksum[65];    /* lowercase hex SHA-256 of the file */
};

struct applied_migration {
	int   version;
	char  checksum[65];
};

/*
 * Reads every *.sql file of dir (not subdirectories), requires names of the
 * form NNN_name.sql (three or more digits, name [a-z0-9_]), and returns
 * them sorted by version in *out (malloc'ed; caller frees) with checksums.
 * Returns 0 or -1 with the reason in err.
 */
int	migrate_scan(const char *dir, struct migration **out, size_t *n,
	    char *err, size_t errlen);

/*
 * Compares files with what the database says was applied. On success sets
 * *first_pending to the index in files of the first migration to apply
 * (nfiles when none) and returns 0. Returns -1 with the reason in err when
 * history does not match (changed checksum, missing file, or a pending file
 * numbered below the newest applied one).
 */
int	migrate_plan(const struct migration *files, size_t nfiles,
	    const struct applied_migration *applied, size_t napplied,
	    size_t *first_pending, char *err, size_t errlen);

/* SHA-256 of len bytes as lowercase hex into out[65]. */
void	migrate_checksum(const void *data, size_t len, char out[65]);

/*
 * Applies pending migrations from cfg->sql_dir. Reports progress on out.
 * Returns 0, or -1 after printing the reason.
 */
int	migrate_run(const struct config *, FILE *out);

/*
 * Executes every .sql file of dir in name order on db (connected when it
 * is not; a migration connection, which allows many statements per
 * file), reporting each on out after tag. Returns 0, or -1 after printing
 * the reason. For files written to be run again (demo data).
 */
int	migrate_exec_dir(struct db *, const char *dir, const char *tag,
	    FILE *out);

#endif
