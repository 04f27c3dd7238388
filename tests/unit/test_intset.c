/* Unit tests for intset: ordered insertion, width upgrades at each
 * boundary (16, 32, 64 bits, both signs), removal, find, dup and random;
 * slab placement (class walk up and down, the move to malloc past SLAB_MAX
 * by growth and by upgrade, dup placement) and byte accounting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "intset.h"
#include "mem.h"
#include "slab.h"

/* mem_used() without the slab's page table, which grows (and stays) as the
 * slab first uses new pages: what a leak check should compare. */
static size_t used(void)
{
    struct slab_stats st;
    slab_get_stats(&st);
    return mem_used() - st.meta;
}

static void assert_sorted(const struct intset *is)
{
    for (size_t i = 1; i < intset_len(is); i++)
        assert_true(intset_get(is, i - 1) < intset_get(is, i));
}

static void test_add_find_remove(void **state)
{
    (void)state;
    size_t base = used();
    struct intset *is = intset_new();
    assert_int_equal(intset_len(is), 0);
    assert_false(intset_find(is, 0));
    int64_t vals[] = {5, -3, 100, 0, 7, -32768, 32767};
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
        assert_int_equal(intset_add(&is, vals[i]), 1);
    assert_int_equal(intset_add(&is, 5), 0);
    assert_int_equal(intset_len(is), 7);
    assert_sorted(is);
    assert_true(intset_get(is, 0) == -32768);
    assert_true(intset_get(is, 6) == 32767);
    size_t narrow = intset_mem(is);
    for (size_t i = 0; i < 7; i++)
        assert_true(intset_find(is, vals[i]));
    assert_false(intset_find(is, 6));
    assert_false(intset_find(is, 1LL << 40));
    assert_int_equal(intset_remove(&is, 7), 1);
    assert_int_equal(intset_remove(&is, 7), 0);
    assert_int_equal(intset_remove(&is, 1LL << 40), 0);
    assert_false(intset_find(is, 7));
    assert_int_equal(intset_len(is), 6);
    assert_sorted(is);
    /* Upgrade to 32 bits with a negative (goes first) ... */
    assert_int_equal(intset_add(&is, -32769), 1);
    assert_true(intset_get(is, 0) == -32769);
    assert_true(intset_mem(is) > narrow);
    /* ... then 64 bits with a positive (goes last). */
    assert_int_equal(intset_add(&is, 2147483648LL), 1);
    assert_true(intset_get(is, intset_len(is) - 1) == 2147483648LL);
    assert_int_equal(intset_add(&is, INT64_MIN), 1);
    assert_int_equal(intset_add(&is, INT64_MAX), 1);
    assert_sorted(is);
    for (size_t i = 0; i < 6; i++)
        if (vals[i] != 7)
            assert_true(intset_find(is, vals[i]));
    assert_true(intset_find(is, INT64_MIN));
    assert_true(intset_find(is, -32769));
    assert_int_equal(intset_len(is), 10);
    intset_free(is);
    assert_int_equal(used(), base);
}

static void test_many_and_dup(void **state)
{
    (void)state;
    size_t base = used();
    struct intset *is = intset_new();
    srand(7);
    int added = 0;
    static unsigned char present[20001];
    memset(present, 0, sizeof(present));
    for (int i = 0; i < 30000; i++) {
        int v = rand() % 20001 - 10000;
        int r = intset_add(&is, v);
        assert_int_equal(r, !present[v + 10000]);
        if (r) {
            present[v + 10000] = 1;
            added++;
        }
    }
    assert_int_equal(intset_len(is), (size_t)added);
    assert_sorted(is);
    struct intset *c = intset_dup(is);
    for (int v = -10000; v <= 10000; v++) {
        assert_int_equal(intset_find(c, v), present[v + 10000]);
        assert_int_equal(intset_remove(&is, v), present[v + 10000]);
    }
    assert_int_equal(intset_len(is), 0);
    assert_int_equal(intset_len(c), (size_t)added);
    intset_free(is);
    intset_free(c);
    assert_int_equal(used(), base);
}

static void test_random(void **state)
{
    (void)state;
    struct intset *is = intset_new();
    int counts[10] = {0};
    for (int i = 0; i < 10; i++)
        intset_add(&is, i * 1000);
    for (int i = 0; i < 10000; i++) {
        int64_t v = intset_random(is);
        assert_true(v % 1000 == 0 && v >= 0 && v < 10000);
        counts[v / 1000]++;
    }
    for (int i = 0; i < 10; i++)
        assert_true(counts[i] > 800 && counts[i] < 1200);
    intset_free(is);
}

/* Placement: a small intset is a slab block of exactly its size's class
 * (10 int32 members: 8 + 40 = 48 bytes, where malloc would take 64); it
 * moves to malloc when it outgrows SLAB_MAX, by adding or by a width upgrade,
 * and never comes back; a dup is placed by its own size; every path gives
 * its bytes back. */
static void test_slab_placement(void **state)
{
    (void)state;
    size_t base = used();
    struct intset *is = intset_new();
    assert_true(slab_owns(is));
    for (int i = 0; i < 10; i++)
        intset_add(&is, 100000 + i);
    assert_true(slab_owns(is));
    assert_int_equal(intset_mem(is), 48);
    assert_int_equal(used(), base + 48);
    /* Grow past SLAB_MAX at width 4: 8 + 127 * 4 = 516 bytes. */
    int i = 10;
    while (8 + (size_t)intset_len(is) * 4 <= SLAB_MAX) {
        assert_true(slab_owns(is));
        intset_add(&is, 100000 + i++);
    }
    assert_false(slab_owns(is));
    assert_int_equal(intset_mem(is), mem_size(is));
    assert_int_equal(used(), base + mem_size(is));
    /* Shrinking keeps it on malloc; a dup of the small result is slab. */
    for (int v = 100010; v < 100000 + i; v++)
        assert_int_equal(intset_remove(&is, v), 1);
    assert_int_equal(intset_len(is), 10);
    assert_false(slab_owns(is));
    struct intset *c = intset_dup(is);
    assert_true(slab_owns(c));
    assert_int_equal(intset_mem(c), 48);
    for (int v = 100000; v < 100010; v++)
        assert_true(intset_find(c, v));
    intset_free(is);
    /* A width upgrade that crosses SLAB_MAX: 100 int32 = 408 bytes, then
     * one int64 makes 8 + 101 * 8 = 816. */
    for (int v = 0; v < 90; v++)
        intset_add(&c, 200000 + v);
    assert_int_equal(intset_len(c), 100);
    assert_true(slab_owns(c));
    intset_add(&c, 1LL << 40);
    assert_false(slab_owns(c));
    assert_int_equal(intset_len(c), 101);
    assert_true(intset_find(c, 100005) && intset_find(c, 200089) && intset_find(c, 1LL << 40));
    assert_sorted(c);
    intset_free(c);
    intset_free(NULL);
    assert_int_equal(used(), base);
}

/* Every class edge on the way up and down (int16: 2 bytes a member, so a
 * class change every other add), checking contents after each move. */
static void test_slab_class_walk(void **state)
{
    (void)state;
    size_t base = used();
    struct intset *is = intset_new();
    for (int v = 0; v < 250; v++) {
        assert_int_equal(intset_add(&is, v * 3 - 300), 1);
        assert_true(slab_owns(is));
        assert_int_equal(intset_mem(is), slab_class_size(8 + intset_len(is) * 2));
        assert_true(intset_get(is, 0) == -300);
        assert_true(intset_get(is, (size_t)v) == v * 3 - 300);
    }
    for (int v = 0; v < 250; v += 2)
        assert_int_equal(intset_remove(&is, v * 3 - 300), 1);
    assert_int_equal(intset_len(is), 125);
    assert_true(slab_owns(is));
    assert_int_equal(intset_mem(is), slab_class_size(8 + 125 * 2));
    for (int v = 1; v < 250; v += 2)
        assert_true(intset_find(is, v * 3 - 300));
    assert_sorted(is);
    intset_free(is);
    assert_int_equal(used(), base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_find_remove), cmocka_unit_test(test_many_and_dup),
        cmocka_unit_test(test_slab_placement),  cmocka_unit_test(test_slab_class_walk),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
