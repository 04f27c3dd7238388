/*
 * itest_admin.c - MONITOR, CLIENT PAUSE, and a hostile KEYS pattern.
 *
 * - MONITOR: another client's commands reach the monitor as
 *   +<secs>.<usecs> [<db> 127.0.0.1:<port>] "SET" "k" "a b", with the
 *   arguments quoted and escaped as Redis does.
 * - CLIENT PAUSE WRITE holds writes (no reply within 200 ms) while reads
 *   are answered, and the held write completes on CLIENT UNPAUSE or when the
 *   pause times out; CLIENT PAUSE ALL holds reads (and CLIENT UNPAUSE)
 *   until it times out.
 * - KEYS a*a*...*b against a 10,000-character key returns promptly and a
 *   second client's PING is answered meanwhile (the glob matcher must not
 *   backtrack exponentially).
 * - SLOWLOG records the client name as it is when the command finishes: a
 *   command before HELLO ... SETNAME / CLIENT SETNAME has the old name, the
 *   naming command itself and later ones the new name; a refused SETNAME
 *   leaves it, "" clears it; HELLO SETNAME refused with -NOAUTH still names
 *   the client (as Redis 7.0 does) and its entry shows that name.
 *
 * Validated against redis-server 7.0.15 (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <regex.h>

#include "harness.h"

#define HELD_MS 200   /* a held command must not be answered this soon */
#define WAIT_MS 5000  /* bound for replies that are due */
#define KEYS_MS 2000  /* bound for the hostile KEYS */
#define LONGKEY 10000 /* characters in the hostile key */

/* Read one monitor line from fd and check it against the POSIX extended
 * regex `pattern` (anchored by the caller). */
static void expect_monitor_line(int fd, const char *pattern)
{
    char line[1024];
    int n = hs_read_line(fd, line, sizeof line, WAIT_MS);
    assert_true(n > 0);
    regex_t re;
    assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
    int rc = regexec(&re, line, 0, NULL, 0);
    regfree(&re);
    if (rc != 0)
        fprintf(stderr, "monitor line \"%s\" does not match /%s/\n", line, pattern);
    assert_int_equal(rc, 0);
}

static void test_monitor_format(void **state)
{
    struct hserver *s = *state;
    int mon = hs_raw_connect(s, 0);
    assert_true(mon >= 0);
    assert_int_equal(hs_send_str(mon, "MONITOR\r\n"), 0);
    assert_int_equal(hs_expect(mon, "+OK\r\n", WAIT_MS), 0);

    redisContext *c = hs_connect(s);
    assert_non_null(c);
    int port = hs_client_port(c); /* CLIENT INFO itself is monitored too */
    char re[512];
    snprintf(re, sizeof re,
             "^\\+[0-9]+\\.[0-9]{6} \\[0 127\\.0\\.0\\.1:%d\\] \"CLIENT\" \"INFO\"\r\n$", port);
    expect_monitor_line(mon, re);

    assert_int_equal(hs_cmd_expect(c, "OK", "SET k %s", "a b"), 0);
    assert_int_equal(hs_cmd_expect(c, "a b", "GET k"), 0);
    snprintf(re, sizeof re,
             "^\\+[0-9]+\\.[0-9]{6} \\[0 127\\.0\\.0\\.1:%d\\] \"SET\" \"k\" \"a b\"\r\n$", port);
    expect_monitor_line(mon, re);
    snprintf(re, sizeof re, "^\\+[0-9]+\\.[0-9]{6} \\[0 127\\.0\\.0\\.1:%d\\] \"GET\" \"k\"\r\n$",
             port);
    expect_monitor_line(mon, re);

    /* Escaping of binary bytes, quotes and newlines, and the db number. */
    assert_int_equal(hs_cmd_expect(c, "OK", "SELECT 3"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET %b %b", "q", (size_t)1, "\x01\"\n\\", (size_t)4),
                     0);
    snprintf(re, sizeof re,
             "^\\+[0-9]+\\.[0-9]{6} \\[3 127\\.0\\.0\\.1:%d\\] \"SELECT\" \"3\"\r\n$", port);
    expect_monitor_line(mon, re);
    snprintf(re, sizeof re,
             "^\\+[0-9]+\\.[0-9]{6} \\[3 127\\.0\\.0\\.1:%d\\] \"SET\" \"q\" "
             "\"\\\\x01\\\\\"\\\\n\\\\\\\\\"\r\n$",
             port);
    expect_monitor_line(mon, re);

    /* The timestamp is a current unix time. */
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    char line[256];
    assert_true(hs_read_line(mon, line, sizeof line, WAIT_MS) > 0);
    redisReply *t = redisCommand(c, "TIME");
    assert_non_null(t);
    assert_int_equal(t->type, REDIS_REPLY_ARRAY);
    long long now = atoll(t->element[0]->str), stamp = atoll(line + 1);
    freeReplyObject(t);
    assert_true(stamp <= now && stamp >= now - 5);
}

/* 1 if nothing arrives on fd within ms. */
static int silent_for(int fd, int ms)
{
    char b;
    return hs_read_n(fd, &b, 1, ms) == 0;
}

static void test_pause_write(void **state)
{
    struct hserver *s = *state;
    redisContext *admin = hs_connect(s);
    redisContext *reader = hs_connect(s);
    assert_non_null(admin);
    assert_non_null(reader);
    int writer = hs_raw_connect(s, 0);
    assert_true(writer >= 0);
    assert_int_equal(hs_cmd_expect(admin, "OK", "SET p old"), 0);

    assert_int_equal(hs_cmd_expect(admin, "OK", "CLIENT PAUSE 60000 WRITE"), 0);
    assert_int_equal(hs_send_str(writer, "SET p new\r\n"), 0);
    assert_true(silent_for(writer, HELD_MS));
    /* Reads go on meanwhile, and see the old value. */
    assert_int_equal(hs_cmd_expect(reader, "old", "GET p"), 0);
    assert_int_equal(hs_cmd_expect(reader, "PONG", "PING"), 0);
    assert_true(silent_for(writer, 50));
    /* The held client counts as blocked, as in Redis 7.0. */
    redisReply *info = redisCommand(reader, "INFO clients");
    assert_non_null(info);
    assert_non_null(strstr(info->str, "blocked_clients:1\r\n"));
    freeReplyObject(info);

    assert_int_equal(hs_cmd_expect(admin, "OK", "CLIENT UNPAUSE"), 0);
    assert_int_equal(hs_expect(writer, "+OK\r\n", WAIT_MS), 0);
    assert_int_equal(hs_cmd_expect(reader, "new", "GET p"), 0);

    /* A pause that times out by itself releases the write too. */
    assert_int_equal(hs_cmd_expect(admin, "OK", "CLIENT PAUSE 300 WRITE"), 0);
    long long t0 = hs_now_ms();
    assert_int_equal(hs_send_str(writer, "INCR n\r\n"), 0);
    assert_int_equal(hs_expect(writer, ":1\r\n", WAIT_MS), 0);
    assert_true(hs_now_ms() - t0 >= HELD_MS);
}

/* PAUSE ALL holds every command from every client, CLIENT UNPAUSE
 * included (as in Redis 7.0), so only its timeout ends it. */
static void test_pause_all(void **state)
{
    struct hserver *s = *state;
    redisContext *admin = hs_connect(s);
    assert_non_null(admin);
    int a = hs_raw_connect(s, 0), b = hs_raw_connect(s, 0), u = hs_raw_connect(s, 0);
    assert_true(a >= 0 && b >= 0 && u >= 0);
    assert_int_equal(hs_cmd_expect(admin, "OK", "SET p v"), 0);

    long long t0 = hs_now_ms();
    assert_int_equal(hs_cmd_expect(admin, "OK", "CLIENT PAUSE 1000 ALL"), 0);
    assert_int_equal(hs_send_str(a, "GET p\r\n"), 0);
    assert_int_equal(hs_send_str(b, "SET p w\r\n"), 0);
    assert_int_equal(hs_send_str(u, "CLIENT UNPAUSE\r\n"), 0);
    assert_true(silent_for(a, HELD_MS));
    assert_true(silent_for(b, 10));
    assert_true(silent_for(u, 10));

    /* Released when the pause ends, in arrival order: the read saw the
     * value before the write. */
    assert_int_equal(hs_expect(a, "$1\r\nv\r\n", WAIT_MS), 0);
    assert_true(hs_now_ms() - t0 >= 900);
    assert_int_equal(hs_expect(b, "+OK\r\n", WAIT_MS), 0);
    assert_int_equal(hs_expect(u, "+OK\r\n", WAIT_MS), 0);
    assert_int_equal(hs_cmd_expect(admin, "w", "GET p"), 0);
}

/* INFO total_net_input/output_bytes count connections that have closed
 * too (regression: only live connections were summed), and CONFIG
 * RESETSTAT zeroes them. */
static void test_net_bytes_totals(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    redisContext *other = redisConnect("127.0.0.1", s->port);
    assert_true(other && !other->err);
    for (int i = 0; i < 10; i++)
        freeReplyObject(redisCommand(other, "SET k v")); /* 27 bytes in, 5 out each */
    redisFree(other);
    hs_sleep_ms(50); /* let the server see the close */
    assert_true(hs_info_field(c, "stats", "total_net_input_bytes") >= 270);
    assert_true(hs_info_field(c, "stats", "total_net_output_bytes") >= 50);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG RESETSTAT"), 0);
    long long after = hs_info_field(c, "stats", "total_net_output_bytes");
    assert_true(after >= 0 && after < 50);
}

static void test_keys_hostile_pattern(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    static char key[LONGKEY];
    memset(key, 'a', sizeof key);
    redisReply *r = redisCommand(c, "SET %b v", key, sizeof key);
    assert_non_null(r);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "OK", "SET aaaaaaaaaaaab v"), 0); /* matches */

    int k = hs_raw_connect(s, 0);
    assert_true(k >= 0);
    long long t0 = hs_now_ms();
    assert_int_equal(hs_send_str(k, "KEYS a*a*a*a*a*a*a*a*a*a*a*a*b\r\n"), 0);
    /* Another client is served meanwhile (or right after: the server is
     * single-threaded, so this also bounds the KEYS run time). */
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    assert_int_equal(hs_expect(k, "*1\r\n$13\r\naaaaaaaaaaaab\r\n", KEYS_MS), 0);
    long long took = hs_now_ms() - t0;
    fprintf(stderr, "hostile KEYS took %lld ms\n", took);
    assert_true(took < KEYS_MS);
}

/* SLOWLOG GET -1 entries of the client at addr, oldest first, as
 * "ARG ARG...|name" lines appended to out (cap bytes). */
static void slowlog_of(redisContext *admin, const char *addr, char *out, size_t cap)
{
    redisReply *r = redisCommand(admin, "SLOWLOG GET -1");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    out[0] = '\0';
    size_t len = 0;
    for (size_t i = r->elements; i-- > 0;) {
        redisReply *e = r->element[i];
        assert_int_equal(e->elements, 6);
        if (strcmp(e->element[4]->str, addr) != 0)
            continue;
        for (size_t j = 0; j < e->element[3]->elements; j++)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", j ? " " : "",
                                    e->element[3]->element[j]->str);
        len += (size_t)snprintf(out + len, cap - len, "|%s\n", e->element[5]->str);
        assert_true(len < cap);
    }
    freeReplyObject(r);
}

/* Run a command on c, ignoring its reply (which the test checks elsewhere). */
static void run_cmd(redisContext *c, const char *cmd)
{
    redisReply *r = redisCommand(c, cmd);
    assert_non_null(r);
    freeReplyObject(r);
}

static void test_slowlog_client_name(void **state)
{
    struct hserver *s = *state;
    redisContext *admin = hs_connect(s), *c = hs_connect(s);
    assert_int_equal(hs_cmd_expect(admin, "OK", "CONFIG SET slowlog-log-slower-than 0"), 0);
    assert_int_equal(hs_cmd_expect(admin, "OK", "SLOWLOG RESET"), 0);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    run_cmd(c, "HELLO 2 SETNAME n1");
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CLIENT SETNAME n2"), 0);
    assert_int_equal(hs_cmd_expect(c, "x", "ECHO x"), 0);
    redisReply *r = redisCommand(c, "HELLO 2 SETNAME %s", "bad name");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    freeReplyObject(r);
    r = redisCommand(c, "HELLO 9 SETNAME n3");
    assert_int_equal(r->type, REDIS_REPLY_ERROR); /* NOPROTO: the name stays */
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(c, "y", "ECHO y"), 0);
    r = redisCommand(c, "HELLO SETNAME n4");
    assert_int_equal(r->type, REDIS_REPLY_ERROR); /* "SETNAME" is no version */
    freeReplyObject(r);
    run_cmd(c, "HELLO 2 SETNAME n5");
    assert_int_equal(hs_cmd_expect(c, "OK", "CLIENT SETNAME %s", ""), 0);
    assert_int_equal(hs_cmd_expect(c, "z", "ECHO z"), 0);

    char addr[64], got[2048];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", hs_client_port(c));
    slowlog_of(admin, addr, got, sizeof got);
    assert_string_equal(got, "PING|\n"
                             "HELLO 2 SETNAME n1|n1\n"
                             "PING|n1\n"
                             "CLIENT SETNAME n2|n2\n"
                             "ECHO x|n2\n"
                             "HELLO 2 SETNAME bad name|n2\n"
                             "HELLO 9 SETNAME n3|n2\n"
                             "ECHO y|n2\n"
                             "HELLO SETNAME n4|n2\n"
                             "HELLO 2 SETNAME n5|n5\n"
                             "CLIENT SETNAME |\n"
                             "ECHO z|\n"
                             "CLIENT INFO|\n"); /* hs_client_port's */

    /* Not authenticated: HELLO SETNAME is refused, yet names the client. */
    assert_int_equal(hs_cmd_expect(admin, "OK", "CONFIG SET requirepass pw"), 0);
    redisContext *u = hs_connect(s);
    r = redisCommand(u, "HELLO 2 SETNAME q");
    assert_int_equal(r->type, REDIS_REPLY_ERROR);
    assert_true(strncmp(r->str, "NOAUTH ", 7) == 0);
    freeReplyObject(r);
    assert_int_equal(hs_cmd_expect(u, "OK", "AUTH pw"), 0);
    assert_int_equal(hs_cmd_expect(u, "q", "CLIENT GETNAME"), 0);
    assert_int_equal(hs_cmd_expect(admin, "OK", "CONFIG SET requirepass %s", ""), 0);
    snprintf(addr, sizeof addr, "127.0.0.1:%d", hs_client_port(u));
    slowlog_of(admin, addr, got, sizeof got);
    assert_string_equal(got, "HELLO 2 SETNAME q|q\n"
                             "AUTH (redacted)|q\n"
                             "CLIENT GETNAME|q\n"
                             "CLIENT INFO|q\n");
    assert_int_equal(hs_cmd_expect(admin, "OK", "CONFIG SET slowlog-log-slower-than 10000"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_monitor_format, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_pause_write, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_pause_all, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_keys_hostile_pattern, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_net_bytes_totals, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_slowlog_client_name, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
