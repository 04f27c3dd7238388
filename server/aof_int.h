/* aof_int: what the aof*.c files share and nobody else sees: the manifest
 * model (aof_manifest.c), the runtime state (aof.c), the loader
 * (aof_load.c) and the rewrite (aof_rewrite.c).
 *
 * Layout on disk (Redis 7.0): <dir>/<appenddirname>/ holds
 *   <appendfilename>.<seq>.base.rdb|aof   one base file (type b)
 *   <appendfilename>.<seq>.incr.aof       incr files in order (type i)
 *   <appendfilename>.manifest             one line per file:
 *                                         "file <name> seq <n> type <b|i|h>\n"
 * History files (type h) are files a finished rewrite made obsolete; they
 * are deleted right after the manifest naming them as history is written.
 *
 * Invariant: the manifest on disk is only ever replaced by rename() of a
 * fully written and fsynced temp file, so a crash leaves either the old or
 * the new manifest, and every file either names exists.
 */
#ifndef TERN_AOF_INT_H
#define TERN_AOF_INT_H

#include <stddef.h>
#include <sys/types.h>

#include "child.h"

static inline int aof_child_type(void)
{
    return child_type();
}

#define AOF_FILE_BASE 'b'
#define AOF_FILE_INCR 'i'
#define AOF_FILE_HIST 'h'

struct aof_file {
    char *name; /* file name inside the AOF directory (owned) */
    long long seq;
    int type; /* AOF_FILE_* */
};

struct aof_manifest {
    struct aof_file *base; /* NULL if none */
    struct aof_file *incr; /* in order */
    int nincr;
    struct aof_file *hist;
    int nhist;
    long long base_seq, incr_seq; /* highest used so far */
};

/* ---- aof_manifest.c ---- */
/* Parse manifest text. Returns a new manifest, or NULL with a message in
 * err. Unknown keys on a line are ignored, as Redis does. O(len). */
struct aof_manifest *aofm_parse(const char *text, size_t len, char *err, size_t errlen);
struct aof_manifest *aofm_new(void);
void aofm_free(struct aof_manifest *m);
struct aof_manifest *aofm_dup(const struct aof_manifest *m);
/* The manifest as Redis writes it (base, history, then incr lines).
 * Returns a mem_alloc'd string, length in *len. */
char *aofm_format(const struct aof_manifest *m, size_t *len);
/* New file names, also recorded in m (seq incremented):
 * "<appendfilename>.<seq>.base.<rdb|aof>" / "<appendfilename>.<seq>.incr.aof". */
const char *aofm_new_base(struct aof_manifest *m, int rdb);
const char *aofm_new_incr(struct aof_manifest *m);
/* Mark the base and every incr file but the last keep_last ones as history. */
void aofm_to_history(struct aof_manifest *m, int keep_last_incr);
/* Write m to <dir>/<appendfilename>.manifest atomically (temp + fsync +
 * rename + fsync of the directory). Returns 0, or -1 with errno. */
int aofm_persist(const struct aof_manifest *m);
/* Path helpers: "<appenddirname>/<name>" into buf. */
const char *aof_path(char *buf, size_t cap, const char *name);
const char *aof_manifest_name(char *buf, size_t cap);
/* fsync the AOF directory (after a rename or create). */
void aof_fsync_dir(void);

/* ---- aof.c (runtime state used by the loader and the rewrite) ---- */
#define AOF_OFF          0
#define AOF_ON           1
#define AOF_WAIT_REWRITE 2 /* turned on at runtime: the first rewrite is pending */

struct aof_state {
    int state;
    struct aof_manifest *man; /* NULL while off */
    int fd;                   /* incr file being appended, or -1 */
    char *buf;                /* written commands not yet write()n */
    size_t buflen, bufcap;
    int selected_db;         /* db of the last SELECT written, -1 = none yet */
    long long current_size;  /* bytes of base + incr files */
    long long base_size;     /* current_size after the last rewrite/start */
    long long last_fsync_ms; /* everysec */
    int fsync_pending;       /* a background fsync runs */
    long long fsync_delayed;
    int last_write_errno; /* 0 = ok */
    /* rewrite */
    int rewrite_scheduled;
    long long rewrite_start_ms, last_rewrite_secs;
    int last_rewrite_ok;
    long long rewrites, rewrite_failures;
    long long last_cow;
    long long retry_after_ms;     /* AOF_WAIT_REWRITE: retry a failed rewrite after this */
    long long rewrite_first_incr; /* seq of the incr file opened when the rewrite began */
    pid_t rewrite_pid;
    int rewrite_rdb; /* the running rewrite writes an RDB base (preamble at fork) */
    int loading;     /* the AOF loads at startup (INFO shows it enabled, as Redis) */
};
extern struct aof_state aof;

/* Write the buffer out (and fsync per policy when force_fsync or always).
 * Returns 0 or -1 (error recorded in aof.last_write_errno). */
int aof_write_buffer(int force_fsync);
/* Hand fd to the background thread to fsync then close. */
void aof_bg_close(int fd);
/* Background fsync of fd (everysec). */
void aof_bg_fsync(int fd);
/* Open (create) name in the AOF directory for appending. -1 with errno. */
int aof_open_append(const char *name);
/* Size of a file in the AOF directory, 0 if missing. */
long long aof_file_size(const char *name);

/* ---- aof_base.c ---- */
/* Write the dataset to fd as commands (an AOF-format base, Redis 7.0's
 * forms). Returns 0, or -1 with errno. O(dataset). */
int aof_write_base_commands(int fd);

/* ---- aof_rewrite.c ---- */
/* Write the dataset as a base file to fd: an RDB stream when rdb, else
 * commands. Returns 0 or -1. */
int aof_write_base(int fd, int rdb);
/* Start a background rewrite now. Returns 0, or -1 with a log line. */
int aof_rewrite_start(void);
/* Delete the history files of m and drop them from it. */
void aof_delete_history(struct aof_manifest *m);

#endif
