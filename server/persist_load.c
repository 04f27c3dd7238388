/* persist_load: loading the dataset (startup, DEBUG RELOAD) and the INFO
 * persistence section. See persist.h.
 *
 * While the startup load runs, rdb_load_fd calls back about every 2 MB;
 * the callback runs one non-blocking pass of the reactor, so clients can
 * connect and get -LOADING (persist_gate), INFO shows loading:1, and
 * SHUTDOWN or SIGTERM end the process without saving (the dataset is
 * incomplete), as Redis does. DEBUG RELOAD loads without serving others.
 *
 * Test hook: the environment variable TERN_TEST_LOAD_DELAY_US makes each
 * progress callback sleep that long, so tests can observe loading without
 * a huge dataset. It is read once at startup; nothing else depends on it.
 *
 * Must not know: the RDB byte format.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aof.h"
#include "child.h"
#include "client.h"
#include "db.h"
#include "ev.h"
#include "notify.h"
#include "persist.h"
#include "persist_int.h"
#include "rdb.h"
#include "reply.h"
#include "server.h"
#include "util.h"

void persist_load_tick(void)
{
    static long long delay_us = -1;
    if (delay_us < 0) {
        const char *d = getenv("TERN_TEST_LOAD_DELAY_US");
        delay_us = d ? atoll(d) : 0;
    }
    if (delay_us > 0)
        usleep((useconds_t)delay_us);
    ev_run_once(server.loop, 0);
    if (server.shutdown_asap) {
        /* SHUTDOWN or SIGTERM while loading: persist_prepare_shutdown
         * already forced NOSAVE. */
        if (server.pidfile && server.pidfile[0])
            unlink(server.pidfile);
        server_log(LL_WARNING, "Redis is now ready to exit, bye bye...");
        server_exit(0);
    }
}

/* Progress callback. arg is non-NULL when clients are served meanwhile. */
static void load_progress(void *arg, size_t bytes_read)
{
    persist.loading_loaded = bytes_read;
    if (arg)
        persist_load_tick();
}

/* Load dbfilename into the (empty) dbs. serve: process events meanwhile.
 * Returns 0, 1 if the file does not exist, -1 on error (message in err). */
static int load_rdb(int serve, char *err, size_t errlen)
{
    int fd = open(server.dbfilename, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        if (errno == ENOENT)
            return 1;
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    persist.loading_total = fstat(fd, &st) == 0 ? (size_t)st.st_size : 0;
    persist.loading_loaded = 0;
    persist.loading_start_s = util_time_ms() / 1000;
    persist.loading_start_ms = util_mono_us() / 1000;
    persist.loading = 1;
    struct rdb_load_info info = {.progress = load_progress, .arg = serve ? &info : NULL};
    int rc = rdb_load_fd(fd, &info, err, errlen);
    close(fd);
    persist.loading = 0;
    persist.last_load_keys_loaded = info.keys_loaded;
    persist.last_load_keys_expired = info.keys_expired;
    return rc == 0 ? 0 : -1;
}

int persist_load_startup(void)
{
    if (server.appendonly)
        return 0; /* the AOF is the dataset: aof_load_at_startup() in server_init */
    char err[512] = "";
    long long t0 = util_mono_us();
    int rc = load_rdb(1, err, sizeof(err));
    if (rc == 1)
        return 0;
    if (rc == -1) {
        server_log(LL_WARNING, "Fatal error loading the DB from %s: %s", server.dbfilename, err);
        server_log(LL_WARNING, "Terminating server after rdb file reading failure.");
        return -1;
    }
    server.dirty = 0;
    server_log(LL_NOTICE, "Done loading RDB, keys loaded: %zu, keys expired: %zu.",
               persist.last_load_keys_loaded, persist.last_load_keys_expired);
    server_log(LL_NOTICE, "DB loaded from disk: %.3f seconds", (double)(util_mono_us() - t0) / 1e6);
    return 0;
}

/* DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]. MERGE is accepted; Tern's loader
 * refuses a key that already exists, so NOFLUSH over existing keys fails
 * like a bad file (Redis MERGE would replace them). */
void persist_debug_reload(struct client *c)
{
    int flush = 1, save = 1;
    if (persist.loading) { /* DEBUG is allowed while loading; this is not */
        reply_error(c, "LOADING Redis is loading the dataset in memory");
        return;
    }
    for (int j = 2; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        if (util_eq_ci(a->ptr, a->len, "merge")) {
            /* nothing: see above */
        } else if (util_eq_ci(a->ptr, a->len, "noflush")) {
            flush = 0;
        } else if (util_eq_ci(a->ptr, a->len, "nosave")) {
            save = 0;
        } else {
            reply_error(c, "ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
            return;
        }
    }
    if (save && persist_save() == -1) {
        reply_error(c, "ERR");
        return;
    }
    if (flush) {
        for (int i = 0; i < server.databases; i++) {
            notify_key_modified(server.db[i], NULL, 0);
            db_empty(server.db[i]);
        }
    }
    char err[512] = "";
    if (load_rdb(0, err, sizeof(err)) != 0) {
        if (err[0])
            server_log(LL_WARNING, "Error loading the RDB file %s: %s", server.dbfilename, err);
        reply_error(c, "ERR Error trying to load the RDB dump");
        return;
    }
    server_log(LL_WARNING, "DB reloaded by DEBUG RELOAD");
    reply_ok(c);
}

/* ---- INFO ---- */

static void info_loading(persist_print_fn *out, void *sink)
{
    long long elapsed = util_mono_us() / 1000 - persist.loading_start_ms;
    size_t total = persist.loading_total, done = persist.loading_loaded;
    double perc = total ? 100.0 * (double)done / (double)total : 0;
    long long eta =
        done ? (long long)((double)elapsed / 1000.0 * (double)(total - done) / (double)done) : 1;
    out(sink,
        "loading_start_time:%lld\r\nloading_total_bytes:%zu\r\nloading_rdb_used_mem:0\r\n"
        "loading_loaded_bytes:%zu\r\nloading_loaded_perc:%.2f\r\nloading_eta_seconds:%lld\r\n",
        persist.loading_start_s, total, done, perc, eta);
}

void persist_info(persist_print_fn *out, void *sink)
{
    int rdb_child = child_type() == CHILD_RDB, any_child = child_type() != CHILD_NONE;
    long long age = 0;
    if (any_child && child_stats.cow_sampled_ms)
        age = (util_mono_us() / 1000 - child_stats.cow_sampled_ms) / 1000;
    out(sink,
        "loading:%d\r\nasync_loading:0\r\ncurrent_cow_peak:%zu\r\ncurrent_cow_size:%zu\r\n"
        "current_cow_size_age:%lld\r\ncurrent_fork_perc:0.00\r\n"
        "current_save_keys_processed:0\r\ncurrent_save_keys_total:%zu\r\n"
        "rdb_changes_since_last_save:%lld\r\nrdb_bgsave_in_progress:%d\r\n"
        "rdb_last_save_time:%lld\r\nrdb_last_bgsave_status:%s\r\n"
        "rdb_last_bgsave_time_sec:%lld\r\nrdb_current_bgsave_time_sec:%lld\r\n"
        "rdb_saves:%lld\r\nrdb_last_cow_size:%zu\r\nrdb_last_load_keys_expired:%zu\r\n"
        "rdb_last_load_keys_loaded:%zu\r\n",
        persist.loading, any_child ? child_stats.cow_peak : 0,
        any_child ? child_stats.cow_current : 0, age, rdb_child ? persist.save_keys_total : 0,
        server.dirty, rdb_child, server.lastsave_ms / 1000, persist.lastbgsave_ok ? "ok" : "err",
        persist.last_bgsave_secs, rdb_child ? child_age_ms() / 1000 : -1, persist.rdb_saves,
        persist.last_cow, persist.last_load_keys_expired, persist.last_load_keys_loaded);
    /* The AOF lines come from aof.c, in Redis's two places. */
    char aof[2048];
    if (aof_info_head(aof, sizeof(aof)))
        out(sink, "%s", aof);
    out(sink, "module_fork_in_progress:0\r\nmodule_fork_last_cow_size:0\r\n");
    if (aof_info_tail(aof, sizeof(aof)))
        out(sink, "%s", aof);
    if (persist.loading)
        info_loading(out, sink);
}
