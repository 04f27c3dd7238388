/* resp: the pure RESP request parser and the reply encoders.
 *
 * The parser is a small state machine over one command at a time. The caller
 * hands it every pending byte of the command, starting at the command's first
 * byte; the parser remembers in struct resp_parser how far it got (offsets,
 * never pointers, so the caller may move or grow its buffer between calls)
 * and continues from there, so each byte is examined O(1) times.
 *
 * Invariants:
 *   - every offset kept in the parser is <= the len of the last call;
 *   - argv/offs hold argcap entries; argcap never exceeds
 *     max(1024, elements actually received), whatever "*<n>" announced;
 *   - on success argv[i].ptr points into the caller's buf.
 * Must not know: sockets, connections, clients, commands.
 */
#include "resp.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "limits.h"
#include "mem.h"

/* Redis refuses an element count above INT_MAX. */
#define RESP_MULTIBULK_MAX 2147483647LL
/* How many argv entries an announced count may preallocate. */
#define RESP_PREALLOC_MAX 1024
/* Longest decimal long long, sign included; Redis rejects 21+ bytes. */
#define RESP_LL_DIGITS 20

enum {
    ST_START = 0, /* nothing parsed yet */
    ST_INLINE,    /* looking for the inline line's '\n' */
    ST_MB_COUNT,  /* looking for the '\r' of "*<n>" */
    ST_BULK_HDR,  /* looking for the '\r' of "$<n>" */
    ST_BULK_DATA, /* waiting for bulk_len bytes plus two */
    ST_ERROR,
};

static const char ERR_MB_LEN[] = "Protocol error: invalid multibulk length";
static const char ERR_BULK_LEN[] = "Protocol error: invalid bulk length";
static const char ERR_INLINE_BIG[] = "Protocol error: too big inline request";
static const char ERR_MB_BIG[] = "Protocol error: too big mbulk count string";
static const char ERR_BULK_BIG[] = "Protocol error: too big bulk count string";
static const char ERR_QUOTES[] = "Protocol error: unbalanced quotes in request";
static const char ERR_UNAUTH_MB[] = "Protocol error: unauthenticated multibulk length";
static const char ERR_UNAUTH_BULK[] = "Protocol error: unauthenticated bulk length";

/* A fresh, empty parser (owns nothing yet). After a -1 return, the caller
 * frees the parser and initialises it again. */
void resp_parser_init(struct resp_parser *p)
{
    memset(p, 0, sizeof(*p));
}

void resp_parser_free(struct resp_parser *p)
{
    mem_free(p->argv);
    mem_free(p->offs);
    p->argv = NULL;
    p->offs = NULL;
    p->argcap = 0;
    p->argc = 0;
}

/* Make room for at least n arguments, keeping the first `keep`. O(n). */
static void ensure_cap(struct resp_parser *p, long long n, int keep)
{
    int cap;

    if (n <= p->argcap)
        return;
    cap = p->argcap ? p->argcap : 8;
    while (cap < n)
        cap = cap > (1 << 29) ? (int)n : cap * 2;
    if (keep == 0) {
        /* Nothing to preserve: free first so peak memory stays low. */
        mem_free(p->argv);
        mem_free(p->offs);
        p->argv = mem_alloc((size_t)cap * sizeof(*p->argv));
        p->offs = mem_alloc((size_t)cap * sizeof(*p->offs));
    } else {
        p->argv = mem_realloc(p->argv, (size_t)cap * sizeof(*p->argv));
        p->offs = mem_realloc(p->offs, (size_t)cap * sizeof(*p->offs));
    }
    p->argcap = cap;
}

/* Strict decimal parse with Redis's string2ll rules (no '+', no leading
 * zeros, no "-0", 1..20 bytes, in range). Returns 1 and sets *out if valid.
 * Local copy so that resp depends on nothing. O(len). */
static int parse_ll(const char *s, size_t len, long long *out)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned long long v;
    size_t i = 0;
    int neg = 0;

    if (len == 0 || len > RESP_LL_DIGITS)
        return 0;
    if (u[0] == '0') {
        if (len != 1)
            return 0;
        *out = 0;
        return 1;
    }
    if (u[0] == '-') {
        neg = 1;
        i = 1;
        if (len == 1)
            return 0;
    }
    if (u[i] < '1' || u[i] > '9')
        return 0;
    v = u[i++] - '0';
    for (; i < len; i++) {
        unsigned d = (unsigned)u[i] - '0';
        if (d > 9 || v > (18446744073709551615ULL - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    if (v > 9223372036854775807ULL + (unsigned long long)neg)
        return 0;
    *out = neg ? (long long)(0ULL - v) : (long long)v;
    return 1;
}

/* The common header: buf[pos] is '*' or '$', followed by 1..18 digits (no
 * leading zero), '\r', and at least one more byte. Parses it without calling
 * memchr (a libc call per line costs more than the whole loop). Returns 1 and
 * sets *out and *cr, or 0 to let the general path decide. */
static inline int fast_hdr(const char *buf, size_t len, size_t pos, long long *out, size_t *cr)
{
    size_t i = pos + 1, lim = len - 1; // need buf[i] == '\r' and buf[i + 1]
    long long v;

    if (i >= lim || (unsigned)(buf[i] - '1') > 8)
        return 0;
    v = buf[i++] - '0';
    while (i < lim && (unsigned)(buf[i] - '0') <= 9 && i - pos <= 18)
        v = v * 10 + (buf[i++] - '0');
    if (i >= lim || buf[i] != '\r')
        return 0;
    *out = v;
    *cr = i;
    return 1;
}

/* Fail with msg; the parser stays in ST_ERROR until re-initialised. */
static ssize_t fail(struct resp_parser *p, const char *msg)
{
    p->err = msg;
    p->state = ST_ERROR;
    p->want = 0;
    return -1;
}

/* Find the end of a header line that starts at p->pos: the first '\r' as
 * Redis's strchr() finds it, with at least one byte after it. Returns the
 * offset of the '\r', or -1 (incomplete; p->scan/p->stuck remember how far
 * we looked) or -2 (pending bytes exceed LIM_INLINE_MAX without a line end).
 * Cost: O(new bytes). */
static ssize_t find_cr(struct resp_parser *p, const char *buf, size_t len)
{
    const char *cr;
    size_t from = p->scan > p->pos ? p->scan : p->pos;

    if (!p->stuck) {
        cr = memchr(buf + from, '\r', len - from);
        if (cr) {
            size_t at = (size_t)(cr - buf);
            /* strchr() would have stopped at a NUL first: then Redis never
             * sees this '\r'. The NUL test costs one memchr over the short
             * header only. */
            if (memchr(buf + from, '\0', at - from) == NULL) {
                if (at + 1 < len)
                    return (ssize_t)at;
                p->scan = at; // wait for the byte after '\r'
                return -1;
            }
            p->stuck = 1;
        } else if (memchr(buf + from, '\0', len - from)) {
            p->stuck = 1;
        } else {
            p->scan = len;
        }
    }
    if (len - p->pos > LIM_INLINE_MAX)
        return -2;
    return -1;
}

/* Append the argument at [off, off+n) to the pending command. */
static inline void push_arg(struct resp_parser *p, size_t off, size_t n)
{
    if (p->argc == p->argcap)
        ensure_cap(p, (long long)p->argc + 1, p->argc);
    p->offs[p->argc] = off;
    p->argv[p->argc].len = n;
    p->argc++;
}

/* Turn recorded offsets into pointers into buf and reset for the next
 * command. Returns the bytes consumed. O(argc). */
static ssize_t finish(struct resp_parser *p, char *buf, size_t consumed)
{
    int i;

    for (i = 0; i < p->argc; i++)
        p->argv[i].ptr = buf + p->offs[i];
    p->state = ST_START;
    p->pos = 0;
    p->scan = 0;
    p->want = 0;
    return (ssize_t)consumed;
}

static ssize_t parse_inline(struct resp_parser *p, char *buf, size_t len);

/* The elements of a multibulk command, from a header (ST_BULK_HDR) or from
 * bulk data (ST_BULK_DATA). The position and the count live in locals and are
 * stored back only when we return: a store to p->pos followed at once by a
 * load from it costs a store-forwarding stall per element on this hot path.
 * Runs straight through when the whole command is in buf (the common,
 * pipelined case). */
static ssize_t parse_elements(struct resp_parser *p, char *buf, size_t len,
                              const struct resp_limits *lim)
{
    size_t pos = p->pos, at, end;
    long long left = p->multibulk_left, ll;

    p->want = 0;
    if (p->state == ST_BULK_DATA) {
        ll = p->bulk_len;
        goto data; // resume inside the loop, past the header
    }
    for (;;) {
        if (!(pos < len && buf[pos] == '$' && fast_hdr(buf, len, pos, &ll, &at))) {
            ssize_t cr;
            const char *s = buf + pos;
            p->pos = pos;
            p->multibulk_left = left;
            p->state = ST_BULK_HDR;
            cr = find_cr(p, buf, len);
            if (cr < 0)
                return cr == -1 ? 0 : fail(p, ERR_BULK_BIG);
            if (*s != '$') {
                char c = (*s == '\r' || *s == '\n') ? ' ' : *s;
                snprintf(p->errbuf, sizeof(p->errbuf), "Protocol error: expected '$', got '%c'", c);
                return fail(p, p->errbuf);
            }
            if (!parse_ll(s + 1, (size_t)cr - pos - 1, &ll) || ll < 0)
                return fail(p, ERR_BULK_LEN);
            at = (size_t)cr;
        }
        if (ll > lim->max_bulk)
            return fail(p, ERR_BULK_LEN);
        if (lim->unauthenticated && ll > LIM_UNAUTH_BULK_MAX)
            return fail(p, ERR_UNAUTH_BULK);
        pos = at + 2;
    data:
        end = pos + (size_t)ll;
        if (len < end + 2) {
            p->state = ST_BULK_DATA;
            p->pos = pos;
            p->bulk_len = ll;
            p->multibulk_left = left;
            p->want = end + 2;
            return 0;
        }
        push_arg(p, pos, (size_t)ll);
        /* The two bytes after the data are skipped unchecked, as Redis does. */
        pos = end + 2;
        if (--left == 0) {
            p->multibulk_left = 0;
            return finish(p, buf, pos);
        }
    }
}

/* "*<n>\r\n" at buf[0], then the elements. */
static ssize_t parse_multibulk(struct resp_parser *p, char *buf, size_t len,
                               const struct resp_limits *lim)
{
    long long ll;
    size_t at;

    if (p->state != ST_MB_COUNT)
        return parse_elements(p, buf, len, lim);
    if (!fast_hdr(buf, len, 0, &ll, &at)) {
        ssize_t cr = find_cr(p, buf, len);
        if (cr < 0)
            return cr == -1 ? 0 : fail(p, ERR_MB_BIG);
        if (!parse_ll(buf + 1, (size_t)cr - 1, &ll))
            return fail(p, ERR_MB_LEN);
        at = (size_t)cr;
    }
    if (ll > RESP_MULTIBULK_MAX)
        return fail(p, ERR_MB_LEN);
    if (lim->unauthenticated && ll > LIM_UNAUTH_MULTIBULK_MAX)
        return fail(p, ERR_UNAUTH_MB);
    if (ll <= 0)
        return finish(p, buf, at + 2); // empty command
    /* Shrink an argv left huge by an earlier giant command. */
    if (p->argcap > 4 * RESP_PREALLOC_MAX && ll <= RESP_PREALLOC_MAX) {
        mem_free(p->argv);
        mem_free(p->offs);
        p->argv = NULL;
        p->offs = NULL;
        p->argcap = 0;
    }
    ensure_cap(p, ll < RESP_PREALLOC_MAX ? ll : RESP_PREALLOC_MAX, 0);
    p->multibulk_left = ll;
    p->pos = p->scan = at + 2;
    p->state = ST_BULK_HDR;
    return parse_elements(p, buf, len, lim);
}

ssize_t resp_parse(struct resp_parser *p, char *buf, size_t len, const struct resp_limits *lim)
{
    switch (p->state) {
    case ST_START:
        p->argc = 0;
        if (len == 0)
            return 0;
        p->pos = 0;
        p->scan = 0;
        p->stuck = 0;
        if (buf[0] == '*') {
            p->state = ST_MB_COUNT;
            return parse_multibulk(p, buf, len, lim);
        }
        p->state = ST_INLINE;
        return parse_inline(p, buf, len);
    case ST_INLINE:
        return parse_inline(p, buf, len);
    case ST_ERROR:
        return -1;
    default:
        return parse_multibulk(p, buf, len, lim);
    }
}

/* ---- Inline commands ---- */

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static int hex_val(unsigned char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Inline separators: isspace() between arguments, but only these end an
 * unquoted argument (Redis's sdssplitargs; "\v" inside a word is kept). */
static int is_sep(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Split line s[0..n) into arguments with sdssplitargs' rules, unescaping each
 * in place (an argument never grows, and each one is written starting where
 * it was read, so arguments never overlap). Records offsets relative to
 * `base`. Returns 0, or -1 for unbalanced quotes. O(n). */
static int split_inline(struct resp_parser *p, char *s, size_t n, size_t base)
{
    size_t i = 0;

    for (;;) {
        size_t start, w;
        int inq = 0, insq = 0;

        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (i == n)
            return 0;
        start = w = i;
        for (;;) {
            unsigned char c = i < n ? (unsigned char)s[i] : 0;
            int has_next = i + 1 < n;
            if (inq) {
                if (c == '\\' && i + 3 < n && s[i + 1] == 'x' && is_hex((unsigned char)s[i + 2]) &&
                    is_hex((unsigned char)s[i + 3])) {
                    s[w++] = (char)(hex_val((unsigned char)s[i + 2]) * 16 +
                                    hex_val((unsigned char)s[i + 3]));
                    i += 4;
                } else if (c == '\\' && has_next) {
                    char e = s[i + 1];
                    switch (e) {
                    case 'n':
                        e = '\n';
                        break;
                    case 'r':
                        e = '\r';
                        break;
                    case 't':
                        e = '\t';
                        break;
                    case 'b':
                        e = '\b';
                        break;
                    case 'a':
                        e = '\a';
                        break;
                    default:
                        break;
                    }
                    s[w++] = e;
                    i += 2;
                } else if (c == '"') {
                    /* A closing quote must be followed by a space or the end. */
                    if (has_next && !is_space((unsigned char)s[i + 1]))
                        return -1;
                    i++;
                    break;
                } else if (i == n) {
                    return -1;
                } else {
                    s[w++] = s[i++];
                }
            } else if (insq) {
                if (c == '\\' && has_next && s[i + 1] == '\'') {
                    s[w++] = '\'';
                    i += 2;
                } else if (c == '\'') {
                    if (has_next && !is_space((unsigned char)s[i + 1]))
                        return -1;
                    i++;
                    break;
                } else if (i == n) {
                    return -1;
                } else {
                    s[w++] = s[i++];
                }
            } else if (i == n || is_sep(c)) {
                break;
            } else if (c == '"') {
                inq = 1;
                i++;
            } else if (c == '\'') {
                insq = 1;
                i++;
            } else {
                s[w++] = s[i++];
            }
        }
        push_arg(p, base + start, w - start);
    }
}

/* An inline command: one line ended by '\n' (a '\r' before it is dropped).
 * Cost: O(new bytes) while waiting, O(line) once when it is complete. */
static ssize_t parse_inline(struct resp_parser *p, char *buf, size_t len)
{
    size_t from = p->scan;
    const char *nl = NULL;
    size_t end, consumed;

    if (!p->stuck) {
        nl = memchr(buf + from, '\n', len - from);
        /* As in find_cr(): a NUL before the '\n' hides it from Redis. */
        if (memchr(buf + from, '\0', (nl ? (size_t)(nl - buf) : len) - from)) {
            p->stuck = 1;
            nl = NULL;
        }
    }
    if (!nl) {
        p->scan = len;
        if (len > LIM_INLINE_MAX)
            return fail(p, ERR_INLINE_BIG);
        return 0;
    }
    end = (size_t)(nl - buf);
    consumed = end + 1;
    if (end > 0 && buf[end - 1] == '\r')
        end--;
    p->argc = 0;
    if (split_inline(p, buf, end, 0) < 0)
        return fail(p, ERR_QUOTES);
    return finish(p, buf, consumed);
}

/* ---- Encoders ---- */

/* Digits of v written backwards ending at end; returns the start. */
static char *digits_rev(char *end, unsigned long long v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* "<prefix><n>\r\n" into dst (RESP_HDR_MAX bytes). Returns the length. */
size_t resp_hdr(char *dst, char prefix, long long n)
{
    char tmp[24];
    char *e = tmp + sizeof(tmp), *s;
    size_t l;

    s = digits_rev(e, n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n);
    if (n < 0)
        *--s = '-';
    l = (size_t)(e - s);
    dst[0] = prefix;
    memcpy(dst + 1, s, l);
    dst[l + 1] = '\r';
    dst[l + 2] = '\n';
    return l + 3;
}

size_t resp_int(char *dst, long long v)
{
    return resp_hdr(dst, ':', v);
}

/* Redis 7.0's double text: "%.17g", with inf/-inf/nan spelled out. */
size_t resp_double_text(char *dst, double d)
{
    int n;

    if (isinf(d)) {
        memcpy(dst, d > 0 ? "inf" : "-inf", d > 0 ? 3 : 4);
        return d > 0 ? 3 : 4;
    }
    if (isnan(d)) {
        memcpy(dst, "nan", 3);
        return 3;
    }
    n = snprintf(dst, RESP_DOUBLE_MAX, "%.17g", d);
    return n > 0 ? (size_t)n : 0;
}
