/* sdict: a hash table of binary-safe string keys, each with an optional
 * value (a string for hashes, a double for sorted sets, nothing for sets).
 * It is the "hashtable" encoding of the collection types; the keyspace has
 * its own, more compact table (dict.c).
 *
 * Power-of-two bucket arrays with chaining and incremental rehash (a step per
 * write, never a stop-the-world resize). SCAN uses the reverse-binary cursor,
 * so an element present for a whole scan is returned at least once across
 * resizes.
 *
 * Must not know: the types built on it. Keys and string values are copied in.
 */
#ifndef TERN_SDICT_H
#define TERN_SDICT_H

#include <stddef.h>
#include <stdint.h>

struct sdict;

/* One element. Fields are read-only to callers except through the API. */
struct sdict_entry {
    struct sdict_entry *next;
    uint64_t hash;
    char *val; /* string value, or NULL (mem_alloc'd, owned) */
    size_t vlen;
    double score; /* for sorted sets */
    size_t klen;
    char key[]; /* the key bytes, NUL-terminated for convenience */
};

struct sdict *sdict_new(void);
void sdict_free(struct sdict *d);
size_t sdict_size(const struct sdict *d);
/* Bytes used by the table and its entries (MEMORY USAGE, INFO). */
size_t sdict_mem(const struct sdict *d);

/* Find key; NULL if absent. O(1) average. */
struct sdict_entry *sdict_find(struct sdict *d, const void *key, size_t klen);
/* Add key if absent. Returns the entry and sets *created (1 new, 0 existed).
 * Entry pointers stay valid until that entry is deleted (rehash moves links,
 * not entries). */
struct sdict_entry *sdict_add(struct sdict *d, const void *key, size_t klen, int *created);
/* Set an entry's string value (copied; NULL/0 clears). */
void sdict_set_val(struct sdict_entry *e, const void *val, size_t vlen);
/* Delete key; returns 1 if it was there. */
int sdict_delete(struct sdict *d, const void *key, size_t klen);

/* A uniformly random entry (NULL if empty): every entry equally likely,
 * whatever its chain and during a rehash too. Does not step the rehash
 * (commands call sdict_read_step first).
 * O(1) expected for a table kept at load >= 1/8 (rejection sampling, about
 * buckets * longest-chain / entries tries). */
struct sdict_entry *sdict_random(struct sdict *d);
/* One rehash step on behalf of a read (a command that only reads d, such as
 * SRANDMEMBER): reads move a resize on too, as in Redis, so a table that
 * is only read does not stay half-rehashed, holding both tables, for ever.
 * Entries are relinked, never reallocated: pointers to them stay valid.
 * Must not be called while d is being walked. O(1). */
void sdict_read_step(struct sdict *d);
/* 1 while an incremental resize is in progress (tests, DEBUG). */
int sdict_is_rehashing(const struct sdict *d);

/* Iterate over all entries; the callback must not modify the table. */
void sdict_foreach(struct sdict *d, void (*fn)(void *priv, struct sdict_entry *e), void *priv);

/* One SCAN step: visit at least one bucket, about count entries; returns the
 * next cursor (0 at the end). */
unsigned long long sdict_scan(struct sdict *d, unsigned long long cursor, long count,
                              void (*fn)(void *priv, struct sdict_entry *e), void *priv);

/* A deep copy (COPY). */
struct sdict *sdict_dup(const struct sdict *d);

/* Chain statistics of one bucket array (DEBUG HTSTATS-KEY). */
#define SDICT_STATS_VECTLEN 50
struct sdict_table_stats {
    size_t buckets, used;                 /* bucket count, entries */
    size_t nonempty;                      /* buckets holding at least one entry */
    size_t maxchain;                      /* longest chain */
    size_t totchain;                      /* entries counted by walking the chains */
    size_t clvector[SDICT_STATS_VECTLEN]; /* buckets per chain length (last: that or longer) */
};
/* Count one bucket whose chain holds n entries into *st (shared by every
 * table that reports these statistics). */
void sdict_stats_add_chain(struct sdict_table_stats *st, size_t n);
/* Fill *st for table 0 (main) or 1 (the rehash target). Returns 0, or -1
 * for table 1 outside a rehash. Read-only. O(buckets + entries). */
int sdict_table_stats(const struct sdict *d, int table, struct sdict_table_stats *st);

#endif
