/* conn: the lifecycle of one connection: its read (query) buffer, its reply
 * buffer, EPOLLOUT arming, limits, and deferred close.
 *
 * The owner (client.c) is told about input and close through struct
 * conn_ops. A connection is never freed inside an event batch: conn_close()
 * only marks it, unregisters it and queues it; conn_reap() (run by the
 * after-batch hook) calls ops->free. So a stale epoll event for it in the same
 * batch finds a live struct marked dead, and is dropped.
 *
 * Writes: replies are appended to obuf; conn_flush_all() (before sleep)
 * writes every pending connection once. Only a short write arms EPOLLOUT, and
 * EPOLLOUT is disarmed once the buffer drains.
 *
 * Must not know: commands, RESP, the keyspace.
 */
#ifndef TERN_CONN_H
#define TERN_CONN_H

#include <stddef.h>
#include <stdint.h>

#include "ev.h"

struct conn;

struct conn_ops {
    /* New bytes are in qbuf[qpos..qlen). Consume by advancing qpos. */
    void (*on_input)(struct conn *c);
    /* The connection is being freed (after the batch). Release owner state. */
    void (*on_free)(struct conn *c);
};

/* conn.flags */
#define CONN_CLOSING           (1u << 0) /* dead: no more reads or writes */
#define CONN_CLOSE_AFTER_REPLY (1u << 1) /* flush obuf, then close */
#define CONN_PENDING_WRITE     (1u << 2) /* on the flush list */
#define CONN_READ_PAUSED       (1u << 3) /* not reading (paused client, blocked) */
#define CONN_LIMIT_PUBSUB      (1u << 4) /* output limits: the pubsub class (a subscriber) */

struct conn {
    struct ev_io io; /* must stay first: data.ptr points here */
    unsigned flags;
    struct ev_loop *loop;
    const struct conn_ops *ops;
    char *qbuf;                   /* query buffer */
    size_t qpos, qlen, qcap;      /* unparsed bytes are qbuf[qpos..qlen) */
    size_t qpeak;                 /* recent peak of qlen, for shrinking */
    char *obuf;                   /* reply buffer */
    size_t osent, olen, ocap;     /* unsent bytes are obuf[osent..olen) */
    long long obuf_soft_since_ms; /* when the soft output limit was first exceeded, 0 if not */
    struct conn *pend_next;       /* flush list link */
    struct conn *reap_next;       /* reap list link */
    uint64_t bytes_in, bytes_out;
};

/* Limits shared by all connections; set by the server from the config. */
struct conn_limits {
    long long query_buf_max;      /* client-query-buffer-limit */
    long long out_hard, out_soft; /* client-output-buffer-limit normal (0 = none) */
    long long out_soft_secs;
    /* client-output-buffer-limit pubsub: for connections flagged
     * CONN_LIMIT_PUBSUB (0 = none). */
    long long ps_hard, ps_soft, ps_soft_secs;
    /* A drained reply buffer with more capacity than this is freed; a
     * smaller one is kept for the next reply. 0 means the default, 1 MiB.
     * Under maxmemory the server lowers it, since idle capacity counts as
     * used memory and would otherwise cost evicted keys. */
    long long out_keep;
};
extern struct conn_limits conn_limits;

/* Bytes read and written over every connection since start (or since the
 * owner last zeroed them: CONFIG RESETSTAT), for INFO stats. */
struct conn_totals {
    uint64_t bytes_in, bytes_out;
};
extern struct conn_totals conn_totals;

/* Take over fd (already nonblocking), register it for reading. Returns 0, or
 * -1 with errno (the fd is not closed then). */
int conn_init(struct conn *c, struct ev_loop *loop, int fd, const struct conn_ops *ops);

/* Reply buffer: make room for n more bytes and return where to write them;
 * then conn_out_commit(c, n). A closing connection gets a scratch area (output
 * is discarded). Valid until the next conn_out_* call. */
char *conn_out_reserve(struct conn *c, size_t n);
void conn_out_commit(struct conn *c, size_t n);
void conn_out_append(struct conn *c, const void *p, size_t n);
/* Bytes queued and not yet written. */
size_t conn_out_pending(const struct conn *c);

/* Mark for closing now (pending output is dropped) or after the reply is
 * flushed. Safe to call more than once, from anywhere. */
void conn_close(struct conn *c);
void conn_close_after_reply(struct conn *c);

/* Stop / resume reading (e.g. CLIENT PAUSE). Resuming re-runs on_input if
 * unparsed bytes are buffered. */
void conn_pause_reading(struct conn *c);
void conn_resume_reading(struct conn *c);

/* Called before any reply bytes are written to a socket (NULL: none). The
 * AOF sets it so that, with appendfsync always, no reply can leave before
 * the write it acknowledges is on disk. Must be cheap when idle. */
extern void (*conn_before_write_hook)(void);
/* Before sleep: write every connection with pending output once. */
void conn_flush_all(struct ev_loop *loop);
/* After a batch: flush pending output, then free connections closed during
 * the batch. */
void conn_reap(void);

#endif
