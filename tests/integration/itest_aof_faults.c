/*
 * itest_aof_faults.c - the append-only file under faults and at load time.
 *
 * While the AOF loads at startup commands get -LOADING and INFO shows
 * loading:1; a replayed SPOP does not swallow the next write; a failed
 * write (RLIMIT_FSIZE lowered on the running server) gives Redis 7.0's
 * -MISCONF for writes and PING with appendfsync everysec/no, keeps reads
 * working and recovers once the file can grow, and ends the process with
 * appendfsync always; INFO persistence's aof_* fields follow the state.
 * (The rest of the AOF is itest_aof.c.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "aofutil.h"
#include "harness.h"

static const char *const aof_always[] = {"--appendonly", "yes", "--appendfsync", "always", NULL};

/* An SPOP replayed from the AOF (Redis and Tern write SREM, but a hand
 * made file may hold one) must not swallow the first write after startup
 * (its handler marks the command as replaced for propagation). The write
 * is sent while the AOF still loads, so it is the first command run. */
static void test_replayed_spop_then_write(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "3", "SADD s a b c"), 0);
    for (int i = 0; i < 10000; i++)
        redisAppendCommand(c, "SET k:%d %d", i, i);
    for (int i = 0; i < 10000; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        freeReplyObject(r);
    }
    assert_int_equal(hs_stop(s), 0);
    append_file(s->dir, "appendonly.aof.1.incr.aof", "*2\r\n$4\r\nSPOP\r\n$1\r\ns\r\n");
    setenv("TERN_TEST_LOAD_DELAY_US", "100000", 1);
    int rc = hs_restart(s, aof_always);
    unsetenv("TERN_TEST_LOAD_DELAY_US");
    assert_int_equal(rc, 0);
    c = hs_connect(s);
    int ok = 0, loading = 0;
    for (int i = 0; i < 1000 && !ok; i++) {
        redisReply *r = redisCommand(c, "SET first write");
        assert_non_null(r);
        ok = r->type == REDIS_REPLY_STATUS;
        loading += r->type == REDIS_REPLY_ERROR;
        freeReplyObject(r);
        if (!ok)
            hs_sleep_ms(5);
    }
    assert_true(ok);
    assert_true(loading > 0); /* the SET did wait for the load */
    assert_int_equal(hs_cmd_expect(c, "2", "SCARD s"), 0);
    char *incr = read_file(s->dir, "appendonly.aof.1.incr.aof", NULL);
    assert_non_null(incr);
    assert_non_null(strstr(incr, "$5\r\nfirst\r\n$5\r\nwrite\r\n"));
    free(incr);
    assert_int_equal(hs_stop(s), 0);
}

/* ---- loading ---- */

static int info_has(redisContext *c, const char *line)
{
    redisReply *r = redisCommand(c, "INFO persistence");
    int found = r && r->type == REDIS_REPLY_STRING && strstr(r->str, line) != NULL;
    freeReplyObject(r);
    return found;
}

/* While the AOF loads, commands get -LOADING and INFO shows loading:1. */
static void test_loading(void **state)
{
    struct hserver *s = *state;
    const char *on[] = {"--appendonly", "yes", NULL};
    assert_int_equal(hs_start(s, on), 0);
    redisContext *c = hs_connect_loaded(s);
    for (int i = 0; i < 20000; i++)
        redisAppendCommand(c, "SET k:%d %d", i, i);
    for (int i = 0; i < 20000; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        freeReplyObject(r);
    }
    /* Each pass of the reactor during the load (every 1024 commands)
     * sleeps 50 ms: about a second of loading. */
    setenv("TERN_TEST_LOAD_DELAY_US", "50000", 1);
    int rc = hs_restart(s, on);
    unsetenv("TERN_TEST_LOAD_DELAY_US");
    assert_int_equal(rc, 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "LOADING Redis is loading the dataset in memory", "GET k:1"),
                     0);
    assert_true(info_has(c, "loading:1\r\n"));
    assert_true(info_has(c, "loading_total_bytes:"));
    assert_true(info_has(c, "aof_enabled:1\r\n")); /* as Redis: on while it loads */
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, "20000", "DBSIZE"), 0);
    assert_int_equal(hs_cmd_expect(c, "19999", "GET k:19999"), 0);
    assert_true(info_has(c, "loading:0\r\n"));
    assert_true(info_has(c, "aof_enabled:1\r\n"));
    assert_int_equal(hs_stop(s), 0);
}

/* ---- write errors (RLIMIT_FSIZE on the running server) ---- */

static void set_fsize(pid_t pid, rlim_t soft)
{
    struct rlimit old, rl;
    assert_int_equal(prlimit(pid, RLIMIT_FSIZE, NULL, &old), 0);
    rl.rlim_cur = soft;
    rl.rlim_max = old.rlim_max;
    assert_int_equal(prlimit(pid, RLIMIT_FSIZE, &rl, NULL), 0);
}

static size_t incr_size(const struct hserver *s)
{
    char path[600];
    struct stat st;
    snprintf(path, sizeof(path), "%s/appendonlydir/appendonly.aof.1.incr.aof", s->dir);
    return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

/* Make the incr file bigger than the server log, so that the file-size
 * limit set just above the incr file still lets the log be written. Then
 * limit: the next SET of 100 bytes (129 in the AOF) fits, the one after
 * does not. */
static void fill_and_limit(struct hserver *s, redisContext *c, char *val100)
{
    memset(val100, 'v', 100);
    val100[100] = '\0';
    static char pad[65536];
    redisReply *r = redisCommand(c, "SET pad %b", pad, sizeof(pad));
    assert_true(r && r->type == REDIS_REPLY_STATUS);
    freeReplyObject(r);
    hs_sleep_ms(50);
    set_fsize(s->pid, (rlim_t)incr_size(s) + 150);
}

/* everysec / no: a failed write refuses writes (and PING) with Redis's
 * MISCONF text, reads still work, the buffer is kept and retried, and
 * writes work again once the file can grow. Nothing acknowledged is lost. */
static void write_error(struct hserver *s, const char *policy)
{
    const char *extra[] = {"--appendonly", "yes", "--appendfsync", policy, NULL};
    assert_int_equal(hs_start(s, extra), 0);
    redisContext *c = hs_connect_loaded(s);
    char val[101];
    fill_and_limit(s, c, val);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k1 %s", val), 0);
    /* Its write is cut short: the reply still goes out (as in Redis), the
     * command waits in the buffer. */
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k2 %s", val), 0);
    const char *misconf = "MISCONF Errors writing to the AOF file: No space left on device";
    assert_int_equal(hs_cmd_expect(c, misconf, "SET k3 x"), 0);
    assert_int_equal(hs_cmd_expect(c, misconf, "PING"), 0);
    assert_int_equal(hs_cmd_expect(c, val, "GET k2"), 0);
    assert_true(info_has(c, "aof_last_write_status:err\r\n"));
    assert_true(info_has(c, "aof_buffer_length:129\r\n"));
    assert_true(hs_log_has(s, "Short write while writing to the AOF file"));
    set_fsize(s->pid, RLIM_INFINITY);
    int ok = 0;
    for (int i = 0; i < 300 && !ok; i++) {
        redisReply *r = redisCommand(c, "SET k3 x");
        ok = r && r->type == REDIS_REPLY_STATUS;
        freeReplyObject(r);
        if (!ok)
            hs_sleep_ms(10);
    }
    assert_true(ok);
    assert_true(info_has(c, "aof_last_write_status:ok\r\n"));
    assert_true(hs_log_has(s, "AOF write error looks solved, Redis can write again."));
    assert_int_equal(hs_restart(s, extra), 0);
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, val, "GET k1"), 0);
    assert_int_equal(hs_cmd_expect(c, val, "GET k2"), 0);
    assert_int_equal(hs_cmd_expect(c, "x", "GET k3"), 0);
    assert_int_equal(hs_stop(s), 0);
}

static void test_write_error_everysec(void **state)
{
    write_error(*state, "everysec");
}

static void test_write_error_no(void **state)
{
    write_error(*state, "no");
}

/* appendfsync always: a failed write ends the process (exit 1), as Redis
 * does, and no reply acknowledges the write that failed. */
static void test_write_error_always(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, aof_always), 0);
    redisContext *c = hs_connect_loaded(s);
    char val[101];
    fill_and_limit(s, c, val);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET k1 %s", val), 0);
    redisReply *r = redisCommand(c, "SET k2 %s", val);
    assert_null(r); /* the connection closed without a reply */
    pid_t pid = s->pid;
    int st = 0;
    for (int i = 0; i < 500 && waitpid(pid, &st, WNOHANG) == 0; i++)
        hs_sleep_ms(10);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 1);
    s->pid = 0;
    assert_true(hs_log_has(s, "Can't recover from AOF write error when the AOF fsync policy is "
                              "'always'. Exiting..."));
    assert_int_equal(hs_restart(s, aof_always), 0);
    c = hs_connect_loaded(s);
    assert_int_equal(hs_cmd_expect(c, val, "GET k1"), 0);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS k2"), 0);
    assert_int_equal(hs_stop(s), 0);
}

/* ---- INFO persistence ---- */

/* The aof_* fields follow the AOF's state (Redis 7.0's names and order). */
static void test_info_fields(void **state)
{
    struct hserver *s = *state;
    assert_int_equal(hs_start(s, NULL), 0);
    redisContext *c = hs_connect_loaded(s);
    assert_true(info_has(c, "aof_enabled:0\r\naof_rewrite_in_progress:0\r\n"
                            "aof_rewrite_scheduled:0\r\naof_last_rewrite_time_sec:-1\r\n"
                            "aof_current_rewrite_time_sec:-1\r\naof_last_bgrewrite_status:ok\r\n"
                            "aof_rewrites:0\r\naof_rewrites_consecutive_failures:0\r\n"
                            "aof_last_write_status:ok\r\naof_last_cow_size:0\r\n"
                            "module_fork_in_progress:0\r\nmodule_fork_last_cow_size:0\r\n"));
    assert_false(info_has(c, "aof_current_size:"));
    assert_int_equal(hs_cmd_expect(c, "OK", "SET a 1"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET appendonly yes"), 0);
    assert_int_equal(wait_manifest(s->dir, "file appendonly.aof.1.base.rdb seq 1 type b\n"
                                           "file appendonly.aof.1.incr.aof seq 1 type i\n"),
                     0);
    /* The manifest is written just before the parent records the end of
     * the rewrite: wait for that (bounded), not for a fixed time. */
    for (int i = 0; i < 1000 && !(info_has(c, "aof_enabled:1\r\n") &&
                                  info_has(c, "aof_rewrite_in_progress:0\r\n"));
         i++)
        hs_sleep_ms(10);
    assert_true(info_has(c, "aof_enabled:1\r\n"));
    assert_true(info_has(c, "aof_rewrites:1\r\n"));
    assert_true(info_has(c, "aof_rewrite_in_progress:0\r\n"));
    /* Whole seconds the rewrite took: 0 on an idle machine, but a loaded
     * one may need longer; only its presence and range are the point. */
    long long secs = hs_info_field(c, "persistence", "aof_last_rewrite_time_sec");
    assert_true(secs >= 0 && secs < 60);
    /* After the rewrite: the base only (the incr file is still empty). */
    char line[64];
    struct stat st;
    char path[600];
    snprintf(path, sizeof(path), "%s/appendonlydir/appendonly.aof.1.base.rdb", s->dir);
    assert_int_equal(stat(path, &st), 0);
    snprintf(line, sizeof(line), "aof_current_size:%lld\r\naof_base_size:%lld\r\n",
             (long long)st.st_size, (long long)st.st_size);
    assert_true(info_has(c, line));
    assert_int_equal(hs_cmd_expect(c, "OK", "SET b 2"), 0);
    snprintf(line, sizeof(line), "aof_current_size:%lld\r\n",
             (long long)st.st_size + (long long)incr_size(s));
    assert_true(info_has(c, line));
    assert_true(info_has(c, "aof_pending_rewrite:0\r\naof_buffer_length:0\r\n"
                            "aof_pending_bio_fsync:"));
    assert_true(info_has(c, "aof_delayed_fsync:0\r\n"));
    assert_int_equal(hs_stop(s), 0);
}

/* An optional argument runs only the tests whose names match it. */
int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_replayed_spop_then_write, hs_setup_unstarted,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_loading, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_write_error_everysec, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_write_error_no, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_write_error_always, hs_setup_unstarted, hs_teardown),
        cmocka_unit_test_setup_teardown(test_info_fields, hs_setup_unstarted, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
