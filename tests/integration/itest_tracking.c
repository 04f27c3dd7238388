/*
 * itest_tracking.c - client-side caching across clients: RESP3 invalidation
 * pushes for another client's writes, REDIRECT to a RESP2 client subscribed
 * to __redis__:invalidate (and nothing when it is not subscribed), a broken
 * redirect, BCAST with prefixes and NOLOOP, FLUSHALL's null invalidation,
 * tracking-table-max-keys eviction, and INFO's tracking fields. Byte-exact
 * frames, validated against redis-server (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define PUSH_K(k) ">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\n" k "\r\n"
#define MSG_K(k)  "*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n*1\r\n$1\r\n" k "\r\n"

/* A raw connection switched to RESP3 (HELLO's reply consumed). */
static int resp3_fd(struct hserver *s)
{
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    char buf[4096];
    hs_send_str(fd, "HELLO 3\r\n");
    assert_true(hs_read_until(fd, buf, sizeof buf, "modules\r\n*0\r\n", 2000) > 0);
    return fd;
}

/* Send one command and expect exactly these bytes back. */
static void send_expect(int fd, const char *cmd, const char *expect)
{
    assert_int_equal(hs_send_str(fd, cmd), 0);
    assert_int_equal(hs_expect(fd, expect, 2000), 0);
}

/* Nothing arrives on fd within ms. */
static void expect_quiet(int fd, int ms)
{
    char b;
    assert_int_equal(hs_read_n(fd, &b, 1, ms), 0);
}

static long long client_id_of(int fd)
{
    char line[64];
    hs_send_str(fd, "CLIENT ID\r\n");
    assert_true(hs_read_line(fd, line, sizeof line, 2000) > 0);
    assert_true(line[0] == ':');
    return atoll(line + 1);
}

static void test_resp3_push_for_other_client_write(void **state)
{
    struct hserver *s = *state;
    int a = resp3_fd(s);
    redisContext *b = hs_connect(s);
    send_expect(a, "CLIENT TRACKING ON\r\n", "+OK\r\n");
    send_expect(a, "GET k\r\n", "_\r\n");
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    assert_int_equal(hs_expect(a, PUSH_K("k"), 2000), 0);
    /* forgotten after one invalidation until read again */
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 2"), 0);
    expect_quiet(a, 200);
    send_expect(a, "GET k\r\n", "$1\r\n2\r\n");
    assert_int_equal(hs_cmd_expect(b, "1", "DEL k"), 0);
    assert_int_equal(hs_expect(a, PUSH_K("k"), 2000), 0);
    /* NOLOOP: own writes are silent, the key is still forgotten */
    send_expect(a, "CLIENT TRACKING ON NOLOOP\r\n", "+OK\r\n");
    send_expect(a, "GET n\r\n", "_\r\n");
    send_expect(a, "SET n 1\r\n", "+OK\r\n");
    expect_quiet(a, 200);
    send_expect(a, "GET n\r\n", "$1\r\n1\r\n");
    assert_int_equal(hs_cmd_expect(b, "OK", "SET n 2"), 0);
    assert_int_equal(hs_expect(a, PUSH_K("n"), 2000), 0);
    /* FLUSHALL: a null invalidation, once */
    assert_int_equal(hs_cmd_expect(b, "OK", "FLUSHALL"), 0);
    assert_int_equal(hs_expect(a, ">2\r\n$10\r\ninvalidate\r\n_\r\n", 2000), 0);
    expect_quiet(a, 200);
    send_expect(a, "CLIENT TRACKING OFF\r\n", "+OK\r\n");
    hs_close_fd(s, a);
}

static void test_redirect_resp2_pubsub(void **state)
{
    struct hserver *s = *state;
    int r = hs_raw_connect(s, 0);
    assert_true(r >= 0);
    long long rid = client_id_of(r);
    redisContext *a = hs_connect(s), *b = hs_connect(s);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "CLIENT TRACKING ON REDIRECT %lld", rid);
    assert_int_equal(hs_cmd_expect(a, "OK", cmd), 0);
    redisReply *rep = redisCommand(a, "CLIENT GETREDIR");
    assert_int_equal(rep->integer, rid);
    freeReplyObject(rep);
    /* the target is not subscribed: RESP2 cannot carry the message */
    freeReplyObject(redisCommand(a, "GET k"));
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    expect_quiet(r, 200);
    send_expect(r, "SUBSCRIBE __redis__:invalidate\r\n",
                "*3\r\n$9\r\nsubscribe\r\n$20\r\n__redis__:invalidate\r\n:1\r\n");
    freeReplyObject(redisCommand(a, "GET k"));
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 2"), 0);
    assert_int_equal(hs_expect(r, MSG_K("k"), 2000), 0);
    /* the tracking client's own write goes to the redirect target too */
    freeReplyObject(redisCommand(a, "GET k"));
    assert_int_equal(hs_cmd_expect(a, "OK", "SET k 3"), 0);
    assert_int_equal(hs_expect(r, MSG_K("k"), 2000), 0);
    /* FLUSHALL: a null in the tracking client's protocol (RESP2: $-1) */
    assert_int_equal(hs_cmd_expect(b, "OK", "FLUSHALL"), 0);
    assert_int_equal(
        hs_expect(r, "*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n$-1\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "CLIENT TRACKING OFF"), 0);
    hs_close_fd(s, r);
    hs_close_ctx(s, a);
}

static void test_broken_redirect(void **state)
{
    struct hserver *s = *state;
    int r = hs_raw_connect(s, 0);
    assert_true(r >= 0);
    long long rid = client_id_of(r);
    int a = resp3_fd(s);
    redisContext *b = hs_connect(s);
    char cmd[96], expect[160];
    snprintf(cmd, sizeof cmd, "CLIENT TRACKING ON REDIRECT %lld\r\n", rid);
    send_expect(a, cmd, "+OK\r\n");
    send_expect(a, "GET k\r\n", "_\r\n");
    hs_close_fd(s, r);
    hs_sleep_ms(100);
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    snprintf(expect, sizeof expect, ">2\r\n$21\r\ntracking-redir-broken\r\n:%lld\r\n", rid);
    assert_int_equal(hs_expect(a, expect, 2000), 0);
    send_expect(a, "CLIENT TRACKINGINFO\r\n",
                "%3\r\n$5\r\nflags\r\n~2\r\n$2\r\non\r\n$15\r\nbroken_redirect\r\n");
    char buf[256];
    snprintf(expect, sizeof expect, "$8\r\nredirect\r\n:%lld\r\n$8\r\nprefixes\r\n*0\r\n", rid);
    assert_true(hs_read_until(a, buf, sizeof buf, "*0\r\n", 2000) > 0);
    assert_string_equal(buf, expect);
    send_expect(a, "CLIENT TRACKING OFF\r\n", "+OK\r\n");
    hs_close_fd(s, a);
}

static void test_bcast_prefixes(void **state)
{
    struct hserver *s = *state;
    int a = resp3_fd(s);
    int b = hs_raw_connect(s, 0);
    assert_true(b >= 0);
    send_expect(a, "CLIENT TRACKING ON BCAST PREFIX user: PREFIX job:\r\n", "+OK\r\n");
    /* one batch: the keys changed under a prefix arrive together, sorted */
    hs_send_str(b, "SET user:2 x\r\nSET other 1\r\nSET user:1 y\r\nSET user:2 z\r\n");
    assert_int_equal(hs_expect(b, "+OK\r\n+OK\r\n+OK\r\n+OK\r\n", 2000), 0);
    assert_int_equal(
        hs_expect(a, ">2\r\n$10\r\ninvalidate\r\n*2\r\n$6\r\nuser:1\r\n$6\r\nuser:2\r\n", 2000), 0);
    expect_quiet(a, 200);
    hs_send_str(b, "DEL job:9\r\n"); /* nothing deleted: nothing sent */
    assert_int_equal(hs_expect(b, ":0\r\n", 2000), 0);
    expect_quiet(a, 200);
    hs_send_str(b, "SET job:9 1\r\n");
    assert_int_equal(hs_expect(b, "+OK\r\n", 2000), 0);
    assert_int_equal(hs_expect(a, ">2\r\n$10\r\ninvalidate\r\n*1\r\n$5\r\njob:9\r\n", 2000), 0);
    /* NOLOOP in BCAST: keys this client changed are left out */
    send_expect(a, "CLIENT TRACKING OFF\r\n", "+OK\r\n");
    send_expect(a, "CLIENT TRACKING ON BCAST NOLOOP\r\n", "+OK\r\n");
    send_expect(a, "SET mine 1\r\n", "+OK\r\n");
    expect_quiet(a, 200);
    hs_send_str(b, "SET theirs 1\r\n");
    assert_int_equal(hs_expect(b, "+OK\r\n", 2000), 0);
    assert_int_equal(hs_expect(a, ">2\r\n$10\r\ninvalidate\r\n*1\r\n$6\r\ntheirs\r\n", 2000), 0);
    send_expect(a, "CLIENT TRACKING OFF\r\n", "+OK\r\n");
    send_expect(a, "FLUSHALL\r\n", "+OK\r\n");
    hs_close_fd(s, a);
    hs_close_fd(s, b);
}

static void test_max_keys_evicts(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "CONFIG SET tracking-table-max-keys 2"), 0);
    int a = resp3_fd(s);
    send_expect(a, "CLIENT TRACKING ON\r\n", "+OK\r\n");
    for (int i = 0; i < 10; i++) {
        char cmd[32];
        snprintf(cmd, sizeof cmd, "GET ev%d\r\n", i);
        assert_int_equal(hs_send_str(a, cmd), 0);
    }
    hs_send_str(a, "PING\r\n");
    /* ten nulls, a PONG, and eight invalidations of evicted keys, each
     * for one key; their order depends on the random choice */
    char buf[8192];
    size_t n = hs_read_n(a, buf, sizeof buf - 1, 800); /* all that arrives */
    buf[n] = '\0';
    assert_non_null(strstr(buf, "+PONG\r\n"));
    int pushes = 0;
    for (const char *p = buf; (p = strstr(p, ">2\r\n$10\r\ninvalidate\r\n*1\r\n")); p++)
        pushes++;
    assert_int_equal(pushes, 8);
    redisReply *r = redisCommand(ctl, "INFO");
    assert_non_null(strstr(r->str, "tracking_clients:1\r\n"));
    assert_non_null(strstr(r->str, "tracking_total_keys:2\r\n"));
    assert_non_null(strstr(r->str, "tracking_total_items:2\r\n"));
    freeReplyObject(r);
    send_expect(a, "CLIENT TRACKING OFF\r\n", "+OK\r\n");
    assert_int_equal(hs_cmd_expect(ctl, "OK", "CONFIG SET tracking-table-max-keys 1000000"), 0);
    hs_close_fd(s, a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resp3_push_for_other_client_write),
        cmocka_unit_test(test_redirect_resp2_pubsub),
        cmocka_unit_test(test_broken_redirect),
        cmocka_unit_test(test_bcast_prefixes),
        cmocka_unit_test(test_max_keys_evicts),
    };
    return cmocka_run_group_tests(tests, hs_setup, hs_teardown);
}
