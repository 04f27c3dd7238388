/* sdict: string-keyed chained hash table with incremental rehash (see
 * sdict.h for the API contract).
 *
 * Layout: two bucket arrays t[0] and t[1]. Outside a rehash only t[0] is in
 * use. A resize allocates t[1] and then each add/delete moves a few buckets
 * from t[0] to t[1] (rehashidx is the next t[0] bucket to move); when t[0]
 * is empty, t[1] becomes t[0].
 *
 * Invariants:
 *   - every bucket count is 0 or a power of two;
 *   - during a rehash, t[0] buckets below rehashidx are empty;
 *   - an entry's hash is dict_hash(key) and never changes, so moving an
 *     entry never recomputes it;
 *   - sizes: grow when used reaches the bucket count (load 1), shrink when
 *     the load falls below 1/8 (keeps sdict_random O(1) expected);
 *   - maxchain[i] >= the length of every chain in t[i]. It is raised on
 *     insert and on rehash moves and never lowered until t[1] replaces t[0]
 *     (deletes leave it loose, never wrong). sdict_random relies on it.
 *
 * Must not know: the types built on top (sets, hashes, sorted sets).
 */
#include "sdict.h"

#include <string.h>

#include "dict.h"
#include "mem.h"

#define SDICT_MIN_BUCKETS 4
/* Empty buckets a rehash step may skip before giving up for this call. */
#define SDICT_EMPTY_VISITS 16

struct sdict {
    struct sdict_entry **t[2];
    size_t size[2];     /* bucket counts */
    size_t used[2];     /* entries in each table */
    size_t rehashidx;   /* valid when rehashing */
    size_t maxchain[2]; /* bound on chain lengths, see the invariants */
    int rehashing;
};

static size_t chain_len(const struct sdict_entry *e)
{
    size_t n = 0;
    for (; e; e = e->next)
        n++;
    return n;
}

/* Raise t[t]'s chain bound to cover the chain at head. O(chain). */
static void note_chain(struct sdict *d, int t, const struct sdict_entry *head)
{
    size_t n = chain_len(head);
    if (n > d->maxchain[t])
        d->maxchain[t] = n;
}

struct sdict *sdict_new(void)
{
    return mem_calloc(1, sizeof(struct sdict));
}

static void free_entry(struct sdict_entry *e)
{
    mem_free(e->val);
    mem_free(e);
}

/* Free every entry and both tables. O(N). */
void sdict_free(struct sdict *d)
{
    if (!d)
        return;
    for (int i = 0; i < 2; i++) {
        for (size_t b = 0; b < d->size[i]; b++) {
            struct sdict_entry *e = d->t[i][b];
            while (e) {
                struct sdict_entry *n = e->next;
                free_entry(e);
                e = n;
            }
        }
        mem_free(d->t[i]);
    }
    mem_free(d);
}

size_t sdict_size(const struct sdict *d)
{
    return d->used[0] + d->used[1];
}

/* Table, entry and value bytes. O(N): walks every entry, so callers that
 * need it often should sample instead. */
size_t sdict_mem(const struct sdict *d)
{
    size_t n = mem_size(d);
    for (int i = 0; i < 2; i++) {
        if (!d->t[i])
            continue;
        n += mem_size(d->t[i]);
        for (size_t b = 0; b < d->size[i]; b++)
            for (struct sdict_entry *e = d->t[i][b]; e; e = e->next)
                n += mem_size(e) + (e->val ? mem_size(e->val) : 0);
    }
    return n;
}

/* Move up to n non-empty buckets from t[0] to t[1]; finishes the rehash
 * when t[0] drains. O(n + chain lengths). */
static void rehash_step(struct sdict *d, int n)
{
    int empty = SDICT_EMPTY_VISITS;
    while (d->rehashing && n > 0) {
        if (d->used[0] == 0) {
            mem_free(d->t[0]);
            d->t[0] = d->t[1];
            d->size[0] = d->size[1];
            d->used[0] = d->used[1];
            d->t[1] = NULL;
            d->size[1] = d->used[1] = 0;
            d->maxchain[0] = d->maxchain[1];
            d->maxchain[1] = 0;
            d->rehashing = 0;
            return;
        }
        struct sdict_entry *e = d->t[0][d->rehashidx];
        if (!e) {
            d->rehashidx++;
            if (--empty == 0)
                return;
            continue;
        }
        size_t mask = d->size[1] - 1, moved = 0;
        while (e) {
            struct sdict_entry *next = e->next;
            size_t b = e->hash & mask;
            e->next = d->t[1][b];
            d->t[1][b] = e;
            d->used[0]--;
            d->used[1]++;
            moved++;
            e = next;
        }
        /* Growing splits the chain over the t[1] buckets i, i + size[0],
         * ..., which were empty (new keys reach them only after this move):
         * measure them when they are few (a doubling: two), else bound them
         * by the chain's length. Shrinking merges the chain into one
         * bucket: measure that. Short walks over entries just touched. */
        size_t i = d->rehashidx;
        if (d->size[1] <= d->size[0]) {
            note_chain(d, 1, d->t[1][i & mask]);
        } else if (d->size[1] <= 4 * d->size[0]) {
            for (size_t j = i; j < d->size[1]; j += d->size[0])
                note_chain(d, 1, d->t[1][j]);
        } else if (moved > d->maxchain[1]) {
            d->maxchain[1] = moved;
        }
        d->t[0][i] = NULL;
        d->rehashidx++;
        n--;
    }
}

static size_t pow2_at_least(size_t n)
{
    size_t s = SDICT_MIN_BUCKETS;
    while (s < n)
        s <<= 1;
    return s;
}

/* Start a resize to the bucket count that fits the current size, if the
 * load is out of bounds and no rehash is running. */
static void maybe_resize(struct sdict *d)
{
    if (d->rehashing)
        return;
    size_t used = d->used[0];
    size_t want;
    if (d->size[0] == 0)
        want = SDICT_MIN_BUCKETS;
    else if (used >= d->size[0])
        want = pow2_at_least(used * 2);
    else if (d->size[0] > SDICT_MIN_BUCKETS && used * 8 < d->size[0])
        want = pow2_at_least(used);
    else
        return;
    if (want == d->size[0])
        return;
    if (d->size[0] == 0) {
        d->t[0] = mem_calloc(want, sizeof(*d->t[0]));
        d->size[0] = want;
        d->maxchain[0] = 0;
        return;
    }
    d->t[1] = mem_calloc(want, sizeof(*d->t[1]));
    d->size[1] = want;
    d->used[1] = 0;
    d->maxchain[1] = 0;
    d->rehashidx = 0;
    d->rehashing = 1;
}

/* Bucket slot for hash h in the table that holds it (t[1] for hashes
 * whose t[0] bucket has already moved). */
static struct sdict_entry **bucket_for(struct sdict *d, uint64_t h, int *table)
{
    size_t b = h & (d->size[0] - 1);
    if (d->rehashing && b < d->rehashidx) {
        *table = 1;
        return &d->t[1][h & (d->size[1] - 1)];
    }
    *table = 0;
    return &d->t[0][b];
}

struct sdict_entry *sdict_find(struct sdict *d, const void *key, size_t klen)
{
    if (sdict_size(d) == 0)
        return NULL;
    uint64_t h = dict_hash(key, klen);
    int t;
    for (struct sdict_entry *e = *bucket_for(d, h, &t); e; e = e->next)
        if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0)
            return e;
    return NULL;
}

/* Add key if absent (copying it); returns the new or existing entry. A
 * write: performs one rehash step and may start a resize. O(1) average. */
struct sdict_entry *sdict_add(struct sdict *d, const void *key, size_t klen, int *created)
{
    struct sdict_entry *e = sdict_find(d, key, klen);
    if (e) {
        *created = 0;
        return e;
    }
    rehash_step(d, 1);
    maybe_resize(d);
    uint64_t h = dict_hash(key, klen);
    int t;
    struct sdict_entry **slot = bucket_for(d, h, &t);
    e = mem_alloc(sizeof(*e) + klen + 1);
    e->hash = h;
    e->val = NULL;
    e->vlen = 0;
    e->score = 0;
    e->klen = klen;
    memcpy(e->key, key, klen);
    e->key[klen] = '\0';
    e->next = *slot;
    *slot = e;
    d->used[t]++;
    note_chain(d, t, e);
    *created = 1;
    return e;
}

void sdict_set_val(struct sdict_entry *e, const void *val, size_t vlen)
{
    mem_free(e->val);
    e->val = NULL;
    e->vlen = 0;
    if (val) {
        e->val = mem_alloc(vlen + 1);
        memcpy(e->val, val, vlen);
        e->val[vlen] = '\0';
        e->vlen = vlen;
    }
}

/* Unlink and free key's entry. A write: one rehash step, and a shrink may
 * start. O(1) average. */
int sdict_delete(struct sdict *d, const void *key, size_t klen)
{
    if (sdict_size(d) == 0)
        return 0;
    uint64_t h = dict_hash(key, klen);
    int t;
    struct sdict_entry **pp = bucket_for(d, h, &t);
    for (; *pp; pp = &(*pp)->next) {
        struct sdict_entry *e = *pp;
        if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0) {
            *pp = e->next;
            d->used[t]--;
            free_entry(e);
            rehash_step(d, 1);
            maybe_resize(d);
            return 1;
        }
    }
    return 0;
}

/* A uniform number in [0, n), n > 0: the high word of a 64x64-bit product
 * (a multiply instead of a division; the bias, n / 2^64, is negligible). */
static size_t rand_below(size_t n)
{
    return (size_t)(((unsigned __int128)dict_rand64() * n) >> 64);
}

/* A uniformly random entry, by rejection sampling: pick a bucket (over the
 * live buckets of both tables) and a position 0..M-1 where M bounds every
 * chain (maxchain), and accept only if the chain reaches that position.
 * Each entry is then hit with the same chance 1 / (buckets * M) per try.
 * Picking a bucket and then a member of its chain, as this once did, gives
 * a member of a chain of k entries k times less than one alone in its
 * bucket. Expected tries: buckets * M / entries, a small constant with the
 * load kept near [1/8, 1] and M a handful with a keyed hash. */
struct sdict_entry *sdict_random(struct sdict *d)
{
    if (sdict_size(d) == 0)
        return NULL;
    /* While rehashing, t[0] buckets below rehashidx are empty: skip them. */
    size_t lo = d->rehashing ? d->rehashidx : 0;
    size_t span = d->size[0] - lo + (d->rehashing ? d->size[1] : 0);
    size_t m = d->maxchain[0] > d->maxchain[1] ? d->maxchain[0] : d->maxchain[1];
    for (;;) {
        size_t r = lo + rand_below(span);
        size_t k = rand_below(m);
        struct sdict_entry *e = r < d->size[0] ? d->t[0][r] : d->t[1][r - d->size[0]];
        while (e && k--)
            e = e->next;
        if (e)
            return e;
    }
}

void sdict_read_step(struct sdict *d)
{
    rehash_step(d, 1);
}

int sdict_is_rehashing(const struct sdict *d)
{
    return d->rehashing;
}

void sdict_foreach(struct sdict *d, void (*fn)(void *priv, struct sdict_entry *e), void *priv)
{
    for (int i = 0; i < 2; i++)
        for (size_t b = 0; b < d->size[i]; b++)
            for (struct sdict_entry *e = d->t[i][b]; e;) {
                struct sdict_entry *n = e->next;
                fn(priv, e);
                e = n;
            }
}

static unsigned long long rev_bits(unsigned long long v)
{
    unsigned long long r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | (v & 1);
        v >>= 1;
    }
    return r;
}

/* Advance a cursor in reverse-binary order under mask. */
static unsigned long long next_cursor(unsigned long long v, unsigned long long mask)
{
    v |= ~mask;
    v = rev_bits(v);
    v++;
    return rev_bits(v);
}

static size_t visit_chain(struct sdict_entry *e, void (*fn)(void *, struct sdict_entry *),
                          void *priv)
{
    size_t n = 0;
    while (e) {
        struct sdict_entry *next = e->next;
        fn(priv, e);
        n++;
        e = next;
    }
    return n;
}

/* Visit the bucket(s) that cursor v names and return the next cursor. While
 * rehashing, visits the small table's bucket and every bucket of the large
 * table that expands it, so nothing present for the whole scan is missed. */
static unsigned long long scan_one(struct sdict *d, unsigned long long v,
                                   void (*fn)(void *, struct sdict_entry *), void *priv,
                                   size_t *seen)
{
    if (!d->rehashing) {
        unsigned long long m = d->size[0] - 1;
        *seen += visit_chain(d->t[0][v & m], fn, priv);
        return next_cursor(v, m);
    }
    int s = d->size[0] <= d->size[1] ? 0 : 1;
    int l = 1 - s;
    unsigned long long ms = d->size[s] - 1, ml = d->size[l] - 1;
    /* Small-table buckets already moved are empty; visiting them is harmless. */
    *seen += visit_chain(d->t[s][v & ms], fn, priv);
    do {
        *seen += visit_chain(d->t[l][v & ml], fn, priv);
        v = next_cursor(v, ml);
    } while (v & (ml ^ ms));
    return v;
}

unsigned long long sdict_scan(struct sdict *d, unsigned long long cursor, long count,
                              void (*fn)(void *priv, struct sdict_entry *e), void *priv)
{
    if (sdict_size(d) == 0)
        return 0;
    if (count < 1)
        count = 1;
    size_t seen = 0;
    /* Bound the buckets visited so a sparse table can't make one call O(N). */
    long lmax = (long)(~0UL >> 1);
    long budget = count > lmax / 10 ? lmax : count * 10;
    do {
        cursor = scan_one(d, cursor, fn, priv, &seen);
    } while (cursor != 0 && seen < (size_t)count && --budget > 0);
    return cursor;
}

void sdict_stats_add_chain(struct sdict_table_stats *st, size_t n)
{
    st->clvector[n < SDICT_STATS_VECTLEN ? n : SDICT_STATS_VECTLEN - 1]++;
    if (n == 0)
        return;
    st->nonempty++;
    st->totchain += n;
    if (n > st->maxchain)
        st->maxchain = n;
}

/* Deep copy: same keys, values and scores, a fresh table sized for them.
 * O(N). */
struct sdict *sdict_dup(const struct sdict *d)
{
    struct sdict *c = sdict_new();
    size_t n = sdict_size(d);
    if (n) {
        c->size[0] = pow2_at_least(n);
        c->t[0] = mem_calloc(c->size[0], sizeof(*c->t[0]));
    }
    for (int i = 0; i < 2; i++)
        for (size_t b = 0; b < d->size[i]; b++)
            for (const struct sdict_entry *e = d->t[i][b]; e; e = e->next) {
                struct sdict_entry *x = mem_alloc(sizeof(*x) + e->klen + 1);
                memcpy(x, e, sizeof(*x) + e->klen + 1);
                x->val = NULL;
                x->vlen = 0;
                if (e->val)
                    sdict_set_val(x, e->val, e->vlen);
                size_t slot = x->hash & (c->size[0] - 1);
                x->next = c->t[0][slot];
                c->t[0][slot] = x;
                c->used[0]++;
            }
    for (size_t b = 0; b < c->size[0]; b++)
        note_chain(c, 0, c->t[0][b]);
    return c;
}

int sdict_table_stats(const struct sdict *d, int table, struct sdict_table_stats *st)
{
    memset(st, 0, sizeof(*st));
    if (table == 1 && !d->rehashing)
        return -1;
    st->buckets = d->size[table];
    st->used = d->used[table];
    for (size_t b = 0; b < d->size[table]; b++)
        sdict_stats_add_chain(st, chain_len(d->t[table][b]));
    return 0;
}
