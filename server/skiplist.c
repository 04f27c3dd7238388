/* skiplist: ordered (score, member) index with spans; see skiplist.h.
 *
 * Levels are drawn with p = 1/4 (expected 1.33 links per node), capped at
 * SL_MAXLEVEL, which is plenty for 2^64 elements.
 */
#include <stdint.h>
#include <string.h>

#include "mem.h"
#include "skiplist.h"

/* A node of the given level holding a copy of ele (NULL: the head, no
 * member). One allocation; links and spans start zeroed. */
static struct sl_node *node_new(int level, double score, const char *ele, size_t len)
{
    size_t hdr = sizeof(struct sl_node) + (size_t)level * sizeof(struct sl_level);
    struct sl_node *n = mem_alloc(hdr + len + 1);
    memset(n, 0, hdr);
    n->score = score;
    n->len = (uint32_t)len;
    n->level = (uint8_t)level;
    char *p = (char *)n + hdr;
    if (len)
        memcpy(p, ele, len);
    p[len] = '\0';
    return n;
}

static void node_free(struct sl_node *n)
{
    mem_free(n);
}

struct skiplist *sl_create(void)
{
    struct skiplist *sl = mem_calloc(1, sizeof(*sl));
    sl->level = 1;
    sl->head = node_new(SL_MAXLEVEL, 0, NULL, 0);
    return sl;
}

void sl_free(struct skiplist *sl)
{
    struct sl_node *n = sl->head->lv[0].fwd;
    while (n) {
        struct sl_node *next = n->lv[0].fwd;
        node_free(n);
        n = next;
    }
    node_free(sl->head);
    mem_free(sl);
}

size_t sl_mem(const struct skiplist *sl)
{
    size_t total = mem_size(sl) + mem_size(sl->head);
    for (struct sl_node *n = sl->head->lv[0].fwd; n; n = n->lv[0].fwd)
        total += mem_size(n);
    return total;
}

int sl_cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t m = alen < blen ? alen : blen;
    int r = m ? memcmp(a, b, m) : 0;
    if (r)
        return r;
    return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

/* Does node n sort before (score, ele)? */
static int before(const struct sl_node *n, double score, const char *ele, size_t len)
{
    return n->score < score || (n->score == score && sl_cmp_bytes(sl_ele(n), n->len, ele, len) < 0);
}

/* Level of a new node in sl: 1 + the number of leading zero bit pairs of
 * a xorshift64* draw, so each further level has probability 1/4, capped at
 * 1 + floor(log4(n)) for the n nodes sl will hold. The cap only clips the
 * rare outliers (about one node in n draws that high) that would give
 * every later search extra nearly empty levels to cross; it is Pugh's
 * "start the search at level log(n)" advice applied when drawing. A
 * private generator (fixed seed: levels shape cost, never results) is
 * much cheaper than random(). */
#ifndef SL_LEVEL_SEED
#define SL_LEVEL_SEED 0x9E3779B97F4A7C15ULL /* any non-zero value */
#endif
static int random_level(const struct skiplist *sl)
{
    static uint64_t state = SL_LEVEL_SEED;
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    uint64_t r = state * 0x2545F4914F6CDD1DULL;
    /* Count from the top (the best bits of xorshift64*); at most 31 pairs. */
    int level = 1 + __builtin_clzll(r | 1) / 2;
    unsigned long long n = (unsigned long long)sl->length + 1;
    int cap = 1 + (63 - __builtin_clzll(n)) / 2;
    if (cap > SL_MAXLEVEL)
        cap = SL_MAXLEVEL;
    return level < cap ? level : cap;
}

/* Link node x (its level, score and member set) into place: find the
 * predecessor at each level (and its rank), splice x in and fix the
 * spans. O(log n) expected. */
static void link_node(struct skiplist *sl, struct sl_node *x)
{
    struct sl_node *update[SL_MAXLEVEL], *p = sl->head, *f;
    unsigned long rank[SL_MAXLEVEL], r = 0;
    const char *ele = sl_ele(x);
    const double score = x->score;
    const size_t len = x->len;
    int level = x->level, top = sl->level;
    for (int i = top - 1; i >= 0; i--) {
        while ((f = p->lv[i].fwd) != NULL && before(f, score, ele, len)) {
            r += p->lv[i].span;
            p = f;
        }
        update[i] = p;
        rank[i] = r;
    }
    if (level > top) {
        for (int i = top; i < level; i++) {
            rank[i] = 0;
            update[i] = sl->head;
            update[i]->lv[i].span = sl->length;
        }
        sl->level = level;
        top = level;
    }
    for (int i = 0; i < level; i++) {
        x->lv[i].fwd = update[i]->lv[i].fwd;
        update[i]->lv[i].fwd = x;
        x->lv[i].span = update[i]->lv[i].span - (r - rank[i]);
        update[i]->lv[i].span = (r - rank[i]) + 1;
    }
    for (int i = level; i < top; i++)
        update[i]->lv[i].span++;
    x->back = update[0] == sl->head ? NULL : update[0];
    if (x->lv[0].fwd)
        x->lv[0].fwd->back = x;
    else
        sl->tail = x;
    sl->length++;
}

struct sl_node *sl_insert(struct skiplist *sl, double score, const char *ele, size_t len)
{
    struct sl_node *x = node_new(random_level(sl), score, ele, len);
    link_node(sl, x);
    return x;
}

/* Unlink x given its predecessors at every level; does not free it. */
static void unlink_node(struct skiplist *sl, struct sl_node *x, struct sl_node **update)
{
    for (int i = 0; i < sl->level; i++) {
        if (update[i]->lv[i].fwd == x) {
            update[i]->lv[i].span += x->lv[i].span - 1;
            update[i]->lv[i].fwd = x->lv[i].fwd;
        } else {
            update[i]->lv[i].span--;
        }
    }
    if (x->lv[0].fwd)
        x->lv[0].fwd->back = x->back;
    else
        sl->tail = x->back;
    while (sl->level > 1 && sl->head->lv[sl->level - 1].fwd == NULL)
        sl->level--;
    sl->length--;
}

/* Find (score, ele) and the predecessors; returns the node or NULL. */
static struct sl_node *find(struct skiplist *sl, double score, const char *ele, size_t len,
                            struct sl_node **update)
{
    struct sl_node *x = sl->head;
    for (int i = sl->level - 1; i >= 0; i--) {
        while (x->lv[i].fwd && before(x->lv[i].fwd, score, ele, len))
            x = x->lv[i].fwd;
        update[i] = x;
    }
    x = x->lv[0].fwd;
    if (x && x->score == score && sl_cmp_bytes(sl_ele(x), x->len, ele, len) == 0)
        return x;
    return NULL;
}

int sl_delete(struct skiplist *sl, double score, const char *ele, size_t len)
{
    struct sl_node *update[SL_MAXLEVEL];
    struct sl_node *x = find(sl, score, ele, len, update);
    if (!x)
        return 0;
    unlink_node(sl, x, update);
    node_free(x);
    return 1;
}

void sl_delete_node(struct skiplist *sl, struct sl_node *n)
{
    struct sl_node *update[SL_MAXLEVEL];
    struct sl_node *x = find(sl, n->score, sl_ele(n), n->len, update);
    if (x) {
        unlink_node(sl, x, update);
        node_free(x);
    }
}

/* Update a score: in place when the order is unchanged, else unlink the
 * node and link it again at its new place (same node). O(log n). */
struct sl_node *sl_update(struct skiplist *sl, double cur, const char *ele, size_t len,
                          double score)
{
    struct sl_node *update[SL_MAXLEVEL];
    struct sl_node *x = find(sl, cur, ele, len, update);
    if (!x)
        return NULL;
    int prev_ok =
        x->back == NULL || x->back->score < score ||
        (x->back->score == score && sl_cmp_bytes(sl_ele(x->back), x->back->len, ele, len) < 0);
    struct sl_node *nx = x->lv[0].fwd;
    int next_ok = nx == NULL || nx->score > score ||
                  (nx->score == score && sl_cmp_bytes(sl_ele(nx), nx->len, ele, len) > 0);
    if (prev_ok && next_ok) {
        x->score = score;
        return x;
    }
    unlink_node(sl, x, update);
    x->score = score;
    link_node(sl, x);
    return x;
}

/* Does node n sort after (score, ele)? */
static int after(const struct sl_node *n, double score, const char *ele, size_t len)
{
    return n->score > score || (n->score == score && sl_cmp_bytes(sl_ele(n), n->len, ele, len) > 0);
}

/* Set x's score: in place when it still sorts between its level-0
 * neighbours (no walk), else unlink x and link it again (two walks). */
void sl_update_node(struct skiplist *sl, struct sl_node *x, double score)
{
    const char *ele = sl_ele(x);
    if ((x->back == NULL || before(x->back, score, ele, x->len)) &&
        (x->lv[0].fwd == NULL || after(x->lv[0].fwd, score, ele, x->len))) {
        x->score = score;
        return;
    }
    struct sl_node *update[SL_MAXLEVEL];
    find(sl, x->score, ele, x->len, update);
    unlink_node(sl, x, update);
    x->score = score;
    link_node(sl, x);
}

unsigned long sl_rank(const struct skiplist *sl, double score, const char *ele, size_t len)
{
    const struct sl_node *x = sl->head;
    unsigned long rank = 0;
    for (int i = sl->level - 1; i >= 0; i--) {
        while (x->lv[i].fwd &&
               (before(x->lv[i].fwd, score, ele, len) ||
                (x->lv[i].fwd->score == score &&
                 sl_cmp_bytes(sl_ele(x->lv[i].fwd), x->lv[i].fwd->len, ele, len) == 0))) {
            rank += x->lv[i].span;
            x = x->lv[i].fwd;
        }
        if (x != sl->head && x->score == score && sl_cmp_bytes(sl_ele(x), x->len, ele, len) == 0)
            return rank;
    }
    return 0;
}

struct sl_node *sl_at_rank(const struct skiplist *sl, unsigned long rank)
{
    struct sl_node *x = sl->head;
    unsigned long seen = 0;
    if (rank == 0 || rank > sl->length)
        return NULL;
    for (int i = sl->level - 1; i >= 0; i--) {
        while (x->lv[i].fwd && seen + x->lv[i].span <= rank) {
            seen += x->lv[i].span;
            x = x->lv[i].fwd;
        }
        if (seen == rank)
            return x;
    }
    return NULL;
}

int sl_gte_min(double v, const struct sl_range *r)
{
    return r->minex ? v > r->min : v >= r->min;
}

int sl_lte_max(double v, const struct sl_range *r)
{
    return r->maxex ? v < r->max : v <= r->max;
}

int sl_lex_gte_min(const char *s, size_t len, const struct sl_lexrange *r)
{
    if (r->mininf == SL_LEX_MININF)
        return 1;
    if (r->mininf == SL_LEX_MAXINF)
        return 0;
    int c = sl_cmp_bytes(s, len, r->min, r->minlen);
    return r->minex ? c > 0 : c >= 0;
}

int sl_lex_lte_max(const char *s, size_t len, const struct sl_lexrange *r)
{
    if (r->maxinf == SL_LEX_MAXINF)
        return 1;
    if (r->maxinf == SL_LEX_MININF)
        return 0;
    int c = sl_cmp_bytes(s, len, r->max, r->maxlen);
    return r->maxex ? c < 0 : c <= 0;
}

/* Generic first/last search, with "in_min"/"in_max" predicates on a node. */
typedef int (*node_pred)(const struct sl_node *n, const void *r);

static int score_min(const struct sl_node *n, const void *r)
{
    return sl_gte_min(n->score, r);
}
static int score_max(const struct sl_node *n, const void *r)
{
    return sl_lte_max(n->score, r);
}
static int lex_min(const struct sl_node *n, const void *r)
{
    return sl_lex_gte_min(sl_ele(n), n->len, r);
}
static int lex_max(const struct sl_node *n, const void *r)
{
    return sl_lex_lte_max(sl_ele(n), n->len, r);
}

/* First node satisfying gte (monotone), then checked against lte. */
static struct sl_node *first_where(const struct skiplist *sl, node_pred gte, node_pred lte,
                                   const void *r)
{
    struct sl_node *x = sl->head;
    for (int i = sl->level - 1; i >= 0; i--)
        while (x->lv[i].fwd && !gte(x->lv[i].fwd, r))
            x = x->lv[i].fwd;
    x = x->lv[0].fwd;
    return x && lte(x, r) ? x : NULL;
}

/* Last node satisfying lte (monotone), then checked against gte. */
static struct sl_node *last_where(const struct skiplist *sl, node_pred gte, node_pred lte,
                                  const void *r)
{
    struct sl_node *x = sl->head;
    for (int i = sl->level - 1; i >= 0; i--)
        while (x->lv[i].fwd && lte(x->lv[i].fwd, r))
            x = x->lv[i].fwd;
    return x != sl->head && gte(x, r) ? x : NULL;
}

struct sl_node *sl_first_in_range(const struct skiplist *sl, const struct sl_range *r)
{
    return first_where(sl, score_min, score_max, r);
}

struct sl_node *sl_last_in_range(const struct skiplist *sl, const struct sl_range *r)
{
    return last_where(sl, score_min, score_max, r);
}

struct sl_node *sl_first_in_lex(const struct skiplist *sl, const struct sl_lexrange *r)
{
    return first_where(sl, lex_min, lex_max, r);
}

struct sl_node *sl_last_in_lex(const struct skiplist *sl, const struct sl_lexrange *r)
{
    return last_where(sl, lex_min, lex_max, r);
}
