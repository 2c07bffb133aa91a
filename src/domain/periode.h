/*
 * periode.h — reporting periods: a year ("2024"), a half-year ("2024-H1",
 * "2024-H2") or a quarter ("2024-Q1" .. "2024-Q4").
 *
 * The code is what is stored and what travels in URLs and the API; it is
 * ASCII and read strictly, so one period has exactly one spelling. The
 * label is for people and may change wording without touching stored data.
 * Days are day numbers as core/datum.h counts them (long, day 0 is
 * 1970-01-01), so a period compares directly with a date read by
 * datum_lees().
 *
 * Pure: no I/O, no allocation, no time zone.
 */
#ifndef WZ_PERIODE_H
#define WZ_PERIODE_H

#include <stddef.h>

enum periode_soort {
	PERIODE_JAAR = 1,
	PERIODE_HALFJAAR,
	PERIODE_KWARTAAL,
};

struct periode {
	enum periode_soort  soort;
	int                 jaar;
	int                 deel;    /* 1..2 (halfjaar), 1..4 (kwartaal);
				      * 1 for a year */
};

/* Room for any code periode_code() writes, NUL included: "2024-H1". */
#define PERIODE_CODE_MAX	8
/* Room for any label periode_label() writes: "tweede halfjaar 2024". */
#define PERIODE_LABEL_MAX	32

/*
 * Reads exactly n bytes of s as a code: "YYYY", "YYYY-Hd" or "YYYY-Qd",
 * upper-case H and Q, no spaces, a year DATUM_JAAR_MIN..DATUM_JAAR_MAX.
 * Returns 0, or -1 (out untouched).
 */
int	periode_lees(const char *s, size_t n, struct periode *out);

/* As periode_lees, for a C string (NULL: -1). */
int	periode_lees_str(const char *s, struct periode *out);

/*
 * Whether p is a period periode_lees() could have read: a known soort, a
 * deel in range and a year in the DATUM_JAAR range. periode_vorige() and
 * periode_volgende() may step outside that range; ask this before
 * offering the step to a user.
 */
int	periode_geldig(const struct periode *p);

/* Writes p's code into out; "" when p is not geldig. Returns out. */
char	*periode_code(const struct periode *p, char out[PERIODE_CODE_MAX]);

/*
 * Writes the Dutch label into out (truncated to n bytes): "2024",
 * "eerste halfjaar 2024", "derde kwartaal 2024"; "" when p is not geldig.
 * Returns out.
 */
char	*periode_label(const struct periode *p, char *out, size_t n);

/*
 * The first and the last day of p, both inside the period. For a p that is
 * not geldig the days are those of a period in p's year, never undefined.
 */
long	periode_eerste_dag(const struct periode *p);
long	periode_laatste_dag(const struct periode *p);

/* Whether day dag lies in p (first and last day included). */
int	periode_bevat(const struct periode *p, long dag);

/*
 * The period of the same soort just before or after p, across years:
 * 2024-Q1 → 2023-Q4, 2024-H2 → 2025-H1, 2024 → 2023. A p whose soort or
 * deel is out of range comes back unchanged.
 */
struct periode	periode_vorige(const struct periode *p);
struct periode	periode_volgende(const struct periode *p);

/*
 * The period of kind soort that holds day dag. An unknown soort gives a
 * period with deel 0, which periode_geldig() refuses.
 */
struct periode	periode_van_dag(enum periode_soort soort, long dag);

#endif
