/* t_memory: MEMORY USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP.
 *
 * USAGE reports what Tern itself spends on one key: the entry's slab block
 * (link, header, key, inline string), an out-of-line key or string buffer,
 * and the value object as the type's own "mem" callback measures it
 * (kv_mem / kv_mem_shell). Nothing is copied from Redis's cost model, so the
 * figures differ from Redis's (usually smaller: no dictEntry, no robj).
 * SAMPLES bounds the work as Redis's does: a list is measured from its first
 * <count> quicklist nodes, scaled up to the whole; count 0 (or a count at
 * least the size) measures everything. Sorted sets are exact whatever the
 * count (O(1): the skiplist counts its bytes). Hashes and sets in hashtable
 * encoding are measured exactly whatever the count: their table is private
 * to t_hash / t_set, and the callback walks every element (O(N)).
 *
 * STATS has Redis 7.0's fields in Redis's order; features Tern lacks
 * (replication, cluster, AOF buffer accounting, Lua, functions) report 0.
 * The allocator figures come from glibc's mallinfo2() plus the slab.
 *
 * Invariants: every handler replies exactly once; argument errors come
 * before the key lookup, as in Redis; reading a key here has no side effects
 * (no LRU touch, no hit/miss count, an expired key is missing but not reaped).
 *
 * Must not know: the layout of entries or of hash and set values; only
 * public structures (quicklist, zobj, skiplist) and accessors are used.
 */
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h> /* not <limits.h>: server/limits.h shadows it under -Iserver */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "lp.h"
#include "mem.h"
#include "multi.h"
#include "quicklist.h"
#include "reply.h"
#include "server.h"
#include "skiplist.h"
#include "slab.h"
#include "t_zset.h"
#include "util.h"

#define USAGE_DEFAULT_SAMPLES 5

/* ---- MEMORY USAGE ---- */

/* Bytes of list ql from its first `samples` nodes, scaled to all nodes; the
 * same per-node measure as ql_mem() (node struct + listpack bytes or LZF
 * image), which it calls when every node would be sampled. O(samples). */
static size_t list_value_mem(const struct quicklist *ql, long long samples)
{
    if ((unsigned long long)samples >= ql->nnodes)
        return ql_mem(ql);
    size_t sum = 0;
    long long seen = 0;
    for (const struct ql_node *n = ql->head; n && seen < samples; n = n->next, seen++)
        sum += sizeof(*n) + (n->csz ? n->csz : lp_bytes(n->lp));
    size_t fixed = sizeof(*ql) + (ql->hot_image ? ql->hot_csz : 0);
    return fixed + (size_t)((double)sum / (double)seen * (double)ql->nnodes);
}

/* Bytes of sorted set z: the type's callback, exact for both encodings
 * and O(1) (the skiplist keeps a running byte count), so no sampling. */
static size_t zset_value_mem(const struct kv *e)
{
    return kv_mem(e) - kv_mem_shell(e);
}

/* Estimated bytes of entry e and its value; samples >= 1 (LLONG_MAX: all). */
static size_t usage_of(const struct kv *e, long long samples)
{
    switch (kv_type(e)) {
    case KV_LIST:
        return kv_mem_shell(e) + list_value_mem(kv_ptr(e), samples);
    case KV_ZSET:
        return kv_mem_shell(e) + zset_value_mem(e);
    default:
        return kv_mem(e); /* strings, hashes, sets: exact (see the header) */
    }
}

/* MEMORY USAGE key [SAMPLES count]: options are checked first (a bad count
 * is an error even for a missing key), then nil or the estimate. */
void cmd_memory_usage(struct client *c)
{
    long long samples = USAGE_DEFAULT_SAMPLES;
    for (int j = 3; j < c->argc; j++) {
        if (util_eq_ci(c->argv[j].ptr, c->argv[j].len, "samples") && j + 1 < c->argc) {
            long long v;
            if (!util_str2ll(c->argv[j + 1].ptr, c->argv[j + 1].len, &v)) {
                reply_error_not_int(c);
                return;
            }
            if (v < 0) {
                reply_error_syntax(c);
                return;
            }
            samples = v == 0 ? INT64_MAX : v;
            j++;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    struct kv *e =
        db_lookup(c->db, c->argv[2].ptr, c->argv[2].len, DB_LOOKUP_NOTOUCH | DB_LOOKUP_NOEXPIRE);
    if (!e) {
        reply_null(c);
        return;
    }
    reply_int(c, (long long)usage_of(e, samples));
}

/* ---- MEMORY STATS ---- */

/* The figures STATS, DOCTOR and MALLOC-STATS share. */
struct mem_report {
    size_t peak, total, startup, clients, db_overhead, overhead, keys, net, dataset, rss;
    size_t alloc_allocated, alloc_active, alloc_resident;
    size_t nclients;
    double dataset_perc, peak_perc;
};

/* Bytes one client holds: its structure, both buffers' capacity and its
 * MULTI queue. */
static size_t client_mem(const struct client *k)
{
    return mem_size(k) + k->conn.qcap + k->conn.ocap + multi_mem(k);
}

/* Fill r. O(clients + databases). */
static void mem_report_get(struct mem_report *r)
{
    memset(r, 0, sizeof(*r));
    r->peak = mem_peak();
    r->total = mem_used();
    r->startup = server.startup_mem;
    for (const struct client *k = server.clients; k; k = k->next) {
        r->clients += client_mem(k);
        r->nclients++;
    }
    for (int i = 0; i < server.databases; i++) {
        r->keys += db_size(server.db[i]);
        r->db_overhead += db_table_mem(server.db[i]);
    }
    r->overhead = r->startup + r->clients + r->db_overhead;
    /* As Redis: net usage is at least 1 so the percentage stays finite. */
    r->net = r->total > r->startup ? r->total - r->startup : 1;
    r->dataset = r->total > r->overhead ? r->total - r->overhead : 0;
    r->dataset_perc = (double)r->dataset * 100.0 / (double)r->net;
    r->peak_perc = r->peak ? (double)r->total * 100.0 / (double)r->peak : 0;
    r->rss = mem_rss();
    /* glibc cannot tell resident from active: both are what malloc holds
     * from the system (arena + mmapped chunks) plus the slab's used pages. */
    struct mallinfo2 mi = mallinfo2();
    struct slab_stats st;
    slab_get_stats(&st);
    r->alloc_allocated = mi.uordblks + mi.hblkhd + st.bytes;
    r->alloc_active = mi.arena + mi.hblkhd + st.pages_used * SLAB_PAGE;
    r->alloc_resident = r->alloc_active;
}

static void put_int(struct client *c, const char *name, long long v)
{
    reply_bulk_cstr(c, name);
    reply_int(c, v);
}

/* Redis keeps ratios and percentages as floats; printing the float widened
 * to double gives its digits. */
static void put_float(struct client *c, const char *name, double v)
{
    reply_bulk_cstr(c, name);
    reply_double(c, (double)(float)v);
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0;
}

/* The per-database maps, one for each non-empty database (as Redis). */
static void put_dbs(struct client *c)
{
    for (int i = 0; i < server.databases; i++) {
        if (db_size(server.db[i]) == 0)
            continue;
        char name[24];
        snprintf(name, sizeof(name), "db.%d", i);
        reply_bulk_cstr(c, name);
        reply_map(c, 3);
        put_int(c, "overhead.hashtable.main", (long long)db_table_mem(server.db[i]));
        /* TTLs live in the entries (8 bytes each, counted as dataset). */
        put_int(c, "overhead.hashtable.expires", 0);
        put_int(c, "overhead.hashtable.slot-to-keys", 0);
    }
}

void cmd_memory_stats(struct client *c)
{
    struct mem_report r;
    mem_report_get(&r);
    long long ndbs = 0;
    for (int i = 0; i < server.databases; i++)
        ndbs += db_size(server.db[i]) != 0;
    reply_map(c, 27 + ndbs);
    put_int(c, "peak.allocated", (long long)r.peak);
    put_int(c, "total.allocated", (long long)r.total);
    put_int(c, "startup.allocated", (long long)r.startup);
    put_int(c, "replication.backlog", 0);
    put_int(c, "clients.slaves", 0);
    put_int(c, "clients.normal", (long long)r.clients);
    put_int(c, "cluster.links", 0);
    put_int(c, "aof.buffer", 0);
    put_int(c, "lua.caches", 0);
    put_int(c, "functions.caches", 0);
    put_dbs(c);
    put_int(c, "overhead.total", (long long)r.overhead);
    put_int(c, "keys.count", (long long)r.keys);
    put_int(c, "keys.bytes-per-key", r.keys ? (long long)(r.net / r.keys) : 0);
    put_int(c, "dataset.bytes", (long long)r.dataset);
    put_float(c, "dataset.percentage", r.dataset_perc);
    put_float(c, "peak.percentage", r.peak_perc);
    put_int(c, "allocator.allocated", (long long)r.alloc_allocated);
    put_int(c, "allocator.active", (long long)r.alloc_active);
    put_int(c, "allocator.resident", (long long)r.alloc_resident);
    put_float(c, "allocator-fragmentation.ratio", ratio(r.alloc_active, r.alloc_allocated));
    put_int(c, "allocator-fragmentation.bytes",
            (long long)r.alloc_active - (long long)r.alloc_allocated);
    put_float(c, "allocator-rss.ratio", ratio(r.alloc_resident, r.alloc_active));
    put_int(c, "allocator-rss.bytes", (long long)r.alloc_resident - (long long)r.alloc_active);
    put_float(c, "rss-overhead.ratio", ratio(r.rss, r.alloc_resident));
    put_int(c, "rss-overhead.bytes", (long long)r.rss - (long long)r.alloc_resident);
    put_float(c, "fragmentation", ratio(r.rss, r.total));
    put_int(c, "fragmentation.bytes", (long long)r.rss - (long long)r.total);
}

/* ---- text replies ---- */

/* A growable text buffer (mem_alloc'd). */
struct text {
    char *p;
    size_t len, cap;
};

static void text_add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(struct text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->p = mem_realloc(t->p, t->cap);
    }
}

/* Bytes as a short human figure ("1.50M"), into buf (>= 16 bytes). */
static const char *human(char *buf, size_t cap, double v)
{
    const char *units = "BKMGT";
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(buf, cap, "%.0fB", v);
    else
        snprintf(buf, cap, "%.2f%c", v, units[u]);
    return buf;
}

/* Thresholds of the doctor's checks. */
#define DOCTOR_MIN_NET      (4u << 20) /* below this, nothing is judged */
#define DOCTOR_PEAK_RATIO   1.5        /* peak this far above current use */
#define DOCTOR_FRAG_RATIO   1.4        /* RSS this far above what Tern holds */
#define DOCTOR_FRAG_MIN     (10u << 20)
#define DOCTOR_CLIENT_AVG   (256u << 10) /* average bytes per client */
#define DOCTOR_CLIENT_SHARE 0.5          /* clients' share of the net use */

/* Append one finding per problem seen; returns how many. */
static int doctor_findings(struct text *t, const struct mem_report *r)
{
    char a[16], b[16];
    int n = 0;
    if ((double)r->peak > DOCTOR_PEAK_RATIO * (double)r->total) {
        text_add(t,
                 "- Usage peaked at %s and is %s now. Memory freed since is reused by "
                 "Tern, but the process may keep it from the system (see MEMORY PURGE).\n",
                 human(a, sizeof(a), (double)r->peak), human(b, sizeof(b), (double)r->total));
        n++;
    }
    if (r->rss > DOCTOR_FRAG_MIN && (double)r->rss > DOCTOR_FRAG_RATIO * (double)r->total) {
        text_add(t,
                 "- The process is resident at %s for %s of live data (ratio %.2f): "
                 "free space is scattered between live blocks. MEMORY PURGE may give "
                 "some back; a restart from a snapshot compacts it fully.\n",
                 human(a, sizeof(a), (double)r->rss), human(b, sizeof(b), (double)r->total),
                 ratio(r->rss, r->total));
        n++;
    }
    if (r->nclients && (r->clients / r->nclients > DOCTOR_CLIENT_AVG ||
                        (double)r->clients > DOCTOR_CLIENT_SHARE * (double)r->net)) {
        text_add(t,
                 "- %zu clients hold %s of buffers. Look for slow readers or large "
                 "pipelines with CLIENT LIST (qbuf, omem) and consider "
                 "client-output-buffer-limit.\n",
                 r->nclients, human(a, sizeof(a), (double)r->clients));
        n++;
    }
    return n;
}

void cmd_memory_doctor(struct client *c)
{
    struct mem_report r;
    mem_report_get(&r);
    struct text t = {0};
    char a[16];
    if (r.total <= r.startup || r.total - r.startup < DOCTOR_MIN_NET) {
        text_add(&t,
                 "Tern memory doctor: only %s is in use beyond what the server needs at "
                 "start, too little to judge. Ask again once the dataset has grown.\n",
                 human(a, sizeof(a), (double)(r.total > r.startup ? r.total - r.startup : 0)));
    } else {
        text_add(&t, "Tern memory doctor: %s in use for %zu keys.\n",
                 human(a, sizeof(a), (double)r.total), r.keys);
        if (doctor_findings(&t, &r) == 0)
            text_add(&t, "No problems found: usage, fragmentation and client buffers look "
                         "normal.\n");
    }
    reply_verbatim(c, t.p, t.len, "txt");
    mem_free(t.p);
}

void cmd_memory_malloc_stats(struct client *c)
{
    struct mallinfo2 mi = mallinfo2();
    struct slab_stats st;
    slab_get_stats(&st);
    struct text t = {0};
    text_add(&t,
             "# Tern allocation (glibc malloc for objects, slab for keyspace entries)\n"
             "used:%zu\npeak:%zu\nrss:%zu\n",
             mem_used(), mem_peak(), mem_rss());
    text_add(&t,
             "# slab\nreserved:%zu\npage_size:%d\npages_used:%zu\npages_free:%zu\n"
             "live_blocks:%zu\nlive_bytes:%zu\n",
             st.reserved, SLAB_PAGE, st.pages_used, st.pages_free, st.blocks, st.bytes);
    text_add(&t,
             "# glibc mallinfo2\narena:%zu\nfree_chunks:%zu\nmmapped_chunks:%zu\n"
             "mmapped_bytes:%zu\nin_use:%zu\nfree:%zu\ntrimmable:%zu\n",
             mi.arena, mi.ordblks, mi.hblks, mi.hblkhd, mi.uordblks, mi.fordblks, mi.keepcost);
    reply_verbatim(c, t.p, t.len, "txt");
    mem_free(t.p);
}

/* MEMORY PURGE: give free heap pages back to the system. O(heap). */
void cmd_memory_purge(struct client *c)
{
    malloc_trim(0);
    reply_ok(c);
}

void cmd_memory_help(struct client *c)
{
    static const char *const lines[] = {
        "DOCTOR",
        "    Describe memory problems, if any, in words.",
        "MALLOC-STATS",
        "    Show the allocator's statistics (slab and glibc malloc).",
        "PURGE",
        "    Return free memory held by the allocator to the system.",
        "STATS",
        "    Show how the server's memory is spent.",
        "USAGE <key> [SAMPLES <count>]",
        "    Estimate the bytes <key> and its value use. Large lists and sorted sets",
        "    are estimated from <count> nodes (default: 5, 0 means all of them).",
        NULL,
    };
    reply_help(c, lines);
}
