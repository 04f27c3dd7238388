/* Unit tests for the sorted-set member index (t_zset_idx.c): lookups and
 * removals stay correct while an incremental resize is in progress, in
 * both directions, and a full SCAN returns every member that stays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mem.h"
#include "skiplist.h"
#include "t_zset.h"

#define N 5000

static struct sl_node *nodes[N];

static void make_nodes(struct skiplist *sl)
{
    char m[32];
    for (int i = 0; i < N; i++) {
        int len = snprintf(m, sizeof(m), "member:%d", i);
        nodes[i] = sl_insert(sl, (double)i, m, (size_t)len);
    }
}

static int find_i(const struct zidx *x, int i)
{
    char m[32];
    int len = snprintf(m, sizeof(m), "member:%d", i);
    return zidx_find(x, m, (size_t)len) == nodes[i];
}

static void test_grow_and_shrink_keep_every_member(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    struct zidx *x = zidx_new();
    make_nodes(sl);
    for (int i = 0; i < N; i++) {
        zidx_add(x, nodes[i]);
        /* Every member added so far is found, whatever the resize state. */
        if (i % 97 == 0)
            for (int j = 0; j <= i; j++)
                assert_true(find_i(x, j));
    }
    assert_int_equal(zidx_size(x), N);
    size_t grown = zidx_mem(x);
    for (int i = 0; i < N - 10; i++) {
        zidx_remove(x, nodes[i]);
        assert_false(find_i(x, i));
        if (i % 101 == 0)
            for (int j = i + 1; j < N; j++)
                assert_true(find_i(x, j));
    }
    assert_int_equal(zidx_size(x), 10);
    for (int j = N - 10; j < N; j++)
        assert_true(find_i(x, j));
    assert_true(zidx_mem(x) < grown / 8); /* it shrank */
    zidx_free(x);
    sl_free(sl);
}

struct seen {
    int count[N];
};

static void mark(void *priv, struct sl_node *n)
{
    struct seen *s = priv;
    int i = (int)n->score;
    s->count[i]++;
}

static void test_scan_during_resize_returns_all(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    struct zidx *x = zidx_new();
    make_nodes(sl);
    for (int i = 0; i < N / 2; i++)
        zidx_add(x, nodes[i]);
    static struct seen s;
    memset(&s, 0, sizeof(s));
    unsigned long long cursor = 0;
    int next_add = N / 2, steps = 0;
    do {
        cursor = zidx_scan(x, cursor, 10, mark, &s);
        /* Adds between scan calls keep triggering resizes. */
        for (int k = 0; k < 20 && next_add < N; k++)
            zidx_add(x, nodes[next_add++]);
        steps++;
    } while (cursor != 0 && steps < 100000);
    assert_int_equal(cursor, 0);
    for (int i = 0; i < N / 2; i++)
        assert_true(s.count[i] >= 1); /* present for the whole scan: seen */
    zidx_free(x);
    sl_free(sl);
}

/* The hash-once entry points agree with the plain ones. */
static void test_hash_once_api(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    struct zidx *x = zidx_new();
    make_nodes(sl);
    char m[32];
    for (int i = 0; i < N; i++) {
        int len = snprintf(m, sizeof(m), "member:%d", i);
        uint64_t h = zidx_hash(m, (size_t)len);
        assert_null(zidx_find_h(x, m, (size_t)len, h));
        if (i % 2)
            zidx_add_h(x, nodes[i], h);
        else
            zidx_add(x, nodes[i]);
        assert_ptr_equal(zidx_find_h(x, m, (size_t)len, h), nodes[i]);
    }
    for (int i = 0; i < N; i++)
        assert_true(find_i(x, i));
    int len = snprintf(m, sizeof(m), "member:%d", N);
    assert_null(zidx_find_h(x, m, (size_t)len, zidx_hash(m, (size_t)len)));
    zidx_free(x);
    sl_free(sl);
}

/* Tables bigger than the stored tags can index (2^24 buckets normally;
 * 2^3 here) rehash members when they move buckets or are removed: growth,
 * lookups, removals and the shrink stay correct on that path too. */
static void test_tables_past_the_tag_bits(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    struct zidx *x = zidx_new();
    zidx_limit_tag_bits(x, 3);
    make_nodes(sl);
    for (int i = 0; i < N; i++) {
        zidx_add(x, nodes[i]);
        if (i % 251 == 0)
            for (int j = 0; j <= i; j++)
                assert_true(find_i(x, j));
    }
    for (int i = 0; i < N; i += 2) {
        zidx_remove(x, nodes[i]);
        assert_false(find_i(x, i));
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(find_i(x, i), i % 2);
    for (int i = 1; i < N - 2; i += 2)
        zidx_remove(x, nodes[i]);
    assert_int_equal(zidx_size(x), 1);
    assert_true(find_i(x, N - 1));
    zidx_free(x);
    sl_free(sl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_and_shrink_keep_every_member),
        cmocka_unit_test(test_scan_during_resize_returns_all),
        cmocka_unit_test(test_hash_once_api),
        cmocka_unit_test(test_tables_past_the_tag_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
