/* child: see child.h.
 *
 * State: at most one child. Its end is learned from a pidfd (readable once
 * the process has exited) registered with the reactor; the callback then
 * reaps it with waitpid(WNOHANG), drains the copy-on-write report pipe and
 * calls the owner's done function. A stale event (the pidfd of an earlier
 * child whose fd number was reused) is harmless: waitpid(WNOHANG) on a
 * live child returns 0 and the callback returns.
 */
#include "child.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ev.h"
#include "util.h"

struct child_stats child_stats;
void (*child_state_hook)(int running);

static struct {
    struct ev_loop *loop;
    pid_t pid; /* -1 when none */
    int type;
    int pidfd;          /* -1 when polling instead */
    struct ev_io io;    /* the pidfd's registration */
    long long poll_id;  /* waitpid poll timer when there is no pidfd */
    int report_rd;      /* parent: read end of the COW report pipe */
    int report_wr;      /* child: write end (-1 in the parent) */
    long long start_ms; /* fork time (monotonic) */
    child_done_fn *done;
    void *arg;
} ch = {.pid = -1, .pidfd = -1, .report_rd = -1, .report_wr = -1};

void child_init(struct ev_loop *loop)
{
    ch.loop = loop;
}

int child_type(void)
{
    return ch.pid > 0 ? ch.type : CHILD_NONE;
}

pid_t child_pid(void)
{
    return ch.pid;
}

long long child_age_ms(void)
{
    return ch.pid > 0 ? util_mono_us() / 1000 - ch.start_ms : 0;
}

/* Private_Dirty in bytes from /proc/self/smaps_rollup, or 0. Only
 * async-signal-safe calls and no library parsing: it also runs from the
 * child's SIGALRM handler. */
static size_t read_private_dirty(void)
{
    static const char key[] = "Private_Dirty:";
    int fd = open("/proc/self/smaps_rollup", O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return 0;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    for (ssize_t i = 0; i + (ssize_t)sizeof(key) - 1 <= n; i++) {
        if (memcmp(buf + i, key, sizeof(key) - 1) != 0)
            continue;
        size_t kb = 0;
        for (i += (ssize_t)sizeof(key) - 1; i < n && (buf[i] == ' ' || buf[i] == '\t'); i++)
            ;
        for (; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
            kb = kb * 10 + (size_t)(buf[i] - '0');
        return kb * 1024; /* the file says kB */
    }
    return 0;
}

/* Child side: put the current size into the pipe (the parent keeps only
 * the newest, so a full pipe just drops this one). Async-signal-safe. */
static size_t report_now(void)
{
    size_t cow = read_private_dirty();
    if (ch.report_wr != -1) {
        ssize_t w = write(ch.report_wr, &cow, sizeof(cow));
        (void)w; /* best effort: INFO then shows an older value */
    }
    return cow;
}

/* ---- the child's CPU priority ladder ----
 *
 * The child starts as SCHED_IDLE: it runs on CPU time nobody else wants,
 * and the server (or any normal task) waking on its CPU preempts it at
 * once; the scheduler also counts a CPU running only SCHED_IDLE tasks as
 * idle when it places a waking task. nice 19 (the old choice) only
 * weighs the child down: a waking server may still wait for the end of
 * the child's slice, and wake-up placement sees the child's CPU as busy.
 * So that a saturated machine cannot starve a snapshot forever, the 1 s
 * report tick measures the CPU time the child got and the time it waited
 * for one: after one starved second it leaves SCHED_IDLE for nice 19, and
 * after each STARVED_SECS more starved seconds in a row it climbs another
 * rung (nice 10, then nice 0); it never comes back down.
 * Climbing needs the right to lower nice (RLIMIT_NICE or CAP_SYS_NICE);
 * without the right to leave SCHED_IDLE for nice 19 the child starts at
 * nice 19 (a small share of a busy CPU, but never none) and stays there. */
#define STARVED_CPU_MS 50
#define STARVED_SECS   5

static const int rung_nice[] = {19, 19, 10, 0}; /* rung 0 is SCHED_IDLE (at nice 19) */
#define RUNGS ((int)(sizeof(rung_nice) / sizeof(rung_nice[0])))

static struct {
    int rung;             /* current rung */
    int top;              /* highest rung we may climb to */
    long long starved_ms; /* starved for this long, without a break */
    long long at;         /* monotonic ms of the last tick */
    long long run, wait;  /* sched_times at the last tick */
} prio;

/* The lowest nice value this process may set (Linux: 20 - RLIMIT_NICE,
 * or -20 with CAP_SYS_NICE in the effective set). */
static int lowest_nice(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    if (f) {
        char line[256];
        unsigned long long caps = 0;
        while (fgets(line, sizeof(line), f))
            if (sscanf(line, "CapEff: %llx", &caps) == 1)
                break;
        fclose(f);
        if (caps & (1ULL << 23)) /* CAP_SYS_NICE */
            return -20;
    }
    struct rlimit rl;
    if (getrlimit(RLIMIT_NICE, &rl) == -1)
        return 20;
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= 40)
        return -20;
    return 20 - (int)rl.rlim_cur;
}

/* This process's time on a CPU and waiting for one, in ms, from
 * /proc/self/schedstat ("run_ns wait_ns slices"). Where that file is
 * missing, the CPU clock gives run and wait counts as always. Only
 * async-signal-safe calls: it runs from the SIGALRM handler. */
static void sched_times(long long *run, long long *wait)
{
    *run = 0;
    *wait = -1;
    int fd = open("/proc/self/schedstat", O_RDONLY | O_CLOEXEC);
    if (fd != -1) {
        char buf[128];
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        unsigned long long v[2] = {0, 0};
        int k = 0;
        for (ssize_t i = 0; i < n && k < 2; k++) {
            if (buf[i] < '0' || buf[i] > '9')
                break;
            for (; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
                v[k] = v[k] * 10 + (unsigned long long)(buf[i] - '0');
            for (; i < n && buf[i] == ' '; i++)
                ;
        }
        if (k == 2) {
            *run = (long long)(v[0] / 1000000);
            *wait = (long long)(v[1] / 1000000);
            return;
        }
    }
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0)
        *run = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child, right after fork: take the lowest rung allowed. */
static void prio_start(void)
{
    int low = lowest_nice();
    prio.top = 0;
    while (prio.top + 1 < RUNGS && rung_nice[prio.top + 1] >= low)
        prio.top++;
    prio.starved_ms = 0;
    prio.at = util_mono_us() / 1000;
    sched_times(&prio.run, &prio.wait);
    errno = 0;
    if (setpriority(PRIO_PROCESS, 0, 19) == -1)
        errno = 0; /* not fatal: the save just competes normally */
    struct sched_param sp = {.sched_priority = 0};
    if (prio.top >= 1 && sched_setscheduler(0, SCHED_IDLE, &sp) == 0) {
        prio.rung = 0;
        return;
    }
    prio.rung = 1;
    prio.top = prio.top < 1 ? 1 : prio.top;
}

/* From the 1 s tick: climb a rung once the child has been starved long
 * enough (see the ladder above): it got less than STARVED_CPU_MS of CPU per second while
 * it spent more than half the time waiting for one (a child blocked on a
 * slow disk is not starved). A starved child's ticks come late (SIGALRM
 * does not queue), so the time starved is measured, not the ticks
 * counted. Async-signal-safe (system calls only). */
static void prio_tick(void)
{
    long long run, wait, now = util_mono_us() / 1000;
    sched_times(&run, &wait);
    long long span = now - prio.at, ran = run - prio.run;
    long long waited = wait < 0 ? span : wait - prio.wait;
    prio.at = now;
    prio.run = run;
    prio.wait = wait;
    if (span <= 0 || ran * 1000 >= STARVED_CPU_MS * span || waited * 2 < span) {
        prio.starved_ms = 0;
        return;
    }
    prio.starved_ms += span;
    /* Out of SCHED_IDLE after one starved second: nice 19 is where the
     * child used to start, so a busy machine loses at most that second. */
    long long need = prio.rung == 0 ? 1000 : STARVED_SECS * 1000;
    if (prio.starved_ms < need || prio.rung >= prio.top)
        return;
    prio.starved_ms = 0;
    struct sched_param sp = {.sched_priority = 0};
    if (prio.rung == 0 && sched_setscheduler(0, SCHED_OTHER, &sp) == -1)
        return;
    prio.rung++;
    if (setpriority(PRIO_PROCESS, 0, rung_nice[prio.rung]) == -1)
        prio.top = prio.rung; /* refused: stay here */
}

static void on_alarm(int sig)
{
    (void)sig;
    int e = errno;
    report_now();
    prio_tick();
    errno = e;
}

/* In the child: report once a second from SIGALRM, so the parent's INFO
 * current_cow_size stays fresh without the parent walking the child's page
 * tables (tens of ms for a large dataset, a stall of its event loop).
 * SA_RESTART: the writer's system calls just continue. */
static void start_periodic_reports(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{1, 0}, {1, 0}};
    setitimer(ITIMER_REAL, &it, NULL);
}

size_t child_report_cow(void)
{
    struct itimerval off;
    memset(&off, 0, sizeof(off));
    setitimer(ITIMER_REAL, &off, NULL); /* this report is the last one */
    return report_now();
}

/* Parent: read every pending report into child_stats; the newest is kept
 * in last_report for the done function. O(reports pending). */
static size_t last_report;

static void take_reports(void)
{
    size_t v;
    int got = 0;
    if (ch.report_rd == -1)
        return;
    while (read(ch.report_rd, &v, sizeof(v)) == (ssize_t)sizeof(v)) {
        last_report = v;
        got = 1;
    }
    if (!got)
        return;
    child_stats.cow_current = last_report;
    if (last_report > child_stats.cow_peak)
        child_stats.cow_peak = last_report;
    child_stats.cow_sampled_ms = util_mono_us() / 1000;
}

void child_cron(void)
{
    if (ch.pid > 0)
        take_reports();
}

/* Forget the child (after it was reaped) and tell its owner. */
static void finish(int status)
{
    take_reports();
    size_t cow = last_report;
    last_report = 0;
    if (ch.pidfd != -1) {
        ev_io_del(ch.loop, &ch.io);
        close(ch.pidfd);
        ch.pidfd = -1;
    }
    if (ch.poll_id) {
        ev_timer_del(ch.loop, ch.poll_id);
        ch.poll_id = 0;
    }
    if (ch.report_rd != -1) {
        close(ch.report_rd);
        ch.report_rd = -1;
    }
    child_done_fn *done = ch.done;
    void *arg = ch.arg;
    ch.pid = -1;
    ch.type = CHILD_NONE;
    ch.done = NULL;
    child_stats.cow_current = child_stats.cow_peak = 0;
    child_stats.cow_sampled_ms = 0;
    if (child_state_hook)
        child_state_hook(0);
    int bysignal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    if (done)
        done(bysignal ? bysignal : code, bysignal != 0, cow, arg);
}

/* Reap the child if it has ended; returns 1 if it was reaped. */
static int try_reap(void)
{
    int status;
    pid_t r;
    do
        r = waitpid(ch.pid, &status, WNOHANG);
    while (r == -1 && errno == EINTR);
    if (r == 0)
        return 0;
    if (r == -1)
        status = 0; /* already reaped elsewhere (should not happen): count as success */
    finish(status);
    return 1;
}

static void on_pidfd(struct ev_loop *loop, struct ev_io *io, unsigned events)
{
    (void)loop;
    (void)io;
    (void)events;
    if (ch.pid > 0)
        try_reap();
}

static long long on_poll(struct ev_loop *loop, long long id, void *arg)
{
    (void)loop;
    (void)id;
    (void)arg;
    if (ch.pid <= 0)
        return -1;
    ch.poll_id = 0; /* this timer ends by returning -1, not by ev_timer_del */
    if (try_reap())
        return -1;
    ch.poll_id = id;
    return 10;
}

/* In the child: close every inherited socket except keep. Uses
 * /proc/self/fd (one getdents pass) rather than probing every fd up to
 * RLIMIT_NOFILE. */
static void close_sockets(int keep)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return;
    int dfd = dirfd(d);
    struct dirent *de;
    int fds[1024], n = 0;
    while ((de = readdir(d)) != NULL && n < 1024) {
        int fd = atoi(de->d_name);
        struct stat st;
        if (fd <= 2 || fd == dfd || fd == keep)
            continue;
        if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode))
            fds[n++] = fd;
    }
    closedir(d);
    for (int i = 0; i < n; i++)
        close(fds[i]);
}

/* In the child: signals back to their defaults (the parent blocks SIGTERM
 * and SIGINT for its signalfd). */
static void child_signals(void)
{
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGUSR1, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* Parent: watch the child's end through a pidfd, else poll. */
static void watch_child(void)
{
#ifdef SYS_pidfd_open
    int fd = (int)syscall(SYS_pidfd_open, ch.pid, 0);
    if (fd != -1) {
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        ch.pidfd = fd;
        ch.io.fd = fd;
        ch.io.cb = on_pidfd;
        if (ev_io_add(ch.loop, &ch.io, EV_READ) == 0)
            return;
        close(fd);
        ch.pidfd = -1;
    }
#endif
    ch.poll_id = ev_timer_add(ch.loop, 10, on_poll, NULL);
}

pid_t child_fork(int type, child_done_fn *done, void *arg)
{
    if (ch.pid > 0) {
        errno = EBUSY;
        return -1;
    }
    int p[2];
    if (pipe2(p, O_CLOEXEC | O_NONBLOCK) == -1)
        return -1;
    long long t0 = util_mono_us();
    pid_t pid = fork();
    if (pid == -1) {
        int e = errno;
        close(p[0]);
        close(p[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        close(p[0]);
        ch.report_rd = -1;
        ch.report_wr = p[1];
        ch.pid = -1;
        child_signals();
        close_sockets(p[1]);
        /* Lowest priority first (see the ladder above): on an otherwise
         * idle CPU the child still runs at full speed. */
        prio_start();
        start_periodic_reports();
        prctl(PR_SET_NAME, type == CHILD_AOF ? "tern-aof-rewrite" : "tern-rdb-bgsave", 0, 0, 0);
        return 0;
    }
    close(p[1]);
    child_stats.latest_fork_usec = util_mono_us() - t0;
    child_stats.total_forks++;
    child_stats.cow_current = child_stats.cow_peak = 0;
    child_stats.cow_sampled_ms = 0;
    ch.pid = pid;
    ch.type = type;
    ch.report_rd = p[0];
    ch.start_ms = t0 / 1000;
    ch.done = done;
    ch.arg = arg;
    watch_child();
    if (child_state_hook)
        child_state_hook(1);
    return pid;
}

void child_kill(void)
{
    if (ch.pid <= 0)
        return;
    /* SIGCONT too: a stopped child (a debugger, SIGSTOP) would otherwise
     * keep SIGUSR1 pending and the wait below would never end. If it has
     * not died within a second, SIGKILL it. */
    kill(ch.pid, SIGUSR1);
    kill(ch.pid, SIGCONT);
    int status = 0;
    pid_t r = 0;
    for (int i = 0; i < 1000 && r == 0; i++) {
        r = waitpid(ch.pid, &status, WNOHANG);
        if (r == 0)
            usleep(1000);
    }
    if (r == 0)
        kill(ch.pid, SIGKILL);
    while (r == 0 || (r == -1 && errno == EINTR))
        r = waitpid(ch.pid, &status, 0);
    if (r == -1)
        status = SIGUSR1; /* as if killed: WIFSIGNALED reads the low bits */
    finish(status);
}
