/* t_zset_idx: the member index of a skiplist-encoded sorted set: a chained
 * hash table of skiplist node pointers keyed by member bytes (see t_zset.h).
 *
 * The member bytes live once, inside the skiplist node; the index adds only
 * its bucket array (8 bytes per bucket, at most 2 buckets per member after
 * growth) and uses the node's hnext (chain link) and htag (top 16 bits of
 * the member's dict_hash, compared before the bytes) fields.
 *
 * Invariants: the bucket count is a power of two >= ZIDX_MIN; a node is in
 * the chain of bucket dict_hash(member) & mask; used counts the nodes.
 * The table doubles when used exceeds the bucket count and halves when
 * used falls under 1/8 of it. Trade-off: resizing is a single O(n) pass
 * (rehashing every member), not incremental as in sdict, so the write that
 * triggers it stalls for that pass (about 20-40 ms at 1M members); in
 * return the index needs no second table, and ZSCAN sees one table.
 *
 * Must not know: the skiplist's links (only sl_ele/len/hnext/htag), replies.
 */
#include <string.h>

#include "dict.h"
#include "mem.h"
#include "t_zset.h"

#define ZIDX_MIN 4

struct zidx {
    struct sl_node **tab;
    unsigned long mask; /* buckets - 1 */
    unsigned long used;
};

struct zidx *zidx_new(void)
{
    struct zidx *x = mem_alloc(sizeof(*x));
    x->tab = mem_calloc(ZIDX_MIN, sizeof(*x->tab));
    x->mask = ZIDX_MIN - 1;
    x->used = 0;
    return x;
}

void zidx_free(struct zidx *x)
{
    if (!x)
        return;
    mem_free(x->tab);
    mem_free(x);
}

size_t zidx_mem(const struct zidx *x)
{
    return mem_size(x) + mem_size(x->tab);
}

static uint16_t tag_of(uint64_t h)
{
    return (uint16_t)(h >> 48);
}

/* Rebuild the table with nbuckets (a power of two) buckets. O(n). */
static void resize(struct zidx *x, unsigned long nbuckets)
{
    struct sl_node **t = mem_calloc(nbuckets, sizeof(*t));
    for (unsigned long b = 0; b <= x->mask; b++) {
        struct sl_node *n = x->tab[b];
        while (n) {
            struct sl_node *next = n->hnext;
            unsigned long slot = (unsigned long)dict_hash(sl_ele(n), n->len) & (nbuckets - 1);
            n->hnext = t[slot];
            t[slot] = n;
            n = next;
        }
    }
    mem_free(x->tab);
    x->tab = t;
    x->mask = nbuckets - 1;
}

struct sl_node *zidx_find(const struct zidx *x, const char *m, size_t len)
{
    uint64_t h = dict_hash(m, len);
    uint16_t tag = tag_of(h);
    for (struct sl_node *n = x->tab[h & x->mask]; n; n = n->hnext)
        if (n->htag == tag && n->len == len && memcmp(sl_ele(n), m, len) == 0)
            return n;
    return NULL;
}

void zidx_add(struct zidx *x, struct sl_node *n)
{
    if (x->used + 1 > x->mask + 1)
        resize(x, (x->mask + 1) * 2);
    uint64_t h = dict_hash(sl_ele(n), n->len);
    n->htag = tag_of(h);
    n->hnext = x->tab[h & x->mask];
    x->tab[h & x->mask] = n;
    x->used++;
}

void zidx_remove(struct zidx *x, struct sl_node *n)
{
    uint64_t h = dict_hash(sl_ele(n), n->len);
    struct sl_node **pp = &x->tab[h & x->mask];
    while (*pp && *pp != n)
        pp = &(*pp)->hnext;
    if (!*pp)
        return;
    *pp = n->hnext;
    n->hnext = NULL;
    x->used--;
    if (x->mask + 1 > ZIDX_MIN && x->used < (x->mask + 1) / 8)
        resize(x, (x->mask + 1) / 2);
}

unsigned long zidx_size(const struct zidx *x)
{
    return x->used;
}

static unsigned long long rev_bits(unsigned long long v)
{
    unsigned long long r = 0;
    for (int i = 0; i < 64; i++, v >>= 1)
        r = (r << 1) | (v & 1);
    return r;
}

/* Reverse-binary scan: each call visits buckets from cursor on, until at
 * least count nodes were seen, 10*count buckets were visited, or the
 * cursor wraps to 0. Incrementing the reversed cursor means a bucket's
 * split halves (after doubling) or merged pair (after halving) are never
 * skipped, so a member present for the whole scan is returned at least
 * once (maybe more after a shrink). */
unsigned long long zidx_scan(const struct zidx *x, unsigned long long cursor, long count,
                             void (*fn)(void *priv, struct sl_node *n), void *priv)
{
    if (x->used == 0)
        return 0;
    if (count < 1)
        count = 1;
    long lmax = (long)(~0UL >> 1);
    long budget = count > lmax / 10 ? lmax : count * 10;
    unsigned long long mask = x->mask;
    long seen = 0;
    do {
        for (struct sl_node *n = x->tab[cursor & mask]; n; n = n->hnext, seen++)
            fn(priv, n);
        cursor |= ~mask;
        cursor = rev_bits(cursor);
        cursor++;
        cursor = rev_bits(cursor);
    } while (cursor != 0 && seen < count && --budget > 0);
    return cursor;
}
