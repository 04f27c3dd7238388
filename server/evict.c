/* evict: maxmemory enforcement (see evict.h for the contract).
 *
 * The pool: up to POOL_SIZE candidates, sorted by ascending score (the best
 * victim last), each a copy of its key with its database. It lives across
 * rounds, as Redis's, so a good candidate sampled once is not forgotten; an
 * entry is only a hint and is checked against the keyspace before use. It
 * is emptied when the policy changes (scores of one policy mean nothing to
 * another).
 */
#include "evict.h"

#include <stdint.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "config.h"
#include "db.h"
#include "dict.h"
#include "aof.h"
#include "ev.h"
#include "latency.h"
#include "mem.h"
#include "multi.h"
#include "notify.h"
#include "persist.h"
#include "propagate.h"
#include "reply.h"
#include "server.h"
#include "util.h"

#define POOL_SIZE        16
#define MAX_SAMPLES      64 /* per database per round; larger settings are capped */
#define LRU_MASK         0xFFFFFFu
#define CHECK_EVERY      16  /* keys between clock reads in a round */
#define MAX_REFILLS      100 /* pool refills in a row that find nothing live */
#define OUT_KEEP_LIMITED 16384

struct cand {
    unsigned long long score; /* higher = better victim */
    int dbid;
    size_t klen, cap;
    char *key; /* owned, cap bytes */
};

static struct cand pool[POOL_SIZE];
static int pool_n;
static int pool_policy = -1; /* the policy the pool's scores belong to */

static struct {
    long long keys;
    long long exceeded_start_us; /* 0: not over the limit now */
    long long exceeded_total_us; /* closed stretches */
} stats;

static long long timer_id; /* the carry-on timer, 0 if none */
static int next_db;        /* random policies visit databases in turn */

static const char *const policy_names[] = {
    [CONFIG_MAXMEMORY_VOLATILE_LRU] = "volatile-lru",
    [CONFIG_MAXMEMORY_VOLATILE_LFU] = "volatile-lfu",
    [CONFIG_MAXMEMORY_VOLATILE_RANDOM] = "volatile-random",
    [CONFIG_MAXMEMORY_VOLATILE_TTL] = "volatile-ttl",
    [CONFIG_MAXMEMORY_ALLKEYS_LRU] = "allkeys-lru",
    [CONFIG_MAXMEMORY_ALLKEYS_LFU] = "allkeys-lfu",
    [CONFIG_MAXMEMORY_ALLKEYS_RANDOM] = "allkeys-random",
    [CONFIG_MAXMEMORY_NOEVICTION] = "noeviction",
};

const char *evict_policy_name(int policy)
{
    if (policy < 0 || policy >= (int)(sizeof(policy_names) / sizeof(policy_names[0])))
        return "noeviction";
    return policy_names[policy];
}

static int policy_volatile(int p)
{
    return p == CONFIG_MAXMEMORY_VOLATILE_LRU || p == CONFIG_MAXMEMORY_VOLATILE_LFU ||
           p == CONFIG_MAXMEMORY_VOLATILE_RANDOM || p == CONFIG_MAXMEMORY_VOLATILE_TTL;
}

static int policy_lfu(int p)
{
    return p == CONFIG_MAXMEMORY_VOLATILE_LFU || p == CONFIG_MAXMEMORY_ALLKEYS_LFU;
}

static int policy_random(int p)
{
    return p == CONFIG_MAXMEMORY_VOLATILE_RANDOM || p == CONFIG_MAXMEMORY_ALLKEYS_RANDOM;
}

/* ---- the candidate pool ---- */

static void pool_clear(void)
{
    for (int i = 0; i < POOL_SIZE; i++) {
        mem_free(pool[i].key);
        pool[i] = (struct cand){0};
    }
    pool_n = 0;
}

/* How good a victim e is under policy p: idle milliseconds (LRU, from the
 * seconds clock), 255 minus the decayed counter (LFU), or how early the
 * TTL ends (volatile-ttl). */
static unsigned long long score_of(const struct kv *e, int p)
{
    if (p == CONFIG_MAXMEMORY_VOLATILE_TTL)
        return ~0ULL - (unsigned long long)kv_expire(e);
    if (policy_lfu(p))
        return 255 - db_lfu_counter(kv_lru(e));
    unsigned now = (unsigned)((db_clock_ms / 1000) & LRU_MASK);
    unsigned lru = kv_lru(e) & LRU_MASK;
    unsigned idle = now >= lru ? now - lru : now + (LRU_MASK - lru);
    return (unsigned long long)idle * 1000;
}

/* Offer key (of dbid) with score to the pool. A key already there only
 * gets its new score. When full, the worst entry makes room, unless the
 * newcomer is no better than it. O(POOL_SIZE). */
static void pool_offer(int dbid, const char *key, size_t klen, unsigned long long score)
{
    for (int i = 0; i < pool_n; i++) {
        if (pool[i].dbid == dbid && pool[i].klen == klen && memcmp(pool[i].key, key, klen) == 0) {
            struct cand self = pool[i]; /* remove, then insert again in order */
            memmove(&pool[i], &pool[i + 1], (size_t)(pool_n - i - 1) * sizeof(pool[0]));
            pool[--pool_n] = self;
            break;
        }
    }
    if (pool_n == POOL_SIZE) {
        if (score <= pool[0].score)
            return;
        struct cand worst = pool[0];
        memmove(&pool[0], &pool[1], (size_t)(POOL_SIZE - 1) * sizeof(pool[0]));
        pool[--pool_n] = worst; /* its buffer is reused below */
    }
    int at = pool_n;
    while (at > 0 && pool[at - 1].score > score)
        at--;
    struct cand slot = pool[pool_n]; /* the spare slot's buffer */
    memmove(&pool[at + 1], &pool[at], (size_t)(pool_n - at) * sizeof(pool[0]));
    if (slot.cap < klen) {
        slot.cap = klen > 64 ? klen : 64;
        slot.key = mem_realloc(slot.key, slot.cap);
    }
    memcpy(slot.key, key, klen);
    slot.klen = klen;
    slot.dbid = dbid;
    slot.score = score;
    pool[at] = slot;
    pool_n++;
}

/* Sample every non-empty database into the pool. Returns the number of
 * candidate keys that exist (0: nothing can be evicted). */
static size_t pool_fill(int p)
{
    int vol = policy_volatile(p);
    size_t samples =
        server.maxmemory_samples > MAX_SAMPLES ? MAX_SAMPLES : (size_t)server.maxmemory_samples;
    struct kv *got[MAX_SAMPLES];
    size_t total = 0;
    for (int i = 0; i < server.databases; i++) {
        struct db *db = server.db[i];
        size_t keys = vol ? db_expires(db) : db_size(db);
        if (keys == 0)
            continue;
        total += keys;
        size_t n = db_sample(db, vol, got, samples);
        for (size_t j = 0; j < n; j++) {
            size_t klen;
            const char *key = kv_key(got[j], &klen);
            pool_offer(i, key, klen, score_of(got[j], p));
        }
    }
    return total;
}

/* The entry for a pool candidate if it still qualifies, else NULL. */
static struct kv *candidate_entry(const struct cand *c, int vol)
{
    struct kv *e =
        db_lookup(server.db[c->dbid], c->key, c->klen, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
    if (e && vol && kv_expire(e) < 0)
        return NULL;
    return e;
}

/* ---- choosing and evicting ---- */

/* Copy the victim's key into *buf (grown as needed). */
static void take_key(char **buf, size_t *cap, const char *key, size_t klen)
{
    if (*cap < klen) {
        *cap = klen > 256 ? klen : 256;
        *buf = mem_realloc(*buf, *cap);
    }
    memcpy(*buf, key, klen);
}

/* Pick a victim under policy p: its database index, and its key copied into
 * *buf (length *klen). Returns 0 when there is nothing to evict. */
static int choose(int p, char **buf, size_t *cap, size_t *klen)
{
    int vol = policy_volatile(p);
    if (policy_random(p)) {
        for (int i = 0; i < server.databases; i++) {
            int j = next_db = (next_db + 1) % server.databases;
            struct kv *e;
            if (db_sample(server.db[j], vol, &e, 1) == 1) {
                const char *key = kv_key(e, klen);
                take_key(buf, cap, key, *klen);
                return j + 1;
            }
        }
        return 0;
    }
    if (pool_policy != p) {
        pool_clear();
        pool_policy = p;
    }
    for (int round = 0; round < MAX_REFILLS; round++) {
        if (pool_fill(p) == 0)
            return 0;
        while (pool_n > 0) {
            struct cand c = pool[--pool_n];
            pool[pool_n] = c; /* the slot keeps its buffer as the spare */
            struct kv *e = candidate_entry(&c, vol);
            if (!e)
                continue;
            take_key(buf, cap, c.key, c.klen);
            *klen = c.klen;
            return c.dbid + 1;
        }
    }
    return 0;
}

/* Delete key from db as an eviction. Returns the bytes that freed. */
static size_t evict_key(struct db *db, const char *key, size_t klen)
{
    struct kv *e = db_lookup(db, key, klen, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
    size_t before = mem_used();
    long long t0 = util_mono_us();
    db_delete_entry(db, e);
    latency_add_sample("eviction-del", (util_mono_us() - t0) / 1000);
    size_t after = mem_used();
    stats.keys++;
    /* Redis's order: the key counts as modified (WATCH, tracking), the
     * event fires, then DEL goes to the AOF. */
    notify_key_modified(db, key, klen);
    notify_event(NOTIFY_EVICTED, "evicted", db, key, klen);
    propagate_expired(db_id(db), key, klen);
    return before > after ? before - after : 0;
}

/* ---- the limit ---- */

size_t evict_not_counted(void)
{
    return aof_buffer_mem();
}

/* Bytes to free to get under maxmemory, 0 if under it. */
static size_t over_by(void)
{
    size_t used = mem_used(), limit = (size_t)server.maxmemory;
    if (used <= limit)
        return 0;
    size_t nc = evict_not_counted();
    used = used > nc ? used - nc : 0;
    return used > limit ? used - limit : 0;
}

/* Time a round may take, from maxmemory-eviction-tenacity: 50 us per step
 * up to 10 (500 us, the default), then 15% more per step; 100: no limit. */
static long long time_budget_us(void)
{
    int t = server.maxmemory_eviction_tenacity;
    if (t <= 10)
        return 50LL * t;
    if (t >= 100)
        return -1;
    double us = 500;
    for (int i = 10; i < t; i++)
        us *= 1.15;
    return (long long)us;
}

static long long carry_on(struct ev_loop *loop, long long id, void *arg)
{
    (void)loop;
    (void)id;
    (void)arg;
    if (server.maxmemory > 0 && evict_perform() == EVICT_RUNNING)
        return 0;
    timer_id = 0;
    return -1;
}

/* Whether keys may be evicted now (see the invariants in evict.h). */
static int may_evict(void)
{
    return !persist_loading() && !server.pause_type;
}

static void exceeded_end(void)
{
    if (stats.exceeded_start_us) {
        stats.exceeded_total_us += util_mono_us() - stats.exceeded_start_us;
        stats.exceeded_start_us = 0;
    }
}

int evict_perform(void)
{
    if (!may_evict())
        return EVICT_OK;
    size_t tofree = over_by();
    if (tofree == 0) {
        exceeded_end();
        return EVICT_OK;
    }
    long long start = util_mono_us();
    if (!stats.exceeded_start_us)
        stats.exceeded_start_us = start;
    int p = server.maxmemory_policy;
    if (p == CONFIG_MAXMEMORY_NOEVICTION)
        return EVICT_FAIL;
    long long budget = time_budget_us();
    static char *key;
    static size_t cap;
    size_t freed = 0, klen = 0;
    long long n = 0;
    int result = EVICT_OK;
    while (freed < tofree) {
        int dbp = choose(p, &key, &cap, &klen);
        if (!dbp) {
            result = EVICT_FAIL;
            break;
        }
        freed += evict_key(server.db[dbp - 1], key, klen);
        if (++n % CHECK_EVERY == 0 && budget >= 0 && util_mono_us() - start > budget) {
            result = freed < tofree ? EVICT_RUNNING : EVICT_OK;
            break;
        }
    }
    /* Each DEL on its own, before whatever command comes next. */
    propagate_flush_nowrap();
    latency_add_sample("eviction-cycle", (util_mono_us() - start) / 1000);
    if (result == EVICT_RUNNING && !timer_id)
        timer_id = ev_timer_add(server.loop, 0, carry_on, NULL);
    /* Freed enough by this round's count, but other memory may have grown
     * meanwhile (notifications to subscribers): trust the next check. */
    return result;
}

int evict_gate(struct client *c)
{
    if (server.maxmemory <= 0 || c->blk)
        return 0; /* a blocked command runs again unchecked, as in Redis */
    if (evict_perform() != EVICT_FAIL)
        return 0;
    const struct cmd *cmd = c->cmd;
    int refuse = (multi_effective_flags(c, cmd) & CMD_DENYOOM) != 0;
    /* Queueing takes memory too: inside MULTI only the commands that end
     * it pass (a no_multi command gets its own error from multi_gate). */
    if ((c->flags & CLIENT_MULTI) && !(cmd->flags & CMD_NO_MULTI) && cmd->proc != cmd_exec &&
        cmd->proc != cmd_discard && cmd->proc != cmd_quit && cmd->proc != cmd_reset)
        refuse = 1;
    if (!refuse)
        return 0;
    if (!multi_exec_rejected(c, EVICT_OOM_MSG))
        reply_error(c, EVICT_OOM_MSG);
    return 1;
}

/* ---- statistics and configuration ---- */

long long evict_stat_keys(void)
{
    return stats.keys;
}

long long evict_stat_exceeded_current_ms(void)
{
    return stats.exceeded_start_us ? (util_mono_us() - stats.exceeded_start_us) / 1000 : 0;
}

long long evict_stat_exceeded_total_ms(void)
{
    long long cur = stats.exceeded_start_us ? util_mono_us() - stats.exceeded_start_us : 0;
    return (stats.exceeded_total_us + cur) / 1000;
}

void evict_reset_stats(void)
{
    stats.keys = 0;
    stats.exceeded_total_us = 0;
    stats.exceeded_start_us = 0;
}

/* Under a limit, a drained reply buffer keeps at most 16 KiB (Redis's
 * reply buffer; its overflow list is freed once written): a burst of
 * output must not hold memory that keys would be evicted to make up for. */
static void sync_out_keep(void)
{
    conn_limits.out_keep = server.maxmemory > 0 ? OUT_KEEP_LIMITED : 0;
}

/* CONFIG SET maxmemory: evict at once to the new limit, unless inside EXEC
 * (Redis 7.0 then leaves it to the next command). */
static int apply_maxmemory(const char **err)
{
    (void)err;
    sync_out_keep();
    struct client *cur = server.current_client;
    if (server.maxmemory > 0 && !(cur && (cur->flags & CLIENT_MULTI))) {
        size_t used = mem_used() - evict_not_counted();
        if ((size_t)server.maxmemory < used)
            server_log(LL_WARNING,
                       "WARNING: the new maxmemory value set via CONFIG SET (%lld) is smaller "
                       "than the current memory usage (%zu). This will result in key eviction "
                       "and/or the inability to accept new write commands depending on the "
                       "maxmemory-policy.",
                       server.maxmemory, used);
        evict_perform();
    }
    return 1;
}

/* maxmemory-policy, lfu-log-factor, lfu-decay-time: how lookups stamp
 * entries (db_lfu). */
static int apply_lfu(const char **err)
{
    (void)err;
    db_lfu.enabled = policy_lfu(server.maxmemory_policy);
    db_lfu.log_factor = server.lfu_log_factor;
    db_lfu.decay_time = server.lfu_decay_time;
    return 1;
}

/* dict_grow_allowed: a keyspace table may double unless that alone would
 * take used memory over maxmemory; past 1.618 keys per bucket it always
 * may (Redis's rule: lookups must not degrade without bound). */
static int grow_allowed(size_t more, double load)
{
    if (server.maxmemory <= 0 || load > 1.618)
        return 1;
    size_t used = mem_used(), nc = evict_not_counted();
    used = used > nc ? used - nc : 0;
    return used + more <= (size_t)server.maxmemory;
}

void evict_init(void)
{
    dict_grow_allowed = grow_allowed;
    sync_out_keep();
    apply_lfu(NULL);
    config_set_apply_hook("maxmemory", apply_maxmemory);
    config_set_apply_hook("maxmemory-policy", apply_lfu);
    config_set_apply_hook("lfu-log-factor", apply_lfu);
    config_set_apply_hook("lfu-decay-time", apply_lfu);
}
