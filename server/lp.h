/* lp: the listpack, a compact contiguous encoding of a sequence of entries,
 * each either a byte string or an integer. Small lists, hashes and sorted
 * sets are stored as one listpack (hash: field, value, field, value...;
 * zset: member, score, member, score...; list: elements), as Redis 7.0 does.
 *
 * Layout (our own, Redis-like): a 6-byte header (total bytes u32, count u16,
 * saturating at 65535 and then recounted on demand), then entries, then an
 * end byte 0xFF. Each entry is [encoding+payload][backlen], where integers
 * take 1-9 bytes by width and strings carry a 1, 2 or 5 byte length, and
 * backlen (1-5 bytes, 7 bits per byte) lets iteration run backwards.
 *
 * Invariants: every offset handed out points at the first byte of an entry
 * or at the end byte; any call that inserts or deletes may move the block,
 * so it returns the new pointer and old offsets past the edit are invalid.
 * Must not know: the types built on it.
 */
#ifndef TERN_LP_H
#define TERN_LP_H

#include <stddef.h>
#include <stdint.h>

/* One decoded entry: either a string (s != NULL) or an integer (s == NULL). */
struct lp_entry {
    const unsigned char *s;
    size_t len;
    long long v;
};

/* A new empty listpack on the malloc heap (owned by the caller; free with
 * lp_free or mem_free; it never moves to the slab). For quicklist nodes,
 * which are large and handled as plain malloc blocks. */
unsigned char *lp_new(void);
/* A new empty small listpack: a slab block while it fits in SLAB_MAX bytes,
 * a malloc block for good once it grows past that (see slab_mem_*). Owned
 * by the caller; free with lp_free only. For hashes and sorted sets, whose
 * listpacks are mostly small and numerous. */
unsigned char *lp_new_small(void);
/* Free a listpack of either kind (NULL is fine). */
void lp_free(unsigned char *lp);
/* A copy of lp as a small listpack (slab if it fits); free with lp_free. */
unsigned char *lp_dup(const unsigned char *lp);
/* Bytes lp really occupies (slab class or malloc usable size). */
size_t lp_mem(const unsigned char *lp);
size_t lp_bytes(const unsigned char *lp);
/* Number of entries. O(1), or O(n) once past 65535 entries. */
size_t lp_count(const unsigned char *lp);

/* Offsets of the first entry, and of the end byte (one past the last). */
size_t lp_first(const unsigned char *lp);
size_t lp_end(const unsigned char *lp);
/* Offset of the entry after / before the one at off. lp_next of the last
 * entry gives lp_end(); lp_prev of the first returns 0 (no entry). */
size_t lp_next(const unsigned char *lp, size_t off);
size_t lp_prev(const unsigned char *lp, size_t off);
/* Offset of the last entry, or 0 if empty. */
size_t lp_last(const unsigned char *lp);
/* Offset of entry index i (negative counts from the end), or 0 if out of
 * range. O(n). */
size_t lp_seek(const unsigned char *lp, long long i);

/* Decode the entry at off. Strings that look like canonical integers were
 * stored as integers and come back as integers. */
void lp_get(const unsigned char *lp, size_t off, struct lp_entry *e);
/* Compare the entry at off with the bytes s[0..len): 1 if equal. */
int lp_eq(const unsigned char *lp, size_t off, const void *s, size_t len);

/* Insert s[0..len) before the entry at off (off == lp_end() appends). A
 * canonical integer string is stored as an integer. Returns the (possibly
 * moved) listpack; *newoff, if not NULL, gets the offset of the new entry. */
unsigned char *lp_insert(unsigned char *lp, size_t off, const void *s, size_t len, size_t *newoff);
/* Insert a[0..alen) then b[0..blen) before the entry at off, with one resize
 * (a hash field and its value, a zset member and its score). *newoff, if not
 * NULL, gets the offset of the first. */
unsigned char *lp_insert_pair(unsigned char *lp, size_t off, const void *a, size_t alen,
                              const void *b, size_t blen, size_t *newoff);
unsigned char *lp_append(unsigned char *lp, const void *s, size_t len);
unsigned char *lp_prepend(unsigned char *lp, const void *s, size_t len);
/* Replace the entry at off with s[0..len). */
unsigned char *lp_replace(unsigned char *lp, size_t off, const void *s, size_t len);
/* Delete count entries starting at off. */
unsigned char *lp_delete(unsigned char *lp, size_t off, size_t count);

/* Text of an entry into buf (>= 21 bytes) when it is an integer; returns a
 * pointer to the bytes and sets *len (buf or the entry's own bytes). */
const unsigned char *lp_bytes_of(const struct lp_entry *e, char buf[21], size_t *len);

#endif
