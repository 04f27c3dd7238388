/* persist: see persist.h. This file: saving (SAVE, BGSAVE, save points,
 * the shutdown save, FLUSHALL's save) and the write gate (-LOADING,
 * -MISCONF). Loading, DEBUG RELOAD and INFO are in persist_load.c.
 *
 * Invariants:
 * - At most one child (child.c); a BGSAVE asked for while an AOF rewrite
 *   child runs is scheduled (BGSAVE SCHEDULE, or inside EXEC) and started
 *   by the cron once the child is gone.
 * - server.dirty counts changes since the last successful save: a
 *   foreground save clears it; a background save subtracts what it had at
 *   fork time, so changes made while the child ran still count.
 * - FLUSHALL with save points saves at once (as Redis 7.0), which clears
 *   server.dirty; persist_after_flushall then records FLUSHALL for the AOF
 *   itself, since cmd_call sees no change to propagate.
 * - lastbgsave_ok is what -MISCONF and INFO rdb_last_bgsave_status report;
 *   a foreground success also sets it (as Redis), a child killed with
 *   SIGUSR1 (by us) does not change it.
 */
#include "persist.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aof.h"
#include "child.h"
#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "multi.h"
#include "persist_int.h"
#include "propagate.h"
#include "rdb.h"
#include "reply.h"
#include "server.h"
#include "util.h"

#define BGSAVE_RETRY_DELAY 5 /* seconds between failed automatic BGSAVEs, as Redis */

struct persist_state persist = {
    .lastbgsave_ok = 1,
    .last_bgsave_secs = -1,
};

static const char misconf_rdb[] =
    "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
    "to disk. Commands that may modify the data set are disabled, because this instance is "
    "configured to report errors during writes if RDB snapshotting fails "
    "(stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB "
    "error.";

int persist_loading(void)
{
    return persist.loading;
}

/* ---- writing a snapshot ---- */

static void cwd(char *buf, size_t len)
{
    if (!getcwd(buf, len))
        snprintf(buf, len, "unknown");
}

/* fsync the directory holding dbfilename (the working directory) so the
 * rename itself is durable. Best effort: some file systems refuse it. */
static void fsync_dir(void)
{
    int fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd != -1) {
        fsync(fd);
        close(fd);
    }
}

int persist_write_rdb(pid_t pid)
{
    char tmp[64], dir[1024], err[256] = "";
    snprintf(tmp, sizeof(tmp), "temp-%d.rdb", (int)pid);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd == -1) {
        cwd(dir, sizeof(dir));
        server_log(LL_WARNING,
                   "Failed opening the temp RDB file %s (in server root dir %s) for saving: %s",
                   tmp, dir, strerror(errno));
        return -1;
    }
    errno = 0;
    int rc = rdb_save_fd(fd, server.rdb_save_incremental_fsync ? RDB_SAVE_AUTOSYNC : 0, err,
                         sizeof(err));
    int e = errno;
    if (rc == 0 && fsync(fd) == -1) {
        rc = -1;
        e = errno;
    }
    if (close(fd) == -1 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0) {
        /* Redis's line carries strerror(); rdb's own text only when the
         * failure was not a system call's. */
        server_log(LL_WARNING, "Write error saving DB on disk: %s", e ? strerror(e) : err);
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, server.dbfilename) == -1) {
        e = errno;
        cwd(dir, sizeof(dir));
        server_log(LL_WARNING,
                   "Error moving temp DB file %s on the final destination %s (in server root dir "
                   "%s): %s",
                   tmp, server.dbfilename, dir, strerror(e));
        unlink(tmp);
        return -1;
    }
    fsync_dir();
    server_log(LL_NOTICE, "DB saved on disk");
    return 0;
}

int persist_save(void)
{
    /* A BGSAVE child may be running (DEBUG RELOAD): its temp file has its
     * own pid in the name and both renames are atomic, so the later one
     * simply wins, as in Redis. */
    persist.rdb_saves++;
    if (persist_write_rdb(getpid()) == -1)
        return -1;
    server.dirty = 0;
    server.lastsave_ms = util_time_ms();
    persist.lastbgsave_ok = 1;
    return 0;
}

/* Parent: the BGSAVE child ended. */
static void bgsave_done(int exitcode, int bysignal, size_t cow, void *arg)
{
    (void)arg;
    persist.last_bgsave_secs = (util_mono_us() / 1000 - persist.bgsave_start_ms) / 1000;
    persist.last_cow = cow;
    if (!bysignal && exitcode == 0) {
        server_log(LL_NOTICE, "Background saving terminated with success");
        server.dirty -= persist.dirty_before_bgsave;
        server.lastsave_ms = util_time_ms();
        persist.lastbgsave_ok = 1;
    } else if (!bysignal) {
        server_log(LL_WARNING, "Background saving error");
        persist.lastbgsave_ok = 0;
    } else {
        server_log(LL_WARNING, "Background saving terminated by signal %d", exitcode);
        char tmp[64];
        snprintf(tmp, sizeof(tmp), "temp-%d.rdb", (int)persist.bgsave_pid);
        unlink(tmp);
        /* SIGUSR1 is how we stop a child on purpose (SHUTDOWN, FLUSHALL):
         * not a failure of the disk. */
        if (exitcode != SIGUSR1)
            persist.lastbgsave_ok = 0;
    }
    persist.bgsave_pid = 0;
}

/* Child: write the snapshot, report COW, exit. Never returns. */
static void bgsave_child(void)
{
    int rc = persist_write_rdb(getpid());
    if (rc == 0) {
        size_t cow = child_report_cow();
        server_log(LL_NOTICE, "Fork CoW for RDB: current %zu MB, peak %zu MB, average %zu MB",
                   cow >> 20, cow >> 20, cow >> 20);
    }
    _exit(rc == 0 ? 0 : 1);
}

int persist_bgsave(void)
{
    if (child_type() != CHILD_NONE)
        return -1;
    persist.dirty_before_bgsave = server.dirty;
    persist.lastbgsave_try_ms = util_time_ms();
    pid_t pid = child_fork(CHILD_RDB, bgsave_done, NULL);
    if (pid == -1) {
        persist.lastbgsave_ok = 0;
        server_log(LL_WARNING, "Can't save in background: fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0)
        bgsave_child();
    persist.rdb_saves++;
    persist.bgsave_pid = pid;
    persist.save_keys_total = 0;
    for (int i = 0; i < server.databases; i++)
        persist.save_keys_total += db_size(server.db[i]);
    persist.bgsave_start_ms = util_mono_us() / 1000;
    server_log(LL_NOTICE, "Background saving started by pid %d", (int)pid);
    return 0;
}

/* An automatic BGSAVE may run now: the last one succeeded, or the last
 * attempt is more than BGSAVE_RETRY_DELAY seconds old. */
static int retry_allowed(void)
{
    long long now_s = util_time_ms() / 1000;
    return persist.lastbgsave_ok || now_s - persist.lastbgsave_try_ms / 1000 > BGSAVE_RETRY_DELAY;
}

void persist_cron(void)
{
    if (persist.loading)
        return;
    if (child_type() != CHILD_NONE) {
        child_cron();
        return;
    }
    long long now_s = util_time_ms() / 1000;
    for (int j = 0; j < server.save_params_len; j++) {
        long long secs = server.save_params[2 * j], changes = server.save_params[2 * j + 1];
        if (server.dirty >= changes && now_s - server.lastsave_ms / 1000 > secs &&
            retry_allowed()) {
            server_log(LL_NOTICE, "%lld changes in %lld seconds. Saving...", changes, secs);
            persist_bgsave();
            return;
        }
    }
    if (persist.bgsave_scheduled && retry_allowed() && persist_bgsave() == 0)
        persist.bgsave_scheduled = 0;
}

/* ---- commands ---- */

void cmd_save(struct client *c)
{
    if (child_type() == CHILD_RDB) {
        reply_error(c, "ERR Background save already in progress");
        return;
    }
    if (persist_save() == 0)
        reply_ok(c);
    else
        reply_error(c, "ERR");
}

void cmd_bgsave(struct client *c)
{
    int schedule = 0;
    if (c->argc > 1) {
        if (c->argc == 2 && util_eq_ci(c->argv[1].ptr, c->argv[1].len, "schedule")) {
            schedule = 1;
        } else {
            reply_error_syntax(c);
            return;
        }
    }
    /* Inside EXEC a BGSAVE is always deferred to the cron, as Redis does. */
    int in_exec = (c->flags & CLIENT_DENY_BLOCKING) != 0;
    if (child_type() == CHILD_RDB) {
        reply_error(c, "ERR Background save already in progress");
    } else if (child_type() != CHILD_NONE || in_exec) {
        if (schedule || in_exec) {
            persist.bgsave_scheduled = 1;
            reply_status(c, "Background saving scheduled");
        } else {
            reply_error(c, "ERR Another child process is active (AOF?): can't BGSAVE right now. "
                           "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
        }
    } else if (persist_bgsave() == 0) {
        reply_status(c, "Background saving started");
    } else {
        reply_error(c, "ERR");
    }
}

/* ---- the gate ---- */

/* Refuse c's command with msg (EXECABORT when it is EXEC). */
static int refuse(struct client *c, const char *msg)
{
    if (!multi_exec_rejected(c, msg))
        reply_error(c, msg);
    return 1;
}

/* persist_gate once a refusal is possible (out of line: the common check
 * in persist_gate stays a few instructions). */
static __attribute__((noinline)) int gate_slow(struct client *c)
{
    const struct cmd *cmd = c->cmd;
    uint64_t flags = multi_effective_flags(c, cmd);
    /* Redis refuses writes, and PING too, so that a monitoring probe sees
     * the instance is unhealthy. */
    if ((flags & CMD_WRITE) || cmd->proc == cmd_ping) {
        if (server.stop_writes_on_bgsave_error && server.save_params_len > 0 &&
            !persist.lastbgsave_ok)
            return refuse(c, misconf_rdb);
        const char *why = aof_write_error();
        if (why) {
            char msg[512];
            snprintf(msg, sizeof(msg), "MISCONF Errors writing to the AOF file: %s", why);
            return refuse(c, msg);
        }
    }
    if (persist.loading && !(flags & CMD_LOADING))
        return refuse(c, "LOADING Redis is loading the dataset in memory");
    return 0;
}

int persist_gate(struct client *c)
{
    /* The common case: not loading, the last BGSAVE did not fail and the
     * AOF has no write error, so no refusal in gate_slow can apply. */
    if (!persist.loading && persist.lastbgsave_ok && !aof_write_error())
        return 0;
    return gate_slow(c);
}

/* ---- shutdown and FLUSHALL ---- */

/* Stop a running BGSAVE child and remove its temp file. */
static void kill_rdb_child(void)
{
    if (child_type() == CHILD_RDB)
        child_kill(); /* bgsave_done removes the temp file */
}

int persist_prepare_shutdown(int flags)
{
    server_log(LL_WARNING, "User requested shutdown...");
    /* A dataset still loading is incomplete: saving it would lose data. */
    if (persist.loading)
        flags = (flags & ~SHUTDOWN_SAVE) | SHUTDOWN_NOSAVE;
    if (child_type() == CHILD_RDB) {
        server_log(LL_WARNING, "There is a child saving an .rdb. Killing it!");
        kill_rdb_child();
    }
    /* The AOF itself is flushed and fsynced by aof_shutdown() on the way
     * out (server_run), once nothing can stop the exit. */
    if (child_type() == CHILD_AOF) {
        server_log(LL_WARNING, "There is a child rewriting the AOF. Killing it!");
        child_kill();
    }
    if ((server.save_params_len > 0 && !(flags & SHUTDOWN_NOSAVE)) || (flags & SHUTDOWN_SAVE)) {
        server_log(LL_NOTICE, "Saving the final RDB snapshot before exiting.");
        if (persist_save() == -1) {
            if (flags & SHUTDOWN_FORCE) {
                server_log(LL_WARNING, "Error trying to save the DB. Exit anyway.");
            } else {
                server_log(LL_WARNING, "Error trying to save the DB, can't exit.");
                goto error;
            }
        }
    }
    return 0;
error:
    server_log(LL_WARNING,
               "Errors trying to shut down the server. Check the logs for more information.");
    return -1;
}

void persist_after_flushall(void)
{
    kill_rdb_child();
    /* Redis 7.0 saves the emptied dataset right away when save points are
     * set (so a restart does not resurrect the old dump), and its INFO
     * then shows no pending changes. */
    if (server.save_params_len > 0)
        persist_save(); /* FLUSHALL forces its own propagation (t_keys.c) */
}
