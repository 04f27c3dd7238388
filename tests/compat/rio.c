/* rio: buffers, escaping, RESP frame scanning, inline splitting and socket
 * I/O for the compat runner. See rio.h for the contract.
 *
 * The frame scanner is deliberately independent of hiredis: the Debian
 * hiredis (0.14) reader does not know RESP3, and all the runner needs is
 * where a reply ends, not what it means.
 */
#include "rio.h"

#include "mem.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RIO_MAX_DEPTH 64

void rbuf_append(struct rbuf *b, const void *data, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = mem_realloc(b->p, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void rbuf_puts(struct rbuf *b, const char *s)
{
    rbuf_append(b, s, strlen(s));
}

void rbuf_clear(struct rbuf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

int rbuf_eq(const struct rbuf *a, const struct rbuf *b)
{
    return a->len == b->len && (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

void rbuf_free(struct rbuf *b)
{
    mem_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void rbuf_consume(struct rbuf *b, size_t n)
{
    if (n >= b->len) {
        rbuf_clear(b);
        return;
    }
    memmove(b->p, b->p + n, b->len - n);
    b->len -= n;
    b->p[b->len] = '\0';
}

void rio_escape(struct rbuf *out, const char *p, size_t n)
{
    char tmp[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\\')
            rbuf_append(out, "\\\\", 2);
        else if (c == '\r')
            rbuf_append(out, "\\r", 2);
        else if (c == '\n')
            rbuf_append(out, "\\n", 2);
        else if (c == '\t')
            rbuf_append(out, "\\t", 2);
        else if (c >= 0x20 && c < 0x7f)
            rbuf_append(out, &p[i], 1);
        else {
            snprintf(tmp, sizeof(tmp), "\\x%02x", c);
            rbuf_append(out, tmp, 4);
        }
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int rio_unescape(struct rbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\') {
            rbuf_append(out, &c, 1);
            continue;
        }
        if (++i >= n)
            return -1;
        switch (s[i]) {
        case 'r':
            c = '\r';
            break;
        case 'n':
            c = '\n';
            break;
        case 't':
            c = '\t';
            break;
        case '0':
            c = '\0';
            break;
        case '\\':
            c = '\\';
            break;
        case '"':
            c = '"';
            break;
        case '\'':
            c = '\'';
            break;
        case 'x':
            if (i + 2 >= n || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0)
                return -1;
            c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
            break;
        default:
            return -1;
        }
        rbuf_append(out, &c, 1);
    }
    return 0;
}

/* Parse the header line at p: sets *line_end to the index of its CR and
 * *num to its integer (when the type carries one). Returns 1, 0 (incomplete)
 * or -1 (bad number). */
static int header(const char *p, size_t n, size_t *line_end, long long *num, int want_num)
{
    const char *cr = NULL;
    for (size_t i = 1; i + 1 < n; i++) {
        if (p[i] == '\r' && p[i + 1] == '\n') {
            cr = p + i;
            break;
        }
    }
    if (!cr)
        return 0;
    *line_end = (size_t)(cr - p);
    if (!want_num)
        return 1;
    char tmp[32];
    size_t len = *line_end - 1;
    if (len == 0 || len >= sizeof(tmp))
        return -1;
    memcpy(tmp, p + 1, len);
    tmp[len] = '\0';
    char *end;
    errno = 0;
    *num = strtoll(tmp, &end, 10);
    if (errno || *end)
        return -1;
    return 1;
}

static long frame_len_depth(const char *p, size_t n, int depth);

/* Length of count consecutive frames at p, or 0 / -1 as rio_frame_len. */
static long frames_len(const char *p, size_t n, long long count, int depth)
{
    size_t off = 0;
    for (long long i = 0; i < count; i++) {
        long l = frame_len_depth(p + off, n - off, depth);
        if (l <= 0)
            return l;
        off += (size_t)l;
    }
    return (long)off;
}

static long frame_len_depth(const char *p, size_t n, int depth)
{
    size_t le;
    long long num = 0;
    if (n == 0)
        return 0;
    if (depth > RIO_MAX_DEPTH)
        return -1;
    switch (p[0]) {
    case '+':
    case '-':
    case ':':
    case '_':
    case ',':
    case '#':
    case '(': {
        int r = header(p, n, &le, &num, 0);
        return r <= 0 ? r : (long)(le + 2);
    }
    case '$':
    case '!':
    case '=': {
        int r = header(p, n, &le, &num, 1);
        if (r <= 0)
            return r;
        if (num < 0)
            return num == -1 ? (long)(le + 2) : -1;
        size_t need = le + 2 + (size_t)num + 2;
        if (n < need)
            return 0;
        if (p[need - 2] != '\r' || p[need - 1] != '\n')
            return -1;
        return (long)need;
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
        int r = header(p, n, &le, &num, 1);
        if (r <= 0)
            return r;
        if (num < 0)
            return num == -1 && p[0] == '*' ? (long)(le + 2) : -1;
        long long count = (p[0] == '%' || p[0] == '|') ? num * 2 : num;
        size_t off = le + 2;
        long l = count ? frames_len(p + off, n - off, count, depth + 1) : 0;
        if (count && l <= 0)
            return l;
        off += (size_t)l;
        if (p[0] == '|') { /* an attribute precedes the reply it annotates */
            l = frame_len_depth(p + off, n - off, depth + 1);
            if (l <= 0)
                return l;
            off += (size_t)l;
        }
        return (long)off;
    }
    default:
        return -1;
    }
}

long rio_frame_len(const char *p, size_t n)
{
    return frame_len_depth(p, n, 0);
}

long rio_frame_children(const char *p, size_t n, size_t *hdr_len, size_t **offs, size_t **lens)
{
    size_t le;
    long long num;
    if (n == 0 || !strchr("*~%>", p[0]) || header(p, n, &le, &num, 1) != 1 || num < 0)
        return -1;
    long long count = p[0] == '%' ? num * 2 : num;
    *hdr_len = le + 2;
    *offs = mem_alloc(sizeof(size_t) * (size_t)(count + 1));
    *lens = mem_alloc(sizeof(size_t) * (size_t)(count + 1));
    size_t off = le + 2;
    for (long long i = 0; i < count; i++) {
        long l = rio_frame_len(p + off, n - off);
        if (l <= 0) {
            mem_free(*offs);
            mem_free(*lens);
            return -1;
        }
        (*offs)[i] = off;
        (*lens)[i] = (size_t)l;
        off += (size_t)l;
    }
    return (long)count;
}

static struct rbuf *rargv_push(struct rargv *a)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        a->v = mem_realloc(a->v, a->cap * sizeof(*a->v));
    }
    struct rbuf *b = &a->v[a->n++];
    memset(b, 0, sizeof(*b));
    rbuf_append(b, "", 0);
    return b;
}

void rargv_free(struct rargv *a)
{
    for (size_t i = 0; i < a->n; i++)
        rbuf_free(&a->v[i]);
    mem_free(a->v);
    memset(a, 0, sizeof(*a));
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* One double-quoted escape at s[*i] (the backslash): append its byte. */
static void dq_escape(struct rbuf *cur, const char *s, size_t n, size_t *i)
{
    char c;
    if (*i + 3 < n && s[*i + 1] == 'x' && hexval(s[*i + 2]) >= 0 && hexval(s[*i + 3]) >= 0) {
        c = (char)(hexval(s[*i + 2]) * 16 + hexval(s[*i + 3]));
        *i += 3;
    } else {
        (*i)++;
        switch (s[*i]) {
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'b':
            c = '\b';
            break;
        case 'a':
            c = '\a';
            break;
        default:
            c = s[*i];
            break;
        }
    }
    rbuf_append(cur, &c, 1);
}

int rio_split(struct rargv *out, const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            return 0;
        struct rbuf *cur = rargv_push(out);
        int dq = 0, sq = 0;
        for (;;) {
            if (dq) {
                if (i >= n)
                    return -1;
                if (s[i] == '\\' && i + 1 < n) {
                    dq_escape(cur, s, n, &i);
                } else if (s[i] == '"') {
                    if (i + 1 < n && !is_space(s[i + 1]))
                        return -1;
                    dq = 0;
                    i++;
                    break;
                } else {
                    rbuf_append(cur, &s[i], 1);
                }
            } else if (sq) {
                if (i >= n)
                    return -1;
                if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\'') {
                    rbuf_append(cur, "'", 1);
                    i++;
                } else if (s[i] == '\'') {
                    if (i + 1 < n && !is_space(s[i + 1]))
                        return -1;
                    sq = 0;
                    i++;
                    break;
                } else {
                    rbuf_append(cur, &s[i], 1);
                }
            } else {
                if (i >= n || is_space(s[i]))
                    break;
                if (s[i] == '"')
                    dq = 1;
                else if (s[i] == '\'')
                    sq = 1;
                else
                    rbuf_append(cur, &s[i], 1);
            }
            i++;
        }
    }
}

void rio_encode_cmd(struct rbuf *out, const struct rargv *a)
{
    char tmp[32];
    int l = snprintf(tmp, sizeof(tmp), "*%zu\r\n", a->n);
    rbuf_append(out, tmp, (size_t)l);
    for (size_t i = 0; i < a->n; i++) {
        l = snprintf(tmp, sizeof(tmp), "$%zu\r\n", a->v[i].len);
        rbuf_append(out, tmp, (size_t)l);
        rbuf_append(out, a->v[i].p, a->v[i].len);
        rbuf_append(out, "\r\n", 2);
    }
}

int rconn_open(struct rconn *c, const char *host, int port)
{
    struct addrinfo hints, *res = NULL;
    char portstr[16];
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    snprintf(portstr, sizeof(portstr), "%d", port);
    c->fd = -1;
    c->eof = 0;
    rbuf_clear(&c->in);
    if (getaddrinfo(host, portstr, &hints, &res) != 0) {
        errno = EHOSTUNREACH;
        return -1;
    }
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
            c->fd = fd;
            break;
        }
        int saved = errno;
        close(fd);
        errno = saved;
    }
    freeaddrinfo(res);
    return c->fd < 0 ? -1 : 0;
}

void rconn_close(struct rconn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->eof = 0;
    rbuf_free(&c->in); /* the connection may not be reused: give the memory back */
}

int rconn_send(struct rconn *c, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait up to timeout_ms for input and read what is there into c->in.
 * Returns 1 if bytes arrived, 0 on EOF/error (sets c->eof), -1 on timeout. */
static int fill(struct rconn *c, int timeout_ms)
{
    struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
    int r;
    do {
        r = poll(&pfd, 1, timeout_ms < 0 ? 0 : timeout_ms);
    } while (r < 0 && errno == EINTR);
    if (r == 0)
        return -1;
    char tmp[16384];
    ssize_t got;
    do {
        got = recv(c->fd, tmp, sizeof(tmp), 0);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
        c->eof = 1;
        return 0;
    }
    rbuf_append(&c->in, tmp, (size_t)got);
    return 1;
}

int rconn_read_frame(struct rconn *c, struct rbuf *out, int timeout_ms)
{
    long long deadline = now_ms() + timeout_ms;
    for (;;) {
        long l = rio_frame_len(c->in.p ? c->in.p : "", c->in.len);
        if (l < 0)
            return -2;
        if (l > 0) {
            rbuf_append(out, c->in.p, (size_t)l);
            rbuf_consume(&c->in, (size_t)l);
            return 1;
        }
        if (c->eof || c->fd < 0)
            return 0;
        long long left = deadline - now_ms();
        if (left <= 0)
            return -1;
        int r = fill(c, (int)left);
        if (r == 0)
            return 0;
    }
}

int rconn_read_until_quiet(struct rconn *c, struct rbuf *out, int quiet_ms)
{
    for (;;) {
        if (c->in.len) {
            rbuf_append(out, c->in.p, c->in.len);
            rbuf_clear(&c->in);
        }
        if (c->eof || c->fd < 0)
            return 1;
        int r = fill(c, quiet_ms);
        if (r < 0)
            return 0;
    }
}

int diff_parse_args(int argc, char **argv, struct diff_opts *o)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *v = argv[i + 1];
        if (!strcmp(argv[i], "--port-a"))
            o->port_a = atoi(v);
        else if (!strcmp(argv[i], "--port-b"))
            o->port_b = atoi(v);
        else if (!strcmp(argv[i], "--seeds"))
            o->seeds = atoi(v);
        else if (!strcmp(argv[i], "--ops"))
            o->ops = atoi(v);
        else if (!strcmp(argv[i], "--first"))
            o->first = atoi(v);
        else if (!strcmp(argv[i], "--group"))
            o->group = v;
        else if (!strcmp(argv[i], "--max-report"))
            o->max_report = atoi(v);
    }
    return o->port_a && o->port_b ? 0 : -1;
}
