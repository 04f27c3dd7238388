/* lzf: LZF compression in liblzf's byte format (what Redis writes into RDB
 * files for compressed strings). Our own implementation.
 *
 * The format is a sequence of instructions, each starting with a control
 * byte c:
 *   c < 0x20         literal run: the next c + 1 bytes are copied as-is;
 *   c >= 0x20        back-reference: L = c >> 5 (1..7); if L == 7 another
 *                    byte follows and is added to L; then a low offset byte
 *                    o. Copy L + 2 bytes from (output position) minus
 *                    ((c & 0x1f) << 8 | o) minus 1. The source may overlap
 *                    the destination (runs).
 * So a reference covers 3..264 bytes at distance 1..8192, and a literal run
 * 1..32 bytes.
 *
 * Invariants: the decompressor never reads past in[n) nor writes past
 * out[cap), and rejects references before the start of the output. The
 * compressor needs no allocation: its hash table lives on the stack.
 * Must not know: RDB, the keyspace.
 */
#include "lzf.h"

#include <stdint.h>
#include <string.h>

#define LZF_MAX_LIT       32    /* longest literal run */
#define LZF_MAX_OFF       8192  /* farthest back-reference distance */
#define LZF_MAX_REF       (264) /* longest back-reference: 7 + 255 + 2 */
#define LZF_HASH_BITS_MAX 14    /* 16K slots, 64 KiB of stack */
#define LZF_HASH_BITS_MIN 8

/* Flush the pending literal bytes in[from..to) as runs of at most 32.
 * Returns the new output position, or SIZE_MAX if out[cap) is too small.
 * When 32 bytes can be read from in[from..n) and written to out[op..cap),
 * a run is moved with two fixed 16-byte copies (a memcpy call per short
 * run costs more than the copy); the overshoot is overwritten by the next
 * instruction or lies past the returned length. */
static inline size_t emit_literals(const unsigned char *in, size_t n, size_t from, size_t to,
                                   unsigned char *out, size_t op, size_t cap)
{
    while (from < to) {
        size_t run = to - from;
        if (run > LZF_MAX_LIT)
            run = LZF_MAX_LIT;
        if (cap - op < run + 1)
            return SIZE_MAX;
        out[op++] = (unsigned char)(run - 1);
        if (n - from >= 32 && cap - op >= 32) {
            memcpy(out + op, in + from, 16);
            memcpy(out + op + 16, in + from + 16, 16);
        } else {
            memcpy(out + op, in + from, run);
        }
        op += run;
        from += run;
    }
    return op;
}

/* The 3 bytes at p packed into the low 24 bits. */
static inline uint32_t load3(const unsigned char *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* Hash of the 3 bytes packed in the low 24 bits of v: the top 14 bits of
 * a multiplicative hash, masked down for smaller tables (a constant shift
 * is cheaper than a variable one in the hot loop). */
static inline uint32_t hash3(uint32_t v, uint32_t mask)
{
    return ((uint32_t)(v * 2654435761u) >> (32 - LZF_HASH_BITS_MAX)) & mask;
}

/* Length of the common prefix of a and b, at least 3 (already checked)
 * and at most max: 8 bytes per step while both fit, then bytewise. */
static inline size_t match_len(const unsigned char *a, const unsigned char *b, size_t max)
{
    size_t len = 3;
    while (len + 8 <= max) {
        uint64_t x, y;
        memcpy(&x, a + len, 8);
        memcpy(&y, b + len, 8);
        if (x != y)
            return len + (size_t)(__builtin_ctzll(x ^ y) >> 3);
        len += 8;
    }
    while (len < max && a[len] == b[len])
        len++;
    return len;
}

/* Greedy LZ77 over a hash table of 3-byte sequences (the last position
 * seen for each hash). The table size scales with n so small inputs do not
 * pay for clearing 64 KiB. Any candidate is verified by comparing bytes,
 * so hash collisions cost only speed. O(n) time (matches are extended at
 * most 264 bytes, each byte is hashed once). */
size_t lzf_compress(const void *in_, size_t n, void *out_, size_t cap)
{
    const unsigned char *in = in_;
    unsigned char *out = out_;
    uint32_t htab[1u << LZF_HASH_BITS_MAX]; /* position + 1; 0 = empty */
    unsigned bits = LZF_HASH_BITS_MIN;
    size_t ip = 0, lit = 0, op = 0;

    if (n == 0)
        return 0;
    /* Positions are stored as uint32_t; longer inputs are split by the
     * callers' limits long before this (RDB strings are < 4 GiB anyway). */
    if (n >= UINT32_MAX)
        return 0;
    while (bits < LZF_HASH_BITS_MAX && ((size_t)1 << bits) < n)
        bits++;
    memset(htab, 0, sizeof(uint32_t) << bits);
    uint32_t mask = (1u << bits) - 1;

    /* misses counts positions since the last match: on incompressible
     * stretches the scan steps faster (1 + misses / 64 bytes, as LZ4's
     * acceleration does), giving up a little ratio on mixed data for about
     * twice the speed on data that will not compress. */
    size_t misses = 0;
    while (ip + 3 <= n) {
        uint32_t v = load3(in + ip);
        uint32_t h = hash3(v, mask);
        size_t cand = htab[h];
        htab[h] = (uint32_t)(ip + 1);
        /* Inline 3-byte compare: on incompressible data this test fails at
         * nearly every byte, and a memcmp call here costs half the speed. */
        if (cand == 0 || ip - (cand - 1) > LZF_MAX_OFF || load3(in + cand - 1) != v) {
            ip += 1 + (misses++ >> 6);
            continue;
        }
        misses = 0;
        size_t ref = cand - 1, off = ip - ref - 1;
        size_t max = n - ip < LZF_MAX_REF ? n - ip : LZF_MAX_REF;
        size_t len = match_len(in + ref, in + ip, max);

        op = emit_literals(in, n, lit, ip, out, op, cap);
        if (op == SIZE_MAX || cap - op < 3)
            return 0;
        size_t l = len - 2;
        if (l < 7) {
            out[op++] = (unsigned char)(l << 5 | off >> 8);
        } else {
            out[op++] = (unsigned char)(7 << 5 | off >> 8);
            out[op++] = (unsigned char)(l - 7);
        }
        out[op++] = (unsigned char)(off & 0xff);

        /* Index only the last two positions of the match (as liblzf's
         * default mode does): indexing every one gains under 1% of ratio
         * on text and costs a third of the speed. */
        size_t end = ip + len;
        for (ip = end - 2; ip < end && ip + 3 <= n; ip++)
            htab[hash3(load3(in + ip), mask)] = (uint32_t)(ip + 1);
        ip = end;
        lit = ip;
    }
    op = emit_literals(in, n, lit, n, out, op, cap);
    return op == SIZE_MAX ? 0 : op;
}

/* Copy a back-reference of len bytes from ref to op (ref < op). When the
 * distance is at least 8 and the output has 8 bytes of slack past the end,
 * copy in 8-byte chunks: each chunk reads only bytes written before it
 * (distance >= 8), and the overshoot lands in slack that later output
 * overwrites. Otherwise (runs, or the very end of the buffer) go byte by
 * byte, which replicates overlapping patterns correctly. */
static inline void copy_ref(unsigned char *out, size_t op, size_t ref, size_t len, size_t cap)
{
    if (op - ref >= 8 && cap - op >= len + 8) {
        for (size_t i = 0; i < len; i += 8)
            memcpy(out + op + i, out + ref + i, 8);
        return;
    }
    for (size_t i = 0; i < len; i++)
        out[op + i] = out[ref + i];
}

/* Decode instruction by instruction, checking every length against both
 * buffers before touching them. O(output). */
size_t lzf_decompress(const void *in_, size_t n, void *out_, size_t cap)
{
    const unsigned char *in = in_;
    unsigned char *out = out_;
    size_t ip = 0, op = 0;

    while (ip < n) {
        unsigned c = in[ip++];
        if (c < 0x20) {
            size_t run = (size_t)c + 1;
            if (n - ip < run || cap - op < run)
                return 0;
            /* Fixed-size copies compile to two vector moves; use them when
             * both buffers have 32 bytes of room (the overshoot is
             * overwritten by later output, and only in-bounds input is
             * read). */
            if (n - ip >= 32 && cap - op >= 32) {
                memcpy(out + op, in + ip, 16);
                if (run > 16)
                    memcpy(out + op + 16, in + ip + 16, 16);
            } else {
                memcpy(out + op, in + ip, run);
            }
            ip += run;
            op += run;
            continue;
        }
        size_t len = c >> 5;
        if (len == 7) {
            if (ip >= n)
                return 0;
            len += in[ip++];
        }
        if (ip >= n)
            return 0;
        size_t back = ((size_t)(c & 0x1f) << 8 | in[ip++]) + 1;
        len += 2;
        if (back > op || cap - op < len)
            return 0;
        copy_ref(out, op, op - back, len, cap);
        op += len;
    }
    return op;
}
