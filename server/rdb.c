/* rdb: the RDB file framing (header, aux fields, SELECTDB, RESIZEDB,
 * expiry, IDLE/FREQ, EOF, CRC64) and the DUMP payload framing (value, RDB
 * version, CRC64). Values themselves are rdb_save.c's and rdb_load.c's;
 * the stream primitives are rdb_io.c's. See rdb.h.
 *
 * Invariants: a save writes every key of every non-empty db, expired or
 * not (as Redis: the loader drops the expired ones); a load never reads
 * past the stream and leaves nothing half-built behind in the keyspace
 * for the key being read when it fails.
 *
 * Must not know: fork, temp files, save points, clients.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "crc64.h"
#include "db.h"
#include "mem.h"
#include "rdb_int.h"
#include "server.h"
#include "util.h"

#define LRU_CLOCK_MAX ((1u << 24) - 1)

/* ---- saving ---- */

static void write_aux(struct rdb_writer *w, const char *k, const char *v, size_t vlen)
{
    rdbw_byte(w, RDB_OPCODE_AUX);
    rdbw_string(w, k, strlen(k));
    rdbw_string(w, v, vlen);
}

static void write_aux_int(struct rdb_writer *w, const char *k, long long v)
{
    char buf[24];
    size_t n = util_ll2str(buf, v);
    write_aux(w, k, buf, n);
}

static int policy_lru(void)
{
    return server.maxmemory_policy == CONFIG_MAXMEMORY_VOLATILE_LRU ||
           server.maxmemory_policy == CONFIG_MAXMEMORY_ALLKEYS_LRU;
}

static int policy_lfu(void)
{
    return server.maxmemory_policy == CONFIG_MAXMEMORY_VOLATILE_LFU ||
           server.maxmemory_policy == CONFIG_MAXMEMORY_ALLKEYS_LFU;
}

static void save_key_cb(void *priv, struct kv *e)
{
    struct rdb_writer *w = priv;
    if (w->failed)
        return;
    long long when = kv_expire(e);
    if (when >= 0) {
        unsigned char b[8];
        for (int i = 0; i < 8; i++)
            b[i] = (unsigned char)((unsigned long long)when >> (8 * i));
        rdbw_byte(w, RDB_OPCODE_EXPIRETIME_MS);
        rdbw_put(w, b, 8);
    }
    if (policy_lru()) {
        unsigned now = (unsigned)((db_clock_ms / 1000) & LRU_CLOCK_MAX);
        unsigned lru = kv_lru(e) & LRU_CLOCK_MAX;
        unsigned idle = now >= lru ? now - lru : now + (LRU_CLOCK_MAX - lru);
        rdbw_byte(w, RDB_OPCODE_IDLE);
        rdbw_len(w, idle);
    } else if (policy_lfu()) {
        rdbw_byte(w, RDB_OPCODE_FREQ);
        rdbw_byte(w, (int)db_lfu_counter(kv_lru(e)));
    }
    size_t klen;
    const char *key = kv_key(e, &klen);
    rdbw_byte(w, rdb_object_type(e));
    rdbw_string(w, key, klen);
    rdb_write_value(w, e);
}

int rdb_save_fd(int fd, int flags, char *err, size_t errlen)
{
    struct rdb_writer w;
    char magic[10];
    rdbw_init(&w, fd);
    if (flags & RDB_SAVE_AUTOSYNC)
        w.out.every = UTIL_AUTOSYNC_BYTES;
    snprintf(magic, sizeof(magic), "REDIS%04d", RDB_VERSION);
    rdbw_put(&w, magic, 9);
    write_aux(&w, "redis-ver", TERN_REDIS_VERSION, strlen(TERN_REDIS_VERSION));
    write_aux_int(&w, "redis-bits", sizeof(void *) * 8);
    write_aux_int(&w, "ctime", (long long)time(NULL));
    write_aux_int(&w, "used-mem", (long long)mem_used());
    write_aux_int(&w, "aof-base", (flags & RDB_SAVE_AOF_BASE) ? 1 : 0);
    for (int i = 0; i < server.databases && !w.failed; i++) {
        struct db *db = server.db[i];
        if (db_size(db) == 0)
            continue;
        rdbw_byte(&w, RDB_OPCODE_SELECTDB);
        rdbw_len(&w, (uint64_t)i);
        rdbw_byte(&w, RDB_OPCODE_RESIZEDB);
        rdbw_len(&w, db_size(db));
        rdbw_len(&w, db_expires(db));
        db_foreach(db, save_key_cb, &w);
    }
    rdbw_byte(&w, RDB_OPCODE_EOF);
    rdbw_flush(&w);
    uint64_t crc = server.rdbchecksum ? w.crc : 0;
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(crc >> (8 * i));
    rdbw_put(&w, b, 8);
    rdbw_flush(&w);
    int rc = w.failed ? -1 : 0;
    if (rc < 0) {
        snprintf(err, errlen, "Write error saving the DB: %s", strerror(w.err_no));
        errno = w.err_no;
    }
    rdbw_free(&w);
    return rc;
}

/* ---- loading ---- */

/* Per-key state gathered from the opcodes that precede a key. */
struct key_meta {
    long long expire;
    long long idle; /* seconds, -1 = none */
    int freq;       /* -1 = none */
};

void rdb_set_lru_info(struct kv *e, long long idle, int freq)
{
    if (policy_lfu()) {
        if (freq >= 0)
            kv_set_lru(e, (unsigned)(((db_clock_ms / 60000) & 65535) << 8) | (unsigned)freq);
        return;
    }
    if (idle < 0)
        return;
    long long clock = (db_clock_ms / 1000) & LRU_CLOCK_MAX;
    long long abs = clock - idle;
    if (abs < 0)
        abs = (clock + LRU_CLOCK_MAX / 2) % LRU_CLOCK_MAX;
    kv_set_lru(e, (unsigned)abs);
}

struct kv *rdb_store_value(struct db *db, const char *key, size_t klen, struct rdb_value *v,
                           long long expire)
{
    struct kv *e;
    if (v->type == KV_STRING) {
        e = db_set_string(db, key, klen, v->str, v->slen, -1, expire, 0);
        mem_free(v->str);
        v->str = NULL;
    } else {
        e = db_set_object(db, key, klen, v->type, v->enc, v->ptr, expire, 0);
        v->ptr = NULL;
    }
    return e;
}

/* One key of the given type; 0 or -1. */
static int load_key(struct rdb_reader *r, struct db *db, int type, struct key_meta *m,
                    struct rdb_load_info *info)
{
    size_t klen;
    char *key = rdbr_string(r, &klen);
    if (!key)
        return -1;
    struct rdb_value v;
    int rc = rdb_read_object(r, type, key, klen, &v);
    if (rc == 0 && db_lookup(db, key, klen, DB_LOOKUP_NOTOUCH | DB_LOOKUP_NOEXPIRE)) {
        rdbr_fail(r, "RDB has duplicated key '%.*s' in DB %d", klen > 200 ? 200 : (int)klen, key,
                  db_id(db));
        rdb_value_free(&v);
        rc = -1;
    }
    if (rc == 0) {
        if (m->expire >= 0 && m->expire < util_time_ms() && !info->keep_expired) {
            rdb_value_free(&v);
            info->keys_expired++;
        } else {
            struct kv *e = rdb_store_value(db, key, klen, &v, m->expire);
            rdb_set_lru_info(e, m->idle, m->freq);
            info->keys_loaded++;
        }
    }
    mem_free(key);
    m->expire = -1;
    m->idle = -1;
    m->freq = -1;
    return rc < 0 ? -1 : 0;
}

static int load_aux(struct rdb_reader *r, struct rdb_load_info *info)
{
    size_t kl, vl;
    char *k = rdbr_string(r, &kl);
    char *v = k ? rdbr_string(r, &vl) : NULL;
    if (!v) {
        mem_free(k);
        return -1;
    }
    if (!strcmp(k, "aof-base"))
        info->aof_base = !strcmp(v, "1");
    else if (!strcmp(k, "redis-ver"))
        server_log(LL_NOTICE, "Loading RDB produced by version %s", v);
    mem_free(k);
    mem_free(v);
    return 0;
}

static int read_header(struct rdb_reader *r, int *ver)
{
    char magic[10];
    if (rdbr_read(r, magic, 9) < 0)
        return -1;
    magic[9] = '\0';
    if (memcmp(magic, "REDIS", 5) != 0)
        return rdbr_fail(r, "Wrong signature trying to load DB from file");
    int v = 0;
    for (int i = 5; i < 9; i++)
        v = magic[i] >= '0' && magic[i] <= '9' ? v * 10 + (magic[i] - '0') : -1000000;
    if (v < 1 || v > RDB_VERSION)
        return rdbr_fail(r, "Can't handle RDB format version %s", magic + 5);
    *ver = v;
    return 0;
}

/* The opcode loop; returns 0 at EOF, -1 on error. */
static int load_body(struct rdb_reader *r, struct rdb_load_info *info)
{
    struct db *db = server.db[0];
    struct key_meta m = {-1, -1, -1};
    unsigned char b[8];
    for (;;) {
        int t;
        uint64_t a, z;
        if (rdbr_byte(r, &t) < 0)
            return -1;
        switch (t) {
        case RDB_OPCODE_EOF:
            return 0;
        case RDB_OPCODE_EXPIRETIME:
            if (rdbr_read(r, b, 4) < 0)
                return -1;
            m.expire = (long long)((uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
                                   ((uint32_t)b[3] << 24)) *
                       1000;
            continue;
        case RDB_OPCODE_EXPIRETIME_MS: {
            if (rdbr_read(r, b, 8) < 0)
                return -1;
            uint64_t u = 0;
            for (int i = 7; i >= 0; i--)
                u = (u << 8) | b[i];
            m.expire = (long long)u;
            continue;
        }
        case RDB_OPCODE_FREQ:
            if (rdbr_byte(r, &m.freq) < 0)
                return -1;
            continue;
        case RDB_OPCODE_IDLE:
            if (rdbr_len(r, &a, NULL) < 0)
                return -1;
            m.idle =
                a > (uint64_t)LRU_CLOCK_MAX * 1000 ? (long long)LRU_CLOCK_MAX * 1000 : (long long)a;
            continue;
        case RDB_OPCODE_SELECTDB:
            if (rdbr_len(r, &a, NULL) < 0)
                return -1;
            if (a >= (uint64_t)server.databases)
                return rdbr_fail(r,
                                 "FATAL: Data file was created with a Redis server configured "
                                 "to handle more than %d databases (db %llu)",
                                 server.databases, (unsigned long long)a);
            db = server.db[a];
            continue;
        case RDB_OPCODE_RESIZEDB:
            if (rdbr_len(r, &a, NULL) < 0 || rdbr_len(r, &z, NULL) < 0)
                return -1;
            continue;
        case RDB_OPCODE_AUX:
            if (load_aux(r, info) < 0)
                return -1;
            continue;
        case RDB_OPCODE_MODULE_AUX:
            return rdbr_fail(r,
                             "Unsupported RDB opcode MODULE_AUX (module auxiliary data) at "
                             "offset %zu: Tern has no modules",
                             r->off - 1);
        case RDB_OPCODE_FUNCTION:
        case RDB_OPCODE_FUNCTION2:
            return rdbr_fail(r,
                             "Unsupported RDB opcode %s (functions library) at offset %zu: "
                             "Tern has no functions",
                             t == RDB_OPCODE_FUNCTION ? "FUNCTION" : "FUNCTION2", r->off - 1);
        default:
            if (load_key(r, db, t, &m, info) < 0)
                return -1;
        }
    }
}

int rdb_load_fd(int fd, struct rdb_load_info *info, char *err, size_t errlen)
{
    struct rdb_reader r;
    int ver = 0;
    rdbr_init_fd(&r, fd, err, errlen);
    r.progress = info->progress;
    r.parg = info->arg;
    r.deep = server.sanitize_dump_payload == CONFIG_SANITIZE_YES;
    info->keys_loaded = info->keys_expired = 0;
    info->aof_base = 0;
    int rc = read_header(&r, &ver);
    if (rc == 0)
        rc = load_body(&r, info);
    if (rc == 0 && ver >= 5) {
        uint64_t expected = rdbr_crc(&r), got = 0;
        unsigned char b[8];
        rc = rdbr_read(&r, b, 8);
        for (int i = 7; rc == 0 && i >= 0; i--)
            got = (got << 8) | b[i];
        if (rc == 0 && server.rdbchecksum && got != 0 && got != expected)
            rc = rdbr_fail(&r, "Wrong RDB checksum expected: (%llx) got: (%llx). Aborting now.",
                           (unsigned long long)expected, (unsigned long long)got);
    }
    rdbr_free(&r);
    return rc;
}

/* ---- DUMP / RESTORE payloads ---- */

unsigned char *rdb_dump_value(const struct kv *e, size_t *len)
{
    struct rdb_writer w;
    rdbw_init(&w, -1);
    rdbw_byte(&w, rdb_object_type(e));
    rdb_write_value(&w, e);
    unsigned char ver[2] = {RDB_VERSION & 0xff, (RDB_VERSION >> 8) & 0xff};
    rdbw_put(&w, ver, 2);
    uint64_t crc = crc64(0, w.buf, w.len);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(crc >> (8 * i));
    rdbw_put(&w, b, 8);
    *len = w.len;
    return w.buf; /* the writer's buffer, handed over */
}

int rdb_restore_value(const unsigned char *p, size_t len, int deep, struct rdb_value *out,
                      const char **errmsg)
{
    static const char *const badver = "ERR DUMP payload version or checksum are wrong";
    static const char *const badfmt = "ERR Bad data format";
    memset(out, 0, sizeof(*out));
    if (len < 10) {
        *errmsg = badver;
        return -1;
    }
    unsigned ver = (unsigned)p[len - 10] | ((unsigned)p[len - 9] << 8);
    uint64_t crc = 0;
    for (int i = 7; i >= 0; i--)
        crc = (crc << 8) | p[len - 8 + (size_t)i];
    if (ver > RDB_VERSION || crc64(0, p, len - 8) != crc) {
        *errmsg = badver;
        return -1;
    }
    struct rdb_reader r;
    char err[256];
    int type;
    /* The reader spans the footer too, as Redis's does: a value that
     * overruns into it is read from it rather than rejected. */
    rdbr_init_mem(&r, p, len, err, sizeof(err));
    r.deep = deep;
    if (rdbr_byte(&r, &type) < 0 || rdb_read_object(&r, type, "", 0, out) != 0) {
        rdb_value_free(out);
        *errmsg = badfmt;
        return -1;
    }
    return 0;
}
