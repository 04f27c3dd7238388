/* persist: the persistence runtime: SAVE/BGSAVE and save points, loading at
 * startup, the MISCONF write refusal, the shutdown save, DEBUG RELOAD, and
 * INFO persistence.
 *
 * Files: SAVE and the BGSAVE child write "temp-<pid>.rdb" in the working
 * directory (config "dir" chdirs there), fsync it, rename it over
 * dbfilename and fsync the directory, so a crash leaves either the old or
 * the new file, never a torn one. A failed or killed save removes its temp
 * file.
 *
 * Must not know: the RDB byte format (rdb.h) or data-type internals.
 */
#ifndef TERN_PERSIST_H
#define TERN_PERSIST_H

#include <stddef.h>

struct client;

/* 1 if c's command is refused now (-LOADING while the dataset loads,
 * -MISCONF after a failed background save, or the AOF's write error);
 * the error was replied (EXECABORT for EXEC). */
int persist_gate(struct client *c);

/* 1 while the dataset is loading (startup). */
int persist_loading(void);

/* Startup, after the listeners are open: load dbfilename if it exists,
 * serving -LOADING meanwhile. With appendonly yes it does nothing (aof.c
 * loaded the AOF in server_init). Returns 0, or -1 after logging why (the
 * caller exits non-zero). */
int persist_load_startup(void);

/* Foreground save to dbfilename (SAVE, shutdown, FLUSHALL). On success
 * clears dirty and sets lastsave. Returns 0 or -1 (logged). O(dataset). */
int persist_save(void);
/* Fork a background save. Returns 0 if started, -1 (logged) if not. */
int persist_bgsave(void);

/* Cron (server.hz): save points, a scheduled BGSAVE, COW sampling. */
void persist_cron(void);

/* Everything persistence does before the process may exit (SHUTDOWN,
 * SIGTERM/SIGINT): kill a saving child, save when save points are set
 * (or SHUTDOWN SAVE), unless NOSAVE. flags are SHUTDOWN_* (server.h).
 * Returns 0 if the server may exit, -1 if not (logged; the caller replies
 * "Errors trying to SHUTDOWN" or keeps running). */
int persist_prepare_shutdown(int flags);

/* FLUSHALL just emptied every db: as Redis 7.0, kill a saving child and,
 * when save points are set, save the (empty) dataset at once. Weak so that
 * t_keys' unit test links without persist: callers check it is non-NULL. */
void persist_after_flushall(void) __attribute__((weak));

/* DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: replies to c. */
void persist_debug_reload(struct client *c);

/* INFO output: fmt-style printer into an opaque sink (t_server's buffer). */
typedef void persist_print_fn(void *sink, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The "# Persistence" section body, Redis 7.0's fields in its order. */
void persist_info(persist_print_fn *out, void *sink);

#endif
