/*
 * itest_expire.c - active expiry.
 *
 * 100,000 keys set with PX 100 (pipelined) must be removed by the server's
 * own expiry cycle, without any client touching them, so that at least 99%
 * are gone within a few seconds. Only DBSIZE is polled (it never expires a
 * key lazily), INFO's expired_keys must account for them, and keys without
 * a TTL must survive.
 *
 * DEBUG OBJECT on a key that has expired but was not reaped yet (active
 * expiry off) describes it and leaves it in place, as Redis 7.0 reads the
 * keyspace directly there: DBSIZE and expired_keys do not change until a
 * normal lookup reaps it.
 *
 * Validated against redis-server 7.0.15 (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define NVOLATILE   100000
#define NPERSISTENT 100
#define BATCH       10000
#define LIMIT_MS    10000 /* "a few seconds", generously; doubled when sanitized */

/* Run an integer-reply command and return the integer. */
static long long int_cmd(redisContext *c, const char *cmd)
{
    redisReply *r = redisCommand(c, cmd);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    long long v = r->integer;
    freeReplyObject(r);
    return v;
}

/* Send `n` commands made by fmt with an index, pipelined, and check each
 * reply is +OK. */
static void pipeline_set(redisContext *c, const char *fmt, int n)
{
    for (int base = 0; base < n; base += BATCH) {
        int end = base + BATCH < n ? base + BATCH : n;
        for (int i = base; i < end; i++)
            assert_int_equal(redisAppendCommand(c, fmt, i), REDIS_OK);
        for (int i = base; i < end; i++) {
            redisReply *r = NULL;
            assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
            assert_non_null(r);
            assert_int_equal(r->type, REDIS_REPLY_STATUS);
            freeReplyObject(r);
        }
    }
}

static void test_active_expiry_removes_99_percent(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    long long before = hs_info_field(c, "stats", "expired_keys");
    pipeline_set(c, "SET keep:%d v", NPERSISTENT);
    long long t0 = hs_now_ms();
    pipeline_set(c, "SET vol:%d v PX 100", NVOLATILE);
    long long loaded = hs_now_ms();

    long limit = LIMIT_MS;
    const char *san = getenv("TERN_SANITIZED");
    if (san && strcmp(san, "1") == 0)
        limit *= 2;
    long long size = -1;
    long long target = NPERSISTENT + NVOLATILE / 100;
    while (hs_now_ms() - loaded < limit) {
        size = int_cmd(c, "DBSIZE");
        if (size <= target)
            break;
        hs_sleep_ms(50);
    }
    long long done = hs_now_ms();
    fprintf(stderr, "loaded in %lld ms; DBSIZE %lld after %lld ms more\n", loaded - t0, size,
            done - loaded);
    assert_true(size >= 0 && size <= target);
    long long expired = hs_info_field(c, "stats", "expired_keys") - before;
    assert_true(expired >= NVOLATILE - NVOLATILE / 100);
    assert_true(expired <= NVOLATILE);
    /* The keys without a TTL are all still there. */
    assert_true(int_cmd(c, "DBSIZE") >= NPERSISTENT);
    assert_int_equal(int_cmd(c, "EXISTS keep:0 keep:50 keep:99"), 3);
}

static void test_debug_object_expired_key(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "DEBUG SET-ACTIVE-EXPIRE 0"), 0);
    long long before = hs_info_field(c, "stats", "expired_keys");
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k v PX 1"), 0);
    assert_int_equal(int_cmd(c, "RPUSH l a b c"), 3);
    assert_int_equal(int_cmd(c, "PEXPIRE l 1"), 1);
    hs_sleep_ms(20);
    redisReply *r = redisCommand(c, "DEBUG OBJECT k");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    assert_true(strncmp(r->str, "Value at:", 9) == 0);
    assert_non_null(strstr(r->str, " encoding:embstr "));
    freeReplyObject(r);
    r = redisCommand(c, "DEBUG OBJECT l");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    assert_non_null(strstr(r->str, " encoding:quicklist "));
    freeReplyObject(r);
    /* Still there, not counted as expired; twice is no different. */
    assert_int_equal(int_cmd(c, "DBSIZE"), 2);
    assert_int_equal(hs_info_field(c, "stats", "expired_keys"), before);
    r = redisCommand(c, "DEBUG OBJECT k");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    assert_int_equal(int_cmd(c, "DBSIZE"), 2);
    /* A normal lookup reaps it; then DEBUG OBJECT finds nothing. */
    assert_int_equal(int_cmd(c, "EXISTS k"), 0);
    assert_int_equal(int_cmd(c, "DBSIZE"), 1);
    assert_int_equal(hs_info_field(c, "stats", "expired_keys"), before + 1);
    r = redisCommand(c, "DEBUG OBJECT k");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_string_equal(r->str, "ERR no such key");
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "OK", "DEBUG SET-ACTIVE-EXPIRE 1"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_active_expiry_removes_99_percent, hs_setup,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_debug_object_expired_key, hs_setup_debug, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
