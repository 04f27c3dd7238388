/* notify_diff: the differential keyspace-notification test.
 *
 * Two servers (Debian's redis-server and Tern) get notify-keyspace-events
 * "KEA" (plus n and m in a second pass), a subscriber connection each that
 * runs PSUBSCRIBE __key*@*__:*, and the same command stream on a command
 * connection. After every command a marker is published on
 * "__keymark@0__:<step>" (it matches the pattern too), so the subscriber's
 * events are cut into per-command slices; each slice must match exactly:
 * same channels, same payloads, same order. Replies are compared as well
 * (a reply difference usually explains an event difference).
 *
 * The stream is a fixed corpus (strings, keys, expiry lazy and active,
 * lists, sets, hashes, zsets, blocking pops, SORT STORE, RENAME, MOVE, COPY,
 * RESTORE) followed by seeded random commands from templates.
 *
 * Usage: notify_diff --port-a N --port-b M [--seeds S] [--ops K] [--max-report R]
 * Prints "notify_diff: N passed, M failed" (one test per corpus pass and per
 * seed).
 *
 * Lines of the corpus: a command (Redis inline quoting), or a directive:
 *   @sleep MS       pause (active expiry)
 *   @block CMD      send CMD on the third (blocking) connection, do not wait
 *   @unblock        read and compare the blocked connection's reply
 *   @noreply CMD    run CMD, compare only its events (random replies)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mem.h"
#include "rio.h"

struct side {
    struct rconn cmd, sub, blk;
};

static int failures_in_run;
static int max_report = 5; /* detailed reports per run (--max-report) */

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Send one inline-quoted line as a RESP command. Returns 0 or -1. */
static int send_line(struct rconn *c, const char *line)
{
    struct rargv a = {0};
    if (rio_split(&a, line, strlen(line)) == -1 || a.n == 0) {
        rargv_free(&a);
        return -1;
    }
    struct rbuf out = {0};
    rio_encode_cmd(&out, &a);
    int r = rconn_send(c, out.p, out.len);
    rbuf_free(&out);
    rargv_free(&a);
    return r;
}

/* Send line and read one reply frame into out. Returns 1 on success. */
static int call(struct rconn *c, const char *line, struct rbuf *out)
{
    rbuf_clear(out);
    if (send_line(c, line) == -1)
        return 0;
    return rconn_read_frame(c, out, 5000) == 1;
}

/* The payload of the bulk string child at p[0..n). */
static void bulk_text(const char *p, size_t n, struct rbuf *out)
{
    const char *nl = memchr(p, '\n', n);
    if (p[0] != '$' || !nl) {
        rbuf_append(out, p, n);
        return;
    }
    long len = atol(p + 1);
    if (len < 0)
        rbuf_puts(out, "(nil)");
    else
        rbuf_append(out, nl + 1, (size_t)len);
}

/* Read events from the subscriber until the marker for step arrives; append
 * "channel -> payload" lines to out. Returns 1, or 0 on timeout/EOF. */
static int read_events(struct rconn *sub, int step, struct rbuf *out)
{
    char mark[64];
    snprintf(mark, sizeof(mark), "__keymark@0__:%d", step);
    struct rbuf f = {0}, ch = {0};
    int ok = 0;
    for (;;) {
        rbuf_clear(&f);
        if (rconn_read_frame(sub, &f, 5000) != 1)
            break;
        size_t hdr, *offs = NULL, *lens = NULL;
        long k = rio_frame_children(f.p, f.len, &hdr, &offs, &lens);
        if (k == 4) {
            rbuf_clear(&ch);
            bulk_text(f.p + offs[2], lens[2], &ch);
            if (ch.len == strlen(mark) && memcmp(ch.p, mark, ch.len) == 0) {
                mem_free(offs);
                mem_free(lens);
                ok = 1;
                break;
            }
            rio_escape(out, ch.p, ch.len);
            rbuf_puts(out, " -> ");
            rbuf_clear(&ch);
            bulk_text(f.p + offs[3], lens[3], &ch);
            rio_escape(out, ch.p, ch.len);
            rbuf_puts(out, "\n");
        } else {
            rbuf_puts(out, "unexpected frame: ");
            rio_escape(out, f.p, f.len);
            rbuf_puts(out, "\n");
        }
        mem_free(offs);
        mem_free(lens);
    }
    rbuf_free(&f);
    rbuf_free(&ch);
    return ok;
}

static void report(int step, const char *line, const char *what, const struct rbuf *a,
                   const struct rbuf *b)
{
    failures_in_run++;
    if (failures_in_run > max_report)
        return;
    printf("  step %d: %s\n    %s differ\n    redis:\n", step, line, what);
    printf("%s", a->len ? a->p : "      (none)\n");
    printf("    tern:\n%s", b->len ? b->p : "      (none)\n");
}

static void escaped(struct rbuf *dst, const struct rbuf *src)
{
    rbuf_clear(dst);
    rbuf_puts(dst, "      ");
    rio_escape(dst, src->p, src->len);
    rbuf_puts(dst, "\n");
}

/* Run one line on both sides and compare reply and event slice. Returns 0,
 * or -1 if a connection failed (the run cannot continue). */
static int step_line(struct side s[2], int step, const char *line)
{
    struct rbuf r[2] = {{0}}, ev[2] = {{0}}, t[2] = {{0}};
    int rc = 0;
    if (strncmp(line, "@sleep ", 7) == 0) {
        sleep_ms(atoi(line + 7));
    } else if (strncmp(line, "@block ", 7) == 0) {
        for (int i = 0; i < 2; i++)
            if (send_line(&s[i].blk, line + 7) == -1)
                rc = -1;
        sleep_ms(30); /* let both servers block it */
    } else if (strcmp(line, "@unblock") == 0) {
        for (int i = 0; i < 2; i++)
            if (rconn_read_frame(&s[i].blk, &r[i], 5000) != 1)
                rc = -1;
        if (!rc && !rbuf_eq(&r[0], &r[1])) {
            escaped(&t[0], &r[0]);
            escaped(&t[1], &r[1]);
            report(step, line, "blocked replies", &t[0], &t[1]);
        }
    } else {
        /* "@noreply CMD": a command with a random reply (SPOP, RANDOMKEY);
         * only its events are compared. */
        int noreply = strncmp(line, "@noreply ", 9) == 0;
        for (int i = 0; i < 2; i++)
            if (!call(&s[i].cmd, noreply ? line + 9 : line, &r[i]))
                rc = -1;
        if (!rc && !noreply && !rbuf_eq(&r[0], &r[1])) {
            escaped(&t[0], &r[0]);
            escaped(&t[1], &r[1]);
            report(step, line, "replies", &t[0], &t[1]);
        }
    }
    char pub[96];
    snprintf(pub, sizeof(pub), "PUBLISH __keymark@0__:%d m", step);
    for (int i = 0; i < 2 && !rc; i++) {
        struct rbuf tmp = {0};
        if (!call(&s[i].cmd, pub, &tmp) || !read_events(&s[i].sub, step, &ev[i]))
            rc = -1;
        rbuf_free(&tmp);
    }
    if (!rc && !rbuf_eq(&ev[0], &ev[1]))
        report(step, line, "events", &ev[0], &ev[1]);
    if (rc)
        printf("  step %d: %s: connection failed or timed out\n", step, line);
    for (int i = 0; i < 2; i++) {
        rbuf_free(&r[i]);
        rbuf_free(&ev[i]);
        rbuf_free(&t[i]);
    }
    return rc;
}

/* Connect all three connections of a side, set the event classes and
 * subscribe. Returns 0 or -1. */
static int side_open(struct side *s, int port, const char *classes)
{
    memset(s, 0, sizeof(*s));
    s->cmd.fd = s->sub.fd = s->blk.fd = -1;
    if (rconn_open(&s->cmd, "127.0.0.1", port) || rconn_open(&s->sub, "127.0.0.1", port) ||
        rconn_open(&s->blk, "127.0.0.1", port))
        return -1;
    struct rbuf r = {0};
    char cfg[96];
    snprintf(cfg, sizeof(cfg), "CONFIG SET notify-keyspace-events %s", classes);
    int ok = call(&s->cmd, "FLUSHALL", &r) && call(&s->cmd, cfg, &r) &&
             call(&s->sub, "PSUBSCRIBE __key*@*__:*", &r);
    rbuf_free(&r);
    return ok ? 0 : -1;
}

static void side_close(struct side *s)
{
    struct rbuf r = {0};
    call(&s->cmd, "CONFIG SET notify-keyspace-events \"\"", &r);
    rbuf_free(&r);
    rconn_close(&s->cmd);
    rconn_close(&s->sub);
    rconn_close(&s->blk);
}

#include "notify_diff_corpus.h"

/* xorshift64*, as random_diff. */
static unsigned long long rng;
static int pick(int n)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (int)((rng * 2685821657736338717ULL) % (unsigned long long)n);
}

/* Expand a template: {k} a key of the same family, {K} any key, {v} a value,
 * {n} a small integer, {f} a field/member. */
static void expand(const char *tpl, char *out, size_t cap)
{
    static const char *const vals[] = {"a", "b", "c", "1", "2", "10", "x y", "-3", "1.5"};
    static const char *const anykeys[] = {"s1", "s2", "l1", "l2", "h1", "z1", "z2", "t1", "nokey"};
    size_t n = 0;
    char fam = tpl[0];
    for (const char *p = tpl + 2; *p && n + 16 < cap; p++) {
        if (p[0] == '{' && p[1] && p[2] == '}') {
            char c = p[1];
            if (c == 'k')
                n += (size_t)snprintf(out + n, cap - n, "%c%d", fam, 1 + pick(2));
            else if (c == 'K')
                n += (size_t)snprintf(out + n, cap - n, "%s", anykeys[pick(9)]);
            else if (c == 'v')
                n += (size_t)snprintf(out + n, cap - n, "\"%s\"", vals[pick(9)]);
            else if (c == 'n')
                n += (size_t)snprintf(out + n, cap - n, "%d", pick(5) - 1);
            else if (c == 'f')
                n += (size_t)snprintf(out + n, cap - n, "m%d", pick(4));
            p += 2;
            continue;
        }
        out[n++] = *p;
    }
    out[n] = '\0';
}

static int run_lines(int port_a, int port_b, const char *classes, const char *const *lines,
                     int nlines, const char *name)
{
    struct side s[2];
    failures_in_run = 0;
    if (side_open(&s[0], port_a, classes) || side_open(&s[1], port_b, classes)) {
        printf("%s: could not connect/subscribe\n", name);
        return 0;
    }
    int ok = 1;
    for (int i = 0; i < nlines; i++) {
        if (step_line(s, i, lines[i]) == -1) {
            ok = 0;
            break;
        }
    }
    side_close(&s[0]);
    side_close(&s[1]);
    if (failures_in_run)
        printf("%s: FAIL (%d differing steps)\n", name, failures_in_run);
    return ok && failures_in_run == 0;
}

int main(int argc, char **argv)
{
    struct diff_opts o = {.seeds = 10, .ops = 300, .max_report = max_report};
    if (diff_parse_args(argc, argv, &o) < 0) {
        fprintf(stderr, "usage: notify_diff --port-a N --port-b M [--seeds S] [--ops K]\n");
        return 2;
    }
    int port_a = o.port_a, port_b = o.port_b, seeds = o.seeds, ops = o.ops;
    max_report = o.max_report;
    int passed = 0, failed = 0;
    int ncorpus = (int)(sizeof(corpus) / sizeof(corpus[0]));
    const char *const passes[][2] = {{"KEA", "corpus KEA"},
                                     {"KEAnm", "corpus KEAnm"},
                                     {"Kgx", "corpus Kgx"},
                                     {"E$lshz", "corpus E$lshz"}};
    for (size_t p = 0; p < sizeof(passes) / sizeof(passes[0]); p++) {
        if (run_lines(port_a, port_b, passes[p][0], corpus, ncorpus, passes[p][1]))
            passed++;
        else
            failed++;
    }
    int ntpl = (int)(sizeof(templates) / sizeof(templates[0]));
    char **lines = mem_alloc((size_t)ops * sizeof(*lines));
    for (int seed = 1; seed <= seeds; seed++) {
        rng = 0x9E3779B97F4A7C15ULL * (unsigned long long)seed;
        for (int i = 0; i < ops; i++) {
            lines[i] = mem_alloc(512);
            expand(templates[pick(ntpl)], lines[i], 512);
        }
        char name[32];
        snprintf(name, sizeof(name), "seed %d", seed);
        if (run_lines(port_a, port_b, "KEAnm", (const char *const *)lines, ops, name))
            passed++;
        else
            failed++;
        for (int i = 0; i < ops; i++)
            mem_free(lines[i]);
    }
    mem_free(lines);
    printf("notify_diff: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
