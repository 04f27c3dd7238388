/* siphash: the SipHash keyed hash (Aumasson and Bernstein), written from the
 * algorithm description. The keyspace uses SipHash-1-3 (one compression round
 * per 8-byte word, three finalisation rounds): fast enough for short keys and
 * still keyed, so a client cannot choose keys that all land in one bucket
 * without knowing the per-process seed. SipHash-2-4 is exposed too so the unit
 * test can check the published test vectors (both share the same code).
 *
 * Must not know: anything else. Pure functions; input is any byte string
 * (binary-safe, any length); the 16-byte key is read little-endian.
 */
#ifndef TERN_SIPHASH_H
#define TERN_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-1-3 of in[0..len) under key[16]. O(len). */
uint64_t siphash13(const void *in, size_t len, const uint8_t key[16]);
/* SipHash-2-4 of in[0..len) under key[16]. O(len). */
uint64_t siphash24(const void *in, size_t len, const uint8_t key[16]);

#endif
