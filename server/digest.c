/* digest: content digests for DEBUG DIGEST / DIGEST-VALUE (see digest.h).
 *
 * Building blocks, all on 20-byte states:
 *   h160(p)      three SipHash-2-4 outputs of p under three fixed keys,
 *                truncated to 20 bytes: a keyed-PRF hash of a byte string;
 *   mix(d, p)    d = h160(d xor h160(p)): order-dependent chaining, so
 *                mix("a") mix("b") differs from mix("b") mix("a") and from
 *                mix("ab");
 *   d ^= x       order-independent accumulation.
 * A value's digest is mix(type), then its contents: a string mixes its
 * bytes; a list mixes each element in order; a set XORs h160(member) over
 * its members; a hash XORs, per field, mix(field) mix(value) from zero; a
 * sorted set the same with the member and its score printed with %.17g
 * (equal doubles, equal text). The XOR sum is then mixed into the value's
 * digest. Integers met in listpacks or intsets are printed in decimal first,
 * so a member's digest does not depend on how it is stored. A TTL mixes the
 * word "!!expire!!". The dataset digest XORs, over every key of every
 * database, mix(db id) mix(key) mix(value digest) from zero.
 *
 * Invariant: nothing here writes to the keyspace; a list read through the
 * quicklist iterator is settled afterwards (its hot node recompressed).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "digest.h"
#include "quicklist.h"
#include "server.h"
#include "siphash.h"
#include "t_hash.h"
#include "t_set.h"
#include "t_zset.h"
#include "util.h"

/* Fixed keys: digests must be stable across processes and runs. */
static const uint8_t keys[3][16] = {
    {'t', 'e', 'r', 'n', '-', 'd', 'i', 'g', 'e', 's', 't', '-', 'k', 'e', 'y', '0'},
    {'t', 'e', 'r', 'n', '-', 'd', 'i', 'g', 'e', 's', 't', '-', 'k', 'e', 'y', '1'},
    {'t', 'e', 'r', 'n', '-', 'd', 'i', 'g', 'e', 's', 't', '-', 'k', 'e', 'y', '2'},
};

static void h160(const void *p, size_t len, unsigned char out[DIGEST_LEN])
{
    unsigned char buf[24];
    for (int i = 0; i < 3; i++) {
        uint64_t h = siphash24(p, len, keys[i]);
        memcpy(buf + 8 * i, &h, 8);
    }
    memcpy(out, buf, DIGEST_LEN);
}

static void xor_into(unsigned char d[DIGEST_LEN], const unsigned char x[DIGEST_LEN])
{
    for (int i = 0; i < DIGEST_LEN; i++)
        d[i] ^= x[i];
}

static void mix(unsigned char d[DIGEST_LEN], const void *p, size_t len)
{
    unsigned char t[DIGEST_LEN];
    h160(p, len, t);
    xor_into(d, t);
    h160(d, DIGEST_LEN, d);
}

static void mix_ll(unsigned char d[DIGEST_LEN], long long v)
{
    char buf[24];
    size_t n = util_ll2str(buf, v);
    mix(d, buf, n);
}

/* ---- per type ---- */

static void list_digest(struct quicklist *ql, unsigned char d[DIGEST_LEN])
{
    struct ql_iter it;
    struct lp_entry le;
    if (ql_iter_init(&it, ql, 0, QL_HEAD)) {
        while (ql_iter_next(&it, &le)) {
            if (le.s)
                mix(d, le.s, le.len);
            else
                mix_ll(d, le.v);
        }
    }
    ql_settle(ql);
}

static void set_member_cb(void *priv, const char *p, size_t len)
{
    unsigned char t[DIGEST_LEN];
    h160(p, len, t);
    xor_into(priv, t);
}

static void hash_pair_cb(void *priv, const char *f, size_t flen, const char *v, size_t vlen)
{
    unsigned char t[DIGEST_LEN] = {0};
    mix(t, f, flen);
    mix(t, v, vlen);
    xor_into(priv, t);
}

static void zset_digest(struct zobj *z, unsigned char acc[DIGEST_LEN])
{
    size_t n = zobj_len(z);
    if (n == 0)
        return;
    struct zcur cur;
    zcur_at(&cur, z, 0);
    for (size_t i = 0; i < n; i++) {
        const char *m;
        size_t mlen;
        double score;
        zcur_get(&cur, &m, &mlen, &score);
        unsigned char t[DIGEST_LEN] = {0};
        char buf[64];
        int sl = snprintf(buf, sizeof(buf), "%.17g", score);
        mix(t, m, mlen);
        mix(t, buf, (size_t)sl);
        xor_into(acc, t);
        if (i + 1 < n)
            zcur_next(&cur);
    }
}

void digest_value(struct kv *e, unsigned char out[DIGEST_LEN])
{
    memset(out, 0, DIGEST_LEN);
    unsigned char type[4] = {0, 0, 0, (unsigned char)kv_type(e)};
    mix(out, type, sizeof(type));
    unsigned char acc[DIGEST_LEN] = {0};
    size_t len;
    switch (kv_type(e)) {
    case KV_STRING: {
        const char *s = kv_str(e, &len);
        mix(out, s, len);
        break;
    }
    case KV_LIST:
        list_digest(kv_ptr(e), out);
        break;
    case KV_SET:
        tset_foreach(e, set_member_cb, acc);
        mix(out, acc, DIGEST_LEN);
        break;
    case KV_HASH:
        t_hash_foreach(e, hash_pair_cb, acc);
        mix(out, acc, DIGEST_LEN);
        break;
    case KV_ZSET:
        zset_digest(kv_ptr(e), acc);
        mix(out, acc, DIGEST_LEN);
        break;
    default:
        break;
    }
    if (kv_expire(e) >= 0)
        mix(out, "!!expire!!", 10);
}

struct dataset_ctx {
    unsigned char *final;
    unsigned char dbid[4];
};

static void dataset_key_cb(void *priv, struct kv *e)
{
    struct dataset_ctx *ctx = priv;
    unsigned char k[DIGEST_LEN] = {0}, v[DIGEST_LEN];
    size_t klen;
    const char *key = kv_key(e, &klen);
    mix(k, ctx->dbid, sizeof(ctx->dbid));
    mix(k, key, klen);
    digest_value(e, v);
    mix(k, v, DIGEST_LEN);
    xor_into(ctx->final, k);
}

void digest_dataset(unsigned char out[DIGEST_LEN])
{
    memset(out, 0, DIGEST_LEN);
    struct dataset_ctx ctx = {.final = out};
    for (int i = 0; i < server.databases; i++) {
        ctx.dbid[0] = (unsigned char)(i >> 24);
        ctx.dbid[1] = (unsigned char)(i >> 16);
        ctx.dbid[2] = (unsigned char)(i >> 8);
        ctx.dbid[3] = (unsigned char)i;
        db_foreach(server.db[i], dataset_key_cb, &ctx);
    }
}

void digest_hex(const unsigned char d[DIGEST_LEN], char hex[2 * DIGEST_LEN + 1])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < DIGEST_LEN; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * DIGEST_LEN] = '\0';
}
