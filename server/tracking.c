/* tracking: see tracking.h. The CLIENT subcommands are in tracking_cmd.c;
 * the structures both share are in tracking_int.h.
 *
 * Data:
 *   - the tracking table: key name -> ids of the clients that read it
 *     (a keytab, every key under database index 0; ids, not pointers, so a
 *     client that left is simply skipped, as in Redis);
 *   - an id -> client map of the clients that ever enabled tracking or are
 *     a redirect target (so sending never scans the client list);
 *   - the prefix table: the BCAST prefixes, sorted by their bytes, each
 *     with its clients and the keys changed under it since the last
 *     broadcast (with the id of the client that changed each, for NOLOOP);
 *   - the pending list: invalidations of the running client's own keys,
 *     sent after its reply.
 *
 * Invariants: a table entry exists only with at least one id; a prefix
 * exists only while a client uses it; c->trk is non-NULL while c is in the
 * id map.
 */
#include "tracking.h"
#include "tracking_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "keytab.h"
#include "mem.h"
#include "pubsub.h"
#include "reply.h"
#include "resp.h"
#include "server.h"

struct tkey {
    struct keytab_node node; /* first: the keytab's head */
    uint64_t *ids;
    uint32_t n, cap;
};

/* The one database index of the tracking table: key names are shared by
 * every database, as in Redis. */
#define TRK_DB 0

/* the tracking table */
static struct keytab tkeys = {.entry_size = sizeof(struct tkey)};
static size_t nitems;         /* ids over all keys */
static unsigned evict_rounds; /* Redis's timeout_counter: effort grows */
/* the id map */
static struct tracking_state **idmap;
static size_t idmap_size, idmap_n;
/* BCAST prefixes */
static struct tprefix **prefixes;
static int nprefixes;
/* own invalidations of the running client: keys, NULL for a flush */
static struct pend *pending;
static size_t npending, pcap;
static long long ntracking; /* clients with tracking on */

/* ---- the id map ---- */

static struct tracking_state **map_slot(uint64_t id)
{
    struct tracking_state **pp = &idmap[(id * 0x9E3779B97F4A7C15ULL) >> 40 & (idmap_size - 1)];
    while (*pp && (*pp)->c->id != id)
        pp = &(*pp)->mnext;
    return pp;
}

static struct client *map_find(uint64_t id)
{
    if (!idmap_size)
        return NULL;
    struct tracking_state *t = *map_slot(id);
    return t ? t->c : NULL;
}

/* c's state, created (and c registered in the map) if needed. */
struct tracking_state *tracking_state_of(struct client *c)
{
    if (c->trk)
        return c->trk;
    if (idmap_n >= idmap_size) {
        size_t nsize = idmap_size ? idmap_size * 2 : 64;
        struct tracking_state **old = idmap;
        size_t osize = idmap_size;
        idmap = mem_calloc(nsize, sizeof(*idmap));
        idmap_size = nsize;
        for (size_t i = 0; i < osize; i++)
            for (struct tracking_state *t = old[i]; t;) {
                struct tracking_state *next = t->mnext;
                struct tracking_state **pp = map_slot(t->c->id);
                t->mnext = *pp;
                *pp = t;
                t = next;
            }
        mem_free(old);
    }
    struct tracking_state *t = mem_calloc(1, sizeof(*t));
    t->c = c;
    struct tracking_state **pp = map_slot(c->id);
    t->mnext = *pp;
    *pp = t;
    idmap_n++;
    c->trk = t;
    return t;
}

/* ---- the tracking table ---- */

/* Remember that client id read key. O(1) average plus O(readers of key). */
static void remember(uint64_t id, const char *key, size_t klen)
{
    struct tkey *k = (struct tkey *)keytab_add(&tkeys, TRK_DB, key, klen, NULL);
    for (uint32_t i = 0; i < k->n; i++)
        if (k->ids[i] == id)
            return;
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 2;
        k->ids = mem_realloc(k->ids, k->cap * sizeof(*k->ids));
    }
    k->ids[k->n++] = id;
    nitems++;
}

/* keytab_clear callback: free a key's ids. */
static void drop_ids(struct keytab_node *n, void *arg)
{
    (void)arg;
    struct tkey *k = (struct tkey *)n;
    nitems -= k->n;
    mem_free(k->ids);
}

static void table_clear(void)
{
    keytab_clear(&tkeys, drop_ids, NULL);
}

/* ---- sending ---- */

enum { PL_KEY, PL_NULL, PL_KEYS };

struct payload {
    int kind;
    const char *key; /* PL_KEY */
    size_t klen;
    struct pend **keys; /* PL_KEYS */
    size_t n;
};

static void write_payload(struct client *dst, const struct client *owner, const struct payload *p)
{
    if (p->kind == PL_KEY) {
        reply_array(dst, 1);
        reply_bulk(dst, p->key, p->klen);
    } else if (p->kind == PL_NULL) {
        /* Redis writes the null in the tracking client's protocol. */
        if (owner->resp >= 3)
            reply_raw(dst, "_\r\n", 3);
        else
            reply_raw(dst, "$-1\r\n", 5);
    } else {
        reply_array(dst, (long long)p->n);
        for (size_t i = 0; i < p->n; i++)
            reply_bulk(dst, p->keys[i]->key, p->keys[i]->klen);
    }
}

/* Send one invalidation for tracking client c: to c itself in RESP3, or to
 * its redirect client (RESP3 push, or RESP2 Pub/Sub message when that
 * client is subscribed). A vanished redirect client marks c broken and, in
 * RESP3, tells c. Nothing is sent to a RESP2 client without redirect. */
static void send_msg(struct client *c, const struct payload *p)
{
    struct tracking_state *t = c->trk;
    struct client *dst = c;
    if (t->redirect) {
        dst = map_find(t->redirect);
        if (!dst || (dst->conn.flags & CONN_CLOSING)) {
            t->flags |= TRK_BROKEN;
            if (c->resp >= 3) {
                reply_push_begin(c, 2);
                reply_bulk(c, "tracking-redir-broken", 21);
                reply_int(c, (long long)t->redirect);
                reply_push_end(c);
            }
            return;
        }
    }
    if (dst->resp >= 3) {
        reply_push_begin(dst, 2);
        reply_bulk(dst, "invalidate", 10);
        write_payload(dst, c, p);
        reply_push_end(dst);
    } else if (t->redirect && pubsub_client_subscribed(dst)) {
        pubsub_message_begin(dst, "__redis__:invalidate", 20);
        write_payload(dst, c, p);
        pubsub_message_end(dst);
    }
}

static void add_pending(const char *key, size_t klen)
{
    if (npending == pcap) {
        pcap = pcap ? pcap * 2 : 8;
        pending = mem_realloc(pending, pcap * sizeof(*pending));
    }
    pending[npending].key = key ? mem_strndup(key, klen) : NULL;
    pending[npending].klen = klen;
    npending++;
}

/* Send the running client's own invalidations (after its reply). */
static void flush_pending(struct client *c)
{
    for (size_t i = 0; i < npending; i++) {
        if (c && c->trk) {
            struct payload p = {.kind = pending[i].key ? PL_KEY : PL_NULL,
                                .key = pending[i].key,
                                .klen = pending[i].klen};
            send_msg(c, &p);
        }
        mem_free(pending[i].key);
    }
    npending = 0;
}

/* ---- invalidation ---- */

/* The key is under prefix p. */
static int has_prefix(const struct tprefix *p, const char *key, size_t klen)
{
    return p->len <= klen && memcmp(p->p, key, p->len) == 0;
}

static void bcast_remember(const char *key, size_t klen)
{
    struct client *cur = server.current_client;
    for (int i = 0; i < nprefixes; i++) {
        struct tprefix *p = prefixes[i];
        if (!has_prefix(p, key, klen))
            continue;
        if (p->nkeys == p->kcap) {
            p->kcap = p->kcap ? p->kcap * 2 : 8;
            p->keys = mem_realloc(p->keys, p->kcap * sizeof(*p->keys));
        }
        struct pend *e = &p->keys[p->nkeys];
        e->key = mem_strndup(key, klen);
        e->klen = klen;
        e->by = cur ? cur->id : 0;
        e->seq = p->nkeys++;
    }
}

/* Invalidate one key: every client that read it (and still tracks, not in
 * BCAST mode) is told, and the key is forgotten. */
static void invalidate(const char *key, size_t klen, int bcast)
{
    if (bcast && nprefixes)
        bcast_remember(key, klen);
    struct tkey *k = (struct tkey *)keytab_find(&tkeys, TRK_DB, key, klen);
    if (!k)
        return;
    /* Forget the key before sending: take its ids and drop it. */
    uint64_t *ids = k->ids;
    uint32_t n = k->n;
    nitems -= n;
    keytab_remove(&tkeys, &k->node);
    struct client *cur = server.current_client;
    for (uint32_t i = 0; i < n; i++) {
        struct client *target = map_find(ids[i]);
        if (!target || !(target->flags & CLIENT_TRACKING) || (target->trk->flags & TRK_BCAST))
            continue;
        if ((target->trk->flags & TRK_NOLOOP) && target == cur)
            continue;
        if (target == cur && (target->flags & CLIENT_IN_CMD)) {
            add_pending(key, klen); /* after its own reply */
            continue;
        }
        struct payload p = {.kind = PL_KEY, .key = key, .klen = klen};
        send_msg(target, &p);
    }
    mem_free(ids);
}

/* FLUSHDB/FLUSHALL: a null invalidation to every tracking client, once per
 * command (FLUSHALL empties each database in turn), and the table is
 * emptied, as Redis does. */
static void invalidate_flush(void)
{
    static long long last_cmd = -1;
    static struct client *last_client;
    struct client *cur = server.current_client;
    if (cur && last_cmd == server.stat_numcommands && last_client == cur)
        return;
    last_cmd = server.stat_numcommands;
    last_client = cur;
    if (ntracking) {
        for (struct client *c = server.clients; c; c = c->next) {
            if (!(c->flags & CLIENT_TRACKING) || (c->conn.flags & CONN_CLOSING))
                continue;
            if (c == cur) {
                add_pending(NULL, 0);
                continue;
            }
            struct payload p = {.kind = PL_NULL};
            send_msg(c, &p);
        }
    }
    table_clear();
}

void tracking_invalidate_key(struct db *db, const char *key, size_t klen)
{
    (void)db; /* the table is per key name, across databases, as Redis */
    if (!ntracking && !keytab_count(&tkeys) && !nprefixes)
        return;
    if (!key)
        invalidate_flush();
    else
        invalidate(key, klen, 1);
}

/* tracking-table-max-keys: invalidate random keys until the table fits,
 * trying at most 100 * (rounds over the limit so far) keys per call. */
static void limit_keys(void)
{
    long long max = server.tracking_table_max_keys;
    if (max <= 0 || keytab_count(&tkeys) <= (size_t)max) {
        evict_rounds = 0;
        return;
    }
    long effort = 100L * (evict_rounds + 1);
    while (effort-- > 0 && keytab_count(&tkeys)) {
        struct keytab_node *k = keytab_pick(&tkeys, (uint64_t)random());
        char buf[256];
        char *key = k->klen <= sizeof(buf) ? buf : mem_alloc(k->klen);
        size_t klen = k->klen;
        memcpy(key, keytab_key(&tkeys, k), klen);
        invalidate(key, klen, 0);
        if (key != buf)
            mem_free(key);
        if (keytab_count(&tkeys) <= (size_t)max) {
            evict_rounds = 0;
            return;
        }
    }
    evict_rounds++;
}

/* Remember the keys of c's read-only command, unless OPTIN without
 * CACHING yes, or OPTOUT with CACHING no. */
static void remember_keys(struct client *c)
{
    struct tracking_state *t = c->trk;
    const struct cmd *cmd = c->cmd;
    if (!(cmd->flags & CMD_READONLY) || (cmd->flags & CMD_PUBSUB))
        return;
    int caching = (t->flags & TRK_CACHING) != 0;
    if (((t->flags & TRK_OPTIN) && !caching) || ((t->flags & TRK_OPTOUT) && caching))
        return;
    int stackpos[16];
    int *pos = c->argc <= 16 ? stackpos : mem_alloc((size_t)c->argc * sizeof(int));
    int n = cmd_get_keys(cmd, c->argc, c->argv, pos, c->argc, NULL);
    if (n > c->argc)
        n = c->argc;
    for (int i = 0; i < n; i++)
        remember(c->id, c->argv[pos[i]].ptr, c->argv[pos[i]].len);
    if (pos != stackpos)
        mem_free(pos);
}

static int is_client_subcommand(const struct cmd *cmd)
{
    return cmd->parent && strcmp(cmd->parent->name, "client") == 0;
}

/* tracking_after_call's work when tracking is in use at all (kept out of
 * line so the common idle check stays a few instructions). */
static __attribute__((noinline)) void after_call(struct client *c)
{
    /* Redis checks the limit once per top-level command, before it runs;
     * here it is after the previous one (the same sequence), and never in
     * the middle of EXEC. */
    if (ntracking && !(c->flags & CLIENT_DENY_BLOCKING))
        limit_keys();
    if ((c->flags & CLIENT_TRACKING) && !(c->trk->flags & TRK_BCAST))
        remember_keys(c);
    if (c->flags & CLIENT_DENY_BLOCKING)
        return; /* inside EXEC: the rest happens after EXEC */
    if (npending && server.current_client == NULL)
        flush_pending(c);
    /* CLIENT CACHING lasts for the next command (or transaction). */
    if (c->trk && !(c->flags & CLIENT_MULTI) && !is_client_subcommand(c->cmd))
        c->trk->flags &= ~TRK_CACHING;
}

void tracking_after_call(struct client *c)
{
    /* The common case: nobody tracks, nothing is pending and c never used
     * tracking (CLIENT_TRACKING implies ntracking > 0): nothing to do. */
    if (ntracking || npending || c->trk)
        after_call(c);
}

/* ---- BCAST ---- */

static int cmp_pend(const void *a, const void *b)
{
    const struct pend *x = a, *y = b;
    size_t n = x->klen < y->klen ? x->klen : y->klen;
    int r = memcmp(x->key, y->key, n);
    if (r)
        return r;
    if (x->klen != y->klen)
        return x->klen < y->klen ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort the prefix's keys, keep one entry per key (the last change). */
static size_t dedupe_keys(struct tprefix *p, struct pend **out)
{
    qsort(p->keys, p->nkeys, sizeof(*p->keys), cmp_pend);
    size_t n = 0;
    for (size_t i = 0; i < p->nkeys; i++) {
        if (i + 1 < p->nkeys && p->keys[i + 1].klen == p->keys[i].klen &&
            memcmp(p->keys[i + 1].key, p->keys[i].key, p->keys[i].klen) == 0)
            continue;
        out[n++] = &p->keys[i];
    }
    return n;
}

static void broadcast_prefix(struct tprefix *p)
{
    struct pend **all = mem_alloc(p->nkeys * sizeof(*all));
    struct pend **mine = mem_alloc(p->nkeys * sizeof(*mine));
    size_t n = dedupe_keys(p, all);
    for (int i = 0; i < p->nclients; i++) {
        struct client *c = p->clients[i];
        struct payload pl = {.kind = PL_KEYS, .keys = all, .n = n};
        if (c->trk->flags & TRK_NOLOOP) {
            size_t m = 0;
            for (size_t j = 0; j < n; j++)
                if (all[j]->by != c->id)
                    mine[m++] = all[j];
            if (!m)
                continue;
            pl.keys = mine;
            pl.n = m;
        }
        send_msg(c, &pl);
    }
    for (size_t i = 0; i < p->nkeys; i++)
        mem_free(p->keys[i].key);
    p->nkeys = 0;
    mem_free(all);
    mem_free(mine);
}

void tracking_before_sleep(void)
{
    for (int i = 0; i < nprefixes; i++)
        if (prefixes[i]->nkeys)
            broadcast_prefix(prefixes[i]);
}

/* ---- enabling and disabling ---- */

/* Index of the prefix equal to (s, len), or -(insertion point) - 1. */
static int prefix_find(const char *s, size_t len)
{
    int lo = 0, hi = nprefixes - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const struct tprefix *p = prefixes[mid];
        size_t n = p->len < len ? p->len : len;
        int r = memcmp(p->p, s, n);
        if (!r)
            r = p->len < len ? -1 : p->len > len;
        if (!r)
            return mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -lo - 1;
}

/* Add c to the clients of prefix (s, len), creating it, and the prefix to
 * c's own sorted list. A no-op if c already has it. */
static void bcast_add(struct client *c, const char *s, size_t len)
{
    int i = prefix_find(s, len);
    struct tprefix *p;
    if (i < 0) {
        i = -i - 1;
        p = mem_calloc(1, sizeof(*p));
        p->p = mem_strndup(s, len);
        p->len = len;
        prefixes = mem_realloc(prefixes, (size_t)(nprefixes + 1) * sizeof(*prefixes));
        memmove(prefixes + i + 1, prefixes + i, (size_t)(nprefixes - i) * sizeof(*prefixes));
        prefixes[i] = p;
        nprefixes++;
    }
    p = prefixes[i];
    struct tracking_state *t = c->trk;
    for (int j = 0; j < t->nprefixes; j++)
        if (t->prefixes[j] == p)
            return;
    if (p->nclients == p->ccap) {
        p->ccap = p->ccap ? p->ccap * 2 : 4;
        p->clients = mem_realloc(p->clients, (size_t)p->ccap * sizeof(*p->clients));
    }
    p->clients[p->nclients++] = c;
    int j = t->nprefixes;
    t->prefixes = mem_realloc(t->prefixes, (size_t)(j + 1) * sizeof(*t->prefixes));
    while (j > 0 && prefix_find(t->prefixes[j - 1]->p, t->prefixes[j - 1]->len) > i)
        j--;
    memmove(t->prefixes + j + 1, t->prefixes + j, (size_t)(t->nprefixes - j) * sizeof(p));
    t->prefixes[j] = p;
    t->nprefixes++;
}

/* Take c off every prefix it uses; prefixes left without clients go. */
static void bcast_remove_all(struct client *c)
{
    struct tracking_state *t = c->trk;
    for (int j = 0; j < t->nprefixes; j++) {
        struct tprefix *p = t->prefixes[j];
        for (int k = 0; k < p->nclients; k++)
            if (p->clients[k] == c) {
                memmove(p->clients + k, p->clients + k + 1,
                        (size_t)(p->nclients - k - 1) * sizeof(*p->clients));
                p->nclients--;
                break;
            }
        if (p->nclients)
            continue;
        int i = prefix_find(p->p, p->len);
        memmove(prefixes + i, prefixes + i + 1, (size_t)(nprefixes - i - 1) * sizeof(*prefixes));
        nprefixes--;
        for (size_t k = 0; k < p->nkeys; k++)
            mem_free(p->keys[k].key);
        mem_free(p->keys);
        mem_free(p->clients);
        mem_free(p->p);
        mem_free(p);
    }
    mem_free(t->prefixes);
    t->prefixes = NULL;
    t->nprefixes = 0;
}

void tracking_disable(struct client *c)
{
    if (!(c->flags & CLIENT_TRACKING))
        return;
    if (c->trk->flags & TRK_BCAST)
        bcast_remove_all(c);
    c->flags &= ~CLIENT_TRACKING;
    c->trk->flags = 0;
    ntracking--;
}

void tracking_client_gone(struct client *c)
{
    if (!c->trk)
        return;
    tracking_disable(c);
    struct tracking_state **pp = map_slot(c->id);
    if (*pp)
        *pp = (*pp)->mnext;
    idmap_n--;
    mem_free(c->trk);
    c->trk = NULL;
    if (server.current_client == c)
        flush_pending(NULL); /* nobody left to tell: just free them */
}

void tracking_reset(struct client *c)
{
    if (c->trk)
        tracking_disable(c);
}

int tracking_client_flags(const struct client *c, char *out)
{
    int n = 0;
    if (!(c->flags & CLIENT_TRACKING))
        return 0;
    out[n++] = 't';
    if (c->trk->flags & TRK_BROKEN)
        out[n++] = 'R';
    if (c->trk->flags & TRK_BCAST)
        out[n++] = 'B';
    return n;
}

long long tracking_redirect(const struct client *c)
{
    return (c->flags & CLIENT_TRACKING) ? (long long)c->trk->redirect : -1;
}

void tracking_info(long long *clients, long long *keys, long long *items, long long *nprefix)
{
    *clients = ntracking;
    *keys = (long long)keytab_count(&tkeys);
    *items = (long long)nitems;
    *nprefix = nprefixes;
}

/* Turn tracking on for c (see tracking_int.h). */
void tracking_enable(struct client *c, long long redir, unsigned flags, const int *pidx, int np)
{
    struct tracking_state *t = tracking_state_of(c);
    if (!(c->flags & CLIENT_TRACKING))
        ntracking++;
    c->flags |= CLIENT_TRACKING;
    t->flags &= TRK_CACHING; /* as Redis: the other mode flags are reset */
    t->redirect = (uint64_t)redir;
    if (redir)
        tracking_state_of(client_by_id((uint64_t)redir)); /* findable when sending */
    if (flags & TRK_BCAST) {
        t->flags |= TRK_BCAST;
        if (!np)
            bcast_add(c, "", 0);
        for (int j = 0; j < np; j++)
            bcast_add(c, c->argv[pidx[j]].ptr, c->argv[pidx[j]].len);
    }
    t->flags |= flags & (TRK_OPTIN | TRK_OPTOUT | TRK_NOLOOP);
}
