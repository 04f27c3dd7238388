/* dict: see dict.h. Invariants beyond the header's:
 * - not rehashing: tab[1] == NULL, size[1] == used[1] == 0;
 * - rehashing: every table-0 bucket below rehashidx is empty (and its mark
 *   bit clear), so an entry lives in table 0 iff its table-0 bucket index is
 *   >= rehashidx;
 * - size[0] == 0 only when the dict has never held anything or was released.
 * Hashes are not stored in entries (that would cost 4-8 bytes per key);
 * rehashing recomputes them, which SipHash-1-3 makes cheap for short keys.
 */
#include "dict.h"

#include "mem.h"
#include "siphash.h"
#include "util.h"

static uint8_t seed[16];
static int seeded;

/* A one-entry memo: a write command hashes the same key several times
 * (lookup, then insert or replace); the rehash step does not use the memo,
 * so the other keys it moves in between do not evict that key. The hash
 * is a pure function of the bytes, so comparing the bytes is a safe cache
 * check; keys longer than MEMO_MAX are just hashed. */
#define MEMO_MAX 64
static char memo_key[MEMO_MAX];
static size_t memo_len = (size_t)-1;
static uint64_t memo_hash;

static uint64_t rng_state;

static void ensure_seed(void)
{
    if (seeded)
        return;
    util_random_bytes(seed, sizeof(seed));
    seeded = 1;
    memcpy(&rng_state, seed + 3, 8);
    rng_state |= 1;
}

void dict_set_seed(const uint8_t s[16])
{
    memo_len = (size_t)-1; /* the memo belongs to the old seed */
    memcpy(seed, s, 16);
    seeded = 1;
    memcpy(&rng_state, seed + 3, 8);
    rng_state |= 1;
}

/* 1 if key[0..len) is the memo's key. Keys of one workload tend to share
 * a prefix and differ at the end, so the last 8 bytes are compared first
 * (inline): a miss usually costs no memcmp call. */
static inline int memo_match(const char *key, size_t len)
{
    if (len != memo_len)
        return 0;
    if (len >= 8) {
        uint64_t a, b;
        memcpy(&a, key + len - 8, 8);
        memcpy(&b, memo_key + len - 8, 8);
        if (a != b)
            return 0;
        return memcmp(key, memo_key, len - 8) == 0;
    }
    return memcmp(key, memo_key, len) == 0;
}

uint64_t dict_hash(const char *key, size_t len)
{
    if (memo_match(key, len))
        return memo_hash;
    ensure_seed();
    uint64_t h = siphash13(key, len, seed);
    if (len <= MEMO_MAX) {
        memcpy(memo_key, key, len);
        memo_len = len;
        memo_hash = h;
    }
    return h;
}

uint64_t dict_rand64(void)
{
    ensure_seed();
    /* xorshift64*: good enough to pick buckets, not for anything secret. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t entry_hash(const struct dict *d, uint32_t h)
{
    size_t len;
    const char *k = d->type->key(slab_ptr(h), &len);
    return dict_hash(k, len);
}

/* entry_hash for the rehash step: the keys it meets are unrelated to the
 * running command's key, so it bypasses (and keeps) the memo. */
static uint64_t entry_hash_nomemo(const struct dict *d, uint32_t h)
{
    size_t len;
    const char *k = d->type->key(slab_ptr(h), &len);
    ensure_seed();
    return siphash13(k, len, seed);
}

static int entry_marked(const struct dict *d, uint32_t h)
{
    return d->type->marked && d->type->marked(slab_ptr(h));
}

static void set_mark(struct dict *d, int t, size_t idx)
{
    d->mark[t][idx >> 6] |= 1ULL << (idx & 63);
}

static int get_mark(const struct dict *d, int t, size_t idx)
{
    return (int)((d->mark[t][idx >> 6] >> (idx & 63)) & 1);
}

static void clear_mark(struct dict *d, int t, size_t idx)
{
    d->mark[t][idx >> 6] &= ~(1ULL << (idx & 63));
}

void dict_init(struct dict *d, const struct dict_type *type)
{
    memset(d, 0, sizeof(*d));
    d->rehashidx = -1;
    d->type = type;
}

static void table_alloc(struct dict *d, int t, size_t size)
{
    d->tab[t] = mem_calloc(size, sizeof(uint32_t));
    d->mark[t] = mem_calloc((size + 63) / 64, sizeof(uint64_t));
    d->size[t] = size;
    d->used[t] = 0;
}

static void table_free(struct dict *d, int t)
{
    mem_free(d->tab[t]);
    mem_free(d->mark[t]);
    d->tab[t] = NULL;
    d->mark[t] = NULL;
    d->size[t] = 0;
    d->used[t] = 0;
}

void dict_release(struct dict *d)
{
    table_free(d, 0);
    table_free(d, 1);
    d->rehashidx = -1;
}

size_t dict_mem(const struct dict *d)
{
    size_t n = 0;
    for (int t = 0; t < 2; t++)
        if (d->size[t])
            n += mem_size(d->tab[t]) + mem_size(d->mark[t]);
    return n;
}

/* Start moving to a table of nsize buckets (or just allocate the first one). */
static void resize(struct dict *d, size_t nsize)
{
    if (d->size[0] == 0) {
        table_alloc(d, 0, nsize);
        return;
    }
    table_alloc(d, 1, nsize);
    d->rehashidx = 0;
}

static size_t pow2_at_least(size_t n)
{
    size_t s = DICT_MIN_SIZE;
    while (s < n)
        s <<= 1;
    return s;
}

/* Start a shrink if the table is under 1/8 full. Checked after deletes and
 * when a rehash ends (so an emptied table shrinks in steps to the minimum). */
static int shrink_if_needed(struct dict *d)
{
    if (dict_is_rehashing(d) || d->size[0] <= DICT_MIN_SIZE || d->used[0] * 8 >= d->size[0])
        return 0;
    resize(d, pow2_at_least(d->used[0] * 2));
    return 1;
}

int dict_rehash(struct dict *d, int n)
{
    if (!dict_is_rehashing(d))
        return 0;
    int empty_left = n * 10;
    size_t mask1 = d->size[1] - 1;
    while (n-- > 0 && d->used[0] != 0) {
        size_t i = (size_t)d->rehashidx;
        while (d->tab[0][i] == 0) {
            d->rehashidx = (long long)++i;
            if (--empty_left == 0)
                return 1;
        }
        for (uint32_t h = d->tab[0][i]; h;) {
            uint32_t next = dict_next(h);
            size_t j = entry_hash_nomemo(d, h) & mask1;
            dict_set_next(h, d->tab[1][j]);
            d->tab[1][j] = h;
            if (entry_marked(d, h))
                set_mark(d, 1, j);
            d->used[0]--;
            d->used[1]++;
            h = next;
        }
        d->tab[0][i] = 0;
        clear_mark(d, 0, i);
        d->rehashidx = (long long)i + 1;
    }
    if (d->used[0] != 0)
        return 1;
    /* Done: table 1 becomes table 0. */
    mem_free(d->tab[0]);
    mem_free(d->mark[0]);
    d->tab[0] = d->tab[1];
    d->mark[0] = d->mark[1];
    d->size[0] = d->size[1];
    d->used[0] = d->used[1];
    d->tab[1] = NULL;
    d->mark[1] = NULL;
    d->size[1] = d->used[1] = 0;
    d->rehashidx = -1;
    return shrink_if_needed(d);
}

/* Position of an entry: table, bucket, the entry and its predecessor. */
struct pos {
    int t;
    size_t i;
    uint32_t prev, h;
};

/* Find the entry that is target (if non-zero) or has this key. While
 * rehashing, table 0 is searched only if the key's bucket there has not been
 * moved yet, then table 1 (which receives the moved and the new entries).
 * Returns 1 and fills *ps if found. */
static int locate(const struct dict *d, uint64_t hv, uint32_t target, const char *key, size_t len,
                  struct pos *ps)
{
    for (int t = 0; t < 2; t++) {
        if (d->size[t] == 0)
            continue;
        size_t i = hv & (d->size[t] - 1);
        if (t == 0 && dict_is_rehashing(d) && i < (size_t)d->rehashidx)
            continue;
        for (uint32_t p = 0, c = d->tab[t][i]; c; p = c, c = dict_next(c)) {
            int match;
            if (target) {
                match = c == target;
            } else {
                size_t elen;
                const char *ek = d->type->key(slab_ptr(c), &elen);
                match = elen == len && memcmp(ek, key, len) == 0;
            }
            if (match) {
                *ps = (struct pos){t, i, p, c};
                return 1;
            }
        }
    }
    return 0;
}

uint32_t dict_find(struct dict *d, const char *key, size_t len)
{
    if (dict_size(d) == 0)
        return 0;
    dict_rehash(d, 1);
    struct pos ps;
    return locate(d, dict_hash(key, len), 0, key, len, &ps) ? ps.h : 0;
}

int (*dict_grow_allowed)(size_t more, double load);

/* Ask the hook whether the full table may double now. */
static int grow_allowed(const struct dict *d)
{
    if (!dict_grow_allowed)
        return 1;
    size_t n = d->size[0] * 2;
    size_t more = n * sizeof(uint32_t) + (n + 63) / 64 * sizeof(uint64_t);
    return dict_grow_allowed(more, (double)d->used[0] / (double)d->size[0]);
}

void dict_add(struct dict *d, uint32_t h)
{
    dict_rehash(d, 1);
    if (!dict_is_rehashing(d)) {
        if (d->size[0] == 0)
            resize(d, DICT_MIN_SIZE);
        else if (d->used[0] >= d->size[0] && grow_allowed(d))
            resize(d, d->size[0] * 2);
    }
    /* While rehashing, new entries go to the new table so the old one only
     * drains. */
    int t = dict_is_rehashing(d) ? 1 : 0;
    size_t i = entry_hash(d, h) & (d->size[t] - 1);
    dict_set_next(h, d->tab[t][i]);
    d->tab[t][i] = h;
    if (entry_marked(d, h))
        set_mark(d, t, i);
    d->used[t]++;
}

/* Make whatever points at ps->h point at nh instead. */
static void relink(struct dict *d, const struct pos *ps, uint32_t nh)
{
    if (ps->prev)
        dict_set_next(ps->prev, nh);
    else
        d->tab[ps->t][ps->i] = nh;
}

int dict_unlink(struct dict *d, uint32_t h)
{
    if (dict_size(d) == 0)
        return 0;
    dict_rehash(d, 1);
    struct pos ps;
    if (!locate(d, entry_hash(d, h), h, NULL, 0, &ps))
        return 0;
    relink(d, &ps, dict_next(h));
    d->used[ps.t]--;
    shrink_if_needed(d);
    return 1;
}

int dict_replace(struct dict *d, uint32_t oh, uint32_t nh)
{
    if (dict_size(d) == 0)
        return 0;
    struct pos ps;
    if (!locate(d, entry_hash(d, nh), oh, NULL, 0, &ps))
        return 0;
    dict_set_next(nh, dict_next(oh));
    relink(d, &ps, nh);
    if (entry_marked(d, nh))
        set_mark(d, ps.t, ps.i);
    return 1;
}

static unsigned long long rev64(unsigned long long v)
{
    v = ((v >> 1) & 0x5555555555555555ULL) | ((v & 0x5555555555555555ULL) << 1);
    v = ((v >> 2) & 0x3333333333333333ULL) | ((v & 0x3333333333333333ULL) << 2);
    v = ((v >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((v & 0x0F0F0F0F0F0F0F0FULL) << 4);
    return __builtin_bswap64(v);
}

/* Increment the cursor in reversed bit order over the bits in mask: set the
 * bits above the mask so the carry runs off the top of the masked part. */
static unsigned long long rev_incr(unsigned long long v, unsigned long long mask)
{
    v |= ~mask;
    v = rev64(v);
    v++;
    return rev64(v);
}

static void emit_chain(uint32_t h, void (*fn)(void *priv, uint32_t h), void *priv)
{
    while (h) {
        uint32_t next = dict_next(h);
        fn(priv, h);
        h = next;
    }
}

/* Why reverse-binary order: with power-of-two tables a bucket b of a table of
 * size s splits into buckets b and b + s of a table of size 2s (and merges
 * back when shrinking). Counting with the high bits first means every cursor
 * value already returned covers all the buckets its low bits map to, in
 * any table size, so resizing between calls loses nothing. While rehashing,
 * the small table's bucket and all its expansions in the large table are
 * visited in one step for the same reason. */
unsigned long long dict_scan(const struct dict *d, unsigned long long v,
                             void (*fn)(void *priv, uint32_t h), void *priv)
{
    if (dict_size(d) == 0)
        return 0;
    if (!dict_is_rehashing(d)) {
        unsigned long long m0 = d->size[0] - 1;
        emit_chain(d->tab[0][v & m0], fn, priv);
        return rev_incr(v, m0);
    }
    int s = d->size[0] <= d->size[1] ? 0 : 1, l = 1 - s;
    unsigned long long ms = d->size[s] - 1, ml = d->size[l] - 1;
    emit_chain(d->tab[s][v & ms], fn, priv);
    do {
        emit_chain(d->tab[l][v & ml], fn, priv);
        v = rev_incr(v, ml);
    } while (v & (ms ^ ml));
    return v;
}

void dict_foreach(const struct dict *d, void (*fn)(void *priv, uint32_t h), void *priv)
{
    for (int t = 0; t < 2; t++)
        for (size_t i = 0; i < d->size[t]; i++)
            emit_chain(d->tab[t][i], fn, priv);
}

/* Bucket r of the combined index space [table 0 buckets, table 1 buckets). */
static uint32_t bucket_at(const struct dict *d, size_t r)
{
    return r < d->size[0] ? d->tab[0][r] : d->tab[1][r - d->size[0]];
}

static uint32_t pick_in_chain(uint32_t h)
{
    size_t len = 0;
    for (uint32_t c = h; c; c = dict_next(c))
        len++;
    size_t k = (size_t)(dict_rand64() % len);
    while (k--)
        h = dict_next(h);
    return h;
}

uint32_t dict_random(const struct dict *d)
{
    if (dict_size(d) == 0)
        return 0;
    size_t lo = dict_is_rehashing(d) ? (size_t)d->rehashidx : 0;
    size_t total = d->size[0] + d->size[1];
    /* Rejection sampling for fairness: pick a bucket and a slot 0..7 and
     * accept only if the chain has that slot, so every entry of a chain of
     * up to 8 entries (all of them, in practice, with a keyed hash at load
     * <= 1) has the same chance. Picking a bucket then a chain member would
     * favour keys alone in their bucket. Expected tries: 8 * buckets / keys,
     * at most 64 at load 1/8; then a biased but bounded fallback. */
    for (int tries = 0; tries < 1024; tries++) {
        size_t r = lo + (size_t)(dict_rand64() % (total - lo));
        unsigned k = (unsigned)(dict_rand64() & 7);
        uint32_t h = bucket_at(d, r);
        while (h && k--)
            h = dict_next(h);
        if (h)
            return h;
    }
    size_t start = lo + (size_t)(dict_rand64() % (total - lo));
    for (size_t k = 0; k < total - lo; k++) {
        size_t r = lo + (start - lo + k) % (total - lo);
        uint32_t h = bucket_at(d, r);
        if (h)
            return pick_in_chain(h);
    }
    return 0; /* not reached: size > 0 */
}

size_t dict_sample(const struct dict *d, uint32_t *out, size_t max)
{
    if (dict_size(d) == 0 || max == 0)
        return 0;
    /* Table 0 below rehashidx is empty; the rest of table 0 and table 1
     * form one range of candidate buckets, as in dict_random. */
    size_t lo = dict_is_rehashing(d) ? (size_t)d->rehashidx : 0;
    size_t range = d->size[0] + d->size[1] - lo;
    size_t budget = max * 10 > 64 ? max * 10 : 64, n = 0;
    if (budget > range)
        budget = range; /* one lap at most: no entry twice */
    size_t start = (size_t)(dict_rand64() % range);
    for (size_t k = 0; k < budget && n < max; k++) {
        size_t r = start + k;
        if (r >= range)
            r -= range;
        for (uint32_t h = bucket_at(d, lo + r); h && n < max; h = dict_next(h))
            out[n++] = h;
    }
    return n;
}

/* The mark word covering bucket index c, both tables OR-ed (a table that
 * is not allocated, or shorter than c, contributes nothing). */
static uint64_t mark_word(const struct dict *d, size_t c)
{
    uint64_t word = 0;
    for (int t = 0; t < 2; t++)
        if (c < d->size[t])
            word |= d->mark[t][c >> 6];
    return word;
}

size_t dict_sample_marked(const struct dict *d, uint32_t *out, size_t max)
{
    size_t total = d->size[0] > d->size[1] ? d->size[0] : d->size[1];
    if (total == 0 || max == 0)
        return 0;
    size_t c = (size_t)(dict_rand64() % total), seen = 0, n = 0;
    /* One lap from a random bucket, 64 unmarked buckets per step. */
    for (int work = 0; work < 4096 && seen < total && n < max; work++) {
        uint64_t word = mark_word(d, c) & (~0ULL << (c & 63));
        size_t end = ((c >> 6) + 1) << 6;
        if (end > total)
            end = total;
        size_t next = word ? ((c >> 6) << 6) + (size_t)__builtin_ctzll(word) : end;
        if (next > end)
            next = end;
        seen += next - c;
        c = next;
        if (c < end && seen < total) {
            for (int t = 0; t < 2; t++) {
                if (c >= d->size[t] || !get_mark(d, t, c))
                    continue;
                for (uint32_t h = d->tab[t][c]; h && n < max; h = dict_next(h))
                    if (entry_marked(d, h))
                        out[n++] = h;
            }
            seen++;
            c++;
        }
        if (c >= total)
            c = 0;
    }
    return n;
}

/* Marked entries in bucket i of table t; clears a stale mark. */
static size_t count_marked(struct dict *d, int t, size_t i)
{
    size_t cnt = 0;
    for (uint32_t h = d->tab[t][i]; h; h = dict_next(h))
        cnt += entry_marked(d, h) ? 1 : 0;
    if (cnt == 0)
        clear_mark(d, t, i);
    return cnt;
}

size_t dict_collect_marked(struct dict *d, unsigned long long *cursor, uint32_t *out, size_t max,
                           size_t *buckets)
{
    int rh = dict_is_rehashing(d);
    size_t total = d->size[0] > d->size[1] ? d->size[0] : d->size[1];
    if (total == 0 || max == 0)
        return 0;
    size_t c = *cursor < total ? (size_t)*cursor : 0, n = 0;
    /* At most one lap per call: on a small table the cursor would otherwise
     * wrap and collect the same entries twice, and a caller that deletes
     * what it collected would then touch freed entries. */
    size_t lap = 0;
    for (int work = 0; work < 4096 && n < max && lap < total; work++) {
        size_t w = c >> 6;
        uint64_t word = 0;
        if (c < d->size[0])
            word |= d->mark[0][w];
        if (rh && c < d->size[1])
            word |= d->mark[1][w];
        word &= ~0ULL << (c & 63);
        if (!word) {
            lap += ((w + 1) << 6) - c;
            c = (w + 1) << 6;
            if (c >= total)
                c = 0;
            continue;
        }
        size_t next = (w << 6) + (size_t)__builtin_ctzll(word);
        lap += next - c;
        c = next;
        if (lap >= total)
            break;
        /* Both tables' bucket c are taken together or not at all, so a
         * bucket is never collected twice across calls. */
        size_t cnt = 0;
        for (int t = 0; t <= rh; t++) {
            if (c < d->size[t] && get_mark(d, t, c)) {
                (*buckets)++;
                cnt += count_marked(d, t, c);
            }
        }
        if (cnt && n > 0 && n + cnt > max)
            break;
        for (int t = 0; t <= rh && cnt; t++) {
            if (c >= d->size[t])
                continue;
            for (uint32_t h = d->tab[t][c]; h && n < max; h = dict_next(h))
                if (entry_marked(d, h))
                    out[n++] = h;
        }
        lap++;
        if (++c >= total)
            c = 0;
    }
    *cursor = c;
    return n;
}
