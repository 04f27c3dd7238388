/*
 * itest_dump.c - DUMP and RESTORE.
 *
 * - Every key of a dataset with all types in compact and large encodings
 *   (plus LZF-compressible strings) survives DUMP, DEL, RESTORE with the
 *   same type, encoding and contents, and a DUMP of the restored key equals
 *   the first one for deterministic encodings.
 * - Payloads cross servers both ways: Redis 7.0's DUMPs restore into Tern,
 *   Tern's into Redis, contents identical (skipped without redis-server).
 * - RESTORE fires the "restore" keyspace event; TTL and ABSTTL set the
 *   expiry; a corrupt payload never leaves a key behind, with
 *   sanitize-dump-payload yes too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "rdbsnap.h"

/* Move every key of src's db 0 to dst through DUMP/RESTORE (keeping TTLs
 * with ABSTTL). Returns the number of keys moved. */
static size_t transfer(redisContext *src, redisContext *dst, int del_first)
{
    redisReply *keys = redisCommand(src, "KEYS *");
    assert_int_equal(keys->type, REDIS_REPLY_ARRAY);
    for (size_t i = 0; i < keys->elements; i++) {
        const char *k = keys->element[i]->str;
        size_t kl = keys->element[i]->len;
        redisReply *d = redisCommand(src, "DUMP %b", k, kl);
        redisReply *t = redisCommand(src, "PEXPIRETIME %b", k, kl);
        assert_int_equal(d->type, REDIS_REPLY_STRING);
        if (del_first) {
            redisReply *x = redisCommand(dst, "DEL %b", k, kl);
            freeReplyObject(x);
        }
        long long ttl = t->integer > 0 ? t->integer : 0;
        redisReply *r = redisCommand(dst, "RESTORE %b %lld %b ABSTTL", k, kl, ttl, d->str, d->len);
        if (r->type != REDIS_REPLY_STATUS)
            fprintf(stderr, "RESTORE %s: %s\n", k, r->str);
        assert_int_equal(r->type, REDIS_REPLY_STATUS);
        freeReplyObject(r);
        freeReplyObject(d);
        freeReplyObject(t);
    }
    size_t n = keys->elements;
    freeReplyObject(keys);
    return n;
}

static void test_roundtrip(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    redisContext *c2 = hs_connect(s);
    assert_int_equal(rs_populate(c, "k", 1), 0);
    char *before = rs_snapshot(c, 1);
    redisReply *r = redisCommand(c2, "SELECT 1");
    freeReplyObject(r);
    size_t n = transfer(c, c2, 1);
    assert_true(n > 20);
    r = redisCommand(c, "FLUSHDB");
    freeReplyObject(r);
    r = redisCommand(c, "SWAPDB 0 1");
    freeReplyObject(r);
    char *after = rs_snapshot(c, 1);
    assert_string_equal(before, after);
    /* DUMP of a restored compact value equals the original's. */
    r = redisCommand(c, "DUMP k:zset");
    redisReply *r2 = redisCommand(c, "RESTORE k:zcopy 0 %b", r->str, r->len);
    assert_int_equal(r2->type, REDIS_REPLY_STATUS);
    redisReply *r3 = redisCommand(c, "DUMP k:zcopy");
    assert_int_equal(r->len, r3->len);
    assert_memory_equal(r->str, r3->str, r->len);
    freeReplyObject(r);
    freeReplyObject(r2);
    freeReplyObject(r3);
    free(before);
    free(after);
    r = redisCommand(c, "FLUSHALL");
    freeReplyObject(r);
}

static void test_cross_server(void **state)
{
    struct hserver *s = *state;
    if (!rs_have_redis())
        skip();
    char dir[] = "/tmp/tern-dump-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct rs_redis rr;
    redisContext *rc = rs_redis_start(&rr, dir, rs_free_port());
    assert_non_null(rc);
    redisContext *c = hs_connect(s);
    /* Redis -> Tern */
    assert_int_equal(rs_populate(rc, "x", 1), 0);
    char *want = rs_snapshot(rc, 1);
    transfer(rc, c, 0);
    char *got = rs_snapshot(c, 1);
    assert_string_equal(want, got);
    free(got);
    /* Tern -> Redis */
    redisReply *r = redisCommand(rc, "FLUSHALL");
    freeReplyObject(r);
    transfer(c, rc, 0);
    got = rs_snapshot(rc, 1);
    assert_string_equal(want, got);
    free(want);
    free(got);
    r = redisCommand(c, "FLUSHALL");
    freeReplyObject(r);
    rs_redis_stop(&rr, rc);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_events_and_ttl(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    redisContext *sub = hs_connect(s);
    redisReply *r = redisCommand(c, "CONFIG SET notify-keyspace-events KEA");
    freeReplyObject(r);
    r = redisCommand(sub, "SUBSCRIBE __keyevent@0__:restore");
    freeReplyObject(r);
    r = redisCommand(c, "SET src hello");
    freeReplyObject(r);
    redisReply *d = redisCommand(c, "DUMP src");
    r = redisCommand(c, "RESTORE dst 5000 %b", d->str, d->len);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    void *vr;
    assert_int_equal(redisGetReply(sub, &vr), REDIS_OK);
    r = vr;
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_string_equal(r->element[2]->str, "dst");
    freeReplyObject(r);
    r = redisCommand(c, "PTTL dst");
    assert_true(r->integer > 4000 && r->integer <= 5000);
    freeReplyObject(r);
    /* An absolute TTL in the past with REPLACE deletes the key. */
    r = redisCommand(c, "RESTORE dst 1 %b ABSTTL REPLACE", d->str, d->len);
    assert_int_equal(r->type, REDIS_REPLY_STATUS);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS dst"), 0);
    /* Corrupt payloads leave nothing, sanitized or not. */
    const char *modes[] = {"no", "yes"};
    for (int m = 0; m < 2; m++) {
        r = redisCommand(c, "CONFIG SET sanitize-dump-payload %s", modes[m]);
        freeReplyObject(r);
        for (size_t cut = 0; cut + 10 < d->len; cut++) {
            char buf[64];
            memcpy(buf, d->str, d->len);
            buf[cut] ^= 0x5a;
            r = redisCommand(c, "RESTORE bad 0 %b", buf, d->len);
            assert_int_equal(r->type, REDIS_REPLY_ERROR);
            freeReplyObject(r);
        }
        assert_int_equal(hs_cmd_expect(c, "0", "EXISTS bad"), 0);
    }
    r = redisCommand(c, "CONFIG SET sanitize-dump-payload no");
    freeReplyObject(r);
    r = redisCommand(c, "CONFIG SET notify-keyspace-events \"\"");
    freeReplyObject(r);
    freeReplyObject(d);
    r = redisCommand(c, "FLUSHALL");
    freeReplyObject(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_cross_server),
        cmocka_unit_test(test_events_and_ttl),
    };
    return cmocka_run_group_tests(tests, hs_setup, hs_teardown);
}
