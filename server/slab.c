/* slab: see slab.h.
 *
 * Layout: page p covers bytes [p * SLAB_PAGE, (p + 1) * SLAB_PAGE) of the
 * reservation; page 0 is never used so that handle 0 means "none". Each page
 * used by a class carves its blocks lazily (a bump counter) and keeps its own
 * free list threaded through the first 4 bytes of free blocks. A class keeps
 * a doubly linked list of its pages that have room, so alloc is O(1) and a
 * page that empties can be unlinked and released in O(1).
 *
 * Per-page free lists (rather than one list per class) are what make page
 * release possible: a class-wide list would mix blocks of many pages, and an
 * empty page could not be taken out of it without a walk.
 */
#include "slab.h"

#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Free blocks are made inaccessible to the memory checkers, so a
 * use-after-free in the keyspace is still reported even though the blocks
 * never go back to malloc. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(__has_include) && __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define POISON(p, n)   (void)VALGRIND_MAKE_MEM_NOACCESS((p), (n))
#define UNPOISON(p, n) (void)VALGRIND_MAKE_MEM_DEFINED((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define NCLASS (SLAB_MAX / 4 + 1)

struct page {
    uint32_t free;   /* handle of the first free block, 0 = none */
    uint32_t next;   /* next page in the class list or the free-page stack */
    uint32_t prev;   /* previous page in the class list */
    uint16_t used;   /* live blocks */
    uint16_t carved; /* blocks cut so far (the bump pointer) */
    uint16_t cls;    /* class index (block size / 4); 0 when the page is free */
    uint8_t listed;  /* in its class's list of pages with room */
};

struct sclass {
    uint32_t head;   /* first page with room, 0 = none */
    uint32_t npages; /* pages in the list */
};

char *slab_base;
size_t slab_size;          /* bytes reserved */
static size_t committed;   /* bytes made read-write, from the start */
static uint32_t top = 1;   /* pages below top have been used at least once */
static struct page *pages; /* meta for pages [0, pages_cap) */
static size_t pages_cap;
static uint32_t free_pages; /* stack of released pages, linked by next */
static size_t npages_used, npages_free, live_bytes, live_blocks;
static struct sclass classes[NCLASS];

/* Reserve the address space: 16 GiB if the kernel allows it (the whole
 * handle range), otherwise successively smaller. The reservation is
 * PROT_NONE and made read-write in 1 MiB steps as pages are first used:
 * a 16 GiB read-write mapping would make valgrind's memcheck build shadow
 * memory for all of it (16 GB of RSS), and stray accesses past the used part
 * fault at once. */
static void reserve(void)
{
    static const size_t sizes[] = {16ULL << 30, 8ULL << 30,   4ULL << 30,   2ULL << 30,
                                   1ULL << 30,  512ULL << 20, 256ULL << 20, 64ULL << 20};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        void *p =
            mmap(NULL, sizes[i], PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            slab_base = p;
            slab_size = sizes[i];
            return;
        }
    }
    fprintf(stderr, "slab: cannot reserve address space\n");
    abort();
}

static unsigned class_of(size_t n)
{
    if (n < SLAB_MIN)
        n = SLAB_MIN;
    return (unsigned)((n + 3) / 4);
}

size_t slab_class_size(size_t n)
{
    return (size_t)class_of(n) * 4;
}

static void list_add(unsigned c, uint32_t p)
{
    struct page *pg = &pages[p];
    pg->prev = 0;
    pg->next = classes[c].head;
    if (pg->next)
        pages[pg->next].prev = p;
    classes[c].head = p;
    classes[c].npages++;
    pg->listed = 1;
}

static void list_del(unsigned c, uint32_t p)
{
    struct page *pg = &pages[p];
    if (pg->prev)
        pages[pg->prev].next = pg->next;
    else
        classes[c].head = pg->next;
    if (pg->next)
        pages[pg->next].prev = pg->prev;
    classes[c].npages--;
    pg->listed = 0;
}

/* Make the reservation read-write up to at least end bytes. */
static void commit_to(size_t end)
{
    const size_t step = 1 << 20;
    while (committed < end) {
        size_t n = committed + step <= slab_size ? step : slab_size - committed;
        if (mprotect(slab_base + committed, n, PROT_READ | PROT_WRITE) != 0) {
            perror("slab: mprotect");
            abort();
        }
        committed += n;
    }
}

/* A page for class c: a released one if any, else the next untouched one. */
static uint32_t page_new(unsigned c)
{
    uint32_t p;
    if (free_pages) {
        p = free_pages;
        free_pages = pages[p].next;
        npages_free--;
    } else {
        if ((size_t)(top + 1) * SLAB_PAGE > slab_size) {
            fprintf(stderr, "slab: out of address space (%zu bytes)\n", slab_size);
            abort();
        }
        p = top++;
        commit_to((size_t)top * SLAB_PAGE);
        if (p >= pages_cap) {
            size_t ncap = pages_cap ? pages_cap * 2 : 64;
            pages = mem_realloc(pages, ncap * sizeof(*pages));
            memset(pages + pages_cap, 0, (ncap - pages_cap) * sizeof(*pages));
            pages_cap = ncap;
        }
    }
    memset(&pages[p], 0, sizeof(pages[p]));
    pages[p].cls = (uint16_t)c;
    POISON(slab_base + (size_t)p * SLAB_PAGE, SLAB_PAGE);
    npages_used++;
    list_add(c, p);
    return p;
}

/* Take a block of class c (csize = c * 4 bytes); no accounting. */
static uint32_t block_alloc(unsigned c, size_t csize)
{
    uint32_t p = classes[c].head;
    if (!p)
        p = page_new(c);
    struct page *pg = &pages[p];
    uint32_t h;
    if (pg->free) {
        h = pg->free;
        UNPOISON(slab_ptr(h), csize);
        memcpy(&pg->free, slab_ptr(h), 4);
    } else {
        h = (uint32_t)(((size_t)p * SLAB_PAGE + pg->carved * csize) >> 2);
        pg->carved++;
        UNPOISON(slab_ptr(h), csize);
    }
    pg->used++;
    if (!pg->free && (size_t)(pg->carved + 1) * csize > SLAB_PAGE)
        list_del(c, p);
    return h;
}

uint32_t slab_alloc(size_t n)
{
    if (!slab_base)
        reserve();
    unsigned c = class_of(n);
    size_t csize = (size_t)c * 4;
    uint32_t h = block_alloc(c, csize);
    live_bytes += csize;
    live_blocks++;
    mem_account((ssize_t)csize);
    return h;
}

/* Give an empty page back to the kernel and push it on the free stack. */
static void page_release(unsigned c, uint32_t p)
{
    list_del(c, p);
    char *addr = slab_base + (size_t)p * SLAB_PAGE;
    /* MADV_DONTNEED on private anonymous memory drops the pages at once and
     * makes them read back as zeros; MADV_FREE would leave RSS high until the
     * kernel is under pressure, which hides leaks from RSS-based checks. */
    madvise(addr, SLAB_PAGE, MADV_DONTNEED);
    POISON(addr, SLAB_PAGE);
    pages[p].cls = 0;
    pages[p].next = free_pages;
    free_pages = p;
    npages_used--;
    npages_free++;
}

/* Return block h to its page, class c; no accounting. */
static void block_free(uint32_t h, size_t n, unsigned c, size_t csize)
{
    uint32_t p = (uint32_t)(((size_t)h << 2) / SLAB_PAGE);
    struct page *pg = &pages[p];
    if (pg->cls != c) {
        fprintf(stderr, "slab: free of handle %u with size %zu (class %u, page class %u)\n", h, n,
                c, pg->cls);
        abort();
    }
    memcpy(slab_ptr(h), &pg->free, 4);
    POISON(slab_ptr(h), csize);
    pg->free = h;
    pg->used--;
    if (!pg->listed)
        list_add(c, p);
    /* Keep the class's last page with room even when empty, so a block
     * freed and allocated in a loop does not cost an madvise each time. */
    if (pg->used == 0 && classes[c].npages > 1)
        page_release(c, p);
}

void slab_free(uint32_t h, size_t n)
{
    if (!h)
        return;
    unsigned c = class_of(n);
    size_t csize = (size_t)c * 4;
    block_free(h, n, c, csize);
    live_bytes -= csize;
    live_blocks--;
    mem_account(-(ssize_t)csize);
}

void *slab_mem_alloc(size_t n)
{
    if (n > SLAB_MAX)
        return mem_alloc(n);
    return slab_ptr(slab_alloc(n));
}

void *slab_mem_resize(void *p, size_t old, size_t n)
{
    if (!slab_owns(p))
        return mem_realloc(p, n);
    unsigned oc = class_of(old);
    size_t ocsize = (size_t)oc * 4;
    if (n > SLAB_MAX) {
        void *q = mem_alloc(n);
        memcpy(q, p, old);
        slab_free(slab_handle(p), old);
        return q;
    }
    unsigned nc = class_of(n);
    if (nc == oc)
        return p;
    /* Class to class: the block counters are unchanged, and one
     * mem_account covers the difference (this is the hot path of a small
     * hash or set growing by one field). */
    size_t ncsize = (size_t)nc * 4;
    void *q = slab_ptr(block_alloc(nc, ncsize));
    memcpy(q, p, old < n ? old : n);
    block_free(slab_handle(p), old, oc, ocsize);
    live_bytes += ncsize - ocsize;
    mem_account((ssize_t)ncsize - (ssize_t)ocsize);
    return q;
}

void slab_mem_free(void *p, size_t n)
{
    if (!p)
        return;
    if (slab_owns(p))
        slab_free(slab_handle(p), n);
    else
        mem_free(p);
}

size_t slab_mem_size(const void *p, size_t n)
{
    return slab_owns(p) ? slab_class_size(n) : mem_size(p);
}

void slab_get_stats(struct slab_stats *st)
{
    st->reserved = slab_size;
    st->pages_used = npages_used;
    st->pages_free = npages_free;
    st->bytes = live_bytes;
    st->blocks = live_blocks;
    st->meta = mem_size(pages);
}
