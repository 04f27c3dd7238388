/* t_list: the list commands (non-blocking ones): LPUSH/RPUSH(X), LPOP/RPOP
 * with count, LMPOP, LMOVE/RPOPLPUSH, LINDEX, LINSERT, LLEN, LPOS, LRANGE,
 * LREM, LSET, LTRIM.
 *
 * Semantics are Redis 7.0.15's: replies, error texts, the order in which
 * arguments are checked, and the keyspace events ("lpush", "rpush", "lpop",
 * "rpop", "linsert", "lset", "lrem", "ltrim", and "del" when a list becomes
 * empty, which deletes the key). Every list is encoded as a quicklist (Redis
 * 7.0 has no listpack encoding for lists), whose fill is
 * list-max-listpack-size at creation.
 *
 * Invariants: a list key is never empty; every handler replies exactly once;
 * entry pointers from a lookup are not used after a db write (the quicklist
 * pointer itself stays valid while the key exists).
 *
 * Must not know: the listpack's byte layout, other types' internals.
 */
#include <string.h>

#include "client.h"
#include "block.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "notify.h"
#include "quicklist.h"
#include "reply.h"
#include "server.h"
#include "t_list.h"
#include "t_string.h"
#include "util.h"

#define LL_MAX ((long long)(~0ULL >> 1))
#define LL_MIN (-LL_MAX - 1)

/* ---- type registration ---- */

static void list_free(void *p)
{
    ql_free(p);
}
static void *list_dup(const void *p)
{
    return ql_dup(p);
}
static size_t list_mem(const void *p)
{
    return ql_mem(p);
}

void t_list_init(void)
{
    static const struct kv_type_ops ops = {list_free, list_dup, list_mem};
    kv_register_type(KV_LIST, &ops);
}

/* ---- helpers ---- */

/* Reply with one entry as a bulk string. */
static void reply_entry(struct client *c, const struct lp_entry *e)
{
    if (e->s)
        reply_bulk(c, e->s, e->len);
    else
        reply_bulk_ll(c, e->v);
}

/* Look key up for writing. Returns its list, or NULL with *wrong set (and
 * WRONGTYPE replied) when it holds another type, or NULL if absent. */
static struct quicklist *lookup_list_write(struct client *c, const struct resp_arg *key, int *wrong)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, 0);
    *wrong = 0;
    if (!e)
        return NULL;
    if (kv_type(e) != KV_LIST) {
        reply_error_wrongtype(c);
        *wrong = 1;
        return NULL;
    }
    return kv_ptr(e);
}

/* As lookup_list_write, for reading (counts hits and misses). */
static struct quicklist *lookup_list_read(struct client *c, const struct resp_arg *key, int *wrong)
{
    struct kv *e = tstr_lookup_read(c, key);
    *wrong = 0;
    if (!e)
        return NULL;
    if (kv_type(e) != KV_LIST) {
        reply_error_wrongtype(c);
        *wrong = 1;
        return NULL;
    }
    return kv_ptr(e);
}

/* Create an empty list at key (which must be absent) and return it. */
static struct quicklist *create_list(struct client *c, const struct resp_arg *key)
{
    struct quicklist *ql = ql_new(server.list_max_listpack_size);
    ql_set_depth(ql, server.list_compress_depth);
    db_set_object(c->db, key->ptr, key->len, KV_LIST, KV_ENC_QUICKLIST, ql, -1, 0);
    return ql;
}

/* After a pop or removal: delete the key if its list is empty (firing
 * "del"). Returns 1 if deleted. */
static int delete_if_empty(struct client *c, const struct resp_arg *key, struct quicklist *ql)
{
    if (ql->count)
        return 0;
    db_delete(c->db, key->ptr, key->len);
    notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
    return 1;
}

/* LEFT / RIGHT argument: QL_HEAD / QL_TAIL, or -1. */
static int parse_where(const struct resp_arg *a)
{
    if (tstr_arg_is(a, "left"))
        return QL_HEAD;
    if (tstr_arg_is(a, "right"))
        return QL_TAIL;
    return -1;
}

/* Parse an integer in [min, LL_MAX]; on failure reply "ERR <msg>" (or the
 * generic not-an-integer error when msg is NULL) and return -1. */
static int parse_range(struct client *c, const struct resp_arg *a, long long min, const char *msg,
                       long long *out)
{
    long long v;
    if (!util_str2ll(a->ptr, a->len, &v) || v < min) {
        if (msg)
            reply_errorf(c, "ERR %s", msg);
        else
            reply_error_not_int(c);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_ll(struct client *c, const struct resp_arg *a, long long *out)
{
    return parse_range(c, a, LL_MIN, NULL, out);
}

/* ---- push ---- */

/* LPUSH/RPUSH (xx = 0) and LPUSHX/RPUSHX (xx = 1). O(1) per element. */
static void push_generic(struct client *c, int where, int xx)
{
    const struct resp_arg *key = &c->argv[1];
    int wrong;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        if (xx) {
            reply_int(c, 0);
            return;
        }
        ql = create_list(c, key);
    }
    for (int j = 2; j < c->argc; j++)
        ql_push(ql, where, c->argv[j].ptr, c->argv[j].len);
    reply_int(c, (long long)ql->count);
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_LIST, where == QL_HEAD ? "lpush" : "rpush", c->db, key->ptr, key->len);
    server.dirty += c->argc - 2;
}

void cmd_lpush(struct client *c)
{
    push_generic(c, QL_HEAD, 0);
}
void cmd_rpush(struct client *c)
{
    push_generic(c, QL_TAIL, 0);
}
void cmd_lpushx(struct client *c)
{
    push_generic(c, QL_HEAD, 1);
}
void cmd_rpushx(struct client *c)
{
    push_generic(c, QL_TAIL, 1);
}

/* ---- pop ---- */

/* Reply with up to count entries popped from one end of ql (an array), then
 * remove them, fire the pop event and "del" if the list empties. O(count). */
static void pop_range_reply(struct client *c, const struct resp_arg *key, struct quicklist *ql,
                            int where, long long count)
{
    size_t n = (size_t)count > ql->count ? ql->count : (size_t)count;
    struct ql_iter it;
    struct lp_entry e;
    reply_array(c, (long long)n);
    ql_iter_init(&it, ql, where == QL_HEAD ? 0 : -1, where);
    for (size_t i = 0; i < n && ql_iter_next(&it, &e); i++)
        reply_entry(c, &e);
    ql_del_range(ql, where == QL_HEAD ? 0 : ql->count - n, n);
    notify_event(NOTIFY_LIST, where == QL_HEAD ? "lpop" : "rpop", c->db, key->ptr, key->len);
    delete_if_empty(c, key, ql);
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty += (long long)n;
}

/* Pop one element from the where end of key's list ql and reply it as a
 * bulk; fire the pop event, and "del" if the list empties. O(1). */
static void pop_one(struct client *c, const struct resp_arg *key, struct quicklist *ql, int where)
{
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, where == QL_HEAD ? 0 : -1, where);
    ql_iter_next(&it, &e);
    reply_entry(c, &e);
    ql_iter_del(&it);
    notify_event(NOTIFY_LIST, where == QL_HEAD ? "lpop" : "rpop", c->db, key->ptr, key->len);
    delete_if_empty(c, key, ql);
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty++;
}

/* LPOP / RPOP key [count]. */
static void pop_generic(struct client *c, int where)
{
    const struct resp_arg *key = &c->argv[1];
    long long count = 1;
    int hascount = c->argc == 3, wrong;
    if (c->argc > 3) {
        reply_error_arity(c);
        return;
    }
    if (hascount &&
        parse_range(c, &c->argv[2], 0, "value is out of range, must be positive", &count) < 0)
        return;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        if (hascount)
            reply_null_array(c);
        else
            reply_null(c);
        return;
    }
    if (hascount && count == 0) {
        reply_array(c, 0);
        return;
    }
    if (hascount) {
        pop_range_reply(c, key, ql, where, count);
        return;
    }
    pop_one(c, key, ql, where);
}

void cmd_lpop(struct client *c)
{
    pop_generic(c, QL_HEAD);
}
void cmd_rpop(struct client *c)
{
    pop_generic(c, QL_TAIL);
}

/* Parse "numkeys key [key ...] LEFT|RIGHT [COUNT count]" starting at argv
 * index at (LMPOP: 1, BLMPOP: 2). Replies the error and returns -1, or
 * fills the outputs (keys start at at + 1) and returns 0. */
static int parse_mpop(struct client *c, int at, long long *numkeys, int *where, long long *count)
{
    *count = -1;
    if (parse_range(c, &c->argv[at], 1, "numkeys should be greater than 0", numkeys) < 0)
        return -1;
    if (*numkeys > c->argc - at - 2) {
        reply_error_syntax(c);
        return -1;
    }
    int where_idx = at + 1 + (int)*numkeys;
    *where = parse_where(&c->argv[where_idx]);
    if (*where < 0) {
        reply_error_syntax(c);
        return -1;
    }
    for (int j = where_idx + 1; j < c->argc; j++) {
        if (tstr_arg_is(&c->argv[j], "count") && j + 1 < c->argc && *count == -1) {
            j++;
            if (parse_range(c, &c->argv[j], 1, "count should be greater than 0", count) < 0)
                return -1;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    if (*count == -1)
        *count = 1;
    return 0;
}

/* LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]. */
void cmd_lmpop(struct client *c)
{
    long long numkeys, count;
    int where;
    if (parse_mpop(c, 1, &numkeys, &where, &count) < 0)
        return;
    int where_idx = 2 + (int)numkeys;
    for (int k = 2; k < where_idx; k++) {
        int wrong;
        struct quicklist *ql = lookup_list_write(c, &c->argv[k], &wrong);
        if (wrong)
            return;
        if (!ql)
            continue;
        reply_array(c, 2);
        reply_bulk(c, c->argv[k].ptr, c->argv[k].len);
        pop_range_reply(c, &c->argv[k], ql, where, count);
        return;
    }
    reply_null_array(c);
}

/* ---- move ---- */

/* LMOVE's core: pop from src's wherefrom end, push at dst's whereto end,
 * reply with the element. O(1). */
static void lmove_generic(struct client *c, int wherefrom, int whereto)
{
    const struct resp_arg *src = &c->argv[1], *dst = &c->argv[2];
    int wrong;
    struct quicklist *sql = lookup_list_write(c, src, &wrong);
    if (wrong)
        return;
    if (!sql) {
        reply_null(c);
        return;
    }
    struct quicklist *dql = lookup_list_write(c, dst, &wrong);
    if (wrong)
        return;

    /* Copy the element out first: src and dst may be the same list. */
    struct ql_iter it;
    struct lp_entry e;
    char buf[21];
    size_t len;
    ql_iter_init(&it, sql, wherefrom == QL_HEAD ? 0 : -1, wherefrom);
    ql_iter_next(&it, &e);
    const unsigned char *p = lp_bytes_of(&e, buf, &len);
    char *val = mem_alloc(len ? len : 1);
    memcpy(val, p, len);
    ql_iter_del(&it);

    if (!dql)
        dql = create_list(c, dst);
    ql_push(dql, whereto, val, len);
    notify_key_modified(c->db, dst->ptr, dst->len);
    notify_event(NOTIFY_LIST, whereto == QL_HEAD ? "lpush" : "rpush", c->db, dst->ptr, dst->len);
    reply_bulk(c, val, len);
    mem_free(val);

    notify_event(NOTIFY_LIST, wherefrom == QL_HEAD ? "lpop" : "rpop", c->db, src->ptr, src->len);
    delete_if_empty(c, src, sql);
    notify_key_modified(c->db, src->ptr, src->len);
    server.dirty++;
}

/* The LEFT|RIGHT pair of LMOVE and BLMOVE at argv[3], argv[4]: 0, or -1
 * after a syntax error reply. */
static int parse_from_to(struct client *c, int *from, int *to)
{
    *from = parse_where(&c->argv[3]);
    *to = parse_where(&c->argv[4]);
    if (*from < 0 || *to < 0) {
        reply_error_syntax(c);
        return -1;
    }
    return 0;
}

void cmd_lmove(struct client *c)
{
    int from, to;
    if (parse_from_to(c, &from, &to) == 0)
        lmove_generic(c, from, to);
}

void cmd_rpoplpush(struct client *c)
{
    lmove_generic(c, QL_TAIL, QL_HEAD);
}

/* ---- read-only ---- */

void cmd_llen(struct client *c)
{
    int wrong;
    struct quicklist *ql = lookup_list_read(c, &c->argv[1], &wrong);
    if (wrong)
        return;
    reply_int(c, ql ? (long long)ql->count : 0);
}

/* LINDEX key index. O(n) at worst (walks from the nearer end). */
void cmd_lindex(struct client *c)
{
    long long idx;
    int wrong;
    struct quicklist *ql = lookup_list_read(c, &c->argv[1], &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_null(c);
        return;
    }
    if (parse_ll(c, &c->argv[2], &idx) < 0)
        return;
    struct lp_entry e;
    if (!ql_index(ql, idx, &e))
        reply_null(c);
    else
        reply_entry(c, &e);
    ql_settle(ql); /* recompress the node LINDEX may have opened */
}

/* LRANGE key start stop. O(start + count) (from the nearer end). */
void cmd_lrange(struct client *c)
{
    long long start, end;
    int wrong;
    if (parse_ll(c, &c->argv[2], &start) < 0 || parse_ll(c, &c->argv[3], &end) < 0)
        return;
    struct quicklist *ql = lookup_list_read(c, &c->argv[1], &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_array(c, 0);
        return;
    }
    long long llen = (long long)ql->count;
    if (start < 0)
        start += llen;
    if (end < 0)
        end += llen;
    if (start < 0)
        start = 0;
    if (start > end || start >= llen) {
        reply_array(c, 0);
        return;
    }
    if (end >= llen)
        end = llen - 1;
    long long n = end - start + 1;
    struct ql_iter it;
    struct lp_entry e;
    reply_array(c, n);
    ql_iter_init(&it, ql, start, QL_HEAD);
    for (long long i = 0; i < n && ql_iter_next(&it, &e); i++)
        reply_entry(c, &e);
    ql_settle(ql);
}

/* LPOS options, parsed. */
struct lpos_opts {
    long long rank, count, maxlen; /* count -1: no COUNT given */
};

static int parse_lpos(struct client *c, struct lpos_opts *o)
{
    o->rank = 1;
    o->count = -1;
    o->maxlen = 0;
    for (int j = 3; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        int more = j + 1 < c->argc;
        if (tstr_arg_is(a, "rank") && more) {
            if (parse_ll(c, &c->argv[++j], &o->rank) < 0)
                return -1;
            if (o->rank == 0) {
                reply_error(c, "ERR RANK can't be zero: use 1 to start from the first match, 2 "
                               "from the second ... or use negative to start from the end of "
                               "the list");
                return -1;
            }
        } else if (tstr_arg_is(a, "count") && more) {
            if (parse_range(c, &c->argv[++j], 0, "COUNT can't be negative", &o->count) < 0)
                return -1;
        } else if (tstr_arg_is(a, "maxlen") && more) {
            if (parse_range(c, &c->argv[++j], 0, "MAXLEN can't be negative", &o->maxlen) < 0)
                return -1;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

/* LPOS key element [RANK r] [COUNT n] [MAXLEN m]. O(n) at worst. */
void cmd_lpos(struct client *c)
{
    struct lpos_opts o;
    int wrong;
    if (parse_lpos(c, &o) < 0)
        return;
    struct quicklist *ql = lookup_list_read(c, &c->argv[1], &wrong);
    if (wrong)
        return;
    if (!ql) {
        if (o.count != -1)
            reply_array(c, 0);
        else
            reply_null(c);
        return;
    }
    int dir = o.rank > 0 ? QL_HEAD : QL_TAIL;
    /* Redis negates LONG_MIN into itself, which then matches the first hit. */
    long long rank = o.rank > 0 ? o.rank : (o.rank == LL_MIN ? 1 : -o.rank);
    const struct resp_arg *el = &c->argv[2];
    long long defer = o.count != -1 ? reply_defer(c) : 0;
    long long llen = (long long)ql->count, idx = 0, matches = 0, found = 0;
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, dir == QL_HEAD ? 0 : -1, dir);
    while ((o.maxlen == 0 || idx < o.maxlen) && ql_iter_next(&it, &e)) {
        if (lp_eq(it.node->lp, it.off, el->ptr, el->len) && ++matches >= rank) {
            long long pos = dir == QL_HEAD ? idx : llen - 1 - idx;
            if (o.count == -1) {
                reply_int(c, pos);
                ql_settle(ql);
                return;
            }
            reply_int(c, pos);
            if (++found == o.count && o.count != 0)
                break;
        }
        idx++;
    }
    ql_settle(ql);
    if (o.count == -1)
        reply_null(c);
    else
        reply_defer_array(c, defer, found);
}

/* ---- in-place edits ---- */

/* LINSERT key BEFORE|AFTER pivot element. O(n) to find the pivot. */
void cmd_linsert(struct client *c)
{
    int after;
    if (tstr_arg_is(&c->argv[2], "after"))
        after = 1;
    else if (tstr_arg_is(&c->argv[2], "before"))
        after = 0;
    else {
        reply_error_syntax(c);
        return;
    }
    const struct resp_arg *key = &c->argv[1], *pivot = &c->argv[3], *val = &c->argv[4];
    int wrong;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_int(c, 0);
        return;
    }
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, 0, QL_HEAD);
    while (ql_iter_next(&it, &e)) {
        if (lp_eq(it.node->lp, it.off, pivot->ptr, pivot->len)) {
            ql_iter_insert(&it, after, val->ptr, val->len);
            notify_key_modified(c->db, key->ptr, key->len);
            notify_event(NOTIFY_LIST, "linsert", c->db, key->ptr, key->len);
            server.dirty++;
            reply_int(c, (long long)ql->count);
            return;
        }
    }
    reply_int(c, -1);
}

/* LSET key index element. O(n) to reach the index. */
void cmd_lset(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *val = &c->argv[3];
    long long idx;
    int wrong;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_error(c, "ERR no such key");
        return;
    }
    if (parse_ll(c, &c->argv[2], &idx) < 0)
        return;
    struct ql_iter it;
    struct lp_entry e;
    if (!ql_iter_init(&it, ql, idx, QL_HEAD) || !ql_iter_next(&it, &e)) {
        reply_error(c, "ERR index out of range");
        return;
    }
    ql_iter_replace(&it, val->ptr, val->len);
    ql_settle(ql);
    reply_ok(c);
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_LIST, "lset", c->db, key->ptr, key->len);
    server.dirty++;
}

/* LREM key count element. O(n). */
void cmd_lrem(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *el = &c->argv[3];
    long long count;
    int wrong;
    if (parse_ll(c, &c->argv[2], &count) < 0)
        return;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_int(c, 0);
        return;
    }
    int dir = count < 0 ? QL_TAIL : QL_HEAD;
    /* |LL_MIN| does not fit: any count that large means "all" anyway. */
    unsigned long long limit =
        count < 0 ? 0ULL - (unsigned long long)count : (unsigned long long)count;
    long long removed = 0;
    struct ql_iter it;
    struct lp_entry e;
    ql_iter_init(&it, ql, dir == QL_HEAD ? 0 : -1, dir);
    while (ql_iter_next(&it, &e)) {
        if (lp_eq(it.node->lp, it.off, el->ptr, el->len)) {
            ql_iter_del(&it);
            removed++;
            if (limit && (unsigned long long)removed == limit)
                break;
        }
    }
    ql_settle(ql);
    if (removed) {
        notify_event(NOTIFY_LIST, "lrem", c->db, key->ptr, key->len);
        delete_if_empty(c, key, ql);
        notify_key_modified(c->db, key->ptr, key->len);
        server.dirty += removed;
    }
    reply_int(c, removed);
}

/* LTRIM key start stop. O(removed). */
void cmd_ltrim(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    long long start, end;
    int wrong;
    if (parse_ll(c, &c->argv[2], &start) < 0 || parse_ll(c, &c->argv[3], &end) < 0)
        return;
    struct quicklist *ql = lookup_list_write(c, key, &wrong);
    if (wrong)
        return;
    if (!ql) {
        reply_ok(c);
        return;
    }
    long long llen = (long long)ql->count, ltrim, rtrim;
    if (start < 0)
        start += llen;
    if (end < 0)
        end += llen;
    if (start < 0)
        start = 0;
    if (start > end || start >= llen) {
        ltrim = llen;
        rtrim = 0;
    } else {
        if (end >= llen)
            end = llen - 1;
        ltrim = start;
        rtrim = llen - end - 1;
    }
    ql_del_range(ql, 0, (size_t)ltrim);
    ql_del_range(ql, ql->count - (size_t)rtrim, (size_t)rtrim);
    notify_event(NOTIFY_LIST, "ltrim", c->db, key->ptr, key->len);
    delete_if_empty(c, key, ql);
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty += ltrim + rtrim;
    reply_ok(c);
}

/* ---- blocking variants ----
 *
 * Each tries to serve at once, exactly as its non-blocking form would; if
 * every key is absent it blocks (block.c) and is re-run when one of them
 * gets a list, or replies a null array when its timeout fires. Keys are
 * checked in order and the first non-empty list wins, as in Redis. */

/* The first key among keys[0..n) holding a list (replying WRONGTYPE and
 * setting *wrong on a key of another type first). -1 if none. */
static int first_list(struct client *c, const struct resp_arg *keys, int n, int *wrong)
{
    *wrong = 0;
    for (int i = 0; i < n; i++) {
        if (block_skip_wrong_type(c, c->db, &keys[i], KV_LIST))
            continue;
        struct quicklist *ql = lookup_list_write(c, &keys[i], wrong);
        if (*wrong)
            return -1;
        if (ql)
            return i;
    }
    return -1;
}

/* Block on keys, or reply the timeout value when this run is the timeout. */
static void block_or_timeout(struct client *c, const struct resp_arg *keys, int n, long long ms)
{
    if (block_timed_out(c))
        reply_null_array(c);
    else
        block_on_keys(c, keys, n, ms);
}

/* BLPOP / BRPOP key [key ...] timeout */
static void bpop_generic(struct client *c, int where)
{
    long long ms;
    if (block_parse_timeout(c, &c->argv[c->argc - 1], &ms) < 0)
        return;
    const struct resp_arg *keys = &c->argv[1];
    int n = c->argc - 2, wrong;
    int i = first_list(c, keys, n, &wrong);
    if (wrong)
        return;
    if (i < 0) {
        block_or_timeout(c, keys, n, ms);
        return;
    }
    struct quicklist *ql = kv_ptr(db_lookup(c->db, keys[i].ptr, keys[i].len, DB_LOOKUP_NOTOUCH));
    reply_array(c, 2);
    reply_bulk(c, keys[i].ptr, keys[i].len);
    pop_one(c, &keys[i], ql, where);
}

void cmd_blpop(struct client *c)
{
    bpop_generic(c, QL_HEAD);
}

void cmd_brpop(struct client *c)
{
    bpop_generic(c, QL_TAIL);
}

/* BLMOVE src dst LEFT|RIGHT LEFT|RIGHT timeout, BRPOPLPUSH src dst timeout */
static void bmove_generic(struct client *c, int from, int to)
{
    long long ms;
    if (block_parse_timeout(c, &c->argv[c->argc - 1], &ms) < 0)
        return;
    int wrong;
    if (first_list(c, &c->argv[1], 1, &wrong) < 0) {
        if (wrong)
            return;
        if (c->flags & CLIENT_DENY_BLOCKING)
            reply_null(c); /* inside EXEC Redis replies a null bulk here */
        else
            block_or_timeout(c, &c->argv[1], 1, ms);
        return;
    }
    lmove_generic(c, from, to);
}

void cmd_blmove(struct client *c)
{
    int from, to;
    if (parse_from_to(c, &from, &to) == 0)
        bmove_generic(c, from, to);
}

void cmd_brpoplpush(struct client *c)
{
    bmove_generic(c, QL_TAIL, QL_HEAD);
}

/* BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] */
void cmd_blmpop(struct client *c)
{
    long long ms, numkeys, count;
    int where;
    if (block_parse_timeout(c, &c->argv[1], &ms) < 0)
        return;
    if (parse_mpop(c, 2, &numkeys, &where, &count) < 0)
        return;
    const struct resp_arg *keys = &c->argv[3];
    int wrong, i = first_list(c, keys, (int)numkeys, &wrong);
    if (wrong)
        return;
    if (i < 0) {
        block_or_timeout(c, keys, (int)numkeys, ms);
        return;
    }
    struct quicklist *ql = kv_ptr(db_lookup(c->db, keys[i].ptr, keys[i].len, DB_LOOKUP_NOTOUCH));
    reply_array(c, 2);
    reply_bulk(c, keys[i].ptr, keys[i].len);
    pop_range_reply(c, &keys[i], ql, where, count);
}
