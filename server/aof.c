/* aof: the runtime side of the append-only file (see aof.h): the write
 * buffer, the fsync policies and the fsync thread, turning the AOF on and
 * off, INFO. Loading is aof_load.c, rewriting aof_rewrite.c, the manifest
 * aof_manifest.c.
 *
 * Invariants: with appendfsync always, every byte fed before a reply is
 * written and fdatasync'ed before that reply can be written (conn calls
 * aof_before_reply before any socket write). The fsync thread only ever
 * touches file descriptors handed to it; an fd it may be syncing is closed
 * by the thread itself (aof_bg_close), never by the main thread.
 */
#include "aof.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aof_int.h"
#include "child.h"
#include "config.h"
#include "conn.h"
#include "ev.h"
#include "mem.h"
#include "persist.h"
#include "server.h"
#include "util.h"

struct aof_state aof = {.fd = -1, .selected_db = -1, .last_rewrite_secs = -1, .last_rewrite_ok = 1};

/* ---- the fsync thread ---- */

#define JOB_FSYNC 1
#define JOB_CLOSE 2
#define MAX_JOBS  64

struct job {
    int type, fd;
};

static pthread_mutex_t jlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jcond = PTHREAD_COND_INITIALIZER;
static struct job jobs[MAX_JOBS];
static int jhead, jcount, jstarted;
static int done_efd = -1;
static struct ev_io done_io;
static int bg_fsync_errno;         /* set by the thread, read under jlock */
static int fsync_failed;           /* the last background fsync failed (main thread) */
static long long synced_size = -1; /* current_size when the last fsync started */

static void *bg_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&jlock);
        while (jcount == 0)
            pthread_cond_wait(&jcond, &jlock);
        struct job j = jobs[jhead];
        pthread_mutex_unlock(&jlock);
        int err = 0;
        if (fdatasync(j.fd) == -1 && errno != EINVAL && errno != EBADF)
            err = errno;
        if (j.type == JOB_CLOSE)
            close(j.fd);
        pthread_mutex_lock(&jlock);
        jhead = (jhead + 1) % MAX_JOBS;
        jcount--;
        if (err)
            bg_fsync_errno = err;
        pthread_cond_broadcast(&jcond);
        pthread_mutex_unlock(&jlock);
        uint64_t one = 1;
        ssize_t w = write(done_efd, &one, sizeof(one));
        (void)w;
    }
    return NULL;
}

static void bg_post(int type, int fd)
{
    pthread_mutex_lock(&jlock);
    if (!jstarted) {
        pthread_t t;
        pthread_attr_t at;
        pthread_attr_init(&at);
        pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &at, bg_main, NULL) != 0) {
            pthread_mutex_unlock(&jlock);
            /* No thread: do the job here, slower but correct. */
            if (fdatasync(fd) == -1 && errno != EINVAL)
                server_log(LL_WARNING, "AOF fsync failed: %s", strerror(errno));
            if (type == JOB_CLOSE)
                close(fd);
            return;
        }
        pthread_attr_destroy(&at);
        jstarted = 1;
    }
    while (jcount == MAX_JOBS)
        pthread_cond_wait(&jcond, &jlock);
    jobs[(jhead + jcount) % MAX_JOBS] = (struct job){type, fd};
    jcount++;
    pthread_cond_signal(&jcond);
    pthread_mutex_unlock(&jlock);
}

/* The thread finished a job: clear the pending flag, note errors. */
static void on_bg_done(struct ev_loop *loop, struct ev_io *io, unsigned events)
{
    (void)loop;
    (void)events;
    uint64_t n;
    while (read(io->fd, &n, sizeof(n)) == (ssize_t)sizeof(n))
        ;
    pthread_mutex_lock(&jlock);
    int pending = jcount;
    int err = bg_fsync_errno;
    bg_fsync_errno = 0;
    pthread_mutex_unlock(&jlock);
    if (pending == 0)
        aof.fsync_pending = 0;
    if (err) {
        if (!fsync_failed)
            server_log(LL_WARNING, "Fail to fsync the AOF file: %s", strerror(err));
        /* Writes are refused (-MISCONF) until an fsync works again; the
         * next everysec tick retries even if nothing new was written. */
        aof.last_write_errno = err;
        fsync_failed = 1;
        synced_size = -1;
    } else if (fsync_failed && pending == 0) {
        fsync_failed = 0;
        if (aof.last_write_errno && aof.buflen == 0) {
            server_log(LL_WARNING, "AOF write error looks solved, Redis can write again.");
            aof.last_write_errno = 0;
        }
    }
}

/* Wait until the thread has finished every job (shutdown, turning off). */
static void bg_drain(void)
{
    pthread_mutex_lock(&jlock);
    while (jcount > 0)
        pthread_cond_wait(&jcond, &jlock);
    pthread_mutex_unlock(&jlock);
    aof.fsync_pending = 0;
}

void aof_bg_fsync(int fd)
{
    aof.fsync_pending = 1;
    bg_post(JOB_FSYNC, fd);
}

void aof_bg_close(int fd)
{
    if (fd != -1)
        bg_post(JOB_CLOSE, fd);
}

/* ---- files ---- */

int aof_open_append(const char *name)
{
    char path[1400];
    aof_path(path, sizeof(path), name);
    return open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
}

long long aof_file_size(const char *name)
{
    char path[1400];
    struct stat st;
    if (stat(aof_path(path, sizeof(path), name), &st) == -1)
        return 0;
    return (long long)st.st_size;
}

/* ---- feeding and writing ---- */

int aof_feeding(void)
{
    return aof.state != AOF_OFF;
}

static void buf_append(const char *p, size_t n)
{
    if (aof.buflen + n > aof.bufcap) {
        size_t cap = aof.bufcap ? aof.bufcap * 2 : 16384;
        while (cap < aof.buflen + n)
            cap *= 2;
        aof.buf = mem_realloc(aof.buf, cap);
        aof.bufcap = cap;
    }
    memcpy(aof.buf + aof.buflen, p, n);
    aof.buflen += n;
}

size_t aof_buffer_mem(void)
{
    return aof.buf ? mem_size(aof.buf) : 0;
}

void aof_feed(int dbid, const char *resp, size_t len)
{
    if (aof.state == AOF_OFF)
        return;
    if (dbid >= 0 && dbid != aof.selected_db) {
        char num[24], sel[64];
        size_t nl = util_ll2str(num, dbid);
        int n = snprintf(sel, sizeof(sel), "*2\r\n$6\r\nSELECT\r\n$%zu\r\n%s\r\n", nl, num);
        buf_append(sel, (size_t)n);
        aof.selected_db = dbid;
    }
    buf_append(resp, len);
}

/* Redis logs a failing AOF write at most once per this many seconds. */
#define AOF_WRITE_LOG_ERROR_RATE_MS 30000

/* The write of the buffer stopped after off bytes (errno from the failed
 * write()). As Redis 7.0: a short write is cut off the file again so it
 * holds whole commands only, and is reported as ENOSPC; a write that wrote
 * nothing reports its errno. The buffer keeps what is not on disk, to be
 * retried (before each reply batch and from cron) until it succeeds.
 * With appendfsync always the process exits, as Redis does. */
static void write_failed(size_t off)
{
    static long long last_log_ms;
    int err = errno;
    long long now = util_time_ms();
    int can_log = now - last_log_ms > AOF_WRITE_LOG_ERROR_RATE_MS;
    if (can_log)
        last_log_ms = now;
    if (off == 0) {
        if (can_log)
            server_log(LL_WARNING, "Error writing to the AOF file: %s", strerror(err));
    } else {
        if (can_log)
            server_log(LL_WARNING,
                       "Short write while writing to the AOF file: (nwritten=%zu, "
                       "expected=%zu)",
                       off, aof.buflen);
        /* O_APPEND: the file's end tells where this write started. */
        off_t end = lseek(aof.fd, 0, SEEK_END);
        if (end != -1 && ftruncate(aof.fd, end - (off_t)off) == 0) {
            off = 0;
        } else if (can_log) {
            server_log(LL_WARNING,
                       "Could not remove short write from the append-only file.  "
                       "Redis may refuse to load the AOF the next time it starts.  "
                       "ftruncate: %s",
                       strerror(errno));
        }
        err = ENOSPC;
    }
    aof.last_write_errno = err;
    if (server.appendfsync == CONFIG_FSYNC_ALWAYS) {
        server_log(LL_WARNING, "Can't recover from AOF write error when the AOF fsync policy "
                               "is 'always'. Exiting...");
        server_exit(1);
    }
    /* What did reach the file (the truncate failed) is not written again. */
    memmove(aof.buf, aof.buf + off, aof.buflen - off);
    aof.buflen -= off;
    aof.current_size += (long long)off;
}

int aof_write_buffer(int force_fsync)
{
    if (aof.fd == -1)
        return 0;
    size_t off = 0;
    while (off < aof.buflen) {
        ssize_t w = write(aof.fd, aof.buf + off, aof.buflen - off);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            if (w == 0)
                errno = ENOSPC;
            break;
        }
        off += (size_t)w;
    }
    if (off < aof.buflen) {
        write_failed(off);
        return -1;
    }
    aof.current_size += (long long)aof.buflen;
    int wrote = aof.buflen > 0;
    aof.buflen = 0;
    if (aof.last_write_errno) {
        server_log(LL_WARNING, "AOF write error looks solved, Redis can write again.");
        aof.last_write_errno = 0;
    }
    if (aof.bufcap > 4 * 1024 * 1024) {
        mem_free(aof.buf);
        aof.buf = NULL;
        aof.bufcap = 0;
    }
    long long now = util_time_ms();
    if (server.appendfsync == CONFIG_FSYNC_ALWAYS && (wrote || force_fsync)) {
        if (fdatasync(aof.fd) == -1 && errno != EINVAL) {
            server_log(LL_WARNING,
                       "Can't persist AOF for fsync error when the AOF fsync "
                       "policy is 'always': %s. Exiting...",
                       strerror(errno));
            server_exit(1);
        }
        aof.last_fsync_ms = now;
    } else if (force_fsync) {
        if (fdatasync(aof.fd) == -1 && errno != EINVAL)
            aof.last_write_errno = errno;
        aof.last_fsync_ms = now;
    }
    return 0;
}

/* everysec: start a background fsync when a second has passed and there
 * is something new to sync. */
static void maybe_fsync_everysec(void)
{
    if (server.appendfsync != CONFIG_FSYNC_EVERYSEC || aof.fd == -1 ||
        aof.current_size == synced_size)
        return;
    long long now = util_time_ms();
    if (now - aof.last_fsync_ms < 1000)
        return;
    if (aof.fsync_pending) {
        aof.fsync_delayed++;
        return;
    }
    aof.last_fsync_ms = now;
    synced_size = aof.current_size;
    aof_bg_fsync(aof.fd);
}

void aof_before_reply(void)
{
    if (aof.state == AOF_OFF || aof.buflen == 0)
        return;
    if (aof_write_buffer(0) == 0)
        maybe_fsync_everysec();
}

static void conn_hook(void)
{
    aof_before_reply();
}

void aof_cron(void)
{
    if (aof.state == AOF_OFF) {
        /* BGREWRITEAOF with the AOF off, scheduled behind another child. */
        if (aof.rewrite_scheduled && aof_child_type() == CHILD_NONE)
            aof_rewrite_start();
        return;
    }
    if (aof.buflen)
        aof_write_buffer(0);
    maybe_fsync_everysec();
    if (aof_child_type() != CHILD_NONE)
        return;
    long long now = util_time_ms();
    if (aof.rewrite_scheduled || (aof.state == AOF_WAIT_REWRITE && now >= aof.retry_after_ms)) {
        aof.rewrite_scheduled = 0;
        aof_rewrite_start();
        return;
    }
    if (aof.state == AOF_ON && server.auto_aof_rewrite_percentage > 0 &&
        aof.current_size > server.auto_aof_rewrite_min_size) {
        long long base = aof.base_size ? aof.base_size : 1;
        long long growth = (aof.current_size * 100 / base) - 100;
        if (growth >= server.auto_aof_rewrite_percentage) {
            server_log(LL_NOTICE, "Starting automatic rewriting of AOF on %lld%% growth", growth);
            aof_rewrite_start();
        }
    }
}

void aof_shutdown(void)
{
    if (aof.state == AOF_OFF)
        return;
    if (aof_child_type() == CHILD_AOF)
        child_kill();
    aof_write_buffer(1);
    if (jstarted)
        bg_drain();
    if (aof.fd != -1)
        fsync(aof.fd);
}

/* ---- on and off ---- */

static void stop_aof(void)
{
    aof_write_buffer(1);
    if (aof_child_type() == CHILD_AOF)
        child_kill();
    if (aof.state == AOF_WAIT_REWRITE) {
        char path[1400];
        unlink(aof_path(path, sizeof(path), "temp-appendonly.aof.incr"));
    }
    aof_bg_close(aof.fd);
    aof.fd = -1;
    aof.state = AOF_OFF;
    aof.rewrite_scheduled = 0;
    aof.buflen = 0;
    server_log(LL_VERBOSE, "AOF turned off");
}

/* CONFIG SET appendonly: yes starts a rewrite (writes wait in a temp incr
 * file until it is done); no closes the AOF. */
static int apply_appendonly(const char **err)
{
    /* While the AOF loads at startup, appendonly is already on. */
    if (persist_loading())
        return 1;
    if (server.appendonly && aof.state == AOF_OFF) {
        aof.state = AOF_WAIT_REWRITE;
        aof.selected_db = -1;
        if (aof_rewrite_background() == -1) {
            aof.state = AOF_OFF;
            *err = "Unable to turn on AOF. Check server logs.";
            return 0;
        }
    } else if (!server.appendonly && aof.state != AOF_OFF) {
        stop_aof();
    }
    return 1;
}

static int apply_appendfsync(const char **err)
{
    (void)err;
    if (aof.state != AOF_OFF && server.appendfsync == CONFIG_FSYNC_ALWAYS)
        aof_write_buffer(1);
    return 1;
}

int aof_init(void)
{
    config_set_apply_hook("appendonly", apply_appendonly);
    config_set_apply_hook("appendfsync", apply_appendfsync);
    conn_before_write_hook = conn_hook;
    child_init(server.loop); /* idempotent; persist.c may have done it already */
    done_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (done_efd == -1)
        return -1;
    done_io.fd = done_efd;
    done_io.cb = on_bg_done;
    return ev_io_add(server.loop, &done_io, EV_READ);
}

const char *aof_write_error(void)
{
    /* As Redis: only an AOF that is on refuses writes. */
    if (aof.state == AOF_OFF)
        return NULL;
    return aof.last_write_errno ? strerror(aof.last_write_errno) : NULL;
}

int aof_rewrite_in_progress(void)
{
    return aof_child_type() == CHILD_AOF;
}

/* ---- INFO ---- */

size_t aof_info_head(char *dst, size_t cap)
{
    int inprog = aof_child_type() == CHILD_AOF;
    long long cur = inprog ? (util_time_ms() - aof.rewrite_start_ms) / 1000 : -1;
    int n = snprintf(dst, cap,
                     "aof_enabled:%d\r\naof_rewrite_in_progress:%d\r\naof_rewrite_scheduled:%d\r\n"
                     "aof_last_rewrite_time_sec:%lld\r\naof_current_rewrite_time_sec:%lld\r\n"
                     "aof_last_bgrewrite_status:%s\r\naof_rewrites:%lld\r\n"
                     "aof_rewrites_consecutive_failures:%lld\r\naof_last_write_status:%s\r\n"
                     "aof_last_cow_size:%lld\r\n",
                     aof.state != AOF_OFF || aof.loading, inprog, aof.rewrite_scheduled,
                     aof.last_rewrite_secs, cur, aof.last_rewrite_ok ? "ok" : "err", aof.rewrites,
                     aof.rewrite_failures, aof.last_write_errno ? "err" : "ok", aof.last_cow);
    return n < 0 ? 0 : ((size_t)n >= cap ? cap - 1 : (size_t)n);
}

size_t aof_info_tail(char *dst, size_t cap)
{
    if (cap)
        dst[0] = '\0';
    if (aof.state == AOF_OFF && !aof.loading)
        return 0;
    int n = snprintf(dst, cap,
                     "aof_current_size:%lld\r\naof_base_size:%lld\r\naof_pending_rewrite:%d\r\n"
                     "aof_buffer_length:%zu\r\naof_pending_bio_fsync:%d\r\n"
                     "aof_delayed_fsync:%lld\r\n",
                     aof.current_size, aof.base_size, aof.rewrite_scheduled, aof.buflen,
                     aof.fsync_pending, aof.fsync_delayed);
    return n < 0 ? 0 : ((size_t)n >= cap ? cap - 1 : (size_t)n);
}
