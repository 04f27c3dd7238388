/*
 * itest_multi.c - transactions across clients: WATCH invalidated by another
 * client's write, by expiry, FLUSHALL, SWAPDB and RENAME onto the key;
 * blocking commands inside MULTI; a push inside EXEC waking a blocked
 * client only after the transaction; CLIENT PAUSE WRITE holding an EXEC
 * with writes; CLIENT LIST's multi= field and x/d flags; cleanup when a
 * client in MULTI disconnects; EXEC's error statistics; and a race test:
 * many processes doing WATCH/GET/MULTI/SET/EXEC increments on shared keys,
 * no increment lost or applied twice. Validated against redis-server
 * (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* Run a command and return its reply (caller frees). Asserts a reply. */
static redisReply *cmd(redisContext *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    assert_non_null(r);
    return r;
}

/* EXEC and report: -1 for a null reply (WATCH failed), else the number of
 * elements of the array. */
static long exec_result(redisContext *c)
{
    redisReply *r = cmd(c, "EXEC");
    long n =
        r->type == REDIS_REPLY_NIL ? -1 : (r->type == REDIS_REPLY_ARRAY ? (long)r->elements : -2);
    freeReplyObject(r);
    return n;
}

/* WATCH key on w, let other run one command, then MULTI/PING/EXEC on w. */
static long watch_then(redisContext *w, const char *key, redisContext *other, const char *what)
{
    assert_int_equal(hs_cmd_expect(w, "OK", "WATCH %s", key), 0);
    freeReplyObject(cmd(other, what));
    assert_int_equal(hs_cmd_expect(w, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(w, "QUEUED", "PING"), 0);
    return exec_result(w);
}

static void test_watch_other_client(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s), *b = hs_connect(s);
    assert_int_equal(hs_cmd_expect(a, "OK", "SET k 1"), 0);
    assert_int_equal(watch_then(a, "k", b, "SET k 2"), -1);
    assert_int_equal(watch_then(a, "k", b, "SET other 2"), 1);
    assert_int_equal(watch_then(a, "k", b, "GET k"), 1); /* reads do not touch */
    assert_int_equal(watch_then(a, "k", b, "INCR k"), -1);
    assert_int_equal(watch_then(a, "k", b, "DEL k"), -1);
    assert_int_equal(watch_then(a, "k", b, "DEL k"), 1); /* deleting nothing */
    assert_int_equal(watch_then(a, "k", b, "LPUSH k x"), -1);
    /* a write in another database to the same name does not touch it */
    assert_int_equal(hs_cmd_expect(b, "OK", "SELECT 3"), 0);
    assert_int_equal(watch_then(a, "k", b, "SET k 9"), 1);
    assert_int_equal(hs_cmd_expect(b, "OK", "FLUSHALL"), 0);
}

static void test_watch_flush_swap_rename(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s), *b = hs_connect(s);
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    assert_int_equal(watch_then(a, "k", b, "FLUSHALL"), -1);
    assert_int_equal(watch_then(a, "k", b, "FLUSHALL"), 1); /* k no longer exists */
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    assert_int_equal(watch_then(a, "k", b, "FLUSHDB"), -1);
    /* SWAPDB: k only in db 5 comes into db 0 */
    assert_int_equal(hs_cmd_expect(b, "OK", "SELECT 5"), 0);
    assert_int_equal(hs_cmd_expect(b, "OK", "SET k 1"), 0);
    assert_int_equal(watch_then(a, "k", b, "SWAPDB 0 5"), -1);
    assert_int_equal(watch_then(a, "k", b, "SWAPDB 0 5"), -1); /* and goes away */
    assert_int_equal(watch_then(a, "nothere", b, "SWAPDB 0 5"), 1);
    assert_int_equal(hs_cmd_expect(b, "OK", "FLUSHALL"), 0);
    assert_int_equal(hs_cmd_expect(b, "OK", "SELECT 0"), 0);
    /* RENAME onto the watched key, and away from it */
    assert_int_equal(hs_cmd_expect(b, "OK", "SET src 1"), 0);
    assert_int_equal(watch_then(a, "dst", b, "RENAME src dst"), -1);
    assert_int_equal(watch_then(a, "dst", b, "RENAME dst src"), -1);
    assert_int_equal(hs_cmd_expect(b, "OK", "FLUSHALL"), 0);
}

static void test_watch_expiry(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s);
    /* expires (and is reaped by active expiry or not) after WATCH */
    assert_int_equal(hs_cmd_expect(a, "OK", "SET e 1 PX 100"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "WATCH e"), 0);
    hs_sleep_ms(300);
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "PING"), 0);
    assert_int_equal(exec_result(a), -1);
    /* a key with a far TTL is fine */
    assert_int_equal(hs_cmd_expect(a, "OK", "SET e 1 EX 100"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "WATCH e"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "PING"), 0);
    assert_int_equal(exec_result(a), 1);
    assert_int_equal(hs_cmd_expect(a, "OK", "FLUSHALL"), 0);
}

static void test_blocking_inside_multi(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s);
    long long t0 = hs_now_ms();
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "BLPOP nolist 0"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "BZPOPMIN nozset 5"), 0);
    redisReply *r = cmd(a, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 2);
    assert_int_equal(r->element[0]->type, REDIS_REPLY_NIL);
    assert_int_equal(r->element[1]->type, REDIS_REPLY_NIL);
    freeReplyObject(r);
    assert_true(hs_now_ms() - t0 < 1000);
    assert_int_equal(hs_cmd_expect(a, "PONG", "PING"), 0); /* not blocked */
}

/* A client blocked on a list is served only after the EXEC that pushed:
 * the transaction's own LPOP takes the first element first. */
static void test_push_in_exec_wakes_after(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s);
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    hs_send_str(fd, "BLPOP q 0\r\n");
    for (int i = 0; i < 200; i++) {
        redisReply *r = cmd(a, "INFO clients");
        int blocked = strstr(r->str, "blocked_clients:1") != NULL;
        freeReplyObject(r);
        if (blocked)
            break;
        hs_sleep_ms(10);
    }
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "RPUSH q first"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "LPOP q"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "RPUSH q second"), 0);
    redisReply *r = cmd(a, "EXEC");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 3);
    assert_string_equal(r->element[1]->str, "first");
    freeReplyObject(r);
    assert_int_equal(hs_expect(fd, "*2\r\n$1\r\nq\r\n$6\r\nsecond\r\n", 2000), 0);
    assert_int_equal(hs_cmd_expect(a, "0", "EXISTS q"), 0);
}

static void test_pause_holds_exec_with_writes(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s), *b = hs_connect(s), *ctl = hs_connect(s);
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "SET pk 1"), 0);
    assert_int_equal(hs_cmd_expect(b, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(b, "QUEUED", "GET pk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "CLIENT PAUSE 400 WRITE"), 0);
    long long t0 = hs_now_ms();
    assert_int_equal(exec_result(b), 1); /* read-only EXEC runs at once */
    assert_true(hs_now_ms() - t0 < 300);
    assert_int_equal(exec_result(a), 1); /* held until the pause ends */
    assert_true(hs_now_ms() - t0 >= 300);
    assert_int_equal(hs_cmd_expect(ctl, "1", "GET pk"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "FLUSHALL"), 0);
}

/* The value of field name= in one CLIENT LIST line for client id. */
static int client_field(redisContext *ctl, long long id, const char *name, char *out, size_t cap)
{
    redisReply *r = cmd(ctl, "CLIENT LIST ID %lld", id);
    int ok = -1;
    char pat[64];
    snprintf(pat, sizeof pat, " %s=", name);
    const char *p = r->type == REDIS_REPLY_STRING ? strstr(r->str, pat) : NULL;
    if (p) {
        p += strlen(pat);
        size_t n = strcspn(p, " \n");
        if (n < cap) {
            memcpy(out, p, n);
            out[n] = '\0';
            ok = 0;
        }
    }
    freeReplyObject(r);
    return ok;
}

static void test_client_list_fields(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s), *ctl = hs_connect(s);
    redisReply *r = cmd(a, "CLIENT ID");
    long long id = r->integer;
    freeReplyObject(r);
    char v[64];
    assert_int_equal(client_field(ctl, id, "multi", v, sizeof v), 0);
    assert_string_equal(v, "-1");
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "SET a 1"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "GET a"), 0);
    assert_int_equal(client_field(ctl, id, "multi", v, sizeof v), 0);
    assert_string_equal(v, "2");
    assert_int_equal(client_field(ctl, id, "flags", v, sizeof v), 0);
    assert_string_equal(v, "x");
    assert_int_equal(client_field(ctl, id, "multi-mem", v, sizeof v), 0);
    assert_string_equal(v, "49"); /* (5 + 3*8) + (4 + 2*8), as Redis counts */
    assert_int_equal(client_field(ctl, id, "cmd", v, sizeof v), 0);
    assert_string_equal(v, "get");
    assert_int_equal(exec_result(a), 2);
    assert_int_equal(client_field(ctl, id, "multi", v, sizeof v), 0);
    assert_string_equal(v, "-1");
    /* a touched WATCH shows 'd' until EXEC/UNWATCH */
    assert_int_equal(hs_cmd_expect(a, "OK", "WATCH a"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "SET a 2"), 0);
    assert_int_equal(client_field(ctl, id, "flags", v, sizeof v), 0);
    assert_string_equal(v, "d");
    assert_int_equal(hs_cmd_expect(a, "OK", "UNWATCH"), 0);
    assert_int_equal(client_field(ctl, id, "flags", v, sizeof v), 0);
    assert_string_equal(v, "N");
    assert_int_equal(hs_cmd_expect(ctl, "OK", "FLUSHALL"), 0);
}

/* A client that goes away in MULTI and WATCHing leaves nothing behind:
 * later writes to its keys and other transactions work. */
static void test_disconnect_in_multi(void **state)
{
    struct hserver *s = *state;
    redisContext *ctl = hs_connect(s);
    for (int i = 0; i < 20; i++) {
        redisContext *a = hs_connect(s);
        assert_int_equal(hs_cmd_expect(a, "OK", "WATCH x y z"), 0);
        assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
        assert_int_equal(hs_cmd_expect(a, "QUEUED", "SET x 1"), 0);
        hs_close_ctx(s, a);
    }
    hs_sleep_ms(50);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "SET x 2"), 0);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "FLUSHALL"), 0);
    assert_int_equal(watch_then(ctl, "x", ctl, "PING"), 1);
}

/* The value of "failed_calls" in INFO commandstats for one command. */
static long failed_calls(redisContext *c, const char *name)
{
    redisReply *r = cmd(c, "INFO commandstats");
    char pat[64];
    snprintf(pat, sizeof pat, "cmdstat_%s:", name);
    const char *p = strstr(r->str, pat);
    long n = -1;
    if (p && (p = strstr(p, "failed_calls=")))
        n = atol(p + strlen("failed_calls="));
    freeReplyObject(r);
    return n;
}

/* An error of a queued command counts against that command, not EXEC;
 * EXECABORT counts against EXEC. */
static void test_exec_error_stats(void **state)
{
    struct hserver *s = *state;
    redisContext *a = hs_connect(s);
    assert_int_equal(hs_cmd_expect(a, "OK", "CONFIG RESETSTAT"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "SET s x"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    assert_int_equal(hs_cmd_expect(a, "QUEUED", "INCR s"), 0);
    assert_int_equal(exec_result(a), 1);
    assert_int_equal(failed_calls(a, "incr"), 1);
    assert_int_equal(failed_calls(a, "exec"), 0);
    assert_int_equal(hs_cmd_expect(a, "OK", "MULTI"), 0);
    freeReplyObject(cmd(a, "NOSUCHCOMMAND"));
    freeReplyObject(cmd(a, "EXEC"));
    assert_int_equal(failed_calls(a, "exec"), 1);
    assert_int_equal(hs_cmd_expect(a, "OK", "FLUSHALL"), 0);
}

/* ---- the race test ---- */

#define RACE_PROCS     8
#define RACE_KEYS      3
#define RACE_SUCCESSES 250 /* per process */

/* One worker: RACE_SUCCESSES increments (round-robin over the keys), each
 * WATCH/GET/MULTI/SET/EXEC retried until EXEC succeeds. Writes its per-key
 * successes and its number of aborted EXECs to fd. Exit 0 on success. */
static int race_worker(int port, int wfd, int me)
{
    redisContext *c = redisConnect("127.0.0.1", port);
    if (!c || c->err)
        return 1;
    long counts[RACE_KEYS + 1] = {0};
    for (int i = 0; i < RACE_SUCCESSES; i++) {
        int k = (i + me) % RACE_KEYS;
        for (;;) {
            redisReply *r = redisCommand(c, "WATCH race:%d", k);
            if (!r)
                return 2;
            freeReplyObject(r);
            r = redisCommand(c, "GET race:%d", k);
            if (!r)
                return 2;
            long v = r->type == REDIS_REPLY_STRING ? atol(r->str) : 0;
            freeReplyObject(r);
            redisAppendCommand(c, "MULTI");
            redisAppendCommand(c, "SET race:%d %ld", k, v + 1);
            redisAppendCommand(c, "EXEC");
            redisReply *m, *q, *e;
            if (redisGetReply(c, (void **)&m) != REDIS_OK ||
                redisGetReply(c, (void **)&q) != REDIS_OK ||
                redisGetReply(c, (void **)&e) != REDIS_OK)
                return 3;
            int ok = e->type == REDIS_REPLY_ARRAY && e->elements == 1;
            int aborted = e->type == REDIS_REPLY_NIL;
            freeReplyObject(m);
            freeReplyObject(q);
            freeReplyObject(e);
            if (ok) {
                counts[k]++;
                break;
            }
            if (!aborted)
                return 4;
            counts[RACE_KEYS]++;
        }
    }
    redisFree(c);
    return write(wfd, counts, sizeof counts) == (ssize_t)sizeof counts ? 0 : 5;
}

static void test_race_watch_increments(void **state)
{
    struct hserver *s = *state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pids[RACE_PROCS];
    for (int p = 0; p < RACE_PROCS; p++) {
        pids[p] = fork();
        assert_true(pids[p] >= 0);
        if (pids[p] == 0) {
            close(fds[0]);
            _exit(race_worker(s->port, fds[1], p));
        }
    }
    close(fds[1]);
    long total[RACE_KEYS + 1] = {0};
    for (int p = 0; p < RACE_PROCS; p++) {
        long counts[RACE_KEYS + 1];
        size_t got = 0;
        while (got < sizeof counts) {
            ssize_t n = read(fds[0], (char *)counts + got, sizeof counts - got);
            assert_true(n > 0); /* a worker failed: see its exit status */
            got += (size_t)n;
        }
        for (int k = 0; k <= RACE_KEYS; k++)
            total[k] += counts[k];
    }
    close(fds[0]);
    for (int p = 0; p < RACE_PROCS; p++) {
        int st;
        assert_int_equal(waitpid(pids[p], &st, 0), pids[p]);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    redisContext *ctl = hs_connect(s);
    long sum = 0;
    for (int k = 0; k < RACE_KEYS; k++) {
        redisReply *r = cmd(ctl, "GET race:%d", k);
        assert_int_equal(r->type, REDIS_REPLY_STRING);
        assert_int_equal(atol(r->str), total[k]); /* no lost, no double increment */
        sum += atol(r->str);
        freeReplyObject(r);
    }
    assert_int_equal(sum, (long)RACE_PROCS * RACE_SUCCESSES);
    print_message("race: %ld increments, %ld aborted EXECs retried\n", sum, total[RACE_KEYS]);
    assert_int_equal(hs_cmd_expect(ctl, "OK", "FLUSHALL"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_watch_other_client),
        cmocka_unit_test(test_watch_flush_swap_rename),
        cmocka_unit_test(test_watch_expiry),
        cmocka_unit_test(test_blocking_inside_multi),
        cmocka_unit_test(test_push_in_exec_wakes_after),
        cmocka_unit_test(test_pause_holds_exec_with_writes),
        cmocka_unit_test(test_client_list_fields),
        cmocka_unit_test(test_disconnect_in_multi),
        cmocka_unit_test(test_exec_error_stats),
        cmocka_unit_test(test_race_watch_increments),
    };
    return cmocka_run_group_tests(tests, hs_setup, hs_teardown);
}
