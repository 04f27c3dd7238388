/* aof_rewrite: BGREWRITEAOF. A forked child writes the dataset as a new
 * base file (temp-rewriteaof-bg-<pid>.aof in the working directory); the
 * parent, which switched to a fresh incr file when the rewrite began,
 * then moves the new base into the AOF directory, writes the manifest
 * (new base, the incr files opened since, the rest as history) atomically,
 * and deletes the history files.
 *
 * Invariant: until the new manifest is renamed into place, the old
 * manifest and every file it names are untouched, so a crash at any point
 * loads either the old or the new state, both complete.
 *
 * The base is an RDB stream (rdb.h) or, with aof-use-rdb-preamble no,
 * commands (aof_base.c); the choice is fixed when the child forks.
 *
 * Must not know: the RDB format, data types.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aof.h"
#include "aof_int.h"
#include "client.h"
#include "cmd_procs.h"
#include "mem.h"
#include "rdb.h"
#include "reply.h"
#include "server.h"
#include "util.h"

#define TEMP_INCR "temp-appendonly.aof.incr"

int aof_write_base(int fd, int rdb)
{
    char err[256];
    if (!rdb) {
        if (aof_write_base_commands(fd) == -1) {
            server_log(LL_WARNING, "Error writing the AOF base: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    int flags = RDB_SAVE_AOF_BASE;
    if (server.aof_rewrite_incremental_fsync)
        flags |= RDB_SAVE_AUTOSYNC;
    if (rdb_save_fd(fd, flags, err, sizeof(err)) == -1) {
        server_log(LL_WARNING, "Error writing the AOF base: %s", err);
        return -1;
    }
    return 0;
}

static void temp_base_name(char *buf, size_t cap, pid_t pid)
{
    snprintf(buf, cap, "temp-rewriteaof-bg-%d.aof", (int)pid);
}

/* In the child: write the base and exit. */
static void child_main(void)
{
    char tmp[64];
    temp_base_name(tmp, sizeof(tmp), getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd == -1) {
        server_log(LL_WARNING,
                   "Opening the temp file for AOF rewrite in rewriteAppendOnlyFile(): "
                   "%s",
                   strerror(errno));
        _exit(1);
    }
    if (aof_write_base(fd, aof.rewrite_rdb) == -1 || fsync(fd) == -1) {
        close(fd);
        unlink(tmp);
        _exit(1);
    }
    close(fd);
    server_log(LL_NOTICE, "Successfully created the temporary AOF base file %s", tmp);
    child_report_cow();
    _exit(0);
}

void aof_delete_history(struct aof_manifest *m)
{
    char path[1400];
    for (int i = 0; i < m->nhist; i++) {
        server_log(LL_NOTICE, "Removing the history file %s in the background", m->hist[i].name);
        unlink(aof_path(path, sizeof(path), m->hist[i].name));
        mem_free(m->hist[i].name);
    }
    mem_free(m->hist);
    m->hist = NULL;
    m->nhist = 0;
}

/* Sum of the sizes of the base and incr files of m. */
static long long manifest_size(const struct aof_manifest *m)
{
    long long n = m->base ? aof_file_size(m->base->name) : 0;
    for (int i = 0; i < m->nincr; i++)
        n += aof_file_size(m->incr[i].name);
    return n;
}

static void rewrite_failed(const char *why)
{
    server_log(LL_WARNING, "Background AOF rewrite %s", why);
    aof.last_rewrite_ok = 0;
    aof.rewrite_failures++;
    aof.retry_after_ms = util_time_ms() + 1000;
}

/* The child succeeded: install its base and the new manifest. Returns 0
 * or -1 (nothing installed). */
static int install(const char *tmp)
{
    char path[1400], path2[1400];
    struct aof_manifest *m = aof.man ? aofm_dup(aof.man) : aofm_new();
    const char *base = aofm_new_base(m, aof.rewrite_rdb);
    if (rename(tmp, aof_path(path, sizeof(path), base)) == -1) {
        server_log(LL_WARNING, "Error trying to rename the temporary AOF base file %s into %s: %s",
                   tmp, base, strerror(errno));
        aofm_free(m);
        return -1;
    }
    server_log(LL_NOTICE, "Successfully renamed the temporary AOF base file %s into %s", tmp, base);
    if (aof.state == AOF_WAIT_REWRITE) {
        const char *incr = aofm_new_incr(m);
        aof_path(path2, sizeof(path2), TEMP_INCR);
        if (rename(path2, aof_path(path, sizeof(path), incr)) == -1) {
            server_log(LL_WARNING,
                       "Error trying to rename the temporary AOF incr file %s into "
                       "%s: %s",
                       TEMP_INCR, incr, strerror(errno));
            unlink(aof_path(path, sizeof(path), base));
            aofm_free(m);
            return -1;
        }
        server_log(LL_NOTICE, "Successfully renamed the temporary AOF incr file %s into %s",
                   TEMP_INCR, incr);
        aofm_to_history(m, 1);
    } else {
        int keep = 0;
        for (int i = 0; i < m->nincr; i++)
            keep += aof.state == AOF_ON && m->incr[i].seq >= aof.rewrite_first_incr;
        aofm_to_history(m, keep);
    }
    if (aofm_persist(m) == -1) {
        server_log(LL_WARNING, "Error persisting the AOF manifest: %s", strerror(errno));
        unlink(aof_path(path, sizeof(path), base));
        aofm_free(m);
        return -1;
    }
    aofm_free(aof.man);
    aof.man = m;
    if (aof.state == AOF_WAIT_REWRITE)
        aof.state = AOF_ON;
    aof_delete_history(aof.man);
    if (aofm_persist(aof.man) == -1)
        server_log(LL_WARNING, "Error persisting the AOF manifest: %s", strerror(errno));
    aof.current_size = aof.base_size = manifest_size(aof.man) + (long long)0;
    return 0;
}

static void rewrite_done(int exitcode, int bysignal, size_t cow, void *arg)
{
    (void)arg;
    char tmp[64];
    temp_base_name(tmp, sizeof(tmp), aof.rewrite_pid);
    aof.last_rewrite_secs = (util_time_ms() - aof.rewrite_start_ms) / 1000;
    aof.last_cow = (long long)cow;
    if (bysignal || exitcode != 0) {
        unlink(tmp);
        if (bysignal)
            server_log(LL_WARNING, "Background AOF rewrite terminated by signal %d", exitcode);
        rewrite_failed(bysignal ? "failed (killed)" : "terminated with error");
        return;
    }
    server_log(LL_NOTICE, "Background AOF rewrite terminated with success");
    if (aof.state == AOF_OFF && !aof.man) {
        unlink(tmp);
        return;
    }
    aof_write_buffer(0); /* the buffer belongs to the incr file that stays */
    if (install(tmp) == -1) {
        unlink(tmp);
        rewrite_failed("failed");
        return;
    }
    aof.rewrites++;
    aof.last_rewrite_ok = 1;
    aof.rewrite_failures = 0;
    server_log(LL_NOTICE, "Background AOF rewrite finished successfully");
}

/* Make sure the AOF directory exists and a manifest is in memory (the one
 * on disk, if any, so sequence numbers continue). */
static int prepare_dir(void)
{
    if (mkdir(server.appenddirname, 0755) == -1 && errno != EEXIST) {
        server_log(LL_WARNING, "Can't open or create append-only dir %s: %s", server.appenddirname,
                   strerror(errno));
        return -1;
    }
    if (!aof.man) {
        char name[1100], path[1400];
        aof_path(path, sizeof(path), aof_manifest_name(name, sizeof(name)));
        FILE *f = fopen(path, "r");
        if (f) {
            char buf[65536];
            size_t n = fread(buf, 1, sizeof(buf), f);
            fclose(f);
            char err[128];
            aof.man = aofm_parse(buf, n, err, sizeof(err));
        }
        if (!aof.man)
            aof.man = aofm_new();
    }
    return 0;
}

/* Switch appending to a new file for the duration of the rewrite. */
static int open_rewrite_incr(void)
{
    if (aof.state == AOF_WAIT_REWRITE) {
        if (aof.fd != -1)
            return 0; /* an earlier attempt failed: keep appending there */
        char path[1400];
        aof.fd = open(aof_path(path, sizeof(path), TEMP_INCR),
                      O_WRONLY | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (aof.fd == -1)
            return -1;
        server_log(LL_NOTICE, "Creating AOF incr file %s on background rewrite", TEMP_INCR);
        aof.selected_db = -1;
        return 0;
    }
    if (aof.state != AOF_ON)
        return 0;
    aof_write_buffer(1);
    struct aof_manifest *m = aofm_dup(aof.man);
    const char *incr = aofm_new_incr(m);
    int fd = aof_open_append(incr);
    if (fd == -1 || aofm_persist(m) == -1) {
        server_log(LL_WARNING, "Can't open the append-only file %s: %s", incr, strerror(errno));
        if (fd != -1)
            close(fd);
        aofm_free(m);
        return -1;
    }
    server_log(LL_NOTICE, "Creating AOF incr file %s on background rewrite", incr);
    aofm_free(aof.man);
    aof.man = m;
    aof.rewrite_first_incr = m->incr_seq;
    aof_bg_close(aof.fd);
    aof.fd = fd;
    aof.selected_db = -1;
    return 0;
}

int aof_rewrite_start(void)
{
    if (prepare_dir() == -1 || open_rewrite_incr() == -1) {
        rewrite_failed("failed");
        return -1;
    }
    aof.rewrite_rdb = server.aof_use_rdb_preamble != 0;
    pid_t pid = child_fork(CHILD_AOF, rewrite_done, NULL);
    if (pid == 0)
        child_main();
    if (pid == -1) {
        server_log(LL_WARNING, "Can't rewrite append only file in background: fork: %s",
                   strerror(errno));
        rewrite_failed("failed");
        return -1;
    }
    aof.rewrite_pid = pid;
    aof.rewrite_start_ms = util_time_ms();
    aof.rewrite_scheduled = 0;
    server_log(LL_NOTICE, "Background append only file rewriting started by pid %d", (int)pid);
    return 0;
}

int aof_rewrite_background(void)
{
    int type = aof_child_type();
    if (type == CHILD_AOF)
        return -1;
    if (type != CHILD_NONE) {
        aof.rewrite_scheduled = 1;
        return 1;
    }
    return aof_rewrite_start();
}

/* BGREWRITEAOF */
void cmd_bgrewriteaof(struct client *c)
{
    int type = aof_child_type();
    if (type == CHILD_AOF) {
        reply_error(c, "ERR Background append only file rewriting already in progress");
        return;
    }
    if (type != CHILD_NONE) {
        aof.rewrite_scheduled = 1;
        reply_status(c, "Background append only file rewriting scheduled");
        return;
    }
    if (aof_rewrite_start() == 0)
        reply_status(c, "Background append only file rewriting started");
    else
        reply_error(c, "ERR Can't execute an AOF background rewriting. Please check the server "
                       "logs for more information.");
}
