/* t_hll: the HyperLogLog commands PFADD, PFCOUNT, PFMERGE, PFDEBUG and
 * PFSELFTEST over string values holding Redis 7.0's HLL bytes (hll.c).
 *
 * Semantics are Redis 7.0.15's: a string that is not an HLL answers
 * "WRONGTYPE Key is not a valid HyperLogLog string value.", a corrupted one
 * "INVALIDOBJ Corrupted HLL object detected"; PFADD and PFMERGE fire
 * "pfadd"; PFCOUNT of one key stores the cardinality in the header when
 * the cached one is stale (a write: the key is signalled and dirty grows,
 * without an event); every command that may write leaves the value raw.
 *
 * Invariants: every handler replies exactly once; the struct kv pointer is
 * refreshed through db_string_resize whenever the value is resized.
 *
 * Must not know: the physical layout of entries (kv.c), connections; the
 * HLL encodings are hll.c's.
 */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "hll.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_string.h"

#define HLL_WRONGTYPE "WRONGTYPE Key is not a valid HyperLogLog string value."
#define HLL_INVALID   "INVALIDOBJ Corrupted HLL object detected"

/* The entry being edited, for hll_str's resize callback. */
struct hll_ctx {
    struct db *db;
    struct kv *e;
};

static unsigned char *ctx_resize(void *priv, size_t newlen)
{
    struct hll_ctx *x = priv;
    return (unsigned char *)db_string_resize(x->db, &x->e, newlen);
}

/* Check that e (not NULL) holds an HLL; replies the error and returns -1
 * if not. */
static int check_hll(struct client *c, const struct kv *e)
{
    if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return -1;
    }
    size_t len;
    const char *p = kv_str(e, &len);
    if (!hll_is_hll((const unsigned char *)p, len)) {
        reply_error(c, HLL_WRONGTYPE);
        return -1;
    }
    return 0;
}

/* Make the HLL in x->e writable (raw) and describe it in s. */
static void open_hll(struct hll_ctx *x, struct hll_str *s)
{
    size_t len;
    kv_str(x->e, &len);
    s->p = (unsigned char *)db_string_resize(x->db, &x->e, len);
    s->len = len;
    s->resize = ctx_resize;
    s->ctx = x;
}

/* Look key up for writing: NULL if missing (with *err 0), NULL with *err 1
 * after an error reply, else the HLL entry. */
static struct kv *lookup_hll_write(struct client *c, const struct resp_arg *key, int *err)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, 0);
    *err = e && check_hll(c, e) < 0;
    return *err ? NULL : e;
}

/* A new empty (sparse) HLL under key. */
static struct kv *create_hll(struct client *c, const struct resp_arg *key)
{
    unsigned char buf[HLL_EMPTY_SIZE];
    hll_init_empty(buf);
    return db_set_string(c->db, key->ptr, key->len, (const char *)buf, sizeof(buf), KV_ENC_RAW, -1,
                         0);
}

/* PFADD key [element ...]: 1 if a register changed (or the key was made),
 * else 0. O(elements * sparse length), O(elements) when dense. */
void cmd_pfadd(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    int err, updated = 0;
    struct hll_ctx x = {c->db, lookup_hll_write(c, key, &err)};
    if (err)
        return;
    if (!x.e) {
        x.e = create_hll(c, key);
        updated++;
    }
    struct hll_str s;
    open_hll(&x, &s);
    for (int j = 2; j < c->argc; j++) {
        int rc = hll_add(&s, c->argv[j].ptr, c->argv[j].len, server.hll_sparse_max_bytes);
        if (rc < 0) {
            reply_error(c, HLL_INVALID);
            return;
        }
        updated += rc;
    }
    if (updated) {
        hll_cache_invalidate(s.p);
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_STRING, "pfadd", c->db, key->ptr, key->len);
        server.dirty += updated;
    }
    reply_int(c, updated ? 1 : 0);
}

/* PFCOUNT of one key: the cached cardinality, or a fresh estimate stored
 * in the header. */
static void pfcount_one(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    int err;
    struct hll_ctx x = {c->db, lookup_hll_write(c, key, &err)};
    if (err)
        return;
    if (!x.e) {
        reply_int(c, 0);
        return;
    }
    struct hll_str s;
    open_hll(&x, &s);
    uint64_t card;
    if (hll_cache_valid(s.p)) {
        card = hll_cache_get(s.p);
    } else {
        int invalid = 0;
        card = hll_count(s.p, s.len, &invalid);
        if (invalid) {
            reply_error(c, HLL_INVALID);
            return;
        }
        hll_cache_set(s.p, card);
        notify_key_modified(c->db, key->ptr, key->len);
        server.dirty++;
    }
    reply_int(c, (long long)card);
}

/* PFCOUNT key [key ...]: the estimate of the union (several keys: merged
 * into a scratch register array, nothing written). O(keys * 16384). */
void cmd_pfcount(struct client *c)
{
    if (c->argc == 2) {
        pfcount_one(c);
        return;
    }
    uint8_t *max = mem_alloc(HLL_REGISTERS);
    memset(max, 0, HLL_REGISTERS);
    for (int j = 1; j < c->argc; j++) {
        struct kv *e = tstr_lookup_read(c, &c->argv[j]);
        if (!e)
            continue;
        if (check_hll(c, e) < 0)
            goto done;
        size_t len;
        const unsigned char *p = (const unsigned char *)kv_str(e, &len);
        if (hll_merge_into(max, p, len) < 0) {
            reply_error(c, HLL_INVALID);
            goto done;
        }
    }
    reply_int(c, (long long)hll_count_raw(max));
done:
    mem_free(max);
}

/* Merge the sources (destkey first, then the others) into max; *dense is
 * set when one of them is dense. Replies and returns -1 on an error. */
static int merge_sources(struct client *c, uint8_t *max, int *dense)
{
    for (int j = 1; j < c->argc; j++) {
        struct kv *e = tstr_lookup_read(c, &c->argv[j]);
        if (!e)
            continue;
        if (check_hll(c, e) < 0)
            return -1;
        size_t len;
        const unsigned char *p = (const unsigned char *)kv_str(e, &len);
        if (hll_encoding(p) == HLL_ENC_DENSE)
            *dense = 1;
        if (hll_merge_into(max, p, len) < 0) {
            reply_error(c, HLL_INVALID);
            return -1;
        }
    }
    return 0;
}

/* PFMERGE destkey [sourcekey ...]: destkey becomes the union (it counts
 * as a source too); dense if any input was dense. O(keys * 16384). */
void cmd_pfmerge(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    uint8_t *max = mem_alloc(HLL_REGISTERS);
    memset(max, 0, HLL_REGISTERS);
    int dense = 0;
    if (merge_sources(c, max, &dense) < 0)
        goto done;

    struct hll_ctx x = {c->db, db_lookup(c->db, key->ptr, key->len, 0)};
    if (!x.e)
        x.e = create_hll(c, key);
    struct hll_str s;
    open_hll(&x, &s);
    if (dense && hll_to_dense(&s) < 0) {
        reply_error(c, HLL_INVALID);
        goto done;
    }
    for (long i = 0; i < HLL_REGISTERS; i++) {
        /* A corrupted destination was rejected by merge_sources. */
        if (max[i])
            hll_set(&s, i, max[i], server.hll_sparse_max_bytes);
    }
    hll_cache_invalidate(s.p);
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(NOTIFY_STRING, "pfadd", c->db, key->ptr, key->len);
    server.dirty++;
    reply_ok(c);
done:
    mem_free(max);
}

/* PFDEBUG GETREG|DECODE|ENCODING|TODENSE key: internals for tests. GETREG
 * and TODENSE turn a sparse value dense. */
void cmd_pfdebug(struct client *c)
{
    const struct resp_arg *sub = &c->argv[1], *key = &c->argv[2];
    struct hll_ctx x = {c->db, db_lookup(c->db, key->ptr, key->len, 0)};
    if (!x.e) {
        reply_error(c, "ERR The specified key does not exist");
        return;
    }
    if (check_hll(c, x.e) < 0)
        return;
    struct hll_str s;
    open_hll(&x, &s);
    int getreg = tstr_arg_is(sub, "getreg"), todense = tstr_arg_is(sub, "todense");
    int decode = tstr_arg_is(sub, "decode"), encoding = tstr_arg_is(sub, "encoding");
    if (!getreg && !todense && !decode && !encoding) {
        reply_errorf(c, "ERR Unknown PFDEBUG subcommand '%.*s'", (int)sub->len, sub->ptr);
        return;
    }
    if (c->argc != 3) {
        reply_error_arity(c);
        return;
    }
    if (getreg || todense) {
        int conv = hll_to_dense(&s);
        if (conv < 0) {
            reply_error(c, HLL_INVALID);
            return;
        }
        server.dirty += conv; /* an encoding change is propagated */
        if (todense) {
            reply_int(c, conv);
            return;
        }
        reply_array(c, HLL_REGISTERS);
        for (long i = 0; i < HLL_REGISTERS; i++)
            reply_int(c, hll_dense_get(s.p + HLL_HDR_SIZE, i));
    } else if (decode) {
        if (hll_encoding(s.p) != HLL_ENC_SPARSE) {
            reply_error(c, "ERR HLL encoding is not sparse");
            return;
        }
        size_t n;
        char *txt = hll_decode(s.p, s.len, &n);
        reply_bulk(c, txt, n);
        mem_free(txt);
    } else {
        reply_status(c, hll_encoding(s.p) == HLL_ENC_DENSE ? "dense" : "sparse");
    }
}

/* PFSELFTEST: OK, or an error naming what failed. */
void cmd_pfselftest(struct client *c)
{
    const char *err = hll_selftest();
    if (err)
        reply_error(c, err);
    else
        reply_ok(c);
}
