/* quicklist: a doubly linked list of listpack nodes (see quicklist.h).
 *
 * Invariants: no node is empty; ql->count is the sum of node counts and
 * node->count == lp_count(node->lp); head/tail are NULL exactly when the
 * list is empty.
 *
 * Must not know: commands, clients, the keyspace, compression (not done).
 */
#include <string.h>

#include "mem.h"
#include "quicklist.h"

/* Byte caps for fill -1..-5, as Redis's. */
static const size_t fill_bytes[] = {4096, 8192, 16384, 32768, 65536};
/* With a positive (count) fill, a node still stops growing past this. */
#define QL_SAFETY_LIMIT 8192
/* Rough bytes an entry adds besides its payload (encoding + backlen). */
#define QL_ENTRY_OVERHEAD 11

/* May one more entry of len bytes go into node n? */
static int allow_insert(const struct quicklist *ql, const struct ql_node *n, size_t len)
{
    if (!n)
        return 0;
    size_t new_sz = lp_bytes(n->lp) + len + QL_ENTRY_OVERHEAD;
    if (ql->fill < 0) {
        int lvl = -ql->fill - 1;
        if (lvl > 4)
            lvl = 4;
        return new_sz <= fill_bytes[lvl];
    }
    if (new_sz > QL_SAFETY_LIMIT)
        return 0;
    return n->count < (size_t)ql->fill;
}

static struct ql_node *node_new(unsigned char *lp)
{
    struct ql_node *n = mem_alloc(sizeof(*n));
    n->prev = n->next = NULL;
    n->lp = lp ? lp : lp_new();
    n->count = lp ? lp_count(lp) : 0;
    return n;
}

/* Link n after pos (pos NULL: at the head). */
static void link_after(struct quicklist *ql, struct ql_node *pos, struct ql_node *n)
{
    n->prev = pos;
    n->next = pos ? pos->next : ql->head;
    if (n->next)
        n->next->prev = n;
    else
        ql->tail = n;
    if (pos)
        pos->next = n;
    else
        ql->head = n;
    ql->nnodes++;
}

/* Unlink and free node n (its entries leave ql->count too). */
static void node_remove(struct quicklist *ql, struct ql_node *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else
        ql->head = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        ql->tail = n->prev;
    ql->count -= n->count;
    ql->nnodes--;
    mem_free(n->lp);
    mem_free(n);
}

struct quicklist *ql_new(int fill)
{
    struct quicklist *ql = mem_calloc(1, sizeof(*ql));
    ql->fill = fill;
    return ql;
}

void ql_free(struct quicklist *ql)
{
    if (!ql)
        return;
    struct ql_node *n = ql->head;
    while (n) {
        struct ql_node *next = n->next;
        mem_free(n->lp);
        mem_free(n);
        n = next;
    }
    mem_free(ql);
}

struct quicklist *ql_dup(const struct quicklist *ql)
{
    struct quicklist *c = ql_new(ql->fill);
    for (const struct ql_node *n = ql->head; n; n = n->next) {
        size_t b = lp_bytes(n->lp);
        unsigned char *lp = mem_alloc(b);
        memcpy(lp, n->lp, b);
        struct ql_node *m = node_new(lp);
        link_after(c, c->tail, m);
        c->count += m->count;
    }
    return c;
}

size_t ql_mem(const struct quicklist *ql)
{
    size_t sum = sizeof(*ql);
    for (const struct ql_node *n = ql->head; n; n = n->next)
        sum += sizeof(*n) + lp_bytes(n->lp);
    return sum;
}

/* Push at one end: into the end node if it has room, else into a new node.
 * O(1) at the tail; O(node size) at the head (the listpack shifts). */
void ql_push(struct quicklist *ql, int where, const void *s, size_t len)
{
    struct ql_node *n = where == QL_HEAD ? ql->head : ql->tail;
    if (!allow_insert(ql, n, len)) {
        n = node_new(NULL);
        link_after(ql, where == QL_HEAD ? NULL : ql->tail, n);
    }
    n->lp = where == QL_HEAD ? lp_prepend(n->lp, s, len) : lp_append(n->lp, s, len);
    n->count++;
    ql->count++;
}

/* Delete count entries from index start on. O(nodes walked from the nearer
 * end + entries removed). */
void ql_del_range(struct quicklist *ql, size_t start, size_t count)
{
    struct ql_node *n;
    if (start >= ql->count)
        return;
    if (start < ql->count / 2) {
        n = ql->head;
        while (start >= n->count) {
            start -= n->count;
            n = n->next;
        }
    } else {
        /* Nearer the tail (RPOP with a count, LTRIM's right side): walk
         * back, so the cost is O(entries removed), not O(nodes). */
        size_t from_tail = ql->count - start; /* entries from start to the end */
        n = ql->tail;
        while (from_tail > n->count) {
            from_tail -= n->count;
            n = n->prev;
        }
        start = n->count - from_tail;
    }
    while (n && count > 0) {
        struct ql_node *next = n->next;
        size_t take = n->count - start;
        if (take > count)
            take = count;
        if (start == 0 && take == n->count) {
            node_remove(ql, n);
        } else {
            n->lp = lp_delete(n->lp, lp_seek(n->lp, (long long)start), take);
            n->count -= take;
            ql->count -= take;
        }
        count -= take;
        start = 0;
        n = next;
    }
}

/* ---- iteration ---- */

int ql_iter_init(struct ql_iter *it, struct quicklist *ql, long long index, int dir)
{
    it->ql = ql;
    it->dir = dir;
    it->state = 0;
    it->node = NULL;
    it->off = 0;
    long long cnt = (long long)ql->count;
    if (index < 0)
        index += cnt;
    if (index < 0 || index >= cnt)
        return 0;
    /* Walk from the nearer end. */
    struct ql_node *n;
    long long local;
    if (index < cnt / 2) {
        n = ql->head;
        local = index;
        while ((size_t)local >= n->count) {
            local -= (long long)n->count;
            n = n->next;
        }
    } else {
        n = ql->tail;
        local = cnt - 1 - index; /* distance from the tail */
        while ((size_t)local >= n->count) {
            local -= (long long)n->count;
            n = n->prev;
        }
        local = (long long)n->count - 1 - local;
    }
    it->node = n;
    it->off = lp_seek(n->lp, local);
    return 1;
}

/* Move from the current entry to the next in it->dir. */
static void advance(struct ql_iter *it)
{
    struct ql_node *n = it->node;
    if (it->dir == QL_HEAD) {
        size_t off = lp_next(n->lp, it->off);
        if (off == lp_end(n->lp)) {
            it->node = n->next;
            it->off = it->node ? lp_first(it->node->lp) : 0;
        } else {
            it->off = off;
        }
    } else {
        size_t off = lp_prev(n->lp, it->off);
        if (off == 0) {
            it->node = n->prev;
            it->off = it->node ? lp_last(it->node->lp) : 0;
        } else {
            it->off = off;
        }
    }
}

int ql_iter_next(struct ql_iter *it, struct lp_entry *e)
{
    if (it->node && it->state == 1)
        advance(it);
    if (!it->node)
        return 0;
    lp_get(it->node->lp, it->off, e);
    it->state = 1;
    return 1;
}

void ql_iter_del(struct ql_iter *it)
{
    struct ql_node *n = it->node;
    size_t prev = it->dir == QL_TAIL ? lp_prev(n->lp, it->off) : 0;
    n->lp = lp_delete(n->lp, it->off, 1);
    n->count--;
    it->ql->count--;
    it->state = 0;
    if (n->count == 0) {
        struct ql_node *to = it->dir == QL_HEAD ? n->next : n->prev;
        node_remove(it->ql, n);
        it->node = to;
        if (to)
            it->off = it->dir == QL_HEAD ? lp_first(to->lp) : lp_last(to->lp);
        return;
    }
    if (it->dir == QL_HEAD) {
        /* The following entry now sits at the deleted one's offset. */
        if (it->off == lp_end(n->lp)) {
            it->node = n->next;
            it->off = it->node ? lp_first(it->node->lp) : 0;
        }
    } else if (prev == 0) {
        it->node = n->prev;
        it->off = it->node ? lp_last(it->node->lp) : 0;
    } else {
        it->off = prev;
    }
}

void ql_iter_replace(struct ql_iter *it, const void *s, size_t len)
{
    struct ql_node *n = it->node;
    n->lp = lp_replace(n->lp, it->off, s, len);
}

/* Move the entries of n from offset pos on into a new node linked after n.
 * O(node size). Returns the new node (possibly empty). */
static struct ql_node *split_at(struct quicklist *ql, struct ql_node *n, size_t pos)
{
    struct ql_node *m = node_new(NULL);
    size_t moved = 0;
    for (size_t off = pos; off != lp_end(n->lp); off = lp_next(n->lp, off)) {
        struct lp_entry e;
        char buf[21];
        size_t len;
        lp_get(n->lp, off, &e);
        const unsigned char *p = lp_bytes_of(&e, buf, &len);
        m->lp = lp_append(m->lp, p, len);
        moved++;
    }
    if (moved)
        n->lp = lp_delete(n->lp, pos, moved);
    n->count -= moved;
    m->count = moved;
    link_after(ql, n, m);
    return m;
}

void ql_iter_insert(struct ql_iter *it, int after, const void *s, size_t len)
{
    struct quicklist *ql = it->ql;
    struct ql_node *n = it->node;
    size_t pos = after ? lp_next(n->lp, it->off) : it->off;
    it->node = NULL;
    ql->count++;
    if (allow_insert(ql, n, len)) {
        n->lp = lp_insert(n->lp, pos, s, len, NULL);
        n->count++;
        return;
    }
    int at_tail = pos == lp_end(n->lp);
    int at_head = pos == lp_first(n->lp);
    struct ql_node *t;
    if (at_tail && allow_insert(ql, n->next, len)) {
        t = n->next;
        t->lp = lp_prepend(t->lp, s, len);
    } else if (at_head && allow_insert(ql, n->prev, len)) {
        t = n->prev;
        t->lp = lp_append(t->lp, s, len);
    } else if (at_tail || at_head) {
        t = node_new(NULL);
        link_after(ql, at_tail ? n : n->prev, t);
        t->lp = lp_append(t->lp, s, len);
    } else {
        /* Full node, insertion in the middle: split, then the entry goes at
         * the end of the first half if it fits, else in a node of its own. */
        split_at(ql, n, pos);
        if (allow_insert(ql, n, len)) {
            t = n;
            t->lp = lp_append(t->lp, s, len);
        } else {
            t = node_new(NULL);
            link_after(ql, n, t);
            t->lp = lp_append(t->lp, s, len);
        }
    }
    t->count++;
}

int ql_index(struct quicklist *ql, long long index, struct lp_entry *e)
{
    struct ql_iter it;
    if (!ql_iter_init(&it, ql, index, QL_HEAD))
        return 0;
    return ql_iter_next(&it, e);
}
