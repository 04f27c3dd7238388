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
 * Small objects by pointer (slab_mem_*): compact values (listpacks, intsets)
 * whose own header records their byte size are served from the slab while
 * they fit (no 8-byte malloc header, 4-byte rather than 16-byte rounding) and
 * move to mem_alloc for good once they grow past SLAB_MAX. The free and size
 * paths tell the two apart by address (slab_owns), so a caller may also
 * pass them a plain mem_alloc block.
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

/* Base and size of the reservation; valid after the first slab_alloc
 * (before it, slab_base is NULL and slab_size 0). */
extern char *slab_base;
extern size_t slab_size;

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
/* 1 if p points into the reservation (so it came from slab_ptr), 0 for any
 * other address, such as a malloc block. One subtraction and compare. */
static inline int slab_owns(const void *p)
{
    return (uintptr_t)p - (uintptr_t)slab_base < slab_size;
}

/* Allocate n bytes (n >= 1) for a small object addressed by pointer: a slab
 * block if n <= SLAB_MAX, else mem_alloc. Never NULL. O(1). */
void *slab_mem_alloc(size_t n);
/* Resize p, which holds old bytes (its recorded size), to n bytes; returns
 * the block, which may have moved (p is then invalid). The first min(old, n)
 * bytes are kept. A slab block stays in place while n is in its class, moves
 * to another class while n <= SLAB_MAX, and to mem_alloc beyond; a malloc
 * block is mem_realloc'd and never comes back to the slab. O(min(old, n)). */
void *slab_mem_resize(void *p, size_t old, size_t n);
/* Free p, which holds n bytes (its recorded size). NULL is ignored. */
void slab_mem_free(void *p, size_t n);
/* Bytes p really occupies (class size or malloc usable size), for MEMORY
 * and DEBUG reporting; n is its recorded size. */
size_t slab_mem_size(const void *p, size_t n);

/* Statistics for tests and INFO. */
struct slab_stats {
    size_t reserved;   /* bytes of address space reserved */
    size_t pages_used; /* pages holding a class (partly or fully used) */
    size_t pages_free; /* pages released to the kernel, awaiting reuse */
    size_t bytes;      /* bytes in live blocks (class sizes) */
    size_t blocks;     /* live blocks */
    size_t meta;       /* bytes of the page table (mem_alloc'd, in mem_used) */
};
void slab_get_stats(struct slab_stats *st);

#endif
