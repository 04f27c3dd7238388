/* skiplist: ordered (score, member) index with spans; see skiplist.h.
 *
 * Levels are drawn with p = 1/4 (expected 1.33 links per node), capped at
 * SL_MAXLEVEL, which is plenty for 2^64 elements. Level 0 is a node's
 * next pointer (span 1, no score copy); level i >= 1 is up[i - 1], whose
 * score copy lets a walk drop a level without reading the forward node.
 */
#include <stdint.h>
#include <string.h>

#include "mem.h"
#include "skiplist.h"

/* A node of the given level holding a copy of ele (NULL: the head, no
 * member). One allocation; links, copies and spans start zeroed. */
static struct sl_node *node_new(int level, double score, const char *ele, size_t len)
{
    size_t hdr = sizeof(struct sl_node) + (size_t)(level - 1) * sizeof(struct sl_level);
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
    sl->bytes = mem_size(sl->head);
    return sl;
}

void sl_free(struct skiplist *sl)
{
    struct sl_node *n = sl->head->next;
    while (n) {
        struct sl_node *next = n->next;
        node_free(n);
        n = next;
    }
    node_free(sl->head);
    mem_free(sl);
}

size_t sl_mem(const struct skiplist *sl)
{
    return mem_size(sl) + sl->bytes;
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

/* Does link l (fwd non-NULL) lead to a node sorting before (score, ele)?
 * Reads only the link's score copy unless the scores tie. */
static inline int link_before(const struct sl_level *l, double score, const char *ele, size_t len)
{
    return l->score < score ||
           (l->score == score && sl_cmp_bytes(sl_ele(l->fwd), l->fwd->len, ele, len) < 0);
}

/* Walk from the head to the last node before (score, ele) at every level
 * below sl->level, into update[] (and, if rank is not NULL, the rank of
 * each of those nodes into rank[]). Upper levels decide on the links'
 * score copies. Returns the level-0 predecessor. O(log n) expected.
 * Always inlined, so the callers' constant rank (NULL or not) drops the
 * span reads from the searches that do not need them. */
static inline __attribute__((always_inline)) struct sl_node *
walk(const struct skiplist *sl, double score, const char *ele, size_t len, struct sl_node **update,
     unsigned long *rank)
{
    struct sl_node *p = sl->head;
    unsigned long r = 0;
    for (int i = sl->level - 1; i >= 1; i--) {
        struct sl_level *l;
        while ((l = &p->up[i - 1])->fwd != NULL && link_before(l, score, ele, len)) {
            if (rank)
                r += l->span;
            p = l->fwd;
        }
        update[i] = p;
        if (rank)
            rank[i] = r;
    }
    while (p->next != NULL && before(p->next, score, ele, len)) {
        r++;
        p = p->next;
    }
    update[0] = p;
    if (rank)
        rank[0] = r;
    return p;
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

/* Splice x (level, score and member set; not linked) in after update[i]
 * at each level i below top (sl->level, at least x's level), whose ranks
 * are rank[i] in the list without x: fixes spans, score copies and back
 * links. Does not change sl->length. */
static void splice(struct skiplist *sl, struct sl_node *x, struct sl_node **update,
                   const unsigned long *rank, int top)
{
    const double score = x->score;
    const unsigned long r = rank[0];
    int level = x->level;
    for (int i = 1; i < level; i++) {
        struct sl_level *u = &update[i]->up[i - 1], *l = &x->up[i - 1];
        l->fwd = u->fwd; /* x takes over u's target and its score copy */
        l->score = u->score;
        l->span = (uint32_t)(u->span - (r - rank[i]));
        u->fwd = x;
        u->score = score;
        u->span = (uint32_t)(r - rank[i] + 1);
    }
    for (int i = level; i < top; i++)
        update[i]->up[i - 1].span++;
    x->next = update[0]->next;
    update[0]->next = x;
    x->back = update[0] == sl->head ? NULL : update[0];
    if (x->next)
        x->next->back = x;
    else
        sl->tail = x;
}

/* Link node x (its level, score and member set) into place: find the
 * predecessor at each level (and its rank), splice x in and fix the
 * spans and score copies. O(log n) expected. */
static void link_node(struct skiplist *sl, struct sl_node *x)
{
    struct sl_node *update[SL_MAXLEVEL];
    unsigned long rank[SL_MAXLEVEL];
    int level = x->level, top = sl->level;
    walk(sl, x->score, sl_ele(x), x->len, update, rank);
    if (level > top) {
        for (int i = top; i < level; i++) {
            rank[i] = 0;
            update[i] = sl->head;
            sl->head->up[i - 1].span = (uint32_t)sl->length;
        }
        sl->level = level;
        top = level;
    }
    splice(sl, x, update, rank, top);
    sl->length++;
}

struct sl_node *sl_insert(struct skiplist *sl, double score, const char *ele, size_t len)
{
    struct sl_node *x = node_new(random_level(sl), score, ele, len);
    sl->bytes += mem_size(x);
    link_node(sl, x);
    return x;
}

/* Take x out of the links given its predecessors at every level below
 * sl->level (update[0] may be the head); leaves sl->level and
 * sl->length alone and does not free x. */
static void unlink_links(struct skiplist *sl, struct sl_node *x, struct sl_node **update)
{
    for (int i = 1; i < sl->level; i++) {
        struct sl_level *u = &update[i]->up[i - 1];
        if (u->fwd == x) {
            const struct sl_level *l = &x->up[i - 1];
            u->span += l->span - 1;
            u->fwd = l->fwd;
            u->score = l->score;
        } else {
            u->span--;
        }
    }
    update[0]->next = x->next;
    if (x->next)
        x->next->back = x->back;
    else
        sl->tail = x->back;
}

/* Unlink x given its predecessors at every level; does not free it. */
static void unlink_node(struct skiplist *sl, struct sl_node *x, struct sl_node **update)
{
    unlink_links(sl, x, update);
    while (sl->level > 1 && sl->head->up[sl->level - 2].fwd == NULL)
        sl->level--;
    sl->length--;
}

/* Find (score, ele) and the predecessors; returns the node or NULL. */
static struct sl_node *find(struct skiplist *sl, double score, const char *ele, size_t len,
                            struct sl_node **update)
{
    struct sl_node *x = walk(sl, score, ele, len, update, NULL)->next;
    if (x && x->score == score && sl_cmp_bytes(sl_ele(x), x->len, ele, len) == 0)
        return x;
    return NULL;
}

/* Predecessors of linked node x at its levels 1 and up, into update[]:
 * walks back along level 0 (the nearest node before x with more than i
 * levels is x's predecessor at level i), at most a few steps, else falls
 * back to a search from the head. */
static void preds_of(struct skiplist *sl, struct sl_node *x, struct sl_node **update)
{
    struct sl_node *p = x->back;
    int i = 1, steps = 0;
    while (i < (int)x->level && steps < 8) {
        if (p == NULL)
            update[i++] = sl->head;
        else if ((int)p->level > i)
            update[i++] = p;
        else {
            p = p->back;
            steps++;
        }
    }
    if (i < (int)x->level)
        find(sl, x->score, sl_ele(x), x->len, update);
}

/* Set linked node x's score to one that keeps its place in the order, and
 * the score copies in its predecessors at levels 1 and up (update[]: from
 * find(), or NULL to look them up with preds_of(); a one-level node, most
 * nodes, has no copies to fix). */
static void set_score_in_place(struct skiplist *sl, struct sl_node *x, double score,
                               struct sl_node **update)
{
    struct sl_node *buf[SL_MAXLEVEL];
    if (x->level > 1 && !update) {
        preds_of(sl, x, buf);
        update = buf;
    }
    for (int i = 1; i < (int)x->level; i++)
        update[i]->up[i - 1].score = score;
    x->score = score;
}

int sl_delete(struct skiplist *sl, double score, const char *ele, size_t len)
{
    struct sl_node *update[SL_MAXLEVEL];
    struct sl_node *x = find(sl, score, ele, len, update);
    if (!x)
        return 0;
    unlink_node(sl, x, update);
    sl->bytes -= mem_size(x);
    node_free(x);
    return 1;
}

void sl_delete_node(struct skiplist *sl, struct sl_node *n)
{
    struct sl_node *update[SL_MAXLEVEL];
    struct sl_node *x = find(sl, n->score, sl_ele(n), n->len, update);
    if (x) {
        unlink_node(sl, x, update);
        sl->bytes -= mem_size(x);
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
    struct sl_node *nx = x->next;
    int next_ok = nx == NULL || nx->score > score ||
                  (nx->score == score && sl_cmp_bytes(sl_ele(nx), nx->len, ele, len) > 0);
    if (prev_ok && next_ok) {
        set_score_in_place(sl, x, score, update);
        return x;
    }
    unlink_node(sl, x, update);
    x->score = score;
    link_node(sl, x);
    return x;
}

/* One step of a descent towards (score, ele), as walk() takes it: at
 * level *lv >= 1 follow the link if it leads before the key, else record
 * the node and its rank and drop a level; at level 0 follow next or record
 * and finish. Returns 0 once level 0 is recorded, else 1. */
static inline __attribute__((always_inline)) int walk_step(struct sl_node **pp, unsigned long *pr,
                                                           int *lv, double score, const char *ele,
                                                           size_t len, struct sl_node **update,
                                                           unsigned long *rank)
{
    struct sl_node *p = *pp;
    int i = *lv;
    if (i > 0) {
        struct sl_level *l = &p->up[i - 1];
        if (l->fwd != NULL && link_before(l, score, ele, len)) {
            *pr += l->span;
            *pp = l->fwd;
        } else {
            update[i] = p;
            rank[i] = *pr;
            *lv = i - 1;
        }
        return 1;
    }
    if (p->next != NULL && before(p->next, score, ele, len)) {
        *pr += 1;
        *pp = p->next;
        return 1;
    }
    update[0] = p;
    rank[0] = *pr;
    return 0;
}

/* Move linked node x to a new score whose place differs from its current
 * one. Two searches on the unchanged list, interleaved one step at a time
 * so their cache misses overlap: A finds x's predecessors at levels 1 and
 * up (ua/ra; at level 0 it is x->back), B the new place's (ub/rb). Then x
 * is unlinked with ua and linked with ub, corrected for the list without
 * x. Moving left, B never meets x: nothing to correct. Moving right,
 * where B stopped on x itself (a level x has), x's own predecessor there
 * is the one; where B stopped past ua[i] (so past x) the rank drops by
 * one. Not in place implies B passed x at level 0. The list's length and
 * level do not change (same nodes, same heights). O(log n) expected. */
static void move_node(struct skiplist *sl, struct sl_node *x, double score)
{
    struct sl_node *ua[SL_MAXLEVEL], *ub[SL_MAXLEVEL];
    unsigned long ra[SL_MAXLEVEL], rb[SL_MAXLEVEL];
    const char *ele = sl_ele(x);
    size_t len = x->len;
    const double cur = x->score;
    int top = sl->level;
    struct sl_node *pa = sl->head, *pb = sl->head;
    unsigned long sa = 0, sb = 0;
    int la = top - 1, lb = top - 1, b = 1;
    while (la > 0 && b) {
        walk_step(&pa, &sa, &la, cur, ele, len, ua, ra);
        b = walk_step(&pb, &sb, &lb, score, ele, len, ub, rb);
    }
    while (la > 0)
        walk_step(&pa, &sa, &la, cur, ele, len, ua, ra);
    while (b)
        b = walk_step(&pb, &sb, &lb, score, ele, len, ub, rb);
    ua[0] = x->back ? x->back : sl->head; /* ra[0] unset: ub[0] is never x */
    unlink_links(sl, x, ua);
    if (score > cur) {
        for (int i = 0; i < top; i++) {
            if (ub[i] == x) {
                ub[i] = ua[i];
                rb[i] = ra[i];
            } else if (ub[i] != ua[i]) {
                rb[i]--;
            }
        }
    }
    x->score = score;
    splice(sl, x, ub, rb, top);
}

/* Does node n sort after (score, ele)? */
static int after(const struct sl_node *n, double score, const char *ele, size_t len)
{
    return n->score > score || (n->score == score && sl_cmp_bytes(sl_ele(n), n->len, ele, len) > 0);
}

/* Set x's score: in place when it still sorts between its level-0
 * neighbours (no walk for a one-level node; a taller one fixes the score
 * copies in its upper predecessors, see preds_of()), else move_node() (two
 * interleaved walks). */
void sl_update_node(struct skiplist *sl, struct sl_node *x, double score)
{
    const char *ele = sl_ele(x);
    if ((x->back == NULL || before(x->back, score, ele, x->len)) &&
        (x->next == NULL || after(x->next, score, ele, x->len))) {
        set_score_in_place(sl, x, score, NULL);
        return;
    }
    move_node(sl, x, score);
}

unsigned long sl_rank(const struct skiplist *sl, double score, const char *ele, size_t len)
{
    const struct sl_node *x = sl->head;
    unsigned long rank = 0;
    for (int i = sl->level - 1; i >= 1; i--) {
        const struct sl_level *l;
        while ((l = &x->up[i - 1])->fwd &&
               (l->score < score ||
                (l->score == score && sl_cmp_bytes(sl_ele(l->fwd), l->fwd->len, ele, len) <= 0))) {
            rank += l->span;
            x = l->fwd;
        }
        if (x != sl->head && x->score == score && sl_cmp_bytes(sl_ele(x), x->len, ele, len) == 0)
            return rank;
    }
    while (x->next && (before(x->next, score, ele, len) ||
                       (x->next->score == score &&
                        sl_cmp_bytes(sl_ele(x->next), x->next->len, ele, len) == 0))) {
        rank++;
        x = x->next;
    }
    if (x != sl->head && x->score == score && sl_cmp_bytes(sl_ele(x), x->len, ele, len) == 0)
        return rank;
    return 0;
}

struct sl_node *sl_at_rank(const struct skiplist *sl, unsigned long rank)
{
    struct sl_node *x = sl->head;
    unsigned long seen = 0;
    if (rank == 0 || rank > sl->length)
        return NULL;
    for (int i = sl->level - 1; i >= 1; i--) {
        while (x->up[i - 1].fwd && seen + x->up[i - 1].span <= rank) {
            seen += x->up[i - 1].span;
            x = x->up[i - 1].fwd;
        }
        if (seen == rank)
            return x;
    }
    while (x->next && seen < rank) {
        seen++;
        x = x->next;
    }
    return seen == rank ? x : NULL;
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

/* Generic first/last search, with "in_min"/"in_max" predicates on a node
 * whose score is given (a link's copy: score predicates then leave the
 * node unread). */
typedef int (*node_pred)(const struct sl_node *n, double score, const void *r);

static int score_min(const struct sl_node *n, double score, const void *r)
{
    (void)n;
    return sl_gte_min(score, r);
}
static int score_max(const struct sl_node *n, double score, const void *r)
{
    (void)n;
    return sl_lte_max(score, r);
}
static int lex_min(const struct sl_node *n, double score, const void *r)
{
    (void)score;
    return sl_lex_gte_min(sl_ele(n), n->len, r);
}
static int lex_max(const struct sl_node *n, double score, const void *r)
{
    (void)score;
    return sl_lex_lte_max(sl_ele(n), n->len, r);
}

/* First node satisfying gte (monotone), then checked against lte. */
static struct sl_node *first_where(const struct skiplist *sl, node_pred gte, node_pred lte,
                                   const void *r)
{
    struct sl_node *x = sl->head;
    for (int i = sl->level - 1; i >= 1; i--)
        while (x->up[i - 1].fwd && !gte(x->up[i - 1].fwd, x->up[i - 1].score, r))
            x = x->up[i - 1].fwd;
    while (x->next && !gte(x->next, x->next->score, r))
        x = x->next;
    x = x->next;
    return x && lte(x, x->score, r) ? x : NULL;
}

/* Last node satisfying lte (monotone), then checked against gte. */
static struct sl_node *last_where(const struct skiplist *sl, node_pred gte, node_pred lte,
                                  const void *r)
{
    struct sl_node *x = sl->head;
    for (int i = sl->level - 1; i >= 1; i--)
        while (x->up[i - 1].fwd && lte(x->up[i - 1].fwd, x->up[i - 1].score, r))
            x = x->up[i - 1].fwd;
    while (x->next && lte(x->next, x->next->score, r))
        x = x->next;
    return x != sl->head && gte(x, x->score, r) ? x : NULL;
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
