/* rdb_save: one value written in RDB form, with the type byte Redis 7.0
 * chooses for its encoding: string; list as QUICKLIST_2 (one packed
 * listpack per node); set as SET_INTSET or SET; hash as HASH_LISTPACK or
 * HASH; zset as ZSET_LISTPACK or ZSET_2 (binary scores, tail to head as
 * Redis writes them).
 *
 * Tern's listpack and intset are its own layouts, so compact values are
 * re-encoded entry by entry into Redis's byte format through rblob; Redis's
 * listpack builder stores integer-looking strings as integers exactly as
 * Tern does, so the blobs (and DUMP payloads) come out byte-identical.
 *
 * Must not know: the RDB framing around a value (rdb.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "lp.h"
#include "mem.h"
#include "quicklist.h"
#include "rblob.h"
#include "rdb_int.h"
#include "skiplist.h"
#include "t_hash.h"
#include "t_set.h"
#include "t_zset.h"
#include "util.h"

/* Append every entry of Tern listpack lp to a Redis-format listpack. */
static void lp_copy_entries(struct rblob_buf *b, const unsigned char *lp)
{
    size_t end = lp_end(lp);
    for (size_t off = lp_first(lp); off != end; off = lp_next(lp, off)) {
        struct lp_entry e;
        lp_get(lp, off, &e);
        if (e.s)
            rblob_lp_add_str(b, (const char *)e.s, e.len);
        else
            rblob_lp_add_int(b, e.v);
    }
}

/* Write Tern listpack lp as a Redis listpack blob (a string). O(n). */
static void write_lp_blob(struct rdb_writer *w, const unsigned char *lp)
{
    struct rblob_buf b;
    size_t len;
    rblob_lp_begin(&b);
    lp_copy_entries(&b, lp);
    unsigned char *blob = rblob_lp_end(&b, &len);
    rdbw_string(w, blob, len);
    mem_free(blob);
}

static void write_list(struct rdb_writer *w, const struct kv *e)
{
    const struct quicklist *ql = kv_ptr(e);
    rdbw_len(w, ql->nnodes);
    for (const struct ql_node *n = ql->head; n; n = n->next) {
        unsigned char *tmp; /* a compressed node is written decompressed */
        rdbw_len(w, RDB_QL_PACKED);
        write_lp_blob(w, ql_node_listpack(n, &tmp));
        mem_free(tmp);
    }
}

/* ---- sets ---- */

struct set_ctx {
    struct rdb_writer *w;
    int64_t *vals;
    size_t n;
};

static void set_member_cb(void *priv, const char *p, size_t len)
{
    struct set_ctx *x = priv;
    rdbw_string(x->w, p, len);
}

static void set_int_cb(void *priv, const char *p, size_t len)
{
    struct set_ctx *x = priv;
    long long v = 0;
    util_str2ll(p, len, &v);
    x->vals[x->n++] = v;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static void write_set(struct rdb_writer *w, const struct kv *e)
{
    size_t n = tset_size(e);
    struct set_ctx x = {w, NULL, 0};
    if (kv_enc(e) == KV_ENC_INTSET) {
        x.vals = mem_alloc((n ? n : 1) * sizeof(int64_t));
        tset_foreach(e, set_int_cb, &x);
        /* Intset iteration is ascending already; sorting keeps the blob
         * valid even if that ever changes. */
        qsort(x.vals, x.n, sizeof(int64_t), cmp_i64);
        size_t len;
        unsigned char *blob = rblob_is_build(x.vals, x.n, &len);
        rdbw_string(w, blob, len);
        mem_free(blob);
        mem_free(x.vals);
        return;
    }
    rdbw_len(w, n);
    tset_foreach(e, set_member_cb, &x);
}

/* ---- hashes ---- */

struct hash_ctx {
    struct rdb_writer *w;
    struct rblob_buf *b;
};

static void hash_pair_cb(void *priv, const char *f, size_t flen, const char *v, size_t vlen)
{
    struct hash_ctx *x = priv;
    if (x->b) {
        rblob_lp_add_str(x->b, f, flen);
        rblob_lp_add_str(x->b, v, vlen);
    } else {
        rdbw_string(x->w, f, flen);
        rdbw_string(x->w, v, vlen);
    }
}

static void write_hash(struct rdb_writer *w, const struct kv *e)
{
    struct hash_ctx x = {w, NULL};
    if (kv_enc(e) == KV_ENC_LISTPACK) {
        struct rblob_buf b;
        size_t len;
        rblob_lp_begin(&b);
        x.b = &b;
        t_hash_foreach(e, hash_pair_cb, &x);
        unsigned char *blob = rblob_lp_end(&b, &len);
        rdbw_string(w, blob, len);
        mem_free(blob);
        return;
    }
    rdbw_len(w, t_hash_len(e));
    t_hash_foreach(e, hash_pair_cb, &x);
}

/* ---- sorted sets ---- */

static void write_zset(struct rdb_writer *w, const struct kv *e)
{
    const struct zobj *z = kv_ptr(e);
    if (z->lp) {
        write_lp_blob(w, z->lp);
        return;
    }
    rdbw_len(w, z->sl->length);
    /* Tail to head, as Redis does, so a loader inserting in order always
     * appends at the head of its skiplist search. */
    for (const struct sl_node *n = z->sl->tail; n; n = n->back) {
        rdbw_string(w, sl_ele(n), n->len);
        rdbw_double_bin(w, n->score);
    }
}

int rdb_object_type(const struct kv *e)
{
    switch (kv_type(e)) {
    case KV_STRING:
        return RDB_TYPE_STRING;
    case KV_LIST:
        return RDB_TYPE_LIST_QUICKLIST_2;
    case KV_SET:
        return kv_enc(e) == KV_ENC_INTSET ? RDB_TYPE_SET_INTSET : RDB_TYPE_SET;
    case KV_HASH:
        return kv_enc(e) == KV_ENC_LISTPACK ? RDB_TYPE_HASH_LISTPACK : RDB_TYPE_HASH;
    case KV_ZSET:
        return kv_enc(e) == KV_ENC_LISTPACK ? RDB_TYPE_ZSET_LISTPACK : RDB_TYPE_ZSET_2;
    }
    return -1;
}

void rdb_write_value(struct rdb_writer *w, const struct kv *e)
{
    switch (kv_type(e)) {
    case KV_STRING: {
        size_t len;
        const char *s = kv_str(e, &len);
        rdbw_string(w, s, len);
        break;
    }
    case KV_LIST:
        write_list(w, e);
        break;
    case KV_SET:
        write_set(w, e);
        break;
    case KV_HASH:
        write_hash(w, e);
        break;
    case KV_ZSET:
        write_zset(w, e);
        break;
    default:
        /* Tern creates no other types; writing nothing would corrupt the
         * stream, so fail the writer instead. */
        w->failed = 1;
        w->err_no = EINVAL;
        break;
    }
}
