/* intset: sorted integer array at the narrowest width (see intset.h).
 *
 * Values are read and written with memcpy so the array needs no alignment
 * beyond the header's. Random picks use a private xorshift generator so
 * that this module links only mem, slab and util.
 *
 * Placement: an intset is a slab block while it fits in SLAB_MAX bytes (a
 * 10-member int32 set is 48 bytes, not malloc's 64) and a malloc block once
 * it outgrows that (slab_mem_*). Invariant: the allocation holds exactly
 * size_of(is) bytes, which is how the free and resize paths find its slab
 * class, so every resize passes the size the header describes before the
 * header changes.
 */
#include "intset.h"

#include <string.h>

#include "mem.h"
#include "slab.h"
#include "util.h"

struct intset {
    uint32_t width; /* bytes per value: 2, 4 or 8 */
    uint32_t len;
    unsigned char data[];
};

/* Bytes the header describes (and the allocation holds). */
static size_t size_of(const struct intset *is)
{
    return sizeof(*is) + (size_t)is->len * is->width;
}

static uint32_t width_for(int64_t v)
{
    if (v >= INT16_MIN && v <= INT16_MAX)
        return 2;
    if (v >= INT32_MIN && v <= INT32_MAX)
        return 4;
    return 8;
}

static int64_t get_w(const struct intset *is, size_t i, uint32_t w)
{
    const unsigned char *p = is->data + i * w;
    if (w == 2) {
        int16_t x;
        memcpy(&x, p, 2);
        return x;
    }
    if (w == 4) {
        int32_t x;
        memcpy(&x, p, 4);
        return x;
    }
    int64_t x;
    memcpy(&x, p, 8);
    return x;
}

static void set_w(struct intset *is, size_t i, uint32_t w, int64_t v)
{
    unsigned char *p = is->data + i * w;
    if (w == 2) {
        int16_t x = (int16_t)v;
        memcpy(p, &x, 2);
    } else if (w == 4) {
        int32_t x = (int32_t)v;
        memcpy(p, &x, 4);
    } else {
        memcpy(p, &v, 8);
    }
}

struct intset *intset_new(void)
{
    struct intset *is = slab_mem_alloc(sizeof(*is));
    is->width = 2;
    is->len = 0;
    return is;
}

void intset_free(struct intset *is)
{
    if (is)
        slab_mem_free(is, size_of(is));
}

struct intset *intset_dup(const struct intset *is)
{
    size_t n = size_of(is);
    struct intset *c = slab_mem_alloc(n);
    memcpy(c, is, n);
    return c;
}

size_t intset_len(const struct intset *is)
{
    return is->len;
}

size_t intset_mem(const struct intset *is)
{
    return slab_mem_size(is, size_of(is));
}

int64_t intset_get(const struct intset *is, size_t i)
{
    return get_w(is, i, is->width);
}

/* Binary search: 1 and *pos = index if found, else 0 and *pos = the index
 * where v would be inserted. */
static int search(const struct intset *is, int64_t v, size_t *pos)
{
    size_t lo = 0, hi = is->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t x = get_w(is, mid, is->width);
        if (x == v) {
            *pos = mid;
            return 1;
        }
        if (x < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    *pos = lo;
    return 0;
}

int intset_find(const struct intset *is, int64_t v)
{
    size_t pos;
    return width_for(v) <= is->width && search(is, v, &pos);
}

/* Rewrite the array at width w (> current), with room for one more value.
 * Done back to front so values are never overwritten before being read. */
static struct intset *upgrade(struct intset *is, uint32_t w)
{
    uint32_t old = is->width;
    is = slab_mem_resize(is, size_of(is), sizeof(*is) + ((size_t)is->len + 1) * w);
    for (size_t i = is->len; i-- > 0;)
        set_w(is, i, w, get_w(is, i, old));
    is->width = w;
    return is;
}

int intset_add(struct intset **isp, int64_t v)
{
    struct intset *is = *isp;
    uint32_t w = width_for(v);
    size_t pos;
    if (w > is->width) {
        /* v is outside every current value's range: it goes at an end. */
        is = upgrade(is, w);
        pos = v < 0 ? 0 : is->len;
        if (pos == 0)
            memmove(is->data + w, is->data, (size_t)is->len * w);
    } else {
        if (search(is, v, &pos))
            return 0;
        is = slab_mem_resize(is, size_of(is), size_of(is) + is->width);
        memmove(is->data + (pos + 1) * is->width, is->data + pos * is->width,
                (is->len - pos) * is->width);
    }
    set_w(is, pos, is->width, v);
    is->len++;
    *isp = is;
    return 1;
}

int intset_remove(struct intset **isp, int64_t v)
{
    struct intset *is = *isp;
    size_t pos;
    if (width_for(v) > is->width || !search(is, v, &pos))
        return 0;
    memmove(is->data + pos * is->width, is->data + (pos + 1) * is->width,
            (is->len - pos - 1) * is->width);
    size_t old = size_of(is);
    is->len--;
    *isp = slab_mem_resize(is, old, size_of(is));
    return 1;
}

/* xorshift64*, seeded once from the OS. */
static uint64_t rng(void)
{
    static uint64_t s;
    if (!s) {
        util_random_bytes(&s, sizeof(s));
        s |= 1;
    }
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1DULL;
}

int64_t intset_random(const struct intset *is)
{
    return get_w(is, (size_t)(rng() % is->len), is->width);
}
