/* db: the keyspaces. One struct db per database: a hash table of entries
 * (struct kv: key, value and optional expiry in one block), lazy and active
 * expiry, SCAN, random keys, flush and swap.
 *
 * Must not know: the network, clients, replies.
 *
 * Entry lifetime: a struct kv pointer returned by a lookup stays valid until
 * the next call that writes to the same db (set, delete, resize, expire change,
 * or another lookup that may lazily expire keys). Functions that may move an
 * entry take a struct kv ** and update it. (In practice an entry moves only
 * when its own size changes: TTL added/removed, string made writable, value
 * replaced; rehashing never moves entries, and a lookup of key B can only
 * free B.)
 *
 * Types are numbered as Redis numbers them (TYPE, RDB). Encodings are the
 * names OBJECT ENCODING reports; the physical layout is kv.c's business.
 */
#ifndef TERN_DB_H
#define TERN_DB_H

#include <stddef.h>
#include <stdint.h>

enum kv_type { KV_STRING = 0, KV_LIST = 1, KV_SET = 2, KV_ZSET = 3, KV_HASH = 4, KV_STREAM = 6 };

enum kv_enc {
    KV_ENC_RAW,
    KV_ENC_INT,
    KV_ENC_EMBSTR,
    KV_ENC_LISTPACK,
    KV_ENC_QUICKLIST,
    KV_ENC_INTSET,
    KV_ENC_HASHTABLE,
    KV_ENC_SKIPLIST,
    KV_ENC_STREAM
};
/* "raw", "int", "embstr", "listpack", ... */
const char *kv_enc_name(int enc);
/* "string", "list", "set", "zset", "hash", "stream" */
const char *kv_type_name(int type);

struct kv;
struct db;

/* Collection types register how to free, copy and size their objects. */
struct kv_type_ops {
    void (*free)(void *ptr);
    void *(*dup)(const void *ptr);
    size_t (*mem)(const void *ptr);
};
void kv_register_type(int type, const struct kv_type_ops *ops);

/* ---- entry accessors (O(1)) ---- */
const char *kv_key(const struct kv *e, size_t *len);
int kv_type(const struct kv *e);
int kv_enc(const struct kv *e);
/* String value bytes (KV_STRING only). Valid as long as the entry. */
const char *kv_str(const struct kv *e, size_t *len);
/* Collection object (non-string types). */
void *kv_ptr(const struct kv *e);
void kv_set_ptr(struct kv *e, void *ptr); /* no free of the old one */
void kv_set_enc(struct kv *e, int enc);
/* 1 for an int-encoded string that Redis would not share (a COPY): OBJECT
 * REFCOUNT reports 1 for it even when its value is a small integer. */
int kv_int_unshared(const struct kv *e);
/* Overwrite the bytes of e's string value (KV_STRING) with val[0..vlen)
 * when it is held inline and vlen is its current length: the entry does not
 * move and keeps its encoding, TTL and LRU (INCR changes a counter in place,
 * as Redis does). Returns 1, or 0 with nothing changed when the lengths
 * differ or the string lives in a heap buffer. O(vlen). */
int kv_str_overwrite(struct kv *e, const char *val, size_t vlen);
/* Absolute expiry in unix ms, or -1. */
long long kv_expire(const struct kv *e);
/* The 24-bit LRU clock (seconds resolution) or LFU data, as Redis keeps it. */
unsigned kv_lru(const struct kv *e);
void kv_set_lru(struct kv *e, unsigned lru);
/* Bytes this entry and its value use (for DEBUG OBJECT / MEMORY USAGE). */
size_t kv_mem(const struct kv *e);
/* The same without a collection's object: the entry block, an out-of-line
 * key and a string's heap buffer (MEMORY USAGE adds a sampled value). O(1). */
size_t kv_mem_shell(const struct kv *e);

/* ---- databases ---- */
struct db *db_create(int id);
void db_free(struct db *db);
int db_id(const struct db *db);
size_t db_size(const struct db *db);       /* keys, including not-yet-reaped expired */
size_t db_expires(const struct db *db);    /* keys with a TTL */
long long db_avg_ttl(const struct db *db); /* estimate, ms, for INFO keyspace */
size_t db_table_mem(const struct db *db);  /* bytes of hash-table overhead (MEMORY STATS) */

/* Lookup flags */
#define DB_LOOKUP_NOTOUCH  (1u << 0) /* do not update LRU */
#define DB_LOOKUP_NOEXPIRE (1u << 1) /* do not delete if expired (still report it as absent) */
#define DB_LOOKUP_RAW      (1u << 2) /* return an expired entry as it is (no delete, no touch) */

/* Find key; an expired key is deleted on the way (lazy expiry, counted in
 * db_stats.expired and announced through db_hooks.on_expired) and NULL is
 * returned. Unless DB_LOOKUP_NOTOUCH, the entry's LRU field is set to the
 * LRU clock (db_clock_ms / 1000, 24 bits); in LFU mode pass NOTOUCH and
 * update the field yourself. O(1) average. */
struct kv *db_lookup(struct db *db, const char *key, size_t klen, unsigned flags);

/* Set key to a string value, replacing any value of any type. enc is
 * KV_ENC_INT/EMBSTR/RAW to force one, or -1 for Redis's SET rule (int if the
 * text is a canonical integer of <= 20 chars, else embstr if <= 44 bytes, else
 * raw). DB_SET_KEEPTTL keeps an existing TTL; otherwise the TTL becomes
 * expire_ms (-1 for none). An existing but expired key is first reaped as
 * by a lookup (counted, hook called). key and val may point into the entry
 * being replaced. The old value is freed. Returns the new entry. */
#define DB_SET_KEEPTTL (1u << 0)
struct kv *db_set_string(struct db *db, const char *key, size_t klen, const char *val, size_t vlen,
                         int enc, long long expire_ms, unsigned flags);
/* Make the string value of *ep exactly newlen bytes long and writable: old
 * bytes are kept, new ones are zero. The encoding becomes raw. *ep is updated
 * (the entry may move). Amortised O(1) per appended byte (growth is geometric
 * for large values), so repeated APPEND is linear overall. */
char *db_string_resize(struct db *db, struct kv **ep, size_t newlen);

/* Set key to a collection value, taking ownership of ptr (freed through the
 * type's ops). Same replace and TTL rules as db_set_string; ptr must not be
 * the current value of key (that one is freed). */
struct kv *db_set_object(struct db *db, const char *key, size_t klen, int type, int enc, void *ptr,
                         long long expire_ms, unsigned flags);

/* Delete key. Returns 1 if it existed (expired keys count as absent: 0). */
int db_delete(struct db *db, const char *key, size_t klen);
/* Delete the entry e (which came from a lookup on db). */
void db_delete_entry(struct db *db, struct kv *e);

/* Set (when_ms >= 0) or remove (when_ms < 0) the TTL of *ep. The entry may
 * move; *ep is updated. */
void db_set_expire(struct db *db, struct kv **ep, long long when_ms);

/* Move entry *ep (from src) to key newkey in dst, which must not hold newkey
 * (the caller deletes it first). The value moves, it is not copied. TTL is
 * kept. Returns the new entry in dst. Works with src == dst (RENAME). */
struct kv *db_move_entry(struct db *src, struct kv *e, struct db *dst, const char *newkey,
                         size_t nlen);
/* Copy entry e to newkey in dst (which must not hold it): the value is
 * duplicated (string bytes, or the type's dup). TTL copied. */
struct kv *db_copy_entry(struct db *dst, const struct kv *e, const char *newkey, size_t nlen);

/* Remove every key. Returns how many there were. O(n). */
size_t db_empty(struct db *db);
/* Exchange the contents of two databases (SWAPDB). O(1). */
void db_swap(struct db *a, struct db *b);

/* A random live key (expired ones met on the way are deleted), or NULL.
 * Fair among keys (rejection sampling over buckets). After 100 expired picks
 * in a row it sweeps the table from the start, reaping expired keys until it
 * meets a live one: O(n) at worst, only when nearly all keys are expired. */
struct kv *db_random(struct db *db);

/* Up to max entries for eviction to weigh (Redis's sampling): entries of
 * consecutive buckets from a random one (dict_sample), or with volatile_only
 * only entries with a TTL (dict_sample_marked: the same over the buckets
 * marked as holding one). No entry twice; expired entries are included and nothing
 * is deleted or touched. The pointers are borrowed until the db is next
 * written. O(max) (more while the table is sparse). */
size_t db_sample(struct db *db, int volatile_only, struct kv **out, size_t max);

/* Iterate: the callback sees every entry exactly once; it must not write to
 * the db. Expired entries are included (callers check kv_expire). */
void db_foreach(struct db *db, void (*fn)(void *priv, struct kv *e), void *priv);

/* SCAN step. Visits at least one bucket and about count entries, calling fn
 * for each entry found (expired ones included: the caller filters). Returns
 * the next cursor, 0 when done. A key present for the whole iteration is
 * returned at least once, even across a resize or rehash. */
unsigned long long db_scan(struct db *db, unsigned long long cursor, long count,
                           void (*fn)(void *priv, struct kv *e), void *priv);

/* Active expiry: examine keys with a TTL for up to budget_us microseconds,
 * deleting the expired ones. Keeps its own bucket cursor across calls (so
 * successive calls sweep the whole table), skips buckets without TTL keys
 * through a bitmap, and reads the clock every 16 keys. Returns the number of
 * keys deleted. Adaptive: after at least 64 keys sampled it stops early when
 * <= 10% of those sampled were expired. Updates db_avg_ttl and db_stats. */
size_t db_active_expire(struct db *db, long long budget_us);

/* Incremental rehash for idle time: do up to ms milliseconds of rehashing. */
void db_rehash_ms(struct db *db, int ms);

/* LFU mode (an LFU maxmemory-policy is in force; the server keeps this in
 * step with its config): the 24-bit field of every entry then holds Redis's
 * LFU data, the minutes clock (16 bits) << 8 | a logarithmic counter, not
 * the seconds LRU clock. New entries start at counter 5; an overwritten
 * value keeps its key's data; each touching lookup first decays the counter
 * by one per decay_time minutes since its stamp (0: no decay), then adds 1
 * with probability 1 / ((counter - 5) * log_factor + 1) (counter - 5 taken
 * as 0 below 5; never past 255), and stamps the current minute. */
struct db_lfu_conf {
    int enabled;
    int log_factor; /* lfu-log-factor */
    int decay_time; /* lfu-decay-time, minutes */
};
extern struct db_lfu_conf db_lfu;
/* The counter of LFU data lfu after the decay due by now (nothing stored:
 * OBJECT FREQ, RDB, eviction read it this way). O(1). */
unsigned db_lfu_counter(unsigned lfu);

/* ---- global hooks and statistics ---- */
struct db_hooks {
    /* Called when a key is removed because it expired (lazily or actively),
     * after it is gone. */
    void (*on_expired)(struct db *db, const char *key, size_t klen);
    /* Called when a collection value is stored under a key (db_set_object,
     * or a move/copy of a collection): clients blocked on that key may now
     * be served (Redis signals "key ready" at the same points). */
    void (*on_collection_stored)(struct db *db, const char *key, size_t klen, int type);
    /* Called when a key that did not exist is added (put, move, copy), as
     * Redis's dbAdd: the "new" keyspace event. */
    void (*on_key_added)(struct db *db, const char *key, size_t klen);
};
extern struct db_hooks db_hooks;

struct db_stats {
    long long expired;            /* keys removed by expiry */
    long long expired_stale_perc; /* last active cycle's estimate, percent */
    long long expired_time_cap_reached;
};
extern struct db_stats db_stats;

/* The cached clock the db uses for expiry (unix ms) and LRU (seconds); the
 * server updates it once per event-loop iteration. Tests set it directly. */
extern long long db_clock_ms;
/* Despite its name this is the ACTIVE expiry switch: db_active_expire does
 * nothing when it is 0 (DEBUG SET-ACTIVE-EXPIRE 0); lazy expiry in lookups
 * always works. Default 1. */
extern int db_lazy_expire_enabled;
/* While set (AOF loading), no key counts as expired, lazily or actively, as
 * in Redis: the commands being replayed saw those keys alive. Default 0. */
extern int db_expiry_paused;
/* While db_clock_ms <= this (unix ms; 0 = off), reads treat an expired key
 * as missing but leave it in place: it is not deleted, counted in
 * db_stats.expired nor announced, and active expiry does nothing, as Redis
 * 7.0 does during CLIENT PAUSE (the server sets it to the pause's end).
 * Writes still reap an expired key they replace. Default 0. */
extern long long db_expiry_held_until;
/* While set (a fork child shares our pages: BGSAVE, BGREWRITEAOF), lookups
 * do not update the LRU clock of the entry, as in Redis: that write would
 * copy a page for every key read. Default 0. */
extern int db_lru_frozen;

#endif
