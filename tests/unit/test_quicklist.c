/* Unit tests for quicklist: pushes at both ends, node limits by count and by
 * bytes, iteration both ways with deletion, replacement, insertion that
 * splits full nodes, range deletion, dup, and a randomized comparison
 * against a plain array model for several fill settings and compression
 * depths 0..3, checking the structural invariants (no empty node, counts
 * agree) after every step and, once settled, the compression rule: nodes
 * within depth of an end are plain, and an interior node is compressed
 * exactly when its listpack is at least 48 bytes and LZF saves more than 8.
 * Directed compression tests: the plain/compressed pattern at every depth
 * boundary while the list grows and shrinks at either end, access and
 * recompression, the size rule, ql_set_depth, dup, the listpack accessor
 * used by the RDB/AOF writers, and memory accounting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lzf.h"
#include "mem.h"
#include "quicklist.h"

/* ---- model ---- */

#define MODEL_MAX 4000
struct model {
    char *v[MODEL_MAX];
    size_t n;
};

static void model_insert(struct model *m, size_t i, const char *s)
{
    assert_true(m->n < MODEL_MAX);
    memmove(&m->v[i + 1], &m->v[i], (m->n - i) * sizeof(char *));
    m->v[i] = strdup(s);
    m->n++;
}

static void model_delete(struct model *m, size_t i, size_t cnt)
{
    for (size_t k = i; k < i + cnt; k++)
        free(m->v[k]);
    memmove(&m->v[i], &m->v[i + cnt], (m->n - i - cnt) * sizeof(char *));
    m->n -= cnt;
}

static void model_clear(struct model *m)
{
    model_delete(m, 0, m->n);
}

/* Text of an entry into out (NUL-terminated). */
static void entry_text(const struct lp_entry *e, char *out, size_t cap)
{
    char buf[21];
    size_t n;
    const unsigned char *p = lp_bytes_of(e, buf, &n);
    assert_true(n < cap);
    memcpy(out, p, n);
    out[n] = 0;
}

/* Would Redis's rule compress this listpack (>= 48 bytes, LZF image more
 * than 8 bytes smaller)? */
static int compression_pays(const unsigned char *lp)
{
    static unsigned char out[1 << 17];
    size_t sz = lp_bytes(lp);
    if (sz < QL_MIN_COMPRESS_BYTES || sz > sizeof(out))
        return 0;
    size_t c = lzf_compress(lp, sz, out, sz - QL_MIN_COMPRESS_GAIN - 1);
    return c != 0 && c + QL_MIN_COMPRESS_GAIN < sz;
}

/* Is the node at index i within depth of an end? */
static int in_end_region(const struct quicklist *ql, size_t i)
{
    size_t d = (size_t)ql->depth;
    return i < d || ql->nnodes - 1 - i < d;
}

/* Structure: no empty node, links consistent, counts agree (reading
 * compressed nodes through ql_node_listpack), no compressed node within
 * depth of an end, the compressed-node count right, the hot node plain. */
static void check_invariants(const struct quicklist *ql)
{
    size_t sum = 0, nodes = 0, ncomp = 0;
    int hot_seen = 0;
    const struct ql_node *prev = NULL;
    for (const struct ql_node *n = ql->head; n; n = n->next) {
        unsigned char *tmp;
        const unsigned char *lp = ql_node_listpack(n, &tmp);
        assert_ptr_equal(n->prev, prev);
        assert_true(n->count > 0);
        assert_int_equal(n->count, lp_count(lp));
        if (n->csz) {
            assert_non_null(tmp);
            assert_int_equal(n->rawsz, lp_bytes(lp));
            assert_true(n->csz + QL_MIN_COMPRESS_GAIN < n->rawsz);
            assert_false(in_end_region(ql, nodes));
            ncomp++;
        } else {
            assert_null(tmp);
            assert_ptr_equal(lp, n->lp);
        }
        if (n == ql->hot) {
            hot_seen = 1;
            assert_int_equal(n->csz, 0);
        }
        mem_free(tmp);
        if (ql->fill > 0 && n->count > 1)
            assert_true(n->count <= (size_t)ql->fill);
        sum += n->count;
        nodes++;
        prev = n;
    }
    assert_ptr_equal(ql->tail, prev);
    assert_int_equal(sum, ql->count);
    assert_int_equal(nodes, ql->nnodes);
    assert_int_equal(ncomp, ql->ncompressed);
    assert_int_equal(hot_seen, ql->hot != NULL);
    if (!ql->hot)
        assert_null(ql->hot_image);
}

/* After ql_settle: no hot node, and each interior node is compressed
 * exactly when compression pays. */
static void check_settled(struct quicklist *ql)
{
    ql_settle(ql);
    check_invariants(ql);
    assert_null(ql->hot);
    size_t i = 0;
    for (const struct ql_node *n = ql->head; n; n = n->next, i++) {
        if (in_end_region(ql, i) || ql->depth == 0) {
            assert_int_equal(n->csz, 0);
            continue;
        }
        if (n->csz == 0)
            assert_false(compression_pays(n->lp));
    }
}

/* The list equals the model, read forwards, backwards and by index. */
static void check_equal(struct quicklist *ql, const struct model *m)
{
    static char buf[8192];
    struct ql_iter it;
    struct lp_entry e;
    check_invariants(ql);
    assert_int_equal(ql->count, m->n);
    size_t i = 0;
    ql_iter_init(&it, ql, 0, QL_HEAD);
    while (ql_iter_next(&it, &e)) {
        entry_text(&e, buf, sizeof(buf));
        assert_string_equal(buf, m->v[i]);
        i++;
    }
    assert_int_equal(i, m->n);
    ql_iter_init(&it, ql, -1, QL_TAIL);
    while (ql_iter_next(&it, &e)) {
        i--;
        entry_text(&e, buf, sizeof(buf));
        assert_string_equal(buf, m->v[i]);
    }
    assert_int_equal(i, 0);
    if (m->n) {
        size_t k = (size_t)rand() % m->n;
        assert_true(ql_index(ql, (long long)k, &e));
        entry_text(&e, buf, sizeof(buf));
        assert_string_equal(buf, m->v[k]);
        assert_true(ql_index(ql, (long long)k - (long long)m->n, &e));
        entry_text(&e, buf, sizeof(buf));
        assert_string_equal(buf, m->v[k]);
    }
    assert_false(ql_index(ql, (long long)m->n, &e));
    assert_false(ql_index(ql, -(long long)m->n - 1, &e));
    check_settled(ql);
}

/* ---- directed tests ---- */

static void test_push_and_count_fill(void **state)
{
    (void)state;
    struct quicklist *ql = ql_new(3);
    struct model m = {.n = 0};
    char s[32];
    for (int i = 0; i < 10; i++) {
        snprintf(s, sizeof(s), "v%d", i);
        ql_push(ql, QL_TAIL, s, strlen(s));
        model_insert(&m, m.n, s);
    }
    ql_push(ql, QL_HEAD, "h", 1);
    model_insert(&m, 0, "h");
    check_equal(ql, &m);
    /* 10 at the tail in nodes of 3 (4 nodes), plus one new head node. */
    assert_int_equal(ql->nnodes, 5);
    model_clear(&m);
    ql_free(ql);
}

static void test_byte_fill(void **state)
{
    (void)state;
    struct quicklist *ql = ql_new(-1); /* 4 KB nodes */
    char big[1001];
    memset(big, 'x', 1000);
    big[1000] = 0;
    for (int i = 0; i < 12; i++)
        ql_push(ql, QL_TAIL, big, 1000);
    check_invariants(ql);
    for (const struct ql_node *n = ql->head; n; n = n->next)
        assert_true(lp_bytes(n->lp) <= 4096);
    assert_int_equal(ql->nnodes, 3); /* four 1000-byte entries fit in 4 KB */
    /* An entry bigger than the limit gets a node of its own. */
    char *huge = calloc(1, 9000);
    memset(huge, 'y', 8999);
    ql_push(ql, QL_HEAD, huge, 8999);
    assert_int_equal(ql->head->count, 1);
    ql_push(ql, QL_HEAD, "a", 1);
    assert_int_equal(ql->head->count, 1);
    check_invariants(ql);
    free(huge);
    ql_free(ql);
}

static void test_iter_delete_both_ways(void **state)
{
    (void)state;
    struct quicklist *ql = ql_new(2);
    struct model m = {.n = 0};
    const char *vals[] = {"a", "b", "a", "a", "c", "a", "d", "a", "a"};
    for (size_t i = 0; i < 9; i++) {
        ql_push(ql, QL_TAIL, vals[i], 1);
        model_insert(&m, m.n, vals[i]);
    }
    struct ql_iter it;
    struct lp_entry e;
    /* Backwards: delete the last two "a". */
    int removed = 0;
    ql_iter_init(&it, ql, -1, QL_TAIL);
    while (removed < 2 && ql_iter_next(&it, &e))
        if (lp_eq(it.node->lp, it.off, "a", 1)) {
            ql_iter_del(&it);
            removed++;
        }
    model_delete(&m, 7, 2);
    check_equal(ql, &m);
    /* Forwards: delete every "a". */
    ql_iter_init(&it, ql, 0, QL_HEAD);
    while (ql_iter_next(&it, &e))
        if (lp_eq(it.node->lp, it.off, "a", 1))
            ql_iter_del(&it);
    model_clear(&m);
    model_insert(&m, 0, "b");
    model_insert(&m, 1, "c");
    model_insert(&m, 2, "d");
    check_equal(ql, &m);
    model_clear(&m);
    ql_free(ql);
}

static void test_insert_splits_full_node(void **state)
{
    (void)state;
    struct quicklist *ql = ql_new(4);
    struct model m = {.n = 0};
    const char *vals[] = {"0", "1", "2", "3"};
    for (size_t i = 0; i < 4; i++) {
        ql_push(ql, QL_TAIL, vals[i], 1);
        model_insert(&m, m.n, vals[i]);
    }
    assert_int_equal(ql->nnodes, 1);
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, 1, QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    ql_iter_insert(&it, 1, "x", 1); /* after "1": middle of a full node */
    model_insert(&m, 2, "x");
    check_equal(ql, &m);
    assert_true(ql->nnodes >= 2);
    ql_iter_init(&it, ql, 0, QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    ql_iter_insert(&it, 0, "first", 5);
    model_insert(&m, 0, "first");
    check_equal(ql, &m);
    ql_iter_init(&it, ql, -1, QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    ql_iter_insert(&it, 1, "last", 4);
    model_insert(&m, m.n, "last");
    check_equal(ql, &m);
    model_clear(&m);
    ql_free(ql);
}

static void test_replace_dup_del_range(void **state)
{
    (void)state;
    struct quicklist *ql = ql_new(3);
    struct model m = {.n = 0};
    char s[32];
    for (int i = 0; i < 20; i++) {
        snprintf(s, sizeof(s), "%d", i);
        ql_push(ql, QL_TAIL, s, strlen(s));
        model_insert(&m, m.n, s);
    }
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, 7, QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    ql_iter_replace(&it, "seven-and-longer", 16);
    free(m.v[7]);
    m.v[7] = strdup("seven-and-longer");
    assert_true(ql_iter_next(&it, &e)); /* iteration goes on after a replace */
    assert_null(e.s);
    assert_int_equal(e.v, 8);
    struct quicklist *copy = ql_dup(ql);
    ql_del_range(ql, 2, 13);
    check_equal(copy, &m);
    model_delete(&m, 2, 13);
    check_equal(ql, &m);
    ql_del_range(ql, 0, m.n);
    model_clear(&m);
    check_equal(ql, &m);
    assert_null(ql->head);
    assert_true(ql_mem(copy) > ql_mem(ql));
    ql_free(copy);
    ql_free(ql);
}

/* ---- randomized ---- */

static void random_value(char *out, size_t cap)
{
    int kind = rand() % 20;
    if (kind == 19) {
        /* Random printable bytes: nodes of these rarely compress. */
        size_t len = 20 + (size_t)rand() % 200;
        for (size_t i = 0; i < len; i++)
            out[i] = (char)(33 + rand() % 94);
        out[len] = 0;
        return;
    }
    kind /= 2;
    if (kind < 4) {
        snprintf(out, cap, "%d", rand() % 50 - 10);
    } else if (kind < 9) {
        int len = rand() % 12;
        for (int i = 0; i < len; i++)
            out[i] = (char)('a' + rand() % 3);
        out[len] = 0;
    } else {
        size_t len = 500 + (size_t)rand() % 2500;
        if (len >= cap)
            len = cap - 1;
        memset(out, 'z', len);
        out[len] = 0;
    }
}

/* Delete one entry at an end through the iterator, as LPOP/RPOP do. */
static void pop_end(struct quicklist *ql, struct model *m, int tail)
{
    struct ql_iter it;
    struct lp_entry e;
    char buf[4096];
    ql_iter_init(&it, ql, tail ? -1 : 0, tail ? QL_TAIL : QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    entry_text(&e, buf, sizeof(buf));
    size_t i = tail ? m->n - 1 : 0;
    assert_string_equal(buf, m->v[i]);
    ql_iter_del(&it);
    model_delete(m, i, 1);
}

static void random_ops(int fill, int depth, int steps)
{
    static char v[4096];
    struct quicklist *ql = ql_new(fill);
    ql_set_depth(ql, depth);
    struct model m = {.n = 0};
    struct ql_iter it;
    struct lp_entry e;
    for (int step = 0; step < steps; step++) {
        int op = rand() % 100;
        random_value(v, sizeof(v));
        if (op < 45 || m.n == 0) {
            int head = rand() % 2;
            ql_push(ql, head ? QL_HEAD : QL_TAIL, v, strlen(v));
            model_insert(&m, head ? 0 : m.n, v);
        } else if (op < 50) {
            size_t i = (size_t)rand() % m.n;
            int after = rand() % 2;
            ql_iter_init(&it, ql, (long long)i, QL_HEAD);
            assert_true(ql_iter_next(&it, &e));
            ql_iter_insert(&it, after, v, strlen(v));
            model_insert(&m, i + (size_t)after, v);
        } else if (op < 60) {
            size_t i = (size_t)rand() % m.n;
            ql_iter_init(&it, ql, (long long)i, rand() % 2 ? QL_HEAD : QL_TAIL);
            assert_true(ql_iter_next(&it, &e));
            ql_iter_replace(&it, v, strlen(v));
            free(m.v[i]);
            m.v[i] = strdup(v);
        } else if (op < 64) {
            pop_end(ql, &m, rand() % 2);
        } else if (op < 66) {
            /* LTRIM: drop a few from each end. */
            size_t a = (size_t)rand() % (m.n / 4 + 1), b = (size_t)rand() % (m.n / 4 + 1);
            ql_del_range(ql, 0, a);
            model_delete(&m, 0, a);
            b = b > m.n ? m.n : b;
            ql_del_range(ql, m.n - b, b);
            model_delete(&m, m.n - b, b);
        } else if (op < 75) {
            size_t i = (size_t)rand() % m.n;
            size_t cnt = (size_t)rand() % (m.n - i + 1);
            /* Mostly small ranges, so the list grows over the run. */
            if (rand() % 10 != 0)
                cnt = cnt > 3 ? 3 : cnt;
            ql_del_range(ql, i, cnt);
            model_delete(&m, i, cnt);
        } else {
            /* Delete entries equal to a short value, from either end, up to
             * a limit, as LREM does. */
            const char *target = (rand() % 2) ? "a" : "1";
            int back = rand() % 2, limit = rand() % 4;
            int removed = 0;
            ql_iter_init(&it, ql, back ? -1 : 0, back ? QL_TAIL : QL_HEAD);
            while (ql_iter_next(&it, &e)) {
                if (lp_eq(it.node->lp, it.off, target, strlen(target))) {
                    ql_iter_del(&it);
                    removed++;
                    if (limit && removed == limit)
                        break;
                }
            }
            /* Apply the same to the model. */
            int done = 0;
            if (back) {
                for (size_t k = m.n; k-- > 0 && !(limit && done == limit);)
                    if (!strcmp(m.v[k], target)) {
                        model_delete(&m, k, 1);
                        done++;
                    }
            } else {
                for (size_t k = 0; k < m.n && !(limit && done == limit);)
                    if (!strcmp(m.v[k], target)) {
                        model_delete(&m, k, 1);
                        done++;
                    } else {
                        k++;
                    }
            }
            assert_int_equal(removed, done);
        }
        check_equal(ql, &m);
    }
    struct quicklist *copy = ql_dup(ql);
    check_equal(copy, &m);
    ql_free(copy);
    model_clear(&m);
    ql_free(ql);
}

static void test_random(void **state)
{
    (void)state;
    const int fills[] = {1, 2, 3, 5, 128, -1, -2, -5};
    srand(12345);
    for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
        random_ops(fills[i], 0, 1500);
}

/* The same random comparison with compression at depths 1..3. */
static void test_random_compressed(void **state)
{
    (void)state;
    const int fills[] = {2, 5, 16, 128, -1, -2};
    srand(777);
    for (int depth = 1; depth <= 3; depth++)
        for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
            random_ops(fills[i], depth, 1200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_and_count_fill),
        cmocka_unit_test(test_byte_fill),
        cmocka_unit_test(test_iter_delete_both_ways),
        cmocka_unit_test(test_insert_splits_full_node),
        cmocka_unit_test(test_replace_dup_del_range),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_random_compressed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
