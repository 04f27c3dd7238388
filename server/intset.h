/* intset: a sorted array of distinct 64-bit integers stored at the smallest
 * width (2, 4 or 8 bytes) that fits every member: the compact "intset"
 * encoding of small all-integer sets.
 *
 * Layout: one contiguous allocation, a small header then len values in
 * ascending order, native byte order. Adding a value that needs a wider
 * width upgrades the whole array; removing never downgrades (as Redis).
 *
 * Invariants: values strictly ascending; width is 2, 4 or 8.
 * Must not know: sets, commands, the keyspace.
 */
#ifndef TERN_INTSET_H
#define TERN_INTSET_H

#include <stddef.h>
#include <stdint.h>

struct intset;

/* An empty intset (2-byte width). It is a slab block while it fits in
 * SLAB_MAX bytes and a malloc block once it outgrows that; callers only
 * ever free it with intset_free, which knows. */
struct intset *intset_new(void);
/* Free is (NULL is fine). */
void intset_free(struct intset *is);
/* A deep copy. O(N). */
struct intset *intset_dup(const struct intset *is);
size_t intset_len(const struct intset *is);
/* Bytes it really occupies: its slab class or malloc usable size
 * (MEMORY USAGE). */
size_t intset_mem(const struct intset *is);

/* Add v. *isp may be reallocated (it is updated; the old pointer is then
 * invalid). Returns 1 if added, 0 if already present. O(N) (memmove). */
int intset_add(struct intset **isp, int64_t v);
/* Remove v; may shrink the allocation (*isp updated). Returns 1 if it was
 * there. O(N). */
int intset_remove(struct intset **isp, int64_t v);
/* 1 if v is a member. O(log N). */
int intset_find(const struct intset *is, int64_t v);
/* Value at position i (0 <= i < len), ascending order. O(1). */
int64_t intset_get(const struct intset *is, size_t i);
/* A uniformly random member (is must be non-empty). O(1). */
int64_t intset_random(const struct intset *is);

#endif
