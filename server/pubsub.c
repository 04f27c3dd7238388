/* pubsub: see pubsub.h. This file keeps the tables, the per-client state,
 * delivery and the RESP2 gate; the command handlers are in pubsub_cmd.c.
 *
 * A table maps a name (channel, pattern or shard channel) to a struct chan
 * holding its subscribers in an array, in subscription order. Each client
 * keeps its own arrays of the chans it subscribed to, also in order. Both
 * sides are arrays rather than hash sets: removal is O(n) in the shorter
 * list, which stays small in practice (a channel with 10k subscribers costs
 * 10k pointer compares per unsubscribe; a hash set per channel would cost
 * far more memory for the usual case of a handful).
 *
 * Delivery encodes a message once into a scratch buffer and copies it to
 * each subscriber's output buffer (only the first byte differs between RESP2
 * '*' and RESP3 '>').
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
    mem_free(e->subs);
    mem_free(e);
}

/* Remove v[i] keeping the order. */
static void vec_remove(void **v, size_t *n, size_t i)
{
    memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof(*v));
    (*n)--;
}

static void vec_push(void ***v, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        *v = mem_realloc(*v, *cap * sizeof(**v));
    }
    (*v)[(*n)++] = p;
}

static long vec_index(void *const *v, size_t n, const void *p)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == p)
            return (long)i;
    return -1;
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
    struct ps_list *l = client_list(c, kind);
    struct ps_chan *e = ps_find(t, name, len);
    if (e) {
        /* Already subscribed? Search the shorter of the two lists. */
        long i = l->n <= e->nsubs ? vec_index((void **)l->v, l->n, e)
                                  : vec_index((void **)e->subs, e->nsubs, c);
        if (i >= 0)
            return 0;
    } else {
        e = table_get(t, name, len);
    }
    vec_push((void ***)&e->subs, &e->nsubs, &e->cap, c);
    vec_push((void ***)&l->v, &l->n, &l->cap, e);
    update_mode(c);
    return 1;
}

/* Remove c from e's subscribers; free e with its last subscriber.
 * O(subscribers of e). */
static void chan_drop(int kind, struct ps_chan *e, struct client *c)
{
    long j = vec_index((void **)e->subs, e->nsubs, c);
    vec_remove((void **)e->subs, &e->nsubs, (size_t)j);
    if (e->nsubs == 0)
        table_del(ps_table_of(kind), e);
}

int ps_unsubscribe(struct client *c, int kind, struct ps_chan *e)
{
    if (!c->ps)
        return 0;
    struct ps_list *l = &c->ps->l[kind];
    long i = vec_index((void **)l->v, l->n, e);
    if (i < 0)
        return 0;
    vec_remove((void **)l->v, &l->n, (size_t)i);
    chan_drop(kind, e, c);
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
    for (long i = 0; i < n; i++) {
        if (fn)
            fn(c, l->v[i], others + n - i - 1, priv);
        chan_drop(kind, l->v[i], c);
    }
    l->n = 0;
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
    return e && vec_index((void **)c->ps->l[PS_CHANNEL].v, c->ps->l[PS_CHANNEL].n, e) >= 0;
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
    for (int k = 0; k < PS_KINDS; k++) {
        ps_unsubscribe_all(c, k, NULL, NULL);
        mem_free(c->ps->l[k].v);
    }
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
    for (size_t i = 0; i < e->nsubs; i++) {
        struct client *c = e->subs[i];
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
