/* fuzz_rblob: libFuzzer harness for the compact-blob readers (listpack,
 * ziplist, intset, zipmap) and LZF.
 *
 * fuzz-deps: rblob lzf crc64 util mem
 *
 * Input layout: byte 0 picks the target, the rest is the blob. Every blob
 * is copied into an exact-size heap buffer so ASan sees any read past it.
 *   0-3  rblob_{lp,zl,is,zm}_validate; when it accepts, the iterator must
 *        yield exactly the counted entries, each string inside the blob;
 *        listpack and intset contents are then rebuilt with our writers,
 *        and the rebuilt blob must validate and read back the same values.
 *   4    lzf_decompress into a buffer of a size given by bytes 1-2; a
 *        success must fit, and re-compressing the output must round-trip.
 *   5    lzf_compress then lzf_decompress must give the input back.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lzf.h"
#include "mem.h"
#include "rblob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int validate_fn(const unsigned char *p, size_t len, size_t *count);

static validate_fn *const validators[] = {rblob_lp_validate, rblob_zl_validate, rblob_is_validate,
                                          rblob_zm_validate};

/* Same value: both strings with equal bytes, or equal integers, or a
 * string and an integer whose text matches (a writer may turn "12" into
 * an integer entry). */
static int same_entry(const struct lp_entry *a, const struct lp_entry *b)
{
    char ta[24], tb[24];
    const unsigned char *pa = a->s, *pb = b->s;
    size_t la = a->len, lb = b->len;
    if (!pa) {
        la = (size_t)snprintf(ta, sizeof(ta), "%lld", a->v);
        pa = (const unsigned char *)ta;
    }
    if (!pb) {
        lb = (size_t)snprintf(tb, sizeof(tb), "%lld", b->v);
        pb = (const unsigned char *)tb;
    }
    return la == lb && (la == 0 || memcmp(pa, pb, la) == 0);
}

/* Rebuild a validated listpack or intset with the writers and compare. */
static void rebuild(enum rblob_kind kind, const unsigned char *p, size_t len, size_t count)
{
    struct rblob_iter it, it2;
    struct lp_entry e, e2;
    unsigned char *out;
    size_t olen, ocount;

    rblob_iter_init(&it, kind, p, len);
    if (kind == RBLOB_LISTPACK) {
        struct rblob_buf b;
        rblob_lp_begin(&b);
        while (rblob_iter_next(&it, &e)) {
            if (e.s)
                rblob_lp_add_str(&b, (const char *)e.s, e.len);
            else
                rblob_lp_add_int(&b, e.v);
        }
        out = rblob_lp_end(&b, &olen);
        if (rblob_lp_validate(out, olen, &ocount) != 0)
            abort();
    } else {
        int64_t *vals = mem_alloc(count * sizeof(*vals));
        size_t n = 0;
        while (rblob_iter_next(&it, &e))
            vals[n++] = e.v;
        out = rblob_is_build(vals, n, &olen);
        mem_free(vals);
        if (rblob_is_validate(out, olen, &ocount) != 0)
            abort();
    }
    if (ocount != count)
        abort();
    rblob_iter_init(&it, kind, p, len);
    rblob_iter_init(&it2, kind, out, olen);
    while (rblob_iter_next(&it, &e)) {
        if (!rblob_iter_next(&it2, &e2) || !same_entry(&e, &e2))
            abort();
    }
    mem_free(out);
}

static void blob(enum rblob_kind kind, const uint8_t *data, size_t size)
{
    unsigned char *p = mem_alloc(size ? size : 1);
    size_t count = 0, seen = 0;
    struct rblob_iter it;
    struct lp_entry e;

    memcpy(p, data, size);
    int rc = validators[kind](p, size, &count);
    if (rc != 0) {
        if (rc != -1)
            abort();
        mem_free(p);
        return;
    }
    rblob_iter_init(&it, kind, p, size);
    while (rblob_iter_next(&it, &e)) {
        if (e.s && (e.s < p || e.len > size || e.s + e.len > p + size))
            abort();
        seen++;
    }
    if (seen != count)
        abort();
    if (kind == RBLOB_LISTPACK || kind == RBLOB_INTSET)
        rebuild(kind, p, size, count);
    mem_free(p);
}

static void lzf_round_trip(const unsigned char *p, size_t n)
{
    size_t cap = n + n / 32 + 1;
    unsigned char *c = mem_alloc(cap);
    unsigned char *d = mem_alloc(n ? n : 1);
    size_t clen = lzf_compress(p, n, c, cap);
    if (n && (clen == 0 || lzf_decompress(c, clen, d, n) != n || memcmp(d, p, n) != 0))
        abort();
    mem_free(d);
    mem_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0] % 6;
    data++;
    size--;
    if (mode < 4) {
        blob((enum rblob_kind)mode, data, size);
    } else if (mode == 4) {
        if (size < 2)
            return 0;
        size_t cap = (size_t)data[0] | (size_t)data[1] << 8;
        unsigned char *in = mem_alloc(size - 2 ? size - 2 : 1);
        unsigned char *out = mem_alloc(cap ? cap : 1);
        memcpy(in, data + 2, size - 2);
        size_t got = lzf_decompress(in, size - 2, out, cap);
        if (got > cap)
            abort();
        if (got)
            lzf_round_trip(out, got);
        mem_free(out);
        mem_free(in);
    } else {
        unsigned char *in = mem_alloc(size ? size : 1);
        memcpy(in, data, size);
        lzf_round_trip(in, size);
        mem_free(in);
    }
    return 0;
}
