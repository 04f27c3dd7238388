/* t_zset_pop: sorted set commands that take elements out or sample them:
 * ZPOPMIN, ZPOPMAX, ZMPOP, ZRANDMEMBER, ZSCAN.
 *
 * Reply shapes follow Redis 7.0: ZPOPMIN/MAX reply flat (member, score...)
 * except in RESP3 when a count was given (an array of [member, score]);
 * ZMPOP always replies [key, [[member, score]...]]. ZSCAN replies scores as
 * bulk strings in both protocols.
 *
 * Must not know: the encodings beyond t_zset.h, connections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "dict.h"
#include "glob.h"
#include "lp.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "sdict.h"
#include "server.h"
#include "block.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

#define LONG_MAX_ ((long long)(~0ULL >> 1))

/* Pop up to count elements from the min (max = 0) or max end of the zset
 * in e, replying each (nested: as a [member, score] pair), then fire events
 * and delete the key if emptied. */
static void pop_from(struct client *c, const struct resp_arg *key, struct kv *e, int max,
                     long long count, int nested, int emitkey)
{
    struct zobj *z = kv_ptr(e);
    unsigned long len = zobj_len(z);
    unsigned long n = (unsigned long long)count > len ? len : (unsigned long)count;
    struct zcur cur;
    const char *m;
    size_t mlen;
    double s;

    if (emitkey) {
        reply_array(c, 2);
        reply_bulk(c, key->ptr, key->len);
    }
    reply_array(c, (long long)(nested ? n : n * 2));
    zcur_at(&cur, z, max ? len - 1 : 0);
    for (unsigned long i = 0; i < n; i++) {
        zcur_get(&cur, &m, &mlen, &s);
        if (nested)
            reply_array(c, 2);
        reply_bulk(c, m, mlen);
        reply_double(c, s);
        max ? zcur_prev(&cur) : zcur_next(&cur);
    }
    zobj_del_ranks(z, max ? len - n : 0, n);
    notify_event(NOTIFY_ZSET, max ? "zpopmax" : "zpopmin", c->db, key->ptr, key->len);
    tzset_after_write(c, key, e);
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty += (long long)n;
}

/* Redis's genericZpopCommand: count < 0 means "no count given". */
static void zpop_generic(struct client *c, const struct resp_arg *keys, int nkeys, int max,
                         long long count, int nested, int emitkey)
{
    struct kv *e = NULL;
    int i;
    for (i = 0; i < nkeys; i++) {
        if (!tzset_lookup(c, &keys[i], 1, &e))
            return;
        if (e)
            break;
    }
    if (!e) {
        if (emitkey)
            reply_null_array(c);
        else
            reply_array(c, 0);
        return;
    }
    if (count == 0) { /* checked after the type, as Redis does */
        reply_array(c, 0);
        return;
    }
    pop_from(c, &keys[i], e, max, count < 0 ? 1 : count, nested, emitkey);
}

static void zpop_cmd(struct client *c, int max)
{
    long long count = -1;
    if (c->argc > 3) {
        reply_error_syntax(c);
        return;
    }
    if (c->argc == 3) {
        if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &count) || count < 0) {
            reply_error(c, "ERR value is out of range, must be positive");
            return;
        }
    }
    zpop_generic(c, &c->argv[1], 1, max, count, c->resp >= 3 && c->argc == 3, 0);
}

void cmd_zpopmin(struct client *c)
{
    zpop_cmd(c, 0);
}

void cmd_zpopmax(struct client *c)
{
    zpop_cmd(c, 1);
}

/* Parse "numkeys key [key ...] MIN|MAX [COUNT count]" starting at argv
 * index at (ZMPOP: 1, BZMPOP: 2). Replies the error and returns -1, or fills
 * the outputs (keys start at at + 1) and returns 0. */
static int parse_mpop(struct client *c, int at, long long *numkeys, int *max, long long *count)
{
    int count_seen = 0;
    *count = 1;
    if (!util_str2ll(c->argv[at].ptr, c->argv[at].len, numkeys) || *numkeys < 1) {
        reply_error(c, "ERR numkeys should be greater than 0");
        return -1;
    }
    long long where = at + 1 + *numkeys;
    if (where >= c->argc) {
        reply_error_syntax(c);
        return -1;
    }
    if (tstr_arg_is(&c->argv[where], "min")) {
        *max = 0;
    } else if (tstr_arg_is(&c->argv[where], "max")) {
        *max = 1;
    } else {
        reply_error_syntax(c);
        return -1;
    }
    for (long long j = where + 1; j < c->argc; j++) {
        if (!count_seen && tstr_arg_is(&c->argv[j], "count") && j + 1 < c->argc) {
            j++;
            if (!util_str2ll(c->argv[j].ptr, c->argv[j].len, count) || *count < 1) {
                reply_error(c, "ERR count should be greater than 0");
                return -1;
            }
            count_seen = 1;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

/* ZMPOP numkeys key [key ...] MIN|MAX [COUNT count] */
void cmd_zmpop(struct client *c)
{
    long long numkeys, count;
    int max;
    if (parse_mpop(c, 1, &numkeys, &max, &count) < 0)
        return;
    zpop_generic(c, &c->argv[2], (int)numkeys, max, count, 1, 1);
}

/* Reply one element, as a pair in RESP3 when withscores. */
static void reply_elem(struct client *c, const char *m, size_t len, double s, int withscores)
{
    if (withscores && c->resp >= 3)
        reply_array(c, 2);
    reply_bulk(c, m, len);
    if (withscores)
        reply_double(c, s);
}

/* A uniform number in [0, n), n > 0 (the dict's cheap generator: no
 * syscall per pick). */
static unsigned long rand_below(unsigned long n)
{
    return (unsigned long)(dict_rand64() % n);
}

/* n distinct random members when n > size / 3 (coupon collecting would take
 * about size * ln(size / (size - n)) draws): a partial Fisher-Yates over
 * cursors at every rank, replied in random order. O(size) = O(n) time and
 * size cursors of scratch memory. */
static void randmember_shuffle(struct client *c, struct zobj *z, unsigned long size,
                               unsigned long n, int withscores)
{
    struct zcur *all = mem_alloc(size * sizeof(*all));
    const char *m;
    size_t len;
    double s;
    zcur_at(&all[0], z, 0);
    for (unsigned long i = 1; i < size; i++) {
        all[i] = all[i - 1];
        zcur_next(&all[i]);
    }
    for (unsigned long i = 0; i < n; i++) {
        unsigned long j = i + rand_below(size - i);
        struct zcur t = all[i];
        all[i] = all[j];
        all[j] = t;
        zcur_get(&all[i], &m, &len, &s);
        reply_elem(c, m, len, s, withscores);
    }
    mem_free(all);
}

/* ZRANDMEMBER key count [WITHSCORES] with a count given: negative counts
 * may repeat; a count >= size gives the whole set in order; otherwise
 * distinct random members (tracked in a scratch sdict). */
static void randmember_count(struct client *c, long long l, int withscores)
{
    struct kv *e;
    struct zcur cur;
    const char *m;
    size_t len;
    double s;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    if (!e || l == 0) {
        reply_array(c, 0);
        return;
    }
    struct zobj *z = kv_ptr(e);
    unsigned long size = zobj_len(z);
    int pairs = withscores && c->resp < 3;
    if (l < 0 || l == 1) {
        unsigned long n = (unsigned long)(l < 0 ? -l : l);
        reply_array(c, (long long)(pairs ? n * 2 : n));
        for (unsigned long i = 0; i < n; i++) {
            zcur_at(&cur, z, rand_below(size));
            zcur_get(&cur, &m, &len, &s);
            reply_elem(c, m, len, s, withscores);
        }
        return;
    }
    unsigned long n = (unsigned long)l;
    if (n >= size) { /* the whole set, highest score first (as Redis 7.0) */
        reply_array(c, (long long)(pairs ? size * 2 : size));
        zcur_at(&cur, z, size - 1);
        for (unsigned long i = 0; i < size; i++, zcur_prev(&cur)) {
            zcur_get(&cur, &m, &len, &s);
            reply_elem(c, m, len, s, withscores);
        }
        return;
    }
    reply_array(c, (long long)(pairs ? n * 2 : n));
    if (n * 3 > size) {
        randmember_shuffle(c, z, size, n, withscores);
        return;
    }
    /* n <= size / 3: pick random ranks until n distinct ones were seen (at
     * most 1.5 draws per pick expected). O(n log n) expected on a skiplist;
     * about O(n * size) on a small listpack. */
    struct sdict *seen = sdict_new();
    while (sdict_size(seen) < n) {
        int created;
        zcur_at(&cur, z, rand_below(size));
        zcur_get(&cur, &m, &len, &s);
        sdict_add(seen, m, len, &created);
        if (created)
            reply_elem(c, m, len, s, withscores);
    }
    sdict_free(seen);
}

void cmd_zrandmember(struct client *c)
{
    if (c->argc >= 3) {
        long long l;
        if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &l)) {
            reply_error_not_int(c);
            return;
        }
        if (l < -LONG_MAX_) {
            reply_error(c, "ERR value is out of range, value must between -9223372036854775807 "
                           "and 9223372036854775807");
            return;
        }
        if (c->argc > 4 || (c->argc == 4 && !tstr_arg_is(&c->argv[3], "withscores"))) {
            reply_error_syntax(c);
            return;
        }
        if (c->argc == 4 && (l < -LONG_MAX_ / 2 || l > LONG_MAX_ / 2)) {
            reply_error(c, "ERR value is out of range");
            return;
        }
        randmember_count(c, l, c->argc == 4);
        return;
    }
    struct kv *e;
    struct zcur cur;
    const char *m;
    size_t len;
    double s;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    if (!e) {
        reply_null(c);
        return;
    }
    struct zobj *z = kv_ptr(e);
    zcur_at(&cur, z, rand_below(zobj_len(z)));
    zcur_get(&cur, &m, &len, &s);
    reply_bulk(c, m, len);
}

/* ---- ZSCAN ---- */

struct zscan_ctx {
    struct client *c;
    const struct resp_arg *pat; /* NULL: no MATCH */
    long long n;
};

static void zscan_emit(struct zscan_ctx *x, const char *m, size_t len, const char *sc, size_t slen)
{
    if (x->pat && !glob_match(x->pat->ptr, x->pat->len, m, len, 0))
        return;
    reply_bulk(x->c, m, len);
    reply_bulk(x->c, sc, slen);
    x->n += 2;
}

static void zscan_cb(void *priv, struct sl_node *e)
{
    char buf[40];
    int n = snprintf(buf, sizeof(buf), "%.17g", e->score);
    zscan_emit(priv, sl_ele(e), e->len, buf, (size_t)n);
}

struct zscan_buf {
    struct sl_node **v;
    size_t n, cap;
};

static void collect_cb(void *priv, struct sl_node *e)
{
    struct zscan_buf *b = priv;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->v = mem_realloc(b->v, b->cap * sizeof(*b->v));
    }
    b->v[b->n++] = e;
}

/* ZSCAN key cursor [MATCH pattern] [COUNT count]. A listpack is returned
 * whole in one call (cursor 0), as Redis does. */
void cmd_zscan(struct client *c)
{
    unsigned long long cursor;
    long long count = 10;
    struct kv *e;
    struct zscan_ctx x = {.c = c};
    if (!util_str2ull(c->argv[2].ptr, c->argv[2].len, &cursor)) {
        reply_error(c, "ERR invalid cursor");
        return;
    }
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    if (!e) {
        reply_array(c, 2);
        reply_bulk(c, "0", 1);
        reply_array(c, 0);
        return;
    }
    for (int i = 3; i < c->argc; i++) {
        int left = c->argc - i - 1;
        if (tstr_arg_is(&c->argv[i], "count") && left >= 1) {
            if (!util_str2ll(c->argv[i + 1].ptr, c->argv[i + 1].len, &count)) {
                reply_error_not_int(c);
                return;
            }
            if (count < 1) {
                reply_error_syntax(c);
                return;
            }
            i++;
        } else if (tstr_arg_is(&c->argv[i], "match") && left >= 1) {
            x.pat = &c->argv[++i];
            /* "*" matches everything: skip the matcher, as Redis does. */
            if (x.pat->len == 1 && x.pat->ptr[0] == '*')
                x.pat = NULL;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    struct zobj *z = kv_ptr(e);
    reply_array(c, 2);
    if (z->lp) {
        reply_bulk(c, "0", 1);
        long h = reply_defer(c);
        size_t end = lp_end(z->lp);
        for (size_t off = lp_first(z->lp); off < end; off = lp_next(z->lp, lp_next(z->lp, off))) {
            struct lp_entry me, se;
            char b1[21], b2[21];
            size_t ml, sl;
            lp_get(z->lp, off, &me);
            lp_get(z->lp, lp_next(z->lp, off), &se);
            const unsigned char *mp = lp_bytes_of(&me, b1, &ml);
            const unsigned char *sp = lp_bytes_of(&se, b2, &sl);
            zscan_emit(&x, (const char *)mp, ml, (const char *)sp, sl);
        }
        reply_defer_array(c, h, x.n);
        return;
    }
    /* The cursor goes first in the reply, so collect the step's entries
     * (stable pointers: nothing writes meanwhile), then reply. */
    struct zscan_buf b = {0};
    cursor = zidx_scan(z->idx, cursor, count, collect_cb, &b);
    char cbuf[21];
    reply_bulk(c, cbuf, util_ull2str(cbuf, cursor));
    long h = reply_defer(c);
    for (size_t i = 0; i < b.n; i++)
        zscan_cb(&x, b.v[i]);
    reply_defer_array(c, h, x.n);
    mem_free(b.v);
}

/* ---- blocking pops (BZPOPMIN, BZPOPMAX, BZMPOP) ----
 * Served at once when a key holds a sorted set, else blocked (block.c) and
 * re-run when one is stored at a key, or a null array on timeout. */

/* The first key holding a zset: its index, or -1 (*wrong on WRONGTYPE). */
static int first_zset(struct client *c, const struct resp_arg *keys, int n, struct kv **e,
                      int *wrong)
{
    *wrong = 0;
    for (int i = 0; i < n; i++) {
        *e = NULL;
        if (block_skip_wrong_type(c, c->db, &keys[i], KV_ZSET))
            continue;
        if (!tzset_lookup(c, &keys[i], 1, e)) {
            *wrong = 1;
            return -1;
        }
        if (*e)
            return i;
    }
    return -1;
}

/* BZPOPMIN / BZPOPMAX key [key ...] timeout: replies [key, member, score]. */
static void bzpop_cmd(struct client *c, int max)
{
    long long ms;
    if (block_parse_timeout(c, &c->argv[c->argc - 1], &ms) < 0)
        return;
    const struct resp_arg *keys = &c->argv[1];
    int n = c->argc - 2, wrong;
    struct kv *e = NULL;
    int i = first_zset(c, keys, n, &e, &wrong);
    if (wrong)
        return;
    if (i < 0) {
        if (block_timed_out(c))
            reply_null_array(c);
        else
            block_on_keys(c, keys, n, ms);
        return;
    }
    struct zobj *z = kv_ptr(e);
    unsigned long len = zobj_len(z);
    struct zcur cur;
    const char *m;
    size_t mlen;
    double s;
    zcur_at(&cur, z, max ? len - 1 : 0);
    zcur_get(&cur, &m, &mlen, &s);
    reply_array(c, 3);
    reply_bulk(c, keys[i].ptr, keys[i].len);
    reply_bulk(c, m, mlen);
    reply_double(c, s);
    zobj_del_ranks(z, max ? len - 1 : 0, 1);
    notify_event(NOTIFY_ZSET, max ? "zpopmax" : "zpopmin", c->db, keys[i].ptr, keys[i].len);
    tzset_after_write(c, &keys[i], e);
    notify_key_modified(c->db, keys[i].ptr, keys[i].len);
    server.dirty++;
}

void cmd_bzpopmin(struct client *c)
{
    bzpop_cmd(c, 0);
}

void cmd_bzpopmax(struct client *c)
{
    bzpop_cmd(c, 1);
}

/* BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] */
void cmd_bzmpop(struct client *c)
{
    long long ms, numkeys, count;
    int max;
    if (block_parse_timeout(c, &c->argv[1], &ms) < 0)
        return;
    if (parse_mpop(c, 2, &numkeys, &max, &count) < 0)
        return;
    const struct resp_arg *keys = &c->argv[3];
    int wrong;
    struct kv *e = NULL;
    int i = first_zset(c, keys, (int)numkeys, &e, &wrong);
    if (wrong)
        return;
    if (i < 0) {
        if (block_timed_out(c))
            reply_null_array(c);
        else
            block_on_keys(c, keys, (int)numkeys, ms);
        return;
    }
    pop_from(c, &keys[i], e, max, count, 1, 1);
}
