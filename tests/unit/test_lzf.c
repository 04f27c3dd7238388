/* Unit tests for lzf: round trips of random, compressible and incompressible
 * data at many sizes, exact output capacities, a known vector produced by
 * Redis 7.0 (the LZF blob inside a DUMP of a 100-byte string), hand-made
 * corrupt inputs, and random corruption of valid streams (run under ASan by
 * `make asan`: every buffer is heap-allocated at its exact size). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lzf.h"
#include "mem.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* Fill p[0..n) according to kind: 0 random bytes, 1 text-like words from a
 * small vocabulary, 2 long runs, 3 a short period repeated, 4 sparse noise
 * on zeros, 5 repeats far apart (beyond and within the 8 KiB window). */
static void fill(unsigned char *p, size_t n, int kind)
{
    static const char *words[] = {"redis", "tern", "key:", "value", "12345", " ", "\n", "hash"};
    size_t i = 0;
    switch (kind) {
    case 0:
        for (i = 0; i < n; i++)
            p[i] = (unsigned char)rnd();
        break;
    case 1:
        while (i < n) {
            const char *w = words[rnd() % 8];
            for (size_t k = 0; w[k] && i < n; k++)
                p[i++] = (unsigned char)w[k];
        }
        break;
    case 2:
        while (i < n) {
            unsigned char c = (unsigned char)rnd();
            size_t run = 1 + rnd() % 600;
            for (size_t k = 0; k < run && i < n; k++)
                p[i++] = c;
        }
        break;
    case 3:
        for (i = 0; i < n; i++)
            p[i] = (unsigned char)("abcdefg"[i % 7]);
        break;
    case 4:
        for (i = 0; i < n; i++)
            p[i] = rnd() % 50 == 0 ? (unsigned char)rnd() : 0;
        break;
    default:
        for (i = 0; i < n; i++)
            p[i] = i < 4000 ? (unsigned char)rnd() : p[i - 4000 - (i / 9000 % 2) * 5000];
        break;
    }
}

/* Compress then decompress into an exact-size buffer; returns the
 * compressed size (0 if it did not fit in cap). */
static size_t round_trip(const unsigned char *in, size_t n, size_t cap)
{
    unsigned char *c = mem_alloc(cap ? cap : 1);
    size_t clen = lzf_compress(in, n, c, cap);
    if (clen) {
        assert_true(clen <= cap);
        unsigned char *d = mem_alloc(n);
        assert_int_equal(lzf_decompress(c, clen, d, n), n);
        assert_memory_equal(d, in, n);
        mem_free(d);
        if (n > 1) {
            /* One byte short of room: must fail, not overflow. */
            d = mem_alloc(n - 1);
            assert_int_equal(lzf_decompress(c, clen, d, n - 1), 0);
            mem_free(d);
        }
    }
    mem_free(c);
    return clen;
}

static void test_round_trips(void **state)
{
    (void)state;
    static const size_t sizes[] = {1,   2,   3,   4,    5,    31,   32,   33,    64,    100,
                                   263, 264, 265, 1000, 8191, 8192, 8193, 20000, 70000, 300000};
    for (int kind = 0; kind < 6; kind++) {
        for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
            size_t n = sizes[s];
            unsigned char *in = mem_alloc(n);
            fill(in, n, kind);
            /* Worst case: one control byte per 32 literals. */
            size_t worst = n + (n + 31) / 32;
            size_t clen = round_trip(in, n, worst);
            assert_true(clen > 0);
            if ((kind == 2 || kind == 3) && n >= 1000)
                assert_true(clen < n / 10); // runs and short periods
            if ((kind == 1 || kind == 4 || kind == 5) && n >= 20000)
                assert_true(clen < n * 3 / 4); // words, sparse noise, far repeats
            /* Every smaller capacity either fits or is refused cleanly. */
            if (n <= 1000)
                for (size_t cap = 0; cap < clen; cap++)
                    assert_int_equal(round_trip(in, n, cap), 0);
            mem_free(in);
        }
    }
}

static void test_incompressible(void **state)
{
    (void)state;
    unsigned char in[4096], out[4096];
    fill(in, sizeof(in), 0);
    /* Callers pass cap < n to mean "only if it saves space". */
    assert_int_equal(lzf_compress(in, sizeof(in), out, sizeof(in) - 1), 0);
    assert_int_equal(lzf_compress(in, 0, out, sizeof(out)), 0);
}

/* Redis 7.0: SET s <100 x 'a'>, DUMP s gives
 * 00 c3 09 40 64 | 01 61 61 e0 57 00 01 61 61 | 0a 00 | crc: type string,
 * LZF with clen 9 and len 100, then the 9-byte LZF stream below. */
static void test_redis_vector(void **state)
{
    (void)state;
    static const unsigned char blob[] = {0x01, 0x61, 0x61, 0xe0, 0x57, 0x00, 0x01, 0x61, 0x61};
    unsigned char *out = mem_alloc(100);
    char want[100];
    memset(want, 'a', sizeof(want));
    assert_int_equal(lzf_decompress(blob, sizeof(blob), out, 100), 100);
    assert_memory_equal(out, want, 100);
    assert_int_equal(lzf_decompress(blob, sizeof(blob), out, 99), 0);
    mem_free(out);
    /* Our compressor on the same input: decodes back, and is no larger. */
    unsigned char c[100];
    size_t clen = lzf_compress(want, 100, c, sizeof(c));
    assert_true(clen > 0 && clen <= sizeof(blob));
}

static void test_corrupt_vectors(void **state)
{
    (void)state;
    unsigned char out[64];
    /* back-reference before the start of the output */
    assert_int_equal(lzf_decompress("\x20\x00", 2, out, sizeof(out)), 0);
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\x20\x01",
                                    4, out, sizeof(out)),
                     0);
    /* literal run longer than the input */
    assert_int_equal(lzf_decompress("\x05"
                                    "ab",
                                    3, out, sizeof(out)),
                     0);
    /* reference missing its offset byte, long reference missing both */
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\x20",
                                    3, out, sizeof(out)),
                     0);
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\xe0",
                                    3, out, sizeof(out)),
                     0);
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\xe0\x05",
                                    4, out, sizeof(out)),
                     0);
    /* output larger than cap */
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\xe0\xff\x00",
                                    5, out, sizeof(out)),
                     0);
    /* a valid overlapping run: 'a' then 8 more copies of it */
    assert_int_equal(lzf_decompress("\x00"
                                    "a"
                                    "\xc0\x00",
                                    4, out, sizeof(out)),
                     9);
    assert_memory_equal(out, "aaaaaaaaa", 9);
}

/* Mutate and truncate valid streams; every result must stay in bounds
 * (ASan checks) and report a length no larger than the capacity. */
static void test_random_corruption(void **state)
{
    (void)state;
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 1 + rnd() % 3000;
        unsigned char *in = mem_alloc(n);
        fill(in, n, 1 + iter % 5);
        size_t cap = n + n / 32 + 1;
        unsigned char *c = mem_alloc(cap);
        size_t clen = lzf_compress(in, n, c, cap);
        assert_true(clen > 0);
        int flips = 1 + rnd() % 4;
        for (int f = 0; f < flips; f++)
            c[rnd() % clen] = (unsigned char)rnd();
        size_t use = rnd() % 3 == 0 ? rnd() % (clen + 1) : clen;
        unsigned char *copy = mem_alloc(use ? use : 1);
        memcpy(copy, c, use);
        size_t ocap = rnd() % 2 ? n : rnd() % (2 * n + 1);
        unsigned char *out = mem_alloc(ocap ? ocap : 1);
        size_t got = lzf_decompress(copy, use, out, ocap);
        assert_true(got <= ocap);
        mem_free(out);
        mem_free(copy);
        mem_free(c);
        mem_free(in);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trips),       cmocka_unit_test(test_incompressible),
        cmocka_unit_test(test_redis_vector),      cmocka_unit_test(test_corrupt_vectors),
        cmocka_unit_test(test_random_corruption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
