/* util: number parsing and formatting with Redis's exact rules.
 *
 * Redis's replies depend on these details (which strings count as integers,
 * how a float is printed), so they live in one tested place.
 *
 * Must not know: connections, commands, the keyspace.
 */
#ifndef TERN_UTIL_H
#define TERN_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Strict integer parse, as Redis's string2ll: optional '-', digits, no
 * leading '+', no leading zeros (except "0" itself), no spaces, no "-0",
 * within long long range, len 1..20 (plus sign). Returns 1 and sets *out
 * on success, 0 otherwise. */
int util_str2ll(const char *s, size_t len, long long *out);
/* Same, but the value must fit in a long (same as long long here). */
int util_str2l(const char *s, size_t len, long *out);
/* Unsigned variant with Redis 7.0's SCAN cursor rule: strtoull over the whole
 * string; a leading space, trailing junk or overflow fail; "" (0), "+5",
 * "007" and "-1" (wraps to ULLONG_MAX) are accepted, as Redis accepts them. */
int util_str2ull(const char *s, size_t len, unsigned long long *out);

/* Long double parse as Redis's string2ld (INCRBYFLOAT): strtold over the
 * whole string, no leading space, not NaN, not empty, len < 5120? (Redis uses
 * MAX_LONG_DOUBLE_CHARS = 5*1024). Returns 1 on success. */
int util_str2ld(const char *s, size_t len, long double *out);
/* Double parse as Redis's string2d (scores, timeouts): strtod over the whole
 * string, no leading space, not NaN; "inf"/"+inf"/"-inf" accepted. */
int util_str2d(const char *s, size_t len, double *out);

/* Decimal text of v into dst (at least 21 bytes); returns the length. */
size_t util_ll2str(char *dst, long long v);
size_t util_ull2str(char *dst, unsigned long long v);

/* Long double as Redis's ld2string(..., LD_STR_HUMAN) prints it for
 * INCRBYFLOAT: "%.17Lf" then trailing zeros (and a trailing '.') removed;
 * "inf"/"-inf" for infinities; "-0" printed as "0". dst must hold
 * UTIL_LD_STR_MAX bytes. Returns the length, or 0 if the untrimmed "%.17Lf"
 * text does not fit in cap (as Redis's ld2string). */
#define UTIL_LD_STR_MAX 5120
size_t util_ld2str_human(char *dst, size_t cap, long double v);

/* Milliseconds and microseconds of the wall clock (CLOCK_REALTIME). */
long long util_time_ms(void);
long long util_time_us(void);
/* Monotonic microseconds (CLOCK_MONOTONIC). */
long long util_mono_us(void);

/* Case-insensitive comparison of a slice with a NUL-terminated ASCII word. */
int util_eq_ci(const char *s, size_t len, const char *word);

/* Parse a memory size with Redis 7.0's config units (memtoull): digits, then
 * nothing, b, k, kb, m, mb, g or gb (case-insensitive; k = 1000, kb = 1024,
 * etc.). No sign or spaces ("-1", " 1", "1.5mb" fail); "" and "k" give 0;
 * too many digits saturate at ULLONG_MAX and the unit multiply wraps (Redis
 * does both). Returns 1 on success, 0 if not a memory value. */
int util_memtoull(const char *s, unsigned long long *out);
/* Same, for a signed setting: also 0 when the value exceeds LLONG_MAX (the
 * caller cannot tell that from a syntax error; use util_memtoull where the
 * error text differs, as Redis's "argument must be between ..." does). */
int util_memtoll(const char *s, long long *out);

/* n hex characters (40 for a run_id) from a good random source, then a NUL:
 * dst must hold n + 1 bytes. */
void util_random_hex(char *dst, size_t n);
/* Fill buf with n random bytes (getrandom(2), falling back to /dev/urandom). */
void util_random_bytes(void *buf, size_t n);

/* Bytes between two fdatasync calls of a save with incremental fsync
 * (rdb-save-incremental-fsync, aof-rewrite-incremental-fsync), as Redis. */
#define UTIL_AUTOSYNC_BYTES ((size_t)4 * 1024 * 1024)

/* A file being written in one go by a save: the descriptor, and the
 * incremental fsync state. every == 0 turns the periodic fsync off. */
struct util_sink {
    int fd;
    size_t every;    /* fdatasync after this many bytes; 0: never */
    size_t unsynced; /* bytes written since the last fdatasync */
};

/* Write all n bytes of p to s->fd (retrying EINTR and short writes), then
 * fdatasync when s->every bytes have gathered since the last one, so the
 * kernel writes a big save back in steady steps instead of one burst at
 * the end. Returns 0, or -1 with errno set (a write of 0 bytes: EIO). */
int util_sink_write(struct util_sink *s, const void *p, size_t n);

#endif
