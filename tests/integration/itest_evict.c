/*
 * itest_evict.c - maxmemory: eviction policies and the OOM gate.
 *
 * - noeviction: over the limit, SET and INCR get Redis's exact OOM error
 *   while GET, DEL and PING still run; INFO shows the limit and policy.
 * - MULTI: under OOM every queued command but EXEC/DISCARD is refused and
 *   EXEC then aborts; OOM that starts after queueing aborts an EXEC holding
 *   a denyoom command ("because of: OOM ...") but not a read-only one;
 *   CONFIG SET maxmemory inside EXEC evicts only at the next command.
 * - allkeys-lru keeps recently used keys (cold keys are made with RESTORE
 *   IDLETIME); allkeys-lfu keeps frequently read ones (lfu-log-factor 0
 *   makes the counter exact); volatile-ttl evicts the shortest TTL first;
 *   volatile-* never evict a key without TTL and answer OOM once only such
 *   keys are left; allkeys-random evicts across databases and keeps used
 *   memory bounded.
 * - An eviction fires the "evicted" keyspace event, fails a WATCH, counts
 *   in evicted_keys (CONFIG RESETSTAT clears it) and reaches the AOF as a
 *   plain DEL.
 * - Growing the keyspace table alone does not force evictions.
 *
 * Sampling is made exhaustive (maxmemory-samples 64 on fewer keys) and the
 * time budget unlimited (tenacity 100), so which keys go is deterministic.
 * Nothing here depends on timing.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define OOM_ERR "OOM command not allowed when used memory > 'maxmemory'."
#define VAL_LEN 1000

#define ok(c, ...) assert_int_equal(hs_cmd_expect((c), "OK", __VA_ARGS__), 0)

static char val[VAL_LEN + 1];

/* Run a command and return its reply (asserted non-NULL; caller frees). */
static redisReply *cmd(redisContext *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    return r;
}

/* Assert that a command fails with exactly the error msg. */
static void expect_err(redisContext *c, const char *msg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    if (r->type != REDIS_REPLY_ERROR || strcmp(r->str, msg) != 0)
        fprintf(stderr, "expected error '%s', got type %d '%s'\n", msg, r->type,
                r->str ? r->str : "");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_string_equal(r->str, msg);
    freeReplyObject(r);
}

static long long num(redisContext *c, const char *fmt, ...)
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

static int exists(redisContext *c, const char *fmt, long i)
{
    char key[64];
    snprintf(key, sizeof(key), fmt, i);
    return (int)num(c, "EXISTS %s", key);
}

static long long evicted(redisContext *c)
{
    return hs_info_field(c, "stats", "evicted_keys");
}

/* Deterministic eviction: exhaustive sampling, no time budget. */
static void policy(redisContext *c, const char *p)
{
    ok(c, "CONFIG SET maxmemory-policy %s", p);
    ok(c, "CONFIG SET maxmemory-samples 64");
    ok(c, "CONFIG SET maxmemory-eviction-tenacity 100");
}

/* maxmemory = used memory now + margin (margin may be negative). */
static long long limit_at(redisContext *c, long long margin)
{
    long long used = hs_info_field(c, "memory", "used_memory");
    assert_true(used > 0);
    ok(c, "CONFIG SET maxmemory %lld", used + margin);
    return used + margin;
}

/* SET fmt%i = 1000 bytes for i in [from, to). */
static void fill(redisContext *c, const char *fmt, long from, long to)
{
    char key[64];
    for (long i = from; i < to; i++) {
        snprintf(key, sizeof(key), fmt, i);
        ok(c, "SET %s %s", key, val);
    }
}

/* Keys cold:0..n-1 holding 1000 bytes, idle for 100000 s (RESTORE IDLETIME). */
static void make_cold(redisContext *c, long n)
{
    ok(c, "SET tmp %s", val);
    redisReply *d = cmd(c, "DUMP tmp");
    assert_int_equal(d->type, REDIS_REPLY_STRING);
    assert_int_equal(num(c, "DEL tmp"), 1);
    for (long i = 0; i < n; i++)
        ok(c, "RESTORE cold:%ld 0 %b IDLETIME 100000", i, d->str, d->len);
    freeReplyObject(d);
    assert_true(num(c, "OBJECT IDLETIME cold:0") >= 100000);
}

static void test_noeviction_oom(void **state)
{
    redisContext *c = hs_connect(*state);
    ok(c, "SET a 1");
    ok(c, "CONFIG SET maxmemory 1");
    expect_err(c, OOM_ERR, "SET b 2");
    expect_err(c, OOM_ERR, "INCR q");
    assert_int_equal(hs_cmd_expect(c, "1", "GET a"), 0);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    assert_int_equal(num(c, "DEL a"), 1);
    assert_int_equal(hs_info_field(c, "memory", "maxmemory"), 1);
    redisReply *r = cmd(c, "INFO memory");
    assert_non_null(strstr(r->str, "\r\nmaxmemory_policy:noeviction\r\n"));
    assert_non_null(strstr(r->str, "\r\nmaxmemory_human:1B\r\n"));
    freeReplyObject(r);
    assert_int_equal(evicted(c), 0);
    assert_true(hs_info_field(c, "stats", "total_eviction_exceeded_time") >= 0);
    assert_true(hs_info_field(c, "stats", "current_eviction_exceeded_time") >= 0);
    ok(c, "CONFIG SET maxmemory 0");
    ok(c, "SET b 2");
}

static void test_multi_oom(void **state)
{
    redisContext *c = hs_connect(*state), *admin = hs_connect(*state);
    /* Queue-time OOM: everything but EXEC/DISCARD is refused. */
    ok(admin, "CONFIG SET maxmemory 1");
    ok(c, "MULTI");
    expect_err(c, OOM_ERR, "GET a");
    expect_err(c, OOM_ERR, "SET x 1");
    expect_err(c, "EXECABORT Transaction discarded because of previous errors.", "EXEC");
    ok(c, "MULTI");
    ok(c, "DISCARD");
    /* OOM after queueing: a denyoom command aborts EXEC... */
    ok(admin, "CONFIG SET maxmemory 0");
    ok(c, "MULTI");
    assert_int_equal(hs_cmd_expect(c, "QUEUED", "SET y 1"), 0);
    assert_int_equal(hs_cmd_expect(c, "QUEUED", "GET y"), 0);
    ok(admin, "CONFIG SET maxmemory 1");
    expect_err(c, "EXECABORT Transaction discarded because of: " OOM_ERR, "EXEC");
    /* ...a read-only transaction still runs. */
    ok(admin, "CONFIG SET maxmemory 0");
    ok(c, "MULTI");
    assert_int_equal(hs_cmd_expect(c, "QUEUED", "GET y"), 0);
    ok(admin, "CONFIG SET maxmemory 1");
    redisReply *r = cmd(c, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 1);
    assert_int_equal(r->element[0]->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
    /* CONFIG SET maxmemory inside EXEC evicts at the next command only. */
    ok(admin, "CONFIG SET maxmemory 0");
    policy(admin, "allkeys-lru");
    ok(c, "MULTI");
    freeReplyObject(cmd(c, "INCR x"));
    freeReplyObject(cmd(c, "CONFIG SET maxmemory 1"));
    freeReplyObject(cmd(c, "INCR x"));
    r = cmd(c, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 3);
    assert_int_equal(r->element[0]->integer, 1);
    assert_string_equal(r->element[1]->str, "OK");
    assert_int_equal(r->element[2]->integer, 2);
    freeReplyObject(r);
    assert_int_equal(num(c, "DBSIZE"), 0);
    ok(c, "CONFIG SET maxmemory 0");
}

static void test_allkeys_lru(void **state)
{
    redisContext *c = hs_connect(*state);
    policy(c, "allkeys-lru");
    make_cold(c, 100);
    fill(c, "hot:%ld", 0, 20);
    limit_at(c, 8 * 1024);
    fill(c, "fill:%ld", 0, 30);
    ok(c, "CONFIG SET maxmemory 0"); /* no eviction while we count */
    long long ev = evicted(c);
    assert_true(ev > 0 && ev < 100);
    long cold = 0;
    for (long i = 0; i < 100; i++)
        cold += exists(c, "cold:%ld", i);
    for (long i = 0; i < 20; i++)
        assert_int_equal(exists(c, "hot:%ld", i), 1);
    for (long i = 0; i < 30; i++)
        assert_int_equal(exists(c, "fill:%ld", i), 1);
    assert_int_equal(cold, 100 - ev);
}

static void test_allkeys_lfu(void **state)
{
    redisContext *c = hs_connect(*state);
    policy(c, "allkeys-lfu");
    ok(c, "CONFIG SET lfu-log-factor 0"); /* every access counts */
    ok(c, "CONFIG SET lfu-decay-time 0");
    fill(c, "cold:%ld", 0, 100);
    fill(c, "hot:%ld", 0, 20);
    for (int n = 0; n < 10; n++)
        for (long i = 0; i < 20; i++)
            assert_int_equal(hs_cmd_expect(c, val, "GET hot:%ld", i), 0);
    assert_int_equal(num(c, "OBJECT FREQ hot:0"), 15); /* 5 at creation + 10 */
    assert_int_equal(num(c, "OBJECT FREQ cold:0"), 5);
    limit_at(c, 8 * 1024);
    fill(c, "fill:%ld", 0, 30);
    ok(c, "CONFIG SET maxmemory 0");
    long long ev = evicted(c);
    assert_true(ev > 0 && ev < 100);
    for (long i = 0; i < 20; i++)
        assert_int_equal(exists(c, "hot:%ld", i), 1);
}

static void test_volatile_ttl_order(void **state)
{
    redisContext *c = hs_connect(*state);
    policy(c, "volatile-ttl");
    fill(c, "p:%ld", 0, 40);
    for (long i = 0; i < 40; i++)
        ok(c, "SET v:%ld %s EX %ld", i, val, 10000 + i * 10);
    limit_at(c, 4 * 1024);
    fill(c, "f:%ld", 0, 15);
    ok(c, "CONFIG SET maxmemory 0");
    long long ev = evicted(c);
    assert_true(ev > 0 && ev < 40);
    /* Exactly the ev shortest TTLs are gone. */
    for (long i = 0; i < 40; i++)
        assert_int_equal(exists(c, "v:%ld", i), i >= ev);
    for (long i = 0; i < 40; i++)
        assert_int_equal(exists(c, "p:%ld", i), 1);
    for (long i = 0; i < 15; i++)
        assert_int_equal(exists(c, "f:%ld", i), 1);
}

/* Under each volatile policy, a limit nothing can meet evicts every key
 * with a TTL, none without, and then refuses writes. */
static void test_volatile_only(void **state)
{
    static const char *const pols[] = {"volatile-lru", "volatile-lfu", "volatile-random",
                                       "volatile-ttl"};
    redisContext *c = hs_connect(*state);
    for (size_t k = 0; k < sizeof(pols) / sizeof(pols[0]); k++) {
        ok(c, "FLUSHALL");
        ok(c, "CONFIG SET maxmemory 0");
        policy(c, pols[k]);
        fill(c, "p:%ld", 0, 40);
        for (long i = 0; i < 40; i++)
            ok(c, "SET v:%ld %s EX 10000", i, val);
        ok(c, "CONFIG SET maxmemory 1");
        expect_err(c, OOM_ERR, "SET q 1");
        assert_int_equal(num(c, "DBSIZE"), 40);
        for (long i = 0; i < 40; i++)
            assert_int_equal(exists(c, "p:%ld", i), 1);
    }
    ok(c, "CONFIG SET maxmemory 0");
}

/* allkeys-random keeps used memory bounded and takes keys from every
 * database that has some. */
static void test_random_bounded(void **state)
{
    redisContext *c = hs_connect(*state);
    policy(c, "allkeys-random");
    long long limit = limit_at(c, 100 * 1024);
    for (long i = 0; i < 200; i++) {
        ok(c, "SELECT %ld", i % 2);
        ok(c, "SET k:%ld %s", i, val);
    }
    ok(c, "SELECT 0");
    long long used = hs_info_field(c, "memory", "used_memory");
    assert_true(used < limit + 4096);
    ok(c, "CONFIG SET maxmemory 0");
    long long n0 = num(c, "DBSIZE");
    ok(c, "SELECT 1");
    long long n1 = num(c, "DBSIZE");
    assert_true(n0 < 100 && n1 < 100);
    assert_int_equal(evicted(c), 200 - n0 - n1);
    ok(c, "CONFIG RESETSTAT");
    assert_int_equal(evicted(c), 0);
}

static void test_event_and_watch(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s), *sub = hs_connect(s), *w = hs_connect(s);
    policy(c, "allkeys-lru");
    ok(c, "CONFIG SET notify-keyspace-events Ee");
    make_cold(c, 1);
    fill(c, "hot:%ld", 0, 50);
    freeReplyObject(cmd(sub, "SUBSCRIBE __keyevent@0__:evicted"));
    ok(w, "WATCH cold:0");
    /* A few keys over: the coldest goes first. The margin exceeds what the
     * INFO reply itself held when used_memory was read (freed at once in
     * some builds, e.g. under ASan). */
    limit_at(c, -3000);
    ok(c, "CONFIG SET maxmemory 0");
    long long ev = evicted(c);
    assert_true(ev >= 1 && ev < 50);
    assert_int_equal(exists(c, "cold:%ld", 0), 0);
    assert_int_equal(num(c, "DBSIZE"), 51 - ev);
    redisReply *m;
    assert_int_equal(redisGetReply(sub, (void **)&m), REDIS_OK);
    assert_int_equal(m->type, REDIS_REPLY_ARRAY);
    assert_int_equal(m->elements, 3);
    assert_string_equal(m->element[0]->str, "message");
    assert_string_equal(m->element[1]->str, "__keyevent@0__:evicted");
    assert_string_equal(m->element[2]->str, "cold:0");
    freeReplyObject(m);
    ok(w, "MULTI");
    assert_int_equal(hs_cmd_expect(w, "QUEUED", "SET z 1"), 0);
    redisReply *r = cmd(w, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
}

/* Read every incr AOF file of the server's directory into one string. */
static char *read_incr_aof(const struct hserver *s)
{
    char dir[512];
    snprintf(dir, sizeof(dir), "%s/appendonlydir", s->dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *all = calloc(1, 1);
    size_t len = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strstr(de->d_name, ".incr.aof"))
            continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
            all = realloc(all, len + n + 1);
            memcpy(all + len, buf, n);
            len += n;
            all[len] = '\0';
        }
        fclose(f);
    }
    closedir(d);
    return all;
}

static void test_aof_propagation(void **state)
{
    struct hserver *s = *state;
    static const char *const args[] = {"--appendonly", "yes", NULL};
    assert_int_equal(hs_start(s, args), 0);
    redisContext *c = hs_connect_loaded(s);
    policy(c, "allkeys-lru");
    ok(c, "SET a 1");
    ok(c, "SET b 2");
    ok(c, "CONFIG SET maxmemory 1");
    assert_int_equal(num(c, "DBSIZE"), 0);
    ok(c, "CONFIG SET maxmemory 0");
    ok(c, "SET d 4");
    char *aof = read_incr_aof(s);
    assert_non_null(strstr(aof, "*2\r\n$3\r\nDEL\r\n$1\r\na\r\n"));
    assert_non_null(strstr(aof, "*2\r\n$3\r\nDEL\r\n$1\r\nb\r\n"));
    assert_null(strstr(aof, "MULTI")); /* each DEL on its own */
    assert_true(strstr(aof, "\r\nb\r\n*2\r\n$3\r\nDEL") < strstr(aof, "\r\nd\r\n"));
    free(aof);
}

/* Doubling the keyspace table would pass the limit: Tern puts the growth
 * off rather than evict for it (Redis's "don't rehash if used memory
 * exceeds maxmemory after rehash"). */
static void test_no_forced_rehash(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s), *pipe = hs_connect(s);
    ok(c, "CONFIG SET maxmemory-policy allkeys-random");
    ok(c, "CONFIG SET latency-tracking no"); /* Redis: histograms per command */
    /* Pipelined from another client, closed after, as Redis's test does:
     * its buffers must not count in the limit computed below. */
    for (long i = 0; i < 4096; i++)
        assert_int_equal(redisAppendCommand(pipe, "SET %ld A", i), REDIS_OK);
    for (long i = 0; i < 4096; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(pipe, (void **)&r), REDIS_OK);
        freeReplyObject(r);
    }
    hs_close_ctx(s, pipe);
    assert_int_equal(num(c, "DBSIZE"), 4096); /* the close has been processed */
    limit_at(c, 10 * 1024);
    ok(c, "SET k1 v1");

    ok(c, "SET k2 v2");
    assert_int_equal(num(c, "DBSIZE"), 4098);
    assert_int_equal(evicted(c), 0);
}

int main(void)
{
    memset(val, 'v', VAL_LEN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_noeviction_oom, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_multi_oom, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_allkeys_lru, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_allkeys_lfu, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_volatile_ttl_order, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_volatile_only, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_random_bounded, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_event_and_watch, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_aof_propagation, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_no_forced_rehash, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
