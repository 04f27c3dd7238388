/* Unit tests for slab's small objects by pointer (slab_mem_*): placement by
 * size, class transitions on grow and shrink (in place within a class, moved
 * between classes, out to malloc past SLAB_MAX and never back), contents kept
 * across every move, byte accounting (mem_used and slab stats) back to the
 * start after frees, and, under AddressSanitizer, poisoning of every block
 * left behind. Handle-level slab tests live in test_dict.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mem.h"
#include "slab.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISONED(p) __asan_address_is_poisoned(p)
#define USABLE(p)   (!__asan_address_is_poisoned(p))
#else
#define POISONED(p) 1 /* nothing to check without ASan */
#define USABLE(p)   1
#endif

/* mem_used() without the slab's page table, which grows (and stays) as the
 * slab first uses new pages. */
static size_t used(void)
{
    struct slab_stats st;
    slab_get_stats(&st);
    return mem_used() - st.meta;
}

static size_t live_blocks(void)
{
    struct slab_stats st;
    slab_get_stats(&st);
    return st.blocks;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7);
}

static int check(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7))
            return 0;
    return 1;
}

static void test_placement_by_size(void **state)
{
    (void)state;
    size_t base = used(), b0 = live_blocks();
    void *a = slab_mem_alloc(1);
    void *b = slab_mem_alloc(SLAB_MAX);
    void *c = slab_mem_alloc(SLAB_MAX + 1);
    assert_true(slab_owns(a));
    assert_true(slab_owns(b));
    assert_false(slab_owns(c));
    assert_int_equal((uintptr_t)a % 4, 0);
    assert_int_equal(slab_mem_size(a, 1), SLAB_MIN);
    assert_int_equal(slab_mem_size(b, SLAB_MAX), SLAB_MAX);
    assert_int_equal(slab_mem_size(c, SLAB_MAX + 1), mem_size(c));
    assert_int_equal(live_blocks(), b0 + 2);
    assert_int_equal(used(), base + SLAB_MIN + SLAB_MAX + mem_size(c));
    /* Addresses outside the reservation are never claimed. */
    int local;
    assert_false(slab_owns(&local));
    assert_false(slab_owns(NULL));
    slab_mem_free(a, 1);
    slab_mem_free(b, SLAB_MAX);
    slab_mem_free(c, SLAB_MAX + 1);
    slab_mem_free(NULL, 5);
    assert_int_equal(live_blocks(), b0);
    assert_int_equal(used(), base);
}

/* Growing a block 1 byte at a time from 1 to past SLAB_MAX: it stays put
 * within a class, moves at each class edge (the old block poisoned), goes to
 * malloc after SLAB_MAX, and keeps its contents all the way. */
static void test_grow_through_classes(void **state)
{
    (void)state;
    size_t base = used(), b0 = live_blocks();
    unsigned char *p = slab_mem_alloc(1);
    fill(p, 1, 3);
    size_t moves = 0;
    for (size_t n = 2; n <= SLAB_MAX + 64; n++) {
        unsigned char *q = slab_mem_resize(p, n - 1, n);
        if (n <= SLAB_MAX && slab_class_size(n) == slab_class_size(n - 1)) {
            assert_ptr_equal(q, p);
        } else if (q != p) {
            moves++;
            if (slab_owns(p))
                assert_true(POISONED(p));
        }
        assert_true(check(q, n - 1, 3));
        q[n - 1] = (unsigned char)(3 + (n - 1) * 7);
        p = q;
        assert_int_equal(slab_owns(p), n <= SLAB_MAX);
        assert_int_equal(live_blocks(), b0 + (n <= SLAB_MAX));
        assert_int_equal(used(), base + slab_mem_size(p, n));
    }
    /* One move per class edge from 8 to 512 bytes, plus the one to malloc. */
    assert_true(moves >= (SLAB_MAX - SLAB_MIN) / 4 + 1);
    slab_mem_free(p, SLAB_MAX + 64);
    assert_int_equal(used(), base);
    assert_int_equal(live_blocks(), b0);
}

/* Shrinking: a slab block moves down class by class; a malloc block stays
 * on malloc even when it would fit the slab again. */
static void test_shrink(void **state)
{
    (void)state;
    size_t base = used(), b0 = live_blocks();
    unsigned char *p = slab_mem_alloc(300);
    fill(p, 300, 11);
    unsigned char *q = slab_mem_resize(p, 300, 100);
    assert_true(q != p);
    assert_true(POISONED(p));
    assert_true(slab_owns(q));
    assert_true(check(q, 100, 11));
    assert_int_equal(used(), base + 100);
    slab_mem_free(q, 100);

    unsigned char *h = slab_mem_alloc(2000);
    fill(h, 2000, 5);
    h = slab_mem_resize(h, 2000, 40);
    assert_false(slab_owns(h));
    assert_true(check(h, 40, 5));
    assert_int_equal(used(), base + mem_size(h));
    assert_int_equal(slab_mem_size(h, 40), mem_size(h));
    slab_mem_free(h, 40);
    assert_int_equal(used(), base);
    assert_int_equal(live_blocks(), b0);
}

/* A plain mem_alloc block passed to slab_mem_* is resized and freed as the
 * malloc block it is (listpacks of quicklist nodes take this path). */
static void test_malloc_block_passthrough(void **state)
{
    (void)state;
    size_t base = used();
    unsigned char *p = mem_alloc(10);
    fill(p, 10, 1);
    p = slab_mem_resize(p, 10, 50);
    assert_false(slab_owns(p));
    assert_true(check(p, 10, 1));
    slab_mem_free(p, 50);
    assert_int_equal(used(), base);
}

/* Freed slab blocks are poisoned until reused, and reuse hands back the
 * most recently freed block of the class (LIFO), unpoisoned. */
static void test_free_poison_reuse(void **state)
{
    (void)state;
    unsigned char *a = slab_mem_alloc(64);
    unsigned char *b = slab_mem_alloc(64);
    assert_true(USABLE(a) && USABLE(a + 63) && USABLE(b));
    slab_mem_free(a, 64);
    assert_true(POISONED(a));
    assert_true(POISONED(a + 63));
    unsigned char *c = slab_mem_alloc(61); /* same 64-byte class */
    assert_ptr_equal(c, a);
    assert_true(USABLE(c) && USABLE(c + 63));
    memset(c, 0xAB, 64); /* the whole class is usable */
    slab_mem_free(c, 61);
    slab_mem_free(b, 64);
    assert_true(POISONED(b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placement_by_size),
        cmocka_unit_test(test_grow_through_classes),
        cmocka_unit_test(test_shrink),
        cmocka_unit_test(test_malloc_block_passthrough),
        cmocka_unit_test(test_free_poison_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
