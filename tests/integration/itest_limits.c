/*
 * itest_limits.c - per-client limits and authentication.
 *
 * - timeout: an idle client is closed, an active one is not;
 * - maxclients: the connection over the limit gets the Redis error and a
 *   close, the others keep working;
 * - requirepass: NOAUTH / WRONGPASS / OK texts, HELLO 3 AUTH;
 * - client-output-buffer-limit normal: a client that pipelines big GETs and
 *   never reads is dropped when the limit is set, and with the default
 *   (0 0 0) it is kept but never stalls other clients.
 * Each test starts its own server with the options it needs.
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
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL)
        return -1;
    *state = s; /* each test calls hs_start with its own options */
    return 0;
}

static void test_idle_timeout(void **state)
{
    struct hserver *s = *state;
    static const char *const args[] = {"--timeout", "1", NULL};
    assert_int_equal(hs_start(s, args), 0);
    int idle = hs_raw_connect(s, 0);
    int active = hs_raw_connect(s, 0);
    assert_true(idle >= 0 && active >= 0);
    assert_int_equal(hs_send_str(idle, "PING\r\n"), 0);
    assert_int_equal(hs_expect(idle, "+PONG\r\n", 2000), 0);
    long long t0 = hs_now_ms();
    int closed = 0;
    /* The active client talks every 250 ms; the idle one must be closed
     * within ~3 s (allow 4.5 s), the active one must survive throughout. */
    while (!closed && hs_now_ms() - t0 < 4500) {
        assert_int_equal(hs_send_str(active, "PING\r\n"), 0);
        assert_int_equal(hs_expect(active, "+PONG\r\n", 2000), 0);
        closed = hs_wait_closed(idle, 250, NULL);
    }
    assert_true(closed);
    /* Keep the active client going past two more timeout periods. */
    for (int i = 0; i < 10; i++) {
        assert_int_equal(hs_send_str(active, "PING\r\n"), 0);
        assert_int_equal(hs_expect(active, "+PONG\r\n", 2000), 0);
        hs_sleep_ms(250);
    }
}

static void test_maxclients(void **state)
{
    struct hserver *s = *state;
    static const char *const args[] = {"--maxclients", "5", NULL};
    assert_int_equal(hs_start(s, args), 0);
    int fds[5];
    for (int i = 0; i < 5; i++) {
        /* The harness's readiness probe may not be reaped yet: retry a
         * refused slot a few times before calling it a failure. */
        int ok = 0;
        for (int tries = 0; tries < 20 && !ok; tries++) {
            fds[i] = hs_raw_connect(s, 0);
            assert_true(fds[i] >= 0);
            assert_int_equal(hs_send_str(fds[i], "PING\r\n"), 0);
            char line[128];
            ok =
                hs_read_line(fds[i], line, sizeof line, 2000) > 0 && strcmp(line, "+PONG\r\n") == 0;
            if (!ok) {
                hs_close_fd(s, fds[i]);
                hs_sleep_ms(50);
            }
        }
        assert_true(ok);
    }
    int extra = hs_raw_connect(s, 0);
    assert_true(extra >= 0);
    assert_int_equal(hs_expect(extra, "-ERR max number of clients reached\r\n", 5000), 0);
    assert_int_equal(hs_wait_closed(extra, 5000, NULL), 1);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(hs_send_str(fds[i], "PING\r\n"), 0);
        assert_int_equal(hs_expect(fds[i], "+PONG\r\n", 2000), 0);
    }
    /* A freed slot can be used again. */
    hs_close_fd(s, fds[0]);
    int ok = 0;
    for (int tries = 0; tries < 20 && !ok; tries++) {
        int fd = hs_raw_connect(s, 0);
        assert_true(fd >= 0);
        char line[128];
        ok = hs_send_str(fd, "PING\r\n") == 0 && hs_read_line(fd, line, sizeof line, 2000) > 0 &&
             strcmp(line, "+PONG\r\n") == 0;
        if (!ok) {
            hs_close_fd(s, fd);
            hs_sleep_ms(50);
        }
    }
    assert_true(ok);
}

/* Send cmd and expect exactly reply. */
static void roundtrip(int fd, const char *cmd, const char *reply)
{
    assert_int_equal(hs_send_str(fd, cmd), 0);
    assert_int_equal(hs_expect(fd, reply, 5000), 0);
}

static void test_requirepass(void **state)
{
    struct hserver *s = *state;
    static const char *const args[] = {"--requirepass", "pw", NULL};
    assert_int_equal(hs_start(s, args), 0);
    static const char wrongpass[] =
        "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    roundtrip(fd, "PING\r\n", "-NOAUTH Authentication required.\r\n");
    roundtrip(fd, "SET a 1\r\n", "-NOAUTH Authentication required.\r\n");
    roundtrip(fd, "AUTH wrong\r\n", wrongpass);
    roundtrip(fd, "AUTH default wrong\r\n", wrongpass);
    roundtrip(fd, "GET a\r\n", "-NOAUTH Authentication required.\r\n");
    roundtrip(fd, "AUTH pw\r\n", "+OK\r\n");
    roundtrip(fd, "SET a 1\r\n", "+OK\r\n");
    roundtrip(fd, "GET a\r\n", "$1\r\n1\r\n");

    /* HELLO 3 with AUTH: wrong then right, then RESP3 is in effect. */
    int h = hs_raw_connect(s, 0);
    assert_true(h >= 0);
    roundtrip(h, "HELLO 3 AUTH default wrong\r\n", wrongpass);
    roundtrip(h, "GET a\r\n", "-NOAUTH Authentication required.\r\n");
    assert_int_equal(hs_send_str(h, "HELLO 3 AUTH default pw\r\n"), 0);
    char buf[1024];
    assert_true(hs_read_until(h, buf, sizeof buf, "$7\r\nmodules\r\n*0\r\n", 5000) > 0);
    assert_int_equal(strncmp(buf, "%7\r\n$6\r\nserver\r\n", 16), 0);
    assert_non_null(strstr(buf, "$5\r\nproto\r\n:3\r\n"));
    roundtrip(h, "GET a\r\n", "$1\r\n1\r\n");
    roundtrip(h, "GET nosuchkey\r\n", "_\r\n"); /* RESP3 null */
}

/* Pipeline n GETs of a 100 KB value on fd without reading. */
static void pipeline_big_gets(struct hserver *s, int fd, int n)
{
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    static char v[100000];
    memset(v, 'z', sizeof v);
    redisReply *r = redisCommand(c, "SET big %b", v, sizeof v);
    assert_non_null(r);
    freeReplyObject(r);
    hs_close_ctx(s, c);
    for (int i = 0; i < n; i++)
        assert_int_equal(hs_send_str(fd, "GET big\r\n"), 0);
}

static void test_output_buffer_limit(void **state)
{
    struct hserver *s = *state;
    static const char *const args[] = {"--client-output-buffer-limit", "normal 1mb 0 0", NULL};
    assert_int_equal(hs_start(s, args), 0);
    int hog = hs_raw_connect(s, 8192);
    assert_true(hog >= 0);
    pipeline_big_gets(s, hog, 200); /* 20 MB of replies, never read */
    redisContext *other = hs_connect(s);
    assert_non_null(other);
    assert_int_equal(hs_cmd_expect(other, "PONG", "PING"), 0);
    /* The hog gets part of its replies, then the connection is closed. */
    size_t got = 0;
    assert_int_equal(hs_wait_closed(hog, 5000, &got), 1);
    assert_true(got < 200u * 100000);
    assert_int_equal(hs_cmd_expect(other, "100000", "STRLEN big"), 0);
}

static void test_output_buffer_unlimited(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, NULL), 0); /* normal 0 0 0 by default */
    int hog = hs_raw_connect(s, 8192);
    assert_true(hog >= 0);
    pipeline_big_gets(s, hog, 200);
    /* While the hog's 20 MB sit unread, others are served promptly. */
    redisContext *other = hs_connect(s);
    assert_non_null(other);
    for (int i = 0; i < 20; i++) {
        long long t0 = hs_now_ms();
        assert_int_equal(hs_cmd_expect(other, "OK", "SET k%d %d", i, i), 0);
        assert_true(hs_now_ms() - t0 < 1000);
    }
    /* Then the hog reads everything: nothing was dropped. */
    static char want[100000 + 16], got[sizeof want];
    int hlen = snprintf(want, sizeof want, "$100000\r\n");
    memset(want + hlen, 'z', 100000);
    memcpy(want + hlen + 100000, "\r\n", 2);
    size_t rlen = (size_t)hlen + 100002;
    for (int i = 0; i < 200; i++) {
        assert_int_equal(hs_read_n(hog, got, rlen, 10000), rlen);
        assert_memory_equal(got, want, rlen);
    }
    roundtrip(hog, "PING\r\n", "+PONG\r\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_idle_timeout, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_maxclients, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_requirepass, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_output_buffer_limit, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_output_buffer_unlimited, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
