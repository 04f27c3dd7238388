/* Unit tests for lathist: slot layout (exact below 256 ns, 128 slots per
 * power of two above), clamping, percentiles and the cumulative levels of
 * LATENCY HISTOGRAM, checked against figures Redis 7.0.15 printed for the
 * same durations (e.g. 913 us -> p50 913.407, bucket 1056; 0.6 s and 1.2 s
 * -> p50 603979.775, p99 1002438.655, bucket 1073741). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lathist.h"
#include "mem.h"

static void test_slots(void **state)
{
    (void)state;
    for (uint64_t v = 0; v < 256; v++)
        assert_int_equal(lathist_slot(v), (int)v);
    assert_int_equal(lathist_slot(256), 256);
    assert_int_equal(lathist_slot(257), 256); /* width 2 from 256 */
    assert_int_equal(lathist_slot(258), 257);
    assert_int_equal(lathist_slot(511), 383);
    assert_int_equal(lathist_slot(512), 384);
    assert_int_equal(lathist_slot((1u << 30) - 1), LATHIST_SLOTS - 1);
    /* Monotonic, in range, and each slot's width is v / 128 above 256. */
    int prev = 0;
    for (uint64_t v = 1; v < (1u << 30); v += 1 + v / 300) {
        int s = lathist_slot(v);
        assert_true(s >= prev && s < LATHIST_SLOTS);
        assert_true(s - prev <= 1);
        prev = s;
    }
}

static void test_percentiles(void **state)
{
    (void)state;
    size_t before = mem_used();
    struct lathist *h = lathist_new();
    assert_true(mem_used() > before);
    assert_int_equal(lathist_percentile(h, 50), 0); /* empty */
    lathist_record(h, 913);
    assert_int_equal(h->total, 1);
    assert_int_equal(lathist_percentile(h, 50), 913407);
    assert_int_equal(lathist_percentile(h, 0), 909312); /* lowest equivalent */
    assert_int_equal(lathist_percentile(h, 100), 913407);
    assert_int_equal(lathist_percentile(h, 250), 913407); /* clamped to 100 */
    lathist_free(h);
    assert_int_equal(mem_used(), before);

    h = lathist_new();
    lathist_record(h, 600000);
    lathist_record(h, 1200000); /* clamped to 1 s */
    lathist_record(h, 0);       /* clamped to 1 ns */
    assert_int_equal(h->total, 3);
    assert_int_equal(lathist_percentile(h, 50), 603979775);
    assert_int_equal(lathist_percentile(h, 99), 1002438655);
    assert_int_equal(lathist_percentile(h, 99.9), 1002438655);
    assert_int_equal(lathist_percentile(h, 0), 1);
    assert_int_equal(lathist_percentile(h, 10), 1);          /* round(0.3) = 0 -> 1 */
    assert_int_equal(lathist_percentile(h, 40), 1);          /* round(1.2) = 1 */
    assert_int_equal(lathist_percentile(h, 50), 603979775);  /* round(1.5) = 2 */
    assert_int_equal(lathist_percentile(h, 83), 603979775);  /* (int)(2.49 + 0.5) = 2 */
    assert_int_equal(lathist_percentile(h, 84), 1002438655); /* (int)(2.52 + 0.5) = 3 */
    lathist_free(h);
}

static void test_levels(void **state)
{
    (void)state;
    long long bound[LATHIST_LEVELS];
    uint64_t cum[LATHIST_LEVELS];
    struct lathist *h = lathist_new();
    assert_int_equal(lathist_levels(h, bound, cum), 0);

    /* 20 SETs as Redis showed them: 16 -> 17, 33 -> 19, 66 -> 20. */
    for (int i = 0; i < 17; i++)
        lathist_record(h, 9 + i % 6);
    lathist_record(h, 20);
    lathist_record(h, 30);
    lathist_record(h, 41);
    int n = lathist_levels(h, bound, cum);
    assert_int_equal(n, 3);
    assert_int_equal(bound[0], 16);
    assert_int_equal(cum[0], 17);
    assert_int_equal(bound[1], 33);
    assert_int_equal(cum[1], 19);
    assert_int_equal(bound[2], 66);
    assert_int_equal(cum[2], 20);
    lathist_free(h);

    /* Below 1024 ns counts at the first level (1 us); the levels' bounds. */
    h = lathist_new();
    lathist_record(h, 0);
    lathist_record(h, 1);
    lathist_record(h, 3);
    lathist_record(h, 100);
    lathist_record(h, 913);
    n = lathist_levels(h, bound, cum);
    assert_int_equal(n, 4);
    assert_int_equal(bound[0], 1);
    assert_int_equal(cum[0], 2);
    assert_int_equal(bound[1], 4);
    assert_int_equal(cum[1], 3);
    assert_int_equal(bound[2], 132);
    assert_int_equal(cum[2], 4);
    assert_int_equal(bound[3], 1056);
    assert_int_equal(cum[3], 5);
    lathist_free(h);

    /* 0 us, 0.6 s, 1.2 s: Redis printed 132 -> 1 for its ~100 us sleep 0,
     * and 1073741 -> 3 (the last slot's bound) for the rest. */
    h = lathist_new();
    lathist_record(h, 4);
    lathist_record(h, 600000);
    lathist_record(h, 1200000);
    n = lathist_levels(h, bound, cum);
    assert_int_equal(n, 2);
    assert_int_equal(bound[0], 4);
    assert_int_equal(cum[0], 1);
    assert_int_equal(bound[1], 1073741);
    assert_int_equal(cum[1], 3);
    lathist_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slots),
        cmocka_unit_test(test_percentiles),
        cmocka_unit_test(test_levels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
