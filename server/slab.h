/* slab: a small-block allocator addressed by 32-bit handles.
 *
 * The keyspace stores millions of small entries linked by 32-bit handles
 * instead of 8-byte pointers, and glibc's 16-byte granularity plus header
 * would waste a third of each entry. So small blocks come from one large
 * virtual reservation (MAP_NORESERVE: only touched pages cost RSS), cut into
 * 64 KiB pages, each page serving one size class. Classes go in 4-byte steps
 * from SLAB_MIN to SLAB_MAX bytes.
 *
 * A handle is (byte offset in the reservation) / 4, so 32 bits address
 * 16 GiB; handle 0 is never a block and means "none". Blocks are 4-byte
 * aligned only: callers read 8-byte fields with memcpy.
 *
 * Invariants: every live block lies in a page whose class matches the size
 * passed to slab_free; a page whose last block is freed is given back to the
 * kernel (madvise MADV_DONTNEED) and reused for any class, except that each
 * class keeps one partly used or empty page to avoid thrashing. Bytes handed
 * out are reported through mem_account(), so mem_used() includes them.
 * Under AddressSanitizer (or valgrind, when <valgrind/memcheck.h> is
 * available) free blocks and unused page space are poisoned. The reservation
 * is PROT_NONE and made read-write in 1 MiB steps as pages are first used.
 *
 * Must not know: what the blocks hold. Not thread-safe (one event loop).
 */
#ifndef TERN_SLAB_H
#define TERN_SLAB_H

#include <stddef.h>
#include <stdint.h>

#define SLAB_PAGE (64 * 1024)
#define SLAB_MIN  8
#define SLAB_MAX  512

/* Base of the reservation; valid after the first slab_alloc. */
extern char *slab_base;

/* Allocate a block of n bytes (1 <= n <= SLAB_MAX). Contents are undefined
 * (zero on a fresh page, stale on reuse). Aborts if the reservation is full.
 * Returns a non-zero handle. O(1). */
uint32_t slab_alloc(size_t n);
/* Free block h, which was allocated with the same n (any n in the same
 * class). h == 0 is ignored. O(1), plus an madvise when a page empties. */
void slab_free(uint32_t h, size_t n);
/* The usable size of the class that serves n bytes (n rounded up). */
size_t slab_class_size(size_t n);

/* Address of block h (h != 0). */
static inline void *slab_ptr(uint32_t h)
{
    return slab_base + ((size_t)h << 2);
}
/* Handle of a block address returned by slab_ptr. */
static inline uint32_t slab_handle(const void *p)
{
    return (uint32_t)(((const char *)p - slab_base) >> 2);
}

/* Statistics for tests and INFO. */
struct slab_stats {
    size_t reserved;   /* bytes of address space reserved */
    size_t pages_used; /* pages holding a class (partly or fully used) */
    size_t pages_free; /* pages released to the kernel, awaiting reuse */
    size_t bytes;      /* bytes in live blocks (class sizes) */
    size_t blocks;     /* live blocks */
};
void slab_get_stats(struct slab_stats *st);

#endif
