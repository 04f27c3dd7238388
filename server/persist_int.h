/* persist_int: state shared by persist.c (saving, the gate) and
 * persist_load.c (loading, DEBUG RELOAD, INFO). Not for other modules.
 */
#ifndef TERN_PERSIST_INT_H
#define TERN_PERSIST_INT_H

#include <stddef.h>
#include <sys/types.h>

struct persist_state {
    int lastbgsave_ok;             /* INFO rdb_last_bgsave_status; MISCONF when 0 */
    int bgsave_scheduled;          /* BGSAVE SCHEDULE waiting for the other child */
    pid_t bgsave_pid;              /* the running BGSAVE child, 0 if none */
    long long dirty_before_bgsave; /* server.dirty at fork time */
    long long lastbgsave_try_ms;   /* wall clock of the last BGSAVE attempt */
    long long bgsave_start_ms;     /* monotonic fork time of the running child */
    long long last_bgsave_secs;    /* duration of the last BGSAVE, -1 if none */
    long long rdb_saves;           /* SAVE + BGSAVE started since startup */
    size_t last_cow;               /* rdb_last_cow_size */
    size_t save_keys_total;        /* keys when the running child forked */
    /* loading */
    int loading;
    long long loading_start_s;  /* wall clock, seconds */
    long long loading_start_ms; /* monotonic */
    size_t loading_total, loading_loaded;
    size_t last_load_keys_loaded, last_load_keys_expired;
};

extern struct persist_state persist;

/* Write the dataset to "temp-<pid>.rdb", fsync, rename over dbfilename,
 * fsync the directory. Logs like Redis on success and failure; the temp
 * file is removed on failure. Returns 0 or -1. */
int persist_write_rdb(pid_t pid);
/* One pass of the event loop while a dataset loads (clients get -LOADING,
 * INFO shows the progress already stored in persist.loading_loaded), after
 * the TERN_TEST_LOAD_DELAY_US test pause; exits the process if a shutdown
 * was asked for meanwhile (a load cannot be unwound midway, and Redis too
 * exits from inside its loading loop). Used by the RDB and AOF loaders. */
void persist_load_tick(void);

#endif
