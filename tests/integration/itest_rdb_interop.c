/*
 * itest_rdb_interop.c - RDB files move both ways between Tern and Redis 7.0.
 *
 * 1. redis-server writes dump.rdb holding every type in compact and large
 *    encodings, TTLs, three dbs and one key already expired (active expiry
 *    off); Tern starts on that directory, loads it at startup, and every key
 *    matches (type, encoding, absolute expiry, contents); the expired key is
 *    gone. DUMP payloads of the keys whose layout is deterministic are
 *    compared byte for byte with rdbcompression off on both sides.
 * 2. Tern holds the same dataset and SAVEs; redis-check-rdb accepts the
 *    file and redis-server loads it with identical contents.
 *
 * Skipped (passes trivially) when /usr/bin/redis-server is missing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "harness.h"
#include "rdbsnap.h"

#define NDB 6

static void populate_all(redisContext *c)
{
    const char *dbs[] = {"0", "1", "5"};
    for (int i = 0; i < 3; i++) {
        redisReply *r = redisCommand(c, "SELECT %s", dbs[i]);
        freeReplyObject(r);
        char pfx[16];
        snprintf(pfx, sizeof(pfx), "d%s", dbs[i]);
        assert_int_equal(rs_populate(c, pfx, i == 0), 0);
    }
    redisReply *r = redisCommand(c, "SELECT 0");
    freeReplyObject(r);
}

/* Keys whose DUMP is the same on both servers (compact encodings, strings,
 * lists, skiplist zsets): everything but hashtable sets and hashes. */
static const char *const det_keys[] = {
    "d0:int",  "d0:neg",   "d0:bigint", "d0:emb",    "d0:empty", "d0:bin",
    "d0:list", "d0:iset",  "d0:iset64", "d0:hash",   "d0:zset",  "d0:long",
    "d0:rnd",  "d0:blist", "d0:bzset",  "d0:hugeel", "d0:zlong", NULL};

static void compare_dumps(redisContext *a, redisContext *b)
{
    for (int i = 0; det_keys[i]; i++) {
        redisReply *ra = redisCommand(a, "DUMP %s", det_keys[i]);
        redisReply *rb = redisCommand(b, "DUMP %s", det_keys[i]);
        assert_non_null(ra);
        assert_non_null(rb);
        if (ra->type != REDIS_REPLY_STRING || rb->type != REDIS_REPLY_STRING ||
            ra->len != rb->len || memcmp(ra->str, rb->str, ra->len) != 0) {
            fprintf(stderr, "DUMP differs for %s (len %zu vs %zu)\n", det_keys[i], ra->len,
                    rb->len);
            fail();
        }
        freeReplyObject(ra);
        freeReplyObject(rb);
    }
}

static void set_compression(redisContext *c, const char *v)
{
    redisReply *r = redisCommand(c, "CONFIG SET rdbcompression %s", v);
    assert_non_null(r);
    freeReplyObject(r);
}

static void print_diff(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    size_t from = i > 200 ? i - 200 : 0;
    fprintf(stderr, "first difference at %zu:\n--- redis: %.400s\n--- tern: %.400s\n", i, a + from,
            b + from);
}

static void test_redis_to_tern(void **state)
{
    (void)state;
    if (!rs_have_redis())
        skip();
    char dir[] = "/tmp/tern-rdbinterop-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct rs_redis rr;
    redisContext *rc = rs_redis_start(&rr, dir, rs_free_port());
    assert_non_null(rc);
    populate_all(rc);
    /* One key that has expired but was never reaped: Redis writes it, Tern
     * must skip it on load. */
    redisReply *r = redisCommand(rc, "DEBUG SET-ACTIVE-EXPIRE 0");
    freeReplyObject(r);
    r = redisCommand(rc, "SET d0:gone v PX 1");
    freeReplyObject(r);
    hs_sleep_ms(20);
    r = redisCommand(rc, "SAVE");
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    r = redisCommand(rc, "DEBUG SET-ACTIVE-EXPIRE 1");
    freeReplyObject(r);
    r = redisCommand(rc, "EXISTS d0:gone"); /* reap it so snapshots agree */
    freeReplyObject(r);
    char *want = rs_snapshot(rc, NDB);

    struct hserver s = {0};
    const char *extra[] = {"--dir", dir, "--dbfilename", "dump.rdb", NULL};
    assert_int_equal(hs_start(&s, extra), 0);
    redisContext *tc = hs_connect(&s);
    char *got = rs_snapshot(tc, NDB);
    if (strcmp(want, got) != 0) {
        print_diff(want, got);
        fail();
    }
    assert_int_equal(hs_cmd_expect(tc, "0", "EXISTS d0:gone"), 0);
    set_compression(rc, "no");
    set_compression(tc, "no");
    compare_dumps(rc, tc);
    free(want);
    free(got);
    rs_redis_stop(&rr, rc);
    assert_int_equal(hs_stop(&s), 0);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_tern_to_redis(void **state)
{
    (void)state;
    if (!rs_have_redis())
        skip();
    char dir[] = "/tmp/tern-rdbinterop-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct hserver s = {0};
    const char *extra[] = {"--dir", dir, "--dbfilename", "dump.rdb", NULL};
    assert_int_equal(hs_start(&s, extra), 0);
    redisContext *tc = hs_connect(&s);
    populate_all(tc);
    redisReply *r = redisCommand(tc, "SAVE");
    assert_non_null(r);
    if (r->type != REDIS_REPLY_STATUS)
        fprintf(stderr, "SAVE: %s\n", r->str ? r->str : "?");
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    char *want = rs_snapshot(tc, NDB);

    char cmd[400];
    snprintf(cmd, sizeof(cmd), "redis-check-rdb %s/dump.rdb > %s/check.log 2>&1", dir, dir);
    if (system(cmd) != 0) {
        snprintf(cmd, sizeof(cmd), "cat %s/check.log >&2", dir);
        (void)system(cmd);
        fail();
    }
    struct rs_redis rr;
    redisContext *rc = rs_redis_start(&rr, dir, rs_free_port());
    assert_non_null(rc);
    char *got = rs_snapshot(rc, NDB);
    if (strcmp(want, got) != 0) {
        print_diff(want, got);
        fail();
    }
    set_compression(rc, "no");
    set_compression(tc, "no");
    compare_dumps(rc, tc);
    free(want);
    free(got);
    rs_redis_stop(&rr, rc);
    assert_int_equal(hs_stop(&s), 0);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_redis_to_tern),
        cmocka_unit_test(test_tern_to_redis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
