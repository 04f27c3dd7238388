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

#define TERN_VERSION "0.1.0"
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
    char *requirepass;           /* NULL if none */
    int databases;
    int hz;
    long long timeout;           /* idle seconds, 0 = never */
    int maxclients;
    long long proto_max_bulk_len;
    long long client_query_buffer_limit;
    long long cobl_normal_hard, cobl_normal_soft, cobl_normal_secs;
    long long cobl_pubsub_hard, cobl_pubsub_soft, cobl_pubsub_secs;
    long long cobl_replica_hard, cobl_replica_soft, cobl_replica_secs;
    int verbosity;               /* loglevel */
    char *logfile;               /* "" = stdout */
    char *pidfile;
    int daemonize;
    char *dir;
    char *dbfilename;
    long long maxmemory;
    int maxmemory_policy;
    int enable_debug_command;    /* 0 no, 1 yes, 2 local */
    long long slowlog_log_slower_than;
    long long slowlog_max_len;
    long long latency_monitor_threshold;
    int active_expire_enabled;   /* DEBUG SET-ACTIVE-EXPIRE */
    int active_expire_effort;
    int lazyfree_lazy_user_del, lazyfree_lazy_user_flush;
    char *configfile;            /* absolute path, NULL if started without one */

    /* ---- runtime ---- */
    struct ev_loop *loop;
    struct db **db;              /* databases[] */
    struct client *clients;      /* all clients, newest first */
    struct client *monitors;
    uint64_t next_client_id;
    int connected_clients;
    pid_t pid;
    char run_id[41];
    long long start_ms;
    long long dirty;             /* changes since the last save */
    int shutdown_asap;
    long long pause_end_ms;
    int pause_type;              /* 0 none, 1 write, 2 all */

    /* ---- statistics (CONFIG RESETSTAT clears these) ---- */
    long long stat_numcommands;
    long long stat_numconnections;
    long long stat_rejected_conn;
    long long stat_expiredkeys;
    long long stat_expired_stale_perc;
    long long stat_expired_time_cap_reached;
    long long stat_keyspace_hits;
    long long stat_keyspace_misses;
    long long stat_net_input_bytes;
    long long stat_net_output_bytes;
    long long stat_total_error_replies;
    long long stat_unexpected_error_replies;
};

extern struct server server;

/* Log at a level (dropped when below the configured verbosity). */
void server_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
