/* propagate: see propagate.h.
 *
 * Recorded commands are kept RESP-encoded in one byte buffer (op header:
 * database and length, then the bytes) until the top-level command ends;
 * then they go to aof_feed in order. The deterministic forms are picked by
 * a small table of commands resolved once (pointer compares per write).
 */
#include "propagate.h"

#include <string.h>

#include "aof.h"
#include "client.h"
#include "cmd.h"
#include "db.h"
#include "mem.h"
#include "resp.h"
#include "t_hash.h"
#include "util.h"

struct op_hdr {
    int dbid;
    size_t len;
};

static char *ops; /* op_hdr + bytes, ... */
static size_t olen, ocap;
static int nops;
static int prevented;

static void *room(size_t n)
{
    if (olen + n > ocap) {
        size_t cap = ocap ? ocap * 2 : 4096;
        while (cap < olen + n)
            cap *= 2;
        ops = mem_realloc(ops, cap);
        ocap = cap;
    }
    void *p = ops + olen;
    olen += n;
    return p;
}

static void put(const void *p, size_t n)
{
    memcpy(room(n), p, n);
}

/* Encode argv as a RESP array after an op header. O(total length). */
void propagate_cmd(int dbid, int argc, const struct resp_arg *argv)
{
    if (!aof_feeding())
        return;
    size_t hdr_at = olen;
    room(sizeof(struct op_hdr));
    size_t start = olen;
    char h[RESP_HDR_MAX];
    put(h, resp_hdr(h, '*', argc));
    for (int i = 0; i < argc; i++) {
        put(h, resp_hdr(h, '$', (long long)argv[i].len));
        put(argv[i].ptr, argv[i].len);
        put("\r\n", 2);
    }
    struct op_hdr oh = {dbid, olen - start};
    memcpy(ops + hdr_at, &oh, sizeof(oh));
    nops++;
}

void propagate_prevent(void)
{
    prevented = 1;
}

void propagate_discard(void)
{
    prevented = 0;
    olen = 0;
    nops = 0;
}

static struct resp_arg arg_str(const char *s)
{
    return (struct resp_arg){(char *)s, strlen(s)};
}

void propagate_expired(int dbid, const char *key, size_t klen)
{
    struct resp_arg a[2] = {arg_str("DEL"), {(char *)key, klen}};
    propagate_cmd(dbid, 2, a);
}

static void emit(int wrap)
{
    if (nops == 0)
        return;
    size_t pos = 0;
    struct op_hdr first;
    memcpy(&first, ops, sizeof(first));
    wrap = wrap && nops > 1;
    if (wrap)
        aof_feed(first.dbid, "*1\r\n$5\r\nMULTI\r\n", 15);
    while (pos < olen) {
        struct op_hdr oh;
        memcpy(&oh, ops + pos, sizeof(oh));
        pos += sizeof(oh);
        aof_feed(oh.dbid, ops + pos, oh.len);
        pos += oh.len;
    }
    if (wrap)
        aof_feed(-1, "*1\r\n$4\r\nEXEC\r\n", 14);
    olen = 0;
    nops = 0;
    if (ocap > 1024 * 1024) {
        mem_free(ops);
        ops = NULL;
        ocap = 0;
    }
}

void propagate_flush(void)
{
    if (nops)
        emit(1);
}

void propagate_flush_nowrap(void)
{
    emit(0);
}

/* ---- deterministic forms ---- */

/* The state of the first key after the command (expired entries too: the
 * replay must reach the same state, expiry is judged later). */
static struct kv *key_after(struct client *c)
{
    return db_lookup(c->db, c->argv[1].ptr, c->argv[1].len, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
}

static void rec(struct client *c, int argc, const struct resp_arg *argv)
{
    propagate_cmd(c->db_index, argc, argv);
}

static void rec_del(struct client *c)
{
    struct resp_arg a[2] = {arg_str("DEL"), c->argv[1]};
    rec(c, 2, a);
}

static void rec_pexpireat(struct client *c, struct kv *e)
{
    char ms[24];
    struct resp_arg a[3] = {arg_str("PEXPIREAT"), c->argv[1], {ms, util_ll2str(ms, kv_expire(e))}};
    rec(c, 3, a);
}

static void form_expire(struct client *c)
{
    struct kv *e = key_after(c);
    if (!e)
        rec_del(c);
    else if (kv_expire(e) >= 0)
        rec_pexpireat(c, e);
    else
        rec(c, c->argc, c->argv);
}

/* SET with a relative or absolute expiry, SETEX, PSETEX: SET k v PXAT ms. */
static void set_pxat(struct client *c, const struct resp_arg *val)
{
    struct kv *e = key_after(c);
    if (!e) {
        rec_del(c);
        return;
    }
    if (kv_expire(e) < 0) {
        struct resp_arg a[3] = {arg_str("SET"), c->argv[1], *val};
        rec(c, 3, a);
        return;
    }
    char ms[24];
    struct resp_arg a[5] = {
        arg_str("SET"), c->argv[1], *val, arg_str("PXAT"), {ms, util_ll2str(ms, kv_expire(e))}};
    rec(c, 5, a);
}

static int has_word(struct client *c, int from, const char *const *words)
{
    for (int i = from; i < c->argc; i++)
        for (int w = 0; words[w]; w++)
            if (util_eq_ci(c->argv[i].ptr, c->argv[i].len, words[w]))
                return 1;
    return 0;
}

static const char *const ttl_words[] = {"ex", "px", "exat", "pxat", NULL};

static void form_set(struct client *c)
{
    if (has_word(c, 3, ttl_words))
        set_pxat(c, &c->argv[2]);
    else
        rec(c, c->argc, c->argv);
}

static void form_setex(struct client *c)
{
    set_pxat(c, &c->argv[3]);
}

static void form_getex(struct client *c)
{
    static const char *const persist[] = {"persist", NULL};
    struct kv *e = key_after(c);
    if (!e) {
        rec_del(c);
    } else if (has_word(c, 2, persist)) {
        struct resp_arg a[2] = {arg_str("PERSIST"), c->argv[1]};
        rec(c, 2, a);
    } else if (kv_expire(e) >= 0) {
        rec_pexpireat(c, e);
    }
}

static void form_getdel(struct client *c)
{
    rec_del(c);
}

static void form_incrbyfloat(struct client *c)
{
    struct kv *e = key_after(c);
    if (!e || kv_type(e) != KV_STRING) {
        rec(c, c->argc, c->argv);
        return;
    }
    size_t vlen;
    const char *v = kv_str(e, &vlen);
    struct resp_arg a[4] = {arg_str("SET"), c->argv[1], {(char *)v, vlen}, arg_str("KEEPTTL")};
    rec(c, 4, a);
}

static void form_hincrbyfloat(struct client *c)
{
    struct kv *e = key_after(c);
    const char *v;
    size_t vlen;
    char buf[21];
    if (!e || kv_type(e) != KV_HASH ||
        !t_hash_get(e, c->argv[2].ptr, c->argv[2].len, &v, &vlen, buf)) {
        rec(c, c->argc, c->argv);
        return;
    }
    struct resp_arg a[4] = {arg_str("HSET"), c->argv[1], c->argv[2], {(char *)v, vlen}};
    rec(c, 4, a);
}

/* RESTORE key ttl payload [opts]: a relative TTL becomes absolute. */
static void form_restore(struct client *c)
{
    static const char *const abs[] = {"absttl", NULL};
    struct kv *e = key_after(c);
    if (!e) {
        rec_del(c);
        return;
    }
    if (kv_expire(e) < 0 || has_word(c, 4, abs)) {
        rec(c, c->argc, c->argv);
        return;
    }
    struct resp_arg *a = mem_alloc((size_t)(c->argc + 1) * sizeof(*a));
    char ms[24];
    memcpy(a, c->argv, (size_t)c->argc * sizeof(*a));
    a[0] = arg_str("RESTORE");
    a[2] = (struct resp_arg){ms, util_ll2str(ms, kv_expire(e))};
    a[c->argc] = arg_str("ABSTTL");
    rec(c, c->argc + 1, a);
    mem_free(a);
}

/* Blocking commands become their non-blocking forms: name replaced, the
 * timeout dropped; BLPOP k1..kn t -> LMPOP n k1..kn LEFT (the first
 * non-empty key, as BLPOP picks). */
static void nonblocking(struct client *c, const char *name, int drop_at, const char *where)
{
    struct resp_arg *a = mem_alloc((size_t)(c->argc + 2) * sizeof(*a));
    int n = 0;
    char num[24];
    a[n++] = arg_str(name);
    if (where) {
        /* argv: name k1 .. kn timeout */
        a[n++] = (struct resp_arg){num, util_ll2str(num, c->argc - 2)};
        for (int i = 1; i < c->argc - 1; i++)
            a[n++] = c->argv[i];
        a[n++] = arg_str(where);
    } else {
        for (int i = 1; i < c->argc; i++)
            if (i != drop_at)
                a[n++] = c->argv[i];
    }
    rec(c, n, a);
    mem_free(a);
}

static void form_blpop(struct client *c)
{
    nonblocking(c, "LMPOP", 0, "LEFT");
}
static void form_brpop(struct client *c)
{
    nonblocking(c, "LMPOP", 0, "RIGHT");
}
static void form_bzpopmin(struct client *c)
{
    nonblocking(c, "ZMPOP", 0, "MIN");
}
static void form_bzpopmax(struct client *c)
{
    nonblocking(c, "ZMPOP", 0, "MAX");
}
static void form_blmove(struct client *c)
{
    nonblocking(c, "LMOVE", c->argc - 1, NULL);
}
static void form_brpoplpush(struct client *c)
{
    nonblocking(c, "RPOPLPUSH", c->argc - 1, NULL);
}
static void form_blmpop(struct client *c)
{
    nonblocking(c, "LMPOP", 1, NULL);
}
static void form_bzmpop(struct client *c)
{
    nonblocking(c, "ZMPOP", 1, NULL);
}

struct form {
    const char *name;
    void (*fn)(struct client *c);
    const struct cmd *cmd; /* resolved on first use */
};

static struct form forms[] = {
    {"expire", form_expire, NULL},
    {"pexpire", form_expire, NULL},
    {"expireat", form_expire, NULL},
    {"pexpireat", form_expire, NULL},
    {"set", form_set, NULL},
    {"setex", form_setex, NULL},
    {"psetex", form_setex, NULL},
    {"getex", form_getex, NULL},
    {"getdel", form_getdel, NULL},
    {"incrbyfloat", form_incrbyfloat, NULL},
    {"hincrbyfloat", form_hincrbyfloat, NULL},
    {"restore", form_restore, NULL},
    {"restore-asking", form_restore, NULL},
    {"blpop", form_blpop, NULL},
    {"brpop", form_brpop, NULL},
    {"bzpopmin", form_bzpopmin, NULL},
    {"bzpopmax", form_bzpopmax, NULL},
    {"blmove", form_blmove, NULL},
    {"brpoplpush", form_brpoplpush, NULL},
    {"blmpop", form_blmpop, NULL},
    {"bzmpop", form_bzmpop, NULL},
};
#define NFORMS (sizeof(forms) / sizeof(forms[0]))

static void resolve_forms(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    for (size_t i = 0; i < NFORMS; i++)
        forms[i].cmd = cmd_lookup(forms[i].name, strlen(forms[i].name));
}

static int forced; /* propagate_force() was called by the running command */

void propagate_force(void)
{
    forced = 1;
}

/* Record c's command (in its deterministic form if it has one). Out of
 * line so propagate_after_call's common early returns stay cheap. */
static __attribute__((noinline)) void record_call(struct client *c)
{
    /* EXEC is not a write: its queued commands were recorded one by one. */
    if (!(c->cmd->flags & CMD_WRITE))
        return;
    resolve_forms();
    for (size_t i = 0; i < NFORMS; i++) {
        if (forms[i].cmd == c->cmd) {
            forms[i].fn(c);
            return;
        }
    }
    rec(c, c->argc, c->argv);
}

void propagate_after_call(struct client *c, long long dirty_delta)
{
    if (dirty_delta <= 0 && !prevented && !forced)
        return; /* the common case for reads: nothing to record or reset */
    int was_prevented = prevented, was_forced = forced;
    prevented = forced = 0;
    if ((dirty_delta <= 0 && !was_forced) || was_prevented || !aof_feeding())
        return;
    record_call(c);
}
