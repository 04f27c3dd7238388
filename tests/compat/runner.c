/* compat-runner: the differential test driver.
 *
 * It plays one command script against one server. With --record it writes
 * the replies (normalised, escaped, one entry per compared line) to a golden
 * file; with --golden it compares the replies to that file byte for byte and
 * reports every difference. `make test` records from Debian's redis-server
 * and compares Tern against the recording (or against the committed golden
 * when redis-server is missing).
 *
 * Usage:
 *   compat-runner --free-port       (prints a free TCP port and exits)
 *   compat-runner [--host H] --port P (--record FILE | --golden FILE)
 *                 [--quiet-ms MS] [--timeout-ms MS] [--max-report N] [--verbose] SCRIPT
 *   (--verbose prints each line's duration to stderr)
 *
 * Script format (one item per line; see tests/compat/README.md):
 *   # comment / blank line       ignored
 *   SET k "a b\x00c"             a command, split with Redis's inline quoting
 *                                rules, sent as RESP; its whole raw reply is
 *                                compared
 *   @sort CMD...                 sort the aggregate reply's elements first
 *   @sortpairs CMD...            sort (key, value) pairs of a flat array or map
 *   @scan CMD...                 SCAN/SSCAN/HSCAN/ZSCAN: iterate to cursor 0,
 *                                compare the sorted set of returned elements
 *                                (pairs for HSCAN/ZSCAN)
 *   @type CMD...                 compare only the reply's type byte
 *   @ignore CMD...               send; the reply need only be valid RESP
 *   @sleep MS                    pause
 *   @resp3                       send HELLO 3 on this connection (reply ignored)
 *   @reconnect                   close and open a fresh connection
 *   @raw BYTES                   send escaped bytes (\r \n \t \\ \xHH \0)
 *                                verbatim, then take everything the server
 *                                sends until it closes or is quiet for
 *                                --quiet-ms; compared with an <open>/<closed>
 *                                marker. A closed connection is reopened
 *                                before the next line.
 *   @rawn N BYTES                as @raw, but read exactly N replies
 *   @known-diff REASON           the next command is sent but not compared;
 *                                it is reported as a known difference (each
 *                                one must be listed in redis-compat.md)
 * Each script starts on a fresh connection with FLUSHALL. A QUIT command
 * makes the runner reconnect before the next line. Scripts must undo any
 * server-wide state they change (CONFIG SET, CLIENT PAUSE, ...).
 *
 * Golden format: "# ..." comments, then per compared line two lines:
 *   > LINENO ESCAPED-SCRIPT-LINE
 *   < ESCAPED-NORMALISED-REPLY
 * An entry whose script line text differs from the script is "stale".
 *
 * Output: one FAIL block per mismatch, then "NAME: N passed, M failed" (plus
 * the known differences). Exit 0 when nothing failed, 1 otherwise, 2 on a
 * usage or I/O error.
 *
 * Must not know: Tern's internals. It talks to servers only over TCP.
 */
#include "rio.h"

#include "mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

enum mode { M_EXACT, M_SORT, M_SORTPAIRS, M_SCAN, M_TYPE, M_IGNORE };

/* One golden entry, indexed by script line number. */
struct gentry {
    char *cmd;   /* escaped script line, NULL when no entry */
    char *reply; /* escaped normalised reply */
};

struct runner {
    const char *host, *script, *name;
    int port, quiet_ms, timeout_ms, max_report, verbose;
    FILE *rec;             /* record mode: output file */
    struct gentry *golden; /* compare mode: entries by line */
    size_t ngolden;
    struct rconn c;
    int reconnect; /* reopen before the next line */
    char *known;   /* pending @known-diff reason (owned) */
    int passed, failed, knowns, recorded;
};

/* Print a FAIL block for line `lineno` (at most max_report in detail). */
static void report(struct runner *r, int lineno, const char *line, const char *why,
                   const char *expected, const char *actual)
{
    r->failed++;
    if (r->failed > r->max_report) {
        if (r->failed == r->max_report + 1)
            printf("  (further failures in %s not shown)\n", r->name);
        return;
    }
    printf("FAIL %s:%d: %s\n", r->script, lineno, line);
    if (why)
        printf("  %s\n", why);
    if (expected)
        printf("  expected: %.2000s%s\n", expected, strlen(expected) > 2000 ? "..." : "");
    if (actual)
        printf("  actual:   %.2000s%s\n", actual, strlen(actual) > 2000 ? "..." : "");
}

/* Open a fresh connection. Returns 0, or -1 (reported by the caller). */
static int reopen(struct runner *r)
{
    rconn_close(&r->c);
    r->reconnect = 0;
    return rconn_open(&r->c, r->host, r->port);
}

/* Send argv and read one reply into out. Returns 1 or a rconn_read_frame
 * failure code; -3 when the connection could not be (re)opened or written. */
static int roundtrip(struct runner *r, const struct rargv *a, struct rbuf *out)
{
    struct rbuf req = {0};
    if (r->c.fd < 0 && reopen(r) < 0)
        return -3;
    rio_encode_cmd(&req, a);
    int ok = rconn_send(&r->c, req.p, req.len);
    rbuf_free(&req);
    if (ok < 0)
        return -3;
    return rconn_read_frame(&r->c, out, r->timeout_ms);
}

static const char *fail_text(int code)
{
    switch (code) {
    case 0:
        return "<no reply: connection closed>";
    case -1:
        return "<no reply: timeout>";
    case -2:
        return "<invalid RESP from server>";
    default:
        return "<cannot connect or send>";
    }
}

/* A (pointer, length) span used for sorting reply elements. */
struct span {
    const char *p;
    size_t n;
};

static int span_cmp(const struct span *a, const struct span *b)
{
    size_t m = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->p, b->p, m);
    if (c)
        return c;
    return a->n < b->n ? -1 : a->n > b->n;
}

static int span_qcmp(const void *x, const void *y)
{
    return span_cmp(x, y);
}

/* Pairs are two consecutive spans compared key first. */
static int pair_qcmp(const void *x, const void *y)
{
    const struct span *a = x, *b = y;
    int c = span_cmp(&a[0], &b[0]);
    return c ? c : span_cmp(&a[1], &b[1]);
}

/* Normalise an aggregate reply by sorting its elements (pairs when
 * `pairs`). Non-aggregates, nulls and odd pair counts pass unchanged. The
 * result replaces *reply. O(n log n). */
static void sort_reply(struct rbuf *reply, int pairs)
{
    size_t hdr, *offs, *lens;
    long n = rio_frame_children(reply->p, reply->len, &hdr, &offs, &lens);
    if (n < 0)
        return;
    if (pairs && n % 2) {
        mem_free(offs);
        mem_free(lens);
        return;
    }
    struct span *sp = mem_alloc(sizeof(*sp) * (size_t)(n + 1));
    for (long i = 0; i < n; i++)
        sp[i] = (struct span){reply->p + offs[i], lens[i]};
    if (pairs)
        qsort(sp, (size_t)n / 2, 2 * sizeof(*sp), pair_qcmp);
    else
        qsort(sp, (size_t)n, sizeof(*sp), span_qcmp);
    struct rbuf out = {0};
    rbuf_append(&out, reply->p, hdr);
    for (long i = 0; i < n; i++)
        rbuf_append(&out, sp[i].p, sp[i].n);
    mem_free(sp);
    mem_free(offs);
    mem_free(lens);
    rbuf_free(reply);
    *reply = out;
}

/* Run a SCAN-family command to completion and put "scan N: e1 e2 ..." (the
 * sorted unique elements or pairs) into out. If any reply is not the usual
 * [cursor, [elements]] shape, out gets that reply instead. Returns 1 or a
 * roundtrip failure code. */
static int run_scan(struct runner *r, struct rargv *a, struct rbuf *out)
{
    int pairs = !strcasecmp(a->v[0].p, "hscan") || !strcasecmp(a->v[0].p, "zscan");
    size_t ci = !strcasecmp(a->v[0].p, "scan") ? 1 : 2;
    struct rbuf all = {0}; /* concatenated element frames */
    struct span *sp = NULL;
    size_t nsp = 0, capsp = 0;
    int rc = 1;
    if (a->n <= ci)
        return roundtrip(r, a, out);
    for (int iter = 0; iter < 100000; iter++) {
        struct rbuf rep = {0};
        size_t hdr, *offs, *lens, h2, *o2, *l2;
        rc = roundtrip(r, a, &rep);
        long n = rc == 1 ? rio_frame_children(rep.p, rep.len, &hdr, &offs, &lens) : -1;
        if (n != 2 || rep.p[offs[0]] != '$') {
            if (n >= 0) {
                mem_free(offs);
                mem_free(lens);
            }
            rbuf_clear(out);
            rbuf_append(out, rep.p, rep.len);
            rbuf_free(&rep);
            rbuf_free(&all);
            mem_free(sp);
            return rc;
        }
        long m = rio_frame_children(rep.p + offs[1], lens[1], &h2, &o2, &l2);
        for (long i = 0; i < m; i++) {
            /* remember offsets now; the base pointer is fixed up below */
            if (nsp == capsp) {
                capsp = capsp ? capsp * 2 : 64;
                sp = mem_realloc(sp, capsp * sizeof(*sp));
            }
            sp[nsp++] = (struct span){(const char *)(uintptr_t)all.len, l2[i]};
            rbuf_append(&all, rep.p + offs[1] + o2[i], l2[i]);
        }
        if (m >= 0) {
            mem_free(o2);
            mem_free(l2);
        }
        /* the cursor is the bulk string's payload */
        const char *cur = memchr(rep.p + offs[0], '\n', lens[0]) + 1;
        size_t curlen = lens[0] - (size_t)(cur - (rep.p + offs[0])) - 2;
        rbuf_clear(&a->v[ci]);
        rbuf_append(&a->v[ci], cur, curlen);
        mem_free(offs);
        mem_free(lens);
        rbuf_free(&rep);
        if (a->v[ci].len == 1 && a->v[ci].p[0] == '0')
            break;
    }
    for (size_t i = 0; i < nsp; i++)
        sp[i].p = all.p + (uintptr_t)sp[i].p;
    size_t unit = pairs ? 2 : 1, nunits = nsp / unit;
    if (nunits > 1) /* qsort(NULL, 0, ...) is undefined behaviour */
        qsort(sp, nunits, unit * sizeof(*sp), pairs ? pair_qcmp : span_qcmp);
    struct rbuf body = {0};
    size_t uniq = 0;
    for (size_t i = 0; i < nunits; i++) {
        struct span *u = &sp[i * unit];
        if (i > 0 && (pairs ? pair_qcmp(u, u - unit) : span_qcmp(u, u - 1)) == 0)
            continue;
        uniq++;
        for (size_t k = 0; k < unit; k++)
            rbuf_append(&body, u[k].p, u[k].n);
    }
    char head[64];
    snprintf(head, sizeof(head), "scan %zu: ", uniq);
    rbuf_clear(out);
    rbuf_puts(out, head);
    rbuf_append(out, body.p, body.len);
    rbuf_free(&body);
    rbuf_free(&all);
    mem_free(sp);
    return 1;
}

/* Load a golden file into r->golden. Returns 0 or -1. */
static int load_golden(struct runner *r, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "compat-runner: cannot open golden %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long cur = -1;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n >= 2 && line[0] == '>' && line[1] == ' ') {
            char *sp;
            cur = strtol(line + 2, &sp, 10);
            if (cur <= 0 || *sp != ' ') {
                cur = -1;
                continue;
            }
            if ((size_t)cur >= r->ngolden) {
                size_t nn = (size_t)cur * 2 + 16;
                r->golden = mem_realloc(r->golden, nn * sizeof(*r->golden));
                memset(r->golden + r->ngolden, 0, (nn - r->ngolden) * sizeof(*r->golden));
                r->ngolden = nn;
            }
            mem_free(r->golden[cur].cmd);
            r->golden[cur].cmd = mem_strdup(sp + 1);
        } else if (n >= 2 && line[0] == '<' && line[1] == ' ' && cur > 0) {
            mem_free(r->golden[cur].reply);
            r->golden[cur].reply = mem_strdup(line + 2);
            cur = -1;
        }
    }
    free(line); /* allocated by getline(), not by mem_alloc */
    fclose(f);
    return 0;
}

/* Record or compare the normalised reply `got` for script line `lineno`. */
static void check(struct runner *r, int lineno, const char *line, const char *got, size_t len)
{
    struct rbuf esc = {0}, cmd = {0};
    rio_escape(&esc, got, len);
    rio_escape(&cmd, line, strlen(line));
    rbuf_append(&esc, "", 0);
    if (r->rec) {
        fprintf(r->rec, "> %d %s\n< %s\n", lineno, cmd.p, esc.p);
        r->recorded++;
    } else {
        struct gentry *g = (size_t)lineno < r->ngolden ? &r->golden[lineno] : NULL;
        if (!g || !g->cmd || !g->reply) {
            report(r, lineno, line, "no golden entry for this line (re-record the golden)", NULL,
                   esc.p);
        } else if (strcmp(g->cmd, cmd.p) != 0) {
            report(r, lineno, line, "golden entry is stale (script line changed)", g->cmd, cmd.p);
        } else if (r->known) {
            r->knowns++;
            printf("KNOWN-DIFF %s:%d: %s (%s)%s\n", r->script, lineno, line, r->known,
                   strcmp(g->reply, esc.p) == 0 ? " [now matches: remove the marker]" : "");
        } else if (strcmp(g->reply, esc.p) != 0) {
            report(r, lineno, line, NULL, g->reply, esc.p);
        } else {
            r->passed++;
        }
    }
    rbuf_free(&esc);
    rbuf_free(&cmd);
}

/* Parse "@name rest": returns the directive's mode or -1 for
 * non-command directives, with *rest pointing after the word. */
static int directive(const char *line, const char **rest, const char **word_end)
{
    static const struct {
        const char *name;
        int mode;
    } tab[] = {{"@sort", M_SORT}, {"@sortpairs", M_SORTPAIRS}, {"@scan", M_SCAN},
               {"@type", M_TYPE}, {"@ignore", M_IGNORE},       {NULL, 0}};
    const char *e = line;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    *word_end = e;
    *rest = *e ? e + 1 : e;
    for (int i = 0; tab[i].name; i++)
        if ((size_t)(e - line) == strlen(tab[i].name) && !strncmp(line, tab[i].name, e - line))
            return tab[i].mode;
    return -1;
}

/* Run one command line in the given mode. */
static void run_command(struct runner *r, int lineno, const char *line, const char *cmdtext,
                        enum mode mode)
{
    struct rargv a = {0};
    struct rbuf rep = {0};
    if (rio_split(&a, cmdtext, strlen(cmdtext)) < 0 || a.n == 0) {
        report(r, lineno, line, "script error: unbalanced quotes or empty command", NULL, NULL);
        rargv_free(&a);
        return;
    }
    if (r->reconnect)
        reopen(r);
    int rc = mode == M_SCAN ? run_scan(r, &a, &rep) : roundtrip(r, &a, &rep);
    if (!strcasecmp(a.v[0].p, "quit"))
        r->reconnect = 1;
    if (rc != 1) {
        rbuf_clear(&rep);
        rbuf_puts(&rep, fail_text(rc));
        r->reconnect = 1;
    } else if (mode == M_SORT || mode == M_SORTPAIRS) {
        sort_reply(&rep, mode == M_SORTPAIRS);
    } else if (mode == M_TYPE) {
        char t[16];
        snprintf(t, sizeof(t), "type %c", rep.p[0]);
        rbuf_clear(&rep);
        rbuf_puts(&rep, t);
    }
    if (mode == M_IGNORE) {
        if (rc == 1) {
            r->passed++;
        } else {
            report(r, lineno, line, "no valid reply", NULL, rep.p);
        }
    } else {
        check(r, lineno, line, rep.p, rep.len);
    }
    mem_free(r->known);
    r->known = NULL;
    rargv_free(&a);
    rbuf_free(&rep);
}

/* @raw / @rawn: send escaped bytes, collect what comes back. */
static void run_raw(struct runner *r, int lineno, const char *line, const char *arg, int nreplies)
{
    struct rbuf bytes = {0}, got = {0};
    if (rio_unescape(&bytes, arg, strlen(arg)) < 0) {
        report(r, lineno, line, "script error: bad escape in @raw", NULL, NULL);
        return;
    }
    if (r->reconnect || r->c.fd < 0)
        reopen(r);
    if (r->c.fd < 0 || rconn_send(&r->c, bytes.p, bytes.len) < 0) {
        rbuf_puts(&got, fail_text(-3));
        r->reconnect = 1;
    } else if (nreplies > 0) {
        for (int i = 0; i < nreplies; i++) {
            int rc = rconn_read_frame(&r->c, &got, r->timeout_ms);
            if (rc != 1) {
                rbuf_puts(&got, fail_text(rc));
                r->reconnect = 1;
                break;
            }
        }
    } else {
        int closed = rconn_read_until_quiet(&r->c, &got, r->quiet_ms);
        rbuf_puts(&got, closed ? "<closed>" : "<open>");
        if (closed)
            r->reconnect = 1;
    }
    check(r, lineno, line, got.p, got.len);
    mem_free(r->known);
    r->known = NULL;
    rbuf_free(&bytes);
    rbuf_free(&got);
}

/* Handle one non-blank, non-comment script line. */
static void run_line(struct runner *r, int lineno, const char *line)
{
    const char *rest, *we;
    if (line[0] != '@') {
        run_command(r, lineno, line, line, M_EXACT);
        return;
    }
    int mode = directive(line, &rest, &we);
    size_t wl = (size_t)(we - line);
    if (mode >= 0) {
        run_command(r, lineno, line, rest, (enum mode)mode);
    } else if (wl == 11 && !strncmp(line, "@known-diff", wl)) {
        mem_free(r->known);
        r->known = mem_strdup(*rest ? rest : "unspecified");
    } else if (wl == 6 && !strncmp(line, "@sleep", wl)) {
        long ms = strtol(rest, NULL, 10);
        struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    } else if (wl == 10 && !strncmp(line, "@reconnect", wl)) {
        if (reopen(r) < 0)
            report(r, lineno, line, "cannot reconnect", NULL, NULL);
    } else if (wl == 6 && !strncmp(line, "@resp3", wl)) {
        run_command(r, lineno, line, "HELLO 3", M_IGNORE);
    } else if (wl == 4 && !strncmp(line, "@raw", wl)) {
        run_raw(r, lineno, line, rest, 0);
    } else if (wl == 5 && !strncmp(line, "@rawn", wl)) {
        char *end;
        long n = strtol(rest, &end, 10);
        if (n <= 0 || *end != ' ')
            report(r, lineno, line, "script error: @rawn N BYTES", NULL, NULL);
        else
            run_raw(r, lineno, line, end + 1, (int)n);
    } else {
        report(r, lineno, line, "script error: unknown directive", NULL, NULL);
    }
}

/* Play the whole script. Returns 0, or -1 if it could not start. */
static int run_script(struct runner *r)
{
    FILE *f = fopen(r->script, "r");
    if (!f) {
        fprintf(stderr, "compat-runner: cannot open %s: %s\n", r->script, strerror(errno));
        return -1;
    }
    struct rargv fa = {0};
    struct rbuf rep = {0};
    rio_split(&fa, "FLUSHALL", 8);
    int rc = roundtrip(r, &fa, &rep);
    rargv_free(&fa);
    if (rc != 1 || strcmp(rep.p, "+OK\r\n") != 0) {
        printf("FAIL %s: cannot start: %s\n", r->script, rc != 1 ? fail_text(rc) : rep.p);
        rbuf_free(&rep);
        fclose(f);
        r->failed++;
        return 0;
    }
    rbuf_free(&rep);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        run_line(r, lineno, p);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (r->verbose)
            fprintf(stderr, "%s:%d: %ld ms\n", r->script, lineno,
                    (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
    }
    free(line); /* allocated by getline() */
    fclose(f);
    return 0;
}

/* --free-port: print a port the kernel considers free (bind to port 0 and
 * read it back), for tools/run-tests.sh. Racy by nature; callers retry. */
static int print_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(sa);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
        return 2;
    printf("%d\n", ntohs(sa.sin_port));
    close(fd);
    return 0;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: compat-runner [--host H] --port P (--record FILE | --golden FILE)\n"
            "       [--quiet-ms MS] [--timeout-ms MS] [--max-report N] [--verbose] SCRIPT\n");
    exit(2);
}

/* Script base name without directory and extension, for the summary. */
static char *script_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    return mem_strndup(b, dot ? (size_t)(dot - b) : strlen(b));
}

int main(int argc, char **argv)
{
    struct runner r = {.host = "127.0.0.1",
                       .quiet_ms = 300,
                       .timeout_ms = 5000,
                       .max_report = 30,
                       .c = {.fd = -1}};
    const char *record = NULL, *golden = NULL;
    if (argc == 2 && !strcmp(argv[1], "--free-port"))
        return print_free_port();
    for (int i = 1; i < argc; i++) {
        int more = i + 1 < argc;
        if (!strcmp(argv[i], "--host") && more)
            r.host = argv[++i];
        else if (!strcmp(argv[i], "--port") && more)
            r.port = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--record") && more)
            record = argv[++i];
        else if (!strcmp(argv[i], "--golden") && more)
            golden = argv[++i];
        else if (!strcmp(argv[i], "--quiet-ms") && more)
            r.quiet_ms = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--timeout-ms") && more)
            r.timeout_ms = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--max-report") && more)
            r.max_report = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--verbose"))
            r.verbose = 1;
        else if (argv[i][0] != '-' && !r.script)
            r.script = argv[i];
        else
            usage();
    }
    if (!r.script || r.port <= 0 || !record == !golden)
        usage();
    char *name = script_name(r.script);
    r.name = name;
    if (record) {
        r.rec = fopen(record, "w");
        if (!r.rec) {
            fprintf(stderr, "compat-runner: cannot write %s: %s\n", record, strerror(errno));
            return 2;
        }
        fprintf(r.rec, "# Golden replies for %s (written by compat-runner --record)\n", name);
    } else if (load_golden(&r, golden) < 0) {
        return 2;
    }
    if (run_script(&r) < 0)
        return 2;
    if (r.rec) {
        if (fclose(r.rec) != 0)
            return 2;
        printf("%s: recorded %d replies%s\n", name, r.recorded,
               r.failed ? " (with script errors)" : "");
    } else {
        printf("%s: %d passed, %d failed", name, r.passed, r.failed);
        if (r.knowns)
            printf(" (%d known difference%s)", r.knowns, r.knowns == 1 ? "" : "s");
        printf("\n");
    }
    rconn_close(&r.c);
    rbuf_free(&r.c.in);
    for (size_t i = 0; i < r.ngolden; i++) {
        mem_free(r.golden[i].cmd);
        mem_free(r.golden[i].reply);
    }
    mem_free(r.golden);
    mem_free(r.known);
    mem_free(name);
    return r.failed ? 1 : 0;
}
