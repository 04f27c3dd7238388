/* rblob: Redis's own compact blob formats, as they appear inside RDB files
 * and DUMP payloads: listpack (Redis 7), ziplist (Redis <= 6, read only),
 * intset (native little-endian layout), zipmap (very old hashes, read only).
 *
 * Tern's in-memory listpack (lp.h) and intset (intset.h) are our own
 * layouts, so the RDB code converts through these readers and builders.
 * Every reader validates fully before handing out entries: a corrupt or
 * hostile blob is rejected (-1), never read out of bounds.
 *
 * Must not know: the keyspace, the RDB stream format around the blobs.
 */
#ifndef TERN_RBLOB_H
#define TERN_RBLOB_H

#include <stddef.h>
#include <stdint.h>

#include "lp.h" /* struct lp_entry: s != NULL for strings, else integer v */

/* ---- reading: listpack, ziplist, intset, zipmap ----
 * rblob_*_validate checks the whole blob (header, every entry, terminator,
 * declared sizes/counts) and sets *count to the number of entries (for a
 * zipmap: fields + values). Returns 0 if valid, -1 if not.
 * The iterator walks a blob that validated: init, then next() until it
 * returns 0; each entry is a string (s points into the blob) or an integer. */
int rblob_lp_validate(const unsigned char *p, size_t len, size_t *count);
int rblob_zl_validate(const unsigned char *p, size_t len, size_t *count);
int rblob_is_validate(const unsigned char *p, size_t len, size_t *count);
int rblob_zm_validate(const unsigned char *p, size_t len, size_t *count);

enum rblob_kind { RBLOB_LISTPACK, RBLOB_ZIPLIST, RBLOB_INTSET, RBLOB_ZIPMAP };

struct rblob_iter {
    enum rblob_kind kind;
    const unsigned char *p;
    size_t len, off, left;
    int width; /* intset element width */
};

void rblob_iter_init(struct rblob_iter *it, enum rblob_kind kind, const unsigned char *p,
                     size_t len);
/* 1 and *e filled, or 0 at the end. */
int rblob_iter_next(struct rblob_iter *it, struct lp_entry *e);

/* ---- writing: listpack and intset in Redis's byte format ----
 * A growable buffer; append entries, then take the finished blob. Strings
 * that parse as integers the way Redis's listpack would store them are
 * stored as integers (rblob_lp_add_str does that check itself). */
struct rblob_buf {
    unsigned char *p; /* mem_alloc'd */
    size_t len, cap;
    size_t count;
};

void rblob_lp_begin(struct rblob_buf *b);
void rblob_lp_add_str(struct rblob_buf *b, const char *s, size_t len);
void rblob_lp_add_int(struct rblob_buf *b, long long v);
/* Finish: writes header and terminator; returns b->p (owned by the caller,
 * mem_free), its length in *len. */
unsigned char *rblob_lp_end(struct rblob_buf *b, size_t *len);

/* An intset blob of n ascending distinct values (width chosen as Redis
 * would: 2, 4 or 8 bytes). Returns a mem_alloc'd blob, length in *len. */
unsigned char *rblob_is_build(const int64_t *vals, size_t n, size_t *len);

#endif
