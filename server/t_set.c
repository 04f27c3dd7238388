/* t_set: the set type: its encodings and conversion, and the single-key
 * commands (SADD SREM SCARD SISMEMBER SMISMEMBER SMOVE SPOP SRANDMEMBER
 * SSCAN). The multi-key algebra is in t_set_ops.c (shared: t_set_int.h).
 *
 * Encodings, as Redis 7.0: a new set is an intset when its first member is
 * a canonical integer (Redis's string2ll rule), else a hashtable. An intset
 * becomes a hashtable when a non-integer is added or when it grows past
 * set-max-intset-entries; a hashtable never goes back.
 *
 * Representation: the keyspace stores one pointer per value and the type
 * ops (free/dup/mem) see only that pointer, so the pointer carries the
 * encoding in its low bit: set for an intset, clear for an sdict. An sdict
 * is mem_alloc'd (16-byte aligned) and an intset is a slab block (4-byte
 * aligned) until it outgrows SLAB_MAX, so the bit is always free. kv_enc()
 * is kept in step for OBJECT ENCODING.
 *
 * Invariants: no empty set is ever left in the keyspace (the last removal
 * deletes the key); every handler replies exactly once; entries from a
 * lookup are not used after a db write or another lookup, but the set
 * object they point to stays valid until the key is written.
 *
 * Must not know: other types' internals, connections.
 */
#include "t_set_int.h"

#include <stdint.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "dict.h"
#include "glob.h"
#include "intset.h"
#include "mem.h"
#include "notify.h"
#include "propagate.h"
#include "reply.h"
#include "sdict.h"
#include "server.h"
#include "t_string.h"
#include "util.h"

/* ---- the set object ---- */

/* The object behind a tagged keyspace pointer. */
static struct tset_obj tset_of(void *tagged)
{
    struct tset_obj s;
    if ((uintptr_t)tagged & 1) {
        s.enc = KV_ENC_INTSET;
        s.is = (struct intset *)((uintptr_t)tagged & ~(uintptr_t)1);
        s.d = NULL;
    } else {
        s.enc = KV_ENC_HASHTABLE;
        s.is = NULL;
        s.d = tagged;
    }
    return s;
}

/* The tagged pointer the keyspace stores for s. */
void *tset_tagged(const struct tset_obj *s)
{
    if (s->enc == KV_ENC_INTSET)
        return (void *)((uintptr_t)s->is | 1);
    return s->d;
}

/* An empty set in the encoding Redis picks for a first member p. */
static struct tset_obj tset_new_for(const char *p, size_t len)
{
    struct tset_obj s = {KV_ENC_INTSET, NULL, NULL};
    long long v;
    if (util_str2ll(p, len, &v)) {
        s.is = intset_new();
    } else {
        s.enc = KV_ENC_HASHTABLE;
        s.d = sdict_new();
    }
    return s;
}

void tset_free(struct tset_obj *s)
{
    if (s->enc == KV_ENC_INTSET)
        intset_free(s->is);
    else
        sdict_free(s->d);
    s->is = NULL;
    s->d = NULL;
}

size_t tset_card(const struct tset_obj *s)
{
    return s->enc == KV_ENC_INTSET ? intset_len(s->is) : sdict_size(s->d);
}

/* Turn an intset into a hashtable holding the same members. O(N). */
static void to_hashtable(struct tset_obj *s)
{
    struct sdict *d = sdict_new();
    char buf[32];
    for (size_t i = 0; i < intset_len(s->is); i++) {
        int created;
        size_t n = util_ll2str(buf, intset_get(s->is, i));
        sdict_add(d, buf, n, &created);
    }
    intset_free(s->is);
    s->is = NULL;
    s->d = d;
    s->enc = KV_ENC_HASHTABLE;
}

/* Add member p (copied); converts to a hashtable when p is not an integer
 * or the intset outgrows set-max-intset-entries. Returns 1 if new. */
int tset_add(struct tset_obj *s, const char *p, size_t len)
{
    if (s->enc == KV_ENC_INTSET) {
        long long v;
        if (util_str2ll(p, len, &v)) {
            if (!intset_add(&s->is, v))
                return 0;
            if ((long long)intset_len(s->is) > server.set_max_intset_entries)
                to_hashtable(s);
            return 1;
        }
        to_hashtable(s);
    }
    int created;
    sdict_add(s->d, p, len, &created);
    return created;
}

static int tset_remove(struct tset_obj *s, const char *p, size_t len)
{
    if (s->enc == KV_ENC_INTSET) {
        long long v;
        return util_str2ll(p, len, &v) && intset_remove(&s->is, v);
    }
    return sdict_delete(s->d, p, len);
}

/* Membership of p / of m. O(1) hashtable, O(log N) intset. */
static int tset_has(const struct tset_obj *s, const char *p, size_t len)
{
    if (s->enc == KV_ENC_INTSET) {
        long long v;
        return util_str2ll(p, len, &v) && intset_find(s->is, v);
    }
    return sdict_find(s->d, p, len) != NULL;
}

int tset_has_elem(const struct tset_obj *s, const struct tset_elem *m)
{
    if (s->enc == KV_ENC_INTSET && m->is_int)
        return intset_find(s->is, m->v);
    return tset_has(s, m->p, m->len);
}

static void selem_int(struct tset_elem *m, int64_t v)
{
    m->is_int = 1;
    m->v = v;
    m->len = util_ll2str(m->buf, v);
    m->p = m->buf;
}

static void selem_entry(struct tset_elem *m, const struct sdict_entry *e)
{
    m->is_int = 0;
    m->p = e->key;
    m->len = e->klen;
}

struct foreach_ctx {
    void (*fn)(void *priv, const struct tset_elem *m);
    void *priv;
};

static void foreach_cb(void *priv, struct sdict_entry *e)
{
    struct foreach_ctx *x = priv;
    struct tset_elem m;
    selem_entry(&m, e);
    x->fn(x->priv, &m);
}

/* Call fn on every member: ascending for an intset, table order otherwise.
 * fn must not change s. O(N). */
void tset_each(const struct tset_obj *s, void (*fn)(void *priv, const struct tset_elem *m),
               void *priv)
{
    if (s->enc == KV_ENC_INTSET) {
        struct tset_elem m;
        for (size_t i = 0; i < intset_len(s->is); i++) {
            selem_int(&m, intset_get(s->is, i));
            fn(priv, &m);
        }
        return;
    }
    struct foreach_ctx x = {fn, priv};
    sdict_foreach(s->d, foreach_cb, &x);
}

static void tset_random(const struct tset_obj *s, struct tset_elem *m)
{
    if (s->enc == KV_ENC_INTSET)
        selem_int(m, intset_random(s->is));
    else {
        sdict_read_step(s->d);
        selem_entry(m, sdict_random(s->d));
    }
}

/* ---- keyspace type ops ---- */

static void ops_free(void *ptr)
{
    struct tset_obj s = tset_of(ptr);
    tset_free(&s);
}

static void *ops_dup(const void *ptr)
{
    struct tset_obj s = tset_of((void *)ptr);
    if (s.enc == KV_ENC_INTSET)
        s.is = intset_dup(s.is);
    else
        s.d = sdict_dup(s.d);
    return tset_tagged(&s);
}

static size_t ops_mem(const void *ptr)
{
    struct tset_obj s = tset_of((void *)ptr);
    return s.enc == KV_ENC_INTSET ? intset_mem(s.is) : sdict_mem(s.d);
}

void t_set_init(void)
{
    static const struct kv_type_ops ops = {ops_free, ops_dup, ops_mem};
    kv_register_type(KV_SET, &ops);
}

size_t tset_size(const struct kv *e)
{
    struct tset_obj s = tset_of(kv_ptr(e));
    return tset_card(&s);
}

struct str_ctx {
    void (*fn)(void *priv, const char *p, size_t len);
    void *priv;
};

static void str_cb(void *priv, const struct tset_elem *m)
{
    struct str_ctx *x = priv;
    x->fn(x->priv, m->p, m->len);
}

void tset_foreach(const struct kv *e, void (*fn)(void *priv, const char *p, size_t len), void *priv)
{
    struct tset_obj s = tset_of(kv_ptr(e));
    struct str_ctx x = {fn, priv};
    tset_each(&s, str_cb, &x);
}

/* ---- lookups and write-back ---- */

/* Look key up (write: no hit/miss statistics). Returns 1 with *out set, 0
 * if absent, or -1 after replying WRONGTYPE. */
int tset_lookup(struct client *c, const struct resp_arg *key, int write, struct tset_obj *out)
{
    struct kv *e = write ? db_lookup(c->db, key->ptr, key->len, 0) : tstr_lookup_read(c, key);
    if (!e)
        return 0;
    if (kv_type(e) != KV_SET) {
        reply_error_wrongtype(c);
        return -1;
    }
    *out = tset_of(kv_ptr(e));
    return 1;
}

/* Store s back as key's value after an in-place change (the object may have
 * moved or changed encoding). An empty set deletes the key (the caller
 * fires the events): returns 1 then. key must hold a set. O(1). */
static int write_back(struct client *c, const struct resp_arg *key, struct tset_obj *s)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, DB_LOOKUP_NOTOUCH);
    kv_set_ptr(e, tset_tagged(s));
    kv_set_enc(e, s->enc);
    if (tset_card(s) > 0)
        return 0;
    db_delete_entry(c->db, e); /* frees s through the type ops */
    s->is = NULL;
    s->d = NULL;
    return 1;
}

/* ---- commands ---- */

/* SADD key member [member ...]: how many were new. Amortised O(1) each for
 * a hashtable, O(N) each for an intset (bounded by its size limit). */
void cmd_sadd(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct tset_obj s;
    int r = tset_lookup(c, key, 1, &s);
    if (r < 0)
        return;
    if (r == 0)
        s = tset_new_for(c->argv[2].ptr, c->argv[2].len);
    long long added = 0;
    for (int j = 2; j < c->argc; j++)
        added += tset_add(&s, c->argv[j].ptr, c->argv[j].len);
    if (r == 0)
        db_set_object(c->db, key->ptr, key->len, KV_SET, s.enc, tset_tagged(&s), -1, 0);
    else
        write_back(c, key, &s);
    if (added) {
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_SET, "sadd", c->db, key->ptr, key->len);
    }
    server.dirty += added;
    reply_int(c, added);
}

/* SREM key member [member ...]: how many were removed; the key goes when
 * the set empties (stops looking once it is empty, as Redis). */
void cmd_srem(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct tset_obj s;
    int r = tset_lookup(c, key, 1, &s);
    if (r <= 0) {
        if (r == 0)
            reply_int(c, 0);
        return;
    }
    long long removed = 0;
    for (int j = 2; j < c->argc && tset_card(&s) > 0; j++)
        removed += tset_remove(&s, c->argv[j].ptr, c->argv[j].len);
    if (removed) {
        int emptied = write_back(c, key, &s);
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_SET, "srem", c->db, key->ptr, key->len);
        if (emptied)
            notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
        server.dirty += removed;
    }
    reply_int(c, removed);
}

/* SCARD key. O(1). */
void cmd_scard(struct client *c)
{
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r >= 0)
        reply_int(c, r ? (long long)tset_card(&s) : 0);
}

/* SISMEMBER key member. O(1) (O(log N) for an intset). */
void cmd_sismember(struct client *c)
{
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r >= 0)
        reply_int(c, r && tset_has(&s, c->argv[2].ptr, c->argv[2].len));
}

/* SMISMEMBER key member [member ...]: an array of 0/1. */
void cmd_smismember(struct client *c)
{
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r < 0)
        return;
    reply_array(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++)
        reply_int(c, r && tset_has(&s, c->argv[j].ptr, c->argv[j].len));
}

/* SMOVE source destination member: 1 if moved. Both keys are type-checked
 * (a missing source answers 0 first, as Redis); source == destination only
 * reports membership. O(1). */
void cmd_smove(struct client *c)
{
    const struct resp_arg *src = &c->argv[1], *dst = &c->argv[2], *m = &c->argv[3];
    /* Entries die at the next lookup: keep only their type and object. */
    struct kv *e = db_lookup(c->db, src->ptr, src->len, 0);
    int stype = e ? kv_type(e) : -1;
    void *sp = stype == KV_SET ? kv_ptr(e) : NULL; /* kv_ptr: collections only */
    e = db_lookup(c->db, dst->ptr, dst->len, 0);
    int dtype = e ? kv_type(e) : -1;
    void *dp = dtype == KV_SET ? kv_ptr(e) : NULL;
    if (stype < 0) {
        reply_int(c, 0);
        return;
    }
    if (stype != KV_SET || (dtype >= 0 && dtype != KV_SET)) {
        reply_error_wrongtype(c);
        return;
    }
    struct tset_obj ss = tset_of(sp);
    if (sp == dp) {
        reply_int(c, tset_has(&ss, m->ptr, m->len));
        return;
    }
    if (!tset_remove(&ss, m->ptr, m->len)) {
        reply_int(c, 0);
        return;
    }
    int emptied = write_back(c, src, &ss);
    notify_event(NOTIFY_SET, "srem", c->db, src->ptr, src->len);
    if (emptied)
        notify_event(NOTIFY_GENERIC, "del", c->db, src->ptr, src->len);
    notify_key_modified(c->db, src->ptr, src->len);
    server.dirty++;
    struct tset_obj ds = dp ? tset_of(dp) : tset_new_for(m->ptr, m->len);
    int added = tset_add(&ds, m->ptr, m->len);
    if (dp)
        write_back(c, dst, &ds);
    else
        db_set_object(c->db, dst->ptr, dst->len, KV_SET, ds.enc, tset_tagged(&ds), -1, 0);
    if (added) {
        server.dirty++;
        notify_key_modified(c->db, dst->ptr, dst->len);
        notify_event(NOTIFY_SET, "sadd", c->db, dst->ptr, dst->len);
    }
    reply_int(c, 1);
}

/* Reply every member of s as the elements of an aggregate already begun. */
void tset_reply_member_cb(void *priv, const struct tset_elem *m)
{
    reply_bulk(priv, m->p, m->len);
}

/* SPOP key count: up to count random distinct members, removed, as a set
 * reply. Whole-set pops reply then delete the key. O(count). */
/* AOF: SPOP is not deterministic, so it propagates as SREM of the members
 * it popped (batches of SPOP_PROP_BATCH), or DEL when it took them all. */
#define SPOP_PROP_BATCH 1024
struct spop_prop {
    struct resp_arg a[SPOP_PROP_BATCH + 2];
    int n;
};

static void spop_prop_flush(struct client *c, struct spop_prop *sp)
{
    if (sp->n > 2)
        propagate_cmd(c->db_index, sp->n, sp->a);
    for (int i = 2; i < sp->n; i++)
        mem_free(sp->a[i].ptr);
    sp->n = 2;
}

static void spop_prop_init(struct client *c, struct spop_prop *sp)
{
    sp->a[0] = (struct resp_arg){(char *)"SREM", 4};
    sp->a[1] = c->argv[1];
    sp->n = 2;
    propagate_prevent();
}

static void spop_prop_add(struct client *c, struct spop_prop *sp, const struct tset_elem *m)
{
    sp->a[sp->n++] = (struct resp_arg){mem_strndup(m->p, m->len), m->len};
    if (sp->n == SPOP_PROP_BATCH + 2)
        spop_prop_flush(c, sp);
}

struct entry_buf {
    struct sdict_entry **v;
    size_t n;
};

static void entry_collect_cb(void *priv, struct sdict_entry *e)
{
    struct entry_buf *b = priv;
    b->v[b->n++] = e;
}

/* Pop count (> size / 5) members of table d: a partial Fisher-Yates over an
 * array of all its entries picks a uniform random subset, each victim
 * replied, queued for propagation, then deleted. Popping that many one
 * random probe at a time would probe a table thinned by its own pops (a
 * shrink leaves it sparse until the rehash ends), as Redis avoids with its
 * own strategy for such counts. O(size) = O(count). */
static void spop_table_many(struct client *c, struct sdict *d, size_t count, struct spop_prop *sp)
{
    size_t size = sdict_size(d);
    struct entry_buf b = {mem_alloc(size * sizeof(*b.v)), 0};
    sdict_foreach(d, entry_collect_cb, &b);
    for (size_t i = 0; i < count; i++) {
        size_t j = i + (size_t)(dict_rand64() % (size - i));
        struct sdict_entry *e = b.v[j];
        b.v[j] = b.v[i];
        struct tset_elem m;
        selem_entry(&m, e);
        reply_bulk(c, m.p, m.len);
        spop_prop_add(c, sp, &m);
        sdict_delete(d, m.p, m.len); /* frees e */
    }
    mem_free(b.v);
}

static void spop_count(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    long long count;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &count) || count < 0) {
        reply_error(c, "ERR value is out of range, must be positive");
        return;
    }
    struct tset_obj s;
    int r = tset_lookup(c, key, 1, &s);
    if (r < 0)
        return;
    if (r == 0 || count == 0) {
        reply_set(c, 0);
        return;
    }
    size_t size = tset_card(&s);
    if ((unsigned long long)count >= size) {
        reply_set(c, (long long)size);
        tset_each(&s, tset_reply_member_cb, c);
        db_delete(c->db, key->ptr, key->len);
        struct resp_arg del[2] = {{(char *)"DEL", 3}, *key};
        propagate_cmd(c->db_index, 2, del);
        propagate_prevent();
        notify_event(NOTIFY_SET, "spop", c->db, key->ptr, key->len);
        notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
    } else {
        reply_set(c, count);
        struct spop_prop *sp = mem_alloc(sizeof(*sp));
        spop_prop_init(c, sp);
        /* A large share of a table: pick the victims in one shuffle (see
         * spop_table_many); otherwise one random pick per pop. */
        long long done = 0;
        if (s.enc != KV_ENC_INTSET && (size_t)count * 5 > size) {
            spop_table_many(c, s.d, (size_t)count, sp);
            done = count;
        }
        for (long long i = done; i < count; i++) {
            struct tset_elem m;
            tset_random(&s, &m);
            reply_bulk(c, m.p, m.len); /* before the removal frees m.p */
            spop_prop_add(c, sp, &m);
            if (m.is_int)
                intset_remove(&s.is, m.v);
            else
                sdict_delete(s.d, m.p, m.len);
        }
        spop_prop_flush(c, sp);
        mem_free(sp);
        write_back(c, key, &s);
        notify_event(NOTIFY_SET, "spop", c->db, key->ptr, key->len);
    }
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty += (unsigned long long)count >= size ? (long long)size : count;
}

/* SPOP key [count]: a random member, removed (nil when the key is absent).
 * O(1) for a hashtable. */
void cmd_spop(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    if (c->argc == 3) {
        spop_count(c);
        return;
    }
    if (c->argc > 3) {
        reply_error_syntax(c);
        return;
    }
    struct tset_obj s;
    int r = tset_lookup(c, key, 1, &s);
    if (r <= 0) {
        if (r == 0)
            reply_null(c);
        return;
    }
    struct tset_elem m;
    tset_random(&s, &m);
    reply_bulk(c, m.p, m.len);
    struct resp_arg srem[3] = {{(char *)"SREM", 4}, *key, {(char *)m.p, m.len}};
    propagate_cmd(c->db_index, 3, srem);
    propagate_prevent();
    if (m.is_int)
        intset_remove(&s.is, m.v);
    else
        sdict_delete(s.d, m.p, m.len);
    notify_event(NOTIFY_SET, "spop", c->db, key->ptr, key->len);
    if (write_back(c, key, &s))
        notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
    notify_key_modified(c->db, key->ptr, key->len);
    server.dirty++;
}

/* A member held by reference for SRANDMEMBER: hashtable keys are stable
 * while the set is unchanged; intset members are kept by value. */
struct mref {
    const char *p;
    size_t len;
    int64_t v;
    int is_int;
};

static void mref_set(struct mref *r, const struct tset_elem *m)
{
    r->p = m->is_int ? NULL : m->p;
    r->len = m->len;
    r->v = m->v;
    r->is_int = m->is_int;
}

static void mref_reply(struct client *c, const struct mref *r)
{
    if (r->is_int)
        reply_bulk_ll(c, r->v);
    else
        reply_bulk(c, r->p, r->len);
}

struct mref_buf {
    struct mref *a;
    size_t n;
};

static void collect_cb(void *priv, const struct tset_elem *m)
{
    struct mref_buf *b = priv;
    mref_set(&b->a[b->n++], m);
}

/* SRANDMEMBER with count > 0 and smaller than the set: count distinct
 * random members. When count is a large share of the set, a partial
 * Fisher-Yates shuffle of all members (O(N)); otherwise random draws
 * de-duplicated through a scratch sdict (O(count) expected). */
static void srand_distinct(struct client *c, const struct tset_obj *s, size_t count)
{
    size_t size = tset_card(s);
    reply_array(c, (long long)count);
    if (count * 3 > size) {
        struct mref_buf b = {mem_alloc(size * sizeof(struct mref)), 0};
        tset_each(s, collect_cb, &b);
        for (size_t i = 0; i < count; i++) {
            size_t j = i + (size_t)(dict_rand64() % (size - i));
            struct mref t = b.a[i];
            b.a[i] = b.a[j];
            b.a[j] = t;
            mref_reply(c, &b.a[i]);
        }
        mem_free(b.a);
        return;
    }
    struct sdict *seen = sdict_new();
    while (sdict_size(seen) < count) {
        struct tset_elem m;
        int created;
        tset_random(s, &m);
        sdict_add(seen, m.p, m.len, &created);
        if (created)
            reply_bulk(c, m.p, m.len);
    }
    sdict_free(seen);
}

static void srandmember_count(struct client *c)
{
    long long count;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &count)) {
        reply_error_not_int(c);
        return;
    }
    if (count == INT64_MIN) {
        reply_error(c, "ERR value is out of range, value must between -9223372036854775807 and "
                       "9223372036854775807");
        return;
    }
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r < 0)
        return;
    if (r == 0 || count == 0) {
        reply_array(c, 0);
        return;
    }
    size_t size = tset_card(&s);
    if (count < 0) {
        /* Repetitions allowed: -count independent draws. */
        reply_array(c, -count);
        for (long long i = 0; i < -count; i++) {
            struct tset_elem m;
            tset_random(&s, &m);
            reply_bulk(c, m.p, m.len);
        }
    } else if ((unsigned long long)count >= size) {
        reply_array(c, (long long)size);
        tset_each(&s, tset_reply_member_cb, c);
    } else {
        srand_distinct(c, &s, (size_t)count);
    }
}

/* SRANDMEMBER key [count]: random member(s), not removed. */
void cmd_srandmember(struct client *c)
{
    if (c->argc == 3) {
        srandmember_count(c);
        return;
    }
    if (c->argc > 3) {
        reply_error_syntax(c);
        return;
    }
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r < 0)
        return;
    if (r == 0) {
        reply_null(c);
        return;
    }
    struct tset_elem m;
    tset_random(&s, &m);
    reply_bulk(c, m.p, m.len);
}

/* ---- SSCAN ---- */

struct scan_buf {
    struct mref *a;
    size_t n, cap;
};

static void scan_cb(void *priv, struct sdict_entry *e)
{
    struct scan_buf *b = priv;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->a = mem_realloc(b->a, b->cap * sizeof(*b->a));
    }
    b->a[b->n++] = (struct mref){e->key, e->klen, 0, 0};
}

/* SSCAN key cursor [MATCH pattern] [COUNT count]. A hashtable is walked
 * with sdict's reverse-binary cursor (about COUNT entries per call); an
 * intset is small and comes back whole with cursor 0, as in Redis. */
void cmd_sscan(struct client *c)
{
    unsigned long long cursor;
    if (!util_str2ull(c->argv[2].ptr, c->argv[2].len, &cursor)) {
        reply_error(c, "ERR invalid cursor");
        return;
    }
    struct tset_obj s;
    int r = tset_lookup(c, &c->argv[1], 0, &s);
    if (r < 0)
        return;
    if (r == 0) {
        reply_array(c, 2);
        reply_bulk(c, "0", 1);
        reply_array(c, 0);
        return;
    }
    long long count = 10;
    const struct resp_arg *pat = NULL;
    for (int j = 3; j < c->argc; j += 2) {
        const struct resp_arg *a = &c->argv[j];
        int has_val = c->argc - j >= 2;
        if (has_val && tstr_arg_is(a, "count")) {
            if (!util_str2ll(c->argv[j + 1].ptr, c->argv[j + 1].len, &count)) {
                reply_error_not_int(c);
                return;
            }
            if (count < 1) {
                reply_error_syntax(c);
                return;
            }
        } else if (has_val && tstr_arg_is(a, "match")) {
            pat = &c->argv[j + 1];
            if (pat->len == 1 && pat->ptr[0] == '*')
                pat = NULL;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    struct scan_buf b = {NULL, 0, 0};
    if (s.enc == KV_ENC_INTSET) {
        b.cap = intset_len(s.is);
        b.a = mem_alloc(b.cap * sizeof(*b.a));
        for (size_t i = 0; i < b.cap; i++)
            b.a[b.n++] = (struct mref){NULL, 0, intset_get(s.is, i), 1};
        cursor = 0;
    } else {
        cursor = sdict_scan(s.d, cursor, (long)count, scan_cb, &b);
    }
    char cbuf[24];
    size_t kept = 0;
    for (size_t i = 0; i < b.n; i++) {
        struct mref *m = &b.a[i];
        if (m->is_int) {
            m->len = util_ll2str(cbuf, m->v);
            if (pat && !glob_match(pat->ptr, pat->len, cbuf, m->len, 0))
                continue;
        } else if (pat && !glob_match(pat->ptr, pat->len, m->p, m->len, 0)) {
            continue;
        }
        b.a[kept++] = *m;
    }
    reply_array(c, 2);
    reply_bulk(c, cbuf, util_ull2str(cbuf, cursor));
    reply_array(c, (long long)kept);
    for (size_t i = 0; i < kept; i++)
        mref_reply(c, &b.a[i]);
    mem_free(b.a);
}
