/* Unit tests for util: which strings Redis 7.0 accepts as integers, floats,
 * cursors and memory sizes, and how it prints INCRBYFLOAT results. Every
 * expected value below was checked against redis-server 7.0.15 (INCR,
 * INCRBYFLOAT, ZADD, SCAN and CONFIG SET maxmemory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include <cmocka.h>
#include <math.h>

#include "util.h"

static int ll(const char *s, long long *out)
{
    return util_str2ll(s, strlen(s), out);
}

static void test_str2ll_accepts(void **state)
{
    long long v = 42;
    (void)state;
    assert_true(ll("0", &v));
    assert_int_equal(v, 0);
    assert_true(ll("1", &v));
    assert_int_equal(v, 1);
    assert_true(ll("-1", &v));
    assert_int_equal(v, -1);
    assert_true(ll("9223372036854775807", &v));
    assert_true(v == 9223372036854775807LL);
    assert_true(ll("-9223372036854775808", &v));
    assert_true(v == -9223372036854775807LL - 1);
    assert_true(ll("1234567890", &v));
    assert_int_equal(v, 1234567890);
    /* Slices: only len bytes count. */
    assert_true(util_str2ll("123abc", 3, &v));
    assert_int_equal(v, 123);
}

static void test_str2ll_rejects(void **state)
{
    static const char *bad[] = {
        "",
        "-",
        "+1",
        " 1",
        "1 ",
        "01",
        "007",
        "00",
        "-0",
        "-01",
        "1a",
        "0x10",
        "1e3",
        "1.0",
        "--1",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "99999999999999999999",
        "000000000000000000001",
        "-00000000000000000001",
        "\t1",
        "1\n",
    };
    long long v = 7;
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (ll(bad[i], &v))
            fail_msg("accepted \"%s\"", bad[i]);
    }
    assert_int_equal(v, 7); // untouched on failure
    assert_false(util_str2ll("1\0", 2, &v));
}

static void test_str2l(void **state)
{
    long v;
    (void)state;
    assert_true(util_str2l("-123", 4, &v));
    assert_int_equal(v, -123);
    assert_false(util_str2l("+123", 4, &v));
}

static int ull(const char *s, unsigned long long *out)
{
    return util_str2ull(s, strlen(s), out);
}

/* SCAN's cursor rule (strtoull based) as verified with SCAN <cursor>. */
static void test_str2ull(void **state)
{
    unsigned long long v;
    (void)state;
    assert_true(ull("0", &v));
    assert_true(v == 0);
    assert_true(ull("", &v)); // Redis: SCAN "" is cursor 0
    assert_true(v == 0);
    assert_true(ull("+5", &v));
    assert_true(v == 5);
    assert_true(ull("007", &v));
    assert_true(v == 7);
    assert_true(ull("-1", &v)); // strtoull wraps
    assert_true(v == 18446744073709551615ULL);
    assert_true(ull("18446744073709551615", &v));
    assert_true(v == 18446744073709551615ULL);
    assert_false(ull("18446744073709551616", &v));
    assert_false(ull(" 5", &v));
    assert_false(ull("5 ", &v));
    assert_false(ull("0x10", &v));
    assert_false(ull("abc", &v));
}

/* Valgrind emulates the x87 80-bit long double only partly (strtold("inf")
 * does not come back infinite), so the INCRBYFLOAT tests, which need real
 * 80-bit long doubles like Redis on x86-64, are skipped under it. */
static int ld_is_extended(void)
{
    volatile long double big = 1e300L;
    return !isinf(big * 1e100L) && isinf(strtold("inf", NULL)) && isinf(strtold("1e5000", NULL));
}

static int ld(const char *s, long double *out)
{
    return util_str2ld(s, strlen(s), out);
}

/* INCRBYFLOAT's parse: strtold, so 1e400 and 1e-400 are fine. */
static void test_str2ld(void **state)
{
    long double v;
    (void)state;
    if (!ld_is_extended())
        skip();
    assert_true(ld("10.5", &v));
    assert_true(v == 10.5L);
    assert_true(ld("5.0e3", &v));
    assert_true(v == 5000.0L);
    assert_true(ld("0x10", &v));
    assert_true(v == 16.0L);
    assert_true(ld("+1", &v));
    assert_true(ld(".5", &v));
    assert_true(ld("5.", &v));
    assert_true(ld("-0", &v));
    assert_true(ld("1e400", &v));
    assert_true(ld("1e-400", &v));
    assert_true(ld("inf", &v)); // accepted here; INCRBYFLOAT then rejects the result
    assert_true(isinf(v));
    assert_false(ld("1e5000", &v)); // overflow
    assert_false(ld("nan", &v));
    assert_false(ld("", &v));
    assert_false(ld(" 1", &v));
    assert_false(ld("1 ", &v));
    assert_false(ld("1x", &v));
    assert_false(util_str2ld("1.5", 4, &v)); // embedded NUL: strtold stops early
}

static int d(const char *s, double *out)
{
    return util_str2d(s, strlen(s), out);
}

/* ZADD's parse: strtod, so 1e400 fails but inf passes. */
static void test_str2d(void **state)
{
    double v;
    char big[300];
    (void)state;
    assert_true(d("inf", &v));
    assert_true(isinf(v) && v > 0);
    assert_true(d("+inf", &v));
    assert_true(d("-inf", &v));
    assert_true(isinf(v) && v < 0);
    assert_true(d("Infinity", &v));
    assert_true(d("0x10", &v));
    assert_true(v == 16.0);
    assert_true(d("+1.5", &v));
    assert_true(d(".5", &v));
    assert_true(d("4e-320", &v)); // denormal: ERANGE but not zero
    assert_true(v > 0);
    assert_true(d("1e308", &v));
    assert_false(d("1e400", &v));
    assert_false(d("1e-400", &v)); // underflows to zero
    assert_false(d("nan", &v));
    assert_false(d("", &v));
    assert_false(d(" 1", &v));
    assert_false(d("1 ", &v));
    /* Plain integers (the fast path) give exactly strtod's value. */
    static const char *const ints[] = {"0",
                                       "-0",
                                       "+0",
                                       "7",
                                       "+7",
                                       "007",
                                       "-123",
                                       "999999999999999",
                                       "-999999999999999",
                                       "9999999999999999",
                                       "123456789012345678"};
    for (size_t k = 0; k < sizeof(ints) / sizeof(ints[0]); k++) {
        double want = strtod(ints[k], NULL);
        assert_true(d(ints[k], &v));
        assert_memory_equal(&v, &want, sizeof(v)); /* bit-exact: -0 stays -0 */
    }
    assert_true(d("-0", &v));
    assert_true(signbit(v));
    for (unsigned long long x = 1; x < 1000000000000000ULL; x = x * 7 + 3) {
        char num[32];
        snprintf(num, sizeof(num), "-%llu", x);
        double want = strtod(num, NULL);
        assert_true(d(num, &v));
        assert_memory_equal(&v, &want, sizeof(v));
    }
    assert_false(d("+", &v));
    assert_false(d("-", &v));
    assert_false(d("12a", &v));
    assert_false(d("1-2", &v));
    /* A long (heap-copied) number. */
    memset(big, '0', sizeof(big));
    big[0] = '1';
    big[1] = '.';
    big[sizeof(big) - 1] = '\0';
    assert_true(d(big, &v));
    assert_true(v == 1.0);
    big[5] = 'x';
    assert_false(d(big, &v));
}

static void test_ll2str(void **state)
{
    char buf[32];
    (void)state;
    assert_int_equal(util_ll2str(buf, 0), 1);
    assert_string_equal(buf, "0");
    assert_int_equal(util_ll2str(buf, -9223372036854775807LL - 1), 20);
    assert_string_equal(buf, "-9223372036854775808");
    assert_int_equal(util_ll2str(buf, 9223372036854775807LL), 19);
    assert_string_equal(buf, "9223372036854775807");
    assert_int_equal(util_ll2str(buf, -42), 3);
    assert_string_equal(buf, "-42");
    assert_int_equal(util_ull2str(buf, 18446744073709551615ULL), 20);
    assert_string_equal(buf, "18446744073709551615");
}

static void expect_ld(long double v, const char *want)
{
    char buf[UTIL_LD_STR_MAX];
    size_t n = util_ld2str_human(buf, sizeof(buf), v);
    assert_int_equal(n, strlen(want));
    assert_string_equal(buf, want);
}

/* INCRBYFLOAT replies, each checked against redis-server. */
static void test_ld2str_human(void **state)
{
    long double v;
    char small[4];
    (void)state;
    if (!ld_is_extended())
        skip();
    expect_ld(10.5L, "10.5");
    expect_ld(5000.0L, "5000");
    expect_ld(0.0L, "0");
    expect_ld(-0.0L, "0");
    expect_ld(1.0L / 0.0L, "inf");
    expect_ld(-1.0L / 0.0L, "-inf");
    expect_ld(1.5L + 1e17L, "100000000000000001.5");
    expect_ld(1.5L - 1.6L, "-0.1");
    expect_ld(123456789012345678.0L + 0.5L, "123456789012345678.5");
    /* 0.1 + 0.2 through strtold as INCRBYFLOAT does it. */
    assert_true(util_str2ld("0.1", 3, &v));
    expect_ld(v + 0.2L, "0.3");
    assert_true(util_str2ld("1.5", 3, &v));
    expect_ld(v + 2.5e-5L, "1.500025");
    expect_ld(1e-20L, "0"); // below %.17Lf's precision
    assert_int_equal(util_ld2str_human(small, sizeof(small), 12345.0L), 0);
    assert_int_equal(util_ld2str_human(small, sizeof(small), -1.0L / 0.0L), 0);
    /* As in Redis, the untrimmed "%.17Lf" text must fit, not just the result. */
    assert_int_equal(util_ld2str_human(small, sizeof(small), 123.0L), 0);
    /* 1e400 prints all its integer digits, as Redis does. */
    {
        char buf[UTIL_LD_STR_MAX];
        assert_true(util_str2ld("1e400", 5, &v));
        assert_int_equal(util_ld2str_human(buf, sizeof(buf), v), 401);
        assert_memory_equal(buf, "100000000000000000002818806839", 30);
    }
}

static void test_memtoll(void **state)
{
    long long v;
    unsigned long long u;
    (void)state;
    assert_true(util_memtoll("1gb", &v));
    assert_true(v == 1073741824LL);
    assert_true(util_memtoll("1g", &v));
    assert_true(v == 1000000000LL);
    assert_true(util_memtoll("1GB", &v));
    assert_true(v == 1073741824LL);
    assert_true(util_memtoll("1b", &v) && v == 1);
    assert_true(util_memtoll("10B", &v) && v == 10);
    assert_true(util_memtoll("1kb", &v) && v == 1024);
    assert_true(util_memtoll("1k", &v) && v == 1000);
    assert_true(util_memtoll("2mb", &v) && v == 2097152);
    assert_true(util_memtoll("3m", &v) && v == 3000000);
    assert_true(util_memtoll("01", &v) && v == 1);
    assert_true(util_memtoll("", &v) && v == 0);  // Redis accepts it as 0
    assert_true(util_memtoll("k", &v) && v == 0); // likewise
    assert_true(util_memtoll("9223372036854775807", &v) && v == 9223372036854775807LL);
    assert_false(util_memtoll("9223372036854775808", &v)); // fits only unsigned
    assert_false(util_memtoll("-1", &v));
    assert_false(util_memtoll(" 1", &v));
    assert_false(util_memtoll("1.5mb", &v));
    assert_false(util_memtoll("1kbx", &v));
    assert_false(util_memtoll("+5", &v));
    assert_false(util_memtoll("0x10", &v));
    assert_false(util_memtoll("1 gb", &v));
    assert_false(util_memtoll("1t", &v));
    assert_true(util_memtoull("9223372036854775808", &u) && u == 9223372036854775808ULL);
    /* Saturation and wrap-around exactly as CONFIG SET maxmemory shows. */
    assert_true(util_memtoull("18446744073709551616", &u) && u == 18446744073709551615ULL);
    assert_true(util_memtoull("99999999999999999gb", &u) && u == 1685049947004600320ULL);
    assert_true(util_memtoull("17179869184gb", &u) && u == 0);
}

static void test_eq_ci(void **state)
{
    (void)state;
    assert_true(util_eq_ci("GET", 3, "get"));
    assert_true(util_eq_ci("gEt", 3, "GET"));
    assert_false(util_eq_ci("GE", 2, "get"));
    assert_false(util_eq_ci("GETX", 4, "get"));
    assert_false(util_eq_ci("GETX", 3, "gex"));
    assert_true(util_eq_ci("", 0, ""));
}

static void test_time(void **state)
{
    long long m0, m1, ms, us;
    (void)state;
    m0 = util_mono_us();
    ms = util_time_ms();
    us = util_time_us();
    m1 = util_mono_us();
    assert_true(m1 >= m0);
    assert_true(ms > 1600000000000LL); // after 2020
    assert_true(us / 1000 - ms >= 0 && us / 1000 - ms < 1000);
}

static void test_random(void **state)
{
    char a[41], b[41];
    unsigned char buf[64] = {0};
    int nonzero = 0;
    (void)state;
    util_random_hex(a, 40);
    util_random_hex(b, 40);
    assert_int_equal(strlen(a), 40);
    assert_int_equal(strspn(a, "0123456789abcdef"), 40);
    assert_string_not_equal(a, b);
    util_random_hex(a, 7); // odd length
    assert_int_equal(strlen(a), 7);
    util_random_bytes(buf, sizeof(buf));
    for (size_t i = 0; i < sizeof(buf); i++)
        nonzero += buf[i] != 0;
    assert_true(nonzero > 32);
}

/* util_sink_write: every byte lands, the fdatasync counter resets once it
 * reaches `every`, and a descriptor that cannot be synced (a pipe) or
 * written (closed) fails with errno. */
static void test_sink_write(void **state)
{
    char path[] = "/tmp/tern-test-sink-XXXXXX";
    char back[32];
    (void)state;
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    struct util_sink s = {.fd = fd, .every = 10};
    assert_int_equal(util_sink_write(&s, "abcdef", 6), 0);
    assert_int_equal(s.unsynced, 6);
    assert_int_equal(util_sink_write(&s, "ghijkl", 6), 0);
    assert_int_equal(s.unsynced, 0); /* 12 >= 10: synced */
    assert_int_equal(util_sink_write(&s, "m", 1), 0);
    assert_int_equal(s.unsynced, 1);
    assert_int_equal(pread(fd, back, sizeof(back), 0), 13);
    assert_memory_equal(back, "abcdefghijklm", 13);
    s.every = 0; /* off: the counter only grows */
    for (int i = 0; i < 20; i++)
        assert_int_equal(util_sink_write(&s, "x", 1), 0);
    assert_int_equal(s.unsynced, 21);
    close(fd);

    int p[2];
    assert_int_equal(pipe(p), 0);
    struct util_sink ps = {.fd = p[1], .every = 4};
    assert_int_equal(util_sink_write(&ps, "ab", 2), 0);
    errno = 0;
    assert_int_equal(util_sink_write(&ps, "cd", 2), -1); /* fdatasync on a pipe */
    assert_int_equal(errno, EINVAL);
    close(p[0]);
    close(p[1]);
    struct util_sink bad = {.fd = p[1]};
    errno = 0;
    assert_int_equal(util_sink_write(&bad, "e", 1), -1);
    assert_int_equal(errno, EBADF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_str2ll_accepts), cmocka_unit_test(test_str2ll_rejects),
        cmocka_unit_test(test_str2l),          cmocka_unit_test(test_str2ull),
        cmocka_unit_test(test_str2ld),         cmocka_unit_test(test_str2d),
        cmocka_unit_test(test_ll2str),         cmocka_unit_test(test_ld2str_human),
        cmocka_unit_test(test_memtoll),        cmocka_unit_test(test_eq_ci),
        cmocka_unit_test(test_time),           cmocka_unit_test(test_random),
        cmocka_unit_test(test_sink_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
