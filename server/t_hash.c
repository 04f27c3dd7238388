/* t_hash: the hash commands (HSET/HMSET/HSETNX, HGET/HMGET/HGETALL/HKEYS/
 * HVALS, HDEL, HEXISTS, HLEN, HSTRLEN, HINCRBY/HINCRBYFLOAT, HRANDFIELD,
 * HSCAN) and the hash object layer (struct hobj below, see t_hash.h).
 *
 * Semantics are Redis 7.0.15's: replies, error texts, the order in which
 * arguments are checked, keyspace events ("hset", "hdel", "hincrby",
 * "hincrbyfloat", and "del" when HDEL empties a hash, which deletes the key),
 * and the encoding: a listpack converts to a table before a field or value
 * longer than hash-max-listpack-value goes in, and after any set (insert or
 * update) that leaves it with more than hash-max-listpack-entries fields.
 *
 * Keyspace value: the listpack or sdict pointer itself, with no wrapper
 * (one malloc per hash saved). The listpack is a small one (lp_new_small: a
 * slab block, without malloc's header and 16-byte rounding, until it grows
 * past SLAB_MAX). The free/dup/mem callbacks get only that pointer, so a
 * listpack pointer is stored with its low bit set (slab blocks are 4-byte
 * aligned and malloc blocks 16-byte, so the bit is free); an sdict pointer
 * is stored as is. hobj_of() undoes the tag into a struct hobj, a view on
 * the stack; hobj_tagged() makes the stored form again.
 *
 * Invariants: a hash key is never empty; every handler replies exactly once;
 * entry pointers from a lookup are not used after a db write. A listpack may
 * move on any insert, replace or delete (and conversion replaces it by an
 * sdict), so after editing a struct hobj view the handler stores it back
 * with kv_set_ptr (which does not move the entry) before any db write or
 * return: store() does this, and HDEL after each delete.
 *
 * Must not know: the listpack's byte layout, the sdict's buckets, other
 * types' internals.
 */
#include "t_hash.h"

#include <math.h>
#include <stdint.h>
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
#include "util.h"

#define LL_MAX ((long long)(~0ULL >> 1))
#define LL_MIN (-LL_MAX - 1)

/* ---- object layer ---- */

/* A hash, untagged: exactly one of lp / d is non-NULL. A view on the stack;
 * the keyspace holds hobj_tagged() of it. */
struct hobj {
    unsigned char *lp; /* listpack encoding, or NULL */
    struct sdict *d;   /* hashtable encoding, or NULL */
};

#define HOBJ_LP_TAG ((uintptr_t)1)

/* The hash behind a stored (tagged) keyspace pointer. */
static struct hobj hobj_of(const void *tagged)
{
    struct hobj h = {NULL, NULL};
    if ((uintptr_t)tagged & HOBJ_LP_TAG)
        h.lp = (unsigned char *)((uintptr_t)tagged & ~HOBJ_LP_TAG);
    else
        h.d = (struct sdict *)(uintptr_t)tagged;
    return h;
}

/* The tagged pointer the keyspace stores for h. */
static void *hobj_tagged(const struct hobj *h)
{
    if (h->lp)
        return (void *)((uintptr_t)h->lp | HOBJ_LP_TAG);
    return h->d;
}

/* A new empty hash (a listpack). */
static struct hobj hobj_new(void)
{
    struct hobj h = {lp_new_small(), NULL};
    return h;
}

/* Type callbacks: p is the tagged keyspace pointer. */
static void hobj_free(void *p)
{
    struct hobj h = hobj_of(p);
    if (h.lp)
        lp_free(h.lp);
    else
        sdict_free(h.d);
}

static void *hobj_dup(const void *p)
{
    struct hobj h = hobj_of(p), n = {NULL, NULL};
    if (h.lp) {
        n.lp = lp_dup(h.lp);
    } else {
        n.d = sdict_dup(h.d);
    }
    return hobj_tagged(&n);
}

static size_t hobj_mem(const void *p)
{
    struct hobj h = hobj_of(p);
    return h.lp ? lp_mem(h.lp) : sdict_mem(h.d);
}

void t_hash_init(void)
{
    static const struct kv_type_ops ops = {.free = hobj_free, .dup = hobj_dup, .mem = hobj_mem};
    kv_register_type(KV_HASH, &ops);
}

static int hobj_enc(const struct hobj *h)
{
    return h->lp ? KV_ENC_LISTPACK : KV_ENC_HASHTABLE;
}

static size_t hobj_len(const struct hobj *h)
{
    return h->lp ? lp_count(h->lp) / 2 : sdict_size(h->d);
}

/* Offset of field f in the listpack (a field entry), or 0. O(n). */
static size_t lp_find_field(const unsigned char *lp, const char *f, size_t flen)
{
    size_t end = lp_end(lp);
    for (size_t off = lp_first(lp); off != end;) {
        if (lp_eq(lp, off, f, flen))
            return off;
        off = lp_next(lp, lp_next(lp, off));
    }
    return 0;
}

/* Turn a listpack hash into a table. O(n). */
static void hobj_convert(struct hobj *h)
{
    struct sdict *d = sdict_new();
    size_t end = lp_end(h->lp);
    for (size_t off = lp_first(h->lp); off != end;) {
        struct lp_entry fe, ve;
        char fb[21], vb[21];
        size_t fl, vl;
        size_t voff = lp_next(h->lp, off);
        lp_get(h->lp, off, &fe);
        lp_get(h->lp, voff, &ve);
        const unsigned char *f = lp_bytes_of(&fe, fb, &fl);
        const unsigned char *v = lp_bytes_of(&ve, vb, &vl);
        int created;
        struct sdict_entry *e = sdict_add(d, f, fl, &created);
        sdict_set_val(e, v, vl);
        off = lp_next(h->lp, voff);
    }
    lp_free(h->lp);
    h->lp = NULL;
    h->d = d;
}

/* Value of field f: sets *v and *vlen (borrowed: valid until the hash changes;
 * buf holds the text of an integer) and returns 1, or returns 0. */
static int hobj_get(struct hobj *h, const char *f, size_t flen, const unsigned char **v,
                    size_t *vlen, char buf[21])
{
    if (h->lp) {
        size_t off = lp_find_field(h->lp, f, flen);
        if (!off)
            return 0;
        struct lp_entry e;
        lp_get(h->lp, lp_next(h->lp, off), &e);
        *v = lp_bytes_of(&e, buf, vlen);
        return 1;
    }
    struct sdict_entry *e = sdict_find(h->d, f, flen);
    if (!e)
        return 0;
    *v = e->val ? (const unsigned char *)e->val : (const unsigned char *)"";
    *vlen = e->vlen;
    return 1;
}

int t_hash_get(const struct kv *e, const char *f, size_t flen, const char **v, size_t *vlen,
               char buf[21])
{
    struct hobj h = hobj_of(kv_ptr(e));
    const unsigned char *p;
    if (!hobj_get(&h, f, flen, &p, vlen, buf))
        return 0;
    *v = (const char *)p;
    return 1;
}

/* Convert h to a table if it is a listpack and any of the n arguments is
 * longer than hash-max-listpack-value (Redis's hashTypeTryConversion). */
static void hobj_try_convert(struct hobj *h, const struct resp_arg *a, int n)
{
    if (!h->lp)
        return;
    for (int i = 0; i < n; i++) {
        if ((long long)a[i].len > server.hash_max_listpack_value) {
            hobj_convert(h);
            return;
        }
    }
}

/* Set field f to v (both copied). Converts as Redis's hashTypeSet does:
 * before, for a long field or value; after, for too many fields. Returns 1
 * if the field is new. O(n) for a listpack, O(1) for a table. */
static int hobj_set(struct hobj *h, const void *f, size_t flen, const void *v, size_t vlen)
{
    if (h->lp && ((long long)flen > server.hash_max_listpack_value ||
                  (long long)vlen > server.hash_max_listpack_value))
        hobj_convert(h);
    if (h->d) {
        int created;
        struct sdict_entry *e = sdict_add(h->d, f, flen, &created);
        sdict_set_val(e, v, vlen);
        return created;
    }
    size_t off = lp_find_field(h->lp, f, flen);
    if (off) {
        h->lp = lp_replace(h->lp, lp_next(h->lp, off), v, vlen);
    } else {
        h->lp = lp_insert_pair(h->lp, lp_end(h->lp), f, flen, v, vlen, NULL);
    }
    /* Checked after an update too: a hash left over the limit by a lowered
     * hash-max-listpack-entries converts on its next write, as in Redis. */
    if ((long long)hobj_len(h) > server.hash_max_listpack_entries)
        hobj_convert(h);
    return off == 0;
}

/* Delete field f; 1 if it was there. */
static int hobj_del(struct hobj *h, const char *f, size_t flen)
{
    if (h->d)
        return sdict_delete(h->d, f, flen);
    size_t off = lp_find_field(h->lp, f, flen);
    if (!off)
        return 0;
    h->lp = lp_delete(h->lp, off, 2);
    return 1;
}

/* ---- iteration ---- */

/* Calls fn(priv, field, value) for every pair, in listpack order or table
 * order. fn must not modify the hash. O(n). */
typedef void (*pair_fn)(void *priv, const unsigned char *f, size_t flen, const unsigned char *v,
                        size_t vlen);

struct foreach_ctx {
    pair_fn fn;
    void *priv;
};

static void foreach_sdict_cb(void *priv, struct sdict_entry *e)
{
    struct foreach_ctx *x = priv;
    x->fn(x->priv, (const unsigned char *)e->key, e->klen,
          e->val ? (const unsigned char *)e->val : (const unsigned char *)"", e->vlen);
}

static void hobj_foreach(struct hobj *h, pair_fn fn, void *priv)
{
    if (h->d) {
        struct foreach_ctx x = {fn, priv};
        sdict_foreach(h->d, foreach_sdict_cb, &x);
        return;
    }
    size_t end = lp_end(h->lp);
    for (size_t off = lp_first(h->lp); off != end;) {
        struct lp_entry fe, ve;
        char fb[21], vb[21];
        size_t fl, vl;
        size_t voff = lp_next(h->lp, off);
        lp_get(h->lp, off, &fe);
        lp_get(h->lp, voff, &ve);
        const unsigned char *f = lp_bytes_of(&fe, fb, &fl);
        const unsigned char *v = lp_bytes_of(&ve, vb, &vl);
        fn(priv, f, fl, v, vl);
        off = lp_next(h->lp, voff);
    }
}

/* ---- lookups ---- */

/* The hash at key for reading (hit/miss counted): fills *out and returns
 * out, or returns NULL. On a wrong type replies WRONGTYPE and sets *err. */
static struct hobj *lookup_read(struct client *c, const struct resp_arg *key, int *err,
                                struct hobj *out)
{
    *err = 0;
    struct kv *e = tstr_lookup_read(c, key);
    if (!e)
        return NULL;
    if (kv_type(e) != KV_HASH) {
        reply_error_wrongtype(c);
        *err = 1;
        return NULL;
    }
    *out = hobj_of(kv_ptr(e));
    return out;
}

/* For writing: *ep gets the entry (NULL if the key is missing). Returns -1
 * after replying WRONGTYPE, else 0. */
static int lookup_write(struct client *c, const struct resp_arg *key, struct kv **ep)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, 0);
    if (e && kv_type(e) != KV_HASH) {
        reply_error_wrongtype(c);
        return -1;
    }
    *ep = e;
    return 0;
}

/* After editing h (which belongs to entry e, or is new when e is NULL):
 * store a new hash in the db, or store the (possibly moved or converted)
 * pointer and encoding back into e; then signal the change and fire the
 * event. */
static void store(struct client *c, const struct resp_arg *key, struct kv *e, struct hobj *h,
                  const char *event)
{
    if (e) {
        kv_set_ptr(e, hobj_tagged(h));
        kv_set_enc(e, hobj_enc(h));
    } else {
        db_set_object(c->db, key->ptr, key->len, KV_HASH, hobj_enc(h), hobj_tagged(h), -1, 0);
    }
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_HASH, event, c->db, key->ptr, key->len);
}

/* ---- writes ---- */

/* HSET key field value [field value ...] (hmset: reply OK instead of the
 * number of new fields). */
static void hset_generic(struct client *c, int hmset)
{
    if (c->argc % 2 == 1) {
        reply_error_arity(c);
        return;
    }
    const struct resp_arg *key = &c->argv[1];
    struct kv *e;
    if (lookup_write(c, key, &e) < 0)
        return;
    struct hobj hv = e ? hobj_of(kv_ptr(e)) : hobj_new(), *h = &hv;
    hobj_try_convert(h, &c->argv[2], c->argc - 2);
    long long created = 0;
    for (int j = 2; j < c->argc; j += 2)
        created +=
            hobj_set(h, c->argv[j].ptr, c->argv[j].len, c->argv[j + 1].ptr, c->argv[j + 1].len);
    store(c, key, e, h, "hset");
    server.dirty += (c->argc - 2) / 2;
    if (hmset)
        reply_ok(c);
    else
        reply_int(c, created);
}

void cmd_hset(struct client *c)
{
    hset_generic(c, 0);
}

void cmd_hmset(struct client *c)
{
    hset_generic(c, 1);
}

/* HSETNX key field value: 1 if set, 0 if the field existed. */
void cmd_hsetnx(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct kv *e;
    if (lookup_write(c, key, &e) < 0)
        return;
    struct hobj hv, *h = NULL;
    if (e) {
        hv = hobj_of(kv_ptr(e));
        h = &hv;
    }
    const unsigned char *v;
    size_t vlen;
    char buf[21];
    if (h && hobj_get(h, c->argv[2].ptr, c->argv[2].len, &v, &vlen, buf)) {
        reply_int(c, 0);
        return;
    }
    if (!h) {
        hv = hobj_new();
        h = &hv;
    }
    hobj_try_convert(h, &c->argv[2], 2);
    hobj_set(h, c->argv[2].ptr, c->argv[2].len, c->argv[3].ptr, c->argv[3].len);
    store(c, key, e, h, "hset");
    server.dirty++;
    reply_int(c, 1);
}

/* HDEL key field [field ...]: number removed; an emptied hash is deleted
 * ("hdel" then "del"). */
void cmd_hdel(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct kv *e;
    if (lookup_write(c, key, &e) < 0)
        return;
    if (!e) {
        reply_int(c, 0);
        return;
    }
    struct hobj hv = hobj_of(kv_ptr(e)), *h = &hv;
    long long deleted = 0;
    int removed = 0;
    for (int j = 2; j < c->argc; j++) {
        if (hobj_del(h, c->argv[j].ptr, c->argv[j].len)) {
            deleted++;
            kv_set_ptr(e, hobj_tagged(h)); /* the listpack may have moved */
            if (hobj_len(h) == 0) {
                db_delete_entry(c->db, e);
                removed = 1;
                break;
            }
        }
    }
    if (deleted) {
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_HASH, "hdel", c->db, key->ptr, key->len);
        if (removed)
            notify_event(NOTIFY_GENERIC, "del", c->db, key->ptr, key->len);
        server.dirty += deleted;
    }
    reply_int(c, deleted);
}

/* HINCRBY / HINCRBYFLOAT's lookup: *e and *h (NULL when the key is absent,
 * else h points at hv) and the field's current bytes. Returns -1 after
 * replying WRONGTYPE, 1 if the field exists (*cur, *clen set), else 0. */
static int incr_fetch(struct client *c, const struct resp_arg *key, const struct resp_arg *f,
                      struct kv **e, struct hobj *hv, struct hobj **h, const unsigned char **cur,
                      size_t *clen, char buf[21])
{
    *h = NULL;
    if (lookup_write(c, key, e) < 0)
        return -1;
    if (!*e)
        return 0;
    *hv = hobj_of(kv_ptr(*e));
    *h = hv;
    return hobj_get(*h, f->ptr, f->len, cur, clen, buf) ? 1 : 0;
}

/* HINCRBY key field increment. The increment is parsed before the type
 * check, as Redis does. */
void cmd_hincrby(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *f = &c->argv[2];
    long long incr, v = 0;
    if (!util_str2ll(c->argv[3].ptr, c->argv[3].len, &incr)) {
        reply_error_not_int(c);
        return;
    }
    struct kv *e;
    struct hobj hv, *h;
    const unsigned char *cur;
    size_t clen;
    char buf[21];
    int found = incr_fetch(c, key, f, &e, &hv, &h, &cur, &clen, buf);
    if (found < 0)
        return;
    if (found && !util_str2ll((const char *)cur, clen, &v)) {
        reply_error(c, "ERR hash value is not an integer");
        return;
    }
    if ((incr < 0 && v < 0 && incr < LL_MIN - v) || (incr > 0 && v > 0 && incr > LL_MAX - v)) {
        reply_error(c, "ERR increment or decrement would overflow");
        return;
    }
    v += incr;
    char out[24];
    size_t n = util_ll2str(out, v);
    if (!h) {
        hv = hobj_new();
        h = &hv;
    }
    hobj_set(h, f->ptr, f->len, out, n);
    store(c, key, e, h, "hincrby");
    server.dirty++;
    reply_int(c, v);
}

/* HINCRBYFLOAT key field increment: long double arithmetic, printed in the
 * INCRBYFLOAT human format. */
void cmd_hincrbyfloat(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *f = &c->argv[2];
    long double incr, v = 0;
    if (!util_str2ld(c->argv[3].ptr, c->argv[3].len, &incr)) {
        reply_error_not_float(c);
        return;
    }
    if (isnan(incr) || isinf(incr)) {
        reply_error(c, "ERR value is NaN or Infinity");
        return;
    }
    struct kv *e;
    struct hobj hv, *h;
    const unsigned char *cur;
    size_t clen;
    char buf[21];
    int found = incr_fetch(c, key, f, &e, &hv, &h, &cur, &clen, buf);
    if (found < 0)
        return;
    if (found && !util_str2ld((const char *)cur, clen, &v)) {
        reply_error(c, "ERR hash value is not a float");
        return;
    }
    v += incr;
    if (isnan(v) || isinf(v)) {
        reply_error(c, "ERR increment would produce NaN or Infinity");
        return;
    }
    char out[UTIL_LD_STR_MAX];
    size_t n = util_ld2str_human(out, sizeof(out), v);
    if (!h) {
        hv = hobj_new();
        h = &hv;
    }
    hobj_set(h, f->ptr, f->len, out, n);
    store(c, key, e, h, "hincrbyfloat");
    server.dirty++;
    reply_bulk(c, out, n);
}

/* ---- point reads ---- */

void cmd_hget(struct client *c)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    const unsigned char *v;
    size_t vlen;
    char buf[21];
    if (h && hobj_get(h, c->argv[2].ptr, c->argv[2].len, &v, &vlen, buf))
        reply_bulk(c, v, vlen);
    else
        reply_null(c);
}

void cmd_hmget(struct client *c)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    reply_array(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++) {
        const unsigned char *v;
        size_t vlen;
        char buf[21];
        if (h && hobj_get(h, c->argv[j].ptr, c->argv[j].len, &v, &vlen, buf))
            reply_bulk(c, v, vlen);
        else
            reply_null(c);
    }
}

void cmd_hexists(struct client *c)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    const unsigned char *v;
    size_t vlen;
    char buf[21];
    reply_int(c, h && hobj_get(h, c->argv[2].ptr, c->argv[2].len, &v, &vlen, buf));
}

void cmd_hstrlen(struct client *c)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    const unsigned char *v;
    size_t vlen = 0;
    char buf[21];
    if (!h || !hobj_get(h, c->argv[2].ptr, c->argv[2].len, &v, &vlen, buf))
        vlen = 0;
    reply_int(c, (long long)vlen);
}

void cmd_hlen(struct client *c)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    reply_int(c, h ? (long long)hobj_len(h) : 0);
}

/* ---- whole-hash reads ---- */

#define WANT_KEYS 1
#define WANT_VALS 2

struct getall_ctx {
    struct client *c;
    int want;
};

static void getall_cb(void *priv, const unsigned char *f, size_t flen, const unsigned char *v,
                      size_t vlen)
{
    struct getall_ctx *x = priv;
    if (x->want & WANT_KEYS)
        reply_bulk(x->c, f, flen);
    if (x->want & WANT_VALS)
        reply_bulk(x->c, v, vlen);
}

/* HGETALL (a map), HKEYS and HVALS (arrays). */
static void getall_generic(struct client *c, int want)
{
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    long long n = h ? (long long)hobj_len(h) : 0;
    if (want == (WANT_KEYS | WANT_VALS))
        reply_map(c, n);
    else
        reply_array(c, n);
    if (!h)
        return;
    struct getall_ctx x = {c, want};
    hobj_foreach(h, getall_cb, &x);
}

void cmd_hgetall(struct client *c)
{
    getall_generic(c, WANT_KEYS | WANT_VALS);
}

void cmd_hkeys(struct client *c)
{
    getall_generic(c, WANT_KEYS);
}

void cmd_hvals(struct client *c)
{
    getall_generic(c, WANT_VALS);
}

/* ---- HRANDFIELD ---- */

/* A uniform random number in [0, m), m > 0. */
static size_t rnd(size_t m)
{
    uint64_t r = ((uint64_t)random() << 31) ^ (uint64_t)random();
    return (size_t)(r % m);
}

/* One picked pair, shaped as HRANDFIELD replies it: RESP3 WITHVALUES nests
 * each pair in a 2-array; RESP2 flattens. */
static void emit_pair(struct client *c, const unsigned char *f, size_t flen, const unsigned char *v,
                      size_t vlen, int withvalues)
{
    if (withvalues && c->resp > 2)
        reply_array(c, 2);
    reply_bulk(c, f, flen);
    if (withvalues)
        reply_bulk(c, v, vlen);
}

struct emit_ctx {
    struct client *c;
    int withvalues;
};

static void emit_cb(void *priv, const unsigned char *f, size_t flen, const unsigned char *v,
                    size_t vlen)
{
    struct emit_ctx *x = priv;
    emit_pair(x->c, f, flen, v, vlen, x->withvalues);
}

/* Emit the pair whose field entry is at off in lp. */
static void emit_lp_pair(struct client *c, const unsigned char *lp, size_t off, int withvalues)
{
    struct lp_entry fe, ve;
    char fb[21], vb[21];
    size_t fl, vl;
    lp_get(lp, off, &fe);
    lp_get(lp, lp_next(lp, off), &ve);
    const unsigned char *f = lp_bytes_of(&fe, fb, &fl);
    const unsigned char *v = lp_bytes_of(&ve, vb, &vl);
    emit_pair(c, f, fl, v, vl, withvalues);
}

static void emit_sdict_pair(struct client *c, const struct sdict_entry *e, int withvalues)
{
    emit_pair(c, (const unsigned char *)e->key, e->klen,
              e->val ? (const unsigned char *)e->val : (const unsigned char *)"", e->vlen,
              withvalues);
}

/* Field offsets of a listpack hash, in order (caller frees). O(n). */
static size_t *lp_field_offsets(const unsigned char *lp, size_t n)
{
    size_t *offs = mem_alloc(n * sizeof(*offs));
    size_t off = lp_first(lp);
    for (size_t i = 0; i < n; i++) {
        offs[i] = off;
        off = lp_next(lp, lp_next(lp, off));
    }
    return offs;
}

struct collect_ctx {
    struct sdict_entry **v;
    size_t n, cap;
};

static void collect_cb(void *priv, struct sdict_entry *e)
{
    struct collect_ctx *x = priv;
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 16;
        x->v = mem_realloc(x->v, x->cap * sizeof(*x->v));
    }
    x->v[x->n++] = e;
}

/* count picks with repetition (negative COUNT, or COUNT 1). O(n + count)
 * for a listpack (an offset table), O(count) for a table. */
static void rand_with_repeats(struct client *c, struct hobj *h, size_t count, int withvalues)
{
    reply_array(c, withvalues && c->resp == 2 ? (long long)count * 2 : (long long)count);
    if (h->d) {
        for (size_t i = 0; i < count; i++) {
            sdict_read_step(h->d);
            emit_sdict_pair(c, sdict_random(h->d), withvalues);
        }
        return;
    }
    size_t n = hobj_len(h);
    size_t *offs = lp_field_offsets(h->lp, n);
    for (size_t i = 0; i < count; i++)
        emit_lp_pair(c, h->lp, offs[rnd(n)], withvalues);
    mem_free(offs);
}

/* count < size distinct picks. Like Redis 7.0, a listpack asked for at
 * most a third of its fields replies them in its own order (selection
 * sampling, one pass); otherwise the picks come in random order. A table
 * asked for at most a third draws uniform picks and drops repeats (a
 * scratch set of entry pointers): O(count) expected, at most 1.5 draws per
 * pick. Otherwise a partial Fisher-Yates over an offset or entry array:
 * O(n), which is O(count) as count > n / 3. */
static void rand_unique(struct client *c, struct hobj *h, size_t count, int withvalues)
{
    size_t n = hobj_len(h);
    reply_array(c, withvalues && c->resp == 2 ? (long long)count * 2 : (long long)count);
    if (h->lp && count * 3 > n) {
        size_t *offs = lp_field_offsets(h->lp, n);
        for (size_t i = 0; i < count; i++) {
            size_t j = i + rnd(n - i), t = offs[i];
            offs[i] = offs[j];
            offs[j] = t;
            emit_lp_pair(c, h->lp, offs[i], withvalues);
        }
        mem_free(offs);
        return;
    }
    if (h->lp) {
        size_t need = count, off = lp_first(h->lp);
        for (size_t i = 0; i < n && need > 0; i++) {
            if (rnd(n - i) < need) {
                emit_lp_pair(c, h->lp, off, withvalues);
                need--;
            }
            off = lp_next(h->lp, lp_next(h->lp, off));
        }
        return;
    }
    if (count * 3 <= n) {
        struct sdict *seen = sdict_new();
        while (sdict_size(seen) < count) {
            sdict_read_step(h->d);
            struct sdict_entry *e = sdict_random(h->d);
            int created;
            sdict_add(seen, &e, sizeof(e), &created);
            if (created)
                emit_sdict_pair(c, e, withvalues);
        }
        sdict_free(seen);
        return;
    }
    struct collect_ctx x = {NULL, 0, 0};
    sdict_foreach(h->d, collect_cb, &x);
    for (size_t i = 0; i < count; i++) {
        size_t j = i + rnd(x.n - i);
        struct sdict_entry *t = x.v[i];
        x.v[i] = x.v[j];
        x.v[j] = t;
        emit_sdict_pair(c, x.v[i], withvalues);
    }
    mem_free(x.v);
}

/* HRANDFIELD key [count [WITHVALUES]]. The count and options are checked
 * before the key, as Redis does. */
void cmd_hrandfield(struct client *c)
{
    int err;
    if (c->argc >= 3) {
        long long l;
        if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &l)) {
            reply_error_not_int(c);
            return;
        }
        if (l < -LL_MAX) {
            reply_error(c, "ERR value is out of range, value must between -9223372036854775807 "
                           "and 9223372036854775807");
            return;
        }
        int withvalues = c->argc == 4;
        if (c->argc > 4 || (withvalues && !tstr_arg_is(&c->argv[3], "withvalues"))) {
            reply_error_syntax(c);
            return;
        }
        if (withvalues && (l < -LL_MAX / 2 || l > LL_MAX / 2)) {
            reply_error(c, "ERR value is out of range");
            return;
        }
        struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
        if (err)
            return;
        size_t count = l < 0 ? (size_t)-l : (size_t)l;
        if (!h || count == 0) {
            reply_array(c, 0);
        } else if (l < 0 || count == 1) {
            rand_with_repeats(c, h, count, withvalues);
        } else if (count >= hobj_len(h)) {
            long long n = (long long)hobj_len(h);
            reply_array(c, withvalues && c->resp == 2 ? n * 2 : n);
            struct emit_ctx x = {c, withvalues};
            hobj_foreach(h, emit_cb, &x);
        } else {
            rand_unique(c, h, count, withvalues);
        }
        return;
    }
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    if (!h) {
        reply_null(c);
        return;
    }
    if (h->d) {
        sdict_read_step(h->d);
        struct sdict_entry *e = sdict_random(h->d);
        reply_bulk(c, e->key, e->klen);
        return;
    }
    struct lp_entry fe;
    char fb[21];
    size_t fl;
    lp_get(h->lp, lp_seek(h->lp, 2 * (long long)rnd(hobj_len(h))), &fe);
    const unsigned char *f = lp_bytes_of(&fe, fb, &fl);
    reply_bulk(c, f, fl);
}

/* ---- HSCAN ---- */

/* A SCAN cursor as Redis 7.0 parses it (strtoul over the whole argument):
 * optional sign (negation wraps), digits, "" is 0, no spaces or trailing
 * bytes (an embedded NUL ends the text), no overflow. 1 on success. */
static int parse_cursor(const char *s, size_t len, unsigned long long *out)
{
    size_t i = 0;
    int neg = 0;
    unsigned long long v = 0;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    size_t start = i;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (~0ULL - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    if (i == start) {
        *out = 0;
        return len == 0 || s[0] == '\0';
    }
    if (i < len && s[i] != '\0')
        return 0;
    *out = neg ? 0ULL - v : v;
    return 1;
}

/* Parse HSCAN's COUNT / MATCH options (after the lookup, as Redis does).
 * *pat is NULL for no MATCH or MATCH "*". Returns -1 after replying. */
static int hscan_opts(struct client *c, long long *count, const struct resp_arg **pat)
{
    *count = 10;
    *pat = NULL;
    for (int i = 3; i < c->argc; i += 2) {
        const struct resp_arg *a = &c->argv[i];
        int has_val = c->argc - i >= 2;
        if (has_val && util_eq_ci(a->ptr, a->len, "count")) {
            if (!util_str2ll(c->argv[i + 1].ptr, c->argv[i + 1].len, count)) {
                reply_error_not_int(c);
                return -1;
            }
            if (*count < 1) {
                reply_error_syntax(c);
                return -1;
            }
        } else if (has_val && util_eq_ci(a->ptr, a->len, "match")) {
            const struct resp_arg *p = &c->argv[i + 1];
            *pat = (p->len == 1 && p->ptr[0] == '*') ? NULL : p;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

struct scan_ctx {
    struct client *c;
    const struct resp_arg *pat;
    long long n;
    int count_only;
};

static void scan_reply_cb(void *priv, const unsigned char *f, size_t flen, const unsigned char *v,
                          size_t vlen)
{
    struct scan_ctx *x = priv;
    if (x->pat && !glob_match(x->pat->ptr, x->pat->len, (const char *)f, flen, 0))
        return;
    x->n++;
    if (!x->count_only) {
        reply_bulk(x->c, f, flen);
        reply_bulk(x->c, v, vlen);
    }
}

/* HSCAN key cursor [MATCH pattern] [COUNT count]. A listpack hash is
 * returned whole with cursor 0; a table is walked with the sdict's
 * reverse-binary cursor, about COUNT fields per call (at most 10*COUNT
 * buckets, as Redis bounds it). */
void cmd_hscan(struct client *c)
{
    unsigned long long cursor;
    if (!parse_cursor(c->argv[2].ptr, c->argv[2].len, &cursor)) {
        reply_error(c, "ERR invalid cursor");
        return;
    }
    int err;
    struct hobj hv, *h = lookup_read(c, &c->argv[1], &err, &hv);
    if (err)
        return;
    if (!h) {
        reply_array(c, 2);
        reply_bulk(c, "0", 1);
        reply_array(c, 0);
        return;
    }
    long long count;
    const struct resp_arg *pat;
    if (hscan_opts(c, &count, &pat) < 0)
        return;
    struct scan_ctx x = {c, pat, 0, 1};
    char num[24];
    if (h->lp) {
        hobj_foreach(h, scan_reply_cb, &x);
        reply_array(c, 2);
        reply_bulk(c, "0", 1);
        reply_array(c, x.n * 2);
        x.count_only = 0;
        hobj_foreach(h, scan_reply_cb, &x);
        return;
    }
    struct collect_ctx got = {NULL, 0, 0};
    /* sdict_scan itself stops at about count fields or 10 * count buckets. */
    cursor = sdict_scan(h->d, cursor, (long)count, collect_cb, &got);
    size_t keep = 0;
    for (size_t i = 0; i < got.n; i++) {
        struct sdict_entry *e = got.v[i];
        if (!pat || glob_match(pat->ptr, pat->len, e->key, e->klen, 0))
            got.v[keep++] = e;
    }
    reply_array(c, 2);
    reply_bulk(c, num, util_ull2str(num, cursor));
    reply_array(c, (long long)keep * 2);
    for (size_t i = 0; i < keep; i++) {
        struct sdict_entry *e = got.v[i];
        reply_bulk(c, e->key, e->klen);
        reply_bulk(c, e->val ? e->val : "", e->vlen);
    }
    mem_free(got.v);
}

/* ---- access for the RDB code (rdb_save.c / rdb_load.c) ---- */

size_t t_hash_len(const struct kv *e)
{
    struct hobj h = hobj_of(kv_ptr(e));
    return hobj_len(&h);
}

struct pub_foreach_ctx {
    t_hash_pair_fn *fn;
    void *priv;
};

static void pub_foreach_cb(void *priv, const unsigned char *f, size_t flen, const unsigned char *v,
                           size_t vlen)
{
    struct pub_foreach_ctx *x = priv;
    x->fn(x->priv, (const char *)f, flen, (const char *)v, vlen);
}

void t_hash_foreach(const struct kv *e, t_hash_pair_fn *fn, void *priv)
{
    struct hobj h = hobj_of(kv_ptr(e));
    struct pub_foreach_ctx x = {fn, priv};
    hobj_foreach(&h, pub_foreach_cb, &x);
}

void *t_hash_value_new(void)
{
    struct hobj h = hobj_new();
    return hobj_tagged(&h);
}

int t_hash_value_set(void **val, const void *f, size_t flen, const void *v, size_t vlen)
{
    struct hobj h = hobj_of(*val);
    int created = hobj_set(&h, f, flen, v, vlen);
    *val = hobj_tagged(&h);
    return created;
}

int t_hash_value_enc(const void *val)
{
    struct hobj h = hobj_of(val);
    return hobj_enc(&h);
}

size_t t_hash_value_len(const void *val)
{
    struct hobj h = hobj_of(val);
    return hobj_len(&h);
}

void t_hash_value_free(void *val)
{
    hobj_free(val);
}
