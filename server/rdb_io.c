/* rdb_io: the RDB stream primitives (see rdb_int.h): a buffered writer with
 * Redis's length, string (int / LZF / raw) and double encodings, and a
 * bounded reader for the same.
 *
 * Invariants: the reader never hands out bytes beyond the source and
 * checks every declared length against what remains before allocating
 * (when the size is known: memory, regular files); after the first error
 * it fails every later call. The writer, after a failed write, drops all
 * later output and keeps the errno.
 *
 * Must not know: the keyspace, types, clients.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crc64.h"
#include "lzf.h"
#include "mem.h"
#include "rdb_int.h"
#include "server.h"
#include "util.h"

#define RDBW_CHUNK   (64 * 1024)
#define RDBR_CHUNK   (64 * 1024)
#define RDB_PROGRESS ((size_t)2 * 1024 * 1024)

/* ---- writer ---- */

void rdbw_init(struct rdb_writer *w, int fd)
{
    memset(w, 0, sizeof(*w));
    w->out.fd = fd;
    w->cap = RDBW_CHUNK;
    w->buf = mem_alloc(w->cap);
}

void rdbw_free(struct rdb_writer *w)
{
    mem_free(w->buf);
    w->buf = NULL;
}

/* Write the whole buffer to fd (util_sink_write: retries, incremental
 * fsync when w->out.every is set). */
int rdbw_flush(struct rdb_writer *w)
{
    if (w->out.fd < 0 || w->failed)
        return w->failed ? -1 : 0;
    if (util_sink_write(&w->out, w->buf, w->len) == -1) {
        w->failed = 1;
        w->err_no = errno;
        return -1;
    }
    w->crc = crc64(w->crc, w->buf, w->len);
    w->written += w->len;
    w->len = 0;
    return 0;
}

void rdbw_put(struct rdb_writer *w, const void *p, size_t n)
{
    if (w->failed)
        return;
    if (w->out.fd >= 0) {
        if (w->len + n > w->cap && rdbw_flush(w) < 0)
            return;
        if (n >= w->cap) { /* big: straight through */
            const unsigned char *s = p;
            while (n) {
                size_t k = n < w->cap ? n : w->cap;
                memcpy(w->buf, s, k);
                w->len = k;
                if (rdbw_flush(w) < 0)
                    return;
                s += k;
                n -= k;
            }
            return;
        }
    } else if (w->len + n > w->cap) {
        size_t cap = w->cap * 2;
        while (cap < w->len + n)
            cap *= 2;
        w->buf = mem_realloc(w->buf, cap);
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

void rdbw_byte(struct rdb_writer *w, int b)
{
    unsigned char c = (unsigned char)b;
    rdbw_put(w, &c, 1);
}

void rdbw_len(struct rdb_writer *w, uint64_t len)
{
    unsigned char b[9];
    if (len < (1 << 6)) {
        b[0] = (unsigned char)len;
        rdbw_put(w, b, 1);
    } else if (len < (1 << 14)) {
        b[0] = (unsigned char)(0x40 | (len >> 8));
        b[1] = (unsigned char)(len & 0xff);
        rdbw_put(w, b, 2);
    } else if (len <= UINT32_MAX) {
        b[0] = 0x80;
        for (int i = 0; i < 4; i++)
            b[1 + i] = (unsigned char)(len >> (24 - 8 * i));
        rdbw_put(w, b, 5);
    } else {
        b[0] = 0x81;
        for (int i = 0; i < 8; i++)
            b[1 + i] = (unsigned char)(len >> (56 - 8 * i));
        rdbw_put(w, b, 9);
    }
}

/* The integer form of v if it fits 8/16/32 bits: bytes in b, count
 * returned (0 if it does not fit). */
static size_t encode_int(long long v, unsigned char *b)
{
    if (v >= -128 && v <= 127) {
        b[0] = 0xC0;
        b[1] = (unsigned char)(v & 0xff);
        return 2;
    }
    if (v >= -32768 && v <= 32767) {
        b[0] = 0xC1;
        b[1] = (unsigned char)(v & 0xff);
        b[2] = (unsigned char)((v >> 8) & 0xff);
        return 3;
    }
    if (v >= -2147483648LL && v <= 2147483647LL) {
        b[0] = 0xC2;
        for (int i = 0; i < 4; i++)
            b[1 + i] = (unsigned char)((v >> (8 * i)) & 0xff);
        return 5;
    }
    return 0;
}

/* LZF form when it saves space; 1 if written. O(len) plus a len-sized
 * scratch buffer. */
static int write_lzf(struct rdb_writer *w, const void *s, size_t len)
{
    size_t cap = len - 4;
    unsigned char *out = mem_alloc(cap + 1);
    size_t clen = lzf_compress(s, len, out, cap);
    if (clen == 0) {
        mem_free(out);
        return 0;
    }
    rdbw_byte(w, 0xC3);
    rdbw_len(w, clen);
    rdbw_len(w, len);
    rdbw_put(w, out, clen);
    mem_free(out);
    return 1;
}

void rdbw_string(struct rdb_writer *w, const void *s, size_t len)
{
    if (len <= 11) {
        long long v;
        char tmp[24];
        unsigned char b[5];
        size_t n;
        if (util_str2ll(s, len, &v) && util_ll2str(tmp, v) == len && !memcmp(tmp, s, len) &&
            (n = encode_int(v, b)) > 0) {
            rdbw_put(w, b, n);
            return;
        }
    }
    if (server.rdbcompression && len > 20 && write_lzf(w, s, len))
        return;
    rdbw_len(w, len);
    rdbw_put(w, s, len);
}

void rdbw_double_bin(struct rdb_writer *w, double d)
{
    uint64_t u;
    unsigned char b[8];
    memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(u >> (8 * i));
    rdbw_put(w, b, 8);
}

/* ---- reader ---- */

void rdbr_init_fd(struct rdb_reader *r, int fd, char *err, size_t errlen)
{
    memset(r, 0, sizeof(*r));
    r->fd = fd;
    r->buf = mem_alloc(RDBR_CHUNK);
    r->total = SIZE_MAX;
    r->err = err;
    r->errlen = errlen;
    r->next_progress = RDB_PROGRESS;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos)
            r->total = (size_t)(st.st_size - pos);
    }
    if (err && errlen)
        err[0] = '\0';
}

void rdbr_init_mem(struct rdb_reader *r, const unsigned char *p, size_t len, char *err,
                   size_t errlen)
{
    memset(r, 0, sizeof(*r));
    r->fd = -1;
    r->mem = p;
    r->memlen = len;
    r->total = len;
    r->err = err;
    r->errlen = errlen;
    r->next_progress = SIZE_MAX;
    if (err && errlen)
        err[0] = '\0';
}

void rdbr_free(struct rdb_reader *r)
{
    mem_free(r->buf);
    r->buf = NULL;
}

int rdbr_fail(struct rdb_reader *r, const char *fmt, ...)
{
    if (!r->failed && r->err && r->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err, r->errlen, fmt, ap);
        va_end(ap);
    }
    r->failed = 1;
    return -1;
}

size_t rdbr_remaining(const struct rdb_reader *r)
{
    if (r->total == SIZE_MAX)
        return SIZE_MAX;
    return r->off <= r->total ? r->total - r->off : 0;
}

static void crc_sync(struct rdb_reader *r)
{
    if (r->bpos > r->crcpos)
        r->crc = crc64(r->crc, r->buf + r->crcpos, r->bpos - r->crcpos);
    r->crcpos = r->bpos;
}

uint64_t rdbr_crc(struct rdb_reader *r)
{
    if (r->fd >= 0)
        crc_sync(r);
    return r->crc;
}

/* Refill the fd buffer (after it was fully consumed). 0, or -1 at EOF or
 * on a read error. */
static int refill(struct rdb_reader *r)
{
    crc_sync(r);
    r->bpos = r->blen = r->crcpos = 0;
    for (;;) {
        ssize_t n = read(r->fd, r->buf, RDBR_CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return rdbr_fail(r, "Read error at offset %zu: %s", r->off, strerror(errno));
        if (n == 0)
            return rdbr_fail(r, "Unexpected EOF at offset %zu", r->off);
        r->blen = (size_t)n;
        return 0;
    }
}

int rdbr_read(struct rdb_reader *r, void *dst, size_t n)
{
    if (r->failed)
        return -1;
    unsigned char *d = dst;
    if (r->fd < 0) {
        if (n > r->memlen - r->off)
            return rdbr_fail(r, "Unexpected end of data at offset %zu", r->off);
        memcpy(d, r->mem + r->off, n);
        r->off += n;
        return 0;
    }
    if (n > rdbr_remaining(r))
        return rdbr_fail(r, "Unexpected EOF at offset %zu (need %zu bytes)", r->off, n);
    while (n) {
        if (r->bpos == r->blen && refill(r) < 0)
            return -1;
        size_t k = r->blen - r->bpos;
        if (k > n)
            k = n;
        memcpy(d, r->buf + r->bpos, k);
        r->bpos += k;
        r->off += k;
        d += k;
        n -= k;
    }
    if (r->progress && r->off >= r->next_progress) {
        r->next_progress = r->off + RDB_PROGRESS;
        r->progress(r->parg, r->off);
    }
    return 0;
}

int rdbr_byte(struct rdb_reader *r, int *b)
{
    unsigned char c;
    if (rdbr_read(r, &c, 1) < 0)
        return -1;
    *b = c;
    return 0;
}

int rdbr_len(struct rdb_reader *r, uint64_t *len, int *encoded)
{
    unsigned char b[8];
    int t;
    if (encoded)
        *encoded = 0;
    if (rdbr_byte(r, &t) < 0)
        return -1;
    switch (t >> 6) {
    case 0:
        *len = (uint64_t)(t & 0x3f);
        return 0;
    case 1:
        if (rdbr_read(r, b, 1) < 0)
            return -1;
        *len = ((uint64_t)(t & 0x3f) << 8) | b[0];
        return 0;
    case 3:
        if (!encoded)
            return rdbr_fail(r, "Unexpected encoded length at offset %zu", r->off - 1);
        *encoded = 1;
        *len = (uint64_t)(t & 0x3f);
        return 0;
    }
    if (t == 0x80 || t == 0x81) {
        int n = t == 0x80 ? 4 : 8;
        if (rdbr_read(r, b, (size_t)n) < 0)
            return -1;
        uint64_t v = 0;
        for (int i = 0; i < n; i++)
            v = (v << 8) | b[i];
        *len = v;
        return 0;
    }
    return rdbr_fail(r, "Unknown length encoding %d at offset %zu", t, r->off - 1);
}

int rdbr_count(struct rdb_reader *r, uint64_t *n, size_t min_bytes)
{
    if (rdbr_len(r, n, NULL) < 0)
        return -1;
    size_t rem = rdbr_remaining(r);
    if (rem != SIZE_MAX && *n > rem / (min_bytes ? min_bytes : 1))
        return rdbr_fail(r, "Item count %llu exceeds the remaining %zu bytes at offset %zu",
                         (unsigned long long)*n, rem, r->off);
    return 0;
}

/* Raw bytes of a string of length n, allocated only as data arrives when
 * the stream size is unknown. */
static char *read_raw(struct rdb_reader *r, uint64_t n)
{
    size_t rem = rdbr_remaining(r);
    if (rem != SIZE_MAX && n > rem) {
        rdbr_fail(r, "String length %llu exceeds the remaining %zu bytes at offset %zu",
                  (unsigned long long)n, rem, r->off);
        return NULL;
    }
    if (n >= SIZE_MAX / 2) {
        rdbr_fail(r, "String length %llu too large", (unsigned long long)n);
        return NULL;
    }
    size_t cap = rem == SIZE_MAX && n > RDBR_CHUNK ? RDBR_CHUNK : (size_t)n;
    char *s = mem_alloc(cap + 1);
    size_t got = 0;
    while (got < n) {
        if (got == cap) {
            cap = cap * 2 < n ? cap * 2 : (size_t)n;
            s = mem_realloc(s, cap + 1);
        }
        size_t k = cap - got;
        if (rdbr_read(r, s + got, k) < 0) {
            mem_free(s);
            return NULL;
        }
        got += k;
    }
    s[n] = '\0';
    return s;
}

static char *read_lzf(struct rdb_reader *r, size_t *len)
{
    uint64_t clen, ulen;
    if (rdbr_len(r, &clen, NULL) < 0 || rdbr_len(r, &ulen, NULL) < 0)
        return NULL;
    /* liblzf's format expands at most 88x (a 3-byte back-reference copies
     * 264 bytes), so a larger claim is corrupt: refuse before allocating.
     * An uncompressed length of 0 is an empty string whatever the
     * compressed bytes (Redis loads it so: decompressing into no room
     * yields 0 bytes, which is the length asked for). */
    if (ulen != 0 && (clen == 0 || ulen / 90 > clen)) {
        rdbr_fail(r, "Bad LZF lengths (%llu -> %llu) at offset %zu", (unsigned long long)clen,
                  (unsigned long long)ulen, r->off);
        return NULL;
    }
    char *c = read_raw(r, clen);
    if (!c)
        return NULL;
    if (ulen == 0) {
        mem_free(c);
        *len = 0;
        char *e = mem_alloc(1);
        e[0] = '\0';
        return e;
    }
    char *s = mem_alloc((size_t)ulen + 1);
    size_t got = lzf_decompress(c, (size_t)clen, s, (size_t)ulen);
    mem_free(c);
    if (got != ulen) {
        mem_free(s);
        rdbr_fail(r, "Invalid LZF compressed string at offset %zu", r->off);
        return NULL;
    }
    s[ulen] = '\0';
    *len = (size_t)ulen;
    return s;
}

char *rdbr_string(struct rdb_reader *r, size_t *len)
{
    uint64_t n;
    int enc;
    if (rdbr_len(r, &n, &enc) < 0)
        return NULL;
    if (!enc) {
        char *s = read_raw(r, n);
        if (s)
            *len = (size_t)n;
        return s;
    }
    if (n == 3)
        return read_lzf(r, len);
    if (n > 2) {
        rdbr_fail(r, "Unknown string encoding %llu at offset %zu", (unsigned long long)n, r->off);
        return NULL;
    }
    unsigned char b[4];
    size_t w = (size_t)1 << n;
    if (rdbr_read(r, b, w) < 0)
        return NULL;
    long long v;
    if (w == 1)
        v = (int8_t)b[0];
    else if (w == 2)
        v = (int16_t)(b[0] | (b[1] << 8));
    else
        v = (int32_t)((uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
                      ((uint32_t)b[3] << 24));
    char *s = mem_alloc(24);
    *len = util_ll2str(s, v);
    s[*len] = '\0';
    return s;
}

int rdbr_double_bin(struct rdb_reader *r, double *d)
{
    unsigned char b[8];
    if (rdbr_read(r, b, 8) < 0)
        return -1;
    uint64_t u = 0;
    for (int i = 7; i >= 0; i--)
        u = (u << 8) | b[i];
    memcpy(d, &u, 8);
    return 0;
}

/* The pre-ZSET_2 form: a length byte (253 NaN, 254 +inf, 255 -inf) then
 * that many ASCII bytes. */
int rdbr_double_old(struct rdb_reader *r, double *d)
{
    int n;
    char buf[256];
    if (rdbr_byte(r, &n) < 0)
        return -1;
    if (n == 253) {
        *d = __builtin_nan("");
        return 0;
    }
    if (n == 254 || n == 255) {
        *d = n == 254 ? __builtin_inf() : -__builtin_inf();
        return 0;
    }
    if (rdbr_read(r, buf, (size_t)n) < 0)
        return -1;
    buf[n] = '\0';
    char *end;
    *d = strtod(buf, &end);
    if (n == 0 || *end)
        return rdbr_fail(r, "Invalid double value at offset %zu", r->off);
    return 0;
}
