/* Unit tests for sdict: add/find/delete across growth and shrink with
 * incremental rehash, binary keys, values and scores, random fairness, the
 * SCAN guarantee across resizes, foreach and dup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

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

static void test_random_fairness(void **state)
{
    (void)state;
    struct sdict *d = sdict_new();
    assert_null(sdict_random(d));
    enum { K = 50, DRAWS = 100000 };
    int counts[K] = {0};
    char k[32];
    int c;
    for (int i = 0; i < K; i++)
        sdict_add(d, k, key_of(k, i), &c)->score = i;
    for (int i = 0; i < DRAWS; i++) {
        struct sdict_entry *e = sdict_random(d);
        assert_non_null(e);
        counts[(int)e->score]++;
    }
    /* Expected 2000 each. Picking a bucket then a link favours members of
     * short chains (one alone in its bucket: ~100000/35 draws; one of four:
     * a quarter of that), so the bounds are loose: they catch a member
     * never or almost never drawn, or a pick stuck on a few buckets. */
    for (int i = 0; i < K; i++) {
        assert_true(counts[i] > 300);
        assert_true(counts[i] < 6000);
    }
    /* A single element is always the answer, even mid-shrink. */
    for (int i = 1; i < K; i++)
        sdict_delete(d, k, key_of(k, i));
    for (int i = 0; i < 100; i++)
        assert_true(sdict_random(d)->score == 0);
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
        cmocka_unit_test(test_add_find_delete_100k), cmocka_unit_test(test_binary_keys_and_values),
        cmocka_unit_test(test_random_fairness),      cmocka_unit_test(test_scan_guarantee),
        cmocka_unit_test(test_foreach_and_dup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
