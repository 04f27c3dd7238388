/* Unit tests for resp: the request parser and the encoders.
 *
 * Every input is fed whole, split in two at every byte position, and one
 * byte at a time, each call getting a fresh exactly-sized copy of the pending
 * bytes (so the buffer "moves" between calls and ASan catches any read past
 * len or any stale pointer). All must give the same commands. Expected error
 * texts and the quirks (unchecked CRLF after bulk data, NUL bytes hiding the
 * line end, ...) were checked against redis-server 7.0.15 over raw sockets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "limits.h"
#include "mem.h"
#include "resp.h"

static const struct resp_limits DEF_LIM = {LIM_PROTO_MAX_BULK_LEN_DEFAULT, 0};

/* ---- A tiny connection simulator ---- */

/* Output of a run: commands encoded as args joined by '\x1f', each command
 * ended by '\x1e' (so an empty command is just "\x1e"); or "ERR:<msg>". */
struct run {
    char out[8192];
    size_t len;
};

static void out_add(struct run *r, const void *p, size_t n)
{
    assert_true(r->len + n < sizeof(r->out));
    memcpy(r->out + r->len, p, n);
    r->len += n;
}

/* Feed stream[0..len) in pieces ending at the cut offsets cuts[0..ncuts)
 * (ascending, the last being len), parsing everything possible after each
 * piece arrives. Each parse call sees a fresh copy of the pending bytes. */
static void run_cuts(struct run *r, const char *stream, size_t len, const size_t *cuts,
                     size_t ncuts, const struct resp_limits *lim)
{
    struct resp_parser p;
    size_t start = 0; // first unconsumed byte of stream
    size_t ci;

    assert_true(ncuts > 0 && cuts[ncuts - 1] == len);
    r->len = 0;
    resp_parser_init(&p);
    for (ci = 0; ci < ncuts; ci++) {
        size_t avail = cuts[ci];
        for (;;) {
            size_t n = avail - start;
            char *copy = mem_alloc(n ? n : 1);
            ssize_t got;
            memcpy(copy, stream + start, n);
            got = resp_parse(&p, copy, n, lim);
            if (got < 0) {
                assert_non_null(p.err);
                out_add(r, "ERR:", 4);
                out_add(r, p.err, strlen(p.err));
                assert_int_equal(resp_parse(&p, copy, n, lim), -1); // sticky
                mem_free(copy);
                resp_parser_free(&p);
                return;
            }
            if (got == 0) {
                mem_free(copy);
                break;
            }
            assert_true((size_t)got <= n);
            for (int i = 0; i < p.argc; i++) {
                assert_true(p.argv[i].ptr >= copy);
                assert_true(p.argv[i].ptr + p.argv[i].len <= copy + got);
                if (i)
                    out_add(r, "\x1f", 1);
                out_add(r, p.argv[i].ptr, p.argv[i].len);
            }
            out_add(r, "\x1e", 1);
            start += (size_t)got;
            mem_free(copy);
        }
    }
    resp_parser_free(&p);
}

static void run_whole(struct run *r, const char *s, size_t len, const struct resp_limits *lim)
{
    run_cuts(r, s, len, &len, 1, lim);
}

/* Check that the whole-buffer result equals want, then that every two-way
 * split and the byte-at-a-time feed give the same result. */
static void check_all_splits(const char *s, size_t len, const char *want, size_t wlen,
                             const struct resp_limits *lim)
{
    struct run whole, r;
    size_t cuts[2], *bytes;

    run_whole(&whole, s, len, lim);
    if (whole.len != wlen || memcmp(whole.out, want, wlen) != 0)
        fail_msg("input \"%.*s\": got \"%.*s\" want \"%.*s\"", (int)len, s, (int)whole.len,
                 whole.out, (int)wlen, want);
    for (size_t k = 0; k <= len; k++) {
        cuts[0] = k;
        cuts[1] = len;
        run_cuts(&r, s, len, cuts, 2, lim);
        if (r.len != wlen || memcmp(r.out, want, wlen) != 0)
            fail_msg("input \"%.*s\" split at %zu: got \"%.*s\"", (int)len, s, k, (int)r.len,
                     r.out);
    }
    bytes = mem_alloc((len + 1) * sizeof(*bytes));
    for (size_t k = 0; k < len; k++)
        bytes[k] = k + 1;
    run_cuts(&r, s, len, bytes, len, lim);
    mem_free(bytes);
    if (r.len != wlen || memcmp(r.out, want, wlen) != 0)
        fail_msg("input \"%.*s\" byte by byte: got \"%.*s\"", (int)len, s, (int)r.len, r.out);
}

#define S(x) x, sizeof(x) - 1

struct vcase {
    const char *in;
    size_t inlen;
    const char *out;
    size_t outlen;
};

static const struct vcase valid[] = {
    {S("*1\r\n$4\r\nPING\r\n"), S("PING\x1e")},
    {S("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n"), S("SET\x1fkey\x1fvalue\x1e")},
    {S("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"), S("ECHO\x1f\x1e")},
    {S("*1\r\n$0\r\n\r\n"), S("\x1e")},
    {S("*2\r\n$4\r\nECHO\r\n$7\r\na\r\n\0b\n*\r\n"), S("ECHO\x1f"
                                                       "a\r\n\0b\n*\x1e")},
    {S("*2\r\n$4\r\nECHO\r\n$13\r\n$3\r\nfoo\r\n*1\r\n\r\n"), S("ECHO\x1f$3\r\nfoo\r\n*1\r\n\x1e")},
    {S("*0\r\n"), S("\x1e")},
    {S("*-1\r\n"), S("\x1e")},
    {S("*-5\r\n"), S("\x1e")},
    {S("*-9223372036854775808\r\n"), S("\x1e")},
    /* Redis skips the two bytes after bulk data, and the byte after a header
     * line's '\r', without looking at them. */
    {S("*1\r\n$4\r\nPINGxx"), S("PING\x1e")},
    {S("*1\rX$4\rYPING\r\n"), S("PING\x1e")},
    {S("*1\r\n$4\r\nPING\n\nPING\r\n"), S("PING\x1ePING\x1e")},
    /* Pipelines mixing both protocols and empty commands. */
    {S("*1\r\n$4\r\nPING\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n\r\n*0\r\nECHO \"a b\"\n"),
     S("PING\x1ePING\x1eGET\x1fk\x1e\x1e\x1e"
       "ECHO\x1f"
       "a b\x1e")},
    {S("*10\r\n$1\r\n0\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n$1\r\n6\r\n$1\r\n7"
       "\r\n$1\r\n8\r\n$2\r\n99\r\n"),
     S("0\x1f"
       "1\x1f"
       "2\x1f"
       "3\x1f"
       "4\x1f"
       "5\x1f"
       "6\x1f"
       "7\x1f"
       "8\x1f"
       "99\x1e")},
    /* Inline. */
    {S("SET k v\r\n"), S("SET\x1fk\x1fv\x1e")},
    {S("PING\n"), S("PING\x1e")},
    {S("  SET   k\tv  \r\n"), S("SET\x1fk\x1fv\x1e")},
    {S("\n"), S("\x1e")},
    {S("\r\n"), S("\x1e")},
    {S("   \r\n"), S("\x1e")},
    {S("PING\r\r\n"), S("PING\x1e")},
    {S("ECHO a\rb\n"), S("ECHO\x1f"
                         "a\x1f"
                         "b\x1e")},
    {S("ECHO \"\\x41\\x4g\\n\\r\\t\\b\\a\\\\\\\"\\q\"\r\n"), S("ECHO\x1f"
                                                               "Ax4g\n\r\t\b\a\\\"q\x1e")},
    {S("ECHO \"\\x\" \"\\x4\"\r\n"), S("ECHO\x1fx\x1fx4\x1e")},
    {S("ECHO \"\\xff\\x00z\"\r\n"), S("ECHO\x1f\xff\0z\x1e")},
    {S("ECHO 'a\\'b' 'c\\d\"e'\r\n"), S("ECHO\x1f"
                                        "a'b\x1f"
                                        "c\\d\"e\x1e")},
    {S("ECHO a\"b c\" d\"\" e\r\n"), S("ECHO\x1f"
                                       "ab c\x1f"
                                       "d\x1f"
                                       "e\x1e")},
    {S("ECHO a'b c' x\"y\"\r\n"), S("ECHO\x1f"
                                    "ab c\x1fxy\x1e")},
    {S("ECHO \"\" ''\n"), S("ECHO\x1f\x1f\x1e")},
    {S("ECHO \"a\"\t\r\n"), S("ECHO\x1f"
                              "a\x1e")},
    {S("ECHO \"a\"\v\r\n"), S("ECHO\x1f"
                              "a\x1e")},
    {S("ECHO \vx\vy\r\n"), S("ECHO\x1fx\vy\x1e")},
    {S("a\\b c\\d\r\n"), S("a\\b\x1f"
                           "c\\d\x1e")},
};

static void test_valid_all_splits(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
        check_all_splits(valid[i].in, valid[i].inlen, valid[i].out, valid[i].outlen, &DEF_LIM);
}

/* All valid cases concatenated into one pipeline (inline ones need their
 * line end, which they all have). */
static void test_valid_pipeline(void **state)
{
    char in[4096], out[4096];
    size_t il = 0, ol = 0;
    (void)state;
    for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
        /* "PINGxx" eats two bytes after the data: keep it last-only. */
        if (valid[i].inlen >= 2 && memcmp(valid[i].in + valid[i].inlen - 2, "xx", 2) == 0)
            continue;
        memcpy(in + il, valid[i].in, valid[i].inlen);
        il += valid[i].inlen;
        memcpy(out + ol, valid[i].out, valid[i].outlen);
        ol += valid[i].outlen;
    }
    check_all_splits(in, il, out, ol, &DEF_LIM);
}

struct ecase {
    const char *in;
    size_t inlen;
    const char *err;
};

static const struct ecase errors[] = {
    {S("*abc\r\n"), "Protocol error: invalid multibulk length"},
    {S("*+1\r\n"), "Protocol error: invalid multibulk length"},
    {S("*01\r\n"), "Protocol error: invalid multibulk length"},
    {S("*-0\r\n"), "Protocol error: invalid multibulk length"},
    {S("*1 \r\n"), "Protocol error: invalid multibulk length"},
    {S("*\r\n"), "Protocol error: invalid multibulk length"},
    {S("*1\n$4\r\nPING\r\n"), "Protocol error: invalid multibulk length"},
    {S("*2147483648\r\n"), "Protocol error: invalid multibulk length"},
    {S("*99999999999999999999\r\n"), "Protocol error: invalid multibulk length"},
    {S("*3\r\n:1\r\n"), "Protocol error: expected '$', got ':'"},
    {S("*1\r\n\r\n"), "Protocol error: expected '$', got ' '"},
    {S("*1\r\n\n$1\r\n"), "Protocol error: expected '$', got ' '"},
    {S("*2\r\n$1\r\na\r\nx$1\r\n"), "Protocol error: expected '$', got 'x'"},
    {S("*1\r\n$-5\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$-1\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$abc\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$+4\r\nPING\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$04\r\nPING\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$\r\n"), "Protocol error: invalid bulk length"},
    {S("*2\r\n$4\r\nECHO\r\n$1\n\r\nx\r\n"), "Protocol error: invalid bulk length"},
    {S("*1\r\n$536870913\r\n"), "Protocol error: invalid bulk length"},
    {S("SET \"a b\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO \"a\"b\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO 'a'b\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO ''x\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO 'abc\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO \"a\\\"\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO a\"b c\"d\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO a\\b c\\\"d\r\n"), "Protocol error: unbalanced quotes in request"},
    {S("ECHO \"a\\\n"), "Protocol error: unbalanced quotes in request"},
    {S("PING\r\nECHO \"x\n"), "Protocol error: unbalanced quotes in request"},
};

static void test_errors(void **state)
{
    char want[256];
    (void)state;
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
        const struct ecase *e = &errors[i];
        size_t prefix = 0;
        /* A leading valid command shows up before the error. */
        if (e->inlen >= 6 && memcmp(e->in, "PING\r\n", 6) == 0) {
            memcpy(want, "PING\x1e", 5);
            prefix = 5;
        }
        memcpy(want + prefix, "ERR:", 4);
        strcpy(want + prefix + 4, e->err);
        check_all_splits(e->in, e->inlen, want, strlen(want + prefix) + prefix, &DEF_LIM);
    }
}

static void expect_err(const char *in, size_t len, const struct resp_limits *lim, const char *err)
{
    struct run r;
    char want[256];
    snprintf(want, sizeof(want), "ERR:%s", err);
    run_whole(&r, in, len, lim);
    if (r.len != strlen(want) || memcmp(r.out, want, r.len) != 0)
        fail_msg("input \"%.*s\": got \"%.*s\" want \"%s\"", (int)(len > 60 ? 60 : len), in,
                 (int)r.len, r.out, want);
}

/* Parse a lone command; return the parse result and leave p initialised. */
static ssize_t parse_once(struct resp_parser *p, const char *in, size_t len,
                          const struct resp_limits *lim)
{
    char *copy = mem_alloc(len ? len : 1);
    ssize_t n;
    memcpy(copy, in, len);
    n = resp_parse(p, copy, len, lim);
    mem_free(copy);
    return n;
}

static void test_limits(void **state)
{
    struct resp_limits unauth = {LIM_PROTO_MAX_BULK_LEN_DEFAULT, 1};
    struct resp_limits small = {100, 0};
    struct resp_parser p;
    (void)state;

    expect_err(S("*11\r\n"), &unauth, "Protocol error: unauthenticated multibulk length");
    expect_err(S("*1\r\n$16385\r\n"), &unauth, "Protocol error: unauthenticated bulk length");
    expect_err(S("*x\r\n"), &unauth, "Protocol error: invalid multibulk length");
    expect_err(S("*1\r\n$99999999999\r\n"), &unauth, "Protocol error: invalid bulk length");
    expect_err(S("*1\r\n$101\r\n"), &small, "Protocol error: invalid bulk length");
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*10\r\n$16384\r\n"), &unauth), 0);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*-100\r\n"), &unauth), 7);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*1\r\n$100\r\n"), &small), 0);
    assert_int_equal(p.want, 4 + 6 + 100 + 2);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*1\r\n$536870912\r\n"), &DEF_LIM), 0);
    assert_int_equal(p.want, 4 + 12 + 536870912 + 2);
    resp_parser_free(&p);
}

/* Lines with no end: Redis waits up to LIM_INLINE_MAX pending bytes. */
static void test_too_big(void **state)
{
    size_t big = LIM_INLINE_MAX + 1;
    char *buf = mem_alloc(big + 16);
    struct resp_parser p;
    (void)state;

    memset(buf, 'a', big + 16);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, buf, LIM_INLINE_MAX, &DEF_LIM), 0);
    expect_err(buf, big, &DEF_LIM, "Protocol error: too big inline request");
    /* The same, arriving in 16 KiB reads. */
    {
        size_t cuts[] = {16384, 32768, 49152, 65536, 65537};
        struct run r;
        run_cuts(&r, buf, big, cuts, 5, &DEF_LIM);
        assert_int_equal(r.len, 4 + strlen("Protocol error: too big inline request"));
    }
    resp_parser_free(&p);
    /* A long line with its newline is fine, like in Redis. */
    buf[big + 5] = '\n';
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, buf, big + 6, &DEF_LIM), (ssize_t)big + 6);
    assert_int_equal(p.argc, 1);
    resp_parser_free(&p);

    memset(buf, '1', big + 16);
    buf[0] = '*';
    expect_err(buf, big, &DEF_LIM, "Protocol error: too big mbulk count string");
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, buf, LIM_INLINE_MAX, &DEF_LIM), 0);
    resp_parser_free(&p);
    memcpy(buf, "*1\r\n$", 5);
    expect_err(buf, big + 4, &DEF_LIM, "Protocol error: too big bulk count string");
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, buf, LIM_INLINE_MAX + 4, &DEF_LIM), 0);
    resp_parser_free(&p);
    /* A far-away '\r' ends the count line: too many digits. */
    buf[big + 10] = '\r';
    expect_err(buf, big + 12, &DEF_LIM, "Protocol error: invalid bulk length");
    mem_free(buf);
}

/* Redis finds line ends with strchr(): a NUL before the end hides it, and
 * the client then waits until the size limit. */
static void test_nul_hides_line_end(void **state)
{
    size_t big = LIM_INLINE_MAX + 8;
    char *buf = mem_alloc(big);
    struct resp_parser p;
    (void)state;

    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("ECHO a\0b\r\nPING\r\n"), &DEF_LIM), 0);
    assert_int_equal(parse_once(&p, S("ECHO a\0b\r\nPING\r\nPING\r\n"), &DEF_LIM), 0);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*\0\r\n"), &DEF_LIM), 0);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*1\r\n$\0\r\n"), &DEF_LIM), 0);
    resp_parser_free(&p);

    memset(buf, 'x', big);
    memcpy(buf, "ECHO a\0b\r\n", 10);
    expect_err(buf, big, &DEF_LIM, "Protocol error: too big inline request");
    memcpy(buf, "*1\0\r\n", 5);
    expect_err(buf, big, &DEF_LIM, "Protocol error: too big mbulk count string");
    memcpy(buf, "*1\r\n$1\0\r\n", 9);
    expect_err(buf, big, &DEF_LIM, "Protocol error: too big bulk count string");
    /* NUL inside bulk data is just data. */
    check_all_splits(S("*1\r\n$3\r\n\0\0\0\r\n"), S("\0\0\0\x1e"), &DEF_LIM);
    mem_free(buf);
}

/* "*N" preallocates at most 1024 entries; argv grows as elements arrive. */
static void test_no_overallocation(void **state)
{
    struct resp_parser p;
    size_t n = 5000, len = 0;
    char *buf = mem_alloc(16 + n * 7);
    (void)state;

    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*2147483647\r\n$1\r\na\r\n"), &DEF_LIM), 0);
    assert_true(p.argcap <= 1024);
    resp_parser_free(&p);
    resp_parser_init(&p);
    assert_int_equal(parse_once(&p, S("*1000000\r\n"), &DEF_LIM), 0);
    assert_true(p.argcap <= 1024);
    resp_parser_free(&p);

    len = (size_t)sprintf(buf, "*%zu\r\n", n);
    for (size_t i = 0; i < n; i++) {
        memcpy(buf + len, "$1\r\nz\r\n", 7);
        len += 7;
    }
    resp_parser_init(&p);
    /* Fed in pieces through a growing buffer. */
    for (size_t have = 1; have < len; have += 1000) {
        assert_int_equal(resp_parse(&p, buf, have, &DEF_LIM), 0);
        assert_true((size_t)p.argcap <= 2 * (have / 7) + 1024);
    }
    assert_int_equal(resp_parse(&p, buf, len, &DEF_LIM), (ssize_t)len);
    assert_int_equal(p.argc, (int)n);
    assert_true(p.argcap >= (int)n && p.argcap <= 2 * (int)n);
    assert_memory_equal(p.argv[n - 1].ptr, "z", 1);
    assert_true(p.argv[n - 1].ptr == buf + len - 3);
    /* A small command afterwards shrinks the giant argv. */
    assert_int_equal(parse_once(&p, S("*1\r\n$1\r\nq\r\n"), &DEF_LIM), 11);
    assert_true(p.argcap <= 1024);
    resp_parser_free(&p);
    mem_free(buf);
}

/* Resumability is O(new bytes): 1.4 MB fed 64 bytes at a time (22k calls)
 * would take many seconds if each call rescanned from the start. */
static void test_linear_time(void **state)
{
    size_t n = 200000, len, have;
    char *buf = mem_alloc(16 + n * 7 + 100000);
    struct resp_parser p;
    struct timespec t0, t1;
    ssize_t got = 0;
    (void)state;

    len = (size_t)sprintf(buf, "*%zu\r\n", n);
    for (size_t i = 0; i < n; i++) {
        memcpy(buf + len, "$1\r\nz\r\n", 7);
        len += 7;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    resp_parser_init(&p);
    for (have = 64; got == 0; have += 64)
        got = resp_parse(&p, buf, have < len ? have : len, &DEF_LIM);
    assert_int_equal(got, (ssize_t)len);
    assert_int_equal(p.argc, (int)n);
    resp_parser_free(&p);
    /* A 60 KB inline line fed 64 bytes at a time. */
    memset(buf, 'a', 60000);
    buf[60000] = '\n';
    resp_parser_init(&p);
    got = 0;
    for (have = 64; got == 0; have += 64)
        got = resp_parse(&p, buf, have < 60001 ? have : 60001, &DEF_LIM);
    assert_int_equal(got, 60001);
    resp_parser_free(&p);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < 2.0);
    mem_free(buf);
}

/* The caller's buffer can be reallocated between calls: only offsets are kept. */
static void test_buffer_moves(void **state)
{
    static const char cmd[] = "*3\r\n$3\r\nSET\r\n$5\r\nhello\r\n$5\r\nworld\r\n";
    size_t len = sizeof(cmd) - 1;
    struct resp_parser p;
    char *a = mem_alloc(len), *b;
    (void)state;

    memcpy(a, cmd, len);
    resp_parser_init(&p);
    assert_int_equal(resp_parse(&p, a, 20, &DEF_LIM), 0);
    b = mem_alloc(len);
    memcpy(b, a, len);
    memset(a, '#', len); // old buffer now garbage
    mem_free(a);
    assert_int_equal(resp_parse(&p, b, len, &DEF_LIM), (ssize_t)len);
    assert_int_equal(p.argc, 3);
    assert_true(p.argv[1].ptr == b + 17 && p.argv[1].len == 5);
    assert_memory_equal(p.argv[2].ptr, "world", 5);
    resp_parser_free(&p);
    mem_free(b);
}

static void test_encoders(void **state)
{
    char buf[RESP_HDR_MAX + RESP_DOUBLE_MAX];
    (void)state;

#define EXPECT(call, text)                                                                         \
    do {                                                                                           \
        size_t n_ = (call);                                                                        \
        assert_int_equal(n_, sizeof(text) - 1);                                                    \
        assert_memory_equal(buf, text, n_);                                                        \
    } while (0)
    EXPECT(resp_hdr(buf, '*', 3), "*3\r\n");
    EXPECT(resp_hdr(buf, '$', -1), "$-1\r\n");
    EXPECT(resp_hdr(buf, '%', 0), "%0\r\n");
    EXPECT(resp_hdr(buf, '$', 1234567890123LL), "$1234567890123\r\n");
    EXPECT(resp_int(buf, -9223372036854775807LL - 1), ":-9223372036854775808\r\n");
    EXPECT(resp_int(buf, 9223372036854775807LL), ":9223372036854775807\r\n");
    EXPECT(resp_int(buf, 0), ":0\r\n");
    /* ZSCORE replies from redis-server 7.0 (same text for RESP2 and RESP3). */
    EXPECT(resp_double_text(buf, 1.1), "1.1000000000000001");
    EXPECT(resp_double_text(buf, 0.1), "0.10000000000000001");
    EXPECT(resp_double_text(buf, 1e300), "1.0000000000000001e+300");
    EXPECT(resp_double_text(buf, 1.5e-310), "1.5000000000000201e-310");
    EXPECT(resp_double_text(buf, 3.0), "3");
    EXPECT(resp_double_text(buf, 1e308), "1e+308");
    EXPECT(resp_double_text(buf, -2.5), "-2.5");
    EXPECT(resp_double_text(buf, 1.0 / 0.0), "inf");
    EXPECT(resp_double_text(buf, -1.0 / 0.0), "-inf");
    EXPECT(resp_double_text(buf, 0.0 / 0.0), "nan");
    EXPECT(resp_double_text(buf, -1.7976931348623157e308), "-1.7976931348623157e+308");
    EXPECT(resp_double_text(buf, -4.9406564584124654e-324), "-4.9406564584124654e-324");
#undef EXPECT
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_all_splits),
        cmocka_unit_test(test_valid_pipeline),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_nul_hides_line_end),
        cmocka_unit_test(test_no_overallocation),
        cmocka_unit_test(test_linear_time),
        cmocka_unit_test(test_buffer_moves),
        cmocka_unit_test(test_encoders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
