/* t_expire: the key TTL commands: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT
 * (with NX | XX | GT | LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST.
 *
 * Semantics follow Redis 7.0.15: options are parsed before the time (so an
 * unknown option wins over a bad number), a key without a TTL counts as
 * having an infinite one for GT/LT, and a time at or before now deletes the
 * key (reply 1, event "del") instead of setting a TTL. Times are unix ms
 * internally; "now" is the db's cached clock (db_clock_ms).
 *
 * Must not know: value types. Hot path (EXPIRE, TTL): no allocation, one
 * lookup.
 */
#include <stdint.h> /* not <limits.h>: server/limits.h shadows it under -Iserver */

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_keys.h"
#include "util.h"

#define EXP_NX (1u << 0)
#define EXP_XX (1u << 1)
#define EXP_GT (1u << 2)
#define EXP_LT (1u << 3)

/* Parse the NX/XX/GT/LT options in argv[3..]. Returns the flags, or -1
 * after replying an error. */
static int expire_parse_flags(struct client *c)
{
    unsigned flags = 0;
    for (int j = 3; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        if (util_eq_ci(a->ptr, a->len, "nx"))
            flags |= EXP_NX;
        else if (util_eq_ci(a->ptr, a->len, "xx"))
            flags |= EXP_XX;
        else if (util_eq_ci(a->ptr, a->len, "gt"))
            flags |= EXP_GT;
        else if (util_eq_ci(a->ptr, a->len, "lt"))
            flags |= EXP_LT;
        else {
            reply_errorf(c, "ERR Unsupported option %.*s", (int)a->len, a->ptr);
            return -1;
        }
    }
    if ((flags & EXP_NX) && (flags & (EXP_XX | EXP_GT | EXP_LT))) {
        reply_error(c, "ERR NX and XX, GT or LT options at the same time are not compatible");
        return -1;
    }
    if ((flags & EXP_GT) && (flags & EXP_LT)) {
        reply_error(c, "ERR GT and LT options at the same time are not compatible");
        return -1;
    }
    return (int)flags;
}

/* 1 if the NX/XX/GT/LT condition allows replacing TTL cur (-1 = none,
 * which counts as infinite) by when. */
static int expire_allowed(unsigned flags, long long cur, long long when)
{
    if ((flags & EXP_NX) && cur != -1)
        return 0;
    if ((flags & EXP_XX) && cur == -1)
        return 0;
    if ((flags & EXP_GT) && (cur == -1 || when <= cur))
        return 0;
    if ((flags & EXP_LT) && cur != -1 && when >= cur)
        return 0;
    return 1;
}

/* The EXPIRE family. base is 0 for the absolute forms (EXPIREAT), the
 * current time for the relative ones; scale is 1000 for seconds, 1 for ms;
 * name is the command name for the overflow error. O(1). */
static void expire_generic(struct client *c, long long base, long long scale, const char *name)
{
    int flags = expire_parse_flags(c);
    if (flags < 0)
        return;
    long long when;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &when)) {
        reply_error_not_int(c);
        return;
    }
    if ((scale > 1 && (when > INT64_MAX / scale || when < INT64_MIN / scale)) ||
        when * scale > INT64_MAX - base) {
        reply_errorf(c, "ERR invalid expire time in '%s' command", name);
        return;
    }
    when = when * scale + base;

    const struct resp_arg *k = &c->argv[1];
    struct kv *e = db_lookup(c->db, k->ptr, k->len, 0);
    if (!e || !expire_allowed((unsigned)flags, kv_expire(e), when)) {
        reply_int(c, 0);
        return;
    }
    if (when <= db_clock_ms && !db_expiry_paused) {
        /* Already in the past: the key goes now, as a DEL would. */
        db_delete_entry(c->db, e);
        server.dirty++;
        notify_key_modified(c->db, k->ptr, k->len);
        notify_event(NOTIFY_GENERIC, "del", c->db, k->ptr, k->len);
        reply_int(c, 1);
        return;
    }
    db_set_expire(c->db, &e, when);
    reply_int(c, 1);
    notify_key_modified(c->db, k->ptr, k->len);
    notify_event(NOTIFY_GENERIC, "expire", c->db, k->ptr, k->len);
    server.dirty++;
}

void cmd_expire(struct client *c)
{
    expire_generic(c, db_clock_ms, 1000, "expire");
}

void cmd_pexpire(struct client *c)
{
    expire_generic(c, db_clock_ms, 1, "pexpire");
}

void cmd_expireat(struct client *c)
{
    expire_generic(c, 0, 1000, "expireat");
}

void cmd_pexpireat(struct client *c)
{
    expire_generic(c, 0, 1, "pexpireat");
}

/* TTL / PTTL / EXPIRETIME / PEXPIRETIME: -2 without key, -1 without TTL;
 * else the remaining time (relative: never negative) or the absolute unix
 * time of expiry, in ms or in seconds rounded to the nearest. */
static void ttl_generic(struct client *c, int ms, int absolute)
{
    struct kv *e = keys_lookup_read(c, &c->argv[1], DB_LOOKUP_NOTOUCH, 1);
    if (!e) {
        reply_int(c, -2);
        return;
    }
    long long when = kv_expire(e);
    if (when < 0) {
        reply_int(c, -1);
        return;
    }
    if (absolute) {
        /* Redis computes (when + 500) unsigned, so near INT64_MAX it does
         * not wrap. */
        reply_int(c, ms ? when : (long long)(((unsigned long long)when + 500) / 1000));
        return;
    }
    long long ttl = when - db_clock_ms;
    if (ttl < 0)
        ttl = 0;
    reply_int(c, ms ? ttl : (ttl + 500) / 1000);
}

void cmd_ttl(struct client *c)
{
    ttl_generic(c, 0, 0);
}

void cmd_pttl(struct client *c)
{
    ttl_generic(c, 1, 0);
}

void cmd_expiretime(struct client *c)
{
    ttl_generic(c, 0, 1);
}

void cmd_pexpiretime(struct client *c)
{
    ttl_generic(c, 1, 1);
}

/* PERSIST key: 1 if a TTL was removed, 0 if no key or no TTL. */
void cmd_persist(struct client *c)
{
    const struct resp_arg *k = &c->argv[1];
    struct kv *e = db_lookup(c->db, k->ptr, k->len, 0);
    if (!e || kv_expire(e) < 0) {
        reply_int(c, 0);
        return;
    }
    db_set_expire(c->db, &e, -1);
    notify_key_modified(c->db, k->ptr, k->len);
    notify_event(NOTIFY_GENERIC, "persist", c->db, k->ptr, k->len);
    server.dirty++;
    reply_int(c, 1);
}
