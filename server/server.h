/* server: the one global state struct, main(), wiring and the cron.
 *
 * struct server holds the configuration (whose table lives in config.c and
 * points at the fields here), the databases, the client list and the
 * statistics that INFO reports. It is the only module that knows every other.
 */
#ifndef TERN_SERVER_H
#define TERN_SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TERN_VERSION       "0.1.0"
#define TERN_REDIS_VERSION "7.0.15"

struct ev_loop;
struct db;
struct client;

/* Log levels, as Redis names them. */
#define LL_DEBUG   0
#define LL_VERBOSE 1
#define LL_NOTICE  2
#define LL_WARNING 3

#define SERVER_MAX_BIND 16

struct server {
    /* ---- configuration (see config.c for names, defaults and parsing) ---- */
    char *bind[SERVER_MAX_BIND];
    int bind_count;
    int port;
    char *unixsocket;
    int unixsocketperm;
    int tcp_backlog;
    int tcp_keepalive;
    int protected_mode;
    char *requirepass; /* NULL if none */
    int databases;
    int hz;
    long long timeout; /* idle seconds, 0 = never */
    int maxclients;
    long long proto_max_bulk_len;
    long long client_query_buffer_limit;
    long long cobl_normal_hard, cobl_normal_soft, cobl_normal_secs;
    long long cobl_pubsub_hard, cobl_pubsub_soft, cobl_pubsub_secs;
    long long cobl_replica_hard, cobl_replica_soft, cobl_replica_secs;
    int verbosity; /* loglevel */
    char *logfile; /* "" = stdout */
    char *pidfile;
    int daemonize;
    char *dir;
    char *dbfilename;
    long long maxmemory;
    int maxmemory_policy;
    int enable_debug_command; /* 0 no, 1 yes, 2 local */
    long long slowlog_log_slower_than;
    long long slowlog_max_len;
    long long latency_monitor_threshold;
    int active_expire_enabled; /* DEBUG SET-ACTIVE-EXPIRE */
    int active_expire_effort;
    int lazyfree_lazy_user_del, lazyfree_lazy_user_flush;
    char *configfile; /* absolute path, NULL if started without one */
    /* Added with config.c; see its table for names, ranges and defaults. */
    long long *save_params; /* "save": pairs (seconds, changes), owned */
    int save_params_len;    /* number of pairs */
    int appendonly;
    int appendfsync; /* CONFIG_FSYNC_* (config.h) */
    char *appendfilename, *appenddirname;
    int aof_use_rdb_preamble, aof_load_truncated, no_appendfsync_on_rewrite;
    int auto_aof_rewrite_percentage;
    long long auto_aof_rewrite_min_size;
    int rdbcompression, rdbchecksum, stop_writes_on_bgsave_error;
    int rdb_save_incremental_fsync, aof_rewrite_incremental_fsync;
    int disable_thp;
    int list_max_listpack_size, list_compress_depth;
    long long hash_max_listpack_entries, hash_max_listpack_value;
    long long set_max_intset_entries;
    long long zset_max_listpack_entries, zset_max_listpack_value;
    long long stream_node_max_bytes, stream_node_max_entries;
    long long hll_sparse_max_bytes;
    int notify_keyspace_events; /* NOTIFY_* bits (notify.h) */
    long long tracking_table_max_keys;
    int maxmemory_samples, maxmemory_eviction_tenacity;
    long long maxmemory_clients; /* bytes, or -percent when negative */
    int lfu_log_factor, lfu_decay_time;
    int lazyfree_lazy_eviction, lazyfree_lazy_expire, lazyfree_lazy_server_del;
    int io_threads;                 /* accepted, ignored: Tern is single-threaded */
    long long busy_reply_threshold; /* ms; alias lua-time-limit */
    int activerehashing, dynamic_hz;
    long long acllog_max_len;
    int latency_tracking;
    int shutdown_timeout;
    int enable_protected_configs; /* CONFIG_PROTECTED_* */
    int enable_module_command;
    int sanitize_dump_payload; /* CONFIG_SANITIZE_* */
    char *masterauth;

    /* ---- runtime ---- */
    struct ev_loop *loop;
    struct db **db;         /* databases[] */
    struct client *clients; /* all clients, newest first */
    struct client *monitors;
    struct client *current_client; /* whose command runs now (cmd_call), or NULL */
    uint64_t next_client_id;
    int connected_clients;
    pid_t pid;
    char run_id[41];
    long long start_ms;
    /* mem_used() once server_init is done (MEMORY STATS startup.allocated) */
    size_t startup_mem;
    long long dirty;       /* changes since the last save */
    long long lastsave_ms; /* time of the last successful save (start time before any) */
    int shutdown_asap;
    long long pause_end_ms;
    int pause_type; /* 0 none, 1 write, 2 all */

    /* ---- statistics (CONFIG RESETSTAT clears these) ---- */
    long long stat_numcommands;
    long long stat_numconnections;
    long long stat_rejected_conn;
    long long stat_expiredkeys;
    long long stat_expired_stale_perc;
    long long stat_expired_time_cap_reached;
    long long stat_keyspace_hits;
    long long stat_keyspace_misses;
    long long stat_total_error_replies;
    long long stat_unexpected_error_replies;
};

extern struct server server;

/* Log at a level (dropped when below the configured verbosity), in Redis's
 * format: "<pid>:M <date> <level char> <message>". */
void server_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Set up everything (databases, listeners, signals, cron) after the config
 * is loaded. Returns 0, or -1 after logging why. */
int server_init(void);
/* Run the event loop until shutdown; returns the process exit code. */
int server_run(void);
/* Ask for a clean shutdown at the end of the current batch (SHUTDOWN,
 * SIGTERM). flags are SHUTDOWN_* bits. */
#define SHUTDOWN_NOSAVE (1 << 0)
#define SHUTDOWN_SAVE   (1 << 1)
#define SHUTDOWN_NOW    (1 << 2)
#define SHUTDOWN_FORCE  (1 << 3)
void server_request_shutdown(int flags);
/* Resume clients held by CLIENT PAUSE (called on UNPAUSE and on expiry). */
void server_unpause(void);
/* Leave the process now with code (a fatal error, or a shutdown from inside
 * a load that cannot be unwound). Under ASan it frees the keyspace first so
 * LeakSanitizer does not report values it cannot see in the slab. */
void server_exit(int code) __attribute__((noreturn));
/* Reset the statistics that CONFIG RESETSTAT clears. */
void server_reset_stats(void);

#endif
