/* Unit tests for child: the parent learns of the child's end from the
 * reactor (exit code, signal, COW report), only one child at a time,
 * child_kill reaps synchronously (also a stopped child), the child
 * does not keep inherited sockets open, and its CPU priority ladder:
 * SCHED_IDLE first, a rung up only when starved of CPU. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "ev.h"
#include "util.h"

static struct ev_loop *loop;

static struct {
    int calls, code, bysignal;
    size_t cow;
} seen;

static void on_done(int code, int bysignal, size_t cow, void *arg)
{
    (void)arg;
    seen.calls++;
    seen.code = code;
    seen.bysignal = bysignal;
    seen.cow = cow;
}

static int setup(void **state)
{
    (void)state;
    loop = ev_create();
    child_init(loop);
    memset(&seen, 0, sizeof(seen));
    return loop ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    child_kill();
    ev_destroy(loop);
    return 0;
}

/* Run the loop until done was called (at most ~5 s). */
static void wait_done(void)
{
    for (int i = 0; i < 500 && seen.calls == 0; i++)
        ev_run_once(loop, 10);
}

static void test_exit_code_reaches_parent(void **state)
{
    (void)state;
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(3);
    assert_int_equal(child_type(), CHILD_RDB);
    assert_int_equal(child_pid(), pid);
    assert_int_equal(child_stats.total_forks > 0, 1);
    wait_done();
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.code, 3);
    assert_int_equal(seen.bysignal, 0);
    assert_int_equal(child_type(), CHILD_NONE);
    assert_int_equal(child_pid(), -1);
}

static void test_cow_report_and_signal(void **state)
{
    (void)state;
    pid_t pid = child_fork(CHILD_AOF, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        /* Dirty some private memory, report, then die by a signal. */
        size_t n = 4 << 20;
        volatile char *p = malloc(n); /* volatile: the stores must happen */
        for (size_t i = 0; i < n; i += 4096)
            p[i] = 1;
        child_report_cow();
        raise(SIGKILL);
        _exit(0);
    }
    wait_done();
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.bysignal, 1);
    assert_int_equal(seen.code, SIGKILL);
    assert_true(seen.cow >= (size_t)4 << 20);
}

/* While the child works it reports once a second; child_cron takes it. */
static void test_periodic_reports(void **state)
{
    (void)state;
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        long long end = util_mono_us() + 1500000;
        while (util_mono_us() < end)
            usleep(10000); /* SIGALRM interrupts it: just loop */
        _exit(0);
    }
    long long t0 = util_mono_us();
    while (child_stats.cow_sampled_ms == 0 && util_mono_us() - t0 < 5000000) {
        ev_run_once(loop, 10);
        child_cron();
    }
    assert_true(child_stats.cow_sampled_ms > 0);
    assert_true(child_stats.cow_current > 0);
    assert_true(child_stats.cow_peak >= child_stats.cow_current);
    wait_done();
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.code, 0);
    assert_int_equal(child_stats.cow_sampled_ms, 0); /* reset once reaped */
}

static void test_one_child_at_a_time(void **state)
{
    (void)state;
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        pause();
        _exit(0);
    }
    errno = 0;
    assert_int_equal(child_fork(CHILD_AOF, on_done, NULL), -1);
    assert_int_equal(errno, EBUSY);
    /* Stopped: child_kill must still reap it (SIGUSR1 + SIGCONT). */
    kill(pid, SIGSTOP);
    child_kill();
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.bysignal, 1);
    assert_int_equal(seen.code, SIGUSR1);
    assert_int_equal(child_type(), CHILD_NONE);
    assert_int_equal(kill(pid, 0), -1); /* reaped: the pid is gone */
}

static void test_child_closes_sockets(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        struct stat st;
        /* Exit code 0 only if both inherited sockets are closed. */
        _exit(fstat(sv[0], &st) == -1 && fstat(sv[1], &st) == -1 ? 0 : 1);
    }
    wait_done();
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.bysignal, 0);
    assert_int_equal(seen.code, 0);
    close(sv[0]);
    close(sv[1]);
}

/* Whether this process may go SCHED_IDLE and come back (what the ladder
 * needs), tried in a throwaway process. */
static int may_climb(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct sched_param sp = {.sched_priority = 0};
        setpriority(PRIO_PROCESS, 0, 19);
        _exit(sched_setscheduler(0, SCHED_IDLE, &sp) == 0 &&
                      sched_setscheduler(0, SCHED_OTHER, &sp) == 0
                  ? 0
                  : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* In a child: 1 if SCHED_IDLE, 2 if SCHED_OTHER at nice n, else 3. */
static int policy_code(int n)
{
    int pol = sched_getscheduler(0);
    if (pol == SCHED_IDLE)
        return 1;
    errno = 0;
    int ni = getpriority(PRIO_PROCESS, 0);
    return pol == SCHED_OTHER && errno == 0 && ni == n ? 2 : 3;
}

/* Wait for the child's end for up to ms milliseconds. */
static void wait_done_ms(int ms)
{
    for (int i = 0; i < ms / 10 && seen.calls == 0; i++)
        ev_run_once(loop, 10);
}

/* The child starts at SCHED_IDLE when it could climb back, else at nice
 * 19; a child that sleeps (blocked, not starved) does not climb the
 * ladder. */
static void test_child_starts_low_and_sleeping_is_not_starving(void **state)
{
    (void)state;
    int expect = may_climb() ? 1 : 2;
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        int first = policy_code(19);
        /* One long sleep (SIGALRM cuts it short: sleep the rest). */
        struct timespec left = {6, 500000000}; /* > STARVED_SECS */
        while (nanosleep(&left, &left) == -1 && errno == EINTR)
            ;
        _exit(first * 10 + policy_code(19));
    }
    wait_done_ms(15000);
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.bysignal, 0);
    assert_int_equal(seen.code / 10, expect);
    /* A loaded machine may delay even the tick's wake-up past half a
     * second (a real starved second: nice 19 is fine); counting CPU time
     * alone would have climbed to nice 10 (code 3) by now. */
    assert_true(seen.code % 10 == expect || seen.code % 10 == 2);
}

/* A SCHED_IDLE child starved by two busy processes on its CPU climbs to
 * nice 19 within seconds instead of waiting forever. */
static void test_starved_child_climbs(void **state)
{
    (void)state;
    if (!may_climb())
        skip(); /* it starts at nice 19 and may not climb at all */
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    pid_t spin[2];
    for (int i = 0; i < 2; i++) {
        spin[i] = fork();
        assert_true(spin[i] >= 0);
        if (spin[i] == 0) {
            sched_setaffinity(0, sizeof(one), &one);
            for (;;)
                ;
        }
    }
    pid_t pid = child_fork(CHILD_RDB, on_done, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        sched_setaffinity(0, sizeof(one), &one);
        long long end = util_mono_us() + 30000000;
        while (sched_getscheduler(0) == SCHED_IDLE && util_mono_us() < end)
            ;
        _exit(policy_code(19));
    }
    wait_done_ms(40000);
    for (int i = 0; i < 2; i++) {
        kill(spin[i], SIGKILL);
        waitpid(spin[i], NULL, 0);
    }
    assert_int_equal(seen.calls, 1);
    assert_int_equal(seen.bysignal, 0);
    assert_int_equal(seen.code, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exit_code_reaches_parent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cow_report_and_signal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_periodic_reports, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_child_at_a_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_child_closes_sockets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_child_starts_low_and_sleeping_is_not_starving, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_starved_child_climbs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
