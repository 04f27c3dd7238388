/* fuzz_resp: libFuzzer harness for the RESP request parser.
 *
 * fuzz-deps: resp mem
 *
 * Input layout: byte 0 picks the limits (bit 0: unauthenticated, bit 1: a
 * small proto-max-bulk-len), bytes 1-4 seed the split points, the rest is
 * the byte stream a client sends. The stream is fed to the parser in pieces
 * of pseudo-random size, each call getting a fresh, exactly-sized copy of the
 * pending bytes (so ASan sees any read past len and any pointer kept into an
 * old buffer). Checked on every call:
 *   - the return value is -1, 0, or 1..len;
 *   - argc <= argcap and every argv slice lies inside the consumed bytes;
 *   - after -1, err is a "Protocol error: ..." message and -1 is sticky;
 *   - after 0 with want set, want exceeds what was offered.
 * And at the end: feeding the same stream whole gives the same commands and
 * the same error as feeding it in pieces (for streams shorter than
 * LIM_INLINE_MAX, where Redis's "too big" errors cannot depend on timing).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "mem.h"
#include "resp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A digest of everything parsed: FNV-1a over commands, args and the error. */
struct digest {
    uint64_t h;
    size_t commands;
};

static void mix(struct digest *d, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        d->h ^= b[i];
        d->h *= 1099511628211ULL;
    }
}

static uint32_t next_rand(uint32_t *s)
{
    uint32_t x = *s ? *s : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* Feed stream[0..len) in pieces; piece sizes come from seed (seed 0 means
 * everything at once). Returns the digest of what was parsed. */
static struct digest feed(const uint8_t *stream, size_t len, uint32_t seed,
                          const struct resp_limits *lim)
{
    struct resp_parser p;
    struct digest d = {1469598103934665603ULL, 0};
    size_t start = 0, avail = 0;

    resp_parser_init(&p);
    while (avail < len) {
        size_t piece = len - avail;
        if (seed) {
            uint32_t r = next_rand(&seed);
            piece = (r & 3) == 0 ? 1 + (r >> 8) % 512 : 1 + (r >> 8) % 8;
            if (piece > len - avail)
                piece = len - avail;
        }
        avail += piece;
        for (;;) {
            size_t n = avail - start;
            char *copy = mem_alloc(n ? n : 1);
            ssize_t got;

            memcpy(copy, stream + start, n);
            got = resp_parse(&p, copy, n, lim);
            if (got < 0) {
                if (got != -1 || !p.err || strncmp(p.err, "Protocol error: ", 16) != 0)
                    abort();
                if (resp_parse(&p, copy, n, lim) != -1)
                    abort();
                mix(&d, "E", 1);
                mix(&d, p.err, strlen(p.err));
                mem_free(copy);
                resp_parser_free(&p);
                return d;
            }
            if (got == 0) {
                if (p.want && p.want <= n)
                    abort();
                mem_free(copy);
                break;
            }
            if ((size_t)got > n || p.argc < 0 || p.argc > p.argcap)
                abort();
            mix(&d, "C", 1);
            for (int i = 0; i < p.argc; i++) {
                const char *a = p.argv[i].ptr;
                if (a < copy || p.argv[i].len > (size_t)got || a + p.argv[i].len > copy + got)
                    abort();
                mix(&d, &p.argv[i].len, sizeof(p.argv[i].len));
                mix(&d, a, p.argv[i].len);
            }
            d.commands++;
            start += (size_t)got;
            mem_free(copy);
        }
    }
    resp_parser_free(&p);
    mix(&d, "P", 1); // ended while waiting for more
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct resp_limits lim = {LIM_PROTO_MAX_BULK_LEN_DEFAULT, 0};
    struct digest whole, pieces;
    uint32_t seed;

    if (size < 5)
        return 0;
    lim.unauthenticated = data[0] & 1;
    if (data[0] & 2)
        lim.max_bulk = 64;
    seed = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 |
           (uint32_t)data[4] << 24;
    data += 5;
    size -= 5;

    pieces = feed(data, size, seed | 1, &lim);
    if (size < LIM_INLINE_MAX) {
        whole = feed(data, size, 0, &lim);
        if (whole.h != pieces.h || whole.commands != pieces.commands)
            abort();
    }
    return 0;
}
