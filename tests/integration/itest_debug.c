/*
 * itest_debug.c - DEBUG DIGEST / DIGEST-VALUE, LOADAOF, HTSTATS-KEY, and
 * INCR changing a counter in place (DEBUG OBJECT's address).
 *
 * - Digests are 40 hex digits, all zeros for an empty dataset or a missing
 *   key; equal contents give equal digests whatever the insertion order of
 *   sets, hashes, sorted sets and keys, and whatever the encoding (listpack
 *   vs table, intset vs table, int vs raw string, compressed list nodes);
 *   every change (element, field value, score, list order, TTL presence,
 *   key name, database) changes them; DEBUG RELOAD and DEBUG LOADAOF keep
 *   the dataset digest.
 * - LOADAOF reloads the dataset from the AOF, keeps TTLs, and a restart
 *   afterwards loads the same dataset again; with the AOF off it loads what
 *   a BGREWRITEAOF left (changes made since are gone), and with no AOF at
 *   all it is an error and nothing changes.
 * - HTSTATS-KEY reports the table of a hashtable-encoded set or hash and
 *   the member index of a skiplist sorted set (elements add up), and errors
 *   for other encodings and missing keys.
 * - INCR of an int-encoded counter outside 0..9999 keeps the entry's
 *   address when the digits keep their length, and keeps the TTL.
 *
 * The properties hold for redis-server too (TERN_SERVER=/usr/bin/redis-server;
 * digests are only ever compared with digests from the same server), except
 * LOADAOF with no AOF at all: Redis exits there, Tern answers an error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define ok(c, ...) assert_int_equal(hs_cmd_expect((c), "OK", __VA_ARGS__), 0)

/* Run a command, expect no error; discard the reply. */
static void cmd(redisContext *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    if (r->type == REDIS_REPLY_ERROR)
        fail_msg("%s: %s", fmt, r->str);
    freeReplyObject(r);
}

/* A status/string reply copied into out (cap bytes). */
static void str_reply(redisContext *c, char *out, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    if (r->type != REDIS_REPLY_STATUS && r->type != REDIS_REPLY_STRING)
        fail_msg("%s: reply type %d %s", fmt, r->type, r->type == REDIS_REPLY_ERROR ? r->str : "");
    snprintf(out, cap, "%s", r->str);
    freeReplyObject(r);
}

static void digest(redisContext *c, char out[41])
{
    str_reply(c, out, 41, "DEBUG DIGEST");
    assert_int_equal(strlen(out), 40);
    assert_int_equal(strspn(out, "0123456789abcdef"), 40);
}

static void digest_value(redisContext *c, const char *key, char out[41])
{
    redisReply *r = redisCommand(c, "DEBUG DIGEST-VALUE %s", key);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 1);
    assert_int_equal(r->element[0]->type, REDIS_REPLY_STATUS);
    snprintf(out, 41, "%s", r->element[0]->str);
    assert_int_equal(strlen(out), 40);
    freeReplyObject(r);
}

static void assert_encoding(redisContext *c, const char *key, const char *enc)
{
    char got[64];
    str_reply(c, got, sizeof got, "OBJECT ENCODING %s", key);
    assert_string_equal(got, enc);
}

static const char zeros[] = "0000000000000000000000000000000000000000";

/* A server that accepts DEBUG (and, with aof, has the AOF on). */
static int start(void **state, int aof)
{
    struct hserver *s = calloc(1, sizeof *s);
    static const char *const plain[] = {"--enable-debug-command", "yes", NULL};
    static const char *const with_aof[] = {"--enable-debug-command", "yes", "--appendonly", "yes",
                                           NULL};
    if (s == NULL || hs_start(s, aof ? with_aof : plain) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

static int setup_debug(void **state)
{
    return start(state, 0);
}

static int setup_aof(void **state)
{
    return start(state, 1);
}

static void test_digest_empty(void **state)
{
    redisContext *c = hs_connect(*state);
    char d[41];
    digest(c, d);
    assert_string_equal(d, zeros);
    digest_value(c, "nokey", d);
    assert_string_equal(d, zeros);
    redisReply *r = redisCommand(c, "DEBUG DIGEST-VALUE");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 0);
    freeReplyObject(r);
    cmd(c, "SET k v");
    digest(c, d);
    assert_string_not_equal(d, zeros);
    cmd(c, "DEL k");
    digest(c, d);
    assert_string_equal(d, zeros);
}

/* The same dataset, built twice in different orders. */
static void build(redisContext *c, int reverse)
{
    static const char *const members[] = {"a", "b", "c", "d", "e", "1", "22", "333"};
    const int n = 8;
    if (reverse) {
        cmd(c, "SET str hello");
        cmd(c, "RPUSH list x y z");
        for (int i = n - 1; i >= 0; i--) {
            cmd(c, "ZADD zset %d %s", i * 3 - 5, members[i]);
            cmd(c, "HSET hash %s v%s", members[i], members[i]);
            cmd(c, "SADD set %s", members[i]);
            cmd(c, "SADD iset %d", i * 7);
        }
    } else {
        for (int i = 0; i < n; i++) {
            cmd(c, "SADD iset %d", i * 7);
            cmd(c, "SADD set %s", members[i]);
            cmd(c, "HSET hash %s v%s", members[i], members[i]);
            cmd(c, "ZADD zset %d %s", i * 3 - 5, members[i]);
        }
        cmd(c, "RPUSH list x y z");
        cmd(c, "SET str hello");
    }
    cmd(c, "EXPIRE str 1000");
}

static void test_digest_order(void **state)
{
    redisContext *c = hs_connect(*state);
    char d1[41], d2[41], v1[41], v2[41];
    build(c, 0);
    digest(c, d1);
    digest_value(c, "hash", v1);
    cmd(c, "FLUSHALL");
    build(c, 1);
    digest(c, d2);
    digest_value(c, "hash", v2);
    assert_string_equal(d1, d2);
    assert_string_equal(v1, v2);
    /* The value digest does not depend on the key's name. */
    cmd(c, "COPY hash hash2");
    digest_value(c, "hash2", v2);
    assert_string_equal(v1, v2);
    /* DEBUG RELOAD keeps the dataset. */
    digest(c, d1);
    ok(c, "DEBUG RELOAD");
    digest(c, d2);
    assert_string_equal(d1, d2);
}

/* Each key is built as "a" in a compact encoding and "b" in the big one;
 * the value digests must agree. */
static void test_digest_encodings(void **state)
{
    redisContext *c = hs_connect(*state);
    char va[41], vb[41];

    cmd(c, "SET sa 12345");
    cmd(c, "SET sb 1234");
    cmd(c, "APPEND sb 5");
    assert_encoding(c, "sa", "int");
    assert_encoding(c, "sb", "raw");
    digest_value(c, "sa", va);
    digest_value(c, "sb", vb);
    assert_string_equal(va, vb);

    cmd(c, "SADD seta 1 2 3 100");
    cmd(c, "HSET ha f1 v1 f2 v2 f3 3");
    cmd(c, "ZADD za 1 m1 2.5 m2 -3 m3 4 7");
    cmd(c, "RPUSH la %s", "e1");
    for (int i = 0; i < 300; i++)
        cmd(c, "RPUSH la elem-%d-%s", i, "padding-padding-padding-padding-padding");
    ok(c, "CONFIG SET set-max-intset-entries 0");
    ok(c, "CONFIG SET hash-max-listpack-entries 0");
    ok(c, "CONFIG SET zset-max-listpack-entries 0");
    ok(c, "CONFIG SET list-compress-depth 1");
    ok(c, "CONFIG SET list-max-listpack-size 4");
    cmd(c, "SADD setb 100 3 2 1");
    cmd(c, "HSET hb f3 3 f2 v2 f1 v1");
    cmd(c, "ZADD zb 4 7 -3 m3 2.5 m2 1 m1");
    cmd(c, "RPUSH lb %s", "e1");
    for (int i = 0; i < 300; i++)
        cmd(c, "RPUSH lb elem-%d-%s", i, "padding-padding-padding-padding-padding");
    assert_encoding(c, "seta", "intset");
    assert_encoding(c, "setb", "hashtable");
    assert_encoding(c, "ha", "listpack");
    assert_encoding(c, "hb", "hashtable");
    assert_encoding(c, "za", "listpack");
    assert_encoding(c, "zb", "skiplist");
    static const char *const pairs[][2] = {
        {"seta", "setb"}, {"ha", "hb"}, {"za", "zb"}, {"la", "lb"}};
    for (int i = 0; i < 4; i++) {
        digest_value(c, pairs[i][0], va);
        digest_value(c, pairs[i][1], vb);
        if (strcmp(va, vb) != 0)
            fail_msg("%s and %s differ", pairs[i][0], pairs[i][1]);
    }
    ok(c, "CONFIG SET set-max-intset-entries 512");
    ok(c, "CONFIG SET hash-max-listpack-entries 128");
    ok(c, "CONFIG SET zset-max-listpack-entries 128");
    ok(c, "CONFIG SET list-compress-depth 0");
    ok(c, "CONFIG SET list-max-listpack-size -2");
}

/* Apply a change, check both digests moved, undo it, check they are back. */
static void check_change(redisContext *c, const char *key, const char *change, const char *undo)
{
    char d0[41], v0[41], d1[41], v1[41];
    digest(c, d0);
    digest_value(c, key, v0);
    cmd(c, change);
    digest(c, d1);
    digest_value(c, key, v1);
    if (!strcmp(d0, d1) || !strcmp(v0, v1))
        fail_msg("'%s' left a digest unchanged", change);
    cmd(c, undo);
    digest(c, d1);
    digest_value(c, key, v1);
    if (strcmp(d0, d1) || strcmp(v0, v1))
        fail_msg("'%s' then '%s' did not restore the digests", change, undo);
}

static void test_digest_changes(void **state)
{
    redisContext *c = hs_connect(*state);
    build(c, 0);
    check_change(c, "str", "SET str hellp KEEPTTL", "SET str hello KEEPTTL");
    check_change(c, "str", "PERSIST str", "EXPIRE str 500");
    check_change(c, "hash", "HSET hash a other", "HSET hash a va");
    check_change(c, "hash", "HSET hash newfield x", "HDEL hash newfield");
    check_change(c, "set", "SADD set f", "SREM set f");
    check_change(c, "iset", "SREM iset 0", "SADD iset 0");
    check_change(c, "zset", "ZADD zset 100 a", "ZADD zset -5 a");
    check_change(c, "list", "LSET list 0 q", "LSET list 0 x");
    check_change(c, "list", "EXPIRE list 100", "PERSIST list");
    /* List order matters; set order does not. */
    char v1[41], v2[41];
    cmd(c, "RPUSH l1 a b");
    cmd(c, "RPUSH l2 b a");
    digest_value(c, "l1", v1);
    digest_value(c, "l2", v2);
    assert_string_not_equal(v1, v2);
    /* Element boundaries matter. */
    cmd(c, "RPUSH l3 ab");
    digest_value(c, "l3", v2);
    assert_string_not_equal(v1, v2);
    cmd(c, "HSET h1 ab c");
    cmd(c, "HSET h2 a bc");
    digest_value(c, "h1", v1);
    digest_value(c, "h2", v2);
    assert_string_not_equal(v1, v2);
    /* Same value, other type. */
    cmd(c, "SADD t1 x");
    cmd(c, "RPUSH t2 x");
    digest_value(c, "t1", v1);
    digest_value(c, "t2", v2);
    assert_string_not_equal(v1, v2);
    /* Key name and database count in the dataset digest only. */
    char d0[41], d1[41];
    digest(c, d0);
    digest_value(c, "hash", v1);
    cmd(c, "RENAME hash hash9");
    digest(c, d1);
    digest_value(c, "hash9", v2);
    assert_string_not_equal(d0, d1);
    assert_string_equal(v1, v2);
    cmd(c, "RENAME hash9 hash");
    digest(c, d1);
    assert_string_equal(d0, d1);
    cmd(c, "MOVE hash 3");
    digest(c, d1);
    assert_string_not_equal(d0, d1);
    cmd(c, "SELECT 3");
    cmd(c, "MOVE hash 0");
    digest(c, d1);
    assert_string_equal(d0, d1);
}

static void test_loadaof(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    build(c, 0);
    cmd(c, "SET counter 20000");
    cmd(c, "INCRBY counter 5");
    cmd(c, "SELECT 2");
    cmd(c, "SET other-db v PX 100000");
    cmd(c, "SELECT 0");
    char d0[41], d1[41];
    digest(c, d0);
    ok(c, "DEBUG LOADAOF");
    digest(c, d1);
    assert_string_equal(d0, d1);
    assert_int_equal(hs_cmd_expect(c, "20005", "GET counter"), 0);
    redisReply *r = redisCommand(c, "TTL str");
    assert_true(r->integer > 900 && r->integer <= 1000);
    freeReplyObject(r);
    /* Writes after the reload go on into the AOF, once each. */
    cmd(c, "INCR counter");
    digest(c, d0);
    ok(c, "DEBUG LOADAOF");
    digest(c, d1);
    assert_string_equal(d0, d1);
    assert_int_equal(hs_cmd_expect(c, "20006", "GET counter"), 0);
    assert_int_equal(hs_restart(s, (const char *const[]){"--enable-debug-command", "yes",
                                                         "--appendonly", "yes", NULL}),
                     0);
    c = hs_connect_loaded(s);
    digest(c, d1);
    assert_string_equal(d0, d1);
}

/* With the AOF off: no manifest yet is an error that changes nothing; after
 * a BGREWRITEAOF (which writes a manifest and a base) LOADAOF loads that
 * base, as Redis does. */
static void test_loadaof_off(void **state)
{
    redisContext *c = hs_connect(*state);
    cmd(c, "SET k v");
    char d0[41], d1[41];
    digest(c, d0);
    redisReply *r = redisCommand(c, "DEBUG LOADAOF");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    freeReplyObject(r);
    digest(c, d1);
    assert_string_equal(d0, d1);
    build(c, 1);
    digest(c, d0);
    cmd(c, "BGREWRITEAOF");
    for (int i = 0; i < 500 && hs_info_field(c, "persistence", "aof_rewrite_in_progress") != 0; i++)
        hs_sleep_ms(10);
    hs_sleep_ms(100); /* the parent finishes the rewrite in its cron */
    cmd(c, "SET k changed");
    cmd(c, "SET extra x");
    ok(c, "DEBUG LOADAOF");
    digest(c, d1);
    assert_string_equal(d0, d1);
    assert_int_equal(hs_cmd_expect(c, "v", "GET k"), 0);
}

/* HTSTATS-KEY of key: the elements of both tables add up to n. */
static void check_htstats(redisContext *c, const char *key, long n)
{
    char text[8192];
    str_reply(c, text, sizeof text, "DEBUG HTSTATS-KEY %s", key);
    assert_non_null(strstr(text, "Hash table 0 stats (main hash table):"));
    assert_non_null(strstr(text, "max chain length: "));
    long total = 0;
    for (const char *p = text; (p = strstr(p, "number of elements: ")) != NULL; p++)
        total += strtol(p + strlen("number of elements: "), NULL, 10);
    if (total != n)
        fail_msg("%s: %ld elements in the tables, %ld expected:\n%s", key, total, n, text);
}

static void test_htstats_key(void **state)
{
    redisContext *c = hs_connect(*state);
    for (int i = 0; i < 1000; i++) {
        cmd(c, "SADD big m%d", i);
        if (i < 600)
            cmd(c, "HSET bighash f%d v", i);
        if (i < 300)
            cmd(c, "ZADD bigz %d m%d", i, i);
    }
    check_htstats(c, "big", 1000);
    assert_encoding(c, "bighash", "hashtable");
    check_htstats(c, "bighash", 600);
    assert_encoding(c, "bigz", "skiplist");
    check_htstats(c, "bigz", 300);
    cmd(c, "SADD small 1 2");
    redisReply *r = redisCommand(c, "DEBUG HTSTATS-KEY small");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_non_null(strstr(r->str, "not represented using an hash table"));
    freeReplyObject(r);
    r = redisCommand(c, "DEBUG HTSTATS-KEY nokey");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_string_equal(r->str, "ERR no such key");
    freeReplyObject(r);
}

/* The "at:" field of DEBUG OBJECT. */
static void address(redisContext *c, const char *key, char out[64])
{
    char line[512];
    str_reply(c, line, sizeof line, "DEBUG OBJECT %s", key);
    const char *at = strstr(line, "at:");
    assert_non_null(at);
    size_t n = strcspn(at, " ");
    assert_true(n < 64);
    memcpy(out, at, n);
    out[n] = '\0';
}

static void test_incr_in_place(void **state)
{
    redisContext *c = hs_connect(*state);
    char a0[64], a1[64];
    cmd(c, "SET foo 20000 EX 1000");
    cmd(c, "INCR foo");
    address(c, "foo", a0);
    cmd(c, "INCR foo");
    cmd(c, "DECRBY foo 7");
    address(c, "foo", a1);
    assert_string_equal(a0, a1);
    assert_int_equal(hs_cmd_expect(c, "19995", "GET foo"), 0);
    assert_encoding(c, "foo", "int");
    redisReply *r = redisCommand(c, "TTL foo");
    assert_true(r->integer > 900);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "1", "OBJECT REFCOUNT foo"), 0);
    /* Negative counters too; growing digits still give the right value. */
    cmd(c, "SET neg -20000");
    address(c, "neg", a0);
    cmd(c, "INCR neg");
    address(c, "neg", a1);
    assert_string_equal(a0, a1);
    cmd(c, "SET grow 99999");
    cmd(c, "INCR grow");
    assert_int_equal(hs_cmd_expect(c, "100000", "GET grow"), 0);
    /* Into the shared range: a shared integer, as in Redis. */
    cmd(c, "SET small 10000");
    cmd(c, "DECR small");
    assert_int_equal(hs_cmd_expect(c, "9999", "GET small"), 0);
    assert_int_equal(hs_cmd_expect(c, "2147483647", "OBJECT REFCOUNT small"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_digest_empty, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_digest_order, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_digest_encodings, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_digest_changes, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_loadaof, setup_aof, hs_teardown),
        cmocka_unit_test_setup_teardown(test_loadaof_off, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_htstats_key, setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_incr_in_place, setup_debug, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
