/* Unit tests for bitmap: every function is checked against a naive
 * bit-at-a-time reference on pseudo-random buffers (fixed seeds, so any
 * failure reproduces), across alignments, lengths and range edges; plus
 * the BITFIELD overflow rules at their boundaries, including Redis 7.0's
 * quirk for extreme signed SET values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bitmap.h"

static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Random bytes; in "runs" mode long stretches of 0x00 or 0xff with rare
 * flipped bits, which is what the word-skipping paths need. */
static void fill(unsigned char *p, size_t n, int runs)
{
    unsigned char cur = 0;
    for (size_t i = 0; i < n; i++) {
        if (!runs) {
            p[i] = (unsigned char)rnd();
            continue;
        }
        if (rnd() % 64 == 0)
            cur = (unsigned char)~cur;
        p[i] = cur;
        if (rnd() % 97 == 0)
            p[i] ^= (unsigned char)(1u << (rnd() % 8));
    }
}

static int ref_bit(const unsigned char *p, uint64_t i)
{
    return (p[i / 8] >> (7 - i % 8)) & 1;
}

static uint64_t ref_count(const unsigned char *p, uint64_t first, uint64_t last)
{
    uint64_t n = 0;
    for (uint64_t i = first; i <= last; i++)
        n += (uint64_t)ref_bit(p, i);
    return n;
}

static int64_t ref_find(const unsigned char *p, uint64_t first, uint64_t last, int bit)
{
    for (uint64_t i = first; i <= last; i++)
        if (ref_bit(p, i) == bit)
            return (int64_t)i;
    return -1;
}

static void test_popcount(void **state)
{
    (void)state;
    unsigned char buf[300];
    fill(buf, sizeof(buf), 0);
    for (size_t start = 0; start < 9; start++)
        for (size_t len = 0; start + len <= sizeof(buf); len += 1 + len / 8) {
            uint64_t want = len ? ref_count(buf + start, 0, len * 8 - 1) : 0;
            assert_int_equal(bitmap_popcount(buf + start, len), want);
            assert_int_equal(bitmap_popcount_swar(buf + start, len), want);
        }
    memset(buf, 0xff, sizeof(buf));
    assert_int_equal(bitmap_popcount(buf, sizeof(buf)), sizeof(buf) * 8);
    assert_int_equal(bitmap_popcount_swar(buf, sizeof(buf)), sizeof(buf) * 8);
}

static void test_count_range(void **state)
{
    (void)state;
    unsigned char buf[200];
    for (int round = 0; round < 2000; round++) {
        fill(buf, sizeof(buf), round & 1);
        uint64_t bits = sizeof(buf) * 8;
        uint64_t a = rnd() % bits, b = rnd() % bits;
        if (round % 5 == 0)
            b = a + rnd() % 16 < bits ? a + rnd() % 16 : a; /* short ranges */
        uint64_t first = a < b ? a : b, last = a < b ? b : a;
        assert_int_equal(bitmap_count_range(buf, first, last), ref_count(buf, first, last));
    }
    unsigned char one = 0xa5;
    for (uint64_t f = 0; f < 8; f++)
        for (uint64_t l = f; l < 8; l++)
            assert_int_equal(bitmap_count_range(&one, f, l), ref_count(&one, f, l));
}

static void test_find(void **state)
{
    (void)state;
    unsigned char buf[600];
    for (int round = 0; round < 3000; round++) {
        fill(buf, sizeof(buf), round % 3 != 0);
        uint64_t bits = sizeof(buf) * 8;
        uint64_t a = rnd() % bits, b = rnd() % bits;
        uint64_t first = a < b ? a : b, last = a < b ? b : a;
        int bit = round & 1;
        assert_int_equal(bitmap_find(buf, first, last, bit), ref_find(buf, first, last, bit));
    }
    /* Whole buffers of one value: no match, and a single match placed at
     * every position near the word and block boundaries. */
    for (int bit = 0; bit < 2; bit++) {
        memset(buf, bit ? 0x00 : 0xff, sizeof(buf));
        assert_int_equal(bitmap_find(buf, 0, sizeof(buf) * 8 - 1, bit), -1);
        assert_int_equal(bitmap_find(buf, 13, 4000, bit), -1);
        for (uint64_t pos = 0; pos < 600; pos += 7) {
            buf[pos / 8] ^= (unsigned char)(0x80 >> (pos % 8));
            assert_int_equal(bitmap_find(buf, 0, sizeof(buf) * 8 - 1, bit), (int64_t)pos);
            assert_int_equal(bitmap_find(buf, pos, pos, bit), (int64_t)pos);
            if (pos > 0)
                assert_int_equal(bitmap_find(buf, 0, pos - 1, bit), -1);
            buf[pos / 8] ^= (unsigned char)(0x80 >> (pos % 8));
        }
    }
}

static uint64_t ref_get(const unsigned char *p, size_t len, uint64_t off, int bits)
{
    uint64_t v = 0;
    for (int i = 0; i < bits; i++) {
        uint64_t pos = off + (uint64_t)i;
        v = (v << 1) | (uint64_t)(pos / 8 < len ? ref_bit(p, pos) : 0);
    }
    return v;
}

static void test_fields(void **state)
{
    (void)state;
    unsigned char buf[40], ref[40];
    for (int round = 0; round < 5000; round++) {
        fill(buf, sizeof(buf), 0);
        memcpy(ref, buf, sizeof(buf));
        int bits = 1 + (int)(rnd() % 64);
        uint64_t off = rnd() % (sizeof(buf) * 8 - (uint64_t)bits + 1);
        size_t len = (size_t)(rnd() % (sizeof(buf) + 1)); /* reads past len see zeros */
        assert_int_equal(bitmap_get_field(buf, len, off, bits), ref_get(buf, len, off, bits));
        uint64_t v = rnd();
        bitmap_set_field(buf, off, bits, v);
        for (int i = 0; i < bits; i++) { /* the reference writes bit by bit */
            uint64_t pos = off + (uint64_t)i;
            unsigned char m = (unsigned char)(0x80 >> (pos % 8));
            int b = (int)((v >> (bits - 1 - i)) & 1);
            ref[pos / 8] = (unsigned char)(b ? ref[pos / 8] | m : ref[pos / 8] & ~m);
        }
        assert_memory_equal(buf, ref, sizeof(buf));
    }
    /* A field ending exactly at the last byte touches nothing beyond it. */
    unsigned char two[3] = {0, 0, 0x5a};
    bitmap_set_field(two, 4, 12, 0xfff);
    assert_int_equal(two[0], 0x0f);
    assert_int_equal(two[1], 0xff);
    assert_int_equal(two[2], 0x5a);
}

static void test_sign_extend(void **state)
{
    (void)state;
    assert_int_equal(bitmap_sign_extend(0xff, 8), -1);
    assert_int_equal(bitmap_sign_extend(0x7f, 8), 127);
    assert_int_equal(bitmap_sign_extend(0x80, 8), -128);
    assert_int_equal(bitmap_sign_extend(1, 1), -1);
    assert_int_equal(bitmap_sign_extend(0, 1), 0);
    assert_int_equal(bitmap_sign_extend(0x1ff, 8), -1); /* high junk ignored */
    assert_true(bitmap_sign_extend(1ULL << 63, 64) == INT64_MIN);
}

static void test_op(void **state)
{
    (void)state;
    unsigned char a[90], b[70], c[50], dst[90], ref[90];
    for (int round = 0; round < 500; round++) {
        fill(a, sizeof(a), round & 1);
        fill(b, sizeof(b), 0);
        fill(c, sizeof(c), 0);
        size_t la = rnd() % 91, lb = rnd() % 71, lc = rnd() % 51;
        const unsigned char *src[4] = {a, b, NULL, c};
        size_t len[4] = {la, lb, 0, lc};
        size_t n = 1 + rnd() % 4;
        for (int op = BITMAP_AND; op <= BITMAP_NOT; op++) {
            if (op == BITMAP_NOT)
                n = 1;
            size_t max = 0;
            for (size_t i = 0; i < n; i++)
                max = len[i] > max ? len[i] : max;
            for (size_t j = 0; j < max; j++) {
                unsigned out = j < len[0] ? src[0][j] : 0;
                if (op == BITMAP_NOT)
                    out = ~out & 0xffu;
                for (size_t i = 1; i < n; i++) {
                    unsigned x = j < len[i] ? src[i][j] : 0;
                    out = op == BITMAP_AND ? out & x : op == BITMAP_OR ? out | x : out ^ x;
                }
                ref[j] = (unsigned char)out;
            }
            memset(dst, 0xcc, sizeof(dst));
            bitmap_op((enum bitmap_op)op, dst, max, src, len, n);
            assert_memory_equal(dst, ref, max);
            if (max < sizeof(dst))
                assert_int_equal(dst[max], 0xcc); /* nothing written past dlen */
        }
    }
}

static void test_overflow_unsigned(void **state)
{
    (void)state;
    uint64_t out = 12345;
    assert_int_equal(bitmap_add_unsigned(200, 55, 8, BITMAP_WRAP, &out), 0);
    assert_int_equal(out, 255);
    assert_int_equal(bitmap_add_unsigned(200, 56, 8, BITMAP_WRAP, &out), 1);
    assert_int_equal(out, 0);
    assert_int_equal(bitmap_add_unsigned(200, 300, 8, BITMAP_SAT, &out), 1);
    assert_int_equal(out, 255);
    assert_int_equal(bitmap_add_unsigned(5, -6, 8, BITMAP_WRAP, &out), -1);
    assert_int_equal(out, 255);
    assert_int_equal(bitmap_add_unsigned(5, -6, 8, BITMAP_SAT, &out), -1);
    assert_int_equal(out, 0);
    out = 77;
    assert_int_equal(bitmap_add_unsigned(5, -6, 8, BITMAP_FAIL, &out), -1);
    assert_int_equal(out, 77); /* FAIL leaves it alone */
    /* A negative SET value is a huge unsigned one: overflow, SAT -> max. */
    assert_int_equal(bitmap_add_unsigned((uint64_t)-1, 0, 8, BITMAP_SAT, &out), 1);
    assert_int_equal(out, 255);
    assert_int_equal(bitmap_add_unsigned((uint64_t)-1, 0, 63, BITMAP_WRAP, &out), 1);
    assert_true(out == (1ULL << 63) - 1);
    assert_int_equal(bitmap_add_unsigned(0, INT64_MAX, 63, BITMAP_SAT, &out), 0);
    assert_true(out == (uint64_t)INT64_MAX);
    assert_int_equal(bitmap_add_unsigned(1, INT64_MAX, 63, BITMAP_SAT, &out), 1);
    assert_int_equal(bitmap_add_unsigned(0, INT64_MIN, 1, BITMAP_WRAP, &out), -1);
    assert_int_equal(out, 0);
}

static void test_overflow_signed(void **state)
{
    (void)state;
    int64_t out = 0;
    assert_int_equal(bitmap_add_signed(100, 27, 8, BITMAP_WRAP, &out), 0);
    assert_int_equal(out, 127);
    assert_int_equal(bitmap_add_signed(100, 28, 8, BITMAP_WRAP, &out), 1);
    assert_int_equal(out, -128);
    assert_int_equal(bitmap_add_signed(100, 1000, 8, BITMAP_SAT, &out), 1);
    assert_int_equal(out, 127);
    assert_int_equal(bitmap_add_signed(-100, -1000, 8, BITMAP_SAT, &out), -1);
    assert_int_equal(out, -128);
    assert_int_equal(bitmap_add_signed(-100, -29, 8, BITMAP_WRAP, &out), -1);
    assert_int_equal(out, 127);
    assert_int_equal(bitmap_add_signed(-1000, 0, 8, BITMAP_SAT, &out), -1); /* SET -1000 */
    assert_int_equal(out, -128);
    /* Redis 7.0 quirk: a SET value so low that max - value wraps is an
     * overflow, so SAT gives the maximum. */
    assert_int_equal(bitmap_add_signed(INT64_MIN, 0, 8, BITMAP_SAT, &out), 1);
    assert_int_equal(out, 127);
    assert_int_equal(bitmap_add_signed(INT64_MIN, 0, 8, BITMAP_WRAP, &out), 1);
    assert_int_equal(out, 0);
    /* 64 bits: only real int64 overflow counts. */
    assert_int_equal(bitmap_add_signed(INT64_MAX, 1, 64, BITMAP_WRAP, &out), 1);
    assert_true(out == INT64_MIN);
    assert_int_equal(bitmap_add_signed(INT64_MIN, -1, 64, BITMAP_SAT, &out), -1);
    assert_true(out == INT64_MIN);
    assert_int_equal(bitmap_add_signed(-5, INT64_MAX, 64, BITMAP_SAT, &out), 0);
    assert_true(out == INT64_MAX - 5);
    assert_int_equal(bitmap_add_signed(INT64_MIN, 0, 64, BITMAP_SAT, &out), 0);
    assert_true(out == INT64_MIN);
    assert_int_equal(bitmap_add_signed(0, -1, 1, BITMAP_WRAP, &out), 0); /* i1 holds -1..0 */
    assert_int_equal(out, -1);
    assert_int_equal(bitmap_add_signed(-1, -1, 1, BITMAP_WRAP, &out), -1);
    assert_int_equal(out, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_popcount),
        cmocka_unit_test(test_count_range),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_sign_extend),
        cmocka_unit_test(test_op),
        cmocka_unit_test(test_overflow_unsigned),
        cmocka_unit_test(test_overflow_signed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
