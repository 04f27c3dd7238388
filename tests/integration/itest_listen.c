/*
 * itest_listen.c - where the server listens: unix socket and bind lists.
 *
 * - --unixsocket/--unixsocketperm: the socket file exists with the asked
 *   mode, a client can run commands over it, CLIENT LIST shows it the way
 *   Redis does (flags=U, addr=<path>:0, laddr=<path>:0), and the file is
 *   removed at shutdown.
 * - --bind "127.0.0.1 ::1": both addresses accept clients, and an IPv6
 *   client's addr/laddr are written "[::1]:port" as Redis 7.0 writes them.
 *   Skipped when the machine has no IPv6 loopback.
 * - --bind 127.0.0.1 alone: ::1 is refused.
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

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static int setup(void **state)
{
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL)
        return -1;
    *state = s; /* each test starts the server with its own options */
    return 0;
}

/* 1 if this machine can bind a TCP socket to ::1. */
static int have_ipv6_loopback(void)
{
    int fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_in6 sa = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    int ok = bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
    close(fd);
    return ok;
}

/* Copy the value of field `name` (e.g. "addr") from one CLIENT LIST/INFO
 * line into out. Returns 0 if found. */
static int client_field(const char *line, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (const char *p = line; p && *p; p = strchr(p, ' ')) {
        if (*p == ' ')
            p++;
        if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
            const char *v = p + nl + 1;
            size_t len = strcspn(v, " \r\n");
            if (len >= cap)
                return -1;
            memcpy(out, v, len);
            out[len] = '\0';
            return 0;
        }
    }
    return -1;
}

/* CLIENT INFO of c, copied into out (NUL-terminated). */
static void client_info(redisContext *c, char *out, size_t cap)
{
    redisReply *r = redisCommand(c, "CLIENT INFO");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    snprintf(out, cap, "%s", r->str);
    freeReplyObject(r);
}

/* 1 if str ends with suffix. */
static int ends_with(const char *str, const char *suffix)
{
    size_t a = strlen(str), b = strlen(suffix);
    return a >= b && strcmp(str + a - b, suffix) == 0;
}

static void test_unixsocket(void **state)
{
    struct hserver *s = *state;
    /* Relative to the server's working directory, which is s->dir. */
    const char *args[] = {"--unixsocket", "t.sock", "--unixsocketperm", "700", NULL};
    assert_int_equal(hs_start(s, args), 0);
    char path[400];
    snprintf(path, sizeof path, "%s/t.sock", s->dir);

    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISSOCK(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0700);

    redisContext *u = hs_connect_unix(s, path);
    assert_non_null(u);
    assert_int_equal(hs_cmd_expect(u, "OK", "SET %s %s", "via", "unix"), 0);
    assert_int_equal(hs_cmd_expect(u, "unix", "GET via"), 0);
    assert_int_equal(hs_cmd_expect(u, "OK", "CLIENT SETNAME unixc"), 0);
    redisContext *t = hs_connect(s);
    assert_non_null(t);
    assert_int_equal(hs_cmd_expect(t, "unix", "GET via"), 0);
    assert_int_equal(hs_cmd_expect(t, "OK", "CLIENT SETNAME tcpc"), 0);

    /* CLIENT LIST (asked over TCP) shows both clients, each on its line. */
    redisReply *r = redisCommand(t, "CLIENT LIST");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_STRING);
    int seen_unix = 0, seen_tcp = 0;
    char *save = NULL;
    for (char *line = strtok_r(r->str, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char name[64], flags[32], addr[512], laddr[512];
        assert_int_equal(client_field(line, "name", name, sizeof name), 0);
        assert_int_equal(client_field(line, "flags", flags, sizeof flags), 0);
        assert_int_equal(client_field(line, "addr", addr, sizeof addr), 0);
        assert_int_equal(client_field(line, "laddr", laddr, sizeof laddr), 0);
        if (strcmp(name, "unixc") == 0) {
            seen_unix = 1;
            assert_string_equal(flags, "U");
            assert_true(ends_with(addr, "t.sock:0"));
            assert_true(ends_with(laddr, "t.sock:0"));
        } else if (strcmp(name, "tcpc") == 0) {
            seen_tcp = 1;
            assert_string_equal(flags, "N");
            assert_true(strncmp(addr, "127.0.0.1:", 10) == 0);
            char want[32];
            snprintf(want, sizeof want, "127.0.0.1:%d", s->port);
            assert_string_equal(laddr, want);
        }
    }
    freeReplyObject(r);
    assert_true(seen_unix && seen_tcp);

    /* The socket file goes away with the server. */
    assert_int_equal(hs_stop(s), 0);
    assert_int_equal(access(path, F_OK), -1);
}

static void test_bind_ipv4_and_ipv6(void **state)
{
    struct hserver *s = *state;
    if (!have_ipv6_loopback()) {
        fprintf(stderr, "no IPv6 loopback on this machine; skipping\n");
        skip();
    }
    const char *args[] = {"--bind", "127.0.0.1 ::1", NULL};
    assert_int_equal(hs_start(s, args), 0);
    redisContext *v4 = hs_connect_host(s, "127.0.0.1");
    redisContext *v6 = hs_connect_host(s, "::1");
    assert_non_null(v4);
    assert_non_null(v6);
    assert_int_equal(hs_cmd_expect(v4, "OK", "SET k v4"), 0);
    assert_int_equal(hs_cmd_expect(v6, "v4", "GET k"), 0);
    assert_int_equal(hs_cmd_expect(v6, "OK", "SET k v6"), 0);
    assert_int_equal(hs_cmd_expect(v4, "v6", "GET k"), 0);

    /* Redis 7.0 brackets IPv6 addresses: addr=[::1]:port laddr=[::1]:port. */
    char info[1024], addr[128], laddr[128], want[64];
    client_info(v6, info, sizeof info);
    assert_int_equal(client_field(info, "addr", addr, sizeof addr), 0);
    assert_int_equal(client_field(info, "laddr", laddr, sizeof laddr), 0);
    assert_true(strncmp(addr, "[::1]:", 6) == 0);
    assert_true(atoi(addr + 6) > 0);
    snprintf(want, sizeof want, "[::1]:%d", s->port);
    assert_string_equal(laddr, want);
    client_info(v4, info, sizeof info);
    assert_int_equal(client_field(info, "addr", addr, sizeof addr), 0);
    assert_true(strncmp(addr, "127.0.0.1:", 10) == 0);
}

static void test_bind_ipv4_only(void **state)
{
    struct hserver *s = *state;
    if (!have_ipv6_loopback()) {
        fprintf(stderr, "no IPv6 loopback on this machine; skipping\n");
        skip();
    }
    const char *args[] = {"--bind", "127.0.0.1", NULL};
    assert_int_equal(hs_start(s, args), 0);
    redisContext *v4 = hs_connect_host(s, "127.0.0.1");
    assert_non_null(v4);
    assert_int_equal(hs_cmd_expect(v4, "PONG", "PING"), 0);
    struct timeval tv = {2, 0};
    redisContext *v6 = redisConnectWithTimeout("::1", s->port, tv);
    assert_non_null(v6);
    assert_true(v6->err != 0); /* nothing listens on [::1]:port */
    redisFree(v6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_unixsocket, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bind_ipv4_and_ipv6, setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_bind_ipv4_only, setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
