/* dict: a chained hash table of slab blocks with incremental rehash.
 *
 * Entries are slab blocks (see slab.h) named by 32-bit handles. The first 4
 * bytes of every entry are the chain link (the handle of the next entry in
 * the bucket, 0 at the end); everything else in the entry belongs to the
 * caller, which tells the dict how to read an entry's key (and whether the
 * entry is "marked", see below) through a struct dict_type. A bucket costs
 * 4 bytes, an entry costs no more than its link.
 *
 * Resizing never stops the world: growing or shrinking allocates a second
 * table and moves a bucket at a time, on each find/add/unlink and from
 * dict_rehash() (called in idle time). While rehashing, buckets of table 0
 * below rehashidx are empty and new entries go to table 1.
 * Sizes are powers of two; the table grows (x2) when it holds as many entries
 * as buckets and shrinks when under 1/8 full (never below DICT_MIN_SIZE).
 *
 * Marks: one bit per bucket says "this chain may hold a marked entry" (the
 * keyspace marks entries with a TTL so active expiry can skip buckets without
 * one). Bits are set on insert/replace/move and cleared lazily by
 * dict_collect_marked when it finds a bucket without marked entries, so a set
 * bit may be stale but a clear bit is always right.
 *
 * Hashing is SipHash-1-3 keyed with a per-process random seed.
 *
 * Must not know: what entries hold besides the link; the keyspace; expiry.
 */
#ifndef TERN_DICT_H
#define TERN_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "slab.h"

#define DICT_MIN_SIZE 4

struct dict_type {
    /* Key bytes of entry e (borrowed, valid while e lives). */
    const char *(*key)(const void *e, size_t *len);
    /* Non-zero if e is marked (NULL: nothing is ever marked). */
    int (*marked)(const void *e);
};

struct dict {
    uint32_t *tab[2];    /* bucket heads (handles) */
    uint64_t *mark[2];   /* 1 bit per bucket, see "Marks" */
    size_t size[2];      /* buckets; 0 = table not allocated */
    size_t used[2];      /* entries */
    long long rehashidx; /* next table-0 bucket to move; -1 if not rehashing */
    const struct dict_type *type;
};

/* Chain link of entry h (h != 0). */
static inline uint32_t dict_next(uint32_t h)
{
    uint32_t n;
    memcpy(&n, slab_ptr(h), 4);
    return n;
}
static inline void dict_set_next(uint32_t h, uint32_t n)
{
    memcpy(slab_ptr(h), &n, 4);
}

/* Set the hash seed (tests; otherwise random per process on first use). */
void dict_set_seed(const uint8_t seed[16]);
/* SipHash-1-3 of key under the process seed. */
uint64_t dict_hash(const char *key, size_t len);

/* Initialise an empty dict (allocates nothing). */
void dict_init(struct dict *d, const struct dict_type *type);
/* Free the tables (not the entries) and leave d empty and reusable. */
void dict_release(struct dict *d);
static inline size_t dict_size(const struct dict *d)
{
    return d->used[0] + d->used[1];
}
static inline int dict_is_rehashing(const struct dict *d)
{
    return d->rehashidx >= 0;
}
/* Bytes used by the bucket arrays and mark bitmaps. */
size_t dict_mem(const struct dict *d);

/* Handle of the entry with this key, or 0. Average O(1). */
uint32_t dict_find(struct dict *d, const char *key, size_t len);
/* Consulted before a full table doubles (NULL, the default: it always may).
 * more is the bytes the new bucket array and marks will take, load the
 * entries per bucket now. Returning 0 puts the growth off to a later insert
 * (chains just get longer meanwhile). maxmemory sets it, as Redis's
 * dictExpandAllowed, so that a resize alone does not force evictions. */
extern int (*dict_grow_allowed)(size_t more, double load);
/* Insert entry h, whose key must not be present. May start a resize. O(1). */
void dict_add(struct dict *d, uint32_t h);
/* Remove entry h from the table (h itself is not freed). Returns 1 if it
 * was there. May start a shrink. Average O(1). */
int dict_unlink(struct dict *d, uint32_t h);
/* Put entry nh in place of oh (same key, e.g. after the caller copied the
 * entry into a bigger block). Returns 1 if oh was found. Average O(1). */
int dict_replace(struct dict *d, uint32_t oh, uint32_t nh);
/* Move up to n buckets to the new table (visiting at most 10n empty ones).
 * Returns 1 if rehashing is still in progress. */
int dict_rehash(struct dict *d, int n);

/* SCAN step with a reverse-binary cursor: visits the table-0 bucket for the
 * cursor and, while rehashing, every bucket of the larger table that expands
 * it, calling fn for each entry. Returns the next cursor (0 = done). Every
 * entry present for the whole scan is reported at least once across grows,
 * shrinks and rehashing. fn must not modify d. */
unsigned long long dict_scan(const struct dict *d, unsigned long long cursor,
                             void (*fn)(void *priv, uint32_t h), void *priv);
/* Call fn for every entry exactly once. fn must not modify d. O(n + size). */
void dict_foreach(const struct dict *d, void (*fn)(void *priv, uint32_t h), void *priv);
/* A random entry (0 if empty), uniform over entries in chains of up to 8
 * (rejection sampling: random bucket, random slot 0..7, retry if the slot is
 * empty). Bounded: after 1024 misses it falls back to a scan from a random
 * bucket. Expected O(8 * buckets / entries) probes. */
uint32_t dict_random(const struct dict *d);
/* Up to max entries from consecutive buckets starting at a random one
 * (eviction sampling, as Redis's dictGetSomeKeys): visits at most
 * max(10 * max, 64) buckets and never more than one lap, so no entry is
 * returned twice; when that budget covers every bucket and max >= the
 * number of entries, every entry is returned (tests rely on it). Returns
 * the number stored in out[]. O(max) while the table is not nearly empty
 * (load >= 1/8 by the shrink rule). */
size_t dict_sample(const struct dict *d, uint32_t *out, size_t max);
/* Up to max marked entries from one lap of buckets starting at a random
 * one, skipping unmarked buckets 64 at a time (eviction sampling among keys
 * with a TTL). No entry twice; every marked entry when max allows and the
 * lap fits the work bound (4096 mark words). Does not clear stale marks.
 * Returns the number stored in out[]. */
size_t dict_sample_marked(const struct dict *d, uint32_t *out, size_t max);
/* Collect up to max marked entries into out[], walking buckets linearly
 * from *cursor (which it advances, wrapping at the end of the larger table)
 * and skipping unmarked buckets 64 at a time. Looks at most about 4096
 * bucket words per call. *buckets counts the marked buckets examined.
 * Returns the number collected. The caller may unlink them afterwards. */
size_t dict_collect_marked(struct dict *d, unsigned long long *cursor, uint32_t *out, size_t max,
                           size_t *buckets);
/* A cheap pseudo-random 64-bit number (xorshift, seeded from the seed). */
uint64_t dict_rand64(void);

#endif
