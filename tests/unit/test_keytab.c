/* Unit tests for keytab: find/add/remove, owned key copies, growth with
 * incremental rehash, the same key in several databases, binary keys,
 * removal during iteration, pick, and that every byte is freed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keytab.h"
#include "mem.h"

/* A user's node: the keytab head, then a payload. */
struct ent {
    struct keytab_node node;
    long value;
    int visits;
};

static size_t keyname(char *buf, long i)
{
    return (size_t)snprintf(buf, 32, "key:%ld", i);
}

static struct ent *add(struct keytab *kt, int db, const char *key, size_t klen, int *created)
{
    return (struct ent *)keytab_add(kt, db, key, klen, created);
}

static struct ent *find(struct keytab *kt, int db, const char *key, size_t klen)
{
    return (struct ent *)keytab_find(kt, db, key, klen);
}

static void test_basic(void **state)
{
    (void)state;
    size_t before = mem_used();
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    assert_null(find(&kt, 0, "a", 1));
    assert_null(keytab_pick(&kt, 7));

    char buf[8] = "hello";
    int created = -1;
    struct ent *e = add(&kt, 0, buf, 5, &created);
    assert_int_equal(created, 1);
    assert_int_equal(e->value, 0); /* payload zeroed */
    assert_int_equal(e->visits, 0);
    e->value = 42;
    /* The table owns its copy: changing the caller's buffer changes nothing. */
    memcpy(buf, "HELLO", 5);
    assert_null(find(&kt, 0, buf, 5));
    struct ent *f = find(&kt, 0, "hello", 5);
    assert_ptr_equal(f, e);
    assert_int_equal(f->value, 42);
    assert_int_equal(f->node.klen, 5);
    assert_int_equal(f->node.db, 0);
    assert_string_equal(keytab_key(&kt, &f->node), "hello"); /* NUL-terminated */
    assert_null(find(&kt, 0, "hell", 4));
    assert_null(find(&kt, 0, "hello!", 6));

    /* Find-or-add returns the existing node. */
    assert_ptr_equal(add(&kt, 0, "hello", 5, &created), e);
    assert_int_equal(created, 0);
    assert_ptr_equal(add(&kt, 0, "hello", 5, NULL), e);
    assert_int_equal(keytab_count(&kt), 1);

    keytab_remove(&kt, &e->node);
    assert_int_equal(keytab_count(&kt), 0);
    assert_null(find(&kt, 0, "hello", 5));
    e = add(&kt, 0, "hello", 5, &created);
    assert_int_equal(created, 1);
    assert_int_equal(e->value, 0);
    keytab_clear(&kt, NULL, NULL);
    assert_int_equal(keytab_count(&kt), 0);
    assert_int_equal(mem_used(), before);
}

static void test_dbs(void **state)
{
    (void)state;
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    struct ent *e[16];
    for (int db = 0; db < 16; db++) {
        e[db] = add(&kt, db, "same", 4, NULL);
        e[db]->value = db;
    }
    assert_int_equal(keytab_count(&kt), 16);
    for (int db = 0; db < 16; db++) {
        struct ent *f = find(&kt, db, "same", 4);
        assert_ptr_equal(f, e[db]);
        assert_int_equal(f->value, db);
        assert_int_equal(f->node.db, db);
    }
    assert_null(find(&kt, 16, "same", 4));
    keytab_remove(&kt, &e[3]->node);
    assert_null(find(&kt, 3, "same", 4));
    assert_ptr_equal(find(&kt, 2, "same", 4), e[2]);
    assert_ptr_equal(find(&kt, 4, "same", 4), e[4]);
    keytab_clear(&kt, NULL, NULL);
}

static void test_binary_keys(void **state)
{
    (void)state;
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    static const char k1[] = {'a', '\0', 'b'};
    static const char k2[] = {'a', '\0', 'c'};
    static const char k3[] = {'\0'};
    struct ent *e1 = add(&kt, 0, k1, 3, NULL);
    struct ent *e2 = add(&kt, 0, k2, 3, NULL);
    struct ent *e3 = add(&kt, 0, k3, 1, NULL);
    struct ent *e4 = add(&kt, 0, "", 0, NULL); /* the empty key */
    struct ent *e5 = add(&kt, 0, "a", 1, NULL);
    assert_int_equal(keytab_count(&kt), 5);
    assert_true(e1 != e2 && e3 != e4 && e5 != e1);
    assert_ptr_equal(find(&kt, 0, k1, 3), e1);
    assert_ptr_equal(find(&kt, 0, k2, 3), e2);
    assert_ptr_equal(find(&kt, 0, k3, 1), e3);
    assert_ptr_equal(find(&kt, 0, "", 0), e4);
    assert_ptr_equal(find(&kt, 0, "a", 1), e5);
    assert_null(find(&kt, 0, k1, 2)); /* "a\0" */
    assert_memory_equal(keytab_key(&kt, &e1->node), k1, 3);
    assert_int_equal(e4->node.klen, 0);
    /* A long key, past any inline buffer. */
    char big[5000];
    for (size_t i = 0; i < sizeof(big); i++)
        big[i] = (char)(i * 7);
    struct ent *eb = add(&kt, 0, big, sizeof(big), NULL);
    assert_ptr_equal(find(&kt, 0, big, sizeof(big)), eb);
    assert_memory_equal(keytab_key(&kt, &eb->node), big, sizeof(big));
    big[4999] ^= 1;
    assert_null(find(&kt, 0, big, sizeof(big)));
    keytab_clear(&kt, NULL, NULL);
}

/* Adds n keys, checking after each one that an early key, the newest key
 * and a missing key are answered right, so lookups are checked at every
 * stage of every rehash. */
static void test_growth(void **state)
{
    (void)state;
    size_t before = mem_used();
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    char buf[32];
    const long n = 100000;
    int rehash_seen = 0;
    for (long i = 0; i < n; i++) {
        size_t len = keyname(buf, i);
        int created;
        struct ent *e = add(&kt, (int)(i % 3), buf, len, &created);
        assert_int_equal(created, 1);
        e->value = i;
        rehash_seen |= kt.t[1] != NULL;
        len = keyname(buf, i / 2);
        struct ent *f = find(&kt, (int)(i / 2 % 3), buf, len);
        assert_non_null(f);
        assert_int_equal(f->value, i / 2);
        len = keyname(buf, i + 1);
        assert_null(find(&kt, (int)((i + 1) % 3), buf, len));
    }
    assert_true(rehash_seen);
    assert_int_equal(keytab_count(&kt), n);
    assert_true(kt.size[0] + kt.size[1] >= (size_t)n); /* it grew */
    /* Remove the even keys; the odd ones stay. */
    for (long i = 0; i < n; i += 2) {
        size_t len = keyname(buf, i);
        struct ent *e = find(&kt, (int)(i % 3), buf, len);
        assert_non_null(e);
        keytab_remove(&kt, &e->node);
    }
    assert_int_equal(keytab_count(&kt), n / 2);
    for (long i = 0; i < n; i++) {
        size_t len = keyname(buf, i);
        struct ent *e = find(&kt, (int)(i % 3), buf, len);
        if (i % 2) {
            assert_non_null(e);
            assert_int_equal(e->value, i);
        } else {
            assert_null(e);
        }
    }
    /* Remove the rest one by one: nothing may be left behind. */
    for (long i = 1; i < n; i += 2) {
        size_t len = keyname(buf, i);
        keytab_remove(&kt, &find(&kt, (int)(i % 3), buf, len)->node);
    }
    assert_int_equal(keytab_count(&kt), 0);
    assert_null(keytab_pick(&kt, 12345));
    keytab_clear(&kt, NULL, NULL);
    assert_int_equal(mem_used(), before);
}

struct iter_ctx {
    struct keytab *kt;
    long visited;
    int remove_odd; /* 1: remove odd values, 2: remove all */
};

static void visit(struct keytab_node *n, void *arg)
{
    struct iter_ctx *ctx = arg;
    struct ent *e = (struct ent *)n;
    e->visits++;
    ctx->visited++;
    if (ctx->remove_odd == 2 || (ctx->remove_odd == 1 && e->value % 2))
        keytab_remove(ctx->kt, n);
}

/* Fill kt with n keys; leave it in the middle of a rehash when possible. */
static void fill(struct keytab *kt, long n)
{
    char buf[32];
    for (long i = 0; i < n; i++) {
        size_t len = keyname(buf, i);
        add(kt, 0, buf, len, NULL)->value = i;
    }
}

static void test_iterate_remove(void **state)
{
    (void)state;
    size_t before = mem_used();
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    /* 17 keys in 16 buckets: a rehash has just started. */
    const long n = 17;
    fill(&kt, n);
    assert_non_null(kt.t[1]);
    struct iter_ctx ctx = {.kt = &kt, .remove_odd = 1};
    keytab_foreach(&kt, visit, &ctx);
    assert_int_equal(ctx.visited, n);
    assert_int_equal(keytab_count(&kt), (n + 1) / 2);
    char buf[32];
    for (long i = 0; i < n; i++) {
        size_t len = keyname(buf, i);
        struct ent *e = find(&kt, 0, buf, len);
        if (i % 2) {
            assert_null(e);
        } else {
            assert_non_null(e);
            assert_int_equal(e->visits, 1); /* each node exactly once */
        }
    }
    /* Now remove everything while iterating, on a larger table. */
    fill(&kt, 5000);
    ctx = (struct iter_ctx){.kt = &kt, .remove_odd = 2};
    keytab_foreach(&kt, visit, &ctx);
    assert_int_equal(ctx.visited, 5000);
    assert_int_equal(keytab_count(&kt), 0);
    keytab_clear(&kt, NULL, NULL);
    assert_int_equal(mem_used(), before);
}

/* Buckets do not move while iterating, so a node added by the callback
 * cannot make another be visited twice or skipped. */
static void visit_add(struct keytab_node *n, void *arg)
{
    struct iter_ctx *ctx = arg;
    struct ent *e = (struct ent *)n;
    e->visits++;
    ctx->visited++;
    char buf[32];
    size_t len = keyname(buf, 1000000 + e->value);
    if (e->value < 1000000)
        add(ctx->kt, 1, buf, len, NULL)->value = 1000000 + e->value;
}

static void count_visits(struct keytab_node *n, void *arg)
{
    struct ent *e = (struct ent *)n;
    long *bad = arg;
    if (e->value < 1000000 && e->visits != 1)
        (*bad)++;
}

static void test_iterate_add(void **state)
{
    (void)state;
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    fill(&kt, 300);
    struct iter_ctx ctx = {.kt = &kt};
    keytab_foreach(&kt, visit_add, &ctx);
    assert_true(ctx.visited >= 300);
    assert_int_equal(keytab_count(&kt), 600);
    long bad = 0;
    keytab_foreach(&kt, count_visits, &bad);
    assert_int_equal(bad, 0);
    keytab_clear(&kt, NULL, NULL);
}

static void sum_values(struct keytab_node *n, void *arg)
{
    *(long *)arg += ((struct ent *)n)->value;
}

static void test_clear_callback(void **state)
{
    (void)state;
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    fill(&kt, 100);
    long sum = 0;
    keytab_clear(&kt, sum_values, &sum);
    assert_int_equal(sum, 99 * 100 / 2);
    assert_int_equal(keytab_count(&kt), 0);
    assert_null(find(&kt, 0, "key:1", 5));
    /* Usable again. */
    fill(&kt, 10);
    assert_int_equal(keytab_count(&kt), 10);
    keytab_clear(&kt, NULL, NULL);
}

static void test_pick(void **state)
{
    (void)state;
    struct keytab kt;
    keytab_init(&kt, sizeof(struct ent));
    struct ent *only = add(&kt, 2, "only", 4, NULL);
    for (uint64_t r = 0; r < 100; r++)
        assert_ptr_equal(keytab_pick(&kt, r * 977), only);
    keytab_remove(&kt, &only->node);
    fill(&kt, 1000);
    /* Every pick is a live node, and picks spread over many keys. */
    int seen[1000] = {0};
    int distinct = 0;
    for (uint64_t r = 0; r < 4000; r++) {
        struct ent *e = (struct ent *)keytab_pick(&kt, r * 2654435761u);
        assert_non_null(e);
        assert_ptr_equal(find(&kt, 0, keytab_key(&kt, &e->node), e->node.klen), e);
        if (!seen[e->value]++)
            distinct++;
    }
    assert_true(distinct > 200);
    keytab_clear(&kt, NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),          cmocka_unit_test(test_dbs),
        cmocka_unit_test(test_binary_keys),    cmocka_unit_test(test_growth),
        cmocka_unit_test(test_iterate_remove), cmocka_unit_test(test_iterate_add),
        cmocka_unit_test(test_clear_callback), cmocka_unit_test(test_pick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
