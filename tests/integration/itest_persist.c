/*
 * itest_persist.c - the persistence runtime: SAVE, BGSAVE, LASTSAVE, the
 * INFO persistence fields, save points, restart with the data intact,
 * SHUTDOWN SAVE/NOSAVE, SIGTERM saving, -LOADING, DEBUG RELOAD, FLUSHALL's
 * save, and the faults: a BGSAVE child killed partway, a write error from a
 * file-size limit (-MISCONF, reads keep working, recovery), a save that
 * cannot rename (SHUTDOWN refuses to exit), a corrupt RDB at startup.
 *
 * Replies and log lines are Redis 7.0's (checked against redis-server).
 * No timing assumptions: background work is polled until it is done, and
 * the loading test makes the server sleep at each loading step through
 * TERN_TEST_LOAD_DELAY_US (a Tern test hook; redis-server ignores it, so
 * that one test only runs against Tern).
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
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

#include "harness.h"

static const char misconf[] =
    "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
    "to disk. Commands that may modify the data set are disabled, because this instance is "
    "configured to report errors during writes if RDB snapshotting fails "
    "(stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB "
    "error.";

static int setup(void **state)
{
    static const char *const extra[] = {"--enable-debug-command", "yes", NULL};
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL || hs_start(s, extra) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

/* ---- helpers ---- */

static int is_tern(void)
{
    return strstr(hs_server_path(), "redis-server") == NULL;
}

/* The value of an INFO field as text (static buffer), or "" if absent. */
static const char *info_field(redisContext *c, const char *field)
{
    static char out[256];
    out[0] = '\0';
    redisReply *r = redisCommand(c, "INFO everything");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    char key[128];
    snprintf(key, sizeof key, "\n%s:", field);
    const char *p = strstr(r->str, key);
    if (p) {
        p += strlen(key);
        size_t n = strcspn(p, "\r\n");
        if (n >= sizeof out)
            n = sizeof out - 1;
        memcpy(out, p, n);
        out[n] = '\0';
    }
    freeReplyObject(r);
    return out;
}

static long long info_int(redisContext *c, const char *field)
{
    const char *v = info_field(c, field);
    assert_true(v[0] != '\0');
    return atoll(v);
}

/* Wait (up to 30 s) until no BGSAVE runs. */
static void wait_bgsave_done(redisContext *c)
{
    long long t0 = hs_now_ms();
    while (info_int(c, "rdb_bgsave_in_progress") != 0) {
        assert_true(hs_now_ms() - t0 < 30000);
        hs_sleep_ms(10);
    }
}

/* How many times text occurs in the server log. */
static int log_count(const struct hserver *s, const char *text)
{
    char *log = hs_log(s);
    int n = 0;
    for (const char *p = log; p && (p = strstr(p, text)) != NULL; p++)
        n++;
    free(log);
    return n;
}

/* Reply is an error with exactly this text. */
static void expect_error(redisContext *c, const char *text, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    if (r->type != REDIS_REPLY_ERROR || strcmp(r->str, text) != 0)
        fprintf(stderr, "got type %d '%s', want error '%s'\n", r->type, r->str ? r->str : "", text);
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_string_equal(r->str, text);
    freeReplyObject(r);
}

/* n keys key:<i> with a value of vlen random letters (so the RDB does not
 * compress), pipelined. */
static void populate(redisContext *c, int n, int vlen)
{
    char *val = malloc((size_t)vlen + 1);
    val[vlen] = '\0';
    unsigned seed = 12345;
    for (int done = 0; done < n;) {
        int batch = n - done < 1000 ? n - done : 1000;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < vlen; j++) {
                seed = seed * 1103515245u + 12345u;
                val[j] = (char)('a' + (seed >> 16) % 26);
            }
            redisAppendCommand(c, "SET key:%d %s", done + i, val);
        }
        for (int i = 0; i < batch; i++) {
            redisReply *r;
            assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
            assert_int_equal(r->type, REDIS_REPLY_STATUS);
            freeReplyObject(r);
        }
        done += batch;
    }
    free(val);
}

static void path_in(const struct hserver *s, const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", s->dir, name);
}

static int file_exists(const struct hserver *s, const char *name)
{
    char p[512];
    path_in(s, name, p, sizeof p);
    struct stat st;
    return stat(p, &st) == 0;
}

/* Number of temp-*.rdb files left in the server's directory. */
static int temp_files(const struct hserver *s)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -c '^temp-.*\\.rdb$'", s->dir);
    FILE *f = popen(cmd, "r");
    int n = 0;
    if (f) {
        if (fscanf(f, "%d", &n) != 1)
            n = 0;
        pclose(f);
    }
    return n;
}

/* Whole file into a malloc'd buffer; *len set. NULL if unreadable. */
static char *slurp(const struct hserver *s, const char *name, size_t *len)
{
    char p[512];
    path_in(s, name, p, sizeof p);
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

/* Sockets among a process's open files (-1 if it is gone). */
static int sockets_of(pid_t pid)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "ls -l /proc/%d/fd/ 2>/dev/null | grep -c socket:", (int)pid);
    FILE *f = popen(cmd, "r");
    int n = -1;
    if (f) {
        if (fscanf(f, "%d", &n) != 1)
            n = -1;
        pclose(f);
    }
    return n;
}

/* The server's only child (the BGSAVE child), or 0. */
static pid_t child_of(pid_t pid)
{
    char p[128];
    snprintf(p, sizeof p, "/proc/%d/task/%d/children", (int)pid, (int)pid);
    FILE *f = fopen(p, "r");
    int child = 0;
    if (f) {
        if (fscanf(f, "%d", &child) != 1)
            child = 0;
        fclose(f);
    }
    return child;
}

#define expect_status(c, status, ...) assert_int_equal(hs_cmd_expect(c, status, __VA_ARGS__), 0)

/* ---- SAVE, BGSAVE, LASTSAVE, INFO ---- */

static void test_save_and_info(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    assert_int_equal(info_int(c, "rdb_last_bgsave_time_sec"), -1);
    assert_int_equal(info_int(c, "rdb_saves"), 0);
    assert_string_equal(info_field(c, "loading"), "0");
    assert_string_equal(info_field(c, "aof_enabled"), "0");
    long long start_lastsave = info_int(c, "rdb_last_save_time");
    expect_status(c, "OK", "SET a 1");
    expect_status(c, "OK", "SET b 2");
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 2);
    expect_status(c, "OK", "SAVE");
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    assert_int_equal(info_int(c, "rdb_saves"), 1);
    redisReply *r = redisCommand(c, "LASTSAVE");
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    assert_true(r->integer >= start_lastsave);
    assert_int_equal(r->integer, info_int(c, "rdb_last_save_time"));
    freeReplyObject(r);
    assert_true(file_exists(s, "dump.rdb"));
    assert_int_equal(temp_files(s), 0);
    assert_true(hs_log_has(s, "DB saved on disk"));
}

static void test_bgsave(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "SET a 1");
    long long forks = info_int(c, "total_forks");
    expect_status(c, "Background saving started", "BGSAVE");
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    assert_true(info_int(c, "rdb_last_bgsave_time_sec") >= 0);
    assert_int_equal(info_int(c, "rdb_current_bgsave_time_sec"), -1);
    assert_int_equal(info_int(c, "total_forks"), forks + 1);
    assert_true(info_int(c, "latest_fork_usec") > 0);
    assert_int_equal(info_int(c, "rdb_saves"), 1);
    assert_true(file_exists(s, "dump.rdb"));
    assert_int_equal(temp_files(s), 0);
    assert_true(hs_log_has(s, "Background saving started by pid"));
    assert_true(hs_log_has(s, "Background saving terminated with success"));
    expect_error(c, "ERR syntax error", "BGSAVE foo");
    expect_error(c, "ERR syntax error", "BGSAVE SCHEDULE x");
    /* SCHEDULE with nothing running starts at once. */
    expect_status(c, "Background saving started", "BGSAVE SCHEDULE");
    wait_bgsave_done(c);
    assert_int_equal(info_int(c, "rdb_saves"), 2);
}

/* Inside EXEC a BGSAVE is scheduled, and the cron then runs it. */
static void test_bgsave_in_multi(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "MULTI");
    expect_status(c, "QUEUED", "BGSAVE");
    redisReply *r = redisCommand(c, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 1);
    assert_string_equal(r->element[0]->str, "Background saving scheduled");
    freeReplyObject(r);
    long long t0 = hs_now_ms();
    while (info_int(c, "rdb_saves") < 1) {
        assert_true(hs_now_ms() - t0 < 10000);
        hs_sleep_ms(20);
    }
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
}

/* While an AOF rewrite child runs, BGSAVE is refused unless SCHEDULE'd;
 * a scheduled one starts once the rewrite is done. */
static void test_bgsave_while_aof_child(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    populate(c, 200000, 100);
    expect_status(c, "Background append only file rewriting started", "BGREWRITEAOF");
    pid_t child = child_of(s->pid);
    assert_true(child > 0);
    kill(child, SIGSTOP);
    expect_error(c,
                 "ERR Another child process is active (AOF?): can't BGSAVE right now. Use "
                 "BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.",
                 "BGSAVE");
    expect_status(c, "Background saving scheduled", "BGSAVE SCHEDULE");
    assert_int_equal(info_int(c, "rdb_bgsave_in_progress"), 0);
    assert_int_equal(info_int(c, "rdb_saves"), 0);
    kill(child, SIGCONT);
    long long t0 = hs_now_ms();
    while (info_int(c, "rdb_saves") < 1) {
        assert_true(hs_now_ms() - t0 < 30000);
        hs_sleep_ms(20);
    }
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    assert_true(file_exists(s, "dump.rdb"));
}

/* While a fork child runs, reads do not refresh a key's LRU stamp (that
 * write would copy the page the child shares), as in Redis. */
static void test_lru_frozen_during_fork(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    populate(c, 100000, 100);
    hs_sleep_ms(2100); /* the LRU clock counts seconds */
    expect_status(c, "Background saving started", "BGSAVE");
    pid_t child = child_of(s->pid);
    assert_true(child > 0);
    kill(child, SIGSTOP);
    redisReply *r = redisCommand(c, "GET key:5");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    freeReplyObject(r);
    r = redisCommand(c, "OBJECT IDLETIME key:5");
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    assert_true(r->integer >= 2);
    freeReplyObject(r);
    kill(child, SIGKILL);
    wait_bgsave_done(c);
    r = redisCommand(c, "GET key:5");
    freeReplyObject(r);
    r = redisCommand(c, "OBJECT IDLETIME key:5");
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    assert_true(r->integer <= 1);
    freeReplyObject(r);
}

/* A BGSAVE child stopped midway: the replies while it runs, then it is
 * killed: the old dump.rdb is intact, no temp file is left, the failure
 * shows in INFO and the log, writes get -MISCONF (save points set), reads
 * and the recovery BGSAVE work. */
static void test_bgsave_child_killed(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    populate(c, 200000, 100); /* a save of some 100 ms at least */
    expect_status(c, "OK", "SAVE");
    size_t oldlen = 0, newlen = 0;
    char *old = slurp(s, "dump.rdb", &oldlen);
    assert_non_null(old);
    expect_status(c, "OK", "SET extra 1");
    int quitter = hs_raw_connect(s, 0); /* connected before the fork */
    assert_true(quitter >= 0);
    expect_status(c, "Background saving started", "BGSAVE");
    pid_t child = child_of(s->pid);
    assert_true(child > 0);
    if (is_tern()) { /* let it close its inherited sockets first */
        long long t0 = hs_now_ms();
        while (sockets_of(child) > 0 && hs_now_ms() - t0 < 5000)
            ;
        assert_int_equal(sockets_of(child), 0);
    }
    kill(child, SIGSTOP);
    /* Tern's child closes the sockets it inherited, so a client the parent
     * closes sees EOF at once (Redis's child keeps them open). */
    if (is_tern()) {
        assert_int_equal(hs_send_str(quitter, "QUIT\r\n"), 0);
        assert_int_equal(hs_expect(quitter, "+OK\r\n", 2000), 0);
        assert_int_equal(hs_wait_closed(quitter, 2000, NULL), 1);
    }
    /* The child may not have been scheduled yet; it still runs. */
    assert_int_equal(info_int(c, "rdb_bgsave_in_progress"), 1);
    assert_true(info_int(c, "rdb_current_bgsave_time_sec") >= 0);
    expect_error(c, "ERR Background save already in progress", "BGSAVE");
    expect_error(c, "ERR Background save already in progress", "BGSAVE SCHEDULE");
    expect_error(c, "ERR Background save already in progress", "SAVE");
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    kill(child, SIGKILL);
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "err");
    char line[64];
    snprintf(line, sizeof line, "Background saving terminated by signal %d", SIGKILL);
    assert_true(hs_log_has(s, line));
    assert_int_equal(temp_files(s), 0);
    char *now = slurp(s, "dump.rdb", &newlen);
    assert_non_null(now);
    assert_int_equal(newlen, oldlen);
    assert_memory_equal(now, old, oldlen);
    free(old);
    free(now);
    /* -MISCONF for writes and PING; reads work. */
    expect_error(c, misconf, "SET k v");
    expect_error(c, misconf, "PING");
    assert_int_equal(hs_cmd_expect(c, "1", "GET extra"), 0);
    assert_int_equal(hs_cmd_expect(c, "200001", "DBSIZE"), 0);
    /* A queued write fails the transaction. */
    expect_status(c, "OK", "MULTI");
    expect_error(c, misconf, "SET k v");
    expect_error(c, "EXECABORT Transaction discarded because of previous errors.", "EXEC");
    /* Recovery. */
    expect_status(c, "Background saving started", "BGSAVE");
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    expect_status(c, "OK", "SET k v");
    expect_status(c, "PONG", "PING");
}

/* A file-size limit on the server process (and so on its child) makes the
 * save fail with EFBIG: -MISCONF, reads work, and once the limit is lifted
 * the next BGSAVE succeeds and writes are accepted again. */
static void test_write_error_fsize(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    populate(c, 20000, 200); /* an RDB of about 4 MB */
    struct rlimit old, lim;
    assert_int_equal(prlimit(s->pid, RLIMIT_FSIZE, NULL, &old), 0);
    lim = old;
    lim.rlim_cur = 1 << 20; /* 1 MB: the log stays below it */
    assert_int_equal(prlimit(s->pid, RLIMIT_FSIZE, &lim, NULL), 0);
    expect_status(c, "Background saving started", "BGSAVE");
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "err");
    /* Redis leaves SIGXFSZ at its default, so its child dies by it; Tern
     * ignores it and reports the EFBIG write error. */
    if (is_tern()) {
        assert_true(hs_log_has(s, "Write error saving DB on disk: File too large"));
        assert_true(hs_log_has(s, "Background saving error"));
    }
    assert_int_equal(temp_files(s), 0);
    expect_error(c, misconf, "SET k v");
    expect_error(c, misconf, "PING");
    assert_int_equal(hs_cmd_expect(c, "20000", "DBSIZE"), 0);
    /* stop-writes-on-bgsave-error no lifts the refusal (status stays err). */
    expect_status(c, "OK", "CONFIG SET stop-writes-on-bgsave-error no");
    expect_status(c, "OK", "SET k v");
    expect_status(c, "OK", "CONFIG SET stop-writes-on-bgsave-error yes");
    expect_error(c, misconf, "DEL k");
    redisReply *r = redisCommand(c, "GET key:7");
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    assert_int_equal(r->len, 200);
    freeReplyObject(r);
    /* The foreground SAVE fails too, and Tern survives it (Redis would be
     * killed by SIGXFSZ here). */
    if (is_tern()) {
        expect_error(c, "ERR", "SAVE");
        assert_int_equal(temp_files(s), 0);
    }
    /* Disk writable again. */
    assert_int_equal(prlimit(s->pid, RLIMIT_FSIZE, &old, NULL), 0);
    expect_status(c, "Background saving started", "BGSAVE");
    wait_bgsave_done(c);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    expect_status(c, "OK", "SET k v");
    expect_status(c, "PONG", "PING");
}

/* ---- save points ---- */

static void test_save_points(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "CONFIG SET save %s", "1 2");
    expect_status(c, "OK", "SET a 1");
    expect_status(c, "OK", "SET b 1");
    long long t0 = hs_now_ms();
    while (info_int(c, "rdb_changes_since_last_save") != 0 ||
           info_int(c, "rdb_bgsave_in_progress") != 0) {
        assert_true(hs_now_ms() - t0 < 15000);
        hs_sleep_ms(50);
    }
    assert_true(hs_log_has(s, "2 changes in 1 seconds. Saving..."));
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    assert_true(file_exists(s, "dump.rdb"));
    /* One change is below the threshold: nothing happens. */
    expect_status(c, "OK", "SET c 1");
    hs_sleep_ms(2500);
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 1);
}

/* ---- restart, SHUTDOWN, SIGTERM ---- */

static void check_dataset(redisContext *c)
{
    assert_int_equal(hs_cmd_expect(c, "hello", "GET str"), 0);
    assert_int_equal(hs_cmd_expect(c, "12345", "GET num"), 0);
    redisReply *r = redisCommand(c, "LRANGE list 0 -1");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 3);
    assert_string_equal(r->element[2]->str, "c");
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "v2", "HGET hash f2"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "SCARD set"), 0);
    assert_int_equal(hs_cmd_expect(c, "2.5", "ZSCORE zset b"), 0);
    r = redisCommand(c, "TTL withttl");
    assert_true(r->integer > 1000 && r->integer <= 5000);
    freeReplyObject(r);
    expect_status(c, "OK", "SELECT 3");
    assert_int_equal(hs_cmd_expect(c, "in db 3", "GET other"), 0);
    expect_status(c, "OK", "SELECT 0");
}

static void write_dataset(redisContext *c)
{
    expect_status(c, "OK", "SET str hello");
    expect_status(c, "OK", "SET num 12345");
    assert_int_equal(hs_cmd_expect(c, "3", "RPUSH list a b c"), 0);
    assert_int_equal(hs_cmd_expect(c, "2", "HSET hash f1 v1 f2 v2"), 0);
    assert_int_equal(hs_cmd_expect(c, "3", "SADD set x y z"), 0);
    assert_int_equal(hs_cmd_expect(c, "2", "ZADD zset 1 a 2.5 b"), 0);
    expect_status(c, "OK", "SET withttl v EX 5000");
    expect_status(c, "OK", "SELECT 3");
    expect_status(c, "OK", "SET other %s", "in db 3");
    expect_status(c, "OK", "SELECT 0");
}

static void test_restart_intact(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    write_dataset(c);
    expect_status(c, "OK", "SAVE");
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    check_dataset(c);
    assert_int_equal(info_int(c, "rdb_last_load_keys_loaded"), 8);
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    assert_true(hs_log_has(s, "DB loaded from disk:"));
    if (is_tern())
        assert_true(hs_log_has(s, "Done loading RDB, keys loaded: 8, keys expired: 0."));
}

/* Send SHUTDOWN args on a raw socket and wait for the server to exit. */
static void shutdown_cmd(struct hserver *s, const char *args)
{
    int fd = hs_raw_connect(s, 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "SHUTDOWN %s\r\n", args);
    assert_int_equal(hs_send_str(fd, cmd), 0);
    assert_int_equal(hs_wait_closed(fd, 10000, NULL), 1);
    assert_int_equal(hs_stop(s), 0); /* reaps it: exit status 0 */
}

static void test_shutdown_save_nosave(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    /* No save points (the harness passes --save ""): plain SHUTDOWN and
     * NOSAVE write nothing; SAVE does. */
    expect_status(c, "OK", "SET a 1");
    shutdown_cmd(s, "NOSAVE");
    assert_false(file_exists(s, "dump.rdb"));
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "0", "DBSIZE"), 0);
    expect_status(c, "OK", "SET a 1");
    shutdown_cmd(s, "SAVE");
    assert_true(hs_log_has(s, "Saving the final RDB snapshot before exiting."));
    assert_true(hs_log_has(s, "User requested shutdown..."));
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "1", "GET a"), 0);
    /* With save points, a plain SHUTDOWN saves; NOSAVE does not. */
    static const char *const sp[] = {"--save", "3600 1", NULL};
    assert_int_equal(hs_restart(s, sp), 0);
    c = hs_connect(s);
    expect_status(c, "OK", "SET b 2");
    shutdown_cmd(s, "");
    assert_int_equal(hs_restart(s, sp), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "2", "GET b"), 0);
    expect_status(c, "OK", "SET b 3");
    shutdown_cmd(s, "NOSAVE");
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "2", "GET b"), 0);
    expect_error(c, "ERR syntax error", "SHUTDOWN SAVE NOSAVE");
    expect_error(c, "ERR syntax error", "SHUTDOWN ABORT NOW");
}

static void test_sigterm_saves(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    write_dataset(c);
    assert_int_equal(hs_stop(s), 0); /* SIGTERM, exit status 0 */
    assert_true(hs_log_has(s, "Received SIGTERM scheduling shutdown..."));
    assert_true(hs_log_has(s, "Saving the final RDB snapshot before exiting."));
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    check_dataset(c);
}

/* The save cannot complete (dump.rdb is a non-empty directory, so the
 * rename fails, as root too): SAVE says ERR, SHUTDOWN refuses to exit, a
 * SIGTERM leaves it running, SHUTDOWN NOSAVE or FORCE exits. */
static void test_shutdown_save_fails(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    expect_status(c, "OK", "SET a 1");
    char p[512];
    path_in(s, "dump.rdb/x", p, sizeof p);
    char d[512];
    path_in(s, "dump.rdb", d, sizeof d);
    assert_int_equal(mkdir(d, 0755), 0);
    assert_int_equal(mkdir(p, 0755), 0);
    expect_error(c, "ERR", "SAVE");
    assert_true(hs_log_has(s, "Error moving temp DB file temp-"));
    assert_int_equal(temp_files(s), 0);
    expect_error(c, "ERR Errors trying to SHUTDOWN. Check logs.", "SHUTDOWN");
    assert_true(hs_log_has(s, "Error trying to save the DB, can't exit."));
    expect_status(c, "OK", "SET b 1"); /* still serving (SAVE failures do not MISCONF) */
    kill(s->pid, SIGTERM);
    long long t0 = hs_now_ms();
    while (log_count(s, "Error trying to save the DB, can't exit.") < 2) {
        assert_true(hs_now_ms() - t0 < 5000);
        hs_sleep_ms(20);
    }
    expect_status(c, "PONG", "PING");
    shutdown_cmd(s, "SAVE FORCE");
    assert_true(hs_log_has(s, "Error trying to save the DB. Exit anyway."));
}

/* ---- loading ---- */

static void test_loading(void **state)
{
    struct hserver *s = *state;
    if (!is_tern())
        skip(); /* the delay hook is Tern's */
    redisContext *c = hs_connect(s);
    populate(c, 200000, 100); /* about 22 MB: ~11 loading steps */
    expect_status(c, "OK", "SAVE");
    setenv("TERN_TEST_LOAD_DELAY_US", "100000", 1);
    int rc = hs_restart(s, NULL);
    unsetenv("TERN_TEST_LOAD_DELAY_US");
    assert_int_equal(rc, 0);
    c = hs_connect(s);
    int saw_loading = 0, saw_info = 0;
    long long t0 = hs_now_ms();
    for (;;) {
        assert_true(hs_now_ms() - t0 < 60000);
        redisReply *r = redisCommand(c, "GET key:199999");
        assert_non_null(r);
        if (r->type == REDIS_REPLY_ERROR) {
            assert_string_equal(r->str, "LOADING Redis is loading the dataset in memory");
            saw_loading++;
            freeReplyObject(r);
            if (strcmp(info_field(c, "loading"), "1") == 0) {
                saw_info++;
                assert_true(info_int(c, "loading_total_bytes") > 0);
            }
            continue;
        }
        assert_int_equal(r->type, REDIS_REPLY_STRING);
        assert_int_equal(r->len, 100);
        freeReplyObject(r);
        break;
    }
    assert_true(saw_loading > 0);
    assert_true(saw_info > 0);
    assert_string_equal(info_field(c, "loading"), "0");
    assert_int_equal(info_int(c, "rdb_last_load_keys_loaded"), 200000);
    assert_int_equal(hs_cmd_expect(c, "200000", "DBSIZE"), 0);
}

/* A corrupt or truncated dump.rdb stops startup with a clear message. */
static void restart_expect_failure(struct hserver *s, const char *content, size_t len)
{
    char p[512];
    if (s->pid > 0)
        assert_int_equal(hs_stop(s), 0);
    path_in(s, "dump.rdb", p, sizeof p);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    fclose(f);
    assert_int_equal(hs_restart(s, NULL), -1);
    assert_true(WIFEXITED(s->exit_status));
    assert_int_not_equal(WEXITSTATUS(s->exit_status), 0);
}

static void test_corrupt_rdb_startup(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    write_dataset(c);
    expect_status(c, "OK", "SAVE");
    size_t len = 0;
    char *good = slurp(s, "dump.rdb", &len);
    assert_non_null(good);
    /* Truncated. */
    restart_expect_failure(s, good, len / 2);
    if (is_tern()) {
        assert_true(hs_log_has(s, "Fatal error loading the DB from dump.rdb"));
        assert_true(hs_log_has(s, "Terminating server after rdb file reading failure."));
    }
    /* Garbage after a valid header. */
    restart_expect_failure(s, "REDIS0010\xfe\x00\x00\x05hello\xff\x01\x02", 20);
    /* Not an RDB at all. */
    restart_expect_failure(s, "hello world, not an rdb", 23);
    free(good);
}

/* ---- DEBUG RELOAD, FLUSHALL ---- */

static void test_debug_reload(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    write_dataset(c);
    expect_status(c, "OK", "DEBUG RELOAD");
    check_dataset(c);
    assert_true(hs_log_has(s, "DB reloaded by DEBUG RELOAD"));
    expect_error(c, "ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.",
                 "DEBUG RELOAD foo");
    /* NOSAVE loads the file as it is: the key set since is gone. */
    expect_status(c, "OK", "SET later 1");
    expect_status(c, "OK", "DEBUG RELOAD NOSAVE");
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS later"), 0);
    check_dataset(c);
    char p[512];
    path_in(s, "dump.rdb", p, sizeof p);
    assert_int_equal(unlink(p), 0);
    expect_error(c, "ERR Error trying to load the RDB dump", "DEBUG RELOAD NOSAVE");
}

static void test_flushall_saves(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    /* Without save points FLUSHALL only counts changes. */
    expect_status(c, "OK", "SET a 1");
    expect_status(c, "OK", "SET b 1");
    expect_status(c, "OK", "FLUSHALL");
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 4);
    assert_false(file_exists(s, "dump.rdb"));
    /* With save points it saves the empty dataset at once. */
    expect_status(c, "OK", "SET a 1");
    expect_status(c, "OK", "SAVE");
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    expect_status(c, "OK", "SET b 1");
    expect_status(c, "OK", "FLUSHALL");
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    /* SIGKILL: whatever is on disk now is what FLUSHALL left there. */
    hs_stop_sig(s, SIGKILL, 5000, 0);
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "0", "DBSIZE"), 0);
}

/* With save points FLUSHALL saves (which clears the change counter) and
 * must still reach the AOF: otherwise a restart replays the old writes. */
static void test_flushall_reaches_aof(void **state)
{
    struct hserver *s = *state;
    static const char *const aof[] = {"--appendonly", "yes", "--appendfsync", "always", "--save",
                                      "3600 1",       NULL};
    assert_int_equal(hs_restart(s, aof), 0);
    redisContext *c = hs_connect(s);
    expect_status(c, "OK", "SET a 1");
    expect_status(c, "OK", "FLUSHALL");
    expect_status(c, "OK", "SET b 2");
    hs_stop_sig(s, SIGKILL, 5000, 0);
    assert_int_equal(hs_restart(s, aof), 0);
    c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(c, "0", "EXISTS a"), 0);
    assert_int_equal(hs_cmd_expect(c, "2", "GET b"), 0);
}

/* FLUSHALL with save points stops a running (here: stopped) BGSAVE child
 * with SIGUSR1, which is not a failure, then saves the empty dataset.
 * Tern only: Redis does not wait for the child, so a stopped one stays. */
static void test_flushall_kills_child(void **state)
{
    struct hserver *s = *state;
    if (!is_tern())
        skip();
    redisContext *c = hs_connect(s);
    populate(c, 200000, 100);
    expect_status(c, "OK", "CONFIG SET save %s", "3600 1");
    expect_status(c, "Background saving started", "BGSAVE");
    pid_t child = child_of(s->pid);
    assert_true(child > 0);
    kill(child, SIGSTOP);
    expect_status(c, "OK", "FLUSHALL");
    assert_int_equal(info_int(c, "rdb_bgsave_in_progress"), 0);
    assert_string_equal(info_field(c, "rdb_last_bgsave_status"), "ok");
    char line[64];
    snprintf(line, sizeof line, "Background saving terminated by signal %d", SIGUSR1);
    assert_true(hs_log_has(s, line));
    assert_int_equal(temp_files(s), 0);
    assert_int_equal(info_int(c, "rdb_changes_since_last_save"), 0);
    expect_status(c, "OK", "SET k v"); /* no MISCONF */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_save_and_info, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bgsave, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bgsave_in_multi, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bgsave_while_aof_child, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bgsave_child_killed, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_lru_frozen_during_fork, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_write_error_fsize, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_save_points, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_restart_intact, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_shutdown_save_nosave, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_sigterm_saves, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_shutdown_save_fails, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_loading, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_rdb_startup, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_debug_reload, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_flushall_saves, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_flushall_reaches_aof, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_flushall_kills_child, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
