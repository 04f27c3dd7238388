/* quicklist: a doubly linked list of listpack nodes, the list type's
 * encoding (Redis 7.0 reports every list as "quicklist").
 *
 * Node size is governed by fill (list-max-listpack-size, taken when the list
 * is created): a negative fill -1..-5 caps a node's listpack at 4, 8, 16, 32
 * or 64 KB; a positive fill caps the entry count (and a node never grows past
 * 8 KB through inserts unless it holds a single entry). Compression
 * (list-compress-depth) is not implemented: every node stays plain.
 *
 * Invariants: no node is empty; ql->count is the sum of node counts;
 * node->count == lp_count(node->lp).
 *
 * Must not know: commands, clients, the keyspace.
 */
#ifndef TERN_QUICKLIST_H
#define TERN_QUICKLIST_H

#include <stddef.h>

#include "lp.h"

struct ql_node {
    struct ql_node *prev, *next;
    unsigned char *lp;
    size_t count;
};

struct quicklist {
    struct ql_node *head, *tail;
    size_t count;  /* entries */
    size_t nnodes; /* nodes */
    int fill;
};

#define QL_HEAD 0
#define QL_TAIL 1

/* A new empty list with the given fill (owned by the caller). */
struct quicklist *ql_new(int fill);
/* Free the list and every node. O(n). */
void ql_free(struct quicklist *ql);
/* Deep copy. O(n). */
struct quicklist *ql_dup(const struct quicklist *ql);
/* Bytes used (nodes, listpacks, header). O(nodes). */
size_t ql_mem(const struct quicklist *ql);

/* Push s[0..len) at the head or tail (where = QL_HEAD / QL_TAIL). The bytes
 * are copied. O(1) amortised (plus the listpack shift at the head). */
void ql_push(struct quicklist *ql, int where, const void *s, size_t len);

/* Delete count entries starting at index start (>= 0, in range). */
void ql_del_range(struct quicklist *ql, size_t start, size_t count);

/* Iterator over entries in one direction (QL_HEAD = from head to tail, i.e.
 * forward; QL_TAIL = backward). Entries handed out point into the list and
 * are valid until the next modification, except through the iterator's own
 * ql_iter_del / ql_iter_replace. */
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

/* Entry at index (negative from the tail) into *e: 1, or 0 if out of range. */
int ql_index(struct quicklist *ql, long long index, struct lp_entry *e);

#endif
