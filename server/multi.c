/* multi: see multi.h.
 *
 * Data: a client in MULTI or WATCHing has a struct multi_state (c->mst):
 * its queue of commands (each a private copy of its arguments, since the
 * query buffer moves) and its list of watchers. Every watched (db, key)
 * has one struct wkey, a node of a keytab keyed by database index and key,
 * holding the list of watchers (one per client). So a write touches
 * only the clients watching that key: O(1) when nobody watches it.
 *
 * Invariants: a wkey exists only while it has watchers; a watcher is on
 * exactly one wkey's list and on its client's list; a dirty client (its
 * EXEC will fail) watches nothing, as Redis drops its watches at once.
 */
#include "multi.h"

#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "keytab.h"
#include "mem.h"
#include "reply.h"
#include "resp.h"
#include "server.h"

struct wkey;

struct watcher {
    struct client *c;
    struct wkey *k;
    struct watcher *kprev, *knext; /* the wkey's list */
    struct watcher *cnext;         /* the client's list */
    int expired;                   /* the key was already expired at WATCH */
};

struct wkey {
    struct keytab_node node; /* first: the keytab's head */
    struct watcher *head;
};

struct mcmd {
    struct cmd *cmd;
    int argc;
    struct resp_arg *argv; /* one block: argv[argc] then the bytes */
};

struct multi_state {
    struct mcmd *q;
    int n, cap;
    uint64_t flags; /* OR of the queued commands' flags */
    size_t mem;     /* Redis's multi-mem: argument bytes + 8 per argument */
    int dirty_cas;  /* a watched key changed: EXEC replies null */
    int dirty_exec; /* a queued command was refused: EXECABORT */
    struct watcher *watched;
};

static struct keytab wkeys = {.entry_size = sizeof(struct wkey)};

static const char *wkey_key(const struct wkey *k)
{
    return keytab_key(&wkeys, &k->node);
}

/* The database of k (db pointers are fixed; SWAPDB swaps contents). */
static struct db *wkey_db(const struct wkey *k)
{
    return server.db[k->node.db];
}

static struct multi_state *state(struct client *c)
{
    if (!c->mst)
        c->mst = mem_calloc(1, sizeof(*c->mst));
    return c->mst;
}

/* Raw presence of key in db (an expired key not yet removed counts), and
 * whether it is logically expired. Returns 0 absent, 1 live, 2 expired. */
static int key_status(struct db *db, const char *key, size_t klen)
{
    struct kv *e = db_lookup(db, key, klen, DB_LOOKUP_RAW | DB_LOOKUP_NOTOUCH);
    if (!e)
        return 0;
    long long t = kv_expire(e);
    return (t >= 0 && db_clock_ms > t) ? 2 : 1;
}

/* Watch key in c's current db (a no-op if already watched). O(watched by c). */
static void watch_key(struct client *c, const char *key, size_t klen)
{
    struct multi_state *st = state(c);
    int created;
    struct wkey *k = (struct wkey *)keytab_add(&wkeys, db_id(c->db), key, klen, &created);
    for (struct watcher *w = st->watched; !created && w; w = w->cnext)
        if (w->k == k)
            return;
    struct watcher *w = mem_alloc(sizeof(*w));
    w->c = c;
    w->k = k;
    w->kprev = NULL;
    w->knext = k->head;
    if (k->head)
        k->head->kprev = w;
    k->head = w;
    w->cnext = st->watched;
    st->watched = w;
    w->expired = key_status(c->db, key, klen) == 2;
}

/* Drop every watch of c. O(keys watched by c). */
static void unwatch_all(struct client *c)
{
    if (!c->mst)
        return;
    struct watcher *w = c->mst->watched;
    c->mst->watched = NULL;
    while (w) {
        struct watcher *next = w->cnext;
        struct wkey *k = w->k;
        if (w->kprev)
            w->kprev->knext = w->knext;
        else
            k->head = w->knext;
        if (w->knext)
            w->knext->kprev = w->kprev;
        if (!k->head)
            keytab_remove(&wkeys, &k->node);
        mem_free(w);
        w = next;
    }
}

static void set_dirty(struct client *c)
{
    c->mst->dirty_cas = 1;
    unwatch_all(c);
}

/* Mark dirty every client in list[0..n) (a client may appear twice). */
static void dirty_clients(struct client **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!list[i]->mst->dirty_cas)
            set_dirty(list[i]);
}

void multi_touch_key(struct db *db, const char *key, size_t klen)
{
    if (!keytab_count(&wkeys))
        return;
    if (!key) {
        /* FLUSHDB / FLUSHALL: applied as a swap with nothing. */
        multi_touch_swap(db, NULL);
        return;
    }
    struct wkey *k = (struct wkey *)keytab_find(&wkeys, db_id(db), key, klen);
    if (!k)
        return;
    /* Collect first: dirtying a client unwatches it, which may free k. */
    size_t n = 0, cap = 8;
    struct client *stack[8], **list = stack;
    int present = -1;
    for (struct watcher *w = k->head; w; w = w->knext) {
        if (w->expired) {
            /* Watched while already expired: its deletion is no change. */
            if (present < 0)
                present = key_status(db, key, klen) != 0;
            if (!present) {
                w->expired = 0;
                continue;
            }
        }
        if (n == cap) {
            struct client **nl = mem_alloc(cap * 2 * sizeof(*nl));
            memcpy(nl, list, n * sizeof(*nl));
            if (list != stack)
                mem_free(list);
            list = nl;
            cap *= 2;
        }
        list[n++] = w->c;
    }
    dirty_clients(list, n);
    if (list != stack)
        mem_free(list);
}

/* Decide for one watcher of a key in a database being emptied (and, for
 * SWAPDB, replaced by other): 1 if its client must fail, else 0 (possibly
 * updating its expired mark), as Redis 7.0's touchAllWatchedKeysInDb. */
static int swap_hits(struct watcher *w, int in_emptied, int in_other)
{
    if (!in_emptied && !in_other)
        return 0;
    if (w->expired) {
        if (!in_other) {
            w->expired = 0; /* an expired key removed: no logical change */
            return 0;
        }
        if (in_other == 2)
            return 0; /* still an expired key */
    } else if (!in_emptied && in_other == 2) {
        w->expired = 1; /* nothing replaced by an already expired key */
        return 0;
    }
    return 1;
}

struct collect {
    int dbid;
    struct db *db, *other; /* emptied, and its replacement (or NULL) */
    struct client **list;  /* the clients hit, grown as needed */
    size_t n, cap;
};

/* keytab_foreach callback: append to cx->list the watchers of node n, if n
 * is in the database being emptied and the change hits them. */
static void collect_key(struct keytab_node *n, void *arg)
{
    struct collect *cx = arg;
    if (n->db != cx->dbid)
        return;
    struct wkey *k = (struct wkey *)n;
    int in_emptied = key_status(cx->db, wkey_key(k), n->klen);
    int in_other = cx->other ? key_status(cx->other, wkey_key(k), n->klen) : 0;
    for (struct watcher *w = k->head; w; w = w->knext) {
        if (!swap_hits(w, in_emptied, in_other))
            continue;
        if (cx->n == cx->cap) {
            cx->cap = cx->cap ? cx->cap * 2 : 16;
            cx->list = mem_realloc(cx->list, cx->cap * sizeof(*cx->list));
        }
        cx->list[cx->n++] = w->c;
    }
}

/* The watchers of db whose keys are hit when db is emptied and replaced by
 * other (NULL: by nothing), appended to cx->list. O(keys watched). */
static void collect_db(struct collect *cx, struct db *db, struct db *other)
{
    cx->dbid = db_id(db);
    cx->db = db;
    cx->other = other;
    keytab_foreach(&wkeys, collect_key, cx);
}

void multi_touch_swap(struct db *a, struct db *b)
{
    if (!keytab_count(&wkeys))
        return;
    struct collect cx = {0};
    collect_db(&cx, a, b);
    if (b)
        collect_db(&cx, b, a);
    dirty_clients(cx.list, cx.n);
    mem_free(cx.list);
}

/* ---- the queue ---- */

static void free_queue(struct multi_state *st)
{
    for (int i = 0; i < st->n; i++)
        mem_free(st->q[i].argv);
    mem_free(st->q);
    st->q = NULL;
    st->n = st->cap = 0;
    st->flags = 0;
    st->mem = 0;
}

/* Copy c's current command to the end of its queue. O(bytes of argv). */
static void enqueue(struct client *c)
{
    struct multi_state *st = c->mst;
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 4;
        st->q = mem_realloc(st->q, (size_t)st->cap * sizeof(*st->q));
    }
    size_t bytes = 0;
    for (int i = 0; i < c->argc; i++)
        bytes += c->argv[i].len + 1;
    struct resp_arg *argv = mem_alloc((size_t)c->argc * sizeof(*argv) + bytes);
    char *p = (char *)(argv + c->argc);
    for (int i = 0; i < c->argc; i++) {
        memcpy(p, c->argv[i].ptr, c->argv[i].len);
        p[c->argv[i].len] = '\0';
        argv[i].ptr = p;
        argv[i].len = c->argv[i].len;
        p += c->argv[i].len + 1;
        st->mem += c->argv[i].len + sizeof(void *);
    }
    st->q[st->n].cmd = c->cmd;
    st->q[st->n].argc = c->argc;
    st->q[st->n].argv = argv;
    st->n++;
    st->flags |= c->cmd->flags;
}

/* Leave MULTI: drop the queue, the error marks and every watch. */
static void discard(struct client *c)
{
    c->flags &= ~CLIENT_MULTI;
    if (!c->mst)
        return;
    free_queue(c->mst);
    c->mst->dirty_cas = c->mst->dirty_exec = 0;
    unwatch_all(c);
}

int multi_gate(struct client *c)
{
    if (!(c->flags & CLIENT_MULTI))
        return 0;
    struct cmd *cmd = c->cmd;
    if (cmd->flags & CMD_NO_MULTI) {
        cmd->rejected_calls++;
        multi_flag_error(c);
        reply_error(c, "ERR Command not allowed inside a transaction");
        return 1;
    }
    cmd_proc *p = cmd->proc;
    if (p == cmd_exec || p == cmd_discard || p == cmd_multi || p == cmd_watch || p == cmd_quit ||
        p == cmd_reset)
        return 0;
    c->last_cmd = cmd; /* CLIENT LIST shows the queued command, as Redis */
    /* An aborted transaction keeps nothing more, as Redis does. */
    if (!c->mst->dirty_cas && !c->mst->dirty_exec)
        enqueue(c);
    reply_status(c, "QUEUED");
    return 1;
}

void multi_flag_error(struct client *c)
{
    if (c->flags & CLIENT_MULTI)
        c->mst->dirty_exec = 1;
}

int multi_exec_rejected(struct client *c, const char *why)
{
    if (!c->cmd || c->cmd->proc != cmd_exec)
        return 0;
    discard(c);
    reply_errorf(c, "EXECABORT Transaction discarded because of: %s", why);
    return 1;
}

uint64_t multi_effective_flags(const struct client *c, const struct cmd *cmd)
{
    uint64_t f = cmd->flags;
    if (cmd->proc == cmd_exec && (c->flags & CLIENT_MULTI))
        f |= c->mst->flags;
    return f;
}

long multi_count(const struct client *c)
{
    return (c->flags & CLIENT_MULTI) ? c->mst->n : -1;
}

size_t multi_mem(const struct client *c)
{
    return c->mst ? c->mst->mem : 0;
}

int multi_dirty(const struct client *c)
{
    return c->mst && c->mst->dirty_cas;
}

void multi_reset(struct client *c)
{
    discard(c);
    if (c->mst) {
        mem_free(c->mst);
        c->mst = NULL;
    }
}

/* ---- commands ---- */

void cmd_multi(struct client *c)
{
    if (c->flags & CLIENT_MULTI) {
        reply_error(c, "ERR MULTI calls can not be nested");
        return;
    }
    state(c);
    c->flags |= CLIENT_MULTI;
    reply_ok(c);
}

void cmd_discard(struct client *c)
{
    if (!(c->flags & CLIENT_MULTI)) {
        reply_error(c, "ERR DISCARD without MULTI");
        return;
    }
    discard(c);
    reply_ok(c);
}

/* A watched key that was live at WATCH and has expired since (even if not
 * yet removed) fails EXEC, as in Redis 7.0. */
static int watched_key_expired(struct client *c)
{
    for (struct watcher *w = c->mst->watched; w; w = w->cnext)
        if (!w->expired && key_status(wkey_db(w->k), wkey_key(w->k), w->k->node.klen) == 2)
            return 1;
    return 0;
}

/* Run the queue: each command through cmd_call (stats, propagation,
 * tracking), blocking commands replying as on timeout. The queue is
 * detached first, so the commands cannot disturb it. */
static void run_queue(struct client *c)
{
    struct multi_state *st = c->mst;
    struct mcmd *q = st->q;
    int n = st->n;
    int argc = c->argc;
    struct resp_arg *argv = c->argv;
    struct cmd *self = c->cmd;
    unsigned deny = c->flags & CLIENT_DENY_BLOCKING;
    c->flags |= CLIENT_DENY_BLOCKING;
    c->last_cmd = self;
    reply_array(c, n);
    for (int i = 0; i < n; i++) {
        c->argc = q[i].argc;
        c->argv = q[i].argv;
        c->cmd = q[i].cmd;
        cmd_call(c);
        c->last_cmd = self; /* CLIENT LIST shows cmd=exec meanwhile */
    }
    c->flags = (c->flags & ~CLIENT_DENY_BLOCKING) | deny;
    c->argc = argc;
    c->argv = argv;
    c->cmd = self;
}

void cmd_exec(struct client *c)
{
    if (!(c->flags & CLIENT_MULTI)) {
        reply_error(c, "ERR EXEC without MULTI");
        return;
    }
    struct multi_state *st = c->mst;
    if (!st->dirty_cas && watched_key_expired(c))
        set_dirty(c);
    if (st->dirty_exec || st->dirty_cas) {
        if (st->dirty_exec)
            reply_error(c, "EXECABORT Transaction discarded because of previous errors.");
        else
            reply_null_array(c);
        discard(c);
        return;
    }
    unwatch_all(c);
    run_queue(c);
    discard(c);
}

void cmd_watch(struct client *c)
{
    if (c->flags & CLIENT_MULTI) {
        reply_error(c, "ERR WATCH inside MULTI is not allowed");
        return;
    }
    if (!multi_dirty(c))
        for (int i = 1; i < c->argc; i++)
            watch_key(c, c->argv[i].ptr, c->argv[i].len);
    reply_ok(c);
}

void cmd_unwatch(struct client *c)
{
    unwatch_all(c);
    if (c->mst)
        c->mst->dirty_cas = 0;
    reply_ok(c);
}
