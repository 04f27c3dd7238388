/*
 * rdbsnap.h - shared by itest_dump.c and itest_rdb_interop.c: a dataset with
 * every type in compact and large encodings, a canonical snapshot of a
 * server's whole keyspace for comparison, and a private redis-server.
 *
 * Header-only (static functions) so each test binary stays one .c file plus
 * the harness. Boundary: a client; no server/ header.
 */
#ifndef RDBSNAP_H
#define RDBSNAP_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

/* A growable byte buffer. */
struct sbuf {
    char *p;
    size_t len, cap;
};

static void sb_add(struct sbuf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* Run a command, return the reply (NULL on a connection error). */
static redisReply *cmdv(redisContext *c, int argc, const char **argv, const size_t *lens)
{
    return redisCommandArgv(c, argc, argv, lens);
}

/* Fill the current db of c with one key of each kind. prefix names keys;
 * big adds the large encodings. Returns 0 if every command succeeded. */
static int rs_populate(redisContext *c, const char *p, int big)
{
    int bad = 0;
    redisReply *r;
#define RS(...)                                                                                    \
    do {                                                                                           \
        r = redisCommand(c, __VA_ARGS__);                                                          \
        if (!r || r->type == REDIS_REPLY_ERROR) {                                                  \
            fprintf(stderr, "populate failed: %s\n", r ? r->str : "io");                           \
            bad = 1;                                                                               \
        }                                                                                          \
        freeReplyObject(r);                                                                        \
    } while (0)
    RS("SET %s:int 12345", p);
    RS("SET %s:neg -7", p);
    RS("SET %s:bigint 9223372036854775807", p);
    RS("SET %s:emb hello", p);
    RS("SET %s:empty \"\"", p);
    RS("SET %s:bin %b", p, "a\0b\r\n\xff", (size_t)6);
    RS("RPUSH %s:list a b 1 2 -3 300 70000 5000000000 \"\"", p);
    RS("SADD %s:iset 1 2 3 -4 100000", p);
    RS("SADD %s:iset64 1 9000000000", p);
    RS("SADD %s:sset a b c 1", p);
    RS("HSET %s:hash f1 v1 f2 2 f3 -300", p);
    RS("ZADD %s:zset 1 a 2.5 b -3 c inf d -inf e 0.1 f", p);
    RS("SET %s:ttl v PX 100000000", p);
    RS("HSET %s:httl a 1", p);
    RS("PEXPIRE %s:httl 200000000", p);
    if (big) {
        char v[40000];
        memset(v, 'x', sizeof(v));
        for (size_t i = 0; i < sizeof(v); i += 7)
            v[i] = (char)('a' + i % 23);
        RS("SET %s:long %b", p, v, sizeof(v));
        RS("SET %s:rnd %b", p,
           "\x01\x93\x7f\x22\xab\x10\x55\x66\x89\xfe\x00\x12\x34\x56\x78\x9a"
           "\xbc\xde\xf0\x11\x22\x33\x44\x55",
           (size_t)24);
        for (int j = 0; j < 3000; j++) {
            RS("RPUSH %s:blist elem%d", p, j);
            RS("SADD %s:bset m%d", p, j);
            RS("SADD %s:bints %d", p, j * 7);
            RS("HSET %s:bhash f%d v%d", p, j, j);
            RS("ZADD %s:bzset %d.25 z%d", p, j % 50, j);
        }
        RS("RPUSH %s:hugeel small %b tail", p, v, (size_t)20000);
        RS("HSET %s:hlong f %b", p, v, (size_t)100);
        RS("ZADD %s:zlong 1 %b", p, v, (size_t)100);
    }
#undef RS
    return bad ? -1 : 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the elements of an array reply, as "len:bytes," items, sorted
 * first when sorted (pairs kept together when pairs). */
static void canon_array(struct sbuf *out, redisReply *r, int sorted, int pairs)
{
    size_t n = r->elements, step = pairs ? 2 : 1;
    char **items = calloc(n + 1, sizeof(char *));
    for (size_t i = 0; i < n; i += step) {
        struct sbuf it = {0};
        for (size_t k = 0; k < step && i + k < n; k++) {
            char hdr[32];
            snprintf(hdr, sizeof(hdr), "%zu:", r->element[i + k]->len);
            sb_str(&it, hdr);
            sb_add(&it, r->element[i + k]->str ? r->element[i + k]->str : "",
                   r->element[i + k]->len);
            sb_str(&it, ",");
        }
        items[i / step] = it.p ? it.p : strdup("");
    }
    size_t m = (n + step - 1) / step;
    if (sorted)
        qsort(items, m, sizeof(char *), cmp_str);
    for (size_t i = 0; i < m; i++) {
        sb_str(out, items[i]);
        free(items[i]);
    }
    free(items);
}

/* One key's canonical text: type, encoding, absolute expiry, contents. */
static void canon_key(redisContext *c, const char *key, size_t klen, struct sbuf *out)
{
    const char *argv[5];
    size_t lens[5];
    redisReply *t, *r;
    argv[1] = key;
    lens[1] = klen;
    sb_add(out, key, klen);
    sb_str(out, " ");
    argv[0] = "TYPE";
    lens[0] = 4;
    t = cmdv(c, 2, argv, lens);
    sb_str(out, t && t->str ? t->str : "?");
    argv[0] = "OBJECT";
    lens[0] = 6;
    argv[1] = "ENCODING";
    lens[1] = 8;
    argv[2] = key;
    lens[2] = klen;
    r = cmdv(c, 3, argv, lens);
    sb_str(out, " ");
    sb_str(out, r && r->str ? r->str : "?");
    freeReplyObject(r);
    argv[0] = "PEXPIRETIME";
    lens[0] = 11;
    argv[1] = key;
    lens[1] = klen;
    r = cmdv(c, 2, argv, lens);
    char num[40];
    snprintf(num, sizeof(num), " ttl=%lld ", r ? r->integer : -99);
    sb_str(out, num);
    freeReplyObject(r);
    const char *ty = t && t->str ? t->str : "";
    int sorted = 0, pairs = 0, argc = 2;
    if (!strcmp(ty, "string")) {
        argv[0] = "GET";
    } else if (!strcmp(ty, "list")) {
        argv[0] = "LRANGE";
        argv[2] = "0";
        argv[3] = "-1";
        argc = 4;
    } else if (!strcmp(ty, "set")) {
        argv[0] = "SMEMBERS";
        sorted = 1;
    } else if (!strcmp(ty, "hash")) {
        argv[0] = "HGETALL";
        sorted = pairs = 1;
    } else {
        argv[0] = "ZRANGE";
        argv[2] = "0";
        argv[3] = "-1";
        argv[4] = "WITHSCORES";
        argc = 5;
    }
    for (int i = 0; i < argc; i++)
        if (i != 1)
            lens[i] = strlen(argv[i]);
    freeReplyObject(t);
    r = cmdv(c, argc, argv, lens);
    if (r && r->type == REDIS_REPLY_STRING)
        sb_add(out, r->str, r->len);
    else if (r && r->type == REDIS_REPLY_ARRAY)
        canon_array(out, r, sorted, pairs);
    else
        sb_str(out, "<?>");
    freeReplyObject(r);
}

/* Canonical text of every key in dbs 0..ndb-1 (sorted by key), "db N" lines
 * between dbs. Returns a malloc'd string. */
static char *rs_snapshot(redisContext *c, int ndb)
{
    struct sbuf out = {0};
    sb_str(&out, "");
    for (int db = 0; db < ndb; db++) {
        redisReply *r = redisCommand(c, "SELECT %d", db);
        freeReplyObject(r);
        r = redisCommand(c, "KEYS *");
        if (!r || r->type != REDIS_REPLY_ARRAY) {
            freeReplyObject(r);
            continue;
        }
        char **lines = calloc(r->elements + 1, sizeof(char *));
        for (size_t i = 0; i < r->elements; i++) {
            struct sbuf k = {0};
            canon_key(c, r->element[i]->str, r->element[i]->len, &k);
            lines[i] = k.p;
        }
        qsort(lines, r->elements, sizeof(char *), cmp_str);
        char hdr[32];
        snprintf(hdr, sizeof(hdr), "db %d keys %zu\n", db, r->elements);
        sb_str(&out, hdr);
        for (size_t i = 0; i < r->elements; i++) {
            sb_str(&out, lines[i]);
            sb_str(&out, "\n");
            free(lines[i]);
        }
        free(lines);
        freeReplyObject(r);
    }
    redisReply *r = redisCommand(c, "SELECT 0");
    freeReplyObject(r);
    return out.p;
}

/* A private redis-server (the oracle) in dir on a free port. */
struct rs_redis {
    pid_t pid;
    int port;
};

/* A TCP port free right now on 127.0.0.1. */
static int rs_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    socklen_t al = sizeof(a);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int port = -1;
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &al) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

static int rs_have_redis(void)
{
    return access("/usr/bin/redis-server", X_OK) == 0;
}

/* Start redis-server in dir (loading dir/dump.rdb if present); waits for
 * PING. Returns a connected context or NULL. */
static redisContext *rs_redis_start(struct rs_redis *rr, const char *dir, int port)
{
    char portbuf[16];
    snprintf(portbuf, sizeof(portbuf), "%d", port);
    rr->port = port;
    rr->pid = fork();
    if (rr->pid == 0) {
        char logp[512];
        snprintf(logp, sizeof(logp), "%s/redis.log", dir);
        execl("/usr/bin/redis-server", "redis-server", "--port", portbuf, "--bind", "127.0.0.1",
              "--dir", dir, "--save", "", "--appendonly", "no", "--logfile", logp,
              "--enable-debug-command", "yes", (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 100; i++) {
        usleep(50000);
        redisContext *c = redisConnect("127.0.0.1", port);
        if (c && !c->err) {
            redisReply *r = redisCommand(c, "PING");
            int ok = r && r->type == REDIS_REPLY_STATUS;
            freeReplyObject(r);
            if (ok)
                return c;
        }
        if (c)
            redisFree(c);
    }
    return NULL;
}

static void rs_redis_stop(struct rs_redis *rr, redisContext *c)
{
    if (c)
        redisFree(c);
    if (rr->pid > 0) {
        kill(rr->pid, SIGKILL);
        waitpid(rr->pid, NULL, 0);
        rr->pid = 0;
    }
}

#endif
