/* rblob: readers and writers for Redis's compact blob formats as they
 * appear inside RDB files and DUMP payloads. Our own code, written from the
 * published format descriptions.
 *
 * Formats (all multi-byte integers little-endian unless noted):
 *   listpack  u32 total bytes, u16 count (65535 = unknown), entries, 0xFF.
 *             Entry = encoding+data, then backlen: the size of
 *             encoding+data in 1-5 bytes of 7 bits, most significant first,
 *             bit 7 set on every byte but the first (so it reads backwards).
 *             Encodings: 0xxxxxxx 7-bit uint; 10xxxxxx 6-bit string length;
 *             110xxxxx+1 byte 13-bit signed int; 1110xxxx+1 byte 12-bit
 *             string length; F0 + u32 string length; F1/F2/F3/F4 16/24/32/
 *             64-bit signed int.
 *   ziplist   u32 total bytes, u32 offset of the last entry, u16 count
 *             (65535 = unknown), entries, 0xFF. Entry = prevlen (1 byte if
 *             < 254, else FE + u32), encoding, data. Encodings: 00xxxxxx
 *             6-bit string length; 01xxxxxx+1 byte 14-bit length (big
 *             endian); 10xxxxxx + u32 big-endian length; C0 int16, D0 int32,
 *             E0 int64, F0 int24, FE int8, F1..FD immediate 0..12.
 *   intset    u32 width (2, 4 or 8), u32 count, count ascending values.
 *   zipmap    u8 pair count (254 = unknown), then per pair: key length,
 *             key, value length, u8 free, value, free bytes; then 0xFF.
 *             A length is 1 byte if < 254, else FE + u32.
 *
 * Invariants: every reader validates the whole blob before an iterator may
 * walk it, and the iterator re-derives sizes with the same functions, so
 * iteration cannot leave the blob. Validation rejects exactly what Redis
 * 7.0's deep integrity checks reject, and additionally any listpack backlen
 * whose continuation bits are malformed.
 * Must not know: the keyspace, the RDB stream around the blobs.
 */
#include "rblob.h"

#include <string.h>

#include "mem.h"
#include "util.h"

#define LP_HDR           6
#define LP_END           0xFF
#define LP_COUNT_UNKNOWN 65535
#define ZL_HDR           10
#define ZL_COUNT_UNKNOWN 65535
#define IS_HDR           8
#define ZM_BIGLEN        254
#define ZM_END           0xFF

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static void put_le16(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put_le32(unsigned char *p, uint32_t v)
{
    put_le16(p, v);
    put_le16(p + 2, v >> 16);
}

/* ------------------------------------------------------------------ */
/* listpack                                                             */

/* Bytes the backlen of an entry of l bytes takes, by Redis's thresholds
 * (they decide the layout, so a reader must use the same ones). */
static size_t lp_backlen_size(size_t l)
{
    if (l <= 127)
        return 1;
    if (l < 16383)
        return 2;
    if (l < 2097151)
        return 3;
    if (l < 268435455)
        return 4;
    return 5;
}

/* Size of the encoding+data of the entry at p[0..avail), or 0 if it is
 * malformed or does not fit in avail bytes. */
static size_t lp_entry_size(const unsigned char *p, size_t avail)
{
    unsigned b = p[0];
    size_t hdr, data;

    if (b < 0x80)
        return 1;
    if ((b & 0xC0) == 0x80) {
        hdr = 1;
        data = b & 0x3F;
    } else if ((b & 0xE0) == 0xC0) {
        hdr = 2;
        data = 0;
    } else if ((b & 0xF0) == 0xE0) {
        if (avail < 2)
            return 0;
        hdr = 2;
        data = (size_t)(b & 0x0F) << 8 | p[1];
    } else {
        switch (b) {
        case 0xF0:
            if (avail < 5)
                return 0;
            hdr = 5;
            data = le32(p + 1);
            break;
        case 0xF1:
            hdr = 3;
            data = 0;
            break;
        case 0xF2:
            hdr = 4;
            data = 0;
            break;
        case 0xF3:
            hdr = 5;
            data = 0;
            break;
        case 0xF4:
            hdr = 9;
            data = 0;
            break;
        default:
            return 0; /* F5..FE unused, FF is the terminator */
        }
    }
    if (hdr > avail || data > avail - hdr)
        return 0;
    return hdr + data;
}

/* Check that p[0..n) is the backlen encoding of l as Redis writes it. */
static int lp_backlen_ok(const unsigned char *p, size_t n, size_t l)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (((p[i] & 0x80) != 0) != (i > 0))
            return 0;
        v = v << 7 | (p[i] & 0x7F);
    }
    return v == l;
}

/* Whole-blob check: header size, every entry and its backlen, the
 * terminator, and the header count unless it says "unknown". O(n). */
int rblob_lp_validate(const unsigned char *p, size_t len, size_t *count)
{
    size_t off = LP_HDR, n = 0;

    if (len < LP_HDR + 1 || le32(p) != len || p[len - 1] != LP_END)
        return -1;
    while (off < len - 1) {
        size_t avail = len - 1 - off;
        size_t esz = lp_entry_size(p + off, avail);
        if (esz == 0)
            return -1;
        size_t bl = lp_backlen_size(esz);
        if (bl > avail - esz || !lp_backlen_ok(p + off + esz, bl, esz))
            return -1;
        off += esz + bl;
        n++;
    }
    if (le16(p + 4) != LP_COUNT_UNKNOWN && le16(p + 4) != n)
        return -1;
    *count = n;
    return 0;
}

/* Decode the (validated) entry at p into e. Returns its encoding+data size. */
static size_t lp_decode(const unsigned char *p, struct lp_entry *e)
{
    unsigned b = p[0];
    uint64_t u;

    e->s = NULL;
    e->len = 0;
    if (b < 0x80) {
        e->v = b;
        return 1;
    }
    if ((b & 0xC0) == 0x80) {
        e->s = p + 1;
        e->len = b & 0x3F;
        return 1 + e->len;
    }
    if ((b & 0xE0) == 0xC0) {
        u = (uint64_t)(b & 0x1F) << 8 | p[1];
        e->v = u >= 4096 ? (long long)u - 8192 : (long long)u;
        return 2;
    }
    if ((b & 0xF0) == 0xE0) {
        e->s = p + 2;
        e->len = (size_t)(b & 0x0F) << 8 | p[1];
        return 2 + e->len;
    }
    switch (b) {
    case 0xF0:
        e->s = p + 5;
        e->len = le32(p + 1);
        return 5 + e->len;
    case 0xF1:
        e->v = (int16_t)le16(p + 1);
        return 3;
    case 0xF2:
        u = le16(p + 1) | (uint32_t)p[3] << 16;
        e->v = u >= (1u << 23) ? (long long)u - (1LL << 24) : (long long)u;
        return 4;
    case 0xF3:
        e->v = (int32_t)le32(p + 1);
        return 5;
    default: /* 0xF4: validated, so nothing else reaches here */
        e->v = (long long)le64(p + 1);
        return 9;
    }
}

/* ------------------------------------------------------------------ */
/* ziplist                                                              */

/* Size of the encoding header plus data of the ziplist entry whose
 * encoding starts at p[0..avail), or 0 if malformed or too long. */
static size_t zl_body_size(const unsigned char *p, size_t avail)
{
    unsigned b = p[0];
    size_t hdr = 1, data;

    switch (b >> 6) {
    case 0:
        data = b & 0x3F;
        break;
    case 1:
        if (avail < 2)
            return 0;
        hdr = 2;
        data = (size_t)(b & 0x3F) << 8 | p[1];
        break;
    case 2:
        if (avail < 5)
            return 0;
        hdr = 5;
        data = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
        break;
    default:
        if (b == 0xC0)
            data = 2;
        else if (b == 0xD0)
            data = 4;
        else if (b == 0xE0)
            data = 8;
        else if (b == 0xF0)
            data = 3;
        else if (b == 0xFE)
            data = 1;
        else if (b >= 0xF1 && b <= 0xFD)
            data = 0;
        else
            return 0;
    }
    if (hdr > avail || data > avail - hdr)
        return 0;
    return hdr + data;
}

/* Size of the prevlen field at p (1 or 5 bytes); *prev gets its value.
 * Returns 0 if it does not fit in avail or starts with the end byte. */
static size_t zl_prevlen(const unsigned char *p, size_t avail, size_t *prev)
{
    if (p[0] < 254) {
        *prev = p[0];
        return 1;
    }
    if (p[0] != 254 || avail < 5)
        return 0;
    *prev = le32(p + 1);
    return 5;
}

/* Whole-blob check: sizes, every entry's prevlen against the previous
 * entry, encodings, the tail offset, the count and the terminator. O(n). */
int rblob_zl_validate(const unsigned char *p, size_t len, size_t *count)
{
    size_t off = ZL_HDR, n = 0, prev = 0, last = ZL_HDR;

    if (len < ZL_HDR + 1 || le32(p) != len || p[len - 1] != 0xFF)
        return -1;
    while (off < len - 1) {
        size_t avail = len - 1 - off, plen;
        size_t psz = zl_prevlen(p + off, avail, &plen);
        if (psz == 0 || plen != prev)
            return -1;
        size_t body = zl_body_size(p + off + psz, avail - psz);
        if (body == 0)
            return -1;
        last = off;
        prev = psz + body;
        off += prev;
        n++;
    }
    if (le32(p + 4) != last)
        return -1;
    if (le16(p + 8) != ZL_COUNT_UNKNOWN && le16(p + 8) != n)
        return -1;
    *count = n;
    return 0;
}

/* Decode the (validated) entry whose encoding starts at p. Returns the
 * size of encoding plus data. */
static size_t zl_decode(const unsigned char *p, struct lp_entry *e)
{
    unsigned b = p[0];

    e->s = NULL;
    e->len = 0;
    switch (b >> 6) {
    case 0:
        e->s = p + 1;
        e->len = b & 0x3F;
        return 1 + e->len;
    case 1:
        e->s = p + 2;
        e->len = (size_t)(b & 0x3F) << 8 | p[1];
        return 2 + e->len;
    case 2:
        e->s = p + 5;
        e->len = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
        return 5 + e->len;
    default:
        break;
    }
    switch (b) {
    case 0xC0:
        e->v = (int16_t)le16(p + 1);
        return 3;
    case 0xD0:
        e->v = (int32_t)le32(p + 1);
        return 5;
    case 0xE0:
        e->v = (long long)le64(p + 1);
        return 9;
    case 0xF0: {
        uint32_t u = le16(p + 1) | (uint32_t)p[3] << 16;
        e->v = u >= (1u << 23) ? (long long)u - (1LL << 24) : (long long)u;
        return 4;
    }
    case 0xFE:
        e->v = (int8_t)p[1];
        return 2;
    default: /* F1..FD immediate */
        e->v = (long long)(b & 0x0F) - 1;
        return 1;
    }
}

/* ------------------------------------------------------------------ */
/* intset                                                               */

static int64_t is_get(const unsigned char *p, int width, size_t i)
{
    const unsigned char *q = p + IS_HDR + i * (size_t)width;
    if (width == 2)
        return (int16_t)le16(q);
    if (width == 4)
        return (int32_t)le32(q);
    return (int64_t)le64(q);
}

/* Width must be 2, 4 or 8, the size must match the count exactly, the set
 * must not be empty (Redis rejects an empty intset) and the values must be
 * strictly ascending. O(n). */
int rblob_is_validate(const unsigned char *p, size_t len, size_t *count)
{
    if (len < IS_HDR)
        return -1;
    uint32_t w = le32(p);
    uint64_t n = le32(p + 4);
    if ((w != 2 && w != 4 && w != 8) || n == 0 || IS_HDR + n * w != len)
        return -1;
    for (size_t i = 1; i < n; i++)
        if (is_get(p, (int)w, i - 1) >= is_get(p, (int)w, i))
            return -1;
    *count = (size_t)n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* zipmap                                                               */

/* Decode a zipmap length at p[0..avail): 1 byte below 254, else 254 and a
 * u32. Returns the field size (1 or 5), 0 if it does not fit or is 255. */
static size_t zm_len(const unsigned char *p, size_t avail, size_t *l)
{
    if (avail < 1)
        return 0;
    if (p[0] < ZM_BIGLEN) {
        *l = p[0];
        return 1;
    }
    if (p[0] != ZM_BIGLEN || avail < 5)
        return 0;
    *l = le32(p + 1);
    return 5;
}

/* Walk pairs until the end byte (which must be the blob's last byte); the
 * header count must match unless it is 254, and the map must not be empty
 * (both as Redis checks). *count gets fields + values. O(n). */
int rblob_zm_validate(const unsigned char *p, size_t len, size_t *count)
{
    size_t off = 1, pairs = 0;

    if (len < 2)
        return -1;
    while (off < len && p[off] != ZM_END) {
        size_t l, s = zm_len(p + off, len - off, &l);
        if (s == 0 || l > len - off - s)
            return -1;
        off += s + l;
        s = zm_len(p + off, len - off, &l);
        if (s == 0 || len - off - s < 1)
            return -1;
        off += s;
        size_t free_ = p[off++];
        if (l > len - off || free_ > len - off - l)
            return -1;
        off += l + free_;
        pairs++;
    }
    if (off != len - 1 || pairs == 0)
        return -1;
    if (p[0] != ZM_BIGLEN && p[0] != pairs)
        return -1;
    *count = pairs * 2;
    return 0;
}

/* ------------------------------------------------------------------ */
/* iteration                                                            */

/* Position the iterator on the first entry of a validated blob. O(1). */
void rblob_iter_init(struct rblob_iter *it, enum rblob_kind kind, const unsigned char *p,
                     size_t len)
{
    it->kind = kind;
    it->p = p;
    it->len = len;
    it->left = 0;
    it->width = 0;
    switch (kind) {
    case RBLOB_LISTPACK:
        it->off = LP_HDR;
        break;
    case RBLOB_ZIPLIST:
        it->off = ZL_HDR;
        break;
    case RBLOB_INTSET:
        it->off = 0;
        it->width = (int)le32(p);
        it->left = le32(p + 4);
        break;
    case RBLOB_ZIPMAP:
        it->off = 1;
        break;
    }
}

/* Next zipmap entry: keys and values alternate (it->left counts the
 * entries produced so far, so its parity says which comes next). */
static int zm_next(struct rblob_iter *it, struct lp_entry *e)
{
    const unsigned char *p = it->p;
    size_t l = 0, s;

    if (it->left % 2 == 0 && p[it->off] == ZM_END)
        return 0;
    s = zm_len(p + it->off, it->len - it->off, &l);
    it->off += s;
    e->v = 0;
    if (it->left % 2 == 0) {
        e->s = p + it->off;
        e->len = l;
        it->off += l;
    } else {
        size_t free_ = p[it->off++];
        e->s = p + it->off;
        e->len = l;
        it->off += l + free_;
    }
    it->left++;
    return 1;
}

/* Fill *e with the next entry; string entries point into the blob. Returns
 * 1, or 0 at the end. The blob must have passed its validate function. */
int rblob_iter_next(struct rblob_iter *it, struct lp_entry *e)
{
    const unsigned char *p = it->p;
    size_t n, prev = 0;

    switch (it->kind) {
    case RBLOB_LISTPACK:
        if (p[it->off] == LP_END)
            return 0;
        n = lp_decode(p + it->off, e);
        it->off += n + lp_backlen_size(n);
        return 1;
    case RBLOB_ZIPLIST:
        if (p[it->off] == 0xFF)
            return 0;
        it->off += zl_prevlen(p + it->off, it->len - it->off, &prev);
        it->off += zl_decode(p + it->off, e);
        return 1;
    case RBLOB_INTSET:
        if (it->left == 0)
            return 0;
        e->s = NULL;
        e->len = 0;
        e->v = is_get(p, it->width, it->off++);
        it->left--;
        return 1;
    case RBLOB_ZIPMAP:
        return zm_next(it, e);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* writing                                                              */

/* Make room for `need` more bytes (amortised doubling). */
static void buf_reserve(struct rblob_buf *b, size_t need)
{
    if (b->cap - b->len >= need)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap - b->len < need)
        cap *= 2;
    b->p = mem_realloc(b->p, cap);
    b->cap = cap;
}

/* Start an empty listpack: room for the header, filled in by lp_end. */
void rblob_lp_begin(struct rblob_buf *b)
{
    b->p = NULL;
    b->len = b->cap = b->count = 0;
    buf_reserve(b, 64);
    b->len = LP_HDR;
}

/* Append the backlen of an entry of l bytes (Redis's byte layout). */
static void lp_put_backlen(struct rblob_buf *b, size_t l)
{
    size_t n = lp_backlen_size(l);
    for (size_t i = 0; i < n; i++) {
        size_t shift = 7 * (n - 1 - i);
        unsigned char c = (unsigned char)((l >> shift) & 0x7F);
        b->p[b->len++] = i > 0 ? (unsigned char)(c | 0x80) : c;
    }
}

/* Append an integer entry in the smallest encoding, in Redis's order of
 * preference. O(1) amortised. */
void rblob_lp_add_int(struct rblob_buf *b, long long v)
{
    unsigned char *q;
    size_t n;

    buf_reserve(b, 9 + 5);
    q = b->p + b->len;
    if (v >= 0 && v <= 127) {
        q[0] = (unsigned char)v;
        n = 1;
    } else if (v >= -4096 && v <= 4095) {
        uint32_t u = (uint32_t)(v < 0 ? v + 8192 : v);
        q[0] = (unsigned char)(0xC0 | u >> 8);
        q[1] = (unsigned char)u;
        n = 2;
    } else if (v >= -32768 && v <= 32767) {
        q[0] = 0xF1;
        put_le16(q + 1, (uint32_t)v);
        n = 3;
    } else if (v >= -8388608 && v <= 8388607) {
        uint32_t u = (uint32_t)v;
        q[0] = 0xF2;
        put_le16(q + 1, u);
        q[3] = (unsigned char)(u >> 16);
        n = 4;
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        q[0] = 0xF3;
        put_le32(q + 1, (uint32_t)v);
        n = 5;
    } else {
        uint64_t u = (uint64_t)v;
        q[0] = 0xF4;
        put_le32(q + 1, (uint32_t)u);
        put_le32(q + 5, (uint32_t)(u >> 32));
        n = 9;
    }
    b->len += n;
    lp_put_backlen(b, n);
    b->count++;
}

/* Append a string entry; a canonical integer string (string2ll rules, as
 * Redis's listpack uses) becomes an integer entry. O(len) amortised. The
 * caller keeps the blob under 4 GiB (Tern's listpacks are far smaller). */
void rblob_lp_add_str(struct rblob_buf *b, const char *s, size_t len)
{
    long long v;
    size_t hdr;

    if (util_str2ll(s, len, &v)) {
        rblob_lp_add_int(b, v);
        return;
    }
    hdr = len < 64 ? 1 : len < 4096 ? 2 : 5;
    buf_reserve(b, hdr + len + 5);
    unsigned char *q = b->p + b->len;
    if (hdr == 1) {
        q[0] = (unsigned char)(0x80 | len);
    } else if (hdr == 2) {
        q[0] = (unsigned char)(0xE0 | len >> 8);
        q[1] = (unsigned char)len;
    } else {
        q[0] = 0xF0;
        put_le32(q + 1, (uint32_t)len);
    }
    if (len)
        memcpy(q + hdr, s, len);
    b->len += hdr + len;
    lp_put_backlen(b, hdr + len);
    b->count++;
}

/* Write the header and terminator; hand the blob to the caller. */
unsigned char *rblob_lp_end(struct rblob_buf *b, size_t *len)
{
    unsigned char *p;

    buf_reserve(b, 1);
    b->p[b->len++] = LP_END;
    put_le32(b->p, (uint32_t)b->len);
    put_le16(b->p + 4, b->count < LP_COUNT_UNKNOWN ? (uint32_t)b->count : LP_COUNT_UNKNOWN);
    p = b->p;
    *len = b->len;
    b->p = NULL;
    b->len = b->cap = b->count = 0;
    return p;
}

/* Build an intset blob with the narrowest width that holds every value
 * (Redis keeps its intsets at that width). O(n). */
unsigned char *rblob_is_build(const int64_t *vals, size_t n, size_t *len)
{
    uint32_t w = 2;
    for (size_t i = 0; i < n; i++) {
        if (vals[i] < INT32_MIN || vals[i] > INT32_MAX)
            w = 8;
        else if ((vals[i] < INT16_MIN || vals[i] > INT16_MAX) && w < 4)
            w = 4;
    }
    *len = IS_HDR + n * w;
    unsigned char *p = mem_alloc(*len);
    put_le32(p, w);
    put_le32(p + 4, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        unsigned char *q = p + IS_HDR + i * w;
        uint64_t u = (uint64_t)vals[i];
        if (w == 2)
            put_le16(q, (uint32_t)u);
        else if (w == 4)
            put_le32(q, (uint32_t)u);
        else {
            put_le32(q, (uint32_t)u);
            put_le32(q + 4, (uint32_t)(u >> 32));
        }
    }
    return p;
}
