/* t_zset_idx: the member index of a skiplist-encoded sorted set: a chained
 * hash table of skiplist node pointers keyed by member bytes (see t_zset.h).
 *
 * The member bytes live once, inside the skiplist node; the index adds only
 * its bucket arrays (8 bytes per bucket, at most 2 buckets per member after
 * growth) and uses the node's hnext (chain link) and htag (the low 24 bits
 * of the member's dict_hash) fields. htag is compared before the bytes and,
 * while a table has at most 2^24 buckets, gives a node's bucket without
 * hashing its member again (resizes and removals never rehash then).
 *
 * Resizing is incremental, so no single write stalls on a big set: when the
 * table must double (used > buckets) or halve (used < buckets/8), a second
 * bucket array is allocated and every later add or remove moves a few
 * buckets of the old array into it (STEP_BUCKETS, at most 10x that many
 * empty ones looked at). A doubling finishes within buckets/STEP_BUCKETS
 * writes, long before the next one could be due. Lookups do not move
 * buckets (they take a const index), they look in both arrays.
 *
 * Invariants: bucket counts are powers of two >= ZIDX_MIN; while rehashing
 * (next >= 0), buckets of tab[0] below next are empty and every node is
 * in tab[0] bucket h & mask[0] or tab[1] bucket h & mask[1]; used counts
 * the nodes of both.
 *
 * Must not know: the skiplist's links (only sl_ele/len/hnext/htag), replies.
 */
#include <string.h>

#include "dict.h"
#include "mem.h"
#include "sdict.h"
#include "t_zset.h"

#define ZIDX_MIN     4
#define STEP_BUCKETS 4
#define TAG_BITS     24 /* hash bits kept in a node's htag */
#define TAG_MASK     ((1UL << TAG_BITS) - 1)

struct zidx {
    struct sl_node **tab[2];
    unsigned long mask[2]; /* buckets - 1 */
    unsigned long used;
    long next;              /* next tab[0] bucket to move; -1 when not resizing */
    unsigned long tag_span; /* largest mask a stored tag can index (TAG_MASK) */
};

struct zidx *zidx_new(void)
{
    struct zidx *x = mem_calloc(1, sizeof(*x));
    x->tab[0] = mem_calloc(ZIDX_MIN, sizeof(*x->tab[0]));
    x->mask[0] = ZIDX_MIN - 1;
    x->next = -1;
    x->tag_span = TAG_MASK;
    return x;
}

void zidx_limit_tag_bits(struct zidx *x, int bits)
{
    x->tag_span = (1UL << bits) - 1;
}

void zidx_free(struct zidx *x)
{
    if (!x)
        return;
    mem_free(x->tab[0]);
    mem_free(x->tab[1]);
    mem_free(x);
}

size_t zidx_mem(const struct zidx *x)
{
    return mem_size(x) + mem_size(x->tab[0]) + (x->tab[1] ? mem_size(x->tab[1]) : 0);
}

static uint32_t tag_of(uint64_t h)
{
    return (uint32_t)(h & TAG_MASK);
}

/* Node n's full hash as far as a table of mask+1 buckets needs it: the
 * stored tag while mask fits in it, else its member hashed again. */
static uint64_t node_hash(const struct zidx *x, const struct sl_node *n, unsigned long mask)
{
    return mask <= x->tag_span ? n->htag : dict_hash(sl_ele(n), n->len);
}

static int resizing(const struct zidx *x)
{
    return x->next >= 0;
}

/* Start moving to a table of nbuckets (a power of two). O(nbuckets) for
 * the zeroed allocation only. */
static void resize_start(struct zidx *x, unsigned long nbuckets)
{
    x->tab[1] = mem_calloc(nbuckets, sizeof(*x->tab[1]));
    x->mask[1] = nbuckets - 1;
    x->next = 0;
}

/* Move up to n non-empty buckets (looking at most at 10n empty ones) from
 * tab[0] to tab[1]; finish the resize when tab[0] is drained. */
static void resize_step(struct zidx *x, int n)
{
    int empty_budget = n * 10;
    while (n > 0 && (unsigned long)x->next <= x->mask[0]) {
        struct sl_node *node = x->tab[0][x->next];
        if (!node) {
            x->next++;
            if (--empty_budget == 0)
                break;
            continue;
        }
        while (node) {
            struct sl_node *following = node->hnext;
            unsigned long slot = (unsigned long)node_hash(x, node, x->mask[1]) & x->mask[1];
            node->hnext = x->tab[1][slot];
            x->tab[1][slot] = node;
            node = following;
        }
        x->tab[0][x->next++] = NULL;
        n--;
    }
    if ((unsigned long)x->next > x->mask[0]) {
        mem_free(x->tab[0]);
        x->tab[0] = x->tab[1];
        x->mask[0] = x->mask[1];
        x->tab[1] = NULL;
        x->mask[1] = 0;
        x->next = -1;
    }
}

static struct sl_node *chain_find(struct sl_node *n, uint32_t tag, const char *m, size_t len)
{
    for (; n; n = n->hnext)
        if (n->htag == tag && n->len == len && memcmp(sl_ele(n), m, len) == 0)
            return n;
    return NULL;
}

uint64_t zidx_hash(const char *m, size_t len)
{
    return dict_hash(m, len);
}

struct sl_node *zidx_find(const struct zidx *x, const char *m, size_t len)
{
    return zidx_find_h(x, m, len, dict_hash(m, len));
}

struct sl_node *zidx_find_h(const struct zidx *x, const char *m, size_t len, uint64_t h)
{
    struct sl_node *n = chain_find(x->tab[0][h & x->mask[0]], tag_of(h), m, len);
    if (!n && resizing(x))
        n = chain_find(x->tab[1][h & x->mask[1]], tag_of(h), m, len);
    return n;
}

void zidx_add(struct zidx *x, struct sl_node *n)
{
    zidx_add_h(x, n, dict_hash(sl_ele(n), n->len));
}

void zidx_add_h(struct zidx *x, struct sl_node *n, uint64_t h)
{
    if (resizing(x))
        resize_step(x, STEP_BUCKETS);
    else if (x->used + 1 > x->mask[0] + 1)
        resize_start(x, (x->mask[0] + 1) * 2);
    int t = resizing(x) ? 1 : 0; /* new nodes go to the table being filled */
    n->htag = tag_of(h);
    n->hnext = x->tab[t][h & x->mask[t]];
    x->tab[t][h & x->mask[t]] = n;
    x->used++;
}

/* Unlink n from the chain of tab[t] it hashes to; 1 if it was there. */
static int chain_unlink(struct zidx *x, int t, uint64_t h, struct sl_node *n)
{
    struct sl_node **pp = &x->tab[t][h & x->mask[t]];
    while (*pp && *pp != n)
        pp = &(*pp)->hnext;
    if (!*pp)
        return 0;
    *pp = n->hnext;
    n->hnext = NULL;
    return 1;
}

void zidx_remove(struct zidx *x, struct sl_node *n)
{
    unsigned long mask = x->mask[0] > x->mask[1] ? x->mask[0] : x->mask[1];
    uint64_t h = node_hash(x, n, mask);
    if (!chain_unlink(x, 0, h, n) && !(resizing(x) && chain_unlink(x, 1, h, n)))
        return;
    x->used--;
    if (resizing(x))
        resize_step(x, STEP_BUCKETS);
    else if (x->mask[0] + 1 > ZIDX_MIN && x->used < (x->mask[0] + 1) / 8)
        resize_start(x, (x->mask[0] + 1) / 2);
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

/* Advance a reverse-binary cursor over the bits in mask. */
static unsigned long long cursor_next(unsigned long long cursor, unsigned long long mask)
{
    cursor |= ~mask;
    cursor = rev_bits(cursor);
    cursor++;
    return rev_bits(cursor);
}

static long visit(struct sl_node *n, void (*fn)(void *priv, struct sl_node *n), void *priv)
{
    long seen = 0;
    for (; n; n = n->hnext, seen++)
        fn(priv, n);
    return seen;
}

/* Reverse-binary scan: each call visits buckets from cursor on, until at
 * least count nodes were seen, 10*count buckets were visited, or the
 * cursor wraps to 0. Incrementing the reversed cursor means a bucket's
 * split halves (after doubling) or merged pair (after halving) are never
 * skipped, so a member present for the whole scan is returned at least
 * once (maybe more after a shrink). While resizing, one step visits the
 * smaller table's bucket and every bucket of the larger table that folds
 * onto it. */
unsigned long long zidx_scan(const struct zidx *x, unsigned long long cursor, long count,
                             void (*fn)(void *priv, struct sl_node *n), void *priv)
{
    if (x->used == 0)
        return 0;
    if (count < 1)
        count = 1;
    long lmax = (long)(~0UL >> 1);
    long budget = count > lmax / 10 ? lmax : count * 10;
    long seen = 0;
    do {
        if (!resizing(x)) {
            seen += visit(x->tab[0][cursor & x->mask[0]], fn, priv);
            cursor = cursor_next(cursor, x->mask[0]);
            continue;
        }
        int small = x->mask[0] <= x->mask[1] ? 0 : 1, big = 1 - small;
        unsigned long long ms = x->mask[small], mb = x->mask[big];
        seen += visit(x->tab[small][cursor & ms], fn, priv);
        do {
            seen += visit(x->tab[big][cursor & mb], fn, priv);
            cursor = cursor_next(cursor, mb);
        } while (cursor & (ms ^ mb));
    } while (cursor != 0 && seen < count && --budget > 0);
    return cursor;
}

int zidx_table_stats(const struct zidx *x, int table, struct sdict_table_stats *st)
{
    memset(st, 0, sizeof(*st));
    if (table == 1 && !resizing(x))
        return -1;
    st->buckets = x->mask[table] + 1;
    for (unsigned long b = 0; b <= x->mask[table]; b++) {
        size_t n = 0;
        for (const struct sl_node *node = x->tab[table][b]; node; node = node->hnext)
            n++;
        sdict_stats_add_chain(st, n);
    }
    st->used = st->totchain; /* the index counts both arrays together */
    return 0;
}
