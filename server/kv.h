/* kv: the private layout of a keyspace entry, shared by kv.c and db.c only.
 * Everyone else uses the accessors in db.h.
 *
 * An entry is one slab block (so it is named by a 32-bit handle and costs no
 * malloc header):
 *
 *   [0..4)   next handle in the hash chain (owned by dict)
 *   [4]      type (bits 0-2) | encoding tag (bits 3-6) | has-expire (bit 7)
 *   [5..8)   24-bit LRU/LFU field, little-endian
 *   [8..16)  absolute expiry in unix ms, only if has-expire
 *   key:     1 length byte n < 255, then n key bytes; or 255, a 4-byte
 *            length and an 8-byte pointer to a mem_alloc'd copy (long keys)
 *   value:   strings: 1 length byte n < 255, then n bytes inline; or 255 and
 *            an 8-byte pointer to a struct kv_strbuf (long strings, and any
 *            string made writable by db_string_resize);
 *            other types: an 8-byte pointer to the type's object.
 *
 * Multi-byte fields are unaligned (blocks are 4-byte aligned) and are read
 * and written with memcpy. A 16-byte key with a 16-byte value takes
 * 4+4+1+16+1+16 = 42 bytes (a 44-byte class); a TTL adds exactly 8.
 *
 * Invariants: an inline string always fits the slab (the entry is <= SLAB_MAX
 * bytes), so the block size is a function of the fields; the has-expire bit
 * is the only record of a TTL (there is no separate expires table).
 */
#ifndef TERN_KV_H
#define TERN_KV_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "slab.h"

/* A heap string: capacity is mem_size(buf) - sizeof(size_t). */
struct kv_strbuf {
    size_t len;
    char data[];
};

/* Everything an entry holds, as borrowed pointers. Used to build entries:
 * kv_build copies the key and inline string bytes, and adopts sbuf / ptr. */
struct kv_parts {
    int type, enc;
    unsigned lru;
    long long expire; /* -1 = no TTL */
    const char *key;
    size_t klen;
    const char *sval; /* string to copy (when sbuf is NULL) */
    size_t slen;
    struct kv_strbuf *sbuf; /* string heap buffer to adopt */
    void *ptr;              /* collection object to adopt */
};

#define KV_STRBUF_MAX_LEN ((size_t)1 << 40)

/* Internal encoding tag: an int-encoded string that Redis would hold in its
 * own object rather than a shared one (made by COPY). kv_enc() reports it as
 * KV_ENC_INT; only OBJECT REFCOUNT tells the difference. */
#define KV_ENC_INT_UNSHARED 15

/* Build a new entry from parts; returns its handle. The link is zero. */
uint32_t kv_build(const struct kv_parts *p);
/* Fill parts from e (pointers borrowed from e; sbuf/ptr are e's). */
void kv_get_parts(const struct kv *e, struct kv_parts *p);
/* Free the block and its out-of-line key, but not the value (moved away). */
void kv_free_shell(uint32_t h);
/* Free the entry and its value (string buffer, or the type's free). */
void kv_free(uint32_t h);
/* Duplicate the value of e into p (sbuf or ptr freshly allocated, or
 * sval pointing into e for inline strings). */
void kv_dup_value(const struct kv *e, struct kv_parts *p);
/* 1 if e's string lives in a heap buffer (then *buf is set). */
int kv_str_heap(const struct kv *e, struct kv_strbuf **buf);
/* Replace the heap buffer pointer of a heap string entry (after realloc). */
void kv_set_strbuf(struct kv *e, struct kv_strbuf *buf);
/* Allocate a heap string of len bytes copied from s (NULL: zeros) with
 * room for at least cap bytes. */
struct kv_strbuf *kv_strbuf_new(const char *s, size_t len, size_t cap);
/* Capacity of a heap string buffer. */
size_t kv_strbuf_cap(const struct kv_strbuf *b);
/* Overwrite the expiry of an entry that already has one. */
void kv_write_expire(struct kv *e, long long when_ms);
/* 1 if e has a TTL (the dict's "marked"). */
int kv_has_expire(const struct kv *e);

static inline struct kv *kv_at(uint32_t h)
{
    return (struct kv *)slab_ptr(h);
}

#endif
