/* rdb_load: one value read from RDB form into Tern's own encodings.
 *
 * Accepts every encoding Redis 2.x-7.0 writes for strings, lists, sets,
 * hashes and sorted sets: the plain forms (LIST, SET, ZSET with ASCII
 * scores, ZSET_2, HASH), the compact blobs (ZIPMAP, ZIPLIST, INTSET,
 * LISTPACK) and quicklists of ziplists (RDB 7-9) or listpacks (RDB 10).
 * Streams, modules and Redis 7.2's SET_LISTPACK are rejected by name.
 *
 * Values are rebuilt through the types' own insert paths, so the encoding
 * chosen follows the current *-max-listpack-* / set-max-intset-entries
 * limits exactly as the commands would. Compact blobs are validated in full
 * by rblob before any entry is read. Duplicate members or fields are a
 * format error always for sets and plain zsets, and for hashes and compact
 * blobs only when deep (sanitize-dump-payload), as Redis 7.0.
 *
 * Must not know: the framing around a value (rdb.c), clients.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "lp.h"
#include "mem.h"
#include "quicklist.h"
#include "rblob.h"
#include "rdb_int.h"
#include "server.h"
#include "t_hash.h"
#include "t_set_int.h"
#include "t_zset.h"
#include "util.h"

/* Text of a blob entry (integers formatted into buf). */
static const char *entry_text(const struct lp_entry *e, char buf[24], size_t *len)
{
    return (const char *)lp_bytes_of(e, buf, len);
}

/* Read a compact blob string and validate it as kind; *count gets its
 * entries. Returns the mem_alloc'd blob or NULL (error recorded). */
static unsigned char *read_blob(struct rdb_reader *r, enum rblob_kind kind, size_t *len,
                                size_t *count)
{
    unsigned char *p = (unsigned char *)rdbr_string(r, len);
    if (!p)
        return NULL;
    int ok;
    switch (kind) {
    case RBLOB_LISTPACK:
        ok = rblob_lp_validate(p, *len, count);
        break;
    case RBLOB_ZIPLIST:
        ok = rblob_zl_validate(p, *len, count);
        break;
    case RBLOB_INTSET:
        ok = rblob_is_validate(p, *len, count);
        break;
    default:
        ok = rblob_zm_validate(p, *len, count);
        break;
    }
    if (ok != 0) {
        static const char *const names[] = {"listpack", "ziplist", "intset", "zipmap"};
        mem_free(p);
        rdbr_fail(r, "Invalid %s blob ending at offset %zu", names[kind], r->off);
        return NULL;
    }
    return p;
}

/* ---- lists ---- */

/* Append one node holding every entry of a validated blob (nothing for an
 * empty blob, which Redis skips too). RDB quicklist nodes stay nodes, as
 * Redis keeps them, so a list's DUMP is the same before and after a load.
 * O(entries). */
static void append_node(struct quicklist *ql, enum rblob_kind kind, const unsigned char *p,
                        size_t len)
{
    struct rblob_iter it;
    struct lp_entry e;
    char buf[24];
    unsigned char *lp = lp_new();
    size_t count = 0;
    rblob_iter_init(&it, kind, p, len);
    while (rblob_iter_next(&it, &e)) {
        size_t n;
        const char *s = entry_text(&e, buf, &n);
        lp = lp_append(lp, s, n);
        count++;
    }
    if (count == 0) {
        mem_free(lp);
        return;
    }
    struct ql_node *node = mem_calloc(1, sizeof(*node));
    node->lp = lp;
    node->count = count;
    node->prev = ql->tail;
    if (ql->tail)
        ql->tail->next = node;
    else
        ql->head = node;
    ql->tail = node;
    ql->count += count;
    ql->nnodes++;
}

static int finish_list(struct quicklist *ql, struct rdb_value *out)
{
    if (ql->count == 0) {
        ql_free(ql);
        return 1;
    }
    ql_set_depth(ql, server.list_compress_depth); /* compresses the interior */
    out->type = KV_LIST;
    out->enc = KV_ENC_QUICKLIST;
    out->ptr = ql;
    return 0;
}

/* LIST (plain), LIST_ZIPLIST, LIST_QUICKLIST, LIST_QUICKLIST_2. */
static int read_list(struct rdb_reader *r, int type, struct rdb_value *out)
{
    struct quicklist *ql = ql_new(server.list_max_listpack_size);
    if (type == RDB_TYPE_LIST_ZIPLIST) {
        size_t len, count;
        unsigned char *p = read_blob(r, RBLOB_ZIPLIST, &len, &count);
        if (!p)
            goto fail;
        append_node(ql, RBLOB_ZIPLIST, p, len);
        mem_free(p);
        return finish_list(ql, out);
    }
    uint64_t n;
    if (rdbr_count(r, &n, 1) < 0)
        goto fail;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t container = RDB_QL_PACKED;
        size_t len, count;
        if (type == RDB_TYPE_LIST) {
            char *s = rdbr_string(r, &len);
            if (!s)
                goto fail;
            ql_push(ql, QL_TAIL, s, len);
            mem_free(s);
            continue;
        }
        if (type == RDB_TYPE_LIST_QUICKLIST_2 && rdbr_len(r, &container, NULL) < 0)
            goto fail;
        if (container == RDB_QL_PLAIN) {
            char *s = rdbr_string(r, &len);
            if (!s)
                goto fail;
            ql_push(ql, QL_TAIL, s, len);
            mem_free(s);
            continue;
        }
        if (container != RDB_QL_PACKED) {
            rdbr_fail(r, "Unknown quicklist node container %llu", (unsigned long long)container);
            goto fail;
        }
        enum rblob_kind kind = type == RDB_TYPE_LIST_QUICKLIST ? RBLOB_ZIPLIST : RBLOB_LISTPACK;
        unsigned char *p = read_blob(r, kind, &len, &count);
        if (!p)
            goto fail;
        append_node(ql, kind, p, len);
        mem_free(p);
    }
    return finish_list(ql, out);
fail:
    ql_free(ql);
    return -1;
}

/* ---- sets ---- */

static int read_set(struct rdb_reader *r, int type, struct rdb_value *out)
{
    struct tset_obj s = {KV_ENC_INTSET, intset_new(), NULL};
    size_t added = 0;
    if (type == RDB_TYPE_SET_INTSET) {
        size_t len, count;
        unsigned char *p = read_blob(r, RBLOB_INTSET, &len, &count);
        if (!p)
            goto fail;
        struct rblob_iter it;
        struct lp_entry e;
        char buf[24];
        rblob_iter_init(&it, RBLOB_INTSET, p, len);
        while (rblob_iter_next(&it, &e)) {
            size_t n;
            const char *t = entry_text(&e, buf, &n);
            added += (size_t)tset_add(&s, t, n);
        }
        mem_free(p);
    } else {
        uint64_t n;
        if (rdbr_count(r, &n, 1) < 0)
            goto fail;
        if (n > (uint64_t)server.set_max_intset_entries) {
            intset_free(s.is);
            s.is = NULL;
            s.enc = KV_ENC_HASHTABLE;
            s.d = sdict_new();
        }
        for (uint64_t i = 0; i < n; i++) {
            size_t len;
            char *m = rdbr_string(r, &len);
            if (!m)
                goto fail;
            int isnew = tset_add(&s, m, len);
            mem_free(m);
            if (!isnew) {
                rdbr_fail(r, "Duplicate set members detected");
                goto fail;
            }
            added++;
        }
    }
    if (added == 0) {
        tset_free(&s);
        return 1;
    }
    out->type = KV_SET;
    out->enc = s.enc;
    out->ptr = tset_tagged(&s);
    return 0;
fail:
    tset_free(&s);
    return -1;
}

/* ---- hashes ---- */

/* Add one pair; a duplicate field is an error when strict. */
static int hash_add(struct rdb_reader *r, void **h, const char *f, size_t flen, const char *v,
                    size_t vlen, int strict)
{
    if (!t_hash_value_set(h, f, flen, v, vlen) && strict)
        return rdbr_fail(r, "Duplicate hash fields detected");
    return 0;
}

static int read_hash_blob(struct rdb_reader *r, int type, void **h)
{
    enum rblob_kind kind = type == RDB_TYPE_HASH_ZIPMAP    ? RBLOB_ZIPMAP
                           : type == RDB_TYPE_HASH_ZIPLIST ? RBLOB_ZIPLIST
                                                           : RBLOB_LISTPACK;
    size_t len, count;
    unsigned char *p = read_blob(r, kind, &len, &count);
    if (!p)
        return -1;
    if (count % 2) {
        mem_free(p);
        return rdbr_fail(r, "Hash blob with an odd number of entries");
    }
    struct rblob_iter it;
    struct lp_entry fe, ve;
    int rc = 0;
    rblob_iter_init(&it, kind, p, len);
    while (rc == 0 && rblob_iter_next(&it, &fe) && rblob_iter_next(&it, &ve)) {
        char fb[24], vb[24];
        size_t fl, vl;
        const char *f = entry_text(&fe, fb, &fl);
        const char *v = entry_text(&ve, vb, &vl);
        rc = hash_add(r, h, f, fl, v, vl, r->deep);
    }
    mem_free(p);
    return rc;
}

static int read_hash(struct rdb_reader *r, int type, struct rdb_value *out)
{
    void *h = t_hash_value_new();
    if (type != RDB_TYPE_HASH) {
        if (read_hash_blob(r, type, &h) < 0)
            goto fail;
    } else {
        uint64_t n;
        if (rdbr_count(r, &n, 2) < 0)
            goto fail;
        for (uint64_t i = 0; i < n; i++) {
            size_t fl, vl;
            char *f = rdbr_string(r, &fl);
            char *v = f ? rdbr_string(r, &vl) : NULL;
            int rc = v ? hash_add(r, &h, f, fl, v, vl, r->deep) : -1;
            mem_free(f);
            mem_free(v);
            if (rc < 0)
                goto fail;
        }
    }
    if (t_hash_value_len(h) == 0) {
        t_hash_value_free(h);
        return 1;
    }
    out->type = KV_HASH;
    out->enc = t_hash_value_enc(h);
    out->ptr = h;
    return 0;
fail:
    t_hash_value_free(h);
    return -1;
}

/* ---- sorted sets ---- */

struct zpair {
    char *m;
    size_t len;
    double score;
};

/* Build the zobj from gathered pairs (taking the member strings). */
static int build_zset(struct rdb_reader *r, struct zpair *v, size_t n, int strict,
                      struct rdb_value *out)
{
    size_t maxlen = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].len > maxlen)
            maxlen = v[i].len;
    struct zobj *z = zobj_new_for(n, maxlen);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        int res = 0;
        double ns;
        if (rc == 0) {
            zobj_add(z, v[i].score, v[i].m, v[i].len, 0, &res, &ns);
            if (!(res & ZA_ADDED) && strict)
                rc = rdbr_fail(r, "Duplicate zset fields detected");
        }
        mem_free(v[i].m);
    }
    if (rc == 0 && zobj_len(z) == 0)
        rc = 1;
    if (rc != 0) {
        zobj_free(z);
        return rc;
    }
    out->type = KV_ZSET;
    out->enc = zobj_enc(z);
    out->ptr = z;
    return 0;
}

static int read_zset_blob(struct rdb_reader *r, int type, struct rdb_value *out)
{
    enum rblob_kind kind = type == RDB_TYPE_ZSET_ZIPLIST ? RBLOB_ZIPLIST : RBLOB_LISTPACK;
    size_t len, count;
    unsigned char *p = read_blob(r, kind, &len, &count);
    if (!p)
        return -1;
    if (count % 2) {
        mem_free(p);
        return rdbr_fail(r, "Zset blob with an odd number of entries");
    }
    size_t n = count / 2, k = 0;
    struct zpair *v = mem_alloc((n ? n : 1) * sizeof(*v));
    struct rblob_iter it;
    struct lp_entry me, se;
    int rc = 0;
    rblob_iter_init(&it, kind, p, len);
    while (k < n && rblob_iter_next(&it, &me) && rblob_iter_next(&it, &se)) {
        char mb[24], sb[64];
        size_t ml, sl;
        const char *m = entry_text(&me, mb, &ml);
        double score;
        if (se.s) {
            sl = se.len < sizeof(sb) - 1 ? se.len : sizeof(sb) - 1;
            memcpy(sb, se.s, sl);
            sb[sl] = '\0';
            if (se.len >= sizeof(sb) - 1 || !util_str2d(sb, sl, &score) || isnan(score)) {
                rc = rdbr_fail(r, "Invalid zset score in blob");
                break;
            }
        } else {
            score = (double)se.v;
        }
        v[k].m = mem_strndup(m, ml);
        v[k].len = ml;
        v[k].score = score;
        k++;
    }
    mem_free(p);
    if (rc < 0) {
        for (size_t i = 0; i < k; i++)
            mem_free(v[i].m);
        mem_free(v);
        return -1;
    }
    rc = build_zset(r, v, k, r->deep, out);
    mem_free(v);
    return rc;
}

/* ZSET (ASCII scores) and ZSET_2 (binary scores). Big sets go straight
 * into a skiplist; small ones are gathered first so the encoding can be
 * chosen from the longest member, as Redis converts after loading. */
static int read_zset_plain(struct rdb_reader *r, int type, struct rdb_value *out)
{
    uint64_t n;
    if (rdbr_count(r, &n, 2) < 0)
        return -1;
    struct zpair *v = mem_alloc((n ? n : 1) * sizeof(*v));
    size_t k = 0;
    int rc = 0;
    for (; k < n; k++) {
        size_t len;
        double score;
        char *m = rdbr_string(r, &len);
        if (!m) {
            rc = -1;
            break;
        }
        int ok = type == RDB_TYPE_ZSET_2 ? rdbr_double_bin(r, &score) : rdbr_double_old(r, &score);
        if (ok == 0 && isnan(score))
            ok = rdbr_fail(r, "Zset with NAN score detected");
        if (ok < 0) {
            mem_free(m);
            rc = -1;
            break;
        }
        v[k].m = m;
        v[k].len = len;
        v[k].score = score;
    }
    if (rc < 0) {
        for (size_t i = 0; i < k; i++)
            mem_free(v[i].m);
        mem_free(v);
        return -1;
    }
    rc = build_zset(r, v, k, 1, out);
    mem_free(v);
    return rc;
}

/* ---- dispatch ---- */

static const char *unsupported_name(int type)
{
    switch (type) {
    case RDB_TYPE_MODULE:
    case RDB_TYPE_MODULE_2:
        return "module";
    case RDB_TYPE_STREAM_LISTPACKS:
    case RDB_TYPE_STREAM_LISTPACKS_2:
    case RDB_TYPE_STREAM_LISTPACKS_3:
        return "stream";
    case RDB_TYPE_SET_LISTPACK:
        return "set listpack, RDB 11 / Redis 7.2+";
    }
    return NULL;
}

int rdb_read_object(struct rdb_reader *r, int type, const char *key, size_t klen,
                    struct rdb_value *out)
{
    memset(out, 0, sizeof(*out));
    switch (type) {
    case RDB_TYPE_STRING:
        out->str = rdbr_string(r, &out->slen);
        if (!out->str)
            return -1;
        out->type = KV_STRING;
        out->enc = -1;
        return 0;
    case RDB_TYPE_LIST:
    case RDB_TYPE_LIST_ZIPLIST:
    case RDB_TYPE_LIST_QUICKLIST:
    case RDB_TYPE_LIST_QUICKLIST_2:
        return read_list(r, type, out);
    case RDB_TYPE_SET:
    case RDB_TYPE_SET_INTSET:
        return read_set(r, type, out);
    case RDB_TYPE_HASH:
    case RDB_TYPE_HASH_ZIPMAP:
    case RDB_TYPE_HASH_ZIPLIST:
    case RDB_TYPE_HASH_LISTPACK:
        return read_hash(r, type, out);
    case RDB_TYPE_ZSET:
    case RDB_TYPE_ZSET_2:
        return read_zset_plain(r, type, out);
    case RDB_TYPE_ZSET_ZIPLIST:
    case RDB_TYPE_ZSET_LISTPACK:
        return read_zset_blob(r, type, out);
    }
    const char *name = unsupported_name(type);
    int kl = klen > 200 ? 200 : (int)klen;
    if (name)
        return rdbr_fail(r, "Unsupported RDB type %d (%s) for key '%.*s': Tern has no %s", type,
                         name, kl, key, strncmp(name, "set", 3) ? name : "such encoding");
    return rdbr_fail(r, "Unknown RDB type %d for key '%.*s' at offset %zu", type, kl, key, r->off);
}

void rdb_value_free(struct rdb_value *v)
{
    mem_free(v->str);
    v->str = NULL;
    if (v->ptr) {
        switch (v->type) {
        case KV_LIST:
            ql_free(v->ptr);
            break;
        case KV_SET: {
            struct tset_obj s = {v->enc, NULL, NULL};
            if (v->enc == KV_ENC_INTSET)
                s.is = (struct intset *)((uintptr_t)v->ptr & ~(uintptr_t)1);
            else
                s.d = v->ptr;
            tset_free(&s);
            break;
        }
        case KV_HASH:
            t_hash_value_free(v->ptr);
            break;
        case KV_ZSET:
            zobj_free(v->ptr);
            break;
        }
        v->ptr = NULL;
    }
}
