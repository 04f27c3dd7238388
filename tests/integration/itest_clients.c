/*
 * itest_clients.c - 1,000 concurrent clients.
 *
 * All 1,000 connections are open at once; each pipelines a few commands,
 * every client's requests are written before any reply is read, so the
 * server has up to 1,000 ready sockets per epoll batch. Every reply must be
 * right and belong to its own client (per-client keys and values).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define NCLIENTS 1000
#define ROUNDS   3

static int setup(void **state)
{
    struct hserver *s = calloc(1, sizeof *s);
    if (hs_raise_nofile(NCLIENTS + 100) < NCLIENTS + 100) {
        fprintf(stderr, "cannot raise RLIMIT_NOFILE\n");
        free(s);
        return -1;
    }
    if (s == NULL || hs_start(s, NULL) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

/* Flush c's pending output; returns 0 on success. */
static int flush(redisContext *c)
{
    int done = 0;
    while (!done)
        if (redisBufferWrite(c, &done) != REDIS_OK)
            return -1;
    return 0;
}

/* Read one reply and compare it to the expected string form. */
static int expect_reply(redisContext *c, int type, const char *str, long long num)
{
    redisReply *r = NULL;
    if (redisGetReply(c, (void **)&r) != REDIS_OK || r == NULL)
        return -1;
    int ok = r->type == type &&
             (type == REDIS_REPLY_INTEGER ? r->integer == num : strcmp(r->str, str) == 0);
    if (!ok)
        fprintf(stderr, "unexpected reply type %d (%s)\n", r->type, r->str ? r->str : "-");
    freeReplyObject(r);
    return ok ? 0 : -1;
}

static void test_thousand_clients(void **state)
{
    struct hserver *s = *state;
    static redisContext *cs[NCLIENTS];
    for (int i = 0; i < NCLIENTS; i++) {
        cs[i] = hs_connect(s);
        assert_non_null(cs[i]);
    }
    char val[64];
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < NCLIENTS; i++) {
            redisAppendCommand(cs[i], "SET client:%d r%d-%d", i, round, i);
            redisAppendCommand(cs[i], "INCR total");
            redisAppendCommand(cs[i], "GET client:%d", i);
            redisAppendCommand(cs[i], "PING");
            assert_int_equal(flush(cs[i]), 0);
        }
        int bad = 0;
        for (int i = 0; i < NCLIENTS; i++) {
            snprintf(val, sizeof val, "r%d-%d", round, i);
            bad += expect_reply(cs[i], REDIS_REPLY_STATUS, "OK", 0) != 0;
            redisReply *r = NULL;
            assert_int_equal(redisGetReply(cs[i], (void **)&r), REDIS_OK);
            /* INCR results are a permutation of 1..N per round: check range. */
            bad += !(r->type == REDIS_REPLY_INTEGER && r->integer > (long long)round * NCLIENTS &&
                     r->integer <= (long long)(round + 1) * NCLIENTS);
            freeReplyObject(r);
            bad += expect_reply(cs[i], REDIS_REPLY_STRING, val, 0) != 0;
            bad += expect_reply(cs[i], REDIS_REPLY_STATUS, "PONG", 0) != 0;
        }
        assert_int_equal(bad, 0);
    }
    assert_int_equal(hs_cmd_expect(cs[0], "3000", "GET total"), 0);
    assert_int_equal(hs_cmd_expect(cs[0], "1001", "DBSIZE"), 0);
}

/* INFO clients reports them all (the 1,000 plus the one asking). */
static void test_info_counts_clients(void **state)
{
    struct hserver *s = *state;
    for (int i = 0; i < NCLIENTS; i++) {
        redisContext *c = hs_connect(s);
        assert_non_null(c);
        assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    }
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    redisReply *r = redisCommand(c, "INFO clients");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_non_null(strstr(r->str, "connected_clients:1001\r\n"));
    freeReplyObject(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_thousand_clients, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_info_counts_clients, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
