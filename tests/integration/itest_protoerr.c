/*
 * itest_protoerr.c - protocol errors and query-buffer limits.
 *
 * A malformed request must get the exact Redis error line and then a close
 * of that connection only: another client keeps working and the keyspace
 * is intact. Covers bad multibulk/bulk lengths, a bulk above
 * proto-max-bulk-len, an over-long inline request, unbalanced quotes, and a
 * client whose incomplete argument exceeds client-query-buffer-limit
 * (closed without a reply). Redis's minimum for both limits is 1mb.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static int setup(void **state)
{
    static const char *const args[] = {"--proto-max-bulk-len", "1mb", "--client-query-buffer-limit",
                                       "1mb", NULL};
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL || hs_start(s, args) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

/* Send bad bytes on a fresh raw connection, expect the error line and a
 * close, and check a bystander connection and its data survive. */
static void check_proto_error(struct hserver *s, const void *bad, size_t badlen, const char *expect)
{
    redisContext *other = hs_connect(s);
    assert_non_null(other);
    assert_int_equal(hs_cmd_expect(other, "OK", "SET survivor %s", "intact"), 0);
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    assert_int_equal(hs_send_all(fd, bad, badlen), 0);
    assert_int_equal(hs_expect(fd, expect, 5000), 0);
    size_t extra = 0;
    assert_int_equal(hs_wait_closed(fd, 5000, &extra), 1);
    assert_int_equal(extra, 0);
    assert_int_equal(hs_cmd_expect(other, "intact", "GET survivor"), 0);
    assert_int_equal(hs_cmd_expect(other, "PONG", "PING"), 0);
    hs_close_fd(s, fd);
}

static void test_bad_multibulk_len(void **state)
{
    const char bad[] = "*abc\r\n";
    check_proto_error(*state, bad, sizeof bad - 1,
                      "-ERR Protocol error: invalid multibulk length\r\n");
}

/* Valid commands ahead of the error in the same packet are executed and
 * answered first; nothing after the error is. */
static void test_error_after_valid_commands(void **state)
{
    struct hserver *s = *state;
    const char bad[] = "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\nPING\r\n*x\r\nSET b 2\r\n";
    check_proto_error(s, bad, sizeof bad - 1,
                      "+OK\r\n+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n");
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    assert_int_equal(hs_cmd_expect(c, "1", "GET a"), 0);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS b"), 0);
}

static void test_bad_bulk_len(void **state)
{
    const char bad[] = "*1\r\n$abc\r\n";
    check_proto_error(*state, bad, sizeof bad - 1, "-ERR Protocol error: invalid bulk length\r\n");
}

static void test_expected_dollar(void **state)
{
    const char bad[] = "*1\r\nfoo\r\n";
    check_proto_error(*state, bad, sizeof bad - 1,
                      "-ERR Protocol error: expected '$', got 'f'\r\n");
}

static void test_bulk_above_proto_max(void **state)
{
    /* 1mb is the limit; a header announcing 2,000,000 bytes is refused as
     * soon as it is read, before any payload arrives. */
    const char bad[] = "*2\r\n$4\r\nECHO\r\n$2000000\r\n";
    check_proto_error(*state, bad, sizeof bad - 1, "-ERR Protocol error: invalid bulk length\r\n");
}

static void test_bulk_at_proto_max_ok(void **state)
{
    struct hserver *s = *state;
    /* Alone: a 1mb bulk plus its header would exceed a 1mb query buffer. */
    static const char *const args[] = {"--proto-max-bulk-len", "1mb", NULL};
    assert_int_equal(hs_start(s, args), 0);
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    size_t n = 1024 * 1024;
    char *v = malloc(n);
    memset(v, 'q', n);
    redisReply *r = redisCommand(c, "ECHO %b", v, n);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_int_equal(r->len, n);
    assert_memory_equal(r->str, v, n);
    freeReplyObject(r);
    free(v);
}

static void test_inline_too_big(void **state)
{
    size_t n = 70000; /* inline requests are capped at 64 KB without a newline */
    char *bad = malloc(n);
    memset(bad, 'x', n);
    check_proto_error(*state, bad, n, "-ERR Protocol error: too big inline request\r\n");
    free(bad);
}

static void test_unbalanced_quotes(void **state)
{
    const char bad[] = "SET \"a b\r\n";
    check_proto_error(*state, bad, sizeof bad - 1,
                      "-ERR Protocol error: unbalanced quotes in request\r\n");
}

/* A client streaming a 5 MB argument past a 1mb query buffer limit is
 * closed without a reply; others carry on. The server is restarted with the
 * default proto-max-bulk-len so the 5 MB header itself is accepted. */
static void test_query_buffer_limit(void **state)
{
    struct hserver *s = *state;
    /* Restart with only the query buffer limit low. */
    static const char *const args[] = {"--client-query-buffer-limit", "1mb", NULL};
    assert_int_equal(hs_start(s, args), 0);
    redisContext *other = hs_connect(s);
    assert_non_null(other);
    assert_int_equal(hs_cmd_expect(other, "OK", "SET survivor %s", "intact"), 0);
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    assert_int_equal(hs_send_str(fd, "*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$5000000\r\n"), 0);
    static char chunk[65536];
    memset(chunk, 'a', sizeof chunk);
    size_t sent = 0;
    /* Stop at the first failed send: the server may close (RST) mid-way. */
    while (sent < 4 * 1024 * 1024 && hs_send_all(fd, chunk, sizeof chunk) == 0)
        sent += sizeof chunk;
    size_t got = 0;
    assert_int_equal(hs_wait_closed(fd, 5000, &got), 1);
    assert_int_equal(got, 0);
    assert_int_equal(hs_cmd_expect(other, "intact", "GET survivor"), 0);
    assert_int_equal(hs_cmd_expect(other, "0", "EXISTS big"), 0);
    /* A request that fits under the limit still works for a new client. */
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET small %b", chunk, (size_t)60000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bad_multibulk_len, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_error_after_valid_commands, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bad_bulk_len, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_expected_dollar, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_above_proto_max, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_at_proto_max_ok, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_inline_too_big, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_unbalanced_quotes, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_query_buffer_limit, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
