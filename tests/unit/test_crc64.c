/* Unit tests for crc64: the check value of the catalogue, agreement with a
 * bit-at-a-time reference at every length and alignment, incremental use,
 * and the checksums at the end of real DUMP payloads from Redis 7.0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crc64.h"

/* The definition, one bit at a time: reflected Jones polynomial. */
static uint64_t crc64_ref(uint64_t crc, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc & 1) ? (crc >> 1) ^ 0x95ac9329ac4bc9b5ULL : crc >> 1;
    }
    return crc;
}

static void test_check_value(void **state)
{
    (void)state;
    assert_true(crc64(0, "123456789", 9) == 0xe9c6d914c4b8d9caULL);
    assert_true(crc64(0, "", 0) == 0);
    assert_true(crc64(12345, "", 0) == 12345);
}

static void test_against_reference(void **state)
{
    (void)state;
    unsigned char buf[600];
    uint32_t x = 1;
    for (size_t i = 0; i < sizeof(buf); i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    /* Every length at several misalignments, from a non-zero start too. */
    for (size_t off = 0; off < 9; off++)
        for (size_t n = 0; n + off <= sizeof(buf); n += (n < 40 ? 1 : 13))
            assert_true(crc64(0x1234, buf + off, n) == crc64_ref(0x1234, buf + off, n));
    /* Split anywhere: continuing a CRC equals one pass. */
    uint64_t whole = crc64(0, buf, sizeof(buf));
    for (size_t cut = 0; cut <= sizeof(buf); cut += 7)
        assert_true(crc64(crc64(0, buf, cut), buf + cut, sizeof(buf) - cut) == whole);
}

/* Hex DUMP payloads from redis-server 7.0.15 (see test_rblob.c for what
 * each holds). The last 8 bytes are the CRC64 of everything before them,
 * little-endian. */
static const char *const payloads[] = {
    "00c3094064016161e057000161610a00e8a3b507b06df271",
    "0b100200000004000000f9ff0100020003000a003bfa4a3923b1fa84",
    "0b180800000002000000000efad5feffffff01000000000000000a009c139e07ea35a37e",
    "113d3d0000000e00816602842d696e6605816302dffd02816102010181620283322e3504816502f2a0860104"
    "8164028531652b32300681670283696e6604ff0a00adeb9522115a7052",
};

static size_t unhex(const char *h, unsigned char *out)
{
    size_t n = strlen(h) / 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        assert_int_equal(sscanf(h + 2 * i, "%2x", &v), 1);
        out[i] = (unsigned char)v;
    }
    return n;
}

static void test_redis_payloads(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof(payloads) / sizeof(payloads[0]); k++) {
        unsigned char buf[256];
        size_t n = unhex(payloads[k], buf);
        uint64_t want = 0;
        for (int i = 7; i >= 0; i--)
            want = want << 8 | buf[n - 8 + (size_t)i];
        assert_true(crc64(0, buf, n - 8) == want);
        buf[0] ^= 1; // any change breaks it
        assert_true(crc64(0, buf, n - 8) != want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_value),
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_redis_payloads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
