/* random_diff: the randomized differential test.
 *
 * Sends the same pseudo-random command stream to two servers (Debian's
 * redis-server and Tern) and compares every reply byte for byte. The stream
 * is a pure function of the seed, so a failure is reproduced by rerunning
 * the seed, and it prints the commands leading up to the mismatch.
 *
 * Usage: random_diff --port-a N --port-b M [--seeds S] [--ops K] [--first F]
 *                    [--group strings|keys|sets|hashes|lists|zsets|bitmaps|all]
 * Prints "random_diff: N passed, M failed" (one test per seed).
 *
 * The stream avoids what is nondeterministic by nature: relative TTLs are
 * long (nothing expires during a run) and are never read back with TTL/PTTL;
 * absolute expiries use fixed timestamps (EXPIRETIME reads them exactly);
 * unordered replies (KEYS) are compared after sorting their elements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "rio.h"

/* xorshift64*: small, deterministic, good enough for test streams. */
static unsigned long long rng_state;
static unsigned long long rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}
static int pick(int n)
{
    return (int)(rnd() % (unsigned long long)n);
}

static const char NUL_VALUE[] = "a\x00z";
static const char *const values[] = {
    "",
    "0",
    "1",
    "-1",
    "7",
    "10",
    "123",
    "-0",
    "007",
    "+5",
    " 1",
    "1 ",
    "3.5",
    "-2.25",
    "1e3",
    "0x10",
    "inf",
    "-inf",
    "nan",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "18446744073709551615",
    "abc",
    "hello world",
    NUL_VALUE,
    "\xff\xfe",
    "12345678901234567890",
    "0.1",
    "1.5e308",
    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHI",
    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor",
};
#define NVALUES (sizeof(values) / sizeof(values[0]))

static const char *const ints[] = {"0",
                                   "1",
                                   "-1",
                                   "2",
                                   "5",
                                   "-5",
                                   "100",
                                   "-100",
                                   "9223372036854775807",
                                   "-9223372036854775808",
                                   "abc",
                                   "1.5",
                                   "",
                                   "3"};
#define NINTS (sizeof(ints) / sizeof(ints[0]))

static void arg(struct rargv *a, const char *s, size_t n)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        a->v = mem_realloc(a->v, a->cap * sizeof(*a->v));
    }
    memset(&a->v[a->n], 0, sizeof(a->v[0]));
    rbuf_append(&a->v[a->n], s, n);
    a->n++;
}
static void args(struct rargv *a, const char *s)
{
    arg(a, s, strlen(s));
}
static void key(struct rargv *a)
{
    char k[8];
    snprintf(k, sizeof(k), "k%d", pick(6));
    args(a, k);
}
static void value(struct rargv *a)
{
    const char *v = values[pick((int)NVALUES)];
    /* NUL_VALUE has an embedded NUL: give its real length. */
    arg(a, v, v == NUL_VALUE ? 3 : strlen(v));
}
static void integer(struct rargv *a)
{
    args(a, ints[pick((int)NINTS)]);
}
static void num(struct rargv *a, int lo, int hi)
{
    char b[24];
    snprintf(b, sizeof(b), "%d", lo + pick(hi - lo + 1));
    args(a, b);
}
/* Absolute times: past ones (only where the command deletes the key at
 * once, as EXPIREAT does; a SET ... EXAT in the past leaves an expired key
 * that DBSIZE counts until active expiry runs, which is timing) or far
 * future ones. */
static void abstime_ex(struct rargv *a, int ms, int allow_past)
{
    static const char *const secs[] = {"1", "1000000000", "4000000000", "4100000000", "4200000000"};
    static const char *const msecs[] = {"1", "1000000000000", "4000000000000", "4100000000123",
                                        "4200000000999"};
    int i = allow_past ? pick(5) : 2 + pick(3);
    args(a, ms ? msecs[i] : secs[i]);
}
static void abstime(struct rargv *a, int ms)
{
    abstime_ex(a, ms, 0);
}

static void gen_string(struct rargv *a)
{
    switch (pick(24)) {
    case 0:
    case 1:
    case 2:
        args(a, "SET");
        key(a);
        value(a);
        if (pick(2)) {
            static const char *o[] = {"NX", "XX", "GET", "KEEPTTL"};
            args(a, o[pick(4)]);
        }
        if (pick(3) == 0) {
            static const char *e[] = {"EX", "PX", "EXAT", "PXAT"};
            int i = pick(4);
            args(a, e[i]);
            if (i < 2)
                num(a, 100000, 200000);
            else
                abstime(a, i == 3);
        }
        if (pick(4) == 0)
            args(a, "GET");
        break;
    case 3:
    case 4:
        args(a, "GET");
        key(a);
        break;
    case 5:
        args(a, "GETDEL");
        key(a);
        break;
    case 6:
        args(a, "GETEX");
        key(a);
        if (pick(2))
            args(a, "PERSIST");
        else {
            args(a, "EXAT");
            abstime(a, 0);
        }
        break;
    case 7:
        args(a, pick(2) ? "GETRANGE" : "SUBSTR");
        key(a);
        num(a, -8, 8);
        num(a, -8, 8);
        break;
    case 8:
        args(a, "GETSET");
        key(a);
        value(a);
        break;
    case 9:
        args(a, "SETRANGE");
        key(a);
        num(a, 0, 12);
        value(a);
        break;
    case 10:
        args(a, "APPEND");
        key(a);
        value(a);
        break;
    case 11:
        args(a, "STRLEN");
        key(a);
        break;
    case 12:
        args(a, pick(2) ? "INCR" : "DECR");
        key(a);
        break;
    case 13:
        args(a, pick(2) ? "INCRBY" : "DECRBY");
        key(a);
        integer(a);
        break;
    case 14:
        args(a, "INCRBYFLOAT");
        key(a);
        value(a);
        break;
    case 15:
        args(a, "MGET");
        for (int i = pick(4); i >= 0; i--)
            key(a);
        break;
    case 16:
        args(a, pick(2) ? "MSET" : "MSETNX");
        for (int i = pick(3); i >= 0; i--) {
            key(a);
            value(a);
        }
        break;
    case 17:
        args(a, "SETNX");
        key(a);
        value(a);
        break;
    case 18:
        args(a, pick(2) ? "SETEX" : "PSETEX");
        key(a);
        num(a, pick(8) ? 100000 : -1, 200000);
        value(a);
        break;
    case 19:
        args(a, "LCS");
        key(a);
        key(a);
        if (pick(2))
            args(a, "LEN");
        else if (pick(2)) {
            args(a, "IDX");
            if (pick(2))
                args(a, "WITHMATCHLEN");
            if (pick(2)) {
                args(a, "MINMATCHLEN");
                num(a, 0, 3);
            }
        }
        break;
    case 20:
        args(a, "SET");
        key(a);
        integer(a);
        break;
    case 21:
        args(a, "OBJECT");
        args(a, "ENCODING");
        key(a);
        break;
    case 22:
        args(a, "INCRBY");
        key(a);
        num(a, -3, 3);
        break;
    default:
        args(a, "SET");
        key(a);
        value(a);
        args(a, "KEEPTTL");
        break;
    }
}

static void gen_keys(struct rargv *a)
{
    switch (pick(22)) {
    case 0:
        args(a, pick(2) ? "DEL" : "UNLINK");
        for (int i = pick(3); i >= 0; i--)
            key(a);
        break;
    case 1:
        args(a, pick(2) ? "EXISTS" : "TOUCH");
        for (int i = pick(3); i >= 0; i--)
            key(a);
        break;
    case 2:
        args(a, "TYPE");
        key(a);
        break;
    case 3:
        args(a, pick(2) ? "RENAME" : "RENAMENX");
        key(a);
        key(a);
        break;
    case 4:
        args(a, "COPY");
        key(a);
        key(a);
        if (pick(2))
            args(a, "REPLACE");
        if (pick(3) == 0) {
            args(a, "DB");
            num(a, 0, 2);
        }
        break;
    case 5:
        args(a, "MOVE");
        key(a);
        num(a, 0, 2);
        break;
    case 6:
    case 7: {
        int ms = pick(2);
        args(a, ms ? "PEXPIREAT" : "EXPIREAT");
        key(a);
        abstime_ex(a, ms, 1);
        if (pick(2)) {
            static const char *o[] = {"NX", "XX", "GT", "LT"};
            args(a, o[pick(4)]);
        }
        break;
    }
    case 8:
        args(a, pick(2) ? "EXPIRETIME" : "PEXPIRETIME");
        key(a);
        break;
    case 9:
        args(a, "PERSIST");
        key(a);
        break;
    case 10:
        args(a, "DBSIZE");
        break;
    case 11:
        args(a, "SELECT");
        num(a, 0, 2);
        break;
    case 12:
        args(a, "SWAPDB");
        num(a, 0, 2);
        num(a, 0, 2);
        break;
    case 13:
        args(a, "KEYS");
        {
            static const char *p[] = {"*", "k*", "k[0-2]", "?1", "k[^1]"};
            args(a, p[pick(5)]);
        }
        break;
    case 14:
        if (pick(10) == 0)
            args(a, "FLUSHDB");
        else {
            args(a, "EXISTS");
            key(a);
        }
        break;
    case 15:
        args(a, pick(2) ? "EXPIRE" : "PEXPIRE");
        key(a);
        if (pick(5) == 0)
            args(a, "-1");
        else
            num(a, 1000000, 2000000);
        if (pick(2)) {
            static const char *o[] = {"NX", "XX", "GT", "LT"};
            args(a, o[pick(4)]);
        }
        break;
    case 16:
        args(a, "OBJECT");
        args(a, "ENCODING");
        key(a);
        break;
    case 17:
        args(a, "OBJECT");
        args(a, "REFCOUNT");
        key(a);
        break;
    default:
        gen_string(a);
        break;
    }
}

/* Set commands on a few keys, members drawn from a pool that mixes
 * canonical integers (intset) with strings and near-integers (hashtable),
 * and a small set-max-intset-entries at times so conversions happen. Only
 * deterministic forms of SPOP/SRANDMEMBER (a count >= the set size). */
static void set_member(struct rargv *a)
{
    static const char *const pool[] = {
        "0", "1",   "2",   "3",  "5",   "-1", "100",   "9223372036854775807", "a", "b",
        "c", "abc", "007", "-0", "1.5", "",   "a\x00z"};
    int i = pick((int)(sizeof(pool) / sizeof(pool[0])));
    const char *m = pool[i];
    /* The last entry has an embedded NUL: give its real length. */
    arg(a, m, i == (int)(sizeof(pool) / sizeof(pool[0])) - 1 ? 3 : strlen(m));
}

static void gen_set(struct rargv *a)
{
    static const char *const store[] = {"SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE"};
    static const char *const algebra[] = {"SINTER", "SUNION", "SDIFF", "SMEMBERS"};
    int r = pick(20);
    switch (r) {
    case 1:
        args(a, "SREM");
        key(a);
        for (int i = pick(3); i >= 0; i--)
            set_member(a);
        break;
    case 2:
        args(a, pick(2) ? "SCARD" : "OBJECT");
        if (a->n && a->v[0].len == 6)
            args(a, "ENCODING");
        key(a);
        break;
    case 3:
        args(a, pick(2) ? "SISMEMBER" : "SMISMEMBER");
        key(a);
        for (int i = a->v[0].len == 9 ? 0 : pick(3); i >= 0; i--)
            set_member(a);
        break;
    case 4:
    case 5:
        args(a, algebra[pick(4)]);
        key(a);
        if (a->v[0].len != 8)
            for (int i = pick(3); i > 0; i--)
                key(a);
        break;
    case 6:
        args(a, store[pick(3)]);
        for (int i = 1 + pick(3); i >= 0; i--)
            key(a);
        break;
    case 7: {
        int n = 1 + pick(3);
        args(a, "SINTERCARD");
        num(a, n, n);
        for (int i = 0; i < n; i++)
            key(a);
        if (pick(2)) {
            args(a, "LIMIT");
            num(a, 0, 3);
        }
        break;
    }
    case 8:
        args(a, "SMOVE");
        key(a);
        key(a);
        set_member(a);
        break;
    case 9:
        args(a, pick(4) ? "SRANDMEMBER" : "SPOP");
        key(a);
        args(a, pick(4) ? "100" : "0");
        break;
    case 10:
        args(a, "CONFIG");
        args(a, "SET");
        args(a, "set-max-intset-entries");
        args(a, pick(2) ? "3" : "512");
        break;
    case 11:
        if (pick(4) == 0) {
            args(a, "SET");
            key(a);
            value(a);
            break;
        }
        /* fall through */
    default:
        args(a, "SADD");
        key(a);
        for (int i = pick(5); i >= 0; i--)
            set_member(a);
        break;
    }
}

/* Hash commands on a few keys: fields from a small pool (one longer than
 * hash-max-listpack-value), values from values[] (one long enough to force
 * a table), and a small hash-max-listpack-entries at times so conversions
 * happen. Whole-hash replies are compared sorted (table order differs);
 * HRANDFIELD only with a count covering the hash. */
static void hash_field(struct rargv *a)
{
    static const char *const pool[] = {
        "f0",
        "f1",
        "f2",
        "f3",
        "f4",
        "1",
        "-7",
        "007",
        "",
        "a\x00z",
        "a-field-name-that-is-longer-than-sixty-four-bytes-xxxxxxxxxxxxxxxxxxxxxx"};
    int i = pick((int)(sizeof(pool) / sizeof(pool[0])));
    /* pool[9] has an embedded NUL: give its real length. */
    arg(a, pool[i], i == 9 ? 3 : strlen(pool[i]));
}

static void gen_hash(struct rargv *a)
{
    static const char *const whole[] = {"HGETALL", "HKEYS", "HVALS"};
    switch (pick(20)) {
    case 1:
    case 2:
        args(a, "HDEL");
        key(a);
        for (int i = pick(3); i >= 0; i--)
            hash_field(a);
        break;
    case 3:
        args(a, pick(2) ? "HGET" : (pick(2) ? "HEXISTS" : "HSTRLEN"));
        key(a);
        hash_field(a);
        break;
    case 4:
        args(a, "HMGET");
        key(a);
        for (int i = pick(3); i >= 0; i--)
            hash_field(a);
        break;
    case 5:
        args(a, pick(2) ? "HLEN" : "OBJECT");
        if (a->v[0].len == 6)
            args(a, "ENCODING");
        key(a);
        break;
    case 6:
        args(a, whole[pick(3)]);
        key(a);
        break;
    case 7:
        args(a, "HINCRBY");
        key(a);
        hash_field(a);
        integer(a);
        break;
    case 8:
        args(a, "HINCRBYFLOAT");
        key(a);
        hash_field(a);
        value(a);
        break;
    case 9:
        args(a, "HSETNX");
        key(a);
        hash_field(a);
        value(a);
        break;
    case 10:
        args(a, "HRANDFIELD");
        key(a);
        args(a, pick(3) ? "100" : "0");
        if (pick(2))
            args(a, "WITHVALUES");
        break;
    case 11:
        args(a, "CONFIG");
        args(a, "SET");
        args(a, "hash-max-listpack-entries");
        args(a, pick(2) ? "3" : "512");
        break;
    case 12:
        if (pick(4) == 0) {
            args(a, "SET");
            key(a);
            value(a);
            break;
        }
        /* fall through */
    default:
        args(a, pick(4) ? "HSET" : "HMSET");
        key(a);
        for (int i = pick(3); i >= 0; i--) {
            hash_field(a);
            value(a);
        }
        break;
    }
}

/* Sort the children of an array reply (KEYS) so order does not matter. */
static int cmp_child(const void *x, const void *y)
{
    const struct rbuf *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->p, b->p, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static void normalize(struct rbuf *r)
{
    size_t hdr, *offs = NULL, *lens = NULL;
    long n = rio_frame_children(r->p, r->len, &hdr, &offs, &lens);
    if (n <= 1) {
        mem_free(offs);
        mem_free(lens);
        return;
    }
    struct rbuf *kids = mem_calloc((size_t)n, sizeof(*kids));
    for (long i = 0; i < n; i++)
        rbuf_append(&kids[i], r->p + offs[i], lens[i]);
    qsort(kids, (size_t)n, sizeof(*kids), cmp_child);
    struct rbuf out = {0};
    rbuf_append(&out, r->p, hdr);
    for (long i = 0; i < n; i++) {
        rbuf_append(&out, kids[i].p, kids[i].len);
        rbuf_free(&kids[i]);
    }
    mem_free(kids);
    mem_free(offs);
    mem_free(lens);
    rbuf_free(r);
    *r = out;
}

/* EXPIRETIME / PEXPIRETIME of a key given a relative TTL depend on when each
 * server ran the command: accept integer replies within a small skew. */
static int close_enough(const struct rbuf *ra, const struct rbuf *rb, long long skew)
{
    if (ra->len < 3 || rb->len < 3 || ra->p[0] != ':' || rb->p[0] != ':')
        return 0;
    long long x = atoll(ra->p + 1), y = atoll(rb->p + 1);
    return x > 0 && y > 0 && llabs(x - y) <= skew;
}

static int is_cmd(const struct rargv *a, const char *name)
{
    return a->n && a->v[0].len == strlen(name) && !strncasecmp(a->v[0].p, name, a->v[0].len);
}

/* List commands on a few keys, with a small list-max-listpack-size at times
 * so lists span several quicklist nodes; values from values[] plus a few
 * short repeated ones so LREM/LPOS/LINSERT find matches. */
static void list_value(struct rargv *a)
{
    static const char *const pool[] = {"a", "b", "c", "1", "01"};
    if (pick(3))
        args(a, pool[pick(5)]);
    else
        value(a);
}

static void gen_list(struct rargv *a)
{
    static const char *const where[] = {"LEFT", "RIGHT", "left", "UP"};
    int r = pick(22);
    switch (r) {
    case 0:
        args(a, pick(2) ? "LPOP" : "RPOP");
        key(a);
        if (pick(2))
            integer(a);
        break;
    case 1:
        args(a, "LRANGE");
        key(a);
        num(a, -8, 8);
        num(a, -8, 8);
        break;
    case 2:
        args(a, "LINDEX");
        key(a);
        num(a, -8, 8);
        break;
    case 3:
        args(a, "LINSERT");
        key(a);
        args(a, pick(2) ? "BEFORE" : "AFTER");
        list_value(a);
        list_value(a);
        break;
    case 4:
        args(a, "LSET");
        key(a);
        num(a, -6, 6);
        list_value(a);
        break;
    case 5:
        args(a, "LREM");
        key(a);
        num(a, -3, 3);
        list_value(a);
        break;
    case 6:
        args(a, "LTRIM");
        key(a);
        num(a, -8, 8);
        num(a, -8, 8);
        break;
    case 7: {
        args(a, "LPOS");
        key(a);
        list_value(a);
        for (int i = pick(3); i > 0; i--) {
            static const char *const opt[] = {"RANK", "COUNT", "MAXLEN"};
            args(a, opt[pick(3)]);
            num(a, -3, 4);
        }
        break;
    }
    case 8:
        args(a, "LMOVE");
        key(a);
        key(a);
        args(a, where[pick(4)]);
        args(a, where[pick(3)]);
        break;
    case 9:
        args(a, "RPOPLPUSH");
        key(a);
        key(a);
        break;
    case 10: {
        int n = 1 + pick(3);
        args(a, "LMPOP");
        num(a, n, n);
        for (int i = 0; i < n; i++)
            key(a);
        args(a, where[pick(4)]);
        if (pick(2)) {
            args(a, "COUNT");
            num(a, 0, 4);
        }
        break;
    }
    case 11:
        args(a, "CONFIG");
        args(a, "SET");
        args(a, "list-max-listpack-size");
        args(a, pick(2) ? "2" : "-2");
        break;
    case 12:
        args(a, pick(2) ? "LLEN" : "TYPE");
        key(a);
        break;
    case 13:
        /* A string key gets WRONGTYPE; DEL turns it back into a list
         * candidate, so every key does not end up a string. */
        args(a, pick(4) ? "DEL" : "SET");
        key(a);
        if (a->v[0].len == 3 && !strncmp(a->v[0].p, "SET", 3))
            value(a);
        break;
    default:
        args(a, pick(2) ? (pick(5) ? "RPUSH" : "RPUSHX") : (pick(5) ? "LPUSH" : "LPUSHX"));
        key(a);
        for (int i = pick(4); i >= 0; i--)
            list_value(a);
        break;
    }
}

/* Sorted-set commands. Keys k0..k5 get arbitrary scores; keys l0/l1 only
 * ever get score 0 (plain ZADD ... 0 m), so BYLEX ranges, which are only
 * defined when all scores are equal, run on them alone. Members come from
 * a small pool (one longer than zset-max-listpack-value), and a small
 * zset-max-listpack-entries at times makes conversions happen. Every reply
 * is ordered by (score, member), so nothing needs normalizing; ZRANDMEMBER
 * and ZSCAN are left out. */
static void zmember(struct rargv *a)
{
    static const char *const pool[] = {
        "a",
        "b",
        "c",
        "d",
        "e",
        "aa",
        "1",
        "10",
        "",
        "a\x00z",
        "a-member-name-that-is-longer-than-sixty-four-bytes-xxxxxxxxxxxxxxxxxxxxx"};
    int i = pick((int)(sizeof(pool) / sizeof(pool[0])));
    /* pool[9] has an embedded NUL: give its real length. */
    arg(a, pool[i], i == 9 ? 3 : strlen(pool[i]));
}
static void zscore_arg(struct rargv *a)
{
    static const char *const pool[] = {
        "0",   "1",    "2",    "-1",  "3",   "1.5",     "-2.5", "10",   "1e3",
        "inf", "-inf", "+inf", "0.1", "007", "1.5e308", "-0",   "1e-5", "123456789.123456789",
        "abc", "nan"};
    /* The last two (errors) only rarely. */
    args(a, pool[pick(pick(20) ? 18 : 20)]);
}
static void zlkey(struct rargv *a)
{
    args(a, pick(2) ? "l0" : "l1");
}
/* A key for a command that only reads or removes: lex keys now and then. */
static void zanykey(struct rargv *a)
{
    if (pick(4))
        key(a);
    else
        zlkey(a);
}
static void zscore_bound(struct rargv *a)
{
    static const char *const pool[] = {"-inf", "+inf", "inf", "0",  "(0",    "1",   "(1",
                                       "2.5",  "(2",   "10",  "-1", "(-inf", "abc", "("};
    args(a, pool[pick(pick(15) ? 12 : 14)]);
}
static void zlex_bound(struct rargv *a)
{
    static const char *const pool[] = {"-",   "+", "[a", "(a", "[b", "(c",
                                       "[aa", "[", "(",  "[1", "[e", "x"};
    args(a, pool[pick(pick(15) ? 11 : 12)]);
}
/* Range arguments and options of ZRANGE / ZRANGESTORE after the key(s). */
static void zrange_tail(struct rargv *a, int lex, int store)
{
    int by = lex ? 2 : pick(2); /* 0 rank, 1 score, 2 lex */
    int rev = pick(3) == 0;
    if (by == 0) {
        num(a, -6, 6);
        num(a, -6, 6);
    } else if (by == 1) {
        zscore_bound(a);
        zscore_bound(a);
        args(a, "BYSCORE");
    } else {
        zlex_bound(a);
        zlex_bound(a);
        args(a, "BYLEX");
    }
    if (rev)
        args(a, "REV");
    if (pick(3) == 0) {
        args(a, "LIMIT");
        num(a, -1, 3);
        num(a, -1, 4);
    }
    if (!store && by != 2 && pick(2))
        args(a, "WITHSCORES");
}
/* ZADD with a random subset of NX XX GT LT CH INCR (conflicts included:
 * both servers must give the same error). */
static void zadd(struct rargv *a)
{
    static const char *const flags[] = {"NX", "XX", "GT", "LT", "CH", "INCR"};
    int incr = 0;
    args(a, "ZADD");
    key(a);
    for (int f = 0; f < 6; f++) {
        if (pick(6) == 0) {
            args(a, flags[f]);
            incr |= f == 5;
        }
    }
    for (int i = incr ? (pick(8) == 0) : pick(4); i >= 0; i--) {
        zscore_arg(a);
        zmember(a);
    }
}
/* ZUNION/ZINTER/ZDIFF[STORE], ZINTERCARD with WEIGHTS and AGGREGATE. */
static void zalgebra(struct rargv *a)
{
    static const char *const cmds[] = {"ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE", "ZUNION",
                                       "ZINTER",      "ZDIFF",       "ZINTERCARD"};
    static const char *const weights[] = {"1", "2", "-1", "0", "1.5", "inf", "abc"};
    static const char *const aggr[] = {"SUM", "MIN", "MAX", "max", "AVG"};
    int c = pick(7), n = 1 + pick(3);
    args(a, cmds[c]);
    if (c < 3)
        key(a);
    num(a, n, n);
    for (int i = 0; i < n; i++)
        zanykey(a);
    if (c == 6) {
        if (pick(2)) {
            args(a, "LIMIT");
            num(a, 0, 3);
        }
        return;
    }
    if (c != 2 && c != 5) {
        if (pick(3) == 0) {
            args(a, "WEIGHTS");
            for (int i = 0; i < n; i++)
                args(a, weights[pick(pick(10) ? 6 : 7)]);
        }
        if (pick(3) == 0) {
            args(a, "AGGREGATE");
            args(a, aggr[pick(pick(10) ? 4 : 5)]);
        }
    }
    if (c >= 3 && pick(2))
        args(a, "WITHSCORES");
}

static void gen_zset(struct rargv *a)
{
    static const char *const bys[] = {"ZRANGEBYSCORE", "ZREVRANGEBYSCORE", "ZRANGEBYLEX",
                                      "ZREVRANGEBYLEX"};
    switch (pick(34)) {
    case 0:
        args(a, "ZINCRBY");
        key(a);
        zscore_arg(a);
        zmember(a);
        break;
    case 1:
    case 2:
        args(a, "ZREM");
        zanykey(a);
        for (int i = pick(3); i >= 0; i--)
            zmember(a);
        break;
    case 3:
        args(a, pick(2) ? "ZCARD" : "OBJECT");
        if (a->v[0].len == 6)
            args(a, "ENCODING");
        zanykey(a);
        break;
    case 4:
        args(a, pick(2) ? "ZSCORE" : (pick(2) ? "ZRANK" : "ZREVRANK"));
        zanykey(a);
        zmember(a);
        break;
    case 5:
        args(a, "ZMSCORE");
        zanykey(a);
        for (int i = pick(3); i >= 0; i--)
            zmember(a);
        break;
    case 6:
    case 7:
    case 8:
        args(a, "ZRANGE");
        if (pick(4)) {
            key(a);
            zrange_tail(a, 0, 0);
        } else {
            zlkey(a);
            zrange_tail(a, 1, 0);
        }
        break;
    case 9: {
        int b = pick(4);
        args(a, bys[b]);
        if (b < 2) {
            zanykey(a);
            zscore_bound(a);
            zscore_bound(a);
            if (pick(2))
                args(a, "WITHSCORES");
        } else {
            zlkey(a);
            zlex_bound(a);
            zlex_bound(a);
        }
        if (pick(3) == 0) {
            args(a, "LIMIT");
            num(a, -1, 3);
            num(a, -1, 4);
        }
        break;
    }
    case 10:
        args(a, "ZREVRANGE");
        zanykey(a);
        num(a, -6, 6);
        num(a, -6, 6);
        if (pick(2))
            args(a, "WITHSCORES");
        break;
    case 11:
        args(a, "ZCOUNT");
        zanykey(a);
        zscore_bound(a);
        zscore_bound(a);
        break;
    case 12:
        args(a, "ZLEXCOUNT");
        zlkey(a);
        zlex_bound(a);
        zlex_bound(a);
        break;
    case 13:
        args(a, pick(2) ? "ZPOPMIN" : "ZPOPMAX");
        zanykey(a);
        if (pick(2))
            num(a, pick(10) ? 0 : -1, 4);
        break;
    case 14: {
        int n = 1 + pick(3);
        args(a, "ZMPOP");
        num(a, n, n);
        for (int i = 0; i < n; i++)
            zanykey(a);
        args(a, pick(2) ? "MIN" : (pick(4) ? "MAX" : "max"));
        if (pick(2)) {
            args(a, "COUNT");
            num(a, pick(10) ? 1 : 0, 4);
        }
        break;
    }
    case 15:
        args(a, "ZREMRANGEBYRANK");
        zanykey(a);
        num(a, -6, 6);
        num(a, -6, 6);
        break;
    case 16:
        args(a, "ZREMRANGEBYSCORE");
        zanykey(a);
        zscore_bound(a);
        zscore_bound(a);
        break;
    case 17:
        args(a, "ZREMRANGEBYLEX");
        zlkey(a);
        zlex_bound(a);
        zlex_bound(a);
        break;
    case 18:
        args(a, "ZRANGESTORE");
        key(a);
        if (pick(3)) {
            key(a);
            zrange_tail(a, 0, 1);
        } else {
            zlkey(a);
            zrange_tail(a, 1, 1);
        }
        break;
    case 19:
    case 20:
        zalgebra(a);
        break;
    case 21:
        args(a, "CONFIG");
        args(a, "SET");
        if (pick(3)) {
            args(a, "zset-max-listpack-entries");
            args(a, pick(2) ? "2" : "128");
        } else {
            args(a, "zset-max-listpack-value");
            args(a, pick(2) ? "1" : "64");
        }
        break;
    case 22:
        /* Other types: a string (WRONGTYPE) or a set (a valid input of
         * ZUNION and friends, with score 1); DEL makes room again. */
        if (pick(3) == 0) {
            args(a, "SADD");
            key(a);
            zmember(a);
        } else if (pick(4) == 0) {
            args(a, "SET");
            key(a);
            value(a);
        } else {
            args(a, "DEL");
            zanykey(a);
        }
        break;
    case 23:
    case 24:
        args(a, "ZADD");
        zlkey(a);
        if (pick(4) == 0)
            args(a, pick(2) ? "NX" : (pick(2) ? "XX" : "CH"));
        for (int i = pick(4); i >= 0; i--) {
            args(a, "0");
            zmember(a);
        }
        break;
    default:
        zadd(a);
        break;
    }
}

/* ---- bitmaps ---- */

/* A bit offset: mostly small (the strings stay short), sometimes at a byte
 * or word edge, rarely invalid or at the proto-max-bulk-len edge. */
static void bit_offset(struct rargv *a)
{
    static const char *const odd[] = {"-1", "abc", "4294967296", "1.5", "", "#3", "-0"};
    if (pick(25) == 0)
        args(a, odd[pick(7)]);
    else
        num(a, 0, pick(4) ? 40 : 300);
}

/* A BITCOUNT/BITPOS range tail: start [end [BIT|BYTE]] (partial). */
static void bit_range(struct rargv *a, int maxargs)
{
    int n = pick(maxargs + 1);
    if (n >= 1)
        num(a, -12, 12);
    if (n >= 2)
        num(a, pick(3) ? -12 : -100, pick(3) ? 12 : 100);
    if (n >= 3) {
        static const char *const unit[] = {"BIT", "BYTE", "bit", "WORD"};
        args(a, unit[pick(10) == 0 ? 3 : pick(3)]);
    }
}

/* One BITFIELD sub-operation (GET only when ro). */
static void bitfield_op(struct rargv *a, int ro)
{
    static const char *const types[] = {"u1", "u3", "u8",  "u16", "u31", "u63", "i1",
                                        "i5", "i8", "i16", "i32", "i63", "i64", "u64"};
    static const char *const vals[] = {"0",
                                       "1",
                                       "-1",
                                       "127",
                                       "128",
                                       "-129",
                                       "255",
                                       "256",
                                       "1000",
                                       "-1000",
                                       "9223372036854775807",
                                       "-9223372036854775808",
                                       "x"};
    int k = ro ? 0 : pick(4);
    if (k == 3) {
        static const char *const ow[] = {"WRAP", "SAT", "FAIL", "sat", "BAD"};
        args(a, "OVERFLOW");
        args(a, ow[pick(20) == 0 ? 4 : pick(4)]);
        return;
    }
    args(a, k == 0 ? "GET" : k == 1 ? "SET" : "INCRBY");
    args(a, types[pick(30) == 0 ? 13 : pick(13)]);
    if (pick(4) == 0) {
        char b[16];
        snprintf(b, sizeof(b), "#%d", pick(6));
        args(a, b);
    } else {
        num(a, 0, pick(3) ? 24 : 90);
    }
    if (k)
        args(a, vals[pick(13)]);
}

static void gen_bitmap(struct rargv *a)
{
    switch (pick(16)) {
    case 0:
    case 1:
    case 2:
        args(a, "SETBIT");
        key(a);
        bit_offset(a);
        args(a, pick(12) ? (pick(2) ? "1" : "0") : "2");
        break;
    case 3:
        args(a, "GETBIT");
        key(a);
        bit_offset(a);
        break;
    case 4:
    case 5:
        args(a, "BITCOUNT");
        key(a);
        bit_range(a, 3);
        break;
    case 6:
    case 7:
        args(a, "BITPOS");
        key(a);
        args(a, pick(15) ? (pick(2) ? "1" : "0") : "2");
        bit_range(a, 3);
        break;
    case 8:
    case 9: {
        static const char *const ops[] = {"AND", "OR", "XOR", "NOT", "or", "NAND"};
        int op = pick(12) == 0 ? 5 : pick(5);
        args(a, "BITOP");
        args(a, ops[op]);
        key(a);
        for (int i = (op == 3 && pick(8)) ? 0 : pick(4); i >= 0; i--)
            key(a);
        break;
    }
    case 10:
    case 11:
        args(a, "BITFIELD");
        key(a);
        for (int i = pick(5); i > 0; i--)
            bitfield_op(a, 0);
        break;
    case 12:
        args(a, "BITFIELD_RO");
        key(a);
        for (int i = pick(4); i > 0; i--)
            bitfield_op(a, pick(10) != 0);
        break;
    case 13:
        /* Plain strings (int-encoded, embstr, binary) to read as bitmaps. */
        args(a, pick(3) ? "SET" : "APPEND");
        key(a);
        value(a);
        break;
    case 14:
        args(a, "GET");
        key(a);
        break;
    default:
        /* Other types (WRONGTYPE) and deletions (missing keys). */
        if (pick(3) == 0) {
            args(a, "RPUSH");
            key(a);
            args(a, "x");
        } else {
            args(a, pick(2) ? "DEL" : "STRLEN");
            key(a);
        }
        break;
    }
}

#define HISTORY 12

static int run_seed(int port_a, int port_b, unsigned long long seed, int ops, int group)
{
    struct rconn ca = {.fd = -1}, cb = {.fd = -1};
    if (rconn_open(&ca, "127.0.0.1", port_a) || rconn_open(&cb, "127.0.0.1", port_b)) {
        fprintf(stderr, "random_diff: cannot connect\n");
        return -1;
    }
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
    struct rbuf hist[HISTORY] = {{0}};
    int failed = 0;
    for (int i = -1; i < ops && !failed; i++) {
        struct rargv a = {0};
        if (i == -1)
            args(&a, "FLUSHALL");
        else if (group == 0)
            gen_string(&a);
        else if (group == 2)
            gen_set(&a);
        else if (group == 3)
            gen_hash(&a);
        else if (group == 4)
            gen_list(&a);
        else if (group == 5)
            gen_zset(&a);
        else if (group == 6)
            gen_bitmap(&a);
        else
            gen_keys(&a);
        struct rbuf req = {0}, ra = {0}, rb = {0};
        rio_encode_cmd(&req, &a);
        struct rbuf *h = &hist[(i + HISTORY + 1) % HISTORY];
        rbuf_clear(h);
        rio_escape(h, req.p, req.len);
        if (rconn_send(&ca, req.p, req.len) || rconn_send(&cb, req.p, req.len) ||
            rconn_read_frame(&ca, &ra, 5000) != 1 || rconn_read_frame(&cb, &rb, 5000) != 1) {
            fprintf(stderr, "random_diff seed %llu op %d: connection failed\n", seed, i);
            failed = 1;
        } else {
            if (is_cmd(&a, "KEYS") || is_cmd(&a, "SMEMBERS") || is_cmd(&a, "SINTER") ||
                is_cmd(&a, "SUNION") || is_cmd(&a, "SDIFF") || is_cmd(&a, "SPOP") ||
                is_cmd(&a, "SRANDMEMBER") || is_cmd(&a, "HGETALL") || is_cmd(&a, "HKEYS") ||
                is_cmd(&a, "HVALS") || is_cmd(&a, "HRANDFIELD")) {
                normalize(&ra);
                normalize(&rb);
            }
            int same = ra.len == rb.len && memcmp(ra.p, rb.p, ra.len) == 0;
            if (!same && is_cmd(&a, "EXPIRETIME"))
                same = close_enough(&ra, &rb, 2);
            if (!same && is_cmd(&a, "PEXPIRETIME"))
                same = close_enough(&ra, &rb, 2000);
            if (!same) {
                struct rbuf ea = {0}, eb = {0};
                rio_escape(&ea, ra.p, ra.len);
                rio_escape(&eb, rb.p, rb.len);
                fprintf(stderr, "random_diff seed %llu op %d: replies differ\n", seed, i);
                for (int j = HISTORY - 1; j >= 0; j--) {
                    struct rbuf *x = &hist[(i + 1 - j + HISTORY * 2) % HISTORY];
                    if (x->len)
                        fprintf(stderr, "   %s %s\n", j ? "  " : "->", x->p);
                }
                fprintf(stderr, "   redis: %s\n   tern:  %s\n", ea.p, eb.p);
                rbuf_free(&ea);
                rbuf_free(&eb);
                failed = 1;
            }
        }
        rbuf_free(&req);
        rbuf_free(&ra);
        rbuf_free(&rb);
        rargv_free(&a);
    }
    for (int j = 0; j < HISTORY; j++)
        rbuf_free(&hist[j]);
    rconn_close(&ca);
    rconn_close(&cb);
    return failed;
}

int main(int argc, char **argv)
{
    struct diff_opts o = {.seeds = 20, .ops = 2000, .first = 1, .group = "all"};
    if (diff_parse_args(argc, argv, &o) < 0) {
        fprintf(stderr, "usage: random_diff --port-a N --port-b M [--seeds S] [--ops K] [--first "
                        "F] [--group strings|keys|sets|hashes|lists|zsets|bitmaps|all]\n");
        return 2;
    }
    int port_a = o.port_a, port_b = o.port_b, seeds = o.seeds, ops = o.ops, first = o.first;
    const char *group = o.group;
    int passed = 0, failed = 0;
    for (int s = first; s < first + seeds; s++) {
        static const char *const gname[] = {"strings", "keys",  "sets",   "hashes",
                                            "lists",   "zsets", "bitmaps"};
        for (int g = 0; g < 7; g++) {
            if (strcmp(group, "all") && strcmp(group, gname[g]))
                continue;
            int r = run_seed(port_a, port_b, (unsigned long long)s, ops, g);
            if (r < 0)
                return 2;
            r ? failed++ : passed++;
        }
    }
    printf("random_diff: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
