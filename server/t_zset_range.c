/* t_zset_range: the range commands of sorted sets: ZRANGE (all forms),
 * ZRANGESTORE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX,
 * ZREVRANGEBYLEX, ZREVRANGE, ZCOUNT, ZLEXCOUNT, ZREMRANGEBYRANK/SCORE/LEX.
 *
 * Every range is first turned into a run of ascending ranks [first,
 * first+count) (t_zset_obj.c finds it in O(log n) on a skiplist), then walked
 * forwards or backwards with a cursor. Argument checks follow Redis 7.0's
 * zrangeGenericCommand order.
 *
 * Must not know: the encodings, connections.
 */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

enum { ZR_AUTO, ZR_RANK, ZR_SCORE, ZR_LEX };
enum { ZD_AUTO, ZD_FWD, ZD_REV };

static int parse_long(struct client *c, const struct resp_arg *a, long long *v)
{
    if (!util_str2ll(a->ptr, a->len, v)) {
        reply_error_not_int(c);
        return 0;
    }
    return 1;
}

/* Clamp a rank range as Redis does; returns the count (0 if empty) and sets
 * *first (ascending, or from the end when rev). */
static unsigned long rank_clamp(long long start, long long end, long long llen,
                                unsigned long *first)
{
    if (start < 0)
        start += llen;
    if (end < 0)
        end += llen;
    if (start < 0)
        start = 0;
    if (start > end || start >= llen)
        return 0;
    if (end >= llen)
        end = llen - 1;
    *first = (unsigned long)start;
    return (unsigned long)(end - start + 1);
}

/* Emit count elements starting at ascending rank `at`, walking forward or
 * backward, either as a reply or into a new zobj (store != NULL). */
static void emit(struct client *c, struct zobj *z, unsigned long at, unsigned long count, int rev,
                 int withscores, struct zobj **store, unsigned long hint)
{
    struct zcur cur;
    const char *m;
    size_t len;
    double s;

    if (store) {
        /* As Redis: the encoding is chosen from the size hint (the count
         * for a rank range, 0 otherwise), then grows as elements are added;
         * a -0 score added while it is a listpack becomes 0. */
        *store = zobj_new(hint <= (unsigned long)server.zset_max_listpack_entries);
    } else {
        reply_array(c, (long long)(withscores && c->resp < 3 ? count * 2 : count));
    }
    if (!count)
        return;
    zcur_at(&cur, z, at);
    for (unsigned long i = 0; i < count; i++) {
        zcur_get(&cur, &m, &len, &s);
        if (store) {
            int out;
            double ns;
            zobj_add(*store, s, m, len, 0, &out, &ns);
        } else {
            if (withscores && c->resp >= 3)
                reply_array(c, 2);
            reply_bulk(c, m, len);
            if (withscores)
                reply_double(c, s);
        }
        rev ? zcur_prev(&cur) : zcur_next(&cur);
    }
}

/* A BYLEX range as Redis walks it: from the first (last, if rev) element in
 * range, skip offset elements, then take elements while the far end holds,
 * at most limit (< 0: no limit). Returns the count, *start the rank. */
static unsigned long lex_range(struct zobj *z, const struct sl_lexrange *lr, int rev,
                               long long offset, long long limit, unsigned long *start)
{
    long f = rev ? zobj_lex_last(z, lr) : zobj_lex_first(z, lr, 1);
    long long pos;
    if (f < 0 || offset < 0)
        return 0;
    pos = rev ? (long long)f - offset : (long long)f + offset;
    if (pos < 0 || pos >= (long long)zobj_len(z))
        return 0;
    *start = (unsigned long)pos;
    return zobj_lex_run(z, lr, *start, rev, limit < 0 ? (unsigned long)-1 : (unsigned long)limit);
}

struct zr_args {
    int type, dir, withscores;
    long long offset, limit;
    const struct resp_arg *min, *max;
};

/* Parse options after key min max (argv[start+3..]). 0 on error (replied). */
static int zrange_parse(struct client *c, int start, int store, struct zr_args *a)
{
    a->withscores = 0;
    a->offset = 0;
    a->limit = -1;
    for (int j = start + 3; j < c->argc; j++) {
        int left = c->argc - j - 1;
        const struct resp_arg *o = &c->argv[j];
        if (!store && tstr_arg_is(o, "withscores")) {
            a->withscores = 1;
        } else if (tstr_arg_is(o, "limit") && left >= 2) {
            if (!parse_long(c, &c->argv[j + 1], &a->offset) ||
                !parse_long(c, &c->argv[j + 2], &a->limit))
                return 0;
            j += 2;
        } else if (a->dir == ZD_AUTO && tstr_arg_is(o, "rev")) {
            a->dir = ZD_REV;
        } else if (a->type == ZR_AUTO && tstr_arg_is(o, "bylex")) {
            a->type = ZR_LEX;
        } else if (a->type == ZR_AUTO && tstr_arg_is(o, "byscore")) {
            a->type = ZR_SCORE;
        } else {
            reply_error_syntax(c);
            return 0;
        }
    }
    if (a->dir == ZD_AUTO)
        a->dir = ZD_FWD;
    if (a->type == ZR_AUTO)
        a->type = ZR_RANK;
    /* Redis checks "limit given" as opt_limit != -1. */
    if (a->limit != -1 && a->type == ZR_RANK) {
        reply_error(c, "ERR syntax error, LIMIT is only supported in combination with either "
                       "BYSCORE or BYLEX");
        return 0;
    }
    if (a->withscores && a->type == ZR_LEX) {
        reply_error(c, "ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        return 0;
    }
    a->min = &c->argv[start + 1];
    a->max = &c->argv[start + 2];
    if (a->dir == ZD_REV && a->type != ZR_RANK) {
        const struct resp_arg *t = a->min;
        a->min = a->max;
        a->max = t;
    }
    return 1;
}

/* The body of every ZRANGE form (Redis's zrangeGenericCommand). start is
 * the index of the source key; store is 1 for ZRANGESTORE (dst at argv[1]). */
static void zrange_generic(struct client *c, int start, int store, int type, int dir)
{
    struct zr_args a = {.type = type, .dir = dir};
    long long rs = 0, re = 0;
    struct sl_range r;
    struct sl_lexrange lr;
    struct kv *e;
    struct zobj *dst = NULL;

    if (!zrange_parse(c, start, store, &a))
        return;
    if (a.type == ZR_RANK) {
        if (!parse_long(c, a.min, &rs) || !parse_long(c, a.max, &re))
            return;
    } else if (a.type == ZR_SCORE) {
        if (!tzset_parse_range(a.min, a.max, &r)) {
            reply_error(c, "ERR min or max is not a float");
            return;
        }
    } else if (!tzset_parse_lex(a.min, a.max, &lr)) {
        reply_error(c, "ERR min or max not valid string range item");
        return;
    }
    if (!tzset_lookup(c, &c->argv[start], 0, &e))
        return;
    if (!e) {
        if (store) {
            tzset_store(c, &c->argv[1], zobj_new(1), "zrangestore");
            reply_int(c, 0);
        } else {
            reply_array(c, 0);
        }
        return;
    }
    struct zobj *z = kv_ptr(e);
    unsigned long first = 0, count;
    int rev = a.dir == ZD_REV;
    if (a.type == ZR_RANK) {
        count = rank_clamp(rs, re, (long long)zobj_len(z), &first);
        if (rev && count)
            first = zobj_len(z) - 1 - first; /* the highest rank, walked down */
        else if (rev)
            first = 0;
    } else if (a.type == ZR_LEX) {
        count = lex_range(z, &lr, rev, a.offset, a.limit, &first);
    } else {
        unsigned long total = zobj_score_bounds(z, &r, &first);
        unsigned long off = (unsigned long)a.offset;
        /* A negative offset gives nothing, a negative limit means no limit. */
        if (a.offset < 0 || off >= total) {
            count = 0;
        } else {
            count = total - off;
            if (a.limit >= 0 && (unsigned long long)a.limit < count)
                count = (unsigned long)a.limit;
            first = rev ? first + total - 1 - off : first + off;
        }
    }
    emit(c, z, first, count, rev, a.withscores, store ? &dst : NULL, a.type == ZR_RANK ? count : 0);
    if (store) {
        unsigned long n = zobj_len(dst);
        tzset_store(c, &c->argv[1], dst, "zrangestore");
        reply_int(c, (long long)n);
    }
}

void cmd_zrange(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_AUTO, ZD_AUTO);
}

void cmd_zrangestore(struct client *c)
{
    zrange_generic(c, 2, 1, ZR_AUTO, ZD_AUTO);
}

void cmd_zrevrange(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_RANK, ZD_REV);
}

void cmd_zrangebyscore(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_SCORE, ZD_FWD);
}

void cmd_zrevrangebyscore(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_SCORE, ZD_REV);
}

void cmd_zrangebylex(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_LEX, ZD_FWD);
}

void cmd_zrevrangebylex(struct client *c)
{
    zrange_generic(c, 1, 0, ZR_LEX, ZD_REV);
}

/* ZCOUNT key min max / ZLEXCOUNT key min max */
static void count_generic(struct client *c, int lex)
{
    struct sl_range r;
    struct sl_lexrange lr;
    struct kv *e;
    unsigned long first;
    if (!lex && !tzset_parse_range(&c->argv[2], &c->argv[3], &r)) {
        reply_error(c, "ERR min or max is not a float");
        return;
    }
    if (lex && !tzset_parse_lex(&c->argv[2], &c->argv[3], &lr)) {
        reply_error(c, "ERR min or max not valid string range item");
        return;
    }
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    if (!e) {
        reply_int(c, 0);
        return;
    }
    struct zobj *z = kv_ptr(e);
    reply_int(
        c, (long long)(lex ? zobj_lex_bounds(z, &lr, &first) : zobj_score_bounds(z, &r, &first)));
}

void cmd_zcount(struct client *c)
{
    count_generic(c, 0);
}

void cmd_zlexcount(struct client *c)
{
    count_generic(c, 1);
}

/* ZREMRANGEBYRANK / BYSCORE / BYLEX key a b (Redis's zremrangeGenericCommand). */
static void remrange_generic(struct client *c, int type)
{
    static const char *const events[] = {[ZR_RANK] = "zremrangebyrank",
                                         [ZR_SCORE] = "zremrangebyscore",
                                         [ZR_LEX] = "zremrangebylex"};
    const struct resp_arg *key = &c->argv[1];
    long long rs = 0, re = 0;
    struct sl_range r;
    struct sl_lexrange lr;
    struct kv *e;

    if (type == ZR_RANK) {
        if (!parse_long(c, &c->argv[2], &rs) || !parse_long(c, &c->argv[3], &re))
            return;
    } else if (type == ZR_SCORE) {
        if (!tzset_parse_range(&c->argv[2], &c->argv[3], &r)) {
            reply_error(c, "ERR min or max is not a float");
            return;
        }
    } else if (!tzset_parse_lex(&c->argv[2], &c->argv[3], &lr)) {
        reply_error(c, "ERR min or max not valid string range item");
        return;
    }
    if (!tzset_lookup(c, key, 1, &e))
        return;
    if (!e) {
        reply_int(c, 0);
        return;
    }
    struct zobj *z = kv_ptr(e);
    unsigned long first = 0, count;
    if (type == ZR_RANK)
        count = rank_clamp(rs, re, (long long)zobj_len(z), &first);
    else if (type == ZR_SCORE)
        count = zobj_score_bounds(z, &r, &first);
    else {
        /* Redis deletes the run from the first element while <= max; only
         * a listpack checks the range's ends first. */
        long f = zobj_lex_first(z, &lr, z->lp != NULL);
        first = f < 0 ? 0 : (unsigned long)f;
        count = f < 0 ? 0 : zobj_lex_run(z, &lr, first, 0, (unsigned long)-1);
    }
    if (count) {
        zobj_del_ranks(z, first, count);
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_ZSET, events[type], c->db, key->ptr, key->len);
        tzset_after_write(c, key, e);
        server.dirty += (long long)count;
    }
    reply_int(c, (long long)count);
}

void cmd_zremrangebyrank(struct client *c)
{
    remrange_generic(c, ZR_RANK);
}

void cmd_zremrangebyscore(struct client *c)
{
    remrange_generic(c, ZR_SCORE);
}

void cmd_zremrangebylex(struct client *c)
{
    remrange_generic(c, ZR_LEX);
}
