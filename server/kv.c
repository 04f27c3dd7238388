/* kv: keyspace entries (layout in kv.h) and the public accessors of db.h.
 *
 * Must not know: the hash table, databases, expiry policy. It builds, reads
 * and frees single entries, and holds the per-type value operations.
 */
#include "kv.h"

#include "mem.h"
#include "slab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define META_OFF 4
#define LRU_OFF  5
#define EXP_OFF  8
#define F_EXPIRE 0x80
#define LONG_LEN 255

static struct kv_type_ops type_ops[8];

void kv_register_type(int type, const struct kv_type_ops *ops)
{
    if (type < 0 || type >= 8)
        abort();
    type_ops[type] = *ops;
}

const char *kv_enc_name(int enc)
{
    static const char *const names[] = {"raw",    "int",       "embstr",   "listpack", "quicklist",
                                        "intset", "hashtable", "skiplist", "stream"};
    if (enc < 0 || enc >= (int)(sizeof(names) / sizeof(names[0])))
        return "unknown";
    return names[enc];
}

const char *kv_type_name(int type)
{
    switch (type) {
    case KV_STRING:
        return "string";
    case KV_LIST:
        return "list";
    case KV_SET:
        return "set";
    case KV_ZSET:
        return "zset";
    case KV_HASH:
        return "hash";
    case KV_STREAM:
        return "stream";
    default:
        return "unknown";
    }
}

static const uint8_t *B(const struct kv *e)
{
    return (const uint8_t *)e;
}

static uint8_t meta(const struct kv *e)
{
    return B(e)[META_OFF];
}

int kv_has_expire(const struct kv *e)
{
    return (meta(e) & F_EXPIRE) != 0;
}

static size_t key_off(const struct kv *e)
{
    return kv_has_expire(e) ? EXP_OFF + 8 : EXP_OFF;
}

/* Offset of the value field (just after the key field). */
static size_t val_off(const struct kv *e)
{
    size_t k = key_off(e);
    uint8_t kl = B(e)[k];
    return kl == LONG_LEN ? k + 1 + 4 + 8 : k + 1 + kl;
}

static void *load_ptr(const uint8_t *p)
{
    void *v;
    memcpy(&v, p, sizeof(v));
    return v;
}

int kv_type(const struct kv *e)
{
    return meta(e) & 7;
}

int kv_enc(const struct kv *e)
{
    int enc = (meta(e) >> 3) & 15;
    return enc == KV_ENC_INT_UNSHARED ? KV_ENC_INT : enc;
}

int kv_int_unshared(const struct kv *e)
{
    return ((meta(e) >> 3) & 15) == KV_ENC_INT_UNSHARED;
}

void kv_set_enc(struct kv *e, int enc)
{
    uint8_t *m = (uint8_t *)e + META_OFF;
    *m = (uint8_t)((*m & ~(15 << 3)) | ((enc & 15) << 3));
}

const char *kv_key(const struct kv *e, size_t *len)
{
    const uint8_t *k = B(e) + key_off(e);
    if (k[0] != LONG_LEN) {
        *len = k[0];
        return (const char *)k + 1;
    }
    uint32_t n;
    memcpy(&n, k + 1, 4);
    *len = n;
    return load_ptr(k + 5);
}

int kv_str_heap(const struct kv *e, struct kv_strbuf **buf)
{
    const uint8_t *v = B(e) + val_off(e);
    if (v[0] != LONG_LEN)
        return 0;
    *buf = load_ptr(v + 1);
    return 1;
}

void kv_set_strbuf(struct kv *e, struct kv_strbuf *buf)
{
    memcpy((uint8_t *)e + val_off(e) + 1, &buf, sizeof(buf));
}

const char *kv_str(const struct kv *e, size_t *len)
{
    struct kv_strbuf *b;
    if (kv_str_heap(e, &b)) {
        *len = b->len;
        return b->data;
    }
    const uint8_t *v = B(e) + val_off(e);
    *len = v[0];
    return (const char *)v + 1;
}

int kv_str_overwrite(struct kv *e, const char *val, size_t vlen)
{
    uint8_t *v = (uint8_t *)e + val_off(e);
    if (v[0] == LONG_LEN || v[0] != vlen)
        return 0;
    memmove(v + 1, val, vlen);
    return 1;
}

void *kv_ptr(const struct kv *e)
{
    return load_ptr(B(e) + val_off(e));
}

void kv_set_ptr(struct kv *e, void *ptr)
{
    memcpy((uint8_t *)e + val_off(e), &ptr, sizeof(ptr));
}

long long kv_expire(const struct kv *e)
{
    if (!kv_has_expire(e))
        return -1;
    long long t;
    memcpy(&t, B(e) + EXP_OFF, 8);
    return t;
}

void kv_write_expire(struct kv *e, long long when_ms)
{
    memcpy((uint8_t *)e + EXP_OFF, &when_ms, 8);
}

unsigned kv_lru(const struct kv *e)
{
    const uint8_t *p = B(e) + LRU_OFF;
    return (unsigned)p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16;
}

void kv_set_lru(struct kv *e, unsigned lru)
{
    uint8_t *p = (uint8_t *)e + LRU_OFF;
    p[0] = (uint8_t)lru;
    p[1] = (uint8_t)(lru >> 8);
    p[2] = (uint8_t)(lru >> 16);
}

/* Block size for these parts; *inl says whether a string value is inline. */
static size_t parts_size(const struct kv_parts *p, int *inl)
{
    size_t n = EXP_OFF + (p->expire >= 0 ? 8 : 0);
    n += p->klen < LONG_LEN ? 1 + p->klen : 1 + 4 + 8;
    *inl = 0;
    if (p->type != KV_STRING)
        return n + 8;
    if (!p->sbuf && p->slen < LONG_LEN && n + 1 + p->slen <= SLAB_MAX) {
        *inl = 1;
        return n + 1 + p->slen;
    }
    return n + 1 + 8;
}

/* Block size of an existing entry. */
static size_t entry_size(const struct kv *e)
{
    size_t v = val_off(e);
    if (kv_type(e) != KV_STRING)
        return v + 8;
    uint8_t vl = B(e)[v];
    return vl == LONG_LEN ? v + 1 + 8 : v + 1 + vl;
}

struct kv_strbuf *kv_strbuf_new(const char *s, size_t len, size_t cap)
{
    if (cap < len)
        cap = len;
    struct kv_strbuf *b = mem_alloc(sizeof(*b) + cap);
    b->len = len;
    if (s)
        memcpy(b->data, s, len);
    else
        memset(b->data, 0, len);
    return b;
}

size_t kv_strbuf_cap(const struct kv_strbuf *b)
{
    return mem_size(b) - sizeof(*b);
}

uint32_t kv_build(const struct kv_parts *p)
{
    int inl;
    size_t size = parts_size(p, &inl);
    uint32_t h = slab_alloc(size);
    uint8_t *e = slab_ptr(h);
    memset(e, 0, 4);
    e[META_OFF] = (uint8_t)((p->type & 7) | (p->enc & 15) << 3 | (p->expire >= 0 ? F_EXPIRE : 0));
    kv_set_lru((struct kv *)e, p->lru);
    size_t o = EXP_OFF;
    if (p->expire >= 0) {
        memcpy(e + o, &p->expire, 8);
        o += 8;
    }
    if (p->klen < LONG_LEN) {
        e[o++] = (uint8_t)p->klen;
        memcpy(e + o, p->key, p->klen);
        o += p->klen;
    } else {
        uint32_t n = (uint32_t)p->klen;
        char *copy = mem_alloc(p->klen);
        memcpy(copy, p->key, p->klen);
        e[o] = LONG_LEN;
        memcpy(e + o + 1, &n, 4);
        memcpy(e + o + 5, &copy, sizeof(copy));
        o += 13;
    }
    if (p->type != KV_STRING) {
        memcpy(e + o, &p->ptr, sizeof(p->ptr));
    } else if (inl) {
        e[o] = (uint8_t)p->slen;
        memcpy(e + o + 1, p->sval, p->slen);
    } else {
        struct kv_strbuf *b = p->sbuf ? p->sbuf : kv_strbuf_new(p->sval, p->slen, p->slen);
        e[o] = LONG_LEN;
        memcpy(e + o + 1, &b, sizeof(b));
    }
    return h;
}

void kv_get_parts(const struct kv *e, struct kv_parts *p)
{
    memset(p, 0, sizeof(*p));
    p->type = kv_type(e);
    p->enc = (meta(e) >> 3) & 15; /* the raw tag: keeps KV_ENC_INT_UNSHARED */
    p->lru = kv_lru(e);
    p->expire = kv_expire(e);
    p->key = kv_key(e, &p->klen);
    if (p->type != KV_STRING)
        p->ptr = kv_ptr(e);
    else if (!kv_str_heap(e, &p->sbuf))
        p->sval = kv_str(e, &p->slen);
    else
        p->slen = p->sbuf->len;
}

void kv_free_shell(uint32_t h)
{
    struct kv *e = kv_at(h);
    const uint8_t *k = B(e) + key_off(e);
    if (k[0] == LONG_LEN)
        mem_free(load_ptr(k + 5));
    slab_free(h, entry_size(e));
}

void kv_free(uint32_t h)
{
    struct kv *e = kv_at(h);
    int t = kv_type(e);
    struct kv_strbuf *b;
    if (t != KV_STRING) {
        void *ptr = kv_ptr(e);
        if (type_ops[t].free)
            type_ops[t].free(ptr);
    } else if (kv_str_heap(e, &b)) {
        mem_free(b);
    }
    kv_free_shell(h);
}

void kv_dup_value(const struct kv *e, struct kv_parts *p)
{
    int t = kv_type(e);
    p->sbuf = NULL;
    p->ptr = NULL;
    if (t != KV_STRING) {
        if (!type_ops[t].dup) {
            /* Sharing the object would free it twice later. */
            fprintf(stderr, "kv: no dup registered for type %d\n", t);
            abort();
        }
        p->ptr = type_ops[t].dup(kv_ptr(e));
        return;
    }
    p->sval = kv_str(e, &p->slen);
}

size_t kv_mem_shell(const struct kv *e)
{
    size_t n = slab_class_size(entry_size(e));
    const uint8_t *k = B(e) + key_off(e);
    if (k[0] == LONG_LEN)
        n += mem_size(load_ptr(k + 5));
    struct kv_strbuf *b;
    if (kv_type(e) == KV_STRING && kv_str_heap(e, &b))
        n += mem_size(b);
    return n;
}

size_t kv_mem(const struct kv *e)
{
    size_t n = kv_mem_shell(e);
    int t = kv_type(e);
    if (t != KV_STRING && type_ops[t].mem)
        n += type_ops[t].mem(kv_ptr(e));
    return n;
}
