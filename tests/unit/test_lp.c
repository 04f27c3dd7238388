/* Unit tests for lp (the listpack): every integer width round-trips at its
 * boundaries, strings of each length class, insert/delete/replace in the
 * middle, forward and backward iteration, canonical-integer detection, the
 * count past 65535, and a randomized comparison against a plain array model;
 * for small (slab) listpacks, placement across SLAB_MAX, lp_dup / lp_mem /
 * lp_free accounting, a self-aliasing replace that changes class, and a
 * randomized model that keeps crossing classes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lp.h"
#include "mem.h"
#include "slab.h"

/* mem_used() without the slab's page table (it grows as pages are first
 * used and stays): what a leak check compares. */
static size_t used(void)
{
    struct slab_stats st;
    slab_get_stats(&st);
    return mem_used() - st.meta;
}

/* The bytes of the entry at off, as text, into out (NUL-terminated). */
static size_t text_at(const unsigned char *lp, size_t off, char *out, size_t cap)
{
    struct lp_entry e;
    char buf[21];
    size_t n;
    lp_get(lp, off, &e);
    const unsigned char *b = lp_bytes_of(&e, buf, &n);
    assert_true(n < cap);
    memcpy(out, b, n);
    out[n] = 0;
    return n;
}

static unsigned char *app(unsigned char *lp, const char *s)
{
    return lp_append(lp, s, strlen(s));
}

static void test_empty(void **state)
{
    (void)state;
    unsigned char *lp = lp_new();
    assert_int_equal(lp_count(lp), 0);
    assert_int_equal(lp_first(lp), lp_end(lp));
    assert_int_equal(lp_last(lp), 0);
    assert_int_equal(lp_seek(lp, 0), 0);
    assert_int_equal(lp_seek(lp, -1), 0);
    assert_int_equal(lp_bytes(lp), 7);
    mem_free(lp);
}

/* Each boundary of each integer width comes back as the same integer, and
 * the entry grows with the width. */
static void test_integer_widths(void **state)
{
    (void)state;
    static const struct {
        long long v;
        size_t sz; /* encoding + payload + backlen */
    } cases[] = {
        {0, 2},
        {127, 2},
        {128, 3},
        {-1, 3},
        {4095, 3},
        {-4096, 3},
        {4096, 4},
        {-4097, 4},
        {32767, 4},
        {-32768, 4},
        {32768, 5},
        {-32769, 5},
        {8388607, 5},
        {-8388608, 5},
        {8388608, 6},
        {-8388609, 6},
        {2147483647LL, 6},
        {-2147483648LL, 6},
        {2147483648LL, 10},
        {-2147483649LL, 10},
        {9223372036854775807LL, 10},
        {-9223372036854775807LL - 1, 10},
    };
    size_t n = sizeof(cases) / sizeof(cases[0]);
    unsigned char *lp = lp_new();
    for (size_t i = 0; i < n; i++) {
        char buf[32];
        size_t before = lp_bytes(lp);
        int len = snprintf(buf, sizeof(buf), "%lld", cases[i].v);
        lp = lp_append(lp, buf, (size_t)len);
        assert_int_equal(lp_bytes(lp) - before, cases[i].sz);
    }
    assert_int_equal(lp_count(lp), n);
    size_t off = lp_first(lp);
    for (size_t i = 0; i < n; i++) {
        struct lp_entry e;
        lp_get(lp, off, &e);
        assert_null(e.s);
        assert_true(e.v == cases[i].v);
        off = lp_next(lp, off);
    }
    assert_int_equal(off, lp_end(lp));
    /* And backwards. */
    off = lp_last(lp);
    for (size_t i = n; i-- > 0;) {
        struct lp_entry e;
        lp_get(lp, off, &e);
        assert_true(e.v == cases[i].v);
        off = lp_prev(lp, off);
    }
    assert_int_equal(off, 0);
    mem_free(lp);
}

/* Strings that are not canonical integers stay strings, byte for byte. */
static void test_canonical_integers(void **state)
{
    (void)state;
    static const char *strs[] = {"01",
                                 "+1",
                                 "-0",
                                 " 1",
                                 "1 ",
                                 "1.0",
                                 "",
                                 "-",
                                 "abc",
                                 "9223372036854775808",
                                 "-9223372036854775809",
                                 "0x10",
                                 "1e3"};
    unsigned char *lp = lp_new();
    size_t n = sizeof(strs) / sizeof(strs[0]);
    for (size_t i = 0; i < n; i++)
        lp = app(lp, strs[i]);
    size_t off = lp_first(lp);
    for (size_t i = 0; i < n; i++) {
        struct lp_entry e;
        lp_get(lp, off, &e);
        assert_non_null(e.s);
        assert_int_equal(e.len, strlen(strs[i]));
        assert_memory_equal(e.s, strs[i], e.len);
        assert_true(lp_eq(lp, off, strs[i], strlen(strs[i])));
        off = lp_next(lp, off);
    }
    /* Canonical ones become integers but compare equal to their text. */
    mem_free(lp);
    lp = lp_new();
    lp = app(lp, "-17");
    lp = app(lp, "123456789012");
    struct lp_entry e;
    lp_get(lp, lp_first(lp), &e);
    assert_null(e.s);
    assert_int_equal(e.v, -17);
    assert_true(lp_eq(lp, lp_first(lp), "-17", 3));
    assert_false(lp_eq(lp, lp_first(lp), "-170", 4));
    assert_false(lp_eq(lp, lp_first(lp), "-1", 2));
    assert_true(lp_eq(lp, lp_seek(lp, 1), "123456789012", 12));
    mem_free(lp);
}

/* Fill buf with a length-n string that is not an integer. */
static char *mkstr(size_t n, char c)
{
    char *s = mem_alloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(c + i % 7);
    s[n] = 0;
    return s;
}

/* Each string length class (6-bit, 12-bit, 32-bit length) and the backlen
 * sizes at their boundaries, iterated both ways. */
static void test_string_lengths(void **state)
{
    (void)state;
    static const size_t lens[] = {0,    1,     63,    64,    125,   126,    127,    4095,
                                  4096, 16380, 16381, 16383, 20000, 300000, 2100000};
    size_t n = sizeof(lens) / sizeof(lens[0]);
    unsigned char *lp = lp_new();
    size_t expect_total = 7;
    for (size_t i = 0; i < n; i++) {
        char *s = mkstr(lens[i], 'a');
        lp = lp_append(lp, s, lens[i]);
        mem_free(s);
        size_t hdr = lens[i] < 64 ? 1 : lens[i] < 4096 ? 2 : 5;
        size_t l = hdr + lens[i];
        size_t bl = l < 128 ? 1 : l < 16384 ? 2 : l < (1u << 21) ? 3 : 4;
        expect_total += l + bl;
        assert_int_equal(lp_bytes(lp), expect_total);
    }
    size_t off = lp_first(lp);
    for (size_t i = 0; i < n; i++) {
        struct lp_entry e;
        lp_get(lp, off, &e);
        assert_non_null(e.s);
        assert_int_equal(e.len, lens[i]);
        char *s = mkstr(lens[i], 'a');
        assert_true(lp_eq(lp, off, s, lens[i]));
        mem_free(s);
        off = lp_next(lp, off);
    }
    off = lp_end(lp);
    for (size_t i = n; i-- > 0;) {
        off = lp_prev(lp, off);
        struct lp_entry e;
        lp_get(lp, off, &e);
        assert_int_equal(e.len, lens[i]);
        assert_int_equal(off, lp_seek(lp, (long long)i));
        assert_int_equal(off, lp_seek(lp, (long long)i - (long long)n));
    }
    assert_int_equal(lp_prev(lp, off), 0);
    mem_free(lp);
}

static void expect_list(const unsigned char *lp, const char **want, size_t n)
{
    char buf[64];
    assert_int_equal(lp_count(lp), n);
    size_t off = lp_first(lp);
    for (size_t i = 0; i < n; i++) {
        assert_int_not_equal(off, lp_end(lp));
        text_at(lp, off, buf, sizeof(buf));
        assert_string_equal(buf, want[i]);
        off = lp_next(lp, off);
    }
    assert_int_equal(off, lp_end(lp));
    off = lp_last(lp);
    for (size_t i = n; i-- > 0;) {
        text_at(lp, off, buf, sizeof(buf));
        assert_string_equal(buf, want[i]);
        off = lp_prev(lp, off);
    }
    assert_int_equal(off, 0);
}

static void test_edit_middle(void **state)
{
    (void)state;
    unsigned char *lp = lp_new();
    lp = app(lp, "a");
    lp = app(lp, "b");
    lp = app(lp, "c");
    lp = lp_prepend(lp, "0", 1);
    {
        const char *w[] = {"0", "a", "b", "c"};
        expect_list(lp, w, 4);
    }
    size_t noff = 0;
    lp = lp_insert(lp, lp_seek(lp, 2), "99999", 5, &noff);
    assert_int_equal(noff, lp_seek(lp, 2));
    {
        const char *w[] = {"0", "a", "99999", "b", "c"};
        expect_list(lp, w, 5);
    }
    /* Replace with something bigger, then smaller. */
    char *big = mkstr(200, 'x');
    lp = lp_replace(lp, lp_seek(lp, 1), big, 200);
    assert_true(lp_eq(lp, lp_seek(lp, 1), big, 200));
    mem_free(big);
    lp = lp_replace(lp, lp_seek(lp, 1), "A", 1);
    lp = lp_replace(lp, lp_seek(lp, 2), "-5", 2);
    {
        const char *w[] = {"0", "A", "-5", "b", "c"};
        expect_list(lp, w, 5);
    }
    /* Delete two in the middle, then past the end (clamps). */
    lp = lp_delete(lp, lp_seek(lp, 1), 2);
    {
        const char *w[] = {"0", "b", "c"};
        expect_list(lp, w, 3);
    }
    lp = lp_delete(lp, lp_seek(lp, 1), 10);
    {
        const char *w[] = {"0"};
        expect_list(lp, w, 1);
    }
    lp = lp_delete(lp, lp_first(lp), 1);
    expect_list(lp, NULL, 0);
    assert_int_equal(lp_bytes(lp), 7);
    mem_free(lp);
}

/* Replacing an entry with bytes that live inside the same listpack. */
static void test_replace_self_alias(void **state)
{
    (void)state;
    unsigned char *lp = lp_new();
    lp = app(lp, "short");
    char *s = mkstr(5000, 'k');
    lp = lp_append(lp, s, 5000);
    struct lp_entry e;
    lp_get(lp, lp_seek(lp, 1), &e);
    lp = lp_replace(lp, lp_first(lp), e.s, e.len);
    assert_true(lp_eq(lp, lp_first(lp), s, 5000));
    assert_true(lp_eq(lp, lp_seek(lp, 1), s, 5000));
    mem_free(s);
    mem_free(lp);
}

/* The header count saturates at 65535; lp_count stays exact and recovers
 * after deletions. */
static void test_big_count(void **state)
{
    (void)state;
    unsigned char *lp = lp_new();
    const size_t n = 70000;
    for (size_t i = 0; i < n; i++) {
        char buf[24];
        int len = snprintf(buf, sizeof(buf), "%zu", i);
        lp = lp_append(lp, buf, (size_t)len);
    }
    assert_int_equal(lp_count(lp), n);
    struct lp_entry e;
    lp_get(lp, lp_seek(lp, 69999), &e);
    assert_int_equal(e.v, 69999);
    lp_get(lp, lp_seek(lp, -70000), &e);
    assert_int_equal(e.v, 0);
    assert_int_equal(lp_seek(lp, 70000), 0);
    assert_int_equal(lp_seek(lp, -70001), 0);
    lp = lp_delete(lp, lp_first(lp), 1);
    assert_int_equal(lp_count(lp), n - 1);
    lp = lp_delete(lp, lp_first(lp), 10000);
    assert_int_equal(lp_count(lp), n - 10001);
    lp = app(lp, "x");
    assert_int_equal(lp_count(lp), n - 10000);
    lp_get(lp, lp_first(lp), &e);
    assert_int_equal(e.v, 10001);
    mem_free(lp);
}

/* Random edits against an array of strings. */
static void test_random_model(void **state)
{
    (void)state;
    enum { MAXN = 300 };
    char *model[MAXN];
    size_t mlen[MAXN];
    size_t n = 0;
    unsigned char *lp = lp_new();
    srand(12345);
    for (int step = 0; step < 20000; step++) {
        int op = rand() % 4;
        char tmp[200];
        size_t tl;
        if (rand() % 2) {
            tl =
                (size_t)snprintf(tmp, sizeof(tmp), "%lld", (long long)(rand() % 2000001) - 1000000);
        } else {
            tl = (size_t)(rand() % 150);
            for (size_t i = 0; i < tl; i++)
                tmp[i] = (char)('a' + rand() % 26);
        }
        if ((op <= 1 || n == 0) && n < MAXN) {
            size_t at = (size_t)rand() % (n + 1);
            size_t off = at == n ? lp_end(lp) : lp_seek(lp, (long long)at);
            lp = lp_insert(lp, off, tmp, tl, NULL);
            memmove(model + at + 1, model + at, (n - at) * sizeof(*model));
            memmove(mlen + at + 1, mlen + at, (n - at) * sizeof(*mlen));
            model[at] = mem_strndup(tmp, tl);
            mlen[at] = tl;
            n++;
        } else if (op == 2 && n > 0) {
            size_t at = (size_t)rand() % n;
            lp = lp_replace(lp, lp_seek(lp, (long long)at), tmp, tl);
            mem_free(model[at]);
            model[at] = mem_strndup(tmp, tl);
            mlen[at] = tl;
        } else if (n > 0) {
            size_t at = (size_t)rand() % n;
            size_t k = 1 + (size_t)rand() % 3;
            if (k > n - at)
                k = n - at;
            lp = lp_delete(lp, lp_seek(lp, (long long)at), k);
            for (size_t i = 0; i < k; i++)
                mem_free(model[at + i]);
            memmove(model + at, model + at + k, (n - at - k) * sizeof(*model));
            memmove(mlen + at, mlen + at + k, (n - at - k) * sizeof(*mlen));
            n -= k;
        }
        if (step % 97 == 0 || step == 19999) {
            assert_int_equal(lp_count(lp), n);
            size_t off = lp_first(lp);
            for (size_t i = 0; i < n; i++) {
                assert_true(lp_eq(lp, off, model[i], mlen[i]));
                off = lp_next(lp, off);
            }
            assert_int_equal(off, lp_end(lp));
            off = lp_end(lp);
            for (size_t i = n; i-- > 0;) {
                off = lp_prev(lp, off);
                assert_true(lp_eq(lp, off, model[i], mlen[i]));
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        mem_free(model[i]);
    mem_free(lp);
}

/* lp_insert_pair: two entries in one resize, at the front, middle and end,
 * integers and strings, sources inside the listpack itself, on both kinds;
 * the same bytes as two lp_insert calls. */
static void test_insert_pair(void **state)
{
    (void)state;
    for (int small = 0; small < 2; small++) {
        unsigned char *a = small ? lp_new_small() : lp_new();
        unsigned char *b = small ? lp_new_small() : lp_new();
        size_t off;
        a = lp_insert_pair(a, lp_end(a), "f1", 2, "100000", 6, &off);
        assert_int_equal(off, lp_first(a));
        b = app(b, "f1");
        b = app(b, "100000");
        a = lp_insert_pair(a, lp_first(a), "-5", 2, "a longer value string", 21, NULL);
        b = lp_prepend(b, "a longer value string", 21);
        b = lp_prepend(b, "-5", 2);
        a = lp_insert_pair(a, lp_seek(a, 2), "mid", 3, "7", 1, &off);
        assert_int_equal(off, lp_seek(a, 2));
        b = lp_insert(b, lp_seek(b, 2), "7", 1, NULL);
        b = lp_insert(b, lp_seek(b, 2), "mid", 3, NULL);
        assert_int_equal(lp_count(a), 6);
        assert_int_equal(lp_bytes(a), lp_bytes(b));
        assert_memory_equal(a, b, lp_bytes(a));
        /* Both sources inside a: a copy of entries 1 and 2, appended. */
        struct lp_entry e1, e2;
        lp_get(a, lp_seek(a, 1), &e1);
        lp_get(a, lp_seek(a, 2), &e2);
        a = lp_insert_pair(a, lp_end(a), e1.s, e1.len, e2.s, e2.len, NULL);
        assert_int_equal(lp_count(a), 8);
        assert_true(lp_eq(a, lp_seek(a, 6), "a longer value string", 21));
        assert_true(lp_eq(a, lp_seek(a, 7), "mid", 3));
        assert_int_equal(lp_prev(a, lp_end(a)), lp_seek(a, 7));
        assert_int_equal(slab_owns(a), small);
        lp_free(a);
        lp_free(b);
    }
}

/* A small listpack lives in the slab, sized to its 4-byte class, until it
 * passes SLAB_MAX; then it is a malloc block for good, even after shrinking.
 * lp_mem follows, and lp_free gives every byte back. */
static void test_small_placement(void **state)
{
    (void)state;
    size_t base = used();
    unsigned char *lp = lp_new_small();
    assert_true(slab_owns(lp));
    assert_int_equal(lp_mem(lp), slab_class_size(7));
    size_t last_in_slab = 0;
    for (int i = 0; lp_bytes(lp) <= SLAB_MAX + 100; i++) {
        lp = app(lp, "fieldvalue");
        if (lp_bytes(lp) <= SLAB_MAX) {
            assert_true(slab_owns(lp));
            assert_int_equal(lp_mem(lp), slab_class_size(lp_bytes(lp)));
            last_in_slab = lp_count(lp);
        } else {
            assert_false(slab_owns(lp));
            assert_int_equal(lp_mem(lp), mem_size(lp));
        }
        assert_int_equal(used(), base + lp_mem(lp));
    }
    assert_true(last_in_slab > 0 && last_in_slab < lp_count(lp));
    /* A copy of the big one is on malloc; a copy of a small one in the slab. */
    unsigned char *c = lp_dup(lp);
    assert_false(slab_owns(c));
    assert_int_equal(lp_bytes(c), lp_bytes(lp));
    assert_memory_equal(c, lp, lp_bytes(lp));
    lp_free(c);
    lp = lp_delete(lp, lp_first(lp), lp_count(lp) - 2);
    assert_int_equal(lp_count(lp), 2);
    assert_false(slab_owns(lp)); /* no way back: hysteresis */
    c = lp_dup(lp);
    assert_true(slab_owns(c));
    assert_true(lp_eq(c, lp_first(c), "fieldvalue", 10));
    assert_int_equal(lp_count(c), 2);
    lp_free(c);
    lp_free(lp);
    lp_free(NULL);
    assert_int_equal(used(), base);
}

/* lp_new() listpacks never enter the slab (quicklist frees them with
 * mem_free), however small they stay. */
static void test_heap_listpack_stays_heap(void **state)
{
    (void)state;
    unsigned char *lp = lp_new();
    assert_false(slab_owns(lp));
    lp = app(lp, "a");
    lp = app(lp, "12345");
    lp = lp_delete(lp, lp_first(lp), 1);
    assert_false(slab_owns(lp));
    assert_int_equal(lp_mem(lp), mem_size(lp));
    mem_free(lp);
}

/* Replacing an entry with bytes taken from the same slab listpack, where the
 * edit moves it to another class (the source must be saved first). */
static void test_small_replace_self_alias(void **state)
{
    (void)state;
    unsigned char *lp = lp_new_small();
    lp = app(lp, "x");
    lp = app(lp, "a-forty-byte-string-abcdefghijklmnopqrst");
    struct lp_entry e;
    lp_get(lp, lp_seek(lp, 1), &e);
    unsigned char *before = lp;
    lp = lp_replace(lp, lp_first(lp), e.s, e.len);
    assert_true(lp != before); /* moved class */
    assert_true(slab_owns(lp));
    assert_true(lp_eq(lp, lp_first(lp), "a-forty-byte-string-abcdefghijklmnopqrst", 40));
    assert_true(lp_eq(lp, lp_seek(lp, 1), "a-forty-byte-string-abcdefghijklmnopqrst", 40));
    /* And shrinking back across classes with a self-alias too. */
    lp = lp_append(lp, "y", 1);
    lp_get(lp, lp_seek(lp, 2), &e);
    lp = lp_replace(lp, lp_first(lp), e.s, e.len);
    assert_true(lp_eq(lp, lp_first(lp), "y", 1));
    assert_int_equal(lp_count(lp), 3);
    lp_free(lp);
}

/* Random edits on a small listpack that keeps crossing slab classes and
 * now and then SLAB_MAX, against an array model; placement and accounting
 * are checked after every step. */
static void test_small_random_model(void **state)
{
    (void)state;
    enum { MAXN = 48 };
    char model[MAXN][40];
    size_t mlen[MAXN];
    size_t n = 0;
    size_t base = used();
    unsigned char *lp = lp_new_small();
    int went_heap = 0, episodes = 0;
    srand(777);
    for (int step = 0; step < 20000; step++) {
        char tmp[40];
        size_t tl;
        if (rand() % 2) {
            tl = (size_t)snprintf(tmp, sizeof(tmp), "%d", rand() % 200001 - 100000);
        } else {
            tl = (size_t)(rand() % 36);
            for (size_t i = 0; i < tl; i++)
                tmp[i] = (char)('a' + rand() % 26);
        }
        /* Drift up while in the slab and down once on the heap, so the
         * boundary is crossed many times. */
        int op = rand() % 4;
        int ins = went_heap ? op == 0 : op <= 1;
        if ((ins || n == 0) && n < MAXN) {
            size_t at = (size_t)rand() % (n + 1);
            size_t off = at == n ? lp_end(lp) : lp_seek(lp, (long long)at);
            lp = lp_insert(lp, off, tmp, tl, NULL);
            memmove(model + at + 1, model + at, (n - at) * sizeof(*model));
            memmove(mlen + at + 1, mlen + at, (n - at) * sizeof(*mlen));
            memcpy(model[at], tmp, tl);
            mlen[at] = tl;
            n++;
        } else if (op == 2 && n > 0) {
            size_t at = (size_t)rand() % n;
            lp = lp_replace(lp, lp_seek(lp, (long long)at), tmp, tl);
            memcpy(model[at], tmp, tl);
            mlen[at] = tl;
        } else if (n > 0) {
            size_t at = (size_t)rand() % n;
            lp = lp_delete(lp, lp_seek(lp, (long long)at), 1);
            memmove(model + at, model + at + 1, (n - at - 1) * sizeof(*model));
            memmove(mlen + at, mlen + at + 1, (n - at - 1) * sizeof(*mlen));
            n--;
        }
        if (lp_bytes(lp) > SLAB_MAX && !went_heap) {
            went_heap = 1;
            episodes++;
        }
        assert_int_equal(slab_owns(lp), !went_heap);
        assert_int_equal(used(), base + lp_mem(lp));
        assert_int_equal(lp_count(lp), n);
        size_t off = lp_first(lp);
        for (size_t i = 0; i < n; i++) {
            assert_true(lp_eq(lp, off, model[i], mlen[i]));
            off = lp_next(lp, off);
        }
        assert_int_equal(off, lp_end(lp));
        if (went_heap && n <= 16) { /* start over in the slab, as a copy */
            unsigned char *c = lp_dup(lp);
            lp_free(lp);
            lp = c;
            went_heap = 0;
        }
    }
    assert_true(episodes >= 50); /* the boundary was really crossed */
    lp_free(lp);
    assert_int_equal(used(), base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_integer_widths),
        cmocka_unit_test(test_canonical_integers),
        cmocka_unit_test(test_string_lengths),
        cmocka_unit_test(test_edit_middle),
        cmocka_unit_test(test_replace_self_alias),
        cmocka_unit_test(test_big_count),
        cmocka_unit_test(test_random_model),
        cmocka_unit_test(test_insert_pair),
        cmocka_unit_test(test_small_placement),
        cmocka_unit_test(test_heap_listpack_stays_heap),
        cmocka_unit_test(test_small_replace_self_alias),
        cmocka_unit_test(test_small_random_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
