/* Unit tests for siphash, slab and dict: hash test vectors, slab handles,
 * reuse and page release, and the hash table under growth, shrink,
 * incremental rehash, iteration, SCAN, binary and very long keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dict.h"
#include "mem.h"
#include "siphash.h"
#include "slab.h"

/* ---- a tiny entry type for the dict: [link 4][mark 1][klen 4][key] or,
 * for keys over 256 bytes, [link][mark][klen][8-byte pointer]. ---- */
#define T_INLINE_MAX 256

static size_t tent_size(size_t klen)
{
    return 9 + (klen <= T_INLINE_MAX ? klen : sizeof(char *));
}

static const char *tent_key(const void *e, size_t *len)
{
    uint32_t n;
    memcpy(&n, (const char *)e + 5, 4);
    *len = n;
    if (n <= T_INLINE_MAX)
        return (const char *)e + 9;
    const char *p;
    memcpy(&p, (const char *)e + 9, sizeof(p));
    return p;
}

static int tent_marked(const void *e)
{
    return ((const uint8_t *)e)[4];
}

static const struct dict_type ttype = {tent_key, tent_marked};

static uint32_t tent_new(const char *k, size_t len, int mark)
{
    uint32_t h = slab_alloc(tent_size(len));
    char *e = slab_ptr(h);
    uint32_t n = (uint32_t)len;
    memset(e, 0, 4);
    e[4] = (char)mark;
    memcpy(e + 5, &n, 4);
    if (len <= T_INLINE_MAX) {
        memcpy(e + 9, k, len);
    } else {
        char *p = mem_alloc(len);
        memcpy(p, k, len);
        memcpy(e + 9, &p, sizeof(p));
    }
    return h;
}

static void tent_free(uint32_t h)
{
    size_t len;
    const char *k = tent_key(slab_ptr(h), &len);
    if (len > T_INLINE_MAX)
        mem_free((void *)k);
    slab_free(h, tent_size(len));
}

static size_t mkkey(char *buf, const char *prefix, long i)
{
    return (size_t)snprintf(buf, 64, "%s:%ld", prefix, i);
}

static uint32_t add_key(struct dict *d, const char *prefix, long i, int mark)
{
    char k[64];
    size_t n = mkkey(k, prefix, i);
    uint32_t h = tent_new(k, n, mark);
    dict_add(d, h);
    return h;
}

static uint32_t find_key(struct dict *d, const char *prefix, long i)
{
    char k[64];
    size_t n = mkkey(k, prefix, i);
    return dict_find(d, k, n);
}

static int del_key(struct dict *d, const char *prefix, long i)
{
    uint32_t h = find_key(d, prefix, i);
    if (!h)
        return 0;
    assert_int_equal(dict_unlink(d, h), 1);
    tent_free(h);
    return 1;
}

static void free_cb(void *priv, uint32_t h)
{
    (void)priv;
    tent_free(h);
}

static void dict_destroy(struct dict *d)
{
    dict_foreach(d, free_cb, NULL);
    dict_release(d);
}

/* ---- siphash ---- */

static void test_siphash_vectors(void **state)
{
    (void)state;
    /* Published SipHash-2-4 vectors: key 00..0f, message 00..(n-1). */
    static const uint64_t want[] = {0x726fdb47dd0e0e31ULL, 0x74f839c593dc67fdULL,
                                    0x0d6c8009d9a94f5aULL, 0x85676696d7fb7e2dULL,
                                    0xcf2794e0277187b7ULL};
    uint8_t key[16], msg[64];
    for (int i = 0; i < 16; i++)
        key[i] = (uint8_t)i;
    for (int i = 0; i < 64; i++)
        msg[i] = (uint8_t)i;
    for (size_t n = 0; n < 5; n++)
        assert_true(siphash24(msg, n, key) == want[n]);
    assert_true(siphash24(msg, 15, key) == 0xa129ca6149be45e5ULL);

    /* SipHash-1-3: deterministic, key-dependent, all prefix lengths differ. */
    uint64_t seen[65];
    for (size_t n = 0; n <= 64; n++) {
        seen[n] = siphash13(msg, n, key);
        assert_true(seen[n] == siphash13(msg, n, key));
        assert_true(seen[n] != siphash24(msg, n, key));
        for (size_t j = 0; j < n; j++)
            assert_true(seen[j] != seen[n]);
    }
    uint8_t key2[16];
    memcpy(key2, key, 16);
    key2[15] ^= 1;
    assert_true(siphash13(msg, 20, key) != siphash13(msg, 20, key2));
}

/* ---- slab ---- */

static void test_slab_roundtrip(void **state)
{
    (void)state;
    uint32_t hs[SLAB_MAX + 1];
    for (size_t n = 1; n <= SLAB_MAX; n++) {
        hs[n] = slab_alloc(n);
        assert_true(hs[n] != 0);
        assert_true(slab_handle(slab_ptr(hs[n])) == hs[n]);
        assert_int_equal((uintptr_t)slab_ptr(hs[n]) % 4, 0);
        assert_true(slab_class_size(n) >= n && slab_class_size(n) < n + 4 + SLAB_MIN);
        memset(slab_ptr(hs[n]), (int)(n & 0xff), n);
    }
    for (size_t n = 1; n <= SLAB_MAX; n++) {
        const uint8_t *p = slab_ptr(hs[n]);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], n & 0xff);
    }
    /* Reuse: a freed block is handed out again for the same class. */
    uint32_t h = hs[100];
    slab_free(h, 100);
    assert_true(slab_alloc(99) == h);
    for (size_t n = 1; n <= SLAB_MAX; n++)
        slab_free(hs[n], n);
}

static void test_slab_page_release(void **state)
{
    (void)state;
    struct slab_stats st0, st1, st2;
    enum { N = 200000 };
    uint32_t *hs = malloc(N * sizeof(uint32_t));
    slab_get_stats(&st0);
    size_t used0 = mem_used(), rss0 = mem_rss();
    for (int i = 0; i < N; i++) {
        hs[i] = slab_alloc(64);
        memset(slab_ptr(hs[i]), 0xab, 64);
    }
    slab_get_stats(&st1);
    size_t rss1 = mem_rss();
    assert_int_equal(st1.blocks - st0.blocks, N);
    assert_int_equal(st1.bytes - st0.bytes, (size_t)N * 64);
    assert_true(mem_used() - used0 >= (size_t)N * 64); /* plus page metadata */
    assert_true(st1.pages_used - st0.pages_used >= (size_t)N * 64 / SLAB_PAGE);
    assert_true(rss1 > rss0 + 10 * 1024 * 1024);
    for (int i = 0; i < N; i++)
        slab_free(hs[i], 64);
    slab_get_stats(&st2);
    assert_int_equal(st2.blocks, st0.blocks);
    assert_int_equal(st2.bytes, st0.bytes);
    assert_true(mem_used() - used0 < 64 * 1024);
    /* All but at most one page per class went back to the kernel. */
    assert_true(st2.pages_used <= st0.pages_used + 1);
    assert_true(st2.pages_free >= st1.pages_used - st0.pages_used - 1);
    assert_true(mem_rss() < rss1 - 10 * 1024 * 1024);
    /* Released pages are reused before new address space is touched. */
    for (int i = 0; i < N; i++)
        hs[i] = slab_alloc(57);
    struct slab_stats st3;
    slab_get_stats(&st3);
    assert_true(st3.pages_free < st2.pages_free);
    assert_int_equal(st3.pages_used + st3.pages_free, st2.pages_used + st2.pages_free);
    for (int i = 0; i < N; i++)
        slab_free(hs[i], 60); /* same class as 57: sizes round up to 4 */
    free(hs);
}

/* ---- dict ---- */

static void test_dict_basic_many(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    enum { N = 150000 };
    int saw_rehash = 0;
    for (long i = 0; i < N; i++) {
        assert_true(find_key(&d, "k", i) == 0);
        uint32_t h = add_key(&d, "k", i, 0);
        saw_rehash |= dict_is_rehashing(&d);
        /* Keys added during a rehash (they go to the new table) and older
         * ones are all findable at every step. */
        assert_true(find_key(&d, "k", i) == h);
        assert_true(find_key(&d, "k", i / 2) != 0);
        assert_true(find_key(&d, "k", i * 7 / 8) != 0);
    }
    assert_true(saw_rehash);
    assert_int_equal(dict_size(&d), N);
    for (long i = 0; i < N; i++) {
        uint32_t h = find_key(&d, "k", i);
        assert_true(h != 0);
        size_t len;
        char k[64];
        size_t n = mkkey(k, "k", i);
        const char *ek = tent_key(slab_ptr(h), &len);
        assert_int_equal(len, n);
        assert_memory_equal(ek, k, n);
    }
    assert_true(find_key(&d, "k", N) == 0);
    assert_true(find_key(&d, "x", 1) == 0);
    for (long i = 0; i < N; i += 2)
        assert_true(del_key(&d, "k", i));
    assert_int_equal(dict_size(&d), N / 2);
    for (long i = 0; i < N; i++)
        assert_int_equal(find_key(&d, "k", i) != 0, i % 2 == 1);
    assert_false(del_key(&d, "k", 0));
    dict_destroy(&d);
    assert_int_equal(dict_size(&d), 0);
}

static void test_dict_grow_shrink(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    enum { N = 100000 };
    for (long i = 0; i < N; i++)
        add_key(&d, "g", i, 0);
    while (dict_rehash(&d, 100))
        ;
    /* Load <= 1 after growth: the table is a power of two >= N. */
    assert_true(d.size[0] >= N && d.size[0] < 2 * (size_t)N + DICT_MIN_SIZE);
    assert_int_equal(d.size[0] & (d.size[0] - 1), 0);
    size_t big = d.size[0];
    int saw_shrink = 0;
    /* Delete while a shrink is in progress; every remaining key stays
     * findable at every step. */
    for (long i = 0; i < N - 10; i++) {
        assert_true(del_key(&d, "g", i));
        if (dict_is_rehashing(&d) && d.size[1] < d.size[0])
            saw_shrink = 1;
        if (i % 9973 == 0)
            for (long j = i + 1; j < N; j += 97)
                assert_true(find_key(&d, "g", j) != 0);
    }
    assert_true(saw_shrink);
    while (dict_rehash(&d, 100))
        ;
    assert_true(d.size[0] < big / 8);
    assert_true(d.size[0] >= DICT_MIN_SIZE);
    for (long i = N - 10; i < N; i++)
        assert_true(find_key(&d, "g", i) != 0);
    for (long i = N - 10; i < N; i++)
        assert_true(del_key(&d, "g", i));
    assert_int_equal(dict_size(&d), 0);
    while (dict_rehash(&d, 100))
        ;
    assert_int_equal(d.size[0], DICT_MIN_SIZE);
    dict_destroy(&d);
}

/* The number after "prefix:" in a key (keys are not NUL-terminated). */
static long key_index(const char *k, size_t len, size_t plen)
{
    char buf[64];
    size_t n = len - plen - 1 < sizeof(buf) - 1 ? len - plen - 1 : sizeof(buf) - 1;
    memcpy(buf, k + plen + 1, n);
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

struct seen {
    unsigned char *hits;
    long n;
    const char *prefix;
};

static void seen_cb(void *priv, uint32_t h)
{
    struct seen *s = priv;
    size_t len;
    const char *k = tent_key(slab_ptr(h), &len);
    size_t plen = strlen(s->prefix);
    if (len <= plen + 1 || memcmp(k, s->prefix, plen) != 0 || k[plen] != ':')
        return;
    long i = key_index(k, len, plen);
    if (i >= 0 && i < s->n && s->hits[i] < 255)
        s->hits[i]++;
}

static void test_dict_iterate_during_rehash(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    long n = 0;
    while (n < 5000 || !dict_is_rehashing(&d))
        add_key(&d, "it", n++, 0);
    dict_rehash(&d, 3); /* part-way */
    assert_true(dict_is_rehashing(&d));
    assert_true(d.used[0] > 0 && d.used[1] > 0);
    struct seen s = {calloc((size_t)n, 1), n, "it"};
    dict_foreach(&d, seen_cb, &s);
    for (long i = 0; i < n; i++)
        assert_int_equal(s.hits[i], 1);
    free(s.hits);
    dict_destroy(&d);
}

/* Scan with keys present throughout ("s:i") while churn keys ("c:i") are
 * added (grow), removed (shrink), and the tables are rehashed in between
 * steps. Every stable key must be reported at least once. */
static void scan_with_churn(long stable, long churn, int shrink_first)
{
    struct dict d;
    dict_init(&d, &ttype);
    for (long i = 0; i < stable; i++)
        add_key(&d, "s", i, 0);
    long c_added = 0, c_next_del = 0;
    if (shrink_first) {
        for (; c_added < churn; c_added++)
            add_key(&d, "c", c_added, 0);
        while (dict_rehash(&d, 100))
            ;
    }
    struct seen s = {calloc((size_t)stable, 1), stable, "s"};
    unsigned long long cur = 0;
    int steps = 0, rehash_steps = 0, sizes_seen = 0;
    size_t last_size = d.size[0];
    do {
        cur = dict_scan(&d, cur, seen_cb, &s);
        steps++;
        if (dict_is_rehashing(&d))
            rehash_steps++;
        if (d.size[0] != last_size) {
            sizes_seen++;
            last_size = d.size[0];
        }
        /* Two phases of churn, 200 operations per step: grow then shrink
         * (or shrink then grow when the churn was preloaded). */
        for (int k = 0; k < 200; k++) {
            int adding = shrink_first ? c_next_del >= churn : c_added < churn;
            if (adding && c_added < 2 * churn)
                add_key(&d, "c", c_added++, 0);
            else if (!adding && c_next_del < c_added)
                del_key(&d, "c", c_next_del++);
        }
    } while (cur != 0);
    assert_true(rehash_steps > 0);
    assert_true(sizes_seen > 0);
    for (long i = 0; i < stable; i++)
        assert_true(s.hits[i] >= 1);
    free(s.hits);
    dict_destroy(&d);
}

static void test_dict_scan_guarantee(void **state)
{
    (void)state;
    scan_with_churn(3000, 20000, 0);
    scan_with_churn(3000, 20000, 1);
    scan_with_churn(200, 5000, 0);
    scan_with_churn(50, 3000, 1);
}

static void test_dict_scan_plain(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    assert_true(dict_scan(&d, 0, seen_cb, NULL) == 0); /* empty: done at once */
    for (long i = 0; i < 1000; i++)
        add_key(&d, "p", i, 0);
    while (dict_rehash(&d, 100))
        ;
    struct seen s = {calloc(1000, 1), 1000, "p"};
    unsigned long long cur = 0;
    size_t steps = 0;
    do {
        cur = dict_scan(&d, cur, seen_cb, &s);
        steps++;
    } while (cur);
    /* Without a resize each bucket is visited once: exactly one hit each. */
    assert_int_equal(steps, d.size[0]);
    for (long i = 0; i < 1000; i++)
        assert_int_equal(s.hits[i], 1);
    free(s.hits);
    dict_destroy(&d);
}

static void test_dict_binary_and_long_keys(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    const char a[] = {'a', '\0', 'b'}, b[] = {'a', '\0', 'c'}, c[] = {'a'}, z[] = {'\0'};
    dict_add(&d, tent_new(a, 3, 0));
    dict_add(&d, tent_new(b, 3, 0));
    dict_add(&d, tent_new(c, 1, 0));
    dict_add(&d, tent_new(z, 1, 0));
    dict_add(&d, tent_new("", 0, 0));
    assert_int_equal(dict_size(&d), 5);
    size_t len;
    assert_memory_equal(tent_key(slab_ptr(dict_find(&d, a, 3)), &len), a, 3);
    assert_memory_equal(tent_key(slab_ptr(dict_find(&d, b, 3)), &len), b, 3);
    assert_int_equal(len, 3);
    assert_true(dict_find(&d, a, 2) == 0);
    assert_true(dict_find(&d, "", 0) != 0);
    assert_true(dict_find(&d, z, 1) != dict_find(&d, "", 0));

    size_t big = 100 * 1024;
    char *k1 = malloc(big), *k2 = malloc(big);
    for (size_t i = 0; i < big; i++)
        k1[i] = (char)(i * 7);
    memcpy(k2, k1, big);
    k2[big - 1] ^= 1; /* differs only in the last byte */
    uint32_t h1 = tent_new(k1, big, 0);
    dict_add(&d, h1);
    assert_true(dict_find(&d, k1, big) == h1);
    assert_true(dict_find(&d, k2, big) == 0);
    assert_true(dict_find(&d, k1, big - 1) == 0);
    uint32_t h2 = tent_new(k2, big, 0);
    dict_add(&d, h2);
    assert_true(dict_find(&d, k2, big) == h2);
    assert_int_equal(dict_unlink(&d, h1), 1);
    tent_free(h1);
    assert_true(dict_find(&d, k1, big) == 0);
    assert_true(dict_find(&d, k2, big) == h2);
    free(k1);
    free(k2);
    dict_destroy(&d);
}

static void test_dict_replace_and_marks(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    enum { N = 20000 };
    uint32_t *hs = calloc(N, sizeof(uint32_t));
    for (long i = 0; i < N; i++)
        hs[i] = add_key(&d, "m", i, 0);
    /* Mark every 10th key by replacing its entry with a marked copy. */
    long marked = 0;
    for (long i = 0; i < N; i += 10) {
        char k[64];
        size_t n = mkkey(k, "m", i);
        uint32_t nh = tent_new(k, n, 1);
        assert_int_equal(dict_replace(&d, hs[i], nh), 1);
        tent_free(hs[i]);
        hs[i] = nh;
        marked++;
    }
    for (long i = 0; i < N; i++)
        assert_true(find_key(&d, "m", i) == hs[i]);
    /* One lap of the collector finds exactly the marked entries. */
    unsigned char *got = calloc(N, 1);
    unsigned long long cur = 0;
    long total = 0;
    size_t buckets = 0;
    uint32_t out[16];
    for (int guard = 0; guard < 100000 && total < marked; guard++) {
        size_t n = dict_collect_marked(&d, &cur, out, 16, &buckets);
        for (size_t j = 0; j < n; j++) {
            size_t len;
            const char *k = tent_key(slab_ptr(out[j]), &len);
            long i = key_index(k, len, 1);
            assert_true(tent_marked(slab_ptr(out[j])));
            if (got[i]) {
                /* A call may wrap into a second lap, never before the
                 * first lap found everything. */
                assert_int_equal(total, marked);
                continue;
            }
            got[i] = 1;
            total++;
        }
    }
    assert_int_equal(total, marked);
    assert_true(buckets >= (size_t)marked / 4);
    free(got);
    free(hs);
    dict_destroy(&d);
}

/* Regression: on a table smaller than one call's walk, the collector used to
 * wrap around and return the same entries again in the same call, so active
 * expiry freed an entry and then read it (ASan: use-after-poison). */
static void test_dict_collect_marked_small_table_no_duplicates(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    uint32_t hs[3];
    for (long i = 0; i < 3; i++)
        hs[i] = add_key(&d, "s", i, 1);
    for (long i = 3; i < 6; i++)
        add_key(&d, "s", i, 0);
    unsigned long long cur = 0;
    size_t buckets = 0;
    uint32_t out[16];
    size_t n = dict_collect_marked(&d, &cur, out, 16, &buckets);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            assert_true(out[i] != out[j]);
    for (size_t i = 0; i < n; i++)
        assert_true(out[i] == hs[0] || out[i] == hs[1] || out[i] == hs[2]);
    dict_destroy(&d);
}

static void test_dict_random(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    assert_true(dict_random(&d) == 0);
    enum { N = 64 };
    for (long i = 0; i < N; i++)
        add_key(&d, "r", i, 0);
    int hits[N] = {0};
    for (int t = 0; t < 64000; t++) {
        uint32_t h = dict_random(&d);
        size_t len;
        const char *k = tent_key(slab_ptr(h), &len);
        hits[key_index(k, len, 1)]++;
    }
    for (int i = 0; i < N; i++)
        assert_true(hits[i] > 800 && hits[i] < 1200); /* 1000 +- 6 sigma */
    dict_destroy(&d);
}

/* dict_sample: never the same entry twice in one call; a budget covering
 * the whole table returns every entry; small samples hit every entry over
 * many calls (random start), and a rehashing table is sampled too. */
static void test_dict_sample(void **state)
{
    (void)state;
    struct dict d;
    dict_init(&d, &ttype);
    uint32_t out[256];
    assert_int_equal(dict_sample(&d, out, 5), 0);
    enum { N = 100 };
    for (long i = 0; i < N; i++)
        add_key(&d, "s", i, 0);
    while (dict_rehash(&d, 100))
        ;
    size_t n = dict_sample(&d, out, 256);
    assert_int_equal(n, N);
    int seen[N] = {0};
    for (size_t j = 0; j < n; j++) {
        size_t len;
        const char *k = tent_key(slab_ptr(out[j]), &len);
        seen[key_index(k, len, 1)]++;
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(seen[i], 1);
    memset(seen, 0, sizeof(seen));
    for (int t = 0; t < 2000; t++) {
        n = dict_sample(&d, out, 5);
        assert_true(n >= 1 && n <= 5);
        for (size_t j = 0; j < n; j++) {
            for (size_t q = 0; q < j; q++)
                assert_true(out[q] != out[j]);
            size_t len;
            const char *k = tent_key(slab_ptr(out[j]), &len);
            seen[key_index(k, len, 1)]++;
        }
    }
    for (int i = 0; i < N; i++)
        assert_true(seen[i] > 0);
    /* Grow into a rehash: entries of both tables are found. */
    for (long i = N; i < 2 * N + 60; i++)
        add_key(&d, "s", i, 0);
    assert_true(dict_is_rehashing(&d));
    n = dict_sample(&d, out, 256);
    assert_true(n > 0 && n <= 256);
    dict_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_siphash_vectors),
        cmocka_unit_test(test_slab_roundtrip),
        cmocka_unit_test(test_slab_page_release),
        cmocka_unit_test(test_dict_basic_many),
        cmocka_unit_test(test_dict_grow_shrink),
        cmocka_unit_test(test_dict_iterate_during_rehash),
        cmocka_unit_test(test_dict_scan_guarantee),
        cmocka_unit_test(test_dict_scan_plain),
        cmocka_unit_test(test_dict_binary_and_long_keys),
        cmocka_unit_test(test_dict_replace_and_marks),
        cmocka_unit_test(test_dict_collect_marked_small_table_no_duplicates),
        cmocka_unit_test(test_dict_random),
        cmocka_unit_test(test_dict_sample),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
