/* t_zset: the sorted set type, shared between its command files
 * (t_zset.c: object layer and point commands; t_zset_idx.c: member index; t_zset_range.c: range
 * commands; t_zset_set.c: ZUNION/ZINTER/ZDIFF).
 *
 * A sorted set value (kv_ptr of a KV_ZSET entry) is a struct zobj. It is
 * either a listpack (lp != NULL: member, score, member, score... sorted by
 * score then member bytes; KV_ENC_LISTPACK) or a skiplist plus a member
 * index (lp == NULL; KV_ENC_SKIPLIST): the member bytes live only in the
 * skiplist nodes, and the index (t_zset_idx.c) hashes node pointers by
 * member. A listpack grows into a
 * skiplist once it would exceed zset-max-listpack-entries or a member is
 * longer than zset-max-listpack-value; it never shrinks back in place.
 *
 * Must not know: other types' internals, connections.
 */
#ifndef TERN_T_ZSET_H
#define TERN_T_ZSET_H

#include <stddef.h>
#include <stdint.h>

#include "resp.h"
#include "skiplist.h"

struct client;
struct kv;
struct zidx;

struct zobj {
    unsigned char *lp;   /* listpack encoding, or NULL */
    struct skiplist *sl; /* skiplist encoding: order */
    struct zidx *idx;    /* skiplist encoding: member -> node */
};

/* Member index (t_zset_idx.c): a chained hash table of skiplist nodes,
 * linked through their hnext fields; it owns only its table. Find, add and
 * remove are O(1) expected; resizing is incremental (a few buckets per add/remove). */
struct zidx *zidx_new(void);
void zidx_free(struct zidx *x);
size_t zidx_mem(const struct zidx *x);
unsigned long zidx_size(const struct zidx *x);
/* Chain statistics of bucket array 0 (main) or 1 (the resize target) into
 * *st (sdict.h's layout; DEBUG HTSTATS-KEY). Returns 0, or -1 for array 1
 * outside a resize. Read-only. O(buckets + members). */
struct sdict_table_stats;
int zidx_table_stats(const struct zidx *x, int table, struct sdict_table_stats *st);
/* The node holding member m, or NULL. */
struct sl_node *zidx_find(const struct zidx *x, const char *m, size_t len);
/* Index node n, whose member must not be indexed yet. */
void zidx_add(struct zidx *x, struct sl_node *n);
/* The same with the member's hash h = zidx_hash(m, len) computed once by
 * the caller (a lookup then an insert hash the member only once). */
uint64_t zidx_hash(const char *m, size_t len);
struct sl_node *zidx_find_h(const struct zidx *x, const char *m, size_t len, uint64_t h);
void zidx_add_h(struct zidx *x, struct sl_node *n, uint64_t h);
/* Unit tests only: index buckets from the stored tags only while a table
 * has at most 2^bits buckets (24 by default), so small tables can exercise
 * the rehash-on-move path that only huge ones take otherwise. */
void zidx_limit_tag_bits(struct zidx *x, int bits);
/* Unindex node n (before it is freed). */
void zidx_remove(struct zidx *x, struct sl_node *n);
/* One SCAN step (reverse-binary cursor); returns the next cursor, 0 when
 * done. fn must not change the index. */
unsigned long long zidx_scan(const struct zidx *x, unsigned long long cursor, long count,
                             void (*fn)(void *priv, struct sl_node *n), void *priv);

/* Called once at startup: registers the type's free/dup/mem. */
void t_zset_init(void);

/* ZADD flags (in) and results (out). */
#define ZA_NX      (1 << 0)
#define ZA_XX      (1 << 1)
#define ZA_GT      (1 << 2)
#define ZA_LT      (1 << 3)
#define ZA_INCR    (1 << 4)
#define ZA_NAN     (1 << 8)
#define ZA_ADDED   (1 << 9)
#define ZA_UPDATED (1 << 10)
#define ZA_NOP     (1 << 11)

struct zobj *zobj_new(int listpack);
/* A new, empty zobj in the encoding a set of n elements with longest
 * member maxlen gets. */
struct zobj *zobj_new_for(size_t n, size_t maxlen);
void zobj_free(void *p);
int zobj_enc(const struct zobj *z); /* KV_ENC_LISTPACK or KV_ENC_SKIPLIST */
size_t zobj_len(const struct zobj *z);
/* Score of member; 1 if present. */
int zobj_score(struct zobj *z, const char *m, size_t len, double *score);
/* Add/update member with ZA_* in flags; sets *out (ZA_ADDED/UPDATED/NOP/NAN)
 * and *newscore. Converts encoding as needed. Returns 0 on NaN. */
int zobj_add(struct zobj *z, double score, const char *m, size_t len, int flags, int *out,
             double *newscore);
/* Remove member; 1 if it was there. */
int zobj_del(struct zobj *z, const char *m, size_t len);
/* 0-based rank (reverse order if rev), -1 if absent. */
long zobj_rank(struct zobj *z, const char *m, size_t len, int rev);
/* Count of elements in a score / lex range; *first gets the 0-based rank
 * of the first (ascending). */
unsigned long zobj_score_bounds(struct zobj *z, const struct sl_range *r, unsigned long *first);
unsigned long zobj_lex_bounds(struct zobj *z, const struct sl_lexrange *r, unsigned long *first);
/* Lex range searches with Redis's exact algorithm (see t_zset_obj.c):
 * first / last element rank or -1; and the length of the run from start
 * (forward while <= max, or backward while >= min), at most max. */
long zobj_lex_first(struct zobj *z, const struct sl_lexrange *r, int precheck);
long zobj_lex_last(struct zobj *z, const struct sl_lexrange *r);
unsigned long zobj_lex_run(struct zobj *z, const struct sl_lexrange *r, unsigned long start,
                           int rev, unsigned long max);
/* Delete count elements from ascending rank first. */
void zobj_del_ranks(struct zobj *z, unsigned long first, unsigned long count);

/* A cursor over elements by rank. Valid until the zobj changes. */
struct zcur {
    struct zobj *z;
    size_t off;
    struct sl_node *node;
    char buf[24];
};
/* Position at 0-based ascending rank (must be < len). */
void zcur_at(struct zcur *c, struct zobj *z, unsigned long rank);
void zcur_get(struct zcur *c, const char **m, size_t *len, double *score);
void zcur_next(struct zcur *c);
void zcur_prev(struct zcur *c);

/* Shared command helpers. */
/* Lookup for read/write with the zset type check: returns 1 and sets *e
 * (NULL if missing); replies WRONGTYPE and returns 0 on another type. */
int tzset_lookup(struct client *c, const struct resp_arg *key, int write, struct kv **e);
/* Parse a score range / lex range argument pair; 0 on error (no reply). */
int tzset_parse_range(const struct resp_arg *min, const struct resp_arg *max, struct sl_range *r);
int tzset_parse_lex(const struct resp_arg *min, const struct resp_arg *max, struct sl_lexrange *r);
/* Store z at key (deleting key if z is empty, freeing z); fires events. */
void tzset_store(struct client *c, const struct resp_arg *key, struct zobj *z, const char *event);
/* After writing to e: fix the encoding, delete if empty (fires "del").
 * Returns 1 if the key was deleted. */
int tzset_after_write(struct client *c, const struct resp_arg *key, struct kv *e);

#endif
