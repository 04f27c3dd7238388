/* quicklist: a doubly linked list of listpack nodes, the list type's
 * encoding (Redis 7.0 reports every list as "quicklist").
 *
 * Node size is governed by fill (list-max-listpack-size, taken when the list
 * is created): a negative fill -1..-5 caps a node's listpack at 4, 8, 16, 32
 * or 64 KB; a positive fill caps the entry count (and a node never grows past
 * 8 KB through inserts unless it holds a single entry).
 *
 * Compression (list-compress-depth, also taken at creation, see
 * ql_set_depth): the depth nodes at each end stay plain; an interior node is
 * stored LZF-compressed when its listpack is at least QL_MIN_COMPRESS_BYTES
 * and compression saves more than QL_MIN_COMPRESS_GAIN bytes (Redis's rule).
 * Access is transparent: the iterator decompresses the node it stands on
 * (the list's single "hot" node, whose compressed image is kept aside) and
 * recompresses it when it moves on, on the next modification of the list,
 * or on ql_settle() (a hot node that was only read gets its old image back
 * without compressing again).
 *
 * Invariants: no node is empty; ql->count is the sum of node counts;
 * node->count == the entries of its listpack (plain or compressed); a node
 * within depth of an end is plain; at most one node (ql->hot) is a
 * decompressed interior node; ql->ncompressed counts nodes with csz != 0.
 *
 * Code outside this file must not read node->lp directly: it may hold LZF
 * bytes. Use the iterator, or ql_node_listpack() for whole nodes.
 *
 * Must not know: commands, clients, the keyspace.
 */
#ifndef TERN_QUICKLIST_H
#define TERN_QUICKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "lp.h"

/* Compress only listpacks of at least this many bytes... */
#define QL_MIN_COMPRESS_BYTES 48
/* ...and only when the LZF image is more than this many bytes smaller. */
#define QL_MIN_COMPRESS_GAIN 8
/* Depths above this are clamped (as Redis clamps them). */
#define QL_MAX_DEPTH 65535

struct ql_node {
    struct ql_node *prev, *next;
    unsigned char *lp; /* the listpack, or its LZF image when csz != 0 */
    size_t count;
    uint32_t csz;   /* bytes of the LZF image; 0: lp is a plain listpack */
    uint32_t rawsz; /* listpack bytes while compressed */
};

struct quicklist {
    struct ql_node *head, *tail;
    size_t count;  /* entries */
    size_t nnodes; /* nodes */
    int fill;
    int depth;                /* list-compress-depth; 0: no compression */
    size_t ncompressed;       /* nodes with csz != 0 */
    struct ql_node *hot;      /* interior node decompressed for access, or NULL */
    unsigned char *hot_image; /* hot's LZF image while it is unmodified, or NULL */
    uint32_t hot_csz;         /* bytes of hot_image */
};

#define QL_HEAD 0
#define QL_TAIL 1

/* A new empty list with the given fill and no compression (owned by the
 * caller; see ql_set_depth). */
struct quicklist *ql_new(int fill);
/* Set the compression depth (clamped to 0..QL_MAX_DEPTH) and compress or
 * decompress every node to match. Call it right after ql_new (O(1) on an
 * empty list); on a full list it is O(total bytes). Invalidates iterators
 * and entries handed out. */
void ql_set_depth(struct quicklist *ql, int depth);
/* Recompress the node an access decompressed, if any. Entries handed out
 * before become invalid. Callers use it after a read that may have walked
 * into the interior (LINDEX, LRANGE, ...) so the list does not keep a node
 * decompressed; every modifying call does it too. O(1), or O(node size). */
void ql_settle(struct quicklist *ql);
/* The plain listpack of node n, without modifying the list: n->lp itself
 * when n is plain (*tmp = NULL), else a decompressed copy in a new buffer
 * (*tmp points to it; the caller mem_free()s *tmp). For readers of a const
 * list (RDB and AOF writers). O(1) or O(node size). */
const unsigned char *ql_node_listpack(const struct ql_node *n, unsigned char **tmp);
/* Free the list and every node. O(n). */
void ql_free(struct quicklist *ql);
/* Deep copy. O(n). */
struct quicklist *ql_dup(const struct quicklist *ql);
/* Bytes used (nodes, listpacks or their compressed images, header).
 * O(nodes). */
size_t ql_mem(const struct quicklist *ql);

/* Push s[0..len) at the head or tail (where = QL_HEAD / QL_TAIL). The bytes
 * are copied. O(1) amortised (plus the listpack shift at the head). */
void ql_push(struct quicklist *ql, int where, const void *s, size_t len);

/* Delete count entries starting at index start (>= 0, in range). */
void ql_del_range(struct quicklist *ql, size_t start, size_t count);

/* Iterator over entries in one direction (QL_HEAD = from head to tail, i.e.
 * forward; QL_TAIL = backward). Entries handed out point into the list and
 * are valid until the next call on this list (the iterator moving to another
 * node may recompress the one they lie in), except through the iterator's
 * own ql_iter_del / ql_iter_replace. Only one iterator may be used on a list
 * at a time. After reading, call ql_settle (or modify the list). */
struct ql_iter {
    struct quicklist *ql;
    struct ql_node *node; /* node of the current entry (NULL: done) */
    size_t off;           /* offset of the current entry in node->lp */
    int dir;              /* QL_HEAD forward, QL_TAIL backward */
    int state;            /* 0 = positioned, not yet returned; 1 = returned; 2 = current deleted */
};

/* Position it at index (negative counts from the tail) moving in dir.
 * Returns 0 if index is out of range (the iterator then yields nothing).
 * O(nodes walked + node size). */
int ql_iter_init(struct ql_iter *it, struct quicklist *ql, long long index, int dir);
/* Next entry into *e: 1, or 0 at the end. */
int ql_iter_next(struct ql_iter *it, struct lp_entry *e);
/* Delete the entry last returned; iteration continues after it. */
void ql_iter_del(struct ql_iter *it);
/* Replace the entry last returned with s[0..len) (copied). */
void ql_iter_replace(struct ql_iter *it, const void *s, size_t len);
/* Insert s[0..len) after (after != 0) or before the entry last returned.
 * Invalidates the iterator. O(node size). */
void ql_iter_insert(struct ql_iter *it, int after, const void *s, size_t len);

/* Entry at index (negative from the tail) into *e: 1, or 0 if out of range.
 * The entry is valid until the next call on the list (ql_settle after use). */
int ql_index(struct quicklist *ql, long long index, struct lp_entry *e);

#endif
