/* bitmap: pure bit arithmetic on byte strings (see bitmap.h).
 *
 * Speed: counting and searching work on 8-byte words loaded with memcpy (so
 * any alignment is fine) and, for searching, skip 32 bytes per step over
 * runs that cannot match. Words are loaded big-endian where bit order
 * matters (bit 0 is the most significant bit of byte 0), so the first
 * matching bit of a word is its count of leading zeros.
 *
 * Must not know: clients, replies, the keyspace, allocation.
 */
#include <string.h>

#include "bitmap.h"

/* 72-bit windows for fields that straddle 9 bytes. */
__extension__ typedef unsigned __int128 u128;

static inline uint64_t load64(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof(w));
    return w;
}

static inline void store64(unsigned char *p, uint64_t w)
{
    memcpy(p, &w, sizeof(w));
}

/* 8 bytes as a big-endian number: byte 0 is the most significant. */
static inline uint64_t load_be64(const unsigned char *p)
{
    uint64_t w = load64(p);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline uint64_t low_mask(int bits)
{
    return bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
}

/* ---- counting ---- */

/* Set bits of a word without a POPCNT instruction (the classic SWAR sum of
 * 2-, 4- and 8-bit lanes, then a multiply to add the bytes). */
static inline uint64_t swar64(uint64_t w)
{
    w = w - ((w >> 1) & 0x5555555555555555ULL);
    w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
    w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (w * 0x0101010101010101ULL) >> 56;
}

uint64_t bitmap_popcount_swar(const unsigned char *p, size_t len)
{
    uint64_t n = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        n += swar64(load64(p + i));
    uint64_t tail = 0;
    memcpy(&tail, p + i, len - i);
    return n + swar64(tail);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_POPCNT_DISPATCH 1
/* The same with the POPCNT instruction, four independent sums so the
 * additions do not serialise (about one word per cycle). Compiled for
 * POPCNT whatever the global flags say; called only when the CPU has it. */
__attribute__((target("popcnt"))) static uint64_t count_hw(const unsigned char *p, size_t len)
{
    uint64_t a = 0, b = 0, c = 0, d = 0;
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {
        a += (uint64_t)__builtin_popcountll(load64(p + i));
        b += (uint64_t)__builtin_popcountll(load64(p + i + 8));
        c += (uint64_t)__builtin_popcountll(load64(p + i + 16));
        d += (uint64_t)__builtin_popcountll(load64(p + i + 24));
    }
    for (; i + 8 <= len; i += 8)
        a += (uint64_t)__builtin_popcountll(load64(p + i));
    uint64_t tail = 0;
    memcpy(&tail, p + i, len - i);
    return a + b + c + d + (uint64_t)__builtin_popcountll(tail);
}
#endif

uint64_t bitmap_popcount(const unsigned char *p, size_t len)
{
#ifdef HAVE_POPCNT_DISPATCH
    static int hw = -1;
    if (hw < 0)
        hw = __builtin_cpu_supports("popcnt") ? 1 : 0;
    if (hw)
        return count_hw(p, len);
#endif
    return bitmap_popcount_swar(p, len);
}

uint64_t bitmap_count_range(const unsigned char *p, uint64_t first, uint64_t last)
{
    uint64_t sb = first >> 3, eb = last >> 3;
    uint64_t n = bitmap_popcount(p + sb, (size_t)(eb - sb + 1));
    /* The whole bytes were counted: take back the bits of the first byte
     * before first and those of the last byte after last. */
    unsigned head = p[sb] & (0xff00u >> (first & 7)) & 0xffu;
    unsigned tail = p[eb] & ((1u << (7 - (last & 7))) - 1);
    return n - swar64(head) - swar64(tail);
}

/* ---- searching ---- */

static inline int bit_at(const unsigned char *p, uint64_t pos)
{
    return (p[pos >> 3] >> (7 - (pos & 7))) & 1;
}

int64_t bitmap_find(const unsigned char *p, uint64_t first, uint64_t last, int bit)
{
    uint64_t pos = first, end = last + 1; /* end is exclusive */

    for (; pos < end && (pos & 7); pos++) /* up to the first byte boundary */
        if (bit_at(p, pos) == bit)
            return (int64_t)pos;
    /* pos is byte aligned (or past the range) from here on. Skip 32-byte
     * blocks made only of the other bit value, then find the word. */
    while (pos + 256 <= end) {
        const unsigned char *q = p + (pos >> 3);
        uint64_t a = load64(q), b = load64(q + 8), c = load64(q + 16), d = load64(q + 24);
        if (bit ? (a | b | c | d) != 0 : (a & b & c & d) != ~0ULL)
            break;
        pos += 256;
    }
    for (; pos + 64 <= end; pos += 64) {
        uint64_t w = load_be64(p + (pos >> 3));
        if (!bit)
            w = ~w;
        if (w)
            return (int64_t)(pos + (uint64_t)__builtin_clzll(w));
    }
    for (; pos + 8 <= end; pos += 8) {
        unsigned b = p[pos >> 3];
        if (!bit)
            b = ~b & 0xffu;
        if (b)
            return (int64_t)(pos + (uint64_t)__builtin_clz(b) - 24);
    }
    for (; pos < end; pos++)
        if (bit_at(p, pos) == bit)
            return (int64_t)pos;
    return -1;
}

/* ---- fields ---- */

uint64_t bitmap_get_field(const unsigned char *p, size_t len, uint64_t off, int bits)
{
    uint64_t byte = off >> 3;
    unsigned shift = (unsigned)(off & 7);
    /* A field of up to 64 bits starting shift bits into a byte lies within
     * 9 bytes: load them (zeros past the end) and shift the field down. */
    u128 w = 0;
    for (uint64_t i = 0; i < 9; i++) {
        w <<= 8;
        if (byte + i < len)
            w |= p[byte + i];
    }
    w >>= 72 - shift - (unsigned)bits;
    return (uint64_t)w & low_mask(bits);
}

void bitmap_set_field(unsigned char *p, uint64_t off, int bits, uint64_t v)
{
    uint64_t byte = off >> 3;
    unsigned shift = (unsigned)(off & 7);
    unsigned nbytes = (unsigned)(((off + (uint64_t)bits - 1) >> 3) - byte + 1); /* 1..9 */
    u128 w = 0;
    for (unsigned i = 0; i < nbytes; i++)
        w = (w << 8) | p[byte + i];
    unsigned below = nbytes * 8 - shift - (unsigned)bits; /* window bits after the field */
    u128 m = (u128)low_mask(bits) << below;
    w = (w & ~m) | ((u128)(v & low_mask(bits)) << below);
    for (unsigned i = nbytes; i-- > 0;) {
        p[byte + i] = (unsigned char)w;
        w >>= 8;
    }
}

int64_t bitmap_sign_extend(uint64_t v, int bits)
{
    if (bits >= 64)
        return (int64_t)v;
    uint64_t sign = 1ULL << (bits - 1);
    v &= low_mask(bits);
    return (int64_t)((v ^ sign) - sign);
}

/* ---- BITOP ---- */

static inline uint64_t apply(enum bitmap_op op, uint64_t a, uint64_t b)
{
    return op == BITMAP_AND ? a & b : op == BITMAP_OR ? a | b : a ^ b;
}

/* dst[0..n) = a[0..n) op b[0..n), a word at a time; dst may be a. */
static void combine(enum bitmap_op op, unsigned char *dst, const unsigned char *a,
                    const unsigned char *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        store64(dst + i, apply(op, load64(a + i), load64(b + i)));
    for (; i < n; i++)
        dst[i] = (unsigned char)apply(op, a[i], b[i]);
}

void bitmap_op(enum bitmap_op op, unsigned char *dst, size_t dlen, const unsigned char *const *src,
               const size_t *len, size_t n)
{
    size_t l0 = len[0] < dlen ? len[0] : dlen;
    if (op == BITMAP_NOT) { /* one pass: dst = ~src, then ~0 past its end */
        size_t i = 0;
        for (; i + 8 <= l0; i += 8)
            store64(dst + i, ~load64(src[0] + i));
        for (; i < l0; i++)
            dst[i] = (unsigned char)~src[0][i];
        memset(dst + l0, 0xff, dlen - l0);
        return;
    }
    if (n == 1) {
        if (l0)
            memcpy(dst, src[0], l0);
        memset(dst + l0, 0, dlen - l0);
        return;
    }
    /* The first two sources in one pass. Past the shorter one a byte of
     * the longer is kept (OR, XOR with zero) or cleared (AND). */
    size_t l1 = len[1] < dlen ? len[1] : dlen;
    size_t m = l0 < l1 ? l0 : l1, lmax = l0 > l1 ? l0 : l1;
    if (m)
        combine(op, dst, src[0], src[1], m);
    if (op == BITMAP_AND) {
        memset(dst + m, 0, dlen - m);
    } else {
        if (lmax > m)
            memcpy(dst + m, (l0 > l1 ? src[0] : src[1]) + m, lmax - m);
        memset(dst + lmax, 0, dlen - lmax);
    }
    /* The others in place; bytes past a source's end read as zero, which
     * changes nothing for OR and XOR and clears the rest for AND. */
    for (size_t k = 2; k < n; k++) {
        size_t l = len[k] < dlen ? len[k] : dlen;
        if (l)
            combine(op, dst, dst, src[k], l);
        if (op == BITMAP_AND)
            memset(dst + l, 0, dlen - l);
    }
}

/* ---- BITFIELD overflow ---- */

int bitmap_add_unsigned(uint64_t value, int64_t incr, int bits, enum bitmap_overflow mode,
                        uint64_t *out)
{
    uint64_t max = low_mask(bits);
    int r = 0;
    /* value <= max < 2^63 once the first test fails, so the room left
     * above (max - value) and below (value) fit an int64. */
    if (value > max || (incr > 0 && incr > (int64_t)(max - value)))
        r = 1;
    else if (incr < 0 && incr < -(int64_t)value)
        r = -1;
    if (r == 0)
        *out = value + (uint64_t)incr;
    else if (mode == BITMAP_WRAP)
        *out = (value + (uint64_t)incr) & max;
    else if (mode == BITMAP_SAT)
        *out = r > 0 ? max : 0;
    return r;
}

int bitmap_add_signed(int64_t value, int64_t incr, int bits, enum bitmap_overflow mode,
                      int64_t *out)
{
    int64_t max = bits >= 64 ? INT64_MAX : (int64_t)((1ULL << (bits - 1)) - 1);
    int64_t min = -max - 1;
    /* Room above and below value, computed modulo 2^64 as Redis 7.0 does:
     * for a SET value far below min the room above wraps negative, which
     * Redis reports as an overflow (SAT clamps to max); we keep that. */
    int64_t up = (int64_t)((uint64_t)max - (uint64_t)value);
    int64_t down = (int64_t)((uint64_t)min - (uint64_t)value);
    int r = 0;
    if (value > max || (bits < 64 && incr > up) || (value >= 0 && incr > 0 && incr > up))
        r = 1;
    else if (value < min || (bits < 64 && incr < down) || (value < 0 && incr < 0 && incr < down))
        r = -1;
    if (r == 0) {
        *out = (int64_t)((uint64_t)value + (uint64_t)incr);
    } else if (mode == BITMAP_WRAP) {
        *out = bitmap_sign_extend((uint64_t)value + (uint64_t)incr, bits);
    } else if (mode == BITMAP_SAT) {
        *out = r > 0 ? max : min;
    }
    return r;
}
