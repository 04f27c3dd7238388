/* t_set_ops: the set algebra: SINTER SINTERCARD SINTERSTORE SMEMBERS
 * SUNION SUNIONSTORE SDIFF SDIFFSTORE.
 *
 * Semantics are Redis 7.0.15's: every key is type-checked before anything
 * else (a missing key is an empty set), STORE results start as an intset
 * and convert as members are added, an empty result deletes the
 * destination (firing "del" if it existed), and a stored result drops any
 * TTL the destination had.
 *
 * Must not know: the encodings' internals (t_set.c owns them).
 */
#include <stdlib.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_set_int.h"
#include "t_string.h"
#include "util.h"

/* ---- SINTER / SUNION / SDIFF and their STORE and CARD forms ---- */

/* Look up n keys from argv[first..] as sets, write lookups when storing.
 * Every key is type-checked even after a missing one, as Redis. Returns a
 * mem_alloc'd array (caller frees) with *missing counted, or NULL after
 * replying WRONGTYPE. */
static struct tset_obj *gather(struct client *c, int first, int n, int write, int *missing)
{
    struct tset_obj *sets = mem_alloc((size_t)n * sizeof(*sets));
    *missing = 0;
    (void)write;
    for (int j = 0; j < n; j++) {
        /* Redis 7.0 reads the sources with lookupKeyRead even when storing
         * (hit/miss stats, "keymiss" event): write is unused here. */
        int r = tset_lookup(c, &c->argv[first + j], 0, &sets[j]);
        if (r < 0) {
            mem_free(sets);
            return NULL;
        }
        if (r == 0) {
            sets[j].enc = TSET_ABSENT;
            (*missing)++;
        }
    }
    return sets;
}

/* Store dst (taking it) at key, or delete key when dst is empty; replies
 * the new size. event is "sinterstore" / "sunionstore" / "sdiffstore". */
static void store_result(struct client *c, const struct resp_arg *key, struct tset_obj *dst,
                         const char *event)
{
    size_t n = tset_card(dst);
    if (n > 0) {
        db_set_object(c->db, key->ptr, key->len, KV_SET, dst->enc, tset_tagged(dst), -1, 0);
        notify_key_modified(c->db, key->ptr, key->len);
        reply_int(c, (long long)n);
        notify_event(NOTIFY_SET, event, c->db, key->ptr, key->len);
        server.dirty++;
        return;
    }
    tset_free(dst);
    reply_int(c, 0);
    if (db_delete(c->db, key->ptr, key->len)) {
        server.dirty++;
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
    }
}

static int by_size(const void *a, const void *b)
{
    size_t x = tset_card(a), y = tset_card(b);
    return x < y ? -1 : x > y;
}

struct inter_ctx {
    struct client *c;
    const struct tset_obj *sets;
    int n;
    struct tset_obj *dst; /* STORE: add here */
    int card;             /* SINTERCARD: only count */
    long long found, limit;
};

/* Probe one member of the smallest set against the others. Past a
 * SINTERCARD limit it returns at once (the walk itself cannot stop early:
 * sdict_foreach has no break, so the rest costs O(1) per member). */
static void inter_cb(void *priv, const struct tset_elem *m)
{
    struct inter_ctx *x = priv;
    if (x->limit && x->found >= x->limit)
        return;
    for (int j = 1; j < x->n; j++) {
        /* The same set twice needs no check (and its members are in it). */
        if (x->sets[j].is == x->sets[0].is && x->sets[j].d == x->sets[0].d)
            continue;
        if (!tset_has_elem(&x->sets[j], m))
            return;
    }
    x->found++;
    if (x->dst)
        tset_add(x->dst, m->p, m->len);
    else if (!x->card)
        reply_bulk(x->c, m->p, m->len);
}

/* The intersection of argv[first..first+n): replied as a set, counted
 * (card, stopping at limit when limit > 0) or stored at dstkey. Walks the
 * smallest set and probes the others: O(N*M), N the smallest size. */
static void sinter_generic(struct client *c, int first, int n, const struct resp_arg *dstkey,
                           int card, long long limit)
{
    int missing;
    struct tset_obj *sets = gather(c, first, n, dstkey != NULL, &missing);
    if (!sets)
        return;
    if (missing) {
        mem_free(sets);
        if (dstkey) {
            struct tset_obj none = {KV_ENC_INTSET, intset_new(), NULL};
            store_result(c, dstkey, &none, "sinterstore");
        } else if (card) {
            reply_int(c, 0);
        } else {
            reply_set(c, 0);
        }
        return;
    }
    qsort(sets, (size_t)n, sizeof(*sets), by_size);
    struct tset_obj dst = {KV_ENC_INTSET, NULL, NULL};
    struct inter_ctx x = {c, sets, n, NULL, card, 0, limit};
    long handle = 0;
    if (dstkey) {
        dst.is = intset_new();
        x.dst = &dst;
    } else if (!card) {
        handle = reply_defer(c);
    }
    tset_each(&sets[0], inter_cb, &x);
    mem_free(sets);
    if (dstkey)
        store_result(c, dstkey, &dst, "sinterstore");
    else if (card)
        reply_int(c, x.found);
    else
        reply_defer_set(c, handle, x.found);
}

struct add_ctx {
    struct tset_obj *dst;
    const struct tset_obj *sets; /* SDIFF: members of any sets[1..n) are skipped */
    int n;
};

static void add_cb(void *priv, const struct tset_elem *m)
{
    struct add_ctx *x = priv;
    for (int j = 1; j < x->n; j++)
        if (x->sets[j].enc != TSET_ABSENT && tset_has_elem(&x->sets[j], m))
            return;
    tset_add(x->dst, m->p, m->len);
}

/* Union (diff == 0) or difference (diff == 1, first set minus the rest) of
 * argv[first..first+n), built as a new set (intset first, as Redis) then
 * replied as a set or stored at dstkey. O(total members) for the union,
 * O(N*M) for the difference (N the first set's size). */
static void sunion_diff_generic(struct client *c, int first, int n, const struct resp_arg *dstkey,
                                int diff)
{
    int missing;
    struct tset_obj *sets = gather(c, first, n, dstkey != NULL, &missing);
    if (!sets)
        return;
    struct tset_obj dst = {KV_ENC_INTSET, intset_new(), NULL};
    if (diff) {
        struct add_ctx x = {&dst, sets, n};
        if (sets[0].enc != TSET_ABSENT)
            tset_each(&sets[0], add_cb, &x);
    } else {
        struct add_ctx x = {&dst, NULL, 0};
        for (int j = 0; j < n; j++)
            if (sets[j].enc != TSET_ABSENT)
                tset_each(&sets[j], add_cb, &x);
    }
    mem_free(sets);
    if (dstkey) {
        store_result(c, dstkey, &dst, diff ? "sdiffstore" : "sunionstore");
        return;
    }
    reply_set(c, (long long)tset_card(&dst));
    tset_each(&dst, tset_reply_member_cb, c);
    tset_free(&dst);
}

/* SMEMBERS key: the whole set (Redis runs it as a one-key SINTER). */
void cmd_smembers(struct client *c)
{
    sinter_generic(c, 1, 1, NULL, 0, 0);
}

void cmd_sinter(struct client *c)
{
    sinter_generic(c, 1, c->argc - 1, NULL, 0, 0);
}

void cmd_sinterstore(struct client *c)
{
    sinter_generic(c, 2, c->argc - 2, &c->argv[1], 0, 0);
}

/* SINTERCARD numkeys key [key ...] [LIMIT limit]. */
void cmd_sintercard(struct client *c)
{
    long long numkeys, limit = 0;
    if (!util_str2ll(c->argv[1].ptr, c->argv[1].len, &numkeys) || numkeys < 1) {
        reply_error(c, "ERR numkeys should be greater than 0");
        return;
    }
    if (numkeys > c->argc - 2) {
        reply_error(c, "ERR Number of keys can't be greater than number of args");
        return;
    }
    for (int j = 2 + (int)numkeys; j < c->argc; j++) {
        if (tstr_arg_is(&c->argv[j], "limit") && j + 1 < c->argc) {
            j++;
            if (!util_str2ll(c->argv[j].ptr, c->argv[j].len, &limit) || limit < 0) {
                reply_error(c, "ERR LIMIT can't be negative");
                return;
            }
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    sinter_generic(c, 2, (int)numkeys, NULL, 1, limit);
}

void cmd_sunion(struct client *c)
{
    sunion_diff_generic(c, 1, c->argc - 1, NULL, 0);
}

void cmd_sunionstore(struct client *c)
{
    sunion_diff_generic(c, 2, c->argc - 2, &c->argv[1], 0);
}

void cmd_sdiff(struct client *c)
{
    sunion_diff_generic(c, 1, c->argc - 1, NULL, 1);
}

void cmd_sdiffstore(struct client *c)
{
    sunion_diff_generic(c, 2, c->argc - 2, &c->argv[1], 1);
}
