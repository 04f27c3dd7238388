/* aof_base: the AOF-format base file (aof-use-rdb-preamble no): the
 * dataset written as commands, in the forms Redis 7.0 writes (checked
 * against redis-server 7.0.15):
 *   SELECT <db>                     before each non-empty database,
 *   SET key value                   strings,
 *   RPUSH key item...               lists, head to tail,
 *   SADD key member...              sets,
 *   ZADD key score member...        sorted sets, ascending, scores "%.17g",
 *   HMSET key field value...        hashes,
 *   PEXPIREAT key <unix ms>         after a key that has a TTL;
 * a collection is split into commands of at most AOF_BASE_ITEMS_PER_CMD
 * items (Redis's AOF_REWRITE_ITEMS_PER_CMD, 64; a hash or zset item is a
 * pair), so no command is huge when replayed.
 *
 * Runs in the rewrite child (or at startup for an empty base): it only
 * reads the keyspace, through the types' public iterators.
 *
 * Must not know: type encodings beyond those iterators, the AOF layout.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aof_int.h"
#include "db.h"
#include "lp.h"
#include "mem.h"
#include "quicklist.h"
#include "server.h"
#include "t_hash.h"
#include "t_set.h"
#include "t_zset.h"
#include "util.h"

#define AOF_BASE_ITEMS_PER_CMD 64
#define BW_CAP                 (64 * 1024)

/* A buffered writer to fd plus the batching state of the current key. */
struct bw {
    struct util_sink out;
    int failed; /* errno of the first failed write, 0 if none */
    size_t len;
    char buf[BW_CAP];
    /* batching: the command and key of the collection being written */
    const char *cmd;
    const char *key;
    size_t klen;
    size_t left;  /* items not yet written */
    size_t count; /* items written in the current command */
    int arity;    /* arguments per item: 1, or 2 for pairs */
};

static void bw_flush(struct bw *w)
{
    if (!w->failed && util_sink_write(&w->out, w->buf, w->len) == -1)
        w->failed = errno;
    w->len = 0;
}

static void bw_put(struct bw *w, const void *p, size_t n)
{
    if (w->len + n > BW_CAP) {
        bw_flush(w);
        if (n > BW_CAP) {
            /* A big value goes straight out rather than through the buffer. */
            if (!w->failed && util_sink_write(&w->out, p, n) == -1)
                w->failed = errno;
            return;
        }
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

/* "<c><n>\r\n" */
static void bw_hdr(struct bw *w, char c, long long n)
{
    char h[32];
    h[0] = c;
    size_t l = 1 + util_ll2str(h + 1, n);
    h[l++] = '\r';
    h[l++] = '\n';
    bw_put(w, h, l);
}

static void bw_bulk(struct bw *w, const char *p, size_t n)
{
    bw_hdr(w, '$', (long long)n);
    bw_put(w, p, n);
    bw_put(w, "\r\n", 2);
}

static void bw_bulk_str(struct bw *w, const char *s)
{
    bw_bulk(w, s, strlen(s));
}

static void bw_bulk_ll(struct bw *w, long long v)
{
    char num[24];
    bw_bulk(w, num, util_ll2str(num, v));
}

/* Redis 7.0 writes rewritten scores with "%.17g" (so 1.1 becomes
 * 1.1000000000000001); "inf" and "-inf" load back through ZADD. */
static void bw_bulk_double(struct bw *w, double d)
{
    char num[64];
    int n = snprintf(num, sizeof(num), "%.17g", d);
    bw_bulk(w, num, (size_t)n);
}

/* Start writing a collection of items items with cmd, arity arguments per
 * item. */
static void batch_begin(struct bw *w, const char *cmd, const char *key, size_t klen, size_t items,
                        int arity)
{
    w->cmd = cmd;
    w->key = key;
    w->klen = klen;
    w->left = items;
    w->count = 0;
    w->arity = arity;
}

/* Before each item: open a new command every AOF_BASE_ITEMS_PER_CMD
 * items. The caller then writes arity bulks. */
static void batch_item(struct bw *w)
{
    if (w->count == 0) {
        size_t n = w->left < AOF_BASE_ITEMS_PER_CMD ? w->left : AOF_BASE_ITEMS_PER_CMD;
        bw_hdr(w, '*', (long long)(2 + n * (size_t)w->arity));
        bw_bulk_str(w, w->cmd);
        bw_bulk(w, w->key, w->klen);
    }
    if (++w->count == AOF_BASE_ITEMS_PER_CMD)
        w->count = 0;
    if (w->left)
        w->left--;
}

/* ---- per type ---- */

static void write_list(struct bw *w, const struct kv *e, const char *key, size_t klen)
{
    const struct quicklist *ql = kv_ptr(e);
    batch_begin(w, "RPUSH", key, klen, ql->count, 1);
    for (const struct ql_node *n = ql->head; n; n = n->next) {
        unsigned char *tmp; /* a compressed node is read decompressed */
        const unsigned char *lp = ql_node_listpack(n, &tmp);
        size_t end = lp_end(lp);
        for (size_t off = lp_first(lp); off != end; off = lp_next(lp, off)) {
            struct lp_entry le;
            char buf[21];
            size_t len;
            lp_get(lp, off, &le);
            const unsigned char *p = lp_bytes_of(&le, buf, &len);
            batch_item(w);
            bw_bulk(w, (const char *)p, len);
        }
        mem_free(tmp);
    }
}

static void set_cb(void *priv, const char *p, size_t len)
{
    struct bw *w = priv;
    batch_item(w);
    bw_bulk(w, p, len);
}

static void hash_cb(void *priv, const char *f, size_t flen, const char *v, size_t vlen)
{
    struct bw *w = priv;
    batch_item(w);
    bw_bulk(w, f, flen);
    bw_bulk(w, v, vlen);
}

static void write_zset(struct bw *w, const struct kv *e, const char *key, size_t klen)
{
    struct zobj *z = kv_ptr(e);
    size_t n = zobj_len(z);
    batch_begin(w, "ZADD", key, klen, n, 2);
    if (n == 0)
        return;
    struct zcur c;
    zcur_at(&c, z, 0);
    for (size_t i = 0; i < n; i++) {
        const char *m;
        size_t mlen;
        double score;
        zcur_get(&c, &m, &mlen, &score);
        batch_item(w);
        bw_bulk_double(w, score);
        bw_bulk(w, m, mlen);
        if (i + 1 < n)
            zcur_next(&c);
    }
}

/* One key: its value command(s), then PEXPIREAT if it has a TTL. */
static void write_key(void *priv, struct kv *e)
{
    struct bw *w = priv;
    if (w->failed)
        return;
    size_t klen;
    const char *key = kv_key(e, &klen);
    switch (kv_type(e)) {
    case KV_STRING: {
        size_t vlen;
        const char *v = kv_str(e, &vlen);
        bw_hdr(w, '*', 3);
        bw_bulk_str(w, "SET");
        bw_bulk(w, key, klen);
        bw_bulk(w, v, vlen);
        break;
    }
    case KV_LIST:
        write_list(w, e, key, klen);
        break;
    case KV_SET:
        batch_begin(w, "SADD", key, klen, tset_size(e), 1);
        tset_foreach(e, set_cb, w);
        break;
    case KV_HASH:
        batch_begin(w, "HMSET", key, klen, t_hash_len(e), 2);
        t_hash_foreach(e, hash_cb, w);
        break;
    case KV_ZSET:
        write_zset(w, e, key, klen);
        break;
    default:
        w->failed = EINVAL; /* Tern creates no other types */
        return;
    }
    long long when = kv_expire(e);
    if (when != -1) {
        bw_hdr(w, '*', 3);
        bw_bulk_str(w, "PEXPIREAT");
        bw_bulk(w, key, klen);
        bw_bulk_ll(w, when);
    }
}

/* Write every database as commands to fd. Returns 0, or -1 with errno set
 * (the first write error). O(dataset). */
int aof_write_base_commands(int fd)
{
    struct bw *w = mem_calloc(1, sizeof(*w));
    w->out.fd = fd;
    if (server.aof_rewrite_incremental_fsync)
        w->out.every = UTIL_AUTOSYNC_BYTES;
    for (int i = 0; i < server.databases && !w->failed; i++) {
        struct db *db = server.db[i];
        if (db_size(db) == 0)
            continue;
        bw_hdr(w, '*', 2);
        bw_bulk_str(w, "SELECT");
        bw_bulk_ll(w, i);
        db_foreach(db, write_key, w);
    }
    bw_flush(w);
    int err = w->failed;
    mem_free(w);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}
