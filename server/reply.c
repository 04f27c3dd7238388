/* reply: see reply.h. Every function formats straight into the client's
 * reply buffer with a single reserve/commit pair, so a typical reply costs
 * one bounds check and one memcpy. */
#include "reply.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "mem.h"
#include "server.h"
#include "util.h"

/* The client a push frame is being written to (reply_push_begin), or NULL. */
static struct client *pushing;

/* CLIENT REPLY OFF / SKIP silence everything a command sends, except push
 * frames (Redis 7.0 writes Pub/Sub messages and confirmations regardless). */
static inline int muted(const struct client *c)
{
    return c != pushing && (c->flags & (CLIENT_REPLY_OFF | CLIENT_REPLY_SKIP));
}

static void out(struct client *c, const void *p, size_t n)
{
    if (muted(c))
        return;
    conn_out_append(&c->conn, p, n);
}

void reply_raw(struct client *c, const void *p, size_t len)
{
    out(c, p, len);
}

void reply_ok(struct client *c)
{
    out(c, "+OK\r\n", 5);
}

void reply_status(struct client *c, const char *s)
{
    if (muted(c))
        return;
    size_t n = strlen(s);
    char *d = conn_out_reserve(&c->conn, n + 3);
    d[0] = '+';
    memcpy(d + 1, s, n);
    d[n + 1] = '\r';
    d[n + 2] = '\n';
    conn_out_commit(&c->conn, n + 3);
}

/* ---- errors and their statistics ---- */

struct errstat {
    char code[32];
    long long count;
};
static struct errstat errstats[REPLY_MAX_ERROR_CODES];
static int nerrstats;
static long long error_total;

static void count_error(const char *msg, size_t len)
{
    error_total++;
    server.stat_total_error_replies++;
    size_t n = 0;
    while (n < len && msg[n] != ' ' && n < sizeof(errstats[0].code) - 1)
        n++;
    for (int i = 0; i < nerrstats; i++) {
        if (strlen(errstats[i].code) == n && memcmp(errstats[i].code, msg, n) == 0) {
            errstats[i].count++;
            return;
        }
    }
    if (nerrstats == REPLY_MAX_ERROR_CODES)
        return;
    memcpy(errstats[nerrstats].code, msg, n);
    errstats[nerrstats].code[n] = '\0';
    errstats[nerrstats].count = 1;
    nerrstats++;
}

void reply_errorstats(void (*fn)(void *priv, const char *code, long long count), void *priv)
{
    for (int i = 0; i < nerrstats; i++)
        fn(priv, errstats[i].code, errstats[i].count);
}

void reply_errorstats_reset(void)
{
    nerrstats = 0;
    error_total = 0;
}

long long reply_error_total(void)
{
    return error_total;
}

/* Send "-<msg>\r\n" with CR/LF inside msg turned into spaces, as Redis does
 * so that an error can never break the protocol framing. */
static void error_len(struct client *c, const char *msg, size_t n)
{
    count_error(msg, n);
    if (muted(c))
        return;
    char *d = conn_out_reserve(&c->conn, n + 3);
    d[0] = '-';
    for (size_t i = 0; i < n; i++)
        d[i + 1] = (msg[i] == '\r' || msg[i] == '\n') ? ' ' : msg[i];
    d[n + 1] = '\r';
    d[n + 2] = '\n';
    conn_out_commit(&c->conn, n + 3);
}

void reply_error(struct client *c, const char *msg)
{
    error_len(c, msg, strlen(msg));
}

void reply_errorf(struct client *c, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof(buf)) {
        error_len(c, buf, (size_t)n);
        return;
    }
    char *big = mem_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    error_len(c, big, (size_t)n);
    mem_free(big);
}

void reply_error_syntax(struct client *c)
{
    reply_error(c, "ERR syntax error");
}

void reply_error_wrongtype(struct client *c)
{
    reply_error(c, "WRONGTYPE Operation against a key holding the wrong kind of value");
}

void reply_error_not_int(struct client *c)
{
    reply_error(c, "ERR value is not an integer or out of range");
}

void reply_error_not_float(struct client *c)
{
    reply_error(c, "ERR value is not a valid float");
}

void reply_error_arity(struct client *c)
{
    const char *name = c->cmd ? c->cmd->fullname : "";
    reply_errorf(c, "ERR wrong number of arguments for '%s' command", name);
}

/* ---- scalars ---- */

/* "<prefix><n>\r\n" */
static void hdr(struct client *c, char prefix, long long n)
{
    if (muted(c))
        return;
    char *d = conn_out_reserve(&c->conn, RESP_HDR_MAX);
    conn_out_commit(&c->conn, resp_hdr(d, prefix, n));
}

void reply_int(struct client *c, long long v)
{
    hdr(c, ':', v);
}

void reply_bulk(struct client *c, const void *p, size_t len)
{
    if (muted(c))
        return;
    char *d = conn_out_reserve(&c->conn, RESP_HDR_MAX + len + 2);
    size_t h = resp_hdr(d, '$', (long long)len);
    memcpy(d + h, p, len);
    d[h + len] = '\r';
    d[h + len + 1] = '\n';
    conn_out_commit(&c->conn, h + len + 2);
}

void reply_bulk_cstr(struct client *c, const char *s)
{
    if (!s)
        reply_null(c);
    else
        reply_bulk(c, s, strlen(s));
}

void reply_bulk_ll(struct client *c, long long v)
{
    char buf[24];
    size_t n = util_ll2str(buf, v);
    reply_bulk(c, buf, n);
}

void reply_null(struct client *c)
{
    if (c->resp >= 3)
        out(c, "_\r\n", 3);
    else
        out(c, "$-1\r\n", 5);
}

void reply_null_array(struct client *c)
{
    if (c->resp >= 3)
        out(c, "_\r\n", 3);
    else
        out(c, "*-1\r\n", 5);
}

void reply_array(struct client *c, long long n)
{
    hdr(c, '*', n);
}

void reply_map(struct client *c, long long n)
{
    if (c->resp >= 3)
        hdr(c, '%', n);
    else
        hdr(c, '*', 2 * n);
}

void reply_set(struct client *c, long long n)
{
    hdr(c, c->resp >= 3 ? '~' : '*', n);
}

void reply_push(struct client *c, long long n)
{
    hdr(c, c->resp >= 3 ? '>' : '*', n);
}

void reply_push_begin(struct client *c, long long n)
{
    pushing = c;
    hdr(c, c->resp >= 3 ? '>' : '*', n);
}

void reply_push_end(struct client *c)
{
    if (pushing == c)
        pushing = NULL;
}

void reply_double(struct client *c, double d)
{
    char buf[RESP_DOUBLE_MAX];
    size_t n = resp_double_text(buf, d);
    if (c->resp >= 3) {
        if (muted(c))
            return;
        char *p = conn_out_reserve(&c->conn, n + 3);
        p[0] = ',';
        memcpy(p + 1, buf, n);
        p[n + 1] = '\r';
        p[n + 2] = '\n';
        conn_out_commit(&c->conn, n + 3);
    } else {
        reply_bulk(c, buf, n);
    }
}

void reply_bool(struct client *c, int v)
{
    if (c->resp >= 3)
        out(c, v ? "#t\r\n" : "#f\r\n", 4);
    else
        out(c, v ? ":1\r\n" : ":0\r\n", 4);
}

void reply_verbatim(struct client *c, const char *p, size_t len, const char *ext)
{
    if (c->resp < 3) {
        reply_bulk(c, p, len);
        return;
    }
    if (muted(c))
        return;
    char *d = conn_out_reserve(&c->conn, RESP_HDR_MAX + len + 6);
    size_t h = resp_hdr(d, '=', (long long)len + 4);
    memcpy(d + h, ext, 3);
    d[h + 3] = ':';
    memcpy(d + h + 4, p, len);
    memcpy(d + h + 4 + len, "\r\n", 2);
    conn_out_commit(&c->conn, h + 4 + len + 2);
}

void reply_bignum(struct client *c, const char *p, size_t len)
{
    if (c->resp < 3) {
        reply_bulk(c, p, len);
        return;
    }
    if (muted(c))
        return;
    char *d = conn_out_reserve(&c->conn, len + 3);
    d[0] = '(';
    memcpy(d + 1, p, len);
    memcpy(d + 1 + len, "\r\n", 2);
    conn_out_commit(&c->conn, len + 3);
}

/* Redis's help layout: first line "<CMD> <subcommand> [<arg> ...]. Subcommands
 * are:", then the given lines, then the HELP entry. */
void reply_help(struct client *c, const char *const *lines)
{
    const char *name =
        c->cmd && c->cmd->parent ? c->cmd->parent->name : (c->cmd ? c->cmd->name : "");
    char up[64];
    size_t i;
    for (i = 0; name[i] && i < sizeof(up) - 1; i++)
        up[i] = (char)((name[i] >= 'a' && name[i] <= 'z') ? name[i] - 32 : name[i]);
    up[i] = '\0';
    long n = 0;
    while (lines[n])
        n++;
    reply_array(c, n + 3);
    char first[128];
    snprintf(first, sizeof(first),
             "%s <subcommand> [<arg> [value] [opt] ...]. Subcommands are:", up);
    reply_status(c, first);
    for (long j = 0; j < n; j++)
        reply_status(c, lines[j]);
    reply_status(c, "HELP");
    reply_status(c, "    Prints this help.");
}

/* ---- deferred lengths ---- */

long reply_defer(struct client *c)
{
    if (muted(c) || (c->conn.flags & CONN_CLOSING))
        return -1;
    /* Relative to the first unsent byte: conn may compact the sent prefix
     * away while the reply is built, which shifts absolute offsets. */
    return (long)(c->conn.olen - c->conn.osent);
}

static void defer_fill(struct client *c, long handle, char prefix, long long n)
{
    if (handle < 0 || muted(c) || (c->conn.flags & (CONN_CLOSING | CONN_CLOSE_AFTER_REPLY)))
        return;
    char h[RESP_HDR_MAX];
    size_t hl = resp_hdr(h, prefix, n);
    conn_out_reserve(&c->conn, hl);
    struct conn *k = &c->conn;
    size_t pos = k->osent + (size_t)handle;
    memmove(k->obuf + pos + hl, k->obuf + pos, k->olen - pos);
    memcpy(k->obuf + pos, h, hl);
    conn_out_commit(k, hl);
}

void reply_defer_array(struct client *c, long handle, long long n)
{
    defer_fill(c, handle, '*', n);
}

void reply_defer_map(struct client *c, long handle, long long n)
{
    if (c->resp >= 3)
        defer_fill(c, handle, '%', n);
    else
        defer_fill(c, handle, '*', 2 * n);
}

void reply_defer_set(struct client *c, long handle, long long n)
{
    defer_fill(c, handle, c->resp >= 3 ? '~' : '*', n);
}
