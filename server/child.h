/* child: the one forked child process at a time (BGSAVE, BGREWRITEAOF), as
 * Redis allows. The parent learns that the child ended through the reactor
 * (a pidfd registered with ev), never by blocking in waitpid; where
 * pidfd_open is missing (kernels before 5.3) a 10 ms timer polls waitpid
 * with WNOHANG instead.
 *
 * The child reports its copy-on-write size (Private_Dirty of
 * /proc/self/smaps_rollup) to the parent through a pipe: once a second
 * from a SIGALRM timer while it works (INFO current_cow_size /
 * current_cow_peak, read by child_cron), and a last time before it exits
 * (INFO rdb_last_cow_size / aof_last_cow_size). The child, not the parent,
 * pays for walking its page tables.
 *
 * In the child: every inherited socket is closed (listeners and client
 * connections belong to the parent: a client the parent closes must see EOF
 * at once, and a restarted server must be able to bind the port), SIGTERM,
 * SIGINT and SIGUSR1 get their default action and are unblocked, and
 * SIGXFSZ stays ignored so a file-size limit is a write error (EFBIG), and
 * the child drops to SCHED_IDLE so the server keeps its latency when both
 * want the same CPU; a child starved of CPU for seconds climbs back up
 * (nice 19, 10, 0) so a busy server still finishes its snapshots.
 * Other descriptors (files, the epoll fd) stay open but are never used.
 *
 * Must not know: what the child writes (rdb.c, aof.c).
 */
#ifndef TERN_CHILD_H
#define TERN_CHILD_H

#include <stddef.h>
#include <sys/types.h>

struct ev_loop;

#define CHILD_NONE 0
#define CHILD_RDB  1
#define CHILD_AOF  2

/* Called in the parent, from the event loop, once the child has been
 * reaped: exitcode is the exit status (0 = success) unless bysignal, in
 * which case it is the signal number. cow_bytes is the child's last
 * report (0 if none). The child is already forgotten when done runs, so
 * done may fork the next child. */
typedef void child_done_fn(int exitcode, int bysignal, size_t cow_bytes, void *arg);

/* Register the reactor the parent waits on. Call once before child_fork. */
void child_init(struct ev_loop *loop);
/* Called in the parent with 1 right after a fork and with 0 once the child
 * has been reaped (before its done function), e.g. to stop writes that
 * would copy shared pages. NULL: none. */
extern void (*child_state_hook)(int running);

/* Fork a child of the given type (its process name becomes
 * "tern-rdb-bgsave" or "tern-aof-rewrite"). In the child, returns 0 (the child
 * must end with _exit()). In the parent, returns the child's pid, and done
 * will be called when it ends. Returns -1 (errno set; EBUSY if a child is
 * already running) if no child was started. */
pid_t child_fork(int type, child_done_fn *done, void *arg);
/* The running child's type, or CHILD_NONE. */
int child_type(void);
/* The running child's pid, or -1. */
pid_t child_pid(void);
/* Kill the running child (SIGUSR1; the child exits without reporting
 * success) and reap it synchronously; done is called with bysignal. A
 * no-op when no child runs. */
void child_kill(void);
/* In the child: stop the periodic reports and send the final copy-on-write
 * size to the parent. Returns the size. */
size_t child_report_cow(void);

/* Parent, from the cron: take the running child's latest copy-on-write
 * report into child_stats. Cheap (non-blocking pipe reads). */
void child_cron(void);
/* Milliseconds since the running child was forked (0 if none). */
long long child_age_ms(void);

/* Statistics for INFO. */
struct child_stats {
    long long total_forks;
    long long latest_fork_usec;
    size_t cow_current, cow_peak; /* of the running child, 0 when none */
    long long cow_sampled_ms;     /* when cow_current arrived (monotonic; 0: never) */
};
extern struct child_stats child_stats;

#endif
