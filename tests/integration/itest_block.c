/*
 * itest_block.c - blocking list pops: timeouts (with decimals), wake-up by a
 * push from another client, first-come first-served order, a disconnect
 * while blocked, CLIENT UNBLOCK (TIMEOUT and ERROR), and INFO's
 * blocked_clients; a key that holds another type when its waiters are
 * served leaves them blocked (no WRONGTYPE), and a timeout then still
 * replies nil. Validated against redis-server
 * (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* INFO clients' blocked_clients value. */
static long blocked_clients(redisContext *c)
{
    redisReply *r = redisCommand(c, "INFO clients");
    long n = -1;
    if (r && r->type == REDIS_REPLY_STRING) {
        const char *p = strstr(r->str, "blocked_clients:");
        if (p)
            n = atol(p + strlen("blocked_clients:"));
    }
    freeReplyObject(r);
    return n;
}

/* Poll until blocked_clients == want (bounded). */
static int wait_blocked(redisContext *c, long want)
{
    for (int i = 0; i < 200; i++) {
        if (blocked_clients(c) == want)
            return 0;
        hs_sleep_ms(10);
    }
    return -1;
}

static void test_timeout_with_decimals(void **state)
{
    struct hserver *s = *state;
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    long long t0 = hs_now_ms();
    hs_send_str(fd, "BLPOP nolist 0.2\r\n");
    assert_int_equal(hs_expect(fd, "*-1\r\n", 3000), 0);
    long long took = hs_now_ms() - t0;
    assert_true(took >= 150); /* it did wait ... */
    assert_true(took < 2500); /* ... and was woken by its timer */
}

static void test_push_wakes_in_arrival_order(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0), b = hs_raw_connect(s, 0);
    assert_true(a >= 0 && b >= 0);
    hs_send_str(a, "BLPOP q 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    hs_send_str(b, "BRPOP other q 0\r\n");
    assert_int_equal(wait_blocked(ctl, 2), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "RPUSH q first"), 0);
    assert_int_equal(hs_expect(a, "*2\r\n$1\r\nq\r\n$5\r\nfirst\r\n", 2000), 0);
    assert_int_equal(wait_blocked(ctl, 1), 0);
    assert_int_equal(hs_cmd_expect(ctl, "2", "RPUSH q second third"), 0);
    assert_int_equal(hs_expect(b, "*2\r\n$1\r\nq\r\n$5\r\nthird\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "LLEN q"), 0);
    assert_int_equal(blocked_clients(ctl), 0);
}

static void test_blmove_serves_after_push(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0);
    hs_send_str(a, "BLMOVE src dst RIGHT LEFT 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "LPUSH src v"), 0);
    assert_int_equal(hs_expect(a, "$1\r\nv\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "LLEN dst"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "0", "EXISTS src"), 0);
}

static void test_disconnect_while_blocked(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0);
    hs_send_str(a, "BLPOP gone 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    hs_close_fd(s, a);
    assert_int_equal(wait_blocked(ctl, 0), 0);
    /* The push is not lost to a departed client. */
    assert_int_equal(hs_cmd_expect(ctl, "1", "RPUSH gone x"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "LLEN gone"), 0);
}

/* The id of the most recent client running cmd, from CLIENT LIST. */
static long client_id_running(redisContext *c, const char *cmd)
{
    redisReply *r = redisCommand(c, "CLIENT LIST");
    long id = -1;
    char needle[64];
    snprintf(needle, sizeof needle, "cmd=%s ", cmd);
    for (char *line = r ? r->str : NULL; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strstr(line, needle))
            id = atol(line + 3);
        line = nl ? nl + 1 : NULL;
    }
    freeReplyObject(r);
    return id;
}

static void test_client_unblock(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0);
    hs_send_str(a, "BRPOP u1 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    long id = client_id_running(ctl, "brpop");
    assert_true(id > 0);
    char arg[32];
    snprintf(arg, sizeof arg, "%ld", id);
    assert_int_equal(hs_cmd_expect(ctl, "1", "CLIENT UNBLOCK %s", arg), 0);
    assert_int_equal(hs_expect(a, "*-1\r\n", 2000), 0);
    hs_send_str(a, "BLPOP u2 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "CLIENT UNBLOCK %s ERROR", arg), 0);
    assert_int_equal(hs_expect(a, "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(ctl, "0", "CLIENT UNBLOCK %s", arg), 0);
    /* The client works normally afterwards. */
    hs_send_str(a, "PING\r\n");
    assert_int_equal(hs_expect(a, "+PONG\r\n", 2000), 0);
}

static void test_bzpopmin_woken_by_zadd(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0);
    hs_send_str(a, "BZPOPMIN z1 z2 0\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    assert_int_equal(hs_cmd_expect(ctl, "2", "ZADD z2 2 two 1 one"), 0);
    assert_int_equal(hs_expect(a, "*3\r\n$2\r\nz2\r\n$3\r\none\r\n$1\r\n1\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "ZCARD z2"), 0);
}

/* Ready key of the wrong type at serve time (MULTI: ZADD, DEL, SET): the
 * waiter stays blocked, then is served by a real ZADD. Same for a list. */
static void test_wrong_type_at_serve_keeps_blocked(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0), b = hs_raw_connect(s, 0);
    hs_send_str(a, "BZPOPMIN zk 0\r\n");
    hs_send_str(b, "BLPOP lk 0\r\n");
    assert_int_equal(wait_blocked(ctl, 2), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "ZADD zk 0 foo"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "DEL zk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "SET zk foo"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "RPUSH lk x"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "DEL lk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "SET lk foo"), 0);
    redisReply *r = redisCommand(ctl, "EXEC");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    freeReplyObject(r);
    assert_int_equal(wait_blocked(ctl, 2), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "DEL zk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "ZADD zk 1 bar"), 0);
    assert_int_equal(hs_expect(a, "*3\r\n$2\r\nzk\r\n$3\r\nbar\r\n$1\r\n1\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "DEL lk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "1", "RPUSH lk y"), 0);
    assert_int_equal(hs_expect(b, "*2\r\n$2\r\nlk\r\n$1\r\ny\r\n", 2000), 0);
}

/* A waiter whose key was replaced by a string times out with nil. */
static void test_wrong_type_then_timeout_replies_nil(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    int a = hs_raw_connect(s, 0);
    hs_send_str(a, "BLPOP tk 0.3\r\n");
    assert_int_equal(wait_blocked(ctl, 1), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "RPUSH tk x"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "DEL tk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "QUEUED", "SET tk foo"), 0);
    redisReply *r = redisCommand(ctl, "EXEC");
    freeReplyObject(r);
    assert_int_equal(hs_expect(a, "*-1\r\n", 3000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_timeout_with_decimals, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_push_wakes_in_arrival_order, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_blmove_serves_after_push, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_disconnect_while_blocked, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_client_unblock, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bzpopmin_woken_by_zadd, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_type_at_serve_keeps_blocked, hs_setup,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_type_then_timeout_replies_nil, hs_setup,
                                        hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
