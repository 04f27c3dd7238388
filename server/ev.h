/* ev: the reactor. One epoll instance, a min-heap of timers that sets the
 * epoll_wait timeout, and hooks that run before sleeping and after each batch.
 *
 * Sources: file descriptors (sockets, signalfd, eventfd, pidfd) register a
 * struct ev_io whose address is stored in epoll_event.data.ptr. The owner of
 * an ev_io must keep it alive until the after-batch hook of the batch in which
 * it was removed has run: ev never touches a source after ev_io_del() except
 * to skip its stale events in the current batch (nginx-style guard: events of
 * a removed source are dropped because ev marks it dead).
 *
 * Must not know: RESP, clients, the keyspace.
 * Invariants: the timer heap is ordered by (when, seq); timer ids are never
 * reused; callbacks may add or delete any source or timer, including their own.
 */
#ifndef TERN_EV_H
#define TERN_EV_H

#include <stdint.h>

struct ev_loop;
struct ev_io;

/* Called with the ready events (EV_READ, EV_WRITE, EV_ERROR bits). */
typedef void ev_io_cb(struct ev_loop *loop, struct ev_io *io, unsigned events);
/* Return the number of ms after which to run again, or -1 to stop. */
typedef long long ev_timer_cb(struct ev_loop *loop, long long id, void *arg);
typedef void ev_hook_cb(struct ev_loop *loop, void *arg);

#define EV_READ  1u
#define EV_WRITE 2u
#define EV_ERROR 4u /* EPOLLERR, EPOLLHUP or EPOLLRDHUP */
/* Interest only: learn that the peer closed (EPOLLRDHUP) without reading,
 * for connections whose input is on hold (blocked or paused clients). */
#define EV_HANGUP 8u

struct ev_io {
    int fd;
    unsigned mask; /* EV_READ | EV_WRITE currently registered */
    unsigned dead; /* set by ev_io_del(): drop remaining events this batch */
    ev_io_cb *cb;
};

/* Create a loop (epoll_create1(EPOLL_CLOEXEC)). NULL with errno on failure. */
struct ev_loop *ev_create(void);
void ev_destroy(struct ev_loop *loop);

/* Register io->fd for mask. Returns 0, or -1 with errno. */
int ev_io_add(struct ev_loop *loop, struct ev_io *io, unsigned mask);
/* Change the interest of a registered source. Returns 0 or -1. A no-op if the
 * mask is unchanged (no syscall). */
int ev_io_mod(struct ev_loop *loop, struct ev_io *io, unsigned mask);
/* Unregister and mark dead; pending events for it in this batch are skipped. */
void ev_io_del(struct ev_loop *loop, struct ev_io *io);

/* Run cb after ms milliseconds (0 = next iteration). Returns a timer id > 0. */
long long ev_timer_add(struct ev_loop *loop, long long ms, ev_timer_cb *cb, void *arg);
/* Cancel a timer; returns 0, or -1 if no such timer. O(log n). */
int ev_timer_del(struct ev_loop *loop, long long id);

/* Hooks: before_sleep runs before every epoll_wait, after_batch after every
 * batch of events has been dispatched (that is where deferred frees happen). */
void ev_set_before_sleep(struct ev_loop *loop, ev_hook_cb *cb, void *arg);
void ev_set_after_batch(struct ev_loop *loop, ev_hook_cb *cb, void *arg);
/* after_wake runs as soon as epoll_wait returns, before any event is
 * dispatched (the place to refresh cached clocks). */
void ev_set_after_wake(struct ev_loop *loop, ev_hook_cb *cb, void *arg);

/* Run until ev_stop(). */
void ev_run(struct ev_loop *loop);
void ev_stop(struct ev_loop *loop);
/* One iteration: wait at most max_ms (or less if a timer is due; -1 = no cap),
 * dispatch events and due timers. Returns the number of events handled. */
int ev_run_once(struct ev_loop *loop, long long max_ms);

/* Cached monotonic time in ms, updated after each epoll_wait. */
long long ev_now_ms(struct ev_loop *loop);

/* Testing aid: number of live timers. */
int ev_timer_count(struct ev_loop *loop);

#endif
