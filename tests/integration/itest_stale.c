/*
 * itest_stale.c - stale events: a command that closes other connections
 * while those connections have input pending in the same epoll batch.
 *
 * Recipe per round: a "busy" client makes the server spend a few ms in one
 * command (KEYS with a pattern that matches none of 100k keys); while it is
 * busy, the killer's CLIENT KILL requests and then the victims' PINGs land,
 * so the next epoll_wait very likely returns the killer first and the
 * victims after it in one batch. A server that frees a connection inside
 * the batch then touches freed memory for the victims' events; under the
 * ASan build (B=build/asan) that aborts the server, which the teardown
 * catches through the exit status. Batching is best-effort (timing), but
 * every assertion holds whatever the interleaving, so the test is
 * deterministic in outcome.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define NKEYS    100000
#define NVICTIMS 30
#define ROUNDS   10

static int setup(void **state)
{
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL || hs_start(s, NULL) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    redisContext *c = hs_connect(s);
    if (c == NULL) {
        hs_teardown(state);
        return -1;
    }
    /* 100k keys in pipelined MSETs of 100. */
    for (int i = 0; i < NKEYS; i += 100) {
        const char *argv[201];
        char bufs[200][24];
        argv[0] = "MSET";
        for (int j = 0; j < 100; j++) {
            snprintf(bufs[2 * j], sizeof bufs[0], "key:%d", i + j);
            snprintf(bufs[2 * j + 1], sizeof bufs[0], "%d", i + j);
            argv[1 + 2 * j] = bufs[2 * j];
            argv[2 + 2 * j] = bufs[2 * j + 1];
        }
        redisAppendCommandArgv(c, 201, argv, NULL);
    }
    for (int i = 0; i < NKEYS; i += 100) {
        redisReply *r = NULL;
        if (redisGetReply(c, (void **)&r) != REDIS_OK) {
            hs_teardown(state);
            return -1;
        }
        freeReplyObject(r);
    }
    hs_close_ctx(s, c);
    return 0;
}

/* Ask a raw connection for its CLIENT ID. */
static long long client_id(int fd)
{
    char line[64];
    if (hs_send_str(fd, "CLIENT ID\r\n") != 0 || hs_read_line(fd, line, sizeof line, 5000) < 0 ||
        line[0] != ':')
        return -1;
    return atoll(line + 1);
}

/* Afterwards the server is alive, serves a new client, and kept its data. */
static void check_survived(struct hserver *s)
{
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    assert_int_equal(hs_cmd_expect(c, "100000", "DBSIZE"), 0);
    assert_int_equal(hs_cmd_expect(c, "4242", "GET key:4242"), 0);
}

static void test_kill_by_id_same_batch(void **state)
{
    struct hserver *s = *state;
    int busy = hs_raw_connect(s, 0);
    assert_true(busy >= 0);
    for (int round = 0; round < ROUNDS; round++) {
        int killer = hs_raw_connect(s, 0);
        int victims[NVICTIMS];
        char kills[NVICTIMS * 40], want[NVICTIMS * 4 + 1];
        size_t klen = 0;
        for (int i = 0; i < NVICTIMS; i++) {
            victims[i] = hs_raw_connect(s, 0);
            assert_true(victims[i] >= 0);
            long long id = client_id(victims[i]);
            assert_true(id > 0);
            klen +=
                (size_t)snprintf(kills + klen, sizeof kills - klen, "CLIENT KILL ID %lld\r\n", id);
            memcpy(want + 4 * i, ":1\r\n", 5);
        }
        assert_int_equal(hs_send_str(busy, "KEYS nomatch*\r\n"), 0);
        assert_int_equal(hs_send_all(killer, kills, klen), 0);
        for (int i = 0; i < NVICTIMS; i++) {
            /* Complete commands, a half command, and a big pending reply. */
            const char *in = i % 3 == 0   ? "PING\r\nPING\r\n"
                             : i % 3 == 1 ? "*2\r\n$3\r\nGET\r\n$5\r\nkey:"
                                          : "KEYS key:1*\r\n";
            assert_int_equal(hs_send_str(victims[i], in), 0);
        }
        assert_int_equal(hs_expect(killer, want, 5000), 0);
        assert_int_equal(hs_expect(busy, "*0\r\n", 5000), 0);
        for (int i = 0; i < NVICTIMS; i++) {
            assert_int_equal(hs_wait_closed(victims[i], 5000, NULL), 1);
            hs_close_fd(s, victims[i]);
        }
        hs_close_fd(s, killer);
    }
    check_survived(s);
}

/* One CLIENT KILL that closes every other client at once while they all
 * have input pending; then the killer kills itself ("SKIPME no"), which in
 * Redis answers :1 and closes after that reply. */
static void test_kill_all_others(void **state)
{
    struct hserver *s = *state;
    enum { N = 200 };
    int busy = hs_raw_connect(s, 0);
    int killer = hs_raw_connect(s, 0);
    static int others[N];
    for (int i = 0; i < N; i++) {
        others[i] = hs_raw_connect(s, 0);
        assert_true(others[i] >= 0);
        assert_int_equal(hs_send_str(others[i], "PING\r\n"), 0);
        assert_int_equal(hs_expect(others[i], "+PONG\r\n", 5000), 0);
    }
    long long self = client_id(killer);
    assert_true(self > 0);
    assert_int_equal(hs_send_str(busy, "KEYS nomatch*\r\n"), 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd,
             "CLIENT KILL TYPE normal SKIPME yes\r\nCLIENT KILL ID %lld SKIPME no\r\n", self);
    assert_int_equal(hs_send_str(killer, cmd), 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(hs_send_str(others[i], i % 2 ? "PING\r\n" : "SET x"), 0);
    /* N others plus the busy client; then the self-kill is answered and
     * the killer's connection closes. */
    char want[32];
    snprintf(want, sizeof want, ":%d\r\n:1\r\n", N + 1);
    assert_int_equal(hs_expect(killer, want, 5000), 0);
    assert_int_equal(hs_wait_closed(killer, 5000, NULL), 1);
    for (int i = 0; i < N; i++)
        assert_int_equal(hs_wait_closed(others[i], 5000, NULL), 1);
    assert_int_equal(hs_wait_closed(busy, 5000, NULL), 1);
    check_survived(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_by_id_same_batch, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_kill_all_others, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
