/* Unit tests for hll: the Redis 7.0 HyperLogLog bytes and estimator. The
 * expected bytes were observed on redis-server 7.0.15 (PFADD, then GET). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hll.h"
#include "mem.h"

static unsigned char *grow(void *ctx, size_t newlen)
{
    struct hll_str *s = ctx;
    s->p = mem_realloc(s->p, newlen);
    if (newlen > s->len)
        memset(s->p + s->len, 0, newlen - s->len);
    return s->p;
}

static void new_hll(struct hll_str *s)
{
    s->p = mem_alloc(HLL_EMPTY_SIZE);
    s->len = HLL_EMPTY_SIZE;
    s->resize = grow;
    s->ctx = s;
    hll_init_empty(s->p);
}

static int add_str(struct hll_str *s, const char *ele, long long max_sparse)
{
    return hll_add(s, ele, strlen(ele), max_sparse);
}

static void test_empty(void **state)
{
    (void)state;
    static const unsigned char want[] = "HYLL\x01\0\0\0\0\0\0\0\0\0\0\0\x7f\xff";
    struct hll_str s;
    new_hll(&s);
    assert_int_equal(s.len, 18);
    assert_memory_equal(s.p, want, 18);
    assert_true(hll_is_hll(s.p, s.len));
    assert_true(hll_cache_valid(s.p));
    int bad = 0;
    assert_int_equal(hll_count(s.p, s.len, &bad), 0);
    assert_int_equal(bad, 0);
    mem_free(s.p);
}

static void test_oracle_bytes(void **state)
{
    (void)state;
    /* PFADD h a b c on redis-server 7.0.15, then GET h. */
    static const unsigned char want[] = "HYLL\x01\0\0\0\0\0\0\0\0\0\0\x80"
                                        "\x60\xf3\x80\x50\xb1\x84\x4b\xfb\x80\x42\x5a";
    struct hll_str s;
    new_hll(&s);
    assert_int_equal(add_str(&s, "a", 3000), 1);
    assert_int_equal(add_str(&s, "b", 3000), 1);
    assert_int_equal(add_str(&s, "c", 3000), 1);
    assert_int_equal(add_str(&s, "a", 3000), 0);
    hll_cache_invalidate(s.p);
    assert_int_equal(s.len, 27);
    assert_memory_equal(s.p, want, 27);
    assert_false(hll_cache_valid(s.p));
    int bad = 0;
    assert_int_equal(hll_count(s.p, s.len, &bad), 3);

    size_t n;
    char *txt = hll_decode(s.p, s.len, &n);
    assert_string_equal(txt, "Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603");
    assert_int_equal(n, strlen(txt));
    mem_free(txt);
    mem_free(s.p);
}

static void test_cache(void **state)
{
    (void)state;
    unsigned char h[HLL_EMPTY_SIZE];
    hll_init_empty(h);
    hll_cache_set(h, 0x0102030405060708ULL & 0x7fffffffffffffffULL);
    assert_int_equal(h[8], 0x08);
    assert_int_equal(h[15], 0x01);
    assert_true(hll_cache_valid(h));
    assert_int_equal(hll_cache_get(h), 0x0102030405060708ULL);
    hll_cache_invalidate(h);
    assert_false(hll_cache_valid(h));
}

static void test_is_hll(void **state)
{
    (void)state;
    unsigned char h[HLL_DENSE_SIZE];
    memset(h, 0, sizeof(h));
    memcpy(h, "HYLL", 4);
    assert_true(hll_is_hll(h, HLL_DENSE_SIZE));
    assert_false(hll_is_hll(h, HLL_DENSE_SIZE - 1)); /* dense of the wrong size */
    h[4] = 1;
    assert_true(hll_is_hll(h, HLL_HDR_SIZE)); /* sparse: length unchecked */
    h[4] = 2;
    assert_false(hll_is_hll(h, HLL_HDR_SIZE));
    h[4] = 1;
    h[0] = 'h';
    assert_false(hll_is_hll(h, HLL_HDR_SIZE));
    assert_false(hll_is_hll((const unsigned char *)"HYLL", 4));
}

static void test_dense_registers(void **state)
{
    (void)state;
    unsigned char regs[HLL_DENSE_BYTES];
    memset(regs, 0, sizeof(regs));
    for (long i = 0; i < HLL_REGISTERS; i++)
        hll_dense_set(regs, i, (int)(i % 64));
    for (long i = 0; i < HLL_REGISTERS; i++)
        assert_int_equal(hll_dense_get(regs, i), i % 64);
    /* Register 0 is the low 6 bits of byte 0, register 1 starts at bit 6. */
    memset(regs, 0, sizeof(regs));
    hll_dense_set(regs, 1, 63);
    assert_int_equal(regs[0], 0xc0);
    assert_int_equal(regs[1], 0x0f);
    assert_int_equal(hll_dense_get(regs, 0), 0);
    assert_int_equal(hll_dense_get(regs, 2), 0);
}

static void test_promotion_and_estimate(void **state)
{
    (void)state;
    struct hll_str s;
    new_hll(&s);
    char ele[32];
    long i;
    for (i = 0; i < 100000 && hll_encoding(s.p) == HLL_ENC_SPARSE; i++) {
        snprintf(ele, sizeof(ele), "ele:%ld", i);
        add_str(&s, ele, 3000);
        assert_true(s.len <= 3000 || hll_encoding(s.p) == HLL_ENC_DENSE);
    }
    assert_int_equal(hll_encoding(s.p), HLL_ENC_DENSE);
    assert_int_equal(s.len, HLL_DENSE_SIZE);
    assert_true(i > 500 && i < 5000);
    for (; i < 100000; i++) {
        snprintf(ele, sizeof(ele), "ele:%ld", i);
        add_str(&s, ele, 3000);
    }
    int bad = 0;
    uint64_t est = hll_count(s.p, s.len, &bad);
    assert_int_equal(bad, 0);
    assert_true(est > 97000 && est < 103000); /* 0.81% standard error */

    uint8_t max[HLL_REGISTERS];
    memset(max, 0, sizeof(max));
    assert_int_equal(hll_merge_into(max, s.p, s.len), 0);
    assert_int_equal(hll_count_raw(max), est);
    mem_free(s.p);
}

static void test_sparse_dense_agree(void **state)
{
    (void)state;
    struct hll_str a, b;
    new_hll(&a);
    new_hll(&b);
    assert_int_equal(hll_to_dense(&b), 1);
    assert_int_equal(hll_to_dense(&b), 0);
    char ele[32];
    for (int i = 0; i < 1500; i++) {
        snprintf(ele, sizeof(ele), "%d", i * 31);
        assert_int_equal(add_str(&a, ele, 1 << 20), add_str(&b, ele, 1 << 20));
    }
    assert_int_equal(hll_encoding(a.p), HLL_ENC_SPARSE);
    int bad = 0;
    uint64_t ca = hll_count(a.p, a.len, &bad), cb = hll_count(b.p, b.len, &bad);
    assert_int_equal(ca, cb);
    assert_int_equal(hll_to_dense(&a), 1);
    assert_memory_equal(a.p + HLL_HDR_SIZE, b.p + HLL_HDR_SIZE, HLL_DENSE_BYTES);
    mem_free(a.p);
    mem_free(b.p);
}

static void test_val_over_32_promotes(void **state)
{
    (void)state;
    struct hll_str s;
    new_hll(&s);
    assert_int_equal(hll_set(&s, 5, 32, 3000), 1);
    assert_int_equal(hll_encoding(s.p), HLL_ENC_SPARSE);
    assert_int_equal(hll_set(&s, 5, 31, 3000), 0);
    assert_int_equal(hll_set(&s, 6, 33, 3000), 1);
    assert_int_equal(hll_encoding(s.p), HLL_ENC_DENSE);
    assert_int_equal(hll_dense_get(s.p + HLL_HDR_SIZE, 5), 32);
    assert_int_equal(hll_dense_get(s.p + HLL_HDR_SIZE, 6), 33);
    mem_free(s.p);
}

static void test_join_adjacent_vals(void **state)
{
    (void)state;
    struct hll_str s;
    new_hll(&s);
    for (long i = 10; i < 14; i++)
        assert_int_equal(hll_set(&s, i, 3, 3000), 1);
    size_t n;
    char *txt = hll_decode(s.p, s.len, &n);
    assert_string_equal(txt, "z:10 v:3,4 Z:16370");
    mem_free(txt);
    mem_free(s.p);
}

static void test_corrupted(void **state)
{
    (void)state;
    /* Zero runs of 16384 + 64 registers: too many. */
    unsigned char h[HLL_EMPTY_SIZE + 1];
    hll_init_empty(h);
    h[HLL_EMPTY_SIZE] = 0x3f;
    struct hll_str s = {mem_alloc(sizeof(h)), sizeof(h), grow, NULL};
    s.ctx = &s;
    memcpy(s.p, h, sizeof(h));
    int bad = 0;
    hll_count(s.p, s.len, &bad);
    assert_int_equal(bad, 1);
    uint8_t max[HLL_REGISTERS] = {0};
    assert_int_equal(hll_merge_into(max, s.p, s.len), -1);
    assert_int_equal(hll_to_dense(&s), -1);
    /* Too few: the add finds no opcode covering a high register. */
    s.len = HLL_HDR_SIZE + 1;
    s.p[HLL_HDR_SIZE] = 0x00;
    assert_int_equal(hll_set(&s, 100, 1, 3000), -1);
    mem_free(s.p);
}

static void test_selftest(void **state)
{
    (void)state;
    assert_null(hll_selftest());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_oracle_bytes),
        cmocka_unit_test(test_cache),
        cmocka_unit_test(test_is_hll),
        cmocka_unit_test(test_dense_registers),
        cmocka_unit_test(test_promotion_and_estimate),
        cmocka_unit_test(test_sparse_dense_agree),
        cmocka_unit_test(test_val_over_32_promotes),
        cmocka_unit_test(test_join_adjacent_vals),
        cmocka_unit_test(test_corrupted),
        cmocka_unit_test(test_selftest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
