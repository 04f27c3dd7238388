/*
 * itest_random.c - random sampling commands on hashtable-sized collections.
 *
 * Every member must be equally likely: a chi-square statistic over many
 * picks stays under a generous bound (about ten standard deviations above
 * its mean, so a fair server essentially never fails; picking a bucket and
 * then a member of its chain, as Tern once did, scores in the thousands).
 * - HRANDFIELD / SRANDMEMBER / ZRANDMEMBER with a negative count, with no
 *   count, and RANDOMKEY;
 * - positive counts below a third of the size and above it: distinct
 *   members of the collection, uniform over many calls;
 * - SPOP with a small count and with most of the set: distinct members,
 *   removed, the rest left, uniform over many runs.
 * Unlike most itests this one fails against redis-server 7.0.15 on purpose:
 * its "fair" random pick (a random member of a few neighbouring buckets)
 * is biased too, chi-square in the thousands at these sizes. Tern's
 * sdict_random is exactly uniform (see sdict.c).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define K 200 /* members; hashes and sorted sets are made hashtable / skiplist */

/* Fill hash h, set s and sorted set z with K members "m:<i>" (the hash
 * value of m:<i> is v:<i>), and K plain keys "k:<i>". */
static void fill(redisContext *c)
{
    freeReplyObject(redisCommand(c, "CONFIG SET hash-max-listpack-entries 16"));
    freeReplyObject(redisCommand(c, "CONFIG SET zset-max-listpack-entries 16"));
    for (int i = 0; i < K; i++) {
        redisAppendCommand(c, "HSET h m:%d v:%d", i, i);
        redisAppendCommand(c, "SADD s m:%d", i);
        redisAppendCommand(c, "ZADD z %d m:%d", i, i);
        redisAppendCommand(c, "SET k:%d x", i);
    }
    for (int i = 0; i < 4 * K; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        assert_int_not_equal(r->type, REDIS_REPLY_ERROR);
        freeReplyObject(r);
    }
    redisReply *r = redisCommand(c, "OBJECT ENCODING h");
    assert_string_equal(r->str, "hashtable");
    freeReplyObject(r);
    r = redisCommand(c, "OBJECT ENCODING z");
    assert_string_equal(r->str, "skiplist");
    freeReplyObject(r);
}

/* Index of member "m:<i>" or key "k:<i>" (asserts the shape). */
static int member_index(const redisReply *e)
{
    assert_int_equal(e->type, REDIS_REPLY_STRING);
    assert_true(e->len > 2 && (e->str[0] == 'm' || e->str[0] == 'k') && e->str[1] == ':');
    int i = atoi(e->str + 2);
    assert_true(i >= 0 && i < K);
    return i;
}

static void assert_uniform(const int *counts, const char *what)
{
    long total = 0;
    for (int i = 0; i < K; i++)
        total += counts[i];
    double expect = (double)total / K, chi = 0, df = K - 1;
    for (int i = 0; i < K; i++)
        chi += (counts[i] - expect) * (counts[i] - expect) / expect;
    if (chi >= df + 10 * sqrt(2 * df))
        fail_msg("%s: chi-square %.1f over %d members, %ld picks", what, chi, K, total);
}

/* Tally the members of an array reply (every stride-th element). If
 * distinct, assert no member repeats within the reply. */
static void tally(const redisReply *r, size_t stride, int *counts, int distinct)
{
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    char seen[K] = {0};
    for (size_t j = 0; j < r->elements; j += stride) {
        int i = member_index(r->element[j]);
        if (distinct) {
            assert_int_equal(seen[i], 0);
            seen[i] = 1;
        }
        counts[i]++;
    }
}

static void test_negative_counts(void **state)
{
    redisContext *c = hs_connect(*state);
    fill(c);
    const char *cmds[] = {"HRANDFIELD h -40000", "HRANDFIELD h -40000 WITHVALUES",
                          "SRANDMEMBER s -40000", "ZRANDMEMBER z -40000",
                          "ZRANDMEMBER z -40000 WITHSCORES"};
    for (size_t n = 0; n < sizeof(cmds) / sizeof(cmds[0]); n++) {
        int counts[K] = {0};
        redisReply *r = redisCommand(c, cmds[n]);
        size_t stride = strstr(cmds[n], "WITH") ? 2 : 1;
        assert_int_equal(r->elements, 40000 * stride);
        tally(r, stride, counts, 0);
        if (strstr(cmds[n], "WITHVALUES"))
            for (size_t j = 0; j < r->elements; j += 2)
                assert_int_equal(atoi(r->element[j + 1]->str + 2), member_index(r->element[j]));
        freeReplyObject(r);
        assert_uniform(counts, cmds[n]);
    }
}

/* count picks by pipelining the command n times, one reply each. */
static void single_picks(redisContext *c, const char *cmd, int n, int *counts)
{
    for (int i = 0; i < n; i++)
        redisAppendCommand(c, cmd);
    for (int i = 0; i < n; i++) {
        redisReply *r;
        assert_int_equal(redisGetReply(c, (void **)&r), REDIS_OK);
        counts[member_index(r)]++;
        freeReplyObject(r);
    }
}

static void test_single_picks(void **state)
{
    redisContext *c = hs_connect(*state);
    fill(c);
    const char *cmds[] = {"HRANDFIELD h", "SRANDMEMBER s", "ZRANDMEMBER z"};
    for (size_t n = 0; n < sizeof(cmds) / sizeof(cmds[0]); n++) {
        int counts[K] = {0};
        single_picks(c, cmds[n], 20000, counts);
        assert_uniform(counts, cmds[n]);
    }
    /* RANDOMKEY over the keyspace: only the K plain keys. */
    redisReply *r = redisCommand(c, "DEL h s z");
    freeReplyObject(r);
    int counts[K] = {0};
    single_picks(c, "RANDOMKEY", 20000, counts);
    assert_uniform(counts, "RANDOMKEY");
}

/* Positive counts: below a third of the size (draw and drop repeats) and
 * above it (a shuffle). */
static void test_positive_counts(void **state)
{
    redisContext *c = hs_connect(*state);
    fill(c);
    const char *fmts[] = {"HRANDFIELD h %d", "SRANDMEMBER s %d", "ZRANDMEMBER z %d"};
    const int sizes[] = {10, 150};
    for (size_t n = 0; n < 3; n++)
        for (size_t z = 0; z < 2; z++) {
            int counts[K] = {0};
            for (int rep = 0; rep < 40000 / sizes[z]; rep++) {
                redisReply *r = redisCommand(c, fmts[n], sizes[z]);
                assert_int_equal(r->elements, (size_t)sizes[z]);
                tally(r, 1, counts, 1);
                freeReplyObject(r);
            }
            char what[64];
            snprintf(what, sizeof(what), fmts[n], sizes[z]);
            assert_uniform(counts, what);
        }
}

/* SPOP s count on fresh sets, small and most-of-the-set counts: distinct
 * popped members, gone from the set, the others still there. */
static void test_spop_counts(void **state)
{
    redisContext *c = hs_connect(*state);
    const int sizes[] = {10, 150};
    for (size_t z = 0; z < 2; z++) {
        int counts[K] = {0};
        for (int rep = 0; rep < 40000 / sizes[z]; rep++) {
            for (int i = 0; i < K; i++)
                redisAppendCommand(c, "SADD s m:%d", i);
            for (int i = 0; i < K; i++) {
                redisReply *a;
                assert_int_equal(redisGetReply(c, (void **)&a), REDIS_OK);
                freeReplyObject(a);
            }
            redisReply *r = redisCommand(c, "SPOP s %d", sizes[z]);
            assert_int_equal(r->type, REDIS_REPLY_ARRAY);
            assert_int_equal(r->elements, (size_t)sizes[z]);
            int before[K];
            memcpy(before, counts, sizeof(before));
            tally(r, 1, counts, 1);
            freeReplyObject(r);
            r = redisCommand(c, "SMEMBERS s");
            assert_int_equal(r->elements, (size_t)(K - sizes[z]));
            for (size_t j = 0; j < r->elements; j++) /* left: never popped now */
                assert_int_equal(counts[member_index(r->element[j])],
                                 before[member_index(r->element[j])]);
            freeReplyObject(r);
            freeReplyObject(redisCommand(c, "DEL s"));
        }
        assert_uniform(counts, sizes[z] == 10 ? "SPOP s 10" : "SPOP s 150");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_negative_counts, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_single_picks, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_positive_counts, hs_setup, hs_teardown),
        cmocka_unit_test_setup_teardown(test_spop_counts, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
