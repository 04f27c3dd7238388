/*
 * itest_pubsub.c - Pub/Sub and keyspace notifications across clients:
 * delivery to channel, pattern and shard subscribers with the exact frames;
 * PUBSUB introspection; the RESP2 subscribed context (error text, PING);
 * RESP3 push frames (raw bytes: hiredis 0.14 has no RESP3) including under
 * CLIENT REPLY OFF; cleanup on disconnect and RESET; a slow subscriber cut
 * off by client-output-buffer-limit pubsub while the publisher and a fast
 * subscriber carry on; keyspace/keyevent messages and class filtering,
 * including lazy and active "expired"; CLIENT LIST/KILL TYPE pubsub and
 * INFO stats counts. Many subscribers: 3,000 clients on one channel and
 * one pattern (un)subscribing and disconnecting in a seeded random order
 * still get every message exactly once; one client's 10,000 channels
 * dropped in random order leave exactly the others, and UNSUBSCRIBE with
 * no argument then drops those in subscription order (Tern's order: Redis
 * walks a hash table, so that one check is skipped against it). No timing
 * is asserted. Validated against redis-server
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

/* Read one reply on a subscribed hiredis context and check it is the array
 * [a, b, c] ([a, b, c, d] when d != NULL), with integers given as text. */
static void expect_msg(redisContext *c, const char *a, const char *b, const char *cc, const char *d)
{
    redisReply *r = NULL;
    assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    const char *want[4] = {a, b, cc, d};
    size_t n = d ? 4 : 3;
    assert_int_equal(r->elements, n);
    for (size_t i = 0; i < n; i++) {
        redisReply *e = r->element[i];
        char buf[64];
        const char *got = buf;
        if (e->type == REDIS_REPLY_INTEGER)
            snprintf(buf, sizeof buf, "%lld", e->integer);
        else if (e->type == REDIS_REPLY_NIL)
            got = "(nil)";
        else
            got = e->str;
        assert_string_equal(got, want[i]);
    }
    freeReplyObject(r);
}

/* Integer reply of a command. */
static long long cmd_int(redisContext *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    long long v = r->integer;
    freeReplyObject(r);
    return v;
}

/* PUBSUB NUMSUB ch: the count. */
static long long numsub(redisContext *c, const char *ch)
{
    redisReply *r = redisCommand(c, "PUBSUB NUMSUB %s", ch);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 2);
    long long v = r->element[1]->integer;
    freeReplyObject(r);
    return v;
}

static int wait_numsub(redisContext *c, const char *ch, long long want)
{
    for (int i = 0; i < 300; i++) {
        if (numsub(c, ch) == want)
            return 0;
        hs_sleep_ms(10);
    }
    return -1;
}

static void test_channels_and_patterns(void **state)
{
    struct hserver *s = *state;
    redisContext *sub = hs_connect(s), *pub = hs_connect(s);
    redisAppendCommand(sub, "SUBSCRIBE news sport");
    expect_msg(sub, "subscribe", "news", "1", NULL);
    expect_msg(sub, "subscribe", "sport", "2", NULL);
    redisAppendCommand(sub, "PSUBSCRIBE n*");
    expect_msg(sub, "psubscribe", "n*", "3", NULL);

    assert_int_equal(cmd_int(pub, "PUBLISH news hello"), 2); /* channel + pattern */
    expect_msg(sub, "message", "news", "hello", NULL);
    expect_msg(sub, "pmessage", "n*", "news", "hello");
    assert_int_equal(cmd_int(pub, "PUBLISH sport goal"), 1);
    expect_msg(sub, "message", "sport", "goal", NULL);
    assert_int_equal(cmd_int(pub, "PUBLISH nothing x"), 1);
    expect_msg(sub, "pmessage", "n*", "nothing", "x");
    assert_int_equal(cmd_int(pub, "PUBLISH other x"), 0);
    /* Binary-safe payloads. */
    assert_int_equal(cmd_int(pub, "PUBLISH %b %b", "news", (size_t)4, "a\0b", (size_t)3), 2);
    redisReply *r = NULL;
    assert_int_equal(redisGetReply(sub, (void **)&r), REDIS_OK);
    assert_int_equal(r->element[2]->len, 3);
    assert_memory_equal(r->element[2]->str, "a\0b", 3);
    freeReplyObject(r);
    expect_msg(sub, "pmessage", "n*", "news", "a");

    assert_int_equal(numsub(pub, "news"), 1);
    assert_int_equal(numsub(pub, "none"), 0);
    assert_int_equal(cmd_int(pub, "PUBSUB NUMPAT"), 1);
    r = redisCommand(pub, "PUBSUB CHANNELS s*");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 1);
    assert_string_equal(r->element[0]->str, "sport");
    freeReplyObject(r);

    /* Named and unnamed unsubscribes, then the "nothing left" reply. */
    redisAppendCommand(sub, "UNSUBSCRIBE news nope");
    expect_msg(sub, "unsubscribe", "news", "2", NULL);
    expect_msg(sub, "unsubscribe", "nope", "2", NULL);
    redisAppendCommand(sub, "PUNSUBSCRIBE");
    expect_msg(sub, "punsubscribe", "n*", "1", NULL);
    redisAppendCommand(sub, "UNSUBSCRIBE");
    expect_msg(sub, "unsubscribe", "sport", "0", NULL);
    redisAppendCommand(sub, "UNSUBSCRIBE");
    expect_msg(sub, "unsubscribe", "(nil)", "0", NULL);
    assert_int_equal(cmd_int(pub, "PUBSUB NUMPAT"), 0);
    /* Out of subscribed mode: ordinary commands work again. */
    assert_int_equal(hs_cmd_expect(sub, "PONG", "PING"), 0);
}

static void test_resp2_context(void **state)
{
    struct hserver *s = *state;
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    hs_send_str(fd, "SUBSCRIBE c\r\nGET k\r\nCONFIG GET maxmemory\r\nPING\r\nPING hi\r\n");
    assert_int_equal(
        hs_expect(fd,
                  "*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n"
                  "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / "
                  "PING / QUIT / RESET are allowed in this context\r\n"
                  "-ERR Can't execute 'config|get': only (P|S)SUBSCRIBE / "
                  "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n"
                  "*2\r\n$4\r\npong\r\n$0\r\n\r\n"
                  "*2\r\n$4\r\npong\r\n$2\r\nhi\r\n",
                  2000),
        0);
    /* A shard subscription alone keeps the context; RESET leaves it. */
    hs_send_str(fd, "UNSUBSCRIBE\r\nSSUBSCRIBE sh\r\nECHO x\r\nRESET\r\nECHO y\r\n");
    assert_int_equal(
        hs_expect(fd,
                  "*3\r\n$11\r\nunsubscribe\r\n$1\r\nc\r\n:0\r\n"
                  "*3\r\n$10\r\nssubscribe\r\n$2\r\nsh\r\n:1\r\n"
                  "-ERR Can't execute 'echo': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / "
                  "PING / QUIT / RESET are allowed in this context\r\n"
                  "+RESET\r\n$1\r\ny\r\n",
                  2000),
        0);
    redisContext *c = hs_connect(s);
    assert_int_equal(cmd_int(c, "SPUBLISH sh m"), 0); /* RESET dropped it */
}

static void test_resp3_push(void **state)
{
    struct hserver *s = *state;
    redisContext *pub = hs_connect(s);
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    char buf[4096];
    hs_send_str(fd, "HELLO 3\r\n");
    assert_true(hs_read_until(fd, buf, sizeof buf, "*0\r\n", 2000) > 0); /* ... modules *0 */
    hs_send_str(fd, "SUBSCRIBE c\r\nPSUBSCRIBE c*\r\nSET k v\r\nGET k\r\n");
    assert_int_equal(hs_expect(fd,
                               ">3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n"
                               ">3\r\n$10\r\npsubscribe\r\n$2\r\nc*\r\n:2\r\n+OK\r\n$1\r\nv\r\n",
                               2000),
                     0);
    assert_int_equal(cmd_int(pub, "PUBLISH c hi"), 2);
    assert_int_equal(hs_expect(fd,
                               ">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$2\r\nhi\r\n"
                               ">4\r\n$8\r\npmessage\r\n$2\r\nc*\r\n$1\r\nc\r\n$2\r\nhi\r\n",
                               2000),
                     0);
    /* Pushes are written even under CLIENT REPLY OFF; the PING reply is not. */
    hs_send_str(fd, "CLIENT REPLY OFF\r\nPING\r\n");
    hs_sleep_ms(50);
    assert_int_equal(cmd_int(pub, "PUBLISH c x"), 2);
    assert_int_equal(hs_expect(fd,
                               ">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nx\r\n"
                               ">4\r\n$8\r\npmessage\r\n$2\r\nc*\r\n$1\r\nc\r\n$1\r\nx\r\n",
                               2000),
                     0);
    hs_send_str(fd, "CLIENT REPLY ON\r\nUNSUBSCRIBE\r\nUNSUBSCRIBE\r\n");
    assert_int_equal(hs_expect(fd,
                               "+OK\r\n>3\r\n$11\r\nunsubscribe\r\n$1\r\nc\r\n:1\r\n"
                               ">3\r\n$11\r\nunsubscribe\r\n_\r\n:1\r\n",
                               2000),
                     0);
}

static void test_shard_channels(void **state)
{
    struct hserver *s = *state;
    redisContext *sub = hs_connect(s), *pub = hs_connect(s);
    redisAppendCommand(sub, "SSUBSCRIBE sc");
    expect_msg(sub, "ssubscribe", "sc", "1", NULL);
    redisAppendCommand(sub, "SUBSCRIBE sc");
    expect_msg(sub, "subscribe", "sc", "1", NULL); /* separate counts */
    assert_int_equal(cmd_int(pub, "SPUBLISH sc m1"), 1);
    expect_msg(sub, "smessage", "sc", "m1", NULL);
    assert_int_equal(cmd_int(pub, "PUBLISH sc m2"), 1);
    expect_msg(sub, "message", "sc", "m2", NULL);
    redisReply *r = redisCommand(pub, "PUBSUB SHARDNUMSUB sc x");
    assert_int_equal(r->elements, 4);
    assert_int_equal(r->element[1]->integer, 1);
    assert_int_equal(r->element[3]->integer, 0);
    freeReplyObject(r);
    r = redisCommand(pub, "PUBSUB SHARDCHANNELS");
    assert_int_equal(r->elements, 1);
    assert_string_equal(r->element[0]->str, "sc");
    freeReplyObject(r);
    redisAppendCommand(sub, "SUNSUBSCRIBE");
    expect_msg(sub, "sunsubscribe", "sc", "0", NULL);
}

static void test_cleanup_on_close(void **state)
{
    struct hserver *s = *state;
    redisContext *pub = hs_connect(s);
    redisContext *subs[20];
    for (int i = 0; i < 20; i++) {
        subs[i] = hs_connect(s);
        redisAppendCommand(subs[i], "SUBSCRIBE gone");
        expect_msg(subs[i], "subscribe", "gone", "1", NULL);
        redisAppendCommand(subs[i], "PSUBSCRIBE g*");
        expect_msg(subs[i], "psubscribe", "g*", "2", NULL);
    }
    assert_int_equal(cmd_int(pub, "PUBLISH gone x"), 40);
    for (int i = 0; i < 20; i += 2)
        hs_close_ctx(s, subs[i]);
    assert_int_equal(wait_numsub(pub, "gone", 10), 0);
    assert_int_equal(cmd_int(pub, "PUBLISH gone y"), 20);
    for (int i = 1; i < 20; i += 2)
        hs_close_ctx(s, subs[i]);
    assert_int_equal(wait_numsub(pub, "gone", 0), 0);
    assert_int_equal(cmd_int(pub, "PUBSUB NUMPAT"), 0);
    redisReply *r = redisCommand(pub, "PUBSUB CHANNELS");
    assert_int_equal(r->elements, 0);
    freeReplyObject(r);
}

/* A subscriber that never reads is disconnected by the pubsub class limit;
 * the publisher and a subscriber that reads are not affected. */
static void test_slow_subscriber(void **state)
{
    struct hserver *s = *state;
    redisContext *pub = hs_connect(s);
    assert_int_equal(
        hs_cmd_expect(pub, "OK", "CONFIG SET client-output-buffer-limit %s", "pubsub 1mb 256kb 60"),
        0);
    int slow = hs_raw_connect(s, 4096);
    assert_true(slow >= 0);
    hs_send_str(slow, "SUBSCRIBE feed\r\n");
    redisContext *fast = hs_connect(s);
    redisAppendCommand(fast, "SUBSCRIBE feed");
    expect_msg(fast, "subscribe", "feed", "1", NULL);
    assert_int_equal(wait_numsub(pub, "feed", 2), 0);

    static char payload[64 * 1024];
    memset(payload, 'p', sizeof payload);
    long long receivers_first = -1, receivers_last = -1;
    for (int i = 0; i < 160; i++) {
        long long n = cmd_int(pub, "PUBLISH feed %b", payload, sizeof payload);
        if (i == 0)
            receivers_first = n;
        receivers_last = n;
        redisReply *r = NULL;
        assert_int_equal(redisGetReply(fast, (void **)&r), REDIS_OK);
        assert_int_equal(r->element[2]->len, sizeof payload);
        freeReplyObject(r);
    }
    assert_int_equal(receivers_first, 2);
    assert_int_equal(receivers_last, 1); /* the slow one is gone */
    assert_int_equal(hs_wait_closed(slow, 3000, NULL), 1);
    assert_int_equal(numsub(pub, "feed"), 1);
    assert_int_equal(hs_cmd_expect(pub, "PONG", "PING"), 0);
    /* A normal (non-subscribed) client is held to the normal class only. */
    assert_int_equal(
        hs_cmd_expect(pub, "OK", "CONFIG SET client-output-buffer-limit %s", "pubsub 32mb 8mb 60"),
        0);
}

/* Subscribe c to ch and consume the confirmation. */
static void sub_one(redisContext *c, const char *ch, const char *count)
{
    redisAppendCommand(c, "SUBSCRIBE %s", ch);
    expect_msg(c, "subscribe", ch, count, NULL);
}

static void test_keyspace_events(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s), *sub = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET notify-keyspace-events KEA"), 0);
    sub_one(sub, "__keyspace@0__:foo", "1");
    sub_one(sub, "__keyevent@0__:del", "2");
    sub_one(sub, "__keyevent@0__:expired", "3");
    assert_int_equal(hs_cmd_expect(c, "OK", "SET foo bar"), 0);
    expect_msg(sub, "message", "__keyspace@0__:foo", "set", NULL);
    assert_int_equal(cmd_int(c, "DEL foo"), 1);
    expect_msg(sub, "message", "__keyspace@0__:foo", "del", NULL);
    expect_msg(sub, "message", "__keyevent@0__:del", "foo", NULL);

    /* Lazy expiry (active expiry off), then active expiry. */
    assert_int_equal(hs_cmd_expect(c, "OK", "DEBUG SET-ACTIVE-EXPIRE 0"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET foo v PX 10"), 0);
    expect_msg(sub, "message", "__keyspace@0__:foo", "set", NULL);
    expect_msg(sub, "message", "__keyspace@0__:foo", "expire", NULL); /* SET ... PX */
    hs_sleep_ms(30);
    redisReply *r = redisCommand(c, "GET foo");
    assert_int_equal(r->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
    expect_msg(sub, "message", "__keyspace@0__:foo", "expired", NULL);
    expect_msg(sub, "message", "__keyevent@0__:expired", "foo", NULL);
    assert_int_equal(hs_cmd_expect(c, "OK", "DEBUG SET-ACTIVE-EXPIRE 1"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET foo v PX 10"), 0);
    expect_msg(sub, "message", "__keyspace@0__:foo", "set", NULL);
    expect_msg(sub, "message", "__keyspace@0__:foo", "expire", NULL);
    expect_msg(sub, "message", "__keyspace@0__:foo", "expired", NULL); /* no command touches it */
    expect_msg(sub, "message", "__keyevent@0__:expired", "foo", NULL);

    /* Class filtering: generic only, keyevent only. */
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET notify-keyspace-events Eg"), 0);
    r = redisCommand(c, "CONFIG GET notify-keyspace-events");
    assert_string_equal(r->element[1]->str, "gE");
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET foo bar"), 0); /* '$': not enabled */
    assert_int_equal(cmd_int(c, "DEL foo"), 1);
    expect_msg(sub, "message", "__keyevent@0__:del", "foo", NULL); /* K is off */
    /* Other databases carry their number. */
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET notify-keyspace-events Kg"), 0);
    sub_one(sub, "__keyspace@3__:foo", "4");
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 3"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET foo bar"), 0);
    assert_int_equal(cmd_int(c, "EXPIRE foo 100"), 1);
    expect_msg(sub, "message", "__keyspace@3__:foo", "expire", NULL);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET notify-keyspace-events %s", ""), 0);
    assert_int_equal(cmd_int(c, "DEL foo"), 1);
    assert_int_equal(cmd_int(c, "PUBLISH __keyspace@3__:foo marker"), 1);
    expect_msg(sub, "message", "__keyspace@3__:foo", "marker", NULL); /* nothing before it */
}

/* CLIENT LIST fields and TYPE filter, CLIENT KILL TYPE pubsub, INFO stats. */
static void test_client_list_and_info(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s), *sub = hs_connect(s);
    redisAppendCommand(sub, "SUBSCRIBE a b");
    expect_msg(sub, "subscribe", "a", "1", NULL);
    expect_msg(sub, "subscribe", "b", "2", NULL);
    redisAppendCommand(sub, "PSUBSCRIBE p*");
    expect_msg(sub, "psubscribe", "p*", "3", NULL);
    redisAppendCommand(sub, "SSUBSCRIBE s");
    expect_msg(sub, "ssubscribe", "s", "1", NULL);
    redisReply *r = redisCommand(c, "CLIENT LIST TYPE pubsub");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_non_null(strstr(r->str, " flags=P "));
    assert_non_null(strstr(r->str, " sub=2 psub=1 ssub=1 "));
    assert_null(strstr(r->str, "cmd=client|list")); /* not the caller */
    freeReplyObject(r);
    r = redisCommand(c, "CLIENT LIST TYPE normal");
    assert_null(strstr(r->str, "flags=P"));
    assert_non_null(strstr(r->str, " sub=0 psub=0 ssub=0 "));
    freeReplyObject(r);
    r = redisCommand(c, "INFO stats");
    assert_non_null(
        strstr(r->str, "pubsub_channels:2\r\npubsub_patterns:1\r\npubsubshard_channels:1\r\n"));
    freeReplyObject(r);
    assert_int_equal(cmd_int(c, "CLIENT KILL TYPE pubsub"), 1);
    assert_int_equal(wait_numsub(c, "a", 0), 0);
    assert_int_equal(cmd_int(c, "PUBSUB NUMPAT"), 0);
}

/* ---- many subscribers ---- */

#define NSUBS  3000  /* clients on one channel (harness tracks <= 4096) */
#define NCHANS 10000 /* channels of one client */
#define ROUNDS 8

/* A small seeded generator (xorshift64*), so a failure can be replayed. */
static unsigned long long rng_state;

static unsigned rng(unsigned n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 0x2545f4914f6cdd1dull) >> 33) % n;
}

static void shuffle(int *v, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng((unsigned)i + 1), t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

static int setup_many(void **state)
{
    if (hs_raise_nofile(NSUBS + 200) < NSUBS + 200) {
        fprintf(stderr, "cannot raise RLIMIT_NOFILE\n");
        return -1;
    }
    return hs_setup_debug(state);
}

struct subr {
    redisContext *c; /* NULL once disconnected */
    int ch, pat;     /* subscribed to "hot" / "h*" */
};

/* Publish to "hot" and check each live client gets exactly what it is
 * subscribed to (message, then pmessage) and nothing more: a PING sent
 * right after must be the next reply. */
static void publish_and_check(redisContext *pub, struct subr *v, int n, int round)
{
    long long want = 0;
    for (int i = 0; i < n; i++)
        if (v[i].c)
            want += v[i].ch + v[i].pat;
    char msg[32];
    snprintf(msg, sizeof msg, "m%d", round);
    assert_int_equal(cmd_int(pub, "PUBLISH hot %s", msg), want);
    for (int i = 0; i < n; i++)
        if (v[i].c)
            assert_int_equal(redisAppendCommand(v[i].c, "PING"), REDIS_OK);
    for (int i = 0; i < n; i++) {
        if (!v[i].c)
            continue;
        if (v[i].ch)
            expect_msg(v[i].c, "message", "hot", msg, NULL);
        if (v[i].pat)
            expect_msg(v[i].c, "pmessage", "h*", "hot", msg);
        redisReply *r = NULL;
        assert_int_equal(redisGetReply(v[i].c, (void **)&r), REDIS_OK);
        if (v[i].ch || v[i].pat) {
            assert_int_equal(r->type, REDIS_REPLY_ARRAY); /* ["pong", ""] */
            assert_string_equal(r->element[0]->str, "pong");
        } else {
            assert_int_equal(r->type, REDIS_REPLY_STATUS);
            assert_string_equal(r->str, "PONG");
        }
        freeReplyObject(r);
    }
}

/* Subscribe x to / unsubscribe it from "hot" (pat 0) or "h*" (pat 1),
 * checking the confirmation's count. */
static void set_sub(struct subr *x, int pat, int on)
{
    char count[16];
    if (pat)
        x->pat = on;
    else
        x->ch = on;
    snprintf(count, sizeof count, "%d", x->ch + x->pat);
    static const char *const cmds[2][2] = {{"UNSUBSCRIBE hot", "SUBSCRIBE hot"},
                                           {"PUNSUBSCRIBE h*", "PSUBSCRIBE h*"}};
    static const char *const kinds[2][2] = {{"unsubscribe", "subscribe"},
                                            {"punsubscribe", "psubscribe"}};
    redisAppendCommand(x->c, cmds[pat][on]);
    expect_msg(x->c, kinds[pat][on], pat ? "h*" : "hot", count, NULL);
}

/* One random step for x: toggle its channel (3 in 4) or its pattern. */
static void toggle_one(struct subr *x)
{
    if (rng(4) != 0)
        set_sub(x, 0, !x->ch);
    else
        set_sub(x, 1, !x->pat);
}

/* NSUBS clients on "hot" and "h*"; each round a random half of them, in
 * random order, drop or take back one subscription, a few disconnect, and
 * a publish must reach exactly the subscribed ones. */
static void test_many_subscribers_one_channel(void **state)
{
    struct hserver *s = *state;
    rng_state = 0x7465726e5f707362ull; /* fixed seed: reproducible */
    redisContext *pub = hs_connect(s);
    static struct subr v[NSUBS];
    static int order[NSUBS];
    for (int i = 0; i < NSUBS; i++) {
        v[i].c = hs_connect(s);
        v[i].ch = v[i].pat = 1;
        redisAppendCommand(v[i].c, "SUBSCRIBE hot");
        redisAppendCommand(v[i].c, "PSUBSCRIBE h*");
        order[i] = i;
    }
    for (int i = 0; i < NSUBS; i++) {
        expect_msg(v[i].c, "subscribe", "hot", "1", NULL);
        expect_msg(v[i].c, "psubscribe", "h*", "2", NULL);
    }
    assert_int_equal(numsub(pub, "hot"), NSUBS);
    publish_and_check(pub, v, NSUBS, 0);
    for (int round = 1; round <= ROUNDS; round++) {
        shuffle(order, NSUBS);
        for (int k = 0; k < NSUBS / 2; k++) {
            struct subr *x = &v[order[k]];
            if (x->c)
                toggle_one(x);
        }
        /* A few subscribed clients go away; the close is asynchronous, so
         * wait until NUMSUB shows it (the pattern goes in the same step). */
        long long on_ch = 0;
        for (int k = NSUBS / 2; k < NSUBS / 2 + 20; k++) {
            struct subr *x = &v[order[k]];
            if (x->c && x->ch) {
                hs_close_ctx(s, x->c);
                x->c = NULL;
            }
        }
        for (int i = 0; i < NSUBS; i++)
            on_ch += v[i].c && v[i].ch;
        assert_int_equal(wait_numsub(pub, "hot", on_ch), 0);
        publish_and_check(pub, v, NSUBS, round);
    }
    /* Everyone leaves in random order: nothing is left behind. */
    shuffle(order, NSUBS);
    for (int k = 0; k < NSUBS; k++) {
        struct subr *x = &v[order[k]];
        if (x->c && x->ch)
            set_sub(x, 0, 0);
        if (x->c && x->pat)
            set_sub(x, 1, 0);
    }
    assert_int_equal(numsub(pub, "hot"), 0);
    assert_int_equal(cmd_int(pub, "PUBSUB NUMPAT"), 0);
    publish_and_check(pub, v, NSUBS, ROUNDS + 1); /* 0 receivers, nothing arrives */
    redisReply *r = redisCommand(pub, "PUBSUB CHANNELS");
    assert_int_equal(r->elements, 0);
    freeReplyObject(r);
}

/* Send cmd followed by the channel names idx[0..n-1] ("ch:<i>") as one
 * command. */
static void send_names(redisContext *c, const char *cmd, const int *idx, int n)
{
    const char **argv = malloc(sizeof(*argv) * (size_t)(n + 1));
    char(*bufs)[16] = malloc(sizeof(*bufs) * (size_t)n);
    assert_non_null(argv);
    assert_non_null(bufs);
    argv[0] = cmd;
    for (int i = 0; i < n; i++) {
        snprintf(bufs[i], sizeof bufs[i], "ch:%d", idx[i]);
        argv[i + 1] = bufs[i];
    }
    assert_int_equal(redisAppendCommandArgv(c, n + 1, argv, NULL), REDIS_OK);
    free(argv);
    free(bufs);
}

/* Read one [kind, name, count] confirmation; returns the index in "ch:<i>". */
static int read_confirm(redisContext *c, const char *kind, long long count)
{
    redisReply *r = NULL;
    assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 3);
    assert_string_equal(r->element[0]->str, kind);
    assert_int_equal(r->element[2]->integer, count);
    assert_true(strncmp(r->element[1]->str, "ch:", 3) == 0);
    int i = atoi(r->element[1]->str + 3);
    freeReplyObject(r);
    return i;
}

/* One client on NCHANS channels drops 90% of them in random order; the
 * rest still deliver, the dropped ones do not, and the final UNSUBSCRIBE
 * returns exactly the rest. */
static void test_many_channels_one_client(void **state)
{
    struct hserver *s = *state;
    rng_state = 0x6d616e796368616eull;
    redisContext *c = hs_connect(s), *pub = hs_connect(s);
    static int idx[NCHANS];
    static char on[NCHANS];
    for (int i = 0; i < NCHANS; i++)
        idx[i] = i;
    for (int i = 0; i < NCHANS; i += 1000)
        send_names(c, "SUBSCRIBE", idx + i, 1000);
    for (int i = 0; i < NCHANS; i++) {
        assert_int_equal(read_confirm(c, "subscribe", i + 1), i);
        on[i] = 1;
    }
    shuffle(idx, NCHANS);
    long long left = NCHANS;
    const int drop = NCHANS - NCHANS / 10, chunk = 500;
    for (int k = 0; k < drop; k += chunk) {
        send_names(c, "UNSUBSCRIBE", idx + k, chunk);
        for (int j = 0; j < chunk; j++) {
            assert_int_equal(read_confirm(c, "unsubscribe", --left), idx[k + j]);
            on[idx[k + j]] = 0;
        }
        /* One dropped and one kept channel, picked at random. */
        char name[16];
        snprintf(name, sizeof name, "ch:%d", idx[rng((unsigned)(k + chunk))]);
        assert_int_equal(cmd_int(pub, "PUBLISH %s x", name), 0);
        snprintf(name, sizeof name, "ch:%d", idx[k + chunk + (int)rng((unsigned)(drop - k))]);
        assert_int_equal(cmd_int(pub, "PUBLISH %s y", name), 1);
        expect_msg(c, "message", name, "y", NULL);
    }
    assert_int_equal(hs_info_field(pub, "stats", "pubsub_channels"), NCHANS / 10);
    /* The rest, in subscription order (ascending index) on Tern. */
    int strict = strstr(hs_server_path(), "redis-server") == NULL;
    int prev = -1;
    redisAppendCommand(c, "UNSUBSCRIBE");
    for (long long n = left - 1; n >= 0; n--) {
        int i = read_confirm(c, "unsubscribe", n);
        assert_true(i >= 0 && i < NCHANS && on[i]);
        on[i] = 0;
        if (strict)
            assert_true(i > prev);
        prev = i;
    }
    assert_int_equal(hs_info_field(pub, "stats", "pubsub_channels"), 0);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0); /* out of subscribed mode */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_channels_and_patterns, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_resp2_context, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_resp3_push, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_shard_channels, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_cleanup_on_close, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_slow_subscriber, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_keyspace_events, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_client_list_and_info, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_many_subscribers_one_channel, setup_many, hs_teardown),
        cmocka_unit_test_setup_teardown(test_many_channels_one_client, hs_setup_debug, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
