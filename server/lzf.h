/* lzf: LZF compression, byte-compatible with the format Redis stores in RDB
 * files (liblzf's format: literal runs of up to 32 bytes, back-references of
 * 3+ bytes within an 8 KiB window). Our own implementation.
 *
 * Must not know: RDB, the keyspace.
 */
#ifndef TERN_LZF_H
#define TERN_LZF_H

#include <stddef.h>

/* Compress in[0..n) into out[0..cap). Returns the compressed length, or 0
 * when the result would not fit in cap bytes (callers pass cap < n to get
 * "only if it saves space"). Bytes of out past the returned length may be
 * overwritten. O(n), no allocation (a hash table of up to 64 KiB on the
 * stack). */
size_t lzf_compress(const void *in, size_t n, void *out, size_t cap);
/* Decompress in[0..n) into out[0..cap). Returns the decompressed length, or
 * 0 when the input is corrupt or the output does not fit (never reads or
 * writes out of bounds; bytes of out past the returned length, or all of
 * out after a failure, may be overwritten). O(output). */
size_t lzf_decompress(const void *in, size_t n, void *out, size_t cap);

#endif
