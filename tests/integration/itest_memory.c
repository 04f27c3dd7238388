/*
 * itest_memory.c - the MEMORY command.
 *
 * - USAGE: nil for a missing key; grows with a string's size and a key's
 *   length; an expired key reads as missing and is not reaped, counted or
 *   touched by the lookup; compact encodings (listpack, intset) cost less
 *   than the same contents in a hashtable or skiplist.
 * - SAMPLES: 0 (or a count >= the size) measures everything; the default
 *   5-node estimate of a large list or sorted set of uniform elements is
 *   within 10% of the full figure; hashes are always exact.
 * - STATS: Redis 7.0's field names in Redis's order, db.N only for non-empty
 *   databases, keys.count = the sum of DBSIZE, the totals add up; RESP3
 *   gives maps and doubles.
 * - DOCTOR, MALLOC-STATS, PURGE and HELP reply with their shapes.
 * - redis-cli --memkeys and --bigkeys run against the server and report
 *   the figures MEMORY USAGE gives (skipped without redis-cli).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* MEMORY USAGE key [SAMPLES n] (n < 0: no option); -1 for nil. */
static long long usage(redisContext *c, const char *key, long long samples)
{
    redisReply *r = samples < 0 ? redisCommand(c, "MEMORY USAGE %s", key)
                                : redisCommand(c, "MEMORY USAGE %s SAMPLES %lld", key, samples);
    assert_non_null(r);
    long long v = -1;
    if (r->type == REDIS_REPLY_INTEGER)
        v = r->integer;
    else
        assert_int_equal(r->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
    return v;
}

/* Run a command (hiredis format, split on spaces) expecting +OK. */
#define ok(c, ...) assert_int_equal(hs_cmd_expect((c), "OK", __VA_ARGS__), 0)

/* Pipeline n commands built by fmt with i = 0..n-1, discarding replies. */
static void fill(redisContext *c, long n, const char *fmt)
{
    for (long i = 0; i < n; i++)
        assert_int_equal(redisAppendCommand(c, fmt, i, i), REDIS_OK);
    for (long i = 0; i < n; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        assert_int_not_equal(r->type, REDIS_REPLY_ERROR);
        freeReplyObject(r);
    }
}

static long long ll_abs(long long v)
{
    return v < 0 ? -v : v;
}

static void test_usage_strings(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_int_equal(usage(c, "nokey", -1), -1);
    assert_int_equal(usage(c, "nokey", 0), -1);
    static const size_t sizes[] = {1, 40, 100, 1000, 10000, 100000};
    char *buf = malloc(100000);
    memset(buf, 'x', 100000);
    long long prev = 0;
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        redisReply *r = redisCommand(c, "SET k %b", buf, sizes[i]);
        freeReplyObject(r);
        long long u = usage(c, "k", -1);
        assert_true(u > prev);
        assert_true(u >= (long long)sizes[i]);
        /* Honest, not padded: value plus at most a small fixed cost. */
        assert_true(u <= (long long)(sizes[i] + sizes[i] / 16 + 128));
        assert_int_equal(usage(c, "k", 0), u); /* strings: SAMPLES changes nothing */
        prev = u;
    }
    /* A longer key costs more (300 bytes: stored out of line). */
    memset(buf, 'k', 300);
    redisReply *r = redisCommand(c, "SET %b v", buf, (size_t)300);
    freeReplyObject(r);
    ok(c, "SET k v");
    r = redisCommand(c, "MEMORY USAGE %b", buf, (size_t)300);
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    assert_true(r->integer >= usage(c, "k", -1) + 299);
    freeReplyObject(r);
    free(buf);
}

/* With active expiry off, an expired key is missing for MEMORY USAGE, but
 * the lookup neither deletes it nor counts a miss or an expiry. */
static void test_usage_expired(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    ok(c, "DEBUG SET-ACTIVE-EXPIRE 0");
    ok(c, "SET plain value");
    ok(c, "SET ttl value EX 1000");
    assert_true(usage(c, "ttl", -1) >= usage(c, "plain", -1)); /* TTL stored in the entry */
    ok(c, "CONFIG RESETSTAT");
    ok(c, "SET gone value PX 1");
    hs_sleep_ms(20);
    assert_int_equal(usage(c, "gone", -1), -1);
    assert_int_equal(hs_info_field(c, "stats", "expired_keys"), 0);
    assert_int_equal(hs_info_field(c, "stats", "keyspace_misses"), 0);
    assert_int_equal(hs_info_field(c, "stats", "keyspace_hits"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "DBSIZE"), 0); /* still there */
    redisReply *r = redisCommand(c, "GET gone");
    assert_int_equal(r->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "2", "DBSIZE"), 0); /* GET reaped it */
    ok(c, "DEBUG SET-ACTIVE-EXPIRE 1");
}

/* Expect OBJECT ENCODING key == enc. */
static void expect_enc(redisContext *c, const char *key, const char *enc)
{
    assert_int_equal(hs_cmd_expect(c, enc, "OBJECT ENCODING %s", key), 0);
}

/* The same contents in the compact and in the general encoding. */
static void test_usage_encodings(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    fill(c, 20, "HSET h1 f%ld v%ld");
    fill(c, 20, "SADD s1 1%ld%ld");
    fill(c, 20, "ZADD z1 %ld m%ld");
    ok(c, "CONFIG SET hash-max-listpack-entries 0");
    ok(c, "CONFIG SET set-max-intset-entries 0");
    ok(c, "CONFIG SET zset-max-listpack-entries 0");
    fill(c, 20, "HSET h2 f%ld v%ld");
    fill(c, 20, "SADD s2 1%ld%ld");
    fill(c, 20, "ZADD z2 %ld m%ld");
    ok(c, "CONFIG SET hash-max-listpack-entries 128");
    ok(c, "CONFIG SET set-max-intset-entries 512");
    ok(c, "CONFIG SET zset-max-listpack-entries 128");
    expect_enc(c, "h1", "listpack");
    expect_enc(c, "h2", "hashtable");
    expect_enc(c, "s1", "intset");
    expect_enc(c, "s2", "hashtable");
    expect_enc(c, "z1", "listpack");
    expect_enc(c, "z2", "skiplist");
    assert_true(usage(c, "h1", -1) < usage(c, "h2", -1));
    assert_true(usage(c, "s1", -1) < usage(c, "s2", -1));
    assert_true(usage(c, "z1", -1) < usage(c, "z2", -1));
    /* More elements, more bytes. */
    fill(c, 100, "RPUSH l1 element:%ld:%ld");
    fill(c, 10000, "RPUSH l2 element:%ld:%ld");
    long long l1 = usage(c, "l1", 0), l2 = usage(c, "l2", 0);
    assert_true(l2 > 50 * l1);
}

/* Full figure vs the default 5-sample estimate, for n uniform elements. */
static void check_sampled(redisContext *c, const char *key, long long n, int sampled)
{
    long long all = usage(c, key, 0), def = usage(c, key, -1);
    assert_int_equal(usage(c, key, n), all);
    assert_int_equal(usage(c, key, n * 10), all);
    if (sampled)
        assert_true(ll_abs(def - all) * 10 <= all);
    else
        assert_int_equal(def, all);
    assert_true(ll_abs(usage(c, key, 1) - all) * 5 <= all);
}

static void test_usage_samples(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    fill(c, 5000, "ZADD z %ld member:%05ld");
    expect_enc(c, "z", "skiplist");
    check_sampled(c, "z", 5000, 1);
    /* 300-byte elements: one 8 KB listpack node per ~25 of them. */
    fill(c, 5000, "RPUSH l %ld:%0300ld");
    check_sampled(c, "l", 5000, 1);
    fill(c, 2000, "HSET h field:%05ld value:%05ld");
    expect_enc(c, "h", "hashtable");
    check_sampled(c, "h", 2000, 0);
}

/* Value of field name in a flat RESP2 MEMORY STATS reply; fails if absent. */
static long long stat_of(const redisReply *r, const char *name)
{
    for (size_t i = 0; i + 1 < r->elements; i += 2)
        if (strcmp(r->element[i]->str, name) == 0) {
            const redisReply *v = r->element[i + 1];
            if (v->type == REDIS_REPLY_INTEGER)
                return v->integer;
            assert_int_equal(v->type, REDIS_REPLY_STRING);
            return (long long)atof(v->str);
        }
    fail_msg("no %s in MEMORY STATS", name);
    return 0;
}

static const char *const stat_head[] = {
    "peak.allocated", "total.allocated", "startup.allocated", "replication.backlog",
    "clients.slaves", "clients.normal",  "cluster.links",     "aof.buffer",
    "lua.caches",     "functions.caches"};
static const char *const stat_tail[] = {"overhead.total",
                                        "keys.count",
                                        "keys.bytes-per-key",
                                        "dataset.bytes",
                                        "dataset.percentage",
                                        "peak.percentage",
                                        "allocator.allocated",
                                        "allocator.active",
                                        "allocator.resident",
                                        "allocator-fragmentation.ratio",
                                        "allocator-fragmentation.bytes",
                                        "allocator-rss.ratio",
                                        "allocator-rss.bytes",
                                        "rss-overhead.ratio",
                                        "rss-overhead.bytes",
                                        "fragmentation",
                                        "fragmentation.bytes"};
#define NHEAD (sizeof(stat_head) / sizeof(stat_head[0]))
#define NTAIL (sizeof(stat_tail) / sizeof(stat_tail[0]))

/* Check one db.N entry at pair index i; returns its main + expires bytes. */
static long long check_db_entry(const redisReply *r, size_t i, const char *name)
{
    assert_string_equal(r->element[2 * i]->str, name);
    const redisReply *m = r->element[2 * i + 1];
    assert_int_equal(m->type, REDIS_REPLY_ARRAY);
    assert_int_equal(m->elements, 6);
    assert_string_equal(m->element[0]->str, "overhead.hashtable.main");
    assert_string_equal(m->element[2]->str, "overhead.hashtable.expires");
    assert_string_equal(m->element[4]->str, "overhead.hashtable.slot-to-keys");
    assert_true(m->element[1]->integer > 0);
    return m->element[1]->integer + m->element[3]->integer + m->element[5]->integer;
}

static void test_stats(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    fill(c, 1000, "SET key:%ld:%ld value");
    ok(c, "SELECT 5");
    ok(c, "SET a 1");
    ok(c, "SET b 2 EX 100");
    ok(c, "SELECT 0");
    redisReply *r = redisCommand(c, "MEMORY STATS");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 2 * (NHEAD + 2 + NTAIL));
    for (size_t i = 0; i < NHEAD; i++)
        assert_string_equal(r->element[2 * i]->str, stat_head[i]);
    long long dbs = check_db_entry(r, NHEAD, "db.0") + check_db_entry(r, NHEAD + 1, "db.5");
    for (size_t i = 0; i < NTAIL; i++)
        assert_string_equal(r->element[2 * (NHEAD + 2 + i)]->str, stat_tail[i]);
    long long total = stat_of(r, "total.allocated"), startup = stat_of(r, "startup.allocated");
    long long overhead = stat_of(r, "overhead.total");
    assert_int_equal(stat_of(r, "keys.count"), 1002);
    assert_true(stat_of(r, "peak.allocated") >= total);
    assert_true(startup > 0 && startup < total);
    assert_true(stat_of(r, "clients.normal") > 0);
    assert_int_equal(overhead, startup + stat_of(r, "clients.normal") + dbs);
    assert_int_equal(stat_of(r, "dataset.bytes"), total - overhead);
    assert_int_equal(stat_of(r, "keys.bytes-per-key"), (total - startup) / 1002);
    assert_int_equal(stat_of(r, "replication.backlog"), 0);
    assert_true(stat_of(r, "allocator.active") >= stat_of(r, "allocator.allocated") / 2);
    assert_true(stat_of(r, "fragmentation.bytes") != 0);
    long long used = hs_info_field(c, "memory", "used_memory");
    assert_true(ll_abs(used - total) < 64 * 1024);
    freeReplyObject(r);
    /* Deleting a database's keys drops its entry. */
    ok(c, "FLUSHDB");
    r = redisCommand(c, "MEMORY STATS");
    assert_int_equal(r->elements, 2 * (NHEAD + 1 + NTAIL));
    check_db_entry(r, NHEAD, "db.5");
    assert_int_equal(stat_of(r, "keys.count"), 2);
    freeReplyObject(r);
}

/* RESP3: maps (nested for db.N), doubles and verbatim text. */
static void test_resp3_shapes(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    ok(c, "SET k v");
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    static char buf[16384];
    assert_int_equal(hs_send_str(fd, "HELLO 3\r\nPING\r\n"), 0);
    assert_true(hs_read_until(fd, buf, sizeof buf, "+PONG\r\n", 2000) > 0);
    assert_int_equal(hs_send_str(fd, "MEMORY STATS\r\nPING\r\n"), 0);
    assert_true(hs_read_until(fd, buf, sizeof buf, "+PONG\r\n", 2000) > 0);
    assert_memory_equal(buf, "%28\r\n$14\r\npeak.allocated\r\n:", 27);
    assert_non_null(strstr(buf, "$4\r\ndb.0\r\n%3\r\n$23\r\noverhead.hashtable.main\r\n:"));
    assert_non_null(strstr(buf, "$18\r\ndataset.percentage\r\n,"));
    assert_non_null(strstr(buf, "$13\r\nfragmentation\r\n,"));
    assert_int_equal(hs_send_str(fd, "MEMORY DOCTOR\r\nPING\r\n"), 0);
    assert_true(hs_read_until(fd, buf, sizeof buf, "+PONG\r\n", 2000) > 0);
    assert_int_equal(buf[0], '=');
    assert_non_null(strstr(buf, "\r\ntxt:Tern memory doctor"));
    assert_int_equal(hs_send_str(fd, "MEMORY USAGE nokey\r\n"), 0);
    assert_int_equal(hs_expect(fd, "_\r\n", 2000), 0);
}

static void test_text_subcommands(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    redisReply *r = redisCommand(c, "MEMORY DOCTOR");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_non_null(strstr(r->str, "too little to judge"));
    freeReplyObject(r);
    /* With a dataset of several MB the doctor gives its verdict. */
    fill(c, 20000, "SET key:%ld %0300ld");
    r = redisCommand(c, "MEMORY DOCTOR");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_null(strstr(r->str, "too little to judge"));
    assert_non_null(strstr(r->str, "20000 keys"));
    freeReplyObject(r);
    r = redisCommand(c, "MEMORY MALLOC-STATS");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_non_null(strstr(r->str, "# slab\n"));
    assert_non_null(strstr(r->str, "\nused:"));
    freeReplyObject(r);
    ok(c, "FLUSHALL");
    ok(c, "MEMORY PURGE");
    r = redisCommand(c, "MEMORY HELP");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_true(r->elements > 4);
    assert_string_equal(r->element[0]->str,
                        "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
    int found = 0;
    for (size_t i = 0; i < r->elements; i++) {
        assert_int_equal(r->element[i]->type, REDIS_REPLY_STATUS);
        found += strcmp(r->element[i]->str, "USAGE <key> [SAMPLES <count>]") == 0;
    }
    assert_int_equal(found, 1);
    freeReplyObject(r);
}

/* Run a shell command; its output (malloc'd) and exit status. */
static char *run(const char *cmd, int *status)
{
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t cap = 1 << 16, len = 0, n;
    char *out = malloc(cap);
    while ((n = fread(out + len, 1, cap - 1 - len, f)) > 0)
        len += n;
    out[len] = '\0';
    *status = pclose(f);
    return out;
}

static void test_redis_cli_tools(void **state)
{
    struct hserver *s = *state;
    int st;
    char *which = run("command -v redis-cli", &st);
    free(which);
    if (st != 0)
        skip();
    redisContext *c = hs_connect(s);
    fill(c, 1000, "RPUSH biglist %ld:%ld");
    ok(c, "SET bigstr 0123456789012345678901234567890123456789012345678901234567890123456789");
    fill(c, 50, "HSET bighash f%ld %ld");
    char cmd[128], want[128];
    snprintf(cmd, sizeof cmd, "timeout 30 redis-cli -p %d --memkeys 2>&1", s->port);
    char *out = run(cmd, &st);
    assert_int_equal(st, 0);
    snprintf(want, sizeof want, "Biggest string found '\"bigstr\"' has %lld bytes",
             usage(c, "bigstr", -1));
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "Biggest   list found '\"biglist\"' has %lld bytes",
             usage(c, "biglist", -1));
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "Sampled 3 keys in the keyspace!"));
    free(out);
    snprintf(cmd, sizeof cmd, "timeout 30 redis-cli -p %d --bigkeys 2>&1", s->port);
    out = run(cmd, &st);
    assert_int_equal(st, 0);
    assert_non_null(strstr(out, "Biggest   list found '\"biglist\"' has 1000 items"));
    assert_non_null(strstr(out, "Biggest   hash found '\"bighash\"' has 50 fields"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_usage_strings, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_usage_expired, hs_setup_debug, hs_teardown),
        cmocka_unit_test_setup_teardown(test_usage_encodings, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_usage_samples, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_stats, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_resp3_shapes, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_text_subcommands, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_redis_cli_tools, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
