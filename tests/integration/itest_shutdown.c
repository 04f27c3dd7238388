/*
 * itest_shutdown.c - graceful exit on SIGTERM and SIGINT.
 *
 * The server must exit with status 0 within a few seconds of the signal,
 * even with idle, half-written and blocked (BLPOP) clients connected; replies
 * to commands it already executed must reach the client before the socket
 * closes; and its log must mention the shutdown.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "harness.h"

/* Case-insensitive substring search. */
static int log_mentions(const struct hserver *s, const char *word)
{
    char *log = hs_log(s);
    if (log == NULL)
        return 0;
    int found = 0;
    size_t wl = strlen(word);
    for (const char *p = log; *p && !found; p++)
        found = strncasecmp(p, word, wl) == 0;
    free(log);
    return found;
}

static void shutdown_with(struct hserver *s, int sig)
{
    /* A worker pipelines commands without reading the replies. */
    int worker = hs_raw_connect(s, 0);
    assert_true(worker >= 0);
    assert_int_equal(hs_send_str(worker, "SET a 1\r\nINCR n\r\nGET a\r\nPING\r\nINCR done\r\n"), 0);
    /* Bystanders: idle, mid-command, and blocked. */
    int idle = hs_raw_connect(s, 0);
    int partial = hs_raw_connect(s, 0);
    int blocked = hs_raw_connect(s, 0);
    assert_true(idle >= 0 && partial >= 0 && blocked >= 0);
    assert_int_equal(hs_send_str(partial, "*3\r\n$3\r\nSET\r\n$1\r\nb"), 0);
    assert_int_equal(hs_send_str(blocked, "BLPOP nolist 0\r\n"), 0);
    /* Wait until the worker's commands were executed (seen from another
     * client), so the replies are due before the signal arrives. */
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    long long t0 = hs_now_ms();
    int seen = 0;
    while (!seen && hs_now_ms() - t0 < 5000) {
        redisReply *r = redisCommand(c, "GET done");
        assert_non_null(r);
        seen = r->type == REDIS_REPLY_STRING && strcmp(r->str, "1") == 0;
        freeReplyObject(r);
    }
    assert_true(seen);
    long long t1 = hs_now_ms();
    int code = hs_stop_sig(s, sig, 5000, 1);
    assert_int_equal(code, 0);
    assert_true(hs_now_ms() - t1 < 5000);
    /* The worker's replies are all there, then EOF. */
    assert_int_equal(hs_expect(worker, "+OK\r\n:1\r\n$1\r\n1\r\n+PONG\r\n:1\r\n", 2000), 0);
    assert_int_equal(hs_wait_closed(worker, 2000, NULL), 1);
    assert_int_equal(hs_wait_closed(idle, 2000, NULL), 1);
    assert_int_equal(hs_wait_closed(blocked, 2000, NULL), 1);
    assert_true(log_mentions(s, "shutdown"));
}

static void test_sigterm(void **state)
{
    shutdown_with(*state, SIGTERM);
}

static void test_sigint(void **state)
{
    shutdown_with(*state, SIGINT);
}

/* A signal while a large reply is still being sent does not hang exit. */
static void test_sigterm_with_pending_output(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    static char v[1 << 20];
    memset(v, 'p', sizeof v);
    redisReply *r = redisCommand(c, "SET big %b", v, sizeof v);
    assert_non_null(r);
    freeReplyObject(r);
    int hog = hs_raw_connect(s, 4096);
    assert_true(hog >= 0);
    for (int i = 0; i < 20; i++)
        assert_int_equal(hs_send_str(hog, "GET big\r\n"), 0);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    assert_int_equal(hs_stop_sig(s, SIGTERM, 5000, 1), 0);
    /* Whatever was sent, the connection ends. */
    assert_int_equal(hs_wait_closed(hog, 5000, NULL), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sigterm, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_sigint, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_sigterm_with_pending_output, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
