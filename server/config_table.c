/* config_table: the rows of the parameter table (Redis 7.0.15's names,
 * aliases, ranges, defaults and mutability, checked against redis-server's
 * CONFIG GET / CONFIG SET replies) and the special parameters whose values
 * are not one plain field: save, bind, dir, client-output-buffer-limit,
 * notify-keyspace-events, oom-score-adj-values, replicaof and
 * latency-tracking-info-percentiles.
 *
 * Rows that name a struct server field are the ones Tern acts on (or will);
 * rows with NONE are stored only, so CONFIG GET * is complete.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config_int.h"
#include "mem.h"
#include "notify.h"
#include "server.h"

#define SRV(f) .ptr = &server.f, .width = (int)sizeof(server.f)
#define NONE   .ptr = NULL, .width = 0
#define BOOL(n, a, fl, loc, d)                                                                     \
    {                                                                                              \
        .name = n, .alias = a, .type = CT_BOOL, .flags = fl, loc, .def = d                         \
    }
#define NUM(n, a, fl, loc, l, h, d)                                                                \
    {                                                                                              \
        .name = n, .alias = a, .type = CT_NUM, .flags = fl, loc, .lo = l, .hi = h, .def = d        \
    }
#define ENUM(n, a, fl, loc, e, d)                                                                  \
    {                                                                                              \
        .name = n, .alias = a, .type = CT_ENUM, .flags = fl, loc, .enums = e, .def = d             \
    }
#define STR(n, a, fl, loc, d, v)                                                                   \
    {                                                                                              \
        .name = n, .alias = a, .type = CT_STR, .flags = fl, loc, .sdef = d, .valid = v             \
    }
#define SPEC(n, a, fl, sp)                                                                         \
    {                                                                                              \
        .name = n, .alias = a, .type = CT_SPECIAL, .flags = fl, .special = &sp                     \
    }

#define IMM   CF_IMMUTABLE
#define MEM   CF_MEMORY
#define UNS   CF_UNSIGNED
#define ENULL CF_EMPTY_NULL

/* ---- enums ---- */

static const struct cfg_enum e_policy[] = {{"volatile-lru", CONFIG_MAXMEMORY_VOLATILE_LRU},
                                           {"volatile-lfu", CONFIG_MAXMEMORY_VOLATILE_LFU},
                                           {"volatile-random", CONFIG_MAXMEMORY_VOLATILE_RANDOM},
                                           {"volatile-ttl", CONFIG_MAXMEMORY_VOLATILE_TTL},
                                           {"allkeys-lru", CONFIG_MAXMEMORY_ALLKEYS_LRU},
                                           {"allkeys-lfu", CONFIG_MAXMEMORY_ALLKEYS_LFU},
                                           {"allkeys-random", CONFIG_MAXMEMORY_ALLKEYS_RANDOM},
                                           {"noeviction", CONFIG_MAXMEMORY_NOEVICTION},
                                           {NULL, 0}};
static const struct cfg_enum e_facility[] = {
    {"user", 0},   {"local0", 1}, {"local1", 2}, {"local2", 3}, {"local3", 4},
    {"local4", 5}, {"local5", 6}, {"local6", 7}, {"local7", 8}, {NULL, 0}};
static const struct cfg_enum e_loglevel[] = {{"debug", LL_DEBUG},
                                             {"verbose", LL_VERBOSE},
                                             {"notice", LL_NOTICE},
                                             {"warning", LL_WARNING},
                                             {NULL, 0}};
static const struct cfg_enum e_supervised[] = {
    {"upstart", 1}, {"systemd", 2}, {"auto", 3}, {"no", 0}, {NULL, 0}};
static const struct cfg_enum e_fsync[] = {{"everysec", CONFIG_FSYNC_EVERYSEC},
                                          {"always", CONFIG_FSYNC_ALWAYS},
                                          {"no", CONFIG_FSYNC_NO},
                                          {NULL, 0}};
static const struct cfg_enum e_diskless_load[] = {
    {"disabled", 0}, {"on-empty-db", 1}, {"swapdb", 2}, {NULL, 0}};
static const struct cfg_enum e_tls_auth[] = {{"no", 0}, {"yes", 1}, {"optional", 2}, {NULL, 0}};
static const struct cfg_enum e_oom[] = {
    {"no", 0}, {"yes", 1}, {"relative", 1}, {"absolute", 2}, {NULL, 0}};
static const struct cfg_enum e_acl_pubsub[] = {{"allchannels", 1}, {"resetchannels", 0}, {NULL, 0}};
static const struct cfg_enum e_sanitize[] = {{"no", CONFIG_SANITIZE_NO},
                                             {"yes", CONFIG_SANITIZE_YES},
                                             {"clients", CONFIG_SANITIZE_CLIENTS},
                                             {NULL, 0}};
static const struct cfg_enum e_protected[] = {{"no", CONFIG_PROTECTED_NO},
                                              {"yes", CONFIG_PROTECTED_YES},
                                              {"local", CONFIG_PROTECTED_LOCAL},
                                              {NULL, 0}};
static const struct cfg_enum e_endpoint[] = {
    {"ip", 0}, {"hostname", 1}, {"unknown-endpoint", 2}, {NULL, 0}};
static const struct cfg_enum e_propagation[] = {
    {"ignore", 0}, {"panic", 1}, {"panic-on-replicas", 2}, {NULL, 0}};
static const struct cfg_enum e_shutdown[] = {{"default", 0}, {"save", 1},  {"nosave", 2},
                                             {"now", 4},     {"force", 8}, {NULL, 0}};

/* ---- string validators ---- */

static int is_basename(const char *s)
{
    return strchr(s, '/') == NULL && strchr(s, '\\') == NULL;
}

static int valid_dbfilename(const char *s, const char **err)
{
    if (is_basename(s))
        return 1;
    *err = "dbfilename can't be a path, just a filename";
    return 0;
}

static int valid_aof_filename(const char *s, const char **err)
{
    if (s[0] == '\0') {
        *err = "appendfilename can't be empty";
        return 0;
    }
    if (is_basename(s))
        return 1;
    *err = "appendfilename can't be a path, just a filename";
    return 0;
}

static int valid_aof_dirname(const char *s, const char **err)
{
    if (s[0] == '\0') {
        *err = "appenddirname can't be empty";
        return 0;
    }
    if (is_basename(s))
        return 1;
    *err = "appenddirname can't be a path, just a dirname";
    return 0;
}

static int valid_hostname(const char *s, const char **err)
{
    if (strlen(s) >= 256) {
        *err = "Hostnames must be less than 256 characters";
        return 0;
    }
    for (const char *p = s; *p; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '.')) {
            *err = "Hostnames may only contain alphanumeric characters, hyphens or dots";
            return 0;
        }
    }
    return 1;
}

/* ---- special parameters ---- */

static struct cfg_rwline *one_line(char *text, int force, struct cfg_rwline **out)
{
    struct cfg_rwline *l = mem_alloc(sizeof *l);
    l->text = text;
    l->force = force;
    *out = l;
    return l;
}

/* dir: the process's working directory. */
static int dir_set(char **argv, int argc, const char **err)
{
    if (argc != 1) {
        *err = "wrong number of arguments";
        return 0;
    }
    if (chdir(argv[0]) == -1) {
        *err = strerror(errno);
        return 0;
    }
    return 1;
}

static char *dir_get(void)
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL)
        buf[0] = '\0';
    return mem_strdup(buf);
}

static int dir_rewrite(const char *name, struct cfg_rwline **out)
{
    char *cwd = dir_get();
    char *q = config_repr(cwd, strlen(cwd));
    one_line(cfg_fmt("%s %s", name, q), 1, out);
    mem_free(q);
    mem_free(cwd);
    return 1;
}

/* save: "<seconds> <changes> ..." pairs. While loading, the first "save"
 * line replaces the default and later ones add to it. */
static int save_loaded;

static int save_set(char **argv, int argc, const char **err)
{
    if (argc == 1 && argv[0][0] == '\0')
        argc = 0;
    if (argc & 1) {
        *err = "Invalid save parameters";
        return 0;
    }
    for (int j = 0; j < argc; j++) {
        char *end;
        long long v = strtoll(argv[j], &end, 10);
        if (*end != '\0' || ((j & 1) == 0 && v < 1) || ((j & 1) == 1 && v < 0)) {
            *err = "Invalid save parameters";
            return 0;
        }
    }
    /* An empty "save" always clears, even after earlier lines (checked
     * against redis-server: a file's save lines then --save "" gives none). */
    if (!cfg_loading || !save_loaded || argc == 0) {
        mem_free(server.save_params);
        server.save_params = NULL;
        server.save_params_len = 0;
        if (cfg_loading)
            save_loaded = 1;
    }
    int n = server.save_params_len + argc / 2;
    server.save_params = mem_realloc(server.save_params, sizeof(long long) * 2 * (size_t)(n + 1));
    for (int j = 0; j < argc; j += 2) {
        long long *p = server.save_params + 2 * server.save_params_len++;
        p[0] = strtoll(argv[j], NULL, 10);
        p[1] = (int)strtoll(argv[j + 1], NULL, 10);
    }
    return 1;
}

static char *save_get(void)
{
    size_t cap = 1 + (size_t)server.save_params_len * 44, n = 0;
    char *s = mem_alloc(cap);
    s[0] = '\0';
    for (int j = 0; j < server.save_params_len; j++)
        n += (size_t)snprintf(s + n, cap - n, "%s%lld %lld", j ? " " : "",
                              server.save_params[2 * j], server.save_params[2 * j + 1]);
    return s;
}

static int save_rewrite(const char *name, struct cfg_rwline **out)
{
    if (server.save_params_len == 0) {
        one_line(cfg_fmt("%s \"\"", name), 1, out);
        return 1;
    }
    struct cfg_rwline *l = mem_alloc(sizeof *l * (size_t)server.save_params_len);
    for (int j = 0; j < server.save_params_len; j++) {
        l[j].text =
            cfg_fmt("%s %lld %lld", name, server.save_params[2 * j], server.save_params[2 * j + 1]);
        l[j].force = 1;
    }
    *out = l;
    return server.save_params_len;
}

/* bind: up to SERVER_MAX_BIND addresses; "" means none. */
static int bind_set(char **argv, int argc, const char **err)
{
    if (argc > SERVER_MAX_BIND) {
        *err = "Too many bind addresses specified.";
        return 0;
    }
    if (argc == 1 && argv[0][0] == '\0')
        argc = 0;
    for (int j = 0; j < server.bind_count; j++)
        mem_free(server.bind[j]);
    for (int j = 0; j < argc; j++)
        server.bind[j] = mem_strdup(argv[j]);
    server.bind_count = argc;
    return 1;
}

static char *bind_get(void)
{
    size_t len = 1;
    for (int j = 0; j < server.bind_count; j++)
        len += strlen(server.bind[j]) + 1;
    char *s = mem_alloc(len);
    s[0] = '\0';
    for (int j = 0; j < server.bind_count; j++) {
        if (j)
            strcat(s, " ");
        strcat(s, server.bind[j]);
    }
    return s;
}

static int bind_rewrite(const char *name, struct cfg_rwline **out)
{
    char *v = bind_get();
    int is_default = strcmp(v, "127.0.0.1 -::1") == 0;
    one_line(v[0] ? cfg_fmt("%s %s", name, v) : cfg_fmt("%s \"\"", name), !is_default, out);
    mem_free(v);
    return 1;
}

/* client-output-buffer-limit: "<class> <hard> <soft> <seconds>" groups. */
/* The struct server field of class cls (0 normal, 1 replica, 2 pubsub),
 * item k (0 hard, 1 soft, 2 seconds). */
static long long *cobl_field(int cls, int k)
{
    switch (cls) {
    case 0:
        return k == 0   ? &server.cobl_normal_hard
               : k == 1 ? &server.cobl_normal_soft
                        : &server.cobl_normal_secs;
    case 1:
        return k == 0   ? &server.cobl_replica_hard
               : k == 1 ? &server.cobl_replica_soft
                        : &server.cobl_replica_secs;
    default:
        return k == 0   ? &server.cobl_pubsub_hard
               : k == 1 ? &server.cobl_pubsub_soft
                        : &server.cobl_pubsub_secs;
    }
}

static const char *const cobl_names[3] = {"normal", "slave", "pubsub"};
static const long long cobl_defaults[3][3] = {
    {0, 0, 0}, {256LL << 20, 64LL << 20, 60}, {32LL << 20, 8LL << 20, 60}};

static int cobl_set(char **argv, int argc, const char **err)
{
    long long vals[3][3];
    int seen[3] = {0, 0, 0};
    if (argc % 4) {
        *err = "Wrong number of arguments in buffer limit configuration.";
        return 0;
    }
    for (int j = 0; j < argc; j += 4) {
        int cls = -1;
        if (!strcasecmp(argv[j], "normal"))
            cls = 0;
        else if (!strcasecmp(argv[j], "slave") || !strcasecmp(argv[j], "replica"))
            cls = 1;
        else if (!strcasecmp(argv[j], "pubsub"))
            cls = 2;
        if (cls < 0) {
            *err = "Invalid client class specified in buffer limit configuration.";
            return 0;
        }
        unsigned long long hard, soft;
        char *end;
        long long secs = strtoll(argv[j + 3], &end, 10);
        if (!cfg_memtoull(argv[j + 1], &hard) || !cfg_memtoull(argv[j + 2], &soft) || secs < 0 ||
            *end != '\0') {
            *err = "Error in hard, soft or soft_seconds setting in buffer limit configuration.";
            return 0;
        }
        vals[cls][0] = (long long)hard;
        vals[cls][1] = (long long)soft;
        vals[cls][2] = (int)secs;
        seen[cls] = 1;
    }
    for (int cls = 0; cls < 3; cls++)
        if (seen[cls])
            for (int k = 0; k < 3; k++)
                *cobl_field(cls, k) = vals[cls][k];
    return 1;
}

static char *cobl_get(void)
{
    char buf[512];
    size_t n = 0;
    for (int cls = 0; cls < 3; cls++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s %llu %llu %lld", cls ? " " : "",
                              cobl_names[cls], (unsigned long long)*cobl_field(cls, 0),
                              (unsigned long long)*cobl_field(cls, 1), *cobl_field(cls, 2));
    return mem_strdup(buf);
}

/* Only classes that differ from their default get a line: reusing an old
 * "pubsub" line for a default "normal" one would shuffle the file on every
 * rewrite, and a missing class simply keeps its default on restart. */
static int cobl_rewrite(const char *name, struct cfg_rwline **out)
{
    struct cfg_rwline *l = mem_alloc(sizeof *l * 3);
    int n = 0;
    for (int cls = 0; cls < 3; cls++) {
        int differs = 0;
        for (int k = 0; k < 3; k++)
            differs |= *cobl_field(cls, k) != cobl_defaults[cls][k];
        if (!differs)
            continue;
        char *h = cfg_fmt_memory(*cobl_field(cls, 0)), *s = cfg_fmt_memory(*cobl_field(cls, 1));
        l[n].text = cfg_fmt("%s %s %s %s %lld", name, cobl_names[cls], h, s, *cobl_field(cls, 2));
        l[n++].force = 1;
        mem_free(h);
        mem_free(s);
    }
    *out = l;
    return n;
}

/* oom-score-adj-values: three integers in [-2000, 2000]. */
static int oom_vals[3];
static const int oom_defaults[3] = {0, 200, 800};

static int oom_set(char **argv, int argc, const char **err)
{
    int v[3];
    if (argc != 3) {
        *err = "wrong number of arguments";
        return 0;
    }
    for (int i = 0; i < 3; i++) {
        char *end;
        long long x = strtoll(argv[i], &end, 10);
        if (*end != '\0' || x < -2000 || x > 2000) {
            *err = "Invalid oom-score-adj-values, elements must be between -2000 and 2000.";
            return 0;
        }
        v[i] = (int)x;
    }
    int changed = 0;
    for (int i = 0; i < 3; i++) {
        changed |= oom_vals[i] != v[i];
        oom_vals[i] = v[i];
    }
    return changed ? 1 : 2;
}

static char *oom_get(void)
{
    return cfg_fmt("%d %d %d", oom_vals[0], oom_vals[1], oom_vals[2]);
}

static int oom_rewrite(const char *name, struct cfg_rwline **out)
{
    int force = memcmp(oom_vals, oom_defaults, sizeof oom_vals) != 0;
    one_line(cfg_fmt("%s %d %d %d", name, oom_vals[0], oom_vals[1], oom_vals[2]), force, out);
    return 1;
}

/* notify-keyspace-events: class letters <-> NOTIFY_* bits. */
#define NOTIFY_ALL_CLASSES                                                                         \
    (NOTIFY_GENERIC | NOTIFY_STRING | NOTIFY_LIST | NOTIFY_SET | NOTIFY_HASH | NOTIFY_ZSET |       \
     NOTIFY_EXPIRED | NOTIFY_EVICTED | NOTIFY_STREAM | NOTIFY_MODULE)

static const struct {
    char ch;
    int bit;
} notify_letters[] = {{'g', NOTIFY_GENERIC},  {'$', NOTIFY_STRING},  {'l', NOTIFY_LIST},
                      {'s', NOTIFY_SET},      {'h', NOTIFY_HASH},    {'z', NOTIFY_ZSET},
                      {'x', NOTIFY_EXPIRED},  {'e', NOTIFY_EVICTED}, {'t', NOTIFY_STREAM},
                      {'d', NOTIFY_MODULE},   {'n', NOTIFY_NEW},     {'K', NOTIFY_KEYSPACE},
                      {'E', NOTIFY_KEYEVENT}, {'m', NOTIFY_KEY_MISS}};
#define NOTIFY_LETTERS ((int)(sizeof notify_letters / sizeof notify_letters[0]))

static int notify_set(char **argv, int argc, const char **err)
{
    if (argc != 1) {
        *err = "wrong number of arguments";
        return 0;
    }
    int flags = 0;
    for (const char *p = argv[0]; *p; p++) {
        int bit = 0;
        if (*p == 'A')
            bit = NOTIFY_ALL_CLASSES;
        for (int i = 0; i < NOTIFY_LETTERS && !bit; i++)
            if (notify_letters[i].ch == *p)
                bit = notify_letters[i].bit;
        if (!bit) {
            *err = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
            return 0;
        }
        flags |= bit;
    }
    server.notify_keyspace_events = flags;
    return 1;
}

static char *notify_get(void)
{
    char buf[32];
    int n = 0, f = server.notify_keyspace_events;
    int all = (f & NOTIFY_ALL_CLASSES) == NOTIFY_ALL_CLASSES;
    if (all)
        buf[n++] = 'A';
    for (int i = 0; i < NOTIFY_LETTERS; i++) {
        int bit = notify_letters[i].bit;
        if (all && (bit & (NOTIFY_ALL_CLASSES | NOTIFY_NEW)))
            continue; /* Redis prints no 'n' after 'A' */
        if (f & bit)
            buf[n++] = notify_letters[i].ch;
    }
    buf[n] = '\0';
    return mem_strdup(buf);
}

static int notify_rewrite(const char *name, struct cfg_rwline **out)
{
    char *v = notify_get();
    char *q = config_repr(v, strlen(v));
    one_line(cfg_fmt("%s %s", name, q), server.notify_keyspace_events != 0, out);
    mem_free(q);
    mem_free(v);
    return 1;
}

/* replicaof: "<host> <port>" or "no one". Stored only (no replication). */
static char *master_host;
static int master_port;

static int replicaof_set(char **argv, int argc, const char **err)
{
    if (argc != 2) {
        *err = "wrong number of arguments";
        return 0;
    }
    mem_free(master_host);
    master_host = NULL;
    if (!strcasecmp(argv[0], "no") && !strcasecmp(argv[1], "one"))
        return 1;
    char *end;
    long port = strtol(argv[1], &end, 10);
    if (port < 0 || port > 65535 || *end != '\0') {
        *err = "Invalid master port";
        return 0;
    }
    master_port = (int)port;
    master_host = mem_strdup(argv[0]);
    return 1;
}

static char *replicaof_get(void)
{
    return master_host ? cfg_fmt("%s %d", master_host, master_port) : mem_strdup("");
}

static int replicaof_rewrite(const char *name, struct cfg_rwline **out)
{
    if (!master_host) {
        *out = NULL;
        return 0;
    }
    one_line(cfg_fmt("%s %s %d", name, master_host, master_port), 1, out);
    return 1;
}

/* latency-tracking-info-percentiles: doubles in [0, 100]. */
static double pct_vals[64];
static int pct_len;

static char *pct_text(double d)
{
    char *s = cfg_fmt("%f", d);
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '0')
        s[--n] = '\0';
    if (n > 1 && s[n - 1] == '.')
        s[--n] = '\0';
    return s;
}

static int pct_set(char **argv, int argc, const char **err)
{
    double v[64];
    if (argc == 1 && argv[0][0] == '\0')
        argc = 0;
    if (argc > 64)
        argc = 64; /* Redis has no limit; 64 is plenty */
    for (int j = 0; j < argc; j++) {
        char *end;
        errno = 0;
        double d = strtod(argv[j], &end);
        if (argv[j][0] == '\0' || isspace((unsigned char)argv[j][0]) || *end != '\0' || isnan(d)) {
            *err = "Invalid latency-tracking-info-percentiles parameters";
            pct_len = 0;
            return 0;
        }
        if (d > 100.0 || d < 0.0) {
            *err = "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]";
            pct_len = 0;
            return 0;
        }
        v[j] = d;
    }
    memcpy(pct_vals, v, sizeof(double) * (size_t)argc);
    pct_len = argc;
    return 1;
}

static char *pct_get(void)
{
    char *s = mem_strdup("");
    for (int j = 0; j < pct_len; j++) {
        char *t = pct_text(pct_vals[j]);
        char *u = cfg_fmt("%s%s%s", s, j ? " " : "", t);
        mem_free(s);
        mem_free(t);
        s = u;
    }
    return s;
}

int config_latency_percentiles(const double **out)
{
    *out = pct_vals;
    return pct_len;
}

static int pct_rewrite(const char *name, struct cfg_rwline **out)
{
    char *v = pct_get();
    one_line(v[0] ? cfg_fmt("%s %s", name, v) : cfg_fmt("%s \"\"", name), 1, out);
    mem_free(v);
    return 1;
}

static const struct cfg_special sp_dir = {dir_set, dir_get, dir_rewrite};
static const struct cfg_special sp_save = {save_set, save_get, save_rewrite};
static const struct cfg_special sp_bind = {bind_set, bind_get, bind_rewrite};
static const struct cfg_special sp_cobl = {cobl_set, cobl_get, cobl_rewrite};
static const struct cfg_special sp_oom = {oom_set, oom_get, oom_rewrite};
static const struct cfg_special sp_notify = {notify_set, notify_get, notify_rewrite};
static const struct cfg_special sp_replicaof = {replicaof_set, replicaof_get, replicaof_rewrite};
static const struct cfg_special sp_pct = {pct_set, pct_get, pct_rewrite};

void cfg_table_special_defaults(void)
{
    for (int cls = 0; cls < 3; cls++)
        for (int k = 0; k < 3; k++)
            *cobl_field(cls, k) = cobl_defaults[cls][k];
    memcpy(oom_vals, oom_defaults, sizeof oom_vals);
    mem_free(master_host);
    master_host = NULL;
    master_port = 0;
    pct_vals[0] = 50;
    pct_vals[1] = 99;
    pct_vals[2] = 99.9;
    pct_len = 3;
    server.notify_keyspace_events = 0;
    /* Redis's redis.conf default (the bare binary would listen on every
     * interface): loopback only, IPv6 optional. */
    char *bind_def[2] = {"127.0.0.1", "-::1"};
    const char *ignored;
    bind_set(bind_def, 2, &ignored);
    int was = cfg_loading;
    cfg_loading = 0;
    char *save_def[6] = {"3600", "1", "300", "100", "60", "10000"};
    save_set(save_def, 6, &ignored);
    cfg_loading = was;
    save_loaded = 0;
}

/* ---- the table, in Redis 7.0's order of types ---- */

#define INTMAX CFG_INT_MAX
#define LMAX   CFG_LLONG_MAX

struct cfg cfg_table[] = {
    /* bool */
    BOOL("rdbchecksum", NULL, IMM, SRV(rdbchecksum), 1),
    BOOL("daemonize", NULL, IMM, SRV(daemonize), 0),
    BOOL("io-threads-do-reads", NULL, IMM, NONE, 0),
    BOOL("always-show-logo", NULL, IMM, NONE, 0),
    BOOL("protected-mode", NULL, 0, SRV(protected_mode), 1),
    BOOL("rdbcompression", NULL, 0, SRV(rdbcompression), 1),
    BOOL("rdb-del-sync-files", NULL, 0, NONE, 0),
    BOOL("activerehashing", NULL, 0, SRV(activerehashing), 1),
    BOOL("stop-writes-on-bgsave-error", NULL, 0, SRV(stop_writes_on_bgsave_error), 1),
    BOOL("set-proc-title", NULL, IMM, NONE, 1),
    BOOL("dynamic-hz", NULL, 0, SRV(dynamic_hz), 1),
    BOOL("lazyfree-lazy-eviction", NULL, 0, SRV(lazyfree_lazy_eviction), 0),
    BOOL("lazyfree-lazy-expire", NULL, 0, SRV(lazyfree_lazy_expire), 0),
    BOOL("lazyfree-lazy-server-del", NULL, 0, SRV(lazyfree_lazy_server_del), 0),
    BOOL("lazyfree-lazy-user-del", NULL, 0, SRV(lazyfree_lazy_user_del), 0),
    BOOL("lazyfree-lazy-user-flush", NULL, 0, SRV(lazyfree_lazy_user_flush), 0),
    BOOL("repl-disable-tcp-nodelay", NULL, 0, NONE, 0),
    BOOL("repl-diskless-sync", NULL, 0, NONE, 1),
    BOOL("aof-rewrite-incremental-fsync", NULL, 0, SRV(aof_rewrite_incremental_fsync), 1),
    BOOL("no-appendfsync-on-rewrite", NULL, 0, SRV(no_appendfsync_on_rewrite), 0),
    BOOL("cluster-require-full-coverage", NULL, 0, NONE, 1),
    BOOL("rdb-save-incremental-fsync", NULL, 0, SRV(rdb_save_incremental_fsync), 1),
    BOOL("aof-load-truncated", NULL, 0, SRV(aof_load_truncated), 1),
    BOOL("aof-use-rdb-preamble", NULL, 0, SRV(aof_use_rdb_preamble), 1),
    BOOL("aof-timestamp-enabled", NULL, 0, NONE, 0),
    BOOL("cluster-replica-no-failover", "cluster-slave-no-failover", 0, NONE, 0),
    BOOL("replica-lazy-flush", "slave-lazy-flush", 0, NONE, 0),
    BOOL("replica-serve-stale-data", "slave-serve-stale-data", 0, NONE, 1),
    BOOL("replica-read-only", "slave-read-only", 0, NONE, 1),
    BOOL("replica-ignore-maxmemory", "slave-ignore-maxmemory", 0, NONE, 1),
    BOOL("jemalloc-bg-thread", NULL, 0, NONE, 1),
    BOOL("activedefrag", NULL, 0, NONE, 0),
    BOOL("syslog-enabled", NULL, IMM, NONE, 0),
    BOOL("cluster-enabled", NULL, IMM, NONE, 0),
    BOOL("appendonly", NULL, 0, SRV(appendonly), 0),
    BOOL("cluster-allow-reads-when-down", NULL, 0, NONE, 0),
    BOOL("cluster-allow-pubsubshard-when-down", NULL, 0, NONE, 1),
    BOOL("crash-log-enabled", NULL, 0, NONE, 1),
    BOOL("crash-memcheck-enabled", NULL, 0, NONE, 1),
    BOOL("use-exit-on-panic", NULL, CF_HIDDEN, NONE, 0),
    BOOL("disable-thp", NULL, IMM, SRV(disable_thp), 1),
    BOOL("cluster-allow-replica-migration", NULL, 0, NONE, 1),
    BOOL("replica-announced", NULL, 0, NONE, 1),
    BOOL("latency-tracking", NULL, 0, SRV(latency_tracking), 1),
    BOOL("aof-disable-auto-gc", NULL, 0, NONE, 0),
    BOOL("replica-ignore-disk-write-errors", NULL, 0, NONE, 0),
    BOOL("tls-cluster", NULL, 0, NONE, 0),
    BOOL("tls-replication", NULL, 0, NONE, 0),
    BOOL("tls-prefer-server-ciphers", NULL, 0, NONE, 0),
    BOOL("tls-session-caching", NULL, 0, NONE, 1),

    /* string */
    STR("aclfile", NULL, IMM, NONE, "", NULL),
    STR("unixsocket", NULL, IMM | ENULL, SRV(unixsocket), NULL, NULL),
    STR("pidfile", NULL, IMM | ENULL, SRV(pidfile), NULL, NULL),
    STR("replica-announce-ip", "slave-announce-ip", ENULL, NONE, NULL, NULL),
    STR("masteruser", NULL, ENULL | CF_SENSITIVE, NONE, NULL, NULL),
    STR("cluster-announce-ip", NULL, ENULL, NONE, NULL, NULL),
    STR("cluster-config-file", NULL, IMM, NONE, "nodes.conf", NULL),
    STR("cluster-announce-hostname", NULL, ENULL, NONE, NULL, valid_hostname),
    STR("syslog-ident", NULL, IMM, NONE, "redis", NULL),
    STR("dbfilename", NULL, CF_PROTECTED, SRV(dbfilename), "dump.rdb", valid_dbfilename),
    STR("appendfilename", NULL, IMM, SRV(appendfilename), "appendonly.aof", valid_aof_filename),
    STR("appenddirname", NULL, IMM, SRV(appenddirname), "appendonlydir", valid_aof_dirname),
    STR("server_cpulist", NULL, IMM | ENULL, NONE, NULL, NULL),
    STR("bio_cpulist", NULL, IMM | ENULL, NONE, NULL, NULL),
    STR("aof_rewrite_cpulist", NULL, IMM | ENULL, NONE, NULL, NULL),
    STR("bgsave_cpulist", NULL, IMM | ENULL, NONE, NULL, NULL),
    STR("ignore-warnings", NULL, 0, NONE, "", NULL),
    STR("proc-title-template", NULL, 0, NONE, "{title} {listen-addr} {server-mode}", NULL),
    STR("bind-source-addr", NULL, ENULL, NONE, NULL, NULL),
    STR("logfile", NULL, IMM, SRV(logfile), "", NULL),
    STR("masterauth", NULL, ENULL | CF_SENSITIVE, SRV(masterauth), NULL, NULL),
    STR("requirepass", NULL, ENULL | CF_SENSITIVE, SRV(requirepass), NULL, NULL),
    STR("tls-cert-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-key-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-key-file-pass", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-client-cert-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-client-key-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-client-key-file-pass", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-dh-params-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-ca-cert-file", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-ca-cert-dir", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-protocols", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-ciphers", NULL, ENULL, NONE, NULL, NULL),
    STR("tls-ciphersuites", NULL, ENULL, NONE, NULL, NULL),

    /* enum */
    ENUM("supervised", NULL, IMM, NONE, e_supervised, 0),
    ENUM("syslog-facility", NULL, IMM, NONE, e_facility, 1),
    ENUM("repl-diskless-load", NULL, 0, NONE, e_diskless_load, 0),
    ENUM("loglevel", NULL, 0, SRV(verbosity), e_loglevel, LL_NOTICE),
    ENUM("maxmemory-policy", NULL, 0, SRV(maxmemory_policy), e_policy, CONFIG_MAXMEMORY_NOEVICTION),
    ENUM("appendfsync", NULL, 0, SRV(appendfsync), e_fsync, CONFIG_FSYNC_EVERYSEC),
    ENUM("oom-score-adj", NULL, 0, NONE, e_oom, 0),
    ENUM("acl-pubsub-default", NULL, 0, NONE, e_acl_pubsub, 0),
    ENUM("sanitize-dump-payload", NULL, 0, SRV(sanitize_dump_payload), e_sanitize, 0),
    ENUM("enable-protected-configs", NULL, IMM, SRV(enable_protected_configs), e_protected, 0),
    ENUM("enable-debug-command", NULL, IMM, SRV(enable_debug_command), e_protected, 0),
    ENUM("enable-module-command", NULL, IMM, SRV(enable_module_command), e_protected, 0),
    ENUM("cluster-preferred-endpoint-type", NULL, 0, NONE, e_endpoint, 0),
    ENUM("propagation-error-behavior", NULL, 0, NONE, e_propagation, 0),
    ENUM("shutdown-on-sigint", NULL, 0, NONE, e_shutdown, 0),
    ENUM("shutdown-on-sigterm", NULL, 0, NONE, e_shutdown, 0),
    ENUM("tls-auth-clients", NULL, 0, NONE, e_tls_auth, 1),

    /* int */
    NUM("databases", NULL, IMM, SRV(databases), 1, INTMAX, 16),
    NUM("port", NULL, 0, SRV(port), 0, 65535, 6379),
    NUM("io-threads", NULL, IMM, SRV(io_threads), 1, 128, 1),
    NUM("auto-aof-rewrite-percentage", NULL, 0, SRV(auto_aof_rewrite_percentage), 0, INTMAX, 100),
    NUM("cluster-replica-validity-factor", "cluster-slave-validity-factor", 0, NONE, 0, INTMAX, 10),
    NUM("list-max-listpack-size", "list-max-ziplist-size", 0, SRV(list_max_listpack_size),
        CFG_INT_MIN, INTMAX, -2),
    NUM("tcp-keepalive", NULL, 0, SRV(tcp_keepalive), 0, INTMAX, 300),
    NUM("cluster-migration-barrier", NULL, 0, NONE, 0, INTMAX, 1),
    NUM("active-defrag-cycle-min", NULL, 0, NONE, 1, 99, 1),
    NUM("active-defrag-cycle-max", NULL, 0, NONE, 1, 99, 25),
    NUM("active-defrag-threshold-lower", NULL, 0, NONE, 0, 1000, 10),
    NUM("active-defrag-threshold-upper", NULL, 0, NONE, 0, 1000, 100),
    NUM("lfu-log-factor", NULL, 0, SRV(lfu_log_factor), 0, INTMAX, 10),
    NUM("lfu-decay-time", NULL, 0, SRV(lfu_decay_time), 0, INTMAX, 1),
    NUM("replica-priority", "slave-priority", 0, NONE, 0, INTMAX, 100),
    NUM("repl-diskless-sync-delay", NULL, 0, NONE, 0, INTMAX, 5),
    NUM("maxmemory-samples", NULL, 0, SRV(maxmemory_samples), 1, INTMAX, 5),
    NUM("maxmemory-eviction-tenacity", NULL, 0, SRV(maxmemory_eviction_tenacity), 0, 100, 10),
    NUM("timeout", NULL, 0, SRV(timeout), 0, INTMAX, 0),
    NUM("replica-announce-port", "slave-announce-port", 0, NONE, 0, 65535, 0),
    NUM("tcp-backlog", NULL, IMM, SRV(tcp_backlog), 0, INTMAX, 511),
    NUM("cluster-port", NULL, IMM, NONE, 0, 65535, 0),
    NUM("cluster-announce-bus-port", NULL, 0, NONE, 0, 65535, 0),
    NUM("cluster-announce-port", NULL, 0, NONE, 0, 65535, 0),
    NUM("cluster-announce-tls-port", NULL, 0, NONE, 0, 65535, 0),
    NUM("repl-timeout", NULL, 0, NONE, 1, INTMAX, 60),
    NUM("repl-ping-replica-period", "repl-ping-slave-period", 0, NONE, 1, INTMAX, 10),
    NUM("list-compress-depth", NULL, 0, SRV(list_compress_depth), 0, INTMAX, 0),
    NUM("rdb-key-save-delay", NULL, CF_HIDDEN, NONE, CFG_INT_MIN, INTMAX, 0),
    NUM("key-load-delay", NULL, CF_HIDDEN, NONE, CFG_INT_MIN, INTMAX, 0),
    NUM("active-expire-effort", NULL, 0, SRV(active_expire_effort), 1, 10, 1),
    NUM("hz", NULL, 0, SRV(hz), 0, INTMAX, 10),
    NUM("min-replicas-to-write", "min-slaves-to-write", 0, NONE, 0, INTMAX, 0),
    NUM("min-replicas-max-lag", "min-slaves-max-lag", 0, NONE, 0, INTMAX, 10),
    NUM("watchdog-period", NULL, CF_HIDDEN, NONE, 0, INTMAX, 0),
    NUM("shutdown-timeout", NULL, 0, SRV(shutdown_timeout), 0, INTMAX, 10),
    NUM("repl-diskless-sync-max-replicas", NULL, 0, NONE, 0, INTMAX, 0),
    NUM("socket-mark-id", NULL, IMM | UNS, NONE, 0, CFG_UINT_MAX, 0),
    NUM("tls-port", NULL, 0, NONE, 0, 65535, 0),
    NUM("tls-session-cache-size", NULL, 0, NONE, 0, INTMAX, 20480),
    NUM("tls-session-cache-timeout", NULL, 0, NONE, 0, INTMAX, 300),
    /* unsigned int */
    NUM("maxclients", NULL, UNS, SRV(maxclients), 1, CFG_UINT_MAX, 10000),
    NUM("unixsocketperm", NULL, IMM | UNS | CF_OCTAL, SRV(unixsocketperm), 0, 0777, 0),
    /* long and long long */
    NUM("active-defrag-max-scan-fields", NULL, 0, NONE, 1, LMAX, 1000),
    NUM("slowlog-max-len", NULL, 0, SRV(slowlog_max_len), 0, LMAX, 128),
    NUM("acllog-max-len", NULL, 0, SRV(acllog_max_len), 0, LMAX, 128),
    NUM("busy-reply-threshold", "lua-time-limit", 0, SRV(busy_reply_threshold), 0, LMAX, 5000),
    NUM("cluster-node-timeout", NULL, 0, NONE, 0, LMAX, 15000),
    NUM("slowlog-log-slower-than", NULL, 0, SRV(slowlog_log_slower_than), -1, LMAX, 10000),
    NUM("latency-monitor-threshold", NULL, 0, SRV(latency_monitor_threshold), 0, LMAX, 0),
    NUM("proto-max-bulk-len", NULL, MEM, SRV(proto_max_bulk_len), 1 << 20, LMAX, 512LL << 20),
    NUM("stream-node-max-entries", NULL, 0, SRV(stream_node_max_entries), 0, LMAX, 100),
    NUM("repl-backlog-size", NULL, MEM, NONE, 1, LMAX, 1 << 20),
    /* unsigned long long */
    NUM("maxmemory", NULL, MEM | UNS, SRV(maxmemory), 0, -1, 0),
    NUM("cluster-link-sendbuf-limit", NULL, MEM | UNS, NONE, 0, -1, 0),
    /* size_t */
    NUM("hash-max-listpack-entries", "hash-max-ziplist-entries", UNS,
        SRV(hash_max_listpack_entries), 0, LMAX, 512),
    NUM("set-max-intset-entries", NULL, UNS, SRV(set_max_intset_entries), 0, LMAX, 512),
    NUM("zset-max-listpack-entries", "zset-max-ziplist-entries", UNS,
        SRV(zset_max_listpack_entries), 0, LMAX, 128),
    NUM("active-defrag-ignore-bytes", NULL, MEM | UNS, NONE, 1, LMAX, 100 << 20),
    NUM("hash-max-listpack-value", "hash-max-ziplist-value", MEM | UNS,
        SRV(hash_max_listpack_value), 0, LMAX, 64),
    NUM("stream-node-max-bytes", NULL, MEM | UNS, SRV(stream_node_max_bytes), 0, LMAX, 4096),
    NUM("zset-max-listpack-value", "zset-max-ziplist-value", MEM | UNS,
        SRV(zset_max_listpack_value), 0, LMAX, 64),
    NUM("hll-sparse-max-bytes", NULL, MEM | UNS, SRV(hll_sparse_max_bytes), 0, LMAX, 3000),
    NUM("tracking-table-max-keys", NULL, UNS, SRV(tracking_table_max_keys), 0, LMAX, 1000000),
    NUM("client-query-buffer-limit", NULL, MEM | UNS, SRV(client_query_buffer_limit), 1 << 20, LMAX,
        1LL << 30),
    /* ssize_t, time_t, off_t */
    NUM("maxmemory-clients", NULL, MEM | CF_PERCENT, SRV(maxmemory_clients), -100, LMAX, 0),
    NUM("repl-backlog-ttl", NULL, 0, NONE, 0, LMAX, 3600),
    NUM("auto-aof-rewrite-min-size", NULL, MEM, SRV(auto_aof_rewrite_min_size), 0, LMAX,
        64LL << 20),
    NUM("loading-process-events-interval-bytes", NULL, CF_HIDDEN, NONE, 1024, INTMAX, 2 << 20),

    /* special */
    SPEC("dir", NULL, CF_PROTECTED, sp_dir),
    SPEC("save", NULL, CF_MULTI, sp_save),
    SPEC("client-output-buffer-limit", NULL, CF_MULTI, sp_cobl),
    SPEC("oom-score-adj-values", NULL, CF_MULTI, sp_oom),
    SPEC("notify-keyspace-events", NULL, 0, sp_notify),
    SPEC("bind", NULL, CF_MULTI, sp_bind),
    SPEC("replicaof", "slaveof", IMM | CF_MULTI, sp_replicaof),
    SPEC("latency-tracking-info-percentiles", NULL, CF_MULTI, sp_pct),
};

const int cfg_count = (int)(sizeof cfg_table / sizeof cfg_table[0]);
