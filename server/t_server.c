/* t_server: server commands that report on or control the whole process:
 * INFO, TIME, SHUTDOWN, LASTSAVE, LOLWUT. (DEBUG is in t_debug.c.)
 *
 * INFO field names match Redis 7.0 so that tools parsing them work; values
 * are Tern's real figures, and fields for features Tern lacks (replication,
 * forks, cluster, ...) report their idle values.
 */
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "block.h"
#include "child.h"
#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "evict.h"
#include "latency.h"
#include "mem.h"
#include "persist.h"
#include "pubsub.h"
#include "reply.h"
#include "server.h"
#include "tracking.h"
#include "util.h"

/* A growable text buffer for INFO. */
struct text {
    char *p;
    size_t len, cap;
};

static void vtprintf(struct text *t, const char *fmt, va_list args)
{
    for (;;) {
        va_list ap;
        va_copy(ap, args);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = t->cap * 2 + (size_t)(n > 0 ? n : 0) + 256;
        t->p = mem_realloc(t->p, t->cap);
    }
}

static void tprintf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tprintf(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vtprintf(t, fmt, ap);
    va_end(ap);
}

/* The same, as an opaque sink for other modules' INFO lines (persist.h). */
static void tsink(void *sink, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tsink(void *sink, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vtprintf(sink, fmt, ap);
    va_end(ap);
}

/* "1.32M" style sizes, as Redis's bytesToHuman. */
static void human(char *buf, size_t len, double n)
{
    static const char *const units = "BKMGTPE";
    int u = 0;
    while (n >= 1024 && u < 6) {
        n /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(buf, len, "%.0fB", n);
    else
        snprintf(buf, len, "%.2f%c", n, units[u]);
}

static void info_server(struct text *t)
{
    struct utsname un;
    uname(&un);
    long long now = util_time_ms();
    long long up = (now - server.start_ms) / 1000;
    char exe[256] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n > 0 ? n : 0] = '\0';
    tprintf(t,
            "redis_version:%s\r\ntern_version:%s\r\nredis_git_sha1:00000000\r\n"
            "redis_git_dirty:0\r\nredis_build_id:0\r\nredis_mode:standalone\r\n"
            "os:%s %s %s\r\narch_bits:%d\r\nmonotonic_clock:POSIX clock_gettime\r\n"
            "multiplexing_api:epoll\r\natomicvar_api:c11-builtin\r\ngcc_version:%d.%d.%d\r\n"
            "process_id:%d\r\nprocess_supervised:no\r\nrun_id:%s\r\ntcp_port:%d\r\n"
            "server_time_usec:%lld\r\nuptime_in_seconds:%lld\r\nuptime_in_days:%lld\r\n"
            "hz:%d\r\nconfigured_hz:%d\r\nlru_clock:%lld\r\nexecutable:%s\r\nconfig_file:%s\r\n"
            "io_threads_active:0\r\n",
            TERN_REDIS_VERSION, TERN_VERSION, un.sysname, un.release, un.machine,
            (int)(sizeof(long) * 8),
#ifdef __GNUC__
            __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__,
#else
            0, 0, 0,
#endif
            (int)server.pid, server.run_id, server.port, util_time_us(), up, up / 86400, server.hz,
            server.hz, (now / 1000) & ((1 << 24) - 1), exe,
            server.configfile ? server.configfile : "");
}

static void info_clients(struct text *t)
{
    long long tc, tk, ti, tp;
    tracking_info(&tc, &tk, &ti, &tp);
    /* Redis counts clients held by CLIENT PAUSE as blocked too. */
    size_t held = 0;
    for (struct client *c = server.clients; c; c = c->next)
        held += (c->flags & CLIENT_PAUSED) != 0;
    tprintf(t,
            "connected_clients:%d\r\ncluster_connections:0\r\nmaxclients:%d\r\n"
            "client_recent_max_input_buffer:0\r\nclient_recent_max_output_buffer:0\r\n"
            "blocked_clients:%zu\r\ntracking_clients:%lld\r\nclients_in_timeout_table:%zu\r\n",
            server.connected_clients, server.maxclients, block_count() + held, tc,
            block_count_with_timeout());
}

static void info_memory(struct text *t)
{
    size_t used = mem_used(), rss = mem_rss(), peak = mem_peak();
    char h_used[32], h_rss[32], h_peak[32], h_sys[32], h_max[32];
    long long sys = (long long)sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE);
    human(h_used, sizeof(h_used), (double)used);
    human(h_rss, sizeof(h_rss), (double)rss);
    human(h_peak, sizeof(h_peak), (double)peak);
    human(h_sys, sizeof(h_sys), (double)sys);
    human(h_max, sizeof(h_max), (double)server.maxmemory);
    tprintf(t,
            "used_memory:%zu\r\nused_memory_human:%s\r\nused_memory_rss:%zu\r\n"
            "used_memory_rss_human:%s\r\nused_memory_peak:%zu\r\nused_memory_peak_human:%s\r\n"
            "used_memory_peak_perc:%.2f%%\r\ntotal_system_memory:%lld\r\n"
            "total_system_memory_human:%s\r\nmaxmemory:%lld\r\nmaxmemory_human:%s\r\n"
            "maxmemory_policy:%s\r\nmem_fragmentation_ratio:%.2f\r\n"
            "mem_allocator:libc\r\nlazyfree_pending_objects:0\r\nlazyfreed_objects:0\r\n",
            used, h_used, rss, h_rss, peak, h_peak, peak ? 100.0 * (double)used / (double)peak : 0,
            sys, h_sys, server.maxmemory, h_max, evict_policy_name(server.maxmemory_policy),
            used ? (double)rss / (double)used : 0);
}

static void info_persistence(struct text *t)
{
    persist_info(tsink, t);
}

static void info_stats(struct text *t)
{
    long long in = (long long)conn_totals.bytes_in, out = (long long)conn_totals.bytes_out;
    long long tc, tk, ti, tp;
    tracking_info(&tc, &tk, &ti, &tp);
    tprintf(
        t,
        "total_connections_received:%lld\r\ntotal_commands_processed:%lld\r\n"
        "instantaneous_ops_per_sec:0\r\ntotal_net_input_bytes:%lld\r\n"
        "total_net_output_bytes:%lld\r\ntotal_net_repl_input_bytes:0\r\n"
        "total_net_repl_output_bytes:0\r\ninstantaneous_input_kbps:0.00\r\n"
        "instantaneous_output_kbps:0.00\r\ninstantaneous_input_repl_kbps:0.00\r\n"
        "instantaneous_output_repl_kbps:0.00\r\nrejected_connections:%lld\r\nsync_full:0\r\n"
        "sync_partial_ok:0\r\nsync_partial_err:0\r\nexpired_keys:%lld\r\n"
        "expired_stale_perc:%.2f\r\nexpired_time_cap_reached_count:%lld\r\n"
        "expire_cycle_cpu_milliseconds:0\r\nevicted_keys:%lld\r\nevicted_clients:0\r\n"
        "total_eviction_exceeded_time:%lld\r\ncurrent_eviction_exceeded_time:%lld\r\n"
        "keyspace_hits:%lld\r\nkeyspace_misses:%lld\r\npubsub_channels:%ld\r\n"
        "pubsub_patterns:%ld\r\npubsubshard_channels:%ld\r\nlatest_fork_usec:%lld\r\ntotal_forks:%"
        "lld\r\n"
        "migrate_cached_sockets:0\r\nslave_expires_tracked_keys:0\r\nactive_defrag_hits:0\r\n"
        "active_defrag_misses:0\r\nactive_defrag_key_hits:0\r\nactive_defrag_key_misses:0\r\n"
        "total_active_defrag_time:0\r\ncurrent_active_defrag_time:0\r\n"
        "tracking_total_keys:%lld\r\ntracking_total_items:%lld\r\ntracking_total_prefixes:%lld\r\n"
        "unexpected_error_replies:%lld\r\ntotal_error_replies:%lld\r\n"
        "dump_payload_sanitizations:0\r\n",
        server.stat_numconnections, server.stat_numcommands, in, out, server.stat_rejected_conn,
        db_stats.expired, (double)db_stats.expired_stale_perc, db_stats.expired_time_cap_reached,
        evict_stat_keys(), evict_stat_exceeded_total_ms(), evict_stat_exceeded_current_ms(),
        server.stat_keyspace_hits, server.stat_keyspace_misses, pubsub_num_channels(),
        pubsub_num_patterns(), pubsub_num_shard_channels(), child_stats.latest_fork_usec,
        child_stats.total_forks, tk, ti, tp, server.stat_unexpected_error_replies,
        server.stat_total_error_replies);
}

static void info_replication(struct text *t)
{
    tprintf(t,
            "role:master\r\nconnected_slaves:0\r\nmaster_failover_state:no-failover\r\n"
            "master_replid:%s\r\nmaster_replid2:0000000000000000000000000000000000000000\r\n"
            "master_repl_offset:0\r\nsecond_repl_offset:-1\r\nrepl_backlog_active:0\r\n"
            "repl_backlog_size:1048576\r\nrepl_backlog_first_byte_offset:0\r\n"
            "repl_backlog_histlen:0\r\n",
            server.run_id);
}

static double tv_secs(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void info_cpu(struct text *t)
{
    struct rusage self, children;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    tprintf(t,
            "used_cpu_sys:%.6f\r\nused_cpu_user:%.6f\r\nused_cpu_sys_children:%.6f\r\n"
            "used_cpu_user_children:%.6f\r\nused_cpu_sys_main_thread:%.6f\r\n"
            "used_cpu_user_main_thread:%.6f\r\n",
            tv_secs(self.ru_stime), tv_secs(self.ru_utime), tv_secs(children.ru_stime),
            tv_secs(children.ru_utime), tv_secs(self.ru_stime), tv_secs(self.ru_utime));
}

static void cmdstat_line(struct text *t, const struct cmd *cmd)
{
    if (!cmd->calls && !cmd->rejected_calls && !cmd->failed_calls)
        return;
    tprintf(t,
            "cmdstat_%s:calls=%lld,usec=%lld,usec_per_call=%.2f,rejected_calls=%lld,failed_calls=%"
            "lld\r\n",
            cmd->fullname, cmd->calls, cmd->usec,
            cmd->calls ? (double)cmd->usec / (double)cmd->calls : 0.0, cmd->rejected_calls,
            cmd->failed_calls);
}

static void info_commandstats(struct text *t)
{
    for (int i = 0; i < cmd_table_len; i++) {
        const struct cmd *cmd = &cmd_table[i];
        cmdstat_line(t, cmd);
        for (int j = 0; j < cmd->nsubcmds; j++)
            cmdstat_line(t, &cmd->subcmds[j]);
    }
}

static void errorstat_line(void *priv, const char *code, long long count)
{
    tprintf(priv, "errorstat_%s:count=%lld\r\n", code, count);
}

static void info_errorstats(struct text *t)
{
    reply_errorstats(errorstat_line, t);
}

static void latencystat_line(void *priv, const char *cmd, const char *values)
{
    tprintf(priv, "latency_percentiles_usec_%s:%s\r\n", cmd, values);
}

static void info_latencystats(struct text *t)
{
    latency_info_percentiles(latencystat_line, t);
}

static void info_keyspace(struct text *t)
{
    for (int i = 0; i < server.databases; i++) {
        size_t keys = db_size(server.db[i]);
        if (keys)
            tprintf(t, "db%d:keys=%zu,expires=%zu,avg_ttl=%lld\r\n", i, keys,
                    db_expires(server.db[i]), db_avg_ttl(server.db[i]));
    }
}

static void info_cluster(struct text *t)
{
    tprintf(t, "cluster_enabled:0\r\n");
}

static void info_modules(struct text *t)
{
    (void)t;
}

struct section {
    const char *name, *title;
    void (*gen)(struct text *t);
    int in_default;
};

/* Redis's order. */
static const struct section sections[] = {
    {"server", "Server", info_server, 1},
    {"clients", "Clients", info_clients, 1},
    {"memory", "Memory", info_memory, 1},
    {"persistence", "Persistence", info_persistence, 1},
    {"stats", "Stats", info_stats, 1},
    {"replication", "Replication", info_replication, 1},
    {"cpu", "CPU", info_cpu, 1},
    {"modules", "Modules", info_modules, 1},
    {"commandstats", "Commandstats", info_commandstats, 0},
    {"errorstats", "Errorstats", info_errorstats, 1},
    {"latencystats", "Latencystats", info_latencystats, 0},
    {"cluster", "Cluster", info_cluster, 1},
    {"keyspace", "Keyspace", info_keyspace, 1},
};
#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

void cmd_info(struct client *c)
{
    int want[NSECTIONS] = {0};
    if (c->argc == 1) {
        for (size_t i = 0; i < NSECTIONS; i++)
            want[i] = sections[i].in_default;
    }
    for (int j = 1; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        int all = util_eq_ci(a->ptr, a->len, "all") || util_eq_ci(a->ptr, a->len, "everything");
        int dflt = util_eq_ci(a->ptr, a->len, "default");
        for (size_t i = 0; i < NSECTIONS; i++)
            if (all || (dflt && sections[i].in_default) ||
                util_eq_ci(a->ptr, a->len, sections[i].name))
                want[i] = 1;
    }
    struct text t = {0};
    int n = 0;
    for (size_t i = 0; i < NSECTIONS; i++) {
        if (!want[i])
            continue;
        if (n++)
            tprintf(&t, "\r\n");
        tprintf(&t, "# %s\r\n", sections[i].title);
        sections[i].gen(&t);
    }
    reply_verbatim(c, t.p ? t.p : "", t.len, "txt");
    mem_free(t.p);
}

/* The time of the last successful save (the start time before any), as
 * Redis reports it. */
void cmd_lastsave(struct client *c)
{
    reply_int(c, server.lastsave_ms / 1000);
}

void cmd_time(struct client *c)
{
    long long us = util_time_us();
    reply_array(c, 2);
    reply_bulk_ll(c, us / 1000000);
    reply_bulk_ll(c, us % 1000000);
}

void cmd_shutdown(struct client *c)
{
    int flags = 0;
    for (int j = 1; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        if (util_eq_ci(a->ptr, a->len, "nosave"))
            flags |= SHUTDOWN_NOSAVE;
        else if (util_eq_ci(a->ptr, a->len, "save"))
            flags |= SHUTDOWN_SAVE;
        else if (util_eq_ci(a->ptr, a->len, "now"))
            flags |= SHUTDOWN_NOW;
        else if (util_eq_ci(a->ptr, a->len, "force"))
            flags |= SHUTDOWN_FORCE;
        else if (util_eq_ci(a->ptr, a->len, "abort") && c->argc == 2) {
            /* Tern's shutdown never waits (no replicas to catch up), so
             * there is never one in progress to abort. */
            reply_error(c, "ERR No shutdown in progress.");
            return;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    if ((flags & SHUTDOWN_NOSAVE) && (flags & SHUTDOWN_SAVE)) {
        reply_error_syntax(c);
        return;
    }
    /* Saves first when it must (persist.c); on failure the server keeps
     * running and says so, as Redis does. */
    if (persist_prepare_shutdown(flags) == -1) {
        reply_error(c, "ERR Errors trying to SHUTDOWN. Check logs.");
        return;
    }
    server_request_shutdown(flags);
    /* Redis sends no reply on success: the connection just closes. */
}

/* LOLWUT [VERSION v]: Redis draws computer art here; Tern prints a small
 * picture of its own and the same closing line format. */
void cmd_lolwut(struct client *c)
{
    static const char art[] = "      __\n"
                              "  ___( o)>   Tern\n"
                              "  \\ <_. )\n"
                              "   `---'\n\n";
    char buf[256];
    int n = snprintf(buf, sizeof(buf), "%sTern ver. %s (Redis ver. %s)\n", art, TERN_VERSION,
                     TERN_REDIS_VERSION);
    reply_verbatim(c, buf, (size_t)n, "txt");
}
