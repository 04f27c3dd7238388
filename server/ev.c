/* ev: see ev.h.
 *
 * Timers live in a binary min-heap ordered by (when, seq) so that timers due
 * at the same ms run in creation order. A timer id is (generation << 32 |
 * slot): slots are recycled, generations never repeat for a slot, so a stale
 * id can never cancel someone else's timer, and cancelling is O(log n)
 * without a hash lookup.
 */
#include "ev.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"

#define EV_MAX_EVENTS 1024

struct timer {
    long long when; /* monotonic ms */
    unsigned long long seq;
    ev_timer_cb *cb;
    void *arg;
    int heap_idx; /* -1 when free */
    unsigned gen;
    int next_free;
};

struct ev_loop {
    int epfd;
    int stop;
    long long now_ms;
    struct epoll_event events[EV_MAX_EVENTS];
    struct timer *timers; /* slots */
    int ntimers_cap;
    int free_slot; /* head of the free slot list, -1 if none */
    int *heap;     /* slot indexes */
    int heap_len;
    unsigned long long seq;
    ev_hook_cb *before_sleep;
    void *before_sleep_arg;
    ev_hook_cb *after_batch;
    void *after_batch_arg;
    ev_hook_cb *after_wake;
    void *after_wake_arg;
};

static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct ev_loop *ev_create(void)
{
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd == -1)
        return NULL;
    struct ev_loop *l = mem_calloc(1, sizeof(*l));
    l->epfd = fd;
    l->free_slot = -1;
    l->now_ms = mono_ms();
    return l;
}

void ev_destroy(struct ev_loop *l)
{
    if (!l)
        return;
    close(l->epfd);
    mem_free(l->timers);
    mem_free(l->heap);
    mem_free(l);
}

static uint32_t to_epoll(unsigned mask)
{
    uint32_t e = 0;
    if (mask & EV_READ)
        e |= EPOLLIN | EPOLLRDHUP;
    if (mask & EV_WRITE)
        e |= EPOLLOUT;
    if (mask & EV_HANGUP)
        e |= EPOLLRDHUP;
    return e;
}

int ev_io_add(struct ev_loop *l, struct ev_io *io, unsigned mask)
{
    struct epoll_event ev = {.events = to_epoll(mask), .data.ptr = io};
    if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, io->fd, &ev) == -1)
        return -1;
    io->mask = mask;
    io->dead = 0;
    return 0;
}

int ev_io_mod(struct ev_loop *l, struct ev_io *io, unsigned mask)
{
    if (io->mask == mask)
        return 0;
    struct epoll_event ev = {.events = to_epoll(mask), .data.ptr = io};
    if (epoll_ctl(l->epfd, EPOLL_CTL_MOD, io->fd, &ev) == -1)
        return -1;
    io->mask = mask;
    return 0;
}

void ev_io_del(struct ev_loop *l, struct ev_io *io)
{
    if (io->dead)
        return;
    /* Failure here only means the fd was already closed or never added; the
     * dead flag is what protects us from stale events either way. */
    epoll_ctl(l->epfd, EPOLL_CTL_DEL, io->fd, NULL);
    io->mask = 0;
    io->dead = 1;
}

/* ---- timer heap ---- */

static int timer_less(const struct ev_loop *l, int a, int b)
{
    const struct timer *x = &l->timers[a], *y = &l->timers[b];
    return x->when < y->when || (x->when == y->when && x->seq < y->seq);
}

static void heap_set(struct ev_loop *l, int i, int slot)
{
    l->heap[i] = slot;
    l->timers[slot].heap_idx = i;
}

static void heap_up(struct ev_loop *l, int i)
{
    int slot = l->heap[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!timer_less(l, slot, l->heap[p]))
            break;
        heap_set(l, i, l->heap[p]);
        i = p;
    }
    heap_set(l, i, slot);
}

static void heap_down(struct ev_loop *l, int i)
{
    int slot = l->heap[i];
    for (;;) {
        int c = 2 * i + 1;
        if (c >= l->heap_len)
            break;
        if (c + 1 < l->heap_len && timer_less(l, l->heap[c + 1], l->heap[c]))
            c++;
        if (!timer_less(l, l->heap[c], slot))
            break;
        heap_set(l, i, l->heap[c]);
        i = c;
    }
    heap_set(l, i, slot);
}

/* Remove heap entry i, O(log n). */
static void heap_remove(struct ev_loop *l, int i)
{
    int last = l->heap[--l->heap_len];
    if (i == l->heap_len)
        return;
    heap_set(l, i, last);
    heap_down(l, i);
    heap_up(l, l->timers[last].heap_idx);
}

static int slot_alloc(struct ev_loop *l)
{
    if (l->free_slot == -1) {
        int old = l->ntimers_cap, cap = old ? old * 2 : 16;
        l->timers = mem_realloc(l->timers, sizeof(*l->timers) * (size_t)cap);
        l->heap = mem_realloc(l->heap, sizeof(*l->heap) * (size_t)cap);
        for (int i = cap - 1; i >= old; i--) {
            l->timers[i].heap_idx = -1;
            l->timers[i].gen = 1;
            l->timers[i].next_free = l->free_slot;
            l->free_slot = i;
        }
        l->ntimers_cap = cap;
    }
    int s = l->free_slot;
    l->free_slot = l->timers[s].next_free;
    return s;
}

static void slot_release(struct ev_loop *l, int s)
{
    l->timers[s].heap_idx = -1;
    l->timers[s].gen++;
    l->timers[s].next_free = l->free_slot;
    l->free_slot = s;
}

long long ev_timer_add(struct ev_loop *l, long long ms, ev_timer_cb *cb, void *arg)
{
    int s = slot_alloc(l);
    struct timer *t = &l->timers[s];
    t->when = l->now_ms + (ms < 0 ? 0 : ms);
    t->seq = l->seq++;
    t->cb = cb;
    t->arg = arg;
    l->heap[l->heap_len] = s;
    t->heap_idx = l->heap_len++;
    heap_up(l, t->heap_idx);
    return ((long long)t->gen << 32) | s;
}

int ev_timer_del(struct ev_loop *l, long long id)
{
    int s = (int)(id & 0xffffffff);
    unsigned gen = (unsigned)(id >> 32);
    if (id <= 0 || s >= l->ntimers_cap || l->timers[s].gen != gen || l->timers[s].heap_idx < 0)
        return -1;
    heap_remove(l, l->timers[s].heap_idx);
    slot_release(l, s);
    return 0;
}

int ev_timer_count(struct ev_loop *l)
{
    return l->heap_len;
}

/* Run every timer due at now_ms. A callback may add or delete timers; a
 * timer re-armed for 0 ms runs on the next iteration, not in this loop. */
static void run_timers(struct ev_loop *l)
{
    long long now = l->now_ms;
    unsigned long long seq_limit = l->seq;
    while (l->heap_len > 0) {
        int s = l->heap[0];
        struct timer *t = &l->timers[s];
        if (t->when > now || t->seq >= seq_limit)
            break;
        long long id = ((long long)t->gen << 32) | s;
        /* Take it off the heap while it runs, so the callback may safely
         * delete its own id (a no-op) or add new timers. */
        heap_remove(l, 0);
        t->heap_idx = -2;
        long long again = t->cb(l, id, t->arg);
        t = &l->timers[s]; /* the slot array may have moved */
        if (again >= 0 && t->heap_idx == -2) {
            t->when = l->now_ms + again;
            t->seq = l->seq++;
            l->heap[l->heap_len] = s;
            t->heap_idx = l->heap_len++;
            heap_up(l, t->heap_idx);
        } else {
            slot_release(l, s);
        }
    }
}

void ev_set_before_sleep(struct ev_loop *l, ev_hook_cb *cb, void *arg)
{
    l->before_sleep = cb;
    l->before_sleep_arg = arg;
}

void ev_set_after_batch(struct ev_loop *l, ev_hook_cb *cb, void *arg)
{
    l->after_batch = cb;
    l->after_batch_arg = arg;
}

void ev_set_after_wake(struct ev_loop *l, ev_hook_cb *cb, void *arg)
{
    l->after_wake = cb;
    l->after_wake_arg = arg;
}

int ev_run_once(struct ev_loop *l, long long max_ms)
{
    if (l->before_sleep)
        l->before_sleep(l, l->before_sleep_arg);
    long long timeout = max_ms;
    if (l->heap_len > 0) {
        long long d = l->timers[l->heap[0]].when - mono_ms();
        if (d < 0)
            d = 0;
        if (timeout < 0 || d < timeout)
            timeout = d;
    }
    if (timeout > 0x7fffffff)
        timeout = 0x7fffffff;
    int n = epoll_wait(l->epfd, l->events, EV_MAX_EVENTS, (int)timeout);
    if (n < 0) {
        /* EINTR: a signal not routed through signalfd; just loop again. */
        n = 0;
    }
    l->now_ms = mono_ms();
    if (l->after_wake)
        l->after_wake(l, l->after_wake_arg);
    for (int i = 0; i < n; i++) {
        struct ev_io *io = l->events[i].data.ptr;
        if (io->dead)
            continue; /* removed earlier in this batch: a stale event */
        uint32_t e = l->events[i].events;
        unsigned m = 0;
        if (e & (EPOLLIN | EPOLLPRI))
            m |= EV_READ;
        if (e & EPOLLOUT)
            m |= EV_WRITE;
        if (e & (EPOLLERR | EPOLLHUP | EPOLLRDHUP))
            m |= EV_ERROR;
        io->cb(l, io, m);
    }
    run_timers(l);
    if (l->after_batch)
        l->after_batch(l, l->after_batch_arg);
    return n;
}

void ev_run(struct ev_loop *l)
{
    l->stop = 0;
    while (!l->stop)
        ev_run_once(l, -1);
}

void ev_stop(struct ev_loop *l)
{
    l->stop = 1;
}

long long ev_now_ms(struct ev_loop *l)
{
    return l->now_ms;
}
