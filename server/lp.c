/* lp: the listpack (see lp.h for the layout and the contract).
 *
 * Entry encodings (first byte of an entry):
 *   0xxxxxxx                 integer 0..127, no payload
 *   10xxxxxx + bytes         string, length 0..63 in the low 6 bits
 *   110xxxxx yyyyyyyy        13-bit signed integer (-4096..4095), big end first
 *   1110xxxx yyyyyyyy + b    string, 12-bit length (64..4095)
 *   0xF0 + u32 len + bytes   string, 32-bit length
 *   0xF1/0xF2/0xF3/0xF4      16/24/32/64-bit signed integer, little endian
 *   0xFF                     end of listpack (never an entry)
 * After the encoding and payload comes backlen: the size of the encoding and
 * payload (not counting backlen itself), 7 bits per byte, written so that a
 * reader starting at the entry's last byte can decode it going left: the last
 * byte holds the low 7 bits, and bit 7 set means "one more byte to the left".
 *
 * Placement: lp_new() listpacks live on the malloc heap; lp_new_small() ones
 * in the slab until they outgrow SLAB_MAX (slab_mem_resize moves them). Both
 * kinds are resized through slab_mem_resize, which tells them apart by
 * address, so every edit below works on either.
 *
 * Invariants: lp_bytes() equals the allocation's used size (the slab needs
 * it to find the block's class when resizing or freeing); the header count
 * is exact while below 65535, and LP_COUNT_UNKNOWN means "recount".
 * Must not know: lists, hashes, sorted sets.
 */
#include "lp.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "slab.h"
#include "util.h"

#define LP_HDR           6
#define LP_END           0xFF
#define LP_COUNT_UNKNOWN 65535u

#define ENC_INT16 0xF1
#define ENC_INT24 0xF2
#define ENC_INT32 0xF3
#define ENC_INT64 0xF4
#define ENC_STR32 0xF0

/* Largest encoding header (1 byte type + 8 bytes int or 4 bytes length)
 * plus the largest backlen. */
#define ENC_MAX     9
#define BACKLEN_MAX 5

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static unsigned hdr_count(const unsigned char *lp)
{
    return (unsigned)lp[4] | (unsigned)lp[5] << 8;
}

static void set_hdr_count(unsigned char *lp, size_t n)
{
    unsigned v = n >= LP_COUNT_UNKNOWN ? LP_COUNT_UNKNOWN : (unsigned)n;
    lp[4] = (unsigned char)v;
    lp[5] = (unsigned char)(v >> 8);
}

/* Adjust the header count by delta entries (delta may be negative). Once
 * unknown it stays unknown until a full recount fits below the cap. */
static void add_count(unsigned char *lp, long delta)
{
    unsigned c = hdr_count(lp);
    if (c == LP_COUNT_UNKNOWN)
        return;
    long n = (long)c + delta;
    assert(n >= 0);
    set_hdr_count(lp, (size_t)n);
}

unsigned char *lp_new(void)
{
    unsigned char *lp = mem_alloc(LP_HDR + 1);
    put_u32(lp, LP_HDR + 1);
    set_hdr_count(lp, 0);
    lp[LP_HDR] = LP_END;
    return lp;
}

unsigned char *lp_new_small(void)
{
    unsigned char *lp = slab_mem_alloc(LP_HDR + 1);
    put_u32(lp, LP_HDR + 1);
    set_hdr_count(lp, 0);
    lp[LP_HDR] = LP_END;
    return lp;
}

void lp_free(unsigned char *lp)
{
    if (lp)
        slab_mem_free(lp, lp_bytes(lp));
}

unsigned char *lp_dup(const unsigned char *lp)
{
    size_t n = lp_bytes(lp);
    unsigned char *c = slab_mem_alloc(n);
    memcpy(c, lp, n);
    return c;
}

size_t lp_mem(const unsigned char *lp)
{
    return slab_mem_size(lp, lp_bytes(lp));
}

size_t lp_bytes(const unsigned char *lp)
{
    return get_u32(lp);
}

/* Bytes backlen takes to store l. */
static size_t backlen_size(size_t l)
{
    if (l < 128)
        return 1;
    if (l < 16384)
        return 2;
    if (l < (1u << 21))
        return 3;
    if (l < (1u << 28))
        return 4;
    return 5;
}

/* Write the backlen of l at p; returns its size. */
static size_t put_backlen(unsigned char *p, size_t l)
{
    size_t n = backlen_size(l);
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)((l >> (7 * i)) & 127);
        if (i < n - 1)
            b |= 128;
        p[n - 1 - i] = b;
    }
    return n;
}

/* Size of the encoding and payload of the entry starting at p. */
static size_t enc_size(const unsigned char *p)
{
    unsigned char b = p[0];
    if ((b & 0x80) == 0)
        return 1;
    if ((b & 0xC0) == 0x80)
        return 1 + (b & 0x3F);
    if ((b & 0xE0) == 0xC0)
        return 2;
    if ((b & 0xF0) == 0xE0)
        return 2 + (((size_t)(b & 0x0F) << 8) | p[1]);
    switch (b) {
    case ENC_STR32:
        return 5 + (size_t)get_u32(p + 1);
    case ENC_INT16:
        return 3;
    case ENC_INT24:
        return 4;
    case ENC_INT32:
        return 5;
    case ENC_INT64:
        return 9;
    default:
        abort(); /* corrupt listpack: offsets are only ever ours */
    }
}

/* Whole entry size (encoding + payload + backlen). */
static size_t entry_size(const unsigned char *p)
{
    size_t l = enc_size(p);
    return l + backlen_size(l);
}

size_t lp_count(const unsigned char *lp)
{
    unsigned c = hdr_count(lp);
    if (c != LP_COUNT_UNKNOWN)
        return c;
    size_t n = 0;
    for (size_t off = LP_HDR; lp[off] != LP_END; off += entry_size(lp + off))
        n++;
    return n;
}

size_t lp_first(const unsigned char *lp)
{
    (void)lp;
    return LP_HDR;
}

size_t lp_end(const unsigned char *lp)
{
    return lp_bytes(lp) - 1;
}

size_t lp_next(const unsigned char *lp, size_t off)
{
    assert(lp[off] != LP_END);
    return off + entry_size(lp + off);
}

size_t lp_prev(const unsigned char *lp, size_t off)
{
    if (off <= LP_HDR)
        return 0;
    /* Decode the backlen of the previous entry, which ends at off - 1. */
    const unsigned char *p = lp + off - 1;
    size_t l = 0;
    unsigned shift = 0;
    for (;;) {
        l |= (size_t)(*p & 127) << shift;
        if (!(*p & 128))
            break;
        shift += 7;
        p--;
    }
    return off - l - backlen_size(l);
}

size_t lp_last(const unsigned char *lp)
{
    return lp_prev(lp, lp_end(lp));
}

size_t lp_seek(const unsigned char *lp, long long i)
{
    size_t off;
    if (i >= 0) {
        off = LP_HDR;
        while (i-- > 0) {
            if (lp[off] == LP_END)
                return 0;
            off = lp_next(lp, off);
        }
        return lp[off] == LP_END ? 0 : off;
    }
    off = lp_end(lp);
    while (i++ < 0) {
        off = lp_prev(lp, off);
        if (off == 0)
            return 0;
    }
    return off;
}

/* Sign-extend the low `bits` bits of u. */
static long long sext(uint64_t u, unsigned bits)
{
    uint64_t m = (uint64_t)1 << (bits - 1);
    u &= (bits == 64) ? ~(uint64_t)0 : (((uint64_t)1 << bits) - 1);
    return (long long)((u ^ m) - m);
}

static uint64_t get_le(const unsigned char *p, unsigned n)
{
    uint64_t u = 0;
    for (unsigned i = 0; i < n; i++)
        u |= (uint64_t)p[i] << (8 * i);
    return u;
}

void lp_get(const unsigned char *lp, size_t off, struct lp_entry *e)
{
    const unsigned char *p = lp + off;
    unsigned char b = p[0];
    e->s = NULL;
    e->len = 0;
    if ((b & 0x80) == 0) {
        e->v = b;
    } else if ((b & 0xC0) == 0x80) {
        e->s = p + 1;
        e->len = b & 0x3F;
    } else if ((b & 0xE0) == 0xC0) {
        e->v = sext(((uint64_t)(b & 0x1F) << 8) | p[1], 13);
    } else if ((b & 0xF0) == 0xE0) {
        e->s = p + 2;
        e->len = ((size_t)(b & 0x0F) << 8) | p[1];
    } else if (b == ENC_STR32) {
        e->s = p + 5;
        e->len = get_u32(p + 1);
    } else if (b == ENC_INT16) {
        e->v = sext(get_le(p + 1, 2), 16);
    } else if (b == ENC_INT24) {
        e->v = sext(get_le(p + 1, 3), 24);
    } else if (b == ENC_INT32) {
        e->v = sext(get_le(p + 1, 4), 32);
    } else if (b == ENC_INT64) {
        e->v = (long long)get_le(p + 1, 8);
    } else {
        abort();
    }
    if (e->s)
        e->v = 0;
}

const unsigned char *lp_bytes_of(const struct lp_entry *e, char buf[21], size_t *len)
{
    if (e->s) {
        *len = e->len;
        return e->s;
    }
    *len = util_ll2str(buf, e->v);
    return (const unsigned char *)buf;
}

int lp_eq(const unsigned char *lp, size_t off, const void *s, size_t len)
{
    struct lp_entry e;
    char buf[21];
    size_t n;
    lp_get(lp, off, &e);
    const unsigned char *b = lp_bytes_of(&e, buf, &n);
    return n == len && memcmp(b, s, len) == 0;
}

/* Encode s[0..len) as an entry's header into hdr: for an integer the whole
 * encoding, for a string only the type/length bytes. Returns the header size
 * and sets *payload to the number of string bytes that follow it. */
static size_t encode_hdr(unsigned char *hdr, const void *s, size_t len, size_t *payload)
{
    long long v;
    *payload = 0;
    if (len > 0 && len <= 20 && util_str2ll(s, len, &v)) {
        if (v >= 0 && v <= 127) {
            hdr[0] = (unsigned char)v;
            return 1;
        }
        if (v >= -4096 && v <= 4095) {
            uint64_t u = (uint64_t)v & 0x1FFF;
            hdr[0] = (unsigned char)(0xC0 | (u >> 8));
            hdr[1] = (unsigned char)u;
            return 2;
        }
        unsigned n;
        if (v >= -32768 && v <= 32767) {
            hdr[0] = ENC_INT16, n = 2;
        } else if (v >= -8388608 && v <= 8388607) {
            hdr[0] = ENC_INT24, n = 3;
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            hdr[0] = ENC_INT32, n = 4;
        } else {
            hdr[0] = ENC_INT64, n = 8;
        }
        uint64_t u = (uint64_t)v;
        for (unsigned i = 0; i < n; i++)
            hdr[1 + i] = (unsigned char)(u >> (8 * i));
        return 1 + n;
    }
    *payload = len;
    if (len < 64) {
        hdr[0] = (unsigned char)(0x80 | len);
        return 1;
    }
    if (len < 4096) {
        hdr[0] = (unsigned char)(0xE0 | (len >> 8));
        hdr[1] = (unsigned char)len;
        return 2;
    }
    /* lp_bytes is a u32, so a longer string could never fit anyway. */
    if (len > UINT32_MAX - 64)
        abort();
    hdr[0] = ENC_STR32;
    put_u32(hdr + 1, (uint32_t)len);
    return 5;
}

/* Resize the listpack so that the `oldsz` bytes at off become `newsz` bytes
 * (contents of the new gap are unset). Returns the moved listpack. */
static unsigned char *splice(unsigned char *lp, size_t off, size_t oldsz, size_t newsz)
{
    size_t total = lp_bytes(lp);
    size_t tail = total - off - oldsz;
    size_t ntotal = total - oldsz + newsz;
    if (ntotal > UINT32_MAX)
        abort(); /* callers convert long before a listpack reaches 4 GB */
    /* slab_mem_resize keeps a slab listpack in the slab while it fits and
     * is a plain mem_realloc for a heap one. */
    if (newsz < oldsz) {
        memmove(lp + off + newsz, lp + off + oldsz, tail);
        lp = slab_mem_resize(lp, total, ntotal);
    } else if (newsz > oldsz) {
        lp = slab_mem_resize(lp, total, ntotal);
        memmove(lp + off + newsz, lp + off + oldsz, tail);
    }
    put_u32(lp, (uint32_t)ntotal);
    return lp;
}

/* One entry ready to be written: its encoding header, and where its string
 * payload comes from. */
struct enc {
    unsigned char hdr[ENC_MAX];
    size_t h;       /* header bytes */
    size_t payload; /* string bytes after the header (0 for an integer) */
    size_t l;       /* h + payload: what backlen records */
    size_t sz;      /* l + backlen: the whole entry */
    const unsigned char *src;
};

static void enc_prepare(struct enc *x, const void *s, size_t len)
{
    x->h = encode_hdr(x->hdr, s, len, &x->payload);
    x->l = x->h + x->payload;
    x->sz = x->l + backlen_size(x->l);
    x->src = s;
}

/* Replace `oldsz` bytes at off with the k (1 or 2) prepared entries, in one
 * resize. Returns the (possibly moved) listpack. */
static unsigned char *write_entries(unsigned char *lp, size_t off, size_t oldsz, struct enc *x,
                                    size_t k)
{
    /* A source may point into lp itself (e.g. copying one entry over
     * another), so stash it before the block moves. Rare; the copy keeps it
     * simple. */
    unsigned char *tmp[2] = {NULL, NULL};
    size_t total = 0;
    for (size_t i = 0; i < k; i++) {
        total += x[i].sz;
        if (x[i].payload && x[i].src >= lp && x[i].src < lp + lp_bytes(lp)) {
            tmp[i] = mem_alloc(x[i].payload);
            memcpy(tmp[i], x[i].src, x[i].payload);
            x[i].src = tmp[i];
        }
    }
    lp = splice(lp, off, oldsz, total);
    unsigned char *p = lp + off;
    for (size_t i = 0; i < k; i++) {
        memcpy(p, x[i].hdr, x[i].h);
        if (x[i].payload)
            memcpy(p + x[i].h, x[i].src, x[i].payload);
        put_backlen(p + x[i].l, x[i].l);
        p += x[i].sz;
        mem_free(tmp[i]);
    }
    return lp;
}

/* Replace `oldsz` bytes at off with the encoded entry for s[0..len). */
static unsigned char *write_entry(unsigned char *lp, size_t off, size_t oldsz, const void *s,
                                  size_t len)
{
    struct enc x;
    enc_prepare(&x, s, len);
    return write_entries(lp, off, oldsz, &x, 1);
}

unsigned char *lp_insert(unsigned char *lp, size_t off, const void *s, size_t len, size_t *newoff)
{
    lp = write_entry(lp, off, 0, s, len);
    add_count(lp, 1);
    if (newoff)
        *newoff = off;
    return lp;
}

unsigned char *lp_insert_pair(unsigned char *lp, size_t off, const void *a, size_t alen,
                              const void *b, size_t blen, size_t *newoff)
{
    struct enc x[2];
    enc_prepare(&x[0], a, alen);
    enc_prepare(&x[1], b, blen);
    lp = write_entries(lp, off, 0, x, 2);
    add_count(lp, 2);
    if (newoff)
        *newoff = off;
    return lp;
}

unsigned char *lp_append(unsigned char *lp, const void *s, size_t len)
{
    return lp_insert(lp, lp_end(lp), s, len, NULL);
}

unsigned char *lp_prepend(unsigned char *lp, const void *s, size_t len)
{
    return lp_insert(lp, LP_HDR, s, len, NULL);
}

unsigned char *lp_replace(unsigned char *lp, size_t off, const void *s, size_t len)
{
    assert(lp[off] != LP_END);
    return write_entry(lp, off, entry_size(lp + off), s, len);
}

unsigned char *lp_delete(unsigned char *lp, size_t off, size_t count)
{
    size_t end = off;
    size_t n = 0;
    while (n < count && lp[end] != LP_END) {
        end += entry_size(lp + end);
        n++;
    }
    if (n == 0)
        return lp;
    lp = splice(lp, off, end - off, 0);
    if (hdr_count(lp) == LP_COUNT_UNKNOWN) {
        /* Recount so the header becomes exact again once it fits. */
        set_hdr_count(lp, lp_count(lp));
    } else {
        add_count(lp, -(long)n);
    }
    return lp;
}
