/* Unit tests for the generic keyspace commands (t_keys.c, t_expire.c,
 * t_scan.c, t_object.c), run against the real db module.
 *
 * reply_* and notify_* are replaced here by recorders: every reply is
 * appended to a text transcript (":5", "$key", "(nil)", "-ERR ...", "+OK",
 * "*n"), and keyspace events are appended to an event log, so each test
 * compares what a client would see with what Redis 7.0.15 replies (the
 * expected values were taken from a live redis-server 7.0.15).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client.h"
#include "config.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "multi.h"
#include "notify.h"
#include "propagate.h"
#include "reply.h"
#include "server.h"

#define NOW 1700000000000LL

struct server server;

/* ---- recorders ---- */

static char out[65536];
static size_t olen;
static char events[8192];
static size_t elen;
static int modified_all; /* notify_key_modified(db, NULL) calls */

static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    olen += (size_t)vsnprintf(out + olen, sizeof(out) - olen, fmt, ap);
    va_end(ap);
}

void reply_ok(struct client *c)
{
    (void)c;
    emit("+OK\n");
}
void reply_status(struct client *c, const char *s)
{
    (void)c;
    emit("+%s\n", s);
}
void reply_error(struct client *c, const char *msg)
{
    (void)c;
    emit("-%s\n", msg);
}
void reply_errorf(struct client *c, const char *fmt, ...)
{
    (void)c;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    emit("-%s\n", buf);
}
void reply_error_syntax(struct client *c)
{
    reply_error(c, "ERR syntax error");
}
void reply_error_not_int(struct client *c)
{
    reply_error(c, "ERR value is not an integer or out of range");
}
void reply_int(struct client *c, long long v)
{
    (void)c;
    emit(":%lld\n", v);
}
void reply_bulk(struct client *c, const void *p, size_t len)
{
    (void)c;
    emit("$%.*s\n", (int)len, (const char *)p);
}
void reply_bulk_cstr(struct client *c, const char *s)
{
    reply_bulk(c, s, strlen(s));
}
void reply_null(struct client *c)
{
    (void)c;
    emit("(nil)\n");
}
void reply_array(struct client *c, long long n)
{
    (void)c;
    emit("*%lld\n", n);
}
long reply_defer(struct client *c)
{
    (void)c;
    return (long)olen;
}
void reply_defer_array(struct client *c, long h, long long n)
{
    (void)c;
    char hdr[32];
    int hl = snprintf(hdr, sizeof(hdr), "*%lld\n", n);
    memmove(out + h + hl, out + h, olen - (size_t)h);
    memcpy(out + h, hdr, (size_t)hl);
    olen += (size_t)hl;
    out[olen] = '\0';
}
void reply_help(struct client *c, const char *const *lines)
{
    long n = 0;
    while (lines[n])
        n++;
    reply_array(c, n + 3);
}

void notify_key_modified(struct db *db, const char *key, size_t klen)
{
    (void)db;
    (void)klen;
    if (!key)
        modified_all++;
}
/* FLUSHDB/FLUSHALL force their propagation (propagate.c). */
static int forced_propagations;
void propagate_force(void)
{
    forced_propagations++;
}
/* SWAPDB touches WATCHed keys of both databases (multi.c). */
void multi_touch_swap(struct db *a, struct db *b)
{
    (void)a;
    (void)b;
    modified_all += 2;
}
void notify_event(int cls, const char *event, struct db *db, const char *key, size_t klen)
{
    (void)cls;
    elen += (size_t)snprintf(events + elen, sizeof(events) - elen, "%s@%d:%.*s ", event, db_id(db),
                             (int)klen, key);
}

/* ---- harness ---- */

static struct client cl;

/* Run one command given as space-separated words; returns the transcript. */
static const char *run(cmd_proc *proc, const char *line)
{
    static char buf[1024];
    static struct resp_arg argv[64];
    snprintf(buf, sizeof(buf), "%s", line);
    int argc = 0;
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
        if (strcmp(t, "''") == 0)
            *t = '\0';
        argv[argc].ptr = t;
        argv[argc].len = strlen(t);
        argc++;
    }
    cl.argc = argc;
    cl.argv = argv;
    olen = 0;
    out[0] = '\0';
    proc(&cl);
    return out;
}

static void set(const char *k, const char *v, long long expire)
{
    db_set_string(cl.db, k, strlen(k), v, strlen(v), -1, expire, 0);
}

static int setup(void **state)
{
    (void)state;
    static struct db *dbs[16];
    memset(&server, 0, sizeof(server));
    server.databases = 16;
    server.maxmemory_policy = CONFIG_MAXMEMORY_NOEVICTION;
    for (int i = 0; i < 16; i++)
        dbs[i] = db_create(i);
    server.db = dbs;
    memset(&cl, 0, sizeof(cl));
    cl.db = dbs[0];
    cl.db_index = 0;
    db_clock_ms = NOW;
    elen = 0;
    events[0] = '\0';
    modified_all = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < 16; i++)
        db_free(server.db[i]);
    return 0;
}

/* ---- DEL / EXISTS / TOUCH / TYPE ---- */

static void test_del_exists(void **state)
{
    (void)state;
    set("a", "1", -1);
    set("b", "2", -1);
    set("old", "x", NOW - 1);
    assert_string_equal(run(cmd_exists, "exists a a x b"), ":3\n");
    assert_string_equal(run(cmd_exists, "exists old"), ":0\n");
    assert_string_equal(run(cmd_touch, "touch a x a"), ":2\n");
    assert_string_equal(run(cmd_type, "type a"), "+string\n");
    assert_string_equal(run(cmd_type, "type x"), "+none\n");
    long long dirty = server.dirty;
    assert_string_equal(run(cmd_del, "del a a x b"), ":2\n");
    assert_int_equal(server.dirty, dirty + 2);
    assert_string_equal(events,
                        "keymiss@0:x keymiss@0:old keymiss@0:x keymiss@0:x del@0:a del@0:b ");
    assert_string_equal(run(cmd_unlink, "unlink a"), ":0\n");
    assert_int_equal(db_size(cl.db), 0);
}

/* ---- EXPIRE family ---- */

static void test_expire_errors(void **state)
{
    (void)state;
    set("a", "1", -1);
    assert_string_equal(run(cmd_expire, "expire a 10 nx xx"),
                        "-ERR NX and XX, GT or LT options at the same time are not compatible\n");
    assert_string_equal(run(cmd_expire, "expire a 10 nx gt"),
                        "-ERR NX and XX, GT or LT options at the same time are not compatible\n");
    assert_string_equal(run(cmd_expire, "expire a 10 gt lt"),
                        "-ERR GT and LT options at the same time are not compatible\n");
    assert_string_equal(run(cmd_expire, "expire a abc FoO"), "-ERR Unsupported option FoO\n");
    assert_string_equal(run(cmd_expire, "expire a abc nx xx"),
                        "-ERR NX and XX, GT or LT options at the same time are not compatible\n");
    assert_string_equal(run(cmd_expire, "expire a abc"),
                        "-ERR value is not an integer or out of range\n");
    assert_string_equal(run(cmd_expire, "expire a 9223372036854775807"),
                        "-ERR invalid expire time in 'expire' command\n");
    assert_string_equal(run(cmd_expire, "expire a 9223372036854775"),
                        "-ERR invalid expire time in 'expire' command\n");
    assert_string_equal(run(cmd_expireat, "expireat a 9223372036854776"),
                        "-ERR invalid expire time in 'expireat' command\n");
    assert_string_equal(run(cmd_pexpire, "pexpire a 9223372036854775807"),
                        "-ERR invalid expire time in 'pexpire' command\n");
    assert_string_equal(run(cmd_expire, "expire a -9223372036854775808"),
                        "-ERR invalid expire time in 'expire' command\n");
    assert_string_equal(run(cmd_ttl, "ttl a"), ":-1\n");
    assert_string_equal(run(cmd_pexpireat, "pexpireat a 9223372036854775807"), ":1\n");
    assert_string_equal(run(cmd_pexpiretime, "pexpiretime a"), ":9223372036854775807\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":9223372036854776\n");
    assert_string_equal(run(cmd_pexpireat, "pexpireat a 9223372036854775308"), ":1\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":9223372036854775\n");
    assert_string_equal(run(cmd_pexpireat, "pexpireat a 4102444800499"), ":1\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":4102444800\n");
    assert_string_equal(run(cmd_pexpireat, "pexpireat a 4102444800500"), ":1\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":4102444801\n");
}

static void test_expire_flags(void **state)
{
    (void)state;
    set("a", "1", -1);
    assert_string_equal(run(cmd_expire, "expire nokey 10"), ":0\n");
    assert_string_equal(run(cmd_expire, "expire a 10 GT"), ":0\n"); /* no TTL = infinite */
    assert_string_equal(run(cmd_expire, "expire a 10 xx"), ":0\n");
    assert_string_equal(run(cmd_expire, "expire a -1 gt"), ":0\n");
    assert_int_equal(db_size(cl.db), 1);
    assert_string_equal(run(cmd_expire, "expire a 100 Lt"), ":1\n");
    assert_string_equal(run(cmd_expire, "expire a 200 nx"), ":0\n");
    assert_string_equal(run(cmd_expire, "expire a 200 lt"), ":0\n");
    assert_string_equal(run(cmd_expire, "expire a 200 gt"), ":1\n");
    assert_string_equal(run(cmd_expire, "expire a 200 gt"), ":0\n");
    assert_string_equal(run(cmd_expire, "expire a 50 xx"), ":1\n");
    assert_string_equal(run(cmd_ttl, "ttl a"), ":50\n");
    assert_string_equal(run(cmd_pttl, "pttl a"), ":50000\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":1700000050\n");
    assert_string_equal(run(cmd_pexpiretime, "pexpiretime a"), ":1700000050000\n");
    db_clock_ms = NOW + 1499;
    assert_string_equal(run(cmd_ttl, "ttl a"), ":49\n"); /* 48.501 rounds up */
    db_clock_ms = NOW + 1500;
    assert_string_equal(run(cmd_ttl, "ttl a"), ":49\n");
    db_clock_ms = NOW + 1501;
    assert_string_equal(run(cmd_ttl, "ttl a"), ":48\n");
    db_clock_ms = NOW;
    assert_string_equal(run(cmd_persist, "persist a"), ":1\n");
    assert_string_equal(run(cmd_persist, "persist a"), ":0\n");
    assert_string_equal(run(cmd_persist, "persist x"), ":0\n");
    assert_string_equal(run(cmd_ttl, "ttl a"), ":-1\n");
    assert_string_equal(run(cmd_ttl, "ttl x"), ":-2\n");
    assert_string_equal(run(cmd_expiretime, "expiretime a"), ":-1\n");
    assert_string_equal(run(cmd_expiretime, "expiretime x"), ":-2\n");
    assert_string_equal(events, "expire@0:a expire@0:a expire@0:a persist@0:a keymiss@0:x "
                                "keymiss@0:x ");
}

static void test_expire_past_deletes(void **state)
{
    (void)state;
    set("a", "1", -1);
    set("b", "1", -1);
    set("c", "1", -1);
    long long dirty = server.dirty;
    assert_string_equal(run(cmd_expire, "expire a 0"), ":1\n");
    assert_string_equal(run(cmd_pexpireat, "pexpireat b 1700000000000"), ":1\n"); /* == now */
    assert_string_equal(run(cmd_expireat, "expireat c 1700000001"), ":1\n");
    assert_int_equal(db_size(cl.db), 1);
    assert_int_equal(server.dirty, dirty + 3);
    assert_string_equal(events, "del@0:a del@0:b expire@0:c ");
}

/* ---- RENAME / COPY / MOVE ---- */

static void test_rename(void **state)
{
    (void)state;
    set("a", "1", NOW + 100000);
    set("b", "2", -1);
    assert_string_equal(run(cmd_rename, "rename x y"), "-ERR no such key\n");
    assert_string_equal(run(cmd_rename, "rename x x"), "-ERR no such key\n");
    assert_string_equal(run(cmd_renamenx, "renamenx x x"), "-ERR no such key\n");
    assert_string_equal(run(cmd_rename, "rename a a"), "+OK\n");
    assert_string_equal(run(cmd_renamenx, "renamenx a a"), ":0\n");
    assert_string_equal(run(cmd_renamenx, "renamenx a b"), ":0\n");
    assert_string_equal(run(cmd_rename, "rename a c"), "+OK\n");
    assert_string_equal(run(cmd_ttl, "ttl c"), ":100\n");
    assert_string_equal(run(cmd_rename, "rename c b"), "+OK\n");
    assert_string_equal(run(cmd_ttl, "ttl b"), ":100\n");
    assert_string_equal(run(cmd_renamenx, "renamenx b d"), ":1\n");
    assert_int_equal(db_size(cl.db), 1);
    struct kv *e = db_lookup(cl.db, "d", 1, 0);
    assert_non_null(e);
    size_t len;
    assert_memory_equal(kv_str(e, &len), "1", 1);
    assert_string_equal(events, "rename_from@0:a rename_to@0:c rename_from@0:c rename_to@0:b "
                                "rename_from@0:b rename_to@0:d ");
}

static void test_copy(void **state)
{
    (void)state;
    set("d", "v", NOW + 100000);
    const char *same = "-ERR source and destination objects are the same\n";
    const char *range = "-ERR DB index is out of range\n";
    assert_string_equal(run(cmd_copy, "copy d d"), same);
    assert_string_equal(run(cmd_copy, "copy x x"), same);
    assert_string_equal(run(cmd_copy, "copy d d db 0"), same);
    assert_string_equal(run(cmd_copy, "copy d e db 16"), range);
    assert_string_equal(run(cmd_copy, "copy d e db -1"), range);
    assert_string_equal(run(cmd_copy, "copy d e db abc"),
                        "-ERR value is not an integer or out of range\n");
    assert_string_equal(run(cmd_copy, "copy d e db 2147483648"),
                        "-ERR value is out of range, value must between -2147483648 and "
                        "2147483647\n");
    assert_string_equal(run(cmd_copy, "copy d e db"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_copy, "copy d e foo"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_copy, "copy x e"), ":0\n");
    assert_string_equal(run(cmd_copy, "copy d e"), ":1\n");
    assert_string_equal(run(cmd_ttl, "ttl e"), ":100\n");
    assert_string_equal(run(cmd_copy, "copy d e"), ":0\n");
    assert_string_equal(run(cmd_copy, "copy d e REPLACE replace"), ":1\n");
    assert_string_equal(run(cmd_copy, "copy d d DB 1"), ":1\n");
    assert_int_equal(db_size(server.db[1]), 1);
    assert_int_equal(db_size(cl.db), 2);
    assert_string_equal(events, "keymiss@0:x copy_to@0:e copy_to@0:e copy_to@1:d ");
}

static void test_move(void **state)
{
    (void)state;
    set("a", "1", NOW + 5000);
    assert_string_equal(run(cmd_move, "move a 0"),
                        "-ERR source and destination objects are the same\n");
    assert_string_equal(run(cmd_move, "move a 16"), "-ERR DB index is out of range\n");
    assert_string_equal(run(cmd_move, "move a x"),
                        "-ERR value is not an integer or out of range\n");
    assert_string_equal(run(cmd_move, "move x 1"), ":0\n");
    assert_string_equal(run(cmd_move, "move a 1"), ":1\n");
    assert_int_equal(db_size(cl.db), 0);
    struct kv *e = db_lookup(server.db[1], "a", 1, 0);
    assert_non_null(e);
    assert_int_equal(kv_expire(e), NOW + 5000);
    set("a", "2", -1);
    assert_string_equal(run(cmd_move, "move a 1"), ":0\n");
    assert_string_equal(events, "move_from@0:a move_to@1:a ");
}

/* ---- SELECT / SWAPDB / FLUSH / DBSIZE / RANDOMKEY ---- */

static void test_db_commands(void **state)
{
    (void)state;
    assert_string_equal(run(cmd_select, "select 16"), "-ERR DB index is out of range\n");
    assert_string_equal(run(cmd_select, "select -1"), "-ERR DB index is out of range\n");
    assert_string_equal(run(cmd_select, "select x"),
                        "-ERR value is not an integer or out of range\n");
    assert_string_equal(run(cmd_select, "select 2147483648"),
                        "-ERR value is out of range, value must between -2147483648 and "
                        "2147483647\n");
    assert_string_equal(run(cmd_swapdb, "swapdb x 1"), "-ERR invalid first DB index\n");
    assert_string_equal(run(cmd_swapdb, "swapdb 1 x"), "-ERR invalid second DB index\n");
    assert_string_equal(run(cmd_swapdb, "swapdb 2147483648 1"), "-ERR invalid first DB index\n");
    assert_string_equal(run(cmd_swapdb, "swapdb 0 16"), "-ERR DB index is out of range\n");
    assert_string_equal(run(cmd_randomkey, "randomkey"), "(nil)\n");
    set("a", "1", -1);
    set("b", "1", -1);
    assert_string_equal(run(cmd_dbsize, "dbsize"), ":2\n");
    assert_string_equal(run(cmd_swapdb, "swapdb 0 3"), "+OK\n");
    assert_string_equal(run(cmd_dbsize, "dbsize"), ":0\n");
    assert_string_equal(run(cmd_select, "select 3"), "+OK\n");
    assert_int_equal(cl.db_index, 3);
    assert_string_equal(run(cmd_dbsize, "dbsize"), ":2\n");
    const char *r = run(cmd_randomkey, "randomkey");
    assert_true(strcmp(r, "$a\n") == 0 || strcmp(r, "$b\n") == 0);
    assert_string_equal(run(cmd_flushdb, "flushdb foo"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_flushdb, "flushdb async x"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_flushall, "flushall now"), "-ERR syntax error\n");
    assert_int_equal(forced_propagations, 0); /* refused: nothing to propagate */
    long long dirty = server.dirty;
    assert_string_equal(run(cmd_flushdb, "flushdb SYNC"), "+OK\n");
    assert_int_equal(server.dirty, dirty + 2);
    assert_int_equal(forced_propagations, 1);
    assert_string_equal(run(cmd_dbsize, "dbsize"), ":0\n");
    db_set_string(server.db[5], "z", 1, "1", 1, -1, -1, 0);
    assert_string_equal(run(cmd_flushall, "flushall async"), "+OK\n");
    assert_int_equal(server.dirty, dirty + 3);
    assert_int_equal(db_size(server.db[5]), 0);
    assert_int_equal(forced_propagations, 2);
    assert_true(modified_all >= 2 + 1 + 16);
}

/* ---- KEYS / SCAN ---- */

static void test_keys(void **state)
{
    (void)state;
    set("one", "1", -1);
    set("two", "2", -1);
    set("three", "3", NOW - 1);
    assert_string_equal(run(cmd_keys, "keys t*"), "*1\n$two\n");
    assert_string_equal(run(cmd_keys, "keys th*"), "*0\n");
    assert_int_equal(db_size(cl.db), 3); /* KEYS does not delete */
    const char *r = run(cmd_keys, "keys *");
    assert_true(strcmp(r, "*2\n$one\n$two\n") == 0 || strcmp(r, "*2\n$two\n$one\n") == 0);
}

static void test_scan_errors(void **state)
{
    (void)state;
    set("a", "1", -1);
    const char *bad = "-ERR invalid cursor\n";
    assert_string_equal(run(cmd_scan, "scan abc"), bad);
    assert_string_equal(run(cmd_scan, "scan 1x"), bad);
    assert_string_equal(run(cmd_scan, "scan +"), bad);
    assert_string_equal(run(cmd_scan, "scan 18446744073709551616"), bad);
    assert_string_equal(run(cmd_scan, "scan 0x10"), bad);
    assert_string_equal(run(cmd_scan, "scan 0 count 0"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_scan, "scan 0 count -1"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_scan, "scan 0 count abc"),
                        "-ERR value is not an integer or out of range\n");
    assert_string_equal(run(cmd_scan, "scan 0 match"), "-ERR syntax error\n");
    assert_string_equal(run(cmd_scan, "scan 0 foo bar"), "-ERR syntax error\n");
    /* strtoul-compatible forms are accepted */
    assert_string_equal(run(cmd_scan, "scan ''"), "*2\n$0\n*1\n$a\n");
    assert_string_equal(run(cmd_scan, "scan +0"), "*2\n$0\n*1\n$a\n");
    assert_string_equal(run(cmd_scan, "scan -0"), "*2\n$0\n*1\n$a\n");
    assert_string_equal(run(cmd_scan, "scan 00"), "*2\n$0\n*1\n$a\n");
    assert_int_equal(run(cmd_scan, "scan 18446744073709551615")[0], (int)'*');
    assert_string_equal(run(cmd_scan, "scan 0 type foo"), "*2\n$0\n*0\n");
    assert_string_equal(run(cmd_scan, "scan 0 TYPE STRING match b match a"), "*2\n$0\n*1\n$a\n");
}

/* Count the keys in one SCAN transcript and advance *cursor. */
static int scan_step(unsigned long long *cursor, const char *extra, int *seen, int nkeys)
{
    char line[128];
    snprintf(line, sizeof(line), "scan %llu %s", *cursor, extra);
    const char *r = run(cmd_scan, line);
    assert_memory_equal(r, "*2\n$", 4);
    *cursor = strtoull(r + 4, NULL, 10);
    const char *p = strchr(r + 4, '\n') + 1;
    int n = atoi(p + 1), got = 0;
    p = strchr(p, '\n') + 1;
    for (int i = 0; i < n; i++) {
        int k;
        assert_int_equal(sscanf(p, "$k%d", &k), 1);
        assert_true(k >= 0 && k < nkeys);
        seen[k]++;
        got++;
        p = strchr(p, '\n') + 1;
    }
    return got;
}

static void test_scan_full(void **state)
{
    (void)state;
    enum { N = 1000 };
    static int seen[N];
    memset(seen, 0, sizeof(seen));
    char k[16];
    for (int i = 0; i < N; i++) {
        snprintf(k, sizeof(k), "k%d", i);
        set(k, "v", i % 10 == 0 ? NOW - 1 : -1); /* every tenth key has expired */
    }
    unsigned long long cursor = 0;
    int calls = 0, total = 0;
    do {
        total += scan_step(&cursor, "count 50", seen, N);
        calls++;
    } while (cursor != 0 && calls < 10000);
    assert_int_equal(cursor, 0);
    assert_true(calls > 5);
    for (int i = 0; i < N; i++)
        assert_int_equal(seen[i] > 0, i % 10 != 0);
    assert_int_equal(total, 900);
    assert_int_equal(db_size(cl.db), 900); /* SCAN deleted the expired keys it met */

    memset(seen, 0, sizeof(seen));
    cursor = 0;
    total = 0;
    do {
        total += scan_step(&cursor, "match k1?? count 1000", seen, N);
    } while (cursor != 0);
    assert_int_equal(total, 90);
}

/* ---- OBJECT ---- */

static void test_object(void **state)
{
    (void)state;
    set("a", "5", -1);
    set("b", "10000", -1);
    set("c", "hello", -1);
    assert_string_equal(run(cmd_object_encoding, "object encoding a"), "$int\n");
    assert_string_equal(run(cmd_object_encoding, "object encoding c"), "$embstr\n");
    assert_string_equal(run(cmd_object_encoding, "object encoding x"), "(nil)\n");
    assert_string_equal(run(cmd_object_refcount, "object refcount a"), ":2147483647\n");
    assert_string_equal(run(cmd_object_refcount, "object refcount b"), ":1\n");
    assert_string_equal(run(cmd_object_refcount, "object refcount c"), ":1\n");
    assert_string_equal(run(cmd_object_refcount, "object refcount x"), "(nil)\n");
    assert_string_equal(run(cmd_object_freq, "object freq x"), "(nil)\n");
    assert_string_equal(run(cmd_object_freq, "object freq a"),
                        "-ERR An LFU maxmemory policy is not selected, access frequency not "
                        "tracked. Please note that when switching between policies at runtime "
                        "LRU and LFU data will take some time to adjust.\n");
    db_clock_ms = NOW + 42000;
    assert_string_equal(run(cmd_object_idletime, "object idletime c"), ":42\n");
    assert_string_equal(run(cmd_object_idletime, "object idletime x"), "(nil)\n");
    server.maxmemory_policy = CONFIG_MAXMEMORY_ALLKEYS_LFU;
    assert_string_equal(run(cmd_object_idletime, "object idletime c"),
                        "-ERR An LFU maxmemory policy is selected, idle time not tracked. Please "
                        "note that when switching between policies at runtime LRU and LFU data "
                        "will take some time to adjust.\n");
    server.maxmemory = 100;
    assert_string_equal(run(cmd_object_refcount, "object refcount a"), ":1\n");
    assert_string_equal(run(cmd_object_help, "object help"), "*13\n");
    assert_string_equal(events, ""); /* OBJECT does not emit keymiss */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_del_exists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_expire_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_expire_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_expire_past_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_move, setup, teardown),
        cmocka_unit_test_setup_teardown(test_db_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_object, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
