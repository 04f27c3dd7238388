/* Unit tests for ev: the timer heap (order, cancel, re-arm, ids never
 * reused) and the stale-event guard (a source removed earlier in a batch
 * never gets its event). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ev.h"
#include "mem.h"

static int order[64];
static int norder;

static long long record(struct ev_loop *l, long long id, void *arg)
{
    (void)l;
    (void)id;
    order[norder++] = (int)(intptr_t)arg;
    return -1;
}

static void test_timers_run_in_time_then_creation_order(void **state)
{
    (void)state;
    struct ev_loop *l = ev_create();
    norder = 0;
    ev_timer_add(l, 30, record, (void *)3);
    ev_timer_add(l, 10, record, (void *)1);
    ev_timer_add(l, 20, record, (void *)2);
    ev_timer_add(l, 10, record, (void *)11); /* same time as 1: runs after it */
    while (ev_timer_count(l) > 0)
        ev_run_once(l, 100);
    assert_int_equal(norder, 4);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 11);
    assert_int_equal(order[2], 2);
    assert_int_equal(order[3], 3);
    ev_destroy(l);
}

static void test_timer_cancel_and_stale_id(void **state)
{
    (void)state;
    struct ev_loop *l = ev_create();
    norder = 0;
    long long a = ev_timer_add(l, 5, record, (void *)1);
    long long b = ev_timer_add(l, 5, record, (void *)2);
    assert_int_equal(ev_timer_del(l, a), 0);
    assert_int_equal(ev_timer_del(l, a), -1); /* already gone */
    while (ev_timer_count(l) > 0)
        ev_run_once(l, 100);
    assert_int_equal(norder, 1);
    assert_int_equal(order[0], 2);
    /* b ran; its slot is reused by c, but b's id must not cancel c. */
    long long c = ev_timer_add(l, 5, record, (void *)3);
    assert_true(c != b);
    assert_int_equal(ev_timer_del(l, b), -1);
    assert_int_equal(ev_timer_count(l), 1);
    assert_int_equal(ev_timer_del(l, c), 0);
    ev_destroy(l);
}

static int rearm_runs;
static long long rearm(struct ev_loop *l, long long id, void *arg)
{
    (void)l;
    (void)id;
    (void)arg;
    return ++rearm_runs < 3 ? 1 : -1;
}

static void test_timer_rearm(void **state)
{
    (void)state;
    struct ev_loop *l = ev_create();
    rearm_runs = 0;
    ev_timer_add(l, 0, rearm, NULL);
    for (int i = 0; i < 100 && ev_timer_count(l) > 0; i++)
        ev_run_once(l, 50);
    assert_int_equal(rearm_runs, 3);
    ev_destroy(l);
}

static void test_many_timers_heap(void **state)
{
    (void)state;
    struct ev_loop *l = ev_create();
    long long ids[500];
    for (int i = 0; i < 500; i++)
        ids[i] = ev_timer_add(l, 1000 + (i * 7919) % 500, record, NULL);
    for (int i = 0; i < 500; i += 2)
        assert_int_equal(ev_timer_del(l, ids[i]), 0);
    assert_int_equal(ev_timer_count(l), 250);
    for (int i = 1; i < 500; i += 2)
        assert_int_equal(ev_timer_del(l, ids[i]), 0);
    assert_int_equal(ev_timer_count(l), 0);
    ev_destroy(l);
}

/* Two readable sockets in one batch. Whichever callback runs first removes
 * the other source and scribbles over it, as a freed-then-reused struct
 * would look; the guard must keep the loop from calling into it. */
struct src {
    struct ev_io io;
    struct src *other;
    int calls;
};

static void kill_other(struct ev_loop *l, struct ev_io *io, unsigned events)
{
    (void)events;
    struct src *s = (struct src *)io;
    s->calls++;
    if (!s->other->io.dead) {
        ev_io_del(l, &s->other->io);
        s->other->io.cb = NULL; /* a call through it would crash the test */
    }
}

static void test_stale_event_is_dropped(void **state)
{
    (void)state;
    struct ev_loop *l = ev_create();
    int p1[2], p2[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, p1), 0);
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, p2), 0);
    struct src a = {.io = {.fd = p1[0], .cb = kill_other}};
    struct src b = {.io = {.fd = p2[0], .cb = kill_other}};
    a.other = &b;
    b.other = &a;
    assert_int_equal(ev_io_add(l, &a.io, EV_READ), 0);
    assert_int_equal(ev_io_add(l, &b.io, EV_READ), 0);
    assert_int_equal(write(p1[1], "x", 1), 1);
    assert_int_equal(write(p2[1], "y", 1), 1);
    int n = ev_run_once(l, 1000);
    assert_int_equal(n, 2);                 /* both were ready in the batch */
    assert_int_equal(a.calls + b.calls, 1); /* but only one ran */
    close(p1[0]);
    close(p1[1]);
    close(p2[0]);
    close(p2[1]);
    ev_destroy(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timers_run_in_time_then_creation_order),
        cmocka_unit_test(test_timer_cancel_and_stale_id),
        cmocka_unit_test(test_timer_rearm),
        cmocka_unit_test(test_many_timers_heap),
        cmocka_unit_test(test_stale_event_is_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
