/* mem: see mem.h. Counting uses malloc_usable_size(), so the figure is what
 * glibc really reserved for us, not what we asked for.
 *
 * Allocator policy (set once, before main, by tune_malloc below): blocks of
 * 128 KiB and more are always their own mmap, so they go back to the kernel
 * when freed. glibc's default raises that threshold dynamically to the size
 * of any mmap'd block freed (up to 32 MiB): after one pipelining burst its
 * 1 MiB query and reply buffers, and the dict tables left by a rehash, would
 * then come from the brk heap, and once freed under live blocks they stay in
 * RSS for good (about 2 MB after loading 100k small hashes, 20 bytes per
 * key). The cost is an mmap/munmap pair, plus page faults, per big buffer:
 * noise beside the megabyte of commands such a buffer holds. */
#include "mem.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t used_bytes;
static size_t peak_bytes;

/* A constructor rather than an init call so that every binary linking mem
 * (the server, unit tests, fuzzers) gets the same policy before its first
 * allocation. Setting M_MMAP_THRESHOLD also turns off glibc's dynamic
 * adjustment of it and of M_TRIM_THRESHOLD. */
__attribute__((constructor)) static void tune_malloc(void)
{
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}

static void note_used(ssize_t delta)
{
    used_bytes += (size_t)delta;
    if (used_bytes > peak_bytes)
        peak_bytes = used_bytes;
}

static void oom(size_t n)
{
    fprintf(stderr, "Out Of Memory allocating %zu bytes!\n", n);
    fflush(stderr);
    abort();
}

void *mem_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    note_used((ssize_t)malloc_usable_size(p));
    return p;
}

void *mem_calloc(size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size)
        oom((size_t)-1);
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    note_used((ssize_t)malloc_usable_size(p));
    return p;
}

void *mem_realloc(void *p, size_t n)
{
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    note_used((ssize_t)malloc_usable_size(q) - (ssize_t)old);
    return q;
}

void mem_free(void *p)
{
    if (!p)
        return;
    used_bytes -= malloc_usable_size(p);
    free(p);
}

char *mem_strndup(const char *s, size_t n)
{
    char *d = mem_alloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *mem_strdup(const char *s)
{
    return mem_strndup(s, strlen(s));
}

size_t mem_size(const void *p)
{
    return p ? malloc_usable_size((void *)p) : 0;
}

size_t mem_used(void)
{
    return used_bytes;
}

size_t mem_peak(void)
{
    return peak_bytes;
}

void mem_reset_peak(void)
{
    peak_bytes = used_bytes;
}

void mem_account(ssize_t delta)
{
    note_used(delta);
}

size_t mem_rss(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long size = 0, resident = 0;
    int n = fscanf(f, "%lu %lu", &size, &resident);
    fclose(f);
    if (n != 2)
        return 0;
    return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}
