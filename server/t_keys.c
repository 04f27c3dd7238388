/* t_keys: the generic keyspace commands that work on any type of value:
 * DEL, UNLINK, EXISTS, TOUCH, TYPE, RENAME, RENAMENX, COPY, MOVE, RANDOMKEY,
 * DBSIZE, FLUSHDB, FLUSHALL, SWAPDB and SELECT, plus the helpers the other
 * generic-command files share (t_keys.h). The EXPIRE family lives in
 * t_expire.c, KEYS and SCAN in t_scan.c, OBJECT in t_object.c.
 *
 * Semantics, replies and error texts follow Redis 7.0.15 exactly, including
 * the order in which arguments are checked (which error wins) and where
 * keyspace events are emitted (notify.h), and server.dirty counting.
 *
 * Invariants: a struct kv pointer is never used after another write (or a
 * lookup that may lazily expire) on the same db; such places look the key up
 * again. No handler allocates on its hot path.
 *
 * Must not know: data-type internals; the value is handled only through
 * db_* calls (move, copy, delete) and kv_* accessors.
 */
#include <assert.h>
#include <stdint.h> /* not <limits.h>: server/limits.h shadows it under -Iserver */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "multi.h"
#include "notify.h"
#include "persist.h"
#include "propagate.h"
#include "reply.h"
#include "server.h"
#include "t_keys.h"
#include "util.h"

/* ---- shared helpers (t_keys.h) ---- */

struct kv *keys_lookup_read(struct client *c, const struct resp_arg *key, unsigned flags,
                            int notify_miss)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, flags);
    if (e) {
        server.stat_keyspace_hits++;
    } else {
        server.stat_keyspace_misses++;
        if (notify_miss)
            notify_event(NOTIFY_KEY_MISS, "keymiss", c->db, key->ptr, key->len);
    }
    return e;
}

int keys_get_int(struct client *c, const struct resp_arg *a, const char *msg, int *out)
{
    long long v;
    if (!util_str2ll(a->ptr, a->len, &v)) {
        if (msg)
            reply_errorf(c, "ERR %s", msg);
        else
            reply_error_not_int(c);
        return -1;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        if (msg)
            reply_errorf(c, "ERR %s", msg);
        else
            reply_error(c, "ERR value is out of range, value must between -2147483648 and "
                           "2147483647");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int keys_is_expired(const struct kv *e)
{
    long long when = kv_expire(e);
    return when >= 0 && db_clock_ms > when;
}

/* 1 if a and b hold the same bytes. */
static int arg_eq(const struct resp_arg *a, const struct resp_arg *b)
{
    return a->len == b->len && memcmp(a->ptr, b->ptr, a->len) == 0;
}

/* The database with index id, or NULL when id is out of range. */
static struct db *db_by_index(int id)
{
    if (id < 0 || id >= server.databases)
        return NULL;
    return server.db[id];
}

/* ---- DEL, UNLINK, EXISTS, TOUCH, TYPE ---- */

/* DEL/UNLINK: delete each named key; a key named twice counts once (the
 * second delete finds nothing). O(number of keys). */
static void del_generic(struct client *c)
{
    long long n = 0;
    for (int j = 1; j < c->argc; j++) {
        const struct resp_arg *k = &c->argv[j];
        if (db_delete(c->db, k->ptr, k->len)) {
            notify_key_modified(c->db, k->ptr, k->len);
            notify_event(NOTIFY_GENERIC, "del", c->db, k->ptr, k->len);
            server.dirty++;
            n++;
        }
    }
    reply_int(c, n);
}

void cmd_del(struct client *c)
{
    del_generic(c);
}

/* UNLINK frees synchronously for now: same observable result as DEL. */
void cmd_unlink(struct client *c)
{
    del_generic(c);
}

/* EXISTS key [key ...]: each argument counts, so EXISTS k k gives 2. */
void cmd_exists(struct client *c)
{
    long long n = 0;
    for (int j = 1; j < c->argc; j++)
        if (keys_lookup_read(c, &c->argv[j], DB_LOOKUP_NOTOUCH, 1))
            n++;
    reply_int(c, n);
}

/* TOUCH key [key ...]: like EXISTS, but updates each key's access time. */
void cmd_touch(struct client *c)
{
    long long n = 0;
    for (int j = 1; j < c->argc; j++)
        if (keys_lookup_read(c, &c->argv[j], 0, 1))
            n++;
    reply_int(c, n);
}

void cmd_type(struct client *c)
{
    struct kv *e = keys_lookup_read(c, &c->argv[1], DB_LOOKUP_NOTOUCH, 1);
    reply_status(c, e ? kv_type_name(kv_type(e)) : "none");
}

/* ---- RENAME, RENAMENX, COPY, MOVE ---- */

/* RENAME / RENAMENX (nx set). The TTL travels with the value; an existing
 * destination is overwritten (RENAME) or makes it fail (RENAMENX). */
static void rename_generic(struct client *c, int nx)
{
    struct db *db = c->db;
    const struct resp_arg *src = &c->argv[1], *dst = &c->argv[2];
    struct kv *e = db_lookup(db, src->ptr, src->len, 0);
    if (!e) {
        reply_error(c, "ERR no such key");
        return;
    }
    if (arg_eq(src, dst)) {
        if (nx)
            reply_int(c, 0);
        else
            reply_ok(c);
        return;
    }
    struct kv *d = db_lookup(db, dst->ptr, dst->len, 0);
    if (d) {
        if (nx) {
            reply_int(c, 0);
            return;
        }
        db_delete_entry(db, d);
    }
    /* The lookup or delete of dst may have moved entries: find src again.
     * It is still live (the clock does not move within a command). */
    e = db_lookup(db, src->ptr, src->len, DB_LOOKUP_NOTOUCH);
    assert(e);
    db_move_entry(db, e, db, dst->ptr, dst->len);
    notify_key_modified(db, src->ptr, src->len);
    notify_key_modified(db, dst->ptr, dst->len);
    notify_event(NOTIFY_GENERIC, "rename_from", db, src->ptr, src->len);
    notify_event(NOTIFY_GENERIC, "rename_to", db, dst->ptr, dst->len);
    server.dirty++;
    if (nx)
        reply_int(c, 1);
    else
        reply_ok(c);
}

void cmd_rename(struct client *c)
{
    rename_generic(c, 0);
}

void cmd_renamenx(struct client *c)
{
    rename_generic(c, 1);
}

/* COPY source destination [DB index] [REPLACE]. Argument errors come first
 * (syntax, integer, same object, DB range), then the keys are looked up. */
void cmd_copy(struct client *c)
{
    const struct resp_arg *src = &c->argv[1], *dst = &c->argv[2];
    int dbid = c->db_index, replace = 0;

    for (int j = 3; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        if (util_eq_ci(a->ptr, a->len, "replace")) {
            replace = 1;
        } else if (util_eq_ci(a->ptr, a->len, "db") && j + 1 < c->argc) {
            if (keys_get_int(c, &c->argv[j + 1], NULL, &dbid) < 0)
                return;
            j++;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    if (dbid == c->db_index && arg_eq(src, dst)) {
        reply_error(c, "ERR source and destination objects are the same");
        return;
    }
    struct db *sdb = c->db, *ddb = db_by_index(dbid);
    if (!ddb) {
        reply_error(c, "ERR DB index is out of range");
        return;
    }
    if (!keys_lookup_read(c, src, 0, 1)) {
        reply_int(c, 0);
        return;
    }
    struct kv *d = db_lookup(ddb, dst->ptr, dst->len, 0);
    if (d) {
        if (!replace) {
            reply_int(c, 0);
            return;
        }
        db_delete_entry(ddb, d);
    }
    /* Same reason as in RENAME: re-find the source after touching ddb
     * (needed only when ddb == sdb, harmless otherwise). */
    struct kv *e = db_lookup(sdb, src->ptr, src->len, DB_LOOKUP_NOTOUCH);
    assert(e);
    db_copy_entry(ddb, e, dst->ptr, dst->len);
    notify_key_modified(ddb, dst->ptr, dst->len);
    notify_event(NOTIFY_GENERIC, "copy_to", ddb, dst->ptr, dst->len);
    server.dirty++;
    reply_int(c, 1);
}

/* MOVE key db: 1 if moved, 0 if the key is missing here or exists there. */
void cmd_move(struct client *c)
{
    const struct resp_arg *k = &c->argv[1];
    int dbid;
    if (keys_get_int(c, &c->argv[2], NULL, &dbid) < 0)
        return;
    struct db *src = c->db, *dst = db_by_index(dbid);
    if (!dst) {
        reply_error(c, "ERR DB index is out of range");
        return;
    }
    if (dst == src) {
        reply_error(c, "ERR source and destination objects are the same");
        return;
    }
    struct kv *e = db_lookup(src, k->ptr, k->len, 0);
    if (!e) {
        reply_int(c, 0);
        return;
    }
    /* A lookup in another db leaves src entries alone. */
    if (db_lookup(dst, k->ptr, k->len, 0)) {
        reply_int(c, 0);
        return;
    }
    db_move_entry(src, e, dst, k->ptr, k->len);
    notify_key_modified(src, k->ptr, k->len);
    notify_key_modified(dst, k->ptr, k->len);
    notify_event(NOTIFY_GENERIC, "move_from", src, k->ptr, k->len);
    notify_event(NOTIFY_GENERIC, "move_to", dst, k->ptr, k->len);
    server.dirty++;
    reply_int(c, 1);
}

/* ---- RANDOMKEY, DBSIZE ---- */

void cmd_randomkey(struct client *c)
{
    struct kv *e = db_random(c->db);
    if (!e) {
        reply_null(c);
        return;
    }
    size_t len;
    const char *key = kv_key(e, &len);
    reply_bulk(c, key, len);
}

void cmd_dbsize(struct client *c)
{
    reply_int(c, (long long)db_size(c->db));
}

/* ---- FLUSHDB, FLUSHALL, SWAPDB, SELECT ---- */

/* The optional ASYNC|SYNC argument of FLUSHDB/FLUSHALL. Both flush
 * synchronously for now. Returns 0, or -1 after replying a syntax error. */
static int flush_args_ok(struct client *c)
{
    if (c->argc > 2) {
        reply_error_syntax(c);
        return -1;
    }
    if (c->argc == 2) {
        const struct resp_arg *a = &c->argv[1];
        if (!util_eq_ci(a->ptr, a->len, "sync") && !util_eq_ci(a->ptr, a->len, "async")) {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

/* Empty one database; every key in it counts as modified
 * (notify_key_modified with a NULL key means "the whole db"). O(keys). */
static void flush_one(struct db *db)
{
    notify_key_modified(db, NULL, 0); /* while the keys are still there, as WATCH needs */
    server.dirty += (long long)db_empty(db);
}

void cmd_flushdb(struct client *c)
{
    if (flush_args_ok(c) < 0)
        return;
    flush_one(c->db);
    propagate_force(); /* even an empty db: the AOF must see it, as Redis */
    reply_ok(c);
}

void cmd_flushall(struct client *c)
{
    if (flush_args_ok(c) < 0)
        return;
    for (int i = 0; i < server.databases; i++)
        flush_one(server.db[i]);
    if (persist_after_flushall)
        persist_after_flushall(); /* save points set: save the empty dataset */
    propagate_force();            /* even when empty, and after the save cleared dirty */
    reply_ok(c);
}

/* SWAPDB index1 index2. Clients keep their db index, so they see the other
 * contents afterwards. Swapping a db with itself is a successful no-op. */
void cmd_swapdb(struct client *c)
{
    int id1, id2;
    if (keys_get_int(c, &c->argv[1], "invalid first DB index", &id1) < 0)
        return;
    if (keys_get_int(c, &c->argv[2], "invalid second DB index", &id2) < 0)
        return;
    struct db *a = db_by_index(id1), *b = db_by_index(id2);
    if (!a || !b) {
        reply_error(c, "ERR DB index is out of range");
        return;
    }
    if (a != b) {
        /* As in Redis 7.0, SWAPDB touches WATCHed keys (before the swap)
         * but sends no tracking invalidation. */
        multi_touch_swap(a, b);
        db_swap(a, b);
    }
    server.dirty++;
    reply_ok(c);
}

void cmd_select(struct client *c)
{
    int id;
    if (keys_get_int(c, &c->argv[1], NULL, &id) < 0)
        return;
    struct db *db = db_by_index(id);
    if (!db) {
        reply_error(c, "ERR DB index is out of range");
        return;
    }
    c->db_index = id;
    c->db = db;
    reply_ok(c);
}
