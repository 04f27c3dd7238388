/* t_zset_obj: the sorted set object layer (listpack or skiplist + index),
 * see t_zset.h. Everything here is encoding-aware; the command files only
 * use these functions.
 *
 * Listpack layout: member, score pairs in (score, member-bytes) order; a
 * score is stored as "%.17g" text (an integral score becomes an integer
 * entry). Operations on it are O(n), fine while n <= 128 by default. It is
 * a small listpack (lp_new_small: in the slab while it fits), so it is freed
 * with lp_free and sized with lp_mem, never with mem_free / mem_size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "lp.h"
#include "mem.h"
#include "server.h"
#include "t_zset.h"

struct zobj *zobj_new(int listpack)
{
    struct zobj *z = mem_calloc(1, sizeof(*z));
    if (listpack) {
        z->lp = lp_new_small();
    } else {
        z->sl = sl_create();
        z->idx = zidx_new();
    }
    return z;
}

struct zobj *zobj_new_for(size_t n, size_t maxlen)
{
    return zobj_new(n <= (size_t)server.zset_max_listpack_entries &&
                    maxlen <= (size_t)server.zset_max_listpack_value);
}

void zobj_free(void *p)
{
    struct zobj *z = p;
    if (!z)
        return;
    if (z->lp) {
        lp_free(z->lp);
    } else {
        sl_free(z->sl);
        zidx_free(z->idx);
    }
    mem_free(z);
}

int zobj_enc(const struct zobj *z)
{
    return z->lp ? KV_ENC_LISTPACK : KV_ENC_SKIPLIST;
}

size_t zobj_len(const struct zobj *z)
{
    return z->lp ? lp_count(z->lp) / 2 : z->sl->length;
}

/* ---- listpack helpers ---- */

/* Read the pair whose member is at off. *m points into lp or buf. */
static void lp_pair(const unsigned char *lp, size_t off, const char **m, size_t *mlen,
                    double *score, char buf[24])
{
    struct lp_entry e;
    if (m) {
        lp_get(lp, off, &e);
        *m = (const char *)lp_bytes_of(&e, buf, mlen);
    }
    if (score) {
        lp_get(lp, lp_next(lp, off), &e);
        if (!e.s) {
            *score = (double)e.v;
        } else {
            char tmp[64];
            size_t n = e.len < sizeof(tmp) - 1 ? e.len : sizeof(tmp) - 1;
            memcpy(tmp, e.s, n);
            tmp[n] = '\0';
            *score = strtod(tmp, NULL);
        }
    }
}

/* Offset of member's pair, or 0. */
static size_t lp_find(const unsigned char *lp, const char *m, size_t len)
{
    size_t end = lp_end(lp);
    for (size_t off = lp_first(lp); off < end; off = lp_next(lp, lp_next(lp, off)))
        if (lp_eq(lp, off, m, len))
            return off;
    return 0;
}

/* Insert a pair at its sorted place (member must be absent). */
static unsigned char *lp_insert_sorted(unsigned char *lp, double score, const char *m, size_t len)
{
    size_t end = lp_end(lp), off;
    char buf[24], sbuf[40];
    for (off = lp_first(lp); off < end; off = lp_next(lp, lp_next(lp, off))) {
        const char *om;
        size_t olen;
        double os;
        lp_pair(lp, off, &om, &olen, &os, buf);
        if (os > score || (os == score && sl_cmp_bytes(om, olen, m, len) > 0))
            break;
    }
    /* -0 is kept as the integer 0, as Redis's listpack keeps it. */
    int n = score == 0 ? snprintf(sbuf, sizeof(sbuf), "0")
                       : snprintf(sbuf, sizeof(sbuf), "%.17g", score);
    return lp_insert_pair(lp, off, m, len, sbuf, (size_t)n, NULL);
}

/* Convert a listpack zobj to skiplist + index. O(n log n). */
static void to_skiplist(struct zobj *z)
{
    unsigned char *lp = z->lp;
    size_t end = lp_end(lp);
    z->sl = sl_create();
    z->idx = zidx_new();
    for (size_t off = lp_first(lp); off < end; off = lp_next(lp, lp_next(lp, off))) {
        const char *m;
        size_t len;
        double s;
        char buf[24];
        lp_pair(lp, off, &m, &len, &s, buf);
        zidx_add(z->idx, sl_insert(z->sl, s, m, len));
    }
    lp_free(lp);
    z->lp = NULL;
}

/* ---- encoding-independent operations ---- */

int zobj_score(struct zobj *z, const char *m, size_t len, double *score)
{
    if (z->lp) {
        size_t off = lp_find(z->lp, m, len);
        if (!off)
            return 0;
        lp_pair(z->lp, off, NULL, NULL, score, NULL);
        return 1;
    }
    struct sl_node *n = zidx_find(z->idx, m, len);
    if (!n)
        return 0;
    *score = n->score;
    return 1;
}

/* Write a new score for a present member. */
static void set_score(struct zobj *z, const char *m, size_t len, double cur, double score)
{
    if (z->lp) {
        size_t off = lp_find(z->lp, m, len);
        char *copy = mem_strndup(m, len); /* m may point into the listpack */
        z->lp = lp_delete(z->lp, off, 2);
        z->lp = lp_insert_sorted(z->lp, score, copy, len);
        mem_free(copy);
    } else {
        sl_update(z->sl, cur, m, len, score); /* keeps the node: index intact */
    }
}

/* Insert an absent member, growing the encoding when needed. */
static void insert_new(struct zobj *z, const char *m, size_t len, double score)
{
    if (z->lp && (zobj_len(z) + 1 > (size_t)server.zset_max_listpack_entries ||
                  len > (size_t)server.zset_max_listpack_value))
        to_skiplist(z);
    if (z->lp) {
        z->lp = lp_insert_sorted(z->lp, score, m, len);
    } else {
        zidx_add(z->idx, sl_insert(z->sl, score, m, len));
    }
}

/* ZADD's decision for a present member with score cur: returns 1 and sets
 * *score to the new score when it must be written, else 0 with *out set
 * (ZA_NOP, ZA_NAN, or 0 for an unchanged score). */
static int decide_update(double cur, double *score, int flags, int *out, double *newscore)
{
    if (flags & ZA_NX) {
        *out = ZA_NOP;
        return 0;
    }
    if (flags & ZA_INCR) {
        *score += cur;
        if (*score != *score) {
            *out = ZA_NAN;
            return 0;
        }
    }
    if (((flags & ZA_GT) && *score <= cur) || ((flags & ZA_LT) && *score >= cur)) {
        *out = ZA_NOP;
        return 0;
    }
    *newscore = *score;
    *out = 0;
    return *score != cur;
}

/* zobj_add on a skiplist: the member is hashed once for both the lookup
 * and the insert, and an update moves the indexed node itself. */
static int sl_add(struct zobj *z, double score, const char *m, size_t len, int flags, int *out,
                  double *newscore)
{
    uint64_t h = zidx_hash(m, len);
    struct sl_node *n = zidx_find_h(z->idx, m, len, h);
    if (n) {
        if (decide_update(n->score, &score, flags, out, newscore)) {
            sl_update_node(z->sl, n, score);
            *out = ZA_UPDATED;
        }
        return *out != ZA_NAN;
    }
    if (flags & ZA_XX) {
        *out = ZA_NOP;
        return 1;
    }
    zidx_add_h(z->idx, sl_insert(z->sl, score, m, len), h);
    *newscore = score;
    *out = ZA_ADDED;
    return 1;
}

/* ZADD semantics for one member (Redis's zsetAdd). */
int zobj_add(struct zobj *z, double score, const char *m, size_t len, int flags, int *out,
             double *newscore)
{
    double cur;
    if (!z->lp)
        return sl_add(z, score, m, len, flags, out, newscore);
    if (zobj_score(z, m, len, &cur)) {
        if (decide_update(cur, &score, flags, out, newscore)) {
            set_score(z, m, len, cur, score);
            *out = ZA_UPDATED;
        }
        return *out != ZA_NAN;
    }
    if (flags & ZA_XX) {
        *out = ZA_NOP;
        return 1;
    }
    insert_new(z, m, len, score);
    *newscore = score;
    *out = ZA_ADDED;
    return 1;
}

int zobj_del(struct zobj *z, const char *m, size_t len)
{
    if (z->lp) {
        size_t off = lp_find(z->lp, m, len);
        if (!off)
            return 0;
        z->lp = lp_delete(z->lp, off, 2);
        return 1;
    }
    struct sl_node *n = zidx_find(z->idx, m, len);
    if (!n)
        return 0;
    zidx_remove(z->idx, n);
    sl_delete_node(z->sl, n);
    return 1;
}

long zobj_rank(struct zobj *z, const char *m, size_t len, int rev)
{
    long n = (long)zobj_len(z), rank = -1;
    if (z->lp) {
        size_t end = lp_end(z->lp), off;
        long i = 0;
        for (off = lp_first(z->lp); off < end; off = lp_next(z->lp, lp_next(z->lp, off)), i++)
            if (lp_eq(z->lp, off, m, len)) {
                rank = i;
                break;
            }
    } else {
        struct sl_node *e = zidx_find(z->idx, m, len);
        if (e)
            rank = (long)sl_rank(z->sl, e->score, m, len) - 1;
    }
    if (rank < 0)
        return -1;
    return rev ? n - 1 - rank : rank;
}

/* Count elements matching a monotone range by walking the listpack. */
static unsigned long lp_bounds(struct zobj *z, const struct sl_range *r,
                               const struct sl_lexrange *lr, unsigned long *first)
{
    size_t end = lp_end(z->lp);
    unsigned long i = 0, count = 0;
    *first = 0;
    for (size_t off = lp_first(z->lp); off < end; off = lp_next(z->lp, lp_next(z->lp, off)), i++) {
        const char *m;
        size_t len;
        double s;
        char buf[24];
        lp_pair(z->lp, off, &m, &len, &s, buf);
        int lo = r ? sl_gte_min(s, r) : sl_lex_gte_min(m, len, lr);
        int hi = r ? sl_lte_max(s, r) : sl_lex_lte_max(m, len, lr);
        if (lo && hi) {
            if (!count)
                *first = i;
            count++;
        } else if (!hi) {
            break;
        }
    }
    return count;
}

unsigned long zobj_score_bounds(struct zobj *z, const struct sl_range *r, unsigned long *first)
{
    *first = 0;
    if (r->min > r->max || (r->min == r->max && (r->minex || r->maxex)))
        return 0;
    if (z->lp)
        return lp_bounds(z, r, NULL, first);
    struct sl_node *a = sl_first_in_range(z->sl, r), *b;
    if (!a)
        return 0;
    b = sl_last_in_range(z->sl, r);
    unsigned long ra = sl_rank(z->sl, a->score, sl_ele(a), a->len);
    unsigned long rb = sl_rank(z->sl, b->score, sl_ele(b), b->len);
    *first = ra - 1;
    return rb >= ra ? rb - ra + 1 : 0;
}

/* ---- lex ranges ----
 * A lex range is only meaningful when all scores are equal; otherwise the
 * result depends on the search algorithm, so we follow Redis's exactly:
 * find the first (or last) element past one end, check it against the other
 * end, then walk while the far end still holds. */

/* Order of two range ends (-inf < bytes < +inf). */
static int lex_end_cmp(int ak, const char *a, size_t alen, int bk, const char *b, size_t blen)
{
    if (ak == bk)
        return ak == SL_LEX_BYTES ? sl_cmp_bytes(a, alen, b, blen) : 0;
    if (ak == SL_LEX_MININF || bk == SL_LEX_MAXINF)
        return -1;
    return 1;
}

static void elem_at(struct zobj *z, unsigned long rank, const char **m, size_t *len,
                    struct zcur *cur)
{
    double s;
    zcur_at(cur, z, rank);
    zcur_get(cur, m, len, &s);
}

/* Redis's zslIsInLexRange / zzlIsInLexRange. */
static int in_lex(struct zobj *z, const struct sl_lexrange *r)
{
    struct zcur cur;
    const char *m;
    size_t len, n = zobj_len(z);
    int cmp = lex_end_cmp(r->mininf, r->min, r->minlen, r->maxinf, r->max, r->maxlen);
    if (cmp > 0 || (cmp == 0 && (r->minex || r->maxex)) || n == 0)
        return 0;
    elem_at(z, n - 1, &m, &len, &cur);
    if (!sl_lex_gte_min(m, len, r))
        return 0;
    elem_at(z, 0, &m, &len, &cur);
    return sl_lex_lte_max(m, len, r);
}

long zobj_lex_first(struct zobj *z, const struct sl_lexrange *r, int precheck)
{
    if (precheck && !in_lex(z, r))
        return -1;
    if (!z->lp) {
        struct sl_node *n = sl_first_in_lex(z->sl, r);
        return n ? (long)sl_rank(z->sl, n->score, sl_ele(n), n->len) - 1 : -1;
    }
    struct zcur cur;
    const char *m;
    size_t len, n = zobj_len(z);
    double s;
    if (n)
        zcur_at(&cur, z, 0);
    for (size_t i = 0; i < n; i++, zcur_next(&cur)) {
        zcur_get(&cur, &m, &len, &s);
        if (sl_lex_gte_min(m, len, r))
            return sl_lex_lte_max(m, len, r) ? (long)i : -1;
    }
    return -1;
}

long zobj_lex_last(struct zobj *z, const struct sl_lexrange *r)
{
    if (!in_lex(z, r))
        return -1;
    if (!z->lp) {
        struct sl_node *n = sl_last_in_lex(z->sl, r);
        return n ? (long)sl_rank(z->sl, n->score, sl_ele(n), n->len) - 1 : -1;
    }
    struct zcur cur;
    const char *m;
    size_t len, n = zobj_len(z);
    double s;
    zcur_at(&cur, z, n - 1);
    for (size_t i = n; i-- > 0; zcur_prev(&cur)) {
        zcur_get(&cur, &m, &len, &s);
        if (sl_lex_lte_max(m, len, r))
            return sl_lex_gte_min(m, len, r) ? (long)i : -1;
    }
    return -1;
}

unsigned long zobj_lex_run(struct zobj *z, const struct sl_lexrange *r, unsigned long start,
                           int rev, unsigned long max)
{
    struct zcur cur;
    const char *m;
    size_t len, n = zobj_len(z);
    double s;
    unsigned long count = 0;
    if (start >= n)
        return 0;
    zcur_at(&cur, z, start);
    while (count < max) {
        zcur_get(&cur, &m, &len, &s);
        if (rev ? !sl_lex_gte_min(m, len, r) : !sl_lex_lte_max(m, len, r))
            break;
        count++;
        if (rev ? start - count + 1 == 0 : start + count >= n)
            break;
        rev ? zcur_prev(&cur) : zcur_next(&cur);
    }
    return count;
}

/* ZLEXCOUNT's count (Redis: a walk on a listpack, rank arithmetic on a
 * skiplist). */
unsigned long zobj_lex_bounds(struct zobj *z, const struct sl_lexrange *r, unsigned long *first)
{
    long f = zobj_lex_first(z, r, 1);
    *first = 0;
    if (f < 0)
        return 0;
    *first = (unsigned long)f;
    if (z->lp)
        return zobj_lex_run(z, r, (unsigned long)f, 0, (unsigned long)-1);
    long l = zobj_lex_last(z, r);
    long count = (long)zobj_len(z) - f;
    if (l >= 0)
        count -= (long)zobj_len(z) - 1 - l;
    return count > 0 ? (unsigned long)count : 0;
}

void zobj_del_ranks(struct zobj *z, unsigned long first, unsigned long count)
{
    if (!count)
        return;
    if (z->lp) {
        z->lp = lp_delete(z->lp, lp_seek(z->lp, (long long)first * 2), count * 2);
        return;
    }
    struct sl_node *n = sl_at_rank(z->sl, first + 1);
    while (n && count--) {
        struct sl_node *next = n->next;
        zidx_remove(z->idx, n);
        sl_delete_node(z->sl, n);
        n = next;
    }
}

/* ---- cursor ---- */

void zcur_at(struct zcur *c, struct zobj *z, unsigned long rank)
{
    c->z = z;
    if (z->lp)
        c->off = lp_seek(z->lp, (long long)rank * 2);
    else
        c->node = sl_at_rank(z->sl, rank + 1);
}

void zcur_get(struct zcur *c, const char **m, size_t *len, double *score)
{
    if (c->z->lp) {
        lp_pair(c->z->lp, c->off, m, len, score, c->buf);
    } else {
        *m = sl_ele(c->node);
        *len = c->node->len;
        *score = c->node->score;
    }
}

void zcur_next(struct zcur *c)
{
    if (c->z->lp)
        c->off = lp_next(c->z->lp, lp_next(c->z->lp, c->off));
    else
        c->node = c->node->next;
}

void zcur_prev(struct zcur *c)
{
    if (c->z->lp) {
        size_t p = lp_prev(c->z->lp, c->off);
        c->off = p ? lp_prev(c->z->lp, p) : 0;
    } else {
        c->node = c->node->back;
    }
}

/* ---- type registration ---- */

static void *zobj_dup(const void *p)
{
    const struct zobj *src = p;
    struct zobj *z = mem_calloc(1, sizeof(*z));
    if (src->lp) {
        z->lp = lp_dup(src->lp);
    } else {
        z->sl = sl_create();
        z->idx = zidx_new();
        for (struct sl_node *n = src->sl->head->next; n; n = n->next) {
            zidx_add(z->idx, sl_insert(z->sl, n->score, sl_ele(n), n->len));
        }
    }
    return z;
}

static size_t zobj_mem(const void *p)
{
    const struct zobj *z = p;
    if (z->lp)
        return mem_size(z) + lp_mem(z->lp);
    return mem_size(z) + sl_mem(z->sl) + zidx_mem(z->idx);
}

void t_zset_init(void)
{
    static const struct kv_type_ops ops = {.free = zobj_free, .dup = zobj_dup, .mem = zobj_mem};
    kv_register_type(KV_ZSET, &ops);
}
