/* t_debug: the DEBUG command, the subcommands Redis 7.0's own test suite
 * and tools use: OBJECT, SLEEP, SET-ACTIVE-EXPIRE, RELOAD, LOADAOF, DIGEST,
 * DIGEST-VALUE, PROTOCOL, HTSTATS-KEY, QUICKLIST-PACKED-THRESHOLD, HELP.
 *
 * Replies follow Redis 7.0.15 (texts, RESP2/RESP3 bytes of PROTOCOL, the
 * argument-count rule: a subcommand given the wrong number of arguments is
 * "unknown"), except where the content is Tern's own by nature: DIGEST uses
 * Tern's hash (digest.h; only digests from one server are ever compared),
 * and HTSTATS-KEY describes Tern's own tables in Redis's text layout.
 * Two subcommands break "one reply per command" on purpose, as in Redis:
 * PROTOCOL attrib and push send the attribute / push frame and then the
 * reply it goes with.
 *
 * Must not know: the layout of entries or of the types' objects. One
 * exception, documented where it is used: a set or hash in the hashtable
 * encoding keeps its sdict pointer untagged as the entry's value pointer
 * (t_set.c tset_tagged, t_hash.c hobj_tagged), which HTSTATS-KEY reads (a
 * sorted set's index is reached through the public struct zobj).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aof.h"
#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "digest.h"
#include "net.h"
#include "persist.h"
#include "reply.h"
#include "sdict.h"
#include "server.h"
#include "t_zset.h"
#include "util.h"

static int arg_is(const struct resp_arg *a, const char *word)
{
    return util_eq_ci(a->ptr, a->len, word);
}

static int debug_allowed(struct client *c)
{
    if (server.enable_debug_command == 1)
        return 1;
    if (server.enable_debug_command == 2 &&
        ((c->flags & CLIENT_UNIX) || net_peer_is_local(c->conn.io.fd)))
        return 1;
    return 0;
}

/* DEBUG OBJECT key. Like Redis 7.0 it reads the entry straight from the
 * keyspace: a key that has expired but was not reaped yet is still described
 * (not deleted, no "expired" event, LRU untouched). */
static void debug_object(struct client *c)
{
    struct kv *e =
        db_lookup(c->db, c->argv[2].ptr, c->argv[2].len, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
    if (!e) {
        reply_error(c, "ERR no such key");
        return;
    }
    size_t vlen = 0;
    long long ival;
    int refcount = 1;
    if (kv_type(e) == KV_STRING) {
        const char *v = kv_str(e, &vlen);
        if (kv_enc(e) == KV_ENC_INT && util_str2ll(v, vlen, &ival) && ival >= 0 && ival < 10000)
            refcount = 2147483647;
    }
    unsigned lru = kv_lru(e);
    long long now_lru = (db_clock_ms / 1000) & ((1 << 24) - 1);
    long long idle = now_lru >= lru ? now_lru - lru : now_lru + (1 << 24) - lru;
    char line[256];
    snprintf(
        line, sizeof(line),
        "Value at:%p refcount:%d encoding:%s serializedlength:%zu lru:%u lru_seconds_idle:%lld",
        (void *)e, refcount, kv_enc_name(kv_enc(e)), vlen + 1, lru, idle);
    reply_status(c, line);
}

/* DEBUG SLEEP seconds (decimals allowed; garbage reads as 0, as atof). */
static void debug_sleep(struct client *c)
{
    char buf[64];
    size_t n = c->argv[2].len < sizeof(buf) - 1 ? c->argv[2].len : sizeof(buf) - 1;
    memcpy(buf, c->argv[2].ptr, n);
    buf[n] = '\0';
    double secs = atof(buf);
    if (secs > 0) {
        struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
        nanosleep(&ts, NULL);
    }
    reply_ok(c);
}

/* DEBUG DIGEST: the dataset's digest as a status line. */
static void debug_digest(struct client *c)
{
    unsigned char d[DIGEST_LEN];
    char hex[2 * DIGEST_LEN + 1];
    digest_dataset(d);
    digest_hex(d, hex);
    reply_status(c, hex);
}

/* DEBUG DIGEST-VALUE key...: one status line per key, zeros for a missing
 * one. Expired keys not yet reaped still count, as in Redis. */
static void debug_digest_value(struct client *c)
{
    reply_array(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++) {
        unsigned char d[DIGEST_LEN] = {0};
        char hex[2 * DIGEST_LEN + 1];
        struct kv *e =
            db_lookup(c->db, c->argv[j].ptr, c->argv[j].len, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
        if (e)
            digest_value(e, d);
        digest_hex(d, hex);
        reply_status(c, hex);
    }
}

/* DEBUG PROTOCOL <type>: one sample reply of each RESP type, as Redis
 * sends them (the same values, so clients' test suites can compare). */
static void debug_protocol(struct client *c)
{
    const struct resp_arg *t = &c->argv[2];
    if (arg_is(t, "string")) {
        reply_bulk_cstr(c, "Hello World");
    } else if (arg_is(t, "integer")) {
        reply_int(c, 12345);
    } else if (arg_is(t, "double")) {
        reply_double(c, 3.141);
    } else if (arg_is(t, "bignum")) {
        reply_bignum(c, "1234567999999999999999999999999999999", 37);
    } else if (arg_is(t, "null")) {
        reply_null(c);
    } else if (arg_is(t, "array") || arg_is(t, "set")) {
        if (arg_is(t, "array"))
            reply_array(c, 3);
        else
            reply_set(c, 3);
        for (int i = 0; i < 3; i++)
            reply_int(c, i);
    } else if (arg_is(t, "map")) {
        reply_map(c, 3);
        for (int i = 0; i < 3; i++) {
            reply_int(c, i);
            reply_bool(c, i == 1);
        }
    } else if (arg_is(t, "attrib")) {
        if (c->resp >= 3) { /* RESP2 has no attributes: only the reply goes out */
            reply_raw(c, "|1\r\n", 4);
            reply_bulk_cstr(c, "key-popularity");
            reply_array(c, 2);
            reply_bulk_cstr(c, "key:123");
            reply_int(c, 90);
        }
        reply_bulk_cstr(c, "Some real reply following the attribute");
    } else if (arg_is(t, "push")) {
        if (c->resp < 3) {
            reply_error(c, "ERR RESP2 is not supported by this command");
            return;
        }
        reply_push(c, 2);
        reply_bulk_cstr(c, "server-cpu-usage");
        reply_int(c, 42);
        reply_bulk_cstr(c, "Some real reply following the push reply");
    } else if (arg_is(t, "verbatim")) {
        reply_verbatim(c, "This is a verbatim\nstring", 25, "txt");
    } else if (arg_is(t, "true") || arg_is(t, "false")) {
        reply_bool(c, arg_is(t, "true"));
    } else {
        reply_error(c, "ERR Wrong protocol type name. Please use one of the following: "
                       "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|"
                       "true|false");
    }
}

/* Append one table's statistics in Redis's dictGetStats layout. */
static int table_stats_text(char *buf, size_t cap, int table, const struct sdict_table_stats *st)
{
    size_t n = 0;
#define OUT(...)                                                                                   \
    do {                                                                                           \
        int w_ = snprintf(buf + n, n < cap ? cap - n : 0, __VA_ARGS__);                            \
        n += w_ > 0 ? (size_t)w_ : 0;                                                              \
    } while (0)
    OUT("Hash table %d stats (%s):\n", table, table ? "rehashing target" : "main hash table");
    if (st->used == 0) {
        OUT("No stats available for empty dictionaries\n");
        return (int)n;
    }
    double avg = st->nonempty ? (double)st->totchain / (double)st->nonempty : 0;
    OUT(" table size: %zu\n number of elements: %zu\n different slots: %zu\n"
        " max chain length: %zu\n avg chain length (counted): %.02f\n"
        " avg chain length (computed): %.02f\n Chain length distribution:\n",
        st->buckets, st->used, st->nonempty, st->maxchain, avg,
        st->nonempty ? (double)st->used / (double)st->nonempty : 0);
    for (int i = 0; i < SDICT_STATS_VECTLEN; i++) {
        if (st->clvector[i] == 0)
            continue;
        OUT("   %d: %zu (%.02f%%)\n", i, st->clvector[i],
            100.0 * (double)st->clvector[i] / (double)st->buckets);
    }
#undef OUT
    return (int)n;
}

/* Chain statistics of array t of a set's or hash's sdict. */
static int sdict_stats_cb(const void *tab, int t, struct sdict_table_stats *st)
{
    return sdict_table_stats(tab, t, st);
}

/* The same for a skiplist sorted set's member index. */
static int zidx_stats_cb(const void *tab, int t, struct sdict_table_stats *st)
{
    return zidx_table_stats(tab, t, st);
}

/* DEBUG HTSTATS-KEY key: the chain statistics of the hash table behind a
 * value (a set's or hash's sdict, a skiplist sorted set's member index;
 * both arrays while it resizes), in Redis's layout. Other encodings have no
 * such table. */
static void debug_htstats_key(struct client *c)
{
    struct kv *e = db_lookup(c->db, c->argv[2].ptr, c->argv[2].len, DB_LOOKUP_NOTOUCH);
    if (!e) {
        reply_error(c, "ERR no such key");
        return;
    }
    int (*stats)(const void *tab, int t, struct sdict_table_stats *st) = NULL;
    const void *tab = NULL;
    if ((kv_type(e) == KV_SET || kv_type(e) == KV_HASH) && kv_enc(e) == KV_ENC_HASHTABLE) {
        /* Both types store the sdict itself, untagged, in this encoding. */
        stats = sdict_stats_cb;
        tab = kv_ptr(e);
    } else if (kv_type(e) == KV_ZSET && kv_enc(e) == KV_ENC_SKIPLIST) {
        stats = zidx_stats_cb;
        tab = ((const struct zobj *)kv_ptr(e))->idx;
    }
    if (!stats) {
        reply_error(c, "ERR The value stored at the specified key is not represented using an "
                       "hash table");
        return;
    }
    char buf[8192];
    size_t n = 0;
    for (int t = 0; t < 2; t++) {
        struct sdict_table_stats st;
        if (stats(tab, t, &st) == -1)
            break;
        n += (size_t)table_stats_text(buf + n, sizeof(buf) - n, t, &st);
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
    }
    reply_verbatim(c, buf, n, "txt");
}

/* DEBUG QUICKLIST-PACKED-THRESHOLD <size>: Redis stores list elements of at
 * least this size in "plain" quicklist nodes of their own (0 restores its
 * default, 1 GB). Tern keeps every element in a listpack node, so there is
 * no threshold to set; the argument is checked as Redis checks it. */
static void debug_ql_threshold(struct client *c)
{
    char buf[64];
    unsigned long long sz = 0;
    size_t n = c->argv[2].len;
    int ok = n < sizeof(buf);
    if (ok) {
        memcpy(buf, c->argv[2].ptr, n);
        buf[n] = '\0';
        ok = util_memtoull(buf, &sz) && sz <= (1ULL << 32) - (1ULL << 20);
    }
    if (!ok) {
        reply_error(c, "ERR argument must be a memory value bigger than 1 and smaller than 4gb");
        return;
    }
    reply_ok(c);
}

/* DEBUG LOADAOF: flush the AOF and load back what its manifest on disk
 * names (also with the AOF off, after a BGREWRITEAOF). Redis exits when the
 * load fails (the dataset would be partial), and so does Tern; with no AOF
 * at all Redis exits too, Tern answers an error and changes nothing. */
static void debug_loadaof(struct client *c)
{
    if (persist_loading()) {
        reply_error(c, "LOADING Redis is loading the dataset in memory");
        return;
    }
    int r = aof_debug_loadaof();
    if (r == 1) {
        reply_error(c, "ERR DEBUG LOADAOF found no AOF manifest to load");
        return;
    }
    if (r == -1) {
        server_log(LL_WARNING, "DEBUG LOADAOF failed to load the AOF: exiting");
        server_exit(1);
    }
    server.dirty = 0; /* as Redis: the reload is not a change to propagate or save */
    reply_ok(c);
}

static void debug_help(struct client *c)
{
    static const char *const help[] = {
        "DIGEST",
        "    Output a hex signature representing the current DB content.",
        "DIGEST-VALUE <key> [<key> ...]",
        "    Output a hex signature of the values of all the specified keys.",
        "HTSTATS-KEY <key>",
        "    Show the chain statistics of the hash table of a set, hash or sorted set <key>.",
        "LOADAOF",
        "    Flush the AOF buffers on disk and reload the AOF in memory.",
        "OBJECT <key>",
        "    Show low-level information about the value stored at <key>.",
        "PROTOCOL <type>",
        "    Reply with a test value of the specified type. <type> can be: string,",
        "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
        "    true, false.",
        "QUICKLIST-PACKED-THRESHOLD <size>",
        "    Accepted and checked; Tern keeps every list element in a listpack node "
        "(no plain nodes).",
        "RELOAD [option ...]",
        "    Save the RDB on disk and reload it back to memory. Options: MERGE (accepted), "
        "NOFLUSH (keep the current keys), NOSAVE (load the existing file).",
        "SET-ACTIVE-EXPIRE <0|1>",
        "    Turn the active expiry cycle off (0) or on (1).",
        "SLEEP <seconds>",
        "    Stop serving for <seconds> (decimals allowed).",
        NULL,
    };
    reply_help(c, help);
}

void cmd_debug(struct client *c)
{
    if (!debug_allowed(c)) {
        reply_error(c,
                    "ERR DEBUG command not allowed. If the enable-debug-command option is set "
                    "to \"local\", you can run it from a local connection, otherwise you need "
                    "to set this option in the configuration file, and then restart the server.");
        return;
    }
    const struct resp_arg *sub = &c->argv[1];
    int argc = c->argc;
    if (argc == 2 && arg_is(sub, "help")) {
        debug_help(c);
    } else if (argc == 3 && arg_is(sub, "sleep")) {
        debug_sleep(c);
    } else if (arg_is(sub, "reload")) {
        persist_debug_reload(c);
    } else if (argc == 2 && arg_is(sub, "loadaof")) {
        debug_loadaof(c);
    } else if (argc == 3 && arg_is(sub, "object")) {
        debug_object(c);
    } else if (argc == 2 && arg_is(sub, "digest")) {
        debug_digest(c);
    } else if (argc >= 2 && arg_is(sub, "digest-value")) {
        debug_digest_value(c);
    } else if (argc == 3 && arg_is(sub, "protocol")) {
        debug_protocol(c);
    } else if (argc == 3 && arg_is(sub, "htstats-key")) {
        debug_htstats_key(c);
    } else if (argc == 3 && arg_is(sub, "quicklist-packed-threshold")) {
        debug_ql_threshold(c);
    } else if (argc == 3 && arg_is(sub, "set-active-expire")) {
        long long v = 0;
        /* Redis reads it with atoi(): anything not a number counts as 0. */
        if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &v))
            v = 0;
        server.active_expire_enabled = v != 0;
        reply_ok(c);
    } else {
        reply_errorf(
            c, "ERR unknown subcommand or wrong number of arguments for '%.*s'. Try DEBUG HELP.",
            (int)sub->len, sub->ptr);
    }
}
