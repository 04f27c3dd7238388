/* keytab: a hash table from (database index, key bytes) to a node that its
 * user extends with a payload. Block (waiters per key), multi (watchers per
 * key) and tracking (reader ids per key) each keep one.
 *
 * Use: declare a struct whose FIRST member is a struct keytab_node, followed
 * by the payload, and give its size to keytab_init(). Every node is one
 * allocation: that struct (zero-filled on creation) followed by a private,
 * NUL-terminated copy of the key. Nodes never move, so pointers to them stay
 * valid until keytab_remove().
 *
 * Hashing is the process's keyed SipHash (dict_hash), so clients cannot
 * force collisions. Growth is incremental, as in dict: when the table holds
 * as many keys as buckets a table twice as large is started, and each
 * keytab_add() / keytab_remove() moves a few buckets into it. Lookups never
 * allocate. The table never shrinks except by keytab_clear().
 *
 * Invariants: every node is in exactly one bucket chain, of t[1] while its
 * t[0] bucket index is below rehash; t[1] is non-NULL only while rehashing;
 * no bucket moves while a keytab_foreach() runs.
 *
 * Must not know: what the payload means, databases, clients.
 */
#ifndef TERN_KEYTAB_H
#define TERN_KEYTAB_H

#include <stddef.h>
#include <stdint.h>

/* The head of every node; read-only for the user. */
struct keytab_node {
    struct keytab_node *next; /* bucket chain */
    uint64_t hash;
    size_t klen;
    int db;
};

struct keytab {
    struct keytab_node **t[2]; /* t[1]: the larger table while rehashing */
    size_t size[2];            /* buckets: a power of two, or 0 */
    size_t rehash;             /* the next t[0] bucket to move */
    size_t count;
    size_t entry_size; /* the user's struct; the key copy follows it */
    unsigned iterating;
};

/* An empty table of nodes of entry_size bytes (>= sizeof(struct
 * keytab_node)). Allocates nothing until the first add. A static table may
 * instead be initialised as { .entry_size = sizeof(type) }. */
void keytab_init(struct keytab *kt, size_t entry_size);
/* Call fn (may be NULL) on every node, then free all nodes and buckets:
 * the table is empty and ready for use again. O(n + buckets). */
void keytab_clear(struct keytab *kt, void (*fn)(struct keytab_node *n, void *arg), void *arg);

/* The node of key in database db, or NULL. O(1) average; no allocation. */
struct keytab_node *keytab_find(const struct keytab *kt, int db, const char *key, size_t klen);
/* The node of key in database db, created (payload zeroed, key copied) if
 * absent; *created (may be NULL) says which. O(1) amortised. */
struct keytab_node *keytab_add(struct keytab *kt, int db, const char *key, size_t klen,
                               int *created);
/* Unlink and free n (the payload must hold nothing the user still has to
 * free). O(1) average. */
void keytab_remove(struct keytab *kt, struct keytab_node *n);

/* Call fn on every node, in no particular order. fn may keytab_remove() the
 * node it was given, and no other; a node it adds may or may not be
 * visited. O(n + buckets). */
void keytab_foreach(struct keytab *kt, void (*fn)(struct keytab_node *n, void *arg), void *arg);
/* A node picked by r (e.g. random()): the first of the first non-empty
 * bucket at or after bucket r. Not uniform, but cheap. NULL if empty. */
struct keytab_node *keytab_pick(const struct keytab *kt, uint64_t r);

/* The node's key: kt's private copy, NUL-terminated, n->klen bytes. */
static inline const char *keytab_key(const struct keytab *kt, const struct keytab_node *n)
{
    return (const char *)n + kt->entry_size;
}

static inline size_t keytab_count(const struct keytab *kt)
{
    return kt->count;
}

#endif
