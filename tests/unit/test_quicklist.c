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
    if (sz < QL_MIN_COMPRESS_BYTES || sz + 64 > sizeof(out))
        return 0;
    /* The full image, not capped: this checks the cap quicklist uses. */
    size_t c = lzf_compress(lp, sz, out, sz + 64);
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

/* ---- compression ---- */

/* A compressible value (shared padding across entries) for index i. */
static void cval(char *out, size_t cap, int i)
{
    snprintf(out, cap, "value-%05d-padding-padding-padding", i);
}

/* The pattern of compressed nodes, head to tail, as a string of 'c'
 * (compressed) and 'p' (plain), after settling. */
static void pattern(struct quicklist *ql, char *out)
{
    check_settled(ql);
    size_t i = 0;
    for (const struct ql_node *n = ql->head; n; n = n->next)
        out[i++] = n->csz ? 'c' : 'p';
    out[i] = 0;
}

/* The expected pattern: depth plain nodes at each end, the rest compressed
 * (every node here is big and compressible). */
static void expected(size_t nnodes, int depth, char *out)
{
    for (size_t i = 0; i < nnodes; i++)
        out[i] = depth && i >= (size_t)depth && nnodes - 1 - i >= (size_t)depth ? 'c' : 'p';
    out[nnodes] = 0;
}

/* Grow a list node by node at one end and shrink it at the other (and the
 * reverse), checking the plain/compressed pattern at every node count for
 * depths 0..3, and the contents throughout. */
static void test_compress_depth_boundaries(void **state)
{
    (void)state;
    char v[64], got[64], want[64];
    for (int depth = 0; depth <= 3; depth++) {
        for (int dir = 0; dir < 2; dir++) {
            int grow_end = dir ? QL_HEAD : QL_TAIL;
            struct quicklist *ql = ql_new(4);
            ql_set_depth(ql, depth);
            struct model m = {.n = 0};
            for (int i = 0; i < 4 * 12; i++) {
                cval(v, sizeof(v), i);
                ql_push(ql, grow_end, v, strlen(v));
                model_insert(&m, grow_end == QL_HEAD ? 0 : m.n, v);
                pattern(ql, got);
                expected(ql->nnodes, depth, want);
                assert_string_equal(got, want);
            }
            assert_int_equal(ql->nnodes, 12);
            assert_int_equal(ql->ncompressed, depth ? 12 - 2 * (size_t)depth : 0);
            check_equal(ql, &m);
            /* Shrink one node at a time from the other end (LTRIM-like). */
            while (ql->nnodes > 0) {
                if (grow_end == QL_TAIL) {
                    ql_del_range(ql, 0, 4);
                    model_delete(&m, 0, 4);
                } else {
                    ql_del_range(ql, ql->count - 4, 4);
                    model_delete(&m, m.n - 4, 4);
                }
                pattern(ql, got);
                expected(ql->nnodes, depth, want);
                assert_string_equal(got, want);
                check_equal(ql, &m);
            }
            assert_int_equal(ql->ncompressed, 0);
            ql_free(ql);
        }
    }
}

/* Reading an interior node decompresses it and settling restores the very
 * same image; an edit recompresses the new content; walking the whole
 * list settles as it goes. */
static void test_access_and_settle(void **state)
{
    (void)state;
    char v[64];
    struct quicklist *ql = ql_new(8);
    ql_set_depth(ql, 1);
    for (int i = 0; i < 8 * 5; i++) {
        cval(v, sizeof(v), i);
        ql_push(ql, QL_TAIL, v, strlen(v));
    }
    assert_int_equal(ql->ncompressed, 3);
    size_t mem = ql_mem(ql);
    struct ql_node *mid = ql->head->next->next;
    unsigned char *img = mid->lp, img_copy[4096];
    uint32_t csz = mid->csz;
    assert_true(csz <= sizeof(img_copy));
    memcpy(img_copy, img, csz);
    struct lp_entry e;
    char buf[64];
    assert_true(ql_index(ql, 20, &e)); /* node 2 holds 16..23 */
    entry_text(&e, buf, sizeof(buf));
    cval(v, sizeof(v), 20);
    assert_string_equal(buf, v);
    assert_ptr_equal(ql->hot, mid);
    assert_int_equal(mid->csz, 0);
    assert_int_equal(ql->ncompressed, 2);
    assert_true(ql_mem(ql) > mem); /* plain node plus the kept image */
    ql_settle(ql);
    assert_null(ql->hot);
    assert_ptr_equal(mid->lp, img); /* unmodified: the old image is back */
    assert_int_equal(mid->csz, csz);
    assert_int_equal(ql_mem(ql), mem);

    /* A second access elsewhere settles the first. */
    assert_true(ql_index(ql, 12, &e));
    assert_ptr_equal(ql->hot, ql->head->next);
    assert_true(ql_index(ql, 28, &e));
    assert_ptr_equal(ql->hot, ql->tail->prev);
    assert_int_equal(ql->head->next->csz != 0, 1);

    /* Replace through the iterator: the node is recompressed with the new
     * content on settle. */
    struct ql_iter it;
    assert_true(ql_iter_init(&it, ql, 21, QL_HEAD));
    assert_true(ql_iter_next(&it, &e));
    ql_iter_replace(&it, "replaced-replaced-replaced-replaced", 35);
    ql_settle(ql);
    assert_true(mid->csz != 0);
    assert_true(mid->csz != csz || memcmp(mid->lp, img_copy, csz) != 0); /* a new image */
    assert_true(ql_index(ql, 21, &e));
    entry_text(&e, buf, sizeof(buf));
    assert_string_equal(buf, "replaced-replaced-replaced-replaced");

    /* A full walk in either direction leaves nothing decompressed. */
    for (int dir = 0; dir < 2; dir++) {
        size_t n = 0;
        ql_iter_init(&it, ql, dir ? -1 : 0, dir ? QL_TAIL : QL_HEAD);
        while (ql_iter_next(&it, &e))
            n++;
        assert_int_equal(n, 40);
        assert_null(ql->hot);
        assert_int_equal(ql->ncompressed, 3);
    }
    check_settled(ql);
    ql_free(ql);
}

/* Redis's size rule: under 48 bytes never; incompressible never; and a
 * compressed node always saves more than 8 bytes (checked for every node in
 * check_invariants; check_settled checks the converse). */
static void test_compress_size_rule(void **state)
{
    (void)state;
    /* One run of 'a' per node: a 47-byte listpack stays plain although it
     * would compress; at 48 bytes it is compressed. */
    char s[64];
    memset(s, 'a', sizeof(s));
    struct quicklist *ql = ql_new(1);
    ql_set_depth(ql, 1);
    for (int i = 0; i < 10; i++)
        ql_push(ql, QL_TAIL, s, 38);
    check_settled(ql);
    assert_int_equal(lp_bytes(ql->head->next->lp), 47);
    assert_int_equal(ql->ncompressed, 0);
    ql_free(ql);
    ql = ql_new(1);
    ql_set_depth(ql, 1);
    for (int i = 0; i < 5; i++)
        ql_push(ql, QL_TAIL, s, 39);
    check_settled(ql);
    assert_int_equal(ql->head->next->rawsz, 48);
    assert_int_equal(ql->ncompressed, 3);
    ql_free(ql);
    /* Incompressible entries stay plain. */
    ql = ql_new(1);
    ql_set_depth(ql, 1);
    srand(99);
    for (int i = 0; i < 5; i++) {
        for (size_t k = 0; k < sizeof(s); k++)
            s[k] = (char)(rand() & 0xff);
        ql_push(ql, QL_TAIL, s, sizeof(s));
    }
    check_settled(ql);
    assert_int_equal(ql->ncompressed, 0);
    ql_free(ql);
    /* Around the gain boundary: entries of k 'a's then random bytes; the
     * middle of three one-entry nodes is compressed exactly when its image
     * is more than 8 bytes smaller. Both sides of the boundary (a gain of
     * exactly 8, and of 9) must have been seen. */
    int seen8 = 0, seen9 = 0;
    for (int round = 0; round < 4000 && !(seen8 && seen9); round++) {
        size_t len = 50 + (size_t)rand() % 60, k = (size_t)rand() % len;
        char e[128];
        for (size_t i = 0; i < len; i++)
            e[i] = i < k ? 'a' : (char)(rand() & 0xff);
        ql = ql_new(1);
        ql_set_depth(ql, 1);
        for (int i = 0; i < 3; i++)
            ql_push(ql, QL_TAIL, e, len);
        const struct ql_node *mid = ql->head->next;
        unsigned char *tmp;
        const unsigned char *lp = ql_node_listpack(mid, &tmp);
        static unsigned char out[256];
        size_t sz = lp_bytes(lp), c = lzf_compress(lp, sz, out, sizeof(out));
        assert_true(c > 0);
        assert_int_equal(mid->csz != 0, c + 8 < sz);
        if (mid->csz)
            assert_int_equal(mid->csz, c);
        seen8 |= c + 8 == sz;
        seen9 |= c + 9 == sz;
        mem_free(tmp);
        ql_free(ql);
    }
    assert_true(seen8);
    assert_true(seen9);
}

/* Inserts in the middle (with splits), LSET, LREM-style deletes, LTRIM and
 * LRANGE windows across compressed nodes, at depths 1..3, against the
 * model; then pops from both ends until empty. */
static void test_ops_across_compressed(void **state)
{
    (void)state;
    char v[64];
    for (int depth = 1; depth <= 3; depth++) {
        struct quicklist *ql = ql_new(4);
        ql_set_depth(ql, depth);
        struct model m = {.n = 0};
        for (int i = 0; i < 80; i++) {
            cval(v, sizeof(v), i);
            ql_push(ql, i % 2 ? QL_TAIL : QL_HEAD, v, strlen(v));
            model_insert(&m, i % 2 ? m.n : 0, v);
        }
        check_equal(ql, &m);
        assert_true(ql->ncompressed >= 20 - 2 * (size_t)depth);
        struct ql_iter it;
        struct lp_entry e;
        /* LINSERT in the middle of full compressed nodes. */
        for (int k = 0; k < 12; k++) {
            size_t i = 9 + (size_t)k * 5;
            cval(v, sizeof(v), 1000 + k);
            assert_true(ql_iter_init(&it, ql, (long long)i, QL_HEAD));
            assert_true(ql_iter_next(&it, &e));
            ql_iter_insert(&it, k % 2, v, strlen(v));
            model_insert(&m, i + (size_t)(k % 2), v);
            check_equal(ql, &m);
        }
        /* LSET across the interior. */
        for (size_t i = 3; i < m.n; i += 7) {
            cval(v, sizeof(v), 2000 + (int)i);
            assert_true(ql_iter_init(&it, ql, (long long)i, QL_HEAD));
            assert_true(ql_iter_next(&it, &e));
            ql_iter_replace(&it, v, strlen(v));
            ql_settle(ql);
            free(m.v[i]);
            m.v[i] = strdup(v);
        }
        check_equal(ql, &m);
        /* LREM-style: delete every entry whose text ends in '3' or '7'
         * walking backwards. */
        ql_iter_init(&it, ql, -1, QL_TAIL);
        while (ql_iter_next(&it, &e)) {
            char buf[64];
            entry_text(&e, buf, sizeof(buf));
            if (strstr(buf, "3-pad") || strstr(buf, "7-pad"))
                ql_iter_del(&it);
        }
        ql_settle(ql);
        for (size_t k = m.n; k-- > 0;)
            if (strstr(m.v[k], "3-pad") || strstr(m.v[k], "7-pad"))
                model_delete(&m, k, 1);
        check_equal(ql, &m);
        /* LRANGE windows in the interior. */
        for (size_t start = 0; start + 10 <= m.n; start += 9) {
            char buf[64];
            size_t j = start;
            ql_iter_init(&it, ql, (long long)start, QL_HEAD);
            while (j < start + 10 && ql_iter_next(&it, &e)) {
                entry_text(&e, buf, sizeof(buf));
                assert_string_equal(buf, m.v[j]);
                j++;
            }
            ql_settle(ql);
            check_settled(ql);
        }
        /* LTRIM: a few entries off each end, then a middle range. */
        ql_del_range(ql, 0, 5);
        model_delete(&m, 0, 5);
        ql_del_range(ql, ql->count - 6, 6);
        model_delete(&m, m.n - 6, 6);
        check_equal(ql, &m);
        ql_del_range(ql, 10, 17);
        model_delete(&m, 10, 17);
        check_equal(ql, &m);
        /* Pop everything, alternating ends. */
        for (int k = 0; m.n > 0; k++) {
            pop_end(ql, &m, k % 2);
            check_equal(ql, &m);
        }
        assert_null(ql->head);
        assert_int_equal(ql->ncompressed, 0);
        ql_free(ql);
    }
}

/* An insert that splits a full node near an end and puts the entry in a
 * node of its own adds two nodes, moving two nodes out of the end region:
 * both must end up compressed. */
static void test_insert_adds_two_nodes(void **state)
{
    (void)state;
    static char big[4000];
    char got[64], want[64];
    for (int at_tail = 0; at_tail < 2; at_tail++) {
        struct quicklist *ql = ql_new(-1); /* 4 KB nodes */
        ql_set_depth(ql, 2);
        struct model m = {.n = 0};
        for (int i = 0; i < 4 * 8; i++) {
            memset(big, 'q', 1000);
            snprintf(big, 12, "%011d", i);
            big[11] = 'q';
            big[1000] = 0;
            ql_push(ql, QL_TAIL, big, 1000);
            model_insert(&m, m.n, big);
        }
        assert_int_equal(ql->nnodes, 8);
        /* After the 2nd entry of the first (or last) node: it keeps two
         * entries, which leave no room for 3500 bytes. */
        size_t i = at_tail ? m.n - 3 : 1;
        memset(big, 'r', 3500);
        big[3500] = 0;
        struct ql_iter it;
        struct lp_entry e;
        assert_true(ql_iter_init(&it, ql, (long long)i, QL_HEAD));
        assert_true(ql_iter_next(&it, &e));
        ql_iter_insert(&it, 1, big, 3500);
        model_insert(&m, i + 1, big);
        assert_int_equal(ql->nnodes, 10);
        pattern(ql, got);
        expected(10, 2, want);
        assert_string_equal(got, want);
        check_equal(ql, &m);
        model_clear(&m);
        ql_free(ql);
    }
}

/* ql_set_depth on a full list (as the RDB loader uses it), its clamping,
 * and dup of a compressed list (also while a node is hot). */
static void test_set_depth_and_dup(void **state)
{
    (void)state;
    char v[64], got[64], want[64];
    struct quicklist *ql = ql_new(4);
    struct model m = {.n = 0};
    for (int i = 0; i < 40; i++) {
        cval(v, sizeof(v), i);
        ql_push(ql, QL_TAIL, v, strlen(v));
        model_insert(&m, m.n, v);
    }
    assert_int_equal(ql->ncompressed, 0);
    for (int depth = 0; depth <= 6; depth++) {
        ql_set_depth(ql, depth);
        pattern(ql, got);
        expected(10, depth, want);
        assert_string_equal(got, want);
        check_equal(ql, &m);
    }
    ql_set_depth(ql, -3);
    assert_int_equal(ql->depth, 0);
    assert_int_equal(ql->ncompressed, 0);
    ql_set_depth(ql, 1 << 20);
    assert_int_equal(ql->depth, QL_MAX_DEPTH);
    ql_set_depth(ql, 2);
    struct quicklist *c1 = ql_dup(ql);
    assert_int_equal(c1->ncompressed, 6);
    assert_int_equal(ql_mem(c1), ql_mem(ql));
    check_equal(c1, &m);
    /* Dup while a node is hot (read, then edited). */
    struct lp_entry e;
    assert_true(ql_index(ql, 17, &e));
    struct quicklist *c2 = ql_dup(ql);
    assert_null(c2->hot);
    check_equal(c2, &m);
    struct ql_iter it;
    ql_iter_init(&it, ql, 17, QL_HEAD);
    assert_true(ql_iter_next(&it, &e));
    ql_iter_replace(&it, "x", 1);
    free(m.v[17]);
    m.v[17] = strdup("x");
    struct quicklist *c3 = ql_dup(ql);
    check_equal(c3, &m);
    check_equal(ql, &m);
    ql_free(c1);
    ql_free(c2);
    ql_free(c3);
    model_clear(&m);
    ql_free(ql);
}

/* ql_mem counts compressed sizes: a long compressible list takes well
 * under half the bytes at depth 1. */
static void test_mem_compressed(void **state)
{
    (void)state;
    char v[64];
    struct quicklist *a = ql_new(-2), *b = ql_new(-2);
    ql_set_depth(b, 1);
    for (int i = 0; i < 20000; i++) {
        snprintf(v, sizeof(v), "v%d", i);
        ql_push(a, QL_TAIL, v, strlen(v));
        cval(v, sizeof(v), i);
        ql_push(a, QL_TAIL, v, strlen(v));
        snprintf(v, sizeof(v), "v%d", i);
        ql_push(b, QL_TAIL, v, strlen(v));
        cval(v, sizeof(v), i);
        ql_push(b, QL_TAIL, v, strlen(v));
    }
    assert_true(b->ncompressed > 0);
    assert_int_equal(b->ncompressed, b->nnodes - 2);
    assert_true(ql_mem(b) * 2 < ql_mem(a));
    ql_free(a);
    ql_free(b);
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

static void random_ops(int fill, int depth, int steps)
{
    static char v[4096];
    struct quicklist *ql = ql_new(fill);
    ql_set_depth(ql, depth);
    struct model m = {.n = 0};
    size_t max_compressed = 0, max_nodes = 0;
    struct ql_iter it;
    struct lp_entry e;
    for (int step = 0; step < steps; step++) {
        int op = rand() % 100;
        random_value(v, sizeof(v));
        /* With compression on, lean towards pushes so lists grow past
         * 2 * depth + 1 nodes. */
        int grow = depth > 0 && m.n < MODEL_MAX - 10 && rand() % 2 == 0;
        if (op < 45 || m.n == 0 || grow) {
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
        if (ql->ncompressed > max_compressed)
            max_compressed = ql->ncompressed;
        if (ql->nnodes > max_nodes)
            max_nodes = ql->nnodes;
    }
    (void)max_nodes;
    /* The run must have exercised compression when it was on. */
    if (depth > 0)
        assert_true(max_compressed > 0);
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
            random_ops(fills[i], depth, 2500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_and_count_fill),
        cmocka_unit_test(test_byte_fill),
        cmocka_unit_test(test_iter_delete_both_ways),
        cmocka_unit_test(test_insert_splits_full_node),
        cmocka_unit_test(test_replace_dup_del_range),
        cmocka_unit_test(test_compress_depth_boundaries),
        cmocka_unit_test(test_access_and_settle),
        cmocka_unit_test(test_compress_size_rule),
        cmocka_unit_test(test_ops_across_compressed),
        cmocka_unit_test(test_insert_adds_two_nodes),
        cmocka_unit_test(test_set_depth_and_dup),
        cmocka_unit_test(test_mem_compressed),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_random_compressed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
