/* rio: the small toolbox under the compat runner.
 *
 * A growable byte buffer, the escaping used in golden files and reports, a
 * RESP2/RESP3 frame scanner (it only finds where one reply ends and where its
 * children start; it never interprets values), Redis's inline argument
 * splitting rules, and blocking-with-timeout socket I/O.
 *
 * Must not know: the script format, goldens, or anything about Tern's server
 * code. It links only mem.c.
 */
#ifndef TERN_COMPAT_RIO_H
#define TERN_COMPAT_RIO_H

#include <stddef.h>

/* Growable byte buffer. p is always NUL-terminated (not counted in len). */
struct rbuf {
    char *p;
    size_t len, cap;
};

void rbuf_append(struct rbuf *b, const void *data, size_t n);
void rbuf_puts(struct rbuf *b, const char *s);
void rbuf_clear(struct rbuf *b);
void rbuf_free(struct rbuf *b);
/* 1 if a and b hold the same bytes (either may be empty, with p NULL). */
int rbuf_eq(const struct rbuf *a, const struct rbuf *b);
/* Drop the first n bytes. O(len). */
void rbuf_consume(struct rbuf *b, size_t n);

/* Append an escaped, single-line rendering of p[0..n) to out: printable ASCII
 * as is, backslash as \\, CR/LF/TAB as \r \n \t, everything else as \xHH. */
void rio_escape(struct rbuf *out, const char *p, size_t n);
/* Inverse of rio_escape (also accepts \0, \" and \'). Returns 0, or -1 on a
 * malformed escape. */
int rio_unescape(struct rbuf *out, const char *s, size_t n);

/* Length of the complete RESP2/RESP3 frame at p[0..n): > 0 when complete,
 * 0 when more bytes are needed, -1 when p does not start a valid frame.
 * Handles nesting (bounded depth) and RESP3 attributes. O(frame size). */
long rio_frame_len(const char *p, size_t n);

/* Split a complete aggregate frame (* ~ % >) into its header length and the
 * offsets/lengths of its direct children (a map's keys and values are
 * separate children). Returns the child count, or -1 if the frame is not an
 * aggregate or is null. *offs and *lens are allocated with mem_alloc and owned
 * by the caller (mem_free). */
long rio_frame_children(const char *p, size_t n, size_t *hdr_len, size_t **offs, size_t **lens);

/* An argument vector of binary-safe strings. */
struct rargv {
    struct rbuf *v;
    size_t n, cap;
};

/* Split a line into arguments the way redis-cli and Redis's inline protocol do:
 * whitespace separates, "double quotes" allow \n \r \t \b \a \\ \" \xHH,
 * 'single quotes' allow only \', and a closing quote must be followed by
 * whitespace or the end. Returns 0, or -1 on unbalanced quotes. */
int rio_split(struct rargv *out, const char *line, size_t n);
void rargv_free(struct rargv *a);
/* Encode argv as a RESP multibulk request into out. */
void rio_encode_cmd(struct rbuf *out, const struct rargv *a);

/* A client connection with its unread input. */
struct rconn {
    int fd; /* -1 when not connected */
    struct rbuf in;
    int eof; /* the server closed its side */
};

/* Connect to host:port (TCP_NODELAY). Returns 0 or -1 with errno set. */
int rconn_open(struct rconn *c, const char *host, int port);
void rconn_close(struct rconn *c);
/* Write all of p[0..n). Returns 0 or -1 (peer gone). */
int rconn_send(struct rconn *c, const char *p, size_t n);
/* Wait for one complete frame and move it into out (appended). Returns 1 on
 * success, 0 if the server closed first, -1 on timeout, -2 if what the server
 * sent is not RESP. */
int rconn_read_frame(struct rconn *c, struct rbuf *out, int timeout_ms);
/* Move everything the server sends into out until it closes (returns 1) or
 * nothing arrives for quiet_ms (returns 0). */
int rconn_read_until_quiet(struct rconn *c, struct rbuf *out, int quiet_ms);

/* Options shared by the differential drivers (random_diff, notify_diff):
 * --port-a N --port-b M [--seeds S] [--ops K] [--first F] [--group G]
 * [--max-report R]. Fields keep the caller's defaults when absent. */
struct diff_opts {
    int port_a, port_b, seeds, ops, first, max_report;
    const char *group;
};
/* Parse argv into o; returns 0, or -1 when either port is missing. */
int diff_parse_args(int argc, char **argv, struct diff_opts *o);

#endif
