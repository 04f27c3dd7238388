/* pubsub: see pubsub.h. This file keeps the tables, the per-client state,
 * delivery and the RESP2 gate; the command handlers are in pubsub_cmd.c.
 *
 * A table maps a name (channel, pattern or shard channel) to a struct chan.
 * Each subscription is one struct ps_sub linked into its chan's subscriber
 * list and into its client's list of that kind, both in subscription order,
 * and into a server-wide hash index keyed by the (client, chan) pointer pair.
 * So subscribing, the "already subscribed?" check and unsubscribing one
 * client from one channel are O(1) on average however many subscribers the
 * channel or channels the client has, and a removal leaves the order of the
 * others (hence delivery order) unchanged. The price is 56 bytes per
 * subscription plus an index slot, against 16 for the plain arrays used
 * before, whose removal scanned the channel's whole subscriber array.
 *
 * Delivery encodes a message once into a scratch buffer and copies it to
 * each subscriber's output buffer (only the first byte differs between RESP2
 * '*' and RESP3 '>'). A subscriber whose output limit is hit is only marked
 * for closing (conn.h), so no list changes while it is walked.
 */
#include "pubsub_int.h"

#include <stdio.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "conn.h"
#include "glob.h"
#include "mem.h"
#include "multi.h"
#include "reply.h"
#include "resp.h"
#include "siphash.h"
#include "util.h"

struct ps_table ps_channels, ps_patterns, ps_shard;

static uint8_t hash_key[16];
static int hash_key_set;

static uint64_t name_hash(const char *p, size_t len)
{
    if (!hash_key_set) {
        util_random_bytes(hash_key, sizeof(hash_key));
        hash_key_set = 1;
    }
    return siphash13(p, len, hash_key);
}

struct ps_chan *ps_find(struct ps_table *t, const char *name, size_t len)
{
    if (!t->size)
        return NULL;
    uint64_t h = name_hash(name, len);
    for (struct ps_chan *e = t->b[h & (t->size - 1)]; e; e = e->next)
        if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
            return e;
    return NULL;
}

/* Double the bucket array and relink every entry. O(n), done when the count
 * passes the size; channel tables stay far smaller than the keyspace. */
static void table_grow(struct ps_table *t)
{
    size_t nsize = t->size ? t->size * 2 : 16;
    struct ps_chan **nb = mem_calloc(nsize, sizeof(*nb));
    for (size_t i = 0; i < t->size; i++) {
        struct ps_chan *e = t->b[i];
        while (e) {
            struct ps_chan *next = e->next;
            size_t j = e->hash & (nsize - 1);
            e->next = nb[j];
            nb[j] = e;
            e = next;
        }
    }
    mem_free(t->b);
    t->b = nb;
    t->size = nsize;
}

/* Find or create the entry for name. O(1) average. */
static struct ps_chan *table_get(struct ps_table *t, const char *name, size_t len)
{
    struct ps_chan *e = ps_find(t, name, len);
    if (e)
        return e;
    if (t->count >= t->size)
        table_grow(t);
    e = mem_calloc(1, sizeof(*e) + len + 1);
    e->hash = name_hash(name, len);
    e->len = len;
    memcpy(e->name, name, len);
    size_t j = e->hash & (t->size - 1);
    e->next = t->b[j];
    t->b[j] = e;
    e->oprev = t->otail;
    if (t->otail)
        t->otail->onext = e;
    else
        t->ohead = e;
    t->otail = e;
    t->count++;
    return e;
}

/* Unlink and free an entry that has no subscribers left. */
static void table_del(struct ps_table *t, struct ps_chan *e)
{
    struct ps_chan **pp = &t->b[e->hash & (t->size - 1)];
    while (*pp != e)
        pp = &(*pp)->next;
    *pp = e->next;
    if (e->oprev)
        e->oprev->onext = e->onext;
    else
        t->ohead = e->onext;
    if (e->onext)
        e->onext->oprev = e->oprev;
    else
        t->otail = e->oprev;
    t->count--;
    mem_free(e);
}

/* ---- the (client, chan) -> subscription index ---- */

static struct ps_sub **idx; /* buckets; idx_size is 0 or a power of two */
static size_t idx_size, idx_count;

/* Hash of the pointer pair (a 64-bit finaliser over both: the pointers are
 * the server's own, so no keyed hash is needed). */
static size_t pair_hash(const struct client *c, const struct ps_chan *e)
{
    uint64_t h = (uint64_t)(uintptr_t)c * 0x9e3779b97f4a7c15u ^ (uint64_t)(uintptr_t)e;
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 29;
    return (size_t)h;
}

/* Rehash the index into nsize buckets (a power of two). O(subscriptions),
 * amortised O(1) per insert or delete since sizes double or halve. */
static void idx_resize(size_t nsize)
{
    struct ps_sub **nb = mem_calloc(nsize, sizeof(*nb));
    for (size_t i = 0; i < idx_size; i++) {
        struct ps_sub *s = idx[i];
        while (s) {
            struct ps_sub *next = s->hnext;
            size_t j = pair_hash(s->c, s->e) & (nsize - 1);
            s->hnext = nb[j];
            nb[j] = s;
            s = next;
        }
    }
    mem_free(idx);
    idx = nb;
    idx_size = nsize;
}

/* c's subscription to e, or NULL. O(1) average. */
static struct ps_sub *idx_find(const struct client *c, const struct ps_chan *e)
{
    if (!idx_size)
        return NULL;
    for (struct ps_sub *s = idx[pair_hash(c, e) & (idx_size - 1)]; s; s = s->hnext)
        if (s->c == c && s->e == e)
            return s;
    return NULL;
}

static void idx_add(struct ps_sub *s)
{
    if (idx_count >= idx_size)
        idx_resize(idx_size ? idx_size * 2 : 64);
    size_t j = pair_hash(s->c, s->e) & (idx_size - 1);
    s->hnext = idx[j];
    idx[j] = s;
    idx_count++;
}

/* Unlink s from its chain; shrink a mostly empty index (none left: free it,
 * so an idle server holds no index memory). */
static void idx_del(struct ps_sub *s)
{
    struct ps_sub **pp = &idx[pair_hash(s->c, s->e) & (idx_size - 1)];
    while (*pp != s)
        pp = &(*pp)->hnext;
    *pp = s->hnext;
    idx_count--;
    if (idx_count == 0) {
        mem_free(idx);
        idx = NULL;
        idx_size = 0;
    } else if (idx_size > 64 && idx_count < idx_size / 8) {
        idx_resize(idx_size / 2);
    }
}

static struct ps_list *client_list(struct client *c, int kind)
{
    if (!c->ps)
        c->ps = mem_calloc(1, sizeof(*c->ps));
    return &c->ps->l[kind];
}

struct ps_table *ps_table_of(int kind)
{
    return kind == PS_CHANNEL ? &ps_channels : kind == PS_PATTERN ? &ps_patterns : &ps_shard;
}

/* Keep the conn's output-limit class in step with the subscription count. */
static void update_mode(struct client *c)
{
    if (pubsub_client_subscribed(c))
        c->conn.flags |= CONN_LIMIT_PUBSUB;
    else
        c->conn.flags &= ~CONN_LIMIT_PUBSUB;
}

int ps_subscribe(struct client *c, int kind, const char *name, size_t len)
{
    struct ps_table *t = ps_table_of(kind);
    struct ps_chan *e = ps_find(t, name, len);
    if (e && idx_find(c, e))
        return 0;
    if (!e)
        e = table_get(t, name, len);
    struct ps_list *l = client_list(c, kind);
    struct ps_sub *s = mem_alloc(sizeof(*s));
    s->c = c;
    s->e = e;
    s->cnext = NULL; /* append to both lists: subscription order */
    s->cprev = e->tail;
    if (e->tail)
        e->tail->cnext = s;
    else
        e->head = s;
    e->tail = s;
    e->nsubs++;
    s->lnext = NULL;
    s->lprev = l->tail;
    if (l->tail)
        l->tail->lnext = s;
    else
        l->head = s;
    l->tail = s;
    l->n++;
    idx_add(s);
    update_mode(c);
    return 1;
}

/* Unlink s from its chan, its client's list l and the index, and free it
 * (and the chan with its last subscriber). O(1) average. */
static void sub_drop(int kind, struct ps_list *l, struct ps_sub *s)
{
    struct ps_chan *e = s->e;
    if (s->cprev)
        s->cprev->cnext = s->cnext;
    else
        e->head = s->cnext;
    if (s->cnext)
        s->cnext->cprev = s->cprev;
    else
        e->tail = s->cprev;
    if (s->lprev)
        s->lprev->lnext = s->lnext;
    else
        l->head = s->lnext;
    if (s->lnext)
        s->lnext->lprev = s->lprev;
    else
        l->tail = s->lprev;
    l->n--;
    idx_del(s);
    mem_free(s);
    if (--e->nsubs == 0)
        table_del(ps_table_of(kind), e);
}

int ps_unsubscribe(struct client *c, int kind, struct ps_chan *e)
{
    struct ps_sub *s = c->ps ? idx_find(c, e) : NULL;
    if (!s)
        return 0;
    sub_drop(kind, &c->ps->l[kind], s);
    update_mode(c);
    return 1;
}

long ps_unsubscribe_all(struct client *c, int kind,
                        void (*fn)(struct client *c, const struct ps_chan *e, long left,
                                   void *priv),
                        void *priv)
{
    if (!c->ps)
        return 0;
    struct ps_list *l = &c->ps->l[kind];
    long n = (long)l->n;
    /* The count a confirmation reports: what is left of this family. */
    long others =
        kind == PS_SHARD ? 0 : (long)c->ps->l[kind == PS_CHANNEL ? PS_PATTERN : PS_CHANNEL].n;
    while (l->head) {
        if (fn)
            fn(c, l->head->e, others + (long)l->n - 1, priv);
        sub_drop(kind, l, l->head);
    }
    update_mode(c);
    return n;
}

int pubsub_client_subscribed(const struct client *c)
{
    const struct pubsub_state *s = c->ps;
    return s && (s->l[0].n | s->l[1].n | s->l[2].n) != 0;
}

int pubsub_client_has_channel(const struct client *c, const char *ch, size_t len)
{
    if (!c->ps || !c->ps->l[PS_CHANNEL].n)
        return 0;
    struct ps_chan *e = ps_find(&ps_channels, ch, len);
    return e && idx_find(c, e) != NULL;
}

void pubsub_client_counts(const struct client *c, long *sub, long *psub, long *ssub)
{
    const struct pubsub_state *s = c->ps;
    *sub = s ? (long)s->l[PS_CHANNEL].n : 0;
    *psub = s ? (long)s->l[PS_PATTERN].n : 0;
    *ssub = s ? (long)s->l[PS_SHARD].n : 0;
}

void pubsub_client_gone(struct client *c)
{
    if (!c->ps)
        return;
    for (int k = 0; k < PS_KINDS; k++)
        ps_unsubscribe_all(c, k, NULL, NULL);
    mem_free(c->ps);
    c->ps = NULL;
    c->conn.flags &= ~CONN_LIMIT_PUBSUB;
}

long pubsub_num_channels(void)
{
    return (long)ps_channels.count;
}

long pubsub_num_patterns(void)
{
    return (long)ps_patterns.count;
}

long pubsub_num_shard_channels(void)
{
    return (long)ps_shard.count;
}

/* ---- delivery ---- */

static char *frame; /* scratch for one encoded message */
static size_t frame_cap;

static char *frame_room(size_t n)
{
    if (n > frame_cap) {
        frame_cap = n;
        frame = mem_realloc(frame, n);
    }
    return frame;
}

static size_t put_bulk(char *d, const char *p, size_t len)
{
    size_t h = resp_hdr(d, '$', (long long)len);
    memcpy(d + h, p, len);
    d[h + len] = '\r';
    d[h + len + 1] = '\n';
    return h + len + 2;
}

/* Encode [kind, (pat,) ch, msg] as "*n..." into the scratch. Returns its length. */
static size_t encode(const char *kind, const struct ps_chan *pat, const char *ch, size_t chlen,
                     const char *msg, size_t mlen)
{
    size_t klen = strlen(kind);
    size_t need = 4 * RESP_HDR_MAX + 8 + klen + chlen + mlen + (pat ? pat->len : 0);
    char *d = frame_room(need);
    size_t n = resp_hdr(d, '*', pat ? 4 : 3);
    n += put_bulk(d + n, kind, klen);
    if (pat)
        n += put_bulk(d + n, pat->name, pat->len);
    n += put_bulk(d + n, ch, chlen);
    n += put_bulk(d + n, msg, mlen);
    return n;
}

/* Copy the encoded frame to each subscriber of e (pushes ignore REPLY OFF). */
static void deliver(const struct ps_chan *e, size_t n)
{
    for (const struct ps_sub *s = e->head; s; s = s->cnext) {
        struct client *c = s->c;
        char *d = conn_out_reserve(&c->conn, n);
        memcpy(d, frame, n);
        if (c->resp >= 3)
            d[0] = '>';
        conn_out_commit(&c->conn, n);
    }
}

long long ps_publish(int shard, const char *ch, size_t chlen, const char *msg, size_t mlen)
{
    long long receivers = 0;
    struct ps_chan *e = ps_find(shard ? &ps_shard : &ps_channels, ch, chlen);
    if (e && e->nsubs) {
        size_t n = encode(shard ? "smessage" : "message", NULL, ch, chlen, msg, mlen);
        deliver(e, n);
        receivers += (long long)e->nsubs;
    }
    if (shard)
        return receivers;
    for (struct ps_chan *p = ps_patterns.ohead; p; p = p->onext) {
        if (!glob_match(p->name, p->len, ch, chlen, 0))
            continue;
        size_t n = encode("pmessage", p, ch, chlen, msg, mlen);
        deliver(p, n);
        receivers += (long long)p->nsubs;
    }
    return receivers;
}

long long pubsub_publish(const char *ch, size_t chlen, const char *msg, size_t mlen)
{
    return ps_publish(0, ch, chlen, msg, mlen);
}

void pubsub_message_begin(struct client *c, const char *ch, size_t len)
{
    reply_push_begin(c, 3);
    reply_bulk(c, "message", 7);
    reply_bulk(c, ch, len);
}

void pubsub_message_end(struct client *c)
{
    reply_push_end(c);
}

/* ---- the RESP2 subscribed context ---- */

int pubsub_gate(struct client *c)
{
    if (c->resp != 2 || !pubsub_client_subscribed(c))
        return 0;
    cmd_proc *p = c->cmd->proc;
    if (p == cmd_ping || p == cmd_subscribe || p == cmd_ssubscribe || p == cmd_unsubscribe ||
        p == cmd_sunsubscribe || p == cmd_psubscribe || p == cmd_punsubscribe || p == cmd_quit ||
        p == cmd_reset)
        return 0;
    char msg[256];
    snprintf(msg, sizeof(msg),
             "Can't execute '%.100s': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / "
             "RESET are allowed in this context",
             c->cmd->fullname);
    /* EXEC is refused as an aborted transaction, with the text unprefixed. */
    if (!multi_exec_rejected(c, msg))
        reply_errorf(c, "ERR %s", msg);
    return 1;
}

int pubsub_ping(struct client *c)
{
    if (c->resp != 2 || !pubsub_client_subscribed(c))
        return 0;
    reply_array(c, 2);
    reply_bulk(c, "pong", 4);
    if (c->argc > 1)
        reply_bulk(c, c->argv[1].ptr, c->argv[1].len);
    else
        reply_bulk(c, "", 0);
    return 1;
}
