/*
 * itest_bigvalue.c - a 64 MB value read back by a deliberately slow reader.
 *
 * The reader has a tiny SO_RCVBUF, reads small chunks with pauses, then
 * stops reading altogether for a while. The server therefore sees short
 * writes and EAGAIN and must park the rest of the reply (EPOLLOUT) instead
 * of blocking: during the stall another client's PING must be answered
 * promptly. Finally every byte of the value is checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define VALUE_LEN (64u * 1024 * 1024)
#define HEADER    "$67108864\r\n"

/* Byte i of the value: a cheap hash so shifted or repeated data shows. */
static unsigned char value_byte(size_t i)
{
    return (unsigned char)(((uint32_t)i * 2654435761u) >> 24);
}

/* Check n received bytes that start at value offset off; returns the first
 * bad offset or (size_t)-1. */
static size_t check_chunk(const unsigned char *buf, size_t n, size_t off)
{
    for (size_t i = 0; i < n; i++)
        if (buf[i] != value_byte(off + i))
            return off + i;
    return (size_t)-1;
}

/* PING on c with a raw deadline; returns the round-trip time in ms or -1. */
static long long timed_ping(int fd)
{
    long long t0 = hs_now_ms();
    if (hs_send_str(fd, "PING\r\n") != 0 || hs_expect(fd, "+PONG\r\n", 2000) != 0)
        return -1;
    return hs_now_ms() - t0;
}

static void test_big_value_slow_reader(void **state)
{
    struct hserver *s = *state;
    unsigned char *v = malloc(VALUE_LEN);
    assert_non_null(v);
    for (size_t i = 0; i < VALUE_LEN; i++)
        v[i] = value_byte(i);
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    redisReply *r = redisCommand(c, "SET big %b", v, (size_t)VALUE_LEN);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    free(v);
    assert_int_equal(hs_cmd_expect(c, "67108864", "STRLEN big"), 0);

    int pinger = hs_raw_connect(s, 0);
    int slow = hs_raw_connect(s, 4096);
    assert_true(pinger >= 0 && slow >= 0);
    assert_int_equal(hs_send_str(slow, "GET big\r\n"), 0);
    char hdr[sizeof HEADER];
    assert_int_equal(hs_read_n(slow, hdr, sizeof HEADER - 1, 10000), sizeof HEADER - 1);
    assert_memory_equal(hdr, HEADER, sizeof HEADER - 1);

    /* Phase 1: 1 MB in 4 KB reads with a 1 ms pause every 16 reads, pinging
     * from the other client now and then. */
    static unsigned char buf[1 << 20];
    size_t off = 0;
    for (int i = 0; off < (1u << 20); i++) {
        size_t n = hs_read_n(slow, buf, 4096, 10000);
        assert_int_equal(n, 4096);
        assert_int_equal(check_chunk(buf, n, off), (size_t)-1);
        off += n;
        if (i % 16 == 0)
            hs_sleep_ms(1);
        if (i % 64 == 0)
            assert_true(timed_ping(pinger) >= 0);
    }
    /* Phase 2: the reader stalls completely. A server that blocked in
     * write() would not answer these. */
    for (int i = 0; i < 5; i++) {
        long long ms = timed_ping(pinger);
        assert_true(ms >= 0);
        assert_true(ms < 1000);
        hs_sleep_ms(50);
    }
    redisContext *c2 = hs_connect(s);
    assert_non_null(c2);
    assert_int_equal(hs_cmd_expect(c2, "OK", "SET other %s", "x"), 0);
    /* Phase 3: drain the rest in big reads and verify it. */
    while (off < VALUE_LEN) {
        size_t want = VALUE_LEN - off < sizeof buf ? VALUE_LEN - off : sizeof buf;
        size_t n = hs_read_n(slow, buf, want, 10000);
        assert_int_equal(n, want);
        assert_int_equal(check_chunk(buf, n, off), (size_t)-1);
        off += n;
    }
    assert_int_equal(hs_expect(slow, "\r\n", 5000), 0);
    /* The slow connection is still in sync. */
    assert_int_equal(hs_send_str(slow, "STRLEN big\r\n"), 0);
    assert_int_equal(hs_expect(slow, ":67108864\r\n", 5000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_big_value_slow_reader, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
