/* db: databases over dict + kv (see db.h for the contract, kv.h for the
 * entry layout, dict.h for the table).
 *
 * Invariants: db->expires is the number of entries with the has-expire bit;
 * every entry in db->d is a live slab block owned by this db; an entry's TTL
 * is only in the entry (no second table), and the dict's per-bucket mark
 * bits (set for entries with a TTL) let active expiry skip buckets.
 * Entries move (new block, dict_replace) whenever their size changes: TTL
 * added or removed, string made writable. Values never move with them unless
 * inline.
 *
 * Must not know: the network, clients, replies, notifications (expiry is
 * reported only through db_hooks).
 */
#include "db.h"

#include "dict.h"
#include "kv.h"
#include "mem.h"
#include "slab.h"
#include "util.h"

#include <string.h>

struct db {
    int id;
    struct dict d;
    size_t expires;          /* entries with a TTL */
    long long avg_ttl;       /* smoothed estimate, ms */
    unsigned long long ecur; /* active-expiry bucket cursor */
};

long long db_clock_ms;
int db_lazy_expire_enabled = 1;
int db_expiry_paused;
long long db_expiry_held_until;
int db_lru_frozen;
struct db_hooks db_hooks;
struct db_stats db_stats;

static const char *entry_key(const void *e, size_t *len)
{
    return kv_key(e, len);
}

static int entry_marked(const void *e)
{
    return kv_has_expire(e);
}

static const struct dict_type kv_dict_type = {entry_key, entry_marked};

static unsigned lru_clock(void)
{
    return (unsigned)((db_clock_ms / 1000) & 0xFFFFFF);
}

/* ---- LFU data (see db_lfu in db.h) ---- */

struct db_lfu_conf db_lfu = {0, 10, 1};

#define LFU_INIT_VAL 5

static unsigned lfu_minutes(void)
{
    return (unsigned)((db_clock_ms / 60000) & 65535);
}

unsigned db_lfu_counter(unsigned lfu)
{
    unsigned ldt = (lfu >> 8) & 65535, counter = lfu & 255, now = lfu_minutes();
    unsigned elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
    unsigned periods = db_lfu.decay_time > 0 ? elapsed / (unsigned)db_lfu.decay_time : 0;
    return periods > counter ? 0 : counter - periods;
}

/* The LFU data after one access: decayed, then the logarithmic increment
 * (likelier the smaller the counter), stamped with the current minute. */
static unsigned lfu_touched(unsigned lfu)
{
    unsigned counter = db_lfu_counter(lfu);
    if (counter < 255) {
        double base = counter > LFU_INIT_VAL ? (double)(counter - LFU_INIT_VAL) : 0;
        double r = (double)(dict_rand64() >> 11) * 0x1.0p-53; /* uniform in [0, 1) */
        if (r < 1.0 / (base * db_lfu.log_factor + 1))
            counter++;
    }
    return (lfu_minutes() << 8) | counter;
}

/* The LRU/LFU field of a new entry. */
static unsigned new_stamp(void)
{
    return db_lfu.enabled ? (lfu_minutes() << 8) | LFU_INIT_VAL : lru_clock();
}

/* Redis's rule: a key expires strictly after its expiry time. */
static int is_expired(const struct kv *e)
{
    long long t = kv_expire(e);
    return t >= 0 && db_clock_ms > t && !db_expiry_paused;
}

/* Whether an expired key must stay in place for now (CLIENT PAUSE): it
 * reads as missing but is neither deleted, counted nor announced. */
static int reaping_held(void)
{
    return db_expiry_held_until && db_clock_ms <= db_expiry_held_until;
}

struct db *db_create(int id)
{
    struct db *db = mem_calloc(1, sizeof(*db));
    db->id = id;
    dict_init(&db->d, &kv_dict_type);
    return db;
}

void db_free(struct db *db)
{
    if (!db)
        return;
    db_empty(db);
    mem_free(db);
}

int db_id(const struct db *db)
{
    return db->id;
}

size_t db_size(const struct db *db)
{
    return dict_size(&db->d);
}

size_t db_expires(const struct db *db)
{
    return db->expires;
}

long long db_avg_ttl(const struct db *db)
{
    return db->expires ? db->avg_ttl : 0;
}

size_t db_table_mem(const struct db *db)
{
    return dict_mem(&db->d);
}

/* Unlink and free entry h with its value. */
static void remove_entry(struct db *db, uint32_t h)
{
    dict_unlink(&db->d, h);
    if (kv_has_expire(kv_at(h)))
        db->expires--;
    kv_free(h);
}

/* Remove expired entry h, count it, and tell the hook (after it is gone, so
 * the key is copied first). */
static void expire_entry(struct db *db, uint32_t h)
{
    size_t klen;
    const char *k = kv_key(kv_at(h), &klen);
    char buf[256];
    char *copy = klen <= sizeof(buf) ? buf : mem_alloc(klen);
    memcpy(copy, k, klen);
    remove_entry(db, h);
    db_stats.expired++;
    if (db_hooks.on_expired)
        db_hooks.on_expired(db, copy, klen);
    if (copy != buf)
        mem_free(copy);
}

struct kv *db_lookup(struct db *db, const char *key, size_t klen, unsigned flags)
{
    uint32_t h = dict_find(&db->d, key, klen);
    if (!h)
        return NULL;
    struct kv *e = kv_at(h);
    if (is_expired(e)) {
        if (flags & DB_LOOKUP_RAW)
            return e;
        if (!(flags & DB_LOOKUP_NOEXPIRE) && !reaping_held())
            expire_entry(db, h);
        return NULL;
    }
    if (!(flags & DB_LOOKUP_NOTOUCH) && !db_lru_frozen)
        kv_set_lru(e, db_lfu.enabled ? lfu_touched(kv_lru(e)) : lru_clock());
    return e;
}

/* Redis's SET encoding rule. */
static int string_enc(const char *s, size_t len)
{
    long long ll;
    if (len <= 20 && util_str2ll(s, len, &ll))
        return KV_ENC_INT;
    return len <= 44 ? KV_ENC_EMBSTR : KV_ENC_RAW;
}

/* Insert a new entry built from p, replacing whatever the key held. The new
 * entry is built before the old one is freed, so p may borrow key or value
 * bytes from it (SET k <value of k>). */
/* Tell the hook that e's key was just added (it did not exist). */
static void announce_added(struct db *db, struct kv *e)
{
    if (!db_hooks.on_key_added)
        return;
    size_t klen;
    const char *key = kv_key(e, &klen);
    db_hooks.on_key_added(db, key, klen);
}

static struct kv *put(struct db *db, struct kv_parts *p, unsigned flags)
{
    uint32_t old = dict_find(&db->d, p->key, p->klen);
    /* As Redis's lookupKeyWrite: an expired key is deleted (and announced)
     * before being overwritten, so KEEPTTL keeps nothing from it. */
    int old_expired = old && is_expired(kv_at(old));
    if (old && !old_expired && (flags & DB_SET_KEEPTTL))
        p->expire = kv_expire(kv_at(old));
    /* An overwritten value keeps its key's access frequency, as Redis's
     * dbOverwrite does in LFU mode (an LRU stamp is simply "now"). */
    if (old && !old_expired && db_lfu.enabled)
        p->lru = kv_lru(kv_at(old));
    uint32_t h = kv_build(p);
    if (p->expire >= 0)
        db->expires++;
    if (old_expired) {
        expire_entry(db, old);
        old = 0;
    }
    if (old) {
        dict_replace(&db->d, old, h);
        if (kv_has_expire(kv_at(old)))
            db->expires--;
        kv_free(old);
    } else {
        dict_add(&db->d, h);
        announce_added(db, kv_at(h));
    }
    return kv_at(h);
}

struct kv *db_set_string(struct db *db, const char *key, size_t klen, const char *val, size_t vlen,
                         int enc, long long expire_ms, unsigned flags)
{
    struct kv_parts p = {.type = KV_STRING,
                         .enc = enc >= 0 ? enc : string_enc(val, vlen),
                         .lru = new_stamp(),
                         .expire = expire_ms < 0 ? -1 : expire_ms,
                         .key = key,
                         .klen = klen,
                         .sval = val,
                         .slen = vlen};
    return put(db, &p, flags);
}

/* Tell the hook that a collection now lives at e's key. */
static void announce_collection(struct db *db, struct kv *e)
{
    if (!db_hooks.on_collection_stored || kv_type(e) == KV_STRING)
        return;
    size_t klen;
    const char *key = kv_key(e, &klen);
    db_hooks.on_collection_stored(db, key, klen, kv_type(e));
}

struct kv *db_set_object(struct db *db, const char *key, size_t klen, int type, int enc, void *ptr,
                         long long expire_ms, unsigned flags)
{
    struct kv_parts p = {.type = type,
                         .enc = enc,
                         .lru = new_stamp(),
                         .expire = expire_ms < 0 ? -1 : expire_ms,
                         .key = key,
                         .klen = klen,
                         .ptr = ptr};
    struct kv *e = put(db, &p, flags);
    announce_collection(db, e);
    return e;
}

/* Rebuild *ep from p (same key) in a new block and put it in its place;
 * the old block is freed but not its value (p adopted it). */
static void rebuild(struct db *db, struct kv **ep, const struct kv_parts *p)
{
    uint32_t oh = slab_handle(*ep);
    int had = kv_has_expire(*ep);
    uint32_t nh = kv_build(p);
    dict_replace(&db->d, oh, nh);
    kv_free_shell(oh);
    db->expires += (size_t)(p->expire >= 0) - (size_t)had;
    *ep = kv_at(nh);
}

/* Capacity for a string growing to n bytes: double while small, then 1 MiB
 * steps (as sds does), so appends are amortised O(1) per byte. */
static size_t grow_cap(size_t n)
{
    return n < (1u << 20) ? n * 2 : n + (1u << 20);
}

char *db_string_resize(struct db *db, struct kv **ep, size_t newlen)
{
    struct kv_strbuf *b;
    if (kv_str_heap(*ep, &b)) {
        if (newlen > kv_strbuf_cap(b)) {
            b = mem_realloc(b, sizeof(*b) + grow_cap(newlen));
            kv_set_strbuf(*ep, b);
        }
        if (newlen > b->len)
            memset(b->data + b->len, 0, newlen - b->len);
        b->len = newlen;
    } else {
        size_t len;
        const char *s = kv_str(*ep, &len);
        size_t keep = len < newlen ? len : newlen;
        b = kv_strbuf_new(NULL, newlen, grow_cap(newlen));
        memcpy(b->data, s, keep);
        struct kv_parts p;
        kv_get_parts(*ep, &p);
        p.sbuf = b;
        p.sval = NULL;
        p.slen = newlen;
        rebuild(db, ep, &p);
    }
    kv_set_enc(*ep, KV_ENC_RAW);
    return b->data;
}

int db_delete(struct db *db, const char *key, size_t klen)
{
    uint32_t h = dict_find(&db->d, key, klen);
    if (!h)
        return 0;
    if (is_expired(kv_at(h))) {
        expire_entry(db, h);
        return 0;
    }
    remove_entry(db, h);
    return 1;
}

void db_delete_entry(struct db *db, struct kv *e)
{
    remove_entry(db, slab_handle(e));
}

void db_set_expire(struct db *db, struct kv **ep, long long when_ms)
{
    int had = kv_has_expire(*ep);
    if (when_ms < 0 && !had)
        return;
    if (when_ms >= 0 && had) {
        kv_write_expire(*ep, when_ms); /* same size: in place */
        return;
    }
    struct kv_parts p;
    kv_get_parts(*ep, &p);
    p.expire = when_ms < 0 ? -1 : when_ms;
    rebuild(db, ep, &p);
}

struct kv *db_move_entry(struct db *src, struct kv *e, struct db *dst, const char *newkey,
                         size_t nlen)
{
    struct kv_parts p;
    kv_get_parts(e, &p);
    p.key = newkey;
    p.klen = nlen;
    uint32_t nh = kv_build(&p); /* copies newkey first: it may point into e */
    uint32_t oh = slab_handle(e);
    dict_unlink(&src->d, oh);
    if (kv_has_expire(e))
        src->expires--;
    kv_free_shell(oh);
    dict_add(&dst->d, nh);
    if (p.expire >= 0)
        dst->expires++;
    announce_added(dst, kv_at(nh));
    announce_collection(dst, kv_at(nh));
    return kv_at(nh);
}

struct kv *db_copy_entry(struct db *dst, const struct kv *e, const char *newkey, size_t nlen)
{
    struct kv_parts p;
    kv_get_parts(e, &p);
    kv_dup_value(e, &p);
    /* Redis's COPY duplicates the value object, so a small integer that was
     * shared becomes a private object (OBJECT REFCOUNT 1). */
    if (p.type == KV_STRING && p.enc == KV_ENC_INT)
        p.enc = KV_ENC_INT_UNSHARED;
    p.key = newkey;
    p.klen = nlen;
    p.lru = new_stamp();
    uint32_t nh = kv_build(&p);
    dict_add(&dst->d, nh);
    if (p.expire >= 0)
        dst->expires++;
    announce_added(dst, kv_at(nh));
    announce_collection(dst, kv_at(nh));
    return kv_at(nh);
}

static void free_cb(void *priv, uint32_t h)
{
    (void)priv;
    kv_free(h);
}

size_t db_empty(struct db *db)
{
    size_t n = dict_size(&db->d);
    dict_foreach(&db->d, free_cb, NULL);
    dict_release(&db->d);
    db->expires = 0;
    db->avg_ttl = 0;
    db->ecur = 0;
    return n;
}

void db_swap(struct db *a, struct db *b)
{
    struct db t = *a;
    *a = *b;
    *b = t;
    b->id = a->id;
    a->id = t.id;
}

/* Handles gathered by one or more scan steps (so entries can be deleted
 * after the step, never during it). */
struct hvec {
    uint32_t *v;
    size_t n, cap;
};

static void hvec_push(void *priv, uint32_t h)
{
    struct hvec *hv = priv;
    if (hv->n == hv->cap) {
        hv->cap = hv->cap ? hv->cap * 2 : 64;
        hv->v = mem_realloc(hv->v, hv->cap * sizeof(uint32_t));
    }
    hv->v[hv->n++] = h;
}

/* The fallback of db_random when random picks keep hitting expired keys: a
 * full scan that deletes expired entries and stops at the first live one.
 * O(n) at worst, which only happens when nearly every key has expired (and
 * each such key is then reaped, as Redis does one at a time). */
static struct kv *random_sweep(struct db *db)
{
    struct hvec hv = {0};
    struct kv *found = NULL;
    unsigned long long cur = 0;
    do {
        hv.n = 0;
        cur = dict_scan(&db->d, cur, hvec_push, &hv);
        for (size_t i = 0; i < hv.n && !found; i++) {
            if (!is_expired(kv_at(hv.v[i])))
                found = kv_at(hv.v[i]);
            else if (!reaping_held())
                expire_entry(db, hv.v[i]);
        }
    } while (!found && cur != 0);
    mem_free(hv.v);
    return found;
}

size_t db_sample(struct db *db, int volatile_only, struct kv **out, size_t max)
{
    uint32_t local[64];
    uint32_t *hs = max <= 64 ? local : mem_alloc(max * sizeof(*hs));
    size_t n;
    if (!volatile_only) {
        n = dict_sample(&db->d, hs, max);
    } else if (db->expires == 0) {
        n = 0;
    } else {
        n = dict_sample_marked(&db->d, hs, max);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = kv_at(hs[i]);
    if (hs != local)
        mem_free(hs);
    return n;
}

struct kv *db_random(struct db *db)
{
    for (int tries = 0; tries < 100; tries++) {
        uint32_t h = dict_random(&db->d);
        if (!h)
            return NULL;
        if (!is_expired(kv_at(h)))
            return kv_at(h);
        /* While reaping is held the key stays; the sweep below then ends
         * the search (Redis 7.0 would loop forever if every key expired). */
        if (!reaping_held())
            expire_entry(db, h);
    }
    return random_sweep(db);
}

struct entry_cb {
    void (*fn)(void *priv, struct kv *e);
    void *priv;
    long n;
};

static void entry_cb_call(void *priv, uint32_t h)
{
    struct entry_cb *c = priv;
    c->n++;
    c->fn(c->priv, kv_at(h));
}

void db_foreach(struct db *db, void (*fn)(void *priv, struct kv *e), void *priv)
{
    struct entry_cb c = {fn, priv, 0};
    dict_foreach(&db->d, entry_cb_call, &c);
}

unsigned long long db_scan(struct db *db, unsigned long long cursor, long count,
                           void (*fn)(void *priv, struct kv *e), void *priv)
{
    struct entry_cb c = {fn, priv, 0};
    if (count < 1)
        count = 1;
    /* As Redis: stop after about count entries, or after 10 * count buckets
     * so a sparse table does not make one call walk everything. */
    long buckets = count * 10;
    do {
        cursor = dict_scan(&db->d, cursor, entry_cb_call, &c);
    } while (cursor != 0 && c.n < count && --buckets > 0);
    return cursor;
}

/* Active expiry, batch by batch: collect up to EXPIRE_BATCH entries with a
 * TTL from the mark bitmap, delete the expired ones, look at the clock, and
 * decide whether to go on. Redis's rule for going on: the share of expired
 * keys among those sampled is above 10% (there is likely more to reap). We
 * judge it over the whole call after a minimum sample, so one lucky batch
 * does not end a call that is reaping a mostly-expired keyspace. */
#define EXPIRE_BATCH      16
#define EXPIRE_MIN_SAMPLE 64
#define EXPIRE_STALE_PERC 10

size_t db_active_expire(struct db *db, long long budget_us)
{
    if (!db_lazy_expire_enabled || db->expires == 0 || reaping_held())
        return 0;
    long long start = util_mono_us();
    size_t sampled = 0, expired = 0, ttl_n = 0, empty_rounds = 0;
    long long ttl_sum = 0;
    size_t max_empty =
        (db->d.size[0] > db->d.size[1] ? db->d.size[0] : db->d.size[1]) / (4096 * 64) + 2;
    uint32_t batch[EXPIRE_BATCH];
    for (;;) {
        size_t buckets = 0;
        size_t n = dict_collect_marked(&db->d, &db->ecur, batch, EXPIRE_BATCH, &buckets);
        if (n == 0) {
            /* A stretch of buckets without TTL keys; a full lap with none
             * means every mark was stale. */
            if (++empty_rounds > max_empty || db->expires == 0)
                break;
        }
        for (size_t i = 0; i < n; i++) {
            struct kv *e = kv_at(batch[i]);
            sampled++;
            if (is_expired(e)) {
                expire_entry(db, batch[i]);
                expired++;
            } else {
                ttl_sum += kv_expire(e) - db_clock_ms;
                ttl_n++;
            }
        }
        if (util_mono_us() - start >= budget_us) {
            db_stats.expired_time_cap_reached++;
            break;
        }
        if (db->expires == 0)
            break;
        if (sampled >= EXPIRE_MIN_SAMPLE && expired * 100 <= sampled * EXPIRE_STALE_PERC)
            break;
    }
    if (sampled)
        db_stats.expired_stale_perc = (long long)(expired * 100 / sampled);
    if (ttl_n) {
        long long avg = ttl_sum / (long long)ttl_n;
        /* Smooth across calls as Redis does (2% weight for the new sample). */
        db->avg_ttl = db->avg_ttl ? db->avg_ttl / 50 * 49 + avg / 50 : avg;
    }
    return expired;
}

void db_rehash_ms(struct db *db, int ms)
{
    long long start = util_mono_us();
    while (dict_rehash(&db->d, 100))
        if (util_mono_us() - start >= (long long)ms * 1000)
            break;
}
