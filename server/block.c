/* block: see block.h.
 *
 * Data: every key somebody waits on has a struct bkey (a node of a keytab,
 * keyed by database index and key) holding a FIFO of waiters. A blocked
 * client has a struct block_state listing its waiters (one per distinct
 * key), its timer and its flags. Signalling a key puts its bkey on the
 * ready list once; serving walks that list.
 *
 * Invariants: a bkey exists only while it has waiters or is being served
 * (busy); a waiter is on exactly one bkey's FIFO; c->blk is non-NULL exactly
 * while c is blocked.
 */
#include "block.h"

#include "client.h"
#include "db.h"
#include "ev.h"
#include "keytab.h"
#include "mem.h"
#include "reply.h"
#include "resp.h"
#include "util.h"
#include "server.h"

struct bkey;

struct waiter {
    uint64_t seq; /* unique: tells a served waiter from its successor */
    struct client *c;
    struct bkey *k;
    struct waiter *prev, *next; /* FIFO of k */
};

struct bkey {
    struct keytab_node node; /* first: the keytab's head */
    struct bkey *rnext;      /* ready list */
    struct waiter *head, *tail;
    int ready, busy;
};

struct block_state {
    struct waiter *w;
    int nw;
    long long timer;   /* 0 if none */
    int timed_out;     /* the re-run is for the timeout */
    int blocked_again; /* the handler called block_on_keys in this run */
};

static struct keytab bkeys = {.entry_size = sizeof(struct bkey)};
static struct bkey *ready_head, *ready_tail;
static size_t nblocked, nwith_timeout;
static int serving;
static uint64_t next_seq = 1;

/* Free k if nobody waits on it and nobody is walking it. */
static void bkey_release(struct bkey *k)
{
    if (k->head || k->busy || k->ready)
        return;
    keytab_remove(&bkeys, &k->node);
}

/* Drop every registration of c (it was served, timed out, or left). */
static void unregister(struct client *c)
{
    struct block_state *b = c->blk;
    if (!b)
        return;
    for (int i = 0; i < b->nw; i++) {
        struct waiter *w = &b->w[i];
        struct bkey *k = w->k;
        if (w->prev)
            w->prev->next = w->next;
        else
            k->head = w->next;
        if (w->next)
            w->next->prev = w->prev;
        else
            k->tail = w->prev;
        bkey_release(k);
    }
    if (b->timer) {
        ev_timer_del(server.loop, b->timer);
        nwith_timeout--;
    }
    mem_free(b->w);
    mem_free(b);
    c->blk = NULL;
    nblocked--;
}

/* Run c's held command again (it is still first in its query buffer). */
static void rerun(struct client *c)
{
    if (c->conn.flags & CONN_CLOSING) {
        unregister(c);
        return;
    }
    client_resume(c);
}

static long long on_timeout(struct ev_loop *loop, long long id, void *arg)
{
    (void)loop;
    (void)id;
    struct client *c = arg;
    if (c->blk) {
        c->blk->timer = 0;
        nwith_timeout--;
        c->blk->timed_out = 1;
        rerun(c);
    }
    return -1;
}

void block_on_keys(struct client *c, const struct resp_arg *keys, int nkeys, long long timeout_ms)
{
    if (c->blk) {
        /* Re-run and still nothing: keep the place in line and the deadline. */
        c->blk->blocked_again = 1;
        c->blk->timed_out = 0;
        return;
    }
    struct block_state *b = mem_calloc(1, sizeof(*b));
    b->w = mem_calloc((size_t)nkeys, sizeof(*b->w));
    for (int i = 0; i < nkeys; i++) {
        struct bkey *k =
            (struct bkey *)keytab_add(&bkeys, db_id(c->db), keys[i].ptr, keys[i].len, NULL);
        int dup = 0;
        for (int j = 0; j < b->nw; j++)
            dup |= b->w[j].k == k;
        if (dup)
            continue;
        struct waiter *w = &b->w[b->nw++];
        w->seq = next_seq++;
        w->c = c;
        w->k = k;
        w->prev = k->tail;
        if (k->tail)
            k->tail->next = w;
        else
            k->head = w;
        k->tail = w;
    }
    if (timeout_ms > 0) {
        b->timer = ev_timer_add(server.loop, timeout_ms, on_timeout, c);
        nwith_timeout++;
    }
    b->blocked_again = 1;
    c->blk = b;
    nblocked++;
}

int block_timed_out(const struct client *c)
{
    /* Inside EXEC nothing may block: reply as on a timeout (Redis's
     * CLIENT_DENY_BLOCKING). */
    if (c->flags & CLIENT_DENY_BLOCKING)
        return 1;
    return c->blk && c->blk->timed_out;
}

int block_is_blocked(const struct client *c)
{
    return c->blk != NULL;
}

int block_skip_wrong_type(const struct client *c, struct db *db, const struct resp_arg *key,
                          int want)
{
    if (!c->blk)
        return 0;
    struct kv *e = db_lookup(db, key->ptr, key->len, DB_LOOKUP_NOTOUCH);
    return e && kv_type(e) != want;
}

int block_after_command(struct client *c)
{
    if (!c->blk)
        return 0;
    if (c->blk->blocked_again) {
        c->blk->blocked_again = 0;
        return 1;
    }
    unregister(c);
    return 0;
}

int block_is_pending(const struct client *c)
{
    return c->blk && c->blk->blocked_again;
}

void block_signal_key(struct db *db, const char *key, size_t klen)
{
    if (nblocked == 0)
        return; /* the common case: nobody waits, no hashing */
    struct bkey *k = (struct bkey *)keytab_find(&bkeys, db_id(db), key, klen);
    if (!k || k->ready || !k->head)
        return;
    k->ready = 1;
    k->rnext = NULL;
    if (ready_tail)
        ready_tail->rnext = k;
    else
        ready_head = k;
    ready_tail = k;
}

int block_have_ready(void)
{
    return ready_head != NULL;
}

/* Offer key k to its waiters in arrival order until one of them finds
 * nothing (the key is drained for now). */
static void serve_key(struct bkey *k)
{
    k->busy++;
    while (k->head) {
        uint64_t seq = k->head->seq;
        rerun(k->head->c);
        /* The same waiter still first: it found nothing, so the key has
         * nothing left for now. Otherwise it was served (or dropped) and
         * left the FIFO, possibly blocking anew at the back. */
        if (k->head && k->head->seq == seq)
            break;
    }
    k->busy--;
    bkey_release(k);
}

void block_serve_ready(void)
{
    if (serving)
        return;
    serving = 1;
    while (ready_head) {
        struct bkey *k = ready_head;
        ready_head = k->rnext;
        if (!ready_head)
            ready_tail = NULL;
        k->ready = 0;
        serve_key(k);
    }
    serving = 0;
}

int block_unblock(struct client *c, int as_error)
{
    if (!c->blk)
        return 0;
    if (as_error) {
        c->flags |= CLIENT_UNBLOCK_ERR;
    } else {
        c->blk->timed_out = 1;
    }
    rerun(c);
    return 1;
}

void block_client_gone(struct client *c)
{
    unregister(c);
}

size_t block_count(void)
{
    return nblocked;
}

size_t block_count_with_timeout(void)
{
    return nwith_timeout;
}

int block_parse_timeout(struct client *c, const struct resp_arg *a, long long *ms)
{
    long double secs;
    if (!util_str2ld(a->ptr, a->len, &secs)) {
        reply_error(c, "ERR timeout is not a float or out of range");
        return -1;
    }
    long double v = secs * 1000.0L;
    /* Out of long long range: Redis's conversion gives LLONG_MIN there. */
    long long t = (v < 9.2233720368547758e18L && v > -9.2233720368547758e18L)
                      ? (long long)v
                      : (-0x7fffffffffffffffLL - 1);
    if (t < 0) {
        reply_error(c, "ERR timeout is negative");
        return -1;
    }
    /* Longer than a century is forever in practice; keeps timer maths safe. */
    if (t > 3153600000000LL)
        t = 3153600000000LL;
    *ms = t;
    return 0;
}
