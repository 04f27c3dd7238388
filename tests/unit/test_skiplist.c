/* Unit tests for the skiplist (server/skiplist.c): order, spans (rank and
 * node-at-rank), updates, deletes and range searches, checked against a
 * plain sorted array model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mem.h"
#include "skiplist.h"

struct model {
    double score;
    char ele[16];
};

static int cmp_model(const void *a, const void *b)
{
    const struct model *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return sl_cmp_bytes(x->ele, strlen(x->ele), y->ele, strlen(y->ele));
}

/* Check the whole list against the sorted model: order, back links, rank
 * and node-at-rank for every element. */
static void check(struct skiplist *sl, struct model *m, size_t n)
{
    qsort(m, n, sizeof(*m), cmp_model);
    assert_int_equal(sl->length, n);
    struct sl_node *x = sl->head->next, *prev = NULL;
    for (size_t i = 0; i < n; i++, x = x->next) {
        assert_non_null(x);
        assert_true(x->score == m[i].score);
        assert_string_equal(sl_ele(x), m[i].ele);
        assert_ptr_equal(x->back, prev);
        assert_int_equal(sl_rank(sl, m[i].score, m[i].ele, strlen(m[i].ele)), i + 1);
        assert_ptr_equal(sl_at_rank(sl, i + 1), x);
        prev = x;
    }
    assert_null(x);
    assert_ptr_equal(sl->tail, prev);
    assert_null(sl_at_rank(sl, n + 1));
    assert_null(sl_at_rank(sl, 0));
}

static void test_insert_rank_delete(void **state)
{
    (void)state;
    enum { N = 2000 };
    static struct model m[N];
    struct skiplist *sl = sl_create();
    srandom(7);
    for (int i = 0; i < N; i++) {
        m[i].score = (double)(random() % 100); /* many ties: member order matters */
        snprintf(m[i].ele, sizeof(m[i].ele), "e%d", i);
        sl_insert(sl, m[i].score, m[i].ele, strlen(m[i].ele));
    }
    check(sl, m, N);
    assert_int_equal(sl_rank(sl, 1000, "nope", 4), 0);
    /* delete every third element */
    size_t n = 0;
    for (int i = 0; i < N; i++) {
        if (i % 3 == 0)
            assert_int_equal(sl_delete(sl, m[i].score, m[i].ele, strlen(m[i].ele)), 1);
        else
            m[n++] = m[i];
    }
    assert_int_equal(sl_delete(sl, -1, "x", 1), 0);
    check(sl, m, n);
    /* update scores: some in place, some moving */
    for (size_t i = 0; i < n; i += 5) {
        double ns = (i % 2) ? m[i].score : (double)(random() % 200) - 50;
        struct sl_node *old = sl_at_rank(sl, sl_rank(sl, m[i].score, m[i].ele, strlen(m[i].ele)));
        struct sl_node *x = sl_update(sl, m[i].score, m[i].ele, strlen(m[i].ele), ns);
        assert_non_null(x);
        assert_ptr_equal(x, old); /* the node keeps its address (the index relies on it) */
        assert_true(x->score == ns);
        m[i].score = ns;
    }
    check(sl, m, n);
    sl_free(sl);
}

/* Members are stored inline, binary-safe; sl_delete_node unlinks a node. */
static void test_inline_members(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    struct sl_node *e = sl_insert(sl, 1, "", 0);
    struct sl_node *b = sl_insert(sl, 1, "a\0b", 3);
    struct sl_node *l = sl_insert(sl, 0, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 40);
    assert_int_equal(e->len, 0);
    assert_string_equal(sl_ele(e), "");
    assert_int_equal(b->len, 3);
    assert_memory_equal(sl_ele(b), "a\0b", 4);
    assert_int_equal(sl_rank(sl, 1, "a\0b", 3), 3);
    assert_int_equal(sl_rank(sl, 0, sl_ele(l), 40), 1);
    sl_delete_node(sl, e);
    assert_int_equal(sl->length, 2);
    assert_ptr_equal(sl_at_rank(sl, 2), b);
    assert_ptr_equal(sl->tail, b);
    assert_ptr_equal(b->back, l);
    sl_delete_node(sl, b);
    assert_ptr_equal(sl->tail, l);
    assert_int_equal(sl_rank(sl, 1, "a\0b", 3), 0);
    sl_free(sl);
}

static void test_ranges(void **state)
{
    (void)state;
    struct skiplist *sl = sl_create();
    const char *names[] = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < 5; i++)
        sl_insert(sl, i + 1, names[i], 1);
    struct sl_range r = {2, 4, 0, 0};
    assert_string_equal(sl_ele(sl_first_in_range(sl, &r)), "b");
    assert_string_equal(sl_ele(sl_last_in_range(sl, &r)), "d");
    r.minex = r.maxex = 1;
    assert_string_equal(sl_ele(sl_first_in_range(sl, &r)), "c");
    assert_string_equal(sl_ele(sl_last_in_range(sl, &r)), "c");
    struct sl_range empty = {6, 10, 0, 0};
    assert_null(sl_first_in_range(sl, &empty));
    assert_null(sl_last_in_range(sl, &empty));
    struct sl_range gap = {2.5, 2.7, 0, 0};
    assert_null(sl_first_in_range(sl, &gap));
    assert_null(sl_last_in_range(sl, &gap));
    sl_free(sl);

    /* lex ranges over equal scores */
    sl = sl_create();
    for (int i = 0; i < 5; i++)
        sl_insert(sl, 0, names[i], 1);
    struct sl_lexrange lr = {.min = "b", .minlen = 1, .max = "d", .maxlen = 1};
    assert_string_equal(sl_ele(sl_first_in_lex(sl, &lr)), "b");
    assert_string_equal(sl_ele(sl_last_in_lex(sl, &lr)), "d");
    lr.minex = 1;
    lr.maxex = 1;
    assert_string_equal(sl_ele(sl_first_in_lex(sl, &lr)), "c");
    assert_string_equal(sl_ele(sl_last_in_lex(sl, &lr)), "c");
    struct sl_lexrange all = {.mininf = SL_LEX_MININF, .maxinf = SL_LEX_MAXINF};
    assert_string_equal(sl_ele(sl_first_in_lex(sl, &all)), "a");
    assert_string_equal(sl_ele(sl_last_in_lex(sl, &all)), "e");
    struct sl_lexrange none = {.mininf = SL_LEX_MAXINF, .maxinf = SL_LEX_MAXINF};
    assert_null(sl_first_in_lex(sl, &none));
    sl_free(sl);
}

static void test_cmp_bytes(void **state)
{
    (void)state;
    assert_true(sl_cmp_bytes("a", 1, "ab", 2) < 0);
    assert_true(sl_cmp_bytes("b", 1, "ab", 2) > 0);
    assert_int_equal(sl_cmp_bytes("a\0b", 3, "a\0b", 3), 0);
    assert_true(sl_cmp_bytes("a\0a", 3, "a\0b", 3) < 0);
    assert_true(sl_cmp_bytes("", 0, "a", 1) < 0);
    assert_true(sl_cmp_bytes("\xff", 1, "a", 1) > 0); /* unsigned bytes */
}

/* Find the model entry for ele (the model is re-sorted by check()). */
static struct model *model_find(struct model *m, size_t n, const char *ele)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].ele, ele) == 0)
            return &m[i];
    return NULL;
}

/* sl_update_node on the node of ele: the node keeps its address, the
 * list matches the model afterwards (order, spans, back links, tail). */
static void update_and_check(struct skiplist *sl, struct model *m, size_t n, const char *ele,
                             double score)
{
    struct model *e = model_find(m, n, ele);
    assert_non_null(e);
    unsigned long r = sl_rank(sl, e->score, ele, strlen(ele));
    struct sl_node *x = sl_at_rank(sl, r);
    sl_update_node(sl, x, score);
    assert_true(x->score == score);
    e->score = score;
    check(sl, m, n);
    assert_ptr_equal(sl_at_rank(sl, sl_rank(sl, score, ele, strlen(ele))), x);
}

/* In-place updates (the new score keeps the node between its neighbours)
 * and moves, at ties with a neighbour's score on either side. */
static void test_update_node_neighbours(void **state)
{
    (void)state;
    struct model m[] = {{1, "m"}, {2, "b"}, {2, "c"}, {3, "y"}, {4, "d"}, {5, "z"}};
    size_t n = sizeof(m) / sizeof(m[0]);
    struct skiplist *sl = sl_create();
    for (size_t i = 0; i < n; i++)
        sl_insert(sl, m[i].score, m[i].ele, strlen(m[i].ele));
    check(sl, m, n);
    update_and_check(sl, m, n, "c", 2.5); /* between b(2) and y(3): in place */
    update_and_check(sl, m, n, "c", 2);   /* tie with b, "c" > "b": stays after it */
    update_and_check(sl, m, n, "b", 1);   /* tie with m, "b" < "m": must move before m */
    assert_string_equal(sl_ele(sl_at_rank(sl, 1)), "b");
    update_and_check(sl, m, n, "y", 4); /* tie with d, "y" > "d": must move after d */
    assert_string_equal(sl_ele(sl_at_rank(sl, 5)), "y");
    update_and_check(sl, m, n, "d", 2);      /* tie with c, "d" > "c": in place */
    update_and_check(sl, m, n, "c", 2);      /* unchanged score */
    update_and_check(sl, m, n, "b", -100);   /* first node going down: in place */
    update_and_check(sl, m, n, "z", 1e300);  /* last node going up: in place */
    update_and_check(sl, m, n, "z", -1e300); /* last node to the front */
    assert_string_equal(sl_ele(sl_at_rank(sl, 1)), "z");
    assert_string_equal(sl_ele(sl->tail), "y");
    update_and_check(sl, m, n, "y", 0); /* tail to the middle: tail moves back */
    sl_free(sl);
}

/* Random updates, many to a neighbour's exact score, against the model. */
static void test_update_node_random(void **state)
{
    (void)state;
    enum { N = 300 };
    static struct model m[N];
    struct skiplist *sl = sl_create();
    srandom(11);
    for (int i = 0; i < N; i++) {
        m[i].score = (double)(random() % 50);
        snprintf(m[i].ele, sizeof(m[i].ele), "k%d", (int)(random() % 100000) * N + i);
        sl_insert(sl, m[i].score, m[i].ele, strlen(m[i].ele));
    }
    check(sl, m, N);
    for (int round = 0; round < 600; round++) {
        unsigned long r = 1 + (unsigned long)random() % N;
        struct sl_node *x = sl_at_rank(sl, r);
        double ns;
        switch (random() % 4) {
        case 0: /* a neighbour's score: in place or a move by member order */
            ns = x->back ? x->back->score : x->score - 1;
            break;
        case 1:
            ns = x->next ? x->next->score : x->score + 1;
            break;
        case 2: /* a small step: often keeps the place */
            ns = x->score + ((random() % 2) ? 0.25 : -0.25);
            break;
        default:
            ns = (double)(random() % 50);
            break;
        }
        char ele[16];
        snprintf(ele, sizeof(ele), "%s", sl_ele(x));
        sl_update_node(sl, x, ns);
        assert_true(x->score == ns);
        model_find(m, N, ele)->score = ns;
        if (round % 50 == 0)
            check(sl, m, N);
    }
    check(sl, m, N);
    sl_free(sl);
}

/* Links whose score copy differs from the node they lead to, over every
 * level (bitwise: a copy is always an exact copy). */
static int stale_copies(const struct skiplist *sl)
{
    int bad = 0;
    for (int i = 1; i < sl->level; i++)
        for (const struct sl_node *p = sl->head; p->up[i - 1].fwd; p = p->up[i - 1].fwd)
            if (memcmp(&p->up[i - 1].score, &p->up[i - 1].fwd->score, sizeof(double)) != 0)
                bad++;
    return bad;
}

/* sl_mem() recomputed by walking every node (sl_mem keeps a count). */
static size_t walked_mem(const struct skiplist *sl)
{
    size_t total = mem_size(sl) + mem_size(sl->head);
    for (const struct sl_node *n = sl->head->next; n; n = n->next)
        total += mem_size(n);
    return total;
}

/* A score strictly between x's level-0 neighbours (x keeps its place:
 * sl_update_node updates in place), or x's own score if there is none. */
static double score_between(const struct sl_node *x)
{
    double lo = x->back ? x->back->score : x->score - 2;
    double hi = x->next ? x->next->score : x->score + 2;
    double mid = lo + (hi - lo) / 2;
    return mid > lo && mid < hi ? mid : x->score;
}

/* The link score copies stay equal to the nodes' scores through random
 * inserts, deletes (by value and by node), in-place updates at every node
 * (all levels, so predecessors found by walking back and by searching)
 * and moving updates; a deliberately stale copy is caught. The running
 * byte count behind sl_mem() stays equal to a walk over the nodes. */
static void test_link_score_copies(void **state)
{
    (void)state;
    enum { N = 3000 };
    static char live[N];
    static double sc[N];
    struct skiplist *sl = sl_create();
    char ele[16];
    srandom(23);
    for (int round = 0; round < 12000; round++) {
        int k = (int)(random() % N);
        snprintf(ele, sizeof(ele), "m%d", k);
        size_t len = strlen(ele);
        double ns = (double)(random() % 500) * 0.5;
        if (!live[k]) {
            sl_insert(sl, ns, ele, len);
            live[k] = 1;
        } else if (random() % 4 == 0) {
            if (random() % 2) {
                assert_int_equal(sl_delete(sl, sc[k], ele, len), 1);
            } else {
                unsigned long r = sl_rank(sl, sc[k], ele, len);
                sl_delete_node(sl, sl_at_rank(sl, r));
            }
            live[k] = 0;
        } else if (random() % 2) {
            assert_non_null(sl_update(sl, sc[k], ele, len, ns));
        } else {
            struct sl_node *x = sl_at_rank(sl, sl_rank(sl, sc[k], ele, len));
            if (random() % 2)
                ns = score_between(x);
            sl_update_node(sl, x, ns);
        }
        sc[k] = ns;
        if (round % 500 == 0) {
            assert_int_equal(stale_copies(sl), 0);
            assert_int_equal(sl_mem(sl), walked_mem(sl));
        }
    }
    assert_int_equal(stale_copies(sl), 0);
    assert_int_equal(sl_mem(sl), walked_mem(sl));
    /* In place at every node, tallest levels included. */
    int tall = 0;
    for (struct sl_node *x = sl->head->next; x; x = x->next) {
        tall += x->level > 3;
        struct sl_node *b = x->back;
        sl_update_node(sl, x, score_between(x));
        assert_ptr_equal(x->back, b); /* really in place */
    }
    assert_true(tall > 0);
    assert_int_equal(stale_copies(sl), 0);
    /* The checker sees a stale copy. */
    struct sl_level *l = &sl->head->up[0];
    assert_non_null(l->fwd);
    l->score += 1;
    assert_int_equal(stale_copies(sl), 1);
    l->score -= 1;
    assert_int_equal(stale_copies(sl), 0);
    sl_free(sl);
}

/* Full structural check, independent of sl_rank/sl_at_rank: at every level
 * i the links from the head visit exactly the nodes taller than i, in
 * level-0 order; each span is the level-0 distance it jumps (a NULL link's
 * span counts the nodes after its owner); score copies are exact; back
 * links, tail, length and sl->level (top level non-empty) agree. */
static void check_links(const struct skiplist *sl)
{
    enum { MAXN = 4096 };
    static const struct sl_node *pos_node[MAXN + 1];
    unsigned long n = 0;
    const struct sl_node *prev = NULL;
    for (const struct sl_node *x = sl->head->next; x; x = x->next) {
        assert_true(n < MAXN);
        assert_ptr_equal(x->back, prev);
        assert_true(x->level >= 1 && (int)x->level <= sl->level);
        if (prev)
            assert_true(prev->score < x->score ||
                        (prev->score == x->score &&
                         sl_cmp_bytes(sl_ele(prev), prev->len, sl_ele(x), x->len) < 0));
        pos_node[++n] = x;
        prev = x;
    }
    assert_int_equal(n, sl->length);
    assert_ptr_equal(sl->tail, prev);
    if (sl->level > 1)
        assert_non_null(sl->head->up[sl->level - 2].fwd);
    for (int i = sl->level; i < SL_MAXLEVEL; i++)
        assert_null(sl->head->up[i - 1].fwd);
    for (int i = 1; i < sl->level; i++) {
        const struct sl_node *p = sl->head;
        unsigned long at = 0; /* p's position, 0 for the head */
        for (;;) {
            unsigned long next = at + 1;
            while (next <= n && (int)pos_node[next]->level <= i)
                next++;
            const struct sl_level *l = &p->up[i - 1];
            if (next > n) {
                assert_null(l->fwd);
                assert_int_equal(l->span, n - at);
                break;
            }
            assert_ptr_equal(l->fwd, pos_node[next]);
            assert_int_equal(l->span, next - at);
            assert_memory_equal(&l->score, &pos_node[next]->score, sizeof(double));
            p = l->fwd;
            at = next;
        }
    }
}

/* Every move of every node: a list of 64 nodes at even scores (members
 * named against the score order, so ties break both ways), tall nodes
 * included; each node goes to every gap (odd scores), onto every other
 * node's exact score (member order decides the side), to both ends and
 * past them, then back; the full structure is checked after each move. */
static void test_move_every_place(void **state)
{
    (void)state;
    enum { N = 64 };
    static struct model m[N];
    struct skiplist *sl = sl_create();
    for (int i = 0; i < N; i++) {
        m[i].score = 2.0 * i;
        snprintf(m[i].ele, sizeof(m[i].ele), "e%02d", (i * 37) % N);
        sl_insert(sl, m[i].score, m[i].ele, strlen(m[i].ele));
    }
    check(sl, m, N);
    check_links(sl);
    int tall = 0, moves = 0;
    for (struct sl_node *x = sl->head->next; x; x = x->next)
        tall += x->level >= 3;
    assert_true(tall > 0);
    for (int k = 0; k < N; k++) {
        char ele[16];
        snprintf(ele, sizeof(ele), "e%02d", (k * 37) % N);
        const double home = 2.0 * k;
        for (int t = -2; t <= 2 * N + 1; t++) {
            struct sl_node *x = sl_at_rank(sl, sl_rank(sl, home, ele, strlen(ele)));
            assert_string_equal(sl_ele(x), ele);
            unsigned long before = sl_rank(sl, home, ele, strlen(ele));
            sl_update_node(sl, x, (double)t);
            check_links(sl);
            unsigned long after = sl_rank(sl, (double)t, ele, strlen(ele));
            assert_ptr_equal(sl_at_rank(sl, after), x);
            moves += after != before;
            sl_update_node(sl, x, home);
            check_links(sl);
            assert_int_equal(sl_rank(sl, home, ele, strlen(ele)), before);
        }
    }
    assert_true(moves > N * N); /* most of them really moved */
    check(sl, m, N);
    sl_free(sl);
}

/* Random moves in a bigger list with many score ties, tall nodes and
 * adjacent targets (a neighbour's or a next-but-one neighbour's score),
 * structure checked after every operation; inserts and deletes mixed in
 * so sl->level rises and falls. */
static void test_move_random_structure(void **state)
{
    (void)state;
    enum { N = 1500 };
    static char live[N];
    static double sc[N];
    struct skiplist *sl = sl_create();
    char ele[16];
    srandom(99);
    for (int round = 0; round < 6000; round++) {
        int k = (int)(random() % N);
        snprintf(ele, sizeof(ele), "m%d", k);
        size_t len = strlen(ele);
        double ns = (double)(random() % 200);
        if (!live[k]) {
            sl_insert(sl, ns, ele, len);
            live[k] = 1;
        } else if (random() % 8 == 0) {
            assert_int_equal(sl_delete(sl, sc[k], ele, len), 1);
            live[k] = 0;
        } else {
            struct sl_node *x = sl_at_rank(sl, sl_rank(sl, sc[k], ele, len));
            switch (random() % 4) {
            case 0:
                if (x->back && x->back->back)
                    ns = x->back->back->score;
                break;
            case 1:
                if (x->next && x->next->next)
                    ns = x->next->next->score;
                break;
            case 2:
                ns = random() % 2 ? -1 : 1000; /* to the head or the tail */
                break;
            default:
                break;
            }
            sl_update_node(sl, x, ns);
            assert_true(x->score == ns);
        }
        sc[k] = ns;
        if (round < 1500 || round % 10 == 0)
            check_links(sl);
    }
    check_links(sl);
    sl_free(sl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_rank_delete),
        cmocka_unit_test(test_inline_members),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_cmp_bytes),
        cmocka_unit_test(test_update_node_neighbours),
        cmocka_unit_test(test_update_node_random),
        cmocka_unit_test(test_link_score_copies),
        cmocka_unit_test(test_move_every_place),
        cmocka_unit_test(test_move_random_structure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
