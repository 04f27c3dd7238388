/* conn: see conn.h.
 *
 * Buffers: the query buffer is one contiguous block; the parser keeps slices
 * into it, so it is compacted (memmove of the unparsed tail) only between
 * commands, never while a handler runs. The reply buffer is one contiguous
 * block too: a memmove per compaction is cheaper than a chunk list for the
 * common small replies, and a deferred length (reply_defer) needs to insert
 * bytes in front of what follows, which is one memmove as well.
 */
#include "conn.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "limits.h"
#include "mem.h"

struct conn_totals conn_totals;
struct conn_limits conn_limits = {
    .query_buf_max = LIM_QUERY_BUFFER_DEFAULT,
};

static struct conn *pending_head; /* connections with output to flush */
static struct conn *reap_head;    /* connections closed in this batch */

/* Output is dropped into this when the connection is closing. */
static char scratch[64 * 1024];
static char *scratch_big;
static size_t scratch_big_len;

#define OBUF_MIN        16384
#define OBUF_KEEP       (1024 * 1024) /* drained buffers larger than this are freed */
#define WRITE_PER_FLUSH (4 * 1024 * 1024)

static void on_io(struct ev_loop *loop, struct ev_io *io, unsigned events);

int conn_init(struct conn *c, struct ev_loop *loop, int fd, const struct conn_ops *ops)
{
    memset(c, 0, sizeof(*c));
    c->io.fd = fd;
    c->io.cb = on_io;
    c->loop = loop;
    c->ops = ops;
    return ev_io_add(loop, &c->io, EV_READ);
}

static void update_interest(struct conn *c)
{
    if (c->flags & CONN_CLOSING)
        return;
    unsigned m = 0;
    if (!(c->flags & CONN_READ_PAUSED) && !(c->flags & CONN_CLOSE_AFTER_REPLY))
        m |= EV_READ;
    else if (c->flags & CONN_READ_PAUSED)
        m |= EV_HANGUP; /* a held client that hangs up is freed at once */
    if (c->osent < c->olen && !(c->flags & CONN_PENDING_WRITE))
        m |= EV_WRITE;
    if (ev_io_mod(c->loop, &c->io, m) == -1)
        conn_close(c);
}

void conn_close(struct conn *c)
{
    if (c->flags & CONN_CLOSING)
        return;
    c->flags |= CONN_CLOSING;
    ev_io_del(c->loop, &c->io);
    c->reap_next = reap_head;
    reap_head = c;
}

void conn_close_after_reply(struct conn *c)
{
    if (c->flags & CONN_CLOSING)
        return;
    c->flags |= CONN_CLOSE_AFTER_REPLY;
    if (c->osent == c->olen)
        conn_close(c);
    else
        update_interest(c);
}

void conn_pause_reading(struct conn *c)
{
    c->flags |= CONN_READ_PAUSED;
    update_interest(c);
}

void conn_resume_reading(struct conn *c)
{
    if (!(c->flags & CONN_READ_PAUSED))
        return;
    c->flags &= ~CONN_READ_PAUSED;
    update_interest(c);
    if (!(c->flags & CONN_CLOSING) && c->qpos < c->qlen)
        c->ops->on_input(c);
}

static void mark_pending(struct conn *c)
{
    if (c->flags & CONN_PENDING_WRITE)
        return;
    c->flags |= CONN_PENDING_WRITE;
    c->pend_next = pending_head;
    pending_head = c;
}

char *conn_out_reserve(struct conn *c, size_t n)
{
    if (c->flags & (CONN_CLOSING | CONN_CLOSE_AFTER_REPLY)) {
        if (n <= sizeof(scratch))
            return scratch;
        if (n > scratch_big_len) {
            scratch_big = mem_realloc(scratch_big, n);
            scratch_big_len = n;
        }
        return scratch_big;
    }
    if (c->ocap - c->olen >= n)
        return c->obuf + c->olen;
    /* Reclaim the sent prefix first if that makes enough room. */
    if (c->osent > 0) {
        size_t unsent = c->olen - c->osent;
        memmove(c->obuf, c->obuf + c->osent, unsent);
        c->olen = unsent;
        c->osent = 0;
        if (c->ocap - c->olen >= n)
            return c->obuf + c->olen;
    }
    size_t cap = c->ocap ? c->ocap : OBUF_MIN;
    while (cap - c->olen < n)
        cap *= 2;
    c->obuf = mem_realloc(c->obuf, cap);
    c->ocap = cap;
    return c->obuf + c->olen;
}

/* Close a connection whose pending output passed the configured limits
 * (client-output-buffer-limit normal, or pubsub for a CONN_LIMIT_PUBSUB
 * connection). Checked on every commit; cheap when the limits are 0. */
static void check_out_limits(struct conn *c, long long hard, long long soft, long long secs)
{
    size_t pending = c->olen - c->osent;
    if (hard && pending > (size_t)hard) {
        conn_close(c);
        return;
    }
    if (soft && pending > (size_t)soft) {
        long long now = ev_now_ms(c->loop);
        if (!c->obuf_soft_since_ms)
            c->obuf_soft_since_ms = now;
        else if (now - c->obuf_soft_since_ms >= secs * 1000)
            conn_close(c);
    } else {
        c->obuf_soft_since_ms = 0;
    }
}

void conn_out_commit(struct conn *c, size_t n)
{
    if (c->flags & (CONN_CLOSING | CONN_CLOSE_AFTER_REPLY))
        return;
    c->olen += n;
    mark_pending(c);
    if (c->flags & CONN_LIMIT_PUBSUB) {
        if (conn_limits.ps_hard | conn_limits.ps_soft)
            check_out_limits(c, conn_limits.ps_hard, conn_limits.ps_soft, conn_limits.ps_soft_secs);
    } else if (conn_limits.out_hard | conn_limits.out_soft) {
        check_out_limits(c, conn_limits.out_hard, conn_limits.out_soft, conn_limits.out_soft_secs);
    }
}

void conn_out_append(struct conn *c, const void *p, size_t n)
{
    char *d = conn_out_reserve(c, n);
    memcpy(d, p, n);
    conn_out_commit(c, n);
}

size_t conn_out_pending(const struct conn *c)
{
    return c->olen - c->osent;
}

/* Write as much pending output as the socket takes (bounded per call for
 * fairness). Returns 0, or -1 if the connection was closed. */
void (*conn_before_write_hook)(void);

static int write_some(struct conn *c)
{
    if (conn_before_write_hook)
        conn_before_write_hook();
    size_t budget = WRITE_PER_FLUSH;
    while (c->osent < c->olen && budget > 0) {
        size_t n = c->olen - c->osent;
        if (n > budget)
            n = budget;
        ssize_t w = send(c->io.fd, c->obuf + c->osent, n, MSG_NOSIGNAL);
        if (w > 0) {
            c->osent += (size_t)w;
            c->bytes_out += (uint64_t)w;
            conn_totals.bytes_out += (uint64_t)w;
            budget -= (size_t)w;
            continue;
        }
        if (w == -1 && errno == EINTR)
            continue;
        if (w == -1 && errno == EAGAIN)
            break;
        conn_close(c); /* EPIPE, ECONNRESET, ... */
        return -1;
    }
    if (c->osent == c->olen) {
        c->osent = c->olen = 0;
        c->obuf_soft_since_ms = 0;
        if (c->ocap > (conn_limits.out_keep > 0 ? (size_t)conn_limits.out_keep : OBUF_KEEP)) {
            mem_free(c->obuf);
            c->obuf = NULL;
            c->ocap = 0;
        }
        if (c->flags & CONN_CLOSE_AFTER_REPLY) {
            conn_close(c);
            return -1;
        }
    }
    return 0;
}

void conn_flush_all(struct ev_loop *loop)
{
    (void)loop;
    while (pending_head) {
        struct conn *c = pending_head;
        pending_head = c->pend_next;
        c->flags &= ~CONN_PENDING_WRITE;
        if (c->flags & CONN_CLOSING)
            continue;
        if (write_some(c) == 0)
            update_interest(c); /* arms EPOLLOUT only if output remains */
    }
}

/* Make room for at least want more bytes in the query buffer. */
static void qbuf_room(struct conn *c, size_t want)
{
    if (c->qpos > 0 && c->qpos == c->qlen) {
        c->qpos = c->qlen = 0;
    }
    if (c->qcap - c->qlen >= want)
        return;
    if (c->qpos > 0) {
        memmove(c->qbuf, c->qbuf + c->qpos, c->qlen - c->qpos);
        c->qlen -= c->qpos;
        c->qpos = 0;
        if (c->qcap - c->qlen >= want)
            return;
    }
    size_t cap = c->qcap ? c->qcap : LIM_IOBUF;
    while (cap - c->qlen < want)
        cap *= 2;
    c->qbuf = mem_realloc(c->qbuf, cap);
    c->qcap = cap;
}

/* Read what the socket has (up to the fairness cap) and hand it to the
 * owner. Returns 1 on EOF (peer closed its side), -1 on error, 0 otherwise. */
static int read_input(struct conn *c)
{
    size_t total = 0;
    for (;;) {
        qbuf_room(c, LIM_IOBUF);
        size_t room = c->qcap - c->qlen;
        ssize_t r = read(c->io.fd, c->qbuf + c->qlen, room);
        if (r > 0) {
            c->qlen += (size_t)r;
            c->bytes_in += (uint64_t)r;
            conn_totals.bytes_in += (uint64_t)r;
            total += (size_t)r;
            if ((size_t)r < room || total >= LIM_READ_PER_EVENT)
                return 0;
            continue;
        }
        if (r == 0)
            return 1;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN)
            return 0;
        return -1;
    }
}

/* Discard the parsed prefix of the query buffer, and give back memory after a
 * burst (a big argument) once the buffer is idle. Call between commands. */
static void qbuf_trim(struct conn *c)
{
    if (c->qpos == c->qlen) {
        c->qpos = c->qlen = 0;
        if (c->qcap > 4 * LIM_IOBUF) {
            mem_free(c->qbuf);
            c->qbuf = NULL;
            c->qcap = 0;
        }
    }
}

static void on_io(struct ev_loop *loop, struct ev_io *io, unsigned events)
{
    (void)loop;
    struct conn *c = (struct conn *)io;
    if (events & EV_WRITE) {
        if (write_some(c) == 0)
            update_interest(c);
        if (c->flags & CONN_CLOSING)
            return;
    }
    if ((events & EV_READ) && !(c->flags & (CONN_READ_PAUSED | CONN_CLOSE_AFTER_REPLY))) {
        int r = read_input(c);
        if (r < 0) {
            conn_close(c);
            return;
        }
        if (c->qpos < c->qlen)
            c->ops->on_input(c);
        if (c->flags & CONN_CLOSING)
            return;
        qbuf_trim(c);
        if (r == 1) {
            /* Peer half-closed: answer what it sent, then close. */
            conn_close_after_reply(c);
            return;
        }
        if (conn_limits.query_buf_max && c->qlen - c->qpos > (size_t)conn_limits.query_buf_max) {
            conn_close(c);
            return;
        }
    } else if (events & EV_ERROR) {
        if (events & EV_READ)
            return; /* paused: we will see EOF when reading resumes */
        conn_close(c);
    }
}

void conn_reap(void)
{
    /* A closed connection may still be on the flush list; flushing first
     * empties the list (closing ones are just dropped from it), so nothing
     * points at a freed connection afterwards. */
    conn_flush_all(NULL);
    while (reap_head) {
        struct conn *c = reap_head;
        reap_head = c->reap_next;
        close(c->io.fd);
        mem_free(c->qbuf);
        mem_free(c->obuf);
        c->qbuf = c->obuf = NULL;
        c->ops->on_free(c);
    }
}
