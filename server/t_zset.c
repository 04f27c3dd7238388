/* t_zset: sorted set point commands: ZADD, ZINCRBY, ZCARD, ZSCORE, ZMSCORE,
 * ZREM, ZRANK, ZREVRANK, ZPOPMIN/ZPOPMAX, ZMPOP, ZRANDMEMBER, ZSCAN, plus
 * helpers the other t_zset files share (t_zset.h).
 *
 * Semantics are Redis 7.0.15's: reply shapes (RESP2 and RESP3), error texts
 * and the order of checks, keyspace events ("zadd", "zincr", "zrem",
 * "zpopmin", "zpopmax", then "del" when a set empties: an empty sorted set
 * never stays in the keyspace).
 *
 * Must not know: the encodings (t_zset_obj.c), other types, connections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "glob.h"
#include "lp.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "sdict.h"
#include "server.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

/* ---- shared helpers ---- */

int tzset_lookup(struct client *c, const struct resp_arg *key, int write, struct kv **e)
{
    *e = write ? db_lookup(c->db, key->ptr, key->len, 0) : tstr_lookup_read(c, key);
    if (*e && kv_type(*e) != KV_ZSET) {
        reply_error_wrongtype(c);
        return 0;
    }
    return 1;
}

int tzset_after_write(struct client *c, const struct resp_arg *key, struct kv *e)
{
    struct zobj *z = kv_ptr(e);
    if (zobj_len(z) == 0) {
        db_delete_entry(c->db, e);
        notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
        return 1;
    }
    kv_set_enc(e, zobj_enc(z));
    return 0;
}

void tzset_store(struct client *c, const struct resp_arg *key, struct zobj *z, const char *event)
{
    if (zobj_len(z) == 0) {
        zobj_free(z);
        if (db_delete(c->db, key->ptr, key->len)) {
            notify_key_modified(c->db, key->ptr, key->len);
            notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
            server.dirty++;
        }
        return;
    }
    db_set_object(c->db, key->ptr, key->len, KV_ZSET, zobj_enc(z), z, -1, 0);
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_ZSET, event, c->db, key->ptr, key->len);
    server.dirty++;
}

/* Parse one score-range end: "(x" exclusive, "-inf"/"+inf", else a
 * double (strtod rules, NaN refused). */
static int parse_end(const struct resp_arg *a, double *v, int *ex)
{
    const char *p = a->ptr;
    size_t len = a->len;
    char *end;
    char buf[128];
    *ex = 0;
    if (len && p[0] == '(') {
        *ex = 1;
        p++;
        len--;
    }
    /* As Redis: strtod over the C string, so "" and "(" mean 0 and a
     * leading space is fine; only trailing junk or NaN fail. */
    char *tmp = len < sizeof(buf) ? buf : mem_alloc(len + 1);
    memcpy(tmp, p, len);
    tmp[len] = '\0';
    *v = strtod(tmp, &end);
    int ok = *end == '\0' && *v == *v;
    if (tmp != buf)
        mem_free(tmp);
    return ok;
}

int tzset_parse_range(const struct resp_arg *min, const struct resp_arg *max, struct sl_range *r)
{
    return parse_end(min, &r->min, &r->minex) && parse_end(max, &r->max, &r->maxex);
}

static int parse_lex_end(const struct resp_arg *a, const char **p, size_t *len, int *inf, int *ex)
{
    *inf = SL_LEX_BYTES;
    *ex = 0;
    /* "+" and "-" count as exclusive, as in Redis (so "- -" is empty). */
    if (a->len == 1 && a->ptr[0] == '+') {
        *inf = SL_LEX_MAXINF;
        *ex = 1;
        return 1;
    }
    if (a->len == 1 && a->ptr[0] == '-') {
        *inf = SL_LEX_MININF;
        *ex = 1;
        return 1;
    }
    if (a->len == 0 || (a->ptr[0] != '(' && a->ptr[0] != '['))
        return 0;
    *ex = a->ptr[0] == '(';
    *p = a->ptr + 1;
    *len = a->len - 1;
    return 1;
}

int tzset_parse_lex(const struct resp_arg *min, const struct resp_arg *max, struct sl_lexrange *r)
{
    return parse_lex_end(min, &r->min, &r->minlen, &r->mininf, &r->minex) &&
           parse_lex_end(max, &r->max, &r->maxlen, &r->maxinf, &r->maxex);
}

static int parse_score(struct client *c, const struct resp_arg *a, double *d)
{
    if (!util_str2d(a->ptr, a->len, d)) {
        reply_error_not_float(c);
        return 0;
    }
    return 1;
}

/* ---- ZADD / ZINCRBY ---- */

/* Parse ZADD's flags from argv[2..]; returns the index of the first score
 * and sets *flags / *ch. */
static int zadd_flags(struct client *c, int *flags, int *ch)
{
    int i = 2;
    *flags = 0;
    *ch = 0;
    for (; i < c->argc; i++) {
        const struct resp_arg *a = &c->argv[i];
        /* Every flag starts with a letter; a score never does (fast exit
         * for the common "ZADD key score member"). */
        unsigned char c0 = a->len ? (unsigned char)a->ptr[0] : 0;
        if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')))
            break;
        if (tstr_arg_is(a, "nx"))
            *flags |= ZA_NX;
        else if (tstr_arg_is(a, "xx"))
            *flags |= ZA_XX;
        else if (tstr_arg_is(a, "gt"))
            *flags |= ZA_GT;
        else if (tstr_arg_is(a, "lt"))
            *flags |= ZA_LT;
        else if (tstr_arg_is(a, "ch"))
            *ch = 1;
        else if (tstr_arg_is(a, "incr"))
            *flags |= ZA_INCR;
        else
            break;
    }
    return i;
}

/* The body of ZADD and ZINCRBY (Redis's zaddGenericCommand). */
static void zadd_generic(struct client *c, int scoreidx, int flags, int ch)
{
    const struct resp_arg *key = &c->argv[1];
    int elements = c->argc - scoreidx, added = 0, updated = 0, processed = 0;
    double score = 0;
    struct kv *e;

    if (elements % 2 || !elements) {
        reply_error_syntax(c);
        return;
    }
    elements /= 2;
    if ((flags & ZA_NX) && (flags & ZA_XX)) {
        reply_error(c, "ERR XX and NX options at the same time are not compatible");
        return;
    }
    if (((flags & ZA_GT) && (flags & (ZA_NX | ZA_LT))) || ((flags & ZA_LT) && (flags & ZA_NX))) {
        reply_error(c, "ERR GT, LT, and/or NX options at the same time are not compatible");
        return;
    }
    if ((flags & ZA_INCR) && elements > 1) {
        reply_error(c, "ERR INCR option supports a single increment-element pair");
        return;
    }
    /* Most ZADDs carry a few pairs: parse their scores into the stack. */
    double sbuf[16];
    double *scores = elements <= 16 ? sbuf : mem_alloc(sizeof(double) * (size_t)elements);
    for (int j = 0; j < elements; j++)
        if (!parse_score(c, &c->argv[scoreidx + j * 2], &scores[j]))
            goto done;
    if (!tzset_lookup(c, key, 1, &e))
        goto done;
    if (!e) {
        if (flags & ZA_XX)
            goto reply;
        size_t len0 = c->argv[scoreidx + 1].len;
        struct zobj *z = zobj_new(server.zset_max_listpack_entries != 0 &&
                                  len0 <= (size_t)server.zset_max_listpack_value);
        e = db_set_object(c->db, key->ptr, key->len, KV_ZSET, zobj_enc(z), z, -1, 0);
    }
    struct zobj *z = kv_ptr(e);
    for (int j = 0; j < elements; j++) {
        const struct resp_arg *m = &c->argv[scoreidx + j * 2 + 1];
        int out;
        double ns;
        if (!zobj_add(z, scores[j], m->ptr, m->len, flags, &out, &ns)) {
            reply_error(c, "ERR resulting score is not a number (NaN)");
            goto fire;
        }
        added += (out & ZA_ADDED) != 0;
        updated += (out & ZA_UPDATED) != 0;
        if (!(out & ZA_NOP)) {
            processed++;
            score = ns;
        }
    }
    kv_set_enc(e, zobj_enc(z));
reply:
    if (flags & ZA_INCR) {
        if (processed)
            reply_double(c, score);
        else
            reply_null(c);
    } else {
        reply_int(c, ch ? added + updated : added);
    }
fire:
    if (added || updated) {
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_ZSET, (flags & ZA_INCR) ? "zincr" : "zadd", c->db, key->ptr, key->len);
        server.dirty += added + updated;
    }
done:
    if (scores != sbuf)
        mem_free(scores);
}

void cmd_zadd(struct client *c)
{
    int flags, ch;
    int idx = zadd_flags(c, &flags, &ch);
    zadd_generic(c, idx, flags, ch);
}

void cmd_zincrby(struct client *c)
{
    zadd_generic(c, 2, ZA_INCR, 0);
}

/* ---- simple reads ---- */

void cmd_zcard(struct client *c)
{
    struct kv *e;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    reply_int(c, e ? (long long)zobj_len(kv_ptr(e)) : 0);
}

void cmd_zscore(struct client *c)
{
    struct kv *e;
    double s;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    if (e && zobj_score(kv_ptr(e), c->argv[2].ptr, c->argv[2].len, &s))
        reply_double(c, s);
    else
        reply_null(c);
}

void cmd_zmscore(struct client *c)
{
    struct kv *e;
    double s;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        if (e && zobj_score(kv_ptr(e), c->argv[i].ptr, c->argv[i].len, &s))
            reply_double(c, s);
        else
            reply_null(c);
    }
}

static void rank_generic(struct client *c, int rev)
{
    struct kv *e;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    long r = e ? zobj_rank(kv_ptr(e), c->argv[2].ptr, c->argv[2].len, rev) : -1;
    if (r < 0)
        reply_null(c);
    else
        reply_int(c, r);
}

void cmd_zrank(struct client *c)
{
    rank_generic(c, 0);
}

void cmd_zrevrank(struct client *c)
{
    rank_generic(c, 1);
}

void cmd_zrem(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct kv *e;
    long long deleted = 0;
    if (!tzset_lookup(c, key, 1, &e))
        return;
    if (!e) {
        reply_int(c, 0);
        return;
    }
    struct zobj *z = kv_ptr(e);
    for (int i = 2; i < c->argc; i++) {
        deleted += zobj_del(z, c->argv[i].ptr, c->argv[i].len);
        if (zobj_len(z) == 0)
            break;
    }
    if (deleted) {
        notify_event(NOTIFY_ZSET, "zrem", c->db, key->ptr, key->len);
        tzset_after_write(c, key, e);
        notify_key_modified(c->db, key->ptr, key->len);
        server.dirty += deleted;
    }
    reply_int(c, deleted);
}
