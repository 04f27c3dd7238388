/* Unit tests for sdict: add/find/delete across growth and shrink with
 * incremental rehash, binary keys, values and scores, uniform random picks
 * (chi-square, fixed seed: steady, mid-grow, mid-shrink, long chain), the
 * SCAN guarantee across resizes, foreach and dup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dict.h"
#include "mem.h"
#include "sdict.h"

#define N 100000

static size_t key_of(char *buf, int i)
{
    return (size_t)snprintf(buf, 32, "key:%d", i);
}

static void test_add_find_delete_100k(void **state)
{
    (void)state;
    size_t base = mem_used();
    struct sdict *d = sdict_new();
    char k[32];
    for (int i = 0; i < N; i++) {
        int created = -1;
        size_t n = key_of(k, i);
        struct sdict_entry *e = sdict_add(d, k, n, &created);
        assert_int_equal(created, 1);
        e->score = i;
        assert_int_equal(sdict_size(d), (size_t)i + 1);
    }
    /* Re-adding returns the same entry and creates nothing. */
    for (int i = 0; i < N; i += 997) {
        int created = -1;
        size_t n = key_of(k, i);
        struct sdict_entry *e = sdict_add(d, k, n, &created);
        assert_int_equal(created, 0);
        assert_true(e->score == i);
    }
    for (int i = 0; i < N; i++) {
        size_t n = key_of(k, i);
        struct sdict_entry *e = sdict_find(d, k, n);
        assert_non_null(e);
        assert_int_equal(e->klen, n);
        assert_memory_equal(e->key, k, n);
        assert_int_equal(e->key[n], '\0');
        assert_true(e->score == i);
    }
    assert_null(sdict_find(d, "key:-1", 6));
    assert_true(sdict_mem(d) > (size_t)N * 16);
    /* Delete the odd keys, then most even ones: the table shrinks. */
    for (int i = 1; i < N; i += 2) {
        size_t n = key_of(k, i);
        assert_int_equal(sdict_delete(d, k, n), 1);
        assert_int_equal(sdict_delete(d, k, n), 0);
    }
    assert_int_equal(sdict_size(d), N / 2);
    for (int i = 0; i < N; i++) {
        size_t n = key_of(k, i);
        struct sdict_entry *e = sdict_find(d, k, n);
        if (i % 2)
            assert_null(e);
        else
            assert_true(e && e->score == i);
    }
    size_t mem_half = sdict_mem(d);
    for (int i = 0; i < N - 20; i += 2) {
        size_t n = key_of(k, i);
        assert_int_equal(sdict_delete(d, k, n), 1);
    }
    assert_int_equal(sdict_size(d), 10);
    /* Finish any rehash with a few writes, then the buckets must be few. */
    for (int r = 0; r < 64; r++) {
        int c;
        sdict_add(d, "tmp", 3, &c);
        sdict_delete(d, "tmp", 3);
    }
    assert_true(sdict_mem(d) < mem_half / 100);
    for (int i = N - 20; i < N; i += 2) {
        size_t n = key_of(k, i);
        assert_non_null(sdict_find(d, k, n));
    }
    sdict_free(d);
    assert_int_equal(mem_used(), base);
}

static void test_binary_keys_and_values(void **state)
{
    (void)state;
    size_t base = mem_used();
    struct sdict *d = sdict_new();
    int c;
    const char k1[] = {'a', 0, 'b'};
    const char k2[] = {'a', 0, 'c'};
    struct sdict_entry *e1 = sdict_add(d, k1, 3, &c);
    assert_int_equal(c, 1);
    struct sdict_entry *e2 = sdict_add(d, k2, 3, &c);
    assert_int_equal(c, 1);
    struct sdict_entry *e0 = sdict_add(d, "", 0, &c);
    assert_int_equal(c, 1);
    assert_int_equal(sdict_size(d), 3);
    assert_ptr_equal(sdict_find(d, k1, 3), e1);
    assert_ptr_equal(sdict_find(d, k2, 3), e2);
    assert_ptr_equal(sdict_find(d, "", 0), e0);
    assert_null(sdict_find(d, "a", 1));
    assert_null(e1->val);
    sdict_set_val(e1, "v\0w", 3);
    assert_int_equal(e1->vlen, 3);
    assert_memory_equal(e1->val, "v\0w", 3);
    sdict_set_val(e1, "longer value", 12);
    assert_string_equal(e1->val, "longer value");
    sdict_set_val(e2, NULL, 0);
    assert_null(e2->val);
    e2->score = -1.5;
    /* Entry pointers survive growth (rehash moves links, not entries). */
    char k[32];
    for (int i = 0; i < 1000; i++)
        sdict_add(d, k, key_of(k, i), &c);
    assert_ptr_equal(sdict_find(d, k1, 3), e1);
    assert_string_equal(e1->val, "longer value");
    assert_true(sdict_find(d, k2, 3)->score == -1.5);
    assert_int_equal(sdict_delete(d, k1, 3), 1);
    assert_null(sdict_find(d, k1, 3));
    assert_non_null(sdict_find(d, k2, 3));
    sdict_free(d);
    assert_int_equal(mem_used(), base);
}

/* Chi-square statistic of draws picks from d, whose k entries carry the
 * scores 0..k-1, against the uniform expectation draws/k. For a uniform
 * pick it follows a chi-square law with k-1 degrees of freedom: mean k-1,
 * standard deviation sqrt(2(k-1)). */
static double draw_chi_square(struct sdict *d, int k, int draws)
{
    assert_int_equal(sdict_size(d), k);
    int *counts = mem_calloc((size_t)k, sizeof(int));
    for (int i = 0; i < draws; i++) {
        struct sdict_entry *e = sdict_random(d);
        assert_non_null(e);
        assert_true(e->score >= 0 && e->score < k);
        counts[(int)e->score]++;
    }
    double expect = (double)draws / k, chi = 0;
    for (int i = 0; i < k; i++)
        chi += (counts[i] - expect) * (counts[i] - expect) / expect;
    mem_free(counts);
    return chi;
}

/* A generous bound: about 8 standard deviations above the mean, so a fair
 * pick passes with any seed, while picking a bucket and then a member of
 * its chain (members of a chain of two drawn half as often) scores in the
 * thousands at these draw counts. */
static void assert_uniform(struct sdict *d, int k)
{
    double df = k - 1;
    double chi = draw_chi_square(d, k, 200 * k);
    if (chi >= df + 8 * sqrt(2 * df))
        fail_msg("chi-square %.1f over %d keys (df %.0f)", chi, k, df);
}

static void fixed_seed(void)
{
    uint8_t seed[16];
    for (int i = 0; i < 16; i++)
        seed[i] = (uint8_t)(7 * i + 1);
    dict_set_seed(seed);
}

/* Add and delete a scratch key until the pending resize is done (each
 * write moves a bucket). */
static void finish_rehash(struct sdict *d)
{
    int c;
    while (sdict_is_rehashing(d)) {
        sdict_add(d, "scratch", 7, &c);
        sdict_delete(d, "scratch", 7);
    }
}

static void test_random_uniform_steady(void **state)
{
    (void)state;
    fixed_seed();
    struct sdict *d = sdict_new();
    assert_null(sdict_random(d));
    char k[32];
    int c;
    for (int i = 0; i < 300; i++)
        sdict_add(d, k, key_of(k, i), &c)->score = i;
    finish_rehash(d);
    assert_uniform(d, 300);
    /* A single element is always the answer, even mid-shrink. */
    for (int i = 1; i < 300; i++)
        sdict_delete(d, k, key_of(k, i));
    for (int i = 0; i < 100; i++)
        assert_true(sdict_random(d)->score == 0);
    sdict_free(d);
}

/* Picks during a grow: entries in both tables, t[0] partly moved. */
static void test_random_uniform_mid_grow(void **state)
{
    (void)state;
    fixed_seed();
    struct sdict *d = sdict_new();
    char k[32];
    int c, n = 0;
    while (n < 256 || !sdict_is_rehashing(d)) {
        sdict_add(d, k, key_of(k, n), &c)->score = n;
        n++;
    }
    for (int i = 0; i < 40; i++, n++)
        sdict_add(d, k, key_of(k, n), &c)->score = n;
    assert_true(sdict_is_rehashing(d));
    assert_uniform(d, n);
    sdict_free(d);
}

/* Picks during a shrink: t[1] chains merge several t[0] chains. */
static void test_random_uniform_mid_shrink(void **state)
{
    (void)state;
    fixed_seed();
    struct sdict *d = sdict_new();
    char k[32];
    int c, n = 2000;
    for (int i = 0; i < n; i++)
        sdict_add(d, k, key_of(k, i), &c)->score = i;
    finish_rehash(d);
    while (!sdict_is_rehashing(d))
        sdict_delete(d, k, key_of(k, --n));
    for (int i = 0; i < 10; i++)
        sdict_delete(d, k, key_of(k, --n));
    assert_true(sdict_is_rehashing(d));
    assert_uniform(d, n);
    sdict_free(d);
}

/* A long chain: half the keys share their low 6 hash bits, so they sit in
 * one bucket of any table up to 64 buckets. Also through sdict_dup. */
static void test_random_uniform_long_chain(void **state)
{
    (void)state;
    fixed_seed();
    enum { HALF = 12 };
    struct sdict *d = sdict_new();
    char k[32];
    int c, in_chain = 0, other = 0;
    for (int i = 0; in_chain < HALF || other < HALF; i++) {
        size_t len = key_of(k, i);
        int low = (dict_hash(k, len) & 63) == 0;
        if (low && in_chain < HALF)
            sdict_add(d, k, len, &c)->score = in_chain++;
        else if (!low && other < HALF)
            sdict_add(d, k, len, &c)->score = HALF + other++;
    }
    finish_rehash(d);
    assert_uniform(d, 2 * HALF);
    struct sdict *copy = sdict_dup(d);
    assert_uniform(copy, 2 * HALF);
    sdict_free(copy);
    sdict_free(d);
}

struct seen {
    unsigned char *hits;
    int total;
};

static void mark_seen(void *priv, struct sdict_entry *e)
{
    struct seen *s = priv;
    s->hits[(int)e->score]++;
    s->total++;
}

/* Scan while the table grows (phase 0) or shrinks (phase 1): every key
 * present for the whole scan must be reported at least once. */
static void scan_across_resize(int shrink)
{
    struct sdict *d = sdict_new();
    char k[32];
    int c;
    const int stable = 2000, extra = 20000;
    for (int i = 0; i < stable; i++)
        sdict_add(d, k, key_of(k, i), &c)->score = i;
    if (shrink)
        for (int i = stable; i < stable + extra; i++)
            sdict_add(d, k, key_of(k, i), &c)->score = i;
    struct seen s = {mem_calloc(stable + extra, 1), 0};
    unsigned long long cur = 0;
    int step = 0, next = stable;
    do {
        cur = sdict_scan(d, cur, 10, mark_seen, &s);
        /* Change the table between calls. */
        for (int j = 0; j < 200; j++) {
            if (!shrink && next < stable + extra) {
                sdict_add(d, k, key_of(k, next), &c)->score = next;
                next++;
            } else if (shrink && next < stable + extra) {
                sdict_delete(d, k, key_of(k, next));
                next++;
            }
        }
        step++;
    } while (cur != 0 && step < 1000000);
    assert_int_equal(cur, 0);
    for (int i = 0; i < stable; i++)
        assert_true(s.hits[i] >= 1);
    mem_free(s.hits);
    sdict_free(d);
}

static void test_scan_guarantee(void **state)
{
    (void)state;
    scan_across_resize(0);
    scan_across_resize(1);
    /* A quiet table: each element exactly once, and an empty one ends. */
    struct sdict *d = sdict_new();
    assert_int_equal(sdict_scan(d, 0, 10, mark_seen, NULL), 0);
    char k[32];
    int c;
    for (int i = 0; i < 500; i++)
        sdict_add(d, k, key_of(k, i), &c)->score = i;
    for (int r = 0; r < 2000; r++) { /* finish the rehash */
        sdict_add(d, "t", 1, &c);
        sdict_delete(d, "t", 1);
    }
    struct seen s = {mem_calloc(500, 1), 0};
    unsigned long long cur = 0;
    do
        cur = sdict_scan(d, cur, 7, mark_seen, &s);
    while (cur);
    assert_int_equal(s.total, 500);
    for (int i = 0; i < 500; i++)
        assert_int_equal(s.hits[i], 1);
    mem_free(s.hits);
    sdict_free(d);
}

static void count_cb(void *priv, struct sdict_entry *e)
{
    (void)e;
    (*(int *)priv)++;
}

static void test_foreach_and_dup(void **state)
{
    (void)state;
    size_t base = mem_used();
    struct sdict *d = sdict_new();
    char k[32];
    int c;
    /* 3000 adds leave the table mid-rehash at some point: dup it then. */
    for (int i = 0; i < 3000; i++) {
        struct sdict_entry *e = sdict_add(d, k, key_of(k, i), &c);
        e->score = i * 0.5;
        if (i % 3 == 0)
            sdict_set_val(e, k, strlen(k));
    }
    struct sdict *cp = sdict_dup(d);
    int n = 0;
    sdict_foreach(cp, count_cb, &n);
    assert_int_equal(n, 3000);
    assert_int_equal(sdict_size(cp), 3000);
    for (int i = 0; i < 3000; i++) {
        size_t kl = key_of(k, i);
        struct sdict_entry *e = sdict_find(cp, k, kl);
        assert_non_null(e);
        assert_ptr_not_equal(e, sdict_find(d, k, kl));
        assert_true(e->score == i * 0.5);
        if (i % 3 == 0) {
            assert_int_equal(e->vlen, kl);
            assert_memory_equal(e->val, k, kl);
            assert_ptr_not_equal(e->val, sdict_find(d, k, kl)->val);
        } else {
            assert_null(e->val);
        }
    }
    /* Independent: deleting from the copy leaves the original intact. */
    for (int i = 0; i < 3000; i++)
        sdict_delete(cp, k, key_of(k, i));
    assert_int_equal(sdict_size(cp), 0);
    assert_int_equal(sdict_size(d), 3000);
    sdict_free(cp);
    sdict_free(d);
    sdict_free(NULL);
    assert_int_equal(mem_used(), base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_find_delete_100k),
        cmocka_unit_test(test_binary_keys_and_values),
        cmocka_unit_test(test_random_uniform_steady),
        cmocka_unit_test(test_random_uniform_mid_grow),
        cmocka_unit_test(test_random_uniform_mid_shrink),
        cmocka_unit_test(test_random_uniform_long_chain),
        cmocka_unit_test(test_scan_guarantee),
        cmocka_unit_test(test_foreach_and_dup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
