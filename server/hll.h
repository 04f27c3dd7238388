/* hll: Redis 7.0's HyperLogLog representation and estimator, as pure
 * functions over the bytes of a string value.
 *
 * Layout (what GET, DUMP and RDB carry, byte for byte as Redis writes it):
 *   "HYLL" | encoding (0 dense, 1 sparse) | 3 unused zero bytes |
 *   cached cardinality, 8 bytes little endian; the top bit of the last byte
 *   set means "stale" | registers.
 * Dense: 16384 registers of 6 bits packed from the least significant bit of
 * byte 0 upwards (12288 bytes). Sparse: a run-length sequence of opcodes,
 *   00xxxxxx           ZERO: xxxxxx+1 (1..64) zero registers;
 *   01xxxxxx yyyyyyyy  XZERO: (x<<8|y)+1 (1..16384) zero registers;
 *   1vvvvvxx           VAL: xx+1 (1..4) registers holding vvvvv+1 (1..32);
 * whose lengths must add up to 16384. An element goes to register
 * hash & 16383 with value 1 + (trailing zeros of hash >> 14, capped at 50),
 * the hash being MurmurHash64A seeded with 0xadc83b19.
 *
 * Invariants: an update never leaves a sparse value longer than the limit
 * passed in (it is promoted to dense instead, as Redis does); a corrupted
 * sparse sequence is reported (-1), never read past its end.
 *
 * Must not know: the keyspace, clients, replies. Growing or shrinking the
 * string goes through the caller's resize callback.
 */
#ifndef TERN_HLL_H
#define TERN_HLL_H

#include <stddef.h>
#include <stdint.h>

#define HLL_REGISTERS   16384
#define HLL_HDR_SIZE    16
#define HLL_DENSE_BYTES (HLL_REGISTERS * 6 / 8)
#define HLL_DENSE_SIZE  (HLL_HDR_SIZE + HLL_DENSE_BYTES)
#define HLL_ENC_DENSE   0
#define HLL_ENC_SPARSE  1
#define HLL_EMPTY_SIZE  (HLL_HDR_SIZE + 2) /* header + one XZERO of 16384 */

/* A mutable HLL string: p[0..len) plus a way to resize it. resize(ctx, n)
 * returns the (possibly moved) buffer now n bytes long, keeping the first
 * min(len, n) bytes; new bytes are zero. */
struct hll_str {
    unsigned char *p;
    size_t len;
    unsigned char *(*resize)(void *ctx, size_t newlen);
    void *ctx;
};

/* Writes a new empty sparse HLL (cache valid, 0) into out. */
void hll_init_empty(unsigned char out[HLL_EMPTY_SIZE]);
/* 1 if p[0..len) has a valid header (magic, known encoding, a dense one of
 * the exact size): what Redis accepts as an HLL. */
int hll_is_hll(const unsigned char *p, size_t len);
int hll_encoding(const unsigned char *p);

/* The cached cardinality: valid flag, read, write (clears the stale bit),
 * invalidate. */
int hll_cache_valid(const unsigned char *p);
uint64_t hll_cache_get(const unsigned char *p);
void hll_cache_set(unsigned char *p, uint64_t card);
void hll_cache_invalidate(unsigned char *p);

/* MurmurHash64A (little-endian block reads). */
uint64_t hll_hash(const void *data, size_t len, uint64_t seed);
/* Register index and value for an element. */
int hll_pattern(const void *ele, size_t len, long *index);

/* Dense register access (regs = the 12288 register bytes). */
int hll_dense_get(const unsigned char *regs, long i);
void hll_dense_set(unsigned char *regs, long i, int val);

/* Add an element / raise register index to val (if higher). Promotes a
 * sparse value to dense when a value exceeds 32 or the sparse bytes would
 * exceed max_sparse (total string length). Returns 1 if a register
 * changed, 0 if not, -1 for a corrupted sparse sequence. Does not touch the
 * cache bytes. O(sparse length) or O(1) dense. */
int hll_add(struct hll_str *s, const void *ele, size_t len, long long max_sparse);
int hll_set(struct hll_str *s, long index, int val, long long max_sparse);

/* Convert a sparse value to dense in place (header kept, encoding set).
 * Returns 1 converted, 0 already dense, -1 corrupted. O(16384). */
int hll_to_dense(struct hll_str *s);

/* Raise max[i] to each register of the HLL p[0..len) (valid header).
 * Returns 0, or -1 if corrupted. */
int hll_merge_into(uint8_t max[HLL_REGISTERS], const unsigned char *p, size_t len);

/* Cardinality estimate of a stored HLL (valid header); *invalid is set to 1
 * for a corrupted sparse sequence. Of a raw register array (one byte each). */
uint64_t hll_count(const unsigned char *p, size_t len, int *invalid);
uint64_t hll_count_raw(const uint8_t regs[HLL_REGISTERS]);

/* PFDEBUG DECODE text of a sparse HLL ("z:n" ZERO, "Z:n" XZERO, "v:val,len" VAL, space separated);
 * returns a mem_alloc'd NUL-terminated string, length in *outlen. */
char *hll_decode(const unsigned char *p, size_t len, size_t *outlen);

/* PFSELFTEST: checks register packing and the estimator's error over a
 * run of added elements. Returns NULL if all is well, else a static
 * description of the failure. O(seconds' fraction). */
const char *hll_selftest(void);

#endif
