/* util: number parsing and formatting with Redis 7.0's exact rules, clocks,
 * and random bytes.
 *
 * Each parser here reproduces which strings Redis accepts, because replies
 * ("ERR value is not an integer or out of range" or a result) depend on it.
 * The rules were checked against redis-server 7.0.15; tests/unit/test_util.c
 * holds the cases.
 *
 * Invariants: parsers never read past s[len); only util_str2d allocates
 * (scratch for a score string of 128+ bytes, freed before it returns).
 * Must not know: connections, commands, the keyspace.
 */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"

/* With -Iserver, <limits.h> finds server/limits.h instead of the C library's,
 * so take the integer bounds from the compiler's predefined macros. */
#ifndef LLONG_MAX
#define LLONG_MAX __LONG_LONG_MAX__
#endif
#ifndef ULLONG_MAX
#define ULLONG_MAX (__LONG_LONG_MAX__ * 2ULL + 1ULL)
#endif
#ifndef LONG_MAX
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-__LONG_MAX__ - 1L)
#endif

/* Longest decimal long long ("-9223372036854775808") is 20 bytes; Redis
 * rejects any string of 21 bytes or more before looking at it. */
#define LL_STR_MAX 21

/* Strict decimal parse (Redis's string2ll). O(len). */
int util_str2ll(const char *s, size_t len, long long *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int neg = 0;
    unsigned long long v;

    if (len == 0 || len >= LL_STR_MAX)
        return 0;
    if (len == 1 && p[0] == '0') {
        *out = 0;
        return 1;
    }
    if (p[0] == '-') {
        neg = 1;
        i = 1;
        if (len == 1)
            return 0;
    }
    /* The first digit must be 1-9: this rejects "0x", "01", "-0", "+1", " 1". */
    if (p[i] < '1' || p[i] > '9')
        return 0;
    v = p[i++] - '0';
    for (; i < len; i++) {
        unsigned d = (unsigned)p[i] - '0';
        if (d > 9)
            return 0;
        if (v > (ULLONG_MAX - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    if (neg) {
        if (v > (unsigned long long)LLONG_MAX + 1)
            return 0;
        /* Negate in unsigned arithmetic so LLONG_MIN does not overflow. */
        *out = (long long)(0ULL - v);
    } else {
        if (v > (unsigned long long)LLONG_MAX)
            return 0;
        *out = (long long)v;
    }
    return 1;
}

/* As util_str2ll, for a long (same width on the platforms we build for). */
int util_str2l(const char *s, size_t len, long *out)
{
    long long v;

    if (!util_str2ll(s, len, &v) || v < LONG_MIN || v > LONG_MAX)
        return 0;
    *out = (long)v;
    return 1;
}

/* Redis's SCAN cursor rule: strtoull over the whole string, where a leading
 * space, trailing junk or ERANGE fail, and everything else strtoull takes
 * ("", "+5", "-1" which wraps, "007") is accepted. O(len). */
int util_str2ull(const char *s, size_t len, unsigned long long *out)
{
    char buf[128];
    char *end;
    unsigned long long v;

    if (len >= sizeof(buf))
        return 0; /* a longer string is out of range or junk anyway */
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (len > 0 && isspace((unsigned char)buf[0]))
        return 0;
    errno = 0;
    v = strtoull(buf, &end, 10);
    if (errno == ERANGE || (size_t)(end - buf) != len)
        return 0;
    *out = v;
    return 1;
}

/* Redis's string2ld: strtold must consume the whole string; no leading
 * space, not NaN, not an overflow (1e400 is fine: long double holds it) nor
 * an underflow to zero. O(len). */
int util_str2ld(const char *s, size_t len, long double *out)
{
    char buf[UTIL_LD_STR_MAX];
    char *end;
    long double v;

    if (len == 0 || len >= sizeof(buf))
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (isspace((unsigned char)buf[0]))
        return 0;
    errno = 0;
    v = strtold(buf, &end);
    if ((size_t)(end - buf) != len || isnan(v))
        return 0;
    if (errno == ERANGE && (isinf(v) || fpclassify(v) == FP_ZERO))
        return 0;
    *out = v;
    return 1;
}

/* Redis's string2d (also getDoubleFromObject): as util_str2ld with strtod.
 * "inf" is accepted (no ERANGE); "1e400" is not. O(len). */
int util_str2d(const char *s, size_t len, double *out)
{
    char sbuf[128];
    char *buf = sbuf;
    char *end;
    double v;
    int ok;

    if (len == 0)
        return 0;
    /* Fast path: [+-] then 1..15 digits, exact in a double, so the value is
     * the one strtod gives (a "-0" stays negative zero). */
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (len > i && len - i <= 15) {
        unsigned long long n = 0;
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            n = n * 10 + (unsigned long long)(s[j++] - '0');
        if (j == len) {
            double d = (double)n;
            *out = s[0] == '-' ? -d : d;
            return 1;
        }
    }
    if (len >= sizeof(sbuf)) {
        /* Rare: a long score string. strtod needs a NUL-terminated copy. */
        buf = mem_alloc(len + 1);
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    v = strtod(buf, &end);
    ok = !isspace((unsigned char)buf[0]) && (size_t)(end - buf) == len && !isnan(v) &&
         !(errno == ERANGE && (isinf(v) || fpclassify(v) == FP_ZERO));
    if (buf != sbuf)
        mem_free(buf);
    if (ok)
        *out = v;
    return ok;
}

/* Decimal text of an unsigned value; dst must hold 21 bytes. Writes a NUL
 * after the digits. Returns the number of digits. O(digits). */
size_t util_ull2str(char *dst, unsigned long long v)
{
    char tmp[24];
    size_t n = 0, i;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (i = 0; i < n; i++)
        dst[i] = tmp[n - 1 - i];
    dst[n] = '\0';
    return n;
}

/* Decimal text of v; dst must hold 21 bytes (LLONG_MIN is 20 + NUL). */
size_t util_ll2str(char *dst, long long v)
{
    if (v < 0) {
        dst[0] = '-';
        return 1 + util_ull2str(dst + 1, 0ULL - (unsigned long long)v);
    }
    return util_ull2str(dst, (unsigned long long)v);
}

/* INCRBYFLOAT's text: "%.17Lf", trailing zeros and '.' cut, "-0" -> "0".
 * Returns the length (NUL written after it) or 0 if cap is too small. */
size_t util_ld2str_human(char *dst, size_t cap, long double v)
{
    int n;
    size_t l;

    if (isinf(v)) {
        const char *t = v > 0 ? "inf" : "-inf";
        l = strlen(t);
        if (cap < l + 1)
            return 0;
        memcpy(dst, t, l + 1);
        return l;
    }
    n = snprintf(dst, cap, "%.17Lf", v);
    if (n < 0 || (size_t)n + 1 > cap)
        return 0;
    l = (size_t)n;
    if (memchr(dst, '.', l)) {
        while (dst[l - 1] == '0')
            l--;
        if (dst[l - 1] == '.')
            l--;
    }
    if (l == 2 && dst[0] == '-' && dst[1] == '0') {
        dst[0] = '0';
        l = 1;
    }
    dst[l] = '\0';
    return l;
}

static long long clock_us(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

long long util_time_ms(void)
{
    return clock_us(CLOCK_REALTIME) / 1000;
}

long long util_time_us(void)
{
    return clock_us(CLOCK_REALTIME);
}

long long util_mono_us(void)
{
    return clock_us(CLOCK_MONOTONIC);
}

/* 1 if s[0..len) equals word ignoring ASCII case. O(len). */
int util_eq_ci(const char *s, size_t len, const char *word)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (word[i] == '\0' || tolower((unsigned char)s[i]) != tolower((unsigned char)word[i]))
            return 0;
    }
    return word[len] == '\0';
}

/* Redis 7.0's memtoull: digits then an optional unit (b k kb m mb g gb, any
 * case). No sign, no spaces. An empty number counts as 0 ("" and "k" are 0);
 * a number past ULLONG_MAX saturates (strtoull's ERANGE is not checked) and
 * the unit multiplication wraps, exactly as Redis does. O(len). */
int util_memtoull(const char *s, unsigned long long *out)
{
    static const struct {
        const char *unit;
        unsigned long long mul;
    } units[] = {
        {"", 1},
        {"b", 1},
        {"k", 1000},
        {"kb", 1024},
        {"m", 1000 * 1000},
        {"mb", 1024 * 1024},
        {"g", 1000ULL * 1000 * 1000},
        {"gb", 1024ULL * 1024 * 1024},
    };
    char buf[128];
    const char *u = s;
    size_t i, digits;
    unsigned long long mul = 0;
    char *end;

    if (*u == '-')
        return 0;
    while (*u >= '0' && *u <= '9')
        u++;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcasecmp(u, units[i].unit) == 0) {
            mul = units[i].mul;
            break;
        }
    }
    if (mul == 0)
        return 0;
    digits = (size_t)(u - s);
    if (digits >= sizeof(buf))
        return 0;
    memcpy(buf, s, digits);
    buf[digits] = '\0';
    *out = strtoull(buf, &end, 10) * mul;
    return 1;
}

/* As util_memtoull, but the result must fit in a long long. */
int util_memtoll(const char *s, long long *out)
{
    unsigned long long v;

    if (!util_memtoull(s, &v) || v > (unsigned long long)LLONG_MAX)
        return 0;
    *out = (long long)v;
    return 1;
}

/* n random bytes from getrandom(2); /dev/urandom if that fails; as a last
 * resort (neither available) a clock-seeded xorshift, never a crash. */
void util_random_bytes(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t got = 0;
    int fd;

    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
    if (got == n)
        return;
    fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < n) {
            ssize_t r = read(fd, p + got, n - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        close(fd);
    }
    if (got < n) {
        unsigned long long x = (unsigned long long)clock_us(CLOCK_MONOTONIC) ^
                               ((unsigned long long)getpid() << 32) ^ 0x9e3779b97f4a7c15ULL;
        while (got < n) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            p[got++] = (unsigned char)x;
        }
    }
}

/* n lowercase hex characters then a NUL: dst must hold n + 1 bytes. */
void util_random_hex(char *dst, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char rnd[64];
    size_t i = 0;

    while (i < n) {
        size_t chunk = (n - i + 1) / 2;
        size_t j;
        if (chunk > sizeof(rnd))
            chunk = sizeof(rnd);
        util_random_bytes(rnd, chunk);
        for (j = 0; j < chunk && i < n; j++) {
            dst[i++] = hex[rnd[j] >> 4];
            if (i < n)
                dst[i++] = hex[rnd[j] & 15];
        }
    }
    dst[n] = '\0';
}

int util_sink_write(struct util_sink *s, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t k = write(s->fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO;
            return -1;
        }
        c += k;
        n -= (size_t)k;
        s->unsynced += (size_t)k;
    }
    if (s->every && s->unsynced >= s->every) {
        if (fdatasync(s->fd) == -1)
            return -1;
        s->unsynced = 0;
    }
    return 0;
}
