/* digest: content digests of values and of the whole dataset, for DEBUG
 * DIGEST and DEBUG DIGEST-VALUE.
 *
 * A digest is 20 bytes, printed as 40 hex digits. It is Tern's own hash
 * (built on SipHash-2-4 under fixed keys, so it is the same in every process
 * and every run), not Redis's SHA-1 construction: the suite only compares
 * digests taken from the same server. What it guarantees:
 *   - equal contents give equal digests, whatever the encoding (listpack or
 *     table, int or raw string, compressed list nodes) and whatever order
 *     the elements of sets, hashes, sorted sets and keys were added in;
 *   - any change of content (a key, an element, a field's value, a score,
 *     list order, type, having a TTL or not, the database a key is in)
 *     changes the digest, except with negligible probability;
 *   - the digest of an empty dataset, and of a missing key, is all zeros.
 * As in Redis, a TTL counts only by its presence, not its value, and keys
 * that have expired but were not reaped yet are included.
 *
 * Must not know: the layout of entries or of the types' objects; values are
 * read through the types' public iterators.
 */
#ifndef TERN_DIGEST_H
#define TERN_DIGEST_H

#include <stddef.h>

struct kv;

#define DIGEST_LEN 20

/* Digest of the value held by e: its type, contents and whether it has a
 * TTL (not its key). May settle a list's decompressed node (no logical
 * change). O(size of the value). */
void digest_value(struct kv *e, unsigned char out[DIGEST_LEN]);
/* Digest of every key of every database. O(dataset). */
void digest_dataset(unsigned char out[DIGEST_LEN]);
/* 40 lowercase hex digits and a NUL into hex. */
void digest_hex(const unsigned char d[DIGEST_LEN], char hex[2 * DIGEST_LEN + 1]);

#endif
