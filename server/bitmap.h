/* bitmap: pure bit arithmetic on byte strings, for the bitmap commands
 * (SETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD).
 *
 * Bit numbering is Redis's: bit 0 is the most significant bit of byte 0,
 * bit 8 the most significant bit of byte 1, and so on. A multi-bit field is
 * read most significant bit first from its offset (big-endian when aligned).
 *
 * Must not know: clients, replies, the keyspace, allocation. Every function
 * works on caller-owned buffers and allocates nothing.
 */
#ifndef TERN_BITMAP_H
#define TERN_BITMAP_H

#include <stddef.h>
#include <stdint.h>

/* Set bits in the len bytes at p. Uses the POPCNT instruction when the CPU
 * has it (checked once), else a SWAR count. O(len). */
uint64_t bitmap_popcount(const unsigned char *p, size_t len);
/* The portable path of bitmap_popcount (exposed so tests cover it too). */
uint64_t bitmap_popcount_swar(const unsigned char *p, size_t len);

/* Set bits among bits [first, last] of p (inclusive; first <= last and last
 * is inside the buffer). O(last - first). */
uint64_t bitmap_count_range(const unsigned char *p, uint64_t first, uint64_t last);

/* Position of the first bit equal to bit (0 or 1) among bits [first, last]
 * of p (inclusive, inside the buffer), or -1 if there is none. Skips 32
 * bytes at a time over runs that cannot match. O(last - first). */
int64_t bitmap_find(const unsigned char *p, uint64_t first, uint64_t last, int bit);

/* The bits-wide (1..64) unsigned field at bit offset off of the len-byte
 * string p; bits past the end of the string read as 0. O(1). */
uint64_t bitmap_get_field(const unsigned char *p, size_t len, uint64_t off, int bits);

/* Store the low bits (1..64) bits of v at bit offset off; the buffer must
 * hold bit off + bits - 1. Touches only the bytes the field spans. O(1). */
void bitmap_set_field(unsigned char *p, uint64_t off, int bits, uint64_t v);

/* v's low bits (1..64) bits read as a two's complement number. */
int64_t bitmap_sign_extend(uint64_t v, int bits);

/* BITOP: dst (dlen bytes, the longest source's length) = op over the n
 * sources src[i] of len[i] bytes, a short or missing (NULL, 0) source
 * reading as zero bytes. NOT takes exactly one source. dst must not overlap
 * a source. O(n * dlen). */
enum bitmap_op { BITMAP_AND, BITMAP_OR, BITMAP_XOR, BITMAP_NOT };
void bitmap_op(enum bitmap_op op, unsigned char *dst, size_t dlen, const unsigned char *const *src,
               const size_t *len, size_t n);

/* BITFIELD overflow policies. */
enum bitmap_overflow { BITMAP_WRAP, BITMAP_SAT, BITMAP_FAIL };

/* Add incr to value held in a u<bits> field (bits 1..63; value may be out
 * of range, as a SET value is: incr 0 then checks value itself). Returns 0
 * when the sum fits (*out = sum), 1 on overflow, -1 on underflow; then *out
 * is the wrapped (WRAP) or clamped (SAT) value, and is untouched for FAIL. */
int bitmap_add_unsigned(uint64_t value, int64_t incr, int bits, enum bitmap_overflow mode,
                        uint64_t *out);
/* The same for an i<bits> field (bits 1..64). For extreme out-of-range SET
 * values (value below max - INT64_MAX) it reports overflow rather than
 * underflow, as Redis 7.0 does, so SAT then clamps to the maximum. */
int bitmap_add_signed(int64_t value, int64_t incr, int bits, enum bitmap_overflow mode,
                      int64_t *out);

#endif
