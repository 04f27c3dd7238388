/* server: the global state, logging, listeners, accept, signals, the cron,
 * and shutdown. It wires the other modules together and is the only one that
 * knows them all.
 */
#include "server.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "aof.h"
#include "block.h"
#include "client.h"
#include "cmd.h"
#include "config.h"
#include "conn.h"
#include "db.h"
#include "ev.h"
#include "evict.h"
#include "limits.h"
#include "mem.h"
#include "net.h"
#include "child.h"
#include "persist.h"
#include "propagate.h"
#include "notify.h"
#include "reply.h"
#include "t_list.h"
#include "t_set.h"
#include "t_zset.h"
#include "t_hash.h"
#include "tracking.h"
#include "util.h"

struct server server;

#define MAX_LISTENERS (SERVER_MAX_BIND + 1)

struct listener {
    struct ev_io io;
    int is_unix;
};

static struct listener listeners[MAX_LISTENERS];
static int nlisteners;
static struct ev_io signal_io;
static int shutdown_flags;
static int exit_code;

/* ---- logging ---- */

void server_log(int level, const char *fmt, ...)
{
    if (level < server.verbosity)
        return;
    static const char marks[] = ".-*#";
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    char date[64];
    size_t off = strftime(date, sizeof(date), "%d %b %Y %H:%M:%S.", &tm);
    snprintf(date + off, sizeof(date) - off, "%03d", (int)(tv.tv_usec / 1000));

    FILE *f = stdout;
    int to_file = server.logfile && server.logfile[0];
    if (to_file) {
        f = fopen(server.logfile, "a");
        if (!f)
            return;
    }
    /* 'C' marks a forked child's lines (BGSAVE, BGREWRITEAOF), as Redis. */
    char role = server.pid && getpid() != server.pid ? 'C' : 'M';
    fprintf(f, "%d:%c %s %c %s\n", (int)getpid(), role, date, marks[level & 3], msg);
    fflush(f);
    if (to_file)
        fclose(f);
}

/* ---- accept ---- */

static void reject(int fd, const char *msg)
{
    /* Best effort: the socket is fresh, so a short message fits its buffer. */
    ssize_t r = send(fd, msg, strlen(msg), MSG_NOSIGNAL);
    (void)r;
    close(fd);
}

static const char protected_msg[] =
    "-DENIED Redis is running in protected mode because protected mode is enabled and no "
    "password is set for the default user. In this mode connections are only accepted from the "
    "loopback interface. If you want to connect from external computers to Redis you may adopt "
    "one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG "
    "SET protected-mode no' from the loopback interface by connecting to Redis from the same host "
    "the server is running, however MAKE SURE Redis is not publicly accessible from internet if "
    "you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just "
    "disable the protected mode by editing the Redis configuration file, and setting the protected "
    "mode option to 'no', and then restarting the server. 3) If you started the server manually "
    "just for testing, restart it with the '--protected-mode no' option. 4) Set up an "
    "authentication password for the default user. NOTE: You only need to do one of the above "
    "things in order for the server to start accepting connections from the outside.\r\n";

static void accept_one(int fd, int is_unix, const char *peer)
{
    server.stat_numconnections++;
    if (server.connected_clients >= server.maxclients) {
        server.stat_rejected_conn++;
        reject(fd, "-ERR max number of clients reached\r\n");
        return;
    }
    if (!is_unix) {
        net_tune_tcp(fd, server.tcp_keepalive);
        if (server.protected_mode && !(server.requirepass && server.requirepass[0]) &&
            !net_peer_is_local(fd)) {
            server.stat_rejected_conn++;
            reject(fd, protected_msg);
            return;
        }
    }
    struct client *c = client_create(fd, is_unix, peer);
    if (!c) {
        close(fd);
        return;
    }
    if (is_unix)
        snprintf(c->addr, sizeof(c->addr), "%s:0", server.unixsocket);
    net_sockname(fd, c->laddr, sizeof(c->laddr), 0);
    if (is_unix)
        snprintf(c->laddr, sizeof(c->laddr), "%s:0", server.unixsocket);
}

static void on_accept(struct ev_loop *loop, struct ev_io *io, unsigned events)
{
    (void)loop;
    (void)events;
    struct listener *l = (struct listener *)io;
    for (int i = 0; i < LIM_ACCEPTS_PER_EVENT; i++) {
        char peer[64];
        int fd = net_accept(io->fd, peer, sizeof(peer));
        if (fd == -1) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                server_log(LL_WARNING, "Accepting client connection: %s", strerror(errno));
            return;
        }
        accept_one(fd, l->is_unix, peer);
    }
}

static int add_listener(int fd, int is_unix)
{
    struct listener *l = &listeners[nlisteners++];
    l->io.fd = fd;
    l->io.cb = on_accept;
    l->is_unix = is_unix;
    return ev_io_add(server.loop, &l->io, EV_READ);
}

/* Close the TCP listeners (the unix one stays), keeping the array packed. */
static void close_tcp_listeners(void)
{
    int kept = 0;
    for (int i = 0; i < nlisteners; i++) {
        if (listeners[i].is_unix) {
            struct listener l = listeners[i];
            ev_io_del(server.loop, &listeners[i].io);
            listeners[kept] = l;
            ev_io_add(server.loop, &listeners[kept].io, EV_READ);
            kept++;
            continue;
        }
        ev_io_del(server.loop, &listeners[i].io);
        close(listeners[i].io.fd);
    }
    nlisteners = kept;
}

/* Listen on every "bind" address at server.port. An address prefixed with
 * '-' is optional: failing to bind it (e.g. no IPv6) is not fatal, as in
 * Redis. On failure every TCP listener opened here is closed again. */
static int open_tcp_listeners(void)
{
    char err[NET_ERR_LEN];
    if (server.port == 0)
        return 0;
    for (int i = 0; i < server.bind_count; i++) {
        const char *addr = server.bind[i];
        int optional = addr[0] == '-';
        if (optional)
            addr++;
        int fd = net_listen_tcp(addr, server.port, server.tcp_backlog, err);
        if (fd == -1) {
            if (optional)
                continue;
            server_log(LL_WARNING,
                       "Warning: Could not create server TCP listening socket %s:%d: %s", addr,
                       server.port, err);
            close_tcp_listeners();
            return -1;
        }
        if (add_listener(fd, 0) == -1) {
            close(fd);
            close_tcp_listeners();
            return -1;
        }
    }
    return 0;
}

/* CONFIG SET port / bind: listen anew. When that fails, config.c restores
 * the old values and calls the hook again, which reopens the old ones. */
static int apply_port(const char **err)
{
    close_tcp_listeners();
    if (open_tcp_listeners() == -1) {
        *err = "Unable to listen on this port. Check server logs.";
        return 0;
    }
    return 1;
}

static int apply_bind(const char **err)
{
    close_tcp_listeners();
    if (open_tcp_listeners() == -1) {
        *err = "Failed to bind to specified addresses.";
        return 0;
    }
    return 1;
}

static int open_listeners(void)
{
    char err[NET_ERR_LEN];
    if (open_tcp_listeners() == -1)
        return -1;
    if (server.unixsocket && server.unixsocket[0]) {
        int fd = net_listen_unix(server.unixsocket, server.unixsocketperm, server.tcp_backlog, err);
        if (fd == -1) {
            server_log(LL_WARNING, "Failed opening Unix socket: %s", err);
            return -1;
        }
        if (add_listener(fd, 1) == -1)
            return -1;
        server_log(LL_NOTICE, "The server is now ready to accept connections at %s",
                   server.unixsocket);
    }
    if (nlisteners == 0 && server.port != 0) {
        server_log(LL_WARNING, "Failed listening on port %d (tcp), aborting.", server.port);
        return -1;
    }
    return 0;
}

static void close_listeners(void)
{
    for (int i = 0; i < nlisteners; i++) {
        ev_io_del(server.loop, &listeners[i].io);
        close(listeners[i].io.fd);
    }
    nlisteners = 0;
    if (server.unixsocket && server.unixsocket[0])
        unlink(server.unixsocket);
}

/* ---- signals ---- */

static void on_signal(struct ev_loop *loop, struct ev_io *io, unsigned events)
{
    (void)loop;
    (void)events;
    struct signalfd_siginfo si;
    while (read(io->fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
        const char *name = si.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM";
        server_log(LL_WARNING, "Received %s scheduling shutdown...", name);
        /* With save points set this saves first; if that fails the server
         * keeps running, as Redis does. */
        if (persist_prepare_shutdown(0) == 0)
            server_request_shutdown(0);
        else
            server_log(LL_WARNING,
                       "%s received but errors trying to shut down the server, "
                       "check the logs for more information",
                       name);
    }
}

static int setup_signals(void)
{
    signal(SIGPIPE, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    /* A file-size limit must be a write error (EFBIG, then -MISCONF), not
     * the death of the server in the middle of a SAVE. */
    signal(SIGXFSZ, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    if (sigprocmask(SIG_BLOCK, &set, NULL) == -1)
        return -1;
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd == -1)
        return -1;
    signal_io.fd = fd;
    signal_io.cb = on_signal;
    return ev_io_add(server.loop, &signal_io, EV_READ);
}

/* ---- cron and loop hooks ---- */

static void on_expired(struct db *db, const char *key, size_t klen)
{
    /* Redis order: the "expired" keyspace event, then the key counts as
     * modified (WATCH fails, tracking invalidates). */
    notify_event(NOTIFY_EXPIRED, "expired", db, key, klen);
    notify_key_modified(db, key, klen);
    propagate_expired(db_id(db), key, klen); /* the AOF gets a DEL */
    server.stat_expiredkeys++;
}

/* A fork child shares the dataset's pages: reads must not write LRU
 * stamps meanwhile (each would copy a page). */
static void on_child_state(int running)
{
    db_lru_frozen = running;
}

static int cmp_pause_seq(const void *a, const void *b)
{
    uint64_t x = (*(struct client *const *)a)->pause_seq;
    uint64_t y = (*(struct client *const *)b)->pause_seq;
    return x < y ? -1 : x > y;
}

/* End the pause and run the held commands in the order they arrived, as
 * Redis does (the client list is newest-first, so walking it would run
 * them backwards). O(p log p) for p held clients. */
static void on_collection_stored(struct db *db, const char *key, size_t klen, int type)
{
    if (type == KV_LIST || type == KV_ZSET)
        block_signal_key(db, key, klen);
}

void server_unpause(void)
{
    server.pause_type = 0;
    server.pause_end_ms = 0;
    db_expiry_held_until = 0;
    size_t n = 0, i = 0;
    for (struct client *c = server.clients; c; c = c->next)
        n += (c->flags & CLIENT_PAUSED) != 0;
    if (n == 0)
        return;
    struct client **held = mem_alloc(n * sizeof(*held));
    for (struct client *c = server.clients; c; c = c->next)
        if (c->flags & CLIENT_PAUSED)
            held[i++] = c;
    qsort(held, n, sizeof(*held), cmp_pause_seq);
    /* Clear every flag first: a resumed command may pause again, and then
     * the later ones must be held afresh rather than slip through. */
    for (i = 0; i < n; i++)
        held[i]->flags &= ~CLIENT_PAUSED;
    for (i = 0; i < n; i++)
        client_resume(held[i]);
    mem_free(held);
}

static long long cron(struct ev_loop *loop, long long id, void *arg)
{
    (void)loop;
    (void)id;
    (void)arg;
    long long now = util_time_ms();
    db_clock_ms = now;
    if (server.pause_type && now >= server.pause_end_ms)
        server_unpause();
    client_cron(now);
    /* While the dataset loads, the loader owns the keyspace: no expiry,
     * rehashing or saving (events are served from its progress callback). */
    if (persist_loading())
        return 1000 / (server.hz > 0 ? server.hz : 10);
    /* Active expiry gets up to a quarter of each cron period, as Redis's slow
     * cycle does; it is adaptive inside db_active_expire(). Not while paused:
     * expiring keys is a write. */
    if (server.active_expire_enabled && !server.pause_type) {
        long long budget = 250000 / (server.hz > 0 ? server.hz : 10);
        long long per_db = budget / server.databases;
        for (int i = 0; i < server.databases; i++)
            if (db_expires(server.db[i]))
                db_active_expire(server.db[i], per_db > 100 ? per_db : 100);
    }
    propagate_flush_nowrap(); /* each expired key's DEL on its own */
    aof_cron();
    persist_cron(); /* save points, BGSAVE SCHEDULE, the child's COW */
    for (int i = 0; i < server.databases; i++)
        db_rehash_ms(server.db[i], 1);
    return 1000 / (server.hz > 0 ? server.hz : 10);
}

static void before_sleep(struct ev_loop *loop, void *arg)
{
    (void)arg;
    tracking_before_sleep(); /* BCAST invalidations, as Redis's beforeSleep */
    /* The AOF is written (and with appendfsync always, synced) before any
     * reply goes out; conn also calls it before each socket write. */
    propagate_flush();
    aof_before_reply();
    conn_flush_all(loop);
}

/* One clock read per wakeup: every command in the batch sees the same
 * "now", and none pays for its own clock_gettime. */
static void after_wake(struct ev_loop *loop, void *arg)
{
    (void)loop;
    (void)arg;
    db_clock_ms = util_time_ms();
}

static void after_batch(struct ev_loop *loop, void *arg)
{
    (void)loop;
    (void)arg;
    propagate_flush();
    aof_before_reply(); /* conn_reap writes replies */
    conn_reap();
    if (server.shutdown_asap)
        ev_stop(server.loop);
}

/* Copy the connection limits from the configuration into conn (which must
 * not know struct server). Also the CONFIG SET apply hook for them. */
static int apply_conn_limits(const char **err)
{
    (void)err;
    conn_limits.query_buf_max = server.client_query_buffer_limit;
    conn_limits.out_hard = server.cobl_normal_hard;
    conn_limits.out_soft = server.cobl_normal_soft;
    conn_limits.out_soft_secs = server.cobl_normal_secs;
    conn_limits.ps_hard = server.cobl_pubsub_hard;
    conn_limits.ps_soft = server.cobl_pubsub_soft;
    conn_limits.ps_soft_secs = server.cobl_pubsub_secs;
    return 1;
}

void server_request_shutdown(int flags)
{
    shutdown_flags = flags;
    server.shutdown_asap = 1;
}

void server_reset_stats(void)
{
    server.stat_numcommands = 0;
    server.stat_numconnections = 0;
    server.stat_rejected_conn = 0;
    server.stat_expiredkeys = 0;
    server.stat_expired_stale_perc = 0;
    server.stat_expired_time_cap_reached = 0;
    server.stat_keyspace_hits = 0;
    server.stat_keyspace_misses = 0;
    conn_totals.bytes_in = conn_totals.bytes_out = 0;
    server.stat_total_error_replies = 0;
    server.stat_unexpected_error_replies = 0;
    db_stats.expired = 0;
    evict_reset_stats();
    cmd_reset_stats();
    reply_errorstats_reset();
}

int server_init(void)
{
    server.pid = getpid();
    server.start_ms = util_time_ms();
    server.lastsave_ms = server.start_ms;
    server.next_client_id = 1;
    server.active_expire_enabled = 1; /* only DEBUG SET-ACTIVE-EXPIRE 0 turns it off */
    util_random_hex(server.run_id, 40);
    db_clock_ms = server.start_ms;
    server.loop = ev_create();
    if (!server.loop) {
        server_log(LL_WARNING, "Failed creating the event loop: %s", strerror(errno));
        return -1;
    }
    server.db = mem_calloc((size_t)server.databases, sizeof(*server.db));
    for (int i = 0; i < server.databases; i++)
        server.db[i] = db_create(i);
    db_hooks.on_expired = on_expired;
    db_hooks.on_collection_stored = on_collection_stored;
    db_hooks.on_key_added = notify_key_added;
    evict_init();
    cmd_init();
    t_list_init();
    t_set_init();
    t_zset_init();
    t_hash_init();
    apply_conn_limits(NULL);
    config_set_apply_hook("client-query-buffer-limit", apply_conn_limits);
    config_set_apply_hook("client-output-buffer-limit", apply_conn_limits);
    config_resetstat_hook = server_reset_stats;
    config_set_apply_hook("port", apply_port);
    config_set_apply_hook("bind", apply_bind);
    if (setup_signals() == -1) {
        server_log(LL_WARNING, "Failed setting up signal handling: %s", strerror(errno));
        return -1;
    }
    if (aof_init() == -1) {
        server_log(LL_WARNING, "Failed setting up the AOF: %s", strerror(errno));
        return -1;
    }
    child_init(server.loop);
    child_state_hook = on_child_state;
    if (open_listeners() == -1)
        return -1;
    ev_set_before_sleep(server.loop, before_sleep, NULL);
    ev_set_after_batch(server.loop, after_batch, NULL);
    ev_set_after_wake(server.loop, after_wake, NULL);
    ev_timer_add(server.loop, 1000 / (server.hz > 0 ? server.hz : 10), cron, NULL);
    if (server.pidfile && server.pidfile[0]) {
        FILE *f = fopen(server.pidfile, "w");
        if (f) {
            fprintf(f, "%d\n", (int)server.pid);
            fclose(f);
        }
    }
    server.startup_mem = mem_used();
    return 0;
}

/* Give pending replies a last chance to leave (bounded: a client that does
 * not read must not hold the shutdown). */
static void final_flush(void)
{
    for (int i = 0; i < 10; i++) {
        int pending = 0;
        for (struct client *c = server.clients; c; c = c->next) {
            if (!(c->conn.flags & CONN_CLOSING) && conn_out_pending(&c->conn)) {
                pending = 1;
                ssize_t w = send(c->conn.io.fd, c->conn.obuf + c->conn.osent,
                                 conn_out_pending(&c->conn), MSG_NOSIGNAL | MSG_DONTWAIT);
                if (w > 0)
                    c->conn.osent += (size_t)w;
            }
        }
        if (!pending)
            break;
        usleep(1000);
    }
}

/* Like Redis, an exit leaves freeing to the kernel. Under ASan we free the
 * keyspace so LeakSanitizer, which cannot see into the slab's mmap region,
 * does not report every value stored there as leaked. */
static void free_keyspace_for_leak_check(void)
{
#if defined(__SANITIZE_ADDRESS__)
    for (int i = 0; i < server.databases; i++)
        db_free(server.db[i]);
#endif
}

void server_exit(int code)
{
    free_keyspace_for_leak_check();
    exit(code);
}

int server_run(void)
{
    /* The listeners are open: clients get -LOADING while the dataset
     * loads: with appendonly yes the AOF (aof_load_at_startup), otherwise
     * dbfilename (persist.c). */
    if ((server.appendonly && aof_load_at_startup() == -1) || persist_load_startup() == -1) {
        close_listeners();
        if (server.pidfile && server.pidfile[0])
            unlink(server.pidfile);
        free_keyspace_for_leak_check(); /* what a failed load left */
        return 1;
    }
    server_log(LL_NOTICE, "Ready to accept connections");
    ev_run(server.loop);
    (void)shutdown_flags;
    aof_shutdown();
    close_listeners();
    conn_flush_all(server.loop);
    final_flush();
    if (server.pidfile && server.pidfile[0]) {
        server_log(LL_NOTICE, "Removing the pid file.");
        unlink(server.pidfile);
    }
    free_keyspace_for_leak_check();
    server_log(LL_WARNING, "Redis is now ready to exit, bye bye...");
    return exit_code;
}
