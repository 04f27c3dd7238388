/* t_zset_set: ZUNION, ZINTER, ZDIFF (and their STORE forms) and
 * ZINTERCARD, as Redis 7.0's zunionInterDiffGenericCommand.
 *
 * Inputs may be sorted sets or plain sets (members score 1). A plain set is
 * copied into a scratch sdict first, since t_set offers only iteration.
 * Results are gathered in an sdict (member -> score), then sorted by
 * (score, member) for the reply or the stored zset. NaN from inf * 0 or
 * inf + -inf becomes 0, as Redis does.
 *
 * Must not know: the encodings (t_zset_obj.c), t_set internals.
 */
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "sdict.h"
#include "server.h"
#include "t_set.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

enum { OP_UNION, OP_INTER, OP_DIFF };
enum { AGG_SUM, AGG_MIN, AGG_MAX };

struct src {
    struct zobj *z;    /* a sorted set, or */
    struct sdict *set; /* a plain set's members (scratch copy, owned) */
    double weight;
};

static void set_copy_cb(void *priv, const char *p, size_t len)
{
    int created;
    sdict_add(priv, p, len, &created)->score = 1.0;
}

static size_t src_len(const struct src *s)
{
    return s->z ? zobj_len(s->z) : s->set ? sdict_size(s->set) : 0;
}

static int src_score(struct src *s, const char *m, size_t len, double *score)
{
    if (s->z)
        return zobj_score(s->z, m, len, score);
    if (s->set) {
        struct sdict_entry *e = sdict_find(s->set, m, len);
        if (e)
            *score = e->score;
        return e != NULL;
    }
    return 0;
}

/* Call fn(priv, member, len, score) for every element of s. */
typedef void (*elem_fn)(void *priv, const char *m, size_t len, double score);

struct set_walk {
    elem_fn fn;
    void *priv;
};

static void set_walk_cb(void *priv, struct sdict_entry *e)
{
    struct set_walk *w = priv;
    w->fn(w->priv, e->key, e->klen, e->score);
}

static void src_foreach(struct src *s, elem_fn fn, void *priv)
{
    if (s->z) {
        struct zcur cur;
        const char *m;
        size_t len;
        double sc;
        size_t n = zobj_len(s->z);
        if (n)
            zcur_at(&cur, s->z, 0);
        for (size_t i = 0; i < n; i++, zcur_next(&cur)) {
            zcur_get(&cur, &m, &len, &sc);
            fn(priv, m, len, sc);
        }
    } else if (s->set) {
        struct set_walk w = {fn, priv};
        sdict_foreach(s->set, set_walk_cb, &w);
    }
}

static double aggregate(double acc, double v, int agg)
{
    if (agg == AGG_SUM) {
        acc += v;
        return acc != acc ? 0.0 : acc;
    }
    if (agg == AGG_MIN)
        return v < acc ? v : acc;
    return v > acc ? v : acc;
}

/* State of one computation. */
struct op_ctx {
    struct src *src;
    long nsrc;
    int op, agg, card_only;
    long long limit;
    long long card; /* ZINTERCARD's count */
    long cur;       /* the source being walked (union) */
    struct sdict *out;
};

static void union_cb(void *priv, const char *m, size_t len, double score)
{
    struct op_ctx *x = priv;
    double w = x->src[x->cur].weight * score;
    int created;
    if (w != w)
        w = 0;
    struct sdict_entry *e = sdict_add(x->out, m, len, &created);
    e->score = created ? w : aggregate(e->score, w, x->agg);
}

static void inter_cb(void *priv, const char *m, size_t len, double score)
{
    struct op_ctx *x = priv;
    if (x->card_only && x->limit && x->card >= x->limit)
        return;
    double acc = x->src[0].weight * score, v;
    if (acc != acc)
        acc = 0;
    for (long j = 1; j < x->nsrc; j++) {
        if (!src_score(&x->src[j], m, len, &v))
            return;
        /* Only the first score is NaN-cleaned here; the SUM is cleaned in
         * aggregate(), MIN/MAX ignore a NaN (Redis does the same). */
        acc = aggregate(acc, v * x->src[j].weight, x->agg);
    }
    x->card++;
    if (!x->card_only) {
        int created;
        sdict_add(x->out, m, len, &created)->score = acc;
    }
}

static void diff_cb(void *priv, const char *m, size_t len, double score)
{
    struct op_ctx *x = priv;
    double v;
    for (long j = 1; j < x->nsrc; j++)
        if (src_score(&x->src[j], m, len, &v))
            return;
    int created;
    sdict_add(x->out, m, len, &created)->score = score;
}

static int cmp_size(const void *a, const void *b)
{
    size_t la = src_len(a), lb = src_len(b);
    return la < lb ? -1 : la > lb;
}

static void compute(struct op_ctx *x)
{
    if (x->op != OP_DIFF) /* as Redis: smallest first (ties keep qsort's order) */
        qsort(x->src, (size_t)x->nsrc, sizeof(*x->src), cmp_size);
    if (x->op == OP_UNION) {
        for (x->cur = 0; x->cur < x->nsrc; x->cur++)
            src_foreach(&x->src[x->cur], union_cb, x);
    } else if (x->op == OP_INTER) {
        /* The smallest drives the walk, the others are probed. */
        if (src_len(&x->src[0]) == 0)
            return;
        src_foreach(&x->src[0], inter_cb, x);
    } else {
        src_foreach(&x->src[0], diff_cb, x);
    }
}

struct item {
    const char *m;
    size_t len;
    double score;
};

struct items {
    struct item *v;
    size_t n;
    size_t maxlen;
};

static void item_cb(void *priv, struct sdict_entry *e)
{
    struct items *it = priv;
    it->v[it->n++] = (struct item){e->key, e->klen, e->score};
    if (e->klen > it->maxlen)
        it->maxlen = e->klen;
}

static int cmp_item(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return sl_cmp_bytes(x->m, x->len, y->m, y->len);
}

/* Parse WEIGHTS / AGGREGATE / WITHSCORES / LIMIT after the keys (from
 * argv[j]). Returns 0 on error (replied). */
static int parse_opts(struct client *c, int j, struct op_ctx *x, int store, int *withscores)
{
    int remaining = c->argc - j;
    while (remaining) {
        const struct resp_arg *a = &c->argv[j];
        int full = x->op != OP_DIFF && !x->card_only;
        if (full && remaining >= x->nsrc + 1 && tstr_arg_is(a, "weights")) {
            j++;
            remaining--;
            for (long i = 0; i < x->nsrc; i++, j++, remaining--) {
                if (!util_str2d(c->argv[j].ptr, c->argv[j].len, &x->src[i].weight)) {
                    reply_error(c, "ERR weight value is not a float");
                    return 0;
                }
            }
        } else if (full && remaining >= 2 && tstr_arg_is(a, "aggregate")) {
            const struct resp_arg *v = &c->argv[j + 1];
            if (tstr_arg_is(v, "sum")) {
                x->agg = AGG_SUM;
            } else if (tstr_arg_is(v, "min")) {
                x->agg = AGG_MIN;
            } else if (tstr_arg_is(v, "max")) {
                x->agg = AGG_MAX;
            } else {
                reply_error_syntax(c);
                return 0;
            }
            j += 2;
            remaining -= 2;
        } else if (!store && !x->card_only && tstr_arg_is(a, "withscores")) {
            *withscores = 1;
            j++;
            remaining--;
        } else if (x->card_only && remaining >= 2 && tstr_arg_is(a, "limit")) {
            const struct resp_arg *v = &c->argv[j + 1];
            if (!util_str2ll(v->ptr, v->len, &x->limit) || x->limit < 0) {
                reply_error(c, "ERR LIMIT can't be negative");
                return 0;
            }
            j += 2;
            remaining -= 2;
        } else {
            reply_error_syntax(c);
            return 0;
        }
    }
    return 1;
}

/* Look the source keys up into x->src. 0 on WRONGTYPE (replied). */
static int load_sources(struct client *c, int first, int store, struct op_ctx *x)
{
    (void)store;
    for (long i = 0; i < x->nsrc; i++) {
        const struct resp_arg *k = &c->argv[first + i];
        /* A read lookup even when storing, as Redis 7.0 (stats, "keymiss"). */
        struct kv *e = tstr_lookup_read(c, k);
        x->src[i].weight = 1.0;
        if (!e)
            continue;
        if (kv_type(e) == KV_ZSET) {
            x->src[i].z = kv_ptr(e);
        } else if (kv_type(e) == KV_SET) {
            x->src[i].set = sdict_new();
            tset_foreach(e, set_copy_cb, x->src[i].set);
        } else {
            reply_error_wrongtype(c);
            return 0;
        }
    }
    return 1;
}

/* Reply or store the result held in x->out. */
static void finish(struct client *c, struct op_ctx *x, const struct resp_arg *dst, int withscores)
{
    static const char *const events[] = {"zunionstore", "zinterstore", "zdiffstore"};
    struct items it = {mem_alloc(sizeof(struct item) * (sdict_size(x->out) + 1)), 0, 0};
    sdict_foreach(x->out, item_cb, &it);
    qsort(it.v, it.n, sizeof(*it.v), cmp_item);
    if (dst) {
        struct zobj *z = zobj_new_for(it.n, it.maxlen);
        for (size_t i = 0; i < it.n; i++) {
            int out;
            double ns;
            zobj_add(z, it.v[i].score, it.v[i].m, it.v[i].len, 0, &out, &ns);
        }
        reply_int(c, (long long)it.n);
        tzset_store(c, dst, z, events[x->op]);
    } else {
        int flat = withscores && c->resp < 3;
        reply_array(c, (long long)(flat ? it.n * 2 : it.n));
        for (size_t i = 0; i < it.n; i++) {
            if (withscores && c->resp >= 3)
                reply_array(c, 2);
            reply_bulk(c, it.v[i].m, it.v[i].len);
            if (withscores)
                reply_double(c, it.v[i].score);
        }
    }
    mem_free(it.v);
}

/* The common body. numidx is the index of numkeys; dst is the destination
 * key for the STORE forms (NULL otherwise). */
static void zsetop(struct client *c, int numidx, const struct resp_arg *dst, int op, int card_only)
{
    long long n;
    int withscores = 0;
    struct op_ctx x = {.op = op, .agg = AGG_SUM, .card_only = card_only};
    if (!util_str2ll(c->argv[numidx].ptr, c->argv[numidx].len, &n)) {
        reply_error_not_int(c);
        return;
    }
    if (n < 1) {
        reply_errorf(c, "ERR at least 1 input key is needed for '%s' command", c->cmd->name);
        return;
    }
    if (n > c->argc - (numidx + 1)) {
        reply_error_syntax(c);
        return;
    }
    x.nsrc = (long)n;
    x.src = mem_calloc((size_t)n, sizeof(*x.src));
    if (load_sources(c, numidx + 1, dst != NULL, &x) &&
        parse_opts(c, numidx + 1 + (int)n, &x, dst != NULL, &withscores)) {
        x.out = sdict_new();
        compute(&x);
        if (card_only)
            reply_int(c, x.card);
        else
            finish(c, &x, dst, withscores);
        sdict_free(x.out);
    }
    for (long i = 0; i < x.nsrc; i++)
        if (x.src[i].set)
            sdict_free(x.src[i].set);
    mem_free(x.src);
}

void cmd_zunion(struct client *c)
{
    zsetop(c, 1, NULL, OP_UNION, 0);
}

void cmd_zinter(struct client *c)
{
    zsetop(c, 1, NULL, OP_INTER, 0);
}

void cmd_zdiff(struct client *c)
{
    zsetop(c, 1, NULL, OP_DIFF, 0);
}

void cmd_zunionstore(struct client *c)
{
    zsetop(c, 2, &c->argv[1], OP_UNION, 0);
}

void cmd_zinterstore(struct client *c)
{
    zsetop(c, 2, &c->argv[1], OP_INTER, 0);
}

void cmd_zdiffstore(struct client *c)
{
    zsetop(c, 2, &c->argv[1], OP_DIFF, 0);
}

void cmd_zintercard(struct client *c)
{
    zsetop(c, 1, NULL, OP_INTER, 1);
}
