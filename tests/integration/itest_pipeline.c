/*
 * itest_pipeline.c - a 100,000-command pipeline on one connection.
 *
 * Checks that the server parses a long stream of commands that arrive in
 * arbitrary TCP chunks (commands split across reads), executes them in
 * order, and returns every reply in order. The mix (SET k_i, GET k_i,
 * INCR counter) makes each reply predictable from its position, so one
 * out-of-order or dropped reply is caught.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define NCMDS 100000

/* Command i of the mix: i%3==0 SET key:i, i%3==1 GET the key just set,
 * i%3==2 INCR ctr (the counter reaches i/3+1). */
static void append_cmd(redisContext *c, int i)
{
    switch (i % 3) {
    case 0:
        redisAppendCommand(c, "SET key:%d val:%d", i, i);
        break;
    case 1:
        redisAppendCommand(c, "GET key:%d", i - 1);
        break;
    default:
        redisAppendCommand(c, "INCR ctr");
        break;
    }
}

/* Check reply i of the mix; returns 0 if it is the expected one. */
static int check_reply(const redisReply *r, int i)
{
    char want[64];
    switch (i % 3) {
    case 0:
        return !(r->type == REDIS_REPLY_STATUS && strcmp(r->str, "OK") == 0);
    case 1:
        snprintf(want, sizeof want, "val:%d", i - 1);
        return !(r->type == REDIS_REPLY_STRING && strcmp(r->str, want) == 0);
    default:
        return !(r->type == REDIS_REPLY_INTEGER && r->integer == i / 3 + 1);
    }
}

static void test_pipeline_100k(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    for (int i = 0; i < NCMDS; i++)
        append_cmd(c, i);
    int bad = 0;
    for (int i = 0; i < NCMDS; i++) {
        redisReply *r = NULL;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        assert_non_null(r);
        if (check_reply(r, i) != 0 && bad++ < 5)
            fprintf(stderr, "reply %d wrong: type %d str %s int %lld\n", i, r->type,
                    r->str ? r->str : "-", r->integer);
        freeReplyObject(r);
    }
    assert_int_equal(bad, 0);
    /* The connection is still usable and the keyspace holds what we set. */
    assert_int_equal(hs_cmd_expect(c, "33333", "GET ctr"), 0);
    assert_int_equal(hs_cmd_expect(c, "33335", "DBSIZE"), 0);
    assert_int_equal(hs_cmd_expect(c, "val:99999", "GET key:99999"), 0);
}

/* The same kind of pipeline sent as one raw byte stream whose commands are
 * split at awkward points (a write boundary every 7 bytes for the first
 * few KB), then the replies read back and compared byte for byte. */
static void test_pipeline_raw_split(void **state)
{
    struct hserver *s = *state;
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    size_t cap = 1 << 20, len = 0, elen = 0;
    char *req = malloc(cap), *exp = malloc(cap);
    for (int i = 0; i < 2000; i++) {
        len += (size_t)snprintf(req + len, cap - len,
                                "*3\r\n$3\r\nSET\r\n$%d\r\nk%d\r\n$1\r\nv\r\n*2\r\n$4\r\nINCR\r\n"
                                "$1\r\nn\r\nPING\r\n",
                                (int)snprintf(NULL, 0, "k%d", i), i);
        elen += (size_t)snprintf(exp + elen, cap - elen, "+OK\r\n:%d\r\n+PONG\r\n", i + 1);
    }
    size_t off = 0;
    for (; off < 4096 && off < len; off += 7) {
        size_t n = len - off < 7 ? len - off : 7;
        assert_int_equal(hs_send_all(fd, req + off, n), 0);
    }
    assert_int_equal(hs_send_all(fd, req + off, len - off), 0);
    char *got = malloc(elen + 1);
    size_t n = hs_read_n(fd, got, elen, 10000);
    assert_int_equal(n, elen);
    assert_memory_equal(got, exp, elen);
    free(req);
    free(exp);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pipeline_100k, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_pipeline_raw_split, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
