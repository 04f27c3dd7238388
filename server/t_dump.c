/* t_dump: DUMP and RESTORE.
 *
 * DUMP replies with Redis's payload (the value in RDB form, the 2-byte RDB
 * version and a CRC64), so payloads move both ways between Tern and Redis
 * 7.0. RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]
 * follows Redis 7.0.15: options are parsed first (IDLETIME and FREQ
 * exclude each other), then BUSYKEY, then the TTL, then the payload's
 * version and checksum, then its contents; a TTL already in the past
 * deletes the old key (with REPLACE) and stores nothing. Events: "restore"
 * (or "del" for that past-TTL case), and the key is signalled as modified.
 *
 * Must not know: the RDB byte format (rdb.h), data-type internals.
 */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "config.h"
#include "db.h"
#include "mem.h"
#include "notify.h"
#include "rdb.h"
#include "reply.h"
#include "server.h"
#include "t_keys.h"
#include "util.h"

void cmd_dump(struct client *c)
{
    struct kv *e = keys_lookup_read(c, &c->argv[1], 0, 1);
    if (!e) {
        reply_null(c);
        return;
    }
    size_t len;
    unsigned char *p = rdb_dump_value(e, &len);
    reply_bulk(c, p, len);
    mem_free(p);
}

/* Parse a long long argument as getLongLongFromObjectOrReply: 0, or -1
 * after replying. */
static int arg_ll(struct client *c, const struct resp_arg *a, long long *v)
{
    if (!util_str2ll(a->ptr, a->len, v)) {
        reply_error_not_int(c);
        return -1;
    }
    return 0;
}

struct restore_opts {
    int replace, absttl;
    long long idle, freq;
};

/* The options after the payload; 0, or -1 after replying. */
static int parse_opts(struct client *c, struct restore_opts *o)
{
    o->replace = o->absttl = 0;
    o->idle = o->freq = -1;
    for (int j = 4; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        int more = c->argc - j - 1;
        if (util_eq_ci(a->ptr, a->len, "replace")) {
            o->replace = 1;
        } else if (util_eq_ci(a->ptr, a->len, "absttl")) {
            o->absttl = 1;
        } else if (util_eq_ci(a->ptr, a->len, "idletime") && more >= 1 && o->freq == -1) {
            if (arg_ll(c, &c->argv[j + 1], &o->idle) < 0)
                return -1;
            if (o->idle < 0) {
                reply_error(c, "ERR Invalid IDLETIME value, must be >= 0");
                return -1;
            }
            j++;
        } else if (util_eq_ci(a->ptr, a->len, "freq") && more >= 1 && o->idle == -1) {
            if (arg_ll(c, &c->argv[j + 1], &o->freq) < 0)
                return -1;
            if (o->freq < 0 || o->freq > 255) {
                reply_error(c, "ERR Invalid FREQ value, must be >= 0 and <= 255");
                return -1;
            }
            j++;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

void cmd_restore(struct client *c)
{
    struct restore_opts o;
    const struct resp_arg *key = &c->argv[1];
    long long ttl;
    if (parse_opts(c, &o) < 0)
        return;
    if (!o.replace && db_lookup(c->db, key->ptr, key->len, 0)) {
        reply_error(c, "BUSYKEY Target key name already exists.");
        return;
    }
    if (arg_ll(c, &c->argv[2], &ttl) < 0)
        return;
    if (ttl < 0) {
        reply_error(c, "ERR Invalid TTL value, must be >= 0");
        return;
    }
    int deep = server.sanitize_dump_payload != CONFIG_SANITIZE_NO;
    struct rdb_value v;
    const char *err;
    if (rdb_restore_value((const unsigned char *)c->argv[3].ptr, c->argv[3].len, deep, &v, &err) <
        0) {
        reply_error(c, err);
        return;
    }
    int deleted = o.replace ? db_delete(c->db, key->ptr, key->len) : 0;
    if (ttl && !o.absttl)
        ttl += util_time_ms();
    if (ttl && ttl <= util_time_ms()) {
        if (deleted) {
            notify_key_modified(c->db, key->ptr, key->len);
            notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
            server.dirty++;
        }
        rdb_value_free(&v);
        reply_ok(c);
        return;
    }
    struct kv *e = rdb_store_value(c->db, key->ptr, key->len, &v, ttl ? ttl : -1);
    rdb_set_lru_info(e, o.idle, (int)o.freq);
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_GENERIC, "restore", c->db, key->ptr, key->len);
    reply_ok(c);
    server.dirty++;
}
