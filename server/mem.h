/* mem: the one allocation wrapper.
 *
 * Every heap allocation in Tern goes through these functions so that the
 * number of bytes in use is known (INFO memory, maxmemory) and so that running
 * out of memory is handled in one place: we log and abort, as Redis does,
 * rather than threading ENOMEM through every caller.
 *
 * Must not know: anything else in the server. Invariant: mem_used() equals
 * the usable size of every live block handed out here, plus what other
 * allocators (the slab) report through mem_account().
 */
#ifndef TERN_MEM_H
#define TERN_MEM_H

#include <stddef.h>
#include <sys/types.h>

/* Allocate n bytes (n may be 0). Never returns NULL: aborts on OOM. */
void *mem_alloc(size_t n);
/* Zeroed allocation of n * size bytes; aborts on OOM or overflow. */
void *mem_calloc(size_t n, size_t size);
/* Resize p (which may be NULL) to n bytes. The old pointer is invalid after
 * the call; the caller must use the returned one. Aborts on OOM. */
void *mem_realloc(void *p, size_t n);
/* Free p (NULL is fine). */
void mem_free(void *p);
/* Copy of s[0..n) plus a NUL terminator. */
char *mem_strndup(const char *s, size_t n);
char *mem_strdup(const char *s);
/* Usable size of a block from mem_alloc. */
size_t mem_size(const void *p);

/* Bytes in use through this wrapper and mem_account(). */
size_t mem_used(void);
/* Highest value mem_used() has reached since start (or the last reset). */
size_t mem_peak(void);
void mem_reset_peak(void);
/* For allocators built on top of mmap (the slab): add or remove bytes. */
void mem_account(ssize_t delta);
/* Resident set size of this process in bytes, read from /proc (0 if unknown). */
size_t mem_rss(void);

#endif
