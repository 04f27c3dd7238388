/* keytab: see keytab.h.
 *
 * Two bucket arrays of singly linked chains. Rehashing moves t[0]'s buckets,
 * in index order, to t[1]; when the last one has moved, t[1] becomes t[0].
 * A lookup checks t[0] (a moved bucket is empty) and then t[1].
 */
#include "keytab.h"

#include <string.h>

#include "dict.h"
#include "mem.h"

#define KEYTAB_INIT_SIZE 16
/* Buckets moved per add/remove, and empty buckets skipped at most per
 * moved one: bounds the work of one call (as dict's rehash step does). */
#define KEYTAB_STEP       2
#define KEYTAB_EMPTY_SKIP 10

static uint64_t key_hash(int db, const char *key, size_t klen)
{
    return dict_hash(key, klen) ^ (uint64_t)(unsigned)db * 0x9E3779B97F4A7C15ULL;
}

static int node_is(const struct keytab *kt, const struct keytab_node *n, int db, uint64_t h,
                   const char *key, size_t klen)
{
    return n->hash == h && n->db == db && n->klen == klen &&
           memcmp(keytab_key(kt, n), key, klen) == 0;
}

void keytab_init(struct keytab *kt, size_t entry_size)
{
    memset(kt, 0, sizeof(*kt));
    kt->entry_size = entry_size;
}

static void free_chains(struct keytab *kt, int t, void (*fn)(struct keytab_node *, void *),
                        void *arg)
{
    for (size_t i = 0; i < kt->size[t]; i++) {
        for (struct keytab_node *n = kt->t[t][i]; n;) {
            struct keytab_node *next = n->next;
            if (fn)
                fn(n, arg);
            mem_free(n);
            n = next;
        }
    }
    mem_free(kt->t[t]);
    kt->t[t] = NULL;
    kt->size[t] = 0;
}

void keytab_clear(struct keytab *kt, void (*fn)(struct keytab_node *n, void *arg), void *arg)
{
    free_chains(kt, 0, fn, arg);
    free_chains(kt, 1, fn, arg);
    kt->rehash = 0;
    kt->count = 0;
}

/* Move up to KEYTAB_STEP non-empty buckets of t[0] to t[1]; finish the
 * rehash when t[0] is done. A no-op when not rehashing or iterating. */
static void rehash_step(struct keytab *kt)
{
    if (!kt->t[1] || kt->iterating)
        return;
    size_t mask1 = kt->size[1] - 1;
    int moves = KEYTAB_STEP, skips = KEYTAB_STEP * KEYTAB_EMPTY_SKIP;
    while (moves > 0 && kt->rehash < kt->size[0]) {
        struct keytab_node *n = kt->t[0][kt->rehash];
        if (!n) {
            kt->rehash++;
            if (--skips == 0)
                break;
            continue;
        }
        while (n) {
            struct keytab_node *next = n->next;
            n->next = kt->t[1][n->hash & mask1];
            kt->t[1][n->hash & mask1] = n;
            n = next;
        }
        kt->t[0][kt->rehash++] = NULL;
        moves--;
    }
    if (kt->rehash == kt->size[0]) {
        mem_free(kt->t[0]);
        kt->t[0] = kt->t[1];
        kt->size[0] = kt->size[1];
        kt->t[1] = NULL;
        kt->size[1] = 0;
        kt->rehash = 0;
    }
}

/* Start growing when the table holds as many keys as buckets (not while
 * iterating: the buckets must stay put). */
static void maybe_grow(struct keytab *kt)
{
    if (!kt->size[0]) {
        kt->t[0] = mem_calloc(KEYTAB_INIT_SIZE, sizeof(*kt->t[0]));
        kt->size[0] = KEYTAB_INIT_SIZE;
        return;
    }
    if (kt->iterating || kt->t[1] || kt->count < kt->size[0])
        return;
    kt->size[1] = kt->size[0] * 2;
    kt->t[1] = mem_calloc(kt->size[1], sizeof(*kt->t[1]));
    kt->rehash = 0;
}

/* The chain slot that points to the node (db, key) in table t, or to the
 * chain's terminating NULL. */
static struct keytab_node **slot(const struct keytab *kt, int t, int db, uint64_t h,
                                 const char *key, size_t klen)
{
    struct keytab_node **pp = &kt->t[t][h & (kt->size[t] - 1)];
    while (*pp && !node_is(kt, *pp, db, h, key, klen))
        pp = &(*pp)->next;
    return pp;
}

static struct keytab_node *lookup(const struct keytab *kt, int db, uint64_t h, const char *key,
                                  size_t klen)
{
    for (int t = 0; t < 2 && kt->size[t]; t++) {
        struct keytab_node *n = *slot(kt, t, db, h, key, klen);
        if (n)
            return n;
    }
    return NULL;
}

struct keytab_node *keytab_find(const struct keytab *kt, int db, const char *key, size_t klen)
{
    if (!kt->count)
        return NULL;
    return lookup(kt, db, key_hash(db, key, klen), key, klen);
}

struct keytab_node *keytab_add(struct keytab *kt, int db, const char *key, size_t klen,
                               int *created)
{
    uint64_t h = key_hash(db, key, klen);
    struct keytab_node *n = kt->count ? lookup(kt, db, h, key, klen) : NULL;
    if (created)
        *created = n == NULL;
    if (n)
        return n;
    rehash_step(kt);
    maybe_grow(kt);
    n = mem_calloc(1, kt->entry_size + klen + 1);
    n->hash = h;
    n->klen = klen;
    n->db = db;
    memcpy((char *)n + kt->entry_size, key, klen);
    /* While rehashing, new nodes go straight to the new table. */
    int t = kt->t[1] ? 1 : 0;
    struct keytab_node **head = &kt->t[t][n->hash & (kt->size[t] - 1)];
    n->next = *head;
    *head = n;
    kt->count++;
    return n;
}

void keytab_remove(struct keytab *kt, struct keytab_node *n)
{
    for (int t = 0; t < 2 && kt->size[t]; t++) {
        struct keytab_node **pp = &kt->t[t][n->hash & (kt->size[t] - 1)];
        while (*pp && *pp != n)
            pp = &(*pp)->next;
        if (*pp) {
            *pp = n->next;
            mem_free(n);
            kt->count--;
            rehash_step(kt);
            return;
        }
    }
}

void keytab_foreach(struct keytab *kt, void (*fn)(struct keytab_node *n, void *arg), void *arg)
{
    kt->iterating++;
    for (int t = 0; t < 2; t++) {
        for (size_t i = 0; i < kt->size[t]; i++) {
            for (struct keytab_node *n = kt->t[t][i]; n;) {
                struct keytab_node *next = n->next; /* fn may remove n */
                fn(n, arg);
                n = next;
            }
        }
    }
    kt->iterating--;
}

struct keytab_node *keytab_pick(const struct keytab *kt, uint64_t r)
{
    if (!kt->count)
        return NULL;
    /* One index space over both tables; t[0]'s moved buckets are empty. */
    size_t total = kt->size[0] + kt->size[1];
    size_t i = (size_t)(r % total);
    for (;;) {
        struct keytab_node *n = i < kt->size[0] ? kt->t[0][i] : kt->t[1][i - kt->size[0]];
        if (n)
            return n;
        i = i + 1 == total ? 0 : i + 1;
    }
}
