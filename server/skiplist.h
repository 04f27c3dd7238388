/* skiplist: the ordered index of a sorted set's "skiplist" encoding.
 *
 * Nodes are ordered by (score, member bytes); each level link carries a span
 * (how many level-0 steps it jumps), so rank lookups and "node at rank" are
 * O(log n) expected. Level 0 (next) also links backwards for reverse walks.
 *
 * Invariants: no two nodes share a member (the caller, t_zset, checks its
 * member index first); scores are never NaN; head is a sentinel with
 * SL_MAXLEVEL levels; tail is the last node or NULL.
 * Must not know: the member index, replies, the keyspace. Members are
 * copied in, once: each node is one allocation holding the header, its
 * level array, then the member bytes (NUL-terminated; see sl_ele()).
 * A node keeps its address for its whole life (sl_update relinks the same
 * node), so a caller may index nodes by pointer; hnext and htag are spare
 * fields for that caller (t_zset's member index) and are never read here.
 */
#ifndef TERN_SKIPLIST_H
#define TERN_SKIPLIST_H

#include <stddef.h>
#include <stdint.h>

#define SL_MAXLEVEL 32

/* 40-byte header + 24 bytes per level above 0 + member length + 1.
 * Level 0 is the header's next pointer: its span is always 1 and it needs
 * no score copy (both the unlink and the link walk read the level-0
 * successor anyway, for its back link). score and next share 16 aligned
 * bytes, so a level-0 step reads one cache line of the node.
 * Each higher link holds a copy of its target's score, so a search step
 * decides "move forward or drop a level" from the link alone and reads the
 * forward node only when it moves onto it (or when the scores tie and the
 * member bytes decide): dropping a level touches no new cache line.
 * Invariant: p->up[i].score == p->up[i].fwd->score for every non-NULL fwd
 * (unset when fwd is NULL); only this module writes a linked node's score,
 * and it keeps the copies. Spans are 32-bit: lists of 2^32 members or more
 * are unsupported. */
struct sl_node {
    double score;
    struct sl_node *next;  /* level-0 successor; NULL at the tail */
    struct sl_node *back;  /* level-0 predecessor; NULL at the first node */
    struct sl_node *hnext; /* caller's hash chain link */
    uint32_t len;          /* member length in bytes (members of 4 GiB+ unsupported) */
    uint32_t level : 8;    /* levels, level 0 included (up[] has level - 1) */
    uint32_t htag : 24;    /* caller's hash bits */
    struct sl_level {
        struct sl_node *fwd;
        double score;  /* fwd->score, kept in step (unset when fwd is NULL) */
        uint32_t span; /* level-0 steps this link jumps */
    } up[];            /* up[i - 1] is level i */
};

/* Member bytes of a node (NUL-terminated; length n->len). */
static inline const char *sl_ele(const struct sl_node *n)
{
    return (const char *)(n->up + n->level - 1);
}

struct skiplist {
    struct sl_node *head, *tail;
    unsigned long length;
    size_t bytes; /* mem_size() of every node, head included (for sl_mem) */
    int level;
};

/* A score interval; minex/maxex make an end exclusive. */
struct sl_range {
    double min, max;
    int minex, maxex;
};

/* A lexicographic interval. min/max point at bytes (borrowed) unless the end
 * is -inf (SL_LEX_MININF) or +inf (SL_LEX_MAXINF). */
enum { SL_LEX_BYTES = 0, SL_LEX_MININF = 1, SL_LEX_MAXINF = 2 };
struct sl_lexrange {
    const char *min, *max;
    size_t minlen, maxlen;
    int mininf, maxinf; /* SL_LEX_* kind of each end */
    int minex, maxex;
};

struct skiplist *sl_create(void);
void sl_free(struct skiplist *sl);
/* Bytes used by nodes and member copies. O(1) (a running count). */
size_t sl_mem(const struct skiplist *sl);

/* Insert a member that is not present. Returns its node. O(log n). */
struct sl_node *sl_insert(struct skiplist *sl, double score, const char *ele, size_t len);
/* Delete the node (score, ele). Returns 1 if found. O(log n). */
int sl_delete(struct skiplist *sl, double score, const char *ele, size_t len);
/* Unlink and free node n (which must be in sl). O(log n). */
void sl_delete_node(struct skiplist *sl, struct sl_node *n);
/* Change a present member's score; returns its node (the same node, moved
 * if the order changed), NULL if absent. */
struct sl_node *sl_update(struct skiplist *sl, double cur, const char *ele, size_t len,
                          double score);
/* Change node n's score (n must be in sl); n stays the same node. O(1)
 * when the new score keeps n between its neighbours and n has one level
 * (most nodes), else O(log n) expected. */
void sl_update_node(struct skiplist *sl, struct sl_node *n, double score);
/* 1-based rank of (score, ele), 0 if absent. O(log n). */
unsigned long sl_rank(const struct skiplist *sl, double score, const char *ele, size_t len);
/* Node at 1-based rank, NULL if out of range. O(log n). */
struct sl_node *sl_at_rank(const struct skiplist *sl, unsigned long rank);
/* First / last node inside the range, or NULL. O(log n). */
struct sl_node *sl_first_in_range(const struct skiplist *sl, const struct sl_range *r);
struct sl_node *sl_last_in_range(const struct skiplist *sl, const struct sl_range *r);
struct sl_node *sl_first_in_lex(const struct skiplist *sl, const struct sl_lexrange *r);
struct sl_node *sl_last_in_lex(const struct skiplist *sl, const struct sl_lexrange *r);

/* Range tests on one value. */
int sl_gte_min(double v, const struct sl_range *r);
int sl_lte_max(double v, const struct sl_range *r);
int sl_lex_gte_min(const char *s, size_t len, const struct sl_lexrange *r);
int sl_lex_lte_max(const char *s, size_t len, const struct sl_lexrange *r);
/* memcmp-then-length order of two byte strings (<0, 0, >0). */
int sl_cmp_bytes(const char *a, size_t alen, const char *b, size_t blen);

#endif
