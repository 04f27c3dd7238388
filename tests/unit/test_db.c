/* Unit tests for db (and kv): strings of every size and encoding tag, TTL
 * changes that move entries, lazy and active expiry, move/copy/rename, swap,
 * empty, random, scan, APPEND-style growth, collection values and hooks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db.h"
#include "mem.h"

#define NOW 1700000000000LL

static long hook_calls;
static char hook_last[64];

static void on_expired(struct db *db, const char *key, size_t klen)
{
    (void)db;
    hook_calls++;
    size_t n = klen < sizeof(hook_last) - 1 ? klen : sizeof(hook_last) - 1;
    memcpy(hook_last, key, n);
    hook_last[n] = '\0';
}

static int setup(void **state)
{
    (void)state;
    db_clock_ms = NOW;
    db_hooks.on_expired = on_expired;
    hook_calls = 0;
    memset(&db_stats, 0, sizeof(db_stats));
    db_lazy_expire_enabled = 1;
    db_expiry_held_until = 0;
    return 0;
}

static struct kv *get(struct db *db, const char *k)
{
    return db_lookup(db, k, strlen(k), 0);
}

static struct kv *set(struct db *db, const char *k, const char *v, long long exp)
{
    return db_set_string(db, k, strlen(k), v, strlen(v), -1, exp, 0);
}

static void assert_str(const struct kv *e, const char *v, size_t n)
{
    assert_non_null(e);
    assert_int_equal(kv_type(e), KV_STRING);
    size_t len;
    const char *s = kv_str(e, &len);
    assert_int_equal(len, n);
    assert_memory_equal(s, v, n);
}

static void fill(char *buf, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)('a' + (i * 31 + seed) % 26);
}

static void test_string_sizes(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    static char val[70000];
    size_t lens[700];
    int nl = 0;
    for (size_t n = 0; n <= 600; n++)
        lens[nl++] = n;
    lens[nl++] = 1000;
    lens[nl++] = 4096;
    lens[nl++] = 69999;
    for (int i = 0; i < nl; i++) {
        char key[32];
        snprintf(key, sizeof(key), "s%zu", lens[i]);
        fill(val, lens[i], (unsigned)i);
        struct kv *e = db_set_string(db, key, strlen(key), val, lens[i], -1, -1, 0);
        assert_str(e, val, lens[i]);
        assert_int_equal(kv_enc(e), lens[i] <= 44 ? KV_ENC_EMBSTR : KV_ENC_RAW);
        assert_true(kv_mem(e) >= lens[i]);
        assert_int_equal(kv_expire(e), -1);
    }
    assert_int_equal(db_size(db), (size_t)nl);
    for (int i = 0; i < nl; i++) {
        char key[32];
        snprintf(key, sizeof(key), "s%zu", lens[i]);
        fill(val, lens[i], (unsigned)i);
        struct kv *e = get(db, key);
        assert_str(e, val, lens[i]);
        size_t kl;
        const char *k = kv_key(e, &kl);
        assert_int_equal(kl, strlen(key));
        assert_memory_equal(k, key, kl);
    }
    db_free(db);
}

static void test_encodings(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    struct {
        const char *v;
        int enc;
    } cases[] = {
        {"0", KV_ENC_INT},
        {"123", KV_ENC_INT},
        {"-1", KV_ENC_INT},
        {"9223372036854775807", KV_ENC_INT},
        {"-9223372036854775808", KV_ENC_INT},
        {"9223372036854775808", KV_ENC_EMBSTR},
        {"0123", KV_ENC_EMBSTR},
        {"+1", KV_ENC_EMBSTR},
        {"-0", KV_ENC_EMBSTR},
        {" 1", KV_ENC_EMBSTR},
        {"1.5", KV_ENC_EMBSTR},
        {"", KV_ENC_EMBSTR},
        {"12345678901234567890123456789012345678901234", KV_ENC_EMBSTR},
        {"123456789012345678901234567890123456789012345", KV_ENC_RAW},
        {"hello", KV_ENC_EMBSTR},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct kv *e = set(db, "k", cases[i].v, -1);
        assert_int_equal(kv_enc(e), cases[i].enc);
        assert_str(e, cases[i].v, strlen(cases[i].v));
        assert_string_equal(kv_enc_name(kv_enc(e)), cases[i].enc == KV_ENC_INT      ? "int"
                                                    : cases[i].enc == KV_ENC_EMBSTR ? "embstr"
                                                                                    : "raw");
    }
    assert_int_equal(db_size(db), 1);
    /* Forced encodings are kept as given. */
    struct kv *e = db_set_string(db, "k", 1, "abc", 3, KV_ENC_RAW, -1, 0);
    assert_int_equal(kv_enc(e), KV_ENC_RAW);
    kv_set_enc(e, KV_ENC_EMBSTR);
    assert_int_equal(kv_enc(e), KV_ENC_EMBSTR);
    assert_int_equal(kv_type(e), KV_STRING);
    assert_string_equal(kv_type_name(KV_HASH), "hash");
    assert_string_equal(kv_type_name(KV_STRING), "string");
    assert_string_equal(kv_enc_name(KV_ENC_LISTPACK), "listpack");
    db_free(db);
}

static void test_binary_and_long_keys(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    const char k1[] = {'x', '\0', 'y'}, k2[] = {'x', '\0', 'z'};
    db_set_string(db, k1, 3, "one", 3, -1, -1, 0);
    db_set_string(db, k2, 3, "t\0o", 3, -1, -1, 0);
    assert_str(db_lookup(db, k1, 3, 0), "one", 3);
    assert_str(db_lookup(db, k2, 3, 0), "t\0o", 3);
    assert_null(db_lookup(db, k1, 1, 0));
    size_t big = 1 << 20;
    char *bk = malloc(big);
    fill(bk, big, 7);
    for (size_t kl = 250; kl <= 260; kl++) { /* around the inline-key limit */
        struct kv *e = db_set_string(db, bk, kl, "v", 1, -1, NOW + 5000, 0);
        size_t len;
        assert_memory_equal(kv_key(e, &len), bk, kl);
        assert_int_equal(len, kl);
        assert_str(db_lookup(db, bk, kl, 0), "v", 1);
    }
    struct kv *e = db_set_string(db, bk, big, "big", 3, -1, -1, 0);
    assert_str(e, "big", 3);
    assert_str(db_lookup(db, bk, big, 0), "big", 3);
    /* Rename the 1 MB key to a short one and back. */
    e = db_move_entry(db, e, db, "short", 5);
    assert_null(db_lookup(db, bk, big, 0));
    e = db_move_entry(db, get(db, "short"), db, bk, big);
    assert_str(db_lookup(db, bk, big, 0), "big", 3);
    assert_int_equal(db_delete(db, bk, big), 1);
    assert_int_equal(db_delete(db, bk, big), 0);
    assert_int_equal(db_size(db), 2 + 11);
    assert_int_equal(db_expires(db), 11);
    free(bk);
    db_free(db);
}

static void test_ttl_moves_entry_keeps_value(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    size_t lens[] = {0, 5, 44, 45, 200, 300, 5000};
    static char val[5000];
    for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
        fill(val, lens[i], (unsigned)i);
        struct kv *e = db_set_string(db, "t", 1, val, lens[i], -1, -1, 0);
        int enc = kv_enc(e);
        kv_set_lru(e, 12345);
        assert_int_equal(db_expires(db), 0);
        db_set_expire(db, &e, NOW + 1000);
        assert_int_equal(kv_expire(e), NOW + 1000);
        assert_int_equal(db_expires(db), 1);
        assert_str(e, val, lens[i]);
        assert_int_equal(kv_enc(e), enc);
        assert_int_equal(kv_lru(e), 12345);
        assert_true(get(db, "t") == e);
        db_set_expire(db, &e, NOW + 2000); /* change in place */
        assert_int_equal(kv_expire(get(db, "t")), NOW + 2000);
        e = get(db, "t");
        db_set_expire(db, &e, -1);
        assert_int_equal(kv_expire(e), -1);
        assert_int_equal(db_expires(db), 0);
        assert_str(get(db, "t"), val, lens[i]);
        db_set_expire(db, &e, -1); /* no-op */
        assert_int_equal(db_expires(db), 0);
    }
    /* SET replaces the TTL unless KEEPTTL. */
    struct kv *e = set(db, "a", "1", NOW + 100);
    assert_int_equal(db_expires(db), 1);
    e = db_set_string(db, "a", 1, "2", 1, -1, -1, DB_SET_KEEPTTL);
    assert_int_equal(kv_expire(e), NOW + 100);
    assert_int_equal(db_expires(db), 1);
    e = set(db, "a", "3", -1);
    assert_int_equal(kv_expire(e), -1);
    assert_int_equal(db_expires(db), 0);
    e = set(db, "a", "4", NOW + 7);
    e = set(db, "a", "5", NOW + 9);
    assert_int_equal(kv_expire(e), NOW + 9);
    assert_int_equal(db_expires(db), 1);
    assert_int_equal(db_delete(db, "a", 1), 1);
    assert_int_equal(db_expires(db), 0);
    db_free(db);
}

/* CLIENT PAUSE: while db_expiry_held_until covers the clock, an expired key
 * reads as missing but stays (not counted, not announced); random and
 * active expiry leave it too; after the hold the next lookup reaps it. */
static void test_expiry_held(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    set(db, "k", "v", NOW + 10);
    set(db, "j", "v", NOW + 10);
    db_clock_ms = NOW + 100;
    db_expiry_held_until = NOW + 200;
    assert_null(get(db, "k"));
    assert_null(db_random(db)); /* only expired keys: nil, none reaped */
    assert_int_equal(db_active_expire(db, 100000), 0);
    assert_int_equal(db_size(db), 2);
    assert_int_equal(db_stats.expired, 0);
    assert_int_equal(hook_calls, 0);
    set(db, "live", "v", -1);
    struct kv *e = db_random(db);
    assert_non_null(e);
    size_t len;
    assert_memory_equal(kv_key(e, &len), "live", 4);
    assert_int_equal(db_size(db), 3);
    db_clock_ms = NOW + 201; /* the hold is over */
    assert_null(get(db, "k"));
    assert_int_equal(db_size(db), 2);
    assert_int_equal(db_stats.expired, 1);
    assert_int_equal(hook_calls, 1);
    db_expiry_held_until = 0;
    assert_int_equal(db_active_expire(db, 100000), 1); /* j */
    assert_int_equal(db_size(db), 1);
    db_free(db);
}

static void test_lazy_expiry(void **state)
{
    (void)state;
    struct db *db = db_create(3);
    set(db, "k", "v", NOW + 1000);
    set(db, "p", "v", -1);
    assert_int_equal(db_id(db), 3);
    db_clock_ms = NOW + 1000; /* expires strictly after its time */
    assert_non_null(get(db, "k"));
    db_clock_ms = NOW + 1001;
    /* NOEXPIRE: reported absent but kept. */
    assert_null(db_lookup(db, "k", 1, DB_LOOKUP_NOEXPIRE));
    assert_int_equal(db_size(db), 2);
    assert_int_equal(hook_calls, 0);
    assert_null(get(db, "k"));
    assert_int_equal(db_size(db), 1);
    assert_int_equal(db_expires(db), 0);
    assert_int_equal(db_stats.expired, 1);
    assert_int_equal(hook_calls, 1);
    assert_string_equal(hook_last, "k");
    /* delete of an expired key: absent, but reaped and announced */
    set(db, "d", "v", NOW + 1000);
    assert_int_equal(db_delete(db, "d", 1), 0);
    assert_int_equal(hook_calls, 2);
    assert_int_equal(db_size(db), 1);
    /* SET KEEPTTL over an expired key keeps nothing */
    set(db, "e", "v", NOW + 1000);
    struct kv *e = db_set_string(db, "e", 1, "w", 1, -1, -1, DB_SET_KEEPTTL);
    assert_int_equal(kv_expire(e), -1);
    assert_int_equal(hook_calls, 3);
    assert_int_equal(db_expires(db), 0);
    db_free(db);
}

static void test_lru(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    struct kv *e = set(db, "k", "v", -1);
    unsigned t0 = (unsigned)((NOW / 1000) & 0xFFFFFF);
    assert_int_equal(kv_lru(e), t0);
    db_clock_ms = NOW + 5000;
    e = db_lookup(db, "k", 1, DB_LOOKUP_NOTOUCH);
    assert_int_equal(kv_lru(e), t0);
    e = get(db, "k");
    assert_int_equal(kv_lru(e), t0 + 5);
    kv_set_lru(e, 0xFFFFFF);
    assert_int_equal(kv_lru(e), 0xFFFFFF);
    db_free(db);
}

static void test_active_expiry(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    enum { N = 100000, LIVE = 10000 };
    char k[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(k, sizeof(k), "exp:%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, NOW + 10 + i % 100, 0);
    }
    for (int i = 0; i < LIVE; i++) {
        int n = snprintf(k, sizeof(k), "live:%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, i % 2 ? -1 : NOW + 3600 * 1000, 0);
    }
    assert_int_equal(db_expires(db), N + LIVE / 2);
    /* Nothing expired yet: a call stops early (few stale keys) and reaps
     * nothing. */
    assert_int_equal(db_active_expire(db, 100000), 0);
    assert_int_equal(db_stats.expired_time_cap_reached, 0);
    assert_true(db_avg_ttl(db) > 0);
    db_lazy_expire_enabled = 0; /* the active expiry switch */
    db_clock_ms = NOW + 1000;
    assert_int_equal(db_active_expire(db, 100000), 0);
    db_lazy_expire_enabled = 1;
    size_t total = 0;
    int calls = 0;
    while (db_size(db) > LIVE + N / 100 && calls < 100000) {
        size_t got = db_active_expire(db, 500); /* 0.5 ms per call */
        total += got;
        calls++;
    }
    assert_true(total >= (size_t)N * 99 / 100);
    assert_int_equal(db_size(db), (size_t)N + LIVE - total);
    assert_int_equal(db_expires(db), (size_t)N + LIVE / 2 - total);
    assert_int_equal(hook_calls, (long)total);
    assert_int_equal(db_stats.expired, (long long)total);
    assert_true(calls > 1); /* the budget was respected: it took several calls */
    assert_true(db_stats.expired_time_cap_reached > 0);
    /* Live keys are all still there. */
    for (int i = 0; i < LIVE; i++) {
        int n = snprintf(k, sizeof(k), "live:%d", i);
        assert_non_null(db_lookup(db, k, (size_t)n, 0));
    }
    /* More calls finish the rest. */
    for (int i = 0; i < 1000 && db_size(db) > LIVE; i++)
        db_active_expire(db, 1000);
    assert_int_equal(db_size(db), LIVE);
    assert_int_equal(db_expires(db), LIVE / 2);
    db_free(db);
}

static void test_move_copy_rename(void **state)
{
    (void)state;
    struct db *a = db_create(0), *b = db_create(1);
    static char big[3000];
    fill(big, sizeof(big), 3);
    struct kv *e = db_set_string(a, "big", 3, big, sizeof(big), -1, NOW + 500, 0);
    set(a, "small", "sv", -1);
    /* MOVE to another db keeps value and TTL. */
    e = db_move_entry(a, e, b, "big", 3);
    assert_null(get(a, "big"));
    assert_str(get(b, "big"), big, sizeof(big));
    assert_int_equal(kv_expire(get(b, "big")), NOW + 500);
    assert_int_equal(db_expires(a), 0);
    assert_int_equal(db_expires(b), 1);
    /* RENAME within a db, using the entry's own key bytes is fine too. */
    e = db_move_entry(a, get(a, "small"), a, "renamed", 7);
    assert_null(get(a, "small"));
    assert_str(get(a, "renamed"), "sv", 2);
    assert_int_equal(db_size(a), 1);
    /* COPY duplicates: changing the copy leaves the original. */
    e = db_copy_entry(a, get(b, "big"), "copy", 4);
    assert_str(e, big, sizeof(big));
    assert_int_equal(kv_expire(e), NOW + 500);
    assert_int_equal(db_expires(a), 1);
    char *w = db_string_resize(a, &e, 10);
    memcpy(w, "0123456789", 10);
    assert_str(get(a, "copy"), "0123456789", 10);
    assert_str(get(b, "big"), big, sizeof(big));
    e = db_copy_entry(b, get(a, "renamed"), "r2", 2);
    assert_str(get(b, "r2"), "sv", 2);
    assert_str(get(a, "renamed"), "sv", 2);
    db_free(a);
    db_free(b);
}

static void test_swap_and_empty(void **state)
{
    (void)state;
    struct db *a = db_create(0), *b = db_create(9);
    for (int i = 0; i < 1000; i++) {
        char k[16];
        int n = snprintf(k, sizeof(k), "a%d", i);
        db_set_string(a, k, (size_t)n, k, (size_t)n, -1, i < 10 ? NOW + 100 : -1, 0);
    }
    set(b, "only-b", "x", -1);
    db_swap(a, b);
    assert_int_equal(db_id(a), 0);
    assert_int_equal(db_id(b), 9);
    assert_int_equal(db_size(a), 1);
    assert_int_equal(db_size(b), 1000);
    assert_int_equal(db_expires(b), 10);
    assert_int_equal(db_expires(a), 0);
    assert_str(get(a, "only-b"), "x", 1);
    assert_str(get(b, "a77"), "a77", 3);
    size_t used = mem_used();
    assert_int_equal(db_empty(b), 1000);
    assert_true(mem_used() < used);
    assert_int_equal(db_size(b), 0);
    assert_int_equal(db_expires(b), 0);
    assert_null(get(b, "a77"));
    set(b, "again", "1", -1); /* usable after empty */
    assert_str(get(b, "again"), "1", 1);
    assert_int_equal(db_empty(a), 1);
    assert_int_equal(db_empty(a), 0);
    db_free(a);
    db_free(b);
}

static void test_random(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    assert_null(db_random(db));
    char k[16];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(k, sizeof(k), "r%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, NOW + 10, 0);
    }
    for (int i = 0; i < 20; i++)
        assert_non_null(db_random(db));
    db_clock_ms = NOW + 11; /* every key expired */
    assert_null(db_random(db));
    assert_int_equal(db_size(db), 0);
    assert_int_equal(hook_calls, 5000);
    /* Mostly expired with one live key: that key is found. */
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(k, sizeof(k), "r%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, NOW, 0);
    }
    set(db, "alive", "v", -1);
    struct kv *e = db_random(db);
    assert_non_null(e);
    size_t len;
    assert_memory_equal(kv_key(e, &len), "alive", 5);
    /* Fairness: two live keys come up about equally often. */
    db_empty(db);
    set(db, "x", "1", -1);
    set(db, "y", "2", -1);
    int xs = 0;
    for (int i = 0; i < 2000; i++)
        xs += kv_key(db_random(db), &len)[0] == 'x';
    assert_true(xs > 800 && xs < 1200);
    db_free(db);
}

static void count_cb(void *priv, struct kv *e)
{
    size_t len;
    const char *k = kv_key(e, &len);
    if (k[0] != 'k') /* only the "k<i>" keys are counted */
        return;
    char buf[16];
    memcpy(buf, k + 1, len - 1);
    buf[len - 1] = '\0';
    unsigned char *hits = priv;
    hits[atoi(buf)]++;
}

static void test_scan_foreach(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    enum { N = 3000 };
    char k[16];
    for (int i = 0; i < N; i++) {
        int n = snprintf(k, sizeof(k), "k%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, -1, 0);
    }
    unsigned char *hits = calloc(N, 1);
    db_foreach(db, count_cb, hits);
    for (int i = 0; i < N; i++)
        assert_int_equal(hits[i], 1);
    memset(hits, 0, N);
    unsigned long long cur = 0;
    int calls = 0;
    do {
        cur = db_scan(db, cur, 10, count_cb, hits);
        calls++;
        /* grow the db while scanning: the old keys must still all show up */
        for (int j = 0; j < 20; j++) {
            int n = snprintf(k, sizeof(k), "n%d", calls * 20 + j);
            db_set_string(db, k, (size_t)n, "v", 1, -1, -1, 0);
        }
    } while (cur != 0);
    assert_true(calls > 10);
    for (int i = 0; i < N; i++)
        assert_true(hits[i] >= 1);
    free(hits);
    db_free(db);
}

static void test_append_growth(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    enum { STEPS = 100000 };
    struct kv *e = db_set_string(db, "app", 3, "x", 1, -1, NOW + 99999, 0);
    size_t len = 1;
    for (int i = 0; i < STEPS; i++) {
        char *w = db_string_resize(db, &e, len + 1);
        w[len] = (char)('a' + i % 26);
        len++;
        if (i % 10007 == 0)
            assert_true(get(db, "app") == e);
    }
    e = get(db, "app");
    assert_int_equal(kv_enc(e), KV_ENC_RAW);
    assert_int_equal(kv_expire(e), NOW + 99999);
    size_t n;
    const char *s = kv_str(e, &n);
    assert_int_equal(n, (size_t)STEPS + 1);
    assert_int_equal(s[0], 'x');
    for (int i = 0; i < STEPS; i++)
        assert_int_equal(s[i + 1], 'a' + i % 26);
    /* Growth is geometric, so the buffer is not exactly sized. */
    assert_true(kv_mem(e) >= n && kv_mem(e) <= 3 * n);
    /* New bytes are zero; shrinking keeps the prefix. */
    char *w = db_string_resize(db, &e, n + 5);
    for (int i = 0; i < 5; i++)
        assert_int_equal(w[n + (size_t)i], 0);
    db_string_resize(db, &e, 3);
    assert_str(get(db, "app"), "xab", 3);
    /* Resizing an inline int string makes it raw and keeps content. */
    e = set(db, "num", "12", -1);
    assert_int_equal(kv_enc(e), KV_ENC_INT);
    w = db_string_resize(db, &e, 4);
    assert_int_equal(kv_enc(e), KV_ENC_RAW);
    memcpy(w + 2, "34", 2);
    assert_str(get(db, "num"), "1234", 4);
    db_free(db);
}

/* A fake collection type to check that db calls free/dup/mem. */
static int obj_frees, obj_dups;

static void obj_free(void *p)
{
    obj_frees++;
    mem_free(p);
}

static void *obj_dup(const void *p)
{
    obj_dups++;
    int *q = mem_alloc(sizeof(int));
    *q = *(const int *)p;
    return q;
}

static size_t obj_mem(const void *p)
{
    return mem_size(p);
}

static void test_objects(void **state)
{
    (void)state;
    static const struct kv_type_ops ops = {obj_free, obj_dup, obj_mem};
    kv_register_type(KV_LIST, &ops);
    obj_frees = obj_dups = 0;
    struct db *db = db_create(0);
    int *v = mem_alloc(sizeof(int));
    *v = 42;
    struct kv *e = db_set_object(db, "l", 1, KV_LIST, KV_ENC_QUICKLIST, v, -1, 0);
    assert_int_equal(kv_type(e), KV_LIST);
    assert_int_equal(kv_enc(e), KV_ENC_QUICKLIST);
    assert_true(kv_ptr(e) == v);
    assert_true(kv_mem(e) >= sizeof(int));
    db_set_expire(db, &e, NOW + 50);
    assert_true(kv_ptr(e) == v); /* moved entry, same object */
    e = db_copy_entry(db, e, "l2", 2);
    assert_int_equal(obj_dups, 1);
    assert_int_equal(*(int *)kv_ptr(e), 42);
    assert_true(kv_ptr(e) != v);
    int *v2 = mem_alloc(sizeof(int));
    void *old = kv_ptr(e);
    kv_set_ptr(e, v2); /* does not free the old object */
    mem_free(old);
    e = get(db, "l2");
    assert_true(kv_ptr(e) == v2);
    *v2 = 7;
    /* Overwriting with a string frees the object. */
    set(db, "l2", "s", -1);
    assert_int_equal(obj_frees, 1);
    e = db_move_entry(db, get(db, "l"), db, "l3", 2);
    assert_int_equal(obj_frees, 1);
    assert_true(kv_ptr(e) == v);
    assert_int_equal(db_delete(db, "l3", 2), 1);
    assert_int_equal(obj_frees, 2);
    int *v3 = mem_alloc(sizeof(int));
    db_set_object(db, "l4", 2, KV_LIST, KV_ENC_LISTPACK, v3, -1, 0);
    db_free(db);
    assert_int_equal(obj_frees, 3);
}

static void test_rehash_ms(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    char k[16];
    for (int i = 0; i < 70000; i++) {
        int n = snprintf(k, sizeof(k), "h%d", i);
        db_set_string(db, k, (size_t)n, "v", 1, -1, -1, 0);
    }
    size_t m = db_table_mem(db);
    assert_true(m >= 65536 * 4);
    db_rehash_ms(db, 100);
    assert_true(db_table_mem(db) <= m);
    for (int i = 0; i < 70000; i += 7) {
        int n = snprintf(k, sizeof(k), "h%d", i);
        assert_non_null(db_lookup(db, k, (size_t)n, 0));
    }
    db_free(db);
}

/* LFU mode: new keys start at counter 5, each touching lookup adds one
 * with lfu-log-factor 0, NOTOUCH lookups leave it, an overwrite keeps it,
 * and the counter decays one per decay_time minutes idle. */
static void test_lfu(void **state)
{
    (void)state;
    struct db *db = db_create(0);
    db_lfu = (struct db_lfu_conf){1, 0, 1};
    struct kv *e = db_set_string(db, "k", 1, "v", 1, -1, -1, 0);
    assert_int_equal(db_lfu_counter(kv_lru(e)), 5);
    for (int i = 0; i < 10; i++)
        assert_non_null(db_lookup(db, "k", 1, 0));
    assert_non_null(db_lookup(db, "k", 1, DB_LOOKUP_NOTOUCH));
    e = db_set_string(db, "k", 1, "w", 1, -1, -1, 0);
    assert_int_equal(db_lfu_counter(kv_lru(e)), 15);
    db_clock_ms += 3 * 60000; /* three decay periods */
    assert_int_equal(db_lfu_counter(kv_lru(e)), 12);
    db_lfu.decay_time = 0;
    assert_int_equal(db_lfu_counter(kv_lru(e)), 15);
    /* Sampling: every key when the budget covers the table; only keys with
     * a TTL when asked for volatile ones. */
    db_lfu.enabled = 0;
    for (int i = 0; i < 20; i++) {
        char key[16];
        snprintf(key, sizeof(key), "x%d", i);
        db_set_string(db, key, strlen(key), "v", 1, -1, i % 2 ? NOW + 100000 : -1, 0);
    }
    struct kv *out[64];
    assert_int_equal(db_sample(db, 0, out, 64), 21);
    for (int t = 0; t < 20; t++) /* from any starting bucket */
        assert_int_equal(db_sample(db, 1, out, 64), 10);
    size_t n = db_sample(db, 1, out, 64);
    assert_int_equal(n, 10);
    for (size_t i = 0; i < n; i++)
        assert_true(kv_expire(out[i]) >= 0);
    db_free(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_string_sizes, setup),
        cmocka_unit_test_setup(test_encodings, setup),
        cmocka_unit_test_setup(test_binary_and_long_keys, setup),
        cmocka_unit_test_setup(test_ttl_moves_entry_keeps_value, setup),
        cmocka_unit_test_setup(test_lazy_expiry, setup),
        cmocka_unit_test_setup(test_lru, setup),
        cmocka_unit_test_setup(test_active_expiry, setup),
        cmocka_unit_test_setup(test_move_copy_rename, setup),
        cmocka_unit_test_setup(test_swap_and_empty, setup),
        cmocka_unit_test_setup(test_random, setup),
        cmocka_unit_test_setup(test_scan_foreach, setup),
        cmocka_unit_test_setup(test_append_growth, setup),
        cmocka_unit_test_setup(test_objects, setup),
        cmocka_unit_test_setup(test_rehash_ms, setup),
        cmocka_unit_test_setup(test_expiry_held, setup),
        cmocka_unit_test_setup(test_lfu, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
