/* child: the one forked child process at a time (BGSAVE, BGREWRITEAOF), as
 * Redis allows. The parent learns that the child ended through the reactor
 * (a pidfd registered with ev), never by blocking in waitpid.
 *
 * The child reports its copy-on-write size to the parent through a pipe
 * before it exits (INFO rdb_last_cow_size / aof_last_cow_size).
 *
 * Must not know: what the child writes (rdb.c, aof.c).
 */
#ifndef TERN_CHILD_H
#define TERN_CHILD_H

#include <stddef.h>
#include <sys/types.h>

#define CHILD_NONE 0
#define CHILD_RDB  1
#define CHILD_AOF  2

/* Called in the parent, from the event loop, once the child has been
 * reaped: exitcode is the exit status (0 = success) unless bysignal, in
 * which case it is the signal number. cow_bytes is the child's last
 * report (0 if none). */
typedef void child_done_fn(int exitcode, int bysignal, size_t cow_bytes, void *arg);

/* Fork a child of the given type. In the child, returns 0 (the child
 * must end with _exit()). In the parent, returns the child's pid, and done
 * will be called when it ends. Returns -1 (errno set) if fork fails or a
 * child is already running. */
pid_t child_fork(int type, child_done_fn *done, void *arg);
/* The running child's type, or CHILD_NONE. */
int child_type(void);
pid_t child_pid(void);
/* Kill the running child (SIGUSR1; the child exits without reporting
 * success) and reap it synchronously; done is called with bysignal. */
void child_kill(void);
/* In the child: report the current copy-on-write size (from
 * /proc/self/smaps_rollup Private_Dirty) to the parent. */
void child_report_cow(void);

#endif
