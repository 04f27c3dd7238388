/* aof_load: loading the AOF at startup: the manifest, the base file (an RDB
 * stream through rdb_load_fd, or commands) and the incr files in order,
 * replayed through a client that has no connection; or creating a fresh
 * AOF; or upgrading a Redis 6 single appendonly.aof into the directory.
 *
 * Replay: commands are parsed strictly (RESP arrays of bulk strings; "#"
 * annotation lines skipped) and run by calling the handler directly, as
 * Redis does (no statistics, no propagation). MULTI ... EXEC is gathered
 * and run at EXEC, so a transaction cut off by a crash is dropped whole.
 * While loading no key counts as expired (db_expiry_paused): the commands
 * saw those keys alive, and active/lazy expiry resumes afterwards.
 *
 * A truncated tail of the last file is cut off when aof-load-truncated is
 * yes; any other damage stops startup with the file name and offset.
 *
 * The load runs after the listeners are open: every 1024 commands (and
 * about every 2 MB of an RDB base) one non-blocking pass of the reactor
 * runs, so clients get -LOADING and INFO shows loading:1 with progress, as
 * for an RDB load (persist_load.c); SHUTDOWN or SIGTERM meanwhile exit at
 * once without saving. The test hook TERN_TEST_LOAD_DELAY_US (the same as
 * persist_load.c's) sleeps that long at each such pass.
 *
 * Must not know: data types, the RDB format.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aof.h"
#include "aof_int.h"
#include "client.h"
#include "cmd.h"
#include "db.h"
#include "ev.h"
#include "mem.h"
#include "notify.h"
/* persist's loading state (loading:1 in INFO, -LOADING in persist_gate)
 * is set here for the AOF load too, so both loads show the same way; that
 * state has no public setter (yet), hence the internal header. */
#include "persist_int.h"
#include "propagate.h"
#include "rdb.h"
#include "server.h"
#include "util.h"

#define LOAD_OK        0
#define LOAD_TRUNCATED 1
#define LOAD_BAD       2
#define LOAD_ERR       3 /* I/O or unknown command: message already logged */

/* A command parsed in the buffer: argument offsets relative to buf. */
struct pcmd {
    int argc;
    size_t *off, *len;
};

struct loader {
    const char *name; /* file name, for messages */
    int fd;
    char *buf;
    size_t start, len, cap; /* unparsed bytes are buf[start..len) */
    long long base_off;     /* file offset of buf[0] */
    int eof;
    struct client *c;
    struct pcmd *tx; /* commands gathered since MULTI */
    int ntx, txcap;
    long long multi_off; /* file offset of the MULTI, -1 if none open */
    unsigned long ncmds; /* commands run, for the periodic event pass */
};

/* ---- serving clients while loading ---- */

static size_t loaded_before; /* bytes of the files already loaded */
static int load_quiet;       /* DEBUG LOADAOF: no event passes (we are inside a command) */

/* Progress: bytes of the current file read so far. Runs the reactor once
 * (clients get -LOADING); exits if a shutdown was asked for meanwhile. */
static void load_progress(void *arg, size_t bytes_read)
{
    (void)arg;
    persist.loading_loaded = loaded_before + bytes_read;
    if (!load_quiet)
        persist_load_tick();
}

/* ---- the client without a connection ---- */

static struct client *fake_client(void)
{
    struct client *c = mem_calloc(1, sizeof(*c));
    c->conn.io.fd = -1;
    c->conn.flags = CONN_CLOSING; /* replies go to conn's scratch area */
    c->resp = 2;
    c->flags = CLIENT_AUTHED | CLIENT_DENY_BLOCKING;
    snprintf(c->addr, sizeof(c->addr), "%s", "");
    client_select(c, 0);
    return c;
}

/* ---- parsing ---- */

static void pcmd_free(struct pcmd *p)
{
    mem_free(p->off);
    mem_free(p->len);
    p->off = p->len = NULL;
    p->argc = 0;
}

/* Read a "<prefix><number>\r\n" line at b[*pos..len). 1 ok, 0 incomplete,
 * -1 bad. */
static int read_num(const char *b, size_t len, size_t *pos, char prefix, long long *out)
{
    if (*pos >= len)
        return 0;
    if (b[*pos] != prefix)
        return -1;
    const char *cr = memchr(b + *pos, '\r', len - *pos);
    if (!cr) {
        return len - *pos > 32 ? -1 : 0;
    }
    size_t end = (size_t)(cr - b);
    if (end + 1 >= len)
        return 0;
    if (b[end + 1] != '\n' || !util_str2ll(b + *pos + 1, end - *pos - 1, out))
        return -1;
    *pos = end + 2;
    return 1;
}

/* Parse one command at b[0..len): 1 complete (*used bytes), 0 need more,
 * -1 bad format. Offsets in p are relative to b. */
static int parse_cmd(const char *b, size_t len, size_t *used, struct pcmd *p)
{
    size_t pos = 0;
    long long argc, blen;
    int r = read_num(b, len, &pos, '*', &argc);
    if (r <= 0)
        return r;
    if (argc < 1 || argc > 1024 * 1024)
        return -1;
    p->argc = 0;
    p->off = mem_realloc(p->off, (size_t)argc * sizeof(size_t));
    p->len = mem_realloc(p->len, (size_t)argc * sizeof(size_t));
    for (long long i = 0; i < argc; i++) {
        r = read_num(b, len, &pos, '$', &blen);
        if (r <= 0)
            return r;
        if (blen < 0 || blen > 512LL * 1024 * 1024 * 4)
            return -1;
        if (len - pos < (size_t)blen + 2)
            return 0;
        if (b[pos + (size_t)blen] != '\r' || b[pos + (size_t)blen + 1] != '\n')
            return -1;
        p->off[i] = pos;
        p->len[i] = (size_t)blen;
        pos += (size_t)blen + 2;
        p->argc++;
    }
    *used = pos;
    return 1;
}

/* ---- running ---- */

/* Run argv through its handler. Returns 0, or -1 after logging. */
static int run(struct loader *L, int argc, struct resp_arg *argv)
{
    struct client *c = L->c;
    struct cmd *cmd = cmd_lookup(argv[0].ptr, argv[0].len);
    if (cmd && cmd->nsubcmds && argc >= 2)
        cmd = cmd_lookup_sub(cmd, argv[1].ptr, argv[1].len);
    if (!cmd) {
        server_log(LL_WARNING, "Unknown command '%.*s' reading the append only file %s",
                   (int)(argv[0].len > 128 ? 128 : argv[0].len), argv[0].ptr, L->name);
        return -1;
    }
    if ((cmd->arity > 0 && cmd->arity != argc) || argc < -cmd->arity) {
        server_log(LL_WARNING,
                   "Wrong number of arguments for '%s' reading the append only "
                   "file %s",
                   cmd->fullname ? cmd->fullname : cmd->name, L->name);
        return -1;
    }
    c->argc = argc;
    c->argv = argv;
    c->cmd = c->last_cmd = cmd;
    c->flags |= CLIENT_IN_CMD;
    cmd->proc(c);
    propagate_discard(); /* a replayed command is not fed back to the AOF */
    c->flags &= ~CLIENT_IN_CMD;
    c->argc = 0;
    c->argv = NULL;
    return 0;
}

static int run_pcmd(struct loader *L, const struct pcmd *p, const char *base)
{
    struct resp_arg stackv[16];
    struct resp_arg *argv = p->argc <= 16 ? stackv : mem_alloc((size_t)p->argc * sizeof(*argv));
    for (int i = 0; i < p->argc; i++)
        argv[i] = (struct resp_arg){(char *)base + p->off[i], p->len[i]};
    int r = run(L, p->argc, argv);
    if (argv != stackv)
        mem_free(argv);
    return r;
}

static int is_word(const char *base, const struct pcmd *p, const char *w)
{
    return p->argc == 1 && util_eq_ci(base + p->off[0], p->len[0], w);
}

/* Read more of the file into the buffer. 0 ok (maybe eof), -1 error. */
static int fill(struct loader *L)
{
    if (L->multi_off < 0 && L->start > 0) {
        /* Outside a transaction nothing before start is needed again. */
        memmove(L->buf, L->buf + L->start, L->len - L->start);
        L->base_off += (long long)L->start;
        L->len -= L->start;
        L->start = 0;
    }
    if (L->cap - L->len < 65536) {
        L->cap = L->cap ? L->cap * 2 : 1024 * 1024;
        L->buf = mem_realloc(L->buf, L->cap);
    }
    ssize_t n;
    do
        n = read(L->fd, L->buf + L->len, L->cap - L->len);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    if (n == 0)
        L->eof = 1;
    L->len += (size_t)n;
    return 0;
}

/* Replay the commands of L->fd from the current offset. Returns LOAD_*;
 * *valid is the offset up to which the file was whole. */
static int replay(struct loader *L, long long *valid)
{
    struct pcmd p = {0};
    int ret = LOAD_OK;
    for (;;) {
        if (L->start < L->len && L->buf[L->start] == '#') {
            /* An annotation line (Redis's #TS:...): skipped. */
            char *nl = memchr(L->buf + L->start, '\n', L->len - L->start);
            if (nl) {
                L->start = (size_t)(nl - L->buf) + 1;
                continue;
            }
        }
        size_t used = 0;
        int r = L->start < L->len ? parse_cmd(L->buf + L->start, L->len - L->start, &used, &p) : 0;
        if (r < 0) {
            *valid = L->base_off + (long long)L->start;
            ret = LOAD_BAD;
            break;
        }
        if (r == 0) {
            if (L->eof) {
                long long at = L->base_off + (long long)L->start;
                *valid = L->multi_off >= 0 ? L->multi_off : at;
                ret = (L->start < L->len || L->multi_off >= 0) ? LOAD_TRUNCATED : LOAD_OK;
                break;
            }
            if (fill(L) == -1) {
                server_log(LL_WARNING, "Error reading the append only file %s: %s", L->name,
                           strerror(errno));
                ret = LOAD_ERR;
                break;
            }
            continue;
        }
        /* Offsets relative to the whole buffer, so they survive reallocs. */
        for (int i = 0; i < p.argc; i++)
            p.off[i] += L->start;
        size_t cmd_start = L->start;
        L->start += used;
        if (is_word(L->buf, &p, "multi")) {
            if (L->multi_off >= 0) {
                *valid = L->base_off + (long long)cmd_start;
                ret = LOAD_BAD;
                break;
            }
            L->multi_off = L->base_off + (long long)cmd_start;
            continue;
        }
        if (L->multi_off >= 0 && !is_word(L->buf, &p, "exec")) {
            if (L->ntx == L->txcap) {
                L->txcap = L->txcap ? L->txcap * 2 : 16;
                L->tx = mem_realloc(L->tx, (size_t)L->txcap * sizeof(*L->tx));
            }
            L->tx[L->ntx++] = p;
            p = (struct pcmd){0};
            continue;
        }
        if (L->multi_off >= 0) {
            int bad = 0;
            for (int i = 0; i < L->ntx; i++) {
                if (!bad && run_pcmd(L, &L->tx[i], L->buf) == -1)
                    bad = 1;
                pcmd_free(&L->tx[i]);
            }
            L->ntx = 0;
            L->multi_off = -1;
            if (bad) {
                ret = LOAD_ERR;
                break;
            }
            continue;
        }
        if (run_pcmd(L, &p, L->buf) == -1) {
            ret = LOAD_ERR;
            break;
        }
        if (++L->ncmds % 1024 == 0)
            load_progress(NULL, (size_t)(L->base_off + (long long)L->start));
    }
    pcmd_free(&p);
    for (int i = 0; i < L->ntx; i++)
        pcmd_free(&L->tx[i]);
    mem_free(L->tx);
    mem_free(L->buf);
    return ret;
}

/* ---- files ---- */

/* Load one file of the AOF. last: it is the last file (a truncated tail
 * may be cut off). Returns 0 or -1 (logged). */
static int load_file(struct client *c, const char *name, int last, int is_base)
{
    char path[1400];
    aof_path(path, sizeof(path), name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        server_log(LL_WARNING, "Fatal error: can't open the append log file %s for reading: %s",
                   name, strerror(errno));
        return -1;
    }
    long long t0 = util_mono_us();
    char sig[5];
    ssize_t n = pread(fd, sig, 5, 0);
    if (n == 5 && !memcmp(sig, "REDIS", 5)) {
        server_log(LL_NOTICE, "Reading RDB base file on AOF loading...");
        struct rdb_load_info info = {0};
        char err[512];
        info.keep_expired = 1;
        info.progress = load_progress;
        if (rdb_load_fd(fd, &info, err, sizeof(err)) == -1) {
            server_log(LL_WARNING, "Error reading the RDB base file %s, AOF loading aborted: %s",
                       name, err);
            close(fd);
            return -1;
        }
        close(fd);
        server_log(LL_NOTICE, "DB loaded from %s file %s: %.3f seconds", is_base ? "base" : "incr",
                   name, (double)(util_mono_us() - t0) / 1e6);
        return 0;
    }
    struct loader L = {.name = name, .fd = fd, .c = c, .multi_off = -1};
    long long valid = 0;
    int r = replay(&L, &valid);
    close(fd);
    if (r == LOAD_ERR)
        return -1;
    if (r == LOAD_BAD) {
        server_log(LL_WARNING,
                   "Bad file format reading the append only file %s at offset %lld: "
                   "make a backup of your AOF file, then use ./redis-check-aof --fix "
                   "<filename.manifest>",
                   name, valid);
        return -1;
    }
    if (r == LOAD_TRUNCATED) {
        if (!last || !server.aof_load_truncated) {
            server_log(LL_WARNING,
                       "Unexpected end of file reading the append only file %s at "
                       "offset %lld. You can: 1) Make a backup of your AOF file, then "
                       "use ./redis-check-aof --fix <filename.manifest>. 2) "
                       "Alternatively you can set the 'aof-load-truncated' "
                       "configuration option to yes and restart the server.",
                       name, valid);
            return -1;
        }
        server_log(LL_WARNING, "!!! Warning: short read while loading the AOF file %s!!!", name);
        server_log(LL_WARNING, "!!! Truncating the AOF %s at offset %lld !!!", name, valid);
        if (truncate(path, (off_t)valid) == -1) {
            server_log(LL_WARNING, "Error truncating the AOF file %s: %s", name, strerror(errno));
            return -1;
        }
        server_log(LL_WARNING, "AOF %s loaded anyway because aof-load-truncated is enabled", name);
    }
    server_log(LL_NOTICE, "DB loaded from %s file %s: %.3f seconds", is_base ? "base" : "incr",
               name, (double)(util_mono_us() - t0) / 1e6);
    return 0;
}

static char *read_manifest(size_t *len)
{
    char name[1100], path[1400];
    aof_path(path, sizeof(path), aof_manifest_name(name, sizeof(name)));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = mem_alloc(cap);
    for (;;) {
        if (n == cap)
            buf = mem_realloc(buf, cap *= 2);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return buf;
}

/* Redis 6 kept one file, <dir>/<appendfilename>: move it into the
 * directory as the base and write a manifest naming it. */
static int upgrade_legacy(void)
{
    struct stat st;
    if (stat(server.appendfilename, &st) == -1)
        return 0;
    char path[1400];
    struct aof_manifest *m = aofm_new();
    m->base = mem_alloc(sizeof(*m->base));
    *m->base = (struct aof_file){mem_strdup(server.appendfilename), 1, AOF_FILE_BASE};
    m->base_seq = 1;
    if (rename(server.appendfilename, aof_path(path, sizeof(path), server.appendfilename)) == -1 ||
        aofm_persist(m) == -1) {
        server_log(LL_WARNING, "Error moving the old AOF file %s into %s: %s",
                   server.appendfilename, server.appenddirname, strerror(errno));
        aofm_free(m);
        return -1;
    }
    server_log(LL_NOTICE, "Successfully migrated an old-style AOF into the AOF directory");
    aof.man = m;
    return 0;
}

/* A fresh AOF: an empty base and the first incr file. */
static int create_fresh(void)
{
    aof.man = aofm_new();
    int rdb = server.aof_use_rdb_preamble != 0;
    const char *base = aofm_new_base(aof.man, rdb);
    char path[1400];
    int fd =
        open(aof_path(path, sizeof(path), base), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd == -1 || aof_write_base(fd, rdb) == -1 || fsync(fd) == -1) {
        server_log(LL_WARNING, "Can't create the AOF base file %s: %s", base, strerror(errno));
        if (fd != -1)
            close(fd);
        return -1;
    }
    close(fd);
    server_log(LL_NOTICE, "Creating AOF base file %s on server start", base);
    return 0;
}

/* Open the last incr file for appending, or create the first one. */
static int open_incr(void)
{
    const char *name;
    if (aof.man->nincr == 0) {
        name = aofm_new_incr(aof.man);
        server_log(LL_NOTICE, "Creating AOF incr file %s on server start", name);
    } else {
        name = aof.man->incr[aof.man->nincr - 1].name;
        server_log(LL_NOTICE, "Opening AOF incr file %s on server start", name);
    }
    aof.fd = aof_open_append(name);
    if (aof.fd == -1 || aofm_persist(aof.man) == -1) {
        server_log(LL_WARNING, "Can't open the append-only file %s: %s", name, strerror(errno));
        return -1;
    }
    return 0;
}

/* Mark the dataset as loading (INFO loading:1, -LOADING) or not. */
static void set_loading(int on, size_t total)
{
    persist.loading = on;
    aof.loading = on;
    if (!on)
        return;
    persist.loading_total = total;
    persist.loading_loaded = 0;
    persist.loading_start_s = util_time_ms() / 1000;
    persist.loading_start_ms = util_mono_us() / 1000;
}

/* Load the files m names into the (empty) dbs. Returns 0 or -1 (logged). */
static int load_all(const struct aof_manifest *m)
{
    struct client *c = fake_client();
    int total = (m->base ? 1 : 0) + m->nincr, idx = 0, r = 0;
    long long t0 = util_mono_us();
    long long bytes = m->base ? aof_file_size(m->base->name) : 0;
    for (int i = 0; i < m->nincr; i++)
        bytes += aof_file_size(m->incr[i].name);
    loaded_before = 0;
    set_loading(1, (size_t)bytes);
    db_expiry_paused = 1;
    if (m->base) {
        r = load_file(c, m->base->name, ++idx == total, 1);
        loaded_before += (size_t)aof_file_size(m->base->name);
    }
    for (int i = 0; r == 0 && i < m->nincr; i++) {
        r = load_file(c, m->incr[i].name, ++idx == total, 0);
        loaded_before += (size_t)aof_file_size(m->incr[i].name);
    }
    db_expiry_paused = 0;
    set_loading(0, 0);
    mem_free(c);
    if (r == 0)
        server_log(LL_NOTICE, "DB loaded from append only file: %.3f seconds",
                   (double)(util_mono_us() - t0) / 1e6);
    return r;
}

int aof_load_at_startup(void)
{
    if (mkdir(server.appenddirname, 0755) == -1 && errno != EEXIST) {
        server_log(LL_WARNING, "Can't open or create append-only dir %s: %s", server.appenddirname,
                   strerror(errno));
        return -1;
    }
    size_t len = 0;
    char *text = read_manifest(&len);
    if (text) {
        char err[256];
        aof.man = aofm_parse(text, len, err, sizeof(err));
        mem_free(text);
        if (!aof.man) {
            server_log(LL_WARNING, "Failed to load the AOF manifest: %s", err);
            return -1;
        }
    } else if (upgrade_legacy() == -1) {
        return -1;
    }
    if (aof.man && load_all(aof.man) == -1)
        return -1;
    int fresh = !aof.man;
    if (fresh && create_fresh() == -1)
        return -1;
    if (open_incr() == -1)
        return -1;
    aof.state = AOF_ON;
    aof.selected_db = -1;
    /* As Redis: the sizes count what was loaded; a fresh AOF starts at 0
     * (its empty base is not counted). */
    long long size = 0;
    if (!fresh && aof.man->base)
        size = aof_file_size(aof.man->base->name);
    for (int i = 0; !fresh && i < aof.man->nincr; i++)
        size += aof_file_size(aof.man->incr[i].name);
    aof.current_size = aof.base_size = size;
    aof.last_fsync_ms = util_time_ms();
    return 0;
}

int aof_debug_loadaof(void)
{
    /* As Redis: write out what is buffered, then trust the manifest on
     * disk, whether the AOF is on or not (BGREWRITEAOF with the AOF off
     * leaves a manifest and a base too). */
    if (aof.state == AOF_ON && aof_write_buffer(1) == -1)
        return -1;
    size_t len = 0;
    char *text = read_manifest(&len);
    if (!text)
        return 1;
    char err[256];
    struct aof_manifest *m = aofm_parse(text, len, err, sizeof(err));
    mem_free(text);
    if (!m) {
        server_log(LL_WARNING, "Failed to load the AOF manifest: %s", err);
        return -1;
    }
    for (int i = 0; i < server.databases; i++) {
        notify_key_modified(server.db[i], NULL, 0); /* WATCH and tracking, as a flush */
        db_empty(server.db[i]);
    }
    load_quiet = 1;
    int r = load_all(m);
    load_quiet = 0;
    aofm_free(m);
    if (r == 0)
        server_log(LL_WARNING, "Append Only File loaded by DEBUG LOADAOF");
    return r;
}
