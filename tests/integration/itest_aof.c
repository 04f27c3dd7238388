/*
 * itest_aof.c - the append-only file (Redis 7.0 multi-part layout).
 *
 * Writes survive a restart under each appendfsync policy; the manifest and
 * incr file hold exactly what Redis 7.0 writes; BGREWRITEAOF swaps in a new
 * base; a truncated tail is cut off (aof-load-truncated yes) or refused;
 * a corrupt file stops startup with the offset in the message; CONFIG SET
 * appendonly yes builds the AOF at runtime; kill -9 under write load with
 * appendfsync always loses no acknowledged write (20 rounds); and the
 * directories interoperate with redis-server 7.0 and redis-check-aof (when
 * installed), also with an AOF-format base (aof-use-rdb-preamble no).
 * Faults and loading: itest_aof_faults.c.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "aofutil.h"
#include "harness.h"

static const char *const aof_always[] = {"--appendonly", "yes", "--appendfsync", "always", NULL};

static void write_dataset(redisContext *c)
{
    assert_int_equal(hs_cmd_expect(c, "OK", "SET str hello"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "RPUSH list a b c"), 0);
    assert_int_equal(hs_cmd_expect(c, "2", "HSET hash f1 v1 f2 v2"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "SADD set x y z"), 0);
    assert_int_equal(hs_cmd_expect(c, "2", "ZADD zset 1 m1 2.5 m2"), 0);
    assert_int_equal(hs_cmd_expect(c, "3.5", "INCRBYFLOAT fl 3.5"), 0);
    assert_int_equal(hs_cmd_expect(c, "5.25", "HINCRBYFLOAT hash f3 5.25"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET ttl v EX 1000"), 0);
    assert_int_equal(hs_cmd_expect(c, "1", "EXPIRE str 2000"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SETEX gone 100 v"), 0);
    assert_int_equal(hs_cmd_expect(c, "1", "PEXPIRE gone -1"), 0);
    redisReply *sp = redisCommand(c, "SPOP set 2");
    assert_true(sp && sp->type == REDIS_REPLY_ARRAY && sp->elements == 2);
    freeReplyObject(sp);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 5"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET indb5 five"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 0"), 0);
    redisReply *r = redisCommand(c, "MULTI");
    freeReplyObject(r);
    r = redisCommand(c, "INCR counter");
    freeReplyObject(r);
    r = redisCommand(c, "LPUSH list first");
    freeReplyObject(r);
    r = redisCommand(c, "EXEC");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    freeReplyObject(r);
}

static void check_dataset(redisContext *c, const char *spop_left)
{
    assert_int_equal(hs_cmd_expect(c, "hello", "GET str"), 0);
    assert_int_equal(hs_cmd_expect(c, "4", "LLEN list"), 0);
    assert_int_equal(hs_cmd_expect(c, "first", "LINDEX list 0"), 0);
    assert_int_equal(hs_cmd_expect(c, "v2", "HGET hash f2"), 0);
    assert_int_equal(hs_cmd_expect(c, "5.25", "HGET hash f3"), 0);
    assert_int_equal(hs_cmd_expect(c, "1", "SCARD set"), 0);
    if (spop_left)
        assert_int_equal(hs_cmd_expect(c, "1", "SISMEMBER set %s", spop_left), 0);
    assert_int_equal(hs_cmd_expect(c, "2.5", "ZSCORE zset m2"), 0);
    assert_int_equal(hs_cmd_expect(c, "3.5", "GET fl"), 0);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS gone"), 0);
    redisReply *r = redisCommand(c, "TTL str");
    assert_true(r && r->type == REDIS_REPLY_INTEGER && r->integer > 1900 && r->integer <= 2000);
    freeReplyObject(r);
    r = redisCommand(c, "TTL ttl");
    assert_true(r && r->type == REDIS_REPLY_INTEGER && r->integer > 900 && r->integer <= 1000);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "1", "GET counter"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 5"), 0);
    assert_int_equal(hs_cmd_expect(c, "five", "GET indb5"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 0"), 0);
}

/* The member SPOP left in "set" (to check the replay popped the same). */
static char *set_member(redisContext *c)
{
    redisReply *r = redisCommand(c, "SMEMBERS set");
    assert_true(r && r->type == REDIS_REPLY_ARRAY && r->elements == 1);
    char *m = strdup(r->element[0]->str);
    freeReplyObject(r);
    return m;
}

static void survive_restart(struct hserver *s, const char *policy)
{
    const char *extra[] = {"--appendonly", "yes", "--appendfsync", policy, NULL};
    assert_int_equal(hs_start(s, extra), 0);
    redisContext *c = hs_connect_loaded(s);
    write_dataset(c);
    char *left = set_member(c);
    assert_int_equal(hs_restart(s, extra), 0);
    c = hs_connect_loaded(s);
    check_dataset(c, left);
    free(left);
    assert_int_equal(hs_stop(s), 0);
}

static void test_restart_always(void **state)
{
    survive_restart(*state, "always");
}

static void test_restart_everysec(void **state)
{
    survive_restart(*state, "everysec");
}

static void test_restart_no(void **state)
{
    survive_restart(*state, "no");
}

/* FLUSHDB and FLUSHALL reach the AOF even when there is nothing to remove
 * (Redis forces them; regression: they were skipped as no-ops). */
static void test_flush_empty_is_logged(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "FLUSHDB"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "FLUSHALL ASYNC"), 0);
    char *incr = read_file(s->dir, "appendonly.aof.1.incr.aof", NULL);
    assert_non_null(incr);
    assert_string_equal(incr, "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
                              "*1\r\n$7\r\nFLUSHDB\r\n"
                              "*2\r\n$8\r\nFLUSHALL\r\n$5\r\nASYNC\r\n");
    free(incr);
    assert_int_equal(hs_stop(s), 0);
}

/* The fresh layout and the incr file's bytes are what Redis 7.0 writes. */
static void test_manifest_and_incr_bytes(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "set a 1"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET b 2 PXAT 99999999999999"), 0);
    char *m = read_file(s->dir, "appendonly.aof.manifest", NULL);
    assert_non_null(m);
    assert_string_equal(m, "file appendonly.aof.1.base.rdb seq 1 type b\n"
                           "file appendonly.aof.1.incr.aof seq 1 type i\n");
    free(m);
    char *incr = read_file(s->dir, "appendonly.aof.1.incr.aof", NULL);
    assert_non_null(incr);
    assert_string_equal(incr, "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
                              "*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n"
                              "*5\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n$4\r\nPXAT\r\n"
                              "$14\r\n99999999999999\r\n");
    free(incr);
    char *base = read_file(s->dir, "appendonly.aof.1.base.rdb", NULL);
    assert_non_null(base);
    assert_memory_equal(base, "REDIS0010", 9);
    free(base);
    assert_int_equal(hs_stop(s), 0);
}

static void test_rewrite(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    write_dataset(c);
    char *left = set_member(c);
    assert_int_equal(
        hs_cmd_expect(c, "Background append only file rewriting started", "BGREWRITEAOF"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.2.base.rdb seq 2 type b\n"
                                           "file appendonly.aof.2.incr.aof seq 2 type i\n"),
                     0);
    assert_false(file_exists(s->dir, "appendonly.aof.1.base.rdb"));
    assert_false(file_exists(s->dir, "appendonly.aof.1.incr.aof"));
    assert_int_equal(hs_cmd_expect(c, "OK", "SET after rewrite"), 0);
    assert_int_equal(hs_restart(s, aof_always), 0);
    c = hs_connect_loaded(s);
    check_dataset(c, left);
    assert_int_equal(hs_cmd_expect(c, "rewrite", "GET after"), 0);
    free(left);
    assert_int_equal(hs_stop(s), 0);
}

static void test_truncated_tail(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k1 v1"), 0);
    assert_int_equal(hs_stop(s), 0);
    size_t len0 = 0;
    free(read_file(s->dir, "appendonly.aof.1.incr.aof", &len0));
    append_file(s->dir, "appendonly.aof.1.incr.aof", "*3\r\n$3\r\nSET\r\n$2\r\nk2\r\n$2\r\nv");
    const char *strict[] = {"--appendonly", "yes", "--aof-load-truncated", "no", NULL};
    assert_int_equal(hs_restart(s, strict), -1);
    assert_true(hs_log_has(s, "Unexpected end of file reading the append only file"));
    assert_int_equal(hs_restart(s, aof_always), 0);
    assert_true(hs_log_has(s, "Truncating the AOF appendonly.aof.1.incr.aof at offset"));
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "v1", "GET k1"), 0);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS k2"), 0);
    size_t len1 = 0;
    free(read_file(s->dir, "appendonly.aof.1.incr.aof", &len1));
    assert_int_equal(len1, len0); /* the partial command was cut off */
    /* An unfinished MULTI is dropped whole. */
    assert_int_equal(hs_stop(s), 0);
    append_file(s->dir, "appendonly.aof.1.incr.aof",
                "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$2\r\nk3\r\n$1\r\nx\r\n");
    assert_int_equal(hs_restart(s, aof_always), 0);
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS k3"), 0);
    assert_int_equal(hs_cmd_expect(c, "v1", "GET k1"), 0);
    assert_int_equal(hs_stop(s), 0);
}

static void test_corrupt(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k1 v1"), 0);
    assert_int_equal(hs_stop(s), 0);
    size_t len = 0;
    free(read_file(s->dir, "appendonly.aof.1.incr.aof", &len));
    append_file(s->dir, "appendonly.aof.1.incr.aof", "garbage\r\n*1\r\n");
    assert_int_equal(hs_restart(s, aof_always), -1);
    char want[200];
    snprintf(want, sizeof(want),
             "Bad file format reading the append only file appendonly.aof.1.incr.aof at offset %zu",
             len);
    assert_true(hs_log_has(s, want));
}

static void test_config_set_appendonly(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, NULL), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET before on"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET appendonly yes"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET during x"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.1.base.rdb seq 1 type b\n"
                                           "file appendonly.aof.1.incr.aof seq 1 type i\n"),
                     0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET after y"), 0);
    const char *on[] = {"--appendonly", "yes", NULL};
    assert_int_equal(hs_restart(s, on), 0);
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "on", "GET before"), 0);
    assert_int_equal(hs_cmd_expect(c, "x", "GET during"), 0);
    assert_int_equal(hs_cmd_expect(c, "y", "GET after"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET appendonly no"), 0);
    assert_int_equal(hs_stop(s), 0);
}

/* A writer process: SETs k:<i> over a pipelined window, publishing the
 * highest acknowledged i in *acked, until killed. */
static void writer(int port, volatile long *acked)
{
    redisContext *c = redisConnect("127.0.0.1", port);
    if (!c || c->err)
        _exit(1);
    long next = 0;
    for (;;) {
        for (int j = 0; j < 8; j++, next++)
            redisAppendCommand(c, "SET k:%ld %ld", next, next);
        for (int j = 0; j < 8; j++) {
            redisReply *r;
            if (redisGetReply(c, (void **)&r) != REDIS_OK)
                _exit(0);
            if (r->type == REDIS_REPLY_STATUS)
                *acked = next - 8 + j;
            freeReplyObject(r);
        }
    }
}

static void test_kill9_always(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    volatile long *acked =
        mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    assert_true(acked != MAP_FAILED);
    for (int round = 0; round < 20; round++) {
        redisContext *c = hs_connect_loaded(s);
        assert_int_equal(hs_cmd_expect(c, "OK", "FLUSHALL"), 0);
        *acked = -1;
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            writer(s->port, acked);
        /* Kill once the writer has some acknowledged writes (on a slow or
         * loaded machine fsync may take long: wait for progress, not for a
         * fixed time), and after a round-dependent extra so the kill lands
         * at different points of a batch. */
        for (int i = 0; i < 2000 && *acked < 8; i++)
            hs_sleep_ms(10);
        hs_sleep_ms(5 * (round % 8));
        hs_stop_sig(s, SIGKILL, 1000, 0);
        long last = *acked;
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        assert_true(last > 0);
        assert_int_equal(hs_restart(s, aof_always), 0);
        c = hs_connect_loaded(s);
        for (long i = 0; i <= last; i++) {
            redisReply *r = redisCommand(c, "GET k:%ld", i);
            assert_non_null(r);
            if (r->type != REDIS_REPLY_STRING || atol(r->str) != i)
                fail_msg("round %d: acknowledged k:%ld missing (last acked %ld)", round, i, last);
            freeReplyObject(r);
        }
    }
    munmap((void *)acked, 4096);
    assert_int_equal(hs_stop(s), 0);
}

/* ---- interop with redis-server 7.0 ---- */

static int have_redis(void)
{
    return access("/usr/bin/redis-server", X_OK) == 0 &&
           access("/usr/bin/redis-check-aof", X_OK) == 0;
}

static pid_t start_redis(const char *dir, int port)
{
    pid_t pid = fork();
    if (pid == 0) {
        char p[16];
        snprintf(p, sizeof(p), "%d", port);
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execl("/usr/bin/redis-server", "redis-server", "--port", p, "--dir", dir, "--appendonly",
              "yes", "--save", "", "--bind", "127.0.0.1", NULL);
        _exit(127);
    }
    return pid;
}

static redisContext *connect_wait(int port)
{
    for (int i = 0; i < 300; i++) {
        redisContext *c = redisConnect("127.0.0.1", port);
        if (c && !c->err) {
            redisReply *r = redisCommand(c, "PING");
            int ok = r && r->type == REDIS_REPLY_STATUS;
            freeReplyObject(r);
            if (ok)
                return c;
        }
        if (c)
            redisFree(c);
        hs_sleep_ms(10);
    }
    return NULL;
}

static void stop_redis(redisContext *c, pid_t pid)
{
    redisReply *r = redisCommand(c, "SHUTDOWN");
    freeReplyObject(r);
    redisFree(c);
    waitpid(pid, NULL, 0);
}

static void test_interop_tern_to_redis(void **state)
{
    (void)state;
    if (!have_redis())
        skip();
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    write_dataset(c);
    char *left = set_member(c);
    assert_int_equal(
        hs_cmd_expect(c, "Background append only file rewriting started", "BGREWRITEAOF"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.2.base.rdb seq 2 type b\n"
                                           "file appendonly.aof.2.incr.aof seq 2 type i\n"),
                     0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET after rewrite"), 0);
    assert_int_equal(hs_stop(s), 0);
    char cmd[700];
    snprintf(cmd, sizeof(cmd),
             "/usr/bin/redis-check-aof %s/appendonlydir/appendonly.aof.manifest >/dev/null 2>&1",
             s->dir);
    assert_int_equal(system(cmd), 0);
    int port = s->port + 1000 > 60000 ? s->port - 1000 : s->port + 1000;
    pid_t pid = start_redis(s->dir, port);
    redisContext *rc = connect_wait(port);
    assert_non_null(rc);
    check_dataset(rc, left);
    assert_int_equal(hs_cmd_expect(rc, "rewrite", "GET after"), 0);
    stop_redis(rc, pid);
    free(left);
}

static void test_interop_redis_to_tern(void **state)
{
    (void)state;
    if (!have_redis())
        skip();
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, NULL), 0);
    int port = s->port + 1000 > 60000 ? s->port - 1000 : s->port + 1000;
    assert_int_equal(hs_stop(s), 0);
    pid_t pid = start_redis(s->dir, port);
    redisContext *rc = connect_wait(port);
    assert_non_null(rc);
    write_dataset(rc);
    char *left = set_member(rc);
    redisReply *r = redisCommand(rc, "BGREWRITEAOF");
    freeReplyObject(r);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.2.base.rdb seq 2 type b\n"
                                           "file appendonly.aof.2.incr.aof seq 2 type i\n"),
                     0);
    assert_int_equal(hs_cmd_expect(rc, "OK", "SET after rewrite"), 0);
    stop_redis(rc, pid);
    const char *on[] = {"--appendonly", "yes", NULL};
    assert_int_equal(hs_restart(s, on), 0);
    redisContext *c = hs_connect_loaded(s);
    check_dataset(c, left);
    assert_int_equal(hs_cmd_expect(c, "rewrite", "GET after"), 0);
    free(left);
    assert_int_equal(hs_stop(s), 0);
}

/* ---- AOF-format base (aof-use-rdb-preamble no) ---- */

static const char *const aof_nopre[] = {
    "--appendonly", "yes", "--appendfsync", "always", "--aof-use-rdb-preamble", "no", NULL};

/* Collections past 64 items (an AOF base splits them into commands of 64)
 * and special scores, in db 2. */
static void write_big(redisContext *c)
{
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 2"), 0);
    for (int i = 0; i < 70; i++) {
        redisReply *r = redisCommand(c, "RPUSH big:l %d", i);
        assert_true(r && r->type == REDIS_REPLY_INTEGER && r->integer == i + 1);
        freeReplyObject(r);
        r = redisCommand(c, "SADD big:s m%d", i);
        freeReplyObject(r);
        r = redisCommand(c, "HSET big:h f%d v%d", i, i);
        freeReplyObject(r);
        r = redisCommand(c, "ZADD big:z %d.5 z%d", i, i);
        freeReplyObject(r);
    }
    assert_int_equal(hs_cmd_expect(c, "3", "ZADD big:zf 1.1 a inf b -inf c"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "SADD big:si 3 1 2"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 0"), 0);
}

static void check_big(redisContext *c)
{
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 2"), 0);
    assert_int_equal(hs_cmd_expect(c, "70", "LLEN big:l"), 0);
    assert_int_equal(hs_cmd_expect(c, "69", "LINDEX big:l 69"), 0);
    assert_int_equal(hs_cmd_expect(c, "64", "LINDEX big:l 64"), 0);
    assert_int_equal(hs_cmd_expect(c, "70", "SCARD big:s"), 0);
    assert_int_equal(hs_cmd_expect(c, "1", "SISMEMBER big:s m69"), 0);
    assert_int_equal(hs_cmd_expect(c, "70", "HLEN big:h"), 0);
    assert_int_equal(hs_cmd_expect(c, "v69", "HGET big:h f69"), 0);
    assert_int_equal(hs_cmd_expect(c, "70", "ZCARD big:z"), 0);
    assert_int_equal(hs_cmd_expect(c, "69.5", "ZSCORE big:z z69"), 0);
    assert_int_equal(hs_cmd_expect(c, "1.1000000000000001", "ZSCORE big:zf a"), 0);
    assert_int_equal(hs_cmd_expect(c, "inf", "ZSCORE big:zf b"), 0);
    assert_int_equal(hs_cmd_expect(c, "-inf", "ZSCORE big:zf c"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "SCARD big:si"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 0"), 0);
}

/* BGREWRITEAOF with aof-use-rdb-preamble no writes the base as commands,
 * in Redis 7.0's forms (SELECT, SET, RPUSH/SADD/HMSET/ZADD in batches of
 * 64, %.17g scores, PEXPIREAT); Tern and Redis both load it back and
 * redis-check-aof accepts it. */
static void test_rewrite_aof_base(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_nopre), 0);
    char *m = read_file(s->dir, "appendonly.aof.manifest", NULL);
    assert_non_null(m);
    assert_string_equal(m, "file appendonly.aof.1.base.aof seq 1 type b\n"
                           "file appendonly.aof.1.incr.aof seq 1 type i\n");
    free(m);
    size_t blen = 99;
    free(read_file(s->dir, "appendonly.aof.1.base.aof", &blen));
    assert_int_equal(blen, 0); /* Redis 7.0 also starts with an empty AOF base */
    redisContext *c = hs_connect_loaded(s);
    write_dataset(c);
    write_big(c);
    char *left = set_member(c);
    assert_int_equal(
        hs_cmd_expect(c, "Background append only file rewriting started", "BGREWRITEAOF"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.2.base.aof seq 2 type b\n"
                                           "file appendonly.aof.2.incr.aof seq 2 type i\n"),
                     0);
    char *base = read_file(s->dir, "appendonly.aof.2.base.aof", NULL);
    assert_non_null(base);
    assert_memory_equal(base, "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n", 23);
    static const char *const want[] = {
        "*66\r\n$5\r\nRPUSH\r\n$5\r\nbig:l\r\n$1\r\n0\r\n$1\r\n1\r\n",
        "*8\r\n$5\r\nRPUSH\r\n$5\r\nbig:l\r\n$2\r\n64\r\n$2\r\n65\r\n",
        "*130\r\n$5\r\nHMSET\r\n$5\r\nbig:h\r\n",
        "*14\r\n$5\r\nHMSET\r\n$5\r\nbig:h\r\n",
        "*66\r\n$4\r\nSADD\r\n$5\r\nbig:s\r\n",
        "*8\r\n$4\r\nSADD\r\n$5\r\nbig:s\r\n",
        "*130\r\n$4\r\nZADD\r\n$5\r\nbig:z\r\n$3\r\n0.5\r\n$2\r\nz0\r\n",
        "*14\r\n$4\r\nZADD\r\n$5\r\nbig:z\r\n$4\r\n64.5\r\n$3\r\nz64\r\n",
        "*8\r\n$4\r\nZADD\r\n$6\r\nbig:zf\r\n$4\r\n-inf\r\n$1\r\nc\r\n"
        "$18\r\n1.1000000000000001\r\n$1\r\na\r\n$3\r\ninf\r\n$1\r\nb\r\n",
        "*5\r\n$4\r\nSADD\r\n$6\r\nbig:si\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n",
        "*3\r\n$3\r\nSET\r\n$3\r\nstr\r\n$5\r\nhello\r\n*3\r\n$9\r\nPEXPIREAT\r\n$3\r\nstr\r\n",
        "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n",
        "*2\r\n$6\r\nSELECT\r\n$1\r\n5\r\n*3\r\n$3\r\nSET\r\n$5\r\nindb5\r\n$4\r\nfive\r\n",
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        if (!strstr(base, want[i]))
            fail_msg("AOF base lacks command %zu: %s", i, want[i]);
    assert_null(strstr(base, "REDIS"));
    free(base);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET after rewrite"), 0);
    assert_int_equal(hs_restart(s, aof_nopre), 0);
    c = hs_connect_loaded(s);
    check_dataset(c, left);
    check_big(c);
    assert_int_equal(hs_cmd_expect(c, "rewrite", "GET after"), 0);
    assert_int_equal(hs_stop(s), 0);
    if (have_redis()) {
        char cmd[700];
        snprintf(cmd, sizeof(cmd),
                 "/usr/bin/redis-check-aof %s/appendonlydir/appendonly.aof.manifest "
                 ">/dev/null 2>&1",
                 s->dir);
        assert_int_equal(system(cmd), 0);
        int port = s->port + 1000 > 60000 ? s->port - 1000 : s->port + 1000;
        pid_t pid = start_redis(s->dir, port);
        redisContext *rc = connect_wait(port);
        assert_non_null(rc);
        check_dataset(rc, left);
        check_big(rc);
        assert_int_equal(hs_cmd_expect(rc, "rewrite", "GET after"), 0);
        stop_redis(rc, pid);
    }
    free(left);
}

/* CONFIG SET appendonly yes with aof-use-rdb-preamble no: the first base
 * is an AOF-format one. */
static void test_config_set_appendonly_aof_base(void **state)
{
    struct hserver *s = *state;
    const char *nopre[] = {"--aof-use-rdb-preamble", "no", NULL};
    assert_int_equal(hs_start(s, nopre), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET before on"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET appendonly yes"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.1.base.aof seq 1 type b\n"
                                           "file appendonly.aof.1.incr.aof seq 1 type i\n"),
                     0);
    char *base = read_file(s->dir, "appendonly.aof.1.base.aof", NULL);
    assert_non_null(base);
    assert_string_equal(base, "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
                              "*3\r\n$3\r\nSET\r\n$6\r\nbefore\r\n$2\r\non\r\n");
    free(base);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET after y"), 0);
    const char *on[] = {"--appendonly", "yes", "--aof-use-rdb-preamble", "no", NULL};
    assert_int_equal(hs_restart(s, on), 0);
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "on", "GET before"), 0);
    assert_int_equal(hs_cmd_expect(c, "y", "GET after"), 0);
    assert_int_equal(hs_stop(s), 0);
}

/* An optional argument runs only the tests whose names match it (a
 * cmocka glob pattern), e.g. itest_aof 'test_write_error*'. */
int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_manifest_and_incr_bytes, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_restart_always, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_restart_everysec, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_restart_no, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_rewrite, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_truncated_tail, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_corrupt, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_config_set_appendonly, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_kill9_always, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_flush_empty_is_logged, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_interop_tern_to_redis, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_interop_redis_to_tern, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_rewrite_aof_base, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_config_set_appendonly_aof_base, hs_setup_unstarted,
                                        hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
