/*
 * itest_latency.c - latency-tracking: per-command histograms.
 *
 * - LATENCY HISTOGRAM: a map of command -> {calls, histogram_usec}; calls is
 *   the number of calls made; bucket bounds and cumulative counts strictly
 *   increase and the last count is the call count; subcommands are named
 *   "config|get", a container names all its timed subcommands, unknown or
 *   never-called commands are skipped; RESP3 gives maps.
 * - INFO latencystats: one latency_percentiles_usec_<cmd> line per timed
 *   command with p50/p99/p99.9 as "%.3f", non-decreasing; the section is in
 *   INFO everything (after Errorstats) but not in the default INFO.
 * - latency-tracking no stops recording (and empties the INFO section);
 *   CONFIG RESETSTAT drops the histograms, LATENCY RESET does not.
 * - latency-tracking-info-percentiles: CONFIG GET formatting and Redis's
 *   exact errors.
 * Passes against redis-server 7.0 too (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define ok(c, ...) assert_int_equal(hs_cmd_expect((c), "OK", __VA_ARGS__), 0)

static void run_n(redisContext *c, int n, const char *fmt)
{
    for (int i = 0; i < n; i++)
        assert_int_equal(redisAppendCommand(c, fmt, i), REDIS_OK);
    for (int i = 0; i < n; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        assert_int_not_equal(r->type, REDIS_REPLY_ERROR);
        freeReplyObject(r);
    }
}

/* The {calls, histogram_usec} element for name in a LATENCY HISTOGRAM
 * reply (map or flat array), or NULL. */
static const redisReply *entry(const redisReply *r, const char *name)
{
    for (size_t i = 0; i + 1 < r->elements; i += 2)
        if (strcmp(r->element[i]->str, name) == 0)
            return r->element[i + 1];
    return NULL;
}

/* Check one entry's shape; return its calls. */
static long long check_entry(const redisReply *e)
{
    assert_non_null(e);
    assert_int_equal(e->type, REDIS_REPLY_ARRAY);
    assert_int_equal(e->elements, 4);
    assert_string_equal(e->element[0]->str, "calls");
    long long calls = e->element[1]->integer;
    assert_string_equal(e->element[2]->str, "histogram_usec");
    const redisReply *h = e->element[3];
    assert_int_equal(h->type, REDIS_REPLY_ARRAY);
    assert_true(h->elements >= 2 && h->elements % 2 == 0);
    long long pb = -1, pc = 0;
    for (size_t i = 0; i < h->elements; i += 2) {
        assert_int_equal(h->element[i]->type, REDIS_REPLY_INTEGER);
        assert_true(h->element[i]->integer > pb);
        assert_true(h->element[i + 1]->integer > pc);
        pb = h->element[i]->integer;
        pc = h->element[i + 1]->integer;
    }
    assert_int_equal(pc, calls);
    return calls;
}

static void test_histogram(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    ok(c, "CONFIG RESETSTAT");
    run_n(c, 37, "SET k%d v");
    run_n(c, 5, "GET k%d");
    ok(c, "CONFIG SET maxmemory 0");
    freeReplyObject(redisCommand(c, "CONFIG GET maxmemory"));

    redisReply *r = redisCommand(c, "LATENCY HISTOGRAM set nosuch get lpush get|x");
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 4);
    assert_int_equal(check_entry(entry(r, "set")), 37);
    assert_int_equal(check_entry(entry(r, "get")), 5);
    freeReplyObject(r);

    r = redisCommand(c, "LATENCY HISTOGRAM config");
    assert_int_equal(r->elements, 6); /* get, set and the RESETSTAT above */
    assert_int_equal(check_entry(entry(r, "config|resetstat")), 1);
    assert_int_equal(check_entry(entry(r, "config|get")), 1);
    assert_int_equal(check_entry(entry(r, "config|set")), 1);
    freeReplyObject(r);
    r = redisCommand(c, "LATENCY HISTOGRAM CONFIG|GET");
    assert_int_equal(r->elements, 2);
    assert_string_equal(r->element[0]->str, "config|get");
    freeReplyObject(r);

    /* No argument: every timed command, among them the earlier ones. */
    r = redisCommand(c, "LATENCY HISTOGRAM");
    assert_true(r->elements >= 10);
    for (size_t i = 0; i < r->elements; i += 2)
        assert_true(check_entry(r->element[i + 1]) > 0);
    assert_non_null(entry(r, "config|resetstat"));
    assert_non_null(entry(r, "latency|histogram"));
    assert_null(entry(r, "lpush"));
    freeReplyObject(r);

    /* RESP3 (this hiredis has no maps: raw bytes): maps all the way down. */
    int fd = hs_raw_connect(s, 0);
    assert_true(fd >= 0);
    assert_int_equal(hs_send_str(fd, "HELLO 3\r\nLATENCY HISTOGRAM set\r\n"
                                     "LATENCY HISTOGRAM nosuch\r\n"),
                     0);
    char buf[8192];
    long n = hs_read_until(fd, buf, sizeof(buf) - 1, "%0\r\n", 2000);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_non_null(strstr(buf, "%1\r\n$3\r\nset\r\n%2\r\n$5\r\ncalls\r\n:37\r\n"
                                "$14\r\nhistogram_usec\r\n%"));
}

/* The INFO text for section (caller frees). */
static char *info(redisContext *c, const char *section)
{
    redisReply *r = redisCommand(c, "INFO %s", section);
    assert_true(r->type == REDIS_REPLY_STRING);
    char *t = strdup(r->str);
    freeReplyObject(r);
    return t;
}

/* Parse the latencystats line of cmd: 1 and p[0..2] if present. */
static int percentiles(const char *text, const char *cmd, double p[3])
{
    char key[128];
    snprintf(key, sizeof(key), "\nlatency_percentiles_usec_%s:", cmd);
    const char *at = strstr(text, key);
    if (!at)
        return 0;
    at += strlen(key);
    char f[3][32];
    assert_int_equal(sscanf(at, "p50=%31[0-9.],p99=%31[0-9.],p99.9=%31[0-9.]\r", f[0], f[1], f[2]),
                     3);
    for (int i = 0; i < 3; i++) {
        const char *dot = strchr(f[i], '.');
        assert_non_null(dot);
        assert_int_equal(strlen(dot), 4); /* three decimals */
        p[i] = strtod(f[i], NULL);
    }
    return 1;
}

static void test_info(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    ok(c, "CONFIG RESETSTAT");
    run_n(c, 50, "SET k%d v");
    run_n(c, 3, "LPUSH l %d");
    char *t = info(c, "latencystats");
    assert_non_null(strstr(t, "# Latencystats\r\n"));
    double p[3];
    assert_true(percentiles(t, "set", p));
    assert_true(p[0] > 0 && p[0] <= p[1] && p[1] <= p[2]);
    assert_true(percentiles(t, "lpush", p));
    assert_true(percentiles(t, "config|resetstat", p));
    assert_false(percentiles(t, "get", p));
    free(t);

    t = info(c, "");
    assert_null(strstr(t, "# Latencystats"));
    assert_null(strstr(t, "# Commandstats"));
    free(t);
    t = info(c, "everything");
    char *err = strstr(t, "# Errorstats"), *lat = strstr(t, "# Latencystats");
    char *clu = strstr(t, "# Cluster");
    assert_true(err && lat && clu && err < lat && lat < clu);
    free(t);
    t = info(c, "all");
    assert_non_null(strstr(t, "latency_percentiles_usec_set:"));
    free(t);

    ok(c, "CONFIG SET latency-tracking-info-percentiles %s", "0 12.5 100");
    t = info(c, "latencystats");
    char *line = strstr(t, "latency_percentiles_usec_set:p0=");
    assert_non_null(line);
    assert_non_null(strstr(line, ",p12.5="));
    assert_non_null(strstr(line, ",p100="));
    free(t);
    ok(c, "CONFIG SET latency-tracking-info-percentiles %s", "");
    t = info(c, "latencystats");
    assert_non_null(strstr(t, "latency_percentiles_usec_set:\r\n"));
    free(t);
    ok(c, "CONFIG SET latency-tracking-info-percentiles %s", "50 99 99.9");
}

static long long calls_of(redisContext *c, const char *cmd)
{
    redisReply *r = redisCommand(c, "LATENCY HISTOGRAM %s", cmd);
    long long n = r->elements ? check_entry(r->element[1]) : 0;
    freeReplyObject(r);
    return n;
}

static void test_toggle_and_reset(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    ok(c, "CONFIG RESETSTAT");
    run_n(c, 4, "INCR n%d");
    assert_int_equal(calls_of(c, "incr"), 4);

    ok(c, "CONFIG SET latency-tracking no");
    redisReply *g = redisCommand(c, "CONFIG GET latency-tracking");
    assert_int_equal(g->elements, 2);
    assert_string_equal(g->element[1]->str, "no");
    freeReplyObject(g);
    run_n(c, 6, "INCR n%d");
    assert_int_equal(calls_of(c, "incr"), 4);
    char *t = info(c, "latencystats");
    assert_string_equal(t, "# Latencystats\r\n");
    free(t);
    ok(c, "CONFIG SET latency-tracking yes");
    run_n(c, 1, "INCR n%d");
    assert_int_equal(calls_of(c, "incr"), 5);

    /* LATENCY RESET is the monitor's: histograms stay. */
    redisReply *r = redisCommand(c, "LATENCY RESET");
    assert_int_equal(r->type, REDIS_REPLY_INTEGER);
    freeReplyObject(r);
    assert_int_equal(calls_of(c, "incr"), 5);

    ok(c, "CONFIG RESETSTAT");
    assert_int_equal(calls_of(c, "incr"), 0);
    r = redisCommand(c, "LATENCY HISTOGRAM");
    /* Only what ran since: CONFIG RESETSTAT itself (timed after it ran)
     * and the LATENCY HISTOGRAM of calls_of. */
    assert_int_equal(r->elements, 4);
    assert_int_equal(check_entry(entry(r, "config|resetstat")), 1);
    assert_int_equal(check_entry(entry(r, "latency|histogram")), 1);
    freeReplyObject(r);
}

static void expect_reply(redisContext *c, const char *value, const char *want)
{
    redisReply *r = redisCommand(c, "CONFIG SET latency-tracking-info-percentiles %s", value);
    assert_non_null(r);
    assert_string_equal(r->str, want);
    freeReplyObject(r);
}

static void test_config(void **state)
{
    struct hserver *s = *state;
    redisContext *c = hs_connect(s);
    redisReply *r = redisCommand(c, "CONFIG GET latency-tracking-info-percentiles");
    assert_int_equal(r->elements, 2);
    assert_string_equal(r->element[1]->str, "50 99 99.9");
    freeReplyObject(r);
    expect_reply(c, "0 12.345678 99.99999 100 1e1", "OK");
    r = redisCommand(c, "CONFIG GET latency-tracking-info-percentiles");
    assert_string_equal(r->element[1]->str, "0 12.345678 99.99999 100 10");
    freeReplyObject(r);
    expect_reply(c, "50 abc",
                 "ERR CONFIG SET failed (possibly related to argument "
                 "'latency-tracking-info-percentiles') - Invalid "
                 "latency-tracking-info-percentiles parameters");
    expect_reply(c, "50 101",
                 "ERR CONFIG SET failed (possibly related to argument "
                 "'latency-tracking-info-percentiles') - latency-tracking-info-percentiles "
                 "parameters should sit between [0.0,100.0]");
    expect_reply(c, "-1",
                 "ERR CONFIG SET failed (possibly related to argument "
                 "'latency-tracking-info-percentiles') - latency-tracking-info-percentiles "
                 "parameters should sit between [0.0,100.0]");
    r = redisCommand(c, "CONFIG SET latency-tracking maybe");
    assert_string_equal(r->str, "ERR CONFIG SET failed (possibly related to argument "
                                "'latency-tracking') - argument must be 'yes' or 'no'");
    freeReplyObject(r);
    expect_reply(c, "50 99 99.9", "OK");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_histogram, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_info, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_toggle_and_reset, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_config, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
