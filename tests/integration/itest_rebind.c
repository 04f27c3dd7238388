/*
 * itest_rebind.c - CONFIG SET port / bind move the listening sockets.
 *
 * Redis listens anew when port or bind change at runtime, keeps existing
 * connections, and refuses (restoring the old value and sockets) when it
 * cannot listen. Validated against redis-server with
 * TERN_SERVER=/usr/bin/redis-server.
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
#include <unistd.h>

#include "harness.h"

/* A TCP socket listening on 127.0.0.1 at a kernel-chosen port; *port gets it. */
static int listen_any(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 1) ||
        getsockname(fd, (struct sockaddr *)&a, &sl))
        return -1;
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_config_set_port_moves_listener(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    int newport;
    int fd = listen_any(&newport);
    assert_true(fd >= 0);
    close(fd); /* free again: the server may take it */
    int oldport = s->port;
    char arg[16];
    snprintf(arg, sizeof arg, "%d", newport);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET port %s", arg), 0);
    /* The existing connection keeps working. */
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    /* New connections go to the new port, not the old one. */
    s->port = newport;
    redisContext *c2 = hs_connect(s);
    assert_non_null(c2);
    assert_int_equal(hs_cmd_expect(c2, "PONG", "PING"), 0);
    s->port = oldport;
    redisContext *c3 = redisConnect("127.0.0.1", oldport);
    assert_true(c3 == NULL || c3->err != 0);
    if (c3)
        redisFree(c3);
    s->port = newport;
}

static void test_config_set_port_in_use_is_refused(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    int busy;
    int fd = listen_any(&busy);
    assert_true(fd >= 0);
    char arg[16];
    snprintf(arg, sizeof arg, "%d", busy);
    assert_int_equal(hs_cmd_expect(c,
                                   "ERR CONFIG SET failed (possibly related to argument 'port') - "
                                   "Unable to listen on this port. Check server logs.",
                                   "CONFIG SET port %s", arg),
                     0);
    close(fd);
    /* The old port still accepts connections, and CONFIG GET shows it. */
    redisContext *c2 = hs_connect(s);
    assert_non_null(c2);
    assert_int_equal(hs_cmd_expect(c2, "PONG", "PING"), 0);
    redisReply *r = redisCommand(c2, "CONFIG GET port");
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal((int)r->elements, 2);
    assert_int_equal(atoi(r->element[1]->str), s->port);
    freeReplyObject(r);
}

static void test_config_set_bind_unusable_is_refused(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    /* 192.0.2.1 (TEST-NET-1) is not an address of this machine. */
    assert_int_equal(hs_cmd_expect(c,
                                   "ERR CONFIG SET failed (possibly related to argument 'bind') - "
                                   "Failed to bind to specified addresses.",
                                   "CONFIG SET bind 192.0.2.1"),
                     0);
    redisContext *c2 = hs_connect(s);
    assert_non_null(c2);
    assert_int_equal(hs_cmd_expect(c2, "PONG", "PING"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_config_set_port_moves_listener, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_config_set_port_in_use_is_refused, hs_setup,
                                        hs_teardown),
        cmocka_unit_test_setup_teardown(test_config_set_bind_unusable_is_refused, hs_setup,
                                        hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
