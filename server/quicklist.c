/* quicklist: a doubly linked list of listpack nodes, optionally storing its
 * interior nodes LZF-compressed (see quicklist.h).
 *
 * Invariants: no node is empty; ql->count is the sum of node counts and
 * node->count == the entries of the node's listpack; head/tail are NULL
 * exactly when the list is empty; after every public call except the
 * iterator's, every node within depth of an end is plain, and an interior
 * node is plain only if compressing it did not pay or it is ql->hot.
 * ql->hot_image is non-NULL only while ql->hot is unmodified.
 *
 * Compression upkeep is O(depth) per node added or removed (the end regions
 * are walked, as Redis does), plus one LZF pass per node that changes or is
 * left after an access.
 *
 * Must not know: commands, clients, the keyspace, the server's config.
 */
#include <assert.h>
#include <string.h>

#include "lzf.h"
#include "mem.h"
#include "quicklist.h"

/* Byte caps for fill -1..-5, as Redis's. */
static const size_t fill_bytes[] = {4096, 8192, 16384, 32768, 65536};
/* With a positive (count) fill, a node still stops growing past this. */
#define QL_SAFETY_LIMIT 8192
/* Rough bytes an entry adds besides its payload (encoding + backlen). */
#define QL_ENTRY_OVERHEAD 11

/* ---- compression ---- */

/* Bytes of n's listpack, compressed or not. O(1). */
static size_t node_bytes(const struct ql_node *n)
{
    return n->csz ? n->rawsz : lp_bytes(n->lp);
}

/* A new buffer holding compressed node n's listpack. O(node size). */
static unsigned char *inflate(const struct ql_node *n)
{
    unsigned char *p = mem_alloc(n->rawsz);
    size_t got = lzf_decompress(n->lp, n->csz, p, n->rawsz);
    /* We wrote the image ourselves: it always decodes to rawsz bytes. */
    assert(got == n->rawsz);
    (void)got;
    return p;
}

/* Make n plain for good (no image kept). No-op on a plain node. */
static void node_unpack(struct quicklist *ql, struct ql_node *n)
{
    if (!n->csz)
        return;
    unsigned char *p = inflate(n);
    mem_free(n->lp);
    n->lp = p;
    n->csz = 0;
    ql->ncompressed--;
}

/* Compress plain node n in place if it is big enough and LZF saves more
 * than QL_MIN_COMPRESS_GAIN bytes; otherwise leave it plain. O(node size). */
static void node_pack(struct quicklist *ql, struct ql_node *n)
{
    if (n->csz)
        return;
    size_t sz = lp_bytes(n->lp);
    if (sz < QL_MIN_COMPRESS_BYTES || sz > UINT32_MAX)
        return;
    /* lzf_compress fails when the image would not fit in cap, so success
     * means image + GAIN < sz. The image goes into a scratch buffer (on the
     * stack for nodes of default size) and then into an exact-size block:
     * allocating cap bytes and shrinking with realloc left a free gap after
     * every image, costing about 50% more RSS on a long list. */
    unsigned char stack[8192];
    size_t cap = sz - QL_MIN_COMPRESS_GAIN - 1;
    unsigned char *scratch = cap <= sizeof(stack) ? stack : mem_alloc(cap);
    size_t c = lzf_compress(n->lp, sz, scratch, cap);
    unsigned char *buf = NULL;
    if (c) {
        buf = mem_alloc(c);
        memcpy(buf, scratch, c);
    }
    if (scratch != stack)
        mem_free(scratch);
    if (!buf)
        return;
    mem_free(n->lp);
    n->lp = buf;
    n->csz = (uint32_t)c;
    n->rawsz = (uint32_t)sz;
    ql->ncompressed++;
}

/* Has n at least depth nodes on each side (so it should be compressed)?
 * O(depth). */
static int is_interior(const struct quicklist *ql, const struct ql_node *n)
{
    size_t d = (size_t)ql->depth;
    if (d == 0 || ql->nnodes < 2 * d + 1)
        return 0;
    const struct ql_node *p = n, *q = n;
    for (size_t i = 0; i < d; i++) {
        p = p->prev;
        q = q->next;
        if (!p || !q)
            return 0;
    }
    return 1;
}

/* After nodes were added or removed: decompress the depth nodes at each
 * end, and compress the first `added` nodes past each end region (at least
 * one): adding k nodes moves at most k nodes from an end region inward;
 * removing nodes only moves nodes outward. O(depth + added), plus the LZF
 * passes. */
static void fix_ends(struct quicklist *ql, size_t added)
{
    size_t d = (size_t)ql->depth;
    if (d == 0)
        return;
    if (ql->nnodes <= 2 * d) {
        /* No node is interior; only a shrink can leave compressed ones. */
        for (struct ql_node *n = ql->head; n && ql->ncompressed; n = n->next)
            node_unpack(ql, n);
        return;
    }
    struct ql_node *h = ql->head, *t = ql->tail;
    for (size_t i = 0; i < d; i++) {
        node_unpack(ql, h);
        node_unpack(ql, t);
        h = h->next;
        t = t->prev;
    }
    /* h and t stay interior: index d + i <= nnodes - 1 - d. */
    for (size_t i = 0; i < (added ? added : 1) && d + i <= ql->nnodes - 1 - d; i++) {
        if (h != ql->hot)
            node_pack(ql, h);
        if (t != ql->hot)
            node_pack(ql, t);
        h = h->next;
        t = t->prev;
    }
}

/* Decompress n for access, making it the hot node (its image is kept so an
 * unmodified node need not be compressed again). The previous hot node is
 * settled first. O(node size) if n is compressed, else O(1). */
static void node_access(struct quicklist *ql, struct ql_node *n)
{
    if (!n->csz)
        return;
    ql_settle(ql);
    unsigned char *p = inflate(n);
    ql->hot = n;
    ql->hot_image = n->lp;
    ql->hot_csz = n->csz;
    n->lp = p;
    n->csz = 0;
    ql->ncompressed--;
}

/* Prepare n for a change to its listpack: make it plain and hot, with no
 * old image, so that settling it compresses the new content if n is
 * interior. (Without compression it is left alone: no upkeep is needed.) */
static void node_edit(struct quicklist *ql, struct ql_node *n)
{
    if (ql->hot == n) {
        mem_free(ql->hot_image);
        ql->hot_image = NULL;
        return;
    }
    if (ql->depth == 0) {
        node_unpack(ql, n); /* only a list whose depth was lowered */
        return;
    }
    ql_settle(ql);
    node_unpack(ql, n);
    ql->hot = n;
}

void ql_settle(struct quicklist *ql)
{
    struct ql_node *h = ql->hot;
    if (!h)
        return;
    unsigned char *img = ql->hot_image;
    ql->hot = NULL;
    ql->hot_image = NULL;
    if (!is_interior(ql, h)) {
        mem_free(img); /* now within an end region: it stays plain */
        return;
    }
    if (img) {
        /* Unmodified: put the old image back instead of compressing. */
        h->rawsz = (uint32_t)lp_bytes(h->lp);
        mem_free(h->lp);
        h->lp = img;
        h->csz = ql->hot_csz;
        ql->ncompressed++;
        return;
    }
    node_pack(ql, h);
}

const unsigned char *ql_node_listpack(const struct ql_node *n, unsigned char **tmp)
{
    *tmp = NULL;
    if (!n->csz)
        return n->lp;
    *tmp = inflate(n);
    return *tmp;
}

void ql_set_depth(struct quicklist *ql, int depth)
{
    if (depth < 0)
        depth = 0;
    if (depth > QL_MAX_DEPTH)
        depth = QL_MAX_DEPTH;
    ql_settle(ql);
    ql->depth = depth;
    size_t i = 0, d = (size_t)depth;
    for (struct ql_node *n = ql->head; n; n = n->next, i++) {
        if (d && i >= d && ql->nnodes - 1 - i >= d)
            node_pack(ql, n);
        else
            node_unpack(ql, n);
    }
}

/* ---- nodes ---- */

/* May one more entry of len bytes go into node n? */
static int allow_insert(const struct quicklist *ql, const struct ql_node *n, size_t len)
{
    if (!n)
        return 0;
    size_t new_sz = node_bytes(n) + len + QL_ENTRY_OVERHEAD;
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
    struct ql_node *n = mem_calloc(1, sizeof(*n));
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

/* Unlink and free node n (its entries leave ql->count too). The caller
 * runs fix_ends afterwards. */
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
    if (ql->hot == n) {
        mem_free(ql->hot_image);
        ql->hot_image = NULL;
        ql->hot = NULL;
    }
    if (n->csz)
        ql->ncompressed--;
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
    mem_free(ql->hot_image);
    mem_free(ql);
}

/* Copy nodes as they are stored (compressed images stay compressed); the
 * copy has no hot node. */
struct quicklist *ql_dup(const struct quicklist *ql)
{
    struct quicklist *c = ql_new(ql->fill);
    struct ql_node *hot_copy = NULL;
    c->depth = ql->depth;
    for (const struct ql_node *n = ql->head; n; n = n->next) {
        struct ql_node *m = mem_calloc(1, sizeof(*m));
        const unsigned char *src = n->lp;
        size_t b = n->csz ? n->csz : lp_bytes(n->lp);
        m->count = n->count;
        m->csz = n->csz;
        m->rawsz = n->rawsz;
        if (n == ql->hot) {
            if (ql->hot_image) {
                src = ql->hot_image;
                b = ql->hot_csz;
                m->csz = ql->hot_csz;
                m->rawsz = (uint32_t)lp_bytes(n->lp);
            } else {
                hot_copy = m;
            }
        }
        m->lp = mem_alloc(b);
        memcpy(m->lp, src, b);
        if (m->csz)
            c->ncompressed++;
        link_after(c, c->tail, m);
        c->count += m->count;
    }
    if (hot_copy && is_interior(c, hot_copy))
        node_pack(c, hot_copy);
    return c;
}

size_t ql_mem(const struct quicklist *ql)
{
    size_t sum = sizeof(*ql) + (ql->hot_image ? ql->hot_csz : 0);
    for (const struct ql_node *n = ql->head; n; n = n->next)
        sum += sizeof(*n) + (n->csz ? n->csz : lp_bytes(n->lp));
    return sum;
}

/* Push at one end: into the end node if it has room, else into a new node.
 * O(1) at the tail; O(node size) at the head (the listpack shifts); plus
 * O(depth) upkeep when a node is added. */
void ql_push(struct quicklist *ql, int where, const void *s, size_t len)
{
    ql_settle(ql);
    struct ql_node *n = where == QL_HEAD ? ql->head : ql->tail;
    int added = 0;
    if (!allow_insert(ql, n, len)) {
        n = node_new(NULL);
        link_after(ql, where == QL_HEAD ? NULL : ql->tail, n);
        added = 1;
    } else {
        node_unpack(ql, n); /* ends are plain; this only guards the rule */
    }
    n->lp = where == QL_HEAD ? lp_prepend(n->lp, s, len) : lp_append(n->lp, s, len);
    n->count++;
    ql->count++;
    if (added)
        fix_ends(ql, 1);
}

/* Offset of entry i of plain node n, walking from the nearer end of the
 * listpack (RPOP reaches the last entry in O(1)). */
static size_t node_seek(const struct ql_node *n, size_t i)
{
    if (i < n->count / 2)
        return lp_seek(n->lp, (long long)i);
    return lp_seek(n->lp, (long long)i - (long long)n->count);
}

/* The node holding index start (in range) and start's index within it,
 * walking from the nearer end. */
static struct ql_node *find_node(struct quicklist *ql, size_t start, size_t *local)
{
    struct ql_node *n;
    if (start < ql->count / 2) {
        n = ql->head;
        while (start >= n->count) {
            start -= n->count;
            n = n->next;
        }
        *local = start;
        return n;
    }
    /* Nearer the tail (RPOP with a count, LTRIM's right side): walk back,
     * so the cost is O(entries removed), not O(nodes). */
    size_t from_tail = ql->count - start; /* entries from start to the end */
    n = ql->tail;
    while (from_tail > n->count) {
        from_tail -= n->count;
        n = n->prev;
    }
    *local = n->count - from_tail;
    return n;
}

/* Delete count entries from index start on. O(nodes walked from the nearer
 * end + entries removed); whole nodes are freed without decompressing. */
void ql_del_range(struct quicklist *ql, size_t start, size_t count)
{
    if (start >= ql->count || count == 0)
        return;
    ql_settle(ql);
    struct ql_node *n = find_node(ql, start, &start);
    size_t nodes_before = ql->nnodes;
    while (n && count > 0) {
        struct ql_node *next = n->next;
        size_t take = n->count - start;
        if (take > count)
            take = count;
        if (start == 0 && take == n->count) {
            node_remove(ql, n);
        } else {
            /* Only the first and the last node can lose part of their
             * entries; editing the last settles the first. */
            node_edit(ql, n);
            n->lp = lp_delete(n->lp, node_seek(n, start), take);
            n->count -= take;
            ql->count -= take;
        }
        count -= take;
        start = 0;
        n = next;
    }
    if (ql->nnodes != nodes_before)
        fix_ends(ql, 0);
    ql_settle(ql);
}

/* ---- iteration ----
 *
 * The iterator's node is made plain (node_access) before each use of its
 * listpack, so even a node recompressed behind the iterator's back is read
 * correctly; leaving a hot node settles it. */

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
    size_t local;
    struct ql_node *n = find_node(ql, (size_t)index, &local);
    node_access(ql, n);
    it->node = n;
    it->off = node_seek(n, local);
    return 1;
}

/* Move the iterator to node to (may be NULL), at its first entry in the
 * iteration's direction, settling the node left if it was hot. */
static void iter_enter(struct ql_iter *it, struct ql_node *to)
{
    struct quicklist *ql = it->ql;
    if (ql->hot && ql->hot == it->node && to != it->node)
        ql_settle(ql);
    it->node = to;
    it->off = 0;
    if (!to)
        return;
    node_access(ql, to);
    it->off = it->dir == QL_HEAD ? lp_first(to->lp) : lp_last(to->lp);
}

/* Move from the current entry to the next in it->dir. */
static void advance(struct ql_iter *it)
{
    struct ql_node *n = it->node;
    node_access(it->ql, n);
    if (it->dir == QL_HEAD) {
        size_t off = lp_next(n->lp, it->off);
        if (off == lp_end(n->lp))
            iter_enter(it, n->next);
        else
            it->off = off;
    } else {
        size_t off = lp_prev(n->lp, it->off);
        if (off == 0)
            iter_enter(it, n->prev);
        else
            it->off = off;
    }
}

int ql_iter_next(struct ql_iter *it, struct lp_entry *e)
{
    if (it->node && it->state == 1)
        advance(it);
    if (!it->node)
        return 0;
    node_access(it->ql, it->node);
    lp_get(it->node->lp, it->off, e);
    it->state = 1;
    return 1;
}

void ql_iter_del(struct ql_iter *it)
{
    struct quicklist *ql = it->ql;
    struct ql_node *n = it->node;
    node_access(ql, n);
    node_edit(ql, n);
    size_t prev = it->dir == QL_TAIL ? lp_prev(n->lp, it->off) : 0;
    n->lp = lp_delete(n->lp, it->off, 1);
    n->count--;
    ql->count--;
    it->state = 0;
    if (n->count == 0) {
        struct ql_node *to = it->dir == QL_HEAD ? n->next : n->prev;
        node_remove(ql, n);
        fix_ends(ql, 0);
        it->node = NULL;
        iter_enter(it, to);
        return;
    }
    if (it->dir == QL_HEAD) {
        /* The following entry now sits at the deleted one's offset. */
        if (it->off == lp_end(n->lp))
            iter_enter(it, n->next);
    } else if (prev == 0) {
        iter_enter(it, n->prev);
    } else {
        it->off = prev;
    }
}

void ql_iter_replace(struct ql_iter *it, const void *s, size_t len)
{
    struct ql_node *n = it->node;
    node_access(it->ql, n);
    node_edit(it->ql, n);
    n->lp = lp_replace(n->lp, it->off, s, len);
}

/* Move the entries of n (plain) from offset pos on into a new node linked
 * after n. O(node size). Returns the new node (possibly empty). */
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

/* Put s into a node next to n (at_tail: after n, else before it), a
 * neighbour with room or a new node. Returns the node written. */
static struct ql_node *insert_beside(struct quicklist *ql, struct ql_node *n, int at_tail,
                                     const void *s, size_t len)
{
    struct ql_node *t = at_tail ? n->next : n->prev;
    if (allow_insert(ql, t, len)) {
        node_edit(ql, t);
        t->lp = at_tail ? lp_prepend(t->lp, s, len) : lp_append(t->lp, s, len);
    } else {
        t = node_new(NULL);
        link_after(ql, at_tail ? n : n->prev, t);
        t->lp = lp_append(t->lp, s, len);
    }
    t->count++;
    return t;
}

void ql_iter_insert(struct ql_iter *it, int after, const void *s, size_t len)
{
    struct quicklist *ql = it->ql;
    struct ql_node *n = it->node;
    node_access(ql, n);
    node_edit(ql, n);
    size_t pos = after ? lp_next(n->lp, it->off) : it->off;
    size_t nodes_before = ql->nnodes;
    struct ql_node *added[2] = {NULL, NULL}; /* new nodes */
    it->node = NULL;
    ql->count++;
    if (allow_insert(ql, n, len)) {
        n->lp = lp_insert(n->lp, pos, s, len, NULL);
        n->count++;
    } else if (pos == lp_end(n->lp) || pos == lp_first(n->lp)) {
        struct ql_node *t = insert_beside(ql, n, pos == lp_end(n->lp), s, len);
        if (ql->nnodes != nodes_before)
            added[0] = t;
    } else {
        /* Full node, insertion in the middle: split, then the entry goes at
         * the end of the first half if it fits, else in a node of its own. */
        added[0] = split_at(ql, n, pos);
        if (allow_insert(ql, n, len)) {
            n->lp = lp_append(n->lp, s, len);
            n->count++;
        } else {
            struct ql_node *t = node_new(NULL);
            link_after(ql, n, t);
            t->lp = lp_append(t->lp, s, len);
            t->count++;
            added[1] = t;
        }
    }
    ql_settle(ql);
    if (ql->nnodes != nodes_before)
        fix_ends(ql, ql->nnodes - nodes_before);
    for (int i = 0; i < 2; i++)
        if (added[i] && is_interior(ql, added[i]))
            node_pack(ql, added[i]);
}

int ql_index(struct quicklist *ql, long long index, struct lp_entry *e)
{
    struct ql_iter it;
    if (!ql_iter_init(&it, ql, index, QL_HEAD))
        return 0;
    return ql_iter_next(&it, e);
}
